"""The reply baseline (``bench.reply_app``) answers a click with the very Web API call the bot makes.

The benchmark's click is the first "Help me choose" option of a flow posted in a channel; the
bot answers the clicker with chat.postEphemeral (a click never changes a message the channel
sees). The baseline must send the same method with the same arguments, or "bot / reply" stops
being like-for-like.
"""

from __future__ import annotations

import aiohttp
import pytest

from bench.reply_app import create_reply_app
from bot.emulator import requests as rq
from bot.emulator.local_app import BOT_TOKEN, SIGNING_SECRET, LocalSlack
from bot.intents import Intent, Kind
from bot.responses import reply


@pytest.mark.parametrize("thread_ts", [None, "1700000000.000100"])
async def test_the_reply_baseline_sends_the_bots_click_reply(monkeypatch, thread_ts):
    async with LocalSlack() as slack, aiohttp.ClientSession() as session:
        fake = slack.fake
        # what bench.fake_slack posts: the flow, in a channel, by the bot
        flow = reply(Intent(Kind.CHOOSE), slack.runtime.services.brain).message
        args = dict(flow, channel=rq.CHANNEL_ID, **({"thread_ts": thread_ts} if thread_ts else {}))
        async with session.post(fake.base_url + "chat.postMessage", json=args,
                                headers={"Authorization": f"Bearer {BOT_TOKEN}"}) as resp:
            posted = await resp.json()
        message = dict(posted["message"], channel=rq.CHANNEL_ID)
        click = rq.click(message, 1, response_url=fake.response_url(message_ts=message["ts"], thread_ts=thread_ts))

        assert (await slack.send(click)).status == 200
        [bots] = await fake.wait_for("chat.postEphemeral")

        monkeypatch.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)
        monkeypatch.setenv("SLACK_SIGNING_SECRET", SIGNING_SECRET)
        monkeypatch.setenv("SLACK_API_URL", fake.base_url)
        baseline = create_reply_app(session)
        assert (await baseline.async_dispatch(click.as_bolt_request(SIGNING_SECRET))).status == 200
        _, baselines = await fake.wait_for("chat.postEphemeral", count=2)

        assert bots.ok and baselines.ok
        assert baselines.params == bots.params
        assert bots.params["user"] == rq.USER_ID and bots.params.get("thread_ts") == thread_ts
        assert not fake.calls_to("chat.update") and not fake.response_posts
