"""The shape of the package: each step imports only from the steps before it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import matcher

ORDER = [
    "_version",
    "errors",
    "text",
    "layout",
    "formats",
    "assemble",
    "intake",
    "textlayer",
    "read",
    "lexicon",
    "occupations",
    "dates",
    "sections",
    "education",
    "contacts",
    "headers",
    "roles",
    "resume",
    "rubric_check",
    "rubric",
    "posting",
    "keywords",
    "clauses",
    "fairness",
    "minimums",
    "compiler",
    "matching",
    "scoring",
    "explain",
    "ranking",
    "labels",
    "learn",
    "tune",
    "readcache",
    "pipeline",
    "cli",
]
PKG = Path(matcher.__file__).parent


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("matcher."):
            found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("matcher.")}
    return found


def test_steps_import_only_earlier_steps() -> None:
    for path in PKG.glob("*.py"):
        if path.stem == "__init__":
            continue
        assert path.stem in ORDER, f"{path.name}: add the module to ORDER in its place"
        mine = ORDER.index(path.stem)
        for dep in imports_of(path):
            assert ORDER.index(dep) < mine, f"{path.name} imports matcher.{dep}, a later step"


def test_third_party_libraries_live_in_their_own_step() -> None:
    homes = {"pdfminer": {"read"}, "docx": {"formats"}, "typer": {"cli"}, "rapidfuzz": {"scoring"}}
    for path in PKG.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        for lib, allowed in homes.items():
            if f"import {lib}" in text or f"from {lib}" in text:
                assert path.stem in allowed, f"{lib} imported in {path.name}"


def test_import_matcher_is_light() -> None:
    code = "import sys, matcher; print(sorted(m for m in ('typer', 'pdfminer', 'polars', 'rich') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
