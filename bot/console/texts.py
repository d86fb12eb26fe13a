"""Every sentence the console itself says, in one place."""

from __future__ import annotations

PROMPT = "you › "

BANNER_TITLE = "flaskvsdjango · local console"

WHO = "You are @{user} in #general of a pretend workspace; the bot is @{app}."

BANNER = """\
This is a local simulation of Slack: nothing leaves this computer. The real bot \
runs here, and what you type reaches it as signed Slack requests.

To connect to real Slack, create the app from manifest.yml and set either
  SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET   (HTTP mode), or
  SLACK_APP_TOKEN + SLACK_BOT_TOKEN        (Socket Mode),
then run the same command again. README.md, "Connect to Slack", has the steps."""

# DATABASE_URL / REDIS_URL set in the shell: the console does not write into them.
IN_MEMORY = ("{names} {verb} not used here: the console keeps its usage records and memory in this process, "
             "apart from real users' questions.")

HINTS = "Try {command} · {command} choose · @bot what is an ORM? · which is easier to learn? · :help · :quit"

_HELP_ROWS = (
    ("{command} [text]", "a slash command (the reply is only visible to you)"),
    ("@bot text", "mention the bot in #general (it answers in a thread)"),
    ("any other text", "a direct message to the bot"),
    ("1, 2, 3 ...", "click that button of the latest message with buttons"),
    (":help", "this help"),
    (":quit", "leave (so do quit or exit typed alone, Ctrl-D and Ctrl-C)"),
)


def help_text(command: str) -> str:
    rows = [(left.format(command=command), right) for left, right in _HELP_ROWS]
    width = max(len(left) for left, _ in rows) + 3
    lines = ["How to talk to the bot here:"] + [f"  {left:<{width}}{right}" for left, right in rows]
    lines += ["Buttons are numbered per message, e.g. [1] Help me choose  [2] Compare.",
              'A message the bot changes is shown again, marked "✎ updated".',
              'Follow up a DM with "and django?" to get your last question answered for Django.']
    return "\n".join(lines)


def unknown_command(command: str, app_command: str) -> str:
    return (f"{command} is not a command of this app, so Slack would not send it. "
            f"Try {app_command} or {app_command} help.")


def unknown_console_command(name: str) -> str:
    return f":{name} is not a console command. Type :help for the list."


def no_buttons(app_command: str) -> str:
    return f"There are no buttons to click yet. Try {app_command} to get the menu."


def no_such_button(number: int, count: int, title: str) -> str:
    choices = "button 1" if count == 1 else f"buttons 1–{count}"
    return f"There is no button {number}: the latest message with buttons (“{title}”) has {choices}."


def clicking(number: int, label: str, title: str | None) -> str:
    where = f" in “{title}”" if title else ""
    return f"clicked [{number}] {label}{where}"


def http_problem(status: int, body: str) -> str:
    return f"The bot answered HTTP {status}{': ' + body[:200] if body else ''}."


def no_reply() -> str:
    return "(no reply from the bot)"


BYE = "Bye."
