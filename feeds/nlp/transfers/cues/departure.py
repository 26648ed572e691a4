"""Departure cues. DEPART: the person leaves ("leaves", "vertrekt", "quitte"); the team
after the verb is the origin, "for/to Y" the destination. LOSE: a team loses the person
("Ineos lost X to Y"). NOUN_DEPART: nouns whose owner leaves ("le départ de X"). Also
swaps ("verruilt A voor B") and retirements (a departure that is no transfer).
"""

from __future__ import annotations

DEPART: tuple[str, ...] = (
    r"leav(?:e|es|ing)\b",
    r"quit(?:s|ting)?\b",
    r"exit(?:s|ing)?\b",
    r"depart(?:s|ing)?\b",
    r"swap(?:s|ped|ping)?\b",
    r"verruil(?:t|de|den|en)\b",
    r"troque\b",
    r"échange\b",
    r"tausch(?:t|te)\b",
    r"ruil(?:t|de|den)\b",
    r"cambi(?:a|ò|ará|erà)\b",
    r"trad(?:e|es|ed|ing)\b",
    r"part(?:s|ed|ing)? ways\b",
    r"part(?:s|ed|ing)? company with\b",
    r"split(?:s|ting)? (?:with|from)\b",
    r"gaan uit elkaar\b",
    r"se séparent\b",
    r"se sépare de\b",
    r"si separano\b",
    r"trennen sich\b",
    r"separa(?:n)? sus caminos\b",
    # Dutch
    r"vertrek(?:t|ken)?\b",
    r"verlaat\b",
    r"verlaten\b",
    r"op weg naar de uitgang\b",
    r"neemt afscheid\b",
    # French
    r"quitt(?:e|er|era|ent)\b",
    r"s'en va\b",
    # Italian
    r"lasci(?:a|are|erà)\b",
    r"dice addio\b",
    # Spanish
    r"deja(?:rá)? (?:el|la|a)\b",
    r"se marcha\b",
    r"abandona(?:rá)? (?:el|la) equipo\b",
    r"abandonará (?:el|al)\b",
    # German
    r"verlässt\b",
    r"verlassen\b",
    r"kehrt .{0,40}den rücken\b",
    # contracts ended by the team
    r"released from (?:his|her|their) contract\b",
    r"terminat(?:e|es|ed|ing) (?:his|her|their) contract\b",
    r"sacked\b",
    r"ontslagen\b",
    r"licenziat[oa]\b",
    r"entlassen\b",
    r"résili(?:e|é|ée)\b",
    r"rescind(?:e|ido|ida)\b",
)

LOSE: tuple[str, ...] = (
    r"los(?:e|es|t|ing) .{0,60}\bto\b",
    r"raakt(?:e)? .{0,80}kwijt\b",
    r"verlies(?:t)? .{0,60}aan\b",
    r"perd .{0,60}\bau profit\b",
    r"perde .{0,60}\b(?:a favore|verso)\b",
    r"verlier(?:t|en) .{0,60}\ban\b",
    r"releas(?:e|es|ed) .{0,40}from (?:his|her|their) contract\b",
)

NOUN_DEPART: tuple[str, ...] = (
    r"departures?\b",
    r"exit\b",
    r"vertrek\b",
    r"afscheid\b",
    r"départ\b",
    r"partenza\b",
    r"addio\b",
    r"abschied\b",
    r"abgang\b",
    r"salida\b",
    r"marcha\b",
)

# Both sides leave each other ("Pidcock and Ineos part ways"): the team may come first.
MUTUAL_DEPART = ("part", "gaan uit elkaar", "se séparent", "si separano", "trennen sich")

# Between a leaving verb and the team: the post held there ("quitte son poste chez X",
# "leaves his role at X", "verlaat zijn functie bij X"): X is left, not joined.
OWN_POST = (
    r"\s*(?:his|her|their|son|sa|leur|zijn|haar|hun|seinen|seine|sein|il suo|la sua|su)\s+"
    r"[\w-]+\s+(?:at|with|chez|à|au|bij|bei|beim|alla|al|presso|en|in)\s+"
    r"(?:the\s+|de\s+|het\s+|la\s+|le\s+|l'|el\s+)?$"
)

# After a swap verb and the team left, these name the team swapped to ("verruilt A voor B",
# "swaps A for B", "troque A pour B", "tauscht A gegen B").
SWAP_FOR_MARKERS = ("for", "voor", "pour", "contre", "per", "con", "por", "gegen", "für")

SWAP_VERBS = ("swap", "verruil", "ruil", "troque", "échange", "tausch", "cambi")

# Swap verbs that also mean "change" ("cambia ritmo"): a move only with both teams named.
SWAP_NEEDS_BOTH = ("cambi",)

# A rider ending their career: their departure from the team is no transfer.
RETIREMENT: tuple[str, ...] = (
    r"retir(?:e|es|ed|ing|ement)\b",
    r"hang(?:s|ing)? up (?:his|her) (?:bike|wheels)\b",
    r"stopt ermee\b",
    r"stopt met (?:koersen|wielrennen|fietsen)\b",
    r"afscheid (?:van|als) (?:de wielersport|profrenner|renster|renner)\b",
    r"carrièrestop\b",
    r"(?:prend|prendra) sa retraite\b",
    r"retraite\b",
    r"met (?:un )?terme à sa carrière\b",
    r"si ritir(?:a|erà)\b",
    r"ritiro dalle corse\b",
    r"appende la bici al chiodo\b",
    r"karriereende\b",
    r"beendet (?:seine|ihre) karriere\b",
    r"se retira(?:rá)?\b",
    r"retirada\b",
)
