"""PostgreSQL backend of the event store: one server shared by several writers and readers (psycopg 3).

The tables, columns and migrations mirror the DuckDB backend (``migrations/postgres``), and every query gives the
DuckDB backend's answer: strings compare byte by byte (``COLLATE "C"``), events are merged by the same rules
(:mod:`tocsin.store.merge`). Several processes may write at once: a save is one transaction that first takes a
transaction-level advisory lock, so the merge step of two writers never interleaves (the second sees the first's
merged events), and an article already stored is skipped by its primary key.

Adapters that run SQL of their own (the watch layer, the API) get :meth:`PostgresStore.connection`, a thin
DuckDB-shaped face over the psycopg connection: ``?`` and ``$n`` placeholders, ``.fetchall()``, ``.fetchone()`` and
``.df()``.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import psycopg

from ..codebook import organisation_codes
from ..errors import Errors, StoreError
from ..models import Article, Event
from .base import SaveResult
from .duckdb import (
    _ARTICLE_COLUMNS,
    _EVENT_COLUMNS,
    _MENTION_COLUMNS,
    _SENTENCE_COLUMNS,
    _date_part,
    _Getter,
    _named,
    _plain,
    _printable,
    make_event_id,
)
from .merge import MERGED_COLUMNS, merge_keys, merged_counts, plan_merge, reports_of
from .migrations import latest_version, load_migrations
from .sql import SqlStore, merged_facts_sql

if TYPE_CHECKING:
    import pandas as pd

# DuckDB type names of the column tables (tocsin.store.duckdb) -> PostgreSQL's, for COPY.
_PG_TYPES = {
    "VARCHAR": "text",
    "INTEGER": "int4",
    "BIGINT": "int8",
    "DOUBLE": "float8",
    "BOOLEAN": "bool",
    "DATE": "date",
    "TIMESTAMP": "timestamp",
    "VARCHAR[]": "text[]",
}
# Saves and migrations of one schema take this lock, one at a time (per database schema: tests use one each).
_LOCK = "SELECT pg_advisory_xact_lock(hashtext('tocsin.store:' || current_schema()))"
_MERGED_TYPES = ("text", "text", "text", "text", "date", "text", "text", "int8", "float8", "float8", "text")


def principal_sql(column: str) -> str:
    """PostgreSQL SQL of :func:`tocsin.codebook.actor_principal` with DuckDB's answers (``regexp_extract``'s ``''``
    for an IGO or NGO code of no known organisation): the organisation codes are longest first, so the longest
    match PostgreSQL picks is the first one DuckDB picks."""
    alternatives = "|".join(organisation_codes())
    return (
        f"(CASE WHEN starts_with({column}, '---') THEN NULL WHEN starts_with({column}, 'IGO') OR starts_with({column}, 'NGO')"
        f" THEN coalesce(substring({column} from '^({alternatives})'), '') ELSE left({column}, 3) END)"
    )


class PostgresStore(SqlStore):
    """Event store in a PostgreSQL database (its current schema: ``search_path``, ``public`` by default).

    url: ``postgresql://user:password@host:port/database`` (or ``postgres://``); libpq parameters such as
        ``?options=-csearch_path%3Dtocsin`` pass through.
    read_only: only read (every transaction is read-only); the schema must be up to date.
    keep_open: accepted for :func:`~tocsin.store.open_store`; a server has no file lock to release, so the
        connection stays open until :meth:`close` either way.
    RAISES: StoreError if the server cannot be reached (E310), or its schema is newer than this tocsin (E302) or,
        read-only, older (E304).
    """

    def __init__(self, url: str, *, read_only: bool = False, keep_open: bool = True) -> None:
        self.url = url
        self.path = redact(url)  # what messages name
        self.read_only = read_only
        self.keep_open = keep_open
        self._write_lock = threading.Lock()
        self._wconn: psycopg.Connection[Any] | None = None
        self._closed = False
        self._conn: psycopg.Connection[Any] | None = self._connect(read_only=read_only)
        try:
            self._init_schema()
            self._event_select = self._events_select()
        except BaseException:
            self.close()
            raise

    def _connect(self, *, read_only: bool) -> psycopg.Connection[Any]:
        try:
            conn = psycopg.connect(self.url, autocommit=True)
            conn.execute("SET TIME ZONE 'UTC'")
            if read_only:
                conn.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        except psycopg.Error as exc:
            raise StoreError(Errors.E310.format(url=self.path, detail=_detail(exc))) from exc
        return conn

    def _init_schema(self) -> None:
        conn = self._connection()
        expected = latest_version("postgres")
        if self.read_only:
            found = self._schema_version(conn)
            if found > expected:
                raise StoreError(Errors.E302.format(path=self.path, found=found, expected=expected))
            if found < expected:
                raise StoreError(Errors.E304.format(path=self.path, found=found, expected=expected))
            return
        self.migrate()

    def migrate(self) -> int:
        """Apply the migrations the schema lacks, in one transaction under the store's lock (two processes opening a
        new database at once apply them once).

        RETURNS: the number of migrations applied. RAISES: StoreError E302 (newer schema) or E301 (a migration failed).
        """
        migrations = load_migrations("postgres")
        expected = migrations[-1].version
        conn = self._connection()
        try:
            with conn.transaction():
                conn.execute(_LOCK)
                conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)")
                found = self._schema_version(conn)
                if found > expected:
                    raise StoreError(Errors.E302.format(path=self.path, found=found, expected=expected))
                pending = [m for m in migrations if m.version > found]
                for migration in pending:
                    conn.execute(migration.sql.encode("utf-8"))
                    conn.execute("INSERT INTO schema_version VALUES (%s, %s)", [migration.version, datetime.now(UTC).replace(tzinfo=None)])
                row = conn.execute("SELECT count(*) FROM merged_events WHERE root IS NULL OR factual IS NULL").fetchone()
                if row and row[0]:
                    _refresh_merged_facts(conn)  # rows of a store written before migrations 0005/0007
        except psycopg.Error as exc:
            raise StoreError(Errors.E301.format(path=self.path, detail=f"migration failed: {_detail(exc)}")) from exc
        return len(pending)

    @staticmethod
    def _schema_version(conn: psycopg.Connection[Any]) -> int:
        row = conn.execute("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()
        if not row or not row[0]:
            return 0
        row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def _events_select(self) -> str:
        """The events query of :meth:`events`: DuckDB's ``e.* EXCLUDE (...)`` spelt out from the table's columns."""
        rows = self._connection().execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'events'"
            " ORDER BY ordinal_position"
        )
        columns = [f'e."{r[0]}"' for r in rows.fetchall() if r[0] not in ("event_id", "merged_id", "seen_date", "rowid")]
        return (
            f"SELECT {', '.join(columns)}, e.event_id AS mention_id, coalesce(e.merged_id, e.event_id) AS event_id,"
            " coalesce(m.num_mentions, 1) AS num_mentions, coalesce(m.num_sources, 1) AS num_sources,"
            " coalesce(m.num_articles, 1) AS num_articles, coalesce(m.confidence, e.confidence) AS event_confidence,"
            " a.outlet, a.url, a.title"
            " FROM events e JOIN articles a ON a.id = e.article_id LEFT JOIN merged_events m ON m.event_id = e.merged_id"
        )

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[PostgresStore]:
        """Nothing to hold: the connection stays open (a server has no file lock). RAISES: StoreError once closed."""
        if write and self.read_only:
            raise StoreError(Errors.E301.format(path=self.path, detail="the store is open read-only; open it without read_only to write"))
        self._connection()
        yield self

    # -- writing ---------------------------------------------------------------

    def save(self, articles: Sequence[Article]) -> SaveResult:
        if self.read_only:
            raise StoreError(Errors.E301.format(path=self.path, detail="the store is open read-only; open it without read_only to write"))
        with self._write_lock:  # one transaction at a time on the write connection; other processes wait on the lock
            retried = False
            while True:
                conn = self._write_connection()
                try:
                    with conn.transaction():
                        conn.execute(_LOCK)
                        return _save(conn, articles)
                except Exception as exc:  # driver errors and malformed articles alike; the transaction was rolled back
                    if conn.closed or conn.broken:
                        self._wconn = None  # the server dropped the connection: nothing was saved, so save again once
                        if not retried:
                            retried = True
                            continue
                    if isinstance(exc, UnicodeError):  # the data's fault (a lone surrogate), not the database's: E308, as DuckDB
                        raise StoreError(
                            Errors.E308.format(path=self.path, count=len(articles), articles=_named(articles), detail=_printable(exc))
                        ) from exc
                    detail = _detail(exc) if isinstance(exc, psycopg.Error) else f"{type(exc).__name__}: {exc}"
                    raise StoreError(Errors.E301.format(path=self.path, detail=f"save failed, nothing was saved ({detail})")) from exc

    def _write_connection(self) -> psycopg.Connection[Any]:
        self._connection()
        if self._wconn is None or self._wconn.closed:
            self._wconn = self._connect(read_only=False)
        return self._wconn

    # -- reading ---------------------------------------------------------------

    def event_columns(self) -> list[str]:
        """The keys of an :meth:`events` row, in order (what an empty result would have had)."""
        cursor = self.connection().cursor()
        try:
            cursor.execute(self._event_select + " LIMIT 0", [])
            return [*(d[0] for d in cursor.description), "cameo_name"]
        finally:
            cursor.close()

    def close(self) -> None:
        self._closed = True
        for conn in (self._conn, self._wconn):
            if conn is not None:
                conn.close()
        self._conn = self._wconn = None

    # -- helpers ---------------------------------------------------------------

    def connection(self) -> PgConnection:
        """The connection, for adapters with SQL of their own (the watch layer, the API): DuckDB-shaped (``?``
        placeholders, ``.cursor()``, ``.execute(sql, params)``, ``.fetchall()``, ``.df()``); statements autocommit."""
        return PgConnection(self._connection(), self.path)

    def _connection(self) -> psycopg.Connection[Any]:
        if self._closed or self._conn is None:
            raise StoreError(Errors.E301.format(path=self.path, detail="the store is closed"))
        if self._conn.closed or self._conn.broken:  # the server restarted or dropped us: connect again (E310 if it is down)
            self._conn = self._connect(read_only=self.read_only)
        return self._conn

    def _query(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        cursor = self.connection().cursor()
        try:
            cursor.execute(sql, params)
            names = [d[0] for d in cursor.description]
            rows = cursor.fetchall()
        finally:
            cursor.close()
        return [{name: _plain(value) for name, value in zip(names, row)} for row in rows]

    def __repr__(self) -> str:
        return f"PostgresStore({self.path!r}, read_only={self.read_only})"


# -- saving and merging (one transaction, under the lock) ---------------------------------------------------------------


def _save(conn: psycopg.Connection[Any], articles: Sequence[Article]) -> SaveResult:
    """What DuckDBStore._save does, in PostgreSQL: skip stored articles, insert the rest with everything they hold, merge."""
    ids = [article.id for article in articles]
    stored = {row[0] for row in conn.execute("SELECT id FROM articles WHERE id = ANY(%s::text[])", [ids]).fetchall()}
    new: list[Article] = []
    for article in articles:
        if article.id not in stored:
            stored.add(article.id)  # a repeat later in the batch is skipped too
            new.append(article)
    coded_at = datetime.now(UTC).replace(tzinfo=None)
    events: list[tuple[str, Event, date | None, date]] = []
    for article in new:
        published = _date_part(article.published)
        seen: set[str] = set()
        for event in article.events:
            event_id = make_event_id(event)
            if event_id not in seen:  # same key twice in one article: keep the first
                seen.add(event_id)
                events.append((event_id, event, _date_part(event.event_date) or published, coded_at.date()))
    _copy(conn, "articles", _ARTICLE_COLUMNS, [(a, coded_at) for a in new], conflict="id")
    _copy(conn, "sentences", _SENTENCE_COLUMNS, [(a.id, s) for a in new for s in a.sentences])
    _copy(conn, "mentions", _MENTION_COLUMNS, [(a.id, m) for a in new for m in a.mentions])
    _copy(conn, "events", _EVENT_COLUMNS, events)
    _merge(conn, events)
    return SaveResult(articles_added=len(new), articles_skipped=len(articles) - len(new), events_added=len(events))


def _copy(
    conn: psycopg.Connection[Any], table: str, columns: list[tuple[str, str, _Getter]], rows: list[Any], *, conflict: str = ""
) -> None:
    """Insert rows with COPY (into a temporary table first when ``conflict`` names a key: rows already stored are skipped)."""
    if not rows:
        return
    names = ", ".join(f'"{name}"' for name, _, _ in columns)
    into = table
    if conflict:
        into = f"_new_{table}"
        conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {into} (LIKE {table}) ON COMMIT DELETE ROWS")
    with conn.cursor().copy(f"COPY {into} ({names}) FROM STDIN") as copy:
        copy.set_types([_PG_TYPES[sql_type] for _, sql_type, _ in columns])
        for row in rows:
            copy.write_row([get(row) for _, _, get in columns])
    if conflict:
        conn.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {into} ON CONFLICT ({conflict}) DO NOTHING")


def _merge(conn: psycopg.Connection[Any], rows: list[tuple[str, Event, date | None, date]]) -> None:
    """Attach each new report to the merged event it tells (or start one), then refresh the counts: the DuckDB
    backend's merge step (tocsin.store.duckdb._merge), statement for statement."""
    if not rows:
        return
    reports = reports_of(rows)
    keys = merge_keys(reports)
    found = conn.execute(
        f"SELECT {', '.join('m.' + c for c in MERGED_COLUMNS)}, r.place FROM merged_events m LEFT JOIN events r ON r.event_id = m.event_id"
        " JOIN unnest(%s::text[], %s::text[], %s::text[]) AS k(root, src, tgt)"
        " ON starts_with(m.base_code, k.root) AND coalesce(m.source_country, '') = k.src AND coalesce(m.target_country, '') = k.tgt"
        " ORDER BY m.event_id",
        [[k[0] for k in keys], [k[1] for k in keys], [k[2] for k in keys]],
    ).fetchall()
    new_merged, upgraded, links = plan_merge(reports, found)
    if new_merged:
        arrays = ", ".join(f"%s::{t}[]" for t in _MERGED_TYPES)
        conn.execute(
            f"INSERT INTO merged_events ({', '.join(MERGED_COLUMNS)}, num_mentions, num_sources, num_articles, confidence)"
            f" SELECT u.*, 1, 1, 1, 0.0 FROM unnest({arrays}) AS u",
            [[row[i] for row in new_merged] for i in range(len(MERGED_COLUMNS))],
        )
    if upgraded:
        conn.execute(
            "UPDATE merged_events SET base_code = u.code FROM unnest(%s::text[], %s::text[]) AS u(id, code)"
            " WHERE merged_events.event_id = u.id AND merged_events.base_code <> u.code",
            [list(upgraded), list(upgraded.values())],
        )
    conn.execute(
        "UPDATE events SET merged_id = u.mid FROM unnest(%s::text[], %s::text[]) AS u(eid, mid) WHERE events.event_id = u.eid",
        [list(links), list(links.values())],
    )
    touched = sorted(set(links.values()))
    stats = conn.execute(
        "SELECT e.merged_id, count(*), count(DISTINCT e.article_id), count(DISTINCT coalesce(a.outlet, a.url, a.id)),"
        " array_agg(e.confidence), array_agg(coalesce(a.outlet, a.url, a.id))"
        " FROM events e JOIN articles a ON a.id = e.article_id WHERE e.merged_id = ANY(%s::text[]) GROUP BY e.merged_id",
        [touched],
    ).fetchall()
    ids, mentions, articles, sources, confidences = merged_counts(stats)
    conn.execute(
        "UPDATE merged_events SET num_mentions = u.m, num_articles = u.a, num_sources = u.s, confidence = u.c"
        " FROM unnest(%s::text[], %s::int4[], %s::int4[], %s::int4[], %s::float8[]) AS u(id, m, a, s, c)"
        " WHERE merged_events.event_id = u.id",
        [ids, mentions, articles, sources, confidences],
    )
    _refresh_merged_facts(conn, touched)


def _refresh_merged_facts(conn: psycopg.Connection[Any], ids: Sequence[str] | None = None) -> None:
    """tocsin.store.duckdb.refresh_merged_facts in PostgreSQL: copy onto ``merged_events`` what the watch layer reads."""
    only = "AND s.article_id IN (SELECT article_id FROM events WHERE merged_id = ANY(%(ids)s::text[]))" if ids is not None else ""
    only_r = "AND r.merged_id = ANY(%(ids)s::text[])" if ids is not None else ""
    sql = merged_facts_sql(principal_sql, only, only_r)
    if ids is None:
        conn.execute(sql.encode("utf-8"))  # no parameters: nothing to substitute
    else:
        conn.execute(sql, {"ids": list(ids)})


# -- the DuckDB-shaped connection the watch layer and the API read through ------------------------------------------------


class PgConnection:
    """A psycopg connection with DuckDB's face: ``execute(sql, params)`` with ``?`` (or ``$1``) placeholders."""

    def __init__(self, conn: psycopg.Connection[Any], where: str) -> None:
        self._conn = conn
        self._where = where

    def cursor(self) -> PgCursor:
        """A cursor of its own (requests of a server each take one)."""
        return PgCursor(self._conn.cursor(), self._where)

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> PgCursor:
        return self.cursor().execute(sql, params)


class PgCursor:
    """A psycopg cursor that runs DuckDB-style SQL text: ``?``/``$n`` placeholders, ``.df()`` for a DataFrame.

    RAISES: StoreError (E311, naming the server) when a statement fails.
    """

    def __init__(self, cursor: psycopg.Cursor[Any], where: str) -> None:
        self._cursor = cursor
        self._where = where

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> PgCursor:
        query, args = translate(sql, list(params or ()))
        try:
            self._cursor.execute(query, args)
        except psycopg.Error as exc:
            raise StoreError(Errors.E311.format(url=self._where, detail=_detail(exc))) from exc
        return self

    @property
    def description(self) -> list[tuple[Any, ...]]:
        return [(column.name, column.type_code, None, None, None, None, None) for column in self._cursor.description or ()]

    def fetchall(self) -> list[tuple[Any, ...]]:
        return [tuple(_number(v) for v in row) for row in self._cursor.fetchall()]

    def fetchone(self) -> tuple[Any, ...] | None:
        row = self._cursor.fetchone()
        return None if row is None else tuple(_number(v) for v in row)

    def df(self) -> pd.DataFrame:
        """The rows as a DataFrame (dates as dates, lists as lists), as DuckDB's ``.df()`` gives the watch layer."""
        import pandas as pd

        names = [d[0] for d in self.description]
        return pd.DataFrame.from_records(self.fetchall(), columns=names)

    def begin(self) -> None:
        """Nothing: the connection is shared by the threads of a server and autocommits; each statement sees what
        was committed when it started (the API's count and page of ``GET /api/events`` may differ by a concurrent save)."""

    def rollback(self) -> None:
        """Nothing to roll back (see :meth:`begin`)."""

    def close(self) -> None:
        self._cursor.close()


_PLACEHOLDER = re.compile(r"""'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\?|\$(\d+)|%""")


def translate(sql: str, params: list[Any]) -> tuple[bytes, list[Any]]:
    """DuckDB SQL text to psycopg's: ``?`` -> ``%s``, ``$n`` -> ``%s`` (parameters reordered), ``%`` -> ``%%``;
    string literals, quoted names and comments are left as they are."""
    ordered: list[Any] = []
    positional = iter(params)

    def swap(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "?":
            ordered.append(next(positional))
            return "%s"
        if match.group(1):
            ordered.append(params[int(match.group(1)) - 1])
            return "%s"
        if token == "%":
            return "%%"
        return token.replace("%", "%%")

    return _PLACEHOLDER.sub(swap, sql).encode("utf-8"), ordered


def _number(value: Any) -> Any:
    """PostgreSQL's numeric (a sum of bigints) as DuckDB gives it: a float."""
    return float(value) if isinstance(value, Decimal) else value


def redact(url: str) -> str:
    """A URL with any password replaced, so it can go in a message."""
    scheme, _, rest = url.partition("://")
    userinfo, at, host = rest.rpartition("@")
    if at and ":" in userinfo:
        userinfo = userinfo.split(":", 1)[0] + ":***"
    return f"{scheme}://{userinfo}{at}{host}"


def _detail(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


__all__ = ["PgConnection", "PgCursor", "PostgresStore", "principal_sql", "redact", "translate"]
