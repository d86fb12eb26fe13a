"""``bot.startup_signals``: a signal during start-up is recorded, never lost and never fatal later.

Each case runs in a fresh interpreter started with ``-m``, as ``python -m bot`` is, and sends
itself the signal in one of the two places where Python's own SIGINT handling goes wrong
(see the module's docstring): inside code compiled with ``exec()`` (after it, the interpreter
would end the process by SIGINT although the KeyboardInterrupt was caught), and inside a
weakref callback (where the KeyboardInterrupt is printed as "Exception ignored" and lost).
Without ``StartupSignals`` both cases fail; ``default`` shows that they do on this Python.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

CASE = '''
import os, signal, sys, weakref

handling, case, signum = sys.argv[1], sys.argv[2], int(sys.argv[3])
if handling == "startup":
    from bot.startup_signals import StartupSignals
    early = StartupSignals()
else:  # Python's own handling, as from a terminal (a shell's background job starts with SIGINT ignored)
    signal.signal(signal.SIGINT, signal.default_int_handler)


def main():
    try:
        if case == "exec":  # as dataclasses builds __init__, during an import
            exec(f"import os; os.kill(os.getpid(), {signum}); x = [i for i in range(100)]")
        elif case == "weakref":  # as the import machinery drops a module lock
            class Lock:
                pass
            lock = Lock()
            ref = weakref.ref(lock, lambda _: os.kill(os.getpid(), signum))
            del lock
        else:  # twice
            os.kill(os.getpid(), signum)
            os.kill(os.getpid(), signum)
        for _ in range(100):
            pass
    except KeyboardInterrupt:
        print("interrupted")
        return 0
    print("recorded", early.received if handling == "startup" else None)
    return 0


sys.exit(main())
'''


def run_case(tmp_path: Path, handling: str, case: str, signum: int) -> tuple[int, str, str]:
    (tmp_path / "signal_case.py").write_text(CASE)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)])}
    proc = subprocess.run([sys.executable, "-m", "signal_case", handling, case, str(signum)], env=env,
                          capture_output=True, text=True, timeout=60)
    return proc.returncode, proc.stdout.strip(), proc.stderr


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
@pytest.mark.parametrize("case", ["exec", "weakref"])
def test_a_signal_while_starting_is_recorded_wherever_it_lands(tmp_path, case, sig):
    code, out, err = run_case(tmp_path, "startup", case, sig)
    assert (code, out) == (0, f"recorded {int(sig)}"), err
    assert "KeyboardInterrupt" not in err


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_a_second_signal_interrupts_at_once(tmp_path, sig):
    assert run_case(tmp_path, "startup", "twice", sig)[:2] == (0, "interrupted")


@pytest.mark.skipif(sys.version_info[:2] != (3, 11), reason="shows CPython 3.11's own behaviour")
@pytest.mark.parametrize("case", ["exec", "weakref"])
def test_default_ctrl_c_handling_goes_wrong_in_both_places(tmp_path, case):
    """Why the module exists: caught in exec'd code the process still dies by SIGINT; raised in a
    weakref callback the KeyboardInterrupt is lost and the program goes on."""
    code, out, err = run_case(tmp_path, "default", case, signal.SIGINT)
    if case == "exec":
        assert (code, out) == (-signal.SIGINT, "interrupted")
    else:
        assert (code, out) == (0, "recorded None")
        assert "Exception ignored" in err and "KeyboardInterrupt" in err
