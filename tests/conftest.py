"""Shared test helpers: paths to the bundled samples, rubrics and the optional shared data."""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# Every run draws the same examples (derandomize, no example database), so a failure in CI is a
# failure on every machine; deadline=None because the machine is shared. HYPOTHESIS_PROFILE=dev
# draws new examples each run and keeps failures in .hypothesis/ while working on a property.
settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
RUBRICS = ROOT / "rubrics"
SEEDS = ROOT / "seeds"
SHARED_DATA = ROOT.parent / "shared" / "data"
FIXTURES = ROOT / "tests" / "fixtures"  # real files made by fixtures/make_fixtures.py


def shared(sub: str) -> Path:
    """A folder under ../shared/data, or skip the test cleanly when it is absent."""
    path = SHARED_DATA / sub
    if not path.exists():
        pytest.skip(f"{path} is not here (optional development data)")
    return path


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Tests never write resume text into the real user cache (~/.cache/matcher)."""
    old = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    yield
    if old is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = old


def zip_bytes(files: dict[str, bytes]) -> bytes:
    """A zip archive (DOCX is one) holding ``files``, built in memory for reader tests."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    return buf.getvalue()
