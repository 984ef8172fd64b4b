"""``solve``: closed-form crossings proved by substitution, compared with a stated formula, with the sign of
their derivative in a parameter."""

from __future__ import annotations

import io

from formal_emergence.cli import run
from formal_emergence.engine.solving import solve_crossing
from formal_emergence.model.claim import SymbolDecl
from formal_emergence.parse.expr import Scope, parse_expression

DECLS = (SymbolDecl("N", "positive"), SymbolDecl("N_c", "positive"), SymbolDecl("alpha", "positive"),
         SymbolDecl("q", "unit"))
SCOPE = Scope(symbols=frozenset(d.name for d in DECLS))


def _t(text):
    return parse_expression(text, SCOPE)


def test_phase_transition_crossing_is_proved_and_moves_with_alpha_by_the_side_of_one_minus_inverse_e():
    c = solve_crossing(_t("1 - exp(-(N/N_c)**alpha)"), _t("q"), "N", DECLS, parameter="alpha",
                       compare=_t("N_c*(-log(1 - q))**(1/alpha)"))
    assert c.solutions == ("N_c * (-log(1 - q))**(1 / alpha)",) and c.proved == (True,)
    assert "is the solution" in c.comparison
    assert [(p.condition, p.sign) for p in c.signs] == [
        ("q < 1 - exp(-1)", "> 0"), ("q = 1 - exp(-1)", "= 0"), ("q > 1 - exp(-1)", "< 0")]


def test_a_wrong_stated_formula_is_not_accepted():
    c = solve_crossing(_t("1 - exp(-(N/N_c)**alpha)"), _t("q"), "N", DECLS, compare=_t("N_c*(-log(q))**(1/alpha)"))
    assert c.proved == (True,) and "not shown equal" in c.comparison


def test_polynomial_crossing_without_parameter():
    decls = (SymbolDecl("x", "positive"), SymbolDecl("c", "positive"))
    scope = Scope(symbols=frozenset({"x", "c"}))
    c = solve_crossing(parse_expression("x**2", scope), parse_expression("c", scope), "x", decls, parameter="c")
    assert c.solutions == ("sqrt(c)",) or c.solutions == ("c**(1 / 2)",) or len(c.solutions) == 1
    assert c.proved == (True,) and [p.sign for p in c.signs] == ["> 0"]


def test_solve_cli_and_its_user_errors():
    out, err = io.StringIO(), io.StringIO()
    assert run(["solve", "1 - exp(-(N/N_c)**alpha) == q", "--for", "N", "--symbols",
                "N=positive,N_c=positive,alpha=positive,q=unit"], out, err) == 0
    assert "N = N_c * (-log(1 - q))**" in out.getvalue() and "proved" in out.getvalue()
    for argv, key in ([["solve", "x > 1", "--for", "x", "--symbols", "x=real"], "equation"],
                      [["solve", "x == 1", "--for", "y", "--symbols", "x=real"], "--for"],
                      [["solve", "x == 1", "--for", "x", "--symbols", "x=complex"], "--symbols"]):
        err = io.StringIO()
        assert run(argv, io.StringIO(), err) == 2
        assert err.getvalue().startswith(f"<argv>: {key}:")


def test_a_solution_carries_the_definedness_condition_the_assumptions_do_not_imply():
    """adv8 F10: exp(x) = q gave x = log(q) with q real, without q > 0."""
    real_q = (SymbolDecl("x", "real"), SymbolDecl("q", "real"))
    scope = Scope(symbols=frozenset({"x", "q"}))
    lhs, rhs = parse_expression("exp(x)", scope), parse_expression("q", scope)
    c = solve_crossing(lhs, rhs, "x", real_q)
    assert c.solutions == ("log(q)",) and c.where == ("q > 0",)
    out = io.StringIO()
    assert run(["solve", "exp(x) == q", "--for", "x", "--symbols", "x=real,q=real"], out, io.StringIO()) == 0
    assert "x = log(q) where q > 0   [proved where q > 0:" in out.getvalue()
    positive = solve_crossing(lhs, rhs, "x", (SymbolDecl("x", "real"), SymbolDecl("q", "positive")))
    assert positive.solutions == ("log(q)",) and positive.where == ("",)  # implied: nothing to add
    assumed = solve_crossing(lhs, rhs, "x", real_q, assume=(parse_expression("q >= 1", scope),))
    assert assumed.where == ("",)


def test_a_solution_carries_the_definedness_condition_of_the_equation_at_it():
    """adv13 F10: x = c solves exp(log(x)) == c (SymPy: exp(log(c)) - c is 0 for every complex c), but at c = -1 the
    equation is undefined there: the solution is proved only where c > 0 (c >= 0 for sqrt), and with a negative c
    it is left out; no sign analysis is printed for a solution with a condition."""
    scope = Scope(symbols=frozenset({"x", "c"}))
    real = (SymbolDecl("x", "real"), SymbolDecl("c", "real"))
    for lhs, condition in (("exp(log(x))", "c > 0"), ("sqrt(x)**2", "c >= 0"), ("log(x) - log(x) + x", "c > 0")):
        got = solve_crossing(parse_expression(lhs, scope), parse_expression("c", scope), "x", real, parameter="c")
        assert got.solutions == ("c",) and got.where == (condition,) and got.proved == (True,), lhs
        assert got.signs == ()
    negative = solve_crossing(parse_expression("exp(log(x))", scope), parse_expression("c", scope), "x",
                              (SymbolDecl("x", "real"), SymbolDecl("c", "negative")))
    assert negative.solutions == () and "is left out" in negative.notes[0]
    out = io.StringIO()
    assert run(["solve", "exp(log(x)) == c", "--for", "x", "--symbols", "x=real,c=real"], out, io.StringIO()) == 0
    assert "x = c where c > 0   [proved where c > 0:" in out.getvalue()


def test_a_sign_everywhere_is_printed_without_where():
    out = io.StringIO()
    assert run(["solve", "2*x == c", "--for", "x", "--symbols", "x=real,c=real", "--parameter", "c"], out,
               io.StringIO()) == 0
    assert "> 0 everywhere" in out.getvalue() and "where everywhere" not in out.getvalue()


def test_a_solution_carries_the_declared_domain_of_the_unknown():
    """adversarial review 14 F4: x + 1 == a with x positive gave x = -1 + a [proved] (x = -1 at a = 0); with x an
    integer, 2*x == a gave x = 0.5*a; a solution outside the domain wherever the assumptions hold is left out."""
    scope = Scope(symbols=frozenset({"x", "a"}))
    lhs, rhs = parse_expression("x + 1", scope), parse_expression("a", scope)
    got = solve_crossing(lhs, rhs, "x", (SymbolDecl("x", "positive"), SymbolDecl("a", "real")))
    assert got.solutions == ("-1 + a",) and got.where == ("-1 + a > 0",)
    implied = solve_crossing(lhs, rhs, "x", (SymbolDecl("x", "positive"), SymbolDecl("a", "real")),
                             assume=(parse_expression("a > 2", scope),))
    assert implied.where == ("",) and implied.proved == (True,)
    outside = solve_crossing(lhs, rhs, "x", (SymbolDecl("x", "positive"), SymbolDecl("a", "real")),
                             assume=(parse_expression("a < 0", scope),))
    assert outside.solutions == () and "outside x's declared domain" in outside.notes[0]
    integer = solve_crossing(parse_expression("2*x", scope), rhs, "x", (SymbolDecl("x", "integer"), SymbolDecl("a", "real")))
    assert integer.where == ("floor(0.5 * a) == 0.5 * a",)
    assert solve_crossing(parse_expression("2*x", scope), rhs, "x",
                          (SymbolDecl("x", "real"), SymbolDecl("a", "real"))).where == ("",)
