"""Follow-up questions that only name the other framework: "and django?" (pure).

After "why would I choose flask?", a person asks "and django?" or "what about
django then?" and means "why would I choose django?". ``rewrite(previous, text)``
gives that question, or None when ``text`` is not such a follow-up or the
previous question cannot be turned round:

* the follow-up is a lead ("and", "what about", "how about", "same for",
  "same question for", "and for", "now for", ...), then one framework name
  (one typo allowed: "djnago") or "the other one", then at most a filler
  ("then", "instead", "too", "as well", "please");
* or it names one framework and points back ("it", "that", "this", "same",
  "too", "also", "there", "instead") with nothing else but small words
  (``_SMALL_WORDS``): "does django have that too?", "is it the same in
  django?", "how does django handle it?". "what is django?" points nowhere:
  it is a question of its own;
* the previous question names at most one framework, as a word of its own
  ("flask-login" is not "flask"), and not the one the follow-up names.

When it names one, every standalone mention of it is swapped for the other,
keeping its case: "Is Flask's ORM..." becomes "Is Django's ORM...". When it
names none, the framework is added: "what is an ORM?" then "and flask?" asks
"what is an ORM in flask?" ("the other one" then means nothing: None).

``conversation_key`` says which earlier question a follow-up may refer to: the
one in the same thread of a channel, the same DM, or the same person's last
slash command in that channel.
"""

from __future__ import annotations

import re

from bot.edits import edit_distance_up_to_one

__all__ = ["conversation_key", "framework_named", "is_follow_up", "kept_for_follow_ups", "rewrite"]

FRAMEWORKS = ("flask", "django")
MAX_FOLLOW_UP_CHARS = 80    # "ok so and what about for django then please" is 45
MAX_KEPT_CHARS = 500        # a longer question is not kept: memory stays small whatever people paste

_LEAD = (
    r"(?:(?:ok(?:ay)?|so|hmm+|right|cool|thanks|great|and|but|now)\s+)*"
    r"(?:and|now|what about|how about|what of|and what about|and how about|but what about|"
    r"same (?:question |thing |again |q )?(?:for|with|about|in)|"
    r"and (?:for|with|in|on)|now (?:for|with|in)|what about (?:for|with|in)|how about (?:for|with|in))"
)
_OTHER = r"(?:the other(?: one| framework)?|the other guy|the alternative)"
_FILLER = r"(?:\s+(?:then|instead|too|as well|though|please|pls|plz|now))?"
_FOLLOW_UP = re.compile(rf"^{_LEAD}\s+(?P<what>[a-z]+|{_OTHER})(?: s)?{_FILLER}$")  # " s": "django's"
# Words that point back to what was asked before...
_POINTERS = frozenset("it that this same too also there instead either".split())
# ...and the only other words a follow-up of that form may hold besides one framework name.
_SMALL_WORDS = _POINTERS | frozenset(
    "and but so ok okay now then what how about is are does do did can could would will have has the a in "
    "for with of on as well any better worse different true hold work works apply applies handle handles "
    "go goes case like look looks please pls plz right hmm thanks question thing q again though s "
    "compare compared mean".split())
_OTHER_ONLY = re.compile(rf"^{_OTHER}$")

# A framework named as a word of its own: not inside "flask-login", "django_rest" or "flask.app".
_NAMES = {fw: re.compile(rf"(?<![\w.-]){fw}(?![\w-]|\.\w)", re.IGNORECASE) for fw in FRAMEWORKS}


def _simple(text: str) -> str:
    """Lower case, punctuation gone (apostrophes and question marks included), spaces collapsed."""
    return " ".join(re.sub(r"[^\w\s]+", " ", text.lower()).split())


def _framework_word(word: str) -> str | None:
    """"flask" or "django" for that word or a one-edit typo of it ("djnago", "flsk"), else None."""
    for fw in FRAMEWORKS:
        if edit_distance_up_to_one(word, fw) <= 1 and len(word) >= 4:
            return fw
    return None


def framework_named(question: str) -> str | None:
    """The one framework a question names as a word of its own, or None (neither, or both)."""
    named = [fw for fw in FRAMEWORKS if _NAMES[fw].search(question)]
    return named[0] if len(named) == 1 else None


def _asked_for(text: str) -> str | None:
    """What a follow-up asks about: "flask", "django", "other", or None if it is not a follow-up."""
    if len(text) > MAX_FOLLOW_UP_CHARS:
        return None
    simple = _simple(text)
    found = _FOLLOW_UP.match(simple)
    if found is not None:
        what = found.group("what")
        return "other" if _OTHER_ONLY.match(what) else _framework_word(what)
    words = simple.split()
    if not _POINTERS.intersection(words):
        return None
    named = {fw for fw in map(_framework_word, words) if fw}
    rest = [w for w in words if not _framework_word(w)]
    if len(named) != 1 or not set(rest) <= _SMALL_WORDS:
        return None
    return named.pop()


def is_follow_up(text: str) -> bool:
    """Could ``text`` refer to an earlier question? (Cheap: decides whether to look one up.)"""
    return _asked_for(text) is not None


def kept_for_follow_ups(question: str) -> str:
    """What to keep of an answered question for the next follow-up: the question, or "" when no
    follow-up could use it (both frameworks named, or over ``MAX_KEPT_CHARS``). "" is kept too,
    so a follow-up never reaches past it to an older question."""
    if len(question) > MAX_KEPT_CHARS or all(_NAMES[fw].search(question) for fw in FRAMEWORKS):
        return ""
    return question


def _same_case(new: str, old: str) -> str:
    if old.isupper():
        return new.upper()
    if old[:1].isupper():
        return new.capitalize()
    return new


def rewrite(previous: str | None, text: str) -> str | None:
    """``previous`` asked again about the framework the follow-up ``text`` names; None if that
    is not what ``text`` is, or ``previous`` names both frameworks or already the one asked for."""
    if not previous:
        return None
    wanted = _asked_for(text)
    if wanted is None:
        return None
    named = [fw for fw in FRAMEWORKS if _NAMES[fw].search(previous)]
    if not named:
        if wanted == "other":
            return None
        asked = previous.rstrip(" ?!.")
        return f"{asked} in {wanted}{'?' if asked != previous.rstrip() else ''}"
    if len(named) > 1:
        return None
    before = named[0]
    after = next(fw for fw in FRAMEWORKS if fw != before) if wanted == "other" else wanted
    if after == before:
        return None
    return _NAMES[before].sub(lambda m: _same_case(after, m.group(0)), previous)


def conversation_key(team_id: str | None, channel: str, *, thread_ts: str | None = None,
                     user_id: str | None = None) -> str:
    """Where a question is remembered for follow-ups: a thread (``thread_ts``), a whole DM
    (a "D" channel without ``thread_ts``), or one person in a channel (``user_id``: slash commands)."""
    where = thread_ts if thread_ts else f"user:{user_id}" if user_id else "-"
    return f"{team_id or '-'}:{channel}:{where}"
