"""Intake: a resume file's path or bytes to checked bytes, their kind, and the pages of non-PDFs.

Input is a path or a file's bytes and its suffix; output is the bytes (``read_file_bytes``),
what kind of resume file they hold (``sniff``: ``pdf``, ``docx``, ``json``, ``text`` or
``image`` (PNG, JPEG: a photographed or scanned resume, for OCR), the content deciding and the
suffix a hint) and, for every kind but PDF, the format read, its page
texts and warnings (``read_other``), for ``document.assemble`` to make a ``Document``. What is not a
resume file raises ``ReadError`` with status ``empty``, ``not_found``, ``unreadable``,
``too_large``, ``not_a_pdf``, ``not_a_docx``, ``unsupported``, ``not_a_resume`` or
``unreadable_text`` (text in an unknown encoding). PDFs are ``pdf``'s to read.
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Literal

from matcher.errors import ReadError
from matcher.read.formats import json_resume, read_docx
from matcher.text import decode

MAX_BYTES = 20 * 1024 * 1024

Kind = Literal["pdf", "docx", "json", "text", "image"]


def read_file_bytes(path: str | Path) -> bytes:
    """The bytes of a resume file, refusing files over ``MAX_BYTES`` before reading them.

    Raises:
        ReadError: ``not_found``, ``too_large`` or ``unreadable``.
    """
    p = Path(path)
    try:
        st = p.stat()
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(st.st_mode):
            # A device, pipe or socket has no size to check and may never end: not a file.
            raise ReadError("not a regular file (a device, pipe or socket)", status="unreadable")
        if st.st_size > MAX_BYTES:
            raise ReadError(
                f"file is {st.st_size / 1e6:.1f} MB, over the {MAX_BYTES // 2**20} MiB limit",
                status="too_large",
            )
        with p.open("rb") as f:
            data = f.read(MAX_BYTES + 1)  # the file may have grown since stat
        if len(data) > MAX_BYTES:
            raise ReadError(f"file is over the {MAX_BYTES // 2**20} MiB limit", status="too_large")
        return data
    except FileNotFoundError:
        raise ReadError("file not found", status="not_found") from None
    except IsADirectoryError:
        raise ReadError("is a folder, not a file", status="not_found") from None
    except PermissionError:
        raise ReadError("permission denied", status="unreadable") from None


def sniff(data: bytes, suffix: str = "") -> Kind:
    """What kind of resume file ``data`` holds; ``suffix`` (".pdf", ".docx"...) is a hint.

    Raises:
        ReadError: ``empty``, ``too_large``, ``not_a_pdf`` (named .pdf, is not one),
            ``not_a_docx`` (likewise), ``unsupported`` (.doc, RTF).

    >>> sniff(b"%PDF-1.7 ..."), sniff(b'{"basics": {}}'), sniff(b"\\xff\\xd8\\xff\\xe0"), sniff(b"Jane Doe")
    ('pdf', 'json', 'image', 'text')
    """
    if not data.strip():
        raise ReadError("empty file", status="empty")
    if len(data) > MAX_BYTES:
        raise ReadError(f"file is over the {MAX_BYTES // 2**20} MiB limit", status="too_large")
    head = data[:1024]
    if b"%PDF-" in head and (head.lstrip()[:5] == b"%PDF-" or suffix == ".pdf"):
        return "pdf"
    if suffix == ".pdf":
        raise ReadError(f"named .pdf but is not a PDF ({_describe(data)})", status="not_a_pdf")
    if data[:4] == b"PK\x03\x04":
        return "docx"
    if data[:8] == _OLE2 or data.lstrip()[:5] == b"{\\rtf":
        raise ReadError(
            f"{_describe(data)} is not supported: save it as DOCX or PDF", status="unsupported"
        )
    if suffix == ".docx":
        raise ReadError(
            f"named .docx but is not a DOCX file ({_describe(data)})", status="not_a_docx"
        )
    if data[:8] == _PNG or data[:3] == _JPEG:
        return "image"
    if suffix == ".json" or data.lstrip()[:1] == b"{":
        return "json"
    return "text"


def read_other(data: bytes, kind: Kind, suffix: str = "") -> tuple[str, list[str], list[str]]:
    """The format read, page texts and warnings of a DOCX, JSON Resume or text file.

    Args:
        data: the file's bytes.
        kind: what ``sniff`` said they hold (not ``pdf`` nor ``image``).
        suffix: the file's suffix; ``.json`` makes a JSON parse error an error, where a
            text file that merely starts with ``{`` is read as text.

    Returns:
        ``(format, pages, warnings)``, format one of ``docx``, ``json_resume``, ``text``.

    Raises:
        ReadError: ``corrupt_docx``, ``not_a_resume``, ``unreadable_text``...

    >>> read_other(b"{curly} Jane Doe", "json")
    ('text', ['{curly} Jane Doe'], [])
    """
    if kind == "docx":
        pages, warnings = read_docx(data)
        return "docx", pages, warnings
    if kind == "json":
        resume = json_resume(data, strict=suffix == ".json")
        if resume:
            return "json_resume", [resume], []
    return "text", [_decode_text(data)], []


_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old binary Office files (.doc, .xls)
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"


def _describe(data: bytes) -> str:
    if data[:8] == _OLE2:
        return "an old binary Word/Office file (.doc)"
    if data.lstrip()[:5] == b"{\\rtf":
        return "an RTF document"
    if data[:8] == _PNG:
        return "a PNG image"
    if data[:3] == _JPEG:
        return "a JPEG image"
    if data[:4] == b"PK\x03\x04":
        return "a zip or Office file"
    if data[:5] == b"%PDF-":
        return "a PDF"
    try:
        data[:2048].decode("utf-8")
        return "plain text"
    except UnicodeDecodeError:
        return "unknown binary data"


def _decode_text(data: bytes) -> str:
    text = decode(data)
    if text is not None:
        return text
    if b"\x00" in data[:4096]:
        raise ReadError(f"not a resume: {_describe(data)}", status="not_a_resume")
    raise ReadError("text file in an unknown encoding", status="unreadable_text")
