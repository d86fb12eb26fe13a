"""`python -m bot report`: the content-gap report from the usage database.

    python -m bot report [--since 7d] [--json] [--database-url URL] [--limit N]

Reads --database-url, else DATABASE_URL; without either, the SQLite file
./flaskvsdjango.db in the current folder, where the bot records usage in OAuth
mode when DATABASE_URL is unset (otherwise, without DATABASE_URL, the bot keeps
its records in memory and there is nothing to report on). Read-only: it never
creates a database or a table.
Exit codes: 0 report shown (even if empty), 1 no database / cannot connect,
2 bad arguments (a database URL this bot cannot use included).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from datetime import datetime, timezone
from typing import TextIO

from bot.config import DATABASE_SCHEMES, check_url
from bot.errors import ConfigError
from bot.report import Report, TableData, build_report, empty_message, heading, parse_since, report_tables
from bot.stores.factory import StoreError


def _since(text: str) -> str:
    try:
        parse_since(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return value


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report",
        help="content-gap report: declined questions, least helpful topics, answers per topic",
        description="Show what users asked that the bot could not answer, which answers they "
        "found unhelpful, and how often each topic was answered.",
    )
    p.add_argument("--since", type=_since, default="7d", metavar="AGE",
                   help="how far back to look: 30m, 12h, 7d or 4w (default: 7d)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    p.add_argument("--database-url", metavar="URL", default=None,
                   help="default: $DATABASE_URL, else sqlite:///./flaskvsdjango.db (current folder)")
    p.add_argument("--limit", type=_positive, default=20, metavar="N",
                   help="rows per table (default: 20)")
    p.set_defaults(handler=run)


class _NoTables(Exception):
    pass


async def _fetch(url: str | None, since: datetime) -> tuple[list[str], list[tuple[str, int, int]], list[tuple[str, int]]]:
    from sqlalchemy import inspect

    from bot.stores.sql import SQLUsageStore, check_connection, create_engine

    engine = create_engine(url)
    try:
        await check_connection(engine)
        async with engine.connect() as conn:
            if not await conn.run_sync(lambda c: inspect(c).has_table("usage_events")):
                raise _NoTables()
        store = SQLUsageStore(engine)
        return (
            await store.declined_questions(since),
            await store.feedback_counts(since),
            await store.answer_counts(since),
        )
    finally:
        await engine.dispose()


def run(args: argparse.Namespace, *, now: datetime | None = None,
        out: TextIO | None = None, err: TextIO | None = None) -> int:
    from sqlalchemy.exc import ArgumentError

    from bot.stores.sql import describe_database, sqlite_path

    out = out or sys.stdout
    err = err or sys.stderr
    source = "--database-url" if args.database_url else "DATABASE_URL"
    url = (args.database_url or os.environ.get("DATABASE_URL") or "").strip() or None
    try:
        if url is not None:
            check_url(source, url, DATABASE_SCHEMES)
        backend, location = describe_database(url)
        path = sqlite_path(url)
    except (ConfigError, ArgumentError, ValueError) as exc:
        print(f"report: {exc if isinstance(exc, ConfigError) else f'{source}: cannot read the URL ({exc})'}", file=err)
        return 2
    if path is not None and not os.path.isfile(path):
        if url is None:
            print(f"report: no database at {path}. The bot records usage in a database only with DATABASE_URL "
                  "set, or in OAuth mode (this file, in the folder it runs from); otherwise its records stay "
                  "in memory. Pass --database-url (or set DATABASE_URL) to the bot's database", file=err)
        else:
            print(f"report: no database at {path} ({source}); check the path", file=err)
        return 1

    now = now or datetime.now(timezone.utc)
    since = now - parse_since(args.since)
    try:
        declined, feedback, answers = asyncio.run(_fetch(url, since))
    except StoreError as exc:
        print(f"report: {exc}", file=err)
        return 1
    except _NoTables:
        print(f"report: {backend} {location} has no usage table — has the bot run against this "
              "database? check --database-url / DATABASE_URL", file=err)
        return 1

    report = build_report(since=since, window=args.since, declined_questions=declined,
                          feedback_counts=feedback, answer_counts=answers, limit=args.limit)
    if args.json:
        json.dump(report.to_dict(), out, indent=2, ensure_ascii=False)
        out.write("\n")
    elif report.is_empty:
        print(f"{empty_message(report)} ({backend} {location})", file=out)
    else:
        render(report, out)
    return 0


def render(report: Report, out: TextIO) -> None:
    """Rich tables on a terminal, plain aligned text otherwise (pipes, files, tests)."""
    from rich.console import Console

    console = Console(file=out)
    if console.is_terminal:
        render_rich(report, console)
    else:
        out.write(render_plain(report))


def render_rich(report: Report, console) -> None:
    from rich.table import Table
    from rich.text import Text

    console.print(f"[bold]{heading(report)}[/bold]")
    for data in report_tables(report):
        console.print()
        if not data.rows:
            console.print(f"[bold]{data.title}[/bold]: {data.empty_note}")
            continue
        table = Table(title=data.title, title_justify="left", title_style="bold")
        for column, right in zip(data.columns, data.right_aligned):
            table.add_column(column, justify="right" if right else "left",
                             overflow="fold", max_width=70 if column == "Example question" else None)
        for row in data.rows:
            table.add_row(*(Text(cell) for cell in row))  # user text: never rich markup
        console.print(table)


def _plain_table(data: TableData) -> list[str]:
    if not data.rows:
        return [f"{data.title}: {data.empty_note}"]
    widths = [max(len(c), *(len(r[i]) for r in data.rows)) for i, c in enumerate(data.columns)]

    def line(cells: tuple[str, ...]) -> str:
        parts = [c.rjust(w) if right else c.ljust(w)
                 for c, w, right in zip(cells, widths, data.right_aligned)]
        return "  ".join(parts).rstrip()

    return [data.title, line(data.columns), line(tuple("-" * w for w in widths)), *map(line, data.rows)]


def render_plain(report: Report) -> str:
    lines = [heading(report)]
    for data in report_tables(report):
        lines += ["", *_plain_table(data)]
    return "\n".join(lines) + "\n"
