"""The HTTP shell: aiohttp routes in front of Bolt (``POST /slack/events``, ``GET /healthz``, OAuth).

Kept as thin as Bolt's own aiohttp adapter: request -> ``async_dispatch`` -> response.
The one thing added in front is a cheap check of Slack's signature headers, so a
request without them, or with a timestamp that is not a number, gets a 401
(Bolt itself would answer 500 to the latter).
"""

from __future__ import annotations

import logging
from typing import Awaitable, Callable

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp

logger = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"

HealthCheck = Callable[[], Awaitable[tuple[bool, str]]]


async def always_healthy() -> tuple[bool, str]:
    return True, "ok"


def _unsigned(request: web.Request) -> str | None:
    """Why a request cannot carry a valid Slack signature, or None when it might."""
    timestamp = request.headers.get("X-Slack-Request-Timestamp")
    signature = request.headers.get("X-Slack-Signature")
    if not timestamp or not signature:
        return "missing X-Slack-Request-Timestamp or X-Slack-Signature"
    if not timestamp.isascii() or not timestamp.isdigit():
        return "X-Slack-Request-Timestamp is not a number"
    return None


def create_web_app(bolt: AsyncApp, *, health: HealthCheck = always_healthy, events: bool = True) -> web.Application:
    """The routes. ``events=False`` (Socket Mode) serves only ``/healthz``."""
    async def slack_events(request: web.Request) -> web.Response:
        problem = _unsigned(request)
        if problem:
            logger.warning("rejected a request to %s: %s", EVENTS_PATH, problem)
            return web.Response(status=401, text="invalid request signature")
        bolt_response = await bolt.async_dispatch(await to_bolt_request(request))
        return await to_aiohttp_response(bolt_response)

    async def healthz(request: web.Request) -> web.Response:
        ok, detail = await health()
        return web.json_response({"ok": ok, "detail": detail}, status=200 if ok else 503)

    async def oauth(request: web.Request) -> web.Response:
        flow = bolt.oauth_flow
        assert flow is not None
        bolt_request = await to_bolt_request(request)
        if request.path == flow.install_path:
            return await to_aiohttp_response(await flow.handle_installation(bolt_request))
        return await to_aiohttp_response(await flow.handle_callback(bolt_request))

    app = web.Application(client_max_size=1024**2)
    app.router.add_get(HEALTH_PATH, healthz)
    if not events:
        return app
    app.router.add_post(EVENTS_PATH, slack_events)
    if bolt.oauth_flow is not None:
        app.router.add_get(bolt.oauth_flow.install_path, oauth)
        app.router.add_get(bolt.oauth_flow.redirect_uri_path, oauth)
    return app
