"""How `newsprism eval facts` scores a story: alignment recall, and alignment precision
(wrong merges: mentions of two different gold facts put in one fact)."""

from __future__ import annotations

from newsprism.evaluate.facts import score_story
from newsprism.records import Article, Comparison, Fact, Span, Statement, Story, ValueGroup

A = "The actress, 33, checked into a Malibu clinic on Tuesday. She starred in a 1999 comedy."
B = "Reid, 33, entered rehab on Tuesday, her spokesman said. Her first film came out in 1999."
C = "The 33-year-old Reid is being treated in Malibu."


def _article(aid: str, text: str) -> Article:
    return Article(id=aid, source=f"{aid}.txt", kind="text", text=text, raw=text)


ARTICLES = [_article("a", A), _article("b", B), _article("c", C)]
GOLD = {
    "facts": [
        {"id": "age", "slot": "age: actress",
         "mentions": [{"doc": "a", "phrase": "The actress, 33,", "value": "33"},
                      {"doc": "b", "phrase": "Reid, 33,", "value": "33"},
                      {"doc": "c", "phrase": "The 33-year-old Reid", "value": "33"}],
         "pairs": [{"docs": ["a", "b"], "relation": "agree"},
                   {"docs": ["a", "c"], "relation": "agree"},
                   {"docs": ["b", "c"], "relation": "agree"}]},
        {"id": "film", "slot": "date of: first film",
         "mentions": [{"doc": "a", "phrase": "a 1999 comedy", "value": "1999"},
                      {"doc": "b", "phrase": "came out in 1999", "value": "1999"}],
         "pairs": [{"docs": ["a", "b"], "relation": "agree"}]},
    ]
}  # fmt: skip


def _sentence(aid: str, text: str, n: int) -> Statement:
    first = text.partition(". ")[0]
    s, e = (0, len(first) + 1) if n == 0 else (len(first) + 2, len(text))
    return Statement(Span(aid, s, e), text[s:e])


def _story(*groups: tuple[Statement, ...]) -> Story:
    facts = tuple(
        Fact(f"f{k}", g[0].text, "corroborated", len(g), g, "", ()) for k, g in enumerate(groups)
    )
    return Story(id="s", headline="", article_ids=("a", "b", "c"), facts=facts)


def test_facts_that_hold_each_gold_fact_apart_are_all_right() -> None:
    story = _story(
        (_sentence("a", A, 0), _sentence("b", B, 0), _sentence("c", C, 0)),
        (_sentence("a", A, 1), _sentence("b", B, 1)),
    )
    scores = score_story(GOLD, ARTICLES, story)
    assert scores.alignment_recall == 1.0
    assert scores.wrong_merges == 0
    assert scores.alignment_precision == 1.0


def test_an_age_put_with_another_report_s_film_date_is_a_wrong_merge() -> None:
    story = _story((_sentence("a", A, 0), _sentence("b", B, 1)))
    scores = score_story(GOLD, ARTICLES, story)
    assert scores.aligned == 0
    assert scores.wrong_merges == 1  # a's age with b's film date
    assert scores.alignment_precision == 0.0


def test_a_sentence_stating_two_facts_excuses_its_fact_s_other_mentions() -> None:
    # c states the age only; a and b state the age in the same sentence as nothing else,
    # so the film date is never drawn in: right merges only
    both = "Reid, 33, whose first film came out in 1999, entered rehab."
    articles = [_article("a", A), _article("b", both), _article("c", C)]
    gold = {
        "facts": [
            GOLD["facts"][0] | {"mentions": [
                {"doc": "a", "phrase": "The actress, 33,", "value": "33"},
                {"doc": "b", "phrase": "Reid, 33,", "value": "33"},
                {"doc": "c", "phrase": "The 33-year-old Reid", "value": "33"}]},
            GOLD["facts"][1] | {"mentions": [
                {"doc": "a", "phrase": "a 1999 comedy", "value": "1999"},
                {"doc": "b", "phrase": "came out in 1999", "value": "1999"}]},
        ]
    }  # fmt: skip
    story = _story((_sentence("a", A, 0), Statement(Span("b", 0, len(both)), both)))
    scores = score_story(gold, articles, story)
    # a's age with b's age is right; a's age with b's film date is excused (b's sentence
    # also gives the age the fact is about)
    assert scores.merged == 1
    assert scores.wrong_merges == 0


def test_a_comparison_of_the_sentence_s_other_figure_says_nothing_of_the_pair() -> None:
    # both reports say he served 9 months; they disagree on the sentence (2 years or 2 1/2
    # years), and that comparison is what separates them — not a conflict on the months
    x = "He was sentenced to 2 years, with 9 months to serve in that case."
    y = "He served 9 months of a 2-1/2 year sentence."
    articles = [_article("a", x), _article("b", y)]
    gold = {
        "facts": [
            {"id": "served", "slot": "served: months",
             "mentions": [{"doc": "a", "phrase": "sentenced to 2 years, with 9 months to serve",
                           "value": "9 months"},
                          {"doc": "b", "phrase": "served 9 months of a 2-1/2 year sentence",
                           "value": "9 months"}],
             "pairs": [{"docs": ["a", "b"], "relation": "agree"}]},
            {"id": "sentence", "slot": "sentenced: years",
             "mentions": [{"doc": "a", "phrase": "sentenced to 2 years", "value": "2 years"},
                          {"doc": "b", "phrase": "a 2-1/2 year sentence", "value": "2 1/2 years"}],
             "pairs": [{"docs": ["a", "b"], "relation": "conflict"}]},
        ]
    }  # fmt: skip

    def span(aid: str, text: str, words: str) -> Span:
        return Span(aid, text.index(words), text.index(words) + len(words))

    sentences = (Statement(Span("a", 0, len(x)), x), Statement(Span("b", 0, len(y)), y))
    years = Comparison("sentenced: duration", "conflict", (
        ValueGroup("2 years", ("a",), (span("a", x, "2 years"),)),
        ValueGroup("2-1/2 year", ("b",), (span("b", y, "2-1/2 year"),)),
    ))  # fmt: skip
    story = Story(id="s", headline="", article_ids=("a", "b"), facts=(
        Fact("f1", x, "conflict", 2, sentences, "", (), comparisons=(years,)),))  # fmt: skip
    scores = score_story(gold, articles, story)
    assert scores.aligned == 2
    assert scores.called_conflict == scores.right_conflict == 1


def test_printed_conflicts_are_counted_as_backed_contradicted_or_outside_the_gold() -> None:
    # what a reader sees: every conflict the report prints, not only those on gold pairs;
    # "a town of about 15,000 people" read as a toll is a printed conflict no gold fact holds
    x = "The earthquake killed 10 people and destroyed 12 villages, officials said."
    y = "Seven people were killed in the quake, which hit Zarand, a town of about 15,000 people."
    z = "The quake killed 10 people and flattened a dozen villages."
    articles = [_article("a", x), _article("b", y), _article("c", z)]
    gold = {
        "facts": [
            {"id": "killed", "slot": "killed: people",
             "mentions": [{"doc": "a", "phrase": "killed 10 people", "value": "10"},
                          {"doc": "b", "phrase": "Seven people were killed", "value": "seven"},
                          {"doc": "c", "phrase": "killed 10 people", "value": "10"}],
             "pairs": [{"docs": ["a", "b"], "relation": "conflict"},
                       {"docs": ["a", "c"], "relation": "agree"},
                       {"docs": ["b", "c"], "relation": "conflict"}]},
            {"id": "villages", "slot": "destroyed: villages",
             "mentions": [{"doc": "a", "phrase": "destroyed 12 villages", "value": "12"},
                          {"doc": "c", "phrase": "flattened a dozen villages", "value": "a dozen"}],
             "pairs": [{"docs": ["a", "c"], "relation": "agree"}]},
        ]
    }  # fmt: skip

    def group(aid: str, text: str, words: str) -> ValueGroup:
        at = text.index(words)
        return ValueGroup(words, (aid,), (Span(aid, at, at + len(words)),))

    sentences = tuple(Statement(Span(a, 0, len(t)), t) for a, t in (("a", x), ("b", y), ("c", z)))
    comparisons = (
        Comparison("killed: people", "conflict", (group("a", x, "10"), group("b", y, "Seven"))),
        # the town's population against c's toll: no gold fact holds "about 15,000"
        Comparison("killed: people", "conflict",
                   (group("c", z, "10"), group("b", y, "about 15,000"))),
        # the gold says 12 villages and a dozen agree
        Comparison("destroy: village", "conflict",
                   (group("a", x, "12"), group("c", z, "a dozen"))),
        # a variant is not a printed conflict
        Comparison("killed: people", "variant", (group("a", x, "10"), group("b", y, "Seven"))),
    )  # fmt: skip
    story = Story(id="s", headline="", article_ids=("a", "b", "c"), facts=(
        Fact("f1", x, "conflict", 3, sentences, "", (), comparisons=comparisons),))  # fmt: skip
    scores = score_story(gold, articles, story)
    assert scores.printed == 3
    assert (scores.backed, scores.backed_update, scores.contradicted) == (1, 0, 1)
    assert scores.outside_gold == 1
    assert "about 15,000" in scores.outside[0]
    assert scores.printed_precision == 1 / 3
    assert scores.printed_precision_judged == 1 / 2
