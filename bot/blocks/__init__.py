"""Block Kit builders (pure): every message and view the bot sends is built here.

Each builder returns a plain dict ``{"text": fallback, "blocks": [...]}`` (or a
view dict for App Home) that is within Block Kit's limits, and escapes any
text that came from a user so it can never ping or link.
"""

from bot.blocks.answers import answer_message, comparison_message, decline_message, topics_message
from bot.blocks.common import ActionIds, escape
from bot.blocks.flow import flow_launcher_message, flow_question_message, flow_result_message, flow_stale_message
from bot.blocks.menu import apology_message, home_view, menu_message, shared_note_message, thanks_message

__all__ = [
    "ActionIds",
    "answer_message",
    "apology_message",
    "comparison_message",
    "decline_message",
    "escape",
    "flow_launcher_message",
    "flow_question_message",
    "flow_result_message",
    "flow_stale_message",
    "home_view",
    "menu_message",
    "shared_note_message",
    "thanks_message",
    "topics_message",
]
