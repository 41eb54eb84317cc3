"""Round: an evidence frame, a ``Rubric`` and recruiter labels in; a ``TuneResult`` with new weights out.

Input is the long evidence frame of a scored run (``ranking.evidence_table``), the rubric that made
it and a labels table ``resume,job_id,label``; output is a ``TuneResult``: the rubric with tuned
weights and its ``[tuning]`` provenance, a diff saying why each weight moved, before/after metrics
measured on held-out folds only, and selection-rate impact ratios per group. Nothing is read or
matched again: scores are recomputed from the credits in the evidence frame with polars, exactly
as ``scoring`` makes them (``100 * sum(weight * credit) / sum(weight)``). This module runs the
round; ``labels`` reads the decisions and measures, ``learn`` fits the weights, ``report``
prints the result.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import polars as pl

from matcher._version import ENGINE_VERSION
from matcher.audit import FOUR_FIFTHS, resolver
from matcher.errors import TuneError
from matcher.ranking import natural_key
from matcher.rubric.model import Rubric, Tuning
from matcher.tune.labels import (
    GroupRate,
    Labels,
    Metrics,
    impact_ratios,
    match_labels,
    parse_labels,
    ranking_metrics,
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
    # A group whose impact ratio was four-fifths or more falls below it with the new weights:
    # the CLI writes such a rubric only with --force.
    adverse: bool = False


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
    job_evidence = _evidence_of(evidence, rubric)
    credits, eligible = _credits_by_resume(job_evidence)
    grade_of, problems = match_labels(labels, rubric.job_id, resolver(sorted(credits)))
    names = sorted(grade_of)
    design = _Design(
        names=names,
        credit_rows=[[credits[name][c.id] for c in rubric.criteria] for name in names],
        eligible=[eligible[name] for name in names],
        grades=[grade_of[name] for name in names],
        good_from=labels.good_from,
    )
    labelled, good = len(names), sum(grade >= labels.good_from for grade in design.grades)
    if labelled == 0:
        raise TuneError(f"{labels.name}: no label names a resume of this run for {rubric.job_id}")
    if good in (0, labelled):
        raise TuneError(
            f"{labels.name}: {labelled} labelled resumes of {rubric.job_id} are all "
            f"{'good' if good else 'not good'}: tuning needs both"
        )
    current = [c.weight for c in rubric.criteria]
    fold_count = max(2, min(folds, labelled))
    # Folds follow the file's content (resume_id), not how its path was spelled on the command
    # line, so `samples/` and `./samples/` measure the same.
    content = (
        dict(job_evidence.select("resume", "resume_id").iter_rows())
        if "resume_id" in job_evidence.columns
        else {}
    )
    fold_of = _folds([content.get(r) or Path(r).name for r in names], design.grades, fold_count)
    before = design.metrics([round(score_of(row, current), 2) for row in design.credit_rows], k)
    after = design.metrics(_held_out_scores(design, fold_of, fold_count, current, l2), k)
    new = dict(
        zip(
            [c.id for c in rubric.criteria],
            rounded(fit(design.credit_rows, design.eligible, design.grades, current, l2)),
            strict=True,
        )
    )
    changes = explain(rubric.criteria, new, design.credit_rows, design.eligible, design.grades)
    too_few = labelled < MIN_LABELS or min(good, labelled - good) < MIN_EACH
    warnings = _warnings(rubric, labels, labelled, good, too_few, before, after)
    ranking_before, ranking_after = reweigh(job_evidence), reweigh(job_evidence, new)
    impact: tuple[GroupRate, ...] = ()
    cutoff = f"top {k}" if threshold is None else f"eligible and score >= {threshold:g}"
    if groups is not None:  # the guardrail: selection rates per group before and after
        impact, more, notes = impact_ratios(ranking_before, ranking_after, groups, k, threshold)
        problems += more
        warnings += notes
    provenance = _provenance(rubric, labels, as_of, k, fold_count, labelled, too_few, before, after)
    return TuneResult(
        rubric=replace(rubric.with_weights(new), tuning=provenance),
        k=k,
        folds=fold_count,
        n_labels=labelled,
        n_good=good,
        scale=labels.scale,
        before=before,
        after=after,
        changes=changes,
        impact=impact,
        cutoff=cutoff,
        label_problems=tuple(problems),
        warnings=tuple(warnings),
        too_few=too_few,
        ranking_before=ranking_before,
        ranking_after=ranking_after,
        adverse=any(
            g.ratio_after is not None
            and g.ratio_after < FOUR_FIFTHS
            and (g.ratio_before is None or g.ratio_before >= FOUR_FIFTHS)
            for g in impact
        ),
    )


def _evidence_of(evidence: pl.DataFrame, rubric: Rubric) -> pl.DataFrame:
    """The evidence rows of ``rubric``'s job; raises when there are none or another rubric's."""
    rows = evidence.filter(pl.col("job_id") == rubric.job_id)
    if rows.is_empty():
        raise TuneError(f"no scored resume for job {rubric.job_id} in the evidence")
    if set(rows["criterion_id"]) != {c.id for c in rubric.criteria}:
        raise TuneError(
            f"the evidence was not made with rubric {rubric.job_id} as given: score the resumes "
            "with this rubric file and tune on that run",
            status="bad_evidence",
        )
    return rows


def _credits_by_resume(
    job_evidence: pl.DataFrame,
) -> tuple[dict[str, dict[str, float]], dict[str, bool]]:
    """Each resume's credit per criterion id, and whether it is eligible (every required met)."""
    credits: dict[str, dict[str, float]] = {}
    eligible: dict[str, bool] = {}
    for resume, criterion_id, credit, met, required in job_evidence.select(
        "resume", "criterion_id", "credit", "met", "required"
    ).iter_rows():
        credits.setdefault(resume, {})[criterion_id] = credit
        eligible[resume] = eligible.get(resume, True) and (met or not required)
    return credits, eligible


@dataclass(frozen=True, slots=True)
class _Design:
    """The design matrix of a round: one row of criterion credits per labelled resume."""

    names: list[str]  # the labelled resumes, sorted
    credit_rows: list[list[float]]  # credits in the rubric's criterion order
    eligible: list[bool]
    grades: list[float]
    good_from: float  # a grade at least this is "good"

    def metrics(self, scores: list[float], k: int) -> Metrics:
        """NDCG@k, precision@k and AUC of ranking the labelled resumes by ``scores``."""
        ranked = [
            (eligible, score, name)
            for eligible, score, name in zip(self.eligible, scores, self.names, strict=True)
        ]
        return ranking_metrics(ranked, self.grades, self.good_from, k)


def _held_out_scores(
    design: _Design, fold_of: list[int], fold_count: int, current: list[float], l2: float
) -> list[float]:
    """Each labelled resume's score under weights fitted on the other folds (never on itself)."""
    scores = [0.0] * len(design.names)
    for fold in range(fold_count):
        train = [i for i in range(len(design.names)) if fold_of[i] != fold]
        fold_weights = rounded(
            fit(
                [design.credit_rows[i] for i in train],
                [design.eligible[i] for i in train],
                [design.grades[i] for i in train],
                current,
                l2,
            )
        )
        for i, row in enumerate(design.credit_rows):
            if fold_of[i] == fold:
                scores[i] = round(score_of(row, fold_weights), 2)
    return scores


def _warnings(
    rubric: Rubric,
    labels: Labels,
    labelled: int,
    good: int,
    too_few: bool,
    before: Metrics,
    after: Metrics,
) -> list[str]:
    """What the person should know before trusting the round (too few labels, worse, unused)."""
    warnings = []
    if too_few:
        warnings.append(
            f"only {labelled} labelled resumes ({good} good, {labelled - good} not) for "
            f"{rubric.job_id}: the numbers swing with a single label; trust them from "
            f"{MIN_LABELS} labels with {MIN_EACH} of each kind"
        )
    if any(
        a is not None and b is not None and a < b - 1e-9
        for a, b in zip((after.ndcg, after.auc), (before.ndcg, before.auc), strict=True)
    ):
        warnings.append("the tuned weights rank held-out resumes worse than the current ones")
    if unused := labels.frame.height - labelled:
        warnings.append(f"{unused} of {labels.frame.height} label rows not used (see the report)")
    return warnings


def _provenance(
    rubric: Rubric,
    labels: Labels,
    as_of: date | None,
    k: int,
    fold_count: int,
    labelled: int,
    too_few: bool,
    before: Metrics,
    after: Metrics,
) -> Tuning:
    """The ``[tuning]`` table of the tuned rubric: labels, date, engine, measured change."""
    return Tuning(
        labels=labels.name,
        labels_sha256=labels.sha256,
        date=(as_of or date.today()).isoformat(),
        engine_version=ENGINE_VERSION,
        base_fingerprint=rubric.fingerprint,
        method=METHOD,
        k=k,
        folds=fold_count,
        n_labels=labelled,
        forced=too_few,
        **{
            f"{metric}_{when}": None if value is None else round(value, 4)
            for when, measured in (("before", before), ("after", after))
            for metric, value in (
                ("ndcg", measured.ndcg),
                ("precision", measured.precision),
                ("auc", measured.auc),
            )
        },
    )
