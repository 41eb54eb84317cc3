"""The generated protected-attribute corpus: resumes that differ only in who wrote them.

One English and one Chinese resume template, and people (name, contacts, gender, age, birth
date, marital status, nationality or ethnicity, photo text, degree years) to fill them with.
The blind-mode tests (tests/resume/test_blind.py), the service's (tests/service), ``tune
--blind``'s and ``matcher audit``'s over it (tests/test_audit.py) all use these, so "no masked
value reaches any output" and "the audit reports the differences" are said of the same people.
``write_corpus`` writes them as files with a groups CSV of what each person declares.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import matcher

AS_OF = date(2026, 11, 23)

EN = """{name}
{email} | {phone} | {city}
Gender: {gender} | Age: {age} | Date of birth: {dob} | Marital status: {marital} | Nationality: {nation}
![{alt}](photo.jpg)
SUMMARY
Product manager with 8 years of experience in e-commerce; {pronoun} leads product planning.
EXPERIENCE
Product Manager, Acme Retail  Jan 2018 - Present
• Wrote PRDs and prototypes in Axure; built SQL dashboards and Excel reports.
EDUCATION
Bachelor of Science in Economics  {start} - {end}
State University
SKILLS
SQL, Excel, PowerPoint, user research
"""
ZH = """姓名：{name}
性别：{gender} | 年龄：{age}岁 | 出生年月：{dob} | 民族：{nation} | 婚姻状况：{marital}
籍贯：{home} | 政治面貌：{party} | 照片：{alt}
{email} | {phone}
工作经历
产品经理  2018年1月 - 至今
某某科技有限公司
• 负责产品规划，撰写PRD，使用Axure制作原型，用SQL和Excel做数据分析。
教育背景
本科 · 电子商务  {start}年9月 - {end}年6月
某某大学
专业技能
SQL、Excel、PPT、用户研究
"""
EN_PEOPLE = [
    dict(
        name="Megan Alvarez",
        email="megan.alvarez@example.com",
        phone="+1 (415) 555-0142",
        city="San Francisco, CA",
        gender="Female",
        age="34",
        dob="1992-04-02",
        marital="Married",
        nation="Mexican",
        alt="smiling woman in a headscarf",
        pronoun="she",
        start="2010",
        end="2014",
    ),
    dict(
        name="Jamal Washington",
        email="jamal.w@example.org",
        phone="+1 (212) 555-0199",
        city="Brooklyn, NY",
        gender="Male",
        age="57",
        dob="1969-11-30",
        marital="Divorced",
        nation="Nigerian",
        alt="older man with grey beard",
        pronoun="he",
        start="1987",
        end="1991",
    ),
    dict(
        name="Wei Zhang",
        email="wzhang@example.net",
        phone="+1 (650) 555-0123",
        city="Palo Alto, CA",
        gender="Nonbinary",
        age="26",
        dob="2000-01-15",
        marital="Single",
        nation="Taiwanese",
        alt="young person with glasses",
        pronoun="she",
        start="2018",
        end="2022",
    ),
]
ZH_PEOPLE = [
    dict(
        name="李秀英",
        gender="女",
        age="28",
        dob="1998.03",
        nation="汉族",
        marital="未婚",
        home="湖南长沙",
        party="中共党员",
        alt="短发女性正面照",
        email="lixiuying@example.com",
        phone="138-0000-1234",
        start="2016",
        end="2020",
    ),
    dict(
        name="马建国",
        gender="男",
        age="45",
        dob="1981.07",
        nation="回族",
        marital="已婚已育",
        home="甘肃临夏",
        party="群众",
        alt="中年男性证件照",
        email="majianguo@example.cn",
        phone="139-1111-5678",
        start="1999",
        end="2003",
    ),
]
# What must never reach an output: every person's values (the city too: it is an address).
# Ages as written ("Age: 34", "28岁"): a bare "34" is in dates and scores too.
LEAKS = {
    "en": [
        v for p in EN_PEOPLE for k, v in p.items() if k not in ("pronoun", "start", "end", "age")
    ]
    + [f"Age: {p['age']}" for p in EN_PEOPLE],
    "zh": [v for p in ZH_PEOPLE for k, v in p.items() if k not in ("gender", "start", "end", "age")]
    + [f"{p['age']}岁" for p in ZH_PEOPLE],
}


def rubric(lang: str) -> matcher.Rubric:
    posting = {
        "en": "Product Manager\nRequirements: bachelor degree, 3+ years of experience; PRD, "
        "Axure, SQL, Excel, user research",
        "zh": "产品经理\n任职要求：本科以上学历，3年以上工作经验；熟悉PRD、Axure、SQL、Excel，用户研究",
    }[lang]
    return matcher.compile_posting(posting, stem=f"pm-{lang}")[0]


def resumes(lang: str, blind_mode: bool) -> list[matcher.Resume]:
    template, people = (EN, EN_PEOPLE) if lang == "en" else (ZH, ZH_PEOPLE)
    return [
        matcher.read_resume(
            template.format(**p), text=True, name=f"{lang}-{i}.txt", as_of=AS_OF, blind=blind_mode
        )
        for i, p in enumerate(people)
    ]


def written(lang: str, person: dict[str, str]) -> str:
    """A person's resume text in ``lang``."""
    return (EN if lang == "en" else ZH).format(**person)


def people(lang: str) -> list[dict[str, str]]:
    return EN_PEOPLE if lang == "en" else ZH_PEOPLE


# The gender each corpus person declares, as the groups file says it and as the resume writes
# it (the Chinese photo's caption says it too); each person is written as a woman and as a man.
GENDERS = {
    "en": [
        ("female", {"gender": "Female", "pronoun": "she"}),
        ("male", {"gender": "Male", "pronoun": "he"}),
    ],
    "zh": [
        ("female", {"gender": "女", "alt": "短发女性正面照"}),
        ("male", {"gender": "男", "alt": "中年男性证件照"}),
    ],
}


def write_corpus(folder: Path, lang: str) -> tuple[list[Path], Path]:
    """Every person of ``lang`` written once as a woman and once as a man, as text resumes in
    ``folder`` (``en-1-0.txt``: the second person, as a woman), and ``groups.csv``
    (resume,sex,age) of what each declares.

    Returns:
        the resume paths and the groups file's path.
    """
    files, rows = [], ["resume,sex,age"]
    for i, person in enumerate(people(lang)):
        for j, (sex, words) in enumerate(GENDERS[lang]):
            path = folder / f"{lang}-{i}-{j}.txt"  # a name that says nothing of who wrote it
            path.write_text(written(lang, {**person, **words}), encoding="utf-8")
            files.append(path)
            band = "40+" if int(person["age"]) >= 40 else "under 40"
            rows.append(f"{path.name},{sex},{band}")
    groups = folder / "groups.csv"
    groups.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return files, groups
