"""Assemble a running bot from settings: knowledge, stores, Bolt app and routes.

Production (``bot.cli.serve``), the local console and the tests all start the
bot through ``running_bot``, so there is one code path from a request to a reply.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from typing import AsyncIterator

import aiohttp
import orjson
from aiohttp import web
from slack_bolt.async_app import AsyncApp

from bot import fast_ack, heap
from bot.app import create_app, web_client
from bot.config import Mode, Settings
from bot.errors import ConfigError
from bot.http import create_web_app
from bot.reload import load_brain, watch_knowledge
from bot.services import Services
from bot.slack_io import api_error
from bot.stores.factory import Stores, open_stores

logger = logging.getLogger(__name__)

SHUTDOWN_GRACE_SECONDS = 10.0
PURGE_INTERVAL_SECONDS = 24 * 3600
WEB_API_TIMEOUT_SECONDS = 30


@dataclass
class Runtime:
    settings: Settings
    bolt: AsyncApp
    services: Services
    stores: Stores
    web_app: web.Application


async def check_token(settings: Settings) -> None:
    """auth.test at start-up, against SLACK_API_URL: a bad token stops here with one line."""
    from slack_sdk.errors import SlackApiError

    client = web_client(settings, settings.bot_token)
    try:
        resp = await client.auth_test()
        logger.info("connected to Slack as %s in team %s", resp.get("user"), resp.get("team"))
    except SlackApiError as e:
        raise ConfigError(
            "SLACK_BOT_TOKEN",
            f"Slack rejected the token ({api_error(e)}): copy the Bot User OAuth Token again",
        ) from None
    except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as e:
        logger.warning("could not reach Slack at %s for auth.test (%s); continuing", settings.slack_api_url, e)


async def purge_daily(stores: Stores, days: int) -> None:
    """Delete usage records older than RETENTION_DAYS now, then once a day."""
    purge = getattr(stores.usage, "purge_older_than", None)
    if purge is None:
        return
    while True:
        try:
            removed = await purge(days)
            if removed:
                logger.info("retention: removed %d usage record(s) older than %d days", removed, days)
        except Exception:
            logger.exception("retention purge failed; will try again in a day")
        await asyncio.sleep(PURGE_INTERVAL_SECONDS)


@asynccontextmanager
async def running_bot(settings: Settings, *, check_auth: bool = True) -> AsyncIterator[Runtime]:
    """Everything but the listening socket. On exit, waits for in-flight work, then closes the stores."""
    brain = load_brain(settings)
    async with AsyncExitStack() as stack:
        stores = await open_stores(settings)
        stack.push_async_callback(stores.close)
        # One session for every Web API call and response_url post; slack-sdk only applies
        # its own timeout to sessions it creates, so the timeout is set here.
        session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=WEB_API_TIMEOUT_SECONDS),
                                        json_serialize_bytes=orjson.dumps)
        stack.push_async_callback(session.close)
        services = Services(brain=brain, deduper=stores.deduper, usage=stores.usage, session=session,
                            installations=stores.installation_store)
        stack.push_async_callback(services.drain)
        purge = asyncio.create_task(purge_daily(stores, settings.retention_days), name="retention purge")
        stack.callback(purge.cancel)
        if settings.knowledge_reload:
            watcher = asyncio.create_task(watch_knowledge(services, settings), name="knowledge watcher")
            stack.callback(watcher.cancel)
        oauth = {}
        if settings.mode is Mode.OAUTH:
            from bot.oauth import oauth_app_options

            oauth = oauth_app_options(settings, stores)
        elif check_auth:
            await check_token(settings)
        bolt = create_app(settings, services, **oauth)
        # on exit: replies still being sent after their acks finish first, then usage records
        stack.push_async_callback(fast_ack.drain, bolt, SHUTDOWN_GRACE_SECONDS)
        heap.settle()
        yield Runtime(settings, bolt, services, stores, create_web_app(bolt, signing_secret=settings.signing_secret))
