"""Slack misbehaving: rate limits, 5xx, dropped connections, permanent failures, expired response_urls.

The fake Slack Web API records every attempt (``fake.calls``, ``fake.response_posts``),
so each test asserts how many attempts were made, how far apart, and what
finally reached the user: the reply exactly once, or a short apology.
"""

from __future__ import annotations

import logging

import pytest

from bot.blocks.menu import apology_message
from tests.reliability.conftest import assert_safe_message, settle

SORRY = apology_message()["text"]


def app_replies(slack, channel: str, thread_ts: str) -> list:
    return [m for m in slack.fake.conversation.thread(channel, thread_ts) if m.from_app and not m.deleted]


def errors(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


async def mention(slack, text: str = "what is a blueprint"):
    alice = slack.user()
    assert (await slack.send(alice.mention(text))).status == 200
    return alice


async def test_429_with_retry_after_is_waited_out_and_delivered_once(slack):
    slack.fake.fail("chat.postMessage", times=1, status=429, retry_after=1)
    alice = await mention(slack)
    first, second = await slack.fake.wait_for("chat.postMessage", count=2, timeout=10)
    await settle(0.3)
    assert [c.status for c in slack.fake.calls_to("chat.postMessage")] == [429, 200]
    assert second.ok and second.time - first.time >= 1.0, "Retry-After: 1 must be honoured"
    assert len(app_replies(slack, alice.channel, alice.last_message.ts)) == 1


@pytest.mark.parametrize("status, failures", [(500, 1), (503, 2)])
async def test_5xx_is_retried_with_backoff_then_delivered(slack, status, failures):
    slack.fake.fail("chat.postMessage", times=failures, status=status)
    alice = await mention(slack)
    calls = await slack.fake.wait_for("chat.postMessage", count=failures + 1, timeout=15)
    await settle(0.3)
    assert [c.status for c in slack.fake.calls_to("chat.postMessage")] == [status] * failures + [200]
    gaps = [b.time - a.time for a, b in zip(calls, calls[1:])]
    assert all(gap >= 0.4 for gap in gaps), f"no backoff between attempts: {gaps}"
    assert len(app_replies(slack, alice.channel, alice.last_message.ts)) == 1


async def test_a_dropped_connection_is_retried(slack):
    slack.fake.fail("chat.postMessage", times=1, drop=True)
    alice = await mention(slack)
    await slack.fake.wait_for(lambda c: c.method == "chat.postMessage" and c.ok, timeout=10)
    await settle(0.3)
    assert [c.status for c in slack.fake.calls_to("chat.postMessage")] == [0, 200]
    assert len(app_replies(slack, alice.channel, alice.last_message.ts)) == 1


async def test_a_slow_slack_still_gets_one_reply(slack):
    slack.fake.fail("chat.postMessage", times=1, delay=1.0)
    alice = await mention(slack)
    [post] = await slack.fake.wait_for("chat.postMessage", timeout=10)
    await settle(0.3)
    assert post.ok and len(slack.fake.calls_to("chat.postMessage")) == 1
    assert len(app_replies(slack, alice.channel, alice.last_message.ts)) == 1


async def test_permanent_5xx_is_logged_the_user_gets_an_apology_and_the_bot_keeps_serving(slack, caplog):
    slack.fake.fail("chat.postMessage", times=1000, status=500)
    alice = await mention(slack)
    [sorry] = await slack.fake.wait_for("chat.postEphemeral", timeout=15)
    await settle(0.3)
    assert len(slack.fake.calls_to("chat.postMessage")) == 3, "one try and two retries, then give up"
    assert sorry.ok and sorry.params["user"] == alice.id and sorry.params["channel"] == alice.channel
    assert sorry.params["thread_ts"] == alice.last_message.ts and sorry.params["text"] == SORRY
    assert_safe_message(sorry.params)
    [logged] = errors(caplog)
    assert "chat.postMessage" in logged and "HTTP 500" in logged

    slack.fake.faults.clear()
    assert (await slack.send(alice.command("help"))).status == 200
    await slack.send(alice.mention("what is an orm"))
    await slack.fake.wait_for(lambda c: c.method == "chat.postMessage" and c.ok, timeout=5)


async def test_invalid_auth_is_not_retried_logged_with_the_error_and_apologised_for(slack, caplog):
    slack.fake.fail("chat.postMessage", times=1000, error="invalid_auth")
    alice = await mention(slack)
    [sorry] = await slack.fake.wait_for("chat.postEphemeral", timeout=10)
    await settle(0.3)
    assert len(slack.fake.calls_to("chat.postMessage")) == 1, "a Slack error is final: no retry"
    assert sorry.params["user"] == alice.id
    [logged] = errors(caplog)
    assert "chat.postMessage" in logged and "invalid_auth" in logged


async def test_a_revoked_token_fails_every_call_but_commands_still_answer_in_the_ack(slack, caplog):
    alice = slack.user()
    assert (await slack.send(alice.command("help"))).status == 200  # Bolt checks the token once, then caches
    slack.fake.revoke_token(slack.settings.bot_token)
    await mention(slack)
    await slack.fake.wait_for("chat.postEphemeral", timeout=10)
    await settle(0.3)
    assert [c.method for c in slack.fake.calls if c.method.startswith("chat.")] == \
        ["chat.postMessage", "chat.postEphemeral"]
    logged = errors(caplog)
    assert len(logged) == 2 and all("token_revoked" in m for m in logged)
    delivery = await slack.send(alice.command("compare"))
    assert delivery.status == 200 and delivery.message is not None


async def test_a_dm_whose_reply_fails_gets_the_apology_in_the_dm(slack):
    slack.fake.fail("chat.postMessage", times=1000, status=503)
    alice = slack.user()
    await slack.send(alice.dm("what is an orm"))
    [sorry] = await slack.fake.wait_for("chat.postEphemeral", timeout=15)
    assert sorry.params["channel"] == alice.dm_channel and sorry.params["user"] == alice.id


# --- response_url ----------------------------------------------------------------------------------

async def ephemeral_menu(slack):
    alice = slack.user()
    menu = (await slack.send(alice.command("help"))).message
    assert menu is not None and menu.ephemeral
    return alice, menu


async def test_an_expired_response_url_is_checked_logged_and_apologised_for(slack, caplog):
    alice, menu = await ephemeral_menu(slack)
    click = alice.click(menu, "menu_choose")
    slack.fake.expire(click.payload["response_url"])
    assert (await slack.send(click)).status == 200
    [sorry] = await slack.fake.wait_for("chat.postEphemeral", timeout=10)
    await settle(0.3)
    assert [p.status for p in slack.fake.response_posts] == [404], "the apology does not reuse an expired URL"
    assert sorry.params["user"] == alice.id and sorry.params["text"] == SORRY
    [logged] = errors(caplog)
    assert "response_url" in logged and "404" in logged and "expired_url" in logged
    assert "/response/…" in logged, "a response_url is a secret: only its host is logged"
    assert "Traceback" not in caplog.text, "an expected Slack answer is one line, not a traceback"
    assert (await slack.send(alice.command("help"))).status == 200


async def test_a_response_url_429_is_waited_out_and_the_update_delivered_once(slack):
    alice, menu = await ephemeral_menu(slack)
    click = alice.click(menu, "menu_choose")
    slack.fake.fail(click.payload["response_url"], times=1, status=429, retry_after=1)
    await slack.send(click)
    await slack.fake.wait_until(lambda: any(p.status == 200 for p in slack.fake.response_posts), timeout=10)
    await settle(0.3)
    posts = slack.fake.response_posts
    assert [p.status for p in posts] == [429, 200]
    assert posts[1].time - posts[0].time >= 1.0
    assert menu.updated_count == 1


async def test_a_response_url_500_is_retried(slack):
    alice, menu = await ephemeral_menu(slack)
    click = alice.click(menu, "menu_choose")
    slack.fake.fail("response_url", times=2, status=500)
    await slack.send(click)
    await slack.fake.wait_until(lambda: any(p.status == 200 for p in slack.fake.response_posts), timeout=15)
    assert [p.status for p in slack.fake.response_posts] == [500, 500, 200]


async def test_a_response_url_failing_for_good_gets_three_attempts_then_an_apology_another_way(slack, caplog):
    """slack_sdk's webhook client retries a 5xx itself (one try, two retries): nothing on top of that, and
    the apology does not spend more of the URL's five uses on a URL that just failed."""
    alice, menu = await ephemeral_menu(slack)
    click = alice.click(menu, "menu_choose")
    slack.fake.fail(click.payload["response_url"], status=500, times=100)
    await slack.send(click)
    [sorry] = await slack.fake.wait_for("chat.postEphemeral", timeout=15)
    await settle(0.5)
    assert [p.status for p in slack.fake.response_posts] == [500, 500, 500]
    assert sorry.params["user"] == alice.id and sorry.params["channel"] == alice.channel
    assert sorry.params["text"] == SORRY
    [logged] = errors(caplog)
    assert "response_url" in logged and "500" in logged
    assert "Traceback" not in caplog.text


async def test_a_web_api_connection_dropped_for_good_is_one_line_and_an_apology(slack, caplog):
    slack.fake.fail("chat.postMessage", times=1000, drop=True)
    alice = await mention(slack)
    [sorry] = await slack.fake.wait_for("chat.postEphemeral", timeout=15)
    await settle(0.3)
    assert [c.status for c in slack.fake.calls_to("chat.postMessage")] == [0, 0, 0], "one try, two retries"
    assert sorry.params["user"] == alice.id and sorry.params["text"] == SORRY
    [logged] = errors(caplog)
    assert logged.startswith("Slack Web API chat.postMessage failed: ") and "\n" not in logged
    assert not [r for r in caplog.records if r.exc_info], "an expected network failure has no traceback"
    assert "Traceback" not in caplog.text


async def test_share_with_a_dead_response_url_apologises_instead_of_posting_nothing(slack, caplog):
    alice = slack.user()
    answer = (await slack.send(alice.command("what is wsgi"))).message
    click = alice.click(answer, "share")
    slack.fake.expire(click.payload["response_url"])
    await slack.send(click)
    [sorry] = await slack.fake.wait_for("chat.postEphemeral", timeout=10)
    assert sorry.params["user"] == alice.id
    assert not [m for m in slack.fake.messages if m.from_app and not m.ephemeral], "nothing half-shared"


async def test_clicks_on_a_channel_message_survive_a_post_ephemeral_outage(slack, caplog):
    """A click on the flow launcher in a channel goes to the clicker alone, by chat.postEphemeral (never
    chat.update of the public message); when that fails for good, the first step itself reaches them
    through the click's response_url, ephemerally."""
    alice = slack.user()
    await slack.send(alice.mention("choose"))
    [post] = await slack.fake.wait_for("chat.postMessage")
    flow = slack.fake.conversation.find(post.params["channel"], post.response["ts"])
    slack.fake.fail("chat.postEphemeral", times=1000, status=503)
    await slack.send(alice.click(flow, "menu_choose"))
    [step] = await slack.fake.wait_for("response_url", timeout=15)
    await settle(0.3)
    assert len(slack.fake.calls_to("chat.postEphemeral")) == 3
    assert not slack.fake.calls_to("chat.update")
    assert step.status == 200 and "question 1 of" in step.text
    assert step.payload["response_type"] == "ephemeral" and step.payload["replace_original"] is False
    assert step.message.ephemeral and step.message.user == alice.id and step.message.thread_ts == flow.thread_ts
    assert len(slack.fake.response_posts) == 1, "the step was delivered: no apology after it"
    assert flow.updated_count == 0
    [logged] = errors(caplog)
    assert "chat.postEphemeral" in logged and "HTTP 503" in logged


async def test_a_click_on_a_channel_message_with_every_way_out_failing_is_apologised_for(slack, caplog):
    caplog.set_level(logging.INFO, logger="bot.slack_io")
    alice = slack.user()
    await slack.send(alice.mention("choose"))
    [post] = await slack.fake.wait_for("chat.postMessage")
    flow = slack.fake.conversation.find(post.params["channel"], post.response["ts"])
    slack.fake.fail("chat.postEphemeral", times=1000, error="not_in_channel")
    click = alice.click(flow, "menu_choose")
    slack.fake.expire(click.payload["response_url"])
    await slack.send(click)
    await slack.fake.wait_until(lambda: len(slack.fake.calls_to("chat.postEphemeral")) == 2, timeout=10,
                                what="the apology attempt")
    await settle(0.3)
    [step] = slack.fake.response_posts  # the expired URL is not tried again for the apology
    assert "question 1 of" in step.payload["text"] and step.status == 404
    assert [c.params["text"] for c in slack.fake.calls_to("chat.postEphemeral")][1] == SORRY
    assert not slack.fake.calls_to("chat.update") and flow.updated_count == 0
    assert len(errors(caplog)) == 2, "the response_url and the apology: each failure logged once, in one line"
    assert [r.levelno for r in caplog.records if "not_in_channel" in r.getMessage()] == [logging.INFO, logging.ERROR], \
        "not_in_channel on the step had a way round (INFO); on the apology, none (ERROR)"
    assert "Traceback" not in caplog.text


def test_retry_policy_is_slacks():
    """The policy under test: two retries each for 429 (Retry-After), 5xx (backoff) and dropped connections."""
    from bot.slack_io import retry_handlers

    names = sorted(type(h).__name__ for h in retry_handlers())
    assert names == ["AsyncConnectionErrorRetryHandler", "AsyncRateLimitErrorRetryHandler",
                     "AsyncServerErrorRetryHandler"]
    assert all(h.max_retry_count == 2 for h in retry_handlers())
