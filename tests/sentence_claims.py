"""The claims of one sentence, as the analyze stage reads them: times, then figures that
are not dates, then mentions, then claims. Shared by the tests that compare two reports'
sentences claim by claim."""

from __future__ import annotations

from newsprism.analyze.claims import extract_claims
from newsprism.analyze.entities import extract_mentions
from newsprism.analyze.nlp import parse
from newsprism.analyze.quantities import extract_quantities
from newsprism.analyze.times import extract_times
from newsprism.analyze.units import not_dates
from newsprism.records import Claim


def claims_in(aid: str, sentence: str, published: str | None = None) -> list[Claim]:
    """Every claim article ``aid`` makes in ``sentence``, dated by ``published``."""
    doc = parse(sentence)
    times = extract_times(aid, doc, published)
    quantities = not_dates(extract_quantities(aid, doc), times)
    return list(extract_claims(aid, doc, quantities, times, extract_mentions(aid, doc)))
