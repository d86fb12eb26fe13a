"""bot.fast_match: Bolt's built-in matchers called with the body alone give Bolt's answers.

Every built-in matcher of an app with listeners of each kind Bolt builds
(commands, events, messages, actions, views, shortcuts, options; strings,
patterns and dict constraints) is asked about every request shape we have:
Slack's own payloads from shared/slack-fixtures and the emulator's requests.
Bolt's way (argument injection) and ``BodyMatcher`` must agree on each pair.
"""

from __future__ import annotations

import json
import re

from slack_bolt.async_app import AsyncApp
from slack_bolt.listener_matcher.async_builtins import AsyncBuiltinListenerMatcher
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot import fast_match
from bot.emulator import requests as rq
from tests.slack_fixtures import FIXTURES, fixture_path

URL = "https://hooks.slack.com/actions/T/1/x"


async def noop() -> None:
    return None


def every_kind_of_listener() -> AsyncApp:
    app = AsyncApp(signing_secret="s", client=AsyncWebClient(token="xoxb-test"), request_verification_enabled=False)
    app.command("/flaskvsdjango")(noop)
    app.command(re.compile("/hello.*"))(noop)
    app.event("app_mention")(noop)
    app.event(re.compile("app_(home_opened|uninstalled)"))(noop)
    app.event({"type": "message", "subtype": "message_changed"})(noop)
    app.event({"type": "message", "subtype": None})(noop)
    app.message("hello")(noop)
    app.message(re.compile("(hi|hey)"))(noop)
    app.action("flow_1")(noop)
    app.action(re.compile("^topic_"))(noop)
    app.action({"block_id": "feedback", "action_id": re.compile("feedback_.*")})(noop)
    app.action({"type": "block_actions", "action_id": "button_1"})(noop)
    app.block_action(re.compile(".*"))(noop)
    app.view("modal-id")(noop)
    app.view_closed(re.compile(".*"))(noop)
    app.shortcut("socket-mode")(noop)
    app.global_shortcut(re.compile(".*"))(noop)
    app.message_shortcut("m")(noop)
    app.options("select")(noop)
    app.block_suggestion(re.compile(".*"))(noop)
    return app


def bodies() -> list[tuple[str, dict]]:
    out: list[tuple[str, dict]] = []
    for path in sorted(FIXTURES.glob("**/*.json")):
        if "api-specs" in str(path) or path.name.startswith(("web_api_", "api_")):
            continue
        data = json.loads(path.read_text())
        if isinstance(data, dict) and "parsed" in data:  # bolt-python's form-encoded fixtures
            data = data["parsed"]
        if isinstance(data, dict) and isinstance(data.get("payload"), dict):  # a Socket Mode envelope
            data = data["payload"]
        if isinstance(data, dict):
            out.append((path.name, data))
    for name, request in {
        "command": rq.slash_command("what is flask"),
        "mention": rq.app_mention("<@U0BOT> hi"),
        "im": rq.im_message("hello there"),
        "bot message": rq.bot_message("hey"),
        "home": rq.app_home_opened(),
        "uninstalled": rq.app_uninstalled(),
        "revoked": rq.tokens_revoked(),
        "url verification": rq.url_verification("c"),
        "click": rq.block_actions("flow_1", "v", response_url=URL),
        "feedback": rq.block_actions("feedback_helpful", "t|q", block_id="feedback", response_url=URL),
    }.items():
        out.append((name, request.payload))
    return out


async def test_body_matchers_answer_what_bolts_matchers_answer():
    fixture_path()
    app = every_kind_of_listener()
    pairs = [(body_name, body) for body_name, body in bodies()]
    assert len(pairs) >= 30, "the fixtures are missing: see shared/slack-fixtures/README.md"
    compared = matched = 0
    for listener in app._async_listeners:
        for matcher in listener.matchers:
            if not isinstance(matcher, AsyncBuiltinListenerMatcher):
                continue
            fast = fast_match.BodyMatcher(matcher)
            for body_name, body in pairs:
                req = AsyncBoltRequest(body=body, mode="socket_mode")
                resp = BoltResponse(status=200)
                bolts = await matcher.async_matches(req, resp)
                assert await fast.async_matches(req, resp) == bolts, (listener.ack_function, body_name)
                compared += 1
                matched += bolts
    assert matched >= 20 and compared - matched >= 20  # both answers were exercised


async def test_install_swaps_only_the_matchers_that_read_the_body_alone():
    app = every_kind_of_listener()

    async def custom(body, context) -> bool:
        return True

    app.event("app_mention", matchers=[custom])(noop)
    fast_match.install(app)
    kinds = [type(m) for listener in app._async_listeners for m in listener.matchers]
    assert AsyncBuiltinListenerMatcher not in kinds
    last = app._async_listeners[-1].matchers
    assert isinstance(last[0], fast_match.BodyMatcher) and not isinstance(last[1], fast_match.BodyMatcher)


def test_the_bot_app_finds_its_listeners_with_body_matchers():
    from bot.app import create_app
    from bot.config import load_settings
    from bot.responses import Brain
    from bot.services import Services
    from bot.stores.memory import MemoryDeduper, MemoryUsageStore
    from bot.knowledge import default_knowledge_dir, load_knowledge

    settings = load_settings({"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": "s"})
    services = Services(brain=Brain.build(load_knowledge(default_knowledge_dir())), deduper=MemoryDeduper(ttl_seconds=60),
                        usage=MemoryUsageStore())
    app = create_app(settings, services)
    primaries = [listener.matchers[0] for listener in app._async_listeners]
    assert primaries and all(isinstance(m, fast_match.BodyMatcher) for m in primaries)
