"""The benchmark's answerer figures, guarded by operation counts (never by wall clock).

``python -m bench`` times the answerer over a mix of the shipped test questions
(typos, slang, markup, out-of-scope questions) and synthetic topics' own
examples. tests/unit/test_matching.py already guards growth on synthetic
examples; this guard uses the benchmark's own mix, so the typo path (fuzzy
candidates grow with the vocabulary) and the decline path are covered too.
"""

from __future__ import annotations

import pytest

from bench.answerer import question_mix
from bench.load import questions
from bot.matching import Answerer, Stats
from bot.synthetic import synthetic_knowledge


def mean_stats(answerer: Answerer, qs: list[str]) -> Stats:
    totals = [0, 0, 0, 0]
    for q in qs:
        answerer.answer(q)
        s = answerer.last_stats
        for i, v in enumerate((s.postings_visited, s.lookups, s.fuzzy_candidates, s.candidates)):
            totals[i] += v
    return Stats(*(round(t / len(qs)) for t in totals))


@pytest.fixture(scope="module")
def costs() -> dict[int, Stats]:
    base = questions()
    out = {}
    for n in (1_000, 10_000):
        kb = synthetic_knowledge(n, seed=0)
        out[n] = mean_stats(Answerer(kb), question_mix(kb, base))
    return out


def test_ten_times_the_topics_costs_well_under_twice_the_operations(costs):
    small, big = costs[1_000], costs[10_000]
    assert big.operations < 2 * small.operations, (small, big)


def test_each_kind_of_work_is_bounded(costs):
    big = costs[10_000]
    limit = Answerer(synthetic_knowledge(10, seed=0)).posting_limit
    assert big.postings_visited < 4 * limit, big       # a few query terms, each cut at posting_limit
    assert big.lookups < 2 * limit, big                 # completing the few topics that can still win
    # typo correction stays local: a bounded neighbourhood per unknown word (index vocabulary
    # plus the everyday-English list), the same at 1,000 and 10,000 topics. The mean per question
    # follows the questions' length, not the topics: 190 on the 4,150 questions of 2026-12-07's
    # fourteenth session, 201 on the 4,618 of the fifteenth (longer project descriptions), 258 on the
    # 7,259 of the seventeenth (long posts, pasted threads; 260 for the code the session started from
    # on the same questions), at both sizes.
    assert big.fuzzy_candidates < 300, big
    assert big.fuzzy_candidates <= 1.2 * costs[1_000].fuzzy_candidates, (costs[1_000], big)


def test_the_shipped_questions_are_all_in_the_mix():
    kb = synthetic_knowledge(50, seed=0)
    base = questions()
    mixed = question_mix(kb, base)
    assert set(base) <= set(mixed) and len(mixed) > len(base)
