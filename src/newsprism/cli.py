"""The ``newsprism`` command: thin wrappers over library functions.

Exit codes: 0 when at least one article was read, 1 when none was (or a
newsprism error stopped the run), 2 on usage errors. Errors are one line on
stderr; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from ._version import __version__
from .config import Settings, load_settings
from .errors import NewsprismError, UsageError
from .progress import progress_reporter

app = typer.Typer(
    name="newsprism",
    help="Many news reports of one story in, one cited account out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Measure quality on annotated data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

FORMATS = ("md", "json", "html", "acled-csv", "geojson")
# ``watch`` passes in a row that may find the store locked before it gives up.
BUSY_PASSES = 5
ConfigOption = Annotated[
    Path | None, typer.Option(help="A TOML settings file (default: ./newsprism.toml).")
]
DebugOption = Annotated[bool, typer.Option(help="Show tracebacks.")]


def _fail(exc: BaseException, debug: bool) -> typer.Exit:
    """Turn an exception into a one-line message and an exit code."""
    if debug:
        import traceback

        traceback.print_exception(exc)
    if isinstance(exc, UsageError):
        typer.echo(f"newsprism: usage error: {exc}", err=True)
        return typer.Exit(2)
    if isinstance(exc, NewsprismError):
        typer.echo(f"newsprism: error: {exc}", err=True)
        return typer.Exit(1)
    name = type(exc).__name__
    typer.echo(f"newsprism: internal error ({name}: {exc}); rerun with --debug", err=True)
    return typer.Exit(1)


@contextmanager
def _one_line_errors(debug: bool) -> Iterator[None]:
    """Any failure inside becomes one line and an exit code; ``debug`` adds the traceback."""
    try:
        yield
    except Exception as exc:
        raise _fail(exc, debug) from None


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")


def _settings(debug: bool, **flags: object) -> Settings:
    config = flags.pop("config", None)
    return load_settings(config if isinstance(config, (str, Path)) else None, debug=debug, **flags)


@app.command()
def analyze(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files, directories (read recursively), http(s) URLs, or - for stdin."),
    ],
    date: Annotated[
        str | None,
        typer.Option(help="Reference date YYYY-MM-DD for articles whose date cannot be found."),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="md, json, html, acled-csv or geojson.")
    ] = "md",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    db: Annotated[
        str | None, typer.Option(help="Store articles and evidence in this SQLite file.")
    ] = None,
    max_bytes: Annotated[
        int | None, typer.Option(help="Skip inputs larger than this many bytes (50 MB).")
    ] = None,
    jsonl_fields: Annotated[
        str | None,
        typer.Option(help="JSON Lines field names, e.g. title=headline,text=body,published=date."),
    ] = None,
    processes: Annotated[
        int | None,
        typer.Option(help="Worker processes (default: 1 for small batches, else all cores)."),
    ] = None,
    no_analysis: Annotated[
        bool, typer.Option("--no-analysis", help="Only ingest: skip evidence extraction.")
    ] = False,
    config: ConfigOption = None,
    primary: Annotated[
        str | None,
        typer.Option(
            help="The original (press release, statement) to grade every article against."
        ),
    ] = None,
    one_story: Annotated[
        bool,
        typer.Option("--one-story", help="Treat all articles as one story (no clustering)."),
    ] = False,
    engine: Annotated[
        str, typer.Option(help="Where analysis runs: inprocess, process (default) or dask.")
    ] = "process",
    scheduler: Annotated[
        str | None,
        typer.Option(help="Dask scheduler address (tcp://host:8786); default: a local cluster."),
    ] = None,
    debug: DebugOption = False,
) -> None:
    """Read articles, group them into stories and write one cited account per story."""
    from .render import render
    from .report import run

    with _one_line_errors(debug):
        if fmt not in FORMATS:
            raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        settings = _settings(
            debug,
            config=config,
            date=_check_date(date),
            db=db,
            max_bytes=max_bytes,
            jsonl_fields=jsonl_fields,
        )
        stdin = sys.stdin.buffer if "-" in paths else None
        with progress_reporter() as progress:
            report = run(
                paths,
                settings,
                stdin=stdin,
                analyze=not no_analysis,
                processes=processes,
                primary=primary,
                engine=engine,
                scheduler=scheduler,
                one_story=one_story,
                progress=progress,
            )
        _write(render(report, fmt), output)
    if not report.articles:
        typer.echo("newsprism: no article could be read (see skipped reasons)", err=True)
        raise typer.Exit(1)


@app.command()
def watch(
    paths: Annotated[
        list[str], typer.Argument(help="Folders, files or feed/page URLs to read on every pass.")
    ],
    db: Annotated[
        str, typer.Option(help="The store that keeps articles, stories and clustering state.")
    ] = "newsprism.db",
    interval: Annotated[float, typer.Option(help="Seconds between passes.")] = 300.0,
    once: Annotated[bool, typer.Option("--once", help="Make one pass and stop.")] = False,
    processes: Annotated[int, typer.Option(help="Worker processes for the analysis.")] = 1,
    engine: Annotated[
        str, typer.Option(help="Where analysis runs: inprocess, process or dask.")
    ] = "process",
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler address; default: a local cluster.")
    ] = None,
    config: ConfigOption = None,
    debug: DebugOption = False,
) -> None:
    """Keep stories up to date as articles arrive: one line per pass, state in the store."""
    import time

    from .runners import check_engine, check_workers
    from .store import open_store
    from .watch import update_stories

    with _one_line_errors(debug):
        check_engine(engine)
        check_workers(processes)
        settings = _settings(debug, config=config, db=db)
        with open_store(db) as store:
            busy = 0  # passes in a row that found the store locked
            while True:
                try:
                    with progress_reporter() as progress:
                        done = update_stories(
                            paths,
                            settings,
                            store,
                            processes=processes,
                            engine=engine,
                            scheduler=scheduler,
                            progress=progress,
                        )
                except Exception as exc:
                    # another writer held the store past every retry: the pass is made
                    # again (it is one transaction, so nothing of it was kept)
                    if not store.is_busy(exc) or busy >= BUSY_PASSES:
                        raise
                    busy += 1
                    wait = min(interval, 5.0 * 2**busy)
                    typer.echo(f"pass not made: the store is busy ({exc}); again in {wait:g} s")
                    time.sleep(wait)
                    continue
                busy = 0
                for s in done.skipped:
                    typer.echo(f"skipped {s.source}: {s.reason}", err=True)
                repaired = (
                    f" ({len(done.repaired_ids)} stored articles placed in stories)"
                    if done.repaired_ids
                    else ""
                )
                typer.echo(
                    f"{done.new_articles} new articles, {len(done.stories_updated)} stories "
                    f"updated, {done.stories_total} stories in {db}{repaired}"
                )
                if once:
                    break
                time.sleep(interval)


@app.command()
def serve(
    db: Annotated[
        str, typer.Option(help="The store to serve: a SQLite file or a postgresql:// URL.")
    ] = "newsprism.db",
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    max_upload: Annotated[
        int, typer.Option(help="Largest request body accepted, in bytes (10 MB).")
    ] = 10_000_000,
    token: Annotated[
        str | None,
        typer.Option(
            help="Token that writes need (better: NEWSPRISM_TOKEN, kept out of the process list)."
        ),
    ] = None,
    allow_private_urls: Annotated[
        bool | None,
        typer.Option(
            "--allow-private-urls",
            help="Let added URLs reach loopback and private networks (off: public addresses only).",
        ),
    ] = None,
    allowed_hosts: Annotated[
        str | None,
        typer.Option(help="Host names requests may name besides loopback and --host (a,b)."),
    ] = None,
    config: ConfigOption = None,
    debug: DebugOption = False,
) -> None:
    """Serve the web app and JSON API: stories, articles, adding articles, /openapi.json."""
    import uvicorn

    from .web import create_app
    from .web.security import is_loopback

    with _one_line_errors(debug):
        settings = _settings(
            debug,
            config=config,
            db=db,
            token=token,
            allow_private_urls=allow_private_urls,
            allowed_hosts=allowed_hosts,
        )
        if not is_loopback(host) and not settings.token:
            raise UsageError(
                f"--host {host} opens the server to the network: set a token first "
                "(NEWSPRISM_TOKEN=… or --token), which writes will need"
            )
        web = create_app(db, settings=settings, max_upload=max_upload, host=host)
        typer.echo(f"newsprism: serving {db} on http://{host}:{port}/ (Ctrl-C stops)", err=True)
        # on SIGTERM, requests in flight get 10 s; an addition under way still completes
        uvicorn.run(
            web,
            host=host,
            port=port,
            log_level="debug" if debug else "warning",
            timeout_graceful_shutdown=10,
        )


def _check_date(value: str | None) -> str | None:
    if value is None:
        return None
    from datetime import date as _date

    try:
        return _date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(f"--date {value!r} is not a date; write it as YYYY-MM-DD") from None


@app.command()
def schema() -> None:
    """Print the JSON Schema of the report (version 1)."""
    from .report import report_schema

    typer.echo(json.dumps(report_schema(), indent=2))


@app.command()
def version() -> None:
    """Print the newsprism version."""
    typer.echo(f"newsprism {__version__}")


@eval_app.command("extract")
def eval_extract(
    gold: Annotated[
        Path, typer.Option(help="The gold folder (default: tests/gold of a source checkout).")
    ] = Path("tests/gold"),
    debug: DebugOption = False,
) -> None:
    """Precision and recall of every extractor on the annotated gold set."""
    with _one_line_errors(debug):
        from .evaluate.extract import evaluate_extract, format_scores

        if not gold.is_dir():
            raise UsageError(f"gold folder {gold} does not exist; pass --gold PATH")
        scores = evaluate_extract(gold, _settings(debug))
        typer.echo(format_scores(scores))


@eval_app.command("reconcile")
def eval_reconcile(
    gold: Annotated[
        Path, typer.Option(help="The gold folder (default: tests/gold of a source checkout).")
    ] = Path("tests/gold"),
    debug: DebugOption = False,
) -> None:
    """Origins, fact alignment, status and quote comparison on the annotated stories."""
    with _one_line_errors(debug):
        from .evaluate.reconcile import evaluate_reconcile, format_reconcile

        folder = gold / "reconcile"
        if not folder.is_dir():
            raise UsageError(f"gold folder {folder} does not exist; pass --gold PATH")
        # corpora are named relative to the checkout that holds the gold folder
        results = evaluate_reconcile(folder, gold.resolve().parent.parent, _settings(debug))
        typer.echo(format_reconcile(results))


@eval_app.command("facts")
def eval_facts(
    gold: Annotated[
        Path, typer.Option(help="The gold folder of fact stories (default: tests/gold/facts).")
    ] = Path("tests/gold/facts"),
    data: Annotated[
        Path, typer.Option(help="The ECB+ tarball or folder the gold's ecbplus stories name.")
    ] = Path("../shared/data/ecbplus/ecbplus-topics-1-35.tar.gz"),
    debug: DebugOption = False,
) -> None:
    """Fact alignment and comparison (conflict, variant) at the level of pairs of reports."""
    with _one_line_errors(debug):
        from .evaluate.facts import evaluate_facts, format_facts

        if not gold.is_dir():
            raise UsageError(f"gold folder {gold} does not exist; pass --gold PATH")
        # examples/ is named relative to the checkout that holds the gold folder
        root = gold.resolve().parent.parent.parent
        typer.echo(format_facts(evaluate_facts(gold, root, data, _settings(debug))))


@eval_app.command("events")
def eval_events(
    data: Annotated[
        Path, typer.Option(help="A CASE 2021 task 2 TSV: id, snippet, sub-event code.")
    ] = Path("../shared/data/case2021-acled/dev_half.tsv"),
    debug: DebugOption = False,
) -> None:
    """Weighted F1 of ACLED sub-event typing on CASE 2021 snippets (the 25 ACLED types)."""
    with _one_line_errors(debug):
        from .evaluate.events import evaluate_events, format_events

        if not data.is_file():
            raise UsageError(f"{data} does not exist; pass --data PATH")
        typer.echo(format_events(evaluate_events(data)))


@eval_app.command("geo")
def eval_geo(
    data: Annotated[
        Path, typer.Option(help="Folder with lgl.xml, GWN.xml and gwn_full.txt.")
    ] = Path("../shared/data/geoparsing"),
    limit: Annotated[
        int | None, typer.Option(help="Only the first N articles of each corpus.")
    ] = None,
    debug: DebugOption = False,
) -> None:
    """Geoparsing on LGL and GeoWebNews: geotagging P/R/F1, Acc@161 km, errors, country, ids."""
    with _one_line_errors(debug):
        from .evaluate.geo import evaluate_geo, format_geo

        if not (data / "lgl.xml").is_file():
            raise UsageError(f"{data} holds no lgl.xml; pass --data PATH")
        typer.echo(format_geo(evaluate_geo(data, limit)))


@eval_app.command("stories")
def eval_stories(
    data: Annotated[
        Path, typer.Option(help="ECB+ folder or tarball (ECB+/<topic>/<topic>_<n>ecb[plus].xml).")
    ] = Path("../shared/data/ecbplus/ecbplus-topics-1-35.tar.gz"),
    topics: Annotated[
        str | None, typer.Option(help="Only these topics, e.g. 1,3,12 (default: all).")
    ] = None,
    processes: Annotated[int, typer.Option(help="Worker processes for the analysis.")] = 2,
    debug: DebugOption = False,
) -> None:
    """BCubed precision/recall/F1 of story clustering on ECB+ (gold: topic × ecb/ecbplus)."""
    with _one_line_errors(debug):
        from .evaluate.stories import evaluate_stories, format_stories
        from .runners import check_workers

        check_workers(processes)
        if not data.exists():
            raise UsageError(f"{data} does not exist; pass --data PATH")
        chosen = None
        if topics:
            try:
                chosen = {int(t) for t in topics.split(",") if t.strip()}
            except ValueError:
                raise UsageError(f"--topics {topics!r}: give numbers like 1,3,12") from None
        results = evaluate_stories(data, _settings(debug), chosen, processes)
        typer.echo(format_stories(results))


@eval_app.command("names")
def eval_names(
    gold: Annotated[Path, typer.Option(help="Name-variant pairs (JSON Lines).")] = Path(
        "tests/gold/names/pairs.jsonl"
    ),
    debug: DebugOption = False,
) -> None:
    """Precision and recall of merging name variants (spellings, transliterations)."""
    with _one_line_errors(debug):
        from .evaluate.names import evaluate_names, format_names

        if not gold.exists():
            raise UsageError(f"{gold} does not exist; pass --gold FILE")
        typer.echo(format_names(evaluate_names(gold)))


@eval_app.command("planted")
def eval_planted(
    data: Annotated[Path, typer.Option(help="ECB+ folder or tarball: the reports to copy.")] = Path(
        "../shared/data/ecbplus/ecbplus-topics-1-35.tar.gz"
    ),
    reports: Annotated[int, typer.Option(help="How many reports to copy.")] = 40,
    debug: DebugOption = False,
) -> None:
    """Planted edits: copies of real reports, each with one number, date, place or quotation
    changed (or none), graded against the report as the primary source."""
    with _one_line_errors(debug):
        from .evaluate.planted import choose_reports, format_planted, run_planted, summarize

        if not data.exists():
            raise UsageError(f"{data} does not exist; pass --data PATH")
        outcomes = run_planted(choose_reports(data, reports), _settings(debug))
        typer.echo(format_planted(summarize(outcomes)))


@eval_app.command("translations")
def eval_translations(
    data: Annotated[Path, typer.Option(help="MEANTIME folder (<lang>/meantime.conll).")] = Path(
        "../shared/data/meantime"
    ),
    ecb: Annotated[
        Path | None,
        typer.Option(help="ECB+ folder or tarball: its same-story reports are the hard negatives."),
    ] = Path("../shared/data/ecbplus/ecbplus-topics-1-35.tar.gz"),
    processes: Annotated[int, typer.Option(help="Worker processes for the analysis.")] = 2,
    debug: DebugOption = False,
) -> None:
    """Translations as copies: MEANTIME translation pairs in one story and origin, ECB+
    same-story reports wrongly merged, and the decision's recall leaving each topic out."""
    with _one_line_errors(debug):
        from .evaluate.translations import evaluate_translations, format_translations

        if not data.exists():
            raise UsageError(f"{data} does not exist; pass --data PATH")
        if ecb is not None and not ecb.exists():
            raise UsageError(f"{ecb} does not exist; pass --ecb PATH")
        results = evaluate_translations(data, ecb, _settings(debug), processes)
        typer.echo(format_translations(results))


def main() -> None:
    """Entry point of the ``newsprism`` command."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("newsprism: interrupted", err=True)
        sys.exit(130)
