"""Words one edit apart (pure): the typo check behind the answerer's corrections.

An edit is one insertion, deletion, substitution or swap of two neighbouring
letters (optimal string alignment distance 1, the Damerau-Levenshtein distance
for a single edit). The answerer only ever asks "at most one edit?", so both
functions answer exactly that and nothing costlier.
"""

from __future__ import annotations

from typing import AbstractSet, Iterable, Iterator

__all__ = ["edit_distance_up_to_one", "one_edit_away"]


def edit_distance_up_to_one(a: str, b: str) -> int:
    """0 when equal, 1 when one edit apart, 2 for anything further."""
    if a == b:
        return 0
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return 2
    i = 0
    shortest = min(la, lb)
    while i < shortest and a[i] == b[i]:
        i += 1  # the first difference
    if la == lb:
        if a[i + 1 :] == b[i + 1 :]:
            return 1  # substitution
        if i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]:
            return 1  # swap of neighbours
        return 2
    if la > lb:
        a, b = b, a
    return 1 if a[i:] == b[i + 1 :] else 2  # b is a with one letter more


def _edits(word: str, alphabet: str) -> Iterator[str]:
    for i in range(len(word) + 1):
        head, tail = word[:i], word[i:]
        for c in alphabet:
            yield head + c + tail  # insertion
        if tail:
            yield head + tail[1:]  # deletion
            for c in alphabet:
                if c != tail[0]:
                    yield head + c + tail[1:]  # substitution
            if len(tail) > 1 and tail[0] != tail[1]:
                yield head + tail[1] + tail[0] + tail[2:]  # swap


def one_edit_away(word: str, vocabularies: Iterable[AbstractSet[str]], alphabet: str) -> tuple[set[str], int]:
    """The words of the ``vocabularies`` exactly one edit from ``word`` (letters drawn from
    ``alphabet``), and how many spellings were looked up to find them. Several sets are
    searched as one, so callers need not hold their union."""
    spellings = list(_edits(word, alphabet))
    found: set[str] = set()
    for vocabulary in vocabularies:
        found.update(vocabulary.intersection(spellings))
    found.discard(word)
    return found, len(spellings)
