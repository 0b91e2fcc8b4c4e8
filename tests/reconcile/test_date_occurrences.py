"""Dates of one occurrence, not of two alike: who took part, spans of years, weekdays."""

from __future__ import annotations

import numpy as np

from newsprism.analyze.claims import extract_claims
from newsprism.analyze.entities import extract_mentions
from newsprism.analyze.nlp import parse
from newsprism.analyze.quantities import extract_quantities
from newsprism.analyze.times import extract_times
from newsprism.analyze.units import not_dates
from newsprism.reconcile.claims import compare_claims, said_of
from newsprism.records import Claim, Comparison


def _claims(aid: str, text: str, published: str | None) -> list[Claim]:
    doc = parse(text)
    times = extract_times(aid, doc, published)
    quantities = not_dates(extract_quantities(aid, doc), times)
    return list(extract_claims(aid, doc, quantities, times, extract_mentions(aid, doc)))


def compared(*reports: tuple[str, str, str | None]) -> tuple[Comparison, ...]:
    claims = [c for aid, text, published in reports for c in _claims(aid, text, published)]
    return compare_claims(said_of(claims, {}, {aid: pub for aid, _, pub in reports}))


def dates(found: tuple[Comparison, ...]) -> list[tuple[str, str, list[str]]]:
    return [(c.slot, c.relation, sorted(g.value for g in c.groups))
            for c in found if c.slot.startswith("date")]  # fmt: skip


def test_two_players_arrests_are_two_occurrences() -> None:
    """ECB+ 35ecbplus: one report dates the arrest of the story's player, another recalls
    a teammate's arrest a month before. Both are "arrested" on a day, so the rules of
    one occurrence called the two days a conflict; the parse names whose arrest each
    is, and no one is named in both."""
    found = compared(
        ("a", "Jamal Williams, 32, was arrested around 1:30 a.m. Feb. 1 on state Route 94 "
              "on suspicion of drunken driving.", "2009-02-02"),
        ("b", "Receiver Vincent Jackson was arrested for investigation of DUI on Jan. 6, "
              "five days before San Diego's playoff loss at Pittsburgh.", "2009-02-02"),
    )  # fmt: skip
    assert dates(found) == []


def test_one_arrest_told_with_and_without_the_arresting_agency_still_conflicts() -> None:
    """The same man's arrest dated two days apart is a disagreement a reader checks,
    whether or not a report names who arrested him."""
    found = compared(
        ("a", "The FBI arrested Jamal Williams on Feb. 1 in San Diego.", "2009-02-05"),
        ("b", "Jamal Williams was arrested on Feb. 3 in San Diego.", "2009-02-05"),
    )
    assert [(s, r) for s, r, _ in dates(found)] == [("date of: arrested", "conflict")]


def test_a_span_of_years_written_short_is_read_to_its_last_year() -> None:
    """ECB+ 31ecb: "Ford's total from 1974-78" was read as the year 1974 alone, and
    weighed as a point year against "finished his career in 1978"."""
    (c,) = [c for c in _claims("a", "Ford scored 2,290 points from 1974-78 at North Carolina.",
                               "2008-12-16") if c.kind == "date"]  # fmt: skip
    assert (c.text, c.start, c.end) == ("from 1974-78", "1974-01-01", "1978-12-31")
    (c,) = [c for c in _claims("a", "He coached the club from 1995–99.", None) if c.kind == "date"]
    assert (c.start, c.end) == ("1995-01-01", "1999-12-31")


def test_a_date_that_opens_or_closes_a_span_holds_a_year_inside_it() -> None:
    """ECB+ 19ecb and 4ecb: "in power since 1967" and "in 1973", "disappeared by 1958" and
    "in 1957" can both be true: the one is a bound of the occurrence, the other a year it
    holds. Compared, they are a variant, never a conflict."""
    found = compared(
        ("a", "The military junta had been in power in Greece since 1967.", "2008-12-08"),
        ("b", "The military junta was in power in Greece in 1973.", "2008-12-08"),
    )
    assert dates(found) == [("date of: junta", "variant", ["1973", "since 1967"])]
    found = compared(
        ("a", "Page disappeared from the scene by 1958.", "2008-12-12"),
        ("b", "Page disappeared from the scene in 1957.", "2008-12-12"),
    )
    assert dates(found) == [("date of: disappear", "variant", ["1957", "by 1958"])]


def _date(aid: str, text: str, published: str | None = None) -> Claim:
    (c,) = [c for c in _claims(aid, text, published) if c.kind == "date"]
    return c


def test_a_report_giving_a_date_twice_more_or_less_precisely_joins_one_value_check() -> None:
    """ECB+ 3ecb: a report writes "on March 11, 2005" in one sentence and "the March 2005
    rampage" in another; a second report writes "a March 2005 shooting spree". The claim
    model joins them as one slot, but the first report seemed to give two values, so the
    second report's date was kept out of the value check and never compared."""
    from newsprism.reconcile.align import _join
    from newsprism.reconcile.date_rules import one_held_by_other

    claims = [
        _date("a", "Nichols overpowered a deputy on March 11, 2005, and seized her gun."),
        _date("a", "He was convicted of murder for the March 2005 rampage."),
        _date("b", "Nichols was sentenced for a March 2005 shooting spree in the courthouse."),
    ]
    assert one_held_by_other(claims[0], claims[1])
    value = [0, 1, 1]
    x, y = np.array([0, 0, 1]), np.array([1, 2, 2])
    groups = _join(x, y, np.array([0.9, 0.8, 0.9]), [0, 0, 1], value,
                   fits=lambda v, w: v == w or one_held_by_other(claims[v], claims[w]))  # fmt: skip
    assert sorted(sorted(g) for g in groups) == [[0, 1, 2]]


def test_a_report_dating_one_arrest_by_its_day_and_by_a_span_joins_one_value_check() -> None:
    """ECB+ 35ecbplus: a report says Jackson "was arrested on Jan. 6" and, further down,
    "was arrested last month"; an undated report says he "was arrested last month".
    The claim model joins the three as one slot, but the first report seemed to give
    two values, so its day was kept out of the value check and never compared with the
    other report's span. A span counted from the report's date beside a day of the same
    occurrence is one date said twice (a span beside a date of another occurrence, a
    background year, stays two values)."""
    from newsprism.reconcile.align import claim_groups
    from newsprism.reconcile.date_rules import span_of_one_occurrence
    from newsprism.records import Span, Statement

    texts = [
        ("a", "Vincent Jackson was arrested on Jan. 6 for investigation of drunken driving."),
        ("a", "Vincent Jackson was arrested last month on suspicion of drunken driving."),
        ("b", "Receiver Vincent Jackson was arrested last month for investigation of DUI."),
    ]
    claims = [_date(aid, text) for aid, text in texts]
    assert span_of_one_occurrence(claims[0], claims[1])
    background = _date("a", "His father died in 2006 after a long illness.")
    assert not span_of_one_occurrence(background, claims[1])
    statements = [Statement(Span(aid, 0, len(text)), text, claims=(c,))
                  for (aid, text), c in zip(texts, claims, strict=True)]  # fmt: skip
    scored = ([(0, 0), (1, 0), (2, 0)], np.array([0, 1]), np.array([2, 2]), np.array([0.9, 0.9]))
    groups = claim_groups(statements, np.zeros((3, 3)), scored=scored)
    assert groups == [[(0, 0), (1, 0), (2, 0)]]


def test_a_day_counted_from_the_report_and_a_weekday_may_be_one_day() -> None:
    """ECB+ 28ecb: an undated report says Felt "died yesterday" and "died Thursday":
    one day twice, not two values (a span such as "last week" is not one day)."""
    from newsprism.reconcile.date_rules import one_day_either_way

    yesterday = _date("a", "Felt died yesterday at his home in Santa Rosa.")
    thursday = _date("a", "Felt died Thursday at his home in Santa Rosa.")
    last_week = _date("a", "Felt died last week at his home in Santa Rosa.")
    assert one_day_either_way(yesterday, thursday)
    assert not one_day_either_way(last_week, thursday)


def test_dates_of_two_occurrences_of_a_story_s_history_are_no_conflict() -> None:
    """ECB+ 28ecb: one obituary dates the resignation Felt's leaks led to, two others
    the year he revealed his role, one of them with no verb for its date ("Only in 2005
    ... was his part made public"). The verbs "lead" and "reveal" differ and meet in no
    clause: two moments of the story's history. The date with no verb joined them into
    one slot, and "1974" was printed in conflict with "2005"."""
    found = compared(
        ("a", "The scandal ultimately led to the resignation of President Richard Nixon in "
              "1974.", "2008-12-19"),
        ("b", "In 2005, Felt revealed that he was the source who had secretly supplied "
              "information to the Post.", "2008-12-19"),
        ("c", "Only in 2005, at age 91, was his part made public in an article in Vanity "
              "Fair.", "2008-12-19"),
    )  # fmt: skip
    assert [c for c in dates(found) if c[1] == "conflict"] == []


def test_a_date_that_names_no_verb_stays_with_the_year_it_agrees_with() -> None:
    """ECB+ 28ecb: "It wasn't until May 30, 2005, that Felt's family revealed his
    identity" names no verb for its date; "In 2005, Felt revealed" and two reports'
    1972 (Gray selected, the burglary) are two occurrences. The 2005 dates are a
    variant of each other, and neither is weighed against 1972."""
    found = compared(
        ("a", "It wasn't until May 30, 2005, that Felt's family revealed his identity in an "
              "article for Vanity Fair.", "2008-12-19"),
        ("b", "In 2005, Felt revealed that he was the source who had secretly supplied "
              "information to the Post.", "2008-12-19"),
        ("c", "Nixon selected loyalist L. Patrick Gray as FBI chief after J. Edgar Hoover's "
              "death in 1972.", "2008-12-19"),
        ("d", "The scandal stemmed from the bungled burglary of the Democratic Party "
              "headquarters in 1972.", "2008-12-19"),
    )  # fmt: skip
    assert dates(found) == [("date of: unmask", "variant", ["2005", "May 30, 2005"])]


def test_dates_counted_from_another_occurrence_are_variants_never_conflicts() -> None:
    """ECB+ 4ecb: reports date Page's heart attack by her death ("nine days earlier",
    "a week after suffering…") or by their own day ("last week"). Without the day it is
    counted from, such a date holds any day the others name: compared as a variant,
    and two such counts that differ ("nine days" / "three weeks") are no conflict either
    (before, the first had no date claim and nothing was compared)."""
    found = compared(
        ("a", "Page suffered a heart attack nine days earlier and never regained "
              "consciousness.", None),
        ("b", "Page suffered a heart attack last week and never regained consciousness.", None),
    )  # fmt: skip
    assert dates(found) == [("date of: attack", "variant", ["last week", "nine days earlier"])]
    found = compared(
        ("a", "Page suffered a heart attack nine days earlier and never regained "
              "consciousness.", None),
        ("b", "Page suffered a heart attack three weeks earlier and never regained "
              "consciousness.", None),
    )  # fmt: skip
    assert [r for _, r, _ in dates(found)] == ["variant"]


def test_background_years_of_one_report_are_as_many_values() -> None:
    """An obituary writes "married in 1971" and "retired in 1998"; another report writes
    "retired in 1998". Every date written as a year alone had one value key (its month
    and day: the whole year), so the first report's two years passed for one value and
    both joined the other report's 1998: the marriage stood as a date of the retirement.
    A year is its own value: the report's second year stays out of the value check."""
    from newsprism.reconcile.align import claim_groups, value_key
    from newsprism.records import Span, Statement

    texts = [
        ("a", "The senator married his college sweetheart in 1971."),
        ("a", "He retired from the Senate in 1998 after four terms."),
        ("b", "The senator retired in 1998 and returned to his law practice."),
    ]
    claims = [_date(aid, text, "2008-12-19") for aid, text in texts]
    assert value_key(claims[0]) != value_key(claims[1]) == value_key(claims[2])
    statements = [Statement(Span(aid, 0, len(text)), text, claims=(c,))
                  for (aid, text), c in zip(texts, claims, strict=True)]  # fmt: skip
    scored = ([(0, 0), (1, 0), (2, 0)], np.array([0, 1]), np.array([2, 2]), np.array([0.8, 0.9]))
    groups = claim_groups(statements, np.zeros((3, 3)), scored=scored)
    assert groups == [[(1, 0), (2, 0)]]


def test_two_years_are_two_values_and_a_day_of_the_year_is_the_year_said_again() -> None:
    """ECB+ 28ecb: one report says Felt "stepped forward in 2005", another that he broke
    cover "admitting in 2006". The two years had one value key, so the claim model read
    them as one value given twice. They are two values; a report giving the year and a
    day of it ("in 2005", "on May 30, 2005") still gives one value twice."""
    from newsprism.reconcile.align import value_key
    from newsprism.reconcile.date_rules import one_held_by_other

    year = _date("a", "Felt stepped forward in 2005 to acknowledge his role.", "2008-12-19")
    other = _date("b", "He finally broke cover, admitting his role in 2006.", "2008-12-19")
    day = _date("a", "His family revealed his identity on May 30, 2005.", "2008-12-19")
    assert value_key(year) != value_key(other)
    assert one_held_by_other(year, day) and not one_held_by_other(other, day)


def test_a_background_year_never_stands_as_the_date_of_the_report_s_news() -> None:
    """ECB+ 26ecbplus: a long obituary says the boss "died today" and, far down, that his
    mentor "died in federal prison in 1992"; other reports say he died Monday. The claim
    model weighs the shared verb and place most, so the 1992 death joined the Monday
    deaths first, and the obituary, seeming to give that slot a value already, was left
    out with its "today". A year written alone that is not the year of a report's own
    day ("Monday", "yesterday") is an occurrence the report recalls."""
    from newsprism.reconcile.align import claim_groups
    from newsprism.records import Span, Statement

    texts = [
        ("a", "His mentor, the former underboss, died in federal prison in 1992."),
        ("a", "The crime boss died yesterday in federal prison at 77."),
        ("b", "The crime boss died Monday in a federal prison hospital."),
    ]
    claims = [_date(aid, text, "2005-12-20") for aid, text in texts]
    statements = [Statement(Span(aid, 0, len(text)), text, claims=(c,))
                  for (aid, text), c in zip(texts, claims, strict=True)]  # fmt: skip
    scored = ([(0, 0), (1, 0), (2, 0)], np.array([0, 1]), np.array([2, 2]), np.array([0.95, 0.93]))
    groups = claim_groups(statements, np.zeros((3, 3)), scored=scored)
    assert groups == [[(1, 0), (2, 0)]]


def test_two_lengths_of_time_that_date_one_occurrence_two_ways_conflict() -> None:
    """ECB+ 4ecb: one report dates the heart attack nine days before the death, another,
    the day after the death, almost three weeks back. A day counted from another is
    never a conflict by itself, but these two lengths cannot be one, whichever day each
    report counts from."""
    found = compared(
        ("a", "The singer suffered a heart attack nine days earlier and never woke up.", None),
        ("b", "The singer succumbed to a heart attack suffered almost three weeks ago.", None),
    )  # fmt: skip
    assert ("date of: attack", "conflict") in [(s, r) for s, r, _ in dates(found)]


def test_lengths_of_time_that_may_be_one_are_at_most_a_variant() -> None:
    """A week and nine days may be one length, counted loosely; "more than a week" holds
    three weeks."""
    for first, second in (
        ("The singer died nine days after suffering a heart attack.",
         "The singer died a week after suffering a heart attack."),
        ("The singer suffered a heart attack more than a week ago.",
         "The singer suffered a heart attack almost three weeks ago."),
    ):  # fmt: skip
        found = compared(("a", first, None), ("b", second, None))
        assert "conflict" not in [r for _, r, _ in dates(found)]


def test_lengths_that_may_be_one_stand_together_against_one_that_cannot() -> None:
    """Nine days and a week are one length told loosely, a variant, and together the one
    side of the conflict with "almost three weeks"; "more than a week" may be either, a
    variant of both sides."""
    found = compared(
        ("a", "The singer suffered a heart attack nine days earlier and never woke up.", None),
        ("b", "The singer died on Thursday, a week after suffering a heart attack.", None),
        ("c", "The singer succumbed to a heart attack suffered almost three weeks ago.", None),
        ("d", "The singer suffered a heart attack more than a week ago.", None),
    )
    assert sorted(dates(found)) == [
        ("date of: attack", "conflict", ["almost three weeks ago", "nine days earlier"]),
        ("date of: attack", "variant", ["a week after", "nine days earlier"]),
        ("date of: attack", "variant",
         ["almost three weeks ago", "more than a week ago", "nine days earlier"]),
    ]  # fmt: skip


def test_a_founding_after_the_year_a_clinic_has_stood_since_is_a_conflict() -> None:
    """A clinic that "has been a staple for residents since 1987" stood in 1987, so it
    was founded then or before: "founded the clinic in 1990" cannot be true with it."""
    found = compared(
        ("a", "In 1990, she founded the Lakeside Rural Health Clinic in the fishing town.",
         None),
        ("b", "The Lakeside Rural Health Clinic has been a staple for residents since 1987.",
         "2009-07-29"),
    )  # fmt: skip
    assert ("conflict", ["1990", "since 1987"]) in [(r, v) for s, r, v in dates(found)]


def test_a_founding_in_or_before_the_year_it_has_stood_since_is_no_conflict() -> None:
    """Founded in 1985, it has stood since 1987 as well; a person's post since a year
    ("Smith has been mayor since 1987") says nothing of a founding."""
    for first, second in (
        ("In 1985, she founded the Lakeside Rural Health Clinic in the fishing town.",
         "The Lakeside Rural Health Clinic has been a staple for residents since 1987."),
        ("In 1990, she founded the Lakeside Rural Health Clinic in the fishing town.",
         "Mayor John Smith opened it. Smith has been mayor since 1987."),
    ):  # fmt: skip
        found = compared(("a", first, None), ("b", second, "2009-07-29"))
        assert "conflict" not in [r for _, r, _ in dates(found)]


def test_the_year_a_clinic_has_stood_since_is_one_slot_with_its_founding() -> None:
    """ECB+ 34ecbplus: the model weighs a shared value most, so "has been a staple since
    1987" joined the founder's "completed her residency in 1987" of another report, and
    that report's "founded the clinic in 1990" kept it out of the founding's value check:
    the disagreement went unseen. A year a named thing has stood since is one slot with
    another report's founding of the thing their sentences name."""
    from newsprism.reconcile.align import claim_groups
    from newsprism.records import Span, Statement

    texts = [
        ("a", "She completed her residency in 1987 at a hospital in the city."),
        ("a", "In 1990, she founded the Lakeside Rural Health Clinic in the fishing town."),
        ("b", "The Lakeside Rural Health Clinic has been a staple for residents since 1987."),
        ("c", "In 1990 she founded the Lakeside Rural Health Clinic, which cares for many."),
    ]
    claims = [_date(aid, text, "2009-07-29") for aid, text in texts]
    statements = [Statement(Span(aid, 0, len(text)), text, claims=(c,))
                  for (aid, text), c in zip(texts, claims, strict=True)]  # fmt: skip
    scored = (
        [(0, 0), (1, 0), (2, 0), (3, 0)],
        np.array([2, 1, 2, 2]),
        np.array([0, 3, 3, 1]),
        np.array([0.99, 0.99, 0.6, 0.6]),
    )
    groups = claim_groups(statements, np.zeros((4, 4)), scored=scored)
    assert [[1, 0], [2, 0], [3, 0]] in [[list(c) for c in g] for g in groups]
