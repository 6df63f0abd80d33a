"""The store interface is the only way to the database: no connection outside tocsin.store, no concrete backend in the
API, one filter vocabulary and one date check."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import tocsin
from tocsin.errors import ConfigError
from tocsin.models import Article
from tocsin.store import DuckDBStore, EventFilter, Store, check_date, open_store

PACKAGE = Path(tocsin.__file__).resolve().parent
#: What the API must not import: the backends and their drivers (it opens stores with tocsin.store.open_store).
CONCRETE = ("tocsin.store.duckdb", "tocsin.store.postgres", "tocsin.store.postgres_copy", "duckdb", "psycopg")


def _modules(under: Path) -> list[tuple[Path, ast.Module]]:
    return [(path, ast.parse(path.read_text(encoding="utf-8"), str(path))) for path in sorted(under.rglob("*.py"))]


def _absolute(path: Path, node: ast.ImportFrom) -> str:
    """The module an ``from ... import`` names, made absolute."""
    if not node.level:
        return node.module or ""
    package = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)[: -node.level]
    return ".".join(package + ([node.module] if node.module else []))


def test_interface_no_connection_call_outside_the_store() -> None:
    calls = []
    for path, tree in _modules(PACKAGE):
        if PACKAGE / "store" in path.parents:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "connection":
                calls.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert calls == []


def test_interface_the_api_imports_no_concrete_backend() -> None:
    found = []
    for path, tree in _modules(PACKAGE / "api"):
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                module = _absolute(path, node)
                names = [module] + [f"{module}.{alias.name}" for alias in node.names]
                names += [alias.name for alias in node.names if alias.name in ("DuckDBStore", "PostgresStore")]
            for name in names:
                concrete = any(name == c or name.startswith(c + ".") for c in CONCRETE)
                if concrete or name in ("DuckDBStore", "PostgresStore", "tocsin.store.DuckDBStore"):
                    found.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {name}")
    assert found == []


def test_interface_the_scan_sees_a_connection_call_and_a_concrete_import(tmp_path: Path) -> None:
    """The two scans above would catch what they look for (a guard against a scan that finds nothing by mistake)."""
    tree = ast.parse("from ..store.duckdb import DuckDBStore\nstore.connection().cursor()\n")
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "connection"]
    assert len(calls) == 1
    node = next(n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom))
    assert _absolute(PACKAGE / "api" / "state.py", node) == "tocsin.store.duckdb"


def test_interface_one_date_check_everywhere() -> None:
    from tocsin.api import queries
    from tocsin.store import sql
    from tocsin.watch import reports

    assert queries.check_date is check_date and reports.check_date is check_date and sql.check_date is check_date
    assert check_date("since", "2024-03-05").isoformat() == "2024-03-05"
    assert check_date("since", None) is None
    for bad in ("2024-3-5", "20240305", "2024-02-30", "yesterday"):
        with pytest.raises(ConfigError, match=r"\[E501\] Invalid value for since"):
            check_date("since", bad)


@pytest.mark.parametrize(
    "fields",
    [
        {"dyad": ("RUS",)},
        {"since": "2024-13-01"},
        {"since": "2024-05-02", "until": "2024-05-01"},
        {"code": "1x"},
        {"colour": "red"},
    ],
)
def test_interface_store_events_refuse_bad_filters(fields: dict[str, object]) -> None:
    with DuckDBStore(":memory:") as store, pytest.raises(ConfigError, match=r"\[E501\]"):
        store.events(**fields)  # type: ignore[arg-type]


@pytest.fixture()
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as st:
        yield st


def test_interface_one_filter_vocabulary_on_every_backend(store: Store, vocabulary_articles: list[Article]) -> None:
    """The store's events take the API's fields (pair, source, root, quad) and its own keywords (dyad, article_id) alike."""
    store.save(vocabulary_articles)

    def cameos(rows: list[dict[str, Any]]) -> list[str]:
        return sorted(r["cameo"] for r in rows)

    assert cameos(store.events()) == ["042", "130", "190"]
    assert cameos(store.events(dyad=("RUS", "UKR"))) == ["042", "130", "190"]  # either direction
    assert cameos(store.events(pair="RUS>UKR")) == ["130", "190"]  # directed
    assert cameos(store.events(pair="RUS-UKR")) == ["042", "130", "190"]
    assert cameos(store.events(source="UKR")) == ["042"]
    assert cameos(store.events(EventFilter(root="19"))) == ["190"]
    assert cameos(store.events(EventFilter(quad=3), article_id="a1")) == ["130"]
    assert cameos(store.events(EventFilter(since="2024-03-06"), until="2024-12-31")) == ["042"]
    assert cameos(store.events(actor="RUS", code="1", limit=1)) == ["130"]
