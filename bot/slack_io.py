"""Sending to Slack: where a reply goes, and how failures are caught and reported.

Every Web API call and ``response_url`` post goes through ``Sender``, which
checks the result, logs a failure once with the method and the error, and
tells the user "sorry" where a channel exists. Nothing here raises into Bolt.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Mapping, NamedTuple

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot import blocks

logger = logging.getLogger(__name__)

EPHEMERAL = "ephemeral"   # an ephemeral message (slash command reply): reachable through response_url
DM = "dm"                 # the app's DM with one person, a message the app posted there with its token
CHANNEL = "channel"       # a message others see: a channel, a thread, a group DM, a message shared into a DM
HOME = "home"             # the App Home tab

# Slack not reachable (refused, reset, DNS, timed out): worth retrying, and one line in the log
NETWORK_ERRORS = (aiohttp.ClientError, asyncio.TimeoutError, OSError)


# A response_url post is retried by slack_sdk's webhook client itself: it consults its retry
# handlers for every status >= 400 and for connection errors (slack_sdk 3.48,
# webhook/async_client.py), so ``retry_handlers()`` alone gives 429 (Retry-After), 500/503
# (backoff) and dropped connections one try and two retries each. No loop of our own on top:
# Slack allows five uses of a response_url, and every attempt is one.


def sdk_logger(name: str) -> logging.Logger:
    """A logger for slack_sdk and Bolt objects, with an explicit level.

    Both build their debug strings (the whole request and response, for every
    Web API call) whenever ``logger.level <= DEBUG``, and a logger left at NOTSET
    has level 0, whatever the configured level. Pinning the effective level here
    keeps that work for when DEBUG is really on.
    """
    sdk = logging.getLogger(f"bot.slack.{name}")
    if sdk.level == logging.NOTSET:
        sdk.setLevel(sdk.getEffectiveLevel())
    return sdk


def retry_handlers() -> list[AsyncRetryHandler]:
    """Slack's own retry policy: wait out 429s, back off on 5xx and dropped connections."""
    return [
        AsyncRateLimitErrorRetryHandler(max_retry_count=2),
        AsyncServerErrorRetryHandler(max_retry_count=2),
        AsyncConnectionErrorRetryHandler(max_retry_count=2),
    ]


class Surface(NamedTuple):
    """Where an interaction happened, read from a block_actions payload."""

    kind: str
    user: str
    channel: str | None = None
    message_ts: str | None = None
    thread_ts: str | None = None
    response_url: str | None = None

    @classmethod
    def from_action(cls, body: Mapping[str, Any]) -> "Surface":
        container = body.get("container") or {}
        user = (body.get("user") or {}).get("id", "")
        response_url = body.get("response_url")
        if container.get("type") == "view":
            return cls(HOME, user)
        channel = container.get("channel_id") or (body.get("channel") or {}).get("id")
        message = body.get("message") or {}
        ts = container.get("message_ts") or message.get("ts")
        thread_ts = container.get("thread_ts") or message.get("thread_ts")
        if container.get("is_ephemeral") and response_url:
            kind = EPHEMERAL
        elif channel and channel.startswith("D") and _posted_with_bot_token(message):
            kind = DM
        else:
            kind = CHANNEL
        return cls(kind, user, channel, ts, thread_ts, response_url)

    @property
    def private(self) -> bool:
        """Whether only the clicking user sees this message."""
        return self.kind in (EPHEMERAL, DM, HOME)

    @property
    def ephemeral_reply(self) -> bool:
        """Whether the clicker's reply is an ephemeral message (one a "Share in channel" button can post
        visibly): the clicked ephemeral replaced, or a new ephemeral under a message others see."""
        return self.kind in (EPHEMERAL, CHANNEL)


def _posted_with_bot_token(message: Mapping[str, Any]) -> bool:
    """Whether the app posted ``message`` with chat.postMessage, so a "D" channel is its own DM with the clicker.

    Such a message names the bot user as its ``user`` (``block_actions_button_with_message.json``). One
    posted through a response_url, as "Share in channel" does, has no ``user`` and the subtype
    ``bot_message`` (``message_event_self_bot_message_subtype.json``): in a "D" channel that is a DM
    between two people, where the bot is no member and both see the message.
    """
    return bool(message.get("user")) and message.get("subtype") != "bot_message"


# chat.postEphemeral's answers in a conversation the bot is not in (a result shared into it).
NOT_A_MEMBER = frozenset({"not_in_channel", "channel_not_found"})


class ResponseUrlError(Exception):
    def __init__(self, status: int, body: str) -> None:
        self.status = status
        self.body = body
        super().__init__(f"response_url answered {status}: {body[:200]}")


class Sender:
    """Sends messages for one request; a failure is logged and never raised."""

    def __init__(self, client: AsyncWebClient, session: aiohttp.ClientSession | None = None) -> None:
        self.client = client
        self.session = session
        self._failed_urls: set[str] = set()   # response_urls that failed for this request: not tried again

    async def respond(self, response_url: str, payload: dict[str, Any]) -> bool:
        """POST to a response_url and check the answer (Slack returns 404 expired_url when it is used up).

        A URL that failed here (after the client's own retries) is not used again by this Sender:
        an apology goes another way instead of spending more of the URL's five uses on a
        post that just failed, and logging the same failure twice.
        """
        if response_url in self._failed_urls:
            return False
        webhook = AsyncWebhookClient(response_url, session=self.session, retry_handlers=retry_handlers(), timeout=10,
                                     logger=sdk_logger("webhook"))
        try:
            resp = await webhook.send_dict(payload)
            if not 200 <= resp.status_code < 300:
                raise ResponseUrlError(resp.status_code, resp.body)
            return True
        except (ResponseUrlError, aiohttp.ClientError, asyncio.TimeoutError) as e:
            # Slack's own answers (404 expired_url, used_url...) and network failures: one line, no traceback.
            logger.error("response_url post failed (%s): %s", _redact(response_url), str(e) or type(e).__name__)
        except Exception:
            logger.exception("response_url post failed (%s)", _redact(response_url))
        self._failed_urls.add(response_url)
        return False

    async def call(self, method: str, *, expected: frozenset[str] = frozenset(), **kwargs: Any) -> dict[str, Any] | None:
        """Call a Web API method; returns the response data, or None after logging the failure
        (an error code in ``expected``, one the caller has another way round, at INFO)."""
        try:
            resp = await self.client.api_call(method, json=kwargs)
            return dict(resp.data) if isinstance(resp.data, dict) else {}
        except SlackApiError as e:
            error = api_error(e)
            if error in expected:
                logger.info("Slack Web API %s answered %s; trying another way", method, error)
            else:
                logger.error("Slack Web API %s failed: %s", method, error)
        except NETWORK_ERRORS as e:
            # A dropped connection or a timeout, after the client's own retries: one line, no traceback.
            logger.error("Slack Web API %s failed: %s", method, network_error(e))
        except Exception:
            logger.exception("Slack Web API %s failed", method)
        return None

    async def post(self, channel: str, msg: dict[str, Any], *, thread_ts: str | None = None,
                   user: str | None = None) -> bool:
        """Post visibly in ``channel``. On failure, ``user`` (who asked) gets an ephemeral apology:
        a different method than the one that failed, seen only by them."""
        args = dict(msg, channel=channel)
        if thread_ts:
            args["thread_ts"] = thread_ts
        if await self.call("chat.postMessage", **args) is not None:
            return True
        await self.apologise(channel=channel, user=user, thread_ts=thread_ts)
        return False

    async def apologise(self, *, channel: str | None = None, user: str | None = None,
                        thread_ts: str | None = None, response_url: str | None = None) -> None:
        """A short "sorry" where one can still reach the user; itself failure-safe."""
        sorry = blocks.apology_message()
        if response_url and await self.respond(response_url, dict(sorry, response_type=EPHEMERAL, replace_original=False)):
            return
        if channel and user:
            args = dict(sorry, channel=channel, user=user)
            if thread_ts:
                args["thread_ts"] = thread_ts
            await self.call("chat.postEphemeral", **args)
        elif channel:
            args = dict(sorry, channel=channel)
            if thread_ts:
                args["thread_ts"] = thread_ts
            await self.call("chat.postMessage", **args)

    async def send_new(self, surface: Surface, msg: dict[str, Any]) -> bool:
        """A new message for the person who clicked, next to where they clicked."""
        ok = False
        if surface.kind == EPHEMERAL and surface.response_url:
            ok = await self.respond(surface.response_url, dict(msg, response_type=EPHEMERAL, replace_original=False))
        elif surface.kind == DM and surface.channel:
            ok = await self.call("chat.postMessage", **dict(msg, channel=surface.channel)) is not None
        elif surface.kind == CHANNEL and surface.channel:
            args = dict(msg, channel=surface.channel, user=surface.user)
            if surface.thread_ts:
                args["thread_ts"] = surface.thread_ts
            # not in the conversation: the click's response_url is the way round (logged at INFO)
            ok = await self.call("chat.postEphemeral", expected=NOT_A_MEMBER if surface.response_url else frozenset(),
                                 **args) is not None
            if not ok and surface.response_url:
                # not_in_channel: a message shared through a response_url into a conversation the bot is
                # not in. The click's own response_url still reaches the clicker there, ephemerally.
                ok = await self.respond(surface.response_url, dict(msg, response_type=EPHEMERAL,
                                                                   replace_original=False))
        elif surface.kind == HOME:
            ok = await self.call("chat.postMessage", **dict(msg, channel=surface.user)) is not None
        if not ok:
            await self.apologise(channel=surface.channel, user=surface.user, thread_ts=surface.thread_ts,
                                 response_url=surface.response_url)
        return ok

    async def update(self, surface: Surface, msg: dict[str, Any]) -> bool:
        """Replace the clicked message in place, when only the clicker sees it (an ephemeral, the app's DM).

        A message others see (in a channel or a thread, or shared into a DM) is never changed by a
        click: the clicker gets ``msg`` as a new ephemeral message next to it, and clicks on that one
        update it in place. The home tab has no message to replace: ``msg`` goes to the app's DM.
        """
        if not surface.private or surface.kind == HOME:
            return await self.send_new(surface, msg)
        ok = False
        if surface.kind == EPHEMERAL and surface.response_url:
            ok = await self.respond(surface.response_url, dict(msg, replace_original=True))
        elif surface.kind == DM and surface.channel and surface.message_ts:
            ok = await self.call("chat.update", **dict(msg, channel=surface.channel, ts=surface.message_ts)) is not None
        if not ok:
            await self.apologise(channel=surface.channel, user=surface.user, thread_ts=surface.thread_ts,
                                 response_url=surface.response_url)
        return ok


def api_error(error: SlackApiError) -> str:
    """Slack's error code (``invalid_auth``), or the HTTP status when the body was not JSON."""
    data = error.response.data
    if isinstance(data, dict) and data.get("error"):
        return str(data["error"])
    return f"HTTP {error.response.status_code}"


def network_error(error: BaseException) -> str:
    """``ServerDisconnectedError: Server disconnected``, or just the type when there is no message."""
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0]}" if text else type(error).__name__


def _redact(url: str) -> str:
    """A response_url is a bearer secret: log only its host and first path part."""
    head, _, rest = url.partition("://")
    host, _, path = rest.partition("/")
    return f"{head}://{host}/{path.split('/', 1)[0]}/…"
