"""Plain-text rendering for terminals: one line per claim, a summary, and a detail view."""

from __future__ import annotations

import re
import textwrap
from collections import Counter
from dataclasses import dataclass, field
from typing import Collection, Mapping, Sequence

from ..model.claim import Claim
from ..model.outcome import CheckedCatalog, ReadingResult
from ..model.verdict import Result, Verdict
from ..textsafe import inert


#: Verdicts a ``--quiet`` run still lists: the ones an author has to look at.
PROBLEMS = (Verdict.FAILS, Verdict.HOLDS_IF, Verdict.UNDECIDED)
#: ANSI SGR colour of each verdict word (``--color``): green proved, red refuted, yellow conditional.
_SGR = {Verdict.HOLDS: "32", Verdict.FAILS: "31", Verdict.HOLDS_IF: "33", Verdict.UNDECIDED: "35",
        Verdict.INFORMAL: "36"}


#: Width of text output when stdout is not a terminal.
DEFAULT_WIDTH = 100
#: Continuation lines of a wrapped assertion line start with this.
CONTINUATION = "      "
#: The one-line reason of the default output is cut after this many characters.
BRIEF = 160


@dataclass(frozen=True)
class TextStyle:
    """How ``render_text`` lays out: ``quiet`` only the ``PROBLEMS``; ``verbose`` full reasons, readings and
    lemmas; ``color`` ANSI verdict words; ``width`` the wrap width; ``titles`` document file -> title."""

    quiet: bool = False
    verbose: bool = False
    color: bool = False
    width: int = DEFAULT_WIDTH
    titles: Mapping[str, str] = field(default_factory=dict)


def render_text(checked: CheckedCatalog, *, quiet: bool = False, color: bool = False, verbose: bool = False,
                width: int = DEFAULT_WIDTH, titles: Mapping[str, str] | None = None,
                streamed: Collection[str] = ()) -> str:
    """One line per assertion (verdict, id, flags, the first sentence of the reason) sorted by id and wrapped
    to ``width`` with indented continuation lines, then the counts of assertion verdicts by document, each
    document named by its short name and title (lemmas are never counted).

    ``quiet``: only the assertions whose verdict is a problem (``PROBLEMS``). ``verbose``: the full reason,
    and the alternative readings and lemmas indented below each assertion. ``color``: the verdict words in
    ANSI colour (added after control characters are escaped, so a claim file can never emit one).
    ``streamed``: ids of assertions already written (``render_assertion`` as each finished); they are left out."""
    style = TextStyle(quiet, verbose, color, width, titles or {})
    out = [render_assertion(ar, style) for ar in sorted(checked.assertions, key=lambda a: a.id)
           if ar.id not in streamed]
    bearing = {a.id for a in checked.assertions}
    if verbose:
        for lr in checked.lemmas:
            if lr.lemma.bears_on not in bearing:
                out.append(_wrap(f"lemma ({lr.lemma.effect} {lr.lemma.bears_on}) {lr.id}: "
                                 f"{lr.reading.verdict.value}  {_flags(lr.reading)}{lr.reading.result.reason}", style,
                                 lr.reading.verdict, color=False)
                           + "".join(_wrap(x, style) for x in _reading_details(lr.reading, "    ")))
    summary = "".join(_wrap(line, style) for line in render_summary(checked, titles or {}).split("\n"))
    return "".join(out) + "\n" + summary


def render_assertion(ar, style: TextStyle) -> str:
    """The text lines of one assertion (nothing when ``style.quiet`` and its verdict is no problem)."""
    if style.quiet and ar.verdict not in PROBLEMS:
        return ""
    reason = ar.primary.result.reason if style.verbose else brief(ar.primary.result.reason)
    text = _wrap(f"{ar.verdict.value:<9}  {ar.id}  {_flags(ar.primary, ar.reading_sensitive)}{reason}", style,
                 ar.verdict)
    if not style.verbose:
        return text
    lines = _reading_details(ar.primary, "    ")
    for rr in ar.readings[1:]:
        lines.append(f"    reading {rr.id}: {rr.verdict.value}  {_flags(rr)}{rr.result.reason}")
        lines += _reading_details(rr, "      ")
    for lr in ar.lemmas:
        lines.append(f"    lemma ({lr.lemma.effect}) {lr.id}: {lr.reading.verdict.value}  {_flags(lr.reading)}"
                     f"{lr.reading.result.reason}")
        lines += _reading_details(lr.reading, "      ")
    return text + "".join(_wrap(line, style) for line in lines)


def brief(reason: str) -> str:
    """The first sentence of ``reason``, at most ``BRIEF`` characters (cut at a word, with an ellipsis)."""
    reason = reason.split(" (reading:", 1)[0]  # the reading is the claim file's own text: --verbose shows it
    m = re.search(r"(?<=[.;])\s", reason[20:])
    first = reason[:20 + m.start()].rstrip(";") if m else reason
    if len(first) <= BRIEF:
        return first
    cut = first[:BRIEF - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


def _wrap(line: str, style: TextStyle, verdict: Verdict | None = None, *, color: bool = True) -> str:
    """``line`` with control characters escaped, wrapped to ``style.width`` (continuations indented, a leading
    indent kept), its leading verdict word coloured when asked; every line ends with a newline."""
    safe = inert(line)
    indent = safe[:len(safe) - len(safe.lstrip(" "))]
    parts = textwrap.wrap(safe, width=max(style.width, 40), initial_indent="", subsequent_indent=indent + CONTINUATION,
                          break_long_words=False, break_on_hyphens=False, drop_whitespace=True) or [safe]
    if verdict is not None and color and style.color and parts[0].startswith(verdict.value):
        parts[0] = f"\x1b[{_SGR[verdict]}m{verdict.value}\x1b[0m{parts[0][len(verdict.value):]}"
    return "".join(p + "\n" for p in parts)


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


def document_label(document: str, titles: Mapping[str, str]) -> str:
    """``000 08.4.3-涌现的理论解释与数学模型``: the document's short name (its file name up to the first ``_``, or
    its stem) and its title when one is known; the file name otherwise."""
    stem = document.rsplit(".", 1)[0] if "." in document else document
    short = stem.split("_", 1)[0] if "_" in stem else stem
    title = titles.get(document, "").strip()
    return f"{short} {title}" if title else document


def render_summary(checked: CheckedCatalog, titles: Mapping[str, str] | None = None) -> str:
    """Counts of assertion verdicts, overall and per document (by ``document_label``); lemmas and alternative
    readings are not counted."""
    titles = titles or {}

    def bucket(a) -> Verdict | str:  # an undecided only because --run-snippets was not given is not a verdict
        return "not run" if a.not_run else a.verdict

    def counts(cnt: Counter) -> str:
        line = "  ".join(f"{v.value} {cnt.get(v, 0)}" for v in Verdict)
        return line + (f"  not run {cnt['not run']} (needs --run-snippets)" if cnt.get("not run") else "")

    total = Counter(bucket(a) for a in checked.assertions)
    docs: dict[str, Counter] = {}
    for a in checked.assertions:
        docs.setdefault(a.assertion.document, Counter())[bucket(a)] += 1
    head = counts(total)
    alternatives = sum(len(a.readings) - 1 for a in checked.assertions)
    sensitive = sum(1 for a in checked.assertions if a.reading_sensitive)
    n = len(checked.assertions)
    out = [f"{n} assertion{'' if n == 1 else 's'}: {head}"]
    for d, cnt in sorted(docs.items()):
        out.append(f"  {document_label(d, titles)}: " + counts(cnt))
    out.append(f"not counted: {alternatives} alternative reading{'' if alternatives == 1 else 's'} ({sensitive} "
               f"reading-sensitive), {len(checked.lemmas)} lemma{'' if len(checked.lemmas) == 1 else 's'}")
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
