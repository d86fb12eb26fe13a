"""Read and validate the ``knowledge/*.yaml`` files: PyYAML, the schema and the cross-references.

    validate(directory) -> (Knowledge | None, [KnowledgeError, ...])   # every problem found

Used through ``bot.knowledge.validate_knowledge`` / ``load_knowledge``; see
``bot.knowledge`` for the contract. YAML is parsed in exactly one place,
:func:`compose_yaml`, with PyYAML's ``SafeLoader``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from bot.errors import KnowledgeError
from bot.knowledge import (
    Comparison,
    ComparisonRow,
    FrozenMap,
    Knowledge,
    Option,
    Question,
    Recommendation,
    Topic,
)
from bot.knowledge_schema import FILES, INVALID, Report, did_you_mean, key_path
from bot.text import is_content, keyword_owners, normalise, term_stems, tokens

KNOWLEDGE_FILES = tuple(FILES)   # ("topics.yaml", "comparison.yaml", "recommendation.yaml")


def validate(directory: str | Path) -> tuple[Knowledge | None, list[KnowledgeError]]:
    """``bot.knowledge.validate_knowledge``."""
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
        for keyword in topic["keywords"]:
            never = "neither it nor its synonyms ever match" if keyword in topic["synonyms"] else "it never matches"
            _check_term(report, key_path(f"topics[{i}].keywords", keyword), keyword, never)
        for key, alternatives in topic["synonyms"].items():
            for k, alternative in enumerate(alternatives):
                _check_term(report, f"{key_path(f'topics[{i}].synonyms', key)}[{k}]", alternative, "it never matches")
    _check_synonyms_owned_elsewhere(data["topics"], report)


def _check_synonyms_owned_elsewhere(topics: list[dict[str, Any]], report: Report) -> None:
    """A synonym that reads as another topic's keyword ("job" here, faq-flask-demand's "jobs")
    is dropped by the index: the keyword wins, so a question saying it is never led to this
    topic through it (``bot.matching.index.Index._index_synonyms``)."""
    owners = keyword_owners(topic["keywords"] for topic in topics)
    for i, topic in enumerate(topics):
        for key, alternatives in topic["synonyms"].items():
            for k, alternative in enumerate(alternatives):
                owned = owners.get(" ".join(term_stems(str(alternative))), {})
                if not owned or i in owned:  # no keyword's, or this topic's own too (merely redundant)
                    continue
                j, keyword = min(owned.items())
                path = f"{key_path(f'topics[{i}].synonyms', key)}[{k}]"
                report.error(report.line_of(path), path,
                             f"{alternative!r} reads as the keyword {keyword!r} of topic {topics[j]['id']!r}, and "
                             f"a keyword wins over a synonym, so it never leads a question to {topic['id']!r}: "
                             "remove it, or make it a keyword of this topic")


def _check_term(report: Report, path: str, text: str, never: str) -> None:
    """A keyword or synonym must have a word the answerer reads: one made only of words it skips
    (stopwords such as "go with", "tell me about", one-letter words) is never indexed, so it
    would never match a question (``bot.matching.index``)."""
    words = tokens(normalise(text))
    if any(is_content(w) for w in words):
        return
    what = f"only words the answerer skips ({', '.join(words)})" if words else "no word the answerer reads"
    report.error(report.line_of(path), path, f"{text!r} has {what}, so {never} a question: "
                                             "add a word that says what is asked, or remove it")


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
