"""The interval branch-and-bound prover: proofs with certificates that a separate checker re-checks."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction as F

from formal_emergence.numeric.boxprover import Leaf, Split, check_certificate, prove_on_box
from formal_emergence.numeric.evaluate import confirm_counterexample
from formal_emergence.parse.expr import Scope, parse_expression

SCOPE = Scope(symbols=frozenset({"u", "x", "y"}))


def p(text):
    return parse_expression(text, SCOPE)


def test_half_infinite_box_proof_of_exp_bound_and_its_certificate():
    hyps, goal = [p("u > 1")], p("exp(-u) < 37/100")          # e^-1 = 0.3679 < 0.37
    out = prove_on_box(hyps, goal, {"u": (F(1), None)})
    assert out.status == "proved" and out.certificate is not None
    assert check_certificate(out.certificate, hyps, goal) == (True, "")
    assert out.certificate.to_json()["box"] == {"u": ["1", "oo"]}


def test_false_bound_is_refuted_at_an_exact_point():
    hyps, goal = [p("u > 1")], p("exp(-u) < 36/100")
    out = prove_on_box(hyps, goal, {"u": (F(1), None)})
    assert out.status == "refuted"
    assert confirm_counterexample(hyps, goal, out.point, 40).status == "confirmed"


def test_two_dimensional_proof_splits_and_rechecks():
    hyps, goal = [p("x >= 0"), p("y >= 0")], p("exp(x) * exp(y) > x + y")
    out = prove_on_box(hyps, goal, {"x": (F(0), F(3)), "y": (F(0), F(3))})
    assert out.status == "proved" and out.certificate.leaves() > 1
    assert check_certificate(out.certificate, hyps, goal) == (True, "")


def test_tampered_certificates_are_rejected():
    hyps, goal = [p("x >= 0"), p("y >= 0")], p("exp(x) * exp(y) > x + y")
    cert = prove_on_box(hyps, goal, {"x": (F(0), F(3)), "y": (F(0), F(3))}).certificate
    root = cert.root
    assert isinstance(root, Split)
    moved = replace(cert, root=replace(root, at=root.at + F(1, 7)))           # leaves no longer match the splits
    assert check_certificate(moved, hyps, goal)[0] is False
    outside = replace(cert, root=replace(root, at=F(99)))                      # split point outside the range
    assert check_certificate(outside, hyps, goal)[0] is False
    wider = replace(cert, box=(("x", (F(0), F(30))), ("y", (F(0), F(3)))))     # claims a bigger box
    assert check_certificate(wider, hyps, goal)[0] is False
    assert check_certificate(cert, hyps, p("exp(x) * exp(y) > x + y + 1"))[0] is False   # another claim

    def first_leaf(n):
        return n if isinstance(n, Leaf) else first_leaf(n.low)

    leaf = first_leaf(root)
    lying = replace(leaf, reason="hypothesis 0")                                # x >= 0 is not false there
    swapped = _replace_leaf(root, leaf, lying)
    assert check_certificate(replace(cert, root=swapped), hyps, goal)[0] is False


def _replace_leaf(node, old, new):
    if node is old:
        return new
    if isinstance(node, Leaf):
        return node
    return replace(node, low=_replace_leaf(node.low, old, new), high=_replace_leaf(node.high, old, new))


def test_budget_is_deterministic_and_named():
    hyps, goal = [], p("x*(1 - x) <= 1/4")   # tangent at x = 1/2: intervals cannot separate it
    a = prove_on_box(hyps, goal, {"x": (F(0), F(1))}, max_boxes=300)
    b = prove_on_box(hyps, goal, {"x": (F(0), F(1))}, max_boxes=300)
    assert a.status == b.status == "undecided" and a.boxes == b.boxes and a.reason == b.reason
    assert "budget" in a.reason or "minimum width" in a.reason


def test_guards_are_respected_on_boxes():
    # sqrt(x) is only evaluated where x >= 0: the claim is defined on the whole box and true.
    hyps, goal = [], p("ite(x >= 0, sqrt(x), 0) >= 0")
    out = prove_on_box(hyps, goal, {"x": (F(-1), F(1))})
    assert out.status == "proved" and check_certificate(out.certificate, hyps, goal) == (True, "")
