"""The HTML report, read the way a journalist would check it: every fact's passages are
marked in the sources, conflicts show both wordings, quotes show word diffs, and the page
needs nothing from the network."""

from __future__ import annotations

import itertools
import re
from typing import Any

import lxml.html
import pytest

from newsprism.render.html import render_html, segments
from newsprism.report import Report, report_to_json


def _doc(report: Report) -> Any:
    return lxml.html.fromstring(render_html(report))


def _marked(doc: Any, key: str, number: int) -> str:
    """The text of the passages a button with data-hl=KEY highlights in article NUMBER."""
    parts = [
        el.text_content()
        for el in doc.xpath("//span[@data-k]")
        if key in el.get("data-k").split() and el.get("data-a") == str(number)
    ]
    return "".join(parts)


@pytest.fixture(scope="module")
def escape_doc(escape_report: Report) -> Any:
    return _doc(escape_report)


def test_every_statement_is_marked_in_its_source(escape_report: Report, escape_doc: Any) -> None:
    story = report_to_json(escape_report)["stories"][0]
    numbers = {aid: n for n, aid in enumerate(story["article_ids"], 1)}
    checked = 0
    for fact in story["facts"]:
        buttons = escape_doc.xpath(f"//button[@data-hl='st1-{fact['id']}']")
        assert len(buttons) == 1, fact["id"]
        for st in fact["statements"]:
            marked = _marked(escape_doc, f"st1-{fact['id']}", numbers[st["article_id"]])
            assert st["text"] in marked
            checked += 1
    assert checked >= 20


def test_conflict_shows_both_wordings_with_the_differing_values(
    escape_report: Report, escape_doc: Any
) -> None:
    story = report_to_json(escape_report)["stories"][0]
    conflict = next(f for f in story["facts"] if f["status"] == "conflict")
    item = escape_doc.get_element_by_id(f"st1-{conflict['id']}")
    assert "conflict" in item.get("class")
    wordings = [li.text_content() for li in item.xpath(".//ol[@class='wordings']/li")]
    assert len(wordings) == len(conflict["statements"])
    emphasised = {el.text_content() for el in item.xpath(".//span[@class='diffval']")}
    assert {"June 1998", "June 1999"} <= emphasised
    # the matrix row says which source gives which value
    row = escape_doc.xpath(f"//table[@class='matrix']//tr[th/a[@href='#st1-{conflict['id']}']]")
    cells = [td.text_content() for td in row[0].xpath("./td")]
    assert "June 1998" in cells and "June 1999" in cells


def test_citation_links_land_on_their_passage(escape_report: Report, escape_doc: Any) -> None:
    links = escape_doc.xpath("//a[@class='cite']")
    assert len(links) >= 10
    story = report_to_json(escape_report)["stories"][0]
    texts = {
        (st["article_id"], st["start"]): st["text"]
        for f in story["facts"]
        for st in f["statements"]
    }
    numbers = {aid: n for n, aid in enumerate(story["article_ids"], 1)}
    for link in links:
        target = escape_doc.get_element_by_id(link.get("href")[1:])
        m = re.match(r"st1-a(\d+)-(\d+)$", target.get("id"))
        assert m is not None
        aid = next(a for a, n in numbers.items() if n == int(m.group(1)))
        expected = texts.get((aid, int(m.group(2))))
        if expected is not None:
            assert expected.startswith(target.text_content()[:20])


def test_quotes_are_compared_with_word_diffs(seeds_report: Report) -> None:
    doc = _doc(seeds_report)
    section = doc.xpath("//h3[starts-with(normalize-space(.), 'Quotes compared')]")
    assert section, "the seeds quote one commander in several outlets"
    assert doc.xpath("//li//div[@class='muted']/del") and doc.xpath("//em[.='abridged']")


def test_page_needs_nothing_from_the_network(escape_doc: Any) -> None:
    assert not escape_doc.xpath("//script[@src] | //link | //img | //iframe")
    style = "".join(escape_doc.xpath("//style/text()"))
    assert "@import" not in style and "url(" not in style
    assert "@media print" in style


def test_page_is_accessible(escape_doc: Any) -> None:
    assert escape_doc.get("lang") == "en"
    levels = [int(h.tag[1]) for h in escape_doc.iter("h1", "h2", "h3", "h4")]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels
    for button in escape_doc.xpath("//button[@data-hl]"):
        assert button.get("type") == "button" and button.get("aria-pressed") == "false"
    assert escape_doc.xpath("//*[@role='status' and @aria-live='polite']")
    for table in escape_doc.xpath("//table"):
        assert table.xpath(".//th[@scope]")


def test_segments_cut_overlapping_spans() -> None:
    text = "The river rose two metres overnight."
    cut = segments(text, [("a", 4, 15), ("b", 10, 25)])
    assert "".join(text[s:e] for s, e, _ in cut) == text
    assert [text[s:e] for s, e, keys in cut if keys == ["a", "b"]] == ["rose "]


def _luminance(hex_colour: str) -> float:
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    channels = [int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_text_colours_meet_wcag_aa_contrast() -> None:
    from newsprism.render.assets import CSS

    var = dict(re.findall(r"--([\w-]+):(#[0-9a-fA-F]{3,6})", CSS))
    pairs = [
        ("ink", "bg"),
        ("muted", "bg"),
        ("muted", "soft"),
        ("ink", "soft"),
        ("accent", "bg"),
        ("hl-ink", "hl"),
        ("ink", "hl"),
        ("conflict", "bg"),
    ]
    for fg, bg in pairs:
        assert _contrast(var[fg], var[bg]) >= 4.5, (fg, bg)
    for badge in ("conflict", "variant", "ok"):  # white badge text on its colour
        assert _contrast("#ffffff", var[badge]) >= 4.5, badge
    rules = re.findall(r"(?:del|ins)\{background:(#\w+);color:(#\w+)", CSS)
    assert len(rules) == 2
    for background, colour in rules:
        assert _contrast(colour, background) >= 4.5, (colour, background)


def _reprinted(data: dict[str, Any], copies: int) -> dict[str, Any]:
    """The report with the story's first article reprinted ``copies`` times by other
    outlets: one origin, every statement and quote of it repeated word for word."""
    import copy

    data = copy.deepcopy(data)
    story = data["stories"][0]
    first = story["article_ids"][0]
    original = next(a for a in data["articles"] if a["id"] == first)
    ids = [f"reprint{k:04d}" for k in range(copies)]
    data["articles"] += [{**original, "id": i, "outlet": f"Outlet {k}"} for k, i in enumerate(ids)]
    story["article_ids"] += ids
    origin = next(o for o in story["origins"] if first in o["article_ids"])
    origin["article_ids"] += ids
    for item, key in [(f, "statements") for f in story["facts"]] + [
        (q, "renderings") for q in story["quotes"]
    ]:
        mine = [x for x in item[key] if x["article_id"] == first]
        item[key] += [{**x, "article_id": i} for i in ids for x in mine]
    return data


def test_a_story_of_a_thousand_reprints_keeps_a_small_page_whose_links_land(
    seeds_report: Report,
) -> None:
    from newsprism.render.html import report_page

    data = report_to_json(seeds_report)
    small = report_page(_reprinted(data, 20))
    big = report_page(_reprinted(data, 1000))
    # copies are shown once: 980 more reprints add a line each, not their texts again
    assert len(big) < len(small) + 1000 * 400
    doc = lxml.html.fromstring(big)
    summaries = [s.text_content() for s in doc.xpath("//details/summary")]
    assert sum("and 1000 more of the same origin" in s for s in summaries) == 1
    # one full text per origin
    assert len(doc.xpath("//section[@class='src']")) == len(data["stories"][0]["origins"])
    for link in doc.xpath("//a[@class='cite']"):  # every citation lands somewhere
        assert doc.get_element_by_id(link.get("href")[1:]) is not None
    words = [li.text_content() for li in doc.xpath("//ol[@class='wordings']/li")]
    assert any("and 1000 more articles word for word" in w for w in words)
