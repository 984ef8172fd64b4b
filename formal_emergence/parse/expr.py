"""The allow-list expression parser: claim text to terms, with nothing executed.

The text is checked against size limits, parsed with ``ast.parse(mode="eval")``
(which only builds a syntax tree) and then walked by a closed converter that
accepts a small set of node kinds and rejects every other one with a located
``ExpressionError``. No text ever reaches ``eval``, ``exec``, ``compile``,
``sympify`` or ``lambdify``.

Grammar (Python expression syntax):

- numbers ``3``, ``0.1``, ``1e5`` (read exactly: ``0.1`` is 1/10), ``true``/``false``; a quotient of
  two numbers such as ``1/2`` or ``16/5`` is one exact rational number;
- declared symbols, constants ``e``, ``pi``, ``oo``;
- ``+ - * / **``, unary ``-``; ``< <= > >= == !=`` (chains become conjunctions);
- ``and``, ``or``, ``not``, ``implies(a, b)``, ``iff(a, b)``, ``ite(c, a, b)``;
- built-in functions (``exp``, ``log``, ``sqrt``, ``abs``, ``min``, ``max``,
  ``heaviside``, ``floor``); ``diff(f, x)``, ``diff(f, x, n)``, ``limit(f, x, p)``,
  ``limit_right``/``limit_left``;
- calls of declared definitions, undefined predicates and undefined functions.
"""

from __future__ import annotations

import ast
import difflib
import re
from dataclasses import dataclass, field
from fractions import Fraction

from ..errors import ExpressionError
from ..model.terms import (CONSTANTS, FUNCTIONS, Add, Bool, Const, Diff, Func, Iff, Implies, Ite,
                           Limit, Mul, Not, Num, Or, And, Pow, Pred, Rel, Sym, Term, UFun, is_boolean,
                           free_symbols, neg, num)

MAX_LENGTH = 4096
MAX_NESTING = 64
MAX_NODES = 2000
MAX_DEPTH = 100
IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]*\Z")
#: A number literal is read exactly; one that stands for more digits than this (``1e5000``, a
#: 2000-digit integer) is refused before any digit is computed.
MAX_LITERAL_DIGITS = 1000
_LITERAL = re.compile(r"(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\Z")

_SPECIAL = {"implies": 2, "iff": 2, "ite": 3, "diff": None, "limit": 3, "limit_right": 3, "limit_left": 3}
_RELOPS = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!="}
_BOOL_WORDS = {"true": True, "false": False}
#: Names with a fixed meaning in the claim language; a symbol, definition, parameter or undefined
#: term may not take one (it would silently change what a formula means).
RESERVED_NAMES = frozenset(FUNCTIONS) | frozenset(CONSTANTS) | frozenset(_SPECIAL) | frozenset(_BOOL_WORDS)


@dataclass(frozen=True)
class Scope:
    """The names an expression may use.

    ``symbols``: declared real (or bool-domain) symbols; ``definitions``: name ->
    (arity, is_boolean); ``predicates``/``functions``: undefined names -> arity;
    ``entities``: opaque objects that may only appear as arguments of
    undefined predicates or functions.
    """

    symbols: frozenset[str] = frozenset()
    bool_symbols: frozenset[str] = frozenset()
    definitions: dict[str, tuple[int, bool]] = field(default_factory=dict)
    predicates: dict[str, int] = field(default_factory=dict)
    functions: dict[str, int] = field(default_factory=dict)
    entities: frozenset[str] = frozenset()

    def known_names(self) -> list[str]:
        return sorted(set(self.symbols) | set(self.bool_symbols) | set(self.definitions) | set(self.predicates)
                      | set(self.functions) | set(self.entities) | set(FUNCTIONS) | set(_SPECIAL)
                      | set(CONSTANTS) | set(_BOOL_WORDS))


def check_identifier(name: str) -> bool:
    """True when ``name`` is an allowed identifier (letters, digits, ``_``; no leading ``_``)."""
    return bool(IDENTIFIER.match(name)) and len(name) <= 64


def parse_expression(text: str, scope: Scope, *, expect_boolean: bool | None = None) -> Term:
    """Parse ``text`` into a term using only the names in ``scope``.

    Raises ``ExpressionError`` (with ``column`` set, ``file``/``key`` left for
    the caller to fill in) for text that is too large or too deep, has a
    syntax error, uses an unknown name or any construct outside the grammar.
    ``expect_boolean`` (when not None) also checks the result's type.
    """
    if not isinstance(text, str):
        raise ExpressionError(f"expected an expression string, found {type(text).__name__}",
                              hint="write the expression in quotes")
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"expression of {len(text)} characters", column=MAX_LENGTH + 1,
                              hint=f"at most {MAX_LENGTH} characters are allowed")
    if "\x00" in text:
        raise ExpressionError("NUL character", column=text.index("\x00") + 1, hint="remove it")
    depth = 0
    for i, ch in enumerate(text):
        if ch in "([{":
            depth += 1
            if depth > MAX_NESTING:
                raise ExpressionError(f"brackets nested more than {MAX_NESTING} deep", column=i + 1,
                                      hint="split the expression into definitions")
        elif ch in ")]}":
            depth -= 1
    if not text.strip():
        raise ExpressionError("empty expression", hint="write a formula")
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError as exc:
        col = exc.offset or len(text.strip()) + 1  # no offset: the text ended too early (a trailing '+')
        raise ExpressionError(f"syntax error: {exc.msg}", column=col + (len(text) - len(text.lstrip())),
                              hint="expressions use Python syntax: ** for powers, and/or/not") from None
    except (RecursionError, MemoryError, ValueError) as exc:
        raise ExpressionError(f"expression cannot be parsed ({type(exc).__name__})",
                              hint="simplify the expression") from None
    count = sum(1 for _ in ast.walk(tree))
    if count > MAX_NODES:
        raise ExpressionError(f"expression with {count} syntax nodes", hint=f"at most {MAX_NODES} are allowed")
    if _depth(tree) > MAX_DEPTH:
        raise ExpressionError(f"expression nested more than {MAX_DEPTH} levels deep",
                              hint="split the expression into definitions")
    term = _Converter(text.strip(), scope, len(text) - len(text.lstrip())).convert(tree.body)
    if expect_boolean is not None and is_boolean(term) != expect_boolean:
        want = "a statement (true or false)" if expect_boolean else "a number-valued expression"
        raise ExpressionError(f"expected {want}", column=1,
                              hint="statements compare values, e.g. 'x > 0'" if expect_boolean else
                              "remove the comparison")
    return term


def literal_digits(text: str) -> int:
    """About how many decimal digits the exact value of a number literal has (numerator or denominator)."""
    m = _LITERAL.match(text.lower().removesuffix("j"))
    if not m:
        return len(text)
    whole, frac, exp = m.group(1) or "", m.group(2) or "", m.group(3) or "0"
    if len(exp.lstrip("+-")) > 12:
        return 10**12
    return len(whole.lstrip("0")) + len(frac) + abs(int(exp))


def _depth(tree: ast.AST) -> int:
    """The depth of the syntax tree, computed without recursion."""
    deepest, stack = 0, [(tree, 1)]
    while stack:
        node, d = stack.pop()
        deepest = max(deepest, d)
        stack.extend((child, d + 1) for child in ast.iter_child_nodes(node))
    return deepest


class _Converter:
    def __init__(self, text: str, scope: Scope, indent: int):
        self.text, self.scope, self.indent = text, scope, indent
        #: The ``oo`` name nodes that are a limit's point or compared with a limit: the only places ``oo`` may occur.
        self.limit_points: set[int] = set()
        self.encoded = text.encode("utf-8")
        self._lines: list[bytes] | None = None

    def segment(self, node: ast.AST) -> str:
        """``ast.get_source_segment(self.text, node) or ""``, with the text split into lines once (the library
        function splits the whole text again for every node)."""
        lineno, end = getattr(node, "lineno", None), getattr(node, "end_lineno", None)
        if lineno is None or end != lineno or getattr(node, "end_col_offset", None) is None:
            return ast.get_source_segment(self.text, node) or ""
        if self._lines is None:
            self._lines = [line.encode() for line in ast._splitlines_no_ff(self.text)]
        return self._lines[lineno - 1][node.col_offset:node.end_col_offset].decode()

    def column(self, node: ast.AST) -> int:
        off = getattr(node, "col_offset", 0)
        return len(self.encoded[:off].decode("utf-8", errors="ignore")) + 1 + self.indent

    def source_name(self, node: ast.AST) -> str:
        return self.segment(node)

    def fail(self, node: ast.AST, found: str, hint: str = "") -> ExpressionError:
        return ExpressionError(found, column=self.column(node), hint=hint)

    def real(self, node: ast.expr) -> Term:
        t = self.convert(node)
        if is_boolean(t):
            raise self.fail(node, "a statement used where a number is expected",
                            hint="arithmetic applies to numbers, not to comparisons")
        return t

    def boolean(self, node: ast.expr) -> Term:
        t = self.convert(node)
        if not is_boolean(t):
            raise self.fail(node, "a number used where a statement is expected",
                            hint="compare it, e.g. 'x > 0'")
        return t

    def convert(self, node: ast.expr) -> Term:
        match node:
            case ast.Constant(value=bool(v)):
                return Bool(v)
            case ast.Constant(value=int() | float()):
                seg = self.segment(node)
                digits = literal_digits(seg.replace("_", ""))
                if digits > MAX_LITERAL_DIGITS:
                    raise self.fail(node, f"number {seg[:40]!r} has about {digits} digits, more than the "
                                    f"{MAX_LITERAL_DIGITS} allowed in a literal",
                                    hint="write a power such as 10**5000, which is kept symbolic")
                try:
                    return num(Fraction(seg.replace("_", "")))
                except (ValueError, ZeroDivisionError):
                    raise self.fail(node, f"number {seg!r} cannot be read exactly") from None
            case ast.Constant(value=v):
                raise self.fail(node, f"{type(v).__name__} literal {v!r:.40}",
                                hint="only numbers are allowed as literals")
            case ast.Name(id=name):
                if not name.isascii() or self.source_name(node) != name:
                    raise self.fail(node, f"non-ASCII identifier {self.source_name(node)!r:.40}",
                                    hint="names use ASCII letters, digits and _")
                return self.name(node, name)
            case ast.BinOp(left=l, op=op, right=r):
                return self.binop(node, op, l, r)
            case ast.UnaryOp(op=ast.USub(), operand=a):
                inner = self.real(a)
                if isinstance(inner, Num):
                    return Num(-inner.value)
                return neg(inner)
            case ast.UnaryOp(op=ast.UAdd(), operand=a):
                return self.real(a)
            case ast.UnaryOp(op=ast.Not(), operand=a):
                return Not(self.boolean(a))
            case ast.BoolOp(op=ast.And(), values=vs):
                return And(tuple(self.boolean(v) for v in vs))
            case ast.BoolOp(op=ast.Or(), values=vs):
                return Or(tuple(self.boolean(v) for v in vs))
            case ast.Compare(left=l, ops=ops, comparators=rs):
                return self.compare(node, l, ops, rs)
            case ast.Call():
                return self.call(node)
        kind = type(node).__name__
        hints = {"Attribute": "attribute access is not part of the claim language",
                 "Subscript": "indexing is not part of the claim language",
                 "Lambda": "functions are declared as definitions, not lambdas",
                 "JoinedStr": "strings are not part of the claim language",
                 "IfExp": "use ite(cond, a, b)"}
        raise self.fail(node, f"unsupported construct {kind}", hint=hints.get(kind, "see docs/claim-format.md"))

    def name(self, node: ast.AST, name: str) -> Term:
        s = self.scope
        if not check_identifier(name):
            raise self.fail(node, f"identifier {name!r:.60}", hint="names use letters, digits and _, not starting with _")
        if name in _BOOL_WORDS:
            return Bool(_BOOL_WORDS[name])
        if name in s.symbols:
            return Sym(name)
        if name in s.bool_symbols:
            return Pred(name, ())
        if name == "oo" and id(node) not in self.limit_points:
            raise self.fail(node, "oo outside a limit",
                            hint="oo and -oo are only the point of limit(f, x, oo) or a limit's value, limit(...) == oo; "
                                 "for an unbounded x, give no bound")
        if name in CONSTANTS:
            return Const(name)
        if name in s.definitions:
            arity, boolean = s.definitions[name]
            if arity == 0:
                return Pred(name, ()) if boolean else UFun(name, ())
            raise self.fail(node, f"definition {name!r} used without its {arity} argument(s)",
                            hint=f"write {name}(...)")
        if name in s.predicates and s.predicates[name] == 0:
            return Pred(name, ())
        if name in s.functions and s.functions[name] == 0:
            return UFun(name, ())
        if name in s.entities:
            raise self.fail(node, f"entity {name!r} used as a number",
                            hint="entities may only be arguments of undefined predicates or functions")
        close = difflib.get_close_matches(name, self.scope.known_names(), n=1)
        hint = f"did you mean {close[0]!r}?" if close else "declare it under [symbols] or as a definition"
        raise self.fail(node, f"unknown name {name!r}", hint=hint)

    def binop(self, node: ast.BinOp, op: ast.operator, l: ast.expr, r: ast.expr) -> Term:
        match op:
            case ast.Add():
                return Add((self.real(l), self.real(r)))
            case ast.Sub():
                return Add((self.real(l), neg(self.real(r))))
            case ast.Mult():
                return Mul((self.real(l), self.real(r)))
            case ast.Div():
                right = self.real(r)
                if right == num(0):
                    raise self.fail(r, "division by zero")
                left = self.real(l)
                if isinstance(left, Num) and isinstance(right, Num):
                    return Num(left.value / right.value)  # a rational literal such as 1/2 is one exact number
                return Mul((left, Pow(right, num(-1))))
            case ast.Pow():
                return Pow(self.real(l), self.real(r))
            case ast.BitXor():
                right = self.column(r) - self.indent - 1
                caret = self.text.rfind("^", 0, right)
                raise ExpressionError("operator ^", column=(caret + 1 + self.indent) if caret >= 0 else
                                      self.column(node), hint="use ** for powers")
        raise self.fail(node, f"operator {type(op).__name__}", hint="allowed: + - * / **")

    def compare(self, node: ast.Compare, left: ast.expr, ops: list[ast.cmpop], rights: list[ast.expr]) -> Term:
        parts: list[Term] = []
        # oo (or -oo) compared with a limit is a limit's value: limit(1/x, x, 0, ...) == oo
        operands = [left, *rights]
        for a, b in zip(operands, operands[1:]):
            for inf, other in ((a, b), (b, a)):
                inf = inf.operand if isinstance(inf, ast.UnaryOp) and isinstance(inf.op, ast.USub) else inf
                if isinstance(inf, ast.Name) and inf.id == "oo" and isinstance(other, ast.Call) \
                        and isinstance(other.func, ast.Name) and other.func.id in ("limit", "limit_right", "limit_left"):
                    self.limit_points.add(id(inf))
        lhs = self.convert(left)
        for op, r in zip(ops, rights):
            rel = _RELOPS.get(type(op))
            if rel is None:
                raise self.fail(node, f"comparison {type(op).__name__}", hint="allowed: < <= > >= == !=")
            rhs = self.convert(r)
            if is_boolean(lhs) or is_boolean(rhs):
                if not (is_boolean(lhs) and is_boolean(rhs)) or rel not in ("==", "!="):
                    raise self.fail(r, "a comparison mixes statements and numbers",
                                    hint="use iff(a, b) to compare statements")
                parts.append(Iff(lhs, rhs) if rel == "==" else Not(Iff(lhs, rhs)))
            else:
                parts.append(Rel(rel, lhs, rhs))
            lhs = rhs
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def call(self, node: ast.Call) -> Term:
        if not isinstance(node.func, ast.Name):
            raise self.fail(node, f"call of {type(node.func).__name__}",
                            hint="only named functions and definitions may be called")
        if node.keywords:
            raise self.fail(node, "keyword arguments", hint="pass arguments by position")
        if any(isinstance(a, ast.Starred) for a in node.args):
            raise self.fail(node, "starred arguments", hint="pass arguments by position")
        name, args, s = node.func.id, node.args, self.scope
        if not check_identifier(name):
            raise self.fail(node, f"identifier {name!r:.60}", hint="names use letters, digits and _")

        def arity(n: int) -> None:
            if len(args) != n:
                raise self.fail(node, f"{name} takes {n} argument(s), found {len(args)}")

        if name in ("implies", "iff"):
            arity(2)
            a, b = self.boolean(args[0]), self.boolean(args[1])
            return Implies(a, b) if name == "implies" else Iff(a, b)
        if name == "ite":
            arity(3)
            return _ite(self.boolean(args[0]), self.convert(args[1]), self.convert(args[2]), self, node)
        if name == "diff":
            if len(args) not in (2, 3):
                raise self.fail(node, f"diff takes 2 or 3 arguments, found {len(args)}")
            var = self.real(args[1])
            if not isinstance(var, Sym):
                raise self.fail(args[1], "diff variable is not a symbol",
                                hint="diff(expression, x) differentiates by the symbol x")
            order = 1
            if len(args) == 3:
                o = self.real(args[2])
                if not (isinstance(o, Num) and o.value.denominator == 1 and 1 <= o.value <= 10):
                    raise self.fail(args[2], "diff order must be an integer from 1 to 10",
                                    hint="diff(expression, x, 2) is the second derivative")
                order = int(o.value)
            return Diff(self.real(args[0]), var, order)
        if name in ("limit", "limit_right", "limit_left"):
            arity(3)
            var = self.real(args[1])
            if not isinstance(var, Sym):
                raise self.fail(args[1], "limit variable is not a symbol")
            side = {"limit": "", "limit_right": "+", "limit_left": "-"}[name]
            at = args[2].operand if isinstance(args[2], ast.UnaryOp) and isinstance(args[2].op, ast.USub) else args[2]
            if isinstance(at, ast.Name) and at.id == "oo":
                self.limit_points.add(id(at))
            point = self.real(args[2])
            if var.name in free_symbols(point):  # limit(x, x, x + 1): the point would be bound too (F11)
                raise self.fail(args[2], f"limit point uses the limit variable {var.name!r}",
                                hint="the point is a number, oo, -oo or an expression in other symbols")
            return Limit(self.real(args[0]), var, point, side)
        if name in FUNCTIONS:
            arity(FUNCTIONS[name])
            return Func(name, tuple(self.real(a) for a in args))
        if name in s.definitions:
            n, boolean = s.definitions[name]
            arity(n)
            converted = tuple(self.real(a) for a in args)
            return Pred(name, converted) if boolean else UFun(name, converted)
        if name in s.predicates:
            arity(s.predicates[name])
            return Pred(name, tuple(self.argument(a) for a in args))
        if name in s.functions:
            arity(s.functions[name])
            return UFun(name, tuple(self.argument(a) for a in args))
        close = difflib.get_close_matches(name, self.scope.known_names(), n=1, cutoff=0.75)
        builtin = ", ".join(sorted(set(FUNCTIONS) | set(_SPECIAL)))
        hint = f"did you mean {close[0]!r}?" if close else \
            f"the built-in functions are {builtin}; declare others as a definition or an undefined function"
        raise self.fail(node, f"unknown function {name!r}", hint=hint)

    def argument(self, node: ast.expr) -> Term:
        if isinstance(node, ast.Name) and node.id in self.scope.entities:
            return Sym(node.id)
        return self.convert(node)


def _ite(cond: Term, a: Term, b: Term, conv: _Converter, node: ast.AST) -> Term:
    if is_boolean(a) or is_boolean(b):
        raise conv.fail(node, "ite branches must be numbers", hint="combine statements with and/or/implies")
    return Ite(cond, a, b)
