"""Each conversation's last answered question, in Redis: shared by every replica.

    RedisConversations(client, ttl_seconds, prefix="fvd:")
        async remember(key, question)   # SET prefix+"followup:"+key question EX ttl
        async recall(key) -> str | None # GET
        async close()                   # nothing: the client belongs to the RedisDeduper

A follow-up ("and django?") may reach another replica than the question it
follows, so with REDIS_URL set the memory lives where every replica sees it.
If Redis fails at call time, the error is logged and the follow-up is read as a
question of its own: ``recall`` returns None, ``remember`` keeps nothing.
"""

from __future__ import annotations

import logging

import redis.asyncio as redis
from redis.exceptions import RedisError

from bot.followups import MAX_KEPT_CHARS

logger = logging.getLogger(__name__)


class RedisConversations:
    def __init__(self, client: redis.Redis, ttl_seconds: int, prefix: str = "fvd:") -> None:
        self.ttl_seconds = int(ttl_seconds)
        self.prefix = prefix + "followup:"
        self._client = client

    async def remember(self, key: str, question: str) -> None:
        try:
            await self._client.set(self.prefix + key, question[:MAX_KEPT_CHARS].encode(), ex=self.ttl_seconds)
        except (RedisError, OSError):
            logger.exception("Redis could not remember the last question of %s; a follow-up there "
                             "will be read on its own", key)

    async def recall(self, key: str) -> str | None:
        try:
            held = await self._client.get(self.prefix + key)
        except (RedisError, OSError):
            logger.exception("Redis could not recall the last question of %s; reading the follow-up on its own", key)
            return None
        if held is None:
            return None
        return held.decode("utf-8", "replace") if isinstance(held, bytes) else str(held)

    async def close(self) -> None:
        """The client is the de-duplicator's, which closes it."""
