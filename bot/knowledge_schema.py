"""The knowledge files' schema, declared as a value (in the style of cfgv).

A schema is a tree of small *check* objects. Each check walks one composed
YAML node (so it knows the node's line), records problems in a
:class:`Report` and returns the plain Python value, or :data:`INVALID`.
A problem never stops the walk: a mapping or list whose children failed is
still returned, with :data:`INVALID` in their place, so every problem of a
file is found in one run and the cross-reference checks
(``bot.knowledge_files``) can still look at the parts that are right. Only an
unsupported ``version`` stops a file (:data:`STOP`): its fields may mean
something else.

Everything a content editor may write, with its limits, is in the
``TOPICS_FILE`` / ``COMPARISON_FILE`` / ``RECOMMENDATION_FILE`` values at the
bottom of this module; ``bot.knowledge_files`` adds the cross-references
(unique ids, related ids that exist, sections that are headings of the guide, ...).
Text shown as Slack mrkdwn is also checked for Markdown that Slack does not
render (:func:`markdown_problems`), and text shown as plain text (headers,
buttons) for any markup at all (:func:`plain_text_problem`).
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

class _Stop(_Invalid):
    def __repr__(self) -> str:
        return "STOP"


STOP: Any = _Stop()
"""Returned by a check after which the rest of its mapping must not be checked (an unsupported
``version``); the error, saying so, is already in the report. The mapping is then INVALID."""


# --------------------------------------------------------------------------- #
# Report: where errors and node lines are collected while walking one file
# --------------------------------------------------------------------------- #


@dataclass
class Report:
    """Errors found in one file, plus the line of every node visited (by path).

    ``rejected`` keeps the text of every string that failed its check, by path (a list: the keys
    of one mapping share its path), so a cross-reference check can tell a reference to an id that
    is merely misspelt from one to nothing at all. ``aliases`` maps a field's path to the path of
    the misspelt key it was read from (``topics[1].related`` -> ``topics[1].relted``), so a later
    problem inside it is placed where it is written.
    """

    file: str
    errors: list[KnowledgeError] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)
    rejected: dict[str, list[str]] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    _constructor: yaml.constructor.SafeConstructor = field(
        default_factory=yaml.constructor.SafeConstructor, repr=False
    )

    def error(self, line: int | None, path: str, message: str) -> None:
        self.errors.append(KnowledgeError(self.file, line, self.written(path), message))

    def line_of(self, path: str) -> int | None:
        return self.lines.get(self.written(path))

    def written(self, path: str) -> str:
        """``path`` as written in the file (through a misspelt key, if it was read from one)."""
        for field_path, written in self.aliases.items():
            if path == field_path or path.startswith((f"{field_path}.", f"{field_path}[")):
                return written + path[len(field_path):]
        return path

    def scalar(self, node: yaml.Node) -> Any:
        """The Python value of a scalar node, built by PyYAML's safe constructor."""
        return self._constructor.construct_object(node, deep=True)


def line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def text_line(node: yaml.ScalarNode, index: int) -> int:
    """The file line of line ``index`` (0-based) of a string's value: exact for a literal block
    (``|``, as answers are written), whose lines are the file's; else the string's first line."""
    if node.style == "|":
        return line(node) + 1 + index
    return line(node)


# --------------------------------------------------------------------------- #
# Markdown that Slack's mrkdwn does not render
# --------------------------------------------------------------------------- #

_CODE = re.compile(r"```.*?```|`[^`\n]+`", re.S)   # code is shown as typed: anything goes there
_SHOWN_AS_TYPED = "which Slack shows as typed"
_MARKDOWN: tuple[tuple[re.Pattern[str], str], ...] = (
    # (pattern, message with {0} the whole match and {1}, {2}... its groups)
    (re.compile(r"\*\*(?=[^\s*])(.+?)(?<=[^\s*])\*\*"),
     "{0!r} is Markdown bold, " + _SHOWN_AS_TYPED + ": write *{1}*, not **{1}**"),
    (re.compile(r"(?<![\w])__(?=[^\s_])(.+?)(?<=[^\s_])__(?![\w])"),
     "{0!r} is Markdown bold, " + _SHOWN_AS_TYPED + ": write *{1}*, not __{1}__ "
     "(a Python name like __init__ goes in backticks: `__init__`)"),
    (re.compile(r"\[([^\[\]\n]+)\]\(\s*([^()\s]+)\s*\)"),
     "{0!r} is a Markdown link, " + _SHOWN_AS_TYPED + ": write <{2}|{1}>, not [{1}]({2})"),
    (re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(\S.*?)(?:[ \t]+#+)?[ \t]*$", re.M),
     "{0!r} is a Markdown heading, " + _SHOWN_AS_TYPED + ": Slack has no headings, "
     "write *{2}* on a line of its own, not {1} {2}"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"),
     "{0!r} is Markdown strikethrough, " + _SHOWN_AS_TYPED + ": write ~{1}~, not ~~{1}~~"),
)


def markdown_problems(text: str) -> list[tuple[int, str]]:
    """GitHub/CommonMark Markdown in ``text`` that Slack's mrkdwn shows as typed: ``**bold**``,
    ``__bold__``, ``[text](url)``, ``# heading``, ``~~strike~~``. One ``(line index, message)``
    per kind, at its first use (the message counts the others), in the order of the text.

    Slack's own mrkdwn (``*bold*``, ``_italic_``, ``~strike~``, ``<url|text>``, ``•`` bullets)
    passes, and so does anything in backticks or a code block.
    """
    masked = _CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
    found = []
    for pattern, message in _MARKDOWN:
        matches = [m for m in pattern.finditer(masked) if m.group().strip()]
        if not matches:
            continue
        first = matches[0]
        parts = [text[first.start(i):first.end(i)] for i in range(len(first.groups()) + 1)]
        parts[0] = parts[0].strip()
        text_of_it = message.format(*parts)
        if len(matches) > 1:
            text_of_it += f" (and {len(matches) - 1} more like it in this text)"
        found.append((first.start(), text_of_it))
    return [(text.count("\n", 0, start), message) for start, message in sorted(found)]


# --------------------------------------------------------------------------- #
# Markup in text Slack shows as plain text (a header, a button)
# --------------------------------------------------------------------------- #

def _group(name: str) -> Any:
    return lambda m: m.group(name)


def _not_a_python_name(m: re.Match[str]) -> str | None:
    """``__two words__`` is bold; ``__init__`` is a Python name, shown as typed, as meant."""
    return None if re.fullmatch(r"\w+", m.group("t")) else m.group("t")


_PLAIN_TEXT_MARKUP: tuple[tuple[re.Pattern[str], str, Any], ...] = (
    # (pattern, what it is, the text to keep of a match, or None when it is not markup), most
    # binding first: at one place the first that matches is taken
    (re.compile(r"`(?P<t>[^`\n]+)`"), "code", _group("t")),
    (re.compile(r"<(?P<url>(?:https?|mailto):[^|<>\s]+)(?:\|(?P<t>[^<>\n]+))?>"), "a Slack link",
     lambda m: m.group("t") or m.group("url")),
    (re.compile(r"\[(?P<t>[^\[\]\n]+)\]\(\s*[^()\s]+\s*\)"), "a Markdown link", _group("t")),
    (re.compile(r"\*\*(?=[^\s*])(?P<t>.+?)(?<=[^\s*])\*\*"), "Markdown bold", _group("t")),
    (re.compile(r"(?<!\w)__(?=[^\s_])(?P<t>.+?)(?<=[^\s_])__(?!\w)"), "Markdown bold", _not_a_python_name),
    (re.compile(r"~~(?=\S)(?P<t>.+?)(?<=\S)~~"), "Markdown strikethrough", _group("t")),
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(?P<t>\S.*?)(?:[ \t]+#+)?[ \t]*$", re.M), "a Markdown heading",
     _group("t")),
    # Slack's marks pair up only at word edges: 'snake_case', '5 * 3' and a lone '*' are text
    (re.compile(r"(?<![\w*])\*(?=[^\s*])(?P<t>[^*\n]+?)(?<=[^\s*])\*(?![\w*])"), "Slack bold", _group("t")),
    (re.compile(r"(?<![\w_])_(?=[^\s_])(?P<t>[^_\n]+?)(?<=[^\s_])_(?![\w_])"), "Slack italics", _group("t")),
    (re.compile(r"(?<![\w~])~(?=[^\s~])(?P<t>[^~\n]+?)(?<=[^\s~])~(?![\w~])"), "Slack strikethrough",
     _group("t")),
)


def _without_markup(text: str, found: list[tuple[str, str]]) -> str:
    """``text`` with each markup replaced by the text it marks, markup inside it too (even in
    code: `*x*` shows as typed either way, and the text to write must pass), adding (the markup
    as written, what it is) to ``found``."""
    out, at = [], 0
    while True:
        first = None
        for pattern, what, keep in _PLAIN_TEXT_MARKUP:
            m = pattern.search(text, at)
            if m and (first is None or m.start() < first[0].start()):
                first = (m, what, keep)
        if first is None:
            return "".join(out) + text[at:]
        m, what, keep = first
        kept = keep(m)
        if kept is None:
            out.append(text[at:m.end()])
        else:
            found.append((m.group().strip(), what))
            out.append(text[at:m.start()] + _without_markup(kept, found))
        at = m.end()


def plain_text_problem(text: str, shown_in: str, *, bold: bool = False) -> str:
    """The problem with markup in ``text``, which Slack shows as plain text in ``shown_in`` ("the
    answer's header"): Slack's ``*bold*``, ``_italics_``, ``~strike~``, `` `code` ``,
    ``<url|text>`` and GitHub's ``**bold**``, ``[text](url)``, ... all show as typed there. One
    message naming each, and the text to write instead; "" when there is none.

    Ordinary punctuation passes: "Flask vs. Django: What…", "E-commerce", "3.x", "Django's",
    a lone ``*`` or ``_``, ``snake_case`` and a Python name like ``__init__``.

    ``bold``: the text is Slack mrkdwn that the bot wraps in ``*...*`` itself (the comparison's row
    headings), where any markup of its own breaks the bold; the message says so.
    """
    found: list[tuple[str, str]] = []
    fixed = _without_markup(text, found)
    if not found:
        return ""
    listed = ", ".join(f"{written!r} is {what}" for written, what in dict.fromkeys(found))
    shown = (f"this text is shown in bold ({shown_in}), where markup of its own breaks the bold" if bold
             else f"this text is shown as plain text ({shown_in}), where Slack shows markup as typed")
    return f"{shown}: {listed}; write {fixed.strip()!r} instead"


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
        report.lines.setdefault(report.written(path), line(node))
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
    mrkdwn: bool = False   # shown as Slack mrkdwn: Markdown that Slack does not render is a problem
    plain_text: str = ""   # where Slack shows it as plain text ("the answer's header"): any markup is a problem
    bold: str = ""         # where the bot shows it in bold ("the comparison's row heading"): likewise

    @property
    def what(self) -> str:  # type: ignore[override]
        return "a string"

    def check(self, node: yaml.Node, path: str, report: Report) -> Any:
        if not (isinstance(node, yaml.ScalarNode) and node.tag == _STR):
            return self.expected(node, path, report)
        value: str = report.scalar(node)
        problem = self._problem(value)
        if problem:
            report.error(line(node), path, problem)
        if self.mrkdwn:   # checked whatever else is wrong with the text (a fix may not touch it)
            for index, message in markdown_problems(value):
                report.error(text_line(node, index), path, message)
        if self.plain_text and (markup := plain_text_problem(value, self.plain_text)):
            report.error(line(node), path, markup)
        if self.bold and (markup := plain_text_problem(value, self.bold, bold=True)):
            report.error(line(node), path, markup)
        if problem:
            report.rejected.setdefault(path, []).append(value)
            return INVALID
        return value   # Markdown in it or not: it is still the text, only its formatting is wrong

    def _problem(self, value: str) -> str:
        stripped = value.strip()
        if not stripped:
            return "expected a non-empty string"
        if len(stripped) < self.min_len:
            return f"expected at least {self.min_len} characters, got {len(stripped)}"
        if self.max_len is not None and len(value) > self.max_len:
            return f"expected at most {self.max_len} characters, got {len(value)}"
        if self.lowercase and value != value.lower():
            return f"expected lowercase text, got {value!r}"
        if value != stripped and "\n" not in value:
            return f"unexpected leading or trailing spaces in {value!r}"
        if self.pattern is not None and not self.pattern.fullmatch(value):
            return f"expected {self.pattern_what}, got {value!r}"
        return ""


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
    """How many items a list takes: "at least 1 item", "at most 5 items", "from 2 to 4 items"."""
    if hi is None:
        return f"at least {lo} item{'' if lo == 1 else 's'}"
    if lo == 0:
        return f"at most {hi} item{'' if hi == 1 else 's'}"
    return f"exactly {lo} item{'' if lo == 1 else 's'}" if lo == hi else f"from {lo} to {hi} items"


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
            report.error(line(node), path, f"unsupported version {value}; this bot reads version {supported}, "
                                           "so nothing else in this file was checked")
            return STOP
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
            report.error(line(node), path, f"expected {_count_text(self.min_len, self.max_len)}, got {n}")
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
        return values   # INVALID in place of each item that failed


def _mapping_pairs(node: yaml.MappingNode, path: str, report: Report,
                   key_check: Check) -> list[tuple[str, yaml.Node, yaml.Node]]:
    """Checked (key, key_node, value_node) triples, without the keys that failed their check
    and the repeats of a key (both reported; the first of a repeated key is kept)."""
    pairs, first_line = [], {}
    for key_node, value_node in node.value:
        key = key_check.check(key_node, path, report)
        if key is INVALID:
            continue
        if key in first_line:
            report.error(line(key_node), key_path(path, key),
                         f"duplicate key {key!r} (first defined on line {first_line[key]})")
            continue
        first_line[key] = line(key_node)
        pairs.append((key, key_node, value_node))
    return pairs


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
            # keep going: the entries may have errors of their own
        out = {}
        for key, key_node, value_node in _mapping_pairs(node, path, report, self.key):
            out[key] = self.value(value_node, key_path(path, key), report)   # INVALID if it failed
            report.lines[report.written(key_path(path, key))] = line(key_node)
        return out


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
    declaration order, every one of them: the result has INVALID for a field
    that failed or a required one that is missing. A field whose check returns
    :data:`STOP` (an unsupported ``version``) ends the walk and makes the whole
    mapping INVALID, so that a file in another format does not bury the reader
    in noise.
    """

    def __init__(self, name: str, *fields: Required | Optional) -> None:
        self.name = name
        self.fields = fields
        self.what = f"a mapping ({name})"

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)

    def check(self, node: yaml.Node, path: str, report: Report) -> Any:
        if not isinstance(node, yaml.MappingNode):
            return self.expected(node, path, report)
        pairs = _mapping_pairs(node, path, report, Str())
        by_key = {key: (key_node, value_node) for key, key_node, value_node in pairs}
        misspelt: dict[str, tuple[str, yaml.Node]] = {}   # field -> (key as written, its value)
        for key, key_node, value_node in pairs:
            if key not in self.keys:
                close = difflib.get_close_matches(key, [k for k in self.keys if k not in by_key], n=1, cutoff=0.6)
                if close:
                    misspelt.setdefault(close[0], (key, value_node))
                    hint = f"; did you mean {close[0]!r}?"
                else:
                    hint = f"; expected one of: {', '.join(self.keys)}"
                report.error(line(key_node), key_path(path, key), f"unknown key {key!r}{hint}")
        out: dict[str, Any] = {}
        for spec in self.fields:
            child_path = key_path(path, spec.key)
            if spec.key in by_key:
                value_node = by_key[spec.key][1]
            elif spec.key in misspelt:
                # not also reported as missing; its value is checked as the field it is meant to be
                written, value_node = misspelt[spec.key]
                report.aliases[child_path] = key_path(path, written)
            else:
                if isinstance(spec, Required):
                    hint = f" ({spec.hint})" if spec.hint else ""
                    report.error(line(node), path, f"missing required key {spec.key!r}{hint}")
                    out[spec.key] = INVALID
                else:
                    out[spec.key] = spec.default
                continue
            value = spec.check(value_node, child_path, report)
            if value is STOP:
                return INVALID
            out[spec.key] = value
        return out


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
    Required("title", Str(max_len=150, plain_text="the answer's header and the buttons to the topic")),
    Required("section", SECTION_NAME),
    Required("answer", Str(min_len=40, max_len=2900, mrkdwn=True)),   # one Block Kit section
    Required("keywords", Dict(TERM, Number(gt=0, max=10), min_len=1)),
    Optional("synonyms", Dict(TERM, Seq(TERM, min_len=1, unique=True)), {}),
    Required("examples", Seq(Str(max_len=300), min_len=3, max_len=30, unique=True)),
    Optional("related", Seq(TOPIC_ID, max_len=5, unique=True), []),
    Optional("covers", Seq(TOPIC_ID, min_len=2, max_len=8, unique=True), []),
)

TOPICS_FILE = Map(
    "topics.yaml",
    VERSION,
    Required("topics", Seq(TOPIC, min_len=1)),
)

COMPARISON_ROW = Map(
    "comparison row",
    Required("aspect", Str(max_len=60, bold="the comparison row's heading")),
    Required("flask", Str(max_len=300, mrkdwn=True)),
    Required("django", Str(max_len=300, mrkdwn=True)),
)

COMPARISON_FILE = Map(
    "comparison.yaml",
    VERSION,
    Required("title", Str(max_len=150, plain_text="the comparison's header")),
    Required("section", SECTION_NAME),
    Required("summary", Str(max_len=1000, mrkdwn=True)),
    Required("rows", Seq(COMPARISON_ROW, min_len=1, max_len=10)),
)

OPTION = Map(
    "option",
    Required("id", SNAKE),
    Required("label", Str(max_len=75, plain_text="the option's button")),   # Slack button text limit
    Required("flask", Int(min=0, max=3)),
    Required("django", Int(min=0, max=3)),
    Required("reason", Str(max_len=300, mrkdwn=True)),
    Required("section", SECTION_NAME),
    Optional("topic", Nullable(TOPIC_ID), None),
)

QUESTION = Map(
    "question",
    Required("id", SNAKE),
    Required("text", Str(max_len=150, mrkdwn=True)),
    Required("options", Seq(OPTION, min_len=2, max_len=5)),
)

RECOMMENDATION_FILE = Map(
    "recommendation.yaml",
    VERSION,
    Required("flow_version", Int(min=1)),
    Required("close_call_margin", Number(gt=0, max=0.5)),
    Required("questions", Seq(QUESTION, min_len=5, max_len=7)),
)

FILES: dict[str, Map] = {
    "topics.yaml": TOPICS_FILE,
    "comparison.yaml": COMPARISON_FILE,
    "recommendation.yaml": RECOMMENDATION_FILE,
}
"""Every knowledge file, in load order, with its schema."""
