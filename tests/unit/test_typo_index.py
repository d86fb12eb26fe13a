"""The typo index's size: it has an entry for every one-letter delete of every vocabulary word."""

from __future__ import annotations


def test_the_typo_index_of_the_shipped_knowledge_stays_small():
    """Change 22 (BENCHMARKS.md): hashed keys in a sorted array, one word kept as itself:
    ~120 KB traced for the shipped knowledge, where a dict of texts to tuples took ~860 KB."""
    import tracemalloc

    from bot.knowledge import default_knowledge_dir, load_knowledge
    from bot.matching.index import Index
    from bot.matching.typos import TypoCorrector

    index = Index(load_knowledge(default_knowledge_dir()))
    tracemalloc.start()
    try:
        TypoCorrector(index)
        size = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert size < 300 * 1024, f"{size} bytes"
