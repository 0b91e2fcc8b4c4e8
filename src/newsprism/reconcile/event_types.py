"""ACLED event types and sub-event types of texts that report an event.

The 25 ACLED sub-event types (codes as in the CASE 2021 shared task) with the
ACLED event type each belongs to, and the CASE 2021 types outside ACLED (crime,
disasters, diplomacy, attribution of responsibility), which are no ACLED event.

:data:`PATTERNS` follow the codebook's definitions in general English news
wording. A text that matches none of them names no event (:func:`classify`
returns None); otherwise the fitted model of :mod:`.event_model` chooses the
type, reading the patterns that match among its features. The patterns alone,
the first match winning, scored 0.599 weighted F1 on the CASE 2021 dev half.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

EVENT_TYPE = {
    "ARMED_CLASH": "Battles",
    "GOV_REGAINS_TERIT": "Battles",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Battles",
    "CHEM_WEAP": "Explosions/Remote violence",
    "AIR_STRIKE": "Explosions/Remote violence",
    "SUIC_BOMB": "Explosions/Remote violence",
    "ART_MISS_ATTACK": "Explosions/Remote violence",
    "REM_EXPLOS": "Explosions/Remote violence",
    "GRENADE": "Explosions/Remote violence",
    "SEX_VIOL": "Violence against civilians",
    "ATTACK": "Violence against civilians",
    "ABDUCT_DISSAP": "Violence against civilians",
    "PEACE_PROTEST": "Protests",
    "PROTEST_WITH_INTER": "Protests",
    "FORCE_AGAINST_PROTEST": "Protests",
    "VIOL_DEMONSTR": "Riots",
    "MOB_VIOL": "Riots",
    "AGREEMENT": "Strategic developments",
    "ARREST": "Strategic developments",
    "CHANGE_TO_GROUP_ACT": "Strategic developments",
    "DISR_WEAP": "Strategic developments",
    "HQ_ESTABLISHED": "Strategic developments",
    "NON_VIOL_TERRIT_TRANSFER": "Strategic developments",
    "OTHER": "Strategic developments",
    "PROPERTY_DISTRUCT": "Strategic developments",
}

SUB_EVENT_NAME = {
    "ARMED_CLASH": "Armed clash",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "CHEM_WEAP": "Chemical weapon",
    "AIR_STRIKE": "Air/drone strike",
    "SUIC_BOMB": "Suicide bomb",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "GRENADE": "Grenade",
    "SEX_VIOL": "Sexual violence",
    "ATTACK": "Attack",
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "PEACE_PROTEST": "Peaceful protest",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "VIOL_DEMONSTR": "Violent demonstration",
    "MOB_VIOL": "Mob violence",
    "AGREEMENT": "Agreement",
    "ARREST": "Arrests",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "DISR_WEAP": "Disrupted weapons use",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "OTHER": "Other",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
}

# CASE 2021 types outside ACLED's taxonomy: the model knows them so that a
# disaster or a crime is not forced into an ACLED type; they make no event.
NOT_ACLED = {
    "ORG_CRIME": "Organised crime",
    "NATURAL_DISASTER": "Natural disaster",
    "MAN_MADE_DISASTER": "Man-made disaster",
    "DIPLO": "Diplomatic event",
    "ATTRIB": "Attribution of responsibility",
}

_PROTESTERS = (
    r"(?:protest|demonstrators?|demonstrations?|rall(?:y|ies)|marcher|crowd|students?\b"
    r"|activists?\b)"
)
_WEAPONS = (
    r"(?:weapons?|arms\b|ammunition|munitions|explosives?|caches?|ieds?\b|bombs?\b|mines?\b|"
    r"rockets?\b|depots?|stockpiles?|arsenal|grenades?)"
)

# (code, pattern) from the most specific to the most general.
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (code, re.compile(p, re.I | re.S))
    for code, p in [
        ("CHEM_WEAP", r"chemical (?:weapon|attack|agent)|sarin|chlorine|mustard gas|nerve agent"
                      r"|toxic gas|poison gas"),
        ("SUIC_BOMB", r"suicide (?:bomb|attack|car|vest|blast)|blew (?:himself|herself|themselves)"
                      r" up|self-detonat|suicide bomber"),
        ("GRENADE", r"grenade"),
        ("SEX_VIOL", r"\brap(?:e|ed|es|ing)\b|sexual(?:ly)? (?:assault|abuse|violence|harass)"
                     r"|molest"),
        ("DISR_WEAP", r"(?:defus|dismantl|seiz|confiscat|destroy|found|discover|uncover|recover"
                      r"|neutrali[sz]|detonat|cleared|disarm|deactivat)\w*[^.]{0,60}" + _WEAPONS
                      + r"|" + _WEAPONS + r"[^.]{0,40}(?:were|was) (?:defused|seized|found"
                      r"|discovered|destroyed|confiscated|dismantled)|bomb squad|controlled "
                      r"explosion|weapons? caches?"),
        ("FORCE_AGAINST_PROTEST", r"(?:fired|opened fire|shot|killed|beat|beaten|tear ?gas"
                                  r"|rubber bullets|baton|live ammunition|injured)[^.]{0,80}"
                                  + _PROTESTERS + r"|" + _PROTESTERS + r"[^.]{0,80}(?:were |was )?"
                                  r"(?:shot|killed|beaten|injured|tear ?gassed|fired (?:up)?on)"),
        ("VIOL_DEMONSTR", r"\briot|(?:protesters|demonstrators|rioters|crowd)[^.]{0,60}(?:threw|"
                          r"pelted|stones|torched|set fire|burn|vandali[sz]|clash|loot|damag"
                          r"|attack|block)"),
        ("PROTEST_WITH_INTER", _PROTESTERS + r"[^.]{0,80}(?:dispers|arrest|detain|police "
                                             r"intervene|broke up|break up)|(?:dispers|arrest"
                                             r"|detain)\w*[^.]{0,60}" + _PROTESTERS),
        ("PEACE_PROTEST", r"protest|demonstrators?\b|demonstrations?\b|\brall(?:y|ies|ied)\b"
                          r"|sit-in|\bmarch(?:ed|es)?\b|picket|took to the streets|walkout"
                          r"|hunger strike"),
        ("MOB_VIOL", r"\bmob\b|lynch|vigilante|angry (?:villagers|residents|crowd)"),
        ("AIR_STRIKE", r"air ?strikes?|airstrikes?|air raids?|drone (?:strike|attack)|warplanes?"
                       r"|fighter jets?|aircraft (?:bomb|struck|hit|attack)|helicopter gunships?"
                       r"|aerial (?:bomb|attack)|jets (?:bomb|struck|pounded)|(?:bombed|pounded)"
                       r"[^.]{0,30}from the air|unmanned aerial"),
        ("REM_EXPLOS", r"\bieds?\b|improvised explosive|roadside bomb|land ?mines?|car bomb"
                       r"|bomb (?:blast|explo)|explosive device|booby.trap|(?:bomb|explosive)s? "
                       r"(?:went off|exploded|detonated)|explosion|blast"),
        ("ART_MISS_ATTACK", r"shell(?:ing|ed|s)\b|artillery|mortars?\b|rockets?\b|missiles?"
                            r"|howitzer|projectiles?|katyusha"),
        ("ABDUCT_DISSAP", r"abduct|kidnap|disappear|hostages?|taken captive|held captive"),
        ("ARREST", r"\barrest|detain|taken into custody|apprehend|rounded up|in custody"),
        ("GOV_REGAINS_TERIT", r"(?:army|troops|government forces|soldiers|military)[^.]{0,80}"
                              r"(?:recaptur|regain|retook|retake|liberat|took back|took control"
                              r"|cleared)"),
        ("NON_STATE_ACTOR_OVERTAKES_TER", r"(?:militants?|rebels?|insurgents?|fighters|"
                                          r"jihadists?|gunmen|separatists|taliban|militias?)"
                                          r"[^.]{0,80}(?:captur|seiz|took control|overr[au]n"
                                          r"|took over|stormed)"),
        ("NON_VIOL_TERRIT_TRANSFER", r"withdr[ae]w|pull(?:ed)? out|handed over|hand over"
                                     r"|evacuat\w* (?:its|their) (?:positions|bases|troops)"),
        ("HQ_ESTABLISHED", r"(?:establish|set up|built|opened)\w*[^.]{0,40}(?:base|headquarters"
                           r"|outpost|camp|checkpoint)"),
        ("AGREEMENT", r"agreement|ceasefire|cease-fire|truce|peace (?:deal|accord|talks)|signed"
                      r"|accord\b|prisoner (?:swap|exchange)|agreed"),
        ("PROPERTY_DISTRUCT", r"loot|torch|set (?:on )?fire|burn(?:ed|t) down|vandali[sz]|arson"
                              r"|destroy\w* (?:homes|houses|property|shops|crops|buildings)"),
        ("ATTACK", r"(?:gunmen|attackers|assailants|militants|unidentified|armed men)[^.]{0,80}"
                   r"(?:kill|shot|attack|stab|behead|murder|hack)|shot dead|massacre|stabbed"
                   r"|beheaded|murder|lynched|executed"),
        ("ARMED_CLASH", r"clash|fighting|fought|battles?\b|gun ?fights?|firefights?|exchange of "
                        r"fire|exchanged fire|ambush|skirmish|engaged|attack|offensive|raid"),
        ("CHANGE_TO_GROUP_ACT", r"merg|join(?:ed|s)|formed|dissolv|split|defect|renamed|recruit"
                                r"|new group|alliance|pledged allegiance"),
    ]
]  # fmt: skip


def pattern_code(text: str) -> str | None:
    """The first sub-event code whose pattern matches ``text`` (most specific first)."""
    for code, pattern in PATTERNS:
        if pattern.search(text):
            return code
    return None


def pattern_vector(text: str) -> list[float]:
    """1.0/0.0 per pattern of :data:`PATTERNS`, in their order: a feature of the model."""
    return [1.0 if pattern.search(text) else 0.0 for _, pattern in PATTERNS]


def classify_many(texts: Sequence[str], vectors: npt.ArrayLike | None = None) -> list[str | None]:
    """The ACLED sub-event code of each text, or None when it reports no ACLED event.

    ``vectors`` are the texts' sentence embeddings when the caller has them
    (else they are computed). A text no pattern matches names no event; one the
    model types as a CASE type outside ACLED (a crime, a disaster) is none either.
    """
    from .event_model import Views, shipped_typer

    named = [i for i, t in enumerate(texts) if t.strip() and pattern_code(t) is not None]
    out: list[str | None] = [None] * len(texts)
    if not named:
        return out
    if vectors is None:
        from ..analyze.embed import embed_texts

        vecs = embed_texts([texts[i] for i in named])
    else:
        vecs = np.asarray(vectors)[named]
    views = Views.of([texts[i] for i in named], vecs)
    for i, code in zip(named, shipped_typer().predict(views), strict=True):
        out[i] = code if code in EVENT_TYPE else None
    return out


def classify(text: str) -> str | None:
    """The ACLED sub-event code ``text`` describes, or None when it names no event.

    Example (needs the models or files named)::

        classify("Troops seized a weapons cache near the border.")
        # 'DISR_WEAP'
        classify("Warplanes pounded the village, killing six."), classify("He likes tea.")
        # ('AIR_STRIKE', None)
    """
    return classify_many([text])[0]
