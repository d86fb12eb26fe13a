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

HOW IT SCORES

Every topic is a bag of weighted terms (stems from ``bot.text``): its declared
keywords (their own weight; a multi-word keyword also gives each of its words
half that weight), its title (1.0) and its example questions (0.4); a term's
weight in a topic is the largest of these; everyday words of an example
("what do *people* *make* with flask", see ``bot.neutral``) are how it is asked,
not what it is about, and are left out. A topic's score is the sum, over the
question's distinct terms, of ``weight x idf``. idf is the BM25 inverse
document frequency over that keyword, title and example vocabulary: words every
topic shares ("flask", "django", "framework") count for little, rare ones for a
lot. When the question names only one of the two frameworks, a topic whose
title names only the other one scores ``OTHER_FRAMEWORK_FACTOR`` times less
("why go with django" is "Why choose Django?", not "Why choose Flask?"); so
does one when it prefers one to the other ("flask over django", "django
instead of flask", "flask rather than django").

The question's words are resolved in this order: exact term; two words the
index knows as one ("e commerce" -> "ecommerce"); a typo corrected against the
index vocabulary (SymSpell-style single-delete index verified with ``bot.edits``,
one edit at most: words of 4+ letters, one edit, and below 7 letters only a dropped
letter or a swap; at a 0.8 discount; never a correctly spelt common English
word: "context" is not a typo of "content"); phrases, matched on every word including
stopwords ("used for", "sql injection"), longest first; then synonyms add the
keyword they stand for, with an idf no larger than the word actually typed and
at a 0.9 discount (a keyword typed beats one reached through a synonym: "what
is a csrf attack" is CSRF, not security through "attack").

THE DECLINE RULE

Each content word of the question is, in this order: *off-topic* (a subject
the guide does not cover, "deploy", "slower", "error", "salary", or another
framework, "fastapi": ``bot.neutral.OFF_TOPIC_WORDS``; never evidence, even
where a topic's wording uses it, unless a matched phrase covers it) or *unsure* (a word the guide uses
in one sense only, "fast" of development, not of running:
``bot.neutral.UNSURE_WORDS``; not evidence unless a phrase covers it, "ship
faster", and counted as one unknown word); *known* (a keyword,
synonym, title or example term, exact or typo-corrected); *neutral* (everyday
English: "convince", "gist", "overall", "intern", ``bot.neutral.NEUTRAL_WORDS``,
or a word only the answers' prose uses); or *unknown*. Neutral words are
neither evidence nor held against the question.

*known share* is the share of the question's information that the index
recognises: the idf mass of its distinct known and unknown content words, where
a word the index has never seen weighs as much as the rarest word can, and an
off-topic word ``OFF_TOPIC_WEIGHT`` times that, and so does a *foreign* word
(``FOREIGN_WEIGHT``): one outside the 20,000 most frequent English words
(``bot.neutral.is_common_word``: graphql, redis, pagination, vscode, wifi, jwt,
s3). An unknown everyday word ("react", "banana") may be how the asker
describes things; a foreign one is nearly always what the question is about.
A known word right after an unknown content word (not after "for", not a
framework's name) names something else and counts as unknown too: "wifi
*password*", "redis *cache*", "background *jobs*". A phrase ending in "in" is
not matched right before "flask"/"django": "logging in django" is not "log in",
"build in flask" is not "built in"; nor is a phrase ending in a framework's
name right before "or"/"vs"/"and": "choose flask or django" is not "choose
flask". Unknown words describing the asker, not the subject, are left out
when a framework is named: the technology after "coming/switching/moving
from" or before a role + "here" or after "i'm a"/"as a" ("coming from node,
what's flask", "php dev here": ``bot.neutral.BACKGROUND_VERBS``,
``BACKGROUND_ROLES``). A question is answered
when ``best score x known share ** 2 >= min_confidence`` (enough topic-specific
evidence, discounted hard for unknown words; and at least one of the best
topic's keywords, synonyms or title words, not only example words), or when it
has no unknown word
and every one of its words is a keyword or title word of the best topic ("what
is flask?"). So "flask vs fastapi" and "deploy django to heroku" decline: the
recognised words are generic and weightless next to the unknown ones.

A question with a word of a subject the guide never addresses (deploying,
installing, versions, performance, debugging, pay: ``OUT_OF_SCOPE_SUBJECTS``),
or a rate ("requests per second": ``RATE_UNITS``), or a failure ("not
working", "folder not found": ``NEGATIONS`` + ``FAILING_VERBS``), or that names another
technology (``OTHER_TECHNOLOGIES``, pasted code; not the extension name of
"flask-sqlalchemy") but neither Flask nor Django
("is rust worth learning"), or that compares things
none of which the index knows ("the difference between a list and a set"),
is declined whatever else it matches (confidence 0). A how-to question ("how do i ...", "how to ...")
needs ``HOW_TO_FACTOR`` times ``min_confidence``: the guide compares the two
frameworks and explains next to no procedure ("how do i reset my password on
slack"); --explain shows the threshold applied. Pasted code (snake_case
identifiers, calls) and release numbers ("django 5.1") count as off-topic
words. A question that names both frameworks, has no
off-topic word and whose unknown words all come after "for" is a choice for
the asker's own project ("flask or django for our bakery's site"): those
unknown words describe the project and are not held against it.

COST

Postings of a term are stored in impact order (largest weight first). A term
found in more than ``posting_limit`` topics only contributes its top
``posting_limit`` postings as candidates; the topics that can still win are then
completed exactly by direct look-ups (see ``_score``). So the work per question
is bounded by ``terms x posting_limit`` no matter how many topics share "flask".
``Answerer.last_stats`` (and ``Explanation.stats``) count the postings visited,
the direct look-ups and the fuzzy candidates examined, for regression tests.
"""

from __future__ import annotations

import gc
import heapq
import math
from dataclasses import dataclass
from typing import Iterable, NamedTuple

from bot.edits import edit_distance_up_to_one, one_edit_away
from bot.knowledge import Knowledge, Topic
from bot.neutral import (
    BACKGROUND_ROLES,
    BACKGROUND_VERBS,
    FAILING_VERBS,
    NEGATIONS,
    NEUTRAL_WORDS,
    RATE_UNITS,
    is_common_word,
)
from bot.text import (
    STOPWORDS,
    code_terms,
    content_words,
    is_content,
    is_foreign,
    is_neutral,
    is_off_topic,
    is_out_of_scope,
    is_unsure,
    normalise,
    stem,
    tokens,
)

# Field weights: how much a term says about a topic, by where the topic uses it.
TITLE_WEIGHT = 1.0
EXAMPLE_WEIGHT = 0.4
TWO_EDIT_LENGTH = 8  # words this long may be corrected across two edits (a vocabulary word of the same length)
FUZZY_FACTOR = 0.8  # a typo-corrected word counts a little less
SYNONYM_FACTOR = 0.9  # a keyword reached through a synonym counts a little less than typed
PHRASE_BONUS = 0.5  # idf a phrase may add per word beyond its best word
MAX_PHRASE_WORDS = 5
MAX_TOKENS = 120  # words of one question looked at (head and tail halves)
MAX_FUZZY_WORDS = 24  # typo corrections tried per question
SHORT_WORD = 7  # below this, correct only a dropped letter or a swap
MIN_FUZZY_LENGTH = 4  # "api", "orm", "wsgi"... are too short to correct safely
DEFAULT_MIN_CONFIDENCE = 1.0
DEFAULT_UNKNOWN_PENALTY = 2.0  # confidence = score x known share ** this
DEFAULT_POSTING_LIMIT = 64
MAX_SUGGESTIONS = 3
RUNNERS_UP = 4
FUZZY_CACHE_SIZE = 8_192  # typo corrections remembered (cleared when full; ~1 MiB at most)
COMPLETE_LIMIT = 32  # most topics completed exactly when common terms were cut
OFF_TOPIC_WEIGHT = 3.0  # an off-topic word ("deploy", "salary") counts as this many unknown words
COMMON_WEIGHT = 1.0
FOREIGN_WEIGHT = 3.0  # so does a word outside everyday English ("graphql", "redis", "vscode")
OTHER_FRAMEWORK_FACTOR = 0.75  # a topic about only the framework the question does not name
FRAMEWORKS = ("flask", "django")
# stems between two framework names that make the question about the first one
# "how do i", "how can we", "how to": a procedure. The guide compares the two
# frameworks; it explains how to do next to nothing, so such a question needs
# HOW_TO_FACTOR times the usual confidence ("how does django..." is not one).
_HOW_TO_VERBS = frozenset("do can could should would".split())
_HOW_TO_ASKERS = frozenset("i we you u".split())
HOW_TO_FACTOR = 3.0
_FRAMEWORK_TUPLES = tuple((f,) for f in FRAMEWORKS)
_FRAMEWORK_SET = frozenset(FRAMEWORKS)
_NO_WORDS: frozenset[int] = frozenset()
_ALTERNATIVE_JOINTS = frozenset(("or", "vs", "versus", "and"))
_PREFERENCE_JOINTS = (("over",), ("instead", "of"), ("rather", "than"), ("not",))


class QueryTerm(NamedTuple):
    """One term the question contributed, and how it was found.

    A NamedTuple rather than a frozen dataclass: a few are made per question,
    and a tuple is made in a third of the time."""

    term: str  # the index term (stem, or stems joined by spaces for a phrase)
    source: str  # the words of the question it came from
    via: str  # "exact", "joined", "fuzzy", "phrase" or "synonym"
    factor: float  # 1.0, or FUZZY_FACTOR for a typo correction
    idf: float


@dataclass(frozen=True)
class TermScore:
    term: str
    weight: float  # the term's weight in the topic
    score: float  # weight x idf x factor


@dataclass(frozen=True)
class TopicScore:
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


@dataclass(frozen=True)
class Explanation:
    terms: tuple[QueryTerm, ...]  # what the question was understood as
    unknown: tuple[str, ...]  # content words the index has never seen
    known_share: float  # 0..1, share of the question's idf mass recognised
    confidence: float  # best score x known share ** unknown_penalty
    min_confidence: float
    fully_explained: bool  # every word of the question is one of the best topic's own
    best: TopicScore | None
    runners_up: tuple[TopicScore, ...]
    stats: Stats


@dataclass(frozen=True)
class Match:
    answered: bool
    topic: Topic | None
    score: float
    suggestions: tuple[Topic, ...] = ()
    explanation: Explanation | None = None


def _idf(n_topics: int, df: int) -> float:
    """BM25 inverse document frequency; always positive, largest at df=0."""
    return math.log(1.0 + (n_topics - df + 0.5) / (df + 0.5))


def _short_edit_ok(word: str, candidate: str) -> bool:
    """Short words are corrected only for a dropped letter or a swap ("flsk",
    "djnago"): an extra or changed letter turns real words into other real
    words ("heard" -> "hard", "node" -> "code")."""
    return len(word) >= SHORT_WORD or not (
        len(candidate) < len(word)
        or (len(candidate) == len(word) and sorted(candidate) != sorted(word))
    )


# The letters everyday words are spelt with: what a one-letter typo in one can be.
NEUTRAL_ALPHABET = "".join(sorted({c for w in NEUTRAL_WORDS if w.isalpha() for c in w}))


def _undoubled(word: str) -> set[str]:
    """``word`` with one letter of a doubled pair dropped: "beginners" -> {"beginers"}."""
    return {word[:i] + word[i + 1 :] for i in range(1, len(word)) if word[i] == word[i - 1]}


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class _Resolved:
    """The question after word resolution (internal; one per question, so a plain slotted class)."""

    __slots__ = ("terms", "unknown", "specific", "off_topic", "out_of_scope", "preferred", "how_to",
                 "subject", "known_mass", "unknown_mass", "fuzzy_candidates", "words")

    def __init__(self) -> None:
        self.terms: dict[str, QueryTerm] = {}
        self.unknown: list[str] = []
        self.specific: list[str] = []  # prose-only words (not everyday English)
        self.off_topic = 0  # off-topic words and pasted code among the unknown
        self.out_of_scope: list[str] = []  # words of a subject the guide never covers
        self.preferred: str | None = None  # "flask over django": the framework asked about
        self.how_to = False  # "how do i ...", "how to ...": asks for a procedure
        self.subject = 0  # unknown words not describing the asker's project ("... for a bakery")
        self.known_mass = 0.0
        self.unknown_mass = 0.0
        self.fuzzy_candidates = 0
        self.words: list[str] = []  # terms of the recognised content words

    def add(self, qt: QueryTerm) -> None:
        old = self.terms.get(qt.term)
        if old is None or qt.factor > old.factor:
            self.terms[qt.term] = qt


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
        self._topics: list[Topic] = list(knowledge.topics.values())
        # Phrases are matched on every word, stopwords included: "good for"
        # and "used by" mean something that "good" and "used" alone do not.
        self._phrases: set[tuple[str, ...]] = set()
        self._phrase_starts: dict[str, tuple[int, ...]] = {}  # first stem -> phrase lengths, longest first
        self._surface: dict[str, str] = {}  # a content word seen in the knowledge -> its stem
        self._prose: set[str] = set()  # terms found only in answers' prose
        self._term_cache: dict[str, str | None] = {}
        # Building allocates millions of small objects at 100k topics; the
        # cyclic GC would rescan them again and again (none are cycles).
        gc_was_enabled = gc.isenabled()
        gc.disable()
        try:
            self._topic_terms: list[dict[str, float]] = [self._index_topic(t) for t in self._topics]
            # which framework a topic is about, when its title names only one
            self._side: list[str | None] = [self._title_side(t.title) for t in self._topics]
            self._synonyms = self._index_synonyms()
            self._build_postings()
            self._build_fuzzy()
        finally:
            if gc_was_enabled:
                gc.enable()
        del self._term_cache
        is_common_word("the")  # load the everyday-English list now, not on a first question

    # ------------------------------------------------------------------ index

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
        words = tokens(normalise(text))[:MAX_PHRASE_WORDS]
        content = [w for w in words if is_content(w)]
        term: str | None = None
        if content:
            for w in content:
                self._surface.setdefault(w, stem(w))
            if len(words) == 1:
                term = stem(words[0])
            else:
                stems = tuple(stem(w) for w in words)
                self._phrases.add(stems)
                lengths = self._phrase_starts.get(stems[0], ())
                if len(stems) not in lengths:
                    self._phrase_starts[stems[0]] = tuple(sorted((*lengths, len(stems)), reverse=True))
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
                self._surface.setdefault(w, s)
                if not (skip_neutral and is_neutral(w)):
                    put(s, weight)

        # The answer's prose is vocabulary, not evidence: its words are known
        # (so they are not held against a question) but score for no topic.
        for w in content_words(tokens(normalise(topic.answer))):
            s = stem(w)
            self._surface.setdefault(w, s)
            self._prose.add(s)
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
        one made of only some of its keyword's words (it says less than the
        keyword: "when flask" for "when to use flask"), and one that is
        itself another topic's keyword (the keyword wins: "recommendations"
        is the verdict topic's "recommend", not a synonym of machine learning).
        """
        keyword_owner: dict[str, set[int]] = {}
        for index, topic in enumerate(self._topics):
            for keyword in topic.keywords:
                term = self._term_of(keyword)
                if term:
                    keyword_owner.setdefault(term, set()).add(index)
        merged: dict[str, dict[str, None]] = {}
        for index, topic in enumerate(self._topics):
            for keyword, alternatives in topic.synonyms.items():
                target = self._term_of(keyword)
                if not target:
                    continue
                target_words = {stem(w) for w in tokens(normalise(str(keyword))) if is_content(w)}
                for alt in alternatives:
                    alt_term = self._term_of(alt)
                    if not alt_term:
                        continue
                    alt_content = {stem(w) for w in tokens(normalise(str(alt))) if is_content(w)}
                    if alt_content < target_words or alt_term == target:
                        continue
                    if keyword_owner.get(alt_term, {index}) - {index}:
                        continue
                    merged.setdefault(alt_term, {})[target] = None
        return {alt: tuple(targets) for alt, targets in merged.items()}

    def _build_postings(self) -> None:
        postings: dict[str, list[tuple[float, int]]] = {}
        for index, weights in enumerate(self._topic_terms):
            for term, weight in weights.items():
                postings.setdefault(term, []).append((weight, index))
        n = len(self._topics)
        self._idf: dict[str, float] = {}
        self._postings: dict[str, tuple[tuple[int, float], ...]] = {}
        for term, plist in postings.items():
            plist.sort(key=lambda p: (-p[0], p[1]))  # impact order, then topic order
            self._postings[term] = tuple((i, w) for w, i in plist)
            self._idf[term] = _idf(n, len(plist))
        self._idf_unknown = _idf(n, 0)
        self._idf_rare = _idf(n, 1)
        for term in self._postings:
            if " " in term:
                self._idf[term] = self._phrase_idf(term)
        self._prose -= self._postings.keys()
        self._evidence: set[str] = set(self._postings) | set(self._synonyms)
        self._known: set[str] = self._evidence | self._prose

    def _phrase_idf(self, term: str) -> float:
        """A phrase is rarer than its words, but not much more informative.

        "what is flask" is found in one topic, yet says little more than
        "flask": its idf is capped at its most informative word's idf plus
        PHRASE_BONUS per extra word.
        """
        parts = term.split(" ")
        best_part = max(
            (self._idf.get(p, self._idf_rare) for p in parts if p not in STOPWORDS),
            default=0.0,
        )
        own = self._idf.get(term, self._idf_rare)
        return min(own, best_part + PHRASE_BONUS * (len(parts) - 1))

    def _term_idf(self, term: str) -> float:
        idf = self._idf.get(term)
        if idf is None:
            idf = self._phrase_idf(term) if " " in term else self._idf_rare
        return idf

    def _build_fuzzy(self) -> None:
        # SymSpell with one delete on each side: finds every vocabulary word
        # within one insertion, deletion, substitution or transposition.
        self._delete_index: dict[str, list[str]] = {}
        self._fuzzy_cache: dict[str, tuple[str | None, int]] = {}
        for word in sorted(self._surface):
            if len(word) < MIN_FUZZY_LENGTH or not word.isalpha():
                continue
            for key in _deletes(word) | {word}:
                self._delete_index.setdefault(key, []).append(word)

    # ------------------------------------------------------------------ query

    def _fuzzy(self, word: str, resolved: _Resolved) -> str | None:
        if len(word) < MIN_FUZZY_LENGTH or not word.isalpha():
            return None
        # Remembered corrections still report the candidates they examined,
        # so a question's Match (stats included) never depends on history.
        cached = self._fuzzy_cache.get(word)
        if cached is None:
            if len(self._fuzzy_cache) >= FUZZY_CACHE_SIZE:
                self._fuzzy_cache.clear()
            before = resolved.fuzzy_candidates
            fixed = self._correct(word, resolved)
            self._fuzzy_cache[word] = (fixed, resolved.fuzzy_candidates - before)
            return fixed
        resolved.fuzzy_candidates += cached[1]
        return cached[0]

    def _correct(self, word: str, resolved: _Resolved) -> str | None:
        seen: set[str] = set()
        best: tuple[int, int, str] | None = None
        # A long word may double the wrong letter ("begginers", "proffesional"):
        # two edits, one undoubling on each side. Taken only when nothing is one
        # edit away, everyday words included; other two-edit pairs are often two
        # real words ("translations", "transactions").
        two_edits: tuple[int, int, str] | None = None
        # A correctly spelt common word is no typo; it may only be one written
        # apart ("e commerce"): look up just the index words one letter longer.
        common = is_common_word(word)
        for key in (word,) if common else _deletes(word) | {word}:
            for candidate in self._delete_index.get(key, ()):
                if candidate in seen:
                    continue
                seen.add(candidate)
                resolved.fuzzy_candidates += 1
                distance = edit_distance_up_to_one(word, candidate)
                # closest, then the word found in more topics, then alphabetical
                rank = (distance, -len(self._postings.get(self._surface[candidate], ())), candidate)
                if distance > 1:
                    if (len(word) >= TWO_EDIT_LENGTH and len(candidate) == len(word) and not common
                            and (two_edits is None or rank < two_edits)
                            and not _undoubled(word).isdisjoint(_undoubled(candidate))):
                        two_edits = rank
                    continue
                if not _short_edit_ok(word, candidate):
                    continue
                if best is None or rank < best:
                    best = rank
        if best is None and len(word) > MIN_FUZZY_LENGTH and not common:
            # Everyday words are vocabulary too: a typo in one ("honstly",
            # "convnce") is neutral rather than unknown. Looked up only when the
            # index has no correction, in the shared list of such words, and
            # never for a correctly spelt common word ("kitchen").
            candidates, looked_up = one_edit_away(word, NEUTRAL_WORDS, NEUTRAL_ALPHABET)
            resolved.fuzzy_candidates += looked_up
            if word in NEUTRAL_WORDS:
                return word  # spelt as it is: no edit beats none
            allowed = [c for c in candidates if _short_edit_ok(word, c)]
            if allowed:
                return min(allowed)
        if best is None and two_edits is not None:
            return two_edits[2]
        return best[2] if best else None

    def _resolve(self, question: str) -> _Resolved:
        r = _Resolved()
        words = []
        extension: set[int] = set()  # words naming an extension ("flask-sqlalchemy")
        text, code = code_terms(normalise(question))
        for w in dict.fromkeys(code[:MAX_FUZZY_WORDS]):
            # pasted code or a release number: a detail the guide never names
            r.unknown.append(w)
            r.unknown_mass += self._idf_unknown * OFF_TOPIC_WEIGHT
            r.off_topic += 1
        for w in tokens(text, keep_hyphens=True):
            if "-" in w:  # "e-commerce" if the index knows it, else "flask", "login"
                joined = w.replace("-", "")
                if stem(joined) in self._known:
                    words.append(joined)
                else:
                    parts = w.split("-")
                    if parts[0] in FRAMEWORKS:
                        # "flask-sqlalchemy": an extension's name, not a foreign subject
                        extension.update(range(len(words) + 1, len(words) + len(parts)))
                    words.extend(parts)
            else:
                words.append(w)
        if len(words) > MAX_TOKENS:
            words = words[: MAX_TOKENS // 2] + words[-MAX_TOKENS // 2 :]
            extension.clear()
        if "how" in words:
            for a, b, c in zip(words, words[1:], words[2:] + [""]):
                if a == "how" and (b == "to" or (b in _HOW_TO_VERBS and c in _HOW_TO_ASKERS)):
                    r.how_to = True
                    break
        if not NEGATIONS.isdisjoint(words):
            for a, b in zip(words, words[1:]):
                if a in NEGATIONS and b in FAILING_VERBS:  # "not working": a failure
                    r.out_of_scope.append(f"{a} {b}")
                    break
        if "per" in words:
            for a, b in zip(words, words[1:]):
                if a == "per" and b in RATE_UNITS:  # "requests per second": performance
                    r.out_of_scope.append(f"{a} {b}")
        stems = [stem(w) for w in words]
        content = [i for i, w in enumerate(words) if is_content(w)]
        known: dict[int, bool] = {}
        fuzzy_left = MAX_FUZZY_WORDS
        neutral: set[int] = set()
        off_topic: set[int] = set()
        for i in content:
            w, s = words[i], stems[i]
            if is_off_topic(w) or is_unsure(w):
                # not evidence even if a topic uses the word; a phrase may
                # still cover it ("ship faster"), which makes it known
                if is_off_topic(w):
                    off_topic.add(i)
                known[i] = False
                continue
            if s in self._evidence:
                r.add(QueryTerm(s, w, "exact", 1.0, self._term_idf(s)))
                r.words.append(s)
                known[i] = True
                continue
            if s in self._prose or is_neutral(w):
                # everyday English, or words only the answers' prose uses:
                # neither evidence for a topic nor held against the question
                if not is_neutral(w):
                    r.specific.append(w)
                neutral.add(i)
                known[i] = False  # a phrase may still cover it ("start with")
                continue
            fixed = None
            if fuzzy_left and not w.isdigit():
                fuzzy_left -= 1
                fixed = self._fuzzy(w, r)
                if fixed is not None and is_common_word(w) and not (
                    len(fixed) == len(w) + 1 and w in fixed
                ):
                    # a correctly spelt English word is not a typo of another
                    # ("context" is not "content", "pull" is not "full"),
                    # though it may be one written apart ("e commerce")
                    fixed = None
            if fixed is not None:
                s = stems[i] = self._surface.get(fixed) or stem(fixed)  # phrases see it too
                if s in self._evidence:
                    r.add(QueryTerm(s, w, "fuzzy", FUZZY_FACTOR, self._term_idf(s)))
                    r.words.append(s)
                    known[i] = True
                    continue
                if s in self._prose or is_neutral(fixed):
                    if not is_neutral(fixed):
                        r.specific.append(w)
                    neutral.add(i)
                    known[i] = False
                    continue
            known[i] = False
        # two words written apart that the index knows as one ("e commerce")
        for a, b in zip(content, content[1:]):
            if b != a + 1:
                continue
            joined = stem(words[a] + words[b])
            if joined in self._known:
                r.add(QueryTerm(joined, f"{words[a]} {words[b]}", "joined", 1.0,
                                self._term_idf(joined)))
                known[a] = known[b] = True
        # phrases, stopwords included ("sql injection", "used for", "back office");
        # a phrase inside a longer matched phrase is not counted again.
        starts = self._phrase_starts
        spans: list[tuple[int, int]] = []
        for i, s in enumerate(stems):
            lengths = starts.get(s)
            if lengths is None:
                continue
            for n in lengths:  # only the lengths of the index's phrases starting with this word
                if i + n > len(stems):
                    continue
                gram = tuple(stems[i : i + n])
                if gram[-1] == "in" and tuple(stems[i + n : i + n + 1]) in _FRAMEWORK_TUPLES:
                    # "logging in django", "build in flask": "in" is where, not
                    # the particle of "log in" / "built in"
                    continue
                if gram[-1] in _FRAMEWORK_SET and stems[i + n : i + n + 1] and (
                        stems[i + n] in _ALTERNATIVE_JOINTS):
                    # "choose flask or django": the framework is one of two
                    # alternatives, not the one chosen ("choose flask")
                    continue
                if gram in self._phrases and " ".join(gram) in self._known:
                    spans.append((i, i + n))
                    break  # the longest phrase starting here
        covered_to = -1
        phrased: set[int] = set()  # words inside a matched phrase
        for i, j in spans:  # sorted by start; drop spans inside an earlier one
            if j <= covered_to:
                continue
            covered_to = j
            term = " ".join(stems[i:j])
            r.add(QueryTerm(term, " ".join(words[i:j]), "phrase", 1.0, self._term_idf(term)))
            for k in range(i, j):
                if k in known:
                    known[k] = True
                    phrased.add(k)
        background = self._background(words, known) if (
            ("from" in words or not BACKGROUND_ROLES.isdisjoint(words))
            and not _FRAMEWORK_SET.isdisjoint(stems)) else _NO_WORDS
        for k in background:
            if known.get(k):  # "noob here": who asks, not what is asked
                qt = r.terms.get(stems[k])
                if qt is not None and qt.source == words[k]:
                    del r.terms[stems[k]]
                    r.words.remove(stems[k])
        # synonyms add the keyword they stand for
        for qt in list(r.terms.values()):
            # The keyword's weight, but only as informative as the word typed:
            # "best" standing for "which is better" is still a common word.
            own_idf = self._term_idf(qt.term)
            for target in self._synonyms.get(qt.term, ()):
                if target in self._idf:
                    idf = min(self._idf[target], own_idf)
                    r.add(QueryTerm(target, qt.source, "synonym", qt.factor * SYNONYM_FACTOR, idf))
        # "flask over django", "django instead of flask", "flask rather than
        # django": the question is about the first one
        for i, s in enumerate(stems):
            if s in FRAMEWORKS:
                rest = tuple(stems[i + 1 : i + 4])
                for joint in _PREFERENCE_JOINTS:
                    if rest[: len(joint)] == joint and rest[len(joint) : len(joint) + 1] == (
                        FRAMEWORKS[1 - FRAMEWORKS.index(s)],
                    ):
                        r.preferred = s
                break
        # "the difference between a list and a set": what is compared is
        # named, and none of it is the guide's (a framework, a keyword...)
        if "between" in words:
            at = words.index("between")
            if "and" in words[at + 2 : at + 8]:
                end = words.index("and", at + 2) + 3
                named = [k for k in range(at + 1, min(end, len(words))) if k in known]
                if named and not any(known[k] for k in named):
                    r.out_of_scope.append("between " + " ".join(words[at + 1 : end]))
        # known share: idf mass of distinct content words, recognised vs not
        for_at = words.index("for") if "for" in words else -1
        seen: set[str] = set()
        # A known word right after an unknown one names something else:
        # "wifi password", "redis cache", "background jobs" are not the
        # guide's passwords, caching or jobs. It counts as an unknown word.
        # Not after "for" (the asker's project: "an api for an ios app"),
        # never a framework's name or a word of a matched phrase ("multi
        # vendor *online store*"), not after a number ("3 weeks") nor after
        # an abbreviation of two letters ("cs student").
        def modified(b: int) -> bool:
            a = b - 1
            return (known.get(a) is False and a not in neutral and b not in phrased
                    and a not in background
                    and len(words[a]) > 2 and not words[a].isdigit()
                    and stems[b] not in FRAMEWORKS and not 0 <= for_at < a)
        for i in content:
            key = stems[i]
            if key in seen or (i in neutral and not known[i]) or i in background:
                continue
            seen.add(key)
            changed = known[i] and modified(i)
            if known[i] and not changed:
                r.known_mass += min(self._idf.get(key, self._idf_rare), self._idf_unknown)
            else:
                if i in off_topic:
                    weight = OFF_TOPIC_WEIGHT
                elif not changed and i not in extension and is_foreign(words[i]):
                    weight = FOREIGN_WEIGHT
                else:
                    weight = COMMON_WEIGHT
                r.unknown_mass += self._idf_unknown * weight
                r.unknown.append(words[i])
                r.off_topic += i in off_topic
                if is_out_of_scope(words[i]):
                    r.out_of_scope.append(words[i])
                r.subject += not (0 <= for_at < i)
        return r

    @staticmethod
    def _background(words: list[str], known: dict[int, bool]) -> set[int] | frozenset[int]:
        """Unknown words describing the asker, not the subject: the technology
        after "coming/switching/moving from" ("coming from node, what's
        flask") or before a role + "here" or after "i'm a / as a" ("php dev
        here", "as a java developer"). Only when a framework is named; a
        framework's name or a known word ends the description."""
        marked: set[int] = set()
        n = len(words)

        def take(order: Iterable[int]) -> None:
            count = 0
            for j in order:
                w = words[j]
                if w in ("a", "an", "the"):
                    continue
                if j not in known or known[j] or w in FRAMEWORKS or count == 3:
                    break
                marked.add(j)
                count += 1

        for k, w in enumerate(words):
            if w == "from" and k and words[k - 1] in BACKGROUND_VERBS:
                take(range(k + 1, n))
            elif w in BACKGROUND_ROLES and (
                words[k + 1 : k + 2] == ["here"] or not {"a", "an"}.isdisjoint(words[max(0, k - 3) : k])
            ):
                if k in known and (not known[k] or words[k + 1 : k + 2] == ["here"]):
                    marked.add(k)
                take(range(k - 1, -1, -1))
        return marked

    def _score(
        self, terms: Iterable[QueryTerm], other: str | None = None
    ) -> tuple[list[tuple[int, float]], Stats]:
        """Ranked (topic index, score) pairs; exact for every topic that can win.

        A topic whose title names only the framework ``other`` (the one the
        question does not name, when it names just one) has its score
        multiplied by OTHER_FRAMEWORK_FACTOR.

        Short postings lists are summed in full. For a term in more than
        ``posting_limit`` topics only its top postings (impact order) are
        summed; any other topic's weight for it is at most the weight of the
        last posting read, so a topic whose partial score plus the sum of those
        bounds (times its factor) trails the best partial score (times its
        factor) cannot win. Only the topics that can still win (plus the
        runners-up shown by --explain) are completed with direct look-ups,
        then sorted by score and topic order.
        """
        acc: dict[int, float] = {}
        visited = lookups = 0
        truncated: list[tuple[QueryTerm, frozenset[int]]] = []
        bound = 0.0
        limit = self.posting_limit
        for qt in terms:
            plist = self._postings.get(qt.term)
            if not plist:
                continue
            mult = qt.idf * qt.factor
            if len(plist) > limit:
                plist = plist[:limit]
                truncated.append((qt, frozenset(i for i, _ in plist)))
                bound += plist[-1][1] * mult
            get = acc.get
            for index, weight in plist:
                acc[index] = get(index, 0.0) + weight * mult
            visited += len(plist)
        if not acc:
            return [], Stats(visited, 0, 0, 0)
        side = self._side

        def factor(index: int) -> float:
            return OTHER_FRAMEWORK_FACTOR if other is not None and side[index] == other else 1.0

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
        for qt, seen in truncated:
            mult = qt.idf * qt.factor
            for index in complete:
                if index in seen:
                    continue
                weight = self._topic_terms[index].get(qt.term)
                lookups += 1
                if weight:
                    complete[index] += weight * mult
        ranked = sorted(((i, v * factor(i)) for i, v in complete.items()), key=order)
        return ranked, Stats(visited, lookups, 0, len(acc))

    def _topic_score(self, index: int, score: float, terms: Iterable[QueryTerm]) -> TopicScore:
        weights = self._topic_terms[index]
        parts = [
            TermScore(qt.term, weights[qt.term], weights[qt.term] * qt.idf * qt.factor)
            for qt in terms
            if qt.term in weights
        ]
        parts.sort(key=lambda p: -p.score)
        return TopicScore(self._topics[index], score, tuple(parts))

    def _mentions(self, index: int, terms: list[QueryTerm], weight: float = EXAMPLE_WEIGHT) -> bool:
        weights = self._topic_terms[index]
        return any(weights.get(qt.term, 0.0) >= weight for qt in terms)

    def _explains(self, index: int, resolved: _Resolved) -> bool:
        """True when the question has no unknown word and every one of its
        descriptive words is a keyword or title word of the topic (or a
        synonym of one): "what is flask?" is all about the Flask overview
        even though "flask" on its own is a common word."""
        if resolved.unknown or resolved.specific:
            # a word no topic is described by but the answers use ("unit
            # tests for flask views") asks something more specific than the topic
            return False
        weights = self._topic_terms[index]
        # Words no topic is described by (they only occur in some answer's
        # prose: "sentence", "exactly") neither support nor contradict a topic.
        words = [t for t in resolved.words if t not in self._prose]
        if not words:
            return False
        for term in words:
            if weights.get(term, 0.0) >= TITLE_WEIGHT:
                continue
            if any(weights.get(t, 0.0) >= TITLE_WEIGHT for t in self._synonyms.get(term, ())):
                continue
            return False
        return True

    def answer(self, question: str, *, explain: bool = False) -> Match:
        resolved = self._resolve(question)
        terms = list(resolved.terms.values())
        named = [resolved.preferred] if resolved.preferred else [
            f for f in FRAMEWORKS if f in resolved.words
        ]
        other = FRAMEWORKS[1 - FRAMEWORKS.index(named[0])] if len(named) == 1 else None
        ranked_scores, stats = self._score(terms, other)
        stats = Stats(stats.postings_visited, stats.lookups, resolved.fuzzy_candidates,
                      stats.candidates)
        self.last_stats = stats
        ranked_scores = [p for p in ranked_scores if p[1] > 0]
        acc = dict(ranked_scores)
        ranked = [i for i, _ in ranked_scores]
        # "flask or django for our bakery's booking site": a choice between
        # the two for the asker's own project. Unknown words after "for"
        # describe that project, not a subject outside the guide ("flask vs
        # django github stars" still declines), unless one is off-topic.
        choice = (len(named) == len(FRAMEWORKS) and not resolved.off_topic
                  and not resolved.subject)
        unknown_mass = 0.0 if choice else resolved.unknown_mass
        total = resolved.known_mass + unknown_mass
        known_share = resolved.known_mass / total if total else 0.0
        best_score = ranked_scores[0][1] if ranked_scores else 0.0
        confidence = best_score * known_share ** self.unknown_penalty
        elsewhere = resolved.off_topic > len(resolved.out_of_scope) and not any(
            f in resolved.words for f in FRAMEWORKS)
        if (resolved.out_of_scope or elsewhere
                or not (ranked and self._mentions(ranked[0], terms, TITLE_WEIGHT))):
            # deploying, installing, debugging, pay...; or the best topic is
            # matched only by words of its example questions: too weak
            confidence = 0.0
        explained = (bool(ranked) and not resolved.out_of_scope and not elsewhere
                     and self._explains(ranked[0], resolved))
        needed = self.min_confidence * (HOW_TO_FACTOR if resolved.how_to else 1.0)
        answered = bool(ranked) and (confidence >= needed or explained)
        topic = self._topics[ranked[0]] if answered else None
        suggestions: tuple[Topic, ...] = ()
        if not answered:  # only topics the question touched beyond their answer's wording
            about = [i for i in ranked if self._mentions(i, terms)]
            suggestions = tuple(self._topics[i] for i in about[:MAX_SUGGESTIONS])
        explanation = None
        if explain:
            scored = [self._topic_score(i, acc[i], terms) for i in ranked[: 1 + RUNNERS_UP]]
            explanation = Explanation(
                terms=tuple(terms),
                unknown=tuple(resolved.unknown),
                known_share=round(known_share, 4),
                confidence=round(confidence, 4),
                fully_explained=explained,
                min_confidence=needed,
                best=scored[0] if scored else None,
                runners_up=tuple(scored[1:]),
                stats=stats,
            )
        return Match(answered, topic, round(best_score, 4), suggestions, explanation)


__all__ = [
    "Answerer",
    "Explanation",
    "Match",
    "QueryTerm",
    "Stats",
    "TermScore",
    "TopicScore",
]

