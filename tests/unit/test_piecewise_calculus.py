"""Derivatives and limits of piecewise terms, and capture-free definition expansion.

A jump or a kink never yields a derivative ``holds``; a limit of ``ite`` never takes
the value at the point; variables bound by ``diff``/``limit`` inside definitions
never capture an argument.
"""

from __future__ import annotations

import pytest

from formal_emergence import check_claim
from formal_emergence.model.definedness import drop_removable_ites, kinks
from formal_emergence.model.terms import Diff, Limit, Num, Sym, substitute, to_text
from formal_emergence.model.verdict import Verdict
from formal_emergence.parse.expr import Scope, parse_expression

SCOPE = Scope(symbols=frozenset({"x", "a", "y"}))


def term(text: str):
    return parse_expression(text, SCOPE)


@pytest.fixture()
def verdict(load_claims, claim_toml):
    def run(show: str, assume: tuple[str, ...] = (), symbols: str = '{ x = "real" }', definitions: str = ""):
        assume_text = ", ".join(f'"{a}"' for a in assume)
        body = f"symbols = {symbols}\nassume = [{assume_text}]\nshow = \"{show}\""
        text = claim_toml("t.claim", body)
        if definitions:
            text = definitions + "\n" + text.replace('kind = "theorem"', 'kind = "theorem"\nuses = ["d.f"]')
        return check_claim(load_claims(text).claim("t.claim"))

    return run


@pytest.mark.parametrize("text, expected", [
    ("ite(x > 0, x, 0)", ["x == 0"]), ("abs(x - 1)", ["x - 1 == 0"]), ("max(x, 1/2)", ["x == 0.5"]),
    ("floor(x) + x**2", ["floor(x) == x"]), ("heaviside(x)", ["x == 0"]), ("exp(x) * x**2", []),
    ("sqrt(x**2)", ["x**2 == 0"]),
])
def test_kinks_of_non_smooth_terms(text, expected):
    assert [to_text(k) for k in kinks(term(text))] == expected


@pytest.mark.parametrize("text, expected", [
    ("heaviside(a) * x", []), ("abs(a) + ite(a > 0, x, -x)", []), ("floor(a) * x + min(a, 1)", []),
    ("heaviside(x - a) * abs(a)", ["x - a == 0"]), ("ite(a > 0, abs(x), x)", ["x == 0"]),
])
def test_kinks_in_one_variable_ignore_switches_free_of_it(text, expected):
    assert [to_text(k) for k in kinks(term(text), "x")] == expected


@pytest.mark.parametrize("text, expected", [
    ("x**a", ["x == 0 and not floor(a) == a"]),                   # a fixed non-integer exponent: edge at 0
    ("(x - a)**(a + 1/2)", ["x - a == 0 and not floor(a + 0.5) == a + 0.5"]),
    ("x**x", ["x <= 0"]), ("a**x", ["a <= 0"]),                    # a varying exponent needs a positive base
    ("2**x", []), ("y**a", []), ("exp(a*x)", []), ("x**(-1)", []),
])
def test_kinks_include_the_domain_edges_of_symbolic_powers(text, expected):
    assert [to_text(k) for k in kinks(term(text), "x")] == expected


@pytest.mark.parametrize("assume, show, literal", [
    (("a == 3/2", "x == 0"), "diff(x**a, x) == 0", "diff(x**(3/2), x) == 0"),  # adv7 pw.c02: only a right derivative
    (("a > 1", "x == 0"), "diff(x**a, x) == 0", "diff(x**(3/2), x) == 0"),     # adv7 pw.c03
    (("a == 3/2", "x == 0"), "diff(x**a, x) == 1", "diff(x**(3/2), x) == 1"),  # adv7 hi2.c15: was fails at x = 0
    (("a == 5/2", "x == 0"), "diff(x**a, x, 2) == 0", "diff(x**(5/2), x, 2) == 0"),
    (("a == 3/2", "x == 0", "y == diff(x**a, x)"), "y == 0", ""),
])
def test_symbolic_power_at_its_domain_edge_is_undecided_like_a_literal_one(verdict, assume, show, literal):
    symbols = '{ x = "real", a = "real", y = "real" }'
    result = verdict(show, assume, symbols=symbols)
    assert result.verdict is Verdict.UNDECIDED, result.reason
    assert "edge of the domain" in result.reason
    if literal:
        result = verdict(literal, ("x == 0",))
        assert result.verdict is Verdict.UNDECIDED and "edge of the domain" in result.reason, result.reason


def test_symbolic_power_is_decided_where_smooth(verdict):
    posint = '{ x = "real", n = "posint" }'
    assert verdict("diff(x**n, x) == 0", ("n >= 2", "x == 0"), symbols=posint).verdict is Verdict.HOLDS
    result = verdict("diff(x**n, x) == 0", ("x == 0",), symbols=posint)  # false at n = 1, a polynomial
    assert result.verdict is Verdict.FAILS and dict(result.counterexample.values)["n"] == "1"
    result = verdict("diff(x**(n + 1/2), x) == 1", ("x == 0",), symbols=posint)  # adv7 pw.c08: was fails at x = 0
    assert result.verdict is Verdict.UNDECIDED, result.reason
    symbols = '{ x = "real", a = "real" }'
    assert verdict("diff(x**a, x) == 3/2", ("a == 3/2", "x == 1"), symbols=symbols).verdict is Verdict.HOLDS
    result = verdict("diff(x**a, x) == 0", ("a == 3/2",), symbols=symbols)
    assert result.verdict is Verdict.FAILS and dict(result.counterexample.values)["x"] != "0"


def test_derivative_of_a_parameter_step_has_no_kink_in_the_variable(verdict):
    symbols = '{ x = "real", a = "real" }'
    assert verdict("diff(heaviside(a)*x, x) == heaviside(a)", symbols=symbols).verdict is Verdict.HOLDS
    result = verdict("diff(heaviside(a)*x, x) == 1", symbols=symbols)
    assert result.verdict is Verdict.FAILS and dict(result.counterexample.values)["a"] == "0"


@pytest.mark.parametrize("assume, show", [
    (("x == 0",), "diff(ite(x > 0, x, 0), x) == 0"),          # kink at 0
    ((), "diff(ite(x > 0, 1, 0), x) == 0"),                    # jump at 0
    (("x == 1",), "diff(ite(x >= 1, 1, 0) + x, x) == 1"),      # jump at 1
    (("x == 0",), "diff(abs(x), x) == 0"),
    (("x == 0",), "diff(max(x, 0), x) == 1"),
    (("x == 0",), "diff(ite(x == 0, 0, x), x) == 0"),          # false: the derivative of the identity is 1
])
def test_no_derivative_holds_at_a_kink_or_jump(verdict, assume, show):
    result = verdict(show, assume)
    assert result.verdict is not Verdict.HOLDS, result.reason


def test_derivative_away_from_kinks_is_decided(verdict):
    assert verdict("diff(abs(x), x) == 1", ("x > 0",)).verdict is Verdict.HOLDS
    result = verdict("diff(abs(x), x) == 1")
    assert result.verdict is Verdict.FAILS and dict(result.counterexample.values)["x"] != "0"
    assert verdict("diff(x**(1/3), x) > 0", symbols='{ x = "positive" }').verdict is Verdict.HOLDS


@pytest.mark.parametrize("show, expected", [
    ("limit_right(ite(x > 0, 1, 0), x, 0) == 1", Verdict.HOLDS),
    ("limit_right(ite(x > 0, 1, 0), x, 0) == 0", Verdict.FAILS),
    ("limit_left(ite(x > 0, 1, 0), x, 0) == 0", Verdict.HOLDS),
    ("limit(ite(x == 0, 5, x), x, 0) == 0", Verdict.HOLDS),
    ("limit(ite(x == 1, 0, x**2), x, 1) == 1", Verdict.HOLDS),
    ("limit(ite(x > 0, x, -x), x, 0) == 0", Verdict.HOLDS),
    ("limit(ite(x > 0, 1, 0), x, 0) == 0", Verdict.UNDECIDED),   # no two-sided limit
    ("limit(ite(x > 0, 1, 0), x, 0) == 1", Verdict.UNDECIDED),
])
def test_limits_of_ite_ignore_the_value_at_the_point(verdict, show, expected):
    result = verdict(show)
    assert result.verdict is expected, result.reason


def test_substitution_renames_a_bound_limit_variable():
    body = Limit(term("(a + x)**2"), Sym("x"), Num(0))
    out = substitute(body, {"a": Sym("x")})
    assert isinstance(out, Limit) and out.var != Sym("x") and "x" in to_text(out.expr)
    with pytest.raises(ValueError):
        substitute(Diff(term("y**2"), Sym("y")), {"y": Num(3)})


DEF_L = '''[[definition]]
id = "d.f"
name = "F"
params = ["a"]
body = "{body}"
symbols = {{ x = "real" }}
'''


@pytest.mark.parametrize("body, show, expected", [
    ("limit((a + x)**2, x, 0)", "F(x) == x**2", Verdict.HOLDS),
    ("limit((a + x)**2, x, 0)", "F(x) == 0", Verdict.FAILS),
    ("diff(a*x, x)", "F(x) == x", Verdict.HOLDS),
    ("diff(a*x, x)", "F(x) == 2*x", Verdict.FAILS),
    ("diff(a**2, a)", "F(3) == 6", Verdict.HOLDS),
    ("diff(a**2, a)", "F(x**2) == 2*x**2", Verdict.HOLDS),
])
def test_definitions_with_bound_variables_expand_without_capture(verdict, body, show, expected):
    result = verdict(show, definitions=DEF_L.format(body=body))
    assert result.verdict is expected, result.reason


def test_root_kink_and_one_sided_domain(verdict):
    assert verdict("diff(sqrt(x**2), x) == 0", ("x == 0",)).verdict is not Verdict.HOLDS   # |x| at 0
    assert verdict("limit_left(sqrt(x), x, 0) == 0").verdict is Verdict.UNDECIDED       # undefined left of 0
    assert verdict("limit_right(sqrt(x), x, 0) == 0").verdict is Verdict.HOLDS


def test_removable_ite_is_the_function_of_its_other_branch():
    """ite(x == e, b at e, b) is b; the rewrite never fires when the branches disagree at the switch."""
    assert drop_removable_ites(term("ite(x == 0, 0, x)")) == Sym("x")
    assert drop_removable_ites(term("ite(0 == x, 0, x)")) == Sym("x")
    assert drop_removable_ites(term("ite(x != 1, x, 1)")) == Sym("x")
    assert drop_removable_ites(term("ite(x != 1, x**2, 1)")) == term("ite(x != 1, x**2, 1)")  # syntactic only
    assert drop_removable_ites(term("ite(x == 0, 1, x)")) == term("ite(x == 0, 1, x)")
    assert drop_removable_ites(term("ite(x > 0, 0, x)")) == term("ite(x > 0, 0, x)")
    assert drop_removable_ites(term("ite(x == y, y, x)")) == Sym("x")


@pytest.mark.parametrize("show, expected", [
    ("diff(ite(x == 0, 0, x), x) == 1", Verdict.HOLDS),   # d05: the identity function
    ("diff(ite(x == 0, 0, x), x) == 0", Verdict.FAILS),   # d06
    ("diff(ite(x == 0, 1, x), x) == 1", Verdict.UNDECIDED),  # a jump at 0: no derivative there
])
def test_derivative_of_a_removable_ite(verdict, show, expected):
    result = verdict(show, ("x == 0",))
    assert result.verdict is expected, result.reason


DEF_D0 = '''[[definition]]
id = "d.f"
name = "D0"
params = ["t"]
body = "x"
symbols = { x = "real" }
'''


def test_definition_application_is_call_by_value(verdict):
    """D0(t) = x ignores t, but D0(log(z)) is defined only where log(z) is (fuzz c209)."""
    result = verdict("D0(log(z)) == x", symbols='{ x = "real", z = "real" }', definitions=DEF_D0)
    assert result.verdict is Verdict.HOLDS and "where log(z) is defined, z > 0" in result.reason, result.reason
    result = verdict("D0(log(-1)) == x", definitions=DEF_D0)
    assert result.verdict is Verdict.UNDECIDED, result.reason
    assert verdict("D0(z) == x", symbols='{ x = "real", z = "real" }', definitions=DEF_D0).reason \
        == "SymPy reduces the difference of the two sides to exactly 0."


def test_parametric_limit_reason_names_the_parameter(verdict):
    result = verdict("limit(x*exp(-a*x), x, oo) == 0", symbols='{ x = "real", a = "real" }')
    assert result.verdict is Verdict.UNDECIDED
    assert "free parameter(s) a" in result.reason and "no case split" in result.reason, result.reason


def test_predicate_application_is_call_by_value(verdict):
    definition = DEF_D0.replace('name = "D0"', 'name = "Big"').replace('body = "x"', 'body = "x > 0"')
    result = verdict("Big(log(z))", ("x > 1",), symbols='{ x = "real", z = "real" }', definitions=definition)
    assert result.verdict is Verdict.HOLDS and "where log(z) is defined, z > 0" in result.reason, result.reason
