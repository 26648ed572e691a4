"""The review's defects of the unknown-people reader (R15, issue #13): race action,
story-stated current teams, listeners, brands, everyday surnames, staff roles across
sentences, and the paths that must stay linear. Invented names (see
test_unknown_people.py); each shape with its near miss."""

from __future__ import annotations

from itertools import pairwise

import pytest

from feeds.nlp.document import Document
from feeds.nlp.transfers import extract
from feeds.nlp.transfers.unknown_people import Unknown, find_unknown, given_names
from feeds.roster import load_roster
from feeds.tagger import Tagger
from tests.feeds.nlp.test_unknown_people import COFIDIS, JUNE_2024, LOTTO, TUDOR, _found, _moves
from tests.growth import assert_linear


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    """The tagger with the reader of people the roster does not know switched on (off by
    default: `Tagger(unknown_people=...)`)."""
    return Tagger(load_roster(), unknown_people=True)


def test_joining_a_break_is_no_move(tagger: Tagger) -> None:
    text = (
        "Stage report\nJulien Marbotte (Cofidis) joined the early break with Senne "
        "Hoefkens of Lotto Dstny. Marbotte was caught 10 kilometres from the finish."
    )
    assert _moves(tagger, text, "en") == {}


@pytest.mark.parametrize(
    "text",
    [
        "Stage report\nBenjamin Thomas (Cofidis) joined the early break with Arnaud De Lie "
        "of Lotto.",
        "Stage report\nTobias Halland Johannessen of Uno-X Mobility joined the chase with "
        "Benjamin Thomas of Cofidis.",
    ],
)
def test_roster_riders_joining_a_group_in_a_race_do_not_move(tagger: Tagger, text: str) -> None:
    assert _moves(tagger, text, "en") == {}


def test_joining_a_team_after_a_stage_win_stays_a_move(tagger: Tagger) -> None:
    text = "Marbotte to Cofidis\nJulien Marbotte joins Cofidis for 2026 after a fine season."
    assert _moves(tagger, text, "en") == {"Julien Marbotte": COFIDIS}


def test_riders_joined_at_their_team_are_there_already(tagger: Tagger) -> None:
    text = (
        "Marbotte to Cofidis\nJulien Marbotte joins Arne Vercauteren and Senne Hoefkens "
        "at Cofidis next season."
    )
    assert _moves(tagger, text, "en") == {"Julien Marbotte": COFIDIS}


def test_an_earlier_career_of_someone_else_is_background(tagger: Tagger) -> None:
    text = (
        "Cofidis sign Marbotte\nCofidis have signed Julien Marbotte. His father Pierre "
        "Marbotte rode for Cofidis in the 1990s before joining Lotto Dstny."
    )
    assert _moves(tagger, text, "en") == {"Julien Marbotte": COFIDIS}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Marbotte to Cofidis\nJulien Marbotte told Sporza's Tobias Lindqvort that he will "
            "join Cofidis next season.",
        ),
        (
            "fr",
            "Marbotte chez Cofidis\nJulien Marbotte a confié à Tobias Lindqvort qu'il "
            "rejoindra Cofidis la saison prochaine.",
        ),
    ],
)
def test_the_listener_of_an_interview_is_no_mover(tagger: Tagger, language: str, text: str) -> None:
    assert _moves(tagger, text, language) == {"Julien Marbotte": COFIDIS}


def test_a_quoted_speaker_adding_news_of_another_is_no_mover(tagger: Tagger) -> None:
    text = (
        'Cofidis news\n"We are happy," Julien Marbotte said, adding that Senne Hoefkens '
        "joins Cofidis next season."
    )
    assert _moves(tagger, text, "en") == {"Senne Hoefkens": COFIDIS}


def test_who_says_he_has_signed_is_the_mover(tagger: Tagger) -> None:
    text = (
        "Marbotte to Cofidis\nJulien Marbotte said on Monday that he has signed a two-year "
        "contract with Cofidis."
    )
    assert _moves(tagger, text, "en") == {"Julien Marbotte": COFIDIS}


def test_a_brand_named_as_a_partner_is_no_person(tagger: Tagger) -> None:
    text = "New kit partner\nCofidis have signed Hugo Boss as their new clothing partner."
    assert _moves(tagger, text, "en") == {}
    text = "Nuevo patrocinador\nEl Cofidis ha fichado a Mercedes Benz como proveedor oficial."
    assert _moves(tagger, text, "es") == {}


def test_a_surname_that_is_an_everyday_word_is_not_linked(tagger: Tagger) -> None:
    text = (
        "Cofidis sign Young\nCofidis have signed neo-pro Luke Young. Young riders from the "
        "development team will also join Lotto Dstny next season."
    )
    assert _moves(tagger, text, "en") == {"Luke Young": COFIDIS}
    assert _found(tagger, text) == {"Luke Young": 1}


def test_a_sentence_initial_surname_before_a_verb_is_linked(tagger: Tagger) -> None:
    text = "Talent\nLuke Young won the national title. Young joins Lotto Dstny next season."
    assert _moves(tagger, text, "en") == {"Luke Young": LOTTO}


def test_a_staff_word_in_the_next_sentence_makes_no_staff(tagger: Tagger) -> None:
    title, body = (
        "Signing",
        "Cofidis signed Julien Marbotte. Sports director Thierry Marchand was delighted.",
    )
    doc = Document(title, body, JUNE_2024)
    kinds = {
        u.person.name: u.person.kind
        for u in find_unknown(doc, tagger._mentions(doc, True), tagger.roster)
    }
    assert kinds.get("Julien Marbotte") == "rider"


def _surname(i: int) -> str:
    """The i-th invented surname, letters only ("Qbark", "Qcark", ...)."""
    syllables = ""
    while True:
        syllables += "bcdfghklmnprstvz"[i % 16] + "aeiou"[(i // 16) % 5]
        i //= 80
        if i == 0:
            return f"Q{syllables}rk"


def _names(n: int) -> list[str]:
    """n distinct invented names, their given names drawn from the data file."""
    given = sorted(g.capitalize() for g in given_names() if g.isalpha() and len(g) > 3)
    return [f"{given[i % len(given)]} {_surname(i)}" for i in range(n)]


def _spaced_outsider(n: int) -> str:
    # an outsider, a long run of spaces, then a list: the list glue must not rescan the run
    names = ", ".join(_names(n))
    return "journalist Tobias Lindqvort" + " " * (20 * n) + "x. Cofidis signs " + names + "."


def _distinct_signings(n: int) -> str:
    return " ".join(f"Cofidis have signed {name}." for name in _names(n))


def test_an_outsider_before_a_long_gap_reads_linearly(tagger: Tagger) -> None:
    def read(body: str) -> list[Unknown]:
        return find_unknown(Document("Transfers", body, JUNE_2024), [], tagger.roster)

    assert len(read(_spaced_outsider(10))) == 10  # the names are read: the path is reached
    assert_linear(read, _spaced_outsider, 250)


def test_many_distinct_unknown_signings_read_linearly(tagger: Tagger) -> None:
    def read(body: str) -> object:
        doc = Document("Transfers", body, JUNE_2024)
        return extract._unknown_moves(doc, tagger._mentions(doc, True), tagger.roster)

    assert_linear(read, _distinct_signings, 1000)


# --- rules the tests above do not reach (each fails with its rule removed) ---------------


def test_a_title_case_headline_without_a_speech_verb_names_nobody(tagger: Tagger) -> None:
    text = "Frank Talk About Transfers Ahead Of Next Season\nCofidis have signed Julien Marbotte."
    assert _found(tagger, text) == {"Julien Marbotte": 1}
    # the same words in a sentence-case headline: the capitals are a name's
    assert "Frank Talk" in _found(
        tagger, "Frank Talk joins the squad of the French team\nThe climber signs."
    )


def test_a_team_owned_by_a_person_is_no_signing_of_theirs(tagger: Tagger) -> None:
    text = "Market\nJulien Marbotte moves to Tobias Lindqvort's Cofidis."
    assert _moves(tagger, text, "en") == {"Julien Marbotte": COFIDIS}


@pytest.mark.parametrize(
    "body",
    [
        "Julien Marbotte joins Cofidis after a season in San Lorenzo Dorsino.",
        "Julien Marbotte, who lives in San Marco Vecchio, joins Cofidis.",
    ],
)
def test_a_saint_s_name_before_a_given_name_is_a_place(tagger: Tagger, body: str) -> None:
    assert _found(tagger, f"Cofidis sign Marbotte\n{body}") == {"Julien Marbotte": 1}


def test_a_story_of_another_sport_moves_nobody_unknown(tagger: Tagger) -> None:
    text = (
        "Formula 1\nRed Bull have signed Liam Dawsley to partner Max Verstoppen next "
        "season, the team announced."
    )
    assert _moves(tagger, text, "en") == {}


def test_another_sport_named_in_a_cycling_story_keeps_the_move(tagger: Tagger) -> None:
    text = (
        "Cofidis sign Marbotte\nCofidis have signed Julien Marbotte, who played football "
        "before he took up cycling. The climber won a stage of the Tour de l'Avenir and "
        "rides the Tour de France next season with the team."
    )
    assert _moves(tagger, text, "en") == {"Julien Marbotte": COFIDIS}


def test_joining_a_team_s_rider_at_the_front_is_race_action(tagger: Tagger) -> None:
    text = (
        "Stage 4\nArnaud De Lie joined Cofidis rider Benjamin Thomas at the front with 30 "
        "kilometres to go."
    )
    assert _moves(tagger, text, "en") == {}
    # the everyday reading: the verb's object is the team
    text = "De Lie to Cofidis\nArnaud De Lie joins Cofidis for 2026 after a fine spring."
    assert _moves(tagger, text, "en") == {"Arnaud De Lie": COFIDIS}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Cofidis sign Marbotte\nCofidis have signed Julien Marbotte. His father Pierre "
            "Marbotte rode for Cofidis before joining Lotto Dstny.",
        ),
        (
            "nl",
            "Cofidis haalt Marbotte\nCofidis heeft Julien Marbotte vastgelegd. Zijn vader "
            "Pierre Marbotte reed voor Cofidis en trok daarna naar Lotto Dstny.",
        ),
    ],
)
def test_a_relative_s_past_career_is_no_move(tagger: Tagger, language: str, text: str) -> None:
    assert _moves(tagger, text, language) == {"Julien Marbotte": COFIDIS}


def test_a_relative_who_joins_as_well_is_news(tagger: Tagger) -> None:
    text = (
        "Cofidis sign Marbotte\nCofidis have signed Julien Marbotte. His brother Pierre "
        "Marbotte also joins Cofidis next season."
    )
    assert _moves(tagger, text, "en") == {"Julien Marbotte": COFIDIS, "Pierre Marbotte": COFIDIS}


def test_a_surname_after_an_article_is_a_noun(tagger: Tagger) -> None:
    text = (
        "Wechsel\nLukas Meister wechselt zu Tudor Pro Cycling Team. Der Meister im "
        "Zeitfahren, Marius Kellerhals, geht zu Cofidis."
    )
    assert _found(tagger, text) == {"Lukas Meister": 1, "Marius Kellerhals": 1}
    assert _moves(tagger, text, "de") == {"Lukas Meister": TUDOR, "Marius Kellerhals": COFIDIS}
    # without the article the surname is the person's ("Meister unterschreibt ...")
    text = "Wechsel\nLukas Meister wechselt zu Tudor. Lange zögerte Meister nicht."
    assert _found(tagger, text) == {"Lukas Meister": 2}


def test_a_company_word_in_a_later_clause_is_about_someone_else(tagger: Tagger) -> None:
    text = (
        "Marbotte to Cofidis\nJulien Marbotte joins Cofidis next season, the team's main "
        "sponsor announced."
    )
    assert _found(tagger, text) == {"Julien Marbotte": 1}
    # a relative clause right after the name is the name's own
    text = (
        "New supplier\nCofidis have signed Rudi Vantorre, who will supply helmets and "
        "glasses to the team."
    )
    assert _moves(tagger, text, "en") == {}


def test_a_name_inside_a_team_s_name_is_a_sponsor(tagger: Tagger) -> None:
    # a sponsor's words shaped like a given name and a surname ("Carl Ras", "Maria Nova"),
    # printed without the rest of the team's name, so that the tagger reads no team there
    checked = 0
    for team in tagger.roster.teams.values():
        for name in (*(n.name for n in team.names), *team.aliases):
            words = name.split()
            for a, b in pairwise(words):
                if a.lower() in given_names() and b[:1].isupper():
                    found = _found(tagger, f"Sponsor news\n{a} {b} signs Julien Marbotte.")
                    assert f"{a} {b}" not in found
                    assert "Julien Marbotte" in found
                    checked += 1
    assert checked  # the roster has such names: the rule is exercised


def _kinds(tagger: Tagger, title: str, body: str) -> dict[str, str]:
    doc = Document(title, body, JUNE_2024)
    found = find_unknown(doc, tagger._mentions(doc, True), tagger.roster)
    return {u.person.name: u.person.kind for u in found}


def test_a_staff_role_is_a_title_before_the_name_or_an_apposition_after_it(
    tagger: Tagger,
) -> None:
    kinds = _kinds(
        tagger, "Cofidis", "Manager Thierry Marchand haalt Julien Marbotte naar Cofidis."
    )
    assert kinds == {"Thierry Marchand": "staff", "Julien Marbotte": "rider"}
    kinds = _kinds(tagger, "Cofidis", "Cofidis have hired Thierry Marchand, the new head coach.")
    assert kinds == {"Thierry Marchand": "staff"}
    # a relative clause after the name is no apposition
    kinds = _kinds(
        tagger,
        "Cofidis sign Marbotte",
        "Cofidis have signed Julien Marbotte, who will work with the team's coach.",
    )
    assert kinds == {"Julien Marbotte": "rider"}
