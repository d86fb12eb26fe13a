"""Two ``python -m bot`` replicas in Mode.OAUTH sharing one PostgreSQL database and one Redis.

PostgreSQL: a fresh database per test (``pg_database_url`` from tests/stores),
dropped afterwards. Redis: a dedicated Redis database (``REPLICA_REDIS_DB``),
and both replicas of one test share a key prefix of their own
(``REDIS_KEY_PREFIX``, holding a per-test ``marker`` that every event and channel
id it sends carries too); those keys are deleted afterwards. No FLUSHDB: another
run of the suite may be using the same database.
Without PostgreSQL or Redis the tests skip, or fail when REQUIRE_SERVICES=1.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest

from tests.process.conftest import bot_process  # noqa: F401  (fixture)
from tests.stores.conftest import pg_database_url, pg_url, redis_url  # noqa: F401  (fixtures)

REPLICA_REDIS_DB = int(os.environ.get("TEST_REPLICA_REDIS_DB", "5"))


@dataclass(frozen=True)
class SharedRedis:
    url: str
    marker: str       # upper-case hex, part of every event and channel id of one test

    @property
    def prefix(self) -> str:
        return f"fvd-test-{self.marker}:"

    def event_id(self, n: int) -> str:
        return f"Ev{self.marker}{n:04d}"

    @property
    def channel(self) -> str:
        return f"C{self.marker}"


@pytest.fixture
async def shared_redis(redis_url: str) -> AsyncIterator[SharedRedis]:  # noqa: F811
    import redis.asyncio as redis

    base = redis_url.rsplit("/", 1)[0] if redis_url.count("/") > 2 else redis_url
    shared = SharedRedis(f"{base}/{REPLICA_REDIS_DB}", uuid.uuid4().hex[:10].upper())
    yield shared
    client = redis.from_url(shared.url)
    try:
        keys = [k async for k in client.scan_iter(match=f"*{shared.marker}*")]
        if keys:
            await client.delete(*keys)
    finally:
        await client.aclose()
