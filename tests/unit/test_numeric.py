"""The mpmath layer (formal_emergence.numeric): rigorous interval evaluation and witness confirmation."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest

from formal_emergence.model.claim import SymbolDecl
from formal_emergence.numeric.evaluate import (IntervalEvaluator, NotEvaluable, confirm_counterexample,
                                               decide_closed, evaluate_text, rigorous_bounds)
from formal_emergence.numeric.sampling import approach_points, sample_points
from formal_emergence.parse.expr import Scope, parse_expression

SCOPE = Scope(symbols=frozenset({"x", "y"}), predicates={"Q": 1}, functions={"F": 1})


def t(text: str):
    return parse_expression(text, SCOPE)


@pytest.fixture()
def ev():
    return IntervalEvaluator(30)


# --- certainty of comparisons -------------------------------------------------------------------


@pytest.mark.parametrize(("text", "values", "expected"), [
    ("exp(1) > 2.718", {}, True),
    ("exp(1) < 2.718", {}, False),
    ("pi > 3.14159265358979", {}, True),
    ("x**2 > x", {"x": Fraction(1, 2)}, False),
    ("x**2 > x", {"x": Fraction(2)}, True),
    ("x >= 1", {"x": Fraction(1)}, True),        # exact representable values are certain
    ("x == 1/4", {"x": Fraction(1, 4)}, True),
    ("sqrt(2)**2 == 2", {}, None),               # the enclosure straddles 2
    ("sqrt(2)**2 > 2", {}, None),
    ("exp(x) != exp(x)", {"x": Fraction(1)}, None),
    ("x > 0 and y > 0", {"x": Fraction(1), "y": Fraction(-1)}, False),
    ("x > 0 or sqrt(2)**2 > 2", {"x": Fraction(1)}, True),
    ("implies(x < 0, sqrt(2)**2 > 2)", {"x": Fraction(1)}, True),
    ("not sqrt(2)**2 > 2", {}, None),
    ("ite(x > 0, x, -x) == 3", {"x": Fraction(-3)}, True),
    ("abs(x) + min(x, y) == max(x, y)", {"x": Fraction(-2), "y": Fraction(5)}, False),
    ("heaviside(x) == 0", {"x": Fraction(0)}, True),
])
def test_boolean_certainty(ev, text, values, expected):
    assert ev.boolean(t(text), values) is expected


def test_floor_is_evaluated(ev):
    assert ev.boolean(t("floor(x) == 2"), {"x": Fraction(5, 2)}) is True
    with pytest.raises(NotEvaluable):  # the floor of an interval straddling an integer is undetermined
        ev.real(t("floor(sqrt(2)**2)"), {})


def test_not_evaluable(ev):
    with pytest.raises(NotEvaluable):
        ev.real(t("log(x)"), {"x": Fraction(-1)})
    with pytest.raises(NotEvaluable):
        ev.real(t("log(x)"), {"x": Fraction(0)})
    with pytest.raises(NotEvaluable):
        ev.real(t("x**y"), {"x": Fraction(-2), "y": Fraction(1, 3)})
    with pytest.raises(NotEvaluable):
        ev.real(t("x + y"), {"x": Fraction(1)})  # missing value
    with pytest.raises(NotEvaluable):
        ev.boolean(t("Q(x)"), {"x": Fraction(1)})  # undefined predicate
    with pytest.raises(NotEvaluable):
        ev.real(t("diff(x, x)"), {"x": Fraction(1)})


def test_interpretation_supplies_undefined_terms():
    ev = IntervalEvaluator(30, {"F(x)": Fraction(3), "Q(x)": True})
    assert ev.boolean(t("F(x) > 2 and Q(x)"), {"x": Fraction(1)}) is True


def test_dps_range_checked():
    with pytest.raises(ValueError):
        IntervalEvaluator(5)


# --- rigorous bounds -----------------------------------------------------------------------------

BOUND_CASES = [
    ("exp(-1)", lambda: mpmath.exp(-1)),
    ("log(2)", lambda: mpmath.log(2)),
    ("pi", lambda: mpmath.pi),
    ("e", lambda: mpmath.e),
    ("sqrt(2)", lambda: mpmath.sqrt(2)),
    ("1 - exp(-(3/2)**0.7)", lambda: 1 - mpmath.exp(-mpmath.power(mpmath.mpf(3) / 2, mpmath.mpf(7) / 10))),
    ("2**(1/3) + log(10)/log(2)", lambda: mpmath.cbrt(2) + mpmath.log(10) / mpmath.log(2)),
    ("0.1 + 0.2", lambda: mpmath.mpf(3) / 10),
]


@pytest.mark.parametrize(("text", "truth"), BOUND_CASES)
def test_rigorous_bounds_contain_true_value(text, truth):
    lo, hi = rigorous_bounds(t(text), 30)
    assert isinstance(lo, Fraction) and isinstance(hi, Fraction)
    assert lo <= hi
    with mpmath.workdps(50):
        value = truth()
        assert mpmath.mpf(lo.numerator) / lo.denominator <= value <= mpmath.mpf(hi.numerator) / hi.denominator
    assert hi - lo < Fraction(1, 10 ** 25)  # tight at 30 digits


def test_rigorous_bounds_exact_for_rationals():
    lo, hi = rigorous_bounds(t("1/4 + 1/2"), 30)
    assert lo == hi == Fraction(3, 4)


def test_rigorous_bounds_none_when_not_evaluable():
    assert rigorous_bounds(t("log(-1)")) is None
    assert rigorous_bounds(t("log(0)")) is None


def test_decide_closed():
    assert decide_closed(t("exp(-1) < 1/2")) is True
    assert decide_closed(t("pi < 3.14")) is False
    assert decide_closed(t("sqrt(2)**2 == 2")) is None
    assert decide_closed(t("log(-1) > 0")) is None


# --- confirmation of counterexamples ------------------------------------------------------------


def test_confirm_counterexample_statuses():
    hyps, goal = [t("x > 0")], t("x**2 > x")
    ok = confirm_counterexample(hyps, goal, {"x": Fraction(1, 2)})
    assert ok.status == "confirmed"
    assert dict(ok.evaluations)["x**2"] == "1/4" and ok.exact
    assert ok.dps == 30
    true_there = confirm_counterexample(hyps, goal, {"x": Fraction(2)})
    assert true_there.status == "spurious" and "statement is true" in true_there.detail
    hyp_false = confirm_counterexample(hyps, goal, {"x": Fraction(-2)})
    assert hyp_false.status == "spurious" and "hypothesis is false" in hyp_false.detail
    too_wide = confirm_counterexample([], t("sqrt(2)**2 > 2"), {})
    assert too_wide.status == "undetermined" and "interval too wide" in too_wide.detail
    undefined = confirm_counterexample([], t("log(x) > 0"), {"x": Fraction(-1)})
    assert undefined.status == "undetermined" and "not evaluable" in undefined.detail


def test_confirm_with_interpretation():
    conf = confirm_counterexample([t("implies(x > 0, F(x) > 1)")], t("implies(F(x) > 1, x > 0)"),
                                  {"x": Fraction(0)}, interpretation={"F(x)": Fraction(2)})
    assert conf.status == "confirmed"


def test_evaluate_text():
    assert evaluate_text(t("exp(1)"), {}, 20) == "2.7182818284590452354"
    assert evaluate_text(t("log(x)"), {"x": Fraction(-1)}) == "undefined"


# --- global precision untouched ------------------------------------------------------------------


def test_global_mpmath_precision_unchanged():
    before_dps, before_prec = mpmath.mp.dps, mpmath.mp.prec
    before_iv = mpmath.iv.prec
    rigorous_bounds(t("exp(-1)"), 200)
    decide_closed(t("pi > 3"), 500)
    confirm_counterexample([t("x > 0")], t("x**2 > x"), {"x": Fraction(1, 3)}, dps=100)
    evaluate_text(t("exp(x)"), {"x": Fraction(1)}, 60)
    IntervalEvaluator(1000).real(t("log(2)"), {})
    assert (mpmath.mp.dps, mpmath.mp.prec) == (before_dps, before_prec)
    assert mpmath.iv.prec == before_iv


def test_non_default_global_precision_is_respected_and_kept():
    with mpmath.workdps(7):
        bounds = rigorous_bounds(t("exp(-1)"), 30)
        assert mpmath.mp.dps == 7
    assert bounds[1] - bounds[0] < Fraction(1, 10 ** 25)  # the global 7 digits were not used


# --- sampling -------------------------------------------------------------------------------------


def test_sample_points_deterministic_and_in_domain():
    decls = [SymbolDecl("a", "positive"), SymbolDecl("u", "unit"), SymbolDecl("k", "posint"),
             SymbolDecl("p", "probability"), SymbolDecl("m", "negative"), SymbolDecl("b", "bool")]
    first = list(sample_points(decls, 50, seed=3))
    assert first == list(sample_points(decls, 50, seed=3))
    assert first != list(sample_points(decls, 50, seed=4))
    for pt in first:
        assert set(pt) == {"a", "u", "k", "p", "m"}
        assert all(isinstance(v, Fraction) for v in pt.values())
        assert pt["a"] > 0 and 0 < pt["u"] < 1 and pt["k"] >= 1 and pt["k"].denominator == 1
        assert 0 <= pt["p"] <= 1 and pt["m"] < 0


def test_approach_points_converge():
    pts = list(approach_points([SymbolDecl("x", "real")], "x", {"y": Fraction(2)}, Fraction(1), +1, steps=5))
    gaps = [p["x"] - 1 for p in pts]
    assert all(g > 0 for g in gaps) and gaps == sorted(gaps, reverse=True)
    assert all(p["y"] == 2 for p in pts)


def test_a_huge_exact_side_value_is_shown_rounded_not_as_a_4300_digit_error():
    from formal_emergence.numeric.evaluate import confirm_counterexample
    from formal_emergence.parse.expr import Scope, parse_expression
    goal = parse_expression("x**x < 0", Scope(symbols=frozenset({"x"})), expect_boolean=True)
    found = confirm_counterexample((), goal, {"x": Fraction(2000)})  # 2000**2000 has 6603 digits
    assert found.status == "confirmed"
    shown = dict(found.evaluations)["x**x"]
    assert shown == "1.14813069527425e+6602 (exact, rounded to 15 digits for display)"


def test_root_candidates_bracket_a_zero_between_grid_points():
    from formal_emergence.numeric.evaluate import root_candidates
    from formal_emergence.model.terms import Pow, Sym, num, sub
    g = sub(Pow(num(2), Sym("x")), num(8192))
    grid = [Fraction(v) for v in (0, 1, 10, 1000, 10**12)]  # 2**(10**12) is compared as an interval, not a Fraction
    found = root_candidates(g, "x", grid)
    assert Fraction(13) in found
    assert all(abs(v - 13) <= 1 for v in found)


def test_root_candidates_report_a_grid_zero_and_skip_undefined_points():
    from formal_emergence.numeric.evaluate import root_candidates
    from formal_emergence.model.terms import Func, Pow, Sym, num, sub
    x = Sym("x")
    assert root_candidates(sub(Pow(x, num(2)), num(4)), "x", [Fraction(v) for v in (-3, 2, 3)])[0] == 2
    g = sub(Func("log", (x,)), num(1))   # undefined at x <= 0: no sign there, so no bracket from -1
    found = root_candidates(g, "x", [Fraction(-1), Fraction(1), Fraction(10)])
    assert found and all(1 < v < 10 for v in found)
    assert any(abs(v - Fraction(27183, 10000)) < Fraction(1, 1000) for v in found)


# --- an exact zero in irrational form (adversarial review 13 F4) ---------------------------------

ZERO = "(log(8) - 3*log(2))"


@pytest.mark.parametrize("text", [f"1/{ZERO}", f"abs(1/{ZERO})", f"exp(1/{ZERO})", f"{ZERO}**(-2)",
                                  f"max(1/{ZERO}, 1)"])
def test_a_divisor_whose_interval_contains_zero_is_not_evaluable(ev, text):
    """mpmath's ``interval != 0`` is True for [-1, 1]: the reciprocal became [-inf, +inf] and evaluation went on."""
    assert mpmath.iv.mpf([-1, 1]) != 0  # the trap itself
    with pytest.raises(NotEvaluable):
        ev.real(t(text), {})
    assert rigorous_bounds(t(text)) is None  # was (0, 0): infinite ends read as 0
    assert evaluate_text(t(text), {}) == "undefined"


@pytest.mark.parametrize("text", [f"abs(1/{ZERO}) >= 0", f"exp(1/{ZERO}) < 0", f"(1/{ZERO})**2 >= 0"])
def test_a_statement_with_a_vanishing_divisor_is_not_decided(text):
    assert decide_closed(t(text)) is None
    assert confirm_counterexample((), t(text), {}, 30).status != "confirmed"


def test_an_unbounded_enclosure_has_no_rational_bounds():
    """exp above the magnitude budget is [exp(MAX), +inf]: a comparison may use it, bounds cannot."""
    assert decide_closed(t("exp(exp(exp(10))) > 1")) is True
    assert rigorous_bounds(t("exp(exp(exp(10)))")) is None
