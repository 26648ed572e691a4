"""When a team's word is not the team: a company, a race's name or a place."""

from __future__ import annotations

from feeds.nlp.cues.wordlist import words

# Words next to a team-like word that make it a company, not a team ("supermarket
# chain Jumbo", "software group Visma", "Ineos the chemicals group").
COMPANY_CUES: frozenset[str] = words(
    "supermarket supermarkets supermarktketen supermarkt keten chain retailer "
    "company companies firm group software bedrijf concern multinational "
    "chemicals chemical petrochemical shares share stock ipo listing flotation "
    "brand bank insurer airline airlines energy oil gas carmaker manufacturer "
    "entreprise societe societa azienda gruppo unternehmen konzern empresa "
    "capital city hauptstadt capitale hoofdstad president parliament government "
    "kingdom country republic stad ville citta stadt ciudad"
)

# Words that make the team-like word before them part of a race's name ("UAE Tour",
# "Lotto Belgium Tour" aside), or, with "of", after it ("Tour of Bahrain").
RACE_WORDS: frozenset[str] = words(
    "tour classic classique classica grand gp prix trophy trofeo cup coppa race ronde "
    "rundfahrt criterium challenge giro vuelta volta"
)

# Team words that are also places, and the prepositions that make them the place
# ("the stage finished in Astana"); "at Astana", "for Astana", "joins Astana" stay teams.
PLACE_TEAM_WORDS: frozenset[str] = words("astana bahrain israel uae emirates qazaqstan")
PLACE_PREPOSITIONS: frozenset[str] = words(
    "in into near naar nabij a au en dans nach im aus in nella nel desde hacia"
    # sl "v Astani" (in Astana)
    " v"
)
