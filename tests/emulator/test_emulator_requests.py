"""Request builders: signatures, shapes from the fixtures, and buttons/click."""

from __future__ import annotations

import json
import time
from urllib.parse import parse_qs

import pytest
from slack_sdk.signature import SignatureVerifier

from bot.emulator import ButtonNotFound, requests as rq
from bot.emulator.buttons import buttons

SECRET = "test-signing-secret"


def test_sign_matches_slacks_published_vector(fixture):
    vector = fixture("derived/signature_test_vector.json")
    headers = rq.sign(vector["raw_body"].encode(), vector["signing_secret"], int(vector["x_slack_request_timestamp"]))
    assert headers["X-Slack-Signature"] == vector["x_slack_signature"]
    assert headers["X-Slack-Request-Timestamp"] == vector["x_slack_request_timestamp"]
    assert headers["Content-Type"] == "application/x-www-form-urlencoded"


@pytest.mark.parametrize("request_", [
    rq.slash_command("flask or django?"),
    rq.app_mention("<@W23456789> hi"),
    rq.im_message("hello"),
    rq.bot_message("beep"),
    rq.app_home_opened(),
    rq.app_uninstalled(),
    rq.tokens_revoked(),
    rq.url_verification("challenge-123"),
    rq.block_actions("go", "1", response_url="http://127.0.0.1/response/x"),
], ids=lambda r: r.socket_mode_type)
def test_every_builder_body_verifies_with_slack_sdk(request_):
    signed = request_.signed(SECRET)
    verifier = SignatureVerifier(SECRET)
    assert verifier.is_valid_request(signed.body, signed.all_headers())
    assert not SignatureVerifier("other").is_valid_request(signed.body, signed.all_headers())


def test_stale_timestamp_fails_verification():
    signed = rq.slash_command("x").signed(SECRET, ts=int(time.time()) - 301)
    assert not SignatureVerifier(SECRET).is_valid_request(signed.body, signed.all_headers())


def test_slash_command_has_the_fixture_fields(fixture):
    real = fixture("bolt-python/slash_command.json")["parsed"]
    shape = fixture("java-slack-sdk-shapes/app-backend_slash-commands_SlashCommandPayload.json")
    req = rq.slash_command("Hi", response_url="http://127.0.0.1:1/response/a")
    fields = {k: v[0] for k, v in parse_qs(req.text, keep_blank_values=True).items()}
    assert set(real) - {"enterprise_id", "enterprise_name"} <= set(fields) <= set(shape)
    assert fields["command"] == "/flaskvsdjango" and fields["text"] == "Hi"
    assert req.payload == fields and req.socket_mode_type == "slash_commands"


def test_event_envelopes_match_the_fixture_keys(fixture):
    real = fixture("bolt-python/message_im_event_top_level.json")
    req = rq.im_message("hi", channel="D111", user="W222")
    body = json.loads(req.body)
    assert set(real) - {"enterprise_id"} <= set(body)
    assert set(real["event"]) <= set(body["event"])
    assert body["event"]["channel_type"] == "im"
    assert body["event_id"].startswith("Ev") and isinstance(body["event_time"], int)
    mention = json.loads(rq.app_mention("<@W23456789> hi", thread_ts="1.2").body)
    assert set(fixture("bolt-python/app_mention_event_authorizations.json")["event"]) <= set(mention["event"])
    assert mention["event"]["thread_ts"] == "1.2"
    assert mention["event"]["blocks"][0]["elements"][0]["elements"][0] == {"type": "user", "user_id": "W23456789"}


def test_ids_and_ts_are_unique_and_increasing():
    a, b = rq.im_message("1"), rq.im_message("2")
    ts_a, ts_b = a.payload["event"]["ts"], b.payload["event"]["ts"]
    assert float(ts_b) > float(ts_a) and len(ts_a.split(".")[1]) == 6
    assert a.payload["event_id"] != b.payload["event_id"]


def test_retried_adds_slack_retry_headers():
    req = rq.app_mention("hi").retried(1, "http_timeout")
    assert req.headers["X-Slack-Retry-Num"] == "1"
    assert req.headers["X-Slack-Retry-Reason"] == "http_timeout"


MESSAGE = {
    "type": "message", "ts": "1700000000.000500", "text": "pick one",
    "blocks": [
        {"type": "section", "block_id": "s1", "text": {"type": "mrkdwn", "text": "Q"},
         "accessory": {"type": "button", "action_id": "more", "value": "m",
                       "text": {"type": "plain_text", "text": "More"}}},
        {"type": "actions", "block_id": "a1", "elements": [
            {"type": "button", "action_id": "choose_flask", "value": "flask",
             "text": {"type": "plain_text", "text": "Flask"}},
            {"type": "static_select", "action_id": "sel"},
            {"type": "button", "action_id": "choose_django", "value": "django",
             "text": {"type": "plain_text", "text": "Django"}},
        ]},
    ],
}


def test_buttons_in_display_order():
    found = buttons(MESSAGE)
    assert [(b.label, b.action_id, b.value, b.block_id) for b in found] == [
        ("More", "more", "m", "s1"), ("Flask", "choose_flask", "flask", "a1"),
        ("Django", "choose_django", "django", "a1"),
    ]


def test_click_builds_the_block_actions_payload(fixture):
    real = fixture("bolt-python/block_actions_button_with_message.json")["payload"]
    req = rq.click(MESSAGE, 3, response_url="http://127.0.0.1:1/response/r", channel_id="C222")
    assert parse_qs(req.text).keys() == {"payload"}
    payload = json.loads(parse_qs(req.text)["payload"][0])
    assert payload == req.payload
    assert set(real) <= set(payload)
    action = payload["actions"][0]
    assert set(real["actions"][0]) <= set(action)
    assert (action["action_id"], action["value"], action["block_id"], action["type"]) == (
        "choose_django", "django", "a1", "button")
    assert payload["container"] == {"type": "message", "message_ts": MESSAGE["ts"], "channel_id": "C222",
                                    "is_ephemeral": False}
    assert payload["message"] == MESSAGE and payload["response_url"].endswith("/response/r")
    assert rq.click(MESSAGE, "more", response_url="u").payload["actions"][0]["value"] == "m"


def test_click_on_ephemeral_omits_the_message(fixture):
    real = fixture("bolt-python/block_actions_button_ephemeral_container.json")["payload"]
    req = rq.click(MESSAGE, 1, response_url="u", is_ephemeral=True)
    assert "message" not in req.payload and "message" not in real
    assert req.payload["container"]["is_ephemeral"] is True


def test_click_unknown_button_lists_the_available_ones():
    with pytest.raises(ButtonNotFound) as err:
        rq.click(MESSAGE, 9, response_url="u")
    assert err.value.wanted == 9 and "Flask (choose_flask)" in err.value.available
