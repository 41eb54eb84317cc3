"""Read: turn a resume file (PDF, text) into a ``Document``, the text a person would read.

Input is a path, bytes or a string; output is a ``Document`` holding the normalised text in
reading order, its pages as character ranges, and warnings about how extraction went. A file
that cannot be read raises ``ReadError`` with a specific ``status`` (``empty``, ``not_a_resume``,
``encrypted``, ``corrupt_pdf``, ``needs_ocr``, ``unreadable_text``...). pdfminer lives here and
nowhere else.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from matcher.errors import ReadError
from matcher.text import normalize

if TYPE_CHECKING:
    from pdfminer.layout import LTPage

MAX_BYTES = 20 * 1024 * 1024
MAX_PAGES = 30
TEXT_SUFFIXES = {".txt", ".md", ".text", ""}


@dataclass(frozen=True, slots=True)
class Page:
    """Page ``number`` (1-based) is ``Document.text[start:end]``."""

    number: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Document:
    """A resume as read: normalised text in reading order, pages, and extraction warnings."""

    source: str
    sha256: str
    format: str
    text: str
    pages: tuple[Page, ...]
    warnings: tuple[str, ...] = ()

    def page_of(self, offset: int) -> int:
        """The 1-based page number holding character ``offset`` (1 for plain text)."""
        for p in self.pages:
            if offset < p.end:
                return p.number
        return self.pages[-1].number if self.pages else 1


def read_document(
    source: str | Path | bytes, *, name: str | None = None, max_pages: int = MAX_PAGES
) -> Document:
    """Read a resume from a path, raw bytes, or (``str`` that is not a file path) its text.

    Args:
        source: a path (``str`` or ``Path``) to a PDF or text file, or the file's bytes.
        name: what to call the document in results (defaults to the path as given).
        max_pages: pages past this are not read (a ``page_cap`` warning says so).

    Returns:
        A ``Document``.

    Raises:
        ReadError: with ``status`` naming what is wrong with the file.

    >>> read_document(b"Jane Doe\\nSkills: SQL, Axure", name="jane.txt").text
    'Jane Doe\\nSkills: SQL, Axure'
    """
    if isinstance(source, bytes):
        data, label, suffix = source, name or "<bytes>", ""
    else:
        path = Path(source)
        label, suffix = name or str(source), path.suffix.lower()
        try:
            size = path.stat().st_size
            if size > MAX_BYTES:
                raise ReadError(
                    f"file is {size / 1e6:.1f} MB, over the {MAX_BYTES // 2**20} MiB limit",
                    status="too_large",
                )
            data = path.read_bytes()
        except FileNotFoundError:
            raise ReadError("file not found", status="not_found") from None
        except IsADirectoryError:
            raise ReadError("is a folder, not a file", status="not_found") from None
        except PermissionError:
            raise ReadError("permission denied", status="unreadable") from None
    return read_bytes(data, label=label, suffix=suffix, max_pages=max_pages)


def read_bytes(
    data: bytes, *, label: str, suffix: str = "", max_pages: int = MAX_PAGES
) -> Document:
    """Read a resume from its bytes; ``suffix`` (".pdf", ".txt"...) is a hint, content decides."""
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise ReadError("empty file", status="empty")
    if data.lstrip()[:5] == b"%PDF-":
        pages, warnings = _read_pdf(data, max_pages)
        fmt = "pdf"
    elif suffix == ".pdf":
        raise ReadError(f"named .pdf but is not a PDF ({_sniff(data)})", status="not_a_pdf")
    elif data[:4] == b"PK\x03\x04":
        raise ReadError(
            "DOCX and other zip-based files are not supported yet", status="unsupported"
        )
    else:
        pages, warnings, fmt = [_decode_text(data)], [], "text"
    return _assemble(label, digest, fmt, pages, warnings)


def read_text(text: str, *, name: str = "<text>") -> Document:
    """A ``Document`` from text already in memory (e.g. an ATS field)."""
    if not text.strip():
        raise ReadError("empty text", status="empty")
    data = text.encode("utf-8")
    return _assemble(name, hashlib.sha256(data).hexdigest(), "text", [text], [])


def _assemble(label: str, digest: str, fmt: str, pages: list[str], warnings: list[str]) -> Document:
    parts: list[str] = []
    spans: list[Page] = []
    pos = 0
    for i, raw in enumerate(pages, 1):
        t = _tidy(normalize(raw))
        if parts:
            parts.append("\n\n")
            pos += 2
        parts.append(t)
        spans.append(Page(i, pos, pos + len(t)))
        pos += len(t)
    text = "".join(parts)
    if not text.strip():
        raise ReadError("no text layer: scanned or image-only file", status="needs_ocr")
    return Document(label, digest, fmt, text, tuple(spans), tuple(warnings))


_BLANKS = re.compile(r"\n{3,}")
_TRAILING = re.compile(r"[ \t]+\n")


def _tidy(text: str) -> str:
    return _BLANKS.sub("\n\n", _TRAILING.sub("\n", text)).strip()


def _sniff(data: bytes) -> str:
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "a PNG image"
    if data[:3] == b"\xff\xd8\xff":
        return "a JPEG image"
    if data[:4] == b"PK\x03\x04":
        return "a zip or Office file"
    try:
        data[:2048].decode("utf-8")
        return "plain text"
    except UnicodeDecodeError:
        return "unknown binary data"


def _decode_text(data: bytes) -> str:
    if b"\x00" in data[:4096]:
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            return data.decode("utf-16")
        raise ReadError(f"not a resume: {_sniff(data)}", status="not_a_resume")
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise ReadError("text file in an unknown encoding", status="unreadable_text")


# ---------------------------------------------------------------- PDF


def _read_pdf(data: bytes, max_pages: int) -> tuple[list[str], list[str]]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psexceptions import PSException

    warnings: list[str] = []
    pages: list[str] = []
    try:
        for n, layout in enumerate(extract_pages(io.BytesIO(data), laparams=LAParams())):
            if n >= max_pages:
                warnings.append(f"page_cap: only the first {max_pages} pages were read")
                break
            pages.append(_page_text(layout))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise ReadError("encrypted PDF: a password is required", status="encrypted") from None
    except (PDFSyntaxError, PSException) as e:
        raise ReadError(f"damaged PDF: {e or type(e).__name__}", status="corrupt_pdf") from None
    except RecursionError:
        raise ReadError("damaged PDF: content nested too deeply", status="corrupt_pdf") from None
    except Exception as e:  # pdfminer raises bare Exceptions and others on broken files
        raise ReadError(f"damaged PDF: {type(e).__name__}: {e}", status="corrupt_pdf") from None
    if not pages:
        raise ReadError("PDF has no pages", status="corrupt_pdf")
    joined = "".join(pages)
    if not joined.strip():
        raise ReadError("no text layer: scanned or image-only PDF", status="needs_ocr")
    bad = len(re.findall(r"\(cid:\d+\)", joined)) + joined.count("\ufffd")
    if bad * 4 > len(re.sub(r"\s", "", joined)) * 0.3:
        raise ReadError(
            "text layer is unreadable: mostly unmapped glyphs (cid codes)", status="unreadable_text"
        )
    return pages, warnings


def _lines(layout: LTPage) -> list[Any]:
    from pdfminer.layout import LTTextBox, LTTextLine

    out: list[Any] = []
    for obj in layout:
        if isinstance(obj, LTTextBox):
            out.extend(line for line in obj if isinstance(line, LTTextLine))
        elif isinstance(obj, LTTextLine):
            out.append(obj)
    return out


def _page_text(layout: LTPage) -> str:
    """Text lines of one page in reading order: column by column when the page has columns."""
    lines = [ln for ln in _lines(layout) if ln.get_text().strip()]
    if not lines:
        return ""
    split = _column_split(lines, layout.x0, layout.x1)
    if split is None:
        ordered = sorted(lines, key=lambda ln: (-round(ln.y1), ln.x0))
    else:
        crossing = [ln for ln in lines if ln.x0 < split < ln.x1]
        cols = [ln for ln in lines if not ln.x0 < split < ln.x1]
        top = min((ln.y1 for ln in cols), default=0.0)
        head = sorted([ln for ln in crossing if ln.y0 >= top - 1], key=lambda ln: -ln.y1)
        tail = sorted([ln for ln in crossing if ln.y0 < top - 1], key=lambda ln: -ln.y1)
        left = sorted([ln for ln in cols if ln.x1 <= split], key=lambda ln: (-round(ln.y1), ln.x0))
        right = sorted([ln for ln in cols if ln.x0 >= split], key=lambda ln: (-round(ln.y1), ln.x0))
        ordered = head + left + right + tail
    return "\n".join(_join_row(ordered))


def _join_row(lines: list[Any]) -> list[str]:
    """Lines that share a baseline and sit side by side become one text line."""
    rows: list[str] = []
    last_y: float | None = None
    for ln in lines:
        t = ln.get_text().strip()
        if last_y is not None and abs(ln.y1 - last_y) < 1.0 and rows:
            rows[-1] += "  " + t
        else:
            rows.append(t)
        last_y = ln.y1
    return rows


def _column_split(lines: list[Any], x0: float, x1: float) -> float | None:
    """An x position in the middle of the page that text lines on both sides avoid, if any.

    A split needs at least three lines wholly on each side and few lines crossing it (a name
    banner across the top may), so ordinary one-column pages keep top-to-bottom order.
    """
    width = x1 - x0
    best: tuple[int, float] | None = None
    for frac in range(20, 81, 2):
        x = x0 + width * frac / 100
        crossing = sum(1 for ln in lines if ln.x0 < x < ln.x1)
        left = sum(1 for ln in lines if ln.x1 <= x)
        right = sum(1 for ln in lines if ln.x0 >= x)
        # Prefer the fewest crossings; ties keep the leftmost split.
        if (
            left >= 3
            and right >= 3
            and crossing <= max(2, len(lines) // 10)
            and (best is None or crossing < best[0])
        ):
            best = (crossing, x)
    return None if best is None else best[1]
