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


# --- ``python -m bot`` as a subprocess ---------------------------------------------------------------

import signal  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from tests.process.conftest import ROOT, BotProcess  # noqa: E402


class LoggedBotProcess(BotProcess):
    """``BotProcess`` with stderr in a file: a pipe nobody reads fills up and stalls a chatty bot."""

    def __init__(self, env: dict[str, str], port: int, log: Path) -> None:
        super().__init__(env, port)
        self.log = log

    def start(self) -> "LoggedBotProcess":
        with self.log.open("w") as err:
            self.proc = subprocess.Popen([sys.executable, "-m", "bot"], cwd=ROOT, env=self.env,
                                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err, text=True)
        return self

    def logs(self) -> str:
        return self.log.read_text()

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 15.0) -> tuple[int, str, str]:
        assert self.proc is not None
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        return self.proc.returncode, "", self.logs()


@pytest.fixture
def bot_process(tmp_path):
    """Start ``python -m bot`` with an environment; killed at teardown if still running."""
    started: list[LoggedBotProcess] = []

    def start(env: dict[str, str], port: int) -> LoggedBotProcess:
        bot = LoggedBotProcess(env, port, tmp_path / f"bot-{len(started)}.log").start()
        started.append(bot)
        return bot

    yield start
    for bot in started:
        if bot.proc and bot.proc.poll() is None:
            bot.proc.kill()
            bot.proc.wait()
