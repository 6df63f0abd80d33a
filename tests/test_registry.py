"""tocsin.registry: names to parts, with coded errors for unknown and doubled names."""

import pytest

from tocsin.errors import ConfigError
from tocsin.registry import Registry


def test_register_and_get() -> None:
    reg: Registry[object] = Registry("widget", "widgets")

    @reg.register("round")
    def round_widget() -> str:
        return "round"

    assert reg.get("round") is round_widget
    assert "round" in reg and "square" not in reg
    assert reg.names() == ["round"] and list(reg) == ["round"] and len(reg) == 1


def test_unknown_name_lists_known_ones() -> None:
    reg: Registry[object] = Registry("widget", "widgets")
    reg.register("round")(object())
    with pytest.raises(ConfigError, match=r"\[E511\] Unknown widget 'square' \(registered: round\)"):
        reg.get("square")


def test_same_name_twice_is_an_error_but_reregistering_the_same_object_is_not() -> None:
    reg: Registry[object] = Registry("widget", "widgets")
    obj = object()
    reg.register("round")(obj)
    reg.register("round")(obj)
    with pytest.raises(ConfigError, match=r"\[E512\] widget 'round' is registered twice"):
        reg.register("round")(object())
