"""A fake Slack Web API: an aiohttp server on 127.0.0.1 that records every call.

Point the app's ``AsyncWebClient(base_url=fake.base_url)`` at it. It answers
with Slack's shapes (see :mod:`bot.emulator.web_methods`), checks tokens,
serves response_urls (:mod:`bot.emulator.response_urls`), keeps the
conversation model (:mod:`bot.emulator.conversation`) and injects faults
(:mod:`bot.emulator.faults`) for reliability tests.
"""

from __future__ import annotations

import asyncio
import copy
import json
import time
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterable

from aiohttp import web

from bot.emulator import requests as rq
from bot.emulator.conversation import Change, Conversation, Message
from bot.emulator.errors import EmulatorError, EmulatorTimeout
from bot.emulator.faults import Fault, FaultPlan, fault_response
from bot.emulator.response_urls import ResponseUrl, ResponseUrlPost, apply_post
from bot.emulator.web_methods import METHODS, NO_BOT_TOKEN, OAUTH_V2_ACCESS, BotIdentity, error

if TYPE_CHECKING:
    from bot.emulator.actors import SlackUser
    from bot.emulator.socket_mode import SocketModeServer

_JSON_FIELDS = ("blocks", "attachments", "view", "metadata")


@dataclass(frozen=True)
class Call:
    """One Web API request: method, parsed params, request headers, answer.

    ``time`` is ``time.monotonic()`` when the request arrived; ``status`` is 0
    when the connection was dropped by a fault.
    """

    method: str
    params: dict[str, Any]
    headers: dict[str, str]
    time: float
    token: str | None = None
    status: int = 200
    response: dict[str, Any] | None = None

    @property
    def ok(self) -> bool:
        """True when Slack answered 200 with ``"ok": true``."""
        return self.status == 200 and bool(self.response and self.response.get("ok"))


def _parse_json_fields(params: dict[str, Any]) -> dict[str, Any]:
    for key in _JSON_FIELDS:
        value = params.get(key)
        if isinstance(value, str) and value[:1] in ("[", "{"):
            try:
                params[key] = json.loads(value)
            except json.JSONDecodeError:
                pass
    return params


async def _read_params(request: web.Request) -> dict[str, Any]:
    """Query, form or JSON body params, with JSON-in-form fields decoded."""
    params: dict[str, Any] = dict(request.query)
    if request.content_type == "application/json":
        raw = await request.read()
        if raw:
            params.update(json.loads(raw))
    elif request.can_read_body:
        params.update({k: v for k, v in (await request.post()).items() if isinstance(v, str)})
    return _parse_json_fields(params)


class FakeSlackAPI:
    """A local stand-in for https://slack.com/api/ plus response_url endpoints.

    ``valid_tokens``: bot/user tokens that pass (default: any ``xoxb-``/``xoxp-``).
    ``socket_mode``: a :class:`SocketModeServer` started and stopped with this
    server, whose URL ``apps.connections.open`` hands out.
    """

    def __init__(
        self,
        *,
        identity: BotIdentity | None = None,
        valid_tokens: Iterable[str] | None = None,
        socket_mode: SocketModeServer | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.identity = identity or BotIdentity()
        self.valid_tokens: set[str] | None = set(valid_tokens) if valid_tokens is not None else None
        self.revoked_tokens: set[str] = set()
        self.socket_mode = socket_mode
        self.conversation = Conversation()
        self.calls: list[Call] = []
        self.response_posts: list[ResponseUrlPost] = []
        self.faults = FaultPlan()
        self.home_views: dict[str, dict[str, Any]] = {}
        self.users: dict[str, dict[str, Any]] = {}
        self.channels: dict[str, dict[str, Any]] = {}
        self.dms: dict[str, str] = {}
        self.oauth_response: dict[str, Any] = copy.deepcopy(OAUTH_V2_ACCESS)
        self.issued_tokens: dict[str, dict[str, Any]] = {}  # token -> the oauth.v2.access answer that issued it
        self._response_urls: dict[str, ResponseUrl] = {}
        self._host, self._port = host, port
        self._runner: web.AppRunner | None = None
        self._root = ""
        self._changed = asyncio.Event()
        self.conversation.on_change(lambda change: self._notify())

    # --- lifecycle -----------------------------------------------------------
    async def start(self) -> str:
        """Start listening; return ``base_url`` ("http://127.0.0.1:PORT/api/")."""
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._handle_api)
        app.router.add_post("/response/{id}", self._handle_response_url)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self._host, self._port)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self._root = f"http://{self._host}:{port}"
        if self.socket_mode is not None:
            await self.socket_mode.start()
        return self.base_url

    async def stop(self) -> None:
        """Stop the server (and the attached Socket Mode server)."""
        if self.socket_mode is not None:
            await self.socket_mode.stop()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeSlackAPI:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        """The ``base_url`` for ``AsyncWebClient``."""
        if not self._root:
            raise EmulatorError("FakeSlackAPI is not started")
        return f"{self._root}/api/"

    # --- configuration -------------------------------------------------------
    def fail(
        self, target: str, *, times: int = 1, status: int | None = None, retry_after: int | None = 1,
        drop: bool = False, delay: float = 0.0, error: str | None = None, hold: asyncio.Event | None = None,
    ) -> Fault:
        """Make the next ``times`` requests to ``target`` misbehave (see :class:`Fault`).

        ``target``: a method name, "response_url" or one response_url. With no
        ``status``, ``error`` or ``drop`` and no ``delay`` or ``hold`` the answer
        is 429 ratelimited; with only ``delay`` the request succeeds slowly, and
        with only ``hold`` it succeeds once the event is set. ``Fault.used``
        counts the requests that have arrived.
        """
        if status is None and error is None and not drop and not delay and hold is None:
            status = 429
        return self.faults.add(Fault(target, times, status, retry_after, drop, delay, error, hold))

    def revoke_token(self, token: str) -> None:
        """Make ``token`` fail with ``token_revoked`` from now on."""
        self.revoked_tokens.add(token)

    def user(self, user_id: str = rq.USER_ID, *, name: str = "alice", channel: str = rq.CHANNEL_ID) -> SlackUser:
        """A :class:`~bot.emulator.actors.SlackUser` acting in this fake workspace."""
        from bot.emulator.actors import SlackUser

        return SlackUser(self, user_id, name=name, channel=channel)

    def dm_channel(self, user: str) -> str:
        """The id of the DM between the bot and ``user`` (stable per user)."""
        return self.dms.setdefault(user, "D" + user[1:])

    # --- response_url --------------------------------------------------------
    def response_url(
        self, name: str | None = None, *, channel: str = rq.CHANNEL_ID, user: str = rq.USER_ID,
        message_ts: str | None = None, thread_ts: str | None = None,
    ) -> str:
        """A fresh response_url for a command or click by ``user`` in ``channel``.

        ``message_ts`` is the message a click came from (what ``replace_original``
        and ``delete_original`` act on).
        """
        url_id = name or uuid.uuid4().hex[:12]
        url = f"{self._root}/response/{url_id}"
        self._response_urls[url_id] = ResponseUrl(url_id, url, channel, user, message_ts, thread_ts)
        return url

    def response_url_info(self, url: str) -> ResponseUrl:
        """The context behind ``url`` (uses, expiry, channel, user)."""
        try:
            return self._response_urls[url.rstrip("/").rsplit("/", 1)[-1]]
        except KeyError:
            raise EmulatorError(f"unknown response_url {url!r}") from None

    def expire(self, url: str) -> None:
        """Make ``url`` answer 404 expired_url from now on."""
        self.response_url_info(url).expired = True

    def apply_ack(self, response_url: str, body: str | bytes | dict[str, Any] | None) -> Message | None:
        """Show a slash command's ack body as Slack would (ephemeral unless in_channel).

        ``body`` is the HTTP response body Bolt returned, or a Socket Mode ack's
        ``payload``. Empty bodies show nothing. Does not count as a URL use.
        """
        if isinstance(body, bytes):
            body = body.decode()
        if not body:
            return None
        if isinstance(body, str):
            try:
                body = json.loads(body) if body.lstrip().startswith("{") else {"text": body}
            except json.JSONDecodeError:
                body = {"text": body}
        assert isinstance(body, dict)
        ctx = self.response_url_info(response_url)
        status, _, message = apply_post(self.conversation, ctx, body, self.identity, "ack")
        return message if status == 200 else None

    # --- conversation ----------------------------------------------------------
    @property
    def messages(self) -> list[Message]:
        """Every message so far (app and user), in creation order."""
        return self.conversation.messages

    def add_user_message(
        self, text: str, *, channel: str = rq.CHANNEL_ID, user: str = rq.USER_ID,
        ts: str | None = None, thread_ts: str | None = None,
    ) -> Message:
        """Record a message a person sent (use its ``ts`` in the matching event)."""
        return self.conversation.add_user_message(channel, text, user=user, ts=ts, thread_ts=thread_ts,
                                                  team=self.identity.team_id)

    def on_change(self, callback: Callable[[Change], None]) -> None:
        """Call ``callback(change)`` after every new, updated or deleted message."""
        self.conversation.on_change(callback)

    def subscribe(self) -> asyncio.Queue[Change]:
        """A queue of every later :class:`Change`, in order (for a live renderer)."""
        return self.conversation.subscribe()

    async def wait_for_message(
        self, predicate: Callable[[Message], bool] | None = None, *, count: int = 1, timeout: float = 5.0
    ) -> Message:
        """Wait until ``count`` undeleted app messages match ``predicate``; return the newest.

        Without ``predicate`` any message the app sent matches.
        """
        def matching() -> list[Message]:
            return [m for m in self.conversation.from_app() if predicate is None or predicate(m)]

        what = getattr(predicate, "__name__", "app message")
        try:
            await self.wait_until(lambda: len(matching()) >= count, timeout=timeout, what=what)
        except EmulatorTimeout:
            raise EmulatorTimeout(what, count, len(matching()), timeout) from None
        return matching()[-1]

    # --- waiting -------------------------------------------------------------------
    def _notify(self) -> None:
        event, self._changed = self._changed, asyncio.Event()
        event.set()

    async def wait_until(self, condition: Callable[[], Any], *, timeout: float = 5.0, what: str = "condition") -> Any:
        """Wait until ``condition()`` is truthy (re-checked after every request); return it."""
        deadline = asyncio.get_running_loop().time() + timeout
        while not (result := condition()):
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                raise EmulatorTimeout(what, 1, 0, timeout)
            try:  # woken by every request and change; re-checked at least every 50 ms
                await asyncio.wait_for(self._changed.wait(), min(remaining, 0.05))
            except asyncio.TimeoutError:
                pass
        return result

    async def wait_for(
        self, target: str | Callable[[Call], bool], count: int = 1, timeout: float = 5.0
    ) -> list[Any]:
        """Wait until ``count`` calls match; return all matching so far.

        ``target``: a method name, "response_url" (returns :class:`ResponseUrlPost`
        records) or a predicate over :class:`Call`.
        """
        def matching() -> list[Any]:
            if target == "response_url":
                return list(self.response_posts)
            if isinstance(target, str):
                return [c for c in self.calls if c.method == target]
            return [c for c in self.calls if target(c)]

        what = target if isinstance(target, str) else getattr(target, "__name__", "matching call")
        try:
            await self.wait_until(lambda: len(matching()) >= count, timeout=timeout, what=what)
        except EmulatorTimeout:
            raise EmulatorTimeout(what, count, len(matching()), timeout) from None
        return matching()

    def calls_to(self, method: str) -> list[Call]:
        """The recorded calls of one method."""
        return [c for c in self.calls if c.method == method]

    # --- request handling --------------------------------------------------------------
    def _token_error(self, method: str, request: web.Request, params: dict[str, Any]) -> tuple[str | None, str | None]:
        auth = request.headers.get("Authorization", "")
        token = auth[7:].strip() if auth.startswith("Bearer ") else params.pop("token", None)
        if method in NO_BOT_TOKEN:
            return token, None
        if not token:
            return None, "not_authed"
        if token in self.revoked_tokens:
            return token, "token_revoked"
        if self.valid_tokens is not None:
            return token, None if token in self.valid_tokens else "invalid_auth"
        return token, None if token.startswith(("xoxb-", "xoxp-")) else "invalid_auth"

    async def _handle_api(self, request: web.Request) -> web.StreamResponse:
        arrived = time.monotonic()
        method = request.match_info["method"]
        try:
            params, bad_json = await _read_params(request), False
        except (ValueError, UnicodeDecodeError):
            params, bad_json = {}, True
        token, problem = self._token_error(method, request, params)
        fault = self.faults.take(method)
        status, body = (0 if fault is not None and fault.drop else 200), None
        try:
            if fault is not None and (faulted := await fault_response(request, fault, json_body=True)) is not None:
                response, body = faulted
                status = 0 if fault.drop else response.status
                return response
            handler = METHODS.get(method)
            if handler is None:
                body = error("unknown_method")
            elif problem is not None:
                body = error(problem)
            elif bad_json:
                body = error("invalid_json")
            else:
                try:
                    body = handler(self, {**params, "_token": token})
                except (ValueError, TypeError, KeyError, AttributeError):
                    body = error("invalid_arguments")
            return web.json_response(body)
        finally:
            self.calls.append(Call(method, params, dict(request.headers), arrived, token, status, body))
            self._notify()

    async def _handle_response_url(self, request: web.Request) -> web.StreamResponse:
        arrived = time.monotonic()
        url_id = request.match_info["id"]
        ctx = self._response_urls.get(url_id)
        raw = await request.read()
        try:
            payload = json.loads(raw) if raw else {}
        except json.JSONDecodeError:
            payload = {"_raw": raw.decode(errors="replace")}
        url = ctx.url if ctx else f"{self._root}/response/{url_id}"
        status, text, message = 404, "no_service", None
        fault = self.faults.take("response_url", url)
        if fault is not None and fault.drop:
            status = 0
        try:
            if fault is not None and (faulted := await fault_response(request, fault, json_body=False)) is not None:
                status = 0 if fault.drop else faulted[0].status
                return faulted[0]
            if ctx is None:
                return web.json_response(error("no_service"), status=404)
            if not ctx.usable():
                status, text = 404, "expired_url"
                return web.json_response(error("expired_url"), status=404)
            ctx.uses += 1
            status, text, message = apply_post(self.conversation, ctx, payload, self.identity, "response_url")
            if status != 200:
                return web.json_response(error(text), status=status)
            return web.Response(text="ok")
        finally:
            self.response_posts.append(ResponseUrlPost(url_id, url, payload, arrived, status, message))
            self._notify()
