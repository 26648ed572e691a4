"""Team verbs: the team is the subject and the person the object (ACQUIRE: "Astana
sign X", "the signing of X", "kon X vastleggen"; the subject team is the destination),
or the team wants the person (COURTED: "in het vizier van Movistar", "in talks with
Bora"; the team right after is the destination, whatever the preposition).
"""

from __future__ import annotations

ACQUIRE: tuple[str, ...] = (
    # Team as subject, person as object. "sign" alone is decided in context.
    r"sign(?:s|ed|ing)?\b",
    r"acquisition of\b",
    r"acquir(?:e|es|ed|ing)\b",
    r"recruit(?:s|ed|ing)?\b",
    r"snap(?:s|ped)? up\b",
    r"hir(?:e|es|ed|ing)\b",
    r"appoint(?:s|ed|ing)?\b",
    r"swoop(?:s|ed)? for\b",
    r"poach(?:es|ed)?\b",
    r"unveil(?:s|ed)?\b",
    r"bolster(?:s|ed)? (?:its|their) .{0,40}\bwith\b",
    r"lur(?:e|es|ed|ing)\b",
    r"(?:is|are|was|were|will be) followed to .{0,40}?\bby\b",
    r"land(?:s|ed)?\b",
    r"bring(?:s|ing)? back\b",
    r"brought back\b",
    r"bring(?:s|ing)? in\b",
    r"secur(?:e|es|ed|ing) the (?:signature|services) of\b",
    r"capture of\b",
    r"(?:announc|confirm|unveil)(?:e|es|ed|ing|s)? the (?:arrival|signing|recruitment|return) of\b",
    # Dutch
    r"binnen(?:halen|haalt|haalde|gehaald)\b",
    r"haalt .{0,60}binnen\b",
    r"haalde .{0,60}binnen\b",
    r"legt .{0,60}vast\b",
    r"vastleggen\b",
    r"versterkt zich met\b",
    r"vastgelegd\b",
    r"contracteert\b",
    r"strikt\b",
    r"trekt .{0,40}aan\b",
    r"aangetrokken\b",
    r"de komst van\b",
    # French
    r"recrut(?:e|é|ée)\b",
    r"recrutement de\b",
    r"s'offre\b",
    r"enrôle\b",
    r"l'arrivée de\b",
    # Italian
    r"ingaggia\b",
    r"l'ingaggio di\b",
    r"ingaggiato\b",
    r"ufficializza l'arrivo di\b",
    r"(?:mette|messo|messa) sotto contratto\b",
    r"annunci(?:a|ato|ano) l'(?:arrivo|ingaggio) di\b",
    # Spanish
    r"ficha a\b",
    r"fichado a\b",
    r"ha fichado a\b",
    r"el fichaje de\b",
    r"incorpora a\b",
    r"(?:anuncia|anunció|ha anunciado) la (?:llegada|incorporación) de\b",
    # German
    r"verpflichte(?:t|n)\b",
    r"verpflichtung von\b",
    r"holt .{0,60}(?:ins team|zurück)\b",
)

# A team wants the person: the team named right after is where the rumour sends them,
# whatever the preposition ("in het vizier van Movistar", "targeted by Ineos").
COURTED: tuple[str, ...] = (
    r"(?:in|holds?|held|opened) (?:advanced |contract )?talks with\b",
    r"negotiat(?:es|ing|ions) with\b",
    r"in gesprek met\b",
    r"onderhandelt met\b",
    r"en (?:discussions?|négociations?) avec\b",
    r"in trattativa con\b",
    r"tratta con\b",
    r"verhandelt mit\b",
    r"in verhandlungen mit\b",
    r"negocia con\b",
    r"target(?:ed)? (?:for|by)\b",
    r"on the radar of\b",
    r"on (?:the )?(?:shopping )?list of\b",
    r"courted by\b",
    r"linked (?:to|with)\b",
    r"wanted by\b",
    r"in het vizier van\b",
    r"in beeld bij\b",
    r"dans le viseur d(?:e|u|es)\b",
    r"convoitée? par\b",
    r"nel mirino d(?:i|el|ella|ello|ei)\b",
    r"corteggiat[oa] da(?:lla|l)?\b",
    r"im visier von\b",
    r"umworben von\b",
    r"en el punto de mira d(?:e|el)\b",
    # close to an agreement: the team in it is where the rumour sends the person
    r"(?:close to|closing in on|nearing|near|on the verge of) (?:a |an )?(?:[\w-]+ )?"
    r"(?:deal|agreement|contract) with\b",
    r"dicht bij een (?:akkoord|deal|overeenkomst|contract) met\b",
    r"proche d'(?:un|une) (?:accord|entente|contrat) avec\b",
    r"vicin(?:o|a|issimo|issima) (?:a|ad) (?:un )?(?:accordo|contratto) con\b",
    r"cerca de (?:un )?(?:acuerdo|contrato) con\b",
    r"kurz vor (?:einer einigung|einem vertrag|der unterschrift) (?:mit|bei)\b",
)

# "X has been signed by Y", "è stato ingaggiato dalla Y": the team after these signs.
PASSIVE_AGENT = r"by|door|par|dalla|dal|dallo|dall'|da|por|von|vom"

AGENT_ARTICLES = r"the|de|het|la|le|il|lo|el|der|dem"

# Objects of "sign"/"vastleggen" that are not the mover ("signed the contract").
THING_NOUNS = frozenset(
    {
        "contract",
        "deal",
        "agreement",
        "papers",
        "paperwork",
        "extension",
        "contrat",
        "contratto",
        "contrato",
        "vertrag",
        "overeenkomst",
        "akkoord",
        "accord",
        "accordo",
        "acuerdo",
        "team",
        "ploeg",
        "équipe",
        "squadra",
        "equipo",
        "mannschaft",
    }
)
