"""The store contract runs once per backend: DuckDB, and PostgreSQL on the test server (tests/conftest.py: pg_server,
new_pg_url; skipped without one, except under CI=true)."""

from __future__ import annotations

from collections.abc import Callable

import pytest


@pytest.fixture()
def pg_url(new_pg_url: Callable[[], str]) -> str:
    """A PostgreSQL store URL of the test's own schema."""
    return new_pg_url()


@pytest.fixture(params=["duckdb", "postgres"])
def store_url(request: pytest.FixtureRequest, tmp_path) -> str:
    """The URL (or path) of a new, empty store of each backend: the store contract runs once per backend."""
    if request.param == "duckdb":
        return str(tmp_path / "contract.duckdb")
    return str(request.getfixturevalue("pg_url"))
