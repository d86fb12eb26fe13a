"""The knowledge files' schema, declared as a value (in the style of cfgv).

A schema is a tree of small *check* objects. Each check walks one composed
YAML node (so it knows the node's line), records problems in a
:class:`Report` and returns the plain Python value, or :data:`INVALID`.
Everything a content editor may write, with its limits, is in the
``TOPICS_FILE`` / ``COMPARISON_FILE`` / ``RECOMMENDATION_FILE`` values at the
bottom of this module; ``bot.knowledge`` only adds the cross-references
(unique ids, related ids that exist, ...).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from bot.errors import KnowledgeError

SUPPORTED_VERSIONS = (1,)

KEBAB_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SNAKE_ID = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
SECTION = re.compile(r"^\S.*?(?: › \S.*)?$")

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"


class _Invalid:
    def __repr__(self) -> str:
        return "INVALID"


INVALID: Any = _Invalid()
"""Returned by a check whose node failed; the error is already in the report."""


# --------------------------------------------------------------------------- #
# Report: where errors and node lines are collected while walking one file
# --------------------------------------------------------------------------- #


@dataclass
class Report:
    """Errors found in one file, plus the line of every node visited (by path)."""

    file: str
    errors: list[KnowledgeError] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)
    _constructor: yaml.constructor.SafeConstructor = field(
        default_factory=yaml.constructor.SafeConstructor, repr=False
    )

    def error(self, line: int | None, path: str, message: str) -> None:
        self.errors.append(KnowledgeError(self.file, line, path, message))

    def line_of(self, path: str) -> int | None:
        return self.lines.get(path)

    def scalar(self, node: yaml.Node) -> Any:
        """The Python value of a scalar node, built by PyYAML's safe constructor."""
        return self._constructor.construct_object(node, deep=True)


def line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def key_path(base: str, key: str) -> str:
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", key):
        return f"{base}.{key}" if base else key
    return f"{base}[{key!r}]"


def describe(node: yaml.Node) -> str:
    """'a list', 'the integer 42', ... for "expected X, got Y" messages."""
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    tag = node.tag
    if tag == _NULL:
        return "nothing (null)"
    if tag == _BOOL:
        return f"the boolean {node.value!r}"
    if tag == _INT:
        return f"the integer {node.value}"
    if tag == _FLOAT:
        return f"the number {node.value}"
    if tag == _STR:
        text = node.value if len(node.value) <= 40 else node.value[:37] + "..."
        return f"the string {text!r}"
    return f"a {tag.rsplit(':', 1)[-1]} value"


def did_you_mean(word: str, choices: list[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


# --------------------------------------------------------------------------- #
# Checks
# --------------------------------------------------------------------------- #


class Check:
    what = "a value"

    def __call__(self, node: yaml.Node, path: str, report: Report) -> Any:
        report.lines.setdefault(path, line(node))
        return self.check(node, path, report)

    def check(self, node: yaml.Node, path: str, report: Report) -> Any:
        raise NotImplementedError

    def expected(self, node: yaml.Node, path: str, report: Report) -> Any:
        report.error(line(node), path, f"expected {self.what}, got {describe(node)}")
        return INVALID


@dataclass(frozen=True)
class Str(Check):
    """A non-empty string, optionally bounded in length and matching a pattern."""

    min_len: int = 1
    max_len: int | None = None
    pattern: re.Pattern[str] | None = None
    pattern_what: str = ""
    lowercase: bool = False

    @property
    def what(self) -> str:  # type: ignore[override]
        return "a string"

    def check(self, node: yaml.Node, path: str, report: Report) -> Any:
        if not (isinstance(node, yaml.ScalarNode) and node.tag == _STR):
            return self.expected(node, path, report)
        value: str = report.scalar(node)
        stripped = value.strip()
        if not stripped:
            report.error(line(node), path, "expected a non-empty string")
            return INVALID
        if len(stripped) < self.min_len:
            report.error(line(node), path,
                         f"expected at least {self.min_len} characters, got {len(stripped)}")
            return INVALID
        if self.max_len is not None and len(value) > self.max_len:
            report.error(line(node), path,
                         f"expected at most {self.max_len} characters, got {len(value)}")
            return INVALID
        if self.lowercase and value != value.lower():
            report.error(line(node), path, f"expected lowercase text, got {value!r}")
            return INVALID
        if value != stripped and "\n" not in value:
            report.error(line(node), path, f"unexpected leading or trailing spaces in {value!r}")
            return INVALID
        if self.pattern is not None and not self.pattern.fullmatch(value):
            report.error(line(node), path, f"expected {self.pattern_what}, got {value!r}")
            return INVALID
        return value


@dataclass(frozen=True)
class Int(Check):
    """An integer (not a boolean) within [min, max]."""

    min: int | None = None
    max: int | None = None

    @property
    def what(self) -> str:  # type: ignore[override]
        return "an integer" + _range_text(self.min, self.max)

    def check(self, node: yaml.Node, path: str, report: Report) -> Any:
        if not (isinstance(node, yaml.ScalarNode) and node.tag == _INT):
            return self.expected(node, path, report)
        value = report.scalar(node)
        if (self.min is not None and value < self.min) or (self.max is not None and value > self.max):
            return self.expected(node, path, report)
        return value


@dataclass(frozen=True)
class Number(Check):
    """An int or float: ``gt`` is an exclusive lower bound, ``max`` inclusive upper."""

    gt: float | None = None
    max: float | None = None

    @property
    def what(self) -> str:  # type: ignore[override]
        parts = []
        if self.gt is not None:
            parts.append(f"greater than {self.gt:g}")
        if self.max is not None:
            parts.append(f"at most {self.max:g}")
        return "a number" + (" " + " and ".join(parts) if parts else "")

    def check(self, node: yaml.Node, path: str, report: Report) -> Any:
        if not (isinstance(node, yaml.ScalarNode) and node.tag in (_INT, _FLOAT)):
            return self.expected(node, path, report)
        value = float(report.scalar(node))
        if (self.gt is not None and not value > self.gt) or (self.max is not None and value > self.max):
            return self.expected(node, path, report)
        return value


def _range_text(lo: int | None, hi: int | None) -> str:
    if lo is not None and hi is not None:
        return f" from {lo} to {hi}"
    if lo is not None:
        return f" of at least {lo}"
    if hi is not None:
        return f" of at most {hi}"
    return ""


def _count_text(lo: int, hi: int | None) -> str:
    if hi is None:
        return f"at least {lo}"
    if lo == 0:
        return f"at most {hi}"
    return f"from {lo} to {hi}"


@dataclass(frozen=True)
class Nullable(Check):
    """``null`` (kept as None) or whatever ``inner`` accepts."""

    inner: Check

    @property
    def what(self) -> str:  # type: ignore[override]
        return f"{self.inner.what} or null"

    def check(self, node: yaml.Node, path: str, report: Report) -> Any:
        if isinstance(node, yaml.ScalarNode) and node.tag == _NULL:
            return None
        return self.inner.check(node, path, report)


@dataclass(frozen=True)
class Version(Check):
    """The ``version:`` at the top of every file: an integer this bot can read."""

    what = "an integer version"

    def check(self, node: yaml.Node, path: str, report: Report) -> Any:
        if not (isinstance(node, yaml.ScalarNode) and node.tag == _INT):
            return self.expected(node, path, report)
        value = report.scalar(node)
        if value not in SUPPORTED_VERSIONS:
            supported = ", ".join(str(v) for v in SUPPORTED_VERSIONS)
            report.error(line(node), path,
                         f"unsupported version {value}; this bot reads version {supported}")
            return INVALID
        return value


@dataclass(frozen=True)
class Seq(Check):
    """A list of ``item``: length bounds, optional uniqueness of the items."""

    item: Check
    min_len: int = 0
    max_len: int | None = None
    unique: bool = False

    @property
    def what(self) -> str:  # type: ignore[override]
        return "a list"

    def check(self, node: yaml.Node, path: str, report: Report) -> Any:
        if not isinstance(node, yaml.SequenceNode):
            return self.expected(node, path, report)
        n = len(node.value)
        if n < self.min_len or (self.max_len is not None and n > self.max_len):
            report.error(line(node), path, f"expected {_count_text(self.min_len, self.max_len)} items, got {n}")
            # keep going: the items may have errors of their own
        values, seen = [], {}
        for i, child in enumerate(node.value):
            child_path = f"{path}[{i}]"
            value = self.item(child, child_path, report)
            if value is INVALID:
                values.append(INVALID)
                continue
            if self.unique:
                marker = repr(value)
                if marker in seen:
                    report.error(line(child), child_path,
                                 f"duplicate item {value!r} (also at {path}[{seen[marker]}])")
                    values.append(INVALID)
                    continue
                seen[marker] = i
            values.append(value)
        if INVALID in values:
            return INVALID
        return values


def _mapping_pairs(node: yaml.MappingNode, path: str, report: Report,
                   key_check: Check) -> list[tuple[str, yaml.Node, yaml.Node]] | None:
    """Checked (key, key_node, value_node) triples; reports duplicate keys."""
    pairs, first_line, ok = [], {}, True
    for key_node, value_node in node.value:
        key = key_check.check(key_node, path, report)
        if key is INVALID:
            ok = False
            continue
        if key in first_line:
            report.error(line(key_node), key_path(path, key),
                         f"duplicate key {key!r} (first defined on line {first_line[key]})")
            ok = False
            continue
        first_line[key] = line(key_node)
        pairs.append((key, key_node, value_node))
    return pairs if ok else None


@dataclass(frozen=True)
class Dict(Check):
    """A free-form mapping: every key passes ``key``, every value passes ``value``."""

    key: Check
    value: Check
    min_len: int = 0

    @property
    def what(self) -> str:  # type: ignore[override]
        return "a mapping"

    def check(self, node: yaml.Node, path: str, report: Report) -> Any:
        if not isinstance(node, yaml.MappingNode):
            return self.expected(node, path, report)
        if len(node.value) < self.min_len:
            report.error(line(node), path,
                         f"expected at least {self.min_len} entries, got {len(node.value)}")
            return INVALID
        pairs = _mapping_pairs(node, path, report, self.key)
        if pairs is None:
            return INVALID
        out, ok = {}, True
        for key, key_node, value_node in pairs:
            value = self.value(value_node, key_path(path, key), report)
            report.lines[key_path(path, key)] = line(key_node)
            ok = ok and value is not INVALID
            out[key] = value
        return out if ok else INVALID


@dataclass(frozen=True)
class Required:
    key: str
    check: Check
    hint: str = ""


@dataclass(frozen=True)
class Optional:
    key: str
    check: Check
    default: Any = None


class Map(Check):
    """A mapping with known keys (cfgv's ``Map``): required and optional fields.

    Unknown keys are errors, with a "did you mean" hint. Fields are checked in
    declaration order; the first field is checked first and, when
    ``stop_on_first`` is set (used for ``version``), a failure there stops the
    walk so that one wrong version does not bury the reader in noise.
    """

    def __init__(self, name: str, *fields: Required | Optional, stop_on_first: bool = False) -> None:
        self.name = name
        self.fields = fields
        self.stop_on_first = stop_on_first
        self.what = f"a mapping ({name})"

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)

    def check(self, node: yaml.Node, path: str, report: Report) -> Any:
        if not isinstance(node, yaml.MappingNode):
            return self.expected(node, path, report)
        pairs = _mapping_pairs(node, path, report, Str())
        if pairs is None:
            return INVALID
        by_key = {key: (key_node, value_node) for key, key_node, value_node in pairs}
        ok = True
        suggested: set[str] = set()   # a misspelt key is not also reported as missing
        for key, key_node, _ in pairs:
            if key not in self.keys:
                close = difflib.get_close_matches(key, [k for k in self.keys if k not in by_key], n=1, cutoff=0.6)
                if close:
                    suggested.add(close[0])
                    hint = f"; did you mean {close[0]!r}?"
                else:
                    hint = f"; expected one of: {', '.join(self.keys)}"
                report.error(line(key_node), key_path(path, key), f"unknown key {key!r}{hint}")
                ok = False
        out: dict[str, Any] = {}
        for index, spec in enumerate(self.fields):
            child_path = key_path(path, spec.key)
            if spec.key not in by_key:
                if isinstance(spec, Required) and spec.key not in suggested:
                    hint = f" ({spec.hint})" if spec.hint else ""
                    report.error(line(node), path, f"missing required key {spec.key!r}{hint}")
                    ok = False
                    if index == 0 and self.stop_on_first:
                        return INVALID
                elif isinstance(spec, Optional):
                    out[spec.key] = spec.default
                continue
            key_node, value_node = by_key[spec.key]
            value = spec.check(value_node, child_path, report)
            if value is INVALID:
                ok = False
                if index == 0 and self.stop_on_first:
                    return INVALID
            out[spec.key] = value
        return out if ok else INVALID


# --------------------------------------------------------------------------- #
# The schema of the three knowledge files
# --------------------------------------------------------------------------- #

TOPIC_ID = Str(pattern=KEBAB_ID, pattern_what="a kebab-case topic id like 'rest-apis'")
SNAKE = Str(pattern=SNAKE_ID, pattern_what="a snake_case id like 'project_type'")
SECTION_NAME = Str(max_len=300, pattern=SECTION,
                   pattern_what="a guide section written as 'Heading' or 'Heading › Subheading' (several: separated by '; ')")
TERM = Str(max_len=60, lowercase=True)
VERSION = Required("version", Version(), hint="put `version: 1` at the top of the file")

TOPIC = Map(
    "topic",
    Required("id", TOPIC_ID),
    Required("title", Str(max_len=150)),
    Required("section", SECTION_NAME),
    Required("answer", Str(min_len=40, max_len=2900)),        # one Block Kit section
    Required("keywords", Dict(TERM, Number(gt=0, max=10), min_len=1)),
    Optional("synonyms", Dict(TERM, Seq(TERM, min_len=1, unique=True)), {}),
    Required("examples", Seq(Str(max_len=300), min_len=3, max_len=30, unique=True)),
    Optional("related", Seq(TOPIC_ID, max_len=5, unique=True), []),
)

TOPICS_FILE = Map(
    "topics.yaml",
    VERSION,
    Required("topics", Seq(TOPIC, min_len=1)),
    stop_on_first=True,
)

COMPARISON_ROW = Map(
    "comparison row",
    Required("aspect", Str(max_len=60)),
    Required("flask", Str(max_len=300)),
    Required("django", Str(max_len=300)),
)

COMPARISON_FILE = Map(
    "comparison.yaml",
    VERSION,
    Required("title", Str(max_len=150)),
    Required("section", SECTION_NAME),
    Required("summary", Str(max_len=1000)),
    Required("rows", Seq(COMPARISON_ROW, min_len=1, max_len=10)),
    stop_on_first=True,
)

OPTION = Map(
    "option",
    Required("id", SNAKE),
    Required("label", Str(max_len=75)),                      # Slack button text limit
    Required("flask", Int(min=0, max=3)),
    Required("django", Int(min=0, max=3)),
    Required("reason", Str(max_len=300)),
    Required("section", SECTION_NAME),
    Optional("topic", Nullable(TOPIC_ID), None),
)

QUESTION = Map(
    "question",
    Required("id", SNAKE),
    Required("text", Str(max_len=150)),
    Required("options", Seq(OPTION, min_len=2, max_len=5)),
)

RECOMMENDATION_FILE = Map(
    "recommendation.yaml",
    VERSION,
    Required("flow_version", Int(min=1)),
    Required("close_call_margin", Number(gt=0, max=0.5)),
    Required("questions", Seq(QUESTION, min_len=5, max_len=7)),
    stop_on_first=True,
)

FILES: dict[str, Map] = {
    "topics.yaml": TOPICS_FILE,
    "comparison.yaml": COMPARISON_FILE,
    "recommendation.yaml": RECOMMENDATION_FILE,
}
"""Every knowledge file, in load order, with its schema."""
