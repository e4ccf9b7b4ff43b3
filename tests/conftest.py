"""Shared fixtures and hypothesis profiles.

Profiles: ``ci`` (derandomised, bounded, used by ``.ci/run``), ``dev`` (the
default), ``fast`` (few examples, for a quick loop). Choose one with
``BILATX_HYPOTHESIS_PROFILE``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import bilatx

settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    max_examples=60,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile("dev", deadline=None, max_examples=100)
settings.register_profile("fast", deadline=None, max_examples=15)
settings.load_profile(os.environ.get("BILATX_HYPOTHESIS_PROFILE", "dev"))

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def pipeline() -> bilatx.Pipeline:
    """The default pipeline: built-ins only, no entry points."""
    return bilatx.Pipeline(entrypoints=False)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared folder beside the checkout (dev corpus, seeds); skips when absent."""
    if not (SHARED / "corpus" / "dev" / "input.jsonl").exists():
        pytest.skip("../shared is not present")
    return SHARED
