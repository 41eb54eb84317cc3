"""Resume understanding: headings, date ranges, roles, years, education, languages, contacts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from matcher.read.document import read_text
from matcher.read.reader import read_document
from matcher.resume.dates import find_ranges
from matcher.resume.roles import Role, years_of_experience
from matcher.resume.sections import find_sections
from matcher.resume.understand import Resume, understand
from matcher.text import normalize
from matcher.vocab.levels import LEVELS
from matcher.vocab.lexicon import default_lexicon

from .conftest import SAMPLES, shared

AS_OF = date(2026, 1, 1)
LEX = default_lexicon()


def month(y: int, m: int) -> int:
    return y * 12 + m - 1


def resume(text: str, as_of: date = AS_OF) -> Resume:
    return understand(read_text(text), as_of=as_of)


# ---------------------------------------------------------------- headings

HEADINGS = [
    # (description, line, expected canonical sections)
    ("plain", "Experience", ["experience"]),
    ("all caps", "WORK HISTORY", ["experience"]),
    ("colon", "Professional Experience:", ["experience"]),
    ("relevant", "Relevant Experience", ["experience"]),
    ("employment", "EMPLOYMENT", ["experience"]),
    ("zh work", "工作经历", ["experience"]),
    ("zh work 2", "工作经验:", ["experience"]),
    ("zh intern", "实习经历", ["experience"]),
    ("zh numbered", "一、工作经历", ["experience"]),
    ("zh bracketed", "【教育背景】", ["education"]),
    ("education", "EDUCATION", ["education"]),
    ("education and training", "Education and Training", ["education"]),
    ("zh education", "教育经历", ["education"]),
    ("skills", "Skills", ["skills"]),
    ("technical skills", "TECHNICAL SKILLS", ["skills"]),
    ("zh skills", "专业技能", ["skills"]),
    ("zh skills short", "技能", ["skills"]),
    ("summary", "Summary", ["summary"]),
    ("profile", "PROFILE", ["summary"]),
    ("objective", "Objective", ["summary"]),
    ("zh summary", "个人简介", ["summary"]),
    ("zh self", "自我评价", ["summary"]),
    ("projects", "Projects", ["projects"]),
    ("zh projects", "项目经验", ["projects"]),
    ("certifications", "Certifications", ["certifications"]),
    ("zh certificates", "证书", ["certifications"]),
    ("languages", "Languages", ["languages"]),
    ("zh languages", "语言能力", ["languages"]),
    ("numbered", "2. Education", ["education"]),
    ("decorated", "== EXPERIENCE ==", ["experience"]),
    ("inline content", "Skills: SQL, Excel", ["skills"]),
    ("inline zh", "求职意向:电商产品经理", ["summary"]),
    ("joined columns", "SKILLS        EXPERIENCE", ["skills", "experience"]),
    ("joined by bar", "Education | Languages", ["education", "languages"]),
    ("ends in heading", "Teaching Experience", ["experience"]),
    ("not a heading: sentence", "Experience with face-to-face customer service", []),
    ("not a heading: skill", "Leadership Skills", []),
    ("not a heading: label", "Note: call after 5pm", []),
    ("not a heading: long", "Education " * 8, []),
]


@pytest.mark.parametrize(("desc", "line", "expected"), HEADINGS, ids=[h[0] for h in HEADINGS])
def test_headings(desc: str, line: str, expected: list[str]) -> None:
    text = normalize(f"Jane Doe\n{line}\nsome content")
    assert [s.name for s in find_sections(text, LEX)] == expected, desc


def test_sections_run_to_the_next_heading() -> None:
    text = "Jane\nSUMMARY\nx\nEXPERIENCE\ny\nEDUCATION\nz"
    secs = find_sections(text, LEX)
    assert [(s.name, text[s.start : s.end].split("\n")[0]) for s in secs] == [
        ("summary", "SUMMARY"),
        ("experience", "EXPERIENCE"),
        ("education", "EDUCATION"),
    ]
    assert secs[-1].end == len(text)
    r = resume(text)
    assert r.section_at(0) == "top"
    assert r.section_at(text.index("y")) == "experience"


def test_joined_headings_share_the_span_below() -> None:
    text = "SKILLS      EXPERIENCE\nSQL         Analyst  2019 - 2021\nEDUCATION\nBSc"
    secs = find_sections(text, LEX)
    assert {(s.name, s.start, s.end) for s in secs[:2]} == {
        ("skills", 0, text.index("EDUCATION")),
        ("experience", 0, text.index("EDUCATION")),
    }
    assert resume(text).years_experience == 2.0


# ---------------------------------------------------------------- dates

DATES = [
    # (text, start (y, m), end exclusive (y, m), ongoing)
    ("Mar 2021 – Present", (2021, 3), (2026, 2), True),
    ("March 2021 to date", (2021, 3), (2026, 2), True),
    ("03/2019 - 12/2020", (2019, 3), (2021, 1), False),
    ("2019.07-2021.03", (2019, 7), (2021, 4), False),
    ("2019/07 – 2021/03", (2019, 7), (2021, 4), False),
    ("2019年7月 - 至今", (2019, 7), (2026, 2), True),
    ("2019.07 - 现在", (2019, 7), (2026, 2), True),
    ("2018 - 2020", (2018, 1), (2020, 1), False),
    ("Jul '19 – Jan '21", (2019, 7), (2021, 2), False),
    ("Jul ’19 – Jan ’21", (2019, 7), (2021, 2), False),
    ("2019 till now", (2019, 1), (2026, 2), True),
    ("Jan 2020 - till date", (2020, 1), (2026, 2), True),
    ("Sept. 2019 to Current", (2019, 9), (2026, 2), True),
    ("June 2011 to Current", (2011, 6), (2026, 2), True),
    ("July 2014\nto\nDecember 2015", (2014, 7), (2016, 1), False),
    ("10/2014 ï1⁄4 Current", (2014, 10), (2026, 2), True),
    ("10/2014  Current", (2014, 10), (2026, 2), True),  # a dash glyph that carried no text
    ("06/2012  12/2012", (2012, 6), (2013, 1), False),
    ("2021/03 – 至今", (2021, 3), (2026, 2), True),
    ("2023.04-至今", (2023, 4), (2026, 2), True),
    ("2016年3月 - 2019年6月", (2016, 3), (2019, 7), False),
    ("2019年7月1日-2020年3月", (2019, 7), (2020, 4), False),
    ("2018年 - 2020年", (2018, 1), (2020, 1), False),
    ("2020 - 2020", (2020, 1), (2021, 1), False),
    ("01/15/2019 - 03/01/2020", (2019, 1), (2020, 4), False),
    ("Jan 2019 — 2020", (2019, 1), (2020, 1), False),
    ("2019～2021", (2019, 1), (2021, 1), False),
    ("2019.07 至 2021.03", (2019, 7), (2021, 4), False),
    ("Summer 2019", (2019, 6), (2019, 9), False),
    ("May 2019 – Aug 2030", (2019, 5), (2026, 2), False),  # a future end stops at as_of
]


@pytest.mark.parametrize(("text", "start", "end", "ongoing"), DATES, ids=[d[0] for d in DATES])
def test_date_ranges(
    text: str, start: tuple[int, int], end: tuple[int, int], ongoing: bool
) -> None:
    got = find_ranges(normalize(text), AS_OF)
    assert len(got) == 1, got
    r = got[0]
    assert (r.start_month, r.end_month, r.ongoing) == (month(*start), month(*end), ongoing)


@pytest.mark.parametrize(
    "text",
    [
        "138-0000-1234",  # a phone number
        "2019-12",  # one month, no range
        "Market share grew 2019",
        "Call 555-2019-2020x",
        "2021 - 2019",  # backwards
        "1920 - 1930",  # before anyone working now
        "GPA 3.5/4.0",
    ],
)
def test_not_date_ranges(text: str) -> None:
    assert find_ranges(normalize(text), AS_OF) == []


def test_present_follows_as_of() -> None:
    early = resume("EXPERIENCE\nPM, Acme  Jan 2020 - Present", as_of=date(2021, 12, 31))
    late = resume("EXPERIENCE\nPM, Acme  Jan 2020 - Present", as_of=date(2025, 12, 31))
    assert early.years_experience == 2.0
    assert late.years_experience == 6.0
    assert early.roles[0].ongoing


# ---------------------------------------------------------------- roles

ROLES = [
    # (description, experience section body, expected (title, organisation))
    ("title date / org", "Product Manager  Jan 2022 - Present\nShopNest, Chicago", ("Product Manager", "ShopNest")),
    ("title, org date", "PM, Acme Corp  2019 - 2021", ("PM", "Acme Corp")),
    ("org date title", "Company Name June 2011 to Current Senior Accountant\nCity , State", ("Senior Accountant", "Company Name")),
    ("title, date org", "Accountant , 10/2014 - Current Company Name - City , State", ("Accountant", "Company Name")),
    ("date alone first", "July 2014\nto\nDecember 2015\nCompany Name City , State Medical Billing Specialist", ("Medical Billing Specialist", "Company Name")),
    ("date line after title", "Culinary Arts Instructor\nJanuary 2015 to Current Company Name - City , State\nPrepare lesson plans.", ("Culinary Arts Instructor", "Company Name")),
    ("date line before title", "Mar 2021 - Present\nSenior Product Manager\nLendwise Financial, San Francisco, CA\n• Own the roadmap.", ("Senior Product Manager", "Lendwise Financial")),
    ("date below title and org", "Senior Product Manager\nLendwise Financial\nMar 2021 - Present\n• Own the roadmap.", ("Senior Product Manager", "Lendwise Financial")),
    ("at", "Data Analyst at Greenleaf Retail | 2019 - 2021", ("Data Analyst", "Greenleaf Retail")),
    ("title then org in one piece", "Auditor II Company Name 2005 - 2014", ("Auditor II", "Company Name")),
    ("of in title", "Director of Dining Services  2014 - 2016\nHilltop Group", ("Director of Dining Services", "Hilltop Group")),
    ("date beside org, title above", "Chef de Cuisine\nOsteria Verde, Portland  May 2019 - Present\n• Lead a kitchen of 12.", ("Chef de Cuisine", "Osteria Verde")),
    ("zh date beside org, title above", "总账会计\n成都锦程机械制造有限公司  2018年3月 - 至今\n• 负责总账核算。", ("总账会计", "成都锦程机械制造有限公司")),
    ("zh title, org, date lines", "总账会计\n成都锦程机械制造有限公司\n2018年3月 - 至今\n• 负责总账核算。", ("总账会计", "成都锦程机械制造有限公司")),
    ("zh title date / org", "高级电商产品经理  2019年7月 - 至今\n杭州云栖优品网络科技有限公司\n• 负责商城", ("高级电商产品经理", "杭州云栖优品网络科技有限公司")),
    ("zh date org title", "2019.07-2021.03  上海橙果电子商务有限公司  产品经理", ("产品经理", "上海橙果电子商务有限公司")),
    ("zh org+title glued", "2019.07-2021.03 上海橙果电子商务有限公司产品经理", ("产品经理", "上海橙果电子商务有限公司")),
]  # fmt: skip


@pytest.mark.parametrize(("desc", "body", "expected"), ROLES, ids=[r[0] for r in ROLES])
def test_role_title_and_organisation(desc: str, body: str, expected: tuple[str, str]) -> None:
    r = resume(normalize(f"Jane Doe\nEXPERIENCE\n{body}\nEDUCATION\nBSc Economics"))
    assert len(r.roles) == 1, desc
    role = r.roles[0]
    assert (role.title, role.organisation) == expected, desc
    text = r.document.text
    assert text[role.title_start : role.title_start + len(role.title)] == role.title
    assert text[role.date_start : role.date_start + len(role.date_text)] == role.date_text
    if role.organisation:
        got = text[role.organisation_start : role.organisation_start + len(role.organisation)]
        assert got == role.organisation


def test_role_blocks_cover_their_bullets_and_role_at_finds_them() -> None:
    text = (
        "EXPERIENCE\nPM, Acme  2021 - 2023\n- used SQL daily\n"
        "Analyst, Beta  2018 - 2020\n- used Excel\nEDUCATION\nBSc"
    )
    r = resume(text)
    assert [x.title for x in r.roles] == ["PM", "Analyst"]
    sql, excel, bsc = text.index("SQL"), text.index("Excel"), text.index("BSc")
    assert r.role_at(sql) is r.roles[0]
    assert r.role_at(excel) is r.roles[1]
    assert r.role_at(bsc) is None


def test_education_dates_are_not_work() -> None:
    r = resume("EXPERIENCE\nPM, Acme  2020 - 2022\nEDUCATION\nBSc Economics  2015 - 2019\nUniv")
    assert r.years_experience == 2.0
    assert [x.date_text for x in r.roles] == ["2020 - 2022"]


def test_project_dates_are_roles_but_not_years() -> None:
    r = resume("EXPERIENCE\nPM, Acme  2020 - 2022\nPROJECTS\nShop app  2010 - 2012\n")
    assert [x.kind for x in r.roles] == ["work", "project"]
    assert r.years_experience == 2.0


def test_no_headings_falls_back_to_dated_lines() -> None:
    r = resume(
        "Jane Doe\nProduct Manager, Acme Corp  Mar 2021 - Present\n"
        "Bachelor of Science, State University  2015 - 2019\n"
    )
    assert [x.title for x in r.roles] == ["Product Manager"]
    assert r.years_experience == pytest.approx(4.92)  # Mar 2021 to Jan 2026
    assert r.education is not None and r.education.value == "bachelor"


def test_no_dates_no_headings_does_not_fail() -> None:
    r = resume("just some words about me")
    assert (r.roles, r.years_experience, r.education, r.sections) == ((), 0.0, None, ())


# ---------------------------------------------------------------- years properties

roles_st = st.lists(
    st.tuples(st.integers(1960 * 12, 2030 * 12), st.integers(0, 400)).map(
        lambda t: Role("r", t[0], t[0] + t[1], False, "", 0, 0)
    ),
    max_size=12,
)


@given(roles_st)
def test_years_never_negative_nor_more_than_the_span(roles: list[Role]) -> None:
    y = years_of_experience(roles)
    assert y >= 0
    if roles:
        span = max(r.end_month for r in roles) - min(r.start_month for r in roles)
        assert y <= span / 12 + 0.005


@given(roles_st, st.randoms())
def test_years_unchanged_by_order_or_duplicates(roles: list[Role], rnd: object) -> None:
    shuffled = list(roles)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert years_of_experience(shuffled) == years_of_experience(roles)
    assert years_of_experience(roles + roles[:3]) == years_of_experience(roles)


@given(
    st.lists(
        st.tuples(st.integers(1990, 2025), st.integers(1, 12), st.integers(0, 60)), max_size=6
    ),
    st.dates(date(2000, 1, 1), date(2030, 12, 31)),
)
def test_years_from_text_bounded_by_earliest_start_to_as_of(
    spans: list[tuple[int, int, int]], as_of: date
) -> None:
    lines = []
    for y, m, length in spans:
        e = month(y, m) + length
        lines.append(f"Analyst, Acme  {m:02d}/{y} - {e % 12 + 1:02d}/{e // 12}")
    r = resume("EXPERIENCE\n" + "\n".join(lines) + "\n", as_of=as_of)
    assert r.years_experience >= 0
    if r.roles:
        earliest = min(x.start_month for x in r.roles)
        assert r.years_experience <= (as_of.year * 12 + as_of.month - earliest) / 12 + 0.005
    shuffled = resume("EXPERIENCE\n" + "\n".join(reversed(lines + lines)) + "\n", as_of=as_of)
    assert shuffled.years_experience == r.years_experience


# ---------------------------------------------------------------- education

EDUCATION = [
    # (education line(s), level, field, institution)
    ("Bachelor of Science in Economics\nUniversity of Westbrook", "bachelor", "Economics", "University of Westbrook"),
    ("MBA, Technology Management  2013 - 2015\nPacific Coast School of Business", "master", "Technology Management", "Pacific Coast School of Business"),
    ("Master of Science : Family and Consumer Science , 2012 Queens College CUNY ï1⁄4 City , State", "master", "Family and Consumer Science", "Queens College CUNY"),
    # The field runs into the school's name here; only the level is sure.
    ("B.S : Business Western Michigan University ï1⁄4 City , State", "bachelor", None, None),
    ("Ph.D. in Physics, MIT\nBSc Physics", "doctorate", "Physics", None),
    ("High School Diploma\nEastside High School", "highschool", None, "Eastside High School"),
    ("Associate Degree in Culinary Arts\nWestern Culinary Institute", "associate", "Culinary Arts", "Western Culinary Institute"),
    ("硕士 · 管理科学与工程  2012 - 2014\n江南理工大学\n本科 · 电子商务  2008 - 2012", "master", "管理科学与工程", "江南理工大学"),
    ("本科 · 金融学(Bachelor of Economics)\n北方财经大学", "bachelor", "金融学", "北方财经大学"),
    ("大专 · 电子商务\n中原经贸职业学院", "associate", "电子商务", "中原经贸职业学院"),
    ("博士 计算机科学 清华大学", "doctorate", None, None),
    ("中专 · 会计", "highschool", "会计", None),
    ("研究生 市场营销", "master", None, None),
    ("Boston College, Boston, MA\nBA in History", "bachelor", "History", "Boston College"),
]  # fmt: skip


@pytest.mark.parametrize(("body", "level", "field", "school"), EDUCATION)
def test_education(body: str, level: str, field: str | None, school: str | None) -> None:
    r = resume(normalize(f"EXPERIENCE\nPM, Acme  2019 - 2021\nEDUCATION\n{body}\nSKILLS\nSQL"))
    assert r.education is not None
    assert r.education.value == level
    if field is not None:
        assert r.field_of_study is not None and r.field_of_study.value == field
    if school is not None:
        assert r.institution is not None and r.institution.value == school
    text = r.document.text
    for f in (r.education, r.field_of_study, r.institution):
        if f is not None:
            assert text[f.start : f.end] == f.text


def test_degree_words_outside_education_need_a_cue() -> None:
    assert resume("Associate Product Manager at Acme, 2019 - 2021").education is None
    r = resume("Jane\nMasters degree in finance from State University")
    assert r.education is not None and r.education.value == "master"


def test_state_abbreviations_and_ms_office_are_not_degrees() -> None:
    r = resume("EDUCATION\nBoston College, Boston, MA\nSKILLS\nMS Office")
    assert r.education is None


def test_highest_level_wins_whatever_the_order() -> None:
    r = resume("EDUCATION\nHigh School Diploma 2005\nBSc Biology 2009\nMSc Ecology 2011")
    assert r.education is not None and r.education.value == "master"
    assert [d.level.value for d in r.degrees] == ["master", "bachelor", "highschool"]
    assert all(lv in LEVELS for lv in (d.level.value for d in r.degrees))


# ---------------------------------------------------------------- languages, certifications, contacts


def test_languages_and_certifications() -> None:
    r = resume(
        "LANGUAGES\nEnglish (native), Spanish (professional working proficiency)\n"
        "CERTIFICATIONS\nPMP (Project Management Professional), 2019 · NPDP, 2020\n"
    )
    assert [(f.value, f.text) for f in r.languages] == [
        ("English", "English (native)"),
        ("Spanish", "Spanish (professional working proficiency)"),
    ]
    assert [f.value for f in r.certifications] == ["PMP (Project Management Professional)", "NPDP"]


def test_languages_zh_and_inline() -> None:
    r = resume("语言能力\n英语CET-6, 普通话、粤语\n")
    assert [f.value for f in r.languages] == ["English", "Mandarin", "Cantonese"]
    r = resume("SUMMARY\nAnalyst, fluent in Spanish and French.\nSkills: SQL")
    assert {f.value for f in r.languages} >= {"Spanish"}


def test_a_heading_naming_both_lists_languages_and_certifications() -> None:
    r = resume("语言与证书\n英语CET-6(口语流利),PMP\n")
    assert [f.value for f in r.languages] == ["English"]
    assert "PMP" in [f.value for f in r.certifications]


def test_contacts_are_located() -> None:
    text = (
        "Megan Alvarez\nSenior Product Manager\n"
        "megan@example.com | +1 (415) 555-0142 | San Francisco, CA | linkedin.com/in/megan\n"
        "SUMMARY\nPM since 2015."
    )
    r = resume(text)
    got = {(f.value, f.text) for f in r.contacts}
    assert got == {
        ("name", "Megan Alvarez"),
        ("email", "megan@example.com"),
        ("phone", "+1 (415) 555-0142"),
        ("address", "San Francisco, CA"),
        ("link", "linkedin.com/in/megan"),
    }
    for f in r.contacts:
        assert text[f.start : f.end] == f.text


def test_zh_contacts() -> None:
    r = resume(
        "陈思远\n求职意向:电商产品经理\nchen@example.com | 138-0000-1234 | 杭州\n个人简介\nx"
    )
    assert {(f.value, f.text) for f in r.contacts} == {
        ("name", "陈思远"),
        ("email", "chen@example.com"),
        ("phone", "138-0000-1234"),
        ("address", "杭州"),
    }


# ---------------------------------------------------------------- samples, end to end

SAMPLE_EXPECT = [
    # (file, years at 2026-01-01, education level, number of dated roles)
    ("en_pm_senior_fintech.pdf", 10.58, "master", 3),
    ("zh_ecommerce_pm_senior.pdf", 11.58, "master", 3),
    ("en_pm_mid_ecommerce_twocol.pdf", 6.17, "bachelor", 3),
    ("zh_ecommerce_ops_mid_twocol.pdf", 4.58, "bachelor", 2),
    ("en_pm_no_degree.pdf", 8.0, "highschool", 3),
    ("en_pm_mid_plain.txt", 6.42, "bachelor", 2),
    ("en_java_backend_engineer.pdf", 8.58, "bachelor", 2),
    ("en_chef.pdf", 10.75, "associate", 2),
    ("en_nurse.pdf", 7.67, "bachelor", 2),
    ("en_data_analyst.pdf", 5.58, "bachelor", 2),
    ("zh_accountant.pdf", 9.58, "bachelor", 2),
    ("zh_ecommerce_fresh_grad.pdf", 0.33, "associate", 1),
    ("zh_pm_fintech_bilingual.pdf", 6.58, "bachelor", 2),
]


@pytest.mark.parametrize(("name", "years", "level", "n_roles"), SAMPLE_EXPECT)
def test_samples(name: str, years: float | None, level: str, n_roles: int | None) -> None:
    r = understand(read_document(SAMPLES / name), as_of=AS_OF)
    assert r.education is not None and r.education.value == level
    if years is not None:
        assert r.years_experience == pytest.approx(years, abs=0.01)
        assert len([x for x in r.roles if x.kind == "work"]) == n_roles


def test_senior_fintech_facts() -> None:
    r = understand(read_document(SAMPLES / "en_pm_senior_fintech.pdf"), as_of=AS_OF)
    assert [(x.title, x.organisation) for x in r.roles] == [
        ("Senior Product Manager", "Lendwise Financial"),
        ("Product Manager", "Cartwheel Commerce"),
        ("Associate Product Manager", "Brightline Software"),
    ]
    assert r.roles[0].ongoing and not r.roles[1].ongoing
    assert r.field_of_study is not None and r.field_of_study.value == "Technology Management"
    assert [f.value for f in r.languages] == ["English", "Spanish"]
    assert {f.value for f in r.contacts} == {"name", "email", "phone", "address"}


def test_zh_senior_facts() -> None:
    r = understand(read_document(SAMPLES / "zh_ecommerce_pm_senior.pdf"), as_of=AS_OF)
    assert r.roles[0].title == "高级电商产品经理"
    assert r.roles[0].organisation == "杭州云栖优品网络科技有限公司"
    assert r.institution is not None and r.institution.value == "江南理工大学"
    assert [f.value for f in r.certifications] == [
        "NPDP产品经理国际资格认证",
        "PMP项目管理专业人士认证",
    ]


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.pdf")) + sorted(SAMPLES.glob("*.txt")))
def test_every_fact_points_at_its_text(path: Path) -> None:
    r = understand(read_document(path), as_of=AS_OF)
    text = r.document.text
    facts = [*r.languages, *r.certifications, *r.contacts]
    facts += [f for d in r.degrees for f in (d.level, d.field, d.institution) if f is not None]
    for f in facts:
        assert text[f.start : f.end] == f.text
        assert f.page == r.document.page_of(f.start) >= 1
    for role in r.roles:
        assert role.start <= role.date_start < role.end
        assert text[role.date_start :].startswith(role.date_text)
        assert role.page >= 1


def test_livecareer_subset_has_roles_and_degrees() -> None:
    folder = shared("livecareer-resumes-dev") / "pdf"
    files = sorted(folder.rglob("*.pdf"))[::12]
    if not files:
        pytest.skip("no livecareer PDFs")
    rs = [understand(read_document(p), as_of=AS_OF) for p in files]
    dated = sum(1 for r in rs if r.roles and any(s.name == "experience" for s in r.sections))
    degree = sum(1 for r in rs if r.education is not None)
    assert dated / len(rs) >= 0.9
    assert degree / len(rs) >= 0.85


resumeish = st.lists(
    st.sampled_from(
        [
            "EXPERIENCE",
            "Education",
            "工作经历",
            "教育背景",
            "Skills:",
            "LANGUAGES",
            "证书",
            "\n",
            "\n",
            "  ",
            " | ",
            ", ",
            " - ",
            "·",
            "•",
            "Manager",
            "Acme Inc",
            "公司",
            "产品经理",
            "2019",
            "2021.03",
            "Mar 2020",
            "至今",
            "Present",
            "to",
            "'19",
            "/",
            "BSc",
            "MBA",
            "硕士",
            "University of X",
            "大学",
            "City , State",
            "Boston, MA",
            "English",
            "fluent",
            "a@b.co",
            "+1 (415) 555-0142",
            "ï1⁄4",
            "(",
            ")",
            ":",
            "年",
            "月",
        ]
    ),
    min_size=1,
    max_size=60,
).map("".join)


@given(resumeish, st.dates(date(1990, 1, 1), date(2035, 12, 31)))
def test_understand_never_fails_and_spans_hold(text: str, as_of: date) -> None:
    if not text.strip():
        return
    r = resume(text, as_of=as_of)
    body = r.document.text
    assert r.years_experience >= 0
    for f in [*r.languages, *r.certifications, *r.contacts]:
        assert body[f.start : f.end] == f.text
    for d in r.degrees:
        for f in (d.level, d.field, d.institution):
            if f is not None:
                assert body[f.start : f.end] == f.text
    for role in r.roles:
        assert role.start_month < role.end_month <= as_of.year * 12 + as_of.month
        assert role.start <= role.date_start < role.end


def test_a_wall_of_dates_costs_little() -> None:
    """Regression: a 0.5 MB line of date ranges took 20 s (each range re-read its whole line)."""
    import time

    from matcher.read.reader import read_bytes

    doc = read_bytes(b"Product manager 2019-2023 Acme Corp " * 13000, label="wall.txt")
    start = time.perf_counter()
    r = understand(doc, as_of=AS_OF)
    assert time.perf_counter() - start < 10  # a bound on a pathology, not a benchmark
    assert r.years_experience == 4.0
