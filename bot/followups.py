"""Follow-up questions that only name the other framework: "and django?" (pure).

After "why would I choose flask?", a person asks "and django?" or "what about
django then?" and means "why would I choose django?". ``rewrite(previous, text)``
gives that question, or None when ``text`` is not such a follow-up or the
previous question cannot be turned round:

* the follow-up names one framework (one typo allowed: "djnago") or the
  other one ("the other one", "vice versa", "the alternative") with nothing
  but leading and trailing words (``_LEADS``): "and django?", "what about
  django then?", "same question for django", "or flask?", "flask too?",
  "django?" alone; a "+1" or an emoji is no word ("+1, also django?");
* or it names one and points back ("it", "that", "one", "same", "too",
  "there"...) with nothing else but small words (``_SMALL_WORDS``): "does
  django have that too?", "is it the same in django?", "does flask use it?",
  "what about django at that size?" ("that" and the one or two words it names),
  "how does flask deal with it" ("deal with" after a verb or the name is "handle": "what's the deal
  with it" keeps its noun), "does that apply to flask too", "django's version of that?", "why pick the
  other one then?".
  "what is django?" and "how does django work" point nowhere: they are
  questions of their own;
* or it asks why, what that means or for examples ("why?", "how come?", "why
  that one?", "what does that mean?", "examples?", "what kinds of apps, for example?", or two at once: "like which
  ones? give me examples"), or is a short why-question pointing back ("ok but
  why would I bother using them", "why's it a good fit for that kind of thing":
  "that kind of thing" is "that"), one naming both frameworks too ("why flask
  over django for that?"): the last question is asked
  again as it was, since its answer gives the reasons and the examples;
* or it is a short question pointing back ("it", "that", "they"...), with
  nothing before the pointer that it could stand for ("is it secure?", "how
  does that work?", "what can you do with it?", "which algorithm does it
  use?"). Whether it asks something of its own is for the caller to judge
  (``own_subject``: the answerer, on the question without its pointers):
  "is it secure?" does, and "it" becomes the framework the last question
  named ("is django secure?"); "how does that work?" does not, and is read
  together with the last question ("does django protect against CSRF? how
  does that work"), since "that" is what was just asked about; so is one pointing with
  words that say no more than "that" ("what does that kind of attack do to a user?", "how would
  it cope with the traffic those apps get?", which count as that one word), naming one of them
  ("could I reuse one of those in a different project?") or asking what the last answer spans
  ("does that include APIs?", "which operations does that cover?");
* or it is a short question about doing something with "it" ("could I build
  an API with it too?", "what can we make in it?"): someone ("I", "we",
  "you") does it with "it", so "it" is the tool, not the thing the message
  names, and is read as above ("could I build an API with django too?");
* or it names one side alone ("pros?", "and the downsides?", ``_ASPECTS``)
  after a question naming one framework: that side of it ("pros of django?");
* or it puts a condition to the last question ("and if our team is only two
  people?", "what if I mostly want big complex apps?", "even if I've never
  coded before?"). One the guide
  cannot answer alone (``answered``: the answerer, on the message as it is) is
  read together with the last question ("so which should we pick in the end?
  and if our team is only two people?"), which it asks again under
  that condition; one the guide answers alone names what it wants, and is a
  question of its own ("what if I mostly want big complex apps?": the answer
  on project size). A bare "if ..." or one that asks something else ("and if
  you had to pick one, which?") is a question of its own too;
* or it asks for the short version ("tl;dr?", "in one line?", "short version
  pls") or the last answer laid out for someone ("can you give me that as 3 bullet
  points for my manager"): the last question again, whose answer is the short version; or it
  asks which of the two for what was just asked ("so which is better for
  that?"): read together with the last question; or it corrects the framework
  ("ugh typo, django*", "sorry i meant flask", "sorry, i meant for flask"): the last question about it;
* or it names one framework and ends pointing back ("would flask be enough for that?", "is
  django a good fit for this?", "flask or django for that?"), after a message that named none
  (a project told): read together with it;
* whatever else it says, a message saying it moves on ("unrelated, but ...", "meh, moving on:
  ...", ``_NEW_SUBJECT``) is a question of its own;
* or it pushes back on the last answer ("nah i dont buy it, ...", "meh orms just spit out
  garbage sql", "that reads like marketing copy, what is it actually", up to
  ``MAX_PUSHBACK_CHARS``): read together with the last question, whose answer it doubts,
  unless the guide answers it alone ("not convinced django is a good fit for an API. can it
  even do APIs?");
* a framework may be named by what it is known for ("and the micro one?",
  "the batteries-included one?", ``by_name``), as its name would be; a
  message naming one that way and asking something of its own ("so the
  lightweight one gives you more freedom?") is that question with the name;
* the previous question does not already ask about the framework the
  follow-up names; frameworks count as words of their own ("flask-login" is
  not "flask").

When the previous question names one, every standalone mention of it is
swapped for the other, keeping its case: "Is Flask's ORM..." becomes "Is
Django's ORM...". When it names both, only "vice versa" (or "the other one")
turns it round, and the two swap places. When it names none, the framework is
added: "what is an ORM?" then "and flask?" asks "what is an ORM in flask?"
("the other one" then means nothing: None).

``conversation_key`` says which earlier question a follow-up may refer to: the
one in the same thread of a channel, or the same person's last one in a DM
(messages and slash commands alike) or in a channel (slash commands).
"""

from __future__ import annotations

import re
from typing import Callable

from bot.edits import edit_distance_up_to_one
from bot.epithets import by_name
from bot.intents import Intent, Kind
from bot.text import SLACK_EMOJI

__all__ = ["by_name", "conversation_key", "frameworks_named", "is_follow_up", "kept_for_follow_ups", "read_as",
           "rewrite", "words_of"]

FRAMEWORKS = ("flask", "django")
MAX_FOLLOW_UP_CHARS = 80    # "ok so and what about for django then please" is 45
MAX_KEPT_CHARS = 500        # a longer question is not kept: memory stays small whatever people paste
MAX_PUSHBACK_CHARS = 200    # "nah i dont buy it, flask is only easy until u have to choose 6 libraries urself"

# Words that point back to what was asked before...
_POINTERS = frozenset("it that this these those them one ones all same too also there instead either equivalent"
                      " counterpart".split())  # ("and the django equivalent?": of what was just asked)
# ...words that lead to a framework's name, or trail it ("and django?", "flask too?", "or flask then")...
_LEADS = frozenset(
    "and n or but so ok okay k now then what how about of in for with on same question thing q again too also as any "
    "vs versus "
    "well though instead please pls plz specifically only hmm right cool thanks case the teh framework guy "
    "thx ty thank nice ah oh alright yeah yep yes sure gotcha perfect interesting cheers lol "  # "thx! and django?"
    "huh wow neat makes sense ditto tho "  # "huh interesting, and for flask?", "makes sense. and django?", "ditto for django"
    "dev devs developer developers folks side".split())  # "and django devs?", "and on the django side?"
# ...and the other words a follow-up that points back may hold besides one framework name.
_SMALL_WORDS = _POINTERS | _LEADS | frozenset(
    "is s are does do did can could would will have has a i we you get got great better worse different true hold work works "
    "apply applies handle handles go goes like look looks mean compare compared take use uses using need "
    "needs offer offers support supports include includes come comes provide provides protect protects "
    "against something similar equivalent built ship ships why front good flip flipped exist exists stop stops "
    "prevent prevents say "
    "version versions counterpart to pick choose than tho big bigger major famous notable tiny little "
    "steelman pitch sell defend which count counts qualify qualifies anyone anybody "
    "u wire up set myself ourselves yourself urself manually by make d ll ve".split())  # (we'd, we'll, we've)
# ("django's version of that?", "does that apply to flask too", "why pick the other one then?", "what
# about django, anyone big?", "and in flask u have to wire it all up urself?")
# "why?", "how come?", "why that one?", "what does that mean?", "examples?": the reasons, meaning
# or examples behind the last answer, which that answer gives
# ("like which ones? give me examples": two such asks in a row are one)
_WHY_ASK = (r"(?:why|how|how come|how so|why so|why is that|why is it|why is that so|in what way|"
            r"why (?:that|this)(?: one)?|what does (?:that|it|this)(?: even| actually)? mean|meaning|"
            r"(?:any |some |give me |give me some |give me a few |a few |got any )?examples|for example|like what|"
            r"(?:like )?which ones|such as|(?:can you )?name (?:one|some|a few|a couple|any)|give me one|"
            # "give me example where i use it in real": an example of the last answer's subject in use
            r"(?:give me |give )?(?:an |one |some )?examples? (?:of )?where (?:i|we|you|u) (?:would |could |can |d )?"
            r"use (?:it|them|one|this|that)(?: in real(?: life| world| case)?)?|"
            # "what kinds of apps, for example?": the examples the last answer gives
            r"(?:what|which) (?:kind|kinds|sort|sorts|type|types) of (?:apps|projects|things|sites)|"
            r"(?:one|an|any) example|example|(?:give me |got )?(?:a|an|one|some|any) (?:concrete|real|specific|"
            r"practical|real world|actual) examples?|"
            # "tell me more", "go deeper", "whats the reasoning there": more of the last answer, which is all there is
            r"tell me more|more|more please|go deeper|deeper|elaborate|expand on that|more detail|more details|"
            r"(?:what is |whats )?the reasoning(?: there| behind that| behind it)?|reasoning|rationale|"
            r"(?:an |any |some |give me an? )?(?:other )?examples? of (?:that|this|it|those|these)"
            r"(?: (?:kind|kinds|sort|sorts|type|types) of (?:app|apps|thing|things|project|projects))?|"
            # "says who?", "source?", "really?", "you sure?": where the last answer comes from, which it names
            r"says who|who says|(?:a |any |the )?(?:source|sources|citation)|really|seriously|for real|"
            r"(?:are )?you sure|sure about that|is that (?:true|right))"
            r"(?:\s+(?:exactly|though|tho|so|then|please|pls|specifically))?")
_WHY = re.compile(rf"^(?:(?:but|wait|ok|okay|and|so|hmm+|really|huh|like|sorry)\s+)*{_WHY_ASK}(?:\s+{_WHY_ASK})?"
                  r"(?:\s+(?:other than|besides|apart from|except|beyond)(?:\s+the)?\s+\w+)?$")  # "any example other than the admin?"
def _opening(words: str) -> str:
    """A pattern's start: any of ``words`` (space-separated, each a pattern) leading the message, each
    followed by a space ("ok so", "hmm but")."""
    return r"^(?:(?:" + "|".join(words.split()) + r")\s+)*"


# "tl;dr?", "in one line?", "short version pls": the last answer, which is short already, again
_SHORTER = (r"(?:tl dr|tldr|in short|short version|the short version|in one line|one line|one liner|in a sentence|"
            r"in one sentence|summary|summarise|summarize|sum it up|the gist|gist|eli5|in plain english|"
            r"plain english|in plain words|in simple terms|in simple words|in layman s terms|in laymans terms)")
_SHORT = re.compile(_opening("ok okay so and can could you i get give gimme me the a just")
                    + rf"{_SHORTER}(?:\s+{_SHORTER})?"  # "tl;dr in one line pls"
                    r"(?:\s+of\s+(?:why|it|that|this))?"  # "gimme the short version of why"
                    r"(?:\s+(?:pls|please|plz|then|version|again|lol|thx|thanks))*"
                    r"(?:\s+yes or no)?"
                    r"(?:\s+(?:im|i am)\s+\w+(?:\s+\w+){0,5})?$")  # "eli5 pls im in support not eng lol"
# "can you give me that as 3 bullet points for my manager", "put it in a table pls": the last answer,
# laid out for someone; it is what it is, so the last question again
_REFORMAT = re.compile(_opening("ok okay so and can could would you u pls please just") + r"(?:give|put|write|send|make|"
                       r"turn|lay|format|paste)\s+(?:me\s+)?(?:that|this|it)\s+(?:out\s+)?(?:as|in|into)\s+(?:\w+\s+)?"
                       r"(?:bullet points|bullets|bullet list|list|table|slide|tweet|one liner|few lines)"
                       r"(?:\s+(?:for|to)\s+(?:my|our|the)\s+\w+)?(?:\s+(?:pls|please|plz|thanks|thx))*$")
# "nah i dont buy it, ...", "meh orms just spit out garbage sql", "that reads like marketing copy":
# push-back on the last answer, read with it unless the guide answers it alone (``rewrite``)
_PUSHBACK = re.compile(_opening("ok okay so hmm+ um+ well but and") + r"(?:nah|meh|eh|doubt it|i doubt|not buying|"
                       r"i dont buy|dont buy|i don t buy|don t buy|hard disagree|i disagree|disagree|"
                       r"no way|come on|lol no|lol thats it|lol that s it|thats not what|that s not what|that is not what|"
                       r"that reads like|sounds like marketing|reads like marketing|that seems outdated|seems outdated|"
                       r"not convinced|im not convinced|i m not convinced|isnt that just|isn t that just|hardly)\b")
# "unrelated, but ...", "moving on: ...", "different question: ...": what follows is a question of its own
_NEW_SUBJECT = re.compile(r"\b(?:unrelated|moving on|different question|new question|separate question|other question|"
                          r"separate thing|different thing|another thing|"
                          r"change of topic|changing topic|switching gears|on another note|side question)\b")
# "ok but we have 0 experience in python": the asker's situation put to the last question
_BUT_WE = re.compile(r"^(?:(?:ok|okay|yeah|yes|sure|hmm|right)\s+)?but\s+(?:we|i|im|our|my|were|ive|weve)\s+\w+")
# "same q but im coming from node": the last question, asked again under a condition
_SAME_BUT = re.compile(_opening("ok okay so and hmm") + r"same(?:\s+(?:q|question|thing|here))?\s+but\s+\w+")
# "so django wins here?", "so flask is out for us?": whether the last answer came down for or against
# a framework, which that answer says
_VERDICT_CHECK = re.compile(_opening("ok okay and hmm then") + r"(?:so\s+(?:flask|django)\s+(?:wins|won|is the winner|"
                            r"is out|is ruled out|loses|is better|comes out ahead|comes out on top)"
                            r"|(?:so\s+)?(?:flask|django)\s+it\s+is)"  # "flask it is, then?"
                            r"(?:\s+(?:here|then|for us|for me|for this|for that|right|huh|again|too|yeah))*$")
# "still true in 2025?", "is that advice current for 2025 or is it old?": whether the last answer
# still holds, which it says as it stands
_STILL_HOLDS = re.compile(_opening("but ok okay and so hmm wait") + r"(?:(?:is|does)\s+(?:that|this|it)\s+"
                          r"(?:advice\s+|info\s+|answer\s+)?)?(?:still\s+)?(?:true|current|valid|accurate|relevant|"
                          r"up to date|the case|hold|holds)(?:\s+(?:in|for|as of)\s+(?:20\d\d|this year|today|now))?"
                          r"(?:\s+or\s+(?:is\s+it\s+)?(?:old|outdated|dated))?$")
# "is that true for big apps too?", "this is true also for big project?": the last answer checked for a
# case of the asker's; it says what it says of that case ("big apps" is no new subject here)
_TRUE_FOR = re.compile(_opening("but ok okay and so hmm wait") + r"(?:is\s+)?(?:that|this|it)\s+(?:is\s+)?"
                       r"(?:also\s+|still\s+)?(?:true|the case|valid|right)\s+(?:also\s+|too\s+)?"
                       r"(?:for|with|when|at|in)\s+\w+(?:\s+\w+){0,5}$")
# "ugh typo, django*", "sorry i meant flask": the last question, about the framework named
_CORRECTING = frozenset("ugh oops whoops sorry sry typo correction i meant mean for in about".split())
# "for a student?", "and for a team of juniors?", "what about as a complete beginner?": the last question
# asked for someone else, read together with it
_AUDIENCE_LEADS = frozenset("and but so ok okay what how about even".split())
_AUDIENCE = frozenset("student students beginner beginners newbie newbies noob noobs junior juniors senior seniors"
                      " intern interns team teams kid kids teacher teachers freelancer freelancers newcomer"
                      " newcomers grad grads dev devs developer developers person people someone somebody"
                      " folks engineer engineers".split())
MAX_AUDIENCE_WORDS = 7
# "and for someone who already knows python pretty well?": the audience described, a little longer
MAX_DESCRIBED_AUDIENCE_WORDS = 12
_DESCRIBING = frozenset(("who", "that", "with", "without"))
# "so which is better for that?", "which one for this": a choice asked about what was just asked
_CHOICE_FOR_THAT = re.compile(_opening("ok okay so and but then hmm") + r"(?:which(?:\s+one)?(?:\s+(?:is|would be|"
                              r"is the|s))?(?:\s+(?:better|best|the better one|the best one|you'd pick|to pick|"
                              r"should i pick|should we pick|should i use|should we use))?|flask or django|"
                              r"django or flask)\s+(?:for|with|in)\s+(?:that|this|it|those|these)(?:\s+then)?$")
# "is flask?", "can django?", "and does flask?": the question's verb, the other subject
_VERBS = frozenset("is are was can could does do did will would should has have".split())
# "the other one", "vice versa", "the alternative", "and the reverse?"
_OTHER = frozenset({"other", "vice", "versa", "alternative", "reverse", "opposite"})
# "is it secure?", "how does that work?", "what can you do with it?": a short question pointing back
# with one of these; "that", "this"... only when no noun follows ("is that a flask thing" names its own)
_PRONOUNS = frozenset("it its they them".split())
_THOSE = frozenset("those these them".split())
_WHAT_IS_IT = frozenset("what whats is s it that this exactly even actually".split())
_DEMONSTRATIVES = frozenset("that this those these".split())
# "does that include APIs", "which operations does that cover": what the last answer spans
_SPANNING = frozenset("include includes cover covers".split())
# "could I reuse one of those in a different project?": one of the things just asked about
_ONE_OF_THOSE = re.compile(r"\bone of (?:those|these|them)\b", re.IGNORECASE)
_SPANNED = re.compile(rf"\b(?:that|this) (?:{'|'.join(sorted(_SPANNING))})\b", re.IGNORECASE)
_AFTER_DEMONSTRATIVE = _VERBS | frozenset(
    "work works mean means do help helps matter happen true right correct so possible good bad safe be been change"
    " changed apply hold".split()) | _SPANNING
# only these words may come before the pointer
_BEFORE_POINTER = _VERBS | frozenset(
    "what which how who why when where and so but ok okay k then hmm also wait i we you people choose pick use "
    "uses learn s makes make actually with exactly about at to on from really even still just run runs reuse share"
    .split())
# "what about django at that size?", "and flask in that case?": a preposition, "that" and what it
# names, at the end of a follow-up naming a framework
_POINTED_PREPOSITIONS = frozenset("at in for with on of".split())
_IT = re.compile(r"\b(it|its)\b", re.IGNORECASE)
# "what does that kind of attack do", "how would it cope with the huge traffic those apps get": the
# thing just asked about, named by words that say no more than "that" (and count as that one word)
_POINTED_NOUNS = frozenset("app apps site sites attack attacks part bit".split())
_KIND_OF = r"(?:(?:kind|kinds|sort|sorts|type|types) of )?"
_POINTED_NOUN = re.compile(rf"\b(that|this|those|these) {_KIND_OF}(?:{'|'.join(sorted(_POINTED_NOUNS))})\b",
                           re.IGNORECASE)
MAX_PRONOUN_WORDS = 8
MAX_FOR_THAT_WORDS = 10  # "would django hold up for that" after a project told: one framework put to it
_FOR_THAT = frozenset(("for", "with", "in", "on"))
MAX_POINTING_WORDS = 10  # "what makes it cope with all the traffic tho": a pointer's question may be longer
# "could I build an API with it too?", "what can we make in it?": someone doing something with "it",
# the tool; so "it" cannot be the thing the question names
_TOOL_PREPOSITIONS = frozenset("with in using on".split())
_PEOPLE = frozenset("i we you u".split())
_OPENERS = frozenset("and so but ok okay then hmm wait k".split())
MAX_TOOL_WORDS = 10
# "what if I mostly want big complex apps?", "and if our team is only two people?": the last
# question asked again under a condition; these lead to its "if" ("if" alone may open a question of
# its own: "if you had to pick one for me which would it be"), and a condition holding one of
# ``_ASKING`` asks its own question ("and if you had to pick one, which?")
_IF_LEADS = frozenset("and but so ok okay hmm well wait now then k oh even".split())  # "even if I've never coded?"
_ASKING = frozenset("which what how why who where when should would".split())
_WH = frozenset({"which", "what"})  # "which algorithm does it use": the noun asked for, not what "it" is


# "what about big ones?", "and for a more complex one?", "and for a tiny side project?": the last
# question about another size or kind of what it asked ("one" stands for its app or project). The
# word of this family in the last question is swapped for the new one ("is flask good for a small
# app?": "... for a big app?"); a last question with none ("flask for a prototype?") leaves the
# follow-up a question of its own.
_ONES = frozenset({"one", "ones"})
# ...or the thing itself, with at most one word of its own before it ("and for a tiny side
# project?": "side" goes, the size is what is asked)
_KIND_NOUNS = _ONES | frozenset(
    "project projects app apps application applications site sites website websites".split())
_BEFORE_KIND = frozenset("a an the really very more much super even".split())
_KINDS = frozenset(
    "small smaller smallest little tiny big bigger biggest large larger largest huge massive giant medium "
    "simple simpler complex complicated lightweight heavy heavier enterprise basic advanced".split())
_KIND = re.compile(rf"\b(?:{'|'.join(sorted(_KINDS))})\b", re.IGNORECASE)


def _kind_asked(words: list[str]) -> str | None:
    """The word a refinement asks about ("big" in "what about big ones?"), or None."""
    if not 2 <= len(words) <= 7 or words[-1] not in _KIND_NOUNS or _OTHER.intersection(words):
        return None
    at = len(words) - 2
    if words[at] not in _KINDS and words[-1] not in _ONES and at and words[at - 1] in _KINDS:
        at -= 1  # "a tiny side project": one word of its own between
    if _framework_word(words[-2]):
        return None
    kind, before = words[at], words[:at]
    return kind if kind in _KINDS and all(w in _LEADS or w in _BEFORE_KIND for w in before) else None


def _as_a_word(name: str) -> re.Pattern[str]:
    """``name`` as a word of its own: not inside "flask-login", "django_rest" or "flask.app"."""
    return re.compile(rf"(?<![\w.-])(?:{name})(?![\w-]|\.\w)", re.IGNORECASE)


_NAMES = {fw: _as_a_word(fw) for fw in FRAMEWORKS}
_EITHER = _as_a_word("|".join(FRAMEWORKS))
_OTHER_NAME = {"flask": "django", "django": "flask"}


# "+1, also django?": agreeing, as a reaction would; no word of the question
_PLUS_ONE = re.compile(r"(?<![\w+])\+\d+(?!\w)")




def _simple(text: str) -> str:
    """Lower case, Slack emoji and "+1" gone, punctuation gone (apostrophes and question marks
    included), spaces collapsed."""
    text = _PLUS_ONE.sub(" ", SLACK_EMOJI.sub(" ", text.lower()))
    return " ".join(re.sub(r"[^\w\s]+", " ", text).split())


def _framework_word(word: str) -> str | None:
    """"flask" or "django" for that word or a one-edit typo of it ("djnago", "flsk"), else None."""
    for fw in FRAMEWORKS:
        if edit_distance_up_to_one(word, fw) <= 1 and len(word) >= 4:
            return fw
    return None


def frameworks_named(question: str) -> list[str]:
    """The frameworks a question names as words of their own, in ``FRAMEWORKS`` order."""
    return [fw for fw in FRAMEWORKS if _NAMES[fw].search(question)]


def _asked_for(text: str) -> str | None:
    """What a follow-up asks about: "flask", "django", "other", "same" (why?), "pointer" ("is it
    secure?", "how does that work?", "could I build an API with it?"), "kind" ("what about big
    ones?"), "condition" ("and if our team is only two people?"), "aspect pros" ("pros?"), or None
    if it is not a follow-up."""
    if len(text) > MAX_FOLLOW_UP_CHARS:
        # push-back on the last answer may take more words ("nah i dont buy it, flask is only easy ...")
        simple = _simple(text)
        return ("pushback" if len(text) <= MAX_PUSHBACK_CHARS and _PUSHBACK.match(simple)
                and not _NEW_SUBJECT.search(simple) else None)
    simple = _simple(text)
    if _NEW_SUBJECT.search(simple):  # "meh, moving on: how do I deploy django": a question of its own
        return None
    if _PUSHBACK.match(simple):
        return "pushback"
    if (_WHY.match(simple) or _SHORT.match(simple) or _VERDICT_CHECK.match(simple) or _STILL_HOLDS.match(simple)
            or _REFORMAT.match(simple)
            or (_TRUE_FOR.match(simple) and not any(_framework_word(w) for w in simple.split()))):
        return "same"
    if _CHOICE_FOR_THAT.match(simple):
        return "choice"
    if _for_someone(simple.split()):
        return "audience"
    words = simple.split()
    frameworks = [_framework_word(w) for w in words]
    named_once = [fw for fw in frameworks if fw]
    if len(named_once) == 1 and all(w in _CORRECTING for w, fw in zip(words, frameworks) if not fw):
        return named_once[0]  # "ugh typo, django*": that question, about this framework
    if not any(frameworks):
        aspect = [w for w in words if w not in _LEADS]
        if len(aspect) == 1 and aspect[0] in _ASPECTS:
            return f"aspect {aspect[0]}"  # "pros?": of the framework the last question named
        if _kind_asked(words):
            return "kind"
        if _condition(words) or _SAME_BUT.match(simple) or (_BUT_WE.match(simple) and _ASKING.isdisjoint(words)):
            return "condition"
        if _points_back(words) or _uses_it(words):
            return "pointer"
        if _why_of_it(words):
            return "same"
    if ({fw for fw in frameworks if fw} == set(FRAMEWORKS) and _why_of_it(words)
            and not (_DEMONSTRATIVES | _PRONOUNS).isdisjoint(words)):
        return "same"  # "why flask over django for that?": the reasons the last answer gives ("instead": no pointer)
    # "would flask be enough for that?", "is django a good fit for this?": one framework put to what
    # the last message described (when nothing below reads it otherwise; nothing before the name that
    # "that" could stand for: "building an online shop, django good for that?" asks of its own shop)
    for_that = ("for that" if len(named_once) == 1 and len(words) <= MAX_FOR_THAT_WORDS
                and words[-1] in _DEMONSTRATIVES and words[-2] in _FOR_THAT
                and all(w in _BEFORE_POINTER or w in _LEADS for w in words[: frameworks.index(named_once[0])])
                else None)
    if any(frameworks):  # "what about django at that size?": "at that size" points back as "that" does
        words = _noun_pointed_at_dropped(_deal_as_handle(words))
        frameworks = [_framework_word(w) for w in words]
    named = {fw for fw in frameworks if fw}
    # what is left; the "s" of "django's" goes with the name ("what's" keeps its "s": "is")
    rest = {w for i, w in enumerate(words) if not frameworks[i] and not (w == "s" and i and frameworks[i - 1])}
    other = bool(rest & _OTHER)
    rest -= _OTHER
    if len(named) + other != 1 or not rest <= _SMALL_WORDS or ("what" in rest and rest <= _WHAT_IS_IT):
        return for_that  # ("django what is it": what the framework is, a question of its own)
    if not (rest <= _LEADS or rest & _POINTERS or (rest & _VERBS and rest <= _VERBS | _LEADS - {"what", "how"})
            or (rest & _ANYONE and rest & _FAMOUS)):  # "what about django, anyone big?": who uses it
        return for_that  # "what is django?", "how does django work": questions of their own
    return "other" if other else named.pop()


# "anyone big?", "anybody famous?": who uses the framework, as the last question asked of the other
_ANYONE = frozenset(("anyone", "anybody"))
_FAMOUS = frozenset("big bigger major famous notable".split())


# "pros?", "downsides?" alone: that side of the framework the last question named
_ASPECTS = frozenset("pros cons downsides drawbacks advantages disadvantages benefits strengths weaknesses"
                     " upsides".split())


def _deal_as_handle(words: list[str]) -> list[str]:
    """``words`` with "deal(s) with" read as "handle(s)" when "deal" is a verb, right after one of
    ``_VERBS`` or a framework ("how does flask deal with it"); "what's the deal with it" keeps its
    noun, and names what it asks."""
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if (w in ("deal", "deals") and words[i + 1:i + 2] == ["with"] and i
                and (words[i - 1] in _VERBS or _framework_word(words[i - 1]))):
            out.append("handle" if w == "deal" else "handles")
            i += 2
        else:
            out.append(w)
            i += 1
    return out


def _noun_pointed_at_dropped(words: list[str]) -> list[str]:
    """``words`` with a trailing "at that size", "in that case", "for this kind" as "that" alone: the
    one or two words after it name what was asked about; other words as they are."""
    for j in range(max(1, len(words) - 3), len(words) - 1):
        if (words[j] in _DEMONSTRATIVES and words[j - 1] in _POINTED_PREPOSITIONS
                and not any(_framework_word(w) for w in words[j + 1:])):
            return words[:j - 1] + words[j:j + 1]
    return words


# "that kind of thing", "this sort of stuff": no more than "that"
_VAGUE_NOUN = re.compile(r"\b(what|which) (?:kind|kinds|sort|sorts|type|types) of (\w+)")
_VAGUE_KIND = re.compile(r"\b(that|this|those|these) (?:kind|kinds|sort|sorts|type|types) of (?:thing|things|stuff)\b")


def _why_of_it(words: list[str]) -> bool:
    """"ok but why would I bother using them", "why's it a good fit for that": a short why-question
    about what was just answered (a word pointing back, no framework named); "that kind of thing"
    counts as "that" ("why's it a good fit for that kind of thing")."""
    words = _VAGUE_KIND.sub(r"\1", " ".join(words)).split()
    asking = [w for w in words if w not in ("ok", "okay", "but", "so", "and", "hmm", "wait")]
    return (bool(asking) and asking[0] == "why" and len(words) <= MAX_PRONOUN_WORDS
            and not _POINTERS.isdisjoint(asking) and _OTHER.isdisjoint(words))


def _points_back(words: list[str]) -> bool:
    """"is it secure?", "how does that work", "which algorithm does it use?": a short question whose
    pointer comes before any word that could be what it stands for ("wsgi?? what is it" names its own;
    "what time is it" points nowhere)."""
    if len(_POINTED_NOUN.sub(r"\1", " ".join(words)).split()) > MAX_POINTING_WORDS or _OTHER.intersection(words):
        return False
    # "what kind of stuff do they add?": the noun asked for is "kind of stuff", as "algorithm" above
    words = _VAGUE_NOUN.sub(r"\1 \2", " ".join(words)).split()
    for i, w in enumerate(words):
        after = words[i + 1] if i + 1 < len(words) else None
        if w in _PRONOUNS or (w == "one" and after == "of" and words[i + 2 : i + 3] and words[i + 2] in _THOSE):
            return True
        if w in _DEMONSTRATIVES:
            return (after is None or after in _AFTER_DEMONSTRATIVE
                    or _POINTED_NOUN.match(" ".join(words[i : i + 4])) is not None)
        if w in _BEFORE_POINTER:
            continue
        if not (i and words[i - 1] in _WH and after in _VERBS and i + 3 < len(words)
                and (words[i + 2] in _PRONOUNS or words[i + 2] in _DEMONSTRATIVES)):
            return False
    return False


def _uses_it(words: list[str]) -> bool:
    """"could I build an API with it too?", "what can we make in it": a short question in which
    someone ("I", "we", "you", right after its verb) does something with "it" (the last word but
    trailing ones such as "too"), the tool they would do it with; the thing they would build, named
    before "it", is not what "it" stands for."""
    if len(words) > MAX_TOOL_WORDS or _OTHER.intersection(words):
        return False
    end = len(words)
    while end and words[end - 1] in _LEADS:  # "too", "as well", "then"
        end -= 1
    if end < 4 or words[end - 1] != "it" or words[end - 2] not in _TOOL_PREPOSITIONS:
        return False
    i = 0
    while words[i] in _OPENERS:
        i += 1
    if words[i] in ("what", "which", "how"):  # "what can I build with it"
        i += 1
    return i + 2 < end - 2 and words[i] in _VERBS and words[i + 1] in _PEOPLE


def _for_someone(words: list[str]) -> bool:
    """"for a student?", "and for a team of juniors?": who the last question is asked for, in a
    fragment of at most ``MAX_AUDIENCE_WORDS`` words naming no framework (``MAX_DESCRIBED_AUDIENCE_WORDS``
    when the audience is described: "for someone who already knows python")."""
    if len(words) > MAX_DESCRIBED_AUDIENCE_WORDS or any(_framework_word(w) for w in words):
        return False
    if len(words) > MAX_AUDIENCE_WORDS and not any(
            w in _AUDIENCE and words[k + 1 : k + 2] and words[k + 1] in _DESCRIBING for k, w in enumerate(words)):
        return False
    i = 0
    while i < len(words) and words[i] in _AUDIENCE_LEADS:
        i += 1
    # "for a student, which one?" asks its own; "for someone *who* knows python" describes them
    asking = [w for k, w in enumerate(words[i + 1 :], i + 1) if w in _ASKING and not (
        w in _DESCRIBING and words[k - 1] in _AUDIENCE)]
    return words[i : i + 1] in (["for"], ["as"]) and not _AUDIENCE.isdisjoint(words[i + 1 :]) and not asking


def _condition(words: list[str]) -> bool:
    """"what if I mostly want big complex apps?", "and if our team is only two people?": a
    condition put to the last question ("what if", "and if", "but what if", "how about if"), at least
    two words long and asking nothing of its own."""
    i = 0
    while i < len(words) and words[i] in _IF_LEADS:
        i += 1
    led = i > 0
    if words[i:i + 1] == ["what"]:
        i, led = i + 1, True
    elif words[i:i + 2] in (["what", "about"], ["how", "about"]):
        i, led = i + 2, True
    conceding = i > 0 and words[i - 1] == "even" and i < len(words) and words[i] in _CONCEDING
    if not led or (words[i:i + 1] != ["if"] and not conceding):
        return False
    condition = words[i + 1:]
    return len(condition) >= 2 and _ASKING.isdisjoint(condition)


# "even with instagram-level traffic?", "even for a team of two?": a concession, like "even if"
_CONCEDING = frozenset("with for at without on in though".split())


def _concedes(text: str) -> bool:
    """"even if I've never built a web app before?", "even with instagram-level traffic?": said of
    the last question whatever the guide answers of it alone."""
    words = _simple(text).split()
    while words and words[0] in _IF_LEADS - {"even"}:
        words = words[1:]
    return words[:1] == ["even"]


def _without_pointers(text: str) -> str:
    """``text`` with its pointers left out: what it asks on its own ("is it secure?": "is secure")."""
    return " ".join(w for w in _simple(text).split() if w not in _PRONOUNS and w not in _DEMONSTRATIVES)


def _together(previous: str, text: str) -> str:
    """The last question and a follow-up about what it asked, read as one message."""
    asked = previous.rstrip()
    return f"{asked}{'' if asked.endswith(('?', '!', '.')) else '?'} {text.strip()}"


def words_of(intent: Intent, *, names: bool = True) -> str | None:
    """What may be a follow-up in ``intent``: a question's text, or the name "django?" was read as
    (the ``flask`` / ``django`` sub-commands) when ``names``; None for the menu, thanks, "choose"
    and the like. A slash command passes ``names=False``: "/flaskvsdjango django" is the documented
    overview, whatever was asked before."""
    if intent.kind is Kind.QUESTION:
        return intent.text
    return intent.kind.value if names and intent.kind in (Kind.FLASK, Kind.DJANGO) else None


def is_follow_up(text: str) -> bool:
    """Could ``text`` refer to an earlier question? (Cheap: decides whether to look one up.)"""
    return _asked_for(text) is not None or by_name(text) != text


def kept_for_follow_ups(question: str, *, declined: bool = False) -> str | None:
    """What to keep of a question for the next follow-up: the question, or "" when it is over
    ``MAX_KEPT_CHARS`` ("" is kept too, so a follow-up never reaches past it to an older one). A
    declined one is kept only when it names a framework (None: keep the last one in place): after
    "is django async?", "what about flask?" asks "is flask async?" (declined too); "how do I bake
    sourdough bread?" leaves the question before it."""
    if declined and not frameworks_named(question):
        return None
    return "" if len(question) > MAX_KEPT_CHARS else question


def _same_case(new: str, old: str) -> str:
    if old.isupper():
        return new.upper()
    if old[:1].isupper():
        return new.capitalize()
    return new


def rewrite(previous: str | None, text: str, *, own_subject: Callable[[str], bool] | None = None,
            answered: Callable[[str], bool] | None = None) -> str | None:
    """What the follow-up ``text`` asks, given the last question ``previous``: ``previous`` about
    the framework ``text`` names ("and django?"), ``previous`` as it was ("why?"), ``text`` with
    its "it" named ("is it secure?"), about another kind of what it asked ("what about big ones?":
    "small" swapped for "big"), or both read together ("how does that work?", "and if our team is
    only two people?"); None if ``text`` is no follow-up, or ``previous`` already asks about that
    framework. When ``previous`` names both, only "vice versa" / "the other one" turns it round:
    the two swap places.

    ``own_subject(words)``: does a question pointing back ask something of its own once its
    pointers are left out ("is secure": yes; "how does work": no)? Without it, every such
    question is taken to (its "it" is the framework).

    ``answered(text)``: does the guide answer a condition ("what if ...", "and if ...") on its
    own? Then it is a question of its own (None); without ``answered``, every condition is read
    together with ``previous``."""
    if not previous:
        return None
    named = by_name(text)
    if named != text:
        # "and the micro one?": "and flask?"; "so the lightweight one gives you more freedom?" is a
        # question of its own, with the framework named
        if _asked_for(named) is not None:  # "and flask?" after a question about flask: no follow-up
            return rewrite(previous, named, own_subject=own_subject, answered=answered)
        return named
    wanted = _asked_for(text)
    if wanted is None:
        return None
    if wanted == "same":  # "why?": the last answer gives its reasons; it is given again
        return previous
    if wanted in ("choice", "audience"):
        # "so which is better for that?": which of the two, for what was just asked;
        # "for a student?": the last question, for them
        return _together(previous, text)
    if wanted == "condition":  # "and if our team is only two people?": the last question, under that condition
        if (answered is not None and answered(text) and _PRONOUNS.isdisjoint(_simple(text).split())
                and not _concedes(text)):
            # "what if I mostly want big complex apps?": the guide answers it as it is; not "and if we
            # want to grow it into the real app later?", whose "it" is what was just asked about
            return None
        return _together(previous, text)
    if wanted == "for that":
        # "would flask be enough for that?" after "we're doing a small internal blog app": one
        # framework put to what the last message described; after one naming a framework, "that" may be
        # anything it said, and the question is read alone
        return _together(previous, text) if not frameworks_named(previous) else None
    if wanted == "pushback":
        # "nah i dont buy it, flask is only easy until u have to choose 6 libraries": the last answer
        # doubted, read with it; one the guide answers alone ("not convinced django is a good fit for
        # an API. can it even do APIs?") asks its own question
        return None if answered is not None and answered(text) else _together(previous, text)
    if wanted == "kind":
        kind = str(_kind_asked(_simple(text).split()))
        swapped, n = _KIND.subn(lambda m: _same_case(kind, m.group(0)), previous, count=1)
        return swapped if n else None
    named = frameworks_named(previous)
    if wanted.startswith("aspect "):  # "pros?" after "tell me about django": "pros of django?"
        return f"{wanted.split()[1]} of {named[0]}?" if len(named) == 1 else None
    if wanted == "pointer":
        if (_POINTED_NOUN.search(text) or _SPANNED.search(text) or _ONE_OF_THOSE.search(text)
                or own_subject is not None and not own_subject(_without_pointers(text))):
            # "how does that work?": about what the last question asked
            return _together(previous, text)
        # "is it secure?" after "why choose django?": "is django secure?"
        if len(named) != 1 or not _IT.search(text):
            return None  # "can they do form handling?": a question of its own
        return _IT.sub(lambda m: named[0] + ("'s" if m.group(1).lower() == "its" else ""), text, count=1)
    if not named:
        if wanted == "other":
            return None
        asked = previous.rstrip(" ?!.")
        return f"{asked} in {wanted}{'?' if asked != previous.rstrip() else ''}"
    if len(named) > 1:  # "why would a django dev move to flask?", "and vice versa?": the two swap places
        if wanted != "other":
            # "which of those are on flask specifically?": one of the two, of what was just asked
            words = _simple(text).split()
            if (_DEMONSTRATIVES | _PRONOUNS).isdisjoint(words):
                return None
            # "why flask for that though?" after "... flask or django?": the reasons the last answer gives
            return previous if _why_of_it(words) else _together(previous, text)
        return _EITHER.sub(lambda m: _same_case(_OTHER_NAME[m.group(0).lower()], m.group(0)), previous)
    before = named[0]
    after = next(fw for fw in FRAMEWORKS if fw != before) if wanted == "other" else wanted
    if after == before:
        return None
    return _NAMES[before].sub(lambda m: _same_case(after, m.group(0)), previous)


def read_as(intent: Intent, previous: str | None, *, own_subject: Callable[[str], bool],
            answered: Callable[[str], bool], names: bool = True) -> str | None:
    """What ``intent`` asks after the kept question ``previous`` (``kept_for_follow_ups``), when it
    is a follow-up (``words_of``, ``rewrite``; ``own_subject`` and ``answered``: see ``rewrite``,
    usually ``Answerer.asks_on_its_own`` and whether ``Answerer.answer`` answers); None when it is
    a question of its own."""
    words = words_of(intent, names=names)
    return rewrite(previous, words, own_subject=own_subject, answered=answered) if words is not None else None


def conversation_key(team_id: str | None, channel: str, *, thread_ts: str | None = None,
                     user_id: str | None = None) -> str:
    """Where a question is remembered for follow-ups: a thread (``thread_ts``), or one person
    (``user_id``) in a DM or a channel; never a whole DM, which may be between two people."""
    where = thread_ts if thread_ts else f"user:{user_id}" if user_id else "-"
    return f"{team_id or '-'}:{channel}:{where}"
