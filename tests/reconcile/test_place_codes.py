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
