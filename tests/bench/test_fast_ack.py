"""bot.fast_ack: the ack goes out as soon as the listener calls it, with Bolt's semantics kept.

Each test dispatches a signed request through a real ``AsyncApp`` (the level of
Bolt's own scenario tests) with the fast runner installed. Timing checks are
none: "fast" is checked by the response being there after a wait that Bolt's
10 ms poll could not have finished in, measured in loop iterations.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from types import SimpleNamespace

import pytest
from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_bolt.listener.asyncio_runner import AsyncioListenerRunner

from bot import fast_ack, runtime
from slack_sdk.models.blocks import DividerBlock
from slack_sdk.web.async_client import AsyncWebClient

from bot.emulator import requests as rq
from bot.emulator.fake_web_api import FakeSlackAPI

SECRET = "test-signing-secret"


@pytest.fixture
async def app_with():
    """``app_with(install=True, **AsyncApp kwargs)``: an app whose auth.test goes to a fake Slack."""
    async with FakeSlackAPI() as fake:

        def make(install: bool = True, **kwargs) -> AsyncApp:
            client = AsyncWebClient(token="xoxb-test", base_url=fake.base_url)
            app = AsyncApp(signing_secret=SECRET, client=client, **kwargs)
            if install:
                fast_ack.install(app)
            return app

        yield make


def command(text: str = "hello"):
    return rq.slash_command(text).as_bolt_request(SECRET)


def click():
    return rq.block_actions("flow_1", "v", response_url="https://hooks.slack.com/actions/T/1/x").as_bolt_request(SECRET)


class CountingLoop:
    """Counts event-loop iterations while ``coro`` runs (Bolt's poll needs ~10 ms of them)."""

    def __init__(self) -> None:
        self.ticks = 0

    async def run(self, coro):
        stop = False

        async def tick():
            while not stop:
                self.ticks += 1
                await asyncio.sleep(0)

        ticker = asyncio.create_task(tick())
        try:
            return await coro
        finally:
            stop = True
            await ticker


def test_the_max_in_flight_setting_reaches_the_runner():
    from tests.bench.test_fast_args import bot_app

    assert bot_app().listener_runner.max_in_flight == 16
    assert bot_app({"MAX_IN_FLIGHT": "7"}).listener_runner.max_in_flight == 7


def test_install_swaps_the_runner_and_keeps_its_handlers(app_with):
    app = app_with(install=False)
    before = app.listener_runner
    fast_ack.install(app)
    after = app.listener_runner
    assert isinstance(after, fast_ack.FastAckListenerRunner)
    assert after.listener_error_handler is before.listener_error_handler
    assert after.listener_completion_handler is before.listener_completion_handler
    assert after.lazy_listener_runner is before.lazy_listener_runner
    fast_ack.install(app)
    assert app.listener_runner is after  # idempotent


async def test_command_ack_body_comes_back_without_a_poll_interval(app_with):
    app = app_with()

    async def listener(ack: AsyncAck) -> None:
        await ack(text="the answer")

    app.command("/flaskvsdjango")(listener)
    counter = CountingLoop()
    resp = await counter.run(app.async_dispatch(command()))
    assert resp.status == 200 and "the answer" in resp.body
    # Bolt's runner sleeps 10 ms between checks; the fast one needs a few iterations.
    assert counter.ticks < 20


async def test_ack_after_an_await_still_wakes_the_runner(app_with):
    app = app_with()
    gate = asyncio.Event()

    async def listener(ack: AsyncAck) -> None:
        await gate.wait()
        await ack(text="late")

    app.action(re.compile(".*"))(listener)
    dispatch = asyncio.create_task(app.async_dispatch(click()))
    for _ in range(5):
        await asyncio.sleep(0)
    assert not dispatch.done()
    gate.set()
    resp = await asyncio.wait_for(dispatch, 1)
    assert resp.status == 200 and resp.body == "late"


async def test_work_after_the_ack_runs_after_the_response(app_with):
    app = app_with()
    done = asyncio.Event()

    async def listener(ack: AsyncAck) -> None:
        await ack()
        await asyncio.sleep(0.05)
        done.set()

    app.action(re.compile(".*"))(listener)
    resp = await app.async_dispatch(click())
    assert resp.status == 200 and not done.is_set()
    await asyncio.wait_for(done.wait(), 1)


async def test_error_before_ack_is_a_500_through_the_error_handler(app_with):
    app = app_with()
    seen: list[Exception] = []

    @app.error
    async def on_error(error, body):  # noqa: ANN001
        seen.append(error)

    async def listener(ack: AsyncAck) -> None:
        raise RuntimeError("boom")

    app.command("/flaskvsdjango")(listener)
    resp = await asyncio.wait_for(app.async_dispatch(command()), 1)
    assert resp.status == 500
    assert [str(e) for e in seen] == ["boom"]


async def test_no_ack_waits_for_ack_timeout_then_warns(app_with, caplog):
    app = app_with()

    async def listener(ack: AsyncAck) -> None:
        await asyncio.sleep(10)

    app.command("/flaskvsdjango")(listener)
    app._async_listeners[-1].ack_timeout = 0.05  # Bolt's default is 3 s
    with caplog.at_level(logging.WARNING):
        resp = await asyncio.wait_for(app.async_dispatch(command()), 2)
    # No listener acked: Bolt answers 404 "unhandled" after warning that ack() was not called.
    assert resp.status == 404
    assert any("ack()" in r.getMessage() for r in caplog.records)


async def test_events_are_acked_before_the_listener_runs(app_with):
    app = app_with()
    started = asyncio.Event()

    async def listener(event) -> None:  # noqa: ANN001
        started.set()

    app.event("app_mention")(listener)
    resp = await app.async_dispatch(rq.app_mention("<@W23456789> hi").as_bolt_request(SECRET))
    assert resp.status == 200
    await asyncio.wait_for(started.wait(), 1)


async def test_lazy_listeners_still_run(app_with):
    app = app_with()
    ran = asyncio.Event()

    async def ack_now(ack: AsyncAck) -> None:
        await ack(text="ok")

    async def later(body) -> None:  # noqa: ANN001
        ran.set()

    app.command("/flaskvsdjango")(ack=ack_now, lazy=[later])
    resp = await app.async_dispatch(command())
    assert resp.status == 200 and resp.body == "ok"
    await asyncio.wait_for(ran.wait(), 1)


async def test_process_before_response_is_bolts_own_path(app_with):
    app = app_with(process_before_response=True)
    order: list[str] = []

    async def listener(ack: AsyncAck) -> None:
        await ack(text="ok")
        order.append("after ack")

    app.command("/flaskvsdjango")(listener)
    resp = await app.async_dispatch(command())
    assert resp.status == 200 and order == ["after ack"]


@pytest.mark.parametrize("runner_class", [AsyncioListenerRunner, fast_ack.FastAckListenerRunner])
async def test_same_responses_as_bolts_runner(app_with, runner_class):
    """The fast runner answers exactly what Bolt's answers, for an ack with blocks."""
    app = app_with(install=runner_class is fast_ack.FastAckListenerRunner)

    async def listener(ack: AsyncAck) -> None:
        await ack(response_type="ephemeral", text="t", blocks=[{"type": "divider"}])

    app.command("/flaskvsdjango")(listener)
    resp = await app.async_dispatch(command())
    assert resp.status == 200
    assert json.loads(resp.body) == {"text": "t", "blocks": [{"type": "divider"}], "response_type": "ephemeral"}


ACK_CALLS = {
    "text only": dict(text="plain"),
    "reply with blocks": dict(text="t", response_type="ephemeral", blocks=[{"type": "divider"}]),
    "non-ASCII and escapes": dict(text="café \"quoted\" <&>", blocks=[{"type": "section", "text": {"type": "mrkdwn", "text": "ünïcode ✓\n"}}]),
    "unfurl flags": dict(text="t", blocks=[{"type": "divider"}], unfurl_links=False, unfurl_media=True),
    "empty blocks": dict(text="t", blocks=[]),
    "attachments": dict(text="t", attachments=[{"text": "a"}]),
    "options": dict(options=[{"text": {"type": "plain_text", "text": "o"}, "value": "v"}]),
    "whole response": dict(text={"text": "w", "blocks": [{"type": "divider"}]}),
    "Block objects": dict(text="t", blocks=[DividerBlock()]),
    "view errors": dict(response_action="errors", errors={"b": "bad"}),
}


@pytest.mark.parametrize("call", list(ACK_CALLS.values()), ids=list(ACK_CALLS))
async def test_signalling_ack_answers_what_bolts_ack_answers(call):
    """Same status, headers and JSON (key order too) as Bolt's ``AsyncAck``; orjson only for text and dict blocks."""
    ours, bolts = await fast_ack.SignallingAck()(**call), await AsyncAck()(**call)
    assert (ours.status, ours.headers) == (bolts.status, bolts.headers)
    if bolts.body.startswith("{"):
        assert list(json.loads(ours.body).items()) == list(json.loads(bolts.body).items())
    else:
        assert ours.body == bolts.body


def busy_after_ack(app):
    """``app`` with a command listener that acks, then works until the returned event is set."""
    release = asyncio.Event()

    @app.command("/flaskvsdjango")
    async def slow(ack: AsyncAck) -> None:
        await ack()
        await release.wait()

    return app, release


async def test_busy_listeners_hold_back_the_next_ack_and_are_kept_referenced(app_with):
    """With max_in_flight runs still working after their acks, the next ack waits for one to finish."""
    app, release = busy_after_ack(app_with())
    fast_ack.install(app, max_in_flight=2)  # installed already: sets the limit
    runner = app.listener_runner
    first = [await app.async_dispatch(command()) for _ in range(2)]  # within the limit: answered at once
    assert [r.status for r in first] == [200, 200]
    assert len(runner.in_flight) == 2
    third = asyncio.ensure_future(app.async_dispatch(command()))
    for _ in range(50):
        await asyncio.sleep(0)
    assert not third.done(), "the third ack must wait while two listeners are busy"
    release.set()
    assert (await asyncio.wait_for(third, 5)).status == 200
    for _ in range(50):
        await asyncio.sleep(0)
    assert runner.in_flight == set()


async def test_a_held_ack_goes_out_after_max_hold_even_while_every_run_is_busy(app_with, monkeypatch):
    """Slack retries a request it has no ack for after 3 s: holding an ack for the whole ack
    timeout would make every held request arrive twice."""
    monkeypatch.setattr(fast_ack, "MAX_HOLD_SECONDS", 0.05)
    app, release = busy_after_ack(app_with())
    fast_ack.install(app, max_in_flight=1)
    for listener in app._async_listeners:
        listener.ack_timeout = 60  # the hold, not the ack timeout, must let the ack go
    assert (await app.async_dispatch(command())).status == 200  # the one busy run
    held = await asyncio.wait_for(app.async_dispatch(command()), 10)
    assert held.status == 200 and not release.is_set()
    assert len(app.listener_runner.in_flight) == 2  # both runs still kept referenced
    release.set()


async def test_drain_waits_for_listener_runs_after_their_acks(app_with):
    app = app_with()
    finished = []

    @app.command("/flaskvsdjango")
    async def late(ack: AsyncAck) -> None:
        await ack()
        await asyncio.sleep(0.05)
        finished.append(True)

    assert (await app.async_dispatch(command())).status == 200
    assert finished == []
    await runtime.drain(app, SimpleNamespace(background=frozenset()), 5)  # what shutdown runs
    assert finished == [True]


async def test_held_acks_go_out_oldest_first(app_with):
    """Acks held back by busy listeners are let go in arrival order, one per finished run."""
    app = app_with()
    fast_ack.install(app, max_in_flight=1)
    releases: list[asyncio.Event] = []

    @app.command("/flaskvsdjango")
    async def slow(ack: AsyncAck) -> None:
        release = asyncio.Event()
        releases.append(release)
        await ack()
        await release.wait()

    assert (await app.async_dispatch(command())).status == 200  # the one busy run
    held = []
    for _ in range(3):
        held.append(asyncio.ensure_future(app.async_dispatch(command())))
        for _ in range(20):
            await asyncio.sleep(0)
    assert not any(h.done() for h in held)
    for i, release in enumerate(releases[:3]):
        release.set()  # one run finishes: exactly the oldest held ack goes out
        for _ in range(20):
            await asyncio.sleep(0)
        assert [h.done() for h in held] == [j <= i for j in range(3)]
    releases[3].set()
    await asyncio.gather(*held)
