"""Mixed signed traffic against the real bot, then a count of what went wrong.

    python scripts/load_test.py [--seconds 60] [--concurrency 16] [--redis-url URL] [--p99-budget-ms 3000]

Starts a fake Slack (``bot.emulator.FakeSlackAPI``) in this process and
``python -m bot`` in HTTP mode as a subprocess pointed at it, then for
``--seconds`` keeps ``--concurrency`` requests in flight on loopback: slash
commands with questions, mentions, clicks through the "help me choose" flow,
and Slack's delivery retries of mentions already sent (same body and
event_id, ``X-Slack-Retry-Num``). Afterwards it waits for replies still on
their way, stops the bot with SIGTERM and checks:

* errors: any answer other than 200 (so every 5xx), a failed connection, a
  slash command ack that is not a message, an ERROR line in the bot's log, or
  a non-zero exit code;
* duplicates: a mention answered more than once (retries included), a click
  whose response_url was posted to more than once;
* lost: an accepted mention never answered, an accepted click whose message
  was never updated;
* p99 ack: the 99th percentile of request -> HTTP response time.

Prints exactly one line, e.g.::

    mixed load 60s: 0 errors, 0 duplicates, 0 lost, p99 ack 12 ms

Exit code 0 when errors, duplicates and lost are all 0 and p99 is within the
budget (Slack's 3 s ack limit by default), 1 otherwise; details go to stderr.

Which deduper: 16 requests in flight on loopback is some 200 mentions a second,
twenty times what the in-process deduper is sized for (20,000 keys, two per
mention: it forgets a mention after ~45 s at this rate, sooner than Slack's
1-minute retry), so a 60-second run without ``--redis-url`` reports duplicates
by design. With ``--redis-url`` the bot dedupes in Redis, the scale-out
configuration; every run uses fresh event ids and timestamps, so runs never
collide on Redis keys.
``tests/reliability/test_load.py`` runs it for 3 s in the normal suite and
for 60 s under ``-m slow``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.emulator import FakeSlackAPI, SlackUser  # noqa: E402
from bot.emulator.conversation import Message  # noqa: E402
from bot.emulator import requests as rq  # noqa: E402
from bot.emulator.requests import SlackRequest  # noqa: E402

SIGNING_SECRET = "load-test-signing-secret"
BOT_TOKEN = "xoxb-load-test"
START_TIMEOUT = 30.0
DRAIN_TIMEOUT = 15.0
STOP_TIMEOUT = 30.0
REQUEST_TIMEOUT = 10.0

QUESTIONS = (
    "which is more secure?", "what is an ORM", "is django good for a REST API", "what is a blueprint",
    "which is easier to learn", "flask or django for a startup mvp", "what is wsgi", "does flask have an admin",
    "which scales better", "what about async support", "zebra quantum banana", "help",
    "compare", "topics", "what is csrf <!channel>", "🐍 which one for microservices?",
)
# weights of each kind of request in the mix
MIX = {"command": 35, "mention": 30, "click": 20, "retry": 15}


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    sent: Counter[str] = field(default_factory=Counter)
    mentions: list[tuple[str, str]] = field(default_factory=list)        # (channel, ts) accepted
    mention_requests: list[SlackRequest] = field(default_factory=list)   # to send again as retries
    clicks: list[str] = field(default_factory=list)                      # response_url of each accepted click
    lost_clicks: int = 0


_RUN = int(time.time())
_SEQ = iter(range(1, 10**6))


def next_ts() -> str:
    """A Slack message ts no earlier run used: this run's start second, then a sequence number."""
    return f"{_RUN}.{next(_SEQ):06d}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Bot:
    """``python -m bot`` in HTTP mode, its log in a temporary file."""

    def __init__(self, api_url: str, log: Path, redis_url: str | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("SLACK_", "DATABASE_URL", "REDIS_URL", "KNOWLEDGE_"))}
        env.update(SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SIGNING_SECRET, SLACK_API_URL=api_url,
                   PORT=str(self.port), LOG_LEVEL="WARNING")
        if redis_url:
            env["REDIS_URL"] = redis_url
        with log.open("w") as err:
            self.proc = subprocess.Popen([sys.executable, "-m", "bot"], cwd=ROOT, env=env,
                                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)

    async def wait_healthy(self, session: aiohttp.ClientSession) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the bot exited with {self.proc.returncode}: {self.log.read_text()[-2000:]}")
            try:
                async with session.get(self.url + "/healthz") as resp:
                    if resp.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
        raise RuntimeError(f"the bot was not healthy after {START_TIMEOUT:.0f}s")

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            return -9

    def error_lines(self) -> list[str]:
        return [line for line in self.log.read_text().splitlines() if " ERROR " in line or "Traceback" in line]


class Worker:
    """One of ``--concurrency`` loops, acting as its own user in its own channel."""

    def __init__(self, n: int, fake: FakeSlackAPI, bot: Bot, session: aiohttp.ClientSession,
                 tally: Tally, rng: random.Random) -> None:
        self.user: SlackUser = fake.user(f"W{n:04d}LOAD", name=f"user{n}", channel=f"C{n:04d}LOAD")
        self.fake, self.bot, self.session, self.tally, self.rng = fake, bot, session, tally, rng
        self.flow: Message | None = None

    async def send(self, request: SlackRequest, kind: str) -> tuple[int, str] | None:
        signed = request.signed(SIGNING_SECRET)
        self.tally.sent[kind] += 1
        started = time.perf_counter()
        try:
            async with self.session.post(self.bot.url + "/slack/events", data=signed.body,
                                         headers=signed.all_headers()) as resp:
                body = await resp.text()
        except (aiohttp.ClientError, asyncio.TimeoutError) as e:
            self.tally.errors.append(f"{kind}: {type(e).__name__} {e}")
            return None
        self.tally.latencies.append(time.perf_counter() - started)
        if resp.status != 200:
            self.tally.errors.append(f"{kind}: HTTP {resp.status} {body[:200]}")
            return None
        return resp.status, body

    async def command(self, text: str) -> Message | None:
        request = self.user.command(text)
        answer = await self.send(request, "command")
        if answer is None:
            return None
        try:
            if "blocks" not in json.loads(answer[1]):
                raise ValueError("no blocks")
        except ValueError as e:
            self.tally.errors.append(f"command {text!r}: ack is not a message ({e}): {answer[1][:200]}")
            return None
        return self.fake.apply_ack(request.payload["response_url"], answer[1])

    async def mention(self) -> None:
        """A mention with a timestamp and event id unique to this run (Redis keys outlive a run)."""
        ts = next_ts()
        text = f"<@{self.fake.identity.bot_user_id}> {self.rng.choice(QUESTIONS)}"
        self.fake.add_user_message(text, channel=self.user.channel, user=self.user.id, ts=ts)
        request = rq.app_mention(text, channel=self.user.channel, user=self.user.id, ts=ts,
                                 event_id=f"Ev{uuid.uuid4().hex[:16].upper()}", team_id=self.fake.identity.team_id,
                                 api_app_id=self.fake.identity.app_id)
        if await self.send(request, "mention") is not None:
            self.tally.mentions.append((self.user.channel, ts))
            self.tally.mention_requests.append(request)

    async def retry(self) -> None:
        if not self.tally.mention_requests:
            return await self.mention()
        original = self.rng.choice(self.tally.mention_requests)
        await self.send(original.retried(self.rng.randint(1, 3), "http_timeout"), "retry")

    async def click(self) -> None:
        answers = [b for b in self.flow.buttons() if b.action_id.startswith("flow_answer_")] if self.flow else []
        if not answers:
            self.flow = await self.command("choose")
            return
        flow, seen = self.flow, self.flow.updated_count
        request = self.user.click(flow, self.rng.choice(answers).action_id)
        if await self.send(request, "click") is None:
            return
        self.tally.clicks.append(request.payload["response_url"])
        try:
            await self.fake.wait_until(lambda: flow.updated_count > seen, timeout=5, what="flow update")
        except Exception:
            self.tally.lost_clicks += 1
            self.flow = None

    async def run(self, until: float) -> None:
        kinds, weights = list(MIX), list(MIX.values())
        while time.monotonic() < until:
            kind = self.rng.choices(kinds, weights)[0]
            if kind == "command":
                await self.command(self.rng.choice(QUESTIONS))
            else:
                await getattr(self, kind)()


def count_replies(fake: FakeSlackAPI, tally: Tally) -> tuple[int, int]:
    """(duplicates, lost) over every accepted mention and click."""
    replies = Counter((c.params.get("channel"), c.params.get("thread_ts"))
                      for c in fake.calls_to("chat.postMessage") if c.ok)
    per_mention = [replies[key] for key in tally.mentions]
    posts = Counter(p.url for p in fake.response_posts if p.status == 200)
    per_click = [posts[url] for url in tally.clicks]
    duplicates = sum(1 for n in per_mention + per_click if n > 1)
    lost = sum(1 for n in per_mention if n == 0) + tally.lost_clicks
    return duplicates, lost


def all_answered(fake: FakeSlackAPI, tally: Tally) -> bool:
    replied = {(c.params.get("channel"), c.params.get("thread_ts")) for c in fake.calls_to("chat.postMessage") if c.ok}
    return all(key in replied for key in tally.mentions)


def p99_ms(latencies: list[float]) -> int:
    if not latencies:
        return 0
    if len(latencies) == 1:
        return round(latencies[0] * 1000)
    return round(statistics.quantiles(latencies, n=100, method="inclusive")[98] * 1000)


async def run(seconds: float, concurrency: int, seed: int, log_dir: Path,
              redis_url: str | None = None) -> tuple[Tally, int, int, list[str]]:
    tally = Tally()
    rng = random.Random(seed)
    async with FakeSlackAPI() as fake:
        bot = Bot(fake.base_url, log_dir / "bot.log", redis_url)
        try:
            timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT)
            connector = aiohttp.TCPConnector(limit=concurrency * 2)
            async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
                await bot.wait_healthy(session)
                until = time.monotonic() + seconds
                workers = [Worker(n, fake, bot, session, tally, random.Random(rng.random())) for n in range(concurrency)]
                await asyncio.gather(*(w.run(until) for w in workers))
                try:
                    await fake.wait_until(lambda: all_answered(fake, tally), timeout=DRAIN_TIMEOUT, what="replies")
                except Exception:
                    pass  # counted as lost below
                await asyncio.sleep(0.5)  # a late duplicate would land now
        finally:
            code = await asyncio.to_thread(bot.stop)
        duplicates, lost = count_replies(fake, tally)
        problems = bot.error_lines()
        if code != 0:
            problems.append(f"the bot exited with {code} after SIGTERM")
        return tally, duplicates, lost, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to send traffic (default 60)")
    parser.add_argument("--concurrency", type=int, default=16, help="requests kept in flight (default 16)")
    parser.add_argument("--seed", type=int, default=1, help="random seed for the traffic mix")
    parser.add_argument("--redis-url", help="dedupe events in this Redis (REDIS_URL for the bot), as at scale")
    parser.add_argument("--p99-budget-ms", type=int, default=3000,
                        help="fail when the p99 ack is slower (default 3000: Slack's ack limit)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="load-test-") as tmp:
        hard_limit = args.seconds + START_TIMEOUT + DRAIN_TIMEOUT + STOP_TIMEOUT + 30

        async def bounded() -> tuple[Tally, int, int, list[str]]:
            return await asyncio.wait_for(run(args.seconds, args.concurrency, args.seed, Path(tmp), args.redis_url), hard_limit)

        tally, duplicates, lost, bot_errors = asyncio.run(bounded())

    errors = tally.errors + bot_errors
    p99 = p99_ms(tally.latencies)
    print(f"mixed load {args.seconds:g}s: {len(errors)} errors, {duplicates} duplicates, {lost} lost, p99 ack {p99} ms")
    sent = ", ".join(f"{n} {kind}s" for kind, n in sorted(tally.sent.items()))
    failed = bool(errors or duplicates or lost or p99 > args.p99_budget_ms)
    if failed:
        print(f"sent {sent}; {len(tally.mentions)} mentions and {len(tally.clicks)} clicks accepted", file=sys.stderr)
        for line in errors[:20]:
            print(f"  error: {line}", file=sys.stderr)
        if p99 > args.p99_budget_ms:
            print(f"  p99 ack {p99} ms is over the {args.p99_budget_ms} ms budget", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
