"""A house a newcomer can find their way in: no module over 400 lines, no function over 60.

Declarative data may be listed as an exception; the lists may only shrink.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
KNOWN_LONG_MODULES: set[str] = set()
KNOWN_LONG_FUNCTIONS: set[str] = set()


def sources() -> list[Path]:
    return sorted([*ROOT.glob("assistant/**/*.py"), *ROOT.glob("ingest/**/*.py"), ROOT / "app.py"])


def test_no_module_is_over_the_limit():
    lines = {p.relative_to(ROOT).as_posix(): len(p.read_text().splitlines()) for p in sources()}
    long = {p for p, n in lines.items() if n > MAX_MODULE_LINES}
    assert long - KNOWN_LONG_MODULES == set()


def test_no_function_is_over_the_limit():
    long = set()
    for path in sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            function = isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            if function and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES:
                long.add(f"{path.relative_to(ROOT).as_posix()}:{node.name}")
    assert long - KNOWN_LONG_FUNCTIONS == set()
