"""SlackUser: what a person's actions look like to the app, and to the conversation."""

from __future__ import annotations

from aiohttp import ClientSession

from bot.emulator import Message


async def test_mention_adds_the_bot_mention_and_records_the_message(fake):
    alice = fake.user("W222", channel="C777")
    req = alice.mention("flask?")
    event = req.payload["event"]
    assert event["text"] == f"<@{fake.identity.bot_user_id}> flask?" and event["channel"] == "C777"
    assert alice.last_message is not None and alice.last_message.ts == event["ts"]
    assert fake.messages == [alice.last_message] and alice.last_message.source == "user"
    reply = alice.mention("more", thread_ts=event["ts"]).payload["event"]
    assert reply["thread_ts"] == event["ts"]
    assert fake.conversation.thread("C777", event["ts"])[0].text.endswith("more")


async def test_dm_uses_a_stable_dm_channel(fake):
    bob = fake.user("W333", name="bob")
    first, second = bob.dm("a").payload["event"], bob.dm("b").payload["event"]
    assert first["channel"] == second["channel"] == bob.dm_channel and first["channel_type"] == "im"
    assert bob.say("c").payload["event"]["channel_type"] == "channel"


async def test_command_and_click_get_live_response_urls(fake):
    alice = fake.user()
    url = alice.command("compare").payload["response_url"]
    assert fake.response_url_info(url).user == "W222"
    posted = Message(channel="C111", ts="1700000000.009900", text="q", user=fake.identity.bot_user_id,
                     source="chat.postMessage", bot_id=fake.identity.bot_id, thread_ts="1700000000.000100",
                     blocks=[{"type": "actions", "block_id": "b1", "elements": [
                         {"type": "button", "action_id": "go", "value": "1",
                          "text": {"type": "plain_text", "text": "Go"}}]}])
    fake.conversation.add(posted)
    payload = alice.click(posted, "go").payload
    assert payload["container"]["thread_ts"] == posted.thread_ts
    assert payload["message"]["ts"] == posted.ts and payload["actions"][0]["block_id"] == "b1"
    info = fake.response_url_info(payload["response_url"])
    assert (info.message_ts, info.thread_ts, info.channel) == (posted.ts, posted.thread_ts, "C111")
    async with ClientSession() as session:
        async with session.post(payload["response_url"], json={"text": "done", "replace_original": True}) as resp:
            assert resp.status == 200 and await resp.text() == "ok"
    assert posted.text == "done" and len(fake.messages) == 1
