"""Hostile claim files: nothing is executed, every rejection is one located line, exit code 2.

Each file is written under tmp_path and checked with ``cli.run(["check", path])`` while the
working directory is tmp_path, so a successful injection would leave a file there.
"""

from __future__ import annotations

import ast
import os
from pathlib import Path

import pytest
from tests.conftest import message_lines
from formal_emergence.cli import reading_line

PACKAGE = Path(__file__).resolve().parent.parent.parent / "formal_emergence"
SOURCE = 'source = { document = "d.txt", section = "s", quote = "q" }'


def toml_basic_string(text: str) -> str:
    """``text`` as a TOML basic string (escaped, so any characters survive)."""
    body = text.replace("\\", "\\\\").replace('"', '\\"')
    body = "".join(f"\\u{ord(ch):04x}" if ord(ch) < 0x20 or ord(ch) == 0x7F else ch for ch in body)
    return '"' + body + '"'


def claim_file(tmp_path: Path, show: str, *, symbols: str = 'x = "real"', name: str = "hostile.toml") -> Path:
    path = tmp_path / name
    path.write_text(f'[[claim]]\nid = "h.claim"\ntitle = "hostile"\nkind = "theorem"\n{SOURCE}\n'
                    f'symbols = {{ {symbols} }}\nshow = {toml_basic_string(show)}\n', encoding="utf-8")
    return path


@pytest.fixture()
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def assert_rejected(cli_run, located, path: Path, key_prefix: str = "claim.h.claim.") -> str:
    code, out, err = cli_run(["check", str(path)])
    assert code == 2, (code, err[:300])
    assert "Traceback" not in err
    lines = message_lines(err)
    assert len(lines) == 1, err[:500]
    m = located.match(lines[0])
    assert m, lines[0][:300]
    assert m.group("file") == str(path)
    assert (m.group("key") or "").startswith(key_prefix) or key_prefix == "", m.group("key")
    assert out == reading_line([str(path)])  # the first line, then nothing
    return lines[0]


def no_pwned(*dirs: Path) -> None:
    for d in dirs:
        assert not list(Path(d).rglob("PWNED")), f"PWNED created under {d}"


HOSTILE_EXPRESSIONS = {
    "import_system": "__import__('os').system('touch PWNED')",
    "class_bases": "().__class__.__bases__",
    "dunder_attribute": "x.__class__",
    "lambda_call": "(lambda: 1)()",
    "f_string": 'f"{x}"',
    "one_megabyte": "x + " * 250_000 + "x > 0",
    "deep_nesting": "(" * 10_000 + "x" + ")" * 10_000,
    "subscript": "x[0] > 1",
    "keyword_call": "exp(x=1) > 0",
    "walrus": "(y := 1) > 0",
    "generator": "sum(i for i in x) > 0",
    "builtins_name": "__builtins__ > 0",
    "open_call": "open('PWNED', 'w')",
    "string_literal": "'rm -rf /' > 0",
    "bytes_literal": "b'x' > 0",
    "list_display": "[x, x] > 0",
    "dict_display": "{1: 2} > 0",
    "nul_character": "x\x00 > 0",
    "syntax_error": "x > > 0",
    "statement": "import os",
    "semicolon": "x > 0; __import__('os')",
    "bracket_nesting_65": "(" * 65 + "x" + ")" * 65 + " > 0",
    "too_many_nodes": "+".join(["x"] * 1500) + " > 0",
    "getattr_call": "getattr(x, 'real') > 0",
    "eval_call": "eval('1') > 0",
}


@pytest.mark.parametrize("case", sorted(HOSTILE_EXPRESSIONS))
def test_hostile_expression_rejected(case, cli_run, located, in_tmp):
    path = claim_file(in_tmp, HOSTILE_EXPRESSIONS[case])
    line = assert_rejected(cli_run, located, path, "claim.h.claim.show")
    assert len(line) < 1000  # the located line does not echo megabytes back
    no_pwned(in_tmp, Path.cwd())


def test_import_payload_column_and_nothing_created(cli_run, located, in_tmp):
    path = claim_file(in_tmp, "__import__('os').system('touch PWNED')")
    line = assert_rejected(cli_run, located, path, "claim.h.claim.show")
    assert located.match(line).group("col") == "9"  # the file column of the expression's first character
    no_pwned(in_tmp)
    assert os.listdir(in_tmp) == ["hostile.toml"]


def test_symbol_named_dunder_import(cli_run, located, in_tmp):
    path = claim_file(in_tmp, "__import__ > 0", symbols='__import__ = "real"')
    line = assert_rejected(cli_run, located, path, "claim.h.claim.symbols.__import__")
    assert "identifier" in line


def test_undefined_term_named_dunder(cli_run, located, in_tmp):
    path = in_tmp / "u.toml"
    path.write_text(f'[[claim]]\nid = "h.claim"\ntitle = "t"\nkind = "theorem"\n{SOURCE}\nshow = "F > 0"\n'
                    '[claim.undefined]\n__class__ = { kind = "function", arity = 0, missing = "m" }\n')
    assert_rejected(cli_run, located, path, "claim.h.claim.undefined.__class__")


def test_three_megabyte_toml(cli_run, located, in_tmp):
    path = in_tmp / "big.toml"
    path.write_text("# " + "a" * (3 * 1024 * 1024) + "\n" + f'[[claim]]\nid = "h.claim"\n', encoding="utf-8")
    line = assert_rejected(cli_run, located, path, "")
    assert "bytes" in line


def test_binary_garbage_file(cli_run, located, in_tmp):
    path = in_tmp / "garbage.toml"
    path.write_bytes(bytes(range(256)) * 10)
    assert_rejected(cli_run, located, path, "")


def test_toml_bomb_of_nested_arrays(cli_run, located, in_tmp):
    path = in_tmp / "nested.toml"
    path.write_text("x = " + "[" * 5000 + "]" * 5000 + "\n")
    assert_rejected(cli_run, located, path, "")


# --- expressions within every size limit that still nest deeply ---------------------------------

DEEP_WITHOUT_BRACKETS = {
    "unary_minus_900": "-" * 900 + "x > 0",
    "not_900": "not " * 900 + "x > 0",
    "power_tower_600": "**".join(["2"] * 600) + " > 0",
}


@pytest.mark.parametrize("case", sorted(DEEP_WITHOUT_BRACKETS))
def test_deep_expression_without_brackets(case, cli_run, located, in_tmp):
    path = claim_file(in_tmp, DEEP_WITHOUT_BRACKETS[case])
    assert_rejected(cli_run, located, path, "claim.h.claim.show")


def test_non_ascii_identifier_rejected(cli_run, located, in_tmp):
    path = claim_file(in_tmp, "ｘ > 0")
    assert_rejected(cli_run, located, path, "claim.h.claim.show")


# --- static check: no dynamic evaluation in the package ---------------------------------------

FORBIDDEN_NAMES = {"eval", "exec", "compile", "sympify", "parse_expr", "lambdify", "S", "__import__"}
FORBIDDEN_ATTRS = {"sympify", "parse_expr", "lambdify"}
SAFE_COMPILE_RECEIVERS = {"re"}  # re.compile builds a regex, it runs no code


def forbidden_calls(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "sympy":
            found += [f"import of {a.name}" for a in node.names if a.name in FORBIDDEN_NAMES | FORBIDDEN_ATTRS]
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id in FORBIDDEN_NAMES:
            found.append(f"line {node.lineno}: {func.id}(")
        elif isinstance(func, ast.Attribute):
            receiver = func.value.id if isinstance(func.value, ast.Name) else ""
            if func.attr in FORBIDDEN_ATTRS:
                found.append(f"line {node.lineno}: .{func.attr}(")
            elif func.attr in ("eval", "exec", "compile") and receiver in ("builtins", "__builtins__"):
                found.append(f"line {node.lineno}: {receiver}.{func.attr}(")
            elif func.attr == "compile" and receiver not in SAFE_COMPILE_RECEIVERS:
                found.append(f"line {node.lineno}: {receiver}.compile(")
            elif func.attr == "S" and node.args and isinstance(node.args[0], (ast.Constant, ast.JoinedStr)):
                found.append(f'line {node.lineno}: S("...")')
    return found


#: The one sanctioned place: the sandbox child, a standalone script run as a separate, limited process only under
#: ``--run-snippets`` (docs/snippets.md; tests/unit/test_architecture.py checks that nothing imports it).
SANDBOX_CHILD = "snippets/_sandbox.py"


def test_no_dynamic_evaluation_in_package():
    files = sorted(p for p in PACKAGE.rglob("*.py") if str(p.relative_to(PACKAGE)) != SANDBOX_CHILD)
    assert len(files) > 10
    offenders = {}
    for f in files:
        calls = forbidden_calls(ast.parse(f.read_text(encoding="utf-8"), filename=str(f)))
        if calls:
            offenders[str(f.relative_to(PACKAGE))] = calls
    assert offenders == {}


def test_static_check_detects_calls_but_not_docstrings():
    code = '"""Never eval( or sympify( text."""\n# exec(x)\nimport re\nre.compile("a")\nm.eval(x)\n'
    assert forbidden_calls(ast.parse(code)) == []
    for bad in ["eval(s)", "exec(s)", "compile(s, 'f', 'eval')", "sp.sympify(s)", "sympy.parsing.parse_expr(s)",
                "sp.lambdify(x, s)", 'sp.S("1/3")', "__import__('os')", "builtins.eval(s)",
                "from sympy import sympify"]:
        assert forbidden_calls(ast.parse(bad)), bad
