"""Tests for matcher.audit: the figures against a hand computation on a small table, and the
command over the generated protected-attribute corpus with and without blind mode."""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from matcher.audit import SMALL_GROUP, AuditError, Cut, audit, fisher_exact, read_groups_table
from matcher.cli import app
from matcher.rubric.io import save_rubric
from matcher.rubric.model import Criterion
from tests.people import rubric, write_corpus

runner = CliRunner()
# What a person might add to a rubric by hand: a preference for men (in both languages).
MEN_PREFERRED = Criterion("men", "keyword", "male", 3.0, aliases=("男",))

# 24 resumes r01..r24 ranked in that order (scores 99..76), all eligible; the top 8 selected.
NAMES = [f"r{i:02d}" for i in range(1, 25)]
MEN = {"r01", "r02", "r03", "r04", "r05", *(f"r{i:02d}" for i in range(9, 16))}
RACE_Y = {"r02", "r07", "r20", "r24"}


def ranking() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "resume": [f"in/{n}.pdf" for n in NAMES],
            "job_id": ["j"] * 24,
            "rank": list(range(1, 25)),
            "score": [100.0 - i for i in range(1, 25)],
            "eligible": [True] * 24,
            "status": ["ok"] * 24,
        }
    )


def groups() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "resume": NAMES,
            "sex": ["m" if n in MEN else "f" for n in NAMES],
            "race": ["Y" if n in RACE_Y else "X" for n in NAMES],
        }
    )


def row(frame: pl.DataFrame, attribute: str, group: str) -> dict[str, object]:
    rows = frame.filter((pl.col("attribute") == attribute) & (pl.col("group") == group))
    assert rows.height == 1
    return rows.row(0, named=True)


def test_figures_match_a_hand_computation() -> None:
    assert SMALL_GROUP == 10
    frame = audit(ranking(), groups(), Cut(top=8)).frame
    f, m = row(frame, "sex", "f"), row(frame, "sex", "m")
    assert (m["n"], m["selected"], m["selection_rate"]) == (12, 5, 5 / 12)
    assert (f["n"], f["selected"], f["selection_rate"]) == (12, 3, 3 / 12)
    assert f["impact_ratio"] == pytest.approx(0.6) and f["below_four_fifths"]
    assert m["impact_ratio"] == 1.0 and not m["below_four_fifths"]
    # Scoring rate: above the median (between r12 and r13): m 9 of 12, f 3 of 12.
    assert (m["above_median"], f["above_median"]) == (9, 3)
    assert f["scoring_impact_ratio"] == pytest.approx(1 / 3) and f["scoring_below_four_fifths"]
    # Fisher: 3 of 12 women against 5 of 12 men selected; with 12 of 24 women the two tails
    # are symmetric: P(x <= 3) + P(x >= 5) of the hypergeometric (24, 12 women, 8 selected).
    p = [math.comb(12, x) * math.comb(12, 8 - x) / math.comb(24, 8) for x in range(9)]
    assert f["fisher_p"] == pytest.approx(sum(p[:4]) + sum(p[5:]))
    assert f["fisher_p"] == pytest.approx(m["fisher_p"])


def test_a_small_group_is_flagged_and_never_the_reference() -> None:
    frame = audit(ranking(), groups(), Cut(top=8)).frame
    x, y = row(frame, "race", "X"), row(frame, "race", "Y")
    assert (y["n"], y["selected"], y["small_sample"]) == (4, 2, True)
    assert not x["small_sample"]
    # Y selects 2 of 4 (0.5), X 6 of 20 (0.3): X, the large group, is the reference.
    assert x["impact_ratio"] == 1.0
    assert y["impact_ratio"] == pytest.approx(0.5 / 0.3)


def test_intersections() -> None:
    frame = audit(ranking(), groups(), Cut(top=8)).frame
    inter = frame.filter(pl.col("attribute") == "sex × race")
    assert inter["group"].to_list() == ["f × X", "f × Y", "m × X", "m × Y"]
    mx, fx = row(frame, "sex × race", "m × X"), row(frame, "sex × race", "f × X")
    assert (mx["n"], mx["selected"]) == (11, 4)
    assert (fx["n"], fx["selected"], fx["small_sample"]) == (9, 2, True)
    assert fx["impact_ratio"] == pytest.approx((2 / 9) / (4 / 11))


def test_cuts() -> None:
    table, who = ranking(), groups()
    sex = pl.col("attribute") == "sex"
    assert audit(table, who, Cut(threshold=90.0)).frame.filter(sex)["selected"].sum() == 10
    assert audit(table, who).frame.filter(sex)["selected"].sum() == 24
    with pytest.raises(AuditError):
        Cut(top=3, threshold=50.0)
    with pytest.raises(AuditError):
        Cut(threshold=float("nan"))


def test_undeclared_and_unknown_rows() -> None:
    who = groups().with_columns(
        pl.when(pl.col("resume") == "r01").then(pl.lit("")).otherwise(pl.col("sex")).alias("sex")
    )
    who = pl.concat([who, pl.DataFrame({"resume": ["nobody"], "sex": ["f"], "race": ["X"]})])
    result = audit(ranking(), who, Cut(top=8))
    assert row(result.frame, "sex", "m")["n"] == 11  # r01 declared no sex
    assert row(result.frame, "race", "X")["n"] == 20  # but a race
    assert result.problems == ("groups line 26: 'nobody' is not in the ranking",)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name,sex\na,f\n", "needs a 'resume' column"),
        ("resume\na\n", "at least one group column"),
        ("resume,sex\na,f\na,m\n", "line 3: a is listed again"),
        ("resume,sex\n,f\n", "line 2: the resume is empty"),
    ],
)
def test_bad_groups_files(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "groups.csv"
    path.write_text(text)
    with pytest.raises(AuditError, match=message):
        read_groups_table(path)


@given(st.integers(0, 30), st.integers(0, 30), st.integers(0, 30), st.integers(0, 30))
def test_fisher_is_a_probability_and_symmetric(a: int, b: int, c: int, d: int) -> None:
    p = fisher_exact(a, b, c, d)
    assert 0.0 <= p <= 1.0
    assert p == pytest.approx(fisher_exact(c, d, a, b))
    assert p == pytest.approx(fisher_exact(a, c, b, d))


# ---------------------------------------------------------------- the command, over the corpus


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_audit_reports_what_blind_mode_hides(tmp_path: Path, lang: str) -> None:
    """The generated corpus (tests/people.py: each person written as a woman and as a man),
    scored against a rubric a person edited to favour men (a criterion ``matcher check`` flags):
    without blind mode ``matcher audit`` reports women below four-fifths; with it, the gender
    words are masked, every resume scores the same and no group's rates differ."""
    files, groups = write_corpus(tmp_path, lang)
    edited = replace(rubric(lang), criteria=(*rubric(lang).criteria, MEN_PREFERRED))
    rubric_file = save_rubric(edited, tmp_path / "edited.toml")
    res = runner.invoke(app, ["check", str(rubric_file)])
    assert "fairness: gender ('male')" in res.stdout
    frames = {}
    for mode in ("plain", "blind"):
        ranking = tmp_path / f"{mode}.csv"
        args = ["score", *map(str, files), "-r", str(rubric_file), "-o", str(ranking)]
        args += ["--as-of", "2026-11-23", "--jobs", "1", "--no-manifest", "--no-cache"]
        assert runner.invoke(app, [*args, *(["--blind"] if mode == "blind" else [])]).exit_code == 0
        frames[mode] = pl.read_csv(ranking)
    scores = frames["plain"]["score"]
    assert scores.max() > scores.min()  # who they are moved the score ...
    assert frames["blind"]["score"].n_unique() == 1  # ... and blind, nothing does
    cut = str((scores.max() + scores.min()) / 2)
    for mode in ("plain", "blind"):
        out = tmp_path / f"{mode}-audit.csv"
        args = ["audit", str(tmp_path / f"{mode}.csv"), "--groups", str(groups), "-o", str(out)]
        res = runner.invoke(app, [*args, "--threshold", cut, "--no-manifest"])
        assert res.exit_code == 0, res.output
        frame = pl.read_csv(out)
        assert set(frame["attribute"]) == {"sex", "age", "sex × age"}
        by_sex = {r["group"]: r for r in frame.filter(pl.col("attribute") == "sex").to_dicts()}
        if mode == "plain":
            assert by_sex["male"]["selection_rate"] == 1.0 and by_sex["female"]["selected"] == 0
            assert by_sex["female"]["below_four_fifths"]
            assert by_sex["female"]["scoring_below_four_fifths"]
        else:
            for _, part in frame.group_by("attribute"):
                assert part["selection_rate"].n_unique() == 1
                assert part["scoring_rate"].n_unique() == 1
            for flag in ("below_four_fifths", "scoring_below_four_fifths"):  # none, or all empty
                assert "true" not in frame[flag].cast(pl.String).str.to_lowercase().to_list()
