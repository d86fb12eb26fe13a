"""The console's outer loop: read lines, hand them to the session, exit cleanly.

The bot and the fake Slack run on an asyncio loop in a background thread;
input is read on the main thread, so ``input()`` with readline editing, Ctrl-C
and Ctrl-D behave as in any terminal program. When stdin is not a terminal the
lines are read as a script, echoed as ``> line``, and the output is plain text.
"""

from __future__ import annotations

import asyncio
import io
import logging
import os
import signal
import sys
import threading
import time
from concurrent.futures import Future
from typing import Any, Coroutine, TextIO, TypeVar

from rich.console import Console
from rich.text import Text

from bot.config import Settings
from bot.console import texts
from bot.console.parse import ConsoleCommand, parse
from bot.console.session import USER_NAME, Session, open_session
from bot.errors import FlaskVsDjangoError
from bot.knowledge_process import KnowledgeChild

T = TypeVar("T")
CLOSE_TIMEOUT = 15.0
LOOP_CHECK_SECONDS = 0.5  # how often a wait for the loop checks that its thread still runs
logger = logging.getLogger(__name__)


class LoopThread:
    """An asyncio loop in a daemon thread; ``run(coro)`` blocks the caller until it is done."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._serve, name="console-loop", daemon=True)

    def _serve(self) -> None:
        # Ctrl-C (and SIGTERM, which `python -m bot` turns into one) must reach the main thread,
        # which waits in input(); a signal the kernel hands to this thread would only set Python's
        # flag while input() keeps waiting. Threads started from here (the loop's executor)
        # inherit the mask.
        if hasattr(signal, "pthread_sigmask"):
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        self.loop.run_forever()

    def __enter__(self) -> "LoopThread":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        # What is still running (a start-up that Ctrl-C interrupted: its cancellation only begins
        # on the loop) is cancelled and awaited, as asyncio.run does, so it closes what it opened.
        if self._thread.is_alive():
            try:
                self.run(_cancel_remaining(), timeout=CLOSE_TIMEOUT)
            except TimeoutError:
                logger.warning("the console's tasks did not finish within %.0f s of exit", CLOSE_TIMEOUT)
            except FlaskVsDjangoError:
                pass  # the loop's thread ended meanwhile: nothing is left to finish
            finally:
                self.loop.call_soon_threadsafe(self.loop.stop)
                self._thread.join(timeout=5)
        if not self._thread.is_alive():
            self.loop.close()

    def run(self, coro: Coroutine[Any, Any, T], timeout: float | None = None) -> T:
        future: Future[T] = asyncio.run_coroutine_threadsafe(coro, self.loop)
        deadline = None if timeout is None else time.monotonic() + timeout
        try:
            while True:
                wait = LOOP_CHECK_SECONDS if deadline is None else min(LOOP_CHECK_SECONDS, deadline - time.monotonic())
                try:
                    return future.result(max(wait, 0.0))
                except TimeoutError:
                    if deadline is not None and time.monotonic() >= deadline:
                        raise
                    if not self._thread.is_alive():  # nothing will ever finish the future
                        raise FlaskVsDjangoError("the console's event loop stopped; see the log above") from None
        except BaseException:
            future.cancel()
            raise


async def _cancel_remaining() -> None:
    tasks = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
    for task in tasks:
        if not task.cancelling():  # one already cancelled is closing: a second cancel would cut that short
            task.cancel()
    for outcome in await asyncio.gather(*tasks, return_exceptions=True):
        if isinstance(outcome, Exception):
            logger.warning("while closing the console: %s: %s", type(outcome).__name__, outcome)
    await asyncio.get_running_loop().shutdown_asyncgens()


class TrimmedLines(io.TextIOBase):
    """A text stream that drops trailing spaces (rich pads lines to the width) before writing to ``out``."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self._partial = ""

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.out, "encoding", None) or "utf-8"

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        *lines, self._partial = (self._partial + text).split("\n")
        for line in lines:
            self.out.write(line.rstrip() + "\n")
        return len(text)

    def flush(self) -> None:
        self.out.flush()


class TerminalConsole(Console):
    """rich's Console, except when whoever reads the output goes away (``python -m bot | head``).
    rich then raises SystemExit in the thread that printed, which here is the loop's: it died and
    left the input loop waiting for it. Instead the output goes to /dev/null (Python's advice, so
    nothing fails again at exit), the console turns ``quiet``, and the input loop ends."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def make_console(interactive: bool, file: TextIO | None = None) -> Console:
    """A colourful console for a terminal; plain text, no trailing spaces, for a script."""
    if interactive:
        return TerminalConsole(file=file, highlight=False, emoji=False)
    return TerminalConsole(file=TrimmedLines(file or sys.stdout), force_terminal=False, force_interactive=False,
                           no_color=True, color_system=None, highlight=False, emoji=False)


def quiet_logs(settings: Settings) -> None:
    """Keep the bot's logs (stderr) to warnings, so they do not drown the conversation."""
    logging.getLogger().setLevel(logging.DEBUG if settings.log_level == "DEBUG" else logging.WARNING)


# What the console takes from the environment besides the knowledge and the command: how the bot
# behaves (how long "and django?" refers back, de-duplication, retention, back-pressure). Not where
# records go: a try in the console is not a real user's question (see ``not_used``).
BEHAVIOUR = ("follow_up_ttl_seconds", "dedupe_ttl_seconds", "retention_days", "max_in_flight")


def local_settings(settings: Settings) -> dict[str, Any]:
    """The settings the console's bot runs with, from the environment's."""
    return {"knowledge_dir": settings.knowledge_dir, "knowledge_reload": settings.knowledge_reload,
            "command": settings.command, **{name: getattr(settings, name) for name in BEHAVIOUR}}


def not_used(settings: Settings) -> str | None:
    """A note naming the service URLs set in the environment that the console leaves alone, or None."""
    names = [name for name, value in (("DATABASE_URL", settings.database_url), ("REDIS_URL", settings.redis_url))
             if value]
    if not names:
        return None
    return texts.IN_MEMORY.format(names=" and ".join(names), verb="is" if len(names) == 1 else "are")


def banner(console: Console, command: str, app_name: str, *, note: str | None = None) -> None:
    console.print(Text(texts.BANNER_TITLE, "bold magenta"))
    console.print(Text(texts.BANNER))
    console.print(Text(texts.WHO.format(user=USER_NAME, app=app_name), "dim"))
    if note:
        console.print(Text(note, "dim"))
    console.print(Text(texts.HINTS.format(command=command), "cyan"))
    console.print()


def read_line(interactive: bool, console: Console) -> str:
    """One line of input; EOFError at the end."""
    if interactive:
        prompt = texts.PROMPT
        if console.is_terminal and console.color_system:
            prompt = f"\001\033[1;36m\002{prompt.rstrip()}\001\033[0m\002 "
        return input(prompt)
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    return line.rstrip("\r\n")


def loop(session: Session, runner: LoopThread, *, interactive: bool) -> None:
    """Read and act until :quit, end of input, or no one reading the output."""
    console = session.console
    while not console.quiet:
        line = read_line(interactive, console)
        item = parse(line)
        if item is None:
            continue
        if not interactive:
            console.print(Text(f"> {line.strip()}"))
        if isinstance(item, ConsoleCommand) and item.name == "quit":
            return
        runner.run(session.handle(item))
        console.print()


def run(settings: Settings, *, stdin_is_tty: bool | None = None, knowledge: KnowledgeChild | None = None) -> int:
    """The console on this process's stdin/stdout; 0 on :quit, end of input or Ctrl-C, 1 if the
    output was closed (as Python exits on a broken pipe)."""
    quiet_logs(settings)
    interactive = sys.stdin.isatty() if stdin_is_tty is None else stdin_is_tty
    if interactive:
        import readline  # noqa: F401  (line editing and history for input())
    console = make_console(interactive)
    local = dict(local_settings(settings), knowledge=knowledge)
    with LoopThread() as runner:
        try:
            session = runner.run(open_session(console, plain=not interactive, **local))
        except FlaskVsDjangoError as e:
            print(f"flaskvsdjango: {e}", file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            return 0
        banner(console, session.command, session.app_name, note=not_used(settings))
        try:
            loop(session, runner, interactive=interactive)
        except (EOFError, KeyboardInterrupt):
            if interactive:
                console.print()
        except FlaskVsDjangoError as e:  # the loop's thread ended: nothing more can run
            print(f"flaskvsdjango: {e}", file=sys.stderr)
            return 1
        finally:
            try:
                runner.run(session.close(), timeout=CLOSE_TIMEOUT)
            except (KeyboardInterrupt, TimeoutError, FlaskVsDjangoError):
                pass
        if console.quiet:
            return 1
        if interactive:
            console.print(Text(texts.BYE, "dim"))
    return 0
