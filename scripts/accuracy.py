"""Accuracy of the keyword matcher on tests/data/questions.yaml.

    python scripts/accuracy.py [--dir KNOWLEDGE_DIR] [--questions FILE] [--quiet] [--by-batch]

Prints, e.g.::

    in-scope 152/160 = 95.0% correct; out-of-scope 38/40 = 95.0% declined

followed by every miss (question, expected, got, score); ``--by-batch`` adds the
figures for each batch of the question file (a batch starts at a comment line
``# ===... <name> batch ...``; the questions before the first such line are batch 1).
Exit code 0 when both
figures reach the 90% targets, 1 otherwise. ``tests/unit/test_matching_accuracy.py``
runs the same ``evaluate`` and asserts the same targets.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.matching import Answerer  # noqa: E402

QUESTIONS = ROOT / "tests" / "data" / "questions.yaml"
KNOWLEDGE = ROOT / "knowledge"
TARGET = 0.90


@dataclass(frozen=True)
class Case:
    q: str
    expect: str  # a topic id or "decline"


@dataclass(frozen=True)
class Miss:
    case: Case
    got: str  # topic id or "decline"
    score: float


@dataclass(frozen=True)
class Result:
    in_scope: int
    in_scope_correct: int
    out_of_scope: int
    declined: int
    misses: tuple[Miss, ...]

    @property
    def in_scope_rate(self) -> float:
        return self.in_scope_correct / self.in_scope if self.in_scope else 1.0

    @property
    def decline_rate(self) -> float:
        return self.declined / self.out_of_scope if self.out_of_scope else 1.0

    def summary(self) -> str:
        return (
            f"in-scope {self.in_scope_correct}/{self.in_scope} = {100 * self.in_scope_rate:.1f}% correct; "
            f"out-of-scope {self.declined}/{self.out_of_scope} = {100 * self.decline_rate:.1f}% declined"
        )


def load_cases(path: Path = QUESTIONS) -> list[Case]:
    """The cases in ``path``: ``questions:`` holding a list of ``{q, expect}``, or that list alone.

    Raises ValueError naming what is wrong with the file.
    """
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = data.get("questions") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise ValueError(f"{path}: expected a list of {{q: ..., expect: ...}} items, or `questions:` holding one")
    bad = [i for i, item in enumerate(items, 1) if not (isinstance(item, dict) and "q" in item and "expect" in item)]
    if bad:
        raise ValueError(f"{path}: item {bad[0]} needs both `q` and `expect` ({len(bad)} such item(s))")
    return [Case(str(item["q"]), str(item["expect"])) for item in items]


_BATCH_MARK = re.compile(r"^\s*#\s*=+\s*(.*?batch\b.*?)\s*=*\s*$", re.IGNORECASE)


def load_batches(path: Path = QUESTIONS) -> list[tuple[str, list[Case]]]:
    """The question file split into its batches, in file order (one question a line)."""
    cases = load_cases(path)
    sizes: list[tuple[str, int]] = [("first batch", 0)]
    for line in path.read_text(encoding="utf-8").splitlines():
        mark = _BATCH_MARK.match(line)
        if mark:
            sizes.append((mark.group(1).split("(")[0].strip(), 0))
        elif line.lstrip().startswith("- "):
            name, n = sizes[-1]
            sizes[-1] = (name, n + 1)
    if sum(n for _, n in sizes) != len(cases):
        return [("all", cases)]
    batches, start = [], 0
    for name, n in sizes:
        batches.append((name, cases[start : start + n]))
        start += n
    return batches


def load_knowledge(directory: Path = KNOWLEDGE):
    from bot.knowledge import load_knowledge as load

    return load(directory)


def evaluate(answerer: Answerer, cases: list[Case]) -> Result:
    in_scope = correct = out = declined = 0
    misses: list[Miss] = []
    for case in cases:
        match = answerer.answer(case.q)
        got = match.topic.id if match.answered and match.topic else "decline"
        if case.expect == "decline":
            out += 1
            declined += got == "decline"
        else:
            in_scope += 1
            correct += got == case.expect
        if got != case.expect:
            misses.append(Miss(case, got, match.score))
    return Result(in_scope, correct, out, declined, tuple(misses))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, default=KNOWLEDGE, help="knowledge folder")
    parser.add_argument("--questions", type=Path, default=QUESTIONS)
    parser.add_argument("--quiet", action="store_true", help="figures only, no misses")
    parser.add_argument("--by-batch", action="store_true", help="figures for each batch too")
    args = parser.parse_args(argv)
    answerer = Answerer(load_knowledge(args.dir))
    try:
        cases = load_cases(args.questions)
    except (OSError, yaml.YAMLError, ValueError) as e:
        print(f"accuracy: {e}", file=sys.stderr)
        return 2
    result = evaluate(answerer, cases)
    print(result.summary())
    if args.by_batch:
        for name, cases in load_batches(args.questions):
            print(f"  {name:<14} {evaluate(answerer, cases).summary()}")
    if not args.quiet:
        for miss in result.misses:
            print(f"  MISS expected {miss.case.expect:<28} got {miss.got:<28} score {miss.score:6.2f}  {miss.case.q!r}")
    return 0 if result.in_scope_rate >= TARGET and result.decline_rate >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
