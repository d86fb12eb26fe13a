"""`python -m bot report` on a SQLite file filled by the real SQLUsageStore."""

import argparse
import asyncio
import io
import json
from datetime import datetime, timedelta, timezone

import pytest
from rich.console import Console

from bot.cli import report as report_cli
from bot.stores.sql import SQLUsageStore, create_engine

NOW = datetime.now(timezone.utc)


def parse(argv):
    parser = argparse.ArgumentParser(prog="flaskvsdjango")
    report_cli.add_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(["report", *argv])


def run(argv, *, now=None):
    out, err = io.StringIO(), io.StringIO()
    code = parse(argv).handler(parse(argv), now=now, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def fill(url: str, *, old_only: bool = False) -> None:
    async def go():
        engine = create_engine(url)
        clock = [NOW - timedelta(days=30)]
        store = SQLUsageStore(engine, clock=lambda: clock[0])
        await store.create_schema()
        await store.record_decline(team_id="T1", user_id="U1", question="ancient question", suggestions=[])
        if not old_only:
            clock[0] = NOW - timedelta(hours=2)
            for q in ("How do I deploy Flask?", "deploying flask??", "<@UBOT> deploy flask", "GraphQL support?"):
                await store.record_decline(team_id="T1", user_id="U1", question=q, suggestions=["deployment"])
            for topic, n in (("orm", 3), ("async", 1)):
                for _ in range(n):
                    await store.record_answer(team_id="T1", user_id="U1", topic_id=topic, question="q")
            for topic, helpful in (("orm", True), ("orm", False), ("async", False)):
                await store.record_feedback(team_id="T1", user_id="U2", topic_id=topic, helpful=helpful,
                                            question=None)
        await engine.dispose()

    asyncio.run(go())


@pytest.fixture
def db_url(tmp_path):
    url = f"sqlite:///{tmp_path / 'usage.db'}"
    fill(url)
    return url


def test_json(db_url):
    code, out, err = run(["--database-url", db_url, "--json", "--since", "1d"])
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert set(data) == {"since", "declined", "feedback", "answers"}
    assert datetime.fromisoformat(data["since"]) < NOW - timedelta(hours=23)
    assert data["declined"] == [
        {"count": 3, "example": "<@UBOT> deploy flask", "key_terms": ["deploy", "flask"]},
        {"count": 1, "example": "GraphQL support?", "key_terms": ["graphql", "support"]},
    ]
    assert data["feedback"] == [
        {"topic_id": "async", "helpful": 0, "not_helpful": 1, "ratio": 0.0},
        {"topic_id": "orm", "helpful": 1, "not_helpful": 1, "ratio": 0.5},
    ]
    assert data["answers"] == [{"topic_id": "orm", "answers": 3}, {"topic_id": "async", "answers": 1}]


def test_json_limit_and_longer_window(db_url):
    code, out, _ = run(["--database-url", db_url, "--json", "--since", "5w", "--limit", "1"])
    data = json.loads(out)
    assert code == 0
    assert [g["count"] for g in data["declined"]] == [3]
    assert len(data["feedback"]) == 1 and len(data["answers"]) == 1


def test_human_output_is_plain_when_not_a_terminal(db_url):
    code, out, err = run(["--database-url", db_url])
    assert (code, err) == (0, "")
    assert out.startswith("Usage since ")
    assert "Declined questions (4 asked, 2 groups shown)" in out
    assert "    3  deploy, flask     <@UBOT> deploy flask\n" in out
    assert "async        0            1         0%\n" in out
    assert "Answers per topic\nTopic  Answers\n" in out
    assert "\x1b[" not in out and "│" not in out and "┃" not in out


def test_human_output_with_rich_on_a_terminal(db_url, monkeypatch):
    from bot.report import build_report

    report = build_report(since=NOW - timedelta(days=7), window="7d",
                          declined_questions=["deploy [bold]flask[/bold]"], feedback_counts=[("orm", 0, 1)],
                          answer_counts=[])
    console = Console(record=True, force_terminal=True, width=120)
    report_cli.render_rich(report, console)
    text = console.export_text()
    assert "Least helpful topics" in text and "┃ Topic" in text
    assert "Answers per topic: No answers given." in text
    assert "deploy [bold]flask[/bold]" in text


def test_environment_database_url_is_the_default(db_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", db_url)
    code, out, _ = run(["--json"])
    assert code == 0 and json.loads(out)["answers"]


def test_nothing_recorded_in_the_window(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    fill(url, old_only=True)
    code, out, err = run(["--database-url", url, "--since", "12h"])
    assert (code, err) == (0, "")
    assert out.startswith("No usage recorded since ") and "(last 12h)" in out
    code, out, _ = run(["--database-url", url, "--since", "12h", "--json"])
    assert json.loads(out)["declined"] == []


def test_missing_database_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    code, out, err = run([])
    assert code == 1 and out == ""
    assert err.startswith("report: no database at ./flaskvsdjango.db. ")
    assert "only with DATABASE_URL set, or in OAuth mode" in err  # not "the bot creates it": it keeps records in memory
    assert not (tmp_path / "flaskvsdjango.db").exists()


def test_a_missing_file_named_by_the_user_is_named_back(tmp_path):
    code, _, err = run(["--database-url", f"sqlite:///{tmp_path / 'nope.db'}"])
    assert code == 1 and err == f"report: no database at {tmp_path / 'nope.db'} (--database-url); check the path\n"


@pytest.mark.parametrize("argv, env, message", [
    (["--database-url", "mysql://bob:s3cret@db/x"], None,
     "report: --database-url: expected a URL starting with sqlite:// or sqlite+aiosqlite:// or postgres:// or "
     "postgresql:// or postgresql+asyncpg://, got 'mysql://bob:***@db/x'\n"),
    ([], "notaurl", "report: DATABASE_URL: expected a URL starting with sqlite:// or sqlite+aiosqlite:// or "
                    "postgres:// or postgresql:// or postgresql+asyncpg://, got 'notaurl'\n"),
    (["--database-url", "postgres://u:pw@db:notaport/x"], None,
     "report: --database-url: cannot read the URL ("),
])
def test_a_database_url_the_bot_cannot_use_is_one_line_and_exit_2(argv, env, message, monkeypatch):
    if env is None:
        monkeypatch.delenv("DATABASE_URL", raising=False)
    else:
        monkeypatch.setenv("DATABASE_URL", env)
    code, out, err = run(argv)
    assert (code, out) == (2, "") and err.startswith(message) and err.count("\n") == 1


def test_database_without_usage_table(tmp_path):
    (tmp_path / "empty.db").write_bytes(b"")
    code, _, err = run(["--database-url", f"sqlite:///{tmp_path / 'empty.db'}"])
    assert code == 1 and "has no usage table" in err


def test_unreachable_postgres(tmp_path):
    code, _, err = run(["--database-url", "postgresql://u:pw@127.0.0.1:1/x"])
    assert code == 1
    assert err.startswith("report: cannot reach PostgreSQL at 127.0.0.1:1 — is it running?")
    assert err.count("\n") == 1 and "pw" not in err


@pytest.mark.parametrize("argv", [["--since", "7y"], ["--limit", "0"]])
def test_bad_arguments_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as info:
        parse(argv)
    assert info.value.code == 2
    assert "expected" in capsys.readouterr().err
