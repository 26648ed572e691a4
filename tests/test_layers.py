"""The import graph of the project's own modules: no circle, and every import points down
the layers (cogs -> bot -> storage / feeds). Type-only imports count: a circle through
`if TYPE_CHECKING:` is still a circle a reader has to untangle."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("bot", "cogs", "feeds", "storage")
MAY_IMPORT = {
    "cogs": {"cogs", "bot", "storage", "feeds"},
    "bot": {"bot", "storage", "feeds"},
    "storage": {"storage", "feeds"},
    "feeds": {"feeds"},
}
NEVER_IMPORTS = {
    # Inside feeds/: text folding (feeds.text) under the roster, the roster under language
    # processing, language processing under the races, the Tagger composing them on top, and
    # the evaluation of its answers above it.
    "feeds.text": ("feeds.roster", "feeds.nlp", "feeds.races", "feeds.tagger", "feeds.evaluation"),
    "feeds.roster": ("feeds.nlp", "feeds.races", "feeds.tagger", "feeds.evaluation"),
    "feeds.nlp": ("feeds.races", "feeds.tagger", "feeds.evaluation"),
    "feeds.races": ("feeds.tagger", "feeds.evaluation"),
    "feeds.tagger": ("feeds.evaluation",),
}


def modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The project modules `name` imports (a `from package import module` names the module)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*up, base] if base else up)
            out.add(base)
            out.update(f"{base}.{alias.name}" for alias in node.names)
    return {target for target in out if target in known and target != name}


def graph() -> dict[str, set[str]]:
    found = modules()
    return {name: imports(name, path, set(found)) for name, path in found.items()}


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return out


def test_the_checker_finds_a_circle() -> None:
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_circle() -> None:
    assert circles(graph()) == []


def test_imports_point_down_the_layers() -> None:
    upward = [
        f"{name} imports {target}"
        for name, targets in graph().items()
        for target in targets
        if target.split(".")[0] not in MAY_IMPORT[name.split(".")[0]]
    ]
    assert upward == []


def _within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def upward_in_feeds(edges: dict[str, set[str]]) -> list[str]:
    """Every import of a feeds layer that NEVER_IMPORTS forbids it."""
    return [
        f"{name} imports {target}"
        for name, targets in sorted(edges.items())
        for layer, above in NEVER_IMPORTS.items()
        if _within(name, layer)
        for target in sorted(targets)
        if any(_within(target, package) for package in above)
    ]


def test_the_feeds_rule_sees_an_upward_import() -> None:
    # The two arrows that once ran back up: the roster reading the tagger's cue lists, and
    # the mention tagger building the race tagger.
    edges = {
        "feeds.roster.names": {"feeds.nlp.cues", "feeds.text.fold"},
        "feeds.nlp.tag.story": {"feeds.races.tagging", "feeds.roster"},
        "feeds.nlp.kinds": {"feeds.text.fold"},
        "feeds.tagger": {"feeds.nlp.tag", "feeds.races.tagging"},
    }
    assert upward_in_feeds(edges) == [
        "feeds.nlp.tag.story imports feeds.races.tagging",
        "feeds.roster.names imports feeds.nlp.cues",
    ]


def test_feeds_layers_never_import_the_ones_above() -> None:
    """The roster is data below the language processing, the language layer is below the
    races built on it, and the Tagger that composes them (feeds.tagger) is above both."""
    assert upward_in_feeds(graph()) == []
