"""Ctrl-C and SIGTERM while the process starts: remembered, then acted on where it is safe.

Python's SIGINT handler raises KeyboardInterrupt wherever the main thread is. During start-up
that is mostly inside imports, where it goes wrong in two ways (both reproduced by
``tests/reliability/test_startup_signals.py``):

* raised in a weakref callback of the import machinery, it is printed as "Exception ignored"
  and lost: the bot goes on to serve and ignores the signal;
* raised in code that ``dataclasses`` compiles with ``exec()``, it is caught and the process
  returns 0, but the interpreter, having seen it escape ``exec()``, then ends the process by
  SIGINT (exit status -2).

So from the first line of ``python -m bot`` until the event loop (or the console) installs its
own handling, the handler only records the signal; the start-up checks ``stop_requested`` at
its safe points. A second signal raises KeyboardInterrupt at once: someone is insisting.

    early = StartupSignals()          # installs the handlers
    ...imports...
    if early.stop_requested: stop here
"""

from __future__ import annotations

import signal
from types import FrameType

HANDLED = (signal.SIGINT, signal.SIGTERM)


class StartupSignals:
    def __init__(self) -> None:
        self.received: int | None = None
        for sig in HANDLED:
            signal.signal(sig, self._remember)

    def _remember(self, signum: int, frame: FrameType | None) -> None:
        if self.received is not None:
            raise KeyboardInterrupt
        self.received = signum

    @property
    def stop_requested(self) -> bool:
        return self.received is not None
