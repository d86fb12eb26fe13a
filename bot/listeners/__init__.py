"""Thin Bolt listeners: ack first, parse, call the pure core, send.

``register(app, services)`` wires every route; a reader sees them all here.
"""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.listeners import actions, commands, events, middleware
from bot.services import Services


def register(app: AsyncApp, services: Services, *, command: str = "/flaskvsdjango") -> None:
    middleware.register(app, services)
    commands.register(app, services, command)
    events.register(app, services)
    actions.register(app, services)
