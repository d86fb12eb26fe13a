"""The renderer on Block Kit samples, without any server."""

from __future__ import annotations

from rich.text import Text

from bot.console.blocks import render_blocks, render_content, title
from bot.console.mrkdwn import Names, to_plain, to_text
from bot.console.view import message_view
from bot.emulator.buttons import buttons
from bot.emulator.conversation import Message
from tests.console.conftest import show

NAMES = Names(users={"W222": "alice", "UBOT": "flaskvsdjango"}, channels={"C111": "general"}, app="flaskvsdjango")

MENU = [
    {"type": "header", "text": {"type": "plain_text", "text": "Flask vs Django helper", "emoji": True}},
    {"type": "section", "text": {"type": "mrkdwn", "text": "I help you pick *Flask* or _Django_."},
     "accessory": {"type": "button", "text": {"type": "plain_text", "text": "Topics"}, "action_id": "a0"}},
    {"type": "section", "text": {"type": "mrkdwn", "text": "*Scope*"},
     "fields": [{"type": "mrkdwn", "text": "*Flask*\nMicroframework"},
                {"type": "mrkdwn", "text": "*Django*\nFull-stack framework"}]},
    {"type": "context", "elements": [{"type": "mrkdwn", "text": ":books: From the guide: _Key differences_"},
                                     {"type": "image", "image_url": "https://x/y.png", "alt_text": "logo"}]},
    {"type": "divider"},
    {"type": "actions", "elements": [
        {"type": "button", "text": {"type": "plain_text", "text": "Help me choose"}, "action_id": "a1", "style": "primary"},
        {"type": "button", "text": {"type": "plain_text", "text": ":thumbsup: Helpful", "emoji": True}, "action_id": "a2"},
        {"type": "static_select", "placeholder": {"type": "plain_text", "text": "Pick one"}, "action_id": "a3"},
    ]},
]


def test_header_is_shown_and_underlined_on_a_plain_console():
    out = show(render_blocks(MENU[:1], NAMES, plain=True))
    assert out.splitlines() == ["Flask vs Django helper", "=" * len("Flask vs Django helper")]


def whole_styles(text: Text) -> str:
    """The styles that cover all of ``text``."""
    return " ".join([str(text.style)] + [str(s.style) for s in text.spans if s.start == 0 and s.end >= len(text)])


def test_header_is_bold_in_a_terminal():
    [header] = render_blocks(MENU[:1], NAMES).renderables
    assert isinstance(header, Text) and "bold" in whole_styles(header)


def test_section_text_loses_its_mrkdwn_markers():
    out = show(render_blocks(MENU[1:2], NAMES))
    assert "I help you pick Flask or Django." in out
    assert "*" not in out and "_" not in out


def test_fields_become_two_columns():
    out = show(render_blocks(MENU[2:3], NAMES), width=60)
    lines = out.splitlines()
    assert lines[0] == "Scope"
    assert lines[1].startswith("Flask") and lines[1].rstrip().endswith("Django")
    assert lines[2].startswith("Microframework") and "Full-stack framework" in lines[2]


def test_context_is_dimmed_with_emoji_and_image_alt_text():
    [context] = render_blocks(MENU[3:4], NAMES).renderables
    assert "dim" in whole_styles(context)
    assert show(context) == "📚 From the guide: Key differences  [logo]"


def test_buttons_are_numbered_in_the_order_the_emulator_clicks_them():
    out = show(render_blocks(MENU, NAMES))
    assert "[1] Topics" in out
    assert "[2] Help me choose  [3] 👍 Helpful" in out
    assert "static_select: Pick one, not clickable" in out
    assert [b.label for b in buttons({"blocks": MENU})] == ["Topics", "Help me choose", ":thumbsup: Helpful"]


def test_long_button_rows_wrap_between_buttons_never_inside_one():
    labels = ["A REST API or microservice", "A small, lightweight app or a prototype", "Not sure yet"]
    block = {"type": "actions", "elements": [
        {"type": "button", "text": {"type": "plain_text", "text": t}, "action_id": f"b{i}"} for i, t in enumerate(labels)]}
    lines = show(render_blocks([block], NAMES), width=50).splitlines()
    assert lines == ["[1] A REST API or microservice", "[2] A small, lightweight app or a prototype", "[3] Not sure yet"]


def test_unknown_blocks_are_named_not_dropped():
    assert "[input block, not shown in the console]" in show(render_blocks([{"type": "input"}], NAMES))


def test_message_without_blocks_shows_its_text():
    assert show(render_content("Thanks, <@W222>!", [], NAMES)) == "Thanks, @alice!"


def test_mrkdwn_mentions_links_entities_and_emphasis():
    text = to_text("*Hi* <@W222> in <#C111> &amp; <!here>: see <https://x.io|the guide> &lt;b&gt; `a_b` ~old~", NAMES)
    assert text.plain == "Hi @alice in #general & @here: see the guide (https://x.io) <b> a_b old"
    styles = {text.plain[s.start:s.end]: str(s.style) for s in text.spans}
    assert "bold" in styles["Hi"] and "strike" in styles["old"]


def test_snake_case_and_lone_stars_are_not_emphasis():
    assert to_plain("use snake_case_names and 2 * 3 * 4") == "use snake_case_names and 2 * 3 * 4"
    assert to_plain("_*both*_") == "both"


def test_bullets_wrap_with_a_hanging_indent():
    out = show(render_content("Why:\n• " + "word " * 20 + "\n- second", [], NAMES), width=40)
    lines = out.splitlines()
    assert lines[0] == "Why:"
    assert lines[1].startswith("  • word")
    assert lines[2].startswith("    word")  # continuation lines align with the text, not the bullet
    assert lines[-1] == "  • second"


def test_title_is_the_header_or_first_line():
    assert title("fallback", MENU, NAMES) == "Flask vs Django helper"
    section = [{"type": "section", "text": {"type": "mrkdwn", "text": "*Help me choose* · Question 2 of 7\n*How big?*"}}]
    assert title("fallback", section, NAMES) == "Help me choose · Question 2 of 7"
    assert title("just *text*", [], NAMES) == "just text"


def _message(**kw):
    base = dict(channel="C111", ts="2.0", text="fallback", blocks=MENU[:1], user="UBOT", source="chat.postMessage",
                bot_id="B1")
    base.update(kw)
    return Message(**base)


def test_ephemeral_messages_are_marked():
    out = show(message_view(_message(ephemeral=True, user="W222", source="ack"), "new", NAMES, me="W222"))
    assert out.splitlines()[0] == "flaskvsdjango · #general · only visible to you"
    assert out.splitlines()[1] == "  Flask vs Django helper"


def test_updated_messages_are_marked_as_updated():
    out = show(message_view(_message(updated_count=1), "updated", NAMES, me="W222"))
    assert out.splitlines()[0].startswith("✎ updated  flaskvsdjango · #general")


def test_thread_replies_are_indented_under_their_parent():
    parent = Message(channel="C111", ts="1.0", text="<@UBOT> what is an ORM?", blocks=[], user="W222", source="user")
    reply = _message(thread_ts="1.0")
    assert show(message_view(parent, "new", NAMES, me="W222")) == "you · #general: @flaskvsdjango what is an ORM?"
    lines = show(message_view(reply, "new", NAMES, me="W222")).splitlines()
    assert lines[0] == "    ↳ flaskvsdjango · #general · in thread"
    assert lines[1] == "        Flask vs Django helper"


def test_deleted_messages_are_noted():
    out = show(message_view(_message(deleted=True), "deleted", NAMES, me="W222"))
    assert out == "✗ deleted: Flask vs Django helper"


def test_direct_messages_say_so():
    out = show(message_view(_message(channel="D222"), "new", NAMES, me="W222"))
    assert out.splitlines()[0] == "flaskvsdjango · direct message"
