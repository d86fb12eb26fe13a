"""`python -m bot ask`: ask the FAQ answerer a question from the terminal.

    python -m bot ask "which one is more secure?"       the answer, as a user reads it
    python -m bot ask --explain "flask vs django"       ... plus matched terms and runners-up
    python -m bot ask --json "what is wsgi"             one JSON object
    some-command | python -m bot ask --json -           one question per line -> JSON lines
    python -m bot ask --dir other/knowledge "..."       another knowledge folder
    python -m bot ask --after "why flask?" "and django?" a follow-up: read as "why django?", as in Slack

A greeting, thanks or sub-command ("hi", "thanks", "topics", "compare") is not
a question: ``ask`` says what the bot does with it instead (the console,
``python -m bot`` without Slack credentials, shows it).

Exit codes: 0 answered or politely declined, 1 the knowledge could not be
loaded (the message goes to stderr), 2 no question given.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from bot.blocks.answers import DECLINE, DECLINE_SCOPE
from bot.errors import FlaskVsDjangoError
from bot.intents import Kind, parse_message
from bot.cli import KNOWLEDGE_DIR_HELP, knowledge_dir
from bot.knowledge import Knowledge, load_knowledge
from bot.matching import Answerer, Explanation, Match, QueryTerm, TopicScore

DECLINE_TEXT = f"{DECLINE} {DECLINE_SCOPE}"  # what Slack shows
# Shown when a decline has no "did you mean" topics of its own.
FALLBACK_SUGGESTIONS = ("key-differences", "final-verdict", "faq-learn-which")
# What the bot does with a message that is not a question (bot.intents, bot.responses).
NOT_A_QUESTION = {
    Kind.MENU: "greets and shows the menu",
    Kind.THANKS: "answers with a short you're welcome",
    Kind.CHOOSE: "starts the help-me-choose flow",
    Kind.COMPARE: "shows the comparison table",
    Kind.TOPICS: "lists the topics",
}


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "ask",
        help="answer a question as the bot would, in the terminal (no Slack)",
        description="Answer one question from the knowledge base, or one per line from stdin with '-'.",
    )
    p.add_argument("question", nargs="*", metavar="QUESTION",
                   help="the question (several words are joined); '-' reads one question per line from stdin")
    p.add_argument("--json", action="store_true", help="print JSON (one object per question)")
    p.add_argument("--explain", action="store_true", help="show matched terms, scores and runners-up")
    p.add_argument("--dir", type=Path, default=None, metavar="DIR",
                   help=KNOWLEDGE_DIR_HELP)
    p.add_argument("--after", default=None, metavar="PREVIOUS",
                   help="the question asked before (in the same thread or DM): each question is read as a "
                        "follow-up of it where it is one, as the bot does (\"and django?\")")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, *, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    question = " ".join(args.question).strip()
    if not question:
        print("ask: give a question, or '-' to read questions from stdin", file=sys.stderr)
        return 2
    try:
        knowledge = load_knowledge(knowledge_dir(args.dir))
    except FlaskVsDjangoError as error:
        print(f"ask: {error}", file=sys.stderr)
        return 1
    answerer = Answerer(knowledge)
    if question == "-":
        questions = (line.rstrip("\r\n") for line in stdin)
        first = True
        for q in questions:
            if not q.strip():
                continue  # blank lines are not questions
            if not args.json and not first:
                stdout.write("\n" + "─" * 40 + "\n\n")
            first = False
            _one(answerer, knowledge, q, args, stdout)
        return 0
    _one(answerer, knowledge, question, args, stdout)
    return 0


def _read_as(answerer: Answerer, question: str, after: str | None) -> str | None:
    """What ``question`` stands for after ``after``, as a mention or DM reads it, or None."""
    if not after:
        return None
    from bot.followups import kept_for_follow_ups, read_as

    return read_as(parse_message(question), kept_for_follow_ups(parse_message(after).text or after),
                   own_subject=answerer.asks_on_its_own, answered=lambda words: answerer.answer(words).answered)


def _one(answerer: Answerer, knowledge: Knowledge, question: str, args: argparse.Namespace, out: TextIO) -> None:
    kind = parse_message(question).kind
    if kind in NOT_A_QUESTION:
        note = (f"Not a question: in Slack, the bot {NOT_A_QUESTION[kind]} for {question.strip()!r}. "
                "The local console (python -m bot, no Slack credentials set) shows that reply.")
        if args.json:
            out.write(json.dumps({"answered": False, "intent": kind.value, "topic": None, "title": None,
                                  "text": note, "score": 0.0, "suggestions": [], "section": None},
                                 ensure_ascii=False) + "\n")
        else:
            out.write(note + "\n")
        out.flush()
        return
    read_as = _read_as(answerer, question, args.after)
    match = answerer.answer(read_as or question, explain=args.explain)
    if args.json:
        data = match_as_json(match)
        if args.after is not None:
            data["read_as"] = read_as
        out.write(json.dumps(data, ensure_ascii=False) + "\n")
        out.flush()
        return
    if read_as:
        out.write(f"Following on from the last question: {read_as}\n\n")
    if _is_tty(out):
        _print_rich(match, knowledge, out)
    else:
        out.write(render_plain(match, knowledge))
    out.flush()


def _is_tty(out: TextIO) -> bool:
    isatty = getattr(out, "isatty", None)
    return bool(isatty and isatty())


# ---------------------------------------------------------------- JSON


def match_as_json(match: Match) -> dict[str, Any]:
    """The ``--json`` object: answered, topic, title, text, score, suggestions, section."""
    topic = match.topic
    data: dict[str, Any] = {
        "answered": match.answered,
        "topic": topic.id if topic else None,
        "title": topic.title if topic else None,
        "text": topic.answer if topic else DECLINE_TEXT,
        "score": match.score,
        "suggestions": [t.id for t in match.suggestions],
        "section": topic.section if topic else None,
    }
    if match.explanation is not None:
        data["explanation"] = explanation_as_json(match.explanation)
    return data


def _topic_score_json(ts: TopicScore) -> dict[str, Any]:
    return {
        "topic": ts.topic.id,
        "score": round(ts.score, 4),
        "terms": [{"term": t.term, "weight": t.weight, "score": round(t.score, 4)} for t in ts.terms],
    }


def explanation_as_json(e: Explanation) -> dict[str, Any]:
    return {
        "terms": [{"term": t.term, "from": t.source, "via": t.via, "idf": round(t.idf, 4)} for t in e.terms],
        "unknown": list(e.unknown),
        "known_share": e.known_share,
        "confidence": e.confidence,
        "min_confidence": e.min_confidence,
        "fully_explained": e.fully_explained,
        "vetoed": e.vetoed or None,
        "sums_up": list(e.sums_up),
        "best": _topic_score_json(e.best) if e.best else None,
        "runners_up": [_topic_score_json(ts) for ts in e.runners_up],
        "stats": {
            "postings_visited": e.stats.postings_visited,
            "lookups": e.stats.lookups,
            "fuzzy_candidates": e.stats.fuzzy_candidates,
            "candidates": e.stats.candidates,
        },
    }


# ---------------------------------------------------------------- plain text
# mrkdwn is rendered by the console's renderer (bot.console.mrkdwn), the one place
# the project turns Slack mrkdwn into terminal text.


def _titles(knowledge: Knowledge, ids: tuple[str, ...] | list[str]) -> list[str]:
    return [knowledge.topics[i].title for i in ids if i in knowledge.topics]


def _suggestions(match: Match, knowledge: Knowledge) -> list[tuple[str, str]]:
    topics = list(match.suggestions) or [knowledge.topics[i] for i in FALLBACK_SUGGESTIONS if i in knowledge.topics]
    return [(t.id, t.title) for t in topics]


def _source(section: str) -> str:
    parts = section.split("; ")
    return ("Source: " if len(parts) == 1 else "Sources: ") + " · ".join(parts)


def render_plain(match: Match, knowledge: Knowledge) -> str:
    """The answer as plain text (what ``ask`` prints when stdout is not a terminal)."""
    from bot.console.mrkdwn import to_plain  # rich: loaded by ``ask`` only, not by the server

    lines: list[str] = []
    if match.answered and match.topic:
        topic = match.topic
        lines += [topic.title, "", to_plain(topic.answer), "", _source(topic.section)]
        related = _titles(knowledge, topic.related)
        if related:
            lines.append("Related: " + "; ".join(related))
    else:
        lines += [DECLINE_TEXT, "", "Did you mean:"]
        lines += [f"  • {title}  ({tid})" for tid, title in _suggestions(match, knowledge)]
    if match.explanation is not None:
        lines += ["", *explain_lines(match.explanation)]
    return "\n".join(lines) + "\n"


def _term(t: QueryTerm) -> str:
    """One understood term; "x0.5" when it weighs less than usual (a typo, or context before the question)."""
    factor = f", x{t.factor:g}" if t.factor != 1.0 else ""
    return f"{t.term} [{t.via} '{t.source}', idf {t.idf:.2f}{factor}]"


def explain_lines(e: Explanation) -> list[str]:
    verdict = "answered" if e.confidence >= e.min_confidence or e.fully_explained else "declined"
    lines = [
        "Explanation",
        "  understood as: " + (", ".join(_term(t) for t in e.terms) or "(nothing)"),
        "  unknown words: " + (", ".join(e.unknown) or "(none)"),
        f"  known share {e.known_share:.2f}; confidence {e.confidence:.2f} (needs {e.min_confidence:.2f})"
        f"{'; every word is the topic’s own' if e.fully_explained else ''} -> {verdict}"
        f"{f' ({e.vetoed})' if e.vetoed else ''}",
    ]
    if e.sums_up and e.best:
        lines.append(f"  {e.best.topic.id} takes the best score: it sums up {' and '.join(e.sums_up)}, which the"
                     " question names, and its own subject is asked")
    for label, ts in ([("best", e.best)] if e.best else []) + [("runner-up", r) for r in e.runners_up]:
        terms = ", ".join(f"{t.term} {t.score:.2f} (w {t.weight:g})" for t in ts.terms)
        lines.append(f"  {label:<9} {ts.topic.id:<28} {ts.score:7.2f}  {terms}")
    s = e.stats
    lines.append(f"  cost: {s.postings_visited} postings, {s.lookups} look-ups, "
                 f"{s.fuzzy_candidates} fuzzy candidates, {s.candidates} candidate topics")
    return lines


# ---------------------------------------------------------------- rich (terminal)


def _print_rich(match: Match, knowledge: Knowledge, out: TextIO) -> None:
    from rich.console import Console, Group
    from rich.markup import escape
    from rich.panel import Panel
    from rich.text import Text

    from bot.console.mrkdwn import to_renderable

    console = Console(file=out)
    if match.answered and match.topic:
        topic = match.topic
        notes = Text("\n" + _source(topic.section), style="dim")
        related = _titles(knowledge, topic.related)
        if related:
            notes.append("\nRelated: " + "; ".join(related))
        body = Group(to_renderable(topic.answer), notes)
        console.print(Panel(body, title=f"[bold]{escape(topic.title)}[/bold]", title_align="left"))
    else:
        items = "\n".join(f"  • {escape(title)} [dim]({tid})[/dim]" for tid, title in _suggestions(match, knowledge))
        console.print(Panel(f"{escape(DECLINE_TEXT)}\n\n[bold]Did you mean:[/bold]\n{items}", border_style="yellow"))
    if match.explanation is not None:
        console.print(escape("\n".join(explain_lines(match.explanation))), style="dim")
