"""Claims that a function of one variable is monotone, continuous or smooth on a domain.

A property claim (``Claim.property``) is decided through ordinary claims, each
checked by ``check_claim`` with its own proof or confirmed witness:

1. **Definedness.** The function must be defined at every point of the domain:
   the conjunction of its definedness obligations (``model.definedness``) under
   the assumptions. A confirmed point where it is undefined refutes every
   property (``fails``); an unproved obligation leaves it ``undecided``.
2. **Monotone** (``increasing`` ...): the definition itself, with two fresh
   points of the domain: ``a < b => f(a) < f(b)``. A proof is a proof; a
   confirmed pair ``(a, b)`` is the witness. If that is left open and the domain
   is an interval (a real domain cut by bounds on the variable), the engine
   tries the derivative: ``f' > 0`` (``>= 0`` for non-strict) proved at every
   point of the interval, with the engine's rules for where a derivative exists,
   gives strict (non-strict) monotonicity by the mean value theorem. A failed
   derivative test proves nothing (``x**3`` at 0).
3. **Continuous / smooth**: every primitive is continuous (smooth) wherever it
   is defined, except at the points ``model.properties`` lists; proving that the
   domain avoids them proves the property. Those conditions are sufficient, not
   necessary, so only a point of undefinedness yields ``fails``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from ..model.claim import Claim, Property, SymbolDecl, domain_condition, is_integral
from ..model.definedness import obligations
from ..model.properties import continuity_conditions, interval_bounds, opaque_parts, smoothness_conditions
from ..model.terms import Bool, Diff, Implies, Num, Rel, Sym, Term, conj, free_symbols, substitute, to_text
from ..model.verdict import Result, Step, Verdict

_MONOTONE = {"increasing": ("<", ">"), "decreasing": (">", "<"), "nondecreasing": ("<=", ">="),
             "nonincreasing": (">=", "<=")}
_REAL_INTERVALS = ("real", "positive", "nonnegative", "negative", "unit", "probability")

Check = Callable[[Claim], Result]


def _fresh(base: str, taken: set[str]) -> str:
    i = 1
    while f"{base}_{i}" in taken:
        i += 1
    taken.add(f"{base}_{i}")
    return f"{base}_{i}"


def _sub_claim(claim: Claim, suffix: str, symbols, assume: tuple[Term, ...], show: Term) -> Claim:
    return replace(claim, kind="theorem", function_property=None, simulate=None, symbols=tuple(symbols), assume=assume,
                   assume_text=tuple(to_text(a) for a in assume), show=show, show_text=to_text(show), uses=(),
                   definitions=(), free=(), reading="", title=f"{claim.title} ({suffix})")


def check_property(claim: Claim, expand: Callable[[Term], tuple[Term, list[Step]]], check: Check) -> Result:
    """Decide ``claim.function_property`` as the module docstring describes.

    ``expand`` expands the claim's definitions in a term (with its steps); ``check`` decides an ordinary claim.
    """
    prop: Property = claim.function_property
    steps: list[Step] = []
    of, s = expand(prop.of)
    steps.extend(s)
    assume = []
    for a in claim.assume:
        t, s = expand(a)
        steps.extend(t_s for t_s in s if t_s not in steps)
        assume.append(t)
    assume_t = tuple(assume)
    steps.append(Step(f"state the property: {prop.words()}", to_text(prop.display()), _meaning(prop, of),
                      "definition of the property"))
    if prop.kind == "crossing":
        return _crossing(claim, prop, of, assume_t, check, steps)
    defined_claim = _sub_claim(claim, "defined on the domain", claim.symbols, assume_t,
                               conj([o.formula() for o in obligations(of)]))
    defined = check(defined_claim)
    head = f"{prop.words()} on the domain"
    if defined.verdict is Verdict.FAILS:
        return _result(claim, defined, Verdict.FAILS, f"Refuted that {head}: the function is undefined at a point of the "
                       f"domain, so the property cannot hold there. {defined.reason}", steps)
    if defined.verdict is not Verdict.HOLDS or defined.defined_where:
        return _result(claim, defined, Verdict.UNDECIDED, f"Not decided whether {head}: the function was not shown to be "
                       f"defined at every point of the domain. {defined.reason}", steps)
    if prop.kind in _MONOTONE:
        result = _monotone(claim, prop, of, assume_t, check, steps, head)
        return replace(result, evidence=defined.evidence + result.evidence)
    blockers = opaque_parts(of)
    unknown = {u.name: u.missing for u in claim.undefined if not u.axioms}
    if blockers and all(b in unknown for b in blockers):
        named = "; ".join(f"{b}: {unknown[b]}" for b in blockers)
        return Result(claim.id, Verdict.INFORMAL, f"Whether {head} depends on terms the document never defines: "
                      f"continuity is a fact about their meaning ({named}).", steps=tuple(steps),
                      evidence=defined.evidence)
    if blockers:
        return Result(claim.id, Verdict.UNDECIDED, f"Not decided whether {head}: the engine knows no continuity facts about "
                      f"{', '.join(blockers)}.", steps=tuple(steps), evidence=defined.evidence)
    integral = frozenset(d.name for d in claim.symbols if is_integral(d))
    conds = (continuity_conditions if prop.kind == "continuous" else smoothness_conditions)(of, prop.variable, integral)
    if not conds:
        return _result(claim, defined, Verdict.HOLDS, f"Proved that {head}: it is built from primitives that are "
                       f"{'continuous' if prop.kind == 'continuous' else 'smooth'} wherever they are defined, and "
                       f"it is defined at every point of the domain. {defined.reason}", steps)
    sufficient = check(_sub_claim(claim, "no exceptional point", claim.symbols, assume_t, conj([c for _, c in conds])))
    sufficient = replace(sufficient, evidence=defined.evidence + sufficient.evidence)
    listed = "; ".join(f"{what} ({to_text(c)})" for what, c in conds)
    if sufficient.verdict is Verdict.HOLDS and not sufficient.defined_where:
        return _result(claim, sufficient, Verdict.HOLDS, f"Proved that {head}: it is defined at every point of the domain, "
                       f"and the domain avoids every point where a primitive may break it: {listed}. "
                       f"{sufficient.reason}", steps)
    return _result(claim, sufficient, Verdict.UNDECIDED, f"Not decided whether {head}: it is defined on the domain, but "
                   f"these sufficient conditions were not proved: {listed} ({_outcome(sufficient)}). They are "
                   "sufficient, not necessary, so this is not a refutation.", steps,
                   keep_witness=False)


def _outcome(sub: Result) -> str:
    """A sub-check's outcome in a few words: a witness by its values, otherwise its verdict and reason."""
    if sub.verdict is Verdict.FAILS and sub.counterexample is not None and sub.counterexample.values:
        return "false at " + ", ".join(f"{k} = {v}" for k, v in sub.counterexample.values)
    return f"{sub.verdict.value}: {sub.reason.rstrip('.')}"


def _crossing(claim: Claim, prop: Property, of: Term, assume: tuple[Term, ...], check: Check,
              steps: list[Step]) -> Result:
    """``f(solution) == level`` with the solution in the domain, for every admissible value of the parameters."""
    v = prop.variable
    at = {v: prop.solution}
    on_v = tuple(a for a in assume if v in free_symbols(a))
    others = tuple(a for a in assume if v not in free_symbols(a))
    head = prop.words()
    try:
        in_domain = [substitute(domain_condition(claim.symbol(v)), at), *(substitute(a, at) for a in on_v)]
        show = conj([c for c in in_domain if c != Bool(True)] + [Rel("==", substitute(of, at), prop.level)])
        symbols = [d for d in claim.symbols if d.name != v]
        stated = to_text(show)
    except ValueError:
        # a derivative in the variable (of = diff(x**2, x)) has no form with the point substituted (adv13 F6: the
        # ValueError aborted the whole check): the variable stays, pinned to the point by a hypothesis, and the
        # point must satisfy the domain and the assumptions on it as part of what is shown
        decl = claim.symbol(v)
        if is_integral(decl):
            return Result(claim.id, Verdict.UNDECIDED, f"Not decided whether {head}: the function differentiates in "
                          f"the integer variable {v}, which has no derivative at a point of its domain.",
                          steps=tuple(steps))
        others = others + (Rel("==", Sym(v), prop.solution),)
        show = conj([c for c in (domain_condition(decl), *on_v) if c != Bool(True)] + [Rel("==", of, prop.level)])
        symbols = [d for d in claim.symbols if d.name != v] + [SymbolDecl(v, "real")]
        stated = f"{to_text(show)} at {v} = {to_text(prop.solution)}"
    sub = check(_sub_claim(claim, "at the stated point", symbols, others, show))
    if sub.verdict is Verdict.HOLDS and not sub.defined_where:
        return _result(claim, sub, Verdict.HOLDS, f"Proved that {head}: the point lies in the domain and "
                       f"{stated}. {sub.reason} (A crossing, not shown to be the only one: state the function "
                       "increasing or decreasing for that; formal-emergence solve derives every closed form.)", steps)
    if sub.verdict is Verdict.FAILS:
        return _result(claim, sub, Verdict.FAILS, f"Refuted that {head}: at the stated point the function is not at "
                       f"the level, or the point is outside the domain. {sub.reason}", steps)
    return _result(claim, sub, sub.verdict if sub.verdict is Verdict.INFORMAL else Verdict.UNDECIDED,
                   f"Not decided whether {head}: {sub.reason}", steps, keep_witness=False)


def _meaning(prop: Property, of: Term) -> str:
    if prop.kind == "crossing":
        try:
            value = to_text(substitute(of, {prop.variable: prop.solution}))
        except ValueError:  # a derivative in the variable: no term for it at the point (see _crossing)
            value = f"{to_text(of)} at {prop.variable} = {to_text(prop.solution)}"
        return f"{to_text(prop.solution)} is in the domain and {value} == {to_text(prop.level)}"
    if prop.kind in _MONOTONE:
        op = _MONOTONE[prop.kind][0]
        a, b = Sym("a"), Sym("b")
        f_a, f_b = (substitute(of, {prop.variable: p}) for p in (a, b))
        return f"for all a < b of the domain: {to_text(Rel(op, f_a, f_b))}"
    return f"{to_text(of)} is defined at every point of the domain and {prop.kind} there"


def _result(claim: Claim, sub: Result, verdict: Verdict, reason: str, steps: list[Step],
            keep_witness: bool = True) -> Result:
    return Result(claim.id, verdict, reason, counterexample=sub.counterexample if keep_witness else None,
                  evidence=sub.evidence, steps=tuple(steps) + sub.steps, losses=sub.losses)


def _monotone(claim: Claim, prop: Property, of: Term, assume: tuple[Term, ...], check: Check, steps: list[Step],
              head: str) -> Result:
    v = prop.variable
    decl = claim.symbol(v)
    taken = {d.name for d in claim.symbols} | set().union(*(free_symbols(a) for a in assume), free_symbols(of))
    a, b = _fresh(v, taken), _fresh(v, taken)
    on_v = tuple(x for x in assume if v in free_symbols(x))
    others = tuple(x for x in assume if v not in free_symbols(x))
    two = others + tuple(substitute(x, {v: Sym(a)}) for x in on_v) + tuple(substitute(x, {v: Sym(b)}) for x in on_v)
    symbols = [d for d in claim.symbols if d.name != v] + [SymbolDecl(a, decl.domain), SymbolDecl(b, decl.domain)]
    op, d_op = _MONOTONE[prop.kind]
    show = Implies(Rel("<", Sym(a), Sym(b)), Rel(op, substitute(of, {v: Sym(a)}), substitute(of, {v: Sym(b)})))
    pair = check(_sub_claim(claim, "two points", symbols, two, show))
    if pair.verdict is Verdict.HOLDS and not pair.defined_where:
        return _result(claim, pair, Verdict.HOLDS, f"Proved that {head}: for any two points {a} < {b} of the domain, "
                       f"{to_text(show.rhs)}. {pair.reason}", steps)
    if pair.verdict is Verdict.FAILS:
        return _result(claim, pair, Verdict.FAILS, f"Refuted that {head}: two points {a} < {b} of the domain violate "
                       f"{to_text(show.rhs)}. {pair.reason}", steps)
    left_open = Verdict.INFORMAL if pair.verdict is Verdict.INFORMAL else Verdict.UNDECIDED
    if decl.domain not in _REAL_INTERVALS or not interval_bounds(assume, v):
        return _result(claim, pair, left_open, f"Not decided whether {head}: the two-point statement was left "
                       f"open ({pair.reason}), and the derivative test needs a domain that is an interval.", steps,
                       keep_witness=False)
    slope = Rel(d_op, Diff(of, Sym(v)), Num(0))
    deriv = check(_sub_claim(claim, "derivative", claim.symbols, assume, slope))
    if deriv.verdict is Verdict.HOLDS and not deriv.defined_where:
        return _result(claim, deriv, Verdict.HOLDS, f"Proved that {head}: the derivative satisfies {to_text(slope)} at every "
                       "point of the domain, an interval, so by the mean value theorem the function is "
                       f"{prop.adjective()} there. {deriv.reason}", steps)
    return _result(claim, deriv, left_open, f"Not decided whether {head}: the two-point statement was left "
                   f"open ({pair.reason}), and the derivative test {to_text(slope)} was not proved "
                   f"({_outcome(deriv)}); a derivative that is not of one sign does not refute monotonicity.", steps,
                   keep_witness=False)


__all__ = ["check_property"]
