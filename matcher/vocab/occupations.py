"""Occupations: job titles and trade words from O*NET and ESCO.

Input is ``matcher/data/titles.tsv.gz`` (every occupation's names and the trade nouns its texts
use) and ``matcher/data/words.tsv`` (how many occupations use each word), both built by
``tools/lexicon`` (``make lexicon``), and the curated English-Chinese title groups of the lexicon
(``matcher.vocab.lexicon.title_groups``). Output is plain values: the other names of a job title
(``title_names``: ``tuple[str, ...]``), the trade words said of it (``occupation_words``:
``frozenset[str]``) and how much a word tells one trade from another (``specificity``,
``trade_noun``: ``float | None``). The compiler and its keyword step read them; the data files
are read once, on first use.
"""

from __future__ import annotations

import gzip
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from matcher.text import has_cjk, normalize, normalize_term
from matcher.vocab.lexicon import title_groups

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
    """Folded title -> its group's names, from the lexicon's ``title_groups``."""
    out: dict[str, tuple[str, ...]] = {}
    for names in title_groups():
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
    group = _group(key)
    own = tuple(n for n in group if normalize_term(n) != key)
    english = english_name(title)
    more = _onet_names(english) if english else ()
    seen = {key, *map(normalize_term, own)}
    return own + tuple(n for n in more if normalize_term(n) not in seen)


def english_name(title: str) -> str:
    """The English name of a title from the curated title table ("产品经理" -> "product
    manager"); an English title as it is; "" when the table knows no English name.

    >>> english_name("产品经理"), english_name("Chef")
    ('product manager', 'Chef')
    """
    if title.isascii():
        return title
    group = _group(normalize_term(title))
    return next((n for n in group if n.isascii()), "")


def _group(key: str) -> tuple[str, ...]:
    """The curated title group of a folded title; for a Chinese title the table does not know,
    that of its longest ending it knows ("财务会计", a financial accountant, is a "会计"; "总账
    会计" too), as an English title falls back to its longest known ending.

    >>> _group("财务会计")[:2]
    ('accountant', '会计')
    """
    table = _bilingual()
    group = table.get(key, ())
    if group or not has_cjk(key):
        return group
    for i in range(1, len(key) - 1):  # an ending of two characters at least
        if has_cjk(key[i]) and (found := table.get(key[i:])):
            return found
    return ()


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


@lru_cache(maxsize=1)
def occupation_names() -> tuple[str, ...]:
    """Every job name O*NET and ESCO know (folded, each once, sorted).

    >>> "registered nurse" in occupation_names()
    True
    """
    return tuple(sorted(_titles().index))


def names_by_occupation() -> tuple[frozenset[str], ...]:
    """Each occupation's job names (folded), one set per O*NET or ESCO occupation."""
    return tuple(every for _, every in _titles().lines)


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


# Rank and arrangement words say where a person stands or how they work, not what job they do
# ("Senior Accountant", "Software Engineer II", "Remote Data Analyst").
RANK_WORDS = frozenset(
    [
        "i",
        "ii",
        "iii",
        "iv",
        "remote",
        "hybrid",
        "onsite",
        "contract",
        "temporary",
        "freelance",
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
        # "Founding Frontend Engineer", "Experienced Line Cook", "Interim Controller"
        "founding",
        "experienced",
        "interim",
        "seasonal",
        # "Summer Analyst Intern": a season says when, not which job ("spring", "fall" name
        # things: Spring developers, fall protection)
        "summer",
        "winter",
        "autumn",
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
        # Its own name, or the title as one or two occupations write it ("Accountants and
        # Auditors" is O*NET's name of one occupation): the occupation is the job.
        exact = key == normalize_term(title) and len(found) <= 2
        strong = exact or any(normalize_term(n) == key for n in names)
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
    ``tools/lexicon`` (``make lexicon``)), as are words found in fewer than two occupations.
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


def concentration(word: str) -> float | None:
    """How much ``word`` belongs to a few occupation groups (0-1), noun or not: None for a word
    the occupation texts do not know. ``trade_noun`` is this for the words that head a noun
    phrase in the labels.

    >>> concentration("agronomy") > concentration("factory")
    True
    """
    got = _words()[2].get(lemma(word))
    return got[0] if got else None


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


# Words in -s that are no plural here: fields of work and study ("economics" is no number of
# economics), and nouns English only uses so ("sales", "goods").
# fmt: off
_NOT_PLURAL = frozenset({
    "aerodynamics", "aesthetics", "analytics", "athletics", "economics", "electronics",
    "ergonomics", "ethics", "genetics", "graphics", "hydraulics", "informatics", "linguistics",
    "logistics", "mathematics", "mechatronics", "electromechanics", "optics", "pneumatics",
    "physics", "robotics", "statistics", "sales", "news", "goods", "earnings", "savings",
    "premises",
})
# fmt: on


def lemma(word: str) -> str:
    """The singular of an English plural the occupation texts know, else ``word`` lowered."""
    w = word.lower()
    if w in _NOT_PLURAL:
        return w  # "economics", "logistics", "sales" name a field, not many of a thing
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
