"""Cold, parallel and warm catalog runs, measured in one run as ratios to the import floor.

Run from the repository root (installed package or PYTHONPATH=.):

    python benchmarks/bench_runs.py            # writes nothing; prints a table
    python benchmarks/bench_runs.py --record   # also appends the figures to benchmarks/runs.md

Each figure is the median of ``--repeat`` runs (default 3) of a fresh process:

- floor:  python -c "import sympy, numpy, z3, mpmath"
- cold:   formal-emergence check --format json --jobs 1 with an empty cache
- cold2:  the same with --jobs 2
- warm:   the same again with the cache the cold run filled

and, in one process, a batch of ``--trivial`` claims ``x**2 + k > 0`` (default 200) checked in-process:
claims per CPU second, and the CPU cost of one claim over one bare z3 query in a fresh context.

Wall-clock figures depend on the machine's load; CPU seconds (user + sys, children included) and the ratios in
one run are what to compare.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    start = time.perf_counter()
    before = os.times()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return time.perf_counter() - start, cpu


def trivial_batch(n: int) -> str:
    """Check ``n`` trivial claims in this process; their rate and cost against bare z3 queries, as text."""
    import z3
    from formal_emergence.engine.check import CheckOptions
    from formal_emergence.engine.run import check_all
    from formal_emergence.parse.claimfile import load_catalog
    source = 'source = { document = "bench.txt", section = "1", quote = "q" }'
    text = "".join(f'[[claim]]\nid = "bench.c{i:04d}"\ntitle = "t"\nkind = "theorem"\n{source}\n'
                   f'symbols = {{ x = "real" }}\nshow = "x**2 + {i + 1} > 0"\n\n' for i in range(n))
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "bench.toml"
        path.write_text(text, encoding="utf-8")
        claims = [c for c in load_catalog([path]).claims if c.id.startswith("bench.")]
    check_all(claims[:2], CheckOptions())
    start = time.process_time()
    check_all(claims, CheckOptions())
    batch = time.process_time() - start
    start = time.process_time()
    for _ in range(n):
        ctx = z3.Context()
        solver = z3.Solver(ctx=ctx)
        x = z3.Real("x", ctx)
        solver.add(x * x + 1 <= 0)
        solver.check()
    bare = time.process_time() - start
    return (f"trivial batch: {n} claims in {batch:.2f} cpu s = {n / batch:.0f} claims per cpu second; "
            f"one claim costs {batch / bare:.2f} bare z3 queries")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--record", action="store_true")
    ap.add_argument("--trivial", type=int, default=200, help="claims in the in-process trivial batch")
    ap.add_argument("--trivial-only", action="store_true", help="only the trivial batch (printed, never recorded)")
    args = ap.parse_args()
    if args.trivial_only:
        print(trivial_batch(args.trivial))
        return
    py = sys.executable
    check = [py, "-m", "formal_emergence", "check", "--format", "json", "-o", os.devnull, "--progress", "never"]
    load = os.getloadavg()[0]
    rows: dict[str, list[tuple[float, float]]] = {"floor": [], "cold": [], "cold2": [], "warm": []}
    for _ in range(args.repeat):
        env = dict(os.environ)
        rows["floor"].append(timed([py, "-c", "import sympy, numpy, z3, mpmath"], env))
        with tempfile.TemporaryDirectory() as cache:
            env["XDG_CACHE_HOME"] = cache
            rows["cold"].append(timed(check + ["--jobs", "1"], env))
        with tempfile.TemporaryDirectory() as cache:
            env["XDG_CACHE_HOME"] = cache
            rows["cold2"].append(timed(check + ["--jobs", "2"], env))
            rows["warm"].append(timed(check + ["--jobs", "1"], env))
    med = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for k, v in rows.items()}
    floor_wall, floor_cpu = med["floor"]
    lines = ["| run | wall s | cpu s | wall / floor | cpu / floor |", "|---|---:|---:|---:|---:|"]
    for k, (w, c) in med.items():
        lines.append(f"| {k} | {w:.2f} | {c:.2f} | {w / floor_wall:.2f} | {c / floor_cpu:.2f} |")
    lines.append(f"\nparallel speed-up (cold wall / cold2 wall): {med['cold'][0] / med['cold2'][0]:.2f}")
    lines.append(subprocess.run([py, __file__, "--trivial-only", "--trivial", str(args.trivial)], check=True,
                                capture_output=True, text=True).stdout.strip())
    text = "\n".join(lines)
    print(text)
    if args.record:
        out = Path(__file__).with_name("runs.md")
        stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        with out.open("a", encoding="utf-8") as fh:
            fh.write(f"\n## {stamp}, {os.cpu_count()} cores, load {load:.1f} (1-minute average at the start)\n\n"
                     f"{text}\n")


if __name__ == "__main__":
    main()
