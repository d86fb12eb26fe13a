"""The "help me choose" flow and the other buttons, clicked as Slack would send the clicks."""

from __future__ import annotations

import asyncio

import pytest

from bot import recommend
from bot.emulator import requests as rq
from tests.scenario.conftest import all_text, assert_valid


async def click_and_wait(slack, user, message, button):
    """Click a button of ``message``; wait until the bot has updated it or posted something."""
    before = (message.updated_count, len(slack.fake.messages), message.deleted)
    delivery = await slack.send(user.click(message, button))
    assert delivery.status == 200
    await slack.fake.wait_until(
        lambda: (message.updated_count, len(slack.fake.messages), message.deleted) != before, what="bot reaction")
    return message


def option_buttons(message):
    return [b for b in message.buttons() if b.action_id.startswith("flow_answer_")]


async def walk(slack, user, message, pick):
    """Answer every question with ``pick(question_number, options)``; return the message."""
    total = len(slack.runtime.services.brain.knowledge.recommendation.questions)
    for n in range(1, total + 1):
        assert f"Question {n} of {total}" in all_text(message)
        options = option_buttons(message)
        assert options, "a question without answer buttons"
        await click_and_wait(slack, user, message, options[pick(n, options)].action_id)
    return message


async def test_the_flow_updates_one_message_in_place_and_ends_in_a_recommendation(slack):
    alice = slack.user()
    message = (await slack.send(alice.command("choose"))).message
    await walk(slack, alice, message, lambda n, options: 0)
    text = all_text(message)
    assert "We recommend Flask for this project" in text or "lean towards Flask" in text
    assert "█" in text and "%" in text
    assert "Why" in text and "From the guide" in text
    assert message.updated_count == len(slack.runtime.services.brain.knowledge.recommendation.questions)
    assert len([m for m in slack.fake.messages if m.from_app]) == 1  # one message, updated in place
    labels = [b.label for b in message.buttons()]
    assert "Start over" in labels and "Share in channel" in labels
    assert any(b.action_id.startswith("topic_") for b in message.buttons())
    assert_valid(message.to_dict())


async def test_large_sensitive_project_with_admin_needs_gets_django(slack):
    rec = slack.runtime.services.brain.knowledge.recommendation
    # pick, for every question, the option that gives Django the most points over Flask
    best = [max(range(len(q.options)), key=lambda i: q.options[i].django - q.options[i].flask) for q in rec.questions]
    alice = slack.user()
    message = (await slack.send(alice.command("choose"))).message
    await walk(slack, alice, message, lambda n, options: best[n - 1])
    assert "We recommend Django for this project" in all_text(message)


async def test_back_and_start_over(slack):
    alice = slack.user()
    message = (await slack.send(alice.command("choose"))).message
    await click_and_wait(slack, alice, message, "flow_answer_0")
    await click_and_wait(slack, alice, message, "flow_answer_1")
    assert "Question 3 of" in all_text(message)
    await click_and_wait(slack, alice, message, "flow_back")
    assert "Question 2 of" in all_text(message)
    await click_and_wait(slack, alice, message, "flow_restart")
    assert "Question 1 of" in all_text(message)
    assert not any(b.action_id == "flow_back" for b in message.buttons())


@pytest.mark.parametrize("value", ["fvd1:999:0.1", "garbage", "fvd1:1:9.9.9", "", "fvd1:1:0.0.0.0.0.0.0.0.0.0"])
async def test_old_or_malformed_flow_values_get_a_polite_restart(slack, value):
    alice = slack.user()
    message = (await slack.send(alice.command("choose"))).message
    url = slack.fake.response_url(channel=message.channel, user=alice.id, message_ts=message.ts)
    forged = rq.block_actions("flow_answer_0", value, response_url=url, user_id=alice.id, channel_id=message.channel,
                              is_ephemeral=True, message_ts=message.ts)
    assert (await slack.send(forged)).status == 200
    await slack.fake.wait_until(lambda: message.updated_count == 1, what="stale notice")
    assert "has changed since this message was sent" in all_text(message)
    assert [b.label for b in message.buttons()] == ["Start again"]


async def test_menu_buttons(slack):
    alice = slack.user()
    menu = (await slack.send(alice.command(""))).message
    await click_and_wait(slack, alice, menu, "menu_compare")
    assert "Flask vs" in slack.fake.messages[-1].text
    await click_and_wait(slack, alice, menu, "menu_topics")
    assert len(slack.fake.messages[-1].buttons()) == len(slack.runtime.services.brain.knowledge.topics)
    await click_and_wait(slack, alice, menu, "menu_choose")
    assert "Question 1 of" in all_text(menu)  # the menu became the flow


async def test_related_topic_button_answers_that_topic(slack):
    alice = slack.user()
    answer = (await slack.send(alice.command("what is an orm"))).message
    related = [b for b in answer.buttons() if b.action_id.startswith("topic_")][0]
    await click_and_wait(slack, alice, answer, related.action_id)
    newest = slack.fake.messages[-1]
    topic = slack.runtime.services.brain.topic(related.value)
    assert newest.blocks[0]["text"]["text"] == topic.title and newest.ephemeral


@pytest.mark.parametrize("button, helpful", [("feedback_helpful", True), ("feedback_unhelpful", False)])
async def test_feedback_is_recorded_and_acknowledged(slack, button, helpful):
    alice = slack.user()
    answer = (await slack.send(alice.command("what is wsgi"))).message
    await click_and_wait(slack, alice, answer, button)
    feedback = [r for r in slack.runtime.services.usage.records if r.kind == "feedback"]
    assert len(feedback) == 1
    assert feedback[0].topic_id == "wsgi" and feedback[0].helpful is helpful
    assert feedback[0].question == "what is wsgi"
    assert "Thanks" in all_text(answer)
    assert not any(b.action_id.startswith("feedback_") for b in answer.buttons())


async def test_feedback_is_acknowledged_when_the_usage_store_fails(slack, monkeypatch, caplog):
    async def broken(**kwargs):
        raise ConnectionError("usage database unreachable")

    monkeypatch.setattr(slack.runtime.services.usage, "record_feedback", broken)
    alice = slack.user()
    answer = (await slack.send(alice.command("what is wsgi"))).message
    await click_and_wait(slack, alice, answer, "feedback_helpful")
    assert "Thanks" in all_text(answer)
    assert "could not record feedback on wsgi" in caplog.text and "usage database unreachable" in caplog.text


async def test_unknown_action_and_topic_values_never_error(slack):
    alice = slack.user()
    message = (await slack.send(alice.command("help"))).message
    url = slack.fake.response_url(channel=message.channel, user=alice.id, message_ts=message.ts)
    for action_id, value in [("no_such_action", "x"), ("topic_0", "no-such-topic"), ("feedback_helpful", "nope|q"),
                             ("share", "zz:top"), ("menu_nothing", "x")]:
        request = rq.block_actions(action_id, value, response_url=url, user_id=alice.id,
                                   channel_id=message.channel, is_ephemeral=True, message_ts=message.ts)
        assert (await slack.send(request)).status == 200
    # four polite notes (the unknown action_id is only logged), none of them an error
    posts = await slack.fake.wait_for("response_url", count=4)
    await asyncio.sleep(0.1)
    assert len(slack.fake.response_posts) == 4
    assert all(p.status == 200 for p in posts)
    notes = " ".join(p.text or "" for p in posts)
    assert "no longer in the guide" in notes and "older version of this message" in notes


async def test_flow_state_round_trips_through_button_values(slack):
    rec = slack.runtime.services.brain.knowledge.recommendation
    state = recommend.start(rec).with_answer(1).with_answer(0)
    assert recommend.decode(recommend.encode(state), rec) == state
