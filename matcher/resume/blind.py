"""Blind mode: a ``Document`` in, the same ``Document`` with who the candidate is masked out.

Masked, in English and Chinese: the contact fields ``contacts`` finds (name, e-mail, phone,
links, address); the values of labelled personal fields (姓名, 性别, 出生年月, 年龄, 民族,
婚姻状况, 籍贯, 政治面貌, 照片, date of birth, gender, nationality...); ages ("34 years old",
28岁); gender words (male, Mr., she, 男 standing alone); marital status (married, 已婚); ethnic
and party cues (汉族, 中共党员); images' alt text; and the years of the education section and
class years (2025届, class of 2008), which reveal age. Each is replaced by ``MASK``, whatever
its length, so resumes that differ only in these read the same, and every later step (scoring,
evidence, explain, report) sees only the masked text. What is masked is returned too, so a
caller can check that none of it reaches an output.
"""

from __future__ import annotations

import re
from dataclasses import replace

from matcher.read.document import Document, Page
from matcher.resume.contacts import find_contacts
from matcher.resume.sections import Fact, find_sections
from matcher.vocab.lexicon import Lexicon, default_lexicon

MASK = "████"

_LABELS = (
    r"full name|name|date of birth|birth ?date|d\.?o\.?b\.?|born|age|gender|sex|marital status"
    r"|nationality|citizenship|ethnicity|race|religion|hometown|place of birth|photo|picture"
    r"|姓\s*名|性\s*别|出生年月|出生日期|出生年份|生日|年\s*龄|民\s*族|婚姻状况|婚\s*否|婚育状况"
    r"|籍\s*贯|户口所在地|户\s*籍|政治面貌|照\s*片|国\s*籍|宗教信仰|身\s*高|体\s*重"
)
# A labelled field: the label, a colon, and its value up to a separator or the line's end.
_FIELD = re.compile(
    rf"(?:^|(?<=[\s|•·,，;；]))(?:{_LABELS})\s*[:：]\s*([^\n|•·,，;；]+?)\s*(?=\s{{3,}}|[\n|•·,，;；]|$)",
    re.IGNORECASE | re.MULTILINE,
)
_FREE = re.compile(
    r"\b\d{2}\s*(?:years? old|y/o|yrs? old)\b|\baged?\s+\d{2}\b|\d{2}\s*周?岁"
    r"|\b(?:male|female|he|she|him|his|her|hers)\b|\b(?:mr|mrs|ms)\.(?!\w)"
    r"|(?<![\u4e00-\u9fff])[男女](?![\u4e00-\u9fff])|先生|女士"
    r"|\b(?:married|unmarried|divorced|widowed)\b|已婚已育|已婚未育|已婚|未婚|离异|已育|未育"
    r"|(?:汉|回|满|壮|藏|苗|彝|维吾尔|蒙古|土家|朝鲜)族|中共(?:预备)?党员|共青团员"
    r"|(?:19|20)\d{2}\s*届|\bclass of (?:19|20)\d{2}\b|(?:19|20)\d{2}\s*年毕业",
    re.IGNORECASE,
)
_IMAGE_ALT = re.compile(r"!\[([^\]\n]+)\]|\b(?:photo|picture|headshot)\s*\[([^\]\n]+)\]", re.I)
# A year (with its month) in the education section: when a degree ended says when one was born.
_YEAR = re.compile(
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+)?"
    r"(?<!\d)(?:19|20)\d{2}(?!\d)(?:\s*年)?(?:\s*[./\-]?\s*\d{1,2}\s*月|[./]\d{1,2}(?!\d))?",
    re.IGNORECASE,
)


def masked_facts(document: Document, lexicon: Lexicon | None = None) -> tuple[Fact, ...]:
    """What blind mode masks in ``document``: ``value`` is the kind, ``text`` as written.

    >>> from matcher.read.document import read_text
    >>> doc = read_text("张伟\\n性别：男 | 年龄：28岁 | 民族：汉族\\nSKILLS\\nSQL")
    >>> [(f.value, f.text) for f in masked_facts(doc)]
    [('name', '张伟'), ('field', '男'), ('field', '28岁'), ('field', '汉族')]
    """
    lex = lexicon or default_lexicon()
    text = document.text
    sections = find_sections(text, lex)
    found = list(find_contacts(text, sections, lex))
    for m in _FIELD.finditer(text):
        found.append(Fact("field", m.start(1), m.end(1), m.group(1)))
    for m in _FREE.finditer(text):
        found.append(Fact("personal", m.start(), m.end(), m.group(0)))
    for m in _IMAGE_ALT.finditer(text):
        g = 1 if m.group(1) else 2
        found.append(Fact("image", m.start(g), m.end(g), m.group(g)))
    for s in sections:
        if s.name == "education":
            for m in _YEAR.finditer(text, s.start, s.end):
                found.append(Fact("year", m.start(), m.end(), m.group(0)))
    kept: list[Fact] = []
    for f in sorted(found, key=lambda f: (f.start, -f.end)):
        if f.text.strip() and not (kept and f.start < kept[-1].end):
            kept.append(f)
    return tuple(kept)


def blind(document: Document, lexicon: Lexicon | None = None) -> tuple[Document, tuple[Fact, ...]]:
    """The document with every ``masked_facts`` span replaced by ``MASK``, and those facts.

    Pages keep their places (their ranges move with the text). The file's hash and name stay:
    they say which file was read, not who wrote it.

    >>> from matcher.read.document import read_text
    >>> doc, hidden = blind(read_text("Megan Alvarez\\nmegan@ex.com\\nFemale, 34 years old\\nSKILLS\\nSQL"))
    >>> print(doc.text)
    ████
    ████
    ████, ████
    SKILLS
    SQL
    """
    facts = masked_facts(document, lexicon)
    if not facts:
        return document, facts
    text = document.text
    parts: list[str] = []
    shift: list[tuple[int, int]] = []  # (old offset, change in length from there on)
    pos, delta = 0, 0
    for f in facts:
        parts += [text[pos : f.start], MASK]
        delta += len(MASK) - (f.end - f.start)
        shift.append((f.end, delta))
        pos = f.end
    parts.append(text[pos:])

    def moved(offset: int) -> int:
        d = 0
        for end, change in shift:
            if end <= offset:
                d = change
        return offset + d

    pages = tuple(Page(p.number, moved(p.start), moved(p.end)) for p in document.pages)
    return replace(document, text="".join(parts), pages=pages), facts
