"""Every bundled claim: its computed verdict and evidence match the golden file.

The golden file holds computed output only. Regenerate it after a deliberate change with
``python -m formal_emergence check --format json -o tests/golden/catalog.json`` and review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest


GOLDEN = Path(__file__).with_name("catalog.json")
VOLATILE = {"version", "rlimit_used"}


def normalize(value):
    """Drop library versions and solver effort counters, which may differ between installs."""
    if isinstance(value, dict):
        return {k: normalize(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [normalize(v) for v in value]
    return value


@pytest.fixture(scope="session")
def golden() -> dict:
    return {c["id"]: c for c in json.loads(GOLDEN.read_text(encoding="utf-8"))["claims"]}


def golden_ids() -> list[str]:
    return [c["id"] for c in json.loads(GOLDEN.read_text(encoding="utf-8"))["claims"]]


def test_golden_covers_the_catalog(catalog_records, golden):
    assert sorted(catalog_records) == sorted(golden), "regenerate tests/golden/catalog.json (see module docstring)"


@pytest.mark.parametrize("claim_id", golden_ids())
def test_claim_matches_golden(claim_id, catalog_records, golden):
    assert claim_id in catalog_records, f"{claim_id} is in the golden file but not in the catalog"
    assert normalize(catalog_records[claim_id]) == normalize(golden[claim_id])


def test_contract_on_the_whole_catalog(catalog_records):
    for cid, rec in catalog_records.items():
        assert rec["source"]["quote"].strip(), cid
        assert rec["reason"].strip(), cid
        if rec["verdict"] == "fails":
            ce = rec["counterexample"]
            assert ce is not None and ce["confirmed_by"] and ce["dps"] >= 30, cid
        if rec["verdict"] == "holds-if":
            assert rec["condition"] and rec["condition"]["text"], cid
            assert any(e["outcome"] == "unsat under condition" for e in rec["evidence"]), cid
            assert any(e["outcome"] == "outside point refuted" for e in rec["evidence"]), cid
        if rec["verdict"] == "informal":
            assert "never defines" in rec["reason"] or "undefined" in rec["reason"], cid



#: Byte-identical copies of ../shared/seeds kept in the repository (tests/data/seeds).
SEED_COPIES = Path(__file__).resolve().parents[1] / "data" / "seeds"

def test_every_quote_and_section_is_verbatim_in_its_seed():
    from formal_emergence.cli import _coverage_claims
    from formal_emergence.coverage import coverage, find_documents
    from formal_emergence.parse.claimfile import load_catalog

    seeds = find_documents(None) or SEED_COPIES  # the pinned copies when ../shared/seeds is not beside the checkout
    for doc in coverage(seeds, _coverage_claims(load_catalog(None))):
        assert doc.quotes_not_found == (), doc.document
        assert doc.sections_not_found == (), doc.document
