"""Keyword-matching FAQ answerer (pure, deterministic: no Slack, no network).

CONTRACT (other modules rely on these names and fields):

    class Answerer:
        def __init__(self, knowledge: Knowledge) -> None   # builds the index once
        def answer(self, question: str, *, explain: bool = False) -> Match

    Match (frozen dataclass):
        answered: bool
        topic: Topic | None              # the answer, when answered
        score: float                     # best topic's score (0.0 when nothing matched)
        suggestions: tuple[Topic, ...]   # up to 3 "did you mean" topics, when declined
        explanation: Explanation | None  # only when explain=True
"""
