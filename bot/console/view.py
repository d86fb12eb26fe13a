"""One message as a block of terminal output: who, where, what (pure).

``message_view(message, kind, names, me=...)`` gives a line saying who wrote
it and where (``flaskvsdjango · #general · only visible to you``), marked
``✎ updated`` or ``✗ deleted`` when that is what happened, then the content
indented. Thread replies are indented one step further, under their parent.
"""

from __future__ import annotations

from typing import Literal

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from bot.console.blocks import render_content, title
from bot.console.mrkdwn import DIM, Names, to_text
from bot.emulator.conversation import Message

Kind = Literal["new", "updated", "deleted"]
INDENT = 2
THREAD_INDENT = 4
UPDATED = "✎ updated"
DELETED = "✗ deleted"
EPHEMERAL = "only visible to you"


def where(message: Message, names: Names) -> str:
    """``#general``, ``direct message`` or the raw id."""
    if message.channel.startswith("D"):
        return "direct message"
    return "#" + names.channel(message.channel).lstrip("#")


def _meta(message: Message, kind: Kind, names: Names, me: str) -> Text:
    line = Text()
    if kind == "updated":
        line.append(UPDATED + "  ", "bold yellow")
    by_app = message.from_app or message.ephemeral  # an ephemeral's user is its viewer
    author = names.app if by_app else "you" if message.user == me else names.user(message.user)
    line.append(author, "bold green" if by_app else "bold")
    line.append(f" · {where(message, names)}", DIM)
    if message.is_reply:
        line.append(" · in thread", DIM)
    if message.ephemeral:
        line.append(f" · {EPHEMERAL}", "italic yellow")
    return line


def message_view(message: Message, kind: Kind, names: Names, *, me: str, plain: bool = False) -> RenderableType:
    """The rendering of one message after a change of ``kind``."""
    indent = THREAD_INDENT if message.is_reply else 0
    lead = Text()
    if message.is_reply:
        lead.append("↳ ", DIM)
    if kind == "deleted" or message.deleted:
        note = lead + Text(f"{DELETED}: ", "bold red") + Text(title(message.text, message.blocks, names), DIM)
        if message.ephemeral:
            note.append(f" ({EPHEMERAL})", DIM)
        return Padding(note, (0, 0, 0, indent), expand=False)
    if message.source == "user":  # what the person typed: one line, the parent of any thread
        line = lead + _meta(message, kind, names, me) + Text(": ") + to_text(message.text, names)
        return Padding(line, (0, 0, 0, indent), expand=False)
    body = render_content(message.text, message.blocks, names, plain=plain)
    return Padding(
        Group(lead + _meta(message, kind, names, me), Padding(body, (0, 0, 0, INDENT + len(lead)), expand=False)),
        (0, 0, 0, indent), expand=False,
    )
