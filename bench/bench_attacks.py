"""What each attack file of issue 14 costs now: peak memory and time, one process per file.

    .venv/bin/python bench/bench_attacks.py [--batch]

Every case of ``tests/fixtures/make_attacks.py`` (hidden text in each form, honest controls,
files made to cost memory or time) is read, understood and scored against the committed
rubrics in a fresh process under the workers' memory limit (1 GiB), which reports its peak
resident memory (``ru_maxrss``, a warmed-up process: about 100 MiB of it is the engine and its
vocabulary), the seconds of each step, the status and the warnings. The
figures the issue measured before (a worker at 12 GB, understanding at 225 s) are printed
beside the cases they came from. ``--batch`` also runs the whole set with the honest samples
through ``matcher score`` in one batch, as ``tests/test_attacks.py`` does, and prints its
time and the peak memory of its process tree.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fixtures import make_attacks  # noqa: E402

# What issue 14 measured on these files before the work on it (same machine class).
BEFORE = {
    "costly_cid_width_range.pdf": "12 GB, 45 s",
    "costly_docx_bomb.docx": "6.3 GB, 54 s, error",
    "costly_token_letters.txt": "225 s understanding",
    "costly_self_contents.pdf": "never returns",
    "costly_deep.json": "RecursionError",
}


def one(path: str) -> None:
    """Read, understand and score one file in this process; print its figures as JSON."""
    from matcher.errors import MatcherError
    from matcher.pipeline.workers import MEMORY_LIMIT, limit_memory
    from matcher.read.reader import read_document
    from matcher.resume.understand import understand
    from matcher.rubric.io import load_rubrics
    from matcher.scoring.score import score_many

    rubrics = load_rubrics([ROOT / "rubrics"])
    # Warm up (imports, the vocabulary's first load), so the figures are the file's own.
    warm = read_document(ROOT / "samples" / "en_chef.pdf")
    score_many(understand(warm, date(2026, 11, 23)), rubrics)
    limit_memory(MEMORY_LIMIT)
    t0 = time.perf_counter()
    figures: dict[str, object] = {"status": "ok", "warnings": []}
    try:
        doc = read_document(path)
    except MatcherError as e:
        figures.update(status=e.status, message=e.message)
    except MemoryError:
        figures.update(status="too_large", message="memory limit")
    figures["read"] = time.perf_counter() - t0
    if figures["status"] == "ok":
        t1 = time.perf_counter()
        resume = understand(doc, date(2026, 11, 23))
        t2 = time.perf_counter()
        score_many(resume, rubrics)
        figures.update(
            understand=t2 - t1, score=time.perf_counter() - t2, warnings=list(doc.warnings)
        )
    figures["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(figures))


def table(folder: Path) -> None:
    print("| file | status | read s | understand s | score s | peak MiB | before |")
    print("|---|---|---|---|---|---|---|")
    for path in make_attacks.write_all(folder):
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        try:
            f = json.loads(out.stdout.strip().splitlines()[-1])
        except (IndexError, json.JSONDecodeError):
            print(f"| {path.name} | process failed: exit {out.returncode} | | | | | |")
            continue
        status = f["status"]
        if any(w.startswith("hidden_text") for w in f["warnings"]):
            status += ", hidden_text"
        cells = [f"{f[k]:.2f}" if k in f else "" for k in ("read", "understand", "score")]
        print(
            f"| {path.name} | {status} | {' | '.join(cells)} | {f['peak_mib']:.0f} "
            f"| {BEFORE.get(path.name, '')} |"
        )


def batch(folder: Path) -> None:
    from tests.conftest import RUBRICS, SAMPLES
    from tests.test_attacks import run_measured

    honest = sorted(str(p) for p in SAMPLES.iterdir() if p.suffix in (".pdf", ".txt"))
    res, took, peak = run_measured(
        [
            "score", str(folder), *honest, "--rubric", str(RUBRICS), "-o",
            str(folder.parent / "ranking.parquet"), "--jobs", "2", "--as-of", "2026-11-23",
            "--no-cache",
        ]
    )  # fmt: skip
    print(
        f"\nbatch: {len(make_attacks.ATTACKS)} attack files + {len(honest)} honest through "
        f"matcher score --jobs 2: {took:.1f} s, peak tree memory {peak / 2**20:.0f} MiB, "
        f"exit {res.returncode}"
    )


def main() -> None:
    if sys.argv[1:2] == ["--one"]:
        one(sys.argv[2])
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "attacks"
        table(folder)
        if "--batch" in sys.argv:
            batch(folder)


if __name__ == "__main__":
    main()
