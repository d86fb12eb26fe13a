"""Keyword-matching FAQ answerer (pure, deterministic: no Slack, no network)."""

from __future__ import annotations

from bot.matching.answerer import Answerer, Explanation, Match, QueryTerm, Stats, TermScore, TopicScore

__all__ = [
    "Answerer",
    "Explanation",
    "Match",
    "QueryTerm",
    "Stats",
    "TermScore",
    "TopicScore",
]
