"""``python -m bot`` in Socket Mode against a local WebSocket server speaking Slack's envelopes."""

from __future__ import annotations

import asyncio
import signal

import aiohttp

from bot.emulator import FakeSlackAPI, SocketModeServer
from tests.process.conftest import APP_TOKEN, BOT_TOKEN, clean_env, free_port


async def test_socket_mode_answers_commands_and_mentions(bot_process):
    socket = SocketModeServer()
    async with FakeSlackAPI(socket_mode=socket) as fake:
        port = free_port()
        bot = bot_process(clean_env(SLACK_APP_TOKEN=APP_TOKEN, SLACK_BOT_TOKEN=BOT_TOKEN,
                                    SLACK_API_URL=fake.base_url, PORT=str(port)), port)
        await socket.wait_connected(1, timeout=15)
        health = await bot.wait_healthy()
        assert health["ok"] is True

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
