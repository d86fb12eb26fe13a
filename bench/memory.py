"""Start-up and memory: time from spawn to the first answer, and peak RSS under load.

Peak RSS comes from the request-path runs (``bench.load`` samples the server's
RSS every 50 ms with psutil and reads the kernel's VmHWM at the end). Start-up
is measured on fresh processes, several times each, alternating bot and bare:
spawn -> ``GET /healthz`` answers 200 (polled every 5 ms) -> a signed slash
command is answered. The servers start on any core, as on a real host (the load
runs pin them): the bot reads its knowledge in a child process on the other core
while it imports (BENCHMARKS.md, change 26).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

import aiohttp

from bench.load import FakeSlack, Server, pin, LOAD_CORE, start_server


@dataclass(frozen=True)
class Startup:
    name: str
    healthy_ms: float       # median spawn -> /healthz 200
    first_answer_ms: float  # median spawn -> first answered slash command
    worst_first_answer_ms: float


def kill(server: Server) -> None:
    """Start-up probes need no graceful shutdown."""
    if server.proc.poll() is None:
        server.proc.kill()
        server.proc.wait()


async def startup(modules: dict[str, str], *, repeats: int = 3, progress=lambda s: None) -> list[Startup]:  # type: ignore[no-untyped-def]
    pin(0, LOAD_CORE)
    fake = FakeSlack.start()
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in modules}
    try:
        async with aiohttp.ClientSession() as session:
            for _ in range(repeats):
                for name, module in modules.items():
                    server = await start_server(session, name, module, fake, core=None)
                    kill(server)
                    times[name].append((server.healthy_after, server.answered_after))
                    progress(f"start-up {name:<5} /healthz {server.healthy_after * 1000:5.0f} ms, "
                             f"first answer {server.answered_after * 1000:5.0f} ms")
    finally:
        fake.stop()
    return [
        Startup(name, statistics.median(h for h, _ in ts) * 1000, statistics.median(a for _, a in ts) * 1000,
                max(a for _, a in ts) * 1000)
        for name, ts in times.items()
    ]
