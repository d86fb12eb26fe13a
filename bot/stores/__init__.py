"""Storage seams: event de-duplication and usage records (feedback, declines, answers).

CONTRACT (the app depends only on these protocols; implementations live in
sibling modules: ``memory`` for in-process defaults, ``sql`` for SQLAlchemy
(SQLite/PostgreSQL), ``redis_dedupe`` for Redis):

    class EventDeduper(Protocol):
        async def first_seen(self, key: str) -> bool
            # True the first time `key` is claimed within the TTL, False afterwards.
        async def close(self) -> None

    class UsageStore(Protocol):
        async def record_answer(self, *, team_id: str | None, user_id: str | None,
                                topic_id: str, question: str) -> None
        async def record_decline(self, *, team_id: str | None, user_id: str | None,
                                 question: str, suggestions: Sequence[str]) -> None
        async def record_feedback(self, *, team_id: str | None, user_id: str | None,
                                  topic_id: str, helpful: bool, question: str | None) -> None
        async def close(self) -> None
"""

from __future__ import annotations

from typing import Protocol, Sequence


class EventDeduper(Protocol):
    async def first_seen(self, key: str) -> bool: ...

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
    ) -> None: ...

    async def close(self) -> None: ...
