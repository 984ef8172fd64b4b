"""Bracketed flip points straddle a change (adv8 F8): both ends are checked, with different verdicts, or no flip point
is reported."""

from __future__ import annotations

from fractions import Fraction

from formal_emergence.engine.flip import _bisected
from formal_emergence.model.verdict import Verdict


class _Conv:
    id = "small"
    default_text = "1/10"


BASE = dict(symbol="tol", convention="small", default="1/10")
D = Fraction(1, 10)


def test_a_change_between_the_default_and_a_scan_point_is_bracketed_by_two_checked_verdicts():
    seen = []

    def verdict_at(t):
        seen.append(t)
        return Verdict.HOLDS if t < Fraction(3, 20) else Verdict.FAILS
    flip = _bisected("tol", _Conv, D, Verdict.HOLDS, Fraction(2, 10), True, verdict_at, BASE)
    lo, hi = (Fraction(x) for x in flip.value.strip("[]").split(", "))
    assert lo < Fraction(3, 20) <= hi and (flip.below, flip.above) == ("holds", "fails")
    assert lo in seen and hi in seen  # both ends were checked, the default end too


def test_no_flip_point_when_the_verdict_at_the_default_end_is_not_the_readings():
    """The reading's verdict at the default (holds) came another way; with the tolerance at the default the engine
    gives fails, as at every other point: the bracket [default, ...] had fails at both ends and was reported."""
    flip = _bisected("tol", _Conv, D, Verdict.HOLDS, Fraction(2, 10), True, lambda t: Verdict.FAILS, BASE)
    assert flip.value == "" and flip.method == "none" and "no flip point" in flip.text


def test_no_flip_point_when_an_end_is_undecided():
    flip = _bisected("tol", _Conv, D, Verdict.HOLDS, Fraction(2, 10), True,
                     lambda t: Verdict.FAILS if t == Fraction(2, 10) else None, BASE)
    assert flip.value == "" and flip.below == flip.above == ""
