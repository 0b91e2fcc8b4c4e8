"""The stores (SQLite and a real PostgreSQL server): round trips, idempotent saves,
migrations, stories, clear failures."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.errors import StoreError, UsageError
from newsprism.records import (
    Analysis,
    Article,
    Mention,
    Provenance,
    Quantity,
    Quote,
    Skipped,
    Span,
    TimeExpr,
)
from newsprism.store import open_store
from newsprism.store.migrations import LATEST, migrate

text = st.text(max_size=200)
opt = st.none() | st.text(min_size=1, max_size=40)
aid = st.text(alphabet="0123456789abcdef", min_size=16, max_size=16)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    body = draw(text)
    return Article(
        id=draw(aid),
        source=draw(st.text(min_size=1, max_size=60)),
        kind=draw(st.sampled_from(["text", "html", "jsonl", "feed", "warc", "url", "stdin"])),
        text=body,
        raw=draw(text),
        title=draw(opt),
        outlet=draw(opt),
        url=draw(opt),
        published=draw(st.none() | st.dates().map(lambda d: d.isoformat())),
        language=draw(st.none() | st.sampled_from(["en", "fr", "ar"])),
        credits=tuple(draw(st.lists(st.sampled_from(["Reuters", "AFP", "AP"]), unique=True))),
        provenance=tuple(
            draw(
                st.lists(
                    st.builds(
                        Provenance,
                        field=st.sampled_from(["title", "published", "credit"]),
                        value=text,
                        source=st.sampled_from(["text", "raw", "metadata", "user"]),
                        start=st.none() | st.integers(0, 500),
                        end=st.none() | st.integers(0, 500),
                    ),
                    max_size=4,
                )
            )
        ),
        removed=tuple(draw(st.lists(st.tuples(st.sampled_from(["byline", "ui"]), text)))),
    )


@st.composite
def analyses(draw: st.DrawFn) -> Analysis:
    a = draw(aid)
    span = st.builds(Span, st.just(a), st.integers(0, 100), st.integers(0, 100))
    num = st.none() | st.floats(allow_nan=False, allow_infinity=False)
    dim = draw(st.integers(0, 4))
    rows = draw(st.integers(0, 3))
    return Analysis(
        article_id=a,
        mentions=tuple(
            draw(st.lists(st.builds(Mention, span, text, st.just("GPE"), text), max_size=3))
        ),
        quantities=tuple(
            draw(
                st.lists(
                    st.builds(Quantity, span, text, num, num, st.booleans(), opt, opt),
                    max_size=3,
                )
            )
        ),
        times=tuple(
            draw(st.lists(st.builds(TimeExpr, span, text, opt, opt, st.just("day")), max_size=2))
        ),
        quotes=tuple(
            draw(
                st.lists(
                    st.builds(Quote, span, text, opt, st.none() | span, opt, st.just("direct")),
                    max_size=2,
                )
            )
        ),
        embeddings=draw(st.binary(min_size=2 * dim * rows, max_size=2 * dim * rows)),
        embedding_dim=dim,
        notes=tuple(draw(st.lists(text, max_size=2))),
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(articles(), max_size=5, unique_by=lambda a: a.id))
def test_articles_round_trip(items: list[Article]) -> None:
    with open_store(":memory:") as store:
        assert store.save_articles(items) == len(items)
        for a in items:
            assert store.get_article(a.id) == a
        assert store.list_articles() == items
        assert store.save_articles(items) == 0  # idempotent
        assert store.count_articles() == len(items)


@settings(max_examples=60, deadline=None)
@given(analyses())
def test_analyses_round_trip(analysis: Analysis) -> None:
    with open_store(":memory:") as store:
        art = Article(id=analysis.article_id, source="a", kind="text", text="x", raw="x")
        store.save_articles([art])
        store.save_analysis(analysis)
        assert store.get_analysis(analysis.article_id) == analysis
        assert store.analyzed_ids() == {analysis.article_id}


def test_file_store_keeps_data_and_runs_with_skip_reasons(tmp_path: Path) -> None:
    db = tmp_path / "sub" / "np.db"
    art = Article(id="00ff00ff00ff00ff", source="a.txt", kind="text", text="Body.", raw="Body.")
    with open_store(str(db)) as store:
        run = store.start_run({"paths": ["a.txt", "b.png"]})
        store.save_articles([art])
        store.save_skipped(run, [Skipped("b.png", "binary data (PNG image), not text")])
        store.finish_run(run, 1, 1)
    with open_store(f"sqlite:///{db}") as store:
        assert store.get_article(art.id) == art
        assert store.skipped_for(run) == [Skipped("b.png", "binary data (PNG image), not text")]


def test_migrations_are_recorded_once_and_safe_to_rerun(tmp_path: Path) -> None:
    db = tmp_path / "np.db"
    open_store(str(db)).close()
    open_store(str(db)).close()
    conn = sqlite3.connect(db)
    versions = [r[0] for r in conn.execute("SELECT version FROM schema_migrations")]
    assert versions == list(range(1, LATEST + 1))
    assert migrate(conn) == []


def test_newer_schema_is_refused_with_advice(tmp_path: Path) -> None:
    db = tmp_path / "np.db"
    open_store(str(db)).close()
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO schema_migrations VALUES (99, 'future', 'later')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match=r"newer newsprism .*upgrade"):
        open_store(str(db))


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="not a newsprism SQLite database"):
        open_store(str(bogus))


def test_unknown_store_scheme_is_a_clear_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown store 'mysql'"):
        open_store("mysql://localhost/news")


def _exercise(url: str) -> None:
    """What a run and the story view do with a store, on any backend."""
    art = Article(
        id="00ff00ff00ff00ff",
        source="a.txt",
        kind="text",
        text="Rain fell on Lyon; 40% of roads shut.",
        raw="Rain fell on Lyon; 40% of roads shut.\u00e9",
        title="Rain",
        published="2024-03-01",
        credits=("AFP",),
    )
    analysis = Analysis(
        article_id=art.id,
        mentions=(Mention(Span(art.id, 13, 17), "Lyon", "GPE", "lyon", place="FR"),),
        embeddings=b"\x00\x3c" * 4,
        embedding_dim=4,
    )
    with open_store(url) as store:
        run = store.start_run({"paths": ["a.txt"]})
        assert store.save_articles([art]) == 1
        assert store.save_articles([art]) == 0
        store.save_analysis(analysis)
        store.save_analysis(analysis)  # replaced, not duplicated
        store.save_skipped(run, [Skipped("b.png", "binary data (PNG image), not text")])
        store.finish_run(run, 1, 1)
        story = {"id": "story-1", "headline": "Rain", "facts": [{"summary": "Rain fell."}]}
        store.save_story(story, [art.id], [art.published])
    with open_store(url) as store:  # reopened: migrations not re-applied, data kept
        assert store.get_article(art.id) == art
        assert store.list_articles(limit=5) == [art]
        assert store.get_analysis(art.id) == analysis
        assert store.analyzed_ids() == {art.id}
        assert store.skipped_for(run) == [Skipped("b.png", "binary data (PNG image), not text")]
        assert store.get_story("story-1") == story
        assert store.story_of(art.id) == "story-1"
        assert store.story_members("story-1") == [art.id]
        [listed] = store.list_stories()
        assert listed["headline"] == "Rain" and listed["first_published"] == "2024-03-01"
        store.save_state("clusterer", b"\x00\x01state")
        assert store.load_state("clusterer") == b"\x00\x01state"
        store.delete_story("story-1")
        assert store.count_stories() == 0 and store.story_of(art.id) is None


def test_sqlite_store_keeps_stories_and_state(tmp_path: Path) -> None:
    _exercise(str(tmp_path / "np.db"))


def test_postgres_store_on_a_real_server(postgres_url: str) -> None:
    _exercise(postgres_url)


def test_postgres_unreachable_is_one_line_without_the_password() -> None:
    with pytest.raises(StoreError) as err:
        open_store("postgresql://ann:secret@127.0.0.1:9/news")
    assert "secret" not in str(err.value) and "ann:***@" in str(err.value)
