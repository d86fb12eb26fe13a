"""The HTTP / Socket Mode server: listen, serve until SIGTERM or SIGINT, then finish what is in flight.

``bot.cli.serve`` picks the mode and starts reading the knowledge before importing this
module (aiohttp, Bolt and the rest of the bot take most of a start-up to import).
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import signal
import socket
from contextlib import AsyncExitStack

from aiohttp import web

from bot.config import Mode, Settings
from bot.errors import ConfigError
from bot.http import create_web_app
from bot.knowledge_process import KnowledgeChild
from bot.reload import reload_knowledge
from bot.runtime import SHUTDOWN_GRACE_SECONDS, Runtime, running_bot
from bot.slack_io import sdk_logger
from bot.startup_signals import StartupSignals

logger = logging.getLogger("bot")


class _Stop:
    """SIGTERM / SIGINT: ``event`` is set; while the bot is still starting (stores, auth.test),
    the start-up task is cancelled too, so a signal stops it promptly at any time."""

    def __init__(self, early: StartupSignals | None = None) -> None:
        self.event = asyncio.Event()
        self.starting: asyncio.Task[object] | None = asyncio.current_task()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            try:
                loop.add_signal_handler(sig, self.set)
            except (NotImplementedError, RuntimeError):  # pragma: no cover - non-Unix
                pass
        if early is not None and early.stop_requested:  # before the loop's handlers were in place
            self.event.set()

    def set(self) -> None:
        self.event.set()
        if self.starting is not None:
            self.starting.cancel()
            self.starting = None

    def started(self) -> None:
        """From here on, shutdown is the graceful path: finish the requests in flight."""
        self.starting = None

    async def race(self, task: asyncio.Task[None]) -> bool:
        """Wait for ``task`` or the stop signal: True if ``task`` finished (its error raised),
        False if stopped first (``task`` is then cancelled)."""
        stopping = asyncio.ensure_future(self.event.wait())
        try:
            await asyncio.wait({task, stopping}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            stopping.cancel()
        if task.done():
            task.result()
            return True
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        return False


def _reload_on_sighup(runtime: Runtime) -> None:
    loop = asyncio.get_running_loop()

    def reload() -> None:
        logger.info("SIGHUP: reloading the knowledge")
        runtime.services.spawn(reload_knowledge(runtime.services, runtime.settings), "knowledge reload")

    try:
        loop.add_signal_handler(signal.SIGHUP, reload)
    except (NotImplementedError, RuntimeError, AttributeError):  # pragma: no cover - non-Unix
        pass


async def serve(settings: Settings, knowledge: KnowledgeChild | None = None,
                early: StartupSignals | None = None) -> None:
    """Serve until SIGTERM or SIGINT (``early``: the handlers that recorded them until now)."""
    stop = _Stop(early)
    if stop.event.is_set():
        logger.info("stopped while starting")
        return
    try:
        await _serve(settings, stop, knowledge)
    except asyncio.CancelledError:
        if not stop.event.is_set():
            raise
        asyncio.current_task().uncancel()  # type: ignore[union-attr]
        logger.info("stopped while starting")


async def _serve(settings: Settings, stop: _Stop, knowledge: KnowledgeChild | None) -> None:
    async with AsyncExitStack() as stack:
        runtime = await stack.enter_async_context(running_bot(settings, knowledge=knowledge))
        _reload_on_sighup(runtime)
        web_app = runtime.web_app
        handler = None
        if settings.mode is Mode.SOCKET:
            from bot.socket_mode import CheckedSocketModeHandler, one_line_connect_failures

            handler = CheckedSocketModeHandler(runtime.bolt, settings.app_token, web_client=runtime.bolt.client,
                                               logger=one_line_connect_failures(sdk_logger("socket")),
                                               ping_interval=settings.socket_ping_interval)
            stack.push_async_callback(handler.close_async)
            client = handler.client

            async def health() -> tuple[bool, str]:
                connected = await client.is_connected()
                return connected, "socket connected" if connected else "socket down"

            web_app = create_web_app(runtime.bolt, health=health, stores=runtime.store_health, events=False)
        runner = web.AppRunner(web_app, shutdown_timeout=SHUTDOWN_GRACE_SECONDS, access_log=None)
        await runner.setup()
        stack.push_async_callback(runner.cleanup)
        await _listen(runner, settings)
        stop.started()
        if handler is not None:
            # /healthz answers (503 "socket down") while this connects; a signal stops it any time
            from bot.socket_mode import connect

            if not await stop.race(asyncio.create_task(connect(handler, settings), name="socket mode connect")):
                logger.info("shutting down before the Socket Mode connection was up")
                return
        logger.info("flaskvsdjango serving in %s mode on %s:%s", settings.mode.value, settings.host, settings.port)
        await stop.event.wait()
        logger.info("shutting down: finishing requests in flight")


async def _listen(runner: web.AppRunner, settings: Settings) -> None:
    """Start listening on HOST:PORT; a port taken or a host that is not this machine's is a ConfigError."""
    host, port = settings.host, settings.port
    try:
        await web.TCPSite(runner, host, port).start()
    except socket.gaierror as e:
        raise ConfigError("HOST", f"{host!r} is not an address or a host name that resolves here ({e.strerror}): "
                                  "set HOST to an interface address such as 0.0.0.0 (all) or 127.0.0.1") from None
    except OSError as e:
        if e.errno == errno.EADDRINUSE:
            raise ConfigError("PORT", f"{port} is already in use on {host}: stop the other process or set PORT to a free port") from None
        if e.errno == errno.EACCES:
            raise ConfigError("PORT", f"listening on port {port} needs privileges this process lacks: set PORT to 1024 or above") from None
        if e.errno == errno.EADDRNOTAVAIL:
            raise ConfigError("HOST", f"{host} is not an address of this machine: set HOST to one of its interface "
                                      "addresses, 0.0.0.0 (all) or 127.0.0.1") from None
        raise ConfigError("HOST", f"cannot listen on {host}:{port} ({e.strerror or e}): check HOST and PORT") from None


def new_event_loop() -> asyncio.AbstractEventLoop:
    try:
        import uvloop
    except ImportError:  # pragma: no cover - uvloop is a dependency on Linux and macOS
        return asyncio.new_event_loop()
    return uvloop.new_event_loop()
