"""What the listeners share: the current knowledge, the stores, the HTTP session.

``follow_up`` and ``remember`` let "and django?" refer to the conversation's last
answered question (``bot.followups``); both log a failing store and carry on.

``Services.brain`` is swapped whole when the knowledge is reloaded, so a
request always sees one consistent knowledge base.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Coroutine

import aiohttp
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore

from bot import followups
from bot.intents import Intent
from bot.responses import Brain, Reply
from bot.stores import ConversationMemory, EventDeduper, UsageStore

logger = logging.getLogger(__name__)


class Services:
    __slots__ = ("brain", "deduper", "usage", "session", "installations", "conversations", "_background")

    def __init__(self, *, brain: Brain, deduper: EventDeduper, usage: UsageStore,
                 session: aiohttp.ClientSession | None = None,
                 installations: AsyncInstallationStore | None = None,  # multi-workspace (OAuth) mode only
                 conversations: ConversationMemory | None = None,  # None: follow-ups are read as questions of their own
                 ) -> None:
        self.brain = brain  # swapped whole on a reload
        self.deduper = deduper
        self.usage = usage
        self.session = session
        self.installations = installations
        self.conversations = conversations
        self._background: set[asyncio.Task[Any]] = set()

    def spawn(self, coro: Coroutine[Any, Any, Any], what: str) -> None:
        """Run work after the ack without losing its errors or its task."""
        task = asyncio.create_task(coro)
        self._background.add(task)

        def done(t: asyncio.Task[Any]) -> None:
            self._background.discard(t)
            if not t.cancelled() and t.exception() is not None:
                logger.error("background %s failed", what, exc_info=t.exception())

        task.add_done_callback(done)

    @property
    def background(self) -> frozenset[asyncio.Task[Any]]:
        """The tasks ``spawn`` started that are still running (shutdown waits for them)."""
        return frozenset(self._background)

    async def record_reply(self, reply: Any, *, team_id: str | None, user_id: str | None, question: str) -> None:
        """Record what a reply answered or declined (see ``_recorded``)."""
        if reply.answered:
            await self._recorded("a usage record (answer)", self.usage.record_answer(
                team_id=team_id, user_id=user_id, topic_id=reply.answered, question=question))
        elif reply.declined:
            await self._recorded("a usage record (decline)", self.usage.record_decline(
                team_id=team_id, user_id=user_id, question=question, suggestions=reply.suggestions))

    async def follow_up(self, key: str, intent: Intent, *, names: bool = True) -> str | None:
        """The question a follow-up such as "and django?" stands for in conversation ``key``, or None.
        The store is only asked when the words read as a follow-up; ``names``: see
        ``followups.words_of``."""
        text = followups.words_of(intent, names=names)
        if self.conversations is None or text is None or not followups.is_follow_up(text):
            return None
        try:
            previous = await self.conversations.recall(key)
        except Exception:
            logger.exception("could not recall the last question of %s; reading the follow-up on its own", key)
            return None
        answerer = self.brain.answerer
        return followups.read_as(intent, previous, names=names, own_subject=answerer.asks_on_its_own,
                                 answered=lambda words: answerer.answer(words).answered)

    async def remember(self, key: str, reply: Reply) -> None:
        """Keep the question a reply answered or declined, for the next follow-up in conversation ``key``
        (``followups.kept_for_follow_ups``: what of it, and which declined ones)."""
        if self.conversations is None or not reply.question:
            return
        kept = followups.kept_for_follow_ups(reply.question, declined=reply.declined)
        if kept is None:
            return
        await self._recorded(f"the last question of {key}", self.conversations.remember(key, kept))

    async def record_feedback(self, *, team_id: str | None, user_id: str | None, topic_id: str, helpful: bool,
                              question: str | None, vote_key: str | None = None) -> bool:
        """Record a click on Helpful / Not helpful (see ``_recorded``): False if this ``vote_key``
        already voted. A store that fails counts as True: the person is thanked, the failure logged."""
        counted = await self._recorded(f"feedback on {topic_id}", self.usage.record_feedback(
            team_id=team_id, user_id=user_id, topic_id=topic_id, helpful=helpful, question=question,
            vote_key=vote_key))
        return counted is not False

    @staticmethod
    async def _recorded(what: str, write: Coroutine[Any, Any, Any]) -> Any:
        """A usage record is written after the person has their reply: a store that fails is
        logged, not raised (None is returned); it is not worth an error (or a missing "thanks") in Slack."""
        try:
            return await write
        except Exception:
            logger.exception("could not record %s; the reply was sent", what)
            return None
