"""Pipeline: the one place that composes the steps (read, understand, score, rank) over many files.

Input is resume paths (files or folders) and rubrics; output is a ``Run``: the ranking frame, the
score cards and the failure rows. Reading runs in worker processes; a file that cannot be read
becomes one failure row per job and never stops the others.
"""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

import polars as pl

from matcher._version import ENGINE_VERSION
from matcher.errors import MatcherError
from matcher.ranking import Failure, evidence_table, rank
from matcher.read.cache import Read, ReadCache
from matcher.read.intake import read_file_bytes
from matcher.read.pdf import read_bytes
from matcher.resume.understand import understand
from matcher.rubric.model import Rubric
from matcher.scoring.score import ScoreCard, score_many

# .doc and .rtf are not read, but a folder of resumes that holds them gets a row saying so.
RESUME_SUFFIXES = (".pdf", ".txt", ".md", ".docx", ".json", ".doc", ".rtf")
# Seconds one file may take in its worker before the worker is stopped and the file reported.
READ_TIMEOUT = 60.0
# Seconds a new reader process may take to start (import the reader) before it is used anyway.
STARTUP_TIMEOUT = 60.0

Progress = Callable[[int, int], None]
Reader = Callable[[str, bytes], "Read"]


@dataclass(frozen=True, slots=True)
class Run:
    """A batch scored: the ranking frame, the cards behind it and the failures in it."""

    ranking: pl.DataFrame
    cards: tuple[ScoreCard, ...]
    failures: tuple[Failure, ...]

    def evidence(self) -> pl.DataFrame:
        """The long evidence frame of this run (see ``ranking.evidence_table``)."""
        return evidence_table(self.cards)


def collect_inputs(paths: Iterable[str | Path]) -> list[str]:
    """Paths as given; a folder stands for its resume files (sorted, not recursive).

    In a folder, a file whose name starts with ``README`` is taken as the folder's own notes,
    not a resume; name it explicitly to score it. A file named twice (directly or through its
    folder) is scored once, under the first name it was given.
    """
    found: list[str] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found.extend(
                str(f)
                for f in sorted(path.iterdir())
                if f.is_file()
                and f.suffix.lower() in RESUME_SUFFIXES
                and not f.name.upper().startswith("README")
            )
        else:
            found.append(str(p))
    out: list[str] = []
    seen: set[Path] = set()
    for f in found:
        key = Path(f).resolve()
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def read_data(source: str, data: bytes) -> Read:
    """Read one resume from its bytes (``source`` names it); never raises.

    An unexpected error becomes status ``error``: a reader bug must cost one row, not the batch.
    """
    try:
        return Read(source, read_bytes(data, label=source, suffix=Path(source).suffix.lower()))
    except MatcherError as e:
        return Read(source, None, e.status, e.message)
    except RecursionError:
        return Read(source, None, "corrupt_pdf", "damaged file: content nested too deeply")
    except Exception as e:
        return Read(source, None, "error", f"unexpected {type(e).__name__}: {e}")


def read_many(
    sources: Sequence[str],
    jobs: int | None = None,
    *,
    timeout: float = READ_TIMEOUT,
    cache: ReadCache | None = None,
    progress: Progress | None = None,
    reader: Reader = read_data,
) -> list[Read]:
    """Read files in input order, in ``jobs`` worker processes (default: all cores).

    Each file is read in a worker process, so a file that hangs past ``timeout`` seconds
    (status ``timeout``) or kills its worker (status ``reader_crashed``) costs that file only:
    the worker is replaced and the batch goes on. Files already in ``cache`` are not read again.
    Workers start from a fork server, so a script that calls this needs the usual
    ``if __name__ == "__main__":`` guard of multiprocessing code.

    Args:
        sources: file paths.
        jobs: worker processes (default: all cores).
        timeout: seconds one file may take.
        cache: a ``ReadCache``, or None to read everything.
        progress: called as ``progress(done, total)`` after each file.
        reader: what a worker runs on ``(source, bytes)`` (tests swap it).

    Returns:
        One ``Read`` per source, in the order given.
    """
    results: list[Read | None] = [None] * len(sources)
    tasks: deque[tuple[int, str]] = deque()
    done = 0

    def finish(i: int, sha: str, read: Read) -> None:
        nonlocal done
        results[i] = read
        if cache is not None and sha:
            cache.put(sha, read)
        done += 1
        if progress is not None:
            progress(done, len(sources))

    for i, source in enumerate(sources):
        hit = None
        if cache is not None:
            # Hash in this process to find cached reads; the bytes are not kept (a worker
            # reads the file again), so a large batch does not sit in memory.
            try:
                hit = cache.get(source, hashlib.sha256(read_file_bytes(source)).hexdigest())
            except MatcherError as e:
                hit = Read(source, None, e.status, e.message)
        if hit is None:
            tasks.append((i, source))
        else:
            finish(i, "", hit)
    if tasks:
        workers = min(jobs or os.cpu_count() or 1, len(tasks))
        _run_workers(tasks, workers, timeout, reader, finish)
    return [
        r if r is not None else Read(s, None, "error", "not read")
        for r, s in zip(results, sources, strict=True)
    ]


def _worker_loop(conn: Connection, reader: Reader) -> None:
    """A reader process: for each (index, path) it is sent, send back (index, sha256, Read).

    The hash is of the bytes this process read, so a file changed meanwhile is cached under
    its new content. Stops when it is sent None. Says "ready" first, so that its start-up
    (imports) is not counted against the first file's time limit.
    """
    conn.send("ready")
    while True:
        task = conn.recv()
        if task is None:
            return
        i, source = task
        try:
            data = read_file_bytes(source)
        except MatcherError as e:
            conn.send((i, "", Read(source, None, e.status, e.message)))
            continue
        conn.send((i, hashlib.sha256(data).hexdigest(), reader(source, data)))


@dataclass(slots=True)
class _Slot:
    process: Any
    conn: Connection
    task: tuple[int, str] | None = None
    started: float = 0.0


def _context() -> Any:
    # forkserver: workers fork from a clean, single-threaded server with the reader preloaded,
    # which is fast and safe (forking a parent that runs polars threads is not).
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["matcher.pipeline.run"])
        return ctx
    return multiprocessing.get_context("spawn")


def _run_workers(
    tasks: deque[tuple[int, str]],
    workers: int,
    timeout: float,
    reader: Reader,
    finish: Callable[[int, str, Read], None],
) -> None:
    ctx = _context()

    def start() -> _Slot:
        parent, child = ctx.Pipe()
        p = ctx.Process(target=_worker_loop, args=(child, reader), daemon=True)
        p.start()
        child.close()
        # A worker that cannot even start fails its first file as a crash, below.
        if parent.poll(STARTUP_TIMEOUT):
            with contextlib.suppress(EOFError, OSError):
                parent.recv()
        return _Slot(p, parent)

    def stop(slot: _Slot) -> None:
        slot.process.kill()
        slot.process.join()
        slot.conn.close()

    slots = [start() for _ in range(workers)]
    try:
        while tasks or any(s.task for s in slots):
            for k, slot in enumerate(slots):
                if slot.task is None and tasks:
                    slot.task, slot.started = tasks.popleft(), time.monotonic()
                    try:
                        slot.conn.send(slot.task)
                    except OSError:  # the worker is gone before reading: say so, replace it
                        i, source = slot.task
                        stop(slot)
                        slots[k] = start()
                        message = "the reader process died before reading this file"
                        finish(i, "", Read(source, None, "reader_crashed", message))
            busy = [s for s in slots if s.task is not None]
            if not busy:
                continue
            deadline = min(s.started for s in busy) + timeout
            ready = wait(
                [s.conn for s in busy] + [s.process.sentinel for s in busy],
                timeout=max(0.0, deadline - time.monotonic()),
            )
            for k, slot in enumerate(slots):
                if slot.task is None:
                    continue
                i, source = slot.task
                if slot.conn in ready or slot.process.sentinel in ready:
                    try:
                        _, sha, read = slot.conn.recv()
                    except (EOFError, OSError):
                        sha = ""
                        slot.process.join(timeout=5)
                        code = slot.process.exitcode
                        read = Read(
                            source,
                            None,
                            "reader_crashed",
                            f"the reader process died on this file (exit code {code})",
                        )
                        stop(slot)
                        slots[k] = slot = start()
                    slot.task = None
                    finish(i, sha, read)
                elif time.monotonic() - slot.started >= timeout:
                    stop(slot)
                    slots[k] = start()
                    finish(
                        i,
                        "",
                        Read(source, None, "timeout", f"reading took over {timeout:g} s: stopped"),
                    )
    finally:
        for slot in slots:
            with contextlib.suppress(OSError):
                slot.conn.send(None)
        for slot in slots:
            slot.process.join(timeout=1)
            if slot.process.is_alive():
                slot.process.kill()
                slot.process.join()
            slot.conn.close()


def score_reads(reads: Iterable[Read], rubrics: Sequence[Rubric], as_of: date) -> Run:
    """Understand and score what was read; failed reads become one failure row per job."""
    cards: list[ScoreCard] = []
    failures: list[Failure] = []

    def failed(source: str, resume_id: str, status: str, message: str) -> list[Failure]:
        return [
            Failure(
                source, resume_id, rb.job_id, status, message, rb.fingerprint, ENGINE_VERSION, as_of
            )
            for rb in rubrics
        ]

    for r in reads:
        if r.document is None:
            failures += failed(r.source, "", r.status, r.message)
            continue
        try:
            cards += score_many(understand(r.document, as_of), rubrics)
        except Exception as e:  # a bug on one resume costs its rows, not the batch
            message = f"unexpected {type(e).__name__} while understanding or scoring: {e}"
            failures += failed(r.source, r.document.sha256[:12], "error", message)
    return Run(rank(cards, failures), tuple(cards), tuple(failures))


def run(
    paths: Iterable[str | Path],
    rubrics: Sequence[Rubric],
    *,
    as_of: date | None = None,
    jobs: int | None = None,
    cache: Path | None = None,
    timeout: float = READ_TIMEOUT,
    progress: Progress | None = None,
) -> Run:
    """Read, understand, score and rank every resume in ``paths`` against every rubric.

    Args:
        paths: resume files or folders of them.
        rubrics: loaded rubrics (``load_rubrics``).
        as_of: the date open roles end at; defaults to today. Fix it for reproducible output.
        jobs: worker processes for reading (default: all cores).
        cache: a folder for cached reads (``default_cache_dir()``), or None to read everything.
        timeout: seconds one file may take to read.
        progress: called as ``progress(done, total)`` as files are read.
    """
    as_of = as_of or date.today()
    store = ReadCache(cache) if cache is not None else None
    reads = read_many(collect_inputs(paths), jobs, timeout=timeout, cache=store, progress=progress)
    return score_reads(reads, rubrics, as_of)
