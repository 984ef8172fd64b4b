"""Property claims: monotone, continuous and smooth functions of one variable (engine/properties.py).

Each verdict below is the mathematical truth of the claim in tests/data/properties.toml (its title says it),
so a wrong verdict fails the test; ``undecided`` is asserted only where the engine's sufficient conditions
cannot be met (a step function at its jump, sqrt at 0).
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from formal_emergence import load_catalog
from formal_emergence.engine.check import check_claim
from formal_emergence.errors import ClaimFileError
from formal_emergence.model.properties import continuity_conditions, interval_bounds, smoothness_conditions
from formal_emergence.model.terms import to_text
from formal_emergence.engine.properties import _outcome
from formal_emergence.model.verdict import Counterexample, Result, Verdict
from formal_emergence.parse.expr import Scope, parse_expression

DATA = Path(__file__).resolve().parents[1] / "data" / "properties.toml"

EXPECTED = {
    "t.p-increasing": Verdict.HOLDS,     # 1 - exp(-(N/N_c)**alpha) with N_c, alpha > 0
    "t.p-decreasing": Verdict.FAILS,
    "t.cube": Verdict.HOLDS,             # strictly increasing although its derivative vanishes at 0
    "t.square": Verdict.FAILS,           # x**2 on the reals is not monotone
    "t.log-cont": Verdict.HOLDS,
    "t.log-cont-real": Verdict.FAILS,    # log is undefined at 0, a point of the domain
    "t.step": Verdict.UNDECIDED,         # jumps at 0: the sufficient condition fails; not refuted
    "t.step-pos": Verdict.HOLDS,         # for x > 1 every kink and switch is away
    "t.sqrt-smooth": Verdict.UNDECIDED,  # not differentiable at 0, but the test is only sufficient
    "t.recip-dec": Verdict.FAILS,        # 1/x on x != 0: -1 < 1 but 1/(-1) < 1/1
    "t.deriv-route": Verdict.HOLDS,
    "t.floor-nondec": Verdict.HOLDS,
}


@pytest.fixture(scope="module")
def results():
    catalog = load_catalog([DATA])
    return {c.id: check_claim(c) for c in catalog.claims}


@pytest.mark.parametrize("cid", sorted(EXPECTED))
def test_property_verdicts_match_the_mathematics(results, cid):
    assert results[cid].verdict is EXPECTED[cid], results[cid].reason


def test_monotone_witness_is_a_violating_pair(results):
    cx = results["t.square"].counterexample
    values = {k: Fraction(v) for k, v in cx.values}
    a, b = values["x_1"], values["x_2"]
    assert a < b and not a ** 2 <= b ** 2
    cx = results["t.recip-dec"].counterexample
    values = {k: Fraction(v) for k, v in cx.values}
    a, b = values["x_1"], values["x_2"]
    assert a < b and a != 0 and b != 0 and not 1 / a > 1 / b


def test_undefined_point_refutes_continuity(results):
    r = results["t.log-cont-real"]
    assert "undefined at a point of the domain" in r.reason
    assert Fraction(dict(r.counterexample.values)["x"]) <= 0


def test_derivative_route_is_used_only_on_an_interval(tmp_path):
    text = DATA.read_text(encoding="utf-8").replace('of = "log(x) - 1/x"', 'of = "log(1 + exp(x)) - x/2"')
    text = text.replace('assume = ["x > c"]', 'assume = ["x > c", "x != 2"]', 1)
    path = tmp_path / "not_interval.toml"
    path.write_text(text, encoding="utf-8")
    r = check_claim(load_catalog([path]).claim("t.deriv-route"))
    assert r.verdict in (Verdict.HOLDS, Verdict.UNDECIDED)  # true; the derivative test may not be used
    assert "mean value theorem" not in r.reason


def test_derivative_route_decides_what_the_two_point_statement_leaves_open(tmp_path):
    # x**2 * exp(-x) rises on (1, 2): its derivative x*exp(-x)*(2 - x) is positive there
    text = DATA.read_text(encoding="utf-8").replace('of = "log(x) - 1/x"', 'of = "x**2*exp(-x)"')
    text = text.replace('assume = ["x > c"]', 'assume = ["x > 1", "x < 2"]', 1)
    path = tmp_path / "route.toml"
    path.write_text(text, encoding="utf-8")
    r = check_claim(load_catalog([path]).claim("t.deriv-route"))
    assert r.verdict is Verdict.HOLDS and "mean value theorem" in r.reason


def _t(text, **symbols):
    return parse_expression(text, Scope(symbols=frozenset(symbols) | {"x"}), expect_boolean=False)


def test_interval_bounds():
    x_gt = parse_expression("x > c", Scope(symbols=frozenset({"x", "c"})), expect_boolean=True)
    x_ne = parse_expression("x != 2", Scope(symbols=frozenset({"x"})), expect_boolean=True)
    x_sq = parse_expression("x**2 < 4", Scope(symbols=frozenset({"x"})), expect_boolean=True)
    assert interval_bounds((x_gt,), "x")
    assert not interval_bounds((x_gt, x_ne), "x")
    assert not interval_bounds((x_sq,), "x")


def test_conditions_name_switches_jumps_kinks_and_varying_exponents():
    cont = [to_text(c) for _, c in continuity_conditions(_t("ite(x > 1, x, 1) + floor(x) + abs(x) + 2**x + x**a", a=1), "x")]
    assert "not x == 1" in cont and "not floor(x) == x" in cont
    assert "x > 0" not in cont                  # x**a with a fixed exponent is continuous where defined
    assert "x > 0" in [to_text(c) for _, c in continuity_conditions(_t("x**x"), "x")]  # 0**a jumps at a = 0
    assert not any("abs" in c for c in cont)    # abs is continuous
    smooth = [to_text(c) for _, c in smoothness_conditions(_t("abs(x - 1) + sqrt(x)"), "x")]
    assert "not x - 1 == 0" in smooth and "x > 0" not in smooth
    assert continuity_conditions(_t("x**n", n=1), "x", frozenset({"n"})) == []
    # a fixed exponent that is not an integer needs a positive base for smoothness: x**(1/n) at n = 2 is sqrt
    for text in ("x**(1/n)", "x**(n/2)", "x**(n - 1/2)"):
        assert "x > 0" in [to_text(c) for _, c in smoothness_conditions(_t(text, n=1), "x", frozenset({"n"}))], text
    assert smoothness_conditions(_t("x**(2*n - 1)", n=1), "x", frozenset({"n"})) == []


_PROPERTY = 'property = "increasing"\nof = "x"\nvariable = "x"\n'


@pytest.mark.parametrize("body, key", [
    ('property = "increasing"\nof = "x"\n', "variable"),                    # missing variable
    (_PROPERTY + 'show = "x > 0"\n', "show"),                                # both show and property
    ('property = "monotone"\nof = "x"\nvariable = "x"\n', "property"),     # unknown property
    (_PROPERTY + 'free = ["x"]\n', "free"),                                  # free constants with a property
    (_PROPERTY + 'level = "1"\n', "level"),                                  # level without crossing
    ('property = "crossing"\nof = "x"\nvariable = "x"\nlevel = "1"\nsolution = "x"\n', "solution"),
    ('property = "crossing"\nof = "x"\nvariable = "x"\nsolution = "1"\n', "level"),
])
def test_property_loader_errors(tmp_path, body, key):
    base = ('[[claim]]\nid = "t.e"\ntitle = "e"\nkind = "theorem"\nsource = {document = "d", section = "s", '
            'quote = "q"}\nsymbols = {x = "real"}\n')
    path = tmp_path / "e.toml"
    path.write_text(base + body, encoding="utf-8")
    with pytest.raises(ClaimFileError) as info:
        load_catalog([path])
    assert key in str(info.value)


def test_a_refuted_closed_condition_is_not_shown_as_an_empty_witness():
    closed = Result("t.c", Verdict.FAILS, "The closed statement is false by exact rational arithmetic (1 == 2).",
                    counterexample=Counterexample((), (), 30, "exact"))
    text = _outcome(closed)
    assert "false at" not in text and "1 == 2" in text
    witness = Result("t.w", Verdict.FAILS, "r", counterexample=Counterexample((("x", "0"),), (), 30, "exact"))
    assert _outcome(witness) == "false at x = 0"


def test_crossing_of_the_phase_model():
    # 1 - exp(-(N/N_c)**alpha) = q exactly at N = N_c*(-log(1 - q))**(1/alpha); at N_c it is 1 - 1/e, not 1/2
    catalog = load_catalog([DATA.parent / "crossing.toml"])
    proved = check_claim(catalog.claim("t.cross"))
    assert proved.verdict is Verdict.HOLDS, proved.reason
    refuted = check_claim(catalog.claim("t.cross-half"))
    assert refuted.verdict is Verdict.FAILS and refuted.counterexample is not None


@pytest.mark.parametrize("symbols, of, level, solution, verdict", [
    ("{ x = 'real' }", "diff(x**2, x)", "4", "2", Verdict.HOLDS),
    ("{ x = 'real' }", "diff(x**2, x)", "5", "2", Verdict.FAILS),
    ("{ x = 'positive' }", "diff(x**2, x)", "-4", "-2", Verdict.FAILS),      # the point is outside the domain
    ("{ x = 'real', a = 'positive' }", "diff(a*x**2, x)", "4", "2/a", Verdict.HOLDS),
    ("{ x = 'real' }", "diff(log(x), x)", "-1", "-1", Verdict.UNDECIDED),   # log is undefined at -1
    ("{ x = 'integer' }", "diff(x**2, x)", "4", "2", Verdict.UNDECIDED),    # no derivative in an integer variable
])
def test_a_crossing_of_a_derivative_is_decided_at_the_point(tmp_path, symbols, of, level, solution, verdict):
    """adv13 F6: substituting the point into diff(x**2, x) raised ValueError, and the whole check ended with exit 3.
    The variable stays, pinned to the point by a hypothesis; the point's domain is part of what is shown."""
    path = tmp_path / "cross.toml"
    path.write_text(f"""[[assertion]]
id = 't.d'
title = 't'
kind = 'theorem'
source = {{ document = 'x.txt', section = 's', quote = 'q' }}
symbols = {symbols}
property = 'crossing'
of = '{of}'
variable = 'x'
level = '{level}'
solution = '{solution}'
""", encoding="utf-8")
    r = check_claim(load_catalog([path]).claim("t.d"))
    assert r.verdict is verdict, r.reason
    if verdict is Verdict.HOLDS:
        assert f"at x = {to_text(parse_expression(solution, Scope(symbols=frozenset({'a'}))))}" in r.reason
    if verdict is Verdict.FAILS:
        assert dict(r.counterexample.values)["x"] == solution
