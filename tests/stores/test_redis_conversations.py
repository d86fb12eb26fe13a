import logging

import pytest
import redis.asyncio as redis

from bot.stores.redis_conversations import RedisConversations

pytestmark = pytest.mark.services


async def test_two_replicas_share_a_conversations_last_question(redis_url, redis_prefix):
    a, b = redis.from_url(redis_url), redis.from_url(redis_url)
    try:
        one = RedisConversations(a, 60, prefix=redis_prefix)
        other = RedisConversations(b, 60, prefix=redis_prefix)
        assert await other.recall("T1:C1:171.2") is None
        await one.remember("T1:C1:171.2", "why would I choose flask? ✨")
        assert await other.recall("T1:C1:171.2") == "why would I choose flask? ✨"
        await other.remember("T1:C1:171.2", "why would I choose django?")
        assert await one.recall("T1:C1:171.2") == "why would I choose django?"
        ttl = await a.ttl(redis_prefix + "followup:T1:C1:171.2")
        assert 55 < ttl <= 60
        await one.close()  # leaves the shared client open
        assert await a.ping()
    finally:
        await a.aclose()
        await b.aclose()


async def test_a_failing_redis_is_logged_and_the_follow_up_read_on_its_own(caplog):
    client = redis.from_url("redis://127.0.0.1:1/0", socket_connect_timeout=0.5)  # nothing listens on port 1
    memory = RedisConversations(client, 60)
    try:
        with caplog.at_level(logging.ERROR, logger="bot.stores.redis_conversations"):
            await memory.remember("T1:D1:-", "why flask?")
            assert await memory.recall("T1:D1:-") is None
        assert "could not remember" in caplog.text and "could not recall" in caplog.text
        assert all(r.exc_info is not None for r in caplog.records)
    finally:
        await client.aclose()
