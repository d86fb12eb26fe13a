"""Global middleware: answer every Slack event delivery once (retries included)."""

from __future__ import annotations

import logging
from typing import Awaitable, Callable

from slack_bolt.async_app import AsyncApp
from slack_bolt.middleware.async_middleware import AsyncMiddleware
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

from bot.services import Services

logger = logging.getLogger(__name__)


class EventDeduplication(AsyncMiddleware):
    """A delivery whose ``event_id`` was seen before gets an empty 200 and goes no further.

    A middleware class rather than a decorated function: Bolt then calls it directly,
    without inspecting and injecting arguments on every request (commands and clicks included).
    """

    def __init__(self, services: Services) -> None:
        self.services = services

    async def async_process(self, *, req: AsyncBoltRequest, resp: BoltResponse,
                            next: Callable[[], Awaitable[BoltResponse]]) -> BoltResponse | None:
        body = req.body
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if event_id and not await self.services.deduper.first_seen(f"event:{event_id}"):
            logger.info("ignoring a repeated delivery of event %s", event_id)
            return BoltResponse(status=200, body="")
        await next()
        return None


def register(app: AsyncApp, services: Services) -> None:
    app.middleware(EventDeduplication(services))
