"""Listener arguments built by name, not all of Bolt's ~30 for every call.

Bolt calls a listener through ``build_async_required_kwargs``, which builds
every argument a listener could ask for (``say``, ``respond``, ``complete``,
``set_status``, each payload view...) and then keeps the few the listener
names: ~5 µs a request in a tight loop, ~3% of a mention's CPU in the server.
``DirectListener`` builds only the arguments its function names, each exactly
as Bolt builds it. A listener naming anything else (a context key, ``say``,
``args``, a method's ``self``) keeps Bolt's way.

``install(app)`` swaps them in, after every listener is registered.
"""

from __future__ import annotations

import inspect
from typing import Any, Callable, Optional

from slack_bolt.async_app import AsyncApp
from slack_bolt.listener.async_listener import AsyncCustomListener
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.request.payload_utils import to_action, to_command, to_event
from slack_bolt.response import BoltResponse

__all__ = ["DirectListener", "install"]

# What Bolt passes for each name (slack_bolt.kwargs_injection.async_utils).
_ARGUMENTS: dict[str, Callable[[AsyncBoltRequest], Any]] = {
    "ack": lambda req: req.context.ack,
    "body": lambda req: req.body,
    "client": lambda req: req.context.client,
    "context": lambda req: req.context,
    "event": lambda req: to_event(req.body),
    "command": lambda req: to_command(req.body),
    "action": lambda req: to_action(req.body),
}


class DirectListener(AsyncCustomListener):
    """The same listener (matchers, middleware, function, logger), its arguments built by name."""

    def __init__(self, listener: AsyncCustomListener) -> None:
        vars(self).update(vars(listener))  # not super().__init__: that would make a new logger and arg_names
        self._arguments = tuple((name, _ARGUMENTS[name]) for name in listener.arg_names)

    def arguments(self, request: AsyncBoltRequest) -> dict[str, Any]:
        return {name: build(request) for name, build in self._arguments}

    async def run_ack_function(self, *, request: AsyncBoltRequest, response: BoltResponse) -> Optional[BoltResponse]:
        return await self.ack_function(**{name: build(request) for name, build in self._arguments})


def _direct(listener: Any) -> Any:
    if (type(listener) is AsyncCustomListener and not inspect.ismethod(listener.ack_function)
            and all(name in _ARGUMENTS for name in listener.arg_names)):
        return DirectListener(listener)
    return listener


def install(app: AsyncApp) -> None:
    """Swap every listener whose arguments ``DirectListener`` knows for one."""
    listeners = app._async_listeners  # Bolt has no public accessor
    listeners[:] = [_direct(listener) for listener in listeners]
