"""The API against its own OpenAPI description, fuzzed (schemathesis): whatever a client
sends within or around the described parameters, the answer is never a 500, its status is
one the description lists, and its content type is the one it declares."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    status_code_conformance,
)

from newsprism.web import create_app

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
]


def test_api_answers_as_described(story_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "fuzz.db"
    db.write_bytes(story_db.read_bytes())
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(str(db)))
    tested = []
    for found in schema.get_all_operations():
        operation = found.ok()

        @settings(
            max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck)
        )
        @given(case=operation.as_strategy())
        def exercise(case: Any) -> None:
            case.call_and_validate(checks=CHECKS)

        exercise()
        tested.append(operation.label)
    assert "GET /api/stories/{story_id}/facts" in tested and "POST /api/articles" in tested
