"""Credit: a prepared criterion and a resume's scan in, the criterion's ``Evidence`` out.

What each criterion earns and why, one function per kind of criterion (``EVIDENCE_OF``): the
match, where it stands, the credit and the points. ``matching`` finds the occurrences of terms
and where they stand; this module credits them. rapidfuzz lives here and nowhere else.

How a term criterion earns credit: every occurrence of every term is a candidate; its credit is
the level credit (exact label 1.0, alias 0.9, fuzzy 0.5) times the factor of its context
(``CONTEXT_FACTOR``: inside a recent dated role 1.0, inside an older role 0.9, anywhere else,
such as a skills list, 0.85). A ``title`` criterion (the job's title or a word of it) is read
the way a recruiter reads titles: it counts in full where the resume names the candidate's job
(its headline or a dated role's title) and ``CONTEXT_FACTOR["mentioned"]`` (0.3) where it is
only mentioned ("worked with the healthcare administrator"). The best candidate wins; ties go to the stricter
level, then the earlier place. Repeating a term adds nothing. A two-letter term the rubric
writes in capitals ("HR", "PR") counts only where the resume writes it in capitals too ("12 hr
shifts" is not human resources). Fuzzy matching is tried only when
no exact or alias occurrence exists (it could never win: 0.5 < 0.9 * 0.85), only for ASCII
terms of at least ``FUZZY_MIN_LEN`` characters, and only against whole-word windows, within
``FUZZY_THRESHOLD``. Any occurrence, fuzzy included, meets a required term criterion.

Numeric criteria: years of experience (the union of dated roles) earn ``have / min_years``
below the minimum and 1.0 at or above it, never more; education earns 1.0 at or above
``min_level``, ``CREDIT_ONE_LEVEL_BELOW`` one level below (not met), 0 further down. A required
criterion not met makes the card ineligible and is named in ``missing_required``; the score
is still the weighted mean of credits, so both are reported.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, get_args

from rapidfuzz import fuzz, process

from matcher.resume.understand import Resume
from matcher.rubric.model import Criterion
from matcher.scoring.matching import Context, Scan, term_key
from matcher.text import has_cjk
from matcher.vocab.kinds import KINDS, Kind
from matcher.vocab.levels import LEVELS, level_rank

# Credit per match level. An alias is the same skill written another way, so it counts nearly
# in full; a fuzzy hit may be a typo or a near miss, so it counts half.
CREDIT_EXACT = 1.0


CREDIT_ALIAS = 0.9


CREDIT_FUZZY = 0.5


FUZZY_THRESHOLD = 90.0  # rapidfuzz ratio, 0-100


FUZZY_MIN_LEN = 5  # shorter terms ("R", "Go", "SQL", "Java") are never matched fuzzily


CREDIT_ONE_LEVEL_BELOW = 0.5  # education one level under the minimum


# Context factors: shown in use in a dated role beats listed; recent use beats old use. Modest on
# purpose: the words themselves remain the main evidence, and a plain list still earns 85%.
# How a criterion's evidence was found: a term's level (exact label, alias, fuzzy), the education
# level or years compared, or nothing.
Method = Literal["exact", "alias", "fuzzy", "level", "years", "none"]


METHODS: tuple[Method, ...] = get_args(Method)


CONTEXT_FACTOR: dict[Context, float] = {
    "recent_role": 1.0,
    "old_role": 0.9,
    "listed": 0.85,
    # Title criteria only: the job named as the candidate's own (headline, a role's title), or
    # only mentioned. A title is the strongest single sign of what a person does, but only where
    # it is theirs; livecareer, bench/QUALITY.md: MAP 0.51 -> 0.55 (plateau 0.2-0.35).
    "headline": 1.0,
    "mentioned": 0.3,
}


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why one criterion earned what it did: the match, where it stands, and the credit."""

    criterion_id: str
    label: str
    kind: Kind
    weight: float
    required: bool
    method: Method
    term: str  # the rubric term that matched ("" for a miss)
    text: str  # the resume text that matched, or what was found ("3.5 years")
    start: int  # span in Document.text; -1 when nothing matched
    end: int
    page: int  # 0 when nothing matched
    section: str
    similarity: float  # 0-100
    credit: float  # 0-1: level credit times context factor
    contribution: float  # points of the 0-100 score
    met: bool  # counts as satisfying a required criterion
    context: Context | Literal[""] = ""  # where a term match stands; "" for the numeric kinds


@dataclass(frozen=True, slots=True)
class PreparedCriterion:
    criterion: Criterion
    terms: tuple[str, ...]  # matching form (term_key), label first, duplicates dropped
    shown: tuple[str, ...]  # the same terms as the rubric writes them
    fuzzy: tuple[bool, ...]  # which terms may be matched fuzzily
    cased: tuple[bool, ...] = ()  # which terms count only as written in capitals ("HR")


@dataclass(frozen=True, slots=True)
class _Hit:
    method: Method
    term: str
    start: int
    end: int
    similarity: float
    credit: float
    context: Context


def prepare(c: Criterion) -> PreparedCriterion:
    """A criterion with its terms in matching form (label first) and how each may match."""
    seen: dict[str, str] = {}  # matching form -> as written; the label stays first
    for t in c.terms:
        if k := term_key(t):
            seen.setdefault(k, t)
    keys = tuple(seen)
    # A keyword is one literal word of the posting (plurals already match): a near miss
    # of it says little, and fuzzy search for dozens of them would cost the most time.
    fuzzy = tuple(fuzzy_ok(k) and c.kind != "keyword" for k in keys)
    # A two-letter acronym written in capitals ("HR", "PR") is a word in lower case ("12 hr
    # shifts"): only its capitals count.
    cased = tuple(len(t) <= 2 and t.isalpha() and t.isupper() for t in seen.values())
    return PreparedCriterion(c, keys, tuple(seen.values()), fuzzy, cased)


class FuzzyScan(Scan):
    """A ``matching.Scan`` that also finds and memoises fuzzy occurrences, shared by rubrics."""

    def __init__(self, resume: Resume, terms: frozenset[str]) -> None:
        super().__init__(resume, terms)
        self._fuzzy: dict[str, list[_Hit]] = {}

    def fuzzy(self, term: str) -> list[_Hit]:
        """Every whole-word window within ``FUZZY_THRESHOLD`` of ``term`` (memoised per term)."""
        got = self._fuzzy.get(term)
        if got is None:
            got = []
            n = term.count(" ") + 1
            w = self.windows(n)
            # ratio >= T needs the lengths within a factor of T / (2 - T) of each other, so
            # only a slice of the windows (sorted by length) can match.
            t = FUZZY_THRESHOLD / 100
            lo = bisect.bisect_left(w.lens, int(len(term) * t / (2 - t)))
            hi = bisect.bisect_right(w.lens, int(len(term) * (2 - t) / t) + 1)
            for _, sim, k in process.extract(
                term, w.texts[lo:hi], scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD, limit=None
            ):
                i = w.first[lo + k]
                s, e = self.words[i][0], self.words[i + n - 1][1]
                ctx = self.context(s)
                credit = CREDIT_FUZZY * CONTEXT_FACTOR[ctx]
                got.append(_Hit("fuzzy", term, s, e, float(sim), credit, ctx))
            got.sort(key=lambda h: h.start)
            self._fuzzy[term] = got
        return got


def fuzzy_ok(term: str) -> bool:
    return len(term) >= FUZZY_MIN_LEN and term.isascii() and not has_cjk(term)


def _best_hit(pc: PreparedCriterion, scan: FuzzyScan) -> _Hit | None:
    """The best occurrence of any of the criterion's terms (see the module docstring)."""
    best: _Hit | None = None
    best_key: tuple[float, float, int] | None = None
    titled = pc.criterion.kind == "title"
    text = scan.resume.document.text
    for i, t in enumerate(pc.terms):
        method: Method = "exact" if i == 0 else "alias"
        level = CREDIT_EXACT if i == 0 else CREDIT_ALIAS
        for s, e in scan.hits.get(t, ()):
            if pc.cased[i] and not text[s:e].isupper():
                continue
            ctx = scan.title_context(s, e) if titled else scan.context(s)
            credit = level * CONTEXT_FACTOR[ctx]
            key = (-credit, 0.0 if i == 0 else 1.0, s)
            if best_key is None or key < best_key:
                best_key = key
                best = _Hit(method, pc.shown[i], s, e, 100.0, credit, ctx)
    if best is not None:
        return best
    fkey: tuple[float, float, int] | None = None
    for i, t in enumerate(pc.terms):
        if not pc.fuzzy[i]:
            continue
        for h in scan.fuzzy(t):
            if titled:
                ctx = scan.title_context(h.start, h.end)
                h = _Hit(
                    h.method,
                    h.term,
                    h.start,
                    h.end,
                    h.similarity,
                    CREDIT_FUZZY * CONTEXT_FACTOR[ctx],
                    ctx,
                )
            fk = (-h.credit, -h.similarity, h.start)
            if fkey is None or fk < fkey:
                fkey = fk
                best = _Hit(
                    h.method, pc.shown[i], h.start, h.end, h.similarity, h.credit, h.context
                )
    return best


def _evidence_row(
    pc: PreparedCriterion,
    scan: FuzzyScan,
    total: float,
    method: Method,
    term: str,
    found: str,
    span: tuple[int, int] | None,
    similarity: float,
    credit: float,
    met: bool,
    context: Context | Literal[""] = "",
) -> Evidence:
    """The ``Evidence`` of one criterion: what was found, where (page, section), and its points."""
    c, resume = pc.criterion, scan.resume
    start, end = span or (-1, -1)
    return Evidence(
        c.id,
        c.label,
        c.kind,
        c.weight,
        c.required,
        method,
        term,
        found,
        start,
        end,
        resume.document.page_of(start) if span else 0,
        resume.section_at(start) if span else "",
        similarity,
        credit,
        100.0 * c.weight * credit / total if total > 0 else 0.0,
        met,
        context,
    )


def _education_evidence(pc: PreparedCriterion, scan: FuzzyScan, total: float) -> Evidence:
    """The highest degree against ``min_level``: full credit at or above, part one level below."""
    c, fact = pc.criterion, scan.resume.education
    if fact is None or fact.value not in LEVELS:
        return _evidence_row(pc, scan, total, "none", "", "no degree found", None, 0.0, 0.0, False)
    need = max(level_rank(c.min_level), 0)
    have = level_rank(fact.value)
    credit = 1.0 if have >= need else CREDIT_ONE_LEVEL_BELOW if have == need - 1 else 0.0
    span = (fact.start, fact.end)
    return _evidence_row(
        pc, scan, total, "level", fact.value, fact.text, span, 100.0, credit, have >= need
    )


def _experience_evidence(pc: PreparedCriterion, scan: FuzzyScan, total: float) -> Evidence:
    """Years of experience against ``min_years``: partial below, full at or above, no bonus."""
    resume = scan.resume
    need = pc.criterion.min_years or 0.0
    have = resume.years_experience
    credit = 1.0 if need <= 0 else min(1.0, have / need)
    # Point at the earliest work role: its title if found, else its dates.
    work = [r for r in resume.roles if r.kind == "work"]
    first = min(work, key=lambda r: r.start, default=None)
    span: tuple[int, int] | None = None
    if first is not None and first.title_start >= 0:
        span = (first.title_start, first.title_start + len(first.title))
    elif first is not None and first.date_start >= 0:
        span = (first.date_start, first.date_start + len(first.date_text))
    elif first is not None:
        span = (first.start, first.start)
    return _evidence_row(
        pc,
        scan,
        total,
        "years",
        f"{need:g} years",
        f"{have:g} years",
        span,
        100.0,
        credit,
        have >= need,
    )


def _term_evidence(pc: PreparedCriterion, scan: FuzzyScan, total: float) -> Evidence:
    """The best occurrence of the criterion's terms (see the module docstring), or a miss."""
    hit = _best_hit(pc, scan)
    if hit is None:
        return _evidence_row(pc, scan, total, "none", "", "", None, 0.0, 0.0, False)
    found = scan.resume.document.text[hit.start : hit.end]
    span = (hit.start, hit.end)
    return _evidence_row(
        pc,
        scan,
        total,
        hit.method,
        hit.term,
        found,
        span,
        hit.similarity,
        hit.credit,
        True,
        hit.context,
    )


# How each kind of criterion earns credit: the numeric kinds have their own rule, every other
# kind is a term criterion (a test checks that the table names every kind).
EVIDENCE_OF: dict[Kind, Callable[[PreparedCriterion, FuzzyScan, float], Evidence]] = {
    **dict.fromkeys(KINDS, _term_evidence),
    "education": _education_evidence,
    "experience": _experience_evidence,
}
