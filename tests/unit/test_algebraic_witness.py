"""Algebraic witnesses: ``x**2 != 2`` is false at x = 2**(1/2), which no rational point hits, and the real odd
roots of negative numbers (``x**3 == c`` at c < 0) that SymPy's principal roots miss."""

from __future__ import annotations

import io

import pytest

from formal_emergence.cli import run
from formal_emergence.engine.check import ALGEBRAIC, check_claim
from formal_emergence.engine.solving import solve_crossing
from formal_emergence.model.claim import SymbolDecl
from formal_emergence.model.terms import to_text
from formal_emergence.model.verdict import Verdict
from formal_emergence.numeric.evaluate import confirm_counterexample, rigorous_bounds
from formal_emergence.parse.expr import Scope, parse_expression
from formal_emergence.symbolic.sympy_layer import closed_tie, real_roots

SCOPE = Scope(symbols=frozenset({"x", "c"}))
REAL = (SymbolDecl("x", "real"), SymbolDecl("c", "real"))


def t(text: str):
    return parse_expression(text, SCOPE)


@pytest.fixture()
def claim_of(load_claims, claim_toml):
    def make(body: str):
        return load_claims(claim_toml("t.alg", body)).claim("t.alg")
    return make


def _never(lhs, rhs) -> bool:
    return False


def _always(lhs, rhs) -> bool:
    return True


def test_a_tie_of_closed_algebraic_numbers_is_settled_only_by_the_given_identity():
    goal = t("(2**(1/2))**2 != 2")
    assert confirm_counterexample((), goal, {}).status == "undetermined"  # intervals alone cannot see the tie
    assert confirm_counterexample((), goal, {}, tie=_never).status == "undetermined"
    assert confirm_counterexample((), goal, {}, tie=closed_tie).status == "confirmed"
    assert confirm_counterexample((), t("(2**(1/2))**2 == 2"), {}, tie=closed_tie).status == "spurious"
    assert confirm_counterexample((), t("(2**(1/2))**2 > 2"), {}, tie=closed_tie).status == "confirmed"


def test_a_tie_inside_a_partial_term_stays_undecided_whatever_the_identity_says():
    # sqrt of a number whose interval straddles 0: not certainly defined, so no relation over it is asked
    goal = t("sqrt(2 - (2**(1/2))**2) > 1")
    assert confirm_counterexample((), goal, {}, tie=_always).status == "undetermined"


def test_closed_tie_needs_an_exact_identity_of_closed_terms():
    assert closed_tie(t("(2**(1/2))**2"), t("2"))
    assert not closed_tie(t("2**(1/2)"), t("1.4142135623730950488016887242097"))
    assert not closed_tie(t("x**2"), t("x*x"))  # not closed: never a tie
    assert not closed_tie(t("abs(-(2**(1/2)))"), t("2**(1/2)"))  # abs of a closed irrational: refused (evalf)


def test_real_roots_add_the_real_odd_root_and_drop_complex_ones():
    cube = real_roots(t("x**3"), t("-2"), "x", REAL)
    assert len(cube) == 1 and eval_float(cube[0]) == pytest.approx(-2 ** (1 / 3))
    fifth = real_roots(t("x**5"), t("-3"), "x", REAL)
    assert len(fifth) == 1 and to_text(fifth[0]).startswith("-")
    square = real_roots(t("x**2"), t("2"), "x", REAL)
    assert sorted(eval_float(r) for r in square) == pytest.approx([-2 ** 0.5, 2 ** 0.5])
    assert real_roots(t("x**2 + c"), t("2"), "x", REAL) == []  # not closed: no candidate


def eval_float(term) -> float:
    lo, hi = rigorous_bounds(term)
    return float((lo + hi) / 2)


@pytest.mark.parametrize("symbols, assume, show, sign", [
    ('{ x = "real" }', "[]", "x**2 != 2", None),
    ('{ x = "positive" }', "[]", "x**2 != 2", "+"),
    ('{ x = "real" }', "[]", "x**3 != -2", "-"),
    ('{ x = "negative" }', "[]", "x**3 + 5 != 0", "-"),
    ('{ x = "real" }', '["x**2 == 2"]', "x > 0", "-"),
    ('{ x = "real" }', '["x**2 == 3"]', "x**3 != 3*x", None),
    ('{ x = "real", y = "positive" }', "[]", "x**2 != 2", None),  # y is declared but not used: no value shown
])
def test_an_algebraic_witness_refutes_and_says_how_it_was_confirmed(claim_of, symbols, assume, show, sign):
    r = check_claim(claim_of(f'symbols = {symbols}\nassume = {assume}\nshow = "{show}"'))
    assert r.verdict is Verdict.FAILS, r.reason
    ce = r.counterexample
    assert ce.confirmed_by == ALGEBRAIC and "exact arithmetic on algebraic numbers" in r.reason
    (name, value), = ce.values
    assert name == "x" and "**" in value
    if sign is not None:
        assert value.startswith("-") == (sign == "-")


@pytest.mark.parametrize("symbols, assume, show", [
    ('{ x = "real" }', '["x**2 == 2"]', "x**4 == 4"),            # true at both roots
    ('{ x = "real" }', '["x**3 == 2"]', "floor(x) == 1"),         # true: 2**(1/3) is about 1.26
    ('{ x = "real" }', "[]", "x**2 != 2 or sqrt(x**2 - 2) > 1"),  # the tie sits under sqrt: not a witness
    ('{ x = "integer" }', "[]", "x**2 != 2"),                     # true: no integer root
])
def test_no_algebraic_witness_for_a_true_claim_or_a_tie_under_a_partial_term(claim_of, symbols, assume, show):
    r = check_claim(claim_of(f'symbols = {symbols}\nassume = {assume}\nshow = "{show}"'))
    assert r.verdict is not Verdict.FAILS, r.reason


def test_solve_gives_the_real_cube_root_of_a_negative_number_proved_where_defined():
    """adversarial review 10: solve x**3 == c gave only c**(1/3) where c >= 0, and not proved."""
    c = solve_crossing(t("x**3"), t("c"), "x", REAL)
    assert c.solutions == ("c**(1/3)", "-(-c)**(1/3)")
    assert c.where == ("c >= 0", "-c >= 0") and c.proved == (True, True)
    out = io.StringIO()
    assert run(["solve", "x**5 == -3", "--for", "x", "--symbols", "x=real"], out, io.StringIO()) == 0
    lines = out.getvalue().splitlines()
    assert len(lines) == 2 and lines[1].strip().startswith("x = -3**") and "left out" not in out.getvalue()


def test_the_other_variables_keep_their_rational_model_values(claim_of):
    r = check_claim(claim_of('symbols = { x = "real", y = "real" }\nassume = ["y == 1"]\nshow = "x**2 != 2*y"'))
    assert r.verdict is Verdict.FAILS and r.counterexample.confirmed_by == ALGEBRAIC
    values = dict(r.counterexample.values)
    assert values["y"] == "1" and "**" in values["x"]
