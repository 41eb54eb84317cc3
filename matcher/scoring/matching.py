"""Matching: a ``Resume`` and a set of terms in, their whole-term occurrences with contexts out.

Input is a ``Resume`` and a set of terms in matching form (``term_key``); output is a ``Scan``:
every whole-term occurrence of every term as a span of ``Document.text``, where each one stands
(``context``, ``title_context``), the share of the text they cover (``coverage``), and the
resume's whole-word windows that the fuzzy level of ``credit`` compares with a term. This step
finds; ``credit`` credits.

Terms match whole: ``java`` not in "javascript", ``c`` not in "c++", ``r`` or ``go`` not inside a
hyphenated word ("R-squared", "go-to-market"); an English plural counts as the term ("documents"
for "document"). Any run of spaces and hyphens between the words of a term matches any other
("user-research", "user\\nresearch" hold "user research").

Where an occurrence stands (``context``): inside a dated role that ended within
``RECENT_YEARS`` of ``as_of`` ("recent_role"), inside an older role ("old_role"), anywhere else,
such as a skills list ("listed"). For a job title (``title_context``): where the resume names the
candidate's job ("headline"), in its headline (the text above the first section's body, at most
``HEADLINE_CHARS`` characters; the first ``HEADLINE_CHARS_BARE`` when no section was found) or in
a dated role's title, else "mentioned".

Speed: one Aho-Corasick automaton per set of terms (``automaton``, cached by value), so when
several rubrics score one resume, one pass over its text finds every term of all of them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Literal

import ahocorasick

from matcher.resume.understand import Resume
from matcher.text import normalize_term

# Where an occurrence stands (see above): the keys of ``matcher.scoring.credit.CONTEXT_FACTOR``.
Context = Literal["recent_role", "old_role", "listed", "headline", "mentioned"]

RECENT_YEARS = 10  # a role that ended more than this many years before as_of is "old_role"
# The headline: name, title, contacts, taglines, above the first section's body, at most this
# long; a resume whose sections were not found gets the first HEADLINE_CHARS_BARE characters.
HEADLINE_CHARS = 600
HEADLINE_CHARS_BARE = 200

_GAP = re.compile(r"[\s\-]+")  # what may stand between the words of a term
# The same characters, one by one: every Unicode space is below U+3001.
_TO_SPACE = str.maketrans(dict.fromkeys([*filter(str.isspace, map(chr, range(0x3001))), "-"], " "))
_RUN = re.compile(" {2,}")
_WORDISH = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+#&")
_WORD = re.compile(r"[a-z0-9][a-z0-9+#.\-]*[a-z0-9+#]|[a-z0-9]")


def term_key(term: str) -> str:
    """A term in matching form: normalised, folded, words joined by one space.

    >>> term_key("User-Research")
    'user research'
    """
    return " ".join(p for p in _GAP.split(normalize_term(term)) if p)


@lru_cache(maxsize=64)
def automaton(terms: frozenset[str]) -> ahocorasick.Automaton:
    """One automaton for the union of the terms of every rubric scored together."""
    auto = ahocorasick.Automaton()
    for t in sorted(terms):
        auto.add_word(t, t)
    if not terms:
        auto.add_word("\0", "\0")  # an empty automaton cannot be searched
    auto.make_automaton()
    return auto


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
        for end, t in automaton(terms).iter(collapsed):
            s, e = end - len(t) + 1, end + 1
            e = _bounded(collapsed, t, s, e)
            if e >= 0:
                a, b = self._orig(s), self._orig(e - 1) + 1
                if len(t) > 2 or not _hyphenated(folded, a, b):
                    self.hits.setdefault(t, []).append((a, b))
        self.words: list[tuple[int, int]] = []  # Latin word spans, found when windows need them
        self._windows: dict[int, Windows] = {}
        now = resume.as_of.year * 12 + resume.as_of.month  # an ongoing role's end_month
        roles = sorted((r.start, r.end, r.end_month) for r in resume.roles)
        self._role_starts = [r[0] for r in roles]
        self._role_ends = [r[1] for r in roles]
        self._role_context: list[Context] = [
            "recent_role" if now - end_month <= RECENT_YEARS * 12 else "old_role"
            for _, _, end_month in roles
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

    def _orig(self, c: int) -> int:
        k = bisect.bisect_right(self._cpos, c) - 1
        return c if k < 0 else c + self._shift[k]

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

    def windows(self, n: int) -> Windows:
        """Every run of ``n`` whole Latin words of the resume (memoised; spans in ``words``)."""
        w = self._windows.get(n)
        if w is None:
            if not self.words:
                self.words = [m.span() for m in _WORD.finditer(self.resume.folded)]
            w = self._windows[n] = Windows.of(self.resume.folded, self.words, n)
        return w


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
