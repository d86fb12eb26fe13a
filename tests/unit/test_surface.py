"""Where a click happened, read from block_actions payloads as Slack sends them (pure)."""

from __future__ import annotations

import copy
import json


from bot.slack_io import CHANNEL, DM, EPHEMERAL, HOME, Surface
from tests.slack_fixtures import fixture_path


def fixture(name: str) -> dict:
    return json.loads(fixture_path(f"bolt-python/{name}").read_text())["payload"]


def in_dm(payload: dict, channel: str = "D0AB") -> dict:
    payload = copy.deepcopy(payload)
    payload["container"]["channel_id"] = payload["channel"]["id"] = channel
    return payload


def shared(payload: dict) -> dict:
    """The same click on a message sent through a response_url: a bot_message with no user
    (``message_event_self_bot_message_subtype.json``)."""
    payload = copy.deepcopy(payload)
    del payload["message"]["user"]
    payload["message"]["subtype"] = "bot_message"
    return payload


def test_an_ephemeral_click_is_ephemeral():
    surface = Surface.from_action(fixture("block_actions_button_ephemeral_container.json"))
    assert surface.kind == EPHEMERAL and surface.private and surface.ephemeral_reply
    assert surface.response_url and surface.channel == "C111"


def test_a_channel_message_is_public_and_its_reply_ephemeral():
    surface = Surface.from_action(fixture("block_actions_button_with_message.json"))
    assert surface.kind == CHANNEL and not surface.private and surface.ephemeral_reply
    assert (surface.user, surface.channel, surface.message_ts) == ("U111", "C111", "1678252213.679169")


def test_a_message_the_app_posted_in_a_dm_is_its_own_dm():
    surface = Surface.from_action(in_dm(fixture("block_actions_button_with_message.json")))
    assert surface.kind == DM and surface.private and not surface.ephemeral_reply


def test_a_message_shared_into_a_dm_between_two_people_is_public():
    surface = Surface.from_action(in_dm(shared(fixture("block_actions_button_with_message.json"))))
    assert surface.kind == CHANNEL and not surface.private


def test_a_dm_click_without_the_message_is_not_taken_for_the_apps_dm():
    payload = in_dm(fixture("block_actions_button_with_message.json"))
    del payload["message"]
    assert Surface.from_action(payload).kind == CHANNEL


def test_the_home_tab():
    payload = fixture("block_actions_button_with_message.json")
    payload = dict(payload, container={"type": "view", "view_id": "V1"})
    surface = Surface.from_action(payload)
    assert surface.kind == HOME and surface.private and not surface.ephemeral_reply
