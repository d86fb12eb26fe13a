"""The fake Slack Web API for the benchmark, in its own process: ``python -m bench.fake_slack``.

It runs ``bot.emulator.FakeSlackAPI`` on 127.0.0.1 (pinned to the load
generator's core by the parent), posts one channel message carrying the
"choose" flow (so button clicks have a real message to click), prints one
JSON line ``{"base_url": ..., "message": {...}, "response_url": ...}`` and
serves until stdin closes. Its call log and messages are dropped every 0.1 s:
the bot makes thousands of calls a second, each with its Block Kit.
"""

from __future__ import annotations

import asyncio
import gc
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


FORGET_EVERY = 0.1  # seconds


async def _forget(fake: FakeSlackAPI, keep_ts: str) -> None:
    """Every FORGET_EVERY seconds, drop the call log, every message but the flow message clicks
    target (each click adds an ephemeral reply), and that message's earlier revisions.

    Kept, they grow by thousands a second (each call with its Block Kit: tens of
    objects), and the fake's own garbage collector pauses it to walk them: cleared
    every second, its full collections still took up to 137 ms under click load,
    holding the bot's replies (and so its held acks) for as long.
    """
    conversation = fake.conversation
    while True:
        await asyncio.sleep(FORGET_EVERY)
        fake.calls.clear()
        fake.response_posts.clear()
        conversation.messages[:] = [m for m in conversation.messages if m.ts == keep_ts]
        conversation.changes.clear()
        for m in conversation.messages:
            m.history.clear()  # an update of the flow message would keep its previous revision (clicks make none)


async def main() -> None:
    fake = FakeSlackAPI()
    base_url = await fake.start()
    message = await _post_flow_message(base_url)
    response_url = fake.response_url(user=USER_ID, channel=CHANNEL_ID, message_ts=message["ts"])
    gc.collect()
    gc.freeze()  # what start-up made (modules, the knowledge) is not walked by every full collection
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
