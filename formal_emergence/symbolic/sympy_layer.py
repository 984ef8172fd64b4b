"""The SymPy layer: terms as SymPy objects, derivatives, limits and exact identities.

``to_sympy`` builds SymPy objects from terms with explicit constructors (no
string is ever parsed); ``from_sympy`` translates back through a closed table
and raises ``UnsupportedConstruct`` for anything else. ``lower`` replaces
``diff``/``limit`` sub-terms by their values and records each as a ``Step``.

Only this package imports SymPy.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Mapping, Sequence

import sympy as sp

from ..errors import UnsupportedConstruct
from ..model.claim import SymbolDecl
from ..model.definedness import obligations
from ..model.terms import (Add, And, Bool, Const, Diff, Func, Iff, Implies, Ite, Limit, Mul, Not, Num, Or, Pow, Pred,
                           Rel, Sym, Term, UFun, free_symbols, num, to_text, transform, walk)
from ..model.verdict import Step
from . import worker
from .worker import CpuBudgetExceeded

_ASSUMPTIONS = {
    "real": {"real": True}, "positive": {"positive": True}, "nonnegative": {"nonnegative": True},
    "negative": {"negative": True}, "integer": {"integer": True}, "posint": {"integer": True, "positive": True},
    "natural": {"integer": True, "nonnegative": True}, "unit": {"positive": True}, "probability": {"nonnegative": True},
}
_RELS = {"<": sp.StrictLessThan, "<=": sp.LessThan, ">": sp.StrictGreaterThan, ">=": sp.GreaterThan,
         "==": sp.Eq, "!=": sp.Ne}


#: CPU-time budget (seconds) for one SymPy computation, enforced by the kernel in a worker process
#: (``symbolic.worker``). SymPy has no work counter, so this is the one budget measured in time;
#: it is CPU time, so machine load cannot change a verdict, and it is set far above what any
#: bundled or test claim needs: the deterministic size budgets below stop hostile inputs first.
SYMPY_CPU_SECONDS = 20.0
#: The CPU budget of all SymPy work for one claim together (``worker.claim_budget``): each computation
#: has its own budget above, and this bounds their sum, so a claim's worker CPU is bounded too.
CLAIM_SYMPY_CPU_SECONDS = 2 * SYMPY_CPU_SECONDS
#: A smaller CPU budget for optional routes (e.g. deriving a weakest condition): when it runs out the
#: route is skipped and the verdict already found stands. Gruntz can loop for ever on a limit such as
#: ``((N - N_c)/N_c)**alpha`` at ``N_c`` with a symbolic ``alpha``.
OPTIONAL_CPU_SECONDS = 2.0
#: Size budget: a derivative or limit whose computed value has more SymPy nodes than this is not
#: simplified or used (it would make simplify, z3 and the numeric search crawl).
MAX_RESULT_NODES = 300
#: Size budget for an identity test: simplify is not attempted on a difference larger than this.
MAX_IDENTITY_NODES = 1000
#: Derivative work budget: order times input size above this is refused before SymPy starts.
MAX_DIFF_WORK = 400

SympyBudgetExceeded = CpuBudgetExceeded


def _nodes_over(e: sp.Basic, cap: int) -> int | None:
    """The number of nodes of ``e`` if it is above ``cap`` (counting stops early), else None."""
    n = 0
    for _ in sp.preorder_traversal(e):
        n += 1
        if n > cap:
            return n
    return None


def _term_size(t: Term) -> int:
    return sum(1 for _ in walk(t))


#: Digit budget: SymPy is not given a term with a closed power of more digits than this
#: (``10**10**10``, ``(3/2)**(10**9)``): it would try to evaluate it exactly. Results with longer
#: numbers are refused too (Python cannot even print an integer of more than 4300 digits).
MAX_POWER_DIGITS = 4000


def _bits_bound(t: Term) -> float | None:
    """An upper bound on the bits of numerator or denominator of a closed rational term (None: not such a term)."""
    match t:
        case Num(v):
            return max(math.log2(abs(v.numerator)) if v.numerator else 0.0, math.log2(v.denominator)) + 1e-9
        case Add(args) | Mul(args):
            parts = [_bits_bound(a) for a in args]
            return None if any(p is None for p in parts) else sum(parts) + len(parts)  # type: ignore[misc]
        case Pow(b, Num(e)):
            base = _bits_bound(b)
            return None if base is None else base * max(abs(e.numerator), 1) / e.denominator
        case Pow(b, e):
            base, exp = _bits_bound(b), _bits_bound(e)
            if base is None or exp is None:
                return None
            return base * 2.0 ** min(exp, 1000)
    return None


def huge_power(t: Term) -> str | None:
    """The text of a closed power in ``t`` beyond the digit budget, or None."""
    for node in walk(t):
        if isinstance(node, Pow):
            bound = _bits_bound(node)
            if bound is not None and bound * 0.30103 > MAX_POWER_DIGITS:
                return to_text(node)[:60]
    return None


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


def lower(t: Term, decls: Sequence[SymbolDecl], cpu_seconds: float = SYMPY_CPU_SECONDS,
          ) -> tuple[Term, tuple[Step, ...]]:
    """Replace every ``diff``/``limit`` in ``t`` by its value computed by SymPy.

    Returns the new term and one ``Step`` per replaced sub-term. Raises
    ``UnsupportedConstruct`` when SymPy returns an unevaluated derivative or
    limit, or a result outside the term language, or when a size or CPU budget
    runs out (the message names the budget). ``cpu_seconds`` is the CPU budget
    of each SymPy computation.
    """
    steps: list[Step] = []
    decls = tuple(decls)

    def visit(node: Term) -> Term | None:
        if isinstance(node, (Diff, Limit)):
            inner = transform(node.expr, visit)
            rebuilt = Diff(inner, node.var, node.order) if isinstance(node, Diff) else \
                Limit(inner, node.var, node.point, node.side)
            big = huge_power(inner)
            if big is not None:
                raise UnsupportedConstruct(f"{big} has more than {MAX_POWER_DIGITS} digits (the digit budget of "
                                           "exact arithmetic)")
            if isinstance(node, Diff) and node.order * _term_size(inner) > MAX_DIFF_WORK:
                raise UnsupportedConstruct(f"the derivative {to_text(rebuilt)[:80]} is beyond the derivative work "
                                           f"budget (order x size {node.order * _term_size(inner)} > {MAX_DIFF_WORK})")
            out = worker.call(_compute, rebuilt, decls, cpu_seconds=cpu_seconds)
            if isinstance(node, Diff):
                rule = "sympy.diff"
                try:
                    recheck = worker.call(_recheck_diff, inner, node.var, node.order, out, decls,
                                          cpu_seconds=cpu_seconds)
                except UnsupportedConstruct:
                    recheck = False
                checked = "sympy: derivative recomputed and simplify(difference) == 0" if recheck else ""
            else:
                rule = "sympy.limit (Gruntz algorithm)"
                try:
                    checked = worker.call(_recheck_limit, inner, node, out, decls, cpu_seconds=cpu_seconds)
                except UnsupportedConstruct:
                    checked = ""
            steps.append(Step(f"compute {('the derivative' if isinstance(node, Diff) else 'the limit')}",
                              to_text(rebuilt), to_text(out), rule, checked))
            return out
        return None

    return transform(t, visit), tuple(steps)


def limit_degeneracies(node: Limit, decls: Sequence[SymbolDecl]) -> tuple[Term, ...]:
    """Expressions in the parameters that must be nonzero for SymPy's value of ``node`` to apply.

    SymPy computes a limit with free parameters for a generic value of them: ``limit(x/(a + x), x, 0)`` is 0,
    but at a = 0 it is 1. Generic means here: the denominators, logarithm arguments and bases of roots and
    negative powers of the expression (also after ``cancel``, which exposes ``a*x/(a*x + x**2) = a/(a + x)``)
    do not vanish at the limit point unless they vanish for every value of the parameters. Returned is each such
    value at the point that depends on the parameters; the engine must prove it nonzero wherever the
    assumptions hold. This is a necessary check, not a complete one (a parameter in an exponent that changes
    sign is not caught here; SymPy then usually leaves the limit unevaluated). A limit at ``oo`` or without
    parameters gives nothing. Raises ``UnsupportedConstruct`` when the check itself cannot be done.
    """
    if not (free_symbols(node) - {node.var.name}) or any(isinstance(n, Const) and n.name == "oo"
                                                          for n in walk(node.point)):
        return ()
    return worker.call(_degeneracies, node, tuple(decls), cpu_seconds=OPTIONAL_CPU_SECONDS)


def _degeneracies(node: Limit, decls: Sequence[SymbolDecl]) -> tuple[Term, ...]:
    tr = SympyTranslator(decls)
    try:
        f, x, p = tr(node.expr).doit(), tr(node.var), tr(node.point)
        forms = [f, sp.cancel(sp.together(f))]
        bases = []
        for form in forms:
            bases.append(sp.fraction(sp.together(form))[1])
            for s in sp.preorder_traversal(form):
                if isinstance(s, sp.Pow) and not (s.exp.is_Integer and s.exp > 0):
                    bases.append(s.base)
                elif isinstance(s, sp.log):
                    bases.append(s.args[0])
        out: list[Term] = []
        for b in bases:
            d = sp.simplify(b.subs(x, p))
            if d.free_symbols and d != 0:
                term = from_sympy(d)
                if term not in out:
                    out.append(term)
        return tuple(out)
    except (NotImplementedError, ValueError, TypeError, RecursionError, AttributeError) as exc:
        raise UnsupportedConstruct(f"SymPy could not check where its value of {to_text(node)[:80]} applies "
                                   f"({type(exc).__name__})") from None


def _parameters_note(rebuilt: Term) -> str:
    """Why a limit with free parameters stays open: its value may change with their signs, and no split is made."""
    params = sorted(free_symbols(rebuilt)) if isinstance(rebuilt, Limit) else []
    if not params:
        return ""
    return (f"; the limit has the free parameter(s) {', '.join(params)}, its value may depend on their signs, "
            "and the engine makes no case split on parameters, so it has neither a proof nor a witness")


def _compute(rebuilt: Term, decls: Sequence[SymbolDecl]) -> Term:
    """The value of one ``diff``/``limit`` term (run in the worker process)."""
    tr = SympyTranslator(decls)
    try:
        value = None
        if isinstance(rebuilt, Diff):  # one order at a time first, so that the size budget stops a blow-up early
            value, var = tr(rebuilt.expr), tr(rebuilt.var)
            for _ in range(rebuilt.order):
                value = sp.diff(value, var)
                if _nodes_over(value, MAX_RESULT_NODES) is not None:
                    break
            else:
                value = None
        if isinstance(rebuilt, Limit):
            _check_defined_near(tr, rebuilt)
        if value is None and isinstance(rebuilt, Limit) and any(isinstance(n, Ite) for n in walk(rebuilt.expr)):
            value = _limit_of_piecewise(tr, rebuilt.expr, rebuilt)  # never the value at the point
        if value is None:
            value = tr(rebuilt).doit()  # the value that is simplified (its form decides the printed result)
        size = _nodes_over(value, MAX_RESULT_NODES)
        if size is not None:
            raise UnsupportedConstruct(f"SymPy's value of {to_text(rebuilt)[:80]} has more than {MAX_RESULT_NODES} "
                                       "nodes (the result size budget)")
        value = sp.simplify(value)
    except (NotImplementedError, ValueError, TypeError, RecursionError, AttributeError) as exc:
        raise UnsupportedConstruct(f"SymPy could not compute {to_text(rebuilt)} ({type(exc).__name__})"
                                   + _parameters_note(rebuilt)) from None
    if value.has(sp.Derivative, sp.Limit, sp.AccumBounds, sp.zoo, sp.nan):
        raise UnsupportedConstruct(f"SymPy could not compute {to_text(rebuilt)} ({value})")
    for atom in value.atoms(sp.Rational):
        if max(abs(int(atom.p)).bit_length(), int(atom.q).bit_length()) * 0.30103 > MAX_POWER_DIGITS:
            raise UnsupportedConstruct(f"SymPy's value of {to_text(rebuilt)[:80]} holds a number of more than "
                                       f"{MAX_POWER_DIGITS} digits (the digit budget)")
    return from_sympy(value)


def _recheck_diff(inner: Term, var: Term, order: int, out: Term, decls: Sequence[SymbolDecl]) -> bool:
    """True when the derivative recomputed with ``sp.diff`` simplifies to ``out`` (run in the worker)."""
    tr = SympyTranslator(decls)
    return bool(sp.simplify(sp.diff(tr(inner), tr(var), order) - tr(out)) == 0)


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


def _check_defined_near(tr: SympyTranslator, node: Limit) -> None:
    """Raise ``UnsupportedConstruct`` when a partial term of the limit's expression is undefined on a side the
    limit approaches from (``limit_left(sqrt(x), x, 0)``: SymPy's complex value is not a real limit)."""
    if node.point == Const("oo"):
        return
    var, point = tr(node.var), tr(node.point)
    for o in obligations(node.expr):
        if o.guards or free_symbols(o.condition) != {node.var.name}:
            continue
        for side in ([node.side] if node.side else ["+", "-"]):
            try:
                defined = _near_truth(tr, o.condition, var, point, side)
            except UnsupportedConstruct:
                continue
            if not defined:
                raise UnsupportedConstruct(f"{o.term_text()} is undefined on the {'right' if side == '+' else 'left'} "
                                           f"of the limit point ({to_text(o.condition)} fails there)")


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


def _recheck_limit(inner: Term, node: Limit, out: Term, decls: Sequence[SymbolDecl]) -> str:
    """Recompute a limit at infinity through the substitution var = 1/s, s -> 0+ (run in the worker)."""
    if node.point != Const("oo"):
        return ""
    tr = SympyTranslator(decls)
    s = sp.Symbol("s_recheck", positive=True)
    try:
        again = sp.limit(tr(inner).subs(tr(node.var), 1 / s), s, 0, dir="+")
        if sp.simplify(again - tr(out)) == 0:
            return "sympy: recomputed as the limit s -> 0+ of the expression at var = 1/s"
    except (NotImplementedError, ValueError, TypeError):
        pass
    return ""


def is_identity(lhs: Term, rhs: Term, decls: Sequence[SymbolDecl]) -> bool:
    """True when SymPy reduces ``lhs - rhs`` to exactly 0 under the declared domains.

    False means only that SymPy did not find the identity (or a budget ran out); it is not a refutation.
    """
    if huge_power(lhs) or huge_power(rhs):
        return False
    for simplifier in range(2):
        try:
            if worker.call(_identity_with, lhs, rhs, tuple(decls), simplifier, cpu_seconds=SYMPY_CPU_SECONDS):
                return True
        except UnsupportedConstruct:
            continue
    return False


def _identity_with(lhs: Term, rhs: Term, decls: Sequence[SymbolDecl], simplifier: int) -> bool:
    """Does simplifier number ``simplifier`` reduce ``lhs - rhs`` to 0? (run in the worker)"""
    tr = SympyTranslator(decls)
    try:
        diff = tr(lhs) - tr(rhs)
        if diff == 0:
            return True
        if _nodes_over(diff, MAX_IDENTITY_NODES) is not None:
            return False
        if simplifier == 0:
            return bool(sp.simplify(diff) == 0)
        return bool(sp.simplify(sp.powsimp(sp.expand_log(diff, force=False), force=False)) == 0)
    except (TypeError, ValueError, NotImplementedError, RecursionError):
        return False


def to_latex(t: Term, decls: Sequence[SymbolDecl] = ()) -> str:
    """LaTeX for ``t`` through SymPy's printer (undefined names print as themselves)."""
    try:
        return sp.latex(SympyTranslator(decls)(t))
    except (UnsupportedConstruct, TypeError, ValueError, NotImplementedError, OverflowError, RecursionError):
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


def claim_budget():
    """The context in which one claim's SymPy work runs: at most ``CLAIM_SYMPY_CPU_SECONDS`` in total."""
    return worker.claim_budget(CLAIM_SYMPY_CPU_SECONDS)
