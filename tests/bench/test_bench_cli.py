"""``python -m bench --quick`` runs end to end on loopback and ends with its summary line."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_quick_bench_prints_the_table_and_the_summary(tmp_path):
    out = tmp_path / "bench.json"
    proc = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--duration", "0.2", "--sizes", "300,3000",
         "--json", str(out)],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    lines = proc.stdout.strip().splitlines()
    assert re.fullmatch(r"bench: \d+/\d+ targets met in \d+ s(; missed: .+)?", lines[-1]), lines[-1]
    for kind in ("command", "mention", "click"):
        assert any(line.startswith(f"{kind} ") for line in lines), kind
    figures = json.loads(out.read_text())
    assert set(figures["request_path"]) == {f"{k}/c{c}" for k in ("command", "mention", "click") for c in (1, 32)}
    for row in figures["request_path"].values():
        assert row["bot"]["requests"] > 0 and row["bare"]["requests"] > 0
        assert row["bot"]["errors"] == 0 and row["bare"]["errors"] == 0
    # the second baseline sent the bot's replies for every kind, without errors
    assert set(figures["reply_baseline"]) == set(figures["request_path"])
    for row in figures["reply_baseline"].values():
        assert row["requests"] > 0 and row["errors"] == 0 and row["bot_ratio"] > 0
    assert any(line.startswith("against a bare Bolt app that sends the bot's replies") for line in lines)
    assert [a["label"] for a in figures["answerer"]] == ["shipped", "synthetic 300", "synthetic 3,000"]
    assert {s["name"] for s in figures["startup"]} == {"bot", "bare"}


@pytest.mark.slow
def test_memory_phases_prints_each_servers_figures_and_the_medians():
    proc = subprocess.run(
        [sys.executable, "-m", "bench.memory_phases", "--servers", "1", "--seconds", "0.3,0.3,0.3"],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    lines = proc.stdout.strip().splitlines()
    for module in ("bot", "bench.bare_app"):
        at = lines.index(f"{module}  (MiB; VmHWM after each phase at concurrency 32)")
        assert lines[at + 1].split() == ["idle", "RSS", "after", "command", "after", "mention", "after", "click"]
        idle, *peaks = map(float, lines[at + 3].split()[1:])
        assert lines[at + 3].startswith("median") and 20 < idle <= peaks[0] <= peaks[1] <= peaks[2] < 500


@pytest.mark.slow
def test_memory_parts_prints_each_part_after_each_phase():
    proc = subprocess.run(
        [sys.executable, "-m", "bench.memory_parts", "--seconds", "0.3,0.3,0.3"],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    rows = {line[:32].strip(): line[32:].split() for line in proc.stdout.strip().splitlines()}
    assert rows["KiB (counts as counts)"] == ["idle", "after", "command", "after", "mention", "after", "click"]
    for part in ("MemoryDeduper", "MemoryUsageStore", "MemoryConversations", "Index", "Index.word_profiles",
                 "TypoCorrector", "Knowledge"):
        assert len(rows[part]) == 4, part
    assert int(rows["Index"][0]) > 100 and int(rows["Index.word_profiles"][-1]) > 0  # questions were answered
    assert int(rows["MemoryUsageStore"][-1]) > int(rows["MemoryUsageStore"][0])      # ... and recorded


def test_reachable_size_counts_a_shared_object_once():
    from bench.memory_parts import reachable_size

    shared = "x" * 1000

    class Part:
        __slots__ = ("a", "b")

        def __init__(self) -> None:
            self.a, self.b = [shared], {"k": shared}

    part = Part()
    assert reachable_size(part) == sum(sys.getsizeof(o) for o in (part, part.a, part.b, "k", shared))


def test_instruction_count_says_what_to_install_without_valgrind(monkeypatch, capsys, tmp_path):
    from bench import instructions

    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no valgrind on it
    assert instructions.main([]) == 2
    assert "valgrind is not installed" in capsys.readouterr().err


def test_the_run_under_valgrind_answers_the_benchmark_questions(monkeypatch):
    from bench import instructions
    from bot.matching import Answerer

    answered: list[str] = []
    original = Answerer.answer

    def counting(self, question, **kwargs):
        answered.append(question)
        return original(self, question, **kwargs)

    monkeypatch.setattr(Answerer, "answer", counting)
    assert instructions.main(["--passes", "1"]) == 0
    qs = instructions.questions()
    assert answered == qs + qs  # the warm-up pass and one counted pass, in order
