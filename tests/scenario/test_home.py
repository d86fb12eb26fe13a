"""Buttons on the App Home tab: the flow moves to the DM, then updates in place there."""

from __future__ import annotations

import json
from urllib.parse import urlencode

from bot.emulator import requests as rq
from bot.emulator.requests import SlackRequest
from tests.scenario.conftest import all_text


def home_click(user_id: str, action_id: str, value: str) -> SlackRequest:
    """A click in the Home tab: container type "view", no channel, no response_url (as Slack sends it)."""
    payload = {
        "type": "block_actions", "user": {"id": user_id, "username": "alice", "team_id": rq.TEAM_ID},
        "api_app_id": rq.API_APP_ID, "token": rq.VERIFICATION_TOKEN,
        "container": {"type": "view", "view_id": "V0HOME"}, "trigger_id": "1.2.3",
        "team": {"id": rq.TEAM_ID, "domain": rq.TEAM_DOMAIN}, "view": {"id": "V0HOME", "type": "home"},
        "actions": [{"action_id": action_id, "block_id": "home_menu", "value": value, "type": "button",
                     "text": {"type": "plain_text", "text": "x"}, "action_ts": "1700000000.1"}],
    }
    return SlackRequest(urlencode({"payload": json.dumps(payload)}).encode(), rq.FORM, payload, "interactive")


async def test_help_me_choose_from_home_continues_in_the_dm(slack):
    alice = slack.user()
    assert (await slack.send(home_click(alice.id, "menu_choose", "choose"))).status == 200
    [post] = await slack.fake.wait_for("chat.postMessage")
    assert post.params["channel"] == alice.id  # Slack opens the app's DM with that user
    flow = slack.fake.messages[-1]
    assert flow.channel == alice.dm_channel and "Question 1 of" in all_text(flow)

    await slack.send(alice.click(flow, "flow_answer_0"))
    await slack.fake.wait_for("chat.update")
    assert "Question 2 of" in all_text(flow) and flow.updated_count == 1


async def test_compare_from_home_goes_to_the_dm(slack):
    alice = slack.user()
    await slack.send(home_click(alice.id, "menu_compare", "compare"))
    [post] = await slack.fake.wait_for("chat.postMessage")
    assert sum(1 for b in post.params["blocks"] if b.get("block_id", "").startswith("row_")) == 5
