"""Shared fixtures. Tests that need ../shared skip with a reason when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder (gold sets, corpora, reference); skips when absent."""
    if not (SHARED / "gold").is_dir():
        pytest.skip("../shared is not present (gold sets and corpora live there)")
    return SHARED


@pytest.fixture(scope="session")
def samples() -> Path:
    return ROOT / "samples"
