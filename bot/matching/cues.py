"""What the question's wording says besides its terms.

A procedure asked for ("how do i ..."), a failure ("not working"), a rate
("requests per second"), the frameworks' makers or age ("who made flask", "how
old is django"), a preference between the two frameworks ("flask over
django"), the framework said to lack something ("what can flask do that django
can't"), a comparison of things the guide does not name ("the difference
between a list and a set"), and words about who asks rather than what is asked
("coming from node", "php dev here"), and what one framework is, asked of a
pronoun ("heard about flask at a meetup, what is it?"). ``resolve`` reads each where its rule
applies; the package docstring says what the decision makes of them.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

from bot.matching.tuning import (
    CHOICE_ASKS,
    CHOICE_MARKERS,
    FRAMEWORK_SET,
    FRAMEWORKS,
    HOW_TO_ASKERS,
    HOW_TO_VERBS,
    PREFERENCE_JOINTS,
)
from bot.text import ADVERBS, QUESTION_WORDS, is_content, tokens
from bot.neutral import (
    BACKGROUND_ROLES,
    BACKGROUND_VERBS,
    FAILING_VERBS,
    NEGATIONS,
    ORIGIN_VERBS,
    OTHER_SENSES,
    OTHER_TECHNOLOGIES,
    RATE_UNITS,
    SAME_SENSE,
)


def asks_how_to(words: list[str]) -> bool:
    """"how do i", "how can we", "how to": a procedure ("how does django..." is not one, nor is
    telling someone: "how do i explain it", "how would you pitch django")."""
    for k, (a, b, c) in enumerate(zip(words, words[1:], words[2:] + [""])):
        if a == "how" and (b == "to" or (b in HOW_TO_VERBS and c in HOW_TO_ASKERS)):
            verb = words[k + 2] if b == "to" else words[k + 3] if k + 3 < len(words) else ""
            return verb not in _TELLING
    return False


# "how do i explain it to the new hire", "how would you pitch django": telling, not a procedure
_TELLING = frozenset("explain describe pitch sell summarise summarize present justify convince put say tell"
                     " think decide choose pick".split())


def asks_which_to_choose(words: list[str]) -> bool:
    """"which one should we go with", "what would you go for", "which is best": "which", or
    "what" and a modal, then a way of asking for a choice (``tuning.CHOICE_ASKS``)."""
    for i, w in enumerate(words):
        if w == "which" and ("overall" in words or (i == len(words) - 1 and words[i - 2 : i] == ["tell", "me"])):
            return True  # "ok but overall which one?", "just tell me which"
        if w == "which" or (w == "what" and words[i + 1:i + 2] and words[i + 1] in HOW_TO_VERBS):
            rest = words[i + 1:]
            return any(tuple(rest[j:j + len(ask)]) == ask for ask in CHOICE_ASKS for j in range(len(rest)))
    return False


# An exception's name ("ModuleNotFoundError", "OperationalError", "TemplateDoesNotExist"): a failure to
# debug, which the guide never does ("terror" and "mirror" are words, not names: the part before the
# ending is three letters at least)
_EXCEPTION_ENDS = ("rror", "xception", "otfound", "oesnotexist")  # found in the text before the pattern is run
_EXCEPTION = re.compile(r"\b(?:\w+\.)*([a-z_]*[a-z]{3}(?:error|exception|notfound|doesnotexist))\b", re.IGNORECASE)


def exception_named(text: str) -> str | None:
    """The first exception's name in ``text``, pasted code included ("django.db.utils.OperationalError":
    OperationalError)."""
    lowered = text.lower()
    if not any(end in lowered for end in _EXCEPTION_ENDS):  # most questions: no pattern run
        return None
    found = _EXCEPTION.search(text)
    return found.group(1) if found else None


def failure_named(words: list[str]) -> str | None:
    """The first negation before a failing verb: "not working", "folder not found"; not one
    saying what a framework is able to run at all ("can't run anything big", "won't handle much")."""
    for k, (a, b) in enumerate(zip(words, words[1:])):
        if a in NEGATIONS and b in FAILING_VERBS and words[k + 2 : k + 3] != ["anything"] \
                and not _CAPACITY.intersection(words[k + 2 : k + 4]) and not (
                    a == "never" and b == "worked" and words[k + 2 : k + 3] and words[k + 2] in _EMPLOYED):
            return f"{a} {b}"
        if a in KEEPS and b in _FAILING:  # "my migration keeps failing"
            return f"{a} {b}"
    return None


KEEPS = frozenset(("keeps", "kept", "keep"))
# "I've never worked anywhere that uses flask", "never worked with django": experience, not a failure
_EMPLOYED = frozenset("anywhere somewhere at for as with in on professionally".split())
_FAILING = frozenset("failing crashing breaking erroring timing".split())


# what follows "can't run" when it is about capacity, not a failure
_CAPACITY = frozenset("big bigger large larger much serious complex huge heavy real".split())


# "our api is down", "the site went down again": an outage, which the guide does not cover
_DOWN_LEADS = frozenset("is are was were went goes going been keeps kept".split())


def on_call_named(words: list[str]) -> str | None:
    """"who's on call tonight", "the on-call rota": a duty rota, not something the guide covers."""
    for k in range(len(words) - 1):
        if words[k] == "on" and words[k + 1] == "call" and not next_in(words, k + 1, _ON_CALL_PEOPLE):
            return "on call"
    return "on call" if "oncall" in words and not any(
        next_in(words, k, _ON_CALL_PEOPLE) for k, w in enumerate(words) if w == "oncall") else None


# "our on-call SREs mostly write go": who they are, not a question about the rota
_ON_CALL_PEOPLE = frozenset("sre sres engineer engineers dev devs developers people folks team teams staff".split())


def next_in(words: list[str], k: int, among: frozenset[str]) -> bool:
    """Is the word after position ``k`` one of ``among``?"""
    return k + 1 < len(words) and words[k + 1] in among


# "is django down?", "flask docs down again": "down" last, or before one of these, says the same
_DOWN_ENDS = frozenset("again now today atm rn currently still for".split())
# ... unless a verb of direction or summary comes just before ("scale it down", "boil it down")
_DOWN_VERBS = frozenset("scale scales scaled scaling slow slows slowed slowing break breaks breaking broke narrow"
                        " narrowed narrowing cut cuts cutting trim trimmed water watered wind tone toned boil boils"
                        " boiled dumb dumbed calm settle sit write wrote jot note step stepped back lock locked"
                        " strip stripped pare pared shut pin pinned nail nailed tie tied thumbs".split())


def outage_named(words: list[str]) -> str | None:
    """"is down", "went down", or "down" closing the message or before "again", "now", "for":
    something has stopped working ("our api is down", "is django down?", "docs down again"). Not
    "is down to" ("it's down to taste": it depends on) nor a direction or a summary ("scale down",
    "boil it down for me")."""
    for k in range(1, len(words)):
        if words[k] != "down":
            continue
        after = words[k + 1 : k + 2]
        if words[k - 1] in _DOWN_LEADS and after != ["to"]:
            return f"{words[k - 1]} down"
        if (not after or after[0] in _DOWN_ENDS) and _DOWN_VERBS.isdisjoint(words[max(0, k - 3) : k]):
            return f"{words[k - 1]} down"
    return None


# "please add me to the e-commerce team's standup invite", "i need access to the admin panel for
# the billing app", "can someone give me access": a request to be let in somewhere
_ASKING_ACCESS = frozenset("need give grant get request want".split())


def access_requested(words: list[str]) -> str | None:
    """"add me to", "add us to", "need access", "give me access": someone asking to be let in."""
    for k, w in enumerate(words):
        if w == "add" and words[k + 1 : k + 3] in (["me", "to"], ["us", "to"]):
            return f"add {words[k + 1]} to"
        if w != "access" or not k:
            continue
        before = words[k - 1]  # "need access", "give me access", "get admin access"
        if before in _ASKING_ACCESS or (k > 1 and before in ("me", "us", "admin") and words[k - 2] in _ASKING_ACCESS):
            return f"{before} access"
    return None


SENSE_WINDOW = 6  # words either side


_NO_SENSE: frozenset[str] = frozenset()


def other_sense(words: list[str]) -> str | None:
    """A word of the guide's in another sense (``bot.neutral.OTHER_SENSES``), told by a word at
    most SENSE_WINDOW words away, when neither framework is named and no word of the message keeps
    the guide's sense (``bot.neutral.SAME_SENSE``): "the blueprint for the office move", "try scaling
    the big wall"; not "a coffee shop's recurring orders"."""
    if any(f in words for f in FRAMEWORKS):
        return None
    for k, w in enumerate(words):
        context = OTHER_SENSES.get(w)
        if context is not None and SAME_SENSE.get(w, _NO_SENSE).isdisjoint(words):
            near = words[max(0, k - SENSE_WINDOW) : k] + words[k + 1 : k + 1 + SENSE_WINDOW]
            told = next((n for n in near if n in context), None)
            if told:
                return f"{w} ({told})"
    return None


_THE_ONE = frozenset("the my our your their this that".split())


def place_asked(words: list[str]) -> str | None:
    """"where is the blueprint doc", "where's our wifi password", "where are my files": where a
    particular thing is (a document, a setting, a room), which the guide never says. "where does
    flask shine" asks something else."""
    for k in range(len(words) - 2):
        if words[k] == "where" and words[k + 1] in ("is", "are") and words[k + 2] in _THE_ONE:
            return f"where {words[k + 1]} {words[k + 2]}"
    return None


# "can someone share the e-commerce dashboard link?", "can you post the notes from the retro":
# a request for a work document, which the bot does not have
HANDING_VERBS = frozenset("share send post forward attach upload".split())  # not "drop": "a name-drop for my slides"
_PRODUCT_USERS = frozenset("clients customers users members students patients people they can".split())
_DOCUMENTS = frozenset("link links doc docs document documents notes slides deck invite recording file files"
                       " spreadsheet sheet minutes agenda".split())


def document_requested(words: list[str]) -> str | None:
    """A verb of handing over followed, within five words, by a work document: "share the
    dashboard link", "post the notes from the education platform retro"; not one the product's
    users do ("a portal where clients upload tax docs": a feature)."""
    for k, w in enumerate(words):
        if w in HANDING_VERBS and not (k and words[k - 1] in _PRODUCT_USERS):
            for doc in words[k + 1 : k + 6]:
                if doc in _DOCUMENTS:
                    return f"{w} ... {doc}"
    return None


# "can you review my CV", "proofread our README": the bot reads no one's documents
REVIEWING_VERBS = frozenset(("review", "proofread", "critique"))
_WHOSE = frozenset("my our this these mine".split())


def review_requested(words: list[str]) -> str | None:
    """A verb of reviewing right before the asker's own thing: "can you review my CV?"."""
    return _first_pair(words, REVIEWING_VERBS, _WHOSE)


# "the best flask course on udemy", "a good django book": a course or book to learn from, which
# the guide never recommends; not a course site built ("a django course platform")
LEARNING_RESOURCES = frozenset("course courses bootcamp bootcamps book books".split())
_BUILT_FOR = frozenset("platform platforms site sites website websites app apps portal marketplace catalog".split())


def resource_asked(words: list[str]) -> str | None:
    """A framework's name right before a course, bootcamp or book, or right after one and "on",
    "for" or "about": "what's the best flask course", "any good books on django?"."""
    for k, w in enumerate(words):
        if w not in LEARNING_RESOURCES or words[k + 1 : k + 2] and words[k + 1] in _BUILT_FOR:
            continue
        if k and words[k - 1] in FRAMEWORK_SET:
            return f"{words[k - 1]} {w}"
        if words[k + 1 : k + 2] and words[k + 1] in ("on", "for", "about") and words[k + 2 : k + 3] \
                and words[k + 2] in FRAMEWORK_SET:
            return f"{w} {words[k + 1]} {words[k + 2]}"
    return None


def rates_named(words: list[str]) -> list[str]:
    """Every "per" before a unit: "requests per second" is about performance."""
    rates = []
    for a, b in zip(words, words[1:]):
        if a == "per" and b in RATE_UNITS:
            rates.append(f"{a} {b}")
    return rates


_WHEN_VERBS = frozenset(("was", "were", "did", "is"))


def origin_asked(words: list[str]) -> str | None:
    """"who made flask", "who originally created django", "when was django
    released", "when did flask come out", "what year was flask released", "how old is flask": who made the
    frameworks, or when (the guide tells neither)."""
    n = len(words)
    for k, w in enumerate(words):
        if w == "who" and k + 1 < n:
            verb = words[k + 1]
            if (verb.endswith("ly") or verb in ("first", "actually")) and k + 2 < n:
                verb = words[k + 2]  # "who originally made", "who first wrote"
            if verb in ORIGIN_VERBS:
                return f"who {verb}"
        elif w == "how" and k + 1 < n and words[k + 1] == "old":
            return "how old"
        elif w in ("what", "which") and words[k + 1 : k + 2] == ["year"]:
            return f"{w} year"  # "what year did django first come out"
        elif w == "when" and k + 1 < n and words[k + 1] in _WHEN_VERBS:
            for j in range(k + 2, min(k + 6, n)):
                if words[j] in ORIGIN_VERBS or (words[j] in ("come", "came") and words[j + 1 : j + 2] == ["out"]):
                    return f"when {words[k + 1]} ... {words[j]}"
    return None


# "who on our team knows django?", "does anyone here know flask well?": a colleague asked for, not the
# guide (asked at the start: "juniors who know flask" says who the team is; "who" only with where the
# asker looks: "who has used django at scale" asks which companies, the guide's)
SEEKERS = frozenset("who anyone anybody someone somebody".split())
_SEEKING_LEADS = frozenset("so hey hi ok okay does do is quick q".split())
_KNOWING = frozenset("know knows knew used worked familiar experience experienced".split())
_AMONG_US = frozenset("here team teams channel office us our".split())


def colleague_asked(words: list[str]) -> str | None:
    """"who on our team knows django", "anyone ... used flask", opening the message: a person sought."""
    for k, w in enumerate(words[:4]):
        if w in SEEKERS and (k == 0 or words[k - 1] in _SEEKING_LEADS):
            for j in range(k + 1, min(len(words) - 1, k + 6)):
                if words[j] in _KNOWING:
                    after = [x for x in words[j + 1 : j + 3] if x != "with"]
                    named = bool(after) and after[0] in FRAMEWORK_SET
                    if not named or (w == "who" and _AMONG_US.isdisjoint(words[k + 1 : j])):
                        return None
                    return f"{w} {words[j]} {after[0]}"
    return None


def chore_asked(words: list[str]) -> str | None:
    """"who's bringing snacks to the friday demo", "who is running the prototyping workshop": who in
    the office does something (an "-ing" verb after "who is"), when no framework is named; "who's
    running flask in production" and "who is using web frameworks like these" ask who uses them,
    which the guide tells."""
    if not FRAMEWORK_SET.isdisjoint(words):
        return None
    for k, w in enumerate(words[:-2]):
        if w == "who" and words[k + 1] == "is":
            verb = words[k + 2]
            if verb.endswith("ing") and len(verb) > 4 and verb != "using":
                return f"who is {verb}"
    return None


# "django is maintained by google these days?", "flask is run by some company": who stands behind a
# framework, which the guide never says
_OWNING = frozenset("maintained owned backed funded sponsored governed run stewarded".split())


def owner_asked(words: list[str]) -> str | None:
    """"django is maintained by", "flask is run by" ...: who is behind a framework, said right after its
    name (not "used by", "built by", "powered by": who uses it, which the guide names; nor "are they
    maintained by the flask team", of the extensions)."""
    for k, w in enumerate(words[:-1]):
        if w in _OWNING and words[k + 1] == "by" and not FRAMEWORK_SET.isdisjoint(words[max(0, k - 3) : k]):
            return f"{w} by"
    return None


def typing_asked(words: list[str]) -> str | None:
    """"does flask support type hints", "type checking in django": Python's typing, never covered."""
    k = words.index("type")
    if words[k + 1 : k + 2] and words[k + 1] in _TYPING:
        return f"type {words[k + 1]}"
    return None


_TYPING = frozenset("hints hint hinting annotations annotation checking checker checkers".split())


# "flask cannot", "flask (simply) lacks", "missing in flask", "but not flask"
LACKING = frozenset("cannot lack lacks lacking missing misses isnt not".split())


def lacking_framework(words: list[str]) -> str | None:
    """The framework said to lack something: "what can django do that *flask*
    can't", "what does flask have that *django* lacks", "what's missing in
    *django*", "what can't *flask* do", "comes with django but not *flask*"
    (``bot.text.tokens`` has made "flask doesn't" "flask cannot"). The first
    one found; None when no framework is said to lack anything."""
    n = len(words)
    for k, w in enumerate(words):
        if w not in LACKING:
            continue
        j = k - 1  # before: "flask cannot", "flask simply lacks", "is flask missing"
        while j >= 0 and k - j <= 2 and words[j] in ADVERBS:
            j -= 1
        if w != "not" and j >= 0 and words[j] in FRAMEWORKS:
            return words[j]
        j = k + 1  # after: "missing in flask", "not in flask", "can't flask do"
        if j < n and words[j] in ("in", "from"):
            j += 1
        if j < n and words[j] in FRAMEWORKS:
            return words[j]
    return None


# "convince me to use flask", "make the case for flask", "sell me on django": the one argued for
_ARGUED_FOR = frozenset("convinc case sell pitch steelman argu defend persuad".split())


def preferred_framework(stems: list[str]) -> str | None:
    """"flask over django", "django instead of flask", "flask rather than
    django": the question is about the first one (read at the first
    framework named only); so is the one argued for ("convince me to use flask, my team wants
    django": up to four words after a verb of persuading)."""
    preferred = None
    for i, s in enumerate(stems):
        if s in FRAMEWORKS:
            if not _ARGUED_FOR.isdisjoint(stems[max(0, i - 4) : i]):
                return s
            rest = tuple(stems[i + 1 : i + 4])
            for joint in PREFERENCE_JOINTS:
                if rest[: len(joint)] == joint and rest[len(joint) : len(joint) + 1] == (
                    FRAMEWORKS[1 - FRAMEWORKS.index(s)],
                ):
                    preferred = s
            break
    return preferred


def unknown_comparison(words: list[str], known: dict[int, bool]) -> str | None:
    """"the difference between a list and a set": what is compared is
    named, and none of it is the guide's (a framework, a keyword...)."""
    at = words.index("between")
    if "and" in words[at + 2 : at + 8]:
        end = words.index("and", at + 2) + 3
        named = [k for k in range(at + 1, min(end, len(words))) if k in known]
        if named and not any(known[k] for k in named):
            return "between " + " ".join(words[at + 1 : end])
    return None


# "a php dev", "an engineer", "zero coding background", "no dev experience", "i am student"
_ASKER_DETERMINERS = frozenset(("a", "an", "no", "zero", "my", "am", "im"))
# "noob here", "newbie q", "beginner question"
_HERE = frozenset(("here", "q", "question"))
# "should a cs student learn django", "tell a student to learn": the role is who learns
_LEARNS = frozenset(("learn", "learning", "study", "grasp", "pick"))


def _self_described(words: list[str], k: int) -> bool:
    """The role at ``k`` follows "i'm a", "i am a" or "as a" (up to two words between), or
    "i am" / "i'm" with no article, as some write English ("i am student from vietnam")."""
    return (k > 0 and words[k - 1] in ("im", "am")) or any(
        words[j] in ("a", "an") and j and words[j - 1] in ("im", "am", "as") for j in range(max(0, k - 3), k))


# "jen claimed there's nothing django can do that flask can't", "our cto reckons flask won't scale":
# the word before one of these says who told the asker, not what is asked
SPEECH_VERBS = frozenset("said says claimed claims thinks reckons insists insisted told mentioned swears swore"
                         " argued argues".split())


# a name opening a sentence or a quoted line, then a colon: a speaker's label in a pasted thread
_SPEAKER = re.compile(r"(?:^|[\n.!?>]\s*)([^\W\d_][\w'’-]{1,20}):\s")


def asker_words(words: list[str], stems: list[str], known: dict[int, bool], text: str = "") -> set[int]:
    """Positions of the words saying who asks or who told the asker, not what is asked.

    Who asks, when a framework is named, a choice asked ("coming from rails, which of these two
    ..."), or a role is followed by "here" ("senior dev here, what are the differences"), or when
    the message opens with a role and a stop ("go dev, ...",
    ".net dev. ...", "react dev - ..."): the technology after "coming/switching/moving from"
    ("coming from node, what's flask"; a word of the guide's right after it names part of that
    technology: "coming from .net minimal apis") or after what the asker knows or uses ("i only
    know express", "we use rails at work"), or before a role + "here" or after "i'm a / as a"
    ("php dev here", "as a java developer"), unknown words only, up to a framework's name or a
    known word; and the role itself when it says who asks or learns ("i'm a cs student", "should a
    student learn"), even when a topic knows the word. Who told the asker: the unknown word right
    before a verb of saying ("*jen* claimed", "my *coworker* says") or one labelling what was said
    ("*rahul*: flask. *meera*: django.")."""
    marked: set[int] = set()
    n = len(words)
    if not SPEECH_VERBS.isdisjoint(words):
        marked.update(k - 1 for k, w in enumerate(words) if w in SPEECH_VERBS and k and known.get(k - 1) is False)
    if ":" in text:  # "rahul: flask. meera: django.", "> ana: flask is micro": who said it
        speakers = set(_SPEAKER.findall(text))
        if speakers:
            marked.update(k for k, w in enumerate(words) if w in speakers and known.get(k) is False)
    if _BACKGROUND_LEADS.isdisjoint(words):  # most questions
        return marked
    opening = _opening_role(text, words) if text and not BACKGROUND_ROLES.isdisjoint(words[:5]) else -1
    framed = any(f in stems for f in FRAMEWORKS) or (not BACKGROUND_ROLES.isdisjoint(words) and any(
        w in BACKGROUND_ROLES and words[k + 1 : k + 2] and words[k + 1] in _HERE for k, w in enumerate(words)))
    # a choice asked names the two frameworks the bot is about: "coming from rails, which of these two"
    # (a role then says who asks only as above: "i'm a total beginner, which one" is what is asked)
    chosen = framed or opening >= 0 or not _CHOICE_ASKED.isdisjoint(words)
    if not chosen:
        return marked

    def take(order: Iterable[int], *, named_parts: bool = False) -> None:
        count = 0
        for j in order:
            w = words[j]
            if w in ("a", "an", "the"):
                continue
            if j not in known or w in FRAMEWORKS or count == 3:
                break
            # "coming from .net *minimal apis*": a word of the guide's right after the
            # technology names part of it, read forwards only
            if known[j] and not (named_parts and j - 1 in marked):
                break
            marked.add(j)
            count += 1

    for k, w in enumerate(words):
        if (w == "from" and k and words[k - 1] in BACKGROUND_VERBS) or w == "ex":
            take(range(k + 1, n), named_parts=True)  # ("ex-rails": who used to work with it)
        elif w == "in" and _in_habit(words, known, k):
            take(range(k + 1, n))  # "in rails we'd scaffold it", "in node it's the event loop"
        elif w in _KNOWS and _by_asker(words, k):
            # "i only know express", "we use rails at work", "i'm used to laravel"
            take(range(k + (2 if words[k + 1 : k + 2] == ["to"] else 1), n), named_parts=True)
        elif w in BACKGROUND_ROLES and (framed or k == opening) and (
            (here := k + 1 < n and words[k + 1] in _HERE)
            or (learner := not _LEARNS.isdisjoint(words[k + 1 : k + 3]))
            or not _ASKER_DETERMINERS.isdisjoint(words[max(0, k - 3) : k])
            or k == opening
        ):
            # "student here", "i'm a cs student", "as a teacher", "should a student learn",
            # "go dev, ...": who asks or learns, even when a topic knows the word; "for a
            # student portal" is what is asked about.
            if k in known and (not known[k] or here or learner or k == opening or _self_described(words, k)):
                marked.add(k)
            take(range(k - 1, -1, -1))
    return marked


# a choice asked, between the two frameworks the bot is about ("coming from rails, which of these two ...")
# ("or" also joins the technologies of a background; "each", "both": "the downsides of each")
_CHOICE_ASKED = (CHOICE_MARKERS - {"or"}) | {"each", "both"}
# what the asker knows or works with: "i (only) know express", "we use rails", "i'm used to php",
# or leaves behind: "we're dropping express"
_KNOWS = frozenset(("know", "use", "used", "run", "wrote", "write", "writing", "dropping", "ditching", "leaving",
                    "replacing"))
_SUBJECTS = frozenset(("i", "we", "im", "were", "ive", "weve", "team"))


def _by_asker(words: list[str], k: int) -> bool:
    """Is the verb at ``k`` said of the asker: "i know", "we use", "we run", "i only know", "i'm used to",
    "(our) team used to"?
    ("do you know", "should we use flask" and "is django used" say nothing of the asker.)"""
    j = k - 1
    while j >= 0 and words[j] in _HABIT_ADVERBS:
        j -= 1
    if words[k] == "used" and words[k + 1 : k + 2] != ["to"]:
        return False  # "we used flask" is a framework, "the orm we used" a thing: only "used to X"
    if j < 0:  # "mostly wrote ruby scripts before, ...": the message opens with what the asker did
        return words[k] in ("wrote", "used")
    return words[j] in _SUBJECTS and not (j and words[j - 1] in _ASKING_VERBS)


def _in_habit(words: list[str], known: dict[int, bool], k: int) -> bool:
    """Does "in" at ``k`` open how things go in another technology: one or two words the guide does
    not know, then who does it ("in rails we'd scaffold it", "in asp.net core you get", "in node
    it's the event loop")?"""
    for j in (k + 2, k + 3):
        if j < len(words) and words[j] in _HABIT_SUBJECTS:
            return all(known.get(i) is False for i in range(k + 1, j))
    return False


_BACKGROUND_LEADS = BACKGROUND_ROLES | _KNOWS | {"from", "in", "ex"}
_HABIT_SUBJECTS = frozenset("we wed weve you youd i id its it they".split())
_HABIT_ADVERBS = ADVERBS | frozenset("only mostly mainly already currently usually normally".split())
_ASKING_VERBS = frozenset(("should", "shall", "can", "could", "would", "do", "did", "will", "must"))
# a role word opening the message, with what comes before it, then a stop: "go dev, ...", ".net dev. ...",
# "react dev - ...", "php background, ..."
# (the stop may be an emoji: "laravel refugee 👋 which one do i pick")
_OPENING_ROLE = re.compile(r"^\W*(?:[^\s,.;:!?]+\s+){0,3}?(%s)\b(?:\s+here)?(?:\s*[,.;:!\u2014\u2013]|\s+-|\s+[^\w\s\x00-\x7f])"
                           % "|".join(sorted(BACKGROUND_ROLES, key=len, reverse=True)))


def _opening_role(text: str, words: list[str]) -> int:
    """The position of a role word the message opens with, then a stop ("go dev, which is
    quicker to learn"); -1 when there is none."""
    if not (found := _OPENING_ROLE.match(text)):
        return -1
    role = found.group(1)
    return next((k for k, w in enumerate(words[:5]) if w == role), -1)


# what a count asked of ("how many flask job postings are there"): a number the guide never gives
_COUNTED = frozenset("postings posting openings listings vacancies jobs developers devs companies people stars"
                     " downloads contributors installs websites sites servers instances machines workers boxes"
                     " nodes engineers programmers hires".split())


def _how_much_of(words: list[str], amount: str, among: frozenset[str], within: int) -> str | None:
    """The first word of ``among`` within ``within`` words after "how ``amount``" ("how many ...
    postings"), or None."""
    for k, w in enumerate(words):
        if w == amount and k and words[k - 1] == "how":
            found = next((x for x in words[k + 1 : k + 1 + within] if x in among), None)
            if found is not None:
                return found
    return None


def count_asked(words: list[str]) -> str | None:
    """"how many flask job postings are there in the US": a count the guide never gives (its one
    figure is Instagram's users, which this leaves alone)."""
    noun = _how_much_of(words, "many", _COUNTED, 3)
    return f"how many {noun}" if noun else None


_PRICED = frozenset("cost costs price prices charge charges pay".split())
_BILLED = frozenset("hourly daily day hour".split())


def price_asked(words: list[str]) -> str | None:
    """"how much does a django server cost", "how much cost the server?": a price the guide never
    gives ("what does flask's freedom cost you" asks a trade-off, and is left alone)."""
    priced = _how_much_of(words, "much", _PRICED, 8)
    if priced:
        return f"how much ... {priced}"
    for k, w in enumerate(words):  # "what would a freelancer charge to build it" (not "in charge of")
        if w in ("charge", "charges") and not (k and words[k - 1] == "in") and ("what" in words or "how" in words):
            return w
        if w in ("rate", "rates") and k and words[k - 1] in _BILLED:  # "what hourly rate should we quote"
            return f"{words[k - 1]} {w}"
    # "what would it cost us to build one", "what does hosting cost per month": a price; "what does
    # flask's freedom cost you" is a trade-off
    return _first_pair(words, _COSTS, _PRICE_AFTER)


def _first_pair(words: list[str], firsts: frozenset[str], seconds: frozenset[str]) -> str | None:
    """The first two words in a row, one of ``firsts`` then one of ``seconds`` ("cost us"), or None."""
    for k, w in enumerate(words[:-1]):
        if w in firsts and words[k + 1] in seconds:
            return f"{w} {words[k + 1]}"
    return None


_COSTS = frozenset(("cost", "costs"))
_PRICE_AFTER = frozenset("us me to per monthly a".split())
# "which payment gateway handles split payouts": a provider to pay through, not the guide's shops
_PAYMENTS = frozenset(("payment", "payments"))
_PAYMENT_PARTS = frozenset("gateway gateways provider providers processor processors".split())


def payment_provider_asked(words: list[str]) -> str | None:
    """"which payment gateway", "a payment provider": a company to take payments through."""
    return _first_pair(words, _PAYMENTS, _PAYMENT_PARTS)


# A project that is no web app: a native or desktop app, a game engine, a data pipeline, model training,
# a cluster rollout, firmware, a command-line tool. The guide compares two web frameworks, so which of
# them suits one ("native iOS app, swiftui, offline first. flask or django?") is outside it. Not when a
# web part is named too ("a backend for our iOS app", "JSON endpoints the game client calls"); a web
# part refused ("no server, no browser", "nothing web at all") is none.
NOT_WEB = frozenset("ios android iphone ipad swiftui desktop exe etl platformer sprites gpu gpus cuda pytorch "
                    "tensorflow k8s kubernetes helm firmware embedded esp32 arduino microcontroller cli".split())
_NOT_WEB_PAIRS = {"engine": "game", "line": "command"}  # "game engine", "command line"
NOT_WEB_TRIGGERS = NOT_WEB | frozenset(_NOT_WEB_PAIRS)
_WEB_PARTS = frozenset("web website websites site sites webapp webapps api apis endpoint endpoints backend backends "
                       "server servers json rest http https browser html page pages portal dashboard frontend "
                       "saas online url urls".split())
_REFUSING = frozenset("no without nothing zero".split())


def not_web_project(words: list[str]) -> str | None:
    """"a native iOS app", "desktop app ... installed from an .exe", "nightly ETL", "a 2d platformer game
    engine": the kind of project named, when no web part of it is."""
    found = None
    for k, w in enumerate(words):
        before = words[k - 1] if k else ""
        if w in _WEB_PARTS and before not in _REFUSING:
            return None
        if found is None and w in NOT_WEB_TRIGGERS:
            if w in NOT_WEB:
                found = w
            elif _NOT_WEB_PAIRS[w] == before:
                found = f"{before} {w}"
    return f"not a web app: {found}" if found else None


# "you always need react or vue on top", "do we need a separate react frontend": a frontend a framework
# is said to need, which is what the guide's full-stack answer weighs, not a subject of its own
FRONTEND_TECHNOLOGIES = frozenset("react reactjs vue vuejs angular angularjs svelte sveltekit nextjs nuxt ember".split())
_NEEDS = frozenset("need needs needed require requires required".split())


def frontends_needed(words: list[str]) -> set[int]:
    """Positions of the frontends named up to four words after a verb of needing ("you need react
    or vue for the front part")."""
    return {j for k, w in enumerate(words) if w in _NEEDS
            for j in range(k + 1, min(len(words), k + 5)) if words[j] in FRONTEND_TECHNOLOGIES}


# "you always need react or vue on top": what a framework is said to need, not a choice asked (nor
# what the asker knows: "i know spring vs micronaut cold")
_NEEDING = frozenset("need needs needed require requires use uses using with add plus like on about without".split())


def alternatives_named(words: list[str]) -> str | None:
    """"react or vue for the frontend?": two other technologies as the choice asked, which the guide
    does not weigh."""
    for k in range(1, len(words) - 1):
        if words[k] in ("or", "vs", "versus") and not (k > 1 and (words[k - 2] in _NEEDING or words[k - 2] in _KNOWS)):
            a, b = words[k - 1], words[k + 1]
            sides = (a in OTHER_TECHNOLOGIES) + (b in OTHER_TECHNOLOGIES)
            if sides == 2 or (sides == 1 and FRAMEWORK_SET.isdisjoint((a, b)) and b not in _HEDGES
                              and is_content(a) and is_content(b)):  # "react or vue": "react" is a word too
                return f"{a} {words[k]} {b}"
    return None


def share_asked(words: list[str]) -> str | None:
    """"what percent of python devs use django": a share of people, which the guide never gives
    ("100 percent sure" only says sure)."""
    for k, w in enumerate(words):
        if w == "percent" and k and words[k - 1] in ("what", "which", "many"):
            return "percent"
    return None


# "can we pick our own database and auth?", "bring your own db": the parts one chooses are
# examples of the freedom asked about, not the subject (authentication, the ORM)
_OWN_PARTS = frozenset("db dbs database databases auth authentication login frontend stack orm templates template"
                       " templating tools libraries library approach engine".split())
_CHOOSING = frozenset("pick picking choose choosing bring bringing use using select".split())


_WHOM = frozenset(("me", "us", "you"))
_LETTING = frozenset("let lets letting allow allows allowing".split())
PARTS_CHOSEN_TRIGGERS = frozenset(("own", "whatever")) | _LETTING  # a question holding none chooses no parts


def parts_chosen(words: list[str]) -> set[int]:
    """Positions of the parts named after "pick/choose/bring my/our/your own" (up to five words on),
    "pick whatever" (up to seven) or "lets me pick" (five), or
    before it when nothing follows ("does flask force a database or auth approach on you, or can we
    pick our own?": up to ten words back)."""
    marked: set[int] = set()
    for k in range(1, len(words)):
        if words[k] == "whatever" and words[k - 1] in _CHOOSING:  # "pick whatever DB, auth and frontend"
            marked |= {j for j in range(k + 1, min(len(words), k + 8)) if words[j] in _OWN_PARTS}
        elif k > 1 and words[k] in _CHOOSING and words[k - 1] in _WHOM and words[k - 2] in _LETTING:
            # "flask lets me pick the frontend stack"
            marked |= {j for j in range(k + 1, min(len(words), k + 6)) if words[j] in _OWN_PARTS}
        elif k > 1 and words[k] == "own" and words[k - 1] in ("my", "our", "your", "their") and words[k - 2] in _CHOOSING:
            after = {j for j in range(k + 1, min(len(words), k + 6)) if words[j] in _OWN_PARTS}
            marked |= after or {j for j in range(max(0, k - 12), k - 2) if words[j] in _OWN_PARTS}
    return marked


# "ok I've read all the pros and cons, just tell me which one": what the asker has already weighed is
# behind them, not what is asked (a verb of having taken it in, up to three words before it)
WEIGHED = frozenset("pros cons tradeoffs tradeoff arguments comparisons".split())
_TAKEN_IN = frozenset("read reading seen heard after through weighed reviewed".split())


def already_weighed(words: list[str]) -> set[int]:
    """Positions of "pros and cons", "tradeoffs" and the like that the asker says they have already
    read or weighed ("after reading all the pros and cons", "I've gone through the tradeoffs")."""
    marked: set[int] = set()
    for k, w in enumerate(words):
        if w in WEIGHED and not _TAKEN_IN.isdisjoint(words[max(0, k - 4) : k]):
            marked.add(k)
            if w == "pros" and words[k + 1 : k + 3] == ["and", "cons"]:
                marked.add(k + 2)
    return marked


# "what is it?", "what actually is that thing?", "what does it do", "is that a library
# or what", "is django a python thing?", "..., what is django?" (asked at the end): the
# asker wants to know what the thing is.
_PRONOUN = r"(?:it|that|this)(?: thing)?"
_KINDS = r"(?:thing|library|lib|framework|tool|toolkit|package|language|product)"
_HEDGE = r"(?: (?:actually|exactly|even|really|precisely))?"
_WHAT = r"(?:what|wut|wat)"  # as typed in a hurry ("wut exactly is flask")
_MEANT = r"(?: (?:supposed|meant) to be)?"  # "what is django actually supposed to be"
# how short the answer is asked to be, after a comma ("what is flask, in a sentence or two?")
_SHORTER = r",?\s*(?:in (?:a|one|two|simple|plain|short|layman)\b|briefly|quickly|roughly|eli5)"
_IDENTITY = re.compile(
    rf"\b{_WHAT}{_HEDGE} is {_PRONOUN}{_HEDGE}\s*(?:[?.!,;:]|$)"
    rf"|\bwhat does (?:it|that) do\b"
    rf"|\bwhat(?: is|s)? (?:the )?meaning of\b"
    rf"|\b(?:{'|'.join(FRAMEWORKS)}) is what\b"
    rf"|\bwhat (?:{'|'.join(FRAMEWORKS)}){_HEDGE} (?:does|is){_HEDGE}\s*(?:[?.!,;:]|$|{_SHORTER})"
    rf"|\b{_WHAT}{_HEDGE}(?: is|['’]?s){_HEDGE} (?:{'|'.join(FRAMEWORKS)}){_HEDGE}{_MEANT}\s*(?:\?|$|{_SHORTER})"
    rf"|\bis (?:it|that|this|{'|'.join(FRAMEWORKS)})(?: like| just)? an? (?:\w+ )?{_KINDS}\b"
)
# "flask is technically a library, right?": said first, to be checked (matched at the start only: as a
# branch of _IDENTITY, a "^" would cost every search its fast scan for a first letter)
_IDENTITY_STATED = re.compile(rf"\s*(?:{'|'.join(FRAMEWORKS)}) is (?:\w+ )?an? (?:\w+ )?{_KINDS}\b")


def identity_asked(text: str, words: list[str]) -> str | None:
    """The framework a question asks *what it is* of, when it names exactly one and asks
    it of a pronoun or of a kind of thing ("i keep seeing django in job posts, what is
    it?", "flask?? is that a library or what"); None otherwise."""
    found = identity_and_teller(text, words)
    return found[0] if found else None


def identity_and_teller(text: str, words: list[str],
                        is_evidence: Callable[[str], bool] | None = None) -> tuple[str, frozenset[str]] | None:
    """``identity_asked``'s framework, with the words before the clause that asks it which the
    clause does not use ("*new to python web stuff*, what is flask?"): they say who asks or where
    they met it ("new to python", "in job posts"), not what is asked, even when a topic knows
    them (``words_in``); so do the words told after it when nothing else is asked ("what's django
    exactly? heard it called a full-stack framework"; not "... what is it? how do i deploy it").
    None when no such question is asked, or when what "it" does is asked of a word of the guide's
    said after the framework (``is_evidence``: "does django come with its own ORM and what does it
    do?")."""
    named = [f for f in FRAMEWORKS if f in words]
    if len(named) != 1:
        return None
    if "*" in text:  # "what *is* it exactly": Slack's bold is emphasis, not a word
        text = text.replace("*", "")
    m = _IDENTITY.search(text) or _IDENTITY_STATED.match(text)
    if m is None:
        return None
    if _POINTING.search(m.group(0)) and (_said_other_than_framework(words) or _named_part(words, named[0])
                                         or _ACRONYM_ASKED.search(text[: m.start()])
                                         or (m.group(0).startswith("what does")
                                             and _guide_word_between(text[: m.start()], named[0], is_evidence))):
        # "someone kept saying WSGI when talking about flask, what is that?": WSGI; "django admin panel,
        # what does it do?": the admin panel
        return None
    clause = m.group(0)
    if not clause.endswith("?") and (end := _CLAUSE_END.match(text, m.end())):
        clause += end.group(0)  # "what django is in a nutshell?": the clause runs to its "?"
    after = text[m.start() + len(clause):]
    if clause.endswith("?") and ("?" not in after and (opening := _FIRST_WORD.search(after))
                                 and opening.group(0) not in QUESTION_WORDS or _KIND_OF_THING.match(after)):
        # "what's django exactly? heard it called a full-stack framework": told after it, too; so is
        # the same asked again by kinds of thing ("... exactly? is it a language, a tool, a library?")
        return named[0], frozenset((words_in(text[: m.start()]) | words_in(after)) - words_in(clause)
                                   - set(FRAMEWORKS))
    if not m.start():
        return named[0], frozenset()
    return named[0], frozenset(words_in(text[: m.start()]) - words_in(text[m.start():]) - set(FRAMEWORKS))


def _guide_word_between(before: str, framework: str, is_evidence: Callable[[str], bool] | None) -> bool:
    """Is a word of the guide's said after the framework's last mention in ``before`` (the text before
    the clause that asks)?"""
    at = before.rfind(framework)
    return is_evidence is not None and at >= 0 and any(
        is_evidence(w) for w in words_in(before[at + len(framework):]) if w not in FRAMEWORK_SET and is_content(w))


_FIRST_WORD = re.compile(r"[^\W_]+")
# "is it a language, a tool, a library...?", "or is it more like a library?": what kind of thing it is
_KIND_OF_THING = re.compile(r"\s*(?:(?:so|or|like|and)\s+)?is (?:it|that|this) (?:an?|like|just|basically|more like"
                            r"|some (?:kind|sort) of|a kind of|a sort of)\b[^?]*\?[\s?.!]*$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[^.!?\n]{0,30}\?")  # the rest of a clause, up to its "?"
_POINTING = re.compile(r"\b(?:it|that|this)\b")
# "what does WGSI stand for and what does it do for flask": "it" is what was spelt out
_ACRONYM_ASKED = re.compile(r"\bstands? for\b", re.IGNORECASE)
# "kept saying wsgi", "mentioned blueprints", "talking about csrf": a word said, which "what is that?" asks about
_SAYING = frozenset("saying mentioning mentioned mentions using throwing".split())


def _named_part(words: list[str], framework: str) -> bool:
    """Is the framework's name followed by a word naming a part of it ("django *admin* panel")?"""
    k = words.index(framework)
    return k + 1 < len(words) and is_content(words[k + 1]) and words[k + 1] not in _NOT_A_PART


_NOT_A_PART = frozenset("keeps kept keep comes came come pops popped shows showed is are was were".split())


def _said_other_than_framework(words: list[str]) -> bool:
    """Is a word other than a framework's name the one someone was heard saying ("kept saying *wsgi*")?"""
    return any(w in _SAYING and words[k + 1 : k + 2] and words[k + 1] not in FRAMEWORKS
               and words[k + 1] not in ("it", "that", "this", "a", "the", "to", "about", "in", "at", "we", "you", "i")
               for k, w in enumerate(words))


def words_in(part: str) -> set[str]:
    """The words of ``part`` as ``bot.matching.resolve`` may read them: a hyphenated word both
    joined and in its parts ("e-commerce": "ecommerce", "e", "commerce")."""
    if "-" not in part:  # most text: its words as they are
        return set(tokens(part, keep_hyphens=True))
    found = set()
    for w in tokens(part, keep_hyphens=True):
        found.add(w.replace("-", ""))
        if "-" in w:
            found.update(w.split("-"))
    return found


# "not asking about hosting or pricing, just the framework fit", "not worried about
# performance": subjects set aside, not asked about
_DISCLAIMERS = (("not", "asking", "about"), ("not", "about"), ("not", "interested", "in"),
                ("not", "worried", "about"), ("not", "concerned", "about"), ("dont", "care", "about"),
                ("no", "need", "for"), ("leaving", "aside"), ("ignoring",),
                ("outside", "of"), ("apart", "from"), ("aside", "from"), ("other", "than"))  # "what does the admin do outside of shops?"
DISCLAIMER_LEADS = frozenset(lead[0] for lead in _DISCLAIMERS)  # cheap test before set_aside
_DISCLAIMED_END = frozenset("just but only so which what how is are should can i we your you pick thoughts help"
                             .split())


def not_needed(words: list[str]) -> set[int]:
    """Positions of what a project told says it does not need ("a handful of pages, *no user
    accounts*"): up to three words after "no", to a word that starts the next thought. Only for a
    project told before a bare choice: in a question, "flask has no admin?" asks about the admin.
    Not what the project wants nothing to do ("no framework *dictating* structure", "no one telling us
    what to use"): a want of freedom, which is what it needs."""
    marked: set[int] = set()
    for k, w in enumerate(words):
        if w == "no":
            span = []
            for j in range(k + 1, min(len(words), k + 4)):
                if words[j] in _DISCLAIMED_END:
                    break
                span.append(j)
            if not any(words[j].endswith("ing") and len(words[j]) > 5 for j in span[1:]):  # ("no existing code")
                marked.update(span)
    return marked


def set_aside(words: list[str]) -> set[int]:
    """Positions of the words a question sets aside ("not asking about *hosting or pricing*,
    just the framework fit"): up to four words after a disclaimer, to a word that starts the
    next thought ("just", "but", "which"...); a framework's name is never set aside."""
    marked: set[int] = set()

    def mark_after(start: int) -> None:
        for j in range(start, min(len(words), start + 4)):
            if words[j] in _DISCLAIMED_END:
                break
            if words[j] not in FRAMEWORKS:  # "not worried about django performance"
                marked.add(j)

    for k in range(len(words)):
        if words[k] not in DISCLAIMER_LEADS:
            continue
        if words[k] == "not" and k + 1 < len(words) and words[k + 1] in _ARTICLES and "mean" in words[k + 2 : k + 8]:
            mark_after(k + 2)  # "not the admin panel, I mean the database layer"
            continue
        for lead in _DISCLAIMERS:
            if tuple(words[k : k + len(lead)]) == lead:
                mark_after(k + len(lead))
                break
    return marked


_ARTICLES = frozenset(("the", "a", "an"))


# "write me a flask hello world", "a code example for a django model": code, which the guide
# never gives (pasted code and "snippet" decline the same way: bot.text.code_terms, bot.neutral)
_CODE_ASKS = frozenset((("hello", "world"), ("code", "example"), ("code", "examples"), ("example", "code"),
                        ("sample", "code"), ("code", "sample"), ("code", "samples")))


def code_asked(words: list[str]) -> str | None:
    """The words asking for code ("hello world", "code example"), if any."""
    for pair in zip(words, words[1:]):
        if pair in _CODE_ASKS:
            return " ".join(pair)
    return None


# "write me a flask route that returns json", "can you write a django model for a blog post":
# the asker wants code written, which the guide never gives. The verb must be addressed to the bot
# ("write me", "can you write", or first in the message), and a piece of code follow within
# five words: "can you write rest apis in flask" asks what one can do, and "write me a summary"
# no code.
CODE_VERBS = frozenset(("write", "generate"))
_CODE_PIECES = frozenset("route routes view views model models endpoint endpoints function functions script"
                         " class decorator snippet template query serializer middleware migration test tests"
                         " code".split())
_ADDRESSED = frozenset(("me", "us"))


def code_requested(words: list[str]) -> str | None:
    """"write me a … route", "can you write a … model", "generate a … view": code asked for."""
    for k, w in enumerate(words):
        if w not in CODE_VERBS:
            continue
        before = [b for b in words[max(0, k - 3) : k] if b not in ("please", "pls")]
        after = words[k + 1 : k + 6]
        addressed = (not before                                   # "write a flask route ..."
                     or before[-2:] in (["can", "you"], ["could", "you"], ["would", "you"], ["will", "you"])
                     or (after[:1] and after[0] in _ADDRESSED))   # "write me", "write us"
        piece = next((p for p in after if p in _CODE_PIECES), None)
        if addressed and piece:
            return f"{w} ... {piece}"
    return None


# "who's booking the meeting room?", "who is taking notes on the django discussion": the running of
# a meeting, never the guide's
_ROOM_KINDS = frozenset("meeting conference board break".split())
_NOTE_TAKING = frozenset("taking take takes took".split())
MEETING_WORDS = frozenset(("room", "rooms", "notes", "notetaker", "time"))


def meeting_logistics(words: list[str]) -> str | None:
    """"meeting room", "conference rooms", "taking notes", "notetaker", "what time is the demo": office talk."""
    for a, b in zip(words, words[1:]):
        if (b in ("room", "rooms") and a in _ROOM_KINDS) or (b == "notes" and a in _NOTE_TAKING):
            return f"{a} {b}"
        if a == "what" and b == "time" and "is" in words:  # "what time is the sprint demo on friday?"
            return "what time"
    return "notetaker" if "notetaker" in words else None


# "how long would it take to build an e-commerce mvp", "how many weeks to get a rest api done":
# an estimate of the asker's own work, which the guide never gives
_DURATIONS = frozenset("hours days weeks months years sprints".split())
_TAKING = frozenset("take takes taking would will does did to".split())
ESTIMATE_WORDS = frozenset(("long", "many", "estimate", "estimates", "estimation", "eta", "sprint", "sprints",
                            "date", "timeline", "launch"))
# "a two-sprint or four-sprint job": a count of sprints is an estimate too
_COUNTS = frozenset("one two three four five six seven eight half couple few".split())
_SIZED = frozenset("or job task effort thing project".split())
# "how long does it take to get comfortable with django": how hard it is to learn, the guide's
_LEARNING = frozenset("learn learning learned learnt comfortable proficient productive fluent master grasp ramp"
                      " onboard onboarding hard harder easy easier difficult".split())


# what a product's feature is called after what it works out ("ETA predictions", "an estimates tool")
_FEATURES = frozenset("prediction predictions predictor predictors model models engine feature features calculator"
                      " calculation calculations tool tools service api system app page screen".split())


# what comes before a date or a timeline the asker would be given ("a realistic launch date")
_PLANNED = frozenset("launch release delivery go-live golive realistic likely rough expected target".split())


def estimate_asked(words: list[str]) -> str | None:
    """"how long ... take", "how many weeks", "estimate": an estimate of the asker's work."""
    if not _LEARNING.isdisjoint(words):
        return None
    for k, w in enumerate(words):
        if w in ("estimate", "estimates", "estimation", "eta") and not next_in(words, k, _FEATURES):
            return w  # (not "route ETA predictions", "an estimates tool": what the asker's product does)
        if w in ("date", "timeline", "launch") and k and words[k - 1] in _PLANNED:
            return f"{words[k - 1]} {w}"  # "a realistic launch date", "a realistic timeline", "realistic launch"
        if (w in ("sprint", "sprints") and k and (words[k - 1] in _COUNTS or words[k - 1].isdigit())
                and words[k + 1 : k + 2] and words[k + 1] in _SIZED):
            return f"{words[k - 1]} {w}"  # "a two-sprint or four-sprint job" ("1 sprint, flask?" only says how long)
        if k and words[k - 1] == "how":
            if w == "long" and not _TAKING.isdisjoint(words[k + 1 : k + 4]):
                return "how long"
            if w == "many" and words[k + 1 : k + 2] and words[k + 1] in _DURATIONS:
                return f"how many {words[k + 1]}"
    return None


# "is express easier than flask", "fastapi vs django for apis": a comparison with a framework
# or language the guide never compares
_AGAINST = frozenset(("than", "vs", "versus", "or", "compared", "compare", "compares", "over", "beat", "beats",
                      "outperform", "outperforms"))
_HEDGES = frozenset(("something", "so", "whatever", "smth", "sth", "similar"))


# what surrounds an HTTP status ("returns a 500 on checkout", "getting 502s", "a 404 error")
_STATUS_BEFORE = frozenset("return returns returned returning throw throws threw throwing get gets got getting give"
                           " gives gave giving a an random".split())
# what names a status whatever follows it ("Forbidden (403)", "http 500", "status 404")
_STATUS_NAMES = frozenset("forbidden unauthorized unauthorised http status error".split())
_STATUS_AFTER = frozenset("error errors status page pages response responses code codes on in when for from after"
                          " every sometimes only s".split())


# every 4xx and 5xx status, to test a question's words against in one set operation
STATUS_CODES = frozenset(str(n) for n in range(400, 600))


def status_named(words: list[str]) -> str | None:
    """An HTTP error status the asker gets ("our app returns a 500 on checkout", "a 404 error"):
    a failure to debug, which the guide does not cover; not "500 users"."""
    for k, w in enumerate(words):
        if w in STATUS_CODES and (
                (k and words[k - 1] in _STATUS_NAMES)
                or (k and words[k - 1] in _STATUS_BEFORE and (k + 1 == len(words) or words[k + 1] in _STATUS_AFTER))
                or (k + 1 < len(words) and words[k + 1] in ("error", "errors", "status"))):
            return f"http {w}"
    return None


def other_compared(words: list[str]) -> str | None:
    """The other technology a question compares Flask or Django with ("express" in "is
    express.js easier than flask"), when a comparing word and a framework's name stand within
    four words of it; None otherwise. The asker's background compares nothing ("coming from
    node, is flask or django easier", "node dev here: flask or django?", "team used to symfony, so
    flask or django")."""
    for k, w in enumerate(words):
        if w not in OTHER_TECHNOLOGIES or (k and words[k - 1] == "from") or words[max(0, k - 2) : k] == ["used", "to"] or (
                words[k + 1 : k + 2] and words[k + 1] in BACKGROUND_ROLES):
            continue
        near = words[max(0, k - 4) : k] + words[k + 1 : k + 5]
        at = near.index("or") if "or" in near else -1
        if 0 <= at < len(near) - 1 and near[at + 1] in _HEDGES:
            del near[at]  # "sounds like spring modules or something": a hedge, not an alternative
        if not _AGAINST.isdisjoint(near) and any(f in near for f in FRAMEWORKS):
            return w
    # "rails has a way better ORM than django": the technology said, then "than" and a framework
    for k, w in enumerate(words):
        if w == "than" and not FRAMEWORK_SET.isdisjoint(words[k + 1 : k + 3]):
            before = words[max(0, k - 8) : k]
            told = [t for j, t in enumerate(before) if t in OTHER_TECHNOLOGIES and (j == 0 or before[j - 1] != "from")]
            if told and FRAMEWORK_SET.isdisjoint(before):
                return told[0]
    return None


# "an ORM like hibernate", "batteries-included like rails", "a nova/filament style admin panel":
# other products named as examples of what a word of the guide's means
ANALOGY_MARKERS = frozenset(("like", "style", "styled", "esque"))


_HEDGES_BEFORE_LIKE = frozenset("kinda kind sort sorta of basically just pretty much roughly more".split())
_POINTERS = frozenset(("it", "that", "this", "they", "those", "these"))  # "is it roughly like a rails engine"
_JOINING = frozenset(("or", "and", "a", "an", "the"))


def examples_named(words: list[str], known: dict[int, bool]) -> set[int]:
    """Positions of the words the guide does not know that name an example of a word it does: up to
    two after "like" that follows one ("an *orm* like hibernate"; not after a framework's name: "is
    flask like express" compares), or before "style" and the like that precede one ("nova style
    *admin*"). They are neither evidence nor held against the question."""
    found: set[int] = set()
    for k, w in enumerate(words):
        if w == "like":
            b = k - 1
            while b > 0 and words[b] in _HEDGES_BEFORE_LIKE:  # "a blueprint *kinda* like an express router"
                b -= 1
            pointed = b >= 0 and words[b] in _POINTERS
            if b >= 0 and (known.get(b) and words[b] not in FRAMEWORK_SET or pointed):
                j = k + 1
                while j < len(words) and words[j] in ("a", "an", "the"):
                    j += 1
                # (what a pronoun is likened to may be named twice: "a rails engine or a laravel package")
                named = 0
                while j < len(words) and named < (4 if pointed else 2):
                    if pointed and words[j] in _JOINING:
                        j += 1
                        continue
                    if known.get(j) is not False:
                        break
                    found.add(j)
                    named += 1
                    j += 1
        elif w in ANALOGY_MARKERS and known.get(k + 1) and words[k + 1] not in FRAMEWORK_SET:
            # "nova style admin", "rails esque routing"
            for j in range(k - 1, max(-1, k - 3), -1):
                if known.get(j) is not False:
                    break
                found.add(j)
    return found
