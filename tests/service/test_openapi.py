"""The service against its own OpenAPI document, with schemathesis: no request the document
allows makes it fail (no 5xx) or answer outside the document (status codes, content types,
response bodies that do not match their schemas)."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed")

from hypothesis import HealthCheck, settings  # noqa: E402

from matcher.rubric.io import load_rubric  # noqa: E402
from matcher.service.app import create_app  # noqa: E402
from matcher.service.limits import Limits  # noqa: E402
from tests.conftest import RUBRICS  # noqa: E402

APP = create_app(
    [load_rubric(RUBRICS / "004_d832d627ee032451-3.toml")],
    limits=Limits(max_bytes=200_000, max_files=3, seconds=20),
)
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)
CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
]


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_service_keeps_to_its_openapi_document(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=CHECKS)
