"""``IntervalEvaluator.number`` makes ``p/q`` rounded down and up directly when ``p`` and ``q`` are exact at the
context's precision: the same bits as the interval division ``mpf(p) / mpf(q)`` it replaces, for every size."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest

from formal_emergence.numeric.evaluate import IntervalEvaluator


@pytest.mark.parametrize("dps", [30, 120])
def test_number_has_the_bits_of_the_interval_division(dps):
    rnd = random.Random(dps)
    ev = IntervalEvaluator(dps)
    ctx = ev.ctx
    for _ in range(3000):
        p = rnd.randint(-10 ** rnd.choice([1, 20, 45, 140, 400]), 10 ** rnd.choice([1, 20, 45, 140, 400]))
        q = rnd.randint(1, 10 ** rnd.choice([1, 20, 45, 140]))
        v = Fraction(p, q)
        assert ev.number(v)._mpi_ == (ctx.mpf(v.numerator) / ctx.mpf(v.denominator))._mpi_, v
        assert ev.number(v) is ev.number(v)  # kept for the evaluator's later uses


def test_a_third_is_a_strict_enclosure():
    ev = IntervalEvaluator(30)
    third = ev.number(Fraction(1, 3))
    assert (third.a < third.b) is True and abs(float(third.mid) - 1 / 3) < 1e-15
