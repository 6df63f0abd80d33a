"""Answers computed from a store, kept while the store holds the same data.

One least-recently-used cache keyed by what was asked and by the store's
:meth:`~tocsin.store.Store.data_version` serves the REST API's whole answers (``tocsin.api.state``) and the watch
layer's shared pieces (``tocsin.watch.memo``).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from .base import Store


class ResultCache:
    """The last ``size`` answers of the escalation endpoints and the map, keyed by request and by the data they were
    computed from.

    Series, ladders and pair lists read every event of a pair (or of the
    store): ~100-300 ms over a million events, and a dashboard asks for the
    same ones again and again. An answer is reused only while the store's
    events and merged events have the same row counts (reports are only ever
    added, and each adds a row), so a write through any connection makes older
    answers unreachable; writes through this server also clear the cache
    (:meth:`clear`). Other processes write the same file between requests
    (the server holds it only while it answers), and their rows change the counts.

    Bounded twice: at most ``size`` answers and ``max_bytes`` bytes of them (an answer that is ``bytes`` or ``str``
    counts its length, anything else counts 0), least recently used dropped first; an answer larger than
    ``max_bytes`` is returned and not kept.
    """

    def __init__(self, size: int = 256, max_bytes: int = 64_000_000) -> None:
        self.size = size
        self.max_bytes = max_bytes
        self.bytes = 0  # held now
        self._answers: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, store: Store, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The answer to ``key`` for the data ``store`` holds now, computed by ``compute()`` when not known."""
        full_key = (key, store.data_version())
        with self._lock:
            if full_key in self._answers:
                self._answers.move_to_end(full_key)
                return self._answers[full_key]
        answer = compute()
        weight = _weight(answer)
        if weight > self.max_bytes:
            return answer
        with self._lock:
            if full_key in self._answers:  # computed twice side by side
                self.bytes -= _weight(self._answers.pop(full_key))
            self._answers[full_key] = answer
            self.bytes += weight
            while len(self._answers) > self.size or self.bytes > self.max_bytes:
                self.bytes -= _weight(self._answers.popitem(last=False)[1])
        return answer

    def __len__(self) -> int:
        return len(self._answers)

    def clear(self) -> None:
        """Forget every answer (after a write)."""
        with self._lock:
            self._answers.clear()
            self.bytes = 0


def _weight(answer: Any) -> int:
    return len(answer) if isinstance(answer, (bytes, str)) else 0


__all__ = ["ResultCache"]
