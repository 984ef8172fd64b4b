"""Time the whole bundled catalog check (speed goal: well under a minute on 2 cores).

Run: python benchmarks/bench_catalog.py
"""

import time

from formal_emergence.engine.check import CheckOptions
from formal_emergence.engine.run import check_all
from formal_emergence.parse.claimfile import load_catalog

if __name__ == "__main__":
    start = time.perf_counter()
    catalog = load_catalog(None)
    timings = []
    for claim in catalog.claims:
        t0 = time.perf_counter()
        check_all([claim], CheckOptions())
        timings.append((time.perf_counter() - t0, claim.id))
    total = time.perf_counter() - start
    print(f"{len(catalog.claims)} claims in {total:.1f} s")
    for t, cid in sorted(timings, reverse=True)[:10]:
        print(f"  {t:6.2f} s  {cid}")
