"""`python -m bot kb check` and `python -m bot kb list`."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from bot.__main__ import main

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures" / "knowledge"
OK_LINE = "knowledge OK: 36 topics, 5 comparison rows, 7 questions (flow version 1)\n"


def base(tmp_path: Path, name: str = "base") -> Path:
    """A copy of the valid base fixture, with the headings of its made-up guide."""
    target = tmp_path / name
    shutil.copytree(FIXTURES / "base", target)
    (target / "guide-sections.txt").write_text("Heading\nHeading › Sub\n", encoding="utf-8")
    return target


def broken(tmp_path: Path) -> Path:
    target = base(tmp_path, "wrong_type")
    shutil.copy(FIXTURES / "wrong_type" / "topics.yaml", target / "topics.yaml")
    return target


def test_check_ok(capsys, monkeypatch):
    monkeypatch.delenv("KNOWLEDGE_DIR", raising=False)
    assert main(["kb", "check"]) == 0
    out, err = capsys.readouterr()
    assert out == OK_LINE
    assert err == ""


def test_check_lists_every_problem_on_stderr(tmp_path, capsys):
    folder = broken(tmp_path)
    assert main(["kb", "check", "--dir", str(folder)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"{folder}/topics.yaml:8 at topics[0].keywords.alpha: "
        "expected a number greater than 0 and at most 10, got the string 'high'\n"
        f"{folder}/topics.yaml:16 at topics[1].examples: expected a list, got the string 'what is beta'\n"
        "knowledge check failed: 2 problems\n"
    )


def test_check_reads_the_folder_the_bot_would_load(tmp_path, capsys, monkeypatch):
    """An editor trying a change with KNOWLEDGE_DIR=... gets that folder checked, not the shipped one."""
    folder = broken(tmp_path)
    monkeypatch.setenv("KNOWLEDGE_DIR", str(folder))
    assert main(["kb", "check"]) == 1
    assert f"{folder}/topics.yaml:8" in capsys.readouterr().err
    assert main(["ask", "what is alpha"]) == 1
    assert capsys.readouterr().err.startswith(f"ask: {folder}/topics.yaml:8")
    # --dir still wins over the environment
    assert main(["kb", "check", "--dir", str(base(tmp_path))]) == 0
    assert capsys.readouterr().out.startswith("knowledge OK: 2 topics")


def test_check_other_dir(tmp_path, capsys):
    assert main(["kb", "check", "--dir", str(base(tmp_path))]) == 0
    assert capsys.readouterr().out == "knowledge OK: 2 topics, 1 comparison rows, 5 questions (flow version 1)\n"


def test_list_json(capsys):
    assert main(["kb", "list", "--json"]) == 0
    topics = json.loads(capsys.readouterr().out)
    assert len(topics) == 36
    csrf = next(t for t in topics if t["id"] == "csrf")
    assert set(csrf) == {"id", "title", "section", "answer", "examples", "keywords", "synonyms", "related", "covers"}
    assert next(t for t in topics if t["id"] == "rapid-development")["covers"] == [
        "admin-interface", "authentication", "orm"]
    assert csrf["keywords"]["csrf"] == 3
    assert "what is csrf?" in csrf["examples"]


def test_list_table(capsys):
    assert main(["kb", "list"]) == 0
    out = capsys.readouterr().out
    assert "36 topics" in out
    for text in ("flask-overview", "flask-extensions", "What is Flask?", "what is csrf?", "csrf (3)"):
        assert text in out


def test_list_broken_exits_1(tmp_path, capsys):
    assert main(["kb", "list", "--dir", str(broken(tmp_path))]) == 1
    assert "knowledge check failed: 2 problems" in capsys.readouterr().err


def test_kb_without_action_prints_help(capsys):
    assert main(["kb"]) == 2
    assert "check" in capsys.readouterr().err


def test_subprocess_check():
    result = subprocess.run([sys.executable, "-m", "bot", "kb", "check"], cwd=REPO,
                            capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout, result.stderr) == (0, OK_LINE, "")
