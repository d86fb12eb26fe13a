"""Fill a usage database by running the real bot against the fake Slack.

    python scripts/fill_usage.py --database-url sqlite:///demo.db
    python -m bot report --database-url sqlite:///demo.db

Three people ask questions (slash commands and mentions), some out of scope,
and click Helpful / Not helpful on the answers, as in Slack: every record is
written by the bot's own code path. Handy for trying ``python -m bot report``
without a deployment; tests/report uses it for the same.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.emulator.blockkit import texts  # noqa: E402
from bot.emulator.local_app import LocalSlack  # noqa: E402

#: (who, how, question, the answer's topic or None for a decline, click on the answer)
SCRIPT: tuple[tuple[str, str, str, str | None, str | None], ...] = (
    ("alice", "command", "which one is more secure?", "security", "feedback_helpful"),
    ("bob", "command", "which one is more secure?", "security", "feedback_unhelpful"),
    ("carol", "command", "which one is more secure?", "security", "feedback_unhelpful"),
    ("alice", "command", "what is wsgi", "wsgi", "feedback_helpful"),
    ("bob", "mention", "what is wsgi", "wsgi", None),
    ("carol", "command", "what is an orm", "orm", "feedback_unhelpful"),
    ("alice", "command", "how do I cook pasta", None, None),
    ("bob", "command", "cooking pasta??", None, None),
    ("carol", "mention", "how do I bake sourdough bread?", None, None),
)
USERS = {"alice": "W0ALICE", "bob": "W0BOB", "carol": "W0CAROL"}


@dataclass
class Filled:
    answers: dict[str, int] = field(default_factory=dict)        # topic -> answers given
    helpful: dict[str, list[int]] = field(default_factory=dict)  # topic -> [helpful, not helpful]
    declined: list[str] = field(default_factory=list)


async def fill(database_url: str) -> Filled:
    """Run ``SCRIPT`` through a LocalSlack bot recording into ``database_url``; return what it did."""
    done = Filled()
    async with LocalSlack(database_url=database_url) as slack:
        for who, how, question, topic, click in SCRIPT:
            user = slack.user(USERS[who], name=who)
            if how == "command":
                delivery = await slack.send(user.command(question))
                reply = delivery.message
            else:
                before = len(slack.fake.calls_to("chat.postMessage"))
                await slack.send(user.mention(question))
                await slack.fake.wait_for("chat.postMessage", before + 1)
                reply = slack.fake.messages[-1]
            if reply is None:
                raise RuntimeError(f"the bot did not reply to {question!r}")
            if topic is None:
                if "couldn't find an answer" not in "\n".join(texts(reply.to_dict())):
                    raise RuntimeError(f"{question!r} was answered; the script expects a decline")
                done.declined.append(question)
                continue
            done.answers[topic] = done.answers.get(topic, 0) + 1
            if click:
                updates = reply.updated_count
                await slack.send(user.click(reply, click))
                await slack.fake.wait_until(lambda: reply.updated_count > updates, what=f"{click} on {question!r}")
                votes = done.helpful.setdefault(topic, [0, 0])
                votes[click == "feedback_unhelpful"] += 1
        await _all_recorded(slack, done)
    return done


async def _all_recorded(slack: LocalSlack, done: Filled, timeout: float = 10.0) -> None:
    """Wait until the store holds every record: a mention's is written after its reply is posted."""
    assert slack.runtime is not None
    store = slack.runtime.services.usage
    since = datetime.now(timezone.utc) - timedelta(hours=1)
    want = sum(done.answers.values()) + len(done.declined) + sum(map(sum, done.helpful.values()))
    for _ in range(int(timeout / 0.05)):
        have = (sum(n for _, n in await store.answer_counts(since)) + len(await store.declined_questions(since))
                + sum(yes + no for _, yes, no in await store.feedback_counts(since)))
        if have >= want:
            return
        await asyncio.sleep(0.05)
    raise RuntimeError(f"only {have} of {want} usage records were written in {timeout:.0f}s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True, help="e.g. sqlite:///demo.db or postgresql://...")
    args = parser.parse_args(argv)
    done = asyncio.run(fill(args.database_url))
    print(f"{sum(done.answers.values())} answers, {len(done.declined)} declines, "
          f"{sum(map(sum, done.helpful.values()))} feedback clicks recorded in {args.database_url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
