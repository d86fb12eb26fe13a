"""SIGTERM in HTTP mode: stop taking connections, finish the replies in flight, exit 0.

``python -m bot`` runs as a subprocess against the fake Slack, which holds the
bot's ``chat.postMessage`` and response_url posts until the test lets them
through, so the replies are surely in flight when SIGTERM arrives and while
the test checks that new connections are refused. Nothing depends on timing.
"""

from __future__ import annotations

import asyncio
import signal
import time

import aiohttp

from bot.emulator import FakeSlackAPI
from bot.emulator.requests import SlackRequest
from tests.process.conftest import BOT_TOKEN, SIGNING_SECRET, clean_env, free_port

REFUSAL_DEADLINE_SECONDS = 5.0  # well inside the 10 s the bot gives replies in flight


async def post(bot, request: SlackRequest) -> tuple[int, str]:
    signed = request.signed(SIGNING_SECRET)
    async with aiohttp.ClientSession() as session:
        async with session.post(bot.url + "/slack/events", data=signed.body, headers=signed.all_headers()) as resp:
            return resp.status, await resp.text()


async def refuses_connections(bot) -> bool:
    """True once a connection to the bot is refused.

    A probe that is answered, reset or not answered within a second (a loaded
    machine) means "not yet": the caller probes again.
    """
    try:
        async with aiohttp.ClientSession() as session:
            async with session.get(bot.url + "/healthz", timeout=aiohttp.ClientTimeout(total=1)):
                return False
    except aiohttp.ClientConnectorError:
        return True
    except (aiohttp.ClientError, asyncio.TimeoutError):
        return False


async def start_http_bot(bot_process, fake: FakeSlackAPI):
    port = free_port()
    bot = bot_process(clean_env(SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SIGNING_SECRET,
                                SLACK_API_URL=fake.base_url, PORT=str(port)), port)
    await bot.wait_healthy()
    return bot


async def test_sigterm_refuses_new_connections_delivers_in_flight_replies_and_exits_0(bot_process):
    async with FakeSlackAPI() as fake:
        bot = await start_http_bot(bot_process, fake)
        alice = fake.user()
        command = alice.command("help")
        status, body = await post(bot, command)
        menu = fake.apply_ack(command.payload["response_url"], body)

        slack_answers = asyncio.Event()
        reply = fake.fail("chat.postMessage", hold=slack_answers)
        update = fake.fail("response_url", hold=slack_answers)
        assert (await post(bot, alice.mention("what is a blueprint")))[0] == 200
        assert (await post(bot, alice.click(menu, "menu_choose")))[0] == 200
        await fake.wait_until(lambda: reply.used == 1 and update.used == 1, timeout=15)
        bot.proc.send_signal(signal.SIGTERM)

        deadline = time.monotonic() + REFUSAL_DEADLINE_SECONDS
        while not await refuses_connections(bot):
            assert time.monotonic() < deadline, f"still accepting connections {REFUSAL_DEADLINE_SECONDS} s after SIGTERM"
            await asyncio.sleep(0.05)
        assert bot.proc.poll() is None, "the bot waits for the replies Slack has not answered yet"
        assert not fake.calls_to("chat.postMessage") and not fake.response_posts

        slack_answers.set()
        [sent] = await fake.wait_for(lambda c: c.method == "chat.postMessage" and c.ok, timeout=15)
        assert sent.params["thread_ts"] == alice.last_message.ts
        await fake.wait_until(lambda: any(p.status == 200 for p in fake.response_posts), timeout=15)
        assert menu.updated_count == 1, "the click's update, in flight at SIGTERM, still landed"

        code = await asyncio.to_thread(bot.proc.wait, 30)
        logs = bot.logs()
        assert code == 0, logs[-3000:]
        assert "shutting down: finishing requests in flight" in logs
        assert "Traceback" not in logs
        assert len(fake.calls_to("chat.postMessage")) == 1 and len(fake.response_posts) == 1


async def test_sigterm_when_idle_is_prompt(bot_process):
    async with FakeSlackAPI() as fake:
        bot = await start_http_bot(bot_process, fake)
        started = time.monotonic()
        code, _, logs = await asyncio.to_thread(bot.stop, signal.SIGTERM, 30)
        assert code == 0
        assert "cancelling" not in logs
        assert time.monotonic() - started < 5
