"""Helpers of the scoring tests: a small rubric, a strong resume, a card from text."""

from __future__ import annotations

from datetime import date

from matcher.read.document import read_text
from matcher.resume.understand import understand
from matcher.rubric.model import Criterion, Rubric
from matcher.scoring.credit import Evidence
from matcher.scoring.score import ScoreCard, score

AS_OF = date(2026, 11, 23)
RUBRIC = Rubric(
    "pm",
    "Product Manager",
    "en",
    (
        Criterion("prd", "skill", "PRD", 3.0, ("requirement document", "需求文档")),
        Criterion("sql", "tool", "SQL", 2.5, ("Structured Query Language",), required=True),
        Criterion(
            "competitive-analysis", "responsibility", "competitive analysis", 2.0, ("竞品分析",)
        ),
        Criterion("edu", "education", "bachelor degree or above", 2.0, min_level="bachelor"),
        Criterion("years", "experience", "3+ years", 3.0, min_years=3),
        Criterion("teamwork", "soft_skill", "teamwork", 1.0),
    ),
)
STRONG = """Ann Lee
EXPERIENCE
Product Manager, Acme  Jan 2019 - Present
Wrote the PRD, ran competitive analysis, used SQL daily.
EDUCATION
Bachelor of Science, Economics
"""


def card_for(text: str, rubric: Rubric = RUBRIC) -> ScoreCard:
    return score(understand(read_text(text), AS_OF), rubric)


def by_id(card: ScoreCard) -> dict[str, Evidence]:
    return {e.criterion_id: e for e in card.evidence}
