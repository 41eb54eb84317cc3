"""Education: degree levels, field and school, in both languages."""

from __future__ import annotations

import pytest

from matcher.text import normalize
from matcher.vocab.levels import LEVELS
from tests.resume.conftest import AS_OF, resume

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


def test_a_degree_abbreviation_inside_a_longer_one_is_no_degree() -> None:
    """The issue's example: "P.M.A.S." in a software list was read as an M.A. (a master's)
    for an accountant whose degree was a BBA."""
    r = resume(
        "SKILLS\nMicrosoft Office, Real Estate P.M.A.S., QuickBooks\n"
        "EDUCATION\nBBA, Accounting, University of Texas 2009"
    )
    assert r.education is not None and r.education.value == "bachelor"
    assert r.education.text == "BBA"


def test_degrees_from_the_education_tokens_are_those_from_every_token(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Degree words in the education sections are looked for among those sections' tokens
    only (``text.tokens_in``): the same degrees as tokenizing the whole resume, on the samples."""
    from matcher.pipeline.run import collect_inputs
    from matcher.read.reader import read_document
    from matcher.resume import education
    from matcher.resume.understand import understand
    from matcher.text import tokenize
    from tests.conftest import SAMPLES

    docs = [read_document(f) for f in collect_inputs([SAMPLES])]
    fast = [understand(d, AS_OF).degrees for d in docs]
    monkeypatch.setattr(education, "tokens_in", lambda folded, spans, after: tokenize(folded))
    assert fast == [understand(d, AS_OF).degrees for d in docs]
    assert sum(map(len, fast)) > 5  # degrees were found, not only agreed to be absent
