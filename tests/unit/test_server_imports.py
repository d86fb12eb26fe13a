"""What the serving process loads: every module it imports stays in its memory for good."""

import subprocess
import sys

HEAVY_FOR_TOOLS_ONLY = ("rich", "bot.console", "sqlalchemy", "redis", "snowballstemmer",
                        "yaml", "bot.knowledge_schema", "bot.knowledge_files",  # the knowledge is read in a child
                        "bot.report", "bot.cli.ask", "bot.cli.kb", "bot.cli.report")  # the tools: imported when run


def test_python_m_bot_loads_no_terminal_or_database_library_it_does_not_use():
    """``python -m bot`` with no sub-command imports none of the tools; their terminal rendering,
    the stores and the YAML reader load only when used (the HTTP server with no DATABASE_URL /
    REDIS_URL needs none, and reads its knowledge in a child process)."""
    code = (
        "import sys, bot.__main__, bot.runtime, bot.http, bot.cli.serve, bot.server\n"
        f"print(' '.join(sorted(m for m in sys.modules if {{m, m.split('.')[0]}} & set({HEAVY_FOR_TOOLS_ONLY!r}) "
        f"or m.startswith('bot.console'))))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert loaded == []


def test_building_the_app_reads_no_source_files():
    """Bolt names an unnamed app after its caller's file with ``inspect.stack()``, which reads the
    source of every file on the stack into ``linecache`` for good; the bot names its app."""
    code = (
        "import linecache\n"
        "from bot.app import APP_NAME, create_app\n"
        "from bot.config import load_settings\n"
        "from bot.knowledge import default_knowledge_dir, load_knowledge\n"
        "from bot.responses import Brain\n"
        "from bot.services import Services\n"
        "from bot.stores.memory import MemoryDeduper, MemoryUsageStore\n"
        "settings = load_settings({'SLACK_BOT_TOKEN': 'xoxb-test', 'SLACK_SIGNING_SECRET': 's'})\n"
        "services = Services(brain=Brain.build(load_knowledge(default_knowledge_dir())),\n"
        "                    deduper=MemoryDeduper(ttl_seconds=60), usage=MemoryUsageStore())\n"
        "linecache.clearcache()\n"
        "app = create_app(settings, services)\n"
        "assert app.name == APP_NAME, app.name\n"
        "print(len(linecache.cache))\n"
    )
    cached = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert cached == ["0"]


def test_the_functional_core_imports_no_slack_network_or_storage_library():
    """The pure modules (knowledge, matching, follow-ups, scoring, Block Kit) load without Bolt,
    the Slack SDK, aiohttp, asyncio or a store, so they are tested and reasoned about without any server."""
    core = ("bot.knowledge", "bot.matching", "bot.followups", "bot.intents", "bot.recommend", "bot.responses",
            "bot.blocks", "bot.payloads", "bot.report", "bot.synthetic", "bot.form")
    shell = ("slack_bolt", "slack_sdk", "aiohttp", "asyncio", "redis", "sqlalchemy")
    code = (f"import sys, importlib\nfor m in {core!r}: importlib.import_module(m)\n"
            f"print(' '.join(sorted({{m.split('.')[0] for m in sys.modules}} & set({shell!r}))))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert loaded == []
