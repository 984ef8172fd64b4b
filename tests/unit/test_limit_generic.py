"""A limit with parameters: SymPy's value is generic, so it is used only where it applies (issue 8).

``limit(x/(a + x), x, 0)`` is 0 for a != 0 and 1 for a = 0. SymPy answers 0.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from formal_emergence import load_catalog
from formal_emergence.engine.check import check_claim
from formal_emergence.model.verdict import Verdict

CLAIM = '''[[claim]]
id = "t.{id}"
title = "t"
kind = "theorem"
source = {{ document = "d", section = "s", quote = "q" }}
symbols = {{ x = "positive", a = "{domain}" }}
show = "{show}"
'''


def _check(tmp_path, show, domain="real"):
    path = tmp_path / "c.toml"
    path.write_text(CLAIM.format(id="c", domain=domain, show=show), encoding="utf-8")
    return check_claim(load_catalog([path]).claim("t.c"))


@pytest.mark.parametrize("show", ["limit(x/(a + x), x, 0) == 0", "limit(a*x/(a*x + x**2), x, 0) == 1"])
def test_generic_value_is_not_a_proof_where_the_parameter_may_be_degenerate(tmp_path, show):
    r = _check(tmp_path, show)
    assert r.verdict is Verdict.UNDECIDED
    assert "a != 0" in r.reason and "generic" in r.reason


def test_excluded_degenerate_value_gives_a_proof(tmp_path):
    assert _check(tmp_path, "limit(x/(a + x), x, 0) == 0", domain="positive").verdict is Verdict.HOLDS


def test_witness_avoids_the_degenerate_value(tmp_path):
    # true at a = 0 (the limit is 1), false everywhere else: a witness must have a != 0
    r = _check(tmp_path, "limit(x/(a + x), x, 0) == 1")
    assert r.verdict is Verdict.FAILS
    assert Fraction(dict(r.counterexample.values)["a"]) != 0


def test_a_limit_at_infinity_or_without_parameters_has_no_condition(tmp_path):
    assert _check(tmp_path, "limit(a*x/(1 + x), x, oo) == a").verdict is Verdict.HOLDS
    assert _check(tmp_path, "limit(x/(1 + x), x, 0) == 0").verdict is Verdict.HOLDS


def test_a_witness_does_not_give_a_value_to_the_limit_variable(tmp_path):
    # lim_{x->0} x/(a + x) is 0 for a > 0, never 1: refuted at any a, and x has no value at the witness
    r = _check(tmp_path, "limit(x/(a + x), x, 0) == 1", domain="positive")
    assert r.verdict is Verdict.FAILS, r.reason
    assert [k for k, _ in r.counterexample.values] == ["a"]
    assert "x = " not in r.reason
