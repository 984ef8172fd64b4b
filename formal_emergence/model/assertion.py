"""Assertions, readings and lemmas (claim format v2) as pure data.

An ``Assertion`` is what a document asserts, in its own polarity. It has one
or more ``Reading``s (formalizations): the first is the primary, fairest one;
the others are alternatives where the text is ambiguous. Each reading wraps
the ``Claim`` the engine checks; its id is the assertion id for the primary
reading and ``<assertion id>/<local id>`` for an alternative.

A ``Lemma`` is the toolkit's own derivation. It bears on one assertion and
says whether it supports or refutes it (or only gives context). Lemmas are
checked like readings but never count as document verdicts.

A legacy ``[[claim]]`` table becomes an assertion with a single primary
reading whose claim keeps the claim's id.
"""

from __future__ import annotations

from dataclasses import dataclass

from .claim import Claim, Source
from .terms import Term

EFFECTS = ("supports", "refutes", "context")


@dataclass(frozen=True, slots=True)
class Plausible:
    """The range a free constant plausibly takes, as the text implies it: ``range`` is a statement on it."""

    symbol: str
    range: Term
    range_text: str
    why: str


@dataclass(frozen=True, slots=True)
class Reading:
    """One formalization of an assertion (or of a lemma).

    ``tolerances`` binds symbols to convention ids: for the verdict the symbol
    takes the convention's default value, and the engine searches the flip
    point on ``open_claim``, the same claim with the tolerance symbols left
    free. ``conventions`` lists every convention the reading relies on (those
    of ``tolerances`` included).
    """

    claim: Claim
    local_id: str = ""
    conventions: tuple[str, ...] = ()
    tolerances: tuple[tuple[str, str], ...] = ()
    plausible: tuple[Plausible, ...] = ()
    open_claim: Claim | None = None

    @property
    def id(self) -> str:
        return self.claim.id

    @property
    def primary(self) -> bool:
        return self.local_id == ""


@dataclass(frozen=True, slots=True)
class Assertion:
    """What a document asserts: title in the document's polarity, source, readings (primary first)."""

    id: str
    title: str
    kind: str
    source: Source
    readings: tuple[Reading, ...]
    resolves: tuple[str, ...] = ()
    file: str = ""
    legacy: bool = False

    @property
    def primary(self) -> Reading:
        return self.readings[0]

    @property
    def alternatives(self) -> tuple[Reading, ...]:
        return self.readings[1:]

    @property
    def document(self) -> str:
        return self.source.document


@dataclass(frozen=True, slots=True)
class Lemma:
    """The toolkit's own derivation bearing on assertion ``bears_on``, with ``effect`` in ``EFFECTS``."""

    id: str
    bears_on: str
    effect: str
    reading: Reading
    resolves: tuple[str, ...] = ()
    file: str = ""

    @property
    def claim(self) -> Claim:
        return self.reading.claim

    @property
    def document(self) -> str:
        return self.claim.source.document


__all__ = ["EFFECTS", "Plausible", "Reading", "Assertion", "Lemma"]
