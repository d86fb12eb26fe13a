"""Peak memory step by step: ``python -m bench.memory_phases [--servers 3] [--seconds 2,4,2]``.

For the servers under test (default: the bot and bare Bolt), each started fresh
``--servers`` times in turn: RSS when idle, then the kernel's high-water mark
(VmHWM) after commands, mentions and clicks at concurrency 32, from the same
load generator and fake Slack as ``python -m bench``. Prints every server's
figures and the medians, in MiB. Quicker and steadier than the full benchmark
for a before/after on memory alone (BENCHMARKS.md, changes 19-25).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
from pathlib import Path

import aiohttp

from bench.load import LOAD_CORE, MAX_RATE, FakeSlack, pin, prepare, start_server, timed_run, workloads

PHASES = ("command", "mention", "click")


def _status_kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/{pid}/status (Linux only)")


async def one_server(fake: FakeSlack, module: str, seconds: dict[str, float]) -> list[int]:
    """[idle RSS, VmHWM after each phase] in KiB, for one fresh ``python -m module``."""
    async with aiohttp.ClientSession() as probe:
        server = await start_server(probe, module, module, fake)
    try:
        await asyncio.sleep(0.5)
        figures = [_status_kib(server.proc.pid, "VmRSS")]
        loads = workloads(fake)
        for kind in PHASES:
            connector = aiohttp.TCPConnector(limit=32, limit_per_host=32)
            async with aiohttp.ClientSession(connector=connector) as session:
                load = loads[kind]
                duration = seconds[kind]
                await timed_run(session, server, fake, kind, prepare(load.build(int(MAX_RATE * duration))), 32,
                                duration, unique=load.unique)
            figures.append(_status_kib(server.proc.pid, "VmHWM"))
        return figures
    finally:
        server.stop()


async def main(modules: list[str], servers: int, seconds: dict[str, float]) -> None:
    pin(0, LOAD_CORE)
    fake = FakeSlack.start()
    results: dict[str, list[list[int]]] = {m: [] for m in modules}
    try:
        for _ in range(servers):
            for module in modules:  # alternating, like the benchmark
                results[module].append(await one_server(fake, module, seconds))
    finally:
        fake.stop()
    header = "".join(f"{h:>16}" for h in ("idle RSS", *(f"after {k}" for k in PHASES)))
    for module, rows in results.items():
        print(f"{module}  (MiB; VmHWM after each phase at concurrency 32)")
        print(f"{'':8}{header}")
        for row in rows:
            print(f"{'':8}" + "".join(f"{kib / 1024:16.2f}" for kib in row))
        medians = [statistics.median(col) / 1024 for col in zip(*rows)]
        print(f"{'median':8}" + "".join(f"{m:16.2f}" for m in medians))


def cli() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.memory_phases", description=__doc__.split("\n\n")[0])
    parser.add_argument("--modules", default="bot,bench.bare_app", help="servers to start (python -m MODULE)")
    parser.add_argument("--servers", type=int, default=3, help="fresh servers per module (default 3)")
    parser.add_argument("--seconds", default="2,4,2", help="seconds of commands, mentions, clicks (default 2,4,2)")
    args = parser.parse_args()
    seconds = dict(zip(PHASES, (float(x) for x in args.seconds.split(","))))
    asyncio.run(main(args.modules.split(","), args.servers, seconds))


if __name__ == "__main__":
    cli()
