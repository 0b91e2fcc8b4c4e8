"""Nearest-neighbour libraries compared on lead vectors: build, query, recall, memory.

100,000 vectors (512-d, real lead embeddings with perturbations, as in bench/scale.py), 2,000
queries, k=32, recall@10 against the exact answer. Needs the `bench` extra (faiss-cpu, hnswlib).
Each library runs in a fresh process so its memory is its own. Writes bench/results/ann.json.
"""

from __future__ import annotations

import json
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parent / "results" / "ann.json"
N, Q, K, DIM = 100_000, 2_000, 32, 512


def _data() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    bases = np.load(Path(__file__).resolve().parent / "results" / ".scale-bases.npz")["leads"]
    x = bases[rng.integers(len(bases), size=N)] + rng.normal(0, 0.03, (N, DIM))
    x = (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)
    q = x[:Q] + rng.normal(0, 0.01, (Q, DIM)).astype(np.float32)
    return x, (q / np.linalg.norm(q, axis=1, keepdims=True)).astype(np.float32)


def one(lib: str) -> dict[str, float | str]:
    x, q = _data()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t = time.perf_counter()
    if lib == "usearch":
        from usearch.index import Index

        ix = Index(ndim=DIM, metric="cos", dtype="i8", connectivity=16)
        ix.add(np.arange(N), x)
        build = time.perf_counter() - t
        t = time.perf_counter()
        found = [list(ix.search(v, K).keys) for v in q]
    elif lib == "faiss":
        import faiss

        ix = faiss.IndexHNSWFlat(DIM, 16, faiss.METRIC_INNER_PRODUCT)
        ix.add(x)
        build = time.perf_counter() - t
        t = time.perf_counter()
        found = [list(ix.search(v[None, :], K)[1][0]) for v in q]
    else:
        import hnswlib

        ix = hnswlib.Index(space="cosine", dim=DIM)
        ix.init_index(max_elements=N, M=16, ef_construction=128)
        ix.add_items(x, np.arange(N))
        ix.set_ef(64)
        build = time.perf_counter() - t
        t = time.perf_counter()
        found = [list(ix.knn_query(v, k=K)[0][0]) for v in q]
    query = time.perf_counter() - t
    exact = np.argsort(-(q @ x.T), axis=1)[:, :10]
    recall = np.mean([len(set(e) & set(f[:10])) / 10 for e, f in zip(exact, found, strict=True)])
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    return {
        "library": lib,
        "build_seconds": round(build, 2),
        "queries_per_second": round(Q / query),
        "recall_at_10": round(float(recall), 3),
        "memory_growth_mb": round(grown),
    }


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        print(json.dumps(one(sys.argv[2])))
        return
    rows = []
    for lib in ("usearch", "faiss", "hnswlib"):
        out = subprocess.run(
            [sys.executable, __file__, "--one", lib], capture_output=True, text=True
        )
        rows.append(
            json.loads(out.stdout)
            if out.returncode == 0
            else {"library": lib, "error": out.stderr[-300:]}
        )
        print(rows[-1], flush=True)
    OUT.write_text(
        json.dumps({"machine": f"{platform.machine()} 2 cores", "n": N, "results": rows}, indent=2)
        + "\n"
    )


if __name__ == "__main__":
    main()
