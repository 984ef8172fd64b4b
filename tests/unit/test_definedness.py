"""Guard-aware definedness: a partial term's side condition applies only where the term is evaluated.

The same semantics on every path: z3 implications, SymPy identities, closed statements,
and the verdict says in words (and in ``defined_where``) where a statement holds only
where its terms are defined.
"""

from __future__ import annotations

import pytest

from formal_emergence import check_claim
from formal_emergence.model.definedness import obligations
from formal_emergence.model.terms import to_text
from formal_emergence.model.verdict import Verdict
from formal_emergence.parse.expr import Scope, parse_expression
from formal_emergence.report.jsonout import claim_record

SCOPE = Scope(symbols=frozenset({"x", "y", "a"}))


def texts(statement: str) -> list[str]:
    return [o.text() for o in obligations(parse_expression(statement, SCOPE))]


@pytest.mark.parametrize("statement, expected", [
    ("sqrt(x) >= 0", ["x >= 0"]),
    ("ite(x >= 0, sqrt(x), 0) >= 0", ["x >= 0 => x >= 0"]),
    ("ite(x > 0, 0, log(-x)) <= 1", ["not x > 0 => -x > 0"]),
    ("implies(x > 0, log(x) > 0)", ["x > 0 => x > 0"]),
    ("x > 0 and log(x) > 0", ["x > 0 => x > 0"]),
    ("x <= 0 or log(x) > 0", ["not x <= 0 => x > 0"]),
    ("log(x) > 0 and x > 0", ["x > 0"]),
    ("1/x > 0", ["x != 0"]),
    ("x**(1/3) >= 0", ["x >= 0"]),
    ("x**(-1/2) > 0", ["x > 0"]),
    ("x**2 >= 0", []),
    ("x**a > 0", ["x > 0 or x == 0 and a >= 0 or x < 0 and floor(a) == a"]),
    ("log(log(x)) > 0", ["x > 0", "log(x) > 0"]),
    ("exp(x) > 0 and log(exp(x)) == x", []),
])
def test_obligations_carry_their_guards(statement, expected):
    assert texts(statement) == expected


@pytest.fixture()
def result_of(load_claims, claim_toml):
    def run(show: str, assume: tuple[str, ...] = (), symbols: str = '{ x = "real" }'):
        assume_text = ", ".join(f'"{a}"' for a in assume)
        body = f"symbols = {symbols}\nassume = [{assume_text}]\nshow = \"{show}\""
        claim = load_claims(claim_toml("t.claim", body)).claim("t.claim")
        return claim, check_claim(claim)

    return run


@pytest.mark.parametrize("assume, show", [
    ((), "ite(x >= 0, sqrt(x), 0) >= 0 and x >= 0"),
    ((), "implies(x >= 0, sqrt(x) >= 0) and x >= 0"),
    ((), "ite(x > 0, exp(log(x)), 1) > 0 and x > 0"),
    ((), "ite(x >= 0, sqrt(x), x) >= 0"),
    ((), "ite(x >= 0, x**0.5, x) >= 0"),
    ((), "ite(x >= 0, x**1.5, x) >= 0"),
    ((), "ite(x > 0, exp(log(x)), x) > 0"),
    ((), "ite(x >= 0, sqrt(x)**2, 0) == x"),
    ((), "ite(x > 0, x**(-1/2), 1) > 0 and x > 0"),
    ((), "ite(x > 0, x**(1/3), 0) >= 0 and x >= 0"),
    (("ite(x >= 0, sqrt(x), 0) >= 0",), "x >= 0"),
    (("ite(x >= 0, sqrt(x), 0) < 1",), "x > 5"),
    (("x < 0",), "ite(x > 0, sqrt(x), 0) == 1"),
])
def test_guarded_partial_terms_do_not_restrict_the_claim(result_of, assume, show):
    _, result = result_of(show, assume)
    assert result.verdict is Verdict.FAILS, result.reason
    assert result.defined_where == ()


def test_guarded_partial_term_in_another_variable(result_of):
    _, result = result_of("ite(y >= 0, sqrt(y), 0) >= 0 and y >= 0 and x >= 0", symbols='{ x = "real", y = "real" }')
    assert result.verdict is Verdict.FAILS, result.reason


def test_defined_everywhere_is_decided_everywhere(result_of):
    claim, result = result_of("ite(x >= 0, sqrt(x)**2, x) == x")
    assert result.verdict is Verdict.HOLDS and result.defined_where == ()
    assert "defined" not in result.reason
    _, result = result_of("sqrt(x) >= 0", ("x >= 0",))
    assert result.verdict is Verdict.HOLDS and result.defined_where == ()


@pytest.mark.parametrize("show, term, condition", [
    ("exp(log(x)) == x", "log(x)", "x > 0"),           # SymPy identity path
    ("x/x == 1", "1/x", "x != 0"),
    ("sqrt(x)**2 == x", "sqrt(x)", "x >= 0"),
    ("(x**2 - 1)/(x - 1) == x + 1", "1/(x - 1)", "x - 1 != 0"),
    ("exp(log(x)) >= x", "log(x)", "x > 0"),          # z3 path
])
def test_holds_only_where_defined_says_so(result_of, show, term, condition):
    claim, result = result_of(show)
    assert result.verdict is Verdict.HOLDS, result.reason
    assert result.defined_where == ((term, condition),)
    assert f"holds where {term} is defined, {condition}" in result.reason
    assert claim_record(claim, result)["defined_where"] == [{"term": term, "condition": condition}]


def test_defined_nowhere_is_not_a_proof(result_of):
    _, result = result_of("exp(log(x)) == x", symbols='{ x = "negative" }')
    assert result.verdict is Verdict.UNDECIDED


@pytest.mark.parametrize("show", ["log(-1) < 0", "(-8)**(1/3) == (-8)**(1/3)", "sqrt(-2) >= 0"])
def test_closed_statement_with_an_undefined_term_is_undecided(result_of, show):
    _, result = result_of(show, symbols="{}")
    assert result.verdict is Verdict.UNDECIDED and "undefined" in result.reason


def test_closed_statement_guard_skips_the_undefined_branch(result_of):
    _, result = result_of("ite(1 > 2, log(-1), 3) == 3", symbols="{}")
    assert result.verdict is Verdict.HOLDS


def test_identity_refutes_a_disequality(result_of):
    _, result = result_of("exp(x + y) != exp(x) * exp(y)", symbols='{ x = "real", y = "real" }')
    assert result.verdict is Verdict.FAILS, result.reason
    _, result = result_of("1/(1 + exp(d/s)) != 1/(1 + exp(d/s))", symbols='{ d = "positive", s = "positive" }')
    assert result.verdict is Verdict.FAILS, result.reason


@pytest.mark.parametrize("show, expected", [("b or not b", Verdict.HOLDS), ("b and not b", Verdict.FAILS),
                                            ("b or x > 0", Verdict.FAILS), ("implies(b, b or x > 0)", Verdict.HOLDS)])
def test_bool_domain_is_decided(result_of, show, expected):
    _, result = result_of(show, symbols='{ b = "bool", x = "real" }')
    assert result.verdict is expected, result.reason
    if expected is Verdict.FAILS:
        assert dict(result.counterexample.values)["b"] in ("true", "false")


ZERO = "(log(8) - 3*log(2))"  # exactly 0 (log(8) = 3*log(2)), but no interval separates it from 0


@pytest.mark.parametrize("show", [f"{ZERO}/{ZERO} == 1", f"1/{ZERO} != 1/{ZERO}", f"0/{ZERO} == 0",
                                  f"log({ZERO}) == log({ZERO})", f"abs(1/{ZERO}) >= 0", f"exp(1/{ZERO}) < 0",
                                  f"(1/{ZERO})**2 >= 0", f"max(1/{ZERO}, 1) >= 1"])
def test_a_closed_statement_dividing_by_an_irrational_exact_zero_is_undefined(result_of, show):
    """Interval arithmetic leaves the divisor undecided, so the definedness is decided by SymPy (adversarial
    review 13 F4: the SymPy identity and the interval reciprocal [-inf, inf] decided these)."""
    _, result = result_of(show, symbols="{}")
    assert result.verdict is Verdict.UNDECIDED, result.reason
    assert "The closed statement is undefined" in result.reason and "which is false" in result.reason


@pytest.mark.parametrize("show, assume, symbols", [
    (f"x/{ZERO} == x/{ZERO}", (), '{ x = "positive" }'),                     # SymPy identity path
    (f"y*y + abs(1/{ZERO}) >= 0", (), '{ y = "real" }'),                    # z3 path
    ("(x - 3*log(2))/(x - 3*log(2)) == 1", ("x == log(8)",), '{ x = "real" }'),  # a pin to a closed term
    (f"x/(x + {ZERO} - x) == x/(x + {ZERO} - x)", (), '{ x = "positive" }'),  # not closed, SymPy's zero
    ("y*y + abs(x/(x*log(8) - 3*x*log(2))) >= 0", (), '{ x = "positive", y = "real" }'),
])
def test_a_statement_undefined_wherever_the_assumptions_hold_is_not_proved(result_of, show, assume, symbols):
    _, result = result_of(show, assume, symbols=symbols)
    assert result.verdict is Verdict.UNDECIDED, result.reason
    assert "undefined wherever the assumptions hold" in result.reason


@pytest.mark.parametrize("show, assume, symbols", [
    (f"x/{ZERO} != x/{ZERO}", (), '{ x = "positive" }'),
    (f"exp(x/{ZERO}) < 0", (), '{ x = "positive" }'),
    ("exp(1/(x - 3*log(2))) < 0", ("x == log(8)",), '{ x = "real" }'),
])
def test_no_witness_is_confirmed_where_a_divisor_is_an_exact_zero(result_of, show, assume, symbols):
    _, result = result_of(show, assume, symbols=symbols)
    assert result.verdict is Verdict.UNDECIDED, result.reason


def test_a_closed_root_of_an_exact_zero_is_defined(result_of):
    """sqrt of an exact zero is defined (0 >= 0 at equal sides), and SymPy then decides the statement."""
    _, result = result_of(f"{ZERO}**(1/2) == 0", symbols="{}")
    assert result.verdict is Verdict.HOLDS, result.reason
