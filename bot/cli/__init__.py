"""Sub-commands of ``python -m bot``: one module each, each with ``add_parser(sub)``."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping

from bot.knowledge import default_knowledge_dir

KNOWLEDGE_DIR_HELP = "knowledge folder (default: $KNOWLEDGE_DIR if set, as for the bot; else the repository's knowledge/)"


def knowledge_dir(given: Path | None, environ: Mapping[str, str] = os.environ) -> Path:
    """``--dir`` if given, else KNOWLEDGE_DIR (the folder the bot itself would load), else the repository's."""
    if given is not None:
        return given
    configured = (environ.get("KNOWLEDGE_DIR") or "").strip()
    return Path(configured) if configured else default_knowledge_dir()
