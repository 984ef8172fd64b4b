"""The assertion tallies of the bundled catalog match the golden file, and only assertions are counted.

The golden file holds computed output only; regenerate it with
``python -m formal_emergence check --format json -o tests/golden/catalog.json`` and review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

GOLDEN = Path(__file__).with_name("catalog.json")


def _golden() -> dict:
    return json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_golden_is_schema_3():
    doc = _golden()
    assert doc["schema_version"] == 3 and {"assertions", "lemmas", "claims", "summary"} <= set(doc)


def test_assertion_tallies_match_golden(catalog_document):
    golden = _golden()
    assert catalog_document["summary"] == golden["summary"], "regenerate tests/golden/catalog.json (module docstring)"
    assert {a["id"]: a["verdict"] for a in catalog_document["assertions"]} == \
        {a["id"]: a["verdict"] for a in golden["assertions"]}


def test_summary_counts_each_assertion_once(catalog_document):
    summary, assertions = catalog_document["summary"], catalog_document["assertions"]
    assert summary["counts"] == "assertions"
    assert summary["total"] == len(assertions) == sum(summary["by_verdict"].values())
    assert sum(d["total"] for d in summary["by_document"].values()) == summary["total"]
    lemma_ids = {x["id"] for x in catalog_document["lemmas"]}
    assert lemma_ids.isdisjoint(a["id"] for a in assertions)
    # a reading whose snippet was not run (no --run-snippets) does not make its assertion reading-sensitive
    not_run = {c["id"] for c in catalog_document["claims"] if c["verdict"] == "undecided" and any(
        e["engine"] == "sandbox" and e["outcome"] == "not run" for e in c["evidence"])}
    for a in assertions:
        primary = [r for r in a["readings"] if r["primary"]]
        assert len(primary) == 1 and primary[0]["id"] == a["id"] and primary[0]["verdict"] == a["verdict"], a["id"]
        decided = {r["verdict"] for r in a["readings"] if r["id"] not in not_run}
        assert a["reading_sensitive"] == (len(decided) > 1), a["id"]
    assert not_run  # the catalog's /run alternatives, checked without --run-snippets
