"""Matching: a ``Resume`` and a set of terms in, their whole-term occurrences with contexts out.

Input is a ``Resume`` and a set of terms in matching form (``term_key``); output is a ``Scan``:
every whole-term occurrence of every term as a span of ``Document.text`` at its match level
(``hits``: the term as written, or written with other spacing, "Quick Books" for "QuickBooks";
``morph``: an inflected form, "taught" for "teaching", "audits" for "audit"), where each one
stands (``context``, ``title_context``), the share of the text they cover (``coverage``), the
lines that may name the candidate's job (``candidate_titles``) and the resume's whole-word
windows that the fuzzy level of ``credit`` compares with a term. This step finds; ``credit``
credits.

Terms match whole, by the one rule of ``matcher.text.TermIndex`` that postings and lexicon
scans use too: ``java`` not in "javascript", ``c`` not in "c++", ``r`` or ``go`` not inside a
hyphenated word ("R-squared", "go-to-market"). Any run of spaces and hyphens between the words
of a term matches any other ("user-research", "user\\nresearch" hold "user research").
Inflections meet through their lemma (simplemma, English only: "marketing" is not "market",
"accounting" not "accounts"), within one part of speech (``same_class``: a past, "trained", is
no gerund, "training"; a participle, "returning", no plural noun, "returns"); Chinese terms
match as written.

Where an occurrence stands (``context``): inside a dated role that ended within
``RECENT_YEARS`` of ``as_of`` ("recent_role"), inside an older role ("old_role"), anywhere else,
such as a skills list ("listed"). For a job title (``title_context``): where the resume names the
candidate's job ("headline"), in its headline (the text above the first section's body, at most
``HEADLINE_CHARS`` characters; the first ``HEADLINE_CHARS_BARE`` when no section was found) or in
a dated role's title, else "mentioned".

Speed: one index of token sequences per set of terms (``term_index``, cached by value), so when
several rubrics score one resume, one pass over its tokens finds every term of all of them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import simplemma

from matcher.resume.understand import Resume
from matcher.text import TermIndex, Token, normalize_term, term_tokens, tokenize

# Where an occurrence stands (see above): the keys of ``matcher.scoring.credit.CONTEXT_FACTOR``.
Context = Literal["recent_role", "old_role", "listed", "headline", "mentioned"]

RECENT_YEARS = 10  # a role that ended more than this many years before as_of is "old_role"
# The headline: name, title, contacts, taglines, above the first section's body, at most this
# long; a resume whose sections were not found gets the first HEADLINE_CHARS_BARE characters.
HEADLINE_CHARS = 600
HEADLINE_CHARS_BARE = 200
TITLE_LINE_WORDS = 8  # a headline line longer than this is a sentence, not a job title

_GAP = re.compile(r"[\s\-]+")  # what may stand between the words of a term
COMPACT_MIN = 5  # "Quick Books" meets "QuickBooks": only for terms this long without spaces
COMPACT_WORDS = 3  # ... written in at most this many words


def term_key(term: str) -> str:
    """A term in matching form: normalised, folded, words joined by one space.

    >>> term_key("User-Research")
    'user research'
    """
    return " ".join(p for p in _GAP.split(normalize_term(term)) if p)


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The dictionary form of an English word ("taught" -> "teach", "audits" -> "audit"); any
    other token (Chinese, digits, "c++", two letters) as it is.

    >>> lemma("taught"), lemma("audits"), lemma("marketing"), lemma("数")
    ('teach', 'audit', 'marketing', '数')
    """
    if len(word) < 3 or not (word.isascii() and word.isalpha()):
        return word
    return str(simplemma.lemmatize(word, lang="en")).lower()


def _form(word: str) -> str:
    """How an English word is inflected: "ing", "s" (a plural or third person), "past"
    ("trained", "taught") or "" (the dictionary form, or not an English word)."""
    if lemma(word) == word:
        return ""
    if word.endswith("ing"):
        return "ing"
    return "s" if word.endswith("s") else "past"


def same_class(term: str, found: str) -> bool:
    """Whether an inflected form may stand for a term's word by word: a verb's past never
    stands for a gerund ("trained" is no "training", "consulted" no "consulting"), nor a
    participle for a plural noun ("returning" is no "returns").

    >>> same_class("training", "trains"), same_class("training", "trained")
    (True, False)
    """
    for a, b in zip(term_tokens(term), _GAP.split(found), strict=False):
        fa, fb = _form(a), _form(b.lower())
        if (fa == "ing" and fb == "past") or (fa == "s" and fb == "ing"):
            return False
    return True


@lru_cache(maxsize=200_000)
def known_word(word: str) -> bool:
    """Whether ``word`` is an English word in its own right (not a typo of another).

    >>> known_word("baking"), known_word("photshop")
    (True, False)
    """
    return bool(simplemma.is_known(word, lang="en"))


@dataclass(frozen=True, slots=True)
class _Indexes:
    exact: TermIndex  # terms as written
    morph: TermIndex  # terms by the lemmas of their words
    # a term's letters and digits without spaces -> (term, how many tokens it has)
    compact: dict[str, list[tuple[str, int]]]
    prefixes: frozenset[str]  # every beginning of a ``compact`` key: words worth joining on


@lru_cache(maxsize=256)
def term_index(terms: frozenset[str]) -> _Indexes:
    """The indexes of a set of terms (the union of every rubric scored together), built once."""
    ordered = sorted(terms)
    compact: dict[str, list[tuple[str, int]]] = {}
    for t in ordered:
        words = term_tokens(t)
        key = "".join(w for w in words if w.isalnum())
        if len(key) >= COMPACT_MIN and key.isascii():
            compact.setdefault(key, []).append((t, len(words)))
    prefixes = frozenset(k[:i] for k in compact for i in range(1, len(k) + 1))
    return _Indexes(TermIndex(ordered), TermIndex(ordered, key=lemma), compact, prefixes)


@dataclass(frozen=True, slots=True)
class Windows:
    """Every run of ``n`` Latin words (joined by one space), sorted by length."""

    texts: list[str]
    lens: list[int]
    first: list[int]  # index of each window's first word

    @staticmethod
    def of(folded: str, words: list[tuple[int, int]], n: int) -> Windows:
        """The windows of ``n`` words of ``folded``, whose word spans are ``words``."""
        w = [folded[s:e] for s, e in words]
        runs = w if n == 1 else list(map(" ".join, zip(*(w[k:] for k in range(n)), strict=False)))
        lens = list(map(len, runs))
        order = sorted(range(len(runs)), key=lens.__getitem__)
        return Windows([runs[i] for i in order], [lens[i] for i in order], order)


class Scan:
    """The matching work on one resume's text: term occurrences, contexts and word windows.

    ``hits`` maps each term found to its whole-term spans in ``Document.text``, in text order.
    Lives for one ``score_many`` call; never shared between resumes or threads.

    >>> from datetime import date
    >>> from matcher.read.document import read_text
    >>> from matcher.resume.understand import understand
    >>> resume = understand(read_text("Skills: Java, JavaScript, user-research"), date(2026, 1, 1))
    >>> scan = Scan(resume, frozenset({"java", "user research"}))
    >>> [resume.document.text[s:e] for t in sorted(scan.hits) for s, e in scan.hits[t]]
    ['Java', 'user-research']
    """

    def __init__(self, resume: Resume, terms: frozenset[str]) -> None:
        self.resume = resume
        folded = resume.folded
        idx = term_index(terms)
        tokens = tokenize(folded)
        self.hits: dict[str, list[tuple[int, int]]] = {}
        for s, e, t in idx.exact.find(folded, tokens):
            self.hits.setdefault(t, []).append((s, e))
        self._variants(folded, tokens, idx.compact, idx.prefixes)
        self.morph: dict[str, list[tuple[int, int]]] = {}
        lemmas = [lemma(t.text) for t in tokens]
        for s, e, t in idx.morph.find(folded, tokens, lemmas):
            if (s, e) not in self.hits.get(t, ()) and same_class(t, folded[s:e]):
                self.morph.setdefault(t, []).append((s, e))
        self._tokens = tokens
        self._all: list[tuple[int, int, str]] | None = None  # every occurrence, for ``near``
        self._all_starts: list[int] = []
        self.words: list[tuple[int, int]] = []  # Latin word spans, found when windows need them
        self._windows: dict[int, Windows] = {}
        now = resume.as_of.year * 12 + resume.as_of.month  # an ongoing role's end_month
        roles = sorted((r.start, r.end, r.end_month, r.ongoing) for r in resume.roles)
        self._role_starts = [r[0] for r in roles]
        self._role_ends = [r[1] for r in roles]
        # A role the resume calls current is recent, even where an old resume's open role was
        # ended with the latest year it writes (``matcher.resume.roles.STALE_YEARS``).
        self._role_context: list[Context] = [
            "recent_role" if ongoing or now - end_month <= RECENT_YEARS * 12 else "old_role"
            for _, _, end_month, ongoing in roles
        ]
        self.nonspace = len("".join(folded.split()))
        # Where the resume names the candidate's job: the headline and each role's title.
        if resume.sections:
            first = min(x.start for x in resume.sections)
            line_end = folded.find("\n", first)
            head_end = min(HEADLINE_CHARS, len(folded) if line_end < 0 else line_end)
        else:
            head_end = HEADLINE_CHARS_BARE
        self._named = sorted(
            [(0, head_end)]
            + [
                (r.title_start, r.title_start + len(r.title))
                for r in resume.roles
                if r.title_start >= 0
            ]
        )

    def _variants(
        self,
        folded: str,
        tokens: list[Token],
        compact: dict[str, list[tuple[str, int]]],
        prefixes: frozenset[str],
    ) -> None:
        """Terms written with other spacing: "Quick Books" or "Power Point" for "QuickBooks",
        "PowerPoint" (and the other way round), added to ``hits``."""
        if not compact:
            return
        words = [t for t in tokens if t.text.isalnum() and t.text.isascii()]
        for i, first in enumerate(words):
            joined = ""
            for n, w in enumerate(words[i : i + COMPACT_WORDS]):
                if n and folded[words[i + n - 1].end : w.start].strip(" -\t\n"):
                    break  # only spaces and hyphens may stand between the words
                joined += w.text
                if joined not in prefixes:
                    break  # no term is written this way, nor with more words after it
                for t, size in compact.get(joined, ()):
                    span = (first.start, w.end)
                    if size != n + 1 and span not in self.hits.get(t, ()):
                        self.hits.setdefault(t, []).append(span)
        for spans in self.hits.values():
            spans.sort()

    def candidate_titles(self) -> list[tuple[int, int]]:
        """Spans of the lines that may name the candidate's job: the headline's short lines and
        each dated role's title."""
        text = self.resume.document.text
        head_end = self._named[0][1] if self._named else 0
        out = []
        pos = 0
        for line in text[:head_end].split("\n"):
            if line.strip() and len(line.split()) <= TITLE_LINE_WORDS:
                out.append((pos, pos + len(line)))
            pos += len(line) + 1
        out += [
            (r.title_start, r.title_start + len(r.title))
            for r in self.resume.roles
            if r.title_start >= 0
        ]
        return out

    def title_context(self, start: int, end: int) -> Context:
        """Whether an occurrence names the candidate's job ("headline") or is only "mentioned"."""
        named = any(a <= start and end <= b for a, b in self._named)
        return "headline" if named else "mentioned"

    def context(self, offset: int) -> Context:
        """Where an occurrence stands: in a recent dated role, an old one, or listed elsewhere."""
        i = bisect.bisect_right(self._role_starts, offset) - 1
        if i >= 0 and offset < self._role_ends[i]:
            return self._role_context[i]
        return "listed"

    def coverage(self, terms: frozenset[str]) -> tuple[float, int]:
        """(share of the non-space characters covered by occurrences of ``terms``, their number).

        Every occurrence counts, repetitions included; overlapping ones cover their union.
        """
        spans = sorted(sp for t in terms for sp in self.hits.get(t, ()))
        covered = 0
        reach = -1
        for s, e in spans:
            if e > reach:
                covered += e - max(s, reach)
                reach = e
        return (covered / self.nonspace if self.nonspace else 0.0), len(spans)

    def near(self, start: int, end: int, reach: int, terms: frozenset[str]) -> bool:
        """Whether another occurrence of any of ``terms`` (as written or inflected) stands
        within ``reach`` characters of ``start``-``end`` without overlapping it."""
        if self._all is None:
            self._all = sorted(
                (s, e, t)
                for found in (self.hits, self.morph)
                for t, v in found.items()
                for s, e in v
            )
            self._all_starts = [s for s, _, _ in self._all]
        everything = self._all
        i = bisect.bisect_left(self._all_starts, start - reach)
        while i < len(everything) and everything[i][0] <= end + reach:
            s, e, t = everything[i]
            if t in terms and (e <= start or s >= end):
                return True
            i += 1
        return False

    def latin_words(self) -> list[tuple[int, int]]:
        """The spans of the resume's whole Latin words (memoised in ``words``)."""
        if not self.words:
            self.words = [
                (t.start, t.end) for t in self._tokens if t.text.isascii() and t.text[:1].isalnum()
            ]
        return self.words

    def windows(self, n: int) -> Windows:
        """Every run of ``n`` whole Latin words of the resume (memoised; spans in ``words``)."""
        w = self._windows.get(n)
        if w is None:
            w = self._windows[n] = Windows.of(self.resume.folded, self.latin_words(), n)
        return w
