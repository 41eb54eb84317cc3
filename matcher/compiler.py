"""Compiler: posting text, ``Posting`` and its ``Item`` values in, ``Rubric`` values out.

The second half of compiling: ``matcher.posting`` cuts the text into postings and list items,
this step turns the items into criteria. Input is posting text (English or Chinese, possibly
several postings wrapped in site junk) or one ``Posting``; output is a list of ``Rubric`` (one
per posting found). Each criterion comes from a lexicon term, an education level or
a years-of-experience phrase found in one list item of a posting (``origin``), weighted by its
kind, the part it sits in (responsibilities or requirements) and the cue words of its clause
(data in the lexicon). Clauses about gender, age, looks, marital status, ethnicity, religion,
politics, origin or school tier are never scored: they become ``findings``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from matcher._version import __version__
from matcher.errors import PostingError
from matcher.keywords import posting_words, said_of_the_job, title_words
from matcher.lexicon import Cue, Lexicon, Term, default_lexicon
from matcher.occupations import occupation_words, title_names
from matcher.posting import Item, Posting, items, split_postings
from matcher.rubric import Criterion, Finding, Rubric, Source
from matcher.text import decode, fold, has_cjk, normalize

# Posting and split_postings were first defined here; callers may still import them from here.
__all__ = [
    "ENGINE_VERSION",
    "Posting",
    "compile_file",
    "compile_posting",
    "compile_text",
    "split_postings",
]

ENGINE_VERSION = __version__

# Weight factors of an item's part and of prose (a long unnumbered paragraph).
_PROSE_FACTOR = 0.5
_PART_FACTOR = {"resp": 1.0, "req": 1.2}
_CLAUSE = re.compile(r"(?<=[，,；;。])")

# ---------------------------------------------------------------- fairness lint

_FAIRNESS = {
    "gender": r"\b(?:male|female|gender|men only|women only)\b|男性|女性|男士|女士|性别|限男|限女|男生|女生",
    "age": r"\b(?:aged?\s+(?:between|under|below|over|\d)|under \d\d|below \d\d|years old|age limit)\b"
    r"|年龄|\d{2}\s*周?岁|岁以下|岁以上|周岁",
    "appearance": r"\b(?:appearance|good[- ]looking|attractive|well[- ]groomed|image and temperament)\b"
    r"|\bheight\s*(?:of\s*)?(?:above|over|at least)?\s*\d|\d{3}\s*cm\b"
    r"|形象(?:好|佳|气质|端正)|气质(?:佳|好)|外形|身高|相貌|五官|颜值|长相",
    "marital status": r"\b(?:married|unmarried|marital)\b|已婚|未婚|婚否|已育|未育|婚育",
    "ethnicity": r"\b(?:ethnic\w*|race)\b|民族|汉族",
    "religion": r"\b(?:religion|religious)\b|宗教|信仰",
    "political status": r"\b(?:party member|political (?:status|affiliation))\b|党员|政治面貌",
    "hometown": r"\b(?:hometown|household registration|hukou|local residents? only)\b"
    r"|户口|户籍|籍贯|本地人",
    "school tier": r"\b(?:ivy league|top[- ]tier universit\w*)\b|985|211|双一流|重点大学|名校"
    r"|一本(?:及以上|以上|院校|学历)",
}
_FAIRNESS_RE = {k: re.compile(v, re.I) for k, v in _FAIRNESS.items()}
# "男女不限" (either gender) states no preference: neither a criterion nor a finding.
_NO_LIMIT = re.compile(r"男女不限|不限男女|年龄不限|户籍不限")
# Numbers that look like school tiers but are not: times, dates, amounts.
_NOT_TIER = re.compile(r"\d[:.\-]?(?:985|211)|(?:985|211)\d")


def _fairness(item: str) -> tuple[str, list[Finding]]:
    """The item with clauses about protected traits removed, and a finding for each."""
    kept, found = [], []
    for clause in _CLAUSE.split(item):
        probe = _NOT_TIER.sub(" ", _NO_LIMIT.sub(" ", clause))
        rule = next((k for k, rx in _FAIRNESS_RE.items() if rx.search(probe)), None)
        if rule is None:
            kept.append(_NO_LIMIT.sub("", clause))
        else:
            found.append(
                Finding(
                    "fairness",
                    f"{rule} is not a job criterion: left out of scoring",
                    clause.strip(" ，,；;。"),
                )
            )
    return "".join(kept), found


# ---------------------------------------------------------------- minimums

_LEVEL_WORDS = (
    ("doctorate", r"\b(?:ph\.?d|doctorate|doctoral)\b|博士"),
    ("master", r"\b(?:master'?s?|mba|msc)\b|硕士|研究生"),
    (
        "bachelor",
        r"\b(?:bachelor'?s?|undergraduate|university degree|college degree|bsc|b\.s)\b"
        r"|本科|学士|统招大学|大学(?:本科|学历|毕业|以上)",
    ),
    ("associate", r"\b(?:associate'?s? degree|junior college|college diploma)\b|大专|专科"),
    ("highschool", r"\b(?:high school)\b|高中|中专"),
)
_DEGREE_CONTEXT = re.compile(
    r"degree|diploma|graduat|education|above|or higher|at least|学历|以上|毕业|及以上", re.I
)
_CN_NUM = dict(zip("一二两三四五六七八九十", (1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10), strict=True))
_YEARS = re.compile(
    r"(\d{1,2}|[一二两三四五六七八九十])\s*(?:\+|(?:\s*[-~～至到]\s*|\s+to\s+)\d{1,2})?\s*"
    r"(?:years?|yrs|年)(?![底度份初末终])",
    re.I,
)
_EXP_AFTER = re.compile(r"^.{0,40}?(?:经验|经历|experience|工作年限)", re.I | re.S)
_CEILING_AFTER = re.compile(r"\s*(?:以下|以内|之内)")
_CEILING_BEFORE = re.compile(r"(?:less than|under|up to|no more than|不超过|不到)\s*$", re.I)
# "Bachelor's degree or equivalent experience": a degree the posting will do without.
_EQUIVALENT = re.compile(
    r"\bor (?:an? )?(?:equal|equivalent|comparable|related)\b|\bequivalent experience\b"
    r"|或同等|同等学力|同等经验",
    re.I,
)
_EXP_BEFORE = re.compile(r"(?:experience|工作经验|经验)[^.;。；]{0,25}$", re.I)


# Words that make a degree a floor, not a profile: "Bachelor degree or above", "at least a
# bachelor's", "本科及以上学历". "Bachelor's degree in education" alone describes the usual
# background: weighed, but it does not decide eligibility.
_FLOOR = re.compile(
    r"\bor (?:above|higher|more)\b|\bat least\b|\bminimum\b|\brequired\b|\bmust\b"
    r"|以上|及以上|至少|必须",
    re.I,
)


def _floor(text: str, cue: Cue | None) -> bool:
    """Whether an education minimum is required: stated as a floor, not "preferred", and not
    admitting experience instead ("or equivalent experience")."""
    if (cue and cue.factor < 1.0) or _EQUIVALENT.search(text):
        return False
    return bool(_FLOOR.search(text) or (cue and cue.required))


def _education(clause: str) -> str | None:
    if not _DEGREE_CONTEXT.search(clause):
        return None
    found = [lvl for lvl, rx in _LEVEL_WORDS if re.search(rx, clause, re.I)]
    return found[-1] if found else None  # the lowest level named is the minimum


def _years(clause: str) -> float | None:
    """The least years of experience ``clause`` asks for ("3-5年" gives 3), if it asks."""
    for m in _YEARS.finditer(clause):
        if _CEILING_AFTER.match(clause[m.end() :]) or _CEILING_BEFORE.search(clause[: m.start()]):
            continue  # "1年以下", "less than 2 years": a ceiling, not a minimum
        if _EXP_AFTER.match(clause[m.end() :]) or _EXP_BEFORE.search(clause[: m.start()]):
            n = m.group(1)
            return float(_CN_NUM.get(n) or int(n))
    return None


# ---------------------------------------------------------------- clauses to criteria


def _cue(clause: str, lex: Lexicon) -> Cue | None:
    """The first cue group (in lexicon order) with a word in ``clause``."""
    low = fold(clause)
    return next((c for c in lex.cues if _cue_pattern(c).search(low)), None)


@lru_cache(maxsize=64)
def _cue_pattern(cue: Cue) -> re.Pattern[str]:
    """One regex for a cue group: Latin words whole ("must" not in "mustard"), CJK anywhere."""
    alts = sorted((fold(w) for w in cue.words), key=len, reverse=True)
    return re.compile(
        "|".join(
            rf"(?<![a-z]){re.escape(w)}(?![a-z])" if w.isascii() else re.escape(w) for w in alts
        )
    )


def _slug(label: str, used: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", fold(normalize(label))).strip("-")
    if not base:
        base = "c" + hashlib.sha256(label.encode()).hexdigest()[:6]
    slug, n = base, 2
    while slug in used:
        slug, n = f"{base}-{n}", n + 1
    used.add(slug)
    return slug


def _keep(crits: dict[str, Criterion], key: str, new: Criterion) -> None:
    """Keep the strongest reading of a criterion named more than once (first origin stays)."""
    old = crits.get(key)
    if old is None:
        crits[key] = new
    elif new.weight > old.weight or (new.required and not old.required):
        crits[key] = replace(
            old, weight=max(new.weight, old.weight), required=old.required or new.required
        )


def _factor(cue: Cue | None, item: Item) -> float:
    factor = cue.factor if cue else 1.0
    return factor * _PART_FACTOR[item.part] * (_PROSE_FACTOR if item.prose else 1.0)


def _minimums(
    text: str, item: Item, crits: dict[str, Criterion], used: set[str], lex: Lexicon
) -> None:
    """Education and experience minimums of one item (the first stated in a posting wins).

    Read over the whole item, not a clause: "研究生及以上学历，优秀者放宽至本科" names bachelor
    as the real minimum, "3年以上Python，C/C++开发经验" puts 经验 two clauses on. The cue of
    the clause holding the number still decides weight and whether it is required.
    """
    clauses = [c for c in _CLAUSE.split(text) if c.strip()]
    level = _education(text)
    if level and "education" not in crits:
        cue = _cue(next((c for c in clauses if _education(c)), text), lex)
        crits["education"] = Criterion(
            _slug("education", used),
            "education",
            f"{level} degree or above",
            round(lex.kind_weight("education") * _factor(cue, item), 3),
            (),
            _floor(text, cue),
            item.text[:300],
            min_level=level,
        )
    years = _years(text)
    if years and "experience" not in crits:
        cue = _cue(next((c for c in clauses if _YEARS.search(c)), text), lex)
        crits["experience"] = Criterion(
            _slug(f"experience-{years:g}-years", used),
            "experience",
            f"{years:g}+ years of experience",
            round(lex.kind_weight("experience") * _factor(cue, item), 3),
            (),
            not (cue and cue.factor < 1.0),
            item.text[:300],
            min_years=years,
        )


# Kinds that come in comma lists ("HTML，CSS，JS"); a clause opening with a soft skill or a
# duty ("pay attention to details") is a new requirement, not a list element.
_LISTED = frozenset({"tool", "skill", "domain", "language", "certification"})
_JOINER = re.compile(r"^\s*(?:and|or|as well as|&|以及|及|和|或)?\s*", re.I)


def _clause_cues(clauses: list[str], lex: Lexicon) -> list[Cue | None]:
    """The cue of each clause, shared along a list that runs over several clauses.

    "熟练掌握HTML，CSS，JS等前端技术" and "Java, Python and SQL are required" name one list
    cut by commas: a clause that opens with a listed term continues the clause before it, and a
    run with exactly one cue lends it to the run's clauses that have none.
    """
    own = [_cue(c, lex) for c in clauses]
    out = list(own)
    start = 0
    for i in range(1, len(clauses) + 1):
        if i < len(clauses):
            rest = clauses[i][_JOINER.match(clauses[i]).end() :]  # type: ignore[union-attr]
            hits = lex.scan(rest)
            after_comma = clauses[i - 1].rstrip()[-1:] in (",", "，")  # ";" ends a list
            if after_comma and hits and hits[0].start == 0 and hits[0].term.kind in _LISTED:
                continue  # clause i continues the run
        cues = {c for c in own[start:i] if c is not None}
        if len(cues) == 1:
            (cue,) = cues
            out[start:i] = [c or cue for c in own[start:i]]
        start = i
    return out


def _add_clause(
    clause: str,
    cue: Cue | None,
    item: Item,
    crits: dict[str, Criterion],
    used: set[str],
    lex: Lexicon,
) -> None:
    """Add the lexicon criteria one clause names, weighted by the clause's cue."""
    if cue and cue.factor <= 0:
        return
    factor = _factor(cue, item)
    required = bool(cue and cue.required and item.part == "req" and not item.prose)
    for term in _terms(clause, item, lex):
        w = round(lex.base_weight(term) * factor, 3)
        new = Criterion("", term.kind, term.label, w, term.aliases, required, item.text[:300])
        if term.label not in crits:
            new = replace(new, id=_slug(term.label, used))
        _keep(crits, term.label, new)


def _terms(clause: str, item: Item, lex: Lexicon) -> list[Term]:
    """The lexicon terms a clause names, once each, in order of appearance.

    Derived terms (ESCO, O*NET, THUOCL) count only in list items, never in prose: a big
    vocabulary must not turn an essay into criteria.
    """
    out: list[Term] = []
    for hit in lex.scan(clause):
        t = hit.term
        if t.source != "curated" and item.prose:
            continue
        if t not in out:
            out.append(t)
    return out


# ---------------------------------------------------------------- title and keywords

KEYWORDS_MAX = 20  # per posting, the most specific first: a person reads them all
# Keywords fill a rubric up to about this many criteria: where the lexicon already names the
# job's skills (20 terms), none are added; where it knows little of a trade, up to 20.
RUBRIC_SIZE = 20
KEYWORDS_MIN = 0  # a posting the curated lexicon covers needs no keyword
CHORE_FACTOR = 0.5  # an item or clause whose cue weighs less (chore, noise) gives no keyword
KEYWORD_REPEAT_MAX = 3  # a word named in several clauses weighs up to this many times more
# The title's own trade words ("aviation", "teacher") weigh this many times a keyword's base.
TITLE_WORD_FACTOR = 2.0


def _title_criterion(posting: Posting, used: set[str], lex: Lexicon) -> Criterion | None:
    """The job title as a criterion, with its O*NET and ESCO names as aliases.

    Made for a title written in the posting, or a generic one the occupations know
    ("Product manager"); a resume naming the job (or another name of it) is the strongest sign.
    """
    names = title_names(posting.title)
    if not names and not (posting.titled and posting.title.isascii()):
        return None
    return Criterion(
        _slug("title " + posting.title, used),
        "title",
        posting.title,
        lex.kind_weight("title"),
        names,
        False,
        posting.title,
    )


def _add_keywords(
    found: dict[str, tuple[float, Item, Cue | None]],
    counts: dict[str, int],
    crits: dict[str, Criterion],
    used: set[str],
    lex: Lexicon,
) -> None:
    """The most specific posting words as light criteria (never required), as many as fill
    the rubric to ``RUBRIC_SIZE`` (at least ``KEYWORDS_MIN``, at most ``KEYWORDS_MAX``).

    A word the posting comes back to ("aircraft" in three duties) is what the job is about:
    its weight grows with the number of clauses naming it, up to ``KEYWORD_REPEAT_MAX`` times.
    A word some criterion already names is left out.
    """
    base = lex.kind_weight("keyword")
    named = {c.label.lower() for c in crits.values()}
    fresh = {w: v for w, v in found.items() if w.lower() not in named}
    room = max(KEYWORDS_MIN, RUBRIC_SIZE - len(crits))
    best = sorted(fresh.items(), key=lambda kv: -kv[1][0])[: min(KEYWORDS_MAX, room)]
    for word, (spec, item, cue) in sorted(best, key=lambda kv: list(fresh).index(kv[0])):
        repeat = min(counts.get(word, 1), KEYWORD_REPEAT_MAX)
        # "preferred" lowers a keyword; nothing raises one above its kind's weight.
        w = round(base * spec * min(1.0, _factor(cue, item)) * repeat, 3)
        crits[word] = Criterion(_slug(word, used), "keyword", word, w, (), False, item.text[:300])


def _add_title_words(
    title_crit: Criterion, crits: dict[str, Criterion], used: set[str], lex: Lexicon
) -> None:
    """Each trade word of the title as a light title criterion (``keywords.title_words``).

    Kind "title", so it is scored as a title: in full where the resume names the candidate's job
    ("Healthcare Operations Manager" meets "healthcare"), lightly where it is only mentioned.
    """
    w = round(lex.kind_weight("keyword") * TITLE_WORD_FACTOR, 3)
    for word, forms in title_words(title_crit.label, lex):
        # "teacher" brings "teaching": that is one criterion, not two.
        aliases = tuple(f for f in forms if f not in crits or crits[f].kind == "keyword")
        for f in aliases:
            crits.pop(f, None)
        old = crits.get(word)
        if old is None or old.kind == "keyword":
            crits[word] = Criterion(
                old.id if old else _slug(word, used), "title", word,
                max(w, old.weight if old else 0.0), aliases, False, title_crit.label,
            )  # fmt: skip


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

    >>> p = Posting(1, "Analyst", ("Requirements:", "1. Must know SQL", "2. Excel is a plus"))
    >>> r = compile_posting(p, job_id="a", source=Source())
    >>> [(c.kind, c.label, c.required) for c in r.criteria]
    [('title', 'Analyst', False), ('tool', 'SQL', True), ('tool', 'Excel', False)]
    """
    lex = lexicon or default_lexicon()
    crits: dict[str, Criterion] = {}
    findings: list[Finding] = []
    used: set[str] = set()
    if posting.titled:
        # A domain in a written title ("电商高级助理": e-commerce) is what the job is about,
        # even when the list items only mention it in passing.
        for hit in lex.scan(posting.title):
            if hit.term.kind == "domain" and hit.term.source == "curated":
                t = hit.term
                crit = Criterion(
                    _slug(t.label, used), t.kind, t.label, lex.base_weight(t), t.aliases,
                    False, posting.title,
                )  # fmt: skip
                _keep(crits, t.label, crit)
    title_crit = _title_criterion(posting, used, lex)
    # Keywords must be words said of this job (O*NET, ESCO); a job no occupation names gets
    # only unknown acronyms ("OSHA").
    said = occupation_words(title_crit.label if title_crit else posting.title) or frozenset()
    keywords: dict[str, tuple[float, Item, Cue | None]] = {}  # word -> first reading
    counts: dict[str, int] = {}  # word -> clauses naming it
    for item in items(posting.lines):
        text, found = _fairness(item.text)
        findings.extend(found)
        if any(c.factor <= 0 for c in [_cue(text, lex)] if c is not None):
            continue  # a noise cue anywhere drops the whole item (working conditions, benefits)
        _minimums(text, item, crits, used, lex)
        clauses = [p for p in _CLAUSE.split(text) if p.strip()]
        hits = lex.scan(text)
        # An item about temperament ("communication skills, enthusiasm, works under pressure")
        # names soft skills; its other words are no trade's.
        soft = bool(hits) and all(h.term.kind == "soft_skill" for h in hits)
        # An errand ("stationery, envelopes, business cards", "tasks assigned by the
        # Minister") is any office's: its words are no trade's.
        chore = any(c.factor < CHORE_FACTOR for c in [_cue(text, lex)] if c is not None)
        for clause, cue in zip(clauses, _clause_cues(clauses, lex), strict=True):
            _add_clause(clause, cue, item, crits, used, lex)
            if item.prose or soft or chore or (cue and cue.factor < CHORE_FACTOR):
                continue  # an essay's words are not the job's
            for word, spec in posting_words(clause, posting.title, lex):
                if not said_of_the_job(word, said):
                    continue
                keywords.setdefault(word, (spec, item, cue))
                counts[word] = counts.get(word, 0) + 1
    _add_keywords(keywords, counts, crits, used, lex)
    if title_crit is not None:
        _add_title_words(title_crit, crits, used, lex)
    if not crits and title_crit is None:
        raise PostingError(f"posting {posting.number} ({posting.title!r}): no criteria found")
    criteria = ((title_crit,) if title_crit else ()) + tuple(crits.values())
    title = posting.title
    if not posting.titled and (focus := _focus(criteria)):
        title = f"{title} ({focus})"
    text = "\n".join(posting.lines)
    lang = "zh" if has_cjk(text) and sum(map(has_cjk, text)) * 3 > len(text) else "en"
    return Rubric(
        job_id=job_id,
        title=title,
        language=lang,
        criteria=criteria,
        source=source,
        findings=tuple(findings),
    )


def compile_text(
    text: str, *, stem: str, posting_name: str = "", lexicon: Lexicon | None = None
) -> list[Rubric]:
    """Compile every posting in ``text``; ``job_id`` is ``stem``, or ``stem-N`` for several.

    Postings with nothing scorable are skipped; ``PostingError`` is raised when none is left.

    >>> [r.job_id for r in compile_text("Requirements: SQL and Excel", stem="analyst")]
    ['analyst']
    """
    if not text.strip():
        raise PostingError(f"{posting_name or stem}: empty posting")
    source = Source(posting_name, hashlib.sha256(text.encode("utf-8")).hexdigest(), ENGINE_VERSION)
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
