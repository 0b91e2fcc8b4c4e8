"""Gazetteer cost: first build, cached load time and resident memory, table size.

Each measurement runs in a fresh interpreter (a load must not find the table
already in memory). Writes bench/results/geo.json. Run from the checkout:

    PYTHONPATH=src python bench/geo.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

PROBE = """
import json, resource, time, os
t0 = time.perf_counter()
from newsprism.geo.gazetteer import table, _cache_dir, _cache_name
t = table()
elapsed = time.perf_counter() - t0
path = _cache_dir() / _cache_name()
print(json.dumps({
    "seconds": round(elapsed, 3),
    "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    # a cold cache is built by a child process: its peak, 0 when the cache was warm
    "build_child_max_rss_mb": round(
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
    "features": len(t), "keys": len(t.keys),
    "cache_mb": round(path.stat().st_size / 2**20, 1),
}))
"""


def _probe(env: dict[str, str]) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True,
                         check=True)  # fmt: skip
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    import os

    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "NEWSPRISM_CACHE": cache}
        first = _probe(env)
        loads = [_probe(env) for _ in range(3)]
    baseline = subprocess.run(
        [sys.executable, "-c", "import resource, newsprism.records, numpy; "
         "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    result = {
        "what": "newsprism.geo.gazetteer.table(): first use builds and caches, later uses load",
        "first_build": first,
        "cached_load_seconds": sorted(x["seconds"] for x in loads),
        "cached_load_max_rss_mb": max(x["max_rss_mb"] for x in loads),
        "interpreter_with_numpy_rss_mb": round(float(baseline.stdout), 1),
        "features": first["features"],
        "keys": first["keys"],
        "cache_mb": first["cache_mb"],
    }
    target = Path(__file__).parent / "results" / "geo.json"
    target.write_text(json.dumps(result, indent=1) + "\n")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
