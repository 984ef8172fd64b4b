"""The verdict engine end to end: claims written as TOML, verdicts computed by the engine."""

from __future__ import annotations

import time
from fractions import Fraction

import mpmath
import pytest

from formal_emergence import check_claim
from formal_emergence.engine.check import CheckOptions, prepare
from formal_emergence.engine.check import check_claim as engine_check
from formal_emergence.model.terms import walk
from formal_emergence.model.verdict import Verdict


@pytest.fixture()
def claim_of(load_claims, claim_toml):
    """``claim_of(body, kind=..., undefined=...)``: the single claim of a TOML file written under tmp_path."""

    def make(body: str, *, kind: str = "theorem", undefined: str = "", claim_id: str = "t.claim"):
        cat = load_claims(claim_toml(claim_id, body, kind=kind, undefined=undefined))
        return cat.claim(claim_id)

    return make


def values_of(result) -> dict[str, Fraction]:
    return {k: Fraction(v) for k, v in result.counterexample.values}


# --- holds / fails on polynomials --------------------------------------------------------------


def test_true_polynomial_implication_holds(claim_of):
    claim = claim_of('''
        symbols = { x = "real", y = "real" }
        assume = ["x > 1", "y >= x"]
        show = "x*y > x - 1"
        ''')
    result = check_claim(claim)
    assert result.verdict is Verdict.HOLDS
    assert result.counterexample is None
    assert "z3 proves it exactly" in result.reason
    z3_ev = [e for e in result.evidence if e.engine == "z3"]
    assert z3_ev and z3_ev[0].outcome == "unsat"


def test_false_polynomial_implication_fails_with_real_counterexample(claim_of, exact_eval):
    claim = claim_of('''
        symbols = { x = "real", y = "real" }
        assume = ["x > 0", "y < 2*x"]
        show = "x**2 + y > 3*x - 1"
        ''')
    result = check_claim(claim)
    assert result.verdict is Verdict.FAILS
    ce = result.counterexample
    assert ce is not None and ce.confirmed_by == "exact rational arithmetic"
    env = values_of(result)
    env = {"x": env.get("x", Fraction(0)), "y": env.get("y", Fraction(0))}
    for a in claim.assume_text:
        assert exact_eval(a, env) is True, a
    assert exact_eval(claim.show_text, env) is False
    for k, v in ce.values:
        assert f"{k} = {v}" in result.reason


def test_domain_respected_by_counterexample(claim_of, exact_eval):
    claim = claim_of('''
        symbols = { c1 = "positive", c2 = "positive" }
        show = "c1 * c2 > c1 + c2"
        ''')
    result = check_claim(claim)
    assert result.verdict is Verdict.FAILS
    env = values_of(result)
    assert env["c1"] > 0 and env["c2"] > 0
    assert exact_eval("c1 * c2 > c1 + c2", env) is False


def test_integer_domain_counterexample_is_integral(claim_of):
    claim = claim_of('''
        symbols = { n = "posint" }
        show = "n**2 > n"
        ''')
    result = check_claim(claim)
    assert result.verdict is Verdict.FAILS
    assert values_of(result) == {"n": Fraction(1)}


# --- closed statements and identities ----------------------------------------------------------


def test_closed_numeric_true(claim_of):
    result = check_claim(claim_of('show = "exp(1) > 2.718 and pi < 3.1416"', kind="numeric"))
    assert result.verdict is Verdict.HOLDS
    assert "interval arithmetic" in result.reason
    assert result.evidence[0].engine == "mpmath"


def test_closed_numeric_false(claim_of):
    result = check_claim(claim_of('show = "pi < 3.14"', kind="numeric"))
    assert result.verdict is Verdict.FAILS
    evaluations = dict(result.counterexample.evaluations)
    assert evaluations["pi"].startswith("3.14159265358979")
    assert result.counterexample.values == ()


@pytest.mark.parametrize(("show", "allowed"), [
    ("sqrt(2)**2 == 2", {Verdict.HOLDS, Verdict.UNDECIDED}),
    ("sqrt(2)**2 != 2", {Verdict.FAILS, Verdict.UNDECIDED}),
    ("exp(log(3)) == 3", {Verdict.HOLDS, Verdict.UNDECIDED}),
])
def test_closed_exact_boundary_never_gets_the_wrong_verdict(claim_of, show, allowed):
    """Interval arithmetic cannot separate exactly equal sides; whatever decides, it must not be wrong."""
    result = check_claim(claim_of(f'show = "{show}"', kind="numeric"))
    assert result.verdict in allowed, result.reason


def test_identity_holds_via_sympy(claim_of):
    claim = claim_of('''
        symbols = { x = "positive", y = "positive" }
        show = "log(x*y) == log(x) + log(y)"
        ''', kind="equation")
    result = check_claim(claim)
    assert result.verdict is Verdict.HOLDS
    assert "SymPy" in result.reason
    assert [e.outcome for e in result.evidence if e.engine == "sympy"] == ["identity"]
    assert any(s.rule == "sympy.simplify" for s in result.steps)


def test_false_equation_fails(claim_of, exact_eval):
    claim = claim_of('''
        symbols = { x = "real", y = "real" }
        show = "(x + y)**2 == x**2 + y**2"
        ''', kind="equation")
    result = check_claim(claim)
    assert result.verdict is Verdict.FAILS
    assert [e.outcome for e in result.evidence if e.engine == "sympy"] == ["no identity found"]
    env = values_of(result)
    assert exact_eval(claim.show_text, env) is False


# --- undefined terms ---------------------------------------------------------------------------


def test_undefined_predicate_is_informal(claim_of):
    claim = claim_of('''
        symbols = { N = "positive", N_c = "positive" }
        assume = ["N > N_c"]
        show = "Emergence(N)"
        ''', undefined='Emergence = { kind = "predicate", arity = 1, missing = "no observable criterion for emergence" }')
    result = check_claim(claim)
    assert result.verdict is Verdict.INFORMAL
    assert "no observable criterion for emergence" in result.reason
    assert "Emergence" in result.reason


def test_undefined_terms_valid_as_logic_holds(claim_of):
    claim = claim_of('''
        symbols = { x = "real" }
        assume = ["Good(x)", "implies(Good(x), Cap(x) > 1)"]
        show = "Cap(x) > 0"
        ''', undefined='''
        Good = { kind = "predicate", arity = 1, missing = "m1" }
        Cap = { kind = "function", arity = 1, missing = "m2" }
        ''')
    result = check_claim(claim)
    assert result.verdict is Verdict.HOLDS
    assert "every meaning" in result.reason


def test_invalid_proof_step_fails(claim_of):
    claim = claim_of('''
        symbols = { x = "real" }
        assume = ["implies(x > 0, F(x) > 1)"]
        show = "implies(F(x) > 1, x > 0)"
        ''', kind="proof-step", undefined='F = { kind = "function", arity = 1, missing = "F is never defined" }')
    result = check_claim(claim)
    assert result.verdict is Verdict.FAILS
    assert "inference is invalid" in result.reason
    shown = dict(result.counterexample.values)
    assert "F(x)" in shown and "x" in shown
    x, fx = Fraction(shown["x"]), Fraction(shown["F(x)"])
    # the countermodel: premise true, conclusion false
    assert (not x > 0) or fx > 1
    assert fx > 1 and not x > 0


def test_same_shape_as_theorem_is_informal(claim_of):
    claim = claim_of('''
        symbols = { x = "real" }
        assume = ["implies(x > 0, F(x) > 1)"]
        show = "implies(F(x) > 1, x > 0)"
        ''', kind="theorem", undefined='F = { kind = "function", arity = 1, missing = "F is never defined" }')
    result = check_claim(claim)
    assert result.verdict is Verdict.INFORMAL
    assert "F is never defined" in result.reason


# --- free constants: holds-if --------------------------------------------------------------------

PHASE = '''
    symbols = { N = "positive", N_c = "positive", alpha = "positive", eps = "unit" }
    assume = ["N > N_c"]
    show = "1 - exp(-(N/N_c)**alpha) > eps"
    free = ["eps"]
    '''


def test_phase_transition_holds_if(claim_of):
    claim = claim_of(PHASE)
    result = check_claim(claim)
    assert result.verdict is Verdict.HOLDS_IF
    assert result.condition is not None
    assert result.condition.text == "eps <= 1 - exp(-1)"
    assert "eps <= 1 - exp(-1)" in result.reason
    assert result.condition.latex and result.condition.sympy
    env = values_of(result)
    assert set(env) == {"N", "N_c", "alpha", "eps"}
    with mpmath.workdps(50):
        def mp(q: Fraction):
            return mpmath.mpf(q.numerator) / q.denominator
        threshold = 1 - mpmath.exp(-1)
        gap = mp(env["eps"]) - threshold
        assert 0 < gap < mpmath.mpf("0.01"), gap  # just outside the condition
        # and it really is a counterexample to the claim as stated
        assert env["N"] > env["N_c"] > 0 and env["alpha"] > 0 and 0 < env["eps"] < 1
        p = 1 - mpmath.exp(-mpmath.power(mp(env["N"]) / mp(env["N_c"]), mp(env["alpha"])))
        assert not p > mp(env["eps"])
    rules = [s.rule for s in result.steps]
    assert "sympy.diff" in rules and "sympy.limit (Gruntz algorithm)" in rules


def test_phase_transition_with_condition_stated_holds(claim_of):
    """Adding the derived condition as an assumption makes the engine prove the claim."""
    claim = claim_of(PHASE.replace('assume = ["N > N_c"]', 'assume = ["N > N_c", "eps <= 1 - exp(-1)"]'))
    assert check_claim(claim).verdict is Verdict.HOLDS


def test_bundled_definition_phase_transition(claim_of):
    claim = claim_of('''
        uses = ["phase_transition_P"]
        symbols = { N = "positive", eps = "unit" }
        assume = ["N > N_c"]
        show = "P(N) > eps"
        free = ["eps"]
        ''')
    result = check_claim(claim)
    assert result.verdict is Verdict.HOLDS_IF
    assert result.condition.text == "eps <= 1 - exp(-1)"
    assert any(s.rule == "definition" for s in result.steps)


# --- vacuity, budget, determinism ----------------------------------------------------------------


def test_vacuous_assumptions(claim_of):
    claim = claim_of('''
        symbols = { x = "real" }
        assume = ["x > 1", "x < 0"]
        show = "x == 5"
        ''')
    result = check_claim(claim)
    assert result.verdict is Verdict.HOLDS
    assert "vacuous" in result.reason


def test_tiny_budget_is_undecided(claim_of):
    claim = claim_of('''
        symbols = { x = "real", y = "real", a = "real", b = "real" }
        show = "x**4 + y**4 + a**4 + b**4 >= 4*x*y*a*b"
        ''')
    start = time.perf_counter()
    result = check_claim(claim, CheckOptions(rlimit=2000, samples=5))
    assert time.perf_counter() - start < 10
    assert result.verdict is Verdict.UNDECIDED
    assert "rlimit" in result.reason and "2000" in result.reason
    assert any("not a proof" in loss for loss in result.losses)


def test_determinism(claim_of):
    claim = claim_of(PHASE)
    first, second = check_claim(claim), check_claim(claim)
    assert first == second
    poly = claim_of('''
        symbols = { x = "real", y = "real" }
        assume = ["x > 0"]
        show = "x**2 + y > x"
        ''', claim_id="t.poly")
    assert engine_check(poly) == engine_check(poly)


def test_seed_and_options_are_recorded(claim_of):
    claim = claim_of('''
        symbols = { x = "real" }
        show = "x**2 >= 0"
        ''')
    result = check_claim(claim, CheckOptions(seed=7, rlimit=5_000_000))
    z3_ev = dict(next(e for e in result.evidence if e.engine == "z3").details)
    assert z3_ev["seed"] == 7 and z3_ev["rlimit"] == 5_000_000


def test_reading_appended_to_reason(claim_of):
    claim = claim_of('''
        symbols = { x = "real" }
        show = "x**2 >= 0"
        reading = "squares of reals"
        ''')
    assert check_claim(claim).reason.endswith("(reading: squares of reals).")


def test_prepare_expands_definitions_and_lowers(claim_of):
    claim = claim_of('''
        uses = ["phase_transition_P"]
        symbols = { N = "positive" }
        show = "diff(P(N), N) > 0"
        ''')
    prep = prepare(claim)
    names = {type(n).__name__ for n in walk(prep.goal)}
    assert "Diff" not in names and "UFun" not in names
    assert [s.rule for s in prep.steps] == ["definition", "sympy.diff"]
    assert check_claim(claim).verdict is Verdict.HOLDS


# --- known crashes -------------------------------------------------------------------------------


def test_floor_claim_does_not_crash(claim_of):
    claim = claim_of('''
        symbols = { x = "real" }
        show = "floor(x) > x"
        ''')
    result = check_claim(claim)
    assert result.verdict is Verdict.FAILS


def test_nonexistent_limit_does_not_crash(claim_of):
    claim = claim_of('''
        symbols = { x = "real" }
        show = "limit(floor(x), x, 1) == 1"
        ''')
    assert check_claim(claim).verdict is Verdict.UNDECIDED


def test_claim_and_result_display_richly_in_jupyter(bundled_catalog):
    from formal_emergence import check_claim

    claim = bundled_catalog.claim("001.critical-point.sufficiency/phase-model")   # holds-if: a condition to show
    result = check_claim(claim)
    html_text = claim._repr_html_()
    assert claim.id in html_text and claim.source.quote.split()[0] in html_text
    shown = result._repr_html_()
    assert result.verdict.value in shown and "&lt;=" in shown
    latex = result._repr_latex_()
    assert latex.startswith("$") and latex.endswith("$") and result.condition.latex in latex


def test_latex_text_escapes_once():
    from formal_emergence.model.verdict import _latex_text

    assert _latex_text("a_b{c}\\") == r"a\_b\{c\}\textbackslash{}"


def test_a_witness_gives_a_limit_variable_that_a_definition_uses_freely():
    """``D0(t) = x`` makes x free in the expanded claim although ``limit_left(..., x, 10)`` binds it in the text:
    the witness must give x (fuzz seed 20261210, c2598, showed ``y = 0`` alone)."""
    from pathlib import Path
    from formal_emergence.parse.claimfile import load_catalog
    path = Path(__file__).parents[1] / "regression/soundness/4-soundness/p04_limit_variable_free_in_a_definition.toml"
    (claim,) = load_catalog([path]).claims
    result = check_claim(claim)
    assert result.verdict is Verdict.FAILS
    values = dict(result.counterexample.values)
    assert set(values) == {"x", "y"} and Fraction(values["x"]) >= Fraction(315, 100) and values["y"] == "0"


#: (id, name, params, body, shared symbols, uses) of the definitions of the nested-expansion tests.
_NESTED_DEFS = [
    ("n.pc", "Pc", "N", "1 - exp(-(N/N_c)**alpha)", 'N_c = "positive", alpha = "positive"', ""),
    ("n.q", "Q", "N_c", "Pc(2*N_c)", "", "n.pc"),
    ("n.sh", "SH", "y", "y + t", 't = "positive"', ""),
    ("n.sq", "SQ", "t", "SH(t) * 2", "", "n.sh"),
    ("n.p", "P", "y", "y + x", 'x = "real"', ""),
    ("n.m", "M", "y", "y*x", 'x = "real"', ""),
]
NESTED = "".join(f'[[definition]]\nid = "{i}"\nname = "{n}"\nparams = ["{p}"]\nbody = "{b}"\nsymbols = {{ {s} }}\n'
                 + (f'uses = ["{u}"]\n' if u else "") + "\n" for i, n, p, b, s, u in _NESTED_DEFS)


def _nested(load_claims, cid: str, body: str):
    src = 'source = { document = "d.txt", section = "s", quote = "q" }'
    cat = load_claims(NESTED + f'\n[[assertion]]\nid = "{cid}"\ntitle = "t"\nkind = "theorem"\n{src}\n{body}\n')
    return cat, cat.claim(cid)


def test_nested_expansion_does_not_capture_the_inner_shared_symbol(load_claims):
    """Adversarial review 12 F7: Q's parameter N_c captured Pc's shared N_c (Q(1) == 1 - exp(-2**alpha) held)."""
    _, claim = _nested(load_claims, "n.a", 'symbols = { N_c = "positive", alpha = "positive" }\nuses = ["n.q", "n.pc"]\n'
                                           'show = "Q(1) == 1 - exp(-2**alpha)"')
    prep = prepare(claim)
    assert "N_c" in {n.name for n in walk(prep.goal) if type(n).__name__ == "Sym"}
    result = check_claim(claim)
    assert result.verdict is Verdict.FAILS and "N_c" in dict(result.counterexample.values)
    _, true_twin = _nested(load_claims, "n.b", 'symbols = { N_c = "positive", alpha = "positive" }\n'
                                               'uses = ["n.q", "n.pc"]\nshow = "Q(1) == 1 - exp(-(2/N_c)**alpha)"')
    assert check_claim(true_twin).verdict is Verdict.HOLDS


def test_flip_scan_of_a_tolerance_shared_through_a_nested_definition(load_claims):
    """tl.b of adversarial review 12: SQ(1) = (1 + t)*2 == 2.2 holds at t = 1/10 only; the scan re-checked every
    tolerance with the capture (and a prepared claim remembered across scanned claims that differ only in their
    definitions), so it said fails at 10%."""
    from formal_emergence.engine.assertions import check_catalog
    cat, _ = _nested(load_claims, "n.c", 'symbols = { t = "positive" }\nuses = ["n.sq", "n.sh"]\n'
                                         'tolerances = { t = "approx" }\nshow = "SQ(1) == 2.2"')
    (result,) = {a.id: a for a in check_catalog(cat, CheckOptions(), ids=["n.c"]).assertions}["n.c"].readings
    assert result.verdict is Verdict.HOLDS
    texts = [f.text for f in result.flips]
    assert texts and all("holds for t = 10%" in x and "fails at 10%" not in x for x in texts), texts


def test_a_limit_variable_named_like_a_definitions_shared_symbol_is_undecided(load_claims):
    """Adversarial review 12 F8: limit(P(x)/x, x, oo) with P(y) = y + x is 1 if P's x is the outer one and 2 if the
    limit binds it (the capture gave 2); both readings are what users write, so neither verdict is given."""
    for show in ("limit(P(x)/x, x, oo) == 1", "limit(P(x)/x, x, oo) == 2"):
        _, claim = _nested(load_claims, "n.d", f'symbols = {{ x = "real" }}\nuses = ["n.p"]\nshow = "{show}"')
        result = check_claim(claim)
        assert result.verdict is Verdict.UNDECIDED and "variable of limit(" in result.reason \
            and "shared symbol of definition n.p" in result.reason, (show, result.reason)
    _, claim = _nested(load_claims, "n.d", 'symbols = { x = "real", t = "real" }\nuses = ["n.p"]\n'
                                             'show = "limit(P(t)/t, t, oo) == 1"')
    assert check_claim(claim).verdict is Verdict.HOLDS


def test_a_diff_variable_named_like_a_definitions_shared_symbol_is_undecided(load_claims):
    _, claim = _nested(load_claims, "n.e", 'symbols = { x = "real" }\nuses = ["n.m"]\nshow = "diff(M(x), x) == 2*x"')
    result = check_claim(claim)
    assert result.verdict is Verdict.UNDECIDED and "shared symbol of definition n.m" in result.reason, result.reason
