"""The console in a pseudo-terminal, as a person would use it: prompt, colours, in-place updates."""

from __future__ import annotations

import codecs
import fcntl
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import time

import pytest

from tests.console.conftest import ROOT, clean_env, strip_ansi

PROMPT = "you ›"


def _controlling_tty() -> None:
    """In the child: a new session whose controlling terminal is the pty, so Ctrl-C sends SIGINT.

    SIGINT is reset to its default too: a test run started in the background (``pytest &``)
    ignores it, and Python installs its Ctrl-C handler only when SIGINT is not ignored.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Terminal:
    """``python -m bot`` on a pty (100×40, TERM=xterm); read what it draws, type into it."""

    def __init__(self) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))
        self.proc = subprocess.Popen([sys.executable, "-m", "bot"], cwd=ROOT, stdin=slave, stdout=slave, stderr=slave,
                                     env=clean_env(TERM="xterm"), preexec_fn=_controlling_tty, close_fds=True)
        os.close(slave)
        self.raw = ""
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")

    def read_until(self, needle: str, *, count: int = 1, timeout: float = 30.0) -> str:
        """Read until ``needle`` appears ``count`` times in the whole (ANSI-stripped) screen output."""
        deadline = time.monotonic() + timeout
        while strip_ansi(self.raw).count(needle) < count:
            left = deadline - time.monotonic()
            if left <= 0 or self.proc.poll() is not None and not select.select([self.master], [], [], 0)[0]:
                raise AssertionError(f"no {needle!r} (x{count}) in:\n{strip_ansi(self.raw)[-3000:]}")
            if select.select([self.master], [], [], min(left, 0.2))[0]:
                try:
                    self.raw += self._decoder.decode(os.read(self.master, 65536))
                except OSError:  # the child closed the pty
                    pass
        return strip_ansi(self.raw)

    def type(self, text: str) -> None:
        os.write(self.master, text.encode())

    def wait(self, timeout: float = 20.0) -> int:
        deadline = time.monotonic() + timeout
        while self.proc.poll() is None and time.monotonic() < deadline:
            if select.select([self.master], [], [], 0.1)[0]:
                try:
                    self.raw += self._decoder.decode(os.read(self.master, 65536))
                except OSError:
                    break
        return self.proc.wait(timeout=max(deadline - time.monotonic(), 1))

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        os.close(self.master)


@pytest.fixture
def terminal():
    term = Terminal()
    yield term
    term.close()


def test_choose_then_click_in_a_terminal_shows_the_message_updated(terminal):
    screen = terminal.read_until(PROMPT)
    assert "local simulation of Slack" in screen and ":help" in screen
    terminal.type("/flaskvsdjango choose\r")
    screen = terminal.read_until(PROMPT, count=2)
    question = screen.split("/flaskvsdjango choose", 1)[1]
    assert "Question 1 of 7" in question and "only visible to you" in question
    assert "[1] A REST API or microservice" in question
    assert "✎ updated" not in question
    terminal.type("1\r")
    screen = terminal.read_until(PROMPT, count=3)
    after = screen.rsplit(PROMPT, 2)[1]
    assert "clicked [1] A REST API or microservice" in after
    assert "✎ updated" in after and "Question 2 of 7" in after
    assert "[1] Small  [2] Medium" in after
    assert "\x1b[" in terminal.raw  # rendered with colours, not plain text
    terminal.type("\x04")  # Ctrl-D
    assert terminal.wait() == 0
    assert "Traceback" not in strip_ansi(terminal.raw)


@pytest.mark.parametrize("stop", ["ctrl-c", "sigterm"])
def test_ctrl_c_or_sigterm_at_the_prompt_exits_cleanly(terminal, stop):
    terminal.read_until(PROMPT)
    # CPython's readline checks for signals only when its select() on stdin is interrupted:
    # a Ctrl-C in the instant between drawing the prompt and entering select() is noticed
    # only at the next key. No person types that fast; a loaded test machine does.
    time.sleep(0.5)
    if stop == "ctrl-c":
        terminal.type("\x03")
    else:  # a process manager stopping the console: the same clean exit
        terminal.proc.send_signal(signal.SIGTERM)
    assert terminal.wait() == 0
    assert "Traceback" not in strip_ansi(terminal.raw)
    assert "Bye." in strip_ansi(terminal.raw)


def test_quit_leaves(terminal):
    terminal.read_until(PROMPT)
    terminal.type(":quit\r")
    assert terminal.wait() == 0
