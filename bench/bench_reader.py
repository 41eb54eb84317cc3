"""PDF readers side by side: ms/page with pdfminer and with pdfium, and how alike their texts are.

    .venv/bin/python bench/bench_reader.py [--files N] [--repeat R] [--profile]

One process, one core, the same files: each file is read by both readers in turn (best of
``--repeat``), so machine noise hits both alike. Each read is the whole reader
(``read_bytes``: hidden-text checks, reading order, running headers, the quality gate,
normalisation), OCR off. Then, per file: the text similarity of the two Documents (difflib's
ratio over characters), whether the warnings (the hidden-text findings among them) and the
statuses agree, and how many files pdfium left to pdfminer (pictures, forms, optional
content). Files: ../shared/data/livecareer-resumes-dev/pdf when present, else samples/*.pdf.
"""

from __future__ import annotations

import argparse
import cProfile
import difflib
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from matcher.errors import ReadError  # noqa: E402
from matcher.read import pdfium  # noqa: E402
from matcher.read.reader import read_bytes  # noqa: E402

LIVECAREER = ROOT.parent / "shared" / "data" / "livecareer-resumes-dev" / "pdf"


def read(data: bytes, reader: str) -> tuple[str, str, tuple[str, ...], int]:
    """(status, text, warnings, pages) of one read."""
    try:
        doc = read_bytes(data, label="x.pdf", suffix=".pdf", ocr=False, reader=reader)  # type: ignore[arg-type]
    except ReadError as e:
        return e.status, "", (), 0
    return "ok", doc.text, doc.warnings, len(doc.pages)


def timed(
    data: bytes, reader: str, repeat: int
) -> tuple[float, tuple[str, str, tuple[str, ...], int]]:
    best, out = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        out = read(data, reader)
        best = min(best, time.perf_counter() - t)
    assert out is not None
    return best, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=0, help="read only the first N files (0: all)")
    ap.add_argument("--repeat", type=int, default=1, help="best of R reads per file and reader")
    ap.add_argument("--profile", action="store_true", help="profile pdfium's reads")
    args = ap.parse_args()
    files = sorted(LIVECAREER.glob("*/*.pdf")) or sorted((ROOT / "samples").glob("*.pdf"))
    where = "livecareer" if LIVECAREER.exists() else "samples"
    if args.files:
        files = files[: args.files]
    blobs = [f.read_bytes() for f in files]
    read(blobs[0], "pdfium"), read(blobs[0], "pdfminer")  # imports and caches
    seconds = {"pdfminer": 0.0, "pdfium": 0.0}
    pages = fallback = same_warnings = same_status = identical = 0
    sims: list[float] = []
    worst: list[tuple[float, str]] = []
    for f, data in zip(files, blobs, strict=True):
        t_miner, a = timed(data, "pdfminer", args.repeat)
        t_fast, b = timed(data, "pdfium", args.repeat)
        seconds["pdfminer"] += t_miner
        seconds["pdfium"] += t_fast
        pages += max(a[3], 1)
        try:
            pdfium.glyph_pages(data, 30)
        except pdfium.Fallback:
            fallback += 1
        except ReadError:
            pass
        same_status += a[0] == b[0]
        same_warnings += a[2] == b[2]
        if a[0] == b[0] == "ok":
            sim = difflib.SequenceMatcher(None, a[1], b[1], autojunk=False).ratio()
            sims.append(sim)
            identical += a[1] == b[1]
            worst.append((sim, f"{f.parent.name}/{f.name}"))
    miner, fast = (1000 * seconds[r] / pages for r in ("pdfminer", "pdfium"))
    print(f"{where}: {len(files)} PDFs, {pages} pages, best of {args.repeat} per file and reader")
    print(f"  pdfminer  {miner:8.1f} ms/page")
    print(f"  pdfium    {fast:8.1f} ms/page   ({miner / fast:.1f}x faster)")
    print(
        f"  read by pdfminer under --reader pdfium (pictures, forms, optional content): {fallback}"
    )
    print(f"  same status {same_status}/{len(files)}, same warnings {same_warnings}/{len(files)}")
    if sims:
        qs = statistics.quantiles(sims, n=20) if len(sims) > 1 else [sims[0]] * 19
        print(
            f"  text similarity over {len(sims)} read by both: identical {identical}, "
            f"min {min(sims):.4f}, p5 {qs[0]:.4f}, median {statistics.median(sims):.4f}, "
            f"mean {statistics.fmean(sims):.5f}"
        )
        for sim, name in sorted(worst)[:3]:
            print(f"    least alike: {name} {sim:.4f}")
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        for data in blobs:
            read(data, "pdfium")
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(15)


if __name__ == "__main__":
    main()
