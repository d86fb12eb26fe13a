"""Follow-ups that only name the other framework ("and django?"), with no server at all."""

from __future__ import annotations

import pytest

from bot import responses
from bot.followups import (MAX_FOLLOW_UP_CHARS, MAX_KEPT_CHARS, conversation_key, framework_named, is_follow_up,
                           kept_for_follow_ups, rewrite)
from bot.intents import parse_message
from bot.knowledge import default_knowledge_dir, load_knowledge


@pytest.fixture(scope="module")
def brain():
    return responses.Brain.build(load_knowledge(default_knowledge_dir()))


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
        ("does flask have an admin panel?", "what about django's?", "does django have an admin panel?"),
        # a framework and a word pointing back, with nothing else but small words
        ("is flask secure?", "does django have that too?", "is django secure?"),
        ("does flask have an admin?", "is it the same in django?", "does django have an admin?"),
        ("how do blueprints work in flask", "how does django handle it?", "how do blueprints work in django"),
        ("is flask good for APIs", "is that true for django as well?", "is django good for APIs"),
        ("why DJANGO", "what about the other framework", "why FLASK"),
        # every standalone mention is swapped, case kept; "flask-login" is another word
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
        ("flask or django for an API?", "and django?"),        # both named: nothing to swap
        ("why flask?", "and flask?"),                          # already about it
        ("what is an ORM?", "and the other one?"),              # no framework: "other" means nothing
        (None, "and django?"),                                  # nothing remembered
        ("", "what about flask"),
    ],
)
def test_a_follow_up_that_cannot_turn_the_previous_question_round_is_none(previous, follow_up):
    assert rewrite(previous, follow_up) is None


@pytest.mark.parametrize(
    "text",
    [
        "django?",                          # a question (a sub-command) of its own
        "and django's admin?",              # more than the name: read on its own
        "what about django admin",
        "and pyramid?",                     # not a framework the guide covers
        "and dj",                           # too short to be a typo of either
        "what about django rest framework",
        "compare flask and django",
        "why flask?",
        "what is django?",                  # a small-words question pointing nowhere
        "how does django work",
        "is django good for it",            # "good": more than small words
        "does django have that and flask too",  # two frameworks
    ],
)
def test_other_words_are_not_a_follow_up(text):
    assert not is_follow_up(text)
    assert rewrite("why flask?", text) is None


def test_framework_named_is_one_framework_as_a_word_of_its_own():
    assert framework_named("Why Flask?") == "flask"
    assert framework_named("django's admin") == "django"
    assert framework_named("flask or django") is None
    assert framework_named("is flask-login any good") is None
    assert framework_named("what is flask.app") is None
    assert framework_named("what is an orm") is None


def test_conversation_keys_separate_threads_dms_and_people():
    thread = conversation_key("T1", "C1", thread_ts="1700000000.000100")
    other_thread = conversation_key("T1", "C1", thread_ts="1700000000.000200")
    dm = conversation_key("T1", "D1")
    alice, bob = (conversation_key("T1", "C1", user_id=u) for u in ("W1", "W2"))
    other_team = conversation_key("T2", "C1", thread_ts="1700000000.000100")
    assert len({thread, other_thread, dm, alice, bob, other_team}) == 6
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


def test_a_follow_up_the_guide_cannot_answer_is_read_on_its_own(brain):
    asked = rewrite("what is a bakery?", "and django?")
    assert asked == "what is a bakery in django?"
    then = responses.reply(parse_message("and django?"), brain, follow_up=asked)
    assert then.answered == "django-overview" and "Following on" not in str(then.message)


def test_a_follow_up_with_nothing_to_follow_on_from_says_so(brain):
    alone = responses.reply(parse_message("and the other one?"), brain)
    assert alone.declined and "I have no earlier question here to follow on from" in alone.message["text"]
    assert "_why choose Django?_" in str(alone.message["blocks"])
    other = responses.reply(parse_message("how do I bake bread?"), brain)
    assert other.declined and "no earlier question" not in str(other.message)


def test_only_a_question_a_follow_up_could_use_is_kept():
    assert kept_for_follow_ups("why flask?") == "why flask?"
    assert kept_for_follow_ups("what is an orm") == "what is an orm"
    assert kept_for_follow_ups("flask or django for an api?") == ""      # nothing to swap
    assert kept_for_follow_ups("why flask? " + "x" * MAX_KEPT_CHARS) == ""  # memory stays small
    assert not is_follow_up("and django?" + " " * MAX_FOLLOW_UP_CHARS + "?")  # long text: not even read


def test_no_question_of_the_shipped_set_reads_as_a_follow_up():
    """Each of them was written to stand on its own: read as a follow-up, one would be rewritten
    into the conversation's last question."""
    from bot.intents import strip_mentions
    from tests.unit.test_matching_accuracy import accuracy

    cases = accuracy.load_cases()
    assert len(cases) > 2000
    assert [c.q for c in cases if is_follow_up(strip_mentions(c.q))] == []
