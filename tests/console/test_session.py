"""The session in-process: the real bot behind LocalSlack, output captured from a plain console."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from bot.console.parse import parse
from bot.console.session import open_session
from bot.emulator.conversation import Message


@pytest.fixture
async def session():
    out = io.StringIO()
    console = Console(file=out, width=100, force_terminal=False, no_color=True, color_system=None)
    s = await open_session(console, plain=True)
    s.out = out
    yield s
    await s.close()


async def say(session, line: str) -> str:
    start = session.out.tell()
    assert await session.handle(parse(line))
    return session.out.getvalue()[start:]


async def test_requests_are_signed_and_go_through_the_bot_endpoint(session):
    await say(session, "/flaskvsdjango")
    await say(session, "1")
    await say(session, "hello there")
    fake = session.slack.fake
    assert fake.conversation.messages[0].source == "ack"        # the slash command's ack body, as Slack shows it
    assert fake.response_posts                                  # the click answered through its response_url
    assert fake.calls_to("chat.postMessage")                    # the DM answered through the Web API


async def test_a_click_names_its_message_when_the_latest_message_has_no_buttons(session):
    await say(session, "/flaskvsdjango")
    identity = session.slack.fake.identity
    session.slack.fake.conversation.add(Message(channel="C111", ts="9.9", text="Deploy finished", blocks=[],
                                                user=identity.bot_user_id, source="chat.postMessage",
                                                bot_id=identity.bot_id))
    session.flush()
    out = await say(session, "2")
    assert "clicked [2] Compare in “Flask vs Django helper”" in out
    assert "Flask vs Django at a glance" in out


async def test_after_an_update_a_number_clicks_the_updated_message(session):
    await say(session, "/flaskvsdjango")
    out = await say(session, "1")           # Help me choose: the menu becomes question 1
    assert "✎ updated" in out and "Question 1 of" in out
    out = await say(session, "2")           # the second answer of question 1, not the menu's "Compare"
    assert "Question 2 of" in out and "at a glance" not in out
    menu = session.slack.fake.conversation.messages[0]
    assert menu.updated_count == 2
