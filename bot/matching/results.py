"""What the answerer returns: the Match, and with --explain how it was reached."""

from __future__ import annotations

from typing import NamedTuple

from bot.knowledge import Topic


class QueryTerm(NamedTuple):
    """One term the question contributed, and how it was found.

    A NamedTuple rather than a frozen dataclass: a few are made per question,
    and a tuple is made in a third of the time."""

    term: str  # the index term (stem, or stems joined by spaces for a phrase)
    source: str  # the words of the question it came from
    via: str  # "exact", "joined", "fuzzy", "phrase" or "synonym"
    factor: float  # 1.0, or FUZZY_FACTOR for a typo correction
    idf: float


class TermScore(NamedTuple):
    term: str
    weight: float  # the term's weight in the topic
    score: float  # weight x idf x factor


class TopicScore(NamedTuple):
    topic: Topic
    score: float
    terms: tuple[TermScore, ...]  # largest first


class Stats(NamedTuple):
    """What one question cost, in operations (the regression guards count these, not time)."""

    postings_visited: int = 0
    lookups: int = 0
    fuzzy_candidates: int = 0
    candidates: int = 0

    @property
    def operations(self) -> int:
        return self.postings_visited + self.lookups + self.fuzzy_candidates


class Explanation(NamedTuple):
    terms: tuple[QueryTerm, ...]  # what the question was understood as
    unknown: tuple[str, ...]  # content words the index has never seen
    known_share: float  # 0..1, share of the question's idf mass recognised
    confidence: float  # best score x known share ** unknown_penalty
    min_confidence: float
    fully_explained: bool  # every word of the question is one of the best topic's own
    best: TopicScore | None
    runners_up: tuple[TopicScore, ...]
    stats: Stats
    vetoed: str = ""  # why the question is declined whatever its score ("outside the guide: who made"), or ""
    sums_up: tuple[str, ...] = ()  # the named topics the best one sums up (Topic.covers), when it took their place


class Match(NamedTuple):
    answered: bool
    topic: Topic | None
    score: float
    suggestions: tuple[Topic, ...] = ()
    explanation: Explanation | None = None
