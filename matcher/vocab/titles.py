"""Titles: a job title in, the job names it holds and how near another title is to it out.

Input is a title as a posting or a resume writes it ("Airline Pilots, Copilots, and Flight
Engineers", "Senior Staff Accountant (Hybrid)", "ENGINEERING MANAGER") and the O*NET and ESCO
job names of ``matcher.vocab.occupations``; output is plain values: the job names a resume
would use (``job_names``: singular, without qualifiers, compounds split) and the similarity of
two titles (``title_similarity``, 0 to 1: shared words weighed by how rarely job names use them,
so "consultant" counts and "manager" little). The compiler makes title criteria from the first;
scoring gives a title that is near but not equal to the job's part of its credit by the second.
``reads_as_title`` tells a resume's headline ("VICTIM ADVOCATE") from its writer's name, for
blind mode.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

import snowballstemmer

from matcher.text import normalize, normalize_term
from matcher.vocab.lexicon import title_groups
from matcher.vocab.occupations import (
    RANK_WORDS,
    english_name,
    lemma,
    names_by_occupation,
    occupation_names,
)

# A word that ends at least this share of the job names it is in, and two or more of them, names
# the person doing a job ("teacher", "pilot", "copilot", "manager"), not a trade or a place.
HEAD_SHARE = 0.5
# What a posting adds after the job's name: "(Remote)", " - Night Shift", " | Downtown",
# " / Azure", ", Except Special Education", ", Including Painters".
# Linear time on any text (issue 14; a line of 2,000 blanks took 9 s): a match starts where
# a run of blanks starts (the same leftmost match; no retry from inside the run), and a run
# that must be followed by a word is taken whole (``\s++``), never given back a blank at a time.
_QUALIFIERS = re.compile(
    r"(?<!\s)\s*+(?:[(（\[][^()（）\[\]]*[)）\]]|(?<=\s)[-–—|]\s.*|(?<=\s)/\s+.*"
    r"|[,;]\s*(?:except|excluding|including|all other|other than)\b.*)\s*$",
    re.I,
)
# What a posting's headline says around the job's name: "Now hiring: Line Cook", "Join us as a
# Barista", "Line Cook wanted at The Blue Door Bistro", "Barista @ Bean There". Bounded
# quantifiers and literal anchors only: linear on any line.
_LEAD_IN = re.compile(
    r"^(?:(?:now|urgently|we(?:'re|\s+are))\s+hiring\b[:!\s-]*(?:an?\s+)?"
    r"|hiring\s*[:!-]\s*(?:an?\s+)?|hiring\s+an?\s+"
    r"|join\s+(?:us|our\s+team)\s+as\s+(?:an?\s+)?"
    r"|(?:we(?:'re|\s+are)\s+)?(?:looking\s+for|seeking)\s+(?:an?\s+)?"
    r"|(?:wanted|opening|vacancy)\s*[:!-]\s*)",
    re.I,
)
_TAIL = re.compile(r"(?<!\s)\s++(?:(?:wanted|needed)\b|(?:at|@)\s)", re.I)
_INCLUDED = re.compile(r",\s*including\s+(.+?)(?:,\s*except\b.*)?$", re.I)
_PARTS = re.compile(r"(?<!\s)\s++(?:and|or|&)\s+|(?<!\s)\s*+[&/]\s*", re.I)
_LEVELS = frozenset({"i", "ii", "iii", "iv", "v", "remote", "hybrid", "onsite", "contract"})
_FILLER = frozenset({"other", "all"})
_OF = re.compile(r"^(.+?)(?<!\s)(\s++(?:of|for|responsible\s+for|in\s+charge\s+of)\s+.+)$", re.I)
_RESPONSIBLE = re.compile(r"(?<!\s)\s++(?:responsible|in\s+charge)\b", re.I)


@lru_cache(maxsize=1)
def head_words() -> frozenset[str]:
    """Words that name the person doing a job: they end most of the job names they are in.

    >>> {"teacher", "copilot", "manager"} <= head_words(), "school" in head_words()
    (True, False)
    """
    last: dict[str, int] = {}
    every: dict[str, int] = {}
    for names in names_by_occupation():  # a word counts once per occupation and place
        for w in {w for n in names for w in n.split()}:
            every[w] = every.get(w, 0) + 1
        for w in {n.split()[-1] for n in names if n}:
            last[w] = last.get(w, 0) + 1
    return frozenset(w for w, c in last.items() if c >= 2 and c >= HEAD_SHARE * every[w])


def is_head(word: str) -> bool:
    """Whether ``word`` (any case, singular or plural) names a person's job: "Teachers"."""
    return lemma(word) in head_words()


def agent_forms(activity: str) -> tuple[str, ...]:
    """The people who do an activity, where job names call them so: "teaching" -> "teacher",
    "nursing" -> "nurse", "accounting" -> "accountant" (the field of a years criterion names
    its roles by them too).

    >>> agent_forms("teaching"), agent_forms("nursing"), agent_forms("accounting")
    (('teacher',), ('nurse',), ('accountant',))
    """
    w = activity.lower()
    if not w.endswith("ing") or len(w) < 6:
        return ()
    stem = w[:-3]
    forms = (stem + "er", stem + "or", stem + "e", stem + "ant", stem + "ist", stem)
    return tuple(dict.fromkeys(f for f in forms if f in head_words()))


def _singular(word: str) -> str:
    """The singular of a title's head, in its own case ("Teachers" -> "Teacher")."""
    low = lemma(word)
    if low == word.lower() or (word.isupper() and len(word) <= 4):
        return word
    return word[: len(low)] if word.lower().startswith(low) else low


_YEAR = re.compile(r"^(?:19|20)\d\d\s+(?=[A-Za-z])")
_PROGRAMMES = {"internship": "Intern", "traineeship": "Trainee", "apprenticeship": "Apprentice"}
_PROGRAMME = re.compile(r"\b(internship|traineeship|apprenticeship)s?\b", re.I)


@lru_cache(maxsize=4096)
def job_names(title: str) -> tuple[str, ...]:
    """The job names a resume would use for a title: qualifiers dropped ("(Remote)",
    " - Night Shift", ", Except Special Education"), what a headline says around the name
    ("Now hiring:", "wanted at The Blue Door Bistro"), rank words dropped ("Senior", "II"),
    compounds split ("Airline Pilots, Copilots, and Flight Engineers"), a shared head
    distributed ("Financial and Investment Analysts"), heads made singular, what an
    "Including" list names added. () when no part of the title names a person's job.

    >>> job_names("Airline Pilots, Copilots, and Flight Engineers")
    ('Airline Pilot', 'Copilot', 'Flight Engineer')
    >>> job_names("Elementary School Teachers, Except Special Education")
    ('Elementary School Teacher',)
    >>> job_names("Financial and Investment Analysts"), job_names("Senior Staff Accountant (Hybrid)")
    (('Financial Analyst', 'Investment Analyst'), ('Accountant',))
    >>> job_names("Cedar Hollow Public Schools")
    ()
    >>> job_names("Line Cook wanted at The Blue Door Bistro"), job_names("Now hiring: Baristas")
    (('Line Cook',), ('Barista',))
    >>> job_names("2027 Summer Analyst Internship - Software Engineering (New York)")
    ('Analyst Intern',)
    """
    text = " ".join(normalize(title).split())
    text = _LEAD_IN.sub("", text, count=1) or text
    # "2027 Summer Analyst Internship": the programme's year goes, its intern stays
    text = _PROGRAMME.sub(lambda m: _PROGRAMMES[m.group(1).lower()], _YEAR.sub("", text))
    if (tail := _TAIL.search(text)) is not None and tail.start() > 0:
        text = text[: tail.start()]
    included = _INCLUDED.search(text)
    while (cut := _QUALIFIERS.sub("", text)) != text and cut:
        text = cut
    out: list[str] = []
    for k, segment in enumerate(s for s in re.split(r"\s*[,;]\s*", text) if s):
        for name in _segment_names(re.sub(r"^(?:and|or|&)\s+", "", segment, flags=re.I)):
            if name.lower() not in (n.lower() for n in out):
                out.append(name)
        if k == 0 and not out:
            break  # the first part names no job: what follows qualifies nothing
    if included and out:
        for name in job_names(included.group(1)):
            if name.lower() not in (n.lower() for n in out):
                out.append(name)
    return tuple(out)


def _segment_names(segment: str) -> list[str]:
    """The job names of one comma-separated part: "Exercise Trainers and Group Fitness
    Instructors" gives two; "Network and Computer Systems Administrators" lends its head."""
    of = _OF.match(segment)
    if of and _RESPONSIBLE.match(of.group(2)) and is_head(of.group(1).split()[-1]):
        words = of.group(1).split()  # "Nurses responsible for general care": a nurse
        return [" ".join([*words[:-1], _singular(words[-1])])]
    if of and (is_head(of.group(1).split()[-1]) or of.group(1).split()[-1].lower() in RANK_WORDS):
        # "Director of Sales and Marketing": one job, whatever its field joins with "and"
        words = [w for w in of.group(1).split() if w.lower() not in RANK_WORDS] or [of.group(1)]
        return [" ".join([*words[:-1], _singular(words[-1])]) + of.group(2)]
    parts: list[list[str]] = []
    for piece in _PARTS.split(segment):
        words = [w for w in piece.split() if w.lower() not in _FILLER]
        while len(words) > 1 and words[0].lower() in RANK_WORDS:
            words = words[1:]
        while len(words) > 1 and words[-1].lower() in _LEVELS:
            words = words[:-1]
        if words:
            parts.append(words)
    known = _known_names()
    # The head a part may borrow: that of the nearest later part that ends in one (found in one
    # pass from the end; looking ahead from every part was quadratic in a line of 5,000 "x /").
    borrowable: list[str | None] = [None] * len(parts)
    for i in range(len(parts) - 2, -1, -1):
        after = parts[i + 1][-1]
        borrowable[i] = after if is_head(after) else borrowable[i + 1]
    out = []
    for i, words in enumerate(parts):
        named = len(words) > 1 and normalize_term(" ".join(words)) in known
        if not (is_head(words[-1]) or named):
            borrowed = borrowable[i]
            if borrowed is None:
                continue  # "Wholesale and Manufacturing": no job
            words = [*words, borrowed]
        out.append(" ".join([*words[:-1], _singular(words[-1])]))
    return out


@lru_cache(maxsize=1)
def _known_names() -> frozenset[str]:
    return frozenset(occupation_names())


# ---------------------------------------------------------------- how near two titles are

_STEMMER = snowballstemmer.stemmer("english")
_WORD = re.compile(r"[a-z][a-z0-9+#]*")
# Words that say nothing of which job: joining words and ranks.
_NOT_JOB = frozenset({"of", "and", "the", "for", "in", "at", "to", "a", "an", "with", "or"})


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return str(_STEMMER.stemWord(word))


@lru_cache(maxsize=65536)
def title_stems(title: str) -> frozenset[str]:
    """The telling words of a title as stems: derivations meet ("engineering" ~ "engineer",
    "accounting" ~ "accountant"), ranks and joining words are left out.

    >>> sorted(title_stems("Senior Engineering Manager of Sales"))
    ['engin', 'manag', 'sale']
    """
    return frozenset(_stem(w) for w in _telling_words(title))


def _telling_words(title: str) -> list[str]:
    """A title's words less joining words, ranks and levels ("Senior", "II")."""
    return [
        w
        for w in _WORD.findall(title.lower())
        if w not in _NOT_JOB and w not in RANK_WORDS and w not in _LEVELS
    ]


def shares_qualifier(one: str, other: str) -> bool:
    """Whether two titles share a word that says which job it is, besides the person-word
    that ends them: "Sales Associate" and "Sales Manager" do ("sales"); "Analyst" and
    "Business Analyst" do not (a bare head tells no trade), nor "Account Executive" and
    "Accountant" (the stem they share is a qualifier in one and the head in the other).

    >>> shares_qualifier("Pastry Cook", "Pastry Chef"), shares_qualifier("Analyst", "Business Analyst")
    (True, False)
    >>> shares_qualifier("Sr. Account Executive", "Accountant")
    False
    """
    return bool(qualifier_stems(one) & qualifier_stems(other))


def qualifier_stems(title: str) -> frozenset[str]:
    """The stems of a title's words that say which job it is, besides its person-word:
    "product" of "Product manager", "pastri" of "Pastry Chef"; none for "Manager".

    >>> sorted(qualifier_stems("Senior Product Manager")), qualifier_stems("Manager")
    (['product'], frozenset())
    """
    return frozenset(_stem(w) for w in _telling_words(title) if not is_head(w))


def words_stems(text: str) -> frozenset[str]:
    """The stems of every word of ``text`` (lower-cased), as ``title_stems`` makes them."""
    return frozenset(_stem(w) for w in _WORD.findall(text.lower()))


@lru_cache(maxsize=1)
def _stem_df() -> tuple[int, dict[str, int]]:
    """(job names, how many job names hold each stem) over O*NET and ESCO."""
    df: dict[str, int] = {}
    names = occupation_names()
    for name in names:
        for s in title_stems(name):
            df[s] = df.get(s, 0) + 1
    return len(names), df


@lru_cache(maxsize=65536)
def stem_weight(stem: str) -> float:
    """How much a title word tells one job from another: its idf over job names."""
    n, df = _stem_df()
    return math.log((n + 1) / (df.get(stem, 0) + 1))


def title_similarity(one: str, other: str) -> float:
    """How near two titles are, 0 to 1: the weight of the words they share over the weight of
    all their words (weighted Dice), words weighed by ``stem_weight``.

    >>> round(title_similarity("ACCOUNTANT III", "Accountant"), 2)
    1.0
    >>> title_similarity("CONSULTANT", "Management Consultant") > 0.6
    True
    >>> title_similarity("Chef", "Registered Nurse")
    0.0
    """
    a, b = title_stems(one), title_stems(other)
    if not a or not b or a.isdisjoint(b):
        return 0.0
    shared = _weight(frozenset(a & b))
    whole = _weight(a) + _weight(b)
    return 2 * shared / whole if whole > 0 else 0.0


@lru_cache(maxsize=65536)
def _weight(stems: frozenset[str]) -> float:
    """The summed ``stem_weight`` of some stems, in sorted order: a set's order follows string
    hashing, which differs from one process to the next, and float sums in another order differ
    in the last bit (a worker or a Dask worker would then write other evidence bytes than the
    parent). Cached: a resume's titles meet every rubric's job names."""
    return sum(stem_weight(s) for s in sorted(stems))


def same_job(name: str, title: str) -> bool:
    """Whether a taxonomy's ``name`` is plausibly another name of the job called ``title``,
    not a sibling job the taxonomy files with it or reached through a shared word.

    A name must name a person (end in a head word: "developer", not "mining") or be an
    abbreviation ("CPA"). With the title's head ("Cost Accountant" for "Accountant") its
    qualifiers are judged where the occupations are read (``occupations._another_job``); with
    another head it may only rename the person: every word before its head must be one of the
    title's ("Aircraft Mechanic" for "Aircraft Maintenance Technician", "product developer" for
    "Product manager"), so ESCO's "sports product engineer", filed under product manager, is
    not a product manager's name.

    >>> same_job("product developer", "Product manager")
    True
    >>> same_job("sports product engineer", "Product manager"), same_job("mining", "Mechanical Engineer")
    (False, False)
    >>> same_job("CPA", "Accountant"), same_job("Auditor", "Accountant")
    (True, True)
    """
    words = _WORD.findall(name.lower())
    title = english_name(title)
    if not words or not name.isascii() or not title:
        return True  # a curated other-language name: the title table vouches for it
    if re.fullmatch(r"[A-Z]{2,6}", name.strip()):
        return True
    if not is_head(words[-1]):
        return False
    mine = _telling_words(title)
    if not mine or lemma(words[-1]) == lemma(mine[-1]):
        return True
    stems = {_stem(w) for w in mine}
    return all(
        any(_same_stem(_stem(w), s) for s in stems)
        for w in words[:-1]
        if w not in RANK_WORDS and w not in _NOT_JOB
    )


def _same_stem(one: str, other: str) -> bool:
    """Stems of one word family: equal, or one a long prefix of the other ("agronomi" of
    "agronomy", "agronomist"; the stemmer keeps agent nouns whole)."""
    if one == other:
        return True
    short, long_ = sorted((one, other), key=len)
    return len(short) >= 6 and long_.startswith(short[:-1]) and len(short) - 1 >= 0.75 * len(short)


# ---------------------------------------------------------------- a title or a name

# A word this many job names use is a title word ("customer", "construction", "claims"); a given
# name seldom is ("jack" is, in 19 of them: "jack operator"; "mark", "will" and "joy" are not).
TITLE_WORD_NAMES = 10


@lru_cache(maxsize=1)
def _title_word_counts() -> dict[str, int]:
    """How many job names (O*NET, ESCO and the lexicon's English titles) use each word."""
    english = {normalize_term(n) for names in title_groups() for n in names if n.isascii()}
    counts: dict[str, int] = {}
    for name in _known_names() | english:
        for w in set(name.split()):
            counts[w] = counts.get(w, 0) + 1
    return counts


def reads_as_title(line: str) -> bool:
    """Whether a line reads as a job title rather than a person's name: a job name O*NET or
    ESCO knows, or a line of two or more title words that make at least half of its words. A
    title word names the person doing a job ("advocate", "baker"), is a rank ("deputy") or is
    used by ``TITLE_WORD_NAMES`` job names or more ("customer", "construction"). A given name
    is seldom a title word, so "Tom Baker" stays a name while "Victim Advocate" is a title.

    >>> reads_as_title("CUSTOMER SERVICE ADVOCATE"), reads_as_title("Superintendent II")
    (True, True)
    >>> reads_as_title("Tom Baker"), reads_as_title("Daiana Rocha")
    (False, False)
    """
    words = [w for w in _WORD.findall(normalize_term(line)) if w not in _NOT_JOB | _LEVELS]
    if not words:
        return False
    if " ".join(words) in _known_names():
        return True
    counts = _title_word_counts()
    hits = sum(
        is_head(w)
        or w in RANK_WORDS
        or max(counts.get(w, 0), counts.get(lemma(w), 0)) >= TITLE_WORD_NAMES
        for w in words
    )
    return hits >= 2 and 2 * hits >= len(words)
