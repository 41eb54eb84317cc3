"""Resume understanding on real resumes: dated roles, education level, years of experience.

Reads every PDF under ../shared/data/livecareer-resumes-dev/pdf (skips cleanly when absent),
runs ``understand`` on each and prints:

- the share with an experience section and at least one dated role (aim: >= 95%),
- the share with an education level (aim: >= 90%), and the levels found,
- how often a role has a title and an organisation,
- the distribution of years of experience,
- the same two shares for a naive baseline measured in the same run (any date range or degree
  word anywhere in the text), so the figures read as a ratio against it,
- a few misses of each kind, to look at.

Usage: .venv/bin/python bench/bench_resume.py [--as-of YYYY-MM-DD] [--jobs N] [--misses N]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from matcher.errors import MatcherError
from matcher.read.reader import read_document
from matcher.resume.understand import understand
from matcher.vocab.levels import LEVELS

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "livecareer-resumes-dev"
NAIVE_RANGE = re.compile(r"(?:19|20)\d{2}\s*(?:-|to)\s*(?:(?:19|20)\d{2}|present|current)", re.I)
NAIVE_DEGREE = re.compile(r"bachelor|master|ph\.?d|associate|high school|diploma|mba", re.I)


@dataclass(frozen=True)
class Row:
    """What one resume gave."""

    name: str
    ok: bool
    has_exp_section: bool
    roles: int
    titled: int
    with_org: int
    years: float
    level: str | None
    naive_range: bool
    naive_degree: bool
    first_lines: str
    error: str = ""


def one(path_and_as_of: tuple[Path, date]) -> Row:
    """Read and understand one PDF (runs in a worker process)."""
    path, as_of = path_and_as_of
    name = f"{path.parent.name}/{path.name}"
    try:
        doc = read_document(path)
    except MatcherError as e:
        return Row(name, False, False, 0, 0, 0, 0.0, None, False, False, "", str(e))
    r = understand(doc, as_of=as_of)
    work = [x for x in r.roles if x.kind == "work"]
    return Row(
        name,
        True,
        any(s.name == "experience" for s in r.sections),
        len(work),
        sum(1 for x in work if x.title),
        sum(1 for x in work if x.organisation),
        r.years_experience,
        r.education.value if r.education else None,
        bool(NAIVE_RANGE.search(doc.text)),
        bool(NAIVE_DEGREE.search(doc.text)),
        " / ".join(line for line in doc.text.split("\n")[:3] if line.strip())[:100],
    )


def pct(n: int, d: int) -> str:
    return f"{n}/{d} = {100 * n / d:.1f}%" if d else "n/a"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--as-of", type=date.fromisoformat, default=date.today())
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--misses", type=int, default=5)
    args = ap.parse_args()
    folder = DATA / "pdf"
    files = sorted(folder.rglob("*.pdf")) if folder.exists() else []
    if not files:
        print(f"skip: {folder} is not here (optional development data)")
        return 0
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        rows = list(pool.map(one, [(f, args.as_of) for f in files], chunksize=4))
    read = [r for r in rows if r.ok]
    n = len(read)
    dated = [r for r in read if r.has_exp_section and r.roles >= 1]
    leveled = [r for r in read if r.level]
    roles = sum(r.roles for r in read)
    print(f"resumes: {len(rows)} PDFs, {n} read, as_of {args.as_of}")
    print(f"experience section + >= 1 dated role: {pct(len(dated), n)}  (aim >= 95%)")
    print(f"  any dated role (with or without heading): {pct(sum(r.roles >= 1 for r in read), n)}")
    print(f"education level found:                {pct(len(leveled), n)}  (aim >= 90%)")
    levels = Counter(r.level for r in leveled)
    print("  levels: " + ", ".join(f"{lv} {levels[lv]}" for lv in reversed(LEVELS)))
    print(
        f"roles: {roles} dated work roles, {roles / max(n, 1):.1f} per resume; "
        f"with title {pct(sum(r.titled for r in read), roles)}, "
        f"with organisation {pct(sum(r.with_org for r in read), roles)}"
    )
    naive_r = sum(r.naive_range for r in read)
    naive_d = sum(r.naive_degree for r in read)
    print(
        f"baseline (naive regex anywhere): date range {pct(naive_r, n)}, degree word "
        f"{pct(naive_d, n)}; ratio ours/baseline: roles "
        f"{len(dated) / max(naive_r, 1):.2f}, education {len(leveled) / max(naive_d, 1):.2f}"
    )
    years = sorted(r.years for r in read)
    if len(years) >= 2:
        dec, qua = statistics.quantiles(years, n=10), statistics.quantiles(years, n=4)
        print(
            f"years of experience: min {years[0]:.1f}, p10 {dec[0]:.1f}, p25 {qua[0]:.1f}, "
            f"median {qua[1]:.1f}, p75 {qua[2]:.1f}, p90 {dec[8]:.1f}, max {years[-1]:.1f}"
        )
    buckets = [(0, 0.001, "0"), (0.001, 2, "<2"), (2, 5, "2-5"), (5, 10, "5-10")]
    buckets += [(10, 20, "10-20"), (20, 30, "20-30"), (30, 1e9, "30+")]
    print(
        "  histogram: "
        + ", ".join(f"{label} {sum(lo <= y < hi for y in years)}" for lo, hi, label in buckets)
    )
    for title, miss in (
        ("no experience section or no dated role", [r for r in read if r not in dated]),
        ("no education level", [r for r in read if not r.level]),
        ("unreadable", [r for r in rows if not r.ok]),
    ):
        if miss:
            print(f"misses, {title} ({len(miss)}):")
            for r in miss[: args.misses]:
                why = r.error or f"exp section {r.has_exp_section}, roles {r.roles}"
                print(f"  {r.name}: {why} | {r.first_lines}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
