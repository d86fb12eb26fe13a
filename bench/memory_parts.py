"""Where the bot's memory goes: ``python -m bench.memory_parts [--seconds 2,4,2]``.

Starts one bot server (as ``bench.memory_phases`` does, the same load and fake
Slack) with a probe: after idling, then after commands, mentions and clicks at
concurrency 32, the server sums the Python objects each of its parts holds (the
in-process stores, the answerer's index and its per-word caches, the typo
corrector, the knowledge) and the allocator's figures. Prints one row per part
and one column per phase, in KiB. Sizes are ``sys.getsizeof`` summed over
everything reachable from the part, so an object two parts share counts in both.
Slower than a plain server (the walk runs between the phases, not during them).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import runpy
import signal
import sys
import tempfile
from pathlib import Path
from typing import Any

import aiohttp

from bench.load import LOAD_CORE, MAX_RATE, FakeSlack, pin, prepare, start_server, timed_run, workloads
from bench.memory_phases import PHASES, _status_kib

OUT_ENV = "BENCH_MEMORY_PARTS_OUT"  # set: this module is the probed server, writing here on SIGUSR1
PARTS = ("MemoryDeduper", "MemoryConversations", "MemoryUsageStore", "Index", "TypoCorrector", "Knowledge")
_SKIPPED = (type, type(sys), type(len), type(lambda: 0))  # classes, modules, functions: not a part's data


def reachable_size(root: object) -> int:
    """``sys.getsizeof`` summed over the objects reachable from ``root`` through containers,
    instance dicts and slots."""
    seen: set[int] = set()
    total = 0
    stack = [root]
    while stack:
        x = stack.pop()
        if id(x) in seen or isinstance(x, _SKIPPED):
            continue
        seen.add(id(x))
        total += sys.getsizeof(x)
        if isinstance(x, dict):
            stack.extend(x.keys())
            stack.extend(x.values())
        elif isinstance(x, (list, tuple, set, frozenset)) or type(x).__name__ == "deque":
            stack.extend(x)
        else:
            if hasattr(x, "__dict__"):
                stack.append(x.__dict__)
            for name in getattr(type(x), "__slots__", ()):
                if hasattr(x, name):
                    stack.append(getattr(x, name))
    return total


def measure() -> dict[str, int]:
    """The parts' sizes in bytes, the Index's attributes one by one, and the allocator's totals."""
    sizes: dict[str, int] = {}
    gc.unfreeze()  # the server freezes what start-up made (bot.heap): the parts are in there
    try:
        objects = gc.get_objects()
    finally:
        gc.freeze()
    for obj in objects:
        name = type(obj).__name__
        if name in PARTS:
            sizes[name] = sizes.get(name, 0) + reachable_size(obj)
            if name == "Index":
                for attr, value in vars(obj).items():
                    sizes[f"  Index.{attr}"] = reachable_size(value)
    del objects
    import bot.text
    sizes["word caches (entries)"] = sum(c.cache_info().currsize for c in bot.text._WORD_CACHES)
    sizes["allocated blocks (count)"] = sys.getallocatedblocks()
    return sizes


def serve() -> None:
    """The probed server: ``python -m bot`` with a SIGUSR1 handler that appends ``measure()``."""
    out = Path(os.environ[OUT_ENV])

    def on_signal(signum: int, frame: Any) -> None:
        with out.open("a") as f:
            f.write(json.dumps(measure()) + "\n")

    signal.signal(signal.SIGUSR1, on_signal)
    sys.argv = ["bot"]
    runpy.run_module("bot", run_name="__main__", alter_sys=True)


async def _probe(pid: int, out: Path, count: int) -> dict[str, int]:
    os.kill(pid, signal.SIGUSR1)
    for _ in range(600):  # the walk takes a second or two
        await asyncio.sleep(0.05)
        lines = out.read_text().splitlines() if out.exists() else []
        if len(lines) >= count:
            return json.loads(lines[count - 1])  # type: ignore[no-any-return]
    raise RuntimeError("the server did not answer the probe within 30 s")


async def main(seconds: dict[str, float]) -> None:
    pin(0, LOAD_CORE)
    fake = FakeSlack.start()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "parts.jsonl"
        os.environ[OUT_ENV] = str(out)
        try:
            async with aiohttp.ClientSession() as probe:
                server = await start_server(probe, "bot", __spec__.name, fake)  # type: ignore[name-defined]
            try:
                await asyncio.sleep(0.5)
                columns = [("idle", _status_kib(server.proc.pid, "VmRSS"), await _probe(server.proc.pid, out, 1))]
                loads = workloads(fake)
                for kind in PHASES:
                    connector = aiohttp.TCPConnector(limit=32, limit_per_host=32)
                    async with aiohttp.ClientSession(connector=connector) as session:
                        load = loads[kind]
                        await timed_run(session, server, fake, kind, prepare(load.build(int(MAX_RATE * seconds[kind]))),
                                        32, seconds[kind], unique=load.unique)
                    hwm = _status_kib(server.proc.pid, "VmHWM")
                    columns.append((f"after {kind}", hwm, await _probe(server.proc.pid, out, len(columns) + 1)))
            finally:
                server.stop()
        finally:
            os.environ.pop(OUT_ENV, None)
            fake.stop()
    names = list(dict.fromkeys(name for _, _, sizes in columns for name in sizes))
    print(f"{'KiB (counts as counts)':32}" + "".join(f"{title:>16}" for title, _, _ in columns))
    print(f"{'VmRSS idle, then VmHWM':32}" + "".join(f"{kib:16d}" for _, kib, _ in columns))
    for name in names:
        scale = 1 if "(" in name else 1024
        print(f"{name:32}" + "".join(f"{sizes.get(name, 0) // scale:16d}" for _, _, sizes in columns))


def cli() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.memory_parts", description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", default="2,4,2", help="seconds of commands, mentions, clicks (default 2,4,2)")
    args = parser.parse_args()
    asyncio.run(main(dict(zip(PHASES, (float(x) for x in args.seconds.split(","))))))


if __name__ == "__main__":
    if os.environ.get(OUT_ENV):
        serve()
    else:
        cli()
