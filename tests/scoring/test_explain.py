"""Tests for matcher.scoring.explain: the waterfall, missing required first, JSON with the same numbers."""

from __future__ import annotations

import json
from datetime import date

import pytest

from matcher.read.document import read_text
from matcher.resume.understand import understand
from matcher.rubric.model import Criterion, Rubric
from matcher.scoring.explain import explain_data, explain_text
from matcher.scoring.score import score

RUBRIC = Rubric(
    "pm",
    "Product Manager",
    "en",
    (
        Criterion("prd", "skill", "PRD", 3.0, ("requirement document",)),
        Criterion("sql", "tool", "SQL", 2.0, required=True),
        Criterion("axure", "tool", "Axure", 1.0, required=True),
        Criterion("edu", "education", "bachelor", 2.0, min_level="bachelor"),
    ),
)
TEXT = (
    "SKILLS\nAxure\nEXPERIENCE\nProduct Manager, Acme  2020 - Present\n"
    "Wrote requirement documents.\nEDUCATION\nBachelor of Arts\n"
)


def card():
    return score(understand(read_text(TEXT), date(2026, 11, 23)), RUBRIC)


def test_missing_required_come_first_then_by_points() -> None:
    data = explain_data(card())
    ids = [c["id"] for c in data["criteria"]]
    assert ids[0] == "sql" and data["missing_required"] == ["SQL"] and not data["eligible"]
    points = [c["contribution"] for c in data["criteria"][1:]]
    assert points == sorted(points, reverse=True)


def test_json_holds_the_evidence_and_adds_up() -> None:
    data = json.loads(json.dumps(explain_data(card()), ensure_ascii=False))
    assert sum(c["contribution"] for c in data["criteria"]) == pytest.approx(
        data["score"], abs=0.05
    )
    prd = next(c for c in data["criteria"] if c["id"] == "prd")
    assert prd["method"] == "morphology" and prd["context"] == "recent_role"
    assert prd["text"] == "requirement documents" and prd["section"] == "experience"
    assert {"weight", "credit", "start", "end", "page", "similarity", "term"} <= prd.keys()


def test_text_waterfall_reads_as_a_recruiter_expects() -> None:
    """Missing required first, then what was found with its line, then what was not."""
    text = explain_text(card())
    lines = text.splitlines()
    assert "eligible: no" in lines[1] and lines[2] == "missing required: SQL"
    heads = [ln for ln in lines if ln.split(" (")[0] in ("Missing required", "Found", "Not found")]
    assert heads == ["Missing required (1)", "Found (3)"]
    body = [ln for ln in lines if ln[:1] in "!* " and ln.strip() and "criterion" not in ln]
    assert body[0].startswith("! SQL")
    assert "inflected 'requirement document' as 'requirement documents'" in text
    assert "(p1, experience, in a recent role)" in text
    assert "“Wrote requirement documents.”" in text  # the line it was found on
    assert "exact 'Axure' (p1, skills, listed, x0.85)" in text


def test_chinese_labels_line_up() -> None:
    rubric = Rubric(
        "zh",
        "电商",
        "zh",
        (
            Criterion("a", "skill", "竞品分析", 2.0),
            Criterion("b", "tool", "SQL", 1.0),
        ),
    )
    text = explain_text(score(understand(read_text("负责竞品分析, SQL"), date(2026, 1, 1)), rubric))
    from matcher.text import display_width

    rows = [ln for ln in text.splitlines() if ln.startswith(("  竞品分析", "  SQL"))]
    ends = {display_width(r[: r.index(w)]) for r, w in zip(rows, ("2.00", "1.00"), strict=True)}
    assert len(rows) == 2 and len(ends) == 1, rows


def test_text_view_marks_where_each_section_begins() -> None:
    from matcher.scoring.explain import text_view

    view = text_view(understand(read_text(TEXT), date(2026, 11, 23)))
    marks = [ln for ln in view.splitlines() if ln.startswith("────")]
    assert [m.split()[1] for m in marks] == ["skills", "experience", "education"]
    assert "Wrote requirement documents." in view
