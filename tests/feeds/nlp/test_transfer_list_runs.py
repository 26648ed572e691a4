"""Round-up lists that no team verb or group noun opens (set 13's misses, issue #13): an
arrival verb with a list for its subject after it ("chegam A, B e C"), and a list of
arrivals continued in the next sentence ("Pour compléter ce trio, deux Allemands : A (T1)
et B (T2)"). Fresh sentences in several languages, and the shapes that must stay unread:
a race's finish, a result after a list, a list of riders who stay."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.tagger import Tagger

AUGUST_2023 = date(2023, 8, 10)
EF = "EF Education-EasyPost"
TUDOR = "Tudor Pro Cycling Team"
SIGNED = ("Michael Storer", "Alberto Dainese", "Matteo Trentin")
GERMANS = ("Marius Mayrhofer", "Alexander Krieger")


def _moves(tagger: Tagger, text: str) -> dict[str, tuple[str | None, str | None]]:
    title, body = text.split("\n", 1)
    return {m.person: (m.from_team, m.to_team) for m in tagger.tag(title, body, AUGUST_2023).moves}


@pytest.mark.parametrize(
    "text",
    [
        "Rui Costa é reforço da EF Education-EasyPost\nA EF Education-EasyPost está a "
        "renovar-se. Além de Rui Costa, chegam Michael Storer, Alberto Dainese e Matteo Trentin.",
        "Rui Costa è un rinforzo della EF Education-EasyPost\nLa EF Education-EasyPost si "
        "rinnova. Oltre a Rui Costa, arrivano Michael Storer, Alberto Dainese e Matteo Trentin.",
        "Rui Costa es el refuerzo de la EF Education-EasyPost\nLa EF Education-EasyPost se "
        "renueva. Además de Rui Costa, llegan Michael Storer, Alberto Dainese y Matteo Trentin.",
    ],
)
def test_an_inverted_arrival_list_joins_the_storys_team(tagger: Tagger, text: str) -> None:
    moves = _moves(tagger, text)
    assert {person: moves.get(person, (None, None))[1] for person in SIGNED} == dict.fromkeys(
        SIGNED, EF
    )


def test_an_inverted_list_item_keeps_its_old_team(tagger: Tagger) -> None:
    moves = _moves(
        tagger,
        "Rui Costa è un rinforzo della EF Education-EasyPost\nLa EF Education-EasyPost si "
        "rinnova. Oltre a Rui Costa, arrivano Michael Storer (Groupama-FDJ), lo svizzero Alberto "
        "Dainese dalla Team dsm-firmenich e Matteo Trentin.",
    )
    assert moves["Michael Storer"] == ("Groupama-FDJ", EF)
    assert moves["Alberto Dainese"] == ("Team dsm-firmenich", EF)


@pytest.mark.parametrize(
    "text",
    [
        "Tudor Pro Cycling Team annonce ses recrues\nTudor Pro Cycling Team a annoncé ses "
        "recrues. Parmi les arrivants : Michael Storer (Groupama-FDJ), Alberto Dainese (Team "
        "dsm-firmenich) et Matteo Trentin (UAE Team Emirates). Pour compléter ce trio, deux "
        "Allemands : Marius Mayrhofer (Team dsm-firmenich), vainqueur d'une étape, et "
        "Alexander Krieger (Alpecin-Deceuninck).",
        # the first list opened by a noun for those arriving, a description before its colon
        "Tudor Pro Cycling Team annonce ses recrues\nTudor Pro Cycling Team lance son "
        "mercato. Parmi les arrivants, des noms connus : le grimpeur Michael Storer "
        "(Groupama-FDJ), vainqueur d'étape, Alberto Dainese (Team dsm-firmenich) et Matteo "
        "Trentin (UAE Team Emirates). Pour compléter ce trio, deux Allemands : Marius "
        "Mayrhofer (Team dsm-firmenich) et Alexander Krieger (Alpecin-Deceuninck).",
        "Tudor Pro Cycling Team stellt Neuzugänge vor\nTudor Pro Cycling Team hat seine "
        "Neuzugänge vorgestellt. Unter den Neuzugängen: Michael Storer (Groupama-FDJ), "
        "Alberto Dainese (Team dsm-firmenich) und Matteo Trentin (UAE Team Emirates). Dazu "
        "zwei Deutsche: Marius Mayrhofer (Team dsm-firmenich) und Alexander Krieger "
        "(Alpecin-Deceuninck).",
        "Tudor Pro Cycling Team names its signings\nTudor Pro Cycling Team named its "
        "signings. Among the arrivals: Michael Storer (Groupama-FDJ), Alberto Dainese (Team "
        "dsm-firmenich) and Matteo Trentin (UAE Team Emirates). To complete the trio, two "
        "Germans: Marius Mayrhofer (Team dsm-firmenich) and Alexander Krieger "
        "(Alpecin-Deceuninck).",
    ],
)
def test_a_list_continued_in_the_next_sentence_arrives_too(tagger: Tagger, text: str) -> None:
    moves = _moves(tagger, text)
    assert moves["Marius Mayrhofer"] == ("Team dsm-firmenich", TUDOR)
    assert moves["Alexander Krieger"] == ("Alpecin-Deceuninck", TUDOR)
    assert all(moves[person][1] == TUDOR for person in SIGNED)


@pytest.mark.parametrize(
    "text",
    [
        "Giro, tappa 9\nSul traguardo di Campo Imperatore arrivano insieme Tadej Pogačar e "
        "Jonas Vingegaard, poi Remco Evenepoel.",
        "La Vuelta, etapa 9\nEn la última subida llegan Tadej Pogačar y Jonas Vingegaard, y "
        "luego Remco Evenepoel.",
        "Volta a Portugal, etapa 4\nNa última subida chegam Tadej Pogačar e Jonas Vingegaard "
        "juntos.",
    ],
)
def test_riders_arriving_at_a_finish_move_nowhere(tagger: Tagger, text: str) -> None:
    assert _moves(tagger, text) == {}


@pytest.mark.parametrize(
    "second",
    [
        # a result after the list: its items are joined by a verb, not by commas
        "De uitslag van zondag: Tadej Pogačar (UAE Team Emirates) won voor Jonas Vingegaard "
        "(Jumbo-Visma) en Remco Evenepoel (Soudal Quick-Step).",
        "Le résultat de dimanche : Tadej Pogačar (UAE Team Emirates) a battu Jonas Vingegaard "
        "(Jumbo-Visma) et Remco Evenepoel (Soudal Quick-Step).",
        # riders who stay: their bracket is the team itself
        "Staying on: Marius Mayrhofer (Tudor Pro Cycling Team) and Alexander Krieger (Tudor "
        "Pro Cycling Team).",
    ],
)
def test_a_result_or_a_stay_after_a_list_is_no_continuation(tagger: Tagger, second: str) -> None:
    moves = _moves(
        tagger,
        "Tudor Pro Cycling Team names its signings\nTudor Pro Cycling Team named its "
        "signings. Among the arrivals: Michael Storer (Groupama-FDJ), Alberto Dainese (Team "
        f"dsm-firmenich) and Matteo Trentin (UAE Team Emirates). {second}",
    )
    others = ("Tadej Pogačar", "Jonas Vingegaard", "Remco Evenepoel", *GERMANS)
    assert not any(person in moves for person in others)
    assert all(moves[person][1] == TUDOR for person in SIGNED)


UAE = "UAE Team Emirates"
NOT_KEPT = ("Matteo Trentin", "Marc Hirschi", "Rui Oliveira")


@pytest.mark.parametrize(
    "text",
    [
        # told of the market: a season, a contract that ends
        "UAE Team Emirates: cambia la rosa\nLa UAE Team Emirates ha 30 corridori per il 2024: "
        "non vengono riconfermati il ligure Matteo Trentin, lo svizzero Marc Hirschi e "
        "l'olandese Rui Oliveira.",
        "UAE Team Emirates ruimt op\nVolgens de krant zijn Matteo Trentin (33), Marc Hirschi "
        "(24) en Rui Oliveira (26) op weg naar de uitgang. Hun contract loopt af.",
        "UAE Team Emirates clears out\nMatteo Trentin, Marc Hirschi and Rui Oliveira are on "
        "their way out. Their contracts end this winter.",
        "UAE Team Emirates fait le ménage\nMatteo Trentin, Marc Hirschi et Rui Oliveira sont "
        "sur le départ. Leur contrat n'est pas prolongé.",
    ],
)
def test_a_list_of_riders_not_kept_leaves_for_nobody(tagger: Tagger, text: str) -> None:
    moves = _moves(tagger, text)
    assert {person: moves.get(person) for person in NOT_KEPT} == dict.fromkeys(
        NOT_KEPT, (UAE, None)
    )


@pytest.mark.parametrize(
    "text",
    [
        # the words with no list beside them
        "UAE Team Emirates extends\nMatteo Trentin and Marc Hirschi have extended, and Rui "
        "Oliveira is staying too. Nobody is on the way out.",
        # a single rider is the clause rules'
        "UAE Team Emirates\nMatteo Trentin is on his way out, Marc Hirschi stays.",
        # leaving the sport is a retirement, not a departure
        "UAE Team Emirates\nMatteo Trentin and Marc Hirschi are on their way out of the "
        "sport: both retire at the end of the season.",
    ],
)
def test_no_list_beside_the_words_moves_nobody(tagger: Tagger, text: str) -> None:
    assert _moves(tagger, text) == {}


@pytest.mark.parametrize(
    "text",
    [
        "UAE Team Emirates: cambia la rosa\nLa UAE Team Emirates ha 30 corridori per il 2024: "
        "non vengono riconfermati il ligure Marco Sconosciuto, l'emiratino Yusuf Ignoto e "
        "l'olandese Rui Oliveira.",
        "UAE Team Emirates clears out\nThe Italian Marco Unknown, the Emirati Yusuf Nobody and "
        "the Portuguese Rui Oliveira are on their way out. Their contracts end this winter.",
    ],
)
def test_names_the_roster_lacks_still_make_the_list(tagger: Tagger, text: str) -> None:
    assert _moves(tagger, text) == {"Rui Oliveira": (UAE, None)}


def test_a_person_in_the_lists_lead_is_no_item(tagger: Tagger) -> None:
    # "de Deense krant" (the newspaper) opens the list; Vingegaard is named in it, not listed
    moves = _moves(
        tagger,
        "UAE Team Emirates ruimt op\nVolgens de krant van Jonas Vingegaard zijn Matteo "
        "Trentin (33), Marc Hirschi (24) en Rui Oliveira (26) op weg naar de uitgang. Hun "
        "contract loopt af.",
    )
    assert "Jonas Vingegaard" not in moves
    assert {person: moves.get(person) for person in NOT_KEPT} == dict.fromkeys(
        NOT_KEPT, (UAE, None)
    )


@pytest.mark.parametrize(
    "text",
    [
        # told of the market: the season the team rebuilds for
        "Tudor Pro Cycling Team versterkt zich\nTudor Pro Cycling Team bouwt verder voor 2024. "
        "Naast Rui Costa trok de ploeg van Fabian Cancellara ook Michael Storer "
        "(Groupama-FDJ), Alberto Dainese (Team dsm-firmenich) en Matteo Trentin (UAE Team "
        "Emirates) aan.",
        "Tudor Pro Cycling Team baut um\nTudor Pro Cycling Team baut für 2024 um. Neben Rui "
        "Costa holte das Team von Fabian Cancellara auch Michael Storer (Groupama-FDJ), "
        "Alberto Dainese (Team dsm-firmenich) und Matteo Trentin (UAE Team Emirates) an Bord.",
        "Tudor Pro Cycling Team rebuilds\nTudor Pro Cycling Team is rebuilding for 2024. "
        "Besides Rui Costa, Fabian Cancellara's team also brought Michael Storer "
        "(Groupama-FDJ), Alberto Dainese (Team dsm-firmenich) and Matteo Trentin (UAE Team "
        "Emirates) on board.",
    ],
)
def test_a_list_inside_a_split_verb_is_signed(tagger: Tagger, text: str) -> None:
    moves = _moves(tagger, text)
    assert moves["Michael Storer"] == ("Groupama-FDJ", TUDOR)
    assert moves["Alberto Dainese"] == ("Team dsm-firmenich", TUDOR)
    assert moves["Matteo Trentin"] == ("UAE Team Emirates", TUDOR)


@pytest.mark.parametrize(
    "text",
    [
        "Tour de France, rit 5\nIn de finale trok Michael Storer (Groupama-FDJ) de sprint aan "
        "voor Alberto Dainese (Team dsm-firmenich) en Matteo Trentin (UAE Team Emirates).",
        "Tour de France, 5. Etappe\nIm Finale holte Michael Storer (Groupama-FDJ) vor Alberto "
        "Dainese (Team dsm-firmenich) und Matteo Trentin (UAE Team Emirates) die Fahrer an Bord.",
    ],
)
def test_a_split_verb_over_a_race_moves_nobody(tagger: Tagger, text: str) -> None:
    assert _moves(tagger, text) == {}
