"""Rows: one resume file (a path or its bytes) and the batch's rubrics in, its ranking rows out.

What a worker does for one file: read it (through the read cache), understand it, score it
against every rubric and turn the cards into rows: a score, eligibility, the missing required
criteria and warnings per job, and the evidence rows only when they were asked for. Documents
and cards stay in the worker; only rows go back. With a cache, the understood resume and its
per-criterion credits (``stored.Match``) are kept by content hash, so a warm run, a resumed
run or a run with tuned weights costs a cache lookup per file instead of reading and scanning.
A file that cannot be read, or a bug on one resume, gives a status and a message, never an
exception.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

from matcher.errors import MatcherError
from matcher.pipeline.stored import (
    Match,
    Row,
    build_id,
    match_key,
    match_of,
    resume_data,
    resume_of,
    row_of,
)
from matcher.read.cache import Read, ReadCache
from matcher.read.intake import read_file_bytes
from matcher.read.reader import read_bytes
from matcher.resume.understand import Resume, understand
from matcher.rubric.model import Rubric
from matcher.scoring.score import ScoreCard, score_many


@dataclass(frozen=True, slots=True)
class Batch:
    """What every file of a batch is scored with: sent once to each worker."""

    rubrics: tuple[Rubric, ...]
    as_of: date
    evidence: bool = False  # keep the evidence rows (``--evidence``, tuning)
    cache: ReadCache | None = None

    def keys(self) -> tuple[str, ...]:
        return tuple(match_key(r) for r in self.rubrics)


@dataclass(frozen=True, slots=True)
class FileRows:
    """One file's rows: its status and, when it was scored, one ``Row`` per rubric.

    ``rows`` is empty when ``status`` is not ``ok``; ``evidence`` holds tuples in the column
    order of ``ranking.EVIDENCE_SCHEMA``, only when the batch asked for evidence.
    """

    source: str
    resume_id: str
    status: str
    message: str
    rows: tuple[Row, ...] = ()
    evidence: tuple[tuple[Any, ...], ...] = ()


def read_data(source: str, data: bytes) -> Read:
    """Read one resume from its bytes (``source`` names it); never raises.

    An unexpected error becomes status ``error``: a reader bug must cost one row, not the batch.
    """
    try:
        return Read(source, read_bytes(data, label=source, suffix=Path(source).suffix.lower()))
    except MatcherError as e:
        return Read(source, None, e.status, e.message)
    except RecursionError:
        return Read(source, None, "corrupt_pdf", "damaged file: content nested too deeply")
    except Exception as e:
        return Read(source, None, "error", f"unexpected {type(e).__name__}: {e}")


def _namespace(as_of: date) -> str:
    return f"scored-{build_id()}/{as_of.isoformat()}"


def score_file(batch: Batch, source: str, data: bytes | None = None) -> FileRows:
    """Read, understand and score one file (``data``: its bytes, else read from ``source``).

    Never raises for a bad file or a bug on one resume: the result carries the status.
    """
    if data is None:
        try:
            data = read_file_bytes(source)
        except MatcherError as e:
            return FileRows(source, "", e.status, e.message)
    sha = hashlib.sha256(data).hexdigest()
    cache, keys = batch.cache, batch.keys()
    entry: dict[str, Any] | None = None
    read = None
    if cache is not None:
        read = cache.get(source, sha)
        if read is not None and read.document is None:
            return FileRows(source, "", read.status, read.message)
        if read is not None:
            entry = cache.load(_namespace(batch.as_of), sha)
            if not isinstance(entry, dict):
                entry = None
    if read is not None and entry is not None and not batch.evidence:
        matches = entry.get("matches", {})
        if all(k in matches for k in keys):
            doc = read.document
            assert doc is not None
            try:
                got = tuple(
                    row_of(r, Match.of_data(matches[k]), doc.warnings)
                    for r, k in zip(batch.rubrics, keys, strict=True)
                )
                return FileRows(source, sha[:12], "ok", "", got)
            except (ValueError, TypeError, KeyError):
                pass  # a damaged entry: score again below
    if read is None:
        read = read_data(source, data)
        if cache is not None:
            cache.put(sha, read)
    doc = read.document
    if doc is None:
        return FileRows(source, "", read.status, read.message)
    try:
        resume = None
        if entry is not None and "resume" in entry:
            try:
                resume = resume_of(entry["resume"], doc, batch.as_of)
            except (ValueError, TypeError, KeyError):
                resume = None
        if resume is None:
            resume = understand(doc, batch.as_of)
        cards = score_many(resume, batch.rubrics)
    except Exception as e:  # a bug on one resume costs its rows, not the batch
        message = f"unexpected {type(e).__name__} while understanding or scoring: {e}"
        return FileRows(source, sha[:12], "error", message)
    n = len(doc.warnings)
    matches_now = {k: match_of(c, n) for k, c in zip(keys, cards, strict=True)}
    if cache is not None:
        old = entry.get("matches", {}) if entry is not None else {}
        stored = {**old, **{k: m.data() for k, m in matches_now.items()}}
        cache.store(
            _namespace(batch.as_of), sha, {"resume": resume_data(resume), "matches": stored}
        )
    got = tuple(
        row_of(r, matches_now[k], doc.warnings) for r, k in zip(batch.rubrics, keys, strict=True)
    )
    evidence = evidence_rows(cards) if batch.evidence else ()
    return FileRows(source, sha[:12], "ok", "", got, evidence)


def evidence_rows(cards: Sequence[ScoreCard]) -> tuple[tuple[Any, ...], ...]:
    """The evidence rows of ``cards`` as tuples in ``ranking.EVIDENCE_SCHEMA`` order."""
    out = []
    for c in cards:
        for e in c.evidence:
            d = asdict(e)
            d["contribution"] = round(e.contribution, 4)
            out.append((c.job_id, c.resume, c.resume_id, *d.values()))
    return tuple(out)


def understood(resume: Resume) -> Resume:
    """(For tests) a resume through the cache's codec: equal to ``resume``."""
    return resume_of(resume_data(resume), resume.document, resume.as_of)
