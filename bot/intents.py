"""What a person asked for, read from the text of a command, mention or DM (pure).

``parse_command`` turns ``/flaskvsdjango <text>`` into an ``Intent``;
``parse_message`` does the same for a mention or DM, where a greeting or
"help" asks for the menu.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum

MAX_QUESTION_CHARS = 4000  # longer input is cut before matching; Slack allows 40k


class Kind(str, Enum):
    MENU = "menu"
    CHOOSE = "choose"
    COMPARE = "compare"
    TOPICS = "topics"
    FLASK = "flask"
    DJANGO = "django"
    QUESTION = "question"


@dataclass(frozen=True)
class Intent:
    kind: Kind
    text: str = ""              # the question, for Kind.QUESTION
    single_word: bool = False   # a lone unknown word: probably a mistyped sub-command


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

_MENTION = re.compile(r"<[@!][^>]*>")
_INVISIBLE = dict.fromkeys(
    cp for cp in range(0x2000, 0x2070) if unicodedata.category(chr(cp)) in ("Cf", "Zs", "Zl", "Zp")
)


def clean(text: str | None) -> str:
    """Collapse whitespace, drop zero-width characters and cut very long input."""
    if not text:
        return ""
    text = text[: MAX_QUESTION_CHARS * 2].translate(_INVISIBLE).replace("\ufeff", "")
    return " ".join(text.split())[:MAX_QUESTION_CHARS]


def strip_mentions(text: str | None) -> str:
    """Remove ``<@U123>`` style mentions (the bot's own, mostly) from a message."""
    return clean(_MENTION.sub(" ", text or ""))


def _simple(text: str) -> str:
    return re.sub(r"[^\w?]+", " ", text.lower()).strip()


def parse_command(text: str | None) -> Intent:
    """Read the text after ``/flaskvsdjango``."""
    text = clean(text)
    if not text:
        return Intent(Kind.MENU)
    words = _simple(text).split()
    if len(words) == 1 and words[0] in _SUBCOMMANDS:
        return Intent(_SUBCOMMANDS[words[0]])
    return Intent(Kind.QUESTION, text=text, single_word=len(words) <= 1)


def parse_message(text: str | None) -> Intent:
    """Read a mention or DM: a greeting or "help" asks for the menu, anything else is a question."""
    text = strip_mentions(text)
    simple = _simple(text)
    if not simple or _GREETING.match(simple):
        return Intent(Kind.MENU)
    words = simple.split()
    if len(words) == 1 and words[0] in _SUBCOMMANDS:
        return Intent(_SUBCOMMANDS[words[0]])
    return Intent(Kind.QUESTION, text=text, single_word=len(words) <= 1)
