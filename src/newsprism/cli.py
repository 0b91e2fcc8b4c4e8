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

app = typer.Typer(
    name="newsprism",
    help="Many news reports of one story in, one cited account out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Measure quality on annotated data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

FORMATS = ("md", "json", "html")


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
    fmt: Annotated[str, typer.Option("--format", "-f", help="md, json or html.")] = "md",
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
    config: Annotated[
        Path | None, typer.Option(help="A TOML settings file (default: ./newsprism.toml).")
    ] = None,
    primary: Annotated[
        str | None,
        typer.Option(
            help="The original (press release, statement) to grade every article against."
        ),
    ] = None,
    debug: Annotated[bool, typer.Option(help="Show tracebacks.")] = False,
) -> None:
    """Read articles, reconcile them into one cited account and write a report."""
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
        report = run(
            paths,
            settings,
            stdin=stdin,
            analyze=not no_analysis,
            processes=processes,
            primary=primary,
        )
        _write(render(report, fmt), output)
    if not report.articles:
        typer.echo("newsprism: no article could be read (see skipped reasons)", err=True)
        raise typer.Exit(1)


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
    debug: Annotated[bool, typer.Option(help="Show tracebacks.")] = False,
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
    debug: Annotated[bool, typer.Option(help="Show tracebacks.")] = False,
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


@eval_app.command("events")
def eval_events(
    data: Annotated[
        Path, typer.Option(help="A CASE 2021 task 2 TSV: id, snippet, sub-event code.")
    ] = Path("../shared/data/case2021-acled/dev_half.tsv"),
    debug: Annotated[bool, typer.Option(help="Show tracebacks.")] = False,
) -> None:
    """Weighted F1 of ACLED sub-event typing on CASE 2021 snippets (the 25 ACLED types)."""
    with _one_line_errors(debug):
        from .evaluate.events import evaluate_events, format_events

        if not data.is_file():
            raise UsageError(f"{data} does not exist; pass --data PATH")
        typer.echo(format_events(evaluate_events(data)))


def main() -> None:
    """Entry point of the ``newsprism`` command."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("newsprism: interrupted", err=True)
        sys.exit(130)
