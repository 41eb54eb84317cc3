"""Command line (--data, --out) -> lexicon_derived.tsv, words.tsv and titles.tsv.gz written."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import COMMAND, DATA, OUT, SOURCES, Row, ordinary_words, report
from .esco import esco
from .occupations import occupation_texts
from .onet import onet
from .thuocl import thuocl
from .titles import write_titles
from .words import write_words

MAX_ALIASES = 12


def merge(rows: list[Row]) -> list[Row]:
    """One term per label (case-folded), sorted by source and label; the first row to use a
    surface owns it, and a term keeps at most ``MAX_ALIASES`` surfaces beside its label.

    A term already known by a row's label gains the row's other names as aliases. Only the
    label decides: ESCO lists "data analytics" as an alias of "unstructured data", and an
    alias-to-alias merge would make those one term.
    """
    merged: dict[str, Row] = {}
    owner: dict[str, str] = {}  # every surface -> the key of the entry that holds it
    for kind, src, label, aliases in rows:
        key = owner.get(label.casefold())
        if key is None:
            key = label.casefold()
            merged[key] = (kind, src, label, [])
            owner[key] = key
        al = merged[key][3]
        for a in [label, *aliases]:
            k = a.casefold()
            if k not in owner and len(al) < MAX_ALIASES:
                al.append(a)
                owner[k] = key
    return sorted(merged.values(), key=lambda r: (r[1], r[2].casefold()))


def write_terms(path: Path, terms: list[Row]) -> None:
    """Write lexicon_derived.tsv: kind, source, label and aliases of each term."""
    lines = [
        "# Derived from ESCO v1.2.0 (European Commission), O*NET 29.3 (USDOL/ETA, CC BY 4.0) and",
        f"# THUOCL (Tsinghua University, MIT) by {COMMAND}; see ATTRIBUTION.md.",
        "# kind<TAB>source<TAB>label<TAB>aliases separated by |",
    ]
    lines += ["\t".join((kind, src, label, "|".join(al))) for kind, src, label, al in terms]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report(path, f"{len(terms)} terms")


def build(data: Path, out: Path) -> None:
    """Read the sources under ``data`` and write the three files into ``out``."""
    stop = ordinary_words(data)
    write_terms(
        out / "lexicon_derived.tsv", merge(esco(data, stop) + onet(data, stop) + thuocl(data))
    )
    docs, group = occupation_texts(data)
    nouns = write_words(out / "words.tsv", data, docs, group)
    write_titles(out / "titles.tsv.gz", data, docs, nouns)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=COMMAND,
        description="Build matcher/data's derived vocabulary (lexicon_derived.tsv, words.tsv, "
        "titles.tsv.gz) from ESCO, O*NET, THUOCL and SkillSpan.",
    )
    p.add_argument(
        "--data",
        type=Path,
        default=DATA,
        metavar="DIR",
        help=f"the folder holding {', '.join(SOURCES)} (default {DATA})",
    )
    p.add_argument(
        "--out", type=Path, default=OUT, metavar="DIR", help=f"where to write (default {OUT})"
    )
    return p


def _problem(data: Path, out: Path) -> str | None:
    """Why the build cannot run (the source data or the output folder absent), or None."""
    if not data.is_dir():
        return f"the source data folder {data} is not here; pass --data DIR"
    missing = [s for s in SOURCES if not (data / s).is_dir()]
    if missing:
        return f"{data} lacks {', '.join(missing)}; pass --data DIR where they are"
    if not out.is_dir():
        return f"{out} is not a folder; pass --out DIR"
    return None


def main(argv: list[str] | None = None) -> int:
    """Write the derived files; return 2, saying why, when the source data is absent."""
    args = _parser().parse_args(argv)
    data: Path = args.data.resolve()
    out: Path = args.out.resolve()
    problem = _problem(data, out)
    if problem:
        print(f"{COMMAND}: error: {problem}", file=sys.stderr)
        return 2
    try:
        build(data, out)
    except FileNotFoundError as e:  # a source folder without one of its files
        print(f"{COMMAND}: error: {e.filename} is not here", file=sys.stderr)
        return 2
    return 0
