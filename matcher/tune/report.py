"""Report: a ``TuneResult`` in, the text a person reads in a terminal out.

Held-out metrics before and after, the weight diff with why each weight moved, the top k of
the run before and after, the impact ratios per group and the label rows not used.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from matcher.tune.labels import number
from matcher.tune.round import TuneResult


def format_report(result: TuneResult) -> str:
    """The tuning round as text for a terminal: metrics, weight diff, top k, impact ratios."""
    r, k = result.rubric, result.k
    good = "good (label 2 or 3)" if result.scale == "graded" else "good (advance)"
    lines = [
        f"tuning {r.job_id} ({r.title}): {result.n_labels} labelled resumes, {result.n_good} "
        f"{good}, {result.folds}-fold cross-validation by resume",
        "",
        "held-out metrics  before  after   change",
    ]
    for name, b, a in (
        (f"NDCG@{k}", result.before.ndcg, result.after.ndcg),
        (f"precision@{k}", result.before.precision, result.after.precision),
        ("AUC", result.before.auc, result.after.auc),
    ):
        change = "-" if a is None or b is None else f"{a - b:+.3f}"
        lines.append(f"{name:<16}  {number(b, '.3f'):<6}  {number(a, '.3f'):<6}  {change}")
    lines += ["", "weights (criterion, old -> new, why)"]
    width = max(len(c.criterion_id) for c in result.changes)
    for c in result.changes:
        lines.append(f"  {c.criterion_id:<{width}}  {c.old:>5g} -> {c.new:<5g}  {c.why}")
    lines += ["", f"top {k} of the run, all resumes (before -> after tuning)"]
    tops = [df.filter(pl.col("rank") <= k) for df in (result.ranking_before, result.ranking_after)]
    for (rb, sb, _), (ra, sa, _) in zip(
        *(df.select("resume", "score", "eligible").rows() for df in tops), strict=False
    ):
        lines.append(f"  {Path(rb).name:<36} {sb:>6.2f}   {Path(ra).name:<36} {sa:>6.2f}")
    if result.impact:
        lines += [
            "",
            f"selection at {result.cutoff}: impact ratio = group rate / top group's rate "
            "(four-fifths rule: below 0.80 flags adverse impact)",
            "  group     n  selected before  ratio  selected after  ratio",
        ]
        for g in result.impact:
            lines.append(
                f"  {g.group:<8} {g.n:>2}  {g.selected_before:>15}  {number(g.ratio_before):>5}"
                f"  {g.selected_after:>14}  {number(g.ratio_after):>5}"
            )
    if result.label_problems:
        lines += ["", "label and group rows not used:", *(f"  {p}" for p in result.label_problems)]
    return "\n".join(lines)
