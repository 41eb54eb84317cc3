"""Blind mode on real resumes: what it masks and what it costs in ranking quality.

Reads the 230 resumes of ``bench_quality`` (``../shared/data/livecareer-resumes-dev/``, skipped
cleanly when absent; extracted text is shared with its cache), compiles each category's posting
(the ``bench`` style) and ranks every resume with and without blind mode. Prints how many
resumes had something masked and of which kind, how many (resume, job) scores moved and by how
much (each moved pair with the first things masked in it), and precision@10, NDCG@10 and MAP
on average both ways.

Run: .venv/bin/python bench/bench_blind.py [--jobs N]
"""

from __future__ import annotations

import argparse
import csv
import time
from collections import Counter

import bench_quality as bq
import posting_styles

from matcher.compiler.criteria import compile_text
from matcher.resume.blind import blind
from matcher.resume.understand import understand


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=None, help="reader processes (default: all)")
    args = ap.parse_args()
    if not (bq.DATA / "labels.csv").exists():
        print(f"skipped: {bq.DATA} is not here (optional development data)")
        return 0
    rows = list(csv.DictReader((bq.DATA / "labels.csv").open(encoding="utf-8")))
    labels = {str(bq.DATA / r["file"]): r["category"] for r in rows}
    categories = sorted(set(labels.values()))
    reads = bq.read_all(sorted(labels), args.jobs or 0, True)
    docs = [r.document for r in reads if r.document is not None]
    t0 = time.perf_counter()
    masked = [blind(d) for d in docs]
    t_blind = time.perf_counter() - t0
    kinds = Counter(f.value for _, facts in masked for f in facts)
    touched = sum(1 for _, facts in masked if facts)
    print(
        f"{len(docs)} resumes read; blind mode masked something in {touched} "
        f"({t_blind * 1000 / max(len(docs), 1):.1f} ms per resume): "
        + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
    )
    texts = posting_styles.postings("bench", categories)
    cats = [c for c in categories if c in texts]
    rubrics = {c: compile_text(texts[c], stem=c)[0] for c in cats}
    plain = [understand(d, bq.AS_OF) for d in docs]
    hidden = [understand(d, bq.AS_OF) for d, _ in masked]
    results = {}
    for name, resumes in (("plain", plain), ("blind", hidden)):
        shipped, _, cards = bq.engine_orders(resumes, rubrics)
        scores = {(c.resume, c.job_id): c.score for c in cards}
        m = [bq.metrics(shipped[c], c, labels) for c in cats]
        results[name] = (scores, [sum(x[j] for x in m) / len(m) for j in range(3)])
    a, b = results["plain"][0], results["blind"][0]
    pairs = sorted(k for k in a if abs(a[k] - b[k]) > 0.005)
    moved = [abs(a[k] - b[k]) for k in pairs]
    print(
        f"{len(moved)} of {len(a)} (resume, job) scores moved"
        + (
            f", by {max(moved):.2f} at most, {sum(moved) / len(moved):.2f} on average"
            if moved
            else ""
        )
    )
    hidden_by = {d.source: facts for d, (_, facts) in zip(docs, masked, strict=True)}
    for resume, job in pairs:
        what = ", ".join(f"{f.value} {f.text!r}" for f in hidden_by.get(resume, ())[:4])
        print(f"  {resume} / {job}: {a[resume, job]:.2f} -> {b[resume, job]:.2f} ({what})")
    print(f"\n{'':8}{'P@10':>7}{'NDCG@10':>9}{'MAP':>7}")
    for name, (_, (p, n, ap_)) in results.items():
        print(f"{name:8}{p:7.3f}{n:9.3f}{ap_:7.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
