"""`python -m bot kb`: tools for content editors.

    python -m bot kb check [--dir DIR]          validate knowledge/*.yaml, list every problem
    python -m bot kb list [--json] [--dir DIR]  the topics as a table, or as a JSON array
    python -m bot kb sections GUIDE             the guide's headings, as knowledge/guide-sections.txt holds them

Exit codes: 0 OK, 1 the knowledge has problems (or the guide cannot be read).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bot.cli import KNOWLEDGE_DIR_HELP, knowledge_dir
from bot.knowledge import Knowledge, Topic, validate_knowledge


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("kb", help="check or list the knowledge base (knowledge/*.yaml)",
                       description="Tools for editing the knowledge base.")
    p.set_defaults(handler=lambda args: (p.print_help(sys.stderr), 2)[1])
    kb_sub = p.add_subparsers(dest="kb_command", metavar="ACTION")

    check = kb_sub.add_parser("check", help="validate the knowledge files and list every problem")
    _add_dir(check)
    check.set_defaults(handler=run_check)

    lst = kb_sub.add_parser("list", help="list the topics")
    _add_dir(lst)
    lst.add_argument("--json", action="store_true", help="print a JSON array instead of a table")
    lst.set_defaults(handler=run_list)

    sections = kb_sub.add_parser(
        "sections", help="print the guide's headings, the sections `kb check` accepts",
        description="Print the headings of the source guide as knowledge/guide-sections.txt holds them "
                    "(the list `kb check` checks every `section` against). When the guide changes: "
                    "python -m bot kb sections ../shared/source/flask-vs-django.md > knowledge/guide-sections.txt")
    sections.add_argument("guide", type=Path, metavar="GUIDE", help="the guide, e.g. ../shared/source/flask-vs-django.md")
    sections.set_defaults(handler=run_sections)


def _add_dir(p: argparse.ArgumentParser) -> None:
    p.add_argument("--dir", type=Path, default=None, metavar="DIR",
                   help=KNOWLEDGE_DIR_HELP)


def _load(args: argparse.Namespace) -> Knowledge | None:
    """The knowledge, or None after printing every problem to stderr."""
    knowledge, errors = validate_knowledge(knowledge_dir(args.dir))
    if errors:
        for error in errors:
            print(error, file=sys.stderr)
        noun = "problem" if len(errors) == 1 else "problems"
        print(f"knowledge check failed: {len(errors)} {noun}", file=sys.stderr)
        return None
    return knowledge


def run_check(args: argparse.Namespace) -> int:
    knowledge = _load(args)
    if knowledge is None:
        return 1
    rec = knowledge.recommendation
    print(f"knowledge OK: {len(knowledge.topics)} topics, {len(knowledge.comparison.rows)} comparison rows, "
          f"{len(rec.questions)} questions (flow version {rec.flow_version})")
    return 0


def run_sections(args: argparse.Namespace) -> int:
    from bot.knowledge_files import format_guide_sections, guide_sections

    try:
        text = args.guide.read_text(encoding="utf-8")
    except FileNotFoundError:
        print(f"kb sections: cannot read the guide {args.guide}: file not found", file=sys.stderr)
        return 1
    except (OSError, UnicodeDecodeError) as e:
        print(f"kb sections: cannot read the guide {args.guide}: {e}", file=sys.stderr)
        return 1
    sys.stdout.write(format_guide_sections(guide_sections(text)))
    return 0


def topic_as_json(topic: Topic) -> dict:
    return {
        "id": topic.id,
        "title": topic.title,
        "section": topic.section,
        "answer": topic.answer,
        "examples": list(topic.examples),
        "keywords": dict(topic.keywords),
        "synonyms": {k: list(v) for k, v in topic.synonyms.items()},
        "related": list(topic.related),
        "covers": list(topic.covers),
    }


def run_list(args: argparse.Namespace) -> int:
    knowledge = _load(args)
    if knowledge is None:
        return 1
    topics = list(knowledge.topics.values())
    if args.json:
        print(json.dumps([topic_as_json(t) for t in topics], ensure_ascii=False, indent=2))
        return 0

    from rich import box
    from rich.console import Console
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_lines=True, title=f"{len(topics)} topics")
    table.add_column("id", style="bold", no_wrap=True, ratio=1)
    table.add_column("title / answer", ratio=3)
    table.add_column("example questions", ratio=2)
    table.add_column("keywords", ratio=2)
    for t in topics:
        answer = " ".join(t.answer.split())
        if len(answer) > 160:
            answer = answer[:157].rstrip() + "..."
        keywords = ", ".join(f"{k} ({w:g})" for k, w in sorted(t.keywords.items(), key=lambda kv: -kv[1]))
        examples = "\n".join(f"• {e}" for e in t.examples)
        table.add_row(t.id, f"[bold]{_escape(t.title)}[/bold]\n{_escape(answer)}", _escape(examples),
                      _escape(keywords))
    Console(file=sys.stdout, width=max(_width(), 120), highlight=False).print(table)
    return 0


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _width() -> int:
    import shutil

    return shutil.get_terminal_size((140, 24)).columns
