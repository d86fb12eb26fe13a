"""Find the buttons in a message's Block Kit blocks, in display order (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.emulator.errors import ButtonNotFound


@dataclass(frozen=True)
class Button:
    """One clickable button as a user sees it."""

    label: str
    action_id: str
    value: str | None
    block_id: str
    style: str | None = None
    url: str | None = None


def _blocks_of(message: Any) -> list[dict[str, Any]]:
    if isinstance(message, dict):
        return list(message.get("blocks") or [])
    return list(getattr(message, "blocks", None) or [])


def _as_button(element: dict[str, Any], block_id: str) -> Button | None:
    if element.get("type") != "button":
        return None
    return Button(
        label=str((element.get("text") or {}).get("text", "")),
        action_id=str(element.get("action_id", "")),
        value=element.get("value"),
        block_id=block_id,
        style=element.get("style"),
        url=element.get("url"),
    )


def buttons(message: Any) -> list[Button]:
    """Every button in ``message`` (a dict or anything with ``blocks``), top to bottom.

    Looks at section accessories and actions elements, as Slack renders them.
    """
    found: list[Button] = []
    for block in _blocks_of(message):
        block_id = str(block.get("block_id", ""))
        candidates: list[dict[str, Any]] = []
        if block.get("type") == "section" and isinstance(block.get("accessory"), dict):
            candidates.append(block["accessory"])
        if block.get("type") == "actions":
            candidates.extend(e for e in block.get("elements", []) if isinstance(e, dict))
        for element in candidates:
            button = _as_button(element, block_id)
            if button is not None:
                found.append(button)
    return found


def find_button(message: Any, wanted: int | str) -> Button:
    """The ``wanted`` button: a 1-based position or an ``action_id``."""
    all_buttons = buttons(message)
    if isinstance(wanted, int):
        if 1 <= wanted <= len(all_buttons):
            return all_buttons[wanted - 1]
    else:
        for button in all_buttons:
            if button.action_id == wanted:
                return button
    raise ButtonNotFound(wanted, [f"{b.label} ({b.action_id})" for b in all_buttons])
