"""Load and validate ``knowledge/*.yaml`` into frozen dataclasses (pure: no Slack, no network).

CONTRACT (other modules rely on these names and fields):

    load_knowledge(directory: str | Path) -> Knowledge   # raises KnowledgeError (the first problem)
    validate_knowledge(directory) -> (Knowledge | None, [KnowledgeError, ...])   # every problem found
    default_knowledge_dir() -> Path                      # the repo's knowledge/ folder

The schema of the three files is declared as a value in ``bot.knowledge_schema``;
this module reads the files (YAML is parsed in exactly one place,
:func:`compose_yaml`, with PyYAML's ``SafeLoader``), runs that schema, checks
the cross-references (unique ids, related and option topic ids that exist,
synonyms that extend a keyword) and builds the dataclasses below.

Every problem is a :class:`bot.errors.KnowledgeError` naming the file (relative
to the knowledge folder's parent, e.g. ``knowledge/topics.yaml``), the 1-based
line, the key path (``topics[3].related[0]``) and what was expected.
Cross-reference checks run on a file only once its schema errors are fixed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import yaml

from bot.errors import KnowledgeError
from bot.knowledge_schema import FILES, INVALID, Report, did_you_mean, key_path


class FrozenMap(Mapping):
    """A read-only, hashable mapping that keeps insertion order.

    Used for every mapping field below so the frozen dataclasses stay
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


# --------------------------------------------------------------------------- #
# Loading
# --------------------------------------------------------------------------- #

KNOWLEDGE_FILES = tuple(FILES)   # ("topics.yaml", "comparison.yaml", "recommendation.yaml")


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

    Problems come in order: unexpected ``*.yaml`` files, then each file in load
    order (topics, comparison, recommendation) by line. ``python -m bot kb check``
    prints them all; :func:`load_knowledge` raises the first.
    """
    directory = Path(directory)
    label = directory.name or str(directory)
    if not directory.is_dir():
        return None, [KnowledgeError(str(directory), None, "", "knowledge directory not found")]

    errors: list[KnowledgeError] = []
    expected = ", ".join(KNOWLEDGE_FILES)
    for extra in sorted(p for p in directory.iterdir() if p.suffix in (".yaml", ".yml")):
        if extra.name not in FILES:
            hint = did_you_mean(extra.name, KNOWLEDGE_FILES)
            errors.append(KnowledgeError(
                f"{label}/{extra.name}", None, "",
                f"unexpected knowledge file; expected only {expected}{hint}",
            ))

    values: dict[str, dict[str, Any]] = {}
    reports: dict[str, Report] = {}
    for name, schema in FILES.items():
        report = reports[name] = Report(f"{label}/{name}")
        path = directory / name
        if not path.is_file():
            report.error(None, "", f"missing knowledge file; expected {expected} in {label}/")
            continue
        node = compose_yaml(path, report)
        if node is not None:
            value = schema(node, "", report)
            if value is not INVALID:
                values[name] = value

    # cross-references, once a file's schema is clean
    topics_ok = "topics.yaml" in values
    if topics_ok:
        _check_topics(values["topics.yaml"], reports["topics.yaml"])
        topics_ok = not reports["topics.yaml"].errors
    if "recommendation.yaml" in values:
        topic_ids = {t["id"] for t in values["topics.yaml"]["topics"]} if topics_ok else None
        _check_recommendation(values["recommendation.yaml"], reports["recommendation.yaml"], topic_ids)

    for report in reports.values():
        errors.extend(sorted(report.errors, key=lambda e: e.line or 0))
    if errors:
        return None, errors
    return _build(values, tuple(f"{label}/{name}" for name in KNOWLEDGE_FILES)), []


def compose_yaml(path: Path, report: Report) -> yaml.Node | None:
    """The one place YAML is parsed: ``yaml.compose`` with ``SafeLoader``.

    Returns the root node, or None after reporting why there is none.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        report.error(None, "", f"cannot read the file as UTF-8 ({exc.reason})")
        return None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "syntax error"
        context = ""
        if exc.context:
            context = f" ({exc.context}"
            if exc.context_mark is not None and exc.context_mark.line != getattr(mark, "line", None):
                context += f" on line {exc.context_mark.line + 1}"
            context += ")"
        report.error(mark.line + 1 if mark else None, "", f"invalid YAML: {problem}{context}")
        return None
    except yaml.YAMLError as exc:
        report.error(None, "", f"invalid YAML: {exc}")
        return None
    if node is None:
        report.error(1, "", "the file is empty; expected a mapping starting with `version: 1`")
        return None
    return node


def _check_topics(data: dict[str, Any], report: Report) -> None:
    """Unique ids, related ids that exist, synonyms that extend a keyword."""
    first: dict[str, int] = {}
    for i, topic in enumerate(data["topics"]):
        path = f"topics[{i}].id"
        if topic["id"] in first:
            j = first[topic["id"]]
            report.error(report.line_of(path), path,
                         f"duplicate topic id {topic['id']!r} (first used by topics[{j}] on line "
                         f"{report.line_of(f'topics[{j}].id')})")
        else:
            first[topic["id"]] = i
    ids = list(first)
    for i, topic in enumerate(data["topics"]):
        for k, rel in enumerate(topic["related"]):
            path = f"topics[{i}].related[{k}]"
            if rel == topic["id"]:
                report.error(report.line_of(path), path, "a topic cannot be related to itself")
            elif rel not in first:
                hint = did_you_mean(rel, ids) or "; no topic has this id"
                report.error(report.line_of(path), path, f"unknown topic id {rel!r}{hint}")
        for key in topic["synonyms"]:
            if key not in topic["keywords"]:
                path = key_path(f"topics[{i}].synonyms", key)
                hint = did_you_mean(key, list(topic["keywords"])) or "; add it to keywords first"
                report.error(report.line_of(path), path,
                             f"synonyms key {key!r} is not one of this topic's keywords{hint}")


def _check_recommendation(data: dict[str, Any], report: Report, topic_ids: set[str] | None) -> None:
    """Unique question ids, unique option ids per question, option topics that exist."""
    seen: dict[str, int] = {}
    for q, question in enumerate(data["questions"]):
        path = f"questions[{q}].id"
        if question["id"] in seen:
            report.error(report.line_of(path), path,
                         f"duplicate question id {question['id']!r} (first used by questions[{seen[question['id']]}])")
        seen.setdefault(question["id"], q)
        options: dict[str, int] = {}
        for o, option in enumerate(question["options"]):
            opath = f"questions[{q}].options[{o}]"
            if option["id"] in options:
                report.error(report.line_of(f"{opath}.id"), f"{opath}.id",
                             f"duplicate option id {option['id']!r} (first used by "
                             f"questions[{q}].options[{options[option['id']]}])")
            options.setdefault(option["id"], o)
            if topic_ids is not None and option["topic"] is not None and option["topic"] not in topic_ids:
                hint = did_you_mean(option["topic"], sorted(topic_ids)) or "; no topic has this id"
                report.error(report.line_of(f"{opath}.topic"), f"{opath}.topic",
                             f"unknown topic id {option['topic']!r}{hint}")


def _build(values: dict[str, dict[str, Any]], source_files: tuple[str, ...]) -> Knowledge:
    topics = FrozenMap({
        t["id"]: Topic(
            id=t["id"],
            title=t["title"].strip(),
            answer=t["answer"].strip(),
            section=t["section"],
            keywords=FrozenMap(t["keywords"]),
            synonyms=FrozenMap({k: tuple(v) for k, v in t["synonyms"].items()}),
            examples=tuple(t["examples"]),
            related=tuple(t["related"]),
        )
        for t in values["topics.yaml"]["topics"]
    })
    c = values["comparison.yaml"]
    comparison = Comparison(
        title=c["title"],
        section=c["section"],
        summary=c["summary"].strip(),
        rows=tuple(ComparisonRow(r["aspect"], r["flask"], r["django"]) for r in c["rows"]),
    )
    r = values["recommendation.yaml"]
    recommendation = Recommendation(
        flow_version=r["flow_version"],
        close_call_margin=r["close_call_margin"],
        questions=tuple(
            Question(
                id=q["id"],
                text=q["text"],
                options=tuple(
                    Option(o["id"], o["label"], o["flask"], o["django"], o["reason"].strip(),
                           o["section"], o["topic"])
                    for o in q["options"]
                ),
            )
            for q in r["questions"]
        ),
    )
    return Knowledge(
        version=values["topics.yaml"]["version"],
        topics=topics,
        comparison=comparison,
        recommendation=recommendation,
        source_files=source_files,
    )
