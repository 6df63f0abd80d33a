"""No language's words in shared stage code: every word list lives in ``tocsin/languages/<code>/``.

The vocabulary is every word of the languages' word lists: ``language.toml`` (``[cues]`` except endings, and
``[lemma_fixes]``), ``dates.toml`` (month, weekday, number and relative-day words, weekday modifiers, "ago" units and
spans), ``geo.toml`` and ``arguments.toml``. The event dictionaries (``events.tsv``) are left out: their thousands of
lemmas and objects collide with the stages' identifiers, and triggers are read from the dictionary by design.

A string literal of a module under ``tocsin/stages/`` that equals such a word (case-insensitively) is flagged, except:

* literals that are identifiers by their place: docstrings, subscripts (``m["year"]``), the first
  argument of ``.get``/``.pop``/``.setdefault``/``getattr``, the arguments of ``resource_words``/``read_resource``;
* spaCy's labels (``spacy.glossary``: POS tags, dependency labels);
* tocsin's own values: language codes, date and place precisions, actor mention kinds, the keys of actor files and
  Event field names;
* the short list ``ALLOWED`` below, each with its reason.
"""

from __future__ import annotations

import ast
import dataclasses
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ROOT / "tocsin" / "languages"
STAGES = ROOT / "tocsin" / "stages"

ALLOWED = {
    "area": "an HTML element name (ingest/html.py's void elements), not text",
    "source": "an HTML element name (ingest/html.py's void elements), not text",
    "year": "a regular-expression group and a placeholder of dates.toml patterns ({year}), not text",
}

# Modules that still hold words, owned by other work of issue 14: each must lose its words, then leave this list (a
# module listed here that has become clean fails the test, so the list stays true).


def _words(values: Any) -> list[str]:
    if isinstance(values, str):
        return [values]
    if isinstance(values, dict):
        return [w for key, value in values.items() for w in [key, *_words(value)] if isinstance(w, str)]
    if isinstance(values, list):
        return [w for value in values for w in _words(value) if isinstance(w, str)]
    return []


def vocabulary() -> dict[str, str]:
    """Word (lower-cased) -> the resource file that lists it."""
    out: dict[str, str] = {}
    for folder in sorted(p for p in LANGUAGES.iterdir() if (p / "language.toml").is_file()):
        spec = tomllib.loads((folder / "language.toml").read_text(encoding="utf-8"))
        lists = [words for key, words in spec.get("cues", {}).items() if not key.endswith("endings")]
        lists.append(spec.get("lemma_fixes", {}))
        for name in ("dates", "geo", "arguments"):
            path = folder / f"{name}.toml"
            if path.is_file():
                data = tomllib.loads(path.read_text(encoding="utf-8"))
                lists += [value for key, value in data.items() if key not in ("rules", "fragments")]
        for word in _words(lists):
            out.setdefault(word.lower(), f"{folder.name}/")
    return out


def _identifier_literals(tree: ast.AST) -> set[int]:
    """ids of the string constants that are identifiers by their place in the code."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and body:
            if isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                skip.add(id(body[0].value))
        elif isinstance(node, ast.Subscript):
            skip.add(id(node.slice))
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name in ("resource_words", "read_resource"):
                skip.update(id(a) for a in node.args)
            elif name in ("get", "pop", "setdefault", "getattr", "hasattr") and node.args:
                skip.add(id(node.args[1] if name in ("getattr", "hasattr") and len(node.args) > 1 else node.args[0]))
    return skip


def _code_values() -> set[str]:
    """Labels and values that are tocsin's or spaCy's vocabulary, not a language's."""
    from spacy.glossary import GLOSSARY

    from tocsin.config import ActorEntryTable, ActorTerm
    from tocsin.languages import SUPPORTED
    from tocsin.models import Event
    from tocsin.stages.actors.dictionary import KINDS
    from tocsin.stages.dates import PRECISIONS as DATE_PRECISIONS
    from tocsin.stages.geo.gazetteer import PRECISIONS as PLACE_PRECISIONS

    mention_kinds = {*KINDS, "capital", "demonym", "role", "unknown"}
    fields = {f.name for f in dataclasses.fields(Event)}
    actor_file_keys = {*ActorEntryTable.model_fields, *ActorTerm.model_fields}
    import tocsin

    types = Path(tocsin.__file__).parent / "data" / "reference" / "cameo_actor_types.tsv"
    role_codes = {line.split("\t")[0] for line in types.read_text(encoding="utf-8").splitlines()[1:] if line.strip()}  # SEP, CVL
    values = {*SUPPORTED, *DATE_PRECISIONS, *PLACE_PRECISIONS, *mention_kinds, *fields, *actor_file_keys, *role_codes, *ALLOWED}
    return {v.lower() for v in values} | {label.lower() for label in GLOSSARY}


def findings() -> dict[str, list[tuple[int, str, str]]]:
    """Module (relative path) -> (line, literal, where the word is listed) of every flagged literal."""
    words = vocabulary()
    allowed = _code_values()
    out: dict[str, list[tuple[int, str, str]]] = {}
    for path in sorted(STAGES.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _identifier_literals(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
                key = node.value.lower()
                if key in words and key not in allowed:
                    out.setdefault(str(path.relative_to(ROOT)), []).append((node.lineno, node.value, words[key]))
    return out


def test_the_vocabulary_is_read_from_every_resource_file() -> None:
    words = vocabulary()
    # one word of each kind of list, in each language: the scan would miss them if the collection were wrong
    for word in ("mardi", "tuesday", "hier", "yesterday", "dix", "ten", "près", "near", "occupée", "occupied", "par", "by", "selon"):
        assert word in words, word


def test_stage_modules_hold_no_word_of_a_language() -> None:
    found = findings()
    assert not found, "words that belong in tocsin/languages/<code>/: " + repr(found)


def test_the_scan_flags_a_word_literal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The scan is not blind: a module comparing a token with French and English words is flagged, an identifier not."""
    fake = tmp_path / "tocsin" / "stages"
    fake.mkdir(parents=True)
    (fake / "leaky.py").write_text(
        'def f(tok, m):\n    """mardi"""\n    return tok.lower_ in ("hier", "yesterday") and m["hier"] and tok.dep_ == "nsubj"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(sys.modules[__name__], "STAGES", fake)
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    hits = findings()["tocsin/stages/leaky.py"]
    assert sorted(literal for _, literal, _ in hits) == ["hier", "yesterday"]
