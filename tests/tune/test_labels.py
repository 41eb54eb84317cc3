"""Tests for matcher.tune.labels: label spellings and bad lines, resume names, metrics, guardrail."""

from __future__ import annotations

import hashlib
from pathlib import Path

import polars as pl
import pytest

from matcher.errors import MatcherError, TuneError
from matcher.tune.labels import (
    GroupRate,
    Metrics,
    impact_ratios,
    match_labels,
    parse_labels,
    ranking_metrics,
    read_groups,
    read_labels,
    resolver,
)
from tests.conftest import SAMPLES

LABELS = SAMPLES / "labels.csv"
GROUPS = SAMPLES / "groups.csv"


def frame(rows: list[tuple[str, str, str]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=["resume", "job_id", "label"], orient="row")


# ---------------------------------------------------------------- labels


@pytest.mark.parametrize(
    ("spelling", "grade", "scale"),
    [
        ("advance", 1.0, "binary"),
        ("Reject", 0.0, "binary"),
        (" YES ", 1.0, "binary"),
        ("no", 0.0, "binary"),
        ("true", 1.0, "binary"),
        ("False", 0.0, "binary"),
        ("1", 1.0, "binary"),
        ("0", 0.0, "binary"),
        ("hire", 1.0, "binary"),
        ("3", 3.0, "graded"),
        ("2", 2.0, "graded"),
    ],
)
def test_label_spellings(spelling: str, grade: float, scale: str) -> None:
    labels = parse_labels(frame([("a.pdf", "j", spelling)]))
    assert labels.frame["grade"].to_list() == [grade] and labels.scale == scale


def test_bad_labels_are_listed_with_their_lines() -> None:
    with pytest.raises(TuneError) as err:
        parse_labels(frame([("a.pdf", "j", "maybe"), ("b.pdf", "j", "4"), ("", "j", "1")]))
    assert "line 2" in err.value.message and "line 3" in err.value.message
    assert "line 4" in err.value.message and isinstance(err.value, MatcherError)


def test_labels_do_not_mix_grades_and_words() -> None:
    with pytest.raises(TuneError, match="one scale"):
        parse_labels(frame([("a.pdf", "j", "3"), ("b.pdf", "j", "reject")]))


def test_conflicting_duplicate_labels_are_an_error() -> None:
    with pytest.raises(TuneError, match="labelled twice"):
        parse_labels(frame([("a.pdf", "j", "1"), ("a.pdf", "j", "0")]))


def test_labels_need_their_columns(tmp_path: Path) -> None:
    path = tmp_path / "l.csv"
    path.write_text("file,label\na.pdf,1\n", encoding="utf-8")
    with pytest.raises(TuneError, match="resume, job_id, label"):
        read_labels(path)


def test_read_labels_hashes_the_file_bytes() -> None:
    labels = read_labels(LABELS)
    assert labels.sha256 == hashlib.sha256(LABELS.read_bytes()).hexdigest()
    assert labels.scale == "graded" and labels.frame.height == 30


def test_resumes_are_named_by_path_name_or_stem() -> None:
    resolve = resolver(["samples/a.pdf", "samples/b.txt", "other/b.pdf"])
    assert resolve["samples/a.pdf"] == ("samples/a.pdf",)
    assert resolve["a.pdf"] == resolve["a"] == ("samples/a.pdf",)
    assert resolve["b.txt"] == ("samples/b.txt",)
    assert len(resolve["b"]) == 2  # ambiguous: reported, not guessed


def test_labels_saved_by_excel_with_a_bom_read_fine(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(b"\xef\xbb\xbfresume,job_id,label\r\nen_chef.pdf,j,Reject\r\n")
    labels = read_labels(path)
    assert labels.frame.row(0)[:3] == ("en_chef.pdf", "j", 0.0)


def test_labels_of_other_jobs_and_unknown_resumes_are_reported() -> None:
    labels = parse_labels(
        frame([("cv", "j", "yes"), ("x.pdf", "j", "no"), ("cv", "k", "no"), ("cv.pdf", "j", "1")])
    )
    grades, problems = match_labels(labels, "j", resolver(["in/cv.pdf"]))
    assert grades == {"in/cv.pdf": 1.0}
    assert problems == [
        "job k: 1 labels for another job than j, not used",
        "line 3: 'x.pdf' is not in this run (not given, or unreadable)",
        "line 5: in/cv.pdf is labelled again, first label kept",
    ]


def test_groups_need_their_columns(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text("resume,colour\na.pdf,red\n", encoding="utf-8")
    with pytest.raises(TuneError) as err:
        read_groups(path)
    assert err.value.status == "bad_groups"
    assert read_groups(GROUPS).columns == ["resume", "group"]


# ---------------------------------------------------------------- metrics


def test_metrics_perfect_reversed_and_ties() -> None:
    keys = [(True, 90.0, "a"), (True, 50.0, "b"), (True, 10.0, "c")]
    assert ranking_metrics(keys, [3, 1, 0], 2.0, 2) == Metrics(1.0, 0.5, 1.0)
    worst = ranking_metrics(keys, [0, 1, 3], 2.0, 1)
    assert worst.auc == 0.0 and worst.precision == 0.0
    tied = ranking_metrics([(True, 5.0, "a"), (True, 5.0, "b")], [1, 0], 1.0, 1)
    assert tied.auc == 0.5
    # an eligible resume ranks above an ineligible one whatever the score
    assert ranking_metrics([(False, 99.0, "a"), (True, 1.0, "b")], [1, 0], 1.0, 1).auc == 0.0


# ---------------------------------------------------------------- the guardrail


def ranking(rows: list[tuple[str, int, float]]) -> pl.DataFrame:
    return pl.DataFrame(
        [(r, k, s, True) for r, k, s in rows],
        schema=["resume", "rank", "score", "eligible"],
        orient="row",
    )


def test_impact_ratios_flag_a_group_tuning_pushes_below_four_fifths() -> None:
    before = ranking([("a1", 1, 90.0), ("b1", 2, 80.0), ("a2", 3, 70.0), ("b2", 4, 60.0)])
    after = ranking([("a1", 1, 90.0), ("a2", 2, 85.0), ("b1", 3, 70.0), ("b2", 4, 60.0)])
    groups = pl.DataFrame(
        {"resume": ["a1", "a2", "b1", "b2", "ghost"], "group": ["A", "A", "B", "B", "B"]}
    )
    rows, problems, notes = impact_ratios(before, after, groups, 2, None)
    assert rows == (GroupRate("A", 2, 1, 2, 1.0, 1.0), GroupRate("B", 2, 1, 0, 1.0, 0.0))
    assert problems == ["groups line 6: 'ghost' is not one resume of this run"]
    assert notes == [
        "adverse impact: tuning lowers group B's selection to 0.00 of the top group's rate "
        "(before: 1.00); four-fifths rule: below 0.80"
    ]
    # by threshold: every eligible resume scoring 75 or more
    rows, _, _ = impact_ratios(before, after, groups, 2, 75.0)
    assert [(g.selected_before, g.selected_after) for g in rows] == [(1, 2), (1, 0)]
