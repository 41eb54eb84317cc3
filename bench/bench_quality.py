"""Ranking quality: the engine against a BM25 baseline on real resumes, in one run.

Reads ``../shared/data/livecareer-resumes-dev/`` (230 resume PDFs, ``labels.csv`` gives each
file's category) and skips cleanly when it is absent. For each category it compiles the posting
``bench/postings/<CATEGORY>.txt`` with matcher's compiler, ranks every file against it, and
counts a file relevant when its category is the posting's. It reports precision@10, NDCG@10 and
MAP per category and on average for:

- engine: matcher's ranking as shipped (eligible first, then score);
- engine score: the same cards ordered by score alone (eligibility ignored);
- engine, no context: score with every context factor set to 1 (an ablation);
- BM25: rank-bm25's BM25Okapi over the same extracted text, the posting text as query.

It also prints the keyword density of every resume against its own category's rubric (what
``keyword_stuffing`` is calibrated on). Extracted text is cached under /tmp (keyed by the
reader's source), so a second run takes seconds.

Run: .venv/bin/python bench/bench_quality.py [--jobs N] [--no-cache]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import math
import pickle
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import matcher.read
from matcher import scoring
from matcher.compiler import compile_file
from matcher.pipeline import Read, read_many
from matcher.ranking import rank
from matcher.resume import Resume, understand
from matcher.rubric import Rubric
from matcher.scoring import ScoreCard, keyword_density, score_many

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "livecareer-resumes-dev"
POSTINGS = ROOT / "bench" / "postings"
AS_OF = date(2026, 11, 23)
K = 10


def read_all(files: Sequence[str], jobs: int, use_cache: bool) -> list[Read]:
    """Read every PDF (in ``jobs`` processes), through a cache keyed by the reader's code."""
    key = hashlib.sha256(Path(matcher.read.__file__).read_bytes())
    for f in files:
        key.update(f.encode())
    cache = Path(tempfile.gettempdir()) / f"matcher-bench-quality-{key.hexdigest()[:16]}.pickle"
    if use_cache and cache.exists():
        reads: list[Read] = pickle.loads(cache.read_bytes())
        return reads
    reads = read_many(list(files), jobs)
    cache.write_bytes(pickle.dumps(reads))
    return reads


def precision_at(rel: Sequence[bool], k: int = K) -> float:
    return sum(rel[:k]) / k


def ndcg_at(rel: Sequence[bool], k: int = K) -> float:
    dcg = sum(1 / math.log2(i + 2) for i, r in enumerate(rel[:k]) if r)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(k, sum(rel))))
    return dcg / ideal if ideal else 0.0


def average_precision(rel: Sequence[bool]) -> float:
    hits, total = 0, 0.0
    for i, r in enumerate(rel):
        if r:
            hits += 1
            total += hits / (i + 1)
    return total / hits if hits else 0.0


def metrics(order: Sequence[str], category: str, labels: dict[str, str]) -> tuple[float, ...]:
    rel = [labels[f] == category for f in order]
    return precision_at(rel), ndcg_at(rel), average_precision(rel)


_TOKEN = re.compile(r"[a-z0-9][a-z0-9+#]*")


def bm25_orders(texts: dict[str, str], queries: dict[str, str]) -> dict[str, list[str]]:
    """For each query, every document from best to worst BM25 score (ties by path)."""
    from rank_bm25 import BM25Okapi

    names = sorted(texts)
    bm25 = BM25Okapi([_TOKEN.findall(texts[n].lower()) for n in names])
    out = {}
    for cat, q in queries.items():
        scores = bm25.get_scores(_TOKEN.findall(q.lower()))
        out[cat] = [n for _, n in sorted(zip((-s for s in scores), names, strict=True))]
    return out


def engine_orders(
    resumes: list[Resume], rubrics: dict[str, Rubric]
) -> tuple[dict[str, list[str]], dict[str, list[str]], list[ScoreCard]]:
    """(ranking as shipped, ordered by score alone, the cards) for each category's rubric."""
    cats = list(rubrics)
    cards = [c for r in resumes for c in score_many(r, [rubrics[k] for k in cats])]
    table = rank(cards)
    shipped, by_score = {}, {}
    for cat in cats:
        job = rubrics[cat].job_id
        mine = [c for c in cards if c.job_id == job]
        shipped[cat] = table.filter(table["job_id"] == job)["resume"].to_list()
        by_score[cat] = [
            c.resume for c in sorted(mine, key=lambda c: (-round(c.score, 2), c.resume))
        ]
    return shipped, by_score, cards


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=None, help="reader processes (default: all)")
    ap.add_argument("--no-cache", action="store_true", help="read the PDFs again")
    args = ap.parse_args()
    if not (DATA / "labels.csv").exists():
        print(f"skipped: {DATA} is not here (optional development data)")
        return 0
    rows = list(csv.DictReader((DATA / "labels.csv").open(encoding="utf-8")))
    labels = {str(DATA / r["file"]): r["category"] for r in rows}
    files = sorted(labels)
    categories = sorted(set(labels.values()))
    missing = [c for c in categories if not (POSTINGS / f"{c}.txt").exists()]
    if missing:
        print(f"no posting for {', '.join(missing)} in {POSTINGS}", file=sys.stderr)
        return 1

    t0 = time.perf_counter()
    reads = read_all(files, args.jobs or 0, not args.no_cache)
    t_read = time.perf_counter() - t0
    ok = [r for r in reads if r.document is not None]
    print(
        f"{len(files)} resumes in {len(categories)} categories; {len(ok)} read "
        f"({t_read:.1f} s, cached after the first run)"
    )

    rubrics = {c: compile_file(POSTINGS / f"{c}.txt")[0] for c in categories}
    resumes = [understand(r.document, AS_OF) for r in ok if r.document is not None]
    texts = {r.document.source: r.document.text for r in resumes}
    queries = {c: (POSTINGS / f"{c}.txt").read_text(encoding="utf-8") for c in categories}

    t0 = time.perf_counter()
    shipped, by_score, cards = engine_orders(resumes, rubrics)
    t_engine = time.perf_counter() - t0
    saved = dict(scoring.CONTEXT_FACTOR)
    scoring.CONTEXT_FACTOR.update(dict.fromkeys(saved, 1.0))
    try:
        _, flat, _ = engine_orders(resumes, rubrics)
    finally:
        scoring.CONTEXT_FACTOR.update(saved)
    t0 = time.perf_counter()
    bm25 = bm25_orders(texts, queries)
    t_bm25 = time.perf_counter() - t0

    systems = {"engine": shipped, "engine score": by_score, "no context": flat, "BM25": bm25}
    print(
        "\nrubric criteria per posting: "
        + ", ".join(f"{c[:8].lower()} {len(rubrics[c].criteria)}" for c in categories)
    )
    head = f"{'category':22}" + "".join(f"{s:>22}" for s in systems)
    print(f"\n{'':22}" + "".join(f"{'P@10  NDCG@10   MAP':>22}" for _ in systems))
    print(head)
    sums = {s: [0.0, 0.0, 0.0] for s in systems}
    for cat in categories:
        line = f"{cat:22}"
        for s, orders in systems.items():
            m = metrics(orders[cat], cat, labels)
            sums[s] = [a + b for a, b in zip(sums[s], m, strict=True)]
            line += f"{m[0]:8.2f}{m[1]:8.2f}{m[2]:6.2f}"
        print(line)
    n = len(categories)
    print(
        f"{'mean':22}"
        + "".join(f"{a / n:8.2f}{b / n:8.2f}{c / n:6.2f}" for a, b, c in sums.values())
    )
    e, b = sums["engine"], sums["BM25"]
    print(
        f"\nengine / BM25: P@10 x{e[0] / b[0]:.2f}, NDCG@10 x{e[1] / b[1]:.2f}, MAP x{e[2] / b[2]:.2f}"
    )
    pairs = len(resumes) * n
    print(
        f"scoring {pairs} pairs took {t_engine:.2f} s ({1000 * t_engine / pairs:.3f} ms/pair); "
        f"BM25 index and {n} queries {t_bm25:.2f} s"
    )

    # Keyword density of each resume against its own category's rubric: the "normal" that
    # STUFFING_DENSITY is set far above.
    own = [keyword_density(r, rubrics[labels[r.document.source]])[0] for r in resumes]
    qs = statistics.quantiles(own, n=100)
    warned = sum(any(w.startswith("keyword_stuffing") for w in c.warnings) for c in cards)
    print(
        f"\nkeyword density vs own posting: median {statistics.median(own):.1%}, "
        f"p95 {qs[94]:.1%}, max {max(own):.1%}; threshold {scoring.STUFFING_DENSITY:.0%}; "
        f"keyword_stuffing warnings: {warned} of {len(cards)} cards"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
