"""Tests for matcher.tune.learn: the pairwise fit on credits, its bounds, and the weight diff's why."""

from __future__ import annotations

import pytest

from matcher.rubric.model import Criterion
from matcher.tune.learn import HIGH, LOW, MAX_PAIRS, explain, fit, label_pairs, rounded, score_of

# Two criteria; the better-graded resumes lead on "a" only.
X = [[1.0, 0.2], [0.8, 0.9], [0.1, 0.8], [0.0, 0.1]]
GRADES = [1.0, 1.0, 0.0, 0.0]
ALL = [True] * 4


def test_fit_moves_toward_what_the_labels_reward_within_bounds() -> None:
    w = fit(X, ALL, GRADES, [1.0, 1.0], 0.1)
    assert w[0] > 1.0 > w[1]
    assert all(LOW * 1.0 - 1e-9 <= v <= HIGH * 1.0 + 1e-9 for v in w)
    assert fit(X, ALL, GRADES, [1.0, 1.0], 0.1) == w  # no randomness


def test_fit_hits_the_bound_without_the_l2_pull() -> None:
    w = fit(X, ALL, GRADES, [1.0, 1.0], 0.0)
    assert w[0] == pytest.approx(HIGH) or w[1] == pytest.approx(LOW)


@pytest.mark.parametrize(
    ("description", "x", "eligible", "grades"),
    [
        ("every grade equal: no pair", X, ALL, [1.0] * 4),
        ("pairs only across eligibility", X, [True, True, False, False], GRADES),
        ("every credit constant", [[0.5, 1.0]] * 4, ALL, GRADES),
    ],
)
def test_nothing_to_learn_keeps_the_weights(
    description: str, x: list[list[float]], eligible: list[bool], grades: list[float]
) -> None:
    assert fit(x, eligible, grades, [2.0, 3.0], 0.1) == [2.0, 3.0], description


def test_a_criterion_with_one_credit_for_all_keeps_its_weight() -> None:
    x = [[a, 0.5] for a, _ in X]
    assert fit(x, ALL, GRADES, [1.0, 3.0], 0.1)[1] == 3.0


def test_pairs_are_better_first_within_one_eligibility() -> None:
    assert label_pairs([True, True, False], [2.0, 0.0, 0.0]) == [(0, 1)]
    n = 400  # 79,800 pairs, more than MAX_PAIRS: every second one is kept
    many = label_pairs([True] * n, [float(i) for i in range(n)])
    assert len(many) == 39_900 <= MAX_PAIRS and many[:2] == [(1, 0), (2, 1)]


def test_scores_and_rounding() -> None:
    assert score_of([1.0, 0.5], [1.0, 2.0]) == pytest.approx(200.0 / 3)
    assert rounded([1.004, 2.996, 0.004]) == [1.0, 3.0, 0.004]  # never rounded to zero


def test_explain_says_why_each_weight_moved() -> None:
    crit = [
        Criterion("a", "skill", "A", 1.0),
        Criterion("b", "skill", "B", 1.0),
        Criterion("c", "skill", "C", 1.0, required=True),
    ]
    x = [[*row, 1.0] for row in X]
    diff = explain(crit, {"a": 2.0, "b": 0.7, "c": 1.0}, x, ALL, GRADES)
    why = {c.criterion_id: c.why for c in diff}
    assert why["a"].startswith("up: better-labelled lead by") and why["a"].endswith(
        "(at the 2x bound)"
    )
    assert why["b"].startswith("down: better-labelled lead by")
    assert why["c"] == (
        "kept: every labelled resume has credit 1.00, so it cannot reorder them; stays required"
    )
    assert [(c.old, c.new) for c in diff] == [(1.0, 2.0), (1.0, 0.7), (1.0, 1.0)]
