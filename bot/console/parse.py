"""What a typed line means (pure): a slash command, a mention, a DM, a click or a console command.

* ``/flaskvsdjango compare`` → :class:`SlashCommand` (any ``/word``; the session
  decides whether the app has that command)
* ``@bot ...`` or ``@flaskvsdjango ...`` → :class:`Mention` in #general
* ``2`` → :class:`Click` of button 2 of the latest message with buttons
* ``:help``, ``:quit`` (``:q``, ``:exit``) → :class:`ConsoleCommand`; so are ``quit`` and ``exit``
  typed alone, as in any REPL (no one asks the bot that)
* an empty line → None; anything else → :class:`DirectMessage`
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CONSOLE_COMMANDS = {"help": "help", "h": "help", "?": "help", "quit": "quit", "q": "quit", "exit": "quit"}
_SLASH = re.compile(r"^(/[\w.-]+)(?:\s+(.*))?$", re.DOTALL)
_BARE_QUIT = frozenset(("quit", "exit"))
_CONSOLE = re.compile(r"^:([a-z?]+)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class SlashCommand:
    command: str   # "/flaskvsdjango"
    text: str      # what follows it


@dataclass(frozen=True)
class Mention:
    text: str      # without the leading @name


@dataclass(frozen=True)
class DirectMessage:
    text: str


@dataclass(frozen=True)
class Click:
    number: int


@dataclass(frozen=True)
class ConsoleCommand:
    name: str      # "help", "quit", or what was typed when unknown
    known: bool = True


Input = SlashCommand | Mention | DirectMessage | Click | ConsoleCommand


def parse(line: str, *, mention_names: tuple[str, ...] = ("bot", "flaskvsdjango")) -> Input | None:
    """Classify one typed line; None for a blank line."""
    line = line.strip()
    if not line:
        return None
    if line.isdigit():
        return Click(int(line))
    if line.lower().rstrip(".!") in _BARE_QUIT:
        return ConsoleCommand("quit")
    if console := _CONSOLE.match(line):
        name = console.group(1).lower()
        return ConsoleCommand(CONSOLE_COMMANDS[name]) if name in CONSOLE_COMMANDS else ConsoleCommand(name, known=False)
    if slash := _SLASH.match(line):
        return SlashCommand(slash.group(1).lower(), (slash.group(2) or "").strip())
    if line.startswith("@"):
        name, _, rest = line[1:].partition(" ")
        if name.lower().rstrip(":,") in mention_names:
            return Mention(rest.strip())
    return DirectMessage(line)
