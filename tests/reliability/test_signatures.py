"""Slack request signatures: every way a signature can be wrong gets 401, and no listener runs.

Each case is tried on the three kinds of body the bot serves (a slash command,
an Events API callback, a block_actions click). "No listener ran" is checked
where it shows: no Web API call or response_url post reached the fake Slack,
and no usage record was written. A correctly signed copy of each body is
answered, so a 401 here means the signature check, not a broken endpoint.
"""

from __future__ import annotations

import json
import time
from typing import Callable

import pytest

from bot.emulator import requests as rq
from bot.emulator.local_app import SIGNING_SECRET
from bot.emulator.requests import SlackRequest, sign
from tests.reliability.conftest import listener_calls, settle, usage_records
from tests.slack_fixtures import fixture_path

TS_HEADER, SIG_HEADER = "X-Slack-Request-Timestamp", "X-Slack-Signature"


def command(slack) -> SlackRequest:
    return slack.user().command("which is more secure?")


def event(slack) -> SlackRequest:
    return slack.user().mention("which is more secure?")


def click(slack) -> SlackRequest:
    return rq.block_actions("menu_compare", "compare", response_url=slack.fake.response_url())


BODIES: dict[str, Callable] = {"slash command": command, "event": event, "block_actions": click}


def headers_for(request: SlackRequest, secret: str = SIGNING_SECRET, ts: int | None = None) -> dict[str, str]:
    return {**request.all_headers(), **sign(request.body, secret, ts, content_type=request.content_type)}


def forged(req: SlackRequest) -> tuple[bytes, dict[str, str]]:
    return req.body, headers_for(req, secret="not-the-signing-secret")


def stale(req: SlackRequest) -> tuple[bytes, dict[str, str]]:
    return req.body, headers_for(req, ts=int(time.time()) - 301)


def from_the_future(req: SlackRequest) -> tuple[bytes, dict[str, str]]:
    return req.body, headers_for(req, ts=int(time.time()) + 301)


def without(header: str) -> Callable[[SlackRequest], tuple[bytes, dict[str, str]]]:
    def case(req: SlackRequest) -> tuple[bytes, dict[str, str]]:
        headers = headers_for(req)
        del headers[header]
        return req.body, headers
    return case


def without_both(req: SlackRequest) -> tuple[bytes, dict[str, str]]:
    return req.body, req.all_headers()


def timestamp(value: str) -> Callable[[SlackRequest], tuple[bytes, dict[str, str]]]:
    def case(req: SlackRequest) -> tuple[bytes, dict[str, str]]:
        return req.body, {**headers_for(req), TS_HEADER: value}
    return case


def signature(value: str) -> Callable[[SlackRequest], tuple[bytes, dict[str, str]]]:
    def case(req: SlackRequest) -> tuple[bytes, dict[str, str]]:
        return req.body, {**headers_for(req), SIG_HEADER: value}
    return case


def body_changed_after_signing(req: SlackRequest) -> tuple[bytes, dict[str, str]]:
    headers = headers_for(req)
    body = req.body.replace(b"secure", b"SECURE") if b"secure" in req.body else req.body.replace(b"compare", b"topics")
    assert body != req.body
    return body, headers


def body_with_a_byte_appended(req: SlackRequest) -> tuple[bytes, dict[str, str]]:
    return req.body + b" ", headers_for(req)


def signed_over_another_timestamp(req: SlackRequest) -> tuple[bytes, dict[str, str]]:
    now = int(time.time())
    return req.body, {**headers_for(req, ts=now - 10), TS_HEADER: str(now)}


CASES: dict[str, Callable[[SlackRequest], tuple[bytes, dict[str, str]]]] = {
    "forged (wrong secret)": forged,
    "stale (301 s old)": stale,
    "stale (301 s ahead)": from_the_future,
    "missing X-Slack-Signature": without(SIG_HEADER),
    "missing X-Slack-Request-Timestamp": without(TS_HEADER),
    "missing both headers": without_both,
    "non-numeric timestamp": timestamp("yesterday"),
    "float timestamp": timestamp(f"{time.time():.3f}"),
    "negative timestamp": timestamp("-1"),
    "non-ASCII digits in timestamp": timestamp("١٧٠٠٠٠٠٠٠٠"),
    "empty timestamp": timestamp(""),
    "wrong signature": signature("v0=" + "0" * 64),
    "wrong scheme": signature("v1=" + "0" * 64),
    "empty signature": signature(""),
    "signature without scheme": signature("0" * 64),
    "body changed after signing": body_changed_after_signing,
    "byte appended after signing": body_with_a_byte_appended,
    "signature over a different timestamp": signed_over_another_timestamp,
}


@pytest.mark.parametrize("kind", BODIES)
async def test_bad_signature_gets_401_and_no_listener_runs(slack, kind):
    """Every case in CASES, on one running bot per body kind (a fresh bot per case costs 0.2 s)."""
    answers = {}
    for case, tamper in CASES.items():
        status, _ = await slack.post("/slack/events", *tamper(BODIES[kind](slack)))
        answers[case] = status
    await settle()
    assert {case: status for case, status in answers.items() if status != 401} == {}
    assert listener_calls(slack.fake) == []
    assert usage_records(slack) == []


@pytest.mark.parametrize("kind", BODIES)
async def test_the_same_bodies_correctly_signed_are_answered(slack, kind):
    request = BODIES[kind](slack)
    status, _ = await slack.post("/slack/events", request.body, headers_for(request))
    assert status == 200
    await slack.fake.wait_until(lambda: listener_calls(slack.fake) or usage_records(slack), what="a listener")


async def test_slacks_published_example_replayed_years_later_is_stale(slack):
    vector = json.loads(fixture_path("derived/signature_test_vector.json").read_text())
    body = vector["raw_body"].encode()
    assert sign(body, vector["signing_secret"], int(vector["x_slack_request_timestamp"]))[SIG_HEADER] == \
        vector["x_slack_signature"]
    headers = {TS_HEADER: vector["x_slack_request_timestamp"], SIG_HEADER: vector["x_slack_signature"],
               "Content-Type": rq.FORM}
    status, _ = await slack.post("/slack/events", body, headers)
    assert status == 401


@pytest.mark.parametrize("body", [b"payload=not-json", b"[1, 2]", b"\xff\xfe not utf-8", b"{\"type\": 1}"])
async def test_a_malformed_body_with_a_bad_signature_is_401_not_400(slack, body):
    """The signature is judged before the body: a forger learns nothing about our parser."""
    headers = {**sign(body, "not-the-signing-secret"), "Content-Type": rq.FORM}
    status, _ = await slack.post("/slack/events", body, headers)
    assert status == 401
    assert listener_calls(slack.fake) == []


async def test_rejections_are_logged_with_the_reason(slack, caplog):
    request = command(slack)
    await slack.post("/slack/events", *without(SIG_HEADER)(request))
    await slack.post("/slack/events", *timestamp("soon")(request))
    messages = [r.getMessage() for r in caplog.records if r.name == "bot.http"]
    assert any("missing X-Slack-Request-Timestamp or X-Slack-Signature" in m for m in messages)
    assert any("not a number" in m for m in messages)


async def test_a_wrong_signing_secret_is_logged_once_a_minute_with_what_to_check(slack, caplog):
    """An operator with the wrong SLACK_SIGNING_SECRET sees why every request fails, not an empty log."""
    caplog.set_level("WARNING", logger="bot.http")
    for _ in range(5):
        status, _ = await slack.post("/slack/events", *forged(command(slack)))
        assert status == 401
    status, _ = await slack.post("/slack/events", *stale(event(slack)))
    assert status == 401
    lines = [r.getMessage() for r in caplog.records if r.name == "bot.http"]
    assert len(lines) == 2, lines
    assert "invalid signature: check SLACK_SIGNING_SECRET" in lines[0]
    assert "X-Slack-Request-Timestamp is 30" in lines[1] and "s off this server's clock" in lines[1]


def test_the_rejection_log_counts_what_it_held_back(caplog):
    from bot.http import RejectionLog

    now = [0.0]
    log = RejectionLog(every=60, clock=lambda: now[0])
    caplog.set_level("WARNING", logger="bot.http")
    for t in (0, 1, 2, 30, 61, 62):
        now[0] = t
        log.warn("missing X-Slack-Signature")
    assert [r.getMessage().split(": ", 1)[1] for r in caplog.records] == [
        "missing X-Slack-Signature",
        "missing X-Slack-Signature (and 3 more like it since the last such line)",
    ]


async def test_slacks_unsigned_ssl_check_gets_200_and_nothing_else(slack, caplog):
    """Slack checks a slash command URL's certificate with an unsigned ``ssl_check=1&token=...``
    (bolt-js#1397); Bolt's SslCheck answers it 200 before verifying, and so does our shell."""
    status, body = await slack.post("/slack/events", b"ssl_check=1&token=xyz", {"Content-Type": rq.FORM})
    assert (status, body) == (200, "")
    # only exactly that: anything more is an unsigned request like any other
    for extra in (b"ssl_check=1&token=x&command=%2Fflaskvsdjango&text=hi", b"ssl_check=2&token=x",
                  b"ssl_check=1&ssl_check=1"):
        assert (await slack.post("/slack/events", extra, {"Content-Type": rq.FORM}))[0] == 401, extra
    assert (await slack.post("/slack/events", b'{"ssl_check": "1"}', {"Content-Type": rq.JSON}))[0] == 401
    await settle()
    assert listener_calls(slack.fake) == [] and usage_records(slack) == []
    assert not any("ssl_check=1&token=xyz" in r.getMessage() for r in caplog.records)
