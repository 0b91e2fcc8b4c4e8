"""What an article's evidence amounts to, in words every renderer uses."""

from __future__ import annotations

from collections.abc import Sequence

from ..reconcile.facts import is_value_check
from ..records import Analysis


def evidence_counts(analysis: Analysis) -> str:
    """``12 sentences, 40 mentions, 5 quantities, 3 dates, 2 quotes``."""
    return (
        f"{len(analysis.sentences)} sentences, {len(analysis.mentions)} mentions, "
        f"{len(analysis.quantities)} quantities, {len(analysis.times)} dates, "
        f"{len(analysis.quotes)} quotes"
    )


def people_and_places(analysis: Analysis) -> tuple[list[str], list[str]]:
    """The people named and the places found (sorted, each once)."""
    people = sorted({m.text for m in analysis.mentions if m.type == "PERSON"})
    places = sorted({m.text for m in analysis.mentions if m.place})
    return people, places


def fact_title(fact_id: str, summary: str, slots: Sequence[str]) -> str:
    """What a fact is headed by: its central sentence, or for a value check (``v1``…:
    one value compared across sentences of different facts) the slot it checks, since
    its central sentence may be another fact's headline ("Value check: killed: people")."""
    if is_value_check(fact_id) and slots:
        return "Value check: " + "; ".join(dict.fromkeys(slots))
    return summary
