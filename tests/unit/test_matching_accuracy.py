"""Accuracy of the answerer on tests/data/questions.yaml with the shipped knowledge.

Prints e.g. "in-scope 152/160 = 95.0% correct; out-of-scope 38/40 = 95.0% declined"
(run with -s to see it) and asserts the 90% targets. ``scripts/accuracy.py``
prints the same figures plus every miss.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import default_knowledge_dir, load_knowledge
from bot.matching import Answerer
from tests.script_modules import load_script


accuracy = load_script("accuracy")


@pytest.fixture(scope="module")
def answerer() -> Answerer:
    return Answerer(load_knowledge(default_knowledge_dir()))


def test_question_set_shape() -> None:
    cases = accuracy.load_cases()
    ids = set(load_knowledge(default_knowledge_dir()).topics)
    assert len(cases) >= 170
    assert sum(c.expect == "decline" for c in cases) >= 40
    assert {c.expect for c in cases} - {"decline"} <= ids
    assert len({c.q for c in cases}) == len(cases), "duplicate questions"


def test_accuracy_targets(answerer: Answerer, capsys: pytest.CaptureFixture[str]) -> None:
    result = accuracy.evaluate(answerer, accuracy.load_cases())
    with capsys.disabled():
        print("\n" + result.summary())
        for miss in result.misses:
            print(f"  miss: expected {miss.case.expect}, got {miss.got}: {miss.case.q!r}")
    assert result.in_scope_rate >= accuracy.TARGET, result.summary()
    assert result.decline_rate >= accuracy.TARGET, result.summary()


@pytest.mark.parametrize(
    ("q", "expected"),
    [("which one is more secure?", "security"), ("how do I cook pasta", "decline")],
)
def test_must_pass(answerer: Answerer, q: str, expected: str) -> None:
    m = answerer.answer(q)
    assert (m.topic.id if m.answered and m.topic else "decline") == expected


def test_every_topic_answers_its_own_title(answerer: Answerer) -> None:
    for topic in answerer.knowledge.topics.values():
        m = answerer.answer(topic.title)
        assert m.answered, topic.title


def test_a_batch_file_may_be_a_bare_list_and_a_bad_one_is_named(tmp_path: Path) -> None:
    bare = tmp_path / "batch.yaml"
    bare.write_text('- {q: "what is flask", expect: flask-overview}\n- {q: "lunch?", expect: decline}\n')
    assert [(c.q, c.expect) for c in accuracy.load_cases(bare)] == [
        ("what is flask", "flask-overview"), ("lunch?", "decline")]
    bad = tmp_path / "bad.yaml"
    bad.write_text('questions:\n  - {q: "what is flask"}\n')
    with pytest.raises(ValueError, match="item 1 needs both `q` and `expect`"):
        accuracy.load_cases(bad)
    scalar = tmp_path / "scalar.yaml"
    scalar.write_text("just text\n")
    with pytest.raises(ValueError, match="expected a list"):
        accuracy.load_cases(scalar)
