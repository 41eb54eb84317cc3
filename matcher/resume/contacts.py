"""Contacts: locate name, e-mail, phone, links and address in a resume, for redaction only.

Input is a resume's text, its ``Section`` spans and the ``Lexicon``; output is ``Fact`` values
whose ``value`` is the kind of field. Scoring never reads them: they exist so that a blind mode
can hide who the candidate is.
"""

from __future__ import annotations

import re
from datetime import date

from matcher.resume.dates import find_ranges
from matcher.resume.sections import (
    LOCATION,
    ORG_CUES,
    TITLE_CUES,
    Fact,
    Section,
    heading_index,
    lines_of,
)
from matcher.text import normalize_term
from matcher.vocab.lexicon import Lexicon
from matcher.vocab.titles import reads_as_title

# Every pattern over resume text must take linear time on any input (a 200,000-character
# token of letters, digits or CJK included): a match may start only where a token starts
# (the lookbehinds), quantifiers that could be tried again are possessive (``++``) or bounded.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)+")
_LINK = re.compile(
    r"(?:https?://|www\.)\S+|(?<![\w@.])(?:linkedin\.com|github\.com|gitlab\.com|behance\.net"
    r"|dribbble\.com|twitter\.com|x\.com)/\S*",
    re.IGNORECASE,
)
_PHONE = re.compile(r"(?<![\w/.])\+?\(?\d[\d \t().\-]{6,18}\d(?![\w/])")
_SEPARATORS = "|•·,;:：-–—"
_STREET = re.compile(
    r"(?<!\d)\d{1,6}\s++[A-Z][\w.]{0,40}(?:\s++[A-Z][\w.]{0,40}){0,6}\s++(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd"
    r"|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Parkway|Pkwy)\.?(?![a-z])[^\n|]*"
    r"|[\u4e00-\u9fff]{2,12}(?:省|市)[\u4e00-\u9fff\d]{0,30}(?:区|县|路|街|号)[\u4e00-\u9fff\d号室楼]{0,30}",
)


def find_contacts(text: str, sections: tuple[Section, ...], lex: Lexicon) -> tuple[Fact, ...]:
    """Name, e-mail, phone, links and address, located for redaction (never for scoring).

    ``value`` is the kind ("name", "email", "phone", "link", "address"); ``text`` what is written.
    The name and address are looked for in the top of the resume (before the first section or
    the first lines; the name before the first section whenever something stands before it,
    and never in a line that reads as a job title: "VICTIM ADVOCATE" is a headline, not a
    name); e-mails, phones and links anywhere.

    >>> from matcher.vocab.lexicon import default_lexicon
    >>> [(f.value, f.text) for f in find_contacts("Megan Alvarez\\nmegan@ex.com | +1 (415) "
    ...  "555-0142 | San Francisco, CA\\nSUMMARY\\nx", (), default_lexicon())]  # doctest: +NORMALIZE_WHITESPACE
    [('name', 'Megan Alvarez'), ('email', 'megan@ex.com'), ('phone', '+1 (415) 555-0142'),
     ('address', 'San Francisco, CA')]
    """
    out: list[Fact] = []
    # The characters already taken by a field: an overlap test is a look-up in its span, not a
    # pass over every earlier field (quadratic in a text of 50,000 e-mail addresses).
    taken = bytearray(len(text))

    def add(kind: str, start: int, end: int) -> None:
        if taken.find(1, start, end) < 0:
            taken[start:end] = b"\x01" * (end - start)
            out.append(Fact(kind, start, end, text[start:end]))

    for m in _EMAIL.finditer(text):
        add("email", m.start(), m.end())
    for m in _LINK.finditer(text):
        add("link", m.start(), m.end())
    for m in _PHONE.finditer(text):
        digits = sum(c.isdigit() for c in m.group(0))
        dotted = re.fullmatch(r"[\d.]+", m.group(0).strip()) and digits < 10  # a figure
        if 7 <= digits <= 15 and not dotted and not find_ranges(m.group(0), date.today()):
            add("phone", m.start(), m.end())
    first = min([s.start for s in sections] + [len(text)])
    top_end = max(first, min(len(text), _nth_line_end(text, 4)))
    # A name stands above the first heading; below it is that section's text ("Summary\n
    # Accounting Skills"), unless the resume opens with a heading (a sidebar read first).
    name_end = first if text[:first].strip() else top_end
    names = heading_index(lex)
    name_found = False
    for ls, le in lines_of(text, 0, top_end):
        line = text[ls:le].strip()
        lstart = text.index(line, ls) if line else ls
        if not name_found and ls < name_end and _looks_like_name(line, names):
            bare = re.split(r"\s*[(,]", line)[0]
            add("name", lstart, lstart + len(bare))
            name_found = True
        for m in _STREET.finditer(text, ls, le):
            # A street address opens its line or follows a separator ("Address: ", " | "); a
            # number in a sentence is a year or a sum ("testified in 2004 Puerto Rico Superior
            # Court").
            before = text[ls : m.start()].rstrip()
            if not m.group(0)[0].isdigit() or not before or before[-1] in _SEPARATORS:
                add("address", m.start(), m.end())
        if "|" in line or _EMAIL.search(line) or _PHONE.search(line):
            for piece in re.finditer(r"[^|•·\n]+", text[ls:le]):
                p = piece.group(0).strip()
                if p and LOCATION.search(p) and not _EMAIL.search(p) and not _PHONE.search(p):
                    start = ls + piece.start() + piece.group(0).index(p)
                    add("address", start, start + len(p))
    return tuple(sorted(out, key=lambda f: f.start))


def _nth_line_end(text: str, n: int) -> int:
    pos = 0
    for _ in range(n):
        i = text.find("\n", pos)
        if i < 0:
            return len(text)
        pos = i + 1
    return pos


def _looks_like_name(line: str, headings: dict[str, str]) -> bool:
    """2-4 capitalised words, or 2-4 Chinese characters, that are no heading and no job title.

    A line ending in a one-word heading is a heading ("Professional Objective", "Accounting
    Skills"); one that reads as a job title (``reads_as_title``) is a headline ("VICTIM
    ADVOCATE", "SUPERINTENDENT II").
    """
    if len(line) > 120:  # no name is this long; the patterns below need not see such a line
        return False
    line = re.sub(r"\s*(?:\([^)]*\)|,\s*[A-Z]{2,5}(?:,\s*[A-Z]{2,5})*)$", "", line)
    if not line or normalize_term(line) in headings or TITLE_CUES.search(line):
        return False
    if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", line):
        return not ORG_CUES.search(line)
    words = line.split()
    return (
        2 <= len(words) <= 4
        and all(re.fullmatch(r"[A-Z][a-zA-Z'\-]*\.?|[A-Z]\.", w) for w in words)
        and not ORG_CUES.search(line)
        and normalize_term(words[-1]) not in headings
        and not reads_as_title(line)
    )
