"""Is a Slack request body a shape Bolt and our listeners can read? (pure)

Bolt answers 500, or raises inside its matchers, when a signed body has the
wrong shape (``actions`` not a list, ``event`` not an object...). The HTTP
shell and the Socket Mode handler both check bodies here first, so such a
request gets a 4xx (or an empty ack) and one log line naming the cause.
"""

from __future__ import annotations

from typing import Any


class BadBody(ValueError):
    """A signed request whose body Bolt or the listeners cannot read; ``cause`` goes to the log."""

    def __init__(self, cause: str) -> None:
        self.cause = cause
        super().__init__(cause)


# Fields of the events we answer that the listeners read as text.
_EVENT_TEXT_FIELDS = ("text", "channel", "ts", "thread_ts", "user", "subtype", "channel_type", "bot_id", "tab")
# Interactive payload types Bolt's action matchers read ``callback_id`` from.
_CALLBACK_TYPES = {"interactive_message", "dialog_submission", "dialog_cancellation", "workflow_step_edit"}


def _optional(body: dict[str, Any], key: str, kind: type, where: str) -> None:
    if body.get(key) is not None and not isinstance(body[key], kind):
        raise BadBody(f"{where}{key} is {type(body[key]).__name__}, not {kind.__name__}")


def check_shape(body: Any) -> None:
    """Raise ``BadBody`` unless ``body`` (the parsed request) is a shape Bolt and our listeners can read."""
    if not isinstance(body, dict):
        raise BadBody(f"the payload is a JSON {type(body).__name__}, not an object")
    if "command" in body or "ssl_check" in body:
        return  # form fields: strings by construction
    kind = body.get("type")
    if not isinstance(kind, str):
        raise BadBody("no command, and no type (or a type that is not a string)")
    _optional(body, "authorizations", list, "")
    if not all(isinstance(a, dict) for a in body.get("authorizations") or []):
        raise BadBody("authorizations holds something other than objects")
    for key in ("team", "user", "channel", "container", "message", "view"):
        if kind != "event_callback":
            _optional(body, key, dict, "")
    if kind == "event_callback":
        event = body.get("event")
        if not isinstance(event, dict):
            raise BadBody("event_callback without an event object")
        if not isinstance(event.get("type"), str):
            raise BadBody("event without a type")
        if event["type"] in ("app_mention", "message", "app_home_opened"):
            for key in _EVENT_TEXT_FIELDS:
                _optional(event, key, str, "event.")
    elif kind == "block_actions":
        actions = body.get("actions")
        if not isinstance(actions, list) or not actions:
            raise BadBody("block_actions without a list of actions")
        for i, action in enumerate(actions):
            if not isinstance(action, dict) or not isinstance(action.get("action_id"), str):
                raise BadBody(f"actions[{i}] is not an object with an action_id")
            _optional(action, "value", str, f"actions[{i}].")
        if not isinstance(body.get("user"), dict) or not isinstance(body["user"].get("id"), str):
            raise BadBody("block_actions without a user id")
        _optional(body, "response_url", str, "")
    elif kind in _CALLBACK_TYPES and not isinstance(body.get("callback_id"), str):
        raise BadBody(f"{kind} without a callback_id")
