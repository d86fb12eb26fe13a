"""A real slack_bolt AsyncApp accepts what the builders produce and talks to the fake."""

from __future__ import annotations

import asyncio
import json

from slack_bolt.app.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.emulator import FakeSlackAPI, requests as rq

SECRET = "test-signing-secret"


def make_app(fake: FakeSlackAPI) -> AsyncApp:
    app = AsyncApp(signing_secret=SECRET, client=AsyncWebClient(base_url=fake.base_url, token="xoxb-test"))

    @app.command("/flaskvsdjango")
    async def command(ack, respond, command):
        await ack()
        await respond(blocks=[{"type": "actions", "elements": [
            {"type": "button", "action_id": "pick", "value": "flask", "text": {"type": "plain_text", "text": "Flask"}},
        ]}], text=f"You asked: {command['text']}")

    @app.action("pick")
    async def pick(ack, respond, body):
        await ack()
        await respond(replace_original=True, text=f"You picked {body['actions'][0]['value']}")

    @app.event("app_mention")
    async def mention(event, say):
        await say(text="hi from thread", thread_ts=event["ts"])

    @app.event("message")
    async def dm(message, say):
        await say(text=f"echo {message['text']}")

    @app.event("app_home_opened")
    async def home(event, client):
        await client.views_publish(user_id=event["user"], view={"type": "home", "blocks": []})

    return app


async def test_url_verification_answers_the_challenge(fake):
    resp = await make_app(fake).async_dispatch(rq.url_verification("abc").as_bolt_request(SECRET))
    assert resp.status == 200 and json.loads(resp.body) == {"challenge": "abc"}


async def test_unsigned_request_is_rejected(fake):
    resp = await make_app(fake).async_dispatch(rq.slash_command("x").as_bolt_request())
    assert resp.status == 401


async def test_command_then_click_replaces_the_message_in_place(fake):
    app = make_app(fake)
    alice = fake.user("W222")
    resp = await app.async_dispatch(alice.command("flask?").as_bolt_request(SECRET))
    assert resp.status == 200
    [post] = await fake.wait_for("response_url")
    message = post.message
    assert message.ephemeral and message.user == "W222" and message.text == "You asked: flask?"
    assert message.blocks[0]["block_id"]  # Slack assigns block ids

    resp = await app.async_dispatch(alice.click(message, 1).as_bolt_request(SECRET))
    assert resp.status == 200
    await fake.wait_for("response_url", count=2)
    assert fake.messages == [message]
    assert message.text == "You picked flask" and message.updated_count == 1
    assert [c.kind for c in fake.conversation.changes] == ["new", "updated"]


async def test_mention_reply_lands_in_the_thread(fake):
    app = make_app(fake)
    alice = fake.user()
    resp = await app.async_dispatch(alice.mention("flask or django?").as_bolt_request(SECRET))
    assert resp.status == 200
    [call] = await fake.wait_for("chat.postMessage")
    parent = alice.last_message
    assert call.params["thread_ts"] == parent.ts
    assert [m.text for m in fake.conversation.thread(parent.channel, parent.ts)] == ["hi from thread"]
    assert fake.conversation.in_channel(parent.channel) == [parent]
    auth = fake.calls_to("auth.test")
    assert auth and auth[0].ok


async def test_dm_is_answered_in_the_dm_channel(fake):
    app = make_app(fake)
    resp = await app.async_dispatch(fake.user("W333").dm("hello").as_bolt_request(SECRET))
    assert resp.status == 200
    [call] = await fake.wait_for("chat.postMessage")
    assert call.params["channel"] == fake.dm_channel("W333") and call.response["message"]["text"] == "echo hello"


async def test_own_bot_message_is_ignored_by_bolt(fake):
    app = make_app(fake)
    req = rq.bot_message("my own echo", bot_id=fake.identity.bot_id)
    resp = await app.async_dispatch(req.as_bolt_request(SECRET))
    assert resp.status == 200
    other = await app.async_dispatch(rq.bot_message("other bot", bot_id="B888").as_bolt_request(SECRET))
    assert other.status == 200
    [call] = await fake.wait_for("chat.postMessage")
    await asyncio.sleep(0.1)  # give a wrongly handled self-message the time to show up
    assert fake.calls_to("chat.postMessage") == [call] and call.params["text"] == "echo other bot"


async def test_app_home_publishes_a_view(fake):
    app = make_app(fake)
    alice = fake.user("W444")
    resp = await app.async_dispatch(alice.open_home().as_bolt_request(SECRET))
    assert resp.status == 200
    [call] = await fake.wait_for("views.publish")
    assert call.ok and fake.home_views["W444"]["type"] == "home"
    assert alice.open_home().payload["event"]["view"]["id"] == call.response["view"]["id"]


async def test_slash_command_ack_body_becomes_an_ephemeral_message(fake):
    app = AsyncApp(signing_secret=SECRET, client=AsyncWebClient(base_url=fake.base_url, token="xoxb-test"))

    @app.command("/flaskvsdjango")
    async def command(ack):
        await ack(text="pong", response_type="in_channel")

    req = fake.user().command("ping")
    resp = await app.async_dispatch(req.as_bolt_request(SECRET))
    message = fake.apply_ack(req.payload["response_url"], resp.body)
    assert message is not None and message.text == "pong" and not message.ephemeral
    assert fake.apply_ack(req.payload["response_url"], "") is None
