"""Fixed costs per claim stay small, and a warm re-run imports no engine.

Times are CPU seconds of this process, compared as a ratio with a baseline measured in the same test run
(never an absolute time: the machine may be loaded).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from formal_emergence.engine.check import CheckOptions
from formal_emergence.engine.run import check_all
from formal_emergence.model.verdict import Verdict

#: A trivial claim may cost at most this many times one bare z3 query in a fresh context (1.3 on 2026-12-02,
#: 2.1 before its no-op vacuity query and exp/log enclosures were dropped).
MAX_TRIVIAL_RATIO = 5
TRIVIAL = 40


def _bare_z3_query() -> None:
    import z3
    ctx = z3.Context()
    solver = z3.Solver(ctx=ctx)
    x = z3.Real("x", ctx)
    solver.add(x * x + 1 <= 0)
    assert solver.check() == z3.unsat


def _cpu(fn) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def test_a_batch_of_trivial_claims_costs_a_few_bare_z3_queries_each(load_claims, claim_toml):
    text = "".join(claim_toml(f"t.c{i:03d}", f'symbols = {{ x = "real" }}\nshow = "x**2 + {i + 1} > 0"')
                   for i in range(TRIVIAL))
    claims = [c for c in load_claims(text).claims if c.id.startswith("t.c")]
    check_all(claims[:2], CheckOptions())  # warm-up: first-use costs of the libraries
    results: list = []
    batch = _cpu(lambda: results.extend(check_all(claims, CheckOptions())))
    bare = _cpu(lambda: [_bare_z3_query() for _ in range(TRIVIAL)])
    assert [r.verdict for _, r in results] == [Verdict.HOLDS] * TRIVIAL
    assert batch / bare < MAX_TRIVIAL_RATIO, f"{batch:.2f} s for {TRIVIAL} trivial claims vs {bare:.2f} s bare z3"


def test_a_warm_rerun_imports_neither_sympy_nor_z3_nor_mpmath(write_claims, claim_toml, cli_run, tmp_path,
                                                             monkeypatch):
    path = write_claims(claim_toml("t.warm", 'symbols = { x = "positive" }\nassume = ["x > 1"]\n'
                                             'show = "log(x) > 0"'))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    argv = ["check", str(path), "--claim", "t.warm", "--format", "json"]
    code, cold, _ = cli_run(argv)  # fills the cache (in this process, where the engines are imported already)
    assert code == 0 and '"holds"' in cold
    probe = ("import sys, io; from formal_emergence import cli; out = io.StringIO(); "
             f"code = cli.run({argv!r}, out, sys.stderr); "
             "print(code, [m for m in ('sympy', 'z3', 'mpmath', 'numpy') if m in sys.modules]); "
             "print(out.getvalue(), end='')")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    warm = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    head, output = warm.stdout.split("\n", 1)
    assert head == "0 []"
    assert output == cold


def test_a_query_asked_again_inside_reuse_is_answered_from_the_memo(monkeypatch):
    """``engine.check.reuse``: the same z3 query is solved once inside the block, every time outside it."""
    from formal_emergence.engine import check as engine
    from formal_emergence.model.claim import SymbolDecl
    from formal_emergence.parse.expr import Scope, parse_expression
    calls = []
    real = engine.z3_call  # each z3 query goes through it to the z3 worker (a patched z3b function would not)
    monkeypatch.setattr(engine, "z3_call", lambda *a, **k: calls.append(1) or real(*a, **k))
    scope = Scope(symbols=frozenset({"x"}))
    hyps, goal = (parse_expression("x > 1", scope, expect_boolean=True),), parse_expression("x**2 > 1", scope,
                                                                                             expect_boolean=True)
    decls = (SymbolDecl("x", "real"),)
    with engine.reuse():
        first = engine._run_z3(hyps, goal, decls, CheckOptions())
        again = engine._run_z3(hyps, goal, decls, CheckOptions())
        other = engine._run_z3(hyps, goal, decls, CheckOptions(seed=1))
    assert len(calls) == 2 and first == again and first[0].status == "unsat" and other[0].seed == 1
    engine._run_z3(hyps, goal, decls, CheckOptions())
    assert len(calls) == 3


def test_a_z3_query_in_its_helper_thread_does_not_fault_its_context_in_again():
    """``cli.keep_z3_memory`` (called by ``cli.main``) has glibc's malloc keep z3's memory: a query, asked in its helper thread as the engine asks
    it (``z3_backend.run_check``), reuses the memory of the previous context instead of faulting about 16 MB in
    again (4,100 minor page faults and 11-13 ms of system CPU per query once SymPy was imported, before). In a
    fresh process, as the command line runs (this test process has made threads and arenas of its own)."""
    import pytest
    if not sys.platform.startswith("linux"):
        pytest.skip("mallopt is glibc's")
    probe = """
import resource, sympy, z3
from formal_emergence.engine import check
from formal_emergence.solver.z3_backend import run_check
from formal_emergence.cli import keep_z3_memory
keep_z3_memory()  # as cli.main does
def query():
    ctx = z3.Context(); solver = z3.Solver(ctx=ctx); x = z3.Real("x", ctx); solver.add(x * x + 1 <= 0)
    assert run_check(solver) == z3.unsat
query()
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(20):
    query()
print((resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before) / 20)
"""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    per_query = float(out.stdout)
    assert per_query < 500, f"{per_query:.0f} minor page faults per z3 query"
