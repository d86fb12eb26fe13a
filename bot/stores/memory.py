"""In-process stores: the single-process default when no Redis or database is set.

Both forget everything on restart and are not shared between replicas; run one
replica, or set REDIS_URL / DATABASE_URL (see ``bot.stores.factory``).

    MemoryDeduper(ttl_seconds, *, max_keys=20_000, clock=time.monotonic)
        async first_seen(key) -> bool ; async forget(key) ; async close()
    MemoryUsageStore(*, max_records=1_000, clock=utc_now)
        answers / declines / feedback: deques of UsageRecord (newest last)
        record_feedback(..., vote_key) is False for a vote_key among the records it holds
        records -> list[UsageRecord]   (all kinds, oldest first)
        the UsageStore protocol, purge_older_than(days), and the same report
        queries as SQLUsageStore: declined_questions, feedback_counts, answer_counts
"""

from __future__ import annotations

import math
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Callable, Literal, Sequence

from bot.stores import vote_digest

MAX_QUESTION_CHARS = 2000

Kind = Literal["answer", "decline", "feedback"]
_FINGERPRINT_MASK = (1 << 60) - 1  # 60 bits fit a 32-byte int object


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class MemoryDeduper:
    """Claims event keys for ``ttl_seconds``; forgets the oldest beyond ``max_keys``.

    Every key gets the same TTL, so claim order is expiry order: expired keys
    are always at the front of ``_order``, and evicting them is amortised O(1)
    per call. A key seen again inside the TTL is not refreshed (the same as
    Redis ``SET NX EX``).

    Compact, since a busy process keeps ``max_keys`` of them: a key is held as
    a 60-bit fingerprint of its text (``hash``, keyed per process), and its
    expiry is rounded up to a whole second, one int shared by every key
    claimed in that second: ~70 bytes a key, not ~200 for the text, a float
    and an ordered-dict node. A key lives up to one second beyond the TTL. Two
    different keys alive at once share a fingerprint with odds of about
    n**2 / 2**61 (n = 20,000: 2e-10), and the later one would be taken for a
    retry.
    """

    def __init__(
        self,
        ttl_seconds: float,
        *,
        max_keys: int = 20_000,  # ~12k keys cover 10 events/s for the default 600 s TTL; beyond that, use Redis
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if ttl_seconds <= 0:
            raise ValueError("ttl_seconds must be positive")
        if max_keys < 1:
            raise ValueError("max_keys must be at least 1")
        self.ttl_seconds = ttl_seconds
        self.max_keys = max_keys
        self._clock = clock
        self._expiry: dict[int, int] = {}  # fingerprint -> expiry (clock seconds, rounded up)
        self._order: deque[int] = deque()  # fingerprints, oldest claim first
        self._deadline = 0  # the expiry of the last claim, shared by the claims of the same second

    def __len__(self) -> int:
        return len(self._expiry)

    async def first_seen(self, key: str) -> bool:
        # No await inside: atomic with respect to other tasks on this loop.
        now = self._clock()
        expiry, order = self._expiry, self._order
        while order and expiry.get(order[0], 0) <= now:  # (a forgotten key is gone from expiry)
            expiry.pop(order.popleft(), None)
        fingerprint = hash(key) & _FINGERPRINT_MASK
        if fingerprint in expiry:
            return False
        deadline = math.ceil(now + self.ttl_seconds)
        if deadline != self._deadline:
            self._deadline = deadline
        expiry[fingerprint] = self._deadline
        order.append(fingerprint)
        if len(order) > self.max_keys:
            expiry.pop(order.popleft(), None)
        return True

    async def forget(self, key: str) -> None:
        """Give ``key`` up before its TTL: the next ``first_seen(key)`` is True. Its place in the
        claim order stays until it reaches the front (or is evicted), as if it had expired."""
        self._expiry.pop(hash(key) & _FINGERPRINT_MASK, None)

    async def close(self) -> None:
        self._expiry.clear()
        self._order.clear()


@dataclass(frozen=True, slots=True)
class UsageRecord:
    kind: Kind
    team_id: str | None
    user_id: str | None
    created_at: datetime
    topic_id: str | None = None
    helpful: bool | None = None
    question: str | None = None
    suggestions: tuple[str, ...] = field(default_factory=tuple)
    vote_key: str | None = None  # feedback: ``vote_digest`` of who voted on which message


class MemoryUsageStore:
    """Keeps the newest ``max_records`` records of each kind in memory."""

    def __init__(self, *, max_records: int = 1_000, clock: Callable[[], datetime] = utc_now) -> None:
        self._clock = clock
        self.answers: deque[UsageRecord] = deque(maxlen=max_records)
        self.declines: deque[UsageRecord] = deque(maxlen=max_records)
        self.feedback: deque[UsageRecord] = deque(maxlen=max_records)

    @property
    def records(self) -> list[UsageRecord]:
        return sorted([*self.answers, *self.declines, *self.feedback], key=lambda r: r.created_at)

    async def record_answer(
        self, *, team_id: str | None, user_id: str | None, topic_id: str, question: str
    ) -> None:
        self.answers.append(
            UsageRecord("answer", team_id, user_id, self._clock(), topic_id=topic_id,
                        question=question[:MAX_QUESTION_CHARS])
        )

    async def record_decline(
        self, *, team_id: str | None, user_id: str | None, question: str, suggestions: Sequence[str]
    ) -> None:
        self.declines.append(
            UsageRecord("decline", team_id, user_id, self._clock(),
                        question=question[:MAX_QUESTION_CHARS], suggestions=tuple(suggestions))
        )

    async def record_feedback(
        self,
        *,
        team_id: str | None,
        user_id: str | None,
        topic_id: str,
        helpful: bool,
        question: str | None,
        vote_key: str | None = None,
    ) -> bool:
        digest = vote_digest(vote_key)
        # a scan of at most max_records: votes are rare, and a key leaves with its record
        if digest is not None and any(r.vote_key == digest for r in self.feedback):
            return False
        self.feedback.append(
            UsageRecord("feedback", team_id, user_id, self._clock(), topic_id=topic_id,
                        helpful=bool(helpful), vote_key=digest,
                        question=question[:MAX_QUESTION_CHARS] if question is not None else None)
        )
        return True

    async def purge_older_than(self, days: int) -> int:
        cutoff = self._clock() - timedelta(days=days)
        removed = 0
        for records in (self.answers, self.declines, self.feedback):
            kept = [r for r in records if r.created_at >= cutoff]
            removed += len(records) - len(kept)
            records.clear()
            records.extend(kept)
        return removed

    # Report queries: same names and shapes as SQLUsageStore's.

    async def declined_questions(self, since: datetime, *, limit: int = 50_000) -> list[str]:
        newest_first = [r.question or "" for r in reversed(self.declines) if r.created_at >= since]
        return newest_first[:limit]

    async def feedback_counts(self, since: datetime) -> list[tuple[str, int, int]]:
        helpful: Counter[str] = Counter()
        not_helpful: Counter[str] = Counter()
        for r in self.feedback:
            if r.created_at >= since and r.topic_id is not None:
                (helpful if r.helpful else not_helpful)[r.topic_id] += 1
        topics = sorted(set(helpful) | set(not_helpful))
        return [(t, helpful[t], not_helpful[t]) for t in topics]

    async def answer_counts(self, since: datetime) -> list[tuple[str, int]]:
        counts = Counter(r.topic_id for r in self.answers if r.created_at >= since and r.topic_id)
        return sorted(counts.items())

    async def close(self) -> None:
        return None
