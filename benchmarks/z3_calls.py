"""Record every z3 solver call of a run, and replay them with other solver settings (session 10).

    # record: the CLI as usual, each ``engine.budget.z3_call`` (claim id, function, arguments, ledger state,
    # outcome, z3 worker CPU) pickled to CALLS when the run ends
    PYTHONPATH=$PWD python benchmarks/z3_calls.py record CALLS check --format json -o /tmp/cat.json --no-cache --jobs 1
    # replay each recorded call in the z3 worker from its recorded ledger state, with extra solver parameters,
    # and print the calls whose answer or model differs from the recording (with --rlimit: or rlimit_used)
    PYTHONPATH=$PWD python benchmarks/z3_calls.py replay CALLS [--rlimit] [arith.nl.grobner=false ...]

A replay of the recording on the code that made it gives every answer and model again (964 calls of the
catalog, session 10), so a setting can be judged on all of the catalog's calls in about 25 s of z3 CPU instead of
a catalog run. The pickles are local scratch data (they hold the claims' terms), not inputs of the package.
"""

from __future__ import annotations

import atexit
import pickle
import sys


def _summary(out):
    """An ``Outcome`` of z3_backend, or a ``Together`` of solver.conflicts (a consistency request: no rlimit count)."""
    if out is None:
        return None
    return (out.status, getattr(out, "rlimit_used", None), getattr(out, "reason_unknown", getattr(out, "reason", "")),
            tuple(sorted(out.model.items())))


def _function(name: str):
    from formal_emergence.solver import conflicts, z3_backend
    return getattr(z3_backend, name, None) or getattr(conflicts, name)


def record(path: str, argv: list[str]) -> None:
    from formal_emergence.engine import axioms, budget, check
    from formal_emergence.solver import z3_backend as z3b
    from formal_emergence.symbolic import worker
    calls: list = []
    claims: list[str] = []
    call, check_claim = budget.z3_call, check.check_claim

    def recorded(fn, *args, on_stop, **kwargs):
        account = worker._accounts["z3"].get()
        before, state = (account.left if account else None), z3b.ledger_state()
        out = call(fn, *args, on_stop=on_stop, **kwargs)
        cpu = before - account.left if account else None
        calls.append((claims[-1] if claims else None, fn.__name__, args, kwargs, state, _summary(out), cpu))
        return out

    def tracked(claim, *args, **kwargs):
        claims.append(claim.id)
        try:
            return check_claim(claim, *args, **kwargs)
        finally:
            claims.pop()

    budget.z3_call = check.z3_call = axioms.z3_call = recorded
    check.check_claim = tracked
    atexit.register(lambda: pickle.dump(calls, open(path, "wb")))
    from formal_emergence.cli import main
    sys.argv = ["formal_emergence", *argv]
    main()


def replay(path: str, params: list[str]) -> None:
    strict = "--rlimit" in params  # also report calls whose rlimit_used differs
    params = [p for p in params if p != "--rlimit"]
    from formal_emergence.engine import budget
    from formal_emergence.solver import z3_backend as z3b
    calls = pickle.load(open(path, "rb"))
    extra = {k: {"true": True, "false": False}.get(v, v) for k, v in (p.split("=", 1) for p in params)}
    new_solver = z3b.new_solver

    def with_params(*args, **kwargs):
        solver = new_solver(*args, **kwargs)
        for k, v in extra.items():
            solver.set(k, v)
        return solver

    z3b.new_solver = with_params  # before the z3 worker is forked, so it has it too
    differ = 0
    for i, (cid, fn, args, kwargs, state, recorded, _) in enumerate(calls):
        total, left = state[:2] if state else (6_000_000, 6_000_000)
        with z3b.claim_budget(total) as ledger, budget.z3_claim_cpu() as cpu:
            ledger.left = left
            out = _summary(budget.z3_call(_function(fn), *args, **kwargs,
                                          on_stop=lambda why: z3b.stopped(total, why)))
        if (out and (out[0], out[3])) != (recorded and (recorded[0], recorded[3])) or (
                strict and out and recorded and out[1] != recorded[1]):
            differ += 1
            print(i, cid, fn, "recorded", recorded and recorded[:2], "now", out and out[:3], f"{cpu.used:.2f} s")
    print(f"{differ} of {len(calls)} calls differ")


if __name__ == "__main__":
    {"record": lambda: record(sys.argv[2], sys.argv[3:]), "replay": lambda: replay(sys.argv[2], sys.argv[3:])}[
        sys.argv[1]]()
