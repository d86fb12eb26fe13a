"""A local Socket Mode server: the WebSocket end of Slack's Socket Mode.

Attach it to :class:`~bot.emulator.fake_web_api.FakeSlackAPI` (``socket_mode=``)
so ``apps.connections.open`` hands out ``ws://127.0.0.1:PORT/link?ticket=...``.
On connect it sends ``hello`` (``python-slack-sdk/socket_mode_hello.json``);
tests push envelopes (``socket_mode_envelope_*.json`` shapes), await acks
(``derived/socket_mode_acks.json``), and send disconnect frames
(``derived/socket_mode_control_frames.json``) or drop connections abruptly.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from bot.emulator import requests as rq
from bot.emulator.errors import EmulatorError, EmulatorTimeout
from bot.emulator.ids import IDS

DISCONNECT_REASONS = ("warning", "refresh_requested", "too_many_websockets", "link_disabled")


@dataclass
class Connection:
    """One open WebSocket from the app."""

    id: int
    ticket: str
    ws: web.WebSocketResponse
    request: web.Request
    opened: float = field(default_factory=time.monotonic)

    @property
    def closed(self) -> bool:
        """True once the socket is closed from either side."""
        return self.ws.closed


class SocketModeServer:
    """Accepts Socket Mode connections on 127.0.0.1 and exchanges envelopes and acks."""

    def __init__(self, *, app_id: str = rq.API_APP_ID, host: str = "127.0.0.1", port: int = 0,
                 send_hello: bool = True) -> None:
        self.app_id = app_id
        self.send_hello = send_hello
        self.open_connections: list[Connection] = []
        self.connects_total = 0
        self.envelopes_sent: list[dict[str, Any]] = []
        self.acks: dict[str, dict[str, Any]] = {}
        self.frames_received: list[dict[str, Any]] = []
        self._host, self._port = host, port
        self._runner: web.AppRunner | None = None
        self._root = ""
        self._tickets: set[str] = set()
        self._ticket_counter = itertools.count(1)
        self._conn_counter = itertools.count(1)
        self._changed = asyncio.Event()

    # --- lifecycle -------------------------------------------------------------------
    async def start(self) -> str:
        """Start listening; return the ws root ("ws://127.0.0.1:PORT")."""
        if self._runner is not None:
            return self._root
        app = web.Application()
        app.router.add_get("/link", self._handle_ws)
        app.router.add_get("/link/", self._handle_ws)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self._host, self._port)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self._root = f"ws://{self._host}:{port}"
        return self._root

    async def stop(self) -> None:
        """Close every connection and stop listening."""
        for conn in list(self.open_connections):
            await conn.ws.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> SocketModeServer:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    def issue_url(self) -> str:
        """A new single-use WebSocket URL (what ``apps.connections.open`` returns)."""
        if not self._root:
            raise EmulatorError("SocketModeServer is not started")
        ticket = f"{next(self._ticket_counter)}-{IDS.envelope_id()[:8]}"
        self._tickets.add(ticket)
        return f"{self._root}/link/?ticket={ticket}&app_id={self.app_id}"

    # --- state --------------------------------------------------------------------------
    @property
    def connections(self) -> int:
        """How many WebSockets are open now."""
        self.open_connections = [c for c in self.open_connections if not c.closed]
        return len(self.open_connections)

    def _notify(self) -> None:
        event, self._changed = self._changed, asyncio.Event()
        event.set()

    async def _wait(self, condition: Any, timeout: float, what: str, expected: int, seen: Any) -> None:
        deadline = asyncio.get_running_loop().time() + timeout
        while not condition():
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                raise EmulatorTimeout(what, expected, seen(), timeout)
            try:
                await asyncio.wait_for(self._changed.wait(), min(remaining, 0.05))
            except asyncio.TimeoutError:
                pass

    async def wait_connected(self, n: int = 1, timeout: float = 5.0, *, total: bool = False) -> None:
        """Wait until ``n`` connections are open (or, with ``total``, ever opened)."""
        def count() -> int:
            return self.connects_total if total else self.connections

        await self._wait(lambda: count() >= n, timeout, "socket mode connection", n, count)

    async def wait_ack(self, envelope_id: str, timeout: float = 5.0) -> dict[str, Any]:
        """The ack frame for ``envelope_id``: ``{"envelope_id": ..., "payload": {...}?}``."""
        await self._wait(lambda: envelope_id in self.acks, timeout, f"ack {envelope_id}", 1,
                         lambda: int(envelope_id in self.acks))
        return self.acks[envelope_id]

    # --- sending ------------------------------------------------------------------------
    def _target(self) -> Connection:
        if not self.connections:
            raise EmulatorError("no open Socket Mode connection")
        return self.open_connections[-1]

    async def send_frame(self, frame: dict[str, Any], *, to_all: bool = False) -> None:
        """Send any JSON frame to the newest connection (or to all)."""
        targets = list(self.open_connections) if to_all else [self._target()]
        for conn in targets:
            if not conn.closed:
                await conn.ws.send_str(json.dumps(frame))

    async def send_envelope(
        self, type: str, payload: dict[str, Any], *, retry_attempt: int = 0, retry_reason: str = "",
        accepts_response_payload: bool | None = None, envelope_id: str | None = None,
    ) -> str:
        """Deliver one envelope to the newest connection; return its ``envelope_id``.

        ``type``: "events_api", "slash_commands" or "interactive".
        ``accepts_response_payload`` defaults to True for slash commands only.
        """
        envelope_id = envelope_id or IDS.envelope_id()
        if accepts_response_payload is None:
            accepts_response_payload = type == "slash_commands"
        envelope: dict[str, Any] = {"envelope_id": envelope_id, "payload": payload, "type": type,
                                    "accepts_response_payload": accepts_response_payload}
        if type == "events_api":
            envelope["retry_attempt"] = retry_attempt
            envelope["retry_reason"] = retry_reason
        await self.send_frame(envelope)
        self.envelopes_sent.append(envelope)
        return envelope_id

    async def send_request(self, request: rq.SlackRequest, **kwargs: Any) -> str:
        """Deliver a built :class:`~bot.emulator.requests.SlackRequest` as an envelope."""
        if request.socket_mode_type == "none":
            raise EmulatorError("this request has no Socket Mode envelope (e.g. url_verification)")
        return await self.send_envelope(request.socket_mode_type, request.payload, **kwargs)

    async def send_disconnect(self, reason: str = "refresh_requested", *, to_all: bool = False) -> None:
        """Send a ``disconnect`` frame; the client is expected to reconnect on its own."""
        frame: dict[str, Any] = {"type": "disconnect", "reason": reason,
                                 "debug_info": {"host": "applink-111-xxx"}}
        if reason == "too_many_websockets":
            frame = {"type": "disconnect", "reason": reason, "num_connections": self.connections,
                     "debug_info": {"host": "applink-111-xxx"}, "connection_info": {"app_id": self.app_id}}
        await self.send_frame(frame, to_all=to_all)

    async def drop(self) -> None:
        """Cut every connection abruptly (no close frame), like a network failure."""
        for conn in list(self.open_connections):
            if conn.request.transport is not None:
                conn.request.transport.abort()
        self._notify()

    async def close_connections(self, code: int = 1001) -> None:
        """Close every connection cleanly with a close frame."""
        for conn in list(self.open_connections):
            await conn.ws.close(code=code)
        self._notify()

    # --- receiving --------------------------------------------------------------------------
    async def _handle_ws(self, request: web.Request) -> web.StreamResponse:
        ticket = request.query.get("ticket", "")
        if ticket not in self._tickets:
            return web.Response(status=401, text="invalid ticket")
        self._tickets.discard(ticket)
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        conn = Connection(next(self._conn_counter), ticket, ws, request)
        self.open_connections.append(conn)
        self.connects_total += 1
        self._notify()
        if self.send_hello:
            await ws.send_str(json.dumps({
                "type": "hello", "num_connections": self.connections,
                "debug_info": {"host": "applink-111-xxx", "build_number": 10,
                               "approximate_connection_time": 18060},
                "connection_info": {"app_id": self.app_id},
            }))
        try:
            async for msg in ws:
                if msg.type == WSMsgType.TEXT:
                    self._on_text(msg.data)
        finally:
            if conn in self.open_connections:
                self.open_connections.remove(conn)
            self._notify()
        return ws

    def _on_text(self, data: str) -> None:
        try:
            frame = json.loads(data)
        except json.JSONDecodeError:
            frame = {"_raw": data}
        self.frames_received.append(frame)
        if isinstance(frame, dict) and "envelope_id" in frame:
            self.acks[str(frame["envelope_id"])] = frame
        self._notify()
