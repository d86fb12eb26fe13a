import sys
from datetime import datetime, timedelta, timezone

from bot.followups import MAX_KEPT_CHARS
from bot.stores import vote_digest
from bot.stores.memory import MemoryConversations, MemoryDeduper, MemoryUsageStore, UsageRecord, _pack, utc_now


class FakeClock:
    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


async def test_first_seen_once_within_ttl_then_again_after_expiry():
    clock = FakeClock()
    deduper = MemoryDeduper(10, clock=clock)
    assert await deduper.first_seen("Ev1") is True
    assert await deduper.first_seen("Ev1") is False
    assert await deduper.first_seen("Ev2") is True
    clock.now += 9.9
    assert await deduper.first_seen("Ev1") is False
    clock.now += 0.2
    assert await deduper.first_seen("Ev1") is True


async def test_a_repeat_does_not_extend_the_ttl():
    clock = FakeClock()
    deduper = MemoryDeduper(10, clock=clock)
    await deduper.first_seen("k")
    clock.now += 6
    assert await deduper.first_seen("k") is False
    clock.now += 5
    assert await deduper.first_seen("k") is True


async def test_a_key_lives_at_least_the_ttl_and_at_most_a_second_more():
    clock = FakeClock(1000.3)
    deduper = MemoryDeduper(10, clock=clock)
    assert await deduper.first_seen("k") is True
    clock.now = 1010.29
    assert await deduper.first_seen("k") is False  # inside the TTL
    clock.now = 1010.99
    assert await deduper.first_seen("k") is False  # the expiry is rounded up to a whole second
    clock.now = 1011.0
    assert await deduper.first_seen("k") is True


async def test_keys_are_held_as_fingerprints_not_their_text():
    import gc
    import weakref

    class Key(str):
        pass

    deduper = MemoryDeduper(600, clock=FakeClock())
    key = Key("event:Ev0123456789")
    ref = weakref.ref(key)
    assert await deduper.first_seen(key) is True
    del key
    gc.collect()
    assert ref() is None  # the store kept no reference to the text
    assert await deduper.first_seen("event:Ev0123456789") is False


async def test_expired_keys_are_evicted():
    clock = FakeClock()
    deduper = MemoryDeduper(5, clock=clock)
    for i in range(100):
        await deduper.first_seen(f"old{i}")
    clock.now += 6
    await deduper.first_seen("new")
    assert len(deduper) == 1


async def test_size_is_capped_oldest_first():
    deduper = MemoryDeduper(600, max_keys=3, clock=FakeClock())
    for key in ("a", "b", "c", "d"):
        assert await deduper.first_seen(key) is True
    assert len(deduper) == 3
    assert await deduper.first_seen("a") is True   # forgotten: the oldest
    assert await deduper.first_seen("d") is False


async def test_usage_store_records_queries_and_purges():
    now = datetime(2026, 11, 24, 12, tzinfo=timezone.utc)
    current = [now - timedelta(days=100)]
    store = MemoryUsageStore(max_records=5, clock=lambda: current[0])
    await store.record_answer(team_id="T1", user_id="U1", topic_id="orm", question="old")
    current[0] = now
    await store.record_answer(team_id="T1", user_id="U1", topic_id="orm", question="q" * 3000)
    await store.record_decline(team_id="T1", user_id="U2", question="kubernetes?", suggestions=["deploy"])
    await store.record_feedback(team_id="T1", user_id="U1", topic_id="orm", helpful=False, question=None)
    await store.record_feedback(team_id="T1", user_id="U3", topic_id="orm", helpful=True, question="x")

    assert [r.kind for r in store.records] == ["answer", "answer", "decline", "feedback", "feedback"]
    assert len(store.answers[-1].question) == 2000
    assert store.declines[0].suggestions == ("deploy",)
    since = now - timedelta(days=7)
    assert await store.answer_counts(since) == [("orm", 1)]
    assert await store.feedback_counts(since) == [("orm", 1, 1)]
    assert await store.declined_questions(since) == ["kubernetes?"]
    assert await store.purge_older_than(90) == 1
    assert len(store.answers) == 1


async def test_a_vote_key_is_counted_once_while_its_vote_is_kept():
    store = MemoryUsageStore(max_records=2)
    vote = dict(team_id="T1", user_id="U1", topic_id="orm", question=None)
    assert await store.record_feedback(helpful=False, vote_key="T1:U1:C1:1.2", **vote) is True
    assert await store.record_feedback(helpful=True, vote_key="T1:U1:C1:1.2", **vote) is False
    assert await store.record_feedback(helpful=True, vote_key="T1:U1:C1:9.9", **vote) is True  # another message
    assert await store.record_feedback(helpful=True, vote_key=None, **vote) is True  # no key: always counted
    assert await store.record_feedback(helpful=True, vote_key=None, **vote) is True
    assert [r.helpful for r in store.feedback] == [True, True]  # the first two left with max_records=2
    assert await store.record_feedback(helpful=True, vote_key="T1:U1:C1:1.2", **vote) is True  # its vote is gone
    assert all(r.vote_key is None or len(r.vote_key) == 64 for r in store.feedback), "a digest, not the key"


async def test_usage_records_come_back_as_they_went_in():
    """Held packed (one bytes object a record): every field round-trips, to the microsecond."""
    at = datetime(2026, 12, 8, 1, 2, 3, 456789, tzinfo=timezone.utc)
    store = MemoryUsageStore(clock=lambda: at)
    await store.record_answer(team_id="T1", user_id=None, topic_id="orm", question="")
    await store.record_decline(team_id=None, user_id="U\u00e9", question="k8s? \U0001F680",
                               suggestions=["deploy", "", "orm"])
    await store.record_feedback(team_id="T1", user_id="U1", topic_id="orm", helpful=False, question=None,
                                vote_key="T1:U1:C1:1.2")
    assert store.records == [
        UsageRecord("answer", "T1", None, at, topic_id="orm", question=""),
        UsageRecord("decline", None, "U\u00e9", at, question="k8s? \U0001F680",
                    suggestions=("deploy", "", "orm")),
        UsageRecord("feedback", "T1", "U1", at, topic_id="orm", helpful=False, vote_key=vote_digest("T1:U1:C1:1.2")),
    ]
    naive = MemoryUsageStore(clock=lambda: datetime(2026, 12, 8, 1, 2, 3))
    await naive.record_answer(team_id="T1", user_id="U1", topic_id="orm", question="q")
    assert naive.answers[0].created_at == datetime(2026, 12, 8, 1, 2, 3, tzinfo=timezone.utc)  # UTC, as in SQL


def test_a_usage_record_is_held_in_under_200_bytes():
    """~470 bytes as a UsageRecord with its own datetime and strings; 190 packed (BENCHMARKS.md)."""
    row = _pack(utc_now(), None, (None, "T0123ABCD", "U0123ABCDE", "orm", "q" * 76), ())
    assert sys.getsizeof(row) < 200


async def test_usage_store_is_bounded():
    store = MemoryUsageStore(max_records=2)
    for i in range(5):
        await store.record_decline(team_id=None, user_id=None, question=f"q{i}", suggestions=[])
    assert [r.question for r in store.declines] == ["q3", "q4"]


async def test_forget_gives_a_key_up_before_its_ttl():
    clock = FakeClock()
    deduper = MemoryDeduper(10, clock=clock)
    assert await deduper.first_seen("share:W1:C1:1.1") is True
    await deduper.forget("share:W1:C1:1.1")
    await deduper.forget("never-claimed")  # a no-op
    assert await deduper.first_seen("share:W1:C1:1.1") is True
    assert await deduper.first_seen("share:W1:C1:1.1") is False
    clock.now += 11  # the forgotten claim's old place in the order expires without touching the new one
    assert await deduper.first_seen("other") is True
    assert await deduper.first_seen("share:W1:C1:1.1") is True


async def test_a_forgotten_key_at_the_front_is_evicted_quietly():
    clock = FakeClock()
    deduper = MemoryDeduper(10, max_keys=2, clock=clock)
    await deduper.first_seen("a")
    await deduper.forget("a")
    await deduper.first_seen("b")
    await deduper.first_seen("c")  # over max_keys: the front entry ("a", forgotten) goes, no KeyError
    assert await deduper.first_seen("b") is False and await deduper.first_seen("c") is False


# --- the compact table against a plain model of the same rules ------------------------------

import math  # noqa: E402
from collections import deque  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


class ModelDeduper:
    """The rules, plainly: claims in order with their expiry (whole seconds, rounded up); the
    oldest goes beyond ``max_keys``; a forgotten claim keeps its place until it is the oldest."""

    def __init__(self, ttl: float, max_keys: int) -> None:
        self.ttl, self.max_keys = ttl, max_keys
        self.order: deque[list] = deque()  # [key, expiry]
        self.live: dict[str, list] = {}

    def first_seen(self, key: str, now: float) -> bool:
        while self.order and self.order[0][1] <= now:
            self._pop()
        if key in self.live:
            return False
        if len(self.order) == self.max_keys:
            self._pop()
        claim = [key, math.ceil(now + self.ttl)]
        self.order.append(claim)
        self.live[key] = claim
        return True

    def forget(self, key: str) -> None:
        self.live.pop(key, None)

    def _pop(self) -> None:
        key, _ = claim = self.order.popleft()
        if self.live.get(key) is claim:
            del self.live[key]


KEYS = [f"k{i}" for i in range(6)]
OPS = st.lists(st.one_of(
    st.tuples(st.just("claim"), st.sampled_from(KEYS)),
    st.tuples(st.just("forget"), st.sampled_from(KEYS)),
    st.tuples(st.just("wait"), st.floats(min_value=0, max_value=4)),
), max_size=120)


@settings(max_examples=500, deadline=None)
@given(ops=OPS, max_keys=st.sampled_from([1, 2, 3, 5, 8, 20]))
async def test_the_deduper_follows_the_model(ops, max_keys):
    clock = FakeClock()
    deduper = MemoryDeduper(5, max_keys=max_keys, clock=clock)
    model = ModelDeduper(5, max_keys)
    for op, arg in ops:
        if op == "claim":
            assert await deduper.first_seen(arg) == model.first_seen(arg, clock.now), (op, arg)
        elif op == "forget":
            await deduper.forget(arg)
            model.forget(arg)
        else:
            clock.now += arg
        assert len(deduper) == len(model.live) <= max_keys
    for key in KEYS:
        assert await deduper.first_seen(key) == model.first_seen(key, clock.now), key


async def test_a_key_forgotten_and_claimed_again_outlives_its_first_claim():
    deduper = MemoryDeduper(600, max_keys=2, clock=FakeClock())
    assert await deduper.first_seen("share") is True
    await deduper.forget("share")                     # a failed share gives its key up
    assert await deduper.first_seen("share") is True  # the retry claims it again
    assert await deduper.first_seen("other") is True  # the first claim is pushed out...
    assert await deduper.first_seen("share") is False  # ...and the second still holds


async def test_close_forgets_everything():
    deduper = MemoryDeduper(600, max_keys=4, clock=FakeClock())
    for key in "abcd":
        await deduper.first_seen(key)
    await deduper.close()
    assert len(deduper) == 0
    assert [await deduper.first_seen(key) for key in "abcde"] == [True] * 5


async def test_claims_allocate_nothing_per_key():
    """Change 23's point (BENCHMARKS.md): the arrays are allocated once; 20,000 claims add no
    Python object per key (the dict-and-deque version grew ~2 MB here)."""
    import tracemalloc

    deduper = MemoryDeduper(600, clock=FakeClock())
    keys = [f"event:Ev{i:012d}" for i in range(25_000)]
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for key in keys:
            await deduper.first_seen(key)
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert len(deduper) == 20_000
    assert grown < 64 * 1024, f"{grown} bytes for 20,000 keys"


async def test_a_conversation_recalls_its_last_question_until_the_ttl():
    clock = FakeClock()
    memory = MemoryConversations(60, clock=clock)
    assert await memory.recall("T1:D1:-") is None
    await memory.remember("T1:D1:-", "why flask?")
    await memory.remember("T1:D1:-", "is django secure?")   # the last one counts
    await memory.remember("T1:C1:123.4", "what is wsgi")
    assert await memory.recall("T1:D1:-") == "is django secure?"
    assert await memory.recall("T1:C1:123.4") == "what is wsgi"
    clock.now += 59.9
    assert await memory.recall("T1:D1:-") == "is django secure?"
    clock.now += 0.2
    assert await memory.recall("T1:D1:-") is None
    assert len(memory) == 1   # the expired one is gone
    await memory.remember("T1:D2:-", "what is wsgi")  # a new question drops the expired at the front
    assert len(memory) == 1 and await memory.recall("T1:D2:-") == "what is wsgi"


async def test_conversations_are_capped_the_longest_silent_first():
    memory = MemoryConversations(60, max_keys=2, clock=FakeClock())
    await memory.remember("a", "q1")
    await memory.remember("b", "q2")
    await memory.remember("a", "q3")        # "a" asked again: now "b" is the oldest
    await memory.remember("c", "q4")
    assert [await memory.recall(k) for k in "abc"] == ["q3", None, "q4"]
    await memory.remember("d", "x" * (MAX_KEPT_CHARS + 10))
    assert len(await memory.recall("d") or "") == MAX_KEPT_CHARS
    await memory.close()
    assert len(memory) == 0


async def test_conversations_at_the_cap_take_a_third_of_a_megabyte():
    """Every answered mention in a new thread adds one: the store must stay small (see
    BENCHMARKS.md, "The conversation store, made compact"). Measured, not timed."""
    import tracemalloc

    memory = MemoryConversations(3600, clock=FakeClock())
    tracemalloc.start()
    try:
        for i in range(memory.max_keys + 100):
            await memory.remember(f"T0001:C0123456:{1700000000 + i}.000100", f"is flask secure enough for app {i}?")
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(memory) == memory.max_keys == 2_000
    assert held < 450_000, held   # ~164 bytes a conversation; strings in an OrderedDict took ~330
    assert await memory.recall("T0001:C0123456:1700000099.000100") is None       # the oldest went first
    assert await memory.recall("T0001:C0123456:1700002099.000100") == "is flask secure enough for app 2099?"
