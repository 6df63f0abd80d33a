"""Watch results as plain rows: what the CLI prints and the REST API answers."""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Any


def records(frame: Any) -> list[dict[str, Any]]:
    """The rows of a DataFrame as JSON-ready dicts: ISO dates, None for NaN, Python numbers and lists."""
    return [{key: plain(value) for key, value in row.items()} for row in frame.to_dict("records")]


def plain(value: Any) -> Any:
    """One value as JSON has it: dates as ISO strings, NaN and NaT as None, numpy scalars and arrays as Python ones."""
    kind = type(value)  # the plain Python values first (exact types: numpy's float64 is a float that .item() unwraps)
    if kind is str or kind is int or kind is bool or value is None:
        return value
    if kind is float:
        return None if math.isnan(value) else value
    if kind is dict:
        return {str(k): plain(v) for k, v in value.items()}
    import pandas as pd

    if value is pd.NaT:
        return None
    if isinstance(value, (date, datetime)):  # pandas Timestamps are datetimes
        return value.date().isoformat() if isinstance(value, datetime) else value.isoformat()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)) or hasattr(value, "tolist"):
        items = value.tolist() if hasattr(value, "tolist") else value
        return [plain(v) for v in items] if isinstance(items, list) else plain(items)
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if hasattr(value, "item"):  # numpy scalar
        return plain(value.item())
    return value


__all__ = ["plain", "records"]
