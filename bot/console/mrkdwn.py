"""Slack mrkdwn → rich ``Text`` for the terminal (pure).

Handles what the bot and Slack produce: ``*bold*``, ``_italic_``, ``~strike~``,
```` `code` ```` and fenced code, ``<@U1>`` / ``<#C1|name>`` / ``<!here>`` /
``<url|label>``, ``&lt;`` ``&gt;`` ``&amp;``, ``:emoji:`` shortcodes, bullets
and ``>`` quotes. Styles vanish on a plain (non-terminal) console, so the words
read well either way.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from rich.console import Group, RenderableType
from rich.emoji import Emoji, NoEmoji
from rich.table import Table
from rich.text import Text

BOLD, ITALIC, STRIKE, CODE, LINK, MENTION, DIM = "bold", "italic", "strike", "cyan", "underline blue", "bold blue", "dim"

# Slack emoji names rich does not know under the same name.
_EMOJI_ALIASES = {"simple_smile": "slightly_smiling_face"}

_INLINE = re.compile(
    r"""(?P<code>`[^`\n]+`)
      | (?P<angle><[^<>\n]+>)
      | (?P<bold>(?<![\w*])\*(?=\S)[^*\n]+?(?<=\S)\*(?![\w*]))
      | (?P<italic>(?<![\w_])_(?=\S)[^_\n]+?(?<=\S)_(?![\w_]))
      | (?P<strike>(?<![\w~])~(?=\S)[^~\n]+?(?<=\S)~(?![\w~]))
      | (?P<emoji>:[a-z0-9_+'-]+:)""",
    re.VERBOSE,
)
_BULLET = re.compile(r"^(\s*)(?:[•◦▪‣]|[-*](?=\s))\s*")
_NUMBERED = re.compile(r"^(\s*)(\d+[.)])\s+")


@dataclass(frozen=True)
class Names:
    """How ids look to a person: ``<@W222>`` → "@alice", ``<#C111>`` → "#general"."""

    users: dict[str, str] = field(default_factory=dict)
    channels: dict[str, str] = field(default_factory=dict)
    app: str = "app"

    def user(self, user_id: str) -> str:
        return self.users.get(user_id, user_id)

    def channel(self, channel_id: str) -> str:
        return self.channels.get(channel_id, channel_id)


def emoji(name: str) -> str | None:
    """The character for a Slack ``:name:`` shortcode, or None when unknown."""
    name = _EMOJI_ALIASES.get(name, name)
    try:
        return str(Emoji(name))
    except NoEmoji:
        return None


def plain_emoji(text: str) -> str:
    """Replace known ``:shortcodes:`` in plain text (button labels, headers)."""
    return re.sub(r":([a-z0-9_+'-]+):", lambda m: emoji(m.group(1)) or m.group(0), text)


def _angle(token: str, names: Names) -> tuple[str, str]:
    """A ``<...>`` token as (display text, style)."""
    inner = token[1:-1]
    target, _, label = inner.partition("|")
    if target.startswith("@"):
        return "@" + (label or names.user(target[1:])).lstrip("@"), MENTION
    if target.startswith("#"):
        return "#" + (label or names.channel(target[1:])).lstrip("#"), MENTION
    if target.startswith("!"):
        special = target[1:].split("^", 1)[0]
        if label:
            return label, MENTION
        return "@" + special, MENTION
    url = html.unescape(target)
    label = html.unescape(label)
    if label and label != url:
        return f"{label} ({url})", LINK
    return url.removeprefix("mailto:"), LINK


def _inline(source: str, names: Names, style: str = "") -> Text:
    out = Text()
    pos = 0
    for match in _INLINE.finditer(source):
        out.append(html.unescape(source[pos:match.start()]), style or None)
        kind, token = match.lastgroup, match.group(0)
        if kind == "code":
            out.append(html.unescape(token[1:-1]), f"{style} {CODE}".strip())
        elif kind == "angle":
            text, extra = _angle(token, names)
            out.append(text, f"{style} {extra}".strip())
        elif kind == "emoji":
            out.append(emoji(token[1:-1]) or token, style or None)
        else:
            extra = {"bold": BOLD, "italic": ITALIC, "strike": STRIKE}[kind or ""]
            out.append_text(_inline(token[1:-1], names, f"{style} {extra}".strip()))
        pos = match.end()
    out.append(html.unescape(source[pos:]), style or None)
    return out


def _marker(line: str) -> tuple[str, str] | None:
    """(``"  • "``-style marker, rest of line) for a bullet, numbered or quoted line."""
    if line.startswith(("&gt;", ">")):
        return "│ ", line.removeprefix("&gt;").removeprefix(">").lstrip()
    for pattern, glyph in ((_BULLET, "•"), (_NUMBERED, "")):
        if match := pattern.match(line):
            depth = len(match.group(1).expandtabs(4)) // 2
            mark = glyph or match.group(2)
            return "  " * depth + f"  {mark} ", line[match.end():]
    return None


def _line(line: str, names: Names) -> Text:
    marked = _marker(line)
    if marked is None:
        return _inline(line, names)
    mark, rest = marked
    quote = mark == "│ "
    line = Text()
    line.append(mark, DIM if quote else None)
    return line + _inline(rest, names, DIM if quote else "")


def to_text(mrkdwn: str, names: Names | None = None) -> Text:
    """Render Slack mrkdwn as a rich ``Text`` (one line per source line, wrapped by rich)."""
    names = names or Names()
    out = Text()
    for i, chunk in enumerate(mrkdwn.split("```")):
        if i % 2:  # inside a fenced code block: verbatim
            out.append(html.unescape(chunk.strip("\n")), CODE)
            continue
        out.append_text(Text("\n").join(_line(line, names) for line in chunk.split("\n")))
    return out


def to_renderable(mrkdwn: str, names: Names | None = None) -> RenderableType:
    """Like :func:`to_text`, but list items wrap with a hanging indent under their text."""
    names = names or Names()
    if "```" in mrkdwn or not any(_marker(line) for line in mrkdwn.split("\n")):
        return to_text(mrkdwn, names)
    parts: list[RenderableType] = []
    plain: list[str] = []
    items: Table | None = None
    for line in mrkdwn.split("\n"):
        marked = _marker(line)
        if marked is None:
            items = None
            plain.append(line)
            continue
        if plain:
            parts.append(to_text("\n".join(plain), names))
            plain = []
        if items is None:
            items = Table.grid(padding=0)
            items.add_column(no_wrap=True)
            items.add_column(ratio=1)
            parts.append(items)
        items.add_row(_line(line, names)[: len(marked[0])], _line(line, names)[len(marked[0]):])
    if plain:
        parts.append(to_text("\n".join(plain), names))
    return Group(*parts)


def to_plain(mrkdwn: str, names: Names | None = None) -> str:
    """The words of ``mrkdwn`` without any formatting (for titles and notes)."""
    return to_text(mrkdwn, names).plain
