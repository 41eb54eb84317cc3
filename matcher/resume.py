"""Resume: understand a ``Document`` as a recruiter would (sections, dated roles, years, education).

Input is a ``Document`` and an ``as_of`` date; output is a ``Resume`` whose every fact carries the
character span it was read from. Headings, degree words and date formats come from the lexicon
and the patterns below, in English and Chinese.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from matcher.lexicon import Lexicon, default_lexicon
from matcher.read import Document
from matcher.text import find_term, fold, normalize_term

LEVEL_ORDER = ("highschool", "associate", "bachelor", "master", "doctorate")


@dataclass(frozen=True, slots=True)
class Section:
    """A titled part of the resume: ``name`` is canonical (experience, education, skills...)."""

    name: str
    heading: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Role:
    """A dated entry in the experience section. Months count from year 0 (``year * 12 + m - 1``)."""

    title: str
    start_month: int
    end_month: int  # exclusive
    ongoing: bool
    date_text: str
    start: int  # span of the role's text block
    end: int


@dataclass(frozen=True, slots=True)
class Fact:
    """A value read from the resume, with where it stands."""

    value: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Resume:
    """A resume understood: the document, its folded text for matching, and the facts found."""

    document: Document
    folded: str
    as_of: date
    sections: tuple[Section, ...]
    roles: tuple[Role, ...]
    years_experience: float
    education: Fact | None  # value is a level in LEVEL_ORDER

    def section_at(self, offset: int) -> str:
        """The canonical name of the section holding ``offset`` (``"top"`` before the first)."""
        for s in self.sections:
            if s.start <= offset < s.end:
                return s.name
        return "top"


def understand(
    document: Document, as_of: date | None = None, lexicon: Lexicon | None = None
) -> Resume:
    """Build a ``Resume`` from a ``Document``.

    Args:
        document: what ``read_document`` returned.
        as_of: the date open-ended roles ("- Present") end at; defaults to today.
        lexicon: vocabulary to use; defaults to the shipped one.

    >>> from matcher.read import read_text
    >>> r = understand(read_text("EXPERIENCE\\nPM, Acme  2019 - 2021\\nEDUCATION\\nBSc Economics"),
    ...                as_of=date(2026, 1, 1))
    >>> r.years_experience, r.education.value
    (2.0, 'bachelor')
    """
    lex = lexicon or default_lexicon()
    as_of = as_of or date.today()
    text = document.text
    folded = fold(text)
    sections = find_sections(text, lex)
    roles = find_roles(text, sections, as_of)
    return Resume(
        document,
        folded,
        as_of,
        sections,
        roles,
        years_of_experience(roles),
        find_education(text, folded, sections, lex),
    )


# ---------------------------------------------------------------- sections

_HEADING_STRIP = re.compile(r"^[\s#*•·\-=|:：【\[]+|[\s#*•·\-=|:：】\]]+$")


def find_sections(text: str, lex: Lexicon) -> tuple[Section, ...]:
    """Sections by their headings: short lines that read as a known heading, any case."""
    names = {normalize_term(h): name for name, heads in lex.sections for h in heads}
    found: list[tuple[int, str, str]] = []
    pos = 0
    for line in text.split("\n"):
        key = normalize_term(_HEADING_STRIP.sub("", line))
        if key in names and len(line) <= 40:
            found.append((pos, names[key], line.strip()))
        pos += len(line) + 1
    out = []
    for i, (start, name, heading) in enumerate(found):
        end = found[i + 1][0] if i + 1 < len(found) else len(text)
        out.append(Section(name, heading, start, end))
    return tuple(out)


# ---------------------------------------------------------------- dates

_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
_MON = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = (
    rf"(?:(?P<{{p}}mon>{_MON})\s*,?\s*(?P<{{p}}y1>'\d{{{{2}}}}|\d{{{{4}}}})"
    rf"|(?P<{{p}}m2>\d{{{{1,2}}}})\s*[/.\-]\s*(?P<{{p}}y2>\d{{{{4}}}})"
    rf"|(?P<{{p}}y3>\d{{{{4}}}})\s*(?:[/.\-]|年)\s*(?P<{{p}}m3>\d{{{{1,2}}}})(?!\d)\s*月?"
    rf"|(?P<{{p}}y4>(?:19|20)\d{{{{2}}}})(?!\d)\s*年?)"
)
_PRESENT = r"(?P<present>present|current|now|today|date|至今|现在|今)"
_RANGE = re.compile(
    "(?<![\\d])"
    + _DATE.format(p="a_")
    + r"\s*(?:[-~–—～]|to|till|until|至)\s*(?:"
    + _DATE.format(p="b_")
    + "|"
    + _PRESENT
    + ")",
    re.IGNORECASE,
)


def _month(m: re.Match[str], p: str) -> tuple[int, bool] | None:
    """(month index, whether a month was given) for the date with group prefix ``p``."""
    g = m.groupdict()
    if g[p + "mon"]:
        y = g[p + "y1"]
        year = 2000 + int(y[1:]) if y.startswith("'") else int(y)
        if y.startswith("'") and year > date.today().year + 1:
            year -= 100
        return year * 12 + _MONTHS[g[p + "mon"][:3].lower()] - 1, True
    for mg, yg in (("m2", "y2"), ("m3", "y3")):
        if g[p + yg]:
            month = int(g[p + mg])
            if not 1 <= month <= 12:
                return None
            return int(g[p + yg]) * 12 + month - 1, True
    if g[p + "y4"]:
        return int(g[p + "y4"]) * 12, False
    return None


def parse_range(text: str, as_of: date) -> tuple[int, int, bool, str, int, int] | None:
    """The first date range in ``text``: (start month, end month exclusive, ongoing, text, span).

    >>> parse_range("Mar 2021 – Present", date(2026, 1, 1))[:3] == (2021*12+2, 2026*12+1, True)
    True
    """
    for m in _RANGE.finditer(text):
        start = _month(m, "a_")
        if start is None:
            continue
        now = as_of.year * 12 + as_of.month - 1
        if m.group("present"):
            end, ongoing = now + 1, True
        else:
            got = _month(m, "b_")
            if got is None:
                continue
            end = got[0] + 1 if got[1] else got[0]
            ongoing = False
        end = min(end, now + 1)
        if start[0] >= end or start[0] < 1950 * 12:
            continue
        return start[0], end, ongoing, m.group(0), m.start(), m.end()
    return None


def find_roles(text: str, sections: tuple[Section, ...], as_of: date) -> tuple[Role, ...]:
    """Dated roles: in the experience sections when there are any, else anywhere but education."""
    exp = [s for s in sections if s.name in ("experience", "projects")]
    skip = [s for s in sections if s.name not in ("experience", "projects")]
    regions = [(s.start, s.end) for s in exp] if exp else [(0, len(text))]
    hits: list[tuple[int, int, bool, str, int, int, str]] = []
    for a, b in regions:
        pos = a
        for line in text[a:b].split("\n"):
            got = parse_range(line, as_of)
            in_skip = not exp and any(s.start <= pos < s.end for s in skip)
            if got and not in_skip:
                s0, e0, ongoing, dt, i, j = got
                title = (line[:i] + " " + line[j:]).strip(" \t|,-–()") or line.strip()
                hits.append((s0, e0, ongoing, dt, pos, pos + len(line), title))
            pos += len(line) + 1
    roles = []
    for k, (s0, e0, ongoing, dt, start, _end, title) in enumerate(hits):
        block_end = hits[k + 1][4] if k + 1 < len(hits) else _region_end(regions, start)
        roles.append(Role(title, s0, e0, ongoing, dt, start, block_end))
    return tuple(roles)


def _region_end(regions: list[tuple[int, int]], pos: int) -> int:
    return next((b for a, b in regions if a <= pos < b), pos)


def years_of_experience(roles: tuple[Role, ...] | list[Role]) -> float:
    """Years covered by the union of role intervals: overlapping roles count once.

    >>> years_of_experience([Role("a", 24000, 24012, False, "", 0, 0),
    ...                      Role("b", 24006, 24024, False, "", 0, 0)])
    2.0
    """
    months = 0
    cur_s = cur_e = None
    for s, e in sorted((r.start_month, r.end_month) for r in roles):
        if cur_e is None or s > cur_e:
            if cur_e is not None and cur_s is not None:
                months += cur_e - cur_s
            cur_s, cur_e = s, e
        else:
            cur_e = max(cur_e, e)
    if cur_e is not None and cur_s is not None:
        months += cur_e - cur_s
    return round(months / 12, 2)


# ---------------------------------------------------------------- education


def find_education(
    text: str, folded: str, sections: tuple[Section, ...], lex: Lexicon
) -> Fact | None:
    """The highest degree level named in the education sections (the whole text if none).

    Without an education section, a degree word must stand near a degree cue ("degree",
    "diploma", "of Science", "学历"...) so that "Associate Product Manager" is not a degree.
    """
    regions = [(s.start, s.end) for s in sections if s.name == "education"]
    for level, words in lex.education:  # strongest first
        for w in words:
            for span in find_term(w, folded, text):
                if regions:
                    if any(a <= span.start < b for a, b in regions):
                        return Fact(level, span.start, span.end, span.text)
                elif _DEGREE_CUE.search(folded[max(0, span.start - 30) : span.end + 40]):
                    return Fact(level, span.start, span.end, span.text)
    return None


_DEGREE_CUE = re.compile(
    r"degree|diploma|of science|of arts|of engineering|graduat|universit"
    r"|college|school|学历|学位|毕业|大学|学院"
)
