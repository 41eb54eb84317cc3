"""Learn: criterion credits and label grades in; weights, and why each moved, out.

Input is one row of criterion credits per labelled resume, whether it is eligible, its grade and
the rubric's current weights; output is new weights (a pairwise logistic fit, pulled toward the
current weights and bounded within [0.5x, 2x] of them) and a ``WeightChange`` per criterion
saying why its weight moved. Plain Python on lists: it sees no files, frames or folds; ``round``
decides what to fit on and measures the result.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from matcher.rubric.model import Criterion

L2 = 0.1  # pull toward the current weights, per squared log-ratio
TEMPERATURE = 10.0  # score points at which a pair's order is ~73% certain in the model
LOW, HIGH = 0.5, 2.0  # a tuned weight stays within [LOW, HIGH] x its current value
MAX_PAIRS = 50_000
METHOD = "pairwise logistic on criterion credits, L2 toward current weights, bounds [0.5x, 2x]"


@dataclass(frozen=True, slots=True)
class WeightChange:
    """One line of the weight diff."""

    criterion_id: str
    label: str
    required: bool
    old: float
    new: float
    why: str


def score_of(x: Sequence[float], w: Sequence[float]) -> float:
    """A resume's score from its credits ``x`` and weights ``w``, as ``scoring`` makes it.

    >>> score_of([1.0, 0.0], [3.0, 1.0])
    75.0
    """
    return 100.0 * sum(a * b for a, b in zip(w, x, strict=True)) / sum(w)


def fit(
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

    Args:
        x: the credits of each labelled resume, one row per resume, one column per criterion.
        eligible: whether each resume meets every required criterion.
        grades: each resume's label grade.
        w0: the current weights, one per criterion.
        l2: the pull toward the current weights.

    >>> w = fit([[1.0, 0.0], [0.0, 1.0]], [True, True], [1.0, 0.0], [1.0, 1.0], 0.1)
    >>> w[0] > 1.0 > w[1]
    True
    """
    n, m = len(x), len(w0)
    pairs = label_pairs(eligible, grades)
    free = [c for c in range(m) if len({round(row[c], 9) for row in x}) > 1]
    if not pairs or not free:
        return list(w0)
    lo, hi = math.log(LOW), math.log(HIGH)

    def loss_grad(theta: list[float]) -> tuple[float, list[float]]:
        w = [w0[c] * math.exp(theta[c]) for c in range(m)]
        total = sum(w)
        s = [score_of(row, w) for row in x]
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


def label_pairs(eligible: Sequence[bool], grades: Sequence[float]) -> list[tuple[int, int]]:
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


def rounded(w: Sequence[float]) -> list[float]:
    """Two decimals, as a person writes weights; never rounded to zero.

    >>> rounded([2.854, 0.001])
    [2.85, 0.001]
    """
    return [round(v, 2) if round(v, 2) > 0 else v for v in w]


def explain(
    criteria: Sequence[Criterion],
    new: Mapping[str, float],
    x: Sequence[Sequence[float]],
    eligible: Sequence[bool],
    grades: Sequence[float],
) -> tuple[WeightChange, ...]:
    """The weight diff: for each criterion, its old and new weight and why it moved.

    Args:
        criteria: the rubric's criteria, with their current weights.
        new: the fitted weight of each criterion, by id.
        x, eligible, grades: the credits, eligibility and grades the weights were fitted on.

    >>> from matcher.rubric.model import Criterion
    >>> crit = [Criterion("a", "skill", "A", 1.0), Criterion("b", "skill", "B", 1.0)]
    >>> diff = explain(crit, {"a": 1.2, "b": 1.0}, [[1.0, 1.0], [0.0, 1.0]], [True] * 2, [1, 0])
    >>> [c.why.split(":")[0] for c in diff]
    ['up', 'kept']
    """
    # Why a weight moved: at the fitted weights, each pair counts by how close or misordered it
    # still is (the logistic loss's own weighting), so the direction of each move matches the
    # sign of (lead on the criterion - lead on the score) over these pairs.
    pairs = label_pairs(eligible, grades)
    s1 = [score_of(row, [new[c.id] for c in criteria]) / 100.0 for row in x]
    hard = [1.0 / (1.0 + math.exp(100.0 * (s1[i] - s1[j]) / TEMPERATURE)) for i, j in pairs]
    lead_score = sum(h * (s1[i] - s1[j]) for h, (i, j) in zip(hard, pairs, strict=True))
    lead_score /= sum(hard) or 1.0
    return tuple(
        _change(c, new[c.id], [row[j] for row in x], lead_score, pairs, hard)
        for j, c in enumerate(criteria)
    )


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
