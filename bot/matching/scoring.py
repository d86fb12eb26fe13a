"""Topics scored against the question's terms, and how far a topic covers the question.

See the package docstring (HOW IT SCORES, COST) for what the scores mean.
"""

from __future__ import annotations

import heapq
from typing import Iterable

from bot.matching.index import Index
from bot.matching.resolve import Resolved
from bot.matching.results import QueryTerm, Stats, TermScore, TopicScore
from bot.matching.tuning import COMPLETE_LIMIT, EXAMPLE_WEIGHT, OTHER_FRAMEWORK_FACTOR, RUNNERS_UP, TITLE_WEIGHT


def score_topics(
    index: Index, terms: Iterable[QueryTerm], limit: int, other: str | None = None
) -> tuple[list[tuple[int, float]], Stats]:
    """Ranked (topic index, score) pairs: exact among the topics the postings read reach.

    A topic whose title names only the framework ``other`` (the one the
    question does not name, when it names just one) has its score
    multiplied by OTHER_FRAMEWORK_FACTOR.

    Short postings lists are summed in full. For a term in more than
    ``limit`` (the answerer's ``posting_limit``) topics only its top postings
    (impact order) are summed; any other topic's weight for it is at most the
    weight of the last posting read, so a topic whose partial score plus the
    sum of those bounds (times its factor) trails the best partial score
    (times its factor) cannot win. Only the topics that can still win (plus
    the runners-up shown by --explain) are completed with direct look-ups,
    summed term by term as the full lists would (the same floats, so ties
    break by topic order either way), then sorted by score and topic order.

    The price of the bounded work: a topic that no list read reaches (every
    list it is in was cut above it) is never scored. It can score at most the
    sum of the bounds, which beats the winner only for questions made of
    words that most topics share, and weighted alike: 5 of the 2,804
    benchmark questions at 10,000 synthetic topics, none at 1,000 (none of the
    shipped knowledge's, whose 36 topics are never cut). Reading deeper until no
    such topic could win costs a scan of every topic for those questions (18 ms
    a question at 100,000 topics); BENCHMARKS.md has the figures.
    """
    acc: dict[int, float] = {}
    visited = lookups = 0
    truncated = 0  # terms whose list was cut
    bound = 0.0
    postings = index.postings
    read: list[QueryTerm] = []  # the terms with postings, in order
    for qt in terms:
        plist = postings.get(qt.term)
        if not plist:
            continue
        read.append(qt)
        mult = qt.idf * qt.factor
        if len(plist) > limit:
            plist = plist[:limit]
            truncated += 1
            bound += plist[-1][1] * mult
        if acc:
            get = acc.get
            for i, weight in plist:
                acc[i] = get(i, 0.0) + weight * mult
        else:  # the first list read: the same floats as 0.0 + each (weights and idf are positive)
            acc = {i: weight * mult for i, weight in plist}
        visited += len(plist)
    if not acc:
        return [], Stats(visited, 0, 0, 0)
    side = index.side

    def factor(i: int) -> float:
        return OTHER_FRAMEWORK_FACTOR if other is not None and side[i] == other else 1.0

    def order(p: tuple[int, float]) -> tuple[float, int]:
        return (-p[1], p[0])

    if not truncated:
        # (-score, index) tuples compare in C: the best first, ties in topic order
        if other is None:
            keyed = [(-v, i) for i, v in acc.items()]
        else:
            # factor() inline: this runs for every candidate of most questions
            keyed = [(-v * OTHER_FRAMEWORK_FACTOR if side[i] == other else -v, i) for i, v in acc.items()]
        # at most posting_limit topics per term here: sorting them all is cheaper than a heap
        best = sorted(keyed)[: 1 + RUNNERS_UP]
        return [(i, -negative) for negative, i in best], Stats(visited, 0, 0, len(acc))
    partial = {i: v * factor(i) for i, v in acc.items()}
    best_partial = max(partial.values())
    contenders = heapq.nsmallest(
        COMPLETE_LIMIT,
        (p for p in acc.items() if (p[1] + bound) * factor(p[0]) >= best_partial),
        key=lambda p: (-p[1] * factor(p[0]), p[0]),
    )
    shown = heapq.nsmallest(1 + RUNNERS_UP, partial.items(), key=order)
    complete = dict(contenders)
    complete.update((i, acc[i]) for i, _ in shown)
    # each completed topic is summed again term by term, in the order the full lists would
    # add them: the same float as the uncut sum, so ties break by topic order either way
    topic_terms = index.topic_terms
    for i in complete:
        weights = topic_terms[i]
        score = 0.0
        for qt in read:
            own = weights.get(qt.term)
            if own:
                score += own * qt.idf * qt.factor
        complete[i] = score
    lookups += len(complete) * len(read)
    ranked = sorted(((i, v * factor(i)) for i, v in complete.items()), key=order)
    return ranked, Stats(visited, lookups, 0, len(acc))


def summed_up(index: Index, ranked: list[tuple[int, float]], terms: list[QueryTerm],
              other: str | None = None) -> tuple[list[tuple[int, float]], tuple[int, ...]]:
    """``ranked`` with a topic that sums up the best one and others first, and the topics it sums up
    that the question names; or ``ranked`` as it is and ``()``.

    "need login + an admin panel by friday, which one gets me there faster": the admin interface
    scores best, but the question names two of the parts "Rapid development" sums up (the admin,
    authentication) and that topic's own subject (speed), so it answers. Each part is named by a
    word weighing ``COVER_WEIGHT`` in it and less than ``TITLE_WEIGHT`` in the summing topic, the
    own subject by a word weighing ``COVER_WEIGHT`` in the summing topic; a framework's name names
    neither. The summing topic takes the best score (it answers the question as well). When the
    best topic is asked about in full and the other parts only told as context ("forms for password
    change and transfers. how does django stop csrf attacks on those?": context weighs less), the
    question is about that part, which keeps its place. Nor does a topic about ``other`` only (the
    framework the question does not name, when it names one) take the place of anything.
    """
    best, score = ranked[0]
    chosen: tuple[float, int, tuple[int, ...]] | None = None  # (own subject's score, topic, parts named)
    for t in index.covering.get(best, ()):
        if other is not None and index.side[t] == other:
            continue  # "does django have forms, an admin and auth built in?" is not "Flask extensions"
        own_weights, naming = index.summing[t]
        own = 0.0
        named: set[int] = set()
        asked: set[int] = set()  # the parts named by a term of full weight (not context)
        for qt in terms:
            weight = own_weights.get(qt.term)
            if weight is not None:
                own += weight * qt.idf * qt.factor
                continue
            parts = naming.get(qt.term)
            if parts:
                named.update(parts)
                if qt.factor >= 1.0:
                    asked.update(parts)
        if own and len(named) >= 2 and asked != {best} and (chosen is None or own > chosen[0]):
            chosen = (own, t, tuple(sorted(named)))
    if chosen is None:
        return ranked, ()
    _, t, named_parts = chosen  # the one whose own subject is asked the most
    return [(t, score)] + [p for p in ranked if p[0] != t], named_parts


def topic_score(index: Index, i: int, score: float, terms: Iterable[QueryTerm]) -> TopicScore:
    """Topic ``i``'s score broken down by term, for --explain."""
    weights = index.topic_terms[i]
    parts = [
        TermScore(qt.term, weights[qt.term], weights[qt.term] * qt.idf * qt.factor)
        for qt in terms
        if qt.term in weights
    ]
    parts.sort(key=lambda p: -p.score)
    return TopicScore(index.topics[i], score, tuple(parts))


def mentions(index: Index, i: int, terms: list[QueryTerm], weight: float = EXAMPLE_WEIGHT) -> bool:
    """True when one of the terms weighs at least ``weight`` in topic ``i``."""
    weights = index.topic_terms[i]
    return any(weights.get(qt.term, 0.0) >= weight for qt in terms)


def explains(index: Index, i: int, resolved: Resolved) -> bool:
    """True when the question has no unknown word and every one of its
    descriptive words is a keyword or title word of topic ``i`` (or a
    synonym of one): "what is flask?" is all about the Flask overview
    even though "flask" on its own is a common word."""
    if resolved.unknown or resolved.specific:
        # a word no topic is described by but the answers use ("unit
        # tests for flask views") asks something more specific than the topic
        return False
    weights = index.topic_terms[i]
    # Words no topic is described by (they only occur in some answer's
    # prose: "sentence", "exactly") neither support nor contradict a topic.
    words = [t for t in resolved.words if t not in index.prose]
    if not words:
        return False
    for term in words:
        if weights.get(term, 0.0) >= TITLE_WEIGHT:
            continue
        if any(weights.get(t, 0.0) >= TITLE_WEIGHT for t in index.synonyms.get(term, ())):
            continue
        return False
    return True
