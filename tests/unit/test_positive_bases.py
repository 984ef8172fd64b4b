"""The positive-base identity rule (``engine.identity``): SymPy reduces ``lhs - rhs`` to 0 once power bases are
positive symbols, and z3 proves each base positive. Where a base can be 0 or negative the rule must not fire."""

from __future__ import annotations

from fractions import Fraction

import pytest

from formal_emergence.engine.check import check_claim
from formal_emergence.engine.identity import MAX_POSITIVE_BASES, power_bases
from formal_emergence.model.claim import SymbolDecl
from formal_emergence.model.verdict import Verdict
from formal_emergence.numeric.evaluate import confirm_counterexample
from formal_emergence.parse.expr import Scope, parse_expression
from formal_emergence.symbolic.sympy_layer import identity_given_positive

SCOPE = Scope(symbols=frozenset({"x", "y", "a", "b", "p"}), predicates={}, functions={})


def t(text: str):
    return parse_expression(text, SCOPE)


@pytest.fixture()
def claim_of(load_claims, claim_toml):
    def make(body: str):
        return load_claims(claim_toml("t.claim", body, kind="equation")).claim("t.claim")
    return make


def positive_rule(result) -> list[str]:
    """The methods of the rule's SymPy evidence (empty when the rule did not fire)."""
    return [dict(e.details)["method"] for e in result.evidence
            if e.engine == "sympy" and e.outcome == "identity" and "positive symbols" in dict(e.details)["method"]]


def test_power_bases_are_the_non_integer_powers_and_roots():
    bases = power_bases(t("(y**(1/a))**a + x**2 + sqrt(x + 1) + 2**a"), t("exp(p)**(1/2)"))
    assert bases == (t("y**(1/a)"), t("y"), t("x + 1"), t("exp(p)"))


def test_power_bases_beyond_the_cap_are_none():
    many = " + ".join(f"(x + {k})**a" for k in range(MAX_POSITIVE_BASES + 1))
    assert power_bases(t(many)) == ()


def test_sympy_reports_the_bases_it_took_positive():
    real = [SymbolDecl("y", "real"), SymbolDecl("a", "positive")]
    lhs, rhs = t("(y**(1/a))**a"), t("y")
    assert identity_given_positive(lhs, rhs, real, power_bases(lhs, rhs)) == (t("y"),)
    assert identity_given_positive(lhs, t("2*y"), real, power_bases(lhs, rhs)) is None
    # a base SymPy already knows positive is not reported (nothing left to prove)
    pos = [SymbolDecl("y", "positive"), SymbolDecl("a", "positive")]
    assert identity_given_positive(lhs, rhs, pos, power_bases(lhs, rhs)) is None


def test_quantile_of_the_phase_model_holds_by_identity(claim_of):
    """``-log(1 - p)`` is positive for 0 < p < 1; z3 proves it, SymPy then cancels the powers."""
    result = check_claim(claim_of('''
        symbols = { p = "unit", a = "positive" }
        show = "1 - exp(-((-log(1 - p))**(1/a))**a) == p"
        '''))
    assert result.verdict is Verdict.HOLDS, result.reason
    assert positive_rule(result) and "-log(1 - p)" in positive_rule(result)[0]
    assert any(e.engine == "z3" and e.outcome == "unsat" for e in result.evidence)
    assert any("log(1 - p)" in loss for loss in result.losses)  # the positivity proof's encoding is stated


def test_an_assumption_makes_a_real_base_positive(claim_of):
    result = check_claim(claim_of('''
        symbols = { y = "real", a = "positive" }
        assume = ["y > 1"]
        show = "((y - 1)**(1/a))**a == y - 1"
        '''))
    assert result.verdict is Verdict.HOLDS, result.reason
    assert positive_rule(result)


def test_a_base_that_can_be_negative_stops_the_rule(claim_of):
    """(x**a)**b == x**(a*b) is false for x = -1, a = 2, b = 1/2: assuming x positive would prove it."""
    result = check_claim(claim_of('''
        symbols = { x = "real", a = "real", b = "real" }
        show = "(x**a)**b == x**(a*b)"
        '''))
    assert not positive_rule(result)
    assert result.verdict is Verdict.FAILS, result.reason
    values = {k: Fraction(v) for k, v in result.counterexample.values}
    assert confirm_counterexample((), t("(x**a)**b == x**(a*b)"), values, 30).status == "confirmed"


def test_a_base_that_can_be_zero_stops_the_rule(claim_of):
    """x**2 >= 0 but not > 0: the rule needs a proof of x**2 > 0, which z3 cannot give (x = 0)."""
    result = check_claim(claim_of('''
        symbols = { x = "real", a = "positive" }
        show = "((x**2)**(1/a))**a == x**2"
        '''))
    assert not positive_rule(result)
    assert result.verdict is not Verdict.FAILS, result.reason


def test_the_rule_is_not_used_for_inequations(claim_of):
    result = check_claim(claim_of('''
        symbols = { y = "real", a = "positive" }
        assume = ["y > 1"]
        show = "((y - 1)**(1/a))**a != y - 1"
        '''))
    assert not positive_rule(result)
    assert result.verdict is not Verdict.HOLDS, result.reason
