"""In-process stores: the single-process default when no Redis or database is set.

Both forget everything on restart and are not shared between replicas; run one
replica, or set REDIS_URL / DATABASE_URL (see ``bot.stores.factory``).

    MemoryDeduper(ttl_seconds, *, max_keys=20_000, clock=time.monotonic)
        async first_seen(key) -> bool ; async forget(key) ; async close()
    MemoryUsageStore(*, max_records=1_000, clock=utc_now)
        answers / declines / feedback: lists of UsageRecord (newest last; held packed)
        record_feedback(..., vote_key) is False for a vote_key among the records it holds
        records -> list[UsageRecord]   (all kinds, oldest first)
        the UsageStore protocol, purge_older_than(days), and the same report
        queries as SQLUsageStore: declined_questions, feedback_counts, answer_counts
    MemoryConversations(ttl_seconds, *, max_keys=2_000, clock=time.monotonic)
        the ConversationMemory protocol: each conversation's last answered question
"""

from __future__ import annotations

import math
import struct
import time
from array import array
from collections import Counter, deque
from datetime import datetime, timedelta, timezone
from typing import Callable, Literal, NamedTuple, Sequence

from bot.followups import MAX_KEPT_CHARS
from bot.stores import vote_digest

MAX_QUESTION_CHARS = 2000

Kind = Literal["answer", "decline", "feedback"]
_FINGERPRINT_MASK = (1 << 60) - 1
_EXPIRY = struct.Struct("d")


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def _bounds(store: "MemoryDeduper | MemoryConversations", ttl_seconds: float, max_keys: int,
            clock: Callable[[], float]) -> None:
    """Check and set what both bounded in-process stores hold: a TTL, a size cap and a clock."""
    if ttl_seconds <= 0:
        raise ValueError("ttl_seconds must be positive")
    if max_keys < 1:
        raise ValueError("max_keys must be at least 1")
    store.ttl_seconds = ttl_seconds
    store.max_keys = max_keys
    store._clock = clock


class MemoryDeduper:
    """Claims event keys for ``ttl_seconds``; forgets the oldest beyond ``max_keys``.

    Every key gets the same TTL, so claim order is expiry order: expired keys
    are always the oldest claims, and evicting them is amortised O(1) per call.
    A key seen again inside the TTL is not refreshed (the same as Redis
    ``SET NX EX``).

    Compact, since a busy process keeps ``max_keys`` of them (~21 bytes a key,
    ~0.4 MB at 20,000; a dict of ints took ~70, ~1.4 MB): a key is held as a
    60-bit fingerprint of its text (``hash``, keyed per process) in flat
    arrays, with no Python object per key:

    * ``_table``: an open-addressing hash set of fingerprints (linear probing,
      0 = empty, at most 2/3 full; a removal shifts the entries after it back,
      so no tombstones build up);
    * ``_ring``: the fingerprints in claim order, oldest first;
    * ``_runs``: [expiry, how many] for consecutive claims sharing an expiry,
      rounded up to a whole second: a key lives up to one second beyond the TTL.

    Two different keys alive at once share a fingerprint with odds of about
    n**2 / 2**61 (n = 20,000: 2e-10), and the later one would be taken for a
    retry.
    """

    ttl_seconds: float
    max_keys: int
    _clock: Callable[[], float]

    def __init__(
        self,
        ttl_seconds: float,
        *,
        max_keys: int = 20_000,  # ~12k keys cover 10 events/s for the default 600 s TTL; beyond that, use Redis
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        _bounds(self, ttl_seconds, max_keys, clock)
        self._reset()

    def _reset(self) -> None:
        size = 1 << (self.max_keys * 3 // 2).bit_length()  # a power of two above 1.5 x max_keys
        self._mask = size - 1
        self._table = array("q", bytes(8 * size))
        self._ring = array("q", bytes(8 * self.max_keys))
        self._oldest = 0   # ring index of the oldest claim
        self._claims = 0   # claims in the ring (forgotten ones included, until they leave it)
        self._runs: deque[list[int]] = deque()  # [expiry, claims], oldest first
        self._live = 0     # fingerprints in the table
        # fingerprint -> ring entries of it that were forgotten (and may have been claimed again since)
        self._stale: dict[int, int] = {}

    def __len__(self) -> int:
        return self._live

    async def first_seen(self, key: str) -> bool:
        # No await inside: atomic with respect to other tasks on this loop.
        now = self._clock()
        runs = self._runs
        while runs and runs[0][0] <= now:
            self._drop_oldest(runs.popleft()[1])
        fingerprint = hash(key) & _FINGERPRINT_MASK or 1
        slot = self._slot(fingerprint)
        if self._table[slot]:
            return False
        if self._claims == self.max_keys:
            self._drop_oldest(1)
            runs[0][1] -= 1
            if not runs[0][1]:
                runs.popleft()
            slot = self._slot(fingerprint)  # the drop may have shifted entries
        self._table[slot] = fingerprint
        self._live += 1
        self._ring[(self._oldest + self._claims) % self.max_keys] = fingerprint
        self._claims += 1
        expiry = math.ceil(now + self.ttl_seconds)
        if runs and runs[-1][0] == expiry:
            runs[-1][1] += 1
        else:
            runs.append([expiry, 1])
        return True

    async def forget(self, key: str) -> None:
        """Give ``key`` up before its TTL: the next ``first_seen(key)`` is True. Its entry in the
        claim order stays until it is the oldest, as if it had expired."""
        fingerprint = hash(key) & _FINGERPRINT_MASK or 1
        slot = self._slot(fingerprint)
        if self._table[slot]:
            self._remove(slot)
            self._stale[fingerprint] = self._stale.get(fingerprint, 0) + 1

    async def close(self) -> None:
        self._reset()

    def _slot(self, fingerprint: int) -> int:
        """Where ``fingerprint`` is in the table, or the empty slot where it would go."""
        table, mask = self._table, self._mask
        i = fingerprint & mask
        while table[i] and table[i] != fingerprint:
            i = (i + 1) & mask
        return i

    def _drop_oldest(self, n: int) -> None:
        """Let the ``n`` oldest claims go (``_runs`` is the caller's to update)."""
        ring, table, stale = self._ring, self._table, self._stale
        for _ in range(n):
            fingerprint = ring[self._oldest]
            self._oldest = (self._oldest + 1) % self.max_keys
            self._claims -= 1
            if fingerprint in stale:  # a forgotten claim: the key is not in the table for it
                stale[fingerprint] -= 1
                if not stale[fingerprint]:
                    del stale[fingerprint]
                continue
            slot = self._slot(fingerprint)
            if table[slot]:
                self._remove(slot)

    def _remove(self, slot: int) -> None:
        """Empty ``slot``, shifting back the entries after it that probed past it."""
        table, mask = self._table, self._mask
        hole, i = slot, slot
        while True:
            i = (i + 1) & mask
            fingerprint = table[i]
            if not fingerprint:
                break
            home = fingerprint & mask
            # the entry stays unless the hole lies on its probe path (between its home and i)
            if (i - home) & mask >= (i - hole) & mask:
                table[hole] = fingerprint
                hole = i
        table[hole] = 0
        self._live -= 1


class MemoryConversations:
    """The last answered question of each conversation, for ``ttl_seconds`` after it was asked;
    beyond ``max_keys`` conversations, the one that asked longest ago is forgotten first.

    Compact, as every answered mention in a new thread adds a conversation (~150 bytes each,
    ~0.3 MB at 2,000; strings in an OrderedDict took ~330): a key is held as a 60-bit
    fingerprint of its text, as ``MemoryDeduper`` holds its keys, and its value is one bytes
    object, the expiry (a double) then the question in UTF-8. A plain dict keeps them in the
    order they were last asked (one asked again is moved to the end), so the oldest, and
    with one TTL for all the first to expire, are at the front.
    """

    ttl_seconds: float
    max_keys: int
    _clock: Callable[[], float]

    def __init__(self, ttl_seconds: float, *, max_keys: int = 2_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        _bounds(self, ttl_seconds, max_keys, clock)
        self._held: dict[int, bytes] = {}   # fingerprint -> expiry (8 bytes) + question (UTF-8)

    def __len__(self) -> int:
        return len(self._held)

    async def remember(self, key: str, question: str) -> None:
        held, now = self._held, self._clock()
        fingerprint = hash(key) & _FINGERPRINT_MASK
        held.pop(fingerprint, None)
        while held:  # drop the expired from the front, and the oldest beyond max_keys
            first = next(iter(held))
            if len(held) < self.max_keys and _EXPIRY.unpack_from(held[first])[0] > now:
                break
            del held[first]
        held[fingerprint] = _EXPIRY.pack(now + self.ttl_seconds) + question[:MAX_KEPT_CHARS].encode()

    async def recall(self, key: str) -> str | None:
        fingerprint = hash(key) & _FINGERPRINT_MASK
        value = self._held.get(fingerprint)
        if value is None:
            return None
        if _EXPIRY.unpack_from(value)[0] <= self._clock():
            del self._held[fingerprint]
            return None
        return value[_EXPIRY.size:].decode()

    async def close(self) -> None:
        self._held.clear()


class UsageRecord(NamedTuple):
    kind: Kind
    team_id: str | None
    user_id: str | None
    created_at: datetime
    topic_id: str | None = None
    helpful: bool | None = None
    question: str | None = None
    suggestions: tuple[str, ...] = ()
    vote_key: str | None = None  # feedback: ``vote_digest`` of who voted on which message


# A record as MemoryUsageStore holds it: one bytes object. A head (when, in microseconds since
# the Unix epoch, UTC; helpful: 0, 1, or 2 for none; how many suggestions), then each text as
# its UTF-8 length and bytes (_NONE: no text), vote key first: vote key, team, user, topic,
# question, then the suggestions. Every text is cut at MAX_QUESTION_CHARS, so a length fits.
_HEAD = struct.Struct("<qBH")
_LENGTH = struct.Struct("<H")
_NONE = 0xFFFF
_NO_TEXT = _LENGTH.pack(_NONE)
_FIXED_TEXTS = 5
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_MICROSECOND = timedelta(microseconds=1)


def _micros(moment: datetime) -> int:
    """Microseconds since the Unix epoch; a moment without a zone is taken as UTC, as the SQL store does."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return (moment - _EPOCH) // _MICROSECOND


def _pack(created_at: datetime, helpful: bool | None, texts: tuple[str | None, ...],
          suggestions: Sequence[str]) -> bytes:
    suggestions = tuple(suggestions)[:_NONE]
    parts = [_HEAD.pack(_micros(created_at), 2 if helpful is None else int(helpful), len(suggestions))]
    for text in (*texts, *suggestions):
        if text is None:
            parts.append(_NO_TEXT)
        else:
            raw = text[:MAX_QUESTION_CHARS].encode()
            parts.append(_LENGTH.pack(len(raw)))
            parts.append(raw)
    return b"".join(parts)


def _unpack(kind: Kind, row: bytes) -> UsageRecord:
    micros, helpful, suggested = _HEAD.unpack_from(row)
    at = _HEAD.size
    texts: list[str | None] = []
    for _ in range(_FIXED_TEXTS + suggested):
        (length,) = _LENGTH.unpack_from(row, at)
        at += _LENGTH.size
        if length == _NONE:
            texts.append(None)
        else:
            texts.append(row[at:at + length].decode())
            at += length
    vote_key, team_id, user_id, topic_id, question = texts[:_FIXED_TEXTS]
    return UsageRecord(kind, team_id, user_id, _EPOCH + micros * _MICROSECOND, topic_id=topic_id,
                       helpful=None if helpful == 2 else bool(helpful), question=question,
                       suggestions=tuple(t for t in texts[_FIXED_TEXTS:] if t is not None), vote_key=vote_key)


def _vote_key_of(row: bytes) -> bytes | None:
    """The vote key's UTF-8, read without decoding the rest of the record."""
    (length,) = _LENGTH.unpack_from(row, _HEAD.size)
    start = _HEAD.size + _LENGTH.size
    return None if length == _NONE else row[start:start + length]


def _micros_of(row: bytes) -> int:
    return int(_HEAD.unpack_from(row)[0])


class MemoryUsageStore:
    """Keeps the newest ``max_records`` records of each kind in memory.

    Compact, as a busy process holds all of them (3 x 1,000 by default): each record is one
    bytes object (``_pack``; ~190 bytes for a 76-character question, against ~470 for a
    ``UsageRecord`` with its own datetime and strings). ``answers``, ``declines``, ``feedback``
    and ``records`` give them back as ``UsageRecord``s.
    """

    def __init__(self, *, max_records: int = 1_000, clock: Callable[[], datetime] = utc_now) -> None:
        self._clock = clock
        self._rows: dict[Kind, deque[bytes]] = {
            kind: deque(maxlen=max_records) for kind in ("answer", "decline", "feedback")}

    def _records(self, kind: Kind) -> list[UsageRecord]:
        return [_unpack(kind, row) for row in self._rows[kind]]

    @property
    def answers(self) -> list[UsageRecord]:
        return self._records("answer")

    @property
    def declines(self) -> list[UsageRecord]:
        return self._records("decline")

    @property
    def feedback(self) -> list[UsageRecord]:
        return self._records("feedback")

    @property
    def records(self) -> list[UsageRecord]:
        return sorted([*self.answers, *self.declines, *self.feedback], key=lambda r: r.created_at)

    def _add(self, kind: Kind, *, team_id: str | None, user_id: str | None, topic_id: str | None = None,
             question: str | None, helpful: bool | None = None, suggestions: Sequence[str] = (),
             vote_key: str | None = None) -> None:
        self._rows[kind].append(_pack(self._clock(), helpful, (vote_key, team_id, user_id, topic_id, question),
                                      suggestions))

    async def record_answer(
        self, *, team_id: str | None, user_id: str | None, topic_id: str, question: str
    ) -> None:
        self._add("answer", team_id=team_id, user_id=user_id, topic_id=topic_id, question=question)

    async def record_decline(
        self, *, team_id: str | None, user_id: str | None, question: str, suggestions: Sequence[str]
    ) -> None:
        self._add("decline", team_id=team_id, user_id=user_id, question=question, suggestions=suggestions)

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
        if digest is not None:
            held = digest.encode()
            if any(_vote_key_of(row) == held for row in self._rows["feedback"]):
                return False
        self._add("feedback", team_id=team_id, user_id=user_id, topic_id=topic_id, question=question,
                  helpful=bool(helpful), vote_key=digest)
        return True

    async def purge_older_than(self, days: int) -> int:
        oldest_kept = _micros(self._clock() - timedelta(days=days))
        removed = 0
        for rows in self._rows.values():
            kept = [row for row in rows if _micros_of(row) >= oldest_kept]
            removed += len(rows) - len(kept)
            rows.clear()
            rows.extend(kept)
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
