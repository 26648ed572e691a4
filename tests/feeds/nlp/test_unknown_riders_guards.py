"""Riders the roster does not know: the guards of review RUR (feeds/nlp/tag/unknown_riders.py).
Each shape has positives in the languages it covers and near misses, the everyday reading
of the same words. Invented names throughout, except the roster riders the lists hold."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.nlp.tag.unknown_riders import MAX_RIDERS, NearNames, name_skeleton
from feeds.roster import Person, Roster
from feeds.tagger import Tagger
from tests.growth import assert_linear

JUNE_2024 = date(2024, 6, 10)


def _riders(tagger: Tagger, title: str, body: str, language: str) -> list[str]:
    return tagger.tag(title, body, JUNE_2024, True, language=language).unknown_riders


# --- 1. lists: only lists about racing ------------------------------------------------


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("en", "Tadej Pogačar, Marius Kellerhals and Arne Vercauteren are among the nominees."),
        ("sl", "Med kandidati so Tadej Pogačar, Marius Kellerhals in Arne Vercauteren."),
        ("da", "Jonas Vingegaard, Marius Kellerhals og Arne Vercauteren er blandt de nominerede."),
        ("it", "Tra i premiati Jonathan Milan, Marius Kellerhals e Arne Vercauteren."),
        ("fr", "Julian Alaphilippe, Marius Kellerhals et Arne Vercauteren sont nommés au trophée."),
        ("es", "Juan Ayuso, Marius Kellerhals y Arne Vercauteren, premiados en la gala."),
        ("de", "Nominiert sind Florian Lipowitz, Marius Kellerhals und Arne Vercauteren."),
        ("no", "Tobias Halland Johannessen, Marius Kellerhals og Arne Vercauteren er nominert."),
    ],
)
def test_an_award_list_names_no_rider(tagger: Tagger, language: str, body: str) -> None:
    assert _riders(tagger, "Sport", body, language) == []


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("nl", "Wout van Aert en Marius Kellerhals genieten van een vakantie."),
        ("en", "Tadej Pogačar, Marius Kellerhals and Arne Vercauteren spoke at the dinner."),
        ("it", "Jonathan Milan e Marius Kellerhals sono andati al cinema."),
    ],
)
def test_a_list_with_one_rider_and_no_racing_names_nobody(
    tagger: Tagger, language: str, body: str
) -> None:
    assert _riders(tagger, "News", body, language) == []


def test_a_list_with_a_retired_or_staff_member_names_nobody(tagger: Tagger) -> None:
    body = "Cofidis: Tadej Pogačar, Mauro Gianetti and Marius Kellerhals were there."
    assert _riders(tagger, "News", body, "en") == []


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("en", "The break: Tadej Pogačar (UAE Team Emirates), Marius Kellerhals (Cofidis)."),
        ("de", "Cofidis setzt auf Florian Lipowitz, Marius Kellerhals und Arne Vercauteren."),
        ("sl", "Za Cofidis vozijo Tadej Pogačar, Marius Kellerhals in Arne Vercauteren."),
        ("da", "Cofidis stiller med Jonas Vingegaard, Marius Kellerhals og Arne Vercauteren."),
        ("fr", "Quatre coureurs : Julian Alaphilippe, Marius Kellerhals et Arne Vercauteren."),
    ],
)
def test_a_list_about_racing_names_riders(tagger: Tagger, language: str, body: str) -> None:
    assert "Marius Kellerhals" in _riders(tagger, "Race", body, language)


# --- 2. the list glue: the story's own "and", no prepositions --------------------------


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("en", "Cofidis: Jonas Vingegaard with Marius Kellerhals on the beach."),
        ("en", "Cofidis sold a jersey of Tadej Pogačar from Marius Kellerhals."),
        ("en", "In the Cofidis film Tadej Pogačar as Marius Kellerhals?"),
        ("en", "The Cofidis film follows Remco Evenepoel in Marius Kellerhals's camera."),
        ("nl", "Cofidis: Remco Evenepoel in Marius Kellerhals' podcast."),
        ("it", "Cofidis: Jonathan Milan con Marius Kellerhals al mare."),
    ],
)
def test_a_preposition_or_another_languages_and_is_no_list(
    tagger: Tagger, language: str, body: str
) -> None:
    assert _riders(tagger, "Video", body, language) == []


# --- 3. the title and the body never join ----------------------------------------------


@pytest.mark.parametrize(
    ("language", "title", "body"),
    [
        ("en", "Driver jailed for killing Cofidis cyclist", "Marius Kellerhals, 34, was jailed."),
        ("nl", "Automobilist veroordeeld na dood van renner", "Marius Kellerhals kreeg cel."),
        ("de", "Freispruch nach Tod eines Radprofis", "Marius Kellerhals wurde freigesprochen."),
        ("en", "Cofidis named eight riders", "Marius Kellerhals, the press officer, said so."),
    ],
)
def test_a_noun_ending_the_title_does_not_reach_the_body(
    tagger: Tagger, language: str, title: str, body: str
) -> None:
    assert _riders(tagger, title, body, language) == []


def test_a_noun_and_a_name_on_one_line_still_join(tagger: Tagger) -> None:
    assert _riders(tagger, "Race", "The neo-pro Marius Kellerhals won.", "en") == [
        "Marius Kellerhals"
    ]


# --- 4. everyday cyclist nouns, former and non-pro markers -----------------------------


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("fr", "Le cycliste Marius Kellerhals, 45 ans, a été percuté par une voiture."),
        ("it", "Il ciclista Marius Kellerhals è stato investito da un'auto."),
        ("es", "El ciclista Marius Kellerhals fue atropellado por un coche."),
        ("sl", "Kolesar Marius Kellerhals se je poškodoval v trčenju z avtom."),
        ("nl", "Wielrenner Marius Kellerhals kwam zondag om het leven."),
        ("da", "Cykelrytteren Marius Kellerhals blev ramt af en bil."),
        ("no", "Syklisten Marius Kellerhals ble påkjørt av en bil."),
        ("de", "Der Radsportler Marius Kellerhals wurde bei einem Unfall verletzt."),
        ("en", "Police have named the cyclist Marius Kellerhals, 54."),
    ],
)
def test_an_everyday_cyclist_noun_alone_names_nobody(
    tagger: Tagger, language: str, body: str
) -> None:
    assert _riders(tagger, "News", body, language) == []


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("fr", "Le cycliste Marius Kellerhals a signé chez Cofidis."),
        ("nl", "Wielrenner Marius Kellerhals rijdt volgend jaar voor Cofidis."),
        ("en", "The cyclist Marius Kellerhals joins Cofidis."),
    ],
)
def test_an_everyday_cyclist_noun_beside_a_team_names_a_rider(
    tagger: Tagger, language: str, body: str
) -> None:
    assert _riders(tagger, "News", body, language) == ["Marius Kellerhals"]


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("en", "The amateur rider Marius Kellerhals rode for Cofidis' club."),
        ("en", "The retired rider Marius Kellerhals joins the Cofidis broadcast."),
        ("en", "The ex-pro rider Marius Kellerhals joins the Cofidis broadcast."),
        ("en", "The late rider Marius Kellerhals was remembered by Cofidis."),
        ("en", "The German junior rider Marius Kellerhals trained with Cofidis."),
        ("en", "The MotoGP racer Marius Kellerhals met Cofidis."),
        ("de", "Der Formel-1-Fahrer Marius Kellerhals besuchte Cofidis."),
        ("de", "Der verstorbene Radprofi Marius Kellerhals fuhr für Cofidis."),
        ("fr", "Le coureur amateur Marius Kellerhals a visité Cofidis."),
        ("it", "Il compianto corridore Marius Kellerhals correva per la Cofidis."),
        ("es", "El corredor retirado Marius Kellerhals visitó Cofidis."),
        ("nl", "De gestopte renner Marius Kellerhals bezocht Cofidis."),
        ("da", "Den afdøde rytter Marius Kellerhals kørte for Cofidis."),
        ("sl", "Pokojni profesionalni kolesar Marius Kellerhals je vozil za Cofidis."),
    ],
)
def test_a_marker_before_the_noun_names_no_pro(tagger: Tagger, language: str, body: str) -> None:
    assert _riders(tagger, "News", body, language) == []


# --- 5. the apposition: the rider noun heads it ----------------------------------------


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("it", "Marius Kellerhals, il padre del corridore, era al traguardo."),
        ("fr", "Marius Kellerhals, le père du coureur, était à l'arrivée."),
        ("nl", "Marius Kellerhals, de vader van de renner, stond aan de finish."),
        ("en", "Marius Kellerhals, a nutritionist for the riders, came along."),
        ("en", "Marius Kellerhals, head of the riders' union, met the UCI."),
        ("en", "Marius Kellerhals, a rider of the local club, cheered."),
        ("de", "Marius Kellerhals, Fahrer des Begleitmotorrads, wurde ausgeschlossen."),
    ],
)
def test_an_apposition_the_noun_does_not_head_names_nobody(
    tagger: Tagger, language: str, body: str
) -> None:
    assert _riders(tagger, "News", body, language) == []


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("en", "Marius Kellerhals, a 22-year-old Dutch neo-pro, won."),
        ("it", "Marius Kellerhals, giovane corridore della Cofidis, ha vinto."),
        ("fr", "Marius Kellerhals, le jeune coureur, a gagné."),
        ("nl", "Marius Kellerhals, een 22-jarige renner, won de sprint."),
        ("en", "Marius Kellerhals, rider of Cofidis, won."),
    ],
)
def test_an_apposition_the_noun_heads_names_a_rider(
    tagger: Tagger, language: str, body: str
) -> None:
    assert _riders(tagger, "Race", body, language) == ["Marius Kellerhals"]


# --- 6. a plural noun before a relative clause ----------------------------------------


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("en", "Of all the Cofidis riders Marius Kellerhals has coached, one stands out."),
        ("nl", "Van alle renners Marius Kellerhals ooit begeleidde, is er één de beste."),
        ("fr", "Parmi les coureurs Marius Kellerhals a entraîné les meilleurs."),
    ],
)
def test_a_plural_noun_before_a_clause_names_nobody(
    tagger: Tagger, language: str, body: str
) -> None:
    assert _riders(tagger, "News", body, language) == []


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("nl", "De renners Marius Kellerhals en Arne Vercauteren wonnen."),
        ("it", "I corridori Marius Kellerhals e Arne Vercauteren hanno vinto."),
    ],
)
def test_a_plural_noun_before_a_list_names_riders(tagger: Tagger, language: str, body: str) -> None:
    assert _riders(tagger, "Race", body, language) == ["Marius Kellerhals", "Arne Vercauteren"]


# --- 7. a bracketed team before a speech verb ------------------------------------------


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("en", "Tadej Pogačar was happy, and Marius Kellerhals (Cofidis) explained the plan."),
        ("de", "Marius Kellerhals (Cofidis) erklärte die Taktik."),
        ("fr", "Marius Kellerhals (Cofidis) a expliqué la tactique."),
    ],
)
def test_a_bracket_before_a_speech_verb_names_nobody(
    tagger: Tagger, language: str, body: str
) -> None:
    assert _riders(tagger, "News", body, language) == []


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("en", "Marius Kellerhals (Cofidis) attacked on the climb."),
        (
            "pt",
            "Geral: 1) Arne Vercauteren (Cofidis); 2) Marius Kellerhals (Cofidis), a 38 segundos.",
        ),
    ],
)
def test_a_bracket_in_a_race_line_names_a_rider(tagger: Tagger, language: str, body: str) -> None:
    assert "Marius Kellerhals" in _riders(tagger, "Race", body, language)


def test_a_team_right_before_an_outside_name_is_no_person(tagger: Tagger) -> None:
    # the longer-name guard reads people only: a team one space before a name is none
    body = "Results: 1. Cofidis Marius Kellerhals (Cofidis) 4h12'"
    assert _riders(tagger, "Race", body, "en") == ["Marius Kellerhals"]


# --- 8. misspelt roster names: only one skeleton merges --------------------------------


def _roster() -> Roster:
    return Roster(
        {},
        {
            "a": Person("a", "Pavel Sivakov", "rider"),
            "b": Person("b", "Mads Pedersen", "rider"),
            "c": Person("c", "Jan Christen", "rider"),
            "d": Person("d", "Andrea Peron", "rider"),
            "e": Person("e", "Tadej Pogačar", "rider"),
        },
    )


def test_a_transliterated_or_unaccented_name_is_the_roster_riders() -> None:
    near = NearNames.of(_roster())
    assert near.resolve("Pawel Siwakow", JUNE_2024) == "Pavel Sivakov"
    assert near.resolve("Tadej Pogacar", JUNE_2024) == "Tadej Pogačar"
    assert name_skeleton("Mads Pedersen") != name_skeleton("Mads Petersen")


def test_a_close_surname_is_never_merged() -> None:
    near = NearNames.of(_roster())
    for name in ("Mads Petersen", "Jan Christensen", "Andrea Peroni"):
        assert near.resolve(name, JUNE_2024) in (None, name)
    assert near.resolve("Mads Kellerhals", JUNE_2024) == "Mads Kellerhals"


# --- the cap and hostile input ---------------------------------------------------------


def _surname(k: int) -> str:
    letters = ""
    for _ in range(5):
        k, r = divmod(k, 26)
        letters += "abcdefghijklmnopqrstuvwxyz"[r]
    return "Bel" + letters


def _results(n: int) -> str:
    return "\n".join(f"{k}. Juan {_surname(k)} (Cofidis) 4h12'" for k in range(n))


def test_a_story_yields_at_most_max_riders(tagger: Tagger) -> None:
    assert len(_riders(tagger, "Results", _results(MAX_RIDERS + 40), "en")) == MAX_RIDERS


def _glue_run(n: int) -> str:
    """A long run of names joined by prepositions and "and"s of other languages."""
    return "Cofidis: Tadej Pogačar" + " with Juan Belaaa og Juan Belbbb in" * n + "."


def _plural_nouns(n: int) -> str:
    return "the riders Juan Belaaa has coached, " * n


def _appositions(n: int) -> str:
    return "Juan Belaaa, the father of the rider of the club, " * n


def _honours(n: int) -> str:
    return "Tadej Pogačar, " + ", ".join(f"Juan {_surname(k)}" for k in range(n)) + " nominees."


def test_the_guards_read_linearly(tagger: Tagger) -> None:
    def read(body: str) -> object:
        return tagger.tag("Results", body, JUNE_2024, True, language="en").unknown_riders

    assert_linear(read, _glue_run, 300)
    assert_linear(read, _plural_nouns, 300)
    assert_linear(read, _appositions, 300)
    assert_linear(read, _honours, 300)
    assert_linear(read, _results, 300)
