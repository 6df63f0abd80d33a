"""House rules of the package that a reader can check by eye but a test checks on every run (issue 14).

No function of the package is over :data:`MAX_LINES` lines (its ``def`` line to its last line, docstring included):
a longer one does several things, and is split by what it does (as ``run.code_sources`` is: inputs, coding, saving).
"""

from __future__ import annotations

import ast
import re
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


def _inline_messages(source: str) -> list[int]:
    """Lines of string literals (not docstrings) that start a coded message: "[E601] ...", f"[E601] {path}..."."""
    coded = re.compile(r"\[[EW]\d{3}\] ")
    tree = ast.parse(source)
    docstrings = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)}
    parts = {id(value) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for value in node.values}
    lines: list[int] = []
    for node in ast.walk(tree):
        first = node.values[0] if isinstance(node, ast.JoinedStr) and node.values else node
        if (
            isinstance(first, ast.Constant)
            and isinstance(first.value, str)
            and id(node) not in docstrings | parts
            and coded.match(first.value)
        ):
            lines.append(node.lineno)
    return lines


def test_inline_messages_are_found() -> None:
    source = 'x = f"[E605] Invalid {name}"\ny = "[E606] no"\nz = s.startswith("[E308]")\n"""[E001] a docstring"""\n'
    assert _inline_messages(source) == [1, 2]


def test_every_coded_message_comes_from_the_catalogue() -> None:
    """Codes are tocsin.errors' alone: a message that writes its own "[E6xx] ..." inline can collide with another
    module's code (the interop messages once reused the feeds' E601-E606)."""
    found = [
        f"{path.relative_to(PACKAGE.parent).as_posix()}:{line}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "errors.py"
        for line in _inline_messages(path.read_text(encoding="utf-8"))
    ]
    assert not found, "coded messages written inline (add them to tocsin/errors.py):\n" + "\n".join(found)


def test_catalogue_codes_are_unique() -> None:
    from tocsin import errors

    source = Path(errors.__file__).read_text(encoding="utf-8")
    codes = re.findall(r"^    ([EW]\d{3}) = ", source, flags=re.MULTILINE)
    assert len(codes) > 50 and len(codes) == len(set(codes)), sorted(c for c in codes if codes.count(c) > 1)
