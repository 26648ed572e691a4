"""What a team's round-up list is not (feeds/nlp/transfers/groups.py): the limits that keep
its lists to the people the one verb or noun is about. The shapes it reads are the
language cases (tests/feeds/nlp/cases/lang/*.toml, "a team verb over a list of objects",
"a counted group of departures", "a list of people as the subject of ...")."""

from __future__ import annotations

from datetime import date

from feeds.tagger import Tagger


def _moves(tagger: Tagger, text: str, published: date) -> set[tuple[str, str | None]]:
    title, body = text.split("\n", 1)
    return {(m.person, m.to_team) for m in tagger.tag(title, body, published).moves}


def test_a_second_verb_ends_the_object_list(tagger: Tagger) -> None:
    # "verpflichtet X ... und befördert zudem Y": Y is promoted, not signed
    moves = _moves(
        tagger,
        "Transfermarkt\nGroupama-FDJ verpflichtet Axel Huens von Unibet Rose Rockets und "
        "befördert zudem Titouan Fontaine ins WorldTour-Team.",
        date(2025, 11, 20),
    )
    assert ("Titouan Fontaine", "Groupama-FDJ") not in moves


def test_the_end_of_a_bracket_ends_the_object_list(tagger: Tagger) -> None:
    # "la Caja Rural (che ingaggia anche X), Y alla Solution Tech": Y goes elsewhere
    moves = _moves(
        tagger,
        "Mercato\nTante novità per gli italiani: Stefano Oldani prosegue con la Caja Rural "
        "(che ingaggia anche Fernando Gaviria), Michele Gazzoli alla Solution Tech.",
        date(2025, 11, 20),
    )
    assert ("Michele Gazzoli", "Caja Rural-Seguros RGA") not in moves


def test_a_person_in_between_keeps_the_team_from_a_verb_first_sentence(tagger: Tagger) -> None:
    # the subject of "Ha despedido" may be the person named in the sentence before
    moves = _moves(
        tagger,
        "Mercado de fichajes\nEl Movistar ha sido de los más activos en el mercado. Enric Mas "
        "habló con la prensa el lunes. Ha despedido a Oier Lazkano, Rémi Cavagna y Johan Jacobs.",
        date(2024, 10, 20),
    )
    assert not {person for person, _ in moves} & {"Oier Lazkano", "Rémi Cavagna", "Johan Jacobs"}


def test_a_phrase_before_the_cue_is_no_verb_first_clause(tagger: Tagger) -> None:
    # "Naast de komst van A en B, de contractverlenging van C en de promotie van D": the
    # team of the sentence before is not the subject of a list that is not a verb's
    moves = _moves(
        tagger,
        "Alpecin-Deceuninck 2024\nAlpecin-Deceuninck heeft zijn selectie voor 2024 "
        "bekendgemaakt. Naast de komst van Lars Boven en Stan Van Tricht, de "
        "contractverlenging van Oscar Riesebeek en de promotie van Axel Laurance komt er "
        "nog één nieuwe naam bij.",
        date(2023, 10, 20),
    )
    assert not {person for person, team in moves if team == "Alpecin-Deceuninck"}


def test_two_teams_after_an_arrow_are_no_move(tagger: Tagger) -> None:
    # "- X (UAE) -> Astana o Bahrain": the rumour has no one destination
    moves = _moves(
        tagger,
        "Mercado\nSiguen los rumores de fichajes de cara a 2025.\n\nEntre los rumores que se "
        "mencionan están:\n- Diego Ulissi (UAE) -> Astana o Bahrain\n- Alberto Bettiol (EF) "
        "-> Astana",
        date(2024, 8, 20),
    )
    assert ("Alberto Bettiol", "Astana Qazaqstan") in moves
    assert not {team for person, team in moves if person == "Diego Ulissi"}


def test_a_team_after_a_line_head_is_the_verbs_subject(tagger: Tagger) -> None:
    # "- A: B signed X": the team heading the line is not the one that signs
    moves = _moves(
        tagger,
        "Transfer round-up\nThe week brought plenty of news.\n\n- Tudor Pro Cycling Team: "
        "the rumours were denied, while Astana Qazaqstan signed Diego Ulissi.",
        date(2024, 10, 20),
    )
    assert ("Diego Ulissi", "Tudor Pro Cycling Team") not in moves
