"""Registries: tocsin's named, replaceable parts.

In the manner of spaCy's registry: a part (a pipeline stage, an export format, an alert kind) is registered under a
name with a decorator, and the configuration (``default_config.toml``) and the command line refer to it by that name::

    from tocsin import registry

    @registry.exports.register("plover")
    def write_plover(events, out): ...

    registry.exports.get("plover")   # the function; an unknown name raises ConfigError E511

A registry only maps names to objects; what an object must look like is said where its kind is used.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Generic, TypeVar, cast

from .errors import ConfigError, Errors

T = TypeVar("T")
F = TypeVar("F")  # the decorated object keeps its own type (a factory's signature stays checked)


class Registry(Generic[T]):
    """Names to objects of one kind. ``kind`` names it in errors; ``attr`` is its name in this module."""

    def __init__(self, kind: str, attr: str) -> None:
        self.kind = kind
        self.attr = attr
        self._items: dict[str, T] = {}

    def register(self, name: str) -> Callable[[F], F]:
        """Decorator: register the decorated object under ``name`` (twice under one name is an error, E512)."""

        def add(obj: F) -> F:
            first = self._items.get(name)
            if first is not None and first is not obj:
                raise ConfigError(Errors.E512.format(kind=self.kind, name=name, first=_where(first), second=_where(obj)))
            self._items[name] = cast(T, obj)
            return obj

        return add

    def get(self, name: str) -> T:
        """The object registered under ``name``; ConfigError E511 naming the registered ones otherwise."""
        try:
            return self._items[name]
        except KeyError:
            known = ", ".join(sorted(self._items)) or "none"
            raise ConfigError(Errors.E511.format(kind=self.kind, name=name, known=known, attr=self.attr)) from None

    def names(self) -> list[str]:
        """Registered names, sorted."""
        return sorted(self._items)

    def __contains__(self, name: object) -> bool:
        return name in self._items

    def __iter__(self) -> Iterator[str]:
        return iter(self.names())

    def __len__(self) -> int:
        return len(self._items)


def _where(obj: object) -> str:
    module = getattr(obj, "__module__", None) or type(obj).__module__
    name = getattr(obj, "__qualname__", None) or type(obj).__qualname__
    return f"{module}.{name}"


#: Pipeline stages: factories ``(**settings) -> stage`` (a class or a function); the settings are the keys of the stage's
#: ``[stages.NAME]`` table in the configuration, checked against the factory's signature. A stage is a callable
#: ``Article -> Article`` with ``name``, ``requires`` and ``assigns`` (see :mod:`tocsin.pipeline`).
stages: Registry[Callable[..., Any]] = Registry("stage", "stages")
#: Export formats: writers ``(events, out_path) -> rows written`` of stored events (dicts) to a file format.
exports: Registry[Callable[..., Any]] = Registry("export format", "exports")
#: Alert kinds: detectors that turn series into alerts.
alert_kinds: Registry[Callable[..., Any]] = Registry("alert kind", "alert_kinds")

__all__ = ["Registry", "alert_kinds", "exports", "stages"]
