"""compose.yaml (the bot with PostgreSQL) read for its structure, without Docker: no YAML
parser is installed, so a reader of the subset the file is written in (block mappings,
`- item` lists, flow lists, quoted or plain scalars) checks it; anything else in the file
fails here rather than being read wrongly."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from storage.target import is_postgres

ROOT = Path(__file__).resolve().parents[1]


class _Pending:
    """A `key:` whose value (a mapping or a list) the next, deeper lines give."""

    def __init__(self, parent: dict, key: str) -> None:
        self.parent, self.key, self.value = parent, key, None

    def become(self, kind: type) -> Any:
        if self.value is None:
            self.value = self.parent[self.key] = kind()
        assert isinstance(self.value, kind), f"{self.key}: a mapping and a list at once"
        return self.value


def _uncommented(line: str) -> str:
    for found in re.finditer(r"(^|\s)#", line):
        if line[: found.start()].count('"') % 2 == 0:
            return line[: found.start()]
    return line


def _scalar(text: str) -> Any:
    if text.startswith("["):
        return json.loads(text)
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return text


def read_compose(text: str) -> dict:
    root: dict = {}
    stack: list[tuple[int, Any]] = [(-1, root)]
    for number, raw in enumerate(text.splitlines(), 1):
        assert "\t" not in raw, f"line {number}: a tab"
        line = _uncommented(raw).rstrip()
        if not line:
            continue
        indent = len(line) - len(line.lstrip(" "))
        assert indent % 2 == 0, f"line {number}: indented by {indent}"
        while indent <= stack[-1][0]:
            stack.pop()
        holder, body = stack[-1][1], line.strip()
        if body.startswith("- "):
            holder = holder.become(list) if isinstance(holder, _Pending) else holder
            assert isinstance(holder, list), f"line {number}: a list item in a mapping"
            holder.append(_scalar(body[2:].strip()))
            continue
        key, colon, value = body.partition(":")
        assert colon and re.fullmatch(r"[A-Za-z_][\w.-]*", key), f"line {number}: {body!r}"
        holder = holder.become(dict) if isinstance(holder, _Pending) else holder
        assert isinstance(holder, dict), f"line {number}: a key in a list"
        assert key not in holder, f"line {number}: {key} twice"
        if value.strip():
            holder[key] = _scalar(value.strip())
        else:
            holder[key] = None
            stack.append((indent, _Pending(holder, key)))
    return root


def dockerfile_healthcheck() -> dict[str, str]:
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    options = re.search(r"^HEALTHCHECK ((?:--\S+ ?)+)", text, re.MULTILINE)
    assert options is not None
    return dict(re.findall(r"--([\w-]+)=(\S+)", options.group(1)))


def test_compose_runs_the_bot_on_a_healthy_postgresql():
    compose = read_compose((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    postgres, bot = compose["services"]["postgres"], compose["services"]["bot"]

    assert postgres["image"].startswith("postgres:")
    assert "pg_isready" in " ".join(postgres["healthcheck"]["test"])
    volume, _, mount = postgres["volumes"][0].partition(":")
    assert mount == "/var/lib/postgresql/data" and volume in compose["volumes"]
    assert postgres["environment"]["POSTGRES_PASSWORD"].startswith("${POSTGRES_PASSWORD:?")

    assert bot["build"] == "."
    assert bot["depends_on"] == {"postgres": {"condition": "service_healthy"}}
    assert bot["env_file"] == ".env"  # the token is never written here
    assert "DISCORD_TOKEN" not in json.dumps(compose)
    url = bot["environment"]["DOMESTIQUE_DATABASE"]
    assert is_postgres(url) and "@postgres:5432/" in url
    user = postgres["environment"]["POSTGRES_USER"]
    assert url.endswith(f"/{postgres['environment']['POSTGRES_DB']}")
    assert url.startswith(f"postgresql://{user}:${{POSTGRES_PASSWORD")
    for mounted in bot["volumes"]:
        assert mounted.partition(":")[0] in compose["volumes"]


def test_the_bots_healthcheck_is_the_dockerfiles():
    compose = read_compose((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    check = compose["services"]["bot"]["healthcheck"]
    assert check.pop("test") == ["CMD", "domestique", "health"]
    assert check == {
        key.replace("-", "_"): value for key, value in dockerfile_healthcheck().items()
    }


def test_the_reader_refuses_what_it_does_not_know():
    for bad in ("a:\n\tb: 1\n", "a:\n   b: 1\n", "a: 1\na: 2\n", "a:\n  - x\n  b: 1\n"):
        try:
            read_compose(bad)
        except AssertionError:
            continue
        raise AssertionError(f"read without complaint: {bad!r}")
    assert read_compose('a:\n  b: "x # y"  # note\n  c: [1, "z"]\n') == {
        "a": {"b": "x # y", "c": [1, "z"]}
    }
