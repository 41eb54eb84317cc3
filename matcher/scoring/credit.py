"""Credit: a prepared criterion and a resume's scan in, the criterion's ``Evidence`` out.

What each criterion earns and why, one function per kind of criterion (``EVIDENCE_OF``): the
match, where it stands, the credit and the points. ``matching`` finds the occurrences of terms
and where they stand; this module credits them. rapidfuzz lives here and nowhere else.

How a term criterion earns credit: every occurrence of every term is a candidate; its credit is
the level credit (exact label 1.0, alias 0.9; the same written with other spacing, "Quick
Books" for "QuickBooks", counts as written; an inflected form, "taught" for "teaching", times
``MORPH_FACTOR``; fuzzy 0.5) times the factor of its context (``CONTEXT_FACTOR``: inside a
recent dated role 1.0, inside an older role 0.9, anywhere else, such as a skills list, 0.85).
A ``title`` criterion (the job's title or a word of it) is read the way a recruiter reads
titles: it counts in full where the resume names the candidate's job (its headline or a dated
role's title) and ``CONTEXT_FACTOR["mentioned"]`` (0.3) where it is only mentioned ("worked
with the healthcare administrator"); a resume title that is not the job's but shares its
telling words ("CONSULTANT" for "Management Consultant") earns ``PARTIAL_TITLE`` times their
similarity ("partial"), where they also share a word that says which job (not "Analyst" for
"Business Analyst"). The best candidate wins; ties go to the stricter level, then the
earlier place. Repeating a term adds nothing. A lone word has many senses, so a keyword, a
title's word outside the headline, an inflected form or an alias that is one word of its label
counts only where another term of the rubric stands near it (``SUPPORT_CHARS``). An alias does not count as the end of a degree's
longer field name ("Business Administration" for office administration's "administration"). A term the rubric writes in capitals that is a word
in lower case ("HR", "CALM") counts only where the resume writes it in capitals too ("12 hr
shifts" is not human resources).

Fuzzy matching is for typos: tried only when nothing else was found, only for ASCII terms of at
least ``FUZZY_MIN_LEN`` characters, only against whole-word windows within
``FUZZY_THRESHOLD``, and never where every word of the window is an English word of its own
("baking" is no typo of "banking", "vision" none of "Visio"). A fuzzy or partial occurrence
earns credit but never meets a required criterion on its own.

Numeric criteria: years of experience (the union of dated roles; with a field, the roles
that name it, by a name that is not only a word of a longer one: "training" alone is no
"fitness training") earn ``have / min_years`` below the minimum and 1.0 at or above it, never
more; education earns 1.0 at or above ``min_level`` ("level"), ``CREDIT_ONE_LEVEL_BELOW`` one
level below ("below": not met, and not shown as a match), 0 further down. A required
criterion not met makes the card ineligible and is named in ``missing_required``; the score
is still the weighted mean of credits, so both are reported.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, get_args

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from matcher.resume.roles import Role, years_of_experience
from matcher.resume.understand import Resume
from matcher.rubric.model import Criterion
from matcher.scoring.matching import Context, Scan, known_word, term_key
from matcher.text import has_cjk, in_capitals
from matcher.vocab.kinds import KINDS, Kind
from matcher.vocab.levels import LEVELS, level_rank
from matcher.vocab.lexicon import capitals_only
from matcher.vocab.titles import qualifier_stems, title_similarity, title_stems

# Credit per match level. An alias is the same skill written another way, so it counts nearly
# in full; a fuzzy hit may be a typo or a near miss, so it counts half.
CREDIT_EXACT = 1.0


CREDIT_ALIAS = 0.9


CREDIT_FUZZY = 0.5
# An inflected form ("taught" for "teaching", "audits" for "audit") is the same word: it counts
# a little less than the form the rubric wrote (times the label's or alias's own level).
MORPH_FACTOR = 0.85
# A title that is not the job's but shares telling words with it ("CONSULTANT" for "Management
# Consultant", "ENGINEERING MANAGER" for "Mechanical Engineer") earns this share of its
# similarity (``vocab.titles.title_similarity``), from PARTIAL_TITLE_MIN up. Livecareer, all
# four posting styles: MAP +0.01 to +0.03 (bench/QUALITY.md).
PARTIAL_TITLE = 0.8
PARTIAL_TITLE_MIN = 0.5


FUZZY_THRESHOLD = 90.0  # rapidfuzz ratio, 0-100


TYPO_CHARS = 6  # one typo per this many letters of a word ("Kubernets": one in ten)


FUZZY_MIN_LEN = 5  # shorter terms ("R", "Go", "SQL", "Java") are never matched fuzzily
# A word of a term shorter than this, or with a digit, is matched as written: one letter of an
# acronym or a number is another thing, not a typo ("OE certified" is no "PE certified",
# "OSHA 301" no "OSHA 30").
TYPO_WORD_MIN = 4


CREDIT_ONE_LEVEL_BELOW = 0.5  # education one level under the minimum


# A lone word has many senses: "samples" are garments to a fashion designer and blood to a
# nurse, "policies" are a farm's or a hospital's, "excels" is no spreadsheet. Where a keyword
# (a trade's word from the posting), a title's word or an inflected form is one word, it counts
# only with company: another term of the same rubric within this many characters of it.
# So does an alias that is one word of its label ("administration" for office administration).
# Livecareer, evidence bench (bench/README.md): morphology precision 0.44 -> 0.60, exact 0.83
# -> 0.87, alias 0.70 -> 0.75, weighted 0.78 -> 0.85; ranking MAP level or up on all four
# posting styles. A rubric with nothing else to lend company leaves its words alone.
SUPPORT_CHARS = 150
SUPPORTED_KINDS: frozenset[Kind] = frozenset({"keyword", "title"})


# How a criterion's evidence was found: a term's level (exact label, alias, an inflected form of
# either, a title that shares telling words with the job's, a near spelling), the education
# level that meets the minimum ("level") or one under it that earns part ("below": an associate
# degree for "bachelor or above" is no match, and a recruiter must not read it as one), the
# years compared, or nothing.
Method = Literal[
    "exact", "alias", "morphology", "partial", "fuzzy", "level", "below", "years", "none"
]


METHODS: tuple[Method, ...] = get_args(Method)


# Context factors: shown in use in a dated role beats listed; recent use beats old use. Modest on
# purpose: the words themselves remain the main evidence, and a plain list still earns 85%.
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
    snippet: str = ""  # the line around the match, at most SNIPPET_CHARS ("" for a miss)


@dataclass(frozen=True, slots=True)
class PreparedCriterion:
    criterion: Criterion
    terms: tuple[str, ...]  # matching form (term_key), label first, duplicates dropped
    shown: tuple[str, ...]  # the same terms as the rubric writes them
    fuzzy: tuple[bool, ...]  # which terms may be matched fuzzily
    cased: tuple[bool, ...] = ()  # which terms count only as written in capitals ("HR")
    own: int = 1  # terms[:own] are the criterion itself (its label or alternatives): "exact"
    support: frozenset[str] = frozenset()  # the other criteria's terms (``with_support``)
    term_set: frozenset[str] = frozenset()  # ``terms`` as a set: is any of them in a resume?
    miss: Evidence | None = None  # the row of a term criterion that nothing matched (``missed``)


@dataclass(frozen=True, slots=True)
class _Hit:
    method: Method
    term: str
    start: int
    end: int
    similarity: float
    credit: float
    context: Context


# What separates the alternatives of an experience field ("fitness training or coaching").
_OR = re.compile(r"\s+(?:or|and/or)\s+|\s*/\s*")


def prepare(c: Criterion) -> PreparedCriterion:
    """A criterion with its terms in matching form (label first) and how each may match.

    An experience criterion's terms are its field's names (the roles that count name them);
    an any-of criterion's first terms are its alternatives, each the criterion itself.
    """
    seen: dict[str, str] = {}  # matching form -> as written; the label stays first
    names = c.terms
    if c.kind == "experience":
        # "fitness training or coaching": each alternative names the field on its own.
        alternatives = [a for a in _OR.split(c.field) if a] if c.field else []
        names = (c.field, *alternatives, *c.aliases) if c.field else ()
    own = 0
    for i, t in enumerate(names):
        if (k := term_key(t)) and k not in seen:
            seen[k] = t
            own += i < c.own_terms
    keys = tuple(seen)
    # A keyword is one literal word of the posting (plurals already match): a near miss
    # of it says little, and fuzzy search for dozens of them would cost the most time.
    fuzzy = tuple(fuzzy_ok(k) and c.kind != "keyword" for k in keys)
    # An acronym written in capitals that is a word in lower case ("HR" in "12 hr shifts",
    # "CALM" in "a calm head") counts only in capitals, as in postings (``capitals_only``).
    cased = tuple(
        (len(t) <= 2 and t.isalpha() and t.isupper()) or capitals_only(t) for t in seen.values()
    )
    return PreparedCriterion(
        c, keys, tuple(seen.values()), fuzzy, cased, max(own, 1), term_set=frozenset(keys)
    )


def missed(pc: PreparedCriterion, total: float) -> Evidence:
    """The ``Evidence`` of a term criterion that nothing matched, in a rubric whose weights sum
    to ``total``: the same for every resume, so made once per rubric (``PreparedCriterion.miss``)."""
    return _evidence_row(pc, None, total, "none", "", "", None, 0.0, 0.0, False)


class FuzzyScan(Scan):
    """A ``matching.Scan`` that also finds and memoises fuzzy occurrences, shared by rubrics."""

    def __init__(self, resume: Resume, terms: frozenset[str]) -> None:
        super().__init__(resume, terms)
        self._fuzzy: dict[str, list[_Hit]] = {}
        self._word_at: dict[str, list[int]] | None = None  # see ``_where``
        self._by_length: list[str] = []
        self._lengths: list[int] = []
        self._typo_memo: dict[str, frozenset[str]] = {}
        self._places: dict[tuple[int, int], tuple[int, str, str]] = {}
        self._titles: list[tuple[int, int, str, frozenset[str]]] | None = None
        self.present = self.hits.keys() | self.morph.keys()  # every term found
        self._title_stems: frozenset[str] = frozenset()

    def place(self, start: int, end: int) -> tuple[int, str, str]:
        """(page, section, snippet) of a span (memoised: rubrics that match the same words
        show the same line)."""
        got = self._places.get((start, end))
        if got is None:
            resume = self.resume
            got = self._places[start, end] = (
                resume.document.page_of(start),
                resume.section_at(start),
                snippet(resume.document.text, start, end),
            )
        return got

    def titles(self) -> tuple[list[tuple[int, int, str, frozenset[str]]], frozenset[str]]:
        """The candidate titles (``candidate_titles``) with their text and ``qualifier_stems``,
        and every stem of them: a job name that shares none is near none (memoised)."""
        if self._titles is None:
            text = self.resume.document.text
            spans = self.candidate_titles()
            self._titles = [(s, e, text[s:e], qualifier_stems(text[s:e])) for s, e in spans]
            self._title_stems = frozenset().union(*(title_stems(t[2]) for t in self._titles))
        return self._titles, self._title_stems

    def fuzzy(self, term: str) -> list[_Hit]:
        """Every whole-word window within ``FUZZY_THRESHOLD`` of ``term`` that is a typo of
        it word by word (``_typo_of``), in text order (memoised per term)."""
        got = self._fuzzy.get(term)
        if got is None:
            words = term.split()
            starts = self.typos(words) if all(map(str.isalnum, words)) else self.similar(term)
            got = []
            for i, sim in starts:
                s, e = self.words[i][0], self.words[i + len(words) - 1][1]
                ctx = self.context(s)
                got.append(_Hit("fuzzy", term, s, e, sim, CREDIT_FUZZY * CONTEXT_FACTOR[ctx], ctx))
            self._fuzzy[term] = got
        return got

    def typos(self, words: list[str]) -> list[tuple[int, float]]:
        """(first word's index, similarity) of each window that is ``words`` mistyped: the
        same windows as ``similar``, found word by word (each word's typos among the resume's
        words of about its length), so a term is never compared to every window."""
        where = self._where()
        # The first word's typos among all the resume's words; the words after it are checked
        # only where a window starts with one (``_is_typo``), not looked for everywhere.
        options = self._typos_of(words[0])
        if not options:
            return []
        term, folded, n = " ".join(words), self.resume.folded, len(words)
        out = []
        for first in options:
            for i in where[first]:
                found = [folded[s:e] for s, e in self.words[i : i + n]]
                if found == words or len(found) < n:
                    continue
                if all(map(self._is_typo, words[1:], found[1:])):
                    sim = fuzz.ratio(term, " ".join(found), score_cutoff=FUZZY_THRESHOLD)
                    if sim:
                        out.append((i, float(sim)))
        return sorted(out)

    def _where(self) -> dict[str, list[int]]:
        """Where each word of the resume stands (indexes into ``words``)."""
        if self._word_at is None:
            self.latin_words()  # fills ``self.words``
            folded = self.resume.folded
            self._word_at = {}
            for i, (s, e) in enumerate(self.words):
                self._word_at.setdefault(folded[s:e], []).append(i)
            self._by_length = sorted(self._word_at, key=lambda w: (len(w), w))
            self._lengths = [len(w) for w in self._by_length]
        return self._word_at

    def _typos_of(self, word: str) -> frozenset[str]:
        """The resume's words that are ``word`` or may be it mistyped (``_typo_of``), memoised."""
        got = self._typo_memo.get(word)
        if got is None and not _may_mistype(word):
            got = frozenset({word}) if word in self._where() else frozenset()
            self._typo_memo[word] = got
        if got is None:
            k = _typo_edits(word)
            lo = bisect.bisect_left(self._lengths, len(word) - k)
            hi = bisect.bisect_right(self._lengths, len(word) + k)
            near = process.extract(
                word, self._by_length[lo:hi], scorer=OSA.distance, score_cutoff=k, limit=None
            )
            got = frozenset(b for b, _, _ in near if b == word or not known_word(b))
            self._typo_memo[word] = got
        return got

    def _is_typo(self, word: str, found: str) -> bool:
        """Whether ``found``, a word of the resume, is in ``_typos_of(word)``, without finding
        all of them."""
        got = self._typo_memo.get(word)
        if got is not None:
            return found in got
        if not _may_mistype(word):
            return found == word
        k = _typo_edits(word)
        return (found == word or not known_word(found)) and OSA.distance(
            word, found, score_cutoff=k
        ) <= k

    def similar(self, term: str) -> list[tuple[int, float]]:
        """``typos`` by comparing ``term`` to every window of its length (rapidfuzz): for
        terms with punctuation in a word, and the reference ``typos`` is tested against."""
        n = term.count(" ") + 1
        w = self.windows(n)
        # ratio >= T needs the lengths within a factor of T / (2 - T) of each other, so
        # only a slice of the windows (sorted by length) can match.
        t = FUZZY_THRESHOLD / 100
        lo = bisect.bisect_left(w.lens, int(len(term) * t / (2 - t)))
        hi = bisect.bisect_right(w.lens, int(len(term) * (2 - t) / t) + 1)
        out = [
            (w.first[lo + k], float(sim))
            for _, sim, k in process.extract(
                term, w.texts[lo:hi], scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD, limit=None
            )
            if _typo_of(term, w.texts[lo + k])
        ]
        return sorted(out)


def _typo_edits(word: str) -> int:
    """How many edits a typo of ``word`` may hold: one per ``TYPO_CHARS`` letters, at least one."""
    return max(1, len(word) // TYPO_CHARS)


def _typo_of(term: str, found: str) -> bool:
    """Whether ``found`` (as many words as ``term``) may be ``term`` mistyped: each word that
    differs is a few edits from the term's word (one per ``TYPO_CHARS`` letters, at least one;
    an edit is a letter added, dropped, changed or two swapped) and is not a word of the
    language ("baking" is a word, not a typo of "banking"). Word by word, so a near whole is
    not enough: "Microsoft Navision" is no "Microsoft Visio", though the two strings are 91%
    alike."""
    ours, theirs = term.split(), found.split()
    if len(ours) != len(theirs):  # the term has punctuation a window drops: judge it whole
        return not all(map(known_word, theirs))
    pairs = [(a, b) for a, b in zip(ours, theirs, strict=True) if a != b]
    return bool(pairs) and all(
        _may_mistype(a) and OSA.distance(a, b) <= _typo_edits(a) and not known_word(b)
        for a, b in pairs
    )


def _may_mistype(word: str) -> bool:
    """Whether a word of a term may be found mistyped (``TYPO_WORD_MIN``): letters only, long
    enough that one edit is a slip and not another acronym."""
    return len(word) >= TYPO_WORD_MIN and word.isalpha()


def fuzzy_ok(term: str) -> bool:
    return len(term) >= FUZZY_MIN_LEN and term.isascii() and not has_cjk(term)


def _needs_support(pc: PreparedCriterion, method: Method, term: str, ctx: Context) -> bool:
    """Whether an occurrence is a lone word that must have company (see ``SUPPORT_CHARS``)."""
    return (
        bool(pc.support)
        and (
            pc.criterion.kind in SUPPORTED_KINDS
            or method == "morphology"
            # an alias that is one word of the label has lost the word that said which sense:
            # "administration" for office administration ("Small Business Administration")
            or (method == "alias" and term in pc.terms[0].split())
        )
        and ctx != "headline"
        and term.isascii()
        and term.isalpha()
    )


def _best_hit(pc: PreparedCriterion, scan: FuzzyScan) -> _Hit | None:
    """The best occurrence of any of the criterion's terms (see the module docstring): the
    highest credit, ties to the stricter level, then the earlier place. Fuzzy occurrences are
    looked for only when nothing else was found."""
    titled = pc.criterion.kind == "title"
    tool = pc.criterion.kind == "tool"
    text = scan.resume.document.text
    found: list[tuple[tuple[float, int, int], _Hit]] = []
    # Most criteria of most rubrics have none of their terms in a given resume.
    for i, t in enumerate(() if pc.term_set.isdisjoint(scan.present) else pc.terms):
        written = scan.hits.get(t, [])
        # A product's name has no inflections: "excels" is no Excel, "Sparks" no Spark.
        inflected = [] if tool else scan.morph.get(t, [])
        if not written and not inflected:
            continue  # most terms of most rubrics are not in a given resume
        itself = i < pc.own
        own = CREDIT_EXACT if itself else CREDIT_ALIAS
        levels: tuple[tuple[Method, float, list[tuple[int, int]]], ...] = (
            ("exact" if itself else "alias", own, written),
            ("morphology", own * MORPH_FACTOR, inflected),
        )
        for rank, (method, level, spans) in enumerate(levels):
            for s, e in spans:
                if pc.cased[i] and not in_capitals(text, s, e):
                    continue
                if not itself and _inside_other_name(pc, scan, s, e):
                    continue
                ctx = scan.title_context(s, e) if titled else scan.context(s)
                if _needs_support(pc, method, t, ctx) and not scan.near(
                    s, e, SUPPORT_CHARS, pc.support
                ):
                    continue  # "samples" of a blood test, alone, are no garment samples
                credit = level * CONTEXT_FACTOR[ctx]
                hit = _Hit(method, pc.shown[i], s, e, 100.0, credit, ctx)
                found.append(((-credit, 2 * rank + (not itself), s), hit))
    if titled and not any(h.context == "headline" for _, h in found):
        partial = _partial_title(pc, scan)
        if partial is not None:
            found.append(((-partial.credit, 9, partial.start), partial))
    if found:
        return min(found, key=lambda kh: kh[0])[1]
    fuzzy = [
        ((-h.credit, -h.similarity, h.start), h)
        for i, t in enumerate(pc.terms)
        if pc.fuzzy[i]
        for h in _retitled(scan.fuzzy(t), pc.shown[i], titled, scan)
    ]
    return min(fuzzy, key=lambda kh: kh[0])[1] if fuzzy else None


def _degree_names(scan: FuzzyScan) -> list[tuple[int, int]]:
    """Spans that name a degree: its field of study, and its line after the level word to
    the institution or the line's end ("Master of Business Administration, State University")."""
    folded = scan.resume.folded
    out = []
    for d in scan.resume.degrees:
        if d.field is not None:
            out.append((d.field.start, d.field.end))
        line_end = folded.find("\n", d.level.end)
        stop = len(folded) if line_end < 0 else line_end
        if d.institution is not None and d.level.end <= d.institution.start < stop:
            stop = d.institution.start
        out.append((d.level.end, stop))
    return out


# What joins a degree's level to its field: "Bachelor of Science in Accounting".
_DEGREE_JOINS = frozenset(
    {"of", "in", "and", "science", "arts", "degree", "diploma", "major", "majoring", "with"}
)


_WORD_BEFORE = re.compile(r"([^\W\d_][\w.&'-]*)[ \t]+$")  # the word before a place


def _inside_other_name(pc: PreparedCriterion, scan: FuzzyScan, start: int, end: int) -> bool:
    """Whether an alias's occurrence is the end of a longer name of something else: a
    capitalised name whose word before is not the label's ("Small Business Administration"
    for "office administration"'s alias "administration"), a degree's field ("Business
    Administration"; "Bachelor of Science in Accounting" still counts for "accounting").
    Leftmost-longest: the longer name is what the resume says. The same over O*NET and ESCO
    job names ("line cook" for a Chef's alias "cook") cost ESCO-style ranking 0.01 MAP and is
    not done (bench/QUALITY.md)."""
    folded = scan.resume.folded
    text = scan.resume.document.text
    if (
        pc.criterion.kind != "title"  # a title's own names and near names: ``_partial_title``
        and text[start : start + 1].isupper()
        and folded[start:end] in (label := pc.terms[0].split())
    ):
        # "Business Administration", "Small Business Administration": a capitalised name
        # whose other word is not the label's ("office administration") names something else
        m = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if m is not None and m.group(1)[:1].isupper() and m.group(1).lower() not in label:
            return True
    for a, b in _degree_names(scan):
        if a <= start and end <= b:
            # "Business Administration", not "Bachelor of Science in Accounting": the alias
            # is the end of a longer field name when a word of that name stands before it.
            m = _WORD_BEFORE.search(folded, a, start)
            if m is not None and m.group(1) not in _DEGREE_JOINS:
                return True
    return False


def _retitled(hits: list[_Hit], term: str, titled: bool, scan: FuzzyScan) -> list[_Hit]:
    """Fuzzy occurrences as the rubric writes the term, a title's in its title context."""
    out = []
    for h in hits:
        ctx = scan.title_context(h.start, h.end) if titled else h.context
        credit = CREDIT_FUZZY * CONTEXT_FACTOR[ctx]
        out.append(_Hit(h.method, term, h.start, h.end, h.similarity, credit, ctx))
    return out


def _partial_title(pc: PreparedCriterion, scan: FuzzyScan) -> _Hit | None:
    """The resume title nearest the job's (headline lines, role titles), when it shares at
    least ``PARTIAL_TITLE_MIN`` of the telling words of one of the job's names."""
    lines, stems = scan.titles()
    # A name that shares no stem with any title has similarity 0 with each: skipped.
    names = [n for n in pc.shown if n.isascii() and not title_stems(n).isdisjoint(stems)]
    best: _Hit | None = None
    if not names:
        return None
    qualifiers = [qualifier_stems(n) for n in names]
    for s, e, line, telling in lines:
        for name, q in zip(names, qualifiers, strict=True):
            sim = title_similarity(line, name)
            # ``shares_qualifier(line, name)``, from stems found once
            if sim < PARTIAL_TITLE_MIN or telling.isdisjoint(q):
                continue
            if best is None or 100 * sim > best.similarity:
                best = _Hit("partial", name, s, e, 100 * sim, PARTIAL_TITLE * sim, "headline")
    return best


def _evidence_row(
    pc: PreparedCriterion,
    scan: FuzzyScan | None,
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
    c = pc.criterion
    start, end = span or (-1, -1)
    page, section, line = scan.place(start, end) if span and scan else (0, "", "")
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
        page,
        section,
        similarity,
        credit,
        100.0 * c.weight * credit / total if total > 0 else 0.0,
        met,
        context,
        line,
    )


SNIPPET_CHARS = 160  # an evidence line longer than this is cut around the match


def snippet(text: str, start: int, end: int) -> str:
    """The line of ``text`` around characters ``start:end``, at most ``SNIPPET_CHARS`` long
    (cut around the match, "…" where it is cut), spaces collapsed: what a recruiter checks.

    >>> snippet("Skills\\nPython, SQL and Excel\\nEducation", 15, 18)
    'Python, SQL and Excel'
    """
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    b = len(text) if b < 0 else b
    if b - a > SNIPPET_CHARS:
        room = max(0, SNIPPET_CHARS - (end - start)) // 2
        lo, hi = max(a, start - room), min(b, end + room)
        return ("…" if lo > a else "") + " ".join(text[lo:hi].split()) + ("…" if hi < b else "")
    return " ".join(text[a:b].split())


def _education_evidence(pc: PreparedCriterion, scan: FuzzyScan, total: float) -> Evidence:
    """The highest degree against ``min_level``: full credit at or above, part one level below."""
    c, fact = pc.criterion, scan.resume.education
    if fact is None or fact.value not in LEVELS:
        return _evidence_row(pc, scan, total, "none", "", "no degree found", None, 0.0, 0.0, False)
    need = max(level_rank(c.min_level), 0)
    have = level_rank(fact.value)
    credit = 1.0 if have >= need else CREDIT_ONE_LEVEL_BELOW if have == need - 1 else 0.0
    span = (fact.start, fact.end)
    method: Method = "level" if have >= need else "below"
    return _evidence_row(
        pc, scan, total, method, fact.value, fact.text, span, 100.0, credit, have >= need
    )


def _experience_evidence(pc: PreparedCriterion, scan: FuzzyScan, total: float) -> Evidence:
    """Years of experience against ``min_years``: partial below, full at or above, no bonus.

    Without a field every work role counts; with one ("5+ years in data engineering") only the
    work roles in that field do: roles whose text names the field (any of its names, as
    written or inflected) or whose title is near it (``title_similarity``).
    """
    c, resume = pc.criterion, scan.resume
    need = c.min_years or 0.0
    work = [r for r in resume.roles if r.kind == "work"]
    if c.field:
        work = [r for r in work if _in_field(r, pc, scan)]
        have = years_of_experience(work)
        found, asked = f"{have:g} years in {c.field}", f"{need:g} years in {c.field}"
    else:
        have = resume.years_experience
        found, asked = f"{have:g} years", f"{need:g} years"
    credit = 1.0 if need <= 0 else min(1.0, have / need)
    # Point at the earliest role that counts: its title if found, else its dates.
    first = min(work, key=lambda r: r.start, default=None)
    span: tuple[int, int] | None = None
    if first is not None and first.title_start >= 0:
        span = (first.title_start, first.title_start + len(first.title))
    elif first is not None and first.date_start >= 0:
        span = (first.date_start, first.date_start + len(first.date_text))
    elif first is not None:
        span = (first.start, first.start)
    return _evidence_row(pc, scan, total, "years", asked, found, span, 100.0, credit, have >= need)


def _in_field(role: Role, pc: PreparedCriterion, scan: FuzzyScan) -> bool:
    """Whether a role is in the experience criterion's field (see ``_experience_evidence``)."""
    for t in _field_terms(pc.terms):  # keyed by the terms: hashing ``pc`` costs more
        for s, _ in (*scan.hits.get(t, ()), *scan.morph.get(t, ())):
            if role.start <= s < role.end:
                return True
    return any(title_similarity(role.title, name) >= PARTIAL_TITLE_MIN for name in pc.shown)


@lru_cache(maxsize=4096)
def _field_terms(terms: tuple[str, ...]) -> tuple[str, ...]:
    """The names of an experience field that put a role's text in it: a name that is only a
    word of a longer name of the field ("training" for "fitness training", "sales" for
    "outside B2B sales", "education" for "arts education") names a wider field, and any
    trainer of staff, sales clerk or school would count; an alternative of the field's own
    ("sales" in "sales or retail sales") still counts."""
    alternatives = {a for a in _OR.split(terms[0]) if a} | {terms[0]}
    longer = alternatives | set(terms)
    return tuple(
        t
        for t in terms
        if t in alternatives or not any(t != o and f" {t} " in f" {o} " for o in longer)
    )


def term_evidence(pc: PreparedCriterion, scan: FuzzyScan, total: float) -> Evidence:
    """The best occurrence of the criterion's terms (see the module docstring), or a miss."""
    hit = _best_hit(pc, scan)
    if hit is None:
        return pc.miss if pc.miss is not None else missed(pc, total)
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
        hit.method not in _NOT_MET,
        hit.context,
    )


# A near spelling or a title that is only near the job's earns part of the credit but never
# meets a required criterion on its own: "baking" must not let a pastry cook pass "banking".
_NOT_MET: frozenset[Method] = frozenset({"fuzzy", "partial"})


# How each kind of criterion earns credit: the numeric kinds have their own rule, every other
# kind is a term criterion (a test checks that the table names every kind).
EVIDENCE_OF: dict[Kind, Callable[[PreparedCriterion, FuzzyScan, float], Evidence]] = {
    **dict.fromkeys(KINDS, term_evidence),
    "education": _education_evidence,
    "experience": _experience_evidence,
}
