"""A part of a country named by a compass adjective ("in southern Iran") is a place of
its own, more precise than the country and lying in it: reports that give it are
compared with reports that give the province, even when every report also names the
country elsewhere (the examples' story: "across the Rif Damashq province" against "in
southern Syria", each report naming Syria many times)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.sentence_claims import claims_in

from newsprism.report import Report, run

_REPORTS = (
    "Quake kills 10 in Iran\n\n"
    "A magnitude 5.9 earthquake killed 10 people in Hormozgan province on Monday, officials "
    "said. Homes were destroyed across southern Iran. Earthquakes are frequent in Iran, which "
    "sits on several major fault lines.\n",
    "Deadly earthquake hits Iran\n\n"
    "A magnitude 5.9 earthquake killed 10 people in Hormozgan province on Monday. Dozens of "
    "villages were damaged. Earthquakes are frequent in Iran, which lies on major fault lines.\n",
    "Earthquake in Iran kills 10\n\n"
    "A magnitude 5.9 earthquake struck southern Iran on Monday, killing 10 people in southern "
    "Iran, state media said. Earthquakes are frequent in Iran, which sits on several major "
    "fault lines.\n",
    "Strong quake in Iran\n\n"
    "A strong earthquake destroyed homes across southern Iran on Monday, killing 10 people, "
    "officials said. Rescue teams from across Iran were sent to the area.\n",
)


def _report(folder: Path, *texts: str) -> Report:
    for n, text in enumerate(texts):
        (folder / f"{n}.txt").write_text(text, encoding="utf-8")
    return run([str(folder)], one_story=True, engine="inprocess", processes=1)


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("Floods forced thousands from their homes in northern Italy on Tuesday.", "part:north"),
        ("Rebels attacked a convoy in northeastern Nigeria on Sunday.", "part:northeast"),
        # a compass word inside the name names another place, no part of one
        ("Floods forced thousands from their homes in South Africa on Tuesday.", None),
    ],
)
def test_a_compass_adjective_before_a_place_names_a_part_of_it(sentence: str, cue: str) -> None:
    places = [c for c in claims_in("a", sentence, "2024-03-05") if c.kind == "place"]
    assert [c.cue for c in places] == [cue]


def test_a_province_and_a_part_of_its_country_are_one_place_at_two_levels(
    tmp_path: Path,
) -> None:
    report = _report(tmp_path, *_REPORTS)
    order = {a.id: int(Path(a.source).stem) for a in report.articles}
    found = [
        (c.relation, sorted((sorted(order[a] for a in g.article_ids), g.value) for g in c.groups))
        for f in report.stories[0].facts
        for c in f.comparisons
        if c.slot.startswith("place")
    ]
    # the two reports of the province against the two of the south, a variant: the
    # first report names both (the province inside the country)
    assert [
        (rel, [(arts, "Hormozgan" in v or v) for arts, v in groups]) for rel, groups in found
    ] == [("variant", [([0, 1], True), ([2, 3], "southern Iran")])]
