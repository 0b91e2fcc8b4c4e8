"""Benchmark the analyze stage against bare spaCy on the same texts.

Writes JSON (default bench/results/analyze.json): articles/s and chars/s for the
analyze stage with 1 and 2 processes, with and without sentence embeddings, and two
references with their ratios: bare spaCy NER (the same model with only the components
NER needs) and the model's whole pipeline as it ships.

The corpus is real news: the example articles and ECB+ documents (when
../shared/data is beside the checkout), joined into ~600-word articles.

    python bench/analyze.py --articles 200 --output bench/results/analyze.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import tarfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from newsprism.analyze import analyze_articles
from newsprism.analyze.nlp import load_nlp
from newsprism.config import Settings
from newsprism.ingest import ingest
from newsprism.records import Article

ROOT = Path(__file__).resolve().parents[1]
ECB = ROOT.parent / "shared" / "data" / "ecbplus" / "ecbplus-topics-1-35.tar.gz"


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


def timed(fn: object, *args: object, **kw: object) -> float:
    start = time.perf_counter()
    fn(*args, **kw)  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--output", default=str(ROOT / "bench" / "results" / "analyze.json"))
    args = ap.parse_args()
    arts = corpus(args.articles)
    chars = sum(len(a.text) for a in arts)
    settings = Settings()
    load_nlp(settings.spacy_model)
    analyze_articles(arts[:4], settings)  # warm up models
    nlp = load_nlp(settings.spacy_model)
    texts = [a.text for a in arts]
    # The reference: spaCy running only what NER needs (in the small English
    # model the NER has its own token-to-vector layer).
    with nlp.select_pipes(enable=["ner"]):
        bare = timed(lambda: list(nlp.pipe(texts, batch_size=16)))
    # A second reference: the model's whole pipeline as it ships (what "running spaCy"
    # on the texts costs a user), loaded without newsprism's changes.
    import spacy

    shipped = spacy.load(settings.spacy_model)
    list(shipped.pipe(texts[:4]))
    full = timed(lambda: list(shipped.pipe(texts, batch_size=16)))
    runs = {}
    for embed in (False, True):
        for processes in (1, 2):
            seconds = timed(analyze_articles, arts, settings, processes=processes, embed=embed)
            runs[
                f"analyze_{processes}_process{'es' if processes > 1 else ''}"
                f"{'_with_embeddings' if embed else ''}"
            ] = {
                "seconds": round(seconds, 2),
                "articles_per_s": round(len(arts) / seconds, 1),
                "chars_per_s": round(chars / seconds),
                "ratio_to_bare_ner": round(bare / seconds, 3),
                "ratio_to_full_pipeline": round(full / seconds, 3),
            }
    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "articles": len(arts),
        "mean_words": round(sum(len(a.text.split()) for a in arts) / len(arts)),
        "bare_spacy_ner_1_process": {"seconds": round(bare, 2),
                                     "articles_per_s": round(len(arts) / bare, 1)},
        "spacy_full_pipeline_1_process": {"seconds": round(full, 2),
                                          "articles_per_s": round(len(arts) / full, 1)},
        **runs,
    }  # fmt: skip
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
