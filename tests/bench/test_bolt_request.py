"""bot.http.bolt_request builds the request Bolt's own constructor builds, parsing the body with bot.form."""

from __future__ import annotations

import pytest
from aiohttp.test_utils import make_mocked_request
from multidict import CIMultiDict
from slack_bolt.request.async_request import AsyncBoltRequest

from bot.http import EVENTS_PATH, bolt_request
from bot.payloads import BadBody
from tests.unit.test_form import slack_bodies
from tests.slack_fixtures import fixture_path


def compare(body: str, content_type: str, query: str = "") -> None:
    headers = CIMultiDict({"Content-Type": content_type, "X-Slack-Request-Timestamp": "1531420618",
                           "X-Slack-Signature": "v0=abc"})
    request = make_mocked_request("POST", EVENTS_PATH + (f"?{query}" if query else ""), headers=headers)
    ours = bolt_request(body.encode(), request)
    bolts = AsyncBoltRequest(body=body, query=request.query_string, headers=request.headers)  # type: ignore[arg-type]
    assert type(ours) is AsyncBoltRequest
    for attr in ("raw_body", "body", "query", "headers", "content_type", "lazy_only", "lazy_function_name", "mode"):
        assert getattr(ours, attr) == getattr(bolts, attr), attr
    assert dict(ours.context) == dict(bolts.context)


def test_every_slack_payload_makes_the_request_bolt_makes() -> None:
    fixture_path()
    compared = 0
    for name, body, content_type in slack_bodies():
        try:
            compare(body, content_type, query="a=1&b=%2F")
        except BadBody as e:
            pytest.fail(f"{name}: the shape check refused a real Slack payload: {e}")
        compared += 1
    assert compared >= 30


def test_a_body_that_is_not_json_is_a_bad_body() -> None:
    request = make_mocked_request("POST", EVENTS_PATH, headers={"Content-Type": "application/x-www-form-urlencoded"})
    with pytest.raises(BadBody, match="not JSON"):
        bolt_request(b"payload=%7Bnope", request)
    with pytest.raises(BadBody, match="not UTF-8"):
        bolt_request(b"payload=\xff", request)
