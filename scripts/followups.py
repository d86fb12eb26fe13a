"""How well two-message exchanges are read: follow-ups ("and django?") and new questions.

    python scripts/followups.py [--exchanges FILE] [--quiet]

Each exchange in ``tests/data/followups.yaml`` is a first message, a second one, whether
the second only makes sense with the first (``follow_up``), and the topic that answers
what the second means (``expect``, or ``decline``). Both go through the pure core as a
conversation would: the first is answered and kept (``bot.followups.kept_for_follow_ups``; declined, only
when it names a framework),
the second is read with it (``bot.followups.read_as``) and answered. Prints, e.g.::

    follow-ups 50/55 answered right (48 read as follow-ups); new questions 24/25 answered right (0 read as follow-ups)

then every miss. Exit code 0 when both figures reach TARGET, 1 otherwise;
``tests/unit/test_followups.py`` asserts the same.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot import responses  # noqa: E402
from bot.followups import kept_for_follow_ups, read_as  # noqa: E402
from bot.intents import parse_message  # noqa: E402
from bot.knowledge import default_knowledge_dir, load_knowledge  # noqa: E402

EXCHANGES = ROOT / "tests" / "data" / "followups.yaml"
TARGET = 0.85


@dataclass(frozen=True)
class Exchange:
    first: str
    then: str
    follow_up: bool
    expect: str   # a topic id or "decline"


@dataclass(frozen=True)
class Outcome:
    exchange: Exchange
    read_as: str | None   # the question the second message was read as, when read as a follow-up
    got: str              # topic id or "decline"

    @property
    def right(self) -> bool:
        return self.got == self.exchange.expect


def load_exchanges(path: Path = EXCHANGES) -> list[Exchange]:
    """The ``exchanges:`` of ``path``; ValueError naming what is wrong with the file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = data.get("exchanges") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise ValueError(f"{path}: expected `exchanges:` holding a list of {{first, then, follow_up, expect}}")
    keys = {"first", "then", "follow_up", "expect"}
    bad = [i for i, item in enumerate(items, 1) if not (isinstance(item, dict) and keys <= set(item))]
    if bad:
        raise ValueError(f"{path}: item {bad[0]} needs {', '.join(sorted(keys))} ({len(bad)} such item(s))")
    return [Exchange(str(i["first"]), str(i["then"]), bool(i["follow_up"]), str(i["expect"])) for i in items]


def converse(brain: responses.Brain, exchange: Exchange) -> Outcome:
    """Answer the first message, then the second in its light, as the listeners do."""
    first = responses.reply(parse_message(exchange.first), brain)
    kept = kept_for_follow_ups(first.question, declined=first.declined) if first.question else None
    intent = parse_message(exchange.then)
    answerer = brain.answerer
    asked = read_as(intent, kept, own_subject=answerer.asks_on_its_own,
                    answered=lambda words: answerer.answer(words).answered)
    second = responses.reply(intent, brain, follow_up=asked)
    taken = asked if asked is not None and second.question == asked else None
    return Outcome(exchange, taken, second.answered or "decline")


def evaluate(brain: responses.Brain, exchanges: list[Exchange]) -> list[Outcome]:
    return [converse(brain, e) for e in exchanges]


def summary(outcomes: list[Outcome]) -> tuple[str, float, float]:
    follow = [o for o in outcomes if o.exchange.follow_up]
    new = [o for o in outcomes if not o.exchange.follow_up]
    rate = lambda group: sum(o.right for o in group) / len(group) if group else 1.0  # noqa: E731
    line = (f"follow-ups {sum(o.right for o in follow)}/{len(follow)} answered right "
            f"({sum(o.read_as is not None for o in follow)} read as follow-ups); "
            f"new questions {sum(o.right for o in new)}/{len(new)} answered right "
            f"({sum(o.read_as is not None for o in new)} read as follow-ups)")
    return line, rate(follow), rate(new)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--exchanges", type=Path, default=EXCHANGES)
    p.add_argument("--quiet", action="store_true", help="the summary line only")
    args = p.parse_args(argv)
    brain = responses.Brain.build(load_knowledge(default_knowledge_dir()))
    outcomes = evaluate(brain, load_exchanges(args.exchanges))
    line, follow_rate, new_rate = summary(outcomes)
    print(line)
    if not args.quiet:
        for o in outcomes:
            if not o.right:
                e = o.exchange
                kind = "follow-up" if e.follow_up else "new"
                print(f"  [{kind}] {e.first!r} -> {e.then!r}: expected {e.expect}, got {o.got}"
                      f"{f' (read as {o.read_as!r})' if o.read_as else ''}")
    return 0 if follow_rate >= TARGET and new_rate >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
