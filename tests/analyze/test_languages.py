"""Figures of articles in other languages: read by the language's conventions, never
guessed; what is not read is said."""

from __future__ import annotations

import pytest

from newsprism.analyze.languages import read_figure
from newsprism.analyze.pipeline import analyze_article
from newsprism.records import Article

# MEANTIME (CC BY 4.0): the Spanish and Italian versions of one Wikinews article.
SPANISH = (
    "Northrop Grumman y EADS, matriz de Airbus, han vencido inesperadamente a Boeing en un "
    "contrato de 40.000 millones de US$ (20.100 millones de GB#) para suministrar 179 nuevos "
    "aviones cisterna a un ritmo de 15 al año a las Fuerzas Aéreas de Estados Unidos (USAF)."
)
ITALIAN = (
    "Northrop Grumman e la società capogruppo di Airbus hanno battuto Boeing in un appalto del "
    "valore di 40 miliardi di dollari (20,1 miliardi di sterline), per la fornitura di 179 nuovi "
    "aerei cisterna, con consegne di 15 velivoli all'anno."
)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [(SPANISH, "es", {20.1e9, 179, 15}), (ITALIAN, "it", {40e9, 20.1e9, 179, 15})],
)
def test_figures_are_read_as_the_language_writes_them(
    text: str, language: str, expected: set[float]
) -> None:
    a = analyze_article(Article("x", "x.txt", "text", text, text, language=language))
    values = {q.value_low for q in a.quantities}
    assert expected <= values
    assert 40.0 not in values and 20.1 not in values  # never "40.000" read as forty
    assert all(q.counted is None for q in a.quantities)  # the counted thing is not read
    assert any(n.startswith(f"language {language}:") and "not read" in n for n in a.notes)


def test_an_unsure_figure_is_left_unread() -> None:
    # in Spanish "." groups thousands: "1.5" is no number written the Spanish way
    assert read_figure("1.5", "es") is None
    assert read_figure("1.500", "es") == 1500.0


def test_english_articles_are_read_as_before() -> None:
    text = "The contract is worth $40 billion and covers 179 tankers."
    a = analyze_article(Article("y", "y.txt", "text", text, text, language="en"))
    assert {179.0} <= {q.value_low for q in a.quantities}
    assert not any(n.startswith("language") for n in a.notes)
