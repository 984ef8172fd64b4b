"""Hold a claim against what the document's code does: observed values enter the verdict machinery.

``SnippetSession.prepare`` runs, once per group of blocks, every observation
the snippet-backed claims ask for (only when ``SnippetOptions.run`` is set:
otherwise nothing runs and no process starts). ``SnippetSession.check`` then
decides one claim:

- not run -> ``undecided`` ("snippet not run");
- the block is missing, its hash differs from the one the claim pins, or the
  restoration does not match the document -> ``undecided`` with that reason;
- the sandbox refused an operation or stopped the process -> ``undecided``;
- an observed call (or the block itself) raised although the claim reads a
  value -> ``fails``: the crash is the witness against a claim that the code
  computes something;
- otherwise each observed value is bound to its symbol (a float by its exact
  binary value, a truth value as true/false) and the engine decides the
  resulting statement as usual; a ``fails`` keeps the engine's confirmation
  and adds the observed runs (call, value, block hash) to its witness.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from fractions import Fraction
from pathlib import Path
from typing import Any, Callable

from ..model.claim import Claim
from ..model.snippet import BlockRef, Observe, SnippetUse
from ..model.terms import Bool, Num, Pred, Sym, Term, transform
from ..model.verdict import Counterexample, Evidence, ObservedRun, Result, Verdict
from .blocks import DocumentCode, block_hash, locate_code
from .runner import Block, Limits, Observation, Outcome, RunRecord, run_job

NOT_RUN = "snippet not run"


@dataclass(frozen=True)
class SnippetOptions:
    """``run``: execute snippets (opt-in). ``seeds``: the documents' directory, to verify restorations.
    ``cache``: the cache directory (None: no cache). ``search``: where restorations are looked for."""

    run: bool = False
    seeds: Path | None = None
    cache: Path | None = None
    limits: Limits = Limits()
    search: tuple[Path, ...] = ()


def observation_id(use: SnippetUse, obs: Observe) -> str:
    """The same observation on the same blocks is run once, whichever claims ask for it."""
    what = [use.document, [b.sha256 for b in use.blocks], obs.setup_json, obs.expr_json, list(obs.path)]
    return hashlib.sha256(json.dumps(what).encode()).hexdigest()[:16]


@dataclass
class SnippetSession:
    """The run for one check (one sandboxed job), and the problems found while locating blocks."""

    options: SnippetOptions
    record: RunRecord | None = None
    problems: dict[tuple[str, tuple[BlockRef, ...]], str] = field(default_factory=dict)
    documents: dict[str, DocumentCode | None] = field(default_factory=dict)

    def _code(self, claim: Claim) -> DocumentCode | None:
        doc = claim.snippet.document
        if doc not in self.documents:
            search = tuple(dict.fromkeys((Path(claim.file).resolve().parent, *self.options.search)))
            self.documents[doc] = locate_code(doc, search, self.options.seeds)
        return self.documents[doc]

    def _blocks(self, claim: Claim) -> tuple[tuple[Block, ...], DocumentCode] | str:
        use = claim.snippet
        code = self._code(claim)
        if code is None:
            return (f"the code of {use.document} was not found (no restoration {Path(use.document).stem}.code.md "
                    "beside the claim files, and the document is not in --seeds DIR)")
        if code.verified.startswith("MISMATCH"):
            return f"the restoration of {use.document} does not match the document ({code.verified})"
        blocks = []
        for ref in use.blocks:
            found = code.find(ref.section, ref.block)
            if found is None:
                return f"{use.document} has no code block {ref.label} ({code.origin})"
            if found.sha256 != ref.sha256:
                return (f"the text of {use.document} {ref.label} changed: its SHA-256 is {found.sha256[:16]}..., "
                        f"the claim pins {ref.sha256[:16]}... (re-read the block, then update the hash)")
            blocks.append(Block(f"{use.document} {ref.label}", found.text))
        return tuple(blocks), code

    def prepare(self, claims: list[Claim]) -> None:
        """Run every observation of the snippet-backed ``claims`` in one sandboxed job (each observation
        executes its own blocks afresh, so sharing the process only saves the interpreter start)."""
        if not self.options.run:
            return
        blocks: dict[tuple[str, str], int] = {}
        texts: list[Block] = []
        observations: dict[str, Observation] = {}
        for claim in sorted((c for c in claims if c.snippet is not None), key=lambda c: c.id):
            key = (claim.snippet.document, claim.snippet.blocks)
            located = self._blocks(claim)
            if isinstance(located, str):
                self.problems[key] = located
                continue
            indexes = []
            for block in located[0]:
                ident = (block.label, block_hash(block.code))
                if ident not in blocks:
                    blocks[ident] = len(texts)
                    texts.append(block)
                indexes.append(blocks[ident])
            for obs in claim.snippet.observe:
                oid = observation_id(claim.snippet, obs)
                observations[oid] = Observation(oid, obs.expr, obs.path, obs.setup, tuple(indexes))
        if observations:
            self.record = run_job(tuple(texts), tuple(observations[k] for k in sorted(observations)),
                                  limits=self.options.limits, cache=self.options.cache)

    def check(self, claim: Claim, decide: Callable[[Claim], Result]) -> Result:
        """The result of a snippet-backed ``claim``; ``decide`` is the engine's check of an ordinary claim."""
        use = claim.snippet
        key = (use.document, use.blocks)
        where = f"{use.document} {use.block.label}"
        if not self.options.run:
            return Result(claim.id, Verdict.UNDECIDED, f"{NOT_RUN[0].upper()}{NOT_RUN[1:]}: the claim is about what "
                          f"the code of {where} does; pass --run-snippets to run it in the sandbox.",
                          evidence=(Evidence("sandbox", "not run", (("snippet", where),)),))
        if key in self.problems:
            return Result(claim.id, Verdict.UNDECIDED, f"The snippet was not run: {self.problems[key]}.",
                          evidence=(Evidence("sandbox", "not run", (("snippet", where),
                                                                     ("detail", self.problems[key]))),))
        record = self.record
        code = self._code(claim)
        observed = [(obs, record.outcomes[observation_id(use, obs)]) for obs in use.observe]
        runs = tuple(_run_of(obs, out, use, record) for obs, out in observed)
        evidence = Evidence("sandbox", "observed", (
            ("snippet", where), ("blocks", [{"label": r.label, "sha256": r.sha256} for r in use.blocks]),
            ("code", code.origin if code else ""), ("restoration", code.verified if code else ""),
            ("observations", [r.to_json() for r in runs]), ("environment", _environment(record))))
        blocked = [f"{o.text()}: {out.reason}" for o, out in observed
                   if out.status in ("refused", "stopped")]
        if blocked:
            return Result(claim.id, Verdict.UNDECIDED, "The sandbox did not let the code finish, so the run says "
                          f"nothing about the claim ({'; '.join(blocked)}).", evidence=(evidence,))
        unstable = [f"{o.text()}: {out.reason}" for o, out in observed if out.status == "unstable"]
        if unstable:
            return Result(claim.id, Verdict.UNDECIDED, "The code's result depends on randomness or hash order "
                          "(two sandboxed runs differ, or it draws numbers it does not seed), so "
                          f"one run's value is a sample, not what the code computes ({'; '.join(unstable)}).",
                          evidence=(evidence,))
        crashed = [(o, out, r) for (o, out), r in zip(observed, runs)
                   if o.read == "value" and out.status in ("raised", "block-raised")]
        if crashed:
            return _crash_result(claim, crashed, runs, evidence, where)
        values: dict[str, Term] = {}
        for (obs, out), run in zip(observed, runs):
            term = _term(obs, out)
            if isinstance(term, str):
                return Result(claim.id, Verdict.UNDECIDED, f"The code ran, but {obs.text()} "
                              f"gave {term}, which the statement cannot compare.", evidence=(evidence,))
            values[obs.symbol] = term
        result = decide(bind(claim, values))
        shown = "; ".join(f"{r.symbol} = {r.value} from {r.call}" for r in runs)
        reason = f"Observed in the sandbox ({where}): {shown}. {result.reason}"
        ce = result.counterexample
        if ce is not None:
            ce = Counterexample(tuple((r.symbol, r.value) for r in runs) + ce.values,
                                tuple((r.call, r.value) for r in runs) + ce.evaluations, ce.dps,
                                f"{ce.confirmed_by}, on the values the code returned in a sandboxed run", runs)
        return replace(result, reason=reason, counterexample=ce, evidence=(evidence, *result.evidence))


def bind(claim: Claim, values: dict[str, Term]) -> Claim:
    """``claim`` with the observed symbols replaced by their values (and no longer declared or snippet-backed)."""
    def visit(node: Term) -> Term | None:
        if isinstance(node, Sym) and node.name in values:
            return values[node.name]
        if isinstance(node, Pred) and not node.args and node.name in values:
            return values[node.name]
        return None

    return replace(claim, show=transform(claim.show, visit), assume=tuple(transform(a, visit) for a in claim.assume),
                   symbols=tuple(s for s in claim.symbols if s.name not in values),
                   free=tuple(f for f in claim.free if f not in values), snippet=None)


def _environment(record: RunRecord) -> dict[str, Any]:
    env = record.environment
    return {k: env.get(k) for k in ("python", "libraries", "network_namespace", "limits", "sandbox")}


def decode(v: Any) -> Any:
    """The plain Python image of a JSON value from the sandbox (tagged dicts and arrays unwrapped)."""
    if isinstance(v, list):
        return [decode(x) for x in v]
    if isinstance(v, dict):
        if "dict" in v:
            return {k: decode(x) for k, x in v["dict"].items()}
        if "array" in v:
            return decode(v["array"])
        if "float" in v:
            return float(v["float"])
        if "repr" in v:
            return f"<{v.get('type', 'object')}: {v['repr']}>"
    return v


def _observed_text(obs: Observe, out: Outcome) -> str:
    if out.status in ("raised", "block-raised"):
        return f"raised {out.error['type']}: {out.error['message']}"
    if obs.read == "printed":
        return repr(out.stdout)
    value = decode(out.value)
    return "true" if value is True else "false" if value is False else repr(value)


def _run_of(obs: Observe, out: Outcome, use: SnippetUse, record: RunRecord) -> ObservedRun:
    text = out.reason if out.status in ("refused", "stopped", "unstable") else _observed_text(obs, out)
    return ObservedRun(obs.symbol, obs.text(), out.status, text, f"{use.document} {use.block.label}", use.block.sha256, record.key[:16])


def _term(obs: Observe, out: Outcome) -> Term | str:
    """The term an observation binds to, or a description of why it cannot be bound."""
    if obs.read == "raised":
        got: Any = out.error["type"] if out.error else ""
    elif obs.read == "printed":
        got = out.stdout.rstrip()
    else:
        got = decode(out.value)
    if obs.equals_json:
        return Bool(got == obs.equals)
    if isinstance(got, bool):
        return Bool(got)
    if isinstance(got, int):
        return Num(Fraction(got))
    if isinstance(got, float) and got == got and abs(got) != float("inf"):
        return Num(Fraction(got))
    return f"{type(got).__name__} {got!r:.80}"


def _crash_result(claim: Claim, crashed, runs, evidence: Evidence, where: str) -> Result:
    obs, out, run = crashed[0]
    stage = "executing the block" if out.status == "block-raised" else run.call
    ce = Counterexample(tuple((r.symbol, r.value) for r in runs), tuple((r.call, r.value) for r in runs), 0,
                        "a sandboxed run of the document's code: the call raised instead of returning a value",
                        runs)
    return Result(claim.id, Verdict.FAILS, f"The code does not compute what the claim says: {stage} raised "
                  f"{out.error['type']}: {out.error['message']} (sandboxed run of {where}).",
                  counterexample=ce, evidence=(evidence,))
