"""Mentions, DMs and the App Home tab (Bolt acks events before these run)."""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot import blocks, followups, intents, responses
from bot.services import Services
from bot.slack_io import Sender

logger = logging.getLogger(__name__)

# Message subtypes that are a person writing; everything else (edits, joins,
# bot posts) is ignored.
PERSON_SUBTYPES = {None, "file_share", "thread_broadcast"}


async def _answer(services: Services, client: AsyncWebClient, event: dict[str, Any],
                  team_id: str | None, *, thread_ts: str | None) -> None:
    channel, ts = event.get("channel"), event.get("ts")
    if not channel or not ts:
        logger.warning("ignoring a message event without channel or ts")
        return
    # One answer per message: a mention in a DM can arrive as both app_mention and message.im, and
    # editing a message that mentions the bot sends app_mention again (a new event_id, "edited" set).
    # An edit that adds the mention to a message is that message's first mention, and is answered.
    if not await services.deduper.first_seen(f"message:{channel}:{ts}"):
        return
    dm = channel.startswith("D")
    text = event.get("text") or ""
    # A follow-up ("and django?") refers to the last question of the thread, or of this person in
    # the DM (a DM between two people holds one conversation for each).
    conversation = followups.conversation_key(team_id, channel, thread_ts=None if dm else thread_ts,
                                              user_id=event.get("user") if dm else None)
    if event.get("files") and not intents.strip_mentions(text).strip():  # a file, an image, no words
        reply = responses.Reply(blocks.menu_message(files_only=True))
    else:
        intent = intents.parse_message(text)
        follow_up = await services.follow_up(conversation, intent)
        reply = responses.reply(intent, services.brain, public=not dm, follow_up=follow_up)
    # Kept before the answer is posted (Slack may take a while to accept it): a quick "and flask?"
    # in the meantime still follows on from it.
    await services.remember(conversation, reply)
    await Sender(client, services.session).post(channel, reply.message, thread_ts=thread_ts, user=event.get("user"))
    await services.record_reply(reply, team_id=team_id, user_id=event.get("user"),
                                question=reply.question or intents.strip_mentions(text))


def register(app: AsyncApp, services: Services) -> None:
    async def app_mention(event: dict[str, Any], client: AsyncWebClient, context: dict[str, Any]) -> None:
        if event.get("bot_id"):
            return
        # In a channel the answer goes in a thread under the mention; in a DM (where the same message
        # also comes as message.im, whichever event is first) in the conversation, as DMs are answered.
        in_dm = str(event.get("channel") or "").startswith("D")
        await _answer(services, client, event, context.get("team_id"),
                      thread_ts=event.get("thread_ts") or (None if in_dm else event.get("ts")))

    async def direct_message(event: dict[str, Any], client: AsyncWebClient, context: dict[str, Any]) -> None:
        if event.get("channel_type") != "im" or event.get("bot_id") or event.get("subtype") not in PERSON_SUBTYPES:
            return
        await _answer(services, client, event, context.get("team_id"), thread_ts=event.get("thread_ts"))

    async def app_home_opened(event: dict[str, Any], client: AsyncWebClient) -> None:
        if event.get("tab", "home") != "home" or not event.get("user"):
            return
        view = blocks.home_view(len(services.brain.knowledge.topics))
        shown = event.get("view")  # what this person's Home tab holds, once published
        if isinstance(shown, dict) and shown.get("private_metadata") == view["private_metadata"]:
            return  # the same tab: opening it again needs no Web API call
        await Sender(client, services.session).call("views.publish", user_id=event["user"], view=view)

    async def workspace_left(event: dict[str, Any], context: dict[str, Any]) -> None:
        """app_uninstalled / tokens_revoked: forget that workspace's tokens (multi-workspace mode);
        with one workspace (SLACK_BOT_TOKEN), say so once: every later request fails until reinstalled."""
        kind, team = event.get("type"), context.get("team_id")
        if kind == "tokens_revoked" and not (event.get("tokens") or {}).get("bot"):
            logger.info("tokens_revoked for team %s names no bot token: keeping its installation", team)
            return
        if services.installations is None:
            what = "the app was uninstalled from" if kind == "app_uninstalled" else "the bot token was revoked in"
            logger.error("%s team %s: every request from there will fail until the app is reinstalled; "
                         "reinstall it and update SLACK_BOT_TOKEN", what, team)
            return
        from bot.stores.installations import delete_workspace

        logger.info("%s for team %s: deleting its installation", kind, team)
        await delete_workspace(services.installations, context.get("enterprise_id"), team)

    async def unsubscribed(event: dict[str, Any]) -> None:
        """Any other event (a subscription added in the app config, say): Bolt has acked it; nothing to do."""
        logger.debug("ignoring a %s event: nothing listens for it", event.get("type"))

    app.event("app_mention")(app_mention)
    app.event("message")(direct_message)
    app.event("app_home_opened")(app_home_opened)
    for name in ("app_uninstalled", "tokens_revoked"):
        app.event(name)(workspace_left)
    # Last: an event no listener above takes is still answered 200 (acked, in Socket Mode), so Slack
    # does not retry it, and it logs one DEBUG line instead of Bolt's "Unhandled request" warning.
    app.event(re.compile(".*"))(unsubscribed)
