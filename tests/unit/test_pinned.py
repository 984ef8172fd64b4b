"""Assumptions ``sym == number`` pin a symbol: the number is substituted before SymPy and z3 see the claim."""

from __future__ import annotations

import pytest

from formal_emergence import check_claim
from formal_emergence.model.verdict import VACUOUS, Verdict


def _check(load_claims, claim_toml, assume: str, show: str, symbols: str = 'x = "positive", a = "real"'):
    body = f'symbols = {{ {symbols} }}\nassume = [{assume}]\nshow = "{show}"\n'
    return check_claim(load_claims(claim_toml("t.pin", body)).claim("t.pin"))


def _pinned_step(result):
    return [s.after for s in result.steps if s.description == "substitute pinned values"]


def test_a_pinned_exponent_is_substituted_and_the_claim_holds(load_claims, claim_toml):
    result = _check(load_claims, claim_toml, '"a == 1/2"', "x**a > 0")
    assert result.verdict is Verdict.HOLDS and VACUOUS not in result.reason
    assert _pinned_step(result) == ["a = 1/2"]


def test_pinned_parameters_turn_an_undecided_scaling_claim_into_a_proof(load_claims, claim_toml):
    # With alpha and N_c symbolic, z3's model of the exp/log encoding of (N/N_c)**alpha is spurious (undecided).
    result = _check(load_claims, claim_toml, '"alpha == 2", "N_c == 10", "N > 2*N_c"', "(N/N_c)**alpha > 4",
                    symbols='N = "positive", N_c = "positive", alpha = "real"')
    assert result.verdict is Verdict.HOLDS and "exactly" in result.reason
    assert _pinned_step(result) == ["alpha = 2, N_c = 10"]


def test_a_pinned_value_that_makes_a_term_undefined_is_not_proved(load_claims, claim_toml):
    result = _check(load_claims, claim_toml, '"a == 0"', "log(a) < x + 1")
    assert result.verdict is Verdict.UNDECIDED
    assert "log(0)" in result.reason


def test_a_witness_lists_the_pinned_value(load_claims, claim_toml):
    result = _check(load_claims, claim_toml, '"a == -1"', "x**a > 1")
    assert result.verdict is Verdict.FAILS
    values = dict(result.counterexample.values)
    assert values["a"] == "-1" and "x" in values


@pytest.mark.parametrize("assume, a_domain", [('"a == -1"', "positive"),   # a pin outside the domain
                                              ('"a == 1", "a == 2"', "real")])  # two pins of one symbol
def test_contradictory_pins_give_only_a_vacuous_proof(load_claims, claim_toml, assume, a_domain):
    result = _check(load_claims, claim_toml, assume, "x**a < 0", symbols=f'x = "positive", a = "{a_domain}"')
    assert result.verdict is Verdict.HOLDS and VACUOUS in result.reason


def test_a_derivative_variable_is_not_pinned(load_claims, claim_toml):
    result = _check(load_claims, claim_toml, '"x == 3"', "diff(x**2, x) == 6", symbols='x = "real"')
    assert result.verdict is Verdict.HOLDS
    assert not _pinned_step(result)
