"""Lexicon: the shipped vocabulary (terms and aliases, cue words, degree words, section headings).

Input is ``matcher/data/lexicon.toml`` (the curated table) and ``matcher/data/lexicon_derived.tsv``
(terms derived from ESCO, O*NET and THUOCL by ``bench/build_lexicon.py``), both package data;
output is a frozen ``Lexicon`` value whose ``scan`` finds every known term in a text in one
pass. Compiler and resume understanding read words from here instead of hard-coding them, so a
change of vocabulary is a data change.
"""

from __future__ import annotations

import gzip
import math
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

from matcher.text import fold, normalize, normalize_term

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
    kind: str
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


# Latin words (with a trailing + or #: c++, c#), single CJK characters, and any other
# punctuation as its own token; spaces, hyphens and underscores only separate.
_TOKEN = re.compile(r"[a-z0-9]+[+#]*|[\u3400-\u9fff]|[^\sa-z0-9\-_\u3400-\u9fff]")


def _tokens(folded: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(folded)]


@dataclass(frozen=True, slots=True)
class _Index:
    keys: dict[tuple[str, ...], Term]
    longest: dict[str, int]  # first token -> longest key starting with it


def _build_index(terms: tuple[Term, ...]) -> _Index:
    keys: dict[tuple[str, ...], Term] = {}
    longest: dict[str, int] = {}
    for t in terms:
        for s in (t.label, *t.aliases):
            key = tuple(tok for tok, _, _ in _tokens(normalize_term(s)))
            if not key or key in keys:
                continue  # the first (curated) owner of a surface keeps it
            keys[key] = t
            longest[key[0]] = max(longest.get(key[0], 0), len(key))
    return _Index(keys, longest)


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

    def kind_weight(self, kind: str) -> float:
        """The base weight of a criterion of ``kind``."""
        return dict(self.kind_weights).get(kind, 1.0)

    def base_weight(self, term: Term) -> float:
        """The weight a criterion for ``term`` starts from: its own, else its kind's."""
        return term.weight if term.weight is not None else self.kind_weight(term.kind)

    def cue(self, name: str) -> Cue | None:
        """The cue group called ``name`` ("required", "preferred", "noise"...), if any."""
        return next((c for c in self.cues if c.name == name), None)

    @property
    def required_cues(self) -> tuple[str, ...]:
        """Words of the "required" cue group (kept from the first lexicon format)."""
        cue = self.cue("required")
        return cue.words if cue else ()

    @property
    def preferred_cues(self) -> tuple[str, ...]:
        """Words of the "preferred" cue group (kept from the first lexicon format)."""
        cue = self.cue("preferred")
        return cue.words if cue else ()

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
        toks = _tokens(fold(normalize(text)) if not text.isascii() else text.lower())
        words = [t for t, _, _ in toks]
        hits: list[Hit] = []
        for i, w in enumerate(words):
            top = idx.longest.get(w, 0)
            for n in range(min(top, len(words) - i), 0, -1):
                term = idx.keys.get(tuple(words[i : i + n]))
                if term is not None:
                    hits.append(Hit(toks[i][1], toks[i + n - 1][2], term))
                    break  # the longest at this start
        return [
            h
            for h in hits
            if not any(
                o is not h
                and o.start <= h.start
                and h.end <= o.end
                and o.end - o.start > h.end - h.start
                for o in hits
            )
        ]


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
        out.append(Term(label, kind, tuple(a for a in aliases.split("|") if a), source))
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
        # Only a shared label merges (see bench/build_lexicon.py for why not a shared alias).
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
def default_lexicon() -> Lexicon:
    """The lexicon shipped with matcher (read once; the value is immutable)."""
    raw = tomllib.loads(files("matcher").joinpath("data/lexicon.toml").read_text("utf-8"))
    curated = [
        Term(t["label"], t["kind"], tuple(t.get("aliases", ())), "curated", t.get("weight"))
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


# ---------------------------------------------------------------- job titles and trade words

_TITLE_NAMES = 12  # aliases a title criterion carries at most
_GENERIC_HEAD = 300  # a one-word title used by more occupations than this says too little


@dataclass(frozen=True, slots=True)
class _Titles:
    lines: tuple[tuple[tuple[str, ...], frozenset[str]], ...]  # (names, every name folded)
    index: dict[str, tuple[int, ...]]  # folded name -> lines holding it
    words: tuple[str, ...] = ()  # per line: trade nouns of the occupation's texts, space-separated


@lru_cache(maxsize=1)
def _titles() -> _Titles:
    """``data/titles.tsv.gz`` (absent file: no titles), read on first use only."""
    path = files("matcher").joinpath("data/titles.tsv.gz")
    if not path.is_file():
        return _Titles((), {})
    lines: list[tuple[tuple[str, ...], frozenset[str]]] = []
    index: dict[str, list[int]] = {}
    words: list[str] = []
    for row in gzip.decompress(path.read_bytes()).decode("utf-8").splitlines():
        if row.startswith("#"):
            continue
        names, _, rest = row.partition("\t")
        other, _, said = rest.partition("\t")
        words.append(said)
        shown = tuple(" ".join(normalize(n).split()) for n in names.split("|") if n.strip())
        every = frozenset(normalize_term(n) for n in (*shown, *other.split("|")) if n)
        for n in sorted(every):
            index.setdefault(n, []).append(len(lines))
        lines.append((shown, every))
    return _Titles(tuple(lines), {k: tuple(v) for k, v in index.items()}, tuple(words))


@lru_cache(maxsize=1)
def _bilingual() -> dict[str, tuple[str, ...]]:
    """Folded title -> its group's names, from ``[[titles]]`` in ``data/lexicon.toml``."""
    raw = tomllib.loads(files("matcher").joinpath("data/lexicon.toml").read_text("utf-8"))
    out: dict[str, tuple[str, ...]] = {}
    for group in raw.get("titles", ()):
        names = tuple(group["names"])
        for n in names:
            out.setdefault(normalize_term(n), names)
    return out


def title_names(title: str) -> tuple[str, ...]:
    """Other names of the job called ``title``: first its English or Chinese names from the
    curated title table (``[[titles]]`` in ``data/lexicon.toml``: "电商产品经理" <->
    "e-commerce product manager"), then ``_onet_names`` of it (or of its English name).

    >>> title_names("产品经理")[:3]
    ('product manager', '产品专员', '产品主管')
    """
    key = normalize_term(title)
    group = _bilingual().get(key, ())
    own = tuple(n for n in group if normalize_term(n) != key)
    english = title if title.isascii() else next((n for n in group if n.isascii()), "")
    more = _onet_names(english) if english else ()
    seen = {key, *map(normalize_term, own)}
    return own + tuple(n for n in more if normalize_term(n) not in seen)


def _occupations(title: str) -> tuple[str, tuple[int, ...]]:
    """(the name looked up, the ``titles.tsv.gz`` lines of the occupations it names): the title
    or, failing that, its longest known ending that is not a generic head ("manager")."""
    data = _titles()
    words = normalize_term(title).split()
    for i in range(len(words)):
        key = " ".join(words[i:])
        found = data.index.get(key, ())
        generic = i > 0 and " " not in key and word_df()[1].get(key, 0) > _GENERIC_HEAD
        if found and not generic:
            return key, found
    return "", ()


@lru_cache(maxsize=4096)
def titles_starting(phrase: str) -> int:
    """How many occupation names (O*NET, ESCO) begin with ``phrase`` and go on: a trade's name
    ("human resources": 31, "public relations": 10) begins many; "arts program" none.

    >>> titles_starting("human resources") > 3, titles_starting("arts program")
    (True, 0)
    """
    key = normalize_term(phrase) + " "
    return sum(1 for name in _titles().index if name.startswith(key))


def occupation_words(title: str) -> frozenset[str] | None:
    """The trade nouns O*NET and ESCO use about the job called ``title`` (its description,
    tasks, tools and skills), or None when no occupation has that name. A Chinese title is
    looked up by its English name from the title table.

    >>> words = occupation_words("Elementary School Teacher")
    >>> "classroom" in words, "behalf" in words, occupation_words("Chief Wizard")
    (True, False, None)
    """
    if not title.isascii():
        group = _bilingual().get(normalize_term(title), ())
        title = next((n for n in group if n.isascii()), "")
    _, found = _occupations(title) if title else ("", ())
    if not found:
        return None
    said = _titles().words
    return frozenset(w for i in found for w in said[i].split())


def _generic(word: str) -> bool:
    return word_df()[1].get(word, 0) > _GENERIC_HEAD


# Rank words say where a person stands, not what job they do ("Senior Accountant").
RANK_WORDS = frozenset(
    [
        "senior",
        "junior",
        "lead",
        "principal",
        "chief",
        "head",
        "assistant",
        "associate",
        "deputy",
        "staff",
        "executive",
        "intern",
        "trainee",
        "apprentice",
        "entry",
        "level",
        "mid",
        "sr",
        "jr",
    ]
)


def _another_job(name: str, title_words: list[str]) -> bool:
    """Whether ``name`` (folded) names another job filed under the same occupation: its own
    telling words before the head share nothing with the title's (rank words do not count).
    O*NET files product and business development managers with marketing managers: "Brand
    Manager" is not a product manager, "Product Development Manager" is; a bare "Chef" is the
    general name of a "Sous Chef", a "Pastry Chef" another job.

    >>> _another_job("brand manager", ["product", "manager"])
    True
    >>> _another_job("executive chef", ["sous", "chef"]), _another_job("pastry chef", ["sous", "chef"])
    (False, True)
    """
    words = name.replace("-", "").split()  # "eCommerce Manager" is an "e-commerce manager"
    mods = {w for w in words[:-1] if w not in RANK_WORDS}
    telling = {w.replace("-", "") for w in title_words[:-1] if w not in RANK_WORDS}
    return bool(telling and mods and not telling & set(words))


def _onet_names(title: str) -> tuple[str, ...]:
    """Other names of the job called ``title``, from O*NET and ESCO; () for an unknown title.

    The title (or, failing that, its longest known ending: "Apparel Merchandiser" ->
    "merchandiser") is looked up among the occupations' names. Every name of an occupation
    whose resume-facing names include it comes along, unless it is another job of the same
    occupation (``_another_job``: "Elementary School Teacher" brings "Elementary Teacher" and
    "primary school teacher", not "Math Teacher"); an occupation that knows it only as a rare
    alternate title lends only names with the same head word. One-word names that many
    occupations use ("Manager") are left out, and so is the title itself.

    >>> names = title_names("Elementary School Teacher")
    >>> "Elementary Teacher" in names, "Math Teacher" in names
    (True, False)
    """
    data = _titles()
    words = normalize_term(title).split()
    key, found = _occupations(title)
    if not found:
        return ()
    head = key.split()[-1]
    mine = set(words)
    votes: dict[str, tuple[int, int, str]] = {}  # folded -> (shared words, votes, spelling)
    if key != normalize_term(title):
        votes[key] = (len(key.split()), 2 * len(found) + 1, key)
    for li in found:
        names, _ = data.lines[li]
        strong = any(normalize_term(n) == key for n in names)
        for n in names:
            k = normalize_term(n)
            shared = len(mine & set(k.split()))
            if not (strong or k.split()[-1] == head):
                continue
            _, v, first = votes.get(k, (0, 0, n))
            votes[k] = (shared, v + (2 if strong else 1), first)  # a reported title counts more
    # Names sharing most words with the title first ("Executive Sous Chef", then "Chef"), then
    # names several occupations share, then short ones (what most resumes write).
    ranked = sorted(votes.items(), key=lambda kv: (-kv[1][0], -kv[1][1], len(kv[0].split()), kv[0]))
    out = []
    for k, (_, _, first) in ranked:
        if k == normalize_term(title):
            continue
        if " " not in k and word_df()[1].get(k, 0) > _GENERIC_HEAD:
            continue  # "manager", "specialist": says nothing about which job
        if _another_job(k, key.split()):
            continue
        out.append(first)
    return tuple(out[:_TITLE_NAMES])


@lru_cache(maxsize=1)
def _words() -> tuple[int, dict[str, int], dict[str, tuple[float, int]]]:
    """``data/words.tsv`` read once: (occupations, df per word, (concentration, heads) per word)."""
    path = files("matcher").joinpath("data/words.tsv")
    if not path.is_file():
        return 1, {}, {}
    n, df, traits = 1, {}, {}
    for row in path.read_text("utf-8").splitlines():
        if row.startswith("#"):
            continue
        w, c, *rest = row.split("\t")
        if w == "*occupations":
            n = int(c)
            continue
        df[w] = int(c)
        if len(rest) == 2:
            traits[w] = (float(rest[0]), int(rest[1]))
    return n, df, traits


def word_df() -> tuple[int, dict[str, int]]:
    """(occupations, occupations whose O*NET or ESCO text uses each word): ``data/words.tsv``.

    Words nearly every job ad uses ("experience", "team") are absent (see
    ``bench/build_lexicon.py``), as are words found in fewer than two occupations.
    """
    n, df, _ = _words()
    return n, df


def trade_noun(word: str) -> float | None:
    """How much ``word`` belongs to a few occupation groups (0-1), when it is a noun.

    None for a word that never heads a noun phrase in ESCO or O*NET labels ("early",
    "latest", "original": they stand before a noun) or that the occupation texts do not know.
    Concentration is 1 minus the entropy of its spread over occupation groups: "invoice" and
    "classroom" belong to a few groups, "point" and "task" to all.

    >>> trade_noun("invoices") > trade_noun("task"), trade_noun("latest")
    (True, None)
    """
    # the singular decides: "opinions" is as general as "opinion"
    conc, heads = _words()[2].get(lemma(word), (0.0, 0))
    return conc if heads else None


def specificity(word: str) -> float | None:
    """How much ``word`` tells one trade from another, 0 to 1 (idf over occupations).

    None for a word that names no thing of a trade: unknown to the occupation texts (a name,
    a typo), job-ad grammar ("experience") or a verb ("maintain"). A plural counts as its
    singular: "lessons" is "lesson".

    >>> specificity("classroom") > specificity("customer"), specificity("maintain")
    (True, None)
    """
    n, df = word_df()
    w = word.lower()
    c = max((df.get(f, 0) for f in _forms(w)), default=0)
    if c < 2:
        return None
    return min(1.0, math.log(n / c) / math.log(n / 2))


def lemma(word: str) -> str:
    """The singular of an English plural the occupation texts know, else ``word`` lowered."""
    w = word.lower()
    df = word_df()[1]
    for f in _forms(w)[1:]:
        if f in df:
            return f
    return w


def _forms(w: str) -> tuple[str, ...]:
    """``w`` and the singulars it may be the plural of, most likely first."""
    out = [w]
    if w.endswith("ies") and len(w) > 4:
        out.append(w[:-3] + "y")
    if w.endswith(("ses", "xes", "ches", "shes")):
        out.append(w[:-2])
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        out.append(w[:-1])
    return tuple(out)
