"""Settings read from the environment once, validated, and frozen.

``load_settings(environ)`` never raises anything but ``ConfigError``, whose
message is one line saying which variable to set and how.
"""

from __future__ import annotations

import os
import re
from enum import Enum
from pathlib import Path
from typing import Mapping, NamedTuple
from urllib.parse import urlsplit

from bot.errors import ConfigError
from bot.knowledge import default_knowledge_dir

DEFAULT_SLACK_API_URL = "https://slack.com/api/"
# Listener runs still working after their ack (sending the reply) before the next ack waits
# (backpressure, bot.fast_ack). Each holds ~28 KB (the request, its context, the reply and its
# HTTP exchange) while Slack answers its Web API call, so under load with a slow Slack they all
# fill up: 100 cost ~2 MB more than 32 at the benchmark's peak, and 32 ~0.4 MB more than 16, with
# the same mention throughput (BENCHMARKS.md, the nineteenth session). 16 replies in flight is more
# than Slack's own rate limits let one workspace use (chat.postMessage: about one a second per
# channel); a deployment serving many busy workspaces from one process may want more.
DEFAULT_MAX_IN_FLIGHT = 16


class Mode(str, Enum):
    HTTP = "http"              # single workspace: SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET
    OAUTH = "oauth"            # many workspaces: SLACK_CLIENT_ID + SLACK_CLIENT_SECRET + SLACK_SIGNING_SECRET
    SOCKET = "socket"          # SLACK_APP_TOKEN + SLACK_BOT_TOKEN
    CONSOLE = "console"        # no Slack credentials at all


class Settings(NamedTuple):
    mode: Mode
    bot_token: str | None = None
    signing_secret: str | None = None
    app_token: str | None = None
    client_id: str | None = None
    client_secret: str | None = None
    redirect_uri: str | None = None         # OAuth mode: the public URL of /slack/oauth_redirect, sent to Slack
    slack_api_url: str = DEFAULT_SLACK_API_URL
    host: str = "0.0.0.0"
    port: int = 3000
    knowledge_dir: Path | None = None       # None: the repo's knowledge/
    knowledge_reload: bool = False          # KNOWLEDGE_RELOAD=1 watches the files
    database_url: str | None = None         # None: no SQL store (in-process records) unless OAuth needs one
    redis_url: str | None = None            # None: in-process event de-duplication
    retention_days: int = 90                # usage records older than this are purged
    dedupe_ttl_seconds: int = 600
    follow_up_ttl_seconds: int = 3600       # how long "and django?" can refer to a conversation's last question; 0: never
    redis_key_prefix: str = "fvd:"          # before every de-dup key in Redis: one per deployment sharing a database
    socket_ping_interval: int = 10          # seconds between Socket Mode pings; a silent socket is replaced after ~2 of them
    max_in_flight: int = DEFAULT_MAX_IN_FLIGHT  # replies still being sent before the next ack waits
    log_level: str = "INFO"
    command: str = "/flaskvsdjango"

    @property
    def knowledge_path(self) -> Path:
        """The knowledge folder to read: KNOWLEDGE_DIR, else the repository's ``knowledge/``."""
        return self.knowledge_dir or default_knowledge_dir()


_TOKEN_PATTERNS = {
    "SLACK_BOT_TOKEN": ("xoxb-", "a bot token that starts with xoxb- (OAuth & Permissions page)"),
    "SLACK_APP_TOKEN": ("xapp-", "an app-level token that starts with xapp- (Basic Information › App-Level Tokens, scope connections:write)"),
}


def _get(environ: Mapping[str, str], name: str) -> str | None:
    value = environ.get(name)
    if value is None:
        return None
    value = value.strip()
    return value or None


def _int(environ: Mapping[str, str], name: str, default: int, lo: int, hi: int) -> int:
    raw = _get(environ, name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(name, f"expected a whole number between {lo} and {hi}, got {raw!r}") from None
    if not lo <= value <= hi:
        raise ConfigError(name, f"expected a whole number between {lo} and {hi}, got {value}")
    return value


_YES, _NO = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


def _bool(environ: Mapping[str, str], name: str) -> bool:
    raw = (_get(environ, name) or "0").lower()
    if raw in _YES:
        return True
    if raw in _NO:
        return False
    raise ConfigError(name, f"expected {' / '.join(_YES)} to turn it on or {' / '.join(_NO)} to turn it off, "
                            f"got {raw!r}")


def _token(environ: Mapping[str, str], name: str) -> str | None:
    value = _get(environ, name)
    if value is None:
        return None
    prefix, what = _TOKEN_PATTERNS[name]
    if not value.startswith(prefix) or not re.fullmatch(r"[A-Za-z0-9-]+", value):
        raise ConfigError(name, f"expected {what}; the value set does not look like one")
    return value


DATABASE_SCHEMES = ("sqlite", "sqlite+aiosqlite", "postgres", "postgresql", "postgresql+asyncpg")


def check_url(name: str, value: str, schemes: tuple[str, ...]) -> str:
    """``value`` if it starts with one of ``schemes`` + "://"; else a ConfigError naming ``name``."""
    scheme = value.split("://", 1)[0].lower() if "://" in value else ""
    if scheme not in schemes:
        shown = _PASSWORD.sub(r"\1***@", value)
        raise ConfigError(name, f"expected a URL starting with {' or '.join(s + '://' for s in schemes)}, got {shown!r}")
    if scheme in ("http", "https") and not urlsplit(value).hostname:
        raise ConfigError(name, f"expected a URL with a host, like {scheme}://example.com/, got {value!r}")
    return value


_PASSWORD = re.compile(r"(://[^:/@]*:)[^@/]*@")  # user:password@ in a URL: errors show user:***@


def _url(environ: Mapping[str, str], name: str, default: str | None, schemes: tuple[str, ...]) -> str | None:
    value = _get(environ, name)
    return default if value is None else check_url(name, value, schemes)


_KEY_PREFIX = re.compile(r"[!-~]{1,64}")  # printable ASCII, no spaces


def _key_prefix(environ: Mapping[str, str], name: str, default: str) -> str:
    value = _get(environ, name)
    if value is None:
        return default
    if not _KEY_PREFIX.fullmatch(value):
        raise ConfigError(name, f"expected 1-64 printable ASCII characters without spaces (e.g. 'fvd-staging:'), got {value!r}")
    return value


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    env = os.environ if environ is None else environ
    bot_token = _token(env, "SLACK_BOT_TOKEN")
    app_token = _token(env, "SLACK_APP_TOKEN")
    signing_secret = _get(env, "SLACK_SIGNING_SECRET")
    client_id = _get(env, "SLACK_CLIENT_ID")
    client_secret = _get(env, "SLACK_CLIENT_SECRET")

    if bot_token and (client_id or client_secret):
        # Bolt reads SLACK_CLIENT_ID/SECRET from the environment by itself and would switch every
        # request to OAuth installations the one-workspace app does not have.
        raise ConfigError(
            "SLACK_CLIENT_ID" if client_id else "SLACK_CLIENT_SECRET",
            "is set together with SLACK_BOT_TOKEN: unset SLACK_CLIENT_ID and SLACK_CLIENT_SECRET for one "
            "workspace (HTTP or Socket Mode), or unset SLACK_BOT_TOKEN for the multi-workspace (OAuth) install",
        )
    if app_token:
        if not bot_token:
            raise ConfigError("SLACK_BOT_TOKEN", "Socket Mode (SLACK_APP_TOKEN is set) also needs the bot token (xoxb-...)")
        mode = Mode.SOCKET
    elif bot_token:
        if not signing_secret:
            raise ConfigError("SLACK_SIGNING_SECRET", "HTTP mode needs the signing secret (Basic Information › App Credentials), or set SLACK_APP_TOKEN for Socket Mode")
        mode = Mode.HTTP
    elif client_id or client_secret:
        for name, value in (("SLACK_CLIENT_ID", client_id), ("SLACK_CLIENT_SECRET", client_secret), ("SLACK_SIGNING_SECRET", signing_secret)):
            if not value:
                raise ConfigError(name, "a multi-workspace (OAuth) install needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_SIGNING_SECRET")
        mode = Mode.OAUTH
    elif signing_secret:
        raise ConfigError("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET is set but there is no bot token: set SLACK_BOT_TOKEN (xoxb-...), or unset SLACK_SIGNING_SECRET to use the local console")
    else:
        mode = Mode.CONSOLE

    api_url = _url(env, "SLACK_API_URL", DEFAULT_SLACK_API_URL, ("http", "https"))
    assert api_url is not None
    if not api_url.endswith("/"):
        api_url += "/"

    knowledge_dir = _get(env, "KNOWLEDGE_DIR")
    if knowledge_dir is not None and not Path(knowledge_dir).is_dir():
        raise ConfigError("KNOWLEDGE_DIR", f"expected a folder of knowledge YAML files, but {knowledge_dir!r} is not a folder")

    log_level = (_get(env, "LOG_LEVEL") or "INFO").upper()
    if log_level not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        raise ConfigError("LOG_LEVEL", f"expected DEBUG, INFO, WARNING or ERROR, got {log_level!r}")

    return Settings(
        mode=mode,
        bot_token=bot_token,
        signing_secret=signing_secret,
        app_token=app_token,
        client_id=client_id,
        redirect_uri=_url(env, "SLACK_REDIRECT_URI", None, ("https", "http")),
        client_secret=client_secret,
        slack_api_url=api_url,
        host=_get(env, "HOST") or "0.0.0.0",
        port=_int(env, "PORT", 3000, 1, 65535),
        knowledge_dir=Path(knowledge_dir) if knowledge_dir else None,
        knowledge_reload=_bool(env, "KNOWLEDGE_RELOAD"),
        database_url=_url(env, "DATABASE_URL", None, DATABASE_SCHEMES),
        redis_url=_url(env, "REDIS_URL", None, ("redis", "rediss", "unix")),
        retention_days=_int(env, "RETENTION_DAYS", 90, 1, 3650),
        dedupe_ttl_seconds=_int(env, "DEDUPE_TTL_SECONDS", 600, 10, 86400),
        follow_up_ttl_seconds=_int(env, "FOLLOW_UP_TTL_SECONDS", 3600, 0, 86400),
        redis_key_prefix=_key_prefix(env, "REDIS_KEY_PREFIX", "fvd:"),
        socket_ping_interval=_int(env, "SOCKET_PING_INTERVAL", 10, 1, 60),
        max_in_flight=_int(env, "MAX_IN_FLIGHT", DEFAULT_MAX_IN_FLIGHT, 1, 10_000),
        log_level=log_level,
    )
