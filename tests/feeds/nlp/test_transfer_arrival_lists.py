"""Lists of arrivals told in one sentence (issue #13, the eleventh stop): a group noun
whose clause names someone before its colon ("which reinforcements the CEO will add to
the team: A (T1), B (T2)"), the team said by a team noun only. Fresh sentences in several
languages, and what must stay unread: a race line-up, people who stay, origins, and a
list after a plural team noun ("Three join other WorldTeams: A (T1), B (T2)"), whose
brackets are as often the riders' current teams as their next ones."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.tagger import Tagger

AUGUST_2023 = date(2023, 8, 10)
TUDOR = "Tudor Pro Cycling Team"
LISTED = ("Michael Storer", "Alberto Dainese", "Matteo Trentin")
OLD_TEAMS = "Michael Storer (Groupama-FDJ), Alberto Dainese (Team dsm-firmenich)"
NEW_TEAMS = "Michael Storer (Tudor Pro Cycling Team), Alberto Dainese (Lidl-Trek)"
GOING_TO = {
    "Michael Storer": TUDOR,
    "Alberto Dainese": "Lidl-Trek",
    "Matteo Trentin": "Movistar Team",
}


def _moves(tagger: Tagger, text: str) -> dict[str, tuple[str | None, str | None]]:
    title, body = text.split("\n", 1)
    return {m.person: (m.from_team, m.to_team) for m in tagger.tag(title, body, AUGUST_2023).moves}


def _story(lede: str, team_line: str, sentence: str) -> str:
    """A headline and a lede without the team; the team in the next paragraph; the list in
    the one after: the list's team is said by a team noun only."""
    return f"{lede}\n{lede}. {lede}.\n\n{team_line}\n\n{sentence}"


NOUN_COLON = [
    _story(
        "Het transferseizoen is begonnen",
        "Bij Tudor Pro Cycling Team was het niet anders.",
        "Het is al bekend welke versterkingen Fabian Cancellara aan de ploeg zal toevoegen: "
        f"{OLD_TEAMS} en Matteo Trentin (UAE Team Emirates).",
    ),
    _story(
        "Le mercato a commencé",
        "Chez Tudor Pro Cycling Team, rien de neuf.",
        "On connaît déjà les recrues que Fabian Cancellara ajoutera à l'équipe : "
        f"{OLD_TEAMS} et Matteo Trentin (UAE Team Emirates).",
    ),
    _story(
        "The transfer season has begun",
        "At Tudor Pro Cycling Team it was no different.",
        "It is known which reinforcements Fabian Cancellara will add to the squad: "
        f"{OLD_TEAMS} and Matteo Trentin (UAE Team Emirates).",
    ),
]


@pytest.mark.parametrize("text", NOUN_COLON, ids=["nl", "fr", "en"])
def test_a_group_nouns_colon_list_joins_the_team_its_noun_names(tagger: Tagger, text: str) -> None:
    moves = _moves(tagger, text)
    assert {p: moves.get(p, (None, None))[1] for p in LISTED} == dict.fromkeys(LISTED, TUDOR)
    assert moves["Michael Storer"][0] == "Groupama-FDJ"
    # the person named before the colon is not one of the list
    assert "Fabian Cancellara" not in moves


@pytest.mark.parametrize(
    "sentence",
    [
        "Marc Hirschi er netop blevet præsenteret som ny mand på holdet sammen med tre andre "
        f"profiler: {OLD_TEAMS} og Matteo Trentin (UAE Team Emirates).",
        "Marc Hirschi approda in squadra insieme ad altri tre corridori: "
        f"{OLD_TEAMS} e Matteo Trentin (UAE Team Emirates).",
    ],
    ids=["da", "it"],
)
def test_a_colon_list_after_an_arrival_joins_the_team_a_team_noun_means(
    tagger: Tagger, sentence: str
) -> None:
    text = _story("Transfer", "Tudor Pro Cycling Team har meldt ud onsdag.", sentence)
    moves = _moves(tagger, text)
    assert {p: moves.get(p, (None, None))[1] for p in LISTED} == dict.fromkeys(LISTED, TUDOR)


@pytest.mark.parametrize(
    "text",
    [
        # no team noun: the sentence does not say whose newcomers these are
        _story(
            "Het transferseizoen is begonnen",
            "Bij Tudor Pro Cycling Team was het niet anders.",
            "Het is al bekend welke versterkingen Fabian Cancellara wil: "
            f"{OLD_TEAMS} en Matteo Trentin (UAE Team Emirates).",
        ),
        # the team noun, but the story names its team only after the list
        "The transfer season has begun\nThe transfer season has begun. It has.\n\n"
        "It is known which reinforcements Fabian Cancellara will add to the squad: "
        f"{OLD_TEAMS} and Matteo Trentin (UAE Team Emirates).\n\nTudor Pro Cycling Team "
        "declined to comment.",
        # the team two paragraphs back: another topic
        "The transfer season has begun\nThe transfer season has begun. It has.\n\nTudor Pro "
        "Cycling Team said nothing.\n\nThe riders rest.\n\nIt is known which reinforcements "
        f"Fabian Cancellara will add to the squad: {OLD_TEAMS} and Matteo Trentin (UAE Team "
        "Emirates).",
        # a line-up: no arrival word opens the list
        "The Giro starts\nThe Giro starts. It does.\n\nTudor Pro Cycling Team is ready.\n\n"
        f"The squad lines up for the Giro d'Italia: {OLD_TEAMS} and Matteo Trentin (UAE Team "
        "Emirates).",
    ],
    ids=["no team noun", "team named after", "team two paragraphs back", "line-up"],
)
def test_a_group_nouns_list_without_a_team_before_it_moves_nobody(
    tagger: Tagger, text: str
) -> None:
    moves = _moves(tagger, text)
    assert not any(moves.get(p, (None, None))[1] == TUDOR for p in LISTED)


def test_names_before_the_colon_stay_the_list_when_none_follow(tagger: Tagger) -> None:
    moves = _moves(
        tagger,
        "Tudor Pro Cycling Team bouwt verder\nTudor Pro Cycling Team had aanwinsten nodig, en "
        "die zijn gevonden in Michael Storer en Alberto Dainese: de Australiër komt over van "
        "Groupama-FDJ.",
    )
    assert moves["Michael Storer"][1] == TUDOR
    assert moves["Alberto Dainese"][1] == TUDOR


def test_an_extension_before_the_colon_lists_nobody_new(tagger: Tagger) -> None:
    moves = _moves(
        tagger,
        "Tudor Pro Cycling Team annonce ses recrues\nLes recrues de Tudor Pro Cycling Team "
        "Michael Storer et Alberto Dainese s'accompagnent de la prolongation de deux cadres : "
        "Matteo Trentin et Marc Hirschi.",
    )
    assert moves["Michael Storer"][1] == TUDOR
    assert "Matteo Trentin" not in moves
    assert "Marc Hirschi" not in moves


SEVERAL_TEAMS = [
    f"Three riders change teams\nThree join other WorldTeams: {NEW_TEAMS} and Matteo "
    "Trentin (Movistar Team).",
    f"Trois coureurs changent d'équipe\nTrois rejoignent d'autres équipes : {NEW_TEAMS} et "
    "Matteo Trentin (Movistar Team).",
    f"Tre corridori cambiano squadra\nTre approdano in altre squadre: {NEW_TEAMS} e Matteo "
    "Trentin (Movistar Team).",
    f"Drie renners veranderen van ploeg\nDrie renners maken de overstap naar andere ploegen: "
    f"{NEW_TEAMS} en Matteo Trentin (Movistar Team).",
]


CURRENT_TEAMS = f"{OLD_TEAMS} and Matteo Trentin (UAE Team Emirates)"

# results and previews whose brackets are each rider's team today: the plural team noun
# is the future ("who will join new teams"), not where the brackets send anyone
RESULTS = [
    f"Young riders shine\nThree riders who will join new teams next season shone on Sunday: "
    f"{CURRENT_TEAMS}.",
    f"De jeunes coureurs brillent\nTrois coureurs qui rejoindront d'autres équipes l'an "
    f"prochain se sont illustrés dimanche : {OLD_TEAMS} et Matteo Trentin (UAE Team Emirates).",
    f"Giovani in luce\nTre corridori che approdano in altre squadre l'anno prossimo hanno "
    f"brillato domenica: {OLD_TEAMS} e Matteo Trentin (UAE Team Emirates).",
    f"Jonge renners blinken uit\nDrie renners die volgend jaar de overstap maken naar andere "
    f"ploegen blonken zondag uit: {OLD_TEAMS} en Matteo Trentin (UAE Team Emirates).",
    f"Three impress\nThree riders who join WorldTeams next season impressed: {CURRENT_TEAMS}.",
]


@pytest.mark.parametrize("text", RESULTS, ids=["en", "fr", "it", "nl", "en worldteams"])
def test_a_result_list_after_a_plural_team_noun_moves_nobody(tagger: Tagger, text: str) -> None:
    # no team to another, and above all no refused own team re-routed to a third one
    assert not set(_moves(tagger, text)) & set(LISTED)


@pytest.mark.parametrize(
    "text",
    [
        # a race line-up: the teams in brackets are the riders' own
        f"Three riders for the Giro\nThree join their teams for the Giro d'Italia: {NEW_TEAMS} "
        "and Matteo Trentin (Movistar Team).",
        f"Tre corridori per il Giro\nTre raggiungono le loro squadre per il Giro: {NEW_TEAMS} e "
        "Matteo Trentin (Movistar Team).",
        # the plural noun after a "from" word: the brackets are where they come from
        f"Tudor signs three\nThree riders arrive from other teams: {NEW_TEAMS} and Matteo "
        "Trentin (Movistar Team).",
        # a team named before the list is where it goes
        f"Lidl-Trek signs three\nLidl-Trek signs three riders from other teams: {OLD_TEAMS} "
        "and Matteo Trentin (UAE Team Emirates).",
        # a plural team noun alone says no destination: these brackets may be where the
        # riders go, or where they ride now (`RESULTS`); the tagger reads neither
        *SEVERAL_TEAMS,
    ],
    ids=["line-up en", "line-up it", "from other teams", "team named", "en", "fr", "it", "nl"],
)
def test_a_plural_team_noun_does_not_always_send_a_list_to_its_brackets(
    tagger: Tagger, text: str
) -> None:
    moves = _moves(tagger, text)
    assert {p: moves.get(p, (None, None))[1] for p in LISTED} != GOING_TO
    assert moves.get("Matteo Trentin", (None, None))[1] != "Movistar Team"


JOIN_EN = "Three riders will join the team: Michael Storer, Alberto Dainese and Matteo Trentin."
JOIN_FR = "Trois coureurs rejoignent l'équipe : Michael Storer, Alberto Dainese et Matteo Trentin."
JOIN_DE = "Drei Fahrer stoßen zur Mannschaft: Michael Storer, Alberto Dainese und Matteo Trentin."
EN, FR, DE = "The transfer season has begun", "Le mercato a commencé", "Der Transfermarkt ist offen"


@pytest.mark.parametrize(
    "text",
    [
        _story(EN, "Tudor Pro Cycling Team was busy on Monday.", JOIN_EN),
        _story(FR, "Tudor Pro Cycling Team a été actif lundi.", JOIN_FR),
        _story(DE, "Tudor Pro Cycling Team war am Montag aktiv.", JOIN_DE),
    ],
    ids=["en", "fr", "de"],
)
def test_a_team_noun_after_an_arrivals_colon_means_the_one_team_named(
    tagger: Tagger, text: str
) -> None:
    assert {p: to for p, (_, to) in _moves(tagger, text).items()} == dict.fromkeys(LISTED, TUDOR)


@pytest.mark.parametrize(
    "text",
    [
        # two teams named plainly: the noun may mean either
        _story(EN, "Lidl-Trek watched Tudor Pro Cycling Team win the sprint.", JOIN_EN),
        _story(FR, "Lidl-Trek a vu Tudor Pro Cycling Team gagner le sprint.", JOIN_FR),
        # the team after a person is that person's own, not the list's
        _story(EN, "Filippo Ganna of Tudor Pro Cycling Team leads Italy.", JOIN_EN),
        # a national selection's words: the team is the national one
        _story(EN, "Tudor Pro Cycling Team hosted the national coach on Monday.", JOIN_EN),
        _story(DE, "Der Bundestrainer war am Montag bei Tudor Pro Cycling Team.", JOIN_DE),
    ],
    ids=["two teams en", "two teams fr", "person's own en", "national en", "national de"],
)
def test_a_team_noun_after_an_arrivals_colon_stays_unread_when_unclear(
    tagger: Tagger, text: str
) -> None:
    assert not set(_moves(tagger, text)) & set(LISTED)


STAYERS = ("Matteo Trentin", "Marc Hirschi", "Fabian Cancellara")


@pytest.mark.parametrize(
    "text",
    [
        # the names right after the noun are its list; after the colon, riders who stay
        "Tudor Pro Cycling Team presents its squad\nTudor Pro Cycling Team showed the "
        "newcomers Michael Storer and Alberto Dainese next to the riders who stay: Matteo "
        "Trentin, Marc Hirschi and Fabian Cancellara.",
        "Tudor Pro Cycling Team stelt zijn ploeg voor\nTudor Pro Cycling Team toonde de "
        "nieuwkomers Michael Storer en Alberto Dainese naast de renners die blijven: Matteo "
        "Trentin, Marc Hirschi en Fabian Cancellara.",
        # a departure word before the colon: the names after it leave
        "Tudor Pro Cycling Team changes\nAlongside the newcomers Michael Storer and Alberto "
        "Dainese, the team loses: Matteo Trentin, Marc Hirschi and Fabian Cancellara.",
        "Tudor Pro Cycling Team change\nÀ côté des recrues Michael Storer et Alberto Dainese, "
        "l'équipe perd : Matteo Trentin, Marc Hirschi et Fabian Cancellara.",
    ],
    ids=["stay en", "stay nl", "loses en", "loses fr"],
)
def test_newcomers_named_after_the_noun_are_the_list_not_those_after_the_colon(
    tagger: Tagger, text: str
) -> None:
    moves = _moves(tagger, text)
    assert moves["Michael Storer"][1] == TUDOR
    assert moves["Alberto Dainese"][1] == TUDOR
    assert not {p for p in STAYERS if moves.get(p, (None, None))[1] == TUDOR}
