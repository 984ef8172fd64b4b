"""Exact numbers and real powers: rational literals are one number, powers keep their real meaning at 0 and below.

Each claim's truth is stated beside it and follows from elementary algebra; the
engine must never call a false claim ``holds``.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from formal_emergence import check_claim
from formal_emergence.model.exact import exact_truth, exact_value
from formal_emergence.model.terms import Mul, Num, Pow, Sym
from formal_emergence.model.verdict import Verdict
from formal_emergence.parse.expr import Scope, parse_expression

SCOPE = Scope(symbols=frozenset({"x", "y", "n"}))


def term(text: str):
    return parse_expression(text, SCOPE)


@pytest.fixture()
def verdict(load_claims, claim_toml):
    """``verdict(show, assume=[], symbols=...)`` -> the engine's Result for that one claim."""

    def run(show: str, assume: tuple[str, ...] = (), symbols: str = '{ x = "real" }'):
        assume_text = ", ".join(f'"{a}"' for a in assume)
        body = f"symbols = {symbols}\nassume = [{assume_text}]\nshow = \"{show}\""
        return check_claim(load_claims(claim_toml("t.claim", body)).claim("t.claim"))

    return run


@pytest.mark.parametrize("text, value", [("1/2", Fraction(1, 2)), ("16/5", Fraction(16, 5)),
                                         ("-1/2", Fraction(-1, 2)), ("2/4", Fraction(1, 2)),
                                         ("0.5", Fraction(1, 2)), ("1/3", Fraction(1, 3))])
def test_rational_literal_is_one_number(text, value):
    assert term(text) == Num(value)


def test_quotient_with_a_symbol_stays_a_division():
    assert term("x/2") == Mul((Sym("x"), Pow(Num(Fraction(2)), Num(Fraction(-1)))))
    assert term("x**(1/2)") == Pow(Sym("x"), Num(Fraction(1, 2)))


@pytest.mark.parametrize("text, value", [
    ("0**(1/2)", Fraction(0)), ("(9/4)**(1/2)", Fraction(3, 2)), ("8**(2/3)", Fraction(4)),
    ("(-2)**3", Fraction(-8)), ("sqrt(16/9)", Fraction(4, 3)), ("0**0", Fraction(1)),
    ("(-8)**(1/3)", None), ("2**(1/2)", None), ("0**(-1)", None), ("(-1)**(1/2)", None),
])
def test_exact_value_of_powers(text, value):
    assert exact_value(term(text)) == value


def test_exact_truth_short_circuits_and_evaluates_at_points():
    assert exact_truth(term("x == 1/3 and x > 1/2"), {"x": Fraction(1, 3)}) is False
    assert exact_truth(term("x < 0 or sqrt(x) >= 0"), {"x": Fraction(-1)}) is True
    assert exact_truth(term("x >= 0 and sqrt(x) > 0"), {"x": Fraction(-1)}) is False
    assert exact_truth(term("sqrt(x) > 0 and x >= 0"), {"x": Fraction(-1)}) is None  # undefined where reached


@pytest.mark.parametrize("assume, show, symbols, expected", [
    (("x >= 0",), "x**(1/2) > 0", '{ x = "real" }', Verdict.FAILS),       # x = 0
    (("x >= 0",), "x**(16/5) > 0", '{ x = "real" }', Verdict.FAILS),      # x = 0
    (("x >= 0",), "x**0.5 > 0", '{ x = "real" }', Verdict.FAILS),         # x = 0
    (("x >= 0",), "sqrt(x) > 0", '{ x = "real" }', Verdict.FAILS),        # x = 0
    ((), "x**(1/2) > 0", '{ x = "nonnegative" }', Verdict.FAILS),         # x = 0
    (("N >= 0", "N_c > 0", "alpha > 0"), "(N / N_c)**alpha > 0",
     '{ N = "real", N_c = "real", alpha = "real" }', Verdict.FAILS),      # N = 0
    (("N >= 0", "N_c > 0", "alpha > 0"), "1 - exp(-(N / N_c)**alpha) > 0",
     '{ N = "real", N_c = "real", alpha = "real" }', Verdict.FAILS),      # N = 0
    ((), "x**n >= 0", '{ x = "real", n = "posint" }', Verdict.FAILS),     # x = -1, n = 1
    (("x >= 0",), "x**(1/2) >= 0", '{ x = "real" }', Verdict.HOLDS),
    (("x > 0",), "x**(1/2) > 0", '{ x = "real" }', Verdict.HOLDS),
    (("N > 0", "N_c > 0", "alpha > 0"), "(N / N_c)**alpha > 0",
     '{ N = "real", N_c = "real", alpha = "real" }', Verdict.HOLDS),
    ((), "x**2 >= 0", '{ x = "real" }', Verdict.HOLDS),
    # a closed integer exponent is that integer: huge odd and even powers (docs/budgets.md, integer powers)
    ((), "x**(10**6 + 1) >= 0", '{ x = "real" }', Verdict.FAILS),       # x = -1
    ((), "(-1)**(10**6 + 1) >= 0", '{}', Verdict.FAILS),
    ((), "x**(2*10**6) >= 0", '{ x = "real" }', Verdict.HOLDS),
    (("x >= 0",), "x**(10**6 + 1) >= 0", '{ x = "real" }', Verdict.HOLDS),
])
def test_real_powers_at_zero_and_negative_bases(verdict, assume, show, symbols, expected):
    result = verdict(show, assume, symbols)
    assert result.verdict is expected, result.reason


def test_zero_to_a_positive_power_is_zero(verdict):
    assert verdict("0**(1/2) == 0", symbols="{}").verdict is Verdict.HOLDS


def test_equality_at_a_non_dyadic_rational_is_refuted_exactly(verdict):
    for assume, show in ((("x == 1/3",), "x > 1/2"), (("3 * x == 1",), "x > 1/2")):
        result = verdict(show, assume)
        assert result.verdict is Verdict.FAILS, result.reason
        assert dict(result.counterexample.values) == {"x": "1/3"}
        assert result.counterexample.confirmed_by == "exact rational arithmetic"
        assert "exact rational arithmetic" in result.reason
        assert "spurious" not in result.reason and "over-approx" not in result.reason


def test_countermodel_with_a_rational_function_value_is_exact(load_claims, claim_toml):
    body = 'symbols = { x = "real" }\nassume = ["f(x) == 1/3"]\nshow = "f(x) > 1/2"'
    cat = load_claims(claim_toml("t.f", body, kind="proof-step",
                                 undefined='f = { kind = "function", arity = 1, missing = "m" }'))
    result = check_claim(cat.claim("t.f"))
    assert result.verdict is Verdict.FAILS, result.reason
