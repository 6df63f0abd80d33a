"""The events stage's data model: a draft event (a trigger with its pattern, sources and targets, before it is framed
and emitted), the CAMEO codes the stage writes itself, and the patterns of its constructions."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...languages import Pattern
from ..actors import TokenActor
from .triggers import FORCE_ROOTS, Trigger

# Roots whose missing target is taken from the nearest other-country actor of the sentence (attacks have victims).
# Why a noun trigger names no act at all: a statement that reports only such a noun still states (010) ("said the
# success of the treaty will be the real test": no act is reported, the treaty is a circumstance).
_NOT_ACTS = frozenset(
    {
        "event noun in an adjunct or another noun's complement: circumstance",
        "counted or measured: a summary, not an act",
        "part of a name",
        "statement noun",
    }
)


_NEARBY_ROOTS = frozenset({"17", "18", "19", "20"})


# Speakers whose plain statements (010) report news rather than make policy: police and hospital spokespeople,
# media, companies, scholars, civilians. Their other acts (protest, accusation, demand) are coded as usual.
_NEWS_SOURCE_ROLES = frozenset({"COP", "MED", "HLH", "BUS", "EDU", "CVL"})


# Roots coded even when the perpetrator is not named.
_UNKNOWN_SOURCE_ROOTS = frozenset({"17", "18", "19", "20"})


_NOUN_CLIMB = ("obj", "obl", "obl:arg", "obl:mod", "nmod", "iobj", "xcomp", "dobj", "pobj", "prep", "conj", "appos")


@dataclass
class _Draft:
    trigger: Trigger
    pattern: Pattern
    code: str
    sources: list[TokenActor]
    targets: list[TokenActor]
    source_how: str
    target_how: str
    span: tuple[int, int]  # token span of the trigger words
    rule: str
    hypothetical: bool = False
    negated: bool = False
    reported: bool = False
    absorbed: bool = False
    wrappers: list[str] = field(default_factory=list)
    # actors named with the weapon it fires ("Iranian-made missiles"): its supplier, never its target
    instruments: list[TokenActor] = field(default_factory=list)


_ARMED_OR_STATE = frozenset({"MIL", "REB", "INS", "SEP", "UAF", "IMG", "COP", "SPY", "GOV", "PKO", "JUD", "LEG", "ELI"})


_FORCE_ROOTS = FORCE_ROOTS  # assault, fight, mass violence: the uses of force
_FORCEFUL_ROOTS = frozenset({"13", "14", "15", "16", "17"}) | _FORCE_ROOTS  # threats, protests, force and coercion
_GENERIC_FORCE = frozenset({"180", "190"})  # force whose kind a more precise event noun may name


_PARTNERED_ROOTS = frozenset({"05"})  # acts given to someone: with no one named, no event (measured: 05 only)


_COMMERCIAL_ROOTS = frozenset({"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"})


ALLEGATION = "112"  # CAMEO: accuse, not specified below


CRITICISM = "111"  # CAMEO: criticize or denounce


THREAT = "130"  # CAMEO: threaten, not specified below


INTENT = "030"  # CAMEO: express intent to cooperate, not specified below


_Arguments = tuple[list[TokenActor], list[TokenActor], str, str]


_STATE_ROLES = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "ELI", "PTY"})


_CONTENT_ROOTS = frozenset({"02", "10", "11", "12", "13"})


# Statements that are acts of their own whatever they report: claiming or acknowledging responsibility, denying.
_OWN_STATEMENTS = frozenset({"015", "016"})


_NAMING_PATTERN = Pattern(id="naming", kind="verb", lemmas=("*",), objects=frozenset(), cameo="111", roles=frozenset())


_JUDGEMENT_PATTERN = Pattern(id="quoted_judgement", kind="noun", lemmas=("*",), objects=frozenset(), cameo=CRITICISM, roles=frozenset())


_DEMAND_PATTERN = Pattern(id="reported_obligation", kind="verb", lemmas=("*",), objects=frozenset(), cameo="100", roles=frozenset())
