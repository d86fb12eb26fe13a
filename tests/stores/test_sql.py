import asyncio
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from bot.stores.factory import StoreError
from bot.stores.sql import (
    DEFAULT_DATABASE_URL,
    SCHEMA_VERSION,
    SQLUsageStore,
    check_connection,
    create_engine,
    describe_database,
    normalise_database_url,
    schema_version,
    usage_events,
)

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=timezone.utc)


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgres://u:p@db:5432/app", "postgresql+asyncpg://u:p@db:5432/app"),
        ("postgresql://u@db/app?ssl=require", "postgresql+asyncpg://u@db/app?ssl=require"),
        ("postgresql+asyncpg://u@db/app", "postgresql+asyncpg://u@db/app"),
        ("postgres://u@db/app?sslmode=require&x=1", "postgresql+asyncpg://u@db/app?ssl=require&x=1"),
        ("sqlite:///x.db", "sqlite+aiosqlite:///x.db"),
        ("sqlite:////abs/x.db", "sqlite+aiosqlite:////abs/x.db"),
        ("sqlite+aiosqlite:///x.db", "sqlite+aiosqlite:///x.db"),
        (None, DEFAULT_DATABASE_URL),
        ("", DEFAULT_DATABASE_URL),
    ],
)
def test_normalise_database_url(url, expected):
    assert normalise_database_url(url) == expected


def test_describe_database_hides_the_password():
    assert describe_database("postgres://u:secret@db.example:6543/app") == ("PostgreSQL", "db.example:6543/app")
    assert describe_database("postgresql://u@localhost/app") == ("PostgreSQL", "localhost:5432/app")
    assert describe_database(None) == ("SQLite", "./flaskvsdjango.db")


async def test_unreachable_postgres_is_one_clear_line():
    engine = create_engine("postgresql://u:secret@127.0.0.1:1/app")
    try:
        with pytest.raises(StoreError) as info:
            await check_connection(engine)
    finally:
        await engine.dispose()
    message = str(info.value)
    assert message.startswith("cannot reach PostgreSQL at 127.0.0.1:1 — is it running? set DATABASE_URL")
    assert "\n" not in message and "secret" not in message
    assert info.value.backend == "PostgreSQL"


async def test_sqlite_in_a_missing_folder_is_one_clear_line(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'nope' / 'x.db'}")
    try:
        with pytest.raises(StoreError) as info:
            await check_connection(engine)
    finally:
        await engine.dispose()
    assert str(info.value).startswith(f"cannot open SQLite database {tmp_path / 'nope' / 'x.db'}: ")
    assert info.value.backend == "SQLite"


@pytest.mark.services
async def test_sslmode_from_a_hosted_url_is_accepted(pg_url):
    engine = create_engine(pg_url.replace("postgresql+asyncpg", "postgres") + "?sslmode=disable")
    try:
        await check_connection(engine)
    finally:
        await engine.dispose()


@pytest.mark.services
async def test_record_query_and_purge(engine_factory):
    clock = Clock()
    store = SQLUsageStore(engine_factory(), retention_days=90, clock=clock)
    await store.create_schema()

    clock.now = NOW - timedelta(days=120)
    await store.record_answer(team_id="T1", user_id="U1", topic_id="orm", question="ancient")
    await store.record_decline(team_id="T1", user_id="U1", question="ancient decline", suggestions=[])
    clock.now = NOW - timedelta(days=10)
    await store.record_answer(team_id="T1", user_id="U1", topic_id="orm", question="last week")
    clock.now = NOW - timedelta(hours=1)
    await store.record_answer(team_id="T1", user_id="U1", topic_id="orm", question="q" * 5000)
    await store.record_answer(team_id="T2", user_id=None, topic_id="async", question="async?")
    await store.record_decline(team_id="T1", user_id="U2", question="how about kubernetes?",
                               suggestions=["deployment", "scaling"])
    clock.now = NOW
    await store.record_decline(team_id=None, user_id=None, question="what about fastapi", suggestions=[])
    await store.record_feedback(team_id="T1", user_id="U1", topic_id="orm", helpful=True, question="orm?")
    await store.record_feedback(team_id="T1", user_id="U2", topic_id="orm", helpful=False, question=None)
    await store.record_feedback(team_id="T1", user_id="U3", topic_id="async", helpful=False, question=None)

    since = NOW - timedelta(days=7)
    assert await store.declined_questions(since) == ["what about fastapi", "how about kubernetes?"]
    assert await store.declined_questions(since, limit=1) == ["what about fastapi"]
    assert await store.feedback_counts(since) == [("async", 0, 1), ("orm", 1, 1)]
    assert await store.answer_counts(since) == [("async", 1), ("orm", 1)]
    assert await store.answer_counts(NOW - timedelta(days=30)) == [("async", 1), ("orm", 2)]

    async with store.engine.connect() as conn:
        rows = (await conn.execute(
            select(usage_events).where(usage_events.c.kind == "decline").order_by(usage_events.c.id)
        )).mappings().all()
        longest = (await conn.execute(select(func.max(func.length(usage_events.c.question))))).scalar()
    assert rows[1]["suggestions"] == ["deployment", "scaling"]
    assert rows[1]["created_at"] == NOW - timedelta(hours=1)
    assert rows[1]["created_at"].tzinfo is not None
    assert longest == 2000

    assert await store.purge_older_than() == 2          # retention_days=90
    assert await store.purge_older_than(7) == 1         # the 10-day-old answer
    assert await store.answer_counts(NOW - timedelta(days=365)) == [("async", 1), ("orm", 1)]


@pytest.mark.services
async def test_one_vote_per_vote_key(engine_factory):
    store = SQLUsageStore(engine_factory(), clock=Clock())
    await store.create_schema()
    vote = dict(team_id="T1", user_id="U1", topic_id="orm", question=None)
    long_key = "T1:U1:" + "https://hooks.slack.com/actions/T1/" + "x" * 300  # a response_url key
    assert await store.record_feedback(helpful=False, vote_key="T1:U1:C1:1.2", **vote) is True
    assert await store.record_feedback(helpful=True, vote_key="T1:U1:C1:1.2", **vote) is False
    raced = await asyncio.gather(*(store.record_feedback(helpful=True, vote_key=long_key, **vote) for _ in range(5)))
    assert raced.count(True) == 1, "racing replicas: one is counted"
    assert await store.record_feedback(helpful=True, vote_key=None, **vote) is True
    assert await store.record_feedback(helpful=True, vote_key=None, **vote) is True
    assert await store.feedback_counts(NOW - timedelta(days=1)) == [("orm", 3, 1)]


@pytest.mark.services
async def test_a_version_1_database_is_migrated_and_keeps_its_records(engine_factory):
    """Version 1 had no vote_key: the column and its unique index are added, old votes kept."""
    from sqlalchemy import text

    from sqlalchemy import Column, MetaData, Table

    engine = engine_factory()
    v1 = MetaData()
    Table("usage_events", v1, *[Column(c.name, c.type, primary_key=c.primary_key, nullable=c.nullable,
                                       autoincrement=c.autoincrement)
                                for c in usage_events.columns if c.name != "vote_key"])
    schema_version.to_metadata(v1)
    async with engine.begin() as conn:
        await conn.run_sync(v1.create_all)
        await conn.execute(text("INSERT INTO flaskvsdjango_schema_version (id, version, updated_at) "
                                "VALUES (1, 1, '2026-01-01 00:00:00')"))
        await conn.execute(text("INSERT INTO usage_events (kind, topic_id, helpful, created_at) "
                                "VALUES ('feedback', 'orm', TRUE, '2026-11-24 11:00:00')"))

    store = SQLUsageStore(engine, clock=Clock())
    await store.create_schema()
    await store.create_schema()  # and only once
    async with engine.connect() as conn:
        assert (await conn.execute(select(schema_version.c.version))).scalars().all() == [SCHEMA_VERSION]
    vote = dict(team_id="T1", user_id="U1", topic_id="orm", question=None)
    assert await store.record_feedback(helpful=False, vote_key="k", **vote) is True
    assert await store.record_feedback(helpful=False, vote_key="k", **vote) is False
    assert await store.feedback_counts(NOW - timedelta(days=1)) == [("orm", 1, 1)]


@pytest.mark.services
async def test_create_schema_is_idempotent(engine_factory):
    engine = engine_factory()
    store = SQLUsageStore(engine)
    await store.create_schema()
    await store.record_answer(team_id="T1", user_id="U1", topic_id="orm", question="kept?")
    await store.create_schema()
    async with engine.connect() as conn:
        versions = (await conn.execute(select(schema_version.c.version))).scalars().all()
    assert versions == [SCHEMA_VERSION]
    assert await store.answer_counts(NOW - timedelta(days=3650)) == [("orm", 1)]


@pytest.mark.services
async def test_replicas_creating_the_schema_at_once(engine_factory):
    stores = [SQLUsageStore(engine_factory()) for _ in range(4)]
    await asyncio.gather(*(s.create_schema() for s in stores))
    async with stores[0].engine.connect() as conn:
        versions = (await conn.execute(select(schema_version.c.version))).scalars().all()
    assert versions == [SCHEMA_VERSION]
    for s in stores:
        await s.record_decline(team_id=None, user_id=None, question="x", suggestions=[])
    assert len(await stores[0].declined_questions(NOW - timedelta(days=3650))) == 4


@pytest.mark.services
async def test_a_newer_schema_stops_the_start_up(engine_factory):
    engine = engine_factory()
    store = SQLUsageStore(engine)
    await store.create_schema()
    async with engine.begin() as conn:
        await conn.execute(schema_version.update().values(version=SCHEMA_VERSION + 1))
    with pytest.raises(StoreError, match="schema is version"):
        await store.create_schema()


@pytest.mark.services
async def test_indices_exist(engine_factory):
    engine = engine_factory()
    await SQLUsageStore(engine).create_schema()

    def index_names(sync_conn):
        from sqlalchemy import inspect

        return {ix["name"] for ix in inspect(sync_conn).get_indexes("usage_events")}

    async with engine.connect() as conn:
        names = await conn.run_sync(index_names)
    assert {"ix_usage_events_kind_created_at", "ix_usage_events_team_id", "ux_usage_events_vote_key"} <= names
