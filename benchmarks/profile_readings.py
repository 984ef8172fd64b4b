"""Where the cold catalog's CPU goes: each reading checked serially in this process, with its CPU split into this
process, the SymPy worker and the z3 worker, and the worker round-trips counted. Nothing here changes output.

Run from the repository root (installed package or PYTHONPATH=.):

    python benchmarks/profile_readings.py             # the 25 costliest readings and the totals
    python benchmarks/profile_readings.py --top 60    # more rows
    python benchmarks/profile_readings.py --json F    # also write every reading's figures to F

CPU figures are CPU seconds (never wall-clock time), so they hold on a loaded machine, up to its cache effects.
The worker CPU is read from ``/proc/PID/stat`` of the live workers, and a worker killed at its budget is counted
through this process's children times. The round-trip figure is the CPU this process spends in
``symbolic.worker.call`` outside the worker's own work (pickling, pipes, waiting is not CPU).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time


def _proc_cpu(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Meter:
    """CPU of this process, of its live workers (per budget) and of reaped children, and worker calls."""

    def __init__(self) -> None:
        from formal_emergence.symbolic import worker
        self.worker = worker
        self.calls = {b: 0 for b in worker.BUDGETS}
        self.seen: dict[int, float] = {}
        original = worker.call

        def counted(fn, *args, budget: str = "sympy", **kw):
            self.calls[budget] += 1
            return original(fn, *args, budget=budget, **kw)

        worker.call = counted

    def sample(self) -> dict[str, float]:
        t = os.times()
        out = {"main": time.process_time(), "reaped": t.children_user + t.children_system}
        for b in self.worker.BUDGETS:
            w = self.worker._current.get(b)
            out[b] = _proc_cpu(w.pid) if w is not None else 0.0
            if w is not None:
                out[f"{b}_pid"] = w.pid
        out.update({f"{b}_calls": n for b, n in self.calls.items()})
        return out

    @staticmethod
    def delta(a: dict, b: dict) -> dict[str, float]:
        d = {k: b[k] - a[k] for k in ("main", "reaped")}
        for w in ("sympy", "z3"):
            same = a.get(f"{w}_pid") == b.get(f"{w}_pid")
            d[w] = b[w] - (a[w] if same else 0.0)  # a new worker started from 0; the old one is in "reaped"
            if not same and a.get(f"{w}_pid") is not None:
                d["reaped"] -= a[w]  # the killed worker's whole life is reaped: keep only this reading's part
            d[f"{w}_calls"] = b[f"{w}_calls"] - a[f"{w}_calls"]
        d["total"] = d["main"] + d["reaped"] + d["sympy"] + d["z3"]
        return d


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--json", default="")
    ap.add_argument("--only", default="", help="a prefix of the reading ids to check")
    args = ap.parse_args()
    from formal_emergence.cli import keep_z3_memory
    keep_z3_memory()  # as the command line does
    start = time.process_time()
    from formal_emergence.conventions import load_conventions
    from formal_emergence.engine.assertions import check_reading, select_units
    from formal_emergence.engine.check import CheckOptions
    from formal_emergence.parse.claimfile import load_catalog
    import formal_emergence.engine.check  # noqa: F401  (imports the engines, as the runner does before forking)
    import formal_emergence.numeric.evaluate  # noqa: F401
    imports = time.process_time() - start
    catalog = load_catalog(None)
    assertions, lemmas, only = select_units(catalog)
    readings = [r for a in assertions for r in a.readings] + [x.reading for x in lemmas]
    readings = sorted((r for r in readings if r.id.startswith(args.only)), key=lambda r: r.id)
    conventions = load_conventions()
    options = CheckOptions()
    meter = Meter()
    rows = []
    for r in readings:
        a = meter.sample()
        res = check_reading(r, options, conventions)
        d = Meter.delta(a, meter.sample())
        rows.append({"id": r.id, "verdict": res.result.verdict.value, **{k: round(v, 3) for k, v in d.items()}})
    total = {k: sum(row[k] for row in rows) for k in ("total", "main", "sympy", "z3", "reaped", "sympy_calls",
                                                       "z3_calls")}
    rows.sort(key=lambda row: -row["total"])
    print(f"imports {imports:.2f} cpu s; {len(rows)} readings")
    print(f"{'cpu s':>7} {'main':>6} {'sympy':>6} {'z3':>6} {'calls s/z':>9}  reading")
    for row in rows[: args.top]:
        print(f"{row['total']:7.2f} {row['main']:6.2f} {row['sympy']:6.2f} {row['z3']:6.2f} "
              f"{row['sympy_calls']:4d}/{row['z3_calls']:<4d}  {row['id']} ({row['verdict']})")
    print(f"total {total['total']:.2f} cpu s: main {total['main']:.2f}, sympy worker {total['sympy']:.2f}, "
          f"z3 worker {total['z3']:.2f}, reaped {total['reaped']:.2f}; "
          f"{total['sympy_calls']} sympy and {total['z3_calls']} z3 worker calls")
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(rows, fh, indent=1)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
