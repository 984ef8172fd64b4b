"""Claims about functions given only by universally quantified axioms.

A function declared with ``axioms`` (``docs/claim-format.md``) stands for
*every* real function satisfying them, so the claim reads "for every such
function, assumptions => statement".

- **Proof.** Each axiom ``forall x1..xk: body`` is instantiated at every
  k-tuple of the argument terms that occur in applications of axiomatized
  functions in the claim (one round, a deterministic instance budget); an
  instance with partial terms (``1/u``, ``log(u)``) is guarded by the
  conditions that make it defined. Every instance is a consequence of the
  axioms, so z3 ``unsat`` of the claim with
  the instances added is a proof for every function satisfying the axioms.
- **Refutation.** A z3 model fixes the functions only at finitely many points.
  A concrete function is built through those points (piecewise linear, with
  flat, affine or saturating tails ``y + c*t/(1 + t)``), and z3 proves every
  axiom for it over all reals (``unsat`` of its negation, exact rational
  arithmetic on the pieces). Only then is the stated claim re-checked at the
  model's point with the concrete function substituted; ``fails`` needs both.
  Otherwise the verdict is ``undecided`` with that reason.
"""

from __future__ import annotations

import functools
import itertools
from fractions import Fraction
from typing import Callable

from ..model.claim import Axiom, SymbolDecl, Undefined, domain_condition
from ..model.definedness import obligations
from ..model.exact import exact_value
from ..model.terms import (Add, Implies, Ite, Mul, Num, Pow, Rel, Sym, Term, UFun, conj, free_symbols, num, substitute, to_text,
                           transform, walk)
from ..model.verdict import Counterexample, Evidence, Result, Verdict
from ..numeric import evaluate as numeric
from ..solver import z3_backend as z3b
from .budget import z3_call

#: Deterministic budget: at most this many axiom instances are added to one query.
MAX_INSTANCES = 2000
#: At most this many candidate concrete functions (all functions together) are tried against the axioms.
MAX_CANDIDATES = 24
#: z3 budget of one axiom check on a concrete function.
AXIOM_RLIMIT = 5_000_000
#: The placeholder argument of a concrete function's template (not a claim-language identifier).
ARG = "·t"
#: Fresh points below and above every ground term (anchors of the tails of a concrete function).
LO, HI = "·lo", "·hi"


def axiomatized(undefined: tuple[Undefined, ...], used: tuple[str, ...]) -> dict[str, Undefined]:
    """Every undefined function declared with axioms, by name, whether or not the statement uses it.

    All of them, not only the used ones: an axiom may tie a used function to another one (``f(u) == h(u) -
    h(u)``), and a refutation must exhibit functions satisfying every declared axiom, or none exist and the
    claim holds vacuously (an unused ``h`` with ``h(u) > h(u) + 1``). ``used`` is kept for the callers' sake."""
    return {u.name: u for u in undefined if u.axioms is not None}


def instances(axioms: list[Axiom], terms: list[Term], functions: set[str]) -> tuple[list[Term], list[Term]] | None:
    """The ground argument terms and every instance of ``axioms`` at tuples of them (None past the budget)."""
    ground: list[Term] = []
    for t in terms:
        for node in walk(t):
            if isinstance(node, UFun) and node.name in functions:
                ground.extend(a for a in node.args if a not in ground)
    ground.sort(key=to_text)
    out: list[Term] = []
    for ax in axioms:
        count = len(ground) ** len(ax.variables)
        if len(out) + count > MAX_INSTANCES:
            return None
        for combo in itertools.product(ground, repeat=len(ax.variables)):
            inst = substitute(ax.body, dict(zip(ax.variables, combo)))
            defined = [o.formula() for o in obligations(inst)]
            if defined:  # the axiom says nothing where its instance is undefined
                inst = Implies(conj(defined), inst)
            if inst not in out:
                out.append(inst)
    return ground, out


def decide_with_axioms(prep, opts, functions: dict[str, Undefined], run_z3: Callable,
                       qualified_holds: Callable) -> Result:
    """The verdict of a claim whose undefined functions include axiomatized ones (see the module docstring)."""
    claim = prep.claim
    axioms = [ax for u in functions.values() for ax in u.axioms]  # type: ignore[union-attr]
    found = instances(axioms, [*prep.hypotheses, prep.goal], set(functions))
    if found is None:
        return Result(claim.id, Verdict.UNDECIDED, f"Instantiating the axioms at the terms that occur needs more than "
                      f"{MAX_INSTANCES} instances (the instance budget).",
                      evidence=(Evidence("axioms", "budget", (("max_instances", MAX_INSTANCES),)),))
    ground, inst = found
    ev_inst = Evidence("axioms", "instantiated", (
        ("axioms", [ax.text for ax in axioms]), ("ground_terms", [to_text(g) for g in ground]),
        ("instances", [to_text(i) for i in inst])))
    hyps = tuple(prep.hypotheses) + tuple(inst)
    outcome, evidence = run_z3(hyps, prep.goal, prep.decls, opts, refine=False)
    evidence = [ev_inst, *evidence]
    names = ", ".join(sorted(functions))
    if outcome is not None and outcome.status == "unsat":
        from dataclasses import replace
        return qualified_holds(replace(prep, hypotheses=hyps), opts,
                               f"z3 proves it from the assumptions and {len(inst)} instances of the axioms of "
                               f"{names} at the terms that occur (each instance follows from the axioms), so it holds "
                               "for every function satisfying them", evidence)
    plain = sorted(set(prep.undefined_used) - set(functions))
    if plain:
        missing = {u.name: u.missing for u in claim.undefined}
        return Result(claim.id, Verdict.INFORMAL, "The axioms of " + names + " do not prove it, and it also "
                      "depends on undefined terms without axioms (" + "; ".join(
                          f"{n}: {missing.get(n, 'never defined')}" for n in plain) + ").", evidence=tuple(evidence))
    if outcome is None or outcome.status != "sat":
        why = "z3 cannot encode the claim" if outcome is None else f"z3 returned unknown ({outcome.reason_unknown})"
        return Result(claim.id, Verdict.UNDECIDED, f"With the axioms of {names} instantiated, {why}.",
                      evidence=tuple(evidence))
    # Anchors beyond every ground term: their values bound the tails a concrete function may take.
    anchored = instances(axioms, [*prep.hypotheses, prep.goal, UFun("·", (Sym(LO),)), UFun("·", (Sym(HI),))],
                         {*functions, "·"})
    if anchored is not None:
        order = tuple(Rel("<", Sym(LO), g) for g in ground) + tuple(Rel("<", g, Sym(HI)) for g in ground)
        decls = tuple(prep.decls) + (SymbolDecl(LO, "real"), SymbolDecl(HI, "real"))
        more, _ = run_z3(tuple(prep.hypotheses) + order + tuple(anchored[1]), prep.goal, decls, opts, refine=False)
        if more is not None and more.status == "sat":
            return _refute(prep, opts, functions, axioms, tuple(prep.hypotheses) + tuple(anchored[1]), more,
                           evidence)
        if more is not None and more.status == "unknown":  # the budget that ran out is named (docs/budgets.md)
            return _refute(prep, opts, functions, axioms, hyps, outcome, evidence,
                           f"; the z3 call that bounds their tails returned unknown ({more.reason_unknown})")
    return _refute(prep, opts, functions, axioms, hyps, outcome, evidence)


def _refute(prep, opts, functions: dict[str, Undefined], axioms: list[Axiom], hyps: tuple[Term, ...], outcome,
            evidence: list, note: str = "") -> Result:
    claim = prep.claim
    values = dict(outcome.model)
    points: dict[str, dict[Fraction, Fraction]] = {name: {} for name in functions}
    for t in (*hyps, prep.goal):
        for node in walk(t):
            if not (isinstance(node, UFun) and node.name in functions):
                continue
            y = outcome.interpretation.get(to_text(node))
            args = [exact_value(a, values) for a in node.args]
            if y is None or isinstance(y, bool) or None in args or len(args) != 1:
                return _undecided(claim, evidence, "the model's values of the functions at the terms that occur "
                                  "could not all be read exactly (or a function has more than one argument)")
            if points[node.name].setdefault(args[0], y) != y:  # type: ignore[arg-type]
                return _undecided(claim, evidence, "the model's function values were rounded and disagree")
    anchors = {name: {x: y for x, y in p.items() if x in (values.get(LO), values.get(HI))} for name, p in points.items()}
    options = [_candidates(sorted((x, y) for x, y in points[name].items() if x not in anchors[name]),
                           sorted(anchors[name].items())) for name in sorted(functions)]
    tried = 0
    for combo in itertools.product(*options):
        tried += 1
        if tried > MAX_CANDIDATES:
            break
        concrete = dict(zip(sorted(functions), combo))
        checks = [_verify(ax, concrete, values, opts) for ax in axioms]
        if not all(ok for ok, _ in checks):
            continue
        stated_hyps = tuple(_apply(h, concrete) for h in prep.hypotheses) + tuple(
            domain_condition(d) for d in prep.decls)
        conf = numeric.confirm_counterexample(stated_hyps, _apply(prep.goal, concrete), values, opts.dps)
        if conf.status != "confirmed":
            continue
        shown_f = {name: f"{name}(t) = {to_text(substitute(tpl, {ARG: Sym('t')}))}" for name, tpl in concrete.items()}
        verified = [{"axiom": ax.text, "z3": out} for ax, (_, out) in zip(axioms, checks)]
        shown = tuple((k, _text(v)) for k, v in sorted(values.items()) if k not in (LO, HI))
        how = "exact rational arithmetic" if conf.exact else f"mpmath {numeric.mpmath_version()} interval arithmetic"
        ce = Counterexample(shown, conf.evaluations, conf.dps, how + ", with the concrete function(s) substituted")
        text = ", ".join(f"{k} = {v}" for k, v in shown)
        return Result(claim.id, Verdict.FAILS, f"Counterexample {text + ' with ' if text else ''}{'; '.join(shown_f.values())}: z3 proves "
                      f"every axiom for this function over all reals ({len(axioms)} axioms), and the assumptions hold "
                      f"and the statement is false there, confirmed in {how}.", counterexample=ce,
                      evidence=tuple(evidence) + (Evidence("axioms", "concrete function verified", (
                          ("functions", shown_f), ("points", {n: {_text(x): _text(y) for x, y in sorted(p.items())}
                                                              for n, p in sorted(points.items())}),
                          ("axioms", verified))),))
    return _undecided(claim, evidence, f"z3's model of the instantiated axioms fixes the functions at finitely many "
                      f"points, but none of the {min(tried, MAX_CANDIDATES)} concrete functions built through them was "
                      "proved to satisfy every axiom and to refute the claim" + note)


def _undecided(claim, evidence: list, why: str) -> Result:
    return Result(claim.id, Verdict.UNDECIDED, why[0].upper() + why[1:] + ".", evidence=tuple(evidence),
                  losses=("a refutation needs a concrete function proved to satisfy every axiom",))


def _text(v: Fraction) -> str:
    return str(v.numerator) if v.denominator == 1 else f"{v.numerator}/{v.denominator}"


def _apply(t: Term, concrete: dict[str, Term]) -> Term:
    """``t`` with every application of a concrete function replaced by its template at the argument."""
    def visit(node: Term) -> Term | None:
        if isinstance(node, UFun) and node.name in concrete:
            return substitute(concrete[node.name], {ARG: _apply(node.args[0], concrete)})
        return None
    return transform(t, visit)


def _verify(ax: Axiom, concrete: dict[str, Term], values: dict[str, Fraction], opts) -> tuple[bool, str]:
    """Whether z3 proves ``ax`` for the concrete functions over all reals (claim symbols at the model's values)."""
    fixed = {k: Num(v) for k, v in values.items() if k in free_symbols(ax.body) and k not in ax.variables}
    body = substitute(_apply(ax.body, concrete), fixed)
    if free_symbols(body) - set(ax.variables):
        return False, "not checked: the axiom mentions a symbol without a model value"
    decls = tuple(SymbolDecl(v, "real") for v in ax.variables)
    try:
        so = z3b.SolverOptions(seed=opts.seed, rlimit=AXIOM_RLIMIT)
        out = z3_call(z3b.check_implication, [], body, decls, functools.partial(numeric.rigorous_bounds,
                      dps=opts.dps), so, refine=False, extra_side_conditions=False, goal_side_conditions=False,
                      on_stop=lambda why: z3b.stopped(so.rlimit, why, so.seed))
    except Exception as exc:  # an encoding gap is a failed check, never a verified axiom
        return False, f"not checked: {type(exc).__name__}"
    return out.status == "unsat", out.status


def _line(x0: Fraction, y0: Fraction, slope: Fraction) -> Term:
    return Add((num(y0), Mul((num(slope), Add((Sym(ARG), num(-x0)))))))


def _saturating(x0: Fraction, y0: Fraction, c: Fraction, right: bool) -> Term:
    """``y0 + c*d/(1 + d)`` with ``d = |t - x0|`` on the tail side: monotone, bounded by ``y0 + c``, slope ``c`` at x0."""
    d = Add((Sym(ARG), num(-x0))) if right else Add((num(x0), Mul((num(-1), Sym(ARG)))))
    sign = c if right else -c
    return Add((num(y0), Mul((num(sign), d, Pow(Add((num(1), d)), num(-1))))))


def _candidates(pts: list[tuple[Fraction, Fraction]], anchors: list[tuple[Fraction, Fraction]]) -> list[Term]:
    """Concrete functions (templates in ``ARG``) through ``pts``: piecewise linear inside, with each tail kind;
    ``anchors`` (model points beyond the others) give saturating tails their limits, or are interpolated too."""
    if not pts:
        return [num(0), Sym(ARG)]
    out = _through(pts, anchors) + (_through(sorted(pts + anchors), []) if anchors else [])
    return list(dict.fromkeys(out))


def _through(pts: list[tuple[Fraction, Fraction]], anchors: list[tuple[Fraction, Fraction]]) -> list[Term]:
    (x1, y1), (xn, yn) = pts[0], pts[-1]
    s_left = (pts[1][1] - y1) / (pts[1][0] - x1) if len(pts) > 1 else Fraction(0)
    s_right = (yn - pts[-2][1]) / (xn - pts[-2][0]) if len(pts) > 1 else Fraction(0)
    tails: list[tuple[Term, Term]] = [(num(y1), num(yn)), (_line(x1, y1, s_left), _line(xn, yn, s_right))]
    if len(pts) == 1:
        tails += [(_line(x1, y1, Fraction(s)), _line(xn, yn, Fraction(s))) for s in (1, -1)]
        slopes = [Fraction(1), Fraction(-1), Fraction(1, 1000), Fraction(-1, 1000)]
        tails += [(_saturating(x1, y1, c, False), _saturating(xn, yn, c, True)) for c in slopes]
    else:
        for k in (1, 10, 1000):
            tails.append((_saturating(x1, y1, s_left / k, False), _saturating(xn, yn, s_right / k, True)))
    if len(anchors) == 2:  # tails that tend to the anchors' values
        (_, a_lo), (_, a_hi) = anchors
        tails.insert(0, (_saturating(x1, y1, y1 - a_lo, False), _saturating(xn, yn, a_hi - yn, True)))
    out = []
    for left, right in tails:
        body = right
        for (xa, ya), (xb, yb) in reversed(list(zip(pts, pts[1:]))):
            body = Ite(Rel("<=", Sym(ARG), num(xb)), _line(xa, ya, (yb - ya) / (xb - xa)), body)
        out.append(Ite(Rel("<=", Sym(ARG), num(x1)), left, body))
    return out
