"""Check a message or view against Block Kit's rules, as Slack does before accepting it.

``problems(payload)`` returns a list of human-readable problems (empty when
valid). It runs slack_sdk's own model validation (``Block.parse`` then
``validate_json``) and adds the message-level limits slack_sdk does not check:
block counts, fallback text, unique action ids.
"""

from __future__ import annotations

import re
from typing import Any

from slack_sdk.errors import SlackObjectFormationError
from slack_sdk.models.basic_objects import JsonObject
from slack_sdk.models.blocks import Block

MAX_MESSAGE_BLOCKS = 50
MAX_VIEW_BLOCKS = 100
MAX_TEXT = 40_000

# Slack mrkdwn that notifies people or links somewhere.
SPECIAL = re.compile(r"<[!@#]|<(?:https?|mailto):", re.IGNORECASE)


def _walk_texts(node: Any) -> list[str]:
    out: list[str] = []
    if isinstance(node, dict):
        if node.get("type") in ("mrkdwn", "plain_text") and isinstance(node.get("text"), str):
            out.append(node["text"])
        for key, value in node.items():
            if key != "text" or not isinstance(value, str):
                out += _walk_texts(value)
    elif isinstance(node, list):
        for item in node:
            out += _walk_texts(item)
    return out


def texts(payload: dict[str, Any]) -> list[str]:
    """Every piece of text a person sees: the fallback text and every text object."""
    found = [payload["text"]] if isinstance(payload.get("text"), str) else []
    return found + _walk_texts(payload.get("blocks") or [])


def _validate_tree(obj: JsonObject, where: str, issues: list[str]) -> None:
    """slack_sdk validates one object at a time: walk into elements, texts and accessories too."""
    try:
        obj.validate_json()
    except (SlackObjectFormationError, KeyError, TypeError, ValueError) as e:
        issues.append(f"{where}: {e}")
    for name, value in vars(obj).items():
        children = value if isinstance(value, (list, tuple)) else [value]
        for n, child in enumerate(children):
            if isinstance(child, JsonObject):
                suffix = f"[{n}]" if isinstance(value, (list, tuple)) else ""
                _validate_tree(child, f"{where}.{name}{suffix}", issues)


def problems(payload: dict[str, Any], *, view: bool = False) -> list[str]:
    issues: list[str] = []
    blocks = payload.get("blocks")
    if not isinstance(blocks, list):
        return ["blocks is missing or not a list"]
    limit = MAX_VIEW_BLOCKS if view else MAX_MESSAGE_BLOCKS
    if len(blocks) > limit:
        issues.append(f"{len(blocks)} blocks; Slack allows {limit}")
    if not view:
        text = payload.get("text")
        if not isinstance(text, str) or not text.strip():
            issues.append("no fallback text")
        elif len(text) > MAX_TEXT:
            issues.append(f"fallback text is {len(text)} characters; Slack allows {MAX_TEXT}")
    action_ids: set[str] = set()
    block_ids: set[str] = set()
    for i, raw in enumerate(blocks):
        try:
            block = Block.parse(raw)
        except (SlackObjectFormationError, KeyError, TypeError, ValueError) as e:
            issues.append(f"blocks[{i}] ({raw.get('type')}): {e}")
            continue
        if block is None:
            issues.append(f"blocks[{i}]: unknown block type {raw.get('type')!r}")
            continue
        _validate_tree(block, f"blocks[{i}] ({raw.get('type')})", issues)
        block_id = raw.get("block_id")
        if block_id:
            if block_id in block_ids:
                issues.append(f"blocks[{i}]: duplicate block_id {block_id!r}")
            block_ids.add(block_id)
        for element in raw.get("elements", []) if raw.get("type") == "actions" else []:
            action_id = element.get("action_id")
            if action_id in action_ids:
                issues.append(f"blocks[{i}]: duplicate action_id {action_id!r}")
            action_ids.add(action_id)
        accessory = raw.get("accessory") or {}
        if accessory.get("action_id"):
            if accessory["action_id"] in action_ids:
                issues.append(f"blocks[{i}]: duplicate action_id {accessory['action_id']!r}")
            action_ids.add(accessory["action_id"])
    return issues
