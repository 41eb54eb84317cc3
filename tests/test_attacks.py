"""Issue 14's measurement: the whole attack set through ``matcher score`` in one batch.

The attack files (``tests/fixtures/make_attacks.py``: hidden text in every form, honest
controls, files that cost memory or time) are scored beside the honest sample resumes against
every committed rubric, in one ``matcher score`` process with two reader workers, as a user
would run it. The test shows: every file a row for every job, no traceback, the peak memory
of the whole process tree under 2 GiB, the batch under 3 minutes, no message over 300
characters or quoting a resume, and every hidden-text resume below the honest best of each
job with a ``hidden_text`` warning. ``FIGURES`` holds what the last run measured (printed,
and in bench/README.md).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import polars as pl
import pytest

from tests.conftest import RUBRICS, SAMPLES
from tests.fixtures import make_attacks

PEAK_LIMIT = 2 * 2**30
TIME_LIMIT = 180.0


def tree_rss(root: int) -> int:
    """Resident bytes of ``root`` and every process below it, summed (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
            ppid, pages = int(fields[1]), int(fields[21])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
        rss[int(entry)] = pages * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += children.get(pid, [])
    return total


def run_measured(args: list[str]) -> tuple[subprocess.CompletedProcess[str], float, int]:
    """Run ``matcher ARGS``; return the result, seconds taken and peak tree memory (bytes)."""
    start = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-m", "matcher", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    peak = [0]
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], tree_rss(proc.pid))
            done.wait(0.05)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        out, err = proc.communicate(timeout=600)
    finally:
        done.set()
        watcher.join()
    took = time.monotonic() - start
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err), took, peak[0]


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="measures memory through /proc")
def test_the_attack_set_holds_in_one_batch(tmp_path: Path) -> None:
    attacks = make_attacks.write_all(tmp_path / "attacks")
    honest = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".pdf", ".txt"))
    out = tmp_path / "ranking.parquet"
    res, took, peak = run_measured(
        [
            "score", str(tmp_path / "attacks"), *map(str, honest), "--rubric", str(RUBRICS),
            "-o", str(out), "--jobs", "2", "--as-of", "2026-11-23", "--no-cache",
        ]
    )  # fmt: skip
    table = pl.read_parquet(out)
    jobs = table["job_id"].n_unique()
    print(
        f"\nattack batch: {len(attacks)} attack files + {len(honest)} honest, {jobs} jobs, "
        f"{table.height} rows, {took:.1f} s, peak tree memory {peak / 2**20:.0f} MiB, "
        f"exit {res.returncode}"
    )

    # Every file a row for every job; no traceback.
    assert "Traceback" not in res.stderr and res.returncode == 1  # some files fail, with rows
    assert table.height == (len(attacks) + len(honest)) * jobs
    assert set(table["resume"]) == {str(p) for p in [*attacks, *honest]}

    # Bounded: memory of the whole tree, time of the batch.
    assert peak < PEAK_LIMIT, f"peak {peak / 2**20:.0f} MiB"
    assert took < TIME_LIMIT, f"{took:.0f} s"

    # Messages: bounded and quoting nothing of a resume (a failed file's stderr line is
    # "matcher: PATH: STATUS: MESSAGE"; progress and summary lines are about the batch).
    contents = [row for row, _ in make_attacks.CHEF] + make_attacks.PAYLOAD
    failed = table.filter(pl.col("status") != "ok")
    named = tuple(f"matcher: {p}: " for p in [*attacks, *honest])
    lines = [line for line in res.stderr.splitlines() if line.startswith(named)]
    assert all(line.startswith("matcher: ") for line in res.stderr.splitlines()), res.stderr
    assert len(lines) == failed["resume"].n_unique()
    for message in [*table["message"].unique(), *lines]:
        assert "<<" not in message and not any(row[:16] in message for row in contents), message
    assert table["message"].str.len_chars().max() <= 300
    assert all(len(line.split(": ", 3)[-1]) <= 300 for line in lines)

    # Hidden text: below the honest best of every job, with a hidden_text warning.
    honest_best = (
        table.filter(pl.col("resume").is_in([str(p) for p in honest]))
        .group_by("job_id")
        .agg(pl.col("score").max().alias("best"))
    )
    hidden = table.filter(pl.col("resume").str.contains("/hidden_")).join(honest_best, on="job_id")
    assert hidden.height == len(make_attacks.HIDDEN) * jobs
    assert (hidden["status"] == "ok").all()
    # Where the honest chef is itself the best (000-5, 000-12: rubrics of training and
    # reporting since the page's "product manager" title is not theirs), the hidden files tie
    # with it: their visible text is the chef's, and the hidden payload adds nothing.
    chef = table.filter(pl.col("resume") == str(SAMPLES / "en_chef.pdf")).select(
        "job_id", pl.col("score").alias("chef")
    )
    above = hidden.join(chef, on="job_id").filter(
        (pl.col("score") >= pl.col("best")) & (pl.col("score") > pl.col("chef"))
    )
    assert above.is_empty(), above.select("job_id", "resume", "score", "best", "chef")
    assert (
        hidden["warnings"].list.eval(pl.element().str.starts_with("hidden_text:")).list.any().all()
    )

    # The honest controls are read in full and warned about nothing.
    controls = table.filter(pl.col("resume").str.contains("/honest_"))
    assert (controls["status"] == "ok").all()
    assert controls["warnings"].list.len().max() == 0
