"""The code's structure, checked on its syntax trees: the engine reads the rule-set loader's types
only (the loader imports the engine's vocabulary of kinds, never the other way round), no module
imports another's private names, and no object's attributes are written through its __dict__
from outside."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = (ROOT / "donation_checker", ROOT / "donation_checker_gui")


def modules() -> Iterator[tuple[Path, ast.Module]]:
    for package in PACKAGES:
        for path in sorted(package.rglob("*.py")):
            yield path, ast.parse(path.read_text("utf-8"), str(path))


def runtime_imports(tree: ast.Module) -> Iterator[ast.ImportFrom]:
    """`from … import …` statements that run when the module is imported or used (those under
    `if TYPE_CHECKING:` do not)."""

    def walk(node: ast.AST) -> Iterator[ast.ImportFrom]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                yield from (n for c in child.orelse for n in walk_one(c))
                continue
            yield from walk_one(child)

    def walk_one(node: ast.AST) -> Iterator[ast.ImportFrom]:
        if isinstance(node, ast.ImportFrom):
            yield node
        yield from walk(node)

    yield from walk(tree)


def test_the_engine_never_imports_the_rule_set_loader_at_run_time() -> None:
    engine = ROOT / "donation_checker" / "engine"
    offenders = [
        f"{path.name}:{node.lineno}"
        for path, tree in modules()
        if path.parent == engine
        for node in runtime_imports(tree)
        if node.module == "ruleset" and node.level == 2
    ]
    assert not offenders


def test_no_module_imports_private_names_of_another() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{node.lineno} {alias.name}"
        for path, tree in modules()
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module != "__future__"
        for alias in node.names
        if alias.name.startswith("_") and not alias.name.endswith("__")
    ]
    assert not offenders


def test_no_object_has_its_attributes_written_through_its_dict_from_outside() -> None:
    offenders = []
    for path, tree in modules():
        for node in ast.walk(tree):
            target = None
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                if node.func.attr in ("update", "__setitem__", "setdefault"):
                    target = node.func.value
            elif isinstance(node, ast.Assign | ast.AugAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                target = next((t.value for t in targets if isinstance(t, ast.Subscript)), None)
            if (
                isinstance(target, ast.Attribute)
                and target.attr == "__dict__"
                and not (isinstance(target.value, ast.Name) and target.value.id == "self")
            ):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not offenders


def test_the_engine_keeps_no_memo_under_string_names() -> None:
    engine = ROOT / "donation_checker" / "engine"
    for path in engine.glob("*.py"):
        assert "_memoised(" not in path.read_text("utf-8"), path.name
