"""Document: page texts (``list[str]``) and warnings to a ``Document``, the value later steps read.

Every reader (PDF, DOCX, JSON Resume, plain text, text already in memory) ends here: each page
is repaired (UTF-8 once decoded as Windows-1252), its bullet glyphs folded to one bullet,
normalised and tidied, and the pages are joined into one text with their character ranges.
Text past ``MAX_CHARS`` is not kept (a ``text_cap`` warning says so); no text at all raises
``ReadError`` with status ``needs_ocr`` (or ``empty`` for blank text in memory).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from matcher.errors import ReadError
from matcher.text import normalize

MAX_CHARS = 200_000


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


def read_text(text: str, *, name: str = "<text>") -> Document:
    """A ``Document`` from text already in memory (e.g. an ATS field).

    >>> read_text("Jane Doe").pages[0].end
    8
    """
    if not text.strip():
        raise ReadError("empty text", status="empty")
    data = text.encode("utf-8")
    return assemble(name, hashlib.sha256(data).hexdigest(), "text", [text], [])


# Bullet glyphs from word processors and symbol fonts (the private-use ones come from
# Wingdings/Symbol fonts without a Unicode map) all read as one bullet.
BULLETS = {ord(c): "•" for c in "●▪■◦○◆◇►▸▹➢➤✓✔❖⦁∙\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf06c\uf0a8"}


# UTF-8 bytes once decoded as Windows-1252 ("Â " for a no-break space, "â€“" for a dash,
# "â€¢" for a bullet): a lead byte as Latin-1 letter, then continuation bytes as cp1252.
_CP1252_CONT = "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
_MOJIBAKE = re.compile(f"[\u00c2-\u00f4][{_CP1252_CONT}]{{1,3}}")


def fix_mojibake(text: str) -> str:
    """Repair UTF-8 text that a producer decoded as Windows-1252; leave anything else alone.

    >>> fix_mojibake("Sales â€“ Retail, team leadÂ\u00a0, Excel.Â ")
    'Sales – Retail, team lead\xa0, Excel.  '
    """
    if "Â" not in text and "â" not in text and "Ã" not in text and "ï" not in text:
        return text
    if "\u200b" in text:
        # Some producers replaced one byte of the sequence with a zero-width space
        # ("ï¼\u200b" for a full-width colon): the character cannot be known, so drop it.
        text = _BROKEN.sub("", text)

    def fix(m: re.Match[str]) -> str:
        try:
            return m.group().encode("cp1252").decode("utf-8")
        except UnicodeError:
            return m.group()

    # A lone "Â" before a space is what is left of a no-break space whose second byte was
    # mapped to a plain space; a real "Â" (Portuguese, French) starts a word.
    return _LONE_A.sub(" ", _MOJIBAKE.sub(fix, text))


_LONE_A = re.compile(r"Â(?=\s|$|Â)")
_BROKEN = re.compile(f"[ïâÃÂ][{_CP1252_CONT}]?\u200b")


def assemble(label: str, digest: str, fmt: str, pages: list[str], warnings: list[str]) -> Document:
    """The ``Document`` named ``label`` from a reader's page texts and warnings.

    Args:
        label: what to call the document in results.
        digest: the SHA-256 of the bytes read (hex).
        fmt: the format read: ``pdf``, ``docx``, ``json_resume`` or ``text``.
        pages: one text per page, as the reader found it.
        warnings: what the reader noticed; a ``text_cap`` warning may be added.

    Returns:
        A ``Document`` whose pages are character ranges of its text.

    Raises:
        ReadError: ``needs_ocr`` when no page holds any text.

    >>> assemble("x", "0" * 64, "text", ["Jane Doe ", "\u25cf SQL"], []).text
    'Jane Doe\\n\\n• SQL'
    """
    parts: list[str] = []
    spans: list[Page] = []
    pos = 0
    for i, raw in enumerate(pages, 1):
        t = _tidy(normalize(fix_mojibake(raw).translate(BULLETS)))
        if parts:
            parts.append("\n\n")
            pos += 2
        parts.append(t)
        spans.append(Page(i, pos, pos + len(t)))
        pos += len(t)
    text = "".join(parts)
    if not text.strip():
        raise ReadError("no text layer: scanned or image-only file", status="needs_ocr")
    if len(text) > MAX_CHARS:
        # Resumes run to tens of thousands of characters; past the cap the rest is not read, so
        # understanding a pasted book costs no more than a long resume.
        text = text[:MAX_CHARS]
        spans = [
            Page(p.number, p.start, min(p.end, MAX_CHARS)) for p in spans if p.start < MAX_CHARS
        ]
        warnings = [*warnings, f"text_cap: only the first {MAX_CHARS:,} characters were read"]
    return Document(label, digest, fmt, text, tuple(spans), tuple(warnings))


_BLANKS = re.compile(r"\n{3,}")
_TRAILING = re.compile(r"(?<![ \t])[ \t]++\n")  # from a run's first blank only: linear


def _tidy(text: str) -> str:
    return _BLANKS.sub("\n\n", _TRAILING.sub("\n", text)).strip()
