"""Bolt's built-in listener matchers, called with the one argument they read.

Every listener's primary matcher (``app.command(...)``, ``app.event(...)``,
``app.action(...)``) is an ``AsyncBuiltinListenerMatcher`` around a function of
``body`` alone. Bolt calls it through its argument injection, which builds all
~30 injectable arguments (``say``, ``respond``, ``action``, ``view``...) for
each listener it tries, in registration order, before it finds the one that
matches: a click on a flow button is tried against nine listeners. A
``BodyMatcher`` calls the same function with ``body=req.body``: same answer,
none of the building.

``install(app)`` swaps them in, after every listener is registered. Matchers
of any other kind (custom ``matchers=[...]``, functions of other arguments)
are left to Bolt.
"""

from __future__ import annotations

from typing import Any, Awaitable, Callable

from slack_bolt.async_app import AsyncApp
from slack_bolt.listener_matcher.async_builtins import AsyncBuiltinListenerMatcher
from slack_bolt.listener_matcher.async_listener_matcher import AsyncListenerMatcher
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

__all__ = ["BodyMatcher", "install"]


class BodyMatcher(AsyncListenerMatcher):
    """A built-in matcher whose function reads only ``body``, called directly."""

    def __init__(self, builtin: AsyncBuiltinListenerMatcher) -> None:
        self.func: Callable[..., Awaitable[bool]] = builtin.func

    async def async_matches(self, req: AsyncBoltRequest, resp: BoltResponse) -> bool:
        return await self.func(body=req.body)


def _direct(matcher: Any) -> Any:
    if type(matcher) is AsyncBuiltinListenerMatcher and list(matcher.arg_names) == ["body"]:
        return BodyMatcher(matcher)
    return matcher


def install(app: AsyncApp) -> None:
    """Give every registered listener ``BodyMatcher``s where Bolt's built-in ones read only the body."""
    for listener in app._async_listeners:  # Bolt has no public accessor
        listener.matchers = [_direct(m) for m in listener.matchers]
