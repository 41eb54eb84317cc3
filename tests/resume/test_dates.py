"""Dates: date ranges in English and Chinese, open ranges ending at as_of."""

from __future__ import annotations

from datetime import date

import pytest

from matcher.resume.dates import find_ranges
from matcher.text import normalize
from tests.resume.conftest import AS_OF, month, resume

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
