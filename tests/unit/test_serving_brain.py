"""A server's Brain keeps its topics without the wording only the index's build reads."""

from __future__ import annotations

import yaml

from bot.knowledge import default_knowledge_dir, load_knowledge
from bot.responses import Brain


def _questions(every: int) -> list[str]:
    path = default_knowledge_dir().parent / "tests" / "data" / "questions.yaml"
    return [c["q"] for c in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]][::every]


def test_a_serving_brain_answers_the_same_with_its_topics_shed_of_their_wording() -> None:
    full = Brain.build(load_knowledge(default_knowledge_dir()))
    serving = Brain.build(load_knowledge(default_knowledge_dir()), serving=True)
    for topic in serving.knowledge.topics.values():
        assert not topic.keywords and not topic.synonyms and topic.examples == ()
        assert topic.answer and topic.section and topic.title  # what a reply shows is all there
    for q in _questions(every=10):
        a, b = full.answerer.answer(q), serving.answerer.answer(q)
        assert (a.answered, a.topic and a.topic.id, a.score, [t.id for t in a.suggestions]) == \
               (b.answered, b.topic and b.topic.id, b.score, [t.id for t in b.suggestions]), q
        if b.topic is not None:  # the answer's topic is the knowledge's own record, not a second copy
            assert b.topic is serving.knowledge.topics[b.topic.id]
    assert full.knowledge.topics["csrf"].keywords  # a brain for the tools keeps everything
