"""Fault injection for the fake Web API and response_url endpoints."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Fault:
    """How the next ``times`` requests to ``target`` misbehave.

    ``target`` is a Web API method ("chat.postMessage"), "response_url" (every
    response_url) or one full response_url. Outcome, in priority order:
    ``drop`` closes the connection with no answer; ``status`` answers with that
    HTTP status (429 adds Retry-After); ``error`` answers 200 ``{"ok": false,
    "error": error}``; otherwise the request succeeds normally. ``delay``
    seconds pass first in every case.
    """

    target: str
    times: int = 1
    status: int | None = 429
    retry_after: int | None = 1
    drop: bool = False
    delay: float = 0.0
    error: str | None = None
    used: int = 0

    @property
    def remaining(self) -> int:
        """How many more requests this fault will affect."""
        return max(self.times - self.used, 0)


class FaultPlan:
    """The pending faults, consumed first-in first-out per target."""

    def __init__(self) -> None:
        self.faults: list[Fault] = []

    def add(self, fault: Fault) -> Fault:
        """Schedule ``fault``."""
        self.faults.append(fault)
        return fault

    def take(self, *targets: str) -> Fault | None:
        """The first pending fault for any of ``targets``, counting one use of it."""
        for fault in self.faults:
            if fault.target in targets and fault.remaining > 0:
                fault.used += 1
                return fault
        return None

    def clear(self) -> None:
        """Forget every pending fault."""
        self.faults.clear()
