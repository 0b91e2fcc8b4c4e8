"""Progress on stderr for long runs: a rich progress bar on a terminal, nothing otherwise."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def progress_reporter(enabled: bool | None = None) -> Iterator[Callable[..., None]]:
    """A ``progress(message, done=None, total=None)`` callback drawing a bar per stage.

    Off when stderr is not a terminal (logs and pipes stay clean) unless ``enabled``.

    >>> with progress_reporter(enabled=False) as progress:
    ...     progress("analyzing", 1, 10)
    """
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        yield lambda *_args, **_kw: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    tasks: dict[str, Any] = {}
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:

        def update(message: str, done: int | None = None, total: int | None = None) -> None:
            if message not in tasks:
                tasks[message] = bar.add_task(message, total=total)
            bar.update(tasks[message], completed=done or 0, total=total)

        yield update
