"""Explain: a ``ScoreCard`` as the waterfall a recruiter reads, or as plain data for an ATS.

Input is a ``ScoreCard``; output is text (``explain_text``) or a JSON-ready dict
(``explain_data``): per criterion the weight, credit, contribution and evidence with the line it
was found on, missing required criteria first; and the text the engine read, with its sections
marked (``text_view``).
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from matcher.resume.understand import Resume
from matcher.scoring.credit import CONTEXT_FACTOR, Evidence
from matcher.scoring.matching import RECENT_YEARS
from matcher.scoring.score import ScoreCard
from matcher.text import fit

# How the context factor reads in a waterfall line (see credit.CONTEXT_FACTOR).
_CONTEXT = {
    "recent_role": "in a recent role",
    "old_role": f"in a role over {RECENT_YEARS} years ago, x{CONTEXT_FACTOR['old_role']:g}",
    "listed": f"listed, x{CONTEXT_FACTOR['listed']:g}",
    "headline": "as the candidate's job title",
    "mentioned": f"mentioned, not the candidate's title, x{CONTEXT_FACTOR['mentioned']:g}",
}


def ocr_pages(warnings: tuple[str, ...] | list[str]) -> frozenset[int]:
    """The pages an ``ocr`` warning says were read by OCR: evidence there is marked so.

    >>> sorted(ocr_pages(("ocr: page 1, 3 read by OCR (rapidocr-onnxruntime), mean confidence 0.95",)))
    [1, 3]
    """
    pages: set[int] = set()
    for w in warnings:
        if w.startswith("ocr: page "):
            head = w[len("ocr: page ") :].split(" read by", 1)[0]
            pages.update(int(n) for n in head.split(", ") if n.isdigit())
    return frozenset(pages)


def _order(card: ScoreCard) -> list[Evidence]:
    """Missing required first, then by contribution (largest first), then by id."""
    return sorted(
        card.evidence,
        key=lambda e: (not (e.required and not e.met), -e.contribution, e.criterion_id),
    )


def explain_data(card: ScoreCard) -> dict[str, Any]:
    """The explanation as plain data (what ``matcher explain --format json`` prints).

    A criterion's ``ocr`` is true when its evidence stands on a page read by OCR.
    """
    scanned = ocr_pages(card.warnings)
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
                "ocr": bool(e.page) and e.page in scanned,
            }
            for e in _order(card)
        ],
    }


def explain_text(card: ScoreCard) -> str:
    """A readable waterfall: missing required criteria first, then what the resume meets with
    the line it was found on, then what it does not mention. The points add up to the score.
    """
    lines = [
        f"{card.resume}  vs  {card.job_id} ({card.title})",
        f"score {card.score:.1f} / 100   eligible: {'yes' if card.eligible else 'no'}",
    ]
    if card.missing_required:
        lines.append("missing required: " + ", ".join(card.missing_required))
    if card.warnings:
        lines.append("warnings: " + "; ".join(card.warnings))
    order = _order(card)
    scanned = ocr_pages(card.warnings)
    groups = (
        ("Missing required", [e for e in order if e.required and not e.met]),
        ("Found", [e for e in order if e.credit > 0 and not (e.required and not e.met)]),
        ("Not found", [e for e in order if e.credit <= 0 and not (e.required and not e.met)]),
    )
    head = f"  {fit('criterion', _LABEL)} {'weight':>6} {'credit':>6} {'points':>6}  evidence"
    for name, rows in groups:
        if not rows:
            continue
        lines += ["", f"{name} ({len(rows)})", head]
        for e in rows:
            flag = "!" if e.required and not e.met else ("*" if e.required else " ")
            lines.append(
                f"{flag} {fit(e.label, _LABEL)} {e.weight:6.2f} {e.credit:6.2f} "
                f"{e.contribution:6.1f}  {_said(e, scanned)}"
            )
            if e.snippet and e.method not in ("none", "years"):
                lines.append(" " * (_LABEL + 24) + f"“{e.snippet}”")
    lines += [
        "",
        "* required   ! required and missing   listed: found outside any dated role",
    ]
    if scanned:
        lines.append("read by OCR: found in text recognised from a scanned page; check the scan")
    return "\n".join(lines)


_LABEL = 32  # columns of the criterion label (wide CJK characters count two)
# How each match level reads in a waterfall line.
_LEVEL = {
    "exact": "exact",
    "alias": "alias",
    "morphology": "inflected",
    "partial": "near title",
    "fuzzy": "near spelling",
}


def _said(e: Evidence, scanned: frozenset[int] = frozenset()) -> str:
    """The evidence of one line: what matched, how, and where (and whether OCR read it)."""
    ocr = ", read by OCR" if e.page in scanned else ""
    where = f" (p{e.page}, {e.section}{ocr})" if e.page else ""
    if e.context:
        where = f" (p{e.page}, {e.section}, {_CONTEXT[e.context]}{ocr})"
    if e.method == "none":
        return "not found" if e.kind != "education" else e.text or "not found"
    if e.method == "years":
        return f"{e.text} found, {e.term} asked"
    if e.method == "level":
        return f"{e.term}: {e.text!r}{where}"
    if e.method == "below":
        return f"{e.term}: {e.text!r}{where}, under the minimum"
    return f"{_LEVEL.get(e.method, e.method)} {e.term!r}{_as_written(e)}{where}"


def text_view(resume: Resume) -> str:
    """The text the engine read, with a line where each section it found begins: what a
    person checks when the evidence is not enough (``matcher explain --text``)."""
    text = resume.document.text
    marks = sorted({(s.start, s.name) for s in resume.sections})
    out = []
    pos = 0
    for start, name in marks:
        out.append(text[pos:start])
        bar = f"──── {name} "
        out.append(
            ("" if not out[-1] or out[-1].endswith("\n") else "\n")
            + bar
            + "─" * max(4, 60 - len(bar))
            + "\n"
        )
        pos = start
    out.append(text[pos:])
    return "".join(out)


def _as_written(e: Evidence) -> str:
    """The resume's own words when they differ from the term beyond case."""
    return "" if e.text.casefold() == e.term.casefold() else f" as {e.text!r}"
