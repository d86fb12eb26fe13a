"""Unique, increasing identifiers in Slack's formats.

One process-wide generator (``IDS``) is shared by the request builders and the
fake Web API, so user messages and app messages get timestamps from the same
clock and sort in the order they happened.
"""

from __future__ import annotations

import itertools
import threading
import uuid

#: Seconds part of the first generated ``ts`` ("1700000000.000100").
BASE_EPOCH = 1_700_000_000


class IdGenerator:
    """Hands out message ``ts`` values, event ids, trigger ids and envelope ids."""

    def __init__(self, base_epoch: int = BASE_EPOCH) -> None:
        self._base = base_epoch
        self._ts = itertools.count(1)
        self._event = itertools.count(1)
        self._lock = threading.Lock()

    def ts(self) -> str:
        """The next message timestamp: "1700000000.000100", "1700000000.000200", ..."""
        with self._lock:
            n = next(self._ts) * 100
        seconds, micros = divmod(n, 1_000_000)
        return f"{self._base + seconds}.{micros:06d}"

    def event_id(self) -> str:
        """The next Events API id: "Ev0000000001", ..."""
        with self._lock:
            return f"Ev{next(self._event):010d}"

    @staticmethod
    def trigger_id() -> str:
        """A trigger id shaped like Slack's ("4916855695380.111.abcdef...")."""
        return f"{uuid.uuid4().int % 10**13}.111.{uuid.uuid4().hex}"

    @staticmethod
    def envelope_id() -> str:
        """A Socket Mode envelope id (a UUID4, as Slack sends)."""
        return str(uuid.uuid4())


IDS = IdGenerator()


def event_time(ts: str) -> int:
    """The integer ``event_time`` Slack sends alongside an event with ``ts``."""
    return int(float(ts))
