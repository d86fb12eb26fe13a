"""Property-based tests: whatever a person types or a button carries, the reply is safe Block Kit.

Most examples go through the pure core (``bot.responses``: ``reply``,
``flow_click``, ``share_reply``) with the shipped knowledge, which answers in
microseconds; a smaller number go through the running bot (``LocalSlack``):
signed requests, Bolt, the listeners and the fake Slack Web API.

The properties: every reply passes ``blockkit.problems``; the fallback text
stays under our 3,000-character cap; and no text a person sees contains
``<!``, ``<@``, ``<#`` or ``<http``/``<mailto`` markup, except the
``<@USER>`` in "Shared by", which the bot writes from Slack's payload.
"""

from __future__ import annotations

import asyncio
import json

from hypothesis import HealthCheck, given, settings, strategies as st

from bot import followups, intents
from bot.blocks.common import MAX_FALLBACK_TEXT, feedback_value, parse_feedback_value
from bot.emulator.blockkit import texts
from bot.emulator.buttons import buttons
from bot.emulator.local_app import LocalSlack
from bot.knowledge import default_knowledge_dir, load_knowledge
from bot.recommend import decode, encode, start
from bot.responses import Brain, flow_click, reply, share_reply
from tests.reliability.conftest import assert_safe_message

BRAIN = Brain.build(load_knowledge(default_knowledge_dir()))
REC = BRAIN.knowledge.recommendation

ATOMS = [
    "<!channel>", "<!here>", "<!everyone>", "<!subteam^S1>", "<!subteam^S1|@devs>", "<@U123>", "<@U123|bob>",
    "<#C1>", "<#C1|general>", "<https://evil.example|click>", "<http://evil.example>", "<mailto:a@b.c|x>",
    "&lt;!channel&gt;", "&amp;lt;!here&amp;gt;", "&lt;@U1&gt;", "<", ">", "&", "<!", "<@", "<#", "|", "^",
    "flask", "django", "orm", "secure", "which", "is", "?", "help", "choose", "compare", " ", "\n", "\t",
    "\u200b", "\u200d", "\u202e", "\u2066", "\ufeff", "\u0301", "\u0336", "👍🏽", "👨‍👩‍👧", "🐍", "שלום", "مرحبا",
    "`", "```", "*", "_", "~", ">", ":rocket:", "\x00", "\x1b",
]
WORDS = st.one_of(st.sampled_from(ATOMS), st.text(max_size=20))
SLACK_MAX_TEXT = 40_000  # Slack never delivers a message longer than this
QUESTIONS = st.one_of(
    st.lists(WORDS, max_size=16).map("".join),
    st.tuples(st.lists(WORDS, min_size=1, max_size=6).map("".join), st.integers(1, 4000))
    .map(lambda t: (t[0] * t[1])[:SLACK_MAX_TEXT]),
)
BUTTON_VALUES = st.one_of(
    st.text(max_size=200),
    st.lists(WORDS, max_size=10).map("".join),
    st.sampled_from(["fvd1:", "fvd1:0:", "fvd1:999999:1.2", "fvd1:0:0.0.0.0", "t:", "c:", "r:", "r:fvd1:0:0",
                     "t:flask-overview", "|", "flask-overview|<!channel>"]),
    st.builds(lambda v, p: f"fvd1:{v}:{p}", st.integers(0, 10**6), st.from_regex(r"[0-9.]{0,20}", fullmatch=True)),
    st.builds(lambda k, r: f"{k}:{r}", st.sampled_from("tcrx"), st.text(max_size=40)),
)
USER_IDS = st.from_regex(r"[UW][A-Z0-9]{2,10}", fullmatch=True)


def assert_reply_safe(message: dict, *, allowed: tuple[str, ...] = ()) -> None:
    assert_safe_message(message, allowed=allowed)
    assert len(message["text"]) <= MAX_FALLBACK_TEXT


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=QUESTIONS, shareable=st.booleans())
def test_any_question_gets_a_safe_reply(text, shareable):
    for parse in (intents.parse_command, intents.parse_message):
        result = reply(parse(text), BRAIN, shareable=shareable)
        assert_reply_safe(result.message)
        assert not (result.answered and result.declined)


FOLLOW_UPS = st.sampled_from(["and django?", "what about flask", "and the other one?", "same question for django pls"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(previous=QUESTIONS, follow_up=FOLLOW_UPS, framework=st.sampled_from(["", " flask", " Django"]))
def test_a_follow_up_on_any_earlier_question_gets_a_safe_reply(previous, follow_up, framework):
    """The earlier question is a person's text too: what a follow-up was read as is quoted safely."""
    asked = followups.rewrite(previous + framework, follow_up)
    result = reply(intents.parse_message(follow_up), BRAIN, follow_up=asked)
    assert_reply_safe(result.message)
    assert bool(result.answered) != result.declined


@settings(max_examples=150, deadline=None)
@given(text=QUESTIONS)
def test_the_same_question_gets_the_same_reply(text):
    assert reply(intents.parse_command(text), BRAIN) == reply(intents.parse_command(text), BRAIN)


@settings(max_examples=400, deadline=None)
@given(value=BUTTON_VALUES, shareable=st.booleans())
def test_any_flow_button_value_gets_a_safe_reply(value, shareable):
    assert_reply_safe(flow_click(value, BRAIN, shareable=shareable).message)


@settings(max_examples=400, deadline=None)
@given(value=BUTTON_VALUES, user=USER_IDS)
def test_any_share_value_is_refused_or_shared_safely(value, user):
    result = share_reply(value, BRAIN, user_id=user)
    if result is not None:
        assert_reply_safe(result.message, allowed=(f"<@{user}>",))


@settings(max_examples=200, deadline=None)
@given(topic=st.sampled_from(sorted(BRAIN.knowledge.topics)), question=QUESTIONS)
def test_feedback_values_fit_a_button_and_round_trip(topic, question):
    value = feedback_value(topic, question)
    assert len(value) <= 2000
    got_topic, got_question, origin = parse_feedback_value(value)
    assert got_topic == topic and origin == "" and question.startswith(got_question.rstrip("…").rstrip())


@settings(max_examples=200, deadline=None)
@given(choices=st.lists(st.integers(0, 9), max_size=40))
def test_any_path_of_flow_clicks_stays_valid_and_ends_in_a_result(choices):
    """Click through the flow by the buttons each message offers; every step is valid; it terminates."""
    message = reply(intents.parse_command("choose"), BRAIN, shareable=True).message
    assert decode(encode(start(REC)), REC) == start(REC)
    for choice in choices:
        answers = [b for b in buttons(message) if b.action_id.startswith("flow_answer_")]
        if not answers:
            break
        message = flow_click(answers[choice % len(answers)].value, BRAIN, shareable=True).message
        assert_reply_safe(message)
    for _ in range(len(REC.questions) + 1):  # finish the flow with first answers
        answers = [b for b in buttons(message) if b.action_id.startswith("flow_answer_")]
        if not answers:
            break
        message = flow_click(answers[0].value, BRAIN, shareable=True).message
    assert not [b for b in buttons(message) if b.action_id.startswith("flow_answer_")]
    assert "this project" in "\n".join(texts(message))


# --- fewer examples through the running bot ----------------------------------------------------------

def test_questions_and_clicks_through_the_running_bot():
    """Signed command, mention, DM and a flow click per example, against LocalSlack."""
    with asyncio.Runner() as runner:
        slack = LocalSlack()
        runner.run(slack.start())
        try:
            @settings(max_examples=30, deadline=None,
                      suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
            @given(text=QUESTIONS, value=BUTTON_VALUES)
            def one_example(text, value):
                runner.run(_round_trip(slack, text, value))

            one_example()
        finally:
            runner.run(slack.stop())


async def _round_trip(slack: LocalSlack, text: str, value: str) -> None:
    from bot.emulator import requests as rq

    slack.fake.calls.clear()
    slack.fake.response_posts.clear()
    alice = slack.user()
    delivery = await slack.send(alice.command(text))
    assert delivery.status == 200
    assert_reply_safe(json.loads(delivery.body))

    await slack.send(alice.mention(text))
    await slack.send(alice.dm(text))
    posts = await slack.fake.wait_for("chat.postMessage", count=2)
    for post in posts:
        assert post.ok, post.response
        assert_reply_safe(post.params)

    url = slack.fake.response_url(channel=alice.channel, user=alice.id, message_ts="1700000000.000100")
    click = rq.block_actions("flow_answer_0", value, response_url=url, user_id=alice.id,
                             channel_id=alice.channel, is_ephemeral=True, message_ts="1700000000.000100")
    assert (await slack.send(click)).status == 200
    [post] = await slack.fake.wait_for("response_url")
    assert post.status in (200, 404)  # 404: replace_original of a message the fake never saw
    assert_reply_safe(post.payload)
