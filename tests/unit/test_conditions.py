"""Weakest conditions: the bound reduction and z3 quantifier elimination."""

from __future__ import annotations

from fractions import Fraction
import pytest

from formal_emergence import check_claim
from formal_emergence.model.verdict import Verdict
from formal_emergence.engine import conditions
from formal_emergence.engine.conditions import FAILS_FOR_EVERY_VALUE
from formal_emergence.parse.expr import Scope, parse_expression
from formal_emergence.model.exact import exact_truth
from formal_emergence.model.terms import Num, substitute, to_text

GRADIENT_STEP = """
symbols = { alpha = "positive", c = "positive", theta = "real" }
assume = ["theta != 0"]
show = "c*(theta - alpha*c*theta)**2/2 < c*theta**2/2"
free = ["alpha", "c"]
"""


def _condition_holds(condition_text: str, **values: Fraction) -> bool:
    term = parse_expression(condition_text, Scope(symbols=frozenset(values)), expect_boolean=True)
    decided = exact_truth(substitute(term, {k: Num(v) for k, v in values.items()}))
    assert decided is not None
    return decided


@pytest.fixture()
def qe_one_second(monkeypatch) -> list:
    """z3's quantifier elimination with 1 s of CPU instead of ``QE_CPU_SECONDS`` (10 s); returns the list of what
    each elimination gave. For claims whose qe2 runs until its budget stops it and then gives None, as with 1 s:
    the Result (verdict, reason, condition, evidence) was the same with both budgets (benchmarks/suite.md, sessions
    11 and 13), and the 10 s were most of this file's time."""
    eliminated = []
    eliminate = conditions.eliminate_quantifiers

    def with_one_second(*args, **kwargs):
        eliminated.append(eliminate(*args, **{**kwargs, "cpu_seconds": 1.0}))
        return eliminated[-1]

    monkeypatch.setattr(conditions, "eliminate_quantifiers", with_one_second)
    return eliminated


def test_a_condition_mentions_only_free_constants(load_claims, claim_toml, qe_one_second):
    """With alpha alone free, c is quantified like theta: no alpha works for every c > 0 (adversarial review 11 F1:
    symbols outside the assumptions were kept, so a condition could restate the statement)."""
    claim = load_claims(claim_toml("t.gd1", GRADIENT_STEP.replace('["alpha", "c"]', '["alpha"]'))).claim("t.gd1")
    result = check_claim(claim)
    assert qe_one_second == [None]  # the elimination was asked for (z3's qe2 runs to its budget) and derived nothing
    assert result.verdict is not Verdict.HOLDS_IF
    pinned = claim_toml("t.pin", """
symbols = { x = "real", p = "real", c = "real" }
assume = ["c == 1"]
show = "x + p > 0"
free = ["p"]
""")
    result = check_claim(load_claims(pinned).claim("t.pin"))
    assert result.verdict is Verdict.FAILS
    assert any(e.outcome == FAILS_FOR_EVERY_VALUE for e in result.evidence)


def test_quantifier_elimination_gives_the_exact_learning_rate_condition(load_claims, claim_toml):
    claim = load_claims(claim_toml("t.gd", GRADIENT_STEP)).claim("t.gd")
    result = check_claim(claim)
    assert result.verdict is Verdict.HOLDS_IF
    text = result.condition.text
    # The claim holds exactly when 0 < alpha*c < 2: probe both sides of both ends.
    for alpha, c, expected in [(Fraction(1, 2), Fraction(1), True), (Fraction(19, 10), Fraction(1), True),
                               (Fraction(21, 10), Fraction(1), False), (Fraction(2), Fraction(1), False),
                               (Fraction(1), Fraction(3), False), (Fraction(1, 4), Fraction(4), True)]:
        assert _condition_holds(text, alpha=alpha, c=c) is expected, (alpha, c)
    witness = dict(result.counterexample.values)
    assert not _condition_holds(text, alpha=Fraction(witness["alpha"]), c=Fraction(witness["c"]))


def test_a_condition_that_can_never_hold_is_not_reported(load_claims, claim_toml, qe_one_second):
    body = """
    symbols = { alpha = "positive", x = "positive" }
    assume = ["x < 1"]
    show = "alpha * x > 1"
    free = ["alpha"]
    """
    # No alpha makes alpha*x > 1 for every x in (0, 1) true: x -> 0 defeats every alpha. No condition is derived
    # (QE gives no quantifier-free equivalent), and the values of alpha checked are all refuted, but finitely many
    # refuted values do not show "for no alpha" (adv8 F6): undecided, naming them.
    # z3's qe2 on this claim runs until its CPU budget stops it (QE_CPU_SECONDS, 10 s: 10.9 CPU s measured) and
    # then gives None, as with the 1 s of ``qe_one_second`` (session 11).
    result = check_claim(load_claims(claim_toml("t.never", body)).claim("t.never"))
    assert qe_one_second == [None]  # the elimination was asked for and derived nothing
    assert result.verdict is Verdict.UNDECIDED
    assert result.condition is None
    probed = next(e for e in result.evidence if e.outcome == "checked at other values of the free constants")
    assert {pt["verdict"] for pt in dict(probed.details)["points"]} == {"fails"}
    assert "alpha = 10**-30; alpha = 10**30: each a confirmed counterexample" in result.reason
    assert "does not show that it fails for every value" in result.reason


def test_a_condition_that_qe_shows_false_for_every_value_is_fails(load_claims, claim_toml):
    body = 'symbols = { c = "real", x = "real" }\nshow = "x**2 > c*x + c**2 + 1"\nfree = ["c"]'
    # At x = 0 it reads 0 > c**2 + 1: false for every c, which QE finds (the equivalent condition has no solution).
    result = check_claim(load_claims(claim_toml("t.never2", body)).claim("t.never2"))
    assert result.verdict is Verdict.FAILS and result.condition is None and result.counterexample is not None
    assert any(e.outcome == FAILS_FOR_EVERY_VALUE for e in result.evidence)
    assert "it fails for every value of c" in result.reason


def test_bound_reduction_condition_is_proved_both_ways(bundled_catalog):
    # 001's theorem under 000 §3.1's model: an alternative reading since catalog review 12, F3
    result = check_claim(bundled_catalog.claim("001.critical-point.sufficiency/phase-model"))
    assert result.verdict is Verdict.HOLDS_IF
    assert result.condition.text == "eps <= 1 - exp(-1)"
    outcomes = [e.outcome for e in result.evidence]
    assert "unsat under condition" in outcomes and "outside point refuted" in outcomes
    eps = Fraction(dict(result.counterexample.values)["eps"])
    assert Fraction(632120, 1000000) < eps < Fraction(634, 1000)  # just above 1 - 1/e = 0.63212...


def test_a_monotonicity_the_witness_violates_is_not_sent_to_z3():
    """The bound route skips ``hyps => diff > 0`` when the witness (a point of the region) makes it false."""
    from types import SimpleNamespace
    from formal_emergence.engine.conditions import _violated_at
    from formal_emergence.engine.options import CheckOptions
    from formal_emergence.model.claim import SymbolDecl
    from formal_emergence.model.verdict import Counterexample
    scope = Scope(symbols=frozenset({"N", "N_c"}))
    prep = SimpleNamespace(hypotheses=(parse_expression("N < N_c", scope, expect_boolean=True),),
                           decls=(SymbolDecl("N", "positive"), SymbolDecl("N_c", "positive")))
    witness = Counterexample((("N", "1/2"), ("N_c", "1")), (), 30, "test")
    decreasing = parse_expression("-exp(-N/N_c) > 0", scope, expect_boolean=True)
    assert _violated_at(prep, decreasing, witness, CheckOptions())
    assert not _violated_at(prep, parse_expression("exp(-N/N_c) > 0", scope, expect_boolean=True), witness,
                            CheckOptions())
    outside = Counterexample((("N", "2"), ("N_c", "1")), (), 30, "test")  # not in the region: proves nothing
    assert not _violated_at(prep, decreasing, outside, CheckOptions())


def test_a_bound_with_other_symbols_is_reported_only_where_it_is_the_extremum_at_every_value(load_claims, claim_toml):
    body = """
    symbols = { x = "positive", w = "real", p = "real" }
    assume = ["x > w"]
    free = ["p"]
    show = "x + w**2 > p"
    """
    # The bound route would take the limit at x -> w+, p <= w + w**2 "for every w": that is p <= -1/4. But for
    # w < 0 the domain x > 0 keeps x away from w, and the infimum of x + w**2 over the region is 0.
    result = check_claim(load_claims(claim_toml("t.cut", body)).claim("t.cut"))
    assert result.verdict is Verdict.HOLDS_IF
    text = result.condition.text
    assert "w" not in text
    for p, expected in [(Fraction(0), True), (Fraction(-1, 8), True), (Fraction(1, 100), False)]:
        assert _condition_holds(text, p=p) is expected, p


def test_conditions_print_exact_rationals_and_only_the_strongest_bound(load_claims, claim_toml):
    """QE lists every bound it met, and a terminating rational printed as a decimal (0.2 beside (3/17))."""
    cases = [('symbols = { eps = "unit" }', "eps >= 1/6 and eps >= 3/17 and eps >= 0.2", "1/5 <= eps"),
             ('symbols = { x = "positive", eps = "positive" }\nassume = ["x < 1"]', "x/4 + 1/2 <= eps", "eps >= 3/4")]
    for head, show, condition in cases:
        body = f'{head}\nshow = "{show}"\nfree = ["eps"]'
        result = check_claim(load_claims(claim_toml("t.exact", body)).claim("t.exact"))
        assert result.verdict is Verdict.HOLDS_IF and result.condition.text == condition, result.reason
        assert f"Holds exactly when {condition}," in result.reason


def test_exact_text_round_trips_and_keeps_decimals_out():
    scope = Scope(symbols=frozenset({"x", "eps"}))
    for text in ("x**(1/3) * 2/7 - (-1/2) >= x", "-x/3 >= -1/3", "x**(-1/2) + 2**(-3/4)*x + (-1/3)*x <= 0.25"):
        term = parse_expression(text, scope, expect_boolean=True)
        exact = to_text(term, exact=True)
        assert "." not in exact, exact
        assert parse_expression(exact, scope, expect_boolean=True) == term, exact


def test_extremum_at_a_critical_point_gives_the_weakest_condition(load_claims, claim_toml):
    """N e^-N is not monotone on N > 0: its supremum 1/e is attained at N = 1 (proved both ways)."""
    inv_e_below = Fraction(367879, 1000000)  # < 1/e = 0.3678794...
    cases = [("N*exp(-N) < eps", "eps > exp(-1)", lambda eps: eps < inv_e_below),
             ("eps >= N*exp(-N)", "eps >= exp(-1)", lambda eps: eps < inv_e_below),
             ("N + 1/N > eps", "eps < 2", lambda eps: eps >= 2)]
    for show, condition, outside_it in cases:
        body = f'symbols = {{ N = "positive", eps = "positive" }}\nshow = "{show}"\nfree = ["eps"]'
        result = check_claim(load_claims(claim_toml("t.crit", body)).claim("t.crit"))
        assert result.verdict is Verdict.HOLDS_IF and result.condition.text == condition, result.reason
        outside = dict(result.counterexample.values)
        assert outside["N"] == "1" and outside_it(Fraction(outside["eps"])), outside
        assert {"unsat under condition", "extremum attained", "outside point refuted"} <= \
            {e.outcome for e in result.evidence}


def test_a_critical_value_outside_the_constants_domain_is_no_condition(load_claims, claim_toml):
    body = 'symbols = { N = "positive", eps = "unit" }\nshow = "3*N*exp(-N) < eps"\nfree = ["eps"]'
    result = check_claim(load_claims(claim_toml("t.vac", body)).claim("t.vac"))  # sup 3/e > 1: no eps in (0, 1)
    assert result.verdict is Verdict.FAILS and result.condition is None


# ---------------------------------------------------------------- no condition derived: other values checked

def _probe_record(result):
    return next(e for e in result.evidence if e.outcome == "checked at other values of the free constants")


def _free_claim(load_claims, claim_toml, symbols: str, show: str, free: str):
    body = f'symbols = {{ {symbols} }}\nshow = "{show}"\nfree = ["{free}"]\n'
    return check_claim(load_claims(claim_toml("t.free", body)).claim("t.free"))


def test_no_condition_but_proved_at_another_value_is_undecided_naming_both(load_claims, claim_toml):
    result = _free_claim(load_claims, claim_toml, 'x = "real", y = "real", p = "real"', "exp(x) + exp(-x) + y**2 > p", "p")
    # The weakest condition is p < 2 (attained at x = y = 0); no route derives it (two variables, no bounding
    # assumption, not polynomial), but z3 proves the claim at p = -10**30.
    assert result.verdict is Verdict.UNDECIDED
    assert result.condition is None and result.counterexample is None
    assert "holds for p = -10**30 (proved), hence for every p <= -10**30" in result.reason
    refuted = next(e for e in result.evidence if e.outcome == "refuted at one value of the free constants")
    p_at_witness = Fraction(dict(refuted.details)["values"]["p"])
    assert p_at_witness >= 2 and "hence for every p >= " in result.reason
    points = dict(_probe_record(result).details)["points"]
    assert [pt["values"] for pt in points] == [{"p": "-10**30"}] and points[0]["verdict"] == "holds"


def test_no_condition_and_refuted_at_the_most_favourable_value_is_undecided(load_claims, claim_toml):
    result = _free_claim(load_claims, claim_toml, 'x = "real", p = "real"', "exp(x) - x**2 > p", "p")
    # exp(x) - x**2 -> -oo as x -> -oo: false for every p. The value most favourable to the claim, p = -10**30,
    # is refuted too, which refutes every p >= -10**30 but says nothing of p < -10**30 (adv8 F6).
    assert result.verdict is Verdict.UNDECIDED
    assert "p = -10**30, hence for every p >= -10**30: each a confirmed counterexample" in result.reason
    assert [pt["verdict"] for pt in dict(_probe_record(result).details)["points"]] == ["fails"]


@pytest.mark.parametrize("domain, end", [("nonnegative", "0"), ("positive", "0")])
def test_refuted_at_the_favourable_end_of_the_domain_is_fails(load_claims, claim_toml, domain, end):
    result = _free_claim(load_claims, claim_toml, f'x = "real", p = "{domain}"', "exp(x) - x**2 > p", "p")
    # p >= 0 (or > 0): refuted with p at the end 0 of its domain (attained or not), so for every p in it.
    assert result.verdict is Verdict.FAILS and result.counterexample is not None
    assert f"at p = {end}, the end of its domain most favourable to the claim" in result.reason


def test_no_condition_not_alone_on_a_side_proved_at_a_probe_value(load_claims, claim_toml):
    result = _free_claim(load_claims, claim_toml, 'x = "real", a = "positive"', "exp(x) >= 1 + a*x", "a")
    # Holds exactly at a = 1 (the tangent at 0); a is not alone on a side, so every probe value is checked.
    assert result.verdict is Verdict.UNDECIDED
    assert "it holds for a = 1 (proved), and fails for a = " in result.reason
    assert "hence" not in result.reason  # a is not alone on a side: no half-lines


def test_probe_points_skip_the_witness_and_booleans():
    from formal_emergence.engine.conditions import probe_points
    from formal_emergence.model.claim import SymbolDecl
    from formal_emergence.model.verdict import Counterexample
    decls = (SymbolDecl("p", "real"), SymbolDecl("q", "unit"), SymbolDecl("b", "bool"))
    witness = Counterexample((("p", "0"), ("q", "1/2")), (), 30, "exact")
    assert probe_points(decls, ("p", "q"), witness) == [
        {"p": Fraction(-10 ** 30), "q": Fraction(1, 10 ** 6)}, {"p": Fraction(10 ** 30), "q": 1 - Fraction(1, 10 ** 6)}]
    assert probe_points(decls, ("p",), witness)[0] == {"p": Fraction(-10 ** 30)}
    assert probe_points(decls, ("b",), witness) == []


@pytest.mark.parametrize("goal, g, op", [
    ("x*exp(-x) - p < 0", "x * exp(-x)", "<"),
    ("3 - 2*p < x**2 - 2*x + 4", "-0.5 * x**2 + x - 0.5", "<"),
    ("x + 2*p > 3*p", "x", ">"),
    ("p + 1 >= x", "x - 1", "<="),
])
def test_a_free_constant_among_summands_is_isolated(goal, g, op):
    """The goal becomes ``g op p``; at sample points both say the same (the rewrite is an equivalence)."""
    scope = Scope(symbols=frozenset({"x", "p"}))
    term = parse_expression(goal, scope, expect_boolean=True)
    got = conditions._split_goal(term, "p")
    assert got is not None and (to_text(got[0]), got[1]) == (g, op)
    rewritten = parse_expression(f"{to_text(got[0], exact=True)} {got[1]} p", scope, expect_boolean=True)
    for x in (Fraction(-3), Fraction(1, 3), Fraction(2)):
        for p in (Fraction(-1), Fraction(0), Fraction(5, 2)):
            point = {"x": Num(x), "p": Num(p)}
            if "exp" not in goal:
                assert exact_truth(substitute(term, point)) == exact_truth(substitute(rewritten, point))


@pytest.mark.parametrize("goal", ["p*x < 1", "p**2 + x < 0", "exp(p) + x < 1", "p - p + x < 1"])
def test_a_free_constant_that_is_not_a_summand_is_not_isolated(goal):
    term = parse_expression(goal, Scope(symbols=frozenset({"x", "p"})), expect_boolean=True)
    assert conditions._split_goal(term, "p") is None


def test_a_negated_order_from_quantifier_elimination_is_printed_as_the_order(load_claims, claim_toml):
    """z3's qe gives ``not p <= 0``; over the reals that is ``p > 0``, and the reason says so."""
    body = 'symbols = { x = "real", y = "real", p = "real" }\nfree = ["p"]\nshow = "x**2 + y**2 + p > 0"'
    result = check_claim(load_claims(claim_toml("qe.not", body)).claim("qe.not"))
    assert result.verdict is Verdict.HOLDS_IF and result.condition.text == "p > 0", result.reason


def test_a_qe_condition_has_no_negations_and_no_redundant_disjunct(load_claims, claim_toml):
    """x positive, x >= 0 => x > p: z3's qe gives ``not (p >= 0 and not p <= 0)``; the reason says ``p <= 0``."""
    body = 'symbols = { x = "positive", p = "real" }\nassume = ["x >= 0"]\nfree = ["p"]\nshow = "x > p"'
    result = check_claim(load_claims(claim_toml("qe.nnf", body)).claim("qe.nnf"))
    assert result.verdict is Verdict.HOLDS_IF and result.condition.text == "p <= 0", result.reason


@pytest.mark.parametrize("assume, show, q_values", [
    # exactly when p >= min(1, q): at q = 0 every p >= 0 works (the boundary route said p >= 1)
    ('["x < 1", "x < q"]', "x < p", (Fraction(0), Fraction(1), Fraction(2))),
    # exactly when p <= max(-1, q)
    ('["x > -1", "x > q"]', "x > p", (Fraction(-2), Fraction(-1), Fraction(0))),
])
def test_a_second_free_constant_that_shapes_the_region_is_kept_in_the_condition(load_claims, claim_toml, assume,
                                                                                 show, q_values):
    """The boundary route showed necessity at the outside witness's value of q only; q is a free constant the
    condition ranges over, so the route refuses it and the condition (from QE) must be right at every q tried
    (adversarial review 13 F1)."""
    claim = load_claims(claim_toml("t.q2", f'''
symbols = {{ x = "real", p = "real", q = "real" }}
assume = {assume}
show = "{show}"
free = ["p", "q"]
''')).claim("t.q2")
    result = check_claim(claim)
    assert result.verdict in (Verdict.HOLDS_IF, Verdict.UNDECIDED), result.reason
    if result.verdict is Verdict.HOLDS_IF:
        upper = show == "x < p"
        for q in q_values:
            edge = min(Fraction(1), q) if upper else max(Fraction(-1), q)
            for p in (edge - Fraction(1, 100), edge, edge + Fraction(1, 100)):
                truth = p >= edge if upper else p <= edge
                assert _condition_holds(result.condition.text, p=p, q=q) is truth, (result.condition.text, p, q)


def test_no_flip_point_from_a_condition_that_ignored_a_second_free_constant(tmp_path, cli_run):
    """0 < x < 1, x < q => x < tol (q free): the flip scan of tol said "fails for every tol below 1" from the boundary
    route's "exactly when tol >= 1", but at tol = 1/2 the claim holds for q = 0 (adversarial review 13 F1, fq.a)."""
    import json
    f = tmp_path / "fq.toml"
    f.write_text("[[assertion]]\nid = 'fq.a'\ntitle = 't'\nkind = 'theorem'\n"
                 "source = { document = 'x.txt', section = 's', quote = 'q' }\n"
                 "symbols = { x = 'real', q = 'real', tol = 'positive' }\nassume = ['0 < x', 'x < 1', 'x < q']\n"
                 "free = ['q']\ntolerances = { tol = 'approx' }\nshow = 'x < tol'\n", encoding="utf-8")
    code, out, _ = cli_run(["check", str(f), "--no-cache", "--format", "json"])
    (record,) = [c for c in json.loads(out)["claims"] if c["id"] == "fq.a"]
    assert code == 0 and record["verdict"] == "holds-if", record
    assert "fails for every tol below" not in record["reason"], record["reason"]
    assert _condition_holds(record["condition"]["text"] if isinstance(record["condition"], dict)
                            else record["condition"], q=Fraction(1, 10)), record["condition"]


@pytest.mark.parametrize("assume, show, condition", [
    ('["x > -1", "x != 0"]', "diff(sqrt(x)**4, x) > p", "p <= 0"),  # QE over x in (-1, 0) too gave p <= -2
    ('["x < 1", "x != 0"]', "diff(sqrt(x)**4, x) < p", "p >= 2"),  # the bound route, from the domain's edge
])
def test_a_condition_is_derived_only_where_the_derivative_exists(load_claims, claim_toml, assume, show, condition):
    """SymPy lowers sqrt(x)**4 to x**2, whose derivative 2*x is defined at x < 0, where the claim's derivative does
    not exist: the weakest condition is taken over x >= 0 only (adversarial review 13 F3, dd8.a, dd8.b)."""
    body = f'symbols = {{ x = "real", p = "real" }}\nassume = {assume}\nfree = ["p"]\nshow = "{show}"'
    result = check_claim(load_claims(claim_toml("dd.exist", body)).claim("dd.exist"))
    assert result.verdict is Verdict.HOLDS_IF and result.condition.text == condition, result.reason
    assert "where each differentiated expression is defined (x >= 0)" in result.reason


def test_a_claim_about_a_derivative_does_not_fail_for_every_value_where_it_is_undefined(load_claims, claim_toml):
    """diff(sqrt(x)**4, x) >= p holds for p <= 0 wherever the derivative exists; QE on the lowered 2*x >= p over
    every real x gave false, "fails for every value of p" (adversarial review 13 F3, dd3.a). Now the kink at the
    domain's edge x = 0 leaves it undecided, as for a fixed p."""
    body = 'symbols = { x = "real", p = "real" }\nfree = ["p"]\nshow = "diff(sqrt(x)**4, x) >= p"'
    result = check_claim(load_claims(claim_toml("dd.every", body)).claim("dd.every"))
    assert result.verdict is Verdict.UNDECIDED, result.reason
    assert not any(e.outcome == FAILS_FOR_EVERY_VALUE for e in result.evidence)


def test_an_implied_derivative_domain_adds_no_hypothesis_and_no_note(load_claims, claim_toml):
    """x positive: x >= 0 is implied, the condition is the same and the reason has no note (dd6.c)."""
    body = 'symbols = { x = "positive", p = "real" }\nfree = ["p"]\nshow = "diff(sqrt(x)**4, x) >= p"'
    result = check_claim(load_claims(claim_toml("dd.pos", body)).claim("dd.pos"))
    assert result.verdict is Verdict.HOLDS_IF and result.condition.text == "p <= 0", result.reason
    assert "differentiated expression" not in result.reason
