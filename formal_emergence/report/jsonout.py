"""The JSON output: the stable public interface (see docs/json-schema.md).

Pure functions from claims and results to plain data; no backend is imported
here, so versions are passed in by the caller.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Mapping, Sequence

from ..model.claim import Claim
from ..model.verdict import Result, Verdict

SCHEMA_VERSION = 1


def claim_record(claim: Claim, result: Result, latex: str = "") -> dict[str, Any]:
    """The JSON object for one checked claim."""
    statement = claim.show_text if not claim.assume_text else \
        f"{' and '.join(f'({a})' for a in claim.assume_text)} => {claim.show_text}"
    return {
        "id": claim.id,
        "title": claim.title,
        "kind": claim.kind,
        "source": {"document": claim.source.document, "section": claim.source.section, "quote": claim.source.quote},
        "statement": {"text": statement, "latex": latex},
        "assumptions": list(claim.assume_text),
        "symbols": {s.name: s.domain for s in claim.symbols},
        "uses": list(claim.uses),
        "reading": claim.reading,
        "verdict": result.verdict.value,
        "reason": result.reason,
        "condition": result.condition.to_json() if result.condition else None,
        "counterexample": result.counterexample.to_json() if result.counterexample else None,
        "evidence": [e.to_json() for e in result.evidence],
        "steps": [s.to_json() for s in result.steps],
        "losses": list(result.losses),
    }


def summarize(records: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Counts by verdict, overall and per document (every verdict listed, zeros included)."""
    zero = {v.value: 0 for v in Verdict}
    overall = Counter(r["verdict"] for r in records)
    per_doc: dict[str, Counter] = {}
    for r in records:
        per_doc.setdefault(r["source"]["document"], Counter())[r["verdict"]] += 1
    return {
        "total": len(records),
        "by_verdict": {**zero, **overall},
        "by_document": {d: {"total": sum(c.values()), **zero, **c} for d, c in sorted(per_doc.items())},
    }


def document(records: Sequence[Mapping[str, Any]], tool: Mapping[str, str], options: Mapping[str, Any]) -> dict[str, Any]:
    """The whole JSON document: tool versions, options, claims sorted by id, summary."""
    ordered = sorted(records, key=lambda r: r["id"])
    return {"schema": SCHEMA_VERSION, "tool": dict(tool), "options": dict(options), "claims": ordered,
            "summary": summarize(ordered)}
