"""Errors raised by the Slack emulator (all under the project's root exception)."""

from __future__ import annotations

from bot.errors import FlaskVsDjangoError


class EmulatorError(FlaskVsDjangoError):
    """The emulator was used in a way it cannot honour."""


class EmulatorTimeout(EmulatorError):
    """An awaited call, message, ack or connection did not arrive in time.

    ``waiting_for`` describes what was awaited, ``expected`` how many, ``seen``
    how many had arrived when the timeout hit, ``timeout`` the seconds waited.
    """

    def __init__(self, waiting_for: str, expected: int, seen: int, timeout: float) -> None:
        self.waiting_for = waiting_for
        self.expected = expected
        self.seen = seen
        self.timeout = timeout
        super().__init__(
            f"timed out after {timeout}s waiting for {expected} x {waiting_for} (saw {seen})"
        )


class ButtonNotFound(EmulatorError):
    """``click()`` could not find the requested button in a message's blocks."""

    def __init__(self, wanted: int | str, available: list[str]) -> None:
        self.wanted = wanted
        self.available = available
        super().__init__(f"no button {wanted!r} in message; buttons: {available}")
