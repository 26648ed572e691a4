"""Words around mentions: the markers that give a team its role (TO_/FROM_/
AFFILIATION_MARKERS, FILLER_WORDS), words for a team, the words that list people
together (COORDINATION_WORDS) or open a relative clause, and the words of a speaker.
"""

from __future__ import annotations

# Words right before a team that make it the destination / the origin / the current team.
TO_MARKERS = (
    r"to|into|for|join|joins|joining|rejoin|naar|richting|bij|voor|à|au|aux|chez|vers|pour|"
    r"alla|al|all'|allo|ai|a|verso|per|con|zu|zum|zur|nach|beim|bei|für|para|hacia|en"
)

FROM_MARKERS = (
    r"from|leave|leaves|leaving|left|quit|quits|quitting|van|vanuit|verlaat|de|du|des|d'|"
    r"quitte|quitter|da|dal|dalla|dallo|dall'|lascia|von|vom|verlässt|desde|swapping|swap|swaps|"
    r"procedente|proveniente|ex"
)

AFFILIATION_MARKERS = r"at|with|on|met|avec|sous|con|bei|mit|en|in|of"

# Determiners/adjectives allowed between a marker and the team ("to the Belgian team").
FILLER_WORDS = (
    "the",
    "a",
    "an",
    "de",
    "het",
    "een",
    "la",
    "le",
    "les",
    "l'",
    "il",
    "lo",
    "der",
    "die",
    "das",
    "dem",
    "den",
    "el",
    "los",
    "del",
    "della",
    "dello",
    "dei",
    "des",
    "team",
    "squad",
    "ploeg",
    "équipe",
    "formation",
    "squadra",
    "mannschaft",
    "equipo",
    "second-division",
    "new",
    "french",
    "franse",
    "italian",
)

# Words allowed between people listed together ("X, Y and Z", "X from A along with Y").
COORDINATION_WORDS = frozenset(
    {
        "and",
        "en",
        "et",
        "e",
        "ed",
        "und",
        "y",
        "along",
        "with",
        "as",
        "well",
        "plus",
        "from",
        "van",
        "de",
        "da",
        "von",
        "the",
        "het",
        "la",
        "le",
        "il",
        "der",
        "die",
        "both",
        "also",
        "ook",
        "aussi",
        "anche",
        "auch",
    }
)

PRONOUNS = frozenset(
    {
        "he",
        "she",
        "they",
        "hij",
        "zij",
        "ze",
        "il",
        "elle",
        "lui",
        "lei",
        "er",
        "sie",
        "él",
        "ella",
        "the",  # "The move was announced", "The Italian will join": no named subject
        "de",
        "het",
        "le",
        "la",
        "l'",
        "der",
        "die",
        "das",
    }
)

# After "X," these open a relative clause about X: what it says is background.
RELATIVE_PRONOUNS = r"who|whose|die|dat|qui|que|dont|che|il quale|la quale|der|die|welche|quien"

# Words for a team, in the six languages.
TEAM_NOUNS = (
    r"team|squad|outfit|ploeg|formatie|équipe|formation|squadra|formazione|mannschaft|"
    r"rennstall|écurie|compagine|equipo|formación|escuadra|conjunto"
)

SPEECH = (
    r"said|says|told|tells|explained|confirmed|confirms|announced|added|stated|revealed|"
    r"zei|zegt|vertelde|bevestigde|liet weten|a déclaré|a confirmé|explique|a expliqué|"
    r"ha detto|ha confermato|ha spiegato|sagte|sagt|bestätigte|erklärte|dijo|confirmó|afirmó"
)

BOSS_TITLES = (
    r"boss|manager|general manager|team manager|teammanager|ceo|owner|principal|president|"
    r"director|directeur|manager général|patron|presidente|direttore|teamchef|chef|"
    r"ploegleider|ploegbaas|baas|eigenaar"
)
