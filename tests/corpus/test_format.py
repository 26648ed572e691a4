"""Every annotated corpus file in this folder, sealed ones included, is read with the
project's own reader and its field checks (`read_jsonl(..., annotated=True)`), no record
id appears twice and no source URL appears in two files.

Only the reader is used: nothing here tags a story, so a sealed file is checked without
being scored (the subprocess test proves the reader does not load the tagger). Failures
name files and line numbers, never a record's content, so a sealed file's text is not
shown to whoever runs the check.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from feeds.evaluation import InputError, read_jsonl
from tests.corpus import HERE

CORPORA = sorted(HERE.glob("*.jsonl"))
TAGGER_MODULES = ("feeds.nlp.tag", "feeds.races.tagging", "feeds.nlp.transfers")


KNOWN_REUSED: frozenset[tuple[str, str, str]] = frozenset(
    {
        # (first file, later file, source URL): stories set 6 took over from set 5 before
        # this check existed. Every other story shared between files fails.
        (
            "set5-nordgerm-dev.jsonl",
            "set6-a-sealed.jsonl",
            "https://www.radsport-rennrad.de/race/teamwechsel",
        ),
        (
            "set5-nordgerm-dev.jsonl",
            "set6-a-sealed.jsonl",
            "https://tidende.dk/ind-og-udland/sport/dansk-sprinter-skifter-til-storsatsende-cykelhold/382726",
        ),
        (
            "set5-enfr-dev.jsonl",
            "set6-a-sealed.jsonl",
            "https://escapecollective.com/as-silly-season-looms-heres-what-to-expect-from-the-mens-transfer-market",
        ),
        (
            "set5-enfr-dev.jsonl",
            "set6-a-sealed.jsonl",
            "https://velo.outsideonline.com/road/road-racing/cycling-transfers-2025-evenepoel-mergers-trades-pro-cycling/?scope=anon",
        ),
        (
            "set5-nordgerm-sealed.jsonl",
            "set6-a-sealed.jsonl",
            "https://www.wielerkrant.be/nieuws/2023-09-28/werken-voor-van-der-poel-of-voor-cancellara-vdp-ziet-belg-vertrekken-met-wie-hij-liefst-vier-jaar-samengewerkt-heeft",
        ),
        (
            "set5-ibit-sealed.jsonl",
            "set6-b-sealed.jsonl",
            "https://it.blastingnews.com/sport/2025/12/ciclismo-i-corridori-italiani-senza-squadra-nella-lista-anche-pasqualon-e-colleoni-003958608.html",
        ),
        (
            "set5-ibit-sealed.jsonl",
            "set6-b-sealed.jsonl",
            "https://www.cicloweb.it/news/76461542918/la-nuova-vita-di-alessandro-de-marchi-sara-ds-della-jayco",
        ),
        (
            "set5-ibit-sealed.jsonl",
            "set6-b-sealed.jsonl",
            "https://www.bdc-mag.com/verona-vince-ad-asiago-roglic-in-difficolta",
        ),
        (
            "set5-nordgerm-sealed.jsonl",
            "set6-b-sealed.jsonl",
            "https://www.aftenbladet.no/sport/i/LlXVVx/historiske-uno-x-paa-scenen-i-bilbao-veldig-stort",
        ),
        (
            "set5-ibit-sealed.jsonl",
            "set6-b-sealed.jsonl",
            "https://www.europapress.es/deportes/ciclismo-00396/noticia-movistar-team-presenta-proyecto-2026-estetica-futurista-nuevo-maillot-20251211210436.html",
        ),
    }
)


class CorpusError(AssertionError):
    """A corpus file that cannot be read, or a record shared between files."""


def _read(path: Path) -> list[tuple[int, dict]]:
    """(line number, record) for every record of `path`, through the project's reader."""
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    try:
        records = read_jsonl(lines, path.name, annotated=True)
    except InputError as exc:
        # "<file>:<line>: <reason>"; the reason may quote the record, so a sealed file's
        # failure names only where it is.
        where = ":".join(str(exc).split(":")[:2])
        shown = where if "sealed" in path.name else str(exc)
        raise CorpusError(f"unreadable record at {shown}") from None
    numbered = [n for n, line in enumerate(lines, 1) if line.strip()]
    return list(zip(numbered, records, strict=True))


def _url_key(record: dict, where: str) -> str | None:
    url = record.get("source_url")
    if url is None:
        return None
    if not isinstance(url, str):
        raise CorpusError(f"{where}: 'source_url' must be a string or null")
    # "" is a story with no published source (the early hold-out sets' written ones).
    return url.strip().rstrip("/") or None


def check_corpora(
    paths: Sequence[Path], reused: frozenset[tuple[str, str, str]] = frozenset()
) -> int:
    """The number of records in `paths`; raises CorpusError on an unreadable record, an
    id used by two records, or a source URL used in two files (but the `reused` ones)."""
    ids: dict[object, str] = {}
    urls: dict[str, str] = {}
    count = 0
    for path in paths:
        for n, record in _read(path):
            where = f"{path.name}:{n}"
            first = ids.setdefault(record["id"], where)
            if first != where:
                raise CorpusError(f"{where}: 'id' is already used at {first}")
            url = _url_key(record, where)
            if url is not None:
                # Across files only: the same story in two sets would be scored on a rule
                # tuned on it. One file may cite a site's news page for two stories.
                first = urls.setdefault(url, where)
                first_file = first.rsplit(":", 1)[0]
                if first_file != path.name and (first_file, path.name, url) not in reused:
                    raise CorpusError(f"{where}: 'source_url' is already used at {first}")
            count += 1
    return count


def test_every_corpus_file_is_well_formed_with_unique_ids_and_urls() -> None:
    assert len(CORPORA) >= 2, "the corpus files were not found"
    assert check_corpora(CORPORA, KNOWN_REUSED) > 0


def test_the_check_does_not_load_the_tagger() -> None:
    # In a fresh interpreter: this session's other tests import the tagger anyway.
    probe = (
        "import sys; import tests.corpus.test_format as t; "
        "t.check_corpora(t.CORPORA[:1]); "
        f"print([m for m in sys.modules if m.startswith({TAGGER_MODULES!r})])"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=root, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def _record(rid: object, url: object = None, **fields: object) -> str:
    return json.dumps(
        {
            "id": rid,
            "title": "A title",
            "text": "A text.",
            "published": "2025-04-05",
            "source_url": url,
            "riders": [],
            "teams": [],
            "races": [],
            "kind": "other",
            **fields,
        }
    )


def _write(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_well_formed_files_pass(tmp_path: Path) -> None:
    one = _write(tmp_path / "a.jsonl", _record("a1", "https://example.org/1"), _record("a2"))
    two = _write(tmp_path / "b.jsonl", _record("b1", "https://example.org/2"), "")
    assert check_corpora([one, two]) == 3


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"id": "x1", "title": "A title", "text": ', "not valid JSON"),
        (_record("x1", kind="report"), "'kind' must be one of"),
        (_record("x1", riders="Tadej Pogačar"), "'riders' must be a list"),
        (_record("x1", published="5 April 2025"), "is not YYYY-MM-DD"),
        (_record("x1", race_focus={"race": "Tour of Flanders", "year": "2025"}), "year"),
        (_record("x1", url=["https://example.org/1"]), "'source_url' must be"),
        ('{"id": "x1", "text": "A text."}', "missing 'title'"),
    ],
)
def test_a_malformed_record_fails_the_check(tmp_path: Path, line: str, reason: str) -> None:
    good = _write(tmp_path / "good.jsonl", _record("g1"))
    bad = _write(tmp_path / "bad.jsonl", _record("b0"), line)
    with pytest.raises(CorpusError, match=r"bad\.jsonl:2") as caught:
        check_corpora([good, bad])
    assert reason in str(caught.value)


def test_a_sealed_file_s_failure_names_only_the_place(tmp_path: Path) -> None:
    bad = _write(tmp_path / "set-sealed.jsonl", _record("s1", kind="secret-kind"))
    with pytest.raises(CorpusError) as caught:
        check_corpora([bad])
    assert "set-sealed.jsonl:1" in str(caught.value)
    assert "kind" not in str(caught.value)


def test_an_id_used_in_two_files_fails(tmp_path: Path) -> None:
    one = _write(tmp_path / "a.jsonl", _record("same"))
    two = _write(tmp_path / "b.jsonl", _record("other"), _record("same"))
    with pytest.raises(CorpusError, match=r"b.jsonl:2: 'id' is already used at a.jsonl:1"):
        check_corpora([one, two])


def test_a_source_url_used_in_two_files_fails(tmp_path: Path) -> None:
    one = _write(tmp_path / "a.jsonl", _record("a1", "https://example.org/story"))
    two = _write(tmp_path / "b.jsonl", _record("b1", "https://example.org/story/"))
    with pytest.raises(CorpusError, match=r"b.jsonl:1: 'source_url' is already used at a.jsonl:1"):
        check_corpora([one, two])


def test_only_the_listed_reuse_is_allowed(tmp_path: Path) -> None:
    one = _write(tmp_path / "a.jsonl", _record("a1", "https://example.org/story"))
    two = _write(tmp_path / "b.jsonl", _record("b1", "https://example.org/story"))
    allowed = frozenset({("a.jsonl", "b.jsonl", "https://example.org/story")})
    assert check_corpora([one, two], allowed) == 2
    three = _write(tmp_path / "c.jsonl", _record("c1", "https://example.org/story"))
    with pytest.raises(CorpusError, match=r"c\.jsonl:1: 'source_url' is already used"):
        check_corpora([one, two, three], allowed)


def test_an_id_used_twice_in_one_file_fails(tmp_path: Path) -> None:
    one = _write(tmp_path / "a.jsonl", _record("a1"), _record("a1"))
    with pytest.raises(CorpusError, match=r"a\.jsonl:2"):
        check_corpora([one])


def test_one_file_may_cite_a_news_page_twice(tmp_path: Path) -> None:
    one = _write(
        tmp_path / "a.jsonl",
        _record("a1", "https://example.org/news"),
        _record("a2", "https://example.org/news"),
    )
    assert check_corpora([one]) == 2
