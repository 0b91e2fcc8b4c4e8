"""The process engine shares the chunks between its pool and the main process: every
result in its chunk's place, and a chunk's failure is the run's."""

from __future__ import annotations

import pytest

from newsprism.runners import map_chunks


def test_the_process_engine_returns_every_chunk_in_order() -> None:
    chunks = [list(range(n)) for n in range(40)]
    assert map_chunks(len, chunks, engine="process", workers=2) == list(range(40))
    assert map_chunks(len, chunks, engine="process", workers=3) == list(range(40))


def test_a_failing_chunk_fails_the_map_with_its_error() -> None:
    with pytest.raises(ValueError, match="invalid literal"):
        map_chunks(int, ["1", "2", "x", "4", "5", "6"], engine="process", workers=2)
