"""Where stage functions run: in this process, in a process pool, or on a Dask cluster.

Every engine maps one pure function over chunks and returns the results in
input order, so a report does not depend on where it was computed (tested).
The function runs with its BLAS and OpenMP pools on one thread wherever it runs:
parallelism comes from the workers, and a worker's thread settings (a Dask
worker's, a pool child's, the machine's core count) never reach the results.

* ``inprocess`` — no workers; for small batches and debugging.
* ``process`` — a local process pool and this process (the default; all cores).
* ``dask`` — a Dask cluster: the scheduler at ``scheduler`` (``tcp://host:8786``),
  or a LocalCluster started for the run when no address is given.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, TypeVar

from .errors import UsageError

ENGINES = ("inprocess", "process", "dask")

T = TypeVar("T")
R = TypeVar("R")


def check_engine(engine: str) -> str:
    """The engine name, or a UsageError naming the choices.

    >>> check_engine("dask")
    'dask'
    """
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    return engine


@lru_cache(maxsize=1)
def _controller() -> Any:
    from threadpoolctl import ThreadpoolController

    # Finding the thread pools scans the loaded libraries: once per process.
    return ThreadpoolController()


@contextmanager
def one_thread() -> Iterator[None]:
    """BLAS and OpenMP limited to one thread inside the block (restored after).

    >>> with one_thread():
    ...     pass
    """
    with _controller().limit(limits=1):
        yield


def pinned(fn: Callable[..., R], chunk: T, *args: Any) -> R:
    """``fn(chunk, *args)`` inside :func:`one_thread`: what each engine runs."""
    with one_thread():
        return fn(chunk, *args)


def check_workers(workers: int | None) -> int | None:
    """The worker count, or a UsageError when it is not a whole number of at least 1
    (None: the engine's default).

    >>> check_workers(2)
    2
    """
    if workers is not None and (isinstance(workers, bool) or workers < 1):
        raise UsageError(f"--processes {workers}: give a number of worker processes of 1 or more")
    return workers


def map_chunks(
    fn: Callable[..., R],
    chunks: Sequence[T],
    *args: Any,
    engine: str = "process",
    workers: int | None = None,
    scheduler: str | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> list[R]:
    """``[fn(chunk, *args) for chunk in chunks]`` on the chosen engine, in order.

    ``meanwhile()`` runs in this process once the work is handed to workers (not at all
    in this process's own loop): this process would otherwise wait idle. It runs on
    this thread after the workers exist, never beside a fork.

    >>> map_chunks(len, [[1, 2], [3]], engine="inprocess")
    [2, 1]
    """
    check_engine(engine)
    workers = check_workers(workers) or os.cpu_count() or 1
    if engine == "dask":
        return _dask_map(fn, chunks, args, workers, scheduler, meanwhile)
    if engine == "inprocess" or workers <= 1 or len(chunks) <= 1:
        return [pinned(fn, c, *args) for c in chunks]
    return _shared_map(fn, chunks, args, min(workers, len(chunks)), meanwhile)


def _shared_map(
    fn: Callable[..., R],
    chunks: Sequence[T],
    args: tuple[Any, ...],
    workers: int,
    meanwhile: Callable[[], object] | None,
) -> list[R]:
    """The process engine: ``workers - 1`` pool processes and this one share the chunks.

    This process would otherwise wait idle, and it loads the models a later stage needs
    anyway: on two cores, one worker and this process each load them once, where two
    workers and this process loaded them three times. The pool takes chunks from the
    front, this process from the back, each result in its chunk's place. No thread:
    the pool is topped up between this process's own chunks (two per worker in flight).
    """
    n = len(chunks)
    results: list[Any] = [None] * n
    helpers = max(workers - 1, 1)
    front, back = 0, n  # chunks [front, back) are not taken yet
    with ProcessPoolExecutor(max_workers=helpers) as pool:
        running: dict[Future[R], int] = {}

        def top_up() -> None:
            nonlocal front
            for future in [f for f in running if f.done()]:
                results[running.pop(future)] = future.result()  # a failure is raised here
            while len(running) < 2 * helpers and front < back:
                running[pool.submit(pinned, fn, chunks[front], *args)] = front
                front += 1

        top_up()
        if meanwhile is not None:
            meanwhile()
        while True:
            top_up()
            if front >= back:
                break
            back -= 1
            results[back] = pinned(fn, chunks[back], *args)
        for future, i in running.items():
            results[i] = future.result()
    return results


def _dask_map(
    fn: Callable[..., R],
    chunks: Sequence[T],
    args: tuple[Any, ...],
    workers: int,
    scheduler: str | None,
    meanwhile: Callable[[], object] | None,
) -> list[R]:
    try:
        # an untyped library, reached through Any
        distributed: Any = importlib.import_module("distributed")
    except ImportError as exc:  # pragma: no cover - dask is a dependency
        raise UsageError(f"the dask engine needs dask[distributed]: {exc}") from None
    if scheduler:
        try:
            client: Any = distributed.Client(scheduler, timeout="10s")
        except OSError as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        with client:
            return _gather(client, fn, chunks, args, meanwhile)
    cluster: Any = distributed.LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with cluster, distributed.Client(cluster) as local:
        return _gather(local, fn, chunks, args, meanwhile)


def _gather(
    client: Any,
    fn: Callable[..., R],
    chunks: Sequence[T],
    args: tuple[Any, ...],
    meanwhile: Callable[[], object] | None,
) -> list[R]:
    futures = [client.submit(pinned, fn, c, *args, pure=False) for c in chunks]
    if meanwhile is not None:
        meanwhile()
    results: list[R] = client.gather(futures)
    return results
