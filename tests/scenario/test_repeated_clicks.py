"""The same click twice: "Share in channel" posts once, and a person's feedback on one answer counts once.

Both are de-duplicated with ``services.deduper`` (TTL-bounded, shared through Redis across replicas),
keyed on the person and the clicked message (its channel and ts; ephemerals have a ts too), never on
the click's response_url, which is new for every click. A feedback vote's key is also kept with the
vote in the usage store, so a repeat after the de-duplicator's TTL is not counted either.
"""

from __future__ import annotations

import asyncio
import logging

import pytest

from bot.blocks.menu import apology_message
from tests.scenario.conftest import all_text

SORRY = apology_message()["text"]


def public_posts(slack):
    return [m for m in slack.fake.messages if m.from_app and not m.ephemeral and not m.deleted]


def feedback(slack):
    return [r for r in slack.runtime.services.usage.records if r.kind == "feedback"]


def problems(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


async def settle(seconds: float = 0.3) -> None:
    """Give work started after the ack a moment, for assertions that nothing more happened."""
    await asyncio.sleep(seconds)


async def shared_answer(slack, alice, question="what is wsgi"):
    answer = (await slack.send(alice.command(question))).message
    await slack.send(alice.click(answer, "share"))
    await slack.fake.wait_until(lambda: answer.deleted, what="the ephemeral answer replaced by the shared one")
    [shared] = public_posts(slack)
    return shared


async def test_a_double_click_on_share_posts_the_answer_once(slack, caplog):
    alice = slack.user()
    answer = (await slack.send(alice.command("what is flask"))).message
    first, second = alice.click(answer, "share"), alice.click(answer, "share")
    assert first.payload["response_url"] != second.payload["response_url"], "each click has its own URL"
    assert [d.status for d in await asyncio.gather(slack.send(first), slack.send(second))] == [200, 200]
    await slack.fake.wait_until(lambda: answer.deleted, what="the ephemeral answer deleted")
    await settle()
    [shared] = public_posts(slack)
    assert "Shared by" in all_text(shared)
    posts = slack.fake.response_posts
    assert [p.url for p in posts] == [first.payload["response_url"]] * 2, "the share and the delete, once"
    assert all(p.status == 200 for p in posts), "no second delete_original answered 404"
    assert not problems(caplog), "the second click is not an error"
    assert not [c for c in slack.fake.calls if c.method.startswith("chat.")], "nothing else said"


async def test_a_second_share_click_after_the_first_finished_does_nothing_visible(slack, caplog):
    caplog.set_level(logging.INFO, logger="bot.listeners.actions")
    alice = slack.user()
    answer = (await slack.send(alice.command("what is flask"))).message
    await slack.send(alice.click(answer, "share"))
    await slack.fake.wait_until(lambda: answer.deleted, what="the ephemeral answer deleted")
    again = alice.click(answer, "share")  # a click Slack had already sent before the message went
    assert (await slack.send(again)).status == 200
    await settle()
    assert len(public_posts(slack)) == 1
    assert not [p for p in slack.fake.response_posts if p.url == again.payload["response_url"]]
    assert not problems(caplog)
    [ignored] = [r for r in caplog.records if "repeated share" in r.getMessage()]
    assert ignored.levelno == logging.INFO


async def test_a_share_that_failed_can_be_tried_again(slack):
    """The apology says "try again": the failed share gives up its de-dup key, so the retry is no double click."""
    alice = slack.user()
    answer = (await slack.send(alice.command("what is flask"))).message
    first = alice.click(answer, "share")
    slack.fake.expire(first.payload["response_url"])
    await slack.send(first)
    [sorry] = await slack.fake.wait_for("chat.postEphemeral", timeout=10)
    assert sorry.params["text"] == SORRY and not public_posts(slack)
    await slack.send(alice.click(answer, "share"))
    await slack.fake.wait_until(lambda: answer.deleted, what="the ephemeral answer deleted")
    assert len(public_posts(slack)) == 1


async def test_two_people_sharing_their_own_answers_both_post(slack):
    alice, bob = slack.user(), slack.user("W333", name="bob")
    for person in (alice, bob):
        answer = (await slack.send(person.command("what is flask"))).message
        await slack.send(person.click(answer, "share"))
        await slack.fake.wait_until(lambda: answer.deleted, what="the ephemeral answer deleted")
    assert len(public_posts(slack)) == 2


async def test_feedback_clicked_again_and_again_on_a_shared_answer_counts_once(slack, caplog):
    alice, bob = slack.user(), slack.user("W333", name="bob")
    shared = await shared_answer(slack, alice)
    for _ in range(8):
        assert (await slack.send(bob.click(shared, "feedback_unhelpful"))).status == 200
    notes = await slack.fake.wait_for("chat.postEphemeral", count=8, timeout=10)
    await settle()
    [vote] = feedback(slack)
    assert vote.user_id == bob.id and vote.topic_id == "wsgi" and vote.helpful is False
    texts = [n.params["text"] for n in notes]
    assert all(n.params["user"] == bob.id for n in notes)
    assert texts.count("Thanks, we'll use that to improve this answer.") == 1
    assert texts.count("You already rated this answer: your first vote counts. Thanks!") == 7
    assert not problems(caplog)


@pytest.mark.parametrize("later", [False, True], ids=["at once", "after the de-duplicator forgot"])
async def test_changing_your_mind_on_a_shared_answer_keeps_the_first_vote(slack, later):
    """Documented choice: a person's first vote on an answer message is the one recorded. The
    de-duplicator forgets after DEDUPE_TTL_SECONDS; the usage store keeps the vote's key."""
    alice, bob = slack.user(), slack.user("W333", name="bob")
    shared = await shared_answer(slack, alice)
    await slack.send(bob.click(shared, "feedback_unhelpful"))
    if later:
        await slack.fake.wait_for("chat.postEphemeral", count=1, timeout=10)
        await slack.runtime.services.deduper.close()  # everything it held has expired
    await slack.send(bob.click(shared, "feedback_helpful"))
    [_, again] = await slack.fake.wait_for("chat.postEphemeral", count=2, timeout=10)
    assert "first vote counts" in again.params["text"]
    assert [(v.user_id, v.helpful) for v in feedback(slack)] == [(bob.id, False)]


async def test_each_person_gets_one_vote_on_a_shared_answer(slack):
    alice, bob = slack.user(), slack.user("W333", name="bob")
    shared = await shared_answer(slack, alice)
    await slack.send(bob.click(shared, "feedback_unhelpful"))
    await slack.send(alice.click(shared, "feedback_helpful"))
    await slack.fake.wait_for("chat.postEphemeral", count=2, timeout=10)
    assert sorted((v.user_id, v.helpful) for v in feedback(slack)) == [(alice.id, True), (bob.id, False)]


async def test_a_vote_on_your_own_answer_and_again_on_the_copy_you_shared_counts_once(slack):
    """Alice rates her private answer, shares it, and rates the shared copy: one vote. Bob's counts."""
    alice, bob = slack.user(), slack.user("W333", name="bob")
    answer = (await slack.send(alice.command("what is wsgi"))).message
    await slack.send(alice.click(answer, "feedback_helpful"))
    await slack.fake.wait_until(lambda: answer.updated_count == 1, what="alice's vote thanked")
    await slack.send(alice.click(answer, "share"))
    await slack.fake.wait_until(lambda: answer.deleted, what="the ephemeral answer replaced by the shared one")
    [shared] = public_posts(slack)
    await slack.send(alice.click(shared, "feedback_unhelpful"))
    [note] = await slack.fake.wait_for("chat.postEphemeral", count=1, timeout=10)
    assert note.params["user"] == alice.id and "first vote counts" in note.params["text"]
    await slack.send(bob.click(shared, "feedback_unhelpful"))
    await slack.fake.wait_for("chat.postEphemeral", count=2, timeout=10)
    assert sorted((v.user_id, v.helpful) for v in feedback(slack)) == [(alice.id, True), (bob.id, False)]


async def test_a_replayed_feedback_click_on_a_private_answer_is_recorded_once(slack, caplog):
    """A private answer loses its buttons with the first vote; a click already on its way is not a second vote."""
    alice = slack.user()
    answer = (await slack.send(alice.command("what is wsgi"))).message
    first, second = alice.click(answer, "feedback_helpful"), alice.click(answer, "feedback_unhelpful")
    await asyncio.gather(slack.send(first), slack.send(second))
    await slack.fake.wait_until(lambda: answer.updated_count == 1, what="the answer updated with the thanks")
    await settle()
    assert len(feedback(slack)) == 1 and answer.updated_count == 1
    assert len(slack.fake.response_posts) == 1, "the repeat changes nothing and says nothing"
    assert "Thanks" in all_text(answer)
    assert not problems(caplog)
