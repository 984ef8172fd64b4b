"""Exact rational evaluation of terms at exact points (no transcendental functions).

``exact_value`` returns a ``Fraction`` or None when the value is not rational
arithmetic at that point (it needs ``exp``, ``log``, an irrational root, an
unknown symbol, ...) or is undefined there (a zero denominator, the root of a
negative number). ``exact_truth`` decides a statement exactly, or returns
None. Both follow the definedness semantics of ``model.definedness``: ``ite``
evaluates only its chosen branch, ``implies``/``and``/``or`` short-circuit, and
a real power is exact when its value is rational (``0**(1/2) = 0``,
``(9/4)**(1/2) = 3/2``, ``(-2)**3 = -8``).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Mapping

from .terms import Add, And, Bool, Func, Iff, Implies, Ite, Mul, Not, Num, Or, Pow, Rel, Sym, Term, UFun, to_text

#: Exponents and digit counts above these are left to interval arithmetic (no huge exact powers).
MAX_EXACT_EXPONENT = 10_000
MAX_EXACT_DIGITS = 20_000

_NO_VALUES: Mapping[str, Fraction] = {}


class _WithFunctions(dict):
    """Symbol values that also carry the values of undefined function applications."""

    def __init__(self, values: Mapping[str, Fraction], functions: Mapping[str, object]):
        super().__init__(values)
        self.functions = functions


def _iroot(n: int, k: int) -> int | None:
    """The exact non-negative integer k-th root of ``n >= 0``, or None."""
    if n < 2:
        return n
    lo, hi = 0, 1 << (n.bit_length() // k + 1)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid ** k <= n:
            lo = mid
        else:
            hi = mid - 1
    return lo if lo ** k == n else None


def _digits(v: Fraction) -> int:
    return max(abs(v.numerator).bit_length(), v.denominator.bit_length()) * 30103 // 100000 + 1


def _power(base: Fraction, exp: Fraction) -> Fraction | None:
    if abs(exp.numerator) > MAX_EXACT_EXPONENT or exp.denominator > MAX_EXACT_EXPONENT:
        return None
    if _digits(base) * abs(exp.numerator) > MAX_EXACT_DIGITS:
        return None
    if exp.denominator == 1:
        if base == 0 and exp < 0:
            return None
        return base ** int(exp)
    if base < 0:
        return None  # the principal root of a negative number is not real
    if base == 0:
        return Fraction(0) if exp > 0 else None
    r = exp.denominator
    num, den = _iroot(base.numerator, r), _iroot(base.denominator, r)
    if num is None or den is None:
        return None
    return Fraction(num, den) ** exp.numerator


def exact_value(t: Term, values: Mapping[str, Fraction] = _NO_VALUES,
                functions: Mapping[str, object] = _NO_VALUES) -> Fraction | None:
    """The exact value of ``t`` with symbols taken from ``values``, or None (see the module docstring).

    ``functions`` gives values to undefined function applications by their text
    (a countermodel's interpretation).
    """
    if functions:
        values = _WithFunctions(values, functions)
    match t:
        case Num(v):
            return v
        case Sym(name):
            return values.get(name)
        case UFun() if isinstance(values, _WithFunctions):
            v = values.functions.get(to_text(t))
            return v if isinstance(v, Fraction) else None
        case Add(args) | Mul(args):
            out = Fraction(0) if isinstance(t, Add) else Fraction(1)
            for a in args:
                v = exact_value(a, values)
                if v is None:
                    return None
                out = out + v if isinstance(t, Add) else out * v
            return out
        case Pow(b, e):
            base, exp = exact_value(b, values), exact_value(e, values)
            if base is None or exp is None:
                return None
            return _power(base, exp)
        case Func("sqrt", (u,)):
            v = exact_value(u, values)
            return None if v is None else _power(v, Fraction(1, 2))
        case Func("abs", (u,)):
            v = exact_value(u, values)
            return None if v is None else abs(v)
        case Func("min" | "max" as name, (a, b)):
            x, y = exact_value(a, values), exact_value(b, values)
            if x is None or y is None:
                return None
            return min(x, y) if name == "min" else max(x, y)
        case Func("floor", (u,)):
            v = exact_value(u, values)
            return None if v is None else Fraction(v.__floor__())
        case Func("heaviside", (u,)):
            v = exact_value(u, values)
            return None if v is None else Fraction(1 if v > 0 else 0)
        case Ite(c, a, b):
            cond = exact_truth(c, values)
            return None if cond is None else exact_value(a if cond else b, values)
    return None


def exact_truth(t: Term, values: Mapping[str, Fraction] = _NO_VALUES) -> bool | None:
    """Decide ``t`` exactly at ``values`` (True/False), or None when it is not exact there."""
    match t:
        case Bool(v):
            return v
        case Rel(op, a, b):
            x, y = exact_value(a, values), exact_value(b, values)
            if x is None or y is None:
                return None
            return {"<": x < y, "<=": x <= y, ">": x > y, ">=": x >= y, "==": x == y, "!=": x != y}[op]
        case And(args) | Or(args):
            stop = isinstance(t, Or)  # the value that ends the evaluation (short-circuit)
            for a in args:  # left to right: an operand is reached only when the earlier ones are decided
                v = exact_truth(a, values)
                if v is None or v is stop:
                    return v
            return not stop
        case Not(a):
            v = exact_truth(a, values)
            return None if v is None else not v
        case Implies(a, b):
            x = exact_truth(a, values)
            if x is False:
                return True
            y = exact_truth(b, values)
            if y is True:
                return True
            return False if (x is True and y is False) else None
        case Iff(a, b):
            x, y = exact_truth(a, values), exact_truth(b, values)
            return None if x is None or y is None else x == y
    return None
