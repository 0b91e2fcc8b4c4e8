"""Planted edits: a report copied several times, each copy with one thing changed.

Grading against a primary source (``--primary``) must say what each copy changed,
and nothing about a copy that changed nothing. The test: take a real report (ECB+
topics 1–35), write it as the primary and as copies, each copy with one planted
edit — a number, a date, a place, a word of a quotation — or none, run newsprism
on the copies with ``--primary``, and check each copy's grade: the edit caught with
its label (number, date, place; a changed quotation ``altered``), no change called
for the unchanged copy. Edits are made from the text and ECB+'s own place
annotations, never from newsprism's output; they are seeded, so a run is
reproducible.
"""

from __future__ import annotations

import io
import random
import re
import tarfile
import tempfile
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import Settings
from .stories import _detokenize, _ecb_document

KINDS = ("none", "number", "date", "place", "quote")
_ECB_NAME = re.compile(r"(?:^|/)(\d+)_(\d+)(ecb|ecbplus)\.xml$")
_NUMBER = re.compile(r"(?<![\w.,:/$-])(\d{1,3}(?:,\d{3})+|\d+)(?![\w:/-]|[.,]\d)")
_NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_NUMBER_WORD = re.compile(rf"\b({'|'.join(_NUMBER_WORDS)})\b", re.I)
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
           "December|Jan\\.|Feb\\.|Aug\\.|Sept\\.|Oct\\.|Nov\\.|Dec\\.")  # fmt: skip
_MONTH_DAY = re.compile(rf"\b(?:{_MONTHS})\s+(\d{{1,2}})\b")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = re.compile(rf"\b({'|'.join(_WEEKDAYS)})\b")


@dataclass(frozen=True)
class Report:
    """An ECB+ report: its name, text and the places its annotators marked (LOC_GEO)."""

    name: str
    text: str
    places: tuple[str, ...]


@dataclass(frozen=True)
class PlantedCopy:
    """A copy of a report with one edit of ``kind`` (``before`` → ``after``), or none."""

    kind: str
    text: str
    before: str = ""
    after: str = ""


def read_reports(path: str | Path, topics: set[int] | None = None) -> Iterator[Report]:
    """ECB+ reports (tarball or folder) with their annotated place names."""
    path = Path(path)
    items: list[tuple[str, bytes]] = []
    if path.is_dir():
        items = [(f.name, f.read_bytes()) for f in sorted(path.rglob("*.xml"))]
    else:
        with tarfile.open(path) as tar:
            for member in sorted(tar.getmembers(), key=lambda m: m.name):
                handle = tar.extractfile(member) if "/ECB+/" in member.name else None
                if handle is not None:
                    items.append((Path(member.name).name, handle.read()))
    for name, data in items:
        m = _ECB_NAME.search(name)
        if not m or (topics is not None and int(m.group(1)) not in topics):
            continue
        doc = _ecb_document(name, data)
        yield Report(name, doc.body, _places(data, doc.body))


MIN_WORDS = 150  # a report long enough to be reprinted (ECB+ also holds one-line briefs)


def choose_reports(path: str | Path, count: int) -> list[Report]:
    """``count`` reports of ECB+ spread over its topics: every k-th of those with at
    least :data:`MIN_WORDS` words, in file order."""
    reports = [r for r in read_reports(path) if len(r.text.split()) >= MIN_WORDS]
    step = max(1, len(reports) // count)
    return reports[::step][:count]


def _places(data: bytes, text: str) -> tuple[str, ...]:
    root = ET.parse(io.BytesIO(data)).getroot()
    tokens = {t.get("t_id"): t.text or "" for t in root.iter("token")}
    found = []
    for markable in root.iter():
        if markable.tag != "LOC_GEO":
            continue
        words = [tokens.get(a.get("t_id"), "") for a in markable.findall("token_anchor")]
        name = _detokenize(" ".join(words))
        if name and name[0].isupper() and len(name.split()) <= 3 and name in text:
            found.append(name)
    return tuple(dict.fromkeys(found))


_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\b|GMT|UTC|[A-Z]{2,4}T\b)?", re.I)


def _body_lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) of the running text: lines of eight words or more after the title,
    timestamp lines left out (each outlet stamps its copy with its own time)."""
    out, offset = [], 0
    for i, line in enumerate(text.split("\n")):
        if i > 0 and len(line.split()) >= 8 and not _CLOCK.search(line):
            out.append((offset, line))
        offset += len(line) + 1
    return out


def _inside_quotation(text: str) -> list[bool]:
    """For each character, whether it lies inside quotation marks (a quotation may run
    over several paragraphs; a paragraph that opens one without closing it continues)."""
    out, open_ = [], False
    for c in text:
        if c == "“":
            open_ = True
        elif c == "”":
            open_ = False
        elif c == '"':
            open_ = not open_
        out.append(open_ or c in '"“”')
    return out


def _candidates(text: str, kind: str, places: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, replacement) for every spot an edit of ``kind`` could go."""
    spots: list[tuple[int, int, str]] = []
    inside = _inside_quotation(text)
    for offset, line in _body_lines(text):

        def free(s: int, e: int, offset: int = offset) -> bool:
            return not inside[offset + s] and not inside[offset + e - 1]

        if kind == "number":
            for m in _NUMBER.finditer(line):
                value = int(m.group(1).replace(",", ""))
                if 1900 <= value <= 2100 or not free(m.start(), m.end()):
                    continue
                near = line[max(0, m.start() - 12) : m.end() + 12]
                if _MONTH_DAY.search(near) or re.search(rf"\b{m.group(1)}\s+(?:{_MONTHS})", near):
                    continue  # a day of a date
                new = value + max(2, round(value * 0.3))
                spots.append((offset + m.start(1), offset + m.end(1),
                              f"{new:,}" if "," in m.group(1) else str(new)))  # fmt: skip
            for m in _NUMBER_WORD.finditer(line):
                if free(m.start(), m.end()):
                    k = _NUMBER_WORDS.index(m.group(1).casefold())
                    new_word = _NUMBER_WORDS[(k + 3) % len(_NUMBER_WORDS)]
                    if m.group(1)[0].isupper():
                        new_word = new_word.capitalize()
                    spots.append((offset + m.start(1), offset + m.end(1), new_word))
        elif kind == "date":
            for m in _MONTH_DAY.finditer(line):
                if not free(m.start(), m.end()):
                    continue
                day = int(m.group(1))
                new_day = day + 3 if day <= 25 else day - 3
                spots.append((offset + m.start(1), offset + m.end(1), str(new_day)))
            for m in _WEEKDAY.finditer(line):
                if not free(m.start(), m.end()):
                    continue
                k = _WEEKDAYS.index(m.group(1))
                spots.append((offset + m.start(1), offset + m.end(1), _WEEKDAYS[(k + 3) % 7]))
        elif kind == "place":
            for name in places:
                for m in re.finditer(rf"\b{re.escape(name)}\b", line):
                    if free(m.start(), m.end()):
                        spots.append((offset + m.start(), offset + m.end(), name))
        elif kind == "quote":
            flags = "".join("q" if inside[offset + i] else "-" for i in range(len(line)))
            for m in re.finditer(r"q+", flags):
                quotation = line[m.start() : m.end()]
                if quotation[0] not in '"“' or quotation[-1] not in '"”':
                    continue  # a quotation within the paragraph, not a quoted block
                words = list(re.finditer(r"[A-Za-z]{4,}", quotation))
                if len(quotation.split()) >= 6 and len(words) >= 3:
                    w = words[len(words) // 2]
                    s = offset + m.start() + w.start()
                    spots.append((s, s + len(w.group(0)), w.group(0)))
    return spots


def plant(
    report: Report, kind: str, rng: random.Random, pool: Sequence[str], words: Sequence[str]
) -> PlantedCopy | None:
    """A copy of ``report`` with one edit of ``kind``; None when the text has no spot for it.

    A place becomes another annotated place of another report (``pool``); a word of a
    quotation becomes another word (``words``) of the same length class.
    """
    if kind == "none":
        return PlantedCopy("none", report.text)
    spots = _candidates(report.text, kind, report.places)
    if not spots:
        return None
    start, end, new = spots[rng.randrange(len(spots))]
    old = report.text[start:end]
    if kind == "place":
        others = [
            p for p in pool if p not in report.places and p.casefold() not in report.text.casefold()
        ]
        if not others:
            return None
        new = others[rng.randrange(len(others))]
    elif kind == "quote":
        others = [
            w
            for w in words
            if w.casefold() != old.casefold() and w.casefold() not in report.text.casefold()
        ]
        if not others:
            return None
        new = others[rng.randrange(len(others))]
        new = new.capitalize() if old[0].isupper() else new.casefold()
    return PlantedCopy(kind, report.text[:start] + new + report.text[end:], old, new)


@dataclass(frozen=True)
class Outcome:
    """One copy graded: the kind planted, whether a change of that kind was called,
    whether any change was called, and what the grade said."""

    report: str
    kind: str
    caught: bool
    alarmed: bool
    said: tuple[str, ...]


def _label(kind: str, grade: Any) -> bool:
    """Whether the grade names a change of ``kind``."""
    changed = " ".join(what for _, what in grade.changed).casefold()
    quotes = [what for _, what in grade.quotes_changed]
    if kind == "quote":
        return any(q.startswith("altered") for q in quotes) or "quotation altered" in changed
    return {"number": "number", "date": "date", "place": "place"}[kind] in changed


def run_planted(
    reports: Sequence[Report], settings: Settings | None = None, seed: int = 17
) -> list[Outcome]:
    """Plant one copy of each kind per report (skipping kinds a report has no spot for),
    run ``newsprism analyze copies/ --primary primary.txt`` on them and grade each copy."""
    from ..report import run

    settings = settings or Settings()
    pool = sorted({p for r in reports for p in r.places})
    vocabulary = sorted({w for r in reports for w in re.findall(r"\b[a-z]{5,9}\b", r.text)})
    outcomes: list[Outcome] = []
    for report in reports:
        rng = random.Random(f"{seed}:{report.name}")
        copies = [c for c in (plant(report, k, rng, pool, vocabulary) for k in KINDS) if c]
        with tempfile.TemporaryDirectory(prefix="newsprism-planted-") as tmp:
            folder = Path(tmp) / "copies"
            folder.mkdir()
            primary = Path(tmp) / "primary.txt"
            primary.write_text(report.text, "utf-8")
            names = {}
            for n, c in enumerate(copies):
                name = f"copy{n}-{c.kind}.txt"
                # its own bytes (an unchanged copy is not the primary's file read twice)
                (folder / name).write_text(c.text + "\n" * (n + 1), "utf-8")
                names[name] = c
            result = run([str(folder)], settings, primary=str(primary), processes=1)
            grades = {g.article_id: g for s in result.stories for g in s.grades}
            for article in result.articles:
                copy = names.get(Path(article.source).name)
                if copy is None:
                    continue
                grade = grades.get(article.id)
                said: tuple[str, ...] = ()
                caught = alarmed = False
                if grade is None:
                    said = ("not in the primary's story",)
                    alarmed = True
                else:
                    said = tuple(w for _, w in grade.changed) + tuple(
                        w for _, w in grade.quotes_changed
                    )
                    alarmed = bool(said)
                    caught = copy.kind != "none" and _label(copy.kind, grade)
                outcomes.append(Outcome(report.name, copy.kind, caught, alarmed, said))
    return outcomes


def format_planted(figures: dict[str, Any]) -> str:
    """The figures, one per line."""
    caught = figures["caught"] / figures["edits"] if figures["edits"] else 0.0
    lines = [
        f"edits caught with the right label: {figures['caught']}/{figures['edits']} ({caught:.0%})",
        f"false alarms on unchanged copies: {figures['false_alarms']}/{figures['unchanged']}",
    ]
    lines += [
        f"  {k.removesuffix('_caught')}: {v}" for k, v in figures.items() if k.endswith("_caught")
    ]
    return "\n".join(lines)


def summarize(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """Edits caught with the right label, by kind and overall; false alarms on copies
    that changed nothing."""
    by_kind: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        by_kind[o.kind].append(o)
    edits = [o for o in outcomes if o.kind != "none"]
    out: dict[str, Any] = {
        "edits": len(edits),
        "caught": sum(o.caught for o in edits),
        "unchanged": len(by_kind["none"]),
        "false_alarms": sum(o.alarmed for o in by_kind["none"]),
    }
    for kind in KINDS[1:]:
        out[f"{kind}_caught"] = f"{sum(o.caught for o in by_kind[kind])}/{len(by_kind[kind])}"
    return out
