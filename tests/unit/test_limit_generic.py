"""A limit with parameters: SymPy's value is generic, so it is used only where it applies (issue 8).

``limit(x/(a + x), x, 0)`` is 0 for a != 0 and 1 for a = 0. SymPy answers 0.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from formal_emergence import load_catalog
from formal_emergence.engine.check import check_claim
from formal_emergence.errors import UnsupportedConstruct
from formal_emergence.model.claim import SymbolDecl
from formal_emergence.model.terms import Limit, to_text
from formal_emergence.model.verdict import Verdict
from formal_emergence.parse.expr import Scope, parse_expression
from formal_emergence.symbolic import sympy_layer as symbolic

CLAIM = '''[[claim]]
id = "t.{id}"
title = "t"
kind = "theorem"
source = {{ document = "d", section = "s", quote = "q" }}
symbols = {{ x = "{x}", a = "{domain}" }}
assume = [{assume}]
show = "{show}"
'''


def _check(tmp_path, show, domain="real", x="positive", assume=""):
    path = tmp_path / "c.toml"
    path.write_text(CLAIM.format(id="c", domain=domain, show=show, x=x, assume=assume), encoding="utf-8")
    return check_claim(load_catalog([path]).claim("t.c"))


@pytest.mark.parametrize("show", ["limit(x/(a + x), x, 0) == 0", "limit(a*x/(a*x + x**2), x, 0) == 1"])
def test_generic_value_is_not_a_proof_where_the_parameter_may_be_degenerate(tmp_path, show):
    # both are false at a = 0 (the limits are 1 and 0 there): refuted there once the limit is recomputed
    r = _check(tmp_path, show)
    assert r.verdict is Verdict.FAILS, r.reason
    assert "a != 0" in r.reason and dict(r.counterexample.values)["a"] == "0"


def test_excluded_degenerate_value_gives_a_proof(tmp_path):
    assert _check(tmp_path, "limit(x/(a + x), x, 0) == 0", domain="positive").verdict is Verdict.HOLDS


def test_witness_avoids_the_degenerate_value(tmp_path):
    # true at a = 0 (the limit is 1), false everywhere else: a witness must have a != 0
    r = _check(tmp_path, "limit(x/(a + x), x, 0) == 1")
    assert r.verdict is Verdict.FAILS
    assert Fraction(dict(r.counterexample.values)["a"]) != 0


def test_a_limit_whose_generic_conditions_always_hold_needs_none(tmp_path):
    assert _check(tmp_path, "limit(a*x/(1 + x), x, oo) == a").verdict is Verdict.HOLDS
    assert _check(tmp_path, "limit(x/(1 + x), x, 0) == 0").verdict is Verdict.HOLDS


def test_a_witness_does_not_give_a_value_to_the_limit_variable(tmp_path):
    # lim_{x->0} x/(a + x) is 0 for a > 0, never 1: refuted at any a, and x has no value at the witness
    r = _check(tmp_path, "limit(x/(a + x), x, 0) == 1", domain="positive")
    assert r.verdict is Verdict.FAILS, r.reason
    assert "x" not in [k for k, _ in r.counterexample.values]
    assert "x = " not in r.reason


DECLS = (SymbolDecl("x", "real"), SymbolDecl("a", "real"))


def _limit(text: str) -> Limit:
    node = parse_expression(text, Scope(symbols=frozenset({"x", "a"})))
    assert isinstance(node, Limit)
    return node


@pytest.mark.parametrize("text, condition", [
    ("limit(a*x/(a*x + 1), x, oo)", "a != 0"),             # at oo: the leading coefficient (x = 1/s, s -> 0+)
    ("limit(a*x/(a*x - 1), x, -oo)", "-a != 0"),
    ("limit(a*x**2/(a*x**2 + x + 1), x, oo)", "a != 0"),
    ("limit(floor(x + a), x, 0)", "floor(a) != a"),         # floor jumps at integers
    ("limit_left(floor(x + a), x, 0)", "floor(a) != a"),
    ("limit(heaviside(x), x, a)", "a != 0"),                # the jump moves with the point
    ("limit(x + log(x - a) - log(x - a), x, 0)", "-a > 0 or -a == 0"),  # defined right of 0 only for a <= 0
])
def test_generic_conditions(text, condition):
    assert condition in [to_text(c) for c in symbolic.limit_degeneracies(_limit(text), DECLS)]


@pytest.mark.parametrize("text", ["limit(x/(1 + x), x, oo)", "limit(x/(a*x + 1), x, 0)",
                                  "limit((x - a)/(x - a), x, 0)"])
def test_no_condition_where_none_is_needed(text):
    # (x - a)/(x - a): x - a is a nonzero polynomial in x, so it is nonzero near 0 for every a
    assert symbolic.limit_degeneracies(_limit(text), DECLS) == ()


@pytest.mark.parametrize("text", ["limit(x**a, x, oo)", "limit_right(exp(-a/x), x, 0)", "limit(heaviside(a*x), x, 0)"])
def test_no_sound_condition_is_refused_naming_the_parameter(text):
    with pytest.raises(UnsupportedConstruct, match="no condition on a is derived"):
        symbolic.limit_degeneracies(_limit(text), DECLS)


@pytest.mark.parametrize("text, where", [("limit(1/sqrt(x), x, -oo)", "undefined beyond some bound"),
                                         ("limit(log(x)/x, x, -oo)", "undefined beyond some bound"),
                                         ("limit(1/x + sqrt(-x) - sqrt(-x), x, oo)", "undefined beyond some bound"),
                                         ("limit(ite(x < 1, x + sqrt(x - 1) - sqrt(x - 1), 0), x, 0)",
                                          "undefined on the right")])
def test_a_limit_of_a_term_undefined_near_the_point_is_not_computed(text, where):
    with pytest.raises(UnsupportedConstruct, match=where):
        symbolic.lower(parse_expression(text, Scope(symbols=frozenset({"x"}))), (SymbolDecl("x", "real"),))


def test_limits_defined_near_the_point_are_computed():
    for text, value in [("limit(log(x)/x, x, oo)", "0"), ("limit(ite(x > 1, sqrt(1 - x), x), x, 0)", "0")]:
        term = parse_expression(text, Scope(symbols=frozenset({"x"})))
        assert to_text(symbolic.lower(term, (SymbolDecl("x", "real"),))[0]) == value


@pytest.mark.parametrize("show", ["limit(a*x/(a*x + 1), x, oo) == 0", "limit_left(floor(x + a), x, 0) == -1",
                                  "limit_right(heaviside(x - a), x, 0) == 1"])
def test_a_witness_is_rechecked_with_the_limit_recomputed_at_its_values(tmp_path, show):
    # true at a = 0, false for SymPy's generic value: no witness a = 0 (the limit at a = 0 is recomputed).
    # ``a >= 0, a <= 0`` is no pin (an assumption ``a == 0`` would be substituted before SymPy: next test).
    r = _check(tmp_path, show, x="real", assume='"a >= 0", "a <= 0"')
    assert r.verdict is Verdict.UNDECIDED, r.reason
    assert "recomputed" in r.reason


@pytest.mark.parametrize("show", ["limit(a*x/(a*x + 1), x, oo) == 0", "limit_left(floor(x + a), x, 0) == -1",
                                  "limit_right(heaviside(x - a), x, 0) == 1"])
def test_a_pinned_parameter_is_substituted_before_the_limit_is_computed(tmp_path, show):
    # true at a = 0: with a pinned to 0 SymPy computes the limit at a = 0, not its generic value
    r = _check(tmp_path, show, x="real", assume='"a == 0"')
    assert r.verdict is Verdict.HOLDS, r.reason
    assert any(s.description == "substitute pinned values" for s in r.steps)


def test_a_point_where_the_generic_condition_fails_is_a_witness_once_the_limit_is_recomputed(tmp_path):
    # limit(a*x/(a*x + 1), x, oo) is 1 for a != 0 and 0 at a = 0: the claim "== 1" fails at a = 0
    r = _check(tmp_path, "limit(a*x/(a*x + 1), x, oo) == 1")
    assert r.verdict is Verdict.FAILS, r.reason
    assert dict(r.counterexample.values)["a"] == "0"
    assert "recomputed" in r.reason
