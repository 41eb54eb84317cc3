"""Tune: an evidence frame, a ``Rubric`` and recruiter labels in; a ``TuneResult`` with new weights out.

Input is the long evidence frame of a scored run (``ranking.evidence_table``), the rubric that made
it and a labels table ``resume,job_id,label``; output is a ``TuneResult``: the rubric with tuned
weights and its ``[tuning]`` provenance, a diff saying why each weight moved, before/after metrics
measured on held-out folds only, and selection-rate impact ratios per group. Nothing is read or
matched again: scores are recomputed from the credits in the evidence frame with polars, exactly
as ``scoring`` makes them (``100 * sum(weight * credit) / sum(weight)``). This module runs the
round; ``labels`` reads the decisions and measures, ``learn`` fits the weights.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import polars as pl

from matcher._version import ENGINE_VERSION
from matcher.errors import TuneError
from matcher.ranking import natural_key
from matcher.rubric.model import Rubric, Tuning
from matcher.tune.labels import (
    GroupRate,
    Labels,
    Metrics,
    impact_ratios,
    match_labels,
    number,
    parse_labels,
    ranking_metrics,
    resolver,
)
from matcher.tune.learn import L2, METHOD, WeightChange, explain, fit, rounded, score_of

# Below these, cross-validated numbers swing with a single label: warn, and the CLI writes no
# tuned file unless forced.
MIN_LABELS = 30
MIN_EACH = 5  # good and not-good labels each
FOLDS = 5


@dataclass(frozen=True, slots=True)
class TuneResult:
    """A tuning round: the tuned rubric, what changed and why, and how it measured."""

    rubric: Rubric
    k: int
    folds: int
    n_labels: int
    n_good: int
    scale: str  # of the labels: "graded" (good = 2 or 3) or "binary" (good = advance)
    before: Metrics
    after: Metrics
    changes: tuple[WeightChange, ...]
    impact: tuple[GroupRate, ...]
    cutoff: str
    label_problems: tuple[str, ...]
    warnings: tuple[str, ...]
    too_few: bool
    ranking_before: pl.DataFrame
    ranking_after: pl.DataFrame


# ---------------------------------------------------------------- scores


def reweigh(evidence: pl.DataFrame, weights: Mapping[str, float] | None = None) -> pl.DataFrame:
    """Scores and ranks from an evidence frame with new weights: no reading, no matching.

    Returns job_id, resume, rank, score, eligible ranked exactly as ``ranking.rank`` ranks
    the cards of a full re-score with ``rubric.with_weights(weights)``; criteria left out of
    ``weights`` keep the weight in the frame.

    >>> ev = pl.DataFrame({"job_id": ["j"] * 4, "resume": ["a", "a", "b", "b"],
    ...     "criterion_id": ["x", "y"] * 2, "weight": [1.0] * 4, "required": [False] * 4,
    ...     "credit": [1.0, 0.0, 0.0, 1.0], "met": [True, False, False, True]})
    >>> reweigh(ev, {"y": 3.0}).select("resume", "rank", "score").rows()
    [('b', 1, 75.0), ('a', 2, 25.0)]
    """
    w = pl.col("criterion_id").replace_strict(
        dict(weights or {}), default=pl.col("weight"), return_dtype=pl.Float64
    )
    df = (
        evidence.with_columns(w.alias("w"))
        .group_by("job_id", "resume")
        .agg(
            (100.0 * (pl.col("w") * pl.col("credit")).sum() / pl.col("w").sum()).alias("score"),
            (pl.col("met") | ~pl.col("required")).all().alias("eligible"),
        )
        .with_columns(pl.col("score").round(2))
    )
    # Jobs in natural order ("job-2" before "job-10"), as ``rank`` lists them.
    order = {j: i for i, j in enumerate(sorted(set(df["job_id"]), key=natural_key))}
    df = df.sort(
        [
            pl.col("job_id").replace_strict(order, return_dtype=pl.Int64),
            "eligible",
            "score",
            "resume",
        ],
        descending=[False, True, True, False],
    )
    rank = pl.int_range(1, pl.len() + 1).over("job_id").cast(pl.Int64).alias("rank")
    return df.with_columns(rank).select("job_id", "resume", "rank", "score", "eligible")


def _folds(keys: Sequence[str], grades: Sequence[float], folds: int) -> list[int]:
    """Fold of each resume: stratified by grade, shuffled by a hash of its key (deterministic)."""
    order = sorted(
        range(len(keys)),
        key=lambda i: (-grades[i], hashlib.sha256(keys[i].encode()).hexdigest(), i),
    )
    fold = [0] * len(keys)
    for r, i in enumerate(order):
        fold[i] = r % folds
    return fold


# ---------------------------------------------------------------- the round


def tune(
    evidence: pl.DataFrame,
    rubric: Rubric,
    labels: Labels | pl.DataFrame,
    *,
    k: int = 5,
    groups: pl.DataFrame | None = None,
    threshold: float | None = None,
    folds: int = FOLDS,
    as_of: date | None = None,
    l2: float = L2,
) -> TuneResult:
    """Tune ``rubric``'s weights to the labels, measure the change on held-out folds.

    Args:
        evidence: the evidence frame of a run that scored resumes against ``rubric``.
        rubric: the rubric to tune (only its weights change; required flags never do).
        labels: from ``read_labels``/``parse_labels`` (a DataFrame is parsed here).
        k: the cut-off of NDCG@k, precision@k and of the impact ratios (top k of the run).
        groups: ``resume,group`` rows for the adverse-impact guardrail (optional).
        threshold: select by score (eligible and score >= threshold, 0-100) instead of top k.
        folds: cross-validation folds, by resume.
        as_of: the tuning date recorded in the rubric (default: today).
        l2: the pull toward the current weights.

    Raises:
        TuneError: the evidence is not of this rubric, labels hold no good or no other
            resume of this job, or ``threshold`` is not a score (NaN, outside 0-100). Too few labels is a warning (``too_few``), not an error.
    """
    if threshold is not None and not 0 <= threshold <= 100:
        raise TuneError(f"threshold must be a score from 0 to 100, got {threshold!r}")
    labels = labels if isinstance(labels, Labels) else parse_labels(labels)
    ev = evidence.filter(pl.col("job_id") == rubric.job_id)
    ids = [c.id for c in rubric.criteria]
    if ev.is_empty():
        raise TuneError(f"no scored resume for job {rubric.job_id} in the evidence")
    if set(ev["criterion_id"]) != set(ids):
        raise TuneError(
            f"the evidence was not made with rubric {rubric.job_id} as given: score the resumes "
            "with this rubric file and tune on that run",
            status="bad_evidence",
        )
    credits: dict[str, dict[str, float]] = {}
    eligible: dict[str, bool] = {}
    for resume, cid, credit, met, required in ev.select(
        "resume", "criterion_id", "credit", "met", "required"
    ).iter_rows():
        credits.setdefault(resume, {})[cid] = credit
        eligible[resume] = eligible.get(resume, True) and (met or not required)
    grade_of, problems = match_labels(labels, rubric.job_id, resolver(sorted(credits)))
    names = sorted(grade_of)
    x = [[credits[r][c] for c in ids] for r in names]
    el, g, good = [eligible[r] for r in names], [grade_of[r] for r in names], labels.good_from
    n, n_good = len(names), sum(v >= good for v in g)
    if n == 0:
        raise TuneError(f"{labels.name}: no label names a resume of this run for {rubric.job_id}")
    if n_good in (0, n):
        raise TuneError(
            f"{labels.name}: {n} labelled resumes of {rubric.job_id} are all "
            f"{'good' if n_good else 'not good'}: tuning needs both"
        )
    w0 = [c.weight for c in rubric.criteria]
    nf = max(2, min(folds, n))
    # Folds follow the file's content (resume_id), not how its path was spelled on the command
    # line, so `samples/` and `./samples/` measure the same.
    content = (
        dict(ev.select("resume", "resume_id").iter_rows()) if "resume_id" in ev.columns else {}
    )
    fold = _folds([content.get(r) or Path(r).name for r in names], g, nf)
    oof = [0.0] * n  # each labelled resume scored by weights fitted without it
    for f in range(nf):
        train = [i for i in range(n) if fold[i] != f]
        pick = [x[i] for i in train], [el[i] for i in train], [g[i] for i in train]
        wf = rounded(fit(*pick, w0, l2))
        for i in range(n):
            if fold[i] == f:
                oof[i] = round(score_of(x[i], wf), 2)
    before = ranking_metrics(
        [(el[i], round(score_of(x[i], w0), 2), names[i]) for i in range(n)], g, good, k
    )
    after = ranking_metrics([(el[i], oof[i], names[i]) for i in range(n)], g, good, k)
    new = dict(zip(ids, rounded(fit(x, el, g, w0, l2)), strict=True))
    changes = explain(rubric.criteria, new, x, el, g)
    too_few = n < MIN_LABELS or min(n_good, n - n_good) < MIN_EACH
    warnings = []
    if too_few:
        warnings.append(
            f"only {n} labelled resumes ({n_good} good, {n - n_good} not) for {rubric.job_id}: "
            f"the numbers swing with a single label; trust them from {MIN_LABELS} labels with "
            f"{MIN_EACH} of each kind"
        )
    if any(
        a is not None and b is not None and a < b - 1e-9
        for a, b in zip((after.ndcg, after.auc), (before.ndcg, before.auc), strict=True)
    ):
        warnings.append("the tuned weights rank held-out resumes worse than the current ones")
    if unused := labels.frame.height - n:
        warnings.append(f"{unused} of {labels.frame.height} label rows not used (see the report)")
    rb, ra = reweigh(ev), reweigh(ev, new)
    impact: tuple[GroupRate, ...] = ()
    cutoff = f"top {k}" if threshold is None else f"eligible and score >= {threshold:g}"
    if groups is not None:
        impact, more, notes = impact_ratios(rb, ra, groups, k, threshold)
        problems += more
        warnings += notes
    tuned = replace(
        rubric.with_weights(new),
        tuning=Tuning(
            labels=labels.name,
            labels_sha256=labels.sha256,
            date=(as_of or date.today()).isoformat(),
            engine_version=ENGINE_VERSION,
            base_fingerprint=rubric.fingerprint,
            method=METHOD,
            k=k,
            folds=nf,
            n_labels=n,
            forced=too_few,
            **{
                f"{m}_{when}": None if v is None else round(v, 4)
                for when, ms in (("before", before), ("after", after))
                for m, v in (("ndcg", ms.ndcg), ("precision", ms.precision), ("auc", ms.auc))
            },
        ),
    )
    return TuneResult(
        rubric=tuned,
        k=k,
        folds=nf,
        n_labels=n,
        n_good=n_good,
        scale=labels.scale,
        before=before,
        after=after,
        changes=changes,
        impact=impact,
        cutoff=cutoff,
        label_problems=tuple(problems),
        warnings=tuple(warnings),
        too_few=too_few,
        ranking_before=rb,
        ranking_after=ra,
    )


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
