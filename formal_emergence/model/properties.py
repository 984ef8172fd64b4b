"""Sufficient conditions for a function of one variable to be continuous or smooth, as terms.

Every primitive of the term language is continuous wherever it is defined
(``exp``, ``log``, ``sqrt``, ``abs``, ``min``, ``max``, arithmetic, real powers
with a fixed exponent), except at three kinds of points, which
``continuity_conditions`` returns as conditions to exclude:

- where an ``ite`` condition switches (``l == r`` for each comparison in it);
- where a ``floor`` or ``heaviside`` argument jumps (an integer, or 0);
- where a real power whose exponent varies with the variable has a base that is
  not positive (``0**a`` is 1 at a = 0 and 0 for a > 0, so it jumps).

Smoothness (``smoothness_conditions``) also excludes the kinks of
``model.definedness.kinks`` (zeros of ``abs`` and root arguments, ties of
``min``/``max``) and asks a positive base of every power with a non-constant or
non-integer exponent. The conditions are sufficient, not necessary
(``sqrt(x**2)`` is not smooth at 0, ``sqrt(x**4)`` is): an unproved condition
leaves the property undecided, never false.
"""

from __future__ import annotations

from fractions import Fraction

from .definedness import condition_boundaries, kinks
from .terms import Add, Diff, Func, Ite, Limit, Mul, Not, Num, Pow, Pred, Rel, Sym, Term, UFun, free_symbols, walk

_ZERO = Num(Fraction(0))

_BOUNDS = ("<", "<=", ">", ">=")


def opaque_parts(t: Term) -> list[str]:
    """The sub-terms whose continuity is not known: undefined functions and predicates, derivatives, limits."""
    out = []
    for node in walk(t):
        if isinstance(node, (UFun, Pred, Diff, Limit)):
            label = node.name if isinstance(node, (UFun, Pred)) else type(node).__name__.lower()
            if label not in out:
                out.append(label)
    return out


def integer_valued(e: Term, integral: frozenset[str]) -> bool:
    """True if ``e`` takes only integer values: integers, symbols in ``integral``, and sums, products and
    natural powers of those (``n - 1``, ``2*n``; not ``1/n`` or ``n/2``)."""
    match e:
        case Num(v):
            return v.denominator == 1
        case Sym(name):
            return name in integral
        case Add(args) | Mul(args):
            return all(integer_valued(a, integral) for a in args)
        case Pow(b, Num(k)) if k.denominator == 1 and k >= 0:
            return integer_valued(b, integral)
    return False


def _power_bases(t: Term, var: str, integral: frozenset[str], smooth: bool) -> list[Term]:
    """``b > 0`` for the powers ``b**e`` that need a positive base to be continuous (an exponent that varies
    with ``var``: ``0**x`` jumps at 0) or smooth (also a fixed exponent that is not an integer: ``x**(1/n)``)."""
    out = []
    for node in walk(t):
        if isinstance(node, Pow):
            varies = var in free_symbols(node.exp)
            if varies or (smooth and not integer_valued(node.exp, integral)):
                cond = Rel(">", node.base, _ZERO)
                if cond not in out:
                    out.append(cond)
    return out


def continuity_conditions(t: Term, var: str, integral: frozenset[str] = frozenset()) -> list[tuple[str, Term]]:
    """``(what, condition)`` pairs: where all conditions hold and ``t`` is defined, ``t`` is continuous in ``var``.

    ``integral`` names the symbols declared integer-valued (a power with such an exponent is continuous in its base).
    """
    out: list[tuple[str, Term]] = []

    def add(what: str, cond: Term) -> None:
        if all(cond != c for _, c in out):
            out.append((what, cond))

    for node in walk(t):
        match node:
            case Ite(c, _, _):
                for eq in condition_boundaries(c):
                    add("the ite condition does not switch", Not(eq))
            case Func("floor", (u,)):
                add("the floor argument is not an integer", Not(Rel("==", node, u)))
            case Func("heaviside", (u,)):
                add("the heaviside argument is not 0", Not(Rel("==", u, _ZERO)))
    for cond in _power_bases(t, var, integral, smooth=False):
        add("a power with a varying exponent has a positive base", cond)
    return out


def smoothness_conditions(t: Term, var: str, integral: frozenset[str] = frozenset()) -> list[tuple[str, Term]]:
    """Like ``continuity_conditions``, for infinite differentiability in ``var``."""
    out = continuity_conditions(t, var, integral)
    for eq in kinks(t, var, power_edges=False):  # _power_bases below asks those powers a positive base
        cond = Not(eq)
        if all(cond != c for _, c in out):
            out.append(("no kink (zero of abs or of a root argument, tie of min/max)", cond))
    for cond in _power_bases(t, var, integral, smooth=True):
        if all(cond != c for _, c in out):
            out.append(("a power with a non-integer or varying exponent has a positive base", cond))
    return out


def interval_bounds(assume: tuple[Term, ...], var: str) -> bool:
    """True if every assumption that mentions ``var`` is a bound ``var OP e`` or ``e OP var`` with ``e`` free of it.

    With a domain that is an interval, the set such assumptions allow is an interval for each value of the
    parameters, which the mean value theorem needs.
    """
    for a in assume:
        if var not in free_symbols(a):
            continue
        match a:
            case Rel(op, Sym(name), e) if op in _BOUNDS and name == var and var not in free_symbols(e):
                continue
            case Rel(op, e, Sym(name)) if op in _BOUNDS and name == var and var not in free_symbols(e):
                continue
        return False
    return True


__all__ = ["integer_valued", "opaque_parts", "continuity_conditions", "smoothness_conditions", "interval_bounds"]
