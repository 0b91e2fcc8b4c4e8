"""Peak memory of ``newsprism analyze`` on the big hostile inputs (issue 20).

Each input is built into a temporary folder (tests/hostile/make.py: one-line texts of
real news sentences, a ``.warc.gz`` of zeros compressed as a stream) and analyzed by
``python -m newsprism analyze FILE --format json`` in a fresh process under an
address-space guard; its peak RSS comes from the kernel's accounting of that process
(``wait4``). ``--src`` runs another checkout's code (the code before a change).

    python bench/hostile.py --output bench/results/hostile.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "hostile"))

from make import MB, SENTENCES, run_measured, write_bomb_warc  # noqa: E402 (the tests' generator)

INPUTS = ("one_line_500k.txt", "one_line_999k.txt", "one_line_20mb.txt", "zeros_5gib.warc.gz")


def build(folder: Path, name: str) -> Path:
    path = folder / name
    if name.endswith(".warc.gz"):
        write_bomb_warc(path, 5 * 2**30)
        return path
    size = {"500k": 500_000, "999k": 999_000, "20mb": 20 * MB}[name.split("_")[-1][:-4]]
    unit = SENTENCES + " "
    with path.open("w", encoding="utf-8") as out:
        out.write("One long line\n")
        left = size
        while left > 0:
            out.write(unit[:left])
            left -= len(unit)
    return path


def measure(path: Path, src: Path, limit_gb: float) -> dict[str, Any]:
    ran = run_measured(
        ["analyze", str(path), "--format", "json"],
        limit_gb=limit_gb,
        timeout=1800,
        cwd=path.parent,
        src=src,
    )
    try:
        report = json.loads(ran.stdout)
        said: dict[str, Any] = {
            "articles": len(report["articles"]),
            "skipped": [s["reason"] for s in report["skipped"]],
            "notes": [
                n for a in report["articles"] for n in a.get("analysis", {}).get("notes", [])
            ],
        }
    except ValueError:
        said = {"stderr": ran.stderr[-300:]}
    return {"exit": ran.code, "peak_mb": round(ran.peak_mb), "timed_out": ran.timed_out, **said}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", default=str(ROOT / "src"), help="the code to run")
    ap.add_argument("--limit-gb", type=float, default=4.0, help="address-space guard")
    ap.add_argument("--inputs", default=",".join(INPUTS))
    ap.add_argument("--output", default=str(ROOT / "bench" / "results" / "hostile.json"))
    args = ap.parse_args()
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.inputs.split(","):
            path = build(Path(tmp), name)
            results[name] = {
                "bytes": path.stat().st_size,
                **measure(path, Path(args.src), args.limit_gb),
            }
            print(name, json.dumps(results[name]), file=sys.stderr)
            path.unlink()
    out = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores (shared), "
        f"Python {platform.python_version()}",
        "command": "python -m newsprism analyze FILE --format json",
        "note": (
            f"peak RSS of that one process (wait4), under a {args.limit_gb:g} GB address-space "
            "guard; one fresh process per input"
        ),
        "inputs": results,
    }
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(out, indent=2) + "\n")
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
