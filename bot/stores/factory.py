"""Pick and open the stores for the configured deployment; ``StoreError``.

How ``open_stores(settings)`` chooses:

* deduper: ``RedisDeduper`` when REDIS_URL is set (shared by every replica),
  else ``MemoryDeduper`` (one process only).
* conversations (each conversation's last question, for follow-ups): likewise
  ``RedisConversations`` on the de-duplicator's connection, else
  ``MemoryConversations``; None when FOLLOW_UP_TTL_SECONDS is 0.
* usage: ``SQLUsageStore`` when DATABASE_URL is set, or in OAuth mode (which
  needs a database for installations anyway; then the default SQLite file
  ``./flaskvsdjango.db``), else ``MemoryUsageStore``.
* installation_store / state_store: only in OAuth mode, on the same engine.

Every service is contacted once here, so a wrong URL or a stopped server stops
the start-up with one ``StoreError`` line instead of failing on a user's message.
Implementations are imported lazily: the console never imports SQLAlchemy or redis.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from bot.errors import FlaskVsDjangoError

if TYPE_CHECKING:
    from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
    from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore
    from sqlalchemy.ext.asyncio import AsyncEngine

    from bot.config import Settings
    from bot.stores import ConversationMemory, EventDeduper, UsageStore

__all__ = ["StoreError", "Stores", "open_stores"]


class StoreError(FlaskVsDjangoError):
    """A store cannot be reached or used at start-up.

    ``backend`` is "PostgreSQL", "SQLite" or "Redis"; ``location`` is where we
    looked (host:port or a file, never a password); ``message`` is the whole
    one-line explanation; ``original_error`` is the underlying exception, if any.
    """

    def __init__(
        self,
        message: str,
        *,
        backend: str,
        location: str,
        original_error: BaseException | None = None,
    ) -> None:
        self.message = message
        self.backend = backend
        self.location = location
        self.original_error = original_error
        super().__init__(message)


class Stores(NamedTuple):
    deduper: EventDeduper
    usage: UsageStore
    conversations: ConversationMemory | None = None
    engine: AsyncEngine | None = None
    installation_store: AsyncInstallationStore | None = None
    state_store: AsyncOAuthStateStore | None = None

    async def close(self) -> None:
        """Close everything opened by ``open_stores``; safe to call twice."""
        try:
            if self.conversations is not None:
                await self.conversations.close()
            await self.deduper.close()
        finally:
            try:
                await self.usage.close()
            finally:
                if self.engine is not None:
                    await self.engine.dispose()


async def open_stores(settings: Settings) -> Stores:
    """Open and check the stores ``settings`` asks for (see the module docstring).

    Raises ``StoreError`` (one clear line) when a service cannot be reached;
    nothing is left open in that case.
    """
    from bot.config import Mode
    from bot.stores.memory import MemoryConversations, MemoryDeduper, MemoryUsageStore

    oauth = settings.mode is Mode.OAUTH
    deduper: EventDeduper
    conversations: ConversationMemory | None = None
    remember_for = settings.follow_up_ttl_seconds
    if settings.redis_url:
        from bot.stores.redis_dedupe import RedisDeduper

        redis_deduper = RedisDeduper(settings.redis_url, settings.dedupe_ttl_seconds, prefix=settings.redis_key_prefix)
        try:
            await redis_deduper.ping()
        except BaseException:
            await redis_deduper.close()
            raise
        deduper = redis_deduper
        if remember_for:
            from bot.stores.redis_conversations import RedisConversations

            conversations = RedisConversations(redis_deduper.client, remember_for, prefix=settings.redis_key_prefix)
    else:
        deduper = MemoryDeduper(settings.dedupe_ttl_seconds)
        if remember_for:
            conversations = MemoryConversations(remember_for)

    if not (settings.database_url or oauth):
        return Stores(deduper=deduper, usage=MemoryUsageStore(), conversations=conversations)

    from bot.stores.sql import SQLUsageStore, check_connection, create_engine

    engine = create_engine(settings.database_url)
    try:
        await check_connection(engine)
        usage = SQLUsageStore(engine, settings.retention_days)
        await usage.create_schema()
        installation_store = state_store = None
        if oauth:
            from bot.stores.installations import build_oauth_stores

            installation_store, state_store = await build_oauth_stores(engine, settings.client_id or "")
    except BaseException:
        await engine.dispose()
        await deduper.close()
        raise
    return Stores(
        deduper=deduper,
        usage=usage,
        conversations=conversations,
        engine=engine,
        installation_store=installation_store,
        state_store=state_store,
    )
