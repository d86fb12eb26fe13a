"""bot.fast_args: a listener called with the arguments it names gets what Bolt's injection gives it.

Every request shape we have (Slack's payloads in shared/slack-fixtures and the
emulator's requests) is turned into a Bolt request, and for every listener of
the bot, and one naming every argument ``DirectListener`` builds, the
arguments built by name must be Bolt's, the same objects.
"""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp
from slack_bolt.kwargs_injection.async_utils import build_async_required_kwargs
from slack_bolt.listener.async_listener import AsyncCustomListener
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot import fast_args
from tests.bench.test_fast_match import bodies
from tests.slack_fixtures import fixture_path


async def every_argument(ack, body, client, context, event, command, action) -> None:  # type: ignore[no-untyped-def]
    return None


def bot_app(env: dict[str, str] | None = None) -> AsyncApp:
    from bot.app import create_app
    from bot.config import load_settings
    from bot.knowledge import default_knowledge_dir, load_knowledge
    from bot.responses import Brain
    from bot.services import Services
    from bot.stores.memory import MemoryDeduper, MemoryUsageStore

    settings = load_settings({"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": "s", **(env or {})})
    services = Services(brain=Brain.build(load_knowledge(default_knowledge_dir())), deduper=MemoryDeduper(ttl_seconds=60),
                        usage=MemoryUsageStore())
    return create_app(settings, services)


def bolt_request(body: dict, client: AsyncWebClient) -> AsyncBoltRequest:
    req = AsyncBoltRequest(body=body, mode="socket_mode")
    req.context["client"] = client
    return req


def test_the_bot_calls_every_listener_with_the_arguments_it_names():
    app = bot_app()
    assert app._async_listeners
    assert all(type(listener) is fast_args.DirectListener for listener in app._async_listeners)


async def test_arguments_built_by_name_are_bolts():
    fixture_path()
    app = bot_app()
    app.event("app_mention")(every_argument)
    fast_args.install(app)
    pairs = bodies()
    assert len(pairs) >= 30, "the fixtures are missing: see shared/slack-fixtures/README.md"
    compared = 0
    for listener in app._async_listeners:
        assert isinstance(listener, fast_args.DirectListener)
        for body_name, body in pairs:
            req = bolt_request(body, app.client)
            bolts = build_async_required_kwargs(logger=listener.logger, required_arg_names=list(listener.arg_names),
                                                request=req, response=BoltResponse(status=200),
                                                this_func=listener.ack_function)
            ours = listener.arguments(req)
            assert ours.keys() == bolts.keys(), (listener.ack_function, body_name)
            for name, value in bolts.items():
                assert ours[name] is value or ours[name] == value, (listener.ack_function, body_name, name)
            compared += 1
    assert compared >= 12 * 30


async def test_the_listener_is_called_with_those_arguments():
    seen: dict = {}

    async def listener(event, client, context) -> None:  # type: ignore[no-untyped-def]
        seen.update(event=event, client=client, context=context)

    app = AsyncApp(signing_secret="s", client=AsyncWebClient(token="xoxb-test"), request_verification_enabled=False)
    app.event("app_mention")(listener)
    fast_args.install(app)
    direct = app._async_listeners[0]
    body = {"type": "event_callback", "event": {"type": "app_mention", "text": "hi", "channel": "C1", "user": "U1"}}
    req = bolt_request(body, app.client)
    await direct.run_ack_function(request=req, response=BoltResponse(status=200))
    assert seen == {"event": body["event"], "client": app.client, "context": req.context}


def test_listeners_naming_other_arguments_keep_bolts_way():
    app = AsyncApp(signing_secret="s", client=AsyncWebClient(token="xoxb-test"), request_verification_enabled=False)

    async def says(event, say) -> None:  # type: ignore[no-untyped-def]
        return None

    async def reads_the_context(bot_user_id, event) -> None:  # type: ignore[no-untyped-def]
        return None

    class Handlers:
        async def on_mention(self, event) -> None:  # type: ignore[no-untyped-def]
            return None

    app.event("app_mention")(says)
    app.event("app_mention")(reads_the_context)
    app.event("app_mention")(Handlers().on_mention)
    app.event("app_mention")(every_argument)
    fast_args.install(app)
    kinds = [type(listener) for listener in app._async_listeners]
    assert kinds == [AsyncCustomListener, AsyncCustomListener, AsyncCustomListener, fast_args.DirectListener]
    direct = app._async_listeners[-1]
    assert direct.logger is not None and direct.matchers and direct.ack_timeout == 3
