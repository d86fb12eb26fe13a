"""What a person asked for, read from the text of a command, mention or DM (pure).

``parse_command`` turns ``/flaskvsdjango <text>`` into an ``Intent``;
``parse_message`` does the same for a mention or DM, where a greeting or
"help" asks for the menu.
"""

from __future__ import annotations

import re
import unicodedata
from enum import Enum
from typing import NamedTuple

from bot.edits import edit_distance_up_to_one
from bot.neutral import is_common_word
from bot.text import QUESTION_WORDS, SLACK_EMOJI

MAX_QUESTION_CHARS = 4000  # longer input is cut before matching; Slack allows 40k


class Kind(str, Enum):
    MENU = "menu"
    CHOOSE = "choose"
    COMPARE = "compare"
    TOPICS = "topics"
    FLASK = "flask"
    DJANGO = "django"
    QUESTION = "question"
    THANKS = "thanks"


class Intent(NamedTuple):
    kind: Kind
    text: str = ""              # the question, for Kind.QUESTION
    single_word: bool = False   # a lone unknown word: probably a mistyped sub-command
    grateful: bool = False      # Kind.THANKS: thanks said ("thanks", ":pray:"), not only "ok" or "cool"


_SUBCOMMANDS: dict[str, Kind] = {
    "help": Kind.MENU,
    "menu": Kind.MENU,
    "start": Kind.MENU,
    "choose": Kind.CHOOSE,
    "quiz": Kind.CHOOSE,
    "recommend": Kind.CHOOSE,
    "compare": Kind.COMPARE,
    "comparison": Kind.COMPARE,
    "differences": Kind.COMPARE,
    "table": Kind.COMPARE,
    "topics": Kind.TOPICS,
    "list": Kind.TOPICS,
    "flask": Kind.FLASK,
    "django": Kind.DJANGO,
}

_GREETING = re.compile(
    r"^(?:hi+|hello+|hey+|hiya|yo|howdy|sup|hola|greetings|good (?:morning|afternoon|evening)|"
    r"help|menu|start|options|\?+)"
    r"(?: (?:there|all|bot|team|everyone|folks|again|me|please|pls))*$"
)

# "thanks", "ok thank you so much", "cool, got it": no question in it, and nothing to record.
_THANKS = re.compile(
    r"^(?:(?:ok(?:ay)?|k|cool|great|nice|awesome|perfect|brilliant|got it|makes sense|that helps|"
    r"helpful|very helpful|super helpful|much appreciated|appreciate it|thanks?|thank you|thx|thanx|ty|tysm|cheers|"
    # thanks in the languages a team mixes in ("danke", "muchas gracias")
    r"danke(?: sch[oö]n)?|(?:muchas )?gracias|merci(?: beaucoup)?|grazie(?: mille)?|obrigad[oa]|shukriya|arigato|"
    r"dhanyavaad|"
    # praise for the answer just given ("great explanation", "very helpful answer")
    r"(?:(?:very|super|really) )?(?:great|nice|good|clear|helpful|perfect|awesome|excellent|useful|solid|brilliant)"
    r" (?:explanation|answer|summary|reply|breakdown|overview|info|writeup|write up))"
    r"(?: (?:a lot|so much|very much|again|man|mate|bot|all|everyone|guys|buddy|for the help|for that|team|folks"
    r"|friend|friends|bro|amigo|yaar|bhai))* ?)+$"
)

# "thanks everyone for the flask vs django thread yesterday, super helpful": thanks for something, and
# nothing asked after it (no "?" and none of QUESTION_WORDS)
_THANKS_FOR = re.compile(r"^(?:thanks?|thank you|thx|thanx|ty|tysm|cheers|many thanks)"
                         r"(?: (?:so much|a lot|very much|again|everyone|all|guys|team|folks|yall|y all))* for\b")

# A reaction typed as a message ("👍", ":+1:", ":pray::skin-tone-3:") thanks; any other emoji alone
# greets (":wave:"). Beside words they are dropped: "thanks :pray:" thanks, "hi :wave:" greets.
# Of those, the ones that say thanks rather than only "ok" (which may open a DM): Intent.grateful.
_GRATEFUL_EMOJI = frozenset("pray bow thank_you thankyou raised_hands heart heart_eyes star-struck".split())
_GRATEFUL_SYMBOLS = frozenset("\U0001F64F\U0001F64C\u2764")  # folded hands, raised hands, heart
_THANKS_EMOJI = _GRATEFUL_EMOJI | frozenset(
    "+1 thumbsup ok_hand clap tada 100 white_check_mark heavy_check_mark muscle".split())
_THANKS_SYMBOLS = _GRATEFUL_SYMBOLS | frozenset("\U0001F44D\U0001F44C\U0001F44F\U0001F389\U0001F4AF\u2705\u2714")
_GRATEFUL = re.compile(r"\b(?:thanks?|thank you|thx|thanx|ty|tysm|cheers|appreciated?|helpful|helps|danke|gracias"
                       r"|merci|grazie|obrigad[oa]|shukriya|arigato|dhanyavaad)\b")

# Words that only make a sub-command polite: "help me choose", "compare please", "topics pls".
_POLITE = frozenset("please pls plz me now for us the".split())

_MENTION = re.compile(r"<[@!][^>]*>")
_INVISIBLE = dict.fromkeys(
    cp for cp in range(0x2000, 0x2070) if unicodedata.category(chr(cp)) in ("Cf", "Zs", "Zl", "Zp")
)


# Half a UTF-16 pair: JSON can carry one ("\ud83d" alone, from text cut inside an emoji), and no
# UTF-8 encoder takes it (a reply quoting it could not be sent, nor the question remembered)
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def clean(text: str | None) -> str:
    """Collapse whitespace, drop zero-width characters, replace half an emoji with U+FFFD and cut
    very long input."""
    if not text:
        return ""
    text = text[: MAX_QUESTION_CHARS * 2].translate(_INVISIBLE).replace("\ufeff", "")
    if not text.isascii():
        text = _LONE_SURROGATE.sub("\ufffd", text)
    return " ".join(text.split())[:MAX_QUESTION_CHARS]


def strip_mentions(text: str | None) -> str:
    """Remove ``<@U123>`` style mentions (the bot's own, mostly) from a message."""
    return clean(_MENTION.sub(" ", text or ""))


def _simple(text: str) -> str:
    return re.sub(r"[^\w?]+", " ", text.lower()).strip()


def parse_command(text: str | None) -> Intent:
    """Read the text after ``/flaskvsdjango``."""
    return _read(clean(text))


def parse_message(text: str | None) -> Intent:
    """Read a mention or DM: the bot's own mention is dropped, then read as a command's text."""
    return _read(strip_mentions(text))


def _read(text: str) -> Intent:
    """A greeting or "help" asks for the menu, thanks (or a thumbs-up) get a short answer, a sub-command (politely
    worded: "help me choose", or one letter off: "topic") is that sub-command; anything else is a question."""
    lowered = text.lower()
    simple = _simple(SLACK_EMOJI.sub(" ", lowered))
    codes = {code.strip(":") for code in SLACK_EMOJI.findall(lowered)}
    grateful = (bool(_GRATEFUL.search(simple)) or not codes.isdisjoint(_GRATEFUL_EMOJI)
                or not _GRATEFUL_SYMBOLS.isdisjoint(text))
    if not simple and (not codes.isdisjoint(_THANKS_EMOJI) or not _THANKS_SYMBOLS.isdisjoint(text)):
        return Intent(Kind.THANKS, grateful=grateful)
    if not simple or _GREETING.match(simple):
        return Intent(Kind.MENU)
    words = simple.split()
    if _THANKS.match(simple) or (_THANKS_FOR.match(simple) and "?" not in text and QUESTION_WORDS.isdisjoint(words)):
        return Intent(Kind.THANKS, grateful=grateful)
    command = _subcommand([w for w in words if w not in _POLITE])
    if command is not None:
        return Intent(command)
    return Intent(Kind.QUESTION, text=text, single_word=len(words) <= 1)


def _inflected(word: str, name: str) -> bool:
    """Is the everyday word ``word`` the sub-command ``name`` inflected ("lists", "compared", "topic")
    or with a double letter typed once ("chose")? Any other everyday word one letter off is a word of
    its own: "quit" is not "quiz", "last" not "list", "stable" not "table"."""
    if word.startswith(name) or name.startswith(word):
        return True
    return len(name) == len(word) + 1 and any(
        name[i] == name[i + 1] and name[:i] + name[i + 1 :] == word for i in range(len(name) - 1))


def _subcommand(words: list[str]) -> Kind | None:
    """The one sub-command these words name ("help" aside), or None."""
    if len(words) == 1 and len(words[0]) >= 4 and words[0] not in _SUBCOMMANDS:
        word = words[0]
        near = [name for name in _SUBCOMMANDS if edit_distance_up_to_one(word, name) <= 1
                and (not is_common_word(word) or _inflected(word, name))]
        words = near if len(near) == 1 else words
    kinds = {_SUBCOMMANDS.get(w) for w in words}
    if None in kinds or not kinds:
        return None
    named = kinds - {Kind.MENU}
    return named.pop() if len(named) == 1 else (Kind.MENU if not named else None)
