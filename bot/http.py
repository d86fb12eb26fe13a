"""The HTTP shell: aiohttp routes in front of Bolt (``POST /slack/events``, ``GET /healthz``, OAuth).

Kept as thin as Bolt's own aiohttp adapter: request -> ``async_dispatch`` -> response.
Two cheap checks sit in front, because Bolt answers 500 (or raises inside aiohttp)
where Slack's docs call for a 4xx:

* the signature headers: a request without them, or with a timestamp that is
  not a number, gets a 401; but Slack's own ``ssl_check=1`` (sent unsigned to a
  slash command's URL to check its certificate) gets the 200 it expects, and
  nothing else is done with it, as Bolt's ``SslCheck`` would;
* the body: one that is not UTF-8, not JSON where JSON is due, or not the shape
  Bolt's matchers and our listeners read (``event`` an object, ``actions`` a
  list of objects with an ``action_id``, ``user`` an object with an ``id``...)
  gets a 400 (with ``X-Slack-No-Retry: 1``: it would fail again) and one
  warning naming the cause. Its signature is checked first, so a forged request
  gets 401 whatever its body. A well-formed body goes to Bolt untouched, and
  Bolt verifies its signature as usual.

Every rejected request is logged (a wrong SLACK_SIGNING_SECRET must not fail
silently), at most one line a minute for each kind, with the count held back,
so a scanner cannot flood the log.
"""

from __future__ import annotations

import json
import logging
import time
from typing import TYPE_CHECKING, Awaitable, Callable
from urllib.parse import parse_qs

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.request.async_internals import build_async_context
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.signature import SignatureVerifier

from bot.form import parse_body
from bot.payloads import BadBody, check_shape

if TYPE_CHECKING:
    from bot.health import StoreHealth

logger = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
FORM = "application/x-www-form-urlencoded"
MAX_BODY_BYTES = 1024**2   # Slack's largest payloads (big modals) are ~100 KB; larger gets 413

HealthCheck = Callable[[], Awaitable[tuple[bool, str]]]


async def always_healthy() -> tuple[bool, str]:
    return True, "ok"


SIGNATURE_MAX_AGE_SECONDS = 60 * 5  # what Slack's SDKs accept
REJECTION_LOG_EVERY_SECONDS = 60.0


class RejectionLog:
    """One warning per kind of rejected request at most every ``every`` seconds, counting the rest."""

    def __init__(self, every: float = REJECTION_LOG_EVERY_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self.every = every
        self._clock = clock
        self._last: dict[str, float] = {}
        self._held: dict[str, int] = {}

    def warn(self, why: str) -> None:
        now = self._clock()
        last = self._last.get(why)
        if last is not None and now - last < self.every:
            self._held[why] = self._held.get(why, 0) + 1
            return
        held = self._held.pop(why, 0)
        self._last[why] = now
        more = f" (and {held} more like it since the last such line)" if held else ""
        logger.warning("rejected a request to %s: %s%s", EVENTS_PATH, why, more)


def _unsigned(request: web.Request) -> str | None:
    """Why a request cannot carry a valid Slack signature, or None when it might."""
    timestamp = request.headers.get("X-Slack-Request-Timestamp")
    signature = request.headers.get("X-Slack-Signature")
    if not timestamp or not signature:
        return "missing X-Slack-Request-Timestamp or X-Slack-Signature"
    if not timestamp.isascii() or not timestamp.isdigit():
        return "X-Slack-Request-Timestamp is not a number"
    return None


SSL_CHECK_MAX_BYTES = 1024  # "ssl_check=1&token=..." is far shorter: a larger unsigned body is not read


def _is_ssl_check(raw: bytes, content_type: str | None) -> bool:
    """Slack's certificate check: an unsigned form body ``ssl_check=1&token=...`` and nothing else."""
    if not (content_type or "").startswith(FORM):
        return False
    try:
        fields = parse_qs(raw.decode("ascii"), strict_parsing=True)
    except (UnicodeDecodeError, ValueError):
        return False
    return fields.get("ssl_check") == ["1"] and set(fields) <= {"ssl_check", "token"}


def _why_bolt_rejected(request: web.Request) -> str:
    """What to check when Bolt's signature verification answers 401."""
    age = abs(time.time() - int(request.headers["X-Slack-Request-Timestamp"]))
    if age > SIGNATURE_MAX_AGE_SECONDS:
        return (f"its X-Slack-Request-Timestamp is {age:.0f} s off this server's clock (Slack's limit: "
                f"{SIGNATURE_MAX_AGE_SECONDS} s): a replay, or check the server's clock")
    return "invalid signature: check SLACK_SIGNING_SECRET (Basic Information › App Credentials › Signing Secret)"


def bolt_request(raw: bytes, request: web.Request) -> AsyncBoltRequest:
    """The request for Bolt, after checking its body parsed into a shape Bolt and our listeners can read.

    The body is parsed once, by ``bot.form.parse_body`` (Bolt's parse, the same
    answer, ~5x faster on a click's URL-encoded payload), and the request is
    built as Bolt's constructor builds it (its constructor with an empty body,
    then the body, raw and parsed, and the context built from it):
    ``tests/bench/test_bolt_request.py`` compares the two on every fixture payload.
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise BadBody(f"the body is not UTF-8 ({e.reason} at byte {e.start})") from None
    parsed = AsyncBoltRequest(body="", query=request.query_string, headers=request.headers)  # type: ignore[arg-type]
    try:
        body = parse_body(text, parsed.content_type)
    except json.JSONDecodeError as e:
        raise BadBody(f"the body (or its payload field) is not JSON: {e.msg} at {e.pos}") from None
    check_shape(body)
    parsed.raw_body = text
    parsed.body = body
    parsed.context = build_async_context(AsyncBoltContext({}), body)
    return parsed


def create_web_app(bolt: AsyncApp, *, signing_secret: str | None = None, health: HealthCheck = always_healthy,
                   stores: StoreHealth | None = None, events: bool = True) -> web.Application:
    """The routes. ``events=False`` (Socket Mode) serves only ``/healthz``.

    ``/healthz`` is ``health()`` (the process, or the Socket Mode connection), plus the state of
    the external ``stores`` when there are any (``bot.health``: a store down makes it "degraded",
    still 200, unless nothing can be answered without it: 503).

    ``signing_secret`` lets a malformed body be told apart from a forged one (401 before 400).
    """
    verifier = SignatureVerifier(signing_secret) if signing_secret else None
    rejected = RejectionLog()

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
            if request.content_length is not None and request.content_length <= SSL_CHECK_MAX_BYTES and _is_ssl_check(
                    await request.read(), request.content_type):
                return web.Response(status=200)
            rejected.warn(problem)
            return web.Response(status=401, text="invalid request signature")
        try:
            raw = await request.read()
        except web.HTTPRequestEntityTooLarge:
            logger.warning("rejected a request to %s: body over %d bytes", EVENTS_PATH, MAX_BODY_BYTES)
            raise
        try:
            parsed = bolt_request(raw, request)
        except Exception as e:  # BadBody, or anything Bolt's own parsing trips on
            why = forged(request, raw)
            if why:
                rejected.warn(why)
                return web.Response(status=401, text="invalid request signature")
            logger.warning("rejected a signed request to %s: %s", EVENTS_PATH,
                           e.cause if isinstance(e, BadBody) else f"Bolt cannot read it ({e!r})")
            return web.Response(status=400, text="malformed request body", headers={"X-Slack-No-Retry": "1"})
        bolt_response = await bolt.async_dispatch(parsed)
        if bolt_response.status == 401:  # Bolt's own verification: it logs this below WARNING
            rejected.warn(_why_bolt_rejected(request))
        return await to_aiohttp_response(bolt_response)

    async def healthz(request: web.Request) -> web.Response:
        ok, detail = await health()
        body: dict[str, object] = {}
        if stores is not None and stores.watched:
            report = await stores()
            body["stores"] = report.states
            if report.required_down:
                ok, detail = False, f"{', '.join(report.required_down)} unreachable: no request can be answered"
            elif report.down and ok:
                detail = "degraded: " + ", ".join(f"{name} unreachable" for name in report.down)
        return web.json_response({"ok": ok, "detail": detail, **body}, status=200 if ok else 503)

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
