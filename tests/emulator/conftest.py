"""Shared fixtures for the emulator tests: the Slack fixture files and a running fake."""

from __future__ import annotations

import json
from typing import Any, AsyncIterator, Callable

import pytest

from bot.emulator import FakeSlackAPI, SocketModeServer
from tests.slack_fixtures import fixture_path



@pytest.fixture
def fixture() -> Callable[[str], Any]:
    """Load one JSON file from shared/slack-fixtures by relative path."""
    def load(name: str) -> Any:
        return json.loads(fixture_path(name).read_text())

    return load


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlackAPI]:
    async with FakeSlackAPI() as api:
        yield api


@pytest.fixture
async def fake_sm() -> AsyncIterator[FakeSlackAPI]:
    async with FakeSlackAPI(socket_mode=SocketModeServer()) as api:
        yield api
