"""Backfill: code large archives on a Dask cluster into Parquet partitions, then load them into the store.

``backfill`` reads the inputs on the client (directories, JSON Lines, Parquet:
whatever :func:`~tocsin.stages.ingest.read_articles` reads), cuts them into
chunks of ``chunk_size`` articles, and sends each chunk not written yet to a
worker, which codes it with its process's pipeline (built once per process
and options) and returns the partition's Parquet files; the client writes
them atomically under ``out``. The cluster is a ``LocalCluster`` of worker
processes (one thread each) or a running scheduler given its address; the
workers need tocsin installed, not the inputs nor ``out``.

``load`` reads the partitions, rebuilds the coded articles and saves them
with ``store.save`` (merging runs there; loading twice adds nothing), then
runs the alert rules.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ClusterError, ConfigError, Errors, StoreError, TocsinError
from ..models import Article
from ..stages.ingest import IngestReport, read_articles
from .partitions import (
    encode_partition,
    list_partitions,
    partition_key,
    partition_path,
    read_partition,
    read_partition_info,
    remove_temporary,
    write_partition,
)

if TYPE_CHECKING:
    from distributed import Client

    from ..pipeline import Pipeline
    from ..store import Store

log = logging.getLogger(__name__)

CHUNK_SIZE = 64
"""Articles per chunk (one partition, one task), as ``tocsin code`` saves a batch."""


@dataclass(frozen=True)
class CodingOptions:
    """What the workers' pipelines are built with; hashable, so it keys the per-process cache.

    actors: the extra actor dictionaries as (file name, TOML text), shipped with the task so remote workers
        need not see the client's files.
    """

    lang: str | None = None
    actors: tuple[tuple[str, str], ...] = ()
    batch_size: int = 64

    def fingerprint(self) -> str:
        """The options that change what is coded, as text that goes into every partition key."""
        actors = [hashlib.sha1(text.encode("utf-8")).hexdigest() for _, text in self.actors]
        return json.dumps({"lang": self.lang, "actors": actors}, sort_keys=True)


@dataclass
class ChunkResult:
    """What a worker sends back for one chunk: the partition's files and counts."""

    key: str
    chunk: int
    files: dict[str, bytes]
    articles_coded: int
    events: int
    failures: list[tuple[str, str]]


@dataclass
class BackfillReport:
    """What one ``backfill`` run did.

    ``workers`` is the number of Dask workers (processes) at the start; ``seconds`` the coding time, from the
    cluster being ready to the last partition written.
    """

    out: str
    workers: int = 0
    articles_read: int = 0
    articles_coded: int = 0
    articles_duplicate: int = 0
    articles_in_skipped: int = 0
    events: int = 0
    partitions_written: int = 0
    partitions_skipped: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (where, message)

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def articles_per_second(self) -> float:
        return self.articles_coded / self.seconds if self.seconds > 0 else 0.0


@dataclass
class LoadReport:
    """What one ``load`` run did."""

    partitions: int = 0
    articles_read: int = 0
    articles_added: int = 0
    articles_known: int = 0
    events_added: int = 0
    alerts_added: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (where, message)

    @property
    def failed(self) -> int:
        return len(self.failures)


# -- the client side -------------------------------------------------------------------------------


def backfill(
    sources: Sequence[str | Path],
    out: str | Path,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    lang: str | None = None,
    actors: Sequence[str | Path] = (),
    chunk_size: int = CHUNK_SIZE,
    connect_timeout: float = 10.0,
    on_progress: Callable[[int], None] | None = None,
) -> BackfillReport:
    """Code every article of ``sources`` on a Dask cluster into Parquet partitions under ``out``.

    Args:
        sources: files and directories, as ``tocsin code`` takes them (Parquet files too).
        out: the partitions' folder, created if missing. Partitions already there are skipped.
        scheduler: address of a running Dask scheduler (``tcp://host:8786``); default a local cluster.
        workers: worker processes of the local cluster (one thread each); default ``os.cpu_count()``.
        lang, actors: as for ``tocsin code``.
        chunk_size: articles per partition.
        connect_timeout: seconds to wait for the scheduler and for a first worker.
        on_progress: called with the number of articles of each chunk done (coded or skipped).
    Returns:
        A :class:`BackfillReport`; input and coding failures are in ``failures``, never raised.
    RAISES:
        ConfigError for a bad option, ClusterError (E701) if the scheduler cannot be used, StoreError (E703)
        if ``out`` cannot be written.
    """
    workers = _check_options(scheduler, workers, chunk_size)
    root = _prepare_out(out)
    options = CodingOptions(lang=lang, actors=_read_actor_files(actors))
    fingerprint = options.fingerprint()
    report = BackfillReport(out=str(root))
    ingest = IngestReport()
    with _connect(scheduler, workers, connect_timeout) as client:
        report.workers, threads = _wait_for_workers(client, scheduler, connect_timeout)
        _warm_up(client, options)
        started = time.perf_counter()
        window = 2 * threads  # chunks in flight: enough to keep every worker busy, bounded memory
        from distributed import as_completed

        pending = as_completed(loop=client.loop)
        origins: dict[Any, tuple[int, str, int]] = {}
        failed: list[tuple[int, str, str]] = []  # (chunk, where, message): reported in input order, whatever finishes first
        for chunk_no, chunk in enumerate(_chunks(read_articles(sources, report=ingest), chunk_size, report)):
            key = partition_key([a.id for a in chunk], fingerprint)
            if partition_path(root, key).is_dir():
                _count_skipped(root, key, chunk_no, len(chunk), report, failed)
                if on_progress is not None:
                    on_progress(len(chunk))
                continue
            future = client.submit(code_chunk, chunk, options, key, chunk_no, pure=False)
            origins[future] = (chunk_no, chunk[0].origin or chunk[0].id, len(chunk))
            pending.add(future)
            while pending.count() >= window:
                _collect(next(pending), root, origins, report, failed, on_progress)
        for future in pending:
            _collect(future, root, origins, report, failed, on_progress)
        report.seconds = time.perf_counter() - started
    report.failures = [(f.path + (f":{f.line}" if f.line else ""), f.message) for f in ingest.failures]
    report.failures += [(where, message) for _, where, message in sorted(failed, key=lambda f: f[0])]
    return report


def load(
    directory: str | Path,
    store: Store,
    *,
    alerts: bool = True,
    on_progress: Callable[[int], None] | None = None,
) -> LoadReport:
    """Save the coded articles of every partition under ``directory`` into ``store``, then run the alert rules.

    Partitions are saved in input order, one transaction each, with ``store.save``: events merge as with
    ``tocsin code``, and articles already stored are skipped, so loading twice adds nothing. An unreadable
    partition is reported in ``failures`` and the others are loaded.

    alerts: run the alert rules (``tocsin.watch.run_alerts``) when events were added.
    RAISES: StoreError (E702) if ``directory`` is not a folder, or if the store fails.
    """
    root = Path(directory)
    if not root.is_dir():
        raise StoreError(Errors.E702.format(path=root, detail="no such directory; pass the --out folder of `tocsin backfill`"))
    report = LoadReport()
    ordered: list[tuple[int, Path]] = []
    for path in list_partitions(root):
        try:
            chunk, _ = read_partition_info(path)
        except TocsinError as exc:
            report.failures.append((str(path), str(exc)))
            continue
        ordered.append((chunk, path))
    for _, path in sorted(ordered):
        try:
            partition = read_partition(path)
        except TocsinError as exc:
            report.failures.append((str(path), str(exc)))
            continue
        report.partitions += 1
        report.articles_read += len(partition.articles)
        if partition.articles:
            saved = store.save(partition.articles)
            report.articles_added += saved.articles_added
            report.articles_known += saved.articles_skipped
            report.events_added += saved.events_added
        if on_progress is not None:
            on_progress(len(partition.articles))
    if alerts and report.events_added:
        from ..watch import run_alerts

        report.alerts_added = len(run_alerts(store).added)
    return report


def _check_options(scheduler: str | None, workers: int | None, chunk_size: int) -> int:
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1:
        raise ConfigError(Errors.E501.format(name="--chunk-size", value=chunk_size, hint="Expected a whole number >= 1."))
    if scheduler is not None:
        if workers is not None:
            hint = "--workers sizes the local cluster; with --scheduler, start the workers with `dask worker ADDRESS --nthreads 1`."
            raise ConfigError(Errors.E501.format(name="--workers", value=workers, hint=hint))
        return 0
    if workers is None:
        return os.cpu_count() or 1
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ConfigError(Errors.E501.format(name="--workers", value=workers, hint="Expected a whole number >= 1."))
    return workers


def _prepare_out(out: str | Path) -> Path:
    root = Path(out)
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(Errors.E703.format(path=root, detail=exc.strerror or exc)) from exc
    if not os.access(root, os.W_OK):
        raise StoreError(Errors.E703.format(path=root, detail="not writable"))
    if removed := remove_temporary(root):
        log.info("%s: removed %d temporary folder(s) left by an interrupted run", root, removed)
    return root


def _read_actor_files(actors: Sequence[str | Path]) -> tuple[tuple[str, str], ...]:
    files = []
    for path in actors:
        try:
            files.append((Path(path).name, Path(path).read_text(encoding="utf-8")))
        except FileNotFoundError:
            raise ConfigError(Errors.E503.format(path=path, detail="no such file")) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(Errors.E503.format(path=path, detail=getattr(exc, "strerror", None) or exc)) from None
    return tuple(files)


# The local cluster's worker processes go without Dask's MALLOC_TRIM_THRESHOLD_: to hand memory back eagerly it
# turns off glibc's adaptive thresholds, which makes spaCy ~12% slower (None unsets a variable; docs/scale.md).
_WORKER_ENVIRON = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}


@contextmanager
def _connect(scheduler: str | None, workers: int, timeout: float) -> Iterator[Client]:
    """A client of a new local cluster (``workers`` processes, one thread each) or of the scheduler at ``scheduler``."""
    import dask
    from distributed import Client, LocalCluster

    if scheduler is None:
        try:
            with dask.config.set(_WORKER_ENVIRON):
                cluster = LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR
                )
        except Exception as exc:
            raise ClusterError(Errors.E701.format(address="local cluster", detail=_detail(exc))) from exc
        try:
            with Client(cluster, set_as_default=False) as client:
                yield client
        finally:
            cluster.close()
        return
    _check_address(scheduler)
    try:
        client = Client(scheduler, timeout=timeout, set_as_default=False)
    except (OSError, ValueError, TypeError) as exc:  # refused, timed out, malformed or unknown scheme
        raise ClusterError(Errors.E701.format(address=scheduler, detail=_detail(exc))) from exc
    with client:
        yield client


def _check_address(address: str) -> None:
    """Refuse a malformed address before any connection is tried (a failed Client leaves its event loop behind)."""
    from distributed.comm.addressing import get_address_host_port

    try:
        host, port = get_address_host_port(address.strip())
    except ValueError as exc:  # no port, unknown scheme
        raise ClusterError(Errors.E701.format(address=address, detail=_detail(exc))) from exc
    if not host or not 0 < port < 65536:
        raise ClusterError(Errors.E701.format(address=address, detail="expected tcp://HOST:PORT with a port from 1 to 65535"))


def _wait_for_workers(client: Client, scheduler: str | None, timeout: float) -> tuple[int, int]:
    """The cluster's workers and threads (at least one worker must join within ``timeout``)."""
    try:
        client.wait_for_workers(1, timeout=timeout)
    except (OSError, TimeoutError) as exc:
        detail = f"no worker joined within {timeout:g} s; start some with `dask worker ADDRESS --nthreads 1`"
        raise ClusterError(Errors.E701.format(address=scheduler or "local cluster", detail=detail)) from exc
    workers = client.scheduler_info(n_workers=-1)["workers"]
    return len(workers), sum(int(w.get("nthreads", 1)) for w in workers.values()) or 1


def _warm_up(client: Client, options: CodingOptions) -> None:
    """Build the pipeline on every worker now: a bad option fails once, before any chunk is sent."""
    try:
        client.run(prepare_worker, options)
    except TocsinError:
        raise
    except Exception as exc:
        address = str(client.scheduler.address) if client.scheduler is not None else "scheduler"  # connected: never None
        raise ClusterError(Errors.E701.format(address=address, detail=f"a worker failed: {_detail(exc)}")) from exc


def _chunks(articles: Iterator[Article], size: int, report: BackfillReport) -> Iterator[list[Article]]:
    """Cut the input into chunks; an id seen earlier is dropped (the first wins, as with ``tocsin code``)."""
    seen: set[str] = set()
    chunk: list[Article] = []
    for article in articles:
        report.articles_read += 1
        if article.id in seen:
            report.articles_duplicate += 1
            continue
        seen.add(article.id)
        chunk.append(article)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _count_skipped(
    root: Path, key: str, chunk_no: int, n_articles: int, report: BackfillReport, failed: list[tuple[int, str, str]]
) -> None:
    report.partitions_skipped += 1
    report.articles_in_skipped += n_articles
    try:
        _, failures = read_partition_info(partition_path(root, key))
    except TocsinError as exc:
        failed.append((chunk_no, str(partition_path(root, key)), str(exc)))
        return
    failed.extend((chunk_no, where, message) for where, message in failures)  # a rerun reports them again, as `tocsin code` would


def _collect(
    future: Any,
    root: Path,
    origins: dict[Any, tuple[int, str, int]],
    report: BackfillReport,
    failed: list[tuple[int, str, str]],
    on_progress: Callable[[int], None] | None,
) -> None:
    chunk_no, origin, n_articles = origins.pop(future)
    try:
        result: ChunkResult = future.result()
    except TocsinError as exc:
        failed.append((chunk_no, origin, Errors.E704.format(chunk=chunk_no, origin=origin, detail=str(exc))))
    except Exception as exc:  # noqa: BLE001 - a task or its worker died: report the chunk, go on
        failed.append((chunk_no, origin, Errors.E704.format(chunk=chunk_no, origin=origin, detail=_detail(exc))))
    else:
        if write_partition(root, result.key, result.files):
            report.partitions_written += 1
        else:
            report.partitions_skipped += 1
        report.articles_coded += result.articles_coded
        report.events += result.events
        failed.extend((chunk_no, where, message) for where, message in result.failures)
    finally:
        future.release()
    if on_progress is not None:
        on_progress(n_articles)


# -- the worker side -------------------------------------------------------------------------------

_PIPELINES: dict[CodingOptions, Pipeline] = {}
_LOCK = threading.Lock()  # one pipeline per process; a worker with several threads codes one chunk at a time


def prepare_worker(options: CodingOptions) -> None:
    """Build this process's pipeline for ``options`` now (the client runs it on every worker before sending chunks)."""
    with _LOCK:
        _pipeline(options)


def _pipeline(options: CodingOptions) -> Pipeline:
    """This process's pipeline for ``options``, built on first use and kept (call with ``_LOCK`` held)."""
    pipeline = _PIPELINES.get(options)
    if pipeline is None:
        from ..coder import make_pipeline

        actor_paths: list[Path] = []
        if options.actors:
            folder = Path(tempfile.mkdtemp(prefix="tocsin-actors-"))
            for number, (name, text) in enumerate(options.actors):
                path = folder / f"{number}-{name}"
                path.write_text(text, encoding="utf-8")
                actor_paths.append(path)
        pipeline = make_pipeline(lang=options.lang, actors=actor_paths, batch_size=options.batch_size)
        _PIPELINES[options] = pipeline
    return pipeline


def code_chunk(articles: list[Article], options: CodingOptions, key: str, chunk: int) -> ChunkResult:
    """Code one chunk with this process's pipeline and encode its partition (the task each worker runs)."""
    from ..coder import code_articles

    with _LOCK:
        pipeline = _pipeline(options)
        start = len(pipeline.failures)
        coded = list(code_articles(articles, pipeline=pipeline))
        failures = [(f.origin or f.article_id, f.message) for f in pipeline.failures[start:]]
        del pipeline.failures[start:]  # the process lives on: keep its memory flat
    files = encode_partition(coded, key=key, chunk=chunk, failures=failures)
    return ChunkResult(
        key=key, chunk=chunk, files=files, articles_coded=len(coded), events=sum(len(a.events) for a in coded), failures=failures
    )


def _detail(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text.splitlines()[0]}" if text else type(exc).__name__


__all__ = ["CHUNK_SIZE", "BackfillReport", "ChunkResult", "CodingOptions", "LoadReport", "backfill", "code_chunk", "load", "prepare_worker"]
