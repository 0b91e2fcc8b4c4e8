"""Claims: what each value of a real news sentence is of (sentences of tests/data, examples)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsprism.analyze.claims import bear_out_places, extract_claims
from newsprism.analyze.entities import extract_mentions
from newsprism.analyze.nlp import parse
from newsprism.analyze.quantities import extract_quantities
from newsprism.analyze.times import extract_times
from newsprism.analyze.units import not_dates as _not_dates
from newsprism.records import Claim


def claims_of(sentence: str, published: str | None = "2009-12-01") -> list[Claim]:
    doc = parse(sentence)
    times = extract_times("a", doc, published)
    quantities = _not_dates(extract_quantities("a", doc), times)
    return list(extract_claims("a", doc, quantities, times, extract_mentions("a", doc)))


def test_a_count_belongs_to_its_occurrence_and_counted_noun() -> None:
    found = claims_of(
        "The U.S. military said on Sunday it had destroyed 15 sites containing Islamic State "
        "(ISIS) weapons caches in southern Syria."
    )
    counts = [c for c in found if c.kind == "count"]
    assert [(c.predicate, c.thing, c.low, c.high) for c in counts] == [
        ("destroy", "site", 15.0, 15.0)
    ]
    # "said on Sunday" dates the report, not the destruction
    assert not [c for c in found if c.kind == "date"]


@pytest.mark.parametrize(
    ("sentence", "age"),
    [
        ("Comeaux, 49, took the officers' weapons and handcuffed them together.", 49.0),
        ('"We appreciate your respect," the 33-year-old actress\'s rep told the magazine.', 33.0),
        ("Staunton police have arrested and charged Sharron Diane Crawford Smith, age 61, "
         "with two counts of first-degree murder.", 61.0),
    ],
)  # fmt: skip
def test_ages_are_claims_of_their_own(sentence: str, age: float) -> None:
    ages = [c for c in claims_of(sentence) if c.kind == "age"]
    assert [c.low for c in ages] == [age]
    assert not [c for c in claims_of(sentence) if c.kind == "count" and c.low == age]


def test_a_degree_is_not_a_count_but_the_number_of_counts_is() -> None:
    found = claims_of(
        "Staunton police have arrested and charged Sharron Diane Crawford Smith, age 61, "
        "with two counts of first-degree murder."
    )
    counts = [c for c in found if c.kind == "count"]
    assert [(c.low, c.thing) for c in counts] == [(2.0, "count")]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("The 6.1-magnitude quake struck Qeshm island, home to 120,000 people.", 6.1, "magnitude"),
        ("Rahman was struggling to overcome the 3 1/2-inch height advantage enjoyed by the "
         "champion.", None, "inch"),
    ],
)  # fmt: skip
def test_a_number_glued_to_a_unit_is_a_size(sentence: str, value: float | None, unit: str) -> None:
    sizes = [c for c in claims_of(sentence) if c.unit == unit]
    assert sizes and all(c.kind == "measure" for c in sizes)
    if value is not None:
        assert sizes[0].low == value


@pytest.mark.parametrize(
    ("sentence", "calibre"),
    [
        ("The boy was shot three times after police said he pulled out a. 357 revolver in the "
         "street.", 357),
        ("He pointed a. 357 caliber revolver at the two officers, police said.", 357),
        ("Deputies said the man fired a 12 gauge shotgun at three passing cars.", 12),
    ],
)  # fmt: skip
def test_a_figure_naming_a_gun_s_calibre_counts_no_guns(sentence: str, calibre: float) -> None:
    claims = [c for c in claims_of(sentence) if c.low == calibre]
    assert claims and all(c.kind == "measure" and c.unit == "caliber" for c in claims)
    # the count beside it is still read
    assert any(c.kind == "count" and c.low in {2, 3} for c in claims_of(sentence))


def test_a_number_of_guns_is_still_a_count() -> None:
    claims = [c for c in claims_of("Officers seized 12 rifles and a pistol from the house.")
              if c.low == 12]  # fmt: skip
    assert claims and claims[0].kind == "count" and claims[0].unit is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The government said 90 per cent of eligible voters had participated.",
        "The commission said that turnout was almost 90 per cent.",
        "Greek stocks plunged 5.4 per cent on Monday.",
    ],
)
def test_a_figure_per_cent_is_a_share_not_a_count(sentence: str) -> None:
    # "per cent" is the British spelling of "percent": a share, not a count of cents
    figures = [c for c in claims_of(sentence) if c.kind in {"count", "measure"}]
    assert [(c.kind, c.unit) for c in figures] == [("measure", "%")]


@pytest.mark.parametrize(
    ("sentence", "measures"),
    [
        ("The Red Sox offered Teixeira an eight-year deal worth $184 million or $23 million "
         "per season.",
         [("days", "eight-year"), ("USD", "184,000,000"), ("USD/year", "23,000,000")]),
        ("WCVB-TV claims it was eight years and $184 million, or a $23 million average annual "
         "value.", [("USD", "184,000,000"), ("USD/year", "23,000,000")]),
        ("He will earn 20 million euros a year.", [("EUR/year", "20,000,000")]),
    ],
)  # fmt: skip
def test_money_for_each_period_is_a_rate_not_a_total(
    sentence: str, measures: list[tuple[str, str]]
) -> None:
    # the amount for each season or year is a value of its own, never one of the total
    # beside it, and its period ("a year") is no length of time
    assert [(c.unit, c.value) for c in claims_of(sentence) if c.kind == "measure"] == measures


def test_the_date_of_a_conviction_is_the_conviction_s() -> None:
    found = claims_of(
        "He was serving a life sentence after being convicted in June 1998 of aggravated "
        "sexual assault out of Brazos County, located northwest of Houston."
    )
    dates = [c for c in found if c.kind == "date"]
    assert [(c.predicate, c.start, c.end) for c in dates] == [
        ("convict", "1998-06-01", "1998-06-30")
    ]


def test_a_time_of_day_and_an_unresolved_weekday_are_values() -> None:
    found = claims_of(
        "Robert Pitman, 24, is accused of setting fire to the Waitrose store in Wellington "
        "shortly after 06:00 BST on Sunday.",
        published=None,
    )
    times = [c for c in found if c.kind == "time"]
    assert [(c.value, c.low, c.high) for c in times] == [("06:00", 360.0, 390.0)]
    assert [c.value for c in found if c.kind == "date"] == ["Sunday"]


@pytest.mark.parametrize(
    ("sentence", "metres"),
    [
        ("The climber was killed after slipping and falling 200ft from a ridge.", 60.96),
        ("He slipped and fell about 200m down a steep icy gully.", 200.0),
        ("The man fell about 2, 000ft while climbing to a small hut.", 609.6),
        ("The island lies 1, 500 kilometers south of the capital.", 1_500_000.0),
    ],
)
def test_a_length_is_compared_in_metres_whatever_its_unit(sentence: str, metres: float) -> None:
    found = [c for c in claims_of(sentence) if c.unit == "m"]
    assert len(found) == 1
    c = found[0]
    assert c.kind == "measure"
    assert c.low is not None and c.high is not None
    assert c.low <= metres <= c.high


def test_money_in_millions_is_not_a_length() -> None:
    found = claims_of("The thieves made off with an $136M worth of diamonds and jewels.")
    assert not [c for c in found if c.unit == "m"]


def test_thousands_written_apart_are_one_number() -> None:
    found = claims_of("The quake struck the island, home to 120, 000 people, on Sunday.")
    counts = [(c.low, c.high) for c in found if c.kind == "count"]
    assert counts == [(120_000.0, 120_000.0)]


def test_a_scale_word_glued_to_a_figure_multiplies_it() -> None:
    found = claims_of("Since agreeing a 110-billion EU and IMF debt bailout, the talks stalled.")
    assert [(c.low, c.high) for c in found if c.kind == "count"] == [(110e9, 110e9)]


def test_a_relative_day_without_a_publication_date_is_still_a_value() -> None:
    found = claims_of("Vincent Jackson was arrested early yesterday on suspicion of drunk driving.",
                      published=None)  # fmt: skip
    dates = [(c.predicate, c.value) for c in found if c.kind == "date"]
    assert dates == [("arrest", "yesterday")]
    # with the publication date it is resolved to that day instead
    dated = [c.value for c in claims_of("He was arrested yesterday.", "2009-02-02")
             if c.kind == "date"]  # fmt: skip
    assert dated == ["2009-02-01"]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("An accounting firm employee who was fired last week opened fire.", "last week"),
        ("Page died after suffering a heart attack earlier this month.", "earlier this month"),
        ("The family of the autocrat, who died two years ago, left the country.",
         "two years ago"),
        ("She recently launched a clothing line, Mantra.", "recently"),
        ("Residents were unaware of the fire at the weekend.", "at the weekend"),
    ],
)  # fmt: skip
def test_a_relative_span_without_a_publication_date_is_still_a_value(
    sentence: str, value: str
) -> None:
    dates = [c for c in claims_of(sentence, published=None) if c.kind == "date"]
    assert [(c.value, c.start) for c in dates] == [(value, None)]
    # a vague count back tells background, not when
    vague = sentence.replace(value, "several years ago")
    assert not [c for c in claims_of(vague, published=None) if c.kind == "date"]
    # with the publication date the span is resolved instead ("last week": its seven days)
    if value == "last week":
        resolved = [c for c in claims_of(sentence, "2007-04-10") if c.kind == "date"]
        assert [(c.start, c.end) for c in resolved] == [("2007-04-02", "2007-04-08")]


@pytest.mark.parametrize(
    ("sentence", "value", "predicate"),
    [
        # ECB+ 4ecb: the heart attack dated by the death, each way round
        ("Page suffered a heart attack nine days earlier and never regained consciousness.",
         "nine days before", "attack"),
        ("Bettie Page died Thursday night, nine days after suffering a heart attack.",
         "nine days after", "attack"),
        # ECB+ 11ecb: the death the election is counted from
        ("The election comes two years after the death of the autocrat.",
         "two years after", "death"),
        # ECB+ 24ecbplus: the clause "after" opens is the occurrence dated
        ("The raid comes little over a month after a masked bandit stole jewels in Cannes.",
         "little over a month after", "steal"),
        ("Police have arrested a man for the murder 41 years later.", "41 years after", "arrest"),
        # ECB+ 18ecbplus: a count hung from an event noun dates the noun's occurrence
        ("Police said the gunman was furious over his firing four days earlier.",
         "four days before", "fire"),
        # ECB+ 4ecb: "following" counts forward as "after" does
        ("Bettie Page passed away yesterday in Los Angeles after lingering in a coma for a week "
         "following a heart attack.", "a week after", "attack"),
    ],
)  # fmt: skip
def test_a_date_counted_from_another_occurrence_is_a_relative_value(
    sentence: str, value: str, predicate: str
) -> None:
    dates = [c for c in claims_of(sentence, published=None) if c.kind == "date"]
    counted = [c for c in dates if c.cue == "relative"]
    assert [(c.value, c.predicate, c.start) for c in counted] == [(value, predicate, None)]
    # "a day after" is one day from a dated one (times.py), and a length that is no
    # distance between two occurrences ("for nine days") dates nothing
    for other in ("for nine days", "the day after"):
        changed = sentence.replace(counted[0].text, other)
        assert not [c for c in claims_of(changed, published=None)
                    if c.kind == "date" and c.cue == "relative"]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "inside", "outside"),
    [
        ("The explosion occurred Friday afternoon at a bank branch.", 15 * 60, 9 * 60),
        ("A bomb exploded at an Oregon bank late Friday night.", 23 * 60, 19 * 60),
        ("The defendant was arrested shortly before midnight.", 23 * 60 + 45, 22 * 60),
        # a day said by its end (8ecb, 4ecb): its evening and night, not its afternoon
        ("A bomb exploded at an Oregon bank in Woodburn late Friday.", 21 * 60, 15 * 60),
        ("Page died late yesterday in a Los Angeles hospital.", 18 * 60 + 41, 10 * 60),
    ],
)
def test_a_part_of_the_day_is_a_span_of_time(sentence: str, inside: int, outside: int) -> None:
    times = [c for c in claims_of(sentence, published=None) if c.kind == "time"]
    assert len(times) == 1
    low, high = times[0].low, times[0].high
    assert low is not None and high is not None
    assert low <= inside <= high
    assert not low <= outside <= high


def test_the_hour_of_a_statement_is_not_a_time_of_the_event() -> None:
    found = claims_of("Police said on Friday night that the man had fled.", published=None)
    assert [c for c in found if c.kind == "time"] == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The quake, which struck at 1353 (1023 GMT), was felt across the island.", "13:53"),
        ("The actress passed away at 18:41 this evening (02:41 GMT Friday).", "18:41"),
        ("The singer died at 6:41pm PST this evening (0241 GMT Friday).", "18:41"),
    ],
)
def test_a_clock_time_restated_in_another_zone_in_brackets_is_one_time(
    sentence: str, value: str
) -> None:
    # the local time is the claim, even written bare in 24-hour figures; the converted
    # one in brackets is no second value of the slot
    times = [c for c in claims_of(sentence) if c.kind == "time" and c.unit == "minutes"]
    assert [c.value for c in times if ":" in c.value] == [value]
    assert [c for c in claims_of(sentence) if c.kind == "count"] == []


def test_the_time_of_a_clause_under_a_saying_is_the_clause_s() -> None:
    found = claims_of("Police said there were sounds of gunfire around 10:30 a.m. Monday.")
    assert [(c.value, c.low, c.high) for c in found if c.kind == "time"] == [
        ("10:30", 615.0, 645.0)
    ]
    # a saying's own hour stays the report's
    assert [c for c in claims_of("He said at 3 p.m. that the talks had failed.")
            if c.kind == "time"] == []  # fmt: skip


def test_a_date_before_a_tacked_on_attribution_is_the_main_clause_s() -> None:
    # the parse hangs "Thursday" from "reported"; the death is what it dates
    found = claims_of(
        "Felt died at his home in Santa Rosa, California, Thursday, the Press Democrat "
        "newspaper reported, citing Felt's grandson Nick Jones.",
        published=None,
    )
    assert [(c.text, c.predicate) for c in found if c.kind == "date"] == [("Thursday", "die")]
    # the attribution's own words stay the saying's: the woman is in Qeshm, nobody "saw" it
    found = claims_of(
        '"I saw an injured person with blood on their clothes being taken to a local hospital," '
        "one woman in Qeshm told AFP.",
        published=None,
    )
    assert "see" not in {c.predicate for c in found}


@pytest.mark.parametrize(
    "sentence",
    [
        "The families stayed together until about 9 p.m. on the night of the shooting.",
        "By 5:00pm Monday, jury selection was winding down for the day.",
    ],
)
def test_a_clock_time_that_bounds_the_clause_is_no_time_of_its_occurrence(sentence: str) -> None:
    assert [c.value for c in claims_of(sentence) if c.kind == "time" and ":" in c.value] == []


@pytest.mark.parametrize(
    ("sentence", "period", "unit"),
    [
        ("Hansbrough passed Ford for the record midway through the first half.", "first half",
         "clock"),
        ("Early in the seventh, Klitschko staggered Rahman with a right.", None, "clock"),
        ("The Colts took the lead late in the fourth quarter.", "fourth quarter", "clock"),
    ],
)  # fmt: skip
def test_a_moment_of_play_placed_in_its_period_is_a_loose_game_time(
    sentence: str, period: str | None, unit: str
) -> None:
    times = [c for c in claims_of(sentence) if c.kind == "time" and c.unit == unit]
    assert [(c.thing, c.low, c.high, c.cue) for c in times] == [(period, 0.0, None, "loose")]


def test_an_ordinal_of_another_noun_is_no_period_of_play() -> None:
    found = claims_of("The bill was passed early in the second term of the president.")
    assert [c for c in found if c.kind == "time"] == []


@pytest.mark.parametrize(
    ("sentence", "seconds"),
    [
        ("The referee stopped the fight 44 seconds into the seventh round.", 44.0),
        ("Klitschko won by a technical knockout at 2:15 of the seventh round.", 135.0),
    ],
)
def test_the_time_played_in_a_round_is_a_game_time_counted_up(
    sentence: str, seconds: float
) -> None:
    times = [c for c in claims_of(sentence) if c.unit == "elapsed"]
    assert [(c.thing, c.low) for c in times] == [("seventh round", seconds)]


def test_a_name_set_off_after_a_nickname_is_the_actor() -> None:
    found = claims_of("Mafia 'Oddfather,' Vincent 'Chin' Gigante, dies in U.S. prison at 77.")
    assert [(c.value, c.text) for c in found if c.kind == "actor"] == [("gigante", "Gigante")]
    # a name in brackets is no second name of the person (his college)
    found = claims_of("The Saints signed rookie Joique Bell (Wayne State) from the squad.")
    assert "joique bell" in [c.value for c in found if c.kind == "actor" and c.thing == "patient"]


def test_an_amount_converted_into_another_currency_is_not_a_claim_of_its_own() -> None:
    found = claims_of("They agreed a 110 billion euro ($143 billion) debt bailout.")
    assert [(c.unit, c.low) for c in found if c.kind == "measure"] == [("EUR", 110e9)]


@pytest.mark.parametrize(
    "line",
    [
        "11 / 30 / 09 05: 40 PM ET",  # the timestamp lines of two escape-story reports
        "November 30, 2009 at 02: 22 pm",
    ],
)
def test_a_timestamp_line_states_no_count_and_no_time_of_the_event(line: str) -> None:
    # the line dates the report: at most its date, never its figures as counts or its
    # clock time as the time of what happened
    assert [c.kind for c in claims_of(line)] in ([], ["date"])


def test_a_clock_time_with_a_space_after_the_colon_is_a_time_not_a_count() -> None:
    found = claims_of("Sheriff's deputies found the stolen car at 6: 15 pm in Houston.")
    assert [(c.kind, c.value) for c in found if c.kind in {"time", "count"}] == [("time", "18:15")]


@pytest.mark.parametrize(
    ("sentence", "predicate"),
    [
        ("No one was injured in the fire, which broke out shortly after midnight.", "injure"),
        ("Police said no-one was hurt when the bomb went off.", "hurt"),
        ("Nobody was killed, but the blast shattered windows across the street.", "kill"),
        ("There were no injuries reported among the passengers.", "injury"),
    ],
)
def test_no_one_hurt_is_a_count_of_zero(sentence: str, predicate: str) -> None:
    counts = [c for c in claims_of(sentence, published=None) if c.kind == "count"]
    assert [(c.predicate, c.low, c.high) for c in counts] == [(predicate, 0.0, 0.0)]


def test_a_zero_count_conflicts_with_a_number_hurt() -> None:
    from newsprism.reconcile.claims import compare_claims, said_of

    a = [c for c in claims_of("No one was injured in the fire.", None) if c.kind == "count"]
    doc_b = "Two people were injured in the fire."
    b = [replace(c, span=replace(c.span, article_id="b"))
         for c in claims_of(doc_b, None) if c.kind == "count"]  # fmt: skip
    found = compare_claims(said_of([*a, *b], {}, {}))
    assert [sorted(g.value for g in c.groups) for c in found] == [["0", "2"]]


@pytest.mark.parametrize(
    ("sentence", "ages"),
    [
        ("The bodies of two women -- 68 and 48-years-old -- were found in the home.",
         [(68.0, 68.0), (48.0, 48.0)]),
        ("The victims, who were 61 and 48 years old, were found by a neighbour.",
         [(61.0, 61.0), (48.0, 48.0)]),
        ("The man, aged in his early 30s, fell about 600m near the hut.", [(30.0, 33.0)]),
        ("A woman in her forties was taken to hospital.", [(40.0, 49.0)]),
    ],
)  # fmt: skip
def test_ages_in_a_list_or_a_decade_are_ages(
    sentence: str, ages: list[tuple[float, float]]
) -> None:
    found = claims_of(sentence, published=None)
    assert [(c.low, c.high) for c in found if c.kind == "age"] == ages
    assert not [c for c in found if c.kind == "count" and (c.low, c.high) in ages]


def test_where_a_person_named_in_the_news_lives_is_a_place() -> None:
    found = claims_of("Anthony LaSalle, 36, of Minneapolis, was arrested.", published=None)
    assert [(c.predicate, c.value) for c in found if c.kind == "place"] == [("live", "minneapolis")]


@pytest.mark.parametrize(
    ("sentence", "holder"),
    [
        ("Police stopped John Roe, 36, of Hoboken, after the crash.", "John Roe"),
        ("Jane Doe, from Leeds, said the fire spread fast.", "Jane Doe"),
        ("The man, from Hoboken, was arrested after the crash.", None),
        # a surname the tagger took for a place
        ("He is charged in the death of Kafoury, 63, of Hoboken.", "Kafoury"),
    ],
)
def test_a_home_is_the_named_persons_it_is_said_of(sentence: str, holder: str | None) -> None:
    """Whose home it is: two people's homes are two values (reconcile/claims.other_homes)."""
    found = claims_of(sentence, published=None)
    assert [c.holder for c in found if c.kind == "place" and c.predicate == "live"] == [holder]


def test_a_home_after_a_named_person_is_a_place_whatever_the_tagger_called_it() -> None:
    """ "College Point" tagged an organisation: after "Name, 59, of" it is still a home."""
    found = claims_of("Police found Mary Smith, 59, of College Point, lying in the street.",
                      published=None)  # fmt: skip
    assert [(c.predicate, c.value, c.holder) for c in found if c.kind == "place"] == [
        ("live", "college point", "Mary Smith")
    ]


def _article_claims(text: str) -> list[Claim]:
    """The claims of a whole made-up article, its untagged places borne out by it."""
    doc = parse(text)
    times = extract_times("a", doc, None)
    quantities = _not_dates(extract_quantities("a", doc), times)
    mentions = extract_mentions("a", doc)
    return list(bear_out_places(extract_claims("a", doc, quantities, times, mentions),
                                mentions, doc.text))  # fmt: skip


@pytest.mark.parametrize(
    ("text", "home"),
    [
        # "Hoboken" tagged a person right after a full name and "of", no comma between
        (
            "John Peter Roe of Hoboken was charged on Friday with murder. The crash happened "
            "in Hoboken.",
            ("hoboken", "John Peter Roe"),
        ),
        # a town before "man", tagged a person: the man's home, no name says whose
        (
            "Officers were able to apprehend the Bloomington man a few blocks away from the "
            "scene. The woman was killed outside a store in Bloomington.",
            ("bloomington", None),
        ),
        ("A 38-year-old Hoboken man was arrested on Friday.", ("hoboken", None)),
    ],
)
def test_a_home_written_before_a_person_noun_or_after_a_full_name_is_where_they_live(
    text: str, home: tuple[str, str | None]
) -> None:
    """A report tells a home by "Name of Town" or "a Town man" as well as by "Name, 36,
    of Town": each is where the person lives (checked against another report's home)."""
    found = _article_claims(text)
    assert [(c.value, c.holder) for c in found if c.predicate == "live"] == [home]


def test_a_one_word_name_before_of_is_no_home() -> None:
    """ "Smith of Leeds" may be a title's ("Mayor Smith of Leeds"): not read as a home."""
    found = _article_claims("Mayor Smith of Leeds spoke to reporters on Monday.")
    assert not [c for c in found if c.predicate == "live"]


@pytest.mark.parametrize(
    ("sentence", "homes"),
    [
        ("The man, from Hampton East, fell in the Tasman Glacier area.", ["hampton east"]),
        ("Jane Doe, from Leeds, said the fire spread fast.", ["leeds"]),
        # an origin, not a home; a journey's start, not a home
        ("Robert Buckley, originally from Essex, was rescued on Monday.", []),
        ("The climbers flew from Christchurch on Monday.", []),
    ],
)
def test_where_a_person_is_from_set_off_by_commas_is_where_they_live(
    sentence: str, homes: list[str]
) -> None:
    found = claims_of(sentence, published=None)
    assert [c.value for c in found if c.kind == "place" and c.predicate == "live"] == homes


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        ("Police responded to the crash on the corner of 117th Street and 97th Avenue.",
         [("117th Street and 97th Avenue", "117th street & 97th avenue")]),
        ("She was walking along parked cars on 117th Street near 97th Avenue.",
         [("117th Street near 97th Avenue", "117th street & 97th avenue")]),
        ("Raj Chohan was hit by a car at 97th Avenue and 117th Street in Richmond Hill.",
         [("97th Avenue and 117th Street", "117th street & 97th avenue"),
          ("Richmond Hill", "richmond hill")]),
    ],
)  # fmt: skip
def test_two_streets_that_cross_are_one_corner(
    sentence: str, places: list[tuple[str, str]]
) -> None:
    found = claims_of(sentence, published=None)
    assert [(c.text, c.value) for c in found if c.kind == "place"] == places


def test_a_place_naming_a_building_is_where_it_happened() -> None:
    found = claims_of("The police chief remains in a Portland hospital.", published=None)
    assert [c.text for c in found if c.kind == "place"] == ["Portland"]


@pytest.mark.parametrize(
    ("sentence", "text", "amount", "unit"),
    [
        ("Armed robbers made off with 2m euros worth of jewels.", "2", 2_000_000.0, "EUR"),
        ("The Orioles have made an offer between $140 and $150 million over seven years.",
         "$140", 140_000_000.0, "USD"),
        ("The Baltimore Orioles (seven years, $140-150 million) made an offer.",
         "$140-150", 140_000_000.0, "USD"),
        ("The Orioles offered around seven years, $140-150MM, and the Nationals more.",
         "$140", 140_000_000.0, "USD"),
    ],
)  # fmt: skip
def test_a_scale_written_short_or_once_for_two_figures_multiplies_them(
    sentence: str, text: str, amount: float, unit: str
) -> None:
    money = [c for c in claims_of(sentence) if c.unit == unit]
    assert (money[0].text, money[0].low) == (text, amount)
    # "$140-150 million": the scale word is no count of its own
    assert not [c for c in claims_of(sentence) if c.kind == "count" and c.low == 1_000_000]


def test_a_length_converted_in_brackets_is_one_claim() -> None:
    found = claims_of("The man fell around 2000ft (609 metres) near the hut.")
    assert [(c.kind, c.unit, c.text) for c in found if c.kind == "measure"] == [
        ("measure", "m", "around 2000")
    ]


@pytest.mark.parametrize(
    ("sentence", "square_metres"),
    [
        ("The 170, 000-square-foot building houses the company's offices.", 15_794.0),
        ("The 15, 800-square-metre building houses the company's offices.", 15_800.0),
    ],
)
def test_an_area_is_compared_in_square_metres(sentence: str, square_metres: float) -> None:
    areas = [c for c in claims_of(sentence) if c.unit == "m2"]
    assert [(round(c.low or 0), c.thing) for c in areas] == [(round(square_metres), "building")]


def test_a_date_given_as_one_of_two_is_no_claim() -> None:
    found = claims_of("The studio will release the film towards the end of 2009 or early 2010.")
    assert not [c for c in found if c.kind == "date"]


def test_a_clock_time_whose_half_of_the_day_follows_in_words_is_a_time() -> None:
    # 12ecbplus: "9:25 in the morning" is 9:25 a.m., one time, not a bare figure beside
    # a morning
    found = claims_of("The pirate boats were spotted at about 9:25 in the morning of 10th Nov.")
    times = [c for c in found if c.kind == "time"]
    assert [(c.value, c.low, c.high) for c in times] == [("09:25", 550.0, 580.0)]


def test_a_hedged_clock_time_after_a_number_is_a_time() -> None:
    found = claims_of("Officers pulled him over on state Route 52 just past 2:30 a.m.")
    times = [c for c in found if c.kind == "time"]
    assert [(c.text, c.low, c.high) for c in times] == [("just past 2:30 a.m.", 150.0, 180.0)]


def test_shot_to_death_is_a_killing() -> None:
    found = claims_of("A Michigan man shot to death one person and injured two others.")
    counts = [c for c in found if c.kind == "count"]
    assert [(c.predicate, c.low) for c in counts] == [("kill", 1.0), ("injure", 2.0)]


@pytest.mark.parametrize(
    ("sentence", "value", "predicate"),
    [
        # a light verb's participle after the noun it tells of dates that noun
        ("The singer succumbed to a heart attack suffered almost three weeks ago.",
         "almost three weeks ago", "attack"),
        ("Two workers were treated for injuries sustained in the blast on Friday.",
         "Friday", "injury"),
        # the verb with an object of its own dates the object, as before
        ("The singer suffered a stroke on Friday.", "Friday", "stroke"),
    ],
)  # fmt: skip
def test_a_light_verb_after_its_noun_dates_the_noun(
    sentence: str, value: str, predicate: str
) -> None:
    dates = [c for c in claims_of(sentence, published=None) if c.kind == "date"]
    assert [(c.value, c.predicate) for c in dates] == [(value, predicate)]


def test_a_count_that_suffered_something_is_a_count_of_what_it_suffered() -> None:
    found = claims_of(
        "The outage began after two undersea cables in the Mediterranean suffered severe damage."
    )
    counts = [c for c in found if c.kind == "count"]
    assert [(c.predicate, c.thing, c.low) for c in counts] == [("damage", "cable", 2.0)]


def test_money_with_its_scale_glued_to_the_figure_is_millions() -> None:
    found = claims_of("The Red Sox offered Mark Teixeira an eight-year, $200MM deal.")
    money = [c for c in found if c.unit == "USD"]
    assert [(c.low, c.high, c.thing) for c in money] == [(200e6, 200e6, "deal")]


def test_a_currency_sign_says_the_unit_whatever_noun_the_amount_hangs_from() -> None:
    found = claims_of("The Angels were believed to have offered him eight years and around "
                      "$160 million.")  # fmt: skip
    money = [c for c in found if c.low is not None and c.low > 1e6]
    assert [c.unit for c in money] == ["USD"]


def test_what_money_is_worth_is_the_thing_not_the_occurrence() -> None:
    found = claims_of("The thieves made off with an $136M worth of diamonds and jewels.")
    money = [c for c in found if c.unit == "USD"]
    assert [(c.predicate, c.thing, c.low) for c in money] == [("make", "diamond", 136e6)]
    euros = [c for c in claims_of("Thieves made off with jewelry worth 103 million euros.")
             if c.unit == "EUR"]  # fmt: skip
    assert euros and all(c.thing != "euro" for c in euros)


def test_either_of_two_figures_is_one_range() -> None:
    found = claims_of("Three or four robbers burst into the store.")
    counts = [c for c in found if c.kind == "count"]
    assert [(c.thing, c.low, c.high) for c in counts] == [("robber", 3.0, 4.0)]


def test_millions_of_people_count_the_people_of_the_verb() -> None:
    found = claims_of("The flaw may have been used by hackers to attack millions of computer "
                      "users.")  # fmt: skip
    counts = [c for c in found if c.kind == "count"]
    assert [(c.predicate, c.thing) for c in counts] == [("attack", "user")]


@pytest.mark.parametrize(
    ("sentence", "seconds", "period"),
    [
        ("Hansbrough banked in a turnaround shot with 7:41 left in the 1st half.", 461.0,
         "first half"),
        ("He muscled in a bank shot over two defenders with 7:42 to go.", 462.0, None),
    ],
)  # fmt: skip
def test_a_game_clock_is_the_time_left_in_its_period(
    sentence: str, seconds: float, period: str | None
) -> None:
    clocks = [c for c in claims_of(sentence) if c.unit == "clock"]
    assert [(c.kind, c.low, c.thing) for c in clocks] == [("time", seconds, period)]


@pytest.mark.parametrize(
    ("text", "line", "lead_verbs"),
    [
        # a headline without a final stop (examples/000): its place and its words were
        # read as where and who of the lead's "mark"
        ("America Attacks ISIS Sites in Syria as Cooperation With Damascus Deepens\n"
         "The attacks mark a new turn for U.S.-Syrian cooperation on ISIS following "
         "President Ahmed Al-Sharaa’s visit to the White House.", "America", {"mark"}),
    ],
)  # fmt: skip
def test_a_headline_is_never_read_with_the_lead(text: str, line: str, lead_verbs: set[str]) -> None:
    found = claims_of(text)
    start = text.index(line)
    end = text.index("\n", start)
    read = [c for c in found if start <= c.span.start and c.span.end <= end]
    assert read  # the headline's place is still read
    assert not [(c.text, c.predicate) for c in read if c.predicate in lead_verbs]


@pytest.mark.parametrize(
    ("text", "stamp", "lead_date"),
    [
        # a dateline (ECB+ 12_7ecbplus): its date and clock time were read as when the
        # warship foiled and intercepted
        ("Somali pirate attack foiled in Gulf of Aden\nTNN Nov 12, 2011, 05.51AM IST MUMBAI:\n"
         "An Indian warship on Thursday intercepted three boats with 26 Somali pirates in the "
         "Gulf of Aden and foiled an attack on merchant vessels.",
         "TNN Nov 12, 2011, 05.51AM IST MUMBAI:", "on Thursday"),
        # a page's posting and updating lines (ECB+ 1_7ecbplus, 22_2ecbplus, 9_9ecbplus):
        # two reports written on two days printed as a conflict of "date of: post",
        # "date of: update"
        ("Lindsay Lohan Checks Out Of Betty Ford Treatment Center And Into Malibu Rehab\n"
         "Posted on Thu Jun 13, 2013 08:45 AM PDT\nLindsay Lohan has checked out of the Betty "
         "Ford Treatment Center in Palm Springs after completing a 30-day program on Thursday.",
         "Posted on Thu Jun 13, 2013 08:45 AM PDT", "on Thursday"),
        ('Co-Worker Calls Alleged Shooter: "Very Spiritual"\nFriday, Sep 10, 2010 | Updated '
         '8:52 PM EDT\nThe woman accused of shooting three co-workers on Thursday was '
         "described as very spiritual.",
         "Friday, Sep 10, 2010 | Updated 8:52 PM EDT", "on Thursday"),
        ("Scientific Consultations Under Endangered Species Act Restored\nWASHINGTON, DC, "
         "April 28, 2009\nThe Obama administration today revoked an eleventh-hour Bush-era rule "
         "that undermined protections for plants and animals.",
         "WASHINGTON, DC, April 28, 2009", "today"),
    ],
)  # fmt: skip
def test_a_report_s_own_date_is_never_an_event_s(text: str, stamp: str, lead_date: str) -> None:
    found = [c for c in claims_of(text) if c.kind in {"date", "time"}]
    start = text.index(stamp)
    assert not [c.text for c in found if start <= c.span.start < start + len(stamp)]
    assert lead_date in [c.text for c in found]  # the lead's own date is still read


@pytest.mark.parametrize(
    ("sentence", "date", "predicate"),
    [
        # a date that modifies a noun is that noun's (examples/004), named by the verb
        # the noun derives from
        ("The November 30 operation serves as a reminder that the fight against ISIS "
         "remains an active mission.", "November 30", "operate"),
        ("Trump, speaking after the November 10 meeting, said he was committed to helping "
         "Syria.", "November 10", "meet"),
        # a support verb's date is its object's (examples/003)
        ("U.S. Central Command announced that it carried out a joint operation against the "
         "terrorist organization ISIS in the south of the country, between November 24 and 27.",
         "between November 24 and 27", "operate"),
        # the day of an announcement is a claim of its own
        ("The US Central Command (CENTCOM) announced on Sunday (November 30th) that American "
         "forces launched a joint operation.", "Sunday (November 30th)", "announce"),
        # a participle that names a noun has no occurrence of its own: the date after the
        # name is the launch's, as it is without the name (1ecb)
        ("The actress has launched a new fashion line called Mantra in September.",
         "in September", "line"),
        ("The actress has launched a new fashion line in September.", "in September", "line"),
        ("Police arrested a man named John Roe on Monday.", "Monday", "arrest"),
    ],
)  # fmt: skip
def test_a_date_is_of_the_occurrence_it_dates(sentence: str, date: str, predicate: str) -> None:
    dates = [c for c in claims_of(sentence, published=None) if c.kind == "date"]
    assert [(c.text, c.predicate) for c in dates if c.text == date] == [(date, predicate)]


@pytest.mark.parametrize(
    ("sentence", "date", "predicate", "value"),
    [
        ("Felt insisted on remaining completely anonymous until May 30, 2005 when Felt's family "
         "revealed his identity in an article for Vanity Fair magazine.", "May 30, 2005",
         "unmask", "2005-05-30"),  # a person's identity revealed: an unmasking
        ("Felt, the associate director of the FBI during the Watergate scandal, was unknown "
         "until three years ago, when Felt's family unmasked him in the pages of Vanity Fair.",
         "three years ago", "unmask", "2005-12-20"),
    ],
)  # fmt: skip
def test_a_date_after_until_that_a_clause_says_something_happened_is_that_clause_s(
    sentence: str, date: str, predicate: str, value: str
) -> None:
    # "until X, when Y": Y happened at X, a day of its own, not the open end of the
    # state before it
    dates = [c for c in claims_of(sentence, published="2008-12-19") if c.text == date]
    assert [(c.predicate, c.value, c.cue) for c in dates] == [(predicate, value, None)]


def test_a_date_after_until_alone_is_still_an_open_end() -> None:
    found = claims_of("Roads in the area were closed until Monday.", published="2008-12-19")
    assert [(c.predicate, c.cue) for c in found if c.kind == "date"] == [("close", "open")]


def test_a_date_after_until_that_a_saying_follows_stays_the_open_end() -> None:
    # the confirming is a report, whose date is no claim: the date stays the end of the
    # secret, not nothing
    found = claims_of(
        "The identity of Felt, a former associate director at the Federal Bureau of "
        "Investigation, remained a secret until May 2005, when Woodward and Bernstein "
        "confirmed revelations published in an article in the July issue of Vanity Fair.",
        published=None,
    )
    assert [(c.text, c.cue) for c in found if c.kind == "date"] == [("May 2005", "open")]


def test_an_announced_operation_is_dated_apart_from_its_announcement() -> None:
    found = claims_of(
        "The US Central Command (CENTCOM) announced on Sunday (November 30th) that American "
        "forces launched a joint operation in southern Syria from November 24th to 27th.",
        published="2025-11-30",
    )
    dates = {c.text: c for c in found if c.kind == "date"}
    operation = dates["from November 24th to 27th"]
    assert (operation.predicate, operation.start, operation.end) == (
        "operate", "2025-11-24", "2025-11-27",
    )  # fmt: skip
    # what a verb announces is an occurrence apart from the announcing
    assert "announce" not in operation.context


def test_a_weekday_that_modifies_a_noun_is_that_noun_s_date() -> None:
    found = claims_of("Police said Monday's attack was planned for weeks.", published=None)
    assert [(c.value, c.predicate) for c in found if c.kind == "date"] == [("Monday", "attack")]


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("LaRue served a 4-1/2-month prison term for his role in Watergate.", 137.0),
        ("He was sentenced to 2 1/2 years, with 9 months to serve in that case.", 913.0),
        # the half in words, before or after the unit, and as one glyph
        ("LaRue served four and a half months in federal prison for his role in Watergate.", 137.0),
        ("LaRue served 4½ months in federal prison.", 137.0),
        ("He spent a year and a half in a Texas jail awaiting trial.", 548.0),
    ],
)
def test_a_length_with_a_half_is_the_whole_and_the_half(sentence: str, days: float) -> None:
    lengths = [c for c in claims_of(sentence) if c.unit == "days"]
    assert lengths and lengths[0].low == pytest.approx(days, abs=1.0)
    # the whole number before the half is no count of its own
    assert not [c for c in claims_of(sentence) if c.kind == "count"]


@pytest.mark.parametrize(
    ("sentence", "years"),
    [
        # ECB+ 28ecb: read as "four years" before, 30 years apart from the 34 it says
        ("It was thirty four years before he finally broke his silence.", 34),
        ("Felt kept his role a secret for thirty-four years.", 34),
        ("The couple were married for sixty-two years.", 62),
    ],
)  # fmt: skip
def test_a_length_in_number_words_is_read_whole(sentence: str, years: int) -> None:
    lengths = [c for c in claims_of(sentence) if c.unit == "days"]
    assert [round((c.low or 0) / 365.25) for c in lengths] == [years]


def test_a_half_run_into_its_whole_is_no_length_of_two() -> None:
    found = claims_of("LaRue served 41/2 months in federal prison.")
    assert not [c for c in found if c.unit == "days" and c.low == pytest.approx(60.9, abs=1)]


def test_a_hedge_written_before_a_length_widens_it() -> None:
    found = claims_of("The current problems they experience will last around twelve days.")
    lengths = [c for c in found if c.unit == "days"]
    assert [(c.text, c.low, c.high) for c in lengths] == [("around twelve days", 9.6, 14.4)]


@pytest.mark.parametrize(
    ("sentence", "street"),
    [
        ("Gomes was arrested at a Philip Street apartment yesterday.", "Philip Street"),
        # the corner two streets make is one place (test_two_streets_that_cross_are_one_corner)
        ("She was hit near 117th Street and 97th Avenue in Richmond Hill at about 7 p.m.",
         "117th Street and 97th Avenue"),
        ("The driver was heading north on 117th St. near 97th Ave.", "117th St."),
    ],
)  # fmt: skip
def test_a_street_is_where_it_happened(sentence: str, street: str) -> None:
    places = [c.text for c in claims_of(sentence) if c.kind == "place"]
    assert street in places


def test_a_phrase_before_a_tacked_on_attribution_is_the_main_clause_s() -> None:
    found = claims_of(
        "Lindsay Lohan checked into the Betty Ford Clinic in Rancho Mirage, Calif., on Thursday "
        "night, for what is to be a three-month stay, her rep confirms to PEOPLE."
    )
    lengths = [c for c in found if c.unit == "days"]
    assert [(c.predicate, round(c.low or 0)) for c in lengths] == [("check", 91)]


def test_a_day_that_recurs_is_the_date_of_no_occurrence() -> None:
    found = claims_of("Microsoft will release security patches on the second Tuesday of every "
                      "month.")  # fmt: skip
    assert not [c for c in found if c.kind == "date"]


@pytest.mark.parametrize(
    ("sentence", "countries", "count"),
    [
        ("The Indian navy has captured 23 Somalian pirates.", "SO", 23.0),
        ("The arrest of the 23 pirates (12 Somali and 11 Yemeni) and the arms haul is the "
         "largest such seizure.", "SO+YE", 23.0),
        ("The Indian Navy on Saturday foiled a hijack attempt and arrested 23 heavily armed "
         "Somalian and Yemeni pirates.", "SO+YE", 23.0),
        ("The apprehended included 12 Somalis and 11 Yemenis.", "SO+YE", 23.0),
        ("The pirates are from Somalia and Yemen, two countries surrounding the Gulf of Aden, "
         "Sinha said.", "SO+YE", None),
    ],
)  # fmt: skip
def test_the_nationality_of_a_group_is_a_claim_with_its_count(
    sentence: str, countries: str, count: float | None
) -> None:
    found = [c for c in claims_of(sentence) if c.thing == "nationality"]
    assert [(c.kind, c.value, c.low) for c in found] == [("actor", countries, count)]


def test_an_uncounted_nationality_or_an_institution_s_is_no_claim() -> None:
    # where pirates come from in general, the navy of a country: no group is counted
    found = claims_of("Somali pirates often hijack ships in Somali waters, the Indian navy said.")
    assert not [c for c in found if c.thing == "nationality"]


def test_a_scale_letter_before_a_counted_noun_multiplies_it() -> None:
    found = claims_of("The flaw has already been used to attack over 2m Windows users.")
    assert [(c.kind, c.thing, c.low, c.high) for c in found if c.low] == [
        ("count", "user", 2_000_000.0, None)
    ]
    # with no noun after it the letter is a length: metres
    fall = [c for c in claims_of("The climber fell 200m from the ridge.") if c.low]
    assert [(c.kind, c.unit, c.low) for c in fall] == [("measure", "m", 200.0)]


@pytest.mark.parametrize(
    ("sentence", "kmh"),
    [
        ("Police chased him at speeds of more than 100 mph.", (160.934, None)),
        ("The car reached 120 miles per hour on the freeway.", (193.121, 193.121)),
        ("Officers chased him at speeds up to 193km/h.", (0.0, 193.0)),
    ],
)
def test_speeds_in_any_unit_are_one_speed_in_kmh(
    sentence: str, kmh: tuple[float, float | None]
) -> None:
    speeds = [c for c in claims_of(sentence) if c.unit == "km/h"]
    assert [(c.thing, c.low, c.high) for c in speeds] == [("speed", *kmh)]


def test_vague_amounts_are_hedged_claims_of_their_noun() -> None:
    found = [c for c in claims_of("Police seized a shotgun and several shells.") if c.low]
    assert [(c.kind, c.thing, c.value, c.low, c.high) for c in found] == [
        ("count", "shell", "several", 3.0, 9.0)
    ]


@pytest.mark.parametrize(
    ("sentence", "value", "bounds"),
    [
        ("Police said at least a dozen people were at the party when the gunman entered.",
         "at least 12", (12.0, None)),
        ("About a dozen people were inside the building at the time.", "about 12",
         (9.6, 14.4)),
        ("Nearly two dozen people were taken to hospital.", "nearly 24", (19.2, 24.0)),
        ("More than a hundred people gathered for the vigil on Monday night.",
         "more than 100", (100.0, None)),
    ],
)  # fmt: skip
def test_a_hedge_before_a_dozen_or_a_hundred_is_kept(
    sentence: str, value: str, bounds: tuple[float, float | None]
) -> None:
    counts = [c for c in claims_of(sentence) if c.kind == "count"]
    assert [(c.value, c.low, c.high) for c in counts] == [(value, *bounds)]
    assert counts[0].text.split()[0].casefold() in {"at", "about", "nearly", "more"}


@pytest.mark.parametrize(
    ("sentence", "kind", "days"),
    [
        # the time between two moments, a gap; how long something lasted, a duration
        ("She walked out two minutes after she walked through the door.", "gap", (0.001, 0.001)),
        ("The starlet checked out of the clinic after only a few minutes.", "duration",
         (0.001, 0.003)),
    ],
)  # fmt: skip
def test_lengths_of_time_in_minutes_are_days_like_other_lengths(
    sentence: str, kind: str, days: tuple[float, float]
) -> None:
    found = [c for c in claims_of(sentence) if c.kind == "measure"]
    assert [(c.unit, c.thing, c.low, c.high) for c in found] == [("days", kind, *days)]


@pytest.mark.parametrize(
    ("sentence", "record"),
    [
        ("Peyton Manning calmly led Indianapolis (10-5) downfield.", ("indianapolis", "10-5")),
        ("Former champion Riddick Bowe, 43-1, 33 KOs, won on the undercard.",
         ("riddick bowe", "43-1")),
        ("Klitschko improved his record to 52-3 with the win.", ("klitschko", "52-3")),
        ("The win gave the Colts a 9-5 season.", ("colts", "9-5")),
    ],
)  # fmt: skip
def test_a_win_loss_record_is_one_value_of_its_side(sentence: str, record: tuple[str, str]) -> None:
    found = [(c.thing, c.value) for c in claims_of(sentence) if c.kind == "record"]
    assert found == [record]


def test_a_record_after_a_pronoun_is_not_the_last_named_sides() -> None:
    # ECB+ 7ecbplus: "he" is Klitschko; the record was Thompson's, the last name before
    # it, and the check of Thompson's record showed "58-3" against his "36-3"
    found = claims_of("This was Klitschko's second victory over Thompson, and with it he "
                      "improves to 58-3 with 51 wins coming by way of knockout.")  # fmt: skip
    assert [(c.thing, c.value) for c in found if c.kind == "record"] == []
    # 5ecb: the coach's record at his old club, not the club's
    found = claims_of("Cheeks came to Philadelphia from Portland, where he was 162-139 with "
                      "two postseason appearances.")  # fmt: skip
    assert [(c.thing, c.value) for c in found if c.kind == "record"] == []


def test_a_score_is_no_record() -> None:
    found = claims_of("The Colts won 31-24 after taking a 13-10 lead.")
    assert not [c for c in found if c.kind == "record"]


@pytest.mark.parametrize(
    "sentence",
    [
        # 29ecbplus: the side beaten or lost to, then the score set off by commas
        "With minutes left, the Chiefs lost to the Indianapolis Colts, 20-13, and kept "
        "their grip on the top pick.",
        "The Colts beat Kansas City, 20-13, on Sunday.",
    ],
)
def test_a_score_after_the_side_beaten_is_no_record(sentence: str) -> None:
    assert not [c for c in claims_of(sentence) if c.kind == "record"]


@pytest.mark.parametrize(
    "sentence",
    [
        # 29ecbplus: the parser names no entity in "the Colts"; the bracket is its record
        "Darius Butler returned an interception 32 yards for a TD in helping the Colts "
        "(10-5) join the 2008 Miami Dolphins.",
        "The Colts (10-5, 4-4 away) owned the NFL's worst record last year.",
    ],
)
def test_a_bracketed_record_after_a_capitalised_name_is_its_sides(sentence: str) -> None:
    found = [(c.thing, c.value) for c in claims_of(sentence) if c.kind == "record"]
    assert found == [("colts", "10-5")]


def test_a_bracketed_range_after_a_lower_case_word_is_no_record() -> None:
    found = claims_of("The camp takes children of all ages (10-12) and their parents.")
    assert not [c for c in found if c.kind == "record"]


def test_almost_a_figure_shows_the_figure() -> None:
    found = [c for c in claims_of("The commission said that turnout was almost 90%.") if c.low]
    assert [c.value for c in found] == ["almost 90"]


@pytest.mark.parametrize(
    ("sentence", "seconds", "period"),
    [
        ("Hansbrough scored with less than eight minutes to play in the first half.",
         (0.0, 480.0), "first half"),
        ("Ratliff ran it back for a pick-six with just under five minutes left.",
         (240.0, 300.0), None),
        ("Ratliff scored the touchdown with 4 minutes 48 seconds remaining.", (288.0, 288.0),
         None),
        ("Luck threw the winning score with four minutes left.", (210.0, 299.0), None),
    ],
)  # fmt: skip
def test_a_game_clock_in_words_is_a_game_clock(
    sentence: str, seconds: tuple[float, float], period: str | None
) -> None:
    found = claims_of(sentence)
    clocks = [(c.low, c.high, c.thing) for c in found if c.unit == "clock"]
    assert clocks == [(*seconds, period)]
    assert not [c for c in found if c.unit == "days"]  # no length of minutes besides


@pytest.mark.parametrize(
    ("sentence", "minutes"),
    [
        ("Shortly after 3:30 Tuesday morning someone called 911.", (210.0, 240.0)),
        ("The boats crossed the transit corridor at 9:25 hours on Thursday.", (565.0, 565.0)),
        ("The bomb went off at 8:15 on Friday evening.", (1215.0, 1215.0)),
    ],
)
def test_a_clock_time_said_by_the_word_after_it(
    sentence: str, minutes: tuple[float, float]
) -> None:
    found = claims_of(sentence)
    assert [(c.low, c.high) for c in found if c.unit == "minutes"] == [minutes]
    assert not [c for c in found if c.unit == "days"]


def test_a_score_is_no_clock_time() -> None:
    found = claims_of("The score stood at 3-1 at half-time.")
    assert not [c for c in found if c.kind in {"time", "record"}]


@pytest.mark.parametrize(
    ("sentence", "low"),
    [
        ("An earthquake with a magnitude of at least 5.9 hit southern Iran.", 5.9),
        ("The island was first rocked by a magnitude-5.9 earthquake on Sunday.", 5.9),
        ("The 6.1-magnitude quake struck the island.", 6.1),
        ("An earthquake registering 6.1 on the Richter scale hit the island.", 6.1),
    ],
)
def test_a_magnitude_is_one_measure_however_written(sentence: str, low: float) -> None:
    found = [c for c in claims_of(sentence) if c.kind in {"count", "measure"}]
    assert [(c.unit, c.thing, c.low) for c in found] == [("magnitude", "magnitude", low)]


@pytest.mark.parametrize(
    ("sentence", "kg"),
    [
        ("The inmate is described as weighing approximately 200 pounds.", (72.575, 108.862)),
        ("Comeaux is a 200-pound black male.", (90.718, 90.718)),
    ],
)
def test_pounds_of_a_weight_are_no_money(sentence: str, kg: tuple[float, float]) -> None:
    found = [c for c in claims_of(sentence) if c.thing == "weight"]
    assert [(c.unit, c.low, c.high) for c in found] == [("kg", *kg)]
    money = claims_of("The jewels were worth 74 million pounds.")
    assert [c.unit for c in money if c.low] == ["GBP"]


def test_a_length_glued_to_its_noun_is_in_metres() -> None:
    found = claims_of("The driver led police on a 30-mile pursuit.")
    assert [(c.unit, c.low) for c in found if c.low] == [("m", 48280.32)]


@pytest.mark.parametrize(
    ("sentence", "post", "word", "person"),
    [
        ('"We\'re aware of the off-the-field issue involving Vincent," Chargers general '
         "manager A.J. Butler said in a statement.", "manager", "chargers|general manager",
         "aj butler"),
        ('"We\'re aware of the off-the-field issue involving Vincent," team general manager '
         "A.J. Smith said in a statement.", "manager", None, "aj smith"),
        ("Oregon State Police spokesman Gregg Hastings said the bomb went off.", "spokesman",
         "police|spokesman", "gregg hastings"),
    ],
)  # fmt: skip
def test_a_person_named_by_their_post_is_a_claim_of_the_post(
    sentence: str, post: str, word: str | None, person: str
) -> None:
    # the verb is "said", which carries no event: the name is still the post's value
    roles = [c for c in claims_of(sentence) if c.thing == "role"]
    assert [(c.kind, c.predicate, c.word, c.value) for c in roles] == [
        ("actor", post, word, person)
    ]


@pytest.mark.parametrize(
    ("sentence", "kind", "predicate"),
    [
        # a verb that only says its subject took place: the value is the subject's
        ("The escape happened near Baytown, Texas, about 25 miles east of Houston, it said.",
         "place", "escape"),
        ("The attack took place about 150 nautical miles off Aden and INS Mysore was about 13 "
         "nautical miles away from the merchant vessel when it picked up the SOS call.",
         "place", "attack"),
        # one "goes on" a rampage: the rampage is the occurrence
        ("He's the former Kutztown University football player who went on a shooting rampage "
         "at an Atlanta courthouse in 2005, killing four people.", "date", "rampage"),
        # "passed away" is a death
        ("Bettie Page, one of entertainment's original sex kittens, passed away Thursday, "
         "December 11, at age 85.", "date", "die"),
        # a support verb's place is its object's occurrence ("launched an operation in…")
        ("US Central Command announced that US and Syrian forces launched a joint operation in "
         "the southern Rif Dimashq Province of Syria.", "place", "operate"),
    ],
)  # fmt: skip
def test_a_light_or_support_verb_s_value_is_of_the_occurrence_it_stands_for(
    sentence: str, kind: str, predicate: str
) -> None:
    found = [c for c in claims_of(sentence, published="2008-12-12") if c.kind == kind]
    assert found and found[0].predicate == predicate


@pytest.mark.parametrize(
    ("sentence", "date", "predicate"),
    [
        ("The suspect, Andrew Lopez, was among three teens arrested on Tuesday for the shooting "
         "that took place last Friday outside a Brownsville school that claimed the life of "
         "34-year old Zurana Horton.", "last Friday", "shoot"),
        ("All Seacom traffic to Europe was affected by the break which happened on 8 October 2011 "
         "on one of their Mediterranean backhaul service providers' cables.", "8 October 2011",
         "break"),
    ],
)  # fmt: skip
def test_an_occurrence_a_relative_clause_says_took_place_is_the_noun_it_describes(
    sentence: str, date: str, predicate: str
) -> None:
    # "the shooting that took place last Friday": the pronoun is the shooting, so the
    # date is the shooting's, not of "take"
    found = claims_of(sentence, published="2011-10-25")
    assert [c.predicate for c in found if c.text == date] == [predicate]


def test_a_participle_before_its_noun_is_no_occurrence_of_a_place() -> None:
    found = claims_of(
        "Subryan allegedly struck Raj Chohan, a 59-year-old grandmother, as she walked along "
        "parked cars on 117th Street in Queens when the car struck her and fled the scene."
    )
    street = [c for c in found if c.kind == "place" and c.text == "117th Street"]
    assert street and street[0].predicate != "park"


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("The last major quake to hit southern Iran was in February, when a magnitude-6.4 "
         "temblor rocked Zarand, a town of about 15,000 people in Kerman province.", "Zarand"),
        ("Rescuers were evacuating injured from Qeshm to Bandar Abbas, a city of 500,000 "
         "people that also was jolted by the quake.", "Bandar Abbas"),
        ("The 6.1-magnitude quake struck Qeshm island, home to 120,000 people, and the city "
         "of Bandar Abbas, state media said.", "people"),
    ],
)  # fmt: skip
def test_the_people_a_place_holds_are_its_population_not_a_count_of_the_verb(
    sentence: str, place: str
) -> None:
    # a reader of "rocked Zarand, a town of about 15,000 people" learns how many live
    # there; the report printed it as a toll against "612 killed"
    counts = [c for c in claims_of(sentence) if c.kind == "count" and c.low and c.low >= 1000]
    assert [(c.predicate, c.thing) for c in counts] == [("population", place)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The island, which has about 200,000 residents, is a free trade zone, officials said.",
        "The quake struck Qeshm, an island that has about 200,000 inhabitants.",
        "Qeshm has about 200,000 residents and a busy port.",
    ],
)
def test_a_place_that_has_n_residents_gives_its_population(sentence: str) -> None:
    # ECB+ 20ecbplus: "home to 120,000 people" against "which has about 200,000
    # residents" is one population told two ways (the gold labels them a conflict); the
    # second was a count of "island" no check compared with the first
    counts = [c for c in claims_of(sentence) if c.kind == "count"]
    assert [(c.predicate, c.thing, c.low) for c in counts] == [("population", "people", 160000.0)]


def test_a_crew_that_has_n_people_is_no_population() -> None:
    # only the words for dwellers: a ship or a team "has 20 people" too
    counts = [c for c in claims_of("The ship has 20 people on board, the coast guard said.")
              if c.kind == "count"]  # fmt: skip
    assert [c.predicate for c in counts] != ["population"]


def test_a_headline_s_capitals_do_not_change_what_a_number_counts() -> None:
    # a headline capitalises "Mother", which the tagger then reads as a name: the number
    # is still the count of what the "of" phrase hangs from, as in the body's sentence
    headline = claims_of("Police Name Ohio Mother of 5 Killed in Crash")
    body = claims_of("The victim, a mother of 5, was killed in the crash on Monday.")
    counts = [[(c.predicate, c.low) for c in cs if c.kind == "count"] for cs in (headline, body)]
    assert counts == [[("family", 5.0)], [("family", 5.0)]]


def test_a_clause_under_a_saying_keeps_its_own_place() -> None:
    # "was leaving" carries no event of its own; the place is the clause's, not the
    # witnesses' saying
    found = claims_of(
        "Witnesses say 59-year-old Maria Lopez was leaving her car on Main Street in "
        "Springfield on Friday when she was struck by a van."
    )
    assert [(c.kind, c.predicate, c.value) for c in found if c.kind == "place"] == [
        ("place", None, "main street"),
        ("place", None, "springfield"),
    ]
    # a saying's own place and day stay out
    said = claims_of("The minister said in Paris on Monday that talks would resume.")
    assert not [c for c in said if c.kind in {"place", "date"}]


def _borne_out(sentence: str) -> list[tuple[str, str | None]]:
    doc = parse(sentence)
    times = extract_times("a", doc, "2009-12-01")
    quantities = _not_dates(extract_quantities("a", doc), times)
    mentions = extract_mentions("a", doc)
    found = bear_out_places(extract_claims("a", doc, quantities, times, mentions), mentions)
    return [(c.value, c.predicate) for c in found if c.kind == "place"]


def test_a_town_the_tagger_calls_an_organisation_is_a_place_when_the_text_bears_it_out() -> None:
    # the tagger reads "Woodburn" as an organisation; the gazetteer knows the town, and
    # "Portland" and "Oregon" beside it bear it out
    assert _borne_out(
        "The explosion happened in Woodburn, about 30 miles south of Portland, Oregon."
    ) == [("woodburn", "explode"), ("portland", "explode")]
    # a body named like a town, and a person named like one, are no place
    assert _borne_out("Democratic leaders in Congress said they would act in Washington.") == [
        ("washington", "act")
    ]
    assert not _borne_out("Washington and Baltimore have expressed interest in Teixeira.")


def test_a_bare_dozen_of_is_dozens_and_a_dozen_of_is_twelve() -> None:
    found = claims_of("Dozen of warships from several countries are patrolling the gulf.")
    assert next((c.thing, c.value, c.low, c.high) for c in found if c.kind == "count") == (
        "warship",
        "dozens",
        24.0,
        99.0,
    )
    found = claims_of("A dozen of his friends came to the party.")
    assert [(c.value, c.low) for c in found if c.kind == "count"] == [("12", 12.0)]


@pytest.mark.parametrize(
    ("sentence", "denied", "actor"),
    [
        # ECB+ 13ecb: another report names Palin running mate; no one was named a suspect
        ("The police have no leads at this time -- and John McCain has not been named as a "
         "suspect.", "John McCain", None),
        # ECB+ 6ecbplus: the leads are signed, the director is not
        ("Unlike stars Jennifer Lawrence and Liam Hemsworth, Ross is not signed for a sequel.",
         "Ross", None),
        ("While Ross wasn't signed on to multiple films, the studio signed Jennifer Lawrence.",
         "Ross", "Jennifer Lawrence"),
    ],
)  # fmt: skip
def test_a_negated_clause_names_no_actor(sentence: str, denied: str, actor: str | None) -> None:
    """A clause that says someone did not take part ("X has not been named", "X is not
    signed") gives no actor claim: weighed against a report naming someone else for the
    verb, it was printed as a conflict of who was named or signed. The same verb
    affirmed in the sentence still names its actor."""
    actors = [c.text for c in claims_of(sentence) if c.kind == "actor"]
    assert denied not in actors
    assert actors == ([actor] if actor else [])


def test_a_site_near_a_home_cites_the_site() -> None:
    """ "at a hospice near his home in Oakdale": the place is cited from the hospice on,
    so a reader sees where the death was, not only the town."""
    sentence = "The actor died on Sunday at a hospice near his home in Oakdale, California."
    doc = parse(sentence)
    mentions = extract_mentions("a", doc)
    found = bear_out_places(extract_claims("a", doc, (), (), mentions), mentions)
    cited = [sentence[c.span.start : c.span.end] for c in found if c.kind == "place"]
    assert "hospice near his home in Oakdale" in cited


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        # ECB+ 3ecbplus: a place near a town, and one so many miles from another
        ("The escape happened near Baytown, Texas, about 25 miles east of Houston.",
         [("baytown", "near:near"), ("houston", "near:east of")]),
        ("The cables were damaged south of Italy on Friday.", [("IT", "near:south of")]),
        # a town named by the area around it, the tagger's organisation or its place
        ("A bomb exploded at a Woodburn-area bank, about 30 miles south of Portland, Oregon.",
         [("woodburn", "area"), ("portland", "near:south of")]),
        ("The guards from Houston, Texas were forced to drive to the Baytown area.",
         [("baytown", "area")]),
        # in the town itself: no cue; a place inside it, named by its noun
        ("Comeaux escaped Monday from a prison van in Baytown, Texas.", [("baytown", None)]),
        ("Felt died at his home in Santa Rosa, Calif., on Thursday.",
         [("santa rosa", "within:home")]),
        ("The police chief remains in a Portland hospital.", [("portland", "within:hospital")]),
        # a site near another is the site, not what it stands near
        ("The actor died on Sunday at a hospice near his home in Oakdale, California.",
         [("oakdale", "within:hospice")]),
        # a subdivision's type word after its name is the place's own, nothing inside it
        ("The quake struck in Hormozgan province on Sunday.", [("hormozgan", None)]),
    ],
)  # fmt: skip
def test_a_place_around_a_town_says_so(sentence: str, places: list[tuple[str, str]]) -> None:
    doc = parse(sentence)
    mentions = extract_mentions("a", doc)
    found = bear_out_places(extract_claims("a", doc, (), (), mentions), mentions)
    assert [(c.value, c.cue) for c in found if c.kind == "place" and c.predicate != "live"] == (
        places
    )


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        # ECB+ 1ecb: the town named before the clinic the actress entered or went to
        ("Actress Tara Reid entered well-known Malibu rehab center Promises Treatment Center.",
         [("Malibu", "enter", "malibu", "within:center")]),
        ("The actress, 33, reportedly headed to a Malibu treatment facility on Tuesday.",
         [("Malibu", "head", "malibu", "within:facility")]),
        # ECB+ 23ecb, 26ecb: a place owning the site, written as a possessive
        ("His brother fell to his death on New Zealand's highest peak.",
         [("New Zealand", "fall", "NZ", "within:peak")]),
        # a region's adjective before the building places it in the region
        ("An alleged Mafia boss hanged himself in a Sicilian jail hours after his arrest.",
         [("Sicilian", "hang", "sicily", "within:jail")]),
        # no site: a team, a person, a country's adjective (whose, not where)
        ("The Lakers beat the Los Angeles Clippers on Friday.", []),
        ("Police arrested a Woodburn man on Friday.", []),
        ("Gunmen attacked an Israeli embassy on Friday.", []),
    ],
)  # fmt: skip
def test_a_place_named_before_a_building_places_what_happened_there(
    sentence: str, places: list[tuple[str, str, str, str]]
) -> None:
    doc = parse(sentence)
    mentions = extract_mentions("a", doc)
    found = bear_out_places(extract_claims("a", doc, (), (), mentions), mentions)
    assert [(c.text, c.predicate, c.value, c.cue) for c in found if c.kind == "place"] == places


def test_a_town_whose_police_the_article_names_is_a_place() -> None:
    """ECB+ 8ecb: a town the tagger called an organisation, which the gazetteer's accept
    model alone does not take, is borne out by the article naming the
    town's police ("the Woodburn police officer"): only a town has one."""
    text = (
        "Oregon State Police say a bomb explosion at a Woodburn-area bank killed a local "
        "police officer and a state bomb disposal technician. At a briefing, the police "
        "identified the Woodburn police officer who died as 51-year-old Capt. Tom Tennant."
    )
    doc = parse(text)
    mentions = extract_mentions("a", doc)
    found = bear_out_places(extract_claims("a", doc, (), (), mentions), mentions, text)
    places = [(c.text, c.cue) for c in found if c.kind == "place"]
    assert ("Woodburn", "area") in places
    # without the article's text, the accept model alone does not take it
    alone = bear_out_places(extract_claims("a", doc, (), (), mentions), mentions)
    assert "Woodburn" not in [c.text for c in alone if c.kind == "place"]


def test_a_courtesy_title_is_no_post() -> None:
    """A courtesy title ("Mr. Smith") names a person, not a post he holds: two reports
    quoting "Mr. Smith" and "Mr. Jones" name no two holders of one post "mr." (the report
    printed such a variant)."""
    for sentence in ("Mr. Jones said the plant would close in March.",
                     "The plant will close, Mrs. Jones told reporters."):  # fmt: skip
        assert [c for c in claims_of(sentence) if c.thing == "role"] == []
    sheriff = [c for c in claims_of("Sheriff John Jones said the plant would close.")
               if c.thing == "role"]  # fmt: skip
    assert [(c.predicate, c.value) for c in sheriff] == [("sheriff", "john jones")]


@pytest.mark.parametrize(
    ("sentence", "family"),
    [
        ("Police said the victim, a mother of four, died at the scene.", ("children", 4.0)),
        ("He was the father of three children and a deacon at his church.", ("children", 3.0)),
        ("The grandmother of nine was hit by a car on Monday.", ("grandchildren", 9.0)),
        ("She was walking with two of her five kids when the car struck.", ("children", 5.0)),
        ("Four children were hurt when the bus overturned.", None),
    ],
)  # fmt: skip
def test_how_many_children_a_parent_has_is_a_family_s_size(
    sentence: str, family: tuple[str, float] | None
) -> None:
    found = [(c.thing, c.low) for c in claims_of(sentence) if c.predicate == "family"]
    assert found == ([family] if family else [])


@pytest.mark.parametrize(
    "sentence",
    [
        "Gang member John Roe, 20 was found guilty of murder on Tuesday.",
        "The accused, Jane Doe, 20 and John Roe, 24, went on trial Thursday.",
    ],
)
def test_an_age_after_a_name_without_its_closing_comma_is_an_age(sentence: str) -> None:
    found = claims_of(sentence)
    assert 20.0 in [c.low for c in found if c.kind == "age"]
    assert not [c for c in found if c.kind == "count" and c.low == 20.0]


@pytest.mark.parametrize(
    ("sentence", "cause"),
    [
        ("Robert Hale died of congestive heart failure.", "heart failure"),
        ("Robert Hale died yesterday from Alzheimer's disease at a hospice.", "alzheimer disease"),
        ("The coroner believes Robert Hale died Saturday of natural causes.", "cause"),
        ("Robert Hale died Thursday after suffering from lung cancer for months.", "lung cancer"),
        ("Robert Hale succumbed to pneumonia at a hospital.", "pneumonia"),
        # no cause of a death: an illness alone, a person still alive, a killing's weapon
        ("Robert Hale suffered from heart disease, but the cause of his death is unknown.", None),
        ("Robert Hale is dying from kidney disease, her lawyer said.", None),
        ("Robert Hale was killed by a stray police bullet on Saturday.", None),
    ],
)  # fmt: skip
def test_what_a_person_died_of_is_a_cause_claim(sentence: str, cause: str | None) -> None:
    """The cause of a death is a value of its own ("who: cause of death"), named by the
    dying verb's "of"/"from", "succumbed to", or an illness suffered before the death;
    the person who died is the claim's mention."""
    found = [c for c in claims_of(sentence) if c.thing == "cause"]
    assert [c.value for c in found] == ([cause] if cause else [])
    if cause:
        assert found[0].mention is not None


@pytest.mark.parametrize(
    ("sentence", "unmasked"),
    [
        ("In 2005, Robert Hale revealed that he was the anonymous source.", True),
        ("Robert Hale revealed himself as the donor in March 2004.", True),
        ("His family revealed his identity on May 30, 2005.", True),
        ("Robert Hale denied it until finally coming forward in May 2005.", True),
        ("Robert Hale finally broke cover, admitting in 2006 that he had leaked it.", True),
        # announcements and admissions of a deed keep their own verbs
        ("The agency revealed the plan on Monday, April 3.", False),
        ("Robert Hale admitted in 2006 that he fired the shots.", False),
        ("A witness came forward on Monday, April 3.", False),
    ],
)  # fmt: skip
def test_the_date_a_person_made_known_who_he_was_is_one_unmasking(
    sentence: str, unmasked: bool
) -> None:
    """Dates of a person making known who they are share one predicate, whichever verb
    a report chose ("revealed that he was", "came forward", "broke cover, admitting")."""
    dates = [c for c in claims_of(sentence) if c.kind == "date"]
    assert dates
    assert (dates[0].predicate == "unmask") is unmasked


@pytest.mark.parametrize(
    ("sentence", "secrecy"),
    [
        ("Robert Hale kept his role in the affair a secret for 30 years.", True),
        ("He kept his identity secret for 30 years.", True),
        ("Robert Hale, who remained anonymous for 30 years, has died.", True),
        ("Robert Hale admitted his role after more than 30 years.", True),
        ("Robert Hale revealed himself as the informer 30 years after he tipped off reporters.",
         True),
        ("It was 34 years before Robert Hale finally broke cover.", True),
        # another length, or nobody's own secret
        ("Robert Hale served 30 years in prison.", False),
        ("Robert Hale died 30 years after he retired.", False),
        ("The company kept the plans secret for two years.", False),
    ],
)  # fmt: skip
def test_how_long_a_person_stayed_hidden_is_one_length(sentence: str, secrecy: bool) -> None:
    """How long a person's part stayed hidden is one length, told as how long it was kept
    ("kept his role a secret for 30 years") or as the gap to the unmasking ("34 years
    before he broke cover", "revealed himself 30 years after he tipped off reporters")."""
    lengths = [c for c in claims_of(sentence) if c.unit == "days"]
    assert lengths
    assert all((c.predicate == "secrecy" and c.thing == "duration") is secrecy for c in lengths)
    if "more than" in sentence:
        assert lengths[0].high is None  # "after more than 30 years": at least 30


@pytest.mark.parametrize(
    "sentence",
    [
        "Zurana Horton-who was a mother of 12-another mom was shot on her way home.",
        "The woman, a mother of 12-the youngest just two-was walking home from school.",
    ],
)
def test_a_dash_typed_as_a_hyphen_glues_no_unit_to_a_count(sentence: str) -> None:
    found = claims_of(sentence)
    # "12" counts the mother's children, as "a mother of 12" does
    assert [(c.kind, c.unit) for c in found if c.low == 12.0] == [("count", "children")]
    assert not [c for c in found if c.kind == "measure"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Police said as many as 20,000 people took to the streets of the capital.",
        "Police put the march, to mark a nationwide strike, at roughly 30,000 people.",
        "The rally was attended by an estimated 200,000.",
        "Police intervened after more than 100 people joined together for a candlelit vigil.",
        "The vigil turned ugly as nearly 100 angry mourners clashed with police.",
        "Organisers estimated the crowd at 50,000.",
    ],
)
def test_how_many_came_together_is_one_crowd_size_whatever_the_verb(sentence: str) -> None:
    counts = [c for c in claims_of(sentence) if c.kind == "count"]
    assert [(c.predicate, c.thing) for c in counts][:1] in (
        [("crowd", "people")],
        [("crowd", None)],
    )


@pytest.mark.parametrize(
    ("sentence", "predicate"),
    [
        ("Three protesters died in the fire.", "die"),
        ("During the unrest, one protester threw a petrol bomb.", "throw"),
        ("After rallying in two separate demonstrations, unionists marched on parliament.",
         "rally"),
        ("Officials put the death toll at 12.", "toll"),
    ],
)  # fmt: skip
def test_what_befell_a_crowd_or_its_gatherings_is_no_crowd_size(
    sentence: str, predicate: str
) -> None:
    counts = [c for c in claims_of(sentence) if c.kind == "count"]
    assert [c.predicate for c in counts][:1] == [predicate]


@pytest.mark.parametrize(
    "sentence",
    [
        "The agency received nearly 235,000 comments on the proposed rule.",
        "Staff had to sort through 250,000 written comments from the public in a month.",
        "The administration ignored comments from 300,000 citizens and adopted the rule.",
    ],
)
def test_comments_sent_in_are_one_count_whatever_was_done_with_them(sentence: str) -> None:
    counts = [c for c in claims_of(sentence) if c.kind == "count"]
    assert [(c.predicate, c.thing) for c in counts][:1] == [("comment", "comment")]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The old building dates to 1931, when the first settlers farmed the valley.", "1931"),
        ("It was a stone church dating back to 1850.", "1850"),
        ("Firefighters could not save the warehouse, built in the 1930s.", "1930-1939"),
    ],
)
def test_a_year_a_building_dates_to_is_its_year_of_building(sentence: str, value: str) -> None:
    """ "dates to 1931" and "built in the 1930s" date the building's going up: one slot
    with "built in 1931"; the years it covers, whole."""
    dates = [c for c in claims_of(sentence) if c.kind == "date"]
    assert [(c.predicate, c.start[:4] if c.start else None) for c in dates] == [
        ("build", value[:4])
    ]
    assert dates[0].end is not None and dates[0].end[:4] == value[-4:]


def test_a_year_a_figure_rose_to_is_no_date() -> None:
    """Only a verb of dating gives a year after "to": "rose to 1935" is a number."""
    assert not [
        c
        for c in claims_of("The toll rose to 1935 by Friday.")
        if c.kind == "date" and "1935" in c.text
    ]


def test_an_amount_of_the_deal_is_the_offer_named_in_the_sentence_before() -> None:
    found = claims_of(
        "The Rovers have made the biggest offer in club history to the striker. "
        "The deal is said to be for five years and could be up to $90 million."
    )
    money = [c for c in found if c.unit == "USD"]
    assert [(c.predicate, c.thing, c.holder, c.high) for c in money] == [
        ("offer", "deal", "Rovers", 90e6)
    ]
    # no offer before it: the amount stays no one's
    alone = claims_of(
        "The club opened its new stadium last year. "
        "The deal is said to be for five years and could be up to $90 million."
    )
    assert [(c.predicate, c.holder) for c in alone if c.unit == "USD"] == [(None, None)]


def test_a_lower_bound_closed_later_in_its_sentence_is_one_amount_between_the_two() -> None:
    found = claims_of(
        "The club has made a five-year offer to the striker in excess of $40 million, but "
        "sources close to the talks say it is less than the $60 million reported by a "
        "local paper."
    )
    money = [(c.text, c.low, c.high) for c in found if c.unit == "USD"]
    assert money == [
        ("in excess of $40 million", 40e6, 60e6),
        ("less than the $60 million", 0.0, 60e6),
    ]
