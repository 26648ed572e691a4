"""Sentence shapes of transfer news, through the whole tagger and the bundled roster.

Each case is a short story written for the shape it tests (not taken from a corpus):
who moves where, and whether it is confirmed or a rumour.
"""

from __future__ import annotations

from datetime import date

import pytest

from feeds.nlp.tag import Tagger
from feeds.roster import load_roster


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger(load_roster())


CASES = [
    (
        # The teams would not confirm it: an unhedged sentence elsewhere is still a rumour.
        "refused confirmation, Dutch",
        date(2025, 5, 20),
        "Kooij naar Decathlon",
        "Olav Kooij maakt de overstap naar Decathlon AG2R La Mondiale. Visma | Lease a Bike "
        "wilde het nieuws niet bevestigen.",
        True,
        {("Olav Kooij", "Decathlon AG2R La Mondiale", "rumour")},
    ),
    (
        "refused confirmation, English",
        date(2024, 8, 2),
        "Pidcock to Q36.5",
        "Tom Pidcock joins Q36.5 Pro Cycling Team. Ineos Grenadiers would not confirm the news.",
        True,
        {("Tom Pidcock", "Q36.5 Pro Cycling Team", "rumour")},
    ),
    (
        "linked with, Dutch",
        date(2025, 5, 20),
        "Sprinters voor Decathlon",
        "Cees Bol van XDS Astana wordt in verband gebracht met een overstap naar Decathlon "
        "AG2R La Mondiale.",
        True,
        {("Cees Bol", "Decathlon AG2R La Mondiale", "rumour")},
    ),
    (
        "the team as source after an announcing verb, Spanish",
        date(2024, 9, 10),
        "Nuevo fichaje",
        "Enric Mas correrá en el Movistar Team dos años más, según ha confirmado el equipo "
        "español. Pello Bilbao ficha por el Movistar Team, según ha anunciado el equipo.",
        True,
        {("Pello Bilbao", "Movistar Team", "confirmed")},
    ),
    (
        "a newspaper as source after an announcing verb stays a rumour",
        date(2024, 9, 10),
        "Nuevo fichaje",
        "Pello Bilbao ficha por el Movistar Team, según ha publicado Marca.",
        True,
        {("Pello Bilbao", "Movistar Team", "rumour")},
    ),
    (
        # "After the departure of X to Y" is background, list items included.
        "background departure noun, German",
        date(2024, 8, 20),
        "Kopecky bleibt",
        "Nach dem Abgang von Demi Vollering zu FDJ-Suez führt Lotte Kopecky das Team SD "
        "Worx-Protime an. Sie verlängert ihren Vertrag bis 2027.",
        False,
        set(),
    ),
    (
        "a list after a move verb is still news",
        date(2024, 8, 20),
        "Neue Fahrer",
        "Demi Vollering wechselt zu FDJ-Suez, Lotte Kopecky zu Visma | Lease a Bike.",
        True,
        {
            ("Demi Vollering", "FDJ-Suez", "confirmed"),
            ("Lotte Kopecky", "Visma | Lease a Bike", "confirmed"),
        },
    ),
    (
        # German: the team before the role ("wird beim Team Leiter"), a contracted article
        # before a team description ("beim deutschen Team").
        "staff role after the team, German",
        date(2024, 8, 20),
        "Neuer Leiter",
        "Red Bull-Bora-Hansgrohe baut um: Dan Bigham verlässt Ineos Grenadiers und wird beim "
        "deutschen Team Leiter der Abteilung für Material.",
        True,
        {("Dan Bigham", "Red Bull-Bora-Hansgrohe", "confirmed")},
    ),
    (
        # The boss a team is named after is not the one who leaves.
        "team named after its boss, French",
        date(2024, 8, 2),
        "Guillaume Martin chez Groupama-FDJ",
        "Guillaume Martin a signé avec l'équipe de Marc Madiot et quittera Cofidis à la fin "
        "de la saison.",
        True,
        {("Guillaume Martin", "Groupama-FDJ", "confirmed")},
    ),
    (
        # So is the owner in "X's Team has made a signing": the team signs, not X.
        "team named after its owner, English",
        date(2023, 10, 20),
        "Bora-Hansgrohe lure Roglič away from Jumbo-Visma",
        "Ralph Denk's Bora-Hansgrohe has made the biggest signing of the winter: Primož Roglič "
        "will leave Jumbo-Visma at the end of the season.",
        True,
        {("Primož Roglič", "Bora-Hansgrohe", "confirmed")},
    ),
    (
        # "Signed" takes the new contract as its object: an extension, not a move.
        "signed a new contract, English",
        date(2024, 3, 1),
        "Vingegaard commits to Visma until 2028",
        "Jonas Vingegaard has signed a new contract with Visma | Lease a Bike that keeps him "
        "at the Dutch team until 2028.",
        False,
        set(),
    ),
    (
        "signed a new contract, Dutch",
        date(2024, 3, 1),
        "Van Aert blijft",
        "Wout van Aert tekent een nieuw contract bij Visma | Lease a Bike tot eind 2026.",
        False,
        set(),
    ),
    (
        # The passive "followed to A by Y": Y is the one who moves, to A.
        "followed to a team by, English",
        date(2024, 10, 10),
        "Poels swaps Bahrain for Astana",
        "Wout Poels leaves Bahrain Victorious for Astana Qazaqstan. He is followed to the "
        "Kazakh team by Mike Teunissen, who comes from Intermarché-Wanty.",
        True,
        {
            ("Wout Poels", "Astana Qazaqstan", "confirmed"),
            ("Mike Teunissen", "Astana Qazaqstan", "confirmed"),
        },
    ),
    (
        # A hedge about the rider's role, then the team's word on the deal itself.
        "an announcement naming nobody speaks for the sentence before",
        date(2024, 8, 2),
        "Martin to Groupama-FDJ",
        "Guillaume Martin moves from Cofidis to Groupama-FDJ, where he is expected to lead "
        "the team in stage races. The French team announced the deal on Tuesday.",
        True,
        {("Guillaume Martin", "Groupama-FDJ", "confirmed")},
    ),
    (
        "without it, the hedge stands",
        date(2024, 8, 2),
        "Martin to Groupama-FDJ",
        "Guillaume Martin moves from Cofidis to Groupama-FDJ, where he is expected to lead "
        "the team in stage races.",
        True,
        {("Guillaume Martin", "Groupama-FDJ", "rumour")},
    ),
    (
        # "a" + "el" is "al": the verbs that take "a" take "al" too.
        "se unirá al, Spanish",
        date(2023, 9, 15),
        "Landa se une al Soudal",
        "Mikel Landa se unirá al Soudal Quick-Step en 2024.",
        True,
        {("Mikel Landa", "Soudal Quick-Step", "confirmed")},
    ),
    (
        "abandonará el A para unirse al B, Spanish",
        date(2023, 9, 15),
        "Mikel Landa deja el Bahrain",
        "Mikel Landa abandonará el Bahrain Victorious al final de temporada para unirse al "
        "Soudal Quick-Step, según ha confirmado el equipo belga.",
        True,
        {("Mikel Landa", "Soudal Quick-Step", "confirmed")},
    ),
    (
        "recalar en, Spanish rumour",
        date(2023, 9, 15),
        "Landa suena para el Soudal",
        "Mikel Landa podría recalar en el Soudal Quick-Step la próxima temporada, según "
        "fuentes cercanas al corredor.",
        True,
        {("Mikel Landa", "Soudal Quick-Step", "rumour")},
    ),
    (
        # "el conjunto belga" is the team speaking, not a newspaper.
        "será corredor del, announced by el conjunto, Spanish",
        date(2023, 9, 15),
        "Fichaje",
        "Mikel Landa será corredor del Soudal Quick-Step a partir de 2024, según ha "
        "anunciado el conjunto belga.",
        True,
        {("Mikel Landa", "Soudal Quick-Step", "confirmed")},
    ),
    (
        # A race report that mentions a known move in passing, deep in the story.
        "a move deep in a race report is background",
        date(2024, 10, 12),
        "Pogačar wins Lombardia again",
        "Tadej Pogačar attacked 48 km from the finish and won Il Lombardia alone. Remco "
        "Evenepoel was second, ahead of Giulio Ciccone. The world champion has now won the "
        "race four times in a row. Julian Alaphilippe finished eighth in his last race for "
        "Soudal Quick-Step and will join Tudor Pro Cycling Team next season.",
        False,
        set(),
    ),
    (
        "the same move in the lede is news",
        date(2024, 10, 12),
        "Alaphilippe to Tudor",
        "Julian Alaphilippe will join Tudor Pro Cycling Team next season, the Swiss team "
        "announced. He leaves Soudal Quick-Step after thirteen seasons. Tadej Pogačar "
        "attacked 48 km from the finish and won Il Lombardia alone.",
        True,
        {("Julian Alaphilippe", "Tudor Pro Cycling Team", "confirmed")},
    ),
    (
        # Undated, so the roster cannot say Ineos is already his team: the words must.
        "signed a new three-year contract, undated",
        None,
        "Pidcock stays",
        "Tom Pidcock has signed a new three-year contract with Ineos Grenadiers.",
        False,
        set(),
    ),
    (
        # "son poste chez X": the post he leaves, though "chez" usually says where to.
        "leaving one's post at a team, French",
        date(2024, 10, 1),
        "Zeeman s'en va",
        "Merijn Zeeman quitte son poste chez Visma | Lease a Bike pour devenir directeur "
        "technique de l'AZ.",
        True,
        {("Merijn Zeeman", None, "confirmed")},
    ),
    (
        # A headline list of a team's reinforcements; each arrival names only its origin.
        "a team's reinforcements, Spanish",
        date(2024, 10, 10),
        "Movistar Team presenta sus refuerzos: Castrillo y Aular",
        "El Movistar Team ha oficializado dos refuerzos para 2025. Pablo Castrillo llega del "
        "Equipo Kern Pharma y Orluis Aular del Caja Rural-Seguros RGA.",
        True,
        {
            ("Pablo Castrillo", "Movistar Team", "confirmed"),
            ("Orluis Aular", "Movistar Team", "confirmed"),
        },
    ),
]


# More ways to say "Landa moves to Soudal Quick-Step", one sentence each; and the same
# words where nobody moves.
LANDA_MOVES = [
    "Mikel Landa is off to Soudal Quick-Step.",
    "Mikel Landa has put pen to paper with Soudal Quick-Step on a two-year deal.",
    "Soudal Quick-Step unveil Mikel Landa as their first signing for 2024.",
    "Mikel Landa's future lies with Soudal Quick-Step, the Belgian team announced.",
    "Mikel Landa opts for Soudal Quick-Step over a new deal at Bahrain Victorious.",
    "Soudal Quick-Step bolster their climbing line-up with Mikel Landa.",
    "Mikel Landa portera les couleurs de Soudal Quick-Step en 2024.",
    "Mikel Landa vestirá el maillot del Soudal Quick-Step en 2024.",
    "Mikel Landa militará en el Soudal Quick-Step la próxima temporada.",
]
LANDA_RUMOURS = [
    "Mikel Landa has been linked to Soudal Quick-Step.",
    "Mikel Landa gaat volgens ingewijden naar Soudal Quick-Step.",
    "Mikel Landa rejoindrait Soudal Quick-Step, selon nos informations.",
    "Stando a Tuttobiciweb, Mikel Landa passerà alla Soudal Quick-Step.",
    # German puts the subject after the verb when a phrase opens the clause.
    "Nach Informationen von Radsport-News wechselt Mikel Landa zu Soudal Quick-Step.",
    "Mikel Landa wechselt wohl zu Soudal Quick-Step.",
    "Mikel Landa ficharía por el Soudal Quick-Step, según As.",
]
LANDA_STAYS = [
    "Mikel Landa opts for the Giro d'Italia over the Tour de France in 2024.",
    "Soudal Quick-Step unveil their new kit for 2024, with Mikel Landa in the photos.",
    "Bahrain Victorious are off to the Tour Down Under with Mikel Landa.",
    "Soudal Quick-Step bolstered the chase with Mikel Landa in the final.",
    "Mikel Landa portera les couleurs de l'Espagne aux Mondiaux.",
]


@pytest.mark.parametrize("text", LANDA_MOVES)
def test_a_move_said_another_way(tagger: Tagger, text: str) -> None:
    tags = tagger.tag("Transfer news", text, date(2023, 9, 15))
    assert tags.is_transfer
    assert [(m.person, m.to_team) for m in tags.moves] == [("Mikel Landa", "Soudal Quick-Step")]


@pytest.mark.parametrize("text", LANDA_RUMOURS)
def test_a_rumour_said_another_way(tagger: Tagger, text: str) -> None:
    tags = tagger.tag("Mercato", text, date(2023, 9, 15))
    assert [(m.person, m.to_team, m.status) for m in tags.moves] == [
        ("Mikel Landa", "Soudal Quick-Step", "rumour")
    ]


@pytest.mark.parametrize("text", LANDA_STAYS)
def test_the_same_words_without_a_move(tagger: Tagger, text: str) -> None:
    tags = tagger.tag("News", text, date(2023, 9, 15))
    assert not tags.is_transfer and not tags.moves


@pytest.mark.parametrize("case", CASES, ids=lambda c: c[0])
def test_transfer_shape(tagger: Tagger, case) -> None:
    _, published, title, text, want_transfer, want_moves = case
    tags = tagger.tag(title, text, published)
    assert tags.is_transfer == want_transfer
    assert {(m.person, m.to_team, m.status) for m in tags.moves} == want_moves


def test_a_compound_noun_before_a_surname_is_no_first_name(tagger: Tagger) -> None:
    # "Stundenrekord-Ingenieur" is a job, not the first name of another Bigham.
    title = "Stundenrekord-Ingenieur Bigham verlässt Ineos"
    mentions = tagger.mentions(title, "Dan Bigham verlässt Ineos Grenadiers.", date(2024, 8, 20))
    assert [m.start for m in mentions if m.entity_id == "dan-bigham"] == [24, len(title) + 2]


def test_a_race_name_is_cycling_context(tagger: Tagger) -> None:
    # A two-line news item: a surname, one team (which needs context without itself)
    # and a race whose name is only a race.
    text = "Evenepoel crashed in stage 4 of the Dauphiné. Soudal Quick-Step said he is fine."
    tags = tagger.tag("Crash", text, date(2024, 6, 5))
    assert tags.riders == ["remco-evenepoel"]
    assert tags.teams == ["quick-step"]
