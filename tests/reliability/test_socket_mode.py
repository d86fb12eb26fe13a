"""Socket Mode resilience: ``python -m bot`` against the local Socket Mode server, losing its socket.

The bot runs as a subprocess (as deployed) with SLACK_APP_TOKEN; the test
process plays Slack: ``FakeSlackAPI`` hands out WebSocket URLs from
``apps.connections.open`` and ``SocketModeServer`` pushes envelopes. slack_sdk's
aiohttp client checks its session every ``ping_interval`` (SOCKET_PING_INTERVAL,
2 s in these tests, 10 s by default), so a reconnection takes up to one interval,
and noticing a silent connection about two (aiohttp's heartbeat: a ping after
one interval, no pong within half of one, close; then the next session check
replaces it).
"""

from __future__ import annotations

import asyncio
import signal
from urllib.parse import urlsplit, urlunsplit

import aiohttp
import pytest

from bot.emulator import FakeSlackAPI, SocketModeServer
from tests.process.conftest import start_socket_bot
from tests.reliability.conftest import settle

PING_INTERVAL = 2
RECONNECT_TIMEOUT = 20.0   # see above: 2 s for a closed socket, ~4 s for a silent one, plus slack


async def health(bot) -> tuple[int, dict]:
    async with aiohttp.ClientSession() as session:
        async with session.get(bot.url + "/healthz") as resp:
            return resp.status, await resp.json()


async def wait_health(bot, status: int, timeout: float = RECONNECT_TIMEOUT) -> dict:
    deadline = asyncio.get_running_loop().time() + timeout
    seen = None
    while asyncio.get_running_loop().time() < deadline:
        seen = await health(bot)
        if seen[0] == status:
            return seen[1]
        await asyncio.sleep(0.05)
    raise AssertionError(f"/healthz never answered {status} in {timeout}s; last {seen}")


async def start_bot(bot_process, fake: FakeSlackAPI, socket: SocketModeServer):
    return await start_socket_bot(bot_process, fake, socket, SOCKET_PING_INTERVAL=str(PING_INTERVAL))


async def answers_a_mention(fake: FakeSlackAPI, socket: SocketModeServer, timeout: float = 10.0) -> None:
    before = len(fake.calls_to("chat.postMessage"))
    alice = fake.user()
    envelope_id = await socket.send_request(alice.mention("what is a blueprint"))
    await socket.wait_ack(envelope_id, timeout=timeout)
    posts = await fake.wait_for("chat.postMessage", count=before + 1, timeout=timeout)
    assert posts[-1].ok and posts[-1].params["thread_ts"] == alice.last_message.ts


async def stop_cleanly(bot) -> str:
    code, _, logs = await asyncio.to_thread(bot.stop, signal.SIGTERM)
    assert code == 0, logs[-3000:]
    return logs


@pytest.mark.parametrize("reason", ["warning", "refresh_requested"])
async def test_after_a_disconnect_frame_the_bot_reconnects_and_answers(bot_process, reason):
    socket = SocketModeServer()
    async with FakeSlackAPI(socket_mode=socket) as fake:
        bot = await start_bot(bot_process, fake, socket)
        await answers_a_mention(fake, socket)
        await socket.send_disconnect(reason)
        await socket.wait_connected(2, timeout=RECONNECT_TIMEOUT, total=True)
        await socket.wait_connected(1, timeout=5)
        assert len(fake.calls_to("apps.connections.open")) == 2, "a fresh URL for the new socket"
        await answers_a_mention(fake, socket)
        assert (await health(bot))[0] == 200


async def test_after_a_dropped_connection_the_bot_reconnects_and_answers(bot_process):
    socket = SocketModeServer()
    async with FakeSlackAPI(socket_mode=socket) as fake:
        bot = await start_bot(bot_process, fake, socket)
        await socket.drop()
        await socket.wait_connected(2, timeout=RECONNECT_TIMEOUT, total=True)
        await answers_a_mention(fake, socket)
        logs = await stop_cleanly(bot)  # and the reconnect loop does not keep it from exiting
        assert logs.count("has been established") == 2


async def test_healthz_is_503_while_the_socket_is_down_and_200_once_back(bot_process):
    socket = SocketModeServer()
    async with FakeSlackAPI(socket_mode=socket) as fake:
        bot = await start_bot(bot_process, fake, socket)
        fake.fail("apps.connections.open", times=10_000, status=500)  # Slack cannot hand out a new socket
        await socket.drop()
        down = await wait_health(bot, 503)
        assert down == {"ok": False, "detail": "socket down"}
        await asyncio.sleep(1)
        assert (await health(bot))[0] == 503, "still down while no socket can be opened"
        assert socket.connections == 0

        fake.faults.clear()
        up = await wait_health(bot, 200)
        assert up == {"ok": True, "detail": "socket connected"}
        await answers_a_mention(fake, socket)


async def test_a_retried_events_api_envelope_is_answered_once(bot_process):
    socket = SocketModeServer()
    async with FakeSlackAPI(socket_mode=socket) as fake:
        bot = await start_bot(bot_process, fake, socket)
        mention = fake.user().mention("what is a blueprint")
        first = await socket.send_request(mention)
        retry = await socket.send_request(mention, retry_attempt=1, retry_reason="timeout")
        assert first != retry
        await socket.wait_ack(first)
        await socket.wait_ack(retry)
        await fake.wait_for("chat.postMessage")
        await settle(1.0)
        assert len(fake.calls_to("chat.postMessage")) == 1
        sent = [e for e in socket.envelopes_sent if e["type"] == "events_api"]
        assert [e["retry_attempt"] for e in sent] == [0, 1]
        assert sent[0]["payload"]["event_id"] == sent[1]["payload"]["event_id"]
        assert "repeated delivery of event" in bot.logs()


async def test_malformed_envelopes_are_acked_logged_and_do_not_stop_the_socket(bot_process):
    """Envelopes get the same shape check as HTTP bodies (bot.payloads): acked empty so Slack does not
    retry them, logged once with the cause, and the socket keeps serving."""
    socket = SocketModeServer()
    async with FakeSlackAPI(socket_mode=socket) as fake:
        bot = await start_bot(bot_process, fake, socket)
        bad = [
            await socket.send_envelope("events_api", {"type": "event_callback", "event": "app_mention",
                                                      "event_id": "Ev0BAD1", "team_id": "T0G9PQBBK"}),
            await socket.send_envelope("interactive", {"type": "block_actions", "actions": "menu_compare",
                                                       "user": "W222", "team": {"id": "T0G9PQBBK"}}),
            await socket.send_envelope("interactive", {"type": "block_actions", "actions": [7], "user": {"id": "W1"}}),
        ]
        for envelope_id in bad:
            ack = await socket.wait_ack(envelope_id, timeout=5)
            assert ack == {"envelope_id": envelope_id}
        await answers_a_mention(fake, socket)
        logs = bot.logs()
        assert "event_callback without an event object" in logs
        assert "user is str, not dict" in logs
        assert "actions[0] is not an object with an action_id" in logs
        assert "Traceback" not in logs
        assert socket.connects_total == 1, "the same socket: no reconnection was needed"
        assert [c.method for c in fake.calls if c.method.startswith("chat.")] == ["chat.postMessage"]
        assert (await health(bot))[0] == 200


# --- a connection that goes silent -----------------------------------------------------------------

class SilenceableProxy:
    """A TCP proxy in front of the Socket Mode server that can make its connections go silent.

    ``silence()`` keeps every current connection open but delivers nothing either
    way (no frames, no pongs), like a NAT box that forgot the flow. Connections
    made afterwards pass normally. The emulator's server always answers pings
    (aiohttp autoping), so the silence has to come from the network in between.
    """

    def __init__(self, upstream: str) -> None:
        parts = urlsplit(upstream)
        self.upstream_host, self.upstream_port = parts.hostname, parts.port
        self.port = 0
        self._silent: list[dict[str, bool]] = []
        self._server: asyncio.base_events.Server | None = None

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()

    def silence(self) -> None:
        for flag in self._silent:
            flag["on"] = True

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection(self.upstream_host, self.upstream_port)
        flag = {"on": False}
        self._silent.append(flag)

        async def pump(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            try:
                while data := await src.read(65536):
                    if not flag["on"]:
                        dst.write(data)
                        await dst.drain()
            except (ConnectionError, asyncio.CancelledError):
                pass
            finally:
                dst.close()

        await asyncio.gather(pump(reader, up_writer), pump(up_reader, writer))


class ProxiedSocketModeServer(SocketModeServer):
    """Hands out WebSocket URLs that go through ``proxy``."""

    proxy: SilenceableProxy | None = None

    def issue_url(self) -> str:
        url = urlsplit(super().issue_url())
        if self.proxy is not None:
            url = url._replace(netloc=f"127.0.0.1:{self.proxy.port}")
        return urlunsplit(url)


async def test_a_silent_connection_is_noticed_and_replaced(bot_process):
    socket = ProxiedSocketModeServer()
    async with FakeSlackAPI(socket_mode=socket) as fake:
        proxy = SilenceableProxy(await socket.start())
        await proxy.start()
        socket.proxy = proxy
        try:
            bot = await start_bot(bot_process, fake, socket)
            await answers_a_mention(fake, socket)
            proxy.silence()
            await socket.wait_connected(2, timeout=RECONNECT_TIMEOUT, total=True)
            assert len(fake.calls_to("apps.connections.open")) == 2
            await answers_a_mention(fake, socket)
            logs = bot.logs()
            assert logs.count("has been established") == 2
            # aiohttp's heartbeat (ping every ping_interval, no pong: close) or slack_sdk's own
            # ping-pong staleness check (4 x ping_interval) noticed it, and the session monitor replaced it
            assert "seems to be already closed" in logs or "seems to be stale" in logs
        finally:
            await proxy.stop()
