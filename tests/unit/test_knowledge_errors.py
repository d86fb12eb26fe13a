"""Broken knowledge folders produce one clear, exact KnowledgeError each:
file, 1-based line, key path and what was expected."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.errors import KnowledgeError
from bot.knowledge import load_knowledge, validate_knowledge

FIXTURES = Path(__file__).parent / "fixtures" / "knowledge"
FIXTURE_SECTIONS = "Heading\nHeading › Sub\n"  # the headings of the fixtures' made-up guide


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Work where the cases are copied, as an editor in their drafts folder: a problem then
    names its file as ``<case>/topics.yaml`` (a folder elsewhere is named in full)."""
    monkeypatch.chdir(tmp_path)


def make_case(case: str, tmp_path: Path) -> Path:
    """A copy of fixtures/knowledge/base/ with the case's files laid over it."""
    target = tmp_path / case
    shutil.copytree(FIXTURES / "base", target)
    (target / "guide-sections.txt").write_text(FIXTURE_SECTIONS, encoding="utf-8")
    for f in (FIXTURES / case).glob("*.yaml"):
        shutil.copy(f, target / f.name)
    return target


def test_base_fixture_is_valid(tmp_path):
    kb = load_knowledge(make_case("base", tmp_path))
    assert list(kb.topics) == ["alpha", "beta"]
    assert kb.topics["alpha"].synonyms == {"alpha": ("first",)}
    assert kb.topics["beta"].synonyms == {}
    assert kb.recommendation.questions[0].options[1].topic is None
    assert kb.recommendation.questions[1].options[0].topic is None


CASES = {
    "bad_syntax": (
        "bad_syntax/topics.yaml", 10, "",
        "bad_syntax/topics.yaml:10: invalid YAML: expected ',' or ']', but got ':' "
        "(while parsing a flow sequence on line 9); nothing else in this file was checked, "
        "nor the topic ids used in recommendation.yaml",
    ),
    "unknown_key": (
        "unknown_key/topics.yaml", 15, "topics[1].keyword",
        "unknown_key/topics.yaml:15 at topics[1].keyword: unknown key 'keyword'; did you mean 'keywords'?",
    ),
    "wrong_type": (
        "wrong_type/topics.yaml", 8, "topics[0].keywords.alpha",
        "wrong_type/topics.yaml:8 at topics[0].keywords.alpha: "
        "expected a number greater than 0 and at most 10, got the string 'high'",
    ),
    "dangling_related": (
        "dangling_related/topics.yaml", 19, "topics[1].related[1]",
        "dangling_related/topics.yaml:19 at topics[1].related[1]: unknown topic id 'alhpa'; did you mean 'alpha'?",
    ),
    "duplicate_id": (
        "duplicate_id/topics.yaml", 18, "topics[2].id",
        "duplicate_id/topics.yaml:18 at topics[2].id: duplicate topic id 'alpha' "
        "(first used by topics[0] on line 3)",
    ),
    "skipped_words": (
        "skipped_words/topics.yaml", 9, "topics[0].keywords.about",
        "skipped_words/topics.yaml:9 at topics[0].keywords.about: 'about' has only words the answerer skips "
        "(about), so neither it nor its synonyms ever match a question: add a word that says what is asked, "
        "or remove it",
    ),
    "synonym_owned_elsewhere": (
        "synonym_owned_elsewhere/topics.yaml", 21, "topics[1].synonyms.beta[1]",
        "synonym_owned_elsewhere/topics.yaml:21 at topics[1].synonyms.beta[1]: 'alphas' reads as the keyword "
        "'alpha' of topic 'alpha', and a keyword wins over a synonym, so it never leads a question to 'beta': "
        "remove it, or make it a keyword of this topic",
    ),
    "missing_version": (
        "missing_version/comparison.yaml", 2, "",
        "missing_version/comparison.yaml:2: missing required key 'version' "
        "(put `version: 1` at the top of the file)",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_broken_fixture_raises_exact_error(case, tmp_path):
    file, line, path, text = CASES[case]
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(make_case(case, tmp_path))
    err = info.value
    assert (err.file, err.line, err.path) == (file, line, path)
    assert str(err) == text


def test_validate_lists_every_problem_in_line_order(tmp_path):
    knowledge, errors = validate_knowledge(make_case("wrong_type", tmp_path))
    assert knowledge is None
    assert [str(e) for e in errors] == [
        "wrong_type/topics.yaml:8 at topics[0].keywords.alpha: "
        "expected a number greater than 0 and at most 10, got the string 'high'",
        "wrong_type/topics.yaml:16 at topics[1].examples: expected a list, got the string 'what is beta'",
    ]


def test_every_keyword_and_synonym_the_answerer_cannot_read_is_listed(tmp_path):
    """A synonym of stopwords only ("go with") is never indexed: without this check it would
    silently do nothing, as "tell me about" and 17 other entries of the shipped knowledge did."""
    knowledge, errors = validate_knowledge(make_case("skipped_words", tmp_path))
    assert knowledge is None
    assert [(e.line, e.path) for e in errors] == [(9, "topics[0].keywords.about"),
                                                  (11, "topics[0].synonyms.alpha[1]")]
    assert "'go with' has only words the answerer skips (go, with), so it never matches a question" in str(errors[1])


def test_a_synonym_that_is_also_this_topics_own_keyword_is_only_redundant(tmp_path):
    """"share" reads as "shared", a keyword of both topics: each topic is reached through its
    own keyword, so the synonym is harmless (the index drops it as saying nothing more)."""
    knowledge, errors = validate_knowledge(make_case("synonym_owned_elsewhere", tmp_path))
    assert [e.path for e in errors] == ["topics[1].synonyms.beta[1]"]
