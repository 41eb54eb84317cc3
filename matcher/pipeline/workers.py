"""Workers: resume paths in, one ``Read`` per path out, each file read in a worker process.

A file that hangs past its time limit (status ``timeout``), needs more memory than a worker may
take (``too_large``) or kills its worker (``reader_crashed``) costs that file only: the worker
is replaced and the batch goes on. A reader bug becomes status ``error``. Files already in the
read cache are not read again.
"""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from matcher.errors import MatcherError, safe_message
from matcher.read.cache import Read, ReadCache
from matcher.read.intake import read_file_bytes
from matcher.read.reader import read_bytes

# Seconds one file may take in its worker before the worker is stopped and the file reported.
READ_TIMEOUT = 60.0


# Bytes of address space a reader process may use (Linux and other systems that enforce
# RLIMIT_AS). A worker starts at about 30 MiB and reads a resume in well under 200 MiB
# (bench/bench_attacks.py); past the limit an allocation fails and the file is ``too_large``,
# so a file that makes pdfminer allocate without end costs one row, not the machine.
MEMORY_LIMIT = 1 << 30
# With OCR on, the recogniser (onnxruntime and OpenCV) reserves address space it never
# touches: measured on one scanned page, 1.5 GiB fails and 2 GiB reads; 3 GiB leaves room.
OCR_MEMORY_LIMIT = 3 << 30

# A worker whose peak passed this share of its limit is replaced after its file: the memory
# one file made it take is given back to the system, not kept for the next file.
_RETIRE_SHARE = 0.5


# Seconds a new reader process may take to start (import the reader) before it is used anyway.
STARTUP_TIMEOUT = 60.0


Progress = Callable[[int, int], None]


Reader = Callable[[str, bytes], "Read"]


_OUT_OF_MEMORY = "reading it needed more memory than a reader process may use: stopped"


def read_data(source: str, data: bytes, ocr: bool = True, reader: str = "pdfminer") -> Read:
    """Read one resume from its bytes (``source`` names it); never raises.

    An unexpected error becomes status ``error``: a reader bug must cost one row, not the batch.
    ``ocr`` recognises scans when the ``ocr`` extra is installed, ``reader`` picks the PDF
    character source (``read_bytes``).
    """
    try:
        suffix = Path(source).suffix.lower()
        doc = read_bytes(data, label=source, suffix=suffix, ocr=ocr, reader=reader)  # type: ignore[arg-type]
        return Read(source, doc)
    except MatcherError as e:
        return Read(source, None, e.status, e.message)
    except RecursionError:
        return Read(source, None, "corrupt_pdf", "damaged file: content nested too deeply")
    except MemoryError:
        return Read(source, None, "too_large", _OUT_OF_MEMORY)
    except Exception as e:
        # Bounded and without quoted content: the service returns it as it is.
        return Read(source, None, "error", safe_message(f"unexpected {type(e).__name__}: {e}"))


def read_many(
    sources: Sequence[str],
    jobs: int | None = None,
    *,
    timeout: float = READ_TIMEOUT,
    memory: int | None = MEMORY_LIMIT,
    cache: ReadCache | None = None,
    progress: Progress | None = None,
    reader: Reader = read_data,
) -> list[Read]:
    """Read files in input order, in ``jobs`` worker processes (default: all cores).

    Each file is read in a worker process, so a file that hangs past ``timeout`` seconds
    (status ``timeout``), needs more than ``memory`` bytes (``too_large``) or kills its worker
    (status ``reader_crashed``) costs that file only: the worker is replaced and the batch
    goes on. Files already in ``cache`` are not read again.
    Workers start from a fork server, so a script that calls this needs the usual
    ``if __name__ == "__main__":`` guard of multiprocessing code.

    Args:
        sources: file paths.
        jobs: worker processes (default: all cores).
        timeout: seconds one file may take.
        memory: bytes of address space a worker may use (``MEMORY_LIMIT``, 1 GiB), or None
            for no limit; set where the system enforces ``RLIMIT_AS`` (Linux).
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
        _run_workers(tasks, workers, timeout, memory, reader, finish)
    return [
        r if r is not None else Read(s, None, "error", "not read")
        for r, s in zip(results, sources, strict=True)
    ]


def _worker_loop(conn: Connection, reader: Reader, memory: int | None = None) -> None:
    """A reader process: for each (index, path) it is sent, send back (index, sha256, Read,
    retire), ``retire`` True when the process grew past half its memory limit and should be
    replaced.

    The hash is of the bytes this process read, so a file changed meanwhile is cached under
    its new content. Stops when it is sent None. Says "ready" first, so that its start-up
    (imports) is not counted against the first file's time limit.
    """
    # Ctrl-C reaches the whole process group: the parent stops the workers, which must not
    # each print a KeyboardInterrupt traceback on the way out.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if memory is not None:
        limit_memory(memory)
    conn.send("ready")
    while True:
        task = conn.recv()
        if task is None:
            return
        i, source = task
        try:
            data = read_file_bytes(source)
            sha = hashlib.sha256(data).hexdigest()
            read = reader(source, data)
        except MatcherError as e:
            sha, read = "", Read(source, None, e.status, e.message)
        except MemoryError:  # outside the reader's own handling (a swapped-in reader, hashing)
            sha, read = "", Read(source, None, "too_large", _OUT_OF_MEMORY)
        data = b""  # not held while waiting for the next file
        conn.send((i, sha, read, memory is not None and _peak() > memory * _RETIRE_SHARE))


def limit_memory(memory: int) -> bool:
    """Limit this process's address space to ``memory`` bytes; False where it cannot be set.

    Past the limit an allocation raises ``MemoryError`` (which the readers turn into status
    ``too_large``) instead of growing until the machine swaps or its OOM killer chooses.
    """
    try:
        import resource

        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            memory = min(memory, hard)
        resource.setrlimit(resource.RLIMIT_AS, (memory, hard))
    except (ImportError, AttributeError, ValueError, OSError):
        return False
    return True


def _peak() -> int:
    """This process's peak resident memory in bytes (0 where it cannot be known)."""
    try:
        import resource

        kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    except (ImportError, AttributeError, OSError):
        return 0
    return kib * 1024 if sys.platform != "darwin" else kib


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
        ctx.set_forkserver_preload(["matcher.pipeline.workers"])
        return ctx
    return multiprocessing.get_context("spawn")


def _run_workers(
    tasks: deque[tuple[int, str]],
    workers: int,
    timeout: float,
    memory: int | None,
    reader: Reader,
    finish: Callable[[int, str, Read], None],
) -> None:
    ctx = _context()

    def start() -> _Slot:
        parent, child = ctx.Pipe()
        p = ctx.Process(target=_worker_loop, args=(child, reader, memory), daemon=True)
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
                        _, sha, read, retire = slot.conn.recv()
                        if retire:  # grown past half its limit: a fresh worker for the next
                            stop(slot)
                            slots[k] = slot = start()
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
