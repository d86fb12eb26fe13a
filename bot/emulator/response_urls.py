"""response_url endpoints: use limits, expiry and how a post changes the conversation.

Slack lets an app use a response_url up to 5 times within 30 minutes. A post
with ``delete_original`` deletes the message the URL belongs to,
``replace_original: true`` replaces it in place (keeping its ``ts``), anything
else creates a new message: ephemeral (visible to the invoking user) unless
``response_type`` is ``"in_channel"``. For a slash command URL, "the original"
is the first message created through that URL.

An ``in_channel`` post goes to the thread its ``thread_ts`` names, and without
one to the top of the channel, even when the clicked message sat in a thread
(Slack's "Publishing responses in thread": set ``response_type`` to
``in_channel`` and include a ``thread_ts``). An ephemeral one appears where the
clicker is: in the clicked message's thread.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bot.emulator.conversation import Conversation, Message
from bot.emulator.ids import IDS

if TYPE_CHECKING:
    from bot.emulator.web_methods import BotIdentity

MAX_USES = 5
LIFETIME_SECONDS = 30 * 60


@dataclass
class ResponseUrl:
    """One response_url the fake handed out, and the context Slack ties to it."""

    id: str
    url: str
    channel: str
    user: str
    message_ts: str | None = None
    thread_ts: str | None = None
    created: float = field(default_factory=time.monotonic)
    uses: int = 0
    expired: bool = False

    def usable(self, now: float | None = None) -> bool:
        """False once expired, used 5 times, or 30 minutes old."""
        now = time.monotonic() if now is None else now
        return not self.expired and self.uses < MAX_USES and now - self.created < LIFETIME_SECONDS


@dataclass(frozen=True)
class ResponseUrlPost:
    """One POST the app made to a response_url, with the HTTP status it got."""

    id: str
    url: str
    payload: dict[str, Any]
    time: float
    status: int
    message: Message | None = None

    @property
    def text(self) -> str | None:
        """The posted ``text`` (None when absent)."""
        return self.payload.get("text")


def _truthy(value: Any) -> bool:
    return value is True or str(value).lower() == "true"


def apply_post(
    conversation: Conversation, ctx: ResponseUrl, payload: dict[str, Any], me: BotIdentity, source: str
) -> tuple[int, str, Message | None]:
    """Apply one response_url (or slash command ack) body; return (status, body, message)."""
    original = conversation.find(ctx.channel, ctx.message_ts) if ctx.message_ts else None
    if _truthy(payload.get("delete_original")):
        if original is None:
            return 404, "message_not_found", None
        conversation.delete(original, source=source)
        return 200, "ok", original
    blocks = payload.get("blocks")
    if not payload.get("text") and not blocks and not payload.get("attachments"):
        return 400, "no_text", None
    if _truthy(payload.get("replace_original")) and original is not None:
        conversation.update(original, text=str(payload.get("text") or ""),
                            blocks=list(blocks or []), source=source)
        return 200, "ok", original
    in_channel = payload.get("response_type") == "in_channel"
    message = Message(
        channel=ctx.channel, ts=IDS.ts(), text=str(payload.get("text") or ""), blocks=list(blocks or []),
        user=me.bot_user_id if in_channel else ctx.user, source=source,
        thread_ts=payload.get("thread_ts") or (None if in_channel else ctx.thread_ts), ephemeral=not in_channel,
        bot_id=me.bot_id, app_id=me.app_id, team=me.team_id,
    )
    conversation.add(message)
    if ctx.message_ts is None:
        ctx.message_ts = message.ts
    return 200, "ok", message
