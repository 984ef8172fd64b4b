"""Can a set of statements hold together? A model, or a minimal set that cannot.

``check_together`` asserts every named statement (each with the side
conditions that make its own terms defined, tracked as one group) together with
the symbols' domains and the encoder's true lemmas, and asks z3:

- ``unsat``: the statements cannot all hold. The unsat core is shrunk by
  deletion: a member is dropped when the others are still ``unsat`` without
  it. The core is *minimal* when every remaining member, dropped in turn,
  leaves a set z3 finds ``sat``; otherwise it is reported as not proved minimal.
- ``sat``: a model, with the undefined predicates and functions as a truth
  table. When transcendental terms were abstracted the model is only a
  candidate (``exact`` is False): the caller must re-check it.
- ``unknown``: the budget ran out.

All the checks of one request share the enclosing ``z3_backend.claim_budget`` (``engine.conflicts`` opens one
per request and runs the request in the z3 worker process, under its CPU-time backstop): each check gets what
is left, as a claim's solver calls do, and a check that cannot run counts as not ``unsat``.

Shared symbols take one value across all statements ("at the same values").
Symbols listed in ``for_all`` are universally quantified inside each statement
separately; that is only sound without abstracted transcendental terms of
those symbols, so such a request raises ``UnsupportedConstruct``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Sequence

import z3

from ..errors import UnsupportedConstruct
from ..model.claim import SymbolDecl, domain_condition
from ..model.terms import Func, Pow, Term, free_symbols, walk
from .z3_backend import (BoundFn, SolverOptions, _allowance, _charge, _Encoder, _rlimit_count, _to_fraction, _unknown_reason,
                         is_hard, new_solver, run_check, z3_version)


@dataclass(frozen=True)
class Together:
    """The answer: ``status`` is ``"consistent"``, ``"inconsistent"`` or ``"unknown"``."""

    status: str
    core: tuple[str, ...] = ()
    minimal: bool = False
    model: dict[str, Fraction] = field(default_factory=dict)
    interpretation: dict[str, "Fraction | bool"] = field(default_factory=dict)
    exact: bool = True
    reason: str = ""
    checks: int = 0
    version: str = ""


def _transcendental_in(t: Term, names: set[str]) -> bool:
    for node in walk(t):
        if isinstance(node, Func) and node.name in ("exp", "log") and free_symbols(node) & names:
            return True
        if isinstance(node, Pow) and free_symbols(node) & names:
            return True
    return False


def check_together(statements: Sequence[tuple[str, Term]], decls: Sequence[SymbolDecl], bound_of: BoundFn,
                   options: SolverOptions = SolverOptions(), for_all: Sequence[str] = ()) -> Together:
    """Decide whether ``statements`` (name, Boolean term) can all hold at once; see the module docstring."""
    universal = set(for_all)
    enc = _Encoder(decls, bound_of)
    groups: list[tuple[str, z3.BoolRef]] = []
    for name, term in statements:
        if universal and _transcendental_in(term, universal):
            raise UnsupportedConstruct(f"statement {name}: a power, exp or log of a universally quantified symbol "
                                       "cannot be quantified soundly here")
        body = enc.boolean(term)
        sides = [c for _, c in enc.side_conditions([term])]
        formula = z3.And(body, *sides) if sides else body
        bound = sorted(universal & free_symbols(term))
        if bound:
            # an integral symbol is encoded as ToReal(Int(n)): z3 quantifies over the Int constant itself
            xs = [x.arg(0) if z3.is_to_real(x) else x for x in (enc.symbol(n) for n in bound)]
            domains = [enc.boolean(domain_condition(d)) for d in decls if d.name in bound]
            formula = z3.ForAll(xs, z3.Implies(z3.And(*domains), formula) if domains else formula)
        groups.append((name, formula))
    domains = [enc.boolean(domain_condition(d)) for d in decls if d.name not in universal]
    lemmas = [l for _, l in enc.lemmas()]
    hard = is_hard([t for _, t in statements], decls)
    checks = 0

    why_unknown = ""

    def solve(members: Sequence[int]) -> tuple[z3.CheckSatResult, z3.Solver | None, dict[str, int]]:
        nonlocal checks, why_unknown
        rlimit, bounded_by = _allowance(options.rlimit, hard)
        if rlimit <= 0:
            why_unknown = f"not run: {bounded_by} is spent"
            return z3.unknown, None, {}
        checks += 1
        s = new_solver(enc.ctx, options, rlimit, roots=bool(enc.root_defs), hard=hard)
        s.add(*domains, *lemmas)
        trackers: dict[str, int] = {}
        for i in members:
            tag = f"track!{i}"
            s.assert_and_track(groups[i][1], z3.Bool(tag, enc.ctx))
            trackers[tag] = i
        answer = run_check(s)
        used = _rlimit_count(s)
        _charge(used)
        if answer == z3.unknown:
            why_unknown = _unknown_reason(s, used, rlimit, bounded_by, options)
        return answer, s, trackers

    everything = list(range(len(groups)))
    answer, solver, trackers = solve(everything)
    if answer == z3.sat:
        model = solver.model()
        for _ in range(options.refinement_rounds):
            extra = enc.refinement_lemmas(model)
            if not extra:
                break
            lemmas.extend(l for _, l in extra)
            answer, solver, trackers = solve(everything)
            if answer != z3.sat:
                break
            model = solver.model()
    if answer == z3.sat:
        model = solver.model()
        values, _ = enc.read_model(model)
        values = {k: v for k, v in values.items() if k not in universal}
        return Together("consistent", model=values, interpretation=enc.read_interpretation(model),
                        exact=not enc.atom_texts, checks=checks, version=z3_version())
    if answer != z3.unsat:
        return Together("unknown", reason=why_unknown, checks=checks, version=z3_version())
    core = sorted(trackers[str(b)] for b in solver.unsat_core())
    # Deletion-based shrinking: drop a member whenever the rest stays unsat.
    i = 0
    while i < len(core):
        trial = core[:i] + core[i + 1:]
        ans, s, tr = solve(trial)
        if ans == z3.unsat:
            core = sorted(tr[str(b)] for b in s.unsat_core())
            i = 0
            continue
        i += 1
    minimal = True
    for i in range(len(core)):
        ans, _, _ = solve(core[:i] + core[i + 1:])
        if ans != z3.sat:
            minimal = False
    return Together("inconsistent", core=tuple(groups[i][0] for i in core), minimal=minimal, checks=checks,
                    version=z3_version())


__all__ = ["Together", "check_together"]
