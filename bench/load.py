"""The request path: the bot and two baselines as real subprocesses, under the same load.

The baselines: ``bench.bare_app``, a bare Bolt app whose listeners only ack (the
issue's), and ``bench.reply_app``, a bare Bolt app that also sends the bot's
replies, looked up rather than worked out (what is left is the bot's own work).

Layout on a 2-core machine: the server under test is pinned to core 0; this
process (the load generator) and the fake Slack Web API (``bench.fake_slack``)
share core 1. Requests are Slack-signed before each timed run (signatures are
valid for 5 minutes; every run re-signs) and sent over keep-alive connections
by ``concurrency`` workers. Runs alternate between the servers (A B C A B C)
so drift in the machine hits them alike.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import aiohttp
import psutil

from bot.emulator import requests as rq
from bot.emulator.local_app import BOT_TOKEN, SIGNING_SECRET

REPO = Path(__file__).resolve().parent.parent
KINDS = ("command", "mention", "click")
SERVER_CORE = 0
LOAD_CORE = 1
MAX_RATE = 6_000  # requests/s a run is provisioned for (unique mentions are built up front)

FALLBACK_QUESTIONS = (
    "which is more secure", "what even is flask", "so what's django", "which one is more flexible",
    "django admin vs flask admin", "how do I deploy flask", "is django good for a REST API",
    "which scales better", "orm in flask?", "flask vs fastapi",
)


def questions() -> list[str]:
    """The mixed question list (tests/data/questions.yaml when present)."""
    path = REPO / "tests" / "data" / "questions.yaml"
    try:
        import yaml

        return [str(q["q"]) for q in yaml.safe_load(path.read_text())["questions"]]
    except (OSError, KeyError, TypeError):
        return list(FALLBACK_QUESTIONS)


def pin(pid: int, core: int | None) -> bool:
    """Pin ``pid`` (0: this process) to one core when the machine has it; None: any core."""
    try:
        if core is None:
            os.sched_setaffinity(pid, range(os.cpu_count() or 1))
            return True
        if core < (os.cpu_count() or 1):
            os.sched_setaffinity(pid, {core})
            return True
    except (AttributeError, OSError):
        pass
    return False


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- processes -----------------------------------------------------------------


@dataclass
class FakeSlack:
    proc: subprocess.Popen[str]
    base_url: str
    message: dict[str, Any]
    response_url: str

    @classmethod
    def start(cls) -> "FakeSlack":
        proc = subprocess.Popen(
            [sys.executable, "-m", "bench.fake_slack"], cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            text=True, preexec_fn=lambda: pin(0, LOAD_CORE),
        )
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if not line:
            proc.kill()
            raise RuntimeError("bench.fake_slack did not start")
        info = json.loads(line)
        return cls(proc, info["base_url"], info["message"], info["response_url"])

    def stop(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@dataclass
class Server:
    """One server under test, running as ``python -m <module>``."""

    name: str
    module: str
    proc: subprocess.Popen[bytes]
    url: str
    started: float                # perf_counter just before the process was spawned
    healthy_after: float = 0.0    # seconds to the first 200 from /healthz
    answered_after: float = 0.0   # seconds to the first answered slash command
    rss_samples: list[int] = field(default_factory=list)

    @property
    def ps(self) -> psutil.Process:
        return psutil.Process(self.proc.pid)

    def peak_rss(self) -> int:
        """The kernel's high-water mark (VmHWM) when readable, else the largest sample."""
        try:
            for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return max(int(line.split()[1]) * 1024, max(self.rss_samples, default=0))
        except OSError:
            pass
        return max(self.rss_samples, default=0)

    def stop(self, grace: float = 2.0) -> None:
        """SIGTERM, then SIGKILL after ``grace`` seconds.

        The bot's graceful shutdown waits for every task, including its daily
        retention-purge loop, so it takes its full 10 s grace: not worth waiting for here.
        """
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(grace)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def server_env(fake: FakeSlack, port: int) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("SLACK_APP_TOKEN", "SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "DATABASE_URL", "REDIS_URL"):
        env.pop(name, None)
    env.update(
        SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SIGNING_SECRET, SLACK_API_URL=fake.base_url,
        HOST="127.0.0.1", PORT=str(port), LOG_LEVEL="WARNING", PYTHONUNBUFFERED="1",
    )
    return env


async def start_server(session: aiohttp.ClientSession, name: str, module: str, fake: FakeSlack,
                       *, timeout: float = 30.0, core: int | None = SERVER_CORE) -> Server:
    """Spawn (on ``core``; None: on any core), then time /healthz and the first answered slash
    command from the spawn."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", module], cwd=REPO, env=server_env(fake, port),
                            stdout=subprocess.DEVNULL, preexec_fn=lambda: pin(0, core))
    server = Server(name, module, proc, url, started)
    deadline = started + timeout
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"{module} exited with {proc.returncode} before answering")
        if time.perf_counter() > deadline:
            server.stop()
            raise RuntimeError(f"{module} did not answer /healthz within {timeout:.0f}s")
        try:
            async with session.get(url + "/healthz") as resp:
                if resp.status == 200:
                    break
        except aiohttp.ClientError:
            pass
        await asyncio.sleep(0.005)
    server.healthy_after = time.perf_counter() - started
    req = rq.slash_command("which is more secure", response_url=fake.response_url).signed(SIGNING_SECRET)
    async with session.post(url + "/slack/events", data=req.body, headers=req.all_headers()) as resp:
        await resp.read()
        if resp.status != 200:
            raise RuntimeError(f"{module}: the first slash command got HTTP {resp.status}")
    server.answered_after = time.perf_counter() - started
    return server


# --- requests ------------------------------------------------------------------

Prepared = list[tuple[bytes, dict[str, str]]]


@dataclass(frozen=True)
class Workload:
    """How to build one kind's requests; ``unique``: every request must be new (events are de-duplicated)."""

    kind: str
    build: Callable[[int], list[rq.SlackRequest]]
    unique: bool


def workloads(fake: FakeSlack) -> dict[str, Workload]:
    qs = questions()

    def commands(n: int) -> list[rq.SlackRequest]:
        return [rq.slash_command(q, response_url=fake.response_url) for q in qs]

    def mentions(n: int) -> list[rq.SlackRequest]:
        return [rq.app_mention(f"<@{rq.BOT_USER_ID}> {q}") for q in itertools.islice(itertools.cycle(qs), n)]

    def clicks(n: int) -> list[rq.SlackRequest]:
        # The first option of the "Help me choose" flow, in a channel message: the bot
        # answers the clicker with chat.postEphemeral of the next step (a click never
        # changes a message the channel sees).
        return [rq.click(fake.message, 1, response_url=fake.response_url)]

    return {"command": Workload("command", commands, False), "mention": Workload("mention", mentions, True),
            "click": Workload("click", clicks, False)}


def prepare(requests: list[rq.SlackRequest]) -> Prepared:
    """Sign now (valid 5 minutes) and keep only what goes on the wire."""
    out = []
    for r in requests:
        s = r.signed(SIGNING_SECRET)
        out.append((s.body, s.all_headers()))
    return out


# --- one timed run ---------------------------------------------------------------


@dataclass
class Run:
    server: str
    kind: str
    concurrency: int
    requests: int
    errors: int
    elapsed: float
    latencies: list[float]          # seconds, one per request
    server_cpu: float               # share of one core, 0..1
    loadgen_cpu: float
    fake_cpu: float
    server_core_other: float = 0.0  # busy share of the server's core not spent in the server (kernel
                                    # network work, and any other process on the machine)

    @property
    def rps(self) -> float:
        return self.requests / self.elapsed if self.elapsed else 0.0


def _cpu(p: psutil.Process) -> float:
    t = p.cpu_times()
    return t.user + t.system


def _core_busy(core: int) -> float:
    try:
        t = psutil.cpu_times(percpu=True)[core]
    except IndexError:
        return 0.0
    return t.user + t.nice + t.system + getattr(t, "irq", 0.0) + getattr(t, "softirq", 0.0) + getattr(t, "steal", 0.0)


async def timed_run(session: aiohttp.ClientSession, server: Server, fake: FakeSlack, kind: str,
                    prepared: Prepared, concurrency: int, duration: float, *, unique: bool) -> Run:
    url = server.url + "/slack/events"
    latencies: list[float] = []
    errors = 0
    counter = itertools.count()
    n = len(prepared)
    me, srv, fk = psutil.Process(), server.ps, psutil.Process(fake.proc.pid)
    clock = time.perf_counter

    async def worker(end: float) -> None:
        nonlocal errors
        while True:
            i = next(counter)
            if unique and i >= n:
                return
            body, headers = prepared[i % n]
            t0 = clock()
            if t0 >= end:
                return
            try:
                async with session.post(url, data=body, headers=headers) as resp:
                    await resp.read()
                    ok = resp.status == 200
            except aiohttp.ClientError:
                ok = False
            latencies.append(clock() - t0)
            if not ok:
                errors += 1

    async def sample_rss(stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                server.rss_samples.append(srv.memory_info().rss)
            except psutil.Error:
                return
            try:
                await asyncio.wait_for(stop.wait(), 0.05)
            except asyncio.TimeoutError:
                pass

    c_me, c_srv, c_fk, c_core = _cpu(me), _cpu(srv), _cpu(fk), _core_busy(SERVER_CORE)
    stop = asyncio.Event()
    sampler = asyncio.create_task(sample_rss(stop))
    started = clock()
    await asyncio.gather(*(worker(started + duration) for _ in range(concurrency)))
    elapsed = clock() - started
    stop.set()
    await sampler
    d_me, d_srv, d_fk = _cpu(me) - c_me, _cpu(srv) - c_srv, _cpu(fk) - c_fk
    other = max(0.0, (_core_busy(SERVER_CORE) - c_core - d_srv) / elapsed)
    return Run(server.name, kind, concurrency, len(latencies), errors, elapsed, latencies,
               d_srv / elapsed, d_me / elapsed, d_fk / elapsed, other)


async def settle(server: Server, *, quiet: float = 0.05, timeout: float = 5.0) -> None:
    """Wait until the server's work after the acks (replies, records) is done: its CPU goes idle."""
    ps = server.ps
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        before = _cpu(ps)
        await asyncio.sleep(0.1)
        if _cpu(ps) - before < quiet * 0.1:
            return


# --- the whole request-path benchmark ---------------------------------------------


@dataclass
class Row:
    kind: str
    concurrency: int
    runs: dict[str, list[Run]]  # server name -> its runs, in order

    def best(self, server: str) -> Run:
        """The run with the most requests/s: other work on a shared machine only ever slows a run
        down, so the best of alternating rounds is the least disturbed estimate."""
        return max(self.runs[server], key=lambda r: r.rps)

    def merged(self, server: str) -> Run:
        runs = self.runs[server]
        lat = [x for r in runs for x in r.latencies]
        elapsed = sum(r.elapsed for r in runs)
        w = [r.elapsed / elapsed for r in runs]
        return Run(server, self.kind, self.concurrency, sum(r.requests for r in runs), sum(r.errors for r in runs),
                   elapsed, lat, sum(r.server_cpu * x for r, x in zip(runs, w)),
                   sum(r.loadgen_cpu * x for r, x in zip(runs, w)), sum(r.fake_cpu * x for r, x in zip(runs, w)),
                   sum(r.server_core_other * x for r, x in zip(runs, w)))


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=1000, method="inclusive")[min(998, max(0, round(q * 1000) - 1))]


@dataclass
class RequestPathResult:
    rows: list[Row]
    servers: dict[str, Server]
    bot_module: str


async def request_path(*, duration: float, rounds: int, concurrencies: tuple[int, ...] = (1, 32),
                       kinds: tuple[str, ...] = KINDS, bot_module: str = "bot",
                       progress: Callable[[str], None] = lambda s: None) -> RequestPathResult:
    pinned = pin(0, LOAD_CORE)
    progress(f"load generator pinned to core {LOAD_CORE}" if pinned else "could not pin (fewer than 2 cores?)")
    fake = FakeSlack.start()
    servers: dict[str, Server] = {}
    rows: list[Row] = []
    async with AsyncExitStack() as stack:
        stack.callback(fake.stop)
        probe = await stack.enter_async_context(aiohttp.ClientSession())
        for name, module in (("bot", bot_module), ("bare", "bench.bare_app"), ("reply", "bench.reply_app")):
            server = await start_server(probe, name, module, fake)
            stack.callback(server.stop)
            servers[name] = server
            progress(f"{name} ({module}): /healthz after {server.healthy_after * 1000:.0f} ms, "
                     f"first answer after {server.answered_after * 1000:.0f} ms")
        loads = workloads(fake)
        for kind in kinds:
            for conc in concurrencies:
                row = Row(kind, conc, {name: [] for name in servers})
                connector = aiohttp.TCPConnector(limit=conc, limit_per_host=conc, keepalive_timeout=60)
                async with aiohttp.ClientSession(connector=connector) as session:
                    for name, server in servers.items():  # warm-up: connections, caches, the fake's message
                        wl = loads[kind]
                        await timed_run(session, server, fake, kind, prepare(wl.build(conc * 20)), conc,
                                        min(0.3, duration), unique=wl.unique)
                        await settle(server)
                    for _ in range(rounds):
                        for name, server in servers.items():
                            wl = loads[kind]
                            prepared = prepare(wl.build(int(MAX_RATE * duration)))
                            run = await timed_run(session, server, fake, kind, prepared, conc, duration,
                                                  unique=wl.unique)
                            row.runs[name].append(run)
                            await settle(server)
                            progress(f"{kind:<8} c={conc:<3} {name:<5} {run.rps:8.0f} req/s  "
                                     f"p50 {percentile(run.latencies, 0.5) * 1000:6.2f} ms  "
                                     f"p99 {percentile(run.latencies, 0.99) * 1000:6.2f} ms  "
                                     f"errors {run.errors}  cpu srv {run.server_cpu:4.0%} lg {run.loadgen_cpu:4.0%} "
                                     f"fake {run.fake_cpu:4.0%} core-{SERVER_CORE} other {run.server_core_other:4.0%}")
                rows.append(row)
        for server in servers.values():  # final high-water marks before stopping
            server.rss_samples.append(server.peak_rss())
    return RequestPathResult(rows, servers, bot_module)
