"""Limits compared with oo, derivatives under a limit, exact numbers in reasons and short weakest conditions
(adversarial review 12, "Other")."""

from __future__ import annotations

import pytest

from formal_emergence import load_catalog
from formal_emergence.engine.check import check_claim
from formal_emergence.model.claim import SymbolDecl
from formal_emergence.model.terms import Bool, to_text
from formal_emergence.model.verdict import Verdict
from formal_emergence.parse.expr import Scope, parse_expression
from formal_emergence.symbolic import sympy_layer as symbolic

CLAIM = '''[[claim]]
id = "t.c"
title = "t"
kind = "theorem"
source = {{ document = "d", section = "s", quote = "q" }}
symbols = {{ {symbols} }}
assume = [{assume}]
show = "{show}"
{extra}
'''


def _check(tmp_path, show, symbols='x = "real"', assume="", extra=""):
    path = tmp_path / "c.toml"
    path.write_text(CLAIM.format(symbols=symbols, assume=assume, show=show, extra=extra), encoding="utf-8")
    return check_claim(load_catalog([path]).claim("t.c"))


def _term(text: str, names=("x", "a", "p")):
    return parse_expression(text, Scope(symbols=frozenset(names)), expect_boolean=True)


@pytest.mark.parametrize("show, verdict", [
    ("limit_right(1/x, x, 0) == oo", Verdict.HOLDS), ("limit(1/x**2, x, 0) == oo", Verdict.HOLDS),
    ("limit(-1/x**2, x, 0) == -oo", Verdict.HOLDS), ("limit(log(x), x, oo) == oo", Verdict.HOLDS),
    ("limit_left(1/x, x, 0) == oo", Verdict.FAILS), ("limit(x**3, x, -oo) == oo", Verdict.FAILS),
    ("limit(1/x, x, oo) == oo", Verdict.FAILS), ("limit(1/x, x, oo) < oo", Verdict.HOLDS),
    ("oo == limit_right(exp(1/x), x, 0)", Verdict.HOLDS), ("limit(1/x**2, x, 0) != oo", Verdict.FAILS),
])
def test_a_limit_compared_with_oo_is_decided_on_its_value(tmp_path, show, verdict):
    r = _check(tmp_path, show)
    assert r.verdict is verdict, r.reason
    assert "the limits SymPy computes" in r.reason and "becomes" in r.reason


@pytest.mark.parametrize("show", ["limit(1/x, x, 0) == oo", "limit(1/x, x, 0) != oo", "limit(exp(1/x), x, 0) == oo"])
def test_a_two_sided_limit_that_does_not_exist_is_undecided_naming_its_sides(tmp_path, show):
    r = _check(tmp_path, show)
    assert r.verdict is Verdict.UNDECIDED, r.reason
    assert "the two-sided limit does not exist" in r.reason and "from the right" in r.reason


def test_an_infinite_value_with_a_parameter_sign_is_refuted_at_a_round_value(tmp_path):
    r = _check(tmp_path, "limit(a*x, x, oo) == oo", symbols='x = "real", a = "real"', assume='"a != 0"')
    assert r.verdict is Verdict.FAILS and dict(r.counterexample.values)["a"] == "-1", r.reason
    assert _check(tmp_path, "limit(a*x, x, oo) == oo", symbols='x = "real", a = "positive"').verdict is Verdict.HOLDS


def test_an_infinite_generic_value_needs_the_numerator_nonzero(tmp_path):
    # SymPy answers oo for every a >= 0, but at a = 0 the expression is 0
    decls = (SymbolDecl("x", "real"), SymbolDecl("a", "nonnegative"))
    node = _term("limit(a*x**2/(a*x + 1), x, oo) == oo").lhs
    assert "a != 0" in [to_text(c) for c in symbolic.limit_degeneracies(node, decls, infinite=True)]
    r = _check(tmp_path, "limit(a*x**2/(a*x + 1), x, oo) == oo", symbols='x = "real", a = "nonnegative"')
    assert r.verdict is Verdict.FAILS and dict(r.counterexample.values)["a"] == "0", r.reason


def test_an_infinite_value_is_lowered_to_a_truth_value_with_a_step():
    decls = (SymbolDecl("x", "real"),)
    low, steps = symbolic.lower(_term("limit_left(1/x, x, 0) == -oo"), decls)
    assert low == Bool(True) and steps[-1].description == symbolic.COMPARE_STEP
    assert steps[-1].after == "-oo == -oo: true"
    low, _ = symbolic.lower(_term("limit(1/x, x, oo) > -oo"), decls)
    assert low == Bool(True)


@pytest.mark.parametrize("show, verdict", [
    ("limit(diff(x*floor(x), x), x, 3/2) == 1", Verdict.HOLDS),        # adversarial review 12 odd.i
    ("limit_right(diff(x*floor(x), x), x, 1) == 1", Verdict.HOLDS),
    ("limit_left(diff(x*floor(x), x), x, 1) == 1", Verdict.FAILS),     # odd.l
    ("limit_right(diff(log(x), x), x, 1) == 1", Verdict.HOLDS),
    ("limit_right(diff(abs(x), x), x, 0) == 1", Verdict.HOLDS),
])
def test_a_derivative_under_a_limit_is_checked_near_the_point(tmp_path, show, verdict):
    r = _check(tmp_path, show)
    assert r.verdict is verdict, r.reason
    assert r.verdict is not Verdict.FAILS or (r.counterexample is not None and not r.counterexample.values
                                              and "closed statement is false" in r.reason)


@pytest.mark.parametrize("show, where", [
    ("limit_left(diff(log(x), x), x, 0) == 5", "log(x) needs x > 0, which fails there"),
    ("limit_left(diff(sqrt(x), x), x, 0) == 0", "sqrt(x) needs x >= 0, which fails there"),
])
def test_a_derivative_undefined_near_the_point_leaves_the_limit_undecided(tmp_path, show, where):
    r = _check(tmp_path, show)
    assert r.verdict is Verdict.UNDECIDED and where in r.reason, r.reason


def test_holds_near_decides_a_kink_on_each_side():
    decls = (SymbolDecl("x", "real"),)
    kink = _term("not floor(x) == x")
    for text, expected in (("limit(x, x, 3/2)", True), ("limit_left(x, x, 1)", True), ("limit_right(x, x, 1)", True)):
        node = parse_expression(text, Scope(symbols=frozenset({"x"})))
        assert symbolic.holds_near(kink, node, decls) is expected
    assert symbolic.holds_near(_term("x < 1"), parse_expression("limit(x, x, 1)", Scope(symbols=frozenset({"x"}))),
                               decls) is False


@pytest.mark.parametrize("text, shown", [
    ("1/20 - x*x <= p", "0.05 - x * x <= p"), ("heaviside(x - 0.5) > 0", "heaviside(x - 0.5) > 0"),
    ("x**-0.5 > 0", "x**(-1/2) > 0"), ("x**1.5 == 0.5*x", "x**(3/2) == 0.5 * x"), ("x > -1/3", "x > (-1/3)"),
    ("sqrt(x)**0.25 >= 3.2*(1 - 0.1)", "sqrt(x)**(1/4) >= 3.2 * (1 - 0.1)"),
])
def test_reasons_print_exact_numbers_and_exponents_as_fractions(text, shown):
    """A terminating decimal is printed as one (the document's digits: 3.2, 0.1, exact); an exponent always as p/q
    (adversarial reviews 10 F6, 12: x**0.5 reads as a float power); a non-terminating number as p/q."""
    t = _term(text)
    assert to_text(t) == shown
    assert _term(to_text(t)) == t  # the printed form reads back as the same term


@pytest.mark.parametrize("symbols, assume, show, condition", [
    ('x = "real", p = "real"', '"0 < x", "x < 2"', "ite(x < 1, x, 3 - x) < p", "p > 2"),         # hm.g
    ('x = "real", p = "real", q = "real"', "", "x*x*p == x*x*q", "p == q"),                      # q3.h
])
def test_weakest_conditions_are_printed_in_a_proved_shorter_form(tmp_path, symbols, assume, show, condition):
    free = ", ".join(f'"{n}"' for n in ("p", "q") if f"{n} =" in symbols)
    r = _check(tmp_path, show, symbols=symbols, assume=assume, extra=f"free = [{free}]")
    assert r.verdict is Verdict.HOLDS_IF and r.condition.text == condition, r.reason


def test_simpler_conditions_are_only_candidates():
    decls = (SymbolDecl("p", "real"), SymbolDecl("q", "real"))
    long = _term("0 <= 16*p - 16*q and 0 <= 16*q - 16*p", ("p", "q"))
    assert "p == q" in [to_text(c) for c in symbolic.simpler_conditions(long, decls)]
    one = _term("(p <= 1 or p > 2) and 1 <= p and (p < 1 or 2 <= p)", ("p",))
    assert [to_text(c) for c in symbolic.simpler_conditions(one, decls[:1])][0] == "p > 2"
