"""The answerer on its own: µs per question over the shipped knowledge and synthetic ones.

The question list mixes the shipped test questions (typos, slang, markup,
questions the guide declines) with, for synthetic knowledge, example
questions drawn from its own topics, so both the answer and the decline paths
are timed. Operation counts (``Answerer.last_stats``) are reported next to the
times: they are what the growth guard in tests/bench pins.
"""

from __future__ import annotations

import gc
import random
import statistics
import time
from dataclasses import dataclass

from bench.load import questions
from bot.knowledge import Knowledge, default_knowledge_dir, load_knowledge
from bot.matching import Answerer


@dataclass(frozen=True)
class AnswererResult:
    label: str
    topics: int
    questions: int
    us_per_question: float     # mean over repeated passes (the best pass of 5)
    p99_us: float              # 99th percentile of single-question times
    operations: float          # mean Stats.operations per question
    build_seconds: float       # index build time


def question_mix(knowledge: Knowledge, base: list[str], *, sample: int = 200, seed: int = 1) -> list[str]:
    """``base`` plus up to ``sample`` example questions of random topics in ``knowledge``."""
    rng = random.Random(seed)
    topics = list(knowledge.topics.values())
    picked = rng.sample(topics, min(sample, len(topics)))
    own = [t.examples[rng.randrange(len(t.examples))] for t in picked if t.examples]
    mixed = base + own
    rng.shuffle(mixed)
    return mixed


def measure(label: str, knowledge: Knowledge, qs: list[str], *, min_seconds: float = 0.3) -> AnswererResult:
    started = time.perf_counter()
    answerer = Answerer(knowledge)
    build = time.perf_counter() - started
    ops = []
    for q in qs:  # warm caches (stems, fuzzy look-ups) and count operations
        answerer.answer(q)
        ops.append(answerer.last_stats.operations)
    gc.collect()
    clock = time.perf_counter
    best = float("inf")
    singles: list[float] = []
    deadline = clock() + min_seconds
    passes = 0
    while passes < 5 or (clock() < deadline and passes < 50):
        t0 = clock()
        for q in qs:
            t = clock()
            answerer.answer(q)
            singles.append(clock() - t)
        best = min(best, (clock() - t0) / len(qs))
        passes += 1
    p99 = statistics.quantiles(singles, n=100)[98] if len(singles) > 1 else singles[0]
    return AnswererResult(label, len(knowledge.topics), len(qs), best * 1e6, p99 * 1e6,
                          statistics.fmean(ops), build)


def run(sizes: tuple[int, ...] = (1_000, 10_000, 100_000), *, min_seconds: float = 0.3,
        progress=lambda s: None) -> list[AnswererResult]:  # type: ignore[no-untyped-def]
    from bot.synthetic import synthetic_knowledge

    base = questions()
    shipped = load_knowledge(default_knowledge_dir())
    results = [measure("shipped", shipped, base, min_seconds=min_seconds)]
    progress(_line(results[-1]))
    for n in sizes:
        kb = synthetic_knowledge(n, seed=0)
        results.append(measure(f"synthetic {n:,}", kb, question_mix(kb, base), min_seconds=min_seconds))
        progress(_line(results[-1]))
        del kb
        gc.collect()
    return results


def _line(r: AnswererResult) -> str:
    return (f"answerer {r.label:<18} {r.us_per_question:8.1f} µs/q  p99 {r.p99_us:8.1f} µs  "
            f"{r.operations:7.1f} ops/q  (index built in {r.build_seconds:.2f} s)")
