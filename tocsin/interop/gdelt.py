"""GDELT 2.0 in and out.

* :func:`import_gdelt` loads GDELT 2.0 Events export files (tab-separated, no
  header, 61 columns; plain or a ``.zip`` holding one file) into the table
  ``gdelt_events`` of a DuckDB store, every field kept verbatim as text, so
  :func:`export_gdelt` writes the same fields back.
* :func:`export_events_gdelt` / :func:`export_events_gdelt_mentions` write
  tocsin's own coded events (dicts from ``Store.events()``) as GDELT 2.0
  Events / Mentions rows.

Column layouts come from ``tocsin/data/reference/gdelt2_*_columns.tsv``.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import duckdb

from .. import registry
from ..errors import Errors, IngestError, TocsinError
from ..store.duckdb import duckdb_connection
from ..store.filters import check_date

_REFERENCE = Path(__file__).resolve().parent.parent / "data" / "reference"

TABLE = "gdelt_events"


class InteropError(TocsinError):
    """An export or import request cannot be carried out (bad option, unwritable output)."""


class GdeltImportError(IngestError):
    """A GDELT file, or one line of it, cannot be imported."""


def _read_columns(name: str) -> list[str]:
    with (_REFERENCE / name).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [row[1] for row in sorted(rows[1:], key=lambda r: int(r[0])) if row]


#: The 61 GDELT 2.0 Events columns, in file order.
GDELT_EVENT_COLUMNS: list[str] = _read_columns("gdelt2_event_columns.tsv")
#: The 16 GDELT 2.0 Mentions columns, in file order.
GDELT_MENTION_COLUMNS: list[str] = _read_columns("gdelt2_mention_columns.tsv")

_N_EVENT = len(GDELT_EVENT_COLUMNS)
# GDELT 1.0 Events: the 2.0 layout without the three ADM2Code columns (Actor1Geo_, Actor2Geo_, ActionGeo_), 58 fields,
# or 57 in the backfiles before April 2013 that have no SOURCEURL.
_ADM2_COLUMNS = [GDELT_EVENT_COLUMNS.index(f"{geo}_ADM2Code") for geo in ("Actor1Geo", "Actor2Geo", "ActionGeo")]
_V1_WIDTHS = (57, 58)

_CREATE_SQL = (
    f"CREATE TABLE IF NOT EXISTS {TABLE} ("
    + ", ".join(f'"{name}" VARCHAR' + (" PRIMARY KEY" if name == "GLOBALEVENTID" else "") for name in GDELT_EVENT_COLUMNS)
    + ")"
)


@dataclass
class ImportReport:
    """What one :func:`import_gdelt` call did.

    failures: one coded message per file or line that could not be imported
        (``"[E801] path:line: ..."``); everything else was imported.
    notes: one message per file that was imported in another shape than GDELT 2.0 Events (a GDELT 1.0 file).
    """

    rows_added: int = 0
    rows_skipped: int = 0
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


# -- store access ----------------------------------------------------------------


def _conn(store: Any) -> duckdb.DuckDBPyConnection:
    """The DuckDB connection of a DuckDBStore (or a connection passed directly)."""
    if isinstance(store, duckdb.DuckDBPyConnection):
        return store
    conn = duckdb_connection(store)
    if conn is not None:
        return conn
    raise InteropError(
        Errors.E805.format(name="store", value=type(store).__name__, hint="GDELT import and export need a DuckDB store (--db FILE.duckdb).")
    )


@contextlib.contextmanager
def _session(store: Any, *, write: bool = False) -> Iterator[None]:
    """Hold the store open for the length of an import or export (a store opened per operation, ``keep_open=False``,
    opens its file here); a store without sessions, or a bare connection, is always open."""
    session = getattr(store, "session", None)
    if callable(session):
        with session(write=write):
            yield
    else:
        yield


def _table_exists(conn: duckdb.DuckDBPyConnection) -> bool:
    row = conn.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [TABLE]).fetchone()
    return bool(row and row[0])


# -- import ----------------------------------------------------------------------


def import_gdelt(store: Any, paths: str | Path | Iterable[str | Path]) -> ImportReport:
    """Import GDELT Events export files into ``gdelt_events``: GDELT 2.0 (61 columns) as is, GDELT 1.0 (57 or 58
    columns) mapped to the 2.0 columns and reported once per file in ``notes``.

    store: a DuckDBStore (opened writable).
    paths: files (``*.export.CSV``, any name) or ``.zip`` archives holding one file.
    RETURNS: rows added, rows skipped (GLOBALEVENTID already stored or repeated)
        and failures. A line with the wrong number of fields or a non-numeric
        GLOBALEVENTID is reported as ``path:line`` and the rest of the file goes
        on; an unreadable file is reported and the next file goes on. Each file
        is one transaction.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    with _session(store, write=True):
        return _import(_conn(store), paths)


def _import(conn: duckdb.DuckDBPyConnection, paths: Iterable[str | Path]) -> ImportReport:
    conn.execute(_CREATE_SQL)
    report = ImportReport()
    for path in paths:
        label = str(path)
        try:
            text = _read_text(Path(path))
        except GdeltImportError as exc:
            report.failures.append(str(exc))
            continue
        rows = _parse(label, text, report.failures, report.notes)
        try:
            added, skipped = _insert_rows(conn, rows)
        except duckdb.Error as exc:
            report.failures.append(Errors.E804.format(path=label, detail=_first_line(exc)))
            continue
        report.rows_added += added
        report.rows_skipped += skipped
    return report


def _read_text(path: Path) -> str:
    label = str(path)
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                members = [info for info in archive.infolist() if not info.is_dir()]
                if len(members) != 1:
                    raise GdeltImportError(
                        Errors.E803.format(path=label, found=len(members)),
                        path=label,
                    )
                data = archive.read(members[0])
        else:
            data = path.read_bytes()
    except FileNotFoundError as exc:
        raise GdeltImportError(Errors.E802.format(path=label, detail="no such file. Check the path."), path=label) from exc
    except (OSError, zipfile.BadZipFile) as exc:
        raise GdeltImportError(Errors.E802.format(path=label, detail=f"cannot read file ({exc})."), path=label) from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise GdeltImportError(
            Errors.E802.format(
                path=label, detail=f"not valid UTF-8 (bad byte at offset {exc.start}). GDELT 2.0 files are UTF-8; re-download the file."
            ),
            path=label,
        ) from exc


def _parse(label: str, text: str, failures: list[str], notes: list[str] | None = None) -> list[list[str]]:
    """The rows of one file as 61 GDELT 2.0 fields. The first line says the version: 61 fields is 2.0; 57 or 58 is
    GDELT 1.0, whose lines are mapped to the 2.0 columns (ADM2 codes empty, SOURCEURL empty when absent) and
    reported once in ``notes``. A line of another width than its file's is a failure."""
    rows: list[list[str]] = []
    version: str | None = None
    mapped = 0
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        if not line:
            continue
        fields = line.split("\t")
        if version is None:
            version = "1.0" if len(fields) in _V1_WIDTHS else "2.0"
        if version == "1.0" and len(fields) in _V1_WIDTHS:
            fields = _from_v1(fields)
            mapped += 1
        elif version == "1.0" or len(fields) != _N_EVENT:
            expected = "57 or 58 tab-separated GDELT 1.0" if version == "1.0" else f"{_N_EVENT} tab-separated GDELT 2.0"
            hint = "" if version == "1.0" else " (GDELT 1.0 files have 57 or 58 fields)"
            failures.append(
                Errors.E801.format(path=label, line=number, detail=f"expected {expected} fields, found {len(fields)}", hint=hint)
            )
            continue
        if not fields[0].isdigit():
            failures.append(
                Errors.E801.format(path=label, line=number, detail=f"GLOBALEVENTID {fields[0][:40]!r} is not a whole number", hint="")
            )
            continue
        rows.append(fields)
    if mapped and notes is not None:
        notes.append(
            f"{label}: a GDELT 1.0 Events file ({mapped} line(s) of 57/58 columns): imported into the GDELT 2.0 columns, "
            "with the three ADM2Code columns empty and DATEADDED as given (YYYYMMDD)."
        )
    return rows


def _from_v1(fields: list[str]) -> list[str]:
    """A GDELT 1.0 line (57 or 58 fields) as the 61 GDELT 2.0 fields."""
    out = list(fields) + [""] * (58 - len(fields))  # the 57-field backfiles have no SOURCEURL
    for index in _ADM2_COLUMNS:  # in ascending order: each insert shifts the later ones into place
        out.insert(index, "")
    return out


def _insert_rows(conn: duckdb.DuckDBPyConnection, rows: list[list[str]]) -> tuple[int, int]:
    if not rows:
        return 0, 0
    ids = [row[0] for row in rows]
    conn.begin()
    try:
        stored = {
            r[0]
            for r in conn.execute(
                f"SELECT GLOBALEVENTID FROM {TABLE} WHERE GLOBALEVENTID IN (SELECT unnest(?::VARCHAR[]))", [ids]
            ).fetchall()
        }
        new: list[list[str]] = []
        for row in rows:
            if row[0] not in stored:
                stored.add(row[0])
                new.append(row)
        if new:
            columns = [[row[i] for row in new] for i in range(_N_EVENT)]
            names = ", ".join(f'"{name}"' for name in GDELT_EVENT_COLUMNS)
            select = ", ".join(f"unnest(${i}::VARCHAR[])" for i in range(1, _N_EVENT + 1))
            conn.execute(f"INSERT INTO {TABLE} ({names}) SELECT {select}", columns)
        conn.commit()
    except BaseException:
        try:
            conn.rollback()
        except duckdb.Error:
            pass
        raise
    return len(new), len(rows) - len(new)


# -- export of imported rows -----------------------------------------------------


def export_gdelt(store: Any, out_path: str | Path, *, source: str = "gdelt") -> int:
    """Write GDELT 2.0 Events rows as a tab-separated file (no header, ``\\n`` line ends).

    source: ``"gdelt"`` writes the imported ``gdelt_events`` rows verbatim, in
        import order (so a single imported file comes back byte for byte);
        ``"tocsin"`` writes the store's own coded events (see
        :func:`export_events_gdelt`).
    RETURNS: number of rows written.
    """
    if source == "tocsin":
        return export_events_gdelt(store.events(), out_path)
    if source != "gdelt":
        raise InteropError(
            Errors.E805.format(name="source", value=source, hint="Expected 'gdelt' (imported rows) or 'tocsin' (coded events).")
        )
    rows: list[tuple[Any, ...]] = []
    with _session(store):
        conn = _conn(store)
        if _table_exists(conn):
            names = ", ".join(f'"{name}"' for name in GDELT_EVENT_COLUMNS)
            rows = conn.execute(f"SELECT {names} FROM {TABLE} ORDER BY rowid").fetchall()
    _write_tsv(out_path, (["" if v is None else v for v in row] for row in rows))
    return len(rows)


#: The columns ``tocsin events --source gdelt`` shows as a table.
GDELT_TABLE_COLUMNS = ("GLOBALEVENTID", "SQLDATE", "Actor1Code", "EventCode", "Actor2Code", "QuadClass", "GoldsteinScale",
                       "NumSources", "ActionGeo_FullName")  # fmt: skip


def gdelt_events(
    store: Any,
    *,
    actor: str | None = None,
    dyad: tuple[str, str] | None = None,
    since: str | None = None,
    until: str | None = None,
    code: str | None = None,
    limit: int | None = None,
) -> list[dict[str, str]]:
    """The imported GDELT rows (``gdelt_events``), filtered like ``Store.events()``, as dicts of the 61 fields (text).

    actor: Actor1Code or Actor2Code prefix; dyad: two prefixes, either direction; since/until: ISO dates compared
    with SQLDATE; code: EventCode prefix; limit: at most this many rows.
    RETURNS: rows in SQLDATE then import order; [] when nothing was imported.
    """
    where: list[str] = []
    params: list[Any] = []
    if actor is not None:
        where.append("(starts_with(Actor1Code, ?) OR starts_with(Actor2Code, ?))")
        params += [actor, actor]
    if dyad is not None:
        first, second = dyad
        where.append(
            "((starts_with(Actor1Code, ?) AND starts_with(Actor2Code, ?)) OR (starts_with(Actor1Code, ?) AND starts_with(Actor2Code, ?)))"
        )
        params += [first, second, second, first]
    for name, value, op in (("since", since, ">="), ("until", until, "<=")):
        day = check_date(name, value)  # the one ISO-date check (E501), as for the store's own events
        if day is not None:
            where.append(f"SQLDATE {op} ?")
            params.append(day.strftime("%Y%m%d"))
    if code is not None:
        where.append("starts_with(EventCode, ?)")
        params.append(code)
    names = ", ".join(f'"{name}"' for name in GDELT_EVENT_COLUMNS)
    sql = f"SELECT {names} FROM {TABLE}" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY SQLDATE, rowid"
    if limit is not None:
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
            raise InteropError(Errors.E805.format(name="limit", value=limit, hint="Expected a whole number >= 0."))
        sql += f" LIMIT {limit}"
    with _session(store):
        conn = _conn(store)
        if not _table_exists(conn):
            return []
        return [dict(zip(GDELT_EVENT_COLUMNS, row)) for row in conn.execute(sql, params).fetchall()]


def _write_tsv(out_path: str | Path, rows: Iterable[Sequence[str]]) -> None:
    try:
        with open(out_path, "w", encoding="utf-8", newline="") as fh:
            for row in rows:
                fh.write("\t".join(row))
                fh.write("\n")
    except OSError as exc:
        raise InteropError(Errors.E806.format(path=out_path, what="output", detail=exc)) from exc


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


# -- export of tocsin events -----------------------------------------------------


@cache
def _codes(name: str) -> frozenset[str]:
    try:
        with (_REFERENCE / name).open(encoding="utf-8", newline="") as fh:
            return frozenset(line.split("\t", 1)[0] for line in list(fh)[1:] if line.strip())
    except OSError:
        return frozenset()


def split_actor_code(code: str | None) -> dict[str, str]:
    """GDELT actor sub-fields of a CAMEO actor code.

    ``RUSGOV`` → country RUS, type1 GOV; ``IGOEUREEC`` → country EUR, known
    group EEC, type1 IGO. The code is read in 3-letter segments; a segment that
    is no known country, group or type is ignored. If the reference tables are
    missing, the first 3 letters are the country and the next 3 the type.
    """
    code = (code or "").removeprefix("---")  # a role of unknown country: GDELT writes the role alone (COP)
    out = {"code": code, "country": "", "group": "", "type1": "", "type2": "", "type3": ""}
    if not code:
        return out
    countries, groups, types = _codes("cameo_countries.tsv"), _codes("cameo_known_groups.tsv"), _codes("cameo_actor_types.tsv")
    if not (countries and types):
        out["country"], out["type1"] = code[:3], code[3:6]
        return out
    found_types: list[str] = []
    for i in range(0, len(code), 3):
        seg = code[i : i + 3]
        if seg in countries and not out["country"]:
            out["country"] = seg
        elif i and seg in groups and not out["group"]:  # IGOUNO: UNO is the known group, as GDELT writes it
            out["group"] = seg
        elif seg in types:
            found_types.append(seg)
    for key, value in zip(("type1", "type2", "type3"), found_types):
        out[key] = value
    return out


def gdelt_event_id(event: dict[str, Any]) -> int:
    """A stable GLOBALEVENTID: the first 15 hex digits of ``event_id`` as an integer."""
    event_id = event.get("event_id")
    if not event_id:
        parts = (event.get(k) for k in ("article_id", "sentence_index", "trigger_start", "cameo", "source_code", "target_code"))
        event_id = hashlib.sha1("|".join("" if p is None else str(p) for p in parts).encode("utf-8")).hexdigest()
    try:
        return int(str(event_id)[:15], 16)
    except ValueError:
        return int(hashlib.sha1(str(event_id).encode("utf-8")).hexdigest()[:15], 16)


def _clean(value: Any) -> str:
    """A field value as GDELT text: None → empty, no tabs or line breaks."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    text = str(value)
    if "\t" in text or "\n" in text or "\r" in text:
        text = " ".join(text.replace("\r", " ").replace("\n", " ").replace("\t", " ").split())
    return text


def _date_fields(event_date: Any) -> dict[str, str]:
    text = str(event_date or "")[:10]
    if len(text) != 10 or text[4] != "-" or text[7] != "-" or not (text[:4] + text[5:7] + text[8:10]).isdigit():
        return {"SQLDATE": "", "MonthYear": "", "Year": "", "FractionDate": ""}
    year, month, day = int(text[:4]), int(text[5:7]), int(text[8:10])
    return {
        "SQLDATE": f"{year:04d}{month:02d}{day:02d}",
        "MonthYear": f"{year:04d}{month:02d}",
        "Year": f"{year:04d}",
        # GDELT's own formula (checked against real exports): year + ((month-1)*30 + day) / 365
        "FractionDate": f"{year + ((month - 1) * 30 + day) / 365:.4f}",
    }


def _date_added(event: dict[str, Any]) -> str:
    """YYYYMMDDHHMMSS: ``date_added``/``coded_at`` if present, else the event date at 00:00:00."""
    for key in ("date_added", "coded_at"):
        value = event.get(key)
        if value:
            digits = "".join(ch for ch in str(value) if ch.isdigit())
            if len(digits) >= 8:
                return (digits + "000000")[:14]
    sqldate = _date_fields(event.get("event_date"))["SQLDATE"]
    return sqldate + "000000" if sqldate else ""


def _number(value: Any) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, float):
        return repr(float(value))
    return str(value)


def _geo_type(event: dict[str, Any]) -> str:
    """GDELT ActionGeo_Type from ``geo_type`` or ``geo_precision`` (country 1, region 2/5, city 3/4; US 2/3)."""
    if event.get("geo_type") not in (None, ""):
        return _clean(event.get("geo_type"))
    precision = event.get("geo_precision")
    us = (event.get("country_fips") or event.get("country")) in ("US", "USA")
    return {"country": "1", "region": "2" if us else "5", "city": "3" if us else "4"}.get(str(precision), "")


def event_to_gdelt_row(event: dict[str, Any]) -> list[str]:
    """One tocsin event dict as the 61 GDELT 2.0 Events fields (strings)."""
    row = dict.fromkeys(GDELT_EVENT_COLUMNS, "")
    row["GLOBALEVENTID"] = str(gdelt_event_id(event))
    row.update(_date_fields(event.get("event_date")))
    for prefix, role in (("Actor1", "source"), ("Actor2", "target")):
        parts = split_actor_code(event.get(f"{role}_code"))
        row[f"{prefix}Code"] = parts["code"]
        text = event.get(f"{role}_text")
        row[f"{prefix}Name"] = text.upper() if isinstance(text, str) and parts["code"] else ""
        row[f"{prefix}CountryCode"] = parts["country"]
        row[f"{prefix}KnownGroupCode"] = parts["group"]
        row[f"{prefix}Type1Code"] = parts["type1"]
        row[f"{prefix}Type2Code"] = parts["type2"]
        row[f"{prefix}Type3Code"] = parts["type3"]
    sentence_index = event.get("sentence_index")
    row["IsRootEvent"] = "1" if sentence_index == 0 else ("0" if sentence_index is not None else "")
    cameo = event.get("cameo") or ""
    row["EventCode"] = cameo
    row["EventBaseCode"] = cameo[:3]
    row["EventRootCode"] = event.get("root") or cameo[:2]
    row["QuadClass"] = _number(event.get("quad"))
    row["GoldsteinScale"] = _number(event.get("goldstein"))
    for column, key in (("NumMentions", "num_mentions"), ("NumSources", "num_sources"), ("NumArticles", "num_articles")):
        value = event.get(key)
        row[column] = str(value) if value not in (None, "") else "1"
    row["AvgTone"] = _number(event.get("avg_tone"))
    if any(event.get(k) not in (None, "") for k in ("place", "lat", "lon", "country", "country_fips")):
        row["ActionGeo_Type"] = _geo_type(event)
        row["ActionGeo_FullName"] = _clean(event.get("place"))
        # GDELT wants FIPS 10-4 here; use country_fips when the geo stage gives it
        row["ActionGeo_CountryCode"] = _clean(event.get("country_fips") or event.get("country"))
        row["ActionGeo_ADM1Code"] = _clean(event.get("admin1"))
        row["ActionGeo_Lat"] = _number(event.get("lat"))
        row["ActionGeo_Long"] = _number(event.get("lon"))
    row["DATEADDED"] = _date_added(event)
    row["SOURCEURL"] = event.get("url") or ""
    return [_clean(row[name]) for name in GDELT_EVENT_COLUMNS]


def event_to_gdelt_mention_row(event: dict[str, Any]) -> list[str]:
    """One tocsin event dict as the 16 GDELT 2.0 Mentions fields (strings)."""
    added = _date_added(event)

    def plus_one(value: Any) -> str:
        return str(int(value) + 1) if isinstance(value, int) and not isinstance(value, bool) else ""

    confidence = event.get("confidence")
    row = {
        "GLOBALEVENTID": str(gdelt_event_id(event)),
        "EventTimeDate": added,
        "MentionTimeDate": added,
        "MentionType": "1",
        "MentionSourceName": event.get("outlet") or "",
        "MentionIdentifier": event.get("url") or event.get("article_id") or "",
        "SentenceID": plus_one(event.get("sentence_index")),
        "Actor1CharOffset": _number(event.get("source_start")),
        "Actor2CharOffset": _number(event.get("target_start")),
        "ActionCharOffset": _number(event.get("trigger_start")),
        "InRawText": "1",
        "Confidence": str(round(float(confidence) * 100)) if isinstance(confidence, (int, float)) else "",
        "MentionDocLen": "",
        "MentionDocTone": "",
        "MentionDocTranslationInfo": "",
        "Extras": "",
    }
    return [_clean(row[name]) for name in GDELT_MENTION_COLUMNS]


def merged_events(events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per merged event: its representative report (the report that started it), carrying the merge's counts.

    events: ``Store.events()`` rows (one per report; ``event_id`` is the merged event, ``mention_id`` the report).
    RETURNS: the representative of each merged event, in the order its first report comes.
    """
    groups: dict[Any, dict[str, Any]] = {}
    for event in events:
        key = event.get("event_id") or gdelt_event_id(event)
        held = groups.get(key)
        if held is None or (held.get("mention_id") != key and event.get("mention_id") == key):
            groups[key] = event
    return list(groups.values())


@registry.exports.register("gdelt")
def export_events_gdelt(events: Iterable[dict[str, Any]], out_path: str | Path) -> int:
    """Write tocsin event dicts (``Store.events()`` rows) as GDELT 2.0 Events rows, one per merged event.

    Reports of one event (the same ``event_id``) make one row: GLOBALEVENTID is the merged event, NumMentions,
    NumSources and NumArticles come from the merge, every other field from its representative report (the one that
    started it). :func:`export_events_gdelt_mentions` writes the reports.
    RETURNS: number of rows written.
    """
    rows = [event_to_gdelt_row(event) for event in merged_events(events)]
    _write_tsv(out_path, rows)
    return len(rows)


@registry.exports.register("gdelt-mentions")
def export_events_gdelt_mentions(events: Iterable[dict[str, Any]], out_path: str | Path) -> int:
    """Write tocsin event dicts as GDELT 2.0 Mentions rows: one per report, GLOBALEVENTID its merged event and
    EventTimeDate that event's DATEADDED (its representative report's).

    RETURNS: number of rows written.
    """
    events = list(events)
    added = {event.get("event_id"): _date_added(event) for event in merged_events(events)}
    rows = []
    for event in events:
        row = event_to_gdelt_mention_row(event)
        row[GDELT_MENTION_COLUMNS.index("EventTimeDate")] = added.get(event.get("event_id"), row[1])
        rows.append(row)
    _write_tsv(out_path, rows)
    return len(rows)


__all__ = [
    "GDELT_EVENT_COLUMNS",
    "GDELT_MENTION_COLUMNS",
    "GDELT_TABLE_COLUMNS",
    "GdeltImportError",
    "ImportReport",
    "InteropError",
    "event_to_gdelt_mention_row",
    "event_to_gdelt_row",
    "export_events_gdelt",
    "export_events_gdelt_mentions",
    "export_gdelt",
    "gdelt_event_id",
    "gdelt_events",
    "import_gdelt",
    "merged_events",
    "split_actor_code",
]
