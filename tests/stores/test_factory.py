import pytest

from bot.config import Mode, Settings
from bot.stores.factory import StoreError, Stores, open_stores
from bot.stores.memory import MemoryConversations, MemoryDeduper, MemoryUsageStore
from bot.stores.redis_conversations import RedisConversations
from bot.stores.redis_dedupe import RedisDeduper
from bot.stores.sql import SQLUsageStore


async def test_console_defaults_are_in_process():
    stores = await open_stores(Settings(mode=Mode.CONSOLE))
    try:
        assert isinstance(stores.deduper, MemoryDeduper)
        assert isinstance(stores.usage, MemoryUsageStore)
        assert isinstance(stores.conversations, MemoryConversations)
        assert stores.conversations.ttl_seconds == 3600
        assert stores.engine is None and stores.installation_store is None and stores.state_store is None
    finally:
        await stores.close()
        await stores.close()  # twice is fine


async def test_follow_ups_can_be_turned_off():
    stores = await open_stores(Settings(mode=Mode.CONSOLE, follow_up_ttl_seconds=0))
    try:
        assert stores.conversations is None
    finally:
        await stores.close()


@pytest.mark.services
async def test_redis_and_sqlite(redis_url, tmp_path):
    settings = Settings(mode=Mode.HTTP, redis_url=redis_url, database_url=f"sqlite:///{tmp_path / 'u.db'}")
    stores = await open_stores(settings)
    try:
        assert isinstance(stores.deduper, RedisDeduper)
        assert isinstance(stores.usage, SQLUsageStore)
        assert isinstance(stores.conversations, RedisConversations)
        assert stores.installation_store is None
        await stores.usage.record_answer(team_id="T1", user_id="U1", topic_id="orm", question="q")
    finally:
        await stores.close()
    assert (tmp_path / "u.db").exists()


async def test_oauth_without_database_url_uses_the_default_sqlite_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    settings = Settings(mode=Mode.OAUTH, client_id="1.2", client_secret="s", signing_secret="x")
    stores = await open_stores(settings)
    try:
        assert isinstance(stores.usage, SQLUsageStore)
        assert stores.installation_store is not None and stores.state_store is not None
        assert await stores.installation_store.async_find_bot(enterprise_id=None, team_id="T1") is None
        assert await stores.state_store.async_consume("nope") is False
    finally:
        await stores.close()
    assert (tmp_path / "flaskvsdjango.db").exists()


@pytest.mark.services
async def test_oauth_on_postgres_and_redis(pg_database_url, redis_url):
    settings = Settings(mode=Mode.OAUTH, client_id="1.2", client_secret="s", signing_secret="x",
                        database_url=pg_database_url, redis_url=redis_url)
    stores = await open_stores(settings)
    try:
        assert isinstance(stores.deduper, RedisDeduper)
        assert isinstance(stores.usage, SQLUsageStore)
        assert stores.engine is not None and stores.engine.dialect.name == "postgresql"
        assert await stores.installation_store.async_find_bot(enterprise_id=None, team_id="T1") is None
        await stores.usage.record_decline(team_id="T1", user_id="U1", question="q", suggestions=["a"])
    finally:
        await stores.close()


async def test_unreachable_redis_stops_start_up_with_one_line():
    with pytest.raises(StoreError) as info:
        await open_stores(Settings(mode=Mode.HTTP, redis_url="redis://127.0.0.1:1/0"))
    assert str(info.value).startswith("cannot reach Redis at 127.0.0.1:1 — is it running?")


async def test_unreachable_postgres_stops_start_up_with_one_line():
    with pytest.raises(StoreError) as info:
        await open_stores(Settings(mode=Mode.HTTP, database_url="postgres://bot:pw@127.0.0.1:1/bot"))
    assert str(info.value).startswith("cannot reach PostgreSQL at 127.0.0.1:1 — is it running? set DATABASE_URL")
    assert "pw" not in str(info.value)


def test_stores_is_a_plain_dataclass():
    stores = Stores(deduper=MemoryDeduper(10), usage=MemoryUsageStore())
    assert stores.engine is None
