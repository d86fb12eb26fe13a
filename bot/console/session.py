"""One console session: typed input → signed Slack requests → rendered changes.

Everything goes through :class:`~bot.emulator.local_app.LocalSlack`: the real
bot (``bot.runtime.running_bot``) served on loopback, with a fake Slack Web API
that records what the bot posts, updates and deletes. After each input the
session waits until the fake has been quiet for ``quiet`` seconds (bounded by
``timeout``), then renders the conversation's changes in order: a message the
bot changed is shown again as "✎ updated", not as a new message.
"""

from __future__ import annotations

import asyncio
from typing import Any

from rich.console import Console, RenderableType
from rich.text import Text

from bot.console import texts
from bot.console.blocks import title
from bot.console.mrkdwn import DIM, Names, plain_emoji
from bot.console.parse import Click, ConsoleCommand, DirectMessage, Input, Mention, SlashCommand
from bot.console.view import Kind, message_view
from bot.emulator.conversation import Change, Message
from bot.emulator.local_app import Delivery, LocalSlack

GENERAL = "general"
USER_NAME = "alice"
NOTE = "italic yellow"


class Session:
    """Feeds what the person types to the bot and prints what Slack would show."""

    def __init__(self, slack: LocalSlack, console: Console, *, plain: bool = False,
                 quiet: float = 0.15, timeout: float = 4.0) -> None:
        self.slack = slack
        self.console = console
        self.plain = plain
        self.quiet = quiet
        self.timeout = timeout
        self.user = slack.user(name=USER_NAME)
        self.command = slack.settings.command
        identity = slack.fake.identity
        self.app_name = self.command.lstrip("/")
        self.names = Names(users={self.user.id: USER_NAME, identity.bot_user_id: self.app_name},
                           channels={self.user.channel: GENERAL}, app=self.app_name)
        self._pending: list[Change] = []
        self._shown: dict[int, Message] = {}   # rendered messages, most recently rendered last
        self._last_turn_with_buttons = 0
        slack.fake.on_change(self._record)

    def _record(self, change: Change) -> None:
        self._pending.append(change)

    # --- input -----------------------------------------------------------------
    async def handle(self, item: Input) -> bool:
        """Act on one parsed line; False when the person asked to quit."""
        if isinstance(item, ConsoleCommand):
            if item.name == "quit":
                return False
            self.note(texts.help_text(self.command) if item.known
                      else texts.unknown_console_command(item.name), style=None if item.known else NOTE)
            return True
        if isinstance(item, SlashCommand):
            if item.command != self.command:
                self.note(texts.unknown_command(item.command, self.command))
                return True
            await self._deliver(self.user.command(item.text, command=item.command), expect=False)
        elif isinstance(item, Mention):
            await self._deliver(self.user.mention(item.text))
        elif isinstance(item, DirectMessage):
            await self._deliver(self.user.dm(item.text))
        elif isinstance(item, Click):
            await self._click(item.number)
        return True

    async def _click(self, number: int) -> None:
        target = self.latest_with_buttons()
        if target is None:
            self.note(texts.no_buttons(self.command))
            return
        name = title(target.text, target.blocks, self.names)
        buttons = target.buttons()
        if not 1 <= number <= len(buttons):
            self.note(texts.no_such_button(number, len(buttons), name))
            return
        ambiguous = self._last_turn_with_buttons > 1 or next(reversed(self._shown.values()), None) is not target
        label = plain_emoji(buttons[number - 1].label)
        self.note(texts.clicking(number, label, name if ambiguous else None), style=DIM)
        await self._deliver(self.user.click(target, number))

    async def _deliver(self, request: object, *, expect: bool = True) -> None:
        since = len(self.slack.fake.conversation.changes)
        delivery: Delivery = await self.slack.send(request)  # type: ignore[arg-type]
        if delivery.status != 200:
            self.note(texts.http_problem(delivery.status, delivery.body))
        await self.settle(since, expect=expect and delivery.message is None and delivery.status == 200)
        if not self.flush():
            self.note(texts.no_reply(), style=DIM)

    # --- waiting ---------------------------------------------------------------
    def _activity(self) -> tuple[int, int, int]:
        fake = self.slack.fake
        return len(fake.conversation.changes), len(fake.calls), len(fake.response_posts)

    async def settle(self, since: int = 0, *, expect: bool = False) -> None:
        """Wait until the bot is done: quiet for ``quiet`` s (and, when ``expect``, after a first change)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.timeout
        seen, last = self._activity(), loop.time()
        while loop.time() < deadline:
            await asyncio.sleep(0.02)
            now = self._activity()
            if now != seen:
                seen, last = now, loop.time()
                continue
            reacted = len(self.slack.fake.conversation.changes) > since
            if (reacted or not expect) and loop.time() - last >= self.quiet:
                return

    # --- output ----------------------------------------------------------------
    def note(self, text: str, *, style: str | None = NOTE) -> None:
        self.console.print(Text(text, style or ""))

    def latest_with_buttons(self) -> Message | None:
        """The most recently rendered message that still has buttons."""
        for message in reversed(self._shown.values()):
            if not message.deleted and message.buttons():
                return message
        return None

    def flush(self) -> int:
        """Render the changes since the last flush, one entry per message; return how many the bot made.

        A message created and then updated since the last flush is shown once, as new, in its
        latest state; one deleted is shown as deleted.
        """
        changes, self._pending = self._pending, []
        kinds: dict[int, tuple[Message, Kind]] = {}
        for change in changes:
            key = id(change.message)
            if key not in kinds:
                kinds[key] = (change.message, change.kind)
            elif change.kind == "deleted":
                kinds[key] = (change.message, "deleted")
        with_buttons = 0
        for key, (message, kind) in kinds.items():
            self.console.print(self.render(message, kind))
            self._shown.pop(key, None)
            self._shown[key] = message
            with_buttons += bool(not message.deleted and message.buttons())
        self._last_turn_with_buttons = with_buttons
        return sum(message.source != "user" for message, _ in kinds.values())

    def render(self, message: Message, kind: Kind) -> RenderableType:
        return message_view(message, kind, self.names, me=self.user.id, plain=self.plain)


    async def close(self) -> None:
        """Show what the bot still did, then stop it."""
        try:
            await self.settle(len(self.slack.fake.conversation.changes))
            self.flush()
        finally:
            await self.slack.stop()


async def open_session(console: Console, *, plain: bool, **settings: Any) -> Session:
    """Start the real bot on loopback (``settings`` as for :class:`LocalSlack`) and a session on it."""
    slack = LocalSlack(**settings)
    await slack.start()
    return Session(slack, console, plain=plain)
