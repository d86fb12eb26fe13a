"""From what a person asked to the message the bot sends back (pure).

``Brain`` holds the knowledge and the answerer built from it; the Slack shell
keeps one and swaps it whole when the knowledge is reloaded. ``reply`` turns
an ``Intent`` into a ``Reply``: the message, plus what to record about it.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from bot import blocks, followups, recommend
from bot.errors import FlowStateError
from bot.intents import Intent, Kind
from bot.knowledge import Knowledge, Topic
from bot.matching import Answerer

FLASK_OVERVIEW = "flask-overview"
DJANGO_OVERVIEW = "django-overview"


class Brain(NamedTuple):
    knowledge: Knowledge
    answerer: Answerer

    @classmethod
    def build(cls, knowledge: Knowledge, *, serving: bool = False) -> "Brain":
        """The knowledge and its answerer; ``serving``: the topics kept without the wording only the
        index's build reads (``Answerer.shed_build_inputs``), as a server keeps them."""
        answerer = Answerer(knowledge)
        return cls(answerer.shed_build_inputs() if serving else knowledge, answerer)

    def topic(self, topic_id: str) -> Topic | None:
        return self.knowledge.topics.get(topic_id)

    def related(self, topic: Topic) -> list[Topic]:
        return [self.knowledge.topics[r] for r in topic.related if r in self.knowledge.topics]


class Reply(NamedTuple):
    message: dict[str, Any]
    answered: str | None = None           # topic id answered, to record
    declined: bool = False                # a question nothing matched, to record
    suggestions: tuple[str, ...] = ()
    question: str = ""                    # the question answered or declined, for a follow-up to refer to


def topic_reply(brain: Brain, topic: Topic, *, question: str = "", shareable: bool = False,
                shared_by: str | None = None, follow_up: bool = False, vote_origin: str = "") -> Reply:
    msg = blocks.answer_message(topic, brain.related(topic), question=question, shareable=shareable,
                                shared_by=shared_by, follow_up=follow_up, vote_origin=vote_origin)
    return Reply(msg, answered=topic.id, question=question)


def reply(intent: Intent, brain: Brain, *, shareable: bool = False, public: bool = False,
          follow_up: str | None = None) -> Reply:
    """The reply to a command, mention or DM; ``public``: everyone in the conversation will see it.

    ``follow_up``: the question a follow-up such as "and django?" (or "django?"
    alone) stands for (``bot.followups.rewrite``): answered, or declined, as
    that question, and the reply says so."""
    k = brain.knowledge
    if intent.kind is Kind.MENU:
        return Reply(blocks.menu_message())
    if intent.kind is Kind.THANKS:
        return Reply(blocks.thanks_message(grateful=intent.grateful))
    if intent.kind is Kind.CHOOSE:
        if public:  # the flow itself goes to whoever clicks, privately
            return Reply(blocks.flow_launcher_message(len(k.recommendation.questions)))
        return flow_reply(recommend.start(k.recommendation), brain, shareable=shareable)
    if intent.kind is Kind.COMPARE:
        return Reply(blocks.comparison_message(k.comparison, shareable=shareable))
    if intent.kind is Kind.TOPICS:
        return Reply(blocks.topics_message(list(k.topics.values())))
    if follow_up and followups.words_of(intent) is not None:
        return _follow_up_reply(follow_up, brain, shareable=shareable)
    if intent.kind in (Kind.FLASK, Kind.DJANGO):
        topic = brain.topic(FLASK_OVERVIEW if intent.kind is Kind.FLASK else DJANGO_OVERVIEW)
        if topic is not None:
            return topic_reply(brain, topic, question=intent.kind.value, shareable=shareable)
        return reply(Intent(Kind.QUESTION, text=intent.kind.value), brain, shareable=shareable)
    match = brain.answerer.answer(intent.text)
    if match.answered and match.topic is not None:
        return topic_reply(brain, match.topic, question=intent.text, shareable=shareable)
    suggestions = tuple(t.id for t in match.suggestions)
    if intent.single_word and not match.suggestions:
        return Reply(blocks.menu_message(unknown=intent.text), declined=True)
    return Reply(blocks.decline_message(intent.text, match.suggestions,
                                        no_earlier_question=followups.is_follow_up(intent.text)),
                 declined=True, suggestions=suggestions, question=intent.text)


def _follow_up_reply(question: str, brain: Brain, *, shareable: bool) -> Reply:
    """The reply to what a follow-up was read as: its answer, or a decline quoting it."""
    match = brain.answerer.answer(question)
    if match.answered and match.topic is not None:
        return topic_reply(brain, match.topic, question=question, shareable=shareable, follow_up=True)
    return Reply(blocks.decline_message(question, match.suggestions, follow_up=True), declined=True,
                 suggestions=tuple(t.id for t in match.suggestions), question=question)


def flow_reply(state: recommend.FlowState, brain: Brain, *, shareable: bool = False, shared_by: str | None = None) -> Reply:
    """The flow's next question, or its result once every question is answered."""
    rec = brain.knowledge.recommendation
    question = recommend.current_question(state, rec)
    if question is not None:
        return Reply(blocks.flow_question_message(state, question, rec))
    result = recommend.score(state, rec)
    related = [brain.knowledge.topics[t] for t in result.related_topics if t in brain.knowledge.topics]
    return Reply(blocks.flow_result_message(state, result, related, rec, shareable=shareable, shared_by=shared_by))


def flow_click(value: str, brain: Brain, *, shareable: bool = False) -> Reply:
    """A click on a flow button: the value carries the whole state."""
    try:
        state = recommend.decode(value, brain.knowledge.recommendation)
    except FlowStateError:
        return Reply(blocks.flow_stale_message(brain.knowledge.recommendation))
    return flow_reply(state, brain, shareable=shareable)


def share_reply(value: str, brain: Brain, *, user_id: str, origin: str = "") -> Reply | None:
    """What a "Share in channel" click posts visibly, or None when the value is not ours.
    ``origin``: the message shared from, so that its sharer's vote there and on the copy is one."""
    kind, _, ref = value.partition(":")
    if kind == "t":
        topic = brain.topic(ref)
        return topic_reply(brain, topic, shared_by=user_id, vote_origin=origin) if topic else None
    if kind == "c":
        return Reply(blocks.comparison_message(brain.knowledge.comparison, shared_by=user_id))
    if kind == "r":
        try:
            state = recommend.decode(ref, brain.knowledge.recommendation)
        except FlowStateError:
            return None
        if recommend.current_question(state, brain.knowledge.recommendation) is not None:
            return None
        return flow_reply(state, brain, shared_by=user_id)
    return None
