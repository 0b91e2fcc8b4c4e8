"""The benchmark's choice of the relation model's conflict threshold (bench/fit_relations.py)
is steady: a lone step that reaches the precision on a handful of calls while the steps
above it fall short does not move it (a fold's threshold jumped from 0.3 to 0.925 that way
when a few training pairs were added)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from fit_relations import choose_threshold


def calls(*groups: tuple[float, int, int]) -> tuple[np.ndarray, np.ndarray]:
    """Scores and labels: for each (probability, right, wrong), that many calls right and
    wrong at that probability."""
    p: list[float] = []
    y: list[int] = []
    for prob, right, wrong in groups:
        p += [prob] * (right + wrong)
        y += [1] * right + [0] * wrong
    return np.array(p), np.array(y)


def test_precision_held_from_a_step_upward_chooses_that_step() -> None:
    p, y = calls((0.36, 10, 30), (0.56, 40, 2), (0.81, 30, 1))
    assert choose_threshold(p, y, 0.9) == 0.375


def test_a_lone_step_reaching_the_precision_is_not_chosen() -> None:
    # from 0.425 to 0.9 the 41 calls are right 37 times (0.90); from 0.925 the 11 calls
    # at 0.96 only 7 times
    p, y = calls((0.41, 60, 40), (0.91, 30, 0), (0.96, 7, 4))
    assert (y[p >= 0.9] == 1).mean() >= 0.9 > (y[p >= 0.925] == 1).mean()
    assert choose_threshold(p, y, 0.9) == 0.3
