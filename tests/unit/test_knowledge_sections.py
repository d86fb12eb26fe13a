"""Every `section` names headings of the source guide. The bot cannot read the guide at run time
(it lives outside the repository, in ../shared), so its headings are committed in
knowledge/guide-sections.txt; a test keeps that list equal to the guide when the guide is there."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.knowledge import default_knowledge_dir, load_knowledge, validate_knowledge
from bot.knowledge_files import (
    SECTIONS_FILE,
    closest_section,
    format_guide_sections,
    guide_sections,
    read_section_list,
)
from tests.knowledge_drafts import edit

REPO = Path(__file__).resolve().parents[2]
GUIDE = REPO.parent / "shared" / "source" / "flask-vs-django.md"


# --------------------------------------------------------------------------- #
# The committed list and the guide
# --------------------------------------------------------------------------- #


def test_the_committed_list_matches_the_guide():
    if not GUIDE.is_file():
        pytest.skip(f"the guide is not available at {GUIDE} (it lives outside the repository), "
                    "so knowledge/guide-sections.txt cannot be compared with it")
    expected = format_guide_sections(guide_sections(GUIDE.read_text(encoding="utf-8")))
    committed = (default_knowledge_dir() / SECTIONS_FILE).read_text(encoding="utf-8")
    assert committed == expected, (
        "knowledge/guide-sections.txt no longer matches the guide; regenerate it with\n"
        f"  python -m bot kb sections {GUIDE} > knowledge/guide-sections.txt")


def test_the_guides_headings_are_read_as_sections_are_written():
    guide = (
        "---\ntitle: front matter\n---\n"
        "# The title\n"
        "## Reasons Why You Should Consider Flask \n"
        "### 1. Flexibility:\n"
        "Flask is **flexible** in a paragraph.\n"
        "### 2. Ease of Learning: \n"
        "## Frequently Asked Questions\n"
        "**1. Which is More Secure, Flask or Django?**\n"
        "#### Conclusion\n"
        "```\n## not a heading (code)\n```\n"
    )
    assert guide_sections(guide) == [   # a subheading only under the heading above it, never alone
        "Reasons Why You Should Consider Flask",
        "Reasons Why You Should Consider Flask › Flexibility",
        "Reasons Why You Should Consider Flask › Ease of Learning",
        "Frequently Asked Questions",
        "Frequently Asked Questions › Which is More Secure, Flask or Django?",
        "Frequently Asked Questions › Conclusion",
    ]


def test_a_heading_with_none_above_it_stands_alone():
    assert guide_sections("# Title\n### Preface\n## Part\n### Preface\n") == ["Preface", "Part", "Part › Preface"]


def test_the_committed_list_names_subheadings_only_under_their_heading():
    listed = read_section_list(default_knowledge_dir() / SECTIONS_FILE)
    assert "Reasons Why You Should Consider Django for Your Next Project › Security" in listed
    assert "Security" not in listed
    assert "Conclusion" not in listed
    assert "Common Use Case of Flask" in listed   # a top-level heading


def test_the_list_file_is_read_without_its_comments(tmp_path):
    (tmp_path / SECTIONS_FILE).write_text("# comment\n\nHeading\n  Heading › Sub  \n", encoding="utf-8")
    assert read_section_list(tmp_path / SECTIONS_FILE) == ["Heading", "Heading › Sub"]


def test_the_shipped_sections_are_in_the_committed_list():
    listed = set(read_section_list(default_knowledge_dir() / SECTIONS_FILE))
    kb = load_knowledge(default_knowledge_dir())
    used = {part for t in kb.topics.values() for part in t.section.split("; ")}
    assert used <= listed
    assert "Frequently Asked Questions About Django and Flask Frameworks › Are Flask Developers Still in High " \
           "Demand in 2025?" in listed   # a bold line of the guide, its number dropped


@pytest.mark.parametrize("written, closest", [
    ("Common Use Case of Django › Social Networks", "Common Use Case of Django › Social Network Platforms"),
    ("Securty", "Reasons Why You Should Consider Django for Your Next Project › Security"),  # a subheading alone
    ("2. Security:", "Reasons Why You Should Consider Django for Your Next Project › Security"),
    ("Common Use Case of Djngo", "Common Use Case of Django"),
    ("Common Use Case of Django > E-commerce", "Common Use Case of Django › E-commerce"),
    ("Common Use Case of Flask › 1. RESTful APIs:", "Common Use Case of Flask › RESTful APIs"),
    ("Frequently Asked Questions About Django and Flask Frameworks › Are Flask Developers in Demand?",
     "Frequently Asked Questions About Django and Flask Frameworks › Are Flask Developers Still in High "
     "Demand in 2025?"),
])
def test_the_closest_heading(written, closest):
    known = read_section_list(default_knowledge_dir() / SECTIONS_FILE)
    assert closest_section(written, known) == closest


# --------------------------------------------------------------------------- #
# kb check
# --------------------------------------------------------------------------- #


@pytest.mark.parametrize(("written", "problem"), [
    # an unknown section names the closest heading
    ("Heading › Sbu", "unknown guide section 'Heading › Sbu': name a heading of the guide as listed in "
                      "kb/guide-sections.txt; the closest is 'Heading › Sub'"),
    # a subheading alone is told its full path
    ("Sub", "'Sub' is a subheading of the guide, and a subheading alone is not a section: write its full "
            "path 'Heading › Sub'"),
])
def test_a_section_that_is_not_a_listed_heading_is_told_what_to_write(kdir, written, problem):
    edit(kdir, "topics.yaml", "section: Heading › Sub", f"section: {written}")
    knowledge, errors = validate_knowledge(kdir)
    assert knowledge is None
    assert [str(e) for e in errors] == [f"kb/topics.yaml:5 at topics[0].section: {problem}"]


def test_each_of_several_sections_is_checked(kdir):
    edit(kdir, "topics.yaml", "section: Heading › Sub", "section: Heading › Sub; Headin; Heading › Sub")
    edit(kdir, "comparison.yaml", "section: Heading", "section: The Heading")
    edit(kdir, "recommendation.yaml", "reason: Because., section: Heading, topic: alpha}",
         "reason: Because., section: Heading › Other, topic: alpha}")
    _, errors = validate_knowledge(kdir)
    assert [str(e) for e in errors] == [
        "kb/topics.yaml:5 at topics[0].section: unknown guide section 'Headin': name a heading "
        "of the guide as listed in kb/guide-sections.txt; the closest is 'Heading'",
        "kb/topics.yaml:5 at topics[0].section: 'Heading › Sub' is named twice: name each section once",
        "kb/comparison.yaml:3 at section: unknown guide section 'The Heading': name a heading "
        "of the guide as listed in kb/guide-sections.txt; the closest is 'Heading'",
        "kb/recommendation.yaml:8 at questions[0].options[0].section: unknown guide section 'Heading › Other': "
        "name a heading of the guide as listed in kb/guide-sections.txt; the closest is 'Heading › Sub'",
    ]


def test_a_subheading_under_several_headings_is_told_each_full_path(kdir):
    (kdir / SECTIONS_FILE).write_text("Heading\nHeading › Sub\nOther\nOther › Sub\n", encoding="utf-8")
    edit(kdir, "recommendation.yaml", "reason: Because., section: Heading, topic: alpha}",
         "reason: Because., section: Other; Sub, topic: alpha}")
    _, errors = validate_knowledge(kdir)
    assert [(e.file, e.line, e.path) for e in errors] == [
        ("kb/recommendation.yaml", 8, "questions[0].options[0].section")]
    assert errors[0].message == (
        "'Sub' is a subheading under 2 headings of the guide, and a subheading alone is not a section: "
        "write the full path of the one meant, 'Heading › Sub' or 'Other › Sub'")


def test_a_heading_that_is_also_top_level_stays_valid_alone(kdir):
    """A name the guide uses for a top-level heading and for a subheading: alone it is the top-level one."""
    (kdir / SECTIONS_FILE).write_text("Heading\nHeading › Sub\nSub\n", encoding="utf-8")
    edit(kdir, "topics.yaml", "section: Heading › Sub", "section: Sub")
    assert validate_knowledge(kdir)[1] == []


def test_a_subheading_alone_in_the_shipped_knowledge_names_the_guides_path(tmp_path, monkeypatch):
    """The shipped knowledge with one full path cut to its subheading, checked against the real list."""
    shutil.copytree(default_knowledge_dir(), tmp_path / "knowledge")
    monkeypatch.chdir(tmp_path)
    full = "        section: Reasons Why You Should Consider Django for Your Next Project › Security\n"
    lines = (tmp_path / "knowledge" / "recommendation.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    line = lines.index(full) + 1
    edit(tmp_path / "knowledge", "recommendation.yaml", full, "        section: Security\n")
    _, errors = validate_knowledge(tmp_path / "knowledge")
    assert len(errors) == 1
    assert (errors[0].file, errors[0].line) == ("knowledge/recommendation.yaml", line)
    assert errors[0].path.startswith("questions[") and errors[0].path.endswith("].section")
    assert errors[0].message == (
        "'Security' is a subheading of the guide, and a subheading alone is not a section: write its full path "
        "'Reasons Why You Should Consider Django for Your Next Project › Security'")


def test_sections_joined_without_the_space_are_told_how_to_join_them(kdir):
    edit(kdir, "topics.yaml", "section: Heading › Sub", "section: Heading › Sub;Heading")
    _, errors = validate_knowledge(kdir)
    assert [e.message for e in errors] == [
        "sections must be separated by '; ' (a semicolon and a space): write 'Heading › Sub; Heading'",
    ]


def test_a_folder_without_its_own_list_is_checked_against_the_repositorys(kdir, monkeypatch):
    """A draft holding only the YAML files is checked against the guide the repository ships with."""
    (kdir / SECTIONS_FILE).unlink()
    monkeypatch.chdir(REPO)  # the repository's list then reads as knowledge/guide-sections.txt
    _, errors = validate_knowledge(kdir)
    assert errors, "the base fixture's 'Heading' is not a heading of the real guide"
    first = errors[0]
    assert (first.file, first.line, first.path) == (f"{kdir}/topics.yaml", 5, "topics[0].section")
    assert first.message.startswith("unknown guide section 'Heading › Sub': name a heading of the guide "
                                    "as listed in knowledge/guide-sections.txt; the closest is '")


def test_the_shipped_knowledge_passes_the_section_check():
    assert validate_knowledge(default_knowledge_dir())[1] == []


def test_kb_check_reports_an_unknown_section(kdir, capsys):
    edit(kdir, "topics.yaml", "    section: Heading\n", "    section: Heading › Nowhere\n")
    assert main(["kb", "check", "--dir", "kb"]) == 1
    assert capsys.readouterr().err == (
        "kb/topics.yaml:15 at topics[1].section: unknown guide section 'Heading › Nowhere': name a heading "
        "of the guide as listed in kb/guide-sections.txt; the closest is 'Heading › Sub'\n"
        "knowledge check failed: 1 problem\n"
    )


def test_kb_check_reports_a_subheading_alone(kdir, capsys):
    edit(kdir, "comparison.yaml", "section: Heading", "section: Sub")
    assert main(["kb", "check", "--dir", "kb"]) == 1
    assert capsys.readouterr().err == (
        "kb/comparison.yaml:3 at section: 'Sub' is a subheading of the guide, and a subheading alone is not "
        "a section: write its full path 'Heading › Sub'\n"
        "knowledge check failed: 1 problem\n"
    )


def test_kb_sections_prints_the_list_from_a_guide(tmp_path, capsys):
    guide = tmp_path / "guide.md"
    guide.write_text("## Heading\n### 1. Sub:\n", encoding="utf-8")
    assert main(["kb", "sections", str(guide)]) == 0
    out = capsys.readouterr().out
    assert out == format_guide_sections(["Heading", "Heading › Sub"])
    assert out.endswith("\nHeading\nHeading › Sub\n")
    (tmp_path / SECTIONS_FILE).write_text(out, encoding="utf-8")
    assert read_section_list(tmp_path / SECTIONS_FILE) == ["Heading", "Heading › Sub"]


def test_kb_sections_without_the_guide_says_so(tmp_path, capsys):
    assert main(["kb", "sections", str(tmp_path / "nope.md")]) == 1
    assert capsys.readouterr().err == f"kb sections: cannot read the guide {tmp_path / 'nope.md'}: file not found\n"
