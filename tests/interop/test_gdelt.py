"""GDELT 2.0 import/export: verbatim round trip, idempotence, bad lines, tocsin events as GDELT rows."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

from tocsin.errors import IngestError, TocsinError
from tocsin.interop import (
    GDELT_EVENT_COLUMNS,
    GDELT_MENTION_COLUMNS,
    ImportReport,
    event_to_gdelt_row,
    export_events_gdelt,
    export_events_gdelt_mentions,
    export_gdelt,
    import_gdelt,
)
from tocsin.models import Article, Event, Sentence
from tocsin.store import DuckDBStore

SAMPLE = "samples/gdelt/gdelt2_events_20191024143000.export.CSV"


def read_rows(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").split("\n") if line]


def fake_row(event_id: int, **values: str) -> str:
    row = dict.fromkeys(GDELT_EVENT_COLUMNS, "")
    row.update(GLOBALEVENTID=str(event_id), SQLDATE="20240305", EventCode="130", SOURCEURL=f"https://example.org/{event_id}")
    row.update(values)
    return "\t".join(row[name] for name in GDELT_EVENT_COLUMNS)


@pytest.fixture
def store(tmp_path: Path):
    with DuckDBStore(tmp_path / "t.duckdb") as s:
        yield s


def test_columns_match_reference(shared: Path) -> None:
    assert len(GDELT_EVENT_COLUMNS) == 61 and len(GDELT_MENTION_COLUMNS) == 16
    assert GDELT_EVENT_COLUMNS[0] == "GLOBALEVENTID" and GDELT_EVENT_COLUMNS[26] == "EventCode" and GDELT_EVENT_COLUMNS[-1] == "SOURCEURL"
    assert GDELT_MENTION_COLUMNS[5] == "MentionIdentifier" and GDELT_MENTION_COLUMNS[-1] == "Extras"
    for name, cols in (("gdelt2_event_columns.tsv", GDELT_EVENT_COLUMNS), ("gdelt2_mention_columns.tsv", GDELT_MENTION_COLUMNS)):
        lines = (shared / "reference" / name).read_text(encoding="utf-8").splitlines()[1:]
        assert [line.split("\t")[1] for line in lines if line] == cols


def test_real_export_round_trips_verbatim(shared: Path, store: DuckDBStore, tmp_path: Path) -> None:
    src = shared / SAMPLE
    report = import_gdelt(store, [src])
    assert report == ImportReport(rows_added=2111, rows_skipped=0, failures=[])
    out = tmp_path / "out.CSV"
    assert export_gdelt(store, out) == 2111
    original, exported = read_rows(src), read_rows(out)
    assert len(exported) == 2111
    assert all(len(row) == 61 for row in exported)
    assert exported == original  # every field of every row, in order
    assert b"\r" not in src.read_bytes()  # the sample has \n line ends, so bytes must match too
    assert out.read_bytes() == src.read_bytes()


def test_reimport_adds_nothing(shared: Path, store: DuckDBStore) -> None:
    src = shared / SAMPLE
    assert import_gdelt(store, src).rows_added == 2111
    again = import_gdelt(store, [src])
    assert (again.rows_added, again.rows_skipped, again.failures) == (0, 2111, [])
    assert store._connection().execute("SELECT count(*) FROM gdelt_events").fetchone() == (2111,)


def test_zip_with_one_csv(shared: Path, store: DuckDBStore, tmp_path: Path) -> None:
    archive = tmp_path / "20191024143000.export.CSV.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(shared / SAMPLE, "20191024143000.export.CSV")
    report = import_gdelt(store, [archive])
    assert report.rows_added == 2111 and not report.failures
    out = tmp_path / "out.CSV"
    export_gdelt(store, out)
    assert out.read_bytes() == (shared / SAMPLE).read_bytes()


def test_short_line_reported_rest_imported(store: DuckDBStore, tmp_path: Path) -> None:
    bad = tmp_path / "bad.export.CSV"
    short = "\t".join(fake_row(3).split("\t")[:58])  # a GDELT 1.0-shaped line
    bad.write_text(
        "\n".join([fake_row(1), fake_row(2), short, fake_row(4), "x\t" + fake_row(5).split("\t", 1)[1]]) + "\n", encoding="utf-8"
    )
    report = import_gdelt(store, [bad, tmp_path / "missing.CSV"])
    assert report.rows_added == 3
    assert len(report.failures) == 3
    assert report.failures[0].startswith(f"[E801] {bad}:3: ")
    assert "found 58" in report.failures[0]
    assert report.failures[1].startswith(f"[E801] {bad}:5: ")
    assert report.failures[2].startswith("[E802] ") and "missing.CSV" in report.failures[2]
    ids = [row[0] for row in store._connection().execute("SELECT GLOBALEVENTID FROM gdelt_events ORDER BY rowid").fetchall()]
    assert ids == ["1", "2", "4"]


def test_crlf_and_duplicate_ids(store: DuckDBStore, tmp_path: Path) -> None:
    path = tmp_path / "crlf.CSV"
    path.write_bytes(("\r\n".join([fake_row(7), fake_row(8), fake_row(7, EventCode="190")]) + "\r\n").encode("utf-8"))
    report = import_gdelt(store, path)
    assert (report.rows_added, report.rows_skipped, report.failures) == (2, 1, [])
    out = tmp_path / "out.CSV"
    export_gdelt(store, out)
    assert out.read_text(encoding="utf-8") == fake_row(7) + "\n" + fake_row(8) + "\n"


def test_not_utf8_and_bad_source(store: DuckDBStore, tmp_path: Path) -> None:
    path = tmp_path / "latin1.CSV"
    path.write_bytes(fake_row(1, Actor1Name="MÉXICO").encode("latin-1") + b"\n")
    report = import_gdelt(store, [path])
    assert report.rows_added == 0 and report.failures[0].startswith(f"[E802] {path}: not valid UTF-8")
    with pytest.raises(TocsinError, match=r"^\[E805\]"):
        export_gdelt(store, tmp_path / "x.CSV", source="nope")


def test_export_empty_store(store: DuckDBStore, tmp_path: Path) -> None:
    out = tmp_path / "empty.CSV"
    assert export_gdelt(store, out) == 0
    assert out.read_bytes() == b""


# -- tocsin events as GDELT ----------------------------------------------------------


def tocsin_events() -> list[dict[str, Any]]:
    first = Event(
        article_id="a1",
        sentence_index=0,
        sentence="Russia's government threatened the Ukrainian army.",
        cameo="1383",
        root="13",
        quad=3,
        goldstein=-7.0,
        source_code="RUSGOV",
        source_text="Russia's government",
        source_start=0,
        target_code="UKRMIL",
        target_text="the Ukrainian army",
        target_start=31,
        plover="THREATEN",
        mode="",
        trigger="threatened",
        trigger_start=20,
        trigger_end=30,
        confidence=0.83,
    ).to_dict()
    first.update(event_id="0123456789abcdef0123", event_date="2024-03-05", url="https://example.org/a1", outlet="example.org")
    second = Event(
        article_id="a2", sentence_index=2, sentence="The EU met France.", cameo="040", root="04", quad=1, goldstein=1.0,
        source_code="IGOEUREEC", source_text="The EU", target_code="FRA", target_text="France", trigger="met", trigger_start=7,
    ).to_dict()  # fmt: skip
    second.update(
        event_id="fedcba9876543210fedc",
        event_date="2019-12-31",
        url=None,
        outlet=None,
        place="Paris",
        lat=48.85,
        lon=2.35,
        country="FRA",
        country_fips="FR",
        admin1="FRA8",
        geo_precision="city",
    )
    return [first, second]


def test_tocsin_events_as_gdelt_rows(tmp_path: Path) -> None:
    out = tmp_path / "tocsin.export.CSV"
    assert export_events_gdelt(tocsin_events(), out) == 2
    rows = [dict(zip(GDELT_EVENT_COLUMNS, row)) for row in read_rows(out)]
    assert all(len(row) == 61 for row in read_rows(out))
    first, second = rows
    assert first["GLOBALEVENTID"] == str(int("0123456789abcde", 16))
    assert (first["SQLDATE"], first["MonthYear"], first["Year"], first["FractionDate"]) == ("20240305", "202403", "2024", "2024.1781")
    assert (first["Actor1Code"], first["Actor1CountryCode"], first["Actor1Type1Code"]) == ("RUSGOV", "RUS", "GOV")
    assert (first["Actor2Code"], first["Actor2CountryCode"], first["Actor2Type1Code"]) == ("UKRMIL", "UKR", "MIL")
    assert first["Actor1Name"] == "RUSSIA'S GOVERNMENT"
    assert (first["IsRootEvent"], first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == ("1", "1383", "138", "13")
    assert (first["QuadClass"], first["GoldsteinScale"]) == ("3", "-7.0")
    assert (first["NumMentions"], first["NumSources"], first["NumArticles"], first["AvgTone"]) == ("1", "1", "1", "")
    assert first["ActionGeo_FullName"] == first["ActionGeo_Lat"] == ""
    assert (first["DATEADDED"], first["SOURCEURL"]) == ("20240305000000", "https://example.org/a1")
    assert second["FractionDate"] == "2019.9890"
    assert (second["Actor1CountryCode"], second["Actor1KnownGroupCode"], second["Actor1Type1Code"]) == ("EUR", "EEC", "IGO")
    assert (second["Actor2Code"], second["Actor2CountryCode"], second["Actor2Type1Code"]) == ("FRA", "FRA", "")
    assert (second["IsRootEvent"], second["EventBaseCode"], second["SOURCEURL"]) == ("0", "040", "")
    assert (second["ActionGeo_FullName"], second["ActionGeo_CountryCode"], second["ActionGeo_Lat"], second["ActionGeo_Long"]) == (
        "Paris", "FR", "48.85", "2.35",
    )  # fmt: skip
    assert (second["ActionGeo_Type"], second["ActionGeo_ADM1Code"]) == ("4", "FRA8")


def test_tocsin_events_as_gdelt_mentions(tmp_path: Path) -> None:
    out = tmp_path / "tocsin.mentions.CSV"
    assert export_events_gdelt_mentions(tocsin_events(), out) == 2
    rows = [dict(zip(GDELT_MENTION_COLUMNS, row)) for row in read_rows(out)]
    assert all(len(row) == 16 for row in read_rows(out))
    first, second = rows
    assert first["GLOBALEVENTID"] == str(int("0123456789abcde", 16))
    assert (first["EventTimeDate"], first["MentionType"], first["MentionSourceName"], first["MentionIdentifier"]) == (
        "20240305000000", "1", "example.org", "https://example.org/a1",
    )  # fmt: skip
    assert (first["SentenceID"], first["Actor1CharOffset"], first["Actor2CharOffset"], first["ActionCharOffset"]) == ("1", "0", "31", "20")
    assert (first["InRawText"], first["Confidence"], first["MentionDocLen"], first["Extras"]) == ("1", "83", "", "")
    assert (second["MentionIdentifier"], second["SentenceID"], second["Actor2CharOffset"], second["Confidence"]) == ("a2", "3", "", "50")


def test_store_events_export_as_gdelt(store: DuckDBStore, tmp_path: Path) -> None:
    article = Article(
        text="Russia threatened Ukraine.", id="art1", url="https://example.org/art1", outlet="example.org", published="2024-03-05T10:00:00",
        sentences=[Sentence(0, 0, 26, "Russia threatened Ukraine.")],
    )  # fmt: skip
    article.events = [
        Event(article_id="art1", sentence_index=0, sentence="Russia threatened Ukraine.", cameo="130", root="13", quad=3, goldstein=-4.4,
              source_code="RUS", target_code="UKR", trigger="threatened", trigger_start=7)
    ]  # fmt: skip
    store.save([article])
    out = tmp_path / "store.CSV"
    assert export_gdelt(store, out, source="tocsin") == 1
    (row,) = read_rows(out)
    fields = dict(zip(GDELT_EVENT_COLUMNS, row))
    assert fields["GLOBALEVENTID"] == str(int(store.events()[0]["event_id"][:15], 16))
    assert (fields["SQLDATE"], fields["Actor1CountryCode"], fields["Actor2CountryCode"], fields["EventCode"]) == (
        "20240305",
        "RUS",
        "UKR",
        "130",
    )
    assert fields["SOURCEURL"] == "https://example.org/art1"


def test_errors_are_tocsin_errors() -> None:
    from tocsin.interop import GdeltImportError, InteropError

    assert issubclass(GdeltImportError, IngestError) and issubclass(InteropError, TocsinError)


def test_organisation_codes_split_as_gdelt_writes_them(shared: Path) -> None:
    """Issue 9: every IGO actor of the real GDELT export splits into the country, known group and type GDELT gives it."""
    from tocsin.interop.gdelt import split_actor_code

    seen = 0
    for row in read_rows(shared / SAMPLE):
        for code_col, country_col, group_col, type_col in ((5, 7, 8, 12), (15, 17, 18, 22)):
            code = row[code_col]
            if code.startswith("IGO"):
                parts = split_actor_code(code)
                assert (parts["country"], parts["group"], parts["type1"]) == (row[country_col], row[group_col], row[type_col]), code
                seen += 1
    assert seen >= 10


# -- issue 11: one row per merged event, GDELT 1.0, imported rows listed --------------------

GDELT1_SAMPLE = "samples/gdelt/gdelt1_events_20170912.export_sample.tsv"


def strike_article(article_id: str, outlet: str, *, place: str = "Kharkiv", geonames_id: int = 706483, lat: float = 49.98,
                   lon: float = 36.25, cameo: str = "195", published: str = "2024-05-07") -> Article:  # fmt: skip
    text = f"Russian forces struck {place}."
    article = Article(text=text, id=article_id, url=f"https://{outlet}.example/{article_id}", outlet=outlet, published=published,
                      sentences=[Sentence(0, 0, len(text), text)])  # fmt: skip
    article.events = [
        Event(article_id=article_id, sentence_index=0, sentence=text, cameo=cameo, root=cameo[:2], quad=4, goldstein=-10.0,
              source_code="RUSMIL", source_text="Russian forces", source_start=0, target_code="UKR", trigger="struck",
              trigger_start=15, trigger_end=21, confidence=0.6, place=place, country="UKR", country_fips="UP", lat=lat, lon=lon,
              geonames_id=geonames_id, geo_precision="city")
    ]  # fmt: skip
    return article


def test_gdelt_export_one_row_per_merged_event(store: DuckDBStore, tmp_path: Path) -> None:
    """Issue 11: three outlets' reports of one strike make one GDELT row (NumSources 3); mentions keep the three reports."""
    store.save([strike_article("lemonde-1", "lemonde"), strike_article("bbc-1", "bbc"), strike_article("rfi-1", "rfi"),
                strike_article("bbc-2", "bbc", place="Odesa", geonames_id=698740, lat=46.48, lon=30.73)])  # fmt: skip
    events = store.events()
    assert len(events) == 4 and len({e["event_id"] for e in events}) == 2
    out = tmp_path / "events.CSV"
    assert export_gdelt(store, out, source="tocsin") == 2
    rows = {row[0]: dict(zip(GDELT_EVENT_COLUMNS, row)) for row in read_rows(out)}
    assert len(rows) == 2
    kharkiv = next(r for r in rows.values() if r["ActionGeo_FullName"] == "Kharkiv")
    odesa = next(r for r in rows.values() if r["ActionGeo_FullName"] == "Odesa")
    assert (kharkiv["NumMentions"], kharkiv["NumSources"], kharkiv["NumArticles"]) == ("3", "3", "3")
    assert (odesa["NumMentions"], odesa["NumSources"], odesa["NumArticles"]) == ("1", "1", "1")
    merged_id = next(e["event_id"] for e in events if e["place"] == "Kharkiv")
    assert kharkiv["GLOBALEVENTID"] == str(int(merged_id[:15], 16))
    # the representative report is the one that started the event (its mention id is the event id)
    first = next(e for e in events if e["mention_id"] == merged_id)
    assert kharkiv["SOURCEURL"] == first["url"]
    mentions_out = tmp_path / "mentions.CSV"
    assert export_events_gdelt_mentions(events, mentions_out) == 4
    mentions = [dict(zip(GDELT_MENTION_COLUMNS, row)) for row in read_rows(mentions_out)]
    of_kharkiv = [m for m in mentions if m["GLOBALEVENTID"] == kharkiv["GLOBALEVENTID"]]
    assert sorted(m["MentionSourceName"] for m in of_kharkiv) == ["bbc", "lemonde", "rfi"]
    assert len({m["MentionIdentifier"] for m in of_kharkiv}) == 3
    assert {m["EventTimeDate"] for m in of_kharkiv} == {kharkiv["DATEADDED"]}
    assert {m["GLOBALEVENTID"] for m in mentions} == set(rows)


def test_gdelt1_file_imported_with_one_note(shared: Path, store: DuckDBStore, tmp_path: Path) -> None:
    """Issue 11: a GDELT 1.0 file (58 columns) is imported into the 2.0 columns with one message, not one per line."""
    src = shared / GDELT1_SAMPLE
    report = import_gdelt(store, [src])
    assert (report.rows_added, report.failures) == (10, [])
    assert len(report.notes) == 1 and "GDELT 1.0" in report.notes[0] and str(src) in report.notes[0]
    out = tmp_path / "out.CSV"
    assert export_gdelt(store, out) == 10
    original = [line.split("\t") for line in src.read_text(encoding="utf-8").splitlines()]
    for v1, row in zip(original, read_rows(out)):
        fields = dict(zip(GDELT_EVENT_COLUMNS, row))
        assert len(row) == 61
        assert (fields["GLOBALEVENTID"], fields["SQLDATE"], fields["EventCode"]) == (v1[0], v1[1], v1[26])
        assert (fields["ActionGeo_FullName"], fields["ActionGeo_Lat"], fields["ActionGeo_FeatureID"]) == (v1[50], v1[53], v1[55])
        assert fields["Actor1Geo_ADM2Code"] == fields["Actor2Geo_ADM2Code"] == fields["ActionGeo_ADM2Code"] == ""
        assert (fields["DATEADDED"], fields["SOURCEURL"]) == (v1[56], v1[57])
    # the 57-column backfile layout (no SOURCEURL) maps too; a 61-field line in a 1.0 file is reported
    backfile = tmp_path / "1979.csv"
    lines = ["\t".join(fields[:57]) for fields in original[:2]]
    backfile.write_text(
        "\n".join([lines[0].replace(original[0][0], "1", 1), fake_row(2), lines[1].replace(original[1][0], "3", 1)]) + "\n",
        encoding="utf-8",
    )
    second = import_gdelt(store, backfile)
    assert second.rows_added == 2 and len(second.notes) == 1
    assert len(second.failures) == 1 and second.failures[0].startswith(f"[E801] {backfile}:2: expected 57 or 58")


def test_imported_rows_listed_and_filtered(shared: Path, store: DuckDBStore) -> None:
    from tocsin.interop import gdelt_events

    assert gdelt_events(store) == []  # nothing imported yet
    import_gdelt(store, shared / SAMPLE)
    rows = gdelt_events(store)
    assert len(rows) == 2111 and set(rows[0]) == set(GDELT_EVENT_COLUMNS)
    usa = gdelt_events(store, actor="USA", code="04", limit=5)
    assert 0 < len(usa) <= 5
    assert all(r["EventCode"].startswith("04") and "USA" in (r["Actor1Code"][:3], r["Actor2Code"][:3]) for r in usa)
    sqldates = sorted({r["SQLDATE"] for r in rows})
    late = gdelt_events(store, since=f"{sqldates[-1][:4]}-{sqldates[-1][4:6]}-{sqldates[-1][6:]}")
    assert late and {r["SQLDATE"] for r in late} == {sqldates[-1]}
    with pytest.raises(TocsinError, match=r"^\[E501\] Invalid value for since: 'last week'"):
        gdelt_events(store, since="last week")  # the store's one date check


# -- Parquet keeps types ------------------------------------------------------------------


def test_parquet_export_round_trips_through_pandas_with_dates(store: DuckDBStore, tmp_path: Path) -> None:
    """Issue 11: dates are Parquet DATEs (pandas reads datetime.date), counts integers, coordinates doubles, flags booleans."""
    import datetime

    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq

    from tocsin.interop import export_table

    undated = strike_article("undated-1", "afp", place="Odesa", geonames_id=698740, lat=46.48, lon=30.73, published="")
    store.save([strike_article("lemonde-1", "lemonde"), strike_article("bbc-1", "bbc"), undated])
    out = tmp_path / "events.parquet"
    assert export_table(store, out, "parquet") == 3
    schema = pq.read_schema(out)
    assert schema.field("event_date").type == pa.date32()
    assert schema.field("num_sources").type == pa.int32() and schema.field("quad").type == pa.int32()
    assert schema.field("lat").type == pa.float64() and schema.field("negated").type == pa.bool_()
    frame = pd.read_parquet(out)
    assert len(frame) == 3
    dated = frame[frame["article_id"] != "undated-1"]
    assert set(dated["event_date"]) == {datetime.date(2024, 5, 7)}
    assert frame.loc[frame["article_id"] == "undated-1", "event_date"].isna().all()
    assert pd.to_datetime(dated["event_date"]).dt.year.tolist() == [2024, 2024]
    assert sorted(frame["num_sources"].tolist()) == [1, 2, 2]
    assert frame["lat"].dtype == "float64" and frame["negated"].dtype == bool
    # the pyarrow-backed frame keeps the date type itself
    typed = pd.read_parquet(out, dtype_backend="pyarrow")
    assert str(typed["event_date"].dtype).startswith("date32")


def test_place_precision_is_exported(tmp_path: Path) -> None:
    """Issue 11: a country-level place is exported as one (GDELT ActionGeo_Type 1, PLOVER geo_precision), a town as a city."""
    from tocsin.interop import event_to_plover

    town, country = tocsin_events()
    town.update(
        place="Jermuk",
        country="ARM",
        country_fips="AM",
        lat=39.83948,
        lon=45.67112,
        geonames_id=174884,
        geo_precision="city",
        admin1="AM.10",
    )
    country.update(place="Zarkhanovka, Armenia", country="ARM", country_fips="AM", lat=40.3137, lon=44.5759, geonames_id=None,
                   geo_precision="country", admin1=None, plover="CONSULT")  # fmt: skip
    rows = [dict(zip(GDELT_EVENT_COLUMNS, event_to_gdelt_row(e))) for e in (town, country)]
    assert (rows[0]["ActionGeo_Type"], rows[0]["ActionGeo_FullName"], rows[0]["ActionGeo_CountryCode"]) == ("4", "Jermuk", "AM")
    assert (rows[1]["ActionGeo_Type"], rows[1]["ActionGeo_FullName"], rows[1]["ActionGeo_Lat"]) == ("1", "Zarkhanovka, Armenia", "40.3137")
    assert event_to_plover(country)["location"]["geo_precision"] == "country"  # type: ignore[index]


def test_import_and_export_hold_a_session_on_stores_opened_per_operation(shared: Path, tmp_path: Path) -> None:
    """A store that opens its file per operation (``keep_open=False``) is held open by a session for the whole
    import (a write session) or export (a read session)."""
    import contextlib

    import duckdb

    from tocsin.interop import gdelt_events

    class PerOperationStore:
        def __init__(self) -> None:
            self.conn: duckdb.DuckDBPyConnection | None = None
            self.sessions: list[bool] = []

        @contextlib.contextmanager
        def session(self, *, write: bool = False):  # type: ignore[no-untyped-def]
            self.sessions.append(write)
            self.conn = duckdb.connect(str(tmp_path / "p.duckdb"), read_only=not write)
            try:
                yield self
            finally:
                self.conn.close()
                self.conn = None

        def connection(self) -> duckdb.DuckDBPyConnection:
            assert self.conn is not None, "connection() outside a session"
            return self.conn

    store = PerOperationStore()
    assert import_gdelt(store, shared / GDELT1_SAMPLE).rows_added == 10
    assert len(gdelt_events(store, code="04")) >= 1
    assert export_gdelt(store, tmp_path / "out.CSV") == 10
    assert store.sessions == [True, False, False] and store.conn is None
