"""Settings from the environment: modes, and one clear line for each mistake."""

from __future__ import annotations

import pytest

from bot.config import DEFAULT_SLACK_API_URL, Mode, load_settings
from bot.errors import ConfigError

BOT = "xoxb-1-abc"
APP = "xapp-1-abc"


@pytest.mark.parametrize(
    "env, mode",
    [
        ({}, Mode.CONSOLE),
        ({"SLACK_BOT_TOKEN": BOT, "SLACK_SIGNING_SECRET": "s"}, Mode.HTTP),
        ({"SLACK_BOT_TOKEN": BOT, "SLACK_APP_TOKEN": APP}, Mode.SOCKET),
        ({"SLACK_BOT_TOKEN": BOT, "SLACK_APP_TOKEN": APP, "SLACK_SIGNING_SECRET": "s"}, Mode.SOCKET),
        ({"SLACK_CLIENT_ID": "1.2", "SLACK_CLIENT_SECRET": "c", "SLACK_SIGNING_SECRET": "s"}, Mode.OAUTH),
    ],
)
def test_mode_is_picked_from_the_environment(env, mode):
    assert load_settings(env).mode is mode


def test_defaults():
    settings = load_settings({})
    assert settings.port == 3000 and settings.slack_api_url == DEFAULT_SLACK_API_URL
    assert settings.database_url is None and settings.redis_url is None and not settings.knowledge_reload
    assert settings.socket_ping_interval == 10 and load_settings({"SOCKET_PING_INTERVAL": "3"}).socket_ping_interval == 3
    assert settings.max_in_flight == 16 and load_settings({"MAX_IN_FLIGHT": "200"}).max_in_flight == 200
    assert settings.follow_up_ttl_seconds == 3600
    assert load_settings({"FOLLOW_UP_TTL_SECONDS": "0"}).follow_up_ttl_seconds == 0  # follow-ups off


def test_slack_api_url_gets_a_trailing_slash():
    assert load_settings({"SLACK_API_URL": "http://127.0.0.1:9/api"}).slack_api_url == "http://127.0.0.1:9/api/"


@pytest.mark.parametrize(
    "env, variable, words",
    [
        ({"SLACK_BOT_TOKEN": "xoxp-user"}, "SLACK_BOT_TOKEN", "xoxb-"),
        ({"SLACK_BOT_TOKEN": BOT}, "SLACK_SIGNING_SECRET", "signing secret"),
        ({"SLACK_APP_TOKEN": APP}, "SLACK_BOT_TOKEN", "Socket Mode"),
        ({"SLACK_APP_TOKEN": "xoxb-wrong", "SLACK_BOT_TOKEN": BOT}, "SLACK_APP_TOKEN", "xapp-"),
        ({"SLACK_SIGNING_SECRET": "s"}, "SLACK_BOT_TOKEN", "local console"),
        ({"SLACK_CLIENT_ID": "1.2", "SLACK_SIGNING_SECRET": "s"}, "SLACK_CLIENT_SECRET", "OAuth"),
        # Bolt would read the OAuth pair from the environment and turn every request into an OAuth lookup
        ({"SLACK_BOT_TOKEN": BOT, "SLACK_SIGNING_SECRET": "s", "SLACK_CLIENT_ID": "1.2", "SLACK_CLIENT_SECRET": "c"},
         "SLACK_CLIENT_ID", "unset SLACK_BOT_TOKEN for the multi-workspace"),
        ({"SLACK_APP_TOKEN": APP, "SLACK_BOT_TOKEN": BOT, "SLACK_CLIENT_SECRET": "c"}, "SLACK_CLIENT_SECRET",
         "unset SLACK_CLIENT_ID and SLACK_CLIENT_SECRET for one workspace"),
        ({"SLACK_CLIENT_ID": "1.2", "SLACK_CLIENT_SECRET": "c", "SLACK_SIGNING_SECRET": "s",
          "SLACK_REDIRECT_URI": "bot.example.com/slack/oauth_redirect"}, "SLACK_REDIRECT_URI", "https://"),
        ({"PORT": "http"}, "PORT", "whole number"),
        ({"PORT": "70000"}, "PORT", "between 1 and 65535"),
        ({"SOCKET_PING_INTERVAL": "0"}, "SOCKET_PING_INTERVAL", "between 1 and 60"),
        ({"MAX_IN_FLIGHT": "0"}, "MAX_IN_FLIGHT", "between 1 and 10000"),
        ({"MAX_IN_FLIGHT": "lots"}, "MAX_IN_FLIGHT", "whole number"),
        ({"FOLLOW_UP_TTL_SECONDS": "-5"}, "FOLLOW_UP_TTL_SECONDS", "between 0 and 86400"),
        ({"SLACK_API_URL": "slack.com/api"}, "SLACK_API_URL", "http://"),
        ({"SLACK_API_URL": "http://"}, "SLACK_API_URL", "with a host"),
        ({"DATABASE_URL": "mysql://x"}, "DATABASE_URL", "postgres://"),
        ({"REDIS_URL": "localhost:6379"}, "REDIS_URL", "redis://"),
        ({"KNOWLEDGE_RELOAD": "maybe"}, "KNOWLEDGE_RELOAD", "1 / true / yes / on to turn it on or 0 / false / no / off"),
        ({"KNOWLEDGE_DIR": "/no/such/folder"}, "KNOWLEDGE_DIR", "not a folder"),
        ({"LOG_LEVEL": "LOUD"}, "LOG_LEVEL", "DEBUG"),
    ],
)
def test_each_mistake_names_the_variable_and_what_to_set(env, variable, words):
    with pytest.raises(ConfigError) as caught:
        load_settings(env)
    assert caught.value.variable == variable
    assert words in caught.value.message
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("value", ["has space:", "ünï:", "a\tb:", "x" * 65])
def test_a_bad_redis_key_prefix_names_the_variable(value):
    with pytest.raises(ConfigError) as e:
        load_settings({"REDIS_KEY_PREFIX": value})
    assert e.value.variable == "REDIS_KEY_PREFIX" and "printable ASCII" in str(e.value)


def test_redis_key_prefix_default_and_override():
    assert load_settings({}).redis_key_prefix == "fvd:"
    assert load_settings({"REDIS_KEY_PREFIX": "  "}).redis_key_prefix == "fvd:"  # blank is unset, like every variable
    assert load_settings({"REDIS_KEY_PREFIX": "fvd-staging:"}).redis_key_prefix == "fvd-staging:"
