"""The real bot, served on loopback, wired to a fake Slack: ``LocalSlack``.

It starts a ``FakeSlackAPI``, runs the bot through ``bot.runtime.running_bot``
(the same assembly as production) in HTTP mode with ``SLACK_API_URL`` pointing
at the fake, and serves it on 127.0.0.1. ``send`` signs a request like Slack
does and POSTs it to ``/slack/events``; a slash command's ack body is shown in
the fake's conversation as Slack would show it.

Used by the scenario tests, the local console and the benchmark.
"""

from __future__ import annotations

import time
from contextlib import AsyncExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web

from bot.config import Mode, Settings
from bot.emulator.conversation import Message
from bot.emulator.fake_web_api import FakeSlackAPI
from bot.emulator.requests import SlackRequest
from bot.knowledge_process import KnowledgeChild
from bot.runtime import Runtime, running_bot

SIGNING_SECRET = "local-signing-secret"
BOT_TOKEN = "xoxb-local-console"


@dataclass(frozen=True)
class Delivery:
    """What the bot's HTTP endpoint answered to one request."""

    status: int
    body: str
    elapsed: float            # seconds from send to the full response
    message: Message | None   # a slash command's ack shown in the conversation, if any


def local_settings(base_url: str, *, knowledge_dir: Path | None = None, **overrides: Any) -> Settings:
    settings = Settings(
        mode=Mode.HTTP,
        bot_token=BOT_TOKEN,
        signing_secret=SIGNING_SECRET,
        slack_api_url=base_url,
        host="127.0.0.1",
        port=0,
        knowledge_dir=knowledge_dir,
        log_level="WARNING",
    )
    return settings._replace(**overrides)


class LocalSlack:
    """``async with LocalSlack() as slack: await slack.send(slack.user().command("compare"))``."""

    def __init__(self, *, knowledge_dir: Path | None = None, fake: FakeSlackAPI | None = None,
                 knowledge: KnowledgeChild | None = None, **settings: Any) -> None:
        self.fake = fake or FakeSlackAPI()
        self._knowledge_dir = knowledge_dir
        self._knowledge = knowledge  # the child reading knowledge_dir, if started already
        self._overrides = settings
        self._stack = AsyncExitStack()
        self.runtime: Runtime | None = None
        self.url = ""
        self._session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> "LocalSlack":
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def settings(self) -> Settings:
        assert self.runtime is not None, "LocalSlack is not started"
        return self.runtime.settings

    async def start(self) -> None:
        try:
            base_url = await self.fake.start()
            self._stack.push_async_callback(self.fake.stop)
            settings = local_settings(base_url, knowledge_dir=self._knowledge_dir, **self._overrides)
            self.runtime = await self._stack.enter_async_context(running_bot(settings, knowledge=self._knowledge))
            runner = web.AppRunner(self.runtime.web_app, access_log=None)
            await runner.setup()
            self._stack.push_async_callback(runner.cleanup)
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
            port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
            self.url = f"http://127.0.0.1:{port}"
            self._session = aiohttp.ClientSession()
            self._stack.push_async_callback(self._session.close)
        except BaseException:
            await self._stack.aclose()
            raise

    async def stop(self) -> None:
        await self._stack.aclose()

    def user(self, user_id: str = "W222", *, name: str = "alice", channel: str = "C111") -> Any:
        return self.fake.user(user_id, name=name, channel=channel)

    async def post(self, path: str, body: bytes, headers: dict[str, str]) -> tuple[int, str]:
        assert self._session is not None, "LocalSlack is not started"
        async with self._session.post(self.url + path, data=body, headers=headers) as resp:
            return resp.status, await resp.text()

    async def send(self, request: SlackRequest, *, sign: bool = True) -> Delivery:
        """Deliver ``request`` to ``/slack/events`` as Slack would (signed unless ``sign=False``)."""
        req = request.signed(SIGNING_SECRET) if sign else request
        started = time.perf_counter()
        status, body = await self.post("/slack/events", req.body, req.all_headers())
        elapsed = time.perf_counter() - started
        message = None
        response_url = request.payload.get("response_url")
        if status == 200 and "command" in request.payload and response_url:
            message = self.fake.apply_ack(response_url, body)
        return Delivery(status, body, elapsed, message)
