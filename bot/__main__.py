"""Entry point: ``python -m bot`` (and the ``flaskvsdjango`` script).

With no sub-command it runs the bot, picking the mode from the environment
(HTTP, Socket Mode or the local console). Sub-commands are tools for users,
content editors and operators; each lives in its own module under ``bot.cli``.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse


def build_parser() -> argparse.ArgumentParser:
    import argparse

    from bot.cli import ask, kb, report

    parser = argparse.ArgumentParser(
        prog="flaskvsdjango",
        usage="%(prog)s [-h] [COMMAND ...]",
        description="Slack bot that helps a team choose between Flask and Django.\n\n"
                    "With no COMMAND it runs the bot: HTTP mode, Socket Mode or, with no Slack\n"
                    "credentials in the environment, the local console (see README.md).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands (tools; optional)")
    ask.add_parser(sub)
    kb.add_parser(sub)
    report.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    if not (sys.argv[1:] if argv is None else argv):
        # Serving: a signal from here on stops the start-up cleanly (bot.startup_signals), and the
        # tools' modules (and what they import) are not loaded, as they would stay in memory unused.
        from bot.startup_signals import StartupSignals

        early = StartupSignals()
        from bot.cli import serve

        return serve.run(early)
    from bot.cli import serve

    args = build_parser().parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        return serve.run()
    try:
        return handler(args)
    except BrokenPipeError:
        # `python -m bot ask ... | head`: the reader stopped reading. Exit 1 quietly, as Python
        # does on a broken pipe, with stdout pointed at /dev/null so the final flush is silent.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(main())
