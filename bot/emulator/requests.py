"""Slack-shaped, signed request builders (pure functions).

Every builder returns a :class:`SlackRequest`: the exact body Slack would POST
to the app over HTTP (form-encoded for slash commands and interactivity, JSON
for the Events API), plus ``payload``, the dict Slack would put in a Socket Mode
envelope. Shapes follow ``shared/slack-fixtures`` (bolt-python scenario bodies,
java-slack-sdk field names).

Defaults describe one workspace whose bot matches the fake Web API's
``auth.test`` answer (``bolt-python/web_api_auth_test_bot.json``), so Bolt's
ignoring-self middleware treats the bot's own messages as its own.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import time
from dataclasses import dataclass, field, replace
from typing import Any, Literal
from urllib.parse import urlencode

from bot.emulator.buttons import Button, buttons, find_button
from bot.emulator.ids import IDS, event_time

__all__ = [
    "TEAM_ID", "TEAM_DOMAIN", "API_APP_ID", "BOT_USER_ID", "BOT_ID", "USER_ID", "CHANNEL_ID",
    "SlackRequest", "Button", "sign", "slash_command", "app_mention", "message", "im_message",
    "bot_message", "event_callback", "app_home_opened", "app_uninstalled", "tokens_revoked", "url_verification",
    "block_actions", "click", "buttons", "rich_text_blocks",
]

TEAM_ID = "T0G9PQBBK"
TEAM_DOMAIN = "subarachnoid"
API_APP_ID = "A111"
BOT_USER_ID = "W23456789"
BOT_ID = "BZYBOTHED"
USER_ID = "W222"
CHANNEL_ID = "C111"
VERIFICATION_TOKEN = "verification_token"
FORM = "application/x-www-form-urlencoded"
JSON = "application/json"

SocketModeType = Literal["slash_commands", "events_api", "interactive", "none"]


def sign(
    body: bytes, signing_secret: str, timestamp: int | None = None, *, content_type: str | None = None
) -> dict[str, str]:
    """Slack's v0 request-signing headers for ``body``.

    The signature is ``v0=`` + HMAC-SHA256(secret, ``v0:{timestamp}:{body}``).
    ``timestamp`` defaults to now; ``content_type`` defaults to JSON when the
    body starts with ``{`` and to form encoding otherwise.
    """
    ts = int(time.time()) if timestamp is None else int(timestamp)
    base = f"v0:{ts}:".encode() + body
    digest = hmac.new(signing_secret.encode(), base, hashlib.sha256).hexdigest()
    if content_type is None:
        content_type = JSON if body.lstrip().startswith(b"{") else FORM
    return {
        "X-Slack-Request-Timestamp": str(ts),
        "X-Slack-Signature": f"v0={digest}",
        "Content-Type": content_type,
    }


@dataclass(frozen=True)
class SlackRequest:
    """One request from Slack to the app.

    ``body`` is the HTTP body, ``payload`` the same data as a dict (the Socket
    Mode envelope payload), ``socket_mode_type`` the envelope type.
    """

    body: bytes
    content_type: str
    payload: dict[str, Any]
    socket_mode_type: SocketModeType
    headers: dict[str, str] = field(default_factory=dict)

    def signed(self, signing_secret: str, ts: int | None = None) -> SlackRequest:
        """A copy carrying valid X-Slack-Signature headers."""
        headers = {**self.headers, **sign(self.body, signing_secret, ts, content_type=self.content_type)}
        return replace(self, headers=headers)

    def retried(self, num: int, reason: str = "http_timeout") -> SlackRequest:
        """A copy marked as Slack's ``num``-th delivery retry (HTTP Events API headers)."""
        headers = {**self.headers, "X-Slack-Retry-Num": str(num), "X-Slack-Retry-Reason": reason}
        return replace(self, headers=headers)

    def all_headers(self) -> dict[str, str]:
        """The headers to send, always including Content-Type."""
        return {"Content-Type": self.content_type, **self.headers}

    def as_bolt_request(self, signing_secret: str | None = None) -> Any:
        """An ``AsyncBoltRequest`` for ``app.async_dispatch`` (signed when a secret is given)."""
        from slack_bolt.request.async_request import AsyncBoltRequest

        req = self.signed(signing_secret) if signing_secret else self
        return AsyncBoltRequest(body=req.body.decode(), headers=req.all_headers())

    @property
    def text(self) -> str:
        """The body decoded as UTF-8."""
        return self.body.decode()


def _form(fields: dict[str, Any], socket_mode_type: SocketModeType) -> SlackRequest:
    body = urlencode(fields).encode()
    return SlackRequest(body, FORM, dict(fields), socket_mode_type)


def _json(payload: dict[str, Any], socket_mode_type: SocketModeType) -> SlackRequest:
    return SlackRequest(json.dumps(payload).encode(), JSON, payload, socket_mode_type)


def slash_command(
    text: str,
    *,
    command: str = "/flaskvsdjango",
    team_id: str = TEAM_ID,
    team_domain: str = TEAM_DOMAIN,
    channel_id: str = CHANNEL_ID,
    channel_name: str = "general",
    user_id: str = USER_ID,
    user_name: str = "alice",
    response_url: str = "https://hooks.slack.com/commands/T0G9PQBBK/111/xxxxx",
    trigger_id: str | None = None,
    api_app_id: str = API_APP_ID,
    enterprise_id: str | None = None,
    enterprise_name: str | None = None,
    token: str = VERIFICATION_TOKEN,
) -> SlackRequest:
    """A slash command invocation, form-encoded (``bolt-python/slash_command.json``)."""
    fields: dict[str, Any] = {
        "token": token, "team_id": team_id, "team_domain": team_domain,
        "channel_id": channel_id, "channel_name": channel_name,
        "user_id": user_id, "user_name": user_name, "command": command, "text": text,
        "api_app_id": api_app_id, "is_enterprise_install": "false",
    }
    if enterprise_id:
        fields["enterprise_id"] = enterprise_id
        fields["enterprise_name"] = enterprise_name or "Org Name"
    fields["response_url"] = response_url
    fields["trigger_id"] = trigger_id or IDS.trigger_id()
    return _form(fields, "slash_commands")


_MENTION = re.compile(r"<@([A-Z0-9]+)(?:\|[^>]*)?>")


def rich_text_blocks(text: str) -> list[dict[str, Any]]:
    """The ``rich_text`` block Slack attaches to a typed message, with user mentions."""
    elements: list[dict[str, Any]] = []
    pos = 0
    for m in _MENTION.finditer(text):
        if m.start() > pos:
            elements.append({"type": "text", "text": text[pos : m.start()]})
        elements.append({"type": "user", "user_id": m.group(1)})
        pos = m.end()
    if pos < len(text):
        elements.append({"type": "text", "text": text[pos:]})
    block_id = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:5]
    return [{"type": "rich_text", "block_id": block_id,
             "elements": [{"type": "rich_text_section", "elements": elements}]}]


def event_callback(
    event: dict[str, Any],
    *,
    team_id: str = TEAM_ID,
    api_app_id: str = API_APP_ID,
    event_id: str | None = None,
    authorized_user_id: str = BOT_USER_ID,
    enterprise_id: str | None = None,
    token: str = VERIFICATION_TOKEN,
) -> SlackRequest:
    """Wrap ``event`` in the Events API ``event_callback`` envelope (authorizations style)."""
    ts = event.get("event_ts") or event.get("ts") or IDS.ts()
    channel = event.get("channel", "")
    payload = {
        "token": token,
        "team_id": team_id,
        **({"enterprise_id": enterprise_id} if enterprise_id else {}),
        "api_app_id": api_app_id,
        "event": event,
        "type": "event_callback",
        "event_id": event_id or IDS.event_id(),
        "event_time": event_time(ts),
        "authorizations": [{
            "enterprise_id": enterprise_id, "team_id": team_id, "user_id": authorized_user_id,
            "is_bot": True, "is_enterprise_install": False,
        }],
        "is_ext_shared_channel": False,
        "event_context": f"4-{event.get('type')}-{team_id}-{channel}",
    }
    return _json(payload, "events_api")


def _user_message_event(
    type_: str, text: str, channel: str, user: str, ts: str | None, thread_ts: str | None, team_id: str
) -> dict[str, Any]:
    ts = ts or IDS.ts()
    event: dict[str, Any] = {
        "client_msg_id": hashlib.md5(f"{channel}{ts}".encode()).hexdigest(),
        "type": type_, "text": text, "user": user, "ts": ts, "team": team_id,
        "blocks": rich_text_blocks(text), "channel": channel, "event_ts": ts,
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
        event["parent_user_id"] = user
    return event


def app_mention(
    text: str, *, channel: str = CHANNEL_ID, user: str = USER_ID, ts: str | None = None,
    thread_ts: str | None = None, event_id: str | None = None, team_id: str = TEAM_ID,
    api_app_id: str = API_APP_ID,
) -> SlackRequest:
    """An ``app_mention`` event (``bolt-python/app_mention_event_authorizations.json``)."""
    event = _user_message_event("app_mention", text, channel, user, ts, thread_ts, team_id)
    return event_callback(event, team_id=team_id, api_app_id=api_app_id, event_id=event_id)


def message(
    text: str, *, channel: str = CHANNEL_ID, user: str = USER_ID, ts: str | None = None,
    thread_ts: str | None = None, channel_type: str = "channel", event_id: str | None = None,
    team_id: str = TEAM_ID, api_app_id: str = API_APP_ID,
) -> SlackRequest:
    """A ``message`` event typed by a person (``bolt-python/message_event_channel.json``)."""
    event = _user_message_event("message", text, channel, user, ts, thread_ts, team_id)
    event["channel_type"] = channel_type
    return event_callback(event, team_id=team_id, api_app_id=api_app_id, event_id=event_id)


def im_message(
    text: str, *, channel: str = "D111", user: str = USER_ID, ts: str | None = None,
    thread_ts: str | None = None, event_id: str | None = None, team_id: str = TEAM_ID,
    api_app_id: str = API_APP_ID,
) -> SlackRequest:
    """A direct message to the bot (``bolt-python/message_im_event_top_level.json``)."""
    return message(text, channel=channel, user=user, ts=ts, thread_ts=thread_ts, channel_type="im",
                   event_id=event_id, team_id=team_id, api_app_id=api_app_id)


def bot_message(
    text: str, *, channel: str = CHANNEL_ID, bot_id: str = "B888", username: str = "classic-bot",
    ts: str | None = None, thread_ts: str | None = None, channel_type: str = "channel",
    event_id: str | None = None, team_id: str = TEAM_ID,
) -> SlackRequest:
    """A ``bot_message`` subtype event from a bot (``message_event_classic_bot_message_subtype.json``).

    Pass ``bot_id=BOT_ID`` to emulate the app hearing its own message.
    """
    ts = ts or IDS.ts()
    event: dict[str, Any] = {
        "type": "message", "subtype": "bot_message", "text": text, "ts": ts,
        "username": username, "bot_id": bot_id, "channel": channel, "event_ts": ts,
        "channel_type": channel_type,
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event_callback(event, team_id=team_id, event_id=event_id)


def app_home_opened(
    user: str = USER_ID, *, channel: str = "D111", tab: str = "home",
    view: dict[str, Any] | None = None, event_id: str | None = None, team_id: str = TEAM_ID,
) -> SlackRequest:
    """An ``app_home_opened`` event (``view`` only once a Home view was published)."""
    ts = IDS.ts()
    event: dict[str, Any] = {"type": "app_home_opened", "user": user, "channel": channel,
                             "tab": tab, "event_ts": ts}
    if view is not None:
        event["view"] = view
    return event_callback(event, team_id=team_id, event_id=event_id)


def app_uninstalled(*, event_id: str | None = None, team_id: str = TEAM_ID) -> SlackRequest:
    """An ``app_uninstalled`` event."""
    return event_callback({"type": "app_uninstalled", "event_ts": IDS.ts()},
                          team_id=team_id, event_id=event_id)


def tokens_revoked(
    *, oauth: list[str] | None = None, bot: list[str] | None = None,
    event_id: str | None = None, team_id: str = TEAM_ID,
) -> SlackRequest:
    """A ``tokens_revoked`` event listing revoked user (``oauth``) and ``bot`` user ids."""
    tokens: dict[str, list[str]] = {}
    if oauth:
        tokens["oauth"] = list(oauth)
    tokens["bot"] = list(bot if bot is not None else [BOT_USER_ID])
    return event_callback({"type": "tokens_revoked", "tokens": tokens, "event_ts": IDS.ts()},
                          team_id=team_id, event_id=event_id)


def url_verification(challenge: str, *, token: str = VERIFICATION_TOKEN) -> SlackRequest:
    """The Events API URL handshake (``bolt-python/url_verification.json``)."""
    payload = {"token": token, "challenge": challenge, "type": "url_verification"}
    return SlackRequest(json.dumps(payload).encode(), JSON, payload, "none")


def block_actions(
    action_id: str,
    value: str | None,
    *,
    response_url: str,
    message: dict[str, Any] | None = None,
    container: dict[str, Any] | None = None,
    user_id: str = USER_ID,
    user_name: str = "alice",
    channel_id: str = CHANNEL_ID,
    channel_name: str = "general",
    team_id: str = TEAM_ID,
    team_domain: str = TEAM_DOMAIN,
    block_id: str | None = None,
    text: str = "Button",
    is_ephemeral: bool = False,
    message_ts: str | None = None,
    api_app_id: str = API_APP_ID,
    token: str = VERIFICATION_TOKEN,
) -> SlackRequest:
    """A button click, as form field ``payload=<urlencoded JSON>``.

    Shapes: ``block_actions_button_with_message.json`` (``message`` given) and
    ``block_actions_button_ephemeral_container.json`` (ephemeral: Slack sends
    no ``message``, only the container).
    """
    ts = message_ts or (message or {}).get("ts") or "1700000000.000001"
    if container is None:
        container = {"type": "message", "message_ts": ts, "channel_id": channel_id,
                     "is_ephemeral": is_ephemeral}
        thread_ts = (message or {}).get("thread_ts")
        if thread_ts:
            container["thread_ts"] = thread_ts
    action: dict[str, Any] = {
        "action_id": action_id, "block_id": block_id or "actions",
        "text": {"type": "plain_text", "text": text, "emoji": True},
        "type": "button", "action_ts": IDS.ts(),
    }
    if value is not None:
        action["value"] = value
    payload: dict[str, Any] = {
        "type": "block_actions",
        "user": {"id": user_id, "username": user_name, "name": user_name, "team_id": team_id},
        "api_app_id": api_app_id, "token": token, "container": container,
        "trigger_id": IDS.trigger_id(), "team": {"id": team_id, "domain": team_domain},
        "enterprise": None, "is_enterprise_install": False,
        "channel": {"id": channel_id, "name": channel_name},
    }
    if message is not None and not container.get("is_ephemeral"):
        payload["message"] = message
    payload["state"] = {"values": {}}
    payload["response_url"] = response_url
    payload["actions"] = [action]
    body = urlencode({"payload": json.dumps(payload)}).encode()
    return SlackRequest(body, FORM, payload, "interactive")


def click(
    message: Any,
    button: int | str,
    *,
    response_url: str,
    user_id: str = USER_ID,
    user_name: str = "alice",
    channel_id: str | None = None,
    team_id: str = TEAM_ID,
    is_ephemeral: bool | None = None,
) -> SlackRequest:
    """The block_actions request Slack sends when a user clicks ``button`` in ``message``.

    ``message`` is a recorded Slack message dict (``ts``, ``blocks``, optionally
    ``channel``) or an emulator ``Message`` (anything with ``to_dict()``,
    ``channel`` and ``ephemeral``). ``button`` is a 1-based position in display
    order (see :func:`buttons`) or an ``action_id``.
    """
    if hasattr(message, "to_dict"):
        channel_id = channel_id or message.channel
        if is_ephemeral is None:
            is_ephemeral = bool(message.ephemeral)
        message = message.to_dict()
    found: Button = find_button(message, button)
    channel = channel_id or message.get("channel") or CHANNEL_ID
    return block_actions(
        found.action_id, found.value, response_url=response_url, message=message,
        user_id=user_id, user_name=user_name, channel_id=channel, team_id=team_id,
        block_id=found.block_id, text=found.label, is_ephemeral=bool(is_ephemeral),
        message_ts=message.get("ts"),
    )
