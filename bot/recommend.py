"""The "help me choose" flow: its state, carried in button values, and its scoring (pure).

The flow keeps no server state. Every button carries the answers given so far
(option indexes, one per question) and the flow version of the knowledge that
built it, e.g. ``fvd1:3:0.2.1``. A value from an older flow version, or one that
does not decode, raises ``FlowStateError``; the caller answers politely.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from bot.errors import FlowStateError
from bot.knowledge import Option, Question, Recommendation

_PREFIX = "fvd1"
_VALUE = re.compile(r"^fvd1:(\d{1,6}):((?:\d{1,2}(?:\.\d{1,2})*)?)$")

FLASK = "flask"
DJANGO = "django"


class FlowState(NamedTuple):
    version: int
    answers: tuple[int, ...] = ()

    def with_answer(self, option_index: int) -> "FlowState":
        return FlowState(self.version, self.answers + (option_index,))

    def back(self) -> "FlowState":
        return FlowState(self.version, self.answers[:-1])


class Reason(NamedTuple):
    question: str     # the question's text
    choice: str       # the option label picked
    text: str         # why it points where it points
    section: str      # guide section behind it
    topic: str | None
    favours: str | None  # "flask", "django" or None when it is neutral


class Result(NamedTuple):
    winner: str | None        # "flask", "django", or None for a dead heat
    flask_points: int
    django_points: int
    close_call: bool
    reasons: tuple[Reason, ...]

    @property
    def total(self) -> int:
        return self.flask_points + self.django_points

    def share(self, framework: str) -> float:
        """The framework's share of all points, 0.0-1.0 (0.5 each when no points)."""
        if self.total == 0:
            return 0.5
        return (self.flask_points if framework == FLASK else self.django_points) / self.total

    @property
    def related_topics(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for reason in self.reasons:
            if reason.topic and (reason.favours == self.winner or self.winner is None):
                seen.setdefault(reason.topic)
        return tuple(seen)


def start(recommendation: Recommendation) -> FlowState:
    return FlowState(recommendation.flow_version)


def encode(state: FlowState) -> str:
    return f"{_PREFIX}:{state.version}:{'.'.join(str(a) for a in state.answers)}"


def decode(value: object, recommendation: Recommendation) -> FlowState:
    """Read a button value back into a state valid for ``recommendation``."""
    if not isinstance(value, str):
        raise FlowStateError("the button value is missing")
    match = _VALUE.match(value)
    if not match:
        raise FlowStateError(f"the button value {value[:40]!r} is not a flow state")
    version = int(match.group(1))
    if version != recommendation.flow_version:
        raise FlowStateError(
            f"the flow changed (button from version {version}, now {recommendation.flow_version})"
        )
    answers = tuple(int(a) for a in match.group(2).split(".")) if match.group(2) else ()
    questions = recommendation.questions
    if len(answers) > len(questions):
        raise FlowStateError("the button carries more answers than there are questions")
    for index, answer in enumerate(answers):
        if answer >= len(questions[index].options):
            raise FlowStateError(f"answer {answer} is not an option of question {index + 1}")
    return FlowState(version, answers)


def current_question(state: FlowState, recommendation: Recommendation) -> Question | None:
    """The next question to ask, or None when every question is answered."""
    if len(state.answers) >= len(recommendation.questions):
        return None
    return recommendation.questions[len(state.answers)]


def _favours(option: Option) -> str | None:
    if option.flask > option.django:
        return FLASK
    if option.django > option.flask:
        return DJANGO
    return None


def score(state: FlowState, recommendation: Recommendation) -> Result:
    """Add up the points of the chosen options and say which framework wins."""
    flask = django = 0
    reasons = []
    for question, answer in zip(recommendation.questions, state.answers):
        option = question.options[answer]
        flask += option.flask
        django += option.django
        reasons.append(
            Reason(
                question=question.text,
                choice=option.label,
                text=option.reason,
                section=option.section,
                topic=option.topic,
                favours=_favours(option),
            )
        )
    total = flask + django
    if flask == django:
        winner = None
    else:
        winner = FLASK if flask > django else DJANGO
    margin = abs(flask / total - 0.5) if total else 0.0
    close = winner is None or margin < recommendation.close_call_margin
    return Result(winner, flask, django, close, tuple(reasons))
