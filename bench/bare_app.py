"""The baseline: a bare slack-bolt ``AsyncApp`` on the same aiohttp server shape as the bot.

``python -m bench.bare_app`` reads the same environment as ``python -m bot``
(SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL, HOST, PORT), serves
``POST /slack/events`` and ``GET /healthz`` through Bolt's aiohttp adapter on a
uvloop loop, and its listeners only ``await ack()``: the cost of Bolt itself.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import signal
from contextlib import AsyncExitStack
from typing import Awaitable, Callable

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient


def create_bare_app() -> AsyncApp:
    client = AsyncWebClient(token=os.environ["SLACK_BOT_TOKEN"],
                            base_url=os.environ.get("SLACK_API_URL", "https://slack.com/api/"))
    app = AsyncApp(signing_secret=os.environ["SLACK_SIGNING_SECRET"], client=client)

    async def just_ack(ack: AsyncAck) -> None:
        await ack()

    app.command(re.compile(".*"))(just_ack)
    app.event("app_mention")(just_ack)
    app.action(re.compile(".*"))(just_ack)
    return app


def create_bare_web_app(bolt: AsyncApp) -> web.Application:
    async def slack_events(request: web.Request) -> web.Response:
        return await to_aiohttp_response(await bolt.async_dispatch(await to_bolt_request(request)))

    async def healthz(request: web.Request) -> web.Response:
        return web.json_response({"ok": True, "detail": "ok"})

    app = web.Application(client_max_size=1024**2)
    app.router.add_get("/healthz", healthz)
    app.router.add_post("/slack/events", slack_events)
    return app


async def _bare(stack: AsyncExitStack) -> AsyncApp:
    return create_bare_app()


async def serve(make_app: Callable[[AsyncExitStack], Awaitable[AsyncApp]] = _bare) -> None:
    """Serve the app ``make_app`` builds (what it opens on ``stack`` closes on exit) until SIGTERM/SIGINT."""
    logging.basicConfig(level=logging.WARNING)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with AsyncExitStack() as stack:
        runner = web.AppRunner(create_bare_web_app(await make_app(stack)), access_log=None)
        await runner.setup()
        await web.TCPSite(runner, os.environ.get("HOST", "127.0.0.1"), int(os.environ["PORT"])).start()
        await stop.wait()
        await runner.cleanup()


if __name__ == "__main__":
    import uvloop

    uvloop.run(serve())
