"""The help menu, the App Home tab and short notices."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from bot.blocks.common import ActionIds, actions, button, context, divider, echo, header, message, section

USAGE = (
    "• `/flaskvsdjango <question>`: ask anything about Flask vs Django\n"
    "• `/flaskvsdjango choose`: answer a few questions and get a recommendation\n"
    "• `/flaskvsdjango compare`: the key differences side by side\n"
    "• `/flaskvsdjango topics`: everything I can answer\n"
    "• `/flaskvsdjango flask`, `/flaskvsdjango django`: what each framework is\n"
    "• Mention me in a channel or send me a DM with a question. Follow up with \"and django?\" "
    "and I'll answer your last question for the other framework (in a channel, reply in my "
    "answer's thread and mention me: I only read messages that mention me there)"
)

INTRO = (
    "I help your team decide between *Flask* and *Django*. Ask me a question, "
    "compare the two side by side, or answer a few questions and I'll recommend one."
)


def _menu_buttons(block_id: str) -> dict[str, Any]:
    return actions(
        [
            button("Help me choose", ActionIds.MENU_CHOOSE, "choose", style="primary"),
            button("Compare", ActionIds.MENU_COMPARE, "compare"),
            button("Topics", ActionIds.MENU_TOPICS, "topics"),
        ],
        block_id=block_id,
    )


FILES_ONLY = "I can only read text, so I can't open files or images: type your question and I'll answer from the guide."


def menu_message(*, unknown: str | None = None, files_only: bool = False) -> dict[str, Any]:
    """The help menu. ``unknown`` is a word the user typed that matched nothing (escaped here);
    ``files_only``: the message held files and no words."""
    blocks = []
    if unknown:
        blocks.append(section(f"I don't know `{echo(unknown)}`, so here is what I can do.", block_id="unknown"))
    if files_only:
        blocks.append(section(FILES_ONLY, block_id="files_only"))
    blocks += [
        header("Flask vs Django helper"),
        section(INTRO, block_id="intro"),
        _menu_buttons("menu"),
        section(USAGE, block_id="usage"),
    ]
    return message("Flask vs Django helper: ask a question, compare the frameworks, or get a recommendation.", blocks)


def home_view(topic_count: int) -> dict[str, Any]:
    """The App Home tab. Its ``private_metadata`` is a digest of its blocks: Slack hands the
    published view back with every ``app_home_opened``, so an unchanged tab need not be published again."""
    blocks = [
        header("Flask vs Django helper"),
        section(INTRO),
        _menu_buttons("home_menu"),
        divider(),
        section("*How to use me*\n" + USAGE),
        divider(),
        context(
            f"I know {topic_count} topics, all from one comparison guide, and every answer names the guide section it comes from."
        ),
    ]
    digest = hashlib.sha256(json.dumps(blocks, sort_keys=True).encode()).hexdigest()[:16]
    return {"type": "home", "blocks": blocks, "private_metadata": f"home:{digest}"}


def thanks_message(*, grateful: bool = True) -> dict[str, Any]:
    """The answer to "thanks" (``grateful``) or to "ok", "got it", a thumbs-up: short, and nothing
    to record. "ok" may be someone's first word to the bot, so it is not taken as thanks."""
    text = ("Glad to help! Ask me anything else about Flask and Django, or type `/flaskvsdjango help` for the menu."
            if grateful else
            ":+1: Ask me anything about Flask and Django, or type `/flaskvsdjango help` for the menu.")
    return message(text, [section(text, block_id="thanks")])


def apology_message() -> dict[str, Any]:
    """Shown when something on our side failed (the details are in our logs)."""
    return message(
        "Sorry, something went wrong on my side. Please try again in a moment.",
        [section(":warning: Sorry, something went wrong on my side. Please try again in a moment.")],
    )


def shared_note_message(text: str) -> dict[str, Any]:
    return message(text, [context(text)])


def not_understood_message(detail: str) -> dict[str, Any]:
    return message(detail, [section(f":warning: {echo(detail)}")])
