"""`python -m bot ask`, through bot.__main__.main and once as a real process."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.cli.ask import match_as_json
from bot.console.mrkdwn import to_plain as mrkdwn_to_plain

ROOT = Path(__file__).resolve().parents[2]


def test_answer_is_printed_for_a_reader(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "which one is more secure?"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "Which is more secure, Flask or Django?"
    assert "Sources: " in out and "Related: " in out  # two sections: both named
    assert "*" not in out  # mrkdwn bold converted for plain text


def test_decline_is_polite_with_suggestions(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "how do I cook pasta"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("I couldn't find an answer to that in the Flask vs Django guide.")  # as in Slack
    assert "Did you mean:" in out and out.count("  • ") >= 1


def test_question_words_may_be_unquoted(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "what", "is", "wsgi"]) == 0
    assert capsys.readouterr().out.startswith("WSGI")


def test_json_object(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", "what is a csrf token"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"answered", "topic", "title", "text", "score", "suggestions", "section"}
    assert data["answered"] is True and data["topic"] == "csrf"
    assert data["suggestions"] == [] and data["section"] and data["score"] > 0


def test_json_decline(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", "is the admin ok for my pasta recipe blog on heroku docker"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["answered"] is False and data["topic"] is None and data["section"] is None
    assert isinstance(data["suggestions"], list) and len(data["suggestions"]) <= 3


def test_explain_shows_terms_and_runners_up(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--explain", "djnago admn panel"]) == 0
    out = capsys.readouterr().out
    assert "Explanation" in out and "fuzzy 'djnago'" in out
    assert "best      admin-interface" in out and "runner-up" in out


@pytest.mark.parametrize("question, why", [
    ("who made flask", "outside the guide: who made"),
    ("how do i deploy flask to aws", "outside the guide: deploy, aws"),
    ("is django in demand", "the best topic is about flask only, and the question asks about django"),
    ("is rust worth learning", "about another technology, not Flask or Django"),
    ("can someone reset my password for the staging admin panel? locked out again",
     "names neither framework, asks for no choice, and 3 of its words are outside the guide"),
])
def test_explain_says_why_a_question_is_declined_whatever_its_score(question, why, capsys) -> None:
    assert main(["ask", "--explain", question]) == 0
    assert f"-> declined ({why})" in capsys.readouterr().out
    assert main(["ask", "--json", "--explain", question]) == 0
    assert json.loads(capsys.readouterr().out)["explanation"]["vetoed"] == why


def test_explain_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", "--explain", "flask vs django"]) == 0
    data = json.loads(capsys.readouterr().out)
    e = data["explanation"]
    assert e["best"]["topic"] == "key-differences" and e["terms"] and "runners_up" in e
    assert e["vetoed"] is None


def test_explain_says_when_a_topic_sums_up_the_parts_named(capsys: pytest.CaptureFixture[str]) -> None:
    question = "need login + an admin panel by friday, which one gets me there faster"
    assert main(["ask", "--explain", question]) == 0
    assert ("rapid-development takes the best score: it sums up admin-interface and authentication, which the"
            " question names, and its own subject is asked") in capsys.readouterr().out
    assert main(["ask", "--json", "--explain", question]) == 0
    e = json.loads(capsys.readouterr().out)["explanation"]
    assert e["best"]["topic"] == "rapid-development" and e["sums_up"] == ["admin-interface", "authentication"]
    assert main(["ask", "--json", "--explain", "flask vs django"]) == 0
    assert json.loads(capsys.readouterr().out)["explanation"]["sums_up"] == []


def test_stdin_json_lines(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("which is more secure\n\nhow do I cook pasta\nwhat is an orm\n"))
    assert main(["ask", "--json", "-"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["topic"] for r in rows] == ["security", None, "orm"]


def test_knowledge_error_goes_to_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "topics.yaml").write_text("version: 1\ntopics: [\n", encoding="utf-8")
    assert main(["ask", "--dir", str(tmp_path), "anything"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.startswith("ask: ") and "Traceback" not in captured.err


def test_missing_dir(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--dir", "/no/such/folder", "anything"]) == 1
    assert capsys.readouterr().err.strip()


def test_no_question_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask"]) == 2
    assert "question" in capsys.readouterr().err


def test_rich_output_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.cli import ask as ask_cli

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    out = Tty()
    args = ask_cli.argparse.Namespace(question=["what is wsgi"], json=False, explain=False, dir=None, after=None)
    assert ask_cli.run(args, stdout=out) == 0
    text = out.getvalue()
    assert "WSGI" in text and "╭" in text  # a rich panel


def test_mrkdwn_to_plain() -> None:
    assert mrkdwn_to_plain("*Flask* is _micro_, see <https://x.io|the docs> &amp; ~old~") == (
        "Flask is micro, see the docs (https://x.io) & old"
    )
    assert mrkdwn_to_plain("2 * 3 * 4 and snake_case_name") == "2 * 3 * 4 and snake_case_name"


def test_match_as_json_is_serialisable() -> None:
    from bot.knowledge import default_knowledge_dir, load_knowledge
    from bot.matching import Answerer

    m = Answerer(load_knowledge(default_knowledge_dir())).answer("blueprints?", explain=True)
    json.dumps(match_as_json(m))


def test_real_process_json_lines() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json", "-"],
        input="which one is more secure?\nwhat's the weather like today\n",
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [(r["answered"], r["topic"]) for r in rows] == [(True, "security"), (False, None)]


def test_after_reads_a_follow_up_as_the_bot_does(monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--after", "why would I choose flask?", "and django?"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Following on from the last question: why would I choose django?\n\nWhy choose Django?")
    # one JSON object per line of stdin, each read after the same question; "read_as" None when not a follow-up
    monkeypatch.setattr(sys, "stdin", io.StringIO("what about flask\nwhat is wsgi\n"))
    assert main(["ask", "--json", "--after", "is django secure?", "-"]) == 0
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert (first["read_as"], first["topic"]) == ("is flask secure?", "security")
    assert (second["read_as"], second["topic"]) == (None, "wsgi")


def test_a_reader_that_stops_reading_ends_ask_quietly() -> None:
    """`python -m bot ask - | head`: exit 1 with no traceback once the pipe is closed, as Python does."""
    questions = "\n".join(["which one is more secure?"] * 400) + "\n"
    proc = subprocess.Popen([sys.executable, "-m", "bot", "ask", "-"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=Path(__file__).resolve().parents[2])
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    proc.stdin.write(questions.encode())
    proc.stdin.close()
    assert proc.stdout.readline()       # the reader takes one line, then goes away
    proc.stdout.close()
    assert proc.wait(timeout=60) == 1
    assert "Traceback" not in proc.stderr.read().decode()


@pytest.mark.parametrize("text, intent, does", [
    ("hi", "menu", "greets and shows the menu"), ("thanks :pray:", "thanks", "short you're welcome"),
    ("topics", "topics", "lists the topics"), ("help me choose", "choose", "help-me-choose flow"),
])
def test_what_is_not_a_question_is_not_declined_but_described(capsys, text, intent, does):
    """`ask hi` printed the decline, which is not what the bot says to "hi"."""
    assert main(["ask", text]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Not a question: in Slack, the bot") and does in out
    assert "couldn't find" not in out
    assert main(["ask", "--json", text]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["answered"], data["intent"], data["topic"]) == (False, intent, None)
