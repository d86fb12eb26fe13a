"""Shared pieces of the Block Kit builders: limits, escaping, buttons and values."""

from __future__ import annotations

import re
from typing import Any, Iterable, Sequence

Block = dict[str, Any]

# Slack's documented limits (https://docs.slack.dev/reference/block-kit)
MAX_BLOCKS_MESSAGE = 50
MAX_BLOCKS_VIEW = 100
MAX_SECTION_TEXT = 3000
MAX_HEADER_TEXT = 150
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_ACTION_ELEMENTS = 25
MAX_CONTEXT_ELEMENTS = 10
MAX_FALLBACK_TEXT = 3000
MAX_ECHO = 300  # characters of a user's question shown back to them


class ActionIds:
    """Every action_id the bot uses. Listeners match them by prefix."""

    MENU_CHOOSE = "menu_choose"
    MENU_COMPARE = "menu_compare"
    MENU_TOPICS = "menu_topics"
    MENU_PREFIX = "menu_"
    TOPIC_PREFIX = "topic_"              # value: a topic id
    FLOW_ANSWER_PREFIX = "flow_answer_"  # value: encoded state with this answer
    FLOW_BACK = "flow_back"
    FLOW_RESTART = "flow_restart"
    FLOW_PREFIX = "flow_"
    FEEDBACK_HELPFUL = "feedback_helpful"  # value: feedback value (topic + question)
    FEEDBACK_UNHELPFUL = "feedback_unhelpful"
    FEEDBACK_PREFIX = "feedback_"
    SHARE = "share"                       # value: share value (what to post in channel)


_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_ESCAPE_RE = re.compile(r"[&<>]")


def escape(text: str) -> str:
    """Escape a user's text for mrkdwn, so ``<!channel>`` or ``<@U1>`` shows as text."""
    return _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group()], text)


def truncate(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"


def echo(question: str) -> str:
    """A user's question, shortened and escaped, ready to quote in mrkdwn."""
    return escape(truncate(" ".join(question.split()), MAX_ECHO))


def plain(text: str, limit: int) -> dict[str, Any]:
    return {"type": "plain_text", "text": truncate(text, limit), "emoji": True}


def mrkdwn(text: str) -> dict[str, Any]:
    return {"type": "mrkdwn", "text": truncate(text, MAX_SECTION_TEXT)}


def header(text: str) -> Block:
    return {"type": "header", "text": plain(text, MAX_HEADER_TEXT)}


def section(text: str, *, block_id: str | None = None, fields: Sequence[str] = ()) -> Block:
    block: Block = {"type": "section", "text": mrkdwn(text)}
    if fields:
        block["fields"] = [{"type": "mrkdwn", "text": truncate(f, 2000)} for f in fields[:10]]
    if block_id:
        block["block_id"] = block_id
    return block


def context(*texts: str) -> Block:
    return {"type": "context", "elements": [mrkdwn(t) for t in texts[:MAX_CONTEXT_ELEMENTS]]}


def divider() -> Block:
    return {"type": "divider"}


def button(label: str, action_id: str, value: str, *, style: str | None = None) -> dict[str, Any]:
    if len(value) > MAX_BUTTON_VALUE:
        raise ValueError(f"button value for {action_id} is {len(value)} characters; Slack allows {MAX_BUTTON_VALUE}")
    element: dict[str, Any] = {
        "type": "button",
        "text": plain(label, MAX_BUTTON_TEXT),
        "action_id": action_id,
        "value": value,
    }
    if style:
        element["style"] = style
    return element


def actions(elements: Iterable[dict[str, Any]], *, block_id: str | None = None) -> Block:
    block: Block = {"type": "actions", "elements": list(elements)[:MAX_ACTION_ELEMENTS]}
    if block_id:
        block["block_id"] = block_id
    return block


def message(text: str, blocks: list[Block]) -> dict[str, Any]:
    """A message payload: fallback text (plain) plus blocks, capped at Slack's limits."""
    return {"text": truncate(text, MAX_FALLBACK_TEXT), "blocks": blocks[:MAX_BLOCKS_MESSAGE]}


def chunks(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


# What a "Share in channel" button carries: the thing to post again, visibly.
def share_value(kind: str, ref: str = "") -> str:
    return f"{kind}:{ref}"


def feedback_value(topic_id: str, question: str, *, origin: str = "") -> str:
    """topic id and the question (cut to fit a button value) joined by a bar; on a shared copy,
    ``origin`` (the message it was shared from: votes on both are one vote) after an ``@``."""
    head = f"{topic_id}@{origin}" if origin else topic_id
    return f"{head}|{truncate(question, MAX_BUTTON_VALUE - len(head) - 1)}"


def parse_feedback_value(value: str) -> tuple[str, str, str]:
    """(topic id, question, origin or "") from ``feedback_value``."""
    head, _, question = value.partition("|")
    topic_id, _, origin = head.partition("@")
    return topic_id, question, origin
