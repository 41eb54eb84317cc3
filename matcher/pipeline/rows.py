"""Rows: one resume file (a path or its bytes) and the batch's rubrics in, its ranking rows out.

What a worker does for one file: read it (through the read cache), understand it, score it
against every rubric and turn the cards into rows: a score, eligibility, the missing required
criteria and warnings per job, and the evidence rows only when they were asked for. Documents
and cards stay in the worker; only rows go back. With a cache, the understood resume and its
per-criterion credits (``stored.Match``) are kept by content hash, so a resumed run or a run
with tuned weights costs a cache lookup per file instead of reading and scanning; the credits
also go back with the rows, for the parent's bulk store (``credits``), which spares a warm
run even that lookup.
A file that cannot be read, or a bug on one resume, gives a status and a message, never an
exception.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from matcher.errors import MatcherError, safe_message
from matcher.pipeline.stored import (
    Match,
    Row,
    Weights,
    build_id,
    match_key,
    match_of,
    resume_data,
    resume_of,
    row_of,
)
from matcher.read.cache import Read, ReadCache
from matcher.read.intake import read_file_bytes
from matcher.read.reader import Reader as PdfReader
from matcher.read.reader import read_bytes
from matcher.resume.blind import blind as blind_document
from matcher.resume.understand import understand
from matcher.rubric.model import Rubric
from matcher.scoring.score import ScoreCard, score_many


@dataclass(frozen=True, slots=True)
class Batch:
    """What every file of a batch is scored with: sent once to each worker."""

    rubrics: tuple[Rubric, ...]
    as_of: date
    evidence: bool = False  # keep the evidence rows (``--evidence``, tuning)
    cache: ReadCache | None = None
    blind: bool = False  # mask who the candidate is before understanding (``resume.blind``)
    ocr: bool = True  # recognise scans when the ``ocr`` extra is installed
    reader: PdfReader = "pdfminer"  # the PDF character source (``read_bytes``)
    keys: tuple[str, ...] = field(init=False)  # each rubric's ``match_key``, made once
    weights: tuple[Weights, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "keys", tuple(match_key(r) for r in self.rubrics))
        object.__setattr__(self, "weights", tuple(Weights.of(r) for r in self.rubrics))


# List cells travel as one string joined by this: a worker sends plain tuples of scalars,
# cheap to pass between processes and to put in columns; no label or warning holds it.
SEP = "\x1f"


@dataclass(frozen=True, slots=True)
class FileRows:
    """One file's rows: its status and, when it was scored, its row for each rubric, as columns.

    ``scores``, ``eligible``, ``missing`` and ``warnings`` have one entry per rubric of the
    batch (lists joined by ``SEP``), and are empty when ``status`` is not ``ok``; ``rows`` gives
    them as ``Row`` values. ``evidence`` holds tuples in the column order of
    ``ranking.EVIDENCE_SCHEMA``, only when the batch asked for evidence. With a cache, ``sha``
    is the content hash and ``credits`` and ``met`` what each rubric's ``Match`` holds (every
    criterion's credit, which are met), for the parent's bulk store (``credits.CreditStore``).
    """

    source: str
    resume_id: str
    status: str
    message: str
    scores: tuple[float, ...] = ()
    eligible: tuple[bool, ...] = ()
    missing: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    evidence: tuple[tuple[Any, ...], ...] = ()
    sha: str = ""
    credits: tuple[tuple[float, ...], ...] = ()
    met: tuple[str, ...] = ()

    @property
    def rows(self) -> tuple[Row, ...]:
        """One ``Row`` per rubric, in the batch's order (none when the file was not scored)."""
        return tuple(
            Row(s, e, _split(m), _split(w))
            for s, e, m, w in zip(
                self.scores, self.eligible, self.missing, self.warnings, strict=True
            )
        )

    @staticmethod
    def scored(
        source: str,
        sha: str,
        rows: Sequence[Row],
        evidence: tuple[tuple[Any, ...], ...] = (),
        matches: Sequence[Match] = (),
    ) -> FileRows:
        """The rows of a file scored (``sha``: its content hash); ``matches`` (one per rubric)
        are sent back for the bulk store when given."""
        return FileRows(
            source,
            sha[:12],
            "ok",
            "",
            tuple(r.score for r in rows),
            tuple(r.eligible for r in rows),
            tuple(SEP.join(r.missing_required) for r in rows),
            tuple(SEP.join(r.warnings) for r in rows),
            evidence,
            sha if matches else "",
            tuple(m.dense() for m in matches),
            tuple(m.met for m in matches),
        )


def _split(joined: str) -> tuple[str, ...]:
    return tuple(joined.split(SEP)) if joined else ()


OUT_OF_MEMORY = "reading it needed more memory than a reader process may use: stopped"


def read_data(source: str, data: bytes, ocr: bool = True, reader: PdfReader = "pdfminer") -> Read:
    """Read one resume from its bytes (``source`` names it); never raises.

    An unexpected error becomes status ``error``: a reader bug must cost one row, not the batch.
    ``ocr`` recognises scans when the ``ocr`` extra is installed, ``reader`` picks the PDF
    character source (``read_bytes``).
    """
    try:
        suffix = Path(source).suffix.lower()
        return Read(source, read_bytes(data, label=source, suffix=suffix, ocr=ocr, reader=reader))
    except MatcherError as e:
        return Read(source, None, e.status, e.message)
    except RecursionError:
        return Read(source, None, "corrupt_pdf", "damaged file: content nested too deeply")
    except MemoryError:
        return Read(source, None, "too_large", OUT_OF_MEMORY)
    except Exception as e:
        # Bounded and without quoted content: the service returns it as it is.
        return Read(source, None, "error", safe_message(f"unexpected {type(e).__name__}: {e}"))


def namespace(batch: Batch) -> str:
    """Where a file's understood resume and credits are cached: by engine build, the way it
    was read and understood (OCR, blind) and ``as_of``."""
    how = ("-ocr" if batch.ocr else "") + ("-blind" if batch.blind else "")
    how += "" if batch.reader == "pdfminer" else f"-{batch.reader}"
    return f"scored-{build_id()}{how}/{batch.as_of.isoformat()}"


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
    cache, keys = batch.cache, batch.keys
    entry: dict[str, Any] | None = None
    if cache is not None:
        got = cache.load(namespace(batch), sha)
        entry = got if isinstance(got, dict) else None
    if entry is not None and not batch.evidence:
        # Warm: every rubric's credits are cached; one small entry, no reading, no scanning.
        with contextlib.suppress(ValueError, TypeError, KeyError, AttributeError):
            matches, warnings = entry["matches"], tuple(entry["warnings"])
            if all(k in matches for k in keys):
                found = [Match.of_data(matches[k]) for k in keys]
                rows = [row_of(w, m, warnings) for w, m in zip(batch.weights, found, strict=True)]
                return FileRows.scored(source, sha, rows, matches=found)
    read = cache.get(source, sha) if cache is not None else None
    if read is None:
        read = read_data(source, data, batch.ocr, batch.reader)
        if cache is not None:
            cache.put(sha, read)
    doc = read.document
    if doc is None:
        return FileRows(source, "", read.status, read.message)
    try:
        if batch.blind:
            doc = blind_document(doc)[0]
        resume = None
        if entry is not None:
            with contextlib.suppress(ValueError, TypeError, KeyError, AttributeError):
                resume = resume_of(entry["resume"], doc, batch.as_of)
        if resume is None:
            resume = understand(doc, batch.as_of)
        cards = score_many(resume, batch.rubrics)
    except Exception as e:  # a bug on one resume costs its rows, not the batch
        message = safe_message(f"unexpected {type(e).__name__} while understanding or scoring: {e}")
        return FileRows(source, sha[:12], "error", message)
    n = len(doc.warnings)
    matches_now = {k: match_of(c, n) for k, c in zip(keys, cards, strict=True)}
    if cache is not None:
        old = entry.get("matches", {}) if entry is not None else {}
        stored = {**old, **{k: m.data() for k, m in matches_now.items()}}
        cache.store(
            namespace(batch),
            sha,
            {"warnings": list(doc.warnings), "resume": resume_data(resume), "matches": stored},
        )
    rows = [
        row_of(w, matches_now[k], doc.warnings) for w, k in zip(batch.weights, keys, strict=True)
    ]
    evidence = evidence_rows(cards) if batch.evidence else ()
    found = [matches_now[k] for k in keys] if cache is not None else []
    return FileRows.scored(source, sha, rows, evidence, found)


def evidence_rows(cards: Sequence[ScoreCard]) -> tuple[tuple[Any, ...], ...]:
    """The evidence rows of ``cards`` as tuples in ``ranking.EVIDENCE_SCHEMA`` order."""
    out = []
    for c in cards:
        for e in c.evidence:
            d = asdict(e)
            d["contribution"] = round(e.contribution, 4)
            out.append((c.job_id, c.resume, c.resume_id, *d.values()))
    return tuple(out)
