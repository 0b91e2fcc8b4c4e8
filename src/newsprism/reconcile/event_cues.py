"""Named lexical cues of the ACLED codebook's crisp distinctions, as typing features.

The codebook separates sub-event types by who acts, with what and against whom:
a protest that police disperse (protest with intervention) against one where
they shoot (excessive force) or where the crowd throws stones (violent
demonstration); a government force that recaptures ground against a non-state
group that seizes it, or a withdrawal without a fight; a weapon that hits from
the air, from a distance, or from a hidden device. Each cue is a family of
general English news words for one such element; a pair of cues that must come
together (a protest *and* a dispersal) is a feature of its own. The cues name no
actor, place or event: which cue weighs for which type is fitted on data
(:mod:`.event_model`), not written here.
"""

from __future__ import annotations

import re

_PROTEST = (
    r"protest\w*|demonstrat\w*|rall(?:y|ies|ied)\b|marche(?:s|rs|d)\b|\bmarch\b|sit-ins?\b"
    r"|picket\w*|strik(?:e|es|ers)\b|activists?\b|crowds?\b"
)

CUES: dict[str, str] = {
    "protest": _PROTEST,
    "police": r"\b(?:police\w*|security forces|troops|soldiers|authorities|officers?|gendarm\w*)",
    "dispersal": r"dispers\w*|tear ?gas|water cannons?|pepper.spray\w*|baton\w*|broke up|break up"
    r"|rubber bullets|stun grenades?|\bchase[ds]?\b",
    "detained": r"\barrest\w*|detain\w*|in custody|rounded up|apprehend\w*",
    "harmed": r"\bkill\w*|shot dead|\bdead\b|\bdied\b|deaths?\b|live (?:ammunition|rounds|fire)"
    r"|opened fire|fired (?:on|at|into)|wounded|injur\w*|brutal\w*|\bbeat(?:en|ing)?\b",
    "crowd_violence": r"\briot\w*|\bthrew\b|throw\w*|hurl\w*|pelt\w*|stones?\b|rocks?\b"
    r"|petrol bombs?|molotov|torch\w*|set (?:on )?fire|vandali\w*|smash\w*|loot\w*|clash\w*"
    r"|violen\w*|barricad\w*|block\w* (?:roads?|streets?|highways?)",
    "peaceful": r"peaceful\w*|silent|candle\w*|vigil|chant\w*|placards?|banners?|slogans?"
    r"|hunger strike|gathered|petition",
    "mob": r"\bmobs?\b|lynch\w*|vigilante\w*|angry (?:villagers|residents|crowds?|locals)",
    "air": r"air ?strikes?|air raids?|warplanes?|\bjets?\b|aircraft|drones?\b|helicopters?"
    r"|aerial|bombers?\b|sorties",
    "shelling": r"shell(?:ing|ed|s)?\b|artillery|mortars?\b|rockets?\b|missiles?\b|howitzers?"
    r"|projectiles?|barrage",
    "hidden_device": r"\bieds?\b|improvised explosive|roadside bombs?|land ?mines?|car bombs?"
    r"|explosive devices?|booby.trap\w*|\bplanted\b|remote.control\w*|detonat\w*",
    "explosion": r"explo\w*|blast\w*|bomb\w*",
    "suicide": r"suicide|blew (?:himself|herself|themselves) up|self-detonat\w*",
    "grenade": r"grenades?",
    "chemical": r"chemical|sarin|chlorine|mustard|nerve agent|toxic gas|poison\w* gas|gas attack",
    "sexual": r"\brap(?:e|ed|es|ing|ist)\b|sexual\w*|molest\w*",
    "abduction": r"abduct\w*|kidnap\w*|disappear\w*|hostages?|captive|missing\b",
    "weapons": r"weapons?|\barms\b|ammunition|munitions|explosives?|caches?\b|depots?\b"
    r"|stockpiles?|arsenal|rifles?|\bguns?\b",
    "seizure": r"(?:seiz|confiscat|recover|found|discover|uncover|defus|dismantl|destroy|neutrali"
    r"[sz]|deactivat|disarm|cleared)\w*",
    "disposal": r"bomb (?:squad|disposal)|controlled explosion|defus\w*|sappers?|demin\w*",
    "unknown_attackers": r"gunm[ae]n|assailants?|attackers|unidentified|unknown|armed men"
    r"|terrorists?",
    "civilians": r"civilians?|villagers|residents|passengers|worshippers|students|\bwomen\b"
    r"|children|farmers|journalists?|teachers?|tourists?|shoppers",
    "fighting": r"clash\w*|fighting|\bfought\b|battles?\b|gun ?fights?|firefights?|exchanged? "
    r"(?:of )?fire|skirmish\w*|engag\w*|repuls\w*|repell\w*|offensive|counter.?attack\w*",
    "attack": r"attack\w*|ambush\w*|\braid\w*|stormed|assault\w*",
    "state_force": r"\b(?:army|troops|government forces|soldiers|military|security forces|regime"
    r"|national army|pro-government|armed forces|police|forces loyal)\b",
    "non_state": r"militants?|rebels?|insurgents?|jihadists?|\bfighters\b|separatists?|militias?"
    r"|terrorists?|opposition forces|extremists?",
    "capture": r"recaptur\w*|regain\w*|\bretook\b|retak\w*|liberat\w*|took back|seiz\w*|captur\w*"
    r"|(?:took|taken|taking|seized) control|overr[au]n|took over|fell to|control of|swept",
    "withdrawal": r"withdr[ae]w\w*|withdrawal|pull(?:ed|ing)? out|pulled back|handed over"
    r"|hand over|vacat\w*|without (?:any )?(?:resistance|fighting|a fight|clashes)|\bentered\b",
    "base": r"\bbases?\b|headquarters|outposts?|\bcamps?\b|checkpoints?|military posts?"
    r"|positions|garrison",
    "establish": r"establish\w*|set up|setting up|\bbuilt\b|\bbuild\w*|\bopen\w*|station\w*"
    r"|install\w*",
    "agreement": r"agreement|agreed|ceasefire|cease-fire|truce|peace (?:deal|accord|talks)"
    r"|\bsigned\b|accord\b|prisoner (?:swap|exchange)|\bdeal\b|negotiat\w*|reconciliation",
    "group_change": r"merg\w*|\bjoin(?:ed|s|ing)?\b|\bformed\b|formation|dissolv\w*|\bsplit\b"
    r"|defect\w*|renamed|recruit\w*|alliance|allegiance|launched|suspend\w*|disband\w*"
    r"|surrender\w*|\bbanned\b|\bleader\b",
    "property": r"loot\w*|torch\w*|set (?:on )?fire|burn\w*|vandali\w*|arson|destroy\w*"
    r"|demolish\w*|damag\w*|ransack\w*|razed",
    "fatality_count": r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|scores"
    r"|hundreds)\b[^.]{0,30}\b(?:killed|dead|died|lives)\b",
    "displacement": r"\bfled\b|\bflee\w*|displac\w*|refugees?|migrants?|expell\w*|humanitarian"
    r"|\baid\b|graves?\b|exhum\w*|bodies",
    "justice": r"sentenc\w*|convict\w*|\bcourt\b|\bcharged\b|\btrial\b|\bjail\w*|prison",
}

# elements the codebook requires together: the pair is its own feature
PAIRS: tuple[tuple[str, str], ...] = (
    ("protest", "dispersal"), ("protest", "detained"), ("protest", "harmed"),
    ("protest", "crowd_violence"), ("protest", "police"), ("protest", "peaceful"),
    ("state_force", "capture"), ("non_state", "capture"), ("withdrawal", "capture"),
    ("weapons", "seizure"), ("base", "establish"), ("unknown_attackers", "civilians"),
    ("harmed", "civilians"), ("fighting", "state_force"), ("fighting", "non_state"),
    ("attack", "civilians"), ("attack", "non_state"), ("explosion", "hidden_device"),
)  # fmt: skip

_COMPILED = {name: re.compile(p, re.I) for name, p in CUES.items()}
FIRST_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")

CUE_FEATURES: tuple[str, ...] = (
    *CUES,
    *(f"{a}+{b}" for a, b in PAIRS),
    *(f"first:{name}" for name in CUES),
)


def cue_vector(text: str) -> list[float]:
    """1.0/0.0 per :data:`CUE_FEATURES`: each cue, each pair, each cue in the first sentence.

    The first sentence is counted again because a report leads with its event
    (later sentences add background: the clashes before, the arrests after).

    >>> v = dict(zip(CUE_FEATURES, cue_vector("Police fired tear gas to disperse protesters.")))
    >>> v["protest+dispersal"], v["air"]
    (1.0, 0.0)
    """
    found = {name: bool(p.search(text)) for name, p in _COMPILED.items()}
    first_text = FIRST_SENTENCE.split(text, maxsplit=1)[0]
    first = [float(bool(p.search(first_text))) for p in _COMPILED.values()]
    return [
        *(float(v) for v in found.values()),
        *(float(found[a] and found[b]) for a, b in PAIRS),
        *first,
    ]
