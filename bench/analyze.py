"""Benchmark the analyze stage against bare spaCy on the same texts.

Writes JSON (default bench/results/analyze.json): articles/s and chars/s for the
analyze stage with 1 and 2 processes, with and without sentence embeddings, and
references with their ratios: bare spaCy NER (the same model with only the components
NER needs) and the model's whole pipeline, both as spaCy ships them (thinc's BLIS), and
bare NER on numpy's BLAS as newsprism runs it.

The corpus is real news: the example articles and ECB+ documents (when
../shared/data is beside the checkout), joined into ~600-word articles. Every timed
run is a fresh process that loads its models and runs them on other articles first
(``--warm``), so it measures a long run's throughput on texts it has not seen.

    python bench/analyze.py --articles 200 --warm 100 --repeat 3 --output bench/results/analyze.json
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tarfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from newsprism.analyze import analyze_articles
from newsprism.analyze.nlp import load_nlp, one_blas_thread
from newsprism.config import Settings
from newsprism.ingest import ingest
from newsprism.records import Article

ROOT = Path(__file__).resolve().parents[1]
# ../shared/data beside the checkout (or beside its parent folder, for a worktree)
ECB = next(
    (p / "ecbplus" / "ecbplus-topics-1-35.tar.gz" for p in
     (ROOT.parent / "shared" / "data", ROOT.parents[1] / "shared" / "data")
     if (p / "ecbplus" / "ecbplus-topics-1-35.tar.gz").exists()),
    ROOT.parent / "shared" / "data" / "ecbplus" / "ecbplus-topics-1-35.tar.gz",
)  # fmt: skip


def _ecb_texts(limit: int) -> list[str]:
    if not ECB.exists():
        return []
    out = []
    with tarfile.open(ECB) as tar:
        for member in tar:
            if not member.name.endswith(".xml") or "/ECB+/" not in member.name:
                continue
            f = tar.extractfile(member)
            if f is None:
                continue
            root = ET.parse(f).getroot()
            sents: dict[int, list[str]] = {}
            for tok in root.iter("token"):
                sents.setdefault(int(tok.get("sentence", 0)), []).append(tok.text or "")
            lines = [" ".join(sents[k]) for k in sorted(sents)][1:]  # drop the URL line
            text = "\n".join(re.sub(r" ([,.;:!?])", r"\1", ln) for ln in lines)
            out.append(text)
            if len(out) >= limit:
                break
    return out


def corpus(n: int, words: int = 600) -> list[Article]:
    """``n`` articles of about ``words`` words, made of whole lines of real news."""
    seeds = [a.text for a in ingest([str(ROOT / "examples")]).articles]
    lines = [ln for text in seeds + _ecb_texts(n * 3) for ln in text.split("\n") if ln.strip()]
    articles: list[Article] = []
    buf: list[str] = []
    count = 0
    i = 0
    while len(articles) < n:
        line = lines[i % len(lines)]
        i += 1
        buf.append(line)
        count += len(line.split())
        if count >= words:
            text = "\n".join(buf)
            articles.append(Article(id=f"b{len(articles)}", source="bench", kind="text",
                                    text=text, raw=text, published="2025-12-01"))  # fmt: skip
            buf, count = [], 0
    return articles


JOBS = (
    "bare_spacy_ner_1_process",
    "bare_spacy_ner_numpy_blas_1_process",
    "spacy_full_pipeline_1_process",
    "analyze_1_process",
    "analyze_2_processes",
    "analyze_1_process_with_embeddings",
    "analyze_2_processes_with_embeddings",
)


def run_job(name: str, test: list[Article], warm: list[Article]) -> float:
    """Seconds ``name`` takes on ``test`` in this process, after loading its models and
    running them on ``warm`` (other articles): a long run's state, without having seen
    the measured texts."""
    import spacy

    settings = Settings()
    texts, warm_texts = [a.text for a in test], [a.text for a in warm]
    if name.startswith("analyze"):
        embed = name.endswith("_with_embeddings")
        processes = 2 if "_2_" in name else 1
        analyze_articles(warm, settings, processes=1, embed=embed)
        start = time.perf_counter()
        analyze_articles(test, settings, processes=processes, embed=embed)
        return time.perf_counter() - start
    # The references run spaCy on one BLAS thread like the analyze stage: as it ships
    # (thinc's BLIS, loaded without newsprism's changes), bare NER (only what NER needs;
    # in the small English model the NER has its own token-to-vector layer) and the
    # whole pipeline; then bare NER on numpy's BLAS, as newsprism runs it.
    model = (
        load_nlp(settings.spacy_model) if "numpy_blas" in name else spacy.load(settings.spacy_model)
    )
    pipes = model.select_pipes(enable=["ner"]) if "ner" in name else contextlib.nullcontext()
    with one_blas_thread(), pipes:
        list(model.pipe(warm_texts, batch_size=16))
        start = time.perf_counter()
        list(model.pipe(texts, batch_size=16))
        return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--warm", type=int, default=100, help="other articles run first")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each; the best counts")
    ap.add_argument("--output", default=str(ROOT / "bench" / "results" / "analyze.json"))
    ap.add_argument("--job", choices=JOBS, help=argparse.SUPPRESS)  # one run, in this process
    args = ap.parse_args()
    arts = corpus(args.articles + args.warm)
    test, warm = arts[: args.articles], arts[args.articles :]
    if args.job:
        print(json.dumps({"seconds": run_job(args.job, test, warm)}))
        return
    chars = sum(len(a.text) for a in test)
    # Every run is a fresh process; runs interleaved, so a slow spell of a shared
    # machine hits every job alike.
    seconds: dict[str, list[float]] = {name: [] for name in JOBS}
    for _ in range(args.repeat):
        for name in JOBS:
            cmd = [sys.executable, __file__, "--job", name, "--articles", str(args.articles),
                   "--warm", str(args.warm)]  # fmt: skip
            done = subprocess.run(cmd, check=True, capture_output=True, text=True)
            seconds[name].append(json.loads(done.stdout.strip().splitlines()[-1])["seconds"])
    best = {name: min(times) for name, times in seconds.items()}
    result: dict[str, Any] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "articles": len(test),
        "mean_words": round(sum(len(a.text.split()) for a in test) / len(test)),
        "repeat": args.repeat,
        "note": (
            "each run a fresh process that loaded its models and ran them on "
            f"{args.warm} other articles first; seconds: the best of the runs, "
            "median_seconds beside it"
        ),
    }
    for name, secs in best.items():
        entry: dict[str, float] = {
            "seconds": round(secs, 2),
            "median_seconds": round(statistics.median(seconds[name]), 2),
            "articles_per_s": round(len(test) / secs, 1),
        }
        if name.startswith("analyze"):
            entry["chars_per_s"] = round(chars / secs)
            for ref, key in (
                ("ratio_to_bare_ner", "bare_spacy_ner_1_process"),
                ("ratio_to_full_pipeline", "spacy_full_pipeline_1_process"),
                ("ratio_to_bare_ner_numpy_blas", "bare_spacy_ner_numpy_blas_1_process"),
            ):
                entry[ref] = round(best[key] / secs, 3)
        result[name] = entry
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
