"""``/flaskvsdjango``: the reply is ephemeral and rides on the ack itself.

The core is pure and answers in microseconds, so the reply goes back in the
acknowledgement (Slack's "immediate response"): one round trip, and the
3-second limit is met by construction. If building the reply ever fails, the
ack still goes out, with an apology.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp

from bot import blocks, followups, intents, responses
from bot.services import Services

logger = logging.getLogger(__name__)


def register(app: AsyncApp, services: Services, command: str) -> None:
    async def slash_command(ack: AsyncAck, command: dict[str, Any]) -> None:
        text = command.get("text") or ""
        # A follow-up ("/flaskvsdjango and django?") refers to this person's last command in a channel,
        # or to their last question in a DM, typed or commanded (in a DM between two people, each
        # person's own: the other's ephemeral questions are not theirs to see).
        conversation = followups.conversation_key(command.get("team_id"), command.get("channel_id") or "-",
                                                  user_id=command.get("user_id"))
        try:
            intent = intents.parse_command(text)
            follow_up = await services.follow_up(conversation, intent, names=False)  # "django": the overview
            reply = responses.reply(intent, services.brain, shareable=True, follow_up=follow_up)
        except Exception:
            logger.exception("could not build a reply to %s", command.get("command"))
            await ack(response_type="ephemeral", **blocks.apology_message())
            return
        await ack(response_type="ephemeral", **reply.message)
        # Still this listener's run, after the reply has gone: the runner waits for it on shutdown.
        await services.record_reply(reply, team_id=command.get("team_id"), user_id=command.get("user_id"),
                                    question=reply.question or intents.clean(text))
        await services.remember(conversation, reply)

    app.command(command)(slash_command)
