"""House rules of the package that a reader can check by eye but a test checks on every run (issue 14).

No function of the package is over :data:`MAX_LINES` lines (its ``def`` line to its last line, docstring included):
a longer one does several things, and is split by what it does (as ``run.code_sources`` is: inputs, coding, saving).
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "tocsin"
MAX_LINES = 80


def long_functions(source: str, where: str, limit: int = MAX_LINES) -> list[tuple[str, int]]:
    """``(where::qualified name, lines)`` of every function or method in ``source`` longer than ``limit`` lines."""
    found: list[tuple[str, int]] = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (child.end_lineno or child.lineno) - child.lineno + 1
                if lines > limit:
                    found.append((f"{where}::{prefix}{child.name}", lines))
                visit(child, f"{prefix}{child.name}.")
            elif isinstance(child, ast.ClassDef):
                visit(child, f"{prefix}{child.name}.")
            else:
                visit(child, prefix)

    visit(ast.parse(source), "")
    return found


def package_long_functions() -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        where = path.relative_to(PACKAGE.parent).as_posix()
        found.extend(long_functions(path.read_text(encoding="utf-8"), where))
    return found


def _listing(found: list[tuple[str, int]]) -> str:
    return "\n".join(f"  {name}: {lines} lines" for name, lines in found)


def test_long_functions_finds_functions_and_methods_at_any_depth() -> None:
    body = "\n".join(f"    x{i} = {i}" for i in range(5))
    source = (
        f"def short():\n    return 1\n\nclass C:\n    def method(self):\n        def inner():\n{body.replace('    ', '            ')}\n"
    )
    assert long_functions(source, "m.py", limit=5) == [("m.py::C.method", 7), ("m.py::C.method.inner", 6)]
    assert long_functions(source, "m.py", limit=6) == [("m.py::C.method", 7)]
    assert long_functions(source, "m.py", limit=7) == []


def test_the_walk_sees_the_whole_package() -> None:
    files = list(PACKAGE.rglob("*.py"))
    assert len(files) > 50 and PACKAGE / "run.py" in files and PACKAGE / "stages" / "events" / "__init__.py" in files


def test_no_function_over_the_limit() -> None:
    found = package_long_functions()
    assert not found, f"functions over {MAX_LINES} lines (split them by what they do):\n{_listing(found)}"
