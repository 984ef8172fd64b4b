"""Plain-text rendering for terminals: one line per claim, a summary, and a detail view."""

from __future__ import annotations

from collections import Counter
from typing import Sequence

from ..model.claim import Claim
from ..model.outcome import CheckedCatalog, ReadingResult
from ..model.verdict import Result, Verdict
from ..textsafe import inert


#: Verdicts a ``--quiet`` run still lists: the ones an author has to look at.
PROBLEMS = (Verdict.FAILS, Verdict.HOLDS_IF, Verdict.UNDECIDED)
#: ANSI SGR colour of each verdict word (``--color``): green proved, red refuted, yellow conditional.
_SGR = {Verdict.HOLDS: "32", Verdict.FAILS: "31", Verdict.HOLDS_IF: "33", Verdict.UNDECIDED: "35",
        Verdict.INFORMAL: "36"}


def render_text(checked: CheckedCatalog, *, quiet: bool = False, color: bool = False) -> str:
    """One line per assertion (id, verdict, flags, reason) sorted by id, its alternative readings and lemmas
    indented below it, then the counts of assertion verdicts by document (lemmas are never counted).

    ``quiet``: only the assertions whose verdict is a problem (``PROBLEMS``), without readings or lemmas,
    then the summary. ``color``: the verdict word of each assertion line in ANSI colour (added after
    control characters are escaped, so a claim file can never emit one)."""
    lines = []
    units = [(a.id, a.primary) for a in checked.assertions]
    width = max((len(i) for i, _ in units), default=10)
    bearing = {a.id for a in checked.assertions}
    heads: dict[int, Verdict] = {}
    for ar in sorted(checked.assertions, key=lambda a: a.id):
        if quiet and ar.verdict not in PROBLEMS:
            continue
        heads[len(lines)] = ar.verdict
        lines.append(f"{ar.id:<{width}}  {ar.verdict.value:<9}  {_flags(ar.primary, ar.reading_sensitive)}"
                     f"{ar.primary.result.reason}")
        if quiet:
            continue
        lines += _reading_details(ar.primary, "    ")
        for rr in ar.readings[1:]:
            lines.append(f"    reading {rr.id}: {rr.verdict.value}  {_flags(rr)}{rr.result.reason}")
            lines += _reading_details(rr, "      ")
        for lr in ar.lemmas:
            lines.append(f"    lemma ({lr.lemma.effect}) {lr.id}: {lr.reading.verdict.value}  {_flags(lr.reading)}"
                         f"{lr.reading.result.reason}")
            lines += _reading_details(lr.reading, "      ")
    for lr in checked.lemmas:
        if lr.lemma.bears_on not in bearing and not quiet:
            lines.append(f"lemma ({lr.lemma.effect} {lr.lemma.bears_on}) {lr.id}: {lr.reading.verdict.value}  "
                         f"{_flags(lr.reading)}{lr.reading.result.reason}")
            lines += _reading_details(lr.reading, "    ")
    lines.append("")
    lines.extend(render_summary(checked).split("\n"))
    safe = [inert(line) for line in lines]
    if color:
        for i, verdict in heads.items():  # ids are validated names, so the verdict column is at width + 2
            word = verdict.value
            start = width + 2
            if safe[i][start:start + len(word)] == word:
                safe[i] = f"{safe[i][:start]}\x1b[{_SGR[verdict]}m{word}\x1b[0m{safe[i][start + len(word):]}"
    return "".join(line + "\n" for line in safe)


def _flags(rr: ReadingResult, reading_sensitive: bool = False) -> str:
    flags = [name for name, on in (("reading-sensitive", reading_sensitive), ("fragile", rr.fragile),
                                   ("vacuous", rr.vacuous)) if on]
    return f"[{', '.join(flags)}] " if flags else ""


def _reading_details(rr: ReadingResult, indent: str) -> list[str]:
    """Flip points and cited conventions of a reading, one line each."""
    out = [f"{indent}flip point: {f.text}" for f in rr.flips]
    if rr.conventions:
        out.append(f"{indent}conventions: " + ", ".join(_convention_text(c) for c in rr.conventions))
    return out


def _convention_text(c: tuple[str, str, str]) -> str:
    cid, sym, default = c
    return f"{cid} ({sym} = {default})" if default else cid


def render_summary(checked: CheckedCatalog) -> str:
    """Counts of assertion verdicts, overall and per document; lemmas and alternative readings are not counted."""
    total = Counter(a.verdict for a in checked.assertions)
    docs: dict[str, Counter] = {}
    for a in checked.assertions:
        docs.setdefault(a.assertion.document, Counter())[a.verdict] += 1
    head = "  ".join(f"{v.value} {total.get(v, 0)}" for v in Verdict)
    alternatives = sum(len(a.readings) - 1 for a in checked.assertions)
    sensitive = sum(1 for a in checked.assertions if a.reading_sensitive)
    out = [f"{len(checked.assertions)} assertions: {head}"]
    for d, cnt in sorted(docs.items()):
        out.append(f"  {d}: " + "  ".join(f"{v.value} {cnt.get(v, 0)}" for v in Verdict))
    out.append(f"not counted: {alternatives} alternative readings ({sensitive} assertions reading-sensitive), "
               f"{len(checked.lemmas)} lemmas")
    return "\n".join(inert(line) for line in out)


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
    return _inert_lines(out)


def _inert_lines(lines: Sequence[str]) -> str:
    """Join output lines, each with its control characters escaped: a field can never forge a line."""
    return "".join(inert(line) + "\n" for line in lines)


def render_unit(checked: CheckedCatalog, unit_id: str) -> str:
    """``show ID``: an assertion with every reading and lemma, or one reading, or one lemma."""
    out = []
    for ar in checked.assertions:
        readings = ar.readings if unit_id == ar.id else [r for r in ar.readings if r.id == unit_id]
        if not readings:
            continue
        if len(ar.readings) > 1 or ar.lemmas:
            sens = " (reading-sensitive: its readings' verdicts differ)" if ar.reading_sensitive else ""
            out.append(f"assertion {ar.id}: {ar.verdict.value}{sens}, the verdict of its primary reading; "
                       f"{len(ar.readings) - 1} alternative readings, {len(ar.lemmas)} lemmas (not counted)\n")
        for rr in readings:
            out.append(render_reading(rr, "primary reading" if rr.reading.primary else "alternative reading"))
        if unit_id == ar.id:
            for lr in ar.lemmas:
                out.append(render_reading(lr.reading, f"lemma ({lr.lemma.effect}, bears on {ar.id}; not counted)"))
    for lr in checked.lemmas:
        if lr.id == unit_id:
            out.append(render_reading(lr.reading, f"lemma ({lr.lemma.effect}, bears on {lr.lemma.bears_on}; "
                                                  "not counted)"))
    return "\n".join(out)


def render_reading(rr: ReadingResult, role: str) -> str:
    """One reading or lemma in detail (``render_claim``) with its role, flags, conventions and flip points."""
    extra = [f"  role      : {role}"]
    flags = _flags(rr).strip()
    if flags:
        extra.append(f"  flags     : {flags}")
    for c in rr.conventions:
        extra.append(f"  convention: {_convention_text(c)}")
    for f in rr.flips:
        extra.append(f"  flip point: {f.text}")
    for p in rr.reading.plausible:
        extra.append(f"  plausible : {p.range_text}" + (f" ({p.why})" if p.why else ""))
    extra = [inert(line) for line in extra]
    text = render_claim(rr.reading.claim, rr.result)
    head, _, rest = text.partition("\n")
    return "\n".join([head, *extra, rest]) if rest else "\n".join([head, *extra]) + "\n"


def _short(v: object) -> str:
    text = str(v)
    return text if len(text) <= 120 else text[:117] + "..."
