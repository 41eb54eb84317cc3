"""Protected attributes: text in, the protected trait (or known proxy) it asks about out.

One vocabulary for every step that must not let who a person is decide a score: the compiler
leaves posting clauses that match it out of rubrics (``matcher.compiler.fairness``), the rubric
lint flags criteria a person wrote on them (``matcher.rubric.io.lint``), and blind mode hides
a resume's own fields of the same kinds (``matcher.resume.blind``). Each trait carries why it is
a risk, in English and Chinese, and the law or guidance that makes it one: a pointer for a
reviewer, not legal advice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Trait:
    """A protected attribute or proxy: its pattern, why it is a risk (en, zh) and the law."""

    name: str
    pattern: str
    why: str
    why_zh: str
    law: str


# Order matters: the first trait whose pattern matches names a clause.
TRAITS: tuple[Trait, ...] = (
    Trait(
        "gender",
        r"\b(?:male|female|gender|men only|women only)\b|男性|女性|男士|女士|性别|限男|限女|男生|女生",
        "gender is not a job criterion",
        "性别不是岗位条件",
        "US Civil Rights Act Title VII; EU Directive 2006/54/EC; 《就业促进法》第27条",
    ),
    Trait(
        "age",
        r"\b(?:aged?\s+(?:between|under|below|over|\d)|under \d\d|below \d\d|years old|age limit)\b"
        r"|年龄|\d{2}\s*周?岁|岁以下|岁以上|周岁",
        "age is not a job criterion",
        "年龄不是岗位条件",
        "US ADEA (EEOC); EU Directive 2000/78/EC",
    ),
    # Proxies for age: a graduation year or "digital native" selects by birth year.
    Trait(
        "age proxy",
        r"\b(?:digital natives?|graduation year|graduated (?:in|after|since) \d{4}|class of \d{4}"
        r"|recent (?:college )?graduates?|young (?:and|team|people)|youthful)\b"
        r"|毕业年份|\d{2,4}\s*年(?:以后|之后)毕业|年轻|80后|85后|90后|95后|00后",
        "a graduation year or generation word selects by age",
        "毕业年份、代际用语是年龄的替代条件",
        "US ADEA and EEOC guidance on age proxies; EU Directive 2000/78/EC",
    ),
    Trait(
        "appearance",
        r"\b(?:appearance|good[- ]looking|attractive|well[- ]groomed|image and temperament)\b"
        r"|\bheight\s*(?:of\s*)?(?:above|over|at least)?\s*\d|\d{3}\s*cm\b"
        r"|形象(?:好|佳|气质|端正)|气质(?:佳|好)|外形|身高|相貌|五官|颜值|长相",
        "looks stand in for gender and age",
        "形象气质、身高相貌是性别与年龄的替代条件",
        "人社部等九部门《关于进一步规范招聘行为促进妇女就业的通知》(2019); US Title VII",
    ),
    Trait(
        "marital status",
        r"\b(?:married|unmarried|marital)\b|已婚|未婚|婚否|已育|未育|婚育",
        "marital and parental status are not job criteria",
        "婚育状况不是岗位条件",
        "人社部等九部门《关于进一步规范招聘行为促进妇女就业的通知》(2019); EU Directive 2006/54/EC",
    ),
    Trait(
        "ethnicity",
        r"\b(?:ethnic\w*|race)\b|民族|汉族",
        "ethnicity is not a job criterion",
        "民族不是岗位条件",
        "US Title VII; EU Directive 2000/43/EC; 《就业促进法》第28条",
    ),
    Trait(
        "religion",
        r"\b(?:religion|religious)\b|宗教|信仰",
        "religion is not a job criterion",
        "宗教信仰不是岗位条件",
        "US Title VII; EU Directive 2000/78/EC; 《就业促进法》第3条",
    ),
    Trait(
        "political status",
        r"\b(?:party member|political (?:status|affiliation))\b|党员|政治面貌",
        "political opinion is not a job criterion",
        "政治面貌不是一般岗位的条件",
        "GDPR Art. 9 (special categories); EU Charter Art. 21",
    ),
    # "Native English speaker" asks where a person is from; fluency is the job criterion.
    Trait(
        "national origin",
        r"\bnative[- ]?(?:[a-z]+\s)?speakers?\b|\bnative (?:english|chinese|mandarin)\b"
        r"|母语(?:为|是)|为母语",
        "'native speaker' asks where a person is from: ask for fluency instead",
        "“母语”要求的是出身：应写明语言熟练程度",
        "US Title VII national origin (EEOC guidance, 2016); EU Directive 2000/43/EC",
    ),
    Trait(
        "hometown",
        r"\b(?:hometown|household registration|hukou|local residents? only)\b"
        r"|户口|户籍|籍贯|本地人",
        "household registration (hukou) or hometown is origin, not ability",
        "户口、户籍、籍贯是出身，不是能力",
        "《就业促进法》第31条; US Title VII national origin",
    ),
    Trait(
        "school tier",
        r"\b(?:ivy league|top[- ]tier universit\w*|tsinghua|peking university|harvard|stanford"
        r"|oxford|cambridge university|princeton|yale)\b"
        r"|985|211|双一流|重点大学|名校|一本(?:及以上|以上|院校|学历)|清华|北大|北京大学|复旦|浙江大学",
        "a school's tier or name as a filter stands in for class and origin: ask for the skill",
        "院校层次或校名作筛选条件是出身的替代条件：应写明所需能力",
        "教育部关于高校毕业生就业工作的通知(严禁院校歧视); US Title VII disparate impact",
    ),
)
_COMPILED = tuple((t, re.compile(t.pattern, re.I)) for t in TRAITS)
# "男女不限" (either gender) states no preference: neither a criterion nor a finding.
NO_LIMIT = re.compile(r"男女不限|不限男女|年龄不限|户籍不限")
# Numbers that look like school tiers but are not: times, dates, amounts.
_NOT_TIER = re.compile(r"\d[:.\-]?(?:985|211)|(?:985|211)\d")


def protected_trait(text: str) -> tuple[Trait, str] | None:
    """The first protected trait ``text`` asks about and the words that show it, or ``None``.

    >>> [(t.name, w) for t, w in [protected_trait("digital native, SQL")]]
    [('age proxy', 'digital native')]
    >>> protected_trait("男女不限，熟悉SQL") is None
    True
    """
    probe = _NOT_TIER.sub(" ", NO_LIMIT.sub(" ", text))
    for trait, rx in _COMPILED:
        m = rx.search(probe)
        if m:
            return trait, m.group(0)
    return None
