"""Tests for matcher.pipeline.workers: the memory limit of a reader process (issue 14).

The time limit and crashes are tested in test_run.py beside the batch they protect.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from matcher.pipeline.rows import read_data
from matcher.pipeline.workers import read_many
from matcher.read.cache import Read

LIMIT = 256 * 2**20

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="RLIMIT_AS is enforced on Linux"
)


def greedy_reader(source: str, data: bytes) -> Read:
    """A reader that asks for far more than a worker may have on files named "greedy", and
    touches 150 MiB on files named "big" (runs in a worker)."""
    name = Path(source).name
    if name.startswith("greedy"):
        hoard = bytearray(4 * LIMIT)  # past the limit: MemoryError at once, nothing touched
        return Read(source, None, "error", f"allocated {len(hoard)}")
    if name.startswith("big"):
        held = b"x" * (150 * 2**20)
        return Read(source, None, "error", f"pid {os.getpid()} held {len(held)}")
    if name.startswith("pid"):
        return Read(source, None, "error", f"pid {os.getpid()}")
    return read_data(source, data)


@linux_only
def test_a_file_past_the_memory_limit_is_too_large_and_the_batch_goes_on(
    tmp_path: Path,
) -> None:
    names = ["a.txt", "greedy.txt", "b.txt"]
    for n in names:
        (tmp_path / n).write_text(f"Resume {n}", encoding="utf-8")
    reads = read_many([str(tmp_path / n) for n in names], 1, memory=LIMIT, reader=greedy_reader)
    assert [r.status for r in reads] == ["ok", "too_large", "ok"]
    assert reads[1].message == (
        "reading it needed more memory than a reader process may use: stopped"
    )
    assert reads[2].document is not None and reads[2].document.text == "Resume b.txt"


@linux_only
def test_a_worker_grown_past_half_its_limit_is_replaced(tmp_path: Path) -> None:
    names = ["pid1.txt", "pid2.txt", "big.txt", "pid3.txt"]
    for n in names:
        (tmp_path / n).write_text("x", encoding="utf-8")
    reads = read_many([str(tmp_path / n) for n in names], 1, memory=LIMIT, reader=greedy_reader)
    pids = [r.message.split()[1] for r in reads]
    assert pids[0] == pids[1] == pids[2]  # one worker while it stays small
    assert pids[3] != pids[2]  # a fresh one after the file that grew it


def test_without_a_limit_the_same_file_is_read(tmp_path: Path) -> None:
    """The control: the greedy file fails because of the limit, not the reader."""
    (tmp_path / "big.txt").write_text("x", encoding="utf-8")
    (read,) = read_many([str(tmp_path / "big.txt")], 1, memory=None, reader=greedy_reader)
    assert read.message.endswith(f"held {150 * 2**20}")
