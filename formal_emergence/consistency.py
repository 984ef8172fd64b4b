"""The cross-document consistency table: quantities that several documents state.

Each ``[[quantity]]`` table in the catalog lists what the documents say about
one quantity (a critical scale, a threshold, a ratio) as ranges. The loader
turns it into a generated claim ``consistency.<id>`` ("every pair of stated
ranges overlaps"), which the engine decides like any other closed statement;
this module renders the table with that verdict and the literature values.
"""

from __future__ import annotations

from fractions import Fraction

from .engine.check import CheckOptions
from .engine.run import check_all
from .literature import get_reference
from .parse.claimfile import Catalog


def _human(x: Fraction | None) -> str:
    if x is None:
        return "-"
    for scale, suffix in ((Fraction(10**12), "T"), (Fraction(10**9), "B"), (Fraction(10**6), "M")):
        if abs(x) >= scale:
            v = x / scale
            return (f"{float(v):g}" if v.denominator != 1 else str(v.numerator)) + suffix
    return f"{float(x):g}" if x.denominator != 1 else str(x.numerator)


def _inside(ref, s) -> bool | None:
    """Whether the reference's value (or whole range) lies in the statement's closed range; None if unknown."""
    lo = ref.value if ref.value is not None else ref.low
    hi = ref.value if ref.value is not None else ref.high
    if lo is None or hi is None:
        return None
    return (s.low is None or lo >= s.low) and (s.high is None or hi <= s.high)


def _against_statements(ref, q) -> str:
    """The reference checked against every stated range, exactly: inside or outside each."""
    parts = []
    for s in q.statements:
        inside = _inside(ref, s)
        mark = "?" if inside is None else ("inside" if inside else "outside")
        parts.append(f"{s.source.document[:3]} {mark}")
    return "against the stated ranges: " + ", ".join(parts)


def render_consistency(catalog: Catalog, options: CheckOptions = CheckOptions()) -> str:
    """The table as text: per quantity, each document's range, literature values, and the verdict."""
    by_id = {c.id: c for c in catalog.claims}
    generated = [by_id[f"consistency.{q.id}"] for q in catalog.quantities if f"consistency.{q.id}" in by_id]
    verdicts = {c.id: r for c, r in check_all(generated, options)}
    lines = []
    for q in catalog.quantities:
        result = verdicts.get(f"consistency.{q.id}")
        verdict = result.verdict.value if result else "-"
        lines.append(f"{q.id}: {q.title} [{q.unit}] -> {verdict}")
        for s in q.statements:
            rng = f"[{_human(s.low)}, {_human(s.high)}]"
            lines.append(f"    {s.source.document[:3]}  {rng:<18} §{s.source.section}: {s.source.quote[:70]}")
        for ref_id in q.references:
            ref = get_reference(ref_id)
            value = ref.value if ref.value is not None else ref.low
            lines.append(f"    lit  {_human(value):<18} {ref.citation()}")
            lines.append(f"         {_against_statements(ref, q)}")
        if result is not None and result.counterexample is not None:
            false = [w for w, v in result.counterexample.evaluations if v == "false"]
            lines.append(f"    contradiction: false {'; '.join(false)}")
        lines.append("")
    lines.append(f"{len(catalog.quantities)} quantities")
    return "\n".join(lines) + "\n"
