"""Transfer extraction: the seed story, the dev corpus, written stories, robustness.

Most tests make their own mentions, so they do not depend on the tagger: the annotated
people's and teams' names, surnames, aliases and the descriptions each story's notes
resolve are found in the text and turned into `Mention`s over a small test roster.
`test_dev_set_with_the_real_tagger` runs the whole pipeline (feeds/nlp/tag over the bundled
roster) on the dev corpus (tests/corpus/dev.jsonl) against the targets.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from feeds.models import Mention, Move
from feeds.nlp.transfers import _extract, extract_transfers
from feeds.roster import Roster, parse_roster, slugify
from tests.corpus import DEV_CORPUS as CORPUS

# --- a small roster of the corpus' teams and people -------------------------------------

# id, [(name, from, until)], aliases
TEAMS: list[tuple[str, list[tuple[str, str | None, str | None]], list[str]]] = [
    (
        "astana",
        [("Astana Qazaqstan", "2022-01-01", "2024-12-31"), ("XDS Astana", "2025-01-01", None)],
        ["Astana", "Astana Qazaqstan Team", "XDS Astana Team", "Astana Kazakstan"],
    ),
    (
        "soudal",
        [
            ("Quick-Step Alpha Vinyl", "2022-01-01", "2022-12-31"),
            ("Soudal Quick-Step", "2023-01-01", None),
        ],
        [
            "Soudal-QuickStep",
            "Soudal-Quick Step",
            "QuickStep",
            "Quick-Step",
            "Soudal",
            "Quick Step-Alpha Vinyl",
            "Wolfpack",
        ],
    ),
    (
        "bora",
        [
            ("Bora-Hansgrohe", "2017-01-01", "2024-06-13"),
            ("Red Bull-Bora-Hansgrohe", "2024-06-14", None),
        ],
        ["Bora", "Bora – Hansgrohe"],
    ),
    (
        "visma",
        [("Jumbo-Visma", "2019-01-01", "2023-12-31"), ("Visma | Lease a Bike", "2024-01-01", None)],
        ["Team Visma-Lease a Bike", "Visma-Lease a Bike", "Visma Lease-a-Bike", "Visma"],
    ),
    (
        "alpecin",
        [("Alpecin-Fenix", "2021-01-01", "2022-06-30"), ("Alpecin-Deceuninck", "2022-07-01", None)],
        ["Alpecin", "Alpecin-Desseuninck"],
    ),
    ("ineos", [("Ineos Grenadiers", None, None)], ["INEOS Grenadiers", "Ineos"]),
    ("ef", [("EF Education-EasyPost", None, None)], ["EF Education"]),
    ("movistar", [("Movistar Team", None, None)], ["Movistar"]),
    ("dsm", [("Team dsm-firmenich", None, None)], ["dsm-firmenich"]),
    ("tudor", [("Tudor Pro Cycling Team", None, None)], ["Tudor Pro Cycling", "Tudor"]),
    ("totalenergies", [("TotalEnergies", None, None)], []),
    (
        "uae",
        [("UAE Team Emirates", None, "2024-12-31"), ("UAE Team Emirates-XRG", "2025-01-01", None)],
        ["UAE-Team Emirates"],
    ),
    (
        "lidl-trek",
        [("Trek-Segafredo", None, "2023-06-30"), ("Lidl-Trek", "2023-07-01", None)],
        ["Lidl - Trek", "Lidl – Trek"],
    ),
    ("uae-adq", [("UAE Team ADQ", None, None)], []),
    (
        "sd-worx",
        [("Team SD Worx", None, "2023-12-31"), ("SD Worx-Protime", "2024-01-01", None)],
        ["SD Worx – Protime", "Team SD Worx Protime"],
    ),
    ("fdj-suez", [("FDJ-Suez", None, None)], ["FDJ-SUEZ"]),
    ("groupama", [("Groupama-FDJ", None, None)], []),
    ("bahrain", [("Bahrain Victorious", None, None)], []),
    (
        "lotto",
        [("Lotto Soudal", None, "2022-12-31"), ("Lotto Dstny", "2023-01-01", None)],
        ["Lotto-Dstny"],
    ),
    (
        "ag2r",
        [
            ("AG2R Citroën Team", None, "2023-12-31"),
            ("Decathlon AG2R La Mondiale", "2024-01-01", None),
        ],
        ["AG2R-Citroën", "Decathlon AG2R La Mondiale Team"],
    ),
    ("sport-vlaanderen", [("Sport Vlaanderen-Baloise", None, None)], []),
    ("intermarche", [("Intermarché-Wanty", None, None)], ["Intermarchè – Wanty"]),
    ("jayco", [("Team Jayco AlUla", None, None)], []),
    ("israel", [("Israel-Premier Tech", None, None)], ["NSN Cycling Team"]),
    ("q36", [("Q36.5 Pro Cycling Team", None, None)], ["Q36.5"]),
]

# name, kind, "team:from-until team:from-", aliases
PEOPLE: list[tuple[str, str, str, list[str]]] = [
    ("Mark Cavendish", "rider", "soudal:2021-2022 astana:2023-2024", []),
    ("Vasilis Anastopoulos", "staff", "soudal:2016-2023 astana:2024-", []),
    ("Michael Mørkøv", "rider", "soudal:2018-2023 astana:2024-", []),
    ("Davide Ballerini", "rider", "soudal:2019-2023 astana:2024-", []),
    ("Ide Schelling", "rider", "bora:2019-2023 astana:2024-", []),
    ("Jasper Philipsen", "rider", "alpecin:2020-", []),
    ("Michael Woods", "rider", "israel:2020-", []),
    ("Alexander Vinokourov", "staff", "astana:2013-", ["Vinokurov"]),
    ("Cian Uijtdebroeks", "rider", "bora:2022-2023 visma:2024-", []),
    ("Primož Roglič", "rider", "visma:2016-2023 bora:2024-", []),
    ("Sepp Kuss", "rider", "visma:2018-", []),
    ("Aleksandr Vlasov", "rider", "bora:2022-", []),
    ("Remco Evenepoel", "rider", "soudal:2019-2025 bora:2026-", []),
    ("Diego Ulissi", "rider", "uae:2017-2024 astana:2025-", []),
    ("Wout Poels", "rider", "bahrain:2020-2024 astana:2025-", []),
    ("Sergio Higuita", "rider", "bora:2023-2024 astana:2025-", []),
    ("Alberto Bettiol", "rider", "ef:2019-2024 astana:2025-", []),
    ("Alexey Lutsenko", "rider", "astana:2014-2024 israel:2025-", []),
    ("Elisa Longo Borghini", "rider", "lidl-trek:2019-2024 uae-adq:2025-", []),
    ("Brodie Chapman", "rider", "lidl-trek:2023-2024 uae-adq:2025-", []),
    ("Elynor Bäckstedt", "rider", "lidl-trek:2021-2024 uae-adq:2025-", []),
    ("Paolo Slongo", "staff", "", []),
    ("Richard Carapaz", "rider", "movistar:2017-2019 ineos:2020-2022 ef:2023-", []),
    ("Jai Hindley", "rider", "bora:2022-", []),
    ("Simon Yates", "rider", "jayco:2014-", []),
    ("Jonathan Caicedo", "rider", "ef:2019-", []),
    ("Alexander Cepeda", "rider", "ef:2022-", []),
    ("Dylan van Baarle", "rider", "ineos:2020-2022 visma:2023-", []),
    ("Wilco Kelderman", "rider", "bora:2021-2022 visma:2023-", []),
    ("Jonathan Vaughters", "staff", "ef:2007-", []),
    ("Demi Vollering", "rider", "sd-worx:2021-2024 fdj-suez:2025-", []),
    ("Évita Muzic", "rider", "fdj-suez:2019-", []),
    ("Kaden Groves", "rider", "alpecin:2023-2025", ["Kayden Groves"]),
    ("Julian Alaphilippe", "rider", "soudal:2014-2024 tudor:2025-", []),
    ("Marc Hirschi", "rider", "uae:2021-2024 tudor:2025-", []),
    ("Arvid de Kleijn", "rider", "tudor:2023-", []),
    ("Michael Storer", "rider", "tudor:2024-", []),
    ("Fabian Cancellara", "staff", "tudor:2019-", []),
    ("Patrick Lefevere", "staff", "soudal:2003-2024", []),
    ("Gaia Realini", "rider", "lidl-trek:2023-", []),
    ("Shirin van Anrooij", "rider", "lidl-trek:2021-", []),
    ("Luca Guercilena", "staff", "lidl-trek:2014-", []),
    ("Fabio Jakobsen", "rider", "soudal:2018-2023 dsm:2024-", []),
    ("Max Kanter", "rider", "movistar:2022-2023 astana:2024-", []),
    ("Elisa Balsamo", "rider", "lidl-trek:2022-", []),
    ("Lorena Wiebes", "rider", "sd-worx:2023-", []),
    ("Lotte Kopecky", "rider", "sd-worx:2023-", []),
    ("Mathieu van der Poel", "rider", "alpecin:2019-", []),
    ("Valentin Madouas", "rider", "groupama:2018-", []),
    ("Tadej Pogačar", "rider", "uae:2019-", ["Pogacar"]),
    ("Dylan Teuns", "rider", "bahrain:2020-2022", []),
    ("Kasper Asgreen", "rider", "soudal:2018-2024", []),
    ("Sébastien Grignard", "rider", "lotto:2019-2022", []),
    ("Stan Dewulf", "rider", "ag2r:2020-", []),
    ("Lindsay De Vylder", "rider", "sport-vlaanderen:2019-2023", []),
    ("Mads Pedersen", "rider", "lidl-trek:2017-", []),
    ("Zdeněk Štybar", "rider", "soudal:2011-2022", ["Zdenek Stybar"]),
    ("Tim Wellens", "rider", "lotto:2012-2022 uae:2023-", []),
    ("Fred Wright", "rider", "bahrain:2020-", []),
    ("Wout van Aert", "rider", "visma:2019-", []),
    ("Jasper Stuyven", "rider", "lidl-trek:2014-", []),
    ("Biniam Girmay", "rider", "intermarche:2021-", []),
    ("Tiesj Benoot", "rider", "visma:2020-", []),
    ("Matteo Jorgenson", "rider", "visma:2024-", []),
    ("Alex Kirsch", "rider", "lidl-trek:2020-", []),
    ("Jurgen Foré", "staff", "soudal:2024-", []),
    ("Zdeněk Bakala", "staff", "soudal:2012-", ["Zdenek Bakala"]),
    ("Auret Van Zyl", "staff", "soudal:2020-", []),
    ("Hugo Houle", "rider", "israel:2022-", []),
    ("Guillaume Boivin", "rider", "israel:2020-", []),
    ("Jonas Vingegaard", "rider", "visma:2019-", []),
    ("Neilson Powless", "rider", "ef:2020-", []),
    ("Filippo Ganna", "rider", "ineos:2019-", []),
    ("Magnus Sheffield", "rider", "ineos:2022-", []),
    ("Daniel Felipe Martínez", "rider", "bora:2024-", ["Daniel Felipe Martinez"]),
    ("Geraint Thomas", "rider", "ineos:2010-2025", []),
    ("Luke Plapp", "rider", "jayco:2024-", ["Lucas Plapp"]),
    ("Ben O'Connor", "rider", "ag2r:2020-2024 jayco:2025-", []),
    ("Einer Rubio", "rider", "movistar:2020-", []),
    ("Jonathan Milan", "rider", "lidl-trek:2024-", []),
    ("Lilian Calmejane", "rider", "intermarche:2024-", []),
    ("Mike Teunissen", "rider", "visma:2019-2020", []),
    ("Dylan Groenewegen", "rider", "visma:2016-2022", []),
    ("Arnaud De Lie", "rider", "lotto:2022-", []),
    ("Stéphane Heulot", "staff", "lotto:2023-", []),
    ("John Lelangue", "staff", "lotto:2019-2022", []),
    ("Kurt Van de Wouwer", "staff", "lotto:2015-", []),
    ("Matteo Trentin", "rider", "uae:2021-2023", []),
    ("Tom Pidcock", "rider", "ineos:2019-2024 q36:2025-", []),
    ("Lenny Martinez", "rider", "groupama:2022-2024 bahrain:2025-", []),
    ("Maximilian Schachmann", "rider", "bora:2019-2024 soudal:2025-", []),
    ("Juan Ayuso", "rider", "uae:2021-2025 lidl-trek:2026-", []),
    ("Thibau Nys", "rider", "lidl-trek:2023-", []),
    ("Pello Bilbao", "rider", "bahrain:2020-", []),
    ("Romain Grégoire", "rider", "groupama:2023-", []),
    ("Nairo Quintana", "rider", "movistar:2023-", []),
    ("Christophe Laporte", "rider", "visma:2022-", []),
    ("Steven de Jongh", "staff", "visma:2022-2024", []),
    ("Tim Merlier", "rider", "alpecin:2019-2022 soudal:2023-", []),
    ("Derek Gee", "rider", "israel:2023-", []),
    ("Antonio Tiberi", "rider", "lidl-trek:2021-2023 bahrain:2023-", []),
    ("Milan Erzen", "staff", "bahrain:2017-", []),
    ("Florian Lipowitz", "rider", "bora:2022-", []),
    ("Ralph Denk", "staff", "bora:2010-", []),
    ("Egan Bernal", "rider", "ineos:2018-", []),
    ("Adam Yates", "rider", "jayco:2014-2020 ineos:2021-2022 uae:2023-", []),
    ("Enric Mas", "rider", "soudal:2017-2019 movistar:2020-", []),
    ("Eusebio Unzué", "staff", "movistar:1980-", []),
    ("Giulio Ciccone", "rider", "lidl-trek:2019-", []),
    ("Julien Jurdie", "staff", "", []),
    ("Jan Tratnik", "rider", "visma:2022-", []),
    ("Nils Politt", "rider", "bora:2021-2023 uae:2024-", []),
    ("Danny Stam", "staff", "sd-worx:2012-", []),
]

# Descriptions each story's notes resolve (the real tagger resolves these itself).
DESCRIPTIONS: dict[str, dict[str, str]] = {
    "seed-cavendish-anastopoulos": {
        "the Manxman": "Mark Cavendish",
        "the Belgian team": "Soudal Quick-Step",
        "Vinokourov's team": "Astana Qazaqstan",
        "The Greek ex-pro turned coach": "Vasilis Anastopoulos",
        "Vasi": "Vasilis Anastopoulos",
        "Anastopoulous": "Vasilis Anastopoulos",
        "Anastopolous": "Vasilis Anastopoulos",
        "Danish rider": "Michael Mørkøv",
    },
    "velo101-2025-08-evenepoel-redbull": {"l'équipe belge": "Soudal Quick-Step"},
    "wielrennenuptodate-2024-12-xds-astana": {"de Kazachse formatie": "Astana Qazaqstan"},
    "cyclingmagazine-2022-08-carapaz-ef": {
        "the pink-clad team": "EF Education-EasyPost",
        "the Dutch Bees": "Jumbo-Visma",
    },
    "escape-2024-08-alaphilippe-tudor": {
        "The Swiss squad": "Tudor Pro Cycling Team",
        "the Swiss team": "Tudor Pro Cycling Team",
    },
    "cn-2023-10-astana-sign-morkov": {
        "the Kazakhstani team": "Astana Qazaqstan",
        "The Dane": "Michael Mørkøv",
        "the Belgian team": "Soudal Quick-Step",
    },
    "terzotempo-2025-burgos-wiebes-balsamo": {
        "La campionessa europea": "Lorena Wiebes",
        "l'olandese": "Lorena Wiebes",
    },
    "cyclingmagazine-2023-07-woods-puy-de-dome": {"Rusty": "Michael Woods"},
    "wielerkrant-2023-04-ronde-pogacar-live": {"de Sloveen": "Tadej Pogačar"},
}


def _toml_str(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _roster_toml() -> str:
    lines: list[str] = []
    for team_id, names, aliases in TEAMS:
        lines += ["[[team]]", f"id = {_toml_str(team_id)}"]
        lines.append(f"aliases = [{', '.join(_toml_str(a) for a in aliases)}]")
        parts = []
        for name, start, end in names:
            fields = [f"name = {_toml_str(name)}"]
            if start:
                fields.append(f"from = {start}")
            if end:
                fields.append(f"until = {end}")
            parts.append("{ " + ", ".join(fields) + " }")
        lines += [f"names = [{', '.join(parts)}]", ""]
    for name, kind, stints, aliases in PEOPLE:
        lines += [f"[[{kind}]]", f"name = {_toml_str(name)}"]
        lines.append(f"aliases = [{', '.join(_toml_str(a) for a in aliases)}]")
        parts = []
        for stint in stints.split():
            team, years = stint.split(":")
            start, _, end = years.partition("-")
            fields = [f"team = {_toml_str(team)}", f"from = {start}"]
            if end:
                fields.append(f"until = {end}")
            parts.append("{ " + ", ".join(fields) + " }")
        lines += [f"teams = [{', '.join(parts)}]", ""]
    return "\n".join(lines)


ROSTER: Roster = parse_roster(_roster_toml(), "<test roster>")
TEAM_BY_NAME = {slugify(n.name): t.id for t in ROSTER.teams.values() for n in t.names} | {
    slugify(a): t.id for t in ROSTER.teams.values() for a in t.aliases
}
PERSON_BY_NAME = {slugify(p.name): p.id for p in ROSTER.people.values()}


def _fold(text: str) -> str:
    """Accent-free copy of the same length, so offsets still index the original."""
    out = []
    for ch in text:
        if ch in "øØ":
            out.append("o" if ch == "ø" else "O")
            continue
        base = unicodedata.normalize("NFKD", ch)[:1] or ch
        out.append(base if len(base) == 1 else ch)
    return "".join(out)


def _find_all(haystack: str, needle: str) -> Iterable[int]:
    start = haystack.find(needle)
    while start >= 0:
        before = haystack[start - 1] if start else " "
        after_i = start + len(needle)
        after = haystack[after_i] if after_i < len(haystack) else " "
        if not before.isalnum() and not after.isalnum():
            yield start
        start = haystack.find(needle, start + 1)


def make_mentions(
    text: str, names: Sequence[str], descriptions: dict[str, str] | None = None
) -> list[Mention]:
    """Mentions of the named entities: full name, aliases, surname; longest match first."""
    folded = _fold(text)
    lowered = folded.lower()
    candidates: list[tuple[str, str, str, bool]] = []  # alias, entity id, kind, any case
    for name in names:
        key = slugify(name)
        if key in TEAM_BY_NAME:
            team = ROSTER.teams[TEAM_BY_NAME[key]]
            for alias in (*team.all_names, *team.aliases):
                candidates.append((alias, team.id, "team", False))
        elif key in PERSON_BY_NAME:
            person = ROSTER.people[PERSON_BY_NAME[key]]
            aliases = [person.name, *person.aliases]
            words = person.name.split()
            if len(words) > 1:
                aliases += [" ".join(words[1:]), words[-1]]
            for alias in aliases:
                candidates.append((alias, person.id, person.kind, False))
    for phrase, name in (descriptions or {}).items():
        key = slugify(name)
        if key in TEAM_BY_NAME:
            candidates.append((phrase, TEAM_BY_NAME[key], "team", True))
        elif key in PERSON_BY_NAME:
            person = ROSTER.people[PERSON_BY_NAME[key]]
            candidates.append((phrase, person.id, person.kind, True))
    candidates.sort(key=lambda c: -len(c[0]))
    taken = [False] * len(text)
    found: list[Mention] = []
    for alias, entity_id, kind, any_case in candidates:
        needle = _fold(alias)
        hay = folded
        if any_case:
            needle, hay = needle.lower(), lowered
        for start in _find_all(hay, needle):
            end = start + len(needle)
            if any(taken[start:end]):
                continue
            for i in range(start, end):
                taken[i] = True
            found.append(Mention(entity_id, kind, start, end, "name"))  # type: ignore[arg-type]
    found.sort(key=lambda m: m.start)
    return found


# --- the corpus and scoring ----------------------------------------------------------


def _published(value: str | None) -> date | None:
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1], parts[2] if len(parts) > 2 else 15)


def load_corpus() -> list[dict]:
    with CORPUS.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def run_story(story: dict) -> tuple[bool, list[Move]]:
    text = story["title"] + "\n\n" + story["text"]
    names = [*story["riders"], *story["teams"], *story["people_other"]]
    mentions = make_mentions(text, names, DESCRIPTIONS.get(story["id"]))
    return extract_transfers(text, mentions, ROSTER, _published(story["published"]))


def _team_key(name: str | None) -> str | None:
    if name is None:
        return None
    return TEAM_BY_NAME.get(slugify(name), slugify(name))


def score(results: Sequence[tuple[dict, tuple[bool, list[Move]]]]) -> dict[str, float]:
    """Transfer-story F1, moves F1 on (person, to), status accuracy on the moves found."""
    tp = fp = fn = 0
    mtp = mfp = mfn = 0
    status_ok = status_n = 0
    for story, (is_transfer, moves) in results:
        gold = bool(story["is_transfer"])
        tp += gold and is_transfer
        fp += is_transfer and not gold
        fn += gold and not is_transfer
        gold_moves = {(slugify(m["person"]), _team_key(m["to"])): m for m in story["moves"]}
        got = {(slugify(m.person), _team_key(m.to_team)): m for m in moves}
        for key, move in got.items():
            if key in gold_moves:
                mtp += 1
                status_n += 1
                status_ok += move.status == gold_moves[key]["status"]
            else:
                mfp += 1
        mfn += len(set(gold_moves) - set(got))

    def f1(t: int, p: int, n: int) -> float:
        return 2 * t / (2 * t + p + n) if t else 0.0

    return {
        "transfer_f1": f1(tp, fp, fn),
        "moves_f1": f1(mtp, mfp, mfn),
        "status_accuracy": status_ok / status_n if status_n else 0.0,
    }


@pytest.fixture(scope="module")
def corpus() -> dict[str, dict]:
    return {story["id"]: story for story in load_corpus()}


def _by_person(moves: Sequence[Move]) -> dict[str, Move]:
    return {m.person: m for m in moves}


# --- the seed story -----------------------------------------------------------------------


def test_seed_story_moves(corpus: dict[str, dict]) -> None:
    is_transfer, moves = run_story(corpus["seed-cavendish-anastopoulos"])
    assert is_transfer
    got = _by_person(moves)
    anastopoulos = got["Vasilis Anastopoulos"]
    assert (anastopoulos.from_team, anastopoulos.to_team) == (
        "Soudal Quick-Step",
        "Astana Qazaqstan",
    )
    assert anastopoulos.status == "rumour"
    assert got["Michael Mørkøv"].to_team == "Astana Qazaqstan"
    assert got["Michael Mørkøv"].status == "rumour"
    assert got["Davide Ballerini"].status == "confirmed"
    assert got["Davide Ballerini"].from_team == "Soudal Quick-Step"
    assert got["Ide Schelling"].status == "confirmed"
    assert got["Ide Schelling"].from_team == "Bora-Hansgrohe"
    # Cavendish racing on with Astana is a contract extension, not a move.
    assert "Mark Cavendish" not in got
    assert set(got) == {
        "Vasilis Anastopoulos",
        "Michael Mørkøv",
        "Davide Ballerini",
        "Ide Schelling",
    }


# --- every story of the dev set ---------------------------------------------------------


def test_dev_set_meets_targets(corpus: dict[str, dict]) -> None:
    results = [(story, run_story(story)) for story in corpus.values()]
    figures = score(results)
    assert figures["transfer_f1"] >= 0.95, figures
    assert figures["moves_f1"] >= 0.85, figures
    assert figures["status_accuracy"] >= 0.9, figures


def _real_tagger():
    """The project's tagger over the bundled roster, or None while either is unfinished."""
    try:
        from feeds.nlp.tag import Tagger
        from feeds.roster import bundled_roster

        roster = bundled_roster()
        return Tagger(roster), roster
    except Exception:  # the tagger or roster data may still be landing
        return None


def test_dev_set_with_the_real_tagger(corpus: dict[str, dict]) -> None:
    """The whole pipeline: real tagger mentions, then this extractor, against the targets."""
    loaded = _real_tagger()
    if loaded is None:
        pytest.skip("feeds/nlp/tag or the bundled roster is not usable yet")
    tagger, roster = loaded
    names = {slugify(n.name): t.id for t in roster.teams.values() for n in t.names}
    names |= {slugify(a): t.id for t in roster.teams.values() for a in t.aliases}
    tp = fp = fn = mtp = mfp = mfn = status_ok = 0
    for story in corpus.values():
        tags = tagger.tag(story["title"], story["text"], _published(story["published"]))
        gold = bool(story["is_transfer"])
        tp += gold and tags.is_transfer
        fp += tags.is_transfer and not gold
        fn += gold and not tags.is_transfer
        want = {
            (slugify(m["person"]), names.get(slugify(m["to"] or ""))): m for m in story["moves"]
        }
        got = {(slugify(m.person), m.to_team_id): m for m in tags.moves}
        for key, move in got.items():
            if key in want:
                mtp += 1
                status_ok += move.status == want[key]["status"]
            else:
                mfp += 1
        mfn += len(set(want) - set(got))
    transfer_f1 = 2 * tp / (2 * tp + fp + fn)
    moves_f1 = 2 * mtp / (2 * mtp + mfp + mfn)
    assert transfer_f1 >= 0.90, (tp, fp, fn)
    assert moves_f1 >= 0.80, (mtp, mfp, mfn)
    assert status_ok / max(mtp, 1) >= 0.85, (status_ok, mtp)


NEGATIVES = [
    "terzotempo-2025-burgos-wiebes-balsamo",
    "zita-2022-04-ronde-van-der-poel",
    "cn-2024-03-van-aert-dwars-crash",
    "escape-2024-12-lefevere-steps-down",
    "cyclingmagazine-2023-07-woods-puy-de-dome",
    "ilfattonisseno-2024-05-giro-stage8-pogacar",
    "cn-2024-12-evenepoel-postal-van",
    "tijd-2019-07-jumbo-supermarket",
    "cn-2023-03-lotto-dstny-de-lie",
    "wielerkrant-2023-04-ronde-pogacar-live",
]


@pytest.mark.parametrize("story_id", NEGATIVES)
def test_not_transfer_stories(corpus: dict[str, dict], story_id: str) -> None:
    assert run_story(corpus[story_id]) == (False, [])


@pytest.mark.parametrize("story", load_corpus(), ids=lambda s: s["id"])
def test_each_story_moves(story: dict) -> None:
    is_transfer, moves = run_story(story)
    assert is_transfer == story["is_transfer"]
    got = {(m.person, _team_key(m.to_team), m.status) for m in moves}
    want = {(m["person"], _team_key(m["to"]), m["status"]) for m in story["moves"]}
    assert got == want


# --- small written cases, one language each ----------------------------------------------


def _run(text: str, names: Sequence[str], published: date = date(2024, 8, 1), **desc: str):
    return extract_transfers(text, make_mentions(text, names, desc), ROSTER, published)


def test_confirmed_signing_english() -> None:
    text = (
        "Tudor sign Marc Hirschi\n\nTudor Pro Cycling has signed Marc Hirschi from "
        "UAE Team Emirates for 2025."
    )
    ok, moves = _run(text, ["Marc Hirschi", "Tudor Pro Cycling Team", "UAE Team Emirates"])
    assert ok
    assert [(m.person, m.from_team, m.to_team, m.status, m.season) for m in moves] == [
        ("Marc Hirschi", "UAE Team Emirates", "Tudor Pro Cycling Team", "confirmed", 2025)
    ]


def test_rumour_dutch() -> None:
    text = (
        "Hirschi naar Tudor?\n\nMarc Hirschi zou volgend jaar de overstap maken naar Tudor, "
        "naar verluidt heeft hij UAE Team Emirates al ingelicht."
    )
    _, moves = _run(text, ["Marc Hirschi", "Tudor Pro Cycling Team", "UAE Team Emirates"])
    assert [(m.person, m.to_team, m.status, m.season) for m in moves] == [
        ("Marc Hirschi", "Tudor Pro Cycling Team", "rumour", 2025)
    ]


def test_french_italian_german_spanish() -> None:
    names = ["Marc Hirschi", "Tudor Pro Cycling Team", "UAE Team Emirates"]
    cases = {
        "Marc Hirschi rejoint Tudor\n\nMarc Hirschi quitte UAE Team Emirates et rejoint Tudor "
        "en 2025, a annoncé l'équipe.": "confirmed",
        "Hirschi verso la Tudor\n\nSecondo la Gazzetta, Marc Hirschi lascerà la UAE Team "
        "Emirates e approderà alla Tudor.": "rumour",
        "Hirschi wechselt zu Tudor\n\nMarc Hirschi wechselt zur kommenden Saison von UAE Team "
        "Emirates zu Tudor, das Team bestätigte den Transfer.": "confirmed",
        "Hirschi ficha por Tudor\n\nSegún fuentes cercanas, Marc Hirschi ficha por Tudor "
        "tras dejar el UAE Team Emirates.": "rumour",
    }
    for text, status in cases.items():
        ok, moves = _run(text, names)
        assert ok, text
        assert [(m.person, m.to_team, m.status) for m in moves] == [
            ("Marc Hirschi", "Tudor Pro Cycling Team", status)
        ], text


def test_contract_extension_is_not_a_move() -> None:
    text = (
        "Pogačar extends with UAE\n\nTadej Pogačar has extended his contract with UAE Team "
        "Emirates until 2030, the team announced."
    )
    assert _run(text, ["Tadej Pogačar", "UAE Team Emirates"]) == (False, [])


def test_abandon_is_not_a_move() -> None:
    text = (
        "Pedersen abandons the Tour\n\nMads Pedersen (Lidl-Trek) was forced to abandon the "
        "Tour de France after a crash and will leave the race to join his family."
    )
    assert _run(text, ["Mads Pedersen", "Lidl-Trek"]) == (False, [])


def test_background_history_is_not_a_move() -> None:
    text = (
        "Carapaz wins stage\n\nRichard Carapaz, who previously rode for Movistar Team before "
        "he joined Ineos Grenadiers, won the stage."
    )
    assert _run(text, ["Richard Carapaz", "Movistar Team", "Ineos Grenadiers"]) == (False, [])


def test_undated_story_does_not_use_todays_roster() -> None:
    text = (
        "Longo Borghini to UAE Team ADQ\n\nElisa Longo Borghini will join UAE Team ADQ "
        "from Lidl-Trek."
    )
    ok, moves = extract_transfers(
        text,
        make_mentions(text, ["Elisa Longo Borghini", "UAE Team ADQ", "Lidl-Trek"]),
        ROSTER,
        None,
    )
    assert ok and [m.to_team for m in moves] == ["UAE Team ADQ"]


# One story each, in the style of real reports: (title, body, published, entities,
# descriptions the tagger would resolve, is_transfer, {(person, to, status)}).
WRITTEN: list[
    tuple[str, str, str | None, list[str], dict[str, str], bool, set[tuple[str, str, str]]]
] = [
    (
        "Tom Pidcock joins Q36.5 Pro Cycling Team",
        "Q36.5 Pro Cycling Team have announced the signing of Tom Pidcock on a three-year "
        "deal. The British rider leaves Ineos Grenadiers after six seasons and will lead the "
        "Swiss team from 2025.",
        "2024-10-02",
        ["Tom Pidcock", "Q36.5 Pro Cycling Team", "Ineos Grenadiers"],
        {"The British rider": "Tom Pidcock", "the Swiss team": "Q36.5 Pro Cycling Team"},
        True,
        {("Tom Pidcock", "Q36.5 Pro Cycling Team", "confirmed")},
    ),
    (
        "Roglič in talks with Bora-Hansgrohe",
        "Primož Roglič is reportedly in talks with Bora-Hansgrohe about a move for 2024, "
        "according to Slovenian media. The Slovenian still has a contract with Jumbo-Visma "
        "until the end of 2025.",
        "2023-08-10",
        ["Primož Roglič", "Bora-Hansgrohe", "Jumbo-Visma"],
        {"The Slovenian": "Primož Roglič"},
        True,
        {("Primož Roglič", "Bora-Hansgrohe", "rumour")},
    ),
    (
        "Ufficiale: Filippo Ganna rinnova con la Ineos Grenadiers fino al 2027",
        "Filippo Ganna ha firmato il rinnovo del contratto con la Ineos Grenadiers fino al "
        "2027. Il piemontese resterà così nella squadra britannica.",
        "2024-06-10",
        ["Filippo Ganna", "Ineos Grenadiers"],
        {},
        False,
        set(),
    ),
    (
        "Wout Poels tekent bij XDS Astana",
        "Wout Poels heeft getekend bij Astana Qazaqstan. De Nederlander komt over van Bahrain "
        "Victorious en tekende een contract tot eind 2026.",
        "2024-10-02",
        ["Wout Poels", "Astana Qazaqstan", "Bahrain Victorious"],
        {"De Nederlander": "Wout Poels"},
        True,
        {("Wout Poels", "Astana Qazaqstan", "confirmed")},
    ),
    (
        "Lenny Martinez vers Bahrain Victorious",
        "Selon nos informations, Lenny Martinez devrait rejoindre Bahrain Victorious en 2025. "
        "Le grimpeur quitterait ainsi Groupama-FDJ, sa formation depuis ses débuts.",
        "2024-07-20",
        ["Lenny Martinez", "Bahrain Victorious", "Groupama-FDJ"],
        {},
        True,
        {("Lenny Martinez", "Bahrain Victorious", "rumour")},
    ),
    (
        "Schachmann wechselt zu Soudal Quick-Step",
        "Maximilian Schachmann wechselt zur kommenden Saison von Red Bull-Bora-Hansgrohe zu "
        "Soudal Quick-Step. Der Deutsche unterschreibt einen Zweijahresvertrag, wie das "
        "belgische Team am Montag mitteilte.",
        "2024-09-02",
        ["Maximilian Schachmann", "Red Bull-Bora-Hansgrohe", "Soudal Quick-Step"],
        {"Der Deutsche": "Maximilian Schachmann", "das belgische Team": "Soudal Quick-Step"},
        True,
        {("Maximilian Schachmann", "Soudal Quick-Step", "confirmed")},
    ),
    (
        "Ayuso ficha por Lidl-Trek",
        "Según fuentes cercanas al corredor, Juan Ayuso ficha por Lidl-Trek tras dejar el "
        "UAE Team Emirates-XRG. El alicantino firmaría hasta 2030.",
        "2025-08-15",
        ["Juan Ayuso", "Lidl-Trek", "UAE Team Emirates-XRG"],
        {},
        True,
        {("Juan Ayuso", "Lidl-Trek", "rumour")},
    ),
    (
        "Pogačar wins again",
        "Tadej Pogačar (UAE Team Emirates) joined the attack of Remco Evenepoel (Soudal "
        "Quick-Step) on the final climb, and the pair moved to the front before Pogačar left "
        "Evenepoel behind. Jonas Vingegaard (Visma-Lease a Bike) finished third.",
        "2024-07-14",
        [
            "Tadej Pogačar",
            "UAE Team Emirates",
            "Remco Evenepoel",
            "Soudal Quick-Step",
            "Jonas Vingegaard",
            "Visma | Lease a Bike",
        ],
        {},
        False,
        set(),
    ),
    (
        "Vingegaard leaves hospital",
        "Jonas Vingegaard has left hospital in Vitoria after his crash at the Itzulia Basque "
        "Country, Visma-Lease a Bike said. He will return to Denmark to continue his recovery.",
        "2024-04-10",
        ["Jonas Vingegaard", "Visma | Lease a Bike"],
        {},
        False,
        set(),
    ),
    (
        "Israel-Premier Tech becomes NSN Cycling",
        "Israel-Premier Tech will race as NSN Cycling Team from 2026 after a new sponsor "
        "joined the project. Riders such as Derek Gee will race under the new name.",
        "2025-10-01",
        ["Israel-Premier Tech", "Derek Gee"],
        {"NSN Cycling Team": "Israel-Premier Tech"},
        False,
        set(),
    ),
    (
        "Lotte Kopecky to leave SD Worx-Protime",
        "Lotte Kopecky will leave SD Worx-Protime at the end of the season, the team announced "
        "on Friday. Her destination is not yet known.",
        "2024-09-20",
        ["Lotte Kopecky", "SD Worx-Protime"],
        {},
        True,
        set(),
    ),
    (
        "UAE extend Pogačar's contract until 2030",
        "UAE Team Emirates have extended Tadej Pogačar's contract until 2030. The Slovenian "
        "said he was happy to stay with the team for the rest of his career.",
        "2024-05-06",
        ["Tadej Pogačar", "UAE Team Emirates"],
        {"The Slovenian": "Tadej Pogačar"},
        False,
        set(),
    ),
    (
        "Tim Merlier moves to Soudal Quick-Step",
        "Tim Merlier will ride for Soudal Quick-Step from 2023 after the Belgian team "
        "confirmed his arrival from Alpecin-Deceuninck. Mathieu van der Poel said he would "
        "miss his former teammate.",
        "2022-08-30",
        ["Tim Merlier", "Soudal Quick-Step", "Alpecin-Deceuninck", "Mathieu van der Poel"],
        {"the Belgian team": "Soudal Quick-Step"},
        True,
        {("Tim Merlier", "Quick-Step Alpha Vinyl", "confirmed")},
    ),
    (
        "Van der Poel: 'I will never leave Alpecin'",
        "Mathieu van der Poel has again said he will stay with Alpecin-Deceuninck for the rest "
        "of his career. 'I will never leave this team,' the Dutchman told Sporza.",
        "2024-06-01",
        ["Mathieu van der Poel", "Alpecin-Deceuninck"],
        {"the Dutchman": "Mathieu van der Poel"},
        False,
        set(),
    ),
    (
        "Lidl-Trek unveil 2025 signings",
        "Lidl-Trek have completed their recruitment for 2025. Thibau Nys steps up from the "
        "development team, while Juan Ayuso arrives from UAE Team Emirates and Mads Pedersen "
        "stays on until 2028. The team also signed Tim Wellens from UAE Team Emirates.",
        "2024-10-05",
        [
            "Lidl-Trek",
            "Thibau Nys",
            "Juan Ayuso",
            "UAE Team Emirates",
            "Mads Pedersen",
            "Tim Wellens",
        ],
        {},
        True,
        {("Juan Ayuso", "Lidl-Trek", "confirmed"), ("Tim Wellens", "Lidl-Trek", "confirmed")},
    ),
    (
        "Stage 18: Girmay wins the sprint in Barcelonnette",
        "Biniam Girmay (Intermarché-Wanty) took his fourth stage win of the Tour de France. "
        "Jasper Philipsen (Alpecin-Deceuninck) was second. Earlier, Remco Evenepoel, who is "
        "rumoured to be leaving Soudal Quick-Step, lost time on the final climb.",
        "2024-07-18",
        [
            "Biniam Girmay",
            "Intermarché-Wanty",
            "Jasper Philipsen",
            "Alpecin-Deceuninck",
            "Remco Evenepoel",
            "Soudal Quick-Step",
        ],
        {},
        False,
        set(),
    ),
    (
        "Vingegaard: 'Ik blijf bij Visma'",
        "Jonas Vingegaard blijft bij Visma-Lease a Bike. De Deen verlengde zijn contract tot "
        "eind 2028, zo maakte de ploeg maandag bekend. Er waren geruchten dat hij naar Red "
        "Bull-Bora-Hansgrohe zou vertrekken.",
        "2024-08-12",
        ["Jonas Vingegaard", "Visma | Lease a Bike", "Red Bull-Bora-Hansgrohe"],
        {"De Deen": "Jonas Vingegaard", "Red Bull-Bora-Hansgrohe": "Red Bull-Bora-Hansgrohe"},
        False,
        set(),
    ),
    (
        "Romain Grégoire prolonge avec Groupama-FDJ",
        "Romain Grégoire a prolongé son contrat avec Groupama-FDJ jusqu'en 2028, a annoncé "
        "l'équipe française. Le jeune grimpeur était courtisé par plusieurs formations.",
        "2025-08-20",
        ["Romain Grégoire", "Groupama-FDJ"],
        {},
        False,
        set(),
    ),
    (
        "Kopecky signs for Lidl-Trek? SD Worx deny reports",
        "Lotte Kopecky has signed for Lidl-Trek according to Belgian newspaper Het Nieuwsblad, "
        "but SD Worx-Protime have denied the report, insisting the world champion remains "
        "under contract.",
        "2024-10-10",
        ["Lotte Kopecky", "Lidl-Trek", "SD Worx-Protime"],
        {"SD Worx": "SD Worx-Protime"},
        True,
        {("Lotte Kopecky", "Lidl-Trek", "rumour")},
    ),
    (
        "Ayuso: 'I want to win the Giro with UAE'",
        "Juan Ayuso said he wants to lead UAE Team Emirates at the Giro d'Italia next year. The "
        "Spaniard joined the team in 2021 and has since become one of its leaders.",
        "2024-12-15",
        ["Juan Ayuso", "UAE Team Emirates"],
        {"The Spaniard": "Juan Ayuso", "the team": "UAE Team Emirates"},
        False,
        set(),
    ),
    (
        "Pello Bilbao s'engage avec Movistar",
        "Pello Bilbao s'engage avec Movistar Team pour les deux prochaines saisons. L'Espagnol "
        "quitte Bahrain Victorious après cinq ans.",
        "2024-08-22",
        ["Pello Bilbao", "Movistar Team", "Bahrain Victorious"],
        {"L'Espagnol": "Pello Bilbao"},
        True,
        {("Pello Bilbao", "Movistar Team", "confirmed")},
    ),
    (
        "Transfernieuws: Wellens naar Soudal",
        "Tim Wellens maakt de overstap van UAE Team Emirates-XRG naar Soudal Quick-Step. De "
        "Belg tekende een contract voor twee seizoenen.",
        "2025-09-03",
        ["Tim Wellens", "UAE Team Emirates-XRG", "Soudal Quick-Step"],
        {"De Belg": "Tim Wellens"},
        True,
        {("Tim Wellens", "Soudal Quick-Step", "confirmed")},
    ),
    (
        "Transfer round-up",
        "Juan Ayuso joins Lidl-Trek, Tom Pidcock signs with Q36.5 Pro Cycling Team and Lenny "
        "Martinez moves to Bahrain Victorious, their teams announced on Monday.",
        "2024-08-19",
        [
            "Juan Ayuso",
            "Lidl-Trek",
            "Tom Pidcock",
            "Q36.5 Pro Cycling Team",
            "Lenny Martinez",
            "Bahrain Victorious",
        ],
        {},
        True,
        {
            ("Juan Ayuso", "Lidl-Trek", "confirmed"),
            ("Tom Pidcock", "Q36.5 Pro Cycling Team", "confirmed"),
            ("Lenny Martinez", "Bahrain Victorious", "confirmed"),
        },
    ),
    (
        "Dutch sports director swaps Visma for Lidl-Trek",
        "Sports director Steven de Jongh is leaving Visma-Lease a Bike for Lidl-Trek, the "
        "American team confirmed on Wednesday. He will start in January.",
        "2024-11-20",
        ["Steven de Jongh", "Visma | Lease a Bike", "Lidl-Trek"],
        {},
        True,
        {("Steven de Jongh", "Lidl-Trek", "confirmed")},
    ),
]


WRITTEN += [
    (
        "Ufficiale: Antonio Tiberi passa alla Bahrain Victorious",
        "La Bahrain Victorious ha annunciato l'ingaggio di Antonio Tiberi, che arriva dalla "
        "Trek-Segafredo con effetto immediato. Il 22enne di Frosinone ha firmato un contratto "
        'fino al 2025. "Sono felice di questa nuova opportunità", ha dichiarato Tiberi. Il team '
        "manager Milan Erzen ha detto che il corridore laziale è un talento per le corse a "
        "tappe. Tiberi debutterà con la nuova maglia al Giro d'Austria.",
        "2023-06-30",
        ["Antonio Tiberi", "Bahrain Victorious", "Trek-Segafredo", "Milan Erzen"],
        {},
        True,
        {("Antonio Tiberi", "Bahrain Victorious", "confirmed")},
    ),
    (
        "Lipowitz: Gerüchte um Wechsel zu Ineos",
        "Florian Lipowitz, Dritter der Tour de France, soll laut Medienberichten das Interesse "
        "von Ineos Grenadiers geweckt haben. Der 24-Jährige hat bei Red Bull-Bora-Hansgrohe noch "
        "einen Vertrag bis Ende 2026. Teamchef Ralph Denk sagte, man plane fest mit Lipowitz und "
        "werde ihn nicht abgeben.",
        "2025-07-28",
        ["Florian Lipowitz", "Ineos Grenadiers", "Red Bull-Bora-Hansgrohe", "Ralph Denk"],
        {},
        True,
        {("Florian Lipowitz", "Ineos Grenadiers", "rumour")},
    ),
    (
        "Demi Vollering signe chez FDJ-Suez",
        "C'est officiel : Demi Vollering rejoindra FDJ-Suez en 2025. La Néerlandaise, lauréate "
        "du Tour de France Femmes 2023, quitte SD Worx-Protime après quatre saisons. Elle a "
        "signé un contrat de trois ans avec l'équipe française, qui compte déjà Évita Muzic "
        "dans ses rangs.",
        "2024-10-01",
        ["Demi Vollering", "FDJ-Suez", "SD Worx-Protime", "Évita Muzic"],
        {"La Néerlandaise": "Demi Vollering", "l'équipe française": "FDJ-Suez"},
        True,
        {("Demi Vollering", "FDJ-Suez", "confirmed")},
    ),
    (
        "Tour de France: Pogačar strengthens grip on yellow",
        "Tadej Pogačar extended his lead on stage 11 as Jonas Vingegaard and Remco Evenepoel "
        "struggled on the climbs of the Massif Central. Primož Roglič, who left Jumbo-Visma for "
        "Bora-Hansgrohe last winter, lost more than a minute. Egan Bernal of Ineos Grenadiers "
        "finished ninth. Adam Yates, who joined UAE Team Emirates in 2023, paced his leader.",
        "2024-07-10",
        [
            "Tadej Pogačar",
            "Jonas Vingegaard",
            "Remco Evenepoel",
            "Primož Roglič",
            "Jumbo-Visma",
            "Bora-Hansgrohe",
            "Egan Bernal",
            "Ineos Grenadiers",
            "Adam Yates",
            "UAE Team Emirates",
        ],
        {},
        False,
        set(),
    ),
    (
        "Enric Mas signs new deal with Movistar",
        "Enric Mas has signed a contract extension with Movistar Team that keeps him at the "
        "Spanish squad until 2027. The 29-year-old joined Movistar from Quick-Step in 2020 and "
        "has finished second at the Vuelta three times. Team manager Eusebio Unzué said he was "
        "delighted that Mas would remain the team's leader.",
        "2024-09-15",
        ["Enric Mas", "Movistar Team", "Soudal Quick-Step", "Eusebio Unzué"],
        {},
        False,
        set(),
    ),
    (
        "Giulio Ciccone linked with UAE move, Lidl-Trek confident he stays",
        "Giulio Ciccone has been linked with a move to UAE Team Emirates for 2025, according to "
        "Italian reports. Lidl-Trek general manager Luca Guercilena, however, said he was "
        "confident the Abruzzo climber would stay with the team. Ciccone's contract expires at "
        "the end of 2024.",
        "2024-06-20",
        ["Giulio Ciccone", "UAE Team Emirates", "Lidl-Trek", "Luca Guercilena"],
        {},
        True,
        {("Giulio Ciccone", "UAE Team Emirates", "rumour")},
    ),
    (
        "Jurdie verlaat Decathlon AG2R La Mondiale",
        "Ploegleider Julien Jurdie verlaat Decathlon AG2R La Mondiale na meer dan twintig jaar. "
        "De Fransman stopt als sportdirecteur en keert de wielersport de rug toe, zo maakte de "
        "ploeg bekend.",
        "2024-12-02",
        ["Julien Jurdie", "Decathlon AG2R La Mondiale"],
        {"De Fransman": "Julien Jurdie"},
        True,
        # A staff member leaving the sport is a move to nobody (the annotation's null "to").
        {("Julien Jurdie", None, "confirmed")},
    ),
]

WRITTEN += [
    (
        "Lidl-Trek confirm the signings of Pidcock and Bernal",
        "Lidl-Trek have confirmed the signings of Tom Pidcock and Egan Bernal for next season. "
        "Both riders arrive from Ineos Grenadiers.",
        "2024-09-25",
        ["Lidl-Trek", "Tom Pidcock", "Egan Bernal", "Ineos Grenadiers"],
        {},
        True,
        {("Tom Pidcock", "Lidl-Trek", "confirmed"), ("Egan Bernal", "Lidl-Trek", "confirmed")},
    ),
    (
        "Ciccone agrees two-year deal with UAE Team Emirates",
        "Giulio Ciccone has agreed a two-year deal with UAE Team Emirates, the team announced. "
        "The Italian currently rides for Lidl-Trek.",
        "2024-08-05",
        ["Giulio Ciccone", "UAE Team Emirates", "Lidl-Trek"],
        {"The Italian": "Giulio Ciccone"},
        True,
        {("Giulio Ciccone", "UAE Team Emirates", "confirmed")},
    ),
    (
        "Bernal versterkt Lidl-Trek",
        "Egan Bernal versterkt volgend seizoen Lidl-Trek. De Colombiaan komt over van Ineos "
        "Grenadiers, zo maakte zijn nieuwe ploeg bekend.",
        "2024-08-20",
        ["Egan Bernal", "Lidl-Trek", "Ineos Grenadiers"],
        {"De Colombiaan": "Egan Bernal"},
        True,
        {("Egan Bernal", "Lidl-Trek", "confirmed")},
    ),
    (
        "Ciccone lascia la Lidl-Trek e si accasa alla Jayco",
        "Secondo indiscrezioni, Giulio Ciccone lascerà la Lidl-Trek a fine stagione per "
        "accasarsi alla Team Jayco AlUla.",
        "2024-08-20",
        ["Giulio Ciccone", "Lidl-Trek", "Team Jayco AlUla"],
        {},
        True,
        {("Giulio Ciccone", "Team Jayco AlUla", "rumour")},
    ),
    (
        "Mads Pedersen signs new contract with Lidl-Trek",
        "Mads Pedersen has signed a new contract with Lidl-Trek that runs until 2028. The former "
        "world champion joined the team in 2017.",
        "2024-06-12",
        ["Mads Pedersen", "Lidl-Trek"],
        {},
        False,
        set(),
    ),
    (
        "Pidcock kommt von Ineos: Q36.5 holt britischen Star",
        "Q36.5 Pro Cycling Team hat Tom Pidcock verpflichtet. Der Brite kommt von Ineos "
        "Grenadiers und unterschreibt bis 2027.",
        "2024-09-02",
        ["Tom Pidcock", "Q36.5 Pro Cycling Team", "Ineos Grenadiers"],
        {"Der Brite": "Tom Pidcock"},
        True,
        {("Tom Pidcock", "Q36.5 Pro Cycling Team", "confirmed")},
    ),
    (
        "Q36.5 sign Pidcock",
        "Q36.5 Pro Cycling Team have announced the signing of Tom Pidcock, who could lead the "
        "team at the Giro d'Italia next year.",
        "2024-10-02",
        ["Tom Pidcock", "Q36.5 Pro Cycling Team"],
        {},
        True,
        {("Tom Pidcock", "Q36.5 Pro Cycling Team", "confirmed")},
    ),
]
WRITTEN.append(
    (
        "Longo Borghini leaves Lidl-Trek",
        "Lidl-Trek manager Luca Guercilena confirmed that she will join UAE Team ADQ next year, "
        "after six seasons with the American team.",
        "2024-10-02",
        ["Elisa Longo Borghini", "Lidl-Trek", "Luca Guercilena", "UAE Team ADQ"],
        {},
        True,
        {("Elisa Longo Borghini", "UAE Team ADQ", "confirmed")},
    )
)

WRITTEN += [
    (
        "Juan Ayuso firma con Lidl-Trek hasta 2030",
        "El Lidl-Trek ha anunciado el fichaje de Juan Ayuso, que llega procedente del UAE Team "
        "Emirates-XRG. El corredor de Jávea ha firmado un contrato de cinco temporadas.",
        "2025-08-20",
        ["Juan Ayuso", "Lidl-Trek", "UAE Team Emirates-XRG"],
        {"El corredor de Jávea": "Juan Ayuso"},
        True,
        {("Juan Ayuso", "Lidl-Trek", "confirmed")},
    ),
    (
        "Enric Mas suena para el Lidl-Trek",
        "Según varios medios, Enric Mas estaría negociando su salida del Movistar Team y podría "
        "fichar por el Lidl-Trek la próxima temporada.",
        "2024-07-01",
        ["Enric Mas", "Movistar Team", "Lidl-Trek"],
        {},
        True,
        {("Enric Mas", "Lidl-Trek", "rumour")},
    ),
]

WRITTEN += [
    (
        "Lidl-Trek for 2025",
        "Lidl-Trek have completed their roster. New signings: Tom Pidcock (Ineos Grenadiers), "
        "Egan Bernal (Ineos Grenadiers) and Juan Ayuso.",
        "2024-11-02",
        ["Lidl-Trek", "Tom Pidcock", "Ineos Grenadiers", "Egan Bernal", "Juan Ayuso"],
        {},
        True,
        {
            ("Tom Pidcock", "Lidl-Trek", "confirmed"),
            ("Egan Bernal", "Lidl-Trek", "confirmed"),
            ("Juan Ayuso", "Lidl-Trek", "confirmed"),
        },
    ),
    (
        "Lotte Kopecky released from her contract",
        "SD Worx-Protime have released Lotte Kopecky from her contract with immediate effect, "
        "the team said on Monday.",
        "2024-11-02",
        ["Lotte Kopecky", "SD Worx-Protime"],
        {},
        True,
        set(),
    ),
]

WRITTEN += [
    (
        "Pidcock set for Q36.5 move",
        "Tom Pidcock will join Q36.5 Pro Cycling Team next season. The Briton leaves Ineos "
        "Grenadiers after four years.",
        "2024-09-02",
        ["Tom Pidcock", "Q36.5 Pro Cycling Team", "Ineos Grenadiers"],
        {"The Briton": "Tom Pidcock"},
        True,
        {("Tom Pidcock", "Q36.5 Pro Cycling Team", "rumour")},
    ),
    (
        "Evenepoel set to join Red Bull after Soudal confirm his exit",
        "Red Bull-Bora-Hansgrohe announced on Tuesday that they have signed Remco Evenepoel "
        "from Soudal Quick-Step.",
        "2025-08-05",
        ["Remco Evenepoel", "Red Bull-Bora-Hansgrohe", "Soudal Quick-Step"],
        {"Red Bull": "Red Bull-Bora-Hansgrohe", "Soudal": "Soudal Quick-Step"},
        True,
        {("Remco Evenepoel", "Red Bull-Bora-Hansgrohe", "confirmed")},
    ),
]

WRITTEN.append(
    (
        "Rumour mill: Pidcock and Q36.5",
        "Tom Pidcock will join Q36.5 Pro Cycling Team next season after four years at Ineos "
        "Grenadiers.",
        "2024-09-02",
        ["Tom Pidcock", "Q36.5 Pro Cycling Team", "Ineos Grenadiers"],
        {},
        True,
        {("Tom Pidcock", "Q36.5 Pro Cycling Team", "rumour")},
    )
)

WRITTEN += [
    (
        "Roglič completes Bora-Hansgrohe move",
        "Primož Roglič has completed his move to Bora-Hansgrohe, the German team confirmed on "
        "Thursday, ending months of speculation. The Slovenian was released from the final year "
        "of his contract by Jumbo-Visma.",
        "2023-10-26",
        ["Primož Roglič", "Bora-Hansgrohe", "Jumbo-Visma"],
        {"the German team": "Bora-Hansgrohe", "The Slovenian": "Primož Roglič"},
        True,
        {("Primož Roglič", "Bora-Hansgrohe", "confirmed")},
    ),
    (
        "Wout van Aert to stay at Visma despite interest from Red Bull",
        "Wout van Aert will stay at Visma | Lease a Bike next season despite interest from Red "
        "Bull-Bora-Hansgrohe. The Belgian has a contract until 2026.",
        "2024-07-30",
        ["Wout van Aert", "Visma | Lease a Bike", "Red Bull-Bora-Hansgrohe"],
        {"Red Bull": "Red Bull-Bora-Hansgrohe", "Visma": "Visma | Lease a Bike"},
        False,
        set(),
    ),
    (
        "Uijtdebroeks maakt de overstap naar Movistar",
        "Cian Uijtdebroeks maakt na één seizoen alweer de overstap naar Movistar Team. De Belg "
        "verlaat Visma | Lease a Bike en tekent een contract voor drie jaar.",
        "2025-09-01",
        ["Cian Uijtdebroeks", "Movistar Team", "Visma | Lease a Bike"],
        {"De Belg": "Cian Uijtdebroeks", "Movistar": "Movistar Team"},
        True,
        {("Cian Uijtdebroeks", "Movistar Team", "confirmed")},
    ),
    (
        "Tiberi nel mirino della Movistar",
        "Secondo Tuttobiciweb, Antonio Tiberi sarebbe nel mirino della Movistar Team per il "
        "2025. Il laziale ha un contratto con la Bahrain Victorious fino al 2025.",
        "2024-06-20",
        ["Antonio Tiberi", "Movistar Team", "Bahrain Victorious"],
        {"Movistar": "Movistar Team"},
        True,
        {("Antonio Tiberi", "Movistar Team", "rumour")},
    ),
    (
        "Pidcock to leave Ineos",
        "Tom Pidcock will leave Ineos Grenadiers at the end of the season, with Q36.5 Pro "
        "Cycling Team his likely destination.",
        "2024-08-01",
        ["Tom Pidcock", "Ineos Grenadiers", "Q36.5 Pro Cycling Team"],
        {"Ineos": "Ineos Grenadiers"},
        True,
        {("Tom Pidcock", "Q36.5 Pro Cycling Team", "rumour")},
    ),
    (
        "Omloop Het Nieuwsblad: Tratnik wins",
        "Jan Tratnik (Visma | Lease a Bike) won Omloop Het Nieuwsblad after leaving Nils Politt "
        "(UAE Team Emirates) in the final kilometres. Politt, who moved to UAE Team Emirates from "
        "Bora-Hansgrohe this winter, had to settle for second.",
        "2024-03-02",
        [
            "Jan Tratnik",
            "Visma | Lease a Bike",
            "Nils Politt",
            "UAE Team Emirates",
            "Bora-Hansgrohe",
        ],
        {},
        False,
        set(),
    ),
]

WRITTEN += [
    (
        "Akkoord: Uijtdebroeks mag naar Visma | Lease a Bike",
        "Cian Uijtdebroeks rijdt volgend seizoen dan toch voor Visma | Lease a Bike. De ploeg en "
        "Bora-Hansgrohe hebben een akkoord bereikt over de transfer van de Belgische klimmer, zo "
        "maakten beide ploegen donderdag bekend. Uijtdebroeks had zijn contract bij de Duitse "
        "ploeg eenzijdig opgezegd, waarna een juridisch steekspel volgde.",
        "2023-12-21",
        ["Cian Uijtdebroeks", "Visma | Lease a Bike", "Bora-Hansgrohe"],
        {"de Belgische klimmer": "Cian Uijtdebroeks", "de Duitse ploeg": "Bora-Hansgrohe"},
        True,
        {("Cian Uijtdebroeks", "Jumbo-Visma", "confirmed")},
    ),
    (
        "Uijtdebroeks free to join Visma after teams settle dispute",
        "Cian Uijtdebroeks will ride for Visma | Lease a Bike next season after Bora-Hansgrohe "
        "and the Dutch team reached an agreement, ending a legal dispute over the Belgian's "
        "contract.",
        "2023-12-21",
        ["Cian Uijtdebroeks", "Visma | Lease a Bike", "Bora-Hansgrohe"],
        {"Visma": "Visma | Lease a Bike", "the Dutch team": "Visma | Lease a Bike"},
        True,
        {("Cian Uijtdebroeks", "Jumbo-Visma", "confirmed")},
    ),
    (
        "Soudal Quick-Step present their 2023 kit",
        "Soudal Quick-Step presented their new kit in Calpe on Tuesday. Remco Evenepoel and Tim "
        "Merlier modelled the jersey. Team manager Patrick Lefevere said the team aims to win the "
        "Tour of Flanders again.",
        "2023-01-10",
        ["Soudal Quick-Step", "Remco Evenepoel", "Tim Merlier", "Patrick Lefevere"],
        {},
        False,
        set(),
    ),
    (
        "Van Aert out of Paris-Nice with illness",
        "Wout van Aert will miss Paris-Nice because of illness, Visma | Lease a Bike announced. "
        "The Belgian will return to racing at the E3 Saxo Classic, where he will join teammates "
        "Christophe Laporte and Matteo Jorgenson.",
        "2024-02-15",
        ["Wout van Aert", "Visma | Lease a Bike", "Christophe Laporte", "Matteo Jorgenson"],
        {"The Belgian": "Wout van Aert"},
        False,
        set(),
    ),
    (
        "Kopecky wint het WK en blijft bij SD Worx-Protime",
        "Lotte Kopecky heeft opnieuw de wereldtitel veroverd. De Belgische blijft ook volgend "
        "seizoen bij SD Worx-Protime, ondanks interesse van Lidl-Trek.",
        "2024-10-12",
        ["Lotte Kopecky", "SD Worx-Protime", "Lidl-Trek"],
        {"De Belgische": "Lotte Kopecky"},
        False,
        set(),
    ),
    (
        "Vollering: 'Ik kijk uit naar FDJ-Suez'",
        "Demi Vollering kijkt uit naar haar overstap naar FDJ-Suez. De Nederlandse rijdt nog tot "
        "het einde van het seizoen voor SD Worx-Protime, waarna ze haar nieuwe ploeg vervoegt.",
        "2024-08-14",
        ["Demi Vollering", "FDJ-Suez", "SD Worx-Protime"],
        {"De Nederlandse": "Demi Vollering"},
        True,
        {("Demi Vollering", "FDJ-Suez", "confirmed")},
    ),
]

WRITTEN.append(
    (
        "Lidl-Trek haalt Ayuso binnen",
        "Lidl-Trek haalt Juan Ayuso binnen. De Spanjaard komt over van UAE Team Emirates-XRG en "
        "tekende een contract tot 2030.",
        "2025-08-20",
        ["Lidl-Trek", "Juan Ayuso", "UAE Team Emirates-XRG"],
        {"De Spanjaard": "Juan Ayuso"},
        True,
        {("Juan Ayuso", "Lidl-Trek", "confirmed")},
    )
)

WRITTEN += [
    (
        "Pidcock and Ineos Grenadiers part ways",
        "Tom Pidcock and Ineos Grenadiers have agreed to end his contract a year early, the team "
        "said on Monday.",
        "2024-10-01",
        ["Tom Pidcock", "Ineos Grenadiers"],
        {},
        True,
        set(),
    ),
    (
        "Evenepoel joins Soudal Quick-Step teammates at training camp",
        "Remco Evenepoel joined his teammates in Calpe on Monday, a week after his crash.",
        "2024-12-16",
        ["Remco Evenepoel", "Soudal Quick-Step"],
        {},
        False,
        set(),
    ),
]

WRITTEN += [
    (
        "Roglič signs for Bora-Hansgrohe",
        "Primož Roglič will ride for Bora-Hansgrohe from 2024 after the German team announced "
        "his signing on Thursday. The Slovenian, who won the Giro d'Italia this year, leaves "
        "Jumbo-Visma after eight seasons. Roglič joined the Dutch team in 2016 after switching "
        "from ski jumping. Bora-Hansgrohe's Jai Hindley said he welcomed the arrival. Meanwhile "
        "Sepp Kuss extended his contract with Jumbo-Visma until 2026.",
        "2023-10-26",
        ["Primož Roglič", "Bora-Hansgrohe", "Jumbo-Visma", "Jai Hindley", "Sepp Kuss"],
        {
            "the German team": "Bora-Hansgrohe",
            "the Dutch team": "Jumbo-Visma",
            "The Slovenian": "Primož Roglič",
        },
        True,
        {("Primož Roglič", "Bora-Hansgrohe", "confirmed")},
    ),
    (
        "Alaphilippe en discussions avec Tudor",
        "Selon L'Équipe, Julian Alaphilippe serait en discussions avancées avec Tudor Pro Cycling "
        "Team. Le double champion du monde, dont le contrat avec Soudal Quick-Step expire à la "
        "fin de la saison, avait été annoncé proche de TotalEnergies au printemps. Patrick "
        "Lefevere a confirmé que le Français ne serait pas prolongé.",
        "2024-07-20",
        [
            "Julian Alaphilippe",
            "Tudor Pro Cycling Team",
            "Soudal Quick-Step",
            "TotalEnergies",
            "Patrick Lefevere",
        ],
        {"le Français": "Julian Alaphilippe", "Tudor": "Tudor Pro Cycling Team"},
        True,
        {("Julian Alaphilippe", "Tudor Pro Cycling Team", "rumour")},
    ),
    (
        "Kopecky bleibt, Vollering geht",
        "Lotte Kopecky hat ihren Vertrag bei SD Worx-Protime bis 2027 verlängert. Demi Vollering "
        "dagegen wechselt wie bereits bekannt zu FDJ-Suez. Teamchef Danny Stam sagte, man sei "
        "stolz auf die gemeinsame Zeit.",
        "2024-09-10",
        ["Lotte Kopecky", "SD Worx-Protime", "Demi Vollering", "FDJ-Suez", "Danny Stam"],
        {},
        True,
        {("Demi Vollering", "FDJ-Suez", "confirmed")},
    ),
    (
        "Ciclomercato: tutti i movimenti della Lidl-Trek",
        "La Lidl-Trek ufficializza l'arrivo di Giulio Ciccone? No: il corridore abruzzese resta in "
        "squadra. Arrivano invece Tim Wellens dalla UAE Team Emirates e Juan Ayuso, mentre Mads "
        "Pedersen ha rinnovato fino al 2028.",
        "2024-10-20",
        [
            "Lidl-Trek",
            "Giulio Ciccone",
            "Tim Wellens",
            "UAE Team Emirates",
            "Juan Ayuso",
            "Mads Pedersen",
        ],
        {},
        True,
        {("Tim Wellens", "Lidl-Trek", "confirmed"), ("Juan Ayuso", "Lidl-Trek", "confirmed")},
    ),
]

WRITTEN.append(
    (
        "Van Baarle and Kelderman to Jumbo-Visma",
        "Ineos lost Dylan van Baarle to Jumbo-Visma for next year, while the Dutch champions are "
        "also bringing back Wilco Kelderman after six years away.",
        "2022-08-19",
        ["Ineos Grenadiers", "Dylan van Baarle", "Jumbo-Visma", "Wilco Kelderman"],
        {},
        True,
        {
            ("Dylan van Baarle", "Jumbo-Visma", "confirmed"),
            ("Wilco Kelderman", "Jumbo-Visma", "confirmed"),
        },
    )
)

WRITTEN += [
    (
        "Pogačar to UAE until 2030",
        "Tadej Pogačar has extended his contract with UAE Team Emirates until 2030, the team "
        "announced on Monday.",
        None,
        ["Tadej Pogačar", "UAE Team Emirates"],
        {},
        False,
        set(),
    ),
    (
        "Ciccone turns down Lidl-Trek offer",
        "Giulio Ciccone turned down a new contract with Lidl-Trek to join Team Jayco AlUla, the "
        "Australian team announced.",
        "2024-08-20",
        ["Giulio Ciccone", "Lidl-Trek", "Team Jayco AlUla"],
        {"the Australian team": "Team Jayco AlUla"},
        True,
        {("Giulio Ciccone", "Team Jayco AlUla", "confirmed")},
    ),
]

WRITTEN.append(
    (
        "Groves stays at Alpecin-Deceuninck",
        "Kaden Groves will stay at Alpecin-Deceuninck. The Australian, who was linked with a move "
        "to Astana Qazaqstan last summer, has extended his contract.",
        "2025-01-10",
        ["Kaden Groves", "Alpecin-Deceuninck", "Astana Qazaqstan"],
        {"The Australian": "Kaden Groves"},
        False,
        set(),
    )
)

WRITTEN += [
    (
        "È ufficiale: Ganna lascia la Ineos e firma con la Lidl-Trek",
        "Filippo Ganna lascia la Ineos Grenadiers dopo otto stagioni e firma un contratto "
        "triennale con la Lidl-Trek, come annunciato oggi dalla squadra americana.",
        "2025-08-01",
        ["Filippo Ganna", "Ineos Grenadiers", "Lidl-Trek"],
        {"la Ineos": "Ineos Grenadiers"},
        True,
        {("Filippo Ganna", "Lidl-Trek", "confirmed")},
    ),
    (
        "Ganna verso la Lidl-Trek?",
        "Secondo La Gazzetta dello Sport, Filippo Ganna potrebbe lasciare la Ineos Grenadiers per "
        "la Lidl-Trek a fine stagione.",
        "2025-06-01",
        ["Filippo Ganna", "Ineos Grenadiers", "Lidl-Trek"],
        {"la Ineos": "Ineos Grenadiers"},
        True,
        {("Filippo Ganna", "Lidl-Trek", "rumour")},
    ),
    (
        "Offiziell: Lipowitz unterschreibt bei Ineos",
        "Florian Lipowitz unterschreibt bei Ineos Grenadiers einen Vertrag bis 2028, teilte das "
        "britische Team am Mittwoch mit. Der Deutsche verlässt Red Bull-Bora-Hansgrohe.",
        "2025-08-20",
        ["Florian Lipowitz", "Ineos Grenadiers", "Red Bull-Bora-Hansgrohe"],
        {"Ineos": "Ineos Grenadiers", "Der Deutsche": "Florian Lipowitz"},
        True,
        {("Florian Lipowitz", "Ineos Grenadiers", "confirmed")},
    ),
    (
        "Grégoire vers la Visma ?",
        "Selon plusieurs médias, Romain Grégoire pourrait rejoindre Visma | Lease a Bike la "
        "saison prochaine. Le Bisontin est sous contrat avec Groupama-FDJ jusqu'en 2026.",
        "2025-07-01",
        ["Romain Grégoire", "Visma | Lease a Bike", "Groupama-FDJ"],
        {"la Visma": "Visma | Lease a Bike", "Visma": "Visma | Lease a Bike"},
        True,
        {("Romain Grégoire", "Visma | Lease a Bike", "rumour")},
    ),
    (
        "Ayuso move to Lidl-Trek expected next week",
        "Juan Ayuso's move to Lidl-Trek is expected to be announced next week, according to "
        "Spanish media. The 22-year-old has had a difficult relationship with UAE Team "
        "Emirates-XRG.",
        "2025-08-10",
        ["Juan Ayuso", "Lidl-Trek", "UAE Team Emirates-XRG"],
        {},
        True,
        {("Juan Ayuso", "Lidl-Trek", "rumour")},
    ),
    (
        "Lidl-Trek sign Ayuso",
        "UAE Team Emirates-XRG confirmed on Monday that Juan Ayuso will leave, and Lidl-Trek "
        "announced his signing hours later. Ayuso is expected to target the Giro d'Italia.",
        "2025-08-12",
        ["Juan Ayuso", "Lidl-Trek", "UAE Team Emirates-XRG"],
        {},
        True,
        {("Juan Ayuso", "Lidl-Trek", "confirmed")},
    ),
]


# Race reports read without a date, so the roster cannot say who rides where.
RACE_REPORTS = [
    (
        "Pogačar wins the Tour of Flanders",
        "Tadej Pogačar made his move on the Oude Kwaremont, and UAE Team Emirates controlled the "
        "chase behind. Mads Pedersen (Lidl-Trek) joined Wout van Aert in the second group.",
        ["Tadej Pogačar", "UAE Team Emirates", "Mads Pedersen", "Lidl-Trek", "Wout van Aert"],
    ),
    (
        "Evenepoel s'impose au sommet",
        "Remco Evenepoel a rejoint le groupe de tête avec Primož Roglič (Red Bull-Bora-Hansgrohe) "
        "avant de s'imposer seul.",
        ["Remco Evenepoel", "Primož Roglič", "Red Bull-Bora-Hansgrohe"],
    ),
    (
        "Giro, Milan fa il bis",
        "Jonathan Milan (Lidl-Trek) passa al comando della classifica a punti dopo la volata di "
        "Fossano.",
        ["Jonathan Milan", "Lidl-Trek"],
    ),
    (
        "Pogačar pakt de ritzege",
        "Tadej Pogačar (UAE Team Emirates) haalde Jonas Vingegaard in op de laatste helling en "
        "haalt zo zijn derde ritzege.",
        ["Tadej Pogačar", "UAE Team Emirates", "Jonas Vingegaard"],
    ),
    (
        "Pogačar covers every attack",
        "Tadej Pogačar followed a move by Visma | Lease a Bike on the Col du Glandon before the "
        "transfer day to Pau.",
        ["Tadej Pogačar", "Visma | Lease a Bike"],
    ),
    (
        "Van der Poel solo in Roubaix",
        "Mathieu van der Poel joined Mads Pedersen and Wout van Aert, and Visma | Lease a Bike "
        "had to chase for the rest of the day.",
        ["Mathieu van der Poel", "Mads Pedersen", "Wout van Aert", "Visma | Lease a Bike"],
    ),
    (
        "Red Bull completes the acquisition of Bora-Hansgrohe",
        "Red Bull has completed the acquisition of Bora-Hansgrohe, and Primož Roglič will lead "
        "the team at the Tour de France in its new colours.",
        ["Bora-Hansgrohe", "Primož Roglič"],
    ),
    (
        "Cavendish returns to racing",
        "Mark Cavendish is expected to return to racing at the Tour of Türkiye, where he will face "
        "Alpecin-Deceuninck's Jasper Philipsen.",
        ["Mark Cavendish", "Alpecin-Deceuninck", "Jasper Philipsen"],
    ),
]


@pytest.mark.parametrize("case", RACE_REPORTS, ids=lambda c: slugify(c[0])[:40])
def test_undated_race_reports_are_not_transfers(case) -> None:
    title, body, names = case
    text = title + "\n\n" + body
    assert extract_transfers(text, make_mentions(text, names), ROSTER, None) == (False, [])


def test_seed_story_without_a_date(corpus: dict[str, dict]) -> None:
    """No roster date to say Cavendish already rides for Astana: the words must suffice."""
    story = dict(corpus["seed-cavendish-anastopoulos"], published=None)
    _, moves = run_story(story)
    assert {m.person for m in moves} == {
        "Vasilis Anastopoulos",
        "Michael Mørkøv",
        "Davide Ballerini",
        "Ide Schelling",
    }


@pytest.mark.parametrize("case", WRITTEN, ids=lambda c: slugify(c[0])[:40])
def test_written_stories(case) -> None:
    title, body, published, names, descriptions, want_transfer, want_moves = case
    text = title + "\n\n" + body
    mentions = make_mentions(text, names, descriptions)
    is_transfer, moves = extract_transfers(text, mentions, ROSTER, _published(published))
    assert is_transfer == want_transfer
    assert {(m.person, m.to_team, m.status) for m in moves} == want_moves


def test_a_datetime_for_published_is_accepted() -> None:
    text = "Tudor sign Marc Hirschi\n\nTudor Pro Cycling has signed Marc Hirschi for 2025."
    mentions = make_mentions(text, ["Marc Hirschi", "Tudor Pro Cycling Team"])
    when = datetime(2024, 8, 1, 12, 0, tzinfo=UTC)
    ok, moves = extract_transfers(text, mentions, ROSTER, when)
    assert ok and [m.to_team for m in moves] == ["Tudor Pro Cycling Team"]


def test_cue_patterns_must_be_indexable() -> None:
    from feeds.nlp import transfers

    assert transfers._prefixes("(?:heeft|hebben) getekend") == ["heb", "hee"]
    assert transfers._prefixes("rumou?r") == ["rum"]
    with pytest.raises(ValueError):
        transfers._prefixes("(?:will )?join")
    with pytest.raises(ValueError):
        transfers._prefixes("a?b")


# --- robustness -------------------------------------------------------------------------

_IDS = [p.id for p in ROSTER.people.values()] + list(ROSTER.teams)
_WORDS = st.sampled_from(
    # Cue words, markers and punctuation, so random stories exercise every path.
    [
        "joins",
        "leaves",
        "signs",
        "signed",
        "sign",
        "for",
        "the",
        "signing",
        "of",
        "move",
        "to",
        "from",
        "to",
        "naar",
        "van",
        "zou",
        "rejoint",
        "quitte",
        "approda",
        "wechselt",
        "verlässt",
        "ficha",
        "por",
        "lost",
        "raakte",
        "kwijt",
        "according",
        "to",
        "has",
        "announced",
        "officially",
        "extended",
        "abandon",
        "previously",
        "in",
        "2019",
        "until",
        "2027",
        "for",
        "2025",
        "next",
        "year",
        "but",
        "while",
        "Astana",
        "the",
        "transfer",
        "’s",
        "'s",
        "(",
        ")",
        ".",
        "?",
        ":",
        ";",
        ",",
        "\n\n",
        "de",
        "X",
        "he",
        "she",
        "İ",
        "é",
        "2025",
    ]
)


@st.composite
def _story(draw: st.DrawFn) -> tuple[str, list[Mention]]:
    text = draw(
        st.one_of(
            st.text(max_size=300),
            st.lists(_WORDS, max_size=80).map(" ".join),
        )
    )
    mentions = []
    for _ in range(draw(st.integers(0, 12))):
        start = draw(st.integers(0, max(0, len(text))))
        end = draw(st.integers(start, len(text) + 2))
        entity = draw(st.sampled_from([*_IDS, "nobody"]))
        if entity in ROSTER.teams:
            valid = "team"
        elif entity in ROSTER.people:
            valid = ROSTER.people[entity].kind
        else:
            valid = "rider"
        # Mostly what the tagger would say; sometimes a kind that does not fit the id.
        kind = draw(st.sampled_from([valid] * 4 + ["rider", "staff", "retired", "team"]))
        mentions.append(Mention(entity, kind, start, end))  # type: ignore[arg-type]
    return text, sorted(mentions, key=lambda m: m.start)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_story(), st.one_of(st.none(), st.dates()))
def test_never_raises_and_references_known_entities(
    story: tuple[str, list[Mention]], published: date | None
) -> None:
    text, mentions = story
    # The inner function, so that a bug shows as an exception instead of a logged "no".
    first = _extract(text, mentions, ROSTER, published)
    assert first == extract_transfers(text, mentions, ROSTER, published)
    is_transfer, moves = first
    assert isinstance(is_transfer, bool)
    ids = {m.entity_id for m in mentions}
    for move in moves:
        assert move.person_id in ids and move.person_id in ROSTER.people
        for team_id in (move.to_team_id, move.from_team_id):
            assert team_id is None or (team_id in ids and team_id in ROSTER.teams)
        assert move.status in ("confirmed", "rumour")
        assert move.to_team_id != move.from_team_id


# --- sentence shapes that generalise (voice, word order, verb families) --------------------

HIRSCHI = ["Marc Hirschi", "Tudor Pro Cycling Team", "UAE Team Emirates"]

SHAPES: list[tuple[str, str, str, list[str], dict[str, str], bool, set]] = [
    (
        "Hirschi has been signed by Tudor",
        "Marc Hirschi has been signed by Tudor Pro Cycling Team, the Swiss squad said.",
        "2024-08-20",
        HIRSCHI,
        {},
        True,
        {("Marc Hirschi", "Tudor Pro Cycling Team", "confirmed")},
    ),
    (
        "Hirschi alla Tudor",
        "Marc Hirschi è stato ingaggiato dalla Tudor Pro Cycling Team per tre stagioni.",
        "2024-08-20",
        HIRSCHI,
        {},
        True,
        {("Marc Hirschi", "Tudor Pro Cycling Team", "confirmed")},
    ),
    (
        "Transfer news",
        "Tudor Pro Cycling Team have announced the arrival of Marc Hirschi from UAE Team Emirates.",
        "2024-08-20",
        HIRSCHI,
        {},
        True,
        {("Marc Hirschi", "Tudor Pro Cycling Team", "confirmed")},
    ),
    (
        "Jakobsen verruilt Soudal Quick-Step",
        "Fabio Jakobsen verruilt Soudal Quick-Step na dit seizoen voor Team dsm-firmenich.",
        "2023-08-10",
        ["Fabio Jakobsen", "Soudal Quick-Step", "Team dsm-firmenich"],
        {},
        True,
        {("Fabio Jakobsen", "Team dsm-firmenich", "confirmed")},
    ),
    (
        "Schachmann wechselt",
        "Maximilian Schachmann tauscht Red Bull-Bora-Hansgrohe gegen Soudal Quick-Step.",
        "2024-09-10",
        ["Maximilian Schachmann", "Red Bull-Bora-Hansgrohe", "Soudal Quick-Step"],
        {},
        True,
        {("Maximilian Schachmann", "Soudal Quick-Step", "confirmed")},
    ),
    (
        # "cambia" also means "changes": without a second team it names no move.
        "Pogačar cambia ritmo",
        "Tadej Pogačar cambia ritmo e stacca la UAE Team Emirates di Jonas Vingegaard.",
        "2024-07-10",
        ["Tadej Pogačar", "UAE Team Emirates", "Jonas Vingegaard"],
        {},
        False,
        set(),
    ),
    (
        "Kelderman keert terug bij Jumbo-Visma",
        "Wilco Kelderman rijdt nu nog voor Bora-Hansgrohe. Jumbo-Visma heeft de 31-jarige "
        "Nederlander vastgelegd.",
        "2022-08-10",
        ["Wilco Kelderman", "Jumbo-Visma", "Bora-Hansgrohe"],
        {},
        True,
        {("Wilco Kelderman", "Jumbo-Visma", "confirmed")},
    ),
    (
        "Van Baarle leaves Ineos",
        "Dylan van Baarle leaves Ineos Grenadiers at the end of the season. Jumbo-Visma have "
        "signed the 30-year-old on a three-year deal.",
        "2022-08-10",
        ["Dylan van Baarle", "Ineos Grenadiers", "Jumbo-Visma"],
        {},
        True,
        {("Dylan van Baarle", "Jumbo-Visma", "confirmed")},
    ),
    (
        "Pidcock nears Q36.5 deal",
        "Tom Pidcock is reportedly close to a deal with the second-division Q36.5 Pro Cycling "
        "Team for 2025.",
        "2024-12-05",
        ["Tom Pidcock", "Q36.5 Pro Cycling Team"],
        {},
        True,
        {("Tom Pidcock", "Q36.5 Pro Cycling Team", "rumour")},
    ),
    (
        "Martinez, une piste",
        "Lenny Martinez serait proche d'un accord avec Bahrain Victorious, selon plusieurs médias.",
        "2024-07-20",
        ["Lenny Martinez", "Bahrain Victorious"],
        {},
        True,
        {("Lenny Martinez", "Bahrain Victorious", "rumour")},
    ),
    (
        "Simon Yates joins Visma as the twins stay on rival teams",
        "Simon Yates will race for Visma | Lease a Bike from next season, ending an eleven-"
        "year stay at Team Jayco AlUla.",
        "2024-10-15",
        ["Simon Yates", "Visma | Lease a Bike", "Team Jayco AlUla"],
        {},
        True,
        {("Simon Yates", "Visma | Lease a Bike", "confirmed")},
    ),
    (
        "Pogačar rinnova",
        "Tadej Pogačar resta alla UAE Team Emirates. La Red Bull-Bora-Hansgrohe, che per il "
        "2026 ha già ingaggiato Remco Evenepoel, resta a guardare.",
        "2025-10-01",
        ["Tadej Pogačar", "UAE Team Emirates", "Red Bull-Bora-Hansgrohe", "Remco Evenepoel"],
        {},
        False,
        set(),
    ),
    (
        "Hirschi's first win for Tudor",
        "Marc Hirschi made his debut for Tudor Pro Cycling Team at the Tour of Oman after "
        "leaving UAE Team Emirates. Hirschi, who joined the Swiss team over the winter, won.",
        "2025-02-10",
        HIRSCHI,
        {"the Swiss team": "Tudor Pro Cycling Team"},
        False,
        set(),
    ),
    (
        "Kopecky wereldkampioene",
        "Lotte Kopecky won de sprint. Demi Vollering viel aan in de slotronde. Ook Danny Stam "
        "was tevreden. Voor Vollering, die SD Worx-Protime na dit seizoen verlaat voor FDJ-Suez, "
        "was het een ontgoochelende dag.",
        "2024-09-28",
        ["Lotte Kopecky", "Demi Vollering", "Danny Stam", "SD Worx-Protime", "FDJ-Suez"],
        {},
        False,
        set(),
    ),
    (
        "Transfermarkt",
        "Marc Hirschi gaat naar Tudor Pro Cycling Team, Nils Politt naar UAE Team Emirates.",
        "2023-08-10",
        ["Marc Hirschi", "Tudor Pro Cycling Team", "Nils Politt", "UAE Team Emirates"],
        {},
        True,
        {
            ("Marc Hirschi", "Tudor Pro Cycling Team", "confirmed"),
            ("Nils Politt", "UAE Team Emirates", "confirmed"),
        },
    ),
    (
        "Hirschi gerucht",
        "Marc Hirschi zou volgend jaar voor Tudor Pro Cycling Team rijden.",
        "2024-08-10",
        HIRSCHI,
        {},
        True,
        {("Marc Hirschi", "Tudor Pro Cycling Team", "rumour")},
    ),
    (
        "De Jongh naar het voetbal",
        "Ploegleider Steven de Jongh verlaat Visma | Lease a Bike en gaat aan de slag in het "
        "voetbal.",
        "2024-09-10",
        ["Steven de Jongh", "Visma | Lease a Bike"],
        {},
        True,
        {("Steven de Jongh", None, "confirmed")},
    ),
    (
        "Hirschi",
        "Marc Hirschi has signed a three-year contract with Tudor Pro Cycling Team, the team "
        "confirmed.",
        "2024-08-20",
        HIRSCHI,
        {},
        True,
        {("Marc Hirschi", "Tudor Pro Cycling Team", "confirmed")},
    ),
    (
        "Tudor holt Hirschi",
        "Tudor Pro Cycling Team hat Marc Hirschi von UAE Team Emirates verpflichtet.",
        "2024-08-20",
        HIRSCHI,
        {},
        True,
        {("Marc Hirschi", "Tudor Pro Cycling Team", "confirmed")},
    ),
    (
        # A newspaper's word is a rumour, the team's an announcement.
        "Hirschi naar Tudor",
        "Marc Hirschi maakt volgend jaar de overstap naar Tudor Pro Cycling Team, meldt "
        "Wielerflits.",
        "2024-08-20",
        HIRSCHI,
        {},
        True,
        {("Marc Hirschi", "Tudor Pro Cycling Team", "rumour")},
    ),
    (
        "Hirschi naar Tudor",
        "Marc Hirschi maakt volgend jaar de overstap naar Tudor Pro Cycling Team, meldt de "
        "Zwitserse ploeg.",
        "2024-08-20",
        HIRSCHI,
        {},
        True,
        {("Marc Hirschi", "Tudor Pro Cycling Team", "confirmed")},
    ),
    (
        # An attribution to the team is an announcement; to the newspaper L'Équipe, not.
        "Hirschi naar Tudor",
        "Volgens de Zwitserse ploeg tekent Marc Hirschi bij Tudor Pro Cycling Team.",
        "2024-08-20",
        HIRSCHI,
        {},
        True,
        {("Marc Hirschi", "Tudor Pro Cycling Team", "confirmed")},
    ),
    (
        "Hirschi chez Tudor",
        "Selon L’Équipe, Marc Hirschi rejoindra Tudor Pro Cycling Team.",
        "2024-08-20",
        HIRSCHI,
        {},
        True,
        {("Marc Hirschi", "Tudor Pro Cycling Team", "rumour")},
    ),
    (
        # The headline names the move, the lede hedges it with an infinitive.
        "Hirschi alla Tudor",
        "Marc Hirschi dovrebbe approdare alla Tudor Pro Cycling Team.",
        "2024-08-20",
        HIRSCHI,
        {},
        True,
        {("Marc Hirschi", "Tudor Pro Cycling Team", "rumour")},
    ),
    (
        # Staff take a role at a team: the team is the destination...
        "Nieuwe job",
        "Steven de Jongh wordt vanaf 2025 ploegleider bij Lidl-Trek.",
        "2024-08-20",
        ["Steven de Jongh", "Lidl-Trek"],
        {},
        True,
        {("Steven de Jongh", "Lidl-Trek", "confirmed")},
    ),
    (
        "Staff news",
        "Steven de Jongh will become sports director at Lidl-Trek next season.",
        "2024-08-20",
        ["Steven de Jongh", "Lidl-Trek"],
        {},
        True,
        {("Steven de Jongh", "Lidl-Trek", "confirmed")},
    ),
    (
        "Deal agreed",
        "Tudor Pro Cycling Team and Marc Hirschi have agreed a three-year deal.",
        "2024-08-20",
        HIRSCHI,
        {},
        True,
        {("Marc Hirschi", "Tudor Pro Cycling Team", "confirmed")},
    ),
    (
        # ... unless it is their own team: a promotion.
        "Promotie",
        "Steven de Jongh wordt ploegleider bij Visma | Lease a Bike.",
        "2024-08-20",
        ["Steven de Jongh", "Visma | Lease a Bike"],
        {},
        False,
        set(),
    ),
]


SHAPES += [
    (
        # A negation at the very start of a clause still negates it.
        "Hirschi resta",
        "Marc Hirschi resta alla UAE Team Emirates: niente passaggio alla Tudor Pro Cycling Team.",
        "2024-08-20",
        HIRSCHI,
        {},
        False,
        set(),
    ),
    (
        "Hirschi denies",
        "Marc Hirschi said he wouldn't join Tudor Pro Cycling Team next year.",
        "2024-08-20",
        HIRSCHI,
        {},
        False,
        set(),
    ),
    (
        # In a transfer story, a second move told in a relative clause is news too.
        "Tudor sign Hirschi",
        "Tudor Pro Cycling Team have signed Marc Hirschi from UAE Team Emirates. The Swiss "
        "team are building for 2025. Their sprinters are ready. They will race alongside "
        "Julian Alaphilippe, who also joins Tudor Pro Cycling Team next season.",
        "2024-08-20",
        [*HIRSCHI, "Julian Alaphilippe"],
        {"The Swiss team": "Tudor Pro Cycling Team"},
        True,
        {
            ("Marc Hirschi", "Tudor Pro Cycling Team", "confirmed"),
            ("Julian Alaphilippe", "Tudor Pro Cycling Team", "confirmed"),
        },
    ),
    (
        # "already" about the headline's own person is the news itself.
        "Hirschi done deal?",
        "Marc Hirschi has already signed for Tudor Pro Cycling Team, according to reports.",
        "2024-08-20",
        HIRSCHI,
        {},
        True,
        {("Marc Hirschi", "Tudor Pro Cycling Team", "rumour")},
    ),
    (
        # A rider ending a career leaves a team for no other: not a transfer.
        "Hirschi retires",
        "Marc Hirschi announced his retirement and will leave UAE Team Emirates at the end of "
        "the season.",
        "2024-08-20",
        HIRSCHI,
        {},
        False,
        set(),
    ),
]


@pytest.mark.parametrize("case", SHAPES, ids=lambda c: slugify(c[0])[:40])
def test_sentence_shapes(case) -> None:
    title, body, published, names, descriptions, want_transfer, want_moves = case
    text = title + "\n\n" + body
    mentions = make_mentions(text, names, descriptions)
    is_transfer, moves = extract_transfers(text, mentions, ROSTER, _published(published))
    assert is_transfer == want_transfer
    assert {(m.person, m.to_team, m.status) for m in moves} == want_moves


def test_nationality_description_moves_the_compatriot_named_before() -> None:
    """'Le rouleur suisse rejoindra Tudor' is Küng's move, not the story's main mover's."""
    roster = parse_roster(
        """
[[team]]
id = "groupama"
names = [{ name = "Groupama-FDJ" }]
[[team]]
id = "bahrain"
names = [{ name = "Bahrain Victorious" }]
[[team]]
id = "tudor"
names = [{ name = "Tudor Pro Cycling Team" }]
[[rider]]
name = "Lenny Martinez"
nationality = "FRA"
teams = [{ team = "groupama", from = 2022, until = 2024 }]
[[rider]]
name = "Stefan Küng"
nationality = "SUI"
teams = [{ team = "groupama", from = 2018, until = 2024 }]
""",
        "<nationality roster>",
    )
    text = (
        "Lenny Martinez quitte Groupama-FDJ pour Bahrain Victorious\n\nLenny Martinez "
        "rejoindra Bahrain Victorious. La formation a aussi confirmé le départ de Stefan Küng. "
        "Le rouleur suisse rejoindra Tudor Pro Cycling Team l'an prochain."
    )
    spans = {
        "Lenny Martinez": "lenny-martinez",
        "Stefan Küng": "stefan-kung",
        "Groupama-FDJ": "groupama",
        "Bahrain Victorious": "bahrain",
        "Tudor Pro Cycling Team": "tudor",
    }
    mentions = []
    for name, entity in spans.items():
        kind = "rider" if entity in roster.people else "team"
        start = text.find(name)
        while start >= 0:
            mentions.append(Mention(entity, kind, start, start + len(name)))
            start = text.find(name, start + 1)
    _, moves = extract_transfers(text, mentions, roster, date(2024, 8, 20))
    assert {(m.person, m.to_team) for m in moves} == {
        ("Lenny Martinez", "Bahrain Victorious"),
        ("Stefan Küng", "Tudor Pro Cycling Team"),
    }
