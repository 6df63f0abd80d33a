"""The partition format: hand-built articles round-trip exactly, writes are atomic, columns are the store's."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tocsin.errors import StoreError
from tocsin.models import ActorMention, Article, Event, Sentence
from tocsin.scale.partitions import (
    FORMAT,
    TABLES,
    encode_partition,
    list_partitions,
    partition_key,
    partition_path,
    read_partition,
    read_partition_info,
    remove_temporary,
    write_partition,
)
from tocsin.store import open_store


def _article(article_id: str, *, published: str | None = "2024-05-07") -> Article:
    text = "Les forces russes ont bombardé Kharkiv mardi. Kiev a condamné l'attaque."
    article = Article(text=text, id=article_id, title="Kharkiv", url="https://x.invalid/1", outlet="Gazette", published=published,
                      lang="fr", lang_score=0.97, origin=f"in.jsonl:{article_id}")  # fmt: skip
    article.sentences = [Sentence(0, 0, 45, text[:45]), Sentence(1, 46, len(text), text[46:])]
    article.mentions = [
        ActorMention(
            text="forces russes",
            start=4,
            end=17,
            sentence_index=0,
            code="RUSMIL",
            country="RUS",
            roles=["MIL"],
            name="Russia",
            kind="country",
        ),
        ActorMention(text="Kiev", start=46, end=50, sentence_index=1, code="UKRGOV", country="UKR", roles=[], name=None, kind=None),
    ]
    article.events = [
        Event(article_id=article_id, sentence_index=0, sentence=text[:45], cameo="195", root="19", quad=4, goldstein=-10.0,
              source_code="RUSMIL", source_text="forces russes", source_start=4, source_end=17, target_code="UKR",
              target_text="Kharkiv", target_start=31, target_end=38, penta=4, plover="ASSAULT", mode="aerial", trigger="bombardé",
              trigger_start=22, trigger_end=30, sentence_start=0, sentence_end=45, confidence=0.8125, rule="fr.verb.bombarder",
              coder="tocsin.coder.v1", lang="fr", nuclear=False, event_date="2024-05-07", date_precision="day", place="Kharkiv",
              country="UKR", country_fips="UP", admin1="Kharkivs'ka Oblast'", lat=49.98081, lon=36.25272, geonames_id=706483,
              geo_precision="city"),
        Event(article_id=article_id, sentence_index=1, sentence=text[46:], cameo="122", root="12", quad=3, goldstein=-4.0,
              source_code="UKRGOV", target_code=None, trigger="condamné", trigger_start=55, trigger_end=63, negated=True,
              hypothetical=True, reported=True, confidence=0.4, rule="fr.verb.condamner", coder="tocsin.coder.v1", lang="fr"),
    ]  # fmt: skip
    return article


def _write(tmp_path: Path, articles: list[Article], *, chunk: int = 0, failures: list[tuple[str, str]] | None = None) -> Path:
    key = partition_key([a.id for a in articles])
    assert write_partition(tmp_path, key, encode_partition(articles, key=key, chunk=chunk, failures=failures or []))
    return partition_path(tmp_path, key)


def test_partitions_round_trip_is_exact(tmp_path: Path) -> None:
    articles = [_article("a1"), _article("a2", published=None), Article(text="Rien.", id="empty")]
    articles[2].mentions = [ActorMention(text="x", start=0, end=1, sentence_index=0, code=None, roles=None)]  # type: ignore[arg-type]
    failures = [("in.jsonl:9", "[E101] in.jsonl:9: language 'de' is not supported")]
    path = _write(tmp_path, articles, chunk=7, failures=failures)
    partition = read_partition(path)
    assert partition.articles == articles
    assert [a.to_dict() for a in partition.articles] == [a.to_dict() for a in articles]
    assert (partition.chunk, partition.failures, partition.key) == (7, failures, path.name.removeprefix("part-"))
    assert read_partition_info(path) == (7, failures)
    assert sorted(p.name for p in path.iterdir()) == sorted(f"{t}.parquet" for t in TABLES)
    assert pq.read_schema(path / "articles.parquet").metadata[b"tocsin.format"] == FORMAT.encode()


def test_partitions_events_columns_are_the_store_events_table(tmp_path: Path) -> None:
    path = _write(tmp_path, [_article("a1")])
    with open_store(":memory:") as store:
        conn = store.connection()
        for table in TABLES:
            stored = [(name, kind) for name, kind, *_ in conn.execute(f"DESCRIBE {table}").fetchall()]
            written = conn.execute(f"DESCRIBE SELECT * FROM read_parquet('{path / (table + '.parquet')}')").fetchall()
            written_columns = [(name, kind) for name, kind, *_ in written]
            if table == "events":
                assert written_columns[-1] == ("coded_event_date", "VARCHAR")
                written_columns = written_columns[:-1]
                stored = [c for c in stored if c[0] != "merged_id"]  # set when the store merges
            assert dict(written_columns) == dict(stored), table  # same names and types (the store's order follows its migrations)
        # the event without a date of its own takes the article's publication date, as in the store
        dates = conn.execute(f"SELECT event_date::VARCHAR, coded_event_date FROM read_parquet('{path / 'events.parquet'}')").fetchall()
        assert dates == [("2024-05-07", "2024-05-07"), ("2024-05-07", None)]


def test_partitions_saved_like_the_articles_themselves(tmp_path: Path) -> None:
    articles = [_article("a1"), _article("a2")]
    path = _write(tmp_path, articles)
    with open_store(":memory:") as direct, open_store(":memory:") as loaded:
        direct.save(articles)
        loaded.save(read_partition(path).articles)
        for table in ("events", "merged_events", "sentences", "mentions"):
            query = (
                f"SELECT * EXCLUDE (seen_date) FROM {table} ORDER BY ALL" if table == "events" else f"SELECT * FROM {table} ORDER BY ALL"
            )
            assert loaded.connection().execute(query).fetchall() == direct.connection().execute(query).fetchall(), table


def test_partitions_key_is_deterministic_and_follows_ids_and_options() -> None:
    assert partition_key(["a", "b"]) == partition_key(["a", "b"])
    assert len({partition_key(["a", "b"]), partition_key(["b", "a"]), partition_key(["ab"]), partition_key(["a", "b"], "lang=fr")}) == 4


def test_partitions_write_is_atomic_and_never_overwrites(tmp_path: Path) -> None:
    path = _write(tmp_path, [_article("a1")])
    key = path.name.removeprefix("part-")
    before = (path / "events.parquet").read_bytes()
    assert not write_partition(tmp_path, key, encode_partition([_article("zz")], key=key, chunk=0))
    assert (path / "events.parquet").read_bytes() == before
    crashed = tmp_path / ".tmp-deadbeef-1234"  # what a crash mid-write leaves: never listed, removed on the next run
    crashed.mkdir()
    (crashed / "articles.parquet").write_bytes(b"PAR1 half")
    assert list_partitions(tmp_path) == [path]
    assert remove_temporary(tmp_path) == 1
    assert not crashed.exists() and path.is_dir()


def test_partitions_unreadable_partition_is_e702(tmp_path: Path) -> None:
    path = _write(tmp_path, [_article("a1")])
    (path / "mentions.parquet").write_bytes(b"not parquet")
    with pytest.raises(StoreError, match=r"\[E702\].*mentions"):
        read_partition(path)
    (path / "articles.parquet").unlink()
    with pytest.raises(StoreError, match=r"\[E702\]"):
        read_partition_info(path)
