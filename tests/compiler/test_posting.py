"""Tests for matcher.compiler.posting: splitting a file into postings, titles, parts and list items."""

from __future__ import annotations

import pytest

from matcher.compiler.posting import Posting, heading_fits, split_postings
from tests.conftest import SEEDS

EN_SEED = SEEDS / "000_1e07a38cda397245.txt"
ZH_SEED = SEEDS / "004_d832d627ee032451.txt"


# ---------------------------------------------------------------- splitting and titles


def test_english_seed_splits_into_fifteen_postings() -> None:
    postings = split_postings(EN_SEED.read_text(encoding="utf-8"))
    assert [p.number for p in postings] == list(range(1, 16))
    assert postings[1].title == "Assistant Product Manager"
    # "Responsibility of product manager 1 1 1. Assist ..." is posting 11, its first item kept
    assert postings[10].lines[0].startswith("1. Assist and cooperate")


@pytest.mark.parametrize(
    "text",
    [
        "Job responsibilities: 1. Design APIs\nJob requirements: 2 years of Python",
        "岗位职责：1、负责数据分析\n岗位要求：2年以上SQL经验",
    ],
)
def test_a_years_phrase_is_not_a_posting_number(text: str) -> None:
    assert len(split_postings(text)) == 1


def test_chinese_seed_drops_site_junk() -> None:
    postings = split_postings(ZH_SEED.read_text(encoding="utf-8"))
    assert len(postings) == 3
    tail = "\n".join(postings[-1].lines)
    assert "保安员" not in tail and "相关文章" not in tail


def test_a_written_title_is_the_title() -> None:
    (p,) = split_postings("Title: Data Analyst\nRequirements:\n1. SQL")
    assert (p.title, p.titled) == ("Data Analyst", True)


def test_a_role_line_is_the_title_and_not_an_item() -> None:
    (p,) = split_postings("Data Analyst\nRequirements:\n1. SQL")
    assert (p.title, p.titled, p.lines) == ("Data Analyst", True, ("Requirements:", "1. SQL"))


# ---------------------------------------------------------------- parts and items


@pytest.mark.parametrize(
    ("first", "titled"),
    [
        ("Aviation Maintenance Technician", True),
        ("Director of Sales and Marketing", True),
        ("An airline is looking for a technician.", False),
        ("We are hiring", False),
    ],
)
def test_a_title_case_first_line_is_the_title(first: str, titled: bool) -> None:
    p = split_postings(f"{first}\nResponsibilities:\n- Inspect aircraft")[0]
    assert p.titled is titled
    if titled:
        assert p.title == first and first not in p.lines


# ---------------------------------------------------------------- the posting's title or the page's


def test_a_qualifier_with_a_cue_word_does_not_hide_the_title() -> None:
    """Regression: "Personal Banker II - Bilingual Spanish Preferred" read as a "preferred"
    heading, so the page's "Skip to main content" became the posting's title."""
    text = "Skip to main content\nSearch Jobs\n\nPersonal Banker II - Bilingual Spanish Preferred\n\nResponsibilities:\n- Open accounts"
    (p,) = split_postings(text)
    assert (p.title, p.titled) == ("Personal Banker II - Bilingual Spanish Preferred", True)


def test_a_breadcrumb_is_navigation_not_the_title() -> None:
    (p,) = split_postings(
        "Home > Jobs > Product Manager\nProcurement Clerk\nDuties:\n1. Buy supplies"
    )
    assert p.title == "Procurement Clerk"


def test_a_page_heading_is_kept_only_where_the_posting_names_its_trade() -> None:
    """The seed page files a procurement clerk (7), two software department heads (5, 12) and
    a deputy general manager (11) under "Responsibilities of product manager N"."""
    postings = split_postings(EN_SEED.read_text(encoding="utf-8"))
    unfit = [p.number for p in postings if not heading_fits(p)]
    assert unfit == [5, 7, 11, 12]


def test_a_title_written_in_the_posting_always_fits() -> None:
    p = Posting(1, "Product Manager", ("1. Buy office supplies", "2. Keep invoices"), titled=True)
    assert heading_fits(p)


def test_a_job_boards_page_of_two_postings_gives_two() -> None:
    """The page's trail ("Report this job", "Similar jobs") ends one posting; the next job's
    title above its own "Responsibilities:" starts the other."""
    text = (
        "Dental Hygienist\nBright Smiles · Austin, TX\nApply now\n\nResponsibilities:\n"
        "- Take radiographs\nRequirements:\n- Texas RDH license required\nReport this job\n"
        "Similar jobs\nDental Assistant - Round Rock - $20/hr\n\nMedical Receptionist\n"
        "Lakeside Family Medicine · Austin, TX\nApply now\nResponsibilities:\n"
        "- Schedule appointments\nRequirements:\n- High school diploma required\n"
    )
    got = split_postings(text)
    assert [p.title for p in got] == ["Dental Hygienist", "Medical Receptionist"]
    assert "- Take radiographs" in got[0].lines and "- Take radiographs" not in got[1].lines


def test_a_posting_that_repeats_a_heading_without_a_trail_stays_one() -> None:
    text = "Chef\nDuties:\n- Cook\nSous Chef\nDuties:\n- Plate"
    assert len(split_postings(text)) == 1


def test_a_posting_copied_from_a_pdf_is_read_as_written() -> None:
    # hard line breaks at the page's width, words cut by hyphens, a page footer
    text = (
        "Water Treatment Plant Operator\n"
        "ESSENTIAL DUTIES AND RESPONSIBILITIES\n"
        "• Operates and monitors treatment processes including filtration and disinfec-\n"
        "tion using SCADA systems, and records the results in the plant's daily logs.\n"
        "• Performs preventive mainte-\n"
        "nance on pumps, valves, chemical feed equipment and motors at the plant.\n"
        "City HR Form 22-B (rev. 03/2021)                              Page 1 of 2\n"
        "MINIMUM QUALIFICATIONS\n"
        "Two years of experience in water treatment; a valid driver's license and a State\n"
        "Water Treatment Operator certification at time of hire are required for all staff.\n"
    )
    body = split_postings(text)[0].lines
    assert any("disinfection using SCADA" in ln for ln in body)
    assert any("preventive maintenance on pumps" in ln for ln in body)
    assert any("a State Water Treatment Operator" in ln for ln in body)  # joined at the width
    assert not any("Page 1 of 2" in ln for ln in body)


def test_a_bilingual_posting_is_read_in_english_once() -> None:
    text = (
        "Bookkeeper / Teneur de livres\nResponsibilities:\n"
        "- Process accounts payable and receivable for our clients\n"
        "- Prepare GST/HST and QST returns every quarter\n- Run payroll for small businesses\n"
        "Responsabilités :\n- Traiter les comptes fournisseurs et les comptes clients\n"
        "- Préparer les déclarations de TPS/TVH et de TVQ\n"
        "- Effectuer la paie et produire les feuillets en fin d'année\n"
        "- Bilinguisme (français et anglais) requis, à l'oral et à l'écrit\n"
    )
    body = " ".join(split_postings(text)[0].lines)
    assert "GST/HST" in body and "TVQ" not in body and "Traiter" not in body
    french = "Teneur de livres\n" + "\n".join(ln for ln in text.splitlines()[5:])
    assert "Traiter" in " ".join(split_postings(french)[0].lines)  # a French posting stays
