from datetime import datetime, timedelta, timezone

import pytest

from bot.report import (
    FeedbackRow,
    answer_rows,
    build_report,
    feedback_rows,
    group_declines,
    key_terms,
    parse_since,
    report_tables,
)

SINCE = datetime(2026, 11, 17, 6, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("30m", timedelta(minutes=30)), ("12h", timedelta(hours=12)), ("7d", timedelta(days=7)),
     ("4w", timedelta(weeks=4)), (" 2D ", timedelta(days=2))],
)
def test_parse_since(text, expected):
    assert parse_since(text) == expected


@pytest.mark.parametrize("text", ["", "7", "d", "7y", "-1d", "0d", "1.5h", "7 days"])
def test_parse_since_rejects(text):
    with pytest.raises(ValueError, match="like 30m, 12h, 7d or 4w"):
        parse_since(text)


def test_key_terms_strip_markup_punctuation_stopwords_and_stem():
    terms = key_terms("<@U0123ABC> How do I *deploy* Flask apps?? :thinking_face: see <https://x.io/a|the docs>")
    assert [t.stem for t in terms] == ["app", "deploy", "doc", "flask"]
    assert [t.word for t in terms] == ["apps", "deploy", "docs", "flask"]


def test_key_terms_drop_mentions_channels_and_bare_links():
    assert key_terms("<!here> <#C024BE7LR|general> <https://example.com> what's Celery?") == key_terms("celery")


def test_key_terms_of_only_stopwords_is_empty():
    assert key_terms("Hi! Can you help me please?") == ()


def test_questions_with_the_same_key_terms_group_together():
    groups = group_declines([
        "Deploying Flask?",                        # newest
        "how do I deploy flask",
        "What about deploying Django?",
        "how do I deploy flask",
        "<@UBOT> flask deploy!!",
        "is Kubernetes good for Django",
    ])
    assert [(g.count, g.stems) for g in groups] == [
        (4, ("deploy", "flask")),
        (1, ("deploy", "django")),
        (1, ("django", "kubernet")),
    ]
    top = groups[0]
    assert top.example == "how do I deploy flask"       # the most frequent wording
    assert top.key_terms == ("deploy", "flask")         # the most used word per stem


def test_word_order_and_repetition_do_not_matter():
    groups = group_declines(["flask or django for GraphQL", "GraphQL: django vs flask? django!"])
    assert len(groups) == 1 and groups[0].count == 2


def test_ties_go_to_the_most_recent_group_and_limit_applies():
    groups = group_declines(["celery", "graphql", "websockets"], limit=2)
    assert [g.stems for g in groups] == [("celeri",), ("graphql",)]


def test_example_ties_go_to_the_newest_wording():
    assert group_declines(["Flask deploy?", "deploy flask"])[0].example == "Flask deploy?"


def test_whitespace_is_collapsed_in_examples():
    assert group_declines(["  deploy\n\nflask  "])[0].example == "deploy flask"


def test_feedback_worst_ratio_first_and_unvoted_dropped():
    rows = feedback_rows([("orm", 3, 1), ("async", 0, 2), ("admin", 1, 1), ("rest", 0, 5), ("none", 0, 0)])
    assert [r.topic_id for r in rows] == ["rest", "async", "admin", "orm"]
    assert rows[2].ratio == 0.5
    assert FeedbackRow("x", 0, 0).ratio == 0.0
    assert [r.topic_id for r in feedback_rows([("a", 1, 0), ("b", 0, 1)], limit=1)] == ["b"]


def test_answers_most_first():
    assert [(r.topic_id, r.answers) for r in answer_rows([("b", 2), ("a", 2), ("c", 9), ("z", 0)])] == [
        ("c", 9), ("a", 2), ("b", 2)
    ]


def test_report_to_dict_and_tables():
    report = build_report(
        since=SINCE, window="7d",
        declined_questions=["deploy flask", "flask deploy?", "graphql"],
        feedback_counts=[("orm", 1, 2)],
        answer_counts=[("orm", 4)],
    )
    assert report.to_dict() == {
        "since": "2026-11-17T06:00:00+00:00",
        "declined": [
            {"count": 2, "example": "deploy flask", "key_terms": ["deploy", "flask"]},
            {"count": 1, "example": "graphql", "key_terms": ["graphql"]},
        ],
        "feedback": [{"topic_id": "orm", "helpful": 1, "not_helpful": 2, "ratio": 0.333}],
        "answers": [{"topic_id": "orm", "answers": 4}],
    }
    declined, feedback, answers = report_tables(report)
    assert declined.title == "Declined questions (3 asked, 2 groups shown)"
    assert declined.rows[0] == ("2", "deploy, flask", "deploy flask")
    assert feedback.rows == (("orm", "1", "2", "33%"),)
    assert answers.rows == (("orm", "4"),)


def test_empty_report():
    report = build_report(since=SINCE, window="7d", declined_questions=[], feedback_counts=[], answer_counts=[])
    assert report.is_empty
    assert all(not t.rows and t.empty_note for t in report_tables(report))
