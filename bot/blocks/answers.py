"""Answers, declines, the comparison table and the topic list."""

from __future__ import annotations

from typing import Any, Sequence

from bot.blocks.common import (
    ActionIds,
    actions,
    button,
    chunks,
    context,
    divider,
    echo,
    feedback_value,
    header,
    message,
    section,
    share_value,
)
from bot.knowledge import Comparison, Topic

SOURCE_ICON = ":books:"
FOLLOW_UP_ICON = ":leftwards_arrow_with_hook:"


def source_line(section_name: str) -> str:
    """The guide section(s) an answer comes from; a knowledge text names several as "A › B; C"."""
    return f"{SOURCE_ICON} From the guide: " + " · ".join(f"_{part}_" for part in section_name.split("; "))


def topic_buttons(topics: Sequence[Topic], *, block_id: str, start: int = 0) -> dict[str, Any]:
    return actions(
        (button(t.title, f"{ActionIds.TOPIC_PREFIX}{start + i}", t.id) for i, t in enumerate(topics)),
        block_id=block_id,
    )


def _share_and_feedback(
    topic: Topic, question: str, *, shareable: bool, feedback_given: bool | None, vote_origin: str = ""
) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = []
    elements = []
    if feedback_given is None:
        value = feedback_value(topic.id, question, origin=vote_origin)
        elements += [
            button(":thumbsup: Helpful", ActionIds.FEEDBACK_HELPFUL, value),
            button(":thumbsdown: Not helpful", ActionIds.FEEDBACK_UNHELPFUL, value),
        ]
    if shareable:
        elements.append(button("Share in channel", ActionIds.SHARE, share_value("t", topic.id)))
    if elements:
        blocks.append(actions(elements, block_id="feedback"))
    if feedback_given is not None:
        thanks = "Thanks, glad it helped!" if feedback_given else "Thanks, we'll use that to improve this answer."
        blocks.append(context(f":memo: {thanks}"))
    return blocks


def follow_up_note(question: str) -> dict[str, Any]:
    """What a follow-up ("and django?") was read as: the last question, about the other framework."""
    return context(f"{FOLLOW_UP_ICON} Following on from the last question: _{echo(question)}_")


def answer_message(
    topic: Topic,
    related: Sequence[Topic],
    *,
    question: str = "",
    shareable: bool = False,
    feedback_given: bool | None = None,
    shared_by: str | None = None,
    follow_up: bool = False,
    vote_origin: str = "",
) -> dict[str, Any]:
    """A topic's answer: title, text, source section, related topics and feedback.

    ``shared_by`` is a Slack user id (from Slack, not from user text) shown when
    the answer was shared in channel, ``vote_origin`` the message it was shared
    from (a vote there and one on the shared copy count once). ``follow_up``:
    ``question`` is what a follow-up ("and django?") was read as, and the answer says so.
    """
    blocks = [header(topic.title)]
    if follow_up and question:
        blocks.append(follow_up_note(question))
    blocks.append(section(topic.answer, block_id="answer"))
    notes = [source_line(topic.section)]
    if shared_by:
        notes.append(f"Shared by <@{shared_by}>")
    blocks.append(context(*notes))
    if related:
        blocks.append(section("*Related topics*", block_id="related_label"))
        blocks.append(topic_buttons(related[:5], block_id="related"))
    blocks += _share_and_feedback(topic, question, shareable=shareable, feedback_given=feedback_given,
                                  vote_origin=vote_origin)
    return message(f"{topic.title}: {topic.answer}", blocks)


DECLINE = "I couldn't find an answer to that in the Flask vs Django guide."
DECLINE_SCOPE = ("I answer from one guide: what Flask and Django are, why you'd pick each, "
                 "their differences, use cases, security and the terms around them.")


NO_EARLIER_QUESTION = ("That reads like a follow-up, but I have no earlier question here to follow on from. "
                       "Ask it in full, e.g. _why choose Django?_")


def decline_message(question: str, suggestions: Sequence[Topic], *, follow_up: bool = False,
                    no_earlier_question: bool = False) -> dict[str, Any]:
    """Nothing in the guide answers the question: say so and offer where to go next.
    ``follow_up``: ``question`` is what a follow-up was read as, and the decline says so;
    ``no_earlier_question``: it reads as a follow-up ("and the other one?") with nothing to follow."""
    blocks = [follow_up_note(question)] if follow_up else []
    blocks.append(
        section(
            f":thinking_face: {NO_EARLIER_QUESTION if no_earlier_question else DECLINE}\n> {echo(question)}",
            block_id="decline",
        )
    )
    if suggestions:
        blocks.append(section("*Did you mean…*", block_id="suggestions_label"))
        blocks.append(topic_buttons(suggestions[:3], block_id="suggestions"))
    blocks.append(
        actions(
            [
                button("Browse topics", ActionIds.MENU_TOPICS, "topics"),
                button("Help me choose", ActionIds.MENU_CHOOSE, "choose", style="primary"),
            ],
            block_id="decline_menu",
        )
    )
    blocks.append(
        context(DECLINE_SCOPE)
    )
    titles = ", ".join(t.title for t in suggestions[:3])
    text = NO_EARLIER_QUESTION.replace("_", "") if no_earlier_question else DECLINE
    if titles:  # (titles asked as questions end with their own "?": "What is Django used for?")
        text += f" Did you mean: {titles}" + ("" if titles.endswith("?") else "?")
    return message(text, blocks)


def comparison_message(comparison: Comparison, *, shareable: bool = False, shared_by: str | None = None) -> dict[str, Any]:
    """The differences table, one section per row with Flask and Django side by side."""
    blocks = [header(comparison.title), section(comparison.summary, block_id="summary"), divider()]
    lines = []
    for i, row in enumerate(comparison.rows):
        blocks.append(
            section(f"*{row.aspect}*", block_id=f"row_{i}", fields=[f"*Flask*\n{row.flask}", f"*Django*\n{row.django}"])
        )
        lines.append(f"{row.aspect}: Flask: {row.flask} / Django: {row.django}")
    notes = [source_line(comparison.section)]
    if shared_by:
        notes.append(f"Shared by <@{shared_by}>")
    blocks.append(context(*notes))
    elements = [button("Help me choose", ActionIds.MENU_CHOOSE, "choose", style="primary")]
    if shareable:
        elements.append(button("Share in channel", ActionIds.SHARE, share_value("c")))
    blocks.append(actions(elements, block_id="compare_actions"))
    return message(f"{comparison.title}. " + " ".join(lines), blocks)


def topics_message(topics: Sequence[Topic]) -> dict[str, Any]:
    """Every topic as a button, five to a row."""
    blocks = [
        header("Topics I can answer"),
        section("Pick a topic, or just ask me a question in your own words."),
    ]
    for n, group in enumerate(chunks(list(topics), 5)):
        blocks.append(topic_buttons(group, block_id=f"topics_{n}", start=n * 5))
    return message("Topics I can answer: " + ", ".join(t.title for t in topics), blocks)
