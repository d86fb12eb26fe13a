"""Hostile input through every way in (slash command, mention, DM): an answer or a decline, never a ping.

Slack sends user text with ``&``, ``<`` and ``>`` escaped; what arrives as ``<...>``
is markup Slack itself made (a real mention, ``<!channel>``, a link). A reply that
echoes it unescaped would ping the channel or link elsewhere in the bot's name.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest

from bot.emulator import requests as rq
from bot.emulator.blockkit import SPECIAL, texts
from tests.reliability.conftest import assert_safe_message, settle

MARKUP = ("<!channel> <!here> <!everyone> <!subteam^S1> <!subteam^S1|@devs> <@U123> <@U123|bob> <#C1> "
          "<#C1|general> <https://evil.example|click> <http://evil.example> <mailto:a@evil.example|mail> "
          "&lt;!channel&gt; &amp;lt;!here&amp;gt; <!date^1392734382^{date}|Feb 18>")

HOSTILE: dict[str, str] = {
    "40,000 characters": ("which is more secure, flask or django? " * 1100)[:40_000],
    "40,000 characters of markup": ("<!channel> <@U123> " * 2200)[:40_000],
    "markup injection": f"which is more secure? {MARKUP}",
    "markup only": MARKUP,
    "look-alikes with markup": "&lt;!channel&gt; is django secure &lt;@U1&gt; <!channel>",
    "emoji": "🐍🔥 is django 🦄 faster than flask? 👩🏽‍💻👨‍👩‍👧‍👦 :rocket: 🏳️‍🌈",
    "right-to-left": "\u202eflask\u202c מה ההבדל בין Django ל-Flask? ما الفرق",
    "zero-width": "wh\u200bich\u200c is\u200d more\ufeff se\u2060cure\u200e?",
    "combining marks": "ẅ̸̢h̷̛i̴c̵h̶ ̷i̸s̶ ̵m̷o̴r̴e̵ s̸̈́ȩ̶c̷u̴r̵e̶" + "\u0301" * 500,
    "control characters": "which\x00 is\x07 more\x1b[31m secure\r\n\t?",
    "lone surrogates escaped": "is django secure \\ud800 \\udfff",
    "mrkdwn breakers": "```*_~`> which is more secure? `<!channel>`",
    "single hostile word": "<!channel>",
}


def reply_texts(payload: dict[str, Any]) -> str:
    return "\n".join(texts(payload))


def assert_answer_or_decline(payload: dict[str, Any], *, allowed: tuple[str, ...] = ()) -> None:
    assert_safe_message(payload, allowed=allowed)
    assert payload["text"].strip()


@pytest.mark.parametrize("name", HOSTILE)
async def test_hostile_text_through_command_mention_and_dm(slack, name):
    text = HOSTILE[name]
    alice = slack.user()

    delivery = await slack.send(alice.command(text))
    assert delivery.status == 200 and delivery.elapsed < 3
    ack = json.loads(delivery.body)
    assert ack["response_type"] == "ephemeral"
    assert_answer_or_decline(ack)

    assert (await slack.send(alice.mention(text))).status == 200
    assert (await slack.send(alice.dm(text))).status == 200
    posts = await slack.fake.wait_for("chat.postMessage", count=2)
    await settle(0.1)
    assert len(slack.fake.calls_to("chat.postMessage")) == 2
    for post in posts:
        assert post.ok, post.response
        assert_answer_or_decline(post.params)


async def test_lone_surrogates_in_json_events_are_answered_and_remembered(slack, caplog):
    """JSON can carry half an emoji ("\\ud83d", e.g. text cut inside a pair); a form-encoded
    slash command cannot (Slack sends UTF-8). The question is answered, and remembered for a
    follow-up like any other (it once failed both: no UTF-8 encoder takes half a pair)."""
    alice = slack.user()
    assert (await slack.send(alice.mention("is django secure \ud83d or flask \ude80?"))).status == 200
    assert (await slack.send(alice.dm("which is easier to learn \ud800?"))).status == 200
    posts = await slack.fake.wait_for("chat.postMessage", count=2)
    for post in posts:
        assert post.ok, post.response
        assert_answer_or_decline(post.params)
    await settle(0.1)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_a_hostile_question_in_a_feedback_button_is_not_echoed_when_clicked(slack):
    alice = slack.user()
    answer = (await slack.send(alice.command("what is wsgi <!channel> <@U123> &lt;!here&gt;"))).message
    values = [b.value for b in answer.buttons() if b.action_id.startswith("feedback_")]
    assert values and all(len(v) <= 2000 for v in values)
    await slack.send(alice.click(answer, "feedback_helpful"))
    [post] = await slack.fake.wait_for("response_url")
    assert post.status == 200
    assert_safe_message(post.payload)


async def test_sharing_an_answer_to_a_hostile_question_pings_nobody_but_names_the_sharer(slack):
    alice = slack.user()
    answer = (await slack.send(alice.command("what is wsgi <!channel> <@U123> &lt;!here&gt;"))).message
    await slack.send(alice.click(answer, "share"))
    posts = await slack.fake.wait_for("response_url", count=2)
    shared = next(p for p in posts if p.payload.get("response_type") == "in_channel")
    assert_safe_message(shared.payload, allowed=(f"<@{alice.id}>",))
    assert f"<@{alice.id}>" in reply_texts(shared.payload)


async def test_a_decline_quotes_the_question_escaped(slack):
    """The decline shows what was asked, as text: ``<!channel>`` reads as itself and pings nobody."""
    alice = slack.user()
    ack = json.loads((await slack.send(alice.command("zebra quantum <!channel> banana <@U123>"))).body)
    quoted = reply_texts(ack)
    assert "&lt;!channel&gt;" in quoted and "&lt;@U123&gt;" in quoted
    assert not SPECIAL.search(quoted)


async def test_slack_escaped_look_alikes_stay_text(slack):
    """What a person typed as ``&lt;!channel&gt;`` arrives escaped once more and must not become markup."""
    alice = slack.user()
    ack = json.loads((await slack.send(alice.command("zebra &amp;lt;!channel&amp;gt; &lt;!here&gt;"))).body)
    quoted = reply_texts(ack)
    assert "<!" not in quoted


async def test_hostile_text_from_another_channel_and_user_ids_is_answered_there(slack):
    bob = slack.user("W999", name="bob", channel="C999")
    await slack.send(bob.mention(f"is django secure {MARKUP}"))
    [post] = await slack.fake.wait_for("chat.postMessage")
    assert post.params["channel"] == "C999" and post.params["thread_ts"] == bob.last_message.ts
    assert_safe_message(post.params)


def test_the_builder_sends_what_slack_would():
    """Sanity: markup arrives unescaped in the event text, exactly as typed into the request."""
    request = rq.app_mention(f"<@{rq.BOT_USER_ID}> {MARKUP}")
    assert "<!channel>" in request.payload["event"]["text"]
