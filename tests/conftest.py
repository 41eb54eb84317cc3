"""Shared test helpers: paths to the bundled samples, rubrics and the optional shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
RUBRICS = ROOT / "rubrics"
SEEDS = ROOT / "seeds"
SHARED_DATA = ROOT.parent / "shared" / "data"


def shared(sub: str) -> Path:
    """A folder under ../shared/data, or skip the test cleanly when it is absent."""
    path = SHARED_DATA / sub
    if not path.exists():
        pytest.skip(f"{path} is not here (optional development data)")
    return path
