"""Minimums: a posting item's text in, the education level and years of experience it asks
for out (``str | None``, ``float | None``).

A step of compiling: the compiler makes the education and experience criteria of a posting
from what these functions read in its list items (English or Chinese: "Bachelor degree or
above", "本科及以上学历", "3-5年相关工作经验"). A degree stated as a floor is required
(``degree_required``); a ceiling ("1年以下") is no minimum.
"""

from __future__ import annotations

import re

from matcher.vocab.levels import Level, level_rank
from matcher.vocab.lexicon import Cue

# What names each level in a posting (a degree's name is one clue; ``_DEGREE_CONTEXT`` another).
_LEVEL_WORDS: dict[Level, str] = {
    "doctorate": r"\b(?:ph\.?d|doctorate|doctoral)\b|博士",
    "master": r"\b(?:master'?s?|mba|msc)\b|硕士|研究生",
    "bachelor": (
        r"\b(?:bachelor'?s?|undergraduate|university degree|college degree|bsc|b\.s)\b"
        r"|本科|学士|统招大学|大学(?:本科|学历|毕业|以上)"
    ),
    "associate": r"\b(?:associate'?s? degree|junior college|college diploma)\b|大专|专科",
    "highschool": r"\b(?:high school)\b|高中|中专",
}
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


def degree_required(text: str, cue: Cue | None) -> bool:
    """Whether an education minimum is required: stated as a floor, not "preferred", and not
    admitting experience instead ("or equivalent experience"); ``cue`` is the cue of the
    clause naming the degree.

    >>> degree_required("Bachelor degree or above", None)
    True
    >>> degree_required("Bachelor's degree in education", None)
    False
    >>> degree_required("Bachelor's degree or above, or equivalent experience", None)
    False
    """
    if (cue and cue.factor < 1.0) or _EQUIVALENT.search(text):
        return False
    return bool(_FLOOR.search(text) or (cue and cue.required))


def education_level(clause: str) -> Level | None:
    """The least education level ``clause`` asks for ("doctorate", "master", "bachelor",
    "associate", "highschool"), if it asks for a degree.

    >>> education_level("研究生及以上学历，优秀者放宽至本科"), education_level("大学英语四级以上")
    ('bachelor', None)
    """
    if not _DEGREE_CONTEXT.search(clause):
        return None
    found = [lvl for lvl, rx in _LEVEL_WORDS.items() if re.search(rx, clause, re.I)]
    return min(found, key=level_rank, default=None)  # the lowest level named is the minimum


def states_years(clause: str) -> bool:
    """Whether ``clause`` names a number of years ("3-5年", "5+ years"), of experience or not."""
    return bool(_YEARS.search(clause))


def min_years(clause: str) -> float | None:
    """The least years of experience ``clause`` asks for ("3-5年" gives 3), if it asks.

    >>> min_years("3-5年相关工作经验"), min_years("less than 2 years of experience")
    (3.0, None)
    """
    for m in _YEARS.finditer(clause):
        if _CEILING_AFTER.match(clause[m.end() :]) or _CEILING_BEFORE.search(clause[: m.start()]):
            continue  # "1年以下", "less than 2 years": a ceiling, not a minimum
        if _EXP_AFTER.match(clause[m.end() :]) or _EXP_BEFORE.search(clause[: m.start()]):
            n = m.group(1)
            return float(_CN_NUM.get(n) or int(n))
    return None
