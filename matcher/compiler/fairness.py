"""Fairness lint: a posting item's text in, the text without its clauses about protected
traits and a ``Finding`` for each clause left out.

A step of compiling, run on every list item before the compiler reads criteria from it.
Clauses about gender, age, looks, marital status, ethnicity, religion, politics, origin or
school tier are never scored: they become ``findings`` of the rubric, which a person reviews.
A clause stating no preference ("男女不限") is neither a criterion nor a finding.
"""

from __future__ import annotations

import re

from matcher.compiler.clauses import CLAUSE_END
from matcher.rubric.model import Finding

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
    # "Native English speaker" asks where a person is from; fluency is the job criterion.
    "national origin": r"\bnative[- ]?(?:[a-z]+\s)?speakers?\b|\bnative (?:english|chinese|mandarin)\b"
    r"|母语(?:为|是)|为母语",
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


def strip_protected(item: str) -> tuple[str, list[Finding]]:
    """The item with clauses about protected traits removed, and a finding for each.

    >>> kept, found = strip_protected("熟悉SQL，女性优先，男女不限")
    >>> kept, [(f.message, f.origin) for f in found]
    ('熟悉SQL，', [('gender is not a job criterion: left out of scoring', '女性优先')])
    """
    kept, found = [], []
    for clause in CLAUSE_END.split(item):
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
