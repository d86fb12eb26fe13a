"""A framework named by what it is known for: "the micro one" is Flask, "the batteries-included
python framework" is Django.

Pure: ``by_name`` rewrites the words, for a follow-up ("and the micro one?": "and flask?",
``bot.followups``) and for a question of its own ("what's the case for the batteries-included
python framework?", ``bot.matching.resolve``). Not where the epithet is said of something:
"which is the opinionated one?" asks which framework that is.
"""

from __future__ import annotations

import re

__all__ = ["by_name"]

_EPITHETS = {
    "flask": ("micro", "microframework", "micro-framework", "lightweight", "light", "lighter", "lighter-weight",
              "lighter weight", "minimal", "minimalist", "minimalistic", "barebones", "bare-bones", "bare bones",
              "unopinionated"),
    "django": ("batteries-included", "batteries included", "full-stack", "full stack", "fullstack", "heavy",
               "heavier", "heavyweight", "opinionated", "all-in-one", "all in one", "monolithic"),
}
_EPITHET_OF = {e: fw for fw, epithets in _EPITHETS.items() for e in epithets}
# "the micro one", "the big full-stack one" (a size word may come first), "the batteries-included python
# framework", "the lighter-weight python option"
_EPITHET = re.compile(
    r"\bthe\s+(?:(?:big|bigger|large|small|smaller|little|tiny|old|older|python)\s+)?("
    + "|".join(re.escape(e).replace("\\ ", r"\s+") for e in sorted(_EPITHET_OF, key=len, reverse=True))
    + r")\s+(?:python\s+|web\s+)?(?:one|option|framework|choice)\b", re.IGNORECASE)
# what a message holding one must hold: cheap tests before the pattern (most messages hold no epithet)
_NOUNS = (" one", "option", "framework", "choice")
_STEMS = ("micro", "light", "minimal", "bare", "opinionated", "batteries", "full", "heavy", "all", "monolith")

# "which is the opinionated one?", "flask's the lightweight one", "why call flask the micro framework":
# something said to be it
_SAID_TO_BE = re.compile(r"(\w+)\W+(?:is|are|was|were|s)\W*$|\b(?:flask|django|it)\W*$", re.IGNORECASE)
# ...but "ok is the micro one easier?" asks of it
_OPENERS = frozenset("and so but ok okay then hmm wait k".split())


def by_name(text: str) -> str:
    """``text`` with a framework named by what it is known for named ("and the micro one?": "and
    flask?"), unless that is said of something ("which is the opinionated one?", "flask's the
    lightweight one, right?")."""
    low = text.lower()
    if "the" not in low or not any(e in low for e in _STEMS) or not any(noun in low for noun in _NOUNS):
        return text

    def named(m: re.Match[str]) -> str:
        said = _SAID_TO_BE.search(text, 0, m.start())
        if said and (said.group(1) or "").lower() not in _OPENERS:
            return m.group(0)
        return _EPITHET_OF[" ".join(m.group(1).lower().split())]

    return _EPITHET.sub(named, text)
