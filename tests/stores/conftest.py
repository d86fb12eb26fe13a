"""Fixtures for the store tests: real PostgreSQL and Redis, isolated per test.

``pg_url`` / ``redis_url`` check the service answers (2 s timeout). When it
does not, the test is skipped, or fails when REQUIRE_SERVICES=1 (CI).
PostgreSQL tests each get a fresh schema (``pg_engine``, search_path set on
every connection); Redis tests get a random key prefix, deleted afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator

import pytest

PG_URL = os.environ.get("TEST_DATABASE_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def _unavailable(message: str) -> None:
    if os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail(f"{message} (REQUIRE_SERVICES=1)")
    pytest.skip(message)


@pytest.fixture
async def pg_url() -> str:
    import asyncpg

    from bot.stores.sql import describe_database

    dsn = PG_URL.replace("postgresql+asyncpg://", "postgresql://", 1)
    try:
        conn = await asyncpg.connect(dsn, timeout=2)
        await conn.close()
    except Exception as exc:  # noqa: BLE001 - any failure means "not reachable"
        _unavailable(f"PostgreSQL not reachable at {describe_database(PG_URL)[1].rsplit('/', 1)[0]}: {exc}")
    return PG_URL


@pytest.fixture
async def redis_url() -> str:
    import redis.asyncio as redis

    client = redis.from_url(REDIS_URL, socket_connect_timeout=2, socket_timeout=2)
    try:
        await client.ping()
    except Exception as exc:  # noqa: BLE001
        _unavailable(f"Redis not reachable at {REDIS_URL}: {exc}")
    finally:
        await client.aclose()
    return REDIS_URL


@pytest.fixture
def pg_schema() -> str:
    return f"fvd_test_{uuid.uuid4().hex[:12]}"


@pytest.fixture
async def pg_engine_factory(pg_url: str, pg_schema: str) -> AsyncIterator:
    """Make engines (several = several replicas) that all see one fresh schema."""
    from sqlalchemy import text

    from bot.stores.sql import create_engine

    engines = []

    def make():
        engine = create_engine(pg_url, connect_args={"server_settings": {"search_path": pg_schema}})
        engines.append(engine)
        return engine

    admin = create_engine(pg_url)
    async with admin.begin() as conn:
        await conn.execute(text(f'CREATE SCHEMA "{pg_schema}"'))
    try:
        yield make
    finally:
        for engine in engines:
            await engine.dispose()
        async with admin.begin() as conn:
            await conn.execute(text(f'DROP SCHEMA "{pg_schema}" CASCADE'))
        await admin.dispose()


@pytest.fixture
async def pg_database_url(pg_url: str) -> AsyncIterator[str]:
    """A URL to a fresh, empty database, dropped afterwards (for code that makes its own engine)."""
    import asyncpg

    name = f"fvd_test_{uuid.uuid4().hex[:12]}"
    dsn = pg_url.replace("postgresql+asyncpg://", "postgresql://", 1)
    conn = await asyncpg.connect(dsn, timeout=2)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    yield dsn.rsplit("/", 1)[0] + "/" + name
    conn = await asyncpg.connect(dsn, timeout=2)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


@pytest.fixture
async def sqlite_engine_factory(tmp_path) -> AsyncIterator:
    from bot.stores.sql import create_engine

    engines = []

    def make():
        engine = create_engine(f"sqlite:///{tmp_path / 'usage.db'}")
        engines.append(engine)
        return engine

    yield make
    for engine in engines:
        await engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def engine_factory(request):
    """Engine makers for both databases (one file / one schema per test): same tests, each DB."""
    return request.getfixturevalue(f"{request.param.replace('postgresql', 'pg')}_engine_factory")


@pytest.fixture
async def redis_prefix(redis_url: str) -> AsyncIterator[str]:
    import redis.asyncio as redis

    prefix = f"fvd:test:{uuid.uuid4().hex[:12]}:"
    yield prefix
    client = redis.from_url(redis_url)
    try:
        keys = [k async for k in client.scan_iter(match=prefix + "*")]
        if keys:
            await client.delete(*keys)
    finally:
        await client.aclose()
