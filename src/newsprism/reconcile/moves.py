"""Moving a claim out of a group its value alone holds it in, into the group of its own
occurrence (:func:`.align._to_own_occurrence`, :func:`.gone_into.to_place_gone_into`).

A group of claims of one value ("on Sunday") can gather claims of several occurrences
of a story, since the claim model weighs a shared value most. A claim moves to another
group that tells its occurrence when it is, on average over the claims there that tell
it, more likely one slot with them than not; the callers say which claims may move and
which claims of a group tell a claim's occurrence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt


def pair_scores(
    x: npt.NDArray[np.intp], y: npt.NDArray[np.intp], prob: npt.NDArray[np.float64]
) -> dict[tuple[int, int], float]:
    """The claim model's probability of each scored pair, both ways round."""
    score: dict[tuple[int, int], float] = {}
    for a, b, q in zip(x.tolist(), y.tolist(), prob.tolist(), strict=True):
        score[a, b] = score[b, a] = q
    return score


def move_claims(
    groups: list[list[int]],
    movable: Callable[[int, list[int]], bool],
    told: Callable[[int, list[int]], list[int]],
    x: npt.NDArray[np.intp],
    y: npt.NDArray[np.intp],
    prob: npt.NDArray[np.float64],
    article: Sequence[int],
    value: Sequence[int],
    years: Sequence[tuple[frozenset[str], str | None]],
) -> list[list[int]]:
    """``groups`` with each claim that may move (``movable(claim, its group)``, in a group
    of one value) moved to the other group whose claims telling its occurrence
    (``told(claim, group)``, none when the group cannot take it) it is on average the
    likeliest one slot with (the scored pairs ``(x, y, prob)``), at 0.5 or more. Never
    into a group holding a claim of its own report, nor, for a report's day, beside a
    date of written years of another year ("killed on Saturday" beside a flood "in March
    2011" the report recalls), as :func:`.align._join` joins dates. Only the pairs of
    claims that may move are read: most stories have none."""
    movers = [(gi, n) for gi, g in enumerate(groups) if len({value[n] for n in g}) == 1
              for n in g if movable(n, g)]  # fmt: skip
    if not movers:
        return groups
    ids = np.array(sorted({n for _, n in movers}), dtype=np.intp)
    near = np.isin(x, ids) | np.isin(y, ids)
    score = pair_scores(x[near], y[near], prob[near])
    moves: dict[int, int] = {}
    for gi, n in movers:
        best, to = 0.5, -1
        for hi, h in enumerate(groups):
            if hi == gi or any(article[m] == article[n] for m in h):
                continue
            written = set().union(*(years[m][0] for m in h))
            day = years[n][1]
            if day is not None and written and day not in written:
                continue
            them = told(n, h)
            if not them:
                continue
            mean = sum(score.get((n, m), 0.0) for m in them) / len(them)
            if mean >= best:
                best, to = mean, hi
        if to >= 0:
            moves[n] = to
    if not moves:
        return groups
    out = [[n for n in g if n not in moves] for g in groups]
    for n, hi in moves.items():
        out[hi].append(n)
    return [g for g in out if g]
