"""Multi-workspace (OAuth) tests: the real install flow against the fake Slack.

``Browser`` is an installer's browser: it keeps the state cookie like Chrome or
Firefox do for a local http:// origin (``Secure`` cookies are kept and sent
back to localhost), and does not follow the redirect to slack.com.
``install(browser, fake, team_id, token)`` runs the whole flow for one
workspace. Shared with tests/replicas.

``oauth_slack`` is ``LocalSlack`` in Mode.OAUTH on a fresh SQLite file, built
with ``oauth_app_options`` (Bolt's OAuth settings plus the uninstalled-team
guard), i.e. how bot/runtime.py is meant to build it. While runtime.py still
passes only ``oauth_settings``, the fixture supplies ``before_authorize``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, AsyncIterator
from urllib.parse import parse_qs, urlsplit

import aiohttp
import pytest
import yarl

from bot.config import Mode
from bot.emulator.fake_web_api import FakeSlackAPI
from bot.emulator.local_app import LocalSlack
from bot.oauth import BOT_SCOPES, INSTALL_PATH, REDIRECT_URI_PATH

CLIENT_ID = "1111.2222"
CLIENT_SECRET = "oauth-test-client-secret"
STATE_COOKIE = "slack-app-oauth-state"
SLACK_AUTHORIZE_URL = "https://slack.com/oauth/v2/authorize"

TEAM_A, TOKEN_A = "T0G9PQBBK", "xoxb-team-a-1111"   # the fake's own workspace (fake.user() acts there)
TEAM_B, TOKEN_B = "T0BBBBBBB", "xoxb-team-b-2222"
TEAM_C = "T0CCCCCCC"                                  # never installed


def oauth_answer(team_id: str, token: str, *, team_name: str | None = None) -> dict[str, Any]:
    """What oauth.v2.access answers for a bot-only install (no enterprise, no user token)."""
    return {
        "ok": True, "access_token": token, "token_type": "bot", "scope": ",".join(BOT_SCOPES),
        "bot_user_id": "W23456789", "app_id": "A111",
        "team": {"name": team_name or f"Workspace {team_id}", "id": team_id},
        "enterprise": None, "is_enterprise_install": False, "authed_user": {"id": "W222"},
    }


@dataclass
class Redirect:
    status: int
    location: str
    state: str | None
    set_cookie: str


class Browser:
    """An installer's browser on plain http (cookies kept per origin, no redirects followed)."""

    def __init__(self, *origins: str) -> None:
        jar = aiohttp.CookieJar(unsafe=True, treat_as_secure_origin=[yarl.URL(o) for o in origins])
        self.session = aiohttp.ClientSession(cookie_jar=jar)

    async def close(self) -> None:
        await self.session.close()

    def set_cookie(self, name: str, value: str, origin: str) -> None:
        """What a stale tab or a forged link would carry."""
        self.session.cookie_jar.update_cookies({name: value}, yarl.URL(origin))

    async def start_install(self, base_url: str) -> Redirect:
        async with self.session.get(base_url + INSTALL_PATH, allow_redirects=False) as resp:
            location = resp.headers.get("Location", "")
            state = parse_qs(urlsplit(location).query).get("state", [None])[0]
            return Redirect(resp.status, location, state, resp.headers.get("Set-Cookie", ""))

    async def finish_install(self, base_url: str, *, code: str | None = "code-1", state: str | None) -> tuple[int, str]:
        query = {k: v for k, v in (("code", code), ("state", state)) if v is not None}
        async with self.session.get(base_url + REDIRECT_URI_PATH, params=query, allow_redirects=False) as resp:
            return resp.status, await resp.text()


async def install(browser: Browser, fake: FakeSlackAPI, team_id: str, token: str, *,
                  start_at: str, finish_at: str | None = None) -> str:
    """Install the app into ``team_id`` (bot token ``token``); return the success page."""
    fake.oauth_response = oauth_answer(team_id, token)
    redirect = await browser.start_install(start_at)
    assert redirect.status == 302 and redirect.state, redirect
    status, page = await browser.finish_install(finish_at or start_at, state=redirect.state)
    assert status == 200, page
    return page


def bearer(call: Any) -> str | None:
    auth = call.headers.get("Authorization", "")
    return auth[7:] if auth.startswith("Bearer ") else None


def local_oauth(tmp_path, **overrides: Any) -> LocalSlack:
    return LocalSlack(mode=Mode.OAUTH, client_id=CLIENT_ID, client_secret=CLIENT_SECRET, bot_token=None,
                      database_url=f"sqlite:///{tmp_path / 'oauth.db'}", **overrides)


@pytest.fixture
async def oauth_slack(tmp_path, monkeypatch) -> AsyncIterator[LocalSlack]:
    monkeypatch.delenv("SLACK_REDIRECT_URI", raising=False)
    async with local_oauth(tmp_path) as slack:
        yield slack


@pytest.fixture
async def browser(oauth_slack) -> AsyncIterator[Browser]:
    b = Browser(oauth_slack.url)
    yield b
    await b.close()
