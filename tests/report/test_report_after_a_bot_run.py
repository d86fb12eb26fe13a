"""`python -m bot report` on a database the bot itself filled (scripts/fill_usage.py through LocalSlack)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from scripts.fill_usage import fill
from tests.process.conftest import ROOT, clean_env


def report(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot", "report", *args], cwd=ROOT, env=clean_env(),
                          capture_output=True, text=True, timeout=60)


@pytest.fixture
async def filled(tmp_path):
    url = f"sqlite:///{tmp_path / 'usage.db'}"
    return url, await fill(url)


async def test_plain_report_shows_the_three_tables(filled):
    url, done = filled
    run = report("--database-url", url)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("Usage since ") and lines[0].endswith("(last 7d)")
    assert f"Declined questions ({len(done.declined)} asked, 2 groups shown)" in lines
    assert "Least helpful topics (worst first)" in lines and "Answers per topic" in lines

    def table(title_start: str) -> list[list[str]]:
        start = next(i for i, line in enumerate(lines) if line.startswith(title_start))
        rows = []
        for line in lines[start + 3:]:           # title, header, dashes
            if not line:
                break
            rows.append(line.split())
        return rows

    declined = table("Declined questions")
    assert [r[0] for r in declined] == ["2", "1"]            # "cook pasta" twice, then the bread
    assert "pasta" in " ".join(declined[0])
    assert table("Least helpful topics")[0][:3] == ["orm", "0", "1"]   # worst first
    answers = {r[0]: int(r[1]) for r in table("Answers per topic")}
    assert answers == done.answers


async def test_json_report_is_valid_and_matches_the_run(filled):
    url, done = filled
    run = report("--database-url", url, "--json")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert set(data) == {"since", "declined", "feedback", "answers"}
    assert sum(g["count"] for g in data["declined"]) == len(done.declined)
    assert {(r["topic_id"], r["helpful"], r["not_helpful"]) for r in data["feedback"]} == {
        (topic, yes, no) for topic, (yes, no) in done.helpful.items()}
    assert {r["topic_id"]: r["answers"] for r in data["answers"]} == done.answers
