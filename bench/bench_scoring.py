"""Scoring speed: resume x rubric pairs per second on one core, against a naive loop, in one run.

Resumes are the bundled ``samples/`` (short), and when ``../shared/data/livecareer-resumes-dev``
is here, one real resume per category (full length); each is read once, then understood.
Rubrics are the committed ``rubrics/`` plus the quality bench's ``bench/postings/`` compiled,
about 40 jobs. Measured, each as the best of several repeats on one core:

- engine: ``score_many`` (one Aho-Corasick pass over each resume for every rubric's terms,
  fuzzy results shared, rubrics prepared once), fuzzy level included;
- engine, one rubric at a time: ``score`` per pair, so nothing is shared between rubrics;
- naive: per pair, per criterion, per term, ``rapidfuzz.fuzz.partial_ratio`` over the resume
  (the loop the engine replaces);
- reading: ``read_document`` and ``understand`` per file, to put scoring all jobs in proportion.

Run: .venv/bin/python bench/bench_scoring.py
"""

from __future__ import annotations

import csv
import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from rapidfuzz import fuzz

from matcher.compiler.criteria import compile_file
from matcher.pipeline.run import collect_inputs
from matcher.read.reader import read_document
from matcher.resume.understand import Resume, understand
from matcher.rubric.io import load_rubrics
from matcher.rubric.model import Rubric
from matcher.scoring.matching import term_index
from matcher.scoring.score import _prepared, score, score_many
from matcher.text import normalize_term

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "livecareer-resumes-dev"
AS_OF = date(2026, 11, 23)
REPEATS = 5


def best_of(fn: Callable[[], object], repeats: int = REPEATS) -> float:
    """The fastest of ``repeats`` runs, in seconds (the least disturbed by other processes)."""
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def naive(resumes: list[Resume], rubrics: list[Rubric]) -> float:
    """Best partial_ratio per criterion over every alias; returns a checksum of the credits."""
    total = 0.0
    for r in resumes:
        text = r.folded
        for rb in rubrics:
            for c in rb.criteria:
                best = max(fuzz.partial_ratio(normalize_term(t), text) for t in c.terms)
                total += 1.0 if best >= 90 else 0.0
    return total


def load(files: list[str]) -> tuple[list[Resume], list[float]]:
    """Resumes understood, and the seconds each took to read and understand."""
    resumes, times = [], []
    for f in files:
        t0 = time.perf_counter()
        resumes.append(understand(read_document(f), AS_OF))
        times.append(time.perf_counter() - t0)
    return resumes, times


def measure(
    label: str, resumes: list[Resume], read_times: list[float], rubrics: list[Rubric]
) -> None:
    """Print the figures for one set of resumes against every rubric."""
    pairs = len(resumes) * len(rubrics)
    terms = frozenset().union(*(_prepared(r).terms for r in rubrics))
    chars = statistics.mean(len(r.document.text) for r in resumes)
    print(
        f"\n== {label}: {len(resumes)} resumes (mean {chars:.0f} characters) x {len(rubrics)} "
        f"rubrics = {pairs} pairs; {len(terms)} distinct terms"
    )
    _prepared.cache_clear()
    term_index.cache_clear()
    t0 = time.perf_counter()
    for r in rubrics:
        _prepared(r)
    term_index(terms)
    t_prepare = time.perf_counter() - t0

    cards = [c for r in resumes for c in score_many(r, rubrics)]
    fuzzy = sum(e.method == "fuzzy" for c in cards for e in c.evidence)
    t_many = best_of(lambda: [score_many(r, rubrics) for r in resumes])
    t_one = best_of(lambda: [score(r, rb) for r in resumes for rb in rubrics])
    t_naive = best_of(lambda: naive(resumes, rubrics), repeats=2)
    per = {
        "engine (score_many)": t_many,
        "engine, one rubric at a time": t_one,
        "naive partial_ratio per alias": t_naive,
    }
    print(f"{'':32}{'ms/pair':>9}{'pairs/s':>10}{'vs naive':>10}")
    for name, t in per.items():
        print(f"{name:32}{1000 * t / pairs:9.3f}{pairs / t:10.0f}{t_naive / t:9.1f}x")
    print(
        f"fuzzy evidence rows: {fuzzy} of {sum(len(c.evidence) for c in cards)}; "
        f"preparing {len(rubrics)} rubrics and the automaton once: {1000 * t_prepare:.1f} ms"
    )
    read_ms = 1000 * statistics.median(read_times)
    all_jobs_ms = 1000 * t_many / len(resumes)
    print(
        f"per resume: read and understand {read_ms:.1f} ms (median), score against all "
        f"{len(rubrics)} jobs {all_jobs_ms:.2f} ms (mean) = {all_jobs_ms / read_ms:.0%} of reading"
    )
    ms = 1000 * t_many / pairs
    print(f"target <= 0.5 ms/pair: {'met' if ms <= 0.5 else 'NOT met'} ({ms:.3f} ms/pair)")


def main() -> None:
    rubrics = load_rubrics([ROOT / "rubrics"])
    rubrics += [compile_file(p)[0] for p in sorted((ROOT / "bench" / "postings").glob("*.txt"))]
    measure("samples/", *load(collect_inputs([ROOT / "samples"])), rubrics)
    labels = DATA / "labels.csv"
    if not labels.exists():
        print(f"\n(skipped real resumes: {DATA} is not here)")
        return
    first: dict[str, str] = {}
    for row in csv.DictReader(labels.open(encoding="utf-8")):
        first.setdefault(row["category"], str(DATA / row["file"]))
    measure("livecareer, one per category", *load(sorted(first.values())), rubrics)


if __name__ == "__main__":
    main()
