"""Run one ``watch`` pass or one web addition, and kill -9 this process (or pause it) at
a chosen point of its writes. Used by test_crash.py as a script:

    python crash_pass.py MODE DB INPUT POINT N ACTION [SIGNAL_FILE]

MODE is ``watch`` (``update_stories`` over the folder INPUT) or ``web`` (the web app's
``Service.add`` of the files in INPUT). POINT is a store method (``save_articles``,
``save_analysis``, ``save_story``, ``save_state``) or ``commit`` (just before the
transaction commits); at its N-th call ACTION happens: ``kill`` (SIGKILL, no cleanup) or
``pause`` (touch SIGNAL_FILE, then wait until SIGNAL_FILE.go exists, at most 120 s, and go
on). ``none`` runs to the end.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path
from typing import Any


def main() -> None:
    mode, db, folder, point, n, action = sys.argv[1:7]
    signal_file = sys.argv[7] if len(sys.argv) > 7 else None
    from newsprism.config import Settings
    from newsprism.store import sql

    calls = {"n": 0}

    def hit() -> None:
        calls["n"] += 1
        if calls["n"] != int(n):
            return
        if action == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        elif action == "pause":
            assert signal_file is not None
            Path(signal_file).touch()
            deadline = time.monotonic() + 120
            while not Path(signal_file + ".go").exists() and time.monotonic() < deadline:
                time.sleep(0.1)

    if point == "commit":
        original_exit = sql._Transaction.__exit__

        def exit_(self: Any, exc_type: Any, *rest: Any) -> None:
            if self.db.depth == 1 and exc_type is None:
                hit()
            original_exit(self, exc_type, *rest)

        sql._Transaction.__exit__ = exit_  # type: ignore[method-assign]
    elif point != "none":
        original = getattr(sql.SQLStore, point)

        def wrapped(self: Any, *args: Any, **kwargs: Any) -> Any:
            hit()
            return original(self, *args, **kwargs)

        setattr(sql.SQLStore, point, wrapped)

    settings = Settings()
    if mode == "watch":
        from newsprism.store import open_store
        from newsprism.watch import update_stories

        with open_store(db) as store:
            update_stories([folder], settings, store, processes=1, engine="inprocess")
    else:
        from newsprism.ingest import ingest_bytes
        from newsprism.web.service import Service

        files = sorted(Path(folder).iterdir())
        service = Service(db, settings)
        service.add(ingest_bytes([(p.read_bytes(), f"upload:{p.name}", p.name) for p in files]))
        service.close()


if __name__ == "__main__":
    main()
