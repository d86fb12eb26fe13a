import asyncio

import pytest
from slack_sdk.oauth.installation_store import Installation

from bot.stores.installations import build_oauth_stores, delete_workspace

pytestmark = pytest.mark.services


def installation(team_id: str, enterprise_id: str | None = None) -> Installation:
    return Installation(
        app_id="A111",
        enterprise_id=enterprise_id,
        team_id=team_id,
        team_name="Acme",
        user_id="U111",
        bot_token=f"xoxb-{team_id}-token",
        bot_id="B111",
        bot_user_id="U999",
        bot_scopes=["chat:write", "commands"],
    )


async def test_save_find_delete(engine_factory):
    installations, states = await build_oauth_stores(engine_factory(), "111.222")
    await installations.async_save(installation("T1"))
    await installations.async_save(installation("T2"))

    bot = await installations.async_find_bot(enterprise_id=None, team_id="T1")
    assert bot is not None and bot.bot_token == "xoxb-T1-token"
    found = await installations.async_find_installation(enterprise_id=None, team_id="T1")
    assert found is not None and found.bot_scopes == ["chat:write", "commands"]

    await delete_workspace(installations, None, "T1")
    assert await installations.async_find_bot(enterprise_id=None, team_id="T1") is None
    assert await installations.async_find_installation(enterprise_id=None, team_id="T1") is None
    assert (await installations.async_find_bot(enterprise_id=None, team_id="T2")).bot_token == "xoxb-T2-token"


async def test_state_is_consumed_once(engine_factory):
    _, states = await build_oauth_stores(engine_factory(), "111.222")
    assert states.expiration_seconds == 600
    state = await states.async_issue()
    assert await states.async_consume(state) is True
    assert await states.async_consume(state) is False
    assert await states.async_consume("never-issued") is False


async def test_expired_state_is_refused(engine_factory):
    _, states = await build_oauth_stores(engine_factory(), "111.222", state_expiration_seconds=-1)
    state = await states.async_issue()
    assert await states.async_consume(state) is False


async def test_tables_are_created_idempotently_by_replicas_at_once(engine_factory):
    results = await asyncio.gather(*(build_oauth_stores(engine_factory(), "111.222") for _ in range(3)))
    installations = results[0][0]
    await installations.async_save(installation("T9"))
    assert await results[2][0].async_find_bot(enterprise_id=None, team_id="T9") is not None
    await build_oauth_stores(engine_factory(), "111.222")


async def test_delete_workspace_logs_instead_of_raising(caplog):
    class Broken:
        async def async_delete_all(self, *, enterprise_id, team_id):
            raise RuntimeError("db down")

    await delete_workspace(Broken(), "E1", "T1")
    assert "Failed to delete the installation of team T1" in caplog.text
