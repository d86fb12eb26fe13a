"""Keyword-matching FAQ answerer (pure, deterministic: no Slack, no network).

CONTRACT (other modules rely on these names and fields):

    class Answerer:
        def __init__(self, knowledge: Knowledge) -> None   # builds the index once
        def answer(self, question: str, *, explain: bool = False) -> Match

    Match (a NamedTuple):
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
instead of flask", "flask rather than django"). Such a topic whose answer does
not even name the framework asked about says nothing of it and does not answer
("is django in demand" is not "Are Flask developers in demand?"), unless the
question compares (``tuning.COMPARING``: "blueprints vs django apps"). A
topic whose title says one framework lacks something ("What can Django do that
Flask cannot?") is left out when the question says the other one does ("what
can flask do that django can't", "what's missing in django": ``cues.lacking_framework``).
A topic that sums up others (``Topic.covers``: "Rapid development" names the admin,
authentication and the ORM) takes the place of the best one when that is one of them, the
question names another of them, each by a term weighing ``COVER_WEIGHT`` in it (and less than
the title weight in the summing topic), and asks the summing topic's own subject by a term
weighing ``COVER_WEIGHT`` there: "need login + an admin panel by friday, which one gets me
there faster" (``scoring.summed_up``); a framework's name counts for neither, a part asked
about alone beside parts told as context keeps its place, and a topic about the framework the
question does not name never takes one.
"Cannot" right before a word of the guide's other than a framework's name ("flask
can't scale", "i can't decide") is how that subject is asked about, not a lack:
neither it nor a phrase ending in it ("flask cannot") is evidence.

The question's words are resolved in this order: exact term; two words the
index knows as one ("e commerce" -> "ecommerce"); a typo corrected against the
index vocabulary (SymSpell-style single-delete index verified with ``bot.edits``:
words of 4+ letters, one edit, and below 7 letters only a dropped letter, a
swap or a key pressed twice, "flaskk"; a word of 8+ letters with the wrong letter doubled, "begginers" ->
"beginners", two edits, but only when nothing is one edit away; at a 0.8
discount; never a correctly spelt common English word: "context" is not a typo
of "content"); phrases, matched on every word including
stopwords ("used for", "sql injection") but intensifiers ("what *even* is
flask": ``tuning.PHRASE_FILLERS``), longest first, never across a sentence's end ("out of the
box? in plain words" holds no "box in"); then synonyms add the
keyword they stand for (not those of a word inside a matched phrase: "*hack*
together" is no attack), with an idf no larger than the word actually typed and
at a 0.9 discount (a keyword typed beats one reached through a synonym: "what
is a csrf attack" is CSRF, not security through "attack"). In a message that
gives context and then asks ("Teacher here, planning a web course. Which is
gentler for beginners?"), the words only the telling sentences use count at
``tuning.CONTEXT_FACTOR`` (0.5) of their weight, and an unknown word only they use
counts half as much against the question: the question says what is asked. A claim checked
with a tag ("..., right?", "yeah?") before a last sentence that asks, "?" or not, is told too:
"django is mostly for publishing sites right? what else do ppl use it for"; so is a quoted line
("> flask is just a toy"), and a name labelling what was said ("rahul: flask. meera: django.")
is who said it, not an unknown word.

THE DECLINE RULE

Each content word of the question is, in this order: *off-topic* (a subject
the guide does not cover, "deploy", "slower", "error", "salary", or another
framework or library, "fastapi", "django rest framework" read as "drf", or a
namesake of the frameworks, "unchained", "reinhardt", "erlenmeyer":
``bot.neutral.OFF_TOPIC_WORDS``; never evidence, even
where a topic's wording uses it, unless a matched phrase covers it) or *unsure* (a word the guide uses
in one sense only, "fast" of development, not of running:
``bot.neutral.UNSURE_WORDS``; not evidence unless a phrase covers it, "ship
faster", and counted as one unknown word); *known* (a keyword,
synonym, title or example term, exact or typo-corrected); *neutral* (everyday
English: "convince", "gist", "overall", "intern", ``bot.neutral.NEUTRAL_WORDS``,
or a multiplier, "10x",
or a word only the answers' prose uses, or a typo of an everyday word or a
stopword, "honstly", "wich", "whcih", unless it is also one edit from an
off-topic word, "deply"); or *unknown*. Neutral words are neither evidence
nor held against the question.

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
when a framework is named or a role is followed by "here" ("senior dev here, what are the
differences"): the technology after "coming/switching/moving
from" or before a role + "here" or after "i'm a"/"as a" ("coming from node,
what's flask", "php dev here": ``bot.neutral.BACKGROUND_VERBS``,
``BACKGROUND_ROLES``); a role after "i'm a"/"as a" or before "here"/"q" is the asker,
and one before "learn" the learner, even when a topic knows the word ("i'm a cs student",
"should a cs student learn django": not the education topic). So is a role the message opens
with before a stop ("go dev, which is quicker to learn", ".net dev. ..."), and, when a framework
is named or a choice asked, the technology the asker knows, uses or works in ("i only know
express", "we use rails", "in rails we'd scaffold it") or comes from, with the guide's words
that name part of it ("coming from .net minimal apis"). A product named after "like" a word of
the guide's, or before "style" and one, is an example of that word ("an ORM like hibernate", "a
nova style admin panel": ``cues.examples_named``): neither evidence nor held against the
question; so is a frontend said to be needed ("you always need react or vue on top":
``cues.frontends_needed``); after a framework's name it compares ("is flask like express"). A choice refused ("when
should we *not* reach for django", "why shouldn't i pick flask") asks the guide's "why not".
Before a bare choice ("we sell handmade soap online, 3 people. flask or django?"), the telling
sentences describe the project the choice is for: their unknown words are not the subject, as
after "for" (``resolve.read_sentences``); so does one before a choice asked without the names
("... which framework would you pick?", "... what would you go with?"), and a subject outside the
guide told there ("customers pay upfront") vetoes nothing, unless the technologies told are the
alternatives ("torn between flask and fastapi"). When no topic scores ``tuning.BARE_CHOICE_FLOOR`` for a
project so told, naming neither framework, the question is read as a choice between the two
("a volunteer shift scheduler for a charity run. what would you go with": the verdict). A count or a price asked ("how many job postings", "how
much does the server cost") is outside the guide, whose one figure is Instagram's users; so are a
course or book to learn from ("the best flask course on udemy"), a review of the asker's own
things ("can you review my CV"), an HTTP error status ("returns a 500 on checkout"), a payment
provider ("which payment gateway"), a launch date, two other technologies as the choice
asked ("react or vue for the frontend?"), and a project that is no web app, with no web part of it
named ("a native iOS app, swiftui, offline first. flask or django?": ``cues.not_web_project``).
What a project told before a bare choice has no
("a handful of pages, no user accounts. your pick") is set aside, as after "not worried about". A
question that names one framework and asks what it is of a pronoun or a kind
of thing ("heard about flask at a meetup, what is it?", "is that a library or
what"), or asks "what is django?" at the end of the message ("data scientist
here, mostly pandas. what is django?": ``cues.identity_asked``) reads "what is flask" where the knowledge has
that phrase, and its unknown words say where the asker met the framework: they
are left out, unless off-topic or right after the framework's name ("what is
django ninja"). So are the known words before the clause that asks it, which
say who asks ("new to python, what is flask?": not the beginners' topic;
``cues.identity_and_teller``), and so are the words told after it when nothing else is asked
("what's django exactly? heard it called a full-stack framework"). So is the unknown word right before a verb of saying: who told the
asker ("*jen* claimed there's nothing django can do that flask can't": ``cues.asker_words``); and a
message that tells a claim and then only asks whether it holds ("... true?", "right?") is about
the claim, which is not context. A question is answered
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
working", "folder not found": ``NEGATIONS`` + ``FAILING_VERBS``; an exception's name,
"ModuleNotFoundError": ``cues.exception_named``), or about
the frameworks' makers or age ("who made flask", "when was django released",
"how old is flask": ``ORIGIN_VERBS``), or that asks for code ("write me a flask hello
world", "a code example": ``cues.code_asked``; "snippet"; "can you write a django model for
a blog": ``cues.code_requested``; a hello world or a release told in a sentence that asks nothing is
the asker's situation: "we're still on `flask 2.x`. what are blueprints for?"), or that is office talk: an
outage ("our api is down", "is django down?"), a duty rota ("who's on call"), a colleague sought
("who on our team knows django?"), a chore ("who's
bringing snacks to the friday demo", no framework named), a document ("share the
dashboard link"), a thing's whereabouts ("where is the blueprint doc"), a meeting room or its
notes, an estimate of the asker's work ("how long would it take to build", "how many weeks"), a
request to be let in ("add me to the standup invite") or a word of the guide's in another
sense ("the blueprint for the office move", "for q3", "the admin for the office wifi":
``bot.neutral.OTHER_SENSES``), each a cue of
``bot.matching.cues``, or that compares
Flask or Django with another technology ("is express easier than flask":
``cues.other_compared``; not the asker's background), or that names another
technology (``OTHER_TECHNOLOGIES``, pasted code; not the extension name of
"flask-sqlalchemy") but neither Flask nor Django
("is rust worth learning"), or that compares things
none of which the index knows ("the difference between a list and a set"),
is declined whatever else it matches (confidence 0), unless the question sets
the subject aside ("not asking about hosting or pricing, just the framework fit":
``cues.set_aside``; words set aside are neither evidence nor unknown). So is a question that
names neither framework and asks for no choice (``tuning.CHOICE_MARKERS``) when
at least ``UNFRAMED_UNKNOWN`` of its words are unknown and its known share is
under ``UNFRAMED_MIN_SHARE``: workplace talk in the guide's words ("can someone
reset my password for the staging admin panel? locked out again"; the unknown words of
sentences told before a last one that asks are the asker's situation and do not count
there: "we're digitising a museum archive (objects, donors...). do we get an admin screen for
the staff?", whose unknown words weigh ``TOLD_FIRST_FACTOR`` again against it); when it speaks
of a day or a meeting (``SCHEDULE_WORDS``), ``UNFRAMED_SCHEDULED_UNKNOWN`` unknown
words besides the day are enough ("security training deadline is friday right?"). A how-to question ("how do i ...", "how to ...")
needs ``HOW_TO_FACTOR`` times ``min_confidence``: the guide compares the two
frameworks and explains next to no procedure ("how do i reset my password on
slack"); --explain shows the threshold applied. Pasted code (snake_case
identifiers, calls) and release numbers ("django 5.1") count as off-topic
words (in a code span of a sentence that tells, before one that asks, as context: "saw `bp =
Blueprint('admin', __name__)` all over our repo. what's a blueprint for?"); an identifier every part
of which is a word of the guide's is those words
("the `csrf_token` thing": csrf, token). A question that names both frameworks, has no
off-topic word and whose unknown words all come after "for" is a choice for
the asker's own project ("flask or django for our bakery's site"): those
unknown words describe the project and are not held against it.

COST

Postings of a term are stored in impact order (largest weight first). A term
found in more than ``posting_limit`` topics only contributes its top
``posting_limit`` postings as candidates; the topics that can still win are then
completed exactly by direct look-ups (see ``scoring.score_topics``: a topic below the
cut in every cut list is not seen, and in rare questions of shared words only it
would have won). So the work
per question is bounded by ``terms x posting_limit`` no matter how many topics
share "flask". ``Answerer.last_stats`` (and ``Explanation.stats``) count the
postings visited, the direct look-ups and the fuzzy candidates examined, for
regression tests.

MODULES

``answerer`` (the decision above), ``resolve`` (a question into terms and
masses), ``cues`` (how-to, failure, rate, preference, comparison, the
asker's background), ``typos``, ``scoring``, ``index`` (built once from the
Knowledge), ``results`` (Match, Explanation...) and ``tuning`` (the weights
and limits named above).
"""

from __future__ import annotations

from bot.matching.answerer import Answerer
from bot.matching.results import Explanation, Match, QueryTerm, Stats, TermScore, TopicScore

__all__ = [
    "Answerer",
    "Explanation",
    "Match",
    "QueryTerm",
    "Stats",
    "TermScore",
    "TopicScore",
]
