"""The Socket Mode server against Bolt's real AsyncSocketModeHandler (aiohttp)."""

from __future__ import annotations

import json
from typing import AsyncIterator

import aiohttp
import pytest
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.app.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.emulator import EmulatorError, EmulatorTimeout, FakeSlackAPI, SocketModeServer, requests as rq


@pytest.fixture
async def handler(fake_sm: FakeSlackAPI) -> AsyncIterator[AsyncSocketModeHandler]:
    app = AsyncApp(client=AsyncWebClient(base_url=fake_sm.base_url, token="xoxb-test"))

    @app.command("/flaskvsdjango")
    async def command(ack, command):
        await ack(text=f"pong {command['text']}", response_type="ephemeral")

    @app.event("app_mention")
    async def mention(event, say):
        await say(text="hello", thread_ts=event["ts"])

    @app.action("pick")
    async def pick(ack):
        await ack()

    socket_handler = AsyncSocketModeHandler(app, app_token="xapp-1-A111-test", ping_interval=0.2)
    await socket_handler.connect_async()
    yield socket_handler
    await socket_handler.close_async()


async def test_hello_frame_matches_the_fixture(fake_sm, fixture):
    expected = fixture("python-slack-sdk/socket_mode_hello.json")
    url = fake_sm.socket_mode.issue_url()
    async with aiohttp.ClientSession() as session, session.ws_connect(url) as ws:
        hello = json.loads((await ws.receive()).data)
        assert set(hello) == set(expected) and hello["type"] == "hello"
        assert hello["num_connections"] == 1 and hello["connection_info"] == {"app_id": "A111"}


async def test_tickets_are_single_use(fake_sm):
    url = fake_sm.socket_mode.issue_url()
    async with aiohttp.ClientSession() as session:
        async with session.ws_connect(url):
            pass
        with pytest.raises(aiohttp.WSServerHandshakeError):
            await session.ws_connect(url)


async def test_apps_connections_open_needs_an_app_token(fake_sm):
    resp = await AsyncWebClient(base_url=fake_sm.base_url).apps_connections_open(app_token="xapp-1-x")
    assert resp["url"].startswith("ws://127.0.0.1:") and "/link/?ticket=" in resp["url"]
    with pytest.raises(SlackApiError) as err:
        await AsyncWebClient(base_url=fake_sm.base_url).apps_connections_open(app_token="xoxb-nope")
    assert err.value.response["error"] == "not_allowed_token_type"


async def test_slash_command_envelope_is_acked_with_payload(handler, fake_sm, fixture):
    server = fake_sm.socket_mode
    await server.wait_connected(1)
    envelope_id = await server.send_request(fake_sm.user().command("hi"))
    ack = await server.wait_ack(envelope_id)
    assert set(ack) == set(fixture("derived/socket_mode_acks.json")["ack_with_payload_slash_command"])
    assert ack == {"envelope_id": envelope_id, "payload": {"text": "pong hi", "response_type": "ephemeral"}}
    sent = server.envelopes_sent[-1]
    assert set(sent) == set(fixture("python-slack-sdk/socket_mode_envelope_slash_commands.json"))
    assert sent["accepts_response_payload"] is True


async def test_events_api_envelope_is_acked_and_handled(handler, fake_sm, fixture):
    server = fake_sm.socket_mode
    await server.wait_connected(1)
    envelope_id = await server.send_request(fake_sm.user().mention("hi"), retry_attempt=1, retry_reason="timeout")
    assert await server.wait_ack(envelope_id) == {"envelope_id": envelope_id}
    sent = server.envelopes_sent[-1]
    assert set(sent) == set(fixture("python-slack-sdk/socket_mode_envelope_events_api_retry_attempt.json"))
    assert (sent["retry_attempt"], sent["retry_reason"]) == (1, "timeout")
    [call] = await fake_sm.wait_for("chat.postMessage")
    assert call.params["text"] == "hello"


async def test_interactive_envelope_is_acked(handler, fake_sm):
    server = fake_sm.socket_mode
    posted = fake_sm.add_user_message("x")  # any message with a button will do
    posted.blocks = [{"type": "actions", "block_id": "b", "elements": [
        {"type": "button", "action_id": "pick", "value": "v", "text": {"type": "plain_text", "text": "Pick"}}]}]
    await server.wait_connected(1)
    envelope_id = await server.send_request(fake_sm.user().click(posted, "pick"))
    assert await server.wait_ack(envelope_id) == {"envelope_id": envelope_id}
    assert server.envelopes_sent[-1]["type"] == "interactive"


@pytest.mark.parametrize("reason", ["warning", "refresh_requested", "too_many_websockets"])
async def test_disconnect_frame_leads_to_reconnect(handler, fake_sm, reason):
    server = fake_sm.socket_mode
    await server.wait_connected(1)
    await server.send_disconnect(reason)
    await server.wait_connected(2, total=True)
    assert len(fake_sm.calls_to("apps.connections.open")) == 2
    envelope_id = await server.send_request(fake_sm.user().command("again"))
    assert (await server.wait_ack(envelope_id))["payload"]["text"] == "pong again"


async def test_dropped_connection_is_reestablished(handler, fake_sm):
    server = fake_sm.socket_mode
    await server.wait_connected(1)
    await server.drop()
    await server.wait_connected(2, total=True, timeout=5)
    await server.wait_connected(1)
    envelope_id = await server.send_request(fake_sm.user().command("back"))
    assert (await server.wait_ack(envelope_id))["payload"]["text"] == "pong back"


async def test_wait_ack_times_out_without_a_client():
    async with SocketModeServer() as server:
        with pytest.raises(EmulatorTimeout):
            await server.wait_connected(1, timeout=0.05)
        with pytest.raises(EmulatorTimeout):
            await server.wait_ack("nope", timeout=0.05)


async def test_url_verification_has_no_envelope(fake_sm):
    with pytest.raises(EmulatorError):
        await fake_sm.socket_mode.send_request(rq.url_verification("x"))
