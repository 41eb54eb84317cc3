"""Read cache: a file's content hash in, its earlier ``Read`` (and later steps' entries) out.

Input is a content hash (SHA-256 of the file's bytes) and, to store, the ``Read`` that reading
those bytes gave; output is that ``Read`` again, named as the caller asks, or None on a miss.
Later steps keep their own JSON entries under the same hash (``load``/``store`` with a
namespace of their choosing, such as the pipeline's understood resumes and term credits), so a
warm run skips whatever was done before. ``Read`` (what reading one input gave: a
``Document``, or the status and message of why not) is defined here because it is what the
cache holds; the pipeline produces it.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from matcher._version import __version__
from matcher.read.document import Document, Page
from matcher.read.reader import MAX_PAGES, READER_VERSION

# Statuses that say something about the machine or the run, not the file: never cached.
_TRANSIENT = {
    "timeout",
    "reader_crashed",
    "error",
    "not_found",
    "unreadable",
    "too_large",
}

# A temporary file older than this was left by a process that died mid-write: removed.
STALE_TMP_SECONDS = 3600.0


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
    """Entries on disk, keyed by a file's content hash and the version of what made them.

    Entries are JSON (never pickle: a cache file must not be able to run code), written to a
    temporary file in ``ROOT/tmp`` and renamed into place, so concurrent writers never leave
    half an entry and a reader sees an entry whole or not at all; a write that fails (a full
    disk) removes its temporary file. A damaged entry is a miss. Results that depend on the run
    rather than the bytes (timeouts, crashes, missing files) are never stored.
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
        self._write(self._path(sha), entry)

    def load(self, namespace: str, sha: str) -> Any:
        """The JSON entry a later step stored for content ``sha`` under ``namespace``, or None.

        ``namespace`` names what made the entry and its version (a folder name); a damaged
        entry is a miss.
        """
        try:
            return json.loads(self._entry(namespace, sha).read_bytes())
        except (OSError, ValueError):
            return None

    def store(self, namespace: str, sha: str, entry: Any) -> None:
        """Store a JSON-able ``entry`` for content ``sha`` under ``namespace`` (best effort)."""
        self._write(self._entry(namespace, sha), entry)

    def _entry(self, namespace: str, sha: str) -> Path:
        return self.root / namespace / sha[:2] / f"{sha}.json"

    def _write(self, path: Path, entry: Any) -> None:
        """Write ``entry`` whole or not at all; never leaves a temporary file behind."""
        tmp = self.root / "tmp" / f"{os.getpid()}-{threading.get_ident()}-{time.monotonic_ns()}.tmp"
        try:
            data = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp.parent.mkdir(parents=True, exist_ok=True)
            with tmp.open("wb") as f:
                f.write(data)
            os.replace(tmp, path)
        except (OSError, ValueError, TypeError):
            with contextlib.suppress(OSError):
                tmp.unlink()
        except BaseException:  # a worker stopped mid-write (SIGTERM's SystemExit): no half entry
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise

    def sweep(self, older_than: float = STALE_TMP_SECONDS) -> int:
        """Remove temporary files left by processes killed mid-write; returns how many.

        Only files older than ``older_than`` seconds go, so a write under way elsewhere is
        never cut short. Cheap: temporary files live in one folder.
        """
        removed = 0
        now = time.time()
        with contextlib.suppress(OSError):
            for p in (self.root / "tmp").iterdir():
                with contextlib.suppress(OSError):
                    if now - p.stat().st_mtime > older_than:
                        p.unlink()
                        removed += 1
        return removed
