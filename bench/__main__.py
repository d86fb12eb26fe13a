"""``python -m bench``: the request path, the answerer, memory and start-up, in a few minutes.

    python -m bench                  # about 3 minutes on 2 cores
    python -m bench --quick          # CI smoke: under 40 s, same table, noisier figures
    python -m bench --patch fast_ack # run the bot through bench.patched_bot (see there)
    python -m bench --json out.json  # also write every figure as JSON

Everything listens on 127.0.0.1 and stops by itself. The last line is the summary.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import sys
import time
from dataclasses import asdict, dataclass
from typing import Any

import aiohttp
import slack_bolt
import slack_sdk

from bench import answerer as answerer_bench
from bench import load, memory
from bench.load import RequestPathResult, percentile

LOADGEN_LIMIT = 0.9  # core-1 CPU share above which the load generator, not the server, may be the limit


@dataclass(frozen=True)
class Target:
    name: str
    value: str
    goal: str
    met: bool


def _ms(x: float) -> str:
    return f"{x * 1000:.2f}"


def _cost(row: Any, server: str) -> float:
    """Server CPU µs per request, the least of the rounds: steadier than req/s on a shared machine."""
    return min(r.server_cpu / r.rps * 1e6 for r in row.runs[server] if r.rps)


def _speed(run: Any) -> str:
    """req/s, p50 and p99 of one run, in the tables' column widths."""
    return (f"{run.rps:>11.0f} {_ms(percentile(run.latencies, .5)):>7} "
            f"{_ms(percentile(run.latencies, .99)):>7}")


def request_table(result: RequestPathResult) -> tuple[list[str], dict[str, Any]]:
    lines = [
        "kind     conc |   bot req/s  p50 ms  p99 ms |  bare req/s  p50 ms  p99 ms | bot/bare | cpu bot  bare | cpu µs/req bot  bare | core-0 other | core-1 cpu | errors",
        "-" * 155,
    ]
    figures: dict[str, Any] = {}
    for row in result.rows:
        b, r = row.best("bot"), row.best("bare")
        ratio = b.rps / r.rps if r.rps else float("nan")
        core1 = max(b.loadgen_cpu + b.fake_cpu, r.loadgen_cpu + r.fake_cpu)
        flag = " LOAD-GEN LIMIT?" if core1 >= LOADGEN_LIMIT else ""
        lines.append(
            f"{row.kind:<8} {row.concurrency:>4} | {_speed(b)} | {_speed(r)} | {ratio:>7.2f}x | "
            f"{b.server_cpu:>6.0%} {r.server_cpu:>5.0%} | "
            f"{_cost(row, 'bot'):>14.0f} {_cost(row, 'bare'):>5.0f} | "
            f"{max(b.server_core_other, r.server_core_other):>12.0%} | {core1:>9.0%}{flag} | {b.errors + r.errors}"
        )
        figures[f"{row.kind}/c{row.concurrency}"] = {
            name: {"rps": m.rps, "p50_ms": percentile(m.latencies, .5) * 1000,
                   "p99_ms": percentile(m.latencies, .99) * 1000, "requests": m.requests, "errors": m.errors,
                   "server_cpu": m.server_cpu, "loadgen_cpu": m.loadgen_cpu, "fake_cpu": m.fake_cpu,
                   "server_core_other": m.server_core_other, "cpu_us_per_request": _cost(row, name),
                   "runs": [{"rps": x.rps, "p50_ms": percentile(x.latencies, .5) * 1000,
                             "p99_ms": percentile(x.latencies, .99) * 1000, "server_cpu": x.server_cpu,
                             "server_core_other": x.server_core_other} for x in row.runs[name]]}
            for name, m in (("bot", b), ("bare", r))
        } | {"ratio": ratio, "loadgen_limited": bool(flag)}
    return lines, figures


def reply_table(result: RequestPathResult) -> tuple[list[str], dict[str, Any]]:
    """The bot against ``bench.reply_app``: a bare Bolt app sending the same replies (no target; for planning)."""
    lines = [
        "against a bare Bolt app that sends the bot's replies (bench.reply_app; informational, no target):",
        "kind     conc |   bot req/s  p50 ms  p99 ms | reply req/s  p50 ms  p99 ms | bot/reply | cpu µs/req bot  reply | errors",
        "-" * 113,
    ]
    figures: dict[str, Any] = {}
    for row in result.rows:
        b, r = row.best("bot"), row.best("reply")
        ratio = b.rps / r.rps if r.rps else float("nan")
        lines.append(
            f"{row.kind:<8} {row.concurrency:>4} | {_speed(b)} | {_speed(r)} | {ratio:>8.2f}x | {_cost(row, 'bot'):>14.0f} "
            f"{_cost(row, 'reply'):>6.0f} | {r.errors}"
        )
        figures[f"{row.kind}/c{row.concurrency}"] = {
            "rps": r.rps, "p50_ms": percentile(r.latencies, .5) * 1000, "p99_ms": percentile(r.latencies, .99) * 1000,
            "requests": r.requests, "errors": r.errors, "cpu_us_per_request": _cost(row, "reply"), "bot_ratio": ratio,
        }
    return lines, figures


def targets(req: RequestPathResult | None, ans: list[answerer_bench.AnswererResult] | None,
            starts: list[memory.Startup] | None) -> list[Target]:
    out: list[Target] = []
    if req is not None:
        for row in req.rows:
            b, r = row.best("bot"), row.best("bare")
            ratio = b.rps / r.rps if r.rps else 0.0
            out.append(Target(f"throughput {row.kind} c={row.concurrency}", f"{ratio:.2f}x bare", ">= 1.0x",
                              ratio >= 1.0))
            if row.concurrency == 1:
                p50 = percentile(b.latencies, .5) * 1000
                out.append(Target(f"p50 ack {row.kind} c=1", f"{p50:.2f} ms", "< 2 ms", p50 < 2))
            if row.concurrency == 32:
                p99 = percentile(b.latencies, .99) * 1000
                out.append(Target(f"p99 ack {row.kind} c=32", f"{p99:.2f} ms", "< 20 ms", p99 < 20))
        bot_rss, bare_rss = req.servers["bot"].peak_rss(), req.servers["bare"].peak_rss()
        ratio = bot_rss / bare_rss if bare_rss else float("inf")
        out.append(Target("peak RSS under load", f"{bot_rss / 2**20:.1f} MiB = {ratio:.2f}x bare "
                          f"({bare_rss / 2**20:.1f} MiB)", "<= 1.2x", ratio <= 1.2))
    if ans is not None:
        for a in ans:
            if a.label == "shipped":
                out.append(Target("answerer, shipped knowledge", f"{a.us_per_question:.1f} µs/q", "< 50 µs",
                                  a.us_per_question < 50))
            elif a.topics >= 100_000:
                out.append(Target(f"answerer, {a.topics:,} topics", f"{a.us_per_question:.1f} µs/q", "< 1 ms",
                                  a.us_per_question < 1000))
        synth = [a for a in ans if a.label != "shipped"]
        if len(synth) >= 2:
            lo, hi = synth[0], synth[-1]
            growth = hi.us_per_question / lo.us_per_question
            topics = hi.topics / lo.topics
            out.append(Target(f"answerer growth {lo.topics:,} -> {hi.topics:,} topics",
                              f"{growth:.2f}x time for {topics:.0f}x topics", "sub-linear", growth < topics / 2))
    if starts is not None:
        for s in starts:
            if s.name == "bot":
                out.append(Target("first answer after start", f"{s.first_answer_ms:.0f} ms (worst "
                                  f"{s.worst_first_answer_ms:.0f})", "< 1500 ms", s.worst_first_answer_ms < 1500))
    return out


def machine() -> str:
    import uvloop

    return (f"{os.cpu_count()} cores ({platform.processor() or platform.machine()}), {platform.system()} "
            f"{platform.release()}, Python {platform.python_version()}, slack-bolt {slack_bolt.version.__version__}, "
            f"slack-sdk {slack_sdk.version.__version__}, aiohttp {aiohttp.__version__}, uvloop {uvloop.__version__}")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="CI smoke run (under 40 s): short runs, no 100k topics")
    p.add_argument("--duration", type=float, help="seconds per timed run (default 2, quick 0.4)")
    p.add_argument("--rounds", type=int, help="A B rounds per kind and concurrency (default 3, quick 1)")
    p.add_argument("--sizes", help="synthetic knowledge sizes, comma-separated (default 1000,10000,100000)")
    p.add_argument("--patch", default="", help="changes bench.patched_bot applies to the bot: "
                   "fast_ack,shared_session (default: none, run `python -m bot` as shipped)")
    p.add_argument("--kinds", default=",".join(load.KINDS), help="request kinds, comma-separated")
    p.add_argument("--only", default="request,answerer,startup", help="parts to run, comma-separated")
    p.add_argument("--json", help="write all figures to this file")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    duration = args.duration or (0.4 if args.quick else 2.0)
    rounds = args.rounds or (1 if args.quick else 3)
    sizes = tuple(int(s) for s in (args.sizes or ("1000,10000" if args.quick else "1000,10000,100000")).split(","))
    parts = {p.strip() for p in args.only.split(",")}
    bot_module = "bot"
    if args.patch:
        os.environ["BENCH_PATCHES"] = args.patch
        bot_module = "bench.patched_bot"

    def progress(line: str) -> None:
        print(f"  {line}", file=sys.stderr, flush=True)

    started = time.perf_counter()
    req = ans = starts = None
    try:
        import uvloop

        run = uvloop.run
    except ImportError:  # pragma: no cover
        run = asyncio.run
    if "startup" in parts:
        starts = run(memory.startup({"bot": bot_module, "bare": "bench.bare_app"},
                                    repeats=1 if args.quick else 3, progress=progress))
    if "request" in parts:
        kinds = tuple(k.strip() for k in args.kinds.split(",") if k.strip())
        req = run(load.request_path(duration=duration, rounds=rounds, bot_module=bot_module, kinds=kinds,
                                    progress=progress))
    if "answerer" in parts:
        load.pin(0, load.SERVER_CORE)  # the answerer gets the server's core, alone
        ans = answerer_bench.run(sizes, min_seconds=0.1 if args.quick else 0.3, progress=progress)

    out: list[str] = [f"machine: {machine()}",
                      f"bot: python -m {bot_module}" + (f" (BENCH_PATCHES={args.patch})" if args.patch else ""),
                      f"runs: {duration:g} s each, {rounds} A/B round(s), best round shown; server on core {load.SERVER_CORE}, "
                      f"load generator and fake Slack on core {load.LOAD_CORE}", ""]
    figures: dict[str, Any] = {"machine": machine(), "bot_module": bot_module, "patches": args.patch,
                               "duration": duration, "rounds": rounds}
    if req is not None:
        lines, figures["request_path"] = request_table(req)
        out += lines + [""]
        if "reply" in req.servers:
            lines, figures["reply_baseline"] = reply_table(req)
            out += lines + [""]
        out.append(f"peak RSS under load: bot {req.servers['bot'].peak_rss() / 2**20:.1f} MiB, "
                   f"bare {req.servers['bare'].peak_rss() / 2**20:.1f} MiB")
    if starts is not None:
        for s in starts:
            out.append(f"start-up {s.name:<5}: /healthz {s.healthy_ms:.0f} ms, first answer {s.first_answer_ms:.0f} ms "
                       f"(median; worst {s.worst_first_answer_ms:.0f} ms)")
        figures["startup"] = [asdict(s) for s in starts]
    if ans is not None:
        out += ["", "answerer           topics  questions    µs/q   p99 µs   ops/q  build s"]
        for a in ans:
            out.append(f"{a.label:<18} {a.topics:>6} {a.questions:>10} {a.us_per_question:>7.1f} {a.p99_us:>8.1f} "
                       f"{a.operations:>7.1f} {a.build_seconds:>8.2f}")
        figures["answerer"] = [asdict(a) for a in ans]
    goals = targets(req, ans, starts)
    out += ["", "target                                  value                                   goal        met"]
    for t in goals:
        out.append(f"{t.name:<39} {t.value:<39} {t.goal:<11} {'yes' if t.met else 'NO'}")
    figures["targets"] = [asdict(t) for t in goals]
    met = sum(t.met for t in goals)
    missed = [t.name for t in goals if not t.met]
    elapsed = time.perf_counter() - started
    summary = (f"bench: {met}/{len(goals)} targets met in {elapsed:.0f} s"
               + (f"; missed: {', '.join(missed)}" if missed else ""))
    out += ["", summary]
    print("\n".join(out), flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(figures, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
