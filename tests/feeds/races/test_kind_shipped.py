"""What the shipped tagger (the learned kind model on, feeds/races/kind_model.py) answers
for the shapes of news the development sets hold few of: short stories named after any
rider, a one-line result, contracts outside cycling, a line-up. The kind rules' own tests
(test_kind_*.py) read the rules' kind (conftest.py); these read what ships."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.races.kind_features import kind_features, masked_words
from feeds.tagger import Tagger
from feeds.text.fold import FoldedText
from tests.growth import assert_linear

LEARNED_KIND = True
"""The shipped tagger, its kind model on."""

PUBLISHED = date(2026, 5, 12)
"""During a Giro d'Italia on the bundled calendar."""
RIDERS = [
    ("Tadej", "Pogačar"),
    ("Jonas", "Vingegaard"),
    ("Remco", "Evenepoel"),
    ("Primož", "Roglič"),
    ("Juan", "Ayuso"),
    ("Mattias", "Skjelmose"),
    ("Egan", "Bernal"),
]
# (language, kind, headline, text): {S} a rider's surname, {G} his given name
CRASHES = [
    ("en", "{S} crashes at the Giro d'Italia", "{G} {S} went down in the final kilometres."),
    ("de", "{S}: Sturz am Giro d'Italia", "{G} {S} stürzte auf der Abfahrt."),
    ("fr", "Chute de {S} sur le Giro", "{G} {S} est tombé dans la descente."),
    ("it", "Caduta per {S} al Giro", "{G} {S} è caduto in discesa."),
]
LINEUPS = [
    ("en", "{S} to ride the Giro d'Italia", "{G} {S} will start the race next month."),
    ("es", "{S} correrá el Giro de Italia", "{G} {S} estará en la salida el mes que viene."),
]


def _kind(tagger: Tagger, title: str, text: str, language: str) -> str:
    return tagger.race_tags(title, text, PUBLISHED, None, language).kind


def _kinds_by_rider(tagger: Tagger, title: str, text: str, language: str) -> dict[str, str]:
    """The story's kind with each rider of RIDERS put in it."""
    return {s: _kind(tagger, title.format(S=s), text.format(G=g, S=s), language) for g, s in RIDERS}


@pytest.mark.parametrize(("language", "title", "text"), CRASHES)
def test_a_crash_headline_is_a_crash_whoever_crashed(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    kinds = _kinds_by_rider(tagger, title, text, language)
    assert set(kinds.values()) == {"crash"}, kinds


@pytest.mark.parametrize(("language", "title", "text"), [*CRASHES, *LINEUPS])
def test_only_the_name_changed_changes_no_feature(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    """Names are masked before the model reads words: a rider's name is who, not what."""
    seen = []
    for g, s in RIDERS:
        headline, story = title.format(S=s), text.format(G=g, S=s)
        found = tagger.race_tags(headline, story, PUBLISHED, None, language)
        assert found.kind_inputs is not None
        seen.append(kind_features(found.kind_inputs))
    assert all(f == seen[0] for f in seen), [set(f) ^ set(seen[0]) for f in seen]
    assert "hw:@rider" in seen[0]


@pytest.mark.parametrize(("language", "title", "text"), LINEUPS)
def test_a_rider_to_ride_a_race_is_a_line_up(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    kinds = _kinds_by_rider(tagger, title, text, language)
    assert set(kinds.values()) == {"lineup"}, kinds


def test_masking_keeps_the_words_that_are_not_names(tagger: Tagger) -> None:
    """The near miss: kind words, and capitalised words that name no one, stay words."""
    found = tagger.race_tags(
        "Tadej Pogačar crashes at the Giro d'Italia",
        "Heavy Rain made the descent slippery for Tadej Pogačar of UAE Team Emirates.",
        PUBLISHED,
        None,
        "en",
    )
    assert found.kind_inputs is not None
    assert list(found.kind_inputs.title_words) == ["@rider", "crashes", "at", "the", "@race"]
    lede = list(found.kind_inputs.lede_words)
    assert {"heavy", "rain", "descent", "@rider", "@team"} <= set(lede)
    assert "pogacar" not in lede and "emirates" not in lede
    features = kind_features(found.kind_inputs)
    assert "hw:crashes" in features and "hp4:cras" in features
    assert not any(n.startswith(("hp4:@", "hp5:@", "lp4:@")) for n in features)


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "en",
            "{S} wins stage 4 of the Giro d'Italia",
            "{G} {S} won the stage ahead of the bunch.",
        ),
        ("it", "{S} vince la quarta tappa del Giro", "{G} {S} ha vinto in solitaria."),
        ("nl", "{S} wint vierde rit in de Giro", "{G} {S} won de etappe solo."),
    ],
)
def test_a_one_line_result_is_a_result(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    for g, s in RIDERS[:3]:
        assert _kind(tagger, title.format(S=s), text.format(G=g, S=s), language) == "result"


def test_a_story_without_a_headline_keeps_the_rules_kind(tagger: Tagger) -> None:
    text = "Jasper Philipsen won the sprint in Scheldeprijs ahead of Tim Merlier and Olav Kooij."
    found = tagger.race_tags("", text, date(2026, 4, 8), None, "en")
    assert found.kind == found.rules_kind == "result"


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        (
            "en",
            "Striker signs new contract until 2029",
            "The club's top scorer has signed a new four-year deal after thirty league goals.",
        ),
        (
            "en",
            "Arsenal complete signing of Spanish midfielder",
            "The midfielder joins from a rival club for a reported fee and signs a five-year deal.",
        ),
        (
            "nl",
            "Spits verlengt contract bij de landskampioen",
            "De aanvaller tekende een nieuw contract tot en met 2028 bij de voetbalclub.",
        ),
        (
            "de",
            "Stürmer wechselt zum Meister",
            "Der Nationalspieler unterschreibt einen Vertrag bis 2029 beim Fußballverein.",
        ),
        (
            "es",
            "El delantero firma con el club hasta 2029",
            "El futbolista renovó su contrato con el equipo de la liga.",
        ),
        (
            "fr",
            "Le pilote prolonge son contrat avec l'écurie",
            "Le pilote de Formule 1 a signé un nouveau contrat de trois ans.",
        ),
    ],
)
def test_a_contract_outside_cycling_is_other(
    tagger: Tagger, language: str, title: str, text: str
) -> None:
    found = tagger.race_tags(title, text, PUBLISHED, None, language)
    assert found.rules_kind == "other"
    assert found.kind == "other"


def test_a_cycling_contract_is_still_a_transfer(tagger: Tagger) -> None:
    """The near miss of the gate: the same words about a rider and a team."""
    found = tagger.race_tags(
        "Remco Evenepoel signs a new contract with Soudal Quick-Step",
        "Remco Evenepoel has signed a new contract with Soudal Quick-Step until 2028.",
        PUBLISHED,
        None,
        "en",
    )
    assert found.kind == "transfer"


def test_masking_grows_linearly() -> None:
    """Many names and many race spans: one bisection a word."""

    def mask(text: str) -> object:
        ft = FoldedText(text)
        words = ft.word_count
        names = [(i * 16, i * 16 + 13, "rider") for i in range(len(text) // 16)]
        races = [(ft.word_start(k) - 1, ft.word_start(k + 1) - 1) for k in range(0, words - 1, 5)]
        return masked_words(ft, 0, words, names, races)

    assert_linear(mask, lambda n: "Tadej Pogačar. " * n, 500)
