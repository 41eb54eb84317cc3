"""Understand: the samples and real resumes end to end; never fails, every fact points at its text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from matcher.read.reader import read_document
from matcher.resume.understand import understand
from tests.conftest import SAMPLES, shared
from tests.resume.conftest import AS_OF, resume

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
