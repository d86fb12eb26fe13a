"""Mentions, DMs and App Home through signed Events API requests."""

from __future__ import annotations

import asyncio

from bot.emulator import requests as rq
from tests.scenario.conftest import all_text, assert_valid


async def settle(slack, seconds: float = 0.15) -> None:
    """Give work started after the ack a moment, for tests that assert nothing happened."""
    await asyncio.sleep(seconds)


async def test_mention_is_answered_in_a_thread(slack):
    alice = slack.user()
    delivery = await slack.send(alice.mention("what is an ORM?"))
    assert delivery.status == 200
    [post] = await slack.fake.wait_for("chat.postMessage")
    assert post.params["channel"] == alice.channel
    assert post.params["thread_ts"] == alice.last_message.ts
    assert "ORM" in post.params["text"]
    assert_valid(post.params)


async def test_mention_inside_a_thread_replies_in_that_thread(slack):
    alice = slack.user()
    parent = slack.fake.add_user_message("we need to pick a framework", channel=alice.channel)
    await slack.send(alice.mention("which is easier to learn?", thread_ts=parent.ts))
    [post] = await slack.fake.wait_for("chat.postMessage")
    assert post.params["thread_ts"] == parent.ts


async def test_greeting_mention_gets_the_menu(slack):
    alice = slack.user()
    await slack.send(alice.mention("hi there!"))
    [post] = await slack.fake.wait_for("chat.postMessage")
    assert "Help me choose" in all_text(post.params)


async def test_dm_is_answered_without_a_thread(slack):
    alice = slack.user()
    await slack.send(alice.dm("can django do full stack?"))
    [post] = await slack.fake.wait_for("chat.postMessage")
    assert post.params["channel"] == alice.dm_channel
    assert "thread_ts" not in post.params
    assert "full-stack" in all_text(post.params).lower()


async def test_messages_from_bots_and_from_the_app_itself_are_ignored(slack):
    other_bot = rq.bot_message("which is more secure?", channel="D111", channel_type="im")
    own = rq.bot_message("which is more secure?", channel="D111", channel_type="im", bot_id=slack.fake.identity.bot_id)
    for request in (other_bot, own):
        assert (await slack.send(request)).status == 200
    await settle(slack)
    assert slack.fake.calls_to("chat.postMessage") == []


async def test_plain_channel_messages_do_not_fire_the_dm_handler(slack):
    alice = slack.user()
    await slack.send(alice.say("which is more secure?"))
    await settle(slack)
    assert slack.fake.calls_to("chat.postMessage") == []


async def test_a_mention_in_a_dm_delivered_as_both_events_is_answered_once(slack):
    alice = slack.user()
    im = alice.dm(f"<@{slack.fake.identity.bot_user_id}> what is wsgi")
    ts = alice.last_message.ts
    mention = rq.app_mention(im.payload["event"]["text"], channel=alice.dm_channel, user=alice.id, ts=ts)
    await slack.send(im)
    await slack.send(mention)
    await settle(slack)
    assert len(slack.fake.calls_to("chat.postMessage")) == 1


async def test_only_dm_mentions_claim_a_second_dedup_key(slack):
    """A channel mention cannot also arrive as message.im, so it claims its event id alone."""
    deduper = slack.runtime.services.deduper
    alice = slack.user()
    await slack.send(alice.mention("what is wsgi"))
    await slack.fake.wait_for("chat.postMessage")
    assert len(deduper) == 1
    await slack.send(rq.app_mention(f"<@{slack.fake.identity.bot_user_id}> what is wsgi",
                                    channel=alice.dm_channel, user=alice.id))
    await slack.fake.wait_until(lambda: len(slack.fake.calls_to("chat.postMessage")) == 2, what="the DM answer")
    assert len(deduper) == 3


async def test_a_retried_event_is_answered_once(slack):
    alice = slack.user()
    mention = alice.mention("what is a blueprint")
    for attempt in range(3):
        request = mention if attempt == 0 else mention.retried(attempt)
        assert (await slack.send(request)).status == 200
    await settle(slack)
    assert len(slack.fake.calls_to("chat.postMessage")) == 1


async def test_app_home_is_published(slack):
    alice = slack.user()
    await slack.send(alice.open_home())
    [call] = await slack.fake.wait_for("views.publish")
    view = call.params["view"]
    assert call.params["user_id"] == alice.id
    assert view["type"] == "home"
    assert_valid(view, view=True)
    labels = [e["text"]["text"] for b in view["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert labels == ["Help me choose", "Compare", "Topics"]


async def test_a_failed_post_is_logged_and_the_process_keeps_serving(slack, caplog):
    slack.fake.fail("chat.postMessage", times=10, status=500)
    alice = slack.user()
    await slack.send(alice.mention("what is csrf"))
    await slack.fake.wait_for("chat.postMessage", count=3, timeout=10)
    await settle(slack, 0.5)
    assert any("chat.postMessage failed" in r.getMessage() for r in caplog.records)
    slack.fake.faults.clear()
    assert (await slack.send(alice.command("help"))).status == 200


async def test_thanks_in_a_dm_get_a_short_answer_and_are_not_recorded_as_a_declined_question(slack):
    alice = slack.user()
    await slack.send(alice.dm("cool, thanks!"))
    await slack.send(alice.dm("which is easier to learn?"))
    posts = await slack.fake.wait_for("chat.postMessage", count=2)
    [thanks] = [p for p in posts if all_text(p.params).startswith("Glad to help!")]
    assert_valid(thanks.params)
    usage = slack.runtime.services.usage
    await slack.fake.wait_until(lambda: len(usage.records) >= 1, what="a usage record")
    await settle(slack)
    assert [r.kind for r in usage.records] == ["answer"]
