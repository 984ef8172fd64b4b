"""Rebuild a checked catalog from ``check --format json`` output: ``report --from check.json``.

The JSON document (docs/json-schema.md) holds every computed part of a result:
verdict, reason, condition, counterexample, evidence, steps, losses, flip
points. The claims themselves (symbols, terms, definitions) come from the claim
files, loaded again (parsing is cheap; nothing is checked). A record whose claim
is missing from the files, or whose statement text differs from the claim's,
is a user error: the JSON was made from other claim files.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Mapping

from ..errors import UserInputError
from ..model.outcome import AssertionResult, CheckedCatalog, Flip, LemmaResult, ReadingResult
from ..model.verdict import Condition, Counterexample, Evidence, ObservedRun, Result, Step, Verdict
from .jsonout import SCHEMA_VERSION, claim_record


def read_check_json(path: str) -> dict[str, Any]:
    """The JSON document in ``path``, with a located user error when it is not a ``check --format json`` output."""
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise UserInputError(f"cannot read {path}: {exc.strerror or exc}", file="<argv>", key="--from",
                             hint="pass the file written by check --format json -o FILE") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise UserInputError(f"not JSON: {exc}", file=path, key="--from",
                             hint="pass the file written by check --format json -o FILE") from None
    if not isinstance(doc, dict) or doc.get("schema") != SCHEMA_VERSION or not isinstance(doc.get("claims"), list):
        raise UserInputError(f"not a check --format json document of schema {SCHEMA_VERSION}", file=path,
                             key="schema", hint="re-run check --format json with this version")
    return doc


def _result(rec: Mapping[str, Any]) -> Result:
    cond = rec.get("condition")
    ce = rec.get("counterexample")
    counterexample = None
    if ce:
        counterexample = Counterexample(
            values=tuple((str(k), str(v)) for k, v in ce["values"].items()),
            evaluations=tuple((x["what"], x["value"]) for x in ce["evaluations"]),
            dps=int(ce["dps"]), confirmed_by=ce["confirmed_by"],
            observed=tuple(ObservedRun(**o) for o in ce.get("observed", ())))
    return Result(
        claim_id=rec["id"], verdict=Verdict.parse(rec["verdict"]), reason=rec["reason"],
        condition=Condition(cond["text"], cond["latex"], cond["sympy"]) if cond else None,
        counterexample=counterexample,
        evidence=tuple(Evidence(e["engine"], e["outcome"],
                                tuple((k, v) for k, v in e.items() if k not in ("engine", "outcome")))
                       for e in rec["evidence"]),
        steps=tuple(Step(**s) for s in rec["steps"]),
        losses=tuple(rec["losses"]),
        defined_where=tuple((d["term"], d["condition"]) for d in rec.get("defined_where") or ()))


def _reading_result(reading, rec: Mapping[str, Any], path: str) -> ReadingResult:
    claim, result = reading.claim, _result(rec)
    if claim_record(claim, result)["statement"]["text"] != rec["statement"]["text"]:
        raise UserInputError(f"claim {claim.id} differs from the one checked in the JSON", file=path,
                             key=f"claims.{claim.id}.statement",
                             hint="the claim file changed since check ran: run check --format json again")
    flips = tuple(Flip(**{**f, "value": f["value"] or ""}) for f in rec.get("flip", ()))
    conventions = tuple((c["id"], c["symbol"] or "", c["default"] or "") for c in rec.get("conventions", ()))
    return ReadingResult(reading, result, conventions, flips, bool(rec.get("vacuous")),
                         rec.get("plausible_refutation") or "")


def checked_from_json(doc: Mapping[str, Any], catalog, path: str) -> CheckedCatalog:
    """The ``CheckedCatalog`` that ``doc`` (a ``check --format json`` document) records, over ``catalog``'s claims."""
    records = {r["id"]: r for r in doc["claims"]}
    readings = {r.id: (a, r) for a in catalog.assertions for r in a.readings}
    lemmas = {x.id: x for x in catalog.lemmas}
    for rid in records:
        if rid not in readings and rid not in lemmas:
            raise UserInputError(f"claim {rid} of the JSON is not in the claim files", file=path,
                                 key=f"claims.{rid}", hint="pass the claim files that check was run on")
    lemma_results = [LemmaResult(x, _reading_result(x.reading, records[x.id], path))
                     for x in sorted(lemmas.values(), key=lambda x: x.id) if x.id in records]
    by_assertion: dict[str, list[LemmaResult]] = {}
    for lr in lemma_results:
        by_assertion.setdefault(lr.lemma.bears_on, []).append(lr)
    out = []
    for a_rec in doc.get("assertions", ()):
        a, _ = readings.get(a_rec["id"], (None, None))
        if a is None:
            raise UserInputError(f"assertion {a_rec['id']} of the JSON is not in the claim files", file=path,
                                 key=f"assertions.{a_rec['id']}", hint="pass the claim files that check was run on")
        done = tuple(_reading_result(r, records[r.id], path) for r in a.readings if r.id in records)
        out.append(AssertionResult(a, done, tuple(by_assertion.get(a.id, ()))))
    return CheckedCatalog(tuple(out), tuple(lemma_results))


__all__ = ["read_check_json", "checked_from_json"]
