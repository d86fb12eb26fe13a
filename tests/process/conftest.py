"""Run ``python -m bot`` as a real process, pointed at a fake Slack in the test process."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import aiohttp
import pytest

ROOT = Path(__file__).resolve().parents[2]
SIGNING_SECRET = "process-test-secret"
BOT_TOKEN = "xoxb-process-test"
APP_TOKEN = "xapp-1-process-test"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DATABASE_URL", "REDIS_URL", "KNOWLEDGE_"))}
    env.update(extra)
    return env


def socket_env(base_url: str, port: int, **extra: str) -> dict[str, str]:
    """Socket Mode against the fake Slack at ``base_url``, ``/healthz`` on ``port``."""
    return clean_env(SLACK_APP_TOKEN=APP_TOKEN, SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_API_URL=base_url,
                     PORT=str(port), HOST="127.0.0.1", **extra)


async def start_socket_bot(bot_process: Any, fake: Any, socket: Any, **extra: str) -> "BotProcess":
    """``python -m bot`` in Socket Mode against ``fake`` (a FakeSlackAPI serving ``socket``);
    returns once its socket is connected and ``/healthz`` answers 200."""
    port = free_port()
    bot = bot_process(socket_env(fake.base_url, port, **extra), port)
    await socket.wait_connected(1, timeout=15)
    await bot.wait_healthy()
    return bot


class BotProcess:
    """``python -m bot`` with its log (stderr) in a file: a pipe nobody reads would fill up
    and stall a chatty bot."""

    def __init__(self, env: dict[str, str], port: int, log: Path) -> None:
        self.env = env
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.log = log
        self.proc: subprocess.Popen[str] | None = None

    def start(self) -> "BotProcess":
        with self.log.open("w") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "bot"], cwd=ROOT, env=self.env, stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, stderr=err, text=True,
            )
        return self

    def logs(self) -> str:
        return self.log.read_text()

    async def wait_healthy(self, timeout: float = 15.0) -> dict[str, Any]:
        deadline = asyncio.get_running_loop().time() + timeout
        async with aiohttp.ClientSession() as session:
            while True:
                assert self.proc is not None
                if self.proc.poll() is not None:
                    raise AssertionError(f"bot exited with {self.proc.returncode}: {self.logs()[-2000:]}")
                try:
                    async with session.get(self.url + "/healthz") as resp:
                        if resp.status == 200:
                            return await resp.json()
                except aiohttp.ClientError:
                    pass
                if asyncio.get_running_loop().time() > deadline:
                    raise AssertionError("bot did not become healthy in time")
                await asyncio.sleep(0.1)

    def wait(self, timeout: float = 15.0) -> tuple[int, str]:
        """Wait for the process to exit by itself; (exit code, log). Call via asyncio.to_thread
        when a fake Slack in this process must keep answering meanwhile."""
        assert self.proc is not None
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        return self.proc.returncode, self.logs()

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 15.0) -> tuple[int, str, str]:
        """Send ``sig`` and wait; (exit code, "", log)."""
        assert self.proc is not None
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        code, log = self.wait(timeout)
        return code, "", log


@pytest.fixture
def bot_process(tmp_path):
    """Start ``python -m bot`` with an environment; killed at teardown if still running."""
    started: list[BotProcess] = []

    def start(env: dict[str, str], port: int) -> BotProcess:
        bot = BotProcess(env, port, tmp_path / f"bot-{len(started)}.log").start()
        started.append(bot)
        return bot

    yield start
    for bot in started:
        if bot.proc and bot.proc.poll() is None:
            bot.proc.kill()
            bot.proc.wait()
