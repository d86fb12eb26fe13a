"""Block Kit → rich renderables, as Slack would lay a message out (pure).

``render_blocks(blocks, names)`` turns a message's blocks into one renderable
and numbers its buttons 1..n in the order :func:`bot.emulator.buttons.buttons`
lists them, so typing a number clicks what the person sees. Headers are bold
(underlined with ``=`` on a plain console), section fields a two-column grid,
context dimmed, buttons ``[1] Help me choose  [2] Compare``.
"""

from __future__ import annotations

from typing import Any, Iterable

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from bot.console.mrkdwn import DIM, Names, plain_emoji, to_renderable, to_text

BUTTON_STYLES = {"primary": "bold green", "danger": "bold red", None: "bold"}
HEADER = "bold magenta"
UNSUPPORTED = "dim italic"


class ButtonRow:
    """Numbered buttons packed into lines; a button is never split across lines."""

    def __init__(self, buttons: list[Text]) -> None:
        self.buttons = buttons

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(options.max_width, 20)
        line = Text()
        for button in self.buttons:
            if line and cell_len(line.plain) + 2 + cell_len(button.plain) > width:
                yield line
                line = Text()
            if line:
                line.append("  ")
            line.append_text(button)
        if line:
            yield line


def button_text(number: int, element: dict[str, Any]) -> Text:
    """``[n] label`` (plus the link a URL button opens)."""
    label = plain_emoji(str((element.get("text") or {}).get("text", "")))
    text = Text()
    text.append(f"[{number}] ", "bold cyan")
    text.append(label, BUTTON_STYLES.get(element.get("style"), "bold"))
    if element.get("url"):
        text.append(f" ↗ {element['url']}", DIM)
    return text


def text_block(obj: dict[str, Any] | None, names: Names) -> RenderableType:
    """A text object as a block of lines (lists wrap with a hanging indent)."""
    if obj and obj.get("type") == "mrkdwn":
        return to_renderable(str(obj.get("text", "")), names)
    return text_object(obj, names)


def text_object(obj: dict[str, Any] | None, names: Names) -> Text:
    """A Block Kit text object (mrkdwn or plain_text)."""
    if not obj:
        return Text()
    raw = str(obj.get("text", ""))
    if obj.get("type") == "mrkdwn":
        return to_text(raw, names)
    return Text(plain_emoji(raw))


def _element_note(element: dict[str, Any], names: Names) -> Text:
    """An interactive element the console cannot click (selects, pickers, images)."""
    kind = element.get("type", "element")
    if kind == "image":
        return Text(f"[image: {element.get('alt_text', '')}]", DIM)
    label = text_object(element.get("placeholder") or element.get("text"), names).plain
    return Text(f"({kind}{': ' + label if label else ''}, not clickable in the console)", UNSUPPORTED)


class _Counter:
    def __init__(self) -> None:
        self.n = 0

    def buttons(self, elements: Iterable[dict[str, Any]], names: Names) -> list[Text]:
        out = []
        for element in elements:
            if element.get("type") == "button":
                self.n += 1
                out.append(button_text(self.n, element))
            else:
                out.append(_element_note(element, names))
        return out


def _header(block: dict[str, Any], names: Names, plain: bool) -> RenderableType:
    title = text_object(block.get("text"), names)
    title.stylize(HEADER)
    if not plain:
        return title
    return Group(title, Text("=" * max(cell_len(title.plain), 3)))


def _fields(fields: list[dict[str, Any]], names: Names) -> Table:
    grid = Table.grid(expand=True, padding=(0, 3))
    grid.add_column(ratio=1)
    grid.add_column(ratio=1)
    cells = [text_block(f, names) for f in fields]
    for i in range(0, len(cells), 2):
        grid.add_row(*cells[i:i + 2])
    return grid


def _section(block: dict[str, Any], names: Names, counter: _Counter) -> RenderableType:
    parts: list[RenderableType] = []
    if block.get("text"):
        parts.append(text_block(block["text"], names))
    if block.get("fields"):
        parts.append(_fields(block["fields"], names))
    accessory = block.get("accessory")
    if isinstance(accessory, dict):
        parts.append(ButtonRow(counter.buttons([accessory], names)))
    return Group(*parts)


def _context(block: dict[str, Any], names: Names) -> Text:
    pieces = []
    for element in block.get("elements", []):
        if element.get("type") == "image":
            pieces.append(Text(f"[{element.get('alt_text', 'image')}]"))
        else:
            pieces.append(text_object(element, names))
    line = Text("  ").join(pieces)
    line.stylize(DIM)
    return line


def _rich_text(block: dict[str, Any], names: Names) -> Text:
    """A ``rich_text`` block, reduced to its words, links and lists."""
    def inline(elements: list[dict[str, Any]]) -> Text:
        out = Text()
        for el in elements:
            kind = el.get("type")
            style = " ".join(k for k, on in (el.get("style") or {}).items() if on and k != "code")
            if kind == "text":
                out.append(plain_emoji(el.get("text", "")), style or None)
            elif kind == "link":
                out.append(el.get("text") or el.get("url", ""), "underline blue")
            elif kind == "user":
                out.append("@" + names.user(el.get("user_id", "")), "bold blue")
            elif kind == "channel":
                out.append("#" + names.channel(el.get("channel_id", "")), "bold blue")
            elif kind == "emoji":
                out.append(plain_emoji(f":{el.get('name', '')}:"))
        return out

    lines: list[Text] = []
    for element in block.get("elements", []):
        kind = element.get("type")
        if kind == "rich_text_list":
            for item in element.get("elements", []):
                lines.append(Text("  • ") + inline(item.get("elements", [])))
        elif kind == "rich_text_quote":
            lines.append(Text("│ ", DIM) + inline(element.get("elements", [])))
        else:
            lines.append(inline(element.get("elements", [])))
    return Text("\n").join(lines)


def render_block(block: dict[str, Any], names: Names, counter: _Counter, *, plain: bool = False) -> RenderableType | None:
    kind = block.get("type")
    if kind == "header":
        return _header(block, names, plain)
    if kind == "section":
        return _section(block, names, counter)
    if kind == "context":
        return _context(block, names)
    if kind == "actions":
        return ButtonRow(counter.buttons(block.get("elements", []), names))
    if kind == "divider":
        return Text("-" * 30 if plain else "─" * 30, DIM)
    if kind == "image":
        title = text_object(block.get("title"), names).plain
        return Text(f"[image: {title or block.get('alt_text', '')}]", DIM)
    if kind == "rich_text":
        return _rich_text(block, names)
    return Text(f"[{kind} block, not shown in the console]", UNSUPPORTED)


def render_blocks(blocks: list[dict[str, Any]], names: Names, *, plain: bool = False) -> RenderableType:
    """All of a message's blocks, one after the other, buttons numbered from 1."""
    counter = _Counter()
    parts = [r for b in blocks if isinstance(b, dict) and (r := render_block(b, names, counter, plain=plain)) is not None]
    return Group(*parts)


def render_content(text: str, blocks: list[dict[str, Any]] | None, names: Names, *, plain: bool = False) -> RenderableType:
    """What Slack shows for a message: its blocks, or its text when it has none."""
    if blocks:
        return render_blocks(blocks, names, plain=plain)
    return to_renderable(text or "", names)


def title(text: str, blocks: list[dict[str, Any]] | None, names: Names, *, limit: int = 60) -> str:
    """A short name for a message: its header, else the first line of its first text."""
    first = ""
    for block in blocks or []:
        if block.get("type") in ("header", "section") and isinstance(block.get("text"), dict):
            first = text_object(block["text"], names).plain
            break
    first = (first or to_text(text or "", names).plain).strip().split("\n", 1)[0]
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"
