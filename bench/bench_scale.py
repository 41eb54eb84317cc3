"""Scale: resumes/s, ms per resume x rubric pair and peak memory for batches of 1k, 10k, 100k.

Synthetic text resumes are built from the lines of the dev livecareer resumes
(``../shared/data/livecareer-resumes-dev``; skipped cleanly when absent), so the vocabulary,
headings and dates are real: each is one real resume's lines with about a third of them
swapped for lines of other resumes, and a line of its own, so no two share content. They are
scored against 50 rubrics (the committed ``rubrics/``, the quality bench's ``bench/postings/``
compiled, and a few variants with an added alias) with ``score_files`` (what ``matcher score``
runs: workers on every core, rows spooled to disk, ranking written as Parquet), three times:

- cold: an empty cache (reading, understanding and scanning every file);
- warm: the same command again (every file is read and hashed, its rows come from the bulk
  store of credits, ``matcher.pipeline.credits``: no worker runs);
- reweigh: the same resumes against the 50 rubrics with tuned weights (same terms: rows come
  from the same stored credits, nothing is scanned).

Peak RSS is the largest sum, sampled every 0.2 s, of the resident memory of this process and
every process under it (workers, the fork server). Targets (issue 18, 2 cores): 100k x 50
cold < 10 min, warm < 3 min, reweigh < 10 s, peak RSS < 1 GB at every size.

``--distinct N`` makes each size's files share N contents (file i holds content i % N): the
cold run then scores N resumes and finds the others in the cache, which measures the
pipeline's own costs and memory at that many files when scoring every one would take hours.

Run: .venv/bin/python bench/bench_scale.py [--sizes 1000,10000,100000] [--jobs 2] [--distinct N]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import shutil
import tempfile
import threading
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from matcher.compiler.criteria import compile_file
from matcher.pipeline.run import score_files
from matcher.pipeline.workers import read_many
from matcher.read.cache import ReadCache
from matcher.rubric.io import load_rubrics
from matcher.rubric.model import Rubric

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "livecareer-resumes-dev"
AS_OF = date(2026, 11, 23)
N_RUBRICS = 50
SCRATCH = Path(os.environ.get("MATCHER_BENCH_DIR", tempfile.gettempdir())) / "matcher-bench-scale"


def rubrics() -> list[Rubric]:
    """50 rubrics: the committed ones, the quality bench's postings, variants with an alias."""
    out = load_rubrics([ROOT / "rubrics"])
    out += [compile_file(p)[0] for p in sorted((ROOT / "bench" / "postings").glob("*.txt"))]
    base = list(out)
    k = 0
    while len(out) < N_RUBRICS:
        r = base[k % len(base)]
        c = r.criteria[0]
        extra = replace(c, aliases=(*c.aliases, f"{c.label} specialist"))
        out.append(replace(r, job_id=f"{r.job_id}-v{k}", criteria=(extra, *r.criteria[1:])))
        k += 1
    return out[:N_RUBRICS]


def tuned(rs: list[Rubric]) -> list[Rubric]:
    """The same rubrics with new weights (0.5x to 2x), as ``matcher tune`` writes them."""
    rng = random.Random(7)
    return [
        r.with_weights({c.id: c.weight * rng.uniform(0.5, 2.0) for c in r.criteria}) for r in rs
    ]


def real_texts() -> list[list[str]]:
    """The dev livecareer resumes' lines (read once, through a cache in the scratch folder)."""
    files = [str(DATA / row["file"]) for row in csv.DictReader((DATA / "labels.csv").open())]
    reads = read_many(files, cache=ReadCache(SCRATCH / "read-cache"))
    return [r.document.text.splitlines() for r in reads if r.document is not None]


def make_resumes(folder: Path, n: int, texts: list[list[str]], distinct: int) -> None:
    """``n`` synthetic resumes in ``folder``, ``distinct`` different contents among them.

    With ``distinct < n``, file ``i`` holds content ``i % distinct`` (the same bytes as the
    ``distinct``-file set's file), so a cold run scores ``distinct`` resumes and finds the
    rest in the cache: the pipeline's own costs (reading, hashing, rows, spool, ranking) at
    ``n`` files, at a tenth of the scoring time. Kept between runs of the bench.
    """
    if folder.is_dir() and len(os.listdir(folder)) == n:
        return
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    pool = [line for t in texts for line in t if len(line) > 20]
    rng = random.Random(distinct)
    contents = []
    for i in range(n):
        if i >= distinct:
            data = contents[i % distinct]
        else:
            lines = list(rng.choice(texts))
            for k in range(len(lines)):
                if len(lines[k]) > 20 and rng.random() < 0.33:
                    lines[k] = rng.choice(pool)
            lines.insert(1, f"Candidate reference {i:06d}")
            data = "\n".join(lines)
            if distinct < n:
                contents.append(data)
        (folder / f"r{i:06d}.txt").write_text(data, encoding="utf-8")


class PeakRSS:
    """The largest resident memory of this process and all under it, sampled in a thread."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        page = os.sysconf("SC_PAGE_SIZE")
        while not self._stop.is_set():
            self.peak = max(self.peak, sum(_rss(p, page) for p in _tree(os.getpid())))
            self._stop.wait(0.2)


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(d))
            except (OSError, ValueError, IndexError):
                pass
    out, todo = [], [root]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += children.get(p, [])
    return out


def _rss(pid: int, page: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * page
    except (OSError, ValueError, IndexError):
        return 0


def measure(label: str, folder: Path, rs: list[Rubric], cache: Path, jobs: int, n: int) -> float:
    out = SCRATCH / "ranking.parquet"
    with PeakRSS() as mem:
        t0 = time.perf_counter()

        def progress(done: int, total: int) -> None:
            # A line every tenth of a large run: a run cut short still says how it went.
            if total >= 10_000 and done % (total // 10) == 0 and done < total:
                t = time.perf_counter() - t0
                print(
                    f"         ({label}: {done} files in {t:.0f} s, {done / t:.0f}/s, "
                    f"peak RSS so far {mem.peak / 2**20:.0f} MiB)",
                    flush=True,
                )

        got = score_files(
            [folder], rs, out=out, as_of=AS_OF, jobs=jobs, cache=cache, progress=progress
        )
        t = time.perf_counter() - t0
    assert not got.failed, got.failed[:3]
    pairs = n * len(rs)
    print(
        f"{n:>7}  {label:8}{t:9.1f} s{n / t:10.0f}{1000 * t / pairs:11.4f}"
        f"{1000 * t * jobs / pairs:13.4f}{mem.peak / 2**20:10.0f} MiB",
        flush=True,
    )
    return t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument(
        "--distinct",
        type=int,
        default=0,
        help="different contents per size (default: every file its own)",
    )
    args = ap.parse_args()
    if not (DATA / "labels.csv").exists():
        print(f"(skipped: {DATA} is not here)")
        return
    SCRATCH.mkdir(parents=True, exist_ok=True)
    texts = real_texts()
    rs = rubrics()
    load = os.getloadavg()[0]
    print(
        f"{len(texts)} real resumes' lines; {len(rs)} rubrics; {args.jobs} workers; "
        f"{os.cpu_count()} cores, load average {load:.1f} at the start"
    )
    print(
        f"{'resumes':>7}  {'run':8}{'wall':>11}{'resumes/s':>10}{'ms/pair':>11}"
        f"{'core-ms/pair':>13}{'peak RSS':>14}"
    )
    for n in (int(s) for s in args.sizes.split(",")):
        distinct = min(n, args.distinct or n)
        folder = SCRATCH / (f"resumes-{n}" + (f"-of-{distinct}" if distinct < n else ""))
        make_resumes(folder, n, texts, distinct)
        if distinct < n:
            print(f"({n} files, {distinct} different contents: the cold run scores {distinct})")
        cache = SCRATCH / f"cache-{n}"
        shutil.rmtree(cache, ignore_errors=True)
        measure("cold", folder, rs, cache, args.jobs, n)
        measure("warm", folder, rs, cache, args.jobs, n)
        measure("reweigh", folder, tuned(rs), cache, args.jobs, n)
        shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
