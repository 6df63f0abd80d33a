"""PostgreSQL for the store tests: a server named by TOCSIN_TEST_PG (``make test`` starts one with
scripts/pg-test-server), and a schema of its own for every test, so tests in parallel workers never meet.

Without a server the PostgreSQL tests skip with the reason; under CI=true they fail instead (CI must run them)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator

import psycopg
import pytest

PG_ENV = "TOCSIN_TEST_PG"


@pytest.fixture(scope="session")
def pg_server() -> str:
    """The URL of the test server's database (TOCSIN_TEST_PG); skips (fails under CI=true) when there is none."""
    url = os.environ.get(PG_ENV, "")
    reason = ""
    if not url:
        reason = f"no PostgreSQL server for the store tests: set {PG_ENV}=postgresql://user@host:port/db (`make test` starts one)"
    else:
        try:
            psycopg.connect(url, connect_timeout=10).close()
        except psycopg.Error as exc:
            reason = f"the PostgreSQL server of {PG_ENV} does not answer ({str(exc).strip().splitlines()[0]})"
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; under CI=true the PostgreSQL store tests must run", pytrace=False)
        pytest.skip(reason)
    return url


def with_schema(url: str, schema: str) -> str:
    """``url`` with ``schema`` as its search_path (libpq's ``options``)."""
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


@pytest.fixture()
def new_pg_url(pg_server: str) -> Iterator[Callable[[], str]]:
    """Make a store URL of a new, empty schema on the test server (each call another one; all dropped after the test)."""
    schemas: list[str] = []

    def make() -> str:
        schema = f"t_{uuid.uuid4().hex[:16]}"
        with psycopg.connect(pg_server, autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}"')
        schemas.append(schema)
        return with_schema(pg_server, schema)

    yield make
    with psycopg.connect(pg_server, autocommit=True) as conn:
        for schema in schemas:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


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
