"""bot.form gives urllib's and Bolt's answers, for Slack's payloads and for any text."""

from __future__ import annotations

import json
from urllib.parse import parse_qsl, quote_plus
from urllib.parse import unquote_plus as urllib_unquote_plus

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from slack_bolt.request.internals import parse_body as bolt_parse_body

from bot.emulator import requests as rq
from bot.form import parse_body, parse_form, unquote_plus
from tests.slack_fixtures import FIXTURES, fixture_path

FORM = "application/x-www-form-urlencoded"
NOT_REQUESTS = ("socket_mode_acks.json", "socket_mode_control_frames.json")  # what the bot sends, and pings

# Text made of what matters to percent-decoding: escapes good and bad, '+', '&', '=',
# backslashes, multi-byte UTF-8 escapes, and characters outside ASCII.
tricky = st.lists(st.sampled_from(
    ["%", "2", "F", "f", "C3", "A9", "E2", "82", "AC", "zz", "+", "&", "=", "\\", "x", "é", "€", "a", " ", "\n"]
)).map("".join)


@given(st.text())
@example("")
@example("%")
@example("abc%")
@example("%4")
@example("%zz")
@example("%C3")            # a lone lead byte: not UTF-8
@example("%C3a%A9")
@example("%FF%FE")
@example("a\\x41%41")      # a backslash already in the text
@example("caf%C3%A9+%E2%82%AC")
@example("é%41")           # non-ASCII already in the text
@example("%2B+%26%3D%25")
@example("%e2%82%ac")      # lower-case hex
def test_unquote_plus_is_urllibs(text: str) -> None:
    assert unquote_plus(text) == urllib_unquote_plus(text)


@given(tricky)
def test_unquote_plus_is_urllibs_on_escape_heavy_text(text: str) -> None:
    assert unquote_plus(text) == urllib_unquote_plus(text)


@given(st.text())
def test_unquote_plus_reverses_quote_plus(text: str) -> None:
    assert unquote_plus(quote_plus(text)) == text


@given(st.one_of(st.text(), tricky))
@example("a=1&&b=2")
@example("a&b=&=c")
@example("payload")
@example("a=1&a=2")
def test_parse_form_is_parse_qsl(body: str) -> None:
    assert parse_form(body) == dict(parse_qsl(body, keep_blank_values=True))


@given(st.dictionaries(st.text(), st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4),
    max_leaves=20,
)))
def test_parse_body_reads_any_form_encoded_payload_as_bolt_does(payload: dict) -> None:
    body = "payload=" + quote_plus(json.dumps(payload))
    assert parse_body(body, FORM) == bolt_parse_body(body, FORM) == payload


def slack_bodies() -> list[tuple[str, str, str]]:
    """(name, body, content type) as Slack sends them: fixtures and the emulator's requests."""
    out: list[tuple[str, str, str]] = []
    for path in sorted(FIXTURES.glob("**/*.json")):
        if "api-specs" in str(path) or path.name.startswith(("web_api_", "api_")) or path.name in NOT_REQUESTS:
            continue
        data = json.loads(path.read_text())
        if isinstance(data, dict) and "raw_body" in data:
            out.append((path.name, data["raw_body"], data.get("content_type", FORM)))
            continue
        if isinstance(data, dict) and isinstance(data.get("payload"), dict):  # a Socket Mode envelope
            data = data["payload"]
        if not isinstance(data, dict):
            continue
        if "event" in data or data.get("type") == "url_verification":
            out.append((path.name, json.dumps(data), "application/json"))
        else:  # interactivity: a form with the JSON in ``payload``
            out.append((path.name, "payload=" + quote_plus(json.dumps(data)), FORM))
    url = "https://hooks.slack.com/actions/T/1/x"
    for name, request in {
        "command": rq.slash_command("what's the deal with CSRF & \"security\"? 100% sure?"),
        "mention": rq.app_mention("<@U0BOT> café ☕ + django"),
        "click": rq.block_actions("flow_1", "v", response_url=url),
        "feedback": rq.block_actions("feedback_helpful", "t|q", block_id="feedback", response_url=url),
    }.items():
        signed = request.signed("secret")
        out.append((name, signed.body.decode(), signed.all_headers()["Content-Type"]))
    return out


def test_parse_body_reads_every_slack_payload_as_bolt_does() -> None:
    fixture_path()
    bodies = slack_bodies()
    assert len(bodies) >= 30, "the fixtures are missing: see shared/slack-fixtures/README.md"
    for name, body, content_type in bodies:
        assert parse_body(body, content_type) == bolt_parse_body(body, content_type), name
    assert sum(ct == FORM for _, _, ct in bodies) >= 10  # both kinds were exercised
    assert sum(ct == "application/json" for _, _, ct in bodies) >= 10


def test_a_body_that_is_not_json_raises_what_bolts_raises() -> None:
    for body, content_type in (("{not json", "application/json"), ("payload=%7Bnope", FORM)):
        with pytest.raises(json.JSONDecodeError):
            bolt_parse_body(body, content_type)
        with pytest.raises(json.JSONDecodeError):
            parse_body(body, content_type)
