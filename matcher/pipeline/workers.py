"""Workers: files (paths or bytes) in, one result per file out, each file handled in a worker process.

``pool`` runs a picklable ``work(source, data)`` on every file in worker processes and yields
``(index, result)`` as files finish. A file that hangs past its time limit (status
``timeout``), kills its worker (``reader_crashed``) or needs more memory than a worker may
take (``too_large``) costs that file only: the worker is replaced and the batch goes on. Workers
ignore Ctrl-C: the parent stops them, so an interrupted batch prints no worker tracebacks, and
a worker told to stop finishes or removes the cache entry it is writing. ``read_many`` reads
files this way; ``rows.score_file`` is what a scoring batch runs.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

from matcher.errors import MatcherError
from matcher.pipeline.rows import OUT_OF_MEMORY, read_data
from matcher.read.cache import Read, ReadCache
from matcher.read.intake import read_file_bytes

# Seconds one file may take in its worker before the worker is stopped and the file reported.
READ_TIMEOUT = 60.0

# Bytes of address space a worker may use (Linux and other systems that enforce RLIMIT_AS),
# past what it had once started (about 100 MiB with the scorer loaded). A worker reads a resume
# in well under 200 MiB (bench/bench_attacks.py); past the limit an allocation fails and the
# file is ``too_large``, so a file that makes pdfminer allocate without end costs one row, not
# the machine. Where RLIMIT_AS is not enforced, the parent watches the worker's resident size.
MEMORY_LIMIT = 1 << 30
# With OCR on, the recogniser (onnxruntime and OpenCV) reserves address space it never
# touches: measured on one scanned page, 1.5 GiB fails and 2 GiB reads; 3 GiB leaves room.
OCR_MEMORY_LIMIT = 3 << 30

# A worker whose peak passed this share of its limit is replaced after its file: the memory
# one file made it take is given back to the system, not kept for the next file.
_RETIRE_SHARE = 0.5

# Seconds a new reader process may take to start (import the reader) before it is used anyway.
STARTUP_TIMEOUT = 60.0

# How often the parent looks at the workers' resident memory, in seconds.
WATCH_EVERY = 0.5

# Files sent ahead to each worker, so it never waits for the parent between two files.
DEPTH = 2


Progress = Callable[[int, int], None]


Reader = Callable[[str, bytes], "Read"]


R = TypeVar("R")

# (source, status, message) -> the result of a file that failed outside ``work``.
Fail = Callable[[str, str, str], Any]


@dataclass(frozen=True, slots=True)
class Item:
    """One file to handle: its index in the batch, its name, and its bytes when already in hand."""

    index: int
    source: str
    data: bytes | None = None


def pool(
    items: Iterable[Item],
    work: Callable[[str, bytes | None], R],
    fail: Callable[[str, str, str], R],
    jobs: int | None = None,
    *,
    timeout: float = READ_TIMEOUT,
    memory_limit: int | None = MEMORY_LIMIT,
    window: int | None = None,
) -> Generator[tuple[int, R], None, None]:
    """Run ``work(source, data)`` on every item in worker processes; yield ``(index, result)``.

    Results come as files finish. Items are taken from ``items`` only as workers need them, so a
    stream of any length runs in bounded memory; with ``window``, no item is taken while the
    oldest unfinished one is ``window`` items behind (for callers that put results back in
    order). A file that hangs past ``timeout`` seconds, kills its worker or outgrows
    ``memory_limit`` bytes gets ``fail(source, status, message)``. Closing the iterator (or an
    exception in the caller, Ctrl-C included) stops every worker. Workers start from a fork
    server, so a script that calls this needs the usual ``if __name__ == "__main__":`` guard.
    """
    return _Pool(items, work, fail, jobs, timeout, memory_limit, window).run()


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
    (status ``reader_crashed``) costs that file only: the worker is replaced and the batch goes
    on. Files already in ``cache`` are not read again.

    Args:
        sources: file paths.
        jobs: worker processes (default: all cores).
        timeout: seconds one file may take.
        memory: bytes of address space a worker may use (``MEMORY_LIMIT``, 1 GiB), or None
            for no limit.
        cache: a ``ReadCache``, or None to read everything.
        progress: called as ``progress(done, total)`` after each file.
        reader: what a worker runs on ``(source, bytes)`` (tests swap it).

    Returns:
        One ``Read`` per source, in the order given.
    """
    results: list[Read | None] = [None] * len(sources)
    work = functools.partial(_read_one, reader, cache)
    items = (Item(i, s) for i, s in enumerate(sources))
    got = pool(items, work, _read_failed, jobs, timeout=timeout, memory_limit=memory)
    for done, (i, read) in enumerate(got, 1):
        results[i] = read
        if progress is not None:
            progress(done, len(sources))
    return [
        r if r is not None else Read(s, None, "error", "not read")
        for r, s in zip(results, sources, strict=True)
    ]


def _read_failed(source: str, status: str, message: str) -> Read:
    return Read(source, None, status, message)


def _read_one(reader: Reader, cache: ReadCache | None, source: str, data: bytes | None) -> Read:
    """Read one file through the cache (runs in a worker)."""
    try:
        data = read_file_bytes(source) if data is None else data
    except MatcherError as e:
        return Read(source, None, e.status, e.message)
    sha = hashlib.sha256(data).hexdigest()
    hit = cache.get(source, sha) if cache is not None else None
    if hit is not None:
        return hit
    try:
        read = reader(source, data)
    except MemoryError:  # outside the reader's own handling (a swapped-in reader)
        return Read(source, None, "too_large", OUT_OF_MEMORY)
    if cache is not None:
        cache.put(sha, read)
    return read


def _worker_loop(
    conn: Connection, work: Callable[[str, bytes | None], Any], limit: int | None
) -> None:
    """A worker: for each (index, source, data) it is sent, send back (index, result, retire).

    ``retire`` is True when the worker grew past ``_RETIRE_SHARE`` of its memory limit and
    should be replaced, or when the file needed more than the limit (then ``result`` is None
    and the parent reports the file ``too_large``). Says "ready" first, so that its start-up (imports) is not counted against the first
    file's time limit. Stops when it is sent None or the parent goes away. Ctrl-C is the
    parent's business; SIGTERM ends the worker between two steps, without a traceback.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        if limit is not None:
            limit_memory(_vm_size() + limit)
        base = _peak()
        conn.send("ready")
        while True:
            task = conn.recv()
            if task is None:
                return
            i, source, data = task
            try:
                result = work(source, data)
            except MemoryError:
                del data
                conn.send((i, None, True))
                return  # the parent starts a fresh worker
            del data  # not held while waiting for the next file
            retire = limit is not None and _peak() - base > limit * _RETIRE_SHARE
            conn.send((i, result, retire))
    except (EOFError, OSError, KeyboardInterrupt, SystemExit):
        return


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


def _vm_size() -> int:
    """This process's address space in bytes (0 where /proc is not there)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _rss(pid: int) -> int:
    """Resident bytes of process ``pid`` (0 where /proc is not there)."""
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


@dataclass(slots=True)
class _Slot:
    process: Any
    conn: Connection
    tasks: deque[Item] = field(default_factory=deque)
    started: float = 0.0  # when the first of ``tasks`` started
    base_rss: int = 0


def _context() -> Any:
    # forkserver: workers fork from a clean, single-threaded server with the reader preloaded,
    # which is fast and safe (forking a parent that runs polars threads is not).
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["matcher.pipeline.workers"])
        return ctx
    return multiprocessing.get_context("spawn")


class _Pool(Generic[R]):
    def __init__(
        self,
        items: Iterable[Item],
        work: Callable[[str, bytes | None], R],
        fail: Callable[[str, str, str], R],
        jobs: int | None,
        timeout: float,
        limit: int | None,
        window: int | None,
    ) -> None:
        self.items = iter(items)
        self.work, self.fail = work, fail
        self.jobs = jobs or os.cpu_count() or 1
        self.timeout, self.limit, self.window = timeout, limit, window
        self.ctx = _context()
        self.again: deque[Item] = deque()  # sent to a worker that died before starting them
        self.exhausted = False
        self.open: set[int] = set()  # indices taken and not finished
        self.slots: list[_Slot] = []

    def start(self) -> _Slot:
        parent, child = self.ctx.Pipe()
        p = self.ctx.Process(target=_worker_loop, args=(child, self.work, self.limit), daemon=True)
        p.start()
        child.close()
        # A worker that cannot even start fails its first file as a crash, below.
        if parent.poll(STARTUP_TIMEOUT):
            with contextlib.suppress(EOFError, OSError):
                parent.recv()
        return _Slot(p, parent, base_rss=_rss(p.pid))

    def stop(self, slot: _Slot, gently: bool = False) -> None:
        if gently:
            slot.process.terminate()
            slot.process.join(timeout=2)
        if slot.process.is_alive():
            slot.process.kill()
        slot.process.join()
        slot.conn.close()

    def replace(self, k: int) -> None:
        """Stop worker ``k`` and start another; the files still sent to it go back in line.

        The caller has taken the file the worker was on off its ``tasks`` first."""
        slot = self.slots[k]
        self.stop(slot)
        self.again.extendleft(reversed(slot.tasks))
        self.slots[k] = self.start()

    def take(self) -> Item | None:
        if self.again:
            return self.again.popleft()
        if self.exhausted:
            return None
        if self.window is not None and self.open and max(self.open) - min(self.open) >= self.window:
            return None
        item = next(self.items, None)
        if item is None:
            self.exhausted = True
            return None
        self.open.add(item.index)
        return item

    def feed(self, k: int) -> list[tuple[int, R]]:
        """Send worker ``k`` files up to ``DEPTH``; files it cannot take fail at once."""
        out: list[tuple[int, R]] = []
        slot = self.slots[k]
        while len(slot.tasks) < DEPTH:
            item = self.take()
            if item is None:
                break
            if not slot.tasks:
                slot.started = time.monotonic()
            slot.tasks.append(item)
            try:
                slot.conn.send((item.index, item.source, item.data))
            except OSError:  # the worker is gone before reading: say so, replace it
                slot.tasks.pop()
                message = "the reader process died before reading this file"
                out.append(self.finish(item, self.fail(item.source, "reader_crashed", message)))
                self.replace(k)
                slot = self.slots[k]
        return out

    def finish(self, item: Item, result: R) -> tuple[int, R]:
        self.open.discard(item.index)
        return item.index, result

    def run(self) -> Generator[tuple[int, R], None, None]:
        try:
            first = self.take()
            if first is None:
                return
            self.again.appendleft(first)
            self.slots = [self.start() for _ in range(self.jobs)]
            while True:
                for k in range(len(self.slots)):
                    yield from self.feed(k)
                busy = [s for s in self.slots if s.tasks]
                if not busy:
                    if self.take_pending():
                        continue
                    return
                deadline = min(s.started for s in busy) + self.timeout
                ready = wait(
                    [s.conn for s in busy] + [s.process.sentinel for s in busy],
                    timeout=max(0.0, min(deadline - time.monotonic(), WATCH_EVERY)),
                )
                for k, slot in enumerate(self.slots):
                    if slot.tasks:
                        yield from self.check(k, slot, ready)
        except BaseException:
            self.close(gently=True)
            raise
        finally:
            self.close()

    def take_pending(self) -> bool:
        item = self.take()
        if item is None:
            return False
        self.again.appendleft(item)
        return True

    def check(self, k: int, slot: _Slot, ready: list[Any]) -> Iterator[tuple[int, R]]:
        item = slot.tasks[0]
        if slot.conn in ready or slot.process.sentinel in ready:
            try:
                _, result, retire = slot.conn.recv()
            except (EOFError, OSError):
                slot.process.join(timeout=5)
                code = slot.process.exitcode
                message = f"the reader process died on this file (exit code {code})"
                slot.tasks.popleft()
                yield self.finish(item, self.fail(item.source, "reader_crashed", message))
                self.replace(k)
                return
            slot.tasks.popleft()
            slot.started = time.monotonic()
            if result is None:  # the file needed more memory than the limit
                result = self.fail(item.source, "too_large", OUT_OF_MEMORY)
            yield self.finish(item, result)
            if retire:  # grown past its share of the limit: a fresh worker for the next files
                self.replace(k)
        elif time.monotonic() - slot.started >= self.timeout:
            message = f"reading took over {self.timeout:g} s: stopped"
            slot.tasks.popleft()
            yield self.finish(item, self.fail(item.source, "timeout", message))
            self.replace(k)
        elif self.limit is not None and _rss(slot.process.pid) - slot.base_rss > self.limit:
            slot.tasks.popleft()
            yield self.finish(item, self.fail(item.source, "too_large", OUT_OF_MEMORY))
            self.replace(k)

    def close(self, gently: bool = False) -> None:
        slots, self.slots = self.slots, []
        for slot in slots:
            with contextlib.suppress(OSError):
                slot.conn.send(None)
        for slot in slots:
            if gently:
                slot.process.terminate()
            slot.process.join(timeout=2 if gently else 1)
            if slot.process.is_alive():
                slot.process.kill()
                slot.process.join()
            slot.conn.close()
