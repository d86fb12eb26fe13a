"""Scenario tests: the real bot on loopback, Slack-signed requests, a fake Slack Web API."""

from __future__ import annotations

from typing import Any

import pytest

from bot.emulator.blockkit import problems, texts
from bot.emulator.local_app import LocalSlack
from tests.process.conftest import bot_process  # noqa: F401  (fixture)


@pytest.fixture
async def slack():
    async with LocalSlack() as local:
        yield local


def assert_valid(payload: dict[str, Any], *, view: bool = False) -> None:
    found = problems(payload, view=view)
    assert not found, found


def all_text(payload: Any) -> str:
    data = payload.to_dict() if hasattr(payload, "to_dict") else payload
    return "\n".join(texts(data))
