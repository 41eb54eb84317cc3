"""Dates: find date ranges in resume text, in the forms people write them (English and Chinese).

Input is a ``str`` (normalised text) and an ``as_of`` date; output is ``DateRange`` values with
months counted from year 0 (``year * 12 + m - 1``, end exclusive) and the span they were read
from. Open ranges ("- Present", "至今") end at ``as_of``; ``latest_year_shown`` says how old the
document's own dates are, so that the roles step can end an old resume's open ranges where the
document stops (``matcher.resume.roles.STALE_YEARS``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTH_WORDS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_YEAR = r"(?:19|20)\d{2}(?!\d)"


def _date_pattern(p: str) -> str:
    """One date in any of the written forms; group names carry the prefix ``p``."""
    return (
        rf"(?:(?<![a-z])(?P<{p}mon>{MONTH_WORDS})(?![a-z])\.?\s*,?\s*"
        rf"(?P<{p}y1>'\d{{2}}(?!\d)|{_YEAR})"
        rf"|(?<![a-z])(?P<{p}season>spring|summer|fall|autumn|winter)\s+(?P<{p}y5>{_YEAR})"
        rf"|(?P<{p}m2>0?[1-9]|1[0-2])\s*[/.\-]\s*(?:[0-3]?\d\s*/\s*)?(?P<{p}y2>{_YEAR})"
        rf"|(?P<{p}y3>{_YEAR})\s*(?:[/.\-]|年)\s*(?P<{p}m3>0?[1-9]|1[0-2])(?!\d)(?:\s*月)?"
        rf"(?:\s*[/.\-]?\s*[0-3]?\d\s*日)?"
        rf"|(?P<{p}y4>{_YEAR})(?:\s*年)?)"
    )


# Between the two dates: a dash, "to", "至"... (and the mojibake of a full-width dash that some
# PDF producers leave, "ï1⁄4"), with at most one line break on each side; or a gap of two or
# more spaces where a PDF's dash glyph carried no text ("10/2014  Current": 24 of the 590
# ranges in the livecareer dev resumes).
_SEP = (
    r"(?:[ \t]*\n?[ \t]*(?:-{1,2}|[–—~～]|to|till|until|through|thru|至|到|ï1⁄4[^\w\s]?)[ \t]*\n?[ \t]*"
    r"|[ \t]{2,})"
)
_PRESENT = (
    r"(?:(?:till|until|up\s+to)\s+)?(?P<present>present|currently|current|now|today|to\s+date"
    r"|date|ongoing|至今|现在|目前|迄今|今)(?![a-z])"
)
RANGE = re.compile(
    r"(?<![\d/.])(?<!\d-)"
    + _date_pattern("a_")
    + _SEP
    + "(?:"
    + _date_pattern("b_")
    + "|"
    + _PRESENT
    + r")(?![a-z]|-\d)",
    re.IGNORECASE,
)
_SEASON_ALONE = re.compile(
    r"(?<![a-z])(?P<a_season>spring|summer|fall|autumn|winter)\s+(?P<a_y5>(?:19|20)\d{2})(?!\d)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DateRange:
    """A parsed date range: months as ``year * 12 + m - 1``, end exclusive, and its span."""

    start_month: int
    end_month: int
    ongoing: bool
    text: str
    start: int
    end: int


def _month(m: re.Match[str], p: str, as_of: date, *, end: bool) -> int | None:
    """Month index for the date with group prefix ``p``; as an end date, exclusive."""
    g = m.groupdict()
    if g.get(p + "mon"):
        y = g[p + "y1"]
        year = int(y.lstrip("'"))
        if y.startswith("'"):
            year = int(y[1:]) + 2000
            if year > as_of.year + 1:
                year -= 100
        return year * 12 + _MONTHS[g[p + "mon"][:3].lower()] - 1 + end
    if g.get(p + "season"):
        first = _SEASONS[g[p + "season"].lower()]
        return int(g[p + "y5"]) * 12 + first - 1 + (3 if end else 0)
    for mg, yg in (("m2", "y2"), ("m3", "y3")):
        if g.get(p + yg):
            return int(g[p + yg]) * 12 + int(g[p + mg]) - 1 + end
    if g.get(p + "y4"):
        return int(g[p + "y4"]) * 12  # a bare year: from its January; as an end, to its start
    return None


def find_ranges(text: str, as_of: date) -> list[DateRange]:
    """Every date range in ``text``, in order; ranges that make no sense are left out.

    Forms: ``Mar 2021 – Present``, ``March 2021 to date``, ``03/2019 - 12/2020``,
    ``2019.07-2021.03``, ``2019/07 – 2021/03``, ``2019年7月 - 至今``, ``2018 - 2020``,
    ``Jul '19 – Jan '21``, ``2019 till now``, ``Summer 2019`` (a season alone), and a date
    broken over lines ("July 2014\\nto\\nDecember 2015"). Open ranges and future ends stop at
    ``as_of``; a range of bare years ends where its last year starts ("2018 - 2020" is 2 years).

    >>> [(r.start_month % 12 + 1, r.end_month - r.start_month) for r in
    ...  find_ranges("2019.07-2021.03 and 2019年7月 - 至今", date(2020, 6, 1))]
    [(7, 12), (7, 12)]
    """
    now = as_of.year * 12 + as_of.month  # exclusive: the as_of month counts
    out: list[DateRange] = []
    for m in RANGE.finditer(text):
        start = _month(m, "a_", as_of, end=False)
        if m.group("present"):
            end: int | None = now
        else:
            end = _month(m, "b_", as_of, end=True)
            if end is not None and m.group("b_y4") and m.group("a_y4") and end == start:
                end += 12  # "2020 - 2020": within one year
        if start is None or end is None:
            continue
        end = min(end, now)
        if start >= end or start < 1950 * 12:
            continue
        out.append(DateRange(start, end, bool(m.group("present")), m.group(0), m.start(), m.end()))
    for m in _SEASON_ALONE.finditer(text):
        if any(r.start <= m.start() < r.end for r in out):
            continue
        s, e = _month(m, "a_", as_of, end=False), _month(m, "a_", as_of, end=True)
        if s is not None and e is not None and s < min(e, now):
            out.append(DateRange(s, min(e, now), False, m.group(0), m.start(), m.end()))
    return sorted(out, key=lambda r: r.start)


def parse_range(text: str, as_of: date) -> tuple[int, int, bool, str, int, int] | None:
    """The first date range in ``text``: (start month, end month exclusive, ongoing, text, span).

    >>> parse_range("Mar 2021 – Present", date(2026, 1, 1))[:3] == (2021*12+2, 2026*12+1, True)
    True
    """
    got = find_ranges(text, as_of)
    if not got:
        return None
    r = got[0]
    return r.start_month, r.end_month, r.ongoing, r.text, r.start, r.end


def strip_dates(line: str) -> str:
    """``line`` with its date ranges blanked out (what is left names the role)."""
    return RANGE.sub(" ", line)


_ANY_YEAR = re.compile(r"(?<![\d.,$])(?:19|20)\d{2}(?![\d,])")


def latest_year_shown(text: str, as_of: date) -> int | None:
    """The latest year the text itself writes (up to ``as_of``'s), or ``None``.

    An open range ("2014 - Current") says nothing of when it was written; the other dates
    do (a degree, a closed role, a certificate), and so does the open range's own start.

    >>> latest_year_shown("BA 2009; Sales 2011 - 2013; Manager 2014 - Current", date(2026, 1, 1))
    2014
    >>> latest_year_shown("Manager 03/2019 to Current", date(2026, 1, 1))
    2019
    """
    years = [int(m.group()) for m in _ANY_YEAR.finditer(text)]
    years = [y for y in years if 1950 <= y <= as_of.year]
    return max(years) if years else None
