import asyncio
import logging

import pytest

from bot.stores.factory import StoreError
from bot.stores.redis_dedupe import RedisDeduper

pytestmark = pytest.mark.services


async def test_two_replicas_claim_an_event_exactly_once(redis_url, redis_prefix):
    a = RedisDeduper(redis_url, 60, prefix=redis_prefix)
    b = RedisDeduper(redis_url, 60, prefix=redis_prefix)
    try:
        results = await asyncio.gather(*(d.first_seen("Ev123") for d in (a, b, a, b)))
        assert sorted(results) == [False, False, False, True]
        assert await a.first_seen("Ev456") is True
        assert await b.first_seen("Ev456") is False
    finally:
        await a.close()
        await b.close()


async def test_key_expires_after_ttl(redis_url, redis_prefix):
    deduper = RedisDeduper(redis_url, 1, prefix=redis_prefix)
    try:
        assert await deduper.first_seen("Ev1") is True
        assert await deduper.first_seen("Ev1") is False
        ttl = await deduper._client.ttl(redis_prefix + "Ev1")
        assert 0 < ttl <= 1
        await asyncio.sleep(1.2)
        assert await deduper.first_seen("Ev1") is True
    finally:
        await deduper.close()


async def test_fails_open_and_logs_when_redis_is_down(caplog):
    deduper = RedisDeduper("redis://127.0.0.1:1/0", 60)  # nothing listens on port 1
    try:
        with caplog.at_level(logging.ERROR, logger="bot.stores.redis_dedupe"):
            assert await deduper.first_seen("Ev1") is True
            assert await deduper.first_seen("Ev1") is True
        assert "handling the event anyway" in caplog.text
        assert caplog.records[0].exc_info is not None
    finally:
        await deduper.close()


async def test_ping_raises_one_line_store_error():
    deduper = RedisDeduper("redis://:secret@127.0.0.1:1/0", 60)
    try:
        with pytest.raises(StoreError) as info:
            await deduper.ping()
    finally:
        await deduper.close()
    err = info.value
    assert err.backend == "Redis" and err.location == "127.0.0.1:1"
    assert str(err).startswith("cannot reach Redis at 127.0.0.1:1 — is it running? set REDIS_URL")
    assert "\n" not in str(err) and "secret" not in str(err)
    assert err.original_error is not None


async def test_forget_lets_a_key_be_claimed_again(redis_url, redis_prefix):
    deduper = RedisDeduper(redis_url, 60, prefix=redis_prefix)
    try:
        assert await deduper.first_seen("share:W1:C1:1.1") is True
        await deduper.forget("share:W1:C1:1.1")
        assert await deduper.first_seen("share:W1:C1:1.1") is True
        assert await deduper.first_seen("share:W1:C1:1.1") is False
    finally:
        await deduper.close()


async def test_forget_logs_one_line_when_redis_is_down(caplog):
    deduper = RedisDeduper("redis://127.0.0.1:1/0", 60)
    try:
        with caplog.at_level(logging.ERROR, logger="bot.stores.redis_dedupe"):
            await deduper.forget("share:W1:C1:1.1")
        [line] = caplog.records
        assert "could not forget share:W1:C1:1.1" in line.getMessage() and line.exc_info is None
    finally:
        await deduper.close()
