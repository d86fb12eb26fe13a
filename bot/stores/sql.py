"""Usage records in SQL (SQLite via aiosqlite, PostgreSQL via asyncpg), SQLAlchemy 2 Core.

    DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./flaskvsdjango.db"
    normalise_database_url(url: str | None) -> str
    create_engine(url: str | None) -> AsyncEngine
    describe_database(url) -> tuple[str, str]          # (backend, location), no password
    async check_connection(engine) -> None             # raises StoreError, one line
    database_error(engine, exc, doing) -> StoreError   # the one-line message for a failure
    async create_all_locked(engine, *metadatas) -> None

    SQLUsageStore(engine, retention_days=90, *, owns_engine=False, clock=utc_now)
        async create_schema() -> None
        async purge_older_than(days: int | None = None) -> int
        the UsageStore protocol: record_answer, record_decline, record_feedback, close
            (record_feedback is False for a vote_key already recorded: one vote per key)
        async declined_questions(since, *, limit=50_000) -> list[str]    # newest first
        async feedback_counts(since) -> list[tuple[topic_id, helpful, not_helpful]]
        async answer_counts(since) -> list[tuple[topic_id, answers]]

All timestamps are stored and returned as UTC.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Sequence

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    case,
    func,
    select,
    text,
)
from sqlalchemy.engine import Connection, Dialect, make_url
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.types import TypeDecorator

from bot.stores import vote_digest
from bot.stores.factory import StoreError
from bot.stores.memory import MAX_QUESTION_CHARS, utc_now

logger = logging.getLogger(__name__)

# INSERT ... ON CONFLICT DO NOTHING, where the dialect has it
_UPSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}

# Relative to the working directory the bot (or `python -m bot report`) runs in.
DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./flaskvsdjango.db"

SCHEMA_VERSION = 2  # 2: usage_events.vote_key (one feedback vote per person per answer)
# Any constant works; it only has to be the same in every replica.
_ADVISORY_LOCK_KEY = 0x46_56_44_01  # "FVD" + 1
_CONNECT_TIMEOUT_SECONDS = 5


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in Python; timestamptz on PostgreSQL, naive UTC text on SQLite."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


metadata = MetaData()
VOTE_KEY_LENGTH = 64
VOTE_KEY_INDEX = "ux_usage_events_vote_key"

usage_events = Table(
    "usage_events",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False),
    Column("team_id", String(64)),
    Column("user_id", String(64)),
    Column("topic_id", String(128)),
    Column("helpful", Boolean),
    Column("question", Text),
    Column("suggestions", JSON),
    Column("created_at", UTCDateTime(), nullable=False),
    # feedback: a digest of (team, person, message); unique, so a person's first vote on an
    # answer is the one counted (NULL for other kinds, and NULLs never clash)
    Column("vote_key", String(VOTE_KEY_LENGTH)),
    CheckConstraint("kind IN ('answer', 'decline', 'feedback')", name="ck_usage_events_kind"),
    Index("ix_usage_events_kind_created_at", "kind", "created_at"),
    Index("ix_usage_events_team_id", "team_id"),
    Index(VOTE_KEY_INDEX, "vote_key", unique=True),
)

# Not called "schema_version": shared databases often have one from another tool.
schema_version = Table(
    "flaskvsdjango_schema_version",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),  # always 1: one row
    Column("version", Integer, nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
)


def _add_vote_key(conn: Connection) -> None:
    """Version 2: feedback votes carry a unique key. Votes recorded before have none (NULL)."""
    conn.execute(text(f"ALTER TABLE usage_events ADD COLUMN vote_key VARCHAR({VOTE_KEY_LENGTH})"))
    conn.execute(text(f"CREATE UNIQUE INDEX {VOTE_KEY_INDEX} ON usage_events (vote_key)"))


# version -> step that brings a database from version-1 to version. Steps run
# after create_all, so they only alter what create_all does not (columns, data).
MIGRATIONS: dict[int, Callable[[Connection], None]] = {2: _add_vote_key}


def normalise_database_url(url: str | None) -> str:
    """Return a SQLAlchemy async URL for ``url``.

    ``postgres://`` and ``postgresql://`` become ``postgresql+asyncpg://`` (and
    libpq's ``sslmode=`` query parameter becomes asyncpg's ``ssl=``);
    ``sqlite://`` becomes ``sqlite+aiosqlite://``; URLs that already name a
    driver are left alone. None or "" gives ``DEFAULT_DATABASE_URL``, a SQLite
    file ``flaskvsdjango.db`` in the current working directory.
    """
    if not url or not url.strip():
        return DEFAULT_DATABASE_URL
    url = url.strip()
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    lowered = scheme.lower()
    if lowered in ("postgres", "postgresql", "postgresql+asyncpg"):
        # Hosted PostgreSQL URLs say ?sslmode=require (libpq); asyncpg calls it ssl.
        rest = re.sub(r"([?&])sslmode=", r"\1ssl=", rest)
        return f"postgresql+asyncpg://{rest}"
    if lowered == "sqlite":
        return f"sqlite+aiosqlite://{rest}"
    return url


def describe_database(url: str | None) -> tuple[str, str]:
    """(backend, location) for messages: ("PostgreSQL", "host:port/db") or ("SQLite", "file")."""
    parsed = make_url(normalise_database_url(url))
    if parsed.get_backend_name() == "sqlite":
        return "SQLite", parsed.database or ":memory:"
    backend = "PostgreSQL" if parsed.get_backend_name() == "postgresql" else parsed.get_backend_name()
    host = parsed.host or "localhost"
    port = parsed.port or (5432 if backend == "PostgreSQL" else "")
    return backend, f"{host}:{port}/{parsed.database or ''}"


def sqlite_path(url: str | None) -> str | None:
    """The file a SQLite URL points at, or None for in-memory and non-SQLite URLs."""
    parsed = make_url(normalise_database_url(url))
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return parsed.database


def create_engine(url: str | None, **kwargs: Any) -> AsyncEngine:
    """An async engine for ``url`` (normalised), with short connect timeouts."""
    full = normalise_database_url(url)
    backend = make_url(full).get_backend_name()
    connect_args = dict(kwargs.pop("connect_args", {}))
    if backend == "postgresql":
        connect_args.setdefault("timeout", _CONNECT_TIMEOUT_SECONDS)
    elif backend == "sqlite":
        connect_args.setdefault("timeout", 15)  # seconds to wait on a locked file
    kwargs.setdefault("pool_pre_ping", backend != "sqlite")
    return create_async_engine(full, connect_args=connect_args, **kwargs)


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc.__cause__ or exc
    words = str(orig).strip().splitlines()
    return words[0] if words else type(orig).__name__


def _unreachable(exc: BaseException) -> bool:
    orig = getattr(exc, "orig", None) or exc
    seen: set[int] = set()
    while orig is not None and id(orig) not in seen:
        if isinstance(orig, (OSError, TimeoutError, asyncio.TimeoutError)):
            return True
        seen.add(id(orig))
        orig = orig.__cause__ or orig.__context__
    return False


def database_error(engine: AsyncEngine, exc: BaseException, doing: str) -> StoreError:
    backend, location = describe_database(engine.url.render_as_string(hide_password=False))
    reason = _reason(exc)
    if backend == "SQLite":
        message = (f"cannot {doing} SQLite database {location}: {reason} "
                   "— check that its folder exists and is writable, or set DATABASE_URL")
    elif _unreachable(exc):
        host_port = location.rsplit("/", 1)[0]
        message = (f"cannot reach {backend} at {host_port} — is it running? set DATABASE_URL "
                   f"to a reachable postgresql:// URL, or unset it to use the local SQLite file ({reason})")
    else:
        message = f"{backend} at {location} refused to {doing}: {reason} — check DATABASE_URL"
    return StoreError(message, backend=backend, location=location, original_error=exc)


async def check_connection(engine: AsyncEngine) -> None:
    """Run ``SELECT 1``; raise ``StoreError`` with one clear line if that fails."""
    path = sqlite_path(engine.url.render_as_string(hide_password=False))
    if path is not None and not os.path.isdir(os.path.dirname(path) or "."):
        # Checked up front: a failed aiosqlite connect also leaves its worker thread behind.
        raise StoreError(
            f"cannot open SQLite database {path}: folder {os.path.dirname(path)} does not exist "
            "— create it, or set DATABASE_URL",
            backend="SQLite",
            location=path,
        )
    try:
        async with engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
    except Exception as exc:
        raise database_error(engine, exc, "open") from exc


def _is_race(exc: BaseException) -> bool:
    """A concurrent create on SQLite: "already exists", "locked", or a duplicate row."""
    message = str(exc).lower()
    return any(s in message for s in ("already exists", "locked", "unique", "duplicate"))


async def create_all_locked(engine: AsyncEngine, *metadatas: MetaData,
                            after: Callable[[Connection], None] | None = None) -> None:
    """``create_all`` for each metadata, safe when several replicas start at once.

    PostgreSQL: one transaction holding an advisory lock, so replicas queue and
    the later ones find the tables already there. SQLite (one host, rarely
    shared): DDL cannot be locked the same way, so a lost race ("already
    exists", "database is locked") is retried; the second pass finds everything.
    ``after(sync_conn)`` runs in the same transaction (schema version, migrations).
    """
    def create(sync_conn: Connection) -> None:
        for md in metadatas:
            md.create_all(sync_conn, checkfirst=True)
        if after is not None:
            after(sync_conn)

    attempts = 1 if engine.dialect.name == "postgresql" else 5
    for attempt in range(1, attempts + 1):
        try:
            async with engine.begin() as conn:
                if engine.dialect.name == "postgresql":
                    await conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _ADVISORY_LOCK_KEY})
                await conn.run_sync(create)
            return
        except DBAPIError as exc:
            if attempt == attempts or not _is_race(exc):
                raise
            logger.debug("schema creation raced another process (%s); retrying", _reason(exc))
            await asyncio.sleep(0.05 * attempt)


def _upgrade_schema(conn: Connection) -> None:
    now = utc_now()
    current = conn.execute(select(schema_version.c.version).where(schema_version.c.id == 1)).scalar()
    if current is None:
        # Fresh database (create_all just made every table at the current version).
        conn.execute(schema_version.insert().values(id=1, version=SCHEMA_VERSION, updated_at=now))
        return
    if current > SCHEMA_VERSION:
        raise RuntimeError(
            f"the database schema is version {current} but this bot only knows up to "
            f"{SCHEMA_VERSION}; deploy the newer bot or point DATABASE_URL elsewhere"
        )
    for version in range(current + 1, SCHEMA_VERSION + 1):
        logger.info("migrating usage tables to schema version %d", version)
        MIGRATIONS[version](conn)
    if current < SCHEMA_VERSION:
        conn.execute(schema_version.update().where(schema_version.c.id == 1)
                     .values(version=SCHEMA_VERSION, updated_at=now))


class SQLUsageStore:
    """The ``UsageStore`` protocol on an async SQLAlchemy engine, plus report queries.

    The engine is shared (the OAuth stores use it too), so ``close()`` only
    disposes it when ``owns_engine`` is True; ``Stores.close()`` disposes it otherwise.
    """

    def __init__(
        self,
        engine: AsyncEngine,
        retention_days: int = 90,
        *,
        owns_engine: bool = False,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.engine = engine
        self.retention_days = retention_days
        self._owns_engine = owns_engine
        self._clock = clock

    async def create_schema(self) -> None:
        """Create or migrate the tables; idempotent, and safe for replicas starting together.

        Raises ``StoreError`` when the database refuses (permissions, newer schema).
        """
        try:
            await create_all_locked(self.engine, metadata, after=_upgrade_schema)
        except (SQLAlchemyError, OSError, RuntimeError) as exc:
            raise database_error(self.engine, exc, "create the usage tables in") from exc

    async def purge_older_than(self, days: int | None = None) -> int:
        """Delete records older than ``days`` (default: retention_days); return how many."""
        cutoff = self._clock() - timedelta(days=self.retention_days if days is None else days)
        async with self.engine.begin() as conn:
            result = await conn.execute(usage_events.delete().where(usage_events.c.created_at < cutoff))
        removed = result.rowcount or 0
        if removed:
            logger.info("purged %d usage records older than %s", removed, cutoff.isoformat())
        return removed

    async def _insert(self, **values: Any) -> bool:
        """Insert one record; False if its ``vote_key`` is already there (nothing is written)."""
        row = dict(created_at=self._clock(), **values)
        dialect = self.engine.dialect.name
        if values.get("vote_key") is not None and dialect in _UPSERTS:
            statement = _UPSERTS[dialect](usage_events).values(row).on_conflict_do_nothing(index_elements=["vote_key"])
        else:
            statement = usage_events.insert().values(row)
        try:
            async with self.engine.begin() as conn:
                result = await conn.execute(statement)
        except IntegrityError:
            if values.get("vote_key") is None:
                raise
            return False  # another dialect: the unique index said no
        return bool(result.rowcount)

    async def record_answer(
        self, *, team_id: str | None, user_id: str | None, topic_id: str, question: str
    ) -> None:
        await self._insert(kind="answer", team_id=team_id, user_id=user_id, topic_id=topic_id,
                           question=question[:MAX_QUESTION_CHARS])

    async def record_decline(
        self, *, team_id: str | None, user_id: str | None, question: str, suggestions: Sequence[str]
    ) -> None:
        await self._insert(kind="decline", team_id=team_id, user_id=user_id,
                           question=question[:MAX_QUESTION_CHARS], suggestions=list(suggestions))

    async def record_feedback(
        self,
        *,
        team_id: str | None,
        user_id: str | None,
        topic_id: str,
        helpful: bool,
        question: str | None,
        vote_key: str | None = None,
    ) -> bool:
        return await self._insert(kind="feedback", team_id=team_id, user_id=user_id, topic_id=topic_id,
                                  helpful=bool(helpful), vote_key=vote_digest(vote_key),
                                  question=question[:MAX_QUESTION_CHARS] if question is not None else None)

    # Report queries.

    async def declined_questions(self, since: datetime, *, limit: int = 50_000) -> list[str]:
        """Declined questions asked at or after ``since``, newest first."""
        c = usage_events.c
        query = (select(c.question).where(c.kind == "decline", c.created_at >= since)
                 .order_by(c.created_at.desc(), c.id.desc()).limit(limit))
        async with self.engine.connect() as conn:
            return [q or "" for q in (await conn.execute(query)).scalars()]

    async def feedback_counts(self, since: datetime) -> list[tuple[str, int, int]]:
        """(topic_id, helpful votes, not-helpful votes) since ``since``, by topic_id."""
        c = usage_events.c
        query = (
            select(
                c.topic_id,
                func.sum(case((c.helpful.is_(True), 1), else_=0)),
                func.sum(case((c.helpful.is_(True), 0), else_=1)),
            )
            .where(c.kind == "feedback", c.created_at >= since, c.topic_id.is_not(None))
            .group_by(c.topic_id)
            .order_by(c.topic_id)
        )
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [(topic, int(up or 0), int(down or 0)) for topic, up, down in rows]

    async def answer_counts(self, since: datetime) -> list[tuple[str, int]]:
        """(topic_id, answers given) since ``since``, by topic_id."""
        c = usage_events.c
        query = (select(c.topic_id, func.count())
                 .where(c.kind == "answer", c.created_at >= since, c.topic_id.is_not(None))
                 .group_by(c.topic_id).order_by(c.topic_id))
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [(topic, int(n)) for topic, n in rows]

    async def close(self) -> None:
        if self._owns_engine:
            await self.engine.dispose()

