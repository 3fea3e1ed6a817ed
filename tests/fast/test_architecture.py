"""The import rules of docs/ARCHITECTURE.md, read from the code with `ast` (no imports run).

Module-level imports only: an import inside a function (a heavy library loaded on first
use) or under `if TYPE_CHECKING:` is not a dependency at import time.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("assistant", "ingest")
# the core of the assistant: answers questions; knows nothing of the web app or admin tab
CORE = (
    "assistant.qa",
    "assistant.service",
    "assistant.generate",
    "assistant.verify",
    "assistant.llm",
    "assistant.config",
    "assistant.types",
    "assistant.overview",
    "assistant.csv_safe",
)


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imported(node: ast.AST, module: str, is_package: bool) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        if node.level == 0:
            base = node.module or ""
        else:  # relative: from the module's package
            package = module.split(".") if is_package else module.split(".")[:-1]
            package = package[: len(package) - node.level + 1]
            base = ".".join([*package, node.module] if node.module else package)
        return [base] + [f"{base}.{alias.name}" for alias in node.names]
    return []


def module_imports(path: Path) -> set[str]:
    """Every module a file imports when it is imported (not in functions, not for typing)."""
    module = module_name(path)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    nodes = list(tree.body)
    while nodes:
        node = nodes.pop()
        if isinstance(node, ast.If):
            if not _is_type_checking(node):
                nodes += node.body + node.orelse
        elif isinstance(node, ast.Try):
            nodes += node.body + node.orelse + node.finalbody
            for handler in node.handlers:
                nodes += handler.body
        else:
            found.update(_imported(node, module, path.name == "__init__.py"))
    return found


def all_imports(path: Path) -> set[str]:
    """Every module a file names in an import anywhere (functions and typing included)."""
    module = module_name(path)
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        found.update(_imported(node, module, path.name == "__init__.py"))
    return found


def sources() -> list[Path]:
    return sorted(p for package in PACKAGES for p in (ROOT / package).rglob("*.py"))


def graph() -> dict[str, set[str]]:
    """Module -> the project modules it imports at import time."""
    modules = {module_name(p): p for p in sources()}
    edges: dict[str, set[str]] = {}
    for name, path in modules.items():
        edges[name] = {m for m in module_imports(path) if m in modules and m != name}
    return edges


def under(module: str, prefixes: tuple[str, ...] | str) -> bool:
    prefixes = (prefixes,) if isinstance(prefixes, str) else prefixes
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def violations(source: tuple[str, ...] | str, banned: tuple[str, ...] | str) -> list[str]:
    found = []
    for path in sources():
        name = module_name(path)
        if under(name, source):
            found += [f"{name} imports {m}" for m in sorted(all_imports(path)) if under(m, banned)]
    return found


@pytest.mark.parametrize(
    ("source", "banned"),
    [
        ("ingest", "assistant"),  # the index build knows nothing of the app
        (CORE, ("assistant.web", "assistant.admin", "assistant.__main__")),
        ("assistant.qa", ("gradio", "assistant.service", "assistant.generate")),
        ("assistant.admin", "assistant.web"),  # the web app adds the admin tab, not back
        # the web app only adds the admin tab (and names its Gate)
        (
            "assistant.web",
            ("assistant.admin.corpus", "assistant.admin.index", "assistant.admin.wording"),
        ),
    ],
    ids=str,
)
def test_import_rule(source, banned):
    assert violations(source, banned) == []


def test_gradio_only_in_the_web_app_and_the_admin_tab():
    allowed = ("assistant.web", "assistant.admin.tab")
    users = {module_name(p) for p in sources() if any(under(m, "gradio") for m in all_imports(p))}
    assert {u for u in users if not under(u, allowed)} == set()


def test_no_import_cycles():
    edges = graph()
    state: dict[str, int] = {}  # 1: on the path, 2: done
    cycles: list[list[str]] = []

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(edges[module]):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[module] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_the_architecture_page_names_every_package():
    page = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    packages = {module_name(p.parent / "__init__.py") for p in sources() if p.name == "__init__.py"}
    top = {p for p in packages if p.count(".") <= 1}
    missing = [p for p in sorted(top) if f"`{p.replace('.', '/')}/`" not in page]
    assert missing == []
