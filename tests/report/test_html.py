"""Tests for matcher.report.html: what the page holds, without a browser (test_browser has one)."""

from __future__ import annotations

import re
from datetime import date

import polars as pl

import matcher
from matcher.pipeline.run import Run
from matcher.ranking import evidence_table
from matcher.report.html import languages, render
from matcher.rubric.model import Criterion, Rubric


def test_one_cell_per_candidate_and_criterion_and_a_row_per_unreadable_file(
    result: Run, rubrics: list[Rubric]
) -> None:
    page = render(result.ranking, result.evidence(), rubrics)
    cells = sum(len(r.criteria) for r in rubrics) * 3
    assert page.count('<td class="c ') == cells
    assert page.count('<tr class="failure">') == len(rubrics)
    assert "corrupt_pdf" in page and "女性优先" in page and "电商高级助理" in page


def test_the_page_is_self_contained_and_deterministic(result: Run, rubrics: list[Rubric]) -> None:
    page = render(result.ranking, result.evidence(), rubrics)
    assert not re.search(r"(src|href)=\"(https?:)?//", page), "the page must fetch nothing"
    assert "<link" not in page and "@import" not in page
    assert page == render(result.ranking, result.evidence(), rubrics)


def test_knock_outs_and_warnings_show(rubrics: list[Rubric]) -> None:
    job = Rubric(
        "job",
        "Analyst",
        "en",
        (
            Criterion("sql", "tool", "SQL", 2.0, required=True),
            Criterion("xl", "tool", "Excel", 1.0),
        ),
    )
    resume = matcher.read_resume(
        "Excel " * 30, text=True, name="stuffed.txt", as_of=date(2026, 1, 1)
    )
    card = matcher.score(resume, job)
    page = render(matcher.rank([card]), evidence_table([card]))
    assert 'class="c none ko"' in page  # the missing required criterion is marked
    assert 'missing</span><span class="l-zh">缺少</span>: SQL' in page
    assert 'class="badge"' in page and "keyword_stuffing" in page


def test_the_evidence_line_is_the_snippet_when_the_evidence_has_one(
    result: Run, rubrics: list[Rubric]
) -> None:
    evidence = result.evidence().with_columns(
        pl.when(pl.col("met"))
        .then(pl.lit("the line around it"))
        .otherwise(pl.lit(""))
        .alias("snippet")
    )
    page = render(result.ranking, evidence, rubrics)
    assert "the line around it" in page


def test_markup_in_names_is_escaped(result: Run, rubrics: list[Rubric]) -> None:
    ranking = result.ranking.with_columns(pl.lit("<script>x</script>.pdf").alias("resume"))
    evidence = result.evidence().with_columns(pl.lit("</script><b>").alias("text"))
    page = render(ranking, evidence, rubrics)
    assert "<script>x</script>" not in page and "</script><b>" not in page


def test_top_keeps_the_best_and_the_language_follows_the_rubrics(
    result: Run, rubrics: list[Rubric]
) -> None:
    page = render(result.ranking, result.evidence(), rubrics, top=1)
    assert page.count('<td class="c ') == sum(len(r.criteria) for r in rubrics)
    assert languages(rubrics[1:]) == "zh" and languages(rubrics[:1]) == "en"
    assert '<html lang="zh" data-lang="zh">' in render(
        result.ranking, result.evidence(), rubrics, lang="zh"
    )


def test_an_audit_gets_a_section_per_job(result: Run, rubrics: list[Rubric]) -> None:
    from matcher.audit import Cut, audit

    resumes = sorted(set(result.ranking.filter(pl.col("status") == "ok")["resume"]))
    groups = pl.DataFrame(
        {"resume": resumes, "sex": ["f", "m"] * (len(resumes) // 2) + ["f"] * (len(resumes) % 2)}
    )
    figures = audit(result.ranking, groups, Cut(top=1)).frame
    page = render(result.ranking, result.evidence(), rubrics, audit=figures)
    assert page.count('<section class="audit">') == figures["job_id"].n_unique() > 0
    assert "不利影响审计" in page and "top 1" in page
    assert '<section class="audit">' not in render(result.ranking, result.evidence(), rubrics)
