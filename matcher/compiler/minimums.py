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
    "doctorate": r"\b(?:ph\.?d|doctorate|doctoral|pharm\.?d|edd|dnp)\b|博士",
    "master": (
        r"\b(?:master'?s?|mba|msc|msn|mfa|mph|mpa|m\.[as]\.?|ms|ma|m\.?tech|mca|m\.?com|m\.e)\b"
        r"|硕士|研究生"
    ),
    "bachelor": (
        r"\b(?:bachelor'?s?|undergraduate|university degree|college degree|bsc|bsn|bba|bfa|bsba"
        r"|b\.[as]\.?|bs|ba|b\.?tech|bca|b\.?com|b\.e)\b"
        r"|本科|学士|统招大学|大学(?:本科|学历|毕业|以上)"
    ),
    "associate": r"\b(?:associate'?s? degree|junior college|college diploma)\b|大专|专科",
    "highschool": r"\b(?:high school)\b|高中|中专",
}
_DEGREE_CONTEXT = re.compile(
    r"degree|diploma|graduat|education|above|or higher|at least|学历|以上|毕业|及以上"
    # a degree named whole ("Bachelor of Science in Nursing") or by a name no other thing has
    r"|\b(?:bachelor|master|doctor)'?s?\s+of\s+(?:science|arts|business|education|engineering"
    r"|fine|public|social|laws|nursing|pharmacy|philosophy)\b"
    r"|\b(?:bsn|msn|mba|bba|bfa|mfa|mph|pharm\.?d|dnp|b\.?tech|m\.?tech|mca|bca|b\.e)\b"
    # "BS/BA in Computer Science", "MBA or MS in Finance": an abbreviation before its field
    r"|\b(?:b\.?[as]|bsc|m\.?[as]|msc|mba|ph\.?d)\b\.?(?:\s*(?:/|or)\s*\w+\.?)*\s+in\s",
    re.I,
)
# People and courses a duty names, not a degree asked: "mentor graduate and undergraduate
# students", "teach undergraduate courses".
_STUDENTS = re.compile(
    r"\b(?:under)?graduate(?:\s+(?:and|&|or)\s+(?:under)?graduate)?\s+"
    r"(?:students?|researchers?|assistants?|courses?|classes|programs?|level|admissions?|recruiting)\b",
    re.I,
)
# A degree named by its field alone is a first degree: "Degree in Graphic Design", "a degree
# from an accredited university".
_BARE_DEGREE = re.compile(r"\bdegree\s+(?:in|from)\s+[A-Za-z]", re.I)
_CN_NUM = dict(zip("一二两三四五六七八九十", (1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10), strict=True))
_EN_NUM = dict(
    zip(
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"],
        range(1, 11),
        strict=True,
    )
)
_NUMBER = (
    r"\d{1,2}|[一二两三四五六七八九十]|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b"
)
# "3+ years", "two (2) years", "3-5年", "three to five years", "2 or more years": the first
# number is the least asked. Blanks are taken whole (``\s*+``): linear on a line of blanks.
_YEARS = re.compile(
    rf"({_NUMBER})\s*+(?:\(\d{{1,2}}\)\s*+)?"
    rf"(?:\+\s*+|(?:[-~～至到]|to\s)\s*+(?:{_NUMBER})\s*+(?:\(\d{{1,2}}\)\s*+)?"
    r"|or\s++(?:more|above|greater|higher|longer)\s++)?(?:\+\s*+)?"
    r"(?:(?P<months>months?|个月)|years?|yrs|年(?![底度份初末终]))",
    re.I,
)
# "4+ years building production web apps": years of work named by what was done. Not "5 years
# running" (an award), nor "3 years remaining", nor "90 years of engineering heritage".
_GERUND_AFTER = re.compile(
    r"^\s+(?!(?:running|remaining|following|starting|beginning|ending|during)\b)"
    r"(?-i:[a-z]{2,20}ing)\b",
    re.I,
)
_EXP_AFTER = re.compile(r"^.{0,60}?(?:经验|经历|experience|工作年限)", re.I | re.S)
# "6+ years in DevOps / SRE", "3+ years with Airflow": years of work in a field without the
# word "experience". Not "3 years in a row", nor years with the employer ("with us").
_IN_AFTER = re.compile(
    r"^\s+(?:in|with)\s+(?!(?:a\s+row|the\s+(?:last|past|next|first)|us|our|this|the\s+company"
    r"|the\s+team|the\s+organi[sz]ation)\b)(?:an?\s+|the\s+)?(?P<field>[A-Za-z][^,.;:()\n]{1,80})",
    re.I,
)
# A job board's form: "Cooking: 1 year (Required)", "Total work: 3 years (Preferred)".
_FORM = re.compile(
    r"^\s*(?P<field>[A-Za-z][^:：\n]{1,40}?)\s*[:：]\s*"
    r"(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s*\+?\s*"
    r"(?:(?:-|–|to)\s*\d{1,2}\s*)?(?:years?|yrs)\b"
    r"\s*(?:\((?:required|preferred)\))?\s*$",
    re.I,
)
# A form's field that is any work: "Total work: 3 years", "Experience: 2 years".
_ANY_WORK = re.compile(
    r"^(?:total\s+)?(?:work|working|experience|exp|work experience|relevant)$", re.I
)
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
    >>> degree_required("PhD in physics or a related field required", None)  # weighed: measured
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
    >>> education_level("BSN preferred"), education_level("Bachelor of Science in Nursing")
    ('bachelor', 'bachelor')
    >>> education_level("Degree in Graphic Design"), education_level("Master's degree in CS")
    ('bachelor', 'master')
    >>> education_level("B.E/B.Tech/MCA"), education_level("Mentor graduate and undergraduate students")
    ('bachelor', None)
    """
    clause = _STUDENTS.sub(" ", clause)  # "mentor graduate and undergraduate students"
    if not _DEGREE_CONTEXT.search(clause):
        return None
    found = [lvl for lvl, rx in _LEVEL_WORDS.items() if re.search(rx, clause, re.I)]
    if not found and _BARE_DEGREE.search(clause):
        return "bachelor"  # "Degree in Graphic Design or a related discipline"
    return min(found, key=level_rank, default=None)  # the lowest level named is the minimum


def states_years(clause: str) -> bool:
    """Whether ``clause`` names a number of years ("3-5年", "5+ years"), of experience or not."""
    return bool(_YEARS.search(clause))


def min_years(clause: str) -> float | None:
    """The least years of experience ``clause`` asks for ("3-5年" gives 3), if it asks.

    >>> min_years("3-5年相关工作经验"), min_years("less than 2 years of experience")
    (3.0, None)
    >>> min_years("Cooking: 1 year (Required)")
    1.0
    >>> min_years("2+ years of banking experience, or 1+ year as a Personal Banker I")
    2.0
    >>> min_years("6 months forklift experience"), min_years("4+ years building web apps")
    (0.5, 4.0)
    >>> min_years("6+ years in DevOps / SRE"), min_years("Experience: 3-6 Yrs")
    (6.0, 3.0)
    >>> min_years("No accidents 3 years in a row"), min_years("5 years with the company")
    (None, None)
    """
    form = _FORM.match(clause)
    if form:
        return _number(form.group("n"))
    # The first stated: "3+ years of experience, or 2+ years at a well-known firm" is a floor
    # and a narrower alternative, and the employer means the first (zhaopin's labels agree).
    for m in _YEARS.finditer(clause):
        if _CEILING_AFTER.match(clause[m.end() :]) or _CEILING_BEFORE.search(clause[: m.start()]):
            continue  # "1年以下", "less than 2 years": a ceiling, not a minimum
        rest = clause[m.end() :]
        if (
            _EXP_AFTER.match(rest)
            or _EXP_BEFORE.search(clause[: m.start()])
            or _GERUND_AFTER.match(rest)
            or _IN_AFTER.match(rest)
        ):
            n = _number(m.group(1))
            return round(n / 12, 2) if m.group("months") else n
    return None


def _number(n: str) -> float:
    """A count of years as a posting writes it: "3", "three", "三"."""
    return float(_CN_NUM.get(n) or _EN_NUM.get(n.lower()) or int(n))


# "5+ years of experience in data engineering", "3 years' experience as a line cook",
# "5+ years of data engineering experience", "3年以上Java开发经验": the field the years are in.
_FIELD_AFTER = re.compile(
    r"^\W{0,3}(?:of\s+)?(?:(?:professional|hands-on|industry|progressive|working|work|full-time)\s+)*"
    r"experience\s+(?:(?:in|with|as|doing|building|on|using)\s+(?:an?\s+|the\s+)?"
    # "two years of experience cooking in a high-volume kitchen": the work named by its verb
    r"|(?=(?-i:[a-z]{2,20}ing)(?:\s+[a-z]+){0,2}\s*(?:\b(?:in|at|for|with|on|to)\b|[^\w\s]|$)))"
    r"(?P<field>[^,.;:()\n]{2,80})",
    re.I,
)
_FIELD_BEFORE = re.compile(
    r"^\W{0,3}(?:of\s+|'\s*|’\s*|\s+)(?P<field>[A-Za-z][\w +#./&-]{1,50}?)\s+(?:work\s+)?"
    r"experience\b",
    re.I,
)
_FIELD_ZH = re.compile(
    r"^(?:以上|及以上)?(?P<field>[^，,。；;、\s]{1,14}?)(?:开发|工作|从业|项目|相关)*经验"
)
# Where a field's phrase ends: "in data engineering or analytics, preferably in fintech".
_FIELD_END = re.compile(
    r"\s+(?:preferably|ideally|including|is|are|required|preferred|a plus|with|in a|at a|"
    r"within|using|for|from|to|that|which|where|such as|e\.g)\b.*$",
    re.I,
)
# Not a field: the years are any work's ("relevant experience", "相关工作经验").
_NO_FIELD = re.compile(
    r"^(?:a\s+)?(?:related|relevant|similar|comparable|this|such|the\s+field|the\s+industry"
    r"|professional|work|working|industry|progressive|post|full|hands)\b"
    r"|^(?:相关|工作|以上|行业|领域|同行业|本行业|本岗位|岗位|项目|公司)",
    re.I,
)
FIELD_WORDS = 5  # a longer "field" is a sentence, not a field
# Where the work was, not what: "2 years in a fast-paced environment" is any work.
_SETTING = re.compile(
    r"\b(?:environment|setting|company|organi[sz]ation|team|capacity|workplace)s?$", re.I
)
# Words before a field that say how good the experience was, not in what: "3 years prior
# experience" has no field, "two years of successful elementary teaching experience" has one.
_HOW = re.compile(
    r"^(?:(?:prior|previous|proven|practical|demonstrated|total|combined|recent|paid|solid"
    r"|strong|direct|extensive|significant|minimum|more|overall|general|successful|verifiable"
    r"|documented|or|of)\s+)+",
    re.I,
)


def experience_field(clause: str) -> str | None:
    """The field a clause's years of experience are in, if it names one; None when any work
    counts ("5+ years of experience", "3年以上相关工作经验").

    >>> experience_field("5+ years of experience in data engineering or analytics")
    'data engineering or analytics'
    >>> experience_field("3年以上Java开发经验"), experience_field("3+ years of Python experience")
    ('Java', 'Python')
    >>> experience_field("4 years' accounting experience")
    'accounting'
    >>> experience_field("At least two years of experience cooking in a high-volume kitchen")
    'cooking'
    >>> experience_field("5+ years of relevant experience"), experience_field("3年以上相关工作经验")
    (None, None)
    """
    form = _FORM.match(clause)
    if form:
        field = form.group("field").strip()
        return None if _ANY_WORK.match(field) else field
    for m in _YEARS.finditer(clause):
        rest = clause[m.end() :]
        for rx in (_FIELD_AFTER, _FIELD_BEFORE, _FIELD_ZH, _IN_AFTER):
            got = rx.match(rest)
            if got is None:
                continue
            field = _FIELD_END.sub("", got.group("field")).strip(" -'’")
            field = _HOW.sub("", field + " ").strip()
            if (
                field
                and not _NO_FIELD.match(field)
                and not _SETTING.search(field)
                and len(re.findall(r"\w+", field)) <= FIELD_WORDS
            ):
                return field
    return None
