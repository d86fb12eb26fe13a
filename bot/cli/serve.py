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
from bot.startup_signals import StartupSignals


def configure_logging(level: str) -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    if level != "DEBUG":
        logging.getLogger("slack_bolt").setLevel(logging.WARNING)
        logging.getLogger("bot.slack").setLevel(logging.WARNING)  # Bolt and slack_sdk objects (bot.slack_io.sdk_logger)
        logging.getLogger("bot.slack.socket").setLevel(level)     # Socket Mode connects and reconnects stay visible
        logging.getLogger("aiohttp.access").setLevel(logging.WARNING)


def run(early: StartupSignals | None = None) -> int:
    # Until the server's event loop (or the console) takes over, Ctrl-C and SIGTERM are recorded and
    # stop the start-up at its next safe point, the knowledge child included (SIGTERM's default would
    # end this process at once and leave the child to finish reading on its own).
    early = early or StartupSignals()
    try:
        settings = load_settings()
    except ConfigError as e:
        print(f"flaskvsdjango: configuration error: {e}", file=sys.stderr)
        return 2
    configure_logging(settings.log_level)
    if early.stop_requested:
        return 0
    # The knowledge is read in a child process; started before the server's own imports (most of
    # a start-up), it reads the files on the other core meanwhile (BENCHMARKS.md, change 26).
    knowledge = KnowledgeChild(settings.knowledge_path)
    try:
        if settings.mode is Mode.CONSOLE:
            return run_console(settings, knowledge, early)
        return run_server(settings, knowledge, early)
    except KeyboardInterrupt:  # a second Ctrl-C or SIGTERM while starting
        return 0
    finally:
        knowledge.close()  # still running only if the start-up failed before collecting it


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def run_server(settings: Settings, knowledge: KnowledgeChild, early: StartupSignals) -> int:
    """HTTP, OAuth or Socket Mode until SIGTERM or SIGINT; the exit status."""
    try:
        import asyncio

        from bot.server import new_event_loop, serve

        with asyncio.Runner(loop_factory=new_event_loop) as runner:
            runner.run(serve(settings, knowledge, early))
    except FlaskVsDjangoError as e:
        print(f"flaskvsdjango: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        pass
    return 0


def run_console(settings: Settings, knowledge: KnowledgeChild, early: StartupSignals) -> int:
    try:
        from bot.console import main as console_main
        from bot.console import terminal  # noqa: F401  (rich and the rest, imported while signals are recorded)
    except ImportError:
        print(
            "flaskvsdjango: no Slack credentials are set. Set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET "
            "(HTTP mode), or SLACK_APP_TOKEN and SLACK_BOT_TOKEN (Socket Mode). See README.md, Connect to Slack.",
            file=sys.stderr,
        )
        return 2
    # The console waits for input on this thread, where Ctrl-C and SIGTERM are best raised as
    # KeyboardInterrupt: it ends the prompt (or a wait for the bot) and the console says "Bye."
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _interrupt)
    if early.stop_requested:
        return 0
    return console_main(settings, knowledge)
