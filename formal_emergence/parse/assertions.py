"""``[[assertion]]`` and ``[[lemma]]`` tables (claim format v2) to ``Assertion`` and ``Lemma`` values.

Each reading (the inline primary, every ``[[assertion.alternative]]``, and a
lemma's own) is built by the same code as a legacy ``[[claim]]`` table, then
its conventions, tolerances and plausible ranges are resolved. A tolerance
symbol is replaced by its convention's default value in the checked claim;
the open claim (the symbol left free) is kept for the flip-point search.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Iterator

from ..conventions import Convention, lookup
from ..errors import ClaimFileError, ExpressionError
from ..model.assertion import EFFECTS, Assertion, Lemma, Plausible, Reading
from ..model.claim import Claim, Definition, diff_variables, value_in_domain, with_values
from ..model.terms import free_symbols, substitute, to_text

#: Keys of one reading (every [[claim]] key but id/title/kind/source, plus the v2 reading keys).
READING_KEYS = {"symbols", "uses", "assume", "show", "free", "undefined", "references", "reading", "simulate",
                "notes", "conventions", "tolerances", "plausible", "show_tex", "assume_tex", "snippet", "observe",
                "property", "of", "of_tex", "variable", "level", "level_tex", "solution", "solution_tex"}
_V2_READING_KEYS = {"conventions", "tolerances", "plausible"}
ASSERTION_KEYS = {"id", "title", "kind", "source", "resolves", "alternative"} | READING_KEYS
ALTERNATIVE_KEYS = {"id"} | READING_KEYS
LEMMA_KEYS = {"id", "bears_on", "effect", "title", "kind", "source", "resolves"} | READING_KEYS

BuildClaim = Callable[..., Claim]


def _err(file: str, key: str, found: str, hint: str = "") -> ClaimFileError:
    return ClaimFileError(found, file=file, key=key, hint=hint)


def _check_keys(table: dict, allowed: set[str], file: str, key: str) -> None:
    import difflib
    for k in table:
        if k not in allowed:
            close = difflib.get_close_matches(k, sorted(allowed), n=1)
            raise _err(file, f"{key}.{k}", f"unknown key {k!r}",
                       f"did you mean {close[0]!r}?" if close else f"allowed: {', '.join(sorted(allowed))}")


def _strings(table: dict, name: str, file: str, key: str) -> tuple[str, ...]:
    v = table.get(name, [])
    if isinstance(v, str):
        v = [v]
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise _err(file, f"{key}.{name}", "expected a list of strings")
    return tuple(v)


def _text(table: dict, name: str, file: str, key: str, required: bool = True) -> str:
    if name not in table:
        if required:
            raise _err(file, f"{key}.{name}", "missing key", f'add {name} = "..."')
        return ""
    v = table[name]
    if not isinstance(v, str):
        raise _err(file, f"{key}.{name}", f"expected a string, found {type(v).__name__}",
                   f'write it in quotes: {name} = "..."')
    return v


def build_reading(file: str, table: dict, inherited: dict, claim_id: str, key: str, local_id: str,
                  definitions: dict[str, Definition], conventions: dict[str, Convention],
                  build_claim: BuildClaim) -> Reading:
    """One reading: ``table``'s reading keys plus the ``inherited`` title, kind and source."""
    from .expr import parse_expression
    from .claimfile import _scope  # the same scope rules as a claim's own expressions
    claim_table = {k: v for k, v in table.items() if k in READING_KEYS - _V2_READING_KEYS}
    claim_table.update(inherited)
    open_claim = build_claim(file, 0, claim_table, definitions, claim_id=claim_id, key=key)
    cited = _strings(table, "conventions", file, key)
    for j, cid in enumerate(cited):
        lookup(conventions, cid, file=file, key=f"{key}.conventions[{j}]")
    declared = {s.name for s in open_claim.symbols if s.domain != "bool"}
    raw_tol = table.get("tolerances", {})
    if not isinstance(raw_tol, dict) or not all(isinstance(v, str) for v in raw_tol.values()):
        raise _err(file, f"{key}.tolerances", 'expected a table symbol = "convention-id"')
    tolerances = []
    for sym, cid in sorted(raw_tol.items()):
        k = f"{key}.tolerances.{sym}"
        if sym not in declared:
            raise _err(file, k, f"{sym!r} is not a declared symbol", "declare it under symbols")
        prop = open_claim.function_property
        if prop is not None and sym == prop.variable:
            raise _err(file, k, f"{sym!r} is the variable of the stated property",
                       "a tolerance is a constant: bind another symbol")
        if sym in open_claim.free:
            raise _err(file, k, f"{sym!r} is also a free constant",
                       "a tolerance takes its convention's default; a free constant is left open: choose one")
        if sym in dict(open_claim.references):  # adversarial review 11 F2: the default won, the flip text used the value
            raise _err(file, k, f"{sym!r} is also bound to a literature value",
                       "a literature value fixes the symbol; a tolerance takes its convention's default: choose one")
        if sym in diff_variables((*open_claim.assume, open_claim.show), open_claim.definitions):
            raise _err(file, k, f"{sym!r} is the variable of a derivative",
                       "a tolerance is a constant: differentiate by another symbol")
        conv = lookup(conventions, cid, file=file, key=k)
        if conv.default is None:
            raise _err(file, k, f"convention {cid!r} has no tolerance to bind",
                       "bind a convention with a default (e.g. approx, approx-scale, approx-zero)")
        decl = next(d for d in open_claim.symbols if d.name == sym)
        if value_in_domain(decl, conv.default) is False:  # adversarial review 12 F9: a verdict outside the domain
            raise _err(file, k, f"{sym} is declared {decl.domain}, but convention {cid}'s default is "
                                f"{conv.default_text}",
                       "declare the domain the tolerance has, or bind a convention whose default lies in it")
        tolerances.append((sym, cid))
    all_cited = tuple(dict.fromkeys(cited + tuple(c for _, c in tolerances)))
    raw_pl = table.get("plausible", {})
    if not isinstance(raw_pl, dict):
        raise _err(file, f"{key}.plausible", 'expected a table symbol = { range = "...", why = "..." }')
    plausible = []
    scope = _scope(open_claim.symbols, open_claim.undefined, open_claim.definitions)
    for sym, spec in sorted(raw_pl.items()):
        k = f"{key}.plausible.{sym}"
        if sym not in declared:
            raise _err(file, k, f"{sym!r} is not a declared symbol", "declare it under symbols")
        if sym not in open_claim.free:
            raise _err(file, k, f"{sym!r} is not a free constant", "a plausible range applies to a symbol listed "
                       "under free: the condition derived on it is compared with the range")
        if not isinstance(spec, dict):
            raise _err(file, k, 'expected a table { range = "...", why = "..." }')
        _check_keys(spec, {"range", "why"}, file, k)
        text = _text(spec, "range", file, k)
        try:
            term = parse_expression(text, scope, expect_boolean=True)
        except ExpressionError as exc:
            raise exc.located(file=file, key=f"{k}.range") from None
        if free_symbols(term) - {sym}:
            raise _err(file, f"{k}.range", f"range mentions {sorted(free_symbols(term) - {sym})[0]!r}",
                       f"a plausible range constrains {sym} alone")
        plausible.append(Plausible(sym, term, text, _text(spec, "why", file, k, required=False)))
    claim = bind_tolerances(open_claim, tolerances, conventions)
    return Reading(claim, local_id, all_cited, tuple(tolerances), tuple(plausible),
                   open_claim if tolerances else None)


def bind_tolerances(claim: Claim, tolerances, conventions: dict[str, Convention]) -> Claim:
    """``claim`` with every tolerance symbol replaced by its convention's default value."""
    if not tolerances:
        return claim
    return with_values(claim, {sym: conventions[cid].default for sym, cid in tolerances})


def assertion_head(file: str, i: int, table: dict, check_id: Callable[[str, str, str], str]) -> tuple[str, str, dict]:
    """The ``[[assertion]]`` table's id, its key path (``assertion.<id>``) and the title, kind and source its
    readings inherit; the errors ``build_assertion`` reports before it builds the primary reading."""
    key = f"assertion[{i}]"
    _check_keys(table, ASSERTION_KEYS, file, key)
    aid = check_id(_text(table, "id", file, key), file, f"{key}.id")
    key = f"assertion.{aid}"
    inherited = {k: table[k] for k in ("title", "kind", "source") if k in table}
    for k in ("title", "kind", "source"):
        if k not in inherited:
            raise _err(file, f"{key}.{k}", "missing key", f"an assertion states its {k}")
    return aid, key, inherited


def reading_tables(file: str, table: dict, aid: str, key: str,
                   check_id: Callable[[str, str, str], str]) -> Iterator[tuple[str, str, dict, str]]:
    """``(claim id, local id, table, key)`` of each reading of the assertion ``aid``, the primary first.

    The one place reading ids are formed (``<assertion id>`` and ``<assertion id>/<local id>``): the loader
    registers them from here without building the readings (bundled assertions the user's files do not need),
    and ``build_assertion`` builds each reading as it is yielded, so its errors come in the same order."""
    yield aid, "", table, key
    alts = table.get("alternative", [])
    if not isinstance(alts, list) or not all(isinstance(a, dict) for a in alts):
        raise _err(file, f"{key}.alternative", "expected [[assertion.alternative]] tables")
    seen: set[str] = set()
    for j, alt in enumerate(alts):
        k = f"{key}.alternative[{j}]"
        _check_keys(alt, ALTERNATIVE_KEYS, file, k)
        local = check_id(_text(alt, "id", file, k), file, f"{k}.id")
        if local in seen:
            raise _err(file, f"{k}.id", f"duplicate reading id {local!r}", "local ids differ within an assertion")
        seen.add(local)
        yield f"{aid}/{local}", local, alt, f"{key}.alternative.{local}"


def assertion_ids(file: str, i: int, table: dict, check_id: Callable[[str, str, str], str]) -> tuple[str, ...]:
    """The claim id of every reading of the ``[[assertion]]`` table, as ``build_assertion`` gives them, without
    building (parsing) any reading."""
    aid, key, _ = assertion_head(file, i, table, check_id)
    return tuple(rid for rid, *_ in reading_tables(file, table, aid, key, check_id))


def build_assertion(file: str, i: int, table: dict, definitions: dict[str, Definition],
                    conventions: dict[str, Convention], build_claim: BuildClaim,
                    check_id: Callable[[str, str, str], str]) -> Assertion:
    aid, key, inherited = assertion_head(file, i, table, check_id)
    readings = [build_reading(file, t, inherited, rid, k, local, definitions, conventions, build_claim)
                for rid, local, t, k in reading_tables(file, table, aid, key, check_id)]
    primary = readings[0].claim
    return Assertion(aid, primary.title, primary.kind, primary.source, tuple(readings),
                     _strings(table, "resolves", file, key), file)


def build_lemma(file: str, i: int, table: dict, definitions: dict[str, Definition],
                conventions: dict[str, Convention], build_claim: BuildClaim,
                check_id: Callable[[str, str, str], str]) -> tuple[Lemma, dict]:
    """The lemma, and the raw table (its ``source`` may default to the assertion's once that is known)."""
    key = f"lemma[{i}]"
    _check_keys(table, LEMMA_KEYS, file, key)
    lid = check_id(_text(table, "id", file, key), file, f"{key}.id")
    key = f"lemma.{lid}"
    bears_on = _text(table, "bears_on", file, key)
    effect = _text(table, "effect", file, key)
    if effect not in EFFECTS:
        raise _err(file, f"{key}.effect", f"unknown effect {effect!r:.40}", "one of " + ", ".join(EFFECTS))
    return Lemma(lid, bears_on, effect, None, _strings(table, "resolves", file, key), file), table  # type: ignore[arg-type]


def finish_lemma(lemma: Lemma, table: dict, assertions: dict[str, Assertion], definitions: dict[str, Definition],
                 conventions: dict[str, Convention], build_claim: BuildClaim) -> Lemma:
    """Resolve ``bears_on`` against the known assertions and build the lemma's reading."""
    import difflib
    key = f"lemma.{lemma.id}"
    target = assertions.get(lemma.bears_on)
    if target is None:
        close = difflib.get_close_matches(lemma.bears_on, list(assertions), n=1)
        raise _err(lemma.file, f"{key}.bears_on", f"unknown assertion {lemma.bears_on!r}",
                   f"did you mean {close[0]!r}?" if close else "name an [[assertion]] (or legacy [[claim]]) id")
    inherited = {"title": table.get("title", f"Lemma on {target.id}"), "kind": table.get("kind", "theorem")}
    if "source" in table:
        inherited["source"] = table["source"]
    else:
        s = target.source
        inherited["source"] = {"document": s.document, "section": s.section, "quote": s.quote}
    reading = build_reading(lemma.file, table, inherited, lemma.id, key, "", definitions, conventions, build_claim)
    return replace(lemma, reading=reading)
