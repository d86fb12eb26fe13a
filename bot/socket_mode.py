"""Socket Mode: Bolt's aiohttp handler, with the same body check as the HTTP shell.

Socket Mode envelopes never pass through ``bot.http``; without this, a
malformed envelope gets a Bolt traceback and no ack, and Slack retries it.
Here it is acked empty and logged once with the cause.

``connect`` opens the connection with the app token checked first; see there.
"""

from __future__ import annotations

import asyncio
import logging

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_sdk.errors import SlackApiError
from slack_sdk.socket_mode.async_client import AsyncBaseSocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse

from bot.config import Settings
from bot.payloads import BadBody, check_shape
from bot.runtime import not_slack_api, start_up_failure
from bot.slack_io import NETWORK_ERRORS, network_error

logger = logging.getLogger(__name__)


class CheckedSocketModeHandler(AsyncSocketModeHandler):
    async def handle(self, client: AsyncBaseSocketModeClient, req: SocketModeRequest) -> None:  # type: ignore[override]
        try:
            check_shape(req.payload)
        except BadBody as e:
            logger.warning("rejected Socket Mode envelope %s (%s): %s", req.envelope_id, req.type, e.cause)
            await client.send_socket_mode_response(SocketModeResponse(envelope_id=req.envelope_id))
            return
        await super().handle(client, req)  # type: ignore[arg-type]


RETRY_FIRST_SECONDS = 1.0
RETRY_MAX_SECONDS = 30.0


async def connect(handler: AsyncSocketModeHandler, settings: Settings) -> None:
    """Open the Socket Mode connection; return once it is up.

    The app token is checked with the first ``apps.connections.open`` (the call slack_sdk's
    client makes): a token Slack rejects, or a SLACK_API_URL that does not answer like Slack,
    raises ``ConfigError`` (slack_sdk would retry it forever). Slack unreachable or failing is
    retried with backoff, one warning a try. The URL it hands out is the client's first socket;
    from then on slack_sdk reconnects by itself. Cancel to give up (shutdown).
    """
    client = handler.client
    delay = RETRY_FIRST_SECONDS
    while True:
        try:
            resp = await client.web_client.apps_connections_open(app_token=client.app_token)
            client.wss_uri = resp["url"]
        except (SlackApiError, AttributeError) as e:  # slack-sdk: AttributeError on a text/plain 200 answer
            failure, detail = start_up_failure(
                e, settings, method="apps.connections.open", variable="SLACK_APP_TOKEN", what="app token",
                advice="create an app-level token with the connections:write scope (Basic Information › "
                       "App-Level Tokens, it starts with xapp-) and set it")
            if failure is not None:
                raise failure from None
        except KeyError:
            raise not_slack_api(settings, "apps.connections.open", "no socket URL") from None
        except NETWORK_ERRORS as e:
            detail = network_error(e)
        else:
            await handler.connect_async()
            return
        logger.warning("could not open a Socket Mode connection at %s (%s); retrying in %.0f s",
                       settings.slack_api_url, detail, delay)
        await asyncio.sleep(delay)
        delay = min(delay * 2, RETRY_MAX_SECONDS)


EXPECTED_CONNECT_ERRORS = (*NETWORK_ERRORS, SlackApiError)


class _OneLineConnectFailures(logging.Filter):
    """slack_sdk logs every failed (re)connection attempt with ``logger.exception``: a network
    failure is expected, so it becomes one WARNING line; any other error keeps its traceback.
    Its multi-line messages (Slack's answer on a second line) are joined into one, and the
    "session abandoned" notice of a client closed before it ever connected is dropped."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg == "The current session () has been abandoned by disconnect() method call":
            return False  # closed before any socket was opened: nothing was abandoned
        if record.exc_info and isinstance(record.exc_info[1], EXPECTED_CONNECT_ERRORS):
            record.exc_info, record.exc_text = None, None
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        message = record.getMessage()
        if "\n" in message:
            record.msg, record.args = " ".join(line.strip() for line in message.splitlines() if line.strip()), None
        return True


def one_line_connect_failures(log: logging.Logger) -> logging.Logger:
    if not any(isinstance(f, _OneLineConnectFailures) for f in log.filters):
        log.addFilter(_OneLineConnectFailures())
    return log
