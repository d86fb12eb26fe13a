"""What the serving process loads: every module it imports stays in its memory for good."""

import subprocess
import sys

HEAVY_FOR_TOOLS_ONLY = ("rich", "bot.console", "sqlalchemy", "redis", "snowballstemmer")


def test_python_m_bot_loads_no_terminal_or_database_library_it_does_not_use():
    """``python -m bot`` imports its sub-commands; their terminal rendering and the stores
    load only when used (the HTTP server with no DATABASE_URL / REDIS_URL needs none)."""
    code = (
        "import sys, bot.__main__, bot.runtime, bot.http\n"
        f"print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY_FOR_TOOLS_ONLY!r} "
        f"or m.startswith('bot.console'))))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert loaded == []
