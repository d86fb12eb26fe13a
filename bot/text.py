"""Text normalisation and tokenising for the keyword matcher (pure).

One pipeline is used for both sides, the knowledge base and the user's
question, so that "E-Commerce", "ecommerce" and "e‑commerce" meet as the same
term:

    raw text --normalise()--> plain lowercase text --tokens()--> words
    words --content_words()--> words without stopwords --stem()--> terms

``normalise`` undoes Slack markup (mentions, channel links, ``<url|label>``,
``<!here>``, ``:emoji:``), HTML entities, Unicode compatibility forms,
zero-width characters and combining marks, then lowercases. Input is cut to a
bounded size first so a 40,000-character paste costs the same as a long
message. ``code_terms`` then takes pasted code out (snake_case identifiers,
calls, version numbers), after dropping the underscores of Slack italics
("_csrf_", "_really fast_"), which are markup rather than identifiers.
"""

from __future__ import annotations

import html
import itertools
import re
import threading
import unicodedata
from functools import lru_cache
from typing import Any, Callable, Iterable, TypeVar

import Stemmer  # PyStemmer: the Snowball project's C stemmers (the English one only is loaded)

from bot.neutral import (
    NEUTRAL_WORDS,
    OFF_TOPIC_WORDS,
    OUT_OF_SCOPE_SUBJECTS,
    PROJECT_KINDS,
    UNSURE_WORDS,
    is_common_word,
)

# Longest text we look at. A pasted log or essay is cut to its head and tail:
# in a rambling Slack message the actual question is usually at the end.
MAX_CHARS = 4_000
# Most content words kept from one question (head and tail halves).
MAX_WORDS = 120
# Words of a keyword or synonym read as one phrase.
MAX_PHRASE_WORDS = 5

_SLACK_LINK = re.compile(r"<([^<>|]*)(?:\|([^<>]*))?>")
# Slack's emoji codes in lower-cased text: ":thinking_face:", ":+1:", ":skin-tone-2:"
SLACK_EMOJI = re.compile(r":[a-z0-9_+'-]+:")
_ZERO_WIDTH = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_APOSTROPHES = re.compile("['\u2018\u2019\u02bc\u0060\u00b4]")
_DASHES = re.compile("[\u2010-\u2015\u2212]")
# "ok different question, what's CSRF?", "another q:": a change of subject, not a question about
# differences (the "quick question" filler of STOPWORDS, in other words)
_NEW_QUESTION = re.compile(
    r"\b(?:(?:a|one|some)\s+)?(?:different|another|other|unrelated|separate|new|random|side|diff)\s+"
    r"(?:question|q|qq|topic|subject)\b")
# "@faqbot any big names using django?": a name typed with an "@" that Slack did not turn into a
# mention (<@U...>) says who is addressed, not what is asked; an e-mail address is left alone
_TYPED_MENTION = re.compile(r"(?<![\w.@])@[a-z0-9][\w.-]*")
# "our app.py is 3000 lines", "what goes in models.py": a Python file named for what it holds
_PY_FILE = re.compile(r"\b([a-z]\w*)\.py\b")
# "someone in #backend said", "admin of #eng-random": a channel's name typed with its "#" (Slack
# links only the ones picked from its list: <#C...|name>) is where, not what is asked: "channel"
_SHARP = re.compile(r"\b([cf])#")
_TYPED_CHANNEL = re.compile(r"(?<![\w&#])#[a-z][\w-]*")
_POSSESSIVE = re.compile(r"(?<=[a-z0-9])'s\b")
_IS_CONTRACTION = re.compile(r"\b(what|who|where|how)'s\b")
# A word: letters/digits, optionally joined by hyphens or apostrophes inside it
# ("e-commerce", "full-stack", "don't"). The joiners are removed afterwards.
_WORD = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")


def _slack_link(match: re.Match[str]) -> str:
    target, label = match.group(1), match.group(2)
    if target.startswith(("@", "#", "!")):
        # <@U0BOT>, <@U1|alice>, <#C1|general>, <!here>, <!subteam^S1|@devs>:
        # who or where a message is addressed, not what it asks. Names would
        # only count as words the knowledge has never seen.
        return " "
    if label:
        return f" {label} "  # <https://x|label>: the words the user sees
    return f" {target} "  # a bare <https://...> link: keep its words


def normalise(text: str) -> str:
    """Return ``text`` as plain lowercase words and punctuation.

    >>> normalise("<@U0BOT> Which is *more* secure?&nbsp;:thinking_face:")
    ' which is *more* secure? '
    """
    if len(text) > MAX_CHARS:
        half = MAX_CHARS // 2
        text = f"{text[:half]} {text[-half:]}"
    if "<" in text:
        text = _SLACK_LINK.sub(_slack_link, text)
    if "&" in text:
        text = html.unescape(text)  # &amp; &lt; &gt; &nbsp; &#39; ...
    # Most questions are plain ASCII: no Unicode to fold, and of the apostrophes and dashes
    # spelt one way below only "`" can occur. Each step runs only where it can change something.
    if text.isascii():
        text = text.lower()
        if ":" in text:
            text = SLACK_EMOJI.sub(" ", text)
        if "`" in text:
            text = text.replace("`", "'")
    else:
        text = unicodedata.normalize("NFKC", text)
        text = _ZERO_WIDTH.sub("", text)
        # Strip combining marks (café -> cafe, "zalgo" text), keep base letters.
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        text = unicodedata.normalize("NFC", text).casefold().lower()  # casefold leaves Cherokee upper
        text = SLACK_EMOJI.sub(" ", text)
        text = _APOSTROPHES.sub("'", text)
        text = _DASHES.sub("-", text)
    if "@" in text:
        text = _TYPED_MENTION.sub(" ", text)
    if ".py" in text:
        text = _PY_FILE.sub(r"\1", text)
    if "%" in text:
        text = text.replace("%", " percent ")  # "what % of sites", "95% of our pages"
    if "#" in text:
        text = _SHARP.sub(r"\1sharp", text)  # "c#", "f#": languages, not channels
        text = _TYPED_CHANNEL.sub(" channel ", text)
    if "question" in text or "topic" in text or "subject" in text or " q" in text:
        text = _NEW_QUESTION.sub(" question ", text)
    return text


def tokens(text: str, *, keep_hyphens: bool = False) -> list[str]:
    """Split normalised text into words.

    Possessives are dropped ("django's" -> "django"); apostrophised words are
    joined ("don't" -> "dont"), and so are hyphenated ones ("e-commerce" ->
    "ecommerce") unless ``keep_hyphens`` (then the caller decides between the
    joined word and its parts, e.g. "flask-login" -> "flask", "login"). A count
    in the thousands or more is written "many" ("10k users", "millions of
    users", "10,000 users" -> "many users"): how much, said the way the knowledge says it.
    "can't", "can not" and a framework's "doesn't" / "does not" are "cannot".
    """
    if "'s" in text:
        text = _IS_CONTRACTION.sub(r"\1 is", text)  # "what's flask": "what is", not a possessive
        text = _POSSESSIVE.sub("", text)
    if "," in text and _DIGIT_COMMA.search(text):  # "10,000 users": one count, not "10" and "000"
        text = _GROUPED_DIGITS.sub(lambda m: m.group(0).replace(",", ""), text)
    words = _WORD.findall(text)
    if "'" in text:
        words = [w.replace("'", "") for w in words]
    if not keep_hyphens and "-" in text:
        words = [w.replace("-", "") for w in words]
    if _REWRITE_CUES.isdisjoint(words) and text.isascii() and not _ASCII_DIGIT.search(text):
        return words  # most questions: nothing below applies (no amount, no "can't", no "what's")
    # "can't"/"cant"/"can not" is the one negation the guide's FAQ turns on;
    # spell it one way. A framework that "doesn't"/"does not" is one that can't
    # ("what django gives you that flask doesn't").
    out: list[str] = []
    amount = False  # the last word was a large amount, now "many"
    for w in words:
        if w not in _REWRITTEN and not w[0].isdigit():  # most words: as they are
            out.append(w)
            amount = False
        elif w == "not" and out and out[-1] == "can":
            out[-1] = "cannot"
        elif w in _NEGATED_DO and _after_framework(out):
            out.append("cannot")  # "what django gives you that flask (simply) doesn't": "flask can't"
        elif w == "not" and out and out[-1] in ("does", "do") and _after_framework(out[:-1]):
            out[-1] = "cannot"
        elif w == "w":
            out.append("with")  # "build w django": with
        elif w == "new" and out and out[-1] == "brand":
            out[-1] = "new"  # "a brand new product": new, not a brand
        elif w in _IS_CONTRACTIONS:  # "what's flask" asks "what is flask"
            out += (w[:-1], "is")
        elif w == "of" and amount:
            amount = False  # "millions of users" -> "many users"
        elif (w[0].isdigit() or w in _AMOUNT_WORDS) and _large_amount(w):
            out.append("many")
            amount = True
        else:
            out.append("cannot" if w == "cant" else w)
            amount = False
    return out


_IS_CONTRACTIONS = frozenset("whats whos wheres hows".split())
_NEGATED_DO = frozenset(("doesnt", "dont"))
_AMOUNT_WORDS = frozenset("hundreds thousands millions billions".split())
_ASCII_DIGIT = re.compile("[0-9]")
_GROUPED_DIGITS = re.compile(r"\b[0-9]{1,3}(?:,[0-9]{3})+\b")
_DIGIT_COMMA = re.compile("[0-9],[0-9]")  # a cheaper scan first: most commas are not in a count
# the words tokens() may rewrite (and any word starting with a digit)
_REWRITTEN = frozenset(("not", "new", "of", "cant", "w", *_NEGATED_DO, *_IS_CONTRACTIONS, *_AMOUNT_WORDS))
# ...and the words without which none is: "new" only after "brand", "of" only after an amount
# (a digit or one of _AMOUNT_WORDS), so a question with "of" and no amount is left as it is
_REWRITE_CUES = _REWRITTEN - {"new", "of"} | {"brand"}
_FRAMEWORK_WORDS = frozenset(("flask", "django"))
# the words a question opens with, or holds when it asks something ("thanks, and is django secure"):
# how a question typed without its "?" is told (bot.matching.resolve, bot.intents)
QUESTION_WORDS = frozenset("what which how why who where when is are does do did can could should would will"
                           " any anyone someone somebody pls please tell explain".split())
ADVERBS = frozenset("just simply really actually still even also straight up totally".split())


def _after_framework(out: list[str]) -> bool:
    """The words so far end with a framework's name, maybe followed by up to two adverbs
    ("flask simply", "flask straight up")."""
    for _ in range(2):
        if out and out[-1] in ADVERBS:
            out = out[:-1]
    return bool(out) and out[-1] in _FRAMEWORK_WORDS


_COUNT = re.compile(r"(\d+)([kmb]?)")


def _large_amount(word: str) -> bool:
    """A count in the thousands or more: "10k", "50000", "1m", "millions" (not a year, "2025").
    ``tokens`` writes it "many", so "10k users" and "millions of users" read as "many users"."""
    if word in _AMOUNT_WORDS:
        return True
    m = _COUNT.fullmatch(word)
    if m is None:
        return False
    if m[2]:
        return True
    n = int(m[1])
    return n >= 1000 and not (len(m[1]) == 4 and 1900 <= n <= 2099)


# Function words plus the filler people type in chat ("hey team, quick q,
# tbh ..."). They carry no topic and are not counted as unknown words.
STOPWORDS: frozenset[str] = frozenset(dict.fromkeys(  # sized up front, as bot.neutral.NEUTRAL_WORDS
    """
    a about above after again against all also am an and any are arent as at
    be because been before being below between both but by can could
    couldnt did didnt do does doesnt doing dont down during each either else
    ever few for from further get gets getting got had hadnt has hasnt have
    havent having he hed hell hes her here heres hers herself him himself his
    how hows i id ill im ive if in into is isnt it its itself just lets let me
    more most much must mustnt my myself no nor not now of off on once only or
    other ought our ours ourselves out over own same shall shant she shed
    shell shes should shouldnt so some such than that thats the their theirs
    them themselves then there theres these they theyd theyll theyre theyve
    this those through to too under until up upon very via was wasnt
    we wed well were weve werent what whats when whens where wheres whether
    which while who whos whom will with wont would wouldnt you youd
    youll youre youve your yours yourself yourselves one ones thing things
    stuff anyone someone anybody somebody something anything everything really
    actually basically just like pretty quite kind sort lot lots many maybe
    perhaps probably still even yet already etc eg ie hey hi hello hiya yo sup
    folks guys gang team yall all everyone thanks thank thx ty cheers pls
    plz please ok okay okk yeah yes yep nope nah hmm hm um uh lol lmao rofl
    omg idk imo imho tbh ngl fwiw btw afaik iirc fyi tl dr tldr q qq quick question
    questions ask asking wondering wonder curious know knows tell say said
    help anyone guess think thought wanna gonna gotta want wants wanted need
    needs needed would could go going goes im ur u r y way ways bit little
    oh ah so anyway though although well
    """.split()
))

# Per-word caches (stem, is_content...): a team's vocabulary fits. Each is functools.lru_cache
# with no size limit, a plain dict in C: a limited one also links every entry into a recency
# list, ~60 bytes more a word. trim_word_caches() bounds them instead: checked every
# TRIM_EVERY questions, a cache past WORD_CACHE_SIZE words is emptied, so a flood of new words
# costs at most ~1 MiB a cache, then a cold start.
WORD_CACHE_SIZE = 8_192
TRIM_EVERY = 16
T = TypeVar("T")
_WORD_CACHES: list[Any] = []
_untrimmed = itertools.count(1)


def word_cache(function: Callable[[str], T]) -> Callable[[str], T]:
    """``function(word)``, remembered (see ``trim_word_caches``)."""
    cached = lru_cache(maxsize=None)(function)
    _WORD_CACHES.append(cached)
    return cached


def clear_word_caches() -> None:
    """Empty every per-word cache: after an index is built, which stems every word of the
    knowledge once (the index keeps what it needs); questions then fill them with their own."""
    for cached in _WORD_CACHES:
        cached.cache_clear()


def trim_word_caches() -> None:
    """Call once a question: every TRIM_EVERY calls, empty the per-word caches past WORD_CACHE_SIZE."""
    if next(_untrimmed) % TRIM_EVERY:
        return
    for cached in _WORD_CACHES:
        if cached.cache_info().currsize > WORD_CACHE_SIZE:
            cached.cache_clear()

_STEMMERS = threading.local()  # a Stemmer must not be used by two threads at once (a reload builds in a thread)


def _stemmer() -> Stemmer.Stemmer:
    try:
        return _STEMMERS.english  # type: ignore[no-any-return]
    except AttributeError:
        _STEMMERS.english = Stemmer.Stemmer("english", 0)  # stem() caches already
        return _STEMMERS.english  # type: ignore[no-any-return]


# Irregular English forms the Snowball stemmer leaves alone ("built" stays
# "built"), mapped to their base word first.
IRREGULAR: dict[str, str] = {
    "built": "build", "ran": "run", "wrote": "write", "written": "write",
    "made": "make", "chose": "choose", "chosen": "choose", "bought": "buy",
    "sold": "sell", "taught": "teach", "learnt": "learn", "knew": "know",
    "known": "know", "gave": "give", "given": "give", "took": "take",
    "taken": "take", "went": "go", "gone": "go", "found": "find",
    "thought": "think", "brought": "bring", "began": "begin", "begun": "begin",
    "held": "hold", "kept": "keep", "left": "leave", "meant": "mean",
    "paid": "pay", "sent": "send", "spent": "spend", "stood": "stand",
    "understood": "understand", "won": "win", "grew": "grow", "grown": "grow",
    "broke": "break", "broken": "break", "drove": "drive", "driven": "drive",
}


# Short forms people type for a word the knowledge spells out.
SHORT_FORMS: dict[str, str] = {"lib": "library", "libs": "libraries", "btwn": "between", "pw": "password",
                               "pws": "passwords", "pwd": "password", "pwds": "passwords", "proj": "project",
                               "projs": "projects"}


# Words Snowball folds into an unrelated word's stem ("production" and
# "productivity" -> "product", as in a shop's products), kept apart.
OWN_STEM: dict[str, str] = {
    "production": "production", "productions": "production",
    "productive": "productiv", "productivity": "productiv", "productively": "productiv",
    "organization": "organisation", "organizations": "organisation",
    "organisation": "organisation", "organisations": "organisation",
    # people, not the activity: "my manager", "flask developers"
    "manager": "manager", "managers": "manager",
    "developer": "developer", "developers": "developer",
    # words of the knowledge whose stem is an everyday word's ("job openings" is not
    # "open source", "positions" not "positive", "followers" not "follow a tutorial")
    "opening": "opening", "openings": "opening",
    "position": "position", "positions": "position",
    "follower": "follower", "followers": "follower",
    "opinionated": "opinionated",
    "separately": "separately",  # one at a time, not what separates two things (a difference)
    "strictly": "strictly",  # "strictly for toy projects": only, not a strict (rigid) framework
    "reasonable": "reasonable",  # "a reasonable pick": sound, not the reasons for it
    "reasonably": "reasonably",
    "differently": "differently",  # "would you choose differently": otherwise, not the differences
    "definition": "definition", "definitions": "definition",
    "experiment": "experiment", "experiments": "experiment", "experimenting": "experiment",
    "experimental": "experiment",
    "extension": "extension", "extensions": "extension",
    "personalised": "personalis", "personalized": "personalis", "personalisation": "personalis",
    "personalization": "personalis", "personalise": "personalis", "personalize": "personalis",
    "authorisation": "authoris", "authorization": "authoris", "authorise": "authoris",
    "authorize": "authoris", "authorised": "authoris", "authorized": "authoris",
}


@word_cache
def stem(word: str) -> str:
    """Snowball (Porter2) English stem of one lowercase word, cached."""
    return stem_uncached(word)


def stem_uncached(word: str) -> str:
    """``stem`` without the cache: for one-off words, such as two words written together to
    see if the index knows them as one, which would fill the cache with pairs never seen again."""
    if word.isdigit():
        return word
    own = OWN_STEM.get(word)
    if own is not None:
        return own
    return _stemmer().stemWord(IRREGULAR.get(word) or SHORT_FORMS.get(word, word))


@word_cache
def is_content(word: str) -> bool:
    """A word that can carry a topic: not a stopword, nor an inflection of
    one ("sorts", "thanks", "questions"), and longer than one letter."""
    return is_content_stemmed(word, stem(word))


def is_content_stemmed(word: str, stemmed: str) -> bool:
    """``is_content(word)`` for a word whose stem is ``stemmed``, uncached: for a caller that
    remembers what it learns of a word itself (``bot.matching.resolve``)."""
    return len(word) > 1 and word not in STOPWORDS and stemmed not in STOPWORDS


def _bases(word: str) -> set[str]:
    """Candidate base forms of an English inflection: "convinces",
    "convinced", "convincing" -> "convince"; "stopped" -> "stop"; "tries" ->
    "try"; "honestly" -> "honest". Plain suffix rules rather than a stemmer's
    roots, so that "important" never stands for "import" nor "settings" for
    "set" through a shared stem."""
    bases = {word}
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ily", "y"), ("es", ""), ("s", ""),
                         ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"),
                         ("ly", ""), ("er", ""), ("est", "")):
        if word.endswith(suffix) and len(word) - len(suffix) + len(repl) >= 3:
            base = word[: -len(suffix)] + repl
            bases.add(base)
            if len(base) > 3 and base[-1] == base[-2] and suffix in ("ed", "ing", "er", "est"):
                bases.add(base[:-1])  # stopped -> stop, bigger -> big
    return bases


@word_cache
def is_neutral(word: str) -> bool:
    """An everyday English word that says nothing about a question's subject
    ("convince", "gist", "overall", "intern"; see ``bot.neutral``), or a plain
    inflection of one, or a multiplier ("10x"). Neutral words are neither evidence nor
    unknown to the matcher. Off-topic words (``bot.neutral.OFF_TOPIC_WORDS``) never are."""
    return is_neutral_uncached(word)


def is_neutral_uncached(word: str) -> bool:
    """``is_neutral`` without the cache (see ``is_content_stemmed``)."""
    if word in OFF_TOPIC_WORDS or word in UNSURE_WORDS:
        return False
    if word[:1].isdigit():  # "10x traffic", "2x the users": a multiplier says how much, not of what
        return _MULTIPLIER.fullmatch(word) is not None
    return not NEUTRAL_WORDS.isdisjoint(_bases(word))


# A number with a unit or an ordinal suffix: "10x", "10k", "3pm", "2nd", "100ms".
_AMOUNT = re.compile(r"\d+[a-z]{1,2}")
_MULTIPLIER = re.compile(r"\d+x")


def is_amount(word: str) -> bool:
    """A number, or one with a unit or a multiplier: "3", "10x", "3pm", "50k"."""
    return word.isdigit() or bool(_AMOUNT.fullmatch(word))


@word_cache
def is_foreign(word: str) -> bool:
    """A word outside everyday English: not one of the most frequent English
    words nor a plain inflection of one (``bot.neutral.is_common_word``), or
    letters and digits mixed ("s3", "http2", "i18n"; not an amount: "10x",
    "3pm"). Left over after the knowledge base and the neutral words, such a
    word names a product, library, protocol or jargon the guide does not cover
    (graphql, redis, pagination, vscode, wifi). Numbers, two-letter words
    ("cs", "ui"), non-ASCII words and kinds of project ("saas", "ios", "crm":
    ``bot.neutral.PROJECT_KINDS``) are not foreign."""
    if is_amount(word) or not word.isascii() or not word.isalnum():
        return False
    if not word.isalpha():
        return True
    if len(word) < 3:  # "cs", "ui", "hr": abbreviations too short to tell
        return False
    if not PROJECT_KINDS.isdisjoint(_bases(word)):
        return False
    return not any(is_common_word(b) for b in _bases(word))


def is_off_topic(word: str) -> bool:
    """A word naming a subject the guide does not cover ("deploy", "slower",
    "salary", "fastapi"; see ``bot.neutral.OFF_TOPIC_WORDS``)."""
    return word in OFF_TOPIC_WORDS


def is_out_of_scope(word: str) -> bool:
    """An off-topic word naming a subject the guide never addresses (deploy,
    install, error, salary...): the question is declined, whatever else it
    matches; see ``bot.neutral.OUT_OF_SCOPE_SUBJECTS``."""
    return word in OUT_OF_SCOPE_SUBJECTS


def is_unsure(word: str) -> bool:
    """A word the guide uses in one sense only ("fast": of development, not
    of running); see ``bot.neutral.UNSURE_WORDS``."""
    return word in UNSURE_WORDS


# Code and release numbers pasted into a question: snake_case identifiers
# ("select_related", "__init__"), calls ("create_app()", "jsonify()") and dotted
# versions ("django 5.1", "python 3.12"). The guide names none of them.
_SNAKE = re.compile(r"\b\w*_\w*")
# Slack italics: "_csrf_", "_really fast_". An underscore opening after a
# non-word character and closing before one, around text that starts and ends
# with neither a space nor an underscore and holds no underscore: "__init__",
# "_private_name", "secret_key" and "_select_related_" stay identifiers.
_ITALICS = re.compile(r"(?<!\w)_([^\s_](?:[^_]*?[^\s_])?)_(?!\w)")
_CALL = re.compile(r"\b[a-z]\w*\(\)")
_VERSION = re.compile(r"\b\d+(?:\.\d+)+\b")
_PYTHON_RELEASE = re.compile(r"(?<=\bpython )\d+\b")  # "python 2", "python 3": a release, as "3.12" is


# Intensifiers and hedges left out of a question when phrases are matched: "what even is flask" is
# "what is flask", "django mostly used for" is "django used for", "shipped *way* faster". A keyword
# or synonym phrase holding one could never match (``kb check`` reports it).
PHRASE_FILLERS = frozenset(
    "even exactly actually really just basically honestly simply literally truly mostly mainly primarily generally"
    " way".split())


def code_terms(text: str, words_of: Callable[[str], bool] | None = None) -> tuple[str, list[str]]:
    """Split code identifiers and version numbers out of normalised text:
    returns the text without them and the list of what was taken out.
    Slack italics are markup, not code: their underscores are dropped first
    ("what is _csrf_?" asks "what is csrf?"). A snake_case identifier whose every
    part ``words_of`` accepts stays in the text as those words ("csrf_token": the
    guide's subject written as code)."""
    found: list[str] = []
    if "_" in text:
        text = _ITALICS.sub(r"\1", text)
        if words_of is not None:
            text = _SNAKE.sub(lambda m: _words_if(m.group(0), words_of), text)
    for marker, pattern in (("_", _SNAKE), ("()", _CALL), (".", _VERSION), ("python ", _PYTHON_RELEASE)):
        if marker in text:  # the usual question has none: no regex scan
            hits = [f for f in pattern.findall(text) if f.strip("_")]
            if hits:
                found += hits
                text = pattern.sub(" ", text)
    return text, found


def _words_if(identifier: str, words_of: Callable[[str], bool]) -> str:
    """``identifier`` as its words when ``words_of`` accepts every one ("csrf_token" -> "csrf token"),
    else as it is."""
    parts = identifier.split("_")
    return " ".join(parts) if all(p and words_of(p) for p in parts) else identifier


def content_words(words: list[str]) -> list[str]:
    """Drop stopwords and one-letter words; keep at most MAX_WORDS (head + tail)."""
    kept = [w for w in words if is_content(w)]
    if len(kept) > MAX_WORDS:
        half = MAX_WORDS // 2
        kept = kept[:half] + kept[-half:]
    return kept


def term_stems(text: str) -> tuple[str, ...]:
    """The stems a keyword or synonym is indexed as, stopwords included ("used for" ->
    ("use", "for")), up to MAX_PHRASE_WORDS words; () when it has no content word, so
    it is never indexed (``bot.matching.index``)."""
    words = tokens(normalise(text))[:MAX_PHRASE_WORDS]
    if not any(is_content(w) for w in words):
        return ()
    return tuple(stem(w) for w in words)


def _term_key(text: str) -> str | None:
    return " ".join(term_stems(text)) or None


def keyword_owners(keyword_lists: Iterable[Iterable[object]],
                   term: Callable[[str], str | None] = _term_key) -> dict[str, dict[int, str]]:
    """Each keyword's index term -> {position of a list holding it: the keyword as written}.
    A synonym reading as another list's keyword is dropped by the index (the keyword wins:
    ``bot.matching.index``), and ``kb check`` reports it (``bot.knowledge_files``). ``term``
    reads a keyword as the index does (the index passes its own, cached)."""
    owners: dict[str, dict[int, str]] = {}
    for i, keywords in enumerate(keyword_lists):
        for keyword in keywords:
            key = term(str(keyword))
            if key:
                owners.setdefault(key, {}).setdefault(i, str(keyword))
    return owners


def terms(text: str) -> list[str]:
    """normalise -> tokens -> content words -> stems, in order (may repeat)."""
    return [stem(w) for w in content_words(tokens(normalise(text)))]
