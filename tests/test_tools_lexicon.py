"""The lexicon builder (tools/lexicon): its filters on plain values, and a full rebuild."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.lexicon import build, common, thuocl, titles

from .conftest import ROOT, SHARED_DATA


@pytest.mark.parametrize(
    ("phrase", "acronym"),
    [("Structured query language", "SQL"), ("object-oriented  programming", "OOP"), ("", "")],
)
def test_initials(phrase: str, acronym: str) -> None:
    assert common.initials(phrase) == acronym


@pytest.mark.parametrize(
    ("surface", "kept"),
    [
        ("Docker", True),
        ("spring", False),  # an ordinary word (in the stop list)
        ("Spring.", False),
        ("PMS", False),  # a bare 2-3 letter acronym
        ("go", False),  # too short
        ("2024", False),
        ("Java (programming)", False),
        ("one two three four five six", False),  # a sentence, not a name
        ("机器学习", True),
    ],
)
def test_ok(surface: str, kept: bool) -> None:
    assert common.ok(surface, {"spring"}) is kept


def test_plain_names_are_only_ordinary_words() -> None:
    stop = {"after", "the", "deadline"}
    assert common.plain("After the Deadline", stop)
    assert not common.plain("After the Deadline 2", stop)
    assert not common.plain("Docker", stop)


def test_singular_counts_heads_as_their_singular() -> None:
    assert [common.singular(w) for w in ("invoices", "business", "gas")] == [
        "invoice",
        "business",
        "gas",
    ]


def test_title_names_keep_an_acronym_and_drop_descriptions() -> None:
    assert titles.title_names("Aviation Maintenance Technician (AMT)") == [
        "Aviation Maintenance Technician",
        "AMT",
    ]
    assert titles.title_names("Supervisor of Cleaning or Grounds Workers") == []


def test_thuocl_keeps_skill_phrases_only() -> None:
    assert thuocl.skill_phrase("数据分析", 500)
    assert not thuocl.skill_phrase("数据分析", 299)  # too rare
    assert not thuocl.skill_phrase("系统开发", 500)  # a generic head
    assert not thuocl.skill_phrase("高效算法", 500)  # a generic opening


def test_merge_joins_by_label_not_by_alias() -> None:
    rows: list[common.Row] = [
        ("tool", "onet", "JIRA", ["Atlassian JIRA"]),
        ("tool", "onet", "Atlassian JIRA", ["Jira Cloud"]),  # its label is JIRA's alias: joins
        ("tool", "onet", "Confluence", ["Atlassian JIRA", "Atlassian Confluence"]),
    ]
    assert build.merge(rows) == [
        ("tool", "onet", "Confluence", ["Atlassian Confluence"]),  # JIRA's alias stays JIRA's
        ("tool", "onet", "JIRA", ["Atlassian JIRA", "Jira Cloud"]),
    ]


def test_absent_data_is_an_error_message_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert build.main(["--data", str(tmp_path / "nowhere"), "--out", str(tmp_path)]) == 2
    assert "is not here; pass --data DIR" in capsys.readouterr().err


@pytest.mark.slow  # 20-32 s on a 2-core dev machine
def test_full_build_reproduces_the_shipped_files(tmp_path: Path) -> None:
    if not all((SHARED_DATA / s).is_dir() for s in common.SOURCES):
        pytest.skip(f"{SHARED_DATA} is not here (optional development data)")
    assert build.main(["--data", str(SHARED_DATA), "--out", str(tmp_path)]) == 0
    for name in ("lexicon_derived.tsv", "words.tsv", "titles.tsv.gz"):
        shipped = (ROOT / "matcher" / "data" / name).read_bytes()
        assert (tmp_path / name).read_bytes() == shipped, f"{name}: run `make lexicon`"
