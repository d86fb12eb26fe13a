"""Follow-ups ("and django?") through signed requests: a thread, a DM, one person's commands."""

from __future__ import annotations

import asyncio

from bot.emulator import requests as rq
from bot.followups import conversation_key
from tests.scenario.conftest import all_text, assert_valid

NOTE = "Following on from the last question"


async def remembered(slack, count: int) -> None:
    """Wait until ``count`` conversations hold a question (a mention or DM keeps it just before its answer is posted)."""
    memory = slack.runtime.services.conversations
    await slack.fake.wait_until(lambda: len(memory) >= count, what=f"{count} remembered question(s)")


async def kept(slack, key: str, question: str) -> None:
    """Wait until conversation ``key`` keeps ``question``."""
    memory = slack.runtime.services.conversations
    for _ in range(250):
        if await memory.recall(key) == question:
            return
        await asyncio.sleep(0.02)
    raise AssertionError(f"{key} keeps {await memory.recall(key)!r}, not {question!r}")


def title(params) -> str:
    return params["blocks"][0]["text"]["text"]


async def test_a_follow_up_in_a_thread_asks_the_threads_last_question_about_the_other_framework(slack):
    alice, bob = slack.user(), slack.user("W333", name="bob")
    await slack.send(alice.mention("why would I choose flask?"))
    [first] = await slack.fake.wait_for("chat.postMessage")
    thread = first.params["thread_ts"]
    assert title(first.params) == "Why choose Flask?"
    await remembered(slack, 1)

    # anyone in the thread may follow up
    await slack.send(bob.mention("what about django?", thread_ts=thread))
    posts = await slack.fake.wait_for("chat.postMessage", 2)
    follow_up = posts[-1].params
    assert follow_up["thread_ts"] == thread
    assert title(follow_up) == "Why choose Django?"
    assert f"{NOTE}: _why would I choose django?_" in all_text(follow_up)
    assert_valid(follow_up)

    # and back again: the thread now remembers the django question
    await remembered(slack, 1)
    await slack.send(alice.mention("and the other one?", thread_ts=thread))
    posts = await slack.fake.wait_for("chat.postMessage", 3)
    assert title(posts[-1].params) == "Why choose Flask?"

    # a new mention starts a new thread, with nothing to follow on from
    await slack.send(alice.mention("and django?"))
    posts = await slack.fake.wait_for("chat.postMessage", 4)
    assert posts[-1].params["thread_ts"] != thread
    assert title(posts[-1].params) == "What is Django?" and NOTE not in all_text(posts[-1].params)


async def test_a_follow_up_in_a_dm_and_the_usage_record_of_what_it_asked(slack):
    alice = slack.user()
    await slack.send(alice.dm("is django good for beginners?"))
    await slack.fake.wait_for("chat.postMessage")
    await remembered(slack, 1)
    await slack.send(alice.dm("how about flask then"))
    posts = await slack.fake.wait_for("chat.postMessage", 2)
    assert f"{NOTE}: _is flask good for beginners?_" in all_text(posts[-1].params)
    usage = slack.runtime.services.usage
    await slack.fake.wait_until(lambda: len(usage.records) >= 2, what="usage records")
    assert [r.question for r in usage.records] == ["is django good for beginners?", "is flask good for beginners?"]


async def test_a_follow_up_sent_while_the_first_answer_is_still_on_its_way_follows_on_from_it(slack):
    """The question is kept before its answer is posted: Slack may take a while to accept the post,
    and a quick "and flask?" in the meantime is still a follow-up."""
    alice = slack.user()
    slow = asyncio.Event()
    fault = slack.fake.fail("chat.postMessage", times=1, hold=slow)
    await slack.send(alice.dm("is django good for beginners?"))
    await slack.fake.wait_until(lambda: fault.used == 1, what="the first answer's post held by Slack")
    await slack.send(alice.dm("how about flask then"))
    await slack.fake.wait_until(lambda: any(NOTE in all_text(c.params) for c in slack.fake.calls_to("chat.postMessage")),
                                what="the follow-up answered")
    slow.set()
    posts = await slack.fake.wait_for("chat.postMessage", 2)
    [follow_up] = [p for p in posts if NOTE in all_text(p.params)]
    assert f"{NOTE}: _is flask good for beginners?_" in all_text(follow_up.params)


async def test_a_declined_question_leaves_the_last_answered_one_to_follow_on_from(slack):
    alice = slack.user()
    await slack.send(alice.dm("why would I choose django?"))
    await remembered(slack, 1)
    await slack.send(alice.dm("how do I bake sourdough bread?"))
    await slack.fake.wait_for("chat.postMessage", 2)
    await slack.send(alice.dm("and flask?"))
    posts = await slack.fake.wait_for("chat.postMessage", 3)
    assert title(posts[-1].params) == "Why choose Flask?"


async def test_a_declined_question_naming_a_framework_is_followed_on_as_declined(slack):
    """"is django async?" is outside the guide; "what about flask?" asks the same of Flask, which is
    outside it too: declined as what it was read as, not answered with the Flask overview."""
    alice = slack.user()
    await slack.send(alice.dm("is django async?"))
    await remembered(slack, 1)
    await slack.send(alice.dm("what about flask?"))
    posts = await slack.fake.wait_for("chat.postMessage", 2)
    text = all_text(posts[-1].params)
    assert "Following on from the last question: _is flask async?_" in text and "couldn't find an answer" in text


async def test_after_a_question_naming_both_frameworks_only_vice_versa_follows_up(slack):
    alice = slack.user()
    await slack.send(alice.dm("why would I choose django?"))
    await remembered(slack, 1)
    await slack.send(alice.dm("is flask or django better for an API?"))
    posts = await slack.fake.wait_for("chat.postMessage", 2)
    await kept(slack, conversation_key(rq.TEAM_ID, alice.dm_channel, user_id=alice.id), "is flask or django better for an API?")
    await slack.send(alice.dm("and vice versa?"))
    posts = await slack.fake.wait_for("chat.postMessage", 3)
    assert f"{NOTE}: _is django or flask better for an API?_" in all_text(posts[-1].params)
    await kept(slack, conversation_key(rq.TEAM_ID, alice.dm_channel, user_id=alice.id), "is django or flask better for an API?")
    await slack.send(alice.dm("and flask?"))   # which of the two? read on its own
    posts = await slack.fake.wait_for("chat.postMessage", 4)
    assert title(posts[-1].params) == "What is Flask?" and NOTE not in all_text(posts[-1].params)


async def test_slash_command_follow_ups_are_each_persons_own(slack):
    alice, bob = slack.user(), slack.user("W333", name="bob")
    await slack.send(alice.command("is flask secure?"))
    await remembered(slack, 1)
    answer = (await slack.send(alice.command("same question for django"))).message
    assert answer is not None and answer.ephemeral
    assert f"{NOTE}: _is django secure?_" in all_text(answer)
    assert_valid(answer.to_dict())
    # the documented sub-command stays the overview, whatever was asked before
    await remembered(slack, 1)
    overview = (await slack.send(alice.command("flask"))).message   # not "is flask secure?"
    assert overview is not None and NOTE not in all_text(overview) and "What is Flask?" in all_text(overview)
    # bob asked nothing before: his "and django?" is a question of its own
    overview = (await slack.send(bob.command("and django?"))).message
    assert NOTE not in all_text(overview) and "Django" in all_text(overview)


async def test_a_failing_memory_is_logged_and_the_follow_up_read_on_its_own(slack, monkeypatch, caplog):
    memory = slack.runtime.services.conversations

    async def broken(key):
        raise ConnectionError("memory unreachable")

    monkeypatch.setattr(memory, "recall", broken)
    alice = slack.user()
    await slack.send(alice.command("why would I choose flask?"))
    reply = (await slack.send(alice.command("and django?"))).message
    assert reply is not None and NOTE not in all_text(reply) and "Django" in all_text(reply)
    assert "could not recall the last question" in caplog.text and "memory unreachable" in caplog.text


async def test_in_the_dm_with_the_bot_commands_and_messages_are_one_conversation(slack):
    alice = slack.user()
    await slack.send(alice.command("is django secure?", channel=alice.dm_channel))
    await kept(slack, conversation_key(rq.TEAM_ID, alice.dm_channel, user_id=alice.id), "is django secure?")
    await slack.send(alice.dm("and flask?"))
    [post] = await slack.fake.wait_for("chat.postMessage")
    assert f"{NOTE}: _is flask secure?_" in all_text(post.params)


async def test_a_question_pointing_back_is_answered_with_what_it_points_at(slack):
    """"how does that work?" asks nothing on its own: it is read with the thread's last question."""
    alice = slack.user()
    await slack.send(alice.mention("does django protect against CSRF out of the box?"))
    [first] = await slack.fake.wait_for("chat.postMessage")
    thread = first.params["thread_ts"]
    await remembered(slack, 1)
    await slack.send(alice.mention("how does that work", thread_ts=thread))
    posts = await slack.fake.wait_for("chat.postMessage", 2)
    assert title(posts[-1].params) == "CSRF protection"
    assert f"{NOTE}: _does django protect against CSRF out of the box? how does that work_" in all_text(posts[-1].params)
    # "is it secure?" asks something of its own: "it" is the framework last asked about
    await slack.send(alice.dm("why would I choose flask?"))
    await kept(slack, conversation_key(rq.TEAM_ID, alice.dm_channel, user_id=alice.id), "why would I choose flask?")
    await slack.send(alice.dm("and is it secure?"))
    posts = await slack.fake.wait_for("chat.postMessage", 4)
    assert f"{NOTE}: _and is flask secure?_" in all_text(posts[-1].params)
    assert_valid(posts[-1].params)


async def test_in_a_dm_between_two_people_each_follows_up_on_their_own_questions(slack):
    """/flaskvsdjango works in a DM between two people (the bot is not in it); its replies are
    ephemeral, so one person's follow-up must never quote the other's question."""
    alice, bob = slack.user(), slack.user("W333", name="bob")
    dm = "D0HUMANDM"
    await slack.send(alice.command("is the flask orm good for my payroll startup?", channel=dm))
    await kept(slack, conversation_key(rq.TEAM_ID, dm, user_id=alice.id), "is the flask orm good for my payroll startup?")
    reply = (await slack.send(bob.command("and django?", channel=dm))).message
    assert reply is not None and "payroll" not in all_text(reply) and NOTE not in all_text(reply)
    reply = (await slack.send(alice.command("and django?", channel=dm))).message
    assert f"{NOTE}: _is the django orm good for my payroll startup?_" in all_text(reply)
