"""Who did what to whom, as the typer reads it off the parse (event_roles)."""

from __future__ import annotations

from newsprism.analyze.nlp import parse_all
from newsprism.reconcile.event_roles import role_features


def roles(*texts: str) -> list[frozenset[str]]:
    return [role_features(doc) for doc in parse_all(list(texts))]


def test_the_doer_of_a_seizure_is_told_apart_from_the_place_seized() -> None:
    active, passive = roles(
        "Rebels captured the town after two days of fighting.",
        "The town was captured by rebels after two days of fighting.",
    )
    for r in (active, passive):
        assert "S:capture|nonstate" in r
        assert "O:capture|terr" in r
        assert "S:capture|state" not in r
    assert "pass:capture" in passive and "pass:capture" not in active


def test_police_firing_on_protesters_is_not_protesters_attacking_police() -> None:
    force, riot = roles(
        "Police opened fire on protesters in the capital, witnesses said.",
        "Protesters attacked police with stones in the capital, witnesses said.",
    )
    assert "S:open|state" in force and "S:attack|protest" not in force
    assert "S:attack|protest" in riot and "O:attack|state" in riot
    assert "S:open|state" not in riot
