"""Tests for matcher.compiler: splitting, criteria, cues, fairness, and the committed seed rubrics."""

from __future__ import annotations

import pytest

from matcher.compiler import compile_file, compile_text, split_postings
from matcher.errors import PostingError
from matcher.rubric import to_toml
from tests.conftest import RUBRICS, SEEDS

EN_SEED = SEEDS / "000_1e07a38cda397245.txt"
ZH_SEED = SEEDS / "004_d832d627ee032451.txt"


@pytest.mark.parametrize("seed", [EN_SEED, ZH_SEED], ids=["en", "zh"])
def test_seed_rubrics_match_the_committed_golden_files(seed) -> None:
    """Regenerate on purpose with `make rubrics` and review the diff."""
    for rubric in compile_file(seed):
        golden = RUBRICS / f"{rubric.job_id}.toml"
        assert golden.read_text(encoding="utf-8") == to_toml(rubric), (
            f"{golden.name} is stale: run make rubrics"
        )


def test_english_seed_splits_into_fifteen_postings() -> None:
    postings = split_postings(EN_SEED.read_text(encoding="utf-8"))
    assert [p.number for p in postings] == list(range(1, 16))
    assert postings[1].title == "Assistant Product Manager"
    # "Responsibility of product manager 1 1 1. Assist ..." is posting 11, its first item kept
    assert postings[10].lines[0].startswith("1. Assist and cooperate")


def test_chinese_seed_drops_site_junk() -> None:
    postings = split_postings(ZH_SEED.read_text(encoding="utf-8"))
    assert len(postings) == 3
    tail = "\n".join(postings[-1].lines)
    assert "保安员" not in tail and "相关文章" not in tail


def test_minimums_and_cues() -> None:
    r = compile_text(
        "Requirements:\n1. Bachelor degree or above, more than 2 years experience\n2. Must know SQL\n3. Axure is a plus",
        stem="j",
    )[0]
    by = {c.label: c for c in r.criteria}
    assert (
        by["bachelor degree or above"].min_level == "bachelor"
        and by["bachelor degree or above"].required
    )
    assert by["2+ years of experience"].min_years == 2
    assert by["SQL"].required and by["SQL"].weight > by["Axure"].weight
    assert not by["Axure"].required


def test_chinese_minimums() -> None:
    r = compile_text(
        "任职要求:\n1、本科及以上学历，3年以上电商运营经验；\n2、熟练掌握Excel", stem="j"
    )[0]
    kinds = {c.kind: c for c in r.criteria}
    assert kinds["education"].min_level == "bachelor"
    assert kinds["experience"].min_years == 3


def test_fairness_clauses_are_findings_not_criteria() -> None:
    r = compile_text("任职要求:\n1、熟悉淘宝运营；\n2、形象气质佳，女性优先。", stem="j")[0]
    assert [c.label for c in r.criteria] == ["Taobao"]
    assert {f.origin for f in r.findings} == {"形象气质佳", "女性优先"}


@pytest.mark.parametrize("text", ["", "   \n", "Lorem ipsum dolor sit amet"])
def test_nothing_scorable_is_a_posting_error(text: str) -> None:
    with pytest.raises(PostingError):
        compile_text(text, stem="j")
