"""Every report's win-loss record of one side is a value of one slot, however unlike the
sentences that give it (sentences as fight reports write them, after ECB+ 7ecb: "Riddick
Bowe (43-1) scored an eighth-round decision" against "Bowe (45-1, 33 KOs) had been
training in Germany", which the gold labels a conflict and the claim model, weighing the
sentences, left in two value checks)."""

from __future__ import annotations

from pathlib import Path

from newsprism.records import Story
from newsprism.report import run


def _story(folder: Path, *texts: str) -> Story:
    for n, text in enumerate(texts):
        (folder / f"{n}.txt").write_text(text, encoding="utf-8")
    return run([str(folder)], one_story=True, engine="inprocess", processes=1).stories[0]


def _record_relations(story: Story) -> list[tuple[str, list[str]]]:
    return sorted(
        (c.relation, sorted(g.value for g in c.groups))
        for f in story.facts
        for c in f.comparisons
        if c.slot.startswith("record")
    )


def test_one_fighters_records_in_unlike_sentences_conflict(tmp_path: Path) -> None:
    story = _story(
        tmp_path,
        "Klitschko stops Rahman in Mannheim\n\n"
        "Wladimir Klitschko stopped Hasim Rahman in the seventh round on Saturday night in "
        "Mannheim, Germany, to keep his heavyweight titles. On the undercard, former "
        "heavyweight champion Riddick Bowe (43-1) scored an eighth-round decision over "
        "Gene Pukall.\n",
        "Klitschko too strong for Rahman\n\n"
        "Wladimir Klitschko retained his heavyweight titles on Saturday night, stopping "
        "Hasim Rahman in the seventh round in Mannheim. Former heavyweight champion Riddick "
        "Bowe, 43-1, returned to the ring with a decision win over Gene Pukall.\n",
        "Bowe wins on Klitschko undercard\n\n"
        "On the undercard, former heavyweight champion Riddick Bowe scored an eighth-round "
        "decision over Gene Pukall. Bowe (45-1, 33 KOs) had been training in Germany since "
        "September in an effort to get his stamina up and his weight down. He is most "
        "remembered for his three fights with Evander Holyfield.\n",
    )
    assert ("conflict", ["43-1", "45-1"]) in _record_relations(story)
