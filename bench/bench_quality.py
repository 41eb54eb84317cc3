"""Ranking quality: the engine against a BM25 baseline on real resumes, in one run.

Reads ``../shared/data/livecareer-resumes-dev/`` (230 resume PDFs, ``labels.csv`` gives each
file's category) and skips cleanly when it is absent. For each category it compiles the posting
``bench/postings/<CATEGORY>.txt`` with matcher's compiler, ranks every file against it, and
counts a file relevant when its category is the posting's. It reports precision@10, NDCG@10 and
MAP per category and on average for:

- engine: matcher's ranking as shipped (eligible first, then score);
- engine score: the same cards ordered by score alone (eligibility ignored);
- ablations of the compiled rubrics, by score: without the title criteria (the title and its
  trade words), without the keyword criteria (specific posting words), without both; and
  "title counted anywhere": a title mentioned in a duty counting as much as one in the
  headline or a role title;
- reviewed: the engine with each compiled rubric plus what a recruiter adds on review
  (``bench/postings/review.toml``: the job title and the posting's own key terms), in the
  shipped order and by score alone, and as diagnostics without any context factor, with
  weights times each criterion's idf over the corpus, and with the title weighed four times;
- BM25: rank-bm25's BM25Okapi over the same extracted text, the posting text as query;
- engine + BM25 fused: reciprocal rank fusion of the two (a diagnostic: it gains only where
  BM25 knows something the engine misses).

Then engine minus BM25 per category, with a paired bootstrap 95% interval over categories.

It also prints the keyword density of every resume against its own category's rubric (what
``keyword_stuffing`` is calibrated on). Extracted text is cached under /tmp (keyed by the
source of the reader's modules), so a second run takes seconds.

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
import tomllib
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

import posting_styles

import matcher.read.device
import matcher.read.document
import matcher.read.formats
import matcher.read.intake
import matcher.read.layout
import matcher.read.pdf
import matcher.read.reader
import matcher.read.textlayer
import matcher.text
from matcher.compiler.criteria import compile_file, compile_text
from matcher.pipeline.workers import read_many
from matcher.read.cache import Read
from matcher.resume.understand import Resume, understand
from matcher.rubric.model import Criterion, Rubric
from matcher.scoring import credit
from matcher.scoring import score as scoring
from matcher.scoring.score import ScoreCard, keyword_density, score_many

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "livecareer-resumes-dev"
POSTINGS = ROOT / "bench" / "postings"
AS_OF = date(2026, 11, 23)
K = 10
# Every module whose code decides what a resume reads as: the cache keys on their source.
READER_STEPS = (
    matcher.text,
    matcher.read.layout,
    matcher.read.formats,
    matcher.read.document,
    matcher.read.intake,
    matcher.read.textlayer,
    matcher.read.device,
    matcher.read.pdf,
    matcher.read.reader,
)


def read_all(files: Sequence[str], jobs: int, use_cache: bool) -> list[Read]:
    """Read every PDF (in ``jobs`` processes), through a cache keyed by the reader's code."""
    key = hashlib.sha256()
    for step in READER_STEPS:
        key.update(Path(step.__file__).read_bytes())
    for f in files:
        key.update(f.encode())
    cache = Path(tempfile.gettempdir()) / f"matcher-bench-quality-{key.hexdigest()[:16]}.pickle"
    if use_cache and cache.exists():
        reads: list[Read] = pickle.loads(cache.read_bytes())
        return reads
    reads = read_many(list(files), jobs)
    if not any(r.status in ("reader_crashed", "timeout") for r in reads):
        cache.write_bytes(pickle.dumps(reads))  # a crash or timeout is this run's, not the file's
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


def fused(a: Sequence[str], b: Sequence[str], k: int = 60) -> list[str]:
    """Reciprocal rank fusion of two orders (Cormack et al. 2009, k = 60)."""
    score: dict[str, float] = {}
    for order in (a, b):
        for i, name in enumerate(order):
            score[name] = score.get(name, 0.0) + 1 / (k + i + 1)
    return sorted(score, key=lambda n: (-score[n], blind(n)))


def paired_interval(diffs: Sequence[float], draws: int = 10_000) -> tuple[float, float]:
    """95% bootstrap interval of the mean of paired differences (seeded: same every run)."""
    import random

    rng = random.Random(0)
    n = len(diffs)
    means = sorted(sum(rng.choices(diffs, k=n)) / n for _ in range(draws))
    return means[int(0.025 * draws)], means[int(0.975 * draws) - 1]


def print_paired(scores: dict[str, list[tuple[float, ...]]], n: int) -> None:
    """The engine minus BM25 per metric over the ``n`` postings: mean, 95% interval, wins."""
    for j, metric in enumerate(("P@10", "NDCG@10", "MAP")):
        d = [a[j] - b[j] for a, b in zip(scores["engine"], scores["BM25"], strict=True)]
        lo, hi = paired_interval(d)
        wins, losses = sum(x > 0.005 for x in d), sum(x < -0.005 for x in d)
        print(
            f"  {metric:8} {sum(d) / n:+.3f}  95% interval [{lo:+.3f}, {hi:+.3f}]  "
            f"ahead in {wins}, behind in {losses}, level in {n - wins - losses} of {n}"
        )


def blind(path: str) -> str:
    """A tie-breaker that knows nothing of a file's category: the files sit in folders named
    by category, so breaking ties by path would rank a category's files by its name."""
    return hashlib.sha256(Path(path).name.encode()).hexdigest()


def bm25_orders(texts: dict[str, str], queries: dict[str, str]) -> dict[str, list[str]]:
    """For each query, every document from best to worst BM25 score (ties by ``blind``)."""
    from rank_bm25 import BM25Okapi

    names = sorted(texts)
    bm25 = BM25Okapi([_TOKEN.findall(texts[n].lower()) for n in names])
    out = {}
    for cat, q in queries.items():
        scores = bm25.get_scores(_TOKEN.findall(q.lower()))
        out[cat] = [
            n
            for _, _, n in sorted(zip((-s for s in scores), map(blind, names), names, strict=True))
        ]
    return out


def engine_orders(
    resumes: list[Resume], rubrics: dict[str, Rubric]
) -> tuple[dict[str, list[str]], dict[str, list[str]], list[ScoreCard]]:
    """(ranking as shipped, ordered by score alone, the cards) for each category's rubric."""
    cats = list(rubrics)
    cards = [c for r in resumes for c in score_many(r, [rubrics[k] for k in cats])]
    shipped, by_score = {}, {}
    for cat in cats:
        job = rubrics[cat].job_id
        mine = [c for c in cards if c.job_id == job]
        # As ``rank`` orders them (eligible first, then score), ties by ``blind``, not by path.
        shipped[cat] = [
            c.resume
            for c in sorted(
                mine, key=lambda c: (not c.eligible, -round(c.score, 2), blind(c.resume))
            )
        ]
        by_score[cat] = [
            c.resume for c in sorted(mine, key=lambda c: (-round(c.score, 2), blind(c.resume)))
        ]
    return shipped, by_score, cards


def reviewed(rubric: Rubric, review: dict[str, object]) -> Rubric:
    """The compiled rubric plus the reviewer's title and term criteria (see review.toml)."""
    crits = list(rubric.criteria)
    seen = {c.label.lower() for c in crits}
    entries = [(str(review["title"]), "domain", 3.0)]
    entries += [(str(t), "skill", 2.5) for t in review["terms"]]  # type: ignore[attr-defined]
    for i, (entry, kind, weight) in enumerate(entries):
        label, *aliases = [w.strip() for w in entry.split("|")]
        if label.lower() not in seen:
            seen.add(label.lower())
            crits.append(Criterion(f"review-{i}", kind, label, weight, tuple(aliases)))
    return replace(rubric, criteria=tuple(crits))


def idf_weighted(rubrics: dict[str, Rubric], cards: list[ScoreCard], n: int) -> dict[str, Rubric]:
    """A diagnostic: each weight times the BM25 idf of its criterion over the ranked corpus.

    Shows how much of BM25's lead comes from weighting rare terms above common ones, which
    rubric weights (set by the compiler, a person or tuning) could carry.
    """
    df: dict[tuple[str, str], int] = {}
    for c in cards:
        for e in c.evidence:
            if e.credit > 0:
                df[c.job_id, e.criterion_id] = df.get((c.job_id, e.criterion_id), 0) + 1
    out = {}
    for cat, r in rubrics.items():
        weights = {}
        for c in r.criteria:
            d = df.get((r.job_id, c.id), 0)
            weights[c.id] = c.weight * math.log((n - d + 0.5) / (d + 0.5) + 1)
        out[cat] = r.with_weights(weights)
    return out


def style_report(
    style: str,
    resumes: list[Resume],
    labels: dict[str, str],
    categories: list[str],
    detail: bool,
) -> dict[str, list[tuple[float, ...]]] | None:
    """Engine against BM25 on one posting style; per-category rows when ``detail``."""
    texts_of = posting_styles.postings(style, categories)
    cats = [c for c in categories if c in texts_of]
    if not cats:
        print(f"\n== {style}: no postings")
        return None
    rubrics = {c: compile_text(texts_of[c], stem=c)[0] for c in cats}
    texts = {r.document.source: r.document.text for r in resumes}
    t0 = time.perf_counter()
    shipped, by_score, _ = engine_orders(resumes, rubrics)
    t_engine = time.perf_counter() - t0
    bm25 = bm25_orders(texts, texts_of)
    systems = {"engine": shipped, "engine, score order": by_score, "BM25": bm25}
    scores = {s: [metrics(o[c], c, labels) for c in cats] for s, o in systems.items()}
    n = len(cats)
    print(f"\n== posting style: {style} ({n} postings, {len(resumes)} resumes)")
    if detail:
        shown = tuple(systems)
        print(f"{'':22}" + "".join(f"{s:>23}" for s in shown))
        print(f"{'category':22}" + "".join(f"{'P@10 NDCG@10  MAP':>23}" for _ in shown))
        for i, cat in enumerate(cats):
            print(
                f"{cat:22}"
                + "".join("{:>9.2f}{:>8.2f}{:>6.2f}".format(*scores[s][i]) for s in shown)
            )
        print(
            "criteria per rubric: "
            + ", ".join(f"{c[:8].lower()} {len(rubrics[c].criteria)}" for c in cats)
        )
    means = {s: [sum(m[j] for m in v) / n for j in range(3)] for s, v in scores.items()}
    print(f"{'mean over postings':24}{'P@10':>6}{'NDCG@10':>9}{'MAP':>6}   MAP vs BM25")
    for s, m in means.items():
        print(
            f"{s:24}{m[0]:6.2f}{m[1]:9.2f}{m[2]:6.2f}   x{m[2] / max(means['BM25'][2], 1e-9):.2f}"
        )
    print("engine (as shipped) minus BM25, paired over postings:")
    print_paired(scores, n)
    pairs = len(resumes) * n
    print(f"scoring {pairs} pairs took {t_engine:.2f} s ({1000 * t_engine / pairs:.3f} ms/pair)")
    return scores


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=None, help="reader processes (default: all)")
    ap.add_argument("--no-cache", action="store_true", help="read the PDFs again")
    ap.add_argument(
        "--style",
        action="append",
        choices=posting_styles.STYLES,
        help="posting style (repeatable; default: all)",
    )
    ap.add_argument("--detail", action="store_true", help="per-category rows")
    ap.add_argument(
        "--ablations", action="store_true", help="the bench style's ablations and diagnostics"
    )
    args = ap.parse_args()
    if not (DATA / "labels.csv").exists():
        print(f"skipped: {DATA} is not here (optional development data)")
        return 0
    rows = list(csv.DictReader((DATA / "labels.csv").open(encoding="utf-8")))
    labels = {str(DATA / r["file"]): r["category"] for r in rows}
    files = sorted(labels)
    categories = sorted(set(labels.values()))

    t0 = time.perf_counter()
    reads = read_all(files, args.jobs or 0, not args.no_cache)
    t_read = time.perf_counter() - t0
    ok = [r for r in reads if r.document is not None]
    print(
        f"{len(files)} resumes in {len(categories)} categories; {len(ok)} read "
        f"({t_read:.1f} s, cached after the first run)"
    )
    resumes = [understand(r.document, AS_OF) for r in ok if r.document is not None]
    summary = {}
    for style in args.style or posting_styles.STYLES:
        got = style_report(style, resumes, labels, categories, args.detail)
        if got is not None:
            summary[style] = got
    print(
        f"\n{'summary':10}{'engine P@10':>12}{'BM25':>6}{'engine MAP':>12}{'BM25':>6}{'ratio':>8}"
    )
    for style, scores in summary.items():
        n = len(scores["engine"])
        e = [sum(m[j] for m in scores["engine"]) / n for j in range(3)]
        b = [sum(m[j] for m in scores["BM25"]) / n for j in range(3)]
        print(
            f"{style:10}{e[0]:12.3f}{b[0]:6.3f}{e[2]:12.3f}{b[2]:6.3f}{e[2] / max(b[2], 1e-9):8.3f}"
        )
    if args.ablations:
        return ablations(resumes, labels, categories)
    return 0


def ablations(resumes: list[Resume], labels: dict[str, str], categories: list[str]) -> int:
    """The bench style's ablations and the reviewed-rubric diagnostics (see QUALITY.md)."""
    missing = [c for c in categories if not (POSTINGS / f"{c}.txt").exists()]
    if missing:
        print(f"no posting for {', '.join(missing)} in {POSTINGS}", file=sys.stderr)
        return 1
    rubrics = {c: compile_file(POSTINGS / f"{c}.txt")[0] for c in categories}
    texts = {r.document.source: r.document.text for r in resumes}
    queries = {c: (POSTINGS / f"{c}.txt").read_text(encoding="utf-8") for c in categories}

    t0 = time.perf_counter()
    shipped, by_score, cards = engine_orders(resumes, rubrics)
    t_engine = time.perf_counter() - t0
    t0 = time.perf_counter()
    bm25 = bm25_orders(texts, queries)
    t_bm25 = time.perf_counter() - t0

    review = tomllib.loads((POSTINGS / "review.toml").read_text(encoding="utf-8"))
    rich = {c: reviewed(r, review[c]) for c, r in rubrics.items()}
    rich_order, rich_score, rich_cards = engine_orders(resumes, rich)
    saved = dict(credit.CONTEXT_FACTOR)
    credit.CONTEXT_FACTOR.update(dict.fromkeys(saved, 1.0))
    try:
        _, flat, _ = engine_orders(resumes, rich)
    finally:
        credit.CONTEXT_FACTOR.update(saved)
    # The engine reading a title wherever it stands, as before titles were read as a recruiter
    # reads them (headline and role titles in full, mentions at 0.3).
    credit.CONTEXT_FACTOR["mentioned"] = 1.0
    try:
        _, title_anywhere, _ = engine_orders(resumes, rubrics)
    finally:
        credit.CONTEXT_FACTOR.update(saved)
    _, idf, _ = engine_orders(resumes, idf_weighted(rich, rich_cards, len(resumes)))
    # The job title is this data set's strongest signal (categories are job titles): weigh it
    # as a recruiter would, four times the reviewer's default.
    titled = {c: r.with_weights({"review-0": 12.0}) for c, r in rich.items()}
    _, title, _ = engine_orders(resumes, titled)

    def without(*kinds: str) -> dict[str, Rubric]:
        return {
            c: replace(r, criteria=tuple(x for x in r.criteria if x.kind not in kinds))
            for c, r in rubrics.items()
        }

    _, no_title, _ = engine_orders(resumes, without("title"))
    _, no_keywords, _ = engine_orders(resumes, without("keyword"))
    _, neither, _ = engine_orders(resumes, without("title", "keyword"))

    systems = {
        "engine": shipped,
        "engine, score order": by_score,
        "  no title criterion": no_title,
        "  no keyword criteria": no_keywords,
        "  neither": neither,
        "  title counted anywhere": title_anywhere,
        "reviewed": rich_order,
        "reviewed, score order": rich_score,
        "reviewed, no context": flat,
        "reviewed, idf weights": idf,
        "reviewed, title x4": title,
        "BM25": bm25,
        # Diagnostic: does BM25 know something the engine misses? Reciprocal rank fusion of
        # the two orders gains only where it does.
        "engine + BM25 fused": {c: fused(by_score[c], bm25[c]) for c in categories},
    }
    print(
        "\ncriteria per compiled rubric: "
        + ", ".join(f"{c[:8].lower()} {len(rubrics[c].criteria)}" for c in categories)
    )
    scores = {s: [metrics(o[c], c, labels) for c in categories] for s, o in systems.items()}
    shown = ("engine", "engine, score order", "reviewed, score order", "BM25")
    print(f"\n{'':22}" + "".join(f"{s:>23}" for s in shown))
    print(f"{'category':22}" + "".join(f"{'P@10 NDCG@10  MAP':>23}" for _ in shown))
    for i, cat in enumerate(categories):
        print(
            f"{cat:22}" + "".join("{:>9.2f}{:>8.2f}{:>6.2f}".format(*scores[s][i]) for s in shown)
        )
    n = len(categories)
    means = {s: [sum(m[j] for m in v) / n for j in range(3)] for s, v in scores.items()}
    print(f"{'mean':22}" + "".join("{:>9.2f}{:>8.2f}{:>6.2f}".format(*means[s]) for s in shown))
    print(f"\n{'mean over categories':24}{'P@10':>6}{'NDCG@10':>9}{'MAP':>6}   vs BM25 (MAP)")
    for s, m in means.items():
        print(f"{s:24}{m[0]:6.2f}{m[1]:9.2f}{m[2]:6.2f}   x{m[2] / means['BM25'][2]:.2f}")
    # Is the difference clear? Per category wins and losses, and a paired bootstrap over the
    # categories (seeded) for the mean difference's 95% interval.
    print("\nengine (as shipped) minus BM25, per category paired:")
    print_paired(scores, n)
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
