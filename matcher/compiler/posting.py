"""Posting: posting text in, ``Posting`` values and their list ``Item`` values out.

The first half of compiling. ``split_postings`` cuts a file (English or Chinese, possibly several
postings wrapped in site junk) into ``Posting`` values, each with a title and its lines;
``items`` reads a posting's lines as list items, each tagged with the part it sits in
(responsibilities or requirements; skip parts such as benefits are dropped). Nothing here judges
what an item asks for: the compiler turns items into criteria.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from matcher.text import has_cjk, normalize, normalize_term


@dataclass(frozen=True, slots=True)
class Posting:
    """One posting cut out of a file: its number in the file (1-based), title and lines.

    ``titled`` is true when the title was written in the posting (a "Title:" line or a role
    line); otherwise the compiler adds the posting's focus to the generic role name.
    """

    number: int
    title: str
    lines: tuple[str, ...]
    titled: bool = False


# ---------------------------------------------------------------- splitting

_HEAD_WORDS = ("responsib", "job", "position", "vacanc", "opening", "职责", "岗位", "职位", "招聘")
_END_MARKERS = ("相关文章", "related articles", "相关推荐", "热门文章", "you may also like")
_NUM = re.compile(r"(\d{1,3})(?:\s(\d))?(?:\s(\d))?")
_YEARS_NEXT = re.compile(r"\s*(?:\+|[-~]\s*\d+)?\s*(?:years?|yrs|年|岁)", re.I)
# Links to other articles: "电商产品运营岗位职责(共5篇)", "...岗位职责3篇 ...", timestamps.
_LINK = re.compile(
    r"[(（]共\d+篇[)）]\s*$|^\S*岗位职责\d+篇|^(?:时间|发布时间|date)\s*[:：]\s*\d{4}", re.I
)


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
    if not n or _YEARS_NEXT.match(line, n.end()):
        return None  # "Job requirements: 2 years of Python" is a requirement, not posting 2
    a, b = n.group(1), n.group(2)
    options = {int(a): n.end(1)}
    if b:
        options.setdefault(int(a + b), n.end(2))
    return stem, options


def split_postings(text: str) -> list[Posting]:
    """Cut posting text into postings at headings numbered 1, 2, 3... in order.

    A file with no such run of headings is one posting. Text before the first heading (site
    navigation, introductions) and after an end marker ("related articles") is dropped.

    >>> [p.number for p in split_postings("Job 1: SQL\\nJob 2: Excel")]
    [1, 2]
    """
    # NFKC turns "①" into a bare "1"; keep it a list marker.
    text = re.sub("[①-⑳]", lambda m: f"({ord(m.group()) - 0x245F}) ", text)
    lines = [ln.strip() for ln in normalize(text).split("\n")]
    lines = ["" if _LINK.search(ln) else ln for ln in lines]
    for i, ln in enumerate(lines):
        low = ln.lower()
        if any(low.startswith(m) or low.endswith(m + ":") or m in low for m in _END_MARKERS):
            lines = lines[:i]
            break
    starts: list[tuple[int, int]] = []  # (line index, where the heading number ends)
    for i, ln in enumerate(lines):
        got = _heading_number(ln)
        if got and len(starts) + 1 in got[1]:
            starts.append((i, got[1][len(starts) + 1]))
    if len(starts) < 2:
        body = tuple(ln for ln in lines if ln)
        title, titled = _title(body, body[0] if body else "")
        return [Posting(1, title, _untitled(body, title if titled else None), titled)]
    out = []
    for k, (i, num_end) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        first = lines[i]
        # The heading line may carry the first item: "Responsibility of PM 3 1. Daily tracking".
        rest = first[num_end:].lstrip(" .、:：")
        body = tuple(x for x in ((rest,) if rest else ()) + tuple(lines[i + 1 : end]) if x)
        title, titled = _title(body, first)
        out.append(Posting(k + 1, title, _untitled(body, title if titled else None), titled))
    return out


def _untitled(body: tuple[str, ...], title: str | None) -> tuple[str, ...]:
    """``body`` without a first line that is the title itself (a title names no criteria)."""
    if body and title and _TITLE_TAIL.sub("", body[0]).strip() == title:
        return body[1:]
    return body


_TITLE_LINE = re.compile(r"^(?:title|job title|position|职位名称|岗位名称)\s*[:：]\s*(.+)$", re.I)
_ROLE_WORD = re.compile(
    r"经理|主管|助理|专员|总监|运营|工程师|manager|assistant|director|specialist|engineer"
    r"|analyst|officer|lead",
    re.I,
)
# "Aviation Maintenance Technician": two to five capitalised words (small joining words allowed)
# on a line of their own open a posting as its title.
_TITLE_CASE = re.compile(r"^[A-Z][\w&'/-]*(?: (?:[A-Z][\w&'/-]*|and|of|&|for|de)){1,4}$")
_TITLE_TAIL = re.compile(
    r"(岗位职责|工作职责|职位描述|职责|job responsibilities|responsibilities)\s*[:：]?$", re.I
)


# What a title may carry after the job's name: "(Remote)", "（中级职称）", " - ICU", " | Berlin".
_QUALIFIER = re.compile(r"\s*(?:[(（][^()（）]*[)）]|\s[-–—|]\s.*)\s*$")
# A Chinese job title ends in a role character: 厨师, 仓库管理员, 店长, 焊工.
_ZH_ROLE_END = re.compile(r"^[\u4e00-\u9fff]{1,10}[师员长工]$")


def base_title(title: str) -> str:
    """The job's name without the qualifiers a posting adds to it.

    >>> base_title("Registered Nurse - ICU (Night Shift)"), base_title("会计（中级职称）")
    ('Registered Nurse', '会计')
    """
    base = title
    while (cut := _QUALIFIER.sub("", base)) != base and cut:
        base = cut
    return base.strip() or title


def _title(body: tuple[str, ...], heading: str) -> tuple[str, bool]:
    """(title, written in the posting?): a "Title:" line, a role-like first line, the heading."""
    for ln in body[:12]:
        m = _TITLE_LINE.match(ln)
        if m:
            return m.group(1).strip(), True
    first = _TITLE_TAIL.sub("", body[0]).strip() if body else ""
    base = base_title(first)
    if (
        2 <= len(first) <= 60
        and len(base) <= 40
        and (_ROLE_WORD.search(base) or _TITLE_CASE.match(base) or _ZH_ROLE_END.match(base))
        and not re.search(r"[,.;，。；:：]", base)
    ):
        return first, True  # the caller drops this line: a title is not an item
    m = re.search(r"\bof\s+([a-z][a-z ]{2,40}?)(?=\s+is\b|\s*:|\s*\d|$)", heading, re.I)
    if m:
        return m.group(1)[:1].upper() + m.group(1)[1:], False
    stem = re.sub(r"\d.*$", "", heading)
    m = re.search(r"(?:of|for)\s+(.+)$", stem, re.I)
    title = m.group(1) if m else stem
    title = re.sub(r"(岗位职责|工作职责|职位描述|职责)$", "", title).strip(" :：")
    return ((title[:1].upper() + title[1:]) if title else "Untitled posting"), False


# ---------------------------------------------------------------- structure

# Part headings (normalised, without the colon). "skip" parts (basic information, working
# conditions, benefits, company blurbs) give no criteria until the next heading.
_PARTS = {
    "resp": (
        "responsibilities",
        "responsibility",
        "duties",
        "what you will do",
        "what you'll do",
        "job description",
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
    r"(?:(?<=\s)|(?<=[;；。]))(?=(?:\d{1,2}\s?(?:[、:：)]|[.,，](?!\d))|[(（]\d{1,2}[)）]|[①-⑳])\s*\S)"
    # "有淘宝经验，2、熟悉..." (NFKC made the comma ","): only the Chinese list comma is safe here
    r"|(?<=,)(?=\d{1,2}、\s*\S)"
)
_BULLET = re.compile(rf"^{_MARK}\s*")
# An unnumbered paragraph this long in a list posting is prose (advice, an essay), not an item.
_PROSE_CHARS = (140, 60)  # Latin, CJK


@dataclass(frozen=True, slots=True)
class Item:
    """One list item of a posting: the part it sits in, its text without the bullet, and
    whether it is prose (a long unnumbered paragraph in a numbered list, trusted less)."""

    part: str  # "resp" or "req"
    text: str
    prose: bool


def _heading(line: str) -> str | None:
    """The part a heading line opens ("resp", "req", "skip"), or None for an ordinary line."""
    key = normalize_term(re.sub(r"[:：\s]+$", "", _BULLET.sub("", line).strip("【】[]#* ")))
    key = _ORDINAL.sub("", key.strip("【】[] "))
    if len(key) > 70 or re.search(r"[,;，；。]", key):
        return None
    for part, heads in _PARTS.items():
        if key in heads or (part != "req" and any(key.endswith(" " + h) for h in heads)):
            return part
    # A role heading: "电商运营主管岗位职责", "电商运营主管的工作内容".
    if len(key) <= 30 and has_cjk(key) and key.endswith(_PARTS["resp"]):
        return "resp"
    # "Verb (abbreviation for verb) working conditions and environment" (machine translation)
    if any(h in key for h in ("working conditions", "working time", "working hours")):
        return "skip"
    return None


_INLINE_HEAD = re.compile(
    r"^[【\[]?(requirements?|qualifications?|responsibilities|任职要求|任职资格|岗位要求|职位要求"
    r"|岗位职责|工作职责|工作内容)[】\]]?\s*[:：]\s*(.+)$",
    re.I,
)


def items(lines: tuple[str, ...]) -> list[Item]:
    """Every list item with the part it sits in; part headings are consumed, skip parts dropped.

    >>> [(i.part, i.text) for i in items(("Requirements:", "1. SQL", "2. Excel"))]
    [('req', 'SQL'), ('req', 'Excel')]
    """
    part = "resp"
    numbered = sum(bool(_BULLET.match(ln)) for ln in lines) >= 2
    out: list[Item] = []
    for ln in lines:
        head = _heading(ln)
        if head is not None:
            part = head
            continue
        m = _INLINE_HEAD.match(ln)
        if m:
            part = (
                "req"
                if m.group(1).lower().startswith(("req", "qual", "任职", "岗位要", "职位"))
                else "resp"
            )
            ln = m.group(2)
        if part == "skip":
            continue
        cjk = has_cjk(ln)
        prose = numbered and not _BULLET.match(ln) and len(ln) > _PROSE_CHARS[cjk]
        for piece in _ITEM_SPLIT.split(ln):
            piece = _BULLET.sub("", piece).strip()
            if len(piece) >= 2:
                out.append(Item(part, piece, prose))
    return out
