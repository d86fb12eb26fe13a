"""Console tests: pure renderer/parser tests, and the real entry point driven through stdin or a pty."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

from rich.console import Console, RenderableType

ROOT = Path(__file__).resolve().parents[2]
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|[\x01\x02]")


def clean_env(**extra: str) -> dict[str, str]:
    """This process's environment without any Slack credentials or service URLs."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SLACK_", "DATABASE_URL", "REDIS_URL", "KNOWLEDGE_", "FORCE_COLOR", "COLUMNS"))}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.update(extra)
    return env


def run_console(script: str, *, timeout: float = 60.0, **env: str) -> subprocess.CompletedProcess[str]:
    """``printf script | python -m bot`` with no Slack credentials."""
    return subprocess.run([sys.executable, "-m", "bot"], input=script, capture_output=True, text=True,
                          cwd=ROOT, env=clean_env(**env), timeout=timeout)


def show(renderable: RenderableType, *, width: int = 80) -> str:
    """What ``renderable`` prints on a plain console."""
    console = Console(width=width, force_terminal=False, no_color=True, color_system=None, record=True,
                      file=io.StringIO())
    console.print(renderable)
    return "\n".join(line.rstrip() for line in console.export_text().splitlines())


def strip_ansi(text: str) -> str:
    return ANSI.sub("", text)
