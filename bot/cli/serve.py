"""Run the bot: pick the mode from the environment and serve until told to stop.

* HTTP mode (SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET): ``POST /slack/events`` on PORT.
* OAuth mode (SLACK_CLIENT_ID + SLACK_CLIENT_SECRET + SLACK_SIGNING_SECRET): the same, many workspaces.
* Socket Mode (SLACK_APP_TOKEN + SLACK_BOT_TOKEN): a WebSocket to Slack, plus ``/healthz`` on PORT.
* Local console (no Slack credentials): Slack emulated in the terminal.

A configuration or knowledge problem prints one line and exits non-zero; SIGTERM
stops taking requests, finishes those in flight and exits 0.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
from contextlib import AsyncExitStack

from aiohttp import web

from bot.config import Mode, Settings, load_settings
from bot.errors import ConfigError, FlaskVsDjangoError
from bot.http import create_web_app
from bot.reload import reload_knowledge
from bot.slack_io import sdk_logger
from bot.runtime import SHUTDOWN_GRACE_SECONDS, Runtime, running_bot

logger = logging.getLogger("bot")


def configure_logging(level: str) -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    if level != "DEBUG":
        logging.getLogger("slack_bolt").setLevel(logging.WARNING)
        logging.getLogger("bot.slack").setLevel(logging.WARNING)  # Bolt and slack_sdk objects (bot.slack_io.sdk_logger)
        logging.getLogger("bot.slack.socket").setLevel(level)     # Socket Mode connects and reconnects stay visible
        logging.getLogger("aiohttp.access").setLevel(logging.WARNING)


def _stop_event() -> asyncio.Event:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):  # pragma: no cover - non-Unix
            pass
    return stop


def _reload_on_sighup(runtime: Runtime) -> None:
    loop = asyncio.get_running_loop()

    def reload() -> None:
        logger.info("SIGHUP: reloading the knowledge")
        runtime.services.spawn(reload_knowledge(runtime.services, runtime.settings), "knowledge reload")

    try:
        loop.add_signal_handler(signal.SIGHUP, reload)
    except (NotImplementedError, RuntimeError, AttributeError):  # pragma: no cover - non-Unix
        pass


async def serve(settings: Settings) -> None:
    stop = _stop_event()
    async with AsyncExitStack() as stack:
        runtime = await stack.enter_async_context(running_bot(settings))
        _reload_on_sighup(runtime)
        web_app = runtime.web_app
        if settings.mode is Mode.SOCKET:
            from bot.socket_mode import CheckedSocketModeHandler

            handler = CheckedSocketModeHandler(runtime.bolt, settings.app_token, web_client=runtime.bolt.client,
                                               logger=sdk_logger("socket"), ping_interval=settings.socket_ping_interval)

            async def health() -> tuple[bool, str]:
                connected = await handler.client.is_connected()
                return connected, "socket connected" if connected else "socket down"

            await handler.connect_async()
            stack.push_async_callback(handler.close_async)
            web_app = create_web_app(runtime.bolt, health=health, events=False)
        runner = web.AppRunner(web_app, shutdown_timeout=SHUTDOWN_GRACE_SECONDS, access_log=None)
        await runner.setup()
        stack.push_async_callback(runner.cleanup)
        await web.TCPSite(runner, settings.host, settings.port).start()
        logger.info("flaskvsdjango serving in %s mode on %s:%s", settings.mode.value, settings.host, settings.port)
        await stop.wait()
        logger.info("shutting down: finishing requests in flight")


def new_event_loop() -> asyncio.AbstractEventLoop:
    try:
        import uvloop
    except ImportError:  # pragma: no cover - uvloop is a dependency on Linux and macOS
        return asyncio.new_event_loop()
    return uvloop.new_event_loop()


def run() -> int:
    try:
        settings = load_settings()
    except ConfigError as e:
        print(f"flaskvsdjango: configuration error: {e}", file=sys.stderr)
        return 2
    configure_logging(settings.log_level)
    if settings.mode is Mode.CONSOLE:
        return run_console(settings)
    try:
        with asyncio.Runner(loop_factory=new_event_loop) as runner:
            runner.run(serve(settings))
    except FlaskVsDjangoError as e:
        print(f"flaskvsdjango: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        pass
    return 0


def run_console(settings: Settings) -> int:
    try:
        from bot.console import main as console_main
    except ImportError:
        print(
            "flaskvsdjango: no Slack credentials are set. Set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET "
            "(HTTP mode), or SLACK_APP_TOKEN and SLACK_BOT_TOKEN (Socket Mode). See README.md, Connect to Slack.",
            file=sys.stderr,
        )
        return 2
    return console_main(settings)
