"""Roles: the dated entries of a resume's experience, with title, organisation and years.

Input is a resume's text, its ``Section`` spans and an ``as_of`` date; output is ``Role`` values
(title, organisation, place, date range and the span of the role's block) and the years of
experience as the union of their intervals. A date may stand beside its title, or on the line
before or after it, as PDF readers and templates place it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from matcher.resume.dates import DateRange, find_ranges, latest_year_shown, strip_dates
from matcher.resume.education import degree_words
from matcher.resume.headers import head_end, header_pieces, title_org
from matcher.resume.sections import (
    CONNECTORS,
    LOCATION,
    ORG_CUES,
    TITLE_CUES,
    Section,
    lines_of,
)
from matcher.text import fold, has_cjk
from matcher.vocab.lexicon import Lexicon, default_lexicon

# An open role ("2014 - Current") ends at as_of only on a document that is current. When the
# latest year the document writes anywhere (the open role's own start, a degree, a closed role,
# a certificate) is more than this many years before as_of, the document is taken to have been
# written then, and its open roles end with that year. On the 230 livecareer dev resumes
# (latest year 2004-2021, as_of 2026-11) 142 have an open role and counting them to as_of added
# about ten years each; 199 of the 230 write nothing after as_of minus 9 years. The project's
# own current samples hold a role since 2018-2019 with nothing dated after it (6-8 years at
# the tests' as_of), so a shorter wait would cut real tenures; a longer one caps fewer stale
# documents. The cost that stays: a current resume whose only date in nine years is the start
# of a role still held is read as that old (bench/QUALITY.md).
STALE_YEARS = 8

# Sections whose dated entries are roles; only experience counts as years of work.
ROLE_SECTIONS = ("experience", "projects")


@dataclass(frozen=True, slots=True)
class Role:
    """A dated entry in the experience section. Months count from year 0 (``year * 12 + m - 1``).

    ``start``/``end`` span the role's whole block (header and bullets); ``date_start``,
    ``title_start`` and ``organisation_start`` locate the date, title and organisation (-1 when
    absent). ``kind`` is "work" or "project"; only work counts towards years of experience.
    """

    title: str
    start_month: int
    end_month: int  # exclusive
    ongoing: bool
    date_text: str
    start: int  # span of the role's text block
    end: int
    organisation: str = ""
    location: str = ""
    date_start: int = -1
    title_start: int = -1
    organisation_start: int = -1
    page: int = 1
    kind: str = "work"

    @property
    def years(self) -> float:
        """The role's length in years."""
        return round((self.end_month - self.start_month) / 12, 2)


_BULLET = re.compile(r"^\s*[•·*▪●○◦■□➢✓>\-–]\s*")


def _header_like(line: str) -> bool:
    """A line that could name a title or an employer: short, no bullet, not a sentence."""
    s = line.strip()
    return (
        0 < len(s) <= 90
        and not _BULLET.match(line)
        and len(s.split()) <= 12
        and not s.endswith((".", "。", ";", "；"))
    )


MAX_RANGES = 60
MAX_LINE = 300  # a role header is a short line; longer lines are looked at in windows


def _bounded(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Lines cut at a space into windows of at most ``MAX_LINE`` characters.

    Every step of finding a role's header reads its line; on a text that is one long line of
    dates that made the cost grow with the square of its length.
    """
    out: list[tuple[int, int]] = []
    for s, e in lines:
        while e - s > MAX_LINE:
            cut = text.rfind(" ", s + MAX_LINE // 2, s + MAX_LINE)
            cut = cut if cut > s else s + MAX_LINE
            out.append((s, cut))
            s = cut + 1 if text[cut : cut + 1] == " " else cut
        out.append((s, e))
    return out


def find_roles(
    text: str, sections: tuple[Section, ...], as_of: date, lex: Lexicon | None = None
) -> tuple[Role, ...]:
    """Dated roles with title and organisation, in the experience (and projects) sections.

    Each date range opens a role. Its header is what stands beside the date on its line and,
    when that is empty or has no organisation, the header-like line right after it (or, for a
    date that the reader put after its title, right before it). With no experience heading,
    dated lines anywhere but education and other non-work sections count, except those that
    name a degree. Education dates are never roles.

    >>> from matcher.resume.sections import find_sections
    >>> t = "EXPERIENCE\\nProduct Manager  Jan 2022 - Present\\nShopNest, Chicago, IL\\n- did x"
    >>> [(r.title, r.organisation, r.location) for r in
    ...  find_roles(t, find_sections(t, default_lexicon()), date(2026, 1, 1))]
    [('Product Manager', 'ShopNest', 'Chicago, IL')]
    """
    lex = lex or default_lexicon()
    kinds = {"experience": "work", "projects": "project"}
    regions = [(s.start, s.end, kinds[s.name]) for s in sections if s.name in ROLE_SECTIONS]
    if not any(k == "work" for _, _, k in regions):
        regions = [(a, b, "work") for a, b in _unclaimed(text, sections)] + regions
        degree = degree_words(lex)
    else:
        degree = None
    roles: list[Role] = []
    taken: set[tuple[int, int]] = set()
    section_spans = {(s.start, s.end) for s in sections}
    for a, b, kind in sorted(regions):
        lines = _bounded(text, lines_of(text, a, b))
        # A person has tens of roles at most; past MAX_RANGES dates a region is a list of dates,
        # not a work history, and looking at each would cost its line length every time.
        ranges = find_ranges(text[a:b], as_of)[:MAX_RANGES]
        heads: list[tuple[int, Role]] = []
        used: set[int] = set()  # lines already part of a header
        for r in ranges:
            ds, de = a + r.start, a + r.end
            if (ds, de) in taken:
                continue
            taken.add((ds, de))
            first = next(i for i, (s, e) in enumerate(lines) if s <= ds <= e)
            last = next(i for i, (s, e) in enumerate(lines) if s <= de <= e)
            if degree is not None and _names_degree(text, lines, first, last, degree):
                continue
            own = text[lines[first][0] : lines[last][1]]
            if text[ds - 1 : ds] == "(" and not _header_like(own):
                continue  # "...for customer organizations (2011-2015)." is no role
            # In a section, line 0 is its heading; in the no-heading fallback it is content.
            lo = 0 if (a, b) in section_spans else -1
            head_lines = _header_lines(text, lines, first, last, ranges, a, used, lo, (ds, de))
            pieces = header_pieces(text, lines, head_lines, ds, de)
            title, org, loc = title_org(pieces)
            start = min([lines[i][0] for i in head_lines] + [lines[first][0]])
            # A header-like line right above the date belongs to the role's block even when
            # the header was read below the date: what follows a role cannot move text out of
            # it (and so lower a term's context).
            if first - 1 > lo and _usable(text, lines, first - 1, ranges, a, used):
                start = min(start, lines[first - 1][0])
            used.update(head_lines)
            role = Role(
                title.text if title else "",
                r.start_month,
                r.end_month,
                r.ongoing,
                r.text,
                start,
                b,
                org.text if org else "",
                loc.text if loc else "",
                ds,
                title.start if title else -1,
                org.start if org else -1,
                kind=kind,
            )
            heads.append((start, role))
        heads.sort(key=lambda h: h[0])
        for k, (_, role) in enumerate(heads):
            end = heads[k + 1][0] if k + 1 < len(heads) else b
            roles.append(replace(role, end=max(end, role.date_start + len(role.date_text))))
    return _unstale(tuple(sorted(roles, key=lambda r: r.start)), text, as_of)


def _unstale(roles: tuple[Role, ...], text: str, as_of: date) -> tuple[Role, ...]:
    """Open roles of a stale document end with the latest year it writes (``STALE_YEARS``)."""
    latest = latest_year_shown(text, as_of)
    if latest is None or as_of.year - latest <= STALE_YEARS:
        return roles
    cap = (latest + 1) * 12  # exclusive: through the December of that year
    return tuple(
        replace(r, end_month=max(min(r.end_month, cap), r.start_month + 1)) if r.ongoing else r
        for r in roles
    )


def _unclaimed(text: str, sections: tuple[Section, ...]) -> list[tuple[int, int]]:
    """Stretches of text outside every section that is not about work (the no-heading case)."""
    other = sorted((s.start, s.end) for s in sections if s.name not in ROLE_SECTIONS)
    out, pos = [], 0
    for a, b in other:
        if a > pos:
            out.append((pos, a))
        pos = max(pos, b)
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def _names_degree(
    text: str, lines: list[tuple[int, int]], first: int, last: int, degree: re.Pattern[str]
) -> bool:
    own = text[lines[first][0] : lines[last][1]]
    if sum(c.isalpha() for c in strip_dates(own)) < 3:  # a date alone: look at its neighbours
        first, last = max(0, first - 1), min(len(lines) - 1, last + 1)
    return bool(degree.search(fold(text[lines[first][0] : lines[last][1]])))


def _header_lines(
    text: str,
    lines: list[tuple[int, int]],
    first: int,
    last: int,
    ranges: list[DateRange],
    a: int,
    used: set[int],
    lo: int,
    span: tuple[int, int],
) -> list[int]:
    """Indexes of the lines that make a role's header (title, organisation, place)."""

    def usable(i: int) -> bool:
        return _usable(text, lines, i, ranges, a, used)

    own = list(range(first, last + 1))
    rest = " ".join(strip_dates(text[slice(*lines[i])]) for i in own).strip(" \t|,-–()·")
    letters = sum(c.isalpha() for c in rest)
    title, org, _ = title_org(header_pieces(text, lines, own, *span))
    has_title = bool(title and TITLE_CUES.search(title.text))
    has_org = bool(org and ORG_CUES.search(org.text))
    out = list(own)
    if letters >= 3 and has_title and has_org:
        return out
    after = [i for i in (last + 1, last + 2) if usable(i)][: 1 if letters >= 3 else 2]
    if after and after[0] != last + 1:
        after = []
    if len(after) == 2 and LOCATION.search(text[slice(*lines[after[0]])]):
        after = after[:1]  # "Employer, City" closes the header
    below = " ".join(text[slice(*lines[i])] for i in after)
    # A title the reader put on the line above its date ("Instructor\nJan 2015 to Current").
    if not has_title and not TITLE_CUES.search(below) and usable(first - 1) and first - 1 > lo:
        above = text[slice(*lines[first - 1])]
        short = len(above.split()) <= 6 and has_org
        if TITLE_CUES.search(above) or short or (letters < 3 and not after):
            out.insert(0, first - 1)
            two_up = first - 2
            if (
                not TITLE_CUES.search(above)
                and two_up > lo
                and usable(two_up)
                and TITLE_CUES.search(text[slice(*lines[two_up])])
            ):
                out.insert(0, two_up)  # "Title\nEmployer\nDate"
            if letters >= 3:
                return out
    if letters < 3 or not has_org or not has_title:
        out.extend(after)
    return out


def _usable(
    text: str, lines: list[tuple[int, int]], i: int, ranges: list[DateRange], a: int, used: set[int]
) -> bool:
    """Whether line ``i`` may be part of a role's header: header-like, undated, not taken."""
    if not 0 <= i < len(lines) or i in used:
        return False
    s, e = lines[i]
    if any(s <= a + r.start <= e or s <= a + r.end <= e for r in ranges):
        return False
    head = text[s : head_end(text, s, e)]
    return _header_like(head) and _namey(head)


def _namey(line: str) -> bool:
    """Most words capitalised (a name, title or place), or Chinese: not a sentence of duties."""
    if has_cjk(line):
        return True
    words = [w for w in re.findall(r"[A-Za-z][\w'&.-]*", line) if w.lower() not in CONNECTORS]
    return bool(words) and sum(w[0].isupper() for w in words) * 2 >= len(words)


def role_at(roles: tuple[Role, ...] | list[Role], offset: int) -> Role | None:
    """The role whose block holds ``offset`` (the innermost when blocks nest), else ``None``.

    >>> r = Role("PM", 24000, 24012, False, "2000 - 2001", 10, 50)
    >>> role_at([r], 20) is r, role_at([r], 60)
    (True, None)
    """
    hits = [r for r in roles if r.start <= offset < r.end]
    return min(hits, key=lambda r: r.end - r.start) if hits else None


def years_of_experience(roles: tuple[Role, ...] | list[Role]) -> float:
    """Years covered by the union of role intervals: overlapping roles count once.

    >>> years_of_experience([Role("a", 24000, 24012, False, "", 0, 0),
    ...                      Role("b", 24006, 24024, False, "", 0, 0)])
    2.0
    """
    months = 0
    cur_s = cur_e = None
    for s, e in sorted((r.start_month, r.end_month) for r in roles if r.end_month > r.start_month):
        if cur_e is None or s > cur_e:
            if cur_e is not None and cur_s is not None:
                months += cur_e - cur_s
            cur_s, cur_e = s, e
        else:
            cur_e = max(cur_e, e)
    if cur_e is not None and cur_s is not None:
        months += cur_e - cur_s
    return round(months / 12, 2)
