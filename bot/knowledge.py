"""Load and validate ``knowledge/*.yaml`` into immutable records, NamedTuples (pure: no Slack, no network).

CONTRACT (other modules rely on these names and fields):

    load_knowledge(directory: str | Path) -> Knowledge   # raises KnowledgeError (the first problem)
    validate_knowledge(directory) -> (Knowledge | None, [KnowledgeError, ...])   # every problem found
    default_knowledge_dir() -> Path                      # the repo's knowledge/ folder

The schema of the three files is declared as a value in ``bot.knowledge_schema``;
``bot.knowledge_files`` reads the files (YAML is parsed in exactly one place,
``compose_yaml``, with PyYAML's ``SafeLoader``), runs that schema, checks the
cross-references (unique ids, related and option topic ids that exist, synonyms
that extend a keyword, sections that name headings of the guide as listed in
``guide-sections.txt``) and builds the records below, which live here.

Every problem is a :class:`bot.errors.KnowledgeError` naming the file as the
editor can open it (the folder as given, relative to the working folder when
inside it, else its full path: ``knowledge/topics.yaml`` from the repository,
``/home/me/draft/topics.yaml`` for a draft elsewhere), the 1-based line, the key
path (``topics[3].related[0]``) and what was expected. Every check runs whatever
the others found, so one run lists every problem; only a file that is not YAML
(or has a version this bot does not read) is not checked further, and its
message says what was skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Mapping, NamedTuple

from bot.errors import KnowledgeError

# The guide's headings, one a line, beside the YAML files: what a topic's ``section`` may name.
SECTIONS_FILE = "guide-sections.txt"


class FrozenMap(Mapping):
    """A read-only, hashable mapping that keeps insertion order.

    Used for every mapping field below so the records stay
    immutable and hashable. (``json.dumps`` needs ``dict(frozen_map)``.)
    """

    __slots__ = ("_data", "_hash")

    def __init__(self, data: Mapping | None = None) -> None:
        self._data = dict(data or {})
        self._hash: int | None = None

    def __getitem__(self, key: Any) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(tuple(self._data.items()))
        return self._hash

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"


class Topic(NamedTuple):
    id: str                                  # stable, kebab-case, e.g. "csrf"
    title: str                               # "CSRF protection"
    answer: str                              # Slack mrkdwn, our own words
    section: str                             # guide section it comes from, e.g. "Frequently Asked Questions › Which is More Secure, Flask or Django?"
    keywords: Mapping[str, float]            # term or phrase -> weight (default 1.0)
    synonyms: Mapping[str, tuple[str, ...]]  # keyword -> alternative words/phrases that mean it
    examples: tuple[str, ...]                # example questions (also used for matching)
    related: tuple[str, ...]                 # related topic ids (validated to exist)
    # the topics this one sums up ("Rapid development": the admin, auth and ORM it names); a question
    # naming two of them and this topic's own subject gets this one (bot.matching.scoring.summed_up)
    covers: tuple[str, ...] = ()


class ComparisonRow(NamedTuple):
    aspect: str      # "Scope", "Project size", ...
    flask: str
    django: str


class Comparison(NamedTuple):
    title: str
    section: str
    summary: str                      # one or two sentences, mrkdwn
    rows: tuple[ComparisonRow, ...]   # the guide's five rows


class Option(NamedTuple):
    id: str            # stable within its question, e.g. "api"
    label: str         # button label, <= 75 chars
    flask: int         # points for Flask
    django: int        # points for Django
    reason: str        # one sentence shown in the result when this option was picked
    section: str       # guide section backing the reason
    topic: str | None  # related topic id for a button in the result


class Question(NamedTuple):
    id: str            # stable, e.g. "project_type"
    text: str          # "What are you building?"
    options: tuple[Option, ...]


class Recommendation(NamedTuple):
    flow_version: int                 # bump when questions/options change meaning
    close_call_margin: float          # |flask share - 0.5| below this is a close call
    questions: tuple[Question, ...]   # 5 to 7


class Knowledge(NamedTuple):
    version: int
    topics: Mapping[str, Topic]       # ordered by file order, keyed by id
    comparison: Comparison
    recommendation: Recommendation
    source_files: tuple[str, ...] = ()


# --------------------------------------------------------------------------- #
# Loading
# --------------------------------------------------------------------------- #


def default_knowledge_dir() -> Path:
    """The repository's ``knowledge/`` folder (next to the ``bot`` package)."""
    return Path(__file__).resolve().parent.parent / "knowledge"


def load_knowledge(directory: str | Path) -> Knowledge:
    """Load the knowledge in ``directory``; raise the first problem as a KnowledgeError."""
    knowledge, errors = validate_knowledge(directory)
    if errors:
        raise errors[0]
    assert knowledge is not None
    return knowledge


def validate_knowledge(directory: str | Path) -> tuple[Knowledge | None, list[KnowledgeError]]:
    """Check every file and return ``(knowledge, [])`` or ``(None, all problems found)``.

    Problems come in order: unexpected ``*.yaml`` files (and a missing list of the
    guide's headings), then each file in load order (topics, comparison,
    recommendation) by line. ``python -m bot kb check``
    prints them all; :func:`load_knowledge` raises the first. The reading is in
    ``bot.knowledge_files``, imported on first use: the serving process loads its
    knowledge in a child process (``bot.knowledge_process``) and never imports it.
    """
    from bot.knowledge_files import validate

    return validate(directory)
