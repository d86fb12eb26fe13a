"""Follow-ups that only name the other framework ("and django?"), with no server at all."""

from __future__ import annotations

import pytest

from bot import responses
from bot.followups import (MAX_FOLLOW_UP_CHARS, MAX_KEPT_CHARS, by_name, conversation_key, frameworks_named,
                           is_follow_up, kept_for_follow_ups, rewrite, words_of)
from bot.intents import parse_message
from bot.knowledge import default_knowledge_dir, load_knowledge


@pytest.fixture(scope="module")
def brain():
    return responses.Brain.build(load_knowledge(default_knowledge_dir()))


def read_with(brain, previous: str, follow_up: str) -> str | None:
    """``rewrite`` as the listeners call it: the answerer judges pointers and conditions."""
    answerer = brain.answerer
    return rewrite(previous, follow_up, own_subject=answerer.asks_on_its_own,
                   answered=lambda words: answerer.answer(words).answered)


@pytest.mark.parametrize(
    ("previous", "follow_up", "asked"),
    [
        ("why would I choose flask?", "and django?", "why would I choose django?"),
        ("why would I choose flask?", "what about Django", "why would I choose django?"),
        ("Is Django good for beginners", "how about flask then?", "Is Flask good for beginners"),
        ("is django secure", "same question for flask please", "is flask secure"),
        ("is django secure", "ok and for flask?", "is flask secure"),
        ("is django secure", "and in flask", "is flask secure"),
        ("is django secure", "now flask", "is flask secure"),
        ("is django secure", "And Flask?!", "is flask secure"),
        ("why flask", "and djnago?", "why django"),                      # one typo in the name
        ("why flask", "and the other one?", "why django"),
        ("why flask", "and vice versa?", "why django"),
        ("is flask ok for a large project?", "djnago?", "is django ok for a large project?"),  # the name alone
        ("should I learn django in 2025?", "or flask?", "should I learn flask in 2025?"),
        ("which framework is in demand for jobs?", "flask specifically?", "which framework is in demand for jobs in flask?"),
        ("what is WSGI", "does flask use it?", "what is WSGI in flask"),
        ("is flask good for an MVP?", "and in django's case?", "is django good for an MVP?"),
        ("why choose django?", "k and flask", "why choose flask?"),
        ("is flask good for rest apis?", "+1, also django?", "is django good for rest apis?"),  # "+1" is no word
        ("is django flexible?", "and teh other one?", "is flask flexible?"),
        ("which companies use flask?", "any for django", "which companies use django?"),
        ("who actually uses flask in prod", "what about django, anyone big?", "who actually uses django in prod"),
        ("what is django's admin interface?", "can i get that in flask?", "what is flask's admin interface?"),
        # another size or kind of what was asked: its word swapped in
        ("which framework for small projects?", "what about big ones?", "which framework for big projects?"),
        ("Is Flask good for SMALL apps?", "and for really huge ones?", "Is Flask good for HUGE apps?"),
        ("is django ok for a simple site", "how about a more complex one", "is django ok for a complex site"),
        ("flask or django for a big project?", "and for a tiny side project?", "flask or django for a tiny project?"),
        ("is flask good for small apps?", "what about large apps", "is flask good for large apps?"),
        # "why?": the last answer gives its reasons, so the last question is asked again as it was
        ("which one is more secure?", "why is that?", "which one is more secure?"),
        ("is django good for rapid development?", "how come?", "is django good for rapid development?"),
        ("is django good for social media apps?", "but why? 🤔", "is django good for social media apps?"),
        ("which framework for a REST API?", "why that one?", "which framework for a REST API?"),
        ("someone called flask a microframework", "what does that even mean", "someone called flask a microframework"),
        ("what are flask extensions", "examples?", "what are flask extensions"),
        ("what are flask extensions", "like which ones? give me examples", "what are flask extensions"),
        ("is django good for ecommerce", "why? how come?", "is django good for ecommerce"),
        ("what are blueprints in flask", "ok but why would I bother using them", "what are blueprints in flask"),
        ("how do I build a REST API in python?", "why flask over django for that?",
         "how do I build a REST API in python?"),
        ("would flask be fine for a little CAPTCHA validation service?", "why's it a good fit for that kind of thing",
         "would flask be fine for a little CAPTCHA validation service?"),
        # a short question about "it", nothing before the "it" that it could stand for
        ("what is django?", "what is it used for?", "what is django used for?"),
        ("why flask", "is it secure?", "is flask secure?"),
        ("tell me about django", "should I learn it?", "should I learn django?"),
        ("why choose django", "can its admin be customised?", "can django's admin be customised?"),
        ("which framework for a REST API?", "is django good for it", "which framework for a REST API in django?"),
        ("is django pretty rigid?", "vs flask?", "is flask pretty rigid?"),
        ("what is csrf?", "how does django stop it?", "what is csrf in django?"),
        ("tell me a bit about django", "what's it actually good for?", "what's django actually good for?"),
        ("does flask have an admin panel?", "what about django's?", "does django have an admin panel?"),
        # a framework and a word pointing back, with nothing else but small words
        ("is flask secure?", "does django have that too?", "is django secure?"),
        ("does flask have an admin?", "is it the same in django?", "does django have an admin?"),
        ("how do blueprints work in flask", "how does django handle it?", "how do blueprints work in django"),
        ("how does django handle user authentication?", "how does flask deal with it",
         "how does flask handle user authentication?"),
        ("is flask good for APIs", "is that true for django as well?", "is django good for APIs"),
        ("why DJANGO", "what about the other framework", "why FLASK"),
        ("does django have an admin panel?", "does that apply to flask too", "does flask have an admin panel?"),
        ("what is flask used for?", "hmm and django's version of that?", "what is django used for?"),
        ("why choose flask?", "why pick the other one then?", "why choose django?"),
        # "at that size", "in this project": "that" and what it names, pointing back as "that" does
        ("can flask scale to millions of users?", "what about django at that size?",
         "can django scale to millions of users?"),
        ("is flask good for rest apis?", "and django in this project?", "is django good for rest apis?"),
        # every standalone mention is swapped, case kept; "flask-login" is another word
        ("why would a Django dev move to flask?", "and vice versa?", "why would a Flask dev move to django?"),
        ("is django secure enough for payments?", "is flask?", "is flask secure enough for payments?"),
        ("can django do full-stack?", "can flask? :thinking_face:", "can flask do full-stack?"),
        ("which framework should I use for a REST API?", "why flask for that?",
         "which framework should I use for a REST API in flask?"),
        ("Is Flask's ORM good, and does flask-login work with flask?", "and django",
         "Is Django's ORM good, and does flask-login work with django?"),
        # no framework named: the one asked about is added
        ("what is an ORM?", "and flask?", "what is an ORM in flask?"),
        ("which is easier to learn", "what about django", "which is easier to learn in django"),
    ],
)
def test_a_follow_up_asks_the_previous_question_about_the_framework_it_names(previous, follow_up, asked):
    assert is_follow_up(follow_up)
    assert rewrite(previous, follow_up) == asked


@pytest.mark.parametrize(
    ("previous", "follow_up"),
    [
        ("flask or django for an API?", "and django?"),        # both named: only "vice versa" swaps them
        ("why flask?", "and flask?"),                          # already about it
        ("what is an ORM?", "and the other one?"),              # no framework: "other" means nothing
        (None, "and django?"),                                  # nothing remembered
        ("", "what about flask"),
        ("what is wsgi?", "is it secure?"),                    # "it" is WSGI: no framework to put in
        ("flask or django?", "is it secure?"),                  # which of the two?
        ("flask or django for a prototype?", "and bigger ones?"),  # no size asked before: nothing to swap
        ("is django good for ecommerce?", "what about a social one?"),  # not a size or kind: its own question
        ("is django good for ecommerce?", "and for a big side project?"),  # no size asked before
        ("is flask good for small apps?", "and a big flask app?"),  # a framework named: not the thing alone
        ("is flask good for small apps?", "what about big social media apps?"),  # two words of its own
        ("what is the best one?", "which one?"),
    ],
)
def test_a_follow_up_that_cannot_turn_the_previous_question_round_is_none(previous, follow_up):
    assert rewrite(previous, follow_up) is None


@pytest.mark.parametrize(
    ("previous", "follow_up", "asked"),
    [
        # pointing back at what was just asked about, with nothing of its own: read together
        ("does django protect against CSRF out of the box?", "how does that work",
         "does django protect against CSRF out of the box? how does that work"),
        ("does django have a built-in admin panel", "what can you do with it?",
         "does django have a built-in admin panel? what can you do with it?"),
        # the guide names the algorithm: a question of its own, about the framework
        ("is django's password storage safe?", "which algorithm does it use?", "which algorithm does django use?"),
        ("django has an ORM right?", "what's it good for", "django has an ORM right? what's it good for"),
        ("what are blueprints?", "why are they useful", "what are blueprints? why are they useful"),
        ("does flask use wsgi?", "what's that", "does flask use wsgi? what's that"),
        # up to MAX_POINTING_WORDS words
        ("is django a good fit for a social network app", "what makes it cope with all the traffic tho",
         "is django a good fit for a social network app? what makes it cope with all the traffic tho"),
        # ... MAX_POINTING_WORDS is 12
        ("Would Django work as the backend for a social app?", "How would it cope with the huge traffic those apps get?",
         "Would Django work as the backend for a social app? How would it cope with the huge traffic those apps get?"),
        # "that kind of attack", "those apps": the thing just asked about, named by a word saying no more
        ("How does Django stop cross-site request forgery?", "What does that kind of attack do to a user?",
         "How does Django stop cross-site request forgery? What does that kind of attack do to a user?"),
        # "does that include", "which ... does that cover": what the last answer spans
        ("How many different kinds of apps can you build with Django?", "Does that include APIs, or is it just websites?",
         "How many different kinds of apps can you build with Django? Does that include APIs, or is it just websites?"),
        ("Can Django give us a data management panel without writing any frontend?", "Which operations does that cover?",
         "Can Django give us a data management panel without writing any frontend? Which operations does that cover?"),
        # "one of those": one of the things just asked about
        ("how do Flask blueprints work?", "could I reuse one of those in a different project?",
         "how do Flask blueprints work? could I reuse one of those in a different project?"),
        # "that kind of app" counts as "that": short enough, and about the app just asked about
        ("is flask good for a captcha validation app?", "why is that kind of app a good fit for it",
         "is flask good for a captcha validation app? why is that kind of app a good fit for it"),
        # a subject of its own: "it" is the framework the last question named
        ("does Django come with user accounts built in?", "and in Flask we'd have to wire that up ourselves?",
         "does Flask come with user accounts built in?"),
        ("is flask easy to learn?", "and is it secure?", "and is flask secure?"),
        ("is django good for e-commerce?", "who uses it?", "who uses django?"),
        ("tell me about django", "should I learn it?", "should I learn django?"),
        # someone doing something with "it": the tool, not what they would build
        ("is django versatile?", "could I build an API with it too?", "could I build an API with django too?"),
        ("what is flask?", "what can I build with it?", "what can I build with flask?"),
        ("tell me about django", "could you run an online shop on it?", "could you run an online shop on django?"),
        # ...or, with no "it" to name, a question of its own
        ("which flask extensions do people use?", "can they do form handling?", None),
        ("what is wsgi?", "is it secure?", None),
        ("what is an orm?", "could I build an API with it too?", None),
        # a framework's name or "why?" are read as before
        ("what's actually good about flask", "thx! and django?", "what's actually good about django"),
        ("does flask scale ok once the codebase gets big?", "right, and would you say the same about django?",
         "does django scale ok once the codebase gets big?"),
        ("are flask developers in demand in 2025", "and django devs? 👀", "are django developers in demand in 2025"),
    ],
)
def test_a_question_pointing_back_is_read_with_what_it_points_at(brain, previous, follow_up, asked):
    assert rewrite(previous, follow_up, own_subject=brain.answerer.asks_on_its_own) == asked


@pytest.mark.parametrize(
    ("previous", "follow_up", "asked"),
    [
        # a condition the guide cannot answer alone: the last question, asked again under it
        ("so which should we pick in the end?", "and if our team is only two people?",
         "so which should we pick in the end? and if our team is only two people?"),
        ("flask or django, what do you recommend?", "and if we need it live by friday?",
         "flask or django, what do you recommend? and if we need it live by friday?"),
        ("which is easier to learn?", "even if I've never coded before?",
         "which is easier to learn? even if I've never coded before?"),
        # one it answers alone names what it wants: a question of its own
        ("should I learn flask or django", "what if I mostly want big complex apps?", None),
        ("so which should we pick in the end?", "and if i need max security + room to scale?", None),
        ("which one should I learn first?", "and if I only want to build small APIs?", None),
        # ...unless it concedes ("even if", "even with"), said of the last question
        ("is flask beginner friendly?", "even if i've never built a web app before?",
         "is flask beginner friendly? even if i've never built a web app before?"),
        ("is django a good pick for a social network?", "even with instagram-level traffic?",
         "is django a good pick for a social network? even with instagram-level traffic?"),
        # ...or its "it" is what was just asked about
        ("is flask good for throwing together a quick prototype?", "and if we want to grow it into the real app later?",
         "is flask good for throwing together a quick prototype? and if we want to grow it into the real app later?"),
    ],
)
def test_a_condition_is_read_with_the_last_question_when_the_guide_cannot_answer_it_alone(brain, previous,
                                                                                          follow_up, asked):
    assert is_follow_up(follow_up)
    assert read_with(brain, previous, follow_up) == asked
    # without ``answered``, every condition is read with the last question
    assert rewrite(previous, follow_up) == f"{previous.rstrip('?')}? {follow_up}"


@pytest.mark.parametrize(
    ("words", "own"),
    [
        ("is secure", True),             # one topic answers it
        ("who uses", True),
        ("is going to rain tomorrow", True),   # words the guide does not know: about something else
        ("who made", True),              # outside the guide
        ("how does work", False),        # nothing
        ("what can you do with", False),
        ("what is used for", False),     # Flask's and Django's use cases tie: about a framework not named
        ("why are useful", False),
    ],
)
def test_what_a_question_pointing_back_asks_on_its_own(brain, words, own):
    assert brain.answerer.asks_on_its_own(words) is own


@pytest.mark.parametrize(
    "text",
    [
        "and django's admin?",              # more than the name: read on its own
        "what about django admin",
        "and pyramid?",                     # not a framework the guide covers
        "and dj",                           # too short to be a typo of either
        "what about django rest framework",
        "compare flask and django",
        "why flask?",
        "why pick django?",                 # picking, but pointing nowhere
        "what is django?",                  # a small-words question pointing nowhere
        "so what's django",
        "what's great about flask",
        "how does django work",
        "is django good",                   # points nowhere: a question of its own
        "does django have that and flask too",  # two frameworks
        "why not?",                         # the downsides, not the reasons
        "why? what is an orm",              # a why, then a question of its own
        "why flask over django?",           # both named, pointing nowhere: a question of its own
        "why would anyone use flask instead of django",  # "instead" points nowhere here
        "why is flask better than django for that kind of app",  # too long: names its own
        "examples examples examples",       # two asks at most
        "why are blueprints useful",
        "wsgi?? what is it",                # "it" stands for something the message names
        "what time is it",
        "is that a django thing or not",    # two frameworks? no: "that" + a noun names its own
        "that admin thing, what is it",
        "what is WSGI and why does Flask need it?",
        "if you had to pick one for me which would it be",  # a bare "if": a question of its own
        "and if you had to pick one, which?",  # a condition asking something else
        "what if?",
        "+1",
        "what about django for this kind of app",  # more than two words after "this": names its own
        "what is django at",
        "+1 thanks",
        "and if so?",
        "what's an orm, can i query with it",  # "it" is the ORM: no one's verb right before "i"
        "is there an admin in it",            # nobody doing anything with it
        "how does django deal with crowds",   # "deal with" what it names, not with "it"
        "flask - what's the deal with it?",   # "the deal": a noun, naming what it asks
        "meh, moving on: how do I deploy a Django app on Kubernetes?",  # a new subject said so
        "unrelated, but does it scale?",
        "separate thing: are flask developers easy to find right now?",
        "django what is it",                # what the framework it names is: a question of its own
    ],
)
def test_other_words_are_not_a_follow_up(text):
    assert not is_follow_up(text)
    assert rewrite("why flask?", text) is None


def test_frameworks_are_named_as_words_of_their_own():
    assert frameworks_named("Why Flask?") == ["flask"]
    assert frameworks_named("django's admin") == ["django"]
    assert frameworks_named("Django or flask") == ["flask", "django"]
    assert frameworks_named("is flask-login any good") == []
    assert frameworks_named("what is flask.app") == []
    assert frameworks_named("what is an orm") == []


def test_conversation_keys_separate_threads_dms_and_people():
    thread = conversation_key("T1", "C1", thread_ts="1700000000.000100")
    other_thread = conversation_key("T1", "C1", thread_ts="1700000000.000200")
    alice_dm, bob_dm = (conversation_key("T1", "D1", user_id=u) for u in ("W1", "W2"))  # a DM between two people
    alice, bob = (conversation_key("T1", "C1", user_id=u) for u in ("W1", "W2"))
    other_team = conversation_key("T2", "C1", thread_ts="1700000000.000100")
    assert len({thread, other_thread, alice_dm, bob_dm, alice, bob, other_team}) == 7
    assert conversation_key(None, "D1") == "-:D1:-"


def test_the_reply_answers_what_the_follow_up_stands_for_and_says_so(brain):
    first = responses.reply(parse_message("why would I choose flask?"), brain)
    assert first.answered == "why-flask" and first.question == "why would I choose flask?"
    asked = rewrite(first.question, "and django?")
    then = responses.reply(parse_message("and django?"), brain, follow_up=asked)
    assert then.answered == "why-django" and then.question == "why would I choose django?"
    assert "Following on from the last question: _why would I choose django?_" in str(then.message)
    # without what came before, the same words are a question of their own
    alone = responses.reply(parse_message("and django?"), brain)
    assert alone.answered == "django-overview" and "Following on" not in str(alone.message)


def test_a_follow_up_the_guide_cannot_answer_is_declined_as_what_it_was_read_as(brain):
    asked = rewrite("what is a bakery?", "and django?")
    assert asked == "what is a bakery in django?"
    then = responses.reply(parse_message("and django?"), brain, follow_up=asked)
    assert then.declined and then.question == asked
    assert "Following on from the last question: _what is a bakery in django?_" in str(then.message["blocks"])
    assert "> what is a bakery in django?" in str(then.message["blocks"])


def test_a_name_alone_follows_up_too(brain):
    asked = rewrite("is flask secure?", parse_message("django?").kind.value)
    assert asked == "is django secure?"
    then = responses.reply(parse_message("django?"), brain, follow_up=asked)
    assert then.answered == "security" and then.question == asked


def test_a_follow_up_with_nothing_to_follow_on_from_says_so(brain):
    alone = responses.reply(parse_message("and the other one?"), brain)
    assert alone.declined and "I have no earlier question here to follow on from" in alone.message["text"]
    assert "_why choose Django?_" in str(alone.message["blocks"])
    other = responses.reply(parse_message("how do I bake bread?"), brain)
    assert other.declined and "no earlier question" not in str(other.message)


def test_only_a_question_a_follow_up_could_use_is_kept():
    assert kept_for_follow_ups("why flask?") == "why flask?"
    assert kept_for_follow_ups("what is an orm") == "what is an orm"
    assert kept_for_follow_ups("flask or django for an api?") == "flask or django for an api?"  # "vice versa"
    assert kept_for_follow_ups("why flask? " + "x" * MAX_KEPT_CHARS) == ""  # memory stays small
    assert kept_for_follow_ups("is django async?", declined=True) == "is django async?"
    assert kept_for_follow_ups("how do I bake sourdough bread?", declined=True) is None  # the last one stays
    assert not is_follow_up("and django?" + " " * MAX_FOLLOW_UP_CHARS + "?")  # long text: not even read


def test_no_question_of_the_shipped_set_reads_as_a_follow_up(brain):
    """Each of them was written to stand on its own: read as a follow-up, one would be rewritten
    into the conversation's last question. A framework's name alone is the exception: after a
    question, "django?" asks it about Django; so is chatter about "it", which declines either way.
    "how do they differ" may point back, but asks something of its own: it is read alone. A
    framework named by what it is known for ("the minimal one") is named, and the question is the
    same."""
    from bot.intents import strip_mentions
    from tests.script_modules import load_script

    cases = load_script("accuracy").load_cases()
    assert len(cases) > 2000
    alone = {"flask", "django"}  # a name alone follows up, by design ("django?", "django = ?")
    own = brain.answerer.asks_on_its_own
    answered = lambda words: brain.answerer.answer(words).answered  # noqa: E731 (as the listeners read)
    for previous in ("why would I choose flask?", "what is an ORM?"):
        read = [c for c in cases if "".join(ch for ch in c.q.lower() if ch.isalnum()) not in alone
                and rewrite(previous, strip_mentions(c.q), own_subject=own, answered=answered)
                not in (None, by_name(strip_mentions(c.q)))]
        # "is it going to rain tomorrow" reads as one ("is flask going to rain...?" after a flask
        # question), and is declined either way; no question the guide answers may read as one
        assert [c.q for c in read if c.expect != "decline"] == [], previous


def test_the_blind_exchanges_are_read_as_their_writers_meant():
    """tests/data/followups.yaml, through the pure core as a conversation: the same figures as
    ``python scripts/followups.py``, and no question of its own is taken for a follow-up."""
    from tests.script_modules import load_script

    script = load_script("followups")
    brain = responses.Brain.build(load_knowledge(default_knowledge_dir()))
    outcomes = script.evaluate(brain, script.load_exchanges())
    line, follow_rate, new_rate = script.summary(outcomes)
    assert len(outcomes) >= 150, line
    assert follow_rate >= script.TARGET and new_rate >= script.TARGET, line
    assert [o.exchange.then for o in outcomes if not o.exchange.follow_up and o.read_as] == [], line


def test_a_name_alone_is_a_follow_up_in_conversation_but_not_as_a_sub_command():
    assert words_of(parse_message("django?")) == "django"
    assert words_of(parse_message("django?"), names=False) is None     # "/flaskvsdjango django": the overview
    assert words_of(parse_message("and django?"), names=False) == "and django?"
    assert words_of(parse_message("help")) is None


@pytest.mark.parametrize(
    ("previous", "follow_up", "asked"),
    [
        ("tell me about django", "pros?", "pros of django?"),
        ("what is flask?", "and the downsides?", "downsides of flask?"),
        ("flask or django?", "pros?", None),          # which framework's: the last question names both
        ("what is an orm?", "cons?", None),           # and none here
        ("tell me about django", "pros and cons?", None),  # two sides: a question of its own
    ],
)
def test_one_side_alone_is_that_side_of_the_framework_just_asked_about(previous, follow_up, asked):
    assert rewrite(previous, follow_up) == asked


@pytest.mark.parametrize(("previous", "follow_up", "asked"), [
    # a framework named by what it is known for is that framework
    ("can someone explain what django is", "and the micro one?", "can someone explain what flask is"),
    ("why would we pick flask for a new service", "and the batteries-included one?",
     "why would we pick django for a new service"),
    ("what's flask typically used for", "and the big full-stack one?", "what's django typically used for"),
    # a question of its own, with the framework named
    ("is django kind of rigid?", "k. so the lightweight one gives you more freedom?", "k. so flask gives you more freedom?"),
    ("is django kind of rigid?", "is the micro one easier to learn?", "is flask easier to learn?"),
    # said of something, the epithet is what is asked about: no framework named
    ("is django kind of rigid?", "which is the opinionated one?", None),
    ("is django kind of rigid?", "flask's the lightweight one, right?", None),
    # the framework the last question asked about: a question of its own, as "and flask?" would be
    ("why would we pick flask for a new service", "and the micro one?", None),
])
def test_a_framework_named_by_what_it_is_known_for_is_that_framework(previous, follow_up, asked):
    assert rewrite(previous, follow_up) == asked
    assert is_follow_up(follow_up) or asked is None


@pytest.mark.parametrize(("follow_up", "asked"), [
    # the short version: the last answer again (it is the short version)
    ("tl;dr?", "is flask any good for a quick prototype"),
    ("in one line?", "is flask any good for a quick prototype"),
    ("short version pls", "is flask any good for a quick prototype"),
    # a choice about what was just asked: read together with it
    ("so which is better for that?", "is flask any good for a quick prototype? so which is better for that?"),
    # a correction: the last question, about the framework meant
    ("ugh typo, django*", "is django any good for a quick prototype"),
    ("sorry i meant django", "is django any good for a quick prototype"),
    ("sorry, i meant for django", "is django any good for a quick prototype"),
    # the last answer laid out for someone: that answer again
    ("can you give me that as 3 bullet points for my manager", "is flask any good for a quick prototype"),
    ("put it in a table pls", "is flask any good for a quick prototype"),
    ("can you give me a list of companies", None),
    # ...but a framework with a word of its own is no correction
    ("django bad?", None),
    # an example asked for, or whether the answer came down for or against one: that answer again
    ("name one", "is flask any good for a quick prototype"),
    ("can you name a few?", "is flask any good for a quick prototype"),
    ("so django wins here?", "is flask any good for a quick prototype"),
    ("so flask is out for us?", "is flask any good for a quick prototype"),
    ("so django wins at everything else too?", None),
    # a reaction first: the ask after it
    ("huh interesting, and for django?", "is django any good for a quick prototype"),
    ("makes sense. and django?", "is django any good for a quick prototype"),
    ("ditto for django", "is django any good for a quick prototype"),
    ("and the reverse?", "is django any good for a quick prototype"),
    # where the last answer comes from, or whether it holds: that answer again, which names its section
    ("says who?", "is flask any good for a quick prototype"),
    ("source?", "is flask any good for a quick prototype"),
    ("really?", "is flask any good for a quick prototype"),
    ("you sure?", "is flask any good for a quick prototype"),
    # who it is asked for: read together with the last question
    ("for a student?", "is flask any good for a quick prototype? for a student?"),
    ("and for a team of juniors?", "is flask any good for a quick prototype? and for a team of juniors?"),
    ("and for someone who already knows python pretty well?",
     "is flask any good for a quick prototype? and for someone who already knows python pretty well?"),
    ("for a student portal, flask or django?", None),  # a question of its own
    # the same question again under a condition, and the short version asked twice over
    ("same q but im coming from node/express",
     "is flask any good for a quick prototype? same q but im coming from node/express"),
    ("tl;dr in one line pls", "is flask any good for a quick prototype"),
    ("in plain english pls lol", "is flask any good for a quick prototype"),
    ("in plain english pls, im not a backend person", "is flask any good for a quick prototype"),
    ("give me a concrete example", "is flask any good for a quick prototype"),
    # the other framework's side of it, done by hand
    ("and in django u have to wire it all up urself?", "is django any good for a quick prototype"),
    # the last answer checked for the asker's case, and the asker's situation put to it
    ("is that true for big apps too?", "is flask any good for a quick prototype"),
    ("this is true also for big project?", "is flask any good for a quick prototype"),
    ("ok but we have 0 experience in python",
     "is flask any good for a quick prototype? ok but we have 0 experience in python"),
    # a comparison back, or bigger ones, with the other framework named
    ("is that better than django?", "is django any good for a quick prototype"),
    # whether the last answer still holds, an example of it, or the verdict taken: that answer again
    ("still true in 2025?", "is flask any good for a quick prototype"),
    ("is that advice current for 2025 or is it old?", "is flask any good for a quick prototype"),
    ("example of that?", "is flask any good for a quick prototype"),
    ("flask it is, then?", "is flask any good for a quick prototype"),
    ("any example other than the admin?", "is flask any good for a quick prototype"),
    ("what kinds of apps, for example?", "is flask any good for a quick prototype"),
    ("like what? give me a few examples", "is flask any good for a quick prototype"),
    ("gimme the short version of why", "is flask any good for a quick prototype"),
    ("short version pls, yes or no", "is flask any good for a quick prototype"),
    ("give me example where i use it in real", "is flask any good for a quick prototype"),
    ("any other examples of that kind of app?", "is flask any good for a quick prototype"),
    ("and the django equivalent?", "is django any good for a quick prototype"),
    ("ok, now make the case for the other one", "is django any good for a quick prototype"),
    ("and on the Django side?", "is django any good for a quick prototype"),
    ("tell me more", "is flask any good for a quick prototype"),
    ("go deeper :pray:", "is flask any good for a quick prototype"),
    ("whats the reasoning there", "is flask any good for a quick prototype"),
    ("eli5 pls im in support not eng lol", "is flask any good for a quick prototype"),
    ("what about django tho", "is django any good for a quick prototype"),
    ("and the tiny one, flask?", None),  # the framework the last question named: no follow-up
    ("ok now steelman the other one", "is django any good for a quick prototype"),
])
def test_the_short_version_a_choice_for_that_and_a_correction_follow_up(follow_up, asked):
    assert rewrite("is flask any good for a quick prototype", follow_up) == asked


@pytest.mark.parametrize(("follow_up", "asked"), [
    # after a question naming both: one of them, of what was just asked, read together with it
    ("which of those are on flask specifically?",
     "which big companies run flask and django? which of those are on flask specifically?"),
    # ...or why that one, which the last answer says
    ("why flask for that though?", "which big companies run flask and django?"),
    ("and vice versa?", "which big companies run django and flask?"),
])
def test_one_framework_after_a_question_about_both(follow_up, asked):
    assert rewrite("which big companies run flask and django?", follow_up) == asked


@pytest.mark.parametrize(("previous", "follow_up", "asked"), [
    # "what kind of stuff" is the noun asked for; "they" is what was just asked about
    ("what are flask extensions", "what kind of stuff do they add?",
     "what are flask extensions? what kind of stuff do they add?"),
    # "counts as one": whether the framework named is one of what was just asked about
    ("what does 'microframework' mean?", "so flask counts as one?", "what does 'microframework' mean in flask?"),
])
def test_a_pointer_after_a_noun_asked_for(brain, previous, follow_up, asked):
    assert read_with(brain, previous, follow_up) == asked


@pytest.mark.parametrize(("previous", "follow_up", "asked"), [
    # push-back on the last answer: read with it, up to MAX_PUSHBACK_CHARS characters
    ("which is easier to pick up", "nah i dont buy it, flask is only easy until u have to choose 6 libraries urself",
     "which is easier to pick up? nah i dont buy it, flask is only easy until u have to choose 6 libraries urself"),
    ("what is django", "that reads like marketing copy, what is it actually",
     "what is django? that reads like marketing copy, what is it actually"),
    ("tell me about djangos orm", "meh orms just spit out garbage sql, why would i want that",
     "tell me about djangos orm? meh orms just spit out garbage sql, why would i want that"),
    # ...unless the guide answers it alone: a question of its own
    ("why would I choose flask?", "not convinced django is a good fit for just an API. can it even do APIs?", None),
    # a question that merely opens with "so" or "hmm" is no push-back
    ("what is django", "hmm what is csrf", None),
])
def test_push_back_is_read_with_the_answer_it_doubts(brain, previous, follow_up, asked):
    assert read_with(brain, previous, follow_up) == asked


@pytest.mark.parametrize(("previous", "follow_up", "asked"), [
    # one framework put to what the last message described: read together
    ("we're doing a small internal blog app for the eng team", "would flask be enough for that?",
     "we're doing a small internal blog app for the eng team? would flask be enough for that?"),
    ("we want to build a course platform for internal trainings", "is django a good fit for that?",
     "we want to build a course platform for internal trainings? is django a good fit for that?"),
    ("we need a quick prototype for a demo next week", "flask or django for that?",
     "we need a quick prototype for a demo next week? flask or django for that?"),
    # after a question naming a framework, "that" may be anything it said: read alone
    ("what is flask", "is django a good fit for that?", None),
    # "how?" alone, and "like what specifically?": the last answer again
    ("can django do full-stack, like frontend too?", "how?", "can django do full-stack, like frontend too?"),
    ("what can django do that flask cant", "like what specifically?", "what can django do that flask cant"),
])
def test_a_framework_put_to_what_was_described(brain, previous, follow_up, asked):
    assert read_with(brain, previous, follow_up) == asked
