"""The answerer: builds the index and typo corrector once, then answers or declines each question.

The decision (THE DECLINE RULE in the package docstring) is made in ``answer``;
``resolve`` turns the question into terms and ``scoring`` ranks the topics.
"""

from __future__ import annotations

import gc
import math

from bot.knowledge import FrozenMap, Knowledge, Topic
from bot.matching.index import Index
from bot.matching.resolve import Resolved, resolve
from bot.matching.results import Explanation, Match, QueryTerm, Stats
from bot.matching.scoring import explains, mentions, score_topics, summed_up, topic_score
from bot.matching.tuning import (
    BARE_CHOICE_FLOOR,
    COMPARING,
    DAY_WORDS,
    DEFAULT_MIN_CONFIDENCE,
    DEFAULT_POSTING_LIMIT,
    DEFAULT_UNKNOWN_PENALTY,
    FRAMEWORKS,
    HOW_TO_FACTOR,
    MAX_SUGGESTIONS,
    RUNNERS_UP,
    TITLE_WEIGHT,
    UNFRAMED_MIN_SHARE,
    UNFRAMED_SCHEDULED_UNKNOWN,
    UNFRAMED_UNKNOWN,
)
from bot.matching.typos import TypoCorrector
from bot.neutral import is_common_word
from bot.text import clear_word_caches

_NO_WORDING = FrozenMap()

# what a question that asks for a choice but names nothing is read as ("flask or django: ")
CHOICE_PREFIX = " or ".join(FRAMEWORKS) + ": "
# ... and so is a project told, then a bare choice asked, when no topic scores tuning.BARE_CHOICE_FLOOR


class Answerer:
    """Answers free-text questions with the best-matching topic, or declines."""

    def __init__(
        self,
        knowledge: Knowledge,
        *,
        min_confidence: float = DEFAULT_MIN_CONFIDENCE,
        posting_limit: int = DEFAULT_POSTING_LIMIT,
        unknown_penalty: float = DEFAULT_UNKNOWN_PENALTY,
    ) -> None:
        self.knowledge = knowledge
        self.min_confidence = min_confidence
        self.unknown_penalty = unknown_penalty
        self.posting_limit = posting_limit
        self.last_stats = Stats()
        # Building allocates millions of small objects at 100k topics; the
        # cyclic GC would rescan them again and again (none are cycles).
        gc_was_enabled = gc.isenabled()
        gc.disable()
        try:
            self._index = Index(knowledge)
            self._typos = TypoCorrector(self._index)
        finally:
            if gc_was_enabled:
                gc.enable()
        is_common_word("the")  # load the everyday-English list now, not on a first question
        clear_word_caches()  # the build stemmed every word of the knowledge; questions bring their own

    def shed_build_inputs(self) -> Knowledge:
        """The knowledge with its topics shed of what only building the index reads (keywords,
        synonyms, example questions), kept here and in the index instead of the whole, and returned
        for a server to keep (``bot.responses.Brain.build``): strings it would never read again."""
        topics = self._index.topics
        for i, t in enumerate(topics):
            topics[i] = t._replace(keywords=_NO_WORDING, synonyms=_NO_WORDING, examples=())
        self.knowledge = self.knowledge._replace(topics=FrozenMap({t.id: t for t in topics}))
        return self.knowledge

    def asks_on_its_own(self, words: str) -> bool:
        """Do ``words`` ask something of their own? They do when they are answered and no other topic
        scores as high ("is secure"), or hold words the guide does not know ("is going to rain"), or
        are declined as outside the guide ("who made"). "how does work" asks nothing, and "what is
        used for" nothing one topic answers (Flask's and Django's use cases tie): what a question
        pointing back at the last one holds besides its pointer (``bot.followups.rewrite``)."""
        match = self.answer(words, explain=True)
        explanation = match.explanation
        assert explanation is not None  # explain=True
        if not match.answered:
            return bool(explanation.unknown or explanation.vetoed.startswith("outside the guide"))
        best = explanation.best.score if explanation.best else match.score
        runner_up = explanation.runners_up[0].score if explanation.runners_up else 0.0
        return runner_up < best and not math.isclose(runner_up, best, rel_tol=1e-6)

    def _scored(self, resolved: Resolved) -> tuple[list[QueryTerm], list[str], str | None,
                                                    list[tuple[int, float]], Stats]:
        """The resolved question's terms, the frameworks it names (the one it prefers, if any), the other
        framework when it names one, and the topics scored."""
        terms = list(resolved.terms.values())
        named = [resolved.preferred] if resolved.preferred else [f for f in FRAMEWORKS if f in resolved.words]
        other = FRAMEWORKS[1 - FRAMEWORKS.index(named[0])] if len(named) == 1 else None
        ranked_scores, stats = score_topics(self._index, terms, self.posting_limit, other)
        return terms, named, other, ranked_scores, stats

    def answer(self, question: str, *, explain: bool = False) -> Match:
        index = self._index
        resolved = resolve(question, index, self._typos)
        if resolved.choice_only:  # "which one should we go with": between the two frameworks
            resolved = resolve(f"{CHOICE_PREFIX}{question}", index, self._typos)
        terms, named, other, ranked_scores, stats = self._scored(resolved)
        if resolved.bare_choice and not named and not resolved.choice_only and terms and (
                not ranked_scores or ranked_scores[0][1] < BARE_CHOICE_FLOOR):
            # "building a volunteer shift scheduler for a charity run. what would you go with": a
            # project no topic is about, then a choice between the two frameworks (when the guide
            # knows a word of it: "pineapple on pizza: yes or no? verdict?" is no project)
            resolved = resolve(f"{CHOICE_PREFIX}{question}", index, self._typos)
            terms, named, other, ranked_scores, stats = self._scored(resolved)
        stats = Stats(stats.postings_visited, stats.lookups, resolved.fuzzy_candidates,
                      stats.candidates)
        self.last_stats = stats
        ranked_scores = [p for p in ranked_scores if p[1] > 0]
        if resolved.lacking:
            # "what can flask do that django can't" is not "What can Django do that Flask cannot?"
            lacking = index.lacking
            ranked_scores = [p for p in ranked_scores if lacking[p[0]] in (None, resolved.lacking)]
        summed: tuple[int, ...] = ()
        if ranked_scores and ranked_scores[0][0] in index.covering:
            # "need login + an admin panel by friday, which gets me there faster": the topic that sums
            # up the admin and authentication, and is about speed
            ranked_scores, summed = summed_up(index, ranked_scores, terms, other)
        ranked = [i for i, _ in ranked_scores]
        # "flask or django for our bakery's booking site": a choice between
        # the two for the asker's own project. Unknown words after "for"
        # describe that project, not a subject outside the guide ("flask vs
        # django github stars" still declines), unless one is off-topic.
        choice = ((len(named) == len(FRAMEWORKS) or resolved.bare_choice) and not resolved.off_topic
                  and not resolved.subject)
        unknown_mass = 0.0 if choice else resolved.unknown_mass
        total = resolved.known_mass + unknown_mass
        known_share = resolved.known_mass / total if total else 0.0
        best_score = ranked_scores[0][1] if ranked_scores else 0.0
        confidence = best_score * known_share ** self.unknown_penalty
        other_technology = resolved.off_topic > len(resolved.out_of_scope) and not any(
            f in resolved.words for f in FRAMEWORKS)
        # "is django in demand": the best topic is about Flask only and says nothing
        # of Django ("Are Flask developers in demand?"); it does not answer that,
        # unless the question compares ("blueprints vs django apps")
        other_only = bool(ranked and other is not None and index.only[ranked[0]] == other
                          and COMPARING.isdisjoint(resolved.words))
        # "can someone reset my password for the staging admin panel? locked out again":
        # no framework named, no choice asked, and mostly words the guide does not know
        many_unknown = len(resolved.unknown) - resolved.told >= UNFRAMED_UNKNOWN or (
            resolved.scheduled  # office talk about a day or a meeting: fewer do, the day not counted
            and sum(w not in DAY_WORDS for w in resolved.unknown) >= UNFRAMED_SCHEDULED_UNKNOWN)
        unframed = not named and not resolved.choice_asked and known_share < UNFRAMED_MIN_SHARE and many_unknown
        elsewhere = other_technology or other_only or unframed
        if (resolved.out_of_scope or elsewhere
                or not (ranked and mentions(index, ranked[0], terms, TITLE_WEIGHT))):
            # deploying, installing, debugging, pay...; or the best topic is
            # matched only by words of its example questions: too weak
            confidence = 0.0
        explained = (bool(ranked) and not resolved.out_of_scope and not elsewhere
                     and explains(index, ranked[0], resolved))
        needed = self.min_confidence * (HOW_TO_FACTOR if resolved.how_to else 1.0)
        answered = bool(ranked) and (confidence >= needed or explained)
        topic = index.topics[ranked[0]] if answered else None
        suggestions: tuple[Topic, ...] = ()
        if not answered:  # only topics the question touched beyond their answer's wording
            about = [i for i in ranked if mentions(index, i, terms)]
            suggestions = tuple(index.topics[i] for i in about[:MAX_SUGGESTIONS])
        explanation = None
        if explain:
            acc = dict(ranked_scores)
            scored = [topic_score(index, i, acc[i], terms) for i in ranked[: 1 + RUNNERS_UP]]
            if resolved.out_of_scope:
                vetoed = "outside the guide: " + ", ".join(resolved.out_of_scope)
            elif other_technology:
                vetoed = "about another technology, not Flask or Django"
            elif unframed:
                vetoed = (f"names neither framework, asks for no choice, and {len(resolved.unknown)} of its"
                          " words are outside the guide")
            elif other_only:
                vetoed = f"the best topic is about {other} only, and the question asks about {named[0]}"
            elif confidence == 0.0 and ranked:
                vetoed = "the best topic matches only words of its example questions"
            else:
                vetoed = ""
            explanation = Explanation(
                vetoed=vetoed,
                terms=tuple(terms),
                unknown=tuple(resolved.unknown),
                known_share=round(known_share, 4),
                confidence=round(confidence, 4),
                fully_explained=explained,
                min_confidence=needed,
                best=scored[0] if scored else None,
                runners_up=tuple(scored[1:]),
                stats=stats,
                sums_up=tuple(index.topics[i].id for i in summed),
            )
        return Match(answered, topic, round(best_score, 4), suggestions, explanation)

