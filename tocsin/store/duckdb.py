"""DuckDB backend of the event store: one file (or ``:memory:``), no server."""

from __future__ import annotations

import hashlib
import os
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb

from ..errors import Errors, StoreError
from ..models import Article, Event
from .base import SaveResult
from .faults import store_error
from .merge import MERGED_COLUMNS, merge_keys, merged_counts, plan_merge, principal_sql, reports_of
from .migrations import latest_version, migrate, schema_version
from .sql import SqlStore, merged_facts_sql

# Column name, SQL type and how to read it from the object, per table, in
# table order. Columns are inserted one list per column with unnest(), which
# is ~30x faster than executemany or multi-row VALUES.
_Getter = Callable[[Any], Any]

_SENTENCE_COLUMNS: list[tuple[str, str, _Getter]] = [
    ("article_id", "VARCHAR", lambda r: r[0]),
    ("idx", "INTEGER", lambda r: r[1].index),
    ("start", "INTEGER", lambda r: r[1].start),
    ("end", "INTEGER", lambda r: r[1].end),
    ("text", "VARCHAR", lambda r: r[1].text),
]

_MENTION_COLUMNS: list[tuple[str, str, _Getter]] = [
    ("article_id", "VARCHAR", lambda r: r[0]),
    ("sentence_index", "INTEGER", lambda r: r[1].sentence_index),
    ("start", "INTEGER", lambda r: r[1].start),
    ("end", "INTEGER", lambda r: r[1].end),
    ("text", "VARCHAR", lambda r: r[1].text),
    ("code", "VARCHAR", lambda r: r[1].code),
    ("country", "VARCHAR", lambda r: r[1].country),
    ("roles", "VARCHAR[]", lambda r: list(r[1].roles) if r[1].roles is not None else None),
    ("name", "VARCHAR", lambda r: r[1].name),
    ("kind", "VARCHAR", lambda r: r[1].kind),
]

# Event fields in events-table order with their SQL types.
_EVENT_FIELDS: list[tuple[str, str]] = [
    ("article_id", "VARCHAR"),
    ("sentence_index", "INTEGER"),
    ("sentence", "VARCHAR"),
    ("cameo", "VARCHAR"),
    ("root", "VARCHAR"),
    ("quad", "INTEGER"),
    ("goldstein", "DOUBLE"),
    ("source_code", "VARCHAR"),
    ("source_text", "VARCHAR"),
    ("source_start", "INTEGER"),
    ("source_end", "INTEGER"),
    ("target_code", "VARCHAR"),
    ("target_text", "VARCHAR"),
    ("target_start", "INTEGER"),
    ("target_end", "INTEGER"),
    ("penta", "INTEGER"),
    ("plover", "VARCHAR"),
    ("mode", "VARCHAR"),
    ("trigger", "VARCHAR"),
    ("trigger_start", "INTEGER"),
    ("trigger_end", "INTEGER"),
    ("sentence_start", "INTEGER"),
    ("sentence_end", "INTEGER"),
    ("confidence", "DOUBLE"),
    ("rule", "VARCHAR"),
    ("coder", "VARCHAR"),
    ("lang", "VARCHAR"),
    ("negated", "BOOLEAN"),
    ("hypothetical", "BOOLEAN"),
    ("reported", "BOOLEAN"),
    ("source_country", "VARCHAR"),
    ("target_country", "VARCHAR"),
    ("date_precision", "VARCHAR"),
    ("place", "VARCHAR"),
    ("country", "VARCHAR"),
    ("country_fips", "VARCHAR"),
    ("admin1", "VARCHAR"),
    ("lat", "DOUBLE"),
    ("lon", "DOUBLE"),
    ("geonames_id", "BIGINT"),
    ("geo_precision", "VARCHAR"),
    ("nuclear", "BOOLEAN"),
]


def _event_getter(name: str) -> _Getter:
    return lambda r: getattr(r[1], name)


_EVENT_COLUMNS: list[tuple[str, str, _Getter]] = (
    [("event_id", "VARCHAR", lambda r: r[0])]
    + [(name, sql_type, _event_getter(name)) for name, sql_type in _EVENT_FIELDS]
    + [("event_date", "DATE", lambda r: r[2]), ("seen_date", "DATE", lambda r: r[3])]
)

_ARTICLE_COLUMNS: list[tuple[str, str, _Getter]] = [
    ("id", "VARCHAR", lambda r: r[0].id),
    ("title", "VARCHAR", lambda r: r[0].title),
    ("url", "VARCHAR", lambda r: r[0].url),
    ("outlet", "VARCHAR", lambda r: r[0].outlet),
    ("published", "VARCHAR", lambda r: r[0].published),
    ("lang", "VARCHAR", lambda r: r[0].lang),
    ("lang_score", "DOUBLE", lambda r: r[0].lang_score),
    ("origin", "VARCHAR", lambda r: r[0].origin),
    ("text", "VARCHAR", lambda r: r[0].text),
    ("n_sentences", "INTEGER", lambda r: len(r[0].sentences)),
    ("coded_at", "TIMESTAMP", lambda r: r[1]),
    ("coder", "VARCHAR", lambda r: _article_coder(r[0])),
]

# One row per report with its merged event's id and counts, and its article's outlet, url and title.
_EVENTS_SELECT = (
    "SELECT e.* EXCLUDE (event_id, merged_id, seen_date), e.event_id AS mention_id, coalesce(e.merged_id, e.event_id) AS event_id,"
    " coalesce(m.num_mentions, 1) AS num_mentions, coalesce(m.num_sources, 1) AS num_sources,"
    " coalesce(m.num_articles, 1) AS num_articles, coalesce(m.confidence, e.confidence) AS event_confidence,"
    " a.outlet, a.url, a.title"
    " FROM events e JOIN articles a ON a.id = e.article_id LEFT JOIN merged_events m ON m.event_id = e.merged_id"
)


class DuckDBStore(SqlStore):
    """Event store in a DuckDB file.

    path: database file, created (and migrated) if missing; ``":memory:"`` for
        a throwaway in-memory database.
    read_only: open an existing database without writing to it; several
        processes may then read the same file.
    keep_open: hold the file open (and DuckDB's lock on it) from opening to
        :meth:`close`. With False, the file is opened only for the length of a
        :meth:`session` (each query or save is one when called outside of one):
        read sessions take a read-only connection, write sessions a writing
        one, so other processes can read and write the same file between them.
        DuckDB lets one process write or several read; this is how ``tocsin
        serve``, ``tocsin code`` and ``tocsin.open`` share a database.
        Ignored for ``":memory:"``.
    lock_timeout: seconds to keep retrying while another process holds the
        file (default ``TOCSIN_LOCK_TIMEOUT`` or 15).
    RAISES: StoreError if the file cannot be opened (missing directory, locked
        by another process past ``lock_timeout`` (E306, naming the process),
        not a DuckDB database) or its schema is newer than this tocsin.
    """

    _event_select = _EVENTS_SELECT

    def __init__(
        self, path: str | Path = "tocsin.duckdb", *, read_only: bool = False, keep_open: bool = True, lock_timeout: float | None = None
    ) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.keep_open = keep_open or self.path == ":memory:"
        self.lock_timeout = _lock_timeout() if lock_timeout is None else lock_timeout
        self._conn: duckdb.DuckDBPyConnection | None = None
        self._conn_writes = False  # whether self._conn was opened for writing
        self._gate = threading.Condition()
        self._readers = 0
        self._writer: int | None = None  # thread holding the write session
        self._writer_depth = 0
        self._writers_waiting = 0
        self._version: tuple[duckdb.DuckDBPyConnection, tuple[int, int]] | None = None  # see data_version
        self._conn = self._open(write=not read_only)
        self._conn_writes = not read_only
        try:
            self._init_schema()
        except duckdb.Error as exc:  # the file opened, but reading its schema met a damaged block
            self._drop()
            raise store_error(exc, self.path) from exc
        except BaseException:
            self._drop()
            raise
        if not self.keep_open:
            self._drop()

    def _open(self, *, write: bool) -> duckdb.DuckDBPyConnection:
        return connect(self.path, read_only=not write, timeout=self.lock_timeout)

    def _drop(self) -> None:
        conn, self._conn = self._conn, None
        self._version = None
        if conn is not None:
            try:
                conn.close()
            except duckdb.Error as exc:
                raise StoreError(Errors.E301.format(path=self.path, detail=_detail(exc))) from exc

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[DuckDBStore]:
        """Hold the database open for a few operations (one connection for all of them).

        write: the session saves (or writes alerts); otherwise it only reads. Read sessions of
            several threads share one read-only connection; a write session waits for them to
            end and runs alone. A thread already in a write session may open read sessions in it.
        With ``keep_open`` (the default) this does nothing: the store is always open.
        RAISES: StoreError if the file stays locked by another process (E306).
        """
        if self.keep_open:
            if self._conn is None:
                raise StoreError(Errors.E301.format(path=self.path, detail="the store is closed"))
            yield self
            return
        if write and self.read_only:
            raise StoreError(Errors.E301.format(path=self.path, detail="the store is open read-only; open it without read_only to write"))
        me = threading.get_ident()
        with self._gate:
            if self._writer == me:  # nested in this thread's write session
                self._writer_depth += 1
                mode = "nested"
            elif write:
                self._writers_waiting += 1
                try:
                    self._gate.wait_for(lambda: self._readers == 0 and self._writer is None)
                finally:
                    self._writers_waiting -= 1
                self._writer, self._writer_depth, mode = me, 1, "write"
                try:
                    if self._conn is not None and not self._conn_writes:
                        self._drop()
                    if self._conn is None:
                        self._conn, self._conn_writes = self._open(write=True), True
                except BaseException:
                    self._writer, self._writer_depth = None, 0
                    self._gate.notify_all()
                    raise
            else:
                self._gate.wait_for(lambda: self._writer is None and self._writers_waiting == 0)
                if self._conn is None:
                    self._conn, self._conn_writes = self._open(write=False), False
                self._readers += 1
                mode = "read"
        try:
            yield self
        finally:
            with self._gate:
                if mode == "read":
                    self._readers -= 1
                else:
                    self._writer_depth -= 1
                    if self._writer_depth == 0:
                        self._writer = None
                if self._readers == 0 and self._writer is None:
                    self._drop()  # releases DuckDB's file lock for other processes
                self._gate.notify_all()

    def _init_schema(self) -> None:
        if not self.read_only:
            conn = self._connection()
            migrate(conn)
            merge_unmerged(conn)  # a store written before migration 0003 has reports but no merged events
            if conn.execute("SELECT count(*) FROM merged_events WHERE root IS NULL OR factual IS NULL").fetchone()[0]:  # type: ignore[index]
                refresh_merged_facts(conn)  # a store written before migrations 0005/0007: fill what the watch layer reads
            return
        found, expected = schema_version(self._connection()), latest_version("duckdb")
        if found > expected:
            raise StoreError(Errors.E302.format(path=self.path, found=found, expected=expected))
        if found < expected:
            raise StoreError(Errors.E304.format(path=self.path, found=found, expected=expected))

    # -- writing ---------------------------------------------------------------

    def save(self, articles: Sequence[Article]) -> SaveResult:
        with self.session(write=True):
            return self._save_now(articles)

    def _save_now(self, articles: Sequence[Article]) -> SaveResult:
        conn = self._connection()
        try:
            conn.begin()
            try:
                result = self._save(conn, articles)
                conn.commit()
            except BaseException:
                _rollback(conn)
                raise
        except Exception as exc:  # driver errors and malformed articles alike
            raise _save_error(exc, self.path, articles) from exc
        return result

    def _save(self, conn: duckdb.DuckDBPyConnection, articles: Sequence[Article]) -> SaveResult:
        ids = [article.id for article in articles]
        stored = {row[0] for row in conn.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids]).fetchall()}
        new: list[Article] = []
        for article in articles:
            if article.id not in stored:
                stored.add(article.id)  # a repeat later in the batch is skipped too
                new.append(article)
        coded_at = datetime.now(UTC).replace(tzinfo=None)
        sentences = [(a.id, s) for a in new for s in a.sentences]
        mentions = [(a.id, m) for a in new for m in a.mentions]
        events: list[tuple[str, Event, date | None, date]] = []
        for article in new:
            published = _date_part(article.published)
            seen: set[str] = set()
            for event in article.events:
                event_id = make_event_id(event)
                if event_id not in seen:  # same key twice in one article: keep the first
                    seen.add(event_id)
                    events.append((event_id, event, _date_part(event.event_date) or published, coded_at.date()))
        _insert(conn, "articles", _ARTICLE_COLUMNS, [(a, coded_at) for a in new])
        _insert(conn, "sentences", _SENTENCE_COLUMNS, sentences)
        _insert(conn, "mentions", _MENTION_COLUMNS, mentions)
        _insert(conn, "events", _EVENT_COLUMNS, events)
        _merge(conn, events)
        return SaveResult(articles_added=len(new), articles_skipped=len(articles) - len(new), events_added=len(events))

    # -- reading ---------------------------------------------------------------

    def event_columns(self) -> list[str]:
        """The keys of an :meth:`events` row, in order (what an empty result would have had)."""
        with self.session():
            cursor = self._connection().cursor()
            try:
                names = [d[0] for d in cursor.execute(self._event_select + " LIMIT 0").description or ()]
            except duckdb.Error as exc:
                raise StoreError(Errors.E301.format(path=self.path, detail=_detail(exc))) from exc
            finally:
                cursor.close()
        return [*names, "cameo_name"]

    def close(self) -> None:
        self._closed = True
        self._drop()

    def data_version(self) -> tuple[int, int]:
        """As :meth:`Store.data_version`; counted once per read connection of a store that is not kept open: while
        that connection holds the file nothing writes it (other processes wait for the lock, this one's write sessions
        wait for the read sessions to end and open a connection of their own)."""
        conn = self._conn
        if self.keep_open or conn is None or self._conn_writes:
            return super().data_version()
        known = self._version
        if known is not None and known[0] is conn:
            return known[1]
        version = super().data_version()
        self._version = (conn, version)
        return version

    # -- helpers ---------------------------------------------------------------

    def connection(self) -> duckdb.DuckDBPyConnection:
        """The open DuckDB connection, for adapters that need SQL of their own (GDELT import/export, the watch layer).

        Without ``keep_open``, call it inside a :meth:`session` (``write=True`` to write).
        """
        return self._connection()

    def _connection(self) -> duckdb.DuckDBPyConnection:
        if self._conn is None:
            detail = (
                "the store is closed"
                if self.keep_open or getattr(self, "_closed", False)
                else "no session is open; use `with store.session():`"
            )
            raise StoreError(Errors.E301.format(path=self.path, detail=detail))
        return self._conn

    def _query(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        with self.session():
            conn = self._connection()
            try:
                cursor = conn.cursor() if not self.keep_open else conn  # sessions may be shared by threads
                try:
                    cursor.execute(sql, params)
                    names = [d[0] for d in cursor.description or ()]
                    rows = cursor.fetchall()
                finally:
                    if cursor is not conn:
                        cursor.close()
            except duckdb.Error as exc:
                raise store_error(exc, self.path) from exc
        return [{name: _plain(value) for name, value in zip(names, row)} for row in rows]

    def __repr__(self) -> str:
        return f"DuckDBStore({self.path!r}, read_only={self.read_only})"


def _merge(conn: duckdb.DuckDBPyConnection, rows: list[tuple[str, Event, date | None, date]]) -> None:
    """Attach each new report to the merged event it tells (or start one), then refresh the counts.

    Set-at-a-time: one query loads the merged events the batch could join, matching runs in Python, and each write
    (new merged events, report -> event links, counts) is one statement, whatever the batch size.
    """
    if not rows:
        return
    reports = reports_of(rows)
    keys = merge_keys(reports)
    # a merged event's place name is its first report's (merged_events.event_id is that report's id)
    found = conn.execute(
        f"SELECT {', '.join('m.' + c for c in MERGED_COLUMNS)}, r.place FROM merged_events m LEFT JOIN events r ON r.event_id = m.event_id"
        " JOIN (SELECT unnest(?::VARCHAR[]) AS root, unnest(?::VARCHAR[]) AS src, unnest(?::VARCHAR[]) AS tgt) k"
        " ON starts_with(m.base_code, k.root) AND coalesce(m.source_country, '') = k.src AND coalesce(m.target_country, '') = k.tgt"
        " ORDER BY m.event_id",
        [[k[0] for k in keys], [k[1] for k in keys], [k[2] for k in keys]],
    ).fetchall()
    new_merged, upgraded, links = plan_merge(reports, found)
    if new_merged:
        types = ["VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "DATE", "VARCHAR", "VARCHAR", "BIGINT", "DOUBLE", "DOUBLE", "VARCHAR"]
        select = ", ".join(f"unnest(${i}::{t}[])" for i, t in enumerate(types, start=1))
        conn.execute(
            f"INSERT INTO merged_events ({', '.join(MERGED_COLUMNS)}, num_mentions, num_sources, num_articles, confidence)"
            f" SELECT {select}, 1, 1, 1, 0.0",
            [[row[i] for row in new_merged] for i in range(len(MERGED_COLUMNS))],
        )
    if upgraded:  # stored events that a new report made more specific (new ones were inserted with their code)
        conn.execute(
            "UPDATE merged_events SET base_code = u.code FROM (SELECT unnest(?::VARCHAR[]) AS id, unnest(?::VARCHAR[]) AS code) u"
            " WHERE merged_events.event_id = u.id AND merged_events.base_code <> u.code",
            [list(upgraded), list(upgraded.values())],
        )
    conn.execute(
        "UPDATE events SET merged_id = u.mid FROM (SELECT unnest(?::VARCHAR[]) AS eid, unnest(?::VARCHAR[]) AS mid) u WHERE events.event_id = u.eid",
        [list(links), list(links.values())],
    )
    touched = sorted(set(links.values()))
    stats = conn.execute(
        "SELECT e.merged_id, count(*), count(DISTINCT e.article_id), count(DISTINCT coalesce(a.outlet, a.url, a.id)),"
        " list(e.confidence), list(coalesce(a.outlet, a.url, a.id))"
        " FROM events e JOIN articles a ON a.id = e.article_id WHERE e.merged_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY e.merged_id",
        [touched],
    ).fetchall()
    ids, mentions, articles, sources, confidences = merged_counts(stats)
    conn.execute(
        "UPDATE merged_events SET num_mentions = u.m, num_articles = u.a, num_sources = u.s, confidence = u.c FROM"
        " (SELECT unnest(?::VARCHAR[]) AS id, unnest(?::INTEGER[]) AS m, unnest(?::INTEGER[]) AS a, unnest(?::INTEGER[]) AS s,"
        " unnest(?::DOUBLE[]) AS c) u WHERE merged_events.event_id = u.id",
        [ids, mentions, articles, sources, confidences],
    )
    refresh_merged_facts(conn, touched)


_UNMERGED_FIELDS = (
    "cameo",
    "source_code",
    "target_code",
    "date_precision",
    "country",
    "geonames_id",
    "lat",
    "lon",
    "geo_precision",
    "place",
    "confidence",
)


def merge_unmerged(conn: duckdb.DuckDBPyConnection) -> int:
    """Merge the stored reports that belong to no merged event (a store written before migration 0003 added merging),
    in the order a fresh store would have saved them, in one transaction. RETURNS: how many reports were merged."""
    found = conn.execute("SELECT count(*) FROM events WHERE merged_id IS NULL").fetchone()
    if not found or not found[0]:
        return 0
    rows = conn.execute(
        f"SELECT event_id, article_id, sentence_index, sentence, root, quad, goldstein, {', '.join(_UNMERGED_FIELDS)}, event_date, seen_date"
        f" FROM events e WHERE merged_id IS NULL ORDER BY e.rowid"
    ).fetchall()
    reports: list[tuple[str, Event, date | None, date]] = []
    for row in rows:
        values = dict(zip(_UNMERGED_FIELDS, row[7:-2]))
        event = Event(article_id=row[1], sentence_index=row[2], sentence=row[3], root=row[4], quad=row[5], goldstein=row[6], **values)
        reports.append((row[0], event, row[-2], row[-1]))
    conn.begin()
    try:
        _merge(conn, reports)
        conn.commit()
    except BaseException:
        _rollback(conn)
        raise
    return len(reports)


def refresh_merged_facts(conn: duckdb.DuckDBPyConnection, ids: Sequence[str] | None = None) -> None:
    """Copy onto ``merged_events`` what the watch layer reads (first report's codes, day, principals; nuclear and
    signal over all reports), for ``ids`` or every merged event (all of them once, when migration 0005 added the columns)."""
    only = (
        "AND s.article_id IN (SELECT article_id FROM events WHERE merged_id IN (SELECT unnest($1::VARCHAR[])))" if ids is not None else ""
    )
    only_r = "AND r.merged_id IN (SELECT unnest($1::VARCHAR[]))" if ids is not None else ""
    sql = merged_facts_sql(principal_sql, only, only_r)
    conn.execute(sql, [list(ids)] if ids is not None else [])


def make_event_id(event: Event) -> str:
    """Stable id of an event: a hash of article, sentence, trigger, code and dyad."""
    parts = (event.article_id, event.sentence_index, event.trigger_start, event.cameo, event.source_code, event.target_code)
    key = "|".join("" if part is None else str(part) for part in parts)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def _insert(conn: duckdb.DuckDBPyConnection, table: str, columns: list[tuple[str, str, _Getter]], rows: list[Any]) -> None:
    """Insert rows in one statement, passing one typed list per column."""
    if not rows:
        return
    data = [[get(row) for row in rows] for _, _, get in columns]
    names = ", ".join(f'"{name}"' for name, _, _ in columns)
    select = ", ".join(f"unnest(${i}::{sql_type}[])" for i, (_, sql_type, _) in enumerate(columns, start=1))
    conn.execute(f"INSERT INTO {table} ({names}) SELECT {select}", data)


def _article_coder(article: Article) -> str | None:
    """The coder that produced the article's events (the first one named)."""
    return next((event.coder for event in article.events if event.coder), None)


def _date_part(published: str | None) -> date | None:
    """Date of an ISO date or datetime string; None if absent or not ISO."""
    if not published:
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def _plain(value: Any) -> Any:
    """Dates and timestamps as ISO strings, so rows are JSON-serialisable."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _save_error(exc: Exception, path: str, articles: Sequence[Article]) -> StoreError:
    """E301 when the database failed; E308 naming the batch when a value could not be taken (the data's fault,
    e.g. a lone surrogate the driver cannot encode), which E301 used to blame on the database."""
    if isinstance(exc, UnicodeError) or (isinstance(exc, duckdb.InvalidInputException) and "Conversion Failure" in str(exc)):
        return StoreError(Errors.E308.format(path=path, count=len(articles), articles=_named(articles), detail=_printable(exc)))
    detail = _detail(exc) if isinstance(exc, duckdb.Error) else f"{type(exc).__name__}: {exc}"
    return StoreError(Errors.E301.format(path=path, detail=f"save failed, nothing was saved ({detail})"))


def _named(articles: Sequence[Article], most: int = 5) -> str:
    """The first few articles of a batch, by origin (file:line) or id, printable."""
    names = [(article.origin or article.id).encode("utf-8", "backslashreplace").decode("utf-8") for article in articles[:most]]
    return ", ".join(names) + (f" and {len(articles) - most} more" if len(articles) > most else "")


def _printable(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}".encode("utf-8", "backslashreplace").decode("utf-8")


def _rollback(conn: duckdb.DuckDBPyConnection) -> None:
    try:
        conn.rollback()
    except duckdb.Error:  # the transaction or the connection is already gone
        pass


_LOCK_HOLDER = re.compile(r"Conflicting lock is held in (?P<exe>.+?) \(PID (?P<pid>\d+)\)")


def _lock_timeout() -> float:
    try:
        return float(os.environ.get("TOCSIN_LOCK_TIMEOUT", "15"))
    except ValueError:
        return 15.0


def connect(path: str, *, read_only: bool = False, timeout: float | None = None) -> duckdb.DuckDBPyConnection:
    """Open a DuckDB connection, retrying for up to ``timeout`` seconds while another process holds the file's lock.

    RAISES: StoreError: E306 (still locked: names the process holding it and the way out) or E301 (other failures).
    """
    timeout = _lock_timeout() if timeout is None else timeout
    deadline = time.monotonic() + timeout
    pause = 0.02
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.IOException as exc:
            holder = _LOCK_HOLDER.search(str(exc))
            if holder is None and "lock" not in str(exc).lower():
                raise store_error(exc, path) from exc  # E307 for a damaged file, else E301
            if time.monotonic() >= deadline:
                raise StoreError(
                    Errors.E306.format(path=path, holder=_describe_holder(holder), timeout=timeout, mode="read" if read_only else "write")
                ) from exc
            time.sleep(pause)
            pause = min(pause * 2, 0.25)
        except duckdb.Error as exc:
            raise store_error(exc, path) from exc


def _describe_holder(match: re.Match[str] | None) -> str:
    """ "PID 123: tocsin serve --db x.duckdb" from DuckDB's lock error (the command line read from /proc when there is one)."""
    if match is None:
        return "another process"
    pid, exe = match["pid"], match["exe"]
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
        words = [w.decode("utf-8", "replace") for w in raw.split(b"\0") if w]
        command = " ".join(Path(words[0]).name if i == 0 else w for i, w in enumerate(words[:8]))
    except (OSError, IndexError):
        command = exe
    return f"process {pid} ({command})"


def _detail(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


__all__ = ["DuckDBStore", "connect", "duckdb_connection", "make_event_id", "merge_unmerged", "refresh_merged_facts"]


def duckdb_connection(store: Any) -> duckdb.DuckDBPyConnection | None:
    """The DuckDB connection of a DuckDB store (:class:`DuckDBStore`, or any object whose ``connection()`` is DuckDB's),
    inside its session, for adapters that need DuckDB itself (the GDELT import reads CSV with DuckDB); None for a store
    of another backend."""
    getter = getattr(store, "connection", None)
    conn = getter() if callable(getter) else None
    return conn if isinstance(conn, duckdb.DuckDBPyConnection) else None
