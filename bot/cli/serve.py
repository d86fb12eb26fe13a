"""Run the bot: pick the mode from the environment and serve until told to stop.

* HTTP mode (SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET): ``POST /slack/events`` on PORT.
* OAuth mode (SLACK_CLIENT_ID + SLACK_CLIENT_SECRET + SLACK_SIGNING_SECRET): the same, many workspaces.
* Socket Mode (SLACK_APP_TOKEN + SLACK_BOT_TOKEN): a WebSocket to Slack, plus ``/healthz`` on PORT.
* Local console (no Slack credentials): Slack emulated in the terminal.

A configuration or knowledge problem prints one line and exits non-zero; SIGTERM
stops taking requests, finishes those in flight and exits 0.
"""

from __future__ import annotations

import logging
import signal
import sys

from bot.config import Mode, Settings, load_settings
from bot.errors import ConfigError, FlaskVsDjangoError
from bot.knowledge_process import KnowledgeChild


def configure_logging(level: str) -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    if level != "DEBUG":
        logging.getLogger("slack_bolt").setLevel(logging.WARNING)
        logging.getLogger("bot.slack").setLevel(logging.WARNING)  # Bolt and slack_sdk objects (bot.slack_io.sdk_logger)
        logging.getLogger("bot.slack.socket").setLevel(level)     # Socket Mode connects and reconnects stay visible
        logging.getLogger("aiohttp.access").setLevel(logging.WARNING)


def run() -> int:
    try:
        settings = load_settings()
    except ConfigError as e:
        print(f"flaskvsdjango: configuration error: {e}", file=sys.stderr)
        return 2
    configure_logging(settings.log_level)
    # Until the server's event loop (or the console) takes over, SIGTERM stops the start-up the way
    # Ctrl-C does, so the knowledge child below is stopped too (by default SIGTERM would end this
    # process at once and leave the child to finish reading on its own).
    signal.signal(signal.SIGTERM, _interrupt)
    # The knowledge is read in a child process; started before the server's own imports (most of
    # a start-up), it reads the files on the other core meanwhile (BENCHMARKS.md, change 26).
    knowledge = KnowledgeChild(settings.knowledge_path)
    try:
        if settings.mode is Mode.CONSOLE:
            return run_console(settings, knowledge)
        return run_server(settings, knowledge)
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM while importing, before either installs its own handling
        return 0
    finally:
        knowledge.close()  # still running only if the start-up failed before collecting it


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def run_server(settings: Settings, knowledge: KnowledgeChild | None = None) -> int:
    """HTTP, OAuth or Socket Mode until SIGTERM or SIGINT; the exit status."""
    try:
        import asyncio

        from bot.server import new_event_loop, serve

        with asyncio.Runner(loop_factory=new_event_loop) as runner:
            runner.run(serve(settings, knowledge))
    except FlaskVsDjangoError as e:
        print(f"flaskvsdjango: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        pass
    return 0


def run_console(settings: Settings, knowledge: KnowledgeChild | None = None) -> int:
    try:
        from bot.console import main as console_main
    except ImportError:
        print(
            "flaskvsdjango: no Slack credentials are set. Set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET "
            "(HTTP mode), or SLACK_APP_TOKEN and SLACK_BOT_TOKEN (Socket Mode). See README.md, Connect to Slack.",
            file=sys.stderr,
        )
        return 2
    return console_main(settings, knowledge)
