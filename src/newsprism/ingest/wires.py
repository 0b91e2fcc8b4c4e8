"""News agencies: canonical names and the spellings outlets credit them by.

A list of wire services is general knowledge about how news is distributed,
not knowledge of any one story.
"""

from __future__ import annotations

import re

AGENCIES: dict[str, tuple[str, ...]] = {
    "Reuters": ("reuters", "thomson reuters"),
    "AFP": ("afp", "agence france-presse", "agence france presse", "france-presse"),
    "AP": ("ap", "associated press", "the associated press"),
    "dpa": ("dpa", "deutsche presse-agentur"),
    "EFE": ("efe", "agencia efe"),
    "ANSA": ("ansa",),
    "Xinhua": ("xinhua", "xinhua news agency"),
    "Anadolu": ("anadolu", "anadolu agency", "aa"),
    "UPI": ("upi", "united press international"),
    "Bloomberg": ("bloomberg", "bloomberg news"),
    "Kyodo": ("kyodo", "kyodo news"),
    "Yonhap": ("yonhap",),
    "TASS": ("tass",),
    "RIA Novosti": ("ria novosti", "ria"),
    "Interfax": ("interfax",),
    "PTI": ("pti", "press trust of india"),
    "IANS": ("ians",),
    "ANI": ("ani",),
    "PA Media": ("pa", "pa media", "press association"),
    "AAP": ("aap", "australian associated press"),
    "CNA": ("cna",),
    "Bernama": ("bernama",),
    "Antara": ("antara",),
    "KUNA": ("kuna",),
    "WAM": ("wam",),
    "SPA": ("spa", "saudi press agency"),
    "IRNA": ("irna",),
    "MENA": ("mena",),
    "SANA": ("sana",),
    "WAFA": ("wafa",),
    "APA": ("apa",),
    "Europa Press": ("europa press",),
    "Agência Brasil": ("agência brasil", "agencia brasil"),
    "Lusa": ("lusa",),
    "NTB": ("ntb",),
    "TT": ("tt",),
    "Ritzau": ("ritzau",),
    "Belga": ("belga",),
}

# Short, ambiguous codes count only when written in capitals as a credit.
_CASE_SENSITIVE = {"aa", "pa", "ap", "tt", "ani", "apa", "cna", "spa", "ria", "wam", "ntb"}

_LOOKUP: dict[str, str] = {alias: name for name, aliases in AGENCIES.items() for alias in aliases}


def canonical_agency(token: str) -> str | None:
    """The canonical name of the agency ``token`` names, or None.

    >>> canonical_agency("Agence France-Presse"), canonical_agency("ap"), canonical_agency("AP")
    ('AFP', None, 'AP')
    """
    cleaned = token.strip(" .,;:()[]—–-\u200f\u200e").strip()
    key = cleaned.casefold()
    if key in _CASE_SENSITIVE and cleaned != cleaned.upper():
        return None
    return _LOOKUP.get(key)


_SPLIT = re.compile(r"\s*(?:/|,|&|\band\b|\bwith\b|\bet\b|\by\b|\bund\b|\+)\s*", re.I)


def agencies_in_list(text: str) -> list[str]:
    """Agencies named in ``text`` when it is nothing but a list of agencies, else [].

    >>> agencies_in_list("Reuters/AFP"), agencies_in_list("Reuters reported")
    (['Reuters', 'AFP'], [])
    """
    parts = [p for p in _SPLIT.split(text.strip(" .()[]")) if p.strip()]
    if not parts:
        return []
    names = [canonical_agency(p) for p in parts]
    if any(n is None for n in names):
        return []
    return list(dict.fromkeys(n for n in names if n))
