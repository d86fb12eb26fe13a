"""Block Kit builders (pure): shapes, limits and escaping, checked without any server."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot import blocks, recommend
from bot.blocks.menu import USAGE
from bot.blocks.common import ActionIds, MAX_BUTTON_VALUE, escape, feedback_value, parse_feedback_value
from bot.emulator.blockkit import SPECIAL, problems, texts
from bot.knowledge import default_knowledge_dir, load_knowledge


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge(default_knowledge_dir())


def of_type(message, kind):
    return [b for b in message["blocks"] if b["type"] == kind]


def buttons(message):
    return [e for b in of_type(message, "actions") for e in b["elements"]]


def test_escape_neutralises_mentions_and_links():
    assert escape("<!channel> & <@U1> <https://x|y>") == "&lt;!channel&gt; &amp; &lt;@U1&gt; &lt;https://x|y&gt;"


def test_menu(knowledge):
    menu = blocks.menu_message()
    assert [b["text"]["text"] for b in buttons(menu)] == ["Help me choose", "Compare", "Topics"]
    assert [b["action_id"] for b in buttons(menu)] == [ActionIds.MENU_CHOOSE, ActionIds.MENU_COMPARE, ActionIds.MENU_TOPICS]
    assert not problems(menu)


def test_menu_for_an_unknown_word_escapes_it():
    menu = blocks.menu_message(unknown="<!here>")
    assert "&lt;!here&gt;" in texts(menu)[1]
    assert not any(SPECIAL.search(t) for t in texts(menu))


def test_every_topic_answer_is_valid_and_names_its_section(knowledge):
    for topic in knowledge.topics.values():
        related = [knowledge.topics[r] for r in topic.related]
        message = blocks.answer_message(topic, related, question="q" * 10_000, shareable=True)
        assert not problems(message), topic.id
        assert of_type(message, "header")[0]["text"]["text"] == topic.title
        source = of_type(message, "context")[0]["elements"][0]["text"]
        assert all(f"_{part}_" in source for part in topic.section.split("; ")), topic.id
        values = [b["value"] for b in buttons(message)]
        assert all(len(v) <= MAX_BUTTON_VALUE for v in values)
        assert [b["value"] for b in buttons(message) if b["action_id"].startswith(ActionIds.TOPIC_PREFIX)] == list(topic.related)


def test_an_answer_to_a_follow_up_says_what_it_was_read_as(knowledge):
    topic = knowledge.topics["why-django"]
    message = blocks.answer_message(topic, [], question="why <!here> choose django?", follow_up=True)
    assert not problems(message)
    header, note = message["blocks"][:2]
    assert header["type"] == "header" and note["type"] == "context"
    assert note["elements"][0]["text"] == (
        ":leftwards_arrow_with_hook: Following on from the last question: _why &lt;!here&gt; choose django?_")
    plain = blocks.answer_message(topic, [], question="why choose django?")
    assert "Following on" not in str(plain)


def test_feedback_value_round_trips_and_fits(knowledge):
    value = feedback_value("csrf", "x" * 5000)
    assert len(value) <= MAX_BUTTON_VALUE
    topic_id, question, origin = parse_feedback_value(value)
    assert topic_id == "csrf" and question.startswith("xxx") and origin == ""
    assert parse_feedback_value(feedback_value("orm", "a|b")) == ("orm", "a|b", "")
    shared = feedback_value("orm", "a@b|c" + "x" * 5000, origin="C1:1700000000.000100")
    assert len(shared) <= MAX_BUTTON_VALUE
    topic_id, question, origin = parse_feedback_value(shared)
    assert (topic_id, origin) == ("orm", "C1:1700000000.000100") and question.startswith("a@b|c")
    assert parse_feedback_value("orm|what is an orm") == ("orm", "what is an orm", ""), "buttons already posted"


def test_a_shared_answer_names_the_message_it_was_shared_from_in_its_votes(knowledge):
    topic = knowledge.topics["orm"]
    shared = blocks.answer_message(topic, [], shared_by="U1", vote_origin="C1:1700000000.000100")
    values = {e["value"] for b in shared["blocks"] if b["type"] == "actions" for e in b["elements"]
              if e["action_id"].startswith("feedback")}
    assert values == {"orm@C1:1700000000.000100|"}


def test_answer_after_feedback_thanks_instead_of_asking_again(knowledge):
    topic = knowledge.topics["orm"]
    message = blocks.answer_message(topic, [], question="orm?", shareable=True, feedback_given=False)
    assert not any(b["action_id"].startswith(ActionIds.FEEDBACK_PREFIX) for b in buttons(message))
    assert "Thanks" in texts(message)[-1]


def test_decline_offers_suggestions_and_escapes_the_question(knowledge):
    suggestions = [knowledge.topics["security"], knowledge.topics["csrf"]]
    message = blocks.decline_message("<!channel> how do I " + "x" * 5000, suggestions)
    assert not problems(message)
    assert not any(SPECIAL.search(t) for t in texts(message))
    topic_values = [b["value"] for b in buttons(message) if b["action_id"].startswith(ActionIds.TOPIC_PREFIX)]
    assert topic_values == ["security", "csrf"]
    assert "Did you mean: " in message["text"]


def test_a_declines_notification_text_ends_with_one_question_mark(knowledge):
    """The fallback text (notifications, screen readers) lists the suggested titles; one that is a
    question keeps its own "?" and gets no second one."""
    asked = blocks.decline_message("is django async?", [knowledge.topics["django-use-cases"]])["text"]
    told = blocks.decline_message("csrf?", [knowledge.topics["csrf"]])["text"]
    assert asked.endswith("Did you mean: What is Django used for?") and "??" not in asked
    assert told.endswith("Did you mean: CSRF protection?")


def test_comparison_has_one_two_field_section_per_row(knowledge):
    message = blocks.comparison_message(knowledge.comparison, shareable=True)
    rows = [b for b in of_type(message, "section") if "fields" in b]
    assert len(rows) == len(knowledge.comparison.rows) == 5
    assert rows[0]["fields"][0]["text"].startswith("*Flask*")
    assert not problems(message)


def test_topics_list_scales_within_limits(knowledge):
    topic = next(iter(knowledge.topics.values()))
    many = [topic._replace(id=f"t{i}", title=f"Topic {i}") for i in range(200)]
    message = blocks.topics_message(many)
    assert not problems(message)  # capped at 50 blocks, 25 elements per actions block
    assert len(message["blocks"]) <= 50


def test_flow_question_and_result(knowledge):
    rec = knowledge.recommendation
    state = recommend.start(rec).with_answer(0)
    question = blocks.flow_question_message(state, rec.questions[1], rec)
    assert not problems(question)
    assert f"Question 2 of {len(rec.questions)}" in texts(question)[1]
    answers = [b for b in buttons(question) if b["action_id"].startswith(ActionIds.FLOW_ANSWER_PREFIX)]
    assert [recommend.decode(b["value"], rec).answers for b in answers] == [(0, i) for i in range(len(answers))]
    nav = {b["text"]["text"]: b["value"] for b in buttons(question) if not b["action_id"].startswith("flow_answer")}
    assert recommend.decode(nav["Back"], rec).answers == ()
    assert recommend.decode(nav["Start over"], rec).answers == ()
    first = blocks.flow_question_message(recommend.start(rec), rec.questions[0], rec)
    assert not problems(first)
    assert all(b["action_id"].startswith(ActionIds.FLOW_ANSWER_PREFIX) for b in buttons(first))  # no Back, no Start over

    done = recommend.FlowState(rec.flow_version, tuple(0 for _ in rec.questions))
    result = recommend.score(done, rec)
    message = blocks.flow_result_message(done, result, [knowledge.topics["rest-apis"]], rec, shareable=True)
    assert not problems(message)
    headline = of_type(message, "header")[0]["text"]["text"]
    assert "Flask" in headline
    assert "█" in texts(message)[2]
    reasons = next(b for b in message["blocks"] if b.get("block_id") == "reasons")["text"]["text"]
    assert all(part in reasons for r in result.reasons for part in r.section.split("; "))


def test_close_call_is_said(knowledge):
    rec = knowledge.recommendation
    result = recommend.Result(recommend.FLASK, 5, 4, True, ())
    message = blocks.flow_result_message(recommend.start(rec), result, [], rec)
    assert "Close call" in message["text"]
    [note] = [b for b in message["blocks"] if b.get("block_id") == "close_call"]
    assert "tips the balance" in note["text"]["text"]


def test_a_dead_heat_does_not_say_something_tips_the_balance(knowledge):
    rec = knowledge.recommendation
    result = recommend.Result(None, 4, 4, True, ())
    message = blocks.flow_result_message(recommend.start(rec), result, [], rec)
    assert message["text"].startswith("It's a tie")
    [note] = [b for b in message["blocks"] if b.get("block_id") == "close_call"]
    assert "Dead even" in note["text"]["text"] and "tips" not in note["text"]["text"]


def test_stale_flow_offers_a_restart(knowledge):
    message = blocks.flow_stale_message(knowledge.recommendation)
    assert [b["action_id"] for b in buttons(message)] == [ActionIds.FLOW_RESTART]
    assert not problems(message)


def test_home_view(knowledge):
    view = blocks.home_view(len(knowledge.topics))
    assert view["type"] == "home"
    assert not problems(view, view=True)
    assert [b["text"]["text"] for b in buttons(view)] == ["Help me choose", "Compare", "Topics"]


def test_block_kit_checker_catches_what_slack_rejects():
    bad = {"text": "x", "blocks": [{"type": "actions", "elements": [
        {"type": "button", "text": {"type": "plain_text", "text": "L" * 80}, "action_id": "a", "value": "v"},
        {"type": "button", "text": {"type": "plain_text", "text": "ok"}, "action_id": "a", "value": "v"}]}]}
    found = problems(bad)
    assert any("duplicate action_id" in p for p in found)
    assert any("75" in p for p in found)
    assert problems({"blocks": [{"type": "divider"}]}) == ["no fallback text"]
    assert problems({"text": "x", "blocks": [{"type": "divider"}] * 51}) == ["51 blocks; Slack allows 50"]


def test_the_flow_launcher_is_one_button_that_opens_the_menus_choose(knowledge):
    message = blocks.flow_launcher_message(len(knowledge.recommendation.questions))
    assert not problems(message)
    assert [b["action_id"] for b in buttons(message)] == [ActionIds.MENU_CHOOSE]
    assert "7 quick questions" in message["text"]


def test_help_says_a_channel_follow_up_needs_a_mention_while_the_manifest_hears_only_mentions_there():
    """Without a `message.channels` subscription the bot never sees a thread reply that does
    not mention it, so the help must not promise that a bare "and django?" in a thread works."""
    manifest = yaml.safe_load((Path(__file__).resolve().parents[2] / "manifest.yml").read_text())
    events = manifest["settings"]["event_subscriptions"]["bot_events"]
    follow_up = next(line for line in USAGE.splitlines() if "and django?" in line)
    if not {"message.channels", "message.groups"} & set(events):
        assert "mention me" in follow_up and "thread" in follow_up
