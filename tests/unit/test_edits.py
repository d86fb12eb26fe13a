"""bot.edits against a plain dynamic-programming OSA distance (the definition)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.edits import edit_distance_up_to_one, one_edit_away


def osa(a: str, b: str) -> int:
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


words = st.text(alphabet="abcd", max_size=7)


@settings(max_examples=3000)
@given(words, words)
def test_distance_up_to_one_agrees_with_osa(a, b):
    assert edit_distance_up_to_one(a, b) == min(osa(a, b), 2)


@given(st.text(alphabet="abcd", min_size=1, max_size=6), st.lists(st.sets(words, max_size=40), min_size=1, max_size=3))
def test_one_edit_away_finds_exactly_the_words_one_edit_apart(word, vocabularies):
    found, looked_up = one_edit_away(word, vocabularies, "abcd")
    assert found == {v for vocabulary in vocabularies for v in vocabulary if osa(word, v) == 1}
    assert looked_up > 0


def test_examples():
    assert edit_distance_up_to_one("djnago", "django") == 1  # swap
    assert edit_distance_up_to_one("flsk", "flask") == 1  # dropped letter
    assert edit_distance_up_to_one("flassk", "flask") == 1  # extra letter
    assert edit_distance_up_to_one("flack", "flask") == 1  # changed letter
    assert edit_distance_up_to_one("falsk", "flask") == 1
    assert edit_distance_up_to_one("fslak", "flask") == 2
    assert edit_distance_up_to_one("ab", "abcd") == 2
    assert one_edit_away("honstly", [{"honestly", "honesty"}, {"honest"}], "abcdefghijklmnopqrstuvwxyz")[0] == {"honestly"}
