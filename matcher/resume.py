"""Resume: understand a ``Document`` as a recruiter would (sections, dated roles, years, education).

Input is a ``Document`` and an ``as_of`` date; output is a ``Resume`` whose every fact carries the
character span (and page) it was read from: sections by their headings, dated roles with title
and organisation, years of experience as the union of role intervals, the highest degree with
field and institution, languages, certifications and contact fields (kept only so that a blind
mode can redact them; scoring never reads them). Headings and degree words come from the
lexicon; date formats, title and organisation cues from the patterns below, in English and
Chinese.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from matcher.lexicon import Lexicon, default_lexicon
from matcher.read import Document
from matcher.text import find_term, fold, has_cjk, normalize_term

LEVEL_ORDER = ("highschool", "associate", "bachelor", "master", "doctorate")
# Sections whose dated entries are paid work and count towards years of experience.
WORK_SECTIONS = ("experience",)
# Sections whose dated entries are roles too, but never years of work.
ROLE_SECTIONS = ("experience", "projects")


@dataclass(frozen=True, slots=True)
class Section:
    """A titled part of the resume: ``name`` is canonical (experience, education, skills...).

    Two headings the reader joined on one line ("SKILLS   EXPERIENCE") give two sections over
    the same span, since their contents are interleaved below.
    """

    name: str
    heading: str
    start: int
    end: int


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


@dataclass(frozen=True, slots=True)
class Fact:
    """A value read from the resume, with where it stands (``page`` is 1-based)."""

    value: str
    start: int
    end: int
    text: str
    page: int = 1


@dataclass(frozen=True, slots=True)
class Degree:
    """One degree line: its level (a ``Fact`` whose value is in ``LEVEL_ORDER``), field, school."""

    level: Fact
    field: Fact | None = None
    institution: Fact | None = None


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
    degrees: tuple[Degree, ...] = ()
    field_of_study: Fact | None = None
    institution: Fact | None = None
    languages: tuple[Fact, ...] = ()  # value: language name, text: as written with its level
    certifications: tuple[Fact, ...] = ()
    contacts: tuple[Fact, ...] = ()  # value: name, email, phone, link or address

    def section_at(self, offset: int) -> str:
        """The canonical name of the section holding ``offset`` (``"top"`` before the first)."""
        for s in self.sections:
            if s.start <= offset < s.end:
                return s.name
        return "top"

    def role_at(self, offset: int) -> Role | None:
        """The role whose block holds ``offset`` (e.g. a skill's hit), or ``None``."""
        return role_at(self.roles, offset)

    def last_used_month(self, offset: int) -> int | None:
        """The end month (exclusive, ``year * 12 + m - 1``) of the role holding ``offset``.

        Scoring can use it for recency: a skill named inside a role that ended long ago is
        older evidence than one in a current role.
        """
        role = self.role_at(offset)
        return role.end_month if role else None


def understand(
    document: Document, as_of: date | None = None, lexicon: Lexicon | None = None
) -> Resume:
    """Build a ``Resume`` from a ``Document``.

    Args:
        document: what ``read_document`` returned.
        as_of: the date open-ended roles ("- Present") end at; defaults to today.
        lexicon: vocabulary to use; defaults to the shipped one.

    Returns:
        A ``Resume``; it never raises on odd input (no headings, no dates): facts are just absent.

    >>> from matcher.read import read_text
    >>> r = understand(read_text("EXPERIENCE\\nPM, Acme  2019 - 2021\\nEDUCATION\\nBSc Economics"),
    ...                as_of=date(2026, 1, 1))
    >>> r.years_experience, r.education.value, r.roles[0].organisation
    (2.0, 'bachelor', 'Acme')
    """
    lex = lexicon or default_lexicon()
    as_of = as_of or date.today()
    text = document.text
    folded = fold(text)
    sections = find_sections(text, lex)
    roles = tuple(
        replace(r, page=document.page_of(r.date_start if r.date_start >= 0 else r.start))
        for r in find_roles(text, sections, as_of, lex)
    )
    degrees = tuple(
        Degree(
            _on_page(d.level, document), _paged(d.field, document), _paged(d.institution, document)
        )
        for d in find_degrees(text, folded, sections, lex)
    )
    top = degrees[0] if degrees else None
    return Resume(
        document,
        folded,
        as_of,
        sections,
        roles,
        years_of_experience([r for r in roles if r.kind == "work"]),
        top.level if top else None,
        degrees,
        top.field if top else None,
        top.institution if top else None,
        tuple(_on_page(f, document) for f in find_languages(text, sections)),
        tuple(_on_page(f, document) for f in find_certifications(text, sections)),
        tuple(_on_page(f, document) for f in find_contacts(text, sections, lex)),
    )


def _on_page(fact: Fact, document: Document) -> Fact:
    return replace(fact, page=document.page_of(fact.start))


def _paged(fact: Fact | None, document: Document) -> Fact | None:
    return _on_page(fact, document) if fact else None


# ---------------------------------------------------------------- sections

# Bullets, rules, brackets and list numbers ("一、", "1.", "IV.") people put around headings.
_HEADING_STRIP = re.compile(
    r"^[\s#*•·\-=_|:【\[(（]*(?:(?:[一二三四五六七八九十]+|\d{1,2}|[IVX]{1,4})[、.．)）]\s*)?"
    r"|[\s#*•·\-=_|:】\])）]+$"
)
_INLINE_HEADING = re.compile(r"^\s*[•·*\-]?\s*([^:\n]{2,30}?)\s*:\s*(?=\S)")
_CONNECTORS = {"and", "&", "of", "/", "the", "in", "-"}


def find_sections(text: str, lex: Lexicon) -> tuple[Section, ...]:
    """Sections by their headings, in English and Chinese, any case.

    A heading is a short line that reads as a known heading ("WORK HISTORY", "工作经历:",
    "一、教育背景"), a known heading ending a short title-cased line ("Teaching Experience"), a
    heading followed by a colon and content on the same line ("Skills: SQL, Excel"), or two
    headings the reader joined from two columns ("SKILLS   EXPERIENCE"). Sections run to the
    next heading; text before the first is ``top``.

    >>> [s.name for s in find_sections("Jo\\nSkills: SQL\\nWORK HISTORY\\nx", default_lexicon())]
    ['skills', 'experience']
    """
    names = _heading_index(lex)
    found: list[tuple[int, str, str]] = []
    pos = 0
    for line in text.split("\n"):
        for name in _heading_names(line, names):
            found.append((pos, name, line.strip()))
        pos += len(line) + 1
    out: list[Section] = []
    starts = sorted({p for p, _, _ in found})
    for start, name, heading in found:
        nxt = next((p for p in starts if p > start), len(text))
        out.append(Section(name, heading, start, nxt))
    return tuple(out)


def _heading_index(lex: Lexicon) -> dict[str, str]:
    return {normalize_term(h): name for name, heads in lex.sections for h in heads}


def _heading_names(line: str, names: dict[str, str]) -> list[str]:
    """The canonical section(s) ``line`` opens, or [] when it is not a heading."""
    if len(line) > 60 or not line.strip():
        return []
    bare = _HEADING_STRIP.sub("", line)
    key = normalize_term(bare)
    if key in names and len(bare) <= 40:
        return [names[key]]
    m = _INLINE_HEADING.match(line)
    if m and normalize_term(_HEADING_STRIP.sub("", m.group(1))) in names:
        return [names[normalize_term(_HEADING_STRIP.sub("", m.group(1)))]]
    if m:  # "Skills: ..." done above; a colon after anything else is content
        return []
    # Two column headings joined by the reader: "SKILLS      EXPERIENCE".
    parts = [p for p in re.split(r"\s{2,}|\t|\s+\|\s+", bare.strip()) if p]
    if len(parts) == 2 and all(normalize_term(p) in names for p in parts):
        return [names[normalize_term(p)] for p in parts]
    # A short title-cased or all-caps line ending in a known heading: "Relevant Work History".
    words = bare.split()
    if 2 <= len(words) <= 5 and not re.search(r"\d|[.,;!?]$", bare) and _title_like(words):
        for k in range(1, len(words)):
            tail = normalize_term(" ".join(words[k:]))
            # Only work and education headings: "Leadership Skills" in a list is no heading.
            if names.get(tail) in ("experience", "education"):
                return [names[tail]]
    return []


def _title_like(words: list[str]) -> bool:
    return all(w[:1].isupper() or w.lower() in _CONNECTORS for w in words)


# ---------------------------------------------------------------- dates

_MONTH_WORDS = (
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
        rf"(?:(?<![a-z])(?P<{p}mon>{_MONTH_WORDS})(?![a-z])\.?\s*,?\s*"
        rf"(?P<{p}y1>'\d{{2}}(?!\d)|{_YEAR})"
        rf"|(?<![a-z])(?P<{p}season>spring|summer|fall|autumn|winter)\s+(?P<{p}y5>{_YEAR})"
        rf"|(?P<{p}m2>0?[1-9]|1[0-2])\s*[/.\-]\s*(?:[0-3]?\d\s*/\s*)?(?P<{p}y2>{_YEAR})"
        rf"|(?P<{p}y3>{_YEAR})\s*(?:[/.\-]|年)\s*(?P<{p}m3>0?[1-9]|1[0-2])(?!\d)(?:\s*月)?"
        rf"(?:\s*[/.\-]?\s*[0-3]?\d\s*日)?"
        rf"|(?P<{p}y4>{_YEAR})(?:\s*年)?)"
    )


# Between the two dates: a dash, "to", "至"... (and the mojibake of a full-width dash that some
# PDF producers leave, "ï1⁄4"), with at most one line break on each side.
_SEP = r"[ \t]*\n?[ \t]*(?:-{1,2}|[–—~～]|to|till|until|through|thru|至|到|ï1⁄4[^\w\s]?)[ \t]*\n?[ \t]*"
_PRESENT = (
    r"(?:(?:till|until|up\s+to)\s+)?(?P<present>present|currently|current|now|today|to\s+date"
    r"|date|ongoing|至今|现在|目前|迄今|今)(?![a-z])"
)
_RANGE = re.compile(
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
    for m in _RANGE.finditer(text):
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


# ---------------------------------------------------------------- roles

_TITLE_CUES = re.compile(
    r"(?<![a-z])(?:manager|engineer|analyst|specialist|assistant|accountant|director|consultant"
    r"|developer|intern|officer|coordinator|lead|head|supervisor|administrator|representative"
    r"|associate|designer|teacher|instructor|tutor|nurse|chef|cook|executive|president|vp"
    r"|clerk|technician|advisor|adviser|agent|architect|auditor|controller|owner|founder"
    r"|partner|planner|programmer|scientist|researcher|writer|editor|producer|operator|driver"
    r"|trainer|recruiter|buyer|cashier|server|bartender|receptionist|secretary|mechanic"
    r"|attorney|lawyer|paralegal|pilot|therapist|pharmacist|physician|aide|volunteer|member"
    r"|fellow|strategist|officer|generalist|bookkeeper|banker|teller|underwriter|sergeant"
    r"|marine|soldier|specialist|staff|worker|leader|captain|chief|cto|ceo|cfo|coo)s?(?![a-z])"
    r"|经理|专员|工程师|助理|主管|总监|实习生|会计|出纳|运营|设计师|顾问|主任|部长|文员|销售|老师"
    r"|教师|负责人|总经理|经理人|分析师|产品|开发|架构师|店长|编辑|策划|客服|组长|主编|合伙人|创始人",
    re.IGNORECASE,
)
_ORG_CUES = re.compile(
    r"(?<![a-z])(?:company name|inc|llc|llp|ltd|limited|corp|corporation|co|company|group|holdings|bank"
    r"|university|college|school|institute|hospital|clinic|center|centre|agency|associates"
    r"|partners|foundation|firm|studio|studios|labs?|technologies|technology|systems|solutions"
    r"|services|software|financial|commerce|marketplace|retail|consulting|enterprises"
    r"|industries|international|department|dept|office|county|city of|state of|army|navy"
    r"|air force|corps|church|restaurant|hotel|resort|store|stores)\.?(?![a-z])"
    r"|公司|集团|银行|医院|学校|大学|学院|事务所|工作室|中心|研究院|研究所|酒店|餐厅|政府|局|厂|店",
    re.IGNORECASE,
)
# "City , State" (the anonymised form in some data), "San Francisco, CA", and Chinese cities.
_LOCATION = re.compile(
    r"\bCity\s*,\s*State\b|\b[A-Z][a-z]+(?: [A-Z][a-z]+)?\s*,\s*[A-Z]{2}\b(?![a-z])"
    r"|^(?:北京|上海|广州|深圳|杭州|南京|成都|武汉|西安|重庆|天津|苏州|郑州|长沙|厦门|青岛|佛山"
    r"|东莞|宁波|合肥|济南|大连|沈阳|福州|昆明|无锡)(?:市)?$"
    r"|^(?:remote|city|state)$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*[•·*▪●○◦■□➢✓>\-–]\s*")
_PIECE_SPLIT = re.compile(r"\s{2,}|\t|\s*[|·•@]\s*|\s+[-–]\s+|\s+at\s+|ï1⁄4[^\w\s]?|\s*,\s*|，")


@dataclass(frozen=True, slots=True)
class _Piece:
    text: str
    start: int


def _lines(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text[a:b]``, as offsets into ``text``."""
    out = []
    pos = a
    for line in text[a:b].split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _header_like(line: str) -> bool:
    """A line that could name a title or an employer: short, no bullet, not a sentence."""
    s = line.strip()
    return (
        0 < len(s) <= 90
        and not _BULLET.match(line)
        and len(s.split()) <= 12
        and not s.endswith((".", "。", ";", "；"))
    )


def find_roles(
    text: str, sections: tuple[Section, ...], as_of: date, lex: Lexicon | None = None
) -> tuple[Role, ...]:
    """Dated roles with title and organisation, in the experience (and projects) sections.

    Each date range opens a role. Its header is what stands beside the date on its line and,
    when that is empty or has no organisation, the header-like line right after it (or, for a
    date that the reader put after its title, right before it). With no experience heading,
    dated lines anywhere but education and other non-work sections count, except those that
    name a degree. Education dates are never roles.

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
        degree = _degree_words(lex)
    else:
        degree = None
    roles: list[Role] = []
    taken: set[tuple[int, int]] = set()
    section_spans = {(s.start, s.end) for s in sections}
    for a, b, kind in sorted(regions):
        lines = _lines(text, a, b)
        ranges = [r for r in find_ranges(text[a:b], as_of)]
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
            # In a section, line 0 is its heading; in the no-heading fallback it is content.
            lo = 0 if (a, b) in section_spans else -1
            head_lines = _header_lines(text, lines, first, last, ranges, a, used, lo, (ds, de))
            used.update(head_lines)
            pieces = _pieces(text, lines, head_lines, ds, de)
            title, org, loc = _title_org(pieces)
            start = min([lines[i][0] for i in head_lines] + [lines[first][0]])
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
    return tuple(sorted(roles, key=lambda r: r.start))


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
    if sum(c.isalpha() for c in _strip_dates(own)) < 3:  # a date alone: look at its neighbours
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

    def dated(i: int) -> bool:
        s, e = lines[i]
        return any(s <= a + r.start <= e or s <= a + r.end <= e for r in ranges)

    def usable(i: int) -> bool:
        return (
            0 <= i < len(lines)
            and i not in used
            and not dated(i)
            and _header_like(text[lines[i][0] : lines[i][1]])
            and _namey(text[lines[i][0] : lines[i][1]])
        )

    own = list(range(first, last + 1))
    rest = " ".join(_strip_dates(text[slice(*lines[i])]) for i in own).strip(" \t|,-–()·")
    letters = sum(c.isalpha() for c in rest)
    title, org, _ = _title_org(_pieces(text, lines, own, *span))
    has_title = bool(title and _TITLE_CUES.search(title.text))
    has_org = bool(org and _ORG_CUES.search(org.text))
    out = list(own)
    if letters >= 3 and has_title and has_org:
        return out
    after = [i for i in (last + 1, last + 2) if usable(i)][: 1 if letters >= 3 else 2]
    if after and after[0] != last + 1:
        after = []
    if len(after) == 2 and _LOCATION.search(text[slice(*lines[after[0]])]):
        after = after[:1]  # "Employer, City" closes the header
    below = " ".join(text[slice(*lines[i])] for i in after)
    # A title the reader put on the line above its date ("Instructor\nJan 2015 to Current").
    if not has_title and not _TITLE_CUES.search(below) and usable(first - 1) and first - 1 > lo:
        above = text[slice(*lines[first - 1])]
        if _TITLE_CUES.search(above) or (letters < 3 and not after):
            out.insert(0, first - 1)
            two_up = first - 2
            if (
                not _TITLE_CUES.search(above)
                and two_up > lo
                and usable(two_up)
                and _TITLE_CUES.search(text[slice(*lines[two_up])])
            ):
                out.insert(0, two_up)  # "Title\nEmployer\nDate"
            if letters >= 3:
                return out
    if letters < 3 or not has_org or not has_title:
        out.extend(after)
    return out


def _namey(line: str) -> bool:
    """Most words capitalised (a name, title or place), or Chinese: not a sentence of duties."""
    if has_cjk(line):
        return True
    words = [w for w in re.findall(r"[A-Za-z][\w'&.-]*", line) if w.lower() not in _CONNECTORS]
    return bool(words) and sum(w[0].isupper() for w in words) * 2 >= len(words)


def _strip_dates(line: str) -> str:
    return _RANGE.sub(" ", line)


def _pieces(
    text: str, lines: list[tuple[int, int]], head: list[int], ds: int, de: int
) -> list[_Piece]:
    """The header's text cut at separators, the date and any place name, with offsets."""
    out: list[_Piece] = []
    for i in head:
        s, e = lines[i]
        chunks = [(s, e)]
        if s <= ds <= e or s <= de <= e:
            chunks = [(s, max(s, min(ds, e))), (min(max(de, s), e), e)]
        for cs, ce in chunks:
            seg = text[cs:ce]
            for m in _LOCATION.finditer(seg):  # cut around "City , State" inside a piece
                seg = seg[: m.start()] + "|" * (m.end() - m.start()) + seg[m.end() :]
                out.append(_Piece(m.group(0), cs + m.start()))
            pos = 0
            for part in [*_PIECE_SPLIT.split(seg), ""]:
                idx = seg.find(part, pos) if part else -1
                bare = part.strip(" \t|()-–:")
                if "(" in bare and ")" not in bare:  # "Credit Union (digital lending team"
                    bare = bare[: bare.index("(")].strip()
                if bare and sum(c.isalpha() for c in bare) >= 2 and not _RANGE.search(bare):
                    out.append(_Piece(bare, cs + seg.find(bare, max(idx, 0))))
                if idx >= 0:
                    pos = idx + len(part)
    return sorted(out, key=lambda p: p.start)


_ORG_STRONG = re.compile(
    r"(?<![a-z])(?:company name|inc|llc|llp|ltd|limited|corp|corporation|company|group|bank"
    r"|university|college|hospital|clinic|agency|foundation|firm)\.?(?![a-z])"
    r"|公司|集团|银行|医院|大学|学院|事务所|工作室|研究院|研究所|酒店",
    re.IGNORECASE,
)
_TITLE_LEVEL = re.compile(r"(?:\s+(?:[IVX]{1,4}|\d|Sr\.?|Jr\.?|Assistant|Trainee|Intern)\b)+")


def _split_title_org(p: _Piece) -> list[_Piece]:
    """Cut "Accountant Company Name" or "上海橙果电子商务有限公司产品经理" in two when one
    piece holds a title cue and an organisation cue, one after the other."""
    t, o = _TITLE_CUES.search(p.text), _ORG_CUES.search(p.text)
    if not t or not o or (t.start() < o.end() and o.start() < t.end()):
        return [p]
    if t.end() <= o.start():  # title first: the organisation starts at the next word
        if re.match(r"\s*(?:of|for|/|&|and|in)\b", p.text[t.end() : o.start()]):
            return [p]  # "Director of Dining Services" is one title
        level = _TITLE_LEVEL.match(p.text, t.end())
        t_end = level.end() if level and level.end() <= o.start() else t.end()
        cut = p.text.find(" ", t_end)
        if cut < 0 or cut > o.start() or has_cjk(p.text):
            cut = t_end
    else:  # organisation first: it ends with a cue that only names employers ("Acme Bank")
        strong = _ORG_STRONG.search(p.text, 0, t.start())
        if not strong:
            return [p]
        cut = strong.end()
    a, b = p.text[:cut].strip(), p.text[cut:].strip(" ,-")
    if sum(c.isalpha() for c in a) < 2 or sum(c.isalpha() for c in b) < 2:
        return [p]
    return [_Piece(a, p.start), _Piece(b, p.start + p.text.index(b, cut))]


def _title_org(pieces: list[_Piece]) -> tuple[_Piece | None, _Piece | None, _Piece | None]:
    """Pick title, organisation and place among a header's pieces by their cue words."""
    locs = [p for p in pieces if _LOCATION.fullmatch(p.text.strip()) or _LOCATION.search(p.text)]
    rest = [p for p in pieces if p not in locs]
    rest = [q for p in rest for q in _split_title_org(p)]
    titles = [p for p in rest if _TITLE_CUES.search(p.text) and not _ORG_CUES.search(p.text)]
    orgs = [p for p in rest if _ORG_CUES.search(p.text) and not _TITLE_CUES.search(p.text)]
    title = titles[0] if titles else None
    org = orgs[0] if orgs else None
    free = [p for p in rest if p is not title and p is not org]
    if title is None:
        both = [p for p in free if _TITLE_CUES.search(p.text)]
        title = (both or free)[0] if both or free else None
        free = [p for p in free if p is not title]
    if org is None and free:
        org = free[0]
    return title, org, (locs[0] if locs else None)


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


# ---------------------------------------------------------------- education

_DEGREE_CUE = re.compile(
    r"degree|diploma|of science|of arts|of engineering|graduat|universit"
    r"|college|school|学历|学位|毕业|大学|学院"
)
_SCHOOL = re.compile(
    r"(?<![a-z])(?:university|college|school|institute|academy|polytechnic|conservatory"
    r"|seminary)(?![a-z])|大学|学院|学校|职业技术|中学|高中(?=\S)",
    re.IGNORECASE,
)
_GENERIC_FIELD = re.compile(
    r"(?:'s|s)?\s*(?:degree)?\s*(?:\([^)]{1,10}\)\s*)?"
    r"(?:of\s+(?:science|arts|engineering|business administration|applied science|fine arts"
    r"|laws|education|philosophy)(?![a-z]))?\s*(?:\([^)]{1,10}\)\s*)?(?:degree)?"
    r"\s*(?:in\s+|of\s+|[:,·|\-]\s*)?",
    re.IGNORECASE,
)
_FIELD_STOP = re.compile(
    r"\s{2,}|\t|[,|;(]|ï1⁄4|\s+-\s+|\s+·\s+|(?<![\d])(?:19|20)\d{2}(?!\d)|\bGPA\b|\s+City\s*,\s*State"
    r"|(?<![a-z])(?:" + _MONTH_WORDS + r")\.?\s+(?:19|20)\d{2}|\b\d{1,2}/\d{4}",
    re.IGNORECASE,
)
# Short capital abbreviations that are also other things: "Boston, MA", "MS Office", "MD".
_ABBREV_OTHER = re.compile(
    r"\s*(?:office|word|excel|access|project|outlook|powerpoint|sql|windows|visio|teams|dos)\b",
    re.IGNORECASE,
)


def _degree_words(lex: Lexicon) -> re.Pattern[str]:
    """One regex for every degree word (folded), to tell a degree line from a job line."""
    words = sorted(
        {normalize_term(w) for _, ws in lex.education for w in ws if len(w) > 3}, key=len
    )
    return re.compile("|".join(re.escape(w) for w in reversed(words)))


def _plausible(word: str, span_start: int, span_end: int, text: str) -> bool:
    """Reject a short capital abbreviation that is a state, a product or a lower-case word."""
    letters = word.replace(".", "").replace("'", "")
    if not (letters.isalpha() and letters.isupper() and len(letters) <= 3):
        return True
    got = text[span_start:span_end]
    if got != got.upper():
        return False  # "ma", "Ms" are not degrees
    if re.search(r",\s*$", text[max(0, span_start - 3) : span_start]):
        return False  # "Boston, MA"
    return not _ABBREV_OTHER.match(text, span_end)


def find_degrees(
    text: str, folded: str, sections: tuple[Section, ...], lex: Lexicon
) -> tuple[Degree, ...]:
    """Degrees named in the education sections, highest level first, one per line.

    Without an education section (or none of its words is a degree), a degree word must stand
    near a degree cue ("degree", "diploma", "of Science", "学历"...) so that "Associate Product
    Manager" is not a degree.

    >>> t = "EDUCATION\\nBachelor of Science in Economics\\nUniversity of X"
    >>> d = find_degrees(t, fold(t), find_sections(t, default_lexicon()), default_lexicon())
    >>> d[0].level.value, d[0].field.text, d[0].institution.text
    ('bachelor', 'Economics', 'University of X')
    """
    regions = [(s.start, s.end) for s in sections if s.name == "education"]
    found = _degree_hits(text, folded, lex, regions) if regions else []
    if not found:
        found = _degree_hits(text, folded, lex, None)
    by_line: dict[int, tuple[int, Fact]] = {}
    for rank, fact in found:
        line = text.rfind("\n", 0, fact.start) + 1
        old = by_line.get(line)
        if old is None or (old[0], -old[1].start) < (rank, -fact.start):
            by_line[line] = (rank, fact)
    out = [
        (rank, fact.start, Degree(fact, _field(text, fact), _institution(text, fact)))
        for rank, fact in by_line.values()
    ]
    return tuple(d for _, _, d in sorted(out, key=lambda x: (-x[0], x[1])))


def _degree_hits(
    text: str, folded: str, lex: Lexicon, regions: list[tuple[int, int]] | None
) -> list[tuple[int, Fact]]:
    out: list[tuple[int, Fact]] = []
    seen: set[int] = set()
    for level, words in lex.education:
        rank = LEVEL_ORDER.index(level) if level in LEVEL_ORDER else -1
        for w in sorted(words, key=len, reverse=True):  # "High School Diploma" before "Diploma"
            for span in find_term(w, folded, text):
                if span.start in seen or not _plausible(w, span.start, span.end, text):
                    continue
                if regions is not None:
                    if not any(a <= span.start < b for a, b in regions):
                        continue
                elif not _DEGREE_CUE.search(folded[max(0, span.start - 30) : span.end + 40]):
                    continue
                if any(s <= span.start < f.end and span.end > s for _, f in out for s in [f.start]):
                    continue  # inside a longer word already found ("Master" in "Master's")
                seen.add(span.start)
                out.append((rank, Fact(level, span.start, span.end, span.text)))
    return out


def _field(text: str, degree: Fact) -> Fact | None:
    """The field of study written after the degree word on its line."""
    eol = text.find("\n", degree.end)
    line_end = len(text) if eol < 0 else eol
    m = _GENERIC_FIELD.match(text, degree.end, line_end)
    pos = m.end() if m else degree.end
    stop = _FIELD_STOP.search(text, pos, line_end)
    end = stop.start() if stop else line_end
    school = _SCHOOL.search(text, pos, end)
    if school:  # "Finance Northeastern University": the school's name starts a word earlier
        before = text[pos : school.start()].rstrip()
        end = pos + (before.rfind(" ") if " " in before else 0)
        if text[school.start() : school.end() + 3].lower().endswith(" of"):
            end = school.start()
    value = text[pos:end].strip(" :·-")
    if sum(c.isalpha() for c in value) < 2 or len(value) > 80:
        return None
    start = text.index(value, pos)
    return Fact(value, start, start + len(value), value)


def _institution(text: str, degree: Fact) -> Fact | None:
    """A school named on the degree's line, else on the line after, else the line before."""
    ls = text.rfind("\n", 0, degree.start) + 1
    spans = [(ls, _eol(text, ls))]
    nxt = spans[0][1] + 1
    if nxt < len(text):
        spans.append((nxt, _eol(text, nxt)))
    if ls > 0:
        prev = text.rfind("\n", 0, ls - 1) + 1
        spans.append((prev, ls - 1))
    for a, b in spans:
        line = _LOCATION.sub(lambda x: "|" * len(x.group(0)), text[a:b])
        if a <= degree.start < b:  # "High School Diploma" names a level, not a school
            i, j = degree.start - a, degree.end - a
            line = line[:i] + "|" * (j - i) + line[j:]
        for piece in re.split(r"\s{2,}|\t|\s*[|·]\s*|ï1⁄4[^\w\s]?|\s+-\s+|\|+", line):
            m = _SCHOOL.search(piece)
            if not m or len(piece) > 120:
                continue
            name = _school_name(piece, m)
            if name:
                start = text.index(name, a)
                return Fact(name, start, start + len(name), name)
    return None


def _school_name(piece: str, m: re.Match[str]) -> str:
    """Trim a piece down to the school's name: capitalised words around the cue, or CJK."""
    if "\u4e00" <= m.group(0)[0] <= "\u9fff":
        cjk = re.search(r"[\u4e00-\u9fff()（）]*" + re.escape(m.group(0)), piece)
        return cjk.group(0) if cjk else ""
    toks = list(re.finditer(r"\S+", piece))
    k = next(i for i, t in enumerate(toks) if t.start() <= m.start() < t.end())

    def namey(t: str) -> bool:
        w = t.strip(",.")
        return bool(w) and (w[:1].isupper() or w.lower() in _SCHOOL_GLUE)

    lo = k
    while lo > 0 and namey(toks[lo - 1].group(0)) and not toks[lo - 1].group(0).endswith(","):
        lo -= 1
    hi = k
    while (
        not toks[hi].group(0).endswith(",") and hi + 1 < len(toks) and namey(toks[hi + 1].group(0))
    ):
        hi += 1
    while hi > k and toks[hi].group(0).strip(",.").lower() in _SCHOOL_GLUE:
        hi -= 1
    while lo < k and toks[lo].group(0).lower() in _SCHOOL_GLUE - {"the"}:
        lo += 1
    return piece[toks[lo].start() : toks[hi].end()].strip(" ,")


_SCHOOL_GLUE = {"of", "the", "and", "&", "at", "for", "de", "in", "-"}


def _eol(text: str, pos: int) -> int:
    i = text.find("\n", pos)
    return len(text) if i < 0 else i


# ---------------------------------------------------------------- languages, certifications

_LANGUAGES = {
    "english": "English", "spanish": "Spanish", "french": "French", "german": "German",
    "chinese": "Chinese", "mandarin": "Mandarin", "cantonese": "Cantonese",
    "japanese": "Japanese", "korean": "Korean", "portuguese": "Portuguese",
    "italian": "Italian", "russian": "Russian", "arabic": "Arabic", "hindi": "Hindi",
    "vietnamese": "Vietnamese", "tagalog": "Tagalog", "polish": "Polish", "dutch": "Dutch",
    "greek": "Greek", "turkish": "Turkish", "hebrew": "Hebrew", "urdu": "Urdu",
    "bengali": "Bengali", "punjabi": "Punjabi", "thai": "Thai", "swahili": "Swahili",
    "creole": "Creole", "farsi": "Farsi", "persian": "Persian", "sign language": "Sign Language",
    "asl": "Sign Language", "swedish": "Swedish", "ukrainian": "Ukrainian",
    "英语": "English", "英文": "English", "普通话": "Mandarin", "汉语": "Chinese",
    "中文": "Chinese", "粤语": "Cantonese", "日语": "Japanese", "韩语": "Korean",
    "法语": "French", "德语": "German", "西班牙语": "Spanish", "俄语": "Russian",
    "cet-4": "English", "cet-6": "English", "cet4": "English", "cet6": "English",
    "四级": "English", "六级": "English", "专八": "English", "专四": "English",
}  # fmt: skip
_LANG_RE = re.compile(
    r"(?<![a-z])(?:"
    + "|".join(re.escape(k) for k in sorted(_LANGUAGES, key=len, reverse=True))
    + r")(?![a-z])",
    re.IGNORECASE,
)
# Outside a languages section a language counts only beside a proficiency word.
_LANG_CUE = re.compile(
    r"fluent|bilingual|native|proficien|conversational|mother tongue|speak|spoken|written and"
    r"|流利|熟练|精通|母语|良好|cet|四级|六级",
    re.IGNORECASE,
)
_ITEM_SPLIT = re.compile(r"\n|;|；|,|，|、|·|•|\|")


def find_languages(text: str, sections: tuple[Section, ...]) -> tuple[Fact, ...]:
    """Languages spoken: each item of a languages section, or a language beside a proficiency.

    ``value`` is the language's English name, ``text`` the item as written ("Spanish
    (professional working proficiency)").

    >>> t = "LANGUAGES\\nEnglish (native), 普通话"
    >>> [(f.value, f.text) for f in find_languages(t, find_sections(t, default_lexicon()))]
    [('English', 'English (native)'), ('Mandarin', '普通话')]
    """
    out: dict[str, Fact] = {}
    regions = [(s.start, s.end) for s in sections if s.name == "languages"]
    for a, b in regions:
        body = a + len(text[a:b].split("\n", 1)[0]) if _is_heading_only(text, a) else a
        for start, item in _items(text, body, b):
            m = _LANG_RE.search(item)
            if m:
                out.setdefault(
                    _LANGUAGES[m.group(0).lower()],
                    Fact(_LANGUAGES[m.group(0).lower()], start, start + len(item), item),
                )
    for m in _LANG_RE.finditer(text):
        name = _LANGUAGES[m.group(0).lower()]
        ls, le = text.rfind("\n", 0, m.start()) + 1, _eol(text, m.start())
        near = text[max(ls, m.start() - 40) : min(le, m.end() + 40)]
        if name not in out and _LANG_CUE.search(near) and m.group(0) != m.group(0).lower():
            out[name] = Fact(name, m.start(), m.end(), m.group(0))
    return tuple(sorted(out.values(), key=lambda f: f.start))


def _is_heading_only(text: str, a: int) -> bool:
    return ":" not in text[a : _eol(text, a)]


def _items(text: str, a: int, b: int) -> list[tuple[int, str]]:
    """The list items of ``text[a:b]`` with their offsets (split at newlines, commas, 、...)."""
    seg = text[a:b]
    if a < b and not _is_heading_only(text, a):
        colon = seg.find(":")
        a, seg = a + colon + 1, seg[colon + 1 :]
    out = []
    pos = 0
    for part in _ITEM_SPLIT.split(seg):
        idx = seg.find(part, pos)
        pos = idx + len(part)
        item = part.strip(" \t-*•·")
        if item and len(item) <= 120:
            out.append((a + seg.find(item, idx), item))
    return out


_CERT_HINT = re.compile(
    r"certif|licen[cs]|registered|credential|\b[A-Z]{2,6}\b|证|资格|认证",
)


def find_certifications(text: str, sections: tuple[Section, ...]) -> tuple[Fact, ...]:
    """The items of the certifications sections ("PMP, 2019", "NPDP产品经理国际资格认证").

    >>> t = "CERTIFICATIONS\\nPMP, 2019 · NPDP, 2020"
    >>> [f.value for f in find_certifications(t, find_sections(t, default_lexicon()))]
    ['PMP', 'NPDP']
    """
    out: list[Fact] = []
    for s in sections:
        if s.name != "certifications":
            continue
        body = s.start + len(text[s.start : s.end].split("\n", 1)[0])
        start = body if _is_heading_only(text, s.start) else s.start
        for pos, item in _items(text, start, s.end):
            value = re.sub(r"[\s(]*(?:19|20)\d{2}\)?$", "", item).strip()
            if sum(c.isalpha() for c in value) < 2 or re.fullmatch(r"\(?(?:19|20)\d{2}\)?", item):
                continue
            if any(f.value == value for f in out) or _RANGE.fullmatch(item.strip()):
                continue
            out.append(Fact(value, pos, pos + len(value), value))
    return tuple(out)


# ---------------------------------------------------------------- contact fields

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_LINK = re.compile(
    r"(?:https?://|www\.)\S+|(?<![\w@.])(?:linkedin\.com|github\.com|gitlab\.com|behance\.net"
    r"|dribbble\.com|twitter\.com|x\.com)/\S*",
    re.IGNORECASE,
)
_PHONE = re.compile(r"(?<![\w/.])\+?\(?\d[\d \t().\-]{6,18}\d(?![\w/])")
_STREET = re.compile(
    r"\d+\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s+(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd"
    r"|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Parkway|Pkwy)\.?(?![a-z])[^\n|]*"
    r"|[\u4e00-\u9fff]{2,}(?:省|市)[\u4e00-\u9fff\d]*(?:区|县|路|街|号)[\u4e00-\u9fff\d号室楼]*",
)


def find_contacts(text: str, sections: tuple[Section, ...], lex: Lexicon) -> tuple[Fact, ...]:
    """Name, e-mail, phone, links and address, located for redaction (never for scoring).

    ``value`` is the kind ("name", "email", "phone", "link", "address"); ``text`` what is written.
    The name and address are looked for in the top of the resume (before the first section or
    the first lines); e-mails, phones and links anywhere.

    >>> [(f.value, f.text) for f in find_contacts("Megan Alvarez\\nmegan@ex.com | +1 (415) "
    ...  "555-0142 | San Francisco, CA\\nSUMMARY\\nx", (), default_lexicon())]  # doctest: +NORMALIZE_WHITESPACE
    [('name', 'Megan Alvarez'), ('email', 'megan@ex.com'), ('phone', '+1 (415) 555-0142'),
     ('address', 'San Francisco, CA')]
    """
    out: list[Fact] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, start: int, end: int) -> None:
        if not any(s < end and start < e for s, e in taken):
            taken.append((start, end))
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
    top_end = min([s.start for s in sections] + [len(text)])
    top_end = max(top_end, min(len(text), _nth_line_end(text, 4)))
    names = _heading_index(lex)
    name_found = False
    for ls, le in _lines(text, 0, top_end):
        line = text[ls:le].strip()
        lstart = text.index(line, ls) if line else ls
        if not name_found and _looks_like_name(line, names):
            bare = re.split(r"\s*[(,]", line)[0]
            add("name", lstart, lstart + len(bare))
            name_found = True
        for m in _STREET.finditer(text, ls, le):
            add("address", m.start(), m.end())
        if "|" in line or _EMAIL.search(line) or _PHONE.search(line):
            for piece in re.finditer(r"[^|•·\n]+", text[ls:le]):
                p = piece.group(0).strip()
                if p and _LOCATION.search(p) and not _EMAIL.search(p) and not _PHONE.search(p):
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
    """2-4 capitalised words, or 2-4 Chinese characters, that are no heading and no job title."""
    line = re.sub(r"\s*(?:\([^)]*\)|,\s*[A-Z]{2,5}(?:,\s*[A-Z]{2,5})*)$", "", line)
    if not line or normalize_term(line) in headings or _TITLE_CUES.search(line):
        return False
    if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", line):
        return not _ORG_CUES.search(line)
    words = line.split()
    return (
        2 <= len(words) <= 4
        and all(re.fullmatch(r"[A-Z][a-zA-Z'\-]*\.?|[A-Z]\.", w) for w in words)
        and not _ORG_CUES.search(line)
    )
