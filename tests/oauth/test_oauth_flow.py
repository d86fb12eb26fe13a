"""Multi-workspace mode in process: install through /slack/install, then one token per workspace."""

from __future__ import annotations

import asyncio
import base64
import logging
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from bot.config import Mode
from bot.emulator import requests as rq
from bot.oauth import BOT_SCOPES
from tests.oauth.conftest import (
    CLIENT_ID, CLIENT_SECRET, SLACK_AUTHORIZE_URL, STATE_COOKIE, TEAM_A, TEAM_B, TEAM_C, TOKEN_A, TOKEN_B,
    Browser, bearer, install, local_oauth,
)

ROOT = Path(__file__).resolve().parents[2]


def command_from(slack, team_id: str, text: str) -> rq.SlackRequest:
    url = slack.fake.response_url(user="W333")
    return rq.slash_command(text, team_id=team_id, user_id="W333", response_url=url)


def mention_from(slack, team_id: str, text: str) -> rq.SlackRequest:
    ts = slack.fake.add_user_message(f"<@{rq.BOT_USER_ID}> {text}", user="W333").ts
    return rq.app_mention(f"<@{rq.BOT_USER_ID}> {text}", user="W333", ts=ts, team_id=team_id)


async def stored_token(slack, team_id: str) -> str | None:
    bot = await slack.runtime.stores.installation_store.async_find_bot(enterprise_id=None, team_id=team_id)
    return bot.bot_token if bot else None


async def token_gone(slack, team_id: str, timeout: float = 5.0) -> None:
    for _ in range(int(timeout / 0.05)):
        if await stored_token(slack, team_id) is None:
            return
        await asyncio.sleep(0.05)


def test_bot_scopes_are_the_manifests():
    manifest = yaml.safe_load((ROOT / "manifest.yml").read_text())
    assert list(BOT_SCOPES) == manifest["oauth_config"]["scopes"]["bot"]


def test_every_scope_says_in_the_readme_what_needs_it():
    """The README's scope table lists exactly the scopes asked for: an admin approving the
    install sees why each one is there, and a scope nothing needs any more shows up here."""
    readme = (ROOT / "README.md").read_text()
    table = readme.split("| Scope | What needs it |", 1)[1].split("\n\n", 1)[0]
    rows = [line.split("|")[1].strip().strip("`") for line in table.strip().splitlines()[1:]]
    assert rows == list(BOT_SCOPES)


async def test_install_redirects_to_slack_with_a_state_and_its_cookie(oauth_slack, browser):
    redirect = await browser.start_install(oauth_slack.url)
    assert redirect.status == 302
    assert redirect.location.startswith(SLACK_AUTHORIZE_URL + "?")
    query = parse_qs(urlsplit(redirect.location).query)
    assert query["client_id"] == [CLIENT_ID]
    assert query["scope"] == [",".join(BOT_SCOPES)]
    assert "redirect_uri" not in query          # SLACK_REDIRECT_URI unset: Slack uses the app's first one
    assert redirect.set_cookie.startswith(f"{STATE_COOKIE}={redirect.state};")
    assert "HttpOnly" in redirect.set_cookie
    assert not oauth_slack.fake.calls, "starting an install calls no Web API method"


async def test_callback_stores_the_installation_and_the_workspace_is_answered_with_its_token(oauth_slack, browser):
    fake = oauth_slack.fake
    page = await install(browser, fake, TEAM_A, TOKEN_A, start_at=oauth_slack.url)
    assert "slack://app?team=" + TEAM_A in page

    [access] = fake.calls_to("oauth.v2.access")         # to SLACK_API_URL, with the app's credentials
    assert access.params["code"] == "code-1"
    basic = base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
    assert access.headers["Authorization"] == f"Basic {basic}"
    assert [bearer(c) for c in fake.calls_to("auth.test")] == [TOKEN_A]   # the flow's check of the new token
    assert await stored_token(oauth_slack, TEAM_A) == TOKEN_A

    alice = oauth_slack.user()
    menu = (await oauth_slack.send(alice.command("help"))).message
    assert menu is not None and "Help me choose" in [b.label for b in menu.buttons()]

    assert (await oauth_slack.send(alice.mention("which one is more secure?"))).status == 200
    [reply] = await fake.wait_for("chat.postMessage")
    assert bearer(reply) == TOKEN_A and "CSRF" in reply.params["text"]
    assert all(bearer(c) == TOKEN_A for c in fake.calls if c.method != "oauth.v2.access")


@pytest.mark.parametrize("case, status, reason", [
    ("missing state", 400, "invalid_browser"),
    ("missing cookie", 400, "invalid_browser"),
    ("unknown state", 401, "invalid_state"),
    ("state used twice", 401, "invalid_state"),
])
async def test_a_bad_or_missing_state_is_rejected(oauth_slack, case, status, reason):
    browser = Browser(oauth_slack.url)
    try:
        redirect = await browser.start_install(oauth_slack.url)
        state: str | None = redirect.state
        if case == "missing state":
            state = None
        elif case == "missing cookie":
            browser.session.cookie_jar.clear()
        elif case == "unknown state":
            state = "not-a-state-we-issued"
            browser.set_cookie(STATE_COOKIE, state, oauth_slack.url)
        elif case == "state used twice":
            oauth_slack.fake.oauth_response["team"]["id"] = TEAM_A
            first, _ = await browser.finish_install(oauth_slack.url, state=state)
            assert first == 200
            browser.set_cookie(STATE_COOKIE, state, oauth_slack.url)
            oauth_slack.fake.calls.clear()
        answered, page = await browser.finish_install(oauth_slack.url, state=state)
    finally:
        await browser.close()
    assert answered == status
    assert "Something Went Wrong" in page and f"(reason: {reason}:" in page
    assert not oauth_slack.fake.calls_to("oauth.v2.access"), "the code is never exchanged"
    if case != "state used twice":
        assert await stored_token(oauth_slack, TEAM_A) is None


async def test_each_workspace_is_answered_with_its_own_token(oauth_slack, browser):
    fake = oauth_slack.fake
    await install(browser, fake, TEAM_A, TOKEN_A, start_at=oauth_slack.url)
    await install(browser, fake, TEAM_B, TOKEN_B, start_at=oauth_slack.url)
    assert await stored_token(oauth_slack, TEAM_A) == TOKEN_A
    assert await stored_token(oauth_slack, TEAM_B) == TOKEN_B

    from_b, from_a = mention_from(oauth_slack, TEAM_B, "what is an orm"), mention_from(oauth_slack, TEAM_A, "what is wsgi")
    assert (await oauth_slack.send(from_b)).status == 200
    assert (await oauth_slack.send(from_a)).status == 200
    posts = await fake.wait_for("chat.postMessage", 2)
    token_by_thread = {p.params["thread_ts"]: bearer(p) for p in posts}
    assert token_by_thread == {from_b.payload["event"]["ts"]: TOKEN_B, from_a.payload["event"]["ts"]: TOKEN_A}


async def test_a_workspace_without_an_installation_gets_a_silent_200(oauth_slack, browser, caplog):
    fake = oauth_slack.fake
    await install(browser, fake, TEAM_A, TOKEN_A, start_at=oauth_slack.url)
    fake.calls.clear()
    caplog.set_level(logging.WARNING, logger="bot.oauth")

    command = command_from(oauth_slack, TEAM_C, "which one is more secure?")
    delivery = await oauth_slack.send(command)
    mention = await oauth_slack.send(mention_from(oauth_slack, TEAM_C, "which one is more secure?"))

    await asyncio.sleep(0.2)   # room for a late reply to show up
    assert (delivery.status, delivery.body, delivery.message) == (200, "", None)
    assert (mention.status, mention.body) == (200, "")
    assert fake.calls == [], "no Web API call, and never with another workspace's token"
    assert fake.response_posts == [], "no 'please reinstall' message either"
    lines = [r.getMessage() for r in caplog.records if r.name == "bot.oauth"]
    assert lines == [f"no installation for team {TEAM_C}; ignoring"] * 2


async def test_app_uninstalled_deletes_the_tokens_and_the_workspace_is_ignored_after(oauth_slack, browser, caplog):
    fake = oauth_slack.fake
    await install(browser, fake, TEAM_A, TOKEN_A, start_at=oauth_slack.url)
    await install(browser, fake, TEAM_B, TOKEN_B, start_at=oauth_slack.url)
    alice = oauth_slack.user()
    await oauth_slack.send(alice.mention("what is wsgi"))
    await fake.wait_for("chat.postMessage")

    assert (await oauth_slack.send(rq.app_uninstalled(team_id=TEAM_A))).status == 200
    await token_gone(oauth_slack, TEAM_A)   # the listener runs after the ack
    assert await stored_token(oauth_slack, TEAM_A) is None
    assert await stored_token(oauth_slack, TEAM_B) == TOKEN_B, "the other workspace keeps its token"

    fake.calls.clear()
    caplog.set_level(logging.WARNING, logger="bot.oauth")
    delivery = await oauth_slack.send(alice.mention("which one is more secure?"))
    command = await oauth_slack.send(alice.command("compare"))
    await asyncio.sleep(0.2)
    assert (delivery.status, delivery.body) == (200, "")
    assert (command.status, command.body, command.message) == (200, "", None)
    assert fake.calls == [] and fake.response_posts == []
    assert f"no installation for team {TEAM_A}; ignoring" in [r.getMessage() for r in caplog.records]


async def test_a_token_slack_rejects_is_not_used(oauth_slack, browser, caplog):
    fake = oauth_slack.fake
    await install(browser, fake, TEAM_A, TOKEN_A, start_at=oauth_slack.url)
    fake.revoke_token(TOKEN_A)          # revoked, and the tokens_revoked event never arrived
    fake.calls.clear()
    caplog.set_level(logging.WARNING, logger="bot.oauth")
    delivery = await oauth_slack.send(oauth_slack.user().mention("what is wsgi"))
    assert (delivery.status, delivery.body) == (200, "")
    assert [c.method for c in fake.calls] == ["auth.test"] and bearer(fake.calls[0]) == TOKEN_A
    assert [r.getMessage() for r in caplog.records if r.name == "bot.oauth"] == [
        f"Slack rejected the stored token for team {TEAM_A}; ignoring (reinstall through /slack/install to get a new one)"]


async def test_oauth_app_options_build_the_app(tmp_path):
    from bot.app import create_app
    from bot.emulator.local_app import local_settings
    from bot.oauth import WorkspaceAuthorize, oauth_app_options
    from bot.services import Services
    from bot.stores.factory import open_stores

    settings = local_settings("http://127.0.0.1:9/api/", mode=Mode.OAUTH, client_id=CLIENT_ID,
                              client_secret=CLIENT_SECRET, bot_token=None,
                              database_url=f"sqlite:///{tmp_path / 'oauth.db'}")
    stores = await open_stores(settings)
    try:
        options = oauth_app_options(settings, stores)
        assert set(options) == {"oauth_settings", "before_authorize"}
        assert isinstance(options["oauth_settings"].authorize, WorkspaceAuthorize)
        services = Services(brain=None, deduper=stores.deduper, usage=stores.usage,  # type: ignore[arg-type]
                            installations=stores.installation_store)
        bolt = create_app(settings, services, **options)
        assert bolt.oauth_flow is not None and bolt.oauth_flow.client.base_url == settings.slack_api_url
        assert bolt.oauth_flow.install_path == "/slack/install"
        assert bolt.oauth_flow.redirect_uri_path == "/slack/oauth_redirect"
    finally:
        await stores.close()


async def test_runtime_itself_ignores_uninstalled_workspaces(tmp_path, monkeypatch):
    monkeypatch.delenv("SLACK_REDIRECT_URI", raising=False)
    async with local_oauth(tmp_path) as slack:
        delivery = await slack.send(command_from(slack, TEAM_C, "compare"))
        assert (delivery.status, delivery.body) == (200, "")
        assert slack.fake.response_posts == [] and slack.fake.calls == []


async def test_slack_redirect_uri_goes_into_the_authorize_url_and_the_code_exchange(tmp_path):
    uri = "https://bot.example.com/slack/oauth_redirect"
    async with local_oauth(tmp_path, redirect_uri=uri) as slack:
        browser = Browser(slack.url)
        try:
            redirect = await browser.start_install(slack.url)
            assert parse_qs(urlsplit(redirect.location).query)["redirect_uri"] == [uri]
            await install(browser, slack.fake, TEAM_A, TOKEN_A, start_at=slack.url)
        finally:
            await browser.close()
        assert slack.fake.calls_to("oauth.v2.access")[0].params["redirect_uri"] == uri


async def test_tokens_revoked_deletes_only_when_the_bot_token_is_revoked(oauth_slack, browser):
    fake = oauth_slack.fake
    await install(browser, fake, TEAM_A, TOKEN_A, start_at=oauth_slack.url)
    # only a user's token revoked: the workspace keeps its bot installation
    assert (await oauth_slack.send(rq.tokens_revoked(oauth=["U0SOMEONE"], bot=[], team_id=TEAM_A))).status == 200
    await asyncio.sleep(0.2)
    assert await stored_token(oauth_slack, TEAM_A) == TOKEN_A
    # the bot token revoked: forgotten
    assert (await oauth_slack.send(rq.tokens_revoked(team_id=TEAM_A))).status == 200
    await token_gone(oauth_slack, TEAM_A)
    assert await stored_token(oauth_slack, TEAM_A) is None
