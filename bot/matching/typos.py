"""Typo correction against the index's vocabulary (and everyday English).

SymSpell-style: a delete index maps each vocabulary word, and each of its
one-letter deletes, to the word; a question's word and its deletes are looked
up there, and every candidate found is checked with ``bot.edits``. One edit
at most, but a long word with the wrong letter doubled ("begginers") is
corrected across its two edits when nothing is one edit away. When the index
has no correction, the everyday words of ``bot.neutral`` and the stopwords of
``bot.text`` are tried ("honstly", "wich", "whcih"): a typo in a word that says
nothing about the subject is no unknown word. Corrections are remembered, with
the candidates they examined.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left

from bot.edits import edit_distance_up_to_one, one_edit_away
from bot.matching.index import Index
from bot.matching.tuning import FUZZY_CACHE_SIZE, MIN_FUZZY_LENGTH, SHORT_WORD, TWO_EDIT_LENGTH
from bot.neutral import NEUTRAL_WORDS, OFF_TOPIC_WORDS, is_common_word
from bot.text import STOPWORDS

# Everyday words and stopwords ("which", "what", "should"): a typo in one is
# neither evidence nor unknown. Off-topic words are looked up with them: a typo
# one edit from one ("deply": "deeply" or "deploy"?) is not taken for everyday.
# The sets are searched one by one rather than as their union: a union would be one more
# hash table of ~2,000 words (~64 KiB each) held for a fallback few questions reach.
_LONG_LOOKUP = (NEUTRAL_WORDS, STOPWORDS, OFF_TOPIC_WORDS)
_SHORT_LOOKUP = (STOPWORDS, OFF_TOPIC_WORDS)
# The letters they are spelt with: what a one-letter typo in one can be.
NEUTRAL_ALPHABET = "".join(sorted({c for words in _LONG_LOOKUP for w in words if w.isalpha() for c in w}))

_NOT_CORRECTED: tuple[str | None, int] = (None, 0)


def _short_edit_ok(word: str, candidate: str) -> bool:
    """Short words are corrected only for a dropped letter, a swap ("flsk",
    "djnago") or a key pressed twice ("flaskk", "thatt"): any other extra or
    changed letter turns real words into other real words ("heard" -> "hard",
    "node" -> "code")."""
    if len(word) >= SHORT_WORD or len(candidate) > len(word):
        return True
    if len(candidate) < len(word):
        return candidate in _undoubled(word)
    return sorted(candidate) == sorted(word)


def _undoubled(word: str) -> set[str]:
    """``word`` with one letter of a doubled pair dropped: "beginners" -> {"beginers"}."""
    return {word[:i] + word[i + 1 :] for i in range(1, len(word)) if word[i] == word[i - 1]}


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class TypoCorrector:
    """Corrects a word to the index word (or everyday word) one edit away."""

    def __init__(self, index: Index) -> None:
        self._surface = index.surface
        self._postings = index.postings
        # SymSpell with one delete on each side: finds every vocabulary word
        # within one insertion, deletion, substitution or transposition.
        self._cache: dict[str, tuple[str | None, int]] = {}
        building: dict[int, list[str]] = {}
        for word in sorted(self._surface):
            if len(word) < MIN_FUZZY_LENGTH or not word.isalpha():
                continue
            for key in _deletes(word) | {word}:
                building.setdefault(hash(key), []).append(word)
        # Compact, since it has an entry for every letter of every word: a key is its text's hash,
        # in a sorted array searched by bisection, not a dict of strings (two texts sharing a hash
        # would only add a candidate, and every candidate is checked); most keys lead to one word,
        # kept as itself rather than in a tuple. ~0.86 -> ~0.15 MB for the shipped knowledge.
        keys = sorted(building)
        self._delete_keys = array("q", keys)
        self._delete_words: list[str | tuple[str, ...]] = [
            words[0] if len(words) == 1 else tuple(words) for words in map(building.__getitem__, keys)]

    def correct(self, word: str) -> tuple[str | None, int]:
        """The correction of ``word`` (None if none), and how many candidates were examined."""
        if len(word) < MIN_FUZZY_LENGTH or not word.isalpha():
            return _NOT_CORRECTED
        # Remembered corrections still report the candidates they examined,
        # so a question's Match (stats included) never depends on history.
        cached = self._cache.get(word)
        if cached is None:
            if len(self._cache) >= FUZZY_CACHE_SIZE:
                self._cache.clear()
            cached = self._cache[word] = self._nearest(word)
        return cached

    def _words_for(self, key: str) -> tuple[str, ...]:
        """The vocabulary words that are ``key`` or have it as a one-letter delete."""
        h = hash(key)
        i = bisect_left(self._delete_keys, h)
        if i == len(self._delete_keys) or self._delete_keys[i] != h:
            return ()
        found = self._delete_words[i]
        return (found,) if isinstance(found, str) else found

    def _nearest(self, word: str) -> tuple[str | None, int]:
        examined = 0
        seen: set[str] = set()
        best: tuple[int, int, str] | None = None
        # A long word may double the wrong letter ("begginers", "proffesional"):
        # two edits, one undoubling on each side. Taken only when nothing is one
        # edit away, everyday words included; other two-edit pairs are often two
        # real words ("translations", "transactions").
        two_edits: tuple[int, int, str] | None = None
        # A correctly spelt common word is no typo; it may only be one written
        # apart ("e commerce"): look up just the index words one letter longer.
        common = is_common_word(word)
        for key in (word,) if common else _deletes(word) | {word}:
            for candidate in self._words_for(key):
                if candidate in seen:
                    continue
                seen.add(candidate)
                examined += 1
                distance = edit_distance_up_to_one(word, candidate)
                # closest, then the word found in more topics, then alphabetical
                rank = (distance, -len(self._postings.get(self._surface[candidate], ())), candidate)
                if distance > 1:
                    if (len(word) >= TWO_EDIT_LENGTH and len(candidate) == len(word) and not common
                            and (two_edits is None or rank < two_edits)
                            and not _undoubled(word).isdisjoint(_undoubled(candidate))):
                        two_edits = rank
                    continue
                if not _short_edit_ok(word, candidate):
                    continue
                if best is None or rank < best:
                    best = rank
        if best is None and not common:
            # Everyday words are vocabulary too: a typo in one ("honstly",
            # "convnce", "whcih") is neutral rather than unknown. Looked up only
            # when the index has no correction, in the shared list of such words,
            # and never for a correctly spelt common word ("kitchen"). A four-letter
            # word is tried against the stopwords only ("wich", "waht", "jsut").
            vocabularies = _LONG_LOOKUP if len(word) > MIN_FUZZY_LENGTH else _SHORT_LOOKUP
            candidates, looked_up = one_edit_away(word, vocabularies, NEUTRAL_ALPHABET)
            examined += looked_up
            if any(word in words for words in vocabularies):
                return word, examined  # spelt as it is: no edit beats none
            if not OFF_TOPIC_WORDS.isdisjoint(candidates):
                return None, examined  # maybe an off-topic word: stays unknown
            allowed = [c for c in candidates if _short_edit_ok(word, c)]
            if allowed:
                return min(allowed), examined
        if best is None and two_edits is not None:
            return two_edits[2], examined
        return (best[2] if best else None), examined
