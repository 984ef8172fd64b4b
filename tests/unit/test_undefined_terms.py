"""Claims over undefined functions and predicates: a refutation must hold for every meaning of them.

Each case states its truth in the comment; the engine must not decide more than the mathematics allows.
"""

from __future__ import annotations

import pytest

from formal_emergence.engine.check import check_claim
from formal_emergence.model.verdict import Verdict
from formal_emergence.parse.claimfile import load_catalog
from tests.conftest import _claim_toml

F = 'f = { kind = "function", arity = 1, missing = "the loss curve is never given" }'

CASES = {
    # f(x) + x > f(x) is x > 0: false at x = 0 whatever f is
    "t.every-f": ('symbols = {x = "real"}\nshow = "f(x) + x > f(x)"', F),
    # f(x) > 0 depends on f: true for f = 1, false for f = -1
    "t.depends": ('symbols = {x = "real"}\nshow = "f(x) > 0"', F),
    # assuming f(x) > 0 (a fact the document asserts), x > 0 is false at x = 0 for every such f
    "t.assumed": ('symbols = {x = "real"}\nassume = ["f(x) > 0"]\nshow = "x > 0"', F),
    # monotonicity and continuity of f(x) + x are facts about f
    "t.increasing": ('symbols = {x = "real"}\nproperty = "increasing"\nof = "f(x) + x"\nvariable = "x"', F),
    # sqrt(x) >= 0 where it is defined; at x = -1 (the only admissible point) it is undefined
    "t.undefined-there": ('symbols = {x = "real"}\nassume = ["x == -1"]\nshow = "f(x) + sqrt(x) >= f(x)"', F),
    "t.where-defined": ('symbols = {x = "real"}\nshow = "f(x) + sqrt(x) >= f(x)"', F),
    "t.continuous": ('symbols = {x = "real"}\nproperty = "continuous"\nof = "f(x) + x"\nvariable = "x"', F),
    # two statements over predicates alone that contradict each other: A, A => not B, hence not B, for every meaning
    # f(x) > f(x) + 1 is false for every f: a second use of f, so the re-check must still be asked
    "t.twice": ('symbols = {x = "real"}\nshow = "f(x) > f(x) + 1"', F),
    # assuming f(x) == 0, f(x) == 1 is false for every such f: f in the assumptions, so the re-check must be asked
    "t.pinned": ('symbols = {x = "real"}\nassume = ["f(x) == 0"]\nshow = "f(x) == 1"', F),
    # f(x) == x**2 + 1 depends on f (the one use of f): informal, without the re-check
    "t.free": ('symbols = {x = "real"}\nshow = "f(x) == x**2 + 1"', F),
    "t.no-point": ('assume = ["A", "implies(A, not B)"]\nshow = "B"',
                   'A = { kind = "predicate", arity = 0, missing = "m" }\nB = { kind = "predicate", arity = 0, missing = "m" }'),
}


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    path = tmp_path_factory.mktemp("undefined") / "u.toml"
    path.write_text("\n".join(_claim_toml(cid, body, undefined=u) for cid, (body, u) in CASES.items()),
                    encoding="utf-8")
    return {c.id: check_claim(c) for c in load_catalog([path]).claims if c.file == str(path)}


def test_a_point_false_for_every_function_refutes_the_claim(results):
    r = results["t.every-f"]
    assert r.verdict is Verdict.FAILS, r.reason
    assert dict(r.counterexample.values) == {"x": "0"}
    assert "for every meaning" in r.reason


def test_a_statement_that_depends_on_the_function_is_informal_and_names_it(results):
    r = results["t.depends"]
    assert r.verdict is Verdict.INFORMAL and "the loss curve is never given" in r.reason


def test_a_refutation_under_an_assumption_on_the_function_says_so(results):
    r = results["t.assumed"]
    assert r.verdict is Verdict.FAILS, r.reason
    assert "every meaning of the undefined terms that satisfies the assumptions" in r.reason


def test_a_refutation_without_numeric_symbols_names_no_empty_point(results):
    r = results["t.no-point"]
    assert r.verdict is Verdict.FAILS, r.reason
    assert r.reason.startswith("Every meaning of the undefined terms that satisfies the assumptions"), r.reason


@pytest.mark.parametrize("cid", ["t.increasing", "t.continuous"])
def test_properties_of_an_undefined_function_are_informal(results, cid):
    r = results[cid]
    assert r.verdict is Verdict.INFORMAL, r.reason
    assert "the loss curve is never given" in r.reason


def test_a_proof_over_undefined_terms_is_qualified_by_where_its_terms_are_defined(results):
    nowhere = results["t.undefined-there"]
    assert nowhere.verdict is Verdict.UNDECIDED and "vacuous" in nowhere.reason, nowhere.reason
    partial = results["t.where-defined"]
    assert partial.verdict is Verdict.HOLDS and partial.defined_where, partial.reason


@pytest.mark.parametrize("cid", ["t.twice", "t.pinned"])
def test_a_function_used_again_is_still_refuted_for_every_meaning(results, cid):
    r = results[cid]
    assert r.verdict is Verdict.FAILS, r.reason
    assert "every meaning" in r.reason


def test_the_re_check_is_skipped_only_for_a_single_free_application():
    from types import SimpleNamespace

    from formal_emergence.engine.check import _free_application
    from formal_emergence.model.terms import Num, Rel, Sym, UFun, Add
    fx, x = UFun("f", (Sym("x"),)), Sym("x")
    def free(goal, *hyps):
        return _free_application(SimpleNamespace(goal=goal, hypotheses=hyps))
    assert free(Rel("==", fx, Add((x, Num(1)))))
    assert free(Rel("<", Num(0), fx))
    assert not free(Rel(">", fx, Add((fx, Num(1)))))                    # f twice
    assert not free(Rel("==", fx, Num(1)), Rel("==", fx, Num(0)))         # f in an assumption
    assert not free(Rel("==", UFun("f", (fx,)), Num(1)))                  # f(f(x))
    assert not free(Rel("==", Add((fx, x)), Num(1)))                      # not an application alone


def test_a_single_free_application_is_informal(results):
    r = results["t.free"]
    assert r.verdict is Verdict.INFORMAL, r.reason
