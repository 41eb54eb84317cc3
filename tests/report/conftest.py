"""A small real run for report tests: four sample resumes (one unreadable) against two rubrics."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from matcher.pipeline.run import Run, run
from matcher.rubric.io import load_rubric
from matcher.rubric.model import Rubric
from tests.conftest import RUBRICS, SAMPLES

AS_OF = date(2026, 11, 23)
JOBS = ("000_1e07a38cda397245-1", "004_d832d627ee032451-3")  # English, and Chinese with findings
RESUMES = ("en_pm_senior_fintech.pdf", "zh_ecommerce_pm_senior.pdf", "en_chef.pdf")


@pytest.fixture(scope="session")
def rubrics() -> list[Rubric]:
    return [load_rubric(RUBRICS / f"{j}.toml") for j in JOBS]


@pytest.fixture(scope="session")
def result(rubrics: list[Rubric], tmp_path_factory: pytest.TempPathFactory) -> Run:
    broken: Path = tmp_path_factory.mktemp("cvs") / "scan.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    paths = [SAMPLES / r for r in RESUMES] + [broken]
    return run(paths, rubrics, as_of=AS_OF, jobs=1)
