"""Roles: dated roles with title and organisation, their blocks, and years of experience."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from matcher.resume.roles import Role, years_of_experience
from matcher.text import normalize
from tests.resume.conftest import month, resume

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


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # The latest year this document writes is 2014: it was written then, and its open role
        # ends with that year (to as_of 2026 it would count eleven years more).
        ("EXPERIENCE\nManager, Acme  Jan 2014 - Current\nClerk, Beta  2011 - 2013\n", 3.0),
        # A current document keeps its open role to as_of.
        ("EXPERIENCE\nManager, Acme  Jan 2024 - Current\nClerk, Beta  2011 - 2013\n", 4.08),
        # A degree or a certificate from a recent year says the document is that recent.
        ("EXPERIENCE\nManager, Acme  Jan 2014 - Present\nEDUCATION\nMBA 2020\n", 12.08),
    ],
)
def test_an_open_role_on_an_old_resume_ends_where_the_resume_stops(text: str, years: float) -> None:
    """The evidence bench's finding: "2016 - Current" on a resume written in 2016 counted ten
    years to as_of and met "4+ years" for two years of work."""
    assert resume(text).years_experience == years
