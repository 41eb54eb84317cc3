"""Text: the one normaliser for postings, rubric terms and resumes, and boundary-aware term search.

Input is any ``str``; output is normalised ``str`` (``normalize``), a length-preserving folded copy
for matching (``fold``), and ``Span`` hits of a term in a text (``term_pattern``). Scorers and
compilers call these and never normalise on the side, so a term in a rubric and the same word in
a resume always compare equal.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Dashes, minus signs and bullets that people and PDF producers use interchangeably.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_QUOTES = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2033": '"',
}
_TRANSLATE: dict[int, str | None] = {ord(c): "-" for c in _DASHES}
_TRANSLATE.update({ord(k): v for k, v in _QUOTES.items()})
_TRANSLATE |= {0x00A0: " ", 0x3000: " ", 0x200B: None, 0x00AD: None, 0xFEFF: None}


def decode(data: bytes) -> str | None:
    """Text file bytes as ``str``: UTF-8 (with or without a BOM), UTF-16 or UTF-32 with its BOM
    (what Windows Notepad saves as "Unicode"), or GB18030, without control characters; None for
    anything else (binary data, an unknown encoding).

    >>> decode("岗位职责".encode("utf-16")), decode(b"\\x00\\x01binary"), decode("本科".encode("gb18030"))
    ('岗位职责', None, '本科')
    """
    text: str | None = None
    for bom, enc in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32")):
        if data.startswith(bom):
            text = _try(data, enc)
            break
    else:
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # never the start of UTF-8 or GB18030
            text = _try(data, "utf-16")
        elif b"\x00" not in data[:4096]:
            text = _try(data, "utf-8-sig")
            text = _try(data, "gb18030") if text is None else text
    # Control characters (a terminal bell, an escape) are no text: they would reach titles,
    # labels and the terminal.
    return None if text is None else text.translate(_CONTROLS)


_CONTROLS = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def normalize(text: str) -> str:
    """Return ``text`` in the one form every step uses.

    NFKC (full-width to half-width, ligatures such as "ﬁ" to "fi"), dashes and quotes folded to
    ASCII, non-breaking and ideographic spaces to plain spaces, soft hyphens and zero-width
    characters removed, and ``\\r\\n`` line ends to ``\\n``. Case is kept: see ``fold``.

    >>> normalize("Ｐｙｔｈｏｎ – “ﬁne”")
    'Python - "fine"'
    """
    text = unicodedata.normalize("NFKC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.translate(_TRANSLATE)


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    f = c.casefold()
    if len(f) == 1:
        return f
    low = c.lower()
    return low if len(low) == 1 else c


def fold(text: str) -> str:
    """Case-fold ``text`` character by character so that offsets stay valid.

    ``len(fold(t)) == len(t)`` always holds, so a span found in the folded text points at the
    same characters in the original.

    >>> fold("SQL and Axure")
    'sql and axure'
    """
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(c) for c in text)


def normalize_term(term: str) -> str:
    """The comparable form of a rubric term: normalised, folded, inner whitespace collapsed."""
    return " ".join(fold(normalize(term)).split())


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``start:end`` of a text, and the matched text itself."""

    start: int
    end: int
    text: str


# Characters that glue onto a Latin term: a hit must not have one of these right beside it.
_WORDISH = r"A-Za-z0-9_+#&"


@lru_cache(maxsize=65536)
def term_pattern(term: str) -> re.Pattern[str]:
    """A regex that finds ``term`` (already ``normalize_term``-ed) as a whole term in folded text.

    Boundaries are checked only on the Latin side: ``java`` does not hit "javascript", ``c``
    does not hit "c++" or "c#", ``go`` does not hit "google"; while ``c++``, ``.net``,
    ``node.js`` and Chinese terms (no spaces) match where they stand. Inner spaces match any
    run of spaces, hyphens or line breaks ("user research" hits "user-research").

    >>> bool(term_pattern("java").search("javascript")), bool(term_pattern("c").search("c++"))
    (False, False)
    """
    parts = [re.escape(p) for p in re.split(r"[\s\-]+", term) if p]
    body = r"[\s\-]+".join(parts) if parts else re.escape(term)
    left = f"(?<![{_WORDISH}])" if term[:1].isascii() and term[:1].isalnum() else ""
    right = f"(?![{_WORDISH}])" if term[-1:].isascii() and term[-1:].isalnum() else ""
    # "c++" must not match inside "c+++" but "c#" followed by a comma is fine.
    if term[-1:] in "+#":
        right = f"(?![{_WORDISH}])"
    return re.compile(left + body + right)


def find_term(term: str, folded_text: str, original: str | None = None) -> list[Span]:
    """Every whole-term hit of ``term`` in ``folded_text`` (see ``term_pattern``).

    ``original`` (same length as ``folded_text``) supplies the matched text as written.

    >>> [s.text for s in find_term("c++", fold("C, C++ and C#"), "C, C++ and C#")]
    ['C++']
    """
    source = original if original is not None else folded_text
    return [
        Span(m.start(), m.end(), source[m.start() : m.end()])
        for m in term_pattern(normalize_term(term)).finditer(folded_text)
    ]


_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#.\-]*[A-Za-z0-9+#]|[A-Za-z0-9]|[\u4e00-\u9fff]+")


def tokens(text: str) -> list[str]:
    """Latin word tokens and runs of CJK characters in ``text`` (for counting and fuzzy windows)."""
    return _TOKEN.findall(text)


def has_cjk(text: str) -> bool:
    """True when ``text`` holds at least one CJK ideograph."""
    return any("\u4e00" <= c <= "\u9fff" for c in text)
