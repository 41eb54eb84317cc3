"""Tests for matcher.vocab.titles."""

from __future__ import annotations

import os
import subprocess
import sys

PAIRS = [
    ("UNMANNED AVIATION TECHNICIAN SUPERVISOR", "Aviation Electrical Technician"),
    ("BUSINESS DEVELOPMENT SPECIALIST", "Business Development Manager"),
    ("Supervisor Public Safety/ Digital Media Tech", "Digital Media Specialist"),
]
SCRIPT = (
    "from matcher.vocab.titles import title_similarity as t\n"
    f"print([repr(t(a, b)) for a, b in {PAIRS!r}])"
)


def test_title_similarity_is_the_same_bits_whatever_the_hash_seed() -> None:
    """Regression: the sums ran in set order, which follows the process's string hashing, so
    two workers (or Dask workers) wrote evidence differing in the last bit (issue 18)."""
    out = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True)
        assert run.returncode == 0, run.stderr.decode()
        out.add(run.stdout)
    assert len(out) == 1
