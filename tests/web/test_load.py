"""A bounded load test on loopback: 2,000 requests at concurrency 20 against ``newsprism
serve`` in its own process, 0 errors. Latency figures go to artifacts/load.json (they are
reported, not asserted: these machines are noisy)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

from .conftest import ROOT, artifacts


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_load", ROOT / "bench" / "load.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_two_thousand_requests_without_an_error(db_copy: Path) -> None:
    bench = _bench()
    with bench.served(str(db_copy)) as base:
        paths = bench.paths_for(base)
        assert any(p.startswith("/stories/") for p in paths)
        result = bench.load(base, paths, 2000, 20)
    (artifacts() / "load.json").write_text(json.dumps(result, indent=2) + "\n")
    assert result["requests"] == 2000
    assert result["errors"] == 0, result["error_examples"]
