"""The fake Web API: recording, Slack's answers, response_urls, faults, waiting."""

from __future__ import annotations

import asyncio
import time

import aiohttp
import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.http_retry.builtin_interval_calculators import FixedValueRetryIntervalCalculator
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.emulator import EmulatorTimeout, FakeSlackAPI

BLOCKS = [{"type": "section", "text": {"type": "mrkdwn", "text": "*hi*"}}]


def client(fake: FakeSlackAPI, token: str = "xoxb-test", **kw) -> AsyncWebClient:
    return AsyncWebClient(base_url=fake.base_url, token=token, **kw)


async def test_post_message_is_recorded_with_real_shapes(fake):
    resp = await client(fake).chat_postMessage(channel="C111", text="hello", blocks=BLOCKS)
    assert resp["ok"] and resp["channel"] == "C111" and resp["message"]["text"] == "hello"
    [call] = fake.calls
    assert call.method == "chat.postMessage" and call.params["blocks"] == BLOCKS
    assert call.token == "xoxb-test" and call.headers["Authorization"] == "Bearer xoxb-test"
    [message] = fake.messages
    assert (message.channel, message.ts, message.from_app, message.ephemeral) == ("C111", resp["ts"], True, False)
    assert message.to_dict()["bot_id"] == fake.identity.bot_id


async def test_form_posts_with_json_string_blocks_are_parsed(fake):
    await client(fake).api_call("chat.postMessage", data={"channel": "C111", "blocks": '[{"type": "divider"}]'})
    assert fake.calls[0].params["blocks"] == [{"type": "divider"}]
    assert fake.messages[0].blocks[0]["type"] == "divider"


async def test_ts_values_are_unique_and_increasing(fake):
    web = client(fake)
    answers = [await web.chat_postMessage(channel="C111", text=str(i)) for i in range(3)]
    stamps = [float(a["ts"]) for a in answers]
    assert stamps == sorted(set(stamps))


async def test_auth_test_matches_the_fixture(fake, fixture):
    resp = await client(fake).auth_test()
    expected = fixture("bolt-python/web_api_auth_test_bot.json")
    assert {k: resp[k] for k in expected} == expected


@pytest.mark.filterwarnings("ignore:BasicAuth is deprecated:DeprecationWarning")
async def test_oauth_v2_access_matches_the_fixture(fake, fixture):
    resp = await AsyncWebClient(base_url=fake.base_url).oauth_v2_access(client_id="1", client_secret="s", code="c")
    assert resp.data == fixture("bolt-python/web_api_oauth_v2_access.json")


@pytest.mark.filterwarnings("ignore:BasicAuth is deprecated:DeprecationWarning")
async def test_auth_test_answers_for_the_workspace_a_token_was_issued_to(fake):
    fake.oauth_response = dict(fake.oauth_response, access_token="xoxb-team-b", bot_user_id="UBOTB",
                               team={"id": "TBBBB", "name": "Team B"}, enterprise=None,
                               authed_user={"id": "UB1", "access_token": "xoxp-team-b"})
    await AsyncWebClient(base_url=fake.base_url).oauth_v2_access(client_id="1", client_secret="s", code="c")
    bot = await client(fake, "xoxb-team-b").auth_test()
    assert (bot["team_id"], bot["team"], bot["user_id"]) == ("TBBBB", "Team B", "UBOTB")
    user = await client(fake, "xoxp-team-b").auth_test()
    assert (user["team_id"], user["user_id"]) == ("TBBBB", "UB1")
    # a token it never issued still answers for the fake's own workspace
    assert (await client(fake).auth_test())["team_id"] == fake.identity.team_id


async def test_update_changes_the_same_message_in_place(fake):
    web = client(fake)
    queue = fake.conversation.subscribe()
    seen = []
    fake.conversation.on_change(lambda change: seen.append((change.seq, change.kind)))
    posted = await web.chat_postMessage(channel="C111", text="v1", blocks=BLOCKS)
    updated = await web.chat_update(channel="C111", ts=posted["ts"], text="v2", blocks=[])
    assert updated["ts"] == posted["ts"] and updated["text"] == "v2"
    [message] = fake.messages
    assert message.text == "v2" and message.blocks == [] and message.updated_count == 1
    assert [r.text for r in message.history] == ["v1"]
    assert seen == [(1, "new"), (2, "updated")]
    assert [(await queue.get()).kind, (await queue.get()).kind] == ["new", "updated"]
    await web.chat_delete(channel="C111", ts=posted["ts"])
    assert message.deleted and fake.conversation.find("C111", posted["ts"]) is None
    with pytest.raises(SlackApiError) as err:
        await web.chat_update(channel="C111", ts=posted["ts"], text="v3")
    assert err.value.response["error"] == "message_not_found"


async def test_ephemeral_is_private_and_cannot_be_chat_updated(fake):
    web = client(fake)
    resp = await web.chat_postEphemeral(channel="C111", user="W222", text="psst")
    assert resp["message_ts"]
    [message] = fake.messages
    assert message.ephemeral and message.user == "W222"
    assert fake.conversation.in_channel("C111", visible_to="W999") == []
    assert fake.conversation.in_channel("C111", visible_to="W222") == [message]
    with pytest.raises(SlackApiError):
        await web.chat_update(channel="C111", ts=resp["message_ts"], text="x")


async def test_user_messages_and_thread_replies(fake):
    parent = fake.add_user_message("question", channel="C111", user="W222")
    await client(fake).chat_postMessage(channel="C111", thread_ts=parent.ts, text="answer")
    [reply] = fake.conversation.thread("C111", parent.ts)
    assert reply.is_reply and reply.text == "answer"
    assert fake.conversation.in_channel("C111") == [parent]
    assert fake.conversation.last() is reply


async def test_tokens_are_checked(fixture):
    async with FakeSlackAPI(valid_tokens={"xoxb-good"}) as fake:
        with pytest.raises(SlackApiError) as err:
            await client(fake, "xoxb-bad").chat_postMessage(channel="C111", text="x")
        assert err.value.response.data == fixture("bolt-python/web_api_error_invalid_auth.json")
        with pytest.raises(SlackApiError) as err:
            await AsyncWebClient(base_url=fake.base_url).chat_postMessage(channel="C111", text="x")
        assert err.value.response["error"] == "not_authed"
        fake.revoke_token("xoxb-good")
        with pytest.raises(SlackApiError) as err:
            await client(fake, "xoxb-good").auth_test()
        assert err.value.response["error"] == "token_revoked"
        assert fake.messages == []


async def test_unknown_method_and_bad_arguments(fake):
    web = client(fake)
    with pytest.raises(SlackApiError) as err:
        await web.api_call("no.such.method")
    assert err.value.response.status_code == 200 and err.value.response["error"] == "unknown_method"
    with pytest.raises(SlackApiError) as err, pytest.warns(UserWarning):
        await web.chat_postMessage(channel="C111")
    assert err.value.response["error"] == "no_text"
    with pytest.raises(SlackApiError) as err:
        await web.chat_postMessage(channel="nope", text="x")
    assert err.value.response["error"] == "channel_not_found"


async def test_info_methods(fake):
    web = client(fake)
    assert (await web.conversations_info(channel="D123"))["channel"]["is_im"] is True
    assert (await web.users_info(user="W222"))["user"]["id"] == "W222"
    fake.users["W5"] = {"id": "W5", "name": "bob"}
    assert (await web.users_info(user="W5"))["user"]["name"] == "bob"


async def test_response_url_allows_five_uses():
    async with FakeSlackAPI() as fake:
        url = fake.response_url(channel="C111", user="W222")
        hook = AsyncWebhookClient(url)
        statuses = [(await hook.send(text=f"n{i}")).status_code for i in range(6)]
        assert statuses == [200] * 5 + [404]
        last = await hook.send(text="again")
        assert last.body == '{"ok": false, "error": "expired_url"}'
        assert fake.response_url_info(url).uses == 5
        assert len(fake.response_posts) == 7 and fake.response_posts[-1].status == 404
        assert all(m.ephemeral and m.user == "W222" for m in fake.messages)


async def test_expired_response_url(fake):
    url = fake.response_url()
    fake.expire(url)
    resp = await AsyncWebhookClient(url).send(text="late")
    assert resp.status_code == 404 and "expired_url" in resp.body
    assert fake.messages == []


async def test_response_url_replace_delete_and_in_channel(fake):
    posted = await client(fake).chat_postMessage(channel="C111", text="question", blocks=BLOCKS)
    original = fake.messages[0]
    url = fake.response_url(channel="C111", user="W222", message_ts=posted["ts"])
    hook = AsyncWebhookClient(url)
    assert (await hook.send(text="answered", replace_original=True)).body == "ok"
    assert fake.messages == [original] and original.text == "answered" and original.blocks == []
    await hook.send(text="for all", response_type="in_channel")
    assert not fake.messages[-1].ephemeral
    await hook.send(delete_original=True)
    assert original.deleted
    assert [c.kind for c in fake.conversation.changes] == ["new", "updated", "new", "deleted"]


async def test_a_message_sent_through_a_response_url_has_no_user_like_slacks(fake, fixture):
    """chat.postMessage names the bot user (block_actions_button_with_message.json); an in_channel response_url
    post is a bot_message with no user (message_event_self_bot_message_subtype.json): how a click tells the
    app's own DM from a message shared into a DM between two people."""
    posted = await client(fake).chat_postMessage(channel="D0AB", text="mine", blocks=BLOCKS)
    assert posted["message"]["user"] == fake.identity.bot_user_id and "subtype" not in posted["message"]
    url = fake.response_url(channel="D0AB", user="W222")
    await AsyncWebhookClient(url).send(text="shared", response_type="in_channel")
    shared = fake.messages[-1].to_dict()
    slacks = fixture("bolt-python/message_event_self_bot_message_subtype.json")["event"]
    assert "user" not in shared and "user" not in slacks
    assert shared["subtype"] == slacks["subtype"] == "bot_message"
    assert shared["bot_id"] == slacks["bot_id"] == fake.identity.bot_id
    await AsyncWebhookClient(fake.response_url(channel="D0AB", user="W222")).send(text="just you")
    assert fake.messages[-1].ephemeral and fake.messages[-1].to_dict()["user"] == "W222"


async def test_429_is_retried_by_the_rate_limit_handler(fake, fixture):
    expected = fixture("derived/web_api_rate_limited_429.json")
    fake.fail("chat.postMessage", times=1, status=429, retry_after=1)
    web = client(fake, retry_handlers=[AsyncRateLimitErrorRetryHandler(max_retry_count=1)])
    started = time.monotonic()
    resp = await web.chat_postMessage(channel="C111", text="hi")
    assert resp["ok"] and time.monotonic() - started >= 1
    first, second = fake.calls
    assert (first.status, first.response) == (expected["status"], expected["body"])
    assert second.ok and len(fake.messages) == 1


async def test_429_without_retry_handler_surfaces_retry_after(fake):
    fake.fail("chat.postMessage", retry_after=7)
    with pytest.raises(SlackApiError) as err:
        await client(fake).chat_postMessage(channel="C111", text="hi")
    assert err.value.response.status_code == 429 and err.value.response.headers["Retry-After"] == "7"
    assert err.value.response["error"] == "ratelimited"


async def test_server_errors_drop_and_delay(fake):
    fake.fail("chat.postMessage", status=503)
    web = client(fake, retry_handlers=[AsyncServerErrorRetryHandler(
        max_retry_count=1, interval_calculator=FixedValueRetryIntervalCalculator(0.01))])
    assert (await web.chat_postMessage(channel="C111", text="a"))["ok"]
    assert [c.status for c in fake.calls] == [503, 200]

    fake.fail("chat.postMessage", drop=True)
    assert (await client(fake).chat_postMessage(channel="C111", text="b"))["ok"]  # default connection retry
    assert [c.status for c in fake.calls[2:]] == [0, 200]

    fake.fail("chat.postMessage", delay=0.3)
    started = time.monotonic()
    assert (await client(fake).chat_postMessage(channel="C111", text="c"))["ok"]
    assert time.monotonic() - started >= 0.3

    fake.fail("chat.postMessage", error="not_in_channel")
    with pytest.raises(SlackApiError) as err:
        await client(fake).chat_postMessage(channel="C111", text="d")
    assert err.value.response["error"] == "not_in_channel"


async def test_a_held_request_arrives_and_is_answered_when_released(fake):
    release = asyncio.Event()
    held = fake.fail("chat.postMessage", hold=release)
    sending = asyncio.ensure_future(client(fake).chat_postMessage(channel="C111", text="held"))
    await fake.wait_until(lambda: held.used == 1, timeout=5)
    await asyncio.sleep(0.05)
    assert not sending.done() and not fake.calls, "held: arrived, not answered, not yet recorded"
    release.set()
    assert (await sending)["ok"]
    assert [c.params["text"] for c in fake.calls] == ["held"] and fake.calls[0].status == 200


async def test_response_url_faults(fake):
    url = fake.response_url()
    fake.fail("response_url", status=429, retry_after=2)
    fake.fail(url, status=500)
    hook = AsyncWebhookClient(url)
    first = await hook.send(text="x")
    assert first.status_code == 429 and first.headers["Retry-After"] == "2"
    assert (await hook.send(text="x")).status_code == 500
    assert (await hook.send(text="x")).status_code == 200
    fake.fail("response_url", drop=True)
    assert (await hook.send(text="y")).status_code == 200  # the webhook client retries connection errors
    assert [p.status for p in fake.response_posts] == [429, 500, 200, 0, 200]
    fake.fail(url, drop=True, times=2)
    with pytest.raises(aiohttp.ClientError):
        await AsyncWebhookClient(url, retry_handlers=[]).send(text="z")


async def test_wait_for_does_not_sleep_blindly(fake):
    async def later():
        await asyncio.sleep(0.05)
        await client(fake).chat_postMessage(channel="C111", text="late")

    task = asyncio.create_task(later())
    calls = await fake.wait_for(lambda c: c.params.get("text") == "late", timeout=2)
    assert calls[0].method == "chat.postMessage"
    await task
    with pytest.raises(EmulatorTimeout) as err:
        await fake.wait_for("chat.update", count=2, timeout=0.05)
    assert (err.value.expected, err.value.seen, err.value.waiting_for) == (2, 0, "chat.update")


async def test_response_url_expires_after_thirty_minutes(fake):
    url = fake.response_url()
    fake.response_url_info(url).created -= 30 * 60 + 1
    resp = await AsyncWebhookClient(url).send(text="too late")
    assert resp.status_code == 404 and "expired_url" in resp.body


async def test_slash_command_url_replace_targets_the_first_response(fake):
    url = fake.response_url(channel="C111", user="W222")
    hook = AsyncWebhookClient(url)
    await hook.send(text="working on it…")
    await hook.send(text="done", replace_original=True)
    [message] = fake.messages
    assert message.text == "done" and message.ephemeral and message.updated_count == 1


async def test_wait_for_message_and_subscribe(fake):
    queue = fake.subscribe()
    changes = []
    fake.on_change(changes.append)

    async def bot_replies():
        await asyncio.sleep(0.02)
        await client(fake).chat_postMessage(channel="C111", text="Flask is smaller")

    task = asyncio.create_task(bot_replies())
    fake.add_user_message("flask?", user="W222")
    message = await fake.wait_for_message(lambda m: "Flask" in m.text, timeout=2)
    await task
    assert message.from_app and [c.message.text for c in changes] == ["flask?", "Flask is smaller"]
    assert (await queue.get()).message.source == "user"
    assert (await queue.get()).message is message
    with pytest.raises(EmulatorTimeout):
        await fake.wait_for_message(lambda m: "Django" in m.text, timeout=0.05)


async def test_malformed_arguments_get_slack_errors_not_500s(fake):
    async with aiohttp.ClientSession() as session:
        headers = {"Authorization": "Bearer xoxb-test", "Content-Type": "application/json"}
        async with session.post(fake.base_url + "chat.postMessage", data=b"{nope", headers=headers) as resp:
            assert resp.status == 200 and (await resp.json())["error"] == "invalid_json"
        async with session.post(fake.base_url + "views.publish", data=b'{"user_id": "W1", "view": "{bad"}',
                                headers=headers) as resp:
            assert (await resp.json())["error"] == "invalid_arguments"
        async with session.post(fake.base_url + "no.such") as resp:
            assert (await resp.json())["error"] == "unknown_method"
