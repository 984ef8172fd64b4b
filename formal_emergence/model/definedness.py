"""Where a term is defined: the side conditions of its partial sub-terms, each with its guards.

A partial term (``log``, ``sqrt``, a division, a real power) needs a condition on
its argument (``log(u)`` needs ``u > 0``). The condition applies only where
evaluation reaches the term:

- the true branch of ``ite(c, a, b)`` is reached where ``c`` holds, the false
  branch where ``not c`` holds (the condition ``c`` itself is always evaluated);
- the consequent of ``implies(a, b)`` is reached where ``a`` holds;
- ``a and b`` and ``a or b`` short-circuit: ``b`` is reached where ``a`` holds
  (for ``and``) or where ``a`` fails (for ``or``).

Real powers follow their real meaning: ``b**n`` with an integer ``n >= 0`` is
defined everywhere (``0**0 = 1``, SymPy's convention); ``b**n`` with ``n < 0``
needs ``b != 0``; ``b**(p/q)`` (not an integer) is the principal real root and
needs ``b >= 0`` (``b > 0`` when ``p/q < 0``); ``b**a`` with a symbolic
exponent needs ``b > 0``, or ``b = 0`` and ``a >= 0``, or ``b < 0`` and ``a``
an integer.

Every layer uses these obligations, so the z3 path, the SymPy identity path
and the reports share one definedness semantics.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .terms import (And, Bool, Const, Diff, Func, Iff, Implies, Ite, Limit, Not, Num, Or, Pow, Rel, Sym, Term, children, conj,
                    free_symbols, substitute, to_text, transform, walk)

_ZERO = Num(Fraction(0))


@dataclass(frozen=True, slots=True)
class Obligation:
    """``term`` is defined exactly where ``condition`` holds; it is evaluated only where all ``guards`` hold."""

    term: Term
    condition: Term
    guards: tuple[Term, ...] = ()

    def formula(self) -> Term:
        """The obligation as one statement: ``guards => condition``."""
        return Implies(conj(self.guards), self.condition) if self.guards else self.condition

    def text(self) -> str:
        """The condition in claim syntax, prefixed by its guards (``g => c``)."""
        cond = to_text(self.condition)
        return f"{' and '.join(to_text(g) for g in self.guards)} => {cond}" if self.guards else cond

    def term_text(self) -> str:
        """The partial term as a reader writes it (a reciprocal as ``1/b``)."""
        t = self.term
        if isinstance(t, Pow) and t.exp == Num(Fraction(-1)):
            base = to_text(t.base)
            return f"1/{base}" if isinstance(t.base, (Sym, Num, Func)) else f"1/({base})"
        return to_text(t)

    def words(self) -> str:
        """A phrase for reasons: ``log(x) is defined, x > 0``."""
        where = f" (where {' and '.join(to_text(g) for g in self.guards)})" if self.guards else ""
        return f"{self.term_text()} is defined, {to_text(self.condition)}{where}"


def power_condition(base: Term, exponent: Term) -> Term | None:
    """The condition under which the real power ``base**exponent`` is defined (None: everywhere)."""
    if isinstance(base, Const) and base.name == "e":
        return None
    if isinstance(exponent, Num):
        q = exponent.value
        if q.denominator == 1:
            if q >= 0 or (isinstance(base, Num) and base.value != 0):
                return None
            return Rel("!=", base, _ZERO)
        if isinstance(base, Num):
            return None if base.value > 0 or (base.value == 0 and q > 0) else Rel(">=" if q > 0 else ">", base, _ZERO)
        return Rel(">=" if q > 0 else ">", base, _ZERO)
    integer_exponent = Rel("==", Func("floor", (exponent,)), exponent)
    if isinstance(base, Num):
        if base.value > 0:
            return None
        return Rel(">=", exponent, _ZERO) if base.value == 0 else integer_exponent
    if isinstance(base, Const):
        return None
    return Or((Rel(">", base, _ZERO), And((Rel("==", base, _ZERO), Rel(">=", exponent, _ZERO))),
               And((Rel("<", base, _ZERO), integer_exponent))))


def _own_condition(t: Term) -> Term | None:
    match t:
        case Func("log", (u,)):
            if isinstance(u, Num) and u.value > 0 or isinstance(u, Const) or \
                    isinstance(u, Func) and u.name == "exp":
                return None
            return Rel(">", u, _ZERO)
        case Func("sqrt", (u,)):
            return power_condition(u, Num(Fraction(1, 2)))
        case Pow(b, e):
            return power_condition(b, e)
    return None


def obligations(t: Term, guards: tuple[Term, ...] = ()) -> list[Obligation]:
    """The definedness obligations of ``t``'s partial sub-terms, in order, without duplicates.

    The sub-terms of ``diff`` and ``limit`` bind their variable, so their
    obligations are not the enclosing term's (they are lowered before use).
    """
    out: list[Obligation] = []
    seen: set[Obligation] = set()

    def add(o: Obligation) -> None:
        if o not in seen:
            seen.add(o)
            out.append(o)

    def visit(node: Term, gs: tuple[Term, ...]) -> None:
        match node:
            case Diff() | Limit():
                return
            case Ite(c, a, b):
                visit(c, gs)
                visit(a, gs + (c,))
                visit(b, gs + (Not(c),))
                return
            case Implies(a, b):
                visit(a, gs)
                visit(b, gs + (a,))
                return
            case And(args) | Or(args):
                for i, a in enumerate(args):
                    earlier = args[:i] if isinstance(node, And) else tuple(Not(x) for x in args[:i])
                    visit(a, gs + earlier)
                return
        for k in children(node):
            visit(k, gs)
        cond = _own_condition(node)
        if cond is not None:
            add(Obligation(node, cond, gs))

    visit(t, guards)
    return out


def condition_boundaries(cond: Term) -> list[Term]:
    match cond:
        case Rel(_, l, r):
            return [Rel("==", l, r)]
        case Not(a):
            return condition_boundaries(a)
        case And(args) | Or(args):
            return [b for a in args for b in condition_boundaries(a)]
        case Implies(a, b) | Iff(a, b):
            return condition_boundaries(a) + condition_boundaries(b)
        case Bool():
            return []
    return [Bool(True)]  # a condition we cannot analyse may switch anywhere


def kinks(t: Term, var: str | None = None, power_edges: bool = True) -> list[Term]:
    """Equations off which ``t`` is smooth: where it may have a jump, a kink or the edge of its domain.

    The boundaries ``l == r`` of every ``ite`` condition, the zeros of ``abs``
    and ``heaviside`` arguments, the ties of ``min``/``max``, the integer
    points of ``floor`` arguments, the zeros of root arguments, and the edges of the domain of a power with
    a symbolic exponent (``_power_edge``). A derivative computed branch by branch is
    right wherever none of them holds; at those points it may not exist (a two-sided derivative needs the
    term defined on both sides: ``x**a`` with ``a = 3/2`` at 0 has only a right derivative).

    With ``var``, only the smoothness in ``var`` counts (a partial derivative): a node whose switch does not
    depend on ``var`` (``heaviside(a)``, an ``ite`` whose condition is free of ``var``) is constant in it, or
    picks one branch for all of it, and has no kink in ``var``. ``power_edges=False`` leaves out the edges of
    symbolic powers (for a caller that asks a positive base of those powers anyway).
    """
    out: list[Term] = []
    for node in walk(t):
        switch = node.cond if isinstance(node, Ite) else node
        if var is not None and var not in free_symbols(switch):
            continue
        match node:
            case Ite(c, _, _):
                found = condition_boundaries(c)
            case Func("abs" | "heaviside", (u,)):
                found = [Rel("==", u, _ZERO)]
            case Func("min" | "max", (a, b)):
                found = [Rel("==", a, b)]
            case Func("floor", (u,)):
                found = [Rel("==", node, u)]
            case Func("sqrt", (u,)):
                found = [Rel("==", u, _ZERO)]  # sqrt(x**2) = |x| has a kink where its argument is 0
            case Pow(u, Num(q)) if q.denominator != 1:
                found = [Rel("==", u, _ZERO)]
            case Pow(u, e) if power_edges and not isinstance(e, Num) and power_condition(u, e) is not None:
                found = [_power_edge(u, e, var)]
            case _:
                found = []
        out.extend(f for f in found if f not in out)
    return out


def _power_edge(base: Term, exponent: Term, var: str | None) -> Term:
    """Where ``base**exponent`` (a symbolic exponent) may be defined at a point but not on both sides of it.

    An exponent fixed in ``var`` needs ``base >= 0`` unless it is an integer (``power_condition``), so the edge
    is a zero of the base with a non-integer exponent: ``base == 0 and not floor(e) == e``. An exponent that
    varies with ``var`` (or any exponent with symbols, when ``var`` is None) is an integer only at isolated
    points, so a base that is not positive has no neighbourhood in the domain: ``base <= 0``.
    """
    varies = bool(free_symbols(exponent)) if var is None else var in free_symbols(exponent)
    if varies:
        return Rel("<=", base, _ZERO)
    return And((Rel("==", base, _ZERO), Not(Rel("==", Func("floor", (exponent,)), exponent))))


def _removable(c: Term, a: Term, b: Term) -> Term | None:
    """``b`` when ``ite(c, a, b)`` equals ``b`` as a function: ``c`` is ``v == e`` and ``a`` is ``b`` at ``v = e``."""
    match c:
        case Rel("==", Sym(v), e) | Rel("==", e, Sym(v)) if v not in free_symbols(e):
            try:
                return b if substitute(b, {v: e}) == a else None
            except ValueError:  # b holds a diff over v: not rewritten
                return None
    return None


def drop_removable_ites(t: Term) -> Term:
    """``t`` with every ``ite`` whose branches agree at its switch point replaced by the branch that holds off it.

    ``ite(x == e, a, b)`` with ``a`` the term ``b`` at ``x = e`` is the function ``b`` (same value and
    same definedness everywhere); likewise ``ite(x != e, b, a)``. Only syntactic agreement after the
    substitution counts, so the rewrite is an identity and never changes a value. It lets a derivative of
    ``ite(x == 0, 0, x)`` be the derivative of ``x`` instead of a kink that blocks every verdict.
    """
    def visit(node: Term) -> Term | None:
        if isinstance(node, Ite):
            c, a, b = (drop_removable_ites(k) for k in children(node))
            off = _removable(c, a, b)
            if off is None and isinstance(c, Rel) and c.op == "!=":
                off = _removable(Rel("==", c.lhs, c.rhs), b, a)
            return off if off is not None else Ite(c, a, b)
        return None

    return transform(t, visit)


__all__ = ["Obligation", "obligations", "power_condition", "kinks", "condition_boundaries", "drop_removable_ites"]
