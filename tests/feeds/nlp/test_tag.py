"""The tagger's rules, on a small roster of corpus entities and look-alikes."""

from __future__ import annotations

import re
import threading
from datetime import UTC, date
from pathlib import Path

import pytest

from feeds.models import Mention
from feeds.nlp.tag.resolver import Resolver as _Resolver
from feeds.nlp.tag.story import _lowercase_pattern
from feeds.roster import Roster, load_roster_file, parse_roster
from feeds.tagger import Tagger
from feeds.text.fold import FoldedText

ROSTER_FILE = Path(__file__).parent / "tag_roster.toml"
SEED_DATE = date(2023, 9, 1)


@pytest.fixture(scope="module")
def roster() -> Roster:
    return load_roster_file(ROSTER_FILE)


@pytest.fixture(scope="module")
def tagger(roster: Roster) -> Tagger:
    return Tagger(roster)


def names(roster: Roster, ids: list[str]) -> list[str]:
    return [roster.people[i].name for i in ids]


def team_names(roster: Roster, ids: list[str], when: date | None) -> list[str]:
    return [roster.teams[i].name_on(when) for i in ids]


def found(tagger: Tagger, title: str, text: str, when: date | None = SEED_DATE) -> list[Mention]:
    return tagger.mentions(title, text, when)


def texts(title: str, text: str, mentions: list[Mention]) -> list[str]:
    full = f"{title}\n\n{text}"
    return [full[m.start : m.end] for m in mentions]


# --- the seed story's tricky cases ---------------------------------------------------

SEED_TITLE = "Mark Cavendish set to reunite with Quick-Step coach for final pro season in 2024"
SEED_TEXT = (
    "Mark Cavendish is set to be reunited with his former coach, Vasilis Anastopoulos, "
    "who worked with the Manxman at Soudal Quick-Step for his final pro season at Astana "
    "Qazaqstan.\n\nAccording to Ciro Scognamiglio of La Gazetta dello Sport, Anastopoulos "
    "is expected to leave the Belgian team to join Cavendish at Astana.\n\n"
    "“We’re leaving Mark to recover,” said Vinokourov. “We saw today a rider like "
    "[Michael] Woods, 36, and he won.”\n\nCavendish is tied on 34 wins with Eddy Merckx "
    "at the Tour de France.\n\nWith Anastopolous’ expected arrival, along with Danish rider "
    "Michael Mørkøv from Quick-Step, an announcement could be imminent. The Danish rider "
    "has since been linked with a move to Astana, where Alexander Vinokourov is the boss."
)


def test_seed_story_riders_teams_and_staff(tagger: Tagger, roster: Roster) -> None:
    tags = tagger.tag(SEED_TITLE, SEED_TEXT, SEED_DATE)
    assert names(roster, tags.riders) == ["Mark Cavendish", "Michael Woods", "Michael Mørkøv"]
    assert team_names(roster, tags.teams, SEED_DATE) == ["Soudal Quick-Step", "Astana Qazaqstan"]
    assert set(names(roster, tags.staff)) == {"Vasilis Anastopoulos", "Alexander Vinokourov"}


def test_the_manxman_is_cavendish(tagger: Tagger) -> None:
    ms = found(tagger, SEED_TITLE, SEED_TEXT)
    manxman = [m for m in ms if m.how == "alias" and m.entity_id == "mark-cavendish"]
    assert [t.lower() for t in texts(SEED_TITLE, SEED_TEXT, manxman)] == ["the manxman"]


def test_the_belgian_team_refers_back_to_soudal_quick_step(tagger: Tagger) -> None:
    ms = found(tagger, SEED_TITLE, SEED_TEXT)
    desc = [m for m in ms if m.how == "description" and m.kind == "team"]
    assert [m.entity_id for m in desc] == ["soudal-quick-step"]
    assert texts(SEED_TITLE, SEED_TEXT, desc) == ["the Belgian team"]


def test_the_danish_rider_refers_back_to_morkov(tagger: Tagger) -> None:
    ms = found(tagger, SEED_TITLE, SEED_TEXT)
    desc = [m for m in ms if m.how == "description" and m.kind == "rider"]
    assert [m.entity_id for m in desc] == ["michael-morkov"]


def test_woods_inside_a_quote_counts(tagger: Tagger) -> None:
    ms = found(tagger, SEED_TITLE, SEED_TEXT)
    assert any(m.entity_id == "michael-woods" and m.kind == "rider" for m in ms)


def test_merckx_is_matched_but_never_a_rider(tagger: Tagger) -> None:
    ms = found(tagger, SEED_TITLE, SEED_TEXT)
    merckx = [m for m in ms if m.entity_id == "eddy-merckx"]
    assert merckx and all(m.kind == "retired" for m in merckx)
    assert "eddy-merckx" not in tagger.tag(SEED_TITLE, SEED_TEXT, SEED_DATE).riders


def test_misspelt_surname_of_a_person_in_the_story(tagger: Tagger) -> None:
    ms = found(tagger, SEED_TITLE, SEED_TEXT)
    fuzzy = [m for m in ms if m.how == "fuzzy"]
    assert [m.entity_id for m in fuzzy] == ["vasilis-anastopoulos"]
    assert texts(SEED_TITLE, SEED_TEXT, fuzzy) == ["Anastopolous"]


def test_offsets_index_title_and_text(tagger: Tagger) -> None:
    ms = found(tagger, SEED_TITLE, SEED_TEXT)
    full = f"{SEED_TITLE}\n\n{SEED_TEXT}"
    assert full[ms[0].start : ms[0].end] == "Mark Cavendish"
    assert all(0 <= m.start < m.end <= len(full) for m in ms)
    assert [m.start for m in ms] == sorted(m.start for m in ms)


# --- surnames ---------------------------------------------------------------------


def test_surname_alone_when_only_one_rider_bears_it(tagger: Tagger, roster: Roster) -> None:
    tags = tagger.tag("Philipsen wins the sprint", "Philipsen beat the peloton to the line.", None)
    assert names(roster, tags.riders) == ["Jasper Philipsen"]


def test_lowercase_surname_is_a_word(tagger: Tagger) -> None:
    tags = tagger.tag("Stage 4", "The peloton rode through the woods before the sprint.", None)
    assert tags.riders == []


def test_surname_settled_by_an_earlier_full_name(tagger: Tagger, roster: Roster) -> None:
    text = "Adam Yates attacked on the final climb of the stage race. Yates won by ten seconds."
    tags = tagger.tag("Tour stage 5", text, date(2024, 7, 5))
    assert names(roster, tags.riders) == ["Adam Yates"]


def test_ambiguous_surname_without_a_full_name_is_dropped(tagger: Tagger) -> None:
    text = "Yates attacked the peloton on the final climb of the stage and won the race."
    assert tagger.tag("Tour stage", text, date(2024, 7, 5)).riders == []


def test_surname_settled_by_a_nearby_team(tagger: Tagger, roster: Roster) -> None:
    text = "In the sprint, Yates (UAE Team Emirates) beat the peloton to the line."
    tags = tagger.tag("Stage win", text, date(2024, 7, 5))
    assert names(roster, tags.riders) == ["Adam Yates"]


def test_surname_after_another_first_name_is_someone_else(tagger: Tagger) -> None:
    text = (
        "The golfer Sam Bennett finished the tour event under par. Bennett said the course "
        "suited him, and Tiger Woods praised him. Woods won the Masters five times."
    )
    tags = tagger.tag("Golf", text, date(2024, 4, 10), feed_is_cycling=True)
    assert tags.riders == []


def test_first_name_variant_is_the_same_rider(tagger: Tagger, roster: Roster) -> None:
    text = "La nuova Maglia Bianca Lucas Plapp chiude la tappa a cronometro del Giro."
    tags = tagger.tag("Giro d'Italia", text, date(2024, 5, 11))
    assert names(roster, tags.riders) == ["Luke Plapp"]


def test_misspelt_surname_after_exact_first_name(tagger: Tagger, roster: Roster) -> None:
    text = "Astana general manager Alexander Vinokurov met sponsors before the Tour de France."
    tags = tagger.tag("Astana news", text, date(2024, 6, 20))
    assert names(roster, tags.staff) == ["Alexander Vinokourov"]


def test_particles_in_either_case(tagger: Tagger, roster: Roster) -> None:
    text = (
        "Mathieu van der Poel won the Ronde van Vlaanderen. Van der Poel beat Pogačar, "
        "while De Lie and Arnaud de Lie's team-mates chased in the peloton."
    )
    ms = tagger.mentions("Ronde", text, date(2023, 4, 2))
    vdp = [m for m in ms if m.entity_id == "mathieu-van-der-poel"]
    assert len(vdp) == 2
    assert sum(1 for m in ms if m.entity_id == "arnaud-de-lie") == 2


def test_initial_and_possessive(tagger: Tagger, roster: Roster) -> None:
    text = "M. Cavendish's lead-out train delivered him to the line at the Tour de France."
    tags = tagger.tag("Sprint", text, date(2023, 7, 1))
    assert names(roster, tags.riders) == ["Mark Cavendish"]


def test_compound_first_name_short_form(tagger: Tagger, roster: Roster) -> None:
    text = "Daniel Martínez finished second on the stage of the Giro d'Italia."
    tags = tagger.tag("Giro", text, date(2024, 5, 11))
    assert names(roster, tags.riders) == ["Daniel Felipe Martínez"]


def test_surname_inside_a_place_name_is_not_a_rider(tagger: Tagger) -> None:
    text = "The stage started in Saint-Philipsen and the peloton raced to the finish."
    assert tagger.tag("Tour stage", text, date(2024, 7, 5)).riders == []


# --- teams ------------------------------------------------------------------------


def test_team_name_in_force_at_publication(tagger: Tagger, roster: Roster) -> None:
    text = "Wout van Aert (Jumbo-Visma) won the stage of the Tour de France."
    for when, expected in [
        (date(2023, 7, 1), "Jumbo-Visma"),
        (date(2024, 7, 1), "Visma | Lease a Bike"),
    ]:
        tags = tagger.tag("Stage", text, when)
        assert team_names(roster, tags.teams, when) == [expected]


def test_team_name_spellings(tagger: Tagger) -> None:
    for written in (
        "Soudal-QuickStep",
        "Soudal Quick Step",
        "QuickStep",
        "Alpecin Deceuninck",
        "Visma-Lease a Bike",
        "Team Visma | Lease a Bike",
    ):
        tags = tagger.tag("Stage", f"The peloton chased {written} at the Tour de France.", None)
        assert len(tags.teams) == 1, written


def test_lotto_soudal_is_not_soudal_quick_step(tagger: Tagger) -> None:
    text = "Tim Wellens (Lotto Soudal) attacked in the Ronde van Vlaanderen."
    assert tagger.tag("Ronde", text, date(2022, 4, 3)).teams == ["lotto"]


def test_womens_team_chosen_in_a_womens_story(tagger: Tagger) -> None:
    text = "Elisa Balsamo (Lidl-Trek) won the stage ahead of Lorena Wiebes in the peloton."
    assert "lidl-trek-women" in tagger.tag("Burgos", text, date(2025, 5, 20)).teams


def test_team_word_that_is_a_company(tagger: Tagger) -> None:
    text = (
        "Supermarket chain Jumbo reported strong sales. Wout van Aert and Jumbo-Visma won a "
        "stage of the Tour de France, and the riders' nutrition comes from an app."
    )
    ms = tagger.mentions("Jumbo grows", text, date(2019, 7, 10))
    teams = [m for m in ms if m.kind == "team"]
    full = f"Jumbo grows\n\n{text}"
    assert [full[m.start : m.end] for m in teams] == ["Jumbo-Visma"]


def test_team_word_outside_cycling_is_nothing(tagger: Tagger) -> None:
    for title, text in [
        ("Astana again", "Kazakhstan's parliament voted to call the capital Astana again."),
        ("Visma IPO", "Norwegian software group Visma considers a flotation in London."),
        ("Trek", "We went on a trek into the backwoods; Trek was the name of the trail."),
    ]:
        tags = tagger.tag(title, text, date(2022, 9, 1))
        assert tags.teams == [] and tags.riders == [], title


def test_descriptions_in_several_languages(tagger: Tagger) -> None:
    cases = [
        ("Soudal Quick-Step confirme. L'équipe belge remercie Remco Evenepoel.", "team"),
        ("Soudal Quick-Step bevestigt. De Belgische ploeg zegt dat de koers doorgaat.", "team"),
        ("Tudor Pro Cycling signs a rider. The Swiss squad is growing in the peloton.", "team"),
        ("Tadej Pogačar won the stage. De Sloveen reed iedereen uit het wiel.", "rider"),
        ("Lorena Wiebes vince la tappa. L'olandese del Team SD Worx batte tutti.", "rider"),
    ]
    for text, kind in cases:
        ms = tagger.mentions("Cycling", text, date(2024, 5, 1))
        assert any(m.how == "description" and m.kind == kind for m in ms), text


def test_description_needs_exactly_one_candidate(tagger: Tagger) -> None:
    text = "Jonas Vingegaard and Mads Pedersen attacked on the stage. The Dane won."
    ms = tagger.mentions("Stage", text, date(2024, 7, 1))
    assert not any(m.how == "description" for m in ms)


def test_staff_possessive_team(tagger: Tagger) -> None:
    text = "Alexander Vinokourov confirmed it: the coach joins Vinokourov's team for the Giro."
    tags = tagger.tag("Astana", text, date(2023, 9, 1))
    assert tags.teams == ["astana"]
    assert tags.staff == ["alexander-vinokourov"]
    ms = tagger.mentions("Astana", text, date(2023, 9, 1))
    full = f"Astana\n\n{text}"
    assert [full[m.start : m.end] for m in ms][1:] == ["Alexander Vinokourov", "Vinokourov", "team"]


# --- context ----------------------------------------------------------------------


def test_everyday_sports_words_are_not_cycling(tagger: Tagger) -> None:
    text = (
        "Red Bull won the Grand Prix: the team's driver took the race from pole, and the "
        "season's title fight goes on after a podium for the champion."
    )
    assert tagger.tag("Formula 1", text, date(2024, 5, 1)) == tagger.tag("", "", None)


def test_full_name_alone_outside_cycling_is_someone_else(tagger: Tagger) -> None:
    text = (
        "Simon Yates and Joe Simpson set out to climb the west face of Siula Grande. "
        "Yates cut the rope, a decision he defended in his book."
    )
    assert tagger.tag("Touching the Void", text, None).riders == []


def test_undated_story_counts_recently_retired_riders(tagger: Tagger, roster: Roster) -> None:
    text = "Geraint Thomas and Filippo Ganna rode the time trial of the Giro d'Italia."
    assert names(roster, tagger.tag("Giro", text, None).riders) == [
        "Geraint Thomas",
        "Filippo Ganna",
    ]
    assert names(roster, tagger.tag("Giro", text, date(2026, 5, 1)).riders) == ["Filippo Ganna"]


def test_rider_retired_after_the_season_ended(tagger: Tagger) -> None:
    text = "Mark Cavendish and Wout Poels: the Astana team lost and signed riders."
    assert "mark-cavendish" not in tagger.tag("Astana", text, date(2024, 12, 1)).riders
    assert "mark-cavendish" in tagger.tag("Astana", text, date(2024, 7, 1)).riders


# --- the object ---------------------------------------------------------------------


def test_same_result_from_many_threads(tagger: Tagger) -> None:
    expected = tagger.tag(SEED_TITLE, SEED_TEXT, SEED_DATE)
    results = []

    def work() -> None:
        for _ in range(20):
            results.append(tagger.tag(SEED_TITLE, SEED_TEXT, SEED_DATE))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 80 and all(r == expected for r in results)


def test_empty_roster_and_empty_story() -> None:
    tagger = Tagger(Roster())
    assert tagger.mentions("", "", None) == []
    assert tagger.tag("Mark Cavendish", "wins", None).riders == []


def test_roster_aliases_count(roster: Roster) -> None:
    extra = parse_roster(
        '[[rider]]\nname = "Tadej Pogačar"\naliases = ["Pogi"]\nnationality = "SLO"\n'
        'teams = [{ team = "uae", from = 2019 }]\n'
        '[[team]]\nid = "uae"\nnames = [{ name = "UAE Team Emirates" }]\n'
    )
    tagger = Tagger(roster.merged(extra))
    tags = tagger.tag("Pogi again", "Pogi won the stage of the Tour de France.", None)
    assert tags.riders == ["tadej-pogacar"]


NAMESAKES = parse_roster(
    """
[[team]]
id = "men-team"
category = "men"
names = [{ name = "EF Education-EasyPost" }]
[[team]]
id = "women-team"
category = "women"
names = [{ name = "EF Education-Oatly" }]
[[rider]]
name = "Neilson Powless"
teams = [{ team = "men-team", from = 2020 }]
[[rider]]
name = "Shayna Powless"
teams = [{ team = "women-team", from = 2024 }]
[[rider]]
name = "Tadej Pogačar"
teams = [{ team = "men-team", from = 2019 }]
[[rider]]
name = "Demi Vollering"
teams = [{ team = "women-team", from = 2025 }]
"""
)


def test_namesakes_told_apart_by_mens_or_womens_racing() -> None:
    tagger = Tagger(NAMESAKES)
    when = date(2025, 7, 10)
    men = tagger.tag("Stage 5", "Pogačar won the stage in the peloton; Powless was third.", when)
    women = tagger.tag(
        "Stage 5", "Vollering won the stage in the peloton; Powless was third.", when
    )
    assert men.riders == ["tadej-pogacar", "neilson-powless"]
    assert women.riders == ["demi-vollering", "shayna-powless"]


def test_capitalised_german_noun_before_a_surname_is_not_a_first_name(
    tagger: Tagger, roster: Roster
) -> None:
    text = "Im Zeitfahren der Tour de France gewann Teamkollege Pogačar vor Kapitän Vingegaard."
    tags = tagger.tag("Radsport", text, date(2024, 7, 19))
    assert names(roster, tags.riders) == ["Tadej Pogačar", "Jonas Vingegaard"]


def test_namesake_with_another_first_name_in_the_same_story(tagger: Tagger) -> None:
    text = (
        "Jasper Philipsen won the stage of the Tour de France. Lars Philipsen, his cousin, watched."
    )
    ms = tagger.mentions("Stage", text, date(2024, 7, 5))
    full = f"Stage\n\n{text}"
    assert [full[m.start : m.end] for m in ms if m.entity_id == "jasper-philipsen"] == [
        "Jasper Philipsen"
    ]


def test_namesakes_otherwise_equal_prefer_the_clearly_senior_rider() -> None:
    roster = parse_roster(
        """
[[team]]
id = "w"
category = "women"
names = [{ name = "SD Worx-Protime" }]
[[rider]]
name = "Lotte Kopecky"
teams = [{ team = "w", from = 2019 }]
[[rider]]
name = "Julia Kopecký"
teams = [{ team = "w", from = 2025 }]
[[rider]]
name = "Tim van Dijke"
teams = [{ team = "w", from = 2021 }]
[[rider]]
name = "Mick van Dijke"
teams = [{ team = "w", from = 2021 }]
"""
    )
    tagger = Tagger(roster)
    when = date(2025, 4, 6)
    text = "Kopecky won the sprint of the peloton; Van Dijke was second."
    assert tagger.tag("Ronde", text, when).riders == ["lotte-kopecky"]


def test_team_description_through_a_staff_member(tagger: Tagger) -> None:
    text = "Alexander Vinokourov wants a sprinter for the Tour de France. The Kazakh team is ready."
    tags = tagger.tag("Transfers", text, date(2023, 9, 1))
    assert tags.teams == ["astana"]


def test_team_description_never_from_a_rider_alone(tagger: Tagger) -> None:
    text = "Remco Evenepoel won the Tour de France time trial. The Belgian team celebrated."
    assert tagger.tag("Stage", text, date(2024, 7, 19)).teams == []


def test_short_first_name_is_the_same_rider(roster: Roster) -> None:
    extra = parse_roster(
        '[[rider]]\nname = "Thomas Pidcock"\nteams = [{ team = "ineos", from = 2019 }]\n'
    )
    tagger = Tagger(roster.merged(extra))
    text = "Tom Pidcock won the stage of the Tour de France in the Alps."
    assert tagger.tag("Stage", text, date(2022, 7, 14)).riders == ["thomas-pidcock"]


def test_team_word_that_is_a_place(tagger: Tagger) -> None:
    text = "Mark Cavendish rode the Tour of Kazakhstan criterium in Astana with Astana Qazaqstan."
    ms = tagger.mentions("Criterium", text, date(2023, 9, 10))
    full = f"Criterium\n\n{text}"
    assert [full[m.start : m.end] for m in ms if m.kind == "team"] == ["Astana Qazaqstan"]


def test_title_case_headline_words_need_more_than_capitals() -> None:
    roster = parse_roster(
        '[[team]]\nid = "astana"\nnames = [{ name = "Astana Qazaqstan" }]\n'
        '[[team]]\nid = "other"\nnames = [{ name = "Other Pro Team" }]\n'
        '[[rider]]\nname = "Carl Invests"\nteams = [{ team = "other", from = 2020 }]\n'
    )
    tagger = Tagger(roster)
    title = "Chinese Brand Invests in Astana Qazaqstan to Create New Super Team"
    text = "The sponsor joins the WorldTour team before the Tour de France. Invests said so."
    tags = tagger.tag(title, text, date(2024, 6, 20))
    mentions = tagger.mentions(title, text, date(2024, 6, 20))
    # The headline's "Invests" is a verb; the body's capitalised "Invests" is the rider.
    assert [m.start > len(title) for m in mentions if m.kind == "rider"] == [True]
    assert tags.riders == ["carl-invests"]


def test_one_word_name_needs_capitals_and_context() -> None:
    roster = parse_roster('[[rider]]\nname = "Xandro"\naliases = ["X-Man"]\n')
    tagger = Tagger(roster)
    assert tagger.tag("Xandro", "He won the stage in the peloton sprint.", None).riders == [
        "xandro"
    ]
    assert tagger.tag("xandro", "a word", None).riders == []
    assert tagger.tag("Win", "X-Man won the stage in the peloton sprint.", None).riders == [
        "xandro"
    ]


def test_a_datetime_is_read_as_its_date(tagger: Tagger) -> None:
    from datetime import datetime

    when = datetime(2023, 9, 1, 12, 0, tzinfo=UTC)
    assert tagger.tag(SEED_TITLE, SEED_TEXT, when) == tagger.tag(SEED_TITLE, SEED_TEXT, SEED_DATE)


def test_two_riders_joined_by_a_hyphen(tagger: Tagger, roster: Roster) -> None:
    text = "The Pogačar-Vingegaard duel lit up the Tour de France again."
    tags = tagger.tag("Duel", text, date(2024, 7, 14))
    assert names(roster, tags.riders) == ["Tadej Pogačar", "Jonas Vingegaard"]


def test_surname_in_a_lowercase_compound(tagger: Tagger, roster: Roster) -> None:
    text = "A Pogačar-led group caught the breakaway at the Tour de France."
    tags = tagger.tag("Stage", text, date(2024, 7, 14))
    assert names(roster, tags.riders) == ["Tadej Pogačar"]


# --- a different first name before a surname ----------------------------------------


def test_surname_after_an_unknown_first_name_is_someone_else(tagger: Tagger) -> None:
    # "Servais" is in no first-name list, yet it is written like a name inside a
    # sentence: Servais Knaven is not the rider Mirre Knaven.
    text = (
        "Van Baarle won Paris-Roubaix and was embraced at the finish by his sports "
        "director Servais Knaven, himself a Roubaix winner in 2001. Knaven was in tears."
    )
    tags = tagger.tag("Paris-Roubaix", text, date(2022, 4, 17), feed_is_cycling=True)
    assert "mirre-knaven" not in tags.riders


def test_surname_after_a_role_word_is_still_the_rider(tagger: Tagger, roster: Roster) -> None:
    # Roles, titles, nationalities, sentence starts and everyday words are no first names.
    for text in (
        "Her teammate Knaven led the peloton on the final climb of the stage.",
        "The peloton chased on the climb. Later Knaven attacked and won the stage.",
        "On the stage to Roubaix on Sunday Knaven attacked from the peloton.",
        "The Dutch Knaven attacked the peloton on the final climb of the stage.",
    ):
        tags = tagger.tag("Stage 3", text, date(2024, 5, 3), feed_is_cycling=True)
        assert names(roster, tags.riders) == ["Mirre Knaven"], text


def test_title_case_headline_word_is_no_first_name(tagger: Tagger, roster: Roster) -> None:
    # Every headline word is capitalised: "Rookie" must not make the body's Knaven
    # somebody else.
    title = "Dutch Hope Impresses As Rookie Knaven Wins Mountain Stage"
    tags = tagger.tag(title, "Knaven beat the peloton on the final climb.", date(2024, 5, 3))
    assert names(roster, tags.riders) == ["Mirre Knaven"]


def test_everyday_french_word_is_no_surname(tagger: Tagger, roster: Roster) -> None:
    text = "Petit-fils d'un ancien coureur, il a gagné l'étape devant le peloton."
    assert tagger.tag("Tour de France", text, date(2024, 7, 8)).riders == []
    text = "Adrien Petit a attaqué dans l'étape. Petit a tenu jusqu'au bout devant le peloton."
    tags = tagger.tag("Tour de France", text, date(2024, 7, 8))
    assert names(roster, tags.riders) == ["Adrien Petit"]


# --- descriptions with the noun first ---------------------------------------------


def test_romance_order_description_refers_back(tagger: Tagger, roster: Roster) -> None:
    text = (
        "Alberto Bettiol ha vinto la tappa del Giro davanti al gruppo. Nel finale il "
        "campione italiano ha attaccato sull'ultima salita."
    )
    mentions = found(tagger, "Giro d'Italia", text, date(2024, 5, 20))
    described = [m for m in mentions if m.how == "description"]
    assert [(m.entity_id, m.kind) for m in described] == [("alberto-bettiol", "rider")]
    assert texts("Giro d'Italia", text, described) == ["il campione italiano"]


def test_romance_order_description_needs_one_compatriot(tagger: Tagger) -> None:
    text = (
        "Alberto Bettiol e Davide Ballerini hanno corso la tappa del Giro nel gruppo. "
        "Nel finale il campione italiano ha attaccato sull'ultima salita."
    )
    mentions = found(tagger, "Giro d'Italia", text, date(2024, 5, 20))
    assert [m for m in mentions if m.how == "description"] == []


# --- fast paths agree with the rules they shortcut ---------------------------------


LOWERCASE_CASES = [
    ("woods", "The peloton rode through the woods.", True),
    ("woods", "Woods won. WOODS again. Backwoods and woods_ do not count.", False),
    ("woods", "_woods and xwoods are inside other words; Woods is a name.", False),
    ("woods", "Line one.\nwoods at the start of a line", True),
    ("woods", "woods", True),
    ("stage", "A ſtage spelt with a long s is lowercase.", True),
    ("is", "İs and IS are capitals.", False),
    ("van der", "Van Der Poel, van-der-Poel", True),
    ("van der", "Van Der Poel, Van-der-Poel", False),
    ("astana", "2 Astana riders, astanas, Astana2", False),
]


@pytest.mark.parametrize(("key", "text", "expected"), LOWERCASE_CASES)
def test_lowercase_use_matches_its_definition(key: str, text: str, expected: bool) -> None:
    # The definition the cached pattern shortcuts: a whole-word occurrence, any case,
    # words joined by anything but letters, whose first character is lowercase.
    words = r"\W+".join(map(re.escape, key.split()))
    pattern = r"(?<![\w])" + words + r"(?![\w])"
    plain = any(m.group()[0].islower() for m in re.finditer(pattern, text, re.IGNORECASE))
    assert plain is expected
    assert any(map(str.islower, _lowercase_pattern(key).findall(text))) is expected


SPANS = [
    "Mark Cavendish",
    "Mark  Cavendish",
    "M. Cavendish",
    "Michael. Woods",
    "Van der Poel",
    "van der Poel",
    "Van der poel",
    "Pogačar",
    "pogačar",
    "Mathieu van der Poel’s",
    "Wout van_Aert",
    "Mark\nCavendish",
    "Mark\n\nCavendish",
    "Ben O'Connor",
    "Jonas Vingegaard (Visma)",
    "Tom\u00a0Pidcock",
    "Élise Chabbey",
    "2024 Tour",
    "",
]


def _resolver_for(text: str, tagger: Tagger) -> _Resolver:
    return _Resolver(tagger.lexicon, tagger.date_caches(None), FoldedText(text), None, [], 0, 0)


@pytest.mark.parametrize("span", SPANS)
def test_capitals_and_name_gaps_match_their_regexes(tagger: Tagger, span: str) -> None:
    resolver = _resolver_for(f"x {span} y", tagger)
    start, end = 2, 2 + len(span)
    last = re.search(r"(\w)\w*\W*$", span)
    assert resolver.capitalised(start, end) is (bool(last) and last.group(1).isupper())
    gaps_ok = all(
        not (gap.count("\n") > 1) and re.match(r"^[\s\-‐–\[\]()'’.]*$", gap)
        for gap in re.split(r"\w+", span)[1:-1]
    )
    dots_ok = all(len(w) == 1 for w in re.findall(r"(\w+)\.", span))
    assert resolver.clean_name_gap(start, end) is bool(gaps_ok and dots_ok)


def test_people_cached_per_date_differ_between_dates(roster: Roster) -> None:
    # One tagger, the same story on two dates: a rider active on one and retired on
    # the other is reported as such each time, whichever date came first.
    tagger = Tagger(roster)
    text = "Mark Cavendish won the sprint of the stage ahead of the peloton."
    for when, kind in ((date(2023, 7, 1), "rider"), (date(2026, 7, 1), "retired")) * 2:
        ms = tagger.mentions("Tour de France", text, when)
        assert [(m.entity_id, m.kind) for m in ms] == [("mark-cavendish", kind)]


@pytest.mark.parametrize(
    ("text", "description"),
    [
        (
            "Alberto Bettiol ha vinto la tappa del Giro. Nel finale lo scalatore italiano "
            "ha resistito.",
            "lo scalatore italiano",
        ),
        (
            "Alberto Bettiol a gagné l'étape du Giro. Le rouleur italien a résisté.",
            "Le rouleur italien",
        ),
        (
            "Alberto Bettiol won the Giro stage. The Italian climber held on at the top.",
            "The Italian climber",
        ),
    ],
)
def test_a_kind_of_rider_describes_the_compatriot_named_before(
    tagger: Tagger, text: str, description: str
) -> None:
    mentions = found(tagger, "Giro d'Italia", text, date(2024, 5, 20))
    described = [m for m in mentions if m.how == "description"]
    assert [(m.entity_id, m.kind) for m in described] == [("alberto-bettiol", "rider")]
    assert texts("Giro d'Italia", text, described) == [description]


def test_rider_who_coached_between_two_careers_is_staff_in_those_seasons() -> None:
    tagger = Tagger(
        parse_roster(
            """
[[team]]
id = "sd-worx"
category = "women"
names = [{ name = "SD Worx-Protime" }]

[[rider]]
name = "Anna van der Breggen"
teams = [
  { team = "sd-worx", from = 2019, until = 2021 },
  { team = "sd-worx", from = 2022, until = 2024, role = "sports director" },
  { team = "sd-worx", from = 2025 },
]
"""
        )
    )
    text = "Anna van der Breggen watched the peloton climb from the SD Worx-Protime team car."
    coaching = tagger.tag("Tour de France Femmes", text, date(2023, 7, 25))
    racing = tagger.tag("Tour de France Femmes", text, date(2025, 7, 30))
    assert (coaching.riders, coaching.staff) == ([], ["anna-van-der-breggen"])
    assert (racing.riders, racing.staff) == (["anna-van-der-breggen"], [])


SIBLINGS = parse_roster(
    """
[[team]]
id = "jayco"
names = [{ name = "Team Jayco AlUla" }]

[[rider]]
name = "Adam Yates"
teams = [{ team = "jayco", from = 2014 }]

[[rider]]
name = "Simon Yates"
teams = [{ team = "jayco", from = 2014 }]

[[rider]]
name = "Pello Bilbao"
teams = [{ team = "jayco", from = 2014 }]

[[retired]]
name = "Julien Simon"
"""
)


def test_a_first_name_before_and_shares_the_surname_that_follows() -> None:
    tagger = Tagger(SIBLINGS)
    when = date(2023, 7, 10)
    for text in (
        "The twins Adam and Simon Yates both attacked on the climb of the stage.",
        "De tweeling Adam en Simon Yates viel aan in de slotklim van de etappe.",
    ):
        assert sorted(tagger.tag("Stage 9", text, when).riders) == ["adam-yates", "simon-yates"]
    # Only when the first name makes a roster name with that surname.
    other = tagger.tag("Stage 9", "Tom and Simon Yates rode in the peloton.", when)
    assert other.riders == ["simon-yates"]


def test_a_surname_that_is_a_city_needs_the_full_name() -> None:
    tagger = Tagger(SIBLINGS)
    when = date(2023, 7, 1)
    city = tagger.tag("Grand Départ", "The Tour de France peloton rolled out of Bilbao.", when)
    rider = tagger.tag(
        "Stage 1", "Pello Bilbao was fifth in the Tour de France; Bilbao attacked.", when
    )
    assert city.riders == [] and rider.riders == ["pello-bilbao"]


def test_a_first_name_after_a_word_for_a_sibling_takes_the_surname_named_before() -> None:
    # Julien Simon (retired) must not take "Simon" as his surname here.
    tagger = Tagger(SIBLINGS)
    when = date(2024, 7, 21)
    for text in (
        "Adam Yates completes the Tour de France podium, just ahead of his twin brother Simon.",
        "Adam Yates complète le podium du Tour de France, devant son frère jumeau Simon.",
        "Adam Yates completa il podio del Tour de France davanti al fratello Simon.",
    ):
        assert tagger.tag("Tour", text, when).riders == ["adam-yates", "simon-yates"], text
    # A first name that makes no roster name with that surname adds nobody.
    other = tagger.tag("Tour", "Adam Yates rode the Tour de France with his brother Tom.", when)
    assert other.riders == ["adam-yates"]


def test_an_undated_story_that_tells_a_career_as_over_has_no_rider_in_it() -> None:
    last_season = date.today().year - 1  # within the undated grace seasons
    tagger = Tagger(
        parse_roster(
            f"""
[[team]]
id = "ineos"
names = [{{ name = "Ineos Grenadiers" }}]

[[rider]]
name = "Geraint Thomas"
retired = {last_season}
teams = [{{ team = "ineos", from = 2010 }}]
"""
        )
    )
    over = "Geraint Thomas, who rode his last race at the Tour of Britain, joins Ineos Grenadiers."
    coming = "Geraint Thomas will retire after the Tour of Britain, Ineos Grenadiers said."
    assert tagger.tag("Ineos", over, None).riders == []
    assert tagger.tag("Ineos", coming, None).riders == ["geraint-thomas"]
