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

import aiohttp
from aiohttp import web

from bot.app import create_app, web_client
from bot.config import Mode, Settings, load_settings
from bot.errors import ConfigError, FlaskVsDjangoError
from bot.http import create_web_app
from bot.knowledge import default_knowledge_dir, load_knowledge
from bot.responses import Brain
from bot.services import Services

logger = logging.getLogger("bot")

SHUTDOWN_GRACE_SECONDS = 10.0


def configure_logging(level: str) -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    if level != "DEBUG":
        logging.getLogger("slack_bolt").setLevel(logging.WARNING)
        logging.getLogger("aiohttp.access").setLevel(logging.WARNING)


def load_brain(settings: Settings) -> Brain:
    return Brain.build(load_knowledge(settings.knowledge_dir or default_knowledge_dir()))


async def check_token(settings: Settings) -> None:
    """auth.test at start-up, against SLACK_API_URL: a bad token stops here with one line."""
    from slack_sdk.errors import SlackApiError

    client = web_client(settings, settings.bot_token)
    try:
        resp = await client.auth_test()
        logger.info("connected to Slack as %s in team %s", resp.get("user"), resp.get("team"))
    except SlackApiError as e:
        raise ConfigError("SLACK_BOT_TOKEN", f"Slack rejected the token ({e.response.get('error')}): copy the Bot User OAuth Token again") from None
    except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as e:
        logger.warning("could not reach Slack at %s for auth.test (%s); continuing", settings.slack_api_url, e)


async def finish_in_flight(timeout: float = SHUTDOWN_GRACE_SECONDS) -> None:
    """Let work started after an ack (replies, usage records) finish before exiting."""
    current = asyncio.current_task()
    pending = {t for t in asyncio.all_tasks() if t is not current and not t.done()}
    if pending:
        logger.info("waiting for %d task(s) in flight", len(pending))
        _, still = await asyncio.wait(pending, timeout=timeout)
        for task in still:
            logger.warning("cancelling %r after %.0fs of shutdown", task.get_name(), timeout)
            task.cancel()


def _stop_event() -> asyncio.Event:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):  # pragma: no cover - non-Unix
            pass
    return stop


async def serve(settings: Settings) -> None:
    from bot.stores.factory import open_stores

    brain = load_brain(settings)
    async with AsyncExitStack() as stack:
        stores = await open_stores(settings)
        stack.push_async_callback(stores.close)
        session = aiohttp.ClientSession()
        stack.push_async_callback(session.close)
        services = Services(brain=brain, deduper=stores.deduper, usage=stores.usage, session=session)
        stack.push_async_callback(finish_in_flight)
        oauth = {}
        if settings.mode is Mode.OAUTH:
            from bot.oauth import oauth_settings

            oauth = {"oauth_settings": oauth_settings(settings, stores)}
        else:
            await check_token(settings)
        bolt = create_app(settings, services, **oauth)
        stop = _stop_event()

        web_app = create_web_app(bolt)
        if settings.mode is Mode.SOCKET:
            from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

            handler = AsyncSocketModeHandler(bolt, settings.app_token, web_client=bolt.client)

            async def health() -> tuple[bool, str]:
                connected = await handler.client.is_connected()
                return connected, "socket connected" if connected else "socket down"

            await handler.connect_async()
            stack.push_async_callback(handler.close_async)
            web_app = create_web_app(bolt, health=health, events=False)
        runner = web.AppRunner(web_app, shutdown_timeout=SHUTDOWN_GRACE_SECONDS, access_log=None)
        await runner.setup()
        stack.push_async_callback(runner.cleanup)
        site = web.TCPSite(runner, settings.host, settings.port)
        await site.start()
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
