import gc

from bot import heap


def test_settle_freezes_what_is_alive_and_a_second_call_frees_what_was_dropped():
    try:
        kept = [object() for _ in range(1000)]
        heap.settle()
        frozen = gc.get_freeze_count()
        assert frozen > 0
        dropped = [[i] for i in range(5000)]
        dropped.append(dropped)  # a cycle: only the collector frees it
        heap.settle()
        del dropped
        heap.settle()
        assert gc.get_freeze_count() < frozen + 5000
        assert kept
    finally:
        gc.unfreeze()
