"""Another sport's, discipline's or age category's event under a road race's name
(feeds/races/other_events.py), and the championships of a nation named with the nation
(feeds/races/nationals.toml `[forms]`), in several languages."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.races.model import CalendarError
from feeds.races.other_events import bundled_other_events, parse_other_events
from feeds.tagger import Tagger
from feeds.text.fold import FoldedText


def names(tagger: Tagger, title: str, text: str, published: date, language: str) -> list[str]:
    tags = tagger.tag(title, text, published, True, language=language)
    return [tagger.races.calendar.races[r].name for r in tags.races]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sl", "Tadej Pogačar je gledal svetovno prvenstvo v nogometu s prijatelji."),
        ("es", "Isaac del Toro ganó dos veces y se ha inaugurado el Mundial en pista."),
        ("pt", "Iván Romeo fechou o ano com a prata no Campeonato da Europa de sub-23."),
        ("it", "Filippo Ganna ha seguito il Giro d'Italia a vela a Genova."),
        ("no", "Tobias Foss så fotball-VM hjemme i Norge."),
    ],
)
def test_another_sports_event_is_no_race(tagger: Tagger, language: str, text: str) -> None:
    assert names(tagger, "Kolesarstvo", text, date(2024, 11, 20), language) == []


@pytest.mark.parametrize(
    ("language", "text", "race"),
    [
        (
            "sl",
            "Tadej Pogačar je osvojil svetovno prvenstvo v Zürichu.",
            "UCI Road World Championships",
        ),
        ("es", "Isaac del Toro ganó el Mundial en Kigali.", "UCI Road World Championships"),
        ("it", "Filippo Ganna ha vinto una tappa al Giro d'Italia a Genova.", "Giro d'Italia"),
    ],
)
def test_a_place_after_the_name_keeps_the_race(
    tagger: Tagger, language: str, text: str, race: str
) -> None:
    assert names(tagger, "Ciclismo", text, date(2024, 11, 20), language) == [race]


def test_follows_skips_at_most_two_linking_words() -> None:
    events = bundled_other_events()
    folded = FoldedText("Mundial en la pista; Mundial de la gran pista").folded
    first = folded.index("mundial")
    second = folded.index("mundial", first + 1)
    both = {"look_before": True, "look_after": True}
    assert events.follows(folded, first, first + len(" mundial "), **both)
    assert not events.follows(folded, second, second + len(" mundial "), **both)


@pytest.mark.parametrize(
    ("language", "title", "text", "race"),
    [
        # A sport's word in the sentence before or after is not the name's.
        (
            "en",
            "Milan's winter",
            "Jonathan Milan spent the winter on the track. Milan-San Remo is his next big goal.",
            "Milan-San Remo",
        ),
        (
            "de",
            "Milans Winter",
            "Jonathan Milan gewann im Herbst Gold auf der Bahn. Mailand-Sanremo ist sein "
            "nächstes großes Ziel.",
            "Milan-San Remo",
        ),
        (
            "nl",
            "Van Aert kiest",
            "Wout van Aert stopt met de cross. Omloop Het Nieuwsblad wordt zijn eerste doel.",
            "Omloop Het Nieuwsblad",
        ),
        # A discipline's word that describes a stage is the road race's.
        (
            "en",
            "Tour de France gravel stage: Pogacar attacks on the white roads of Troyes",
            "Tadej Pogacar attacked on the gravel.",
            "Tour de France",
        ),
        (
            "fr",
            "Pogacar attaque",
            "Sur le Tour de France, gravel étape de Troyes, Pogacar a attaqué.",
            "Tour de France",
        ),
    ],
)
def test_a_sport_word_outside_the_names_sentence_or_before_a_stage_keeps_the_race(
    tagger: Tagger, language: str, title: str, text: str, race: str
) -> None:
    assert race in names(tagger, title, text, date(2024, 7, 7), language)


def test_a_bad_other_events_file_is_refused_with_the_reason() -> None:
    with pytest.raises(CalendarError, match="must fold to 1-2 words"):
        parse_other_events('[words]\nen = ["one two three"]', "x.toml")
    with pytest.raises(CalendarError, match="unknown key 'sports'"):
        parse_other_events("sports = []", "x.toml")


@pytest.mark.parametrize(
    ("language", "title", "text", "race"),
    [
        (
            "fr",
            "Esteban Chaves nouveau champion de Colombie",
            "Esteban Chaves s'est imposé devant Nairo Quintana.",
            "Colombian National Road Championships",
        ),
        (
            "es",
            "Isaac del Toro cierra el año",
            "Isaac del Toro ha alargado la temporada en el Campeonato de México.",
            "Mexican National Road Championships",
        ),
        (
            "pt",
            "Rui Costa",
            "Rui Costa venceu o Campeonato de Portugal em 2024.",
            "Portuguese National Road Championships",
        ),
    ],
)
def test_a_nations_championships_named_with_the_nation(
    tagger: Tagger, language: str, title: str, text: str, race: str
) -> None:
    assert race in names(tagger, title, text, date(2025, 10, 20), language)
