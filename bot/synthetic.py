"""Synthetic knowledge bases of any size, for cost tests and the benchmark (pure).

``synthetic_knowledge(n_topics, seed)`` returns a valid ``Knowledge`` whose
topics look like the real ones in shape: a title that mentions Flask or
Django, 3 to 6 weighted keywords, a synonym, two example questions and an
answer paragraph. Words are drawn from an invented vocabulary with a Zipf-like
distribution, so a few words are shared by very many topics (like "flask",
"web", "app" in the real guide) and most are rare. Same arguments, same
knowledge: the generator only uses ``random.Random(seed)``.
"""

from __future__ import annotations

import itertools
import random

from bot.knowledge import (
    Comparison,
    ComparisonRow,
    Knowledge,
    Option,
    Question,
    Recommendation,
    Topic,
)

_ONSETS = ("b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "st", "kr", "pl")
_VOWELS = ("a", "e", "i", "o", "u", "ai", "ou")
_CODAS = ("", "", "n", "r", "s", "x", "m")


def synthetic_vocabulary(size: int, seed: int = 0) -> list[str]:
    """``size`` distinct invented words (2-3 syllables), in a seeded order."""
    rng = random.Random(seed)
    syllables = [o + v + c for o, v, c in itertools.product(_ONSETS, _VOWELS, _CODAS)]
    words: list[str] = []
    seen: set[str] = set()
    while len(words) < size:
        word = "".join(rng.choice(syllables) for _ in range(rng.choice((2, 2, 3))))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def _sentence(rng: random.Random, vocab: list[str], cum: list[float], n: int) -> str:
    return " ".join(rng.choices(vocab, cum_weights=cum, k=n))


def synthetic_knowledge(n_topics: int, seed: int = 0) -> Knowledge:
    """A knowledge base of ``n_topics`` generated topics (ids ``t000000``...)."""
    rng = random.Random(seed)
    vocab = synthetic_vocabulary(2_000 + n_topics // 2, seed)
    common = ["flask", "django", "web", "app", "framework", "python"]
    # Zipf-like: the k-th word is drawn with weight 1/(k+1).
    cum: list[float] = list(itertools.accumulate(1.0 / (k + 1) for k in range(len(vocab))))
    topics: dict[str, Topic] = {}
    for i in range(n_topics):
        tid = f"t{i:06d}"
        framework = common[i % 2]
        title_words = _sentence(rng, vocab, cum, 2)
        keywords = {w: float(rng.choice((1, 1, 2, 3))) for w in rng.choices(vocab, cum_weights=cum, k=rng.randint(3, 6))}
        keywords[framework] = 1.0
        first = next(iter(keywords))
        topics[tid] = Topic(
            id=tid,
            title=f"{framework.title()} {title_words}",
            answer=f"*{framework.title()}* " + _sentence(rng, vocab, cum, 25) + " " + " ".join(rng.sample(common, 3)) + ".",
            section=f"Synthetic › Section {i % 50}",
            keywords=keywords,
            synonyms={first: (vocab[-1 - rng.randrange(len(vocab) // 2)],)},  # a rare word
            examples=(
                f"what about {_sentence(rng, vocab, cum, 3)} in {framework}?",
                f"how does {framework} handle {_sentence(rng, vocab, cum, 2)}",
            ),
            related=(f"t{(i + 1) % n_topics:06d}",) if n_topics > 1 else (),
        )
    row = ComparisonRow(aspect="Scope", flask="Micro", django="Full-stack")
    comparison = Comparison(title="Synthetic comparison", section="Synthetic", summary="Synthetic.", rows=(row,) * 5)
    options = (
        Option(id="a", label="A", flask=1, django=0, reason="Synthetic.", section="Synthetic", topic=None),
        Option(id="b", label="B", flask=0, django=1, reason="Synthetic.", section="Synthetic", topic=None),
    )
    questions = tuple(Question(id=f"q{k}", text=f"Synthetic question {k}?", options=options) for k in range(5))
    recommendation = Recommendation(flow_version=1, close_call_margin=0.1, questions=questions)
    return Knowledge(version=1, topics=topics, comparison=comparison, recommendation=recommendation)
