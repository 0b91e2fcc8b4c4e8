"""Benchmark big stories: seconds per stage and peak memory by story size.

A story every outlet carries is mostly reprints. Each story here is built from real
text, the MEANTIME Wikinews articles (../shared/data/meantime, one topic): some
articles as independent reports, their Spanish, Italian and Dutch translations mixed
in, and the rest reprints of a report with one sentence of their own, some also
trimmed or with a word changed. For each size (10, 100, 300, 1,000 reports) it writes:

* ``analyze`` — the analyze stage over the story's articles (two processes);
* ``cluster`` and ``reconcile`` with its stages (entities, origins, facts, quote
  vectors, quotes, events), timed in a fresh process that reads the analyses back,
  with that process's peak memory (``peak_mb``), and the size of the story's HTML
  page (``html_page_kb``);
* for sizes up to ``--e2e-max``: end-to-end ``newsprism analyze FOLDER --format json``
  (all cores) against bare spaCy NER (the model as shipped, NER only, one process) on
  the same texts in the same run, as a ratio of throughputs.

    python bench/reconcile.py --sizes 10,100,300,1000 --output bench/results/reconcile.json
    python bench/reconcile.py --sizes 300 --e2e-runs 2   # the 300-report row again, two draws

Each size runs in processes of its own, with a time limit (``--timeout``); a size
that does not finish is recorded as such.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import platform
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# ../shared/data beside the checkout (or beside its parent folder, for a worktree)
MEANTIME = next(
    (p for p in (ROOT.parent / "shared" / "data" / "meantime",
                 ROOT.parents[1] / "shared" / "data" / "meantime") if p.exists()),
    ROOT.parent / "shared" / "data" / "meantime",
)  # fmt: skip
TOPIC = "corpus_airbus"
LANGS = ("es", "it", "nl")


def _documents(lang: str) -> dict[str, str]:
    """Document id -> text of one MEANTIME language, sentences one per line."""
    docs: dict[str, dict[int, list[str]]] = {}
    with open(MEANTIME / lang / "meantime.conll", encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 4 or line.startswith("#"):
                continue
            doc, sent, _i, token = parts[0], int(parts[1]), parts[2], parts[3]
            docs.setdefault(doc, {}).setdefault(sent, []).append(token)
    out = {}
    for doc, sents in docs.items():
        lines = [" ".join(sents[k]) for k in sorted(sents)]
        text = "\n".join(re.sub(r" ([,.;:!?%)])|([($]) ", r"\1\2", ln) for ln in lines)
        out[doc] = text
    return out


def story(n: int, seed: int = 0) -> list[tuple[str, str]]:
    """``n`` reports of one story as (file name, text): independent reports, translations,
    and reprints with a sentence of their own, some trimmed or with a word changed."""
    rng = random.Random(seed)
    english = _documents("en")
    base = sorted(d for d in english if d.startswith(TOPIC + "/"))
    others = [english[d] for d in sorted(english) if not d.startswith(TOPIC + "/")]
    own_lines = [ln for t in others for ln in t.split("\n")[1:] if len(ln.split()) > 8]
    independent = base[: max(2, min(len(base), n // 4))]
    translated = {lang: _documents(lang) for lang in LANGS}
    out: list[tuple[str, str]] = []
    for doc in independent:
        out.append((f"{doc.split('/')[1]}-en.txt", english[doc]))
    for k in range(max(1, n // 20)):
        doc = independent[k % len(independent)]
        lang = LANGS[(k + k // len(independent)) % len(LANGS)]
        if doc in translated[lang]:
            out.append((f"{doc.split('/')[1]}-{lang}.txt", translated[lang][doc]))
    k = 0
    while len(out) < n:
        doc = rng.choice(independent)
        lines = english[doc].split("\n")
        edit = rng.random()
        if edit < 0.3 and len(lines) > 4:  # trimmed by the outlet
            lines = lines[: len(lines) - rng.randint(1, 3)]
        elif edit < 0.6:  # one word changed
            i = rng.randrange(1, len(lines)) if len(lines) > 1 else 0
            words = lines[i].split()
            words[rng.randrange(len(words))] = rng.choice(own_lines[k % len(own_lines)].split())
            lines[i] = " ".join(words)
        # and one sentence of its own, so that no two reprints are the same text
        lines.append(own_lines[k % len(own_lines)])
        if k >= len(own_lines):
            lines.append(own_lines[(k // len(own_lines) * 7) % len(own_lines)])
        out.append((f"{doc.split('/')[1]}-reprint{k}.txt", "\n".join(lines)))
        k += 1
    return out[:n]


def _write(n: int, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in story(n):
        (folder / name).write_text(text, encoding="utf-8")


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def job_analyze(folder: Path, cache: Path) -> dict[str, Any]:
    """The analyze stage over the story (two processes); the analyses kept in ``cache``."""
    from newsprism.analyze import analyze_articles
    from newsprism.config import Settings
    from newsprism.ingest import ingest

    articles = list(ingest([str(folder)]).articles)
    start = time.perf_counter()
    analyses = analyze_articles(articles, Settings(), processes=2)
    seconds = time.perf_counter() - start
    cache.write_bytes(pickle.dumps((articles, analyses)))
    return {"articles": len(articles), "seconds": round(seconds, 2)}


def job_reconcile(cache: Path) -> dict[str, Any]:
    """Clustering and reconciliation of the cached analyses, each stage timed."""
    import newsprism.reconcile as rec
    from newsprism.cluster import cluster_articles
    from newsprism.render.html import render_html
    from newsprism.report import Report

    articles, analyses = pickle.loads(cache.read_bytes())
    by_id = {a.article_id: a for a in analyses}
    stages: dict[str, float] = {}

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                stages[name] = round(stages.get(name, 0.0) + time.perf_counter() - start, 2)

        return run

    for name, attr in [("entities", "build_entities"), ("origins", "find_origins"),
                       ("facts", "build_facts"), ("quote_vectors", "_quote_vectors"),
                       ("quotes", "group_quotes"), ("events", "build_events")]:  # fmt: skip
        if hasattr(rec, attr):
            setattr(rec, attr, timed(name, getattr(rec, attr)))
    start = time.perf_counter()
    groups = cluster_articles(articles, by_id)
    cluster_s = time.perf_counter() - start
    start = time.perf_counter()
    story = rec.reconcile(articles, analyses)
    reconcile_s = time.perf_counter() - start
    start = time.perf_counter()
    page = render_html(Report(tuple(articles), (), by_id, (story,), None)).encode()
    render_s = time.perf_counter() - start
    return {
        "cluster_seconds": round(cluster_s, 2),
        "stories_found": len(groups),
        "reconcile_seconds": round(reconcile_s, 2),
        "stages": stages,
        "facts": len(story.facts),
        "quotes": len(story.quotes),
        "origins": len(story.origins),
        "html_page_kb": round(len(page) / 1024),
        "html_render_seconds": round(render_s, 2),
        "peak_mb": _peak_mb(),
        **_first_paint(page),
    }


def _first_paint(page: bytes) -> dict[str, Any]:
    """Time to first contentful paint and to the load event of the HTML page, opened
    from a file in headless Chromium (as tests/web/test_browser.py drives it)."""
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        return {"first_paint": "not measured: /usr/bin/chromium is not installed"}
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        path = Path(tmp) / "story.html"
        path.write_bytes(page)
        flags = ["--headless", "--no-sandbox", "--disable-gpu"]
        browser = p.chromium.launch(executable_path=str(chromium), args=flags)
        tab = browser.new_page(viewport={"width": 1400, "height": 1000})
        tab.goto(path.as_uri(), wait_until="load")
        times = tab.evaluate(
            """() => ({fcp: (performance.getEntriesByName('first-contentful-paint')[0]
                             || {startTime: null}).startTime,
                       load: performance.getEntriesByType('navigation')[0].loadEventEnd})"""
        )
        browser.close()
    return {
        "html_first_paint_ms": round(times["fcp"]) if times["fcp"] is not None else None,
        "html_load_ms": round(times["load"]),
    }


def job_e2e(folder: Path) -> dict[str, Any]:
    """``newsprism analyze`` end to end against bare spaCy NER, on the same texts."""
    import contextlib

    import spacy

    from newsprism.analyze.nlp import one_blas_thread
    from newsprism.config import Settings
    from newsprism.ingest import ingest

    texts = [a.text for a in ingest([str(folder)]).articles]
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "newsprism", "analyze", str(folder), "--format", "json",
               "--output", str(Path(tmp) / "report.json")]  # fmt: skip
        subprocess.run(cmd, check=True, capture_output=True)
    e2e = time.perf_counter() - start
    model = spacy.load(Settings().spacy_model)
    with one_blas_thread(), model.select_pipes(enable=["ner"]), contextlib.nullcontext():
        start = time.perf_counter()
        list(model.pipe(texts, batch_size=16))
        ner = time.perf_counter() - start
    return {
        "analyze_cli_seconds": round(e2e, 2),
        "analyze_cli_articles_per_s": round(len(texts) / e2e, 2),
        "bare_ner_seconds": round(ner, 2),
        "bare_ner_articles_per_s": round(len(texts) / ner, 2),
        "ratio_to_bare_ner": round(ner / e2e, 3),
    }


def _child(args: list[str], timeout: float) -> dict[str, Any]:
    cmd = [sys.executable, __file__, *args]
    try:
        done = subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"timed_out_after_s": timeout}
    except subprocess.CalledProcessError as exc:
        return {"failed": (exc.stderr or "").strip().splitlines()[-1:]}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10,100,300,1000")
    ap.add_argument("--e2e-max", type=int, default=300, help="end-to-end runs up to this size")
    ap.add_argument(
        "--e2e-runs", type=int, default=1, help="end-to-end runs per size (the first is end_to_end)"
    )
    ap.add_argument("--timeout", type=float, default=1800, help="seconds per job")
    ap.add_argument("--output", default=str(ROOT / "bench" / "results" / "reconcile.json"))
    ap.add_argument("--job", help=argparse.SUPPRESS)  # one job, in this process
    ap.add_argument("--folder", help=argparse.SUPPRESS)
    ap.add_argument("--cache", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.job:
        folder, cache = Path(args.folder or "."), Path(args.cache or "analyses.pkl")
        jobs = {
            "analyze": lambda: job_analyze(folder, cache),
            "reconcile": lambda: job_reconcile(cache),
            "e2e": lambda: job_e2e(folder),
        }
        print(json.dumps(jobs[args.job]()))
        return
    out = Path(args.output)
    result: dict[str, Any] = json.loads(out.read_text()) if out.exists() else {}
    result.update(
        {
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}",
            "corpus": f"MEANTIME {TOPIC}: a quarter independent reports (at most the topic's "
            "30), one in 20 a translation (es/it/nl), the rest reprints with a sentence of "
            "their own",
            "note": "timings on a machine shared with other work: compare ratios within a run",
        }
    )
    sizes = result.setdefault("sizes", {})
    for n in [int(s) for s in args.sizes.split(",")]:
        with tempfile.TemporaryDirectory() as tmp:
            folder, cache = Path(tmp) / "story", Path(tmp) / "analyses.pkl"
            _write(n, folder)
            common = ["--folder", str(folder), "--cache", str(cache)]
            # the machine's load when the size starts: its timings are of a shared machine
            entry: dict[str, Any] = {"reports": n, "load_1min": round(os.getloadavg()[0], 1)}
            entry["analyze"] = _child(["--job", "analyze", *common], args.timeout)
            if cache.exists():
                entry.update(_child(["--job", "reconcile", *common], args.timeout))
            if n <= args.e2e_max:
                # on a shared machine one run is one draw: the ratio of each run is kept
                e2e = ["--job", "e2e", *common]
                runs = [_child(e2e, args.timeout) for _ in range(args.e2e_runs)]
                entry["end_to_end"] = runs[0]
                if len(runs) > 1:
                    entry["end_to_end_runs"] = runs
        sizes[str(n)] = entry
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, indent=2) + "\n")
        print(json.dumps(entry), flush=True)


if __name__ == "__main__":
    main()
