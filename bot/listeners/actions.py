"""Button clicks: ack first, then read the value and update or answer.

Every value is checked: a value that does not decode, or names a topic that no
longer exists, gets a polite reply, never an error. A click never changes a
message others see: ``Sender.update`` replaces only a message the clicker alone
sees, and answers a click on a public one (a shared result, a menu in a thread)
with a new ephemeral message for the clicker, where their flow then goes on.
"""

from __future__ import annotations

import hashlib
import logging
import re
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot import blocks, responses
from bot.blocks.common import ActionIds, parse_feedback_value
from bot.blocks.menu import not_understood_message
from bot.intents import Intent, Kind
from bot.services import Services
from bot.slack_io import EPHEMERAL, Sender, Surface

logger = logging.getLogger(__name__)

_MENU = {ActionIds.MENU_CHOOSE: Kind.CHOOSE, ActionIds.MENU_COMPARE: Kind.COMPARE, ActionIds.MENU_TOPICS: Kind.TOPICS}
STALE_BUTTON = "That button is from an older version of this message. Try `/flaskvsdjango help` for a fresh menu."


def _action(body: dict[str, Any]) -> dict[str, Any]:
    acts = body.get("actions") or [{}]
    return acts[0] if isinstance(acts[0], dict) else {}


def _team(body: dict[str, Any]) -> str | None:
    return (body.get("team") or {}).get("id")


def _message_key(surface: Surface) -> str:
    """The clicked message, the same for every click on it: its channel and ts (the container's
    ``message_ts``, which ephemerals have too), else a digest of the click's response_url."""
    if surface.message_ts:
        return f"{surface.channel or ''}:{surface.message_ts}"
    return f"url:{hashlib.sha256(surface.response_url.encode()).hexdigest()[:32]}" if surface.response_url else ""


def register(app: AsyncApp, services: Services) -> None:
    def sender(client: AsyncWebClient) -> Sender:
        return Sender(client, services.session)

    async def menu(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        surface = Surface.from_action(body)
        kind = _MENU.get(_action(body).get("action_id", ""))
        if kind is None:
            await sender(client).send_new(surface, not_understood_message(STALE_BUTTON))
            return
        reply = responses.reply(Intent(kind), services.brain, shareable=surface.ephemeral_reply)
        if kind is Kind.CHOOSE:
            await sender(client).update(surface, reply.message)
        else:
            await sender(client).send_new(surface, reply.message)

    async def topic(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        surface = Surface.from_action(body)
        found = services.brain.topic(str(_action(body).get("value", "")))
        if found is None:
            await sender(client).send_new(surface, not_understood_message(
                "That topic is no longer in the guide's knowledge. Try `/flaskvsdjango topics` for the current list."))
            return
        reply = responses.topic_reply(services.brain, found, question=f"(button) {found.title}",
                                      shareable=surface.ephemeral_reply)
        await sender(client).send_new(surface, reply.message)
        await services.record_reply(reply, team_id=_team(body), user_id=surface.user, question=f"[topic button] {found.id}")

    async def flow(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        surface = Surface.from_action(body)
        reply = responses.flow_click(str(_action(body).get("value", "")), services.brain,
                                     shareable=surface.ephemeral_reply)
        await sender(client).update(surface, reply.message)

    async def feedback(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        surface = Surface.from_action(body)
        action = _action(body)
        topic_id, question, origin = parse_feedback_value(str(action.get("value", "")))
        found = services.brain.topic(topic_id)
        if found is None:
            await sender(client).send_new(surface, not_understood_message(STALE_BUTTON))
            return
        helpful = action.get("action_id") == ActionIds.FEEDBACK_HELPFUL
        # One vote per person per answer message: the first click counts, later ones (a double click,
        # or clicking the buttons of a shared answer again and again) are not recorded. The
        # de-duplicator catches quick repeats (across replicas with Redis); the usage store keeps
        # the vote's key with the vote, so a repeat days later is not counted either. A private
        # answer loses its buttons with the first vote; on a shared one, the clicker is told. A shared
        # copy names the message it was shared from: its sharer's vote there and here is one vote.
        message = origin or _message_key(surface)
        vote_key = f"{_team(body)}:{surface.user}:{message}" if message else None
        if not await services.deduper.first_seen(f"feedback:{_team(body)}:{surface.user}:{message}") or not (
                await services.record_feedback(team_id=_team(body), user_id=surface.user, topic_id=found.id,
                                               helpful=helpful, question=question or None, vote_key=vote_key)):
            logger.info("ignoring a repeated feedback click by %s on one answer", surface.user)
            if not surface.private:
                await sender(client).send_new(surface, blocks.shared_note_message(
                    "You already rated this answer: your first vote counts. Thanks!"))
            return
        if surface.private:
            msg = blocks.answer_message(found, services.brain.related(found), question=question,
                                        shareable=surface.kind == EPHEMERAL, feedback_given=helpful)
            await sender(client).update(surface, msg)
        else:
            thanks = "Thanks for the feedback!" if helpful else "Thanks, we'll use that to improve this answer."
            await sender(client).send_new(surface, blocks.shared_note_message(thanks))

    async def share(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        surface = Surface.from_action(body)
        reply = responses.share_reply(str(_action(body).get("value", "")), services.brain, user_id=surface.user,
                                      origin=_message_key(surface))
        if reply is None:
            await sender(client).send_new(surface, not_understood_message(STALE_BUTTON))
            return
        # A double click posts once: a second click on the same message while (or after) the first
        # shares it does nothing visible. A share that failed gives its key up, so "try again" works.
        key = f"share:{surface.user}:{_message_key(surface)}"
        if not await services.deduper.first_seen(key):
            logger.info("ignoring a repeated share click by %s on one message", surface.user)
            return
        out = sender(client)
        posted = False
        if surface.response_url:
            # in_channel through a response_url goes to the top of the channel unless told the thread
            shared = dict(reply.message, response_type="in_channel", replace_original=False)
            if surface.thread_ts:
                shared["thread_ts"] = surface.thread_ts
            posted = await out.respond(surface.response_url, shared)
            if posted and surface.kind == EPHEMERAL:
                await out.respond(surface.response_url, {"delete_original": True})
            if not posted:
                await out.apologise(channel=surface.channel, user=surface.user)
        elif surface.channel:
            posted = await out.post(surface.channel, reply.message, thread_ts=surface.thread_ts, user=surface.user)
        if not posted:
            await services.deduper.forget(key)

    async def unknown(ack: AsyncAck, body: dict[str, Any]) -> None:
        await ack()
        logger.warning("ignoring a click on unknown action_id %r", _action(body).get("action_id"))

    app.action(re.compile(f"^{ActionIds.MENU_PREFIX}"))(menu)
    app.action(re.compile(f"^{ActionIds.TOPIC_PREFIX}"))(topic)
    app.action(re.compile(f"^{ActionIds.FLOW_PREFIX}"))(flow)
    app.action(re.compile(f"^{ActionIds.FEEDBACK_PREFIX}"))(feedback)
    app.action(ActionIds.SHARE)(share)
    app.action(re.compile(".*"))(unknown)



