"""Load the knowledge in a child process, so the server never holds PyYAML or the parse.

    KnowledgeChild(directory)            # start the child now ...
        .result() -> Knowledge           # ... collect it later: raises KnowledgeError as load_knowledge does
        .close()                         # ... or stop it (a start-up that failed first)
    python -m bot.knowledge_process DIR  # the child: pickled result on stdout

Reading the YAML files in pure Python (PyYAML's ``SafeLoader`` keeps line marks
for the schema's messages) imports PyYAML and the schema and makes hundreds of
thousands of short-lived tokens, events and nodes. In the serving process all
of that stays: the modules for good, and the heap the parse spread out, which
the allocator keeps. Loaded in a child, the server receives only the finished
``Knowledge`` (pickled, ~60 KB for the shipped files): 1.6-1.8 MiB less
resident memory, idle and at its peak under load (BENCHMARKS.md).

The child is this same interpreter running our own code on the files the
server would read, so its pickle is trusted. Validation problems come back as
fields and are raised here as ``KnowledgeError``, exactly as ``load_knowledge``
raises them. If the child cannot run at all (no interpreter, killed, an
unreadable answer), the knowledge is loaded in this process instead, with a
warning: slower to start and heavier, never down.
"""

from __future__ import annotations

import logging
import pickle
import subprocess
import sys
from pathlib import Path

from bot.errors import KnowledgeError
from bot.knowledge import Knowledge, load_knowledge, validate_knowledge

logger = logging.getLogger(__name__)

CHILD_TIMEOUT_SECONDS = 120  # a 100,000-topic file parses in ~10 s on a slow machine

Problems = list[tuple[str, int | None, str, str]]  # KnowledgeError's fields


class KnowledgeChild:
    """The child, started now and collected later: the server starts it before its own imports
    (``bot.cli.serve``), so on a machine with two cores the files are read while it imports.

    ``result()`` waits for it; ``close()`` stops one never collected (a start-up that fails or is
    interrupted). Collect or close each one.
    """

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory).resolve()
        self._failed: Exception | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        try:
            # its own session: a Ctrl-C in the terminal (or a signal to the process group) is the
            # server's to handle, not a reason for the child to die and the server to read it itself
            self._proc = subprocess.Popen([sys.executable, "-m", __name__, str(self.directory)],
                                          stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                          stderr=subprocess.PIPE, start_new_session=True)
        except (OSError, subprocess.SubprocessError) as e:
            self._failed = e

    def result(self) -> Knowledge:
        """The knowledge, as ``load_knowledge(directory)`` returns it (or raises ``KnowledgeError``)."""
        try:
            if self._proc is None:
                raise RuntimeError(f"cannot start: {self._failed}")
            try:
                out, err = self._proc.communicate(timeout=CHILD_TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                self.close()
                raise RuntimeError(f"no answer within {CHILD_TIMEOUT_SECONDS} s") from None
            if self._proc.returncode != 0:
                raise RuntimeError(f"exit status {self._proc.returncode}: {_last_line(err)}")
            outcome, value = pickle.loads(out)
        except (OSError, subprocess.SubprocessError, RuntimeError, pickle.UnpicklingError, EOFError, ValueError) as e:
            logger.warning("could not load the knowledge in a child process (%s); loading it here", e)
            return load_knowledge(self.directory)
        if outcome == "errors":
            problems: Problems = value
            raise KnowledgeError(*problems[0])
        assert isinstance(value, Knowledge)
        return value

    def close(self) -> None:
        """Stop the child if it is still running (nothing to do once collected)."""
        proc = self._proc
        if proc is not None and proc.returncode is None:
            proc.kill()
            proc.communicate()


def _last_line(stderr: bytes) -> str:
    lines = stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[-1] if lines else "no message"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m bot.knowledge_process DIRECTORY", file=sys.stderr)
        return 2
    knowledge, errors = validate_knowledge(argv[0])
    result: tuple[str, object] = (
        ("errors", [(e.file, e.line, e.path, e.message) for e in errors]) if errors else ("ok", knowledge))
    sys.stdout.buffer.write(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
