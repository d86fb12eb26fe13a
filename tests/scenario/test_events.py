"""Mentions, DMs and App Home through signed Events API requests."""

from __future__ import annotations

import asyncio
import json
import logging
import signal

import pytest

from bot.emulator import FakeSlackAPI, SocketModeServer
from bot.emulator import requests as rq
from tests.process.conftest import start_socket_bot
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


@pytest.mark.parametrize("first", ["message.im", "app_mention"])
async def test_a_mention_in_a_dm_delivered_as_both_events_is_answered_once_in_the_same_place(slack, first):
    """Whichever event comes first answers, and the answer sits where a DM's answers do: in the
    conversation itself, not in a thread under the message (as a channel mention's would)."""
    alice = slack.user()
    im = alice.dm(f"<@{slack.fake.identity.bot_user_id}> what is wsgi")
    ts = alice.last_message.ts
    mention = rq.app_mention(im.payload["event"]["text"], channel=alice.dm_channel, user=alice.id, ts=ts)
    for request in ((im, mention) if first == "message.im" else (mention, im)):
        await slack.send(request)
    await settle(slack)
    [post] = slack.fake.calls_to("chat.postMessage")
    assert "thread_ts" not in post.params and post.params["channel"] == alice.dm_channel


async def test_a_message_is_answered_once_whichever_events_bring_it(slack):
    """A mention claims its event id and its message (channel and ts): one key per event, one per message."""
    deduper = slack.runtime.services.deduper
    alice = slack.user()
    await slack.send(alice.mention("what is wsgi"))
    await slack.fake.wait_for("chat.postMessage")
    assert len(deduper) == 2


async def test_editing_a_message_that_mentions_the_bot_does_not_answer_it_again(slack):
    """Slack sends app_mention again when such a message is edited, with a new event_id and an
    "edited" field (slack-go/slack#1256, java-slack-sdk#755): one answer per message."""
    alice = slack.user()
    first = alice.mention("what is an ORM?")
    await slack.send(first)
    await slack.fake.wait_for("chat.postMessage")
    event = first.payload["event"]
    edited = dict(event, text=event["text"] + " (typo fixed)", edited={"user": alice.id, "ts": "1706785427.000000"})
    assert (await slack.send(rq.event_callback(edited))).status == 200
    await settle(slack)
    assert len(slack.fake.calls_to("chat.postMessage")) == 1


async def test_a_mention_added_by_an_edit_is_answered(slack):
    """Someone forgot the @-mention and edits it in: that is the message's first mention."""
    alice = slack.user()
    plain = alice.say("what is an ORM?")
    await slack.send(plain)
    await settle(slack)
    assert slack.fake.calls_to("chat.postMessage") == []
    event = {k: v for k, v in plain.payload["event"].items() if k != "channel_type"}
    mention = dict(event, type="app_mention", text=f"<@{slack.fake.identity.bot_user_id}> what is an ORM?",
                   edited={"user": alice.id, "ts": "1706785427.000000"})
    await slack.send(rq.event_callback(mention))
    [post] = await slack.fake.wait_for("chat.postMessage")
    assert post.params["thread_ts"] == event["ts"] and "ORM" in all_text(post.params)


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


async def test_app_home_is_published_again_only_when_it_changed(slack, monkeypatch):
    """Slack hands the published view back with each app_home_opened: an unchanged tab is left as it is."""
    alice, bob = slack.user(), slack.user("W333", name="bob")
    await slack.send(alice.open_home())
    await slack.fake.wait_for("views.publish")
    await slack.send(alice.open_home())
    await slack.send(bob.open_home())  # bob's tab was never published
    await slack.fake.wait_for("views.publish", 2)
    await settle(slack)
    assert [c.params["user_id"] for c in slack.fake.calls_to("views.publish")] == [alice.id, bob.id]
    # a new release words the tab differently (or the knowledge has more topics): published again
    import bot.blocks.menu
    monkeypatch.setattr(bot.blocks.menu, "INTRO", "A reworded introduction.")
    await slack.send(alice.open_home())
    calls = await slack.fake.wait_for("views.publish", 3)
    assert calls[-1].params["user_id"] == alice.id and "A reworded introduction." in str(calls[-1].params["view"])


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


def with_a_file(request: rq.SlackRequest, text: str) -> rq.SlackRequest:
    """The DM event as Slack sends it for an upload: subtype file_share and a ``files`` list
    (docs.slack.dev/reference/events/message/file_share); ``text`` is the caption, often empty."""
    body = dict(request.payload)
    body["event"] = dict(body["event"], subtype="file_share", text=text, upload=False, files=[
        {"id": "F0123ABCD", "name": "requirements.txt", "mimetype": "text/plain", "filetype": "text"}])
    return rq.SlackRequest(json.dumps(body).encode(), rq.JSON, body, request.socket_mode_type)


async def test_a_dm_holding_only_a_file_is_told_the_bot_reads_text(slack):
    alice = slack.user()
    await slack.send(with_a_file(alice.dm(""), ""))
    [post] = await slack.fake.wait_for("chat.postMessage", count=1)
    assert_valid(post.params)
    assert "can't open files" in all_text(post.params) and "Help me choose" in all_text(post.params)
    assert not slack.runtime.services.usage.records, "nothing was asked: nothing to record"


async def test_a_file_with_a_question_as_its_caption_is_answered(slack):
    alice = slack.user()
    await slack.send(with_a_file(alice.dm(""), "which is easier to learn?"))
    [post] = await slack.fake.wait_for("chat.postMessage", count=1)
    assert "can't open files" not in all_text(post.params)
    usage = slack.runtime.services.usage
    await slack.fake.wait_until(lambda: len(usage.records) == 1, what="the answer recorded")
    assert usage.records[0].kind == "answer"


# --- events nobody listens for, Slack's rate-limit notice, losing the workspace --------------------------

def reaction_added(slack) -> rq.SlackRequest:
    return rq.event_callback({"type": "reaction_added", "user": "W222", "reaction": "+1",
                              "item": {"type": "message", "channel": "C111", "ts": "1700000000.000100"},
                              "event_ts": "1700000000.000200"})


def app_rate_limited() -> rq.SlackRequest:
    """What Slack POSTs to the Request URL (docs.slack.dev/reference/events/app_rate_limited): no event inside."""
    body = {"token": "x", "type": "app_rate_limited", "team_id": rq.TEAM_ID,
            "minute_rate_limited": 1518467820, "api_app_id": rq.API_APP_ID}
    return rq.SlackRequest(json.dumps(body).encode(), rq.JSON, body, "none")


def logged(caplog, level: int = logging.DEBUG) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.levelno >= level]


async def test_an_event_nobody_listens_for_is_answered_200_with_one_debug_line(slack, caplog):
    caplog.set_level(logging.DEBUG, logger="bot.listeners.events")
    delivery = await slack.send(reaction_added(slack))
    await settle(slack)
    assert delivery.status == 200, "a 404 makes Slack retry the event"
    assert not logged(caplog, logging.INFO), [r.getMessage() for r in logged(caplog, logging.INFO)]
    [line] = [r for r in caplog.records if r.name == "bot.listeners.events"]
    assert line.levelno == logging.DEBUG and "reaction_added" in line.getMessage()
    assert not [c for c in slack.fake.calls if c.method != "auth.test"]


async def test_slacks_app_rate_limited_notice_is_answered_200_with_one_warning(slack, caplog):
    delivery = await slack.send(app_rate_limited())
    assert delivery.status == 200
    [warning] = logged(caplog, logging.WARNING)
    text = warning.getMessage()
    assert warning.levelno == logging.WARNING and "\n" not in text and not warning.exc_info
    assert "rate limiting" in text and rq.TEAM_ID in text and "2018-02-12 20:37 UTC" in text
    assert "30,000 an hour" in text


@pytest.mark.parametrize("request_for, what", [(rq.app_uninstalled, "the app was uninstalled from team"),
                                               (rq.tokens_revoked, "the bot token was revoked in team")])
async def test_losing_the_only_workspace_is_one_clear_error(slack, caplog, request_for, what):
    assert slack.runtime.services.installations is None, "single-workspace mode (SLACK_BOT_TOKEN)"
    delivery = await slack.send(request_for())
    assert delivery.status == 200
    await slack.fake.wait_until(lambda: logged(caplog, logging.ERROR), what="the error line")
    await settle(slack)
    [error] = logged(caplog, logging.WARNING)
    text = error.getMessage()
    assert error.levelno == logging.ERROR and not error.exc_info and "\n" not in text
    assert what in text and rq.TEAM_ID in text and "SLACK_BOT_TOKEN" in text and "reinstall" in text


async def test_a_revoked_user_token_alone_is_not_an_error(slack, caplog):
    await slack.send(rq.tokens_revoked(oauth=["W222"], bot=[]))
    await settle(slack)
    assert not logged(caplog, logging.WARNING)


async def test_in_socket_mode_an_event_nobody_listens_for_is_acked(bot_process):
    """Unacked, Slack would send the envelope again (and again): the catch-all listener acks it."""
    sock = SocketModeServer()
    async with FakeSlackAPI(socket_mode=sock) as fake:
        bot = await start_socket_bot(bot_process, fake, sock)
        envelope_id = await sock.send_request(reaction_added(None))
        ack = await sock.wait_ack(envelope_id, timeout=5)
        assert ack["envelope_id"] == envelope_id
        code, _, logs = await asyncio.to_thread(bot.stop, signal.SIGTERM)
    assert code == 0, logs[-3000:]
    assert "Unhandled request" not in logs and "reaction_added" not in logs, logs[-3000:]
