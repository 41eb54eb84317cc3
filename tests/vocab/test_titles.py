"""Tests for matcher.vocab.titles: job names cost linear work on any line (issue 14), and
similarities are the same bits in every process (issue 18)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from matcher.vocab import titles

PAIRS = [
    ("UNMANNED AVIATION TECHNICIAN SUPERVISOR", "Aviation Electrical Technician"),
    ("BUSINESS DEVELOPMENT SPECIALIST", "Business Development Manager"),
    ("Supervisor Public Safety/ Digital Media Tech", "Digital Media Specialist"),
]
SCRIPT = (
    "from matcher.vocab.titles import title_similarity as t\n"
    f"print([repr(t(a, b)) for a, b in {PAIRS!r}])"
)


def test_title_similarity_is_the_same_bits_whatever_the_hash_seed() -> None:
    """Regression: the sums ran in set order, which follows the process's string hashing, so
    two workers (or Dask workers) wrote evidence differing in the last bit (issue 18)."""
    out = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True)
        assert run.returncode == 0, run.stderr.decode()
        out.add(run.stdout)
    assert len(out) == 1


def test_a_line_of_many_parts_asks_about_each_part_a_bounded_number_of_times(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Regression: every part looked ahead through all later ones for a head to borrow, so a
    posting line of 5,000 "x /" made 12 million ``is_head`` calls (33 s in ``compile``)."""
    calls = [0]
    real = titles.is_head

    def counted(word: str) -> bool:
        calls[0] += 1
        return real(word)

    monkeypatch.setattr(titles, "is_head", counted)
    titles.job_names.cache_clear()
    assert titles.job_names("x /" * 5_000) == ()
    assert calls[0] < 4 * 5_000


def test_a_head_is_still_borrowed_from_a_later_part() -> None:
    assert titles.job_names("Network and Computer Systems Administrators") == (
        "Network Administrator",
        "Computer Systems Administrator",
    )
    assert titles.job_names("Wholesale and Manufacturing") == ()


@pytest.mark.parametrize(
    ("name", "title", "same"),
    [
        ("product development manager", "Product manager", True),
        ("product developer", "Product manager", True),  # renames the person, same trade
        ("Cost Accountant", "Accountant", True),
        ("Aircraft Mechanic", "Aircraft Maintenance Technician", True),
        ("Agronomy Consultant", "Agronomist", True),  # one word family
        ("CPA", "Accountant", True),
        ("产品主管", "产品经理", True),  # the curated table vouches for it
        # ESCO files "sports product engineer" under product manager: another head, another trade
        ("sports product engineer", "Product manager", False),
        ("sports product engineer", "产品经理", False),  # judged by the English name
        ("mining", "Mechanical Engineer", False),  # names no person
        ("personal financial adviser", "Personal Banker", False),
        ("aircraft instrument operator", "Aircraft Maintenance Technician", False),
    ],
)
def test_a_taxonomy_name_is_the_same_job_or_left_out(name: str, title: str, same: bool) -> None:
    assert titles.same_job(name, title) is same


@pytest.mark.parametrize(
    ("headline", "names"),
    [
        ("Line Cook wanted at The Blue Door Bistro", ("Line Cook",)),
        ("Now hiring: Baristas", ("Barista",)),
        ("We are hiring a Registered Nurse", ("Registered Nurse",)),
        ("Join our team as a Pastry Chef", ("Pastry Chef",)),
        ("Barista @ Bean There", ("Barista",)),
        ("Welder needed", ("Welder",)),
        ("Hiring Manager", ("Hiring Manager",)),  # a job of its own, not a lead-in
        ("Founding Frontend Engineer", ("Frontend Engineer",)),  # a rank, as "Senior"
        ("Experienced Line Cook", ("Line Cook",)),
    ],
)
def test_what_a_headline_says_around_the_job_is_not_its_name(
    headline: str, names: tuple[str, ...]
) -> None:
    assert titles.job_names(headline) == names
