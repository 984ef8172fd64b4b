"""Limits by continuity (``symbolic.sympy_layer._continuous_limit``): a power with a parameter in its exponent whose
base tends to 0, where Gruntz can run for ever, is settled by ``x**a -> 0`` as ``x -> 0+`` for ``a > 0``."""

from __future__ import annotations

import pytest

from formal_emergence.errors import UnsupportedConstruct
from formal_emergence.model.claim import SymbolDecl
from formal_emergence.model.terms import to_text
from formal_emergence.parse.claimfile import _scope
from formal_emergence.parse.expr import parse_expression
from formal_emergence.symbolic import sympy_layer as sl

DECLS = (SymbolDecl("N", "positive"), SymbolDecl("N_c", "positive"), SymbolDecl("alpha", "positive"),
         SymbolDecl("x", "positive"), SymbolDecl("a", "real"), SymbolDecl("eps", "unit"))


def lowered(text: str) -> tuple[str, str]:
    term = parse_expression(text, _scope(DECLS, (), ()))
    out, steps = sl.lower(term, DECLS, sl.OPTIONAL_CPU_SECONDS)
    return to_text(out), steps[0].rule


@pytest.mark.parametrize("text", ["limit_right(1 - exp(-((N - N_c)/N_c)**alpha), N, N_c)",
                                  "limit_left(1 - exp(-((N - N_c)/N_c)**alpha), N_c, N)"])
def test_the_limits_gruntz_does_not_finish(text):
    # each ran into the 2 s budget (SymPy alone had not finished after 40 CPU s)
    assert lowered(text) == ("0", sl.CONTINUITY_RULE)


def test_agrees_with_sympy_where_both_apply():
    text = "limit_right(1 - (1 - eps) * exp(-(N - N_c)**alpha), N, N_c)"
    assert lowered(text) == ("eps", sl.CONTINUITY_RULE)
    tr = sl.SympyTranslator(DECLS)
    term = parse_expression(text, _scope(DECLS, (), ()))
    assert str(tr(term).doit()) == "eps"


@pytest.mark.parametrize("text", [
    "limit_right(x**a, x, 0)",             # the exponent's sign is unknown: no continuity rule, SymPy cannot either
    "limit_right(x**alpha / x, x, 0)",     # a negative power of a base tending to 0
    "limit_right(x**alpha * exp(1/x), x, 0)",  # an argument tending to infinity
])
def test_not_by_continuity(text):
    try:
        _, rule = lowered(text)
    except UnsupportedConstruct:
        return
    assert rule != sl.CONTINUITY_RULE


def test_a_base_negative_near_the_point_is_not_continuity():
    # x**alpha from the left of 0: the base -s is negative, so the rule x**a -> 0 (x -> 0+) does not apply
    _, rule = lowered("limit_left(x**alpha, x, 0)")
    assert rule != sl.CONTINUITY_RULE
