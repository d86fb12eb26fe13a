"""Build the Bolt ``AsyncApp`` for a configuration: the one place the Slack app is assembled."""

from __future__ import annotations

import logging

import aiohttp
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot import fast_ack, fast_args, fast_match
from bot.config import Mode, Settings
from bot.listeners import register
from bot.services import Services
from bot.slack_io import retry_handlers, sdk_logger

APP_NAME = "flaskvsdjango"

logger = logging.getLogger(__name__)


def web_client(settings: Settings, token: str | None = None, session: aiohttp.ClientSession | None = None) -> AsyncWebClient:
    """Every Web API client the app makes points at SLACK_API_URL and retries like Slack asks.

    Pass the app's shared ``session`` so calls reuse connections (the session sets the timeout).
    """
    return AsyncWebClient(token=token, base_url=settings.slack_api_url, retry_handlers=retry_handlers(), session=session,
                          logger=sdk_logger("web"))


class _TokenFromEnvironmentNotice(logging.Filter):
    """Bolt reads SLACK_BOT_TOKEN from the environment by itself and then warns that the
    client we pass (with that same token, SLACK_API_URL and retries) wins: expected, not news."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("As you gave `client` as well")


def bolt_logger() -> logging.Logger:
    log = sdk_logger("bolt")
    if not any(isinstance(f, _TokenFromEnvironmentNotice) for f in log.filters):
        log.addFilter(_TokenFromEnvironmentNotice())
    return log


def create_app(settings: Settings, services: Services, **oauth: object) -> AsyncApp:
    """The Bolt app with every listener registered.

    ``oauth`` passes ``oauth_settings`` (and friends) for the multi-workspace mode.
    """
    # A name given saves Bolt's default, the caller's file name from inspect.stack(): that reads
    # the source of every file on the stack, ~270 KB kept for the life of the process (linecache).
    if settings.mode is Mode.OAUTH:
        app = AsyncApp(name=APP_NAME, signing_secret=settings.signing_secret,
                       client=web_client(settings, session=services.session),
                       logger=bolt_logger(), **oauth)  # type: ignore[arg-type]
    else:
        app = AsyncApp(
            name=APP_NAME,
            signing_secret=settings.signing_secret,
            client=web_client(settings, settings.bot_token, services.session),
            logger=bolt_logger(),
            # Socket Mode requests are not signed: the app token authenticates the socket.
            request_verification_enabled=settings.mode is not Mode.SOCKET,
        )
    register(app, services, command=settings.command)
    fast_ack.install(app, settings.max_in_flight)  # answer as soon as ack() is called, not on Bolt's next 10 ms poll
    fast_match.install(app)  # find the listener without building every injectable argument for each one tried
    fast_args.install(app)  # and call it with the arguments it names, not all of them
    return app
