"""What a typed line means."""

from __future__ import annotations

import pytest

from bot.console.parse import Click, ConsoleCommand, DirectMessage, Mention, SlashCommand, parse


@pytest.mark.parametrize("line, expected", [
    ("/flaskvsdjango", SlashCommand("/flaskvsdjango", "")),
    ("/flaskvsdjango  choose ", SlashCommand("/flaskvsdjango", "choose")),
    ("/FlaskVsDjango what is an ORM?", SlashCommand("/flaskvsdjango", "what is an ORM?")),
    ("/giphy cats", SlashCommand("/giphy", "cats")),
    ("@bot what is wsgi", Mention("what is wsgi")),
    ("@flaskvsdjango: hi", Mention("hi")),
    ("@Bot", Mention("")),
    ("@alice hello", DirectMessage("@alice hello")),
    ("which is faster?", DirectMessage("which is faster?")),
    (":smile: hi", DirectMessage(":smile: hi")),
    ("  2 ", Click(2)),
    ("0", Click(0)),
    (":help", ConsoleCommand("help")),
    (":q", ConsoleCommand("quit")),
    (":QUIT", ConsoleCommand("quit")),
    (":exit", ConsoleCommand("quit")),
    ("quit", ConsoleCommand("quit")),  # as in any REPL
    ("Exit", ConsoleCommand("quit")),
    ("quit flask?", DirectMessage("quit flask?")),
    (":frobnicate", ConsoleCommand("frobnicate", known=False)),
])
def test_lines(line, expected):
    assert parse(line) == expected


@pytest.mark.parametrize("line", ["", "   ", "\t"])
def test_blank_lines_are_ignored(line):
    assert parse(line) is None
