"""Keywords: posting text in, the words that name its trade out (``str`` values with scores).

A step of compiling between ``posting`` (items) and ``criteria`` (criteria). The
lexicon knows a few thousand skills and tools; a trade's own words ("classroom", "subcontractor",
"airframe", "OSHA") mostly are not among them. This step finds them in a posting's text by their
specificity over O*NET and ESCO occupation texts (``matcher.vocab.occupations.specificity``), keeping only
trade nouns (``matcher.vocab.occupations.trade_noun``: a noun concentrated in few occupation groups, so
not "early", "task" or "opinion"), leaving out job-ad grammar, verbs, cue words and the words
every resume has as structure, and reads the
trade words of a job title ("Aviation Maintenance Technician" -> "aviation"). The compiler turns
them into light ``keyword`` criteria.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from matcher.vocab.lexicon import Lexicon, english_word
from matcher.vocab.occupations import (
    RANK_WORDS,
    concentration,
    lemma,
    specificity,
    titles_starting,
    trade_noun,
    word_df,
)

# A keyword must tell trades apart at least this well (specificity 0-1: "construction" 0.30,
# "classroom" 0.41, "subcontractor" 0.88; "customer" 0.22, "repair" 0.26 stay out).
KEYWORD_MIN_SPECIFICITY = 0.28
# ... unless the posting comes back to it: a word named in ``KEYWORD_REPEATED_CLAUSES`` clauses
# is what the job is about from this lower specificity up ("engineering" in a mechanical
# engineer's analysis, drawings and experience: 0.24; BM25's query-term frequency, the
# compiler's way). The trade-noun test still holds ("data" 0.15 is every trade's).
KEYWORD_REPEATED_SPECIFICITY = 0.15
KEYWORD_REPEATED_CLAUSES = 2
# A word before a title's head qualifies the job ("Financial Analyst", "Sales Representative"):
# it is a trade word from this specificity up ("financial" 0.22, "sales" 0.26).
TITLE_MODIFIER_SPECIFICITY = 0.2
# ... and be a noun concentrated in a few occupation groups beyond chance
# (``occupations.trade_noun``): "classroom" 0.70, "invoice" 0.30, "recipes" 0.22 are; "task"
# 0.09, "point" 0.15, "image" 0.19, "opinion" 0.11 are every trade's words.
KEYWORD_MIN_CONCENTRATION = 0.2
# A title word that heads the titles of more occupations than this ("manager", "technician",
# "specialist") says nothing of the trade.
GENERIC_TITLE_WORD = 300
# Words before a title's head that begin this many occupation names are a trade's name.
TRADE_NAME_TITLES = 3
# An agent noun's activity ("accountant" -> "accounting") joins as an alias when this specific.
TRADE_FORM_SPECIFICITY = 0.35

WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[&+#'][A-Za-z0-9]+)*")
# An upper-case abbreviation the occupation texts do not spell ("FAA", "OSHA", "GAAP") is a
# regulator, standard or licence: specific. Two letters ("IT", "HR") are too ambiguous.
ACRONYM = re.compile(r"[A-Z][A-Z&]{2,5}")
# What a job ad says of itself ("even if you don't meet every requirement", "Job title:"):
# words O*NET and ESCO use of a few trades (recruiters, registrars) but no posting's trade.
_AD_WORDS = frozenset(["requirement", "qualification", "applicant", "title", "posting", "duty"])
_AGENT = re.compile(r"(?:ant|ent|er|or|ist|ian)$")


@lru_cache(maxsize=8)
def _cue_words(lex: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    """Every English word of every cue group ("plus", "preferred", "strong")."""
    return frozenset(w for words in lex for p in words for w in p.lower().split() if p.isascii())


@lru_cache(maxsize=8)
def _structure_words(groups: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    """Words every resume has as structure: degree words and section headings ("school",
    "certifications", "skills"). They say nothing about the trade."""
    return frozenset(lemma(w).lower() for words in groups for p in words for w in WORD.findall(p))


def _stop(lex: Lexicon) -> tuple[frozenset[str], frozenset[str]]:
    cues = _cue_words(tuple(c.words for c in lex.cues))
    structure = _structure_words(tuple(w for _, w in (*lex.education, *lex.sections)))
    return cues, structure


def posting_words(text: str, title: str, lex: Lexicon) -> list[tuple[str, float]]:
    """(word, specificity) for each specific word of ``text``, in order, repeats kept.

    Words inside a lexicon term or the job title are left to those criteria; words the
    occupation texts do not know (names, typos, "experience"), verbs ("maintain"), cue words
    ("plus") and resume structure ("school") are not keywords. Plurals come as singulars.

    Only trade nouns count (``occupations.trade_noun``): "rules" is every occupation group's word.
    Words from ``KEYWORD_REPEATED_SPECIFICITY`` up come back; the compiler keeps those under
    ``KEYWORD_MIN_SPECIFICITY`` only where the posting names them in several clauses.

    >>> posting_words("Plan lessons for the classroom; OSHA rules a plus", "", default())
    [('lesson', 0.42...), ('classroom', 0.40...), ('OSHA', 1.0)]
    """
    covered = [(h.start, h.end) for h in lex.scan(text)]
    low, t = text.lower(), title.lower()
    start = low.find(t) if t else -1
    while start >= 0:
        covered.append((start, start + len(t)))
        start = low.find(t, start + 1)
    cues, structure = _stop(lex)
    inside = _Spans(covered)
    out = []
    for m in WORD.finditer(text):
        word = m.group()
        if inside(m.start()) or len(word) < 3 or "'" in word or negated(text, m.start()):
            continue
        if word.lower() in cues or lemma(word) in structure or lemma(word) in _AD_WORDS:
            continue
        spec = specificity(word)
        if spec is None and ACRONYM.fullmatch(word):
            if english_word(word):
                continue  # "NEW GRADS WELCOME", "NOT required": shouted words, no acronyms
            spec = 1.0
        elif spec is not None and not _trade_noun(word):
            continue
        if spec is None or spec < KEYWORD_REPEATED_SPECIFICITY:
            continue
        out.append((word if ACRONYM.fullmatch(word) else lemma(word), spec))
    return out


# "no DUI in the last 5 years", "without supervision": what a posting rules out.
_NEGATION = re.compile(r"(?<![\w-])(?:no|without|never|zero)\s+(?:[\w-]+\s+)?$", re.I)


def negated(text: str, start: int) -> bool:
    """Whether the word at ``start`` of ``text`` stands under a negation ("no DUI", "no prior
    DUI"): the posting rules it out, it does not ask for it.

    >>> negated("clean MVR, no DUI", 14), negated("CDL, DUI training", 5)
    (True, False)
    """
    return bool(_NEGATION.search(text, max(0, start - 24), start))


class _Spans:
    """Whether an offset lies in any of some spans: merged once, then a binary search."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]

    def __call__(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]


def said_of_the_job(word: str, said: frozenset[str]) -> bool:
    """Whether keyword ``word`` is among ``said``, the words O*NET and ESCO use about the job
    (``occupations.occupation_words``), as written or as a plural; an acronym the occupation
    texts do not know ("OSHA") always is. A machine-translated posting's stray nouns ("behalf", "spirit", "scheme") are
    specific to *some* trade, but not to this job's.

    >>> said = frozenset({"classroom", "lessons"})
    >>> [w for w in ("classroom", "lesson", "behalf", "OSHA") if said_of_the_job(w, said)]
    ['classroom', 'lesson', 'OSHA']
    """
    w = word.lower()
    if word.isupper() and specificity(w) is None:
        return True
    forms = {w, w + "s", w + "es"} | ({w[:-1] + "ies"} if w.endswith("y") else set())
    return not forms.isdisjoint(said)


# Nouns by their ending: "agronomy", "logistics", "engagement" head no phrase in the occupation
# labels (they stand alone there), but no adjective ends so.
_NOUN_ENDING = re.compile(
    r"(?:ology|onomy|ography|ics|ism|ment|ness|ity|tion|sion|ance|ence|ship)s?$"
)


def _trade_noun(word: str) -> bool:
    """Whether ``word`` is a noun of a few trades (``occupations.trade_noun``). A word the labels
    never use as a head is still a noun when it is written as an acronym ("USDA") or ends as
    only nouns do ("agronomy"); "early", "analytical", "seasonal" stay out."""
    conc = trade_noun(word)
    if conc is None and (ACRONYM.fullmatch(word) or _NOUN_ENDING.search(word.lower())):
        conc = concentration(word)
    return conc is not None and conc >= KEYWORD_MIN_CONCENTRATION


_OF_TRADE = re.compile(r"^(.+?)\s+of\s+(?:the\s+)?(.+)$", re.I)
# An office, not a trade: "Vice President", "Head", "Chief" say how high, not in what.
_OFFICE = frozenset({"vice", "president", "head", "chief", "officer", "executive", "director"})
# A licence's adjectives: "Certified Nursing Assistant", "Licensed Practical Nurse" say the
# person holds a licence (a criterion of its own), not which trade.
_LICENSED = frozenset(
    {"certified", "licensed", "registered", "chartered", "accredited", "qualified", "practical"}
)


def title_words(title: str, lex: Lexicon) -> list[tuple[str, tuple[str, ...]]]:
    """(word or phrase, aliases) for each trade word of a job title.

    "Staff Accountant" gives ("accountant", ("accounting",)), "Aviation Maintenance
    Technician" gives ("aviation", ()) and the trade's name "aviation maintenance": a resume
    of the trade names it whatever its exact job title. The head is left out when many
    occupations share it ("Manager", "Technician"). Words before the head that begin at least
    ``TRADE_NAME_TITLES`` occupation names form a trade's name ("human resources", "public
    relations"); a word of it that is no trade's noun on its own ("human", "relations") is only
    part of the name. Its initials join as an alias when titles use them ("HR Generalist").

    >>> title_words("Aviation Maintenance Technician", default())
    [('aviation', ()), ('aviation maintenance', ())]
    >>> title_words("Human Resources Generalist", default())
    [('human resources', ('HR',)), ('generalist', ())]
    >>> title_words("Vice President of Finance", default())
    [('finance', ())]
    """
    df = word_df()[1]
    _, structure = _stop(lex)
    # "Director of Engineering", "Vice President of Finance": the trade stands after "of"
    if of := _OF_TRADE.match(title):
        title = f"{of.group(2)} {of.group(1)}"
    found = list(WORD.finditer(title))
    while len(found) > 1 and found[-1].group().lower() in RANK_WORDS:
        found.pop()  # "Software Engineer II": the head is "Engineer"
    mods = [m.group() for m in found[:-1]]
    name = ""
    for i in range(len(mods) - 1):
        if mods[i].lower() in RANK_WORDS:
            continue
        phrase = " ".join(w if w.isupper() else w.lower() for w in mods[i:])
        if titles_starting(phrase) >= TRADE_NAME_TITLES:
            name = phrase
            break
    named = set(name.lower().split())
    # The name's initials are an alias when titles use them the same way ("HR Generalist").
    initials = "".join(w[0] for w in name.split()).upper()
    forms = (
        (initials,) if len(initials) > 1 and titles_starting(initials) >= TRADE_NAME_TITLES else ()
    )
    out = []
    for m in found:
        spec = specificity(m.group())
        word = m.group() if ACRONYM.fullmatch(m.group()) else lemma(m.group())
        if (
            spec is None
            # a trade name's own words alone ("machine" of "machine learning") as any word
            or spec
            < (
                TITLE_MODIFIER_SPECIFICITY
                if m is not found[-1] and m.group().lower() not in named
                else KEYWORD_MIN_SPECIFICITY
            )
            or word in structure
            or word in RANK_WORDS
            or word in _OFFICE
            or word in _LICENSED
        ):
            continue
        if m is found[-1] and df.get(word, 0) > GENERIC_TITLE_WORD:
            continue
        if m.group().lower() in named and not _trade_noun(word):
            continue  # "human" of "human resources"
        out.append((word, trade_forms(word)))
        if name and m.end() == found[len(mods) - 1].end():
            out.append((name, forms))
            name = ""
    if name:
        # the name's words were all too weak alone; place it where the modifiers end
        k = next((k for k, (w, _) in enumerate(out) if w not in named), len(out))
        out.insert(k, (name, forms))
    return out


def trade_forms(word: str) -> tuple[str, ...]:
    """The activity an agent noun does, when it is itself specific.

    >>> trade_forms("accountant"), trade_forms("banker"), trade_forms("trainer")
    (('accounting',), ('banking',), ())
    """
    m = _AGENT.search(word)
    if not m or m.start() < 4:
        return ()
    stem = word[: m.start()]
    out = []
    for form in (stem + "ing", stem + "ion", stem + "ation"):
        spec = specificity(form)
        if spec is not None and spec >= TRADE_FORM_SPECIFICITY:
            out.append(form)
    return tuple(out[:2])


def default() -> Lexicon:
    """The shipped lexicon (for the examples above)."""
    from matcher.vocab.lexicon import default_lexicon

    return default_lexicon()
