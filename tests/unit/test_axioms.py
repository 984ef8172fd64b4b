"""Functions given by universally quantified axioms (engine.axioms, the ``axioms`` key of an undefined function)."""

from __future__ import annotations

import random
import textwrap
from fractions import Fraction
from pathlib import Path

import pytest

from formal_emergence.engine.axioms import MAX_INSTANCES, instances
from formal_emergence.engine.check import check_claim
from formal_emergence.engine.options import CheckOptions
from formal_emergence.engine.vacuity import flag_vacuous
from formal_emergence.errors import UserInputError
from formal_emergence.model.exact import exact_value
from formal_emergence.model.terms import Num, UFun, substitute
from formal_emergence.model.verdict import Verdict
from formal_emergence.parse.claimfile import load_catalog
from formal_emergence.parse.expr import Scope, parse_expression

DATA = Path(__file__).resolve().parent.parent / "data" / "axioms.toml"
BOUNDED_INCREASING = '["forall x: f(x) <= 1", "forall u, v: implies(u < v, f(u) < f(v))"]'


def _claims(tmp_path: Path, *tables: str):
    path = tmp_path / "c.toml"
    path.write_text("\n".join(textwrap.dedent(t) for t in tables), encoding="utf-8")
    return {c.id: c for c in load_catalog([path]).claims if c.file == str(path)}


def _claim(cid: str, symbols: str, show: str, axioms: str, assume: str = "[]", arity: int = 1) -> str:
    return f'''
    [[claim]]
    id = "{cid}"
    title = "t"
    kind = "theorem"
    source = {{ document = "d", section = "s", quote = "q" }}
    symbols = {symbols}
    assume = {assume}
    show = "{show}"
    [claim.undefined]
    f = {{ kind = "function", arity = {arity}, missing = "only its axioms", axioms = {axioms} }}
    '''


@pytest.fixture(scope="module")
def example():
    cat = load_catalog([DATA])
    return {c.id: check_claim(c) for c in cat.claims if c.file == str(DATA)}


def _concrete(result) -> dict:
    ev = next(e for e in result.evidence if e.engine == "axioms" and e.outcome == "concrete function verified")
    return dict(ev.details)


def _function(text: str):
    """The concrete function ``f(t) = body`` of the evidence, parsed back with the allow-list parser."""
    head, body = text.split(" = ", 1)
    assert head == "f(t)"
    term = parse_expression(body, Scope(symbols=frozenset({"t"})))
    return lambda x: exact_value(substitute(term, {"t": _num(x)}))


def _num(x: Fraction) -> Num:
    return Num(x)


def test_axioms_are_parsed_into_bound_variables_and_bodies(tmp_path):
    c = _claims(tmp_path, _claim("a", '{ x = "real" }', "f(x) <= 1", BOUNDED_INCREASING))["a"]
    (f,) = c.undefined
    assert [ax.variables for ax in f.axioms] == [("x",), ("u", "v")]
    assert [ax.text for ax in f.axioms] == ["forall x: f(x) <= 1", "forall u, v: implies(u < v, f(u) < f(v))"]


def test_a_plain_undefined_function_has_no_axioms(tmp_path):
    table = _claim("a", '{ x = "real" }', "f(x) <= 1", "[]").replace(", axioms = []", "")
    assert _claims(tmp_path, table)["a"].undefined[0].axioms is None


@pytest.mark.parametrize("axiom, found", [
    ('"forall x f(x) <= 1"', "has no ':'"),
    ('"forall x: g(x) <= 1"', "unknown function 'g'"),
    ('"forall x: x <= 1"', "does not mention f"),
    ('"forall x, x: f(x) <= 1"', "repeated"),
    ('"forall f: f(1) <= 1"', "also an undefined term"),
    ('"forall x: __import__(x)"', ""),
])
def test_malformed_axioms_are_located_errors(tmp_path, axiom, found):
    with pytest.raises(UserInputError) as err:
        _claims(tmp_path, _claim("a", '{ x = "real" }', "f(x) <= 1", f"[{axiom}]"))
    assert "claim.a.undefined.f.axioms[0]" in str(err.value)
    assert found in str(err.value)
    if "'g'" in found:
        assert err.value.column == 11  # in the axiom text; the message gives the file's line and column


def test_axioms_on_a_predicate_are_refused(tmp_path):
    table = _claim("a", '{ x = "real" }', "f(x) <= 1", BOUNDED_INCREASING).replace(
        'f = { kind = "function", arity = 1', 'P = { kind = "predicate", arity = 1')
    with pytest.raises(UserInputError, match="axioms on a predicate"):
        _claims(tmp_path, table)


def test_bounded_increasing_sum_below_two_holds_by_instantiation(example):
    r = example["axioms.bounded-increasing.sum-below-2"]
    assert r.verdict is Verdict.HOLDS
    inst = next(e for e in r.evidence if e.engine == "axioms").to_json()
    assert "implies(x < y, f(x) < f(y))" in inst["instances"] and "f(y) <= 1" in inst["instances"]


def test_bounded_increasing_sum_below_one_fails_with_a_verified_function(example):
    r = example["axioms.bounded-increasing.sum-below-1"]
    assert r.verdict is Verdict.FAILS
    details = _concrete(r)
    assert [a["z3"] for a in details["axioms"]] == ["unsat", "unsat"]
    assert {a["axiom"] for a in details["axioms"]} == {"forall x: f(x) <= 1",
                                                          "forall u, v: implies(u < v, f(u) < f(v))"}
    # An independent re-check of the shown function, in exact rationals at many points.
    f = _function(details["functions"]["f"])
    rng = random.Random(0)
    xs = sorted({Fraction(rng.randint(-10**6, 10**6), rng.randint(1, 1000)) for _ in range(300)}
                | {Fraction(k, 6) for k in range(-12, 13)})
    ys = [f(x) for x in xs]
    assert all(y <= 1 for y in ys)
    assert all(a < b for a, b in zip(ys, ys[1:]))
    values = {k: Fraction(v) for k, v in r.counterexample.values}
    assert values["x"] < values["y"] and f(values["x"]) + f(values["y"]) >= 1


def test_a_true_claim_out_of_reach_of_one_instantiation_round_is_undecided_not_fails(tmp_path):
    # f(x + 2) = f(x) + 2 follows from the axiom, but needs the instance at x + 1 of an instance's new term.
    c = _claims(tmp_path, _claim("a", '{ x = "real" }', "f(x + 2) == f(x) + 2", '["forall u: f(u + 1) == f(u) + 1"]'))
    r = check_claim(c["a"])
    assert r.verdict is Verdict.UNDECIDED
    assert "concrete function" in r.reason


def test_convexity_and_lipschitz_axioms(tmp_path):
    convex = _claim("convex", '{ }', "f(0) <= (f(-1) + f(1))/2", '["forall u, v: f((u + v)/2) <= (f(u) + f(v))/2"]')
    lipschitz = _claim("lip", '{ x = "real", y = "real", L = "positive" }', "f(y) - f(x) <= L*(y - x)",
                       '["forall u, v: abs(f(u) - f(v)) <= L*abs(u - v)"]', assume='["x < y"]')
    half = _claim("half", '{ x = "real", y = "real" }', "f(y) - f(x) <= (y - x)/2",
                  '["forall u, v: abs(f(u) - f(v)) <= abs(u - v)"]', assume='["x < y"]')
    cs = _claims(tmp_path, convex, lipschitz, half)
    assert check_claim(cs["convex"]).verdict is Verdict.HOLDS
    assert check_claim(cs["lip"]).verdict is Verdict.HOLDS
    r = check_claim(cs["half"])
    assert r.verdict is Verdict.FAILS
    f = _function(_concrete(r)["functions"]["f"])
    pts = [Fraction(k, 7) for k in range(-40, 41)]
    assert all(abs(f(a) - f(b)) <= abs(a - b) for a in pts for b in pts)


def test_an_axiom_false_everywhere_is_never_a_refutation(tmp_path):
    # No function satisfies f(u) > f(u): every claim holds vacuously, none fails.
    c = _claims(tmp_path, _claim("a", '{ x = "real" }', "f(x) < 0", '["forall u: f(u) > f(u)"]'))
    result = check_claim(c["a"])
    assert result.verdict is Verdict.HOLDS
    # the clash is the axioms' (the claim has no assumptions), and the vacuous flag says so too
    assert "axioms of f" in result.reason and "only vacuously" in result.reason
    assert flag_vacuous(c["a"], result, CheckOptions())[1] is True


def test_instances_respect_the_budget():
    ax = load_catalog([DATA]).claims[0].undefined[0].axioms
    terms = [UFun("f", (_num(Fraction(k)),)) for k in range(60)]
    assert instances(list(ax), terms, {"f"}) is None
    ground, inst = instances(list(ax), terms[:3], {"f"})
    assert len(ground) == 3 and len(inst) == 3 + 9 <= MAX_INSTANCES


def test_an_instance_is_guarded_where_it_is_undefined(tmp_path):
    # At u = 0 the axiom says nothing; read unguarded, its side condition 0 != 0 would make every claim vacuous.
    axiom = '["forall u: f(u) <= 1/u"]'
    cs = _claims(tmp_path, _claim("pos", '{ x = "real" }', "f(x) <= 1/x", axiom, assume='["x > 0"]'),
                 _claim("zero", '{ }', "f(0) <= 5", axiom))
    assert check_claim(cs["pos"]).verdict is Verdict.HOLDS
    assert check_claim(cs["zero"]).verdict is not Verdict.HOLDS

