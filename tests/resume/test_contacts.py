"""Contacts: name, email, phone, address and links, located in the text."""

from __future__ import annotations

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
