"""Watching escalation: series per actor pair, the escalation ladder, and alerts.

The stages code, place, date and store events; this package reads the store:

* :mod:`~tocsin.watch.pairs`: which sides an event's pair has (country level or full codes);
* :mod:`~tocsin.watch.reports`: one row per merged event with its rung and nuclear signal;
* :mod:`~tocsin.watch.series`: daily and weekly series per pair, country or overall;
* :mod:`~tocsin.watch.ladder`: each pair's position on the escalation ladder;
* :mod:`~tocsin.watch.alerts`: rules (TOML) over the series, stored alerts, webhook.
"""

from .alerts import Alert, detect, list_alerts, load_rules, run_alerts
from .ladder import ladder, pairs
from .pairs import Pair, parse_pair, principal
from .reports import RUNGS
from .series import series

__all__ = [
    "RUNGS",
    "Alert",
    "Pair",
    "detect",
    "ladder",
    "list_alerts",
    "load_rules",
    "pairs",
    "parse_pair",
    "principal",
    "run_alerts",
    "series",
]
