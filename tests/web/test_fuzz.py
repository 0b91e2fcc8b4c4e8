"""The API against its own OpenAPI description, fuzzed (schemathesis): whatever a client
sends within or around the described parameters, the answer is never a 500, its status is
one the description lists, and its content type is the one it declares."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    status_code_conformance,
)

from newsprism.config import Settings
from newsprism.web import create_app

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
]


def _app(story_db: Path, tmp_path: Path) -> FastAPI:
    db = tmp_path / "fuzz.db"
    db.write_bytes(story_db.read_bytes())
    # schemathesis names the host "localhost"; "testserver" too, for its other clients
    return create_app(str(db), settings=Settings(allowed_hosts="testserver"))


def test_api_answers_as_described(story_db: Path, tmp_path: Path) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", _app(story_db, tmp_path))
    tested = []
    for found in schema.get_all_operations():
        operation = found.ok()

        @settings(
            max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck)
        )
        @given(case=operation.as_strategy())
        def exercise(case: Any) -> None:
            # a first article loads the models: allow for that on a busy machine
            case.call_and_validate(checks=CHECKS, timeout=120)

        exercise()
        tested.append(operation.label)
    assert "GET /api/stories/{story_id}/facts" in tested and "POST /api/articles" in tested


def _nested(depth: int) -> Any:
    body: Any = []
    for _ in range(depth):
        body = [body]
    return body


HOSTILE = {
    "nested 1,000 deep": _nested(1_000),
    "nested 5,000 deep": {"articles": _nested(5_000)},
    "a lone surrogate": {"title": "Quake", "text": "\ud800 struck the coast on Friday."},
    "a lone surrogate in a key": {"\udfff": "x", "text": "Quake struck the coast."},
    "an integer of 5,000 digits": {"text": "Quake struck.", "count": 10**4_999},
}


def test_hostile_json_bodies_answer_as_described(story_db: Path, tmp_path: Path) -> None:
    """The bodies that once made 500s, sent through the same checks as the fuzzing."""
    schema = schemathesis.openapi.from_asgi("/openapi.json", _app(story_db, tmp_path))
    operation = schema["/api/articles"]["POST"]
    limit, digits = sys.getrecursionlimit(), sys.get_int_max_str_digits()
    sys.setrecursionlimit(20_000)  # to serialise the bodies in this process
    sys.set_int_max_str_digits(0)
    statuses = {}
    try:
        for name, body in HOSTILE.items():
            case = operation.Case(body=body, media_type="application/json")
            response = case.call_and_validate(checks=CHECKS, timeout=120)
            statuses[name] = response.status_code
    finally:
        sys.setrecursionlimit(limit)
        sys.set_int_max_str_digits(digits)
    assert statuses == {
        "nested 1,000 deep": 400,
        "nested 5,000 deep": 400,
        "a lone surrogate": 400,
        "a lone surrogate in a key": 400,
        "an integer of 5,000 digits": 400,
    }
