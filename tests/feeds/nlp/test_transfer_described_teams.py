"""Destinations described, not named, when the story names no team that fits: the one
team of a nationality at the story's date ("la squadra kazaka"), the team of the person who
runs it ("la structure de Marc Madiot"), and what is never read so (an ambiguous
nationality, a national selection, a race's country, a sports director's name).
Fresh sentences, through the whole tagger and the bundled roster."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.nlp.transfers.described_teams import head_of, national_team
from feeds.nlp.transfers.descriptions import described_country
from feeds.roster import Roster, load_roster
from feeds.tagger import Tagger

PUBLISHED = date(2025, 10, 20)


@pytest.fixture(scope="module")
def roster() -> Roster:
    return load_roster(())


@pytest.fixture(scope="module")
def tagger(roster: Roster) -> Tagger:
    return Tagger(roster)


def _moves(
    tagger: Tagger, language: str, title: str, text: str, published: date = PUBLISHED
) -> list[tuple[str, str | None]]:
    # a cycling feed: one sentence alone gives the tagger too little cycling context
    tags = tagger.tag(title, text, published, feed_is_cycling=True, language=language)
    return [(m.person, m.to_team) for m in tags.moves]


@pytest.mark.parametrize(
    ("language", "title", "text", "team"),
    [
        (
            "it",
            "Ciclomercato, le ultime novità",
            "Dopo una stagione difficile Tobias Foss passa alla squadra kazaka per il 2026.",
            "XDS Astana",
        ),
        (
            "fr",
            "Le point sur le mercato",
            "Après une saison compliquée, Tobias Foss rejoint l'équipe kazakhe pour 2026.",
            "XDS Astana",
        ),
        (
            "en",
            "Transfer market round-up",
            "After a difficult season, Tobias Foss joins the Bahraini outfit for 2026.",
            "Bahrain Victorious",
        ),
        (
            "es",
            "Mercado de fichajes",
            "Tras una temporada difícil, Tobias Foss ficha por el equipo kazajo para 2026.",
            "XDS Astana",
        ),
    ],
)
def test_a_nationality_no_named_team_has_is_that_countrys_one_team(
    tagger: Tagger, language: str, title: str, text: str, team: str
) -> None:
    assert _moves(tagger, language, title, text) == [("Tobias Foss", team)]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Après une saison compliquée, Tobias Foss rejoint l'équipe belge pour 2026."),
        ("it", "Dopo una stagione difficile Tobias Foss passa alla squadra francese per il 2026."),
        ("en", "After a difficult season, Tobias Foss joins the Dutch outfit for 2026."),
    ],
)
def test_a_nationality_of_several_teams_is_no_destination(
    tagger: Tagger, language: str, text: str
) -> None:
    assert all(to is None for _, to in _moves(tagger, language, "Mercato", text))


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("it", "Tobias Foss passa alla squadra nazionale kazaka per i Mondiali."),
        ("es", "Tobias Foss ficha por el equipo nacional kazajo para el Mundial."),
    ],
)
def test_a_national_selection_is_no_trade_team(tagger: Tagger, language: str, text: str) -> None:
    assert all(to is None for _, to in _moves(tagger, language, "Mondiali", text))


def test_a_country_named_as_a_race_says_no_team() -> None:
    """A country after a to-word with no team noun ("al Tour of Britain") is flagged so,
    and is never read as that country's one team; a nationality beside a team noun is."""
    low = "dovrebbe debuttare con la nuova squadra al tour of britain"
    assert described_country(low, 0, len(low)) == ("GBR", False)
    low = "passa alla squadra britannica"
    assert described_country(low, 0, len(low)) == ("GBR", True)


def test_a_womens_story_takes_the_womens_team(tagger: Tagger) -> None:
    moves = _moves(
        tagger,
        "it",
        "Ciclomercato femminile",
        "Dopo sei stagioni Elisa Longo Borghini passa alla squadra emiratina.",
        date(2024, 9, 20),
    )
    assert moves == [("Elisa Longo Borghini", "UAE Team ADQ")]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "Tras cinco temporadas, Tobias Foss firmó por el bloque de Madiot hasta 2027."),
        ("fr", "Après cinq saisons, Tobias Foss rejoint la structure de Marc Madiot."),
        ("en", "After five seasons, Tobias Foss joins the team of Marc Madiot."),
    ],
)
def test_the_team_of_its_general_manager(tagger: Tagger, language: str, text: str) -> None:
    assert _moves(tagger, language, "Mercato", text) == [("Tobias Foss", "Groupama-FDJ")]


def test_a_national_team_is_unique_at_the_date_and_of_the_sex(roster: Roster) -> None:
    assert national_team(roster, "KAZ", PUBLISHED, "men") == "astana"
    assert national_team(roster, "KAZ", PUBLISHED, "women") is None
    assert national_team(roster, "UAE", PUBLISHED, "women") == "uae-adq-women"
    assert national_team(roster, "BEL", PUBLISHED, "men") is None  # several
    assert national_team(roster, "GBR", date(2019, 6, 1), "men") == "ineos"


def test_only_a_teams_head_gives_it_his_name(roster: Roster) -> None:
    assert head_of(roster, "marc-madiot", PUBLISHED) == "groupama-fdj"
    directors = [
        p.id
        for p in roster.people.values()
        if p.kind == "staff" and p.role == "sports director" and p.team_on(PUBLISHED)
    ]
    assert directors and all(head_of(roster, pid, PUBLISHED) is None for pid in directors)


@pytest.mark.parametrize(
    ("language", "text", "published", "team"),
    [
        (
            "fr",
            "Après trois saisons, Tobias Foss rejoint la formation bretonne pour 2025.",
            date(2024, 9, 20),
            "Arkéa-B&B Hotels",
        ),
        (
            "de",
            "Nach drei Jahren wechselt Tobias Foss zur bayerischen Mannschaft.",
            date(2023, 9, 20),
            "Bora-Hansgrohe",
        ),
        (
            "it",
            "Dopo tre stagioni Tobias Foss passa alla formazione bavarese.",
            date(2023, 9, 20),
            "Bora-Hansgrohe",
        ),
    ],
)
def test_a_regions_adjective_is_its_one_team_at_the_date(
    tagger: Tagger, language: str, text: str, published: date, team: str
) -> None:
    assert _moves(tagger, language, "Mercato", text, published) == [("Tobias Foss", team)]


def test_a_region_of_two_teams_that_season_is_no_destination(tagger: Tagger) -> None:
    text = "Après trois saisons, Tobias Foss rejoint la formation bretonne pour 2021."
    moves = _moves(tagger, "fr", "Mercato", text, date(2020, 9, 20))
    assert all(to is None for _, to in moves)
