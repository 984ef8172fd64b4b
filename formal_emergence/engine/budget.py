"""Deterministic size budgets checked before any engine runs.

Definitions can nest so that a 2 KB file expands to a term of 2**24 nodes
(each definition calling the previous one twice). ``expanded_size`` computes
the node count of the fully expanded statement without building it, in time
linear in the size of the definitions, so the engine can refuse the claim as
``undecided`` with the budget named instead of running out of memory.
"""

from __future__ import annotations

from typing import Iterable, Mapping

from ..model.claim import Definition
from ..model.terms import Pred, Sym, Term, UFun, children

#: Node budget of a claim after definition expansion (the parser allows 2000 nodes per expression).
MAX_EXPANDED_NODES = 50_000

#: A size as a linear form: (constant, {parameter: coefficient}); the value at given argument sizes
#: is constant + sum(coefficient * size). Numbers saturate just above the cap.
_Form = tuple[int, dict[str, int]]


def _add(a: _Form, b: _Form, scale: int, cap: int) -> _Form:
    const = min(a[0] + scale * b[0], cap + 1)
    coef = dict(a[1])
    for p, c in b[1].items():
        coef[p] = min(coef.get(p, 0) + scale * c, cap + 1)
    return const, coef


def _form(t: Term, params: frozenset[str], defs: Mapping[str, tuple[tuple[str, ...], _Form]], cap: int) -> _Form:
    """The expanded size of ``t`` as a linear form in the sizes of the arguments bound to ``params``."""
    if isinstance(t, Sym) and t.name in params:
        return 0, {t.name: 1}
    if isinstance(t, (Pred, UFun)) and t.name in defs:
        names, body = defs[t.name]
        out: _Form = (body[0], {})
        for name, arg in zip(names, t.args):
            out = _add(out, _form(arg, params, defs, cap), body[1].get(name, 0), cap)
        return out
    out = (1, {})
    for child in children(t):
        out = _add(out, _form(child, params, defs, cap), 1, cap)
    return out


def expanded_size(terms: Iterable[Term], definitions: Iterable[Definition], cap: int = MAX_EXPANDED_NODES) -> int:
    """Nodes of ``terms`` once every call of ``definitions`` is expanded (saturates at ``cap + 1``).

    ``definitions`` must list every definition after the ones it uses (the loader's order).
    """
    defs: dict[str, tuple[tuple[str, ...], _Form]] = {}
    for d in definitions:
        defs[d.name] = (tuple(d.params), _form(d.body, frozenset(d.params), defs, cap))
    total = 0
    for t in terms:
        total = min(total + _form(t, frozenset(), defs, cap)[0], cap + 1)
    return total
