"""Explain: a ``ScoreCard`` as the waterfall a recruiter reads, or as plain data for an ATS.

Input is a ``ScoreCard``; output is text (``explain_text``) or a JSON-ready dict
(``explain_data``): per criterion the weight, credit, contribution and evidence, missing
required criteria first.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from matcher.scoring.credit import CONTEXT_FACTOR, Evidence
from matcher.scoring.matching import RECENT_YEARS
from matcher.scoring.score import ScoreCard

# How the context factor reads in a waterfall line (see credit.CONTEXT_FACTOR).
_CONTEXT = {
    "recent_role": "in a recent role",
    "old_role": f"in a role over {RECENT_YEARS} years ago, x{CONTEXT_FACTOR['old_role']:g}",
    "listed": f"listed, x{CONTEXT_FACTOR['listed']:g}",
    "headline": "as the candidate's job title",
    "mentioned": f"mentioned, not the candidate's title, x{CONTEXT_FACTOR['mentioned']:g}",
}


def _order(card: ScoreCard) -> list[Evidence]:
    """Missing required first, then by contribution (largest first), then by id."""
    return sorted(
        card.evidence,
        key=lambda e: (not (e.required and not e.met), -e.contribution, e.criterion_id),
    )


def explain_data(card: ScoreCard) -> dict[str, Any]:
    """The explanation as plain data (what ``matcher explain --format json`` prints)."""
    return {
        "resume": card.resume,
        "resume_id": card.resume_id,
        "job_id": card.job_id,
        "title": card.title,
        "score": round(card.score, 2),
        "eligible": card.eligible,
        "missing_required": list(card.missing_required),
        "warnings": list(card.warnings),
        "rubric_fingerprint": card.rubric_fingerprint,
        "engine_version": card.engine_version,
        "as_of": card.as_of.isoformat(),
        "criteria": [
            {
                "id": e.criterion_id,
                **{k: v for k, v in asdict(e).items() if k != "criterion_id"},
                "contribution": round(e.contribution, 2),
            }
            for e in _order(card)
        ],
    }


def explain_text(card: ScoreCard) -> str:
    """A readable waterfall: the contributions listed add up to the score."""
    lines = [
        f"{card.resume}  vs  {card.job_id} ({card.title})",
        f"score {card.score:.1f} / 100   eligible: {'yes' if card.eligible else 'no'}",
    ]
    if card.missing_required:
        lines.append("missing required: " + ", ".join(card.missing_required))
    if card.warnings:
        lines.append("warnings: " + "; ".join(card.warnings))
    lines += ["", f"{'criterion':34} {'weight':>6} {'credit':>6} {'points':>6}  evidence"]
    for e in _order(card):
        flag = "!" if e.required and not e.met else ("*" if e.required else " ")
        where = f" (p{e.page}, {e.section})" if e.page else ""
        if e.context:
            where = f" (p{e.page}, {e.section}, {_CONTEXT[e.context]})"
        said = {
            "none": "not found",
            "years": f"{e.text} found, {e.term} asked",
            "level": f"{e.term}: {e.text!r}{where}",
        }.get(e.method, f"{e.method} {e.term!r}{_as_written(e)}{where}")
        lines.append(
            f"{flag}{e.label[:33]:33} {e.weight:6.2f} {e.credit:6.2f} {e.contribution:6.1f}  {said}"
        )
    lines += [
        "",
        "* required   ! required and missing   listed: found outside any dated role",
    ]
    return "\n".join(lines)


def _as_written(e: Evidence) -> str:
    """The resume's own words when they differ from the term beyond case."""
    return "" if e.text.casefold() == e.term.casefold() else f" as {e.text!r}"
