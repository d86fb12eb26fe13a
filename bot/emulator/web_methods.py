"""Answers of the fake Web API, one pure-ish function per Slack method.

Each handler takes the :class:`~bot.emulator.fake_web_api.FakeSlackAPI` (for
its identity, conversation and registries) and the parsed params, and returns
the JSON body Slack would send with HTTP 200. Shapes come from the fixtures
(``web_api_auth_test_bot.json``, ``api_chat.postEphemeral.json``,
``web_api_oauth_v2_access.json``) and Slack's method reference.
"""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

from bot.emulator import requests as defaults
from bot.emulator.conversation import Message
from bot.emulator.ids import IDS

if TYPE_CHECKING:
    from bot.emulator.fake_web_api import FakeSlackAPI

Params = dict[str, Any]
Handler = Callable[["FakeSlackAPI", Params], dict[str, Any]]


@dataclass(frozen=True)
class BotIdentity:
    """Who the app is in the fake workspace (matches ``web_api_auth_test_bot.json``)."""

    team_id: str = defaults.TEAM_ID
    team_name: str = "Subarachnoid Workspace"
    team_domain: str = defaults.TEAM_DOMAIN
    bot_user_id: str = defaults.BOT_USER_ID
    bot_id: str = defaults.BOT_ID
    app_id: str = defaults.API_APP_ID
    bot_name: str = "bot"


#: ``bolt-python/web_api_oauth_v2_access.json``: what ``oauth.v2.access`` answers by default.
OAUTH_V2_ACCESS: dict[str, Any] = {
    "ok": True, "access_token": "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy",
    "token_type": "bot", "scope": "chat:write,commands", "bot_user_id": "U0KRQLJ9H",
    "app_id": "A0KRD7HC3", "team": {"name": "Slack Softball Team", "id": "T9TK3CUKW"},
    "enterprise": {"name": "slack-sports", "id": "E12345678"},
    "authed_user": {"id": "U1234", "scope": "chat:write", "access_token": "xoxp-1234", "token_type": "user"},
}


def error(code: str) -> dict[str, Any]:
    """Slack's error body (``web_api_error_invalid_auth.json`` shape)."""
    return {"ok": False, "error": code}


def _blocks(params: Params) -> list[dict[str, Any]] | None:
    blocks = params.get("blocks")
    if isinstance(blocks, str):
        blocks = json.loads(blocks) if blocks else None
    return blocks


def _channel(api: FakeSlackAPI, params: Params) -> str | None:
    """The conversation id a post lands in (a user id means the DM with that user)."""
    channel = str(params.get("channel") or "")
    if channel[:1] in ("U", "W"):
        return api.dm_channel(channel)
    return channel if channel[:1] in ("C", "D", "G") else None


def _check_content(params: Params) -> dict[str, Any] | None:
    blocks = params.get("blocks")
    if blocks is not None and not isinstance(_blocks(params), list):
        return error("invalid_blocks")
    if not params.get("text") and not _blocks(params) and not params.get("attachments"):
        return error("no_text")
    return None


def _app_message(api: FakeSlackAPI, channel: str, params: Params, source: str, **kw: Any) -> Message:
    me = api.identity
    return Message(
        channel=channel, ts=IDS.ts(), text=str(params.get("text") or ""),
        blocks=_blocks(params) or [], user=kw.pop("user", me.bot_user_id), source=source,
        thread_ts=params.get("thread_ts") or None, bot_id=me.bot_id, app_id=me.app_id,
        team=me.team_id, metadata=params.get("metadata") if isinstance(params.get("metadata"), dict) else None,
        **kw,
    )


def auth_test(api: FakeSlackAPI, params: Params) -> dict[str, Any]:
    """Who a token belongs to: a token oauth.v2.access issued answers for the workspace it was
    issued to (as Slack's does); any other valid token, for the fake's own workspace."""
    me = api.identity
    token = str(params.get("_token", ""))
    issued = api.issued_tokens.get(token)
    if issued is not None:
        team = issued.get("team") or {}
        enterprise = issued.get("enterprise") or {}
        base = {"ok": True, "url": f"https://{team.get('id', '').lower()}.slack.com/", "team": team.get("name"),
                "team_id": team.get("id"), "is_enterprise_install": bool(issued.get("is_enterprise_install"))}
        if enterprise.get("id"):
            base["enterprise_id"] = enterprise["id"]
        if token == (issued.get("authed_user") or {}).get("access_token"):
            return {**base, "user": "some-user", "user_id": issued["authed_user"].get("id")}
        return {**base, "user": me.bot_name, "user_id": issued.get("bot_user_id"), "bot_id": me.bot_id}
    base = {"ok": True, "url": f"https://{me.team_domain}.slack.com/", "team": me.team_name,
            "team_id": me.team_id, "is_enterprise_install": False}
    if token.startswith("xoxp-"):
        return {**base, "user": "some-user", "user_id": "W99999"}
    return {**base, "user": me.bot_name, "user_id": me.bot_user_id, "bot_id": me.bot_id}


def chat_post_message(api: FakeSlackAPI, params: Params) -> dict[str, Any]:
    channel = _channel(api, params)
    if channel is None:
        return error("channel_not_found")
    if (problem := _check_content(params)) is not None:
        return problem
    message = api.conversation.add(_app_message(api, channel, params, "chat.postMessage"))
    return {"ok": True, "channel": channel, "ts": message.ts, "message": message.to_dict()}


def chat_post_ephemeral(api: FakeSlackAPI, params: Params) -> dict[str, Any]:
    channel = _channel(api, params)
    if channel is None:
        return error("channel_not_found")
    user = params.get("user")
    if not user:
        return error("user_not_found")
    if (problem := _check_content(params)) is not None:
        return problem
    message = _app_message(api, channel, params, "chat.postEphemeral", user=str(user), ephemeral=True)
    api.conversation.add(message)
    return {"ok": True, "message_ts": message.ts}


def chat_update(api: FakeSlackAPI, params: Params) -> dict[str, Any]:
    channel = _channel(api, params) or ""
    message = api.conversation.find(channel, str(params.get("ts", "")))
    if message is None or message.ephemeral:
        return error("message_not_found")
    if not message.from_app:
        return error("cant_update_message")
    if "blocks" in params and not isinstance(_blocks(params) or [], list):
        return error("invalid_blocks")
    text = params.get("text")
    api.conversation.update(message, text=str(text) if text is not None else None,
                            blocks=_blocks(params) if "blocks" in params else None, source="chat.update")
    return {"ok": True, "channel": channel, "ts": message.ts, "text": message.text,
            "message": message.to_dict()}


def chat_delete(api: FakeSlackAPI, params: Params) -> dict[str, Any]:
    channel = _channel(api, params) or ""
    message = api.conversation.find(channel, str(params.get("ts", "")))
    if message is None or message.ephemeral:
        return error("message_not_found")
    if not message.from_app:
        return error("cant_delete_message")
    api.conversation.delete(message, source="chat.delete")
    return {"ok": True, "channel": channel, "ts": message.ts}


def views_publish(api: FakeSlackAPI, params: Params) -> dict[str, Any]:
    user_id = params.get("user_id")
    view = params.get("view")
    if isinstance(view, str):
        view = json.loads(view)
    if not user_id:
        return error("invalid_arguments")
    if not isinstance(view, dict) or view.get("type") != "home":
        return error("invalid_arguments")
    me = api.identity
    view_id = "V" + hashlib.sha1(str(user_id).encode()).hexdigest()[:10].upper()
    published = {
        "id": view_id, "team_id": me.team_id, "type": "home",
        "blocks": copy.deepcopy(view.get("blocks", [])),
        "private_metadata": view.get("private_metadata", ""), "callback_id": view.get("callback_id", ""),
        "state": {"values": {}}, "hash": IDS.ts().replace(".", ""),
        "title": {"type": "plain_text", "text": "View Title", "emoji": True},
        "clear_on_close": False, "notify_on_close": False, "close": None, "submit": None,
        "previous_view_id": None, "root_view_id": view_id, "app_id": me.app_id,
        "external_id": view.get("external_id", ""), "app_installed_team_id": me.team_id,
        "bot_id": me.bot_id,
    }
    api.home_views[str(user_id)] = published
    return {"ok": True, "view": published}


def conversations_info(api: FakeSlackAPI, params: Params) -> dict[str, Any]:
    channel = str(params.get("channel") or "")
    if channel in api.channels:
        return {"ok": True, "channel": copy.deepcopy(api.channels[channel])}
    if channel[:1] not in ("C", "D", "G"):
        return error("channel_not_found")
    is_im = channel.startswith("D")
    info: dict[str, Any] = {
        "id": channel, "created": 1_600_000_000, "is_channel": channel.startswith("C"),
        "is_group": channel.startswith("G"), "is_im": is_im, "is_mpim": False,
        "is_private": not channel.startswith("C"), "is_archived": False, "is_member": True,
    }
    if is_im:
        info["user"] = next((u for u, d in api.dms.items() if d == channel), defaults.USER_ID)
    else:
        info["name"] = "general" if channel == defaults.CHANNEL_ID else channel.lower()
    return {"ok": True, "channel": info}


def users_info(api: FakeSlackAPI, params: Params) -> dict[str, Any]:
    user = str(params.get("user") or "")
    if user in api.users:
        return {"ok": True, "user": copy.deepcopy(api.users[user])}
    if user[:1] not in ("U", "W"):
        return error("user_not_found")
    name = user.lower()
    return {"ok": True, "user": {
        "id": user, "team_id": api.identity.team_id, "name": name, "deleted": False,
        "real_name": name, "tz": "Europe/London", "tz_label": "Greenwich Mean Time", "tz_offset": 0,
        "is_admin": False, "is_owner": False, "is_bot": user == api.identity.bot_user_id,
        "is_app_user": False, "locale": "en-US",
        "profile": {"real_name": name, "display_name": name, "team": api.identity.team_id},
    }}


def oauth_v2_access(api: FakeSlackAPI, params: Params) -> dict[str, Any]:
    if not params.get("code"):
        return error("invalid_code")
    response = copy.deepcopy(api.oauth_response)
    for token in (response.get("access_token"), (response.get("authed_user") or {}).get("access_token")):
        if token:
            api.issued_tokens[token] = copy.deepcopy(response)  # auth.test answers for this workspace now
    return response


def apps_connections_open(api: FakeSlackAPI, params: Params) -> dict[str, Any]:
    if not str(params.get("_token", "")).startswith("xapp-"):
        return error("not_allowed_token_type")
    if api.socket_mode is None:
        return error("socket_mode_not_enabled")
    return {"ok": True, "url": api.socket_mode.issue_url()}


def reactions_add(api: FakeSlackAPI, params: Params) -> dict[str, Any]:
    if not params.get("name"):
        return error("invalid_name")
    return {"ok": True}


METHODS: dict[str, Handler] = {
    "auth.test": auth_test,
    "chat.postMessage": chat_post_message,
    "chat.postEphemeral": chat_post_ephemeral,
    "chat.update": chat_update,
    "chat.delete": chat_delete,
    "views.publish": views_publish,
    "conversations.info": conversations_info,
    "users.info": users_info,
    "oauth.v2.access": oauth_v2_access,
    "apps.connections.open": apps_connections_open,
    "reactions.add": reactions_add,
}

#: Methods that take no bot/user token (client credentials or an app-level token instead).
NO_BOT_TOKEN = {"oauth.v2.access", "apps.connections.open"}
