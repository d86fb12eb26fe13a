"""The fake Slack Web API for the benchmark, in its own process: ``python -m bench.fake_slack``.

It runs ``bot.emulator.FakeSlackAPI`` on 127.0.0.1 (pinned to the load
generator's core by the parent), posts one channel message carrying the
"choose" flow (so button clicks have a real message to update), prints one
JSON line ``{"base_url": ..., "message": {...}, "response_url": ...}`` and
serves until stdin closes. Its call log and messages are dropped every second:
the bot makes tens of thousands of calls per benchmark.
"""

from __future__ import annotations

import asyncio
import json
import sys

import aiohttp

from bot.emulator.fake_web_api import FakeSlackAPI
from bot.emulator.local_app import BOT_TOKEN
from bot.emulator.requests import CHANNEL_ID, USER_ID
from bot.intents import Intent, Kind
from bot.knowledge import default_knowledge_dir, load_knowledge
from bot.responses import Brain, reply


async def _post_flow_message(base_url: str) -> dict:
    brain = Brain.build(load_knowledge(default_knowledge_dir()))
    msg = reply(Intent(Kind.CHOOSE), brain).message
    async with aiohttp.ClientSession() as session:
        async with session.post(base_url + "chat.postMessage", json=dict(msg, channel=CHANNEL_ID),
                                headers={"Authorization": f"Bearer {BOT_TOKEN}"}) as resp:
            data = await resp.json()
    assert data.get("ok"), data
    return dict(data["message"], channel=CHANNEL_ID)


async def _forget(fake: FakeSlackAPI, keep_ts: str) -> None:
    """Every second, drop the call log and every message but the flow message clicks update.

    Kept, they grow by thousands a second, and the fake's own garbage collector then
    pauses it for tens of milliseconds: the bot's replies wait, and the bot looks slow.
    """
    conversation = fake.conversation
    while True:
        await asyncio.sleep(1.0)
        fake.calls.clear()
        fake.response_posts.clear()
        conversation.messages[:] = [m for m in conversation.messages if m.ts == keep_ts]
        conversation.changes.clear()


async def main() -> None:
    fake = FakeSlackAPI()
    base_url = await fake.start()
    message = await _post_flow_message(base_url)
    response_url = fake.response_url(user=USER_ID, channel=CHANNEL_ID, message_ts=message["ts"])
    print(json.dumps({"base_url": base_url, "message": message, "response_url": response_url}), flush=True)
    forget = asyncio.create_task(_forget(fake, message["ts"]))
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, sys.stdin.read)  # until the parent closes stdin
    forget.cancel()
    await fake.stop()


if __name__ == "__main__":
    try:
        import uvloop

        uvloop.run(main())
    except ImportError:  # pragma: no cover
        asyncio.run(main())
