"""Budgets that hold and do not depend on the clock (issue 8 item 5): refinement rounds within the call's rlimit,
``positive_bases`` bounded by rlimit only, quantifier elimination under CPU time in the worker, Ctrl-C during a
z3 check, and the CPU-time backstop of z3 calls in the z3 worker."""

from __future__ import annotations

import json
import functools
from fractions import Fraction
import os
import resource
import signal
import threading
import time

import pytest
import z3

from formal_emergence.engine import budget, conditions
from formal_emergence.errors import UnsupportedConstruct
from formal_emergence.model.claim import SymbolDecl
from formal_emergence.numeric.evaluate import rigorous_bounds
from formal_emergence.parse.expr import Scope, parse_expression
from formal_emergence.solver import z3_backend as z3b
from formal_emergence.symbolic import worker

SCOPE = Scope(symbols=frozenset({"x", "y", "a", "b", "n"}), predicates={}, functions={})
REALS = [SymbolDecl(n, "real") for n in "xyabn"]


def t(text: str):
    return parse_expression(text, SCOPE)


def test_refinement_rounds_share_the_calls_rlimit():
    """Fuzz case c806 (6-budget/b17): z3 counts a solver's rlimit per ``check``, so each refinement round had
    the full allowance again; the third check of this hard call took 21 s of CPU and 1,417,868 units of an
    allowance of 750,000. Now all the checks of one call together stay within it."""
    o = z3b.check_implication([t("x > 1/10")], t("not ((y**(y + 1/3))**x - abs(y**(16/5)) == -1/2)"),
                              [SymbolDecl("x", "posint"), SymbolDecl("y", "unit")],
                              lambda u: rigorous_bounds(u, 30), z3b.SolverOptions(rlimit=6_000_000))
    assert o.rlimit == 6_000_000 // z3b.HARD_SHARE
    assert o.rlimit_used <= o.rlimit * 1.01  # z3 stops a few units past the limit
    assert o.status == "unknown" and "rlimit 750000 exhausted" in o.reason_unknown


def test_positive_bases_has_no_wall_clock_limit(monkeypatch):
    """Its proofs are bounded by rlimit only (it had a 2 s wall-clock limit, whose outcome under load changed the
    encoding): every solver it makes has the ordinary backstop and at most ``POSITIVE_BASE_RLIMIT`` units."""
    seen: list[tuple[str, object]] = []
    original = z3.Solver.set

    def spy(self, *args, **kw):
        seen.extend(zip(args[::2], args[1::2]))
        seen.extend(kw.items())
        return original(self, *args, **kw)

    monkeypatch.setattr(z3.Solver, "set", spy)
    options = z3b.SolverOptions()
    out = z3b.positive_bases([t("x > 0")], t("x**y + (a**2 + 1)**b >= 0"), REALS, options)
    assert out == frozenset({t("x"), t("a**2 + 1")})
    assert [v for k, v in seen if k == "timeout"] == [options.timeout_ms] * 2
    assert all(v <= z3b.POSITIVE_BASE_RLIMIT for k, v in seen if k == "rlimit") and ("rlimit", 0) not in seen


LONG_QE = ([t("x**2 + y**2 <= 1"), t("x >= 0")], t("a*x**3 + b*y**3 + n*x*y**2 + a*b*x <= 1"), ["a", "b", "n"])


def _qe2_under_context_rlimit(hyps, goal, keep) -> str:
    """qe2 on ``forall x, y: hyps => goal`` in a context with an rlimit of 1000 units (run in the worker)."""
    ctx = z3.Context(rlimit=1000)
    v = {n: z3.Real(n, ctx) for n in "xyabn"}
    x, y, a, b, n = (v[k] for k in "xyabn")
    g = z3.Goal(ctx=ctx)
    g.add(z3.ForAll([x, y], z3.Implies(z3.And(x * x + y * y <= 1, x >= 0), a * x**3 + b * y**3 + n * x * y * y + a * b * x <= 1)))
    try:
        return str(z3.Tactic("qe2", ctx=ctx)(g))
    except z3.Z3Exception as exc:
        return f"stopped: {exc}"


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def test_rlimit_does_not_stop_qe2():
    """Why quantifier elimination is bounded by CPU time: z3's qe2 ignores an rlimit of 1000 units (its nlsat
    projection computes resultants with no rlimit tick), so the worker's CPU limit has to stop it. If a later z3
    stops it here, the elimination could take a deterministic rlimit instead."""
    worker.shutdown()  # a fresh worker, forked after this module was imported
    with pytest.raises(worker.CpuBudgetExceeded, match="exceeded its CPU-time budget of 1 s"):
        worker.call(_qe2_under_context_rlimit, *LONG_QE, cpu_seconds=1, what="qe2")


def test_quantifier_elimination_stops_at_its_cpu_budget():
    """The engine's elimination runs in the worker under ``cpu_seconds`` of CPU: a long qe2 gives None once the
    kernel stops it (CPU time, not wall-clock time), and the caller's process is not held up."""
    worker.shutdown()
    before = _children_cpu()
    hyps, goal, keep = LONG_QE
    assert conditions.eliminate_quantifiers(hyps, goal, REALS, keep, z3b.SolverOptions(), cpu_seconds=1) is None
    worker.shutdown()  # reap the killed worker's replacement, so its CPU is counted
    used = _children_cpu() - before
    assert 1 <= used < 4  # RLIMIT_CPU in whole seconds (rounded up), plus the kernel's second


def test_quantifier_elimination_in_the_worker_gives_the_condition():
    out = conditions.eliminate_quantifiers([], t("x**2 + a >= 0"), REALS, ["a"], z3b.SolverOptions())
    assert out == t("0 <= a")
    assert conditions.QE_CPU_SECONDS >= 10  # a backstop: the catalog's eliminations take milliseconds


def _factoring_solver() -> z3.Solver:
    ctx = z3.Context()
    p, q = z3.Ints("p q", ctx)
    s = z3b.new_solver(ctx, z3b.SolverOptions(), 10**9, roots=False, hard=True)
    s.add(p > 1, q > 1, p <= q, p * q == 1000000007 * 998244353)  # nonlinear integer factoring: minutes
    return s


def test_ctrl_c_stops_a_running_check():
    """Solvers have ``ctrl_c`` off (z3 would turn Ctrl-C into an ``unknown`` answer); ``run_check`` still stops a
    long check at once and raises KeyboardInterrupt, instead of waiting for the rlimit."""
    assert threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    timer = threading.Timer(0.5, lambda: os.kill(os.getpid(), signal.SIGINT))
    try:
        start = time.monotonic()
        timer.start()
        with pytest.raises(KeyboardInterrupt):
            z3b.run_check(_factoring_solver())
        assert time.monotonic() - start < 20  # test-only timing: the query itself runs for minutes
    finally:
        timer.cancel()
        signal.signal(signal.SIGINT, previous)


def _unsat_query() -> z3.CheckSatResult:
    ctx = z3.Context()
    x = z3.Real("x", ctx)
    s = z3b.new_solver(ctx, z3b.SolverOptions(), 10**6, roots=False, hard=False)
    s.add(x * x < 0)
    return z3b.run_check(s)


def test_run_check_answers_as_check_off_the_main_thread():
    box: list[z3.CheckSatResult] = []
    th = threading.Thread(target=lambda: box.append(_unsat_query()))
    th.start()
    th.join()
    assert box == [z3.unsat] and _unsat_query() == z3.unsat


def test_run_check_with_sigint_ignored_needs_no_helper_thread(monkeypatch):
    """In the z3 worker SIGINT is ignored (the parent stops the worker on Ctrl-C), so no KeyboardInterrupt can
    arrive: ``run_check`` then checks directly, with the same answer, and starts no helper thread."""
    started: list[str] = []
    real_start = threading.Thread.start
    monkeypatch.setattr(threading.Thread, "start", lambda self: (started.append(self.name), real_start(self))[1])
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        ignored = _unsat_query()
    finally:
        signal.signal(signal.SIGINT, previous)
    assert ignored == z3.unsat and started == []
    assert _unsat_query() == z3.unsat and started == ["z3-check"]  # with SIGINT handled, the helper thread is back


def _c3611_call() -> tuple[str, int, int]:
    o = z3b.check_implication([], t("(x - x <= y) or (10**(2/3) < (x**(3/2))**x)"),
                              [SymbolDecl("x", "integer"), SymbolDecl("y", "negative")],
                              lambda u: rigorous_bounds(u, 30), z3b.SolverOptions(rlimit=6_000_000))
    return o.status, o.rlimit, o.rlimit_used


def test_hard_root_encoding_reaches_its_rlimit():
    """Fuzz case c3611 (6-budget/b19): a hard encoding that defines roots. With nlsat's variable reordering its one
    call isolated roots for minutes without an rlimit tick; with reordering off for such calls it ends at its share
    of the budget in about a second. Run in the worker so that a regression fails at the CPU limit, not hangs."""
    worker.shutdown()
    status, rlimit, used = worker.call(_c3611_call, cpu_seconds=15, what="the c3611 call")
    assert status == "unknown" and rlimit == 6_000_000 // z3b.HARD_SHARE and rlimit <= used <= rlimit * 1.01


def test_variable_reordering_is_off_only_for_roots_of_integer_symbols():
    """c3611 (root of the integer x) needs nlsat's reordering off; c806 (roots of the real y, the integer x only in an
    exponent) takes 22 s for its units without it, so the criterion is a root whose base has an integer symbol."""
    ints = [SymbolDecl("x", "integer"), SymbolDecl("y", "unit")]
    assert z3b._has_integer_root([t("10**(2/3) < (x**(3/2))**x")], ints)
    assert not z3b._has_integer_root([t("(y**(y + 1/3))**x - abs(y**(16/5)) == -1/2")], ints)
    assert not z3b._has_integer_root([t("x**2 + y**(1/2) > 0"), t("x**100 > 0")], ints)


# ---------------------------------------------------------------- z3's CPU-time backstop (engine.budget.z3_call)

#: Fuzz case c1444 of seed 20261204: z3's LP pivots on exact rationals (``lar_solver::find_feasible_solution``
#: from ``theory_lra::add_lemmas``) for minutes without an rlimit tick.
C1444 = (t("-0.5 > (x * x) * x**(-1)"), [SymbolDecl("x", "integer")])
BOUNDS = functools.partial(rigorous_bounds, dps=30)


def _stop(options: z3b.SolverOptions):
    return lambda why: z3b.stopped(options.rlimit, why, options.seed)


def spin_without_rlimit(*args, **kwargs):
    """Work inside a z3 call that counts no rlimit units, as nlsat's root isolation or the LP's exact pivots did
    for minutes (fuzz seed 20261204): the z3 CPU-time backstop is the only thing that ends it. A plain Python spin,
    so the test does not depend on which z3 query happens to count no units in this z3 version."""
    n = 0
    while True:
        n += 1


def test_z3_call_stops_a_call_that_counts_no_rlimit(monkeypatch):
    """The call runs in the z3 worker under RLIMIT_CPU: it ends at its CPU budget with a reason naming it, the
    claim's rlimit is then spent, and once the claim's CPU is used up the next call does not run at all."""
    monkeypatch.setattr(budget, "Z3_CALL_CPU_SECONDS", 1.0)
    monkeypatch.setattr(budget, "Z3_CLAIM_CPU_SECONDS", 1.0)
    worker.shutdown()
    before = _children_cpu()
    options = z3b.SolverOptions(rlimit=6_000_000)
    with z3b.claim_budget(6_000_000) as ledger, budget.z3_claim_cpu():
        out = budget.z3_call(spin_without_rlimit, on_stop=_stop(options))
        assert out.status == "unknown" and out.reason_unknown == \
            "z3 ran out of its CPU-time budget (1 s per call, 1 s per claim)"
        assert ledger.left == 0 and ledger.calls == 1
        again = budget.z3_call(z3b.check_implication, [], t("x*x >= 0"), REALS, BOUNDS, options,
                               on_stop=_stop(options))
        assert again.reason_unknown == out.reason_unknown  # not run: the claim's CPU is used up
    worker.shutdown()  # reap the killed worker's replacement, so its CPU is counted
    used = _children_cpu() - before
    assert 1 <= used < 4  # RLIMIT_CPU in whole seconds (rounded up), plus the kernel's second


def test_z3_call_answers_as_the_call_in_this_process():
    """Same outcome and the same rlimit accounting as in-process (the ledger goes to the worker and back;
    ``positive_bases`` inside the call charges it too); an UnsupportedConstruct is raised here."""
    options = z3b.SolverOptions(rlimit=6_000_000)
    args = ([t("x > 0")], t("x**y + (a**2 + 1)**b > 0"), REALS, BOUNDS, options)
    with z3b.claim_budget(6_000_000) as here:
        direct = z3b.check_implication(*args)
    with z3b.claim_budget(6_000_000) as there:
        remote = budget.z3_call(z3b.check_implication, *args, on_stop=_stop(options))
    assert remote == direct and direct.status == "unsat"
    assert (there.left, there.calls) == (here.left, here.calls) and here.calls == 3  # two base proofs, one check
    with pytest.raises(UnsupportedConstruct):
        budget.z3_call(z3b.check_implication, [], t("diff(x**2, x) > 0"), REALS, BOUNDS, options,
                       on_stop=_stop(options))


def test_z3_call_from_a_thread():
    options = z3b.SolverOptions()
    box: list = []
    th = threading.Thread(target=lambda: box.append(budget.z3_call(
        z3b.check_implication, [], t("x*x + 1 > 0"), REALS, BOUNDS, options, on_stop=_stop(options))))
    th.start()
    th.join()
    assert [o.status for o in box] == ["unsat"]


def test_an_exhausted_rlimit_is_named_in_the_reason(cli_run, tmp_path):
    """adv8 F17: under a small --rlimit the reason names the budget that ran out (docs/budgets.md), the claim's z3
    budget of --rlimit units, for a direct call (no claim ledger) as for a claim checked through the CLI."""
    o = z3b.check_implication([t("x > 0")], t("exp(x) >= 1 + x + x**2/2"), REALS, lambda u: rigorous_bounds(u, 30),
                              z3b.SolverOptions(rlimit=1000))
    assert o.status == "unknown" and o.reason_unknown.startswith("rlimit 1000 exhausted: the z3 budget of 1000 rlimit")
    path = tmp_path / "r.toml"
    path.write_text('[[claim]]\nid = "r.two"\ntitle = "t"\nkind = "theorem"\n'
                    'source = { document = "d.txt", section = "s", quote = "q" }\n'
                    'symbols = { x = "positive" }\nshow = "exp(x) >= 1 + x + x**2/2"\n', encoding="utf-8")
    code, out, err = cli_run(["check", str(path), "--rlimit", "1000", "--no-cache", "--format", "json"])
    assert code == 0, err
    [a] = json.loads(out)["assertions"]
    assert a["verdict"] == "undecided"
    assert "rlimit 1000 exhausted: the claim's z3 budget of 1000 rlimit units (--rlimit)" in a["reason"]


def test_hard_call_probe_decides_c1444_by_rlimit(monkeypatch):
    """c1444 (6-budget/b20, x an integer): with nla's Groebner heuristic z3 ran for minutes without an rlimit tick;
    a hard call first probes without it, within 1/HARD_PROBE of the claim's budget, and finds a model at once.
    Run in the z3 worker with a CPU limit of 5 s, so that if the probe stops working the test fails, not hangs."""
    monkeypatch.setattr(budget, "Z3_CALL_CPU_SECONDS", 5.0)
    options = z3b.SolverOptions(rlimit=6_000_000)
    assert z3b.is_hard([C1444[0]], C1444[1])
    with z3b.claim_budget(6_000_000) as ledger, budget.z3_claim_cpu() as cpu:
        out = budget.z3_call(z3b.check_implication, [], *C1444, BOUNDS, options, on_stop=_stop(options))
    assert out.status == "sat", out.reason_unknown
    x = out.model["x"]
    assert x.denominator == 1 and x != 0 and not Fraction(-1, 2) > x * x / x  # a genuine counterexample
    assert out.rlimit == 6_000_000 // z3b.HARD_PROBE and 0 < out.rlimit_used <= out.rlimit
    assert ledger.used == out.rlimit_used and ledger.calls == 1 and cpu.stopped == 0


def test_reused_z3_answer_is_the_fresh_call_at_any_ledger_state():
    """``reuse()`` remembers a z3 query with the claim's ledger state: asked again with too little of the ledger
    left, the query runs afresh (and answers unknown, as a fresh call does); asked at the same state, the remembered
    answer is charged to the ledger as the call was."""
    from formal_emergence.engine.check import CheckOptions, _run_z3, reuse
    opts = CheckOptions()
    query = ([t("x > 0"), t("y > 0")], t("x**2 + y**2 >= 2*x*y"), REALS)
    with reuse():
        with z3b.claim_budget(opts.rlimit) as first:
            out, _ = _run_z3(*query, opts, refine=False)
        assert out.status == "unsat" and first.used > 10
        with z3b.claim_budget(opts.rlimit) as short:
            short.left = 10
            starved, _ = _run_z3(*query, opts, refine=False)
        assert starved.status == "unknown" and "exhausted" in starved.reason_unknown
        with z3b.claim_budget(opts.rlimit) as again:
            hit, _ = _run_z3(*query, opts, refine=False)
        assert hit == out and (again.used, again.calls) == (first.used, first.calls)
