"""What ``tocsin watch`` remembers in the store: each feed's validators, and each item seen (migration 0010).

An item is *done* when its row says ``stored``, ``duplicate`` or ``failed`` (a permanent error), or when an
article with its canonical URL as id is stored. Before an item is saved its row says ``pending``; a pass
that was killed between the save and the row's update leaves it so, and the next pass settles it from the
articles table (:meth:`FeedState.settle`). Each method runs its own statements through the store (:meth:`Store.write`):
call them inside ``store.session()`` (``write=True`` for the writing ones).

The SQL is plain (``?`` placeholders, ``INSERT ... ON CONFLICT ... DO UPDATE``), the same on DuckDB and
PostgreSQL except for the placeholder style.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from ..store import Store
from .config import Feed

#: Statuses of a done item.
DONE = ("stored", "duplicate", "failed")
_CHUNK = 500


class FeedState:
    """The ``feeds`` and ``feed_items`` tables of ``store``."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self.store.write(sql, params)

    # -- feeds -----------------------------------------------------------------

    def validators(self, feed: Feed) -> dict[str, str]:
        """The conditional-GET headers for ``feed`` (``If-None-Match``, ``If-Modified-Since``) from its last full read."""
        rows = self._execute("SELECT etag, last_modified FROM feeds WHERE url = ?", [feed.url])
        headers: dict[str, str] = {}
        if rows:
            etag, modified = rows[0]
            if etag:
                headers["If-None-Match"] = etag
            if modified:
                headers["If-Modified-Since"] = modified
        return headers

    def checked(self, feed: Feed, *, etag: str | None = None, last_modified: str | None = None, keep: bool = True) -> None:
        """Record that ``feed`` was fetched now; with ``keep=False`` its new validators replace the old ones
        (only once every item of the response was handled, so a 304 never hides an item left undone)."""
        now = _now()
        if keep:
            self._execute(
                "INSERT INTO feeds (url, name, checked_at) VALUES (?, ?, ?) "
                "ON CONFLICT (url) DO UPDATE SET name = excluded.name, checked_at = excluded.checked_at",
                [feed.url, feed.name, now],
            )
            return
        self._execute(
            "INSERT INTO feeds (url, name, etag, last_modified, checked_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (url) DO UPDATE SET name = excluded.name, etag = excluded.etag, "
            "last_modified = excluded.last_modified, checked_at = excluded.checked_at",
            [feed.url, feed.name, etag, last_modified, now],
        )

    # -- items -----------------------------------------------------------------

    def settle(self) -> int:
        """Mark ``stored`` the pending items whose article is stored (a pass killed after the save); RETURNS how many."""
        rows = self._execute("SELECT count(*) FROM feed_items WHERE status = 'pending' AND article_id IN (SELECT id FROM articles)")
        count = int(rows[0][0]) if rows else 0
        if count:
            self._execute("UPDATE feed_items SET status = 'stored' WHERE status = 'pending' AND article_id IN (SELECT id FROM articles)")
        return count

    def done(self, urls: Sequence[str]) -> set[str]:
        """The canonical URLs among ``urls`` that are done: a done row, or a stored article with that id."""
        found: set[str] = set()
        for chunk in _chunks(list(dict.fromkeys(urls))):
            marks = ", ".join("?" for _ in chunk)
            done = ", ".join(f"'{s}'" for s in DONE)
            found.update(r[0] for r in self._execute(f"SELECT url FROM feed_items WHERE url IN ({marks}) AND status IN ({done})", chunk))
            found.update(r[0] for r in self._execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk))
        return found

    def duplicate_of(self, content_hash: str, url: str) -> str | None:
        """The article another URL stored with the same text (hash ``content_hash``), or an article coded from a file
        with that text (its id is the hash); None when the text is new."""
        rows = self._execute(
            "SELECT article_id FROM feed_items WHERE content_hash = ? AND url <> ? AND status = 'stored' ORDER BY seen_at LIMIT 1",
            [content_hash, url],
        )
        if rows:
            return str(rows[0][0])
        rows = self._execute("SELECT id FROM articles WHERE id = ?", [content_hash])
        return str(rows[0][0]) if rows else None

    def mark(
        self,
        url: str,
        *,
        feed: Feed,
        status: str,
        content_hash: str | None = None,
        article_id: str | None = None,
        detail: str | None = None,
    ) -> None:
        """Record (or update) the item ``url``: ``pending``, ``stored``, ``duplicate`` or ``failed``."""
        self._execute(
            "INSERT INTO feed_items (url, feed, content_hash, article_id, status, detail, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (url) DO UPDATE SET content_hash = excluded.content_hash, article_id = excluded.article_id, "
            "status = excluded.status, detail = excluded.detail",
            [url, feed.url, content_hash, article_id, status, detail, _now()],
        )

    def items(self) -> list[dict[str, Any]]:
        """Every item row, oldest first (for tests and debugging)."""
        names = ("url", "feed", "content_hash", "article_id", "status", "detail", "seen_at")
        rows = self._execute(f"SELECT {', '.join(names)} FROM feed_items ORDER BY seen_at, url")
        return [dict(zip(names, row)) for row in rows]


def _chunks(values: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


__all__ = ["DONE", "FeedState"]
