"""The service's application over two committed rubrics, and a client for it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from matcher.rubric.io import load_rubric
from matcher.rubric.model import Rubric
from tests.conftest import RUBRICS

pytest.importorskip("fastapi", reason="the serve extra is not installed")

from fastapi.testclient import TestClient

from matcher.service.app import create_app
from matcher.service.limits import Limits

JOBS = ("000_1e07a38cda397245-1", "004_d832d627ee032451-3")


@pytest.fixture(scope="session")
def rubrics() -> list[Rubric]:
    return [load_rubric(RUBRICS / f"{j}.toml") for j in JOBS]


@pytest.fixture(scope="module")
def client(rubrics: list[Rubric]) -> Iterator[TestClient]:
    with TestClient(create_app(rubrics, limits=Limits(max_bytes=2_000_000, max_files=5))) as c:
        yield c
