"""Per-section consistency: can the statements of one section of a document all hold together?

``check_section`` hands the statements of one section to the consistency
machinery (``engine.conflicts``) under a small deterministic budget
(``SECTION_RLIMIT`` per solver call, no refinement rounds, at most
``MAX_DROPS`` statements dropped as unsatisfiable on their own). It returns a
``SectionCheck``: consistent, undecided, or inconsistent with a minimal core.
Only an inconsistent section becomes an assertion (``conflict_assertion``),
with verdict ``fails`` and the core quoted; the rest are recorded as section
checks and never counted.

Members are chosen so that a conflict is one *in the document*:

- statements whose symbols (or undefined predicates and functions) are
  declared with a different domain or meaning (kind, arity, missing text)
  than in a statement already taken are left out (two readings of one symbol
  are not a document conflict);
- a statement that cannot hold on its own (a core of one) is dropped and the
  check repeated: it is already refuted by its own verdict;
- for the catalog (``catalog_members``), only primary readings that are not
  informal, have a free symbol, and are neither proved (``holds``: valid, so
  never in a minimal core) nor refuted alone (``fails``: the section is then
  already inconsistent through that one statement).

In a checked catalog (``check_catalog_section``) each statement is read as the engine reads it alone: for every value of its
variables (``for_all``: every symbol that is not a free constant), with the free
constants shared at one value; a ``holds-if`` statement enters as its weakest
condition, which holds exactly where it does (proved both ways). So
"consistent" means one choice of the free constants makes every statement
hold, and an ``unsat`` answer refutes them together (adversarial review 10 F2:
one shared point made sections "consistent" whose conditions exclude each
other). A power, exp or log of a quantified symbol leaves the check undecided.
The formula stubs of ``scan`` are checked with every symbol at one value.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from ..model.assertion import Assertion, Reading
from ..model.claim import Claim, Source
from ..model.outcome import AssertionResult, ReadingResult
from ..model.terms import Bool, free_symbols
from ..model.verdict import Counterexample, Evidence, Result, Verdict

#: z3 resource budget per solver call of a section check (deterministic; far below a claim's).
SECTION_RLIMIT = 2_000_000
#: At most this many statements are dropped as unsatisfiable alone before the section is left undecided.
MAX_DROPS = 8
#: Verdicts of catalog readings that may take part (see the module docstring for why the others do not).
MEMBER_VERDICTS = (Verdict.HOLDS_IF, Verdict.UNDECIDED)


@dataclass(frozen=True)
class SectionCheck:
    """The consistency check of one section: members, left-out statements (id, why), outcome."""

    document: str
    section: str
    members: tuple[str, ...]
    excluded: tuple[tuple[str, str], ...]
    status: str                          # "consistent" | "inconsistent" | "undecided" | "too few"
    core: tuple[Claim, ...] = ()
    minimal: bool = False
    reason: str = ""

    def to_json(self) -> dict:
        return {"document": self.document, "section": self.section, "status": self.status,
                "members": list(self.members), "core": [c.id for c in self.core], "minimal": self.minimal,
                "excluded": [{"id": i, "why": w} for i, w in self.excluded], "reason": self.reason}


def _compatible(claims: Sequence[Claim]) -> tuple[list[Claim], list[tuple[str, str]]]:
    """Claims (by id) whose symbol declarations agree with those already taken, and the rest with why."""
    taken: list[Claim] = []
    excluded: list[tuple[str, str]] = []
    decls: dict[str, tuple] = {}
    for c in sorted(claims, key=lambda c: c.id):
        if c.function_property is not None or any(u.axioms is not None for u in c.undefined):
            excluded.append((c.id, "a property of a function or axioms, which the consistency check does not combine"))
            continue
        mine = {d.name: (d.domain, d.meaning) for d in c.symbols}
        mine.update({u.name: (u.kind, u.arity, u.missing) for u in c.undefined})
        clash = sorted(n for n, v in mine.items() if n in decls and decls[n] != v)
        if clash:
            excluded.append((c.id, f"{clash[0]} is declared with another domain, meaning or definition gap in a "
                                   "statement already taken"))
            continue
        taken.append(c)
        decls.update(mine)
    return taken, excluded


def check_catalog_section(document: str, section: str, claims: Sequence[Claim], options,
                          excluded: Iterable[tuple[str, str]] = ()) -> SectionCheck:
    """``check_section`` with each statement read for every value of its variables (``_universal``), as the
    engine reads it alone: the check of a checked catalog's sections (``catalog_members``)."""
    return check_section(document, section, claims, options, excluded, universal=True)


def check_section(document: str, section: str, claims: Sequence[Claim], options,
                  excluded: Iterable[tuple[str, str]] = (), universal: bool = False) -> SectionCheck:
    """Check whether ``claims`` (the statements of one section) can hold together; see the module docstring.
    Without ``universal`` every symbol takes one value across the statements (the formula stubs of ``scan``)."""
    from .conflicts import check_consistency
    members, clashes = _compatible(claims)
    left_out = list(excluded) + clashes
    opts = replace(options, rlimit=min(options.rlimit, SECTION_RLIMIT))
    for _ in range(MAX_DROPS + 1):
        ids = tuple(c.id for c in members)
        if len(members) < 2:
            return SectionCheck(document, section, ids, tuple(left_out), "too few",
                                reason="fewer than two statements to check together")
        report = check_consistency(members, opts, for_all=_universal(members) if universal else (),
                                   refinement_rounds=0)
        if report.status == "inconsistent" and len(report.core) == 1:
            alone = report.core[0].id
            left_out.append((alone, "cannot hold on its own (its own verdict says so)"))
            members = [c for c in members if c.id != alone]
            continue
        status = {"unknown": "undecided"}.get(report.status, report.status)
        # the model is printed by the consistent command, not with a section check: say it in the reason
        shown = ", ".join(f"{k} = {v}" for k, v in (*report.model, *report.truth_table))
        reason = report.reason.replace("at the model below", f"at {shown}" if shown else "for every value")
        return SectionCheck(document, section, ids, tuple(left_out), status, report.core, report.minimal, reason)
    return SectionCheck(document, section, tuple(c.id for c in members), tuple(left_out), "undecided",
                        reason=f"more than {MAX_DROPS} statements could not hold on their own")


def _universal(members: Sequence[Claim]) -> tuple[str, ...]:
    """The symbols each statement quantifies for itself: all but the free constants (and booleans). A statement is
    read for every value of its variables, so "consistent" must mean that one choice of the free constants makes
    every statement hold for all of them, not that one point satisfies all (adversarial review 10 F2)."""
    free = {f for c in members for f in c.free}
    return tuple(sorted({d.name for c in members for d in c.symbols if d.domain != "bool"} - free))


def catalog_members(results: Iterable[AssertionResult]) -> dict[tuple[str, str], tuple[list[Claim], list]]:
    """The statements of each (document, section) of a checked catalog, and those left out with why."""
    out: dict[tuple[str, str], tuple[list[Claim], list]] = {}
    for a in sorted(results, key=lambda a: a.id):
        claim = a.primary.reading.claim
        if claim.notes.startswith("generated"):
            continue
        members, left_out = out.setdefault((a.assertion.source.document, a.assertion.source.section), ([], []))
        why = ""
        if claim.snippet is not None:
            why = "backed by a document snippet, not a formula"
        elif claim.function_property is not None:
            why = "a property of a function (monotone, continuous, smooth), not one formula to combine"
        elif any(u.axioms is not None for u in claim.undefined):
            why = "uses functions given by axioms, which the consistency check does not combine"
        elif a.verdict not in MEMBER_VERDICTS:
            why = {Verdict.HOLDS: "proved on its own: valid, so never part of a minimal conflict",
                   Verdict.FAILS: "refuted on its own",
                   Verdict.INFORMAL: "informal"}.get(a.verdict, a.verdict.value)
        elif not any(free_symbols(t) for t in (*claim.assume, claim.show)):
            why = "closed: decided on its own"
        if why:
            left_out.append((claim.id, why))
        else:
            members.append(_by_condition(claim, a.primary.result))
    return out


def _by_condition(claim: Claim, result: Result) -> Claim:
    """A ``holds-if`` statement as its weakest condition, which holds exactly where the statement does (proved
    both ways), so the check needs no quantifier over the statement's variables; else the statement itself."""
    if result.verdict is not Verdict.HOLDS_IF or result.condition is None:
        return claim
    from ..parse.claimfile import _scope  # the claim's own names, read by the allow-list parser
    from ..parse.expr import parse_expression
    try:
        cond = parse_expression(result.condition.text, _scope(claim.symbols, claim.undefined, claim.definitions),
                                expect_boolean=True)
    except Exception:  # noqa: BLE001 - a condition the claim syntax cannot express: keep the statement
        return claim
    return replace(claim, assume=(), assume_text=(), show=cond, show_text=f"{result.condition.text} (its weakest "
                   f"condition, for {claim.show_text})", function_property=None)


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()


def section_assertion_id(document: str, section: str) -> str:
    """The id of the generated assertion of a section's conflict (``conflict_assertion``)."""
    doc_key = _slug(document.split("_")[0].split(".")[0]) or "doc"
    number = re.match(r"[\d.]+", section.strip())
    sec_key = _slug(number.group(0)) if number else _slug(section) or f"s{zlib.crc32(section.encode()):08x}"
    return f"section-consistency.{doc_key}.{sec_key}"


def conflict_assertion(check: SectionCheck) -> AssertionResult:
    """The generated assertion "the statements of this section can hold together", verdict ``fails``."""
    aid = section_assertion_id(check.document, check.section)
    quote = " | ".join(f"{c.id}: {' '.join(c.source.quote.split())}" for c in check.core)
    claim = Claim(id=aid, title=f"The statements of §{check.section} can hold together", kind="theorem",
                  source=Source(check.document, check.section, quote), symbols=(), uses=(), assume=(),
                  assume_text=(), show=Bool(True), show_text=" and ".join(f"[{c.id}]" for c in check.core),
                  reading="the section's statements (its definitions, theorems and assumptions that are neither "
                          "proved nor refuted alone) hold together: each for every value of its variables, the free "
                          "constants at one value (a holds-if statement by its weakest condition)",
                  notes="generated by the per-section consistency check")
    members = "; ".join(f"{c.id}: {c.show_text} (“{' '.join(c.source.quote.split())}”)" for c in check.core)
    result = Result(aid, Verdict.FAILS,
                    f"{check.reason}; {'minimal' if check.minimal else 'not proved minimal'} conflicting subset: "
                    f"{members}",
                    counterexample=Counterexample(
                        (), tuple((c.id, c.show_text) for c in check.core), 0,
                        "z3 unsat: no value of the shared symbols satisfies every member of the core (each with "
                        "the side conditions of its own terms); the core is deletion-minimised"),
                    evidence=(Evidence("z3", "unsat", (("method", "consistency of the section's statements"),
                                                       ("core", [c.id for c in check.core]),
                                                       ("minimal", check.minimal),
                                                       ("rlimit_per_call", SECTION_RLIMIT))),))
    assertion = Assertion(aid, claim.title, claim.kind, claim.source, (Reading(claim),), legacy=True)
    return AssertionResult(assertion, (ReadingResult(assertion.primary, result),))


__all__ = ["SectionCheck", "check_section", "check_catalog_section", "catalog_members", "conflict_assertion",
           "section_assertion_id", "SECTION_RLIMIT"]
