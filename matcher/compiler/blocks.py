"""Blocks: a posting's lines in, its list ``Item`` values tagged with the part they sit in out.

A step of compiling between ``matcher.compiler.posting`` (a posting's title and lines) and
``matcher.compiler.criteria``. Postings come as messy as job boards make them: a part opens at a
heading ("Responsibilities", "What you'll bring", "Preferred Qualifications", "岗位职责",
"加分项"), matched exactly or by its cue words when the line is shaped like a heading; parts
that never hold criteria (benefits, about us, equal opportunity, how to apply) are skipped;
page metadata above the first heading ("Chicago, IL (Hybrid)", "87 applicants", "Apply now") is
dropped and prose there (a company blurb, a summary) is kept as ``intro``, which the compiler
trusts only for words O*NET or ESCO say of the job; job-board trails ("Similar jobs",
"People also viewed") end the posting; equal-opportunity and accommodation statements are
dropped wherever they stand. Nothing here judges what an item asks for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from matcher.text import has_cjk, normalize_term

# The part an item sits in: duties, requirements, preferred (nice to have), or prose above the
# first heading (a company blurb or a summary of the job).
Part = Literal["resp", "req", "pref", "intro"]
Opens = Part | Literal["skip"]  # what a heading opens: a part, or text to skip

# Part headings (normalised, without the colon). "skip" parts (basic information, working
# conditions, benefits, company blurbs) give no criteria until the next heading.
_PARTS: dict[Opens, tuple[str, ...]] = {
    "resp": (
        "responsibilities",
        "responsibility",
        "duties",
        "what you will do",
        "what you'll do",
        "job description",
        "description",
        "position description",
        "role description",
        "job responsibilities",
        "the job responsibilities",
        "岗位职责",
        "工作内容",
        "工作职责",
        "职位描述",
        "岗位描述",
        "职责描述",
    ),
    "req": (
        "requirements",
        "requirement",
        "qualifications",
        "qualification",
        "what you bring",
        "what we're looking for",
        "who you are",
        "who we are looking for",
        "job requirements",
        "skills",
        "skills and abilities",
        "technology and ability",
        "educational training",
        "任职要求",
        "任职资格",
        "岗位要求",
        "职位要求",
        "任职条件",
        "技能要求",
    ),
    "skip": (
        "basic information",
        "post relationship",
        "postal administration",
        "job authority",
        "working conditions",
        "working time",
        "benefits",
        "what we offer",
        "about us",
        "about the company",
        "who we are",
        "company description",
        "company profile",
        "why join us",
        "perks",
        "our offer",
        "福利待遇",
        "薪资待遇",
        "岗位福利",
        "公司简介",
        "公司介绍",
        "工作地点",
        "工作时间",
        "联系方式",
    ),
}
_ORDINAL = re.compile(r"^(?:first|second|third|fourth|fifth|sixth)[,\s]+(?:the\s+)?")
# "3.5 years" is no list marker, but "6、2年以上" is: only "." and "," must not precede a digit.
_MARK = r"(?:\d{1,2}(?:\s\d)?\s?(?:[、:：)]|[.,，](?!\d))|[(（]\d{1,2}[)）]|[①-⑳]|[-*•·▪●]\s)"
_ITEM_SPLIT = re.compile(
    # "one (1) year of specialized experience": a number restated in brackets is no marker
    # ("1,熟悉": NFKC made the Chinese comma ","; "a team of 14, Series A" is no marker)
    r"(?:(?<=\s)|(?<=[;；。]))(?=(?:\d{1,2}\s?(?:[、:：)]|[.，](?!\d)|,(?=\s*[\u4e00-\u9fff]))"
    r"|[(（]\d{1,2}[)）](?!\s*(?:years?|yrs|months?)\b)|[①-⑳])\s*\S)"
    # "有淘宝经验，2、熟悉..." (NFKC made the comma ","): only the Chinese list comma is safe here
    r"|(?<=,)(?=\d{1,2}、\s*\S)"
)
BULLET = re.compile(rf"^{_MARK}\s*")
# An unnumbered paragraph this long in a list posting is prose (advice, an essay), not an item.
_PROSE_CHARS = (140, 60)  # Latin, CJK


@dataclass(frozen=True, slots=True)
class Item:
    """One list item of a posting: the part it sits in, its text without the bullet, and
    whether it is prose (a long unnumbered paragraph in a numbered list, trusted less)."""

    part: Part
    text: str
    prose: bool
    # under a heading that insists ("Required Qualifications", "Must haves", "Minimum
    # qualifications"): the heading's cue applies to the item unless the item has its own
    insisted: bool = False


# Pictographs and arrows a careers page sets before a heading (not a bullet: "- ", "• ").
_SYMBOLS = re.compile(
    r"^\s*[\u2190-\u21ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff\ufe0f\u200d]+\s*"
)


def heading(line: str) -> Opens | None:
    """The part a heading line opens ("resp", "req", "skip"), or None for an ordinary line."""
    line = _SYMBOLS.sub("", line)  # "✨ Bonus points", "🚀 What you'll do", "➤ Requirements"
    key = normalize_term(re.sub(r"[:：\s]+$", "", BULLET.sub("", line).strip("【】[]#* ")))
    key = _ORDINAL.sub("", key.strip("【】[] "))
    if len(key) > 70 or re.search(r"[,;，；。]", key):
        return None
    for part, heads in _PARTS.items():
        if key in heads:
            return part
    # "Key responsibilities", "Our benefits" ("Company description" is named above).
    for part, heads in _PARTS.items():
        if part != "req" and any(key.endswith(" " + h) for h in heads):
            return part
    # A role heading: "电商运营主管岗位职责", "电商运营主管的工作内容".
    if len(key) <= 30 and has_cjk(key) and key.endswith(_PARTS["resp"]):
        return "resp"
    # "Verb (abbreviation for verb) working conditions and environment" (machine translation)
    if any(h in key for h in ("working conditions", "working time", "working hours")):
        return "skip"
    return _heading_by_cue(key, line)


# Words that make a short line a part heading, tried in this order: "Preferred
# Qualifications" is the preferred part, "About the role" the duties, "About us" a skip part.
_HEAD_CUES: tuple[tuple[Opens, tuple[str, ...]], ...] = (
    (
        "pref",
        (
            "preferred",
            "nice to have",
            "nice to haves",
            "nice-to-have",
            "nice-to-haves",
            "bonus",
            "pluses",
            "plus",
            "desired",
            "desirable",
            "would be great",
            "extra credit",
            "加分",
            "优先",
        ),
    ),
    (
        "resp",
        (
            "about the role",
            "about the job",
            "about the position",
            "about this role",
            "the role",
            "your role",
            "the opportunity",
            "in this role",
            "position summary",
            "job summary",
            "role summary",
            "summary of the role",
            "essential duties",
            "key duties",
            "duties",
            "responsibilities",
            "what you'll do",
            "what you will do",
            "your impact",
            "day to day",
            "day-to-day",
            "tasks",
            "job description",
            "key responsibilities",
            "what you will be doing",
            "what you'll be doing",
            "the work",
        ),
    ),
    (
        "skip",
        (
            "about us",
            "about the company",
            "who we are",
            "our company",
            "company description",
            "company overview",
            "our culture",
            "why join",
            "why work",
            "benefits",
            "perks",
            "what we offer",
            "we offer",
            "compensation",
            "salary",
            "pay range",
            "pay transparency",
            "equal opportunity",
            "equal employment",
            "eeo",
            "diversity",
            "accommodation",
            "how to apply",
            "to apply",
            "application",
            "additional information",
            "job details",
            "physical demands",
            "physical requirements",
            "work environment",
            "schedule",
            "location",
            "disclaimer",
            "privacy",
        ),
    ),
    (
        "req",
        (
            "requirements",
            "requirement",
            "qualifications",
            "qualification",
            "must have",
            "must haves",
            "must-have",
            "must-haves",
            "a fit",
            "a good fit",
            "you'll need",
            "you will need",
            "what you need",
            "essential criteria",
            "person specification",
            "ideal candidate",
            "you should have",
            "you might have",
            "we'd love",
            "to succeed",
            "what you bring",
            "what you'll bring",
            "what we're looking for",
            "what we are looking for",
            "who you are",
            "about you",
            "you have",
            "you bring",
            "skills",
            "experience",
            "education",
            "knowledge",
            "abilities",
            "competencies",
            "licenses",
            "certifications",
            "background",
        ),
    ),
)
_HEAD_SHAPE = re.compile(r"^[^.!?;。！？；]{2,60}$")


def _heading_by_cue(key: str, line: str) -> Opens | None:
    """The part a short heading-like line opens by the cue words it holds, or None."""
    bare = line.strip().strip("#*【】[]").strip()
    if re.search(r"[:：]\s*\S", bare):
        return None  # "Requirements: SQL and Excel" opens a part inline (``_INLINE_HEAD``)
    words = key.split()
    if not words or len(words) > 7 or not _HEAD_SHAPE.match(key):
        return None
    if BULLET.match(line.strip()) and not bare.endswith((":", "：")):
        return None  # "- Experience with React" is an item, "- Requirements:" a heading
    if any(
        w in _ABOUT and any(v not in _HEADING_WORDS for v in words[k + 1 :])
        for k, w in enumerate(words)
    ):
        return None  # "Experience with Figma", "Knowledge of Python": what the job asks
    # A heading ends with a colon, stands in capitals or title case, or is a line alone.
    shaped = (
        bare.endswith((":", "："))
        or bare.isupper()
        or all(w[:1].isupper() or w.lower() in _SMALL for w in bare.rstrip(":：").split())
        # "Bonus points", "Nice to have", "Minimum qualifications": sentence case, but made
        # of heading words only ("Excel skills" and "Strong communication skills" are items)
        or (
            len(words) >= 2
            and bare[:1].isupper()
            and not BULLET.match(line.strip())
            and all(w in _HEADING_WORDS for w in words)
        )
    )
    if not shaped:
        return None
    # A skip cue must head or end a phrase of the heading ("Salary and Benefits", "Work
    # Location"): skipping drops job content, so "FULL TIME FOR THE LOCATION X" is no heading.
    phrases = [p.strip() for p in re.split(r"\s(?:and|&)\s|[/,|]", key) if p.strip()]
    for part, cues in _HEAD_CUES:
        if part == "skip":
            if any(p.startswith(c) or _ends(p, c) for p in phrases for c in cues):
                return part
        elif any(re.search(rf"(?<![a-z]){re.escape(c)}(?![a-z])", key) for c in cues):
            return part
    if len(words) <= 3 and words[0] == "about":
        return "skip"  # "About Lumen": the company's own name, a blurb follows
    return None


# The words headings are made of: every word of a cue or a part's name, and what qualifies them.
_HEADING_WORDS = frozenset(
    w
    for cues in (*(c for _, c in _HEAD_CUES), *_PARTS.values())
    for cue in cues
    if cue.isascii()
    for w in cue.split()
) | frozenset(
    [
        "points",
        "minimum",
        "basic",
        "key",
        "additional",
        "other",
        "required",
        "preferred",
        "ideal",
        "candidate",
        "profile",
        "must",
        "haves",
        "nice",
        "have",
        "to",
        "bonus",
        "plus",
        "extra",
        "your",
        "job",
        "role",
        "the",
        "a",
        "and",
        "&",
        "our",
        "you",
        "we",
        "need",
        "desired",
        "technical",
        "professional",
        "core",
        "good",
        "criteria",
        "essential",
    ]
)


# Words that say what a cue is about: a heading's object is a heading word ("Experience in
# the Role" is rare, "Experience with React" an item).
_ABOUT = frozenset(["with", "in", "of", "using", "on"])


def _ends(phrase: str, cue: str) -> bool:
    return phrase == cue or phrase.endswith(" " + cue.strip())


# Small words a title-case heading leaves in lower case ("What We Offer", "About the Role").
_SMALL = frozenset(
    [
        "a",
        "an",
        "and",
        "of",
        "the",
        "to",
        "for",
        "in",
        "on",
        "with",
        "we",
        "you",
        "your",
        "our",
        "what",
        "who",
        "&",
        "-",
        "/",
    ]
)
# A line that ends what a posting says: job-board trails below it.
END_LINES = re.compile(
    r"^(?:similar jobs|people also (?:viewed|searched)|jobs you may like|recently viewed jobs"
    r"|other open roles|report (?:this )?job|create a job alert|more jobs|related jobs"
    r"|powered by|see more jobs|job alert)\b",
    re.I,
)
# Boilerplate that stands anywhere: equal opportunity and accommodation statements, a site's
# cookie notice.
_BOILERPLATE = re.compile(
    r"equal (?:opportunity|employment)|without regard to|regardless of (?:race|age|sex)"
    r"|reasonable accommodation|e-verify|drug[- ]free workplace|background check|\bEOE\b"
    r"|\b(?:uses?|accept(?: all)?|our use of) cookies\b|\bcookie (?:policy|settings|preferences)\b",
    re.I,
)


_INLINE_HEAD = re.compile(
    r"^[【\[]?(requirements?|qualifications?|responsibilities|任职要求|任职资格|岗位要求|职位要求"
    r"|岗位职责|工作职责|工作内容)[】\]]?\s*[:：]\s*(.+)$",
    re.I,
)


def speaks_of_the_job(line: str) -> bool:
    """Whether a line speaks to the posting's reader or of the job ("You will...", "We're
    looking for...", "2+ years of experience"), which a company's blurb does not.

    >>> speaks_of_the_job("We are hiring a nurse"), speaks_of_the_job("Founded in 1935.")
    (True, False)
    """
    return bool(_ADDRESSES.search(line))


def items(lines: tuple[str, ...]) -> list[Item]:
    """Every list item with the part it sits in; part headings are consumed, skip parts dropped.

    Above the first heading of a duties, requirements or preferred part, a short line that is no list item
    is page metadata and dropped, and prose is ``intro``; a posting without headings is all
    items, as before.

    >>> [(i.part, i.text) for i in items(("Requirements:", "1. SQL", "2. Excel"))]
    [('req', 'SQL'), ('req', 'Excel')]
    >>> [(i.part, i.text) for i in items(("Chicago, IL (Hybrid)", "Nice to have:", "- Kafka"))]
    [('pref', 'Kafka')]
    """
    part: Opens = "resp"
    headed = any(heading(ln) in ("resp", "req", "pref") or _INLINE_HEAD.match(ln) for ln in lines)
    essay: set[str] = set()  # sentences of a paragraph: prose, as the paragraph was
    if not headed:
        # One paragraph for the whole posting (a "Who's hiring" post): its sentences, so the
        # company's own sentences before the first about the job stay its blurb, and a cue
        # ("a big plus") stays with its sentence.
        split = [(ln, _sentences(ln)) for ln in lines]
        listed = sum(bool(BULLET.match(ln)) for ln in lines) >= 2
        # a paragraph that was prose (an essay in a numbered list) stays prose sentence by sentence
        essay = {
            x
            for ln, parts in split
            if len(parts) > 1 and listed and len(ln) > _PROSE_CHARS[has_cjk(ln)]
            for x in parts
        }
        lines = tuple(x for _, parts in split for x in parts)
    # The first heading that opens the job's own parts: what stands above it is the page's
    # header and the company's blurb. A posting whose only headings close it ("Application",
    # "Benefits" at the end) has its job above them.
    first = next(
        (
            i
            for i, ln in enumerate(lines)
            if heading(ln) in ("resp", "req", "pref") or _INLINE_HEAD.match(ln)
        ),
        None,
    )
    if first is None:
        # No headings: the prose before the first line that speaks of the job or to its reader
        # ("We're looking for...", "You will...", a list item) is the company's blurb.
        first = next(
            (
                i
                for i, ln in enumerate(lines)
                if not _BOILERPLATE.search(ln) and (BULLET.match(ln) or _ADDRESSES.search(ln))
            ),
            0,
        )
    numbered = sum(bool(BULLET.match(ln)) for ln in lines) >= 2
    insisted = False
    out: list[Item] = []
    for i, ln in enumerate(lines):
        if END_LINES.match(ln.strip()):
            break
        if _BOILERPLATE.search(ln):
            continue
        head = heading(ln)
        if head is not None:
            part = head
            insisted = head == "req" and bool(_INSISTS.search(ln))
            continue
        field = _FORM_FIELD.match(BULLET.sub("", ln))
        if field and normalize_term(field.group(1)) in _FORM_SKIP:
            continue  # "Pay: $16.00 - $19.00 per hour", "Compensation: $75,000 - $90,000"
        if i < first and part != "skip" and not BULLET.match(ln) and not has_cjk(ln):
            if len(ln.split()) >= INTRO_WORDS or ln.rstrip().endswith("."):
                out.append(Item("intro", ln.strip(), True))
            continue  # "Full-time", "Chicago, IL (Hybrid)", "87 applicants", "Apply now"
        m = _INLINE_HEAD.match(ln)
        if m:
            part = (
                "req"
                if m.group(1).lower().startswith(("req", "qual", "任职", "岗位要", "职位"))
                else "resp"
            )
            insisted = part == "req" and bool(_INSISTS.search(m.group(1)))
            ln = m.group(2)
        if part == "skip":
            continue
        cjk = has_cjk(ln)
        prose = (numbered and not BULLET.match(ln) and len(ln) > _PROSE_CHARS[cjk]) or ln in essay
        for piece in _ITEM_SPLIT.split(ln):
            piece = BULLET.sub("", piece).strip()
            if len(piece) >= 2:
                out.append(Item(part, piece, prose, insisted))
    return out


# A requirements heading that insists: its items are required as if each said so.
_INSISTS = re.compile(r"\b(?:must|required|minimum|mandatory|essential|basic)\b|必须|必备", re.I)


# Where a Latin sentence ends: ".", "!" or "?" after a word or number, before a capital
# ("BLS required within 30 days. ACLS preferred."); not in "B.S. Degree" or "e.g. Python".
# The clauses step cuts items here too.
SENTENCE_END = (
    r"(?<=[a-z0-9)][.!?])(?<!e\.g\.)(?<!i\.e\.)(?<!etc\.)(?<!vs\.)(?<!incl\.)(?<!approx\.)"
    r"(?=\s+[A-Z])"
)
PARAGRAPH_CHARS = 300  # a line this long, in a posting without part headings, is a paragraph


def _sentences(line: str) -> list[str]:
    """The sentences of a long paragraph line; a shorter line as it is.

    >>> _sentences("We build ledgers for brokers. " * 10 + "You have 5+ years of Go.")[-1]
    'You have 5+ years of Go.'
    """
    if len(line) < PARAGRAPH_CHARS or BULLET.match(line):
        return [line]
    return [p.strip() for p in re.split(SENTENCE_END, line) if p.strip()]


# A form field on one line: "Job Type: Full-time", "Work Location: In person".
_FORM_FIELD = re.compile(r"^\s*([^:：\n]{2,40})[:：]\s*\S")
# A job board's form fields that say nothing of the work ("Pay: $16.00 - $19.00 per hour"):
# names of fields, matched whole, as are the skip parts' names ("Benefits: 401(k)"). Not by a
# heading's last word: "Experience with payroll and benefits: ADP" is a requirement.
_FORM_SKIP = frozenset(
    [
        "pay",
        "job type",
        "employment type",
        "shift",
        "schedule",
        "shift and schedule",
        "start date",
        "work location",
        "location",
        "hours",
        "job id",
        "req id",
        "requisition id",
        "category",
        "posted",
        "posted date",
        "salary",
        "compensation",
        # a job description's header: where the job sits, not what it asks
        "reports to",
        "department",
        "division",
        "flsa status",
        "flsa",
        "pay grade",
        "grade",
        "job code",
        # a job board's filing of the job (Naukri): "Role: Software Development - Other"
        "role",
        "role category",
        "industry",
        "industry type",
        "functional area",
    ]
) | frozenset(_PARTS["skip"])
INTRO_WORDS = 8  # above the first heading, a line this long (or a sentence) is prose, not data
# What a posting says to its reader or of the job itself; a company's blurb says neither.
_ADDRESSES = re.compile(
    r"\b(?:you|your|you'(?:ll|re|ve|d)|candidates?|applicants?|(?:the|this) (?:role|position|job)"
    r"|responsibilit\w*|requirements?|qualifications?|required|must|experience|looking for"
    r"|seeking|hiring|needed|wanted|we need|join (?:us|our)|applications?|invit\w+"
    r"|vacanc(?:y|ies)|openings?)\b",
    re.I,
)
