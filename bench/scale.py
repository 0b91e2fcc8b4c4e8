"""Scale benchmark: cluster 10k, 100k and 1M articles; analyze a sample; time and peak memory.

Articles are built from real reports (the ECB+ corpus when ../shared/data has it, else the
repository's fixtures) with perturbations: every synthetic story takes a real base article,
replaces a share of its names and numbers (another event of the same kind) and shifts its lead
embedding; every article of the story drops and adds a few terms and jitters the embedding.
Stories are spread over a year of publication days. Clustering runs as on a feed: one article at
a time through the incremental clusterer (HNSW candidates, stale stories evicted after
WINDOW_DAYS), in a fresh process per size so peak memory is its own. It also runs as a batch
handed to `analyze` (``cluster_signatures``: all articles at once, frequencies of the whole
batch, one refinement pass), for the batch sizes asked.

    python bench/scale.py                 # 10k and 100k, as a feed and as a batch
    python bench/scale.py --sizes 10000 100000 1000000 --batch-sizes

Writes bench/results/scale.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "results" / "scale.json"
ECB = ROOT.parent / "shared" / "data" / "ecbplus" / "ecbplus-topics-1-35.tar.gz"
BASES = ROOT / "bench" / "results" / ".scale-bases.npz"  # cache of analyzed base articles


def _bases() -> dict[str, np.ndarray]:
    """Signatures (term ids, counts) and lead vectors of the real base articles."""
    if BASES.exists():
        z = np.load(BASES)
        if "ids" in z.files:  # a cache of an older signature layout is rebuilt
            return {k: z[k] for k in z.files}
    from newsprism.analyze.pipeline import analyze_articles
    from newsprism.cluster import signature_of
    from newsprism.config import Settings
    from newsprism.ingest import ingest
    from newsprism.ingest.build import build_articles

    if ECB.exists():
        from newsprism.evaluate.stories import read_ecbplus

        docs = [d for d, _ in read_ecbplus(ECB)]
        articles, _ = build_articles(docs, Settings())
    else:
        found = ingest([str(ROOT / "examples"), str(ROOT / "tests" / "data")])
        articles = list(found.articles)
    t = time.perf_counter()
    analyses = analyze_articles(articles, Settings(), processes=2)
    analyze_s = time.perf_counter() - t
    sigs = [signature_of(a, x) for a, x in zip(articles, analyses, strict=True)]
    sigs = [s for s in sigs if s.lead.size]
    width = max(len(s.ids) for s in sigs)
    ids = np.full((len(sigs), width), -1, dtype=np.int32)
    counts = np.zeros((len(sigs), width), dtype=np.float32)
    for i, s in enumerate(sigs):
        ids[i, : len(s.ids)] = s.ids
        counts[i, : len(s.counts)] = s.counts
    data = {
        "ids": ids,
        "counts": counts,
        "leads": np.stack([s.lead for s in sigs]),
        "analyze": np.array([len(articles), analyze_s, sum(len(a.text) for a in articles)]),
    }
    BASES.parent.mkdir(parents=True, exist_ok=True)
    np.savez(BASES, **data)
    return data


def _stream(n: int, seed: int = 7):  # type: ignore[no-untyped-def]
    """Yield (signature, gold story) for ``n`` synthetic articles in publication order."""
    from newsprism.cluster.features import TERM_SPACE, Signature

    b = _bases()
    rng = np.random.default_rng(seed)
    n_base = len(b["leads"])
    per_story = rng.integers(1, 9, size=n)  # 1-8 articles per story, mean 4.5
    stories = []
    total = 0
    while total < n:
        k = int(per_story[len(stories)])
        stories.append(k)
        total += k
    n_stories = len(stories)
    days = np.sort(rng.integers(0, 365, size=n_stories))
    for sid, (k, day) in enumerate(zip(stories, days, strict=True)):
        base = int(rng.integers(n_base))
        valid = b["ids"][base] >= 0
        ids, ct = b["ids"][base][valid].copy(), b["counts"][base][valid].copy()
        # another event of the same kind: half of the terms (names and words) replaced
        swap = rng.random(len(ids)) < 0.5
        channel = (ids[swap] >= TERM_SPACE) * TERM_SPACE
        ids[swap] = channel + rng.integers(0, TERM_SPACE, size=int(swap.sum()))
        lead = b["leads"][base] + rng.normal(0, 0.02, size=512).astype(np.float32)
        for j in range(k):
            if total <= 0:
                return
            keep = rng.random(len(ids)) > 0.15
            extra = rng.integers(0, 2 * TERM_SPACE, size=3)
            kept, idx = np.unique(np.concatenate([ids[keep], extra]), return_index=True)
            vals = np.concatenate([ct[keep], np.ones(3, dtype=np.float32)])[idx]
            v = lead + rng.normal(0, 0.01, size=512).astype(np.float32)
            v /= np.linalg.norm(v)
            yield (
                Signature(f"{sid}-{j}", kept.astype(np.int32), vals, v, int(day + j % 3), "en"),
                sid,
            )
            total -= 1


def run_batch(n: int) -> dict[str, object]:
    """The stream clustered as one batch, as ``analyze`` clusters what it is given."""
    from newsprism.cluster import cluster_signatures
    from newsprism.evaluate.stories import bcubed

    g0 = time.perf_counter()
    items = list(_stream(n))
    gen_s = time.perf_counter() - g0
    sigs = [s for s, _ in items]
    t0 = time.perf_counter()
    labels = cluster_signatures(sigs)
    total = time.perf_counter() - t0
    keep = items[:200_000]  # BCubed on the first 200k articles
    score = bcubed(
        {s.article_id: str(label) for (s, _), label in zip(keep, labels, strict=False)},
        {s.article_id: str(sid) for s, sid in keep},
    )
    return _result(n, total, gen_s, len(set(labels)), score)


def run_size(n: int) -> dict[str, object]:
    from newsprism.cluster.engine import StoryClusterer
    from newsprism.evaluate.stories import bcubed

    clusterer = StoryClusterer(expected=n)
    gold: dict[str, str] = {}
    pred: dict[str, str] = {}
    gen_s = 0.0
    t0 = time.perf_counter()
    stream = _stream(n)
    while True:
        g0 = time.perf_counter()
        item = next(stream, None)
        gen_s += time.perf_counter() - g0
        if item is None:
            break
        sig, sid = item
        label = clusterer.add(sig)
        if len(gold) < 200_000:  # BCubed on the first 200k articles
            gold[sig.article_id] = str(sid)
            pred[sig.article_id] = str(label)
    total = time.perf_counter() - t0
    return _result(n, total - gen_s, gen_s, clusterer.size, bcubed(pred, gold))


def _result(n: int, cluster_s: float, gen_s: float, stories: int, score: Any) -> dict[str, object]:
    """One size's figures; peak memory is this process's."""
    return {
        "articles": n,
        "cluster_seconds": round(cluster_s, 1),
        "generate_seconds": round(gen_s, 1),
        "articles_per_second": round(n / max(cluster_s, 1e-9)),
        "stories_found": stories,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "bcubed_f1_synthetic": round(score.f1, 3),
        "bcubed_precision": round(score.precision, 3),
        "bcubed_recall": round(score.recall, 3),
    }


def _measure(n: int, batch: bool) -> dict[str, object]:
    """One size in a fresh process, so that its peak memory is its own."""
    cmd = [sys.executable, __file__, "--one", str(n), *(["--batch"] if batch else [])]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    print(("batch " if batch else "feed ") + json.dumps(result), flush=True)
    return result


def _merged(old: list[dict[str, object]], new: list[dict[str, object]]) -> list[dict[str, object]]:
    """Earlier results of sizes not run again, with this run's."""
    done = {r["articles"] for r in new}
    rows = [r for r in old if r["articles"] not in done] + new
    return sorted(rows, key=lambda r: int(str(r["articles"])))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    ap.add_argument("--batch-sizes", type=int, nargs="*", default=[10_000, 100_000])
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--batch", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--bases", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_batch(args.one) if args.batch else run_size(args.one)))
        return
    if args.bases:
        _bases()
        return
    # The bases are analyzed in a process of their own: a child forked from a process that
    # held the models starts with its peak memory, and each size's peak would be theirs.
    subprocess.run([sys.executable, __file__, "--bases"], check=True)
    bases = _bases()
    n_art, analyze_s, chars = (float(x) for x in bases["analyze"])
    feed = [_measure(n, batch=False) for n in args.sizes]
    batch = [_measure(n, batch=True) for n in args.batch_sizes]
    before = json.loads(OUT.read_text()) if OUT.exists() else {}
    report = {
        "machine": f"{platform.machine()} {platform.processor()} cores={os.cpu_count()}",
        "python": platform.python_version(),
        "analyze": {
            "articles": int(n_art),
            "seconds_2_processes": round(analyze_s, 1),
            "articles_per_second": round(n_art / analyze_s, 1),
            "chars_per_second": round(chars / analyze_s),
            "note": "analysis is per article and parallel: 1M articles take 1M / this rate",
        },
        "cluster": _merged(before.get("cluster", []), feed),
        "cluster_batch": _merged(before.get("cluster_batch", []), batch),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=2) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
