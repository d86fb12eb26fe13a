"""Where Slack's own payloads are: ``shared/slack-fixtures`` beside the project (``SLACK_FIXTURES``
names another place). Tests that need them skip, saying where they looked, when they are absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

FIXTURES = Path(os.environ.get("SLACK_FIXTURES", Path(__file__).resolve().parents[2] / "shared" / "slack-fixtures"))


def fixture_path(name: str = "") -> Path:
    """``FIXTURES / name`` (the folder itself by default); skips the test when it is not there."""
    path = FIXTURES / name if name else FIXTURES
    if not path.exists():
        pytest.skip(f"Slack fixtures not found at {path} (set SLACK_FIXTURES to shared/slack-fixtures)")
    return path
