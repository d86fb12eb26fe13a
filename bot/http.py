"""The HTTP shell: aiohttp routes in front of Bolt (``POST /slack/events``, ``GET /healthz``, OAuth).

Kept as thin as Bolt's own aiohttp adapter: request -> ``async_dispatch`` -> response.
Two cheap checks sit in front, because Bolt answers 500 (or raises inside aiohttp)
where Slack's docs call for a 4xx:

* the signature headers: a request without them, or with a timestamp that is
  not a number, gets a 401;
* the body: one that is not UTF-8, not JSON where JSON is due, or not the shape
  Bolt's matchers and our listeners read (``event`` an object, ``actions`` a
  list of objects with an ``action_id``, ``user`` an object with an ``id``...)
  gets a 400 and one warning naming the cause. Its signature is checked first,
  so a forged request gets 401 whatever its body. A well-formed body goes to
  Bolt untouched, and Bolt verifies its signature as usual.
"""

from __future__ import annotations

import json
import logging
from typing import Any, Awaitable, Callable

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp
from slack_bolt.middleware.request_verification.async_request_verification import AsyncRequestVerification
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.request.internals import parse_body
from slack_sdk.signature import SignatureVerifier

logger = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
MAX_BODY_BYTES = 1024**2   # Slack's largest payloads (big modals) are ~100 KB; larger gets 413

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


class BadBody(ValueError):
    """A signed request whose body Bolt or the listeners cannot read; ``cause`` goes to the log."""

    def __init__(self, cause: str) -> None:
        self.cause = cause
        super().__init__(cause)


# Fields of the events we answer that the listeners read as text.
_EVENT_TEXT_FIELDS = ("text", "channel", "ts", "thread_ts", "user", "subtype", "channel_type", "bot_id", "tab")
# Interactive payload types Bolt's action matchers read ``callback_id`` from.
_CALLBACK_TYPES = {"interactive_message", "dialog_submission", "dialog_cancellation", "workflow_step_edit"}


def _optional(body: dict[str, Any], key: str, kind: type, where: str) -> None:
    if body.get(key) is not None and not isinstance(body[key], kind):
        raise BadBody(f"{where}{key} is {type(body[key]).__name__}, not {kind.__name__}")


def check_shape(body: Any) -> None:
    """Raise ``BadBody`` unless ``body`` (the parsed request) is a shape Bolt and our listeners can read."""
    if not isinstance(body, dict):
        raise BadBody(f"the payload is a JSON {type(body).__name__}, not an object")
    if "command" in body or "ssl_check" in body:
        return  # form fields: strings by construction
    kind = body.get("type")
    if not isinstance(kind, str):
        raise BadBody("no command, and no type (or a type that is not a string)")
    _optional(body, "authorizations", list, "")
    if not all(isinstance(a, dict) for a in body.get("authorizations") or []):
        raise BadBody("authorizations holds something other than objects")
    for key in ("team", "user", "channel", "container", "message", "view"):
        if kind != "event_callback":
            _optional(body, key, dict, "")
    if kind == "event_callback":
        event = body.get("event")
        if not isinstance(event, dict):
            raise BadBody("event_callback without an event object")
        if not isinstance(event.get("type"), str):
            raise BadBody("event without a type")
        if event["type"] in ("app_mention", "message", "app_home_opened"):
            for key in _EVENT_TEXT_FIELDS:
                _optional(event, key, str, "event.")
    elif kind == "block_actions":
        actions = body.get("actions")
        if not isinstance(actions, list) or not actions:
            raise BadBody("block_actions without a list of actions")
        for i, action in enumerate(actions):
            if not isinstance(action, dict) or not isinstance(action.get("action_id"), str):
                raise BadBody(f"actions[{i}] is not an object with an action_id")
            _optional(action, "value", str, f"actions[{i}].")
        if not isinstance(body.get("user"), dict) or not isinstance(body["user"].get("id"), str):
            raise BadBody("block_actions without a user id")
        _optional(body, "response_url", str, "")
    elif kind in _CALLBACK_TYPES and not isinstance(body.get("callback_id"), str):
        raise BadBody(f"{kind} without a callback_id")


def read_body(raw: bytes, content_type: str | None) -> str:
    """The body as text, after checking it parses (as Bolt will parse it) into a readable shape."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise BadBody(f"the body is not UTF-8 ({e.reason} at byte {e.start})") from None
    try:
        parsed = parse_body(text, content_type)
    except json.JSONDecodeError as e:
        raise BadBody(f"the body (or its payload field) is not JSON: {e.msg} at {e.pos}") from None
    check_shape(parsed)
    return text


def _verifier(bolt: AsyncApp) -> SignatureVerifier | None:
    """The verifier Bolt itself uses, or None when the app does not verify requests."""
    # Private: Bolt keeps no public handle on its signing secret; the middleware
    # list is where it decides whether requests are verified at all.
    for middleware in getattr(bolt, "_async_middleware_list", []):
        if isinstance(middleware, AsyncRequestVerification):
            return middleware.verifier
    return None


def create_web_app(bolt: AsyncApp, *, health: HealthCheck = always_healthy, events: bool = True) -> web.Application:
    """The routes. ``events=False`` (Socket Mode) serves only ``/healthz``."""
    verifier = _verifier(bolt)

    def forged(request: web.Request, raw: bytes) -> str | None:
        """Why the signature does not verify, or None when it does (or the app does not verify)."""
        if verifier is None:
            return None
        ts, signature = request.headers["X-Slack-Request-Timestamp"], request.headers["X-Slack-Signature"]
        try:
            return None if verifier.is_valid(raw, ts, signature) else "invalid signature"
        except UnicodeDecodeError:  # slack_sdk verifies text only; Slack signs UTF-8 bodies only
            return "invalid signature (the body is not UTF-8, so not from Slack)"

    async def slack_events(request: web.Request) -> web.Response:
        problem = _unsigned(request)
        if problem:
            logger.warning("rejected a request to %s: %s", EVENTS_PATH, problem)
            return web.Response(status=401, text="invalid request signature")
        try:
            raw = await request.read()
        except web.HTTPRequestEntityTooLarge:
            logger.warning("rejected a request to %s: body over %d bytes", EVENTS_PATH, MAX_BODY_BYTES)
            raise
        try:
            text = read_body(raw, request.content_type)
            bolt_request = AsyncBoltRequest(body=text, query=request.query_string, headers=request.headers)  # type: ignore[arg-type]
        except Exception as e:  # BadBody, or anything Bolt's own parsing trips on
            why = forged(request, raw)
            if why:
                logger.warning("rejected a request to %s: %s", EVENTS_PATH, why)
                return web.Response(status=401, text="invalid request signature")
            logger.warning("rejected a signed request to %s: %s", EVENTS_PATH,
                           e.cause if isinstance(e, BadBody) else f"Bolt cannot read it ({e!r})")
            return web.Response(status=400, text="malformed request body")
        bolt_response = await bolt.async_dispatch(bolt_request)
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

    app = web.Application(client_max_size=MAX_BODY_BYTES)
    app.router.add_get(HEALTH_PATH, healthz)
    if not events:
        return app
    app.router.add_post(EVENTS_PATH, slack_events)
    if bolt.oauth_flow is not None:
        app.router.add_get(bolt.oauth_flow.install_path, oauth)
        app.router.add_get(bolt.oauth_flow.redirect_uri_path, oauth)
    return app
