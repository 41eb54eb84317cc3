"""Tests for matcher.pipeline.run: whole runs on the bundled samples, failures as rows, determinism."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from matcher.cli import app
from matcher.pipeline.rows import OUT_OF_MEMORY, read_data
from matcher.pipeline.run import collect_inputs, run, score_stream
from matcher.pipeline.workers import Item, pool, read_many
from matcher.read.cache import Read, ReadCache
from matcher.read.document import read_text
from matcher.read.reader import READER_VERSION
from matcher.resume.understand import understand
from matcher.rubric.io import load_rubrics
from matcher.rubric.model import Criterion, Rubric
from matcher.scoring.score import score
from tests.conftest import FIXTURES, RUBRICS, SAMPLES

AS_OF = date(2026, 11, 23)
READ_VERSION_TAG = f"read-v{READER_VERSION}-"


def test_every_resume_meets_every_job() -> None:
    rubrics = load_rubrics([RUBRICS])
    result = run([SAMPLES], rubrics, as_of=AS_OF, jobs=1)
    n = len(collect_inputs([SAMPLES]))
    assert result.ranking.height == n * len(rubrics)
    assert result.ranking["status"].unique().to_list() == ["ok"]
    assert result.evidence().height == n * sum(len(r.criteria) for r in rubrics)


def test_a_broken_file_is_one_row_per_job_and_the_rest_are_scored(tmp_path: Path) -> None:
    (tmp_path / "empty.pdf").write_bytes(b"")
    (tmp_path / "truncated.pdf").write_bytes((SAMPLES / "en_nurse.pdf").read_bytes()[:400])
    (tmp_path / "ok.pdf").write_bytes((SAMPLES / "en_nurse.pdf").read_bytes())
    rubrics = load_rubrics([RUBRICS])[:2]
    result = run([tmp_path, tmp_path / "missing.pdf"], rubrics, as_of=AS_OF, jobs=1)
    statuses = dict(
        result.ranking.filter(pl.col("job_id") == rubrics[0].job_id)
        .select("resume", "status")
        .iter_rows()
    )
    assert statuses[str(tmp_path / "ok.pdf")] == "ok"
    assert statuses[str(tmp_path / "empty.pdf")] == "empty"
    assert statuses[str(tmp_path / "truncated.pdf")] == "corrupt_pdf"
    assert statuses[str(tmp_path / "missing.pdf")] == "not_found"
    assert result.ranking.height == 4 * len(rubrics)


def test_same_inputs_give_identical_bytes_across_runs_and_jobs(tmp_path: Path) -> None:
    runner = CliRunner()
    outs = []
    for i, jobs in enumerate(("1", "2", "2")):
        out = tmp_path / f"r{i}.csv"
        ev = tmp_path / f"e{i}.parquet"
        res = runner.invoke(
            app,
            [
                "score",
                str(SAMPLES),
                "--rubric",
                str(RUBRICS),
                "-o",
                str(out),
                "--evidence",
                str(ev),
                "--as-of",
                "2026-11-23",
                "--jobs",
                jobs,
            ],
        )
        assert res.exit_code == 0, res.output
        outs.append((out.read_bytes(), ev.read_bytes()))
    assert outs[0] == outs[1] == outs[2]


def test_demo_ranking_makes_sense() -> None:
    """A person reading the demo expects product managers above nurses and chefs."""
    rubrics = [
        r
        for r in load_rubrics([RUBRICS])
        if r.job_id in ("000_1e07a38cda397245-1", "004_d832d627ee032451-1")
    ]
    ranking = run([SAMPLES], rubrics, as_of=AS_OF, jobs=1).ranking
    for job in rubrics:
        order = ranking.filter(pl.col("job_id") == job.job_id)["resume"].to_list()
        names = [Path(p).stem for p in order]
        top = names[:4]
        assert all("pm" in n for n in top), names
        for unrelated in ("en_nurse", "en_chef", "zh_accountant"):
            assert names.index(unrelated) > len(names) // 2, names


# ---------------------------------------------------------------- isolation, cache, bad files


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep the CLI's default cache out of the user's home while testing."""
    cache = tmp_path / "xdg-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    return cache


def flaky_reader(source: str, data: bytes) -> Read:
    """A reader that hangs or kills its process on files named so (runs in a worker)."""
    name = Path(source).name
    if name.startswith("hang"):
        time.sleep(60)
    if name.startswith("crash"):
        os._exit(3)
    return read_data(source, data)


def test_a_hanging_or_crashing_file_costs_only_that_file(tmp_path: Path) -> None:
    names = ["a.txt", "hang.txt", "b.txt", "crash.txt", "c.txt", "d.txt"]
    for n in names:
        (tmp_path / n).write_text(f"Resume {n}", encoding="utf-8")
    reads = read_many([str(tmp_path / n) for n in names], 2, timeout=2.0, reader=flaky_reader)
    assert [r.status for r in reads] == ["ok", "timeout", "ok", "reader_crashed", "ok", "ok"]
    assert reads[1].message == "reading took over 2 s: stopped"
    assert "exit code 3" in reads[3].message
    assert reads[5].document is not None and reads[5].document.text == "Resume d.txt"
    # No clock here (a loaded machine took 42 s): "timeout" itself shows the 60 s hang was
    # stopped at its 2 s limit, or the file would have been read.


def test_every_bad_file_is_one_row_with_its_own_status(tmp_path: Path) -> None:
    nurse = (SAMPLES / "en_nurse.pdf").read_bytes()
    bad = {
        "empty.pdf": b"",
        "truncated.pdf": nurse[:500],
        "fake.pdf": b"\x89PNG\r\n\x1a\n" + b"\x00" * 32,
        "garbage.pdf": b"%PDF-1.4\n" + bytes(range(256)) * 4,
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    for name in ("encrypted.pdf", "image_only.pdf", "no_unicode_map.pdf", "nested.pdf"):
        (tmp_path / name).write_bytes((FIXTURES / name).read_bytes())
    (tmp_path / "ok.pdf").write_bytes(nurse)
    rubrics = load_rubrics([RUBRICS])[:2]
    # OCR off: the rows say what each file is, quickly (tests/read/test_ocr.py reads scans).
    result = run([tmp_path], rubrics, as_of=AS_OF, jobs=2, ocr=False)
    rows = result.ranking.filter(pl.col("job_id") == rubrics[0].job_id)
    statuses = {Path(r): s for r, s in rows.select("resume", "status").iter_rows()}
    assert {p.name: s for p, s in statuses.items()} == {
        "empty.pdf": "empty",
        "truncated.pdf": "corrupt_pdf",
        "fake.pdf": "not_a_pdf",
        "garbage.pdf": "corrupt_pdf",
        "encrypted.pdf": "encrypted",
        "image_only.pdf": "needs_ocr",
        "no_unicode_map.pdf": "unreadable_text",
        "nested.pdf": "ok",
        "ok.pdf": "ok",
    }
    assert result.ranking.height == 9 * len(rubrics)
    # A file that could not be read is never ranked or scored as 0.
    failed = result.ranking.filter(pl.col("status") != "ok")
    assert failed["rank"].null_count() == failed.height
    assert failed["score"].null_count() == failed.height


def test_cache_gives_the_same_reads_and_skips_reading(tmp_path: Path) -> None:
    sources = [str(SAMPLES / "en_nurse.pdf"), str(FIXTURES / "encrypted.pdf")]
    cache = ReadCache(tmp_path / "c")
    cold = read_many(sources, 1, cache=cache)
    entries = sorted((tmp_path / "c").rglob("*.json"))
    assert len(entries) == 2 and all(READ_VERSION_TAG in str(p) for p in entries)
    warm = read_many(sources, 1, cache=cache, reader=flaky_reader_that_must_not_run)
    assert warm == cold
    # The same bytes under another name: a hit, named as asked.
    copy = tmp_path / "copy.pdf"
    copy.write_bytes((SAMPLES / "en_nurse.pdf").read_bytes())
    (hit,) = read_many([str(copy)], 1, cache=cache, reader=flaky_reader_that_must_not_run)
    assert hit.document is not None and cold[0].document is not None
    assert hit.document.source == str(copy)
    assert hit.document.text == cold[0].document.text


def flaky_reader_that_must_not_run(source: str, data: bytes) -> Read:
    return Read(source, None, "error", "read although cached")


def test_timeouts_are_not_cached(tmp_path: Path) -> None:
    (tmp_path / "hang.txt").write_text("x", encoding="utf-8")
    cache = ReadCache(tmp_path / "c")
    read_many([str(tmp_path / "hang.txt")], 1, timeout=0.5, cache=cache, reader=flaky_reader)
    assert not list((tmp_path / "c").rglob("*.json"))


def test_cli_caches_by_default_and_no_cache_skips_it(tmp_path: Path, _private_cache: Path) -> None:
    runner = CliRunner()
    args = [
        "score",
        str(SAMPLES / "en_chef.pdf"),
        "--rubric",
        str(RUBRICS),
        "--as-of",
        "2026-11-23",
    ]
    res = runner.invoke(app, [*args, "--no-cache"])
    assert res.exit_code == 0 and not _private_cache.exists()
    res = runner.invoke(app, args)
    assert res.exit_code == 0 and len(list(_private_cache.glob("matcher/read-v*/*/*.json"))) == 1


def test_progress_is_reported_per_file(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    sources = [str(p) for p in sorted(SAMPLES.glob("en_*.pdf"))[:4]] + [str(tmp_path / "no.pdf")]
    read_many(sources, 2, progress=lambda done, total: seen.append((done, total)))
    assert sorted(seen) == [(i, 5) for i in range(1, 6)]


def test_keywords_stuffed_in_hidden_text_gain_nothing() -> None:
    """White, pale, microscopic, off-page and invisible copies of the job's keywords score 0."""
    stuffed = ("Kubernetes", "Terraform", "Golang", "Airflow", "Snowflake")
    rubric = Rubric(
        job_id="stuffing",
        title="Data Engineer",
        language="en",
        criteria=(
            *(Criterion(id=w.lower(), kind="tool", label=w, weight=1.0) for w in stuffed),
            Criterion(id="python", kind="skill", label="Python", weight=1.0),
        ),
    )
    result = run([FIXTURES / "hidden.pdf"], [rubric], as_of=AS_OF, jobs=1)
    (card,) = result.cards
    credited = {e.label for e in card.evidence if e.credit > 0}
    assert credited == {"Python"}
    assert card.warnings[0].startswith("hidden_text: 225 characters dropped (")
    # The control: the same words in visible text do count, so the test can fail.
    visible = score(understand(read_text("Python " + " ".join(stuffed)), AS_OF), rubric)
    assert {e.label for e in visible.evidence if e.credit > 0} == {*stuffed, "Python"}


def test_a_reader_process_that_dies_at_start_fails_each_file_once_and_returns() -> None:
    reads = read_many([str(SAMPLES / "en_chef.pdf")] * 3, 2, timeout=5, reader=DiesOnArrival())
    assert [r.status for r in reads] == ["reader_crashed"] * 3


class DiesOnArrival:
    """A reader whose unpickling in the worker ends the worker before it says it is ready."""

    def __reduce__(self) -> tuple[object, tuple[int]]:
        return (os._exit, (7,))

    def __call__(self, source: str, data: bytes) -> Read:
        return read_data(source, data)


def test_a_file_named_twice_is_scored_once() -> None:
    once = collect_inputs([SAMPLES])
    assert collect_inputs([SAMPLES, SAMPLES, SAMPLES / "en_nurse.pdf"]) == once


def test_a_bug_while_understanding_one_resume_costs_its_rows_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import matcher.pipeline.run as pipeline

    def fragile(doc, as_of):  # type: ignore[no-untyped-def]
        if "boom" in doc.text:
            raise IndexError("list index out of range")
        return understand(doc, as_of)

    monkeypatch.setattr(pipeline, "understand", fragile)
    reads = [
        Read("good.txt", read_text("Product Manager\nSQL, PRD", name="good.txt")),
        Read("bad.txt", read_text("boom", name="bad.txt")),
    ]
    rubrics = load_rubrics([RUBRICS])
    got = pipeline.score_reads(reads, rubrics, date(2026, 11, 23)).ranking
    bad = got.filter(pl.col("resume") == "bad.txt")
    assert bad.height == len(rubrics) and set(bad["status"]) == {"error"}
    assert "IndexError" in bad["message"][0] and bad["resume_id"][0] != ""
    assert got.filter(pl.col("resume") == "good.txt")["status"].to_list() == ["ok"] * len(rubrics)


# ---------------------------------------------------------------- batches of any size


def many_resumes(folder: Path, n: int) -> Path:
    """``n`` different text resumes (each a sample with its own line), for long-enough runs."""
    base = (SAMPLES / "en_pm_mid_plain.txt").read_text(encoding="utf-8")
    folder.mkdir()
    for i in range(n):
        (folder / f"r{i:04d}.txt").write_text(f"{base}\nReference number {i}\n", encoding="utf-8")
    return folder


def cli(args: list[str], cache: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    return subprocess.Popen(
        [sys.executable, "-m", "matcher", "score", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group: the signal reaches it and its workers
    )


def stop_midway(args: list[str], cache: Path, sig: int, after: int) -> tuple[int, str]:
    """Start a run, send ``sig`` to its process group once ``after`` files are scored."""
    proc = cli(args, cache)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if len(list(cache.glob("matcher/scored-*/*/*/*.json"))) >= after:
            os.killpg(proc.pid, sig)
            break
        time.sleep(0.02)
    _, err = proc.communicate(timeout=120)
    return proc.returncode, err.decode()


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_a_stopped_run_started_again_finishes_from_the_cache_with_the_same_bytes(
    tmp_path: Path, sig: int
) -> None:
    folder = many_resumes(tmp_path / "in", 150)
    few = sorted(RUBRICS.glob("*.toml"))[:3]
    rubrics = [a for f in few for a in ("--rubric", str(f))]
    args = [str(folder), *rubrics, "--as-of", "2026-11-23", "--jobs", "2"]
    whole = tmp_path / "whole.csv"
    assert cli([*args, "-o", str(whole), "--no-cache"], tmp_path / "c0").wait(120) == 0
    cache, out = tmp_path / "c1", tmp_path / "out.csv"
    code, err = stop_midway([*args, "-o", str(out)], cache, sig, after=20)
    scored = list(cache.glob("matcher/scored-*/*/*/*.json"))
    assert 20 <= len(scored) < 150, "the run was not stopped midway"
    if sig == signal.SIGINT:
        assert code == 130, err
        assert "interrupted after" in err and "run the same command again" in err
        assert "Traceback" not in err, err
        assert not list(cache.glob("matcher/tmp/*")), "a worker left half an entry"
    for entry in cache.rglob("*.json"):
        json.loads(entry.read_text(encoding="utf-8"))  # every entry is whole
    assert cli([*args, "-o", str(out)], cache).wait(120) == 0
    assert out.read_bytes() == whole.read_bytes()
    assert not list(cache.glob("matcher/spool/*/*")), "a finished run leaves its spool behind"


def greedy(source: str, data: bytes | None) -> Read:
    """A work function that needs 400 MB on files named so (runs in a worker)."""
    if "greedy" in source:
        block = bytearray(400 << 20)
        return Read(source, None, "error", f"got {len(block)} bytes")
    return Read(source, None, "empty", "fine")


def test_a_file_past_the_memory_limit_is_its_own_status_and_the_rest_go_on() -> None:
    items = [Item(i, n) for i, n in enumerate(["a", "greedy", "b", "c"])]
    got = dict(
        pool(
            items,
            greedy,
            lambda s, st, m: Read(s, None, st, m),
            2,
            memory_limit=100 << 20,
        )
    )
    assert [got[i].status for i in range(4)] == ["empty", "too_large", "empty", "empty"]
    assert got[1].message == OUT_OF_MEMORY


def test_score_stream_gives_one_result_per_resume_in_order() -> None:
    rubrics = load_rubrics([RUBRICS])[:2]
    names = sorted(SAMPLES.glob("*.txt")) + sorted(SAMPLES.glob("en_*.pdf"))[:3]
    stream = [(p.name, p.read_bytes()) for p in names] + [("bad.pdf", b"%PDF-garbage")]
    got = list(score_stream(iter(stream), rubrics, as_of=AS_OF, jobs=2))
    assert [g.source for g in got] == [n for n, _ in stream]
    assert [g.status for g in got][:-1] == ["ok"] * len(names) and got[-1].status != "ok"
    ref = run(names, rubrics, as_of=AS_OF, jobs=1).ranking
    for g in got[:-1]:
        for rubric, row in zip(rubrics, g.rows, strict=True):
            (want,) = ref.filter(
                (pl.col("job_id") == rubric.job_id) & (pl.col("resume") == str(SAMPLES / g.source))
            ).rows(named=True)
            assert (row.score, row.eligible) == (want["score"], want["eligible"])
