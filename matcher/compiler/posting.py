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
from itertools import pairwise

from matcher.compiler.blocks import BULLET, END_LINES, heading, items
from matcher.text import has_cjk, normalize
from matcher.vocab.occupations import english_name
from matcher.vocab.titles import job_names, qualifier_stems, words_stems


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


# A page's furniture in a posting copied from a PDF: "Form 22-B (rev. 03/2021)   Page 1 of 2".
_PAGE_FOOTER = re.compile(r"\bpage\s+\d+\s+(?:of|/)\s+\d+\s*$", re.I)
_BROKEN_WORD = re.compile(r"[a-z]-$")  # "mainte-" + "nance"
_ENDS_CLAUSE = (
    ".",
    ":",
    ";",
    "!",
    "?",
    "。",
    "：",
    "；",
    "！",
    "？",
)  # a line that ends so is whole
WRAP_SHARE = 0.75  # a line this near the widest is one a PDF broke at its width


def _unwrapped(lines: list[str]) -> list[str]:
    """Lines as written, where a PDF copy broke them at the page's width: a word cut by a
    hyphen is whole again ("mainte-" / "nance"), a line near the widest that ends no sentence
    goes on into a next line in lower case, and page footers go. Where the text shows two or
    more such breaks, a line near the widest that ends no sentence also goes on into a next
    line in capitals, unless that one is a list item or a heading ("a valid State Class II
    Water" / "Treatment Operator certification"). Short lines (a list without bullets) stay.

    >>> _unwrapped(["- Performs preventive mainte-", "nance on pumps", "- Excel"])
    ['- Performs preventive maintenance on pumps', '- Excel']
    >>> _unwrapped(["Requirements", "python", "sql"])
    ['Requirements', 'python', 'sql']
    """
    lines = [ln for ln in lines if not _PAGE_FOOTER.search(ln)]
    width = max((len(ln) for ln in lines), default=0)

    def wide(ln: str) -> bool:  # as wide as the page: the PDF broke it there
        return len(ln) >= WRAP_SHARE * width and not ln.endswith(_ENDS_CLAUSE)

    def goes_on(prev: str, ln: str) -> bool:
        return bool(prev and ln[:1].islower() and not BULLET.match(ln))

    breaks = sum(
        1 for a, b in pairwise(lines) if goes_on(a, b) and (_BROKEN_WORD.search(a) or wide(a))
    )
    out: list[str] = []
    for ln in lines:
        prev = out[-1] if out else ""
        if goes_on(prev, ln) and _BROKEN_WORD.search(prev):
            out[-1] = prev[:-1] + ln
        elif (
            prev
            and ln
            and wide(prev)
            and heading(prev) is None
            and (
                goes_on(prev, ln) or (breaks >= 2 and not BULLET.match(ln) and heading(ln) is None)
            )
        ):
            out[-1] = prev + " " + ln
        else:
            out.append(ln)
    return out


# The small words that give a line's language away, for the languages a bilingual posting
# pairs with English (Canada's French, the US's Spanish...): no dictionary to load.
# fmt: off
_FUNCTION_WORDS = {
    "en": frozenset({
        "the", "and", "of", "to", "for", "with", "in", "on", "a", "an", "is", "are", "be", "our",
        "your", "you", "we", "will",
    }),
    "fr": frozenset({
        "les", "des", "et", "de", "la", "le", "du", "pour", "avec", "une", "un", "dans", "sur",
        "nous", "vous", "est", "au", "aux", "ou", "à", "l", "d",
    }),
    "es": frozenset({
        "los", "las", "el", "y", "de", "para", "con", "una", "un", "en", "del", "por", "nuestro",
        "es", "al", "se", "o",
    }),
    "de": frozenset({
        "und", "der", "die", "das", "mit", "für", "ein", "eine", "im", "zu", "von", "wir", "sie",
        "ist", "auf", "oder",
    }),
    "pt": frozenset({
        "os", "as", "e", "de", "para", "com", "uma", "um", "em", "do", "da", "no", "na", "por",
        "nosso", "ou",
    }),
    "it": frozenset({
        "il", "gli", "e", "di", "per", "con", "una", "un", "nel", "della", "del", "la", "le",
        "lo", "o",
    }),
    "nl": frozenset({
        "de", "het", "een", "en", "van", "voor", "met", "in", "op", "wij", "je", "is", "of",
    }),
}
# fmt: on
TRANSLATED_LINES = 3  # a posting with this many lines in another language carries a copy


def _other_language(line: str) -> bool:
    """Whether ``line`` is written in another language than English: it holds at least two
    of that language's small words ("les", "et", "pour"), a fifth of its words, and more
    than twice as many as English ones.

    >>> _other_language("- Traiter les comptes fournisseurs et les comptes clients")
    True
    >>> _other_language("- Process accounts payable and receivable for our clients")
    False
    """
    if has_cjk(line):
        return False
    words = re.findall(r"[^\W\d_]+", line.lower())
    if len(words) < 3:
        return False
    count = {lg: sum(w in fw for w in words) for lg, fw in _FUNCTION_WORDS.items()}
    en = count.pop("en")
    other = max(count.values())
    return other >= 2 and other >= 0.2 * len(words) and other > 2 * en


def _one_language(lines: list[str]) -> list[str]:
    """An English posting without its copy in another language: a Canadian posting's French
    half would add every criterion again in French ("TPS/TVQ" beside "GST/QST"). Only where
    both halves are there (``TRANSLATED_LINES`` each); lines between two of the other
    language's go with them ("Tenir les dossiers dans QuickBooks Online et Sage 50").

    >>> _one_language(["Bookkeeper", "- Process accounts payable and receivable monthly",
    ...     "- Reconcile the bank statements every month", "- Prepare GST and QST returns",
    ...     "- Traiter les comptes fournisseurs et les comptes clients",
    ...     "- Effectuer les conciliations de la banque et des cartes",
    ...     "- Effectuer la paie et produire les feuillets en fin d'année"])[-1]
    '- Prepare GST and QST returns'
    """
    other = [_other_language(ln) for ln in lines]
    if (
        sum(other) < TRANSLATED_LINES
        or sum(1 for ln, o in zip(lines, other, strict=True) if not o and len(ln.split()) >= 3)
        < TRANSLATED_LINES
    ):
        return lines
    marked = [i for i, o in enumerate(other) if o]
    drop = set(marked)
    for a, b in pairwise(marked):
        if b - a <= 3:  # a line or two between the copy's lines belongs to it
            drop.update(range(a, b))
    return [ln for i, ln in enumerate(lines) if i not in drop]


def split_postings(text: str) -> list[Posting]:
    """Cut posting text into postings at headings numbered 1, 2, 3... in order.

    A file with no such run of headings is one posting. Text before the first heading (site
    navigation, introductions) and after an end marker ("related articles") is dropped.

    >>> [p.number for p in split_postings("Job 1: SQL\\nJob 2: Excel")]
    [1, 2]
    """
    # NFKC turns "①" into a bare "1"; keep it a list marker.
    text = re.sub("[①-⑳]", lambda m: f"({ord(m.group()) - 0x245F}) ", text)
    lines = _one_language(_unwrapped([ln.strip() for ln in normalize(text).split("\n")]))
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
        out = []
        cuts = _repeated_parts(lines)
        for k, (a, b) in enumerate(pairwise([*cuts, len(lines)])):
            body = tuple(ln for ln in lines[a:b] if ln)
            title, titled = _title(body, body[0] if body else "")
            out.append(Posting(k + 1, title, _untitled(body, title if titled else None), titled))
        return out
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


def _repeated_parts(lines: list[str]) -> list[int]:
    """Where each posting of a job board's page starts: [0], and a line more for each part
    heading that opens a part the posting already had ("Responsibilities:" after
    "Requirements:" of another job) after the page's trail of the one before ("Similar
    jobs", "Report this job"), at the job's title line above it (within ``TITLE_SCAN``
    lines). Without a trail or a title line, the heading is the same posting's.

    >>> _repeated_parts(["Nurse", "Duties:", "- Care", "Similar jobs", "Chef", "Duties:", "- Cook"])
    [0, 4]
    """
    cuts, last = [0], 0
    seen: set[str] = set()
    for i, ln in enumerate(lines):
        part = heading(ln) if ln else None
        if part not in ("resp", "req", "pref"):
            continue
        ended = any(END_LINES.match(x) for x in lines[last:i])  # "Similar jobs", "Report job"
        last = i
        if part in seen and ended:
            lo = max(cuts[-1] + 1, i - TITLE_SCAN)
            at = next(
                (
                    k
                    for k in range(i - 1, lo - 1, -1)
                    if lines[k]
                    and heading(lines[k]) is None
                    and not BULLET.match(lines[k])
                    and not _NAVIGATION.search(lines[k])
                    and _title_line(lines[k])
                ),
                None,
            )
            if at is not None:
                cuts.append(at)
                seen = set()
        seen.add(part)
    return cuts


def _untitled(body: tuple[str, ...], title: str | None) -> tuple[str, ...]:
    """``body`` without its title line and what stands above it (site navigation, a company
    name): a title names no criteria."""
    for i, ln in enumerate(body[:TITLE_SCAN]):
        if title and (_TITLE_TAIL.sub("", ln).strip() == title or title in ln.split(" | ")):
            return body[i + 1 :]  # the title line, or the "Company | Role | Place" line
    return body


_TITLE_LINE = re.compile(
    r"^(?:title|job title|position title|position|job|opening|vacancy|职位名称|岗位名称|招聘职位)"
    r"\s*[:：]\s*(.+)$",
    re.I,
)
# A recruiter's e-mail names the job in its subject: "Subject: Senior DevOps Engineer
# opportunity - fully remote"; taken only where what follows names a job.
_SUBJECT_LINE = re.compile(r"^(?:subject|re|fwd?)\s*[:：]\s*(.+)$", re.I)
# Words after a job's name that name the posting, not the job: "... Engineer opportunity".
_POSTING_WORD = re.compile(r"\s+(?:opportunity|opening|position|vacancy|role|job)\s*$", re.I)
_ROLE_WORD = re.compile(
    r"经理|主管|助理|专员|总监|运营|工程师|manager|assistant|director|specialist|engineer"
    r"|analyst|officer|lead",
    re.I,
)
# "Aviation Maintenance Technician": two to five capitalised words (small joining words allowed)
# on a line of their own open a posting as its title.
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


TITLE_SCAN = 15  # a title stands among the first lines, before any part heading or list item


def _title_line(line: str) -> bool:
    """Whether a line could be a posting's title: short, no sentence, names a job."""
    if not 2 <= len(line) <= 100 or len(line.split()) > 14 or line.rstrip().endswith((".", "。")):
        return False
    base = base_title(_TITLE_TAIL.sub("", line).strip())
    if has_cjk(base):
        return bool(
            len(base) <= 40
            and (_ROLE_WORD.search(base) or _ZH_ROLE_END.match(base) or english_name(base))
            and not re.search(r"[,.;，。；:：]", base)
        )
    return bool(job_names(line))


# Site navigation, not a posting's title: a breadcrumb ("Home > Jobs > Product Manager").
_NAVIGATION = re.compile(r"\s[>»›]\s|^[<«‹]\s")


def _title(body: tuple[str, ...], numbered: str) -> tuple[str, bool]:
    """(title, written in the posting?): a "Title:" line, a line among the first that names a
    job (before any part heading or list item), else the heading's subject."""
    for ln in body[:12]:
        m = _TITLE_LINE.match(ln.strip())
        if m:
            return m.group(1).strip(), True
        m = _SUBJECT_LINE.match(ln.strip())
        if m and _title_line(name := _POSTING_WORD.sub("", base_title(m.group(1)))):
            return name, True
    seen = False
    for ln in body[:TITLE_SCAN]:
        # "Tessellate Labs | Senior Backend Engineer (Go) | NYC | $170k": the field that names
        # a job, wherever it stands among the company, places and pay
        fields = [f.strip() for f in ln.split(" | ")] if ln.count(" | ") >= 2 else []
        if job := next((f for f in fields if not _NAVIGATION.search(f) and _title_line(f)), None):
            return job, True
        cand = _TITLE_TAIL.sub("", ln).strip()  # "电商经理岗位职责" is the 电商经理's duties
        # "Personal Banker II - Bilingual Spanish Preferred" names a job; its qualifier's cue
        # word does not make it a "preferred" heading: the job's name is judged, not the line.
        if (
            cand
            and not _NAVIGATION.search(cand)
            and _title_line(cand)
            and (cand != ln.strip() or heading(base_title(cand)) is None)
        ):
            return cand, True
        if BULLET.match(ln) or (heading(ln) is not None and seen):
            break  # a heading above everything ("JOB DESCRIPTION") is the page's, not a part's
        seen = seen or bool(ln.strip())
    m = re.search(r"\bof\s+([a-z][a-z ]{2,40}?)(?=\s+is\b|\s*:|\s*\d|$)", numbered, re.I)
    if m:
        return m.group(1)[:1].upper() + m.group(1)[1:], False
    stem = re.sub(r"\d.*$", "", numbered)
    m = re.search(r"(?:of|for)\s+(.+)$", stem, re.I)
    title = m.group(1) if m else stem
    title = re.sub(r"(岗位职责|工作职责|职位描述|职责)$", "", title).strip(" :：")
    return ((title[:1].upper() + title[1:]) if title else "Untitled posting"), False


# A title taken from a page heading stands for a posting whose items name its trade this often.
HEADING_SUPPORT = 1 / 3


def heading_fits(posting: Posting) -> bool:
    """Whether the job a page heading names is this posting's job. A title written in the
    posting always is; one taken from the heading of a page of postings ("Responsibilities of
    product manager 7") is when at least ``HEADING_SUPPORT`` of the posting's items name the
    title's trade ("product" of product manager). A page files a procurement clerk's duties
    (1 of 9 items says "products": office hygiene products) or a software department head's
    under its heading; those are not product managers. A heading whose job has no trade word
    ("Manager") or is not English cannot be judged and stands.

    >>> p = Posting(7, "Product manager", ("1. Purchase office supplies", "2. Keep invoices"))
    >>> heading_fits(p), heading_fits(Posting(1, "Product manager", ("1. Product planning",)))
    (False, True)
    """
    trade = qualifier_stems(posting.title)
    if posting.titled or not trade or not job_names(posting.title):
        return True  # a title of the posting's own, or a heading that names no job we can read
    found = items(posting.lines)
    naming = sum(1 for it in found if trade & words_stems(it.text))
    return not found or naming >= HEADING_SUPPORT * len(found)
