"""The installed package (`pip install .`, the Dockerfile's) carries every data file the code
reads: a file the package-data globs miss exists in a checkout and is absent in the image."""

from __future__ import annotations

import fnmatch
import subprocess
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "cogs", "feeds", "storage")


def _tracked_data_files() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", *PACKAGES], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if listed.returncode == 0 and listed.stdout.strip():
        names = listed.stdout.split()
    else:  # an exported tree without .git: every file under the packages
        names = [
            str(p.relative_to(ROOT))
            for package in PACKAGES
            for p in (ROOT / package).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts
        ]
    return sorted(n for n in names if not n.endswith((".py", ".pyc")))


def _packaged(path: str, package_data: dict[str, list[str]]) -> bool:
    for package, globs in package_data.items():
        prefix = package.replace(".", "/") + "/"
        if path.startswith(prefix):
            rest = path[len(prefix) :]
            # setuptools globs do not cross folders: "*.toml" is this folder only
            if any(fnmatch.fnmatch(rest, g) and rest.count("/") == g.count("/") for g in globs):
                return True
    return False


def test_every_data_file_is_package_data() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    package_data = config["tool"]["setuptools"]["package-data"]
    files = _tracked_data_files()
    assert files, "no data file found: the listing itself is broken"
    missing = [f for f in files if not _packaged(f, package_data)]
    assert not missing, f"not in [tool.setuptools.package-data]: {missing}"


def test_the_check_sees_a_missing_glob() -> None:
    assert not _packaged("feeds/nlp/given_names.toml", {"feeds.nlp": ["lexicons/*.toml"]})
    assert _packaged("feeds/nlp/given_names.toml", {"feeds.nlp": ["*.toml"]})
    assert not _packaged("feeds/nlp/lexicons/en.toml", {"feeds.nlp": ["*.toml"]})
