"""Fault injection for the fake Web API and response_url endpoints."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from aiohttp import web


@dataclass
class Fault:
    """How the next ``times`` requests to ``target`` misbehave.

    ``target`` is a Web API method ("chat.postMessage"), "response_url" (every
    response_url) or one full response_url. Outcome, in priority order:
    ``drop`` closes the connection with no answer; ``status`` answers with that
    HTTP status (429 adds Retry-After); ``error`` answers 200 ``{"ok": false,
    "error": error}``; otherwise the request succeeds normally. First, in
    every case, the request waits for ``hold`` to be set (when given), then
    ``delay`` seconds pass.
    """

    target: str
    times: int = 1
    status: int | None = 429
    retry_after: int | None = 1
    drop: bool = False
    delay: float = 0.0
    error: str | None = None
    hold: asyncio.Event | None = None
    used: int = 0

    @property
    def remaining(self) -> int:
        """How many more requests this fault will affect."""
        return max(self.times - self.used, 0)


class FaultPlan:
    """The pending faults, consumed first-in first-out per target."""

    def __init__(self) -> None:
        self.faults: list[Fault] = []

    def add(self, fault: Fault) -> Fault:
        """Schedule ``fault``."""
        self.faults.append(fault)
        return fault

    def take(self, *targets: str) -> Fault | None:
        """The first pending fault for any of ``targets``, counting one use of it."""
        for fault in self.faults:
            if fault.target in targets and fault.remaining > 0:
                fault.used += 1
                return fault
        return None

    def clear(self) -> None:
        """Forget every pending fault."""
        self.faults.clear()


async def fault_response(
    request: web.Request, fault: Fault, *, json_body: bool
) -> tuple[web.StreamResponse, dict[str, Any] | None] | None:
    """The faulty answer (and its JSON body) for ``fault``, or None to answer normally.

    ``json_body``: Web API style bodies (``{"ok": false, "error": "ratelimited"}``,
    ``derived/web_api_rate_limited_429.json``); otherwise the response_url style
    (429 with an empty body).
    """
    if fault.hold is not None:
        await fault.hold.wait()
    if fault.delay:
        await asyncio.sleep(fault.delay)
    if fault.drop:
        if request.transport is not None:
            request.transport.abort()
        return web.Response(status=599), None  # never reaches the client: the socket is gone
    if fault.status == 429:
        headers = {"Retry-After": str(fault.retry_after)} if fault.retry_after is not None else {}
        if not json_body:
            return web.Response(status=429, headers=headers, text=""), None
        body = {"ok": False, "error": "ratelimited"}
        return web.json_response(body, status=429, headers=headers), body
    if fault.status is not None and fault.status >= 500:
        return web.Response(status=fault.status, text=f"{fault.status} error", content_type="text/plain"), None
    if fault.status is not None or fault.error is not None:
        body = {"ok": False, "error": fault.error or "fault_injected"}
        return web.json_response(body, status=fault.status or 200), body
    return None
