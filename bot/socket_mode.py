"""Socket Mode: Bolt's aiohttp handler, with the same body check as the HTTP shell.

Socket Mode envelopes never pass through ``bot.http``; without this, a
malformed envelope gets a Bolt traceback and no ack, and Slack retries it.
Here it is acked empty and logged once with the cause.
"""

from __future__ import annotations

import logging

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_sdk.socket_mode.async_client import AsyncBaseSocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse

from bot.payloads import BadBody, check_shape

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
