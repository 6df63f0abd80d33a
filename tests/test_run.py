"""tocsin.run: the job behind `tocsin code`, in one process and in several."""

from __future__ import annotations

from pathlib import Path

import pytest

from tocsin.errors import ConfigError
from tocsin.run import CodingPool, code_sources
from tocsin.store import DuckDBStore

pytestmark = pytest.mark.slow

QUERY = "SELECT article_id, sentence_index, cameo, source_code, target_code, trigger, place, confidence FROM events ORDER BY ALL"


def _stored(path: Path) -> list[tuple]:
    with DuckDBStore(path) as store:
        return store.connection().execute(QUERY).fetchall()


def test_run_workers_store_what_one_process_stores(samples: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    lines = (samples / "fr_depeches.jsonl").read_text(encoding="utf-8").splitlines()
    bad.write_text("\n".join([lines[0], "{not json", *lines[1:]]) + "\n", encoding="utf-8")
    sources = [str(samples), str(bad)]
    reports = {}
    for workers in (1, 2):
        with DuckDBStore(tmp_path / f"w{workers}.duckdb") as store:
            reports[workers] = code_sources(sources, store, workers=workers, batch_size=4)
    one, two = reports[1], reports[2]
    assert two.articles_read == one.articles_read > 8  # several batches of 4: the workers did start
    assert (two.articles_coded, two.articles_added, two.events_added) == (one.articles_coded, one.articles_added, one.events_added)
    assert two.events_added > 0
    assert _stored(tmp_path / "w2.duckdb") == _stored(tmp_path / "w1.duckdb")
    # the malformed line is reported with its file and line, the rest of the batch is coded
    assert [where for where, _ in two.failures] == [where for where, _ in one.failures] == [f"{bad}:2"]
    # the same ids in one run are coded once (the samples folder and the copy share the dispatches)
    assert two.articles_known == one.articles_known > 0


def test_run_workers_rerun_adds_nothing(samples: Path, tmp_path: Path) -> None:
    """One started pool (models loaded before any batch) serves two runs; the second adds nothing."""
    path = tmp_path / "t.duckdb"
    with DuckDBStore(path) as store, CodingPool(2, batch_size=4, preload=("fr",)) as pool:
        first = code_sources([str(samples)], store, pool=pool, batch_size=4, collect_events=False)
        again = code_sources([str(samples)], store, pool=pool, batch_size=4)
    assert first.events_added > 0
    assert again.articles_coded == again.events_added == 0
    assert again.articles_known == first.articles_coded
    assert len(again.events) == first.events_added


def test_run_workers_must_be_positive(samples: Path) -> None:
    with pytest.raises(ConfigError, match=r"\[E501\].*workers"):
        code_sources([str(samples)], None, workers=0)
    with pytest.raises(ConfigError, match=r"\[E501\].*workers"):
        CodingPool(0)


def test_run_on_events_gets_each_batch_as_it_is_stored(samples: Path, tmp_path: Path) -> None:
    calls: list[list[dict]] = []
    with DuckDBStore(tmp_path / "s.duckdb", keep_open=False) as store:
        report = code_sources([str(samples)], store, batch_size=4, on_events=calls.append)
    assert len(calls) > 1  # one call per batch with events, not one at the end
    assert [event for call in calls for event in call] == report.events


@pytest.mark.parametrize("workers", [1, 2])
def test_run_interrupt_keeps_whole_batches(samples: Path, tmp_path: Path, workers: int) -> None:
    """Ctrl-C (here raised from the progress callback after the first batch) ends the run with what was saved."""

    def interrupt(count: int) -> None:
        raise KeyboardInterrupt

    path = tmp_path / "i.duckdb"
    with DuckDBStore(path, keep_open=False) as store:
        report = code_sources([str(samples)], store, batch_size=4, workers=workers, on_progress=interrupt)
        assert report.interrupted
        assert report.articles_added == store.count("articles") > 0
        assert report.events_added == store.count("events")
        again = code_sources([str(samples)], store, batch_size=4, workers=workers)
    assert not again.interrupted
    assert again.articles_known == report.articles_added  # the rerun resumes: stored articles are skipped


def test_run_one_record_the_store_refuses_loses_only_itself(tmp_path: Path) -> None:
    """Issue 12: a batch the store refuses for one article's value (E308) is saved article by article: the bad one is
    reported by name, the others are stored, and saving again adds nothing."""
    from tocsin.coder import make_pipeline
    from tocsin.models import Article
    from tocsin.run import RunReport, _save, code_and_save

    texts = ["Russian troops shelled Kharkiv on Monday.", "France condemned the strike on Tuesday.", "Iran threatened Israel."]
    coded = code_and_save(
        make_pipeline(lang="en"), [Article(text=t, id=f"a{i}", lang="en") for i, t in enumerate(texts)], None, RunReport()
    )
    coded[1].title = "bad \udfff title"  # a lone surrogate: no database can store it
    with DuckDBStore(tmp_path / "r.duckdb") as store:
        report = RunReport()
        _save(store, coded, report)
        assert report.articles_added == 2 and report.events_added == len(coded[0].events) + len(coded[2].events)
        assert [where for where, _ in report.failures] == ["a1"] and "[E308]" in report.failures[0][1]
        assert store.has_article("a0") and store.has_article("a2") and not store.has_article("a1")
        again = RunReport()
        _save(store, [coded[0], coded[2]], again)
        assert again.articles_added == 0 and not again.failures
