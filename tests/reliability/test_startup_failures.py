"""``python -m bot`` as a user starts it, with start-up going wrong: one line naming what to
set and a non-zero exit for a configuration problem, never a traceback; and what the
process does with work it cannot finish at shutdown.

The bot runs as a subprocess against the fake Slack in this process (see
``tests/process/conftest.py``); each test waits for the process to exit by itself.
"""

from __future__ import annotations

import asyncio
import signal
import socket

import aiohttp
import psutil
import pytest
from aiohttp import web

from bot.emulator import FakeSlackAPI
from tests.process.conftest import BOT_TOKEN, SIGNING_SECRET, clean_env, free_port


def http_env(api_url: str, port: int, **extra: str) -> dict[str, str]:
    env = dict(SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SIGNING_SECRET, SLACK_API_URL=api_url,
               PORT=str(port), HOST="127.0.0.1")
    env.update(extra)
    return clean_env(**env)


def one_line_error(code: int, err: str) -> str:
    """The process failed with one line on stderr for the user (logs before it are fine)."""
    assert code == 1, err
    assert "Traceback" not in err, err
    assert "Unclosed" not in err, "stores and sessions closed before exit"
    return err.strip().splitlines()[-1]


# --- where to listen -----------------------------------------------------------------------------

async def test_a_port_in_use_is_one_line_naming_port(bot_process):
    async with FakeSlackAPI() as fake:
        with socket.socket() as taken:
            taken.bind(("127.0.0.1", 0))
            taken.listen()
            port = taken.getsockname()[1]
            bot = bot_process(http_env(fake.base_url, port), port)
            code, err = await asyncio.to_thread(bot.wait, 30)
        assert one_line_error(code, err) == (
            f"flaskvsdjango: PORT: {port} is already in use on 127.0.0.1: stop the other process or set PORT to a free port")
        assert fake.calls_to("auth.test"), "failed after start-up had opened the stores and checked the token"


@pytest.mark.parametrize("host, expected", [
    ("not a host", "flaskvsdjango: HOST: 'not a host' is not an address or a host name that resolves here"),
    ("192.0.2.1", "flaskvsdjango: HOST: 192.0.2.1 is not an address of this machine"),  # TEST-NET-1
])
async def test_a_host_that_cannot_be_listened_on_is_one_line_naming_host(bot_process, host, expected):
    async with FakeSlackAPI() as fake:
        port = free_port()
        bot = bot_process(http_env(fake.base_url, port, HOST=host), port)
        code, err = await asyncio.to_thread(bot.wait, 30)
    assert one_line_error(code, err).startswith(expected)


# --- SLACK_API_URL that is not Slack's Web API -----------------------------------------------------

async def not_slack(status: int, body: str, content_type: str):
    """A server answering every path with ``body``: a web site, a proxy's error page."""
    async def answer(request: web.Request) -> web.Response:
        return web.Response(status=status, text=body, content_type=content_type)

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", answer)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    return runner, f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}/api/"  # type: ignore[union-attr]


async def test_a_wrong_path_on_slack_api_url_names_the_url_not_the_token(bot_process):
    async with FakeSlackAPI() as fake:
        url = fake.base_url.replace("/api/", "/nope/")
        port = free_port()
        bot = bot_process(http_env(url, port), port)
        code, err = await asyncio.to_thread(bot.wait, 30)
    line = one_line_error(code, err)
    assert line == (f"flaskvsdjango: SLACK_API_URL: {url} answered auth.test with HTTP 404, not Slack's Web API: "
                    "check the URL (Slack's is https://slack.com/api/; it must end in /api/)")
    assert "SLACK_BOT_TOKEN" not in err


@pytest.mark.parametrize("status, body, content_type, detail", [
    (200, "<html><body>Welcome</body></html>", "text/html", "a body that is not Slack's JSON"),
    (200, "hello", "text/plain", "a body that is not Slack's JSON"),
    (200, "{not json", "application/json", "a body that is not Slack's JSON"),
    (403, "<html>Forbidden</html>", "text/html", "HTTP 403"),
    (200, '{"ok": false, "error": "unknown_method"}', "application/json", "unknown_method"),
])
async def test_an_answer_that_is_not_slacks_json_names_slack_api_url(bot_process, status, body, content_type, detail):
    runner, url = await not_slack(status, body, content_type)
    try:
        port = free_port()
        bot = bot_process(http_env(url, port), port)
        code, err = await asyncio.to_thread(bot.wait, 30)
    finally:
        await runner.cleanup()
    assert one_line_error(code, err).startswith(f"flaskvsdjango: SLACK_API_URL: {url} answered auth.test with {detail}, ")
    assert "SLACK_BOT_TOKEN" not in err


@pytest.mark.parametrize(("error", "advice"), [
    ("invalid_auth", "copy the Bot User OAuth Token again"),
    ("not_authed", "copy the Bot User OAuth Token again"),
    ("token_revoked", "the app was uninstalled or the token revoked: reinstall the app, then copy the new token "
                      "(OAuth & Permissions › Bot User OAuth Token)"),
    ("not_allowed_token_type", "SLACK_BOT_TOKEN takes the Bot User OAuth Token (it starts with xoxb-), "
                               "not an app-level or user token"),
])
async def test_a_token_slack_rejects_still_names_the_token(bot_process, error, advice):
    async with FakeSlackAPI() as fake:
        fake.fail("auth.test", error=error, times=100)
        port = free_port()
        bot = bot_process(http_env(fake.base_url, port), port)
        code, err = await asyncio.to_thread(bot.wait, 30)
    assert one_line_error(code, err) == f"flaskvsdjango: SLACK_BOT_TOKEN: Slack rejected the token ({error}): {advice}"


async def test_slack_failing_at_start_up_is_a_warning_and_the_bot_serves(bot_process):
    async with FakeSlackAPI() as fake:
        fake.fail("auth.test", status=503, times=100)
        port = free_port()
        bot = bot_process(http_env(fake.base_url, port), port)
        assert await bot.wait_healthy() == {"ok": True, "detail": "ok"}
        code, _, err = await asyncio.to_thread(bot.stop, signal.SIGTERM)
    assert code == 0, err
    assert f"Slack at {fake.base_url} answered auth.test with HTTP 503; continuing" in err
    assert "Traceback" not in err


# --- signals and shutdown --------------------------------------------------------------------------

async def test_sigterm_while_starting_stops_at_once_with_exit_0(bot_process):
    """auth.test never answered: SIGTERM does not wait for it (the fixture would kill the process,
    and the code would be -9, if it did not stop by itself)."""
    async with FakeSlackAPI() as fake:
        never = asyncio.Event()
        check = fake.fail("auth.test", hold=never)
        port = free_port()
        bot = bot_process(http_env(fake.base_url, port), port)
        await fake.wait_until(lambda: check.used == 1, timeout=30, what="auth.test sent")
        code, _, err = await asyncio.to_thread(bot.stop, signal.SIGTERM)
        never.set()
    assert code == 0, err
    assert "stopped while starting" in err and "Traceback" not in err


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
async def test_ctrl_c_while_importing_stops_with_exit_0_and_leaves_no_knowledge_child(bot_process, sig):
    """The knowledge child starts before the server imports Bolt and aiohttp: a SIGINT or SIGTERM as
    soon as it runs (the server is still importing, on most machines) exits 0, and the child goes too."""
    async with FakeSlackAPI() as fake:
        port = free_port()
        bot = bot_process(http_env(fake.base_url, port), port)
        server = psutil.Process(bot.proc.pid)
        deadline = asyncio.get_running_loop().time() + 15
        while not (children := server.children()):
            assert bot.proc.poll() is None and asyncio.get_running_loop().time() < deadline, bot.logs()
            await asyncio.sleep(0.002)
        [child] = children
        code, _, err = await asyncio.to_thread(bot.stop, sig)
    assert code == 0, err
    assert "Traceback" not in err
    assert not child.is_running()  # stopped and reaped, not left reading the files on its own


async def test_replies_still_in_flight_after_the_grace_are_reported_abandoned(bot_process):
    """Slack never answers the reply: after the 10 s grace the bot exits 0 and says what it dropped."""
    async with FakeSlackAPI() as fake:
        never = asyncio.Event()
        port = free_port()
        bot = bot_process(http_env(fake.base_url, port), port)
        await bot.wait_healthy()
        reply = fake.fail("chat.postMessage", hold=never)
        alice = fake.user()
        signed = alice.mention("what is a blueprint").signed(SIGNING_SECRET)
        async with aiohttp.ClientSession() as session:
            async with session.post(bot.url + "/slack/events", data=signed.body, headers=signed.all_headers()) as resp:
                assert resp.status == 200
        await fake.wait_until(lambda: reply.used == 1, timeout=15, what="the reply sent")
        code, _, err = await asyncio.to_thread(bot.stop, signal.SIGTERM, 40)
        never.set()
    assert code == 0, err
    assert "WARNING bot.runtime: shutdown: abandoned 1 reply still being sent after the 10 s grace" in err
    assert "Traceback" not in err
