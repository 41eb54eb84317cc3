"""Sections: split resume text into titled sections by their headings, and read listed items.

Input is a resume's text and the ``Lexicon`` (its section headings, English and Chinese); output
is ``Section`` spans, plus the ``Fact`` values that a section lists: languages spoken and
certifications. The cue words that tell a job title, an employer and a place apart live here
too, since roles, degrees and contact fields all read header lines with them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from matcher.resume.dates import RANGE
from matcher.text import normalize_term
from matcher.vocab.lexicon import Lexicon


@dataclass(frozen=True, slots=True)
class Section:
    """A titled part of the resume: ``name`` is canonical (experience, education, skills...).

    Two headings the reader joined on one line ("SKILLS   EXPERIENCE") give two sections over
    the same span, since their contents are interleaved below.
    """

    name: str
    heading: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Fact:
    """A value read from the resume, with where it stands (``page`` is 1-based)."""

    value: str
    start: int
    end: int
    text: str
    page: int = 1


# Bullets, rules, brackets and list numbers ("一、", "1.", "IV.") people put around headings.
_HEADING_STRIP = re.compile(
    r"^[\s#*•·\-=_|:【\[(（]*(?:(?:[一二三四五六七八九十]+|\d{1,2}|[IVX]{1,4})[、.．)）]\s*)?"
    r"|[\s#*•·\-=_|:】\])）]+$"
)
# Possessive whitespace: a line of 200,000 spaces must not be split every way there is.
_INLINE_HEADING = re.compile(r"^\s*+[•·*\-]?\s*+([^:\n]{2,30}?)\s*+:\s*+(?=\S)")
CONNECTORS = {"and", "&", "of", "/", "the", "in", "-"}


def find_sections(text: str, lex: Lexicon) -> tuple[Section, ...]:
    """Sections by their headings, in English and Chinese, any case.

    A heading is a short line that reads as a known heading ("WORK HISTORY", "工作经历:",
    "一、教育背景"), a known heading ending a short title-cased line ("Teaching Experience"), a
    heading followed by a colon and content on the same line ("Skills: SQL, Excel"), or two
    headings the reader joined from two columns ("SKILLS   EXPERIENCE"). Sections run to the
    next heading; text before the first is ``top``.

    >>> from matcher.vocab.lexicon import default_lexicon
    >>> [s.name for s in find_sections("Jo\\nSkills: SQL\\nWORK HISTORY\\nx", default_lexicon())]
    ['skills', 'experience']
    """
    names = heading_index(lex)
    found: list[tuple[int, str, str]] = []
    pos = 0
    for line in text.split("\n"):
        for name in _heading_names(line, names):
            found.append((pos, name, line.strip()))
        pos += len(line) + 1
    out: list[Section] = []
    starts = sorted({p for p, _, _ in found})
    for start, name, heading in found:
        nxt = next((p for p in starts if p > start), len(text))
        out.append(Section(name, heading, start, nxt))
    return tuple(out)


def heading_index(lex: Lexicon) -> dict[str, str]:
    """Every heading of the lexicon (``normalize_term``-ed) mapped to its canonical section."""
    return {normalize_term(h): name for name, heads in lex.sections for h in heads}


def _heading_names(line: str, names: dict[str, str]) -> list[str]:
    """The canonical section(s) ``line`` opens, or [] when it is not a heading."""
    if len(line) > 60 or not line.strip():
        return []
    bare = _HEADING_STRIP.sub("", line)
    key = normalize_term(bare)
    if key in names and len(bare) <= 40:
        return [names[key]]
    m = _INLINE_HEADING.match(line)
    if m and normalize_term(_HEADING_STRIP.sub("", m.group(1))) in names:
        return [names[normalize_term(_HEADING_STRIP.sub("", m.group(1)))]]
    if m:  # "Skills: ..." done above; a colon after anything else is content
        return []
    # Two column headings joined by the reader: "SKILLS      EXPERIENCE".
    parts = [p for p in re.split(r"\s{2,}|\t|\s+\|\s+", bare.strip()) if p]
    if len(parts) == 2 and all(normalize_term(p) in names for p in parts):
        return [names[normalize_term(p)] for p in parts]
    # A short title-cased or all-caps line ending in a known heading: "Relevant Work History".
    words = bare.split()
    if 2 <= len(words) <= 5 and not re.search(r"\d|[.,;!?]$", bare) and _title_like(words):
        for k in range(1, len(words)):
            tail = normalize_term(" ".join(words[k:]))
            # Only work and education headings: "Leadership Skills" in a list is no heading.
            if names.get(tail) in ("experience", "education"):
                return [names[tail]]
    return []


def _title_like(words: list[str]) -> bool:
    return all(w[:1].isupper() or w.lower() in CONNECTORS for w in words)


# ---------------------------------------------------------------- header cue words
# Words that make a piece of a role or degree header read as a job title, an employer or a
# place. They decide between pieces, so a miss only swaps which piece is which.

TITLE_CUES = re.compile(
    r"(?<![a-z])(?:manager|engineer|analyst|specialist|assistant|accountant|director|consultant"
    r"|developer|intern|officer|coordinator|lead|head|supervisor|administrator|representative"
    r"|associate|designer|teacher|instructor|tutor|nurse|chef|cook|executive|president|vp"
    r"|clerk|technician|advisor|adviser|agent|architect|auditor|controller|owner|founder"
    r"|partner|planner|programmer|scientist|researcher|writer|editor|producer|operator|driver"
    r"|trainer|recruiter|buyer|cashier|server|bartender|receptionist|secretary|mechanic"
    r"|attorney|lawyer|paralegal|pilot|therapist|pharmacist|physician|aide|volunteer|member"
    r"|fellow|strategist|officer|generalist|bookkeeper|banker|teller|underwriter|sergeant"
    r"|marine|soldier|specialist|staff|worker|leader|captain|chief|cto|ceo|cfo|coo)s?(?![a-z])"
    r"|经理|专员|工程师|助理|主管|总监|实习生|会计|出纳|运营|设计师|顾问|主任|部长|文员|销售|老师"
    r"|教师|负责人|总经理|经理人|分析师|产品|开发|架构师|店长|编辑|策划|客服|组长|主编|合伙人|创始人",
    re.IGNORECASE,
)
ORG_CUES = re.compile(
    r"(?<![a-z])(?:company name|inc|llc|llp|ltd|limited|corp|corporation|co|company|group|holdings|bank"
    r"|university|college|school|institute|hospital|clinic|center|centre|agency|associates"
    r"|partners|foundation|firm|studio|studios|labs?|technologies|technology|systems|solutions"
    r"|services|software|financial|commerce|marketplace|retail|consulting|enterprises"
    r"|industries|international|department|dept|office|county|city of|state of|army|navy"
    r"|air force|corps|church|restaurant|hotel|resort|store|stores)\.?(?![a-z])"
    r"|公司|集团|银行|医院|学校|大学|学院|事务所|工作室|中心|研究院|研究所|酒店|餐厅|政府|局|厂|店",
    re.IGNORECASE,
)
# "City , State" (the anonymised form in some data), "San Francisco, CA", and Chinese cities.
LOCATION = re.compile(
    r"\bCity\s*,\s*State\b|\b[A-Z][a-z]+(?: [A-Z][a-z]+)?\s*,\s*[A-Z]{2}\b(?![a-z])"
    r"|^(?:北京|上海|广州|深圳|杭州|南京|成都|武汉|西安|重庆|天津|苏州|郑州|长沙|厦门|青岛|佛山"
    r"|东莞|宁波|合肥|济南|大连|沈阳|福州|昆明|无锡)(?:市)?$"
    r"|^(?i:remote|city|state)$",
)


def lines_of(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text[a:b]``, as offsets into ``text``."""
    out = []
    pos = a
    for line in text[a:b].split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def eol(text: str, pos: int) -> int:
    """The offset of the end of the line holding ``pos``."""
    i = text.find("\n", pos)
    return len(text) if i < 0 else i


# ---------------------------------------------------------------- languages, certifications


# ---------------------------------------------------------------- languages, certifications

_LANGUAGES = {
    "english": "English", "spanish": "Spanish", "french": "French", "german": "German",
    "chinese": "Chinese", "mandarin": "Mandarin", "cantonese": "Cantonese",
    "japanese": "Japanese", "korean": "Korean", "portuguese": "Portuguese",
    "italian": "Italian", "russian": "Russian", "arabic": "Arabic", "hindi": "Hindi",
    "vietnamese": "Vietnamese", "tagalog": "Tagalog", "polish": "Polish", "dutch": "Dutch",
    "greek": "Greek", "turkish": "Turkish", "hebrew": "Hebrew", "urdu": "Urdu",
    "bengali": "Bengali", "punjabi": "Punjabi", "thai": "Thai", "swahili": "Swahili",
    "creole": "Creole", "farsi": "Farsi", "persian": "Persian", "sign language": "Sign Language",
    "asl": "Sign Language", "swedish": "Swedish", "ukrainian": "Ukrainian",
    "英语": "English", "英文": "English", "普通话": "Mandarin", "汉语": "Chinese",
    "中文": "Chinese", "粤语": "Cantonese", "日语": "Japanese", "韩语": "Korean",
    "法语": "French", "德语": "German", "西班牙语": "Spanish", "俄语": "Russian",
    "cet-4": "English", "cet-6": "English", "cet4": "English", "cet6": "English",
    "四级": "English", "六级": "English", "专八": "English", "专四": "English",
}  # fmt: skip
_LANG_RE = re.compile(
    r"(?<![a-z])(?:"
    + "|".join(re.escape(k) for k in sorted(_LANGUAGES, key=len, reverse=True))
    + r")(?![a-z])",
    re.IGNORECASE,
)
# Outside a languages section a language counts only beside a proficiency word.
_LANG_CUE = re.compile(
    r"fluent|bilingual|native|proficien|conversational|mother tongue|speak|spoken|written and"
    r"|流利|熟练|精通|母语|良好|cet|四级|六级",
    re.IGNORECASE,
)
_ITEM_SPLIT = re.compile(r"\n|;|；|,|，|、|·|•|\|")


def find_languages(text: str, sections: tuple[Section, ...]) -> tuple[Fact, ...]:
    """Languages spoken: each item of a languages section, or a language beside a proficiency.

    ``value`` is the language's English name, ``text`` the item as written ("Spanish
    (professional working proficiency)").

    >>> from matcher.vocab.lexicon import default_lexicon
    >>> t = "LANGUAGES\\nEnglish (native), 普通话"
    >>> [(f.value, f.text) for f in find_languages(t, find_sections(t, default_lexicon()))]
    [('English', 'English (native)'), ('Mandarin', '普通话')]
    """
    out: dict[str, Fact] = {}
    regions = [(s.start, s.end) for s in sections if s.name == "languages"]
    for a, b in regions:
        body = a + len(text[a:b].split("\n", 1)[0]) if _is_heading_only(text, a) else a
        for start, item in _items(text, body, b):
            m = _LANG_RE.search(item)
            if m:
                out.setdefault(
                    _LANGUAGES[m.group(0).lower()],
                    Fact(_LANGUAGES[m.group(0).lower()], start, start + len(item), item),
                )
    for m in _LANG_RE.finditer(text):
        name = _LANGUAGES[m.group(0).lower()]
        ls, le = text.rfind("\n", 0, m.start()) + 1, eol(text, m.start())
        near = text[max(ls, m.start() - 40) : min(le, m.end() + 40)]
        if name not in out and _LANG_CUE.search(near) and m.group(0) != m.group(0).lower():
            out[name] = Fact(name, m.start(), m.end(), m.group(0))
    return tuple(sorted(out.values(), key=lambda f: f.start))


def _is_heading_only(text: str, a: int) -> bool:
    return ":" not in text[a : eol(text, a)]


def _items(text: str, a: int, b: int) -> list[tuple[int, str]]:
    """The list items of ``text[a:b]`` with their offsets (split at newlines, commas, 、...)."""
    seg = text[a:b]
    if a < b and not _is_heading_only(text, a):
        colon = seg.find(":")
        a, seg = a + colon + 1, seg[colon + 1 :]
    out = []
    pos = 0
    for part in _ITEM_SPLIT.split(seg):
        idx = seg.find(part, pos)
        pos = idx + len(part)
        item = part.strip(" \t-*•·")
        if item and len(item) <= 120:
            out.append((a + seg.find(item, idx), item))
    return out


def find_certifications(text: str, sections: tuple[Section, ...]) -> tuple[Fact, ...]:
    """The items of the certifications sections ("PMP, 2019", "NPDP产品经理国际资格认证").

    >>> from matcher.vocab.lexicon import default_lexicon
    >>> t = "CERTIFICATIONS\\nPMP, 2019 · NPDP, 2020"
    >>> [f.value for f in find_certifications(t, find_sections(t, default_lexicon()))]
    ['PMP', 'NPDP']
    """
    out: list[Fact] = []
    for s in sections:
        # "语言与证书" / "Languages and Certifications" lists both kinds.
        if s.name != "certifications" and not re.search(r"证书|certif", s.heading, re.I):
            continue
        body = s.start + len(text[s.start : s.end].split("\n", 1)[0])
        start = body if _is_heading_only(text, s.start) else s.start
        for pos, item in _items(text, start, s.end):
            value = re.sub(r"[\s(]*(?:19|20)\d{2}\)?$", "", item).strip()
            if sum(c.isalpha() for c in value) < 2 or re.fullmatch(r"\(?(?:19|20)\d{2}\)?", item):
                continue
            if any(f.value == value for f in out) or RANGE.fullmatch(item.strip()):
                continue
            out.append(Fact(value, pos, pos + len(value), value))
    return tuple(out)
