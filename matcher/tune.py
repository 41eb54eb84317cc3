"""Tune: an evidence frame, a ``Rubric`` and recruiter labels in; a ``TuneResult`` with new weights out.

Input is the long evidence frame of a scored run (``ranking.evidence_table``), the rubric that made
it and a labels table ``resume,job_id,label``; output is a ``TuneResult``: the rubric with tuned
weights and its ``[tuning]`` provenance, a diff saying why each weight moved, before/after metrics
measured on held-out folds only, and selection-rate impact ratios per group. Nothing is read or
matched again: scores are recomputed from the credits in the evidence frame with polars, exactly
as ``scoring`` makes them (``100 * sum(weight * credit) / sum(weight)``).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import polars as pl

from matcher.errors import MatcherError
from matcher.rubric import Criterion, Rubric, Tuning
from matcher.scoring import ENGINE_VERSION

# Below these, cross-validated numbers swing with a single label: warn, and the CLI writes no
# tuned file unless forced.
MIN_LABELS = 30
MIN_EACH = 5  # good and not-good labels each
L2 = 0.1  # pull toward the current weights, per squared log-ratio
TEMPERATURE = 10.0  # score points at which a pair's order is ~73% certain in the model
LOW, HIGH = 0.5, 2.0  # a tuned weight stays within [LOW, HIGH] x its current value
FOLDS = 5
MAX_PAIRS = 50_000
METHOD = "pairwise logistic on criterion credits, L2 toward current weights, bounds [0.5x, 2x]"
# Accepted label spellings (case-insensitive). Numbers 0-3 are grades; a file whose labels are
# all 0/1 or words is binary.
POSITIVE = ("advance", "advanced", "yes", "y", "true", "hire", "pass", "good", "1")
NEGATIVE = ("reject", "rejected", "no", "n", "false", "decline", "fail", "bad", "0")
GRADES = ("0", "1", "2", "3")


class TuneError(MatcherError):
    """Labels, groups or evidence that tuning cannot use; the message says what to fix."""

    status = "bad_labels"


@dataclass(frozen=True, slots=True)
class Labels:
    """Parsed labels: ``frame`` has resume, job_id, grade (0-3) and line (in the file)."""

    frame: pl.DataFrame
    name: str
    sha256: str
    scale: str  # "graded" (good = grade >= 2) or "binary" (good = 1)

    @property
    def good_from(self) -> float:
        """The lowest grade that counts as a good (advance) decision."""
        return 2.0 if self.scale == "graded" else 1.0


@dataclass(frozen=True, slots=True)
class Metrics:
    """Ranking quality among the labelled resumes; ``None`` when it cannot be measured."""

    ndcg: float | None
    precision: float | None
    auc: float | None


@dataclass(frozen=True, slots=True)
class WeightChange:
    """One line of the weight diff."""

    criterion_id: str
    label: str
    required: bool
    old: float
    new: float
    why: str


@dataclass(frozen=True, slots=True)
class GroupRate:
    """Selection at the cut-off for one group, before and after tuning (four-fifths rule)."""

    group: str
    n: int
    selected_before: int
    selected_after: int
    ratio_before: float | None  # rate / highest group's rate
    ratio_after: float | None


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


# ---------------------------------------------------------------- inputs


def read_labels(path: str | Path) -> Labels:
    """Read a labels CSV ``resume,job_id,label``; raise ``TuneError`` listing every bad line."""
    p = Path(path)
    try:
        raw = p.read_bytes()
        frame = pl.read_csv(raw.removeprefix(b"\xef\xbb\xbf"), infer_schema=False)  # Excel's BOM
    except (OSError, pl.exceptions.PolarsError) as e:
        raise TuneError(f"{p}: cannot read labels: {e}") from None
    return parse_labels(frame, name=p.name, sha256=hashlib.sha256(raw).hexdigest())


def parse_labels(frame: pl.DataFrame, *, name: str = "<labels>", sha256: str = "") -> Labels:
    """Check and normalise a labels table (columns resume, job_id, label, as strings).

    Labels are grades 0-3, or binary: advance/reject, yes/no, y/n, true/false, hire/decline,
    pass/fail, good/bad, 1/0 (any case). A file mixes no grades 2-3 with words.

    >>> parse_labels(pl.DataFrame({"resume": ["a.pdf"], "job_id": ["j"], "label": ["Advance"]})).scale
    'binary'
    """
    missing = [c for c in ("resume", "job_id", "label") if c not in frame.columns]
    if missing:
        raise TuneError(f"{name}: labels need columns resume, job_id, label (missing {missing})")
    rows = frame.select(pl.col("resume", "job_id", "label").cast(pl.String)).rows()
    problems, out = [], []
    for line, (resume, job, label) in enumerate(rows, start=2):
        text = (label or "").strip().lower()
        if not (resume or "").strip() or not (job or "").strip():
            problems.append(f"line {line}: resume and job_id must not be empty")
        elif text not in (*POSITIVE, *NEGATIVE, *GRADES):
            problems.append(f"line {line}: label {label!r} is not 0-3 or a yes/no word")
        else:
            grade = float(text) if text in GRADES else 1.0 if text in POSITIVE else 0.0
            out.append((resume.strip(), job.strip(), grade, line, text in GRADES))
    graded = any(g >= 2 for _, _, g, _, _ in out)
    if graded and not all(num for *_, num in out):
        problems.append("labels mix grades 2-3 with yes/no words: use one scale")
    seen: dict[tuple[str, str], float] = {}
    for resume, job, grade, line, _ in out:
        if seen.setdefault((resume, job), grade) != grade:
            problems.append(f"line {line}: {resume} for {job} is labelled twice, differently")
    if not out and not problems:
        problems.append("no label rows")
    if problems:
        raise TuneError(f"{name}: bad labels\n" + "\n".join(f"  {p}" for p in problems))
    df = pl.DataFrame(
        [r[:4] for r in out],
        schema={"resume": pl.String, "job_id": pl.String, "grade": pl.Float64, "line": pl.Int64},
        orient="row",
    ).unique(["resume", "job_id"], keep="first", maintain_order=True)
    digest = sha256 or hashlib.sha256(df.write_csv().encode()).hexdigest()
    return Labels(df, name, digest, "graded" if graded else "binary")


def read_groups(path: str | Path) -> pl.DataFrame:
    """Read a groups CSV ``resume,group`` (for the adverse-impact guardrail only)."""
    p = Path(path)
    try:
        frame = pl.read_csv(p, infer_schema=False)
    except (OSError, pl.exceptions.PolarsError) as e:
        raise TuneError(f"{p}: cannot read groups: {e}", status="bad_groups") from None
    if not {"resume", "group"} <= set(frame.columns):
        raise TuneError(f"{p}: groups need columns resume, group", status="bad_groups")
    return frame.select("resume", "group")


def _resolver(resumes: Sequence[str]) -> Mapping[str, tuple[str, ...]]:
    """Every way a labels file may name a resume -> the resumes it names: the path as given,
    any trailing part of it (``pdf/ACCOUNTANT/1.pdf``, the file name) and the file's stem."""
    keys: dict[str, set[str]] = {}
    for r in resumes:
        parts = Path(r).parts
        for key in (Path(r).stem, *("/".join(parts[i:]) for i in range(len(parts)))):
            keys.setdefault(key, set()).add(r)
    exact = {r: (r,) for r in resumes}  # the path as given always wins over a name or stem
    return {**{k: tuple(sorted(v)) for k, v in keys.items()}, **exact}


# ---------------------------------------------------------------- scores and metrics


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
    natural = sorted(
        set(df["job_id"]),
        key=lambda s: [(0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"(\d+)", s)],
    )
    order = {j: i for i, j in enumerate(natural)}
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


def _score(x: Sequence[float], w: Sequence[float]) -> float:
    return 100.0 * sum(a * b for a, b in zip(w, x, strict=True)) / sum(w)


def _order(keys: Sequence[tuple[bool, float, str]]) -> list[int]:
    """Indices best first, as ``rank`` orders: eligible, then score (2 decimals), then name."""
    return sorted(range(len(keys)), key=lambda i: (not keys[i][0], -keys[i][1], keys[i][2]))


def _metrics(
    keys: Sequence[tuple[bool, float, str]], grades: Sequence[float], good: float, k: int
) -> Metrics:
    """NDCG@k (gain 2^grade - 1), precision@k (share of good in the top k) and AUC (chance a
    good resume ranks above another, ties half) of ``keys`` ranked as ``rank`` ranks them."""
    order = _order(keys)
    gains = [2.0 ** grades[i] - 1.0 for i in order]
    ideal = sorted(gains, reverse=True)
    dcg = [sum(g / math.log2(r + 2) for r, g in enumerate(gs[:k])) for gs in (gains, ideal)]
    top = order[: min(k, len(order))]
    pos = [i for i in range(len(keys)) if grades[i] >= good]
    neg = [i for i in range(len(keys)) if grades[i] < good]

    def beats(a: int, b: int) -> float:
        ka, kb = (not keys[a][0], -keys[a][1]), (not keys[b][0], -keys[b][1])
        return 1.0 if ka < kb else 0.5 if ka == kb else 0.0

    return Metrics(
        ndcg=dcg[0] / dcg[1] if dcg[1] > 0 else None,
        precision=sum(grades[i] >= good for i in top) / len(top) if top else None,
        auc=sum(beats(p, n) for p in pos for n in neg) / (len(pos) * len(neg))
        if pos and neg
        else None,
    )


# ---------------------------------------------------------------- learning


def _fit(
    x: Sequence[Sequence[float]],
    eligible: Sequence[bool],
    grades: Sequence[float],
    w0: Sequence[float],
    l2: float,
) -> list[float]:
    """Weights minimising a pairwise logistic loss (better-graded resume above) plus L2 on the
    log-ratio to the current weights, within [LOW, HIGH] x each weight. Deterministic: fixed
    start, projected gradient steps with backtracking, no randomness.

    Only pairs of equal eligibility count: weights cannot reorder an eligible resume and an
    ineligible one. A criterion with the same credit on every resume cannot change their order
    either, so it keeps its weight.
    """
    n, m = len(x), len(w0)
    pairs = _pairs(eligible, grades)
    free = [c for c in range(m) if len({round(row[c], 9) for row in x}) > 1]
    if not pairs or not free:
        return list(w0)
    lo, hi = math.log(LOW), math.log(HIGH)

    def loss_grad(theta: list[float]) -> tuple[float, list[float]]:
        w = [w0[c] * math.exp(theta[c]) for c in range(m)]
        total = sum(w)
        s = [_score(row, w) for row in x]
        coef = [0.0] * n  # d loss / d s_i, gathered over pairs
        loss = 0.0
        for i, j in pairs:
            z = -(s[i] - s[j]) / TEMPERATURE
            loss += z + math.log1p(math.exp(-z)) if z > 0 else math.log1p(math.exp(z))
            d = -1.0 / (1.0 + math.exp(-z)) / TEMPERATURE
            coef[i] += d
            coef[j] -= d
        grad = [0.0] * m
        for c in free:
            grad[c] = sum(coef[i] * w[c] * (100.0 * x[i][c] - s[i]) / total for i in range(n))
            grad[c] = grad[c] / len(pairs) + 2.0 * l2 * theta[c]
        return loss / len(pairs) + l2 * sum(t * t for t in theta), grad

    theta = [0.0] * m
    loss, grad = loss_grad(theta)
    step = 1.0
    for _ in range(300):
        while step > 1e-6:
            trial = [min(hi, max(lo, t - step * g)) for t, g in zip(theta, grad, strict=True)]
            new_loss, new_grad = loss_grad(trial)
            if new_loss < loss - 1e-12:
                break
            step /= 2.0
        else:
            break
        done = loss - new_loss < 1e-9
        theta, loss, grad, step = trial, new_loss, new_grad, min(1.0, step * 2.0)
        if done:
            break
    return [w0[c] * math.exp(theta[c]) for c in range(m)]


def _pairs(eligible: Sequence[bool], grades: Sequence[float]) -> list[tuple[int, int]]:
    """(better, worse) label pairs that weights can reorder: both eligible or both not."""
    n = len(grades)
    pairs = [
        (i, j)
        for i in range(n)
        for j in range(n)
        if grades[i] > grades[j] and eligible[i] == eligible[j]
    ]
    # Pairs grow with the square of the labels; an even, deterministic stride keeps a fit to
    # seconds on thousands of labels and barely moves the loss's average.
    return pairs[:: -(-len(pairs) // MAX_PAIRS)] if pairs else pairs


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
        threshold: select by score (eligible and score >= threshold) instead of top k.
        folds: cross-validation folds, by resume.
        as_of: the tuning date recorded in the rubric (default: today).
        l2: the pull toward the current weights.

    Raises:
        TuneError: the evidence is not of this rubric, or labels hold no good or no other
            resume of this job. Too few labels is a warning (``too_few``), not an error.
    """
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
    grade_of, problems = _match_labels(labels, rubric.job_id, _resolver(sorted(credits)))
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
        wf = _rounded(_fit(*pick, w0, l2))
        for i in range(n):
            if fold[i] == f:
                oof[i] = round(_score(x[i], wf), 2)
    before = _metrics([(el[i], round(_score(x[i], w0), 2), names[i]) for i in range(n)], g, good, k)
    after = _metrics([(el[i], oof[i], names[i]) for i in range(n)], g, good, k)
    new = dict(zip(ids, _rounded(_fit(x, el, g, w0, l2)), strict=True))
    # Why a weight moved: at the fitted weights, each pair counts by how close or misordered it
    # still is (the logistic loss's own weighting), so the direction of each move matches the
    # sign of (lead on the criterion - lead on the score) over these pairs.
    pairs = _pairs(el, g)
    s1 = [_score(row, list(new.values())) / 100.0 for row in x]
    hard = [1.0 / (1.0 + math.exp(100.0 * (s1[i] - s1[j]) / TEMPERATURE)) for i, j in pairs]
    lead_score = sum(h * (s1[i] - s1[j]) for h, (i, j) in zip(hard, pairs, strict=True))
    lead_score /= sum(hard) or 1.0
    changes = tuple(
        _change(c, new[c.id], [row[j] for row in x], lead_score, pairs, hard)
        for j, c in enumerate(rubric.criteria)
    )
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
        impact, more, notes = _impact(rb, ra, groups, k, threshold)
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


def _rounded(w: Sequence[float]) -> list[float]:
    """Two decimals, as a person writes weights; never rounded to zero."""
    return [round(v, 2) if round(v, 2) > 0 else v for v in w]


def _match_labels(
    labels: Labels, job_id: str, resolve: Mapping[str, tuple[str, ...]]
) -> tuple[dict[str, float], list[str]]:
    """Grades of this job's resumes, and every label row that could not be used, with why."""
    problems = [
        f"job {job}: {count} labels for another job than {job_id}, not used"
        for job, count in labels.frame.filter(pl.col("job_id") != job_id)
        .group_by("job_id")
        .len()
        .sort("job_id")
        .rows()
    ]
    grade_of: dict[str, float] = {}
    for resume, _, grade, line in labels.frame.filter(pl.col("job_id") == job_id).rows():
        hits = resolve.get(resume, ())
        if not hits:
            problems.append(
                f"line {line}: {resume!r} is not in this run (not given, or unreadable)"
            )
        elif len(hits) > 1:
            problems.append(f"line {line}: {resume!r} names {len(hits)} resumes: give the path")
        elif hits[0] in grade_of:
            problems.append(f"line {line}: {hits[0]} is labelled again, first label kept")
        else:
            grade_of[hits[0]] = grade
    return grade_of, problems


def _change(
    c: Criterion,
    new: float,
    credit: Sequence[float],
    lead_score: float,
    pairs: Sequence[tuple[int, int]],
    hard: Sequence[float],
) -> WeightChange:
    """A diff line. ``why`` compares, over pairs of labelled resumes weighted by how close or
    misordered they are, how far the better-labelled one leads on this criterion's credit with
    how far it leads on the whole score (as a 0-1 fraction): a criterion that separates them
    more than the score does gains weight, one that separates them less loses it.
    """
    lead = sum(h * (credit[i] - credit[j]) for h, (i, j) in zip(hard, pairs, strict=True))
    lead /= sum(hard) or 1.0
    seen = f"better-labelled lead by {lead:+.2f} here vs {lead_score:+.2f} overall"
    if len(set(credit)) == 1:
        why = f"kept: every labelled resume has credit {credit[0]:.2f}, so it cannot reorder them"
    elif not pairs:
        why = "kept: no labelled pair it could reorder"
    elif abs(new - c.weight) < 0.005:
        why = f"kept: {seen}"
    else:
        why = f"{'up' if new > c.weight else 'down'}: {seen}"
        if new >= c.weight * HIGH - 0.005 or new <= c.weight * LOW + 0.005:
            why += f" (at the {'2x' if new > c.weight else '0.5x'} bound)"
    if c.required:
        why += "; stays required"
    return WeightChange(c.id, c.label, c.required, c.weight, new, why)


def _impact(
    before: pl.DataFrame,
    after: pl.DataFrame,
    groups: pl.DataFrame,
    k: int,
    threshold: float | None,
) -> tuple[tuple[GroupRate, ...], list[str], list[str]]:
    """Selection rates per group at the cut-off, their ratio to the top group's rate, warnings."""
    resolve = _resolver(before["resume"].to_list())
    group_of: dict[str, str] = {}
    problems: list[str] = []
    for line, (resume, group) in enumerate(groups.select("resume", "group").rows(), start=2):
        hits = resolve.get(str(resume), ()) if resume and group else ()
        if len(hits) == 1:
            group_of.setdefault(hits[0], str(group))
        else:
            problems.append(f"groups line {line}: {resume!r} is not one resume of this run")
    notes = []
    if len(group_of) < len(before):
        notes.append(
            f"{len(before) - len(group_of)} resumes have no group: left out of impact ratios"
        )

    def chosen(df: pl.DataFrame) -> set[str]:
        keep = (
            pl.col("rank") <= k
            if threshold is None
            else pl.col("eligible") & (pl.col("score") >= threshold)
        )
        return set(df.filter(keep)["resume"])

    sb, sa = chosen(before), chosen(after)
    names = sorted(set(group_of.values()))
    members = {gr: [r for r, x in group_of.items() if x == gr] for gr in names}
    counts = {
        gr: (len(m), sum(r in sb for r in m), sum(r in sa for r in m)) for gr, m in members.items()
    }

    def ratios(col: int) -> dict[str, float | None]:
        rates = {gr: c[col] / c[0] for gr, c in counts.items()}
        top = max(rates.values(), default=0.0)
        return {gr: (r / top if top > 0 else None) for gr, r in rates.items()}

    rb, ra = ratios(1), ratios(2)
    rows = tuple(GroupRate(gr, *counts[gr], rb[gr], ra[gr]) for gr in names)
    for row in rows:
        b, a = row.ratio_before, row.ratio_after
        if a is not None and a < 0.8 and (b is None or a < b - 1e-9):
            notes.append(
                f"adverse impact: tuning lowers group {row.group}'s selection to {a:.2f} of the "
                f"top group's rate (before: {_num(b)}); four-fifths rule: below 0.80"
            )
        elif b is not None and b < 0.8:
            notes.append(
                f"group {row.group} is selected at {_num(a)} of the top group's rate "
                f"(before: {b:.2f}, below four-fifths already): review the rubric"
            )
    return rows, problems, notes


def _num(v: float | None, fmt: str = ".2f") -> str:
    return "-" if v is None else format(v, fmt)


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
        lines.append(f"{name:<16}  {_num(b, '.3f'):<6}  {_num(a, '.3f'):<6}  {change}")
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
                f"  {g.group:<8} {g.n:>2}  {g.selected_before:>15}  {_num(g.ratio_before):>5}"
                f"  {g.selected_after:>14}  {_num(g.ratio_after):>5}"
            )
    if result.label_problems:
        lines += ["", "label and group rows not used:", *(f"  {p}" for p in result.label_problems)]
    return "\n".join(lines)
