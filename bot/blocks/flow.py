"""The "help me choose" flow: one message, updated in place, question by question."""

from __future__ import annotations

from typing import Any, Sequence

from bot import recommend
from bot.blocks.answers import source_line, topic_buttons
from bot.blocks.common import ActionIds, actions, button, context, header, message, section, share_value
from bot.knowledge import Question, Recommendation, Topic

FINAL_VERDICT_SECTION = "When to Choose Flask and Django: Final Verdict"
BAR_WIDTH = 20
NAMES = {recommend.FLASK: "Flask", recommend.DJANGO: "Django"}


def bar(share: float) -> str:
    filled = round(share * BAR_WIDTH)
    return "█" * filled + "░" * (BAR_WIDTH - filled)


def flow_launcher_message(question_count: int) -> dict[str, Any]:
    """"Help me choose" asked in public (a channel mention): a button that starts a private flow for
    whoever clicks it, so each person answers for themselves and nobody's answers are on show."""
    text = (f"*Which framework fits your project?* Answer {question_count} quick questions and get a "
            "recommendation with its reasons. Your answers are only visible to you.")
    return message(
        f"Which framework fits your project? Answer {question_count} quick questions and get a recommendation.",
        [section(f":compass: {text}", block_id="flow_launcher"),
         actions([button("Help me choose", ActionIds.MENU_CHOOSE, "choose", style="primary")], block_id="menu")],
    )


def flow_question_message(state: recommend.FlowState, question: Question, recommendation: Recommendation) -> dict[str, Any]:
    number = len(state.answers) + 1
    total = len(recommendation.questions)
    progress = "●" * (number - 1) + "◉" + "○" * (total - number)
    blocks = [
        section(f"*Help me choose* · Question {number} of {total}\n*{question.text}*", block_id="flow_question"),
        actions(
            (
                button(option.label, f"{ActionIds.FLOW_ANSWER_PREFIX}{i}", recommend.encode(state.with_answer(i)))
                for i, option in enumerate(question.options)
            ),
            block_id="flow_options",
        ),
    ]
    if state.answers:  # on question 1 there is nothing to go back to or start over
        blocks.append(actions((
            button("Back", ActionIds.FLOW_BACK, recommend.encode(state.back())),
            button("Start over", ActionIds.FLOW_RESTART, recommend.encode(recommend.start(recommendation))),
        ), block_id="flow_nav"))
    blocks.append(context(progress))
    options = " / ".join(o.label for o in question.options)
    return message(f"Help me choose, question {number} of {total}: {question.text} ({options})", blocks)


def _headline(result: recommend.Result) -> str:
    if result.winner is None:
        return "It's a tie: both fit this project"
    name = NAMES[result.winner]
    if result.close_call:
        return f"Close call: we lean towards {name} for this project"
    return f"We recommend {name} for this project"


def flow_result_message(
    state: recommend.FlowState,
    result: recommend.Result,
    related: Sequence[Topic],
    recommendation: Recommendation,
    *,
    shareable: bool = False,
    shared_by: str | None = None,
) -> dict[str, Any]:
    headline = _headline(result)
    order = [recommend.DJANGO, recommend.FLASK]
    if result.winner == recommend.FLASK:
        order.reverse()
    bars = "\n".join(
        f"`{bar(result.share(fw))}` *{NAMES[fw]}* {round(result.share(fw) * 100)}%  ({getattr(result, fw + '_points')} pts)"
        for fw in order
    )
    blocks = [header(headline), section(bars, block_id="score")]
    if result.close_call:
        note = (":balance_scale: *Dead even.* Your answers give both frameworks the same points, so either "
                "can work; weigh the reasons below by what matters most to your team."
                if result.winner is None else
                ":balance_scale: *It's a close call.* Your answers pull both ways, so either framework can work; "
                "the reasons below show what tips the balance.")
        blocks.append(section(note, block_id="close_call"))
    lines = []
    for reason in result.reasons:
        leaning = f" → {NAMES[reason.favours]}" if reason.favours else ""
        lines.append(f"• *{reason.choice}*{leaning}: {reason.text} _({' · '.join(reason.section.split('; '))})_")
    blocks.append(section("*Why*\n" + "\n".join(lines), block_id="reasons"))
    notes = [source_line(FINAL_VERDICT_SECTION)]
    if shared_by:
        notes.append(f"Shared by <@{shared_by}>")
    blocks.append(context(*notes))
    if related:
        blocks.append(topic_buttons(related[:5], block_id="related"))
    nav = []
    if shareable:
        nav.append(button("Share in channel", ActionIds.SHARE, share_value("r", recommend.encode(state))))
    if not shared_by:
        nav.append(button("Back", ActionIds.FLOW_BACK, recommend.encode(state.back())))
    nav.append(button("Start over", ActionIds.FLOW_RESTART, recommend.encode(recommend.start(recommendation))))
    blocks.append(actions(nav, block_id="flow_nav"))
    summary = "; ".join(f"{r.choice}: {r.text}" for r in result.reasons)
    return message(f"{headline}. {summary}", blocks)


def flow_stale_message(recommendation: Recommendation) -> dict[str, Any]:
    text = (
        "This \"help me choose\" flow has changed since this message was sent, "
        "so I can't pick up where it left off. Please start again."
    )
    return message(
        text,
        [
            section(f":arrows_counterclockwise: {text}", block_id="flow_stale"),
            actions(
                [button("Start again", ActionIds.FLOW_RESTART, recommend.encode(recommend.start(recommendation)), style="primary")],
                block_id="flow_nav",
            ),
        ],
    )
