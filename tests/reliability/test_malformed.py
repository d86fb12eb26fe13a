"""Malformed bodies, correctly signed: a 4xx or a polite reply, never a 500 or a traceback.

A body Slack would never send (bad encoding, a payload that is not JSON, JSON of
the wrong shape) is refused with 400 before Bolt sees it, and logged once with
the cause. A well-formed click carrying a value the bot cannot use (a stale or
tampered button) gets a short note to the user.
"""

from __future__ import annotations

import json
import logging
from typing import Any
from urllib.parse import urlencode

import aiohttp
import pytest

from bot.emulator import requests as rq
from bot.emulator.local_app import SIGNING_SECRET
from bot.emulator.requests import sign
from bot.payloads import BadBody, check_shape
from tests.reliability.conftest import assert_safe_message, listener_calls, settle, usage_records

USER = {"id": "W222", "username": "alice", "team_id": rq.TEAM_ID}
TEAM = {"id": rq.TEAM_ID, "domain": rq.TEAM_DOMAIN}


def form(**fields: str) -> bytes:
    return urlencode(fields).encode()


def payload(value: Any) -> bytes:
    return form(payload=json.dumps(value))


def click(**overrides: Any) -> dict[str, Any]:
    body = {"type": "block_actions", "user": USER, "team": TEAM, "api_app_id": rq.API_APP_ID,
            "container": {"type": "message", "channel_id": "C111", "message_ts": "1.2"},
            "channel": {"id": "C111"}, "actions": [{"action_id": "menu_compare", "value": "compare"}]}
    body.update(overrides)
    return {k: v for k, v in body.items() if v is not ...}


def event(event_value: Any = ..., **overrides: Any) -> bytes:
    body = {"type": "event_callback", "team_id": rq.TEAM_ID, "api_app_id": rq.API_APP_ID,
            "event_id": "Ev0MALFORMED", "event_time": 1700000000, "event": event_value}
    body.update(overrides)
    return json.dumps({k: v for k, v in body.items() if v is not ...}).encode()


MENTION = {"type": "app_mention", "user": "W222", "text": "<@W23456789> hi", "ts": "1.1", "channel": "C111"}

# name -> (body, content type, words the log line must contain)
MALFORMED: dict[str, tuple[bytes, str, str]] = {
    "bad form encoding": (b"%zz=%%%&&=&text=%E0%A4", rq.FORM, "no command, and no type"),
    "bad form encoding around payload": (b"%zz=%%%&&=&payload", rq.FORM, "not JSON"),
    "empty body": (b"", rq.FORM, "no command, and no type"),
    "payload= not JSON": (b"payload=%7Bnot+json", rq.FORM, "not JSON"),
    "payload= empty": (b"payload=", rq.FORM, "not JSON"),
    "JSON body not JSON": (b"{\"type\": ", rq.JSON, "not JSON"),
    "payload is a list": (payload([click()]), rq.FORM, "JSON list"),
    "payload is a string": (payload("block_actions"), rq.FORM, "JSON str"),
    "JSON body is a list": (b"[1, 2, 3]", rq.JSON, "JSON list"),
    "payload without type": (payload(click(type=...)), rq.FORM, "no type"),
    "type not a string": (payload(click(type=["block_actions"])), rq.FORM, "no type"),
    "actions not a list": (payload(click(actions="menu_compare")), rq.FORM, "list of actions"),
    "actions empty": (payload(click(actions=[])), rq.FORM, "list of actions"),
    "actions items not objects": (payload(click(actions=[1, "menu_compare"])), rq.FORM, "actions[0]"),
    "action without action_id": (payload(click(actions=[{"value": "x"}])), rq.FORM, "actions[0]"),
    "action value not a string": (payload(click(actions=[{"action_id": "flow_answer_0", "value": {"a": 1}}])),
                                  rq.FORM, "actions[0].value"),
    "missing user": (payload(click(user=...)), rq.FORM, "user id"),
    "user not an object": (payload(click(user="W222")), rq.FORM, "user is str"),
    "user without id": (payload(click(user={"name": "alice"})), rq.FORM, "user id"),
    "team not an object": (payload(click(team="T1")), rq.FORM, "team is str"),
    "container not an object": (payload(click(container="message")), rq.FORM, "container is str"),
    "response_url not a string": (payload(click(response_url=["http://x"])), rq.FORM, "response_url"),
    "authorizations not objects": (payload(click(authorizations=["T1"])), rq.FORM, "authorizations"),
    "interactive_message without callback_id": (payload({"type": "interactive_message", "user": USER}),
                                                rq.FORM, "callback_id"),
    "event_callback without event": (event(), rq.JSON, "without an event"),
    "event is a string": (event("app_mention"), rq.JSON, "without an event"),
    "event without type": (event({"text": "hi", "channel": "C1", "ts": "1.1"}), rq.JSON, "event without a type"),
    "mention text not a string": (event({**MENTION, "text": {"t": 1}}), rq.JSON, "event.text"),
    "mention channel not a string": (event({**MENTION, "channel": 7}), rq.JSON, "event.channel"),
    "mention user not a string": (event({**MENTION, "user": {"id": "W1"}}), rq.JSON, "event.user"),
}


async def post_signed(slack, body: bytes, content_type: str) -> tuple[int, str]:
    return await slack.post("/slack/events", body, sign(body, SIGNING_SECRET, content_type=content_type))


def rejections(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "bot.http"]


@pytest.mark.parametrize("name", MALFORMED)
async def test_malformed_body_is_400_logged_once_with_the_cause(slack, caplog, name):
    body, content_type, cause = MALFORMED[name]
    caplog.set_level(logging.WARNING)
    headers = sign(body, SIGNING_SECRET, content_type=content_type)
    async with aiohttp.ClientSession() as session:
        async with session.post(slack.url + "/slack/events", data=body, headers=headers) as response:
            status, text, no_retry = response.status, await response.text(), response.headers.get("X-Slack-No-Retry")
    await settle(0.1)
    assert status == 400
    assert "Traceback" not in text
    assert no_retry == "1"  # Slack would send the same body again, to the same answer
    [logged] = rejections(caplog)
    assert "rejected a signed request" in logged and cause in logged
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], "nothing may crash"
    assert listener_calls(slack.fake) == [] and usage_records(slack) == []


async def test_body_over_one_megabyte_is_413_and_logged(slack, caplog):
    body = form(command="/flaskvsdjango", text="a" * (1024 * 1024))
    status, _ = await post_signed(slack, body, rq.FORM)
    assert status == 413
    assert [m for m in rejections(caplog) if "body over" in m]
    assert listener_calls(slack.fake) == []


async def test_a_body_that_is_not_utf8_is_refused_not_crashed_on(slack, caplog):
    """slack_sdk verifies signatures over text only; Slack sends UTF-8 only. Either way: 4xx, no 500."""
    status, _ = await post_signed(slack, b"command=%2Fflaskvsdjango&text=\xff\xfe", rq.FORM)
    assert status in (400, 401)
    assert len(rejections(caplog)) == 1
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_a_large_but_legitimate_payload_is_served(slack):
    """Slack's biggest real payloads (~100 KB modals) are not mistaken for abuse."""
    alice = slack.user()
    request = alice.command("which is more secure? " + "padding " * 12_000)
    assert len(request.body) > 90_000
    delivery = await slack.send(request)
    assert delivery.status == 200 and delivery.message is not None


async def test_well_formed_bodies_pass_the_shape_check_untouched():
    fixtures = [rq.slash_command("x"), rq.app_mention("<@W1> hi"), rq.im_message("hi"), rq.url_verification("c"),
                rq.app_home_opened(), rq.app_uninstalled(), rq.tokens_revoked(), rq.bot_message("hi"),
                rq.block_actions("menu_compare", "compare", response_url="https://hooks.slack.com/actions/1"),
                rq.block_actions("share", None, response_url="https://hooks.slack.com/actions/1")]
    for request in fixtures:
        check_shape(request.payload)
    check_shape({"ssl_check": "1", "token": "x"})
    with pytest.raises(BadBody) as raised:
        check_shape({"type": "block_actions", "user": {"id": "W1"}, "actions": "x"})
    assert raised.value.cause == "block_actions without a list of actions"


# --- well-formed bodies the bot cannot use: a polite note, or (unknown action) a logged no-op ---------------

def ephemeral_click(slack, action_id: str, value: str | None):
    alice = slack.user()
    url = slack.fake.response_url(channel=alice.channel, user=alice.id, message_ts="1700000000.000100")
    return rq.block_actions(action_id, value, response_url=url, user_id=alice.id, channel_id=alice.channel,
                            is_ephemeral=True, message_ts="1700000000.000100")


STALE_VALUES = {
    "flow value not decodable": ("flow_answer_0", "%%not-a-flow-state%%", "start again"),
    "flow value empty": ("flow_answer_1", "", "start again"),
    "flow value missing": ("flow_back", None, "start again"),
    "flow value 2,000 characters": ("flow_answer_0", "z" * 2000, "start again"),
    "flow value with markup": ("flow_answer_0", "<!channel> <@U1>", "start again"),
    "topic no longer exists": ("topic_0", "no-such-topic", "no longer in the guide"),
    "topic value with markup": ("topic_3", "<!here>", "no longer in the guide"),
    "feedback for an unknown topic": ("feedback_helpful", "nope|what is <!channel>", "older version"),
    "feedback value without bar": ("feedback_unhelpful", "garbage", "older version"),
    "share value unknown kind": ("share", "zz:top", "older version"),
    "share value with markup": ("share", "t:<!channel>", "older version"),
    "share of an unfinished flow": ("share", "r:%%", "older version"),
    "menu button renamed": ("menu_nothing", "x", "older version"),
}


@pytest.mark.parametrize("name", STALE_VALUES)
async def test_a_button_value_that_does_not_decode_gets_a_polite_note(slack, caplog, name):
    action_id, value, note = STALE_VALUES[name]
    delivery = await slack.send(ephemeral_click(slack, action_id, value))
    assert delivery.status == 200
    [post] = await slack.fake.wait_for("response_url")
    await settle(0.1)
    assert post.status == 200
    assert note in json.dumps(post.payload).lower()
    assert_safe_message(post.payload)
    assert "Traceback" not in json.dumps(post.payload)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(slack.fake.response_posts) == 1
    assert [c for c in slack.fake.calls if c.method.startswith("chat.")] == []


async def test_an_unknown_action_id_is_acked_and_logged_once(slack, caplog):
    """Not a button we make (a link button, another app's): ack so Slack shows no error, log, stay quiet."""
    caplog.set_level(logging.WARNING)
    delivery = await slack.send(ephemeral_click(slack, "somebody_elses_button", "x"))
    await settle()
    assert delivery.status == 200
    [logged] = [r.getMessage() for r in caplog.records if r.name == "bot.listeners.actions"]
    assert "somebody_elses_button" in logged
    assert listener_calls(slack.fake) == []


async def test_after_a_burst_of_malformed_bodies_the_bot_still_answers(slack):
    for body, content_type, _ in MALFORMED.values():
        assert (await post_signed(slack, body, content_type))[0] == 400
    delivery = await slack.send(slack.user().command("which is more secure?"))
    assert delivery.status == 200 and "CSRF" in delivery.message.text
