"""The JSON output: the stable public interface (see docs/json-schema.md).

Pure functions from claims and results to plain data; no backend is imported
here, so versions are passed in by the caller.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Mapping, Sequence

from ..model.claim import Claim
from ..model.outcome import AssertionResult, CheckedCatalog, LemmaResult, ReadingResult
from ..model.verdict import Result, Verdict

SCHEMA_VERSION = 3
#: The summary bucket of assertions whose snippet was not run (not a verdict; see summarize).
NOT_RUN = "not_run"


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
        "defined_where": [{"term": t, "condition": c} for t, c in result.defined_where] or None,
    }


def reading_extras(rr: ReadingResult) -> dict[str, Any]:
    """The reading-level fields of a record: cited conventions, flip points, fragile, vacuous, plausible."""
    return {
        "conventions": [{"id": c, "symbol": sym or None, "default": default or None} for c, sym, default in rr.conventions],
        "flip": [f.to_json() for f in rr.flips],
        "fragile": rr.fragile,
        "vacuous": rr.vacuous,
        "plausible": [{"symbol": p.symbol, "range": p.range_text, "why": p.why} for p in rr.reading.plausible],
        "plausible_refutation": rr.plausible_failed or None,
    }


def reading_record(ar: AssertionResult, rr: ReadingResult, latex: str = "") -> dict[str, Any]:
    """The full record of one reading of an assertion (``role`` = "reading")."""
    return {**claim_record(rr.reading.claim, rr.result, latex), "role": "reading", "assertion": ar.id,
            "primary": rr.reading.primary, "local_id": rr.reading.local_id or None, **reading_extras(rr)}


def lemma_reading_record(lr: LemmaResult, latex: str = "") -> dict[str, Any]:
    """The full record of a lemma (``role`` = "lemma"): never counted in a summary."""
    return {**claim_record(lr.lemma.claim, lr.reading.result, latex), "role": "lemma", "assertion": lr.lemma.bears_on,
            "bears_on": lr.lemma.bears_on, "effect": lr.lemma.effect, "resolves": list(lr.lemma.resolves),
            **reading_extras(lr.reading)}


def assertion_record(ar: AssertionResult) -> dict[str, Any]:
    """One assertion: the document's statement, its verdict (the primary reading's), readings and lemmas."""
    a, primary = ar.assertion, ar.primary
    return {
        "id": a.id, "title": a.title, "kind": a.kind,
        "source": {"document": a.source.document, "section": a.source.section, "quote": a.source.quote},
        "verdict": ar.verdict.value,
        "reason": primary.result.reason,
        "reading_sensitive": ar.reading_sensitive,
        "fragile": primary.fragile,
        "vacuous": primary.vacuous,
        "not_run": ar.not_run,
        "resolves": list(a.resolves),
        "legacy": a.legacy,
        "readings": [{"id": r.id, "primary": r.reading.primary, "verdict": r.verdict.value,
                      "reading": r.reading.claim.reading} for r in ar.readings],
        "lemmas": [{"id": x.id, "effect": x.lemma.effect, "verdict": x.reading.verdict.value} for x in ar.lemmas],
    }


def lemma_record(lr: LemmaResult) -> dict[str, Any]:
    return {"id": lr.id, "title": lr.lemma.claim.title, "bears_on": lr.lemma.bears_on, "effect": lr.lemma.effect,
            "verdict": lr.reading.verdict.value, "resolves": list(lr.lemma.resolves)}


def _bucket(record: Mapping[str, Any]) -> str:
    """The summary bucket of an assertion record: its verdict, or ``not_run`` for an ``undecided`` that only
    says the snippet sandbox was not run (``--run-snippets`` not given)."""
    return NOT_RUN if record.get("not_run") else record["verdict"]


def summarize(assertions: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Counts of assertion verdicts, overall and per document (every verdict listed, zeros included).

    Only assertion records are counted; lemmas and alternative readings never are. An assertion whose verdict
    needs the snippet sandbox and was not run is counted under ``not_run``, not under ``undecided``: that is a
    property of the command line, not a verdict on the document (catalog review 8, F1).
    """
    zero = {**{v.value: 0 for v in Verdict}, NOT_RUN: 0}
    overall = Counter(_bucket(r) for r in assertions)
    per_doc: dict[str, Counter] = {}
    for r in assertions:
        per_doc.setdefault(r["source"]["document"], Counter())[_bucket(r)] += 1
    return {
        "counts": "assertions",
        "total": len(assertions),
        "by_verdict": {**zero, **overall},
        "by_document": {d: {"total": sum(c.values()), **zero, **c} for d, c in sorted(per_doc.items())},
        "reading_sensitive": sum(1 for r in assertions if r["reading_sensitive"]),
        "fragile": sum(1 for r in assertions if r["fragile"]),
        "vacuous": sum(1 for r in assertions if r["vacuous"]),
    }


def document(checked: CheckedCatalog, records: Sequence[Mapping[str, Any]], tool: Mapping[str, str],
             options: Mapping[str, Any]) -> dict[str, Any]:
    """The whole JSON document (schema 3): assertions, lemmas, every checked record, the assertion summary."""
    assertions = [assertion_record(a) for a in sorted(checked.assertions, key=lambda a: a.id)]
    return {"schema": SCHEMA_VERSION, "schema_version": SCHEMA_VERSION, "tool": dict(tool), "options": dict(options),
            "assertions": assertions,
            "lemmas": [lemma_record(x) for x in sorted(checked.lemmas, key=lambda x: x.id)],
            "claims": sorted(records, key=lambda r: r["id"]),
            "section_checks": [s.to_json() for s in checked.sections],
            "summary": summarize(assertions)}

