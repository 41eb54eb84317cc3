"""Education: the degrees a resume names, with level, field of study and institution.

Input is a resume's text, its ``Section`` spans and the ``Lexicon`` (degree words per level, in
English and Chinese); output is ``Degree`` values, highest level first, each part a ``Fact``
with its span. Levels form one scale across both languages (``matcher.vocab.levels``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from matcher.resume.dates import MONTH_WORDS
from matcher.resume.sections import LOCATION, Fact, Section, eol
from matcher.text import Span, TermIndex, normalize_term, tokenize, tokens_in
from matcher.vocab.levels import level_rank
from matcher.vocab.lexicon import Lexicon


@dataclass(frozen=True, slots=True)
class Degree:
    """One degree line: its level (a ``Fact`` whose value is in ``LEVELS``), field, school."""

    level: Fact
    field: Fact | None = None
    institution: Fact | None = None


_DEGREE_CUE = re.compile(
    r"degree|diploma|of science|of arts|of engineering|graduat|universit"
    r"|college|school|学历|学位|毕业|大学|学院"
)
_SCHOOL = re.compile(
    r"(?<![a-z])(?:university|college|school|institute|academy|polytechnic|conservatory"
    r"|seminary)(?![a-z])|大学|学院|学校|职业技术|中学|高中(?=\S)",
    re.IGNORECASE,
)
_GENERIC_FIELD = re.compile(
    r"(?:'s|s)?\s*(?:degree)?\s*(?:\([^)]{1,10}\)\s*)?"
    r"(?:of\s+(?:science|arts|engineering|business administration|applied science|fine arts"
    r"|laws|education|philosophy)(?![a-z]))?\s*(?:\([^)]{1,10}\)\s*)?(?:degree)?"
    r"\s*(?:in\s+|of\s+|[:,·|\-]\s*)?",
    re.IGNORECASE,
)
_FIELD_STOP = re.compile(
    r"\s{2,}|\t|[,|;(]|ï1⁄4|\s+-\s+|\s+·\s+|(?<![\d])(?:19|20)\d{2}(?!\d)|\bGPA\b|\s+City\s*,\s*State"
    r"|(?<![a-z])(?:" + MONTH_WORDS + r")\.?\s+(?:19|20)\d{2}|\b\d{1,2}/\d{4}",
    re.IGNORECASE,
)
# Short capital abbreviations that are also other things: "Boston, MA", "MS Office", "MD".
_ABBREV_OTHER = re.compile(
    r"(?<!\s)\s*+(?:office|word|excel|access|project|outlook|powerpoint|sql|windows|visio|teams|dos)\b",
    re.IGNORECASE,
)


# A degree abbreviation inside a longer dotted one: a letter and a dot before it ("P.M.A.S."),
# or a letter (after an optional dot) right after it.
_INSIDE_ABBREV = re.compile(r"[A-Za-z]\.\Z")
_ABBREV_GOES_ON = re.compile(r"\.?[A-Za-z]")


def degree_words(lex: Lexicon) -> re.Pattern[str]:
    """One regex for every degree word (folded), to tell a degree line from a job line."""
    words = sorted(
        {normalize_term(w) for _, ws in lex.education for w in ws if len(w) > 3}, key=len
    )
    return re.compile("|".join(re.escape(w) for w in reversed(words)))


def _plausible(word: str, span_start: int, span_end: int, text: str) -> bool:
    """Reject a short capital abbreviation that is a state, a product or a lower-case word,
    or that is part of a longer one ("M.A" in "P.M.A.S.", "MS" in "MSOffice")."""
    if _INSIDE_ABBREV.search(text, max(0, span_start - 2), span_start) or _ABBREV_GOES_ON.match(
        text, span_end
    ):
        return False
    letters = word.replace(".", "").replace("'", "")
    if not (letters.isalpha() and letters.isupper() and len(letters) <= 3):
        return True
    got = text[span_start:span_end]
    if got != got.upper():
        return False  # "ma", "Ms" are not degrees
    if re.search(r",\s*$", text[max(0, span_start - 3) : span_start]):
        return False  # "Boston, MA"
    return not _ABBREV_OTHER.match(text, span_end)


def find_degrees(
    text: str, folded: str, sections: tuple[Section, ...], lex: Lexicon
) -> tuple[Degree, ...]:
    """Degrees named in the education sections, highest level first, one per line.

    Without an education section (or none of its words is a degree), a degree word must stand
    near a degree cue ("degree", "diploma", "of Science", "学历"...) so that "Associate Product
    Manager" is not a degree.

    >>> from matcher.vocab.lexicon import default_lexicon
    >>> from matcher.resume.sections import find_sections
    >>> from matcher.text import fold
    >>> t = "EDUCATION\\nBachelor of Science in Economics\\nUniversity of X"
    >>> d = find_degrees(t, fold(t), find_sections(t, default_lexicon()), default_lexicon())
    >>> d[0].level.value, d[0].field.text, d[0].institution.text
    ('bachelor', 'Economics', 'University of X')
    """
    regions = [(s.start, s.end) for s in sections if s.name == "education"]
    found = _degree_hits(text, folded, lex, regions) if regions else []
    if not found:
        found = _degree_hits(text, folded, lex, None)
    by_line: dict[int, tuple[int, Fact]] = {}
    for rank, fact in found:
        line = text.rfind("\n", 0, fact.start) + 1
        old = by_line.get(line)
        if old is None or (old[0], -old[1].start) < (rank, -fact.start):
            by_line[line] = (rank, fact)
    out = [
        (rank, fact.start, Degree(fact, _field(text, fact), _institution(text, fact)))
        for rank, fact in by_line.values()
    ]
    return tuple(d for _, _, d in sorted(out, key=lambda x: (-x[0], x[1])))


def _degree_hits(
    text: str, folded: str, lex: Lexicon, regions: list[tuple[int, int]] | None
) -> list[tuple[int, Fact]]:
    out: list[tuple[int, Fact]] = []
    seen: set[int] = set()
    # Every degree word's occurrences in one pass over the text's tokens.
    found: dict[str, list[Span]] = {}
    index = _degree_index(lex.education)
    # Within the education sections, only their tokens (and the few after each, for a degree
    # named across the section's end) are read: a hit outside them would be dropped below.
    after = max(index.longest.values(), default=1) - 1
    tokens = tokenize(folded) if regions is None else tokens_in(folded, regions, after)
    for s, e, w in index.find(folded, tokens):
        found.setdefault(w, []).append(Span(s, e, text[s:e]))
    # The characters of the degrees found so far, so that "inside one of them" is one look-up
    # (comparing with every earlier hit was quadratic in a text of 100,000 "本科").
    taken = bytearray(len(text))
    for level, words in lex.education:
        rank = level_rank(level)
        for w in sorted(words, key=len, reverse=True):  # "High School Diploma" before "Diploma"
            for span in found.get(w, ()):
                if span.start in seen or not _plausible(w, span.start, span.end, text):
                    continue
                if regions is not None:
                    if not any(a <= span.start < b for a, b in regions):
                        continue
                elif not _DEGREE_CUE.search(folded[max(0, span.start - 30) : span.end + 40]):
                    continue
                if taken[span.start]:
                    continue  # inside a longer word already found ("Master" in "Master's")
                seen.add(span.start)
                taken[span.start : span.end] = b"\x01" * (span.end - span.start)
                out.append((rank, Fact(level, span.start, span.end, span.text)))
    return out


@lru_cache(maxsize=4)
def _degree_index(education: tuple[tuple[str, tuple[str, ...]], ...]) -> TermIndex:
    return TermIndex(w for _, words in education for w in words)


def _field(text: str, degree: Fact) -> Fact | None:
    """The field of study written after the degree word on its line."""
    eol = text.find("\n", degree.end)
    line_end = len(text) if eol < 0 else eol
    m = _GENERIC_FIELD.match(text, degree.end, line_end)
    pos = m.end() if m else degree.end
    stop = _FIELD_STOP.search(text, pos, line_end)
    end = stop.start() if stop else line_end
    school = _SCHOOL.search(text, pos, end)
    if school:  # "Finance Northeastern University": the school's name starts a word earlier
        before = text[pos : school.start()].rstrip()
        end = pos + (before.rfind(" ") if " " in before else 0)
        if text[school.start() : school.end() + 3].lower().endswith(" of"):
            end = school.start()
    value = text[pos:end].strip(" :·-")
    if sum(c.isalpha() for c in value) < 2 or len(value) > 80:
        return None
    start = text.index(value, pos)
    return Fact(value, start, start + len(value), value)


def _institution(text: str, degree: Fact) -> Fact | None:
    """A school named on the degree's line, else on the line after, else the line before."""
    ls = text.rfind("\n", 0, degree.start) + 1
    spans = [(ls, eol(text, ls))]
    nxt = spans[0][1] + 1
    if nxt < len(text):
        spans.append((nxt, eol(text, nxt)))
    if ls > 0:
        prev = text.rfind("\n", 0, ls - 1) + 1
        spans.append((prev, ls - 1))
    for a, b in spans:
        line = LOCATION.sub(lambda x: "|" * len(x.group(0)), text[a:b])
        if a <= degree.start < b:  # "High School Diploma" names a level, not a school
            i, j = degree.start - a, degree.end - a
            line = line[:i] + "|" * (j - i) + line[j:]
        for piece in re.split(r"\s{2,}|\t|\s*[|·]\s*|ï1⁄4[^\w\s]?|\s+-\s+|\|+", line):
            m = _SCHOOL.search(piece)
            if not m or len(piece) > 120:
                continue
            name = _school_name(piece, m)
            if name:
                start = text.index(name, a)
                return Fact(name, start, start + len(name), name)
    return None


def _school_name(piece: str, m: re.Match[str]) -> str:
    """Trim a piece down to the school's name: capitalised words around the cue, or CJK."""
    if "\u4e00" <= m.group(0)[0] <= "\u9fff":
        cjk = re.search(r"[\u4e00-\u9fff()（）]*" + re.escape(m.group(0)), piece)
        return cjk.group(0) if cjk else ""
    toks = list(re.finditer(r"\S+", piece))
    k = next(i for i, t in enumerate(toks) if t.start() <= m.start() < t.end())

    def namey(t: str) -> bool:
        w = t.strip(",.")
        return bool(w) and (w[:1].isupper() or w.lower() in _SCHOOL_GLUE)

    lo = k
    while lo > 0 and namey(toks[lo - 1].group(0)) and not toks[lo - 1].group(0).endswith(","):
        lo -= 1
    hi = k
    while (
        not toks[hi].group(0).endswith(",") and hi + 1 < len(toks) and namey(toks[hi + 1].group(0))
    ):
        hi += 1
    while hi > k and toks[hi].group(0).strip(",.").lower() in _SCHOOL_GLUE:
        hi -= 1
    while lo < k and toks[lo].group(0).lower() in _SCHOOL_GLUE - {"the"}:
        lo += 1
    return piece[toks[lo].start() : toks[hi].end()].strip(" ,")


_SCHOOL_GLUE = {"of", "the", "and", "&", "at", "for", "de", "in", "-"}
