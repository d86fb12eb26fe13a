"""One Slack stand-in for the scenario tests, the local console and the benchmark.

- :mod:`bot.emulator.requests`: signed, Slack-shaped request builders (pure).
- :mod:`bot.emulator.fake_web_api`: a recording fake Web API + response_urls.
- :mod:`bot.emulator.conversation`: the messages as users see them, updated in place.
- :mod:`bot.emulator.socket_mode`: a local Socket Mode WebSocket server.
"""

from bot.emulator.actors import SlackUser
from bot.emulator.buttons import Button, buttons
from bot.emulator.conversation import Change, Conversation, Message, Revision
from bot.emulator.errors import ButtonNotFound, EmulatorError, EmulatorTimeout
from bot.emulator.fake_web_api import Call, FakeSlackAPI
from bot.emulator.faults import Fault
from bot.emulator.ids import IDS, IdGenerator
from bot.emulator.requests import SlackRequest, click, sign
from bot.emulator.response_urls import ResponseUrl, ResponseUrlPost
from bot.emulator.socket_mode import SocketModeServer
from bot.emulator.web_methods import BotIdentity

__all__ = [
    "BotIdentity", "Button", "ButtonNotFound", "Call", "Change", "Conversation", "EmulatorError",
    "EmulatorTimeout", "FakeSlackAPI", "Fault", "IDS", "IdGenerator", "Message", "ResponseUrl",
    "ResponseUrlPost", "Revision", "SlackRequest", "SlackUser", "SocketModeServer", "buttons", "click", "sign",
]
