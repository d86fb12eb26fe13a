"""The project's one root exception type and its subclasses.

Every error the bot raises on purpose derives from ``FlaskVsDjangoError`` so
that the entry point can print one clear line instead of a traceback.
"""

from __future__ import annotations


class FlaskVsDjangoError(Exception):
    """Root of every error this project raises on purpose."""


class ConfigError(FlaskVsDjangoError):
    """The environment does not describe a runnable configuration."""

    def __init__(self, variable: str, message: str) -> None:
        self.variable = variable
        self.message = message
        super().__init__(f"{variable}: {message}")


class KnowledgeError(FlaskVsDjangoError):
    """A knowledge file is missing, malformed or inconsistent.

    ``file`` and ``line`` locate the problem (line is 1-based, or None when the
    problem is not tied to one line); ``path`` is the key path inside the file,
    e.g. ``topics[3].related[0]``; ``message`` says what was expected.
    """

    def __init__(self, file: str, line: int | None, path: str, message: str) -> None:
        self.file = file
        self.line = line
        self.path = path
        self.message = message
        where = f"{file}:{line}" if line is not None else file
        at = f" at {path}" if path else ""
        super().__init__(f"{where}{at}: {message}")


class FlowStateError(FlaskVsDjangoError):
    """A "help me choose" button value that cannot be decoded or is out of date."""
