"""``python -m bot`` in Socket Mode against a local WebSocket server speaking Slack's envelopes."""

from __future__ import annotations

import asyncio
import signal

import aiohttp
import pytest

from bot.emulator import FakeSlackAPI, SocketModeServer
from tests.process.conftest import free_port, socket_env, start_socket_bot


async def test_socket_mode_answers_commands_and_mentions(bot_process):
    socket = SocketModeServer()
    async with FakeSlackAPI(socket_mode=socket) as fake:
        bot = await start_socket_bot(bot_process, fake, socket)
        assert (await bot.wait_healthy())["ok"] is True

        alice = fake.user()
        envelope_id = await socket.send_request(alice.command("compare"))
        ack = await socket.wait_ack(envelope_id, timeout=5)
        assert ack["envelope_id"] == envelope_id
        blocks = ack["payload"]["blocks"]
        assert sum(1 for b in blocks if b.get("block_id", "").startswith("row_")) == 5

        await socket.send_request(alice.mention("what is a blueprint"))
        [post] = await fake.wait_for("chat.postMessage", timeout=5)
        assert post.params["thread_ts"] == alice.last_message.ts

        # the events endpoint is not served in Socket Mode: only /healthz
        async with aiohttp.ClientSession() as session:
            async with session.post(bot.url + "/slack/events", data=b"{}") as resp:
                assert resp.status in (404, 405)

        code, _, err = await asyncio.to_thread(bot.stop, signal.SIGTERM)
        assert code == 0, err


async def healthz(bot) -> tuple[int, dict]:
    async with aiohttp.ClientSession() as session:
        async with session.get(bot.url + "/healthz") as resp:
            return resp.status, await resp.json()


async def wait_for_healthz(bot, timeout: float = 15.0) -> tuple[int, dict]:
    """The first /healthz answer (the port is served before the socket is up)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        try:
            return await healthz(bot)
        except aiohttp.ClientConnectorError:
            assert bot.proc.poll() is None, f"bot exited with {bot.proc.returncode}: {bot.logs()[-2000:]}"
            assert asyncio.get_running_loop().time() < deadline, "/healthz never answered"
            await asyncio.sleep(0.1)


GENERAL_ADVICE = ("create an app-level token with the connections:write scope (Basic Information › App-Level "
                  "Tokens, it starts with xapp-) and set it")


@pytest.mark.parametrize(("error", "advice"), [
    ("invalid_auth", GENERAL_ADVICE),
    ("not_authed", GENERAL_ADVICE),
    ("missing_scope", GENERAL_ADVICE),
    ("socket_mode_not_enabled", "turn Socket Mode on (Settings › Socket Mode), or unset SLACK_APP_TOKEN to run in "
                                "HTTP mode"),
    ("not_allowed_token_type", "SLACK_APP_TOKEN takes an app-level token with the connections:write scope "
                               "(it starts with xapp-)"),
])
async def test_an_app_token_slack_rejects_stops_start_up_with_one_line(bot_process, error, advice):
    socket = SocketModeServer()
    async with FakeSlackAPI(socket_mode=socket) as fake:
        fake.fail("apps.connections.open", error=error, times=100)
        port = free_port()
        bot = bot_process(socket_env(fake.base_url, port), port)
        # wait in a thread: the fake Slack API must keep answering meanwhile
        code, err = await asyncio.to_thread(bot.wait, 30)
        assert code == 1, err
        assert err.strip().splitlines()[-1] == (
            f"flaskvsdjango: SLACK_APP_TOKEN: Slack rejected the app token ({error}): {advice}")
        assert "Traceback" not in err and "ERROR" not in err
        assert len(fake.calls_to("apps.connections.open")) == 1, "asked once, not retried"
        assert socket.connects_total == 0


async def test_while_slack_cannot_open_a_socket_healthz_is_503_then_200_once_connected(bot_process):
    socket = SocketModeServer()
    async with FakeSlackAPI(socket_mode=socket) as fake:
        outage = fake.fail("apps.connections.open", status=503, times=10_000)
        port = free_port()
        bot = bot_process(socket_env(fake.base_url, port), port)
        await fake.wait_until(lambda: outage.used >= 4, timeout=30, what="apps.connections.open retried")
        assert await wait_for_healthz(bot) == (503, {"ok": False, "detail": "socket down"})

        fake.faults.clear()
        await socket.wait_connected(1, timeout=60)
        assert (await bot.wait_healthy()) == {"ok": True, "detail": "socket connected"}
        alice = fake.user()
        await socket.send_request(alice.mention("what is a blueprint"))
        [post] = await fake.wait_for("chat.postMessage", timeout=10)
        assert post.params["thread_ts"] == alice.last_message.ts

        code, _, err = await asyncio.to_thread(bot.stop, signal.SIGTERM)
        assert code == 0, err
        assert "could not open a Socket Mode connection" in err and "(HTTP 503)" in err
        assert "Traceback" not in err


@pytest.mark.parametrize("fault", [{"status": 500}, {"drop": True}, {"hold": "forever"}])
async def test_sigterm_while_connecting_stops_the_bot_with_exit_0(bot_process, fault):
    """Slack failing, unreachable or not answering at all: SIGTERM still stops the bot, exit 0
    (the process fixture would kill it, and the code would be -9, if it did not stop by itself)."""
    never = asyncio.Event()
    if fault.get("hold"):
        fault = {"hold": never}
    async with FakeSlackAPI() as fake:
        attempt = fake.fail("apps.connections.open", times=10_000, **fault)
        port = free_port()
        bot = bot_process(socket_env(fake.base_url, port), port)
        await fake.wait_until(lambda: attempt.used >= 1, timeout=30, what="apps.connections.open tried")
        assert await wait_for_healthz(bot) == (503, {"ok": False, "detail": "socket down"})
        code, _, err = await asyncio.to_thread(bot.stop, signal.SIGTERM)
        never.set()
        assert code == 0, err
        assert "shutting down before the Socket Mode connection was up" in err
        assert "Traceback" not in err


async def test_a_socket_url_that_cannot_be_reached_is_retried_with_one_line_warnings(bot_process):
    """apps.connections.open answers, but its WebSocket cannot be reached yet: slack_sdk retries the
    connection, each failure one WARNING line (no traceback); once the server is up the bot connects."""
    socket = SocketModeServer(port=free_port())
    async with FakeSlackAPI(socket_mode=socket) as fake:
        await socket.stop()  # its URLs are handed out, but nothing listens there
        port = free_port()
        bot = bot_process(socket_env(fake.base_url, port, SOCKET_PING_INTERVAL="1"), port)
        await fake.wait_for("apps.connections.open", timeout=30)
        assert await wait_for_healthz(bot) == (503, {"ok": False, "detail": "socket down"})
        await fake.wait_until(lambda: bot.logs().count("WARNING bot.slack.socket: Failed to connect") >= 2,
                              timeout=30, what="two failed attempts logged")

        await socket.start()
        await socket.wait_connected(1, timeout=30)
        assert (await bot.wait_healthy()) == {"ok": True, "detail": "socket connected"}
        code, _, err = await asyncio.to_thread(bot.stop, signal.SIGTERM)
        assert code == 0, err
        assert "Traceback" not in err and "ERROR" not in err
        assert len(fake.calls_to("apps.connections.open")) == 1
