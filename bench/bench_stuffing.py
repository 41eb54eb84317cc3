"""Keyword stuffing: the density the warning reads, on genuine and stuffed resumes, old and new.

Measures, for every resume against rubrics of its own trade:

- old: the share of non-space characters covered by any occurrence of the rubric's terms
  (every repetition counted; the rule before issue 15, warning at 25% over 12 occurrences);
- new: ``score.keyword_density``, which counts only what stuffing inflates (a term said again,
  outside every dated role, on a line that is no sentence); warning at ``STUFFING_DENSITY``
  over ``STUFFING_MIN_HITS`` occurrences.

Resumes: ``../shared/data/livecareer-resumes-dev`` (230 real PDFs, each against its category's
posting in ``bench/postings/``; skipped when absent), and the concise genuine and stuffed text
resumes of ``tests/fixtures/stuffing/`` against the posting of their trade.

Run: .venv/bin/python bench/bench_stuffing.py
"""

from __future__ import annotations

import csv
import statistics
from datetime import date
from pathlib import Path

from matcher.compiler.criteria import compile_file
from matcher.pipeline.workers import read_many
from matcher.read.cache import ReadCache, default_cache_dir
from matcher.read.reader import read_document
from matcher.resume.understand import Resume, understand
from matcher.rubric.io import load_rubric
from matcher.rubric.model import Rubric
from matcher.scoring.matching import Scan
from matcher.scoring.score import STUFFING_DENSITY, STUFFING_MIN_HITS, _prepared, keyword_density

ROOT = Path(__file__).resolve().parent.parent
LIVECAREER = ROOT.parent / "shared" / "data" / "livecareer-resumes-dev"
FIXTURES = ROOT / "tests" / "fixtures" / "stuffing"
AS_OF = date(2026, 11, 23)
# Each fixture's trade: a bench posting, or a committed rubric.
TRADE = {
    "accountant": ROOT / "bench" / "postings" / "ACCOUNTANT.txt",
    "healthcare": ROOT / "bench" / "postings" / "HEALTHCARE.txt",
    "pm": ROOT / "rubrics" / "000_1e07a38cda397245-1.toml",
    "zh_ecommerce": ROOT / "rubrics" / "004_d832d627ee032451-2.toml",
}


def rubric_of(path: Path) -> Rubric:
    return load_rubric(path) if path.suffix == ".toml" else compile_file(path)[0]


def old(resume: Resume, rubric: Rubric) -> tuple[float, int]:
    terms = _prepared(rubric).terms
    return Scan(resume, terms).coverage(terms)


def warns(density: float, n: int, level: float, hits: int) -> str:
    return "WARN" if density >= level and n >= hits else "-"


def fixtures() -> None:
    print(f"{'resume':34} {'old':>5} {'n':>3}  {'':4}  {'new':>5} {'n':>3}")
    for path in sorted(FIXTURES.glob("*.txt")):
        trade = next(t for t in TRADE if f"_{t}" in path.stem)
        rubric = rubric_of(TRADE[trade])
        resume = understand(read_document(path), AS_OF)
        (od, on), (nd, nn) = old(resume, rubric), keyword_density(resume, rubric)
        print(
            f"{path.name:34} {od:5.1%} {on:3d}  {warns(od, on, 0.25, 12):4}  {nd:5.1%} {nn:3d}  "
            f"{warns(nd, nn, STUFFING_DENSITY, STUFFING_MIN_HITS)}"
        )


def livecareer() -> None:
    if not LIVECAREER.exists():
        print(f"{LIVECAREER} is not here: skipped")
        return
    with (LIVECAREER / "labels.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    key = "file"
    postings = {p.stem: rubric_of(p) for p in (ROOT / "bench" / "postings").glob("*.txt")}
    paths = [str(LIVECAREER / r[key]) for r in rows if r["category"] in postings]
    reads = read_many(paths, None, cache=ReadCache(default_cache_dir()))
    category = {str(LIVECAREER / r[key]): r["category"] for r in rows}
    own_old, own_new, any_new, n_new = [], [], [], []
    for r in reads:
        if r.document is None:
            continue
        resume = understand(r.document, AS_OF)
        rubric = postings[category[r.source]]
        own_old.append(old(resume, rubric)[0])
        d, n = keyword_density(resume, rubric)
        own_new.append(d)
        n_new.append(n)
        any_new += [keyword_density(resume, other)[0] for other in postings.values()]

    def line(name: str, xs: list[float]) -> str:
        xs = sorted(xs)
        p95 = xs[int(0.95 * (len(xs) - 1))]
        return f"{name}: median {statistics.median(xs):.1%}, p95 {p95:.1%}, max {xs[-1]:.1%}"

    print(f"livecareer, {len(own_new)} resumes against their own category's posting")
    print("  " + line("old", own_old))
    print("  " + line("new", own_new) + f"; repeats counted: max {max(n_new)}")
    print("  " + line(f"new, all {len(any_new)} pairs", any_new))


if __name__ == "__main__":
    fixtures()
    livecareer()
