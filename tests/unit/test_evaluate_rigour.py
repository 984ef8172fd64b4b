"""The interval evaluator's enclosures of exp, log, e, pi and real powers contain the true value.

mpmath's interval functions round an approximate value in the directed mode, which is wrong when the
true value lies within the approximation error of a representable number (``iv.exp(2**-100)`` at
50 digits is the point ``1 + 2**-100``). The evaluator widens them (``Evaluator.outward``); these tests
compare with mpmath at 3000 digits, and show that the raw mpmath enclosures do miss."""

from __future__ import annotations

import functools
import random
from fractions import Fraction

import mpmath
import pytest
from mpmath.libmp import from_man_exp, mpf_exp, mpf_log, round_nearest

from formal_emergence.model.terms import Func, Num, Pow
from formal_emergence.numeric.evaluate import IntervalEvaluator as Evaluator

TINY = [Fraction(1, 2 ** k) for k in range(1, 400)]


@functools.lru_cache(maxsize=None)
def _truth(f, x: Fraction):
    """``f(x)`` at 3000 digits (an mpf, immutable), computed once per (f, x): the dps-parametrized tests
    compare the evaluator with the same true values."""
    with mpmath.workdps(3000):
        return f(mpmath.mpf(x.numerator) / x.denominator)


def _contains(r, t) -> bool:
    with mpmath.workdps(3000):
        return mpmath.mpf(r.a) <= t <= mpmath.mpf(r.b)


@pytest.mark.parametrize("dps", [30, 50, 120])
def test_exp_and_log_of_dyadic_points_are_enclosed(dps):
    ev = Evaluator(dps)
    for x in TINY:
        assert _contains(ev.real(Func("exp", (Num(x),)), {}), _truth(mpmath.exp, x)), ("exp", x)
        assert _contains(ev.real(Func("exp", (Num(-x),)), {}), _truth(mpmath.exp, -x)), ("exp", -x)
        assert _contains(ev.real(Func("log", (Num(1 + x),)), {}), _truth(mpmath.log, 1 + x)), ("log", 1 + x)
        assert _contains(ev.real(Pow(Num(1 + x), Num(Fraction(1, 3))), {}),
                         _truth(mpmath.cbrt, 1 + x)), ("cbrt", 1 + x)


def test_raw_mpmath_intervals_miss_so_the_widening_is_needed():
    ev = Evaluator(50)
    misses = [x for x in TINY if not _contains(ev.ctx.exp(ev.number(x)), _truth(mpmath.exp, x))]
    assert misses  # e.g. 2**-100: the raw enclosure is a point below the true value


def test_exp_and_log_are_within_one_unit_in_the_last_place():
    """The bound ``outward`` relies on (it widens by 256 units): round-to-nearest results, random arguments."""
    rng, prec = random.Random(20261202), 200
    with mpmath.workprec(3000):
        for _ in range(600):
            m = rng.randint(1, 2 ** rng.randint(1, 220))
            x = from_man_exp(m * rng.choice((1, -1)), rng.randint(-420, 10) - m.bit_length())
            for f, mf in ((mpmath.exp, mpf_exp), (mpmath.log, mpf_log)):
                arg = x if f is mpmath.exp else from_man_exp(m, rng.randint(-420, 420))
                t = f(mpmath.mpf(arg))
                if t != 0:
                    assert abs(mpmath.mpf(mf(arg, prec, round_nearest)) - t) <= abs(t) * mpmath.mpf(2) ** -prec


@pytest.mark.parametrize(("base", "n"), [(Fraction(-3, 2), -20001), (Fraction(-3, 2), 20000), (Fraction(7, 5), 30001),
                                         (Fraction(-10 ** 43), -10 ** 43 - 1)])
def test_huge_integer_powers_stay_real_and_enclose_the_value(base, n):
    """A huge power of a negative base was a complex interval (fuzz seed 20261204, c4444: an engine error)."""
    r = Evaluator(30).real(Pow(Num(base), Num(Fraction(n))), {})
    assert type(r).__name__ == "ivmpf"
    with mpmath.workdps(60):
        log_truth = n * mpmath.log(abs(mpmath.mpf(base.numerator) / base.denominator))
        negative = base < 0 and n % 2
        if abs(log_truth) < 10 ** 6:
            t = mpmath.exp(log_truth) * (-1 if negative else 1)
            assert mpmath.mpf(r.a) <= t <= mpmath.mpf(r.b)
        else:  # beyond exp's magnitude budget: only the sign and the side of 0
            assert (r.b <= 0) if negative else (r.a >= 0)


def test_exact_points_stay_exact_after_the_widening():
    ev = Evaluator(30)
    assert ev.real(Func("exp", (Num(Fraction(0)),)), {}) == 1
    assert ev.real(Func("log", (Num(Fraction(1)),)), {}) == 0
    assert ev.real(Func("sqrt", (Num(Fraction(4)),)), {}) == 2


def test_a_witness_too_close_to_call_at_30_digits_is_confirmed_at_120():
    from formal_emergence.model.terms import Add, Mul, Rel, Sym
    from formal_emergence.numeric.evaluate import confirm_counterexample
    x = Sym("x")
    lhs = Add((Func("exp", (x,)), Num(Fraction(-1)), Mul((Num(Fraction(-1)), x))))
    goal = Rel(">", lhs, Num(Fraction(1, 10 ** 60)))
    conf = confirm_counterexample((), goal, {"x": Fraction(1, 10 ** 40)}, 30)
    assert conf.status == "confirmed" and conf.dps == 120
