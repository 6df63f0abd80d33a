"""Scale out: code large archives on a Dask cluster into Parquet partitions, and load them into the store.

``backfill(sources, out)`` codes on a local cluster or a running scheduler;
``load(out, store)`` saves the partitions with ``store.save`` and runs the
alert rules. The partition format is :mod:`tocsin.scale.partitions`
(``docs/scale.md``).
"""

from .backfill import CHUNK_SIZE, BackfillReport, CodingOptions, LoadReport, backfill, load

__all__ = ["CHUNK_SIZE", "BackfillReport", "CodingOptions", "LoadReport", "backfill", "load"]
