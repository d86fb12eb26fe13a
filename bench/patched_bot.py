"""``python -m bot`` with changes not yet in ``bot.app.create_app``, to measure them first.

Only the benchmark runs this (``python -m bench --patch fast_ack,shared_session``).
``BENCH_PATCHES`` (comma-separated) picks the changes:

* ``fast_ack``: ``bot.fast_ack.install(app)`` (a no-op once create_app calls it).
* ``shared_session``: the app's ``AsyncWebClient`` reuses the runtime's aiohttp
  session (``services.session``) instead of opening a session and a TCP
  connection for every Web API call.
* ``gc_freeze``: ``gc.freeze()`` once the knowledge and the app are built, so
  the collector stops re-scanning the index's long-lived objects.
"""

from __future__ import annotations

import gc
import os
import sys

import bot.app
import bot.runtime
from bot import fast_ack

PATCHES = frozenset(p.strip() for p in os.environ.get("BENCH_PATCHES", "fast_ack").split(",") if p.strip())
KNOWN = {"fast_ack", "shared_session", "gc_freeze"}

_create_app = bot.app.create_app


def _create_app_patched(settings, services, **oauth):  # type: ignore[no-untyped-def]
    app = _create_app(settings, services, **oauth)
    if "fast_ack" in PATCHES:
        fast_ack.install(app)
    if "shared_session" in PATCHES and app.client.session is None:
        app.client.session = services.session
    if "gc_freeze" in PATCHES:
        gc.collect()
        gc.freeze()
    return app


bot.runtime.create_app = _create_app_patched  # running_bot imported the name

if __name__ == "__main__":
    unknown = PATCHES - KNOWN
    if unknown:
        sys.exit(f"bench.patched_bot: unknown BENCH_PATCHES {sorted(unknown)}; known: {sorted(KNOWN)}")
    from bot.__main__ import main

    sys.exit(main())
