"""Load and validate ``knowledge/*.yaml`` into frozen dataclasses (pure: no Slack, no network).

CONTRACT (other modules rely on these names and fields; the loader body is
filled in by the knowledge work):

    load_knowledge(directory: str | Path) -> Knowledge   # raises KnowledgeError
    default_knowledge_dir() -> Path                      # the repo's knowledge/ folder
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping


@dataclass(frozen=True)
class Topic:
    id: str                                  # stable, kebab-case, e.g. "csrf"
    title: str                               # "CSRF protection"
    answer: str                              # Slack mrkdwn, our own words
    section: str                             # guide section it comes from, e.g. "Frequently Asked Questions › Which is More Secure, Flask or Django?"
    keywords: Mapping[str, float]            # term or phrase -> weight (default 1.0)
    synonyms: Mapping[str, tuple[str, ...]]  # keyword -> alternative words/phrases that mean it
    examples: tuple[str, ...]                # example questions (also used for matching)
    related: tuple[str, ...]                 # related topic ids (validated to exist)


@dataclass(frozen=True)
class ComparisonRow:
    aspect: str      # "Scope", "Project size", ...
    flask: str
    django: str


@dataclass(frozen=True)
class Comparison:
    title: str
    section: str
    summary: str                      # one or two sentences, mrkdwn
    rows: tuple[ComparisonRow, ...]   # the guide's five rows


@dataclass(frozen=True)
class Option:
    id: str            # stable within its question, e.g. "api"
    label: str         # button label, <= 75 chars
    flask: int         # points for Flask
    django: int        # points for Django
    reason: str        # one sentence shown in the result when this option was picked
    section: str       # guide section backing the reason
    topic: str | None  # related topic id for a button in the result


@dataclass(frozen=True)
class Question:
    id: str            # stable, e.g. "project_type"
    text: str          # "What are you building?"
    options: tuple[Option, ...]


@dataclass(frozen=True)
class Recommendation:
    flow_version: int                 # bump when questions/options change meaning
    close_call_margin: float          # |flask share - 0.5| below this is a close call
    questions: tuple[Question, ...]   # 5 to 7


@dataclass(frozen=True)
class Knowledge:
    version: int
    topics: Mapping[str, Topic]       # ordered by file order, keyed by id
    comparison: Comparison
    recommendation: Recommendation
    source_files: tuple[str, ...] = field(default=())
