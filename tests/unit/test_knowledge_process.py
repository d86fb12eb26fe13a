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
from bot.knowledge_process import KnowledgeChild
from tests.process.conftest import clean_env


def load_apart(directory):
    return KnowledgeChild(directory).result()


def test_the_child_reads_what_load_knowledge_reads():
    child = KnowledgeChild(default_knowledge_dir())
    assert child.result() == load_knowledge(default_knowledge_dir())
    child.close()  # collected: nothing left to stop


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
    popen = subprocess.Popen

    def spy(*args, **kwargs):
        started.append(kwargs)
        return popen(*args, **kwargs)

    monkeypatch.setattr(knowledge_process.subprocess, "Popen", spy)
    load_apart(default_knowledge_dir())
    assert [kwargs.get("start_new_session") for kwargs in started] == [True]


def test_a_child_never_collected_is_stopped_and_reaped():
    child = KnowledgeChild(default_knowledge_dir())
    child.close()
    assert child._proc is not None and child._proc.returncode is not None
    child.close()  # twice is harmless


def test_the_server_starts_the_child_before_importing_itself(tmp_path):
    """``python -m bot`` starts the child before importing Bolt and aiohttp (most of a start-up),
    and a knowledge problem still stops it with the one-line message and exit status 1."""
    broken = tmp_path / "knowledge"
    shutil.copytree(default_knowledge_dir(), broken)
    (broken / "topics.yaml").write_text("topics: [", encoding="utf-8")
    code = (
        "import sys\n"
        "import bot.knowledge_process as kp\n"
        "start = kp.KnowledgeChild.__init__\n"
        "def spy(self, directory):\n"
        "    print('started with', sorted({'slack_bolt', 'aiohttp', 'bot.server'} & set(sys.modules)), flush=True)\n"
        "    start(self, directory)\n"
        "kp.KnowledgeChild.__init__ = spy\n"
        "from bot.__main__ import main\n"
        "sys.exit(main([]))\n"
    )
    env = clean_env(SLACK_BOT_TOKEN="xoxb-test", SLACK_SIGNING_SECRET="s", KNOWLEDGE_DIR=str(broken),
                    SLACK_API_URL="http://127.0.0.1:9/api/")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert done.stdout.splitlines() == ["started with []"]
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith("flaskvsdjango: ") and "topics.yaml" in done.stderr
