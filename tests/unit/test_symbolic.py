"""The SymPy layer (formal_emergence.symbolic.sympy_layer)."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp

from formal_emergence.errors import UnsupportedConstruct
from formal_emergence.model.claim import SymbolDecl
from formal_emergence.model.terms import Const, Diff, Ite, Limit, Num, Rel, Sym, free_symbols, walk
from formal_emergence.parse.expr import Scope, parse_expression
from formal_emergence.symbolic.sympy_layer import (SympyTranslator, bound_decls, from_sympy, is_identity, lower,
                                                   solve_for, to_latex, to_srepr)

SCOPE = Scope(symbols=frozenset({"x", "y", "z", "N", "N_c", "alpha"}), predicates={"Q": 1},
              functions={"Cap": 1})
POS = [SymbolDecl("x", "positive"), SymbolDecl("y", "positive")]
REAL = [SymbolDecl("x", "real"), SymbolDecl("y", "real"), SymbolDecl("z", "real")]


def t(text: str):
    return parse_expression(text, SCOPE)


# --- translation both ways ----------------------------------------------------------------------

ROUND_TRIP = [
    "x + y", "x*y", "x**2", "x - y", "x/y", "exp(x)", "log(x)", "abs(x - y)", "min(x, y)", "max(x, y)",
    "0.1*x", "e", "pi", "-x", "sqrt(x)", "x**(1/3)", "ite(x > 1, x, y)", "1 - exp(-(x/y)**z)",
    "x > y", "x <= 1 and y >= 2", "x < 1 or y != 2", "not x > 1", "x == y", "true",
]


@pytest.mark.parametrize("text", ROUND_TRIP)
def test_sympy_round_trip(text):
    tr = SympyTranslator(REAL)
    expr = tr(t(text))
    back = from_sympy(expr)
    assert tr(back) == expr
    assert free_symbols(back) <= free_symbols(t(text))


def test_numbers_translate_exactly():
    tr = SympyTranslator()
    assert tr(t("0.1")) == sp.Rational(1, 10)
    assert tr(t("3.2e-3")) == sp.Rational(2, 625)
    assert from_sympy(sp.Rational(7, 3)) == Num(Fraction(7, 3))
    assert from_sympy(sp.Integer(-4)) == Num(Fraction(-4))
    assert from_sympy(sp.E) == Const("e") and from_sympy(sp.oo) == Const("oo")


def test_domains_become_assumptions():
    tr = SympyTranslator([SymbolDecl("x", "positive"), SymbolDecl("n", "posint"), SymbolDecl("u", "unit")])
    assert tr.symbol("x").is_positive
    assert tr.symbol("n").is_integer and tr.symbol("n").is_positive
    assert tr.symbol("u").is_positive
    assert tr.symbol("other").is_real


@pytest.mark.parametrize(("text", "decls"), [
    ("floor(x)", REAL),
    ("heaviside(x)", REAL),
    ("implies(x > 1, y > 1)", REAL),
    ("iff(x > 1, y > 1)", REAL),
])
def test_round_trip_of_builtin_functions_and_connectives(text, decls):
    tr = SympyTranslator(decls)
    expr = tr(t(text))
    assert tr(from_sympy(expr)) == expr


@pytest.mark.parametrize("h0", [sp.Rational(1, 2), sp.Integer(1)])
def test_heaviside_with_a_value_at_zero_keeps_it_exactly(h0):
    """SymPy's d/dx Max(x, 0) is Heaviside(x, 1/2); its translation has that value at 0, and 1 / 0 either side."""
    x = sp.Symbol("x", real=True)
    back = from_sympy(sp.Heaviside(x, h0))
    tr = SympyTranslator(REAL)
    assert [tr(back).subs(x, v) for v in (-2, 0, sp.Rational(1, 3))] == [0, h0, 1]
    assert from_sympy(sp.diff(sp.Max(x, 0), x)) != from_sympy(sp.Heaviside(x, 0))


@pytest.mark.parametrize("expr", [
    sp.sin(sp.Symbol("x")), sp.I, sp.Integral(sp.Symbol("x"), sp.Symbol("x")), sp.zoo, sp.nan, sp.Float(0.5),
    sp.Function("G")(sp.Symbol("x")), sp.Derivative(sp.Function("G")(sp.Symbol("x")), sp.Symbol("x")),
])
def test_unsupported_sympy_results_raise(expr):
    with pytest.raises(UnsupportedConstruct):
        from_sympy(expr)


# --- lowering diff and limit ----------------------------------------------------------------------


def test_lower_diff_records_step():
    out, steps = lower(t("diff(x**3, x, 2) > 0"), POS)
    assert out == t("6*x > 0")
    assert len(steps) == 1
    step = steps[0]
    assert step.rule == "sympy.diff"
    assert step.before == "diff(x**3, x, 2)"
    assert "recomputed" in step.checked
    assert not any(isinstance(n, Diff) for n in walk(out))


def test_lower_limit_at_infinity_is_rechecked():
    out, steps = lower(t("limit(1 - exp(-(N/N_c)**alpha), N, oo) == 1"),
                       [SymbolDecl("N", "positive"), SymbolDecl("N_c", "positive"), SymbolDecl("alpha", "positive")])
    assert out == Rel("==", Num(Fraction(1)), Num(Fraction(1)))
    assert [s.rule for s in steps] == ["sympy.limit (Gruntz algorithm)"]
    assert steps[0].checked.startswith("sympy: recomputed")


def test_lower_one_sided_limit_and_nesting():
    out, steps = lower(t("limit_right(x*log(x), x, 0) == 0"), POS)
    assert out == Rel("==", Num(Fraction(0)), Num(Fraction(0)))
    out, steps = lower(t("diff(limit(x*y, y, 2), x) == 2"), POS)
    assert out == Rel("==", Num(Fraction(2)), Num(Fraction(2)))
    assert [s.rule for s in steps] == ["sympy.limit (Gruntz algorithm)", "sympy.diff"]


def test_lower_without_calculus_is_identity():
    term = t("x**2 + exp(y) > 1")
    assert lower(term, POS) == (term, ())


def test_lower_limit_variable_not_free():
    out, _ = lower(t("limit(x + y, x, 1) > 0"), POS)
    assert free_symbols(out) == {"y"}
    assert not any(isinstance(n, Limit) for n in walk(out))


@pytest.mark.parametrize("text", [
    "limit(1/(x - 1), x, 1) > 0",          # zoo
    "limit(Cap(x), x, 0) > 0",             # unevaluated limit
])
def test_lower_unsupported(text):
    with pytest.raises(UnsupportedConstruct):
        lower(t(text), REAL)


@pytest.mark.parametrize(("text", "decls"), [
    ("diff(heaviside(x), x)", REAL),                  # not DiracDelta(x), which has no term translation
    ("diff(floor(x + 1/2), x)", [SymbolDecl("x", "integer")]),  # not diff(x) = 1 (adv8 F2: floor(n + 1/2) = n)
])
def test_derivative_of_a_step_is_zero_off_its_jumps(text, decls):
    """A step is held constant while differentiating; the engine, not the SymPy layer, refuses its jumps."""
    out, _ = lower(t(text), decls)
    assert out == t("0")


def test_derivative_of_abs_is_sign_computed_branch_by_branch():
    """sign(x) translates to ite; the engine, not the SymPy layer, refuses it at the kink x = 0."""
    out, _ = lower(t("diff(abs(x), x) > 0"), REAL)
    assert any(isinstance(n, Ite) for n in walk(out))


def test_lower_nonexistent_limit_is_unsupported():
    """A two-sided limit that does not exist (sympy raises ValueError) is reported as unsupported."""
    with pytest.raises(UnsupportedConstruct):
        lower(t("limit(floor(x), x, 1) == 1"), REAL)


# --- identities ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("lhs", "rhs", "decls", "expected"), [
    ("log(x*y)", "log(x) + log(y)", POS, True),
    ("(x + y)**2", "x**2 + 2*x*y + y**2", REAL, True),
    ("exp(x + y)", "exp(x) * exp(y)", REAL, True),
    ("sqrt(x**2)", "x", POS, True),
    ("sqrt(x**2)", "x", REAL, False),          # false for negative x
    ("log(x*y)", "log(x) * log(y)", POS, False),
    ("log(x + y)", "log(x) + log(y)", POS, False),
    ("(x + y)**2", "x**2 + y**2", REAL, False),
])
def test_is_identity(lhs, rhs, decls, expected):
    assert is_identity(t(lhs), t(rhs), decls) is expected


_MIZAR = "(sqrt(62274204097870571696467174993143330835664166821124311) + 251519874856047008187562714)/596987581"


@pytest.mark.parametrize("lhs", [f"floor({_MIZAR})", f"abs({_MIZAR} - 839327132406530643)",
                                 f"max({_MIZAR}, 839327132406530643)", f"heaviside({_MIZAR} - 839327132406530643)",
                                 f"ite({_MIZAR} > 839327132406530643, 1, 0)"])
def test_is_identity_never_rests_on_evalf_of_a_jump(lhs):
    """SymPy's floor (sympy issue 26368) and sign decisions of closed irrationals are floating-point evalf: no
    identity is found from them, whatever SymPy's value (the true floor is ...643, SymPy says ...642)."""
    for value in ("839327132406530642", "839327132406530643", "0", "1"):
        assert is_identity(t(lhs), t(value), REAL) is False


@pytest.mark.parametrize(("text", "domain", "kept"), [
    ("limit(abs(x), x, -1)", "positive", False),      # -1 is outside x > 0: x is real in the body
    ("limit(abs(x), x, 2)", "positive", True),
    ("limit_right(abs(x), x, 0)", "positive", True),  # the right side of 0 lies in x > 0
    ("limit_left(abs(x), x, 0)", "positive", False),
    ("limit(abs(x), x, 0)", "nonnegative", False),
    ("limit(abs(x), x, oo)", "positive", True),
    ("limit(abs(x), x, oo)", "negative", False),
    ("limit_left(abs(x), x, 0)", "negative", True),
    ("limit(abs(x), x, y)", "positive", True),        # y positive (POS-like declaration below)
    ("limit(abs(x), x, oo)", "posint", False),        # an integer assumption holds on no real neighbourhood
    ("diff(abs(x), x)", "positive", True),            # an open domain: a neighbourhood of each point
    ("diff(abs(x), x)", "nonnegative", False),
    ("diff(abs(x), x)", "integer", False),
])
def test_bound_decls(text, domain, kept):
    decls = [SymbolDecl("x", domain), SymbolDecl("y", "positive")]
    out = bound_decls(t(text), decls)
    assert out[1] == decls[1]
    assert out[0] == (decls[0] if kept else SymbolDecl("x", "real"))


@pytest.mark.parametrize(("text", "decls", "expected"), [
    ("limit(abs(x), x, -1)", POS, "1"),
    ("limit_left(abs(x)/x, x, 0)", POS, "-1"),
    ("limit(x*diff(abs(x), x), x, -1)", POS, "1"),     # the diff inside the limit sees x real too
    ("diff(sqrt(x**2), x)", POS, "1"),                 # at a positive point
])
def test_lower_bound_variable_is_real(text, decls, expected):
    out, _ = lower(t(text), decls)
    assert out == t(expected)


@pytest.mark.parametrize("text", ["limit(floor(x + 1/2), x, 1/2)", "limit(x, x, oo)"])
def test_lower_integer_variable_is_not_simplified_as_integer(text):
    """floor(n + 1/2) is not n near an integer n (adv8 F2); an infinite limit is not a number."""
    with pytest.raises(UnsupportedConstruct):
        lower(t(text), [SymbolDecl("x", "integer")])


def test_is_identity_keeps_jumps_of_rationals_and_symbols():
    assert is_identity(t("floor(7/2)"), t("3"), REAL) is True
    assert is_identity(t("abs(x)"), t("x"), POS) is True


# --- printing and solving --------------------------------------------------------------------------


def test_latex_and_srepr():
    assert to_latex(t("x**2 <= 1 - exp(-1)")) == r"x^{2} \leq 1 - e^{-1}"
    srepr = to_srepr(t("x > 1/3"))
    assert "StrictGreaterThan" in srepr and "Rational(1, 3)" in srepr
    assert to_latex(t("Q(x)")) != ""


def test_solve_for():
    sols = solve_for(t("x**2"), "x", t("4"), POS)
    assert sols == [Num(Fraction(2))]


def test_latex_of_huge_numeric_power_is_not_evaluated():
    out = to_latex(t("10**10**6 > 0"))
    assert r"\text" not in out
    assert out.startswith("10^{") and len(out) < 40, "the power must stay unevaluated"


@pytest.mark.parametrize("text, value", [
    ("ite(min(10, 1) == 1**-2, 0, 1)", 0),   # SymPy's Piecewise collapses Eq(1, 1, evaluate=False) to the other branch
    ("ite(2 < 3, 0, 1)", 0),                 # and raises on an unevaluated 2 < 3
    ("ite(2 == 3, 0, 1)", 1),
    ("ite(1/3 >= 1/3, 5, 6)", 5),
])
def test_an_ite_condition_between_rational_numbers_is_decided_exactly(text, value):
    assert SympyTranslator(()).__call__(parse_expression(text, Scope())) == value


def test_an_ite_condition_between_closed_irrationals_is_refused():
    with pytest.raises(UnsupportedConstruct):
        SympyTranslator(())(parse_expression("ite(sqrt(2) < 3/2, 0, 1)", Scope()))


def test_identity_is_not_claimed_through_a_collapsed_piecewise():
    x = (SymbolDecl("x", "integer"),)
    scope = Scope(symbols=frozenset({"x"}))
    lhs = parse_expression("ite(min(10, 1) == 1**-2, 1 - 1**(-1/2), 1)", scope)
    assert not is_identity(lhs, Num(Fraction(1)), x)
    assert is_identity(lhs, Num(Fraction(0)), x)
