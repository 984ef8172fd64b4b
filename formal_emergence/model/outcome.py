"""Outcomes of checking assertions, readings and lemmas: pure data for reports.

A ``ReadingResult`` is the one-claim ``Result`` of a reading plus what only
readings have (cited conventions, flip points, vacuity, a plausible-range
refutation). An ``AssertionResult`` counts as a document verdict: its
primary reading's. ``LemmaResult``s are listed under their assertion and never
counted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .assertion import Assertion, Lemma, Reading
from .claim import Claim
from .verdict import Result, Verdict


@dataclass(frozen=True)
class Flip:
    """Where a reading's verdict changes as its tolerance ``symbol`` varies.

    ``value`` is the flip point as text (exact when ``exact``), ``numeric`` a
    decimal rendering; ``below``/``above`` the verdicts on either side (at the
    point itself, ``at``); ``text`` the sentence shown to users. ``value`` is
    empty when the verdict is the same for every tolerance (``text`` says so).
    """

    symbol: str
    convention: str
    default: str
    value: str
    numeric: float | None
    below: str
    above: str
    text: str
    exact: bool
    fragile: bool
    method: str

    def to_json(self) -> dict:
        return {"symbol": self.symbol, "convention": self.convention, "default": self.default,
                "value": self.value or None, "numeric": self.numeric, "below": self.below, "above": self.above,
                "text": self.text, "exact": self.exact, "fragile": self.fragile, "method": self.method}


@dataclass(frozen=True)
class ReadingResult:
    """One reading's result, with the reading-level findings the one-claim engine does not make."""

    reading: Reading
    result: Result
    conventions: tuple[tuple[str, str, str], ...] = ()   # (id, symbol, default) for every cited convention
    flips: tuple[Flip, ...] = ()
    vacuous: bool = False
    plausible_failed: str = ""                           # the plausible-range sentence when it flipped the verdict

    @property
    def id(self) -> str:
        return self.reading.id

    @property
    def verdict(self) -> Verdict:
        return self.result.verdict

    @property
    def fragile(self) -> bool:
        return any(f.fragile for f in self.flips)


@dataclass(frozen=True)
class LemmaResult:
    lemma: Lemma
    reading: ReadingResult

    @property
    def id(self) -> str:
        return self.lemma.id


def _snippet_not_run(reading: "ReadingResult") -> bool:
    """``reading`` is about what a document's code does and the snippet sandbox was not run."""
    return reading.verdict is Verdict.UNDECIDED and any(
        e.engine == "sandbox" and e.outcome == "not run" for e in reading.result.evidence)


@dataclass(frozen=True)
class AssertionResult:
    assertion: Assertion
    readings: tuple[ReadingResult, ...]
    lemmas: tuple[LemmaResult, ...] = ()

    @property
    def id(self) -> str:
        return self.assertion.id

    @property
    def primary(self) -> ReadingResult:
        return self.readings[0]

    @property
    def verdict(self) -> Verdict:
        return self.primary.verdict

    @property
    def reading_sensitive(self) -> bool:
        """The readings that were decided in this run have different verdicts. A reading whose snippet was not
        run is left out: its ``undecided`` is a property of the run (catalog review 9 F3)."""
        return len({r.verdict for r in self.readings if not _snippet_not_run(r)}) > 1

    @property
    def not_run(self) -> bool:
        """The primary reading is about what a document's code does and the snippet sandbox was not run
        (``--run-snippets`` not given): its ``undecided`` is a property of the run, not of the claim, so
        summaries count it in its own bucket ``not_run`` (docs/snippets.md)."""
        return _snippet_not_run(self.primary)


@dataclass(frozen=True)
class CheckedCatalog:
    """The outcome of a run: assertions (counted) and the lemmas bearing on them (never counted)."""

    assertions: tuple[AssertionResult, ...]
    lemmas: tuple[LemmaResult, ...] = field(default=())
    #: Per-section consistency checks (``engine.sections.SectionCheck``); a conflict is also an assertion.
    sections: tuple = field(default=())

    def pairs(self) -> list[tuple[Claim, Result]]:
        """Every checked claim with its result (readings and lemmas), sorted by id: what reports lay out."""
        out = [(r.reading.claim, r.result) for a in self.assertions for r in a.readings]
        out += [(x.reading.reading.claim, x.reading.result) for x in self.lemmas]
        return sorted(out, key=lambda p: p[0].id)

    def reading_results(self) -> dict[str, ReadingResult]:
        out = {r.id: r for a in self.assertions for r in a.readings}
        out.update({x.id: x.reading for x in self.lemmas})
        return out


__all__ = ["Flip", "ReadingResult", "LemmaResult", "AssertionResult", "CheckedCatalog"]
