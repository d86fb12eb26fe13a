"""A person in the fake workspace: builds what Slack sends when they act.

``alice = SlackUser(fake, "W222")`` then ``alice.command("flask or django?")``,
``alice.mention("...")``, ``alice.dm("...")``, ``alice.click(message, 1)``.
Typed messages are also recorded in the fake's conversation (so replies show
under them), and commands and clicks get a live response_url from the fake.
"""

from __future__ import annotations

from typing import Any

from bot.emulator import requests as rq
from bot.emulator.conversation import Message
from bot.emulator.fake_web_api import FakeSlackAPI


class SlackUser:
    """One user acting in ``channel`` (default #general) of the fake's workspace."""

    def __init__(self, fake: FakeSlackAPI, user_id: str = rq.USER_ID, *, name: str = "alice",
                 channel: str = rq.CHANNEL_ID) -> None:
        self.fake = fake
        self.id = user_id
        self.name = name
        self.channel = channel
        self.last_message: Message | None = None

    @property
    def dm_channel(self) -> str:
        """The id of this user's DM with the bot."""
        return self.fake.dm_channel(self.id)

    def command(self, text: str, *, command: str = "/flaskvsdjango", channel: str | None = None) -> rq.SlackRequest:
        """Run a slash command; its response_url points at the fake."""
        channel = channel or self.channel
        url = self.fake.response_url(channel=channel, user=self.id)
        return rq.slash_command(text, command=command, channel_id=channel, user_id=self.id,
                                user_name=self.name, response_url=url,
                                team_id=self.fake.identity.team_id, api_app_id=self.fake.identity.app_id)

    def mention(self, text: str, *, channel: str | None = None, thread_ts: str | None = None) -> rq.SlackRequest:
        """Post ``<@bot> text`` in a channel; returns the ``app_mention`` event."""
        channel = channel or self.channel
        if f"<@{self.fake.identity.bot_user_id}>" not in text:
            text = f"<@{self.fake.identity.bot_user_id}> {text}"
        self.last_message = self.fake.add_user_message(text, channel=channel, user=self.id, thread_ts=thread_ts)
        return rq.app_mention(text, channel=channel, user=self.id, ts=self.last_message.ts, thread_ts=thread_ts,
                              team_id=self.fake.identity.team_id, api_app_id=self.fake.identity.app_id)

    def dm(self, text: str, *, thread_ts: str | None = None) -> rq.SlackRequest:
        """Send the bot a direct message; returns the ``message`` event (channel_type im)."""
        channel = self.dm_channel
        self.last_message = self.fake.add_user_message(text, channel=channel, user=self.id, thread_ts=thread_ts)
        return rq.im_message(text, channel=channel, user=self.id, ts=self.last_message.ts, thread_ts=thread_ts,
                             team_id=self.fake.identity.team_id, api_app_id=self.fake.identity.app_id)

    def say(self, text: str, *, channel: str | None = None, thread_ts: str | None = None) -> rq.SlackRequest:
        """Post a plain channel message (no mention); returns the ``message`` event."""
        channel = channel or self.channel
        self.last_message = self.fake.add_user_message(text, channel=channel, user=self.id, thread_ts=thread_ts)
        return rq.message(text, channel=channel, user=self.id, ts=self.last_message.ts, thread_ts=thread_ts,
                          team_id=self.fake.identity.team_id, api_app_id=self.fake.identity.app_id)

    def open_home(self) -> rq.SlackRequest:
        """Open the app's Home tab; includes the published view, if any."""
        return rq.app_home_opened(self.id, channel=self.dm_channel, view=self.fake.home_views.get(self.id),
                                  team_id=self.fake.identity.team_id)

    def click(self, message: Message | dict[str, Any], button: int | str) -> rq.SlackRequest:
        """Click ``button`` (1-based position or action_id) in ``message``."""
        if isinstance(message, Message):
            channel, ts, thread_ts = message.channel, message.ts, message.thread_ts
        else:
            channel = message.get("channel") or self.channel
            ts, thread_ts = message.get("ts"), message.get("thread_ts")
        url = self.fake.response_url(channel=channel, user=self.id, message_ts=ts, thread_ts=thread_ts)
        return rq.click(message, button, response_url=url, user_id=self.id, user_name=self.name,
                        channel_id=channel, team_id=self.fake.identity.team_id)
