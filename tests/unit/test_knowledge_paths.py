"""A problem names the file as the editor can open it: the folder as they gave it (KNOWLEDGE_DIR or
--dir), or its full path, never just the folder's name ("knowledge/topics.yaml" for a draft
elsewhere reads as the repository's own file)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.knowledge import default_knowledge_dir, load_knowledge, validate_knowledge
from bot.knowledge_files import SECTIONS_FILE
from tests.knowledge_drafts import BASE, FIXTURE_SECTIONS, edit

REPO = Path(__file__).resolve().parents[2]


def draft(parent: Path, name: str = "knowledge") -> Path:
    """A draft of the knowledge folder with a broken weight on topics.yaml line 8."""
    target = parent / name
    shutil.copytree(BASE, target)
    (target / SECTIONS_FILE).write_text(FIXTURE_SECTIONS, encoding="utf-8")
    edit(target, "topics.yaml", "      alpha: 2\n", "      alpha: 0\n")
    return target


def test_a_draft_outside_the_working_folder_is_named_by_its_full_path(tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)
    folder = draft(tmp_path / "drafts")
    _, errors = validate_knowledge(folder)
    assert [e.file for e in errors] == [f"{folder}/topics.yaml"]
    assert str(errors[0]).startswith(f"{folder}/topics.yaml:8 at topics[0].keywords.alpha: ")


def test_a_relative_folder_is_named_as_given(tmp_path, monkeypatch):
    draft(tmp_path / "drafts")
    monkeypatch.chdir(tmp_path)
    _, errors = validate_knowledge("drafts/knowledge")
    assert [e.file for e in errors] == ["drafts/knowledge/topics.yaml"]


def test_a_folder_inside_the_working_folder_is_named_relative_to_it(tmp_path, monkeypatch):
    folder = draft(tmp_path / "drafts")
    monkeypatch.chdir(tmp_path)
    _, errors = validate_knowledge(folder)   # absolute, as KnowledgeChild passes it
    assert [e.file for e in errors] == ["drafts/knowledge/topics.yaml"]


def test_the_shipped_folder_reads_knowledge_slash_from_the_repository(monkeypatch):
    monkeypatch.chdir(REPO)
    assert load_knowledge(default_knowledge_dir()).source_files == (
        "knowledge/topics.yaml", "knowledge/comparison.yaml", "knowledge/recommendation.yaml")


def test_kb_check_with_knowledge_dir_prints_the_real_path(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(REPO)
    folder = draft(tmp_path / "drafts")
    monkeypatch.setenv("KNOWLEDGE_DIR", str(folder))
    assert main(["kb", "check"]) == 1
    err = capsys.readouterr().err
    assert err == (f"{folder}/topics.yaml:8 at topics[0].keywords.alpha: expected a number greater than 0 "
                   "and at most 10, got the integer 0\n"
                   "knowledge check failed: 1 problem\n")
    assert not err.startswith("knowledge/")


def test_kb_check_with_a_relative_dir_prints_it_as_given(tmp_path, monkeypatch, capsys):
    draft(tmp_path, "my-draft")
    monkeypatch.chdir(tmp_path)
    assert main(["kb", "check", "--dir", "my-draft"]) == 1
    assert capsys.readouterr().err.startswith("my-draft/topics.yaml:8 at topics[0].keywords.alpha: ")


def test_a_missing_file_names_the_folder_to_put_it_in(tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)
    folder = draft(tmp_path)
    (folder / "comparison.yaml").unlink()
    _, errors = validate_knowledge(folder)
    assert str(errors[-1]) == (f"{folder}/comparison.yaml: missing knowledge file; expected topics.yaml, "
                               f"comparison.yaml, recommendation.yaml in {folder}/")


@pytest.mark.parametrize("given", ["drafts/knowledge/", "./drafts/knowledge"])
def test_spellings_of_the_same_relative_folder(tmp_path, monkeypatch, given):
    draft(tmp_path / "drafts")
    monkeypatch.chdir(tmp_path)
    _, errors = validate_knowledge(given)
    assert [e.file for e in errors] == ["drafts/knowledge/topics.yaml"]
