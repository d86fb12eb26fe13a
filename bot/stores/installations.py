"""Slack OAuth installation and state stores on our SQLAlchemy engine.

    build_oauth_stores(engine, client_id, *, state_expiration_seconds=600)
        async -> (AsyncSQLAlchemyInstallationStore, AsyncSQLAlchemyOAuthStateStore)
    async delete_workspace(installation_store, enterprise_id, team_id) -> None

Both slack_sdk stores work unchanged on SQLAlchemy 2.1 with aiosqlite and
asyncpg (checked by tests/stores/test_installations.py), so no subclass is
needed. Their tables (slack_installations, slack_bots, slack_oauth_states) are
created with the stores' own metadata, under the same replica-safe lock as the
usage tables (``create_all_locked``) rather than through ``create_tables()``,
which would race when two replicas start at once.
"""

from __future__ import annotations

import logging

from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.installation_store.sqlalchemy import AsyncSQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import AsyncSQLAlchemyOAuthStateStore
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.stores.sql import database_error, create_all_locked

logger = logging.getLogger(__name__)


async def build_oauth_stores(
    engine: AsyncEngine,
    client_id: str,
    *,
    state_expiration_seconds: int = 600,
) -> tuple[AsyncSQLAlchemyInstallationStore, AsyncSQLAlchemyOAuthStateStore]:
    """Both stores on ``engine``, their tables created; ``StoreError`` if that fails."""
    installation_store = AsyncSQLAlchemyInstallationStore(
        client_id=client_id, engine=engine, logger=logging.getLogger("bot.stores.installations.slack")
    )
    state_store = AsyncSQLAlchemyOAuthStateStore(
        expiration_seconds=state_expiration_seconds, engine=engine,
        logger=logging.getLogger("bot.stores.installations.slack"),
    )
    try:
        # Equivalent to both stores' create_tables(), but under one lock.
        await create_all_locked(engine, installation_store.metadata, state_store.metadata)
    except (SQLAlchemyError, OSError) as exc:
        raise database_error(engine, exc, "create the Slack installation tables in") from exc
    return installation_store, state_store


async def delete_workspace(
    installation_store: AsyncInstallationStore,
    enterprise_id: str | None,
    team_id: str | None,
) -> None:
    """Forget every installation and bot token of a workspace (app_uninstalled, tokens_revoked).

    Never raises: a failure is logged, since Slack has already revoked the tokens.
    """
    try:
        await installation_store.async_delete_all(enterprise_id=enterprise_id, team_id=team_id)
    except Exception:
        logger.exception("Failed to delete the installation of team %s (enterprise %s)", team_id, enterprise_id)
