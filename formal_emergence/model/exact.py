"""Exact rational evaluation of closed terms (no transcendental functions).

``exact_value`` returns a ``Fraction`` or None when the term is not rational
arithmetic (it contains ``exp``, ``log``, a non-integer power, a symbol, ...).
``exact_truth`` decides a closed statement exactly, or returns None.
"""

from __future__ import annotations

from fractions import Fraction

from .terms import Add, And, Bool, Func, Iff, Implies, Ite, Mul, Not, Num, Or, Pow, Rel, Term


#: Exact powers whose result would have more digits than this are left to interval arithmetic.
MAX_EXACT_DIGITS = 20_000


def _digits(v: Fraction) -> int:
    return max(abs(v.numerator).bit_length(), v.denominator.bit_length()) * 30103 // 100000 + 1


def exact_value(t: Term) -> Fraction | None:
    match t:
        case Num(v):
            return v
        case Add(args) | Mul(args):
            vals = [exact_value(a) for a in args]
            if any(v is None for v in vals):
                return None
            out = Fraction(0) if isinstance(t, Add) else Fraction(1)
            for v in vals:
                out = out + v if isinstance(t, Add) else out * v  # type: ignore[operator]
            return out
        case Pow(b, e):
            base, exp = exact_value(b), exact_value(e)
            if base is None or exp is None or exp.denominator != 1 or abs(exp) > 10_000:
                return None
            if _digits(base) * abs(exp.numerator) > MAX_EXACT_DIGITS:  # the digit budget of exact arithmetic
                return None
            if base == 0 and exp < 0:
                return None
            return base ** int(exp)
        case Func("abs", (u,)):
            v = exact_value(u)
            return None if v is None else abs(v)
        case Func("min" | "max" as name, (a, b)):
            x, y = exact_value(a), exact_value(b)
            if x is None or y is None:
                return None
            return min(x, y) if name == "min" else max(x, y)
        case Func("floor", (u,)):
            v = exact_value(u)
            return None if v is None else Fraction(v.__floor__())
        case Func("heaviside", (u,)):
            v = exact_value(u)
            return None if v is None else Fraction(1 if v > 0 else 0)
        case Ite(c, a, b):
            cond = exact_truth(c)
            return None if cond is None else exact_value(a if cond else b)
    return None


def exact_truth(t: Term) -> bool | None:
    match t:
        case Bool(v):
            return v
        case Rel(op, a, b):
            x, y = exact_value(a), exact_value(b)
            if x is None or y is None:
                return None
            return {"<": x < y, "<=": x <= y, ">": x > y, ">=": x >= y, "==": x == y, "!=": x != y}[op]
        case And(args):
            vals = [exact_truth(a) for a in args]
            if any(v is False for v in vals):
                return False
            return True if all(v is True for v in vals) else None
        case Or(args):
            vals = [exact_truth(a) for a in args]
            if any(v is True for v in vals):
                return True
            return False if all(v is False for v in vals) else None
        case Not(a):
            v = exact_truth(a)
            return None if v is None else not v
        case Implies(a, b):
            x, y = exact_truth(a), exact_truth(b)
            if x is False or y is True:
                return True
            return False if (x is True and y is False) else None
        case Iff(a, b):
            x, y = exact_truth(a), exact_truth(b)
            return None if x is None or y is None else x == y
    return None
