"""Plain-text rendering for terminals: one line per claim, a summary, and a detail view."""

from __future__ import annotations

from collections import Counter
from typing import Sequence

from ..model.claim import Claim
from ..model.verdict import Result, Verdict


def render_text(pairs: Sequence[tuple[Claim, Result]]) -> str:
    """One line per claim (id, verdict, reason) sorted by id, then counts by verdict and document."""
    lines = []
    width = max((len(c.id) for c, _ in pairs), default=10)
    for claim, result in sorted(pairs, key=lambda p: p[0].id):
        lines.append(f"{claim.id:<{width}}  {result.verdict.value:<9}  {result.reason}")
    lines.append("")
    lines.append(render_summary(pairs))
    return "\n".join(lines) + "\n"


def render_summary(pairs: Sequence[tuple[Claim, Result]]) -> str:
    total = Counter(r.verdict for _, r in pairs)
    docs: dict[str, Counter] = {}
    for c, r in pairs:
        docs.setdefault(c.document, Counter())[r.verdict] += 1
    head = "  ".join(f"{v.value} {total.get(v, 0)}" for v in Verdict)
    out = [f"{len(pairs)} claims: {head}"]
    for d, cnt in sorted(docs.items()):
        out.append(f"  {d}: " + "  ".join(f"{v.value} {cnt.get(v, 0)}" for v in Verdict))
    return "\n".join(out)


def render_claim(claim: Claim, result: Result) -> str:
    """A readable account of one claim: source, formal statement, verdict, condition, witness, steps, evidence."""
    out = [f"{claim.id}: {claim.title}", f"  kind      : {claim.kind}",
           f"  source    : {claim.source.document} / {claim.source.section}",
           f"  quote     : {claim.source.quote}"]
    if claim.reading:
        out.append(f"  reading   : {claim.reading}")
    if claim.uses:
        out.append(f"  uses      : {', '.join(claim.uses)}")
    if claim.symbols:
        out.append("  symbols   : " + ", ".join(f"{s.name} ({s.domain})" for s in claim.symbols))
    for a in claim.assume_text:
        out.append(f"  assume    : {a}")
    out.append(f"  statement : {claim.show_text}")
    out.append(f"  verdict   : {result.verdict.value}")
    out.append(f"  reason    : {result.reason}")
    if result.condition:
        out.append(f"  condition : {result.condition.text}")
    if result.counterexample:
        ce = result.counterexample
        out.append(f"  witness   : " + (", ".join(f"{k} = {v}" for k, v in ce.values) or "(closed statement)"))
        for what, value in ce.evaluations:
            out.append(f"      {what} = {value}")
        out.append(f"      confirmed by {ce.confirmed_by} at {ce.dps} digits")
    if result.steps:
        out.append("  steps     :")
        for i, s in enumerate(result.steps, 1):
            out.append(f"    {i}. {s.description}: {s.before}  ==>  {s.after}   [{s.rule}]"
                       + (f" (checked: {s.checked})" if s.checked else ""))
    if result.evidence:
        out.append("  evidence  :")
        for e in result.evidence:
            details = ", ".join(f"{k}={_short(v)}" for k, v in e.details if k not in ("lemmas",))
            out.append(f"    - {e.engine}: {e.outcome}" + (f" ({details})" if details else ""))
    for loss in result.losses:
        out.append(f"  encoding  : {loss}")
    return "\n".join(out) + "\n"


def _short(v: object) -> str:
    text = str(v)
    return text if len(text) <= 120 else text[:117] + "..."
