"""Answer Slack as soon as a listener calls ``ack()``, not on Bolt's next 10 ms poll.

slack-bolt 1.30's ``AsyncioListenerRunner.run`` starts the listener as a task,
then waits for the ack by polling::

    while ack.response is None and time.time() - starting_time <= listener.ack_timeout:
        await asyncio.sleep(0.01)

so every slash command and button click (everything that is not auto-acked)
waits at least 10 ms, idle or not, and each request in flight wakes the loop
100 times a second. ``FastAckListenerRunner`` replaces only that wait: the
request's ``ack`` becomes a ``SignallingAck`` that sets an ``asyncio.Event``
whenever its ``response`` is assigned (by ``ack()`` or by Bolt's error path),
and the runner waits on the event with the same ``ack_timeout``. Everything
else (process_before_response, lazy listeners, the error and completion
handlers, the "did not call ack()" warning, the 500 on a listener error before
the ack) is Bolt's own code or a line-for-line copy of it.

``install(app)`` swaps the runner into an ``AsyncApp``; call it once, after the
app is built, before it serves.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from typing import Any, Optional, Sequence

import orjson
from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.listener.async_listener import AsyncListener
from slack_bolt.listener.asyncio_runner import AsyncioListenerRunner
from slack_bolt.logger.messages import warning_did_not_call_ack
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

from bot.config import DEFAULT_MAX_IN_FLIGHT

__all__ = ["FastAckListenerRunner", "SignallingAck", "install"]


_JSON = {"content-type": "application/json;charset=utf-8"}  # what BoltResponse gives a dict body


class SignallingAck(AsyncAck):
    """An ``AsyncAck`` whose ``response`` assignments set ``acked``.

    ``response`` stays a plain attribute for readers (Bolt reads and writes
    ``ack.response`` directly); the property only adds the signal.
    """

    def __init__(self, response: Optional[BoltResponse] = None) -> None:
        self.acked = asyncio.Event()
        self._response: Optional[BoltResponse] = None
        super().__init__()
        self.response = response

    async def __call__(  # type: ignore[override]
        self,
        text: str | dict[str, Any] = "",
        blocks: Optional[Sequence[Any]] = None,
        attachments: Optional[Sequence[Any]] = None,
        unfurl_links: Optional[bool] = None,
        unfurl_media: Optional[bool] = None,
        response_type: Optional[str] = None,
        **rest: Any,
    ) -> BoltResponse:
        """Bolt's ``ack()``; a message of text and Block Kit dicts is serialised by orjson.

        That is what our listeners send (the reply to a slash command rides on its ack):
        the body is the one Bolt builds, key for key, in ~3 µs instead of ``json.dumps``'s
        ~25. Anything else (attachments, options, views, errors, Block objects) is Bolt's path.
        """
        if (isinstance(text, str) and blocks and attachments is None and not any(v is not None for v in rest.values())
                and all(type(b) is dict for b in blocks)):
            body: dict[str, Any] = {"text": text}
            if response_type:
                body["response_type"] = response_type
            if unfurl_links is not None:
                body["unfurl_links"] = unfurl_links
            if unfurl_media is not None:
                body["unfurl_media"] = unfurl_media
            body["blocks"] = list(blocks)
            self.response = BoltResponse(status=200, body=orjson.dumps(body).decode(), headers=_JSON)
            return self.response
        return await super().__call__(text, blocks, attachments, unfurl_links, unfurl_media, response_type, **rest)

    @property  # type: ignore[override]
    def response(self) -> Optional[BoltResponse]:
        return self._response

    @response.setter
    def response(self, value: Optional[BoltResponse]) -> None:
        self._response = value
        if value is not None:
            self.acked.set()


def _signalling_ack(request: AsyncBoltRequest) -> AsyncAck:
    """The request's ack, replaced by a ``SignallingAck`` if it is Bolt's plain one.

    Bolt's context creates the ack lazily; a middleware may already have made
    (but not called) one. A plain ack that already holds a response needs no
    signal, so it is kept as is.
    """
    ack = request.context.ack
    if isinstance(ack, SignallingAck) or ack.response is not None or type(ack) is not AsyncAck:
        return ack
    signalling = SignallingAck()
    request.context["ack"] = signalling
    return signalling


async def _wait_for_ack(ack: AsyncAck, deadline: float) -> None:
    """Until ``ack.response`` is set or ``deadline`` (``time.time()``) passes."""
    acked = getattr(ack, "acked", None)
    if acked is None:  # someone else's ack class: Bolt's poll
        while ack.response is None and time.time() <= deadline:
            await asyncio.sleep(0.01)
        return
    # Listeners that build their reply without awaiting I/O (ours) ack during the
    # loop iteration after they were scheduled: one yield usually suffices, and
    # costs less than arming a timer.
    if ack.response is None:
        await asyncio.sleep(0)
    while ack.response is None:
        remaining = deadline - time.time()
        if remaining < 0:
            return
        acked.clear()
        try:
            async with asyncio.timeout(remaining):
                await acked.wait()
        except TimeoutError:
            return


# An ack held back while ``max_in_flight`` listener runs are still sending their replies (the
# MAX_IN_FLIGHT setting) goes out after this anyway: Slack gives up on an ack 3 s after it sent
# the request (then retries it), and the request may have queued before it reached us.
MAX_HOLD_SECONDS = 2.0


class FastAckListenerRunner(AsyncioListenerRunner):
    """Bolt's runner, with the ack wait event-driven instead of polled every 10 ms.

    It also keeps a reference to every listener run still working after its ack
    (Bolt's own ``ensure_future`` keeps none, so a run could be garbage-collected
    mid-flight), and bounds them: with ``max_in_flight`` runs busy, the next ack
    waits for one to finish (up to the ack timeout), so a burst slows the sender
    down instead of piling up unbounded work and memory.
    """

    def __init__(self, *args: Any, max_in_flight: int = DEFAULT_MAX_IN_FLIGHT, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.max_in_flight = max_in_flight
        self.in_flight: set[asyncio.Task[None]] = set()  # every listener run not finished yet
        self._busy: set[asyncio.Task[None]] = set()  # those whose ack has gone out: what max_in_flight bounds
        # acks held back, oldest first: each run's task -> the future that lets its ack go
        self._held: OrderedDict[asyncio.Task[None], asyncio.Future[None]] = OrderedDict()

    async def run(
        self,
        request: AsyncBoltRequest,
        response: BoltResponse,
        listener_name: str,
        listener: AsyncListener,
        starting_time: Optional[float] = None,
    ) -> Optional[BoltResponse]:
        if self.process_before_response or request.lazy_only:
            # Bolt does not poll with process_before_response; lazy-only requests
            # keep Bolt's path exactly.
            return await super().run(request, response, listener_name, listener, starting_time)

        starting_time = starting_time if starting_time is not None else time.time()
        ack = _signalling_ack(request)
        if listener.auto_acknowledgement:
            # acknowledge immediately in case of Events API
            await ack()

        async def run_ack_function_asynchronously(
            ack: AsyncAck, request: AsyncBoltRequest, response: BoltResponse
        ) -> None:
            # A copy of Bolt's closure (slack_bolt/listener/asyncio_runner.py, 1.30).
            try:
                await self.listener_start_handler.handle(request=request, response=response)
                await listener.run_ack_function(request=request, response=response)
            except Exception as e:
                if response is None:
                    response = BoltResponse(status=500)
                response.status = 500
                if ack.response is not None:  # already acknowledged
                    response = None  # type: ignore[assignment]
                await self.listener_error_handler.handle(error=e, request=request, response=response)
                ack.response = response
            finally:
                await self.listener_completion_handler.handle(request=request, response=response)

        task = asyncio.ensure_future(run_ack_function_asynchronously(ack, request, response))
        self.in_flight.add(task)
        task.add_done_callback(self._finished)

        for lazy_func in listener.lazy_functions:
            # request.lazy_function_name is only set on lazy-only requests, handled above.
            self._start_lazy_function(lazy_func, request)

        await _wait_for_ack(ack, starting_time + listener.ack_timeout)
        await self._wait_for_room(task, starting_time + min(listener.ack_timeout, MAX_HOLD_SECONDS))

        if response is None and ack.response is None:
            self.logger.warning(warning_did_not_call_ack(listener_name))
            return None
        if response is None and ack.response is not None:
            response = ack.response
            self._debug_log_completion(starting_time, response)
            return response
        if response is not None:
            return response
        return None  # pragma: no cover - Bolt's own unreachable tail


    async def _wait_for_room(self, task: asyncio.Task[None], deadline: float) -> None:
        """Hold this ack while ``max_in_flight`` acked runs are still working; first held, first let go.

        A run that already finished needs no room. At the deadline (``MAX_HOLD_SECONDS``
        after the request came in) the ack goes out anyway, before Slack gives up on it
        and retries, and the run counts as busy.
        """
        if task.done():
            return
        if not self._held and len(self._busy) < self.max_in_flight:
            self._busy.add(task)
            return
        room = asyncio.get_running_loop().create_future()
        self._held[task] = room
        try:
            async with asyncio.timeout(max(0.0, deadline - time.time())):
                await room
        except TimeoutError:
            if not task.done():
                self._busy.add(task)
        finally:
            self._held.pop(task, None)

    def _finished(self, task: asyncio.Task[None]) -> None:
        """A run is done: let held acks go, oldest first, while there is room (its own ack at once)."""
        self.in_flight.discard(task)
        self._busy.discard(task)
        own = self._held.pop(task, None)
        if own is not None and not own.done():
            own.set_result(None)
        while self._held and len(self._busy) < self.max_in_flight:
            waiting, room = self._held.popitem(last=False)
            if not room.done():
                self._busy.add(waiting)
                room.set_result(None)


def install(app: AsyncApp, max_in_flight: int = DEFAULT_MAX_IN_FLIGHT) -> None:
    """Replace ``app``'s listener runner with a ``FastAckListenerRunner`` (same handlers).

    ``max_in_flight``: acked runs still working before the next ack waits (the MAX_IN_FLIGHT setting).
    """
    current = app.listener_runner
    if isinstance(current, FastAckListenerRunner):
        current.max_in_flight = max_in_flight
        return
    runner = FastAckListenerRunner(
        max_in_flight=max_in_flight,
        logger=current.logger,
        process_before_response=current.process_before_response,
        listener_error_handler=current.listener_error_handler,
        listener_start_handler=current.listener_start_handler,
        listener_completion_handler=current.listener_completion_handler,
        lazy_listener_runner=current.lazy_listener_runner,
    )
    app._async_listener_runner = runner  # Bolt has no public setter
