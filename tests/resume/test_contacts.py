"""Contacts: name, email, phone, address and links, located in the text."""

from __future__ import annotations

import pytest

from tests.resume.conftest import resume


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


# Regression (issue 16): blind mode masked the headline of resumes that open with a job title,
# not a name (23 of the 230 dev resumes; one score moved by 15.69). A line that reads as a job
# title, ends in a heading word, or stands below the first heading is no name.
HEADLINES = [
    "VICTIM ADVOCATE",
    "CUSTOMER SERVICE ADVOCATE",
    "PATIENT ACCESS REP",
    "BEHAVIORAL INTERVENTIONIST",
    "SPECIAL INVESTIGATIVE UNIT I",
    "DEPUTY PRINCIPAL",
    "CENTRALIZED ADMINISTRATIVE SUPPORT",
    "CLAIMS SERVICE MANGER",
    "PEST CONTROL TECH",
    "SUPERINTENDENT II",
    "BANKING BOOT CAMP PARTICIPANT",
    "CONSTRUCTION INSPECTOR",
    "CONSTRUCTION WORK",
    "SALES TEAM",
    "Professional Objective",
]
# Names stay names, those whose surname is a trade too ("Baker", "Cook" is a title cue already).
NAMES = ["Zachory Edmiston", "Daiana Rocha", "Tom Baker", "Will Turner", "Joy Fisher", "Mark Judge"]


@pytest.mark.parametrize("headline", HEADLINES)
def test_a_headline_that_is_a_job_title_is_no_name(headline: str) -> None:
    r = resume(f"{headline}\nSummary\nSkilled in customer service since 2015.")
    assert [f for f in r.contacts if f.value == "name"] == []


@pytest.mark.parametrize("name", NAMES)
def test_a_name_is_still_a_name(name: str) -> None:
    r = resume(f"{name}\nSummary\nSkilled in customer service since 2015.")
    assert [(f.value, f.text) for f in r.contacts] == [("name", name)]


def test_no_name_below_the_first_heading_and_no_address_in_a_sentence() -> None:
    text = (
        "BUDGET ANALYST SERIES 0560\nSummary\nAccounting Skills\nTestified as an expert witness "
        "in 2004 Puerto Rico Superior Court, client won the case.\nSKILLS\nExcel"
    )
    assert resume(text).contacts == ()
    # A resume that opens with a heading (a sidebar read first) keeps its name lines after it.
    r = resume("SKILLS\nSQL, Excel\nJane Roe\n123 Main Street, Springfield, IL\nEXPERIENCE\nx")
    assert {(f.value, f.text) for f in r.contacts} == {
        ("name", "Jane Roe"),
        ("address", "123 Main Street, Springfield, IL"),
    }
