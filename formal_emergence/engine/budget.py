"""Deterministic size budgets checked before any engine runs, and z3's CPU-time backstop (``z3_call``).

Definitions can nest so that a 2 KB file expands to a term of 2**24 nodes
(each definition calling the previous one twice). ``expanded_size`` computes
the node count of the fully expanded statement without building it, in time
linear in the size of the definitions, so the engine can refuse the claim as
``undecided`` with the budget named instead of running out of memory.
"""

from __future__ import annotations

import contextlib
from typing import Any, Callable, Iterable, Mapping, TypeVar

from ..errors import UnsupportedConstruct
from ..model.claim import Definition
from ..model.terms import Pred, Sym, Term, UFun, children

#: Node budget of a claim after definition expansion (the parser allows 2000 nodes per expression).
MAX_EXPANDED_NODES = 50_000

#: A size as a linear form: (constant, {parameter: coefficient}); the value at given argument sizes
#: is constant + sum(coefficient * size). Numbers saturate just above the cap.
_Form = tuple[int, dict[str, int]]
T = TypeVar("T")


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


# ---------------------------------------------------------------- z3's CPU-time backstop

#: CPU seconds of one z3 solver call (its encoding, its checks and refinement rounds), and of all the z3 calls of
#: one claim together. The rlimit (``z3_backend.claim_budget``) decides every outcome of the bundled and test
#: claims, but not all of z3's work counts rlimit units: nlsat's root isolation (resultants of growing degree) and
#: the LP's exact rational pivots can run for minutes between two ticks (fuzz seed 20261204: c336, c394, c1349,
#: c1444, c1870, c2117, c2270, c3235). So each call runs in a worker process (``symbolic.worker``, budget ``"z3"``)
#: under ``RLIMIT_CPU``: CPU time, never wall-clock time, and nothing of the calling process's signals or timers.
#: A backstop, far above what the rlimit takes: the bundled catalog's largest claim uses about 1.2 s of z3 CPU (session 10).
Z3_CALL_CPU_SECONDS = 20.0
Z3_CLAIM_CPU_SECONDS = 20.0


def z3_claim_cpu() -> "contextlib.AbstractContextManager[None]":
    """The context of one claim's z3 work: all its ``z3_call``s together get ``Z3_CLAIM_CPU_SECONDS`` of CPU."""
    from ..symbolic import worker
    return worker.claim_budget(Z3_CLAIM_CPU_SECONDS, budget="z3")


def z3_call(fn: Callable[..., T], *args: Any, on_stop: Callable[[str], T], **kwargs: Any) -> T:
    """``fn(*args, **kwargs)``, a function of ``solver.z3_backend``, in the z3 worker process under
    ``Z3_CALL_CPU_SECONDS`` of CPU (and what is left of ``z3_claim_cpu``), with the claim's rlimit ledger carried
    there and back. Arguments and result are pickled (``bound_of`` functions must be module-level or partials).
    When the CPU budget runs out, ``on_stop(reason)`` is returned (the reason names the budget, and not the
    seconds measured, so it is the same text whichever limit stopped the call); an
    ``UnsupportedConstruct`` of ``fn`` is raised here. Results are the same as calling ``fn`` in this process."""
    from ..solver import z3_backend as z3b
    from ..symbolic import worker
    try:
        kind, value, state = worker.call(z3b.in_ledger, z3b.ledger_state(), fn, args, kwargs,
                                         cpu_seconds=Z3_CALL_CPU_SECONDS, what="z3", budget="z3")
    except worker.CpuBudgetExceeded:  # the call's limit, or what was left of the claim's: the same words for both
        return on_stop(f"z3 ran out of its CPU-time budget ({Z3_CALL_CPU_SECONDS:g} s per call, "
                       f"{Z3_CLAIM_CPU_SECONDS:g} s per claim)")
    except worker.WorkerStopped as exc:  # a crash: what the call spent is unknown, so it is charged like a stop
        return on_stop(f"{exc} (z3 gave no answer)")
    z3b.set_ledger_state(state)
    if kind == "unsupported":
        raise UnsupportedConstruct(value)
    if kind == "error":  # charged above, like any other call; never a verdict
        raise UnsupportedConstruct(f"z3 failed with {value}")
    return value
