"""Cold, parallel and warm catalog runs, measured in one run as ratios to the import floor.

Run from the repository root (installed package or PYTHONPATH=.):

    python benchmarks/bench_runs.py            # writes nothing; prints a table
    python benchmarks/bench_runs.py --record   # also appends the figures to benchmarks/runs.md

Each figure is the median of ``--repeat`` runs (default 3) of a fresh process:

- floor:  python -c "import sympy, numpy, z3, mpmath"
- cold:   formal-emergence check --format json --jobs 1 with an empty cache
- cold2:  the same with --jobs 2
- warm:   the same again with the cache the cold run filled

Wall-clock figures depend on the machine's load; the ratios in one run are what to compare.
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--record", action="store_true")
    args = ap.parse_args()
    py = sys.executable
    check = [py, "-m", "formal_emergence", "check", "--format", "json", "-o", os.devnull, "--progress", "never"]
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
    text = "\n".join(lines)
    print(text)
    if args.record:
        out = Path(__file__).with_name("runs.md")
        stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        with out.open("a", encoding="utf-8") as fh:
            fh.write(f"\n## {stamp}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}\n\n{text}\n")


if __name__ == "__main__":
    main()
