"""Verdicts for assertions: every reading checked, the primary reading's verdict counted.

``check_catalog`` checks each selected reading and lemma with the one-claim
engine (``engine.check``), then adds what only readings have:

- the conventions they rely on, cited with their defaults in the reason;
- the flip point of a tolerance bound to a convention (``engine.flip``);
- plausible ranges: a ``holds-if`` whose condition no plausible value of the
  free constant satisfies becomes ``fails`` (``engine.plausible``);
- vacuity: a ``holds`` whose assumptions can never hold together is flagged.

An assertion's verdict is its primary reading's; it is *reading-sensitive*
when its readings' verdicts differ. Lemmas are reported under the assertion
they bear on and are never counted.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Iterable, Sequence

from ..errors import CheckInterrupted
from ..model.assertion import Assertion, Lemma, Reading
from ..model.outcome import AssertionResult, CheckedCatalog, LemmaResult, ReadingResult
from ..model.verdict import Result


def select_units(catalog, ids: Sequence[str] = (), documents: Sequence[str] = ()
                 ) -> tuple[list[Assertion], list[Lemma], dict[str, set[str]]]:
    """The assertions and lemmas to check for ``--claim`` ids (assertion, reading or lemma) and documents.

    Returns the assertions, the lemmas, and for each selected assertion the
    reading ids to check: all of them (and its lemmas) when the assertion id
    is given, the primary and the named reading for a reading id.
    """
    from ..errors import UserInputError
    assertions = list(catalog.assertions)
    lemmas = list(catalog.lemmas)
    only: dict[str, set[str]] = {}
    if ids:
        by_reading = {r.id: a for a in catalog.assertions for r in a.readings}
        by_lemma = {x.id: x for x in catalog.lemmas}
        picked_a: dict[str, Assertion] = {}
        picked_l: dict[str, Lemma] = {}
        whole: set[str] = set()
        for i in ids:
            if i in by_lemma:
                picked_l[i] = by_lemma[i]
            elif i in by_reading:
                a = by_reading[i]
                if i == a.id:
                    whole.add(a.id)
                    only[a.id] = {r.id for r in a.readings}
                elif a.id not in whole:
                    only.setdefault(a.id, {a.id}).add(i)  # the primary reading carries the assertion's verdict
                picked_a[a.id] = a
            else:
                catalog.claim(i)  # raises the located unknown-id error with a close match
        picked_l.update({x.id: x for x in catalog.lemmas if x.bears_on in whole})  # shown under their assertion
        assertions = sorted(picked_a.values(), key=lambda a: a.id)
        lemmas = sorted(picked_l.values(), key=lambda x: x.id)
    if documents:
        known = sorted({a.document for a in catalog.assertions} | {x.document for x in catalog.lemmas})
        for d in documents:
            matching = [k for k in known if k == d or k.startswith(d)]
            if not matching:
                raise UserInputError(f"unknown document {d!r}", file="<argv>", key="--document",
                                     hint="one of " + ", ".join(known))
            if d not in matching and len(matching) > 1:
                raise UserInputError(f"document prefix {d!r} matches {len(matching)} documents", file="<argv>",
                                     key="--document", hint="give more of the name, or repeat --document: "
                                                            + ", ".join(matching))

        def keep(doc: str) -> bool:
            return any(doc == d or doc.startswith(d) for d in documents)

        assertions = [a for a in assertions if keep(a.document)]
        lemmas = [x for x in lemmas if keep(x.document)]
    return assertions, lemmas, only


def check_catalog(catalog, options, ids: Sequence[str] = (), documents: Sequence[str] = (),
                  progress: Callable[[int, int, str], None] | None = None, execution=None,
                  snippets=None, on_assertion: Callable[[AssertionResult], None] | None = None) -> CheckedCatalog:
    """Check the selected assertions (every reading) and lemmas of ``catalog``; ``execution``
    (``engine.runner.Execution``) says on which executor and with which cache. ``snippets`` (a
    ``snippets.claims.SnippetSession``) runs the document code that snippet-backed readings cite, only if it
    was made to; by default nothing runs ("snippet not run"). ``on_assertion`` is called with each
    assertion's result (its readings and the lemmas bearing on it) as soon as it and every assertion before
    it in id order are done, so that a caller can stream output that never depends on timing."""
    assertions, lemmas, only = select_units(catalog, ids, documents)
    checked = check_units(assertions, lemmas, options, only, progress, execution, snippets, on_assertion)
    return checked if ids else with_section_checks(checked, options, execution)


def with_section_checks(checked: CheckedCatalog, options, execution=None) -> CheckedCatalog:
    """``checked`` with the consistency check of each section (``engine.sections``) that has at least two
    statements to combine: each is recorded, an inconsistent one also becomes a generated ``fails`` assertion.
    ``execution`` (``engine.runner.Execution``) says on which executor and with which cache they run."""
    from .runner import run_sections
    from .sections import catalog_members, check_catalog_section, conflict_assertion
    todo = [(doc, sec, members, left_out)
            for (doc, sec), (members, left_out) in sorted(catalog_members(checked.assertions).items())
            if len(members) >= 2]
    sections = tuple(run_sections(todo, options, check_catalog_section, execution))
    conflicts = tuple(conflict_assertion(s) for s in sections if s.status == "inconsistent")
    return replace(checked, assertions=tuple(sorted(checked.assertions + conflicts, key=lambda a: a.id)),
                   sections=sections)


class _InOrder:
    """Calls ``emit`` with each assertion's result once its readings and lemmas and all earlier ones are done."""

    def __init__(self, assertions, lemmas, only, emit):
        self.emit, self.done, self.pos = emit, {}, 0
        bearing: dict[str, list[Lemma]] = {}
        for x in lemmas:
            bearing.setdefault(x.bears_on, []).append(x)
        self.units = [(a, [r for r in a.readings if a.id not in only or r.id in only[a.id]], bearing.get(a.id, []))
                      for a in assertions]

    def __call__(self, reading_id: str, result: ReadingResult) -> None:
        self.done[reading_id] = result
        while self.pos < len(self.units):
            a, readings, lemmas = self.units[self.pos]
            if not all(r.id in self.done for r in readings) or not all(x.reading.id in self.done for x in lemmas):
                return
            self.pos += 1
            self.emit(AssertionResult(a, tuple(self.done[r.id] for r in readings),
                                      tuple(LemmaResult(x, self.done[x.reading.id]) for x in lemmas)))


def check_units(assertions: Iterable[Assertion], lemmas: Iterable[Lemma], options,
                only: dict[str, set[str]] | None = None,
                progress: Callable[[int, int, str], None] | None = None, execution=None,
                snippets=None, on_assertion: Callable[[AssertionResult], None] | None = None) -> CheckedCatalog:
    """Check ``assertions`` (only the listed readings for ids in ``only``) and ``lemmas``; ``on_assertion`` as in
    ``check_catalog``."""
    from ..conventions import load_conventions
    assertions = sorted(assertions, key=lambda a: a.id)
    lemmas = sorted(lemmas, key=lambda x: x.id)
    only = only or {}
    todo: list[Reading] = [r for a in assertions for r in a.readings if a.id not in only or r.id in only[a.id]]
    todo += [x.reading for x in lemmas]
    needs_conventions = any(r.conventions for r in todo)
    conventions = load_conventions() if needs_conventions else {}
    from .runner import run_readings
    ordered = sorted(todo, key=lambda r: r.id)
    interrupted = False
    stream = _InOrder(assertions, lemmas, only, on_assertion) if on_assertion else None
    # Unless document code runs, a snippet-backed reading's result is a pure function of the reading like any
    # other ("snippet not run"), so it goes through the executor and the cache too.
    running = snippets is not None and snippets.options.run
    sandboxed = [r for r in ordered if running and r.claim.snippet is not None]
    cached = [r for r in ordered if not (running and r.claim.snippet is not None)]
    try:
        done: dict[str, ReadingResult] = run_readings(cached, options, conventions, check_reading, execution,
                                                      progress, stream)
        done.update(_check_snippet_readings(sandboxed, options, conventions, snippets, stream))
    except CheckInterrupted as exc:  # keep what is done: the CLI prints it before exiting 130
        done, interrupted = exc.done, True  # type: ignore[assignment]
    by_assertion: dict[str, list[LemmaResult]] = {}
    lemma_results = []
    for x in lemmas:
        if x.reading.id not in done:
            continue
        lr = LemmaResult(x, done[x.reading.id])
        lemma_results.append(lr)
        by_assertion.setdefault(x.bears_on, []).append(lr)
    out = []
    for a in assertions:
        if interrupted and any(r.id not in done for r in a.readings if a.id not in only or r.id in only[a.id]):
            continue
        readings = tuple(done[r.id] for r in a.readings if r.id in done)
        out.append(AssertionResult(a, readings, tuple(by_assertion.get(a.id, ()))))
    checked = CheckedCatalog(tuple(out), tuple(lemma_results))
    if interrupted:
        raise CheckInterrupted(checked, len(todo), len(done))
    return checked


def _check_snippet_readings(readings: list[Reading], options, conventions, snippets,
                            stream=None) -> dict[str, ReadingResult]:
    """Snippet-backed readings whose code runs, in this process and outside the result cache (what the code did
    is not part of a reading's cache key; the sandbox keeps its own cache of runs)."""
    if not readings:
        return {}
    from ..snippets.claims import SnippetOptions, SnippetSession
    session = snippets or SnippetSession(SnippetOptions())
    session.prepare([r.claim for r in readings])
    out = {}
    for r in readings:
        out[r.id] = check_reading(r, options, conventions, session)
        if stream:
            stream(r.id, out[r.id])
    return out


def check_reading(reading: Reading, options, conventions, snippets=None) -> ReadingResult:
    """The one-claim engine on ``reading.claim``, then conventions, plausible ranges, flip points, vacuity (their
    repeated z3 queries and preparations answered once, ``engine.check.reuse``)."""
    from .check import reuse
    with reuse():
        return _check_reading(reading, options, conventions, snippets)


def _check_reading(reading: Reading, options, conventions, snippets) -> ReadingResult:
    from ..numeric.evaluate import rigorous_bounds
    from .flip import find_flips
    from .plausible import apply_plausible
    from .run import check_one
    from .vacuity import flag_vacuous

    def check(claim):
        return check_one(claim, options, snippets)

    result = check(reading.claim)
    result, outside = apply_plausible(reading, result, options, check)
    result, vacuous = flag_vacuous(reading.claim, result, options)
    flips = find_flips(reading, result, conventions, check, lambda t: rigorous_bounds(t, options.dps))
    if flips:
        result = replace(result, reason=f"{result.reason.rstrip('.')}. Flip point: "
                                        + "; ".join(f.text for f in flips) + ".")
        if any(f.fragile for f in flips):
            result = replace(result, reason=result.reason + " Fragile: the default lies within 10% of the flip point.")
    cited = tuple((c, conventions[c].symbol, conventions[c].default_text) for c in reading.conventions)
    result = cite_conventions(result, reading, conventions)
    return ReadingResult(reading, result, cited, flips, vacuous, outside)


def cite_conventions(result: Result, reading: Reading, conventions) -> Result:
    """``result`` with the reason citing every convention the reading uses, with its default and binding."""
    if not reading.conventions:
        return result
    bound = {cid: sym for sym, cid in reading.tolerances}
    parts = []
    for cid in reading.conventions:
        c = conventions[cid]
        if cid in bound:
            parts.append(f"{cid}: {bound[cid]} = {c.default_text} ({c.meaning})")
        elif c.default_text:
            parts.append(f"{cid} (default {c.symbol} = {c.default_text}): {c.meaning}")
        else:
            parts.append(f"{cid}: {c.meaning}")
    return replace(result, reason=f"{result.reason.rstrip('.')}. Conventions: {'; '.join(parts)}.")


__all__ = ["check_catalog", "with_section_checks", "check_units", "check_reading", "select_units"]
