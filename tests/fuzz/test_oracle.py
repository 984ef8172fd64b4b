"""The fuzzer's independent evaluator, checked against values worked out by hand.

A disagreement between the engine and the evaluator is only worth something if the evaluator is
right, so its semantics (docs/claim-format.md, issue 8) are pinned here case by case.
"""

from __future__ import annotations

import sys
from fractions import Fraction as F
from pathlib import Path

import mpmath
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from oracle import DNE, UNDEF, UNKNOWN, Evaluator  # noqa: E402

X, Y = ("sym", "x"), ("sym", "y")


def n(v) -> tuple:
    return ("num", F(v))


def fn(name, *args) -> tuple:
    return ("fn", name, args)


def rel(op, a, b) -> tuple:
    return ("rel", op, a, b)


STEP = ("ite", rel(">", X, n(0)), n(1), n(0))


@pytest.mark.parametrize("term, env, want", [
    (("pow", n(0), n(0)), {}, F(1)),
    (("pow", n(0), n(F(1, 2))), {}, F(0)),
    (("pow", n(0), n(F(16, 5))), {}, F(0)),
    (("pow", n(0), n(-1)), {}, UNDEF),
    (("pow", n(-8), n(F(1, 3))), {}, UNDEF),
    (("pow", n(-2), n(3)), {}, F(-8)),
    (("pow", n(4), n(F(3, 2))), {}, F(8)),
    (("pow", X, Y), {"x": F(-1), "y": F(1)}, F(-1)),
    (("pow", X, Y), {"x": F(0), "y": F(-2)}, UNDEF),
    (fn("sqrt", n(F(9, 4))), {}, F(3, 2)),
    (fn("sqrt", n(-1)), {}, UNDEF),
    (fn("log", n(0)), {}, UNDEF),
    (fn("log", n(1)), {}, F(0)),
    (fn("exp", n(0)), {}, F(1)),
    (("div", n(1), ("sub", X, X)), {"x": F(2)}, UNDEF),
    (fn("heaviside", n(0)), {}, F(0)),
    (fn("floor", n(F(-1, 2))), {}, F(-1)),
    (fn("min", n(2), n(-3)), {}, F(-3)),
    (("ite", rel(">=", X, n(0)), fn("sqrt", X), n(0)), {"x": F(-1)}, F(0)),
    (("diff", ("pow", X, n(2)), "x"), {"x": F(3)}, F(6)),
    (("diff", fn("abs", X), "x"), {"x": F(0)}, DNE),
    (("diff", fn("abs", X), "x"), {"x": F(2)}, F(1)),
    (("diff", STEP, "x"), {"x": F(0)}, DNE),
    (("diff", STEP, "x"), {"x": F(1)}, F(0)),
    (("diff", ("ite", rel("==", X, n(0)), n(0), X), "x"), {"x": F(0)}, F(1)),
    (("diff", ("ite", rel("==", X, n(0)), n(5), X), "x"), {"x": F(0)}, DNE),
    (("diff", fn("min", X, ("sub", n(1), X)), "x"), {"x": F(1, 2)}, DNE),
    (("diff", ("mul", X, fn("abs", X)), "x"), {"x": F(0)}, F(0)),
    (("diff", fn("floor", X), "x"), {"x": F(1)}, DNE),
    (("diff", fn("sqrt", X), "x"), {"x": F(0)}, UNDEF),
    (("diff", ("pow", X, n(F(1, 3))), "x"), {"x": F(0)}, UNDEF),
    (("limit", STEP, "x", n(0), "+"), {"x": F(7)}, F(1)),
    (("limit", STEP, "x", n(0), "-"), {"x": F(7)}, F(0)),
    (("limit", STEP, "x", n(0), ""), {"x": F(7)}, DNE),
    (("limit", ("ite", rel("==", X, n(0)), n(5), X), "x", n(0), ""), {"x": F(7)}, F(0)),
    (("limit", fn("heaviside", X), "x", n(0), "+"), {"x": F(0)}, F(1)),
    (("limit", fn("floor", X), "x", n(1), "-"), {"x": F(0)}, F(0)),
    (("limit", fn("sqrt", X), "x", n(0), "-"), {"x": F(0)}, UNDEF),
    (("limit", fn("sqrt", X), "x", n(0), "+"), {"x": F(0)}, F(0)),
    (("limit", ("div", n(1), X), "x", n(0), "+"), {"x": F(1)}, UNKNOWN),
    # fuzz c142: an exact 0 times or over an inexact nonzero number is exactly 0 (so 0**(16/5) is settled)
    (("pow", ("div", ("sub", X, X), fn("log", n(F(2, 3)))), n(F(16, 5))), {"x": F(0)}, F(0)),
    (("mul", fn("exp", n(1)), ("sub", X, X)), {"x": F(3)}, F(0)),
    (("div", ("sub", X, X), ("sub", X, X)), {"x": F(3)}, UNDEF),
])
def test_values(term, env, want):
    got = Evaluator().value(term, env)
    assert (got == want and isinstance(got, F)) if isinstance(want, F) else got is want, got


@pytest.mark.parametrize("statement, env, want", [
    (("and", rel(">=", fn("sqrt", X), n(0)), rel(">=", X, n(0))), {"x": F(-1)}, UNDEF),
    (("and", rel(">=", X, n(0)), rel(">=", fn("sqrt", X), n(0))), {"x": F(-1)}, False),
    (("or", rel("<", X, n(0)), rel(">", fn("log", X), n(5))), {"x": F(-1)}, True),
    (("implies", rel(">=", X, n(0)), rel(">=", fn("sqrt", X), n(0))), {"x": F(-1)}, True),
    (("and", rel(">=", ("ite", rel(">=", X, n(0)), fn("sqrt", X), n(0)), n(0)), rel(">=", X, n(0))),
     {"x": F(-1)}, False),
    (rel("==", ("pow", fn("sqrt", n(2)), n(2)), n(2)), {}, UNKNOWN),
    (("not", rel("<", fn("exp", n(1)), ("const", "e"))), {}, UNKNOWN),
    (rel("<", ("const", "pi"), n(F(355, 113))), {}, True),
])
def test_truth(statement, env, want):
    assert Evaluator().truth(statement, env) is want


def test_ties_read_as_equal_only_on_request():
    s = rel("!=", fn("sqrt", ("pow", ("const", "pi"), n(2))), fn("abs", ("const", "pi")))
    assert Evaluator().truth(s, {}) is UNKNOWN
    assert Evaluator(ties_equal=True).truth(s, {}) is False


def test_definitions_are_called_by_value_without_capture():
    """G(a) = diff(a*x, x) over the shared x: G(x) at x = 3 is 3 (soundness F03)."""
    ev = Evaluator({"G": (("a",), ("diff", ("mul", ("sym", "a"), X), "x")),
                    "L": (("a",), ("limit", ("pow", ("add", ("sym", "a"), X), n(2)), "x", n(0), ""))})
    assert ev.value(("call", "G", (X,)), {"x": F(3)}) == 3
    assert ev.value(("call", "L", (X,)), {"x": F(3)}) == 9


def test_inexact_values_use_enough_digits():
    v = Evaluator().value(fn("exp", n(1)), {})
    with mpmath.workdps(100):
        assert abs(v - mpmath.e) < mpmath.mpf(10) ** -70


@pytest.mark.parametrize("text, want", [
    ("-2**0.5", -mpmath.sqrt(2)),                     # ** binds tighter than the unary minus
    ("2**(1/3)", mpmath.cbrt(2)),
    ("0.5 + -0.5 * 5**0.5", (1 - mpmath.sqrt(5)) / 2),
    ("3**0.5/3", mpmath.sqrt(3) / 3),
    ("2**-1", F(1, 2)),
    ("log(2)", mpmath.log(2)),
])
def test_parse_number_reads_an_engine_witness_value(text, want):
    from oracle import parse_number
    got = Evaluator().value(parse_number(text), {})
    assert (got == want) if isinstance(want, F) else mpmath.almosteq(got, want, rel_eps=mpmath.mpf(10) ** -14)


@pytest.mark.parametrize("text", ["x", "2 +", "(2", "2**", "foo(2)", "2; 3", "__import__('os')"])
def test_parse_number_refuses_anything_else(text):
    from oracle import parse_number
    assert parse_number(text) is None


def test_an_algebraic_witness_is_judged_by_its_value():
    """``x**2 != 2`` refuted at x = -2**0.5: the tie is equality under ``ties_equal``; a wrong value is wrong."""
    from claimgen import GenClaim
    from differential import judge
    import random
    claim = GenClaim("t", {"x": "real"}, [], rel("!=", ("pow", X, n(2)), n(2)))
    record = {"verdict": "fails", "counterexample": {"values": {"x": "-2**0.5"}}}
    assert judge(claim, record, random.Random(0)).kind == "ok"
    record = {"verdict": "fails", "counterexample": {"values": {"x": "-3**0.5"}}}
    assert judge(claim, record, random.Random(0)).kind == "wrong"
    positive = GenClaim("t", {"x": "positive"}, [], claim.show)
    assert judge(positive, {"verdict": "fails", "counterexample": {"values": {"x": "-2**0.5"}}},
                 random.Random(0)).kind == "wrong"  # outside the domain
    integer = GenClaim("t", {"x": "integer"}, [], claim.show)
    assert judge(integer, {"verdict": "fails", "counterexample": {"values": {"x": "2**0.5"}}},
                 random.Random(0)).kind == "wrong"
