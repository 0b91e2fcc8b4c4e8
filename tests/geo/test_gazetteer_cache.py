"""A cold gazetteer cache: the first run builds the table once, in a child process,
so the caller's memory holds the compact table and not the packages' parsed JSON;
the next run loads what the first one wrote."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, resource
from newsprism.geo.gazetteer import table
t = table()
# this process's own peak (VmHWM: counted from its exec, unlike ru_maxrss, which keeps
# the size of the large pytest process it was forked from)
hwm = next(l for l in open("/proc/self/status") if l.startswith("VmHWM:"))
print(json.dumps({
    "rows": len(t),
    "self_mb": int(hwm.split()[1]) / 1024,
    "child_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    "damascus": sorted({t.country(r) for r, _ in t.rows("damascus")}),
}))
"""


def _probe(cache: Path) -> dict[str, Any]:
    env = {**os.environ, "NEWSPRISM_CACHE": str(cache), "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def test_cold_cache_is_built_in_a_child_and_reused(tmp_path: Path) -> None:
    first = _probe(tmp_path)
    assert first["rows"] and "SY" in first["damascus"]
    # the build ran in a child; the caller holds only the loaded table
    assert first["child_mb"] > first["self_mb"]
    assert first["self_mb"] < 400
    assert len(list(tmp_path.glob("*.pickle"))) == 1
    assert not list(tmp_path.glob("*.tmp"))
    # a second run loads the table written by the first, building nothing
    second = _probe(tmp_path)
    assert second["rows"] == first["rows"] and second["damascus"] == first["damascus"]
    assert second["child_mb"] < 100
