"""Run one command and write its peak memory, exit code and whether it timed out.

    python measure.py RESULT.json TIMEOUT_S LIMIT_GB -- COMMAND...

Why a launcher: Linux keeps a process's peak RSS across ``exec``, and a child forked
from a large process (pytest after hundreds of tests holds ~1.7 GB) starts with the
parent's pages mapped, so ``wait4`` on it reports the parent's size, not the
command's. Forked from this small launcher, the command's own peak is what is counted
(with that of its descendants, the way the kernel reports them). SIGTERM and SIGINT
are passed on to the command.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time


def main(argv: list[str]) -> int:
    result, timeout, limit_gb, sep, *command = argv
    assert sep == "--" and command, __doc__
    limit = int(float(limit_gb) * 2**30)

    def guard() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    proc = subprocess.Popen(command, preexec_fn=guard)
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda s, _f: proc.send_signal(s))
    deadline = time.monotonic() + float(timeout)
    timed_out = False
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            proc.kill()
            timed_out = True
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.1)
    code = os.waitstatus_to_exitcode(status)
    with open(result, "w", encoding="utf-8") as fh:
        json.dump({"code": code, "peak_mb": usage.ru_maxrss / 1024, "timed_out": timed_out}, fh)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
