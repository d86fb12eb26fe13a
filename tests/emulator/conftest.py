"""Shared fixtures for the emulator tests: the Slack fixture files and a running fake."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, AsyncIterator, Callable

import pytest

from bot.emulator import FakeSlackAPI, SocketModeServer

FIXTURES = Path(os.environ.get("SLACK_FIXTURES", Path(__file__).resolve().parents[3] / "shared" / "slack-fixtures"))


@pytest.fixture
def fixture() -> Callable[[str], Any]:
    """Load one JSON file from shared/slack-fixtures by relative path."""
    def load(name: str) -> Any:
        path = FIXTURES / name
        if not path.exists():
            pytest.skip(f"fixture {path} not available")
        return json.loads(path.read_text())

    return load


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlackAPI]:
    async with FakeSlackAPI() as api:
        yield api


@pytest.fixture
async def fake_sm() -> AsyncIterator[FakeSlackAPI]:
    async with FakeSlackAPI(socket_mode=SocketModeServer()) as api:
        yield api
