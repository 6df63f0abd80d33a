"""Answers of the watch layer kept between calls, for a store whose reader asked for it (the API server).

Series, ladders and pair lists of one server share work: every series needs the whole store's events per period
(``total``), every pair list and ladder the latest day stored, and a pair list asked with another ``limit`` is the
same ranking cut elsewhere. :func:`remember` keeps such answers per store, keyed by what was asked and by the store's
:meth:`~tocsin.store.Store.data_version` (rows in events and merged events: reports are only ever added, and each
adds a row), so a write through any connection or process makes older answers unreachable.

Only stores passed to :func:`keep_answers` keep anything (reading ``data_version`` costs a query, which a one-off
call from the command line would pay for nothing); for the others :func:`remember` just computes.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Hashable
from typing import TypeVar

from ..store import Store
from ..store.answers import ResultCache

T = TypeVar("T")

#: Answers kept per store, least recently used dropped first.
MEMO_SIZE = 256

_memos: weakref.WeakKeyDictionary[Store, ResultCache] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def keep_answers(store: Store) -> None:
    """Let :func:`remember` keep answers computed from ``store`` (until it is garbage-collected)."""
    with _lock:
        _memos.setdefault(store, ResultCache(size=MEMO_SIZE))


def keeps_answers(store: Store) -> bool:
    """Whether :func:`remember` keeps answers computed from ``store``."""
    with _lock:
        return store in _memos


def remember(store: Store, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, or the value it gave for ``key`` while the store held the same data (see the module).

    Callers treat the value as read-only: the same object is handed to every call that asks for it.
    """
    with _lock:
        memo = _memos.get(store)
    if memo is None:
        return compute()
    value: T = memo.get(store, key, compute)
    return value


__all__ = ["MEMO_SIZE", "keep_answers", "keeps_answers", "remember"]
