"""Two replicas behind one load balancer: installs, tokens, de-duplication and usage are shared."""

from __future__ import annotations

import asyncio
import json
import signal
import subprocess
import sys

import aiohttp
import asyncpg

from bot.emulator import FakeSlackAPI
from bot.emulator import requests as rq
from bot.emulator.conversation import Message
from tests.oauth.conftest import CLIENT_ID, CLIENT_SECRET, TEAM_A, TEAM_B, TOKEN_A, TOKEN_B, Browser, bearer, install
from tests.process.conftest import ROOT, SIGNING_SECRET, clean_env, free_port

USER = "W444"


async def post(replica, request: rq.SlackRequest) -> tuple[int, str]:
    signed = request.signed(SIGNING_SECRET)
    async with aiohttp.ClientSession() as session:
        async with session.post(replica.url + "/slack/events", data=signed.body, headers=signed.all_headers()) as resp:
            return resp.status, await resp.text()


def mention(fake: FakeSlackAPI, team_id: str, channel: str, text: str, event_id: str,
            thread_ts: str | None = None) -> rq.SlackRequest:
    text = f"<@{rq.BOT_USER_ID}> {text}"
    ts = fake.add_user_message(text, channel=channel, user=USER, thread_ts=thread_ts).ts
    return rq.app_mention(text, channel=channel, user=USER, ts=ts, team_id=team_id, event_id=event_id,
                          thread_ts=thread_ts)


async def command(fake: FakeSlackAPI, replica, team_id: str, channel: str, text: str) -> Message | None:
    url = fake.response_url(channel=channel, user=USER)
    status, body = await post(replica, rq.slash_command(text, team_id=team_id, channel_id=channel,
                                                        user_id=USER, response_url=url))
    assert status == 200
    return fake.apply_ack(url, body)


async def usage_kinds(dsn: str) -> list[tuple[str, str | None, str | None, bool | None]]:
    conn = await asyncpg.connect(dsn, timeout=2)
    try:
        rows = await conn.fetch("SELECT kind, team_id, topic_id, helpful FROM usage_events ORDER BY id")
    finally:
        await conn.close()
    return [tuple(r) for r in rows]


def report_json(database_url: str) -> dict:
    done = subprocess.run([sys.executable, "-m", "bot", "report", "--database-url", database_url, "--json"],
                          cwd=ROOT, env=clean_env(), capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


async def test_two_replicas_share_installs_events_and_usage(bot_process, pg_database_url, shared_redis):
    async with FakeSlackAPI() as fake:
        ports = free_port(), free_port()
        env = dict(SLACK_CLIENT_ID=CLIENT_ID, SLACK_CLIENT_SECRET=CLIENT_SECRET, SLACK_SIGNING_SECRET=SIGNING_SECRET,
                   SLACK_API_URL=fake.base_url, DATABASE_URL=pg_database_url, REDIS_URL=shared_redis.url,
                   REDIS_KEY_PREFIX=shared_redis.prefix)
        a, b = (bot_process(clean_env(**env, PORT=str(port)), port) for port in ports)
        # Both start at once on an empty database: the schema is created once, under a lock.
        await asyncio.gather(a.wait_healthy(timeout=30), b.wait_healthy(timeout=30))
        browser = Browser(a.url, b.url)
        try:
            # Workspace A installs through replica A; workspace B starts on B and comes back to A
            # (the state is in the shared database, the cookie in the browser).
            await install(browser, fake, TEAM_A, TOKEN_A, start_at=a.url)
            await install(browser, fake, TEAM_B, TOKEN_B, start_at=b.url, finish_at=a.url)
        finally:
            await browser.close()
        assert len(fake.calls_to("oauth.v2.access")) == 2

        # Installed through A, answered by B, with that workspace's own token.
        channel = shared_redis.channel
        first = mention(fake, TEAM_A, channel, "which one is more secure?", shared_redis.event_id(1))
        assert (await post(b, first))[0] == 200
        [reply] = await fake.wait_for("chat.postMessage")
        assert bearer(reply) == TOKEN_A and reply.params["thread_ts"] == first.payload["event"]["ts"]
        second = mention(fake, TEAM_B, channel, "what is an orm", shared_redis.event_id(2))
        assert (await post(a, second))[0] == 200
        replies = await fake.wait_for("chat.postMessage", 2)
        assert bearer(replies[-1]) == TOKEN_B

        # One event delivered to both replicas, the second time as Slack's retry: one answer.
        event = mention(fake, TEAM_A, channel, "what is wsgi", shared_redis.event_id(3))
        statuses = await asyncio.gather(post(a, event), post(b, event.retried(1)))
        assert [s for s, _ in statuses] == [200, 200]
        thread = event.payload["event"]["ts"]
        await fake.wait_until(lambda: any(c.params.get("thread_ts") == thread for c in fake.calls_to("chat.postMessage")))
        await asyncio.sleep(1.0)  # room for a duplicate to show up
        assert [c.params.get("thread_ts") for c in fake.calls_to("chat.postMessage")].count(thread) == 1
        # A follow-up in the first thread reaches the other replica: the thread's last question is in Redis.
        first_thread = first.payload["event"]["ts"]
        follow_up = mention(fake, TEAM_A, channel, "and flask?", shared_redis.event_id(4), thread_ts=first_thread)
        assert (await post(a, follow_up))[0] == 200
        await fake.wait_until(lambda: sum(c.params.get("thread_ts") == first_thread
                                          for c in fake.calls_to("chat.postMessage")) == 2)
        answer_in_thread = [c for c in fake.calls_to("chat.postMessage") if c.params.get("thread_ts") == first_thread][-1]
        assert "Following on from the last question: _which one is more secure in flask?_" in json.dumps(
            answer_in_thread.params["blocks"])

        # the replicas' claims live under this deployment's REDIS_KEY_PREFIX
        import redis.asyncio as redis

        client = redis.from_url(shared_redis.url)
        try:
            claimed = {k.decode() async for k in client.scan_iter(match=shared_redis.prefix + "*")}
        finally:
            await client.aclose()
        assert shared_redis.prefix + "event:" + shared_redis.event_id(3) in claimed
        assert f"{shared_redis.prefix}followup:{TEAM_A}:{channel}:{first_thread}" in claimed

        # Feedback clicked on B, a decline on A: both in the shared database.
        answer = await command(fake, a, TEAM_A, channel, "what is wsgi")
        assert answer is not None and any(btn.action_id == "feedback_helpful" for btn in answer.buttons())
        click_url = fake.response_url(channel=channel, user=USER, message_ts=answer.ts)
        click = rq.click(answer, "feedback_helpful", response_url=click_url, user_id=USER,
                         channel_id=channel, team_id=TEAM_A)
        assert (await post(b, click))[0] == 200
        declined = await command(fake, a, TEAM_B, channel, "how do I bake sourdough bread?")
        assert declined is not None

        want = {("feedback", TEAM_A, "wsgi", True), ("decline", TEAM_B, None, None)}
        for _ in range(100):
            if want <= set(await usage_kinds(pg_database_url)):
                break
            await asyncio.sleep(0.1)
        assert want <= set(await usage_kinds(pg_database_url))

        report = await asyncio.to_thread(report_json, pg_database_url)
        assert {"topic_id": "wsgi", "helpful": 1, "not_helpful": 0, "ratio": 1.0} in report["feedback"]
        assert any("sourdough" in group["example"] for group in report["declined"])
        assert {r["topic_id"] for r in report["answers"]} >= {"security", "orm", "wsgi"}

        stopped = await asyncio.gather(*(asyncio.to_thread(r.stop, signal.SIGTERM) for r in (a, b)))
        for code, _, err in stopped:
            assert code == 0, err[-2000:]
        logs = "".join(err for _, _, err in stopped)
        assert logs.count(f"ignoring a repeated delivery of event {shared_redis.event_id(3)}") == 1
