"""A subdivision code a town's name got on its own is dropped when the story's places
put the town in another country (ECB+ 28ecb: "Santa Rosa" written alone beside "Santa
Rosa, Calif." was Guatemala's department GT-06, and the reader saw "Santa Rosa" against
"Santa Rosa" as a variant of the place of Felt's death)."""

from __future__ import annotations

from pathlib import Path

from newsprism.records import Story
from newsprism.report import run

_ALONE = (
    "Deep Throat source Mark Felt dies at 95\n\n"
    "Mark Felt, the former FBI official who was the Watergate source known as Deep Throat, "
    "died Thursday in Santa Rosa. He was 95.\n"
)


def _story(folder: Path, *texts: str) -> Story:
    for n, text in enumerate(texts):
        (folder / f"{n}.txt").write_text(text, encoding="utf-8")
    return run([str(folder)], one_story=True, engine="inprocess", processes=1).stories[0]


def test_a_town_written_alone_is_the_town_the_story_places_it(tmp_path: Path) -> None:
    story = _story(
        tmp_path,
        _ALONE,
        "Watergate's Deep Throat dies\n\n"
        "W. Mark Felt, the FBI official who became the secret Watergate source Deep Throat, "
        "died on Thursday in Santa Rosa, Calif. He was 95.\n",
    )
    assert [e.place for e in story.entities if e.name == "Santa Rosa"] == [None]
    # one town in both reports: the place of the death is no variant of itself
    assert not [c for f in story.facts for c in f.comparisons if c.slot.startswith("place")]


def test_a_department_the_story_places_in_its_country_keeps_its_code(tmp_path: Path) -> None:
    story = _story(
        tmp_path,
        _ALONE,
        "Watergate's Deep Throat dies\n\n"
        "W. Mark Felt, the FBI official who became the secret Watergate source Deep Throat, "
        "died on Thursday in Santa Rosa, Guatemala, where he had retired. He was 95.\n",
    )
    assert "GT-06" in [e.place for e in story.entities if e.name == "Santa Rosa"]


def test_a_capital_named_like_a_division_is_the_capital_the_story_places(tmp_path: Path) -> None:
    """The name index codes "Washington" as the state US-WA; beside other places the
    gazetteer reads it as the capital in its own district, so the meeting is placed in
    the capital, not in the state across the country."""
    story = _story(
        tmp_path,
        "Syrian leader visits the US\n\n"
        "The Syrian president met the US president in Washington on Monday, days after "
        "talks in Damascus.\n",
        "Syrian leader in Washington\n\n"
        "The Syrian president met the US president in Washington, D.C., on Monday.\n",
    )
    assert [e.place for e in story.entities if e.name == "Washington"] == [None]
    placed = {p for f in story.facts for s in f.statements for p in s.places}
    assert "US-WA" not in placed and "US" in placed


def test_a_division_the_story_reads_as_the_division_keeps_its_code(tmp_path: Path) -> None:
    story = _story(
        tmp_path,
        "Wildfire in the US\n\n"
        "A wildfire burned 20 homes in Washington on Monday, US officials in Seattle said.\n",
        "Homes burn\n\n"
        "A wildfire burned 20 homes in the US state of Washington on Monday, officials in "
        "Spokane said.\n",
    )
    assert [e.place for e in story.entities if e.name == "Washington"] == ["US-WA"]
