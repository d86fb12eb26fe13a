"""The conversation as users would see it: every message, updated in place.

The fake Web API feeds this model (``chat.postMessage``, ``chat.postEphemeral``,
``chat.update``, ``chat.delete``, response_url posts, ack bodies); tests and the
console add what the people typed with :meth:`Conversation.add_user_message`.
Subscribers get an ordered stream of :class:`Change` ("new", "updated",
"deleted") so a renderer can redraw a message instead of appending a copy.
"""

from __future__ import annotations

import asyncio
import copy
import hashlib
import logging
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Literal

from bot.emulator.ids import IDS

if TYPE_CHECKING:
    from bot.emulator.buttons import Button

ChangeKind = Literal["new", "updated", "deleted"]
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Revision:
    """One earlier state of a message, kept when it is updated or deleted."""

    text: str
    blocks: list[dict[str, Any]]
    source: str
    time: float


@dataclass
class Message:
    """One message in a channel, DM or thread.

    ``user`` is the author, except for ephemeral messages, where it is the one
    person who can see it. ``bot_id`` is set for messages the app sent.
    ``source`` says how it arrived: "chat.postMessage", "chat.postEphemeral",
    "response_url", "ack" or "user". ``history`` holds the earlier revisions.
    """

    channel: str
    ts: str
    text: str
    blocks: list[dict[str, Any]]
    user: str
    source: str
    thread_ts: str | None = None
    ephemeral: bool = False
    bot_id: str | None = None
    app_id: str | None = None
    team: str | None = None
    deleted: bool = False
    updated_count: int = 0
    history: list[Revision] = field(default_factory=list)
    metadata: dict[str, Any] | None = None

    @property
    def from_app(self) -> bool:
        """True when the app (not a person) wrote the message."""
        return self.bot_id is not None

    @property
    def is_reply(self) -> bool:
        """True for a reply inside a thread (not the thread's parent)."""
        return self.thread_ts is not None and self.thread_ts != self.ts

    @property
    def via_response_url(self) -> bool:
        """True for a visible message the app sent through a response_url (or a slash command's ack)."""
        return self.from_app and not self.ephemeral and self.source in ("response_url", "ack")

    def to_dict(self) -> dict[str, Any]:
        """The message as Slack returns it (``message`` in API answers and block_actions).

        One the app posted with its token names the bot user as ``user``
        (``block_actions_button_with_message.json``); one sent through a
        response_url has no ``user`` and the subtype ``bot_message``
        (``message_event_self_bot_message_subtype.json``).
        """
        out: dict[str, Any] = {"type": "message"}
        if self.via_response_url:
            out["subtype"] = "bot_message"
        if self.bot_id:
            out["bot_id"] = self.bot_id
        out["text"] = self.text
        if not self.via_response_url:
            out["user"] = self.user
        out["ts"] = self.ts
        if self.app_id:
            out["app_id"] = self.app_id
        if self.blocks:
            out["blocks"] = copy.deepcopy(self.blocks)
        if self.team:
            out["team"] = self.team
        if self.thread_ts:
            out["thread_ts"] = self.thread_ts
        if self.metadata:
            out["metadata"] = copy.deepcopy(self.metadata)
        return out

    def buttons(self) -> list[Button]:
        """The message's buttons in display order (see :func:`bot.emulator.buttons.buttons`)."""
        from bot.emulator.buttons import buttons

        return buttons(self)


@dataclass(frozen=True)
class Change:
    """One change to the conversation, numbered in the order it happened."""

    seq: int
    kind: ChangeKind
    message: Message


def with_block_ids(blocks: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    """A copy of ``blocks`` where each block has a ``block_id``, as Slack assigns one."""
    out: list[dict[str, Any]] = []
    for i, block in enumerate(copy.deepcopy(blocks or [])):
        if isinstance(block, dict) and not block.get("block_id"):
            seed = f"{i}:{block.get('type')}:{sorted(block)}".encode()
            block["block_id"] = hashlib.sha1(seed).hexdigest()[:4]
        out.append(block)
    return out


class Conversation:
    """Every message, in creation order, with in-place updates and change events."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.changes: list[Change] = []
        self._callbacks: list[Callable[[Change], None]] = []
        self._queues: list[asyncio.Queue[Change]] = []

    # --- subscribing -------------------------------------------------------
    def on_change(self, callback: Callable[[Change], None]) -> None:
        """Call ``callback(change)`` synchronously after every change."""
        self._callbacks.append(callback)

    def subscribe(self) -> asyncio.Queue[Change]:
        """A queue that receives every later change, in order."""
        queue: asyncio.Queue[Change] = asyncio.Queue()
        self._queues.append(queue)
        return queue

    def unsubscribe(self, queue: asyncio.Queue[Change]) -> None:
        """Stop feeding ``queue``."""
        if queue in self._queues:
            self._queues.remove(queue)

    def _emit(self, kind: ChangeKind, message: Message) -> None:
        change = Change(len(self.changes) + 1, kind, message)
        self.changes.append(change)
        for callback in list(self._callbacks):
            try:  # a broken renderer must not break the fake Slack's answer
                callback(change)
            except Exception:
                logger.exception("on_change callback failed for change %s", change.seq)
        for queue in self._queues:
            queue.put_nowait(change)

    # --- adding and changing ----------------------------------------------
    def add(self, message: Message) -> Message:
        """Record a new message and announce it."""
        message.blocks = with_block_ids(message.blocks)
        self.messages.append(message)
        self._emit("new", message)
        return message

    def add_user_message(
        self, channel: str, text: str, *, user: str, ts: str | None = None,
        thread_ts: str | None = None, team: str | None = None,
    ) -> Message:
        """Record what a person typed (so replies can be shown under it)."""
        return self.add(Message(channel=channel, ts=ts or IDS.ts(), text=text, blocks=[], user=user,
                                source="user", thread_ts=thread_ts, team=team))

    def update(
        self, message: Message, *, text: str | None, blocks: list[dict[str, Any]] | None, source: str
    ) -> Message:
        """Replace ``message``'s content in place, keeping the old one in ``history``."""
        message.history.append(Revision(message.text, message.blocks, source, time.monotonic()))
        if text is not None:
            message.text = text
        if blocks is not None:
            message.blocks = with_block_ids(blocks)
        message.updated_count += 1
        self._emit("updated", message)
        return message

    def delete(self, message: Message, *, source: str) -> Message:
        """Mark ``message`` deleted (it stays in ``messages`` with ``deleted=True``)."""
        message.history.append(Revision(message.text, message.blocks, source, time.monotonic()))
        message.deleted = True
        self._emit("deleted", message)
        return message

    # --- looking up --------------------------------------------------------
    def find(self, channel: str, ts: str, *, include_deleted: bool = False) -> Message | None:
        """The message ``ts`` in ``channel`` (None when unknown or deleted)."""
        for message in self.messages:
            if message.channel == channel and message.ts == ts:
                if message.deleted and not include_deleted:
                    return None
                return message
        return None

    def in_channel(self, channel: str, *, visible_to: str | None = None) -> list[Message]:
        """Top-level, undeleted messages of ``channel``; ephemerals only for ``visible_to``."""
        return [m for m in self._visible(visible_to) if m.channel == channel and not m.is_reply]

    def thread(self, channel: str, thread_ts: str, *, visible_to: str | None = None) -> list[Message]:
        """The replies under ``thread_ts`` (parent excluded), oldest first."""
        return [m for m in self._visible(visible_to)
                if m.channel == channel and m.is_reply and m.thread_ts == thread_ts]

    def from_app(self) -> list[Message]:
        """Undeleted messages the app sent, in creation order."""
        return [m for m in self.messages if m.from_app and not m.deleted]

    def last(self, *, channel: str | None = None) -> Message | None:
        """The newest undeleted message the app sent (optionally in ``channel``)."""
        for message in reversed(self.messages):
            if message.from_app and not message.deleted and channel in (None, message.channel):
                return message
        return None

    def _visible(self, user: str | None) -> list[Message]:
        return [m for m in self.messages
                if not m.deleted and (not m.ephemeral or user is None or m.user == user)]
