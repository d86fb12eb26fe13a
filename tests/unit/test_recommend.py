"""The "help me choose" state and scoring (pure)."""

from __future__ import annotations

import pytest

from bot import recommend
from bot.errors import FlowStateError
from bot.knowledge import Option, Question, Recommendation, default_knowledge_dir, load_knowledge


def opt(id: str, flask: int, django: int, topic: str | None = None) -> Option:
    return Option(id, id.title(), flask, django, f"because {id}", "Some Section", topic)


REC = Recommendation(
    flow_version=3,
    close_call_margin=0.1,
    questions=(
        Question("kind", "What?", (opt("api", 3, 0, "rest-apis"), opt("shop", 0, 3, "ecommerce"), opt("either", 1, 1))),
        Question("size", "How big?", (opt("small", 2, 0), opt("large", 0, 2, "project-size"))),
    ),
)


def test_encode_decode_round_trip():
    state = recommend.start(REC).with_answer(2).with_answer(1)
    assert recommend.encode(state) == "fvd1:3:2.1"
    assert recommend.decode("fvd1:3:2.1", REC) == state
    assert recommend.decode("fvd1:3:", REC) == recommend.start(REC)


@pytest.mark.parametrize(
    "value, why",
    [
        (None, "missing"), (42, "missing"), ("", "not a flow state"), ("hello", "not a flow state"),
        ("fvd1:2:0", "flow changed"), ("fvd1:3:5", "not an option"), ("fvd1:3:0.0.0", "more answers"),
        ("fvd1:3:0..1", "not a flow state"), ("fvd1:3:-1", "not a flow state"), ("fvd1:3:0.1 ", "not a flow state"),
    ],
)
def test_bad_values_raise_flow_state_error(value, why):
    with pytest.raises(FlowStateError, match=why):
        recommend.decode(value, REC)


def test_current_question_walks_then_stops():
    state = recommend.start(REC)
    assert recommend.current_question(state, REC).id == "kind"
    assert recommend.current_question(state.with_answer(0), REC).id == "size"
    assert recommend.current_question(state.with_answer(0).with_answer(0), REC) is None
    assert state.with_answer(0).back() == state


def test_clear_win_names_the_framework_with_reasons_and_topics():
    result = recommend.score(recommend.FlowState(3, (1, 1)), REC)
    assert result.winner == recommend.DJANGO and not result.close_call
    assert (result.flask_points, result.django_points) == (0, 5)
    assert result.share(recommend.DJANGO) == 1.0
    assert [r.text for r in result.reasons] == ["because shop", "because large"]
    assert all(r.section == "Some Section" for r in result.reasons)
    assert result.related_topics == ("ecommerce", "project-size")


def test_a_tie_is_a_close_call_without_a_winner():
    result = recommend.score(recommend.FlowState(3, (2,)), REC)
    assert result.winner is None and result.close_call
    assert result.share(recommend.FLASK) == 0.5


def test_a_narrow_lead_is_a_close_call():
    rec = Recommendation(1, 0.1, (Question("q", "?", (opt("a", 6, 5), opt("b", 0, 0))),))
    result = recommend.score(recommend.FlowState(1, (0,)), rec)
    assert result.winner == recommend.FLASK and result.close_call


def test_shipped_questions_can_recommend_either_framework():
    rec = load_knowledge(default_knowledge_dir()).recommendation
    assert 5 <= len(rec.questions) <= 7
    for framework in (recommend.FLASK, recommend.DJANGO):
        other = recommend.DJANGO if framework == recommend.FLASK else recommend.FLASK
        best = tuple(
            max(range(len(q.options)), key=lambda i: getattr(q.options[i], framework) - getattr(q.options[i], other))
            for q in rec.questions
        )
        result = recommend.score(recommend.FlowState(rec.flow_version, best), rec)
        assert result.winner == framework and not result.close_call
