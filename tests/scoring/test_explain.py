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
    text = explain_text(card())
    lines = text.splitlines()
    assert "eligible: no" in lines[1] and lines[2] == "missing required: SQL"
    body = [ln for ln in lines if ln[:1] in "!* " and ln.strip() and "criterion" not in ln]
    assert body[0].startswith("!SQL")
    assert (
        "morphology 'requirement document' as 'requirement documents' (p1, experience, in a recent role)"
        in text
    )
    assert "exact 'Axure' (p1, skills, listed, x0.85)" in text
