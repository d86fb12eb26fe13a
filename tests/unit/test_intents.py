"""Reading what a person asked for (pure)."""

from __future__ import annotations

import pytest

from bot.intents import MAX_QUESTION_CHARS, Intent, Kind, clean, parse_command, parse_message, strip_mentions


@pytest.mark.parametrize(
    "text, kind",
    [
        ("", Kind.MENU), ("   ", Kind.MENU), (None, Kind.MENU), ("help", Kind.MENU), ("Help!", Kind.MENU),
        ("choose", Kind.CHOOSE), ("compare", Kind.COMPARE), ("topics", Kind.TOPICS),
        ("flask", Kind.FLASK), ("Django", Kind.DJANGO),
    ],
)
def test_subcommands(text, kind):
    assert parse_command(text).kind is kind


def test_anything_else_is_a_question():
    assert parse_command("which one is more secure?") == Intent(Kind.QUESTION, "which one is more secure?")


def test_a_lone_unknown_word_is_flagged_as_a_possible_typo_of_a_subcommand():
    assert parse_command("xyzzy") == Intent(Kind.QUESTION, "xyzzy", single_word=True)


@pytest.mark.parametrize(
    "text, kind",
    [
        ("chose", Kind.CHOOSE), ("topic", Kind.TOPICS), ("flsk", Kind.FLASK), ("djano", Kind.DJANGO),
        ("hepl", Kind.MENU), ("comapre", Kind.COMPARE),
    ],
)
def test_a_subcommand_one_letter_off_is_that_subcommand(text, kind):
    assert parse_command(text).kind is kind


@pytest.mark.parametrize("text", ["quit", "last", "stable", "smart", "gist", "flash"])
def test_an_everyday_word_one_letter_off_a_subcommand_is_no_typo_of_it(text):
    """"quit" is not "quiz" (it started the help-me-choose flow), "last" not "list"."""
    assert parse_command(text).kind is Kind.QUESTION


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Help me choose", Kind.CHOOSE),  # the menu button's own label, typed
        ("choose please", Kind.CHOOSE), ("compare pls", Kind.COMPARE), ("list topics", Kind.TOPICS),
        ("django please", Kind.DJANGO), ("help me", Kind.MENU), ("hi", Kind.MENU), ("?", Kind.MENU),
        ("hey there", Kind.MENU),
    ],
)
def test_commands_read_greetings_and_politely_worded_subcommands_as_messages_do(text, kind):
    assert parse_command(text).kind is kind
    assert parse_message(f"<@U0BOT> {text}").kind is kind


@pytest.mark.parametrize("text", ["flask django", "compare flask", "is flask ok", "help me pick a database"])
def test_two_subcommands_or_other_words_make_a_question(text):
    assert parse_command(text).kind is Kind.QUESTION


@pytest.mark.parametrize("text", ["thanks!", "Thank you", "cool thanks", "ok, thanks a lot", "thx", "got it, cheers",
                                  "great", "much appreciated"])
def test_thanks_get_a_short_answer(text):
    assert parse_message(text).kind is Kind.THANKS
    assert parse_command(text).kind is Kind.THANKS


@pytest.mark.parametrize("text, grateful", [
    ("thanks!", True), ("ok thank you so much", True), ("cool, that helps", True), ("ty", True),
    ("ok :pray:", True), ("\U0001F64F", True), ("much appreciated", True),
    ("ok", False), ("cool", False), ("got it", False), ("great", False), (":+1:", False), ("\U0001F44D", False),
])
def test_thanks_are_told_from_a_bare_ok_which_may_be_a_first_word(text, grateful):
    """'ok' may open a DM: the reply to it must not say "glad to help" for help not given."""
    assert parse_message(text) == Intent(Kind.THANKS, grateful=grateful)


@pytest.mark.parametrize("text", ["thanks :pray:", ":+1:", ":thumbsup::skin-tone-2:", "\U0001F44D",
                                  "ok :ok_hand:", "cheers :raised_hands: :tada:", "\U0001F64F\U0001F3FD"])
def test_a_thumbs_up_or_thanks_with_emoji_gets_the_short_answer(text):
    assert parse_message(text).kind is Kind.THANKS
    assert parse_command(text).kind is Kind.THANKS


@pytest.mark.parametrize("text", ["hi :wave:", ":wave:", "hey there :slightly_smiling_face:", ":thinking_face:"])
def test_a_greeting_with_emoji_or_another_emoji_alone_asks_for_the_menu(text):
    assert parse_message(text).kind is Kind.MENU


@pytest.mark.parametrize("text", ["what is csrf :thinking_face:", ":+1: which one is more secure?",
                                  "is flask ok at 10:30:00"])
def test_emoji_beside_a_question_leave_it_a_question(text):
    assert parse_message(text) == Intent(Kind.QUESTION, text)


@pytest.mark.parametrize("text, grateful", [
    ("thanks, great explanation", True), ("thanks everyone, very helpful explanation", True), ("good answer", False),
    ("danke!", True), ("merci beaucoup", True), ("muchas gracias amigo", True), ("shukriya yaar", True),
])
def test_praise_for_the_answer_and_thanks_in_other_languages_are_thanks(text, grateful):
    """Once answered "thanks, great explanation" with the Flask overview (the praise read as a question)."""
    assert parse_message(text) == Intent(Kind.THANKS, grateful=grateful)


@pytest.mark.parametrize("text", ["thanks, but which one is more secure?", "great, is django good for apis?",
                                  "thanks for the help. django or flask for apis?", "thx for that, and is django secure",
                                  "great explanation, but is flask secure?"])
def test_thanks_before_a_question_is_a_question(text):
    assert parse_message(text).kind is Kind.QUESTION


@pytest.mark.parametrize("text", ["thanks everyone for the flask vs django thread yesterday, super helpful \U0001F64F",
                                  "thank you for explaining blueprints", "thx all for the csrf answer"])
def test_thanks_for_something_with_nothing_asked_is_thanks(text):
    assert parse_message(text) == Intent(Kind.THANKS, grateful=True)


@pytest.mark.parametrize("text", ["hi", "Hello there!", "hey bot", "<@U0BOT> hi", "<@U0BOT>", "good morning all", "help"])
def test_greetings_in_mentions_and_dms_ask_for_the_menu(text):
    assert parse_message(text).kind is Kind.MENU


def test_mentions_are_removed_from_the_question():
    assert parse_message("<@U0BOT> what is WSGI?") == Intent(Kind.QUESTION, "what is WSGI?")
    assert strip_mentions("<@U1|bob>  hello   <!here>") == "hello"


def test_greeting_words_inside_a_question_do_not_make_it_a_greeting():
    assert parse_message("hi, which one is easier to learn?").kind is Kind.QUESTION


def test_clean_drops_zero_width_characters_and_caps_length():
    assert clean("a\u200bb\u200d c\ufeff") == "ab c"
    assert len(clean("x" * 50_000)) == MAX_QUESTION_CHARS


def test_clean_replaces_half_an_emoji_and_keeps_whole_ones():
    assert clean("is django secure \ud83d?") == "is django secure \ufffd?"
    assert clean("\udfff flask \U0001F680 \ud800") == "\ufffd flask \U0001F680 \ufffd"
    clean("ok \ud83d").encode()  # no UnicodeEncodeError downstream
