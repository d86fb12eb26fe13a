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


def test_settle_sets_the_thresholds_and_cyclic_garbage_is_still_collected():
    before = gc.get_threshold()
    try:
        heap.settle()
        assert gc.get_threshold() == heap.THRESHOLDS
        collected = []
        gc.callbacks.append(lambda phase, info: phase == "stop" and collected.append(info["collected"]))
        try:
            for _ in range(heap.THRESHOLDS[0] + 1_000):
                a: list = []
                a.append(a)  # a cycle: only the collector frees it
            assert sum(collected) >= heap.THRESHOLDS[0] // 2  # a young collection ran by itself and freed them
        finally:
            gc.callbacks.pop()
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()
