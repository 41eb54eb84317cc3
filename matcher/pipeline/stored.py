"""Stored: ``Resume`` values and term credits in, JSON-able data out (and back), for the cache.

Input is an understood ``Resume`` (its facts, without the ``Document`` the read cache already
holds) or a ``ScoreCard``; output is plain JSON data and, back, equal values. A card is kept as
its ``Match``: per criterion the credit and whether it is met, plus the rubric's own warnings:
everything a ranking row needs except the weights, so a rubric whose weights were tuned is
scored from it without scanning the resume again (``row_of``). Entries are keyed by
``build_id`` (a hash of the engine's code and data), so a changed engine never reads an old one.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import types
import typing
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import matcher
from matcher.read.document import Document
from matcher.resume.understand import Resume
from matcher.rubric.model import Rubric
from matcher.scoring.score import ScoreCard
from matcher.text import fold


@cache
def build_id() -> str:
    """A hash of every module and data file of the installed engine (16 hex digits).

    Cached results (understood resumes, term credits) are keyed by it: any change to the
    engine's code or vocabulary, released or not, makes them misses rather than stale hits.
    """
    root = Path(matcher.__file__).parent
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.is_file() and p.suffix not in (".pyc",) and "__pycache__" not in p.parts:
            h.update(str(p.relative_to(root)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


# ---------------------------------------------------------------- resumes


def resume_data(resume: Resume) -> list[Any]:
    """The facts of ``resume`` as JSON data (the document and the as_of date are left out)."""
    out = [_encode(getattr(resume, f.name)) for f in _RESUME_FIELDS]
    # The folded text is cheap to remake from ASCII text; other text folds character by
    # character, which costs more than storing it.
    out.append(None if resume.document.text.isascii() else resume.folded)
    return out


def resume_of(data: list[Any], document: Document, as_of: date) -> Resume:
    """The ``Resume`` that ``resume_data`` stored, around ``document``."""
    *facts, folded = data
    hints = _hints(Resume)
    values = {f.name: _decode(v, hints[f.name]) for f, v in zip(_RESUME_FIELDS, facts, strict=True)}
    text = document.text
    return Resume(document=document, folded=folded or fold(text), as_of=as_of, **values)


_RESUME_FIELDS = tuple(
    f for f in dataclasses.fields(Resume) if f.name not in ("document", "folded", "as_of")
)


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _encode(v: Any) -> Any:
    if dataclasses.is_dataclass(v) and not isinstance(v, type):
        return [_encode(getattr(v, f.name)) for f in dataclasses.fields(v)]
    if isinstance(v, tuple | list):
        return [_encode(x) for x in v]
    if isinstance(v, date):
        return v.isoformat()
    return v


def _decode(v: Any, tp: Any) -> Any:
    """``v`` (from ``_encode``) back as a value of type ``tp``."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        if v is None:
            return None
        (inner,) = [a for a in typing.get_args(tp) if a is not type(None)]
        return _decode(v, inner)
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(x, args[0]) for x in v)
        return tuple(_decode(x, a) for x, a in zip(v, args, strict=True))
    if origin is typing.Literal:
        return v
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        fields = dataclasses.fields(tp)
        return tp(**{f.name: _decode(x, hints[f.name]) for f, x in zip(fields, v, strict=True)})
    if tp is date:
        return date.fromisoformat(v)
    if tp is float and isinstance(v, int):
        return float(v)
    return v


# ---------------------------------------------------------------- term credits


@dataclass(frozen=True, slots=True)
class Match:
    """What one resume earned on each criterion of a rubric, without the weights.

    ``credits`` holds ``(criterion index, credit)`` for the criteria that earned something
    (most earn nothing); ``met`` is one character per criterion in the rubric's order, "1"
    where it is met; ``warnings`` are the ones the rubric adds to the document's
    (``keyword_stuffing``).
    """

    credits: tuple[tuple[int, float], ...]
    met: str
    warnings: tuple[str, ...] = ()

    def data(self) -> list[Any]:
        """As JSON data."""
        return [[[i, c] for i, c in self.credits], self.met, list(self.warnings)]

    def dense(self) -> tuple[float, ...]:
        """Every criterion's credit in the rubric's order, 0.0 where nothing was earned."""
        out = [0.0] * len(self.met)
        for i, c in self.credits:
            out[i] = c
        return tuple(out)

    @staticmethod
    def of_data(data: list[Any]) -> Match:
        credits, met, warnings = data
        if not isinstance(met, str):
            raise TypeError("met must be a string")
        return Match(tuple((int(i), float(c)) for i, c in credits), met, tuple(warnings))


def match_key(rubric: Rubric) -> str:
    """What a rubric's match depends on: every field of its criteria but weight and required.

    Two rubrics with the same key (a rubric and its tuned copy) give the same ``Match`` for a
    resume, so one is scored from the other's without scanning again.
    """
    crits = [
        {k: v for k, v in dataclasses.asdict(c).items() if k not in ("weight", "required")}
        for c in rubric.criteria
    ]
    return hashlib.sha256(json.dumps(crits, sort_keys=True).encode()).hexdigest()[:24]


def match_of(card: ScoreCard, document_warnings: int) -> Match:
    """A card's ``Match``; its first ``document_warnings`` warnings are the document's own."""
    return Match(
        tuple((i, e.credit) for i, e in enumerate(card.evidence) if e.credit),
        "".join("1" if e.met else "0" for e in card.evidence),
        card.warnings[document_warnings:],
    )


@dataclass(frozen=True, slots=True)
class Row:
    """The scored part of a ranking row: score (2 decimals), eligibility and warnings."""

    score: float
    eligible: bool
    missing_required: tuple[str, ...]
    warnings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Weights:
    """What ``row_of`` needs of a rubric, taken out once per batch."""

    weights: tuple[float, ...]
    total: float
    required: tuple[tuple[int, str], ...]  # (index, label) of the required criteria

    @staticmethod
    def of(rubric: Rubric) -> Weights:
        crits = rubric.criteria
        return Weights(
            tuple(c.weight for c in crits),
            sum(c.weight for c in crits),
            tuple((i, c.label) for i, c in enumerate(crits) if c.required),
        )


def row_of(weights: Weights, match: Match, document_warnings: tuple[str, ...]) -> Row:
    """The ranking row of a resume whose ``match`` against a rubric's criteria is known.

    The same arithmetic as ``matcher.scoring`` (``100 * weight * credit / total`` per
    criterion, summed in criterion order; eligible when no required criterion is unmet), so
    the result equals the card's, bit for bit: criteria that earned nothing add 0.0, which
    changes no float sum, and are skipped. ``tests/pipeline/test_stored.py`` holds the two
    together, tuned weights included.
    """
    w, total = weights.weights, weights.total
    score = (
        sum([100.0 * w[i] * credit / total for i, credit in match.credits], 0.0)
        if total > 0
        else 0.0
    )
    met = match.met
    missing = tuple(label for i, label in weights.required if met[i] != "1")
    return Row(round(score, 2), not missing, missing, document_warnings + match.warnings)
