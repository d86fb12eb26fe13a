"""`kb check` lists every problem it can find in one run: a schema problem in one topic does not
hide a cross-reference problem in another, nor a problem in another file. Where a check truly
cannot go on (a file that is not YAML, an unsupported version), the message says what was skipped."""

from __future__ import annotations

from pathlib import Path


from bot.__main__ import main
from bot.knowledge import validate_knowledge
from tests.knowledge_drafts import edit



def problems(kdir: Path) -> list[str]:
    knowledge, errors = validate_knowledge(kdir)
    assert knowledge is None
    return [str(e) for e in errors]


def test_a_schema_problem_in_one_topic_does_not_hide_an_unknown_related_id_in_another(kdir):
    edit(kdir, "topics.yaml", "      alpha: 2\n", "      alpha: high\n")
    edit(kdir, "topics.yaml", "related: [alpha]", "related: [alhpa]")
    assert problems(kdir) == [
        "kb/topics.yaml:8 at topics[0].keywords.alpha: expected a number greater than 0 and at most 10, "
        "got the string 'high'",
        "kb/topics.yaml:19 at topics[1].related[0]: unknown topic id 'alhpa'; did you mean 'alpha'?",
    ]


def test_a_duplicate_id_is_reported_with_the_schema_problems_and_everything_it_breaks(kdir):
    edit(kdir, "topics.yaml", "  - id: beta", "  - id: alpha")
    edit(kdir, "topics.yaml", "examples: [what is beta, tell me about beta, beta please]", "examples: what is beta")
    assert problems(kdir) == [
        "kb/topics.yaml:12 at topics[0].related[0]: unknown topic id 'beta'; no topic has this id",
        "kb/topics.yaml:13 at topics[1].id: duplicate topic id 'alpha' (first used by topics[0] on line 3)",
        "kb/topics.yaml:18 at topics[1].examples: expected a list, got the string 'what is beta'",
        "kb/topics.yaml:19 at topics[1].related[0]: a topic cannot be related to itself",
        "kb/recommendation.yaml:29 at questions[4].options[1].topic: unknown topic id 'beta'; no topic has this id",
    ]


def test_problems_in_topics_do_not_hide_the_option_topics_of_recommendation(kdir):
    edit(kdir, "topics.yaml", "related: [alpha]", "related: [alpha, beta]")   # a cross-reference problem
    edit(kdir, "topics.yaml", "title: Alpha", "title: [Alpha]")             # a schema problem
    edit(kdir, "recommendation.yaml", "topic: beta}", "topic: gamma}")
    assert problems(kdir) == [
        "kb/topics.yaml:4 at topics[0].title: expected a string, got a list",
        "kb/topics.yaml:19 at topics[1].related[1]: a topic cannot be related to itself",
        "kb/recommendation.yaml:29 at questions[4].options[1].topic: unknown topic id 'gamma'; no topic has this id",
    ]


def test_every_file_is_checked_in_one_run(kdir):
    edit(kdir, "topics.yaml", "    title: Beta\n", "    title: Beta\n    titel: Beta again\n")
    edit(kdir, "comparison.yaml", "summary: A tiny comparison.", "summary: ''")
    edit(kdir, "recommendation.yaml", "id: yes_django", "id: yes_flask")
    edit(kdir, "recommendation.yaml", "label: B, flask: 0, django: 1, reason: Because., section: Heading, topic: beta}",
         "label: B, flask: 0, django: 9, reason: Because., section: Heading, topic: beta}")
    assert problems(kdir) == [
        "kb/topics.yaml:15 at topics[1].titel: unknown key 'titel'; expected one of: id, title, section, answer, "
        "keywords, synonyms, examples, related, covers",
        "kb/comparison.yaml:4 at summary: expected a non-empty string",
        "kb/recommendation.yaml:9 at questions[0].options[1].id: duplicate option id 'yes_flask' "
        "(first used by questions[0].options[0])",
        "kb/recommendation.yaml:29 at questions[4].options[1].django: expected an integer from 0 to 3, "
        "got the integer 9",
    ]


def test_a_missing_version_does_not_stop_the_file(kdir):
    edit(kdir, "comparison.yaml", "version: 1\n", "")
    edit(kdir, "comparison.yaml", "aspect: Size", "aspect: ''")
    assert problems(kdir) == [
        "kb/comparison.yaml:1: missing required key 'version' (put `version: 1` at the top of the file)",
        "kb/comparison.yaml:5 at rows[0].aspect: expected a non-empty string",
    ]


def test_a_duplicate_key_does_not_stop_the_mapping(kdir):
    edit(kdir, "topics.yaml", "    title: Beta\n", "    title: Beta\n    title: Beta again\n")
    edit(kdir, "topics.yaml", "keywords: {beta: 1.5}", "keywords: {beta: 0}")
    assert problems(kdir) == [
        "kb/topics.yaml:15 at topics[1].title: duplicate key 'title' (first defined on line 14)",
        "kb/topics.yaml:18 at topics[1].keywords.beta: expected a number greater than 0 and at most 10, "
        "got the integer 0",
    ]


def test_an_invalid_topic_id_does_not_also_make_its_references_unknown(kdir):
    """'Beta' is reported once, at the id: alpha's `related: [beta]` and the option's `topic: beta`
    will be right once it is fixed, so they are not reported as unknown too."""
    edit(kdir, "topics.yaml", "  - id: beta", "  - id: Beta")
    edit(kdir, "recommendation.yaml", "topic: alpha}", "topic: alhpa}")
    assert problems(kdir) == [
        "kb/topics.yaml:13 at topics[1].id: expected a kebab-case topic id like 'rest-apis', got 'Beta'",
        "kb/recommendation.yaml:8 at questions[0].options[0].topic: unknown topic id 'alhpa'; did you mean 'alpha'?",
    ]


def test_a_file_that_is_not_yaml_says_what_was_not_checked(kdir):
    (kdir / "topics.yaml").write_text("version: 1\ntopics: [\n", encoding="utf-8")
    edit(kdir, "comparison.yaml", "summary: A tiny comparison.", "summary: ''")
    found = problems(kdir)
    assert len(found) == 2
    assert found[0].startswith("kb/topics.yaml:3: invalid YAML: ")
    assert found[0].endswith("; nothing else in this file was checked, nor the topic ids used in recommendation.yaml")
    assert found[1] == "kb/comparison.yaml:4 at summary: expected a non-empty string"


def test_a_file_that_is_not_yaml_does_not_mention_references_there_are_none_of(kdir):
    (kdir / "comparison.yaml").write_text("title: [\n", encoding="utf-8")
    [found] = problems(kdir)
    assert found.startswith("kb/comparison.yaml:2: invalid YAML: ")
    assert found.endswith("; nothing else in this file was checked")


def test_a_missing_topics_file_says_the_option_topics_were_not_checked(kdir):
    (kdir / "topics.yaml").unlink()
    assert problems(kdir) == [
        "kb/topics.yaml: missing knowledge file; expected topics.yaml, comparison.yaml, recommendation.yaml "
        "in kb/; the topic ids used in recommendation.yaml were not checked",
    ]


def test_an_unsupported_version_says_the_rest_of_the_file_was_not_checked(kdir):
    edit(kdir, "comparison.yaml", "version: 1", "version: 2")
    edit(kdir, "comparison.yaml", "summary: A tiny comparison.", "summary: ''")
    assert problems(kdir) == [
        "kb/comparison.yaml:1 at version: unsupported version 2; this bot reads version 1, "
        "so nothing else in this file was checked",
    ]


def test_kb_check_prints_every_problem_of_every_file_at_once(kdir, capsys):
    edit(kdir, "topics.yaml", "      alpha: 2\n", "      alpha: high\n")
    edit(kdir, "topics.yaml", "related: [alpha]", "related: [alhpa]")
    edit(kdir, "recommendation.yaml", "topic: beta}", "topic: gamma}")
    assert main(["kb", "check", "--dir", "kb"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        "kb/topics.yaml:8 at topics[0].keywords.alpha: expected a number greater than 0 and at most 10, "
        "got the string 'high'\n"
        "kb/topics.yaml:19 at topics[1].related[0]: unknown topic id 'alhpa'; did you mean 'alpha'?\n"
        "kb/recommendation.yaml:29 at questions[4].options[1].topic: unknown topic id 'gamma'; "
        "no topic has this id\n"
        "knowledge check failed: 3 problems\n"
    )


def test_a_misspelt_key_is_still_checked_as_the_field_it_is_meant_to_be(kdir):
    """`relted: [alhpa]`: fixing the key alone would bring up the unknown id on the next run."""
    edit(kdir, "topics.yaml", "related: [alpha]", "relted: [alhpa]")
    assert problems(kdir) == [
        "kb/topics.yaml:19 at topics[1].relted: unknown key 'relted'; did you mean 'related'?",
        "kb/topics.yaml:19 at topics[1].relted[0]: unknown topic id 'alhpa'; did you mean 'alpha'?",
    ]


def test_topics_that_are_not_a_list_say_the_option_topics_were_not_checked(kdir):
    (kdir / "topics.yaml").write_text("version: 1\ntopics: {alpha: 1}\n", encoding="utf-8")
    assert problems(kdir) == [
        "kb/topics.yaml:2 at topics: expected a list, got a mapping; "
        "the topic ids used in recommendation.yaml were not checked",
    ]
