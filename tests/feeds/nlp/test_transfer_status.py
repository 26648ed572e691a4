"""Move status, rumour or confirmed (issue #13, task ST): which hedge counts for a move.

Each rule has sentences in the languages it covers that the tagger read wrongly before, and
near misses (the everyday reading of the same words) that must keep their status. Written
as general sentences; the cases are one rider's move (Marc Hirschi, UAE Team Emirates to
Tudor in August 2024) so that only the status words change."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.roster import Roster, load_roster
from feeds.tagger import Tagger
from tests.growth import assert_linear

AUG_2024 = date(2024, 8, 20)
MOVER = "marc-hirschi"

Case = tuple[str, str, str, str]
"""(language, expected status, headline, body)."""


@pytest.fixture(scope="module")
def roster() -> Roster:
    return load_roster()


@pytest.fixture(scope="module")
def tagger(roster: Roster) -> Tagger:
    return Tagger(roster)


def statuses(tagger: Tagger, lang: str, title: str, text: str) -> list[str]:
    tags = tagger.tag(title, text, AUG_2024, feed_is_cycling=True, language=lang)
    return [m.status for m in tags.moves if m.person_id == MOVER and m.to_team_id == "tudor"]


# Hedges the lexicons missed: plural conditionals, "tipped", "seems", "as good as
# sure", "beckons", "the rumoured move", "much suggests", conditionals of move verbs,
# "closer to", "given as certain", rumour compounds and "rumour mill" words.
HEDGES: list[Case] = [
    (
        "fr",
        "rumour",
        "Mercato",
        "Marc Hirschi et Diego Ulissi devraient rejoindre Tudor la saison prochaine.",
    ),
    # the plural: "pressenti" alone was a cue before
    (
        "fr",
        "rumour",
        "Mercato",
        "Marc Hirschi et Diego Ulissi sont pressentis pour rejoindre Tudor.",
    ),
    ("it", "rumour", "Mercato", "Marc Hirschi e Diego Ulissi potrebbero passare alla Tudor."),
    ("es", "rumour", "Fichajes", "Marc Hirschi ficharía por Tudor la próxima temporada."),
    ("es", "rumour", "Fichajes", "Tudor está más cerca del fichaje de Marc Hirschi."),
    (
        "pt",
        "rumour",
        "Mercado",
        "As últimas informações dão como certa a transferência de Marc Hirschi para a Tudor.",
    ),
    # "lijken" before a verb; "lijkt" alone was a cue before
    (
        "nl",
        "rumour",
        "Transfers",
        "Marc Hirschi en Julian Alaphilippe lijken de overstap naar Tudor te maken.",
    ),
    # near miss: "lijken" judging the fit, the move announced
    (
        "nl",
        "confirmed",
        "Tudor haalt Hirschi",
        (
            "Tudor heeft Marc Hirschi getekend. Marc Hirschi en Julian Alaphilippe lijken op "
            "papier perfecte kopmannen voor de ploeg, die de transfer dinsdag bevestigde."
        ),
    ),
    # es "informe(s)" as a source only, not "el informe médico"
    ("es", "rumour", "Fichajes", "Los informes apuntan a que Marc Hirschi fichará por Tudor."),
    (
        "es",
        "confirmed",
        "Fichajes",
        "Marc Hirschi ha firmado con Tudor tras superar el informe médico.",
    ),
    ("nl", "rumour", "Transfers", "Marc Hirschi maakt zo goed als zeker de overstap naar Tudor."),
    ("nl", "rumour", "Transfergeruchten: Tudor shopt bij UAE", "Marc Hirschi trekt naar Tudor."),
    (
        "de",
        "rumour",
        "Transfers",
        # no other hedge ("soll" hedged the case that stood here)
        "Der kolportierte Wechsel von Marc Hirschi zu Tudor beschäftigt die Szene.",
    ),
    ("no", "rumour", "Overganger", "Mye tyder på at Marc Hirschi sykler for Tudor neste sesong."),
    ("da", "rumour", "Skifter", "Meget tyder på at Marc Hirschi skifter til Tudor."),
    ("es", "rumour", "La rumorología del mercado", "Marc Hirschi se va a Tudor."),
]

# A hedge word in its everyday sense, or judging the move, hedges nothing (`hedge_idioms`);
# the near misses keep the hedge.
IDIOMS: list[Case] = [
    (
        "de",
        "confirmed",
        "Transfers",
        "Marc Hirschi, das wohl größte Talent der Schweiz, wechselt zu Tudor.",
    ),
    ("de", "rumour", "Transfers", "Marc Hirschi wechselt wohl zu Tudor."),
    # superlatives are listed, not guessed from "-ste": "nächste", "erste" are no idiom
    ("de", "rumour", "Transfers", "Marc Hirschi wechselt wohl nächste Saison zu Tudor."),
    (
        "de",
        "confirmed",
        "Transfers",
        "Marc Hirschi, wohl der stärkste Fahrer der Schweiz, wechselt zu Tudor.",
    ),
    (
        "nl",
        "rumour",
        "Transfers",
        "Marc Hirschi maakt waarschijnlijk de eerste transfer van de winter en gaat naar Tudor.",
    ),
    (
        "no",
        "rumour",
        "Overganger",
        "Marc Hirschi signerer sannsynligvis den første kontrakten med Tudor.",
    ),
    (
        "de",
        "confirmed",
        "Transfers",
        "Marc Hirschi wechselt zu Tudor, ein Wechsel im Interesse aller.",
    ),
    (
        "de",
        "rumour",
        "Transfers",
        "Tudor zeigt Interesse an Marc Hirschi, der zu Tudor wechseln will.",
    ),
    (
        "nl",
        "confirmed",
        "Transfers",
        "Een clausule maakte de overstap van Marc Hirschi naar Tudor mogelijk.",
    ),
    ("nl", "rumour", "Transfers", "Marc Hirschi maakt mogelijk de overstap naar Tudor."),
    # present tense and wide gaps: the move is possible, not done
    (
        "nl",
        "rumour",
        "Transfers",
        "Marc Hirschi maakt volgend jaar mogelijk de overstap naar Tudor.",
    ),
    (
        "nl",
        "rumour",
        "Transfers",
        "Een clausule in zijn contract maakt een overstap van Marc Hirschi naar Tudor mogelijk.",
    ),
    (
        "en",
        "rumour",
        "Transfers",
        "A release clause makes a move of Marc Hirschi to Tudor possible.",
    ),
    (
        "en",
        "confirmed",
        "Transfers",
        "Marc Hirschi joins Tudor, a move made possible by a clause in his contract.",
    ),
    ("en", "rumour", "Transfers", "Marc Hirschi could possibly join Tudor."),
    ("fr", "confirmed", "Mercato", "Pour Marc Hirschi, rejoindre Tudor est un retour aux sources."),
    (
        "fr",
        "rumour",
        "Mercato",
        "Selon des sources proches du dossier, Marc Hirschi rejoint Tudor.",
    ),
    (
        "fr",
        "confirmed",
        "Mercato",
        "Marc Hirschi a signé chez Tudor en début d'après-midi, a annoncé l'équipe.",
    ),
    ("fr", "rumour", "Mercato", "D'après L'Équipe, Marc Hirschi rejoint Tudor."),
    (
        "it",
        "confirmed",
        "Mercato",
        "Marc Hirschi passa alla Tudor, un trasferimento reso possibile da una clausola.",
    ),
    (
        "it",
        "rumour",
        "Mercato",
        "Marc Hirschi potrebbe passare alla Tudor, un trasferimento possibile.",
    ),
    (
        "es",
        "confirmed",
        "Fichajes",
        "Marc Hirschi ficha por Tudor, un fichaje que hizo posible una cláusula.",
    ),
    (
        "pt",
        "confirmed",
        "Mercado",
        "Marc Hirschi assinou com a Tudor, uma mudança que uma cláusula tornou possível.",
    ),
]

# A rumour told as over ("after weeks of rumours", "the rumours are now confirmed",
# "first reported by"); the near misses tell a rumour still running.
SUPERSEDED: list[Case] = [
    (
        "it",
        "confirmed",
        "Mercato",
        (
            "Dopo le voci delle ultime settimane è arrivata l'ufficialità: Marc Hirschi ha "
            "firmato con la Tudor."
        ),
    ),
    ("it", "rumour", "Mercato", "Voci di mercato: Marc Hirschi passerà alla Tudor."),
    (
        "de",
        "confirmed",
        "Transfers",
        "Nach monatelangen Gerüchten ist der Wechsel von Marc Hirschi zu Tudor bestätigt.",
    ),
    (
        "de",
        "rumour",
        "Transfers",
        "Die Gerüchte um einen Wechsel von Marc Hirschi zu Tudor halten an.",
    ),
    (
        "nl",
        "confirmed",
        "Transfers",
        "De geruchten deden al de ronde en worden nu bevestigd: Marc Hirschi trekt naar Tudor.",
    ),
    ("nl", "rumour", "Transfers", "De geruchten doen de ronde: Marc Hirschi trekt naar Tudor."),
    # told as over only with the announcement: "nach Gerüchten" is also "according to
    # rumours", and "as first reported by" credits a scoop; "as expected" needs none
    ("de", "rumour", "Transfers", "Nach Gerüchten aus der Schweiz wechselt Marc Hirschi zu Tudor."),
    ("de", "rumour", "Transfers", "Nach hartnäckigen Gerüchten wechselt Marc Hirschi zu Tudor."),
    (
        "en",
        "rumour",
        "Transfers",
        "Marc Hirschi will join Tudor next season, as first reported by Blick on Monday.",
    ),
    (
        "en",
        "confirmed",
        "Transfers",
        "Marc Hirschi's move to Tudor, first reported by Blick, was confirmed by the team.",
    ),
    ("nl", "confirmed", "Transfers", "Zoals verwacht heeft Marc Hirschi getekend bij Tudor."),
    (
        "en",
        "confirmed",
        "Transfers",
        (
            "Marc Hirschi's move to Tudor, first reported by Blick, was confirmed by the "
            "team on Monday."
        ),
    ),
    ("en", "rumour", "Transfers", "Marc Hirschi's move to Tudor was reported by Blick on Monday."),
    ("es", "confirmed", "Fichajes", "Tras semanas de rumores, Marc Hirschi ha firmado con Tudor."),
    (
        "fr",
        "confirmed",
        "Mercato",
        "Après des semaines de rumeurs, Marc Hirschi a signé chez Tudor.",
    ),
    ("pt", "confirmed", "Mercado", "Após semanas de rumores, Marc Hirschi assinou com a Tudor."),
]

# "Without official confirmation", "a falta del anuncio oficial", "non è stato ancora
# annunciato": the announcement is taken back; the near miss names the team as source.
NEGATIONS: list[Case] = [
    ("es", "rumour", "Fichajes", "Marc Hirschi se irá a Tudor, sin confirmación oficial."),
    ("es", "rumour", "Fichajes", "Marc Hirschi recalará en Tudor, a falta del anuncio oficial."),
    (
        "es",
        "confirmed",
        "Fichajes",
        "Marc Hirschi recalará en Tudor, según ha anunciado el equipo.",
    ),
    (
        "it",
        "rumour",
        "Mercato",
        "Marc Hirschi passerà alla Tudor, ma non è stato ancora annunciato.",
    ),
    (
        "en",
        "rumour",
        "Transfers",
        "Marc Hirschi will join Tudor, without official confirmation so far.",
    ),
]

# "Without" negates an announcement only as its own object ("without official
# confirmation"); the everyday "without" (a contract, surprise, hesitation; "sin embargo" =
# however) and another language's homograph (Slovene "sem" = "am") take nothing back, and
# a "not confirmed" about someone else does not hedge the mover.
WITHOUT: list[Case] = [
    ("fr", "rumour", "Mercato", "Marc Hirschi rejoindra Tudor, sans confirmation officielle."),
    ("it", "rumour", "Mercato", "Marc Hirschi passerà alla Tudor, senza conferma ufficiale."),
    (
        "es",
        "confirmed",
        "Fichajes",
        "Sin embargo, Tudor confirmó este martes el fichaje de Marc Hirschi hasta 2026.",
    ),
    (
        "fr",
        "confirmed",
        "Mercato",
        "Sans surprise, Tudor a confirmé mardi l'arrivée de Marc Hirschi pour deux saisons.",
    ),
    (
        "en",
        "confirmed",
        "Transfers",
        (
            "Marc Hirschi will ride for Tudor from 2025. Without hesitation, Tudor confirmed "
            "on Tuesday that he has signed a two-year deal."
        ),
    ),
    (
        "de",
        "confirmed",
        "Transfer",
        "Marc Hirschi wechselt zu Tudor. Ohne Umschweife bestätigte das Team den Transfer.",
    ),
    (
        "nl",
        "confirmed",
        "Transfers",
        "Marc Hirschi gaat naar Tudor. Zonder omwegen bevestigde Tudor de transfer dinsdag.",
    ),
    ("fr", "confirmed", "Mercato", "Marc Hirschi, sans contrat, a signé chez Tudor pour deux ans."),
    ("es", "confirmed", "Fichajes", "Marc Hirschi, sin equipo, ha firmado con Tudor."),
    ("it", "confirmed", "Mercato", "Marc Hirschi, rimasto senza squadra, ha firmato con la Tudor."),
    ("pt", "confirmed", "Mercado", "Marc Hirschi, sem equipa, assinou com a Tudor."),
    (
        "sl",
        "confirmed",
        "Hirschi k Tudorju",
        (
            "Marc Hirschi bo prihodnjo sezono dirkal za Tudor. »Vesel sem, da sem podpisal "
            "pogodbo s Tudorjem,« je dejal Marc Hirschi."
        ),
    ),
    (
        "en",
        "confirmed",
        "Transfers",
        (
            "Marc Hirschi will ride for Tudor from 2025. The team has not yet confirmed "
            "whether Julian Alaphilippe will stay."
        ),
    ),
    (
        "en",
        "rumour",
        "Transfers",
        "Marc Hirschi will ride for Tudor from 2025. The deal has not yet been confirmed.",
    ),
]

# A body question hedges the move it carries, not a move announced before it nor one it
# asks something about ("why", "what does it mean"); a rider's own earlier denial, in a
# relative clause, is over once the move is announced; a hedged headline that names only
# the team left hedges the move when it speaks of losing someone.
QUESTIONS_DISPUTES_HEADLINES: list[Case] = [
    (
        "en",
        "confirmed",
        "Transfers",
        (
            "Marc Hirschi has joined Tudor on a two-year contract. What does the move of "
            "Marc Hirschi to Tudor mean for UAE Team Emirates?"
        ),
    ),
    (
        "en",
        "confirmed",
        "Transfers",
        "Tudor have confirmed the signing of Marc Hirschi, but can Marc Hirschi win a Monument?",
    ),
    (
        "de",
        "confirmed",
        "Transfer",
        (
            "Tudor hat den Wechsel von Marc Hirschi offiziell bestätigt, aber kann Marc "
            "Hirschi dort einen Klassiker gewinnen?"
        ),
    ),
    (
        "nl",
        "confirmed",
        "Transfers",
        (
            "Tudor heeft de komst van Marc Hirschi officieel bevestigd, maar kan Marc Hirschi "
            "daar een klassieker winnen?"
        ),
    ),
    (
        "it",
        "confirmed",
        "Mercato",
        "Marc Hirschi è passato alla Tudor. Perché Marc Hirschi è passato alla Tudor?",
    ),
    (
        "es",
        "confirmed",
        "Fichajes",
        "Marc Hirschi ficha por Tudor hasta 2026. ¿Por qué Marc Hirschi ficha por Tudor?",
    ),
    (
        "en",
        "confirmed",
        "Interview: Marc Hirschi",
        (
            "Marc Hirschi spoke to us after his move. You have signed with Tudor for two "
            "years – was it an easy decision?"
        ),
    ),
    ("en", "rumour", "Transfers", "Marc Hirschi spoke to us. Is Marc Hirschi on his way to Tudor?"),
    ("es", "rumour", "Fichajes", "Todo el mundo habla de ello. ¿Marc Hirschi ficha por Tudor?"),
    (
        "en",
        "confirmed",
        "Tudor sign Marc Hirschi",
        (
            "Tudor have confirmed the signing of Marc Hirschi on a two-year deal. Marc "
            "Hirschi, who denied in June that he would leave UAE Team Emirates, joins Tudor "
            "next season."
        ),
    ),
    (
        "nl",
        "confirmed",
        "Tudor haalt Hirschi",
        (
            "Tudor heeft de komst van Marc Hirschi bevestigd. Marc Hirschi, die in juni nog "
            "ontkende dat hij UAE zou verlaten, tekent bij Tudor."
        ),
    ),
    (
        "en",
        "rumour",
        "Tudor sign Marc Hirschi",
        "Marc Hirschi joins Tudor, UAE Team Emirates denied it on Tuesday.",
    ),
    (
        "en",
        "rumour",
        "UAE Team Emirates set to lose Swiss star",
        "Marc Hirschi will ride for Tudor next season.",
    ),
    (
        "fr",
        "rumour",
        "UAE Team Emirates pourrait perdre un pilier",
        "Marc Hirschi rejoindra Tudor la saison prochaine.",
    ),
    (
        "en",
        "confirmed",
        "UAE Team Emirates set to sign new sponsor",
        "Marc Hirschi will ride for Tudor next season.",
    ),
]

# Contrast words per language (lexicon contrast_words: "ma", "mas", "men", "ampak"): a
# hedge does not reach across one; a "while" word cuts but lets a hedge before it reach a
# silent clause ("while still under contract" is time); a hedge opening the sentence before
# the mover covers the sentence, as an attribution does.
CONTRASTS: list[Case] = [
    (
        "it",
        "confirmed",
        "Mercato",
        (
            "Diego Ulissi potrebbe lasciare la UAE Team Emirates, ma Marc Hirschi ha firmato con "
            "la Tudor."
        ),
    ),
    (
        "pt",
        "confirmed",
        "Mercado",
        "Diego Ulissi poderá deixar a UAE Team Emirates, mas Marc Hirschi assinou com a Tudor.",
    ),
    (
        "en",
        "rumour",
        "Transfers",
        (
            "Rumours suggest that Marc Hirschi, while still under contract with UAE Team "
            "Emirates, has signed with Tudor."
        ),
    ),
    (
        "en",
        "rumour",
        "Transfer round-up",
        (
            "Julian Alaphilippe is expected to leave Soudal Quick-Step, while Marc Hirschi will "
            "move to Tudor."
        ),
    ),
    (
        "en",
        "confirmed",
        "Transfers",
        (
            "Julian Alaphilippe is expected to leave Soudal Quick-Step, but Marc Hirschi will "
            "move to Tudor."
        ),
    ),
    (
        "it",
        "rumour",
        "Mercato",
        (
            "Julian Alaphilippe dovrebbe lasciare la Soudal Quick-Step, mentre Marc Hirschi "
            "approderà alla Tudor."
        ),
    ),
]

# The move's own clause decides (`status_scope`): its own announcement outweighs another
# clause's hedge, a contrasting conjunction cuts a hedge off, a relative clause about
# someone else hedges only them, a body question hedges; an attribution in the first clause,
# a hedge across ";", and a relative clause about the mover still hedge.
CLAUSE_SCOPE: list[Case] = [
    (
        "fr",
        "confirmed",
        "Mercato",
        (
            "L'équipe suisse aurait de l'ambition : Marc Hirschi a signé chez Tudor, tandis "
            "que Diego Ulissi est très courtisé."
        ),
    ),
    (
        "fr",
        "rumour",
        "Mercato",
        "Selon L'Équipe, Diego Ulissi quitte UAE, tandis que Marc Hirschi a signé chez Tudor.",
    ),
    (
        "es",
        "confirmed",
        "Fichajes",
        "Marc Hirschi despertó el interés de varios equipos pero se decantó por Tudor.",
    ),
    (
        "es",
        "rumour",
        "Fichajes",
        (
            "Según Marca, Marc Hirschi despertó el interés de varios equipos pero se decantó "
            "por Tudor."
        ),
    ),
    (
        "en",
        "rumour",
        "Transfers",
        "Marc Hirschi is set to leave UAE Team Emirates; he joins Tudor.",
    ),
    (
        "it",
        "confirmed",
        "Mercato",
        (
            "Alla UAE mancheranno Diego Ulissi, che potrebbe smettere, e Marc Hirschi, "
            "passato alla Tudor."
        ),
    ),
    ("it", "rumour", "Mercato", "Marc Hirschi, che potrebbe lasciare la UAE, passerà alla Tudor."),
    ("fr", "rumour", "Mercato", "Marc Hirschi en route vers Tudor ?"),
    ("fr", "confirmed", "Mercato", "Marc Hirschi en route vers Tudor."),
]

# A hedged headline naming no person but a team is about that team: it hedges only a move
# to that team; one naming neither hedges every move.
HEADLINE_SCOPE: list[Case] = [
    (
        "fr",
        "confirmed",
        "L'équipe UAE Team Emirates proche de perdre son sponsor",
        "Marc Hirschi a rejoint Tudor.",
    ),
    ("fr", "rumour", "Rumeurs de transferts", "Marc Hirschi rejoint Tudor."),
    ("fr", "rumour", "Tudor proche d'un grand coup", "Marc Hirschi rejoint Tudor."),
    (
        "de",
        "confirmed",
        "UAE Team Emirates lotet angeblich einen Sponsorwechsel aus",
        "Marc Hirschi wechselt zu Tudor.",
    ),
]

# A disputed move is a rumour however often the announcing side repeats it.
DISPUTE: list[Case] = [
    (
        "it",
        "rumour",
        "La Tudor annuncia Marc Hirschi ma la UAE smentisce",
        (
            "La Tudor ha annunciato l'ingaggio di Marc Hirschi con un comunicato. Nel "
            "comunicato della Tudor c'era anche una dichiarazione del corridore."
        ),
    ),
    (
        "it",
        "confirmed",
        "La Tudor annuncia Marc Hirschi",
        (
            "La Tudor ha annunciato l'ingaggio di Marc Hirschi con un comunicato. Nel "
            "comunicato della Tudor c'era anche una dichiarazione del corridore."
        ),
    ),
]


# The owner of a press release may follow a participle ("publié par son agent"): then it
# is not the team's.
OWNERS: list[Case] = [
    (
        "fr",
        "rumour",
        "Mercato",
        "Marc Hirschi rejoint Tudor, selon un communiqué publié par son agent.",
    ),
    (
        "es",
        "rumour",
        "Fichajes",
        "Marc Hirschi correrá en Tudor, según un comunicado emitido por su agente.",
    ),
    (
        "fr",
        "confirmed",
        "Mercato",
        "Marc Hirschi rejoint Tudor, selon un communiqué publié par l'équipe.",
    ),
]

# The team as source: a time between the announcing verb and the team ("según informó
# este jueves el equipo"), and a press release with no owner named ("issued on Monday");
# the near misses name a newspaper or an agent.
SOURCE: list[Case] = [
    (
        "es",
        "confirmed",
        "Fichajes",
        "Marc Hirschi ha firmado con Tudor, según informó este jueves el equipo suizo.",
    ),
    (
        "es",
        "rumour",
        "Fichajes",
        "Marc Hirschi ha firmado con Tudor, según informó este jueves el diario Marca.",
    ),
    (
        "es",
        "confirmed",
        "Fichajes",
        "Marc Hirschi correrá en Tudor, según un comunicado emitido este miércoles.",
    ),
    (
        "es",
        "rumour",
        "Fichajes",
        "Marc Hirschi correrá en Tudor, según un comunicado de su agente.",
    ),
    (
        "en",
        "confirmed",
        "Transfers",
        "Marc Hirschi will ride for Tudor, according to a press release issued on Monday.",
    ),
    (
        "en",
        "rumour",
        "Transfers",
        "Marc Hirschi will ride for Tudor, according to a press release from his agent.",
    ),
    ("fr", "confirmed", "Mercato", "Marc Hirschi rejoint Tudor, selon un communiqué publié lundi."),
    ("fr", "rumour", "Mercato", "Marc Hirschi rejoint Tudor, selon un communiqué de son agent."),
]


@pytest.mark.parametrize(
    ("lang", "expected", "title", "text"),
    [
        *HEDGES,
        *IDIOMS,
        *SUPERSEDED,
        *NEGATIONS,
        *WITHOUT,
        *QUESTIONS_DISPUTES_HEADLINES,
        *CONTRASTS,
        *OWNERS,
        *CLAUSE_SCOPE,
        *HEADLINE_SCOPE,
        *DISPUTE,
        *SOURCE,
    ],
    ids=lambda v: v[:40] if isinstance(v, str) else None,
)
def test_move_status(tagger: Tagger, lang: str, expected: str, title: str, text: str) -> None:
    assert statuses(tagger, lang, title, text) == [expected]


def _relatives(n: int) -> str:
    """A sentence of n movers, each with a hedged relative clause and a contrast."""
    item = "Marc Hirschi, che potrebbe smettere, passato alla Tudor ma forse no"
    return "Alla Tudor arrivano " + ", e ".join([item] * n) + "."


def _clauses(n: int) -> str:
    return "; ".join(["Marc Hirschi a signé chez Tudor, mais Diego Ulissi serait courtisé"] * n)


@pytest.mark.parametrize("make", [_relatives, _clauses])
def test_status_scope_grows_linearly(tagger: Tagger, make) -> None:
    """Clauses and relative clauses are cut once per sentence, however many movers it names."""
    assert_linear(lambda body: tagger.tag("Mercato", body, AUG_2024, True, None), make, 300)


def _idioms(n: int) -> str:
    """A hedge inside each of n idioms: every hedge is asked whether an idiom covers it."""
    return "Marc Hirschi wechselt zu Tudor, " + "im Interesse angeblich " * n + "."


def _possible(n: int) -> str:
    return "Marc Hirschi joins Tudor " + "made it possible " * n + "."


def _told_as_over(n: int) -> str:
    """Hedges inside n "rumours ... were confirmed" spans, with the confirmation there."""
    return "Marc Hirschi joins Tudor " + "rumours rumours rumours were confirmed " * n + "."


@pytest.mark.parametrize("make", [_idioms, _possible, _told_as_over])
def test_idiom_and_superseded_checks_grow_linearly(tagger: Tagger, make) -> None:
    """Idioms and spans of rumours told as over are merged once per sentence; each hedge
    then asks by bisection (a scan per hedge was quadratic: 2-4 s at 100k characters)."""
    assert_linear(lambda body: tagger.tag("Mercato", body, AUG_2024, True, "de"), make, 2000)
