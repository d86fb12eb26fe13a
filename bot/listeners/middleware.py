"""Global middleware: answer every Slack event delivery once (retries included)."""

from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable

from slack_bolt.async_app import AsyncApp
from slack_bolt.response import BoltResponse

from bot.services import Services

logger = logging.getLogger(__name__)


def register(app: AsyncApp, services: Services) -> None:
    async def deduplicate_events(body: dict[str, Any], next: Callable[[], Awaitable[None]]) -> BoltResponse | None:
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if event_id and not await services.deduper.first_seen(f"event:{event_id}"):
            logger.info("ignoring a repeated delivery of event %s", event_id)
            return BoltResponse(status=200, body="")
        await next()
        return None

    app.middleware(deduplicate_events)
