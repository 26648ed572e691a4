"""The story-level reader (feeds/nlp/transfers/story_reader.py, story_lists.py): the shape
of a signing story, read for people the clause rules gave no move. Fresh sentences in
several languages for each shape, each with the false moves it must not add: a race
report, a departure, a denial or negation, an extension, a rider beside his own team, a
person named as missing, a team's own boss, a list whose brackets are destinations."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from feeds.models import Move
from feeds.nlp.transfers.extract import read_story
from feeds.nlp.transfers.story_lists import listed_arrivals
from feeds.nlp.transfers.story_reader import headline_signing, story_moves
from feeds.tagger import Tagger
from tests.growth import assert_linear

JUNE_2024 = date(2024, 6, 10)
UNO_X = "Uno-X Mobility"
MOVISTAR = "Movistar Team"
LIDL = "Lidl-Trek"


def _reading(tagger: Tagger, text: str, language: str, published: date = JUNE_2024):
    title, body = text.split("\n", 1)
    mentions = tagger.mentions(title, body, published, True, language)
    reading = read_story(title + "\n\n" + body, mentions, tagger.roster, published, language)
    assert reading is not None
    return reading


def _shape_moves(tagger: Tagger, text: str, language: str) -> dict[str, str | None]:
    """What the reader alone gives, as if the clause rules had given nobody a move."""
    reading = _reading(tagger, text, language)
    found = story_moves(reading.story, reading.spans, reading.languages, [])
    return {m.person: m.to_team for m in found}


def _tagged_moves(tagger: Tagger, text: str, language: str) -> dict[str, str | None]:
    title, body = text.split("\n", 1)
    tags = tagger.tag(title, body, JUNE_2024, feed_is_cycling=True, language=language)
    return {m.person: m.to_team for m in tags.moves}


# --- a headline that names one person and one team, with a signing -----------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "es",
            "Uno-X incorpora al veloz danés Mads Pedersen\nEl equipo noruego anunció la "
            "contratación del ciclista para las dos próximas temporadas.",
        ),
        (
            "pt",
            "Uno-X anuncia contratação de Mads Pedersen\nA equipa norueguesa reforça-se com "
            "o campeão dinamarquês para 2025.",
        ),
        (
            "it",
            "La Uno-X ingaggia Mads Pedersen\nIl danese ha firmato un biennale con la squadra "
            "norvegese.",
        ),
        (
            "de",
            "Uno-X verpflichtet Mads Pedersen\nDer Däne unterschreibt einen Zweijahresvertrag "
            "beim norwegischen Team.",
        ),
        (
            "nl",
            "Uno-X haalt Mads Pedersen binnen\nDe Deen tekent een contract voor twee jaar bij "
            "de Noorse ploeg.",
        ),
        (
            "en",
            "Uno-X snap up Mads Pedersen\nThe Norwegian team have hired the Dane on a two-year "
            "deal.",
        ),
        (
            "sl",
            "Uno-X podpisal Madsa Pedersena\nNorveška ekipa se je okrepila z danskim kolesarjem.",
        ),
    ],
)
def test_a_headline_signing_goes_to_the_headline_team(
    tagger: Tagger, language: str, text: str
) -> None:
    assert _shape_moves(tagger, text, language) == {"Mads Pedersen": UNO_X}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # his own team at publication: an extension or other news
        ("de", "Lidl-Trek verpflichtet Mads Pedersen\nDer Däne bleibt bis 2027."),
        ("en", "Mads Pedersen signs new deal with Lidl-Trek\nThe Dane extends until 2027."),
        # an extension in the lede
        (
            "en",
            "Mads Pedersen commits to Uno-X\nMads Pedersen has signed a new contract with the "
            "team until 2027.",
        ),
        # a denial or a negation in the headline
        ("es", "Uno-X no ficha a Mads Pedersen\nEl equipo noruego descarta la contratación."),
        ("nl", "Mads Pedersen tekent niet bij Uno-X\nDe Deen blijft waar hij is."),
        # a departure: the team is the one he leaves
        ("fr", "Mads Pedersen quitte Uno-X\nLe Danois signe ailleurs pour 2025."),
        ("it", "Mads Pedersen lascia la Uno-X\nIl danese ha firmato altrove."),
        # a race in the headline
        (
            "en",
            "Crash for Mads Pedersen as Uno-X hire a new coach\nThe team signed a coach.",
        ),
        # named as missing from the team
        (
            "pt",
            "Uno-X contrata três ciclistas sem Mads Pedersen\nA equipa norueguesa reforça-se.",
        ),
        ("de", "Uno-X verpflichtet drei Fahrer ohne Mads Pedersen\nDas Team verstärkt sich."),
        # a second person or a second team: whose move, to where?
        (
            "es",
            "Uno-X ficha a Mads Pedersen y Jonas Vingegaard\nEl equipo noruego anuncia dos "
            "fichajes.",
        ),
        ("it", "Mads Pedersen, Uno-X o Movistar?\nIl danese ingaggiato da una delle due."),
        # no signing at all
        ("en", "Mads Pedersen talks about Uno-X\nThe Dane spoke about the Norwegian team."),
    ],
)
def test_a_headline_that_tells_other_news_moves_nobody(
    tagger: Tagger, language: str, text: str
) -> None:
    assert _shape_moves(tagger, text, language) == {}


def test_a_team_named_only_in_the_lede_needs_a_signing_verb_there(tagger: Tagger) -> None:
    signed = "Mads Pedersen signs for two years\nUno-X signed the Dane until 2026."
    assert _shape_moves(tagger, signed, "en") == {"Mads Pedersen": UNO_X}
    # a move noun alone in the lede, and a team named for another reason
    told = "Mads Pedersen signs for two years\nThe transfer ends the debacle around Uno-X."
    assert _shape_moves(tagger, told, "en") == {}
    # the lede names someone else too: the lede is about them
    theirs = "Mads Pedersen signs\nUno-X of Jonas Vingegaard signed the Dane."
    assert _shape_moves(tagger, theirs, "en") == {}


def test_a_hedged_headline_is_a_rumour(tagger: Tagger) -> None:
    reading = _reading(
        tagger, "Mads Pedersen verso la Uno-X?\nIl danese potrebbe firmare per due anni.", "it"
    )
    move = headline_signing(reading.story, reading.spans, reading.languages, set())
    assert move is not None and move.status == "rumour"


def test_a_rule_move_is_never_changed(tagger: Tagger) -> None:
    """The reader adds moves only for people the rules gave none."""
    reading = _reading(tagger, "Uno-X verpflichtet Mads Pedersen\nDer Däne kommt 2025.", "de")
    rule = Move("mads-pedersen", "Mads Pedersen", None, "movistar", None, MOVISTAR, "rumour")
    assert story_moves(reading.story, reading.spans, reading.languages, [rule]) == []
    unrelated = replace(rule, person_id="jonas-vingegaard", person="Jonas Vingegaard")
    found = story_moves(reading.story, reading.spans, reading.languages, [unrelated])
    assert [m.person for m in found] == ["Mads Pedersen"]


# --- a list of arrivals with their old teams in brackets --------------------------------

LIST_ARRIVALS = {"Tadej Pogačar": UNO_X, "Jonas Vingegaard": UNO_X, "Primož Roglič": UNO_X}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "nl",
            "Uno-X bouwt aan een nieuwe ploeg\nDe Noren haalden Tadej Pogačar (UAE Team "
            "Emirates), Jonas Vingegaard (Visma-Lease a Bike) en Primož Roglič (Bora-Hansgrohe).",
        ),
        (
            "es",
            "Uno-X prepara 2025\nEl equipo noruego ha fichado a tres corredores: Tadej Pogačar "
            "(UAE Team Emirates), Jonas Vingegaard (Visma-Lease a Bike) y Primož Roglič "
            "(Bora-Hansgrohe).",
        ),
        (
            "de",
            "Uno-X rüstet auf\nNeu verpflichtet wurden Tadej Pogačar (UAE Team Emirates), Jonas "
            "Vingegaard (Visma-Lease a Bike) und Primož Roglič (Bora-Hansgrohe).",
        ),
        (
            "it",
            "Il mercato della Uno-X\nGli acquisti sono Tadej Pogačar (UAE Team Emirates), Jonas "
            "Vingegaard (Visma-Lease a Bike) e Primož Roglič (Bora-Hansgrohe).",
        ),
        (
            "fr",
            "Le mercato d'Uno-X\nLes recrues s'appellent Tadej Pogačar (UAE Team Emirates), "
            "Jonas Vingegaard (Visma-Lease a Bike) et Primož Roglič (Bora-Hansgrohe).",
        ),
    ],
)
def test_listed_arrivals_go_to_the_story_team(tagger: Tagger, language: str, text: str) -> None:
    reading = _reading(tagger, text, language)
    found = listed_arrivals(reading.story, reading.spans, reading.languages, set())
    assert {m.person: m.to_team for m in found} == LIST_ARRIVALS
    assert {m.person: m.from_team for m in found}["Primož Roglič"] == "Bora-Hansgrohe"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # a race report: riders beside their own teams
        (
            "it",
            "Giro, la tappa a Uno-X\nNel gruppo di testa arrivano Tadej Pogačar (UAE Team "
            "Emirates), Jonas Vingegaard (Visma-Lease a Bike) e Primož Roglič (Bora-Hansgrohe).",
        ),
        (
            "en",
            "Stage 5 to Uno-X\nThe breakaway signed in early: Tadej Pogačar (UAE Team Emirates), "
            "Jonas Vingegaard (Visma-Lease a Bike) and Primož Roglič (Bora-Hansgrohe).",
        ),
        # a departure list: the brackets are where they go
        (
            "es",
            "Uno-X prepara 2025\nEl equipo perderá a Tadej Pogačar (UAE Team Emirates), Jonas "
            "Vingegaard (Visma-Lease a Bike) y Primož Roglič (Bora-Hansgrohe).",
        ),
        # brackets that are destinations
        (
            "en",
            "Uno-X market\nSigned: Tadej Pogačar (headed to UAE Team Emirates), Jonas "
            "Vingegaard (Visma-Lease a Bike) and Primož Roglič (Bora-Hansgrohe).",
        ),
        # a negation
        (
            "de",
            "Uno-X rüstet auf\nNicht verpflichtet wurden Tadej Pogačar (UAE Team Emirates), "
            "Jonas Vingegaard (Visma-Lease a Bike) und Primož Roglič (Bora-Hansgrohe).",
        ),
        # no destination: two teams outside brackets, none in the headline
        (
            "nl",
            "Transfernieuws\nUno-X en Movistar haalden Tadej Pogačar (UAE Team Emirates), Jonas "
            "Vingegaard (Visma-Lease a Bike) en Primož Roglič (Bora-Hansgrohe).",
        ),
    ],
)
def test_lists_that_are_not_signings_move_nobody(tagger: Tagger, language: str, text: str) -> None:
    reading = _reading(tagger, text, language)
    assert listed_arrivals(reading.story, reading.spans, reading.languages, set()) == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # a teammate named beside the destination: the destination is doubtful
        (
            "nl",
            "Lidl-Trek bouwt aan 2025\nDe ploeg haalde Tadej Pogačar (UAE Team Emirates) en "
            "Jonas Vingegaard (Visma-Lease a Bike), naast Mads Pedersen (Lidl-Trek).",
        ),
        # the headline's team is the one an item leaves
        (
            "it",
            "Mercato: Primož Roglič lascia la Bora-Hansgrohe\nTra gli acquisti ci sono Tadej "
            "Pogačar (UAE Team Emirates), Jonas Vingegaard (Visma-Lease a Bike) e Primož "
            "Roglič (Bora-Hansgrohe).",
        ),
        (
            "en",
            "Primož Roglič leaves Bora-Hansgrohe\nThe signings: Tadej Pogačar (UAE Team "
            "Emirates) and Jonas Vingegaard (Visma-Lease a Bike).",
        ),
    ],
)
def test_a_list_never_goes_to_a_team_its_items_come_from(
    tagger: Tagger, language: str, text: str
) -> None:
    reading = _reading(tagger, text, language)
    assert listed_arrivals(reading.story, reading.spans, reading.languages, set()) == []


# --- through the whole tagger -------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "Uno-X cierra la contratación de Mads Pedersen\nEl danés fue campeón del mundo."),
        (
            "pt",
            "Uno-X oficializa contratação de Mads Pedersen\nO dinamarquês foi campeão do mundo.",
        ),
        ("it", "Uno-X, ufficiale il tesseramento di Mads Pedersen\nIl danese è stato campione."),
        ("it", "Uno-X, colpo di mercato: ingaggiato Mads Pedersen\nIl danese è stato campione."),
        ("de", "Uno-X: Verpflichtung perfekt, Mads Pedersen kommt\nDer Däne war Weltmeister."),
    ],
)
def test_the_tagger_reads_a_signing_the_clause_rules_miss(
    tagger: Tagger, language: str, text: str
) -> None:
    """Headlines whose wording no cue of the lexicons reads (the clause rules give no move
    for them): the signing stem and the headline's shape do."""
    assert _tagged_moves(tagger, text, language).get("Mads Pedersen") == UNO_X


# --- hostile text -------------------------------------------------------------------------


def _bracket_run(n: int) -> str:
    pair = "Tadej Pogačar (UAE Team Emirates), Jonas Vingegaard (Visma-Lease a Bike)"
    return "Uno-X have signed: " + ", ".join([pair] * n) + "."


def test_time_grows_linearly(tagger: Tagger) -> None:
    """A headline signing over a bracketed list thousands of names long: both shapes read
    it, each sentence once."""
    assert_linear(
        lambda body: tagger.tag("Uno-X sign Mads Pedersen", body, JUNE_2024, True, "en"),
        _bracket_run,
        500,
    )
