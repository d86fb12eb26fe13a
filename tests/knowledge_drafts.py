"""A draft knowledge folder for tests: a copy of the small base fixture, and edits to it.

The base fixture's sections name a made-up guide ("Heading", "Heading › Sub"), so each copy
gets a ``guide-sections.txt`` listing them. Tests run inside ``tmp_path``: problems then name
their file as ``kb/topics.yaml``, as a person who gave ``--dir kb`` would read them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.knowledge_files import SECTIONS_FILE

BASE = Path(__file__).parent / "unit" / "fixtures" / "knowledge" / "base"
FIXTURE_SECTIONS = "# the base fixture's made-up guide\nHeading\nHeading › Sub\n"


@pytest.fixture
def kdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the base fixture at ``tmp_path/kb``, with the current directory ``tmp_path``."""
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "kb"
    shutil.copytree(BASE, target)
    (target / SECTIONS_FILE).write_text(FIXTURE_SECTIONS, encoding="utf-8")
    return target


def edit(kdir: Path, name: str, old: str, new: str) -> None:
    """Replace the one occurrence of ``old`` in ``kdir/name`` with ``new``."""
    path = kdir / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
