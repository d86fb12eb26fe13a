"""bot.text: normalising, tokenising and stemming what users type in Slack."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.neutral import NEUTRAL_WORDS, OFF_TOPIC_WORDS
from bot.text import (
    MAX_WORDS,
    code_terms,
    STOPWORDS,
    content_words,
    is_neutral,
    is_off_topic,
    is_unsure,
    normalise,
    stem,
    terms,
    tokens,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("<@U0BOT> which is more secure?", ["secur"]),
        ("<@U0BOT|flaskbot> which is more secure?", ["secur"]),
        ("<!here> <!channel> <!subteam^S123|@devs> admin", ["admin"]),
        ("read <https://example.com/x|the Django docs> pls", ["read", "django", "doc"]),
        ("see <#C123|general> and <#C456>", ["see"]),
        (":thinking_face: is django secure :+1:", ["django", "secur"]),
        ("Q&amp;A: &lt;orm&gt; vs &quot;raw sql&quot;", ["orm", "vs", "raw", "sql"]),
        # a name typed with "@" that Slack did not make a mention; an e-mail address stays
        ("@faqbot is django secure? cc @ana.b-x", ["django", "secur", "cc"]),
        ("mail bob@example.com", ["mail", "bob", "exampl", "com"]),
        # a Python file is named for what it holds; "__init__.py" stays code (code_terms)
        ("our app.py and models.py", ["app", "model"]),
        # a channel typed with its "#" is a channel; "c#" and "f#" are languages; "&#39;" an entity
        ("admin of #eng-random and #general", ["admin", "channel", "channel"]),
        ("c# or f# vs flask", ["csharp", "fsharp", "vs", "flask"]),
        ("it&#39;s #1 on the list", ["list"]),
    ],
)
def test_slack_markup_and_entities(raw: str, expected: list[str]) -> None:
    assert terms(raw) == expected


def test_case_and_punctuation_do_not_matter() -> None:
    assert terms("WHICH ONE IS MORE SECURE?!?") == terms("which one is more secure")


def test_unicode_compatibility_forms_zero_width_and_accents() -> None:
    assert terms("Ｗｈａｔ ｉｓ ＷＳＧＩ？") == ["wsgi"]
    assert terms("dja\u200bngo se\u200dcurity") == ["django", "secur"]
    assert terms("café naïve résumé") == ["cafe", "naiv", "resum"]
    assert terms("z\u0301\u0308\u0301a\u0300lgo") == ["zalgo"]
    assert normalise("\ufeffBOM") == "bom"


def test_hyphens_apostrophes_and_possessives() -> None:
    assert tokens(normalise("E-commerce full‑stack Django’s ORM isn't")) == [
        "ecommerce", "fullstack", "django", "orm", "isnt",
    ]
    assert tokens("can't cant") == ["cannot", "cannot"]
    assert tokens("flask can not do it") == ["flask", "cannot", "do", "it"]


@pytest.mark.parametrize("text, expected", [
    ("what django has that flask doesnt", ["what", "django", "has", "that", "flask", "cannot"]),
    ("that flask simply doesn't", ["that", "flask", "simply", "cannot"]),
    ("that flask straight up doesn't", ["that", "flask", "straight", "up", "cannot"]),
    ("things django does not do", ["things", "django", "cannot", "do"]),
    ("i dont know django", ["i", "dont", "know", "django"]),             # not after a framework
    ("does flask not scale", ["does", "flask", "not", "scale"]),
])
def test_a_framework_that_does_not_is_one_that_cannot(text: str, expected: list[str]) -> None:
    assert tokens(normalise(text)) == expected


def test_a_large_count_reads_as_many() -> None:
    assert tokens("10k users") == ["many", "users"]
    assert tokens("millions of users") == ["many", "users"]
    assert tokens("50000 requests 1m rows 1000 devs") == ["many", "requests", "many", "rows", "many", "devs"]
    assert tokens("learn it in 2025 for 10 users") == ["learn", "it", "in", "2025", "for", "10", "users"]
    assert tokens("many of us") == ["many", "of", "us"]  # only a converted count drops its "of"
    # digits grouped by commas are one count; other commas split as before
    assert tokens("10,000 users, 1,2,3 and 12,34") == ["many", "users", "1", "2", "3", "and", "12", "34"]


def test_stemming_merges_plurals_and_inflections() -> None:
    assert stem("apis") == stem("api")
    assert stem("blueprints") == stem("blueprint")
    assert stem("securing") == stem("security") == stem("secure")
    assert stem("companies") == stem("company")
    assert stem("2025") == "2025"


def test_a_change_of_subject_is_filler_too() -> None:
    # "different" here says a new question follows, not that one asks about differences
    assert terms("ok different question, what's CSRF?") == ["csrf"]
    assert terms("another q: is flask secure") == ["flask", "secur"]
    assert terms("unrelated topic but how different are flask and django") == ["differ", "flask", "django"]


def test_stopwords_and_chat_filler_are_dropped() -> None:
    assert content_words(tokens("hey team tbh i was wondering which is the one")) == []
    assert "flask" not in STOPWORDS and "django" not in STOPWORDS
    assert "why" not in STOPWORDS  # "why flask?" is a topic of its own


def test_huge_input_is_bounded() -> None:
    words = terms("flask security " * 20_000)  # 300,000 characters
    assert 0 < len(words) <= MAX_WORDS


def test_head_and_tail_of_a_long_paste_are_kept() -> None:
    text = "blueprint " + "lorem " * 10_000 + "csrf"
    found = terms(text)
    assert found[0] == "blueprint" and found[-1] == "csrf"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_gives_clean_terms(text: str) -> None:
    out = terms(text)
    assert len(out) <= MAX_WORDS
    for term in out:
        assert term and term == term.strip() and " " not in term
        assert term == term.lower()


def test_hyphens_can_be_kept_for_the_caller() -> None:
    assert tokens("flask-login e-commerce", keep_hyphens=True) == ["flask-login", "e-commerce"]


@pytest.mark.parametrize("word", ["convince", "convinced", "convincing", "gist", "overall", "honestly",
                                  "intern", "separates", "summarize", "weekend", "startups", "explanation"])
def test_everyday_words_are_neutral_in_any_inflection(word: str) -> None:
    assert is_neutral(word)


@pytest.mark.parametrize("word", ["heroku", "deploy", "salary", "weather", "pasta", "kubernetes",
                                  "faster", "fastapi", "flask", "django", "csrf", "blueprint"])
def test_subject_words_are_not_neutral(word: str) -> None:
    assert not is_neutral(word)


def test_off_topic_words_are_surface_forms_and_never_neutral() -> None:
    assert is_off_topic("slower") and is_off_topic("deployment") and is_off_topic("salary")
    assert is_unsure("faster") and not is_off_topic("faster") and not is_neutral("faster")
    assert not is_off_topic("profiles") and not is_off_topic("flask")
    assert not NEUTRAL_WORDS & OFF_TOPIC_WORDS
    assert not any(is_neutral(w) for w in OFF_TOPIC_WORDS)


def test_overstemmed_words_keep_their_own_stem() -> None:
    assert stem("production") != stem("products")
    assert stem("productivity") == stem("productive") != stem("product")
    assert stem("organisations") == stem("organizations") != stem("organised")
    assert stem("developers") != stem("development") and stem("manager") != stem("manage")
    assert stem("openings") != stem("open") and stem("positions") != stem("positive")
    assert stem("followers") != stem("follow") and stem("opinionated") != stem("opinion")
    assert stem("experiment") != stem("experience") and stem("extensions") != stem("extensive")
    assert stem("personalised") == stem("personalized") != stem("personal")
    assert stem("authorization") == stem("authorisation") != stem("author")


def test_neutral_inflections_do_not_reach_other_words_through_a_stem() -> None:
    assert is_neutral("important") and not is_neutral("import")
    assert is_neutral("tries") and is_neutral("worried") and is_neutral("hoping")
    assert not is_neutral("settings") and not is_neutral("units")


def test_brand_new_is_new() -> None:
    assert tokens("a brand new product") == ["a", "new", "product"]
    assert tokens("famous brands") == ["famous", "brands"]


def test_short_forms_stem_like_the_word() -> None:
    assert stem("lib") == stem("library") and stem("libs") == stem("libraries")


@pytest.mark.parametrize("text, rest, code", [
    ("what is _csrf_?", "what is csrf?", []),
    ("is _django_ good for `e-commerce`?", "is django good for 'e-commerce'?", []),
    ("is flask _really fast_ to learn", "is flask really fast to learn", []),
    ("(_csrf_), _orm_.", "(csrf), orm.", []),
    ("_a_ and _b_", "a and b", []),
    ("what does select_related do", "what does   do", ["select_related"]),
    ("flask __init__ file", "flask   file", ["__init__"]),
    ("django secret_key", "django  ", ["secret_key"]),
    ("a _private_name here", "a   here", ["_private_name"]),
    ("_select_related_ in django", "  in django", ["_select_related_"]),
    ("is _django_ better than flask_login", "is django better than  ", ["flask_login"]),
])
def test_slack_italics_are_markup_not_code(text: str, rest: str, code: list[str]) -> None:
    out, found = code_terms(normalise(text))
    assert found == code
    assert out.split() == rest.split()


def test_italics_match_like_plain_words() -> None:
    assert terms("what is _csrf_?") == terms("what is csrf?")
    assert terms("_really fast_ django") == terms("really fast django")


@pytest.mark.parametrize("text, rest, code", [
    ("does django still support python 2?", "does django still support python ?", ["2"]),
    ("is flask python 3 compatible", "is flask python compatible", ["3"]),
    ("python 3.12 with django", "python with django", ["3.12"]),
    ("3 python devs, flask or django", "3 python devs, flask or django", []),  # a count, not a release
])
def test_a_python_release_is_a_detail_the_guide_never_names(text: str, rest: str, code: list[str]) -> None:
    out, found = code_terms(normalise(text))
    assert found == code
    assert out.split() == rest.split()


@pytest.mark.parametrize("text, rest, code", [
    # every part a word of the guide's: those words, as written without the code
    ("what's the `csrf_token` thing for?", "what's the 'csrf token' thing for?", []),
    # a part that is not: the identifier stays code
    ("how configure CSRF_TRUSTED_ORIGINS", "how configure", ["csrf_trusted_origins"]),
    ("what does select_related do", "what does do", ["select_related"]),
    ("__init__ file", "file", ["__init__"]),
])
def test_an_identifier_made_of_the_guides_words_is_those_words(text: str, rest: str, code: list[str]) -> None:
    guide = {"csrf", "token", "file"}
    out, found = code_terms(normalise(text), guide.__contains__)
    assert (out.split(), found) == (rest.split(), code)


def test_a_percent_sign_is_the_word() -> None:
    assert normalise("what % of sites, 95% of pages").split() == ["what", "percent", "of", "sites,", "95",
                                                                "percent", "of", "pages"]
