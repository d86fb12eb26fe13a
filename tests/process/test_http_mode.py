"""``python -m bot`` in HTTP mode, as deployed: signed requests over real HTTP, a fake Slack Web API."""

from __future__ import annotations

import asyncio
import signal
import time

import aiohttp

from bot.emulator import FakeSlackAPI
from bot.emulator.requests import SlackRequest
from tests.process.conftest import BOT_TOKEN, SIGNING_SECRET, clean_env, free_port


async def post(bot, request: SlackRequest, *, secret: str = SIGNING_SECRET) -> tuple[int, str, float]:
    signed = request.signed(secret)
    started = time.perf_counter()
    async with aiohttp.ClientSession() as session:
        async with session.post(bot.url + "/slack/events", data=signed.body, headers=signed.all_headers()) as resp:
            return resp.status, await resp.text(), time.perf_counter() - started


async def test_http_mode_serves_commands_mentions_and_the_flow(bot_process):
    async with FakeSlackAPI() as fake:
        port = free_port()
        bot = bot_process(clean_env(SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SIGNING_SECRET,
                                    SLACK_API_URL=fake.base_url, PORT=str(port)), port)
        health = await bot.wait_healthy()
        assert health == {"ok": True, "detail": "ok"}
        assert fake.calls_to("auth.test"), "start-up auth.test must go to SLACK_API_URL"

        alice = fake.user()
        command = alice.command("")
        status, body, elapsed = await post(bot, command)
        assert status == 200 and elapsed < 3
        menu = fake.apply_ack(command.payload["response_url"], body)
        assert [b.label for b in menu.buttons()] == ["Help me choose", "Compare", "Topics"]

        mention = alice.mention("which one is more secure?")
        assert (await post(bot, mention))[0] == 200
        [reply] = await fake.wait_for("chat.postMessage")
        assert reply.params["thread_ts"] == alice.last_message.ts
        assert "CSRF" in reply.params["text"]

        command = alice.command("choose")
        status, body, _ = await post(bot, command)
        flow = fake.apply_ack(command.payload["response_url"], body)
        for n in range(1, 20):
            if not any(b.action_id.startswith("flow_answer_") for b in flow.buttons()):
                break
            updates = flow.updated_count
            assert (await post(bot, alice.click(flow, "flow_answer_0")))[0] == 200
            await fake.wait_until(lambda: flow.updated_count > updates, what=f"flow step {n}")
        assert "for this project" in flow.text

        assert (await post(bot, alice.command("help"), secret="wrong-secret"))[0] == 401

        code, _, err = await asyncio.to_thread(bot.stop, signal.SIGTERM)
        assert code == 0, err


async def test_bad_configuration_prints_one_line_and_no_traceback(bot_process):
    bot = bot_process(clean_env(SLACK_BOT_TOKEN="not-a-token", SLACK_SIGNING_SECRET="x"), free_port())
    code, err = bot.wait(timeout=15)
    assert code == 2
    assert "SLACK_BOT_TOKEN" in err and "xoxb-" in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


async def test_a_rejected_token_stops_start_up_with_one_line(bot_process):
    async with FakeSlackAPI(valid_tokens={"xoxb-the-right-one"}) as fake:
        port = free_port()
        bot = bot_process(clean_env(SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SIGNING_SECRET,
                                    SLACK_API_URL=fake.base_url, PORT=str(port)), port)
        # wait in a thread: the fake Slack API must keep answering auth.test meanwhile
        code, err = await asyncio.to_thread(bot.wait, 15)
        assert code == 1
        assert "invalid_auth" in err and "SLACK_BOT_TOKEN" in err
        assert "Traceback" not in err
