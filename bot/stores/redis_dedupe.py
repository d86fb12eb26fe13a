"""Event de-duplication shared by every replica, in Redis.

    RedisDeduper(url, ttl_seconds, prefix="fvd:", *, client=None)
        async ping() -> None          # start-up check; raises StoreError, one line
        async first_seen(key) -> bool
        async forget(key) -> None     # DEL: the key may be claimed again
        async close() -> None

``first_seen`` is one ``SET prefix+key 1 NX EX ttl``: whichever replica sets
the key first gets True, every other replica (and every Slack retry inside the
TTL) gets False.

If Redis fails at call time, ``first_seen`` logs the error and FAILS OPEN:
it returns True, so the event is handled. While Redis is down a retried event
may be answered twice, which is better than the bot going silent for everyone.
"""

from __future__ import annotations

import logging

import redis.asyncio as redis
from redis.exceptions import RedisError

from bot.stores.factory import StoreError

logger = logging.getLogger(__name__)

_TIMEOUT_SECONDS = 2.0


def describe_redis(url: str) -> str:
    """host:port (or the socket path) of a Redis URL, without the password."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if parts.scheme == "unix":
        return parts.path
    return f"{parts.hostname or 'localhost'}:{parts.port or 6379}"


class RedisDeduper:
    def __init__(
        self,
        url: str,
        ttl_seconds: int,
        prefix: str = "fvd:",  # keys are "event:<id>" and "message:<channel>:<ts>"; REDIS_KEY_PREFIX
        *,
        client: redis.Redis | None = None,
    ) -> None:
        self.url = url
        self.ttl_seconds = int(ttl_seconds)
        self.prefix = prefix
        self._client = client or redis.from_url(
            url,
            socket_connect_timeout=_TIMEOUT_SECONDS,
            socket_timeout=_TIMEOUT_SECONDS,
        )

    @property
    def client(self) -> redis.Redis:
        """The connection pool, for other Redis stores to share (this de-duplicator closes it)."""
        return self._client

    async def ping(self) -> None:
        """Check Redis answers; raise ``StoreError`` with one clear line if not."""
        location = describe_redis(self.url)
        try:
            await self._client.ping()
        except (RedisError, OSError) as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError(
                f"cannot reach Redis at {location} — is it running? set REDIS_URL to a reachable "
                f"redis:// URL, or unset it to de-duplicate events in-process (one replica only) ({reason})",
                backend="Redis",
                location=location,
                original_error=exc,
            ) from exc

    async def first_seen(self, key: str) -> bool:
        try:
            claimed = await self._client.set(self.prefix + key, 1, nx=True, ex=self.ttl_seconds)
        except (RedisError, OSError):
            logger.exception("Redis de-duplication failed for %s; handling the event anyway", key)
            return True
        return bool(claimed)

    async def forget(self, key: str) -> None:
        try:
            await self._client.delete(self.prefix + key)
        except (RedisError, OSError) as exc:
            logger.error("Redis de-duplication could not forget %s: %s", key, str(exc) or type(exc).__name__)

    async def close(self) -> None:
        await self._client.aclose()
