"""``bot.knowledge_process``: the server's knowledge is read in a child process, with the same
result and the same errors as ``load_knowledge``, and PyYAML never enters the server."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys

import pytest

from bot import knowledge_process
from bot.errors import KnowledgeError
from bot.knowledge import default_knowledge_dir, load_knowledge
from bot.knowledge_process import load_apart


def test_the_child_reads_what_load_knowledge_reads():
    assert load_apart(default_knowledge_dir()) == load_knowledge(default_knowledge_dir())


def test_a_problem_is_raised_as_load_knowledge_raises_it(tmp_path):
    broken = tmp_path / "knowledge"
    shutil.copytree(default_knowledge_dir(), broken)
    topics = broken / "topics.yaml"
    topics.write_text(topics.read_text(encoding="utf-8").replace("section:", "section: 7 #", 1), encoding="utf-8")
    with pytest.raises(KnowledgeError) as here:
        load_knowledge(broken)
    with pytest.raises(KnowledgeError) as apart:
        load_apart(broken)
    assert (apart.value.file, apart.value.line, apart.value.path, apart.value.message) == (
        here.value.file, here.value.line, here.value.path, here.value.message)
    assert str(apart.value) == str(here.value)


def test_a_missing_folder_is_the_same_error(tmp_path):
    with pytest.raises(KnowledgeError, match="knowledge directory not found"):
        load_apart(tmp_path / "nowhere")


@pytest.mark.parametrize("interpreter", ["/nonexistent/python3", "/bin/false"])
def test_when_the_child_cannot_run_the_knowledge_is_loaded_here(monkeypatch, caplog, interpreter):
    monkeypatch.setattr(knowledge_process.sys, "executable", interpreter)
    with caplog.at_level(logging.WARNING, logger="bot.knowledge_process"):
        assert load_apart(default_knowledge_dir()) == load_knowledge(default_knowledge_dir())
    [warning] = caplog.records
    assert "could not load the knowledge in a child process" in warning.getMessage()


def test_the_child_answers_a_wrong_call_with_usage():
    done = subprocess.run([sys.executable, "-m", "bot.knowledge_process"], capture_output=True, text=True)
    assert done.returncode == 2 and "usage:" in done.stderr


def test_loading_the_brain_imports_no_yaml_into_the_server():
    code = (
        "import sys\n"
        "from bot.config import load_settings\n"
        "from bot.reload import load_brain\n"
        "brain = load_brain(load_settings({'SLACK_BOT_TOKEN': 'xoxb-test', 'SLACK_SIGNING_SECRET': 's'}))\n"
        "assert brain.knowledge.topics\n"
        "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] == 'yaml'\n"
        "                      or m in ('bot.knowledge_schema', 'bot.knowledge_files'))))\n"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert loaded == []


def test_the_child_runs_in_its_own_session(monkeypatch):
    """A Ctrl-C in the terminal goes to the whole process group: the server handles it (it stops
    while starting); the child must not die of it and leave the server to read the files itself."""
    started = []
    run = subprocess.run

    def spy(*args, **kwargs):
        started.append(kwargs)
        return run(*args, **kwargs)

    monkeypatch.setattr(knowledge_process.subprocess, "run", spy)
    load_apart(default_knowledge_dir())
    assert [kwargs.get("start_new_session") for kwargs in started] == [True]
