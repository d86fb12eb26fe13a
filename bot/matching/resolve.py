"""From a question to what it says: index terms, unknown words, and the signs the decision rule reads.

Words are resolved in the order the package docstring gives (exact, joined,
typo-corrected, phrases, synonyms); the same pass sorts every content word
into off-topic, unsure, known, neutral or unknown, and weighs the idf mass of
the known and unknown ones.
"""

from __future__ import annotations

import re
from typing import Callable, NamedTuple

from bot.matching.cues import (
    DISCLAIMER_LEADS,
    HANDING_VERBS,
    access_requested,
    LACKING,
    WEIGHED,
    already_weighed,
    ANALOGY_MARKERS,
    asker_words,
    count_asked,
    price_asked,
    LEARNING_RESOURCES,
    REVIEWING_VERBS,
    resource_asked,
    NOT_WEB_TRIGGERS,
    not_web_project,
    review_requested,
    examples_named,
    parts_chosen,
    PARTS_CHOSEN_TRIGGERS,
    share_asked,
    asks_how_to,
    asks_which_to_choose,
    next_in,
    CODE_VERBS,
    ESTIMATE_WORDS,
    MEETING_WORDS,
    code_asked,
    exception_named,
    code_requested,
    estimate_asked,
    failure_named,
    KEEPS,
    identity_and_teller,
    lacking_framework,
    chore_asked,
    colleague_asked,
    SEEKERS,
    origin_asked,
    owner_asked,
    typing_asked,
    other_sense,
    document_requested,
    on_call_named,
    outage_named,
    place_asked,
    other_compared,
    preferred_framework,
    rates_named,
    status_named,
    STATUS_CODES,
    payment_provider_asked,
    alternatives_named,
    meeting_logistics,
    set_aside,
    not_needed,
    FRONTEND_TECHNOLOGIES,
    frontends_needed,
    unknown_comparison,
    words_in,
)
from bot.epithets import by_name
from bot.matching.index import Index
from bot.matching.results import QueryTerm
from bot.matching.tuning import (
    ALTERNATIVE_JOINTS,
    COMMON_WEIGHT,
    CHOICE_MARKERS,
    CHOICE_WORDS,
    CONTEXT_FACTOR,
    FOREIGN_WEIGHT,
    FRAMEWORK_SET,
    FRAMEWORK_TUPLES,
    FRAMEWORKS,
    FUZZY_FACTOR,
    HOW_TO_VERBS,
    MAX_FUZZY_WORDS,
    MAX_TOKENS,
    OFF_TOPIC_WEIGHT,
    PHRASE_FILLERS,
    SCHEDULE_WORDS,
    SYNONYM_FACTOR,
    TOLD_FIRST_FACTOR,
)
from bot.matching.typos import TypoCorrector
from bot.neutral import NEGATIONS, OTHER_SENSES, OTHER_TECHNOLOGIES, is_common_word
from bot.text import (
    ADVERBS,
    QUESTION_WORDS,
    code_terms,
    is_amount,
    is_content,
    is_content_stemmed,
    is_foreign,
    is_neutral,
    is_neutral_uncached,
    is_off_topic,
    is_out_of_scope,
    is_unsure,
    normalise,
    stem,
    stem_uncached,
    tokens,
    trim_word_caches,
    WORD_CACHE_SIZE,
)

_NO_WORDS: frozenset[int] = frozenset()
_NO_STEMS: frozenset[str] = frozenset()


class Resolved:
    """The question after word resolution (internal; one per question, so a plain slotted class)."""

    __slots__ = ("terms", "unknown", "specific", "off_topic", "out_of_scope", "preferred", "how_to",
                 "subject", "known_mass", "unknown_mass", "fuzzy_candidates", "words", "lacking", "choice_only",
                 "choice_asked", "identity", "scheduled", "bare_choice", "told")

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
        self.lacking: str | None = None  # "what can flask do that django can't": django
        self.choice_only = False  # "which one should we go with": nothing named, a choice asked
        self.choice_asked = False  # "which", "or", "vs", "better", "recommend"...: asks for a choice
        self.identity: str | None = None  # "heard about flask at a meetup, what is it?": flask
        self.scheduled = False  # speaks of a day or a meeting (tuning.SCHEDULE_WORDS): "... is friday right?"
        # "we sell soap online, 3 of us. which framework would you pick?": a project told, then only a choice asked
        self.bare_choice = False
        self.told = 0  # unknown words of the sentences that tell, when another asks (the context)

    def add(self, qt: QueryTerm) -> None:
        old = self.terms.get(qt.term)
        if old is None or qt.factor > old.factor:
            self.terms[qt.term] = qt


class Sentences(NamedTuple):
    """What ``read_sentences`` makes of a message's sentences."""

    context: frozenset[str]
    project: frozenset[str]
    told_first: bool
    stressed: frozenset[str] = frozenset()  # the project's clause that says what matters most


_NO_READING = Sentences(frozenset(), frozenset(), False)


def read_sentences(text: str) -> Sentences:
    """(context, project, told_first, stressed): the words of the sentences that tell rather than ask, when
    another sentence asks; when the asking sentences only ask for a choice, the telling sentences'
    words, which describe the asker's project ("we sell handmade soap online, 3 people. flask or
    django?"); and whether the message ends asking, all its telling said first ("we're digitising a
    museum archive. do we get an admin screen for the staff?"), not after ("can someone reset my
    password? locked out again"); and of a project told before a bare choice, the words of the clause
    that says what matters most (``_stressed``).

    "Teacher here, planning an intro web course. Which of the two is gentler
    for beginners?": the first sentence is context, the second the question.
    A word also found in an asking sentence is not context. When the asking
    sentences only ask for a choice ("flask or django?", "which one should we
    pick?": ``tuning.CHOICE_MARKERS`` and no word outside ``CHOICE_WORDS``),
    nothing is context: the telling sentences say what the choice is for. The full stop of "e.g.",
    "i.e.", "etc." or "vs." ends no sentence.
    """
    if "(" in text and ")" in text:
        # "how does django stop CSRF attacks? (tangent: is that the same as XSS?)": an aside in
        # brackets, when the rest asks, is said by the way
        asides = [part for part in _BRACKETED.findall(text) if _ASIDE.match(part)]
        outside = _BRACKETED.sub(lambda m: " " if _ASIDE.match(m.group(1)) else m.group(0), text)
        if asides and "?" in outside:
            aside = set().union(*(words_in(part) for part in asides))
            return Sentences(frozenset(context_words(outside) | (aside - words_in(outside))), _NOTHING, False)
    if ">" in text:
        # "> flask is just a toy\n\nthat's priya. what is flask, in a sentence?": a quoted line is
        # what someone said, told as one sentence of its own
        text = _QUOTED.sub(lambda m: m.group(1).replace("?", " ").rstrip(" .!") + ".", text)
    marked = "?" in text
    if not marked and "." not in text:
        return _NO_READING  # nothing asks, or one sentence
    if "." in text:  # "e.g. an admin area", "vs. django": an abbreviation, not a sentence's end
        text = _ABBREVIATION.sub(lambda m: m.group(0).replace(".", " "), text)
    if not _INNER_END.search(text.strip().rstrip(".!? ")):
        return _NO_READING  # one sentence
    sentences = [m.group(0) for m in _SENTENCE.finditer(text) if _FIRST_WORD.search(m.group(0))]  # not "? 🛒"
    if not sentences:
        return _NO_READING
    # "QA engineer, about to start testing a tool built on django. can someone give me the short
    # version of what django is": with no "?" anywhere, a last sentence that opens as a question asks
    # (worked out only when needed, below, when some sentence ends in "?")
    last_asks = None if marked else _last_asks(sentences[-1], marked)
    if not marked and not last_asks:
        return _NO_READING
    asking: set[str] = set()
    telling: set[str] = set()
    asked: list[str] = []
    told: list[tuple[str, set[str]]] = []  # the telling sentences and their words
    asks = claimed = False
    last = len(sentences) - 1
    for k, sentence in enumerate(sentences):
        asks = sentence.rstrip().endswith("?") if marked else k == last
        if marked and k < last and asks and _checks_a_claim(sentence):
            # "django = e-commerce sites and that's it, right? what else do people build with it",
            # "flask is a python lib, yeah? like what *is* it exactly": a claim checked on the way
            # to what the last sentence asks, "?" or not
            if last_asks is None:
                last_asks = _last_asks(sentences[-1], marked)
            if last_asks:
                asks = False
                claimed = True
        elif k == last and claimed:
            asks = True
        said = words_in(sentence)
        (asking if asks else telling).update(said)
        if asks:
            asked.append(sentence)
        else:
            told.append((sentence, said))
    # "... customer portal, reporting. what would you go with?": a choice asked without a marker
    choosing = telling and CHOICE_MARKERS.isdisjoint(asking) and not HOW_TO_VERBS.isdisjoint(asking) and any(
        asks_which_to_choose(tokens(sentence)) for sentence in asked)
    if not telling or ((choosing or not CHOICE_MARKERS.isdisjoint(asking))
                       and not any(is_content(w) and w not in CHOICE_WORDS for w in asking)) or (
            not _OPINION_ASKS.isdisjoint(asking) and all(w in _OPINION_ASKS or not is_content(w) for w in asking)):
        # ("... order mgmt for me in the back. thoughts?": asked for an opinion on it, the choice)
        # nothing asked beyond a choice ("we sell courses online. flask or django?"):
        # the context is what the question is about, the project the choice is for
        context, stressed = _stressed(told, telling, asking) if told else (_NOTHING, _NOTHING)
        return Sentences(context, frozenset(telling - asking), asks, stressed)
    if all(w in _CONFIRMING or not is_content(w) for w in asking):
        # "jen said there's nothing django can do that flask can't. true?": a claim to check
        # is what is asked about
        return _NO_READING
    if not asks and last_asks is None:
        last_asks = _last_asks(sentences[-1], marked)
    return Sentences(frozenset(telling - asking), _NOTHING, asks or bool(last_asks))


# What the asker says matters most ("data privacy is non-negotiable", "main worry: ...", "security
# above all", "X is the #1 priority", "the one thing QA cares about is ...")
_STRESS = re.compile(
    r"#1 (?:priority|concern|requirement)\b|\b(?:non ?-?negotiable|(?:can ?not|can'?t|cant|won'?t) (?:afford|compromise)\b"
    r"|above (?:all|anything|everything)\b|most important|matters? (?:the )?most\b|more than anything\b"
    r"|everything else is secondary|is (?:critical|crucial|paramount)\b|is everything (?:for|to) (?:us|me)\b"
    r"|be-all and end-all\b|(?:main|biggest|top|primary|major|number one|only real) (?:worry|worries|concern|concerns"
    r"|fear|priority)\b|(?:my|our|the|first|highest) priority\b|priority (?:#|no\.? ?|number )?(?:1|one)\b"
    r"|the (?:one|only) thing\b|keeps? me up at night\b|deal ?-?breaker|lose sleep\b|trumps? (?:everything|all)\b"
    r"|nothing (?:else )?matters\b|(?:really|mostly|only) care about\b|all (?:i|we) care about\b|comes? down to\b"
    r"|(?:it'?s|that'?s) a no\b|is a no-?go\b|lives or dies\b|deciding factor\b|decides (?:it|this|everything)\b"
    r"|(?:core|key|hard|main|biggest) requirement\b|the hardest part\b|hinges on\b)")
# a word each of _STRESS's phrases holds: a sentence with none of them is not searched
_STRESS_WORDS = frozenset("1 negotiable nonnegotiable afford compromise above important matters matter anything"
                          " secondary critical crucial paramount everything endall end worry worries concern concerns"
                          " fear priority thing night dealbreaker breaker sleep trumps trump care come comes no nogo"
                          " dies deciding decides requirement hardest hinges".split())
# where a sentence's clauses part ("hobby project on a cheap VPS, the #1 priority is ..."; not at a colon:
# "main fear: some malicious site ..." is one)
_CLAUSE_BREAK = re.compile(r"[,;\u2014\u2013]|\s-+\s")
# the words that stress, and those that only point back ("that's non-negotiable"): no concern named
_STRESSING = _STRESS_WORDS | frozenset(
    "non cannot cant wont all most importantly main biggest top primary major number one only real fears else"
    " requirement keeps keep more deal lose nothing really mostly down its go lives my our first highest i we that thats this"
    " it factor core key hard part what is".split())


def _names_no_concern(words: set[str]) -> bool:
    return all(w in _STRESSING or not is_content(w) for w in words)


def _stressed(told: list[tuple[str, set[str]]], telling: set[str],
              asking: set[str]) -> tuple[frozenset[str], frozenset[str]]:
    """(context, stressed): when a project is told before a bare choice and a clause of it says
    what matters most ("we run a school district, a portal with grades and student records. data
    privacy is non-negotiable. which?"), the words of that clause (of each, if several do), what the
    choice is about, and those of the rest of ``telling``, which tell the situation (they weigh as
    context). A clause that names no concern points back ("mypy in CI must pass cleanly, that's our
    main worry"): what its sentence says before it is stressed, or the sentence before. Nothing
    when no clause stresses."""
    stressed: set[str] = set()
    for n, (sentence, words) in enumerate(told):
        if _STRESS_WORDS.isdisjoint(words) or not _STRESS.search(sentence.lower()):
            continue
        clauses = _CLAUSE_BREAK.split(sentence)
        for k, clause in enumerate(clauses):
            if _STRESS.search(clause.lower()):
                said = words_in(clause) - asking
                if _names_no_concern(said):
                    # "mypy in CI must pass cleanly, that's our main worry": what the sentence said
                    # before it, or the sentence before ("... on GraphQL for everything. that's non-negotiable.")
                    before = " ".join(clauses[:k]) if k else told[n - 1][0] if n else ""
                    said |= words_in(before) - asking
                stressed |= said
    if _names_no_concern(stressed):
        return _NOTHING, _NOTHING
    return frozenset(telling - stressed - asking), frozenset(stressed)


# what may come before a sentence's question word ("like what is it", "ok so how does it scale")
_LEAD_INS = frozenset("like so and but ok okay also then or well i mean hmm".split())
_OPENING_WORD = re.compile(r"[\W_]*(?:(?:%s)\b[\W_]*)*([^\W_]+)" % "|".join(sorted(_LEAD_INS)))


def _last_asks(sentence: str, marked: bool) -> bool:
    """Does the last sentence ask, "?" or not: opening as a question or only asking for a choice?"""
    return _opens_asking(sentence, marked) or _only_a_choice(sentence)


def _opens_asking(sentence: str, marked: bool) -> bool:
    """Does ``sentence`` open as a question ("what is it exactly", "like what *is* it", "can
    someone explain")? When another sentence ends in "?", not "someone told me ...": a question
    word that also tells."""
    m = _OPENING_WORD.match(sentence)
    w = m.group(1) if m else ""
    return w in QUESTION_WORDS and not (marked and w in _TELLING_OPENERS)


_TELLING_OPENERS = frozenset(("someone", "somebody"))


def _only_a_choice(sentence: str) -> bool:
    """Does ``sentence`` only ask for a choice or an opinion ("your pick", "help me choose",
    "thoughts")?"""
    words = _FIRST_WORD.findall(sentence)
    return (not (CHOICE_MARKERS.isdisjoint(words) and _OPINION_ASKS.isdisjoint(words))
            and all(w in CHOICE_WORDS or w in _OPINION_ASKS or w in _CHOICE_HELP or not is_content(w) for w in words))


_CHOICE_HELP = frozenset(("help", "your"))
# the tag that turns a claim into a question ("..., right?", "..., yeah?")
_CLAIM_TAGS = frozenset("right yeah yes true correct no innit eh yep ya yea".split())


def _checks_a_claim(sentence: str) -> bool:
    """Does ``sentence`` check a claim: one with a tag asking to confirm it ("django is only for
    shops, right?") or only the asking ("is that fair?")?"""
    words = _FIRST_WORD.findall(sentence)
    return (len(words) > 2 and words[-1] in _CLAIM_TAGS) or (len(words) <= _MAX_CHECK_WORDS and all(
        w in _CONFIRMING or not is_content(w) for w in words))


_MAX_CHECK_WORDS = 6  # "is that fair?", "is that really accurate though?"


def context_words(text: str) -> frozenset[str]:
    """The context of ``read_sentences``: "Teacher here, planning an intro web course. Which of the
    two is gentler for beginners?" -> the first sentence's words."""
    return read_sentences(text)[0]


_NOTHING: frozenset[str] = frozenset()
# "thoughts?", "any suggestions?", "opinions?": an opinion asked on what was told, the choice
# how a bare choice may be asked after a project told ("verdict?", "your call", "decide for me")
_ASKING_THE_VERDICT = frozenset("verdict call decide recommendation".split())
_OPINION_ASKS = _ASKING_THE_VERDICT | frozenset(
    "thoughts thought opinions opinion suggestions suggestion ideas advice recommendations recs rec input takes reckon"
    " think wdyt go shoot".split())
_BETWEEN = frozenset(("between", "vs", "versus"))
_FRAMEWORK_NOUNS = frozenset(("framework", "frameworks"))
# "does either framework deal with that", "does the framework choice matter for security": the two
# frameworks meant together, or the choice between them named
_BOTH_OR_CHOICE = frozenset(("either", "both", "each", "choice", "decision"))


# "true?", "is that right?", "fair?": asking only whether what was said holds
_CONFIRMING = frozenset("true right correct accurate fair legit valid really agree hold holds fact facts myth"
                        " truth confirm summary assessment concern fud".split())
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+|$)")
_QUOTED = re.compile(r"(?m)^[ \t]*>[ \t]?(.*)$")
_BRACKETED = re.compile(r"\(([^()]*)\)")
# what opens an aside in brackets ("(tangent: ...)", "(also ...?)"), not a list of examples ("(cms, apis)")
_ASIDE = re.compile(r"\s*(?:tangent|side note|side q|side thought|also|btw|fyi|unrelated|ps|p\.s\.|bonus q)\b")
_FIRST_WORD = re.compile(r"[^\W_]+")
_ABBREVIATION = re.compile(r"\b(?:e\.g|i\.e|etc|vs|approx|incl|esp|cf|btw|fyi|pls)\.")
_INNER_END = re.compile(r"[.!?]")


def _join_hyphenated(joined: str, word: str, index: Index) -> bool:
    """Read "e-commerce" as the one word "ecommerce" when the index knows it: as evidence always;
    as a word only the answers' prose uses ("loadbalancing" from an answer's "load-balancing")
    only when no part of it is evidence, so "load-balancing" still finds the keyword phrase
    "load balancing" and "beginner-friendly" the keyword "beginner"."""
    s = stem(joined)
    if s in index.evidence:
        return True
    if s not in index.prose:
        return False
    evidence = index.evidence
    return not any(stem(part) in evidence for part in word.split("-") if part)


def _hyphenated(split: list[str], index: Index, extension: set[int]) -> list[str]:
    """The words with each hyphenated one joined ("e-commerce" when the index knows it) or split
    ("flask", "login"); the positions of an extension's words ("flask-sqlalchemy") go into
    ``extension``."""
    words: list[str] = []
    for w in split:
        if "-" not in w:
            words.append(w)
            continue
        joined = w.replace("-", "")
        if _join_hyphenated(joined, w, index):
            words.append(joined)
            continue
        parts = w.split("-")
        if parts[0] in FRAMEWORKS:
            # "flask-sqlalchemy": an extension's name, not a foreign subject
            extension.update(range(len(words) + 1, len(words) + len(parts)))
        words.extend(parts)
    return words


# "the demo version", "our first version", "a mobile version": what comes before a product's version
_PRODUCT_STAGES = frozenset("demo first beta early trial initial rough quick basic simple lite light test mvp"
                            " prototype alpha minimal small v1 free paid mobile web desktop pro premium scrappy"
                            " stripped bare lean cheap working functional clickable throwaway barebones dirty"
                            " hacky".split())
# "pick flask", "choose django", "go with flask", "use django": choosing one (as index stems)
_CHOICE_VERBS = frozenset(("pick", "choos", "go", "use", "select", "adopt", "reach"))
_REFUSALS = NEGATIONS | {"shouldnt", "wouldnt", "couldnt"}
_ASKERS = frozenset("i we you u".split())


def _refused(words: list[str], k: int) -> bool:
    """Is the choice at ``k`` refused: "shouldn't (I) pick", "why not use", "never go with"?"""
    j = k - 1
    if j >= 0 and words[j] in _ASKERS:
        j -= 1
    return j >= 0 and words[j] in _REFUSALS


# "when should we *not* reach for django", "why should i not pick flask", "when wouldn't you go with
# django": a choice refused asks what speaks against the framework (the guide's "why not")
# (fewer than _REFUSALS: "why don't we use django" suggests it)
_REFUSED_CHOICE = frozenset(("not", "never", "shouldnt", "wouldnt"))
_REFUSED_VERBS = _CHOICE_VERBS | {"bet", "learn"}  # as index stems, like _CHOICE_VERBS
_WHY_NOT = ("why", "not")


def _choice_refused(words: list[str], stems: list[str]) -> bool:
    """A refusal, then (past "i/we/you" and an adverb) a verb of choosing, then within three words a
    framework's name: "should we *not* reach for django", "why shouldn't i pick flask"."""
    for k, w in enumerate(words):
        if w not in _REFUSED_CHOICE or (w == "not" and k and words[k - 1] in ("why", "or")):
            continue  # "why not django" is the guide's own phrase; "or not" asks whether
        j = k + 1
        while j < len(words) and (words[j] in _ASKERS or words[j] in ADVERBS):
            j += 1
        if j < len(words) and stems[j] in _REFUSED_VERBS and not FRAMEWORK_SET.isdisjoint(words[j + 1 : j + 4]):
            return True
    return False


# Subjects the guide never covers, each found by a cue of bot.matching.cues (what it found, or
# None), tried only when one of its words is in the question
_OUT_OF_SCOPE_CUES: tuple[tuple[frozenset[str], Callable[[list[str]], str | None]], ...] = (
    (NEGATIONS | KEEPS, failure_named),                           # "not working", "keeps failing": a failure
    (frozenset(("call", "oncall")), on_call_named),               # "who's on call tonight": a duty rota
    (frozenset(("down",)), outage_named),                         # "our api is down": an outage
    (HANDING_VERBS, document_requested),                          # "share the dashboard link": a document
    (frozenset(("where",)), place_asked),                         # "where is the blueprint doc"
    (frozenset(("add", "access")), access_requested),             # "add me to the standup invite"
    (frozenset(OTHER_SENSES), other_sense),                       # "the blueprint for the office move"
    (frozenset(("code", "hello")), code_asked),                   # "a flask hello world": code
    (CODE_VERBS, code_requested),                                 # "write me a flask route": code
    (MEETING_WORDS, meeting_logistics),                           # "who's booking the meeting room"
    (ESTIMATE_WORDS, estimate_asked),                             # "how long would it take to build"
    (frozenset(("who", "when", "old", "year")), origin_asked),    # "who made flask": history
    (frozenset(("who",)), chore_asked),                           # "who's bringing snacks": office chores
    (SEEKERS, colleague_asked),                                   # "who on our team knows django?"
    (frozenset(("by",)), owner_asked),                            # "django is maintained by google"
    (frozenset(("type",)), typing_asked),                         # "does flask support type hints"
    (frozenset(("percent",)), share_asked),                       # "what percent of devs use django"
    (frozenset(("many",)), count_asked),                          # "how many flask job postings are there"
    (frozenset("much cost costs charge charges rate rates".split()), price_asked),  # "how much does the server cost"
    (frozenset(("payment", "payments")), payment_provider_asked),  # "which payment gateway"
    (REVIEWING_VERBS, review_requested),                          # "can you review my CV"
    (LEARNING_RESOURCES, resource_asked),                         # "the best flask course on udemy"
    (NOT_WEB_TRIGGERS, not_web_project),                          # "a native iOS app. flask or django?"
)


_CUE_TRIGGERS = frozenset().union(*(triggers for triggers, _ in _OUT_OF_SCOPE_CUES))


def _what_for(words: list[str]) -> list[str]:
    """"what is django (actually) for" as "what is django used for" ("what is flask for real" is
    not: "for real" says really)."""
    for k, w in enumerate(words[:-2]):
        if w == "what" and words[k + 1] == "is" and words[k + 2] in FRAMEWORK_SET:
            j = k + 3
            while j < len(words) and words[j] in PHRASE_FILLERS:
                j += 1
            if words[j : j + 1] == ["for"] and (j + 1 == len(words) or words[j + 1] in _AFTER_WHAT_FOR):
                return words[:j] + ["used"] + words[j:]
    return words


# what may follow "what is django for": the question goes on about its use ("..., day to day?"),
# not to whom it is explained ("what is flask for a beginner?") nor "for real"
_AFTER_WHAT_FOR = frozenset("day mostly exactly anyway then though tho in actually usually typically these nowadays"
                            " today".split())


_EACH_CHOICE = ("flask", "or", "django")  # the verdict's keyword


def _when_each(words: list[str]) -> bool:
    """"when to use flask and when to use django", "when flask, when django?": each framework named
    within six words after a "when"."""
    named = set()
    for k, w in enumerate(words):
        if w == "when":
            named.update(f for f in words[k + 1 : k + 7] if f in FRAMEWORK_SET)
    return len(named) == len(FRAMEWORKS)


def _named_drf(words: list[str]) -> list[str]:
    """"rest framework" as the one word "drf" (``bot.neutral.OTHER_TECHNOLOGIES``)."""
    out: list[str] = []
    for w in words:
        if w == "framework" and out and out[-1] == "rest":
            out[-1] = "drf"
        else:
            out.append(w)
    return out


# What a word is to the loop in ``resolve``, whatever question holds it (``_profile``): a content
# word of the index's evidence is its exact term, a QueryTerm at factor 1.0 (its source is the word:
# true); any other word is (stem, what it is), what it is false for a word that is no content word
_NOT_CONTENT, _OTHER, _OFF_TOPIC, _UNSURE, _PLAIN, _SPECIFIC = range(6)
Profile = QueryTerm | tuple[str, int]


def _profile(word: str, index: Index, profiles: dict[str, Profile]) -> Profile:
    """``word``'s profile (above): its exact term, or its stem and whether it is off-topic, unsure,
    everyday or prose-only, or none of these (``_OTHER``, left to the typo corrector); remembered in
    ``profiles``, the index's (~100 bytes a word; ``resolve`` empties it past ``WORD_CACHE_SIZE``).
    Worked out with the uncached functions: the word caches of ``bot.text`` would hold it twice."""
    # the index's own string when the knowledge has the word, the word itself when it is its stem:
    # one string object fewer a word to remember
    s = index.surface.get(word) or stem_uncached(word)
    if s == word:
        s = word
    profile: Profile
    if not is_content_stemmed(word, s):
        profile = (s, _NOT_CONTENT)
    elif is_off_topic(word):
        profile = (s, _OFF_TOPIC)
    elif is_unsure(word):
        profile = (s, _UNSURE)
    elif s in index.evidence:
        profile = QueryTerm(s, word, "exact", 1.0, index.term_idf(s))
    elif s in index.prose or is_neutral_uncached(word):
        profile = (s, _PLAIN if is_neutral_uncached(word) else _SPECIFIC)
    else:
        profile = (s, _OTHER)
    profiles[word] = profile
    return profile


def _outside_the_guide(question: str, words: list[str], context: frozenset[str]) -> list[str]:
    """What the question says of a subject the guide never covers, found by the cues of
    ``_OUT_OF_SCOPE_CUES`` (each tried only when one of its words is in the question), an
    exception's name, a rate ("requests per second") or a comparison with another technology ("is
    express easier than flask"). A release or a hello world told in a sentence that asks nothing
    (``context``) is the asker's situation, not a subject ("moving our stuff off `flask 2.x`. what can
    django do that flask can't?", "... I only know it from a `hello world` tutorial")."""
    found: list[str] = []
    if not _CUE_TRIGGERS.isdisjoint(words):  # most questions hold none of them
        for triggers, cue in _OUT_OF_SCOPE_CUES:
            if not triggers.isdisjoint(words):
                said = cue(words)
                if said and not (cue is code_asked and said.rsplit(" ", 1)[-1] in context):
                    found.append(said)
    error = exception_named(question)
    if error:  # "getting `ModuleNotFoundError: No module named 'flask'`": a failure to debug
        found.append(error)
    if "per" in words:  # "requests per second": performance
        found += rates_named(words)
    if not STATUS_CODES.isdisjoint(words):  # "returns a 500 on checkout": a failure
        status = status_named(words)
        if status:
            found.append(status)
    if not FRAMEWORK_SET.isdisjoint(words):  # "has that changed in django 6?": a release
        found += [f"{w} {n}" for w, n in zip(words, words[1:])
                  if w in FRAMEWORK_SET and n.isdigit() and len(n) <= 2 and n not in context]
    if not OTHER_TECHNOLOGIES.isdisjoint(words):  # "is express easier than flask"
        other = other_compared(words)
        if other:
            found.append(f"compared with {other}")
        chosen = alternatives_named(words)  # "react or vue for the frontend?"
        if chosen:
            found.append(chosen)
    return found


_CODE_SPAN = re.compile(r"`+([^`]+)`+")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def _told_code(question: str) -> list[str]:
    """The code spans of sentences that tell, when a later one asks: the first sentence end after the
    span is a full stop or "!" (a dotted name, "requirements.txt", ends none), and a "?" follows."""
    told = []
    for m in _CODE_SPAN.finditer(question):
        after = question[m.end():]
        end = _SENTENCE_END.search(after)
        if end and end.group() != "?" and "?" in after[end.end():]:
            told.append(m.group(1).lower())
    return told


def _product_version(words: list[str], k: int) -> bool:
    """"the demo version", "a first version": the asker's product at a stage, not a release ("the
    first version of flask" is one); or "the one-paragraph version of what django is", "the short
    version": an explanation told shorter."""
    if k > 0 and words[k - 1] in _TOLD_SHORTER:
        return True
    if k > 0 and (words[k - 1] in _VARIANTS or (words[k - 1] == "down" and k > 1 and words[k - 2] in _VARIANTS)):
        return True  # "a cut-down version of something", "a lighter version of django": what it is like
    if k > 0 and words[k - 1] in FRAMEWORK_SET and words[k + 1 : k + 2] == ["of"]:
        return True  # "a flask version of django's admin": its counterpart
    if words[k + 1 : k + 2] == ["of"]:
        after = words[k + 2 : k + 3]
        if after and after[0] in _THEIRS:  # "a working version of our reminder idea"
            return k > 0 and words[k - 1] in _PRODUCT_STAGES
        return bool(after) and after[0] in _WHAT_IS  # "the quick version of how flask works"
    if k > 1 and words[k - 2] in _PRODUCT_STAGES and words[k - 1] not in FRAMEWORK_SET and not words[k - 1].isdigit():
        return True  # "a quick scrappy version", "a stripped down version"
    return k > 0 and words[k - 1] in _PRODUCT_STAGES


# what makes a version something like another rather than a release of it
_VARIANTS = frozenset("cut watered slimmed scaled trimmed stripped lighter smaller simpler slimmer mini tiny"
                      " lightweight".split())
_TOLD_SHORTER = frozenset("paragraph sentence line liner short shorter eli5 tldr dr condensed dumbed layman laymans"
                          " summary marketing sales official brochure honest unbiased".split())
_WHAT_IS = frozenset(("what", "how", "why"))
_THEIRS = frozenset("our my your their his her this".split())


_PLURAL_THINGS = frozenset("projects apps sites teams services clients companies products ones places".split())
_PRODUCT_PARTS = frozenset("feature features app apps site sites page pages section forum feed space portal platform".split())


# what a tool stores when "stores" is a verb ("stores patient data"), not a shop
_KEPT = frozenset("data patient patients user users customer customers personal sensitive medical files records"
                  " passwords password info information documents docs".split())
# what the admin is said to be ("just a debug panel")
_SAID_TO_BE = frozenset("panel thing tool page screen toy view".split())
# kinds of security hole ("csrf bugs", "security issues")
_HOLES = frozenset("csrf xss security injection auth login password".split())
# whose company it is ("a company like ours", "our company")
_ASKERS_OWN = frozenset("our my a your this whole".split())
# what makes a company one that is looked up to ("a big company running it")
_NOTED = frozenset("big bigger large major famous huge known notable serious real massive".split())
# where the asker moves ("migrating to python", "migrated off rails")
_MOVE_PREPOSITIONS = frozenset(("to", "from", "off", "away"))
# being hired ("get me interviews", "land interviews")
_HIRED = frozenset("get gets getting got land lands landing more".split())
# preparing for one ("interview prep: what are the cons of each")
_PREPARING = frozenset("prep prepping preparation season".split())
_ON = frozenset(("on",))
_KEPT_AS = frozenset("data records info information details figures history".split())


def _after_hole(words: list[str], k: int) -> bool:
    """Is the word before ``k`` a kind of security hole ("csrf bugs", "security issues")?"""
    return k > 0 and words[k - 1] in _HOLES


# what editors, staff or ops fix by hand: content, not a failure ("fix typos in the database")
_EDITED = frozenset("post posts record records typo typos entry entries content page pages article articles product"
                    " products order orders listing listings row rows text copy price prices".split())
# "a separate plugin you install", "pip install something for forms", "pip install add-ons": what
# is installed is an add-on, which is the extensions the guide speaks of, not installing as a subject
_ADD_ONS = frozenset("plugin plugins extension extensions addon addons add ons package packages library libraries"
                     " something stuff things bits pieces extra extras".split())
_INSTALL_WORDS = frozenset(("install", "installed", "installing", "installs"))


def _installing_add_ons(words: list[str], k: int) -> bool:
    """Is the install (or "pip install") at ``k`` one of an add-on ("a separate plugin you install",
    "pip install something?") rather than of a framework ("how do i install flask") or one named
    ("install flask-admin")?"""
    if words[k] == "pip":
        if not next_in(words, k, _INSTALL_WORDS):
            return False
        k += 1
        if words[k] == "installs" and not next_in(words, k, FRAMEWORK_SET):
            return True  # "flask just needs more pip installs": what gets installed, add-ons
    after = words[k + 1 : k + 2]
    if after and after[0] in FRAMEWORK_SET:
        return False
    return not _ADD_ONS.isdisjoint(words[max(0, k - 6) : k + 4])  # "a flask add-on you have to install"


_BECOMING = frozenset("get gets getting got go goes going become becomes".split())
_UNDER_LOAD = frozenset("with under as when once".split())


def _slowing_under_load(words: list[str], k: int) -> bool:
    """Is the "slow" at ``k`` one of getting slow under load ("gets slow with many users") or of
    slowing the team down ("which framework would slow us down")?"""
    return (k > 0 and words[k - 1] in _BECOMING and next_in(words, k, _UNDER_LOAD)) or next_in(words, k, _SLOWED)


_SLOWED = frozenset("us me you them the team things development dev delivery".split())


_SHEETS = frozenset(("sheet", "sheets"))
# "not work" set off as an aside: what a question is not about, not something that fails
_NOT_FOR_WORK = re.compile(r"([,(]\s*)not work(\s*[,:;.!)])")


# Words read as everyday English where their neighbours say so, whatever the index knows of them
_EVERYDAY_WHERE: dict[str, Callable[[list[str], int], bool]] = {
    "rest": lambda words, k: words[k + 1 : k + 2] == ["of"],  # "the rest of the team": not REST
    # "across different projects": other ones, not the differences between the frameworks
    "different": lambda words, k: next_in(words, k, _PLURAL_THINGS),
    # "too slow to get anything shipped": slow to work with, not slow to run; "does it get slow with
    # many users": slowing under load, what scaling is about
    "slow": lambda words, k: words[k + 1 : k + 2] == ["to"] or _slowing_under_load(words, k),
    "slower": lambda words, k: words[k + 1 : k + 2] == ["to"] or _slowing_under_load(words, k),
    # "for our community": its users; "a community feature": the asker's product
    "community": lambda words, k: (k > 0 and words[k - 1] in ("our", "my")) or next_in(words, k, _PRODUCT_PARTS),
    # "a feature, not a bug": a saying; "3 csrf bugs last quarter", "security bugs": holes of the kind
    # the guide covers, not a failure to debug
    "bug": lambda words, k: words[max(0, k - 2) : k] == ["not", "a"] or _after_hole(words, k),
    **dict.fromkeys(("bugs", "issues"), lambda words, k: _after_hole(words, k)),
    # "a tool that stores patient data": keeping, not a shop
    **dict.fromkeys(("store", "stores"), lambda words, k: next_in(words, k, _KEPT)),
    # "the admin is just a debug panel": what the admin is said to be, not debugging
    "debug": lambda words, k: next_in(words, k, _SAID_TO_BE),
    # "a company like ours", "our company": the asker's, not one that uses a framework
    # ("a manufacturing company" too; not "a big company", one that uses a framework)
    "company": lambda words, k: k > 0 and (words[k - 1] in _ASKERS_OWN or (
        k > 1 and words[k - 2] in _ASKERS_OWN and words[k - 1] not in _NOTED)),
    # "quicker for a new hire to pick up": a newcomer to the team, not hiring
    **dict.fromkeys(("hire", "hires"), lambda words, k: k > 0 and words[k - 1] == "new"),
    # "hoping it catches on": takes off, not "the catch" (a downside)
    **dict.fromkeys(("catch", "catches"), lambda words, k: next_in(words, k, _ON)),
    # "employee ID numbers and salary data": what a tool keeps, not pay asked about
    **dict.fromkeys(("salary", "salaries"), lambda words, k: next_in(words, k, _KEPT_AS)),
    "version": _product_version,
    "versions": _product_version,
    # "we're migrating to python", "migrated off rails": the asker's move, not a data migration
    **dict.fromkeys(("migrate", "migrating", "migrated"), lambda words, k: next_in(words, k, _MOVE_PREPOSITIONS)),
    # "will flask get me interviews", "help me land interviews": being hired, which demand is about,
    # not interviewing ("django interview questions")
    # "interview prep: what are the cons of each": preparing, the asker's situation
    **dict.fromkeys(("interview", "interviews"), lambda words, k: not _HIRED.isdisjoint(words[max(0, k - 3) : k])
                    or next_in(words, k, _PREPARING)),
    # "add and fix posts", "fix typos in the database": editing content, not fixing a failure
    **dict.fromkeys(("fix", "fixes", "fixing"), lambda words, k: not _EDITED.isdisjoint(words[k + 1 : k + 4])),
    **dict.fromkeys(("pip", *_INSTALL_WORDS), _installing_add_ons),
    # "a cheat sheet of the main differences": the answer's form, as "a summary" is
    "cheat": lambda words, k: next_in(words, k, _SHEETS),
    **dict.fromkeys(_SHEETS, lambda words, k: k > 0 and words[k - 1] == "cheat"),
}


# "... flask can't? platform leads are asking": a "cannot" that ends its sentence, and the word opening the next
_ENDED_CANNOT = re.compile(r"\b(?:can'?t|cannot|can not|doesn'?t|does not)\s*[.!?;:]+\W*(\w+)")


def _everyday(words: list[str], stems: list[str], content: list[int], index: Index,
              text: str) -> tuple[frozenset[int] | set[int], frozenset[int] | set[int]]:
    """The positions of a modal "cannot", and of every word read as everyday English there
    whatever the index knows of it (the modal "cannot" and ``_EVERYDAY_WHERE``)."""
    # "flask can't scale", "can't decide": what it cannot do is what is asked; "cannot"
    # says something is lacking only before no word of the guide's ("that flask can't",
    # "flask can't do", "doesn't have"), nor before the first word of the next sentence ("what can
    # django do that flask can't? platform leads are asking")
    modal = {k for k in content[:-1] if words[k] == "cannot" and (j := _past_adverbs(words, k + 1)) in content
             and stems[j] in index.evidence and words[j] not in FRAMEWORK_SET
             } if "cannot" in words else _NO_WORDS
    if modal and _ENDED_CANNOT.search(text):
        opened = {m.group(1) for m in _ENDED_CANNOT.finditer(text)}
        modal = {k for k in modal if words[_past_adverbs(words, k + 1)] not in opened}
    if _EVERYDAY_WHERE.keys().isdisjoint(words):  # most questions
        return modal, modal
    rules = _EVERYDAY_WHERE
    return modal, modal | {k for k in content if words[k] in rules and rules[words[k]](words, k)}


def _past_adverbs(words: list[str], k: int) -> int:
    """The position of the first word from ``k`` on that is no adverb ("can't *really* scale"), nor
    a verb of doing before one that says what ("can't really *do* big apps", "can't do *the* frontend")."""
    while k < len(words) and words[k] in ADVERBS:
        k += 1
    if k + 1 < len(words) and words[k] in _DOING:
        k += 1
        if words[k] == "with" and k + 1 < len(words):  # "can't deal with", "can't cope with"
            k += 1
        while k + 1 < len(words) and words[k] in _DETERMINERS:
            k += 1
        return _past_adverbs(words, k)
    return k


_DOING = frozenset("do handle run support manage deal cope".split())
_DETERMINERS = frozenset("the a an our my your their its this that".split())


def _phrase_spans(words: list[str], stems: list[str], index: Index,
                  modal: frozenset[int] | set[int]) -> list[tuple[int, int]]:
    """Where the index's phrases stand in the question, (start, end) by start, the longest at each
    start; intensifiers inside a phrase left out ("what *even* is flask")."""
    starts = index.phrase_starts
    phrases = index.phrases
    spans: list[tuple[int, int]] = []
    at: list[int] | range = range(len(stems))  # position in the question of each word matched
    pstems = stems
    if not PHRASE_FILLERS.isdisjoint(words):
        at = [k for k, w in enumerate(words) if w not in PHRASE_FILLERS]
        pstems = [stems[k] for k in at]
    seconds = index.phrase_seconds
    last = len(pstems) - 1
    for i, s in enumerate(pstems):
        # most words start no phrase, or none with the word after them: no phrase to build
        if i == last or pstems[i + 1] not in seconds.get(s, _NO_STEMS):
            continue
        for n in starts[s]:  # only the lengths of the index's phrases starting with this word
            if i + n > len(pstems):
                continue
            gram = tuple(pstems[i : i + n])
            if gram not in phrases:  # most are not; the checks below only ever skip one that is
                continue
            if gram[-1] == "in" and tuple(pstems[i + n : i + n + 1]) in FRAMEWORK_TUPLES:
                # "logging in django", "build in flask": "in" is where, not
                # the particle of "log in" / "built in"
                continue
            if gram[-1] == "cannot" and at[i + n - 1] in modal:
                # "flask can't scale" is not "flask cannot" (lacks)
                continue
            if gram[0] in _CHOICE_VERBS and gram[-1] in FRAMEWORK_SET and _refused(words, at[i]):
                # "why shouldn't I pick flask": not a reason to choose it
                continue
            if gram[-1] in FRAMEWORK_SET and pstems[i + n : i + n + 1] and (
                    pstems[i + n] in ALTERNATIVE_JOINTS):
                # "choose flask or django": the framework is one of two
                # alternatives, not the one chosen ("choose flask")
                continue
            if " ".join(gram) in index.evidence:  # (a phrase is never prose only)
                spans.append((at[i], at[i + n - 1] + 1))
                break  # the longest phrase starting here
    return spans


_BREAKS = frozenset(",;:!?.\"'()[]|*_~>/")


def _sentence_breaks(text: str) -> frozenset[tuple[str, str]]:
    """(last word of a sentence, first word of the next) for each sentence's end in ``text``: "out
    of the box? *in* plain words" -> ("box", "in"). A phrase holding such a pair is not read."""
    pairs = []
    for end in _ENDS.finditer(text):  # one to three a question
        k = end.start() - 1  # back over markup to the word before ("flask?*", "box?")
        while k >= 0 and not (text[k].isalnum() or text[k] == "_"):
            k -= 1
        last = k
        while k >= 0 and (text[k].isalnum() or text[k] == "_"):
            k -= 1
        after = _NEXT_WORD.match(text, end.end())
        if last >= 0 and after:
            pairs.append((text[k + 1 : last + 1], after.group(1)))
    return frozenset(pairs)


_ENDS = re.compile(r"[.!?]+")
_NEXT_WORD = re.compile(r"\W*?(\w+)")


def _apart(text: str, first: str, second: str) -> bool:
    """Does punctuation stand between ``first`` and the ``second`` after it in ``text`` ("flagged
    'csrf'", "profiles, follows")? Then the first names no kind of the second. (The first place
    ``first`` is written is the one looked at.)"""
    at = text.find(first)
    if at == -1:
        return False
    end = at + len(first)
    between = text[end : text.find(second, end)] if second in text[end:] else ""
    return len(between) < 8 and not _BREAKS.isdisjoint(between)


def _add_synonyms(r: Resolved, index: Index, in_phrases: set[str]) -> None:
    """Add the keyword each term stands for as a synonym (``SYNONYM_FACTOR``); not for a word
    inside a matched phrase (``in_phrases``), which says what the word means there ("*hack*
    together" is building, not attacking)."""
    synonyms = index.synonyms
    for qt in list(r.terms.values()):
        targets = synonyms.get(qt.term)
        if not targets or (qt.via in ("exact", "fuzzy") and qt.source in in_phrases):
            continue
        # The keyword's weight, but only as informative as the word typed:
        # "best" standing for "which is better" is still a common word.
        own_idf = index.term_idf(qt.term)
        for target in targets:
            if target in index.idf:
                idf = min(index.idf[target], own_idf)
                r.add(QueryTerm(target, qt.source, "synonym", qt.factor * SYNONYM_FACTOR, idf))


def resolve(question: str, index: Index, typos: TypoCorrector) -> Resolved:
    """The question's words resolved into index terms, with what the decision needs."""
    trim_word_caches()
    term_idf = index.term_idf
    r = Resolved()
    extension: set[int] = set()  # words naming an extension ("flask-sqlalchemy")
    # ("the batteries-included one": django; "the `csrf_token` thing": the guide's words as code)
    text, code = code_terms(normalise(by_name(question)), index.is_evidence_word)
    told_code = _told_code(question) if code and "`" in question and "?" in question else []
    for w in dict.fromkeys(code[:MAX_FUZZY_WORDS]):
        # pasted code or a release number: a detail the guide never names; in a sentence that tells
        # ("saw `bp = Blueprint('admin', __name__)` all over our repo. what's a blueprint for?"), the situation
        r.unknown.append(w)
        if any(w in span for span in told_code):
            r.unknown_mass += index.idf_unknown * OFF_TOPIC_WEIGHT * CONTEXT_FACTOR
        else:
            r.unknown_mass += index.idf_unknown * OFF_TOPIC_WEIGHT
            r.off_topic += 1
    if "not work" in text:  # "weekend-project question, not work, so ...": not for work, no failure
        text = _NOT_FOR_WORK.sub(r"\1not for work\2", text)
    context, project, told_first, stressed = read_sentences(text)  # the context's terms weigh CONTEXT_FACTOR
    r.bare_choice = bool(project)
    words = tokens(text, keep_hyphens=True)
    if "-" in text:  # most questions hold no hyphen: their words stay as split
        words = _hyphenated(words, index, extension)
    if "for" in words and "what" in words:  # "what's django (actually) for?": what it is used for
        words = _what_for(words)
    if "rest" in words and "framework" in words:
        # "django rest framework" names a library (DRF) the guide never covers, not REST
        words = _named_drf(words)
        extension.clear()  # its positions may have moved
    if len(words) > MAX_TOKENS:
        words = words[: MAX_TOKENS // 2] + words[-MAX_TOKENS // 2 :]
        extension.clear()
    # "we're torn between rails and laravel. which one?": the technologies told are what is chosen between
    # ("torn between flask and fastapi, not django. which of those two?")
    alternatives = bool(project) and not OTHER_TECHNOLOGIES.isdisjoint(project) and (
        len(OTHER_TECHNOLOGIES.intersection(project)) >= 2 or not _BETWEEN.isdisjoint(words))
    # a choice asked, or the two frameworks meant together: "does either framework deal with that"
    r.choice_asked = not CHOICE_MARKERS.isdisjoint(words) or r.bare_choice or (
        not _BOTH_OR_CHOICE.isdisjoint(words) and not _FRAMEWORK_NOUNS.isdisjoint(words)) or (
        "what" in words and not HOW_TO_VERBS.isdisjoint(words) and asks_which_to_choose(words))  # "... what would you use?"
    r.scheduled = not SCHEDULE_WORDS.isdisjoint(words)
    if "how" in words:  # "how do i ...": a procedure
        r.how_to = asks_how_to(words)
    r.out_of_scope += _outside_the_guide(question, words, context)
    if not LACKING.isdisjoint(words):  # "... that django can't": django lacks it
        r.lacking = lacking_framework(words)
    told: frozenset[str] = frozenset()  # the words before "what is flask?" that say who asks
    if not FRAMEWORK_SET.isdisjoint(words):
        # "heard about flask at a meetup, what is it?": what the framework is
        identity = identity_and_teller(text, words, index.is_evidence_word)
        if identity:
            r.identity, told = identity
    profiles = index.word_profiles
    if len(profiles) > WORD_CACHE_SIZE:
        profiles.clear()
    get = profiles.get
    profile = [get(w) or _profile(w, index, profiles) for w in words]
    stems = [p[0] for p in profile]
    content = [i for i, p in enumerate(profile) if p[1]]
    known: dict[int, bool] = {}
    terms = r.terms
    fuzzy_left = MAX_FUZZY_WORDS
    neutral: set[int] = set()
    off_topic: set[int] = set()
    modal, everyday = _everyday(words, stems, content, index, text)
    # "new to python web stuff, what is flask?": asked what the framework is, the words before
    # say who asks or where they met it; known or not, none of them is evidence (nor a phrase)
    met = _NO_WORDS
    if told:
        met = frozenset(k for k in content if words[k] in told)
        everyday = everyday | met
    for i in content:
        w = words[i]
        if i in everyday:
            neutral.add(i)
            known[i] = False
            continue
        p = profile[i]  # the exact term, or (stem, what the word is)
        kind = p[1] if len(p) == 2 else None
        if kind == _OFF_TOPIC or kind == _UNSURE:
            # not evidence even if a topic uses the word; a phrase may
            # still cover it ("ship faster"), which makes it known
            if kind == _OFF_TOPIC and i not in extension:  # not the name of an extension: "flask-sqlalchemy"
                off_topic.add(i)
            known[i] = False
            continue
        s = p[0]
        if kind is None:  # the index's evidence
            exact = p if w not in context else p._replace(factor=CONTEXT_FACTOR)
            old = terms.get(s)  # r.add(exact), inline: the loop runs for most words
            if old is None or exact.factor > old.factor:
                terms[s] = exact
            r.words.append(s)
            known[i] = True
            continue
        if kind != _OTHER:
            # everyday English, or words only the answers' prose uses:
            # neither evidence for a topic nor held against the question
            if kind == _SPECIFIC:
                r.specific.append(w)
            neutral.add(i)
            known[i] = False  # a phrase may still cover it ("start with")
            continue
        factor = CONTEXT_FACTOR if w in context else 1.0
        fixed = None
        if fuzzy_left and not w.isdigit():
            fuzzy_left -= 1
            fixed, examined = typos.correct(w)
            r.fuzzy_candidates += examined
            if fixed is not None and is_common_word(w) and not (
                len(fixed) == len(w) + 1 and w in fixed
            ):
                # a correctly spelt English word is not a typo of another
                # ("context" is not "content", "pull" is not "full"),
                # though it may be one written apart ("e commerce")
                fixed = None
        if fixed is not None:
            s = stems[i] = index.surface.get(fixed) or stem(fixed)  # phrases see it too
            if s in index.evidence:
                r.add(QueryTerm(s, w, "fuzzy", FUZZY_FACTOR * factor, term_idf(s)))
                r.words.append(s)
                known[i] = True
                continue
            if (s in index.prose or is_neutral(fixed) or not is_content(fixed)) and fixed[0] == w[0]:
                # (a name is no typo of an everyday word spelt from its second letter: "pinterest")
                # a typo in an everyday word or a stopword ("honstly", "wich")
                if is_content(fixed) and not is_neutral(fixed):
                    r.specific.append(w)
                neutral.add(i)
                known[i] = False
                continue
        known[i] = False
    # two words written apart that the index knows as one ("e commerce")
    for a, b in zip(content, content[1:]):
        if b != a + 1 or a in met or b in met:
            continue
        joined = stem_uncached(words[a] + words[b])
        if joined in index.evidence or joined in index.prose:
            telling = context and words[a] in context and words[b] in context  # said in a telling sentence
            r.add(QueryTerm(joined, f"{words[a]} {words[b]}", "joined", CONTEXT_FACTOR if telling else 1.0,
                            term_idf(joined)))
            known[a] = known[b] = True
    # phrases, stopwords included ("sql injection", "used for", "back office");
    # a phrase inside a longer matched phrase is not counted again.
    # Intensifiers inside a phrase do not break it ("what *even* is flask", "should
    # i *really* learn django"): phrases are matched with them left out.
    spans = _phrase_spans(words, stems, index, modal)
    covered_to = -1
    phrased: set[int] = set()  # words inside a matched phrase
    several = bool(spans) and _INNER_END.search(text.strip().rstrip(".!? ")) is not None  # sentences
    breaks: frozenset[tuple[str, str]] | None = None  # found when first needed
    for i, j in spans:  # sorted by start; drop spans inside an earlier one
        if j <= covered_to:
            continue
        if several and j - i > 1 and " ".join(words[i:j]) not in text:  # not written as one run of words
            if breaks is None:
                breaks = _sentence_breaks(text)
            if any((words[k], words[k + 1]) in breaks for k in range(i, j - 1)):
                continue  # "what does it give you out of the box? *in* plain words, ...": no "box in"
        if met and not met.isdisjoint(range(i, j)) and all(k in met for k in range(i, j) if k in known):
            continue  # "*new to python*, what is flask?": words saying who asks
        covered_to = j
        term = " ".join(stems[k] for k in range(i, j) if words[k] not in PHRASE_FILLERS)
        in_context = context and all(words[k] in context for k in range(i, j) if words[k] not in PHRASE_FILLERS)
        r.add(QueryTerm(term, " ".join(words[i:j]), "phrase", CONTEXT_FACTOR if in_context else 1.0, term_idf(term)))
        for k in range(i, j):
            if k in known:
                known[k] = True
                phrased.add(k)
    background = asker_words(words, stems, known, text)  # "noob here", "jen claimed ...": who asks or told
    if not ANALOGY_MARKERS.isdisjoint(words):  # "an orm like hibernate": an example, not a subject
        for k in examples_named(words, known):
            neutral.add(k)
    if not FRONTEND_TECHNOLOGIES.isdisjoint(words):  # "you need react or vue for the front part"
        neutral.update(frontends_needed(words))
    if not WEIGHED.isdisjoint(words):  # "I've read all the pros and cons, just tell me which one"
        background |= already_weighed(words)
    # "not asking about hosting or pricing, just the framework fit": not the subject either
    aside = set_aside(words) if not DISCLAIMER_LEADS.isdisjoint(words) else _NO_WORDS
    if not PARTS_CHOSEN_TRIGGERS.isdisjoint(words):
        # "can we pick our own database and auth?", "flask lets me pick the frontend": the parts chosen, not the subject
        aside = aside | parts_chosen(words)
    if r.bare_choice:
        if "no" in words:  # "a handful of pages, no user accounts. your pick": not needed
            aside = aside | not_needed(words)
        if not _ASKING_THE_VERDICT.isdisjoint(words):
            # "... dozens of models, a roadmap that keeps growing. verdict?": the choice asked for the
            # project told, which the project's words answer, not the topic about choosing
            aside = aside | {k for k, w in enumerate(words) if w in _ASKING_THE_VERDICT and w not in project}
    left_out = (background | aside) if aside else background
    for k in left_out:
        if known.get(k):  # "noob here": who asks, not what is asked
            qt = r.terms.get(stems[k])
            if qt is not None and qt.source == words[k] and not any(
                    stems[j] == stems[k] and known.get(j) for j in content if j not in left_out):
                # (unless another word gives the same term: "spring *security* land ... more *secure*")
                del r.terms[stems[k]]
                r.words.remove(stems[k])
    if aside:  # "not worried about user accounts": nor a phrase or a joined word made of them alone
        only_aside = {words[k] for k in aside} - {words[k] for k in range(len(words)) if k not in aside}
        for term, qt in list(r.terms.items()):
            if qt.via in ("phrase", "joined") and only_aside.issuperset(qt.source.split()):
                del r.terms[term]
    _add_synonyms(r, index, {words[k] for k in phrased})
    if not _REFUSED_CHOICE.isdisjoint(words) and _choice_refused(words, stems):
        term = " ".join(stem(w) for w in _WHY_NOT)
        if term in index.evidence and term not in r.terms:
            r.add(QueryTerm(term, "not ... " + next(w for w in words if w in FRAMEWORK_SET), "phrase", 1.0,
                            term_idf(term)))
    if r.identity:
        # asked of a pronoun: "what is it" is "what is flask", when the knowledge says so
        term = " ".join(stem(w) for w in ("what", "is", r.identity))
        if term in index.evidence:
            r.add(QueryTerm(term, f"what is {r.identity}", "phrase", 1.0, term_idf(term)))
    if FRAMEWORKS[0] in stems and FRAMEWORKS[1] in stems:  # one is preferred only when both are named
        r.preferred = preferred_framework(stems)  # "flask over django": about flask
        told_only = [f for f in FRAMEWORKS if f in context]
        if not r.preferred and len(told_only) == 1 and told_first:
            # "I come from a Django background (3 years) ... What kinds of things is Flask commonly used
            # to build?": the one named only in the telling sentences before the question is the asker's
            # situation (told after it, it may be the claim checked: "blueprints are a django feature,
            # right? flask doesn't have anything like that")
            r.preferred = FRAMEWORKS[1 - FRAMEWORKS.index(told_only[0])]
        if words.count("when") >= 2 and _when_each(words):
            # "when should I go with flask and when with django?": when to choose each, the verdict
            # "when to use django", "pick django" (and its synonym): half of what is asked
            for half in [t for t in r.terms if " " in t and t.rsplit(" ", 1)[-1] in FRAMEWORK_SET]:
                del r.terms[half]
            term = " ".join(stem(w) for w in _EACH_CHOICE)
            if term in index.evidence:
                r.add(QueryTerm(term, "when ... and when ...", "phrase", 1.0, term_idf(term)))
            r.choice_asked = True
    if "between" in words:  # "between a list and a set": none of it the guide's
        comparison = unknown_comparison(words, known)
        if comparison:
            r.out_of_scope.append(comparison)
    # known share: idf mass of distinct content words, recognised vs not
    for_at = words.index("for") if "for" in words else -1
    seen: set[str] = set()
    # A known word right after an unknown one names something else:
    # "wifi password", "redis cache", "background jobs" are not the
    # guide's passwords, caching or jobs. It counts as an unknown word.
    # Not after "for" (the asker's project: "an api for an ios app"),
    # never a framework's name or a word of a matched phrase ("multi
    # vendor *online store*"), not after an amount ("3 weeks", "10x traffic") nor after
    # an abbreviation of two letters ("cs student"), nor across punctuation ("flagged 'csrf'",
    # "profiles, follows").
    def modified(b: int) -> bool:
        a = b - 1
        return (known.get(a) is False and a not in neutral and b not in phrased
                and a not in background
                and len(words[a]) > 2 and not is_amount(words[a])
                and stems[b] not in FRAMEWORKS and words[b] != "why" and not 0 <= for_at < a
                and not _apart(text, words[a], words[b]))
    idf_get, idf_rare, idf_unknown = index.idf.get, index.idf_rare, index.idf_unknown
    for i in content:
        key = stems[i]
        if key in seen or (i in neutral and not known[i]) or i in background or i in aside:
            continue
        seen.add(key)
        if (r.identity and not known[i] and i not in off_topic
                and not (i and words[i - 1] in FRAMEWORK_SET)):
            # asked what the framework is, the other words say where the asker met it
            # ("engineering keeps saying django in standup"); one right after its name
            # may name something else ("what is django ninja")
            continue
        # (one modified in a telling sentence and asked again unmodified is the guide's: "pen test flagged
        # csrf issues. how does django deal with csrf attacks?"; "jinja2 templates vs django templates" is not)
        changed = known[i] and modified(i) and not (words[i - 1] in context and any(
            stems[j] == key and j != i and known[j] and not modified(j) for j in content))
        if known[i] and not changed:
            r.known_mass += min(idf_get(key, idf_rare), idf_unknown)
        else:
            if i in off_topic:
                weight = OFF_TOPIC_WEIGHT
            elif not changed and i not in extension and is_foreign(words[i]):
                weight = FOREIGN_WEIGHT
            else:
                weight = COMMON_WEIGHT
            if words[i] in context:  # "I'm drafting a proposal for leadership. ...": the situation
                weight *= CONTEXT_FACTOR * (TOLD_FIRST_FACTOR if told_first else 1.0)
                r.told += told_first
            r.unknown_mass += index.idf_unknown * weight
            r.unknown.append(words[i])
            # "... and pay upfront. flask or django?"; not what the asker says matters most ("... our
            # main worry is async performance. which?"): that is what the choice is about
            described = words[i] in project and words[i] not in stressed and not alternatives
            # a subject the guide never covers, told in passing ("hr tool stores salaries. which framework
            # protects more?"), is no other technology either
            outside = is_out_of_scope(words[i]) and not described
            r.off_topic += i in off_topic and not described and not (
                (outside or told_first) and words[i] in context)
            if outside and words[i] not in context:
                r.out_of_scope.append(words[i])
            # "... for a bakery", "we sell soap online. flask or django?": the asker's project
            r.subject += not (0 <= for_at < i) and words[i] not in project
    if stressed and not r.out_of_scope:
        # "... the one thing QA cares about is hitting 100% test coverage. pick one": what matters most,
        # named in jargon or off-topic words and in none of the guide's, is a subject it does not cover
        # ("battle-tested is the one thing he cares about" only says in everyday words what the rest asks)
        said = [k for k in content if words[k] in stressed and words[k] not in _STRESSING]
        outside = [words[k] for k in said if words[k] in r.unknown and (k in off_topic or is_foreign(words[k]))]
        if outside and not any(known.get(k) for k in said):
            r.out_of_scope.append(outside[0])
    if not r.terms and not r.unknown and not r.out_of_scope and asks_which_to_choose(words):
        r.choice_only = True
    return r
