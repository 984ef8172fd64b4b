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


def test_a_scan_checks_no_tolerance_outside_the_declared_domain(load_claims):
    """Adversarial review 12 F9: the scan went to 102.4 for a unit tolerance (approx, default 1/10 doubled ten
    times) and reported verdicts there; it now keeps the declared domain and skips such values."""
    from formal_emergence.conventions import load_conventions
    from formal_emergence.engine.flip import _bracket, _with_free
    from formal_emergence.model.terms import free_symbols
    from formal_emergence.model.verdict import Result
    fields = dict(id='"u.scan"', title='"a unit tolerance"', kind='"theorem"', symbols='{ t = "unit" }',
                  source='{ document = "d.txt", section = "s", quote = "q" }', tolerances='{ t = "approx" }',
                  show='"t < 2"')
    cat = load_claims("[[assertion]]\n" + "".join(f"{k} = {v}\n" for k, v in fields.items()))
    conv = load_conventions()["approx"]
    open_claim = _with_free(cat.reading("u.scan").open_claim, "t", conv.tolerance_domain)
    asked = []

    def check(claim):
        assert "t" not in free_symbols(claim.show)
        asked.append(claim.show.lhs.value)
        return Result("u.scan", Verdict.HOLDS, "stub")
    flip, = _bracket(open_claim, "t", conv, Result("u.scan", Verdict.HOLDS, "stub"), D, True, check, BASE)
    assert asked and all(0 < t < 1 for t in asked), asked
    assert Fraction(1, 20) in asked and Fraction(4, 5) in asked and Fraction(8, 5) not in asked
    assert "checked from 0.009766% to 80%" in flip.text, flip.text
