"""The index built once from the Knowledge: each topic's weighted terms, postings and idf.

Besides what scores (postings, idf), it keeps what the question's words are
resolved against: phrases and the words they start with, synonyms, every
content word seen (for typo correction) and which terms are evidence for a
topic and which only occur in the answers' prose (a term is known when it is either: no
third set holds the two together, 64 KiB less at the peak).
"""

from __future__ import annotations

import math

from bot.knowledge import Knowledge, Topic
from bot.matching.cues import lacking_framework
from bot.matching.results import QueryTerm
from bot.matching.tuning import COVER_WEIGHT, EXAMPLE_WEIGHT, FRAMEWORKS, PHRASE_BONUS, TITLE_WEIGHT
from bot.text import (
    MAX_PHRASE_WORDS,
    STOPWORDS,
    content_words,
    is_neutral,
    keyword_owners,
    normalise,
    stem,
    term_stems,
    tokens,
)


def _idf(n_topics: int, df: int) -> float:
    """BM25 inverse document frequency; always positive, largest at df=0."""
    return math.log(1.0 + (n_topics - df + 0.5) / (df + 0.5))


class Index:
    """Every topic as a bag of weighted terms, and the vocabulary around them (built once)."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.topics: list[Topic] = list(knowledge.topics.values())
        # Phrases are matched on every word, stopwords included: "good for"
        # and "used by" mean something that "good" and "used" alone do not.
        self.phrases: set[tuple[str, ...]] = set()
        self.phrase_starts: dict[str, tuple[int, ...]] = {}  # first stem -> phrase lengths, longest first
        # first stem -> the stems that follow it in a phrase (a tuple once built: one to eleven of them,
        # ~60 bytes where a set takes ~260)
        self.phrase_seconds: dict[str, set[str] | tuple[str, ...]] = {}
        self.surface: dict[str, str] = {}  # a content word seen in the knowledge -> its stem
        self.prose: set[str] = set()  # terms found only in answers' prose
        self._term_cache: dict[str, str | None] = {}
        # a question word -> what it is to this index (bot.matching.resolve._profile)
        self.word_profiles: dict[str, QueryTerm | tuple[str, int]] = {}
        self.topic_terms: list[dict[str, float]] = [self._index_topic(t) for t in self.topics]
        # which framework a topic is about, when its title names only one
        self.side: list[str | None] = [self._title_side(t.title) for t in self.topics]
        # ... and when its answer does not even name the other one: such a topic
        # says nothing about the other framework ("Are Flask developers in demand?")
        self.only: list[str | None] = [
            side if side and FRAMEWORKS[1 - FRAMEWORKS.index(side)] not in tokens(normalise(t.answer))
            else None
            for side, t in zip(self.side, self.topics)
        ]
        # the framework a topic's title says lacks something ("What can Django do
        # that Flask cannot?": flask); a question saying the other one lacks it asks
        # the reverse
        self.lacking: list[str | None] = [lacking_framework(tokens(normalise(t.title))) for t in self.topics]
        self._index_summing()
        self.synonyms = self._index_synonyms()
        self._build_postings()
        self.phrase_seconds = {first: tuple(sorted(seconds)) for first, seconds in self.phrase_seconds.items()}
        del self._term_cache

    def _index_summing(self) -> None:
        """For each topic that sums up others (``Topic.covers``): the terms of its own subject (their
        weight, at least ``COVER_WEIGHT``) and the terms that name a part it sums up (those parts:
        ``COVER_WEIGHT`` in the part, under ``TITLE_WEIGHT`` in the summing topic); and for each part,
        the topics that sum it up (``bot.matching.scoring.summed_up``). Frameworks' names are neither."""
        at = {t.id: i for i, t in enumerate(self.topics)}
        covering: dict[int, list[int]] = {}
        # a summing topic -> (its own subject's terms and weights, a term -> the parts it names)
        self.summing: dict[int, tuple[dict[str, float], dict[str, tuple[int, ...]]]] = {}
        for i, topic in enumerate(self.topics):
            parts = [at[c] for c in topic.covers if c in at]
            if not parts:
                continue
            weights = self.topic_terms[i]
            own = {term: w for term, w in weights.items() if w >= COVER_WEIGHT and term not in FRAMEWORKS}
            naming: dict[str, list[int]] = {}
            for c in parts:
                covering.setdefault(c, []).append(i)
                for term, w in self.topic_terms[c].items():
                    if w >= COVER_WEIGHT and weights.get(term, 0.0) < TITLE_WEIGHT and term not in FRAMEWORKS:
                        naming.setdefault(term, []).append(c)
            self.summing[i] = (own, {term: tuple(cs) for term, cs in naming.items()})
        self.covering: dict[int, tuple[int, ...]] = {c: tuple(ts) for c, ts in covering.items()}

    @staticmethod
    def _title_side(title: str) -> str | None:
        named = [f for f in FRAMEWORKS if f in tokens(normalise(title))]
        return named[0] if len(named) == 1 else None

    def _term_of(self, text: str) -> str | None:
        """Index term for a keyword or synonym ("SQL injection" -> "sql inject").

        One content word gives a word term; several words give a phrase term
        made of every word's stem (stopwords kept), e.g. "use for".
        """
        text = str(text)
        if text in self._term_cache:
            return self._term_cache[text]
        stems = term_stems(text)
        term: str | None = None
        if stems:
            for w in content_words(tokens(normalise(text))[:MAX_PHRASE_WORDS]):
                self.surface.setdefault(w, stem(w))
            if len(stems) > 1:
                self.phrases.add(stems)
                seconds = self.phrase_seconds.setdefault(stems[0], set())
                assert isinstance(seconds, set)  # tuples only once the index is built
                seconds.add(stems[1])
                lengths = self.phrase_starts.get(stems[0], ())
                if len(stems) not in lengths:
                    self.phrase_starts[stems[0]] = tuple(sorted((*lengths, len(stems)), reverse=True))
            term = " ".join(stems)
        self._term_cache[text] = term
        return term

    def _index_topic(self, topic: Topic) -> dict[str, float]:
        weights: dict[str, float] = {}

        def put(term: str | None, weight: float) -> None:
            if term and weight > weights.get(term, 0.0):
                weights[term] = weight

        def put_text(text: str, weight: float, *, skip_neutral: bool = False) -> None:
            for w in content_words(tokens(normalise(text))):
                s = stem(w)
                self.surface.setdefault(w, s)
                if not (skip_neutral and is_neutral(w)):
                    put(s, weight)

        # The answer's prose is vocabulary, not evidence: its words are known
        # (so they are not held against a question) but score for no topic.
        for w in content_words(tokens(normalise(topic.answer))):
            s = stem(w)
            self.surface.setdefault(w, s)
            self.prose.add(s)
        # Everyday words of an example ("what do people build with flask")
        # are how it is asked, not what it is about.
        for example in topic.examples:
            put_text(example, EXAMPLE_WEIGHT, skip_neutral=True)
        put_text(topic.title, TITLE_WEIGHT, skip_neutral=True)
        for keyword, weight in topic.keywords.items():
            term = self._term_of(keyword)
            put(term, float(weight))
            if term and " " in term:  # a phrase keyword also weighs its content words
                for w in content_words(tokens(normalise(str(keyword)))):
                    if not is_neutral(w):  # "used for" says more than "used"
                        put(stem(w), float(weight) / 2)
        for keyword in topic.synonyms:
            put(self._term_of(keyword), float(topic.keywords.get(keyword, 1.0)))
        return weights

    def _index_synonyms(self) -> dict[str, tuple[str, ...]]:
        """alternative term -> the keyword terms it stands for.

        Two kinds of alternative are left out, by rule rather than by list:
        one made of only some of its keyword's words, stopwords included (it
        says less than the keyword: "when flask" for "when to use flask"; "go
        with flask" for "choose flask" says it in other words and is kept), and one that is
        itself another topic's keyword (the keyword wins: "recommendations"
        is the verdict topic's "recommend", not a synonym of machine learning).
        """
        keyword_owner = keyword_owners((topic.keywords for topic in self.topics), self._term_of)
        merged: dict[str, dict[str, None]] = {}
        for i, topic in enumerate(self.topics):
            for keyword, alternatives in topic.synonyms.items():
                target = self._term_of(keyword)
                if not target:
                    continue
                target_words = {stem(w) for w in tokens(normalise(str(keyword)))}
                for alt in alternatives:
                    alt_term = self._term_of(alt)
                    if not alt_term:
                        continue
                    alt_words = {stem(w) for w in tokens(normalise(str(alt)))}
                    if alt_words < target_words or alt_term == target:
                        continue
                    if keyword_owner.get(alt_term, {i: ""}).keys() - {i}:
                        continue
                    merged.setdefault(alt_term, {})[target] = None
        return {alt: tuple(targets) for alt, targets in merged.items()}

    def _build_postings(self) -> None:
        postings: dict[str, list[tuple[float, int]]] = {}
        for i, weights in enumerate(self.topic_terms):
            for term, weight in weights.items():
                postings.setdefault(term, []).append((weight, i))
        n = len(self.topics)
        self.idf: dict[str, float] = {}
        self.postings: dict[str, tuple[tuple[int, float], ...]] = {}
        for term, plist in postings.items():
            plist.sort(key=lambda p: (-p[0], p[1]))  # impact order, then topic order
            self.postings[term] = tuple((i, w) for w, i in plist)
            self.idf[term] = _idf(n, len(plist))
        self.idf_unknown = _idf(n, 0)
        self.idf_rare = _idf(n, 1)
        for term in self.postings:
            if " " in term:
                self.idf[term] = self._phrase_idf(term)
        # every phrase a question can match (synonyms' too), worked out once
        self._phrase_idfs = {t: self._phrase_idf(t) for t in (" ".join(p) for p in self.phrases)}
        self.prose -= self.postings.keys()
        self.evidence: set[str] = set(self.postings) | set(self.synonyms)

    def _phrase_idf(self, term: str) -> float:
        """A phrase is rarer than its words, but not much more informative.

        "what is flask" is found in one topic, yet says little more than
        "flask": its idf is capped at its most informative word's idf plus
        PHRASE_BONUS per extra word.
        """
        parts = term.split(" ")
        best_part = max(
            (self.idf.get(p, self.idf_rare) for p in parts if p not in STOPWORDS),
            default=0.0,
        )
        own = self.idf.get(term, self.idf_rare)
        return min(own, best_part + PHRASE_BONUS * (len(parts) - 1))

    def is_evidence_word(self, word: str) -> bool:
        """Is ``word`` (as typed) evidence for some topic ("csrf", "token")?"""
        return stem(word) in self.evidence

    def term_idf(self, term: str) -> float:
        idf = self.idf.get(term)
        if idf is None:
            if " " not in term:
                return self.idf_rare
            idf = self._phrase_idfs.get(term)
            if idf is None:
                idf = self._phrase_idf(term)
        return idf
