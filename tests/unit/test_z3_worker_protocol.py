"""The z3 worker's protocol (``engine.budget.z3_call`` over ``symbolic.worker``), read as a reviewer: what a call
charges when it raises, when the worker dies, nested claim budgets, and the state a freshly forked worker starts
with."""

from __future__ import annotations

import os
import signal

from formal_emergence.engine import budget
from formal_emergence.model.claim import SymbolDecl
from formal_emergence.parse.expr import Scope, parse_expression
from formal_emergence.solver import z3_backend as z3b
from formal_emergence.symbolic import worker

import pytest

from formal_emergence.errors import UnsupportedConstruct

SCOPE = Scope(symbols=frozenset({"x"}), predicates={}, functions={})
REALS = [SymbolDecl("x", "real")]
OPTIONS = z3b.SolverOptions(rlimit=6_000_000)


def _no_bounds(term):
    return None


def _stop(why):
    return z3b.stopped(OPTIONS.rlimit, why, OPTIONS.seed)


def _check_then_raise() -> None:
    """One real solver call (charged to the ledger), then an exception that is not an UnsupportedConstruct."""
    z3b.check_implication([], parse_expression("x*x >= 0", SCOPE), REALS, _no_bounds, OPTIONS)
    raise ZeroDivisionError("after the check")


def _check_then_crash() -> None:
    z3b.check_implication([], parse_expression("x*x >= 0", SCOPE), REALS, _no_bounds, OPTIONS)
    os.kill(os.getpid(), signal.SIGTERM)


def _accounts_in_worker() -> tuple:
    return tuple(worker._accounts[b].get() is None for b in worker.BUDGETS)


def test_an_exception_in_the_worker_is_charged_to_the_ledger():
    """The rlimit the call spent before raising comes back with the error (it was lost before)."""
    with z3b.claim_budget(6_000_000) as ledger:
        with pytest.raises(UnsupportedConstruct, match="z3 failed with ZeroDivisionError: after the check"):
            budget.z3_call(_check_then_raise, on_stop=_stop)
        assert ledger.calls == 1 and 0 < ledger.used < ledger.total


def test_a_crashed_worker_gives_unknown_and_spends_the_claims_rlimit():
    """A worker killed by a signal other than its CPU limit: the call is ``unknown`` naming the z3 worker (not
    "SymPy"), and, since what it spent is unknown, the claim's rlimit is spent (as for a CPU stop)."""
    with z3b.claim_budget(6_000_000) as ledger:
        out = budget.z3_call(_check_then_crash, on_stop=_stop)
        assert out.status == "unknown"
        assert out.reason_unknown == f"the z3 worker process stopped with signal {int(signal.SIGTERM)} (z3 gave no answer)"
        assert ledger.left == 0
        after = budget.z3_call(z3b.check_implication, [], parse_expression("x*x >= 0", SCOPE), REALS, _no_bounds,
                               OPTIONS, on_stop=_stop)
        assert after.status == "unknown" and after.reason_unknown.startswith("not run:")  # a new worker, no budget


def test_nested_claim_budgets_share_one_account():
    """A claim checked on behalf of another (``check_claim`` inside ``check_claim``) spends its caller's SymPy and
    z3 CPU budget; it used to open a fresh 40 s SymPy account for every nested claim."""
    with worker.claim_budget(40.0) as outer:
        with worker.claim_budget(40.0) as inner:
            assert inner is outer
            inner.left -= 5
        assert outer.used == 5
    with worker.claim_budget(40.0) as fresh:
        assert fresh is not outer and fresh.used == 0


def test_a_worker_forked_inside_a_claim_starts_without_its_accounts():
    """The worker is forked on first use, from inside some claim's budgets: it must not keep (a copy of) them."""
    worker.shutdown()
    with worker.claim_budget(40.0), worker.claim_budget(20.0, budget="z3"):
        assert worker.call(_accounts_in_worker, cpu_seconds=5, budget="z3") == (True, True)
    worker.shutdown()
