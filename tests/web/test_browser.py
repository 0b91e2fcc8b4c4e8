"""In a real browser (Debian's Chromium, driven by Playwright): open a story, click its
conflict, see the passages highlighted in each source; the saved report works offline.
Screenshots are left in artifacts/ for a person to look at."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Route, sync_playwright

from newsprism.render import render
from newsprism.report import Report

from .conftest import artifacts

CHROMIUM = "/usr/bin/chromium"  # Debian's package; `bash .ci/run` installs it
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), "install Debian's chromium (bash .ci/run does)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    p = context.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda exc: errors.append(str(exc)))
    # a Content-Security-Policy that blocks the page's own script or style is a bug
    p.on(
        "console",
        lambda msg: errors.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    yield p
    context.close()
    assert not errors, f"script errors or blocked resources in the page: {errors}"


def _highlighted(page: Page) -> tuple[int, set[str], str]:
    marks = page.locator(".c.hl")
    articles = {marks.nth(i).get_attribute("data-a") or "" for i in range(marks.count())}
    text = " ".join(marks.nth(i).inner_text() for i in range(marks.count()))
    return marks.count(), articles, text


def test_click_a_conflict_and_see_its_spans(live_server: str, page: Page) -> None:
    page.goto(live_server + "/")
    page.get_by_role("link", name="Arcade Joseph Comeaux").first.click()
    page.wait_for_url("**/stories/*")
    assert page.locator("h2").first.inner_text().startswith("Arcade Joseph Comeaux")
    assert _highlighted(page)[0] == 0
    conflict = page.locator("li.conflict button.fact").first
    conflict.click()
    assert conflict.get_attribute("aria-pressed") == "true"
    count, articles, text = _highlighted(page)
    assert count >= 4 and len(articles) == 4  # every source's wording, in every source
    assert "June 1998" in text and "June 1999" in text
    assert "4 article(s)" in page.locator("#hl-status").inner_text()
    page.screenshot(path=str(artifacts() / "story-conflict.png"))
    # a second click clears the highlight; the keyboard works like the mouse
    conflict.click()
    assert _highlighted(page)[0] == 0
    conflict.focus()
    page.keyboard.press("Enter")
    assert _highlighted(page)[0] == count


def test_report_file_works_offline(escape_report: Report, tmp_path: Path, page: Page) -> None:
    path = tmp_path / "report.html"
    path.write_text(render(escape_report, "html"), encoding="utf-8")
    requested: list[str] = []

    def refuse(route: Route, *_: Any) -> None:
        requested.append(route.request.url)
        route.abort()

    page.route("http*://**", refuse)
    page.goto(path.as_uri())
    first = page.locator("li.corroborated button.fact").first
    first.click()
    count, articles, _ = _highlighted(page)
    assert count >= 2 and len(articles) >= 2
    page.emulate_media(media="print")
    page.screenshot(path=str(artifacts() / "report-print.png"), full_page=True)
    assert requested == []


def test_the_event_map_renders_offline_and_its_points_open_their_facts(
    escape_report: Report, tmp_path: Path, page: Page
) -> None:
    path = tmp_path / "report.html"
    path.write_text(render(escape_report, "html"), encoding="utf-8")
    requested: list[str] = []

    def refuse(route: Route, *_: Any) -> None:
        requested.append(route.request.url)
        route.abort()

    page.route("http*://**", refuse)
    page.goto(path.as_uri())
    svg = page.locator("svg.event-map").first
    svg.scroll_into_view_if_needed()
    assert svg.is_visible()
    box = svg.bounding_box()
    assert box is not None and box["width"] > 200 and box["height"] > 100
    assert page.locator("svg.event-map path").count() >= 1  # a country outline (Texas, USA)
    point = page.locator("svg.event-map a circle").first
    assert point.is_visible()
    pbox = point.bounding_box()
    assert pbox is not None  # the point lies inside the map
    assert box["x"] <= pbox["x"] <= box["x"] + box["width"]
    assert box["y"] <= pbox["y"] <= box["y"] + box["height"]
    page.screenshot(path=str(artifacts() / "event-map.png"), clip=box)
    target = page.locator("svg.event-map a").first.get_attribute("href")
    assert target and target.startswith("#")
    point.click()
    assert page.evaluate("location.hash") == target  # the point opens its fact
    assert page.locator(target).count() == 1
    assert requested == []
