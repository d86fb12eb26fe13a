"""Reliability tests: the real bot against a fake Slack, fed hostile, malformed and faulty traffic."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from bot.emulator import FakeSlackAPI
from bot.emulator.blockkit import SPECIAL, problems, texts
from bot.emulator.local_app import LocalSlack

# Web API methods that only a listener would call (start-up calls auth.test).
LISTENER_METHODS = ("chat.", "views.", "conversations.")


@pytest.fixture
async def slack():
    async with LocalSlack() as local:
        yield local


def listener_calls(fake: FakeSlackAPI) -> list[str]:
    """Web API calls and response_url posts that only a listener could have made."""
    calls = [c.method for c in fake.calls if c.method.startswith(LISTENER_METHODS)]
    return calls + ["response_url"] * len(fake.response_posts)


def usage_records(slack: LocalSlack) -> list[Any]:
    assert slack.runtime is not None
    return list(slack.runtime.services.usage.records)


async def settle(seconds: float = 0.2) -> None:
    """Give work started after an ack a moment, for tests that assert nothing happened."""
    await asyncio.sleep(seconds)


def assert_safe_message(payload: dict[str, Any], *, allowed: tuple[str, ...] = ()) -> None:
    """Valid Block Kit, within Slack's limits, and no markup that pings or links.

    ``allowed`` lists markup the bot itself wrote from Slack's payload (``<@W222>``
    in "Shared by"), never from the user's text.
    """
    found = problems(payload)
    assert not found, found
    for text in texts(payload):
        rest = text
        for ok in allowed:
            rest = rest.replace(ok, "")
        assert not SPECIAL.search(rest), f"markup that pings or links: {text[:300]!r}"


# --- ``python -m bot`` as a subprocess: the fixture and BotProcess live in tests/process/conftest.py
from tests.process.conftest import bot_process  # noqa: E402,F401  (fixture)
