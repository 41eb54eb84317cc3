"""Models: library values in, the JSON shapes of the HTTP service out (its OpenAPI schemas).

Each response model mirrors a library value (``Rubric``, ``ScoreCard``, ``Evidence``, a row
of the ranking table) field for field, so the service says nothing the library does not.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from pydantic import BaseModel, Field

from matcher.rubric.io import lint, to_toml
from matcher.rubric.model import Rubric
from matcher.scoring.credit import Evidence
from matcher.scoring.score import ScoreCard

MAX_POSTING_CHARS = 200_000


class Error(BaseModel):
    """Why a request could not be served: a short code and a message a person can act on."""

    error: str = Field(description="bad_rubric, not_a_pdf, needs_ocr, too_large, busy...")
    message: str
    problems: list[str] = Field(default_factory=list, description="every problem, with its place")


class Health(BaseModel):
    status: str
    version: str
    rubrics: int
    blind: bool = Field(default=False, description="every request is scored blind")


class CriterionOut(BaseModel):
    id: str
    kind: str
    label: str
    weight: float
    aliases: list[str]
    required: bool
    origin: str
    min_level: str | None = None
    min_years: float | None = None


class FindingOut(BaseModel):
    code: str
    message: str
    origin: str


class RubricSummary(BaseModel):
    job_id: str
    title: str
    language: str
    fingerprint: str
    criteria: int
    notes: list[str] = Field(description="lint advice, the compiler's fairness findings first")


class RubricOut(BaseModel):
    job_id: str
    title: str
    language: str
    fingerprint: str
    criteria: list[CriterionOut]
    findings: list[FindingOut]
    notes: list[str]
    toml: str = Field(description="the rubric file's text, as matcher compile writes it")


class CompileIn(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_POSTING_CHARS, description="posting text")
    stem: str = Field(
        default="job", pattern=r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,63}$", description="job_id stem"
    )


class CompileOut(BaseModel):
    rubrics: list[RubricOut]


class CheckIn(BaseModel):
    toml: str = Field(max_length=MAX_POSTING_CHARS, description="a rubric file's text")


class CheckOut(BaseModel):
    valid: bool
    problems: list[str]
    rubric: RubricOut | None = None


class EvidenceOut(BaseModel):
    criterion_id: str
    label: str
    kind: str
    weight: float
    required: bool
    method: str
    term: str
    text: str
    start: int
    end: int
    page: int
    section: str
    similarity: float
    credit: float
    contribution: float
    met: bool
    context: str
    snippet: str = Field(default="", description="the line around the match, when known")


class CardOut(BaseModel):
    job_id: str
    job_title: str
    score: float
    eligible: bool
    missing_required: list[str]
    warnings: list[str]
    rubric_fingerprint: str
    engine_version: str
    as_of: str
    evidence: list[EvidenceOut]


class ScoreOut(BaseModel):
    resume: str
    resume_id: str
    cards: list[CardOut]
    blind: bool = Field(default=False, description="whether who the candidate is was masked")


class RankRow(BaseModel):
    """One row of the ranking table (README, "The command line"), failure rows included."""

    job_id: str
    job_title: str
    resume: str
    resume_id: str
    rank: int | None
    score: float | None
    eligible: bool
    missing_required: list[str]
    status: str
    message: str
    warnings: list[str]
    rubric_fingerprint: str
    engine_version: str
    as_of: str


class RankOut(BaseModel):
    rows: list[RankRow]
    blind: bool = Field(default=False, description="whether who the candidate is was masked")


class ExplainOut(BaseModel):
    card: CardOut
    text: str = Field(description="the explanation as matcher explain prints it")
    blind: bool = Field(default=False, description="whether who the candidate is was masked")


def _head(r: Rubric) -> dict[str, Any]:
    """What a rubric's summary and its full form share."""
    return {
        "job_id": r.job_id,
        "title": r.title,
        "language": r.language,
        "fingerprint": r.fingerprint,
        "notes": lint(r),
    }


def rubric_out(r: Rubric) -> RubricOut:
    return RubricOut(
        **_head(r),
        criteria=[CriterionOut(**{**asdict(c), "aliases": list(c.aliases)}) for c in r.criteria],
        findings=[FindingOut(code=f.code, message=f.message, origin=f.origin) for f in r.findings],
        toml=to_toml(r),
    )


def summary(r: Rubric) -> RubricSummary:
    return RubricSummary(**_head(r), criteria=len(r.criteria))


def evidence_out(e: Evidence) -> EvidenceOut:
    return EvidenceOut(**{**asdict(e), "contribution": round(e.contribution, 4)})


def card_out(c: ScoreCard) -> CardOut:
    return CardOut(
        job_id=c.job_id,
        job_title=c.title,
        score=round(c.score, 2),
        eligible=c.eligible,
        missing_required=list(c.missing_required),
        warnings=list(c.warnings),
        rubric_fingerprint=c.rubric_fingerprint,
        engine_version=c.engine_version,
        as_of=c.as_of.isoformat(),
        evidence=[evidence_out(e) for e in c.evidence],
    )
