"""Announcements (CONFIRMED: announcements, agreements), who says so (attributions,
reporting verbs: a rumour from a newspaper, an announcement from the team) and the
negations that take a confirmation back.
"""

from __future__ import annotations

CONFIRMED: tuple[str, ...] = (
    r"announc(?:e|es|ed|ing|ement)\b",
    r"official(?:ly)?\b",
    r"confirm(?:s|ed|ing|ation)?\b",
    r"press release\b",
    r"ha(?:s|ve) signed\b",
    r"signed\b",
    r"unveil(?:s|ed)\b",
    r"complet(?:e|es|ed)\b",
    r"finali[sz]ed\b",
    r"seal(?:s|ed)\b",
    r"done deal\b",
    r"deal done\b",
    r"is rond\b",
    r"rond is\b",
    r"è fatta\b",
    r"c'est fait\b",
    r"(?:maakt|maakte|maakten|maken) .{0,40}bekend\b",
    r"akkoord\b",
    r"(?:reach|reached|reaches) (?:an |a )?(?:agreement|deal|settlement)\b",
    r"agreement (?:was |has been )?reached\b",
    r"accordo (?:raggiunto|trovato)\b",
    r"accord (?:trouvé|conclu)\b",
    r"einigung\b",
    r"haben sich geeinigt\b",
    r"(?:heeft|hebben) getekend\b",
    r"officieel\b",
    r"bevestig(?:t|de|en|d)\b",
    r"officialis(?:e|é|ée|ait|ation)\b",
    r"officiel(?:le|lement)?\b",
    r"annonc(?:e|é|ée|er)\b",
    r"confirm(?:e|é|ée)\b",
    r"communiqué\b",
    r"a signé\b",
    r"ufficial(?:e|i|mente|izza|izzato)\b",
    r"annunci(?:a|ato|ata)\b",
    r"conferm(?:a|ato|ata)\b",
    r"ha firmato\b",
    r"offiziell\b",
    r"bestätig(?:t|te|en)\b",
    r"gab .{0,40}bekannt\b",
    r"(?:hat|haben) .{0,50}unterschrieben\b",
    r"gibt .{0,40}bekannt\b",
    r"verkündet\b",
    r"oficial(?:mente)?\b",
    r"anunci(?:a|ó|ado)\b",
    r"ha firmado\b",
    r"confirm(?:a|ó|ado)\b",
)

# Attributions that are a rumour unless the team is the source ("according to the team").
ATTRIBUTIONS = ("according to", "volgens", "selon", "d'après", "secondo", "laut", "según")

# What stands between an attribution and its source when the source announced it
# ("según ha anunciado el equipo", "as announced by", "volgens een bericht van").
AUXILIARIES = r"has|have|had|ha|han|hat|haben|a|ont|heeft|hebben|è|hanno|ha\s+sido"

ANNOUNCING = (
    r"announced|confirmed|communicated|annoncé|confirmé|communiqué|aangekondigd|bevestigd|"
    r"bekendgemaakt|gemeld|angekündigt|bekanntgegeben|bestätigt|mitgeteilt|annunciato|"
    r"confermato|comunicato|anunciado|anunció|confirmado|confirmó|comunicado|comunicó|informado|"
    r"informó|informa"
)

# Reporting verbs: a rumour when a newspaper says it ("meldt Wielerflits", "écrit
# L'Équipe"), an announcement when the team does ("meldt de ploeg").
REPORTED_BY: tuple[str, ...] = (
    r"meld(?:t|de|den)\b",
    r"schrijft\b",
    r"weet .{0,20}te melden\b",
    r"écrit\b",
    r"rapporte\b",
    r"révèle\b",
    r"scrive\b",
    r"riporta\b",
    r"rivela\b",
    r"meldet\b",
    r"schreibt\b",
    r"informa\b",
    r"publica\b",
    r"revela\b",
)

NEGATION: tuple[str, ...] = (
    r"not\b",
    r"n't\b",
    r"yet to\b",
    r"declined to\b",
    r"refused to\b",
    r"niet\b",
    r"nog niet\b",
    r"geen\b",
    r"pas\b",
    r"ne\b",
    r"non\b",
    r"nicht\b",
    r"kein\b",
    r"no\b",
)
