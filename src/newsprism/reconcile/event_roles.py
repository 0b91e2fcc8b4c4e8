"""Who did what to whom: verb–argument features of a report, read off the parse.

The codebook tells sub-event types apart by the roles of the parties more than by
the words: state forces firing on protesters (excessive force) against
protesters attacking the police (violent demonstration); troops taking a town
(government regains territory) against rebels taking it (non-state actor
overtakes territory). A bag of words sees the same words in both. For every verb
of the parse this module writes its lemma, the kind of its subject, of its object
and of its prepositional objects (``S:capture|nonstate``, ``O:fire|protest``,
``p:withdraw|from|terr``), and whether it is passive. The kinds are families of
general news nouns (state forces, non-state armed groups, protesters, civilians,
weapons, territory, aircraft), else the named-entity label. Which feature weighs
for which type is fitted (:mod:`.event_model`), not written here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

KINDS: dict[str, str] = {
    "state": r"army|troops?|soldiers?|police\w*|forces?|military|government|regime|gendarm\w*"
    r"|officers?|authorities|marines?|commandos?|battalions?|brigades?|units?|security",
    "nonstate": r"militants?|rebels?|insurgents?|fighters?|jihadists?|gunm[ae]n|terrorists?"
    r"|militias?|separatists?|bandits?|extremists?|assailants?|attackers?|group",
    "protest": r"protest\w*|demonstrat\w*|crowds?|activists?|students?|rall(?:y|ies)"
    r"|marchers?|supporters?|workers?|rioters?|mobs?",
    "civil": r"civilians?|villagers?|residents?|people|women|children|men|farmers?"
    r"|journalists?|worshippers?|passengers?|family|locals?",
    "weapon": r"weapons?|arms|ammunition|bombs?|grenades?|explosives?|devices?|mines?"
    r"|rockets?|missiles?|shells?|cache|rifles?|guns?|ieds?",
    "terr": r"towns?|villages?|city|cities|areas?|control|territory|district|region|hills?"
    r"|positions?|bases?|neighbou?rhoods?|province|outskirts",
    "air": r"jets?|warplanes?|aircraft|drones?|helicopters?|planes?",
}
_KIND = {k: re.compile(rf"(?:{v})", re.I) for k, v in KINDS.items()}


def kind_of(token: Any) -> str | None:
    """The kind of noun ``token`` is (:data:`KINDS`), else ``E`` + its entity label."""
    word = token.text
    for name, pattern in _KIND.items():
        if pattern.fullmatch(word):
            return name
    return f"E{token.ent_type_}" if token.ent_type_ else None


def role_features(doc: Any) -> frozenset[str]:
    """The verb–argument features of a parsed text.

    Example (needs the models or files named)::

        from newsprism.analyze.nlp import parse
        sorted(role_features(parse("Rebels captured the town.")))
        # ['O:capture|terr', 'O:terr', 'S:capture|nonstate', 'S:nonstate', 'v:capture']
    """
    out: set[str] = set()
    for tok in doc:
        if tok.pos_ != "VERB":
            continue
        lemma = (tok.lemma_ or tok.text).lower()
        out.add(f"v:{lemma}")
        for child in tok.children:
            dep = child.dep_
            if dep == "prep":
                obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                kind = kind_of(obj) if obj is not None else None
                if kind:
                    out.add(f"p:{lemma}|{child.text.lower()}|{kind}")
                continue
            if dep == "agent":  # "was captured by rebels": the doer
                child = next((g for g in child.children if g.dep_ == "pobj"), child)
                role = "S"
            elif dep == "nsubj":
                role = "S"
            elif dep in ("nsubjpass", "dobj"):
                role = "O"
            else:
                continue
            kind = kind_of(child)
            if kind:
                out.add(f"{role}:{kind}")
                out.add(f"{role}:{lemma}|{kind}")
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
            out.add(f"pass:{lemma}")
    return frozenset(out)


def roles_of(texts: Sequence[str]) -> list[frozenset[str]]:
    """:func:`role_features` of each of ``texts``, parsed with the shared pipeline."""
    from ..analyze.nlp import parse_all

    return [role_features(doc) for doc in parse_all(list(texts))]
