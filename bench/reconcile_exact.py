"""How the shortcuts of big stories change a story's report, against the all-pairs code.

The stories are those of ``bench/reconcile.py`` (MEANTIME text: independent reports,
translations, reprints with a sentence of their own, some trimmed or with a word
changed), of 5 to 50 reports. Each is analyzed once, then reconciled twice in fresh
processes: by this checkout and by the code of a git ref (``--ref``, the all-pairs
method), and the two stories compared part by part: which facts hold the same
statements, with the same summary and status; origins as groups of articles and as
links; quotes, events, timeline.

    python bench/reconcile_exact.py --ref 7702b3d --output bench/results/reconcile_exact.json
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

_DUMP = """
import json, pickle, sys
from newsprism.reconcile import reconcile
from newsprism.report import story_to_json
articles, analyses = pickle.loads(open(sys.argv[1], "rb").read())
print(json.dumps(story_to_json(reconcile(articles, analyses))))
"""


def _story(src: Path, cache: Path) -> dict[str, Any]:
    env = {"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", _DUMP, str(cache)], check=True,
                          capture_output=True, text=True, env=env)  # fmt: skip
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _facts(story: dict[str, Any], prefix: str) -> dict[frozenset[tuple[str, int]], Any]:
    return {
        frozenset((s["article_id"], s["start"]) for s in f["statements"]): f
        for f in story["facts"] if f["id"].startswith(prefix)
    }  # fmt: skip


def compare(exact: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """Part by part: how many of the all-pairs report's items the new one gives alike."""
    out: dict[str, Any] = {}
    for prefix, name in (("f", "sentence_facts"), ("v", "value_checks")):
        a, b = _facts(exact, prefix), _facts(new, prefix)
        same = set(a) & set(b)
        out[name] = {
            "all_pairs": len(a), "shortcut": len(b), "same_statements": len(same),
            "same_summary": sum(a[k]["summary"] == b[k]["summary"] for k in same),
            "same_status": sum(a[k]["status"] == b[k]["status"] for k in same),
        }  # fmt: skip
    groups = [sorted(sorted(o["article_ids"]) for o in s["origins"]) for s in (exact, new)]
    out["origins_same_groups"] = groups[0] == groups[1]
    out["origin_links"] = [sum(len(o.get("copies", [])) for o in s["origins"])
                           for s in (exact, new)]  # fmt: skip
    for part in ("entities", "quotes", "events", "timeline"):
        out[f"{part}_equal"] = exact.get(part) == new.get(part)
    return out


def main() -> None:
    import reconcile as bench  # bench/reconcile.py: the story builder

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ref", required=True, help="git ref of the all-pairs code")
    ap.add_argument("--sizes", default="5,12,25,50")
    ap.add_argument("--output", default=str(ROOT / "bench" / "results" / "reconcile_exact.json"))
    args = ap.parse_args()
    result: dict[str, Any] = {"ref": args.ref, "sizes": {}}
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base"
        base.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.ref, "src"],
                                 check=True, capture_output=True).stdout  # fmt: skip
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive, check=True)
        for n in [int(s) for s in args.sizes.split(",")]:
            folder, cache = Path(tmp) / f"story{n}", Path(tmp) / f"an{n}.pkl"
            bench._write(n, folder)
            bench.job_analyze(folder, cache)
            exact = _story(base / "src", cache)
            new = _story(ROOT / "src", cache)
            result["sizes"][str(n)] = compare(exact, new)
            print(n, json.dumps(result["sizes"][str(n)]), flush=True)
    Path(args.output).write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
