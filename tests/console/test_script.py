"""The console through its real entry point: ``printf ... | python -m bot`` with no Slack credentials."""

from __future__ import annotations

import fcntl
import os
import re
import struct
import subprocess
import sys
import termios
import time

import pytest

from tests.console.conftest import ROOT, clean_env, run_console


def turns(stdout: str) -> dict[str, str]:
    """The output after each echoed ``> input`` line (later repeats of an input get a suffix)."""
    out: dict[str, str] = {}
    parts = re.split(r"^> (.*)$", stdout, flags=re.MULTILINE)
    for i in range(1, len(parts), 2):
        key = parts[i]
        while key in out:
            key += "'"
        out[key] = parts[i + 1]
    return out


def test_the_menu_with_numbered_buttons_and_exit_0():
    result = run_console("/flaskvsdjango\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "local simulation of Slack" in out
    assert "SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET" in out and "SLACK_APP_TOKEN + SLACK_BOT_TOKEN" in out
    assert "manifest.yml" in out and "Connect to Slack" in out and ":help" in out
    menu = turns(out)["/flaskvsdjango"]
    assert "Flask vs Django helper" in menu and "only visible to you" in menu
    assert "[1] Help me choose  [2] Compare  [3] Topics" in menu


def test_plain_output_has_no_colour_codes_or_markup():
    result = run_console("/flaskvsdjango compare\n@bot what is an ORM?\n", FORCE_COLOR="1", TERM="xterm-256color")
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert not re.search(r"\[/?(bold|dim|italic|cyan|magenta)", result.stdout)
    assert not any(line != line.rstrip() for line in result.stdout.splitlines())
    assert "*Flask*" not in result.stdout and "&lt;" not in result.stdout


def test_help_me_choose_flow_to_a_recommendation_as_updates_of_one_message():
    result = run_console("/flaskvsdjango choose\n" + "1\n" * 7)
    assert result.returncode == 0, result.stderr
    steps = turns(result.stdout)
    assert "Question 1 of 7" in steps["/flaskvsdjango choose"]
    assert "✎ updated" not in steps["/flaskvsdjango choose"]
    clicks = [v for k, v in steps.items() if k.startswith("1")]
    assert len(clicks) == 7
    for n, output in enumerate(clicks[:-1], start=2):
        assert output.lstrip().startswith("clicked [1] ")
        assert "✎ updated  flaskvsdjango · #general · only visible to you" in output
        assert f"Question {n} of 7" in output
    final = clicks[-1]
    assert "✎ updated" in final
    assert re.search(r"We recommend (Flask|Django)|lean towards|tie", final)
    assert "Share in channel" in final
    # one message, updated in place: only the first answer shows a new message header
    assert result.stdout.count("flaskvsdjango · #general · only visible to you") == 8
    assert result.stdout.count("✎ updated") == 7


def test_mention_is_answered_in_a_thread_under_the_typed_message():
    result = run_console("@bot what is an ORM?\n")
    assert result.returncode == 0, result.stderr
    lines = turns(result.stdout)["@bot what is an ORM?"].strip("\n").splitlines()
    assert lines[0] == "you · #general: @flaskvsdjango what is an ORM?"
    assert lines[1] == "    ↳ flaskvsdjango · #general · in thread"
    assert lines[2].startswith("        ") and "ORM" in lines[2]
    assert all(line.startswith("        ") or not line for line in lines[2:])


def test_dm_is_answered():
    result = run_console("which is easier to learn?\n")  # the banner's own example: it must be answered
    assert result.returncode == 0, result.stderr
    out = turns(result.stdout)["which is easier to learn?"]
    assert "you · direct message: which is easier to learn?" in out
    assert "flaskvsdjango · direct message" in out and "Flask is easier to learn" in out and "[1] " in out


def test_help_unknown_numbers_and_commands_get_local_notes():
    result = run_console("5\n:help\n/flaskvsdjango\n9\n0\n/giphy cats\n:nope\n\n   \n:quit\n/flaskvsdjango never\n")
    assert result.returncode == 0, result.stderr
    steps = turns(result.stdout)
    assert "no buttons to click yet" in steps["5"]
    assert "@bot text" in steps[":help"] and "1, 2, 3" in steps[":help"] and ":quit" in steps[":help"]
    assert "There is no button 9" in steps["9"] and "“Flask vs Django helper”" in steps["9"]
    assert "buttons 1–3" in steps["9"]
    assert "There is no button 0" in steps["0"]
    assert "/giphy is not a command of this app" in steps["/giphy cats"]
    assert ":nope is not a console command" in steps[":nope"]
    assert "never" not in result.stdout.split("> :quit", 1)[1]  # nothing after :quit is read


def test_end_of_input_exits_0_even_with_no_input():
    result = run_console("")
    assert result.returncode == 0, result.stderr
    assert "local simulation of Slack" in result.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="sets a pipe's size (F_SETPIPE_SZ, Linux)")
def test_a_reader_that_stops_reading_ends_the_console_with_status_1():
    """``python -m bot | head``: head stops reading while the bot's reply is being printed. The
    reply is printed from the console's loop thread, where rich's SystemExit used to end the thread
    and leave the console waiting for ever. It now stops with status 1, as Python exits on a
    broken pipe. A 4 KiB pipe makes the moment exact: the banner and two replies fill most of
    it, so the third reply's write is the one that blocks, then fails."""
    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, getattr(fcntl, "F_SETPIPE_SZ", 1031), 4096)
    proc = subprocess.Popen([sys.executable, "-m", "bot"], stdin=subprocess.PIPE, stdout=write_end,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT, env=clean_env())
    os.close(write_end)
    assert proc.stdin is not None and proc.stderr is not None
    proc.stdin.write("/flaskvsdjango topics\n" * 4)
    proc.stdin.close()
    try:
        _wait_until_blocked(proc, read_end)
        os.close(read_end)
        code = proc.wait(timeout=30)
    finally:
        proc.kill()
    err = proc.stderr.read()
    assert code == 1, err
    assert "Traceback" not in err and "Exception" not in err


def _wait_until_blocked(proc: subprocess.Popen[str], read_end: int) -> None:
    """Until more than 3 KiB wait in the pipe and no more has come for a second: a write is blocked."""
    deadline = time.monotonic() + 60
    unread, since = -1, time.monotonic()
    while not (unread > 3072 and time.monotonic() - since > 1.0):
        assert proc.poll() is None and time.monotonic() < deadline, f"the output stopped at {unread} bytes"
        time.sleep(0.1)
        now = struct.unpack("i", fcntl.ioctl(read_end, termios.FIONREAD, b"\0\0\0\0"))[0]
        if now != unread:
            unread, since = now, time.monotonic()


def test_logs_stay_off_stdout():
    result = run_console("/flaskvsdjango\n", LOG_LEVEL="INFO")
    assert result.returncode == 0
    assert " INFO " not in result.stdout and "WARNING" not in result.stdout


def test_a_content_editor_sees_a_knowledge_change(tmp_path):
    from tests.console.conftest import ROOT

    for source in (ROOT / "knowledge").glob("*.yaml"):
        text = source.read_text(encoding="utf-8")
        if source.name == "topics.yaml":
            text = text.replace("    title: WSGI\n", "    title: WSGI, edited locally\n", 1)
        (tmp_path / source.name).write_text(text, encoding="utf-8")
    result = run_console("/flaskvsdjango what is wsgi\n", KNOWLEDGE_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "WSGI, edited locally" in result.stdout


def test_a_broken_knowledge_folder_stops_with_one_line(tmp_path):
    result = run_console("/flaskvsdjango\n", KNOWLEDGE_DIR=str(tmp_path))
    assert result.returncode == 1
    assert "missing knowledge file" in result.stderr and "Traceback" not in result.stderr


def test_the_console_runs_with_the_environments_follow_up_time_and_says_it_leaves_service_urls_alone():
    """FOLLOW_UP_TTL_SECONDS=0 turns follow-ups off here as in Slack; DATABASE_URL and REDIS_URL are
    named as not used (a try in the console is not a real user's question) and never contacted."""
    script = "why choose flask?\nand django?\n"
    on = run_console(script)
    off = run_console(script, FOLLOW_UP_TTL_SECONDS="0", DATABASE_URL="postgresql://127.0.0.1:1/nowhere",
                      REDIS_URL="redis://127.0.0.1:1/0")
    assert on.returncode == off.returncode == 0, off.stderr
    assert "Following on from the last question" in turns(on.stdout)["and django?"]
    assert "Following on" not in turns(off.stdout)["and django?"]
    assert "What is Django?" in turns(off.stdout)["and django?"]
    assert "not used here" not in on.stdout
    banner = " ".join(off.stdout.split("> why choose flask?")[0].split())
    assert "DATABASE_URL and REDIS_URL are not used here" in banner
