"""How many comments the public sent in is one figure of a story, whatever a report says
was done with them ("received", "sorted through", "ignored"), and a count of the senders
counts their comments (sentences of reports of one rule change, quoted from the gold)."""

from __future__ import annotations

import numpy as np

from newsprism.reconcile.align import claim_groups
from newsprism.reconcile.claims import compare_claims, said_of

from ..sentence_claims import claims_in, statements

RECEIVED = "The agency received nearly 235,000 comments on the endangered species proposal."
SORTED = "Experts were brought in to sort through 250,000 written comments from the public."
IGNORED = "The administration ignored comments from 300,000 citizens and adopted a policy."


def test_comments_sent_in_are_one_value_check_however_little_the_sentences_share() -> None:
    sts = statements(("a", RECEIVED), ("b", SORTED), ("c", IGNORED))
    # the sentences read as of other things (a low sentence probability)
    groups = claim_groups(sts, np.full((3, 3), 0.05))
    values = [sorted(sts[s].claims[k].value for s, k in g) for g in groups]
    assert ["250,000", "300,000", "nearly 235,000"] in values


def test_comments_from_more_citizens_than_were_received_disagree() -> None:
    a = [c for c in claims_in("a", RECEIVED) if c.kind == "count"]
    c = [c for c in claims_in("c", IGNORED) if c.kind == "count"]
    said = said_of([*a, *c], {}, {"a": None, "c": None})
    found = [(x.relation, sorted(g.value for g in x.groups)) for x in compare_claims(said)]
    assert found == [("conflict", ["300,000", "nearly 235,000"])]
