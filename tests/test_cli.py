"""Tests for matcher.cli: the contract (commands, options, columns, exit codes) on real samples."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from matcher.cli import app
from tests.conftest import RUBRICS, SAMPLES, SEEDS

runner = CliRunner()
RUBRIC = RUBRICS / "000_1e07a38cda397245-1.toml"
CONTRACT_COLUMNS = {"job_id", "resume", "rank", "score", "eligible", "status", "message"}


def test_compile_writes_one_rubric_per_posting(tmp_path: Path) -> None:
    res = runner.invoke(
        app, ["compile", str(SEEDS / "000_1e07a38cda397245.txt"), "-o", str(tmp_path)]
    )
    assert res.exit_code == 0, res.output
    names = sorted(p.name for p in tmp_path.glob("*.toml"))
    assert len(names) == 15 and "000_1e07a38cda397245-15.toml" in names


def test_compile_single_posting_uses_stem(tmp_path: Path) -> None:
    posting = tmp_path / "analyst.txt"
    posting.write_text(
        "Requirements:\n1. SQL and Excel\n2. Bachelor degree or above", encoding="utf-8"
    )
    res = runner.invoke(app, ["compile", str(posting), "-o", str(tmp_path / "out")])
    assert res.exit_code == 0
    assert (tmp_path / "out" / "analyst.toml").exists()


def test_compile_bad_posting_exits_1(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    res = runner.invoke(app, ["compile", str(empty), "-o", str(tmp_path)])
    assert res.exit_code == 1 and "empty" in res.output


def test_compile_reads_a_folders_markdown_and_html_postings_too(tmp_path: Path) -> None:
    postings = tmp_path / "postings"
    postings.mkdir()
    (postings / "analyst.txt").write_text("Requirements:\n1. SQL and Excel", encoding="utf-8")
    (postings / "engineer.md").write_text(
        "# Data Engineer\n## Requirements\n* **Python** and SQL", encoding="utf-8"
    )
    (postings / "nurse.html").write_text(
        "<h1>Registered Nurse</h1><ul><li>Patient care</li><li>Epic</li></ul>", encoding="utf-8"
    )
    (postings / "legacy.htm").write_text("<p>Analyst</p><ul><li>SQL</li></ul>", encoding="utf-8")
    (postings / "README.md").write_text("# About these postings\n**Python**", encoding="utf-8")
    (postings / "notes.csv").write_text("a,b", encoding="utf-8")
    out = tmp_path / "out"
    res = runner.invoke(app, ["compile", str(postings), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in out.glob("*.toml")) == [
        "analyst.toml",
        "engineer.toml",
        "legacy.toml",
        "nurse.toml",
    ]
    assert 'title = "Registered Nurse"' in (out / "nurse.toml").read_text(encoding="utf-8")
    assert "4 posting files" in res.stderr


def test_compile_an_empty_folder_says_which_files_a_folder_stands_for(tmp_path: Path) -> None:
    res = runner.invoke(app, ["compile", str(tmp_path), "-o", str(tmp_path / "out")])
    assert res.exit_code == 2 and "*.txt, *.md, *.html and *.htm" in res.stderr


@pytest.mark.parametrize("ext", [".csv", ".parquet", ".json", ".ndjson"])
def test_score_writes_every_format(tmp_path: Path, ext: str) -> None:
    out = tmp_path / f"ranking{ext}"
    res = runner.invoke(
        app,
        [
            "score",
            str(SAMPLES),
            "--rubric",
            str(RUBRIC),
            "-o",
            str(out),
            "--as-of",
            "2026-11-23",
            "--jobs",
            "1",
        ],
    )
    assert res.exit_code == 0, res.output
    df = {
        ".csv": pl.read_csv,
        ".parquet": pl.read_parquet,
        ".json": pl.read_json,
        ".ndjson": pl.read_ndjson,
    }[ext](out)
    assert set(df.columns) >= CONTRACT_COLUMNS
    assert df.height == len([p for p in SAMPLES.iterdir() if p.suffix in (".pdf", ".txt")])
    assert sorted(df["rank"].to_list()) == list(range(1, df.height + 1))


def test_an_output_inside_the_resume_folder_is_flagged(tmp_path: Path) -> None:
    folder = tmp_path / "cvs"
    folder.mkdir()
    (folder / "a.txt").write_text("Product Manager\nSQL, PRD", encoding="utf-8")
    args = ["score", str(folder), "--rubric", str(RUBRIC), "--jobs", "1", "-o"]
    res = runner.invoke(app, [*args, str(folder / "ranking.json")])
    assert res.exit_code == 0 and "will read it as a resume" in res.stderr
    # The run after: the ranking it writes over is left out of its own inputs.
    res = runner.invoke(app, [*args, str(folder / "ranking.json")])
    assert res.exit_code == 0 and "will read it as a resume" in res.stderr
    (folder / "ranking.json").unlink()
    res = runner.invoke(app, [*args, str(folder / "ranking.csv")])  # .csv is never read
    assert res.exit_code == 0 and "will read it as a resume" not in res.stderr


def test_score_prints_a_table_without_out() -> None:
    res = runner.invoke(
        app, ["score", str(SAMPLES), "--rubric", str(RUBRIC), "--top", "3", "--jobs", "1"]
    )
    assert res.exit_code == 0
    assert "rank" in res.stdout and "en_pm" in res.stdout


def test_broken_input_is_a_row_and_exit_1(tmp_path: Path) -> None:
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n not a pdf")
    out = tmp_path / "r.csv"
    res = runner.invoke(
        app,
        [
            "score",
            str(fake),
            str(SAMPLES / "en_pm_senior_fintech.pdf"),
            "--rubric",
            str(RUBRIC),
            "-o",
            str(out),
            "--jobs",
            "1",
        ],
    )
    assert res.exit_code == 1
    df = pl.read_csv(out)
    assert df.height == 2
    bad = df.filter(pl.col("status") != "ok").row(0, named=True)
    assert bad["status"] == "not_a_pdf" and "PNG" in bad["message"] and bad["rank"] is None


@pytest.mark.parametrize(
    "args",
    [
        ["score", "samples", "--rubric", str(RUBRIC), "--as-of", "yesterday"],
        ["score", "samples", "--rubric", str(RUBRIC), "-o", "out.xlsx"],
        ["score", "samples"],
        ["explain", "x.pdf", "--rubric", str(RUBRIC), "--format", "yaml"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert runner.invoke(app, args).exit_code == 2


def test_bad_rubric_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("schema_version = 1\n", encoding="utf-8")
    res = runner.invoke(app, ["score", str(SAMPLES), "--rubric", str(bad)])
    assert res.exit_code == 1 and "criteria: must hold" in res.output


def test_explain_text_and_json() -> None:
    resume = str(SAMPLES / "en_pm_senior_fintech.pdf")
    res = runner.invoke(app, ["explain", resume, "--rubric", str(RUBRIC), "--as-of", "2026-11-23"])
    assert res.exit_code == 0 and "PRD" in res.stdout and "score" in res.stdout
    res = runner.invoke(
        app,
        ["explain", resume, "--rubric", str(RUBRIC), "--format", "json", "--as-of", "2026-11-23"],
    )
    data = json.loads(res.stdout)
    assert sum(c["contribution"] for c in data["criteria"]) == pytest.approx(data["score"], abs=0.1)


def test_explain_unreadable_resume_exits_1(tmp_path: Path) -> None:
    res = runner.invoke(app, ["explain", str(tmp_path / "none.pdf"), "--rubric", str(RUBRIC)])
    assert res.exit_code == 1 and "not found" in res.output


def test_check_validates_committed_rubrics(tmp_path: Path) -> None:
    res = runner.invoke(app, ["check", str(RUBRICS)])
    assert res.exit_code == 0 and "fairness" in res.stdout
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'schema_version = 1\njob_id = "j"\ntitle = "t"\nlanguage = "en"\n[[criteria]]\nid = "a"\nkind = "tool"\nlabel = "SQL"\nweight = 0\n',
        encoding="utf-8",
    )
    res = runner.invoke(app, ["check", str(bad)])
    assert res.exit_code == 1 and "criteria[0].weight: must be > 0" in res.output


COMMANDS = [c.name or c.callback.__name__ for c in app.registered_commands if c.callback]


def test_the_commands_are_the_documented_ones() -> None:
    assert COMMANDS == [
        "compile",
        "score",
        "explain",
        "check",
        "report",
        "audit",
        "verify",
        "serve",
        "tune",
    ]


@pytest.mark.parametrize("cmd", COMMANDS)
def test_every_command_has_an_example_in_help(cmd: str) -> None:
    res = runner.invoke(app, [cmd, "--help"])
    assert res.exit_code == 0 and "Example: matcher " + cmd in res.stdout


def test_unwritable_output_is_refused_before_scoring(tmp_path: Path) -> None:
    args = ["score", str(SAMPLES / "en_nurse.pdf"), "--rubric", str(RUBRIC), "--jobs", "1"]
    res = runner.invoke(app, [*args, "-o", str(tmp_path / "nodir" / "r.csv")])
    assert res.exit_code == 2 and "does not exist" in res.output
    (tmp_path / "d.csv").mkdir()
    res = runner.invoke(app, [*args, "-o", str(tmp_path / "d.csv")])
    assert res.exit_code == 2 and "is a folder" in res.output
    same = str(tmp_path / "r.csv")
    res = runner.invoke(app, [*args, "-o", same, "--evidence", same])
    assert res.exit_code == 2


def test_no_resumes_found_is_said(tmp_path: Path) -> None:
    res = runner.invoke(app, ["score", str(tmp_path), "--rubric", str(RUBRIC)])
    assert res.exit_code == 1 and "no resume files found" in res.output


def test_check_and_score_name_duplicate_job_ids(tmp_path: Path) -> None:
    for name in ("a.toml", "b.toml"):
        (tmp_path / name).write_bytes(RUBRIC.read_bytes())
    res = runner.invoke(app, ["check", str(tmp_path)])
    assert res.exit_code == 1 and "a.toml" in res.output and "b.toml" in res.output
    res = runner.invoke(app, ["score", str(SAMPLES / "en_nurse.pdf"), "--rubric", str(tmp_path)])
    assert res.exit_code == 1 and "a.toml" in res.output
    # the same file named twice is one rubric, not a clash
    res = runner.invoke(
        app,
        [
            "score",
            str(SAMPLES / "en_nurse.pdf"),
            "--rubric",
            str(RUBRIC),
            "--rubric",
            str(RUBRIC),
            "--jobs",
            "1",
        ],
    )
    assert res.exit_code == 0


def test_compile_keeps_the_first_of_two_postings_with_one_stem(tmp_path: Path) -> None:
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "x.txt").write_text(
            f"Requirements:\n1. SQL and Excel ({sub})", encoding="utf-8"
        )
    out = tmp_path / "out"
    res = runner.invoke(
        app,
        ["compile", str(tmp_path / "a" / "x.txt"), str(tmp_path / "b" / "x.txt"), "-o", str(out)],
    )
    assert res.exit_code == 1 and "already written" in res.output
    assert "(a)" in (out / "x.toml").read_text(encoding="utf-8")


def test_weights_must_be_finite_and_bounded(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'schema_version = 1\njob_id = "j"\ntitle = "t"\nlanguage = "en"\n[[criteria]]\nid = "a"\nkind = "tool"\nlabel = "SQL"\nweight = 1e308\n[[criteria]]\nid = "b"\nkind = "tool"\nlabel = "Excel"\nweight = "3"\n',
        encoding="utf-8",
    )
    res = runner.invoke(app, ["check", str(bad)])
    assert res.exit_code == 1
    assert "criteria[0].weight: must be at most" in res.output
    assert "criteria[1].weight: must be a finite number" in res.output


POSTING = "Product Manager\nRequirements:\n1. SQL and Excel\n2. Bachelor degree or above\n"


@pytest.mark.parametrize("name", ["-rf", "a b", "ünï", "...", "产品经理", "line\nbreak"])
def test_compile_turns_any_posting_name_into_a_job_id_check_accepts(
    tmp_path: Path, name: str
) -> None:
    """Regression: these names compiled (exit 0) into rubrics ``check`` rejected."""
    postings = tmp_path / "postings"
    postings.mkdir()
    (postings / f"{name}.txt").write_text(POSTING, encoding="utf-8")
    out = tmp_path / "out"
    res = runner.invoke(app, ["compile", str(postings), "-o", str(out)])
    assert res.exit_code == 0, res.output
    (written,) = out.iterdir()
    assert runner.invoke(app, ["check", str(written)]).exit_code == 0
    assert written.parent == out and "\n" not in written.name


def test_compile_never_writes_through_a_symlink(tmp_path: Path) -> None:
    """Regression: a link already in DIR made compile overwrite the file outside it."""
    outside = tmp_path / "outside.txt"
    outside.write_text("precious", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "analyst.toml").symlink_to(outside)
    posting = tmp_path / "analyst.txt"
    posting.write_text(POSTING, encoding="utf-8")
    res = runner.invoke(app, ["compile", str(posting), "-o", str(out)])
    assert res.exit_code == 1 and "symbolic link" in res.stderr
    assert outside.read_text(encoding="utf-8") == "precious"
    assert (out / "analyst.toml").is_symlink()


def run_with_file_limit(args: list[str], limit: int) -> subprocess.CompletedProcess[str]:
    """``matcher ARGS`` in a process that may write files of at most ``limit`` bytes: the
    writes past it fail as on a full disk (EFBIG instead of ENOSPC)."""

    def cap() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        [sys.executable, "-m", "matcher", *args],
        capture_output=True,
        text=True,
        preexec_fn=cap,
        timeout=300,
        check=False,
        # A module compiled under the limit would leave a truncated .pyc behind (CPython does
        # not check the length of that write), breaking every later import of it.
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )


@pytest.mark.parametrize("ext", [".csv", ".parquet", ".json"])
def test_a_full_disk_leaves_the_old_output_and_says_so(tmp_path: Path, ext: str) -> None:
    """Regression: a full disk printed a polars traceback and left a 0-byte or truncated file."""
    out, evidence = tmp_path / f"ranking{ext}", tmp_path / "evidence.parquet"
    out.write_text("the old ranking", encoding="utf-8")
    args = ["score", str(SAMPLES), "--rubric", str(RUBRIC), "--jobs", "1", "--as-of", "2026-11-23"]
    res = run_with_file_limit([*args, "-o", str(out), "--evidence", str(evidence)], 500)
    assert res.returncode == 1, res.stderr
    assert "Traceback" not in res.stderr
    assert f"matcher: cannot write {out}: no space left: the disk is full" in res.stderr
    assert out.read_text(encoding="utf-8") == "the old ranking"
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]  # no temporary file left


# A CLI that guides (issue 15).


def test_version() -> None:
    from matcher import __version__

    res = runner.invoke(app, ["--version"])
    assert res.exit_code == 0 and res.stdout.strip() == f"matcher {__version__}"


@pytest.mark.parametrize("cmd", COMMANDS)
def test_help_placeholders_read_as_words(cmd: str) -> None:
    text = runner.invoke(app, [cmd, "--help"]).stdout
    for machine in ("<list[Path]>", "<path>", "<str>", "range>", "{", "<int>", "<float>"):
        assert machine not in text, f"matcher {cmd} --help shows {machine}"


def test_a_mistyped_folder_is_one_error_not_a_row_per_job(tmp_path: Path) -> None:
    res = runner.invoke(app, ["score", str(tmp_path / "nosuch"), "--rubric", str(RUBRICS)])
    assert res.exit_code == 2
    assert res.stderr.count("no such file or folder") == 1 and "nosuch" in res.stderr
    assert res.stdout == ""


def bad_rubric_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "rubrics"
    folder.mkdir()
    (folder / "good.toml").write_bytes(RUBRIC.read_bytes())
    (folder / "bad1.toml").write_text(
        RUBRIC.read_text(encoding="utf-8")
        .replace('job_id = "', 'job_id = "x')
        .replace("weight = 9.0", "weight = -1"),
        encoding="utf-8",
    )
    (folder / "bad2.toml").write_text('schema_version = 1\njob_id = "y"\n', encoding="utf-8")
    return folder


def test_a_rubric_folder_reports_every_problem_and_scores_nothing(tmp_path: Path) -> None:
    folder = bad_rubric_folder(tmp_path)
    out = tmp_path / "r.csv"
    res = runner.invoke(app, ["score", str(SAMPLES), "--rubric", str(folder), "-o", str(out)])
    assert res.exit_code == 1 and not out.exists()
    assert "bad1.toml" in res.stderr and "weight: must be > 0" in res.stderr
    assert "bad2.toml" in res.stderr and "title: must be a non-empty string" in res.stderr
    assert "2 of 3 rubric files cannot be used: nothing scored" in res.stderr
    res = runner.invoke(app, ["check", str(folder)])
    assert res.exit_code == 1 and "bad1.toml" in res.stderr and "bad2.toml" in res.stderr
    assert "good.toml: ok" in res.stdout


def test_skip_invalid_scores_the_valid_rubrics_and_exits_1(tmp_path: Path) -> None:
    folder = bad_rubric_folder(tmp_path)
    out = tmp_path / "r.csv"
    args = [str(SAMPLES / "en_nurse.pdf"), "--rubric", str(folder), "-o", str(out), "--jobs", "1"]
    res = runner.invoke(app, ["score", *args, "--skip-invalid"])
    assert res.exit_code == 1 and "skipped 2 invalid rubric files" in res.stderr
    assert pl.read_csv(out)["job_id"].to_list() == ["000_1e07a38cda397245-1"]


def _compiled(tmp_path: Path, text: str) -> tuple[Path, Path, Path, str]:
    """(posting, out folder, rubric file, its text) after compiling ``text`` as job.txt."""
    posting = tmp_path / "job.txt"
    posting.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert runner.invoke(app, ["compile", str(posting), "-o", str(out)]).exit_code == 0
    rubric = out / "job.toml"
    return posting, out, rubric, rubric.read_text(encoding="utf-8")


def test_compile_leaves_a_hand_edited_rubric_alone(tmp_path: Path) -> None:
    posting, out, rubric, compiled = _compiled(
        tmp_path, "Requirements:\n1. SQL and Excel\n2. Python"
    )
    res = runner.invoke(app, ["compile", str(posting), "-o", str(out)])
    assert res.exit_code == 0 and "unchanged" in res.stderr
    edited = compiled.replace("weight = ", "weight = 1", 1)
    rubric.write_text(edited, encoding="utf-8")
    res = runner.invoke(app, ["compile", str(posting), "-o", str(out)])
    assert res.exit_code == 1 and "changed by hand" in res.stderr
    assert rubric.read_text(encoding="utf-8") == edited
    res = runner.invoke(app, ["compile", str(posting), "-o", str(out), "--check"])
    assert res.exit_code == 1 and "-weight = 1" in res.stdout and "+weight = " in res.stdout
    assert rubric.read_text(encoding="utf-8") == edited
    res = runner.invoke(app, ["compile", str(posting), "-o", str(out), "--force"])
    assert res.exit_code == 0 and rubric.read_text(encoding="utf-8") == compiled
    res = runner.invoke(app, ["compile", str(posting), "-o", str(out), "--check"])
    assert res.exit_code == 0 and res.stdout == ""


def test_compile_check_on_the_committed_rubrics_finds_them_current() -> None:
    res = runner.invoke(app, ["compile", str(SEEDS), "-o", str(RUBRICS), "--check"])
    assert res.exit_code == 0, res.stdout[:2000]


def test_score_to_stdout_and_a_summary_on_stderr(tmp_path: Path) -> None:
    (tmp_path / "notes.xlsx").write_bytes(b"PK")
    (tmp_path / "a.txt").write_text("Product Manager\nSQL, PRD, Axure", encoding="utf-8")
    (tmp_path / "b.pdf").write_bytes(b"not a pdf")
    res = runner.invoke(
        app, ["score", str(tmp_path), "--rubric", str(RUBRIC), "-o", "-", "--jobs", "1"]
    )
    assert res.exit_code == 1
    table = pl.read_csv(res.stdout.encode())
    assert (
        table["job_title"].to_list() == ["Product manager (mobile internet, internet products)"] * 2
    )
    (summary,) = [ln for ln in res.stderr.splitlines() if "files read" in ln]
    assert "2 files read: 1 scored, 1 failed (not_a_pdf 1)" in summary
    assert "1 other files skipped, not resumes (notes.xlsx)" in summary
    assert "2 rows written to stdout" in summary


def test_excel_csv_starts_with_a_byte_order_mark(tmp_path: Path) -> None:
    args = ["score", str(SAMPLES / "zh_accountant.pdf"), "--rubric", str(RUBRICS), "--jobs", "1"]
    plain, excel = tmp_path / "plain.csv", tmp_path / "excel.csv"
    assert runner.invoke(app, [*args, "-o", str(plain)]).exit_code == 0
    assert runner.invoke(app, [*args, "-o", str(excel), "--excel"]).exit_code == 0
    assert excel.read_bytes() == b"\xef\xbb\xbf" + plain.read_bytes()
    assert "电商经理" in excel.read_text(encoding="utf-8-sig")


def test_progress_lines_when_stderr_is_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    import matcher.cli

    monkeypatch.setattr(matcher.cli, "_PROGRESS_EVERY", 0.0)
    # Without the cache: a warm run makes every row from the credit store in one step.
    args = ["score", str(SAMPLES), "--rubric", str(RUBRIC), "--jobs", "1", "-o", "-", "--no-cache"]
    res = runner.invoke(app, args)
    lines = [ln for ln in res.stderr.splitlines() if ln.startswith("matcher: read ")]
    assert len(lines) >= 5 and lines[-1].endswith("/15 files")


def test_ctrl_c_exits_quietly_with_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import os
    import signal

    import matcher.cli

    def interrupted() -> None:
        os.kill(os.getpid(), signal.SIGINT)

    old = signal.getsignal(signal.SIGINT)
    monkeypatch.setattr(matcher.cli, "app", interrupted)
    try:
        with pytest.raises(SystemExit) as exit:
            matcher.cli.main()
    finally:
        signal.signal(signal.SIGINT, old)
    assert exit.value.code == 130
    assert capsys.readouterr().err.strip() == "matcher: interrupted"


def test_report_from_a_ranking_and_its_evidence(tmp_path: Path) -> None:
    ranking, evidence, page = tmp_path / "r.csv", tmp_path / "e.parquet", tmp_path / "r.html"
    args = [str(SAMPLES / "en_nurse.pdf"), str(SAMPLES / "zh_accountant.pdf")]
    res = runner.invoke(
        app,
        ["score", *args, "--rubric", str(RUBRICS), "-o", str(ranking), "--evidence", str(evidence)],
    )
    assert res.exit_code == 0
    res = runner.invoke(
        app,
        ["report", str(ranking), "--evidence", str(evidence), "-r", str(RUBRICS), "-o", str(page)],
    )
    assert res.exit_code == 0, res.output
    html = page.read_text(encoding="utf-8")
    assert html.count('<section class="job"') == 18 and "女性优先" in html
    res = runner.invoke(app, ["report", str(ranking), "--evidence", str(evidence), "--top", "1"])
    assert res.exit_code == 0 and res.stdout.startswith("<!doctype html>")
    res = runner.invoke(app, ["report", str(evidence), "--evidence", str(evidence)])
    assert res.exit_code == 1 and "not a table matcher wrote" in res.stderr


# ---------------------------------------------------------------- fairness (issue 16)


def test_check_flags_protected_criteria_in_hand_written_rubrics(tmp_path: Path) -> None:
    text = RUBRIC.read_text(encoding="utf-8")
    edited = text + (
        '\n[[criteria]]\nid = "young"\nkind = "keyword"\nlabel = "digital native"\nweight = 1.0\n'
        '\n[[criteria]]\nid = "school"\nkind = "keyword"\nlabel = "985院校"\nweight = 1.0\n'
    )
    (tmp_path / "r.toml").write_text(edited, encoding="utf-8")
    res = runner.invoke(app, ["check", str(tmp_path / "r.toml")])
    assert res.exit_code == 0
    assert "young: fairness: age proxy ('digital native')" in res.stdout
    assert "school: fairness: school tier ('985')" in res.stdout
    assert "ADEA" in res.stdout and "院校" in res.stdout


def test_blind_score_audit_and_verify(tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    two = [str(SAMPLES / "en_chef.pdf"), str(SAMPLES / "en_pm_mid_plain.txt")]
    args = ["score", *two, "--rubric", str(RUBRIC), "--as-of", "2026-11-23", "--blind"]
    assert runner.invoke(app, [*args, "-o", str(out)]).exit_code == 0
    first = (tmp_path / "r.csv.manifest.json").read_bytes()
    assert (tmp_path / "r.csv.timings.json").exists()
    assert runner.invoke(app, [*args, "-o", str(out)]).exit_code == 0
    assert (tmp_path / "r.csv.manifest.json").read_bytes() == first  # byte-identical
    data = json.loads(first)
    assert data["options"] == {"blind": True, "ocr": True, "reader": "pdfminer", "top": None}
    assert data["counts"] == {"ok": 2}
    assert "en_chef" not in first.decode()  # hashes, not names, unless asked
    verify = ["verify", str(tmp_path / "r.csv.manifest.json"), *two, "-r", str(RUBRIC)]
    res = runner.invoke(app, verify)
    assert res.exit_code == 0 and "same output" in res.stdout
    # A manifest written before --ocr and --reader were recorded ran with auto and pdfminer.
    data["options"] = {"blind": True, "top": None}
    (tmp_path / "old.manifest.json").write_text(json.dumps(data), encoding="utf-8")
    res = runner.invoke(app, ["verify", str(tmp_path / "old.manifest.json"), *verify[2:]])
    assert res.exit_code == 0 and "same output" in res.stdout
    # What differs when something does: tests/pipeline/test_manifest.py (compare).
    res = runner.invoke(
        app, ["audit", str(out), "--groups", str(SAMPLES / "groups.csv"), "--top", "5"]
    )
    assert res.exit_code == 0 and "four-fifths" in res.stdout


@pytest.mark.parametrize(
    ("groups", "message"),
    [
        ("who,sex\na,f\n", "needs a 'resume' column"),
        ("resume,sex\nen_chef.pdf,f\nen_chef.pdf,m\n", "line 3: en_chef.pdf is listed again"),
    ],
)
def test_audit_bad_groups_file_is_a_message(tmp_path: Path, groups: str, message: str) -> None:
    ranking = tmp_path / "r.csv"
    args = ["score", str(SAMPLES / "en_chef.pdf"), "-r", str(RUBRIC), "-o", str(ranking)]
    assert runner.invoke(app, [*args, "--no-manifest"]).exit_code == 0
    (tmp_path / "g.csv").write_text(groups)
    res = runner.invoke(app, ["audit", str(ranking), "--groups", str(tmp_path / "g.csv")])
    assert res.exit_code == 1 and message in res.output
    assert "Traceback" not in res.output
    both = ["--top", "3", "--threshold", "50"]
    res = runner.invoke(app, ["audit", str(ranking), "--groups", str(tmp_path / "g.csv"), *both])
    assert res.exit_code == 2


def test_verify_a_file_that_is_no_manifest(tmp_path: Path) -> None:
    (tmp_path / "m.json").write_text("{}")
    res = runner.invoke(app, ["verify", str(tmp_path / "m.json"), str(SAMPLES)])
    assert res.exit_code == 1 and "not a matcher manifest" in res.output


def test_score_with_the_pdfium_reader_ranks_as_pdfminer(tmp_path: Path) -> None:
    """--reader pdfium reads the samples to the same ranking (issue 18); a bad name is usage."""
    pytest.importorskip("pypdfium2")
    tables = []
    for reader in ("pdfminer", "pdfium"):
        out = tmp_path / f"{reader}.csv"
        args = ["score", str(SAMPLES), "--rubric", str(RUBRIC), "--as-of", "2026-11-23"]
        res = runner.invoke(app, [*args, "--no-cache", "--reader", reader, "-o", str(out)])
        assert res.exit_code == 0, res.output
        tables.append(out.read_text(encoding="utf-8"))
    assert tables[0] == tables[1]
    res = runner.invoke(app, ["score", str(SAMPLES), "--rubric", str(RUBRIC), "--reader", "x"])
    assert res.exit_code == 2


def test_compile_keeps_the_names_a_person_ruled_out(tmp_path: Path) -> None:
    """A taxonomy alias a person moved to ``not_aliases`` stays out when compile writes the
    file again (--force over the hand edit, then as matcher's own)."""
    text = "Product Manager\nResponsibilities:\n1. Product planning"
    posting, out, rubric, compiled = _compiled(tmp_path, text)
    assert '    "product developer",\n' in compiled
    edited = compiled.replace('    "product developer",\n', "", 1).replace(
        "weight = 9.0\n", 'weight = 9.0\nnot_aliases = ["product developer"]\n', 1
    )
    rubric.write_text(edited, encoding="utf-8")
    assert runner.invoke(app, ["check", str(rubric)]).exit_code == 0
    for extra in (["--force"], []):
        res = runner.invoke(app, ["compile", str(posting), "-o", str(out), *extra])
        assert res.exit_code == 0, res.stderr
        text = rubric.read_text(encoding="utf-8")
        assert '    "product developer",\n' in text.split("not_aliases")[1]
        assert "product developer" not in text.split("not_aliases")[0].split("aliases = [")[1]


def test_recursive_reads_sub_folders_and_says_so_when_not_asked(tmp_path: Path) -> None:
    root = tmp_path / "cvs"
    (root / "pm" / "senior").mkdir(parents=True)
    (root / ".cache").mkdir()
    (root / "pm" / "a.txt").write_text("Product Manager\nSQL, PRD", encoding="utf-8")
    (root / "pm" / "senior" / "b.txt").write_text("Product Manager\nSQL", encoding="utf-8")
    (root / "pm" / "senior" / "notes.csv").write_text("x", encoding="utf-8")
    (root / ".cache" / "c.txt").write_text("Product Manager", encoding="utf-8")
    args = ["score", str(root), "--rubric", str(RUBRIC), "--jobs", "1", "--no-cache"]
    res = runner.invoke(app, [*args, "-o", str(tmp_path / "r.csv")])
    assert res.exit_code == 1 and "--recursive" in res.stderr
    res = runner.invoke(app, [*args, "-R", "-o", str(tmp_path / "r.csv")])
    assert res.exit_code == 0, res.stderr
    table = pl.read_csv(tmp_path / "r.csv")
    assert sorted(Path(r).name for r in table["resume"]) == ["a.txt", "b.txt"]  # not hidden
    assert "notes.csv" in res.stderr  # skipped, and said so
    manifest = json.loads((tmp_path / "r.csv.manifest.json").read_text(encoding="utf-8"))
    assert manifest["options"]["recursive"] is True
