"""Assemble a running bot from settings: knowledge, stores, Bolt app and routes.

Production (``bot.server``), the local console and the tests all start the
bot through ``running_bot``, so there is one code path from a request to a reply.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import AsyncExitStack, asynccontextmanager
from typing import AsyncIterator, NamedTuple

import aiohttp
import orjson
from aiohttp import web
from slack_bolt.async_app import AsyncApp

from bot import heap
from bot.app import create_app, web_client
from bot.config import DEFAULT_SLACK_API_URL, Mode, Settings
from bot.errors import ConfigError
from bot.health import StoreHealth
from bot.http import create_web_app
from bot.knowledge_process import KnowledgeChild
from bot.reload import load_brain, watch_knowledge
from bot.services import Services
from bot.slack_io import NETWORK_ERRORS, network_error
from bot.stores.factory import Stores, open_stores

logger = logging.getLogger(__name__)

SHUTDOWN_GRACE_SECONDS = 10.0
PURGE_INTERVAL_SECONDS = 24 * 3600
WEB_API_TIMEOUT_SECONDS = 30


class Runtime(NamedTuple):
    settings: Settings
    bolt: AsyncApp
    services: Services
    stores: Stores
    web_app: web.Application
    store_health: StoreHealth  # what /healthz says of the stores (Socket Mode's own /healthz too)


# Slack's own words for "try again later": not the token's fault, not the URL's.
TRANSIENT_ERRORS = frozenset({"ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"})
# Slack's JSON, but an answer no Web API method gives a valid call: the URL is not Slack's Web API.
NOT_SLACK_ERRORS = frozenset({"unknown_method"})

REJECTED, NOT_SLACK, TRANSIENT = "rejected", "not Slack", "transient"


def classify_api_error(error: Exception) -> tuple[str, str]:
    """What a failed start-up call means: (REJECTED | NOT_SLACK | TRANSIENT, detail).

    REJECTED: Slack answered with its JSON and an error (``invalid_auth``, ``token_revoked``...):
    the credential is wrong. NOT_SLACK: an answer that is not Slack's JSON (HTTP 404, HTML, plain
    text): SLACK_API_URL is wrong. TRANSIENT: 5xx, 429 and Slack's "try later" errors.
    """
    response = getattr(error, "response", None)
    status = getattr(response, "status_code", None) or getattr(response, "status", None)
    data = getattr(response, "data", None)
    if isinstance(data, dict) and data.get("ok") is False and data.get("error"):
        code = str(data["error"])
        if code in TRANSIENT_ERRORS:
            return TRANSIENT, code
        return (NOT_SLACK if code in NOT_SLACK_ERRORS else REJECTED), code
    if isinstance(status, int) and (status >= 500 or status == 429):
        return TRANSIENT, f"HTTP {status}"
    if isinstance(status, int) and status != 200:
        return NOT_SLACK, f"HTTP {status}"
    return NOT_SLACK, "a body that is not Slack's JSON"


def not_slack_api(settings: Settings, method: str, detail: str) -> ConfigError:
    return ConfigError(
        "SLACK_API_URL",
        f"{settings.slack_api_url} answered {method} with {detail}, not Slack's Web API: check the URL "
        f"(Slack's is {DEFAULT_SLACK_API_URL}; it must end in /api/)",
    )


_REINSTALL = "the app was uninstalled or the token revoked: reinstall the app, then copy the new token"
# (variable, Slack's error code) -> what to do, where the code says more than the general advice
SPECIFIC_ADVICE = {
    ("SLACK_BOT_TOKEN", "token_revoked"): _REINSTALL + " (OAuth & Permissions › Bot User OAuth Token)",
    ("SLACK_BOT_TOKEN", "account_inactive"): _REINSTALL + " (OAuth & Permissions › Bot User OAuth Token)",
    ("SLACK_BOT_TOKEN", "not_allowed_token_type"):
        "SLACK_BOT_TOKEN takes the Bot User OAuth Token (it starts with xoxb-), not an app-level or user token",
    ("SLACK_APP_TOKEN", "not_allowed_token_type"):
        "SLACK_APP_TOKEN takes an app-level token with the connections:write scope (it starts with xapp-)",
    ("SLACK_APP_TOKEN", "socket_mode_not_enabled"):
        "turn Socket Mode on (Settings › Socket Mode), or unset SLACK_APP_TOKEN to run in HTTP mode",
}


def start_up_failure(error: Exception, settings: Settings, *, method: str, variable: str, what: str,
                     advice: str) -> tuple[ConfigError | None, str]:
    """A start-up call to Slack failed: the ConfigError that stops start-up (``what``, in
    ``variable``, is a credential Slack rejects; or SLACK_API_URL does not answer like Slack),
    or None when Slack is only failing for now; and the detail, for the log."""
    kind, detail = classify_api_error(error)
    if kind == REJECTED:
        advice = SPECIFIC_ADVICE.get((variable, detail), advice)
        return ConfigError(variable, f"Slack rejected the {what} ({detail}): {advice}"), detail
    if kind == NOT_SLACK:
        return not_slack_api(settings, method, detail), detail
    return None, detail


async def check_token(settings: Settings) -> None:
    """auth.test at start-up, against SLACK_API_URL.

    A token Slack rejects, or a URL that does not answer like Slack, stops here with one
    line naming the variable; Slack unreachable or failing (5xx) is a warning, and the bot starts.
    """
    from slack_sdk.errors import SlackApiError

    client = web_client(settings, settings.bot_token)
    try:
        resp = await client.auth_test()
        logger.info("connected to Slack as %s in team %s", resp.get("user"), resp.get("team"))
    except (SlackApiError, AttributeError) as e:  # slack-sdk: AttributeError on a text/plain 200 answer
        failure, detail = start_up_failure(e, settings, method="auth.test", variable="SLACK_BOT_TOKEN",
                                           what="token", advice="copy the Bot User OAuth Token again")
        if failure is not None:
            raise failure from None
        logger.warning("Slack at %s answered auth.test with %s; continuing", settings.slack_api_url, detail)
    except NETWORK_ERRORS as e:
        logger.warning("could not reach Slack at %s for auth.test (%s); continuing", settings.slack_api_url, network_error(e))


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


async def drain(bolt: AsyncApp, services: Services, grace: float) -> None:
    """Shutdown: wait up to ``grace`` seconds for listener runs still working after their acks
    (``fast_ack``'s ``in_flight``) and for background work (a knowledge reload); then say how
    many were abandoned, and cancel them, so they do not run on against closed stores."""
    runs = set(getattr(bolt.listener_runner, "in_flight", ()))
    background = set(services.background)  # Services.spawn's tasks
    pending = {task for task in runs | background if not task.done()}
    if pending:
        _, pending = await asyncio.wait(pending, timeout=grace)
    if not pending:
        return
    replies, other = len(pending & runs), len(pending - runs)
    what = [f"{replies} repl{'y' if replies == 1 else 'ies'} still being sent"] if replies else []
    what += [f"{other} background task{'' if other == 1 else 's'} (knowledge reload)"] if other else []
    logger.warning("shutdown: abandoned %s after the %.0f s grace", " and ".join(what), grace)
    for task in pending:
        task.cancel()
    await asyncio.wait(pending, timeout=1.0)


@asynccontextmanager
async def running_bot(settings: Settings, *, check_auth: bool = True,
                      knowledge: KnowledgeChild | None = None) -> AsyncIterator[Runtime]:
    """Everything but the listening socket (``knowledge``: the child reading the files, when the
    caller started it early). On exit, waits for in-flight work, then closes the stores."""
    brain = load_brain(settings, knowledge)
    async with AsyncExitStack() as stack:
        stores = await open_stores(settings)
        stack.push_async_callback(stores.close)
        # One session for every Web API call and response_url post; slack-sdk only applies
        # its own timeout to sessions it creates, so the timeout is set here.
        session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=WEB_API_TIMEOUT_SECONDS),
                                        json_serialize_bytes=orjson.dumps)
        stack.push_async_callback(session.close)
        services = Services(brain=brain, deduper=stores.deduper, usage=stores.usage, session=session,
                            installations=stores.installation_store, conversations=stores.conversations)
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
        # on exit: replies still being sent after their acks finish first (usage records are
        # written inside them), with background work; what is left after the grace is reported
        stack.push_async_callback(drain, bolt, services, SHUTDOWN_GRACE_SECONDS)
        heap.settle()
        store_health = StoreHealth(stores, database_required=settings.mode is Mode.OAUTH)
        yield Runtime(settings, bolt, services, stores,
                      create_web_app(bolt, signing_secret=settings.signing_secret, stores=store_health), store_health)
