"""Lexicon: the shipped vocabulary (terms and aliases, cue words, degree words, section headings).

Input is ``matcher/data/lexicon.toml`` (the curated table) and ``matcher/data/lexicon_derived.tsv``
(terms derived from ESCO, O*NET and THUOCL by ``tools/lexicon`` (``make lexicon``)), both package data;
output is a frozen ``Lexicon`` value whose ``scan`` finds every known term in a text in one
pass. Compiler and resume understanding read words from here instead of hard-coding them, so a
change of vocabulary is a data change. The curated English-Chinese job-title groups are read
here too (``title_groups``); the O*NET and ESCO job titles and trade words are the next step's,
``matcher.vocab.occupations``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Any

import simplemma

from matcher.text import (
    TermIndex,
    fold,
    has_cjk,
    in_capitals,
    normalize,
    normalize_term,
    tokenize,
)
from matcher.vocab.kinds import Kind, as_kind

# A term may carry at most this many aliases: scoring tries each, and a person reads them all.
MAX_ALIASES = 30


@dataclass(frozen=True, slots=True)
class Term:
    """A canonical term, its criterion kind and the other ways people write it.

    ``source`` is "curated" for the hand-made table, or "esco", "onet", "thuocl" for derived
    terms (the compiler trusts those less). ``weight``, when set, replaces the kind's base
    weight for this term.
    """

    label: str
    kind: Kind
    aliases: tuple[str, ...]
    source: str = "curated"
    weight: float | None = None  # a base weight of its own (clerical duties weigh less)


@dataclass(frozen=True, slots=True)
class Cue:
    """Words that change how much a clause's criteria count.

    ``factor`` multiplies the weight (0 drops the clause: working conditions, boilerplate);
    ``required`` marks the criteria required. Cue groups are tried in file order; the first
    group with a word in the clause decides.
    """

    name: str
    words: tuple[str, ...]
    factor: float
    required: bool


@dataclass(frozen=True, slots=True)
class Hit:
    """A term found by ``Lexicon.scan``: characters ``start:end`` of the scanned text."""

    start: int
    end: int
    term: Term


@dataclass(frozen=True, slots=True)
class _Index:
    terms: TermIndex  # every surface (label or alias) as tokens
    owner: dict[str, Term]  # surface -> the term that owns it (the first, curated first)
    cased: frozenset[str] = frozenset()  # surfaces that count only in capitals ("CALM")


def _build_index(terms: tuple[Term, ...]) -> _Index:
    owner: dict[str, Term] = {}
    for t in terms:
        for s in (t.label, *t.aliases):
            owner.setdefault(normalize_term(s), t)  # the first (curated) owner keeps it
    # A phrase's plural names the same thing ("functional requirements specifications",
    # "unit tests"); a surface of its own keeps it, so the plural never takes another's.
    for surface, t in list(owner.items()):
        plural = _plural(surface)
        if plural:
            owner.setdefault(plural, t)
    cased = frozenset(
        normalize_term(s) for t in terms for s in (t.label, *t.aliases) if capitals_only(s)
    )
    return _Index(TermIndex(owner), owner, cased)


def _plural(surface: str) -> str | None:
    """The plural of an English phrase of two or more words ending in a plain noun, or None:
    "requirements specification" -> "requirements specifications"; one word ("sale"), a
    word already ending in s or a non-letter ("node.js") gives None."""
    words = surface.split(" ")
    last = words[-1]
    if len(words) < 2 or not surface.isascii() or not last.isalpha() or len(last) < 3:
        return None
    if last.endswith(("s", "x", "z", "sh", "ch")):
        return None
    if last.endswith("y") and last[-2] not in "aeiou":
        return " ".join([*words[:-1], last[:-1] + "ies"])
    return " ".join([*words[:-1], last + "s"])


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything the compiler and the resume reader look words up in."""

    terms: tuple[Term, ...]
    kind_weights: tuple[tuple[str, float], ...]
    cues: tuple[Cue, ...]
    education: tuple[tuple[str, tuple[str, ...]], ...]  # level -> degree words, strongest first
    sections: tuple[tuple[str, tuple[str, ...]], ...]  # canonical section -> headings
    _index: _Index = field(init=False, compare=False, hash=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", _build_index(self.terms))

    def vague(self, label: str) -> bool:
        """Whether ``label`` names no thing in particular ("mainstream frameworks", "主流框架",
        "tools"): the ``[vague]`` table of ``data/lexicon.toml``.

        >>> lex = default_lexicon()
        >>> lex.vague("mainstream frameworks"), lex.vague("主流框架"), lex.vague("Spring")
        (True, True, False)
        """
        mods, heads = _vague_words()
        low = normalize_term(label)
        words = low.split()
        if not words:
            return False
        if words[0] in mods or any(low.startswith(m) for m in mods if has_cjk(m)):
            return True
        rest = low
        for h in sorted((h for h in heads if has_cjk(h)), key=len, reverse=True):
            rest = rest.replace(h, " ")
        return all(w in heads for w in rest.split())

    def kind_weight(self, kind: str) -> float:
        """The base weight of a criterion of ``kind``."""
        return dict(self.kind_weights).get(kind, 1.0)

    def base_weight(self, term: Term) -> float:
        """The weight a criterion for ``term`` starts from: its own, else its kind's."""
        return term.weight if term.weight is not None else self.kind_weight(term.kind)

    def cue(self, name: str) -> Cue | None:
        """The cue group called ``name`` ("required", "preferred", "noise"...), if any."""
        return next((c for c in self.cues if c.name == name), None)

    def by_surface(self) -> dict[str, Term]:
        """Every label and alias (``normalize_term``-ed) mapped to its term."""
        return _surface_index(self.terms)

    def scan(self, text: str) -> list[Hit]:
        """Every known term in ``text``, in one pass over its tokens.

        Latin terms match whole words only ("java" not in "javascript", "c" not in "c++");
        Chinese terms match where they stand. A hit inside a longer hit is dropped
        ("data analysis" inside "big data analysis" if the latter is a term), overlapping
        hits are both kept. Offsets refer to ``text``.

        >>> [h.term.label for h in default_lexicon().scan("Must know SQL, PowerPoint and 竞品分析")]
        ['SQL', 'PPT', 'competitive analysis']
        """
        idx = self._index
        folded = fold(normalize(text)) if not text.isascii() else text.lower()
        hits: list[Hit] = []
        last = -1
        written = text if text.isascii() else normalize(text)
        for start, end, surface in idx.terms.find(folded, tokenize(folded)):
            if surface in idx.cased and not in_capitals(written, start, end):
                continue  # "a calm head" is no CALM, "12 hr shifts" no HR
            if start != last:  # the longest at each start comes first
                hits.append(Hit(start, end, idx.owner[surface]))
                last = start
        # Hits come in start order, one per start: a hit lies inside a longer one exactly when
        # an earlier hit reaches as far (one pass, not every pair: a 100 kB line stays fast).
        kept: list[Hit] = []
        reach = -1
        for h in hits:
            if reach < h.end:
                kept.append(h)
            reach = max(reach, h.end)
        return kept


@lru_cache(maxsize=8)
def _surface_index(terms: tuple[Term, ...]) -> dict[str, Term]:
    out: dict[str, Term] = {}
    for t in terms:
        for s in (t.label, *t.aliases):
            out.setdefault(normalize_term(s), t)
    return out


def _derived() -> list[Term]:
    """Terms from ``data/lexicon_derived.tsv`` (absent file: none)."""
    path = files("matcher").joinpath("data/lexicon_derived.tsv")
    if not path.is_file():
        return []
    out = []
    for line in path.read_text("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        kind, source, label, aliases = line.split("\t")
        out.append(Term(label, as_kind(kind), tuple(a for a in aliases.split("|") if a), source))
    return out


def merge_terms(curated: list[Term], derived: list[Term]) -> tuple[Term, ...]:
    """Curated terms first; a derived term whose label is a curated name lends it its aliases.

    A derived surface already owned by a curated term never becomes a second term, so
    "SQL" stays the curated SQL (with ESCO's "structured query language" as an extra alias).
    """
    owner: dict[str, int] = {}
    merged = [list((t.label, *t.aliases)) for t in curated]
    for i, names in enumerate(merged):
        for s in names:
            owner.setdefault(normalize_term(s), i)
    extra: list[Term] = []
    for t in derived:
        names = [t.label, *t.aliases]
        # Only a shared label merges (see tools/lexicon/build.py for why not a shared alias).
        hit = owner.get(normalize_term(t.label))
        if hit is None:
            free = tuple(a for a in t.aliases if normalize_term(a) not in owner)
            extra.append(Term(t.label, t.kind, free, t.source))
            continue
        for s in names:
            if normalize_term(s) not in owner and len(merged[hit]) <= MAX_ALIASES:
                merged[hit].append(s)
                owner[normalize_term(s)] = hit
    out = [
        Term(c.label, c.kind, tuple(m[1:]), c.source, c.weight)
        for c, m in zip(curated, merged, strict=True)
    ]
    return tuple(out + extra)


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    """``data/lexicon.toml`` parsed once (callers only read it)."""
    return tomllib.loads(files("matcher").joinpath("data/lexicon.toml").read_text("utf-8"))


@lru_cache(maxsize=1)
def _vague_words() -> tuple[frozenset[str], frozenset[str]]:
    """(modifiers, heads) of the ``[vague]`` table, folded."""
    raw = _table().get("vague", {})
    return (
        frozenset(normalize_term(w) for w in raw.get("modifiers", ())),
        frozenset(normalize_term(w) for w in raw.get("heads", ())),
    )


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon shipped with matcher (read once; the value is immutable)."""
    raw = _table()
    curated = [
        Term(
            t["label"], as_kind(t["kind"]), tuple(t.get("aliases", ())), "curated", t.get("weight")
        )
        for t in raw["terms"]
    ]
    cues = tuple(
        Cue(name, tuple(c["words"]), float(c["factor"]), bool(c.get("required", False)))
        for name, c in raw["cues"].items()
    )
    return Lexicon(
        terms=merge_terms(curated, _derived()),
        kind_weights=tuple((k, float(v)) for k, v in raw["kinds"].items()),
        cues=cues,
        education=tuple((k, tuple(v)) for k, v in raw["education"].items()),
        sections=tuple((k, tuple(v)) for k, v in raw["sections"].items()),
    )


@lru_cache(maxsize=1)
def title_groups() -> tuple[tuple[str, ...], ...]:
    """The curated job-title groups (``[[titles]]`` in ``data/lexicon.toml``): each group is
    one job's English and Chinese names, which ``matcher.vocab.occupations.title_names`` maps to
    each other.

    >>> title_groups()[0]
    ('product manager', '产品经理', '产品专员', '产品主管')
    """
    return tuple(tuple(group["names"]) for group in _table().get("titles", ()))


def capitals_only(term: str) -> bool:
    """Whether ``term`` counts only where it stands in capitals, in postings and resumes alike:
    an acronym of three letters or more that is also a word in lower case ("CALM" in "a calm
    head", "PALS"). Scoring also holds two-letter terms to capitals ("HR" in "12 hr shifts");
    postings write "js" of "Node.js" in lower case, so the compiler does not.

    >>> capitals_only("CALM"), capitals_only("SQL"), capitals_only("Excel"), capitals_only("HR")
    (True, False, False, False)
    """
    if len(term) < 3 or not (term.isascii() and term.isalpha() and term.isupper()):
        return False
    return _english_word(term.lower())


def english_word(word: str) -> bool:
    """Whether ``word`` is a word of English as the language writes it in lower case
    ("outreach", "gong"), not a name ("Splunk"): simplemma's English dictionary.

    >>> english_word("Outreach"), english_word("Splunk")
    (True, False)
    """
    return _english_word(word.lower())


@lru_cache(maxsize=65536)
def _english_word(word: str) -> bool:
    return bool(simplemma.is_known(word, lang="en"))
