"""The shape of the package: each step imports only from the steps before it.

Two orders, both checked by scanning every module's imports (``TYPE_CHECKING`` and
function-level ones included): ``ORDER`` between the top-level modules and subpackages, and
``MODULES`` between the modules of one subpackage. A back-edge fails with the line to fix.
``matcher/__init__.py`` is the front door over every step and is not checked.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import matcher

ORDER = [
    "_version",
    "errors",
    "files",
    "text",
    "vocab",
    "read",
    "resume",
    "rubric",
    "compiler",
    "scoring",
    "ranking",
    "audit",
    "tune",
    "pipeline",
    # The front doors over the library (report, service); the CLI, outermost, starts them.
    "report",
    "service",
    "cli",
    "__main__",
]
MODULES = {
    "vocab": ["kinds", "levels", "protected", "lexicon", "occupations", "titles"],
    "read": [
        "layout",
        "formats",
        "document",
        "intake",
        "colours",
        "textlayer",
        "images",
        "canvas",
        "visibility",
        "streams",
        "guard",
        "ocr",
        "device",
        "interp",
        "pdf",
        "pdfium",
        "reader",
        "cache",
    ],
    "resume": [
        "dates",
        "sections",
        "education",
        "contacts",
        "headers",
        "roles",
        "blind",
        "understand",
    ],
    "rubric": ["model", "check", "stamp", "io"],
    "compiler": [
        "markup",
        "blocks",
        "posting",
        "keywords",
        "clauses",
        "fairness",
        "minimums",
        "credentials",
        "products",
        "criteria",
    ],
    "scoring": ["matching", "credit", "score", "explain"],
    "tune": ["labels", "learn", "round", "report"],
    "pipeline": ["stored", "rows", "workers", "spool", "credits", "cluster", "manifest", "run"],
    "report": ["tables", "html"],
    "service": ["limits", "models", "app", "server"],
}
PKG = Path(matcher.__file__).parent
# Third-party libraries and the modules they may be imported in ("pkg.module" or "module").
HOMES = {
    "pdfminer": {"read.streams", "read.guard", "read.device", "read.interp", "read.pdf"},
    "PIL": {"read.images", "read.ocr"},  # pixels of a PDF's pictures; a scan's page to OCR
    "docx": {"read.formats"},
    "typer": {"cli"},
    "rapidfuzz": {"scoring.credit"},
    "simplemma": {"vocab.lexicon", "scoring.matching"},  # English words: acronyms, typos
    "snowballstemmer": {"vocab.titles"},
    # the HTTP service's stack (the serve extra) stays in the service
    "fastapi": {"service.app"},
    "starlette": {"service.app"},
    "pydantic": {"service.models"},
    "uvicorn": {"service.server"},
}


def modules() -> list[tuple[str, Path]]:
    """Every module but the front door, as ("pkg.module" or "module", path)."""
    found = []
    for path in sorted(PKG.rglob("*.py")):
        parts = path.relative_to(PKG).with_suffix("").parts
        if parts != ("__init__",):
            found.append((".".join(parts), path))
    return found


def place(name: str) -> tuple[int, int]:
    """(index of the package in ORDER, index of the module in its package; -1 for __init__)."""
    pkg, _, mod = name.partition(".")
    assert pkg in ORDER, f"matcher.{name}: add {pkg!r} to ORDER in its place"
    if not mod or pkg not in MODULES:
        return ORDER.index(pkg), -1
    if mod == "__init__":
        return ORDER.index(pkg), -1
    assert mod in MODULES[pkg], f"matcher.{name}: add {mod!r} to MODULES[{pkg!r}] in its place"
    return ORDER.index(pkg), MODULES[pkg].index(mod)


def imports_of(path: Path) -> list[tuple[int, str]]:
    """(line, "pkg.module" or "pkg") of every import of matcher in a file; relative ones fail."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}:{node.lineno}: use absolute imports"
            if node.module == "matcher":
                found += [(node.lineno, a.name) for a in node.names]
            elif node.module and node.module.startswith("matcher."):
                base = node.module.removeprefix("matcher.")
                if base in MODULES:  # from matcher.read import document: a module or a name
                    found += [
                        (node.lineno, f"{base}.{a.name}" if a.name in MODULES[base] else base)
                        for a in node.names
                    ]
                else:
                    found.append((node.lineno, base))
        elif isinstance(node, ast.Import):
            found += [
                (node.lineno, a.name.removeprefix("matcher."))
                for a in node.names
                if a.name.startswith("matcher.")
            ]
    return found


def test_every_listed_module_exists() -> None:
    names = {name for name, _ in modules()}
    for pkg, mods in MODULES.items():
        assert f"{pkg}.__init__" in names, f"matcher/{pkg}/__init__.py is missing"
        for mod in mods:
            assert f"{pkg}.{mod}" in names, f"MODULES lists matcher.{pkg}.{mod}: no such module"
    for top in ORDER:
        assert top in names or top in MODULES, f"ORDER lists matcher.{top}: no such module"


def test_steps_import_only_earlier_steps() -> None:
    for name, path in modules():
        mine = place(name)
        for line, dep in imports_of(path):
            theirs = place(dep)
            where = f"{path.relative_to(PKG.parent)}:{line} imports matcher.{dep}"
            if theirs[0] == mine[0]:
                # A module imports its step's modules by name, never the package itself.
                assert theirs[1] < mine[1], f"{where}, a later module of its own step"
            else:
                assert theirs[0] < mine[0], f"{where}, a later step"


def test_subpackage_inits_are_docstrings_naming_input_and_output() -> None:
    for pkg in MODULES:
        tree = ast.parse((PKG / pkg / "__init__.py").read_text(encoding="utf-8"))
        doc = ast.get_docstring(tree)
        assert doc, f"matcher/{pkg}/__init__.py: needs a docstring"
        first = doc.splitlines()[0]
        assert " in, " in first and " out" in first, (
            f"matcher.{pkg}: first line names input, output"
        )
        assert len(tree.body) == 1, f"matcher/{pkg}/__init__.py: only the docstring"


def test_third_party_libraries_live_in_their_own_step() -> None:
    for name, path in modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                libs = [a.name.split(".")[0] for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                libs = [node.module.split(".")[0]]
            else:
                continue
            for lib in libs:
                if lib in HOMES:
                    assert name in HOMES[lib], f"{lib} imported in matcher.{name}"


def test_a_back_edge_fails(tmp_path: Path) -> None:
    """The check itself: a resume module importing the scoring step is caught."""
    bad = tmp_path / "bad.py"
    bad.write_text("from matcher.scoring.score import score\nfrom matcher.read import document\n")
    deps = [dep for _, dep in imports_of(bad)]
    assert deps == ["scoring.score", "read.document"]
    assert place("scoring.score")[0] > place("resume.roles")[0]
    assert place("read.pdf") > place("read.document")


def test_import_matcher_is_light() -> None:
    code = (
        "import sys, matcher, matcher.read.reader, matcher.read.document;"
        "print(sorted(m for m in ('typer', 'pdfminer', 'polars', 'rich', 'docx') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
