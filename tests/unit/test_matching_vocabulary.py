"""Everyday English vs foreign words in the decline rule (bot.neutral.is_common_word)."""

from __future__ import annotations

import tracemalloc

import pytest

from bot import neutral
from bot.matching import Answerer
from bot.text import is_foreign
from tests.unit.test_matching import ask, kb, topic


@pytest.fixture(scope="module")
def answerer() -> Answerer:
    return Answerer(kb(
        topic("authentication", "Authentication", {"login": 3, "log in": 3, "user": 1.5},
              synonyms={"login": ("sign in",)}),
        topic("password-hashing", "Password hashing", {"password": 3, "hashing": 3}),
        topic("social", "Social networks", {"caching": 2, "social": 3}),
        topic("jobs", "Are Flask developers in demand?", {"jobs": 3, "demand": 3}),
        topic("rest-apis", "Building REST APIs", {"api": 3, "rest": 3}),
        topic("ecommerce", "E-commerce", {"ecommerce": 3, "shop": 3}),
        topic("what-flask", "What is Flask?", {"flask": 2}),
        topic("what-django", "What is Django?", {"django": 2}),
    ))


@pytest.mark.parametrize("word", ["graphql", "redis", "pagination", "vscode", "wifi", "jwt", "s3", "http2"])
def test_technical_terms_are_foreign(word: str) -> None:
    assert is_foreign(word)


@pytest.mark.parametrize("word", ["banana", "kitchen", "weather", "cooking", "recipes", "10x", "3pm", "2025",
                                  "saas", "ios", "crm", "café"])
def test_everyday_words_numbers_and_kinds_of_project_are_not(word: str) -> None:
    assert not is_foreign(word)


def test_the_common_word_table_is_small_and_exact() -> None:
    neutral._common_hashes.cache_clear()
    tracemalloc.start()
    try:
        tables = neutral._common_hashes()
        current, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert sum(len(t) for t in tables) == 20_000
    assert current < 300_000  # bytes: hashes, not str objects
    assert neutral.is_common_word("the") and not neutral.is_common_word("graphql")


def test_a_foreign_word_weighs_more_than_an_everyday_one(answerer: Answerer) -> None:
    share = {w: answerer.answer(f"{w} in a rest api", explain=True).explanation.known_share
             for w in ("banana", "zorblax")}
    assert share["banana"] > share["zorblax"]
    conf = {w: answerer.answer(f"{w} in a rest api", explain=True).explanation.confidence for w in ("banana", "graphql")}
    assert conf["banana"] > conf["graphql"]


def test_a_known_word_after_an_unknown_one_names_something_else(answerer: Answerer) -> None:
    assert ask(answerer, "where is the wifi password") == "decline"
    assert ask(answerer, "background jobs in flask") == "decline"
    assert ask(answerer, "redis caching in django") == "decline"
    e = answerer.answer("background jobs in flask", explain=True).explanation
    assert "jobs" in e.unknown
    # after "for" the words describe the asker's project; a framework is never modified
    assert "api" not in answerer.answer("a rest api for an ios app", explain=True).explanation.unknown
    assert "django" not in answerer.answer("zorblax django", explain=True).explanation.unknown


def test_in_before_a_framework_is_not_a_phrasal_particle(answerer: Answerer) -> None:
    assert ask(answerer, "how do i configure logging in django") == "decline"
    assert ask(answerer, "how do users log in to the site") == "authentication"


def test_a_rate_is_a_performance_question(answerer: Answerer) -> None:
    assert ask(answerer, "how many api requests per second can flask take") == "decline"


def test_a_common_word_is_not_a_typo(answerer: Answerer) -> None:
    # "shot" is a real word, not a typo of "shop"; "shpo" is
    assert answerer.answer("shot", explain=True).explanation.terms == ()
    assert [t.via for t in answerer.answer("shpo", explain=True).explanation.terms] == ["fuzzy"]
    assert ask(answerer, "e commerce with django") == "ecommerce"  # written apart: still joined


def test_a_how_to_question_needs_more_evidence(answerer: Answerer) -> None:
    plain = answerer.answer("reset password hashing", explain=True).explanation
    how_to = answerer.answer("how do i reset password hashing", explain=True).explanation
    assert how_to.min_confidence == 3 * plain.min_confidence
    # "how does ..." explains, it asks for no procedure
    assert answerer.answer("how does password hashing work", explain=True).explanation.min_confidence == 1.0


def test_a_comparison_of_things_outside_the_guide_declines() -> None:
    answerer = Answerer(kb(
        topic("key-differences", "Flask vs Django — key differences", {"difference": 3, "vs": 2}),
        topic("microframework", "What is a microframework?", {"microframework": 3}),
        topic("what-flask", "What is Flask?", {"flask": 2}),
        topic("what-django", "What is Django?", {"django": 2}),
    ))
    assert ask(answerer, "what's the difference between a list and a set") == "decline"
    assert ask(answerer, "what's the difference between flask and django") == "key-differences"
    assert answerer.answer("difference between a microframework and a big one", explain=True).explanation.confidence > 0


def test_another_technology_without_flask_or_django_declines() -> None:
    answerer = Answerer(kb(
        topic("faq-learn-which", "Should I learn Flask or Django?", {"learn": 3, "worth learning": 3}),
        topic("what-flask", "What is Flask?", {"flask": 2, "what is flask": 3}),
    ))
    assert ask(answerer, "is rust worth learning") == "decline"
    assert ask(answerer, "is flask worth learning") == "faq-learn-which"


def test_a_failure_report_declines(answerer: Answerer) -> None:
    assert ask(answerer, "flask login page not found") == "decline"
    assert ask(answerer, "my rest api is not working") == "decline"
    assert ask(answerer, "does flask have login") == "authentication"


@pytest.mark.parametrize("q, outage", [
    ("our api is down", "is down"),
    ("the site went down again, flask or django?", "went down"),
    ("our rest api keeps going down, would django be more stable", "going down"),
    # "down" closing the message or before "again", "for": is it up?
    ("is django down?", "django down"),
    ("flask docs down again?", "docs down"),
    ("is the django site down for everyone", "site down"),
])
def test_an_outage_declines_as_outside_the_guide(answerer: Answerer, q: str, outage: str) -> None:
    explanation = answerer.answer(q, explain=True).explanation
    assert explanation.vetoed == f"outside the guide: {outage}"


@pytest.mark.parametrize("q", ["it's down to taste: flask or django?", "can django scale down to a tiny app",
                               "boil it down for me", "explain flask vs django, break it down",
                               "can you break it down for a beginner", "flask or django? thumbs up or down"])
def test_down_as_a_direction_or_it_depends_is_no_outage(answerer: Answerer, q: str) -> None:
    assert "down" not in answerer.answer(q, explain=True).explanation.vetoed


@pytest.mark.parametrize("q", ["who made flask", "who created django?", "who originally wrote flask",
                               "how old is flask", "when was django released", "when did flask come out",
                               "history of django", "who is the creator of flask"])
def test_who_made_the_frameworks_and_when_declines(answerer: Answerer, q: str) -> None:
    assert ask(answerer, q) == "decline"


@pytest.mark.parametrize(("q", "expected"), [
    ("what is flask", "what-flask"),
    ("when i started with flask the login was confusing", "authentication"),
    ("who should build the rest api", "rest-apis"),
])
def test_who_and_when_alone_are_not_history(answerer: Answerer, q: str, expected: str) -> None:
    assert ask(answerer, q) == expected


def test_the_rest_of_something_is_the_remainder_not_rest(answerer: Answerer) -> None:
    assert ask(answerer, "is the rest of the team joining the retro at 3") == "decline"
    explanation = answerer.answer("for the rest of the week, flask or django?", explain=True).explanation
    assert "rest" not in [t.term for t in explanation.terms]
    assert ask(answerer, "is flask good for a rest api") == "rest-apis"

