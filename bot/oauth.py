"""Multi-workspace (OAuth) mode: Slack's install flow and one bot token per workspace.

    oauth_settings(settings, stores) -> AsyncOAuthSettings
    ignore_uninstalled_teams(authorize) -> before_authorize middleware for AsyncApp
    oauth_app_options(settings, stores) -> {"oauth_settings": ..., "before_authorize": ...}

The flow is Bolt's own: ``GET /slack/install`` answers 302 to Slack's authorize
URL with a fresh ``state`` (kept in the state store, echoed in an HttpOnly
cookie); ``GET /slack/oauth_redirect`` checks both, exchanges the code with
``oauth.v2.access`` and saves the installation. Every Web API call of the flow
and of ``authorize`` (``oauth.v2.access``, ``auth.test``, token rotation) goes
through clients built on SLACK_API_URL.

A request from a workspace with no installation (it was uninstalled, or the
app was added from the app settings page instead of /slack/install) is answered
200 with an empty body and nothing else, after one log line. Bolt's own
authorization would instead post "please reinstall" to the response_url of
commands and clicks, so ``ignore_uninstalled_teams`` runs just before it
(AsyncApp's ``before_authorize``) and stops such requests there.

SLACK_REDIRECT_URI (optional, ``Settings.redirect_uri``): the public URL of
``/slack/oauth_redirect``, sent in the authorize URL and to ``oauth.v2.access``.
Unset, Slack uses the first redirect URL of the app's configuration.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Awaitable, Callable

from slack_bolt.authorization import AuthorizeResult
from slack_bolt.authorization.async_authorize import AsyncInstallationStoreAuthorize
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_bolt.response import BoltResponse

from bot.app import web_client

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.stores.factory import Stores

__all__ = [
    "BOT_SCOPES", "INSTALL_PATH", "REDIRECT_URI_PATH", "WorkspaceAuthorize",
    "ignore_uninstalled_teams", "oauth_app_options", "oauth_settings",
]

logger = logging.getLogger(__name__)

#: The bot scopes of manifest.yml (tests/oauth checks they stay the same).
BOT_SCOPES = ("app_mentions:read", "chat:write", "commands", "im:history", "im:write")
INSTALL_PATH = "/slack/install"
REDIRECT_URI_PATH = "/slack/oauth_redirect"

# Requests that need no workspace token: Bolt lets them through without authorize.
_NO_TOKEN_TYPES = frozenset({"url_verification", "ssl_check"})
_NO_TOKEN_EVENTS = frozenset({"app_uninstalled", "tokens_revoked", "team_access_revoked"})
# Where ignore_uninstalled_teams leaves the result it looked up, for WorkspaceAuthorize.
_LOOKED_UP = "fvd_authorize_result"


class WorkspaceAuthorize(AsyncInstallationStoreAuthorize):
    """Bolt's installation-store authorize, with two differences.

    * Its token-rotation client is on SLACK_API_URL (Bolt's default is slack.com).
    * A result ``ignore_uninstalled_teams`` already looked up for this request is
      reused, so the store and ``auth.test`` are asked once per request.

    ``cache_enabled``: the ``auth.test`` answer for a token (bot id, bot user id)
    is kept in memory. The installation store is still read on every request, so
    a workspace uninstalled through another replica is refused at once; only the
    round trip to Slack is saved, which matters for a command's 3-second ack.
    """

    async def __call__(self, *, context: AsyncBoltContext, **kwargs: Any) -> AuthorizeResult | None:
        looked_up = context.pop(_LOOKED_UP, None)
        if looked_up is not None:
            return looked_up
        return await super().__call__(context=context, **kwargs)


def oauth_settings(settings: Settings, stores: Stores) -> AsyncOAuthSettings:
    """Bolt's OAuth settings for ``settings`` (Mode.OAUTH), on the stores ``open_stores`` made."""
    if stores.installation_store is None or stores.state_store is None:
        raise ValueError("oauth_settings needs the installation and state stores of Mode.OAUTH")
    assert settings.client_id and settings.client_secret  # load_settings checked both
    oauth = AsyncOAuthSettings(
        client_id=settings.client_id,
        client_secret=settings.client_secret,
        scopes=list(BOT_SCOPES),
        user_scopes=[],
        redirect_uri=settings.redirect_uri,
        install_path=INSTALL_PATH,
        redirect_uri_path=REDIRECT_URI_PATH,
        install_page_rendering_enabled=False,   # straight to Slack: a 302, not Bolt's "Add to Slack" page
        installation_store=stores.installation_store,
        state_store=stores.state_store,
        state_expiration_seconds=getattr(stores.state_store, "expiration_seconds", 600),
        logger=logging.getLogger("bot.oauth.flow"),
    )
    oauth.authorize = WorkspaceAuthorize(
        logger=logging.getLogger("bot.oauth.authorize"),
        installation_store=stores.installation_store,
        client_id=oauth.client_id,
        client_secret=oauth.client_secret,
        token_rotation_expiration_minutes=oauth.token_rotation_expiration_minutes,
        cache_enabled=True,
        client=web_client(settings),
    )
    return oauth


Middleware = Callable[..., Awaitable[BoltResponse | None]]


def _needs_token(body: dict[str, Any]) -> bool:
    if body.get("type") in _NO_TOKEN_TYPES:
        return False
    event = body.get("event")
    return not (body.get("type") == "event_callback" and isinstance(event, dict)
                and event.get("type") in _NO_TOKEN_EVENTS)


def ignore_uninstalled_teams(authorize: AsyncInstallationStoreAuthorize) -> Middleware:
    """AsyncApp ``before_authorize``: a workspace without a usable token gets a silent 200.

    Looks the workspace up with ``authorize`` (the one Bolt then uses, so pass
    the ``WorkspaceAuthorize`` of ``oauth_settings``: it reuses this lookup).
    """
    async def before_authorize(context: AsyncBoltContext, body: dict[str, Any],
                               next: Callable[[], Awaitable[None]]) -> BoltResponse | None:
        if not _needs_token(body):
            await next()
            return None
        result = await authorize(context=context, enterprise_id=context.enterprise_id,
                                 team_id=context.team_id, user_id=context.user_id)
        if result is None:
            workspace = context.team_id or context.enterprise_id
            stored = await authorize.installation_store.async_find_bot(
                enterprise_id=context.enterprise_id, team_id=context.team_id,
                is_enterprise_install=context.is_enterprise_install,
            )
            if stored is None:
                logger.warning("no installation for team %s; ignoring", workspace)
            else:
                logger.warning("Slack rejected the stored token for team %s; ignoring "
                               "(reinstall through %s to get a new one)", workspace, INSTALL_PATH)
            return BoltResponse(status=200, body="")
        context[_LOOKED_UP] = result
        await next()
        return None

    return before_authorize


def oauth_app_options(settings: Settings, stores: Stores) -> dict[str, Any]:
    """The keyword arguments AsyncApp needs for Mode.OAUTH (``create_app(settings, services, **these)``)."""
    oauth = oauth_settings(settings, stores)
    assert isinstance(oauth.authorize, AsyncInstallationStoreAuthorize)
    return {"oauth_settings": oauth, "before_authorize": ignore_uninstalled_teams(oauth.authorize)}
