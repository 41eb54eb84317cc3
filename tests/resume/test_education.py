"""Education: degree levels, field and school, in both languages."""

from __future__ import annotations

import pytest

import matcher.resume.education as education
from matcher.read.reader import read_document
from matcher.resume.education import find_degrees
from matcher.resume.sections import Fact, find_sections
from matcher.text import find_term, fold, normalize
from matcher.vocab.levels import LEVELS, level_rank
from matcher.vocab.lexicon import Lexicon, default_lexicon
from tests.conftest import SAMPLES
from tests.resume.conftest import resume

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


# ---------------------------------------------------------------- degrees searched where they stand


def _whole_text_hits(
    text: str, folded: str, lex: Lexicon, regions: list[tuple[int, int]] | None
) -> list[tuple[int, Fact]]:
    """The search as it was: every degree word over the whole text, hits elsewhere dropped."""
    out: list[tuple[int, Fact]] = []
    seen: set[int] = set()
    for level, words in lex.education:
        rank = level_rank(level)
        for w in sorted(words, key=len, reverse=True):
            for span in find_term(w, folded, text):
                if span.start in seen or not education._plausible(w, span.start, span.end, text):
                    continue
                if regions is not None:
                    if not any(a <= span.start < b for a, b in regions):
                        continue
                elif not education._DEGREE_CUE.search(
                    folded[max(0, span.start - 30) : span.end + 40]
                ):
                    continue
                if any(s <= span.start < f.end and span.end > s for _, f in out for s in [f.start]):
                    continue
                seen.add(span.start)
                out.append((rank, Fact(level, span.start, span.end, span.text)))
    return out


TEXTS = [
    "EDUCATION\nBachelor of Science in Economics\nUniversity of X",
    "Associate Product Manager at Acme\nBachelor's degree in Finance, 2015",
    "Worked with a Master of Business Administration graduate.\nMBA degree 2012",
    "教育背景\n2010-2014 北京大学 本科 计算机\n工作经历\n产品经理",
    "Skills: SQL\nHigh School Diploma, Lincoln High School\nMS Office, Boston, MA",
    "EDUCATION\n\nEXPERIENCE\nMaster   of   Science in Physics, graduated 2001",
    "no degree here at all",
]


def test_degrees_searched_where_they_stand_are_the_whole_text_search_s(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lex = default_lexicon()
    texts = TEXTS + [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    texts += [read_document(p).text for p in sorted(SAMPLES.glob("*.pdf"))]
    for t in texts:
        folded, sections = fold(t), find_sections(t, lex)
        new = find_degrees(t, folded, sections, lex)
        monkeypatch.setattr(education, "_degree_hits", _whole_text_hits)
        assert find_degrees(t, folded, sections, lex) == new, t[:60]
        monkeypatch.undo()
