"""A second baseline: a bare Bolt app that sends the bot's replies without working them out.

The issue's baseline (``bench.bare_app``) only acks. The bot also answers: a
mention costs it a Web API call that the bare app never makes. This app makes
the same calls with the same bodies, so "bot / reply" is the cost of what the
bot itself does per request: reading the question, matching it, building the
blocks, de-duplication, usage records, its fast ack.

Same server shape, Bolt setup and uvloop loop as ``bench.bare_app``; one shared
aiohttp session for the Web API, like the bot's. Its listeners:

* slash command: ``ack`` with the bot's ephemeral answer to that text;
* mention: ``ack()``, then ``chat.postMessage`` of the bot's answer in the thread;
* click: ``ack()``, then ``chat.postEphemeral`` of the flow's next step to the clicker, next to the
  clicked channel message (which a click never changes), with the arguments the bot's ``Sender.send_new`` uses.

The replies are looked up in tables built with the bot's own code: for every
benchmark question at start-up, and for a click value the first time it is seen
(the benchmark's warm-up run). Reads the same environment as ``python -m bot``.
"""

from __future__ import annotations

import os
import re
from contextlib import AsyncExitStack
from typing import Any

import aiohttp
import orjson
from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bench.bare_app import serve
from bench.load import questions
from bot import intents, responses
from bot.emulator.requests import BOT_USER_ID
from bot.knowledge import default_knowledge_dir, load_knowledge
from bot.responses import Brain


def replies(brain: Brain) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """The bot's reply to each benchmark question: as a slash command's text, and as a mention's."""
    commands, mentions = {}, {}
    for q in questions():
        commands[q] = responses.reply(intents.parse_command(q), brain, shareable=True).message
        text = f"<@{BOT_USER_ID}> {q}"
        mentions[text] = responses.reply(intents.parse_message(text), brain).message
    return commands, mentions


def create_reply_app(session: aiohttp.ClientSession) -> AsyncApp:
    client = AsyncWebClient(token=os.environ["SLACK_BOT_TOKEN"], session=session,
                            base_url=os.environ.get("SLACK_API_URL", "https://slack.com/api/"))
    app = AsyncApp(signing_secret=os.environ["SLACK_SIGNING_SECRET"], client=client)
    brain = Brain.build(load_knowledge(default_knowledge_dir()))
    commands, mentions = replies(brain)
    clicks: dict[str, dict[str, Any]] = {}

    async def command(ack: AsyncAck, command: dict[str, Any]) -> None:
        text = command.get("text") or ""
        message = commands.get(text) or responses.reply(intents.parse_command(text), brain, shareable=True).message
        await ack(response_type="ephemeral", **message)

    async def mention(ack: AsyncAck, event: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        text = event.get("text") or ""
        message = mentions.get(text) or responses.reply(intents.parse_message(text), brain).message
        await client.api_call("chat.postMessage", json=dict(message, channel=event["channel"],
                                                            thread_ts=event.get("thread_ts") or event["ts"]))

    async def click(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        value = str(body["actions"][0].get("value", ""))
        message = clicks.get(value)
        if message is None:
            message = clicks[value] = responses.flow_click(value, brain, shareable=True).message
        container = body["container"]
        args = dict(message, channel=container["channel_id"], user=body["user"]["id"])
        if container.get("thread_ts"):
            args["thread_ts"] = container["thread_ts"]
        await client.api_call("chat.postEphemeral", json=args)

    app.command(re.compile(".*"))(command)
    app.event("app_mention")(mention)
    app.action(re.compile(".*"))(click)
    return app


async def _with_session(stack: AsyncExitStack) -> AsyncApp:
    # the bot's session settings: a timeout on every call, bodies serialised by orjson
    session = await stack.enter_async_context(
        aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30), json_serialize_bytes=orjson.dumps))
    return create_reply_app(session)


if __name__ == "__main__":
    import uvloop

    uvloop.run(serve(_with_session))
