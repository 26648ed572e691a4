"""People the roster does not know (feeds/nlp/transfers/unknown_people.py, issue #13): a
signing of "Firstname Lastname", a list of unknown neo-pros, a surname repeated later are
moves, written as the name is printed; journalists, quoted managers, owners, race and
street names, and people in stories about no cycling team are not. Roster people's moves
never change, and no unknown person becomes a `riders` tag. Invented names throughout
(none is in the roster: `test_the_invented_names_are_unknown` checks)."""

from __future__ import annotations

from datetime import date

import pytest

from feeds.models import Move
from feeds.nlp.document import Document
from feeds.nlp.transfers import extract
from feeds.nlp.transfers.unknown_people import UNKNOWN_PREFIX, find_unknown, given_names
from feeds.roster import load_roster, slugify
from feeds.tagger import Tagger
from tests.growth import assert_linear


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    """The tagger with the reader of people the roster does not know switched on (off by
    default: `Tagger(unknown_people=...)`)."""
    return Tagger(load_roster(), unknown_people=True)


JUNE_2024 = date(2024, 6, 10)
COFIDIS = "Cofidis"
TUDOR = "Tudor Pro Cycling Team"
LOTTO = "Lotto Dstny"
UNO_X = "Uno-X Mobility"

INVENTED = (
    "Julien Marbotte",
    "Marius Kellerhals",
    "Arne Vercauteren",
    "Senne Hoefkens",
    "Jente Baervoets",
    "Andrea Sbrissolo",
    "Daan van Wijngaarde",
    "Pierre Lagrange-Dumoulin",
    "Tobias Lindqvort",
    "Aitor Zubizarreko",
)


def _tag(tagger: Tagger, text: str, language: str, when: date = JUNE_2024):
    title, body = text.split("\n", 1)
    return tagger.tag(title, body, when, True, language=language)


def _moves(tagger: Tagger, text: str, language: str) -> dict[str, str | None]:
    return {m.person: m.to_team for m in _tag(tagger, text, language).moves}


def _found(tagger: Tagger, text: str) -> dict[str, int]:
    """Unknown people found in `text` (title, newline, body) -> how many mentions each."""
    title, body = text.split("\n", 1)
    doc = Document(title, body, JUNE_2024)
    mentions = tagger._mentions(doc, True)
    return {u.person.name: len(u.mentions) for u in find_unknown(doc, mentions, tagger.roster)}


def test_the_invented_names_are_unknown() -> None:
    roster = load_roster()
    for name in INVENTED:
        assert slugify(name) not in roster.people
        assert name.split()[0].lower() in given_names()


# --- signings of one unknown person, in several languages --------------------------------


@pytest.mark.parametrize(
    ("language", "text", "to"),
    [
        (
            "en",
            "Cofidis sign young climber\nCofidis have signed Julien Marbotte on a two-year "
            "contract, the French team announced on Monday.",
            COFIDIS,
        ),
        (
            "fr",
            "Une recrue pour Cofidis\nJulien Marbotte rejoint Cofidis pour les deux "
            "prochaines saisons, a annoncé l'équipe nordiste.",
            COFIDIS,
        ),
        (
            "it",
            "Colpo della Tudor\nAndrea Sbrissolo passa alla Tudor Pro Cycling Team: il "
            "ventenne ha firmato un contratto di due anni.",
            TUDOR,
        ),
        (
            "nl",
            "Versterking voor Lotto\nDaan van Wijngaarde tekent bij Lotto Dstny, zo maakte "
            "de ploeg maandag bekend.",
            LOTTO,
        ),
        (
            "es",
            "Fichaje confirmado\nAitor Zubizarreko ficha por el Uno-X Mobility para las "
            "dos próximas temporadas.",
            UNO_X,
        ),
    ],
)
def test_a_signing_of_an_unknown_person_is_a_move(
    tagger: Tagger, language: str, text: str, to: str
) -> None:
    tags = _tag(tagger, text, language)
    moves = [m for m in tags.moves if m.person_id.startswith(UNKNOWN_PREFIX)]
    assert [(m.person, m.to_team) for m in moves] == [(next(n for n in INVENTED if n in text), to)]
    assert tags.is_transfer
    # never a rider tag: those are roster ids
    assert not any(r.startswith(UNKNOWN_PREFIX) for r in tags.riders)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Lotto Dstny add three neo-pros\nLotto Dstny have signed three neo-pros: Arne "
            "Vercauteren, Senne Hoefkens and Jente Baervoets.",
        ),
        (
            "nl",
            "Drie neoprofs voor Lotto Dstny\nLotto Dstny haalt drie neoprofs: Arne "
            "Vercauteren, Senne Hoefkens en Jente Baervoets.",
        ),
    ],
)
def test_a_list_of_unknown_neo_pros_moves_each(tagger: Tagger, language: str, text: str) -> None:
    moves = _moves(tagger, text, language)
    for name in ("Arne Vercauteren", "Senne Hoefkens", "Jente Baervoets"):
        assert moves.get(name) == LOTTO


def test_the_surname_alone_later_names_the_same_person(tagger: Tagger) -> None:
    text = (
        "Tudor sign a Swiss talent\nTudor Pro Cycling Team have signed Marius Kellerhals. "
        "Kellerhals, 21, won the national under-23 title. The team's directors say "
        "Kellerhals will ride the classics."
    )
    assert _found(tagger, text) == {"Marius Kellerhals": 3}
    assert _moves(tagger, text, "en") == {"Marius Kellerhals": TUDOR}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Swiss talent\nMarius Kellerhals, 21, won the national under-23 title in Bern. "
            "Kellerhals joins Tudor Pro Cycling Team next season.",
        ),
        (
            "it",
            "Talento svizzero\nMarius Kellerhals ha vinto il titolo under 23. Kellerhals "
            "passa alla Tudor Pro Cycling Team.",
        ),
    ],
)
def test_a_move_told_with_the_surname_alone_is_the_person_s(
    tagger: Tagger, language: str, text: str
) -> None:
    assert _moves(tagger, text, language) == {"Marius Kellerhals": TUDOR}
    # the same story without the move: nobody moves
    first = text.split(". ")[0] + "."
    assert _moves(tagger, first, language) == {}


def test_a_surname_a_roster_person_in_the_story_shares_stays_theirs(tagger: Tagger) -> None:
    # "Pogačar" alone is the roster's Tadej Pogačar, never an unknown namesake
    text = (
        "Family news\nLucas Pogačar joins Cofidis. Tadej Pogačar won the Tour. Pogačar was happy."
    )
    assert _found(tagger, text).get("Lucas Pogačar", 1) == 1


# --- what is not a person, or not a mover ------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "name"),
    [
        (
            "en",
            "Cofidis sign Marbotte\nBy Tobias Lindqvort\n\nCofidis have signed Julien "
            "Marbotte on a two-year contract.",
            "Tobias Lindqvort",
        ),
        (
            "en",
            "Rumour\nAccording to journalist Tobias Lindqvort, Julien Marbotte will join "
            "Cofidis next season.",
            "Tobias Lindqvort",
        ),
        (
            "pt",
            "Rumor\nSegundo o jornalista Tobias Lindqvort, Julien Marbotte vai reforçar a "
            "Cofidis na próxima temporada.",
            "Tobias Lindqvort",
        ),
        (
            "de",
            "Gerüchte\nSuperagent Tobias Lindqvort erwartet, dass Julien Marbotte zu Cofidis "
            "wechselt.",
            "Tobias Lindqvort",
        ),
        (
            "en",
            'Cofidis sign Marbotte\nJulien Marbotte joins Cofidis. "He is a great talent," '
            "said sports director Pierre Lagrange-Dumoulin.",
            "Pierre Lagrange-Dumoulin",
        ),
        (
            "en",
            'Sponsor news\nJulien Marbotte joins Cofidis. "A great signing," said Tobias '
            "Lindqvort, CEO of the team's new sponsor.",
            "Tobias Lindqvort",
        ),
    ],
)
def test_journalists_managers_and_sponsors_are_no_movers(
    tagger: Tagger, language: str, text: str, name: str
) -> None:
    moves = _moves(tagger, text, language)
    assert name not in moves
    assert moves.get("Julien Marbotte") == COFIDIS


@pytest.mark.parametrize(
    "text",
    [
        "Rumour\nAccording to journalist Tobias Lindqvort, Julien Marbotte will join Cofidis.",
        "Rumor\nSegundo o jornalista Tobias Lindqvort, Julien Marbotte vai para a Cofidis.",
        "Voci\nStando a Tobias Lindqvort, Julien Marbotte passa alla Cofidis.",
        "Gerüchte\nMehreren Journalisten zufolge, darunter Arne Vercauteren und Tobias "
        "Lindqvort, wechselt Julien Marbotte zu Cofidis.",
        "Market\nSuperagent Tobias Lindqvort says Julien Marbotte will join Cofidis.",
        "Sponsor\nTobias Lindqvort, CEO of the sponsor, presented Julien Marbotte, who "
        "joins Cofidis.",
        "Market\nJulien Marbotte moves to the Cofidis of Tobias Lindqvort.",
        "Markt\nJulien Marbotte wechselt zu Tobias Lindqvorts Cofidis.",
        "Cofidis\nJulien Marbotte joins Cofidis, the sports director Tobias Lindqvort said.",
    ],
)
def test_outsiders_are_not_read_as_people(tagger: Tagger, text: str) -> None:
    """Journalists, sources, agents, sponsors' CEOs, owners, and people named only as
    who speaks: never handed to the rules. The mover beside them is."""
    found = _found(tagger, text)
    assert "Tobias Lindqvort" not in found
    assert "Arne Vercauteren" not in found
    assert "Julien Marbotte" in found


@pytest.mark.parametrize(
    ("language", "text", "name"),
    [
        (
            "it",
            "Il calendario\nIl Memorial Andrea Sbrissolo apre la stagione: la Tudor Pro "
            "Cycling Team ha firmato la sua iscrizione.",
            "Andrea Sbrissolo",
        ),
        (
            "fr",
            "Présentation\nCofidis a présenté ses recrues rue Julien Marbotte, à Lille.",
            "Julien Marbotte",
        ),
        (
            "en",
            "Team news\nThe Julien Marbotte Trophy joins the calendar; Cofidis signed up.",
            "Julien Marbotte",
        ),
        (
            "es",
            "Equipos\nEl Gran Premio Aitor Zubizarreko ficha a Uno-X Mobility como invitado.",
            "Aitor Zubizarreko",
        ),
    ],
)
def test_races_and_streets_named_after_a_person_are_nobody(
    tagger: Tagger, language: str, text: str, name: str
) -> None:
    assert name not in _found(tagger, text)
    assert name not in _moves(tagger, text, language)


def test_a_team_owned_by_a_person_is_no_signing_of_theirs(tagger: Tagger) -> None:
    text = (
        "Market\nJulien Marbotte moves to the Cofidis of Tobias Lindqvort, while Arne "
        "Vercauteren joins Lotto Dstny."
    )
    moves = _moves(tagger, text, "en")
    assert "Tobias Lindqvort" not in moves


def test_a_person_in_a_story_about_no_cycling_team_is_no_mover(tagger: Tagger) -> None:
    text = (
        "Transfer window\nThe football club has signed Julien Marbotte from a rival, the "
        "club announced on Monday."
    )
    tags = _tag(tagger, text, "en")
    assert tags.moves == []


def test_a_title_case_headline_is_not_read_for_names(tagger: Tagger) -> None:
    text = (
        "Cofidis Confirms Julien Marbotte Signing Today\nThe French team has a new climber "
        "for next season."
    )
    assert _found(tagger, text) == {}


def test_names_in_the_ordinary_reading_of_a_given_name_are_nobody(tagger: Tagger) -> None:
    # a given name followed by a stop word, a team's name, a saint's place
    text = (
        "News\nMark and the others joined Cofidis. Rose Women Racing signs nobody. The "
        "race starts in San Marbotte Lindqvort."
    )
    assert _found(tagger, text) == {}


# --- roster people are unchanged ---------------------------------------------------------


ROSTER_TEXTS = [
    (
        "en",
        "Cofidis reshuffle\nCofidis have signed Julien Marbotte and Wout van Aert is joining "
        "Lidl-Trek, while Arne Vercauteren leaves Lotto Dstny for Uno-X Mobility.",
    ),
    (
        "nl",
        "Transfers\nLotto Dstny haalt drie renners: Arne Vercauteren, Arnaud De Lie en Senne "
        "Hoefkens. Tadej Pogačar blijft bij UAE.",
    ),
    (
        "it",
        "Mercato\nAndrea Sbrissolo passa alla Tudor Pro Cycling Team insieme a Julian "
        "Alaphilippe; Mads Pedersen firma con Lidl-Trek.",
    ),
]


@pytest.mark.parametrize(("language", "text"), ROSTER_TEXTS)
def test_roster_people_keep_the_moves_they_had(
    tagger: Tagger, monkeypatch: pytest.MonkeyPatch, language: str, text: str
) -> None:
    def roster_moves() -> list[Move]:
        return [m for m in _tag(tagger, text, language).moves if not m.person_id.startswith("unk")]

    with_unknown = roster_moves()
    monkeypatch.setattr(extract, "find_unknown", lambda *_: [])
    assert roster_moves() == with_unknown


# --- hostile text ------------------------------------------------------------------------


def _capitalised_words(n: int) -> str:
    # about 25 characters a repeat: n=4000 is a 100k-character text
    return "Cofidis signs " + " ".join(["Julien Marbotte Van De Kellerhals"] * n) + "."


def _repeated_names(n: int) -> str:
    return "Cofidis signs " + ", ".join(["Julien Marbotte"] * n) + ". " + "Marbotte " * n


@pytest.mark.parametrize(
    ("make", "n"),
    [(_capitalised_words, 3000), (_repeated_names, 3000)],
    ids=["100k characters of capitalised words", "a name and its surname repeated"],
)
def test_finding_unknown_people_grows_linearly(tagger: Tagger, make, n: int) -> None:
    assert len(make(n)) >= 50_000

    def read(body: str) -> object:
        doc = Document("Transfers", body, JUNE_2024)
        return find_unknown(doc, [], tagger.roster)

    assert_linear(read, make, n)
    assert_linear(lambda body: tagger.tag("Transfers", body, JUNE_2024, True, "en"), make, n // 4)


def test_the_default_tagger_reads_no_unknown_people() -> None:
    """Off by default: on unseen news the reader gave wrong moves and no right one."""
    text = "Tudor signs Marius Kellerhals\nTudor Pro Cycling Team have signed Marius Kellerhals."
    assert _moves(Tagger(load_roster()), text, "en") == {}
    assert Tagger(load_roster(), unknown_people=True).unknown_people


def test_tag_reads_unknown_people_only_when_asked(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    """`domestique tag --unknown-people`: the option the measurements in docs use."""
    import json

    from bot.cli import tagging as tagging_cli

    path = tmp_path / "in.jsonl"
    story = {
        "id": "s0",
        "title": "Tudor signs Marius Kellerhals",
        "text": "Tudor Pro Cycling Team have signed Marius Kellerhals for two seasons.",
        "published": "2024-06-01",
        "lang": "en",
    }
    path.write_text(json.dumps(story) + "\n", encoding="utf-8")
    for option, people in (([], []), (["--unknown-people"], ["Marius Kellerhals"])):
        assert tagging_cli.main(["tag", "--feed-is-cycling", "yes", *option, str(path)]) == 0
        out = json.loads(capsys.readouterr().out)
        assert [m["person"] for m in out["moves"]] == people
