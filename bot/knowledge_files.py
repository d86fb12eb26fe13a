"""Read and validate the ``knowledge/*.yaml`` files: PyYAML, the schema and the cross-references.

    validate(directory) -> (Knowledge | None, [KnowledgeError, ...])   # every problem found
    guide_sections(markdown) -> [section, ...]     # the headings a `section` may name, from the guide
    format_guide_sections(sections) -> str         # ... as knowledge/guide-sections.txt holds them

Used through ``bot.knowledge.validate_knowledge`` / ``load_knowledge``; see
``bot.knowledge`` for the contract. YAML is parsed in exactly one place,
:func:`compose_yaml`, with PyYAML's ``SafeLoader``.

Every check runs whatever the others found: the schema returns each file's
value with INVALID in place of what failed (``bot.knowledge_schema``), and
the cross-reference checks look at everything else, so one run lists every
problem. Only a file that cannot be read as YAML (or has a version this bot
does not read) is not checked further, and its message says so.

The guide's headings come from ``guide-sections.txt`` in the knowledge folder
(or the repository's ``knowledge/guide-sections.txt`` when a draft folder has
none): the guide itself lives outside the repository (``../shared``) and the
bot never reads it. ``python -m bot kb sections GUIDE`` writes that list from
the guide; a test keeps the committed one equal to it.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterator, Sequence
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
    SECTIONS_FILE,
    default_knowledge_dir,
)
from bot.knowledge_schema import FILES, Report, did_you_mean, key_path
from bot.text import PHRASE_FILLERS, is_content, keyword_owners, normalise, term_stems, tokens

KNOWLEDGE_FILES = tuple(FILES)   # ("topics.yaml", "comparison.yaml", "recommendation.yaml")
SECTION_SEPARATOR = "; "         # a text resting on several sections names each, the main one first
NOT_CHECKED = "nothing else in this file was checked"
TOPIC_IDS_NOT_CHECKED = "the topic ids used in recommendation.yaml"


def shown_path(path: Path) -> str:
    """``path`` as the editor can open it from where they are: as they gave it when relative,
    relative to the working folder when inside it, else in full. (Never just the folder's name:
    a draft folder called ``knowledge`` elsewhere would read as the repository's own.)"""
    if not path.is_absolute():
        return str(path)
    try:
        return str(path.relative_to(Path(os.getcwd())))
    except (ValueError, OSError):
        return str(path)


def validate(directory: str | Path) -> tuple[Knowledge | None, list[KnowledgeError]]:
    """``bot.knowledge.validate_knowledge``."""
    directory = Path(directory)
    if not directory.is_dir():
        return None, [KnowledgeError(str(directory), None, "", "knowledge directory not found")]
    shown = shown_path(directory)

    def file_label(name: str) -> str:
        return str(Path(shown) / name)

    errors: list[KnowledgeError] = []
    expected = ", ".join(KNOWLEDGE_FILES)
    for extra in sorted(p for p in directory.iterdir() if p.suffix in (".yaml", ".yml")):
        if extra.name not in FILES:
            hint = did_you_mean(extra.name, KNOWLEDGE_FILES)
            errors.append(KnowledgeError(
                file_label(extra.name), None, "",
                f"unexpected knowledge file; expected only {expected}{hint}",
            ))

    values: dict[str, dict[str, Any]] = {}
    reports: dict[str, Report] = {}
    for name, schema in FILES.items():
        report = reports[name] = Report(file_label(name))
        path = directory / name
        if not path.is_file():
            report.error(None, "", f"missing knowledge file; expected {expected} in {shown}/")
            continue
        node = compose_yaml(path, report)
        if node is not None:
            value = schema(node, "", report)   # INVALID in place of each part that failed
            if isinstance(value, dict):
                values[name] = value

    # cross-references: on whatever the schema could read, however many problems it found
    topics = _list(values.get("topics.yaml"), "topics")
    if topics is not None:
        _check_topics(topics, reports["topics.yaml"])
    if "recommendation.yaml" in values:
        recommendation = values["recommendation.yaml"]
        if topics is not None:
            _check_recommendation_topics(recommendation, reports["recommendation.yaml"],
                                         *_topic_ids(topics, reports["topics.yaml"]))
        elif any(True for _ in _option_topics(recommendation)):
            _say_not_checked(reports["topics.yaml"], TOPIC_IDS_NOT_CHECKED)
        _check_recommendation(recommendation, reports["recommendation.yaml"])
    errors += _check_sections(directory, shown, values, reports)

    for report in reports.values():
        errors.extend(sorted(report.errors, key=lambda e: e.line or 0))
    if errors:
        return None, errors
    return _build(values, tuple(file_label(name) for name in KNOWLEDGE_FILES)), []


def compose_yaml(path: Path, report: Report) -> yaml.Node | None:
    """The one place YAML is parsed: ``yaml.compose`` with ``SafeLoader``.

    Returns the root node, or None after reporting why there is none (saying that nothing else
    in the file was checked).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        report.error(None, "", f"cannot read the file as UTF-8 ({exc.reason}); {NOT_CHECKED}")
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
        report.error(mark.line + 1 if mark else None, "", f"invalid YAML: {problem}{context}; {NOT_CHECKED}")
        return None
    except yaml.YAMLError as exc:
        report.error(None, "", f"invalid YAML: {exc}; {NOT_CHECKED}")
        return None
    if node is None:
        report.error(1, "", "the file is empty; expected a mapping starting with `version: 1`")
        return None
    return node


def _say_not_checked(report: Report, what: str) -> None:
    """Add to the problem that made a check impossible (the file unreadable, or no list of
    topics in it) that ``what`` was not checked either."""
    for k, e in enumerate(report.errors):
        if e.path in ("", "version", "topics"):
            tail = f", nor {what}" if e.message.endswith(NOT_CHECKED) else f"; {what} were not checked"
            report.errors[k] = KnowledgeError(e.file, e.line, e.path, e.message + tail)
            return


# --------------------------------------------------------------------------- #
# Reading the schema's values, where any part may be INVALID
# --------------------------------------------------------------------------- #


def _list(value: Any, key: str) -> list[Any] | None:
    """``value[key]`` when ``value`` is a mapping and that is a list (its items may be INVALID)."""
    item = value.get(key) if isinstance(value, dict) else None
    return item if isinstance(item, list) else None


def _mappings(items: list[Any] | None) -> Iterator[tuple[int, dict[str, Any]]]:
    """(index, item) for each item of ``items`` that is a mapping (not one that failed)."""
    for i, item in enumerate(items or ()):
        if isinstance(item, dict):
            yield i, item


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _slug(text: str) -> str:
    """An id as it would be once written right: 'Beta_Topic' -> 'beta-topic'."""
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-")


def _topic_ids(topics: list[Any], report: Report) -> tuple[set[str], set[str]]:
    """The topic ids, and the slugs of the ids that failed their own check: a reference to one
    of those ('beta' while the id reads 'Beta') is right once that id is fixed, so it is not
    also reported as unknown."""
    ids = {t["id"] for _, t in _mappings(topics) if _text(t.get("id"))}
    unclear = {_slug(raw) for i, t in _mappings(topics) for raw in report.rejected.get(f"topics[{i}].id", [])}
    return ids, unclear


def _unknown_id(report: Report, path: str, ref: str, ids: set[str], unclear: set[str]) -> None:
    if ref in ids or _slug(ref) in unclear:
        return
    hint = did_you_mean(ref, sorted(ids)) or "; no topic has this id"
    report.error(report.line_of(path), path, f"unknown topic id {ref!r}{hint}")


# --------------------------------------------------------------------------- #
# Cross-references
# --------------------------------------------------------------------------- #


def _check_topics(topics: list[Any], report: Report) -> None:
    """Unique ids, related ids that exist, synonyms that extend a keyword, terms that can match."""
    first: dict[str, int] = {}
    for i, topic in _mappings(topics):
        topic_id = _text(topic.get("id"))
        if topic_id is None:
            continue
        path = f"topics[{i}].id"
        if topic_id in first:
            j = first[topic_id]
            report.error(report.line_of(path), path,
                         f"duplicate topic id {topic_id!r} (first used by topics[{j}] on line "
                         f"{report.line_of(f'topics[{j}].id')})")
        else:
            first[topic_id] = i
    ids, unclear = _topic_ids(topics, report)
    for i, topic in _mappings(topics):
        topic_id = _text(topic.get("id"))
        for key, itself in (("related", "be related to"), ("covers", "sum up")):
            for k, rel in enumerate(_list(topic, key) or ()):
                path = f"topics[{i}].{key}[{k}]"
                if not isinstance(rel, str):
                    continue
                if rel == topic_id:
                    report.error(report.line_of(path), path, f"a topic cannot {itself} itself")
                else:
                    _unknown_id(report, path, rel, ids, unclear)
        keywords = topic.get("keywords")
        synonyms = topic.get("synonyms")
        synonyms = synonyms if isinstance(synonyms, dict) else {}
        if isinstance(keywords, dict):
            # a keyword that failed its own check ('Alpha', not lowercase) is not also "missing"
            rejected = {raw.lower() for raw in report.rejected.get(f"topics[{i}].keywords", [])}
            for key in synonyms:
                if key not in keywords and key not in rejected:
                    path = key_path(f"topics[{i}].synonyms", key)
                    hint = did_you_mean(key, list(keywords)) or "; add it to keywords first"
                    report.error(report.line_of(path), path,
                                 f"synonyms key {key!r} is not one of this topic's keywords{hint}")
            for keyword in keywords:
                never = "neither it nor its synonyms ever match" if keyword in synonyms else "it never matches"
                _check_term(report, key_path(f"topics[{i}].keywords", keyword), keyword, never)
        for key, alternatives in synonyms.items():
            for k, alternative in enumerate(alternatives if isinstance(alternatives, list) else ()):
                if isinstance(alternative, str):
                    _check_term(report, f"{key_path(f'topics[{i}].synonyms', key)}[{k}]", alternative,
                                "it never matches")
    _check_synonyms_owned_elsewhere(topics, report)


def _check_synonyms_owned_elsewhere(topics: list[Any], report: Report) -> None:
    """A synonym that reads as another topic's keyword ("job" here, faq-flask-demand's "jobs")
    is dropped by the index: the keyword wins, so a question saying it is never led to this
    topic through it (``bot.matching.index.Index._index_synonyms``)."""
    def keywords(topic: Any) -> dict[str, Any]:
        value = topic.get("keywords") if isinstance(topic, dict) else None
        return value if isinstance(value, dict) else {}

    def name(topic: Any) -> str:
        return repr(topic["id"]) if isinstance(topic, dict) and _text(topic.get("id")) else "(no valid id)"

    owners = keyword_owners(keywords(topic) for topic in topics)
    for i, topic in _mappings(topics):
        synonyms = topic.get("synonyms")
        for key, alternatives in (synonyms.items() if isinstance(synonyms, dict) else ()):
            for k, alternative in enumerate(alternatives if isinstance(alternatives, list) else ()):
                if not isinstance(alternative, str):
                    continue
                owned = owners.get(" ".join(term_stems(alternative)), {})
                if not owned or i in owned:  # no keyword's, or this topic's own too (merely redundant)
                    continue
                j, keyword = min(owned.items())
                path = f"{key_path(f'topics[{i}].synonyms', key)}[{k}]"
                report.error(report.line_of(path), path,
                             f"{alternative!r} reads as the keyword {keyword!r} of topic {name(topics[j])}, and "
                             f"a keyword wins over a synonym, so it never leads a question to {name(topic)}: "
                             "remove it, or make it a keyword of this topic")


def _check_term(report: Report, path: str, text: str, never: str) -> None:
    """A keyword or synonym must have a word the answerer reads: one made only of words it skips
    (stopwords such as "go with", "tell me about", one-letter words) is never indexed, so it
    would never match a question (``bot.matching.index``); nor would a phrase holding a word left
    out of questions before phrases are matched (``bot.text.PHRASE_FILLERS``: "basically any kind
    of site")."""
    words = tokens(normalise(text))
    fillers = [w for w in words if w in PHRASE_FILLERS] if len(words) > 1 else []
    if fillers:
        # "basically any kind of site": the question's "basically" is left out before phrases match
        report.error(report.line_of(path), path,
                     f"{text!r} holds {', '.join(repr(w) for w in fillers)}, which the answerer leaves out "
                     f"of a question before matching phrases, so {never} a question: remove "
                     f"{'that word' if len(fillers) == 1 else 'those words'}")
        return
    if any(is_content(w) for w in words):
        return
    what = f"only words the answerer skips ({', '.join(words)})" if words else "no word the answerer reads"
    report.error(report.line_of(path), path, f"{text!r} has {what}, so {never} a question: "
                                             "add a word that says what is asked, or remove it")


def _option_topics(data: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(path, topic id) of every option that names a topic."""
    for q, question in _mappings(_list(data, "questions")):
        for o, option in _mappings(_list(question, "options")):
            topic = _text(option.get("topic"))
            if topic is not None:
                yield f"questions[{q}].options[{o}].topic", topic


def _check_recommendation_topics(data: dict[str, Any], report: Report, ids: set[str], unclear: set[str]) -> None:
    """Option topics that exist."""
    for path, topic in _option_topics(data):
        _unknown_id(report, path, topic, ids, unclear)


def _check_recommendation(data: dict[str, Any], report: Report) -> None:
    """Unique question ids, unique option ids per question."""
    seen: dict[str, int] = {}
    for q, question in _mappings(_list(data, "questions")):
        question_id = _text(question.get("id"))
        path = f"questions[{q}].id"
        if question_id is not None and question_id in seen:
            report.error(report.line_of(path), path,
                         f"duplicate question id {question_id!r} (first used by questions[{seen[question_id]}])")
        elif question_id is not None:
            seen[question_id] = q
        options: dict[str, int] = {}
        for o, option in _mappings(_list(question, "options")):
            option_id = _text(option.get("id"))
            if option_id is None:
                continue
            opath = f"questions[{q}].options[{o}]"
            if option_id in options:
                report.error(report.line_of(f"{opath}.id"), f"{opath}.id",
                             f"duplicate option id {option_id!r} (first used by "
                             f"questions[{q}].options[{options[option_id]}])")
            else:
                options[option_id] = o


# --------------------------------------------------------------------------- #
# Sections: every `section` names headings of the guide
# --------------------------------------------------------------------------- #

_HEADING = re.compile(r"^(#{2,6})[ \t]+(.+?)[ \t]*$")
_BOLD_LINE = re.compile(r"^\*\*(.+?)\*\*[ \t]*$")
_BOLD_LEVEL = 7   # a line in bold (the FAQ's questions) sits under every heading
SUBHEADING = "›"  # 'Heading › Subheading'


def _heading_text(text: str) -> str:
    """'1. Flexibility:' -> 'Flexibility': numbering and a trailing colon are dropped."""
    return re.sub(r"^\d+\.\s*", "", text.strip()).rstrip(":").strip()


def guide_sections(markdown: str) -> list[str]:
    """Every ``section`` the guide allows, in its order: a top-level heading (``##``, or any
    heading with none above it) as ``Heading``, and every heading below one (``###`` and below,
    and a line in bold such as the FAQ's questions) only under the heading above it, as
    ``Heading › Subheading``: answers show their section to readers, and a subheading alone
    says less and may name several places. Numbering and trailing colons are dropped. Front
    matter and code blocks are skipped; ``#`` (the page title) is not a section."""
    found: dict[str, None] = {}
    stack: dict[int, str] = {}
    lines = markdown.splitlines()
    if lines and lines[0].strip() == "---":   # front matter
        closing = next((k for k in range(1, len(lines)) if lines[k].strip() == "---"), 0)
        lines = lines[closing + 1:]
    in_code = False
    for raw in lines:
        if raw.lstrip().startswith("```"):
            in_code = not in_code
            continue
        heading, bold = _HEADING.match(raw), _BOLD_LINE.match(raw)
        if in_code or not (heading or bold):
            continue
        level = len(heading.group(1)) if heading else _BOLD_LEVEL
        title = _heading_text((heading or bold).group(2 if heading else 1))
        if not title:
            continue
        stack = {k: v for k, v in stack.items() if k < level}
        found[f"{stack[max(stack)]} {SUBHEADING} {title}" if stack else title] = None
        stack[level] = title
    return list(found)


SECTIONS_HEADER = """\
# The guide's headings: every `section` in topics.yaml, comparison.yaml and recommendation.yaml
# names one or more of these (several joined by "; "), and `python -m bot kb check` reports any
# other. A top-level (##) heading stands alone; a heading below one is listed, and accepted, only
# under the heading above it ("Heading › Subheading"). The bot never reads the guide
# (../shared/source/flask-vs-django.md, outside the repository); this list stands in for it.
# Do not edit it by hand: when the guide changes, run
#   python -m bot kb sections ../shared/source/flask-vs-django.md > knowledge/guide-sections.txt
# (tests/unit/test_knowledge_sections.py fails while it differs from the guide).
"""


def format_guide_sections(sections: Sequence[str]) -> str:
    """The text of ``guide-sections.txt``: a header comment, then one section a line."""
    return SECTIONS_HEADER + "".join(f"{section}\n" for section in sections)


def read_section_list(path: Path) -> list[str]:
    """The sections a ``guide-sections.txt`` lists: its lines, without blanks and ``#`` comments."""
    lines = (raw.strip() for raw in path.read_text(encoding="utf-8").splitlines())
    return [text for text in lines if text and not text.startswith("#")]


def _comparable(section: str) -> str:
    """A section as typed, for finding the heading meant: case, numbering, colons, bold marks
    and '>' for '›' do not count."""
    parts = section.replace(">", "›").split("›")
    return " › ".join(_heading_text(part.strip().strip("*")).lower() for part in parts)


def closest_section(written: str, known: Sequence[str]) -> str | None:
    """The listed section ``written`` most likely means (None when the list is empty). A
    subheading written alone ('Securty') is compared with the subheading of each listed path
    too, so the path to write is named ('... › Security')."""
    if not known:
        return None
    typed = _comparable(written)

    def score(section: str) -> tuple[bool, float]:
        full = _comparable(section)
        forms = [full] if SUBHEADING in typed else [full, full.rsplit(f" {SUBHEADING} ", 1)[-1]]
        return max((form == typed, difflib.SequenceMatcher(None, typed, form).ratio()) for form in forms)

    return max(known, key=score)


def subheading_paths(known: Sequence[str]) -> dict[str, list[str]]:
    """Each subheading of the listed paths, and the paths that end with it ('Security' ->
    ['Reasons Why ... › Security']): what a subheading written alone is told to write."""
    paths: dict[str, list[str]] = {}
    for section in known:
        _, sep, sub = section.rpartition(f" {SUBHEADING} ")
        if sep:
            paths.setdefault(sub, []).append(section)
    return paths


def _unlisted_section_problem(part: str, known: Sequence[str], subheadings: dict[str, list[str]],
                              list_name: str) -> str:
    """Why ``part`` is not a section, and what to write: its path when it is a subheading alone,
    else the closest listed section."""
    paths = subheadings.get(part)
    if paths and len(paths) == 1:
        return (f"{part!r} is a subheading of the guide, and a subheading alone is not a section: "
                f"write its full path {paths[0]!r}")
    if paths:
        listed = " or ".join(repr(path) for path in paths)
        return (f"{part!r} is a subheading under {len(paths)} headings of the guide, and a subheading alone "
                f"is not a section: write the full path of the one meant, {listed}")
    closest = closest_section(part, known)
    hint = f"; the closest is {closest!r}" if closest else f"; {list_name} lists no heading"
    return f"unknown guide section {part!r}: name a heading of the guide as listed in {list_name}{hint}"


def _known_sections(directory: Path, shown: str) -> tuple[list[str], str] | KnowledgeError:
    """The folder's own list of the guide's headings, else the repository's; and how to name it."""
    for folder in (directory, default_knowledge_dir()):
        path = folder / SECTIONS_FILE
        if not path.is_file():
            continue
        try:
            return read_section_list(path), shown_path(path)
        except (OSError, UnicodeDecodeError) as exc:
            return KnowledgeError(shown_path(path), None, "",
                                  f"cannot read the list of the guide's headings ({exc}), so no `section` "
                                  "was checked")
    return KnowledgeError(str(Path(shown) / SECTIONS_FILE), None, "",
                          "missing the list of the guide's headings, so no `section` was checked: copy "
                          f"{SECTIONS_FILE} from the repository's knowledge/ folder here")


def _section_fields(values: dict[str, dict[str, Any]]) -> Iterator[tuple[str, str, str]]:
    """(file name, key path, value) of every ``section`` that passed its schema check."""
    for i, topic in _mappings(_list(values.get("topics.yaml"), "topics")):
        yield "topics.yaml", f"topics[{i}].section", topic.get("section")
    if "comparison.yaml" in values:
        yield "comparison.yaml", "section", values["comparison.yaml"].get("section")
    for q, question in _mappings(_list(values.get("recommendation.yaml"), "questions")):
        for o, option in _mappings(_list(question, "options")):
            yield "recommendation.yaml", f"questions[{q}].options[{o}].section", option.get("section")


def _check_sections(directory: Path, shown: str, values: dict[str, dict[str, Any]],
                    reports: dict[str, Report]) -> list[KnowledgeError]:
    """Each section a heading of the guide as listed (a subheading under its heading), named
    once, several separated by '; '. Returns a problem of its own when there is no list of
    headings to check against."""
    fields = [(name, path, value) for name, path, value in _section_fields(values) if isinstance(value, str)]
    if not fields:
        return []
    listed = _known_sections(directory, shown)
    if isinstance(listed, KnowledgeError):
        return [listed]
    known, list_name = listed
    known_set = set(known)
    subheadings = subheading_paths(known)
    for name, path, value in fields:
        report = reports[name]
        where = report.line_of(path)
        parts = [part for part in re.split(r"\s*;\s*", value) if part]
        if SECTION_SEPARATOR.join(parts) != value:
            report.error(where, path, f"sections must be separated by '; ' (a semicolon and a space): "
                                      f"write {SECTION_SEPARATOR.join(parts)!r}")
        seen: set[str] = set()
        for part in parts:
            if part in seen:
                report.error(where, path, f"{part!r} is named twice: name each section once")
                continue
            seen.add(part)
            if part not in known_set:
                report.error(where, path, _unlisted_section_problem(part, known, subheadings, list_name))
    return []


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
            covers=tuple(t["covers"]),
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
