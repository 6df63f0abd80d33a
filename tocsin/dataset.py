"""The Python API: ``tocsin.open(path).events(...)`` returns a pandas DataFrame.

DOCS: README.md, "From Python".
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from .store import EventFilter, Store, open_store

if TYPE_CHECKING:
    import pandas as pd


class Dataset:
    """A tocsin database opened for analysis (read-only by default).

    The file is opened for each call and closed after it, so a notebook that keeps a Dataset
    never holds the database: ``tocsin code`` and ``tocsin serve`` can write it between calls.
    """

    def __init__(self, path: str | Path = "tocsin.duckdb", *, read_only: bool = True) -> None:
        self.store: Store = open_store(path, read_only=read_only, keep_open=False)

    def events(self, where: EventFilter | None = None, *, limit: int | None = None, **filters: Any) -> pd.DataFrame:
        """Stored events as a DataFrame (one row per report, merged ids and counts).

        where, filters: which events, in the vocabulary of ``tocsin events`` and ``GET /api/events``
            (:class:`~tocsin.store.filters.EventFilter`: ``actor=``, ``dyad=("RUS", "UKR")``, ``pair="RUS>UKR"``,
            ``source=``, ``target=``, ``since=``, ``until=``, ``code=``, ``root=``, ``quad=``, ``country=``, ``lang=``,
            ``q=``, ``nuclear=``, ``article_id=``).
        """
        import pandas as pd

        rows = self.store.events(where, limit=limit, **filters)
        columns = getattr(self.store, "event_columns", None)
        # an empty result keeps its columns, so frame[["cameo"]] works whatever the filters matched
        frame = pd.DataFrame(rows) if rows or columns is None else pd.DataFrame(columns=columns())
        if "event_date" in frame:
            frame["event_date"] = pd.to_datetime(frame["event_date"], errors="coerce")
        return frame

    def series(self, pair: str | None = None, **options: Any) -> pd.DataFrame:
        """Weekly (or ``freq="day"``) series of a pair ("RUS>IGOWSTNAT", "RUS-UKR"), a ``country=``, or everything."""
        from .watch import series

        with self.store.session():
            return series(self.store, pair=pair, **options)

    def ladder(self, pair: str | None = None, **options: Any) -> pd.DataFrame:
        """Each pair's position on the escalation ladder, with its evidence."""
        from .watch import ladder

        with self.store.session():
            return ladder(self.store, pair=pair, **options)

    def alerts(self, **filters: Any) -> pd.DataFrame:
        """Stored alerts (``pair=``, ``rule=``, ``since=``), newest first."""
        import pandas as pd

        from .watch import list_alerts

        with self.store.session():
            return pd.DataFrame(list_alerts(self.store, **filters))

    def articles(self, *, limit: int | None = None) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame(self.store.articles(limit=limit))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_dataset(path: str | Path = "tocsin.duckdb", *, read_only: bool = True) -> Dataset:
    """Open a tocsin database: ``tocsin.open("tocsin.duckdb").events(dyad=("RUS", "UKR"))``."""
    return Dataset(path, read_only=read_only)


__all__ = ["Dataset", "open_dataset"]
