"""Small fitted models: L2-regularised (multinomial) logistic regression.

Decisions that weigh several signals are fitted on annotated data, not set by
hand (STYLE.md, habit 9). This module fits and applies the one model kind the
package uses for that, in numpy and scipy, and saves it as a small JSON file of
named weights that sits beside the code that reads it::

    >>> import numpy as np
    >>> x = np.array([[0.0], [0.2], [0.8], [1.0]])
    >>> model = fit_logistic(x, np.array(["no", "no", "yes", "yes"]), ["score"], l2=0.01)
    >>> model.predict(np.array([[0.9]]))[0]
    'yes'
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

F64 = npt.NDArray[np.float64]


@dataclass(frozen=True)
class LogisticModel:
    """Classes, named features, and a weight row (plus bias) per class.

    With two classes, the model is the usual binary one: ``weights`` has one row,
    the log-odds of ``classes[1]``.
    """

    classes: tuple[str, ...]
    features: tuple[str, ...]
    weights: F64  # (k, d) or (1, d) for two classes
    bias: F64  # (k,) or (1,)
    mean: F64  # (d,) standardisation applied before the weights
    scale: F64  # (d,)

    def scores(self, x: npt.ArrayLike) -> F64:
        """Class probabilities, one row per sample, columns in ``classes`` order."""
        z = (np.asarray(x, dtype=np.float64) - self.mean) / self.scale
        logits = z @ self.weights.T + self.bias
        if len(self.classes) == 2:
            p = 1.0 / (1.0 + np.exp(-logits[:, 0]))
            return np.stack([1.0 - p, p], axis=1)
        logits -= logits.max(axis=1, keepdims=True)
        e = np.exp(logits)
        out: F64 = e / e.sum(axis=1, keepdims=True)
        return out

    def predict(self, x: npt.ArrayLike) -> list[str]:
        """The most probable class of each sample (ties to the first class listed)."""
        return [self.classes[int(i)] for i in np.argmax(self.scores(x), axis=1)]

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict; :func:`load_model` reads it back."""
        return {
            "classes": list(self.classes),
            "features": list(self.features),
            "weights": np.round(self.weights, 6).tolist(),
            "bias": np.round(self.bias, 6).tolist(),
            "mean": np.round(self.mean, 6).tolist(),
            "scale": np.round(self.scale, 6).tolist(),
        }

    def save(self, path: Path, **about: Any) -> None:
        """Write the model (and any ``about`` notes: data, folds, scores) as JSON."""
        path.write_text(json.dumps({**about, **self.to_json()}, indent=1) + "\n", "utf-8")


def load_model(source: Path | dict[str, Any]) -> LogisticModel:
    """A model from a JSON file written by :meth:`LogisticModel.save`, or its dict."""
    data = json.loads(source.read_text("utf-8")) if isinstance(source, Path) else source
    return LogisticModel(
        classes=tuple(data["classes"]),
        features=tuple(data["features"]),
        weights=np.asarray(data["weights"], dtype=np.float64),
        bias=np.asarray(data["bias"], dtype=np.float64),
        mean=np.asarray(data["mean"], dtype=np.float64),
        scale=np.asarray(data["scale"], dtype=np.float64),
    )


def fit_logistic(
    x: npt.ArrayLike,
    y: Sequence[str] | npt.NDArray[Any],
    features: Sequence[str],
    *,
    l2: float = 1.0,
    sample_weight: npt.ArrayLike | None = None,
) -> LogisticModel:
    """Fit L2-regularised logistic regression (softmax over more than two classes).

    Features are standardised first, so ``l2`` weighs them alike; the penalty is
    ``l2 / 2 * |w|^2`` against the mean log-loss. The fit is deterministic
    (L-BFGS from zeros).
    """
    from scipy.optimize import minimize

    xa = np.asarray(x, dtype=np.float64)
    labels = [str(v) for v in y]
    classes = tuple(sorted(set(labels)))
    if len(classes) < 2:
        raise ValueError(f"fit_logistic needs two classes or more, got {classes}")
    if xa.ndim != 2 or xa.shape[1] != len(features):
        raise ValueError(f"x has shape {xa.shape}; expected (n, {len(features)})")
    mean = xa.mean(axis=0)
    scale = xa.std(axis=0)
    scale[scale == 0] = 1.0
    z = (xa - mean) / scale
    n, d = z.shape
    sw = np.ones(n) if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
    sw = sw / sw.sum()
    index = {c: i for i, c in enumerate(classes)}
    target = np.array([index[v] for v in labels])
    k = 1 if len(classes) == 2 else len(classes)
    onehot = np.zeros((n, len(classes)))
    onehot[np.arange(n), target] = 1.0

    def loss(theta: F64) -> tuple[float, F64]:
        w = theta[: k * d].reshape(k, d)
        b = theta[k * d :]
        logits = z @ w.T + b
        if k == 1:
            t = onehot[:, 1]
            s = logits[:, 0]
            p = 1.0 / (1.0 + np.exp(-s))
            nll = np.logaddexp(0.0, s) - t * s
            g = (sw * (p - t))[:, None]
        else:
            logits -= logits.max(axis=1, keepdims=True)
            lse = np.log(np.exp(logits).sum(axis=1))
            p = np.exp(logits - lse[:, None])
            nll = lse - (logits * onehot).sum(axis=1)
            g = sw[:, None] * (p - onehot)
        value = float((sw * nll).sum() + 0.5 * l2 * (w * w).sum())
        grad_w = g.T @ z + l2 * w
        grad_b = g.sum(axis=0)
        return value, np.concatenate([grad_w.ravel(), grad_b])

    result = minimize(loss, np.zeros(k * d + k), jac=True, method="L-BFGS-B")
    theta = result.x
    return LogisticModel(
        classes=classes,
        features=tuple(features),
        weights=theta[: k * d].reshape(k, d),
        bias=theta[k * d :],
        mean=mean,
        scale=scale,
    )
