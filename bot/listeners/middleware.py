"""Global middleware: answer every Slack event delivery once (retries included), and note
Slack's ``app_rate_limited`` notice (a request of its own, not an event) instead of answering 404."""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Awaitable, Callable

from slack_bolt.async_app import AsyncApp
from slack_bolt.middleware.async_middleware import AsyncMiddleware
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

from bot.services import Services

logger = logging.getLogger(__name__)


class EventDeduplication(AsyncMiddleware):
    """A delivery whose ``event_id`` was seen before gets an empty 200 and goes no further; so does
    ``app_rate_limited``, after one WARNING (it has no event for a listener: Bolt would answer 404).

    A middleware class rather than a decorated function: Bolt then calls it directly,
    without inspecting and injecting arguments on every request (commands and clicks included).
    """

    def __init__(self, services: Services) -> None:
        self.services = services

    async def async_process(self, *, req: AsyncBoltRequest, resp: BoltResponse,
                            next: Callable[[], Awaitable[BoltResponse]]) -> BoltResponse | None:
        body = req.body
        if body.get("type") == "app_rate_limited":
            logger.warning("Slack is rate limiting this app's event subscriptions for team %s since %s: events "
                           "over the limit (30,000 an hour from one workspace) are not delivered, so some "
                           "mentions and DMs go unanswered; it also happens when over 5%% of deliveries in an "
                           "hour were not answered 200", body.get("team_id"), _minute(body.get("minute_rate_limited")))
            return BoltResponse(status=200, body="")
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if event_id and not await self.services.deduper.first_seen(f"event:{event_id}"):
            logger.info("ignoring a repeated delivery of event %s", event_id)
            return BoltResponse(status=200, body="")
        await next()
        return None


def _minute(epoch: object) -> str:
    """``minute_rate_limited`` (epoch seconds, rounded to the minute) as UTC time."""
    try:
        return datetime.fromtimestamp(int(epoch), timezone.utc).strftime("%Y-%m-%d %H:%M UTC")  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError, OSError):
        return f"minute {epoch!r}"


def register(app: AsyncApp, services: Services) -> None:
    app.middleware(EventDeduplication(services))
