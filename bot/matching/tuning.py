"""The answerer's weights and limits, and the few words its rules look for."""

from __future__ import annotations

from bot import text

# Field weights: how much a term says about a topic, by where the topic uses it.
TITLE_WEIGHT = 1.0
# A topic that sums up others (``Topic.covers``) answers a question naming two of them, each by a
# word weighing at least this much in it, and its own subject by one weighing this much in it
COVER_WEIGHT = 2.0
EXAMPLE_WEIGHT = 0.4
TWO_EDIT_LENGTH = 8  # words this long may be corrected across two edits (a vocabulary word of the same length)
FUZZY_FACTOR = 0.8  # a typo-corrected word counts a little less
SYNONYM_FACTOR = 0.9  # a keyword reached through a synonym counts a little less than typed
PHRASE_BONUS = 0.5  # idf a phrase may add per word beyond its best word
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
# intensifiers and hedges left out when matching phrases (``bot.text.PHRASE_FILLERS``, where
# ``kb check`` finds them too): "what even is flask" is "what is flask"
PHRASE_FILLERS = text.PHRASE_FILLERS
# A message that gives context, then asks ("Teacher here, planning a web course.
# Which is gentler for beginners?"): the words only the telling sentences use
# weigh this much of their usual weight.
CONTEXT_FACTOR = 0.5
# A project told, then only a bare choice asked ("a volunteer shift scheduler for a charity run. what
# would you go with"): when no topic scores this much for the project, it is read as a choice between
# the two frameworks (the verdict).
BARE_CHOICE_FLOOR = 3.0
# An unknown word of such a sentence told before the last one, which asks, weighs this much again
# against the question ("game leaderboard backend for our indie mobile game. ~200 players now. will
# flask actually scale to that?"): the project described, then the question about it.
TOLD_FIRST_FACTOR = 0.5
# ... unless the question only asks for a choice ("We sell courses online. Flask or
# Django?"): then the context is the subject and keeps its weight.
CHOICE_MARKERS = frozenset("or vs versus which pick choose better best recommend".split())
# A question that names neither framework and asks for no choice (none of
# CHOICE_MARKERS), with at least UNFRAMED_UNKNOWN words the guide does not know
# and less than UNFRAMED_MIN_SHARE of it recognised, is about something else, however
# well its other words match: "can someone reset my password for the staging admin
# panel? locked out again", "rapid prototyping workshop in room 4 at 3pm, who's in?".
# The unknown words of sentences told before a last one that asks are the asker's situation and
# do not count ("we're digitising a museum archive (objects, donors, curators...). do we get an
# admin screen for the staff?"); told after it, they still do ("... ? locked out again").
UNFRAMED_UNKNOWN = 3
UNFRAMED_MIN_SHARE = 0.5
# ... or at least UNFRAMED_SCHEDULED_UNKNOWN of them besides a day (DAY_WORDS) when it also
# speaks of a day or a meeting (SCHEDULE_WORDS): office talk ("security training deadline is
# friday right?", "the prototype demo got moved, can someone update the calendar invite"),
# while "we demo to investors on monday, what's quickest for a prototype" is still asked.
UNFRAMED_SCHEDULED_UNKNOWN = 2
DAY_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays"
    " tomorrow tonight yesterday noon tmrw tmr tmrow 2moro".split())
SCHEDULE_WORDS = DAY_WORDS | frozenset("meeting meetings calendar invite retro standup".split())
CHOICE_WORDS = frozenset(
    "flask django framework frameworks better best pick choose choice go use recommend option options two"
    " one ones start prefer suggest rather enough wich whch".split())
# "how do i", "how can we", "how to": a procedure. The guide compares the two
# frameworks; it explains how to do next to nothing, so such a question needs
# HOW_TO_FACTOR times the usual confidence ("how does django..." is not one).
HOW_TO_VERBS = frozenset("do can could should would".split())
HOW_TO_ASKERS = frozenset("i we you u".split())
HOW_TO_FACTOR = 3.0
FRAMEWORK_TUPLES = tuple((f,) for f in FRAMEWORKS)
FRAMEWORK_SET = frozenset(FRAMEWORKS)
ALTERNATIVE_JOINTS = frozenset(("or", "vs", "versus", "and"))
# stems of words that set one thing against another ("blueprints vs django apps"):
# a topic about the other framework only may still answer such a question
COMPARING = frozenset(("vs", "versus", "compar", "comparison", "differ"))
# stems between two framework names that make the question about the first one
PREFERENCE_JOINTS = (("over",), ("instead", "of"), ("rather", "than"), ("not",))
# "which one should we go with", "which of the two would you go for", "which is best": a
# question that names nothing but asks for a choice is about the two frameworks, and is
# answered as if it named them ("flask or django: ..."): "which", or "what" with a modal
# ("what should we use", not "what is best in life"), then one of these; or "which" in a question
# that says "overall" ("ok but overall which one?"; "which one?" alone asks which what).
CHOICE_ASKS = (("go", "with"), ("go", "for"), ("prefer",), ("best",), ("use",))
