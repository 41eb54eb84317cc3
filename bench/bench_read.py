"""Reading speed: matcher's reader against plain pdfminer extract_text, one core each, same files.

    .venv/bin/python bench/bench_read.py [--files N] [--profile]

Both run in this one process on the same files, alternating file by file so that machine noise
hits both alike. matcher's reader includes everything it does (hidden-text checks, reading
order, running headers, the quality gate, normalisation); the target is a ratio of at most 1.0.
Then the cache (the same batch through ``read_many`` cold and warm) and worker processes (one
against two). Files: samples/*.pdf and,
when present, a fixed subset of ../shared/data/livecareer-resumes-dev/pdf.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

from pdfminer.high_level import extract_text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from matcher.errors import ReadError  # noqa: E402
from matcher.pipeline.workers import read_many  # noqa: E402
from matcher.read.cache import ReadCache  # noqa: E402
from matcher.read.reader import read_bytes  # noqa: E402

LIVECAREER = ROOT.parent / "shared" / "data" / "livecareer-resumes-dev" / "pdf"


def ours(data: bytes) -> int:
    try:
        return len(read_bytes(data, label="x.pdf", suffix=".pdf").pages)
    except ReadError:
        return 0


def plain(data: bytes) -> int:
    return len(extract_text(io.BytesIO(data)))


def timed(fn: object, data: bytes, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn(data)  # type: ignore[operator]
        best = min(best, time.perf_counter() - t)
    return best


def compare(name: str, files: list[Path], repeat: int) -> None:
    blobs = [f.read_bytes() for f in files]
    pages = sum(max(1, ours(b)) for b in blobs)  # also warms imports and caches
    t_ours = t_plain = 0.0
    ratios = []
    for b in blobs:
        a, p = timed(ours, b, repeat), timed(plain, b, repeat)
        t_ours += a
        t_plain += p
        ratios.append(a / p)
    print(
        f"{name}: {len(files)} files, {pages} pages | matcher {1000 * t_ours / pages:.1f} ms/page, "
        f"extract_text {1000 * t_plain / pages:.1f} ms/page | ratio {t_ours / t_plain:.2f} "
        f"(median per file {statistics.median(ratios):.2f}, worst {max(ratios):.2f})"
    )


def cache_speedup(files: list[Path]) -> None:
    sources = [str(f) for f in files]
    with tempfile.TemporaryDirectory() as tmp:
        cache = ReadCache(Path(tmp))
        t = time.perf_counter()
        cold = read_many(sources, 1, cache=cache)
        t_cold = time.perf_counter() - t
        t = time.perf_counter()
        warm = read_many(sources, 1, cache=cache)
        t_warm = time.perf_counter() - t
    assert cold == warm, "a cached read must equal a fresh one"
    print(
        f"cache: {len(files)} files, cold {t_cold:.2f} s, warm {t_warm:.3f} s, "
        f"speedup {t_cold / t_warm:.0f}x (one reader process)"
    )


def parallel(files: list[Path]) -> None:
    sources = [str(f) for f in files]
    times = {}
    for jobs in (1, 2):
        t = time.perf_counter()
        read_many(sources, jobs)
        times[jobs] = time.perf_counter() - t
    print(
        f"jobs: {len(files)} files, 1 worker {times[1]:.2f} s, 2 workers {times[2]:.2f} s, "
        f"speedup {times[1] / times[2]:.2f}x"
    )


def profile(files: list[Path]) -> None:
    blobs = [f.read_bytes() for f in files]
    prof = cProfile.Profile()
    prof.enable()
    for b in blobs:
        ours(b)
    prof.disable()
    pstats.Stats(prof).sort_stats("tottime").print_stats(15)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=20, help="livecareer files to use")
    ap.add_argument("--repeat", type=int, default=1, help="best of N timings per file")
    ap.add_argument("--profile", action="store_true", help="profile matcher's reader")
    args = ap.parse_args()
    samples = sorted((ROOT / "samples").glob("*.pdf"))
    real = sorted(LIVECAREER.glob("*/*.pdf"))
    real = real[:: max(1, len(real) // args.files)][: args.files]
    compare("samples", samples, max(args.repeat, 3))
    if real:
        compare("livecareer", real, args.repeat)
    else:
        print(f"livecareer: {LIVECAREER} not here, skipped")
    cache_speedup(samples + real)
    parallel(samples + real)
    if args.profile:
        profile(real or samples)


if __name__ == "__main__":
    main()
