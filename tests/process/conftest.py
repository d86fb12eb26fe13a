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


class BotProcess:
    def __init__(self, env: dict[str, str], port: int) -> None:
        self.env = env
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.proc: subprocess.Popen[str] | None = None

    def start(self) -> "BotProcess":
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bot"], cwd=ROOT, env=self.env, stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        return self

    async def wait_healthy(self, timeout: float = 15.0) -> dict[str, Any]:
        deadline = asyncio.get_running_loop().time() + timeout
        async with aiohttp.ClientSession() as session:
            while True:
                assert self.proc is not None
                if self.proc.poll() is not None:
                    out, err = self.proc.communicate()
                    raise AssertionError(f"bot exited with {self.proc.returncode}: {err[-2000:]}")
                try:
                    async with session.get(self.url + "/healthz") as resp:
                        if resp.status == 200:
                            return await resp.json()
                except aiohttp.ClientError:
                    pass
                if asyncio.get_running_loop().time() > deadline:
                    raise AssertionError("bot did not become healthy in time")
                await asyncio.sleep(0.1)

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 15.0) -> tuple[int, str, str]:
        assert self.proc is not None
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            out, err = self.proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            out, err = self.proc.communicate()
        return self.proc.returncode, out, err


@pytest.fixture
def bot_process():
    started: list[BotProcess] = []

    def start(env: dict[str, str], port: int) -> BotProcess:
        bot = BotProcess(env, port).start()
        started.append(bot)
        return bot

    yield start
    for bot in started:
        if bot.proc and bot.proc.poll() is None:
            bot.proc.kill()
            bot.proc.communicate()
