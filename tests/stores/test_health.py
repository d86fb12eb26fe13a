"""``/healthz`` and the stores (bot.health): real Redis and PostgreSQL, made unreachable by
stopping a TCP proxy in front of them, as an outage or a network partition would."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator

import pytest
from aiohttp.test_utils import TestClient, TestServer
from slack_bolt.async_app import AsyncApp

from bot.health import OK, UNREACHABLE, StoreHealth
from bot.http import create_web_app
from bot.stores.factory import Stores
from bot.stores.memory import MemoryDeduper, MemoryUsageStore
from bot.stores.redis_dedupe import RedisDeduper
from bot.stores.sql import SQLUsageStore, create_engine


class Proxy:
    """Forwards 127.0.0.1:port to a service; ``down()`` closes it and every connection through it
    (later connections are refused), ``up()`` listens again on the same port; ``silent`` accepts
    connections and never answers."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.port = 0
        self.silent = False
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    async def up(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def down(self) -> None:
        assert self._server is not None
        self._server.close()
        for writer in list(self._writers):
            writer.close()
        await self._server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        if self.silent:
            return
        up_reader, up_writer = await asyncio.open_connection(*self.target)
        self._writers.add(up_writer)

        async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            try:
                while data := await src.read(65536):
                    dst.write(data)
                    await dst.drain()
            except (ConnectionError, OSError):
                pass  # the other side closed: so does this one, below
            finally:
                dst.close()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))


def _host_port(url: str) -> tuple[str, int]:
    netloc = url.split("://", 1)[1].split("/", 1)[0].rsplit("@", 1)[-1]
    host, port = netloc.rsplit(":", 1)
    return host, int(port)


def _through(url: str, proxy: Proxy) -> str:
    host, port = _host_port(url)
    return url.replace(f"{host}:{port}", f"127.0.0.1:{proxy.port}", 1)


@pytest.fixture
async def proxies(redis_url: str, pg_url: str) -> AsyncIterator[dict[str, Proxy]]:
    made = {"redis": Proxy(*_host_port(redis_url)), "database": Proxy(*_host_port(pg_url))}
    for proxy in made.values():
        await proxy.up()
    yield made
    for proxy in made.values():
        if proxy._server is not None and proxy._server.is_serving():
            await proxy.down()


@pytest.fixture
async def external_stores(proxies, redis_url: str, pg_url: str) -> AsyncIterator[Stores]:
    engine = create_engine(_through(pg_url, proxies["database"]), pool_pre_ping=True)
    stores = Stores(deduper=RedisDeduper(_through(redis_url, proxies["redis"]), 60),
                    usage=SQLUsageStore(engine, 30), engine=engine)
    yield stores
    await stores.close()


async def _healthz(health: StoreHealth) -> tuple[int, dict]:
    bolt = AsyncApp(token="xoxb-health-test", signing_secret="secret")
    async with TestClient(TestServer(create_web_app(bolt, stores=health, events=False))) as client:
        response = await client.get("/healthz")
        return response.status, await response.json()


async def test_in_process_stores_are_not_listed():
    health = StoreHealth(Stores(deduper=MemoryDeduper(60), usage=MemoryUsageStore()))
    assert health.watched == ()
    assert await _healthz(health) == (200, {"ok": True, "detail": "ok"})


async def test_reachable_redis_and_database_are_ok(external_stores):
    health = StoreHealth(external_stores)
    assert await _healthz(health) == (200, {"ok": True, "detail": "ok",
                                            "stores": {"redis": OK, "database": OK}})


async def test_redis_down_is_degraded_but_served_and_logged_once_a_change(external_stores, proxies, caplog):
    caplog.set_level(logging.INFO, logger="bot.health")
    health = StoreHealth(external_stores, cache_seconds=0)
    await health()
    await proxies["redis"].down()
    for _ in range(2):
        assert await _healthz(health) == (200, {"ok": True, "detail": "degraded: redis unreachable",
                                                "stores": {"redis": UNREACHABLE, "database": OK}})
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "redis is unreachable" in warnings[0].getMessage()
    await proxies["redis"].up()
    assert (await health()).states == {"redis": OK, "database": OK}
    assert any("redis is reachable again" in r.getMessage() for r in caplog.records if r.levelno == logging.INFO)


async def test_the_usage_database_down_is_degraded(external_stores, proxies):
    await proxies["database"].down()
    status, body = await _healthz(StoreHealth(external_stores))
    assert (status, body["detail"], body["stores"]["database"]) == (200, "degraded: database unreachable", UNREACHABLE)


async def test_the_oauth_database_down_is_503_and_says_nothing_can_be_answered(external_stores, proxies):
    await proxies["database"].down()
    status, body = await _healthz(StoreHealth(external_stores, database_required=True))
    assert status == 503
    assert body == {"ok": False, "detail": "database unreachable: no request can be answered",
                    "stores": {"redis": OK, "database": UNREACHABLE}}


async def test_a_store_that_never_answers_is_unreachable_after_the_timeout(redis_url):
    silent = Proxy(*_host_port(redis_url))
    silent.silent = True
    await silent.up()
    deduper = RedisDeduper(_through(redis_url, silent), 60)
    try:
        health = StoreHealth(Stores(deduper=deduper, usage=MemoryUsageStore()), timeout=0.2)
        report = await asyncio.wait_for(health(), 5)
        assert report.states == {"redis": UNREACHABLE} and report.required_down == ()
    finally:
        await deduper.close()
        await silent.down()


async def test_a_burst_of_checks_shares_one_and_a_report_is_reused_until_it_is_stale(external_stores):
    now = [0.0]
    health = StoreHealth(external_stores, cache_seconds=5, clock=lambda: now[0])
    burst = await asyncio.gather(*(health() for _ in range(20)))
    assert all(report is burst[0] for report in burst)  # one check, shared
    now[0] = 4.9
    assert await health() is burst[0]
    now[0] = 5.1
    fresh = await health()
    assert fresh is not burst[0] and fresh.states == {"redis": OK, "database": OK}


async def test_a_check_whose_caller_went_away_still_finishes_and_is_not_served_once_stale(redis_url):
    silent = Proxy(*_host_port(redis_url))
    silent.silent = True
    await silent.up()
    deduper = RedisDeduper(_through(redis_url, silent), 60)
    now = [0.0]
    try:
        health = StoreHealth(Stores(deduper=deduper, usage=MemoryUsageStore()), timeout=0.2, cache_seconds=5,
                             clock=lambda: now[0])
        gone = asyncio.create_task(health())
        await asyncio.sleep(0.05)
        gone.cancel()  # the /healthz client hung up mid-check
        await asyncio.sleep(0.4)  # the check itself runs on to its timeout
        first = await health()
        assert first.states == {"redis": UNREACHABLE}
        now[0] = 6.0
        assert await health() is not first  # stale: checked again
    finally:
        await deduper.close()
        await silent.down()
