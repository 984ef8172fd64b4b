"""Plausible ranges: a ``holds-if`` whose condition lies outside the range the text implies is a ``fails``.

A reading may give a free constant the range its text implies
(``plausible = { eps = { range = "eps <= 1/10", why = "a small threshold" } }``).
When the engine derives the weakest condition of a ``holds-if`` and z3 proves
that no value in the range (within the symbol's domain) satisfies it, the
verdict becomes ``fails``: "holds only if eps >= 1 - exp(-1), which is not a
small threshold". The counterexample is a point of the range at which the
claim, with the constant fixed there, is refuted by the engine as usual (a
confirmed witness), so the ``fails`` contract is kept.
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from typing import Callable

from ..model.assertion import Plausible, Reading
from ..model.claim import Claim, domain_condition, with_values
from ..model.terms import Bool, Num, Term, free_symbols, substitute, to_text
from ..model.verdict import Counterexample, Evidence, Result, Verdict


def apply_plausible(reading: Reading, result: Result, options, check: Callable[[Claim], Result]
                    ) -> tuple[Result, str]:
    """``result``, or a ``fails`` when its condition lies outside a plausible range; and the sentence why."""
    if result.verdict is not Verdict.HOLDS_IF or result.condition is None or not reading.plausible:
        return result, ""
    claim = reading.claim
    condition = _condition(result, claim)
    if condition is None:
        return result, ""
    for p in reading.plausible:
        if p.symbol not in free_symbols(condition):
            continue
        refuted = _outside(claim, condition, p, result, options, check)
        if refuted is not None:
            return refuted
    return result, ""


def _condition(result: Result, claim: Claim) -> Term | None:
    from ..parse.claimfile import _scope
    from ..parse.expr import parse_expression
    try:
        return parse_expression(result.condition.text, _scope(claim.symbols, claim.undefined, claim.definitions),
                                expect_boolean=True)
    except Exception:  # noqa: BLE001 - a condition outside the claim syntax is left as it is
        return None


def _outside(claim: Claim, condition: Term, p: Plausible, result: Result, options, check
             ) -> tuple[Result, str] | None:
    from .check import _run_z3
    decls = claim.symbols
    domains = tuple(domain_condition(d) for d in decls if d.name in free_symbols(condition) | {p.symbol})
    clash, clash_ev = _run_z3(domains + (p.range, condition), Bool(False), decls, options, refine=False)
    if clash is None or clash.status != "unsat":
        return None
    inside, _ = _run_z3(domains + (p.range,), Bool(False), decls, options, refine=False)
    if inside is None or inside.status != "sat" or p.symbol not in inside.model:
        return None
    value = _simple_point(inside.model[p.symbol], p, domains, decls, options)
    try:
        instance = with_values(claim, {p.symbol: Num(value)})
    except ValueError:  # the constant is the variable of a diff: no claim with it fixed (adv13 F9: exit 3)
        return None
    fixed = replace(instance, id=f"{claim.id}#plausible-{p.symbol}", reading="",
                    symbols=tuple(s for s in decls if s.name != p.symbol))
    at_point = check(fixed)
    if at_point.verdict is not Verdict.FAILS or at_point.counterexample is None:
        return None
    ce = at_point.counterexample
    shown = _fraction_text(value)
    witness = Counterexample(tuple(sorted(ce.values + ((p.symbol, shown),))), ce.evaluations, ce.dps,
                             ce.confirmed_by)
    why = p.why or f"in the plausible range {p.range_text}"
    sentence = (f"holds only if {result.condition.text}, which is not {why.rstrip('.')}: "
                f"z3 proves that no {p.symbol} with {p.range_text} satisfies it")
    values = ", ".join(f"{k} = {v}" for k, v in witness.values)
    reason = (f"Fails: it {sentence}. Inside the range, {values} is a counterexample confirmed by "
              f"{ce.confirmed_by} at {ce.dps} digits.")
    evidence = result.evidence + tuple(clash_ev) + (
        Evidence("plausible", "condition outside the plausible range",
                 (("symbol", p.symbol), ("range", p.range_text), ("why", p.why), ("condition", result.condition.text),
                  ("point", shown))),) + at_point.evidence
    return replace(result, verdict=Verdict.FAILS, reason=reason, counterexample=witness, evidence=evidence,
                   steps=result.steps + at_point.steps), sentence


def _simple_point(model_value: Fraction, p: Plausible, domains, decls, options) -> Fraction:
    """A round value inside the range when one exists (1/10, 1/20, 1/2, 1, ...), else z3's model value."""
    from ..numeric.evaluate import decide_closed
    for candidate in (Fraction(1, 10), Fraction(1, 20), Fraction(1, 100), Fraction(1, 2), Fraction(1), Fraction(2),
                      Fraction(10)):
        env = {p.symbol: Num(candidate)}
        if all(decide_closed(substitute(t, env)) is True for t in domains + (p.range,)):
            return candidate
    return model_value


def _fraction_text(v: Fraction) -> str:
    return str(v.numerator) if v.denominator == 1 else f"{v.numerator}/{v.denominator}"


__all__ = ["apply_plausible"]
