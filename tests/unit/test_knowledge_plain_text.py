"""Topic titles, the comparison's title and option labels are shown by Slack as plain text (a
header, a button: ``bot.blocks.common.header`` / ``button``), where no markup renders: Slack's
`*bold*`, `_italics_`, `~strike~`, `` `code` ``, `<url|text>` and GitHub's `**bold**`,
`[text](url)`, ... all show as typed. `kb check` reports them, with the text to write instead;
ordinary punctuation passes."""

from __future__ import annotations

import pytest

from bot.__main__ import main
from bot.knowledge import default_knowledge_dir, load_knowledge, validate_knowledge
from bot.knowledge_schema import plain_text_problem
from tests.knowledge_drafts import edit

SHOWN = "this text is shown as plain text (a header), where Slack shows markup as typed: "


@pytest.mark.parametrize("text, found, fixed", [
    ("Why *Flask*?", "'*Flask*' is Slack bold", "Why Flask?"),
    ("An _easy_ start", "'_easy_' is Slack italics", "An easy start"),
    ("It was ~slow~", "'~slow~' is Slack strikethrough", "It was slow"),
    ("The `manage.py` command", "'`manage.py`' is code", "The manage.py command"),
    ("See <https://flask.palletsprojects.com|the docs>",
     "'<https://flask.palletsprojects.com|the docs>' is a Slack link", "See the docs"),
    ("<https://djangoproject.com>", "'<https://djangoproject.com>' is a Slack link", "https://djangoproject.com"),
    ("**Django** admin", "'**Django**' is Markdown bold", "Django admin"),
    ("__Batteries included__", "'__Batteries included__' is Markdown bold", "Batteries included"),
    ("Read [the guide](https://example.com/guide)", "'[the guide](https://example.com/guide)' is a Markdown link",
     "Read the guide"),
    ("~~Slow~~ Fast", "'~~Slow~~' is Markdown strikethrough", "Slow Fast"),
    ("# Django", "'# Django' is a Markdown heading", "Django"),
    ("*Flask* or _Django_?", "'*Flask*' is Slack bold, '_Django_' is Slack italics", "Flask or Django?"),
    ("*_Both_*", "'*_Both_*' is Slack bold, '_Both_' is Slack italics", "Both"),
    ("`*args` and `**kwargs`", "'`*args`' is code, '`**kwargs`' is code", "*args and **kwargs"),
])
def test_markup_in_plain_text_is_named_with_the_text_to_write(text, found, fixed):
    assert plain_text_problem(text, "a header") == f"{SHOWN}{found}; write {fixed!r} instead"
    assert plain_text_problem(fixed, "a header") == "", "the text to write passes the check"


@pytest.mark.parametrize("text", [
    "Flask vs. Django: What are the Key Differences?",
    "Flask vs. Django: What…",
    "E-commerce",
    "Python 3.x support",
    "Django's ORM",
    "We'd rather pick our own tools",
    "Yes, built-in admin and auth would be great",
    "Highly sensitive (payments, personal data)",
    "Final verdict — which should I choose?",
    "5 * 3 and a lone * here",
    "A lone _ and snake_case_names",
    "What __init__.py does",
    "C# or #1 choice",
    "About ~20 ms or ~30 ms",
    "Flask :rocket: Django",   # an emoji: plain_text shows it ("emoji": true)
    "Heading › Sub [beta] (optional)",
])
def test_ordinary_punctuation_passes(text):
    assert plain_text_problem(text, "a header") == ""


def test_the_shipped_titles_and_labels_have_no_markup():
    kb = load_knowledge(default_knowledge_dir())
    texts = [t.title for t in kb.topics.values()] + [kb.comparison.title]
    texts += [o.label for q in kb.recommendation.questions for o in q.options]
    texts += [row.aspect for row in kb.comparison.rows]
    assert [text for text in texts if plain_text_problem(text, "x")] == []


def test_every_plain_text_field_is_checked(kdir):
    edit(kdir, "topics.yaml", "title: Alpha", "title: '*Alpha*'")
    edit(kdir, "comparison.yaml", "title: At a glance", "title: '**At** a glance'")
    edit(kdir, "recommendation.yaml", "label: Flask-ish,", "label: '`Flask`-ish',")
    knowledge, errors = validate_knowledge(kdir)
    assert knowledge is None
    assert [str(e) for e in errors] == [
        "kb/topics.yaml:4 at topics[0].title: this text is shown as plain text (the answer's header and the "
        "buttons to the topic), where Slack shows markup as typed: '*Alpha*' is Slack bold; write 'Alpha' instead",
        "kb/comparison.yaml:2 at title: this text is shown as plain text (the comparison's header), where Slack "
        "shows markup as typed: '**At**' is Markdown bold; write 'At a glance' instead",
        "kb/recommendation.yaml:8 at questions[0].options[0].label: this text is shown as plain text (the "
        "option's button), where Slack shows markup as typed: '`Flask`' is code; write 'Flask-ish' instead",
    ]


def test_markup_is_reported_with_the_texts_other_problems(kdir):
    edit(kdir, "recommendation.yaml", "label: Flask-ish,", "label: '_Flask_" + "-ish" * 20 + "',")
    _, errors = validate_knowledge(kdir)
    assert [(e.path, e.message.split(":")[0]) for e in errors] == [
        ("questions[0].options[0].label", "expected at most 75 characters, got 87"),
        ("questions[0].options[0].label", "this text is shown as plain text (the option's button), where Slack "
                                          "shows markup as typed"),
    ]


def test_kb_check_reports_markup_in_a_title(kdir, capsys):
    edit(kdir, "topics.yaml", "title: Beta", "title: Read [Beta](https://beta.example)")
    assert main(["kb", "check", "--dir", "kb"]) == 1
    assert capsys.readouterr().err == (
        "kb/topics.yaml:14 at topics[1].title: this text is shown as plain text (the answer's header and the "
        "buttons to the topic), where Slack shows markup as typed: '[Beta](https://beta.example)' is a Markdown "
        "link; write 'Read Beta' instead\n"
        "knowledge check failed: 1 problem\n"
    )


def test_markup_in_a_comparison_aspect_is_reported_since_the_bot_shows_it_in_bold(kdir):
    """The comparison's row headings are mrkdwn the bot wraps in ``*...*`` (``bot.blocks.answers``):
    a mark of their own ends or splits that bold."""
    edit(kdir, "comparison.yaml", "aspect: Size,", "aspect: '*Size* matters',")
    _, errors = validate_knowledge(kdir)
    assert [str(e) for e in errors] == [
        "kb/comparison.yaml:6 at rows[0].aspect: this text is shown in bold (the comparison row's heading), "
        "where markup of its own breaks the bold: '*Size*' is Slack bold; write 'Size matters' instead",
    ]
