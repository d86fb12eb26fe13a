"""Keep the garbage collector off the long-lived heap.

The knowledge, its index, the Bolt app and every imported module live as long
as the process (or until a knowledge reload). Left in the collector's oldest
generation, each full collection walks all of them again, on the event loop,
in the middle of someone's request. ``settle()`` collects once and moves
everything alive into the permanent generation (``gc.freeze()``), so later
collections only walk objects made while serving.
"""

from __future__ import annotations

import gc

__all__ = ["settle"]


def settle() -> None:
    """Collect, then freeze what is left. Call after start-up and after a knowledge reload.

    Unfreezing first lets a reload's collection free the brain it replaced.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()
