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


def test_every_bundled_claim_stays_well_inside_its_z3_ledger(catalog_records):
    """The engine's own z3 accounting (the ``budget`` evidence record of each check): every claim that was
    checked used at most half of its claim budget, never spent it, and no call was cut short by it or by
    the share a hard (high-degree or nonlinear integer) call gets."""
    from formal_emergence.engine.options import CheckOptions
    ledgers = {cid: e for cid, rec in catalog_records.items() for e in rec["evidence"] if e["engine"] == "budget"}
    unchecked = [cid for cid in catalog_records if cid not in ledgers]
    assert all(catalog_records[cid]["reason"].startswith("Snippet not run") for cid in unchecked), unchecked
    assert len(ledgers) > 300
    for cid, e in ledgers.items():
        assert e["outcome"] == "within", (cid, e)
        assert e["z3_rlimit"] == CheckOptions().rlimit, cid
        assert 0 <= e["z3_rlimit_used"] <= e["z3_rlimit"] // 2, (cid, e)
        assert e["z3_calls"] >= 0, cid
    for cid, rec in catalog_records.items():
        text = json.dumps(rec, ensure_ascii=False)
        assert "is spent" not in text and "call's share" not in text, cid
