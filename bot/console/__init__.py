"""The local console: Slack emulated in the terminal, with the real bot behind it.

``python -m bot`` with no Slack credentials lands here (see ``bot.cli.serve``).
What the person types becomes signed Slack requests sent through
:class:`bot.emulator.local_app.LocalSlack`; what the bot posts to the fake Web
API is rendered in the terminal.

- :mod:`bot.console.parse`: a typed line → command, mention, DM, click (pure)
- :mod:`bot.console.mrkdwn`, :mod:`bot.console.blocks`, :mod:`bot.console.view`: rendering (pure)
- :mod:`bot.console.session`: requests out, changes in, wait until the bot is done
- :mod:`bot.console.terminal`: the input loop, plain vs. interactive output
"""

from __future__ import annotations

from bot.config import Settings
from bot.knowledge_process import KnowledgeChild


def main(settings: Settings, knowledge: KnowledgeChild | None = None) -> int:
    """Run the console until :quit, end of input or Ctrl-C; the exit status (``knowledge``: the
    child already reading the files, if started)."""
    from bot.console.terminal import run

    return run(settings, knowledge=knowledge)


__all__ = ["main"]
