"""Every bundled claim ends within its deterministic budget, read from the engine's own accounting
(the evidence it records), not from timing: no z3 call stopped at the wall-clock backstop, no z3 call
used more than its rlimit, and no SymPy computation reached the CPU-time backstop."""

from __future__ import annotations

import json


def test_every_bundled_claim_ends_within_its_deterministic_budget(catalog_records):
    assert catalog_records
    for cid, rec in catalog_records.items():
        text = json.dumps(rec, ensure_ascii=False)
        assert "wall-clock" not in text, cid
        assert "CPU-time budget" not in text, cid
        for e in rec["evidence"]:
            if e["engine"] == "z3" and "rlimit_used" in e:
                assert 0 <= e["rlimit_used"] <= e["rlimit"] * 1.01, cid  # z3 overshoots its limit by a few ticks
