"""A click on a message others see never changes it: the clicker gets their own, private step.

Shared results, menus in threads and flows posted in a channel are seen by everyone there, so a
click on one of them (by anyone, the sharer too) answers with a new ephemeral message next to it
(chat.postEphemeral, in the thread when the message is in one), and that ephemeral is then
updated in place through the response_url of each click on it, like the slash command's flow.
Private surfaces (an ephemeral reply, the app's DM) keep updating in place.
"""

from __future__ import annotations

import copy
import logging

import pytest

from bot import recommend, responses
from bot.blocks.menu import apology_message
from bot.intents import Intent, Kind
from tests.scenario.conftest import all_text, assert_valid
from tests.scenario.test_flow import click_and_wait, option_buttons, walk

SORRY = apology_message()["text"]


def snapshot(message):
    return message.text, copy.deepcopy(message.blocks), message.updated_count, message.deleted


def posts_to(slack, request):
    """The response_url posts the bot made for one click."""
    url = request.payload["response_url"]
    return [p for p in slack.fake.response_posts if p.url == url]


async def private_step(slack, user, *, count: int = 1):
    """The newest ephemeral message the bot gave ``user`` (waits until there are ``count``)."""
    def for_them(m):
        return m.ephemeral and m.user == user.id

    for_them.__name__ = f"an ephemeral message for {user.id}"
    return await slack.fake.wait_for_message(for_them, count=count)


async def shared_result(slack, alice):
    """Alice runs the flow (ephemeral), then shares its result in the channel; returns the shared message."""
    result = (await slack.send(alice.command("choose"))).message
    await walk(slack, alice, result, lambda n, options: 0)
    share = alice.click(result, "share")
    await slack.send(share)
    await slack.fake.wait_until(lambda: result.deleted, what="the ephemeral result replaced by the shared one")
    [shared] = [m for m in slack.fake.conversation.from_app() if not m.ephemeral]
    assert "Shared by" in all_text(shared) and [b.label for b in shared.buttons()][-1] == "Start over"
    assert "Back" not in [b.label for b in shared.buttons()]
    return shared


async def mention_reply(slack, user, text):
    await slack.send(user.mention(text))
    [post] = await slack.fake.wait_for("chat.postMessage")
    return slack.fake.conversation.find(post.params["channel"], post.response["ts"])


@pytest.mark.parametrize("clicker", ["alice", "bob"])
async def test_start_over_on_a_shared_result_leaves_it_alone_and_opens_a_private_flow(slack, clicker):
    alice = slack.user()
    shared = await shared_result(slack, alice)
    before = snapshot(shared)
    user = alice if clicker == "alice" else slack.user("W333", name="bob")
    click = user.click(shared, "flow_restart")
    assert (await slack.send(click)).status == 200

    step = await private_step(slack, user)  # (alice's ephemeral result went when she shared it)
    [posted] = slack.fake.calls_to("chat.postEphemeral")
    assert posted.ok and posted.params["user"] == user.id and posted.params["channel"] == shared.channel
    assert "thread_ts" not in posted.params
    assert "Question 1 of" in all_text(step) and step.source == "chat.postEphemeral"
    assert_valid(step.to_dict())
    assert snapshot(shared) == before, "the shared result is never edited by a click"
    assert not slack.fake.calls_to("chat.update") and not posts_to(slack, click)

    # the clicker's flow goes on in place, on their ephemeral message, through each click's response_url
    answer = user.click(step, "flow_answer_0")
    await slack.send(answer)
    await slack.fake.wait_until(lambda: step.updated_count == 1, what="the private flow's next step")
    [replaced] = posts_to(slack, answer)
    assert replaced.payload["replace_original"] is True and replaced.message is step
    assert "Question 2 of" in all_text(step)
    assert len(slack.fake.calls_to("chat.postEphemeral")) == 1 and not slack.fake.calls_to("chat.update")
    assert snapshot(shared) == before


async def test_a_teammate_runs_a_whole_private_flow_from_a_shared_result_and_can_share_their_own(slack):
    alice, bob = slack.user(), slack.user("W333", name="bob")
    shared = await shared_result(slack, alice)
    before = snapshot(shared)
    await slack.send(bob.click(shared, "flow_restart"))
    mine = await private_step(slack, bob)
    rec = slack.runtime.services.brain.knowledge.recommendation
    await walk(slack, bob, mine, lambda n, options: len(options) - 1)
    assert mine.updated_count == len(rec.questions) and not option_buttons(mine)
    assert "Share in channel" in [b.label for b in mine.buttons()] and "Back" in [b.label for b in mine.buttons()]
    await slack.send(bob.click(mine, "share"))
    await slack.fake.wait_until(lambda: mine.deleted, what="bob's result shared")
    public = [m for m in slack.fake.conversation.from_app() if not m.ephemeral]
    assert public[0] is shared and snapshot(shared) == before, "alice's shared result is still there, untouched"
    assert len(public) == 2 and f"Shared by <@{bob.id}>" in all_text(public[1])
    assert not slack.fake.calls_to("chat.update")


async def test_a_second_users_help_me_choose_on_a_public_menu_goes_to_them_in_the_thread(slack):
    alice, bob = slack.user(), slack.user("W333", name="bob")
    menu = await mention_reply(slack, alice, "hi")
    assert menu.thread_ts == alice.last_message.ts and not menu.ephemeral
    before = snapshot(menu)

    await slack.send(bob.click(menu, "menu_choose"))
    bobs = await private_step(slack, bob)
    [posted] = slack.fake.calls_to("chat.postEphemeral")
    assert posted.params["user"] == bob.id and posted.params["thread_ts"] == menu.thread_ts
    assert bobs.thread_ts == menu.thread_ts and "Question 1 of" in all_text(bobs)
    assert snapshot(menu) == before and not slack.fake.calls_to("chat.update")

    await click_and_wait(slack, bob, bobs, "flow_answer_0")
    assert "Question 2 of" in all_text(bobs)

    # alice (who asked) clicks too: her own private flow, bob's is where he left it
    await slack.send(alice.click(menu, "menu_choose"))
    alices = await private_step(slack, alice)
    assert alices is not bobs and "Question 1 of" in all_text(alices) and alices.thread_ts == menu.thread_ts
    assert "Question 2 of" in all_text(bobs)
    assert snapshot(menu) == before and not slack.fake.calls_to("chat.update")
    assert [b.label for b in menu.buttons()] == ["Help me choose", "Compare", "Topics"]


async def test_a_result_shared_from_a_private_flow_in_a_thread_is_posted_in_that_thread(slack):
    """A response_url posts in_channel at the top of the channel unless told the thread_ts."""
    alice, bob = slack.user(), slack.user("W333", name="bob")
    menu = await mention_reply(slack, alice, "hi")
    await slack.send(bob.click(menu, "menu_choose"))
    bobs = await private_step(slack, bob)
    await walk(slack, bob, bobs, lambda n, options: 0)
    await slack.send(bob.click(bobs, "share"))
    await slack.fake.wait_until(lambda: bobs.deleted, what="bob's result shared")
    [shared] = [m for m in slack.fake.conversation.from_app() if not m.ephemeral and m is not menu]
    assert shared.thread_ts == menu.thread_ts and f"Shared by <@{bob.id}>" in all_text(shared)
    [post] = [p for p in slack.fake.response_posts if p.payload.get("response_type") == "in_channel"]
    assert post.payload["thread_ts"] == menu.thread_ts


async def test_help_me_choose_asked_in_a_channel_gets_a_launcher_that_starts_a_private_flow(slack):
    alice, bob = slack.user(), slack.user("W333", name="bob")
    launcher = await mention_reply(slack, alice, "help me choose")
    assert [b.label for b in launcher.buttons()] == ["Help me choose"] and "only visible to you" in all_text(launcher)
    assert "Question 1 of" not in all_text(launcher)  # nobody's answers are on show
    before = snapshot(launcher)
    await slack.send(bob.click(launcher, "menu_choose"))
    step = await private_step(slack, bob)
    assert "Question 1 of" in all_text(step) and step.thread_ts == launcher.thread_ts
    await click_and_wait(slack, bob, step, "flow_answer_0")
    assert "Question 2 of" in all_text(step) and snapshot(launcher) == before


async def test_help_me_choose_in_a_dm_is_the_flow_itself(slack):
    alice = slack.user()
    await slack.send(alice.dm("choose"))
    [post] = await slack.fake.wait_for("chat.postMessage")
    assert "Question 1 of" in all_text(post.params)


async def flow_posted_in_channel(slack, user):
    """A flow question posted in a channel, as the bot did before launchers (older messages are still there)."""
    msg = responses.reply(Intent(Kind.CHOOSE), slack.runtime.services.brain).message
    resp = await slack.runtime.bolt.client.chat_postMessage(channel=user.channel, **msg)
    return slack.fake.conversation.find(user.channel, resp["ts"])


async def test_clicks_on_a_flow_posted_in_a_channel_give_each_clicker_the_next_step(slack):
    alice, bob = slack.user(), slack.user("W333", name="bob")
    flow = await flow_posted_in_channel(slack, alice)
    assert "Question 1 of" in all_text(flow)
    before = snapshot(flow)
    await slack.send(bob.click(flow, "flow_answer_0"))
    step = await private_step(slack, bob)
    assert "Question 2 of" in all_text(step) and step.thread_ts == flow.thread_ts
    await slack.send(alice.click(flow, "flow_answer_1"))
    own = await private_step(slack, alice)
    assert "Question 2 of" in all_text(own) and own.user == alice.id
    rec = slack.runtime.services.brain.knowledge.recommendation
    first_option = next(b for b in own.buttons() if b.action_id.startswith("flow_answer"))
    assert recommend.decode(first_option.value, rec).answers == (1, 0)  # her own answer, not bob's
    assert snapshot(flow) == before and not slack.fake.calls_to("chat.update")


async def test_when_post_ephemeral_fails_the_step_goes_through_the_clicks_response_url(slack, caplog):
    """A result shared (through a response_url) into a channel the bot was never invited to:
    chat.postEphemeral answers not_in_channel, the click's response_url still reaches the clicker."""
    caplog.set_level(logging.INFO, logger="bot.slack_io")
    alice, bob = slack.user(), slack.user("W333", name="bob")
    shared = await shared_result(slack, alice)
    before = snapshot(shared)
    slack.fake.fail("chat.postEphemeral", times=1, error="not_in_channel")
    click = bob.click(shared, "flow_restart")
    await slack.send(click)
    [post] = await slack.fake.wait_until(lambda: posts_to(slack, click), what="the step through the response_url")
    await slack.fake.wait_until(lambda: slack.fake.calls_to("chat.postEphemeral"), what="the postEphemeral try")
    [tried] = slack.fake.calls_to("chat.postEphemeral")
    assert tried.response == {"ok": False, "error": "not_in_channel"} and tried.params["user"] == bob.id
    assert post.status == 200 and post.payload["response_type"] == "ephemeral"
    assert post.payload["replace_original"] is False and "question 1 of" in post.text
    step = post.message
    assert step.ephemeral and step.user == bob.id and "Question 1 of" in all_text(step)
    assert snapshot(shared) == before and not slack.fake.calls_to("chat.update")
    assert SORRY not in [p.text for p in slack.fake.response_posts], "the step was delivered: no apology"
    [tried_log] = [r for r in caplog.records if "not_in_channel" in r.getMessage()]
    assert tried_log.levelno == logging.INFO, "a way round it exists: not an error"
    assert "chat.postEphemeral" in tried_log.getMessage()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]

    await click_and_wait(slack, bob, step, "flow_answer_0")
    assert "Question 2 of" in all_text(step) and snapshot(shared) == before


async def test_a_result_shared_into_a_dm_between_two_people_is_not_edited_there(slack):
    """A "D" channel is not always the app's DM: alice shares her result in her DM with bob, where the bot
    is no member (its calls there answer channel_not_found). Bob's click gets him a private step instead
    of a chat.update of the message both of them see."""
    alice, bob = slack.user(channel="D0AB"), slack.user("W333", name="bob", channel="D0AB")
    shared = await shared_result(slack, alice)
    assert shared.channel == "D0AB" and "user" not in shared.to_dict()
    before = snapshot(shared)
    slack.fake.fail("chat.postEphemeral", times=1, error="channel_not_found")
    click = bob.click(shared, "flow_restart")
    await slack.send(click)
    [post] = await slack.fake.wait_until(lambda: posts_to(slack, click), what="bob's private step")
    assert post.payload["response_type"] == "ephemeral" and post.payload["replace_original"] is False
    assert post.message.user == bob.id and post.message.channel == "D0AB" and "question 1 of" in post.text
    assert snapshot(shared) == before and not slack.fake.calls_to("chat.update")


# --- private surfaces: unchanged ------------------------------------------------------------------------

async def test_an_ephemeral_flow_is_replaced_in_place_through_response_urls_only(slack):
    alice = slack.user()
    flow = (await slack.send(alice.command("choose"))).message
    clicks = []
    for n in range(3):
        clicks.append(alice.click(flow, "flow_answer_0"))
        await slack.send(clicks[-1])
        await slack.fake.wait_until(lambda: flow.updated_count == n + 1, what=f"step {n + 2}")
    assert [[p.payload["replace_original"] for p in posts_to(slack, c)] for c in clicks] == [[True]] * 3
    assert not [c for c in slack.fake.calls if c.method.startswith("chat.")]
    assert "Question 4 of" in all_text(flow)


async def test_the_flow_in_the_apps_dm_is_updated_in_place_with_chat_update(slack):
    alice = slack.user()
    await slack.send(alice.dm("choose"))
    [post] = await slack.fake.wait_for("chat.postMessage")
    flow = slack.fake.conversation.find(post.params["channel"], post.response["ts"])
    assert flow.channel == alice.dm_channel and flow.to_dict()["user"] == slack.fake.identity.bot_user_id
    await click_and_wait(slack, alice, flow, "flow_answer_0")
    [update] = slack.fake.calls_to("chat.update")
    assert update.ok and (update.params["channel"], update.params["ts"]) == (flow.channel, flow.ts)
    assert "Question 2 of" in all_text(flow) and not slack.fake.calls_to("chat.postEphemeral")
    assert len(slack.fake.conversation.from_app()) == 1
