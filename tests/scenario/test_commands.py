"""/flaskvsdjango through the real HTTP endpoint, signed like Slack signs it."""

from __future__ import annotations

import pytest

from tests.scenario.conftest import all_text, assert_valid


def labels(message) -> list[str]:
    return [b.label for b in message.buttons()]


async def test_empty_command_gets_the_menu_within_three_seconds(slack):
    delivery = await slack.send(slack.user().command(""))
    assert delivery.status == 200
    assert delivery.elapsed < 3
    menu = delivery.message
    assert menu is not None and menu.ephemeral
    assert labels(menu) == ["Help me choose", "Compare", "Topics"]
    assert "/flaskvsdjango <question>" in all_text(menu)
    assert_valid(menu.to_dict())


@pytest.mark.parametrize("text", ["help", "HELP", "  help  "])
async def test_help_is_the_menu(slack, text):
    menu = (await slack.send(slack.user().command(text))).message
    assert labels(menu)[:3] == ["Help me choose", "Compare", "Topics"]


async def test_question_gets_the_answer_with_its_source_and_buttons(slack):
    answer = (await slack.send(slack.user().command("which one is more secure?"))).message
    text = all_text(answer)
    assert "CSRF" in text and "SQL injection" in text and "PBKDF2" in text
    section = slack.runtime.services.brain.topic("security").section
    assert "; " in section  # this answer rests on two sections: each is named, in italics
    assert "From the guide: " + " · ".join(f"_{part}_" for part in section.split("; ")) in text
    names = labels(answer)
    assert ":thumbsup: Helpful" in names and ":thumbsdown: Not helpful" in names
    assert "Share in channel" in names
    assert len(names) > 3  # related topics too
    assert_valid(answer.to_dict())


async def test_compare_shows_the_five_row_table(slack):
    table = (await slack.send(slack.user().command("compare"))).message
    rows = [b for b in table.blocks if b.get("block_id", "").startswith("row_")]
    assert len(rows) == 5
    assert all(len(b["fields"]) == 2 for b in rows)
    assert "Share in channel" in labels(table)
    assert_valid(table.to_dict())


async def test_topics_lists_every_topic_as_a_button(slack):
    listing = (await slack.send(slack.user().command("topics"))).message
    topics = slack.runtime.services.brain.knowledge.topics
    assert len(listing.buttons()) == len(topics)
    assert_valid(listing.to_dict())


@pytest.mark.parametrize("text, title_word", [("flask", "Flask"), ("django", "Django")])
async def test_framework_overviews(slack, text, title_word):
    overview = (await slack.send(slack.user().command(text))).message
    topic = slack.runtime.services.brain.topic(f"{text}-overview")
    assert overview.blocks[0]["text"]["text"] == topic.title
    assert title_word in topic.title


async def test_choose_starts_the_flow(slack):
    first = (await slack.send(slack.user().command("choose"))).message
    assert "Question 1 of" in all_text(first)
    assert "Back" not in labels(first) and "Start over" not in labels(first)  # nothing to undo yet


async def test_unknown_subcommand_falls_back_to_help(slack):
    menu = (await slack.send(slack.user().command("xyzzy"))).message
    assert "I don't know `xyzzy`" in all_text(menu)
    assert "Help me choose" in labels(menu)


async def test_out_of_scope_question_declines_politely(slack):
    decline = (await slack.send(slack.user().command("how do I cook pasta"))).message
    assert "couldn't find an answer" in all_text(decline)
    assert "Browse topics" in labels(decline)
    assert_valid(decline.to_dict())


async def test_user_text_is_escaped_when_echoed(slack):
    decline = (await slack.send(slack.user().command("<!channel> <@U999> pasta <https://evil.example|click> recipes"))).message
    text = all_text(decline)
    assert "<!channel>" not in text and "<@U999>" not in text and "<https://evil" not in text
    assert "&lt;!channel&gt;" in text


async def test_share_posts_the_same_answer_in_channel_and_removes_the_ephemeral(slack):
    alice = slack.user()
    answer = (await slack.send(alice.command("what is csrf"))).message
    await slack.send(alice.click(answer, "share"))
    shared = await slack.fake.wait_until(
        lambda: [m for m in slack.fake.messages if not m.ephemeral and m.from_app], what="shared message")
    assert shared[0].blocks[0]["text"]["text"] == answer.blocks[0]["text"]["text"]
    assert f"Shared by <@{alice.id}>" in all_text(shared[0])
    assert "Share in channel" not in labels(shared[0])
    await slack.fake.wait_until(lambda: answer.deleted, what="ephemeral deleted")


async def test_usage_is_recorded_for_answers_and_declines(slack):
    alice = slack.user()
    await slack.send(alice.command("what is an orm"))
    await slack.send(alice.command("what's the weather in paris"))
    usage = slack.runtime.services.usage
    await slack.fake.wait_until(lambda: len(usage.records) >= 2, what="usage records")
    kinds = sorted(r.kind for r in usage.records)
    assert kinds == ["answer", "decline"]


async def test_a_failing_usage_store_is_logged_and_the_answer_still_arrives(slack, monkeypatch, caplog):
    usage = slack.runtime.services.usage

    async def broken(**kwargs):
        raise ConnectionError("usage database unreachable")

    monkeypatch.setattr(usage, "record_answer", broken)
    delivery = await slack.send(slack.user().command("what is an orm"))
    assert delivery.status == 200 and "ORM" in all_text(delivery.message)
    await slack.fake.wait_until(lambda: "could not record a usage record" in caplog.text, what="the error logged")
    assert "usage database unreachable" in caplog.text
    # the next command is answered and recorded as usual
    monkeypatch.undo()
    await slack.send(slack.user().command("what is csrf"))
    await slack.fake.wait_until(lambda: len(usage.records) >= 1, what="a usage record")
