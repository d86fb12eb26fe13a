"""Pick up edits to ``knowledge/`` without a restart (SIGHUP, or KNOWLEDGE_RELOAD=1).

A reload builds a whole new ``Brain`` off the event loop and swaps it in at
once; a broken edit is logged with its validation error and the last good
knowledge keeps serving.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from bot import heap
from bot.config import Settings
from bot.errors import KnowledgeError
from bot.knowledge import SECTIONS_FILE
from bot.knowledge_process import KnowledgeChild
from bot.responses import Brain
from bot.services import Services

logger = logging.getLogger(__name__)

WATCH_INTERVAL_SECONDS = 1.0


def load_brain(settings: Settings, child: KnowledgeChild | None = None) -> Brain:
    """The knowledge (read in a child process: ``bot.knowledge_process``; ``child`` when the
    caller started it already) and its index."""
    return Brain.build((child or KnowledgeChild(settings.knowledge_path)).result(), serving=True)


async def reload_knowledge(services: Services, settings: Settings) -> bool:
    """Reload and swap; False (and the old knowledge kept) when the files do not validate."""
    try:
        brain = await asyncio.to_thread(load_brain, settings)
    except KnowledgeError as e:
        logger.error("knowledge reload failed; still serving the last good knowledge: %s", e)
        return False
    except Exception:
        logger.exception("knowledge reload failed; still serving the last good knowledge")
        return False
    services.brain = brain
    heap.settle()
    logger.info("knowledge reloaded: %d topics", len(brain.knowledge.topics))
    return True


def snapshot(directory: Path) -> tuple[tuple[str, int, int], ...]:
    """What changes when a knowledge file (or the list of the guide's sections) is edited, added or removed."""
    entries = []
    for path in sorted([*directory.glob("*.yaml"), directory / SECTIONS_FILE]):
        try:
            stat = path.stat()
        except FileNotFoundError:
            continue
        entries.append((path.name, stat.st_mtime_ns, stat.st_size))
    return tuple(entries)


async def watch_knowledge(services: Services, settings: Settings, interval: float = WATCH_INTERVAL_SECONDS) -> None:
    """Poll the knowledge files' sizes and times; reload when they change (KNOWLEDGE_RELOAD=1)."""
    directory = settings.knowledge_path
    seen = snapshot(directory)
    logger.info("watching %s for knowledge changes", directory)
    while True:
        await asyncio.sleep(interval)
        current = snapshot(directory)
        if current != seen:
            seen = current
            await reload_knowledge(services, settings)
