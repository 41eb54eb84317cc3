"""Scoring: a ``Resume`` against a ``Rubric`` gives a ``ScoreCard`` with evidence for every criterion.

Input is a ``Resume`` and one or more ``Rubric``; output is a ``ScoreCard`` per rubric: the
score (0 to 100, the weighted mean of per-criterion credits), eligibility (every required
criterion met), one ``Evidence`` per criterion, misses included, whose contributions add up to
the score, and warnings (``keyword_stuffing``). rapidfuzz lives here and nowhere else.

How a term criterion earns credit: every occurrence of every term is a candidate; its credit is
the level credit (exact label 1.0, alias 0.9, fuzzy 0.5) times the context factor (inside a
dated role that ended within ``RECENT_YEARS`` of ``as_of`` 1.0, inside an older role 0.9,
anywhere else, such as a skills list, 0.85). A ``title`` criterion (the job's title or a word of
it) is read the way a recruiter reads titles: it counts in full where the resume names the
candidate's job, in its headline (the text above the first section's body, at most
``HEADLINE_CHARS`` characters) or in a dated role's title, and ``TITLE_ELSEWHERE`` where it is
only mentioned ("worked with the healthcare administrator"). The best candidate wins; ties go to
the stricter level, then the earlier place. Repeating a term adds nothing. Terms match whole: ``java`` not
in "javascript", ``c`` not in "c++", ``r`` or ``go`` not inside a hyphenated word ("R-squared",
"go-to-market"); an English plural counts as the term ("documents" for "document"). Fuzzy
matching is tried only when no exact or alias occurrence exists (it could never win: 0.5 <
0.9 * 0.85), only for ASCII terms of at least ``FUZZY_MIN_LEN`` characters, and only against
whole-word windows. Any occurrence, fuzzy included, meets a required term criterion.

Numeric criteria: years of experience (the union of dated roles) earn ``have / min_years``
below the minimum and 1.0 at or above it, never more; education earns 1.0 at or above
``min_level``, ``CREDIT_ONE_LEVEL_BELOW`` one level below (not met), 0 further down. A required
criterion not met makes the card ineligible and is named in ``missing_required``; the score
is still the weighted mean of credits, so both are reported.

Speed: each rubric is prepared once (``_prepared``, cached by value, fingerprint included); when
several rubrics score one resume, one Aho-Corasick pass over the resume's text finds every
term of all of them, and fuzzy results are shared between rubrics that use the same term.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import accumulate

import ahocorasick
from rapidfuzz import fuzz, process

from matcher._version import __version__
from matcher.resume import LEVEL_ORDER, Resume
from matcher.rubric import Criterion, Rubric
from matcher.text import has_cjk, normalize_term

ENGINE_VERSION = __version__

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
CONTEXT_FACTOR = {
    "recent_role": 1.0,
    "old_role": 0.9,
    "listed": 0.85,
    # Title criteria only: the job named as the candidate's own (headline, a role's title), or
    # only mentioned. A title is the strongest single sign of what a person does, but only where
    # it is theirs; livecareer, bench/QUALITY.md: MAP 0.51 -> 0.55 (plateau 0.2-0.35).
    "headline": 1.0,
    "mentioned": 0.3,
}
TITLE_ELSEWHERE = CONTEXT_FACTOR["mentioned"]
RECENT_YEARS = 10  # a role that ended more than this many years before as_of is "old_role"
HEADLINE_CHARS = 200  # the headline: name, title, contacts, before the first section's body

# Keyword stuffing: the share of the resume's non-space characters covered by occurrences of
# the rubric's terms (every repetition counted). 230 real resumes against a posting of their own
# trade: median 0.3%, p95 2.9%, max 7.4%; short synthetic samples reach 15% (bench/QUALITY.md).
# A pasted keyword block drives it far higher.
STUFFING_DENSITY = 0.25
STUFFING_MIN_HITS = 12  # a short text ("Skills: SQL") is dense but not stuffed

_GAP = re.compile(r"[\s\-]+")  # what may stand between the words of a term
# The same characters, one by one: every Unicode space is below U+3001.
_TO_SPACE = str.maketrans(dict.fromkeys([*filter(str.isspace, map(chr, range(0x3001))), "-"], " "))
_RUN = re.compile(" {2,}")
_WORDISH = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+#&")
_WORD = re.compile(r"[a-z0-9][a-z0-9+#.\-]*[a-z0-9+#]|[a-z0-9]")


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why one criterion earned what it did: the match, where it stands, and the credit."""

    criterion_id: str
    label: str
    kind: str
    weight: float
    required: bool
    method: str  # exact, alias, fuzzy, level, years, none
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
    context: str = ""  # recent_role, old_role or listed for term matches (see CONTEXT_FACTOR)


@dataclass(frozen=True, slots=True)
class ScoreCard:
    """One resume scored against one rubric, with everything that made the result."""

    resume: str
    resume_id: str
    job_id: str
    title: str
    score: float
    eligible: bool
    missing_required: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    warnings: tuple[str, ...]
    rubric_fingerprint: str
    engine_version: str
    as_of: date


@dataclass(frozen=True, slots=True)
class _Criterion:
    criterion: Criterion
    terms: tuple[str, ...]  # matching form (see _key), label first, duplicates dropped
    shown: tuple[str, ...]  # the same terms as the rubric writes them
    fuzzy: tuple[bool, ...]  # which terms may be matched fuzzily


@dataclass(frozen=True, slots=True)
class _Prepared:
    criteria: tuple[_Criterion, ...]
    total: float
    fingerprint: str
    terms: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Hit:
    method: str
    term: str
    start: int
    end: int
    similarity: float
    credit: float
    context: str


def _key(term: str) -> str:
    """A term in matching form: normalised, folded, words joined by one space."""
    return " ".join(p for p in _GAP.split(normalize_term(term)) if p)


@lru_cache(maxsize=1024)
def _prepared(rubric: Rubric) -> _Prepared:
    """A rubric's criteria with their terms in matching form, once per rubric (cached by value)."""
    crits = []
    for c in rubric.criteria:
        seen: dict[str, str] = {}  # matching form -> as written; the label stays first
        for t in c.terms:
            if k := _key(t):
                seen.setdefault(k, t)
        keys = tuple(seen)
        # A keyword is one literal word of the posting (plurals already match): a near miss
        # of it says little, and fuzzy search for dozens of them would cost the most time.
        fuzzy = tuple(_fuzzy_ok(k) and c.kind != "keyword" for k in keys)
        crits.append(_Criterion(c, keys, tuple(seen.values()), fuzzy))
    terms = frozenset(t for c in crits if c.criterion.kind not in _NUMERIC for t in c.terms)
    total = sum(c.weight for c in rubric.criteria)
    return _Prepared(tuple(crits), total, rubric.fingerprint, terms)


_NUMERIC = ("education", "experience")


@lru_cache(maxsize=64)
def _automaton(terms: frozenset[str]) -> ahocorasick.Automaton:
    """One automaton for the union of the terms of every rubric scored together."""
    auto = ahocorasick.Automaton()
    for t in sorted(terms):
        auto.add_word(t, t)
    if not terms:
        auto.add_word("\0", "\0")  # an empty automaton cannot be searched
    auto.make_automaton()
    return auto


class _Scan:
    """The shared work on one resume's text: term occurrences, contexts and fuzzy results.

    Lives for one ``score_many`` call; never shared between resumes or threads.
    """

    def __init__(self, resume: Resume, terms: frozenset[str]) -> None:
        self.resume = resume
        folded = resume.folded
        # Collapse every run of spaces and hyphens to one space, so that "user-research" and
        # "user\nresearch" hold the term "user research"; remember how to map back. Single
        # gap characters become spaces in place; only longer runs (rare) shift offsets.
        spaced = folded.translate(_TO_SPACE)
        runs = [m.span() for m in _RUN.finditer(spaced)] if "  " in spaced else []
        collapsed = _RUN.sub(" ", spaced) if runs else spaced
        # After the k-th run, original offset = collapsed offset + shift[k].
        self._shift = list(accumulate(e - s - 1 for s, e in runs))
        self._cpos = [e - sh for (_, e), sh in zip(runs, self._shift, strict=True)]
        self.hits: dict[str, list[tuple[int, int]]] = {}
        for end, t in _automaton(terms).iter(collapsed):
            s, e = end - len(t) + 1, end + 1
            e = _bounded(collapsed, t, s, e)
            if e >= 0:
                a, b = self._orig(s), self._orig(e - 1) + 1
                if len(t) > 2 or not _hyphenated(folded, a, b):
                    self.hits.setdefault(t, []).append((a, b))
        self._fuzzy: dict[str, list[_Hit]] = {}
        self._words: list[tuple[int, int]] = []  # Latin word spans, found when fuzzy needs them
        self._windows: dict[int, _Windows] = {}
        now = resume.as_of.year * 12 + resume.as_of.month  # an ongoing role's end_month
        roles = sorted((r.start, r.end, r.end_month) for r in resume.roles)
        self._role_starts = [r[0] for r in roles]
        self._role_ends = [r[1] for r in roles]
        self._role_context = [
            "recent_role" if now - end_month <= RECENT_YEARS * 12 else "old_role"
            for _, _, end_month in roles
        ]
        self.nonspace = len("".join(folded.split()))
        # Where the resume names the candidate's job: the headline and each role's title.
        first = min((x.start for x in resume.sections), default=len(folded))
        line_end = folded.find("\n", first)
        head_end = min(HEADLINE_CHARS, len(folded) if line_end < 0 else line_end)
        self._named = sorted(
            [(0, head_end)]
            + [
                (r.title_start, r.title_start + len(r.title))
                for r in resume.roles
                if r.title_start >= 0
            ]
        )

    def _orig(self, c: int) -> int:
        k = bisect.bisect_right(self._cpos, c) - 1
        return c if k < 0 else c + self._shift[k]

    def title_context(self, start: int, end: int) -> str:
        """Whether an occurrence names the candidate's job ("headline") or is only "mentioned"."""
        named = any(a <= start and end <= b for a, b in self._named)
        return "headline" if named else "mentioned"

    def context(self, offset: int) -> str:
        """Where an occurrence stands: in a recent dated role, an old one, or listed elsewhere."""
        i = bisect.bisect_right(self._role_starts, offset) - 1
        if i >= 0 and offset < self._role_ends[i]:
            return self._role_context[i]
        return "listed"

    def fuzzy(self, term: str) -> list[_Hit]:
        """Every whole-word window within ``FUZZY_THRESHOLD`` of ``term`` (memoised per term)."""
        got = self._fuzzy.get(term)
        if got is None:
            got = []
            n = term.count(" ") + 1
            if not self._words:
                self._words = [m.span() for m in _WORD.finditer(self.resume.folded)]
            w = self._windows.get(n)
            if w is None:
                w = self._windows[n] = _Windows.of(self.resume.folded, self._words, n)
            # ratio >= T needs the lengths within a factor of T / (2 - T) of each other, so
            # only a slice of the windows (sorted by length) can match.
            t = FUZZY_THRESHOLD / 100
            lo = bisect.bisect_left(w.lens, int(len(term) * t / (2 - t)))
            hi = bisect.bisect_right(w.lens, int(len(term) * (2 - t) / t) + 1)
            for _, sim, k in process.extract(
                term, w.texts[lo:hi], scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD, limit=None
            ):
                i = w.first[lo + k]
                s, e = self._words[i][0], self._words[i + n - 1][1]
                ctx = self.context(s)
                credit = CREDIT_FUZZY * CONTEXT_FACTOR[ctx]
                got.append(_Hit("fuzzy", term, s, e, float(sim), credit, ctx))
            got.sort(key=lambda h: h.start)
            self._fuzzy[term] = got
        return got


@dataclass(frozen=True, slots=True)
class _Windows:
    """Every run of ``n`` Latin words (joined by one space), sorted by length."""

    texts: list[str]
    lens: list[int]
    first: list[int]  # index of each window's first word

    @staticmethod
    def of(folded: str, words: list[tuple[int, int]], n: int) -> _Windows:
        w = [folded[s:e] for s, e in words]
        runs = w if n == 1 else list(map(" ".join, zip(*(w[k:] for k in range(n)), strict=False)))
        lens = list(map(len, runs))
        order = sorted(range(len(runs)), key=lens.__getitem__)
        return _Windows([runs[i] for i in order], [lens[i] for i in order], order)


def _bounded(text: str, term: str, s: int, e: int) -> int:
    """Where the whole term ``text[s:e]`` (== ``term``) ends, or -1 when it is part of a word.

    The boundaries are those of ``text.term_pattern``, plus one tolerance: an English plural
    ("documents", "processes") ends a term of four or more letters.
    """
    first, last = term[0], term[-1]
    if first.isascii() and first.isalnum() and s > 0 and text[s - 1] in _WORDISH:
        return -1
    glue = (last.isascii() and last.isalnum()) or last in "+#"
    if not glue or e >= len(text) or text[e] not in _WORDISH:
        return e
    if len(term) >= 4 and last.isascii() and last.isalpha():
        for suffix in ("s", "es"):
            f = e + len(suffix)
            if text[e:f] == suffix and (f >= len(text) or text[f] not in _WORDISH):
                return f
    return -1


def _hyphenated(folded: str, s: int, e: int) -> bool:
    """Whether a hit is glued to a word by a hyphen: "go-to-market", "C-level", "R-squared".

    Only asked of terms of one or two characters, which are words on their own ("R", "Go")
    and mean something else as part of a hyphenated compound.
    """
    before = s >= 2 and folded[s - 1] == "-" and folded[s - 2].isalnum()
    after = e + 1 < len(folded) and folded[e] == "-" and folded[e + 1].isalnum()
    return before or after


def _fuzzy_ok(term: str) -> bool:
    return len(term) >= FUZZY_MIN_LEN and term.isascii() and not has_cjk(term)


def _best_hit(pc: _Criterion, scan: _Scan) -> _Hit | None:
    """The best occurrence of any of the criterion's terms (see the module docstring)."""
    best: _Hit | None = None
    best_key: tuple[float, float, int] | None = None
    titled = pc.criterion.kind == "title"
    for i, t in enumerate(pc.terms):
        method, level = ("exact", CREDIT_EXACT) if i == 0 else ("alias", CREDIT_ALIAS)
        for s, e in scan.hits.get(t, ()):
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


def _evidence(pc: _Criterion, scan: _Scan, total: float) -> Evidence:
    c = pc.criterion
    resume = scan.resume
    text = resume.document.text

    def ev(
        method: str,
        term: str,
        found: str,
        span: tuple[int, int] | None,
        sim: float,
        credit: float,
        met: bool,
        context: str = "",
    ) -> Evidence:
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
            sim,
            credit,
            100.0 * c.weight * credit / total if total > 0 else 0.0,
            met,
            context,
        )

    if c.kind == "education":
        fact = resume.education
        if fact is None or fact.value not in LEVEL_ORDER:
            return ev("none", "", "no degree found", None, 0.0, 0.0, False)
        need = LEVEL_ORDER.index(c.min_level) if c.min_level in LEVEL_ORDER else 0
        have = LEVEL_ORDER.index(fact.value)
        credit = 1.0 if have >= need else CREDIT_ONE_LEVEL_BELOW if have == need - 1 else 0.0
        return ev(
            "level", fact.value, fact.text, (fact.start, fact.end), 100.0, credit, have >= need
        )
    if c.kind == "experience":
        need_y = c.min_years or 0.0
        have_y = resume.years_experience
        # Partial credit below the minimum, full at or above it, never a bonus beyond it.
        credit = 1.0 if need_y <= 0 else min(1.0, have_y / need_y)
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
        return ev(
            "years", f"{need_y:g} years", f"{have_y:g} years", span, 100.0, credit, have_y >= need_y
        )
    hit = _best_hit(pc, scan)
    if hit is None:
        return ev("none", "", "", None, 0.0, 0.0, False)
    return ev(
        hit.method,
        hit.term,
        text[hit.start : hit.end],
        (hit.start, hit.end),
        hit.similarity,
        hit.credit,
        True,
        hit.context,
    )


def keyword_density(resume: Resume, rubric: Rubric) -> tuple[float, int]:
    """(share of non-space characters covered by the rubric's terms, number of occurrences).

    Every occurrence counts here, repetitions included: this measures how a resume is written,
    not what it earns. ``score`` warns ``keyword_stuffing`` when the share is at least
    ``STUFFING_DENSITY`` over at least ``STUFFING_MIN_HITS`` occurrences.

    >>> from matcher.read import read_text
    >>> from matcher.resume import understand
    >>> from matcher.compiler import compile_text
    >>> rubric = compile_text("Requirements: SQL, Excel", stem="analyst")[0]
    >>> d, n = keyword_density(understand(read_text("SQL Excel " * 20), date(2026, 1, 1)), rubric)
    >>> round(d, 2), n
    (1.0, 40)
    """
    prep = _prepared(rubric)
    return _density(_Scan(resume, prep.terms), prep)


def _density(scan: _Scan, prep: _Prepared) -> tuple[float, int]:
    spans = sorted(sp for t in prep.terms for sp in scan.hits.get(t, ()))
    covered = 0
    reach = -1
    for s, e in spans:
        if e > reach:
            covered += e - max(s, reach)
            reach = e
    return (covered / scan.nonspace if scan.nonspace else 0.0), len(spans)


def score(resume: Resume, rubric: Rubric) -> ScoreCard:
    """Score one resume against one rubric.

    Args:
        resume: from ``understand``.
        rubric: from ``load_rubric`` or ``compile_text``.

    Returns:
        A ``ScoreCard``; ``sum(e.contribution for e in card.evidence) == card.score``.

    >>> from matcher.read import read_text
    >>> from matcher.resume import understand
    >>> from matcher.compiler import compile_text
    >>> rubric = compile_text("Requirements: SQL, Excel", stem="analyst")[0]
    >>> card = score(understand(read_text("Skills: SQL"), as_of=date(2026, 1, 1)), rubric)
    >>> round(card.score, 1), [e.method for e in card.evidence]
    (42.5, ['exact', 'none'])
    """
    return score_many(resume, (rubric,))[0]


def score_many(resume: Resume, rubrics: Sequence[Rubric]) -> list[ScoreCard]:
    """Score one resume against several rubrics, with one pass over its text for all their terms.

    Returns the cards in the order of ``rubrics``; each equals what ``score`` gives alone.
    """
    preps = [_prepared(r) for r in rubrics]
    scan = _Scan(resume, frozenset().union(*(p.terms for p in preps)))
    doc = resume.document
    out = []
    for rubric, prep in zip(rubrics, preps, strict=True):
        evidence = tuple(_evidence(pc, scan, prep.total) for pc in prep.criteria)
        missing = tuple(e.label for e in evidence if e.required and not e.met)
        warnings = list(doc.warnings)
        density, n = _density(scan, prep)
        if density >= STUFFING_DENSITY and n >= STUFFING_MIN_HITS:
            warnings.append(
                f"keyword_stuffing: {density:.0%} of the text is this job's keywords "
                f"({n} occurrences; real resumes stay under 8%)"
            )
        out.append(
            ScoreCard(
                resume=doc.source,
                resume_id=doc.sha256[:12],
                job_id=rubric.job_id,
                title=rubric.title,
                score=sum(e.contribution for e in evidence),
                eligible=not missing,
                missing_required=missing,
                evidence=evidence,
                warnings=tuple(warnings),
                rubric_fingerprint=prep.fingerprint,
                engine_version=ENGINE_VERSION,
                as_of=resume.as_of,
            )
        )
    return out
