"""Budgets hold, are deterministic and work in any thread (issue 8, F05-F10, F15-F17, F23, F27).

Hostile inputs are copies of the adversarial review's files (tests/robustness/inputs/). Each one must
end within its deterministic budget, with a located error or an ``undecided`` verdict whose reason
names the budget, never a hang or a traceback.
"""

from __future__ import annotations

import json
import signal
import threading
import time
from pathlib import Path

import pytest

from formal_emergence.cli import reading_line
from formal_emergence.engine.check import CheckOptions
from formal_emergence.engine.run import check_all
from formal_emergence.parse.claimfile import load_catalog
from formal_emergence.symbolic import worker
from tests.conftest import message_lines

INPUTS = Path(__file__).parent / "inputs"


def _spin(n: int) -> int:
    """Busy work for the worker (a module-level function, so it can be sent by reference)."""
    x = 0
    while True:
        x = (x * 31 + n) % 1_000_003


def _square(n: int) -> int:
    return n * n


def test_cpu_budget_stops_runaway_work_and_the_worker_recovers():
    t0 = time.process_time()
    with pytest.raises(worker.CpuBudgetExceeded, match="CPU-time budget of 1 s"):
        worker.call(_spin, 3, cpu_seconds=1)
    assert time.process_time() - t0 < 1.0, "the work ran in the worker, not in this process"
    assert worker.call(_square, 12, cpu_seconds=5) == 144


def _check_file(name: str):
    catalog = load_catalog([INPUTS / name])
    [claim] = [c for c in catalog.claims if c.file.endswith(name)]
    [(_, result)] = check_all([claim], CheckOptions())
    return result


def test_budget_works_outside_the_main_thread():
    """The same verdict and reason from a worker thread as from the main thread (F16)."""
    main = _check_file("r09_diff_order10_tower.toml")
    box = {}
    t = threading.Thread(target=lambda: box.setdefault("r", _check_file("r09_diff_order10_tower.toml")))
    t.start()
    t.join(300)
    assert not t.is_alive()
    assert (box["r"].verdict, box["r"].reason) == (main.verdict, main.reason)
    assert main.verdict.value == "undecided" and "budget" in main.reason


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="POSIX timers")
def test_host_timer_and_handler_are_left_alone():
    """An embedding program's ITIMER_REAL and SIGALRM handler survive a check that uses SymPy (F17)."""
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda s, f: fired.append(s))
    try:
        signal.setitimer(signal.ITIMER_REAL, 600.0)
        result = _check_file("diffclaim.toml")
        remaining = signal.getitimer(signal.ITIMER_REAL)[0]
        handler = signal.getsignal(signal.SIGALRM)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert result.verdict.value == "holds"
    assert 0 < remaining <= 600 and remaining > 300
    assert handler is not signal.SIG_DFL and not fired


@pytest.mark.parametrize(("name", "budget"), [
    ("laughs_def_24.toml", "definition-expansion size budget"),
    ("r09_diff_order10_tower.toml", "budget"),
    ("r26_diff10_exp3_numeric_search.toml", "budget"),
    ("r08_limit_bigint.toml", None),
    ("r08b_diff_bigint.toml", None),
    ("r02b_10_10_10_eq.toml", None),
    ("r12_pow_big_rational_eq.toml", None),
    ("r03c_exp3_10_closed.toml", None),
    ("f03b_compound_vs_e_eq.toml", None),
    ("diamond_uses_40.toml", None),
    ("chain_defs_300.toml", None),
])
def test_hostile_claims_end_within_their_budget(name, budget):
    result = _check_file(name)
    if budget is not None:
        assert result.verdict.value == "undecided"
        assert budget in result.reason, result.reason
    text = json.dumps([e.details for e in result.evidence], default=str)
    assert "wall-clock" not in result.reason and "wall-clock" not in text
    assert "CPU-time budget" not in result.reason, "a deterministic budget must stop it first"


@pytest.mark.parametrize(("name", "key"), [
    ("r07_literal_1e99999999.toml", "claim.r.r07_literal_1e99999999.show"),
    ("r06_literal_1e5000_open.toml", "claim.r.r06_literal_1e5000_open.show"),
    ("r06b_literal_1e5000_closed.toml", "claim.r.r06b_literal_1e5000_closed.show"),
    ("quantity_low_1e999999999.toml", "quantity.q.statement[0].low"),
    ("quantity_low_1e5000.toml", None),
])
def test_huge_literals_are_located_errors(cli_run, located, name, key):
    code, out, err = cli_run(["check", str(INPUTS / name)])
    assert code == 2 and out == reading_line([str(INPUTS / name)]) and "Traceback" not in err
    m = located.match(message_lines(err)[0])
    assert m and "digits" in m.group("found"), err
    if key:
        assert m.group("key") == key


def test_z3_rlimit_exhaustion_is_named_as_such():
    """Pell 991 runs out of rlimit: the reason says so, not "wall-clock backstop" (F23)."""
    result = _check_file("b06_pell_991.toml")
    z3 = [dict(e.details) for e in result.evidence if e.engine == "z3" and e.outcome == "unknown"]
    assert z3, result.evidence
    for d in z3:
        assert "wall-clock" not in d.get("reason_unknown", "")
        if d["rlimit_used"] >= d["rlimit"]:
            assert "rlimit" in d["reason_unknown"]


def _burn(seconds: float) -> float:
    """Use about ``seconds`` of CPU in the worker."""
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass
    return seconds


def test_claim_budget_bounds_the_sum_of_worker_requests():
    """Each request is under its own budget and under what is left of ``claim_budget``, which bounds their total
    (b13 chained many): a request is charged the CPU it used, one stopped at its limit all it was given, and once
    the total is spent a request does not run.

    ``RLIMIT_CPU`` is whole seconds (the worker rounds its CPU so far plus the allowance up), so a request given
    ``a`` seconds is stopped somewhere between ``a`` and ``a + 1`` s, depending on the worker's CPU before it. The
    amounts are chosen on either side of that window, so the outcome does not depend on where the worker's CPU
    stood: 0.2 s of a 0.5 s allowance always runs, 5 s of what is left (at most 0.3 s, stopped by 1.3 s) never."""
    with worker.claim_budget(0.5) as account:
        assert worker.call(_burn, 0.2, cpu_seconds=5) == 0.2  # within the claim's 0.5 s
        assert 0.15 <= account.used < 0.5 and (account.requests, account.stopped) == (1, 0), account.used
        with pytest.raises(worker.CpuBudgetExceeded, match=r"exceeded its CPU-time budget of 0\.[0-3]"):
            worker.call(_burn, 5.0, cpu_seconds=30)  # given what is left of the claim's 0.5 s, not its own 30 s
        assert account.left == 0 and (account.requests, account.stopped) == (2, 1)
        with pytest.raises(worker.CpuBudgetExceeded, match="budget of 0.5 s for the claim"):
            worker.call(_square, 3, cpu_seconds=5)  # spent: not run
        assert (account.requests, account.stopped) == (3, 2)
    assert worker.call(_square, 3, cpu_seconds=5) == 9  # outside the block: no total


def test_batch_runner_counts_the_sympy_worker_cpu(tmp_path):
    """A job's CPU includes its SymPy worker's: the worker is reaped before the job ends."""
    import sys
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from batch_runner import Job, run_jobs
    claim = tmp_path / "w.toml"
    claim.write_text('[[claim]]\nid = "w.diff"\ntitle = "t"\nkind = "theorem"\n'
                     'source = { document = "d.txt", section = "s", quote = "q" }\nsymbols = { x = "real" }\n'
                     'show = "diff(x**3, x) == 3*x**2"\n', encoding="utf-8")
    [out] = run_jobs([Job("w", ("check", "--no-cache", "--format", "json", "w.toml"), str(tmp_path), 60.0,
                          isolated=True)]).values()
    assert out.code == 0 and json.loads(out.stdout)["claims"][0]["verdict"] == "holds"
    assert out.cpu > 0
