"""The benchmarks in bench/ still import against the library: a renamed function must not
leave a bench that only fails when someone runs it to measure something."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.mark.parametrize("name", sorted(p.stem for p in BENCH.glob("*.py")))
def test_a_bench_script_imports(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(BENCH))
    try:
        importlib.import_module(name)  # a bench runs nothing on import (a __main__ guard)
    finally:
        for mod in [
            m for m, v in sys.modules.items() if str(BENCH) in str(getattr(v, "__file__", ""))
        ]:
            sys.modules.pop(mod, None)
