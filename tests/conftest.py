"""Shared fixtures.  ``../shared`` exists only on the developers' machines and in CI."""

from __future__ import annotations

from pathlib import Path

import os

import pytest
from hypothesis import settings

# HYPOTHESIS_PROFILE=deep runs every property with many more examples (slow; not in CI).
settings.register_profile("deep", max_examples=3000, deadline=None)
settings.register_profile("default", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The real-text corpus; tests using it skip when it is absent (a user's clone)."""
    if not CORPUS.is_dir() or not any(CORPUS.glob("*.txt")):
        pytest.skip("../shared/corpus is not available")
    return CORPUS


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
