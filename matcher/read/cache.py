"""Read cache: a file's content hash in, its earlier ``Read`` out, so a batch reads each file once.

Input is a content hash (SHA-256 of the file's bytes) and, to store, the ``Read`` that reading
those bytes gave; output is that ``Read`` again, named as the caller asks, or None on a miss.
``Read`` (what reading one input gave: a ``Document``, or the status and message of why not) is
defined here because it is what the cache holds; the pipeline produces it.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from matcher._version import __version__
from matcher.read.document import Document, Page
from matcher.read.reader import MAX_PAGES, READER_VERSION

# Statuses that say something about the machine or the run, not the file: never cached.
_TRANSIENT = {"timeout", "reader_crashed", "error", "not_found", "unreadable", "too_large"}


@dataclass(frozen=True, slots=True)
class Read:
    """What reading one input gave: a document, or the status and message of why not."""

    source: str
    document: Document | None
    status: str = "ok"
    message: str = ""


def default_cache_dir() -> Path:
    """Where read documents are cached: ``$XDG_CACHE_HOME/matcher`` or ``~/.cache/matcher``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "matcher"


@dataclass(frozen=True, slots=True)
class ReadCache:
    """Read results on disk, keyed by the file's content hash and the reader's version.

    Entries are JSON (never pickle: a cache file must not be able to run code), written to a
    temporary file and renamed into place, so concurrent writers never leave half an entry and
    a reader sees an entry whole or not at all. A damaged entry is a miss. Results that depend
    on the run rather than the bytes (timeouts, crashes, missing files) are never stored.
    """

    root: Path
    max_pages: int = MAX_PAGES
    ocr: bool = False  # reads made with OCR (the extra installed and on) are kept apart
    reader: str = "pdfminer"  # and so are reads with another character source

    def _path(self, sha: str) -> Path:
        ocr = "-ocr" if self.ocr else ""
        source = "" if self.reader == "pdfminer" else f"-{self.reader}"
        version = f"read-v{READER_VERSION}-{__version__}-p{self.max_pages}{ocr}{source}"
        return self.root / version / sha[:2] / f"{sha}.json"

    def get(self, source: str, sha: str) -> Read | None:
        """The cached read of content ``sha``, named ``source``; None on a miss."""
        try:
            entry = json.loads(self._path(sha).read_text(encoding="utf-8"))
            if entry["status"] != "ok":
                return Read(source, None, entry["status"], entry["message"])
            d = entry["document"]
            doc = Document(
                source,
                sha,
                d["format"],
                d["text"],
                tuple(Page(*p) for p in d["pages"]),
                tuple(d["warnings"]),
            )
            return Read(source, doc)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, sha: str, read: Read) -> None:
        """Store ``read`` for content ``sha`` (best effort: a cache that cannot be written is skipped)."""
        if read.status in _TRANSIENT:
            return
        entry: dict[str, Any] = {"status": read.status, "message": read.message}
        if read.document is not None:
            d = asdict(read.document)
            entry["document"] = {k: d[k] for k in ("format", "text", "pages", "warnings")}
            entry["document"]["pages"] = [[p.number, p.start, p.end] for p in read.document.pages]
        path = self._path(sha)
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", dir=path.parent, suffix=".tmp", delete=False
            ) as f:
                try:
                    json.dump(entry, f, ensure_ascii=False)
                    f.flush()
                except BaseException:
                    # A full disk left these .tmp files behind for good (issue 14).
                    os.unlink(f.name)
                    raise
            try:
                os.replace(f.name, path)
            except OSError:
                os.unlink(f.name)
                raise
