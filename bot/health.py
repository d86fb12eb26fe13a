"""What ``GET /healthz`` reports about the external stores (Redis, the SQL database).

``StoreHealth(stores, database_required=...)()`` pings each store the deployment
uses (``REDIS_URL``, ``DATABASE_URL`` or OAuth's database) and returns a
``StoresReport``: each store's state, ``"ok"`` or ``"unreachable"``. In-process
stores are not listed: they are up whenever the process answers.

How a store being down counts:

* Redis, or the database of usage records: the bot still answers (de-duplication
  fails open, usage records are logged and dropped), so ``/healthz`` stays 200
  and says ``degraded``: a monitor can alert while the load balancer keeps the
  replica.
* The database in OAuth mode: every request needs an installation's token from it,
  so the bot cannot answer anyone; ``/healthz`` is 503.

The JSON says only "unreachable", never why: ``/healthz`` is public, and the
reason may name internal hosts. The reason is logged when a store goes down
(WARNING) and when it is back (INFO), once per change, not once per check.

Checks are bounded: each ping has ``timeout`` seconds, a report is reused for
``cache_seconds``, and callers arriving while a check runs share it, so a burst
of ``/healthz`` requests costs one ping per store.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import TYPE_CHECKING, Awaitable, Callable, NamedTuple

if TYPE_CHECKING:
    from bot.stores.factory import Stores

logger = logging.getLogger("bot.health")

OK = "ok"
UNREACHABLE = "unreachable"
PING_TIMEOUT_SECONDS = 2.0
CACHE_SECONDS = 5.0

Ping = Callable[[], Awaitable[None]]


class StoresReport(NamedTuple):
    states: dict[str, str]  # "redis" / "database" -> OK or UNREACHABLE
    required_down: tuple[str, ...] = ()  # stores down without which nothing can be answered

    @property
    def down(self) -> tuple[str, ...]:
        return tuple(name for name, state in self.states.items() if state != OK)


class StoreHealth:
    """Ping the deployment's external stores (see the module docstring)."""

    def __init__(self, stores: Stores, *, database_required: bool = False, timeout: float = PING_TIMEOUT_SECONDS,
                 cache_seconds: float = CACHE_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self._pings: dict[str, Ping] = {}
        self._required: frozenset[str] = frozenset()
        redis_ping = getattr(stores.deduper, "ping", None)  # RedisDeduper; MemoryDeduper has none
        if redis_ping is not None:
            self._pings["redis"] = redis_ping
        if stores.engine is not None:
            from bot.stores.sql import check_connection

            engine = stores.engine
            self._pings["database"] = lambda: check_connection(engine)
            if database_required:
                self._required = frozenset({"database"})
        self._timeout = timeout
        self._cache_seconds = cache_seconds
        self._clock = clock
        self._last: tuple[float, StoresReport] | None = None
        self._running: asyncio.Task[StoresReport] | None = None
        self._states: dict[str, str] = {}  # the last state of each store, for logging changes only

    @property
    def watched(self) -> tuple[str, ...]:
        return tuple(self._pings)

    async def __call__(self) -> StoresReport:
        if not self._pings:
            return StoresReport({})
        if self._last is not None and self._clock() - self._last[0] < self._cache_seconds:
            return self._last[1]
        if self._running is None or self._running.done():  # done: its report, stale now, is in _last
            self._running = asyncio.create_task(self._check(), name="store health check")
        # shielded: a /healthz request that is cancelled (client gone) leaves the check to the others
        return await asyncio.shield(self._running)

    async def _check(self) -> StoresReport:
        names = list(self._pings)
        results = await asyncio.gather(*(self._ping(name) for name in names))
        states = dict(zip(names, results))
        report = StoresReport(states, tuple(n for n in names if n in self._required and states[n] != OK))
        self._last = (self._clock(), report)
        return report

    async def _ping(self, name: str) -> str:
        try:
            await asyncio.wait_for(self._pings[name](), self._timeout)
        except Exception as exc:  # noqa: BLE001 - whatever the failure, the store is not usable now
            reason = f"no answer in {self._timeout:g} s" if isinstance(exc, asyncio.TimeoutError) else str(exc)
            if self._states.get(name) != UNREACHABLE:
                logger.warning("health check: %s is unreachable (%s)", name, reason or type(exc).__name__)
            self._states[name] = UNREACHABLE
            return UNREACHABLE
        if self._states.get(name) == UNREACHABLE:
            logger.info("health check: %s is reachable again", name)
        self._states[name] = OK
        return OK
