"""The date gate: which conflicts of dates the relation decision calls a report shows.

Two reports' dates joined as one slot are mostly dates of two occurrences — a
background year ("In 2006, X was shot" against "his finest season in 2011"), another
person's arrest, the filming against the release, an earlier theft each report recalls
— and only sometimes one occurrence dated two ways ("the October 30 operation" against
"from October 24th to 27th"). Of the 387 pairs of articles the 66 gold stories set
apart by a date conflict (with report stamps already left out), 9 were backed by a gold
conflict. The conflicts the relation decision's rules call for one named occurrence
(two written years, two weekdays or two days of it: :func:`ruled`) are always shown:
the texts say the dates are of one occurrence, and tests pin real ones outside the
gold. The rest (291 pairs, 5 backed) go through a small logistic model over how news
writes an occurrence's date rather than the values (DATE_GATE_FEATURES: one predicate
or event noun, a year before the report's, another weekday, dates to the day, how far
apart, how many reports, how alike the two sentences are, the lead, an aside, the
relation model's P(conflict)), fitted by bench/fit_date_gate.py on the gold stories
and saved as ``date_gate_model.json`` beside this module. With so few backed dates the
model cuts what it can while keeping them: held out topic by topic it showed 136 of the
291, every backed one kept. A pair it holds back is not compared at all (never a
variant either), as the conflict gate does (:func:`newsprism.reconcile.gate.gated`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..analyze.claims import predicate_class
from ..fit import LogisticModel, load_model
from .claims import Said, Weighed, weigh
from .date_rules import YEAR, one_occurrence, weekday
from .gate import LEAD, aside, content_words

DATE_GATE_FEATURES = (
    "same_predicate", "no_predicate", "same_word", "same_context", "past_year",
    "both_past_year", "old", "days_apart", "other_weekday", "both_days", "year_only",
    "written_years", "aside", "opens_sentence", "sizes", "single", "sentence_similarity",
    "both_lead", "one_lead", "p_conflict",
)  # fmt: skip
DATE_GATE_MODEL_PATH = Path(__file__).with_name("date_gate_model.json")
# ten years in days: a date further from its report, or from the other date, weighs as
# one that far (the features are log-scaled up to it)
_DECADE = 3652.0


def _day(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(iso or "")
    except ValueError:
        return None


def _ends(s: Said) -> tuple[date, date] | None:
    """The first and last day a claim's date covers, when its year is known."""
    c = s.claim
    if not c.year_known:
        return None
    first, last = _day(c.start), _day(c.end or c.start)
    return (first, last) if first and last else None


def _log_days(days: float) -> float:
    return min(1.0, math.log1p(max(0.0, days)) / math.log1p(_DECADE))


def _before_report(s: Said) -> float | None:
    """Days from the end of the claim's date to its report's publication (None: either
    is unknown)."""
    ends, published = _ends(s), _day(s.published)
    if ends is None or published is None:
        return None
    return float((published - ends[1]).days)


def _whole_year(s: Said) -> bool:
    ends = _ends(s)
    return ends is not None and (ends[0].month, ends[0].day, ends[1].month, ends[1].day) == (
        1, 1, 12, 31)  # fmt: skip


def _to_the_day(s: Said) -> bool:
    """A date of one day: a resolved day, or a weekday its report does not resolve."""
    c = s.claim
    if not c.start:
        return True  # a bare weekday ("on Tuesday")
    return c.start == (c.end or c.start)


def _opens_sentence(s: Said) -> bool:
    """The date opens its sentence ("In 2006, X was shot"): news sets a background
    occurrence apart that way."""
    return s.sentence != "" and 0 <= s.claim.span.start - s.offset <= 3


def date_gate_features(
    gi: Sequence[Said], gj: Sequence[Said], weighed: Weighed | None = None
) -> list[float]:
    """The signals of DATE_GATE_FEATURES for two value groups of dates, read from the
    first claim of each (see the module docstring); ``weighed``: their relation signals
    when the caller has them (:func:`newsprism.reconcile.claims.weigh`)."""
    a, b = gi[0], gj[0]
    x, y = a.claim, b.claim
    f = dict.fromkeys(DATE_GATE_FEATURES, 0.0)
    px, py = predicate_class(x.predicate), predicate_class(y.predicate)
    f["same_predicate"] = float(px is not None and px == py)
    f["no_predicate"] = float(px is None or py is None)
    f["same_word"] = float(x.word is not None and x.word == y.word)
    cx, cy = {*x.context, x.predicate or ""} - {""}, {*y.context, y.predicate or ""} - {""}
    f["same_context"] = len(cx & cy) / len(cx | cy) if cx | cy else 0.0
    before = [_before_report(s) for s in (a, b)]
    past = [d is not None and d > 366 for d in before]
    f["past_year"] = float(any(past))
    f["both_past_year"] = float(all(past))
    f["old"] = _log_days(max((d for d in before if d is not None), default=0.0))
    ex, ey = _ends(a), _ends(b)
    if ex is not None and ey is not None:
        gap = max(0, (ey[0] - ex[1]).days, (ex[0] - ey[1]).days)
        f["days_apart"] = _log_days(gap)
    w = weighed if weighed is not None else weigh(a, b)
    wx, wy = weekday(x), weekday(y)
    f["other_weekday"] = float(wx is not None and wy is not None and wx != wy)
    f["both_days"] = float(_to_the_day(a) and _to_the_day(b))
    f["year_only"] = float(_whole_year(a) or _whole_year(b))
    f["written_years"] = float(bool(YEAR.search(x.text) and YEAR.search(y.text)))
    f["aside"] = float(aside(a) or aside(b))
    f["opens_sentence"] = float(_opens_sentence(a) or _opens_sentence(b))
    f["sizes"] = float(np.log1p(min(len(gi), len(gj))))
    f["single"] = float(min(len(gi), len(gj)) == 1)
    wa, wb = content_words(a.sentence), content_words(b.sentence)
    f["sentence_similarity"] = len(wa & wb) / len(wa | wb) if wa and wb else 0.0
    lead = [x.span.start < LEAD, y.span.start < LEAD]
    f["both_lead"] = float(all(lead))
    f["one_lead"] = float(any(lead) and not all(lead))
    f["p_conflict"] = w.probs.get("conflict", 0.0)
    return [f[n] for n in DATE_GATE_FEATURES]


@lru_cache(maxsize=1)
def date_gate_model() -> tuple[LogisticModel, float] | None:
    """The fitted date gate shipped beside this module (bench/fit_date_gate.py) and its
    threshold, None when none is shipped (every date conflict is then shown)."""
    if not DATE_GATE_MODEL_PATH.exists():
        return None
    data = json.loads(DATE_GATE_MODEL_PATH.read_text("utf-8"))
    return load_model(data), float(data["threshold"])


def ruled(gi: Sequence[Said], gj: Sequence[Said], weighed: Weighed | None = None) -> bool:
    """Whether the relation decision's rules of one named occurrence call the conflict:
    two written years of it far apart ("convicted in 1998" / "convicted in 2001"), two
    weekdays ("checked in on Tuesday" / "on Friday"), two days of it that share none
    (:func:`newsprism.reconcile.date_rules.one_occurrence`). The texts say the two dates
    are of one occurrence, so the gate never holds these."""
    a, b = gi[0], gj[0]
    w = weighed if weighed is not None else weigh(a, b)
    return one_occurrence(a, b, w.named)


def date_conflict_shown(
    gi: Sequence[Said], gj: Sequence[Said], weighed: Weighed | None = None
) -> bool:
    """Whether a conflict the relation decision calls between two groups of dates is
    shown: always when its rules call it (:func:`ruled`), else when the fitted gate says
    so (bench/fit_date_gate.py replaces this to collect the pairs it learns from).
    ``weighed``: the first claims' relation signals, as the relation decision built them."""
    found = date_gate_model()
    w = weighed if weighed is not None else weigh(gi[0], gj[0])
    if found is None or ruled(gi, gj, w):
        return True
    model, threshold = found
    row = date_gate_features(gi, gj, w)
    p = model.scores(np.array([[row[DATE_GATE_FEATURES.index(n)] for n in model.features]]))
    return bool(p[0][model.classes.index("1")] >= threshold)
