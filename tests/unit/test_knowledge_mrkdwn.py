"""Answers are Slack mrkdwn: GitHub/CommonMark Markdown that Slack shows as typed (`**bold**`,
`__bold__`, `[text](url)` links, `# headings`, `~~strike~~`) is a problem `kb check` reports,
with the line and the mrkdwn to write instead; real mrkdwn passes."""

from __future__ import annotations


import pytest

from bot.__main__ import main
from bot.knowledge import validate_knowledge
from bot.knowledge_schema import markdown_problems
from tests.knowledge_drafts import edit



def messages(text: str) -> list[str]:
    return [message for _, message in markdown_problems(text)]


@pytest.mark.parametrize("text, expected", [
    ("Flask is **small**.",
     "'**small**' is Markdown bold, which Slack shows as typed: write *small*, not **small**"),
    ("Django is __batteries included__.",
     "'__batteries included__' is Markdown bold, which Slack shows as typed: write *batteries included*, "
     "not __batteries included__ (a Python name like __init__ goes in backticks: `__init__`)"),
    ("See [the docs](https://flask.palletsprojects.com/).",
     "'[the docs](https://flask.palletsprojects.com/)' is a Markdown link, which Slack shows as typed: "
     "write <https://flask.palletsprojects.com/|the docs>, not [the docs](https://flask.palletsprojects.com/)"),
    ("Intro line.\n## Why Flask\nBecause.",
     "'## Why Flask' is a Markdown heading, which Slack shows as typed: Slack has no headings, "
     "write *Why Flask* on a line of its own, not ## Why Flask"),
    ("# Django",
     "'# Django' is a Markdown heading, which Slack shows as typed: Slack has no headings, "
     "write *Django* on a line of its own, not # Django"),
    ("It was ~~slow~~ fast.",
     "'~~slow~~' is Markdown strikethrough, which Slack shows as typed: write ~slow~, not ~~slow~~"),
])
def test_markdown_slack_does_not_render_is_named_with_its_fix(text, expected):
    assert messages(text) == [expected]


@pytest.mark.parametrize("text", [
    "*Flask* is a _micro_ framework.",
    "• one\n• two\n• *three*",
    "Use `**kwargs` or `__init__.py` or `[x](y)` in code.",
    "```\n# a comment in code\nx = a ** b\n```",
    "Links look like <https://flask.palletsprojects.com|the Flask docs>; channels like <#C123|general>.",
    "~struck~ and a snake_case_name and __ alone and 5 * 3 * 2.",
    "#1 choice for #python channel folks; C# is another language.",
    "Ratio 2:1 [beta] (optional) and a list [a, b] (see below).",
])
def test_slack_mrkdwn_and_code_pass(text):
    assert markdown_problems(text) == []


def test_each_kind_is_reported_once_per_text_with_how_many_more():
    text = "**one** and **two**\nand **three** and [a](https://a.example)"
    assert markdown_problems(text) == [
        (0, "'**one**' is Markdown bold, which Slack shows as typed: write *one*, not **one** "
            "(and 2 more like it in this text)"),
        (1, "'[a](https://a.example)' is a Markdown link, which Slack shows as typed: "
            "write <https://a.example|a>, not [a](https://a.example)"),
    ]


def test_a_markdown_answer_is_a_problem_on_the_line_it_is_on(kdir):
    edit(kdir, "topics.yaml",
         "    answer: Alpha is the first topic of this tiny knowledge base.\n",
         "    answer: |-\n"
         "      Alpha is the first topic of this tiny knowledge base.\n"
         "      ### Why alpha\n"
         "      • it is **first**\n")
    knowledge, errors = validate_knowledge(kdir)
    assert knowledge is None
    assert [(e.file, e.line, e.path) for e in errors] == [
        ("kb/topics.yaml", 8, "topics[0].answer"),
        ("kb/topics.yaml", 9, "topics[0].answer"),
    ]
    assert str(errors[1]) == ("kb/topics.yaml:9 at topics[0].answer: '**first**' is Markdown bold, which Slack "
                              "shows as typed: write *first*, not **first**")


def test_every_mrkdwn_field_is_checked(kdir):
    edit(kdir, "comparison.yaml", "summary: A tiny comparison.", "summary: A **tiny** comparison.")
    edit(kdir, "comparison.yaml", "flask: small", "flask: '[small](https://x.example)'")
    edit(kdir, "recommendation.yaml", "text: First?", "text: __First__?")
    edit(kdir, "recommendation.yaml", "label: Flask-ish, flask: 2, django: 0, reason: Because.",
         "label: Flask-ish, flask: 2, django: 0, reason: Because **this**.")
    knowledge, errors = validate_knowledge(kdir)
    assert [(e.file, e.path) for e in errors] == [
        ("kb/comparison.yaml", "summary"),
        ("kb/comparison.yaml", "rows[0].flask"),
        ("kb/recommendation.yaml", "questions[0].text"),
        ("kb/recommendation.yaml", "questions[0].options[0].reason"),
    ]


def test_kb_check_reports_markdown(kdir, capsys):
    edit(kdir, "topics.yaml", "Beta is the second topic", "Beta is the **second** topic")
    assert main(["kb", "check", "--dir", "kb"]) == 1
    assert capsys.readouterr().err == (
        "kb/topics.yaml:16 at topics[1].answer: '**second**' is Markdown bold, which Slack shows as typed: "
        "write *second*, not **second**\n"
        "knowledge check failed: 1 problem\n"
    )


def test_markdown_is_reported_with_the_texts_other_problems(kdir):
    """A fix of the length may leave the Markdown: both are listed in the same run."""
    edit(kdir, "comparison.yaml", "summary: A tiny comparison.", "summary: A **tiny** comparison." + " x" * 500)
    knowledge, errors = validate_knowledge(kdir)
    assert [e.message.split(":")[0] for e in errors] == ["expected at most 1000 characters, got 1022",
                                                         "'**tiny**' is Markdown bold, which Slack shows as typed"]


def test_the_shipped_knowledge_has_no_markdown_slack_does_not_render():
    from bot.knowledge import default_knowledge_dir, load_knowledge

    kb = load_knowledge(default_knowledge_dir())
    texts = [t.answer for t in kb.topics.values()] + [kb.comparison.summary]
    texts += [text for row in kb.comparison.rows for text in (row.flask, row.django)]
    texts += [q.text for q in kb.recommendation.questions]
    texts += [o.reason for q in kb.recommendation.questions for o in q.options]
    assert [text for text in texts if markdown_problems(text)] == []
