"""The SymPy layer: terms as SymPy objects, derivatives, limits and exact identities.

``to_sympy`` builds SymPy objects from terms with explicit constructors (no
string is ever parsed); ``from_sympy`` translates back through a closed table
and raises ``UnsupportedConstruct`` for anything else. ``lower`` replaces
``diff``/``limit`` sub-terms by their values and records each as a ``Step``.

Only this package imports SymPy.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from fractions import Fraction
from typing import Iterator, Mapping, Sequence

import sympy as sp

from ..errors import UnsupportedConstruct
from ..model.claim import SymbolDecl
from ..model.terms import (Add, And, Bool, Const, Diff, Func, Iff, Implies, Ite, Limit, Mul, Not, Num, Or, Pow, Pred,
                           Rel, Sym, Term, UFun, num, to_text, transform, walk)
from ..model.verdict import Step

_ASSUMPTIONS = {
    "real": {"real": True}, "positive": {"positive": True}, "nonnegative": {"nonnegative": True},
    "negative": {"negative": True}, "integer": {"integer": True}, "posint": {"integer": True, "positive": True},
    "natural": {"integer": True, "nonnegative": True}, "unit": {"positive": True}, "probability": {"nonnegative": True},
}
_RELS = {"<": sp.StrictLessThan, "<=": sp.LessThan, ">": sp.StrictGreaterThan, ">=": sp.GreaterThan,
         "==": sp.Eq, "!=": sp.Ne}


#: Wall-clock budget (seconds) for one SymPy computation. SymPy has no resource counter, so this
#: is the one place where a timeout stands in for a deterministic budget.
SYMPY_SECONDS = 5.0


class SympyBudgetExceeded(UnsupportedConstruct):
    """A SymPy computation ran past ``SYMPY_SECONDS``."""


class _Alarm(BaseException):
    """Raised by the timer; a BaseException so that SymPy's ``except Exception`` cannot swallow it."""


@contextlib.contextmanager
def budget(seconds: float = SYMPY_SECONDS) -> Iterator[None]:
    """Interrupt the enclosed SymPy work after ``seconds`` (main thread only; elsewhere no limit)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum, frame):
        raise _Alarm()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Alarm:
        raise SympyBudgetExceeded(f"SymPy exceeded its {seconds:g} s budget") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class SympyTranslator:
    """Translate terms to SymPy with symbols carrying their declared domains."""

    def __init__(self, decls: Sequence[SymbolDecl] = ()):
        self.decls = {d.name: d for d in decls}
        self.cache: dict[str, sp.Symbol] = {}

    def symbol(self, name: str) -> sp.Symbol:
        if name not in self.cache:
            d = self.decls.get(name)
            self.cache[name] = sp.Symbol(name, **(_ASSUMPTIONS.get(d.domain, {"real": True}) if d else {"real": True}))
        return self.cache[name]

    def __call__(self, t: Term) -> sp.Basic:
        match t:
            case Num(v):
                return sp.Rational(v.numerator, v.denominator)
            case Const("e"):
                return sp.E
            case Const("pi"):
                return sp.pi
            case Const("oo"):
                return sp.oo
            case Sym(name):
                return self.symbol(name)
            case Add(args):
                return sp.Add(*[self(a) for a in args])
            case Mul(args):
                return sp.Mul(*[self(a) for a in args])
            case Pow(b, e):
                base, exp = self(b), self(e)
                if base.is_Number and exp.is_Number and abs(exp) > 64:
                    return sp.Pow(base, exp, evaluate=False)
                return sp.Pow(base, exp)
            case Func(name, args):
                fn = {"exp": sp.exp, "log": sp.log, "sqrt": sp.sqrt, "abs": sp.Abs, "min": sp.Min, "max": sp.Max,
                      "floor": sp.floor}.get(name)
                if name == "heaviside":
                    return sp.Heaviside(self(args[0]), 0)
                if fn is None:
                    raise UnsupportedConstruct(f"function {name} has no SymPy translation")
                return fn(*[self(a) for a in args])
            case Ite(c, a, b):
                return sp.Piecewise((self(a), self(c)), (self(b), True))
            case UFun(name, args):
                return sp.Function(name, real=True)(*[self(a) for a in args])
            case Diff(e, v, order):
                return sp.Derivative(self(e), (self(v), order))
            case Limit(e, v, p, side):
                return sp.Limit(self(e), self(v), self(p), dir=side or ("-" if p == Const("oo") else "+-"))
            case Bool(v):
                return sp.true if v else sp.false
            case Rel(op, a, b):
                return _RELS[op](self(a), self(b), evaluate=False)
            case And(args):
                return sp.And(*[self(a) for a in args])
            case Or(args):
                return sp.Or(*[self(a) for a in args])
            case Not(a):
                return sp.Not(self(a))
            case Implies(a, b):
                return sp.Implies(self(a), self(b))
            case Iff(a, b):
                return sp.Equivalent(self(a), self(b))
            case Pred(name, args):
                return sp.Symbol(to_text(t)) if args else sp.Symbol(name)
        raise UnsupportedConstruct(f"{to_text(t)} has no SymPy translation")


def from_sympy(e: sp.Basic) -> Term:
    """Translate a SymPy expression back to a term; raise ``UnsupportedConstruct`` outside the closed set."""
    if isinstance(e, sp.Integer):
        return num(int(e))
    if isinstance(e, sp.Rational):
        return Num(Fraction(int(e.p), int(e.q)))
    if e is sp.E:
        return Const("e")
    if e is sp.pi:
        return Const("pi")
    if e is sp.oo:
        return Const("oo")
    if isinstance(e, sp.Symbol):
        return Sym(e.name)
    if isinstance(e, sp.Add):
        return Add(tuple(from_sympy(a) for a in e.args))
    if isinstance(e, sp.Mul):
        return Mul(tuple(from_sympy(a) for a in e.args))
    if isinstance(e, sp.Pow):
        return Pow(from_sympy(e.base), from_sympy(e.exp))
    if isinstance(e, sp.exp):
        return Func("exp", (from_sympy(e.args[0]),))
    if isinstance(e, sp.log) and len(e.args) == 1:
        return Func("log", (from_sympy(e.args[0]),))
    if isinstance(e, sp.Abs):
        return Func("abs", (from_sympy(e.args[0]),))
    if isinstance(e, sp.floor):
        return Func("floor", (from_sympy(e.args[0]),))
    if isinstance(e, sp.sign):
        u = from_sympy(e.args[0])
        return Ite(Rel(">", u, num(0)), num(1), Ite(Rel("<", u, num(0)), num(-1), num(0)))
    if isinstance(e, sp.Heaviside) and (len(e.args) == 1 or e.args[1] == 0):
        return Func("heaviside", (from_sympy(e.args[0]),))
    if isinstance(e, sp.Implies):
        return Implies(from_sympy(e.args[0]), from_sympy(e.args[1]))
    if isinstance(e, sp.Equivalent) and len(e.args) == 2:
        return Iff(from_sympy(e.args[0]), from_sympy(e.args[1]))
    if isinstance(e, (sp.Min, sp.Max)) and len(e.args) == 2:
        return Func("min" if isinstance(e, sp.Min) else "max", tuple(from_sympy(a) for a in e.args))
    if isinstance(e, sp.Piecewise):
        pieces = list(e.args)
        out = from_sympy(pieces[-1][0])
        if pieces[-1][1] is not sp.true:
            raise UnsupportedConstruct("a piecewise expression without an otherwise branch")
        for expr, cond in reversed(pieces[:-1]):
            out = Ite(from_sympy(cond), from_sympy(expr), out)
        return out
    if e is sp.true or e is sp.false:
        return Bool(bool(e))
    if isinstance(e, sp.core.relational.Relational):
        op = {sp.StrictLessThan: "<", sp.LessThan: "<=", sp.StrictGreaterThan: ">", sp.GreaterThan: ">=",
              sp.Equality: "==", sp.Unequality: "!="}.get(type(e))
        if op is None:
            raise UnsupportedConstruct(f"relation {type(e).__name__}")
        return Rel(op, from_sympy(e.lhs), from_sympy(e.rhs))
    if isinstance(e, sp.And):
        return And(tuple(from_sympy(a) for a in e.args))
    if isinstance(e, sp.Or):
        return Or(tuple(from_sympy(a) for a in e.args))
    if isinstance(e, sp.Not):
        return Not(from_sympy(e.args[0]))
    raise UnsupportedConstruct(f"SymPy result {sp.srepr(e)[:80]} has no term translation")


def lower(t: Term, decls: Sequence[SymbolDecl]) -> tuple[Term, tuple[Step, ...]]:
    """Replace every ``diff``/``limit`` in ``t`` by its value computed by SymPy.

    Returns the new term and one ``Step`` per replaced sub-term. Raises
    ``UnsupportedConstruct`` when SymPy returns an unevaluated derivative or
    limit, or a result outside the term language.
    """
    tr = SympyTranslator(decls)
    steps: list[Step] = []

    def visit(node: Term) -> Term | None:
        if isinstance(node, (Diff, Limit)):
            inner = transform(node.expr, visit)
            rebuilt = Diff(inner, node.var, node.order) if isinstance(node, Diff) else \
                Limit(inner, node.var, node.point, node.side)
            try:
                with budget():
                    if isinstance(node, Limit) and any(isinstance(n, Ite) for n in walk(inner)):
                        value = _limit_of_piecewise(tr, inner, node)
                    else:
                        value = sp.simplify(tr(rebuilt).doit())
            except (NotImplementedError, ValueError, TypeError, RecursionError, AttributeError) as exc:
                raise UnsupportedConstruct(f"SymPy could not compute {to_text(rebuilt)} "
                                           f"({type(exc).__name__}: {str(exc)[:120]})") from None
            if value.has(sp.Derivative, sp.Limit, sp.AccumBounds, sp.zoo, sp.nan):
                raise UnsupportedConstruct(f"SymPy could not compute {to_text(rebuilt)} ({value})")
            out = from_sympy(value)
            if isinstance(node, Diff):
                rule = "sympy.diff"
                try:
                    with budget():
                        recheck = sp.simplify(sp.diff(tr(inner), tr(node.var), node.order) - value) == 0
                except SympyBudgetExceeded:
                    recheck = False
                checked = "sympy: derivative recomputed and simplify(difference) == 0" if recheck else ""
            else:
                rule = "sympy.limit (Gruntz algorithm)"
                try:
                    with budget():
                        checked = _recheck_limit(tr, inner, node, value)
                except (SympyBudgetExceeded, NotImplementedError, ValueError, TypeError):
                    checked = ""
            steps.append(Step(f"compute {('the derivative' if isinstance(node, Diff) else 'the limit')}",
                              to_text(rebuilt), to_text(out), rule, checked))
            return out
        return None

    return transform(t, visit), tuple(steps)


def _near_truth(tr: SympyTranslator, cond: Term, var: sp.Symbol, point: sp.Basic, side: str) -> bool:
    """The truth of ``cond`` for ``var`` near ``point`` on ``side`` (``"+"``/``"-"``), the point itself excluded.

    A relation ``l op r`` is decided by the sign of ``l - r`` near the point: the
    one-sided limit of ``l - r`` when it is not 0, else the sign of its
    one-sided slope. Raises ``UnsupportedConstruct`` when neither settles it.
    """
    match cond:
        case Bool(v):
            return v
        case Not(a):
            return not _near_truth(tr, a, var, point, side)
        case And(args):
            return all(_near_truth(tr, a, var, point, side) for a in args)
        case Or(args):
            return any(_near_truth(tr, a, var, point, side) for a in args)
        case Implies(a, b):
            return not _near_truth(tr, a, var, point, side) or _near_truth(tr, b, var, point, side)
        case Iff(a, b):
            return _near_truth(tr, a, var, point, side) == _near_truth(tr, b, var, point, side)
        case Rel(op, l, r):
            d = tr(l) - tr(r)
            sign = _limit_sign(sp.limit(d, var, point, dir=side))
            if sign == 0 and point.is_finite:
                sign = _limit_sign(sp.limit(d / (var - point), var, point, dir=side)) * (1 if side == "+" else -1)
            if sign == 0:
                raise UnsupportedConstruct(f"the sign of {to_text(l)} - {to_text(r)} near the limit point is unknown")
            return {"<": sign < 0, "<=": sign < 0, ">": sign > 0, ">=": sign > 0, "==": False, "!=": True}[op]
    raise UnsupportedConstruct(f"the condition {to_text(cond)} cannot be decided near the limit point")


def _limit_sign(value: sp.Basic) -> int:
    """+1 or -1 for a limit of known sign (infinite included), 0 for 0 or an unknown sign."""
    if value.is_positive:
        return 1
    if value.is_negative:
        return -1
    return 0


def _limit_of_piecewise(tr: SympyTranslator, inner: Term, node: Limit) -> sp.Basic:
    """The limit of a term with ``ite``: each ``ite`` takes the branch it takes near the point (never the value
    *at* the point, which SymPy's Piecewise limit returns). A two-sided limit needs equal one-sided limits."""
    var, point = tr(node.var), tr(node.point)
    sides = [node.side] if node.side else (["-"] if node.point == Const("oo") else ["+", "-"])
    values = []
    for side in sides:
        def choose(t: Term, side: str = side) -> Term | None:
            if isinstance(t, Ite):
                return transform(t.then if _near_truth(tr, t.cond, var, point, side) else t.other, choose)
            return None
        values.append(sp.simplify(sp.limit(tr(transform(inner, choose)), var, point, dir=side)))
    if len(values) == 2 and sp.simplify(values[0] - values[1]) != 0:
        raise ValueError(f"the limit does not exist: the right limit is {values[0]} and the left limit {values[1]}")
    return values[0]


def _recheck_limit(tr: SympyTranslator, inner: Term, node: Limit, value: sp.Basic) -> str:
    """Recompute a limit at infinity through the substitution var = 1/s, s -> 0+."""
    if node.point != Const("oo"):
        return ""
    s = sp.Symbol("s_recheck", positive=True)
    again = sp.limit(tr(inner).subs(tr(node.var), 1 / s), s, 0, dir="+")
    if sp.simplify(again - value) == 0:
        return "sympy: recomputed as the limit s -> 0+ of the expression at var = 1/s"
    return ""


def is_identity(lhs: Term, rhs: Term, decls: Sequence[SymbolDecl]) -> bool:
    """True when SymPy reduces ``lhs - rhs`` to exactly 0 under the declared domains.

    False means only that SymPy did not find the identity; it is not a refutation.
    """
    tr = SympyTranslator(decls)
    diff = tr(lhs) - tr(rhs)
    for simplifier in (sp.simplify, lambda x: sp.simplify(sp.powsimp(sp.expand_log(x, force=False), force=False))):
        try:
            with budget():
                if simplifier(diff) == 0:
                    return True
        except (TypeError, ValueError, NotImplementedError, RecursionError, SympyBudgetExceeded):
            continue
    return False


def to_latex(t: Term, decls: Sequence[SymbolDecl] = ()) -> str:
    """LaTeX for ``t`` through SymPy's printer (undefined names print as themselves)."""
    try:
        return sp.latex(SympyTranslator(decls)(t))
    except (UnsupportedConstruct, TypeError, ValueError):
        return r"\text{" + to_text(t).replace("_", r"\_") + "}"


def to_srepr(t: Term, decls: Sequence[SymbolDecl] = ()) -> str:
    """SymPy's ``srepr`` of ``t``: a reproducible constructor expression (for reading, not for eval)."""
    try:
        return sp.srepr(SympyTranslator(decls)(t))
    except (UnsupportedConstruct, TypeError, ValueError):
        return ""


def solve_for(expr: Term, var: str, level: Term, decls: Sequence[SymbolDecl]) -> list[Term]:
    """Real solutions of ``expr == level`` for ``var`` (positive roots when var is positive)."""
    tr = SympyTranslator(decls)
    sols = sp.solve(sp.Eq(tr(expr), tr(level)), tr(Sym(var)))
    out = []
    for s in sols:
        try:
            out.append(from_sympy(sp.simplify(s)))
        except UnsupportedConstruct:
            continue
    return out


def sympy_version() -> str:
    return sp.__version__


def substitute_values(t: Term, values: Mapping[str, Fraction], decls: Sequence[SymbolDecl]) -> sp.Basic:
    tr = SympyTranslator(decls)
    return tr(t).subs({tr.symbol(k): sp.Rational(v.numerator, v.denominator) for k, v in values.items()})
