"""Claim and definition files (TOML) to ``Claim`` and ``Definition`` values.

A file holds ``[[definition]]`` and/or ``[[claim]]`` tables (see
``docs/claim-format.md``). Loading executes nothing: TOML is read with
``tomllib`` and every expression goes through the allow-list parser. Every
mistake raises ``ClaimFileError``/``ExpressionError`` located as
``file: key: column: found (hint)``.
"""

from __future__ import annotations

import difflib
import errno
import os
import re
import stat
from fractions import Fraction
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from collections.abc import Mapping
from typing import Any, Callable, Iterable, Iterator

from ..errors import ClaimFileError, ExpressionError, UserInputError, UserInputErrors
from ..model.claim import (DOMAINS, KINDS, PROPERTIES, Axiom, Claim, Definition, Property, Quantity,
                           QuantityStatement, Simulation, Source,
                           SymbolDecl, Undefined, diff_variables, domain_condition, is_integral)
from ..model.exact import exact_truth
from ..model.assertion import Assertion, Lemma, Reading
from ..model.terms import UFun, free_symbols, to_text, walk
from .expr import MAX_LITERAL_DIGITS, RESERVED_NAMES, Scope, check_identifier, literal_digits, parse_expression
from .snippetspec import parse_snippet
from .tomlpos import MAX_INT_DIGITS, TomlPositions, line_col, loads, locate

MAX_FILE_BYTES = 2_000_000
#: Files under theorems/ that are not claim files (each has its own loader).
NOT_CLAIM_FILES = ("conventions.toml", "review-resolutions.toml")
_TOP_LEVEL = ("definition", "claim", "quantity", "assertion", "lemma", "document")
_CLAIM_KEYS = {"id", "title", "kind", "source", "symbols", "uses", "assume", "show", "free", "undefined",
               "references", "reading", "simulate", "notes", "show_tex", "assume_tex", "snippet", "observe",
               "property", "of", "of_tex", "variable", "level", "level_tex", "solution", "solution_tex"}
_DEFINITION_KEYS = {"id", "name", "params", "body", "title", "symbols", "undefined", "uses", "source", "body_tex"}
_SOURCE_KEYS = {"document", "section", "quote"}
_UNDEFINED_KINDS = ("predicate", "function", "entity")


@dataclass(frozen=True)
class Catalog:
    """Definitions by id; every checkable claim sorted by id; the assertions and lemmas they belong to.

    ``claims`` holds one claim per reading (an assertion's primary reading has
    the assertion's id, an alternative ``<assertion id>/<local id>``) and per
    lemma. Only ``assertions`` are document verdicts.
    """

    definitions: dict[str, Definition]
    claims: tuple[Claim, ...]
    quantities: tuple[Quantity, ...] = ()
    assertions: tuple[Assertion, ...] = ()
    lemmas: tuple[Lemma, ...] = ()
    #: Document file name -> title, from ``[[document]]`` tables (``file``, ``title``).
    documents: dict[str, str] = field(default_factory=dict)

    def claim(self, claim_id: str, key: str = "--claim") -> Claim:
        """The claim (assertion reading or lemma) ``claim_id``; ``key`` names the argument it came from."""
        for c in self.claims:
            if c.id == claim_id:
                return c
        close = difflib.get_close_matches(claim_id, [c.id for c in self.claims], n=1)
        raise UserInputError(f"unknown claim id {claim_id!r}", file="<argv>", key=key,
                             hint=f"did you mean {close[0]!r}?" if close else "run 'formal-emergence list'")

    def reading(self, claim_id: str) -> Reading | None:
        """The reading (of an assertion or a lemma) whose claim has id ``claim_id``."""
        for a in self.assertions:
            for r in a.readings:
                if r.id == claim_id:
                    return r
        for lemma in self.lemmas:
            if lemma.id == claim_id:
                return lemma.reading
        return None

    def assertion(self, assertion_id: str) -> Assertion | None:
        return next((a for a in self.assertions if a.id == assertion_id), None)


def bundled_theorems_dir() -> Path:
    """The directory of the bundled claim files, in an installed wheel or a checkout."""
    installed = resources.files("formal_emergence").joinpath("theorems")
    if installed.is_dir():
        return Path(str(installed))
    checkout = Path(__file__).resolve().parent.parent.parent / "theorems"
    if checkout.is_dir():
        return checkout
    raise ClaimFileError("bundled claim files not found", file=str(installed),
                         hint="reinstall formal_emergence or pass claim files explicitly")


def claim_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files and directories (recursively, ``*.toml``) into a sorted list of files.

    Directories are walked without following symbolic links (no loops); a path that is not a
    regular file or directory (a FIFO, a device), or that cannot be examined, is a located error.
    """
    out: list[Path] = []
    for p in paths:
        path = Path(p)
        try:
            st = path.stat()
        except FileNotFoundError:
            found = "broken symbolic link" if path.is_symlink() else "no such file or directory"
            raise ClaimFileError(f"{found} {str(p)!r}", file=str(p), hint="check the path") from None
        except OSError as exc:
            hint = "a name component over 255 bytes is too long" if exc.errno == errno.ENAMETOOLONG else \
                "check the path"
            raise ClaimFileError(f"cannot open {str(p)!r:.80}: {exc.strerror or exc}", file=str(p)[:200],
                                 hint=hint) from None
        if stat.S_ISDIR(st.st_mode):
            found_files = []
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs.sort()
                found_files.extend(Path(root) / f for f in files if f.endswith(".toml"))
            out.extend(sorted(q for q in found_files if q.is_file()))
        elif stat.S_ISREG(st.st_mode):
            out.append(path)
        else:
            raise ClaimFileError(f"not a regular file {str(p)!r} (a FIFO, device or socket)", file=str(p),
                                 hint="pass a claim file (.toml) or a directory")
    return out


def load_catalog(paths: Iterable[str | Path] | None = None, *, build_bundled: bool = False) -> Catalog:
    """Load definitions and claims from ``paths`` (the bundled theorems when None).

    Definitions from every file are visible to claims in every file; when
    explicit paths are given, the bundled definitions are loaded too so that
    user claims can reference them by id, and the ids of the bundled assertions,
    readings and lemmas are registered (a duplicate is reported at the user's
    file) without building them: a bundled assertion is built only when a lemma
    of the user's files bears on it. ``build_bundled`` builds every bundled
    assertion and lemma anyway (the same catalog and errors, slower: tests
    compare the two).
    """
    bundled = claim_files([bundled_theorems_dir()])
    selected = _unique(claim_files(paths)) if paths else bundled
    explicit = {p.resolve() for p in selected}
    files = [p for p in bundled if p.resolve() not in explicit] + selected
    files = [p for p in files if p.name not in NOT_CLAIM_FILES]
    raw_defs: list[tuple[str, int, dict]] = []
    raw: dict[str, list[tuple[str, int, dict, bool]]] = {"claim": [], "assertion": [], "lemma": []}
    raw_quantities: list[tuple[str, int, dict]] = []
    errors = _Errors()
    titles: dict[str, str] = {}
    for f in files:
        doc = errors.run(_read_toml, f)
        if doc is None:
            continue
        for key in sorted(set(doc) - set(_TOP_LEVEL)):
            errors.add(ClaimFileError(f"unknown top-level key {key!r}", file=str(f), key=key,
                                      hint="a file holds [[definition]], [[assertion]], [[lemma]], [[claim]] and "
                                           "[[quantity]] tables"))
        in_selected = f.resolve() in explicit
        if in_selected:
            raw_quantities.extend((str(f), i, q) for i, q in enumerate(errors.run(_table_list, doc, "quantity", f) or ()))
        for i, d in enumerate(errors.run(_table_list, doc, "document", f) or ()):
            errors.run(_document_title, str(f), i, d, titles)
        for i, d in enumerate(errors.run(_table_list, doc, "definition", f) or ()):
            raw_defs.append((str(f), i, d))
        for kind, entries in raw.items():
            for i, c in enumerate(errors.run(_table_list, doc, kind, f) or ()):
                entries.append((str(f), i, c, in_selected))
    definitions = errors.run(_build_definitions, raw_defs, errors) or {}
    from ..conventions import load_conventions
    from .assertions import assertion_ids, build_assertion, build_lemma, finish_lemma
    conventions = load_conventions() if raw["assertion"] or raw["lemma"] or raw_quantities else {}
    quantities = [q for q in (errors.run(_quantity, f, i, q, conventions) for f, i, q in raw_quantities) if q]
    #: every assertion, reading and lemma id -> (file, key, is it in a file the user named), across all files
    known: dict[str, tuple[str, str, bool]] = {}

    def claim_unit(uid: str, file: str, key: str, selected: bool) -> None:
        """Record ``uid``; a duplicate is reported at the user's file when one side is the user's (F25)."""
        if uid in known:
            first_file, first_key, first_selected = known[uid]
            if first_selected and not selected:  # blame the user's file, not the bundled one
                file, key, first_file = first_file, first_key, file
            raise ClaimFileError(f"duplicate claim id {uid!r}", file=file, key=key, hint=f"already defined in {first_file}")
        known[uid] = (file, key, selected)

    def legacy_claim(file: str, i: int, table: dict) -> Assertion:
        claim = _build_claim(file, i, table, definitions)
        return Assertion(claim.id, claim.title, claim.kind, claim.source, (Reading(claim),), file=file, legacy=True)

    def legacy(file: str, i: int, table: dict, selected: bool) -> tuple[str, Assertion | _Unbuilt]:
        if deferred(selected):
            cid = legacy_claim_id(file, i, table)
            claim_unit(cid, file, f"claim[{i}].id", selected)
            return cid, _Unbuilt(legacy_claim, file, i, table)
        a = legacy_claim(file, i, table)
        claim_unit(a.id, file, f"claim[{i}].id", selected)
        return a.id, a

    def v2_assertion(file: str, i: int, table: dict) -> Assertion:
        return build_assertion(file, i, table, definitions, conventions, _build_claim, check_claim_id)

    def v2(file: str, i: int, table: dict, selected: bool) -> tuple[str, Assertion | _Unbuilt]:
        if deferred(selected):
            ids = assertion_ids(file, i, table, check_claim_id)
            built: Assertion | _Unbuilt = _Unbuilt(v2_assertion, file, i, table)
        else:
            built = v2_assertion(file, i, table)
            ids = tuple(r.id for r in built.readings)
        for rid in ids:
            claim_unit(rid, file, f"assertion[{i}].id", selected)
        return ids[0], built

    def deferred(selected: bool) -> bool:
        """Register the ids of this bundled unit without building it (see the docstring)."""
        return bool(paths) and not selected and not build_bundled

    assertions: dict[str, tuple[Assertion | _Unbuilt, bool]] = {}
    for build, kind in ((legacy, "claim"), (v2, "assertion")):
        for file, i, table, selected in raw[kind]:
            a = errors.run(build, file, i, table, selected)
            if a is not None:
                assertions[a[0]] = (a[1], selected)
            elif isinstance(table.get("id"), str):
                errors.failed_units.add(table["id"])
    for q in quantities:
        claim = consistency_claim(q)
        if errors.run(claim_unit, claim.id, q.file, f"quantity.{q.id}.id", True) is None:
            continue
        cited = tuple(dict.fromkeys(c for st in q.statements for c in st.conventions))
        assertions[claim.id] = (Assertion(claim.id, claim.title, claim.kind, claim.source,
                                          (Reading(claim, conventions=cited),), file=q.file, legacy=True), True)
    lemmas: list[Lemma] = []
    by_id = _Targets({aid: a for aid, (a, _) in assertions.items()}, errors)

    def lemma_of(file: str, i: int, table: dict, selected: bool) -> Lemma:
        lemma, ltable = build_lemma(file, i, table, definitions, conventions, _build_claim, check_claim_id)
        claim_unit(lemma.id, file, f"lemma[{i}].id", selected)
        if deferred(selected):  # its id is registered; its reading is not needed
            return lemma
        return finish_lemma(lemma, ltable, by_id, definitions, conventions, _build_claim)

    for file, i, table, selected in raw["lemma"]:
        lemma = errors.run(lemma_of, file, i, table, selected)
        if lemma is not None and selected:
            lemmas.append(lemma)
    errors.raise_if_any()
    chosen = sorted((a for a, selected in assertions.values() if selected and isinstance(a, Assertion)),
                    key=lambda a: a.id)
    lemmas.sort(key=lambda x: x.id)
    claims = [r.claim for a in chosen for r in a.readings] + [x.claim for x in lemmas]
    return Catalog(definitions, tuple(sorted(claims, key=lambda c: c.id)),
                   tuple(sorted(quantities, key=lambda q: q.id)), tuple(chosen), tuple(lemmas), titles)


@dataclass(frozen=True)
class _Unbuilt:
    """A bundled ``[[claim]]`` or ``[[assertion]]`` table whose ids are registered but which is not built yet:
    ``build(file, i, table)`` builds it."""

    build: Callable[[str, int, dict], Assertion]
    file: str
    i: int
    table: dict


class _Targets(Mapping):
    """The assertions a lemma may bear on, by id (one load's): an unbuilt one is built when first looked up.

    A build that fails is recorded in ``errors`` (and its id in ``failed_units``, so the lemma's "unknown
    assertion" is not reported again) and leaves the id out, as a failed build does when every unit is built."""

    def __init__(self, entries: dict[str, Assertion | _Unbuilt], errors: _Errors):
        self._entries = entries
        self._errors = errors

    def __getitem__(self, aid: str) -> Assertion:
        a = self._entries[aid]
        if isinstance(a, _Unbuilt):
            built = self._errors.run(a.build, a.file, a.i, a.table)
            if built is None:
                del self._entries[aid]
                self._errors.failed_units.add(aid)
                raise KeyError(aid)
            a = self._entries[aid] = built
        return a

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)


def _document_title(file: str, i: int, table: dict, titles: dict[str, str]) -> None:
    """A ``[[document]]`` table: the ``title`` of the document ``file`` (a file name, as in ``source.document``)."""
    key = f"document[{i}]"
    _check_keys(table, {"file", "title"}, file, key)
    name, title = _string(table, "file", file, key), _string(table, "title", file, key)
    if "\n" in title or len(title) > 200:
        raise _err(file, f"{key}.title", "a title of more than one line or 200 characters", "shorten it")
    titles[name] = title


#: The bundled documents' titles: ``[[document]]`` tables in this file of the bundled theorems.
DOCUMENTS_FILE = "documents.toml"


def bundled_document_titles() -> dict[str, str]:
    """Titles of the bundled seed documents by file name, from the ``[[document]]`` tables of
    ``theorems/documents.toml`` (the one place they are written; ``check`` reads the same tables)."""
    f = bundled_theorems_dir() / DOCUMENTS_FILE
    titles: dict[str, str] = {}
    for i, table in enumerate(_table_list(_read_toml(f), "document", f)):
        _document_title(str(f), i, table, titles)
    return titles


def load_standalone_claims(path: str | Path) -> list[Claim]:
    """The ``[[claim]]`` tables of one file that uses no definitions (generated claim stubs), without loading
    the bundled catalog; same checks and errors as ``load_catalog``."""
    f = Path(path)
    return [_build_claim(str(f), i, table, {}) for i, table in enumerate(_table_list(_read_toml(f), "claim", f))]


def _decimal(table: dict, name: str, file: str, key: str) -> tuple[Fraction | None, str]:
    v = table.get(name)
    if v is None:
        return None, ""
    if not isinstance(v, str):
        raise _err(file, f"{key}.{name}", f"expected a decimal string, found {type(v).__name__}",
                   'write numbers as strings, e.g. "50e9"')
    v = v.strip()
    if literal_digits(v.strip().replace("_", "")) > MAX_LITERAL_DIGITS:
        raise _err(file, f"{key}.{name}", f"decimal {v[:40]!r} has more than {MAX_LITERAL_DIGITS} digits",
                   'e.g. "70e9" or "0.5"')
    try:
        return Fraction(v), v
    except (ValueError, ZeroDivisionError):
        raise _err(file, f"{key}.{name}", f"not an exact decimal {v!r:.40}", 'e.g. "70e9" or "0.5"') from None


def _widen(st: dict, low, high, low_text: str, high_text: str, conventions: dict, file: str, key: str):
    """The statement's conventions, and its ends widened by the first tolerance convention among them.

    approx-scale widens by its factor f (low/f, high*f; both ends must be positive); approx by its relative
    tolerance tol, each end moved outwards by tol*|end| (low*(1 - tol) for a positive low, low*(1 + tol) for a
    negative one, and the mirror for high; 0 stays 0); conventions without a tolerance (range, at-least) are
    only cited.
    """
    from ..conventions import lookup
    cited = _string_list(st, "conventions", file, key)
    for j, cid in enumerate(cited):
        lookup(conventions, cid, file=file, key=f"{key}.conventions[{j}]")
    rule = next((c for c in cited if c in _WIDENING), None)
    if rule is None:
        return cited, low, high, low_text, high_text
    d_text = conventions[rule].default_text
    d = Fraction(d_text)
    if rule == "approx-scale":
        for name, v in (("low", low), ("high", high)):
            if v is not None and v <= 0:
                raise _err(file, f"{key}.{name}", f"approx-scale widens by a factor, but {name} is {v}",
                           "a multiplicative factor needs positive ends: use approx for a value that may be <= 0")
    (lo_f, lo_t), (hi_f, hi_t) = _WIDENING[rule]
    if low is not None:
        low, low_text = lo_f(low, d), lo_t(low).format(v=low_text, d=d_text)
    if high is not None:
        high, high_text = hi_f(high, d), hi_t(high).format(v=high_text, d=d_text)
    return cited, low, high, low_text, high_text


#: How a tolerance convention widens a stated end: (value, default) -> value, and end -> its expression text.
#: approx moves an end outwards by tol*|end|, so the sign of the end picks the factor.
_WIDENING = {
    "approx-scale": ((lambda v, d: v / d, lambda v: "{v}/({d})"), (lambda v, d: v * d, lambda v: "{v}*({d})")),
    "approx": ((lambda v, d: v - d * abs(v), lambda v: "{v}*(1 + {d})" if v < 0 else "{v}*(1 - {d})"),
               (lambda v, d: v + d * abs(v), lambda v: "{v}*(1 - {d})" if v < 0 else "{v}*(1 + {d})")),
}


def _quantity(file: str, i: int, table: dict, conventions: dict | None = None) -> Quantity:
    key = f"quantity[{i}]"
    _check_keys(table, {"id", "title", "unit", "statement", "references"}, file, key)
    qid = _string(table, "id", file, key)
    _check_id(qid, "quantity", file, f"{key}.id")
    key = f"quantity.{qid}"
    raw = table.get("statement", [])
    if not isinstance(raw, list) or len(raw) < 2 or not all(isinstance(x, dict) for x in raw):
        raise _err(file, f"{key}.statement", "expected at least two [[quantity.statement]] tables",
                   "a consistency check compares several documents")
    statements = []
    for j, st in enumerate(raw):
        k = f"{key}.statement[{j}]"
        _check_keys(st, {"document", "section", "quote", "low", "high", "conventions"}, file, k)
        src = Source(*[_string(st, n, file, k) for n in ("document", "section", "quote")])
        low, low_text = _decimal(st, "low", file, k)
        high, high_text = _decimal(st, "high", file, k)
        if low is None and high is None:
            raise _err(file, k, "neither low nor high given", "state at least one end of the range")
        if low is not None and high is not None and low > high:
            raise _err(file, f"{k}.low", f"low {low_text} above high {high_text}")
        cited, low, high, low_text, high_text = _widen(st, low, high, low_text, high_text, conventions or {}, file, k)
        statements.append(QuantityStatement(src, low, high, low_text, high_text, cited))
    return Quantity(qid, _string(table, "title", file, key), _string(table, "unit", file, key, required=False),
                    tuple(statements), _string_list(table, "references", file, key), file)


def consistency_claim(q: Quantity) -> Claim:
    """The claim that every pair of stated ranges of ``q`` overlaps (a closed statement)."""
    parts = []
    texts = []
    for a in range(len(q.statements)):
        for b in range(a + 1, len(q.statements)):
            sa, sb = q.statements[a], q.statements[b]
            for lo, hi in ((sa.low_text, sb.high_text), (sb.low_text, sa.high_text)):
                if lo and hi:
                    texts.append(f"{lo} <= {hi}")
    show_text = " and ".join(texts) if texts else "true"
    show = parse_expression(show_text, Scope(), expect_boolean=True)
    first = q.statements[0].source
    quote = " | ".join(f"{s.source.document} §{s.source.section}: {s.source.quote}" for s in q.statements)
    docs = ", ".join(sorted({s.source.document for s in q.statements}))
    return Claim(
        id=f"consistency.{q.id}", title=f"Consistency: {q.title}", kind="numeric",
        source=Source(first.document, first.section, quote), symbols=(), uses=(), assume=(), assume_text=(),
        show=show, show_text=show_text,
        reading=f"every pair of ranges stated for this quantity ({q.unit or 'no unit'}) in {docs} overlaps"
                + ("; ends written with '≈' or '约' are widened by their convention (approx-scale: low/f, high*f; "
                   "approx: each end moved outwards by tol*|end|)" if any(st.conventions for st in q.statements) else ""),
        notes="generated from a [[quantity]] table", file=q.file)


class _Errors:
    """The user errors of one load, collected so that all of them are reported (each located in its file).

    Errors caused by another one (a claim using a definition that failed) are dropped: the first says it."""

    def __init__(self):
        self.errors: list[UserInputError] = []
        self.failed_definitions: set[str] = set()
        self.failed_units: set[str] = set()

    def add(self, error: UserInputError) -> None:
        if isinstance(error, UserInputErrors):
            for e in error.errors:
                self.add(e)
            return
        if any(error.found == f"unknown definition {d!r}" for d in self.failed_definitions) \
                or any(error.found == f"unknown assertion {a!r}" for a in self.failed_units) \
                or any(e.format() == error.format() for e in self.errors):
            return
        self.errors.append(error)

    def run(self, fn, *args):
        """``fn(*args)`` (True when that is None), or None after recording its user error."""
        try:
            out = fn(*args)
        except UserInputError as exc:
            self.add(exc)
            return None
        return True if out is None else out

    def raise_if_any(self) -> None:
        """Raise the one error as it is, several as ``UserInputErrors`` (each located in its file's text)."""
        if not self.errors:
            return
        texts: dict[str, tuple[str, object]] = {}
        located = []
        for e in self.errors:
            if e.file not in texts:
                try:
                    text = Path(e.file).read_bytes()[:MAX_FILE_BYTES].decode("utf-8", "replace").removeprefix("\ufeff")
                except OSError:
                    text = ""
                texts[e.file] = (text, TomlPositions(text) if text else None)
            text, positions = texts[e.file]
            located.append(locate(e, text, positions) if positions is not None else e)
        located.sort(key=lambda e: (e.file, e.line, e.col))
        raise located[0] if len(located) == 1 else UserInputErrors(located)


def _unique(files: list[Path]) -> list[Path]:
    """``files`` without repeats of the same file (given twice, or as a file and inside a directory)."""
    seen: set[Path] = set()
    out = []
    for f in files:
        if f.resolve() not in seen:
            seen.add(f.resolve())
            out.append(f)
    return out


def _read_toml(path: Path) -> dict:
    """Read one claim file: at most ``MAX_FILE_BYTES`` of UTF-8 (a leading BOM is accepted) as TOML."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ClaimFileError(f"cannot read file: {exc.strerror or exc}", file=str(path)) from None
    if len(data) > MAX_FILE_BYTES:
        raise ClaimFileError(f"file of more than {MAX_FILE_BYTES} bytes", file=str(path),
                             hint=f"at most {MAX_FILE_BYTES} bytes")
    text, doc = loads(data, str(path), syntax_hint="see docs/claim-format.md")
    if "alternative" in text:
        _check_alternatives_follow_their_assertion(text, str(path))
    return doc


def _check_alternatives_follow_their_assertion(text: str, file: str) -> None:
    """Refuse an ``[[assertion.alternative]]`` that follows a ``[[lemma]]`` (or another top-level table) instead of
    its assertion: TOML attaches it to the last ``[[assertion]]`` above, which is rarely what the author meant
    (a lemma moved between an assertion and its alternatives silently moves them)."""
    positions = TomlPositions(text)
    owner: tuple | None = None
    for path, offset in positions.headers:
        if len(path) == 2 and path[0] == "assertion":
            owner = path
        elif len(path) >= 4 and path[0] == "assertion" and path[2] == "alternative":
            if owner != path[:2]:
                line, col = line_col(text, offset)
                raise ClaimFileError("[[assertion.alternative]] after a table of another kind: TOML attaches it to "
                                     f"assertion[{path[1]}], the last [[assertion]] above",
                                     file=file, key=f"line:{line}", column=col,
                                     hint="put each alternative directly under its [[assertion]] "
                                          "(before any [[lemma]])")
        elif len(path) == 2 or (len(path) == 1 and path[0] != "assertion"):
            owner = None


def _table_list(doc: dict, key: str, f: Path) -> list[dict]:
    v = doc.get(key, [])
    if not isinstance(v, list) or not all(isinstance(x, dict) for x in v):
        raise ClaimFileError(f"{key!r} is not an array of tables", file=str(f), key=key, hint=f"write [[{key}]]")
    return v


def _err(file: str, key: str, found: str, hint: str = "", column: int = 0) -> ClaimFileError:
    return ClaimFileError(found, file=file, key=key, column=column, hint=hint)


def _check_id(value: str, what: str, file: str, key: str) -> None:
    """Ids name output files and appear in every report: a short ASCII word."""
    if not value or len(value) > 100 or not value.isascii() or not all(ch.isalnum() or ch in "._-" for ch in value) \
            or value[0] in ".-":
        raise _err(file, key, f"{what} id {value!r:.60}",
                   "ASCII letters, digits, '.', '_' and '-', not starting with '.' or '-', at most 100")


def _check_name(name: str, what: str, file: str, key: str) -> None:
    """A user-chosen name: an identifier that is not one of the language's built-in names."""
    if not isinstance(name, str) or not check_identifier(name):
        raise _err(file, key, f"{what} {name!r:.60}", "names use letters, digits and _, not starting with _")
    if name in RESERVED_NAMES:
        raise _err(file, key, f"{what} {name!r} is a built-in name of the claim language",
                   "rename it: a clash would silently change what the formula means")


def _check_distinct(groups: Iterable[tuple[str, Iterable[str]]], file: str, key: str) -> None:
    """Symbols, parameters, undefined terms and definitions visible together must have distinct names."""
    seen: dict[str, str] = {}
    for what, names in groups:
        for name in names:
            if name in seen:
                raise _err(file, key, f"the name {name!r} is both {seen[name]} and {what}",
                           "give each symbol, parameter, undefined term and definition its own name")
            seen[name] = what


def _string(table: dict, name: str, file: str, key: str, *, required: bool = True, default: str = "") -> str:
    if name not in table:
        if required:
            raise _err(file, f"{key}.{name}", "missing key", f"add {name} = \"...\"")
        return default
    v = table[name]
    if not isinstance(v, str):
        raise _err(file, f"{key}.{name}", f"expected a string, found {type(v).__name__}",
                   f'write it in quotes: {name} = "..."')
    return v


def _string_list(table: dict, name: str, file: str, key: str) -> tuple[str, ...]:
    v = table.get(name, [])
    if isinstance(v, str):
        v = [v]
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise _err(file, f"{key}.{name}", "expected a list of strings", f'write {name} = ["...", "..."]')
    return tuple(v)


def _check_keys(table: dict, allowed: set[str], file: str, key: str) -> None:
    for k in table:
        if k not in allowed:
            close = difflib.get_close_matches(k, sorted(allowed), n=1)
            raise _err(file, f"{key}.{k}", f"unknown key {k!r}",
                       f"did you mean {close[0]!r}?" if close else f"allowed: {', '.join(sorted(allowed))}")


def _check_reference_domain(ref, decl: SymbolDecl, file: str, key: str) -> None:
    """A literature point value bound to a symbol must lie in the symbol's declared domain: bound, the symbol
    leaves the claim, and a witness would lie outside the domain the claim states (adversarial review 10 F3)."""
    value = getattr(ref, "value", None)
    if value is not None and (exact_truth(domain_condition(decl), {decl.name: value}) is False
                              or (is_integral(decl) and Fraction(value).denominator != 1)):
        shown = str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
        raise _err(file, key, f"{decl.name} is declared {decl.domain}, but {ref.id} is {shown}",
                   "declare the domain the literature value has, or cite another value")


def _source(table: dict, file: str, key: str, required: bool) -> Source | None:
    if "source" not in table:
        if required:
            raise _err(file, f"{key}.source", "missing key", "add source = {document, section, quote}")
        return None
    s = table["source"]
    if not isinstance(s, dict):
        raise _err(file, f"{key}.source", "expected a table with document, section, quote")
    _check_keys(s, _SOURCE_KEYS, file, f"{key}.source")
    parts = [_string(s, k, file, f"{key}.source") for k in ("document", "section", "quote")]
    if not parts[2].strip():
        raise _err(file, f"{key}.source.quote", "empty quote", "quote the document verbatim")
    return Source(*parts)


def _named_entries(table: dict, field: str, file: str, key: str, expected: str):
    """Yield ``(name, value, key path)`` for each entry of the ``field`` table, checking the names."""
    raw = table.get(field, {})
    if not isinstance(raw, dict):
        raise _err(file, f"{key}.{field}", f"expected a table {expected}",
                   f"a TOML table: {field} = {{ {expected} }}")
    for name, spec in raw.items():
        k = f"{key}.{field}.{name}"
        _check_name(name, "identifier", file, k)
        yield name, spec, k


def _symbols(table: dict, file: str, key: str) -> tuple[SymbolDecl, ...]:
    out = []
    for name, spec, k in _named_entries(table, "symbols", file, key, "name = domain"):
        meaning = ""
        if isinstance(spec, dict):
            _check_keys(spec, {"domain", "meaning"}, file, k)
            meaning = _string(spec, "meaning", file, k, required=False)
            spec = spec.get("domain", "real")
        if not isinstance(spec, str) or spec not in DOMAINS:
            close = difflib.get_close_matches(str(spec), list(DOMAINS), n=1)
            raise _err(file, k, f"unknown domain {spec!r:.60}",
                       f"did you mean {close[0]!r}?" if close else f"one of {', '.join(DOMAINS)}")
        out.append(SymbolDecl(name, spec, meaning))
    return tuple(out)


def _undefined(table: dict, file: str, key: str, symbols: Iterable[SymbolDecl] = ()) -> tuple[Undefined, ...]:
    """The ``undefined`` table; a function's ``axioms`` are parsed once every name of the table is known."""
    out = []
    axioms: dict[str, tuple[str, Any]] = {}
    for name, spec, k in _named_entries(table, "undefined", file, key, "name = {kind, arity, missing}"):
        if not isinstance(spec, dict):
            raise _err(file, k, "expected a table {kind, arity, missing}")
        _check_keys(spec, {"kind", "arity", "missing", "axioms"}, file, k)
        kind = _string(spec, "kind", file, k)
        if kind not in _UNDEFINED_KINDS:
            raise _err(file, f"{k}.kind", f"unknown kind {kind!r:.40}", f"one of {', '.join(_UNDEFINED_KINDS)}")
        arity = spec.get("arity", 0)
        if not isinstance(arity, int) or isinstance(arity, bool) or not 0 <= arity <= 8:
            raise _err(file, f"{k}.arity", f"arity {arity!r:.20}", "an integer from 0 to 8")
        missing = _string(spec, "missing", file, k)
        if "axioms" in spec:
            if kind != "function" or arity < 1:
                raise _err(file, f"{k}.axioms", f"axioms on a {kind} of arity {arity}",
                           "axioms describe a function of one or more arguments")
            axioms[name] = (k, _string_list(spec, "axioms", file, k))
        out.append(Undefined(name, kind, arity, missing))
    if not axioms:
        return tuple(out)
    names = [s.name for s in symbols]
    return tuple(replace(u, axioms=tuple(_axiom(text, u.name, out, names, file, f"{axioms[u.name][0]}.axioms[{j}]")
                                         for j, text in enumerate(axioms[u.name][1])))
                 if u.name in axioms else u for u in out)


_FORALL = re.compile(r"\s*forall\s+([^:]*?)\s*:(.*)\Z", re.DOTALL)


def _axiom(text: str, function: str, undefined: list[Undefined], symbols: list[str], file: str, key: str) -> Axiom:
    """``forall x, y: body`` (or a ground ``body``): the body through the allow-list parser, with the bound
    variables as real symbols (shadowing claim symbols of the same name) next to the claim's symbols and
    the table's undefined terms."""
    m = _FORALL.match(text)
    variables: tuple[str, ...] = ()
    body_text, offset = text, 0
    if m:
        variables = tuple(v.strip() for v in m.group(1).split(","))
        body_text, offset = m.group(2), m.start(2)
        for v in variables:
            _check_name(v, "bound variable", file, key)
            if any(u.name == v for u in undefined):
                raise _err(file, key, f"bound variable {v!r} is also an undefined term", "rename the bound variable")
        if len(set(variables)) != len(variables):
            raise _err(file, key, f"a bound variable is repeated in {m.group(1)!r:.60}", "list each variable once")
    elif text.lstrip().startswith("forall"):
        raise _err(file, key, f"{text!r:.60} has no ':' after its variables", 'write "forall x, y: body"')
    scope = _scope([SymbolDecl(n, "real") for n in dict.fromkeys((*symbols, *variables))], undefined, ())
    try:
        body = parse_expression(body_text, scope, expect_boolean=True)
    except ExpressionError as exc:
        raise ExpressionError(exc.found, file=file, key=key, column=exc.column + offset if exc.column else 0,
                              hint=exc.hint) from None
    if not any(isinstance(n, UFun) and n.name == function for n in walk(body)):
        raise _err(file, key, f"axiom {text!r:.60} does not mention {function}", f"state a property of {function}")
    return Axiom(variables, body, text.strip())


def _scope(symbols: Iterable[SymbolDecl], undefined: Iterable[Undefined],
           definitions: Iterable[Definition], params: Iterable[str] = ()) -> Scope:
    symbols = list(symbols)
    undefined = list(undefined)
    return Scope(
        symbols=frozenset([s.name for s in symbols if s.domain != "bool"] + list(params)),
        bool_symbols=frozenset(s.name for s in symbols if s.domain == "bool"),
        definitions={d.name: (len(d.params), d.is_boolean) for d in definitions},
        predicates={u.name: u.arity for u in undefined if u.kind == "predicate"},
        functions={u.name: u.arity for u in undefined if u.kind == "function"},
        entities=frozenset(u.name for u in undefined if u.kind == "entity"),
    )


def _parse(text: Any, scope: Scope, file: str, key: str, *, boolean: bool | None) -> Any:
    if not isinstance(text, str):
        raise _err(file, key, f"expected an expression string, found {type(text).__name__}")
    try:
        return parse_expression(text, scope, expect_boolean=boolean)
    except ExpressionError as exc:
        raise exc.located(file=file, key=key) from None


def _parse_tex(text: Any, scope: Scope, file: str, key: str, *, boolean: bool | None) -> Any:
    """A LaTeX expression (``show_tex``, ``assume_tex``, ``body_tex``) through the allow-list LaTeX parser;
    errors point at the column in the LaTeX."""
    from .latex import parse_latex
    if not isinstance(text, str):
        raise _err(file, key, f"expected a LaTeX string, found {type(text).__name__}",
                   "write it in single quotes: show_tex = 'N > N_c \\Rightarrow ...'")
    try:
        return parse_latex(text, scope, expect_boolean=boolean)
    except ExpressionError as exc:
        raise exc.located(file=file, key=key) from None


def _expression_or_tex(table: dict, name: str, scope: Scope, file: str, key: str, *, boolean: bool | None):
    """``name`` in the claim syntax or ``name_tex`` in LaTeX (exactly one of them): (display text, term)."""
    tex_key = f"{name}_tex"
    if name in table and tex_key in table:
        raise _err(file, f"{key}.{tex_key}", f"both {name} and {tex_key} are given", f"keep one of them")
    if tex_key in table:
        term = _parse_tex(table[tex_key], scope, file, f"{key}.{tex_key}", boolean=boolean)
        return to_text(term), term
    text = _string(table, name, file, key)
    return text, _parse(text, scope, file, f"{key}.{name}", boolean=boolean)


def _resolve_uses(uses: tuple[str, ...], known: dict[str, Definition], file: str, key: str) -> list[Definition]:
    """The definitions ``uses`` names and everything they use, each once, dependencies first.

    Iterative and memoised: linear in the size of the ``uses`` graph (chains, diamonds).
    """
    out: list[Definition] = []
    done: set[str] = set()
    for u in uses:
        if u not in known:
            close = difflib.get_close_matches(u, list(known), n=1)
            raise _err(file, f"{key}.uses", f"unknown definition {u!r}",
                       f"did you mean {close[0]!r}?" if close else "define it in a [[definition]] table")
        stack: list[tuple[str, bool]] = [(u, False)]
        while stack:
            did, deps_done = stack.pop()
            if did in done:
                continue
            if deps_done:
                done.add(did)
                out.append(known[did])
                continue
            stack.append((did, True))
            stack.extend((dep, False) for dep in reversed(known[did].uses) if dep not in done)
    return out


def _merge_symbols(own: tuple[SymbolDecl, ...], defs: list[Definition], file: str, key: str) -> tuple[SymbolDecl, ...]:
    merged: dict[str, SymbolDecl] = {}
    where: dict[str, str] = {}
    for d in defs:
        for s in d.symbols:
            if s.name in d.params:
                continue
            prev = merged.get(s.name)
            if prev and prev.domain != s.domain:
                raise _err(file, f"{key}.uses", f"symbol {s.name!r} has domain {prev.domain!r} and {s.domain!r}",
                           "definitions used together must agree on shared symbols")
            merged.setdefault(s.name, s)
            where.setdefault(s.name, d.id)
    for s in own:
        prev = merged.get(s.name)
        if prev is not None and prev.domain != s.domain:  # adversarial review 10 F10: the claim's won silently
            raise _err(file, f"{key}.symbols.{s.name}", f"symbol {s.name!r} is {s.domain!r} here and "
                       f"{prev.domain!r} in definition {where[s.name]!r}",
                       "a symbol shared with a definition has one domain: declare it the same, or leave it out")
        merged[s.name] = s
    return tuple(merged[n] for n in sorted(merged))


def _merge_undefined(own: tuple[Undefined, ...], defs: list[Definition]) -> tuple[Undefined, ...]:
    merged: dict[str, Undefined] = {}
    for d in defs:
        for u in d.undefined:
            merged.setdefault(u.name, u)
    for u in own:
        merged[u.name] = u
    return tuple(merged[n] for n in sorted(merged))


def _build_definitions(raw: list[tuple[str, int, dict]], errors: _Errors | None = None) -> dict[str, Definition]:
    """Definitions by id, each after the ones it uses; with ``errors``, a definition that fails is recorded
    there and left out (the others are still built)."""
    by_id: dict[str, tuple[str, int, dict]] = {}
    for file, i, table in raw:
        key = f"definition[{i}]"
        _check_keys(table, _DEFINITION_KEYS, file, key)
        did = _string(table, "id", file, key)
        if did in by_id:
            duplicate = _err(file, f"{key}.id", f"duplicate definition id {did!r}", f"already in {by_id[did][0]}")
            if errors is None:
                raise duplicate
            errors.add(duplicate)
            continue
        by_id[did] = (file, i, table)
    built: dict[str, Definition] = {}
    calls: dict[str, dict[str, tuple[int, bool]]] = {}  # definition id -> the definitions its body may call

    def uses_of(did: str) -> tuple[str, ...]:
        file, _, table = by_id[did]
        key = f"definition.{did}"
        uses = _string_list(table, "uses", file, key)
        for u in uses:
            if u not in by_id:
                close = difflib.get_close_matches(u, list(by_id), n=1)
                raise _err(file, f"{key}.uses", f"unknown definition {u!r}",
                           f"did you mean {close[0]!r}?" if close else "define it first")
        return uses

    order: list[str] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for root in by_id:
        if root in state:
            continue
        try:
            _visit(root, state, order, uses_of, by_id)
        except UserInputError as exc:
            if errors is None:
                raise
            errors.add(exc)
            for did, on_path in list(state.items()):  # the definitions on the failing path are left out
                if on_path == 1:
                    state[did] = 2
                    errors.failed_definitions.add(did)

    def build(did: str) -> None:
        file, i, table = by_id[did]
        key = f"definition.{did}"
        _check_id(did, "definition", file, f"{key}.id")
        uses = uses_of(did)
        deps = [built[u] for u in uses]  # their symbols and callable names already include their own uses
        callable_names = {n: sig for u in uses for n, sig in calls[u].items()}
        callable_names.update((d.name, (len(d.params), d.is_boolean)) for d in deps)
        name = _string(table, "name", file, key)
        _check_name(name, "definition name", file, f"{key}.name")
        params = _string_list(table, "params", file, key)
        for j, p in enumerate(params):
            _check_name(p, "parameter", file, f"{key}.params[{j}]")
            if p in params[:j]:
                raise _err(file, f"{key}.params[{j}]", f"duplicate parameter {p!r}", "each parameter once")
        own_symbols = _symbols(table, file, key)
        symbols = _merge_symbols(own_symbols, deps, file, key)
        undefined = _merge_undefined(_undefined(table, file, key, symbols), deps)
        _check_distinct([("a parameter", params), ("a symbol", [s.name for s in own_symbols]),
                         ("an undefined term", [u.name for u in undefined]),
                         ("a definition", [*callable_names, name])], file, key)
        scope = replace(_scope(symbols, undefined, (), params), definitions=callable_names)
        body_text, body = _expression_or_tex(table, "body", scope, file, key, boolean=None)
        declared = {s.name for s in symbols} | set(params)
        d = Definition(did, name, params, body, body_text, symbols, undefined, uses, _string(table, "title", file, key, required=False),
                       _source(table, file, key, required=False), file)
        missing = free_symbols(body) - declared - {u.name for u in undefined}
        if missing:
            raise _err(file, f"{key}.body", f"undeclared symbol {sorted(missing)[0]!r}", "declare it under symbols")
        built[did] = d
        calls[did] = callable_names

    for did in order:  # every definition after the ones it uses
        if did in (errors.failed_definitions if errors else ()):
            continue
        if errors is None:
            build(did)
        elif any(u in errors.failed_definitions for u in uses_of(did)) or errors.run(build, did) is None:
            errors.failed_definitions.add(did)
    return built


def _visit(root: str, state: dict[str, int], order: list[str], uses_of, by_id) -> None:
    """Depth-first: append ``root`` and the definitions it uses to ``order``, each after its uses (state 1 on the
    current path, 2 done); a cycle is a located error."""
    state[root] = 1
    stack = [(root, iter(uses_of(root)))]
    while stack:
        did, pending = stack[-1]
        nxt = next(pending, None)
        if nxt is None:
            stack.pop()
            state[did] = 2
            order.append(did)
        elif state.get(nxt) == 1:
            file = by_id[nxt][0]
            raise _err(file, f"definition.{nxt}.uses", f"definition {nxt!r} depends on itself", "remove the cycle")
        elif nxt not in state:
            state[nxt] = 1
            stack.append((nxt, iter(uses_of(nxt))))


def check_claim_id(cid: str, file: str, key: str) -> str:
    """Return ``cid`` if it is a valid claim, assertion or lemma id; raise a located error otherwise."""
    _check_id(cid, "claim", file, key)
    return cid


def legacy_claim_id(file: str, i: int, table: dict) -> str:
    """The id of the legacy ``[[claim]]`` table ``i`` of ``file`` (its keys and id checked), as ``_build_claim``
    gives it, without building the claim."""
    key = f"claim[{i}]"
    _check_keys(table, _CLAIM_KEYS, file, key)
    return check_claim_id(_string(table, "id", file, key), file, f"{key}.id")


def _build_claim(file: str, i: int, table: dict, definitions: dict[str, Definition], *,
                 claim_id: str | None = None, key: str | None = None) -> Claim:
    """Build a claim from ``table``; with ``claim_id`` (a reading of an assertion) the table has no id key."""
    if claim_id is None:
        cid = legacy_claim_id(file, i, table)
        key = f"claim.{cid}"
    else:
        cid, key = claim_id, key or f"claim.{claim_id}"
    kind = _string(table, "kind", file, key)
    if kind not in KINDS:
        close = difflib.get_close_matches(kind, KINDS, n=1)
        raise _err(file, f"{key}.kind", f"unknown kind {kind!r:.40}",
                   f"did you mean {close[0]!r}?" if close else f"one of {', '.join(KINDS)}")
    uses = _string_list(table, "uses", file, key)
    defs = _resolve_uses(uses, definitions, file, key)
    symbols = _merge_symbols(_symbols(table, file, key), defs, file, key)
    undefined = _merge_undefined(_undefined(table, file, key, symbols), defs)
    _check_distinct([("a symbol", [s.name for s in symbols]), ("an undefined term", [u.name for u in undefined]),
                     ("a definition", [d.name for d in defs])], file, f"{key}.uses" if defs else key)
    scope = _scope(symbols, undefined, defs)
    assume_text = _string_list(table, "assume", file, key)
    assume = tuple(_parse(t, scope, file, f"{key}.assume[{j}]", boolean=True) for j, t in enumerate(assume_text))
    tex_assume = _string_list(table, "assume_tex", file, key)
    tex_terms = tuple(_parse_tex(t, scope, file, f"{key}.assume_tex[{j}]", boolean=True) for j, t in enumerate(tex_assume))
    assume += tex_terms
    assume_text += tuple(to_text(t) for t in tex_terms)
    prop = _property(table, scope, symbols, file, key)
    if prop is not None:
        show = prop.display()
        show_text = to_text(show)
    else:
        show_text, show = _expression_or_tex(table, "show", scope, file, key, boolean=True)
    free = _string_list(table, "free", file, key)
    if prop is not None and free:
        raise _err(file, f"{key}.free", "free constants with a property", "a property claim derives no condition; "
                   "state the condition under assume")
    for j, name in enumerate(free):
        if name in free[:j]:
            raise _err(file, f"{key}.free", f"free constant {name!r} is listed twice", "list each constant once")
        if name in scope.bool_symbols:
            raise _err(file, f"{key}.free", f"free constant {name!r} is declared bool",
                       "a free constant is numeric; state both cases of a boolean as two claims or in the statement")
        if name not in scope.symbols:
            raise _err(file, f"{key}.free", f"free constant {name!r} is not a declared symbol", "declare it under symbols")
    refs = table.get("references", {})
    if not isinstance(refs, dict) or not all(isinstance(v, str) for v in refs.values()):
        raise _err(file, f"{key}.references", "expected a table symbol = \"reference.id\"")
    differentiated = diff_variables((*assume, show), defs)
    for name in refs:
        if name not in scope.symbols:
            raise _err(file, f"{key}.references.{name}", f"{name!r} is not a declared symbol", "declare it under symbols")
        if name in differentiated:
            raise _err(file, f"{key}.references.{name}", f"{name!r} is the variable of a derivative",
                       "a literature value is a constant: differentiate by another symbol")
        if name in free:  # adversarial review 10 F8: the value replaced it, then 'fails for every value of' it
            raise _err(file, f"{key}.references.{name}", f"{name!r} is also a free constant",
                       "a literature value fixes the symbol; a free constant leaves it open: choose one")
        if prop is not None and name == prop.variable:
            raise _err(file, f"{key}.references.{name}", f"{name!r} is the variable of the stated property",
                       "a literature value is a constant: bind another symbol")
    from ..literature import get_reference
    for name, ref_id in refs.items():
        try:
            ref = get_reference(ref_id)
        except ClaimFileError as exc:  # raised as <input> with no key: the id came from here
            raise exc.located(file=file, key=f"{key}.references.{name}") from None
        _check_reference_domain(ref, next(d for d in symbols if d.name == name), file, f"{key}.references.{name}")
    source = _source(table, file, key, required=True)
    return Claim(
        id=cid, title=_string(table, "title", file, key), kind=kind,
        source=source, symbols=symbols, uses=tuple(d.id for d in defs),
        assume=assume, assume_text=assume_text, show=show, show_text=show_text, free=free,
        undefined=undefined, references=tuple(sorted(refs.items())),
        reading=_string(table, "reading", file, key, required=False),
        simulate=_simulation(table, file, key), notes=_string(table, "notes", file, key, required=False),
        file=file, definitions=tuple(defs), snippet=parse_snippet(table, symbols, source.document, file, key),
        function_property=prop,
    )


def _property(table: dict, scope: Scope, symbols: tuple[SymbolDecl, ...], file: str, key: str) -> Property | None:
    """``property = "increasing"`` with ``of`` (or ``of_tex``) and ``variable``, instead of ``show``."""
    if "property" not in table:
        for name in ("of", "of_tex", "variable"):
            if name in table:
                raise _err(file, f"{key}.{name}", f"{name} without property", "add property = \"increasing\" "
                           f"(one of {', '.join(PROPERTIES)}) or remove {name}")
        return None
    kind = _string(table, "property", file, key)
    if kind not in PROPERTIES:
        close = difflib.get_close_matches(kind, list(PROPERTIES), n=1)
        raise _err(file, f"{key}.property", f"unknown property {kind!r:.40}",
                   f"did you mean {close[0]!r}?" if close else f"one of {', '.join(PROPERTIES)}")
    for name in ("show", "show_tex"):
        if name in table:
            raise _err(file, f"{key}.{name}", f"both property and {name} are given", "a property claim has no show")
    variable = _string(table, "variable", file, key)
    decl = next((s for s in symbols if s.name == variable), None)
    if decl is None or decl.domain == "bool":
        raise _err(file, f"{key}.variable", f"{variable!r:.40} is not a declared numeric symbol",
                   "declare it under symbols with a numeric domain")
    of_text, of = _expression_or_tex(table, "of", scope, file, key, boolean=False)
    if variable not in free_symbols(of):
        raise _err(file, f"{key}.of", f"the function does not mention {variable}",
                   "write the function of the variable, e.g. of = \"P(N)\" with variable = \"N\"")
    ends = []
    for name in ("level", "solution"):
        if kind != "crossing":
            if name in table or f"{name}_tex" in table:
                raise _err(file, f"{key}.{name}", f"{name} with property {kind!r}", "only a crossing has one")
            continue
        _, term = _expression_or_tex(table, name, scope, file, key, boolean=False)
        if variable in free_symbols(term):
            raise _err(file, f"{key}.{name}", f"the {name} mentions the variable {variable}",
                       f"a {name} is a value, free of {variable}")
        ends.append(term)
    return Property(kind, variable, of, of_text, *ends)


def _simulation(table: dict, file: str, key: str) -> Simulation | None:
    raw = table.get("simulate")
    if raw is None:
        return None
    if not isinstance(raw, dict) or not isinstance(raw.get("experiment"), str):
        raise _err(file, f"{key}.simulate", "expected a table with experiment = \"name\"")
    params = []
    for k, v in sorted(raw.items()):
        if k == "experiment":
            continue
        if isinstance(v, list):
            v = tuple(v)
        if not (isinstance(v, (int, float, bool)) or (isinstance(v, tuple) and all(isinstance(x, (int, float)) for x in v))):
            raise _err(file, f"{key}.simulate.{k}", f"parameter of type {type(v).__name__}", "numbers or lists of numbers")
        params.append((k, v))
    return Simulation(raw["experiment"], tuple(params))
