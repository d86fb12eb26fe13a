"""Fixtures shared by the unit tests."""

from tests.knowledge_drafts import kdir  # noqa: F401  (a draft knowledge folder: tests.knowledge_drafts)
