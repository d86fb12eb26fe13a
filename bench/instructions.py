"""The answerer's cost in instructions, not time: ``python -m bench.instructions``.

Wall-clock A/B runs of the answerer move by ±5% between rounds on a shared machine;
Valgrind's instruction count does not. This runs ``python -m bench.instructions --passes N``
under ``valgrind --tool=callgrind`` twice (N = 0 and N = 2: the shipped knowledge loaded and
one warm-up pass over the benchmark's questions either way) and prints the difference per
question, e.g. ``475.2 k instructions a question (3,088 questions)``. A few minutes: Valgrind
runs Python some 50x slower. Needs ``valgrind`` (Debian: ``apt-get install valgrind``).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

from bench.load import questions

_COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def passes(n: int) -> None:
    """Load the shipped knowledge, answer every question once (warm caches), then ``n`` more times."""
    from bot.knowledge import default_knowledge_dir, load_knowledge
    from bot.matching import Answerer

    answerer = Answerer(load_knowledge(default_knowledge_dir()))
    qs = questions()
    for _ in range(1 + n):
        for q in qs:
            answerer.answer(q)


def _instructions(n: int) -> int:
    # One string hash seed for every run: with a random one, the same tree measured four times on
    # 500 questions gave 469-488 k a question (string hashes decide set and dict probing); with it
    # pinned, 475.0-475.2 k whatever the seed.
    env = dict(os.environ, PYTHONHASHSEED="0")
    with tempfile.NamedTemporaryFile(suffix=".callgrind") as out:
        run = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out.name}",
             sys.executable, "-m", "bench.instructions", "--passes", str(n)],
            capture_output=True, text=True, check=False, env=env)
    found = _COLLECTED.search(run.stderr)
    if run.returncode or not found:
        raise SystemExit(f"valgrind failed (exit {run.returncode}):\n{run.stderr[-2000:]}")
    return int(found.group(1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.instructions", description=__doc__.split("\n\n")[0])
    parser.add_argument("--passes", type=int, help=argparse.SUPPRESS)  # the run under valgrind
    args = parser.parse_args(argv)
    if args.passes is not None:
        passes(args.passes)
        return 0
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (Debian: apt-get install valgrind)", file=sys.stderr)
        return 2
    count = len(questions())
    per_question = (_instructions(2) - _instructions(0)) / (2 * count)
    print(f"{per_question / 1000:.1f} k instructions a question ({count:,} questions)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
