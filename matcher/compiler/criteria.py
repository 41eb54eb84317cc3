"""Criteria: posting text, ``Posting`` and its ``Item`` values in, ``Rubric`` values out.

The second half of compiling: ``matcher.compiler.posting`` cuts the text into postings and list items,
this step turns the items into criteria. Input is posting text (English or Chinese, possibly
several postings wrapped in site junk) or one ``Posting``; output is a list of ``Rubric`` (one
per posting found). Each criterion comes from a lexicon term, an education level or
a years-of-experience phrase (read by ``matcher.compiler.minimums``) found in one list item of a posting
(``origin``), weighted by its kind, the part it sits in (responsibilities or requirements) and
the cue words of its clause (``matcher.compiler.clauses``, data in the lexicon). Clauses about gender,
age, looks, marital status, ethnicity, religion, politics, origin or school tier are never
scored: ``matcher.compiler.fairness`` turns them into ``findings``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path

from matcher._version import ENGINE_VERSION
from matcher.compiler.blocks import Item, Part, heading, items, speaks_of_the_job
from matcher.compiler.clauses import clause_cues, clauses, cue_of
from matcher.compiler.credentials import credentials
from matcher.compiler.fairness import strip_protected
from matcher.compiler.keywords import (
    ACRONYM,
    KEYWORD_MIN_SPECIFICITY,
    KEYWORD_REPEATED_CLAUSES,
    TRADE_NAME_TITLES,
    negated,
    posting_words,
    said_of_the_job,
    title_words,
)
from matcher.compiler.markup import plain
from matcher.compiler.minimums import (
    degree_required,
    education_level,
    experience_field,
    min_years,
    states_years,
)
from matcher.compiler.posting import Posting, base_title, heading_fits, split_postings
from matcher.compiler.products import product_spans
from matcher.errors import PostingError
from matcher.rubric.model import Criterion, Finding, Rubric, Source
from matcher.text import decode, fold, has_cjk, normalize
from matcher.vocab.kinds import CONCRETE_KINDS, Kind
from matcher.vocab.lexicon import Cue, Hit, Lexicon, Term, default_lexicon, english_word
from matcher.vocab.occupations import (
    occupation_words,
    specificity,
    title_names,
    titles_starting,
    trade_noun,
)
from matcher.vocab.titles import agent_forms, job_names, same_job

# Weight factors of an item's part and of prose (a long unnumbered paragraph).
_PROSE_FACTOR = 0.5
_PART_FACTOR: dict[Part, float] = {"resp": 1.0, "req": 1.2, "pref": 0.6, "intro": 1.0}

# ---------------------------------------------------------------- clauses to criteria


def _slug(label: str, used: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", fold(normalize(label))).strip("-")
    if not base:
        base = "c" + hashlib.sha256(label.encode()).hexdigest()[:6]
    slug, n = base, 2
    while slug in used:
        slug, n = f"{base}-{n}", n + 1
    used.add(slug)
    return slug


@dataclass(frozen=True, slots=True)
class _Named:
    """A criterion as the posting names it, before it has an id: how repeats of it merge."""

    key: str  # criteria with one key are one criterion
    slug: str  # what its id is made from
    criterion: Criterion  # its id is set by _merged
    first_wins: bool = False  # a minimum: the first one the posting states stands


def _merged(
    named: Iterable[_Named], used: set[str], into: Mapping[str, Criterion] | None = None
) -> dict[str, Criterion]:
    """The criteria named, one per key, in order of first mention, each with its id.

    A key named again keeps its first id and origin and the strongest reading: the highest
    weight, required if any mention requires it (a minimum keeps its first mention whole).
    """
    out = dict(into or {})
    for n in named:
        old = out.get(n.key)
        new = n.criterion
        if old is None:
            out[n.key] = replace(new, id=_slug(n.slug, used))
        elif not n.first_wins and (new.weight > old.weight or (new.required and not old.required)):
            out[n.key] = replace(
                old, weight=max(new.weight, old.weight), required=old.required or new.required
            )
    return out


def _own(cue: Cue | None, item: Item, lex: Lexicon) -> Cue | None:
    """The cue that holds for a clause of ``item``: its own, else its heading's ("Must haves:",
    "Required Qualifications": as if each item said "required"). A cue in the item wins;
    one that only says how well ("strong") still takes the heading's insistence."""
    if not item.insisted or (cue is not None and cue.name != "strong"):
        return cue
    return lex.cue("required") or cue


def _factor(cue: Cue | None, item: Item) -> float:
    factor = cue.factor if cue else 1.0
    return factor * _PART_FACTOR[item.part] * (_PROSE_FACTOR if item.prose else 1.0)


def _minimums(text: str, item: Item, lex: Lexicon) -> list[_Named]:
    """Education and experience minimums of one item (the first stated in a posting wins).

    Read over the whole item, not a clause: "研究生及以上学历，优秀者放宽至本科" names bachelor
    as the real minimum, "3年以上Python，C/C++开发经验" puts 经验 two clauses on. The cue of
    the clause holding the number still decides weight and whether it is required.
    """
    if item.part == "intro" and not speaks_of_the_job(text):
        return []  # a company blurb's "more than 90 years of engineering heritage" is its own
    parts = clauses(text)
    out = []
    level = education_level(text)
    if level:
        # the cue of the clause naming the minimum: "a CPA (strongly preferred) and/or MBA, and a
        # bachelor's degree in accounting is required" requires the bachelor's
        named = next((c for c in parts if education_level(c) == level), None)
        named = named or next((c for c in parts if education_level(c)), text)
        cue = _own(cue_of(named, lex), item, lex)
        education = Criterion(
            "",
            "education",
            f"{level} degree or above",
            round(lex.kind_weight("education") * _factor(cue, item), 3),
            (),
            degree_required(text, cue),
            item.text[:300],
            min_level=level,
        )
        out.append(_Named("education", "education", education, first_wins=True))
    years = min_years(text)
    if years:
        cue = _own(cue_of(next((c for c in parts if states_years(c)), text), lex), item, lex)
        field = experience_field(text)
        names = _field_names(field, lex) if field else ()
        experience = Criterion(
            "",
            "experience",
            # "6 months forklift experience": months as the posting counts them
            (f"{years:g}+ years" if years >= 1 else f"{round(years * 12)}+ months")
            + " of experience"
            + (f" in {field}" if names else ""),
            round(lex.kind_weight("experience") * _factor(cue, item), 3),
            names[1:],
            _years_required(cue, item, bool(names)),
            item.text[:300],
            min_years=years,
            field=names[0] if names else None,
        )
        out.append(_Named("experience", f"experience-{years:g}-years", experience, first_wins=True))
    return out


def _credentials(text: str, item: Item, lex: Lexicon) -> list[_Named]:
    """The licences and certificates an item names (``credentials``) that the lexicon does
    not know by name: required where the item asks for them as a requirement, like any
    concrete term ("Active RN license required"), else weighed."""
    if item.part == "intro":
        return []  # a company blurb's "licensed lender" is the company's
    out = []
    parts = clauses(text)
    for c in credentials(text):
        name = c.label.rsplit(" ", 1)[0]
        if any(h.start == 0 and h.end == len(name) for h in lex.scan(name)):
            continue  # "CPA license": the lexicon's CPA names it, with its own aliases
        first = c.label.split()[0]
        cue = _own(cue_of(next((p for p in parts if first in p), text), lex), item, lex)
        if cue and cue.factor <= 0:
            continue
        asked = bool(cue and cue.required and item.part == "req" and not item.prose)
        # "a PMP or CAPM certification": either will do, so neither is a wall on its own
        either = re.search(
            rf"\b(?:or|and/or)\s+(?:an?\s+)?{re.escape(first)}\b|\b{re.escape(first)}\s*(?:\bor\b|/)",
            text,
            re.I,
        )
        asked = asked and either is None
        crit = Criterion(
            "",
            "certification",
            c.label,
            round(lex.kind_weight("certification") * _factor(cue, item), 3),
            c.aliases,
            asked,
            item.text[:300],
        )
        out.append(_Named(c.label.casefold(), c.label, crit))
    return out


# A product no lexicon knows weighs this share of a known tool: the name is surely a tool, but
# not how central it is.
PRODUCT_FACTOR = 0.8


def _product_hits(text: str, item: Item, hits: list[Hit]) -> list[Hit]:
    """The tools an item lists that the lexicon does not know (``products``: "Gong",
    "Cision", "Climate FieldView"), as hits of terms of their own (source "product") where
    they stand listed; none in prose or a company's blurb."""
    if item.part == "intro" or item.prose:
        return []
    return [
        Hit(a, b, Term(text[a:b], "tool", (), source="product"))
        for a, b in product_spans(text, hits)
    ]


def _products(
    text: str,
    item: Item,
    found: list[Hit],
    groups: Mapping[Term, tuple[Term, ...]],
    lex: Lexicon,
) -> list[_Named]:
    """Criteria for the tools of ``_product_hits``, weighed as tools times ``PRODUCT_FACTOR``
    under their clause's cue and never required (the name is read from its place in a list,
    not known). One offered as an alternative ("QuickBooks or Xero") is a member of the
    group's any-of criterion, made here when it leads the group (as ``_clause_terms`` makes
    it for a lexicon term that does)."""
    parts = clauses(text)
    cues = clause_cues(parts, lex)  # a cue reaches along the list ("A, B or C is a plus")
    out = []
    for hit in found:
        term, group = hit.term, groups.get(hit.term)
        if group is not None and term != group[0]:
            continue  # named by the group's any-of criterion
        cue = next((c for p, c in zip(parts, cues, strict=True) if term.label in p), None)
        cue = _own(cue, item, lex)
        if cue and cue.factor <= 0:
            continue
        if group is None:
            weight = lex.kind_weight("tool") * PRODUCT_FACTOR * _factor(cue, item)
            crit = Criterion("", "tool", term.label, round(weight, 3), (), False, item.text[:300])
            out.append(_Named(term.label.casefold(), term.label, crit))
            continue
        asked = bool(cue and cue.required and item.part == "req" and not item.prose)
        out.append(_criterion(group, "tool", _factor(cue, item), asked, item, lex))
    return out


def _criterion(
    members: tuple[Term, ...], kind: Kind, factor: float, required: bool, item: Item, lex: Lexicon
) -> _Named:
    """The criterion for a lexicon term (one member) or for alternatives any of which will do
    ("Python or Scala": several), weighted by its most telling member times ``factor``."""
    label = " or ".join(t.label for t in members)
    weight = max(lex.base_weight(t) * _telling(t) for t in members)
    any_of = tuple(t.label for t in members) if len(members) > 1 else ()
    aliases = (
        tuple(dict.fromkeys(a for t in members for a in t.aliases))[:MAX_ANY_OF_ALIASES]
        if any_of
        else members[0].aliases
    )
    crit = Criterion(
        "", kind, label, round(weight * factor, 3), aliases, required, item.text[:300],
        any_of=any_of,
    )  # fmt: skip
    return _Named(label, label, crit)


FIELD_SPECIFICITY = 0.3  # a word of a field this telling names the field on its own
# Nouns that say where the experience was, not in what: "a hospital setting", "sales roles".
_CONTEXT_NOUNS = frozenset(
    [
        "setting",
        "settings",
        "environment",
        "environments",
        "role",
        "roles",
        "position",
        "positions",
        "capacity",
        "field",
        "industry",
        "sector",
        "space",
        "organization",
        "organisation",
        "company",
        "companies",
        "team",
        "teams",
        "department",
        "area",
        "function",
    ]
)


def _field_names(field: str, lex: Lexicon) -> tuple[str, ...]:
    """The field of "5+ years in <field>" and what else names it in a role: the lexicon's
    terms inside it and its telling words ("commercial construction project management" ->
    "construction", "project management"); () for a vague field ("a fast-paced environment").

    >>> _field_names("data engineering", default_lexicon())
    ('data engineering', 'data engineer')
    >>> _field_names("fast-paced environment", default_lexicon()), _field_names("line cook", default_lexicon())
    ((), ('line cook', 'cook'))
    >>> _field_names("human resources", default_lexicon())  # a trade's name: it begins job names
    ('human resources', 'HR')
    """
    names = [t.label for t in (h.term for h in lex.scan(field)) if t.kind != "soft_skill"]
    # "commercial or residential construction", "sales or retail sales": each part's head.
    # A one-word part before the last shares the last part's head ("commercial or residential
    # construction"): it names no field of its own, unless it names an activity ("consulting
    # or project management", "teaching or curriculum design").
    parts = re.split(r"\s+(?:and/or|or|and|&)\s+|\s*/\s*", field)
    for i, part in enumerate(parts):
        words = _LATIN_WORD.findall(part)
        if i < len(parts) - 1 and len(words) == 1 and not words[0].lower().endswith("ing"):
            continue
        while words and words[-1].lower() in _CONTEXT_NOUNS:
            words.pop()  # "a hospital setting" is experience in hospitals
        head = words[-1] if words else ""  # a phrase's head noun names the field: "line cook"
        spec = specificity(head) if head else None
        telling = spec is not None and spec >= FIELD_SPECIFICITY and trade_noun(head)
        if telling and head.lower() not in " ".join(names).lower():
            names.append(head)
        elif not telling and not names and head and trade_noun(head) and len(words) >= 2:
            # "aircraft maintenance": a noun that says little after one that names the trade;
            # "HVAC service": an abbreviation no occupation text spells is a trade's name.
            prior = words[-2]
            if (trade_noun(prior) and (specificity(prior) or 0) >= FIELD_SPECIFICITY) or _abbrev(
                prior
            ):
                names += [f"{prior} {head}", prior]
        elif not names and _abbrev(head):
            names.append(head)  # "3+ years of HVAC experience"
        # A trade's name that begins job names ("human resources", "customer service",
        # "business development") names the field though no word of it is telling alone; its
        # initials too where job names use them ("HR").
        phrase = " ".join(words)
        if len(words) >= 2 and phrase not in names and titles_starting(phrase) >= TRADE_NAME_TITLES:
            names.append(phrase)
            initials = "".join(w[0] for w in words).upper()
            # not of a phrase holding one already: "IT support" is no "IS"
            if (
                not any(w.isupper() for w in words)
                and titles_starting(initials) >= TRADE_NAME_TITLES
            ):
                names.append(initials)
        # Its people, with the word before the head: "teaching" -> "teacher", "data
        # engineering" -> "data engineer" (not "engineer": a civil engineer is no data one).
        before = " ".join(words[-2:-1])
        names += [a for a in (f"{before} {g}".strip() for g in agent_forms(head)) if a not in names]
    if has_cjk(field) and not names:
        # A Chinese field ("电商运营") names itself; one that is a job ("财务会计") also by the
        # Chinese names of its job ("会计", "会计师": a 总账会计 works in it).
        names = [field, *(n for n in title_names(field) if has_cjk(n))][:4]
    if not names:
        return ()
    return tuple(dict.fromkeys([field, *names]))


def _abbrev(word: str) -> bool:
    """An abbreviation that names a trade: unknown to the occupation texts or telling there."""
    spec = specificity(word)
    return bool(ACRONYM.fullmatch(word)) and (spec is None or spec >= FIELD_SPECIFICITY)


def _clause_terms(
    clause: str,
    cue: Cue | None,
    item: Item,
    said: frozenset[str],
    lex: Lexicon,
    groups: Mapping[Term, tuple[Term, ...]] | None = None,
    open_: frozenset[Term] = frozenset(),
    studied: frozenset[Term] = frozenset(),
    of_degree: frozenset[Term] = frozenset(),
) -> list[_Named]:
    """The lexicon criteria one clause names, weighted by the clause's cue and by how telling
    each term is (``_telling``); only a requirements item's cue makes one required, and only
    a concrete one (``CONCRETE_KINDS``, not ``Lexicon.vague``: "主流框架" never). Terms the
    item names as alternatives (``groups``, from ``alternatives``) are one any-of criterion;
    a term offered beside something the lexicon does not know (``open_``: "B2B or SaaS",
    "SQL or equivalent") is never required, as a resume with the other one is as good, nor
    is a degree's field (``of_degree``: "PhD in physics, computer science or a related
    field" asks for the degree; its fields are weighed).

    Prose above the posting's parts (a company blurb, a summary) names a term only where
    O*NET or ESCO say its words of the job (``said``): "credit union" in a blurb is not the
    job's.
    """
    cue = _own(cue, item, lex)
    if cue and cue.factor <= 0:
        return []
    factor = _factor(cue, item)
    asked = bool(cue and cue.required and item.part == "req" and not item.prose)
    groups = groups or {}
    out = []
    for term in _terms(clause, item, lex):
        if (item.part == "intro" and not _said_term(term, said)) or term in studied:
            continue
        group = groups.get(term)
        if group is not None and term != group[0]:
            continue  # named by the group's any-of criterion
        members = group or (term,)
        required = (
            asked
            and term.kind in CONCRETE_KINDS
            and not lex.vague(" or ".join(t.label for t in members))
            and (group is not None or term not in open_)
            and not any(t in of_degree for t in members)
        )
        out.append(_criterion(members, term.kind, factor, required, item, lex))
    return out


MAX_ANY_OF_ALIASES = 30  # other names of the alternatives an any-of criterion carries at most
# What joins alternatives: "Python or Scala", "Java/Go", "Java, Go or Rust", "A、B或C".
_OR = re.compile(r"\s*(?:,|，|、)?\s*(?:or|and/or|/|或者|或|\|)\s*", re.I)
_LIST = re.compile(r"\s*(?:,|，|、)\s*")


def alternatives(
    text: str, lex: Lexicon, hits: list[Hit] | None = None
) -> dict[Term, tuple[Term, ...]]:
    """Lexicon terms of ``text`` that it names as alternatives ("Python or Scala", "Java/Go",
    "A、B或C"): each term of a group -> the group, in order. A run joined only by commas is
    a list of things all asked for, not alternatives, unless the text before it offers a
    choice ("at least one of", "any of").

    >>> from matcher.vocab.lexicon import default_lexicon
    >>> groups = alternatives("Python or Scala; SQL, Excel", default_lexicon())
    >>> sorted({tuple(t.label for t in g) for g in groups.values()})
    [('Python', 'Scala')]
    """
    hits = lex.scan(text) if hits is None else hits  # with the item's products, if given
    out: dict[Term, tuple[Term, ...]] = {}
    run = hits[:1]
    either = False
    for prev, hit in pairwise(hits):
        gap = text[prev.end : hit.start]
        joined = _OR.fullmatch(gap) or _LIST.fullmatch(gap)
        both = hit.term.kind == "language" and _BILINGUAL.search(text, 0, run[0].start)
        if (
            joined
            and not both
            and hit.term.kind == prev.term.kind
            and hit.term not in (h.term for h in run)
        ):
            run.append(hit)
            either = either or bool(_OR.fullmatch(gap))
            continue
        _close(run, either or _choice(text, run[0].start), out)
        run, either = [hit], False
    _close(run, either or (bool(run) and _choice(text, run[0].start)), out)
    return out


# "at least one programming language (Java, Python, C++)", "any of Java, Go": a list to pick
# from, though only commas join it.
_CHOICE = re.compile(
    r"(?:\b(?:at least one|one of|any of|one or more|either)\b|之一|任一|任意)[^;；。]{0,40}$", re.I
)


def _choice(text: str, start: int) -> bool:
    return bool(_CHOICE.search(text, max(0, start - 60), start))


# "Bilingual English/Spanish": both languages, not either.
_BILINGUAL = re.compile(r"\b(?:bilingual|both)\b[^,;.]{0,20}$|双语[^，；。]{0,6}$", re.I)
_OR_AFTER = re.compile(r"\s*(?:or|and/or|/|或者|或)\s*(?=[\w\u4e00-\u9fff])", re.I)
_OR_BEFORE = re.compile(r"[\w\u4e00-\u9fff]\s*(?:or|and/or|/|或者|或)\s*$", re.I)


def open_alternatives(text: str, hits: list[Hit]) -> frozenset[Term]:
    """Terms of ``text`` offered as one choice beside words no lexicon term covers: "B2B or
    SaaS", "SQL or equivalent", "Java/J2EE" (the posting accepts the other one too).

    >>> from matcher.vocab.lexicon import default_lexicon
    >>> text = "2 years designing B2B or SaaS products; SQL or Python; Excel"
    >>> sorted(t.label for t in open_alternatives(text, default_lexicon().scan(text)))
    ['SaaS']
    """
    starts = {h.start for h in hits}
    ends = {h.end for h in hits}
    out = set()
    for h in hits:
        after = _OR_AFTER.match(text, h.end)
        before = _OR_BEFORE.search(text, 0, h.start)
        if (after and after.end() not in starts) or (before and before.start() + 1 not in ends):
            out.add(h.term)
    return frozenset(out)


def _close(run: list[Hit], either: bool, out: dict[Term, tuple[Term, ...]]) -> None:
    if either and len(run) >= 2:
        group = tuple(h.term for h in run)
        out.update(dict.fromkeys(group, group))


TELLING_FULL = 0.4  # a term whose most telling word is this specific keeps its full weight
# The least share of its weight a term every job lists keeps (0.3 ranked the same on every
# posting style; 0.5 keeps a posting's core common-word terms from falling under its tools).
TELLING_FLOOR = 0.5


def _telling(term: Term) -> float:
    """How much of its weight a lexicon term keeps: terms every occupation lists (office
    software, "reporting") tell less about the job than its trade's own (QuickBooks,
    AutoCAD). From the specificity (idf over O*NET and ESCO occupations) of the most telling
    word of its English names; a term without one (Chinese) keeps its weight.

    >>> from matcher.vocab.lexicon import default_lexicon
    >>> terms = {t.label: t for t in default_lexicon().terms}
    >>> _telling(terms["Excel"]) < _telling(terms["Python"]) == 1.0
    True
    """
    for name in (term.label, *term.aliases):  # the label, else the first English name known
        specs = (
            [s for w in _LATIN_WORD.findall(name) if (s := specificity(w)) is not None]
            if name.isascii()
            else []
        )
        if specs:
            return max(TELLING_FLOOR, min(1.0, max(specs) / TELLING_FULL))
    return 1.0


_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9+#]*")


def _said_term(term: Term, said: frozenset[str]) -> bool:
    """Whether O*NET or ESCO use every English word of ``term``'s label about the job."""
    words = [w.lower() for w in _LATIN_WORD.findall(term.label)]
    return bool(words) and all(said_of_the_job(w, said) for w in words)


# The fields a degree is in: "degree in Public Relations, Journalism, English or Marketing",
# "BA/BS in English", "major in Chinese". Bounded: linear on any line.
_DEGREE_FIELD = re.compile(
    r"\b(?:degree|major|diploma|b\.?[as]\.?|bsc|m\.?[as]\.?|msc|bachelor'?s?|master'?s?|ph\.?d"
    r"|doctorate|mba|b\.?tech|m\.?tech)"
    r"(?:\s*/\s*\w+\.?)?\s+(?:\w+\s+)?in\s+([^.;:()\n]{1,160})",
    re.I,
)
_DIRECTLY_TO = re.compile(r"\s+directly\s+to\b", re.I)
_DEPARTMENT = re.compile(r"\s*(?:departments?|dept\.?|division|部门|部)(?![A-Za-z])", re.I)


def _terms(clause: str, item: Item, lex: Lexicon) -> list[Term]:
    """The lexicon terms a clause names, once each, in order of appearance; not the name of
    a department the job works with ("the marketing department", "销售部门").

    Derived terms (ESCO, O*NET, THUOCL) count only in list items, never in prose: a big
    vocabulary must not turn an essay into criteria.
    """
    out: list[Term] = []
    for hit in lex.scan(clause):
        t = hit.term
        if t.source != "curated" and item.prose:
            continue
        if _DEPARTMENT.match(clause, hit.end):
            continue  # "cooperate with the sales department": a colleague, not a skill
        if _DIRECTLY_TO.match(clause, hit.end):
            continue  # "reporting directly to the CFO": who the boss is, not reporting
        if negated(clause, hit.start):
            continue  # "no Python experience needed"
        if t not in out:
            out.append(t)
    return out


# ---------------------------------------------------------------- title and keywords

KEYWORDS_MAX = 20  # per posting, the most specific first: a person reads them all
# Keywords fill a rubric up to about this many criteria: where the lexicon already names the
# job's skills (20 terms), none are added; where it knows little of a trade, up to 20.
RUBRIC_SIZE = 20
KEYWORDS_MIN = 0  # a posting the curated lexicon covers needs no keyword


def _years_required(cue: Cue | None, item: Item, in_field: bool) -> bool:
    """Whether a years minimum decides eligibility. Any work's years ("2+ years of
    experience") are required unless the posting softens them; years in a field ("2+ years
    of experience in sales or retail sales") only where the posting says it insists (must,
    required, minimum, at least): else they are weighed, not a wall. How a resume's roles are
    read into a field is a guess (a misdated role, a title in other words), and a wall on a
    guess ranked relevant resumes below every eligible one (bench/QUALITY.md).
    """
    if item.part == "pref" or (cue and cue.factor < 1.0):
        return False
    return bool(cue and cue.required) if in_field else True


CHORE_FACTOR = 0.5  # an item or clause whose cue weighs less (chore, noise) gives no keyword
KEYWORD_REPEAT_MAX = 3  # a word named in several clauses weighs up to this many times more
# The title's own trade words ("aviation", "teacher") weigh this many times a keyword's base.
TITLE_WORD_FACTOR = 2.0


def _title_criterion(posting: Posting, lex: Lexicon) -> _Named | None:
    """The job title as a criterion: the first job name the title holds (``job_names``:
    singular, without qualifiers: "Registered Nurses - ICU" is "Registered Nurse"), with the
    other names it holds ("Airline Pilots, Copilots, and Flight Engineers") and the O*NET and
    ESCO names of each as aliases.

    Made for a title written in the posting, known to the taxonomies or not, or a generic one
    the occupations know ("Product manager"); a resume naming the job (or another name of it)
    is the strongest sign.
    """
    names = _job_names(posting)
    aliases: dict[str, str] = {}  # folded -> as written, the label left out
    for name in (posting.title, *names):
        for a in (name, *(n for n in title_names(name) if same_job(n, name))):
            if a != posting.title and a.casefold() != names[0].casefold():
                aliases.setdefault(a.casefold(), a)
    if not aliases and not posting.titled:
        return None
    picked = tuple(aliases.values())[:TITLE_ALIASES]
    title = Criterion("", "title", names[0], lex.kind_weight("title"), picked, False, posting.title)
    return _Named(_TITLE, "title " + names[0], title)


TITLE_ALIASES = 24  # other names of the job a title criterion carries at most


def _job_names(posting: Posting) -> tuple[str, ...]:
    """The job names of a posting's title ("Data Analyst (Remote)" -> "Data Analyst"), or the
    title without qualifiers when it names no job the taxonomies know the head of."""
    return tuple(map(_unshouted, job_names(posting.title) or (base_title(posting.title),)))


_SMALL_WORDS = frozenset({"and", "of", "the", "for", "in", "at", "to", "or", "a", "an"})


def _unshouted(name: str) -> str:
    """A job name a posting writes in capitals, as a resume would write it: "CERTIFIED
    NURSING ASSISTANT" is "Certified Nursing Assistant"; abbreviations stay ("CDL A Truck
    Driver", "IT Support Specialist").

    >>> _unshouted("CDL A TRUCK DRIVER"), _unshouted("IT SUPPORT SPECIALIST"), _unshouted("CNA")
    ('CDL A Truck Driver', 'IT Support Specialist', 'CNA')
    """
    words = name.split()
    if not name.isupper() or all(len(w) <= 5 and not english_word(w) for w in words):
        return name

    def case(w: str) -> str:
        if len(w) > 1 and w.lower() in _SMALL_WORDS:  # "CDL A" keeps its class letter
            return w.lower()
        if len(w) <= 2 or (len(w) <= 5 and not english_word(w)):
            return w  # "IT", "CDL", "HVAC"
        return w.capitalize()

    return " ".join(case(w) for w in words)


_TITLE = "\x00title"  # the key of the title criterion while it is merged with the others


def _title_domains(posting: Posting, lex: Lexicon) -> list[_Named]:
    """A domain in a written title ("电商高级助理": e-commerce) is what the job is about,
    even when the list items only mention it in passing."""
    if not posting.titled:
        return []
    return [
        _Named(
            t.label,
            t.label,
            Criterion("", t.kind, t.label, lex.base_weight(t), t.aliases, False, posting.title),
        )
        for t in (hit.term for hit in lex.scan(posting.title))
        if t.kind == "domain" and t.source == "curated"
    ]


@dataclass(frozen=True, slots=True)
class _Reading:
    """What the list items of a posting name: criteria, findings and candidate keywords."""

    named: tuple[_Named, ...]
    findings: tuple[Finding, ...]
    keywords: dict[str, tuple[float, Item, Cue | None]]  # word -> its first reading
    counts: dict[str, int]  # word -> clauses naming it
    products: frozenset[str] = frozenset()  # keys of tools no lexicon knows (``_products``)


def _read_items(posting: Posting, said: frozenset[str], lex: Lexicon) -> _Reading:
    """Each list item's minimums, lexicon terms and keywords (words in ``said`` only)."""
    named: list[_Named] = []
    findings: list[Finding] = []
    keywords: dict[str, tuple[float, Item, Cue | None]] = {}
    counts: dict[str, int] = {}
    product_keys: set[str] = set()
    listed = items(posting.lines)
    # A posting without part headings says what it insists on in the item itself ("must have
    # valid CDL class A"); under a duties heading "Must use SQL" stays a duty.
    inline = not any(heading(ln) in ("resp", "req", "pref") for ln in posting.lines)
    for item in listed:
        text, found = strip_protected(item.text)
        findings.extend(found)
        cue = cue_of(text, lex)
        if cue is not None and cue.name == "noise":
            continue  # a noise cue anywhere drops the whole item (working conditions, benefits)
        if cue is not None and cue.factor <= 0:
            cue = None  # "finance is not required" waives its clause, not the whole item
        if inline and item.part == "resp" and not item.prose and cue is not None and cue.required:
            item = replace(item, part="req")
        named += _minimums(text, item, lex)
        creds = _credentials(text, item, lex)
        named += creds
        # "CAPM certification" is one criterion: its name is no keyword besides
        named_by = {w.casefold() for c in creds for w in c.criterion.label.split()[:-1]}
        parts = clauses(text)
        hits = lex.scan(text)
        made = _product_hits(text, item, hits)
        every = sorted([*hits, *made], key=lambda h: (h.start, h.end))
        groups = alternatives(text, lex, every)
        open_ = open_alternatives(text, every)
        found_products = _products(text, item, made, groups, lex)
        named += found_products
        product_keys |= {n.key for n in found_products if not n.criterion.any_of}
        # "a degree in Journalism, English or Marketing": English is studied, not spoken.
        fields = [m.span(1) for m in _DEGREE_FIELD.finditer(text)]
        of_degree = frozenset(h.term for h in hits if any(a <= h.start < b for a, b in fields))
        studied = frozenset(t for t in of_degree if t.kind == "language")
        # An item about temperament ("communication skills, enthusiasm, works under pressure")
        # names soft skills; its other words are no trade's.
        soft = bool(hits) and all(h.term.kind == "soft_skill" for h in hits)
        # An errand ("stationery, envelopes, business cards", "tasks assigned by the
        # Minister") is any office's: its words are no trade's.
        chore = cue is not None and cue.factor < CHORE_FACTOR
        for clause, cue in zip(parts, clause_cues(parts, lex), strict=True):
            named += _clause_terms(clause, cue, item, said, lex, groups, open_, studied, of_degree)
            if (
                (item.prose and item.part != "intro")
                or soft
                or chore
                or (cue and cue.factor < CHORE_FACTOR)
            ):
                continue  # an essay's words are not the job's
            for word, spec in posting_words(clause, posting.title, lex):
                if not said_of_the_job(word, said) or word.casefold() in named_by:
                    continue
                keywords.setdefault(word, (spec, item, cue))
                counts[word] = counts.get(word, 0) + 1
    return _Reading(tuple(named), tuple(findings), keywords, counts, frozenset(product_keys))


def _keyword_criteria(
    reading: _Reading, criteria: Mapping[str, Criterion], lex: Lexicon
) -> list[_Named]:
    """The most specific posting words as light criteria (never required), as many as fill
    the rubric to ``RUBRIC_SIZE`` (at least ``KEYWORDS_MIN``, at most ``KEYWORDS_MAX``).

    A word the posting comes back to ("aircraft" in three duties) is what the job is about:
    its weight grows with the number of clauses naming it, up to ``KEYWORD_REPEAT_MAX`` times.
    A word some criterion already names is left out.
    """
    base = lex.kind_weight("keyword")
    named = {c.label.lower() for c in criteria.values()}
    named |= {m.lower() for c in criteria.values() for m in c.any_of}  # "PyTorch or JAX": JAX
    # "NATE" beside a "NATE certification" criterion from another item: the same thing
    named |= {
        c.label.rsplit(" ", 1)[0].lower() for c in criteria.values() if c.kind == "certification"
    }
    # A weaker word counts where the posting comes back to it (``KEYWORD_REPEATED_CLAUSES``).
    fresh = {
        w: v
        for w, v in reading.keywords.items()
        if w.lower() not in named
        and (
            v[0] >= KEYWORD_MIN_SPECIFICITY or reading.counts.get(w, 1) >= KEYWORD_REPEATED_CLAUSES
        )
    }
    # Tools no lexicon knows take no keyword's room: the posting's trade words still count.
    lexicon_named = sum(1 for c in criteria.values() if c.label.casefold() not in reading.products)
    room = max(KEYWORDS_MIN, RUBRIC_SIZE - lexicon_named)

    # The most telling words the posting comes back to most: specificity times repeats.
    def telling(kv: tuple[str, tuple[float, Item, Cue | None]]) -> float:
        return kv[1][0] * min(reading.counts.get(kv[0], 1), KEYWORD_REPEAT_MAX)

    best = sorted(fresh.items(), key=lambda kv: -telling(kv))[: min(KEYWORDS_MAX, room)]
    out = []
    for word, (spec, item, cue) in sorted(best, key=lambda kv: list(fresh).index(kv[0])):
        repeat = min(reading.counts.get(word, 1), KEYWORD_REPEAT_MAX)
        # "preferred" lowers a keyword; nothing raises one above its kind's weight.
        weight = round(base * spec * min(1.0, _factor(cue, item)) * repeat, 3)
        keyword = Criterion("", "keyword", word, weight, (), False, item.text[:300])
        out.append(_Named(word, word, keyword))
    return out


def _with_title_words(
    title: Criterion, criteria: Mapping[str, Criterion], used: set[str], lex: Lexicon
) -> dict[str, Criterion]:
    """The criteria with each trade word of the title as a light title criterion
    (``keywords.title_words``), in place of a keyword of the same word or of its forms.

    Kind "title", so it is scored as a title: in full where the resume names the candidate's job
    ("Healthcare Operations Manager" meets "healthcare"), lightly where it is only mentioned.
    """
    out = dict(criteria)
    weight = round(lex.kind_weight("keyword") * TITLE_WORD_FACTOR, 3)
    for word, forms in title_words(title.label, lex):
        # "teacher" brings "teaching": that is one criterion, not two.
        aliases = tuple(f for f in forms if f not in out or out[f].kind == "keyword")
        for f in aliases:
            out.pop(f, None)
        old = out.get(word)
        if old is None or old.kind == "keyword":
            out[word] = Criterion(
                old.id if old else _slug(word, used), "title", word,
                max(weight, old.weight if old else 0.0), aliases, False, title.label,
            )  # fmt: skip
    return out


def _focus(crits: tuple[Criterion, ...]) -> str:
    """Two labels that tell postings of the same role apart: domains first, then duties.

    Heavier first; ``sorted`` is stable, so ties keep posting order.
    """
    pick: list[Criterion] = []
    for kinds in (("domain",), ("responsibility", "skill")):
        pick += sorted((c for c in crits if c.kind in kinds), key=lambda c: -c.weight)
    return ", ".join(c.label for c in pick[:2])


def compile_posting(
    posting: Posting, *, job_id: str, source: Source, lexicon: Lexicon | None = None
) -> Rubric:
    """Compile one ``Posting`` into a ``Rubric``; raise ``PostingError`` if nothing is scorable.

    Criteria come in this order: the title, domains its words name, what the list items name
    (minimums and lexicon terms, in posting order), keywords, the title's trade words.

    >>> p = Posting(1, "Analyst", ("Requirements:", "1. Must know SQL", "2. Excel is a plus"))
    >>> r = compile_posting(p, job_id="a", source=Source())
    >>> [(c.kind, c.label, c.required) for c in r.criteria]
    [('title', 'Analyst', False), ('tool', 'SQL', True), ('tool', 'Excel', False)]
    """
    lex = lexicon or default_lexicon()
    # A page's heading that is not this posting's job names nothing here: no title criterion,
    # and no occupation to say which words are the job's (``heading_fits``).
    fits = heading_fits(posting)
    title = _title_criterion(posting, lex) if fits else None
    # Keywords must be words said of this job (O*NET, ESCO); a job no occupation names gets
    # only unknown acronyms ("OSHA").
    said = frozenset().union(
        *(
            occupation_words(n) or frozenset()
            for n in ((posting.title, *_job_names(posting)) if fits else ())
        )
    )
    reading = _read_items(posting, said, lex)
    used: set[str] = set()  # ids given so far
    named = [*_title_domains(posting, lex), *([title] if title else []), *reading.named]
    criteria = _merged(named, used)
    title_crit = criteria.pop(_TITLE, None)
    criteria = _merged(_keyword_criteria(reading, criteria, lex), used, into=criteria)
    if title_crit is not None:
        for name in _job_names(posting):
            criteria = _with_title_words(replace(title_crit, label=name), criteria, used, lex)
    if not criteria and title_crit is None:
        raise PostingError(f"posting {posting.number} ({posting.title!r}): no criteria found")
    ordered = ((title_crit,) if title_crit else ()) + tuple(criteria.values())
    heading = posting.title
    findings = reading.findings
    if not fits:
        heading = f"Posting {posting.number} under {posting.title!r}"
        findings = (
            Finding(
                "title_from_heading",
                f"the page's heading calls this posting a {posting.title!r}, but its items do "
                "not name that trade: no title criterion; add one if the job has a name",
                posting.title,
            ),
            *findings,
        )
    if not posting.titled and (focus := _focus(ordered)):
        heading = f"{heading} ({focus})"
    text = "\n".join(posting.lines)
    lang = "zh" if has_cjk(text) and sum(map(has_cjk, text)) * 3 > len(text) else "en"
    return Rubric(
        job_id=job_id,
        title=heading,
        language=lang,
        criteria=ordered,
        source=source,
        findings=findings,
    )


def compile_text(
    text: str, *, stem: str, posting_name: str = "", lexicon: Lexicon | None = None
) -> list[Rubric]:
    """Compile every posting in ``text``; ``job_id`` is ``stem``, or ``stem-N`` for several.

    ``text`` may be an HTML page or Markdown (``matcher.compiler.markup``): it is read as the
    plain lines it shows, while ``source.sha256`` stays the hash of ``text`` as given.
    Postings with nothing scorable are skipped; ``PostingError`` is raised when none is left.

    >>> [r.job_id for r in compile_text("Requirements: SQL and Excel", stem="analyst")]
    ['analyst']
    """
    source = Source(posting_name, hashlib.sha256(text.encode("utf-8")).hexdigest(), ENGINE_VERSION)
    text = plain(text)
    if not text.strip():
        raise PostingError(f"{posting_name or stem}: empty posting")
    postings = split_postings(text)
    out: list[Rubric] = []
    errors: list[str] = []
    for p in postings:
        job_id = stem if len(postings) == 1 else f"{stem}-{p.number}"
        try:
            out.append(compile_posting(p, job_id=job_id, source=source, lexicon=lexicon))
        except PostingError as e:
            errors.append(e.message)
    if not out:
        raise PostingError(f"{posting_name or stem}: " + "; ".join(errors))
    return out


def compile_file(path: str | Path, lexicon: Lexicon | None = None) -> list[Rubric]:
    """Compile a posting file (UTF-8, UTF-16 with a BOM or GB18030 text); ``job_id`` comes
    from the file stem."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise PostingError(f"{p}: cannot read: {e.strerror or e}") from None
    text = decode(data)
    if text is None:
        if b"\x00" in data[:4096]:
            raise PostingError(f"{p}: not a text file")
        raise PostingError(f"{p}: text in an unknown encoding")
    rubrics = compile_text(text, stem=p.stem, posting_name=p.name, lexicon=lexicon)
    sha = hashlib.sha256(data).hexdigest()
    return [
        r.__class__(
            r.job_id,
            r.title,
            r.language,
            r.criteria,
            Source(p.name, sha, ENGINE_VERSION),
            r.findings,
        )
        for r in rubrics
    ]
