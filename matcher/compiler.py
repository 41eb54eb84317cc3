"""Compiler: job posting text in, ``Rubric`` values out (one per posting found in the text).

Input is posting text (English or Chinese, possibly several postings wrapped in site junk);
output is a list of ``Rubric``. Each criterion comes from a lexicon term found in a posting
line (``origin``), weighted by its kind and the cue words on that line. Lines about gender, age,
looks, marital status, origin or school tier are never scored: they become ``findings``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from matcher._version import __version__
from matcher.errors import PostingError
from matcher.lexicon import Lexicon, Term, default_lexicon
from matcher.rubric import Criterion, Finding, Rubric, Source
from matcher.text import find_term, fold, has_cjk, normalize, normalize_term

ENGINE_VERSION = __version__


@dataclass(frozen=True, slots=True)
class Posting:
    """One posting cut out of a file: its number in the file (1-based), title and lines."""

    number: int
    title: str
    lines: tuple[str, ...]


# ---------------------------------------------------------------- splitting

_HEAD_WORDS = ("responsib", "job", "position", "vacanc", "opening", "职责", "岗位", "职位", "招聘")
_END_MARKERS = ("相关文章", "related articles", "相关推荐", "热门文章")
_NUM = re.compile(r"(\d{1,2})(?:\s(\d))?(?:\s(\d))?")


def _heading_number(line: str) -> tuple[str, dict[int, int]] | None:
    """(stem, {possible number: where the heading's number ends}) for a posting heading.

    "Responsibility of product manager 1 1 1. Assist" may be posting 1 or posting 11 (a
    mangled "11"); the caller picks the one that continues the sequence.
    """
    m = re.search(r"\d", line)
    if not m or m.start() == 0:
        return None
    stem = line[: m.start()].strip(" :：#-")
    low = stem.lower()
    if not stem or len(stem) > 60 or re.search(r"[,;，；。!?]", stem):
        return None
    if not any(w in low for w in _HEAD_WORDS):
        return None
    n = _NUM.match(line, m.start())
    if not n:
        return None
    a, b = n.group(1), n.group(2)
    options = {int(a): n.end(1)}
    if b:
        options.setdefault(int(a + b), n.end(2))
    return stem, options


def split_postings(text: str) -> list[Posting]:
    """Cut posting text into postings at headings numbered 1, 2, 3... in order.

    A file with no such run of headings is one posting. Text before the first heading (site
    navigation, introductions) and after an end marker ("related articles") is dropped.
    """
    lines = [ln.strip() for ln in normalize(text).split("\n")]
    for i, ln in enumerate(lines):
        if any(
            ln.lower().startswith(m) or ln.lower().endswith(m + ":") for m in _END_MARKERS
        ) or any(m in ln.lower() for m in _END_MARKERS[:2]):
            lines = lines[:i]
            break
    starts: list[tuple[int, int]] = []  # (line index, where the heading number ends)
    for i, ln in enumerate(lines):
        got = _heading_number(ln)
        if got and len(starts) + 1 in got[1]:
            starts.append((i, got[1][len(starts) + 1]))
    if len(starts) < 2:
        body = tuple(ln for ln in lines if ln)
        return [Posting(1, _title(body, body[0] if body else ""), body)]
    out = []
    for k, (i, num_end) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        first = lines[i]
        # The heading line may carry the first item: "Responsibility of PM 3 1. Daily tracking".
        rest = first[num_end:].lstrip(" .、:：")
        body = tuple(x for x in ((rest,) if rest else ()) + tuple(lines[i + 1 : end]) if x)
        out.append(Posting(k + 1, _title(body, first), body))
    return out


_TITLE_LINE = re.compile(r"^(?:title|job title|position|职位名称|岗位名称)\s*[:：]\s*(.+)$", re.I)


_ROLE_WORD = re.compile(
    r"经理|主管|助理|专员|总监|运营|manager|assistant|director|specialist|engineer"
    r"|analyst|officer|lead",
    re.I,
)
_TITLE_TAIL = re.compile(
    r"(岗位职责|工作职责|职位描述|职责|job responsibilities|responsibilities)"
    r"\s*[:：]?$",
    re.I,
)


def _title(body: tuple[str, ...], heading: str) -> str:
    """The posting's title: a "Title:" line, a short role-like first line, or the heading."""
    for ln in body[:12]:
        m = _TITLE_LINE.match(ln)
        if m:
            return m.group(1).strip()
    first = _TITLE_TAIL.sub("", body[0]).strip() if body else ""
    if (
        2 <= len(first) <= 30
        and _ROLE_WORD.search(first)
        and not re.search(r"[,.;，。；:：]", first)
    ):
        return first
    m = re.search(r"\bof\s+([a-z][a-z ]{2,40}?)(?=\s+is\b|\s*:|\s*\d|$)", heading, re.I)
    if m:
        return m.group(1)[:1].upper() + m.group(1)[1:]
    stem = re.sub(r"\d.*$", "", heading)
    m = re.search(r"(?:of|for)\s+(.+)$", stem, re.I)
    title = m.group(1) if m else stem
    title = re.sub(r"(岗位职责|工作职责|职位描述|职责)$", "", title).strip(" :：")
    return (title[:1].upper() + title[1:]) if title else "Untitled posting"


# ---------------------------------------------------------------- lines to criteria

_RESP_HEAD = (
    "responsibilities",
    "responsibility",
    "duties",
    "what you will do",
    "job description",
    "job responsibilities",
    "岗位职责",
    "工作内容",
    "工作职责",
    "职位描述",
    "岗位描述",
)
_REQ_HEAD = (
    "requirements",
    "requirement",
    "qualifications",
    "qualification",
    "what you bring",
    "job requirements",
    "skills",
    "任职要求",
    "任职资格",
    "岗位要求",
    "职位要求",
    "任职条件",
)
_ITEM_SPLIT = re.compile(
    r"(?:(?<=\s)|(?<=[;；。]))(?=(?:\d{1,2}\s?[.、,，:：)]|[(（]\d{1,2}[)）]|[①-⑳])\s*\S)"
)
_BULLET = re.compile(r"^(?:\d{1,2}(?:\s\d)?\s?[.、,，:：)]|[(（]\d{1,2}[)）]|[①-⑳]|[-*•·])\s*")

_FAIRNESS = {
    "gender": r"\b(?:male|female|gender|men only|women only|man|woman)\b|男性|女性|男士|女士|性别|限男|限女",
    "age": r"\b(?:age[ds]?|aged|under \d\d|below \d\d|years old)\b|年龄|\d{2}\s*岁|岁以下|周岁",
    "appearance": r"\b(?:appearance|good[- ]looking|attractive|image and temperament)\b"
    r"|\bheight\s*(?:of\s*)?(?:above|over|at least)?\s*\d|\d{3}\s*cm\b"
    r"|形象|气质|身高|相貌|五官|颜值",
    "marital_status": r"\b(?:married|unmarried|single|marital)\b|已婚|未婚|婚否|已育",
    "ethnicity_religion_politics": r"\b(?:ethnic|religion|religious|party member)\b|民族|宗教|党员|政治面貌",
    "origin": r"\b(?:hometown|household registration|hukou|local residents? only)\b|户口|户籍|籍贯|本地人",
    "school_tier": r"\b(?:985|211|ivy league|top[- ]tier universit)|985|211|重点大学|名校|一本",
}
_FAIRNESS_RE = {k: re.compile(v, re.I) for k, v in _FAIRNESS.items()}
_CLAUSE = re.compile(r"(?<=[，,；;。])")

_LEVEL_WORDS = (
    ("doctorate", r"\b(?:ph\.?d|doctorate|doctoral)\b|博士"),
    ("master", r"\b(?:master'?s?|mba)\b|硕士|研究生"),
    (
        "bachelor",
        r"\b(?:bachelor'?s?|undergraduate|university degree|college degree)\b|本科|学士|大学",
    ),
    ("associate", r"\b(?:associate'?s? degree|junior college|college diploma)\b|大专|专科"),
    ("highschool", r"\b(?:high school)\b|高中|中专"),
)
_DEGREE_CONTEXT = re.compile(
    r"degree|diploma|graduat|education|above|or higher|at least|学历|以上|毕业", re.I
)
_CN_NUM = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
_YEARS = re.compile(
    r"(?:more than|over|at least|minimum of|min\.?|no less than)?\s*(\d{1,2}|[一二两三四五六七八九十])"
    r"\s*(?:\+|\s*-\s*\d{1,2}|\s*to\s*\d{1,2})?\s*(?:years?|yrs|年)",
    re.I,
)
_EXP_CONTEXT = re.compile(r"experience|经验|工作|从业|work", re.I)


def _clean(line: str) -> str:
    return _BULLET.sub("", line).strip()


def _items(lines: tuple[str, ...]) -> list[tuple[str, str]]:
    """(part, item text) for every list item; ``part`` is "resp" or "req"."""
    part = "resp"
    out: list[tuple[str, str]] = []
    for ln in lines:
        key = normalize_term(re.sub(r"[:：\s]+$", "", _clean(ln)))
        key = re.sub(r"^(?:second|third|first)[,\s]+(?:the\s+)?", "", key)
        if key in _RESP_HEAD or key.endswith(tuple(f" {h}" for h in _RESP_HEAD[:3])):
            part = "resp"
            continue
        if key in _REQ_HEAD:
            part = "req"
            continue
        # "Requirements: 1. Bachelor..." on one line
        m = re.match(
            r"^(requirements?|qualifications?|任职要求|任职资格|岗位要求)\s*[:：]\s*(.+)$", ln, re.I
        )
        if m:
            part, ln = "req", m.group(2)
        for piece in _ITEM_SPLIT.split(ln):
            piece = _clean(piece)
            if len(piece) >= 2:
                out.append((part, piece))
    return out


def _fairness(item: str) -> tuple[str, list[Finding]]:
    """The item with clauses about protected traits removed, and a finding for each."""
    kept, found = [], []
    for clause in _CLAUSE.split(item):
        rule = next((k for k, rx in _FAIRNESS_RE.items() if rx.search(clause)), None)
        if rule is None:
            kept.append(clause)
        else:
            found.append(
                Finding(
                    "fairness",
                    f"{rule.replace('_', ' ')} is not a job criterion: left out of scoring",
                    clause.strip(" ，,；;。"),
                )
            )
    return "".join(kept), found


def _factor(item: str, lex: Lexicon) -> tuple[float, bool]:
    """(weight factor, required) from the cue words in ``item``."""
    low = fold(item)
    if any(c in low for c in lex.preferred_cues):
        return lex.preferred_factor, False
    if any(re.search(rf"(?<![a-z]){re.escape(c)}(?![a-z])", low) for c in lex.required_cues):
        return lex.required_factor, True
    return 1.0, False


def _slug(label: str, used: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", fold(normalize(label))).strip("-")
    if not base:
        base = "c" + hashlib.sha256(label.encode()).hexdigest()[:6]
    slug, n = base, 2
    while slug in used:
        slug, n = f"{base}-{n}", n + 1
    used.add(slug)
    return slug


def _terms_in(item: str, lex: Lexicon) -> list[Term]:
    folded = fold(item)
    index = lex.by_surface()
    hits: list[tuple[int, int, Term]] = []
    for surface, term in index.items():
        if len(surface) < 2:
            continue
        for span in find_term(surface, folded):
            hits.append((span.start, -(span.end - span.start), term))
    # Longest hit first at a position; one criterion per term.
    seen: set[str] = set()
    out = []
    for _, _, term in sorted(hits, key=lambda h: (h[0], h[1])):
        if term.label not in seen:
            seen.add(term.label)
            out.append(term)
    return out


def _education(item: str) -> str | None:
    if not _DEGREE_CONTEXT.search(item):
        return None
    found = [lvl for lvl, rx in _LEVEL_WORDS if re.search(rx, item, re.I)]
    return found[-1] if found else None  # the lowest level named is the minimum


def _years(item: str) -> float | None:
    if not _EXP_CONTEXT.search(item):
        return None
    for m in _YEARS.finditer(item):
        n = m.group(1)
        return float(_CN_NUM.get(n) or int(n))
    return None


def _clauses(item: str) -> list[str]:
    """Cue words reach as far as their clause: "Bachelor degree, e-commerce preferred"."""
    parts = [p for p in re.split(r"(?<=[,;，；。])", item) if p.strip()]
    return parts or [item]


def _add_clause(
    clause: str, part: str, origin: str, crits: dict[str, Criterion], used: set[str], lex: Lexicon
) -> None:
    """Add the criteria one clause names, keeping the strongest weight per term."""
    factor, required = _factor(clause, lex)
    level = _education(clause)
    if level and "education" not in crits:
        # A stated minimum is a requirement unless the clause calls it preferred.
        crits["education"] = Criterion(
            _slug("education", used),
            "education",
            f"{level} degree or above",
            lex.kind_weight("education") * factor,
            (),
            factor >= 1.0,
            origin,
            min_level=level,
        )
    years = _years(clause)
    if years and "experience" not in crits:
        crits["experience"] = Criterion(
            _slug(f"experience-{years:g}-years", used),
            "experience",
            f"{years:g}+ years of experience",
            lex.kind_weight("experience") * factor,
            (),
            factor >= 1.0,
            origin,
            min_years=years,
        )
    for term in _terms_in(clause, lex):
        w = round(lex.kind_weight(term.kind) * factor * (1.2 if part == "req" else 1.0), 3)
        old = crits.get(term.label)
        if old is None:
            crits[term.label] = Criterion(
                _slug(term.label, used), term.kind, term.label, w, term.aliases, required, origin
            )
        elif w > old.weight or (required and not old.required):
            crits[term.label] = Criterion(
                old.id,
                old.kind,
                old.label,
                max(w, old.weight),
                old.aliases,
                old.required or required,
                old.origin,
            )


def compile_posting(
    posting: Posting, *, job_id: str, source: Source, lexicon: Lexicon | None = None
) -> Rubric:
    """Compile one ``Posting`` into a ``Rubric``; raise ``PostingError`` if nothing is scorable."""
    lex = lexicon or default_lexicon()
    crits: dict[str, Criterion] = {}
    findings: list[Finding] = []
    used: set[str] = set()
    for part, raw in _items(posting.lines):
        item, found = _fairness(raw)
        findings.extend(found)
        if not item.strip():
            continue
        origin = raw[:300]
        for clause in _clauses(item):
            _add_clause(clause, part, origin, crits, used, lex)
    if not crits:
        raise PostingError(f"posting {posting.number} ({posting.title!r}): no criteria found")
    text = "\n".join(posting.lines)
    lang = "zh" if has_cjk(text) and sum(map(has_cjk, text)) * 3 > len(text) else "en"
    return Rubric(
        job_id=job_id,
        title=posting.title,
        language=lang,
        criteria=tuple(crits.values()),
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
    """Compile a posting file (UTF-8 or GB18030 text); ``job_id`` comes from the file stem."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise PostingError(f"{p}: cannot read: {e.strerror or e}") from None
    if b"\x00" in data[:4096]:
        raise PostingError(f"{p}: not a text file")
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
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
