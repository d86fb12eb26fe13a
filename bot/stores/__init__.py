"""Storage seams: event de-duplication, usage records (feedback, declines, answers) and
each conversation's last question (for follow-ups such as "and django?").

The app depends only on the three protocols below. Implementations live in the
sibling modules: ``memory`` (in-process defaults), ``sql`` (SQLAlchemy: SQLite or
PostgreSQL), ``redis_dedupe`` and ``redis_conversations`` (Redis); ``factory.open_stores``
picks them.
``EventDeduper.first_seen(key)`` is True the first time a key is claimed within
its TTL and False afterwards; ``forget(key)`` gives a claimed key up early (a share
that failed, so the person's retry is not taken for a double click).
``UsageStore.record_feedback`` is False when a vote with the same ``vote_key`` (who
voted on which message) is already recorded: the first vote counts, for as long as
the store keeps the record, not only for the de-duplicator's TTL.
``ConversationMemory.recall(key)`` is the question last ``remember``-ed under ``key``
(see ``bot.followups.conversation_key``) within its TTL, else None.
"""

from __future__ import annotations

import hashlib
from typing import Protocol, Sequence


def vote_digest(vote_key: str | None) -> str | None:
    """What a store keeps of a vote key: 64 hex characters, whatever the key's length."""
    return None if vote_key is None else hashlib.sha256(vote_key.encode()).hexdigest()


class EventDeduper(Protocol):
    async def first_seen(self, key: str) -> bool: ...

    async def forget(self, key: str) -> None: ...

    async def close(self) -> None: ...


class UsageStore(Protocol):
    async def record_answer(
        self, *, team_id: str | None, user_id: str | None, topic_id: str, question: str
    ) -> None: ...

    async def record_decline(
        self, *, team_id: str | None, user_id: str | None, question: str, suggestions: Sequence[str]
    ) -> None: ...

    async def record_feedback(
        self,
        *,
        team_id: str | None,
        user_id: str | None,
        topic_id: str,
        helpful: bool,
        question: str | None,
        vote_key: str | None = None,
    ) -> bool: ...

    async def close(self) -> None: ...


class ConversationMemory(Protocol):
    async def remember(self, key: str, question: str) -> None: ...

    async def recall(self, key: str) -> str | None: ...

    async def close(self) -> None: ...
