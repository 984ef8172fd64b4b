"""The z3 layer (formal_emergence.solver.z3_backend) used directly."""

from __future__ import annotations

import time
from fractions import Fraction

import pytest

from formal_emergence.errors import UnsupportedConstruct
from formal_emergence.model.claim import SymbolDecl
from formal_emergence.numeric.evaluate import rigorous_bounds
from formal_emergence.parse.expr import Scope, parse_expression
from formal_emergence.solver.z3_backend import Outcome, SolverOptions, check_implication

SCOPE = Scope(symbols=frozenset({"x", "y", "a", "b", "n"}), predicates={"Q": 1}, functions={"F": 1})


def t(text: str):
    return parse_expression(text, SCOPE)


def no_bounds(_term):
    return None


def check(hyps, goal, decls=(), bound_of=no_bounds, **opts) -> Outcome:
    return check_implication([t(h) for h in hyps], t(goal), [SymbolDecl(*d) for d in decls], bound_of,
                             SolverOptions(**opts))


# --- polynomial arithmetic ---------------------------------------------------------------------


def test_true_polynomial_implication_is_unsat():
    o = check(["x > 1"], "x**2 > x")
    assert o.status == "unsat"
    assert o.model == {}
    assert o.exact and o.abstracted == ()


def test_false_polynomial_implication_gives_exact_model(exact_eval):
    o = check(["x > 0", "y > x"], "y**2 - 3*x*y + x > 0")
    assert o.status == "sat"
    assert set(o.model) == {"x", "y"}
    assert all(isinstance(v, Fraction) for v in o.model.values())
    assert o.approximated == ()
    assert exact_eval("x > 0 and y > x", o.model) is True  # the model satisfies the hypotheses ...
    assert exact_eval("y**2 - 3*x*y + x > 0", o.model) is False  # ... and violates the goal


def test_domains_are_hypotheses():
    assert check([], "x > 0", decls=[("x", "positive")]).status == "unsat"
    assert check([], "x < 1", decls=[("x", "unit")]).status == "unsat"
    o = check([], "x < 1", decls=[("x", "probability")])
    assert o.status == "sat" and o.model["x"] == 1
    # integer domains: n > 0 and n < 1 has no integer solution
    assert check(["n > 0"], "n >= 1", decls=[("n", "integer")]).status == "unsat"
    assert check(["n > 0"], "n >= 1", decls=[("n", "real")]).status == "sat"


def test_decimals_are_exact():
    assert check(["x == 0.1"], "10*x == 1").status == "unsat"
    assert check(["x == 0.1"], "x*x == 0.01").status == "unsat"
    assert check(["x == 0.1", "y == 0.2"], "x + y == 0.3").status == "unsat"
    assert check(["x == 0.1"], "x == 1/10").status == "unsat"
    o = check(["x == 3.2e-3"], "x > 0.0032")
    assert o.status == "sat" and o.model["x"] == Fraction(32, 10000)


def test_division_side_condition():
    o = check(["x > 0"], "1/x > 0")
    assert o.status == "unsat"
    assert "x != 0" in o.side_conditions


# --- exp and log -------------------------------------------------------------------------------


def test_exp_positive_argument_greater_than_one():
    o = check(["x > 0"], "exp(x) > 1")
    assert o.status == "unsat"
    assert "exp(x)" in o.abstracted and not o.exact
    assert any("exp(x) > 0" == l for l in o.lemmas)


def test_exp_of_closed_term_needs_rigorous_bounds():
    # without bounds the atom exp(-1) is only known to lie in (0, 1): not enough
    assert check([], "exp(-1) < 1/2").status == "sat"
    bound_of = lambda term: rigorous_bounds(term, 30)
    o = check([], "exp(-1) < 1/2", bound_of=bound_of)
    assert o.status == "unsat"
    assert any("interval arithmetic" in l for l in o.lemmas)
    assert check([], "exp(-1) > 0.3678", bound_of=bound_of).status == "unsat"
    assert check([], "exp(-1) < 0.3679", bound_of=bound_of).status == "unsat"
    assert check([], "exp(-1) > 0.3679", bound_of=bound_of).status == "sat"


def test_log_below_tangent_line():
    o = check(["x > 0", "x != 1"], "log(x) < x - 1")
    assert o.status == "unsat"
    assert "x > 0" in o.side_conditions
    # at x = 1 the inequality is an equality: the exact model is x = 1
    o = check(["x > 0"], "log(x) < x - 1")
    assert o.status == "sat" and o.model == {"x": Fraction(1)}


def test_exp_log_monotone():
    assert check(["x < y"], "exp(x) < exp(y)").status == "unsat"
    assert check(["x > 0", "y > x"], "log(x) < log(y)").status == "unsat"


def test_real_power_side_condition():
    o = check(["x > 1"], "x**a > 1", decls=[("a", "positive")])
    assert o.status == "unsat"
    assert "x > 0 or x == 0 and a >= 0 or x < 0 and floor(a) == a" in o.side_conditions
    assert any(s.startswith("exp(") for s in o.abstracted)


def test_rational_power_is_algebraic():
    o = check(["x >= 0"], "sqrt(x)**2 == x")
    assert o.status == "unsat"
    assert "x >= 0" in o.side_conditions


def test_undefined_symbols_are_uninterpreted():
    reals = [("x", "real"), ("y", "real")]
    assert check(["Q(x)", "x == y"], "Q(y)", decls=reals).status == "unsat"  # congruence
    assert check(["Q(x)"], "Q(y)", decls=reals).status == "sat"
    o = check([], "F(x) > 0", decls=reals)
    assert o.status == "sat"
    assert "F(x)" in o.interpretation and o.interpretation["F(x)"] <= 0


def test_unsupported_constructs_raise():
    with pytest.raises(UnsupportedConstruct):
        check([], "diff(x**2, x) > 0")
    with pytest.raises(UnsupportedConstruct):
        check([], "limit(x, x, 0) > 0")


# --- determinism and budget --------------------------------------------------------------------


@pytest.mark.parametrize(("hyps", "goal"), [
    (["x > 0", "y > x"], "y**2 - 3*x*y + x > 0"),
    (["x > 0"], "log(x) < x - 1"),
    (["x > 1"], "x**2 > x"),
])
def test_deterministic(hyps, goal):
    first = check(hyps, goal)
    second = check(hyps, goal)
    assert first == second
    assert (first.status, first.model) == (second.status, second.model)
    assert first.seed == 0 and first.rlimit == SolverOptions().rlimit and first.version


HARD = "x**4 + y**4 + a**4 + b**4 >= 4*x*y*a*b"


def test_tiny_rlimit_gives_unknown_quickly():
    start = time.perf_counter()
    o = check([], HARD, rlimit=1000)
    elapsed = time.perf_counter() - start
    assert o.status == "unknown"
    assert "rlimit" in o.reason_unknown and "1000" in o.reason_unknown
    assert o.rlimit == 1000
    assert elapsed < 5


def test_rlimit_is_the_only_difference():
    """The same problem with the default budget is proved: the unknown above is the budget's doing."""
    o = check([], HARD)
    assert o.status == "unsat"
    assert o.rlimit_used > 1000


# --- budgets (issue 8 item 5) ---------------------------------------------------------------------


def test_claim_budget_is_shared_by_calls_and_a_spent_budget_runs_nothing():
    from formal_emergence.solver.z3_backend import claim_budget
    with claim_budget(3000) as ledger:
        first = check([], "x**4 + y**4 + a**4 + b**4 >= 4*x*y*a*b", rlimit=10**6)
        assert first.status == "unknown" and first.rlimit == 3000
        assert "the claim's z3 budget of 3000" in first.reason_unknown
        after = check(["x > 1"], "x**2 > x", rlimit=10**6)
        assert after.status == "unknown" and after.reason_unknown.startswith("not run:")
        assert after.rlimit_used == 0
    assert ledger.left == 0 and ledger.calls == 1
    assert check(["x > 1"], "x**2 > x").status == "unsat"  # outside the block: no ledger


def test_a_hard_call_gets_a_share_of_the_claim_budget():
    from formal_emergence.solver.z3_backend import HARD_SHARE, claim_budget, is_hard
    decls = [SymbolDecl("x", "posint"), SymbolDecl("y", "posint")]
    assert is_hard([t("x**2 - 991*y**2 != 1")], decls)
    assert not is_hard([t("x**2 - 991*y**2 != 1")], [SymbolDecl("x", "real"), SymbolDecl("y", "real")])
    assert is_hard([t("(x**2 + y**2)**4 >= 0")], ()) and not is_hard([t("x*floor(y/2) + x**100000 > 0")], ())
    with claim_budget(800_000):
        o = check([], "x**2 - 991*y**2 != 1", decls=[("x", "posint"), ("y", "posint")], rlimit=10**9)
    assert o.status == "unknown" and o.rlimit == 800_000 // HARD_SHARE
    assert "a hard call's share" in o.reason_unknown


def test_floor_of_an_integer_combination_is_integer_division():
    o = check([], "floor(n/2)*2 + floor((n + 1)/2)*2 - 2*n == 0", decls=[("n", "integer")], rlimit=200_000)
    assert o.status == "unsat" and o.rlimit_used < 50_000


def test_huge_integer_powers_are_atoms_with_true_facts():
    assert check([], "x**100000 > -1").status == "unsat"
    assert check(["x >= 1"], "x**100001 >= x").status == "unsat"
    odd = check([], "x**100001 >= 0")
    assert odd.status == "sat" and odd.model["x"] < 0 and "(x)**100001" in odd.abstracted
    even = check([], "x**100000 > 0")
    assert even.status == "sat" and even.model["x"] == 0
