"""Layering rules of formal_emergence, checked on the import statements of every module (ast)."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent.parent / "formal_emergence"
BACKENDS = ("sympy", "z3", "mpmath", "numpy")


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@functools.cache
def parsed(path: Path) -> ast.Module:
    """The syntax tree of one module, parsed once for this test module (the tests only read it)."""
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


@functools.cache
def imported_modules(path: Path) -> frozenset[str]:
    """Absolute names of every module ``path`` imports (relative imports resolved; both the
    module and ``module.name`` are listed for ``from module import name``)."""
    tree = parsed(path)
    me = module_name(path)
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base_parts = package.split(".")
                base_parts = base_parts[: len(base_parts) - (node.level - 1)]
                base = ".".join(base_parts + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            out.add(base)
            out.update(f"{base}.{a.name}" for a in node.names)
    return frozenset(out)


def all_modules() -> dict[str, frozenset[str]]:
    return {str(p.relative_to(PACKAGE)): imported_modules(p) for p in sorted(PACKAGE.rglob("*.py"))}


def uses(imports: frozenset[str], name: str) -> bool:
    return any(m == name or m.startswith(name + ".") for m in imports)


def violations(subpackage: str, forbidden: list[str]) -> list[str]:
    out = []
    for file, imports in all_modules().items():
        if file.startswith(subpackage + "/"):
            out += [f"{file} imports {f}" for f in forbidden if uses(imports, f)]
    return out


def test_resolver_sanity():
    imports = imported_modules(PACKAGE / "engine" / "check.py")
    assert "formal_emergence.solver.z3_backend" in imports
    assert "formal_emergence.symbolic.sympy_layer" in imports
    assert uses(imported_modules(PACKAGE / "solver" / "z3_backend.py"), "z3")
    assert len(all_modules()) > 15


@pytest.mark.parametrize("layer", ["model", "parse"])
def test_model_and_parse_import_no_backend(layer):
    assert violations(layer, list(BACKENDS)) == []


def test_solver_layer():
    assert violations("solver", ["sympy", "mpmath", "numpy", "formal_emergence.symbolic",
                                 "formal_emergence.numeric", "formal_emergence.engine"]) == []


def test_numeric_layer():
    assert violations("numeric", ["z3", "sympy", "formal_emergence.solver", "formal_emergence.symbolic",
                                  "formal_emergence.engine"]) == []


def test_symbolic_layer():
    assert violations("symbolic", ["z3", "mpmath", "formal_emergence.solver", "formal_emergence.numeric",
                                   "formal_emergence.engine"]) == []


def test_only_solver_imports_z3():
    offenders = [f for f, imports in all_modules().items() if uses(imports, "z3") and not f.startswith("solver/")]
    assert offenders == []


def test_only_numeric_imports_mpmath():
    offenders = [f for f, imports in all_modules().items()
                 if uses(imports, "mpmath") and not f.startswith("numeric/")]
    assert offenders == []


def test_model_imports_nothing_outside_model():
    for file, imports in all_modules().items():
        if file.startswith("model/"):
            internal = {m for m in imports if m.startswith("formal_emergence")}
            assert all(m.startswith("formal_emergence.model") for m in internal), (file, internal)


@pytest.mark.parametrize("file", ["report/jsonout.py", "report/text.py"])
def test_plain_reports_import_no_backend(file):
    """jsonout and text are pure data -> text functions (their docstrings promise no backend import)."""
    imports = imported_modules(PACKAGE / file)
    assert [m for m in BACKENDS if uses(imports, m)] == []


def test_only_the_sandbox_child_executes_code_and_it_imports_nothing_of_ours():
    """Document code runs only in snippets/_sandbox.py, a standalone script started as a separate process."""
    callers = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(parsed(path)):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("exec", "eval",
                                                                                                  "compile"):
                callers.append(str(path.relative_to(PACKAGE)))
    assert sorted(set(callers)) == ["snippets/_sandbox.py"]
    sandbox_imports = imported_modules(PACKAGE / "snippets" / "_sandbox.py")
    assert not any(m.startswith("formal_emergence") for m in sandbox_imports)
    assert not any(uses(imports, "formal_emergence.snippets._sandbox") for imports in all_modules().values())
