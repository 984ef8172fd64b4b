"""Identities that hold once power bases are known positive: ``(y**(1/a))**a == y`` for ``y > 0``.

SymPy combines ``(y**b)**c`` into ``y**(b*c)`` and ``log(y**b)`` into ``b*log(y)`` only for a base it knows
to be positive, and it knows that only from symbol assumptions: ``-log(1 - p)`` with ``0 < p < 1`` is positive,
but SymPy cannot see it. ``positive_base_identity`` asks SymPy whether ``lhs - rhs`` reduces to 0 once the
non-integer power bases are replaced by positive symbols (``symbolic.identity_given_positive``), and only then
asks z3 to prove each base SymPy relied on positive wherever the assumptions and domains hold. The identity
counts only when every one of those proofs is ``unsat``: a base that can be 0 or negative stops the rule.
"""

from __future__ import annotations

from typing import Callable

from ..model.terms import Const, Func, Num, Pow, Rel, Term, num, walk
from ..model.verdict import Evidence
from ..symbolic import sympy_layer as symbolic

#: At most this many distinct power bases are offered to SymPy (each one it relies on costs a z3 proof).
MAX_POSITIVE_BASES = 6


def power_bases(*terms: Term) -> tuple[Term, ...]:
    """The distinct bases of the non-integer powers (and square roots) in ``terms``, in first-seen order,
    numbers and constants left out; at most ``MAX_POSITIVE_BASES`` (none at all beyond that)."""
    out: list[Term] = []
    for t in terms:
        for node in walk(t):
            if isinstance(node, Pow) and not (isinstance(node.exp, Num) and node.exp.value.denominator == 1):
                base = node.base
            elif isinstance(node, Func) and node.name == "sqrt":
                base = node.args[0]
            else:
                continue
            if not isinstance(base, (Num, Const)) and base not in out:
                out.append(base)
    return tuple(out) if len(out) <= MAX_POSITIVE_BASES else ()


def positive_base_identity(prep, opts, run_z3: Callable) -> tuple[tuple[Term, ...], list[Evidence], list] | None:
    """``(bases, evidence, outcomes)`` when ``prep.goal``'s two sides are equal wherever each base in ``bases`` is
    positive (SymPy) and z3 proves every such base positive under the assumptions and domains (``evidence`` and
    ``outcomes`` are those proofs); None otherwise. ``run_z3`` is ``engine.check._run_z3``."""
    goal = prep.goal
    bases = power_bases(goal.lhs, goal.rhs)
    if not bases:
        return None
    used = symbolic.identity_given_positive(goal.lhs, goal.rhs, prep.decls, bases)
    if not used:
        return None
    evidence: list[Evidence] = []
    outcomes = []
    for b in used:
        outcome, ev = run_z3(prep.hypotheses, Rel(">", b, num(0)), prep.decls, opts, refine=False)
        if outcome is None or outcome.status != "unsat":
            return None
        evidence.extend(ev)
        outcomes.append(outcome)
    return used, evidence, outcomes


__all__ = ["MAX_POSITIVE_BASES", "positive_base_identity", "power_bases"]
