"""Race prose that the round-up, headline and dismissal rules must not read as moves
(feeds/nlp/transfers/groups.py, story_kind.py, dismissals.py), beside the market shapes
those rules are for. Each false reading is checked in several languages."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.models import StoryTags
from feeds.tagger import Tagger

SUMMER = date(2025, 7, 14)
AUTUMN = date(2025, 10, 20)


def _tag(tagger: Tagger, title: str, body: str, published: date = SUMMER) -> StoryTags:
    return tagger.tag(title, body, published, feed_is_cycling=True)


def _moves(tags: StoryTags) -> set[tuple[str, str | None, str | None]]:
    return {(m.person, m.from_team, m.to_team) for m in tags.moves}


# --- a group noun + "including" + names (groups.py `_included_list`) -------------------

RACE_GROUPS = [
    (  # a singular start noun: a line-up
        "Paris-Nice : UAE prête",
        "UAE Team Emirates sera au départ avec huit coureurs, dont Tadej Pogačar, Adam Yates "
        "et João Almeida.",
    ),
    (
        "Giro d'Italia, la UAE al via",
        "La UAE Team Emirates si presenta alla partenza con otto corridori, tra cui Tadej "
        "Pogačar, Juan Ayuso e Isaac del Toro.",
    ),
    (
        "Giro de Italia: el Movistar, listo",
        "El Movistar Team tomará la salida en Turín con ocho corredores, entre ellos Enric Mas, "
        "Einer Rubio y Pablo Castrillo.",
    ),
    (
        "Tour de France: Lidl-Trek klaar",
        "Lidl-Trek is bij het vertrek in Lille present met acht renners, waaronder Mads "
        "Pedersen, Jonathan Milan en Mattias Skjelmose.",
    ),
    (  # a singular "move": an attack
        "Tour de France stage 16",
        "Visma-Lease a Bike forced the decisive move, including Tadej Pogačar, Remco Evenepoel "
        "and Jonas Vingegaard, with 60km to go.",
    ),
    (  # a singular finish noun
        "Volta a Portugal: UAE em força",
        "A UAE Team Emirates colocou três ciclistas na chegada, entre eles Tadej Pogačar, João "
        "Almeida e Adam Yates, à frente de Jonas Vingegaard.",
    ),
    (  # plural departures, in a race's sentence
        "Tour de France: Visma hit by crash",
        "Visma-Lease a Bike suffered three departures from the race on Sunday, including Wout "
        "van Aert, Sepp Kuss and Dylan van Baarle, after the crash at 40km to go.",
    ),
    (  # plural departures with no season and no market in the headline: withdrawals
        "Tour de Francia: la caída diezma al Visma",
        "El Visma | Lease a Bike sufre tres bajas tras la caída, entre ellas Wout van Aert, "
        "Sepp Kuss y Dylan van Baarle.",
    ),
    (
        "Tour de France: Visma nach Sturz dezimiert",
        "Visma | Lease a Bike beklagt nach dem Sturz drei Abgänge, darunter Wout van Aert, Sepp "
        "Kuss und Dylan van Baarle.",
    ),
]


@pytest.mark.parametrize(("title", "body"), RACE_GROUPS, ids=lambda s: s[:24])
def test_a_race_group_with_names_is_no_round_up(tagger: Tagger, title: str, body: str) -> None:
    tags = _tag(tagger, title, body)
    assert not tags.moves
    assert not tags.is_transfer


def test_a_market_group_with_names_is_still_a_round_up(tagger: Tagger) -> None:
    # the plural market noun in a market headline: each listed rider leaves the team
    tags = _tag(
        tagger,
        "Transfermarkt: Denk verteidigt Verzicht auf deutschsprachige Zugänge",
        "Red Bull-Bora-hansgrohe hat neun Neuzugänge geholt. Dem stehen neun Abgänge "
        "gegenüber, darunter Lennard Kämna, Emanuel Buchmann und Patrick Gamper.",
        AUTUMN,
    )
    leaving = {person for person, from_team, _ in _moves(tags) if from_team}
    assert {"Lennard Kämna", "Emanuel Buchmann", "Patrick Gamper"} <= leaving
    assert tags.is_transfer


def test_a_dated_group_of_departures_is_a_round_up_in_any_headline(tagger: Tagger) -> None:
    tags = _tag(
        tagger,
        "Movistar prepara 2026",
        "El Movistar Team tendrá siete salidas en 2026, entre ellas Enric Mas, Einer Rubio y "
        "Pablo Castrillo.",
        AUTUMN,
    )
    assert {"Enric Mas", "Einer Rubio", "Pablo Castrillo"} <= {p for p, _, _ in _moves(tags)}


# --- a headline's move noun (story_kind.py `_headline_move_noun`) --------------------

RACE_HEADLINES = [
    ("Vingegaard's big move on the Galibier falls short against Pogačar", "en"),
    ("Wechsel im Gelben Trikot: Vingegaard übernimmt von Pogačar", "de"),
    ("Pogačar impone su marcha en el Tourmalet y deja atrás a Vingegaard", "es"),
    ("Arrivo in salita a Prati di Tivo: Pogačar in maglia rosa", "it"),
    ("Partenza rinviata per maltempo, Pogačar chiede sicurezza", "it"),
    ("Arrivée au sommet : Pogačar écrase Vingegaard", "fr"),
    ("Départ fictif retardé : les coureurs protestent contre la chaleur", "fr"),
    ("Chegada em alto: Pogačar vence e João Almeida é terceiro", "pt"),
    # a team beside the noun, and a word of the race's day
    ("Wechsel im Gelben Trikot: Visma | Lease a Bike übernimmt von UAE Team Emirates", "de"),
    ("Arrivée au sommet : UAE Team Emirates écrase Visma | Lease a Bike", "fr"),
    ("Arrivo in salita: la UAE Team Emirates domina", "it"),
    ("Lidl-Trek: the move that won the stage", "en"),
]


@pytest.mark.parametrize(("title", "language"), RACE_HEADLINES, ids=lambda s: s[:24])
def test_a_race_headline_with_a_move_noun_is_no_transfer_story(
    tagger: Tagger, title: str, language: str
) -> None:
    body = "Tadej Pogačar won the stage ahead of Jonas Vingegaard after a long climb."
    tags = tagger.tag(title, body, SUMMER, feed_is_cycling=True, language=language)
    assert not tags.is_transfer


@pytest.mark.parametrize(
    ("title", "language"),
    [
        ("Denk verteidigt Verzicht auf deutschsprachige Zugänge", "de"),  # a market plural
        ("5 transferências a ter em atenção para 2024", "pt"),
        ("Mercato : le départ qui change tout", "fr"),  # the market named
        ("Lidl-Trek: el fichaje que nadie esperaba", "es"),  # a team beside a singular
        ("The transfer for 2026 that changes everything", "en"),  # a season beside one
    ],
)
def test_a_market_headline_with_a_move_noun_is_a_transfer_story(
    tagger: Tagger, title: str, language: str
) -> None:
    body = "Tadej Pogačar won the stage ahead of Jonas Vingegaard after a long climb."
    tags = tagger.tag(title, body, AUTUMN, feed_is_cycling=True, language=language)
    assert tags.is_transfer


# --- who is dismissed (dismissals.py) --------------------------------------------------

BOSS_DISMISSES = [
    (
        "Plugge: Vingegaard stays at Visma",
        "Richard Plugge dismissed as speculation the reports about Jonas Vingegaard. Visma | "
        "Lease a Bike's chief executive said the Dane has a contract until 2028.",
    ),
    (
        "Red Bull-Bora-hansgrohe zieht Konsequenzen",
        "Ralph Denk hat den Sportlichen Leiter nach dem Vorfall freigestellt. "
        "Red Bull-Bora-hansgrohe will den Fall intern aufarbeiten.",
    ),
    (
        "EF Education-EasyPost : Vaughters fait le ménage",
        "Jonathan Vaughters a limogé un directeur sportif après l'incident du Tour. EF "
        "Education-EasyPost n'a pas donné son nom.",
    ),
    (
        "El Movistar Team toma medidas",
        "Eusebio Unzué ha cesado al responsable de prensa tras el Tour. El Movistar Team no dio "
        "su nombre.",
    ),
    (
        "El Movistar Team toma medidas",
        "Eusebio Unzué ha destituido al responsable de prensa tras el Tour. El Movistar Team no "
        "dio su nombre.",
    ),
    (
        "La Lidl-Trek prende provvedimenti",
        "Luca Guercilena ha esonerato un direttore sportivo dopo il Tour. La Lidl-Trek non ha "
        "fatto il nome.",
    ),
]


@pytest.mark.parametrize(("title", "body"), BOSS_DISMISSES, ids=lambda s: s[:24])
def test_the_boss_who_dismisses_does_not_leave(tagger: Tagger, title: str, body: str) -> None:
    tags = _tag(tagger, title, body, date(2025, 8, 10))
    assert not tags.moves


@pytest.mark.parametrize(
    ("title", "body", "person"),
    [
        (
            "EF Education-EasyPost : changement à la tête",
            "Jonathan Vaughters a été limogé par le conseil d'administration. EF "
            "Education-EasyPost a annoncé la nouvelle mardi.",
            "Jonathan Vaughters",
        ),
        (
            "Red Bull-Bora-hansgrohe zieht Konsequenzen",
            "Ralph Denk wurde nach dem Vorfall freigestellt. Red Bull-Bora-hansgrohe will den "
            "Fall intern aufarbeiten.",
            "Ralph Denk",
        ),
        (
            "El Movistar Team toma medidas",
            "Eusebio Unzué ha sido cesado tras el Tour. El Movistar Team no dio más detalles.",
            "Eusebio Unzué",
        ),
        (
            "Visma | Lease a Bike acts after the Tour",
            "Richard Plugge has been fired as chief executive after the incident. Visma | Lease "
            "a Bike did not comment.",
            "Richard Plugge",
        ),
    ],
    ids=["fr", "de", "es", "en"],
)
def test_the_dismissed_in_the_passive_leaves(
    tagger: Tagger, title: str, body: str, person: str
) -> None:
    tags = _tag(tagger, title, body, date(2025, 8, 10))
    assert person in {m.person for m in tags.moves if m.from_team and m.to_team is None}


# --- saying goodbye is not letting riders go ------------------------------------------


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Saisonende bei Visma",
            "Visma | Lease a Bike verabschiedet Jonas Vingegaard, Wout van Aert und Matteo "
            "Jorgenson in den Urlaub.",
        ),
        (
            "Rumbo al Tour",
            "El UAE Team Emirates despide a Tadej Pogačar, João Almeida y Adam Yates en el "
            "aeropuerto de Mónaco rumbo al Tour de Francia.",
        ),
    ],
    ids=["de", "es"],
)
def test_a_farewell_is_no_release(tagger: Tagger, title: str, body: str) -> None:
    tags = _tag(tagger, title, body, AUTUMN)
    assert not tags.moves
    assert not tags.is_transfer
