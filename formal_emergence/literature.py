"""Published reference values on scaling laws and emergence, loaded exactly.

The values live in the packaged data file ``formal_emergence/data/literature.toml``
(transcribed from ``shared/references/literature.md``). Every number there is a
string and is parsed here into a :class:`fractions.Fraction`, so ``"0.076"`` is
exactly 76/1000 and never a binary float.

Public API: :class:`Reference`, :func:`load_references`,
:func:`load_references_from`, :func:`get_reference`, :data:`CONF_LEVELS`.
Nothing is cached: each call reads and validates the file again (a few
milliseconds); pass the mapping you already hold to :func:`get_reference` to
avoid that.
"""

from __future__ import annotations

import difflib
import functools
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from fractions import Fraction
from importlib.resources import files
from typing import Any

from formal_emergence.errors import ClaimFileError
from formal_emergence.parse.tomlpos import loads, locate

__all__ = ["CONF_LEVELS", "Reference", "get_reference", "load_references", "load_references_from",
           "reference_value_text", "search_references"]

CONF_LEVELS = ("high", "med", "low")

PACKAGED_FILE = "formal_emergence/data/literature.toml"

_REQUIRED_KEYS = ("id", "quantity", "source", "conf", "computed")
_NUMBER_KEYS = ("value", "low", "high")
_OPTIONAL_TEXT_KEYS = ("unit", "formula", "text", "arxiv", "note")
_ALL_KEYS = _REQUIRED_KEYS + _NUMBER_KEYS + _OPTIONAL_TEXT_KEYS
_PAYLOAD_KEYS = _NUMBER_KEYS + ("formula", "text")

_ID = re.compile(r"[a-z0-9_]+(?:\.[a-z0-9_]+)*")
_ID_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_.")
_ARXIV = re.compile(r"\d{4}\.\d{4,5}")
_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_RATIO = re.compile(r"[+-]?\d+/\d+")
# Longest prefixes that could still grow into a valid number; used only to point at the bad column.
_DECIMAL_PREFIX = re.compile(r"[+-]?\d*\.?\d*(?:[eE][+-]?\d*)?")
_RATIO_PREFIX = re.compile(r"[+-]?\d*/?\d*")


@dataclass(frozen=True, slots=True)
class Reference:
    """One published reference value, with its source and confidence.

    ``value`` is a single number; ``low``/``high`` describe a range or a one-sided
    bound instead (never together with ``value``). All three are exact
    ``Fraction``\\ s, and ``*_printed`` keep the string exactly as in the data file
    (so ``"0.50"`` keeps its trailing zero). An entry may carry no number at all
    when it records a ``formula`` or a non-numeric ``text`` fact (a title, a status).
    ``computed`` is true when the value is arithmetic done by the compiler of
    literature.md rather than a number the paper prints.

    >>> ref = Reference(id="x.y", quantity="q", source="Kaplan et al. 2020, eq. 1.1", conf="high",
    ...                 computed=False, value=Fraction("0.076"), value_printed="0.076", arxiv="2001.08361")
    >>> ref.citation()
    'Kaplan et al. 2020, arXiv:2001.08361, eq. 1.1 (conf high)'
    """

    id: str
    quantity: str
    source: str
    conf: str
    computed: bool
    value: Fraction | None = None
    low: Fraction | None = None
    high: Fraction | None = None
    unit: str | None = None
    formula: str | None = None
    text: str | None = None
    arxiv: str | None = None
    note: str | None = None
    value_printed: str | None = None
    low_printed: str | None = None
    high_printed: str | None = None

    def citation(self) -> str:
        """Return a one-line human citation: paper, arXiv id, location, ``[computed]``, confidence.

        The arXiv id is inserted after the first comma-separated part of ``source``
        (the paper), e.g. ``Kaplan et al. 2020, arXiv:2001.08361, eq. 1.1, Table 5 (conf high)``.
        """
        paper, _, where = self.source.partition(", ")
        parts = [paper]
        if self.arxiv:
            parts.append(f"arXiv:{self.arxiv}")
        if where:
            parts.append(where)
        computed = " [computed]" if self.computed else ""
        return f"{', '.join(parts)}{computed} (conf {self.conf})"

    def to_json(self) -> dict[str, Any]:
        """Return a plain JSON-ready dict of every field; numbers are their exact printed strings.

        Keys: id, quantity, value, low, high, unit, formula, text, source, arxiv, conf,
        computed, note (absent optional fields are ``None``). A number printed as a
        ratio (``"1/29968"``) stays a ratio string.
        """
        return {
            "id": self.id,
            "quantity": self.quantity,
            "value": self.value_printed,
            "low": self.low_printed,
            "high": self.high_printed,
            "unit": self.unit,
            "formula": self.formula,
            "text": self.text,
            "source": self.source,
            "arxiv": self.arxiv,
            "conf": self.conf,
            "computed": self.computed,
            "note": self.note,
        }

    def rounding_halfwidth(self, which: str = "value") -> Fraction | None:
        """Return half a unit in the last printed digit of ``value``, ``low`` or ``high``.

        This is how far the true number may lie from the printed one if the paper
        rounded correctly: ``"0.076"`` gives 1/2000, ``"8.8e13"`` gives 5e11.
        Returns ``None`` when that number is absent or printed as a ratio.
        Raises ``ValueError`` if ``which`` is not one of value, low, high.

        >>> Reference(id="a", quantity="q", source="s", conf="high", computed=False,
        ...           value=Fraction("8.8e13"), value_printed="8.8e13").rounding_halfwidth()
        Fraction(500000000000, 1)
        """
        if which not in _NUMBER_KEYS:
            raise ValueError(f"which must be one of {_NUMBER_KEYS}, not {which!r}")
        printed = {"value": self.value_printed, "low": self.low_printed, "high": self.high_printed}[which]
        if printed is None or "/" in printed:
            return None
        mantissa, _, exponent = printed.lower().lstrip("+-").partition("e")
        decimals = len(mantissa.partition(".")[2])
        return Fraction(1, 2) * Fraction(10) ** (int(exponent or 0) - decimals)


def load_references() -> dict[str, Reference]:
    """Load and validate the packaged reference file; return ``{id: Reference}`` in file order.

    The file is read through ``importlib.resources``, so this works from an
    installed wheel as well as from a source tree. Ids are lowercase.
    Raises ``ClaimFileError`` (``file:line:col: key: found (hint)``) if the file is
    malformed; that would be a packaging bug.

    >>> load_references()["kaplan2020.alpha_n"].value
    Fraction(19, 250)
    """
    return dict(_packaged())


@functools.cache
def _packaged() -> Mapping[str, Reference]:
    """The packaged reference file, parsed once per process.

    The one memo in the package: the file is read-only package data and the
    mapping is immutable (a read-only view of frozen ``Reference`` values), so
    keeping it changes no result, only the cost (every claim with references
    looked its values up by re-parsing 6,000 lines of TOML).
    """
    resource = files("formal_emergence") / "data" / "literature.toml"
    return MappingProxyType(_parse(resource.read_bytes(), file=PACKAGED_FILE))


def load_references_from(path: str | os.PathLike[str]) -> dict[str, Reference]:
    """Load and validate a reference file at ``path`` in the literature.toml format.

    Returns ``{id: Reference}`` in file order. Raises ``ClaimFileError`` located at
    ``path:line:col`` (the offending value; a caret under its bad character) if the file cannot be read, is not UTF-8 TOML, or any entry is
    malformed (unknown or missing key, bad id, duplicate id, conf outside
    high/med/low, a number that is not an exact decimal string, ``value`` together
    with ``low``/``high``, ``low > high``, or an entry with nothing to compare).
    """
    name = os.fspath(path)
    try:
        with open(name, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise ClaimFileError(f"cannot read the file: {exc.strerror}", file=name,
                             hint="check the path") from None
    return _parse(data, file=name)


#: ``<id>.arxiv`` names the arXiv identifier of entry ``<id>`` as a number (see ``arxiv_reference``)
ARXIV_SUFFIX = ".arxiv"


def arxiv_reference(base: Reference) -> Reference:
    """The arXiv identifier of ``base`` as a reference value: the new-style id ``yymm.nnnnn`` read as an exact
    decimal, so a citation's printed id is compared with the data file's, not with a number typed in the claim.

    Raises ``ClaimFileError`` when ``base`` records no arXiv id, or one that is not of the form digits.digits, or
    one ending in 0: as a decimal, ``2206.07680`` would equal a citation that dropped its last digit (``2206.0768``).

    >>> arxiv_reference(get_reference("kaplan2020.paper")).value
    Fraction(200108361, 100000)
    """
    if base.arxiv is None or not re.fullmatch(r"\d{4}\.\d{4,5}", base.arxiv):
        raise ClaimFileError(f"reference {base.id!r} records no new-style arXiv id"
                             + (f" ({base.arxiv!r})" if base.arxiv else ""),
                             hint=f"'<id>{ARXIV_SUFFIX}' needs an entry whose arxiv field is yymm.nnnnn")
    if base.arxiv.endswith("0"):
        raise ClaimFileError(f"reference {base.id!r}: arXiv id {base.arxiv} ends in 0, so as a decimal it would equal "
                             "the id without its last digit", hint="compare this citation by reading, not as a number")
    return Reference(id=base.id + ARXIV_SUFFIX, quantity=f"arXiv identifier of: {base.quantity}", source=base.source,
                     conf=base.conf, computed=False, value=Fraction(base.arxiv), value_printed=base.arxiv,
                     arxiv=base.arxiv, note="the entry's arxiv field read as the decimal yymm.nnnnn")


def get_reference(id: str, references: Mapping[str, Reference] | None = None) -> Reference:
    """Return the reference with this id, matched case-insensitively; ``<id>.arxiv`` is the arXiv identifier of
    entry ``<id>`` as a number (``arxiv_reference``) unless the file has an entry of that id.

    Ids are stored lowercase, so ``"kaplan2020.alpha_N"`` finds ``kaplan2020.alpha_n``.
    ``references`` is a mapping from :func:`load_references` to search instead of
    loading the packaged file again. Raises ``ClaimFileError`` for an unknown id,
    with a "did you mean" hint; its file is ``<input>`` and its key is empty, so a
    caller that knows where the id came from should re-locate it with
    ``error.located(file=..., key=...)``.

    >>> get_reference("hoffmann2022.fit_rounded.alpha").value
    Fraction(17, 50)
    """
    refs = _packaged() if references is None else references
    wanted = id.lower()
    found = refs.get(wanted)
    if found is not None:
        return found
    if wanted.endswith(ARXIV_SUFFIX) and wanted[:-len(ARXIV_SUFFIX)] in refs:
        return arxiv_reference(refs[wanted[:-len(ARXIV_SUFFIX)]])
    close = difflib.get_close_matches(wanted, list(refs), n=3, cutoff=0.6)
    if close:
        hint = "did you mean " + " or ".join(repr(c) for c in close) + "?"
    else:
        hint = f"the known ids are listed in {PACKAGED_FILE}"
    raise ClaimFileError(f"unknown reference id {id!r}", hint=hint)


def _parse(data: bytes, *, file: str) -> dict[str, Reference]:
    """The references of ``data``; a malformed file raises ``ClaimFileError`` located as ``file:line:col: key: ...``
    (with a caret under the bad character of a one-line string), like a claim file."""
    try:
        text, document = loads(data, file, syntax_hint="see docs/quantities.md, the literature file format")
        return _references(document, file)
    except ClaimFileError as exc:
        text = data.decode("utf-8", "replace").removeprefix("\ufeff")
        where = locate(exc, text, strings=True)
        raise (where if where.line else where.located(line=1, col=1)) from None  # no key to point at: the file


def _references(document: dict[str, Any], file: str) -> dict[str, Reference]:
    extra = sorted(set(document) - {"reference"})
    if extra:
        raise ClaimFileError(f"unknown top-level key {extra[0]!r}", file=file, key=extra[0],
                             hint="only [[reference]] tables are allowed")
    tables = document.get("reference")
    if not isinstance(tables, list) or not tables:
        raise ClaimFileError("no [[reference]] tables", file=file, key="reference",
                             hint="add at least one [[reference]] table")

    references: dict[str, Reference] = {}
    first_index: dict[str, int] = {}
    for index, table in enumerate(tables):
        reference = _parse_entry(table, file=file, key=f"reference[{index}]")
        if reference.id in references:
            raise ClaimFileError(f"duplicate id {reference.id!r}", file=file, key=f"reference[{index}].id",
                                 hint=f"first used by reference[{first_index[reference.id]}]; ids must be unique")
        references[reference.id] = reference
        first_index[reference.id] = index
    return references


def _parse_entry(table: Any, *, file: str, key: str) -> Reference:
    if not isinstance(table, dict):
        raise ClaimFileError(f"expected a table, found {type(table).__name__}", file=file, key=key,
                             hint="write each entry as a [[reference]] table")

    def fail(found: str, field: str = "", *, column: int = 0, hint: str = "") -> ClaimFileError:
        return ClaimFileError(found, file=file, key=f"{key}.{field}" if field else key, column=column, hint=hint)

    for name in table:
        if name not in _ALL_KEYS:
            close = difflib.get_close_matches(name, _ALL_KEYS, n=1)
            hint = f"did you mean {close[0]!r}?" if close else f"allowed keys: {', '.join(_ALL_KEYS)}"
            raise fail(f"unknown key {name!r}", name, hint=hint)
    for name in _REQUIRED_KEYS:
        if name not in table:
            raise fail(f"missing required key {name!r}", hint=f"every entry needs {', '.join(_REQUIRED_KEYS)}")
    for name in _ALL_KEYS:
        if name == "computed" or name not in table:
            continue
        raw = table[name]
        if not isinstance(raw, str):
            hint = f'write the number as a string, e.g. {name} = "0.076"' if name in _NUMBER_KEYS else "use a string"
            raise fail(f"expected a string, found {type(raw).__name__} {raw!r}", name, hint=hint)
        if not raw.strip():
            raise fail("empty string", name, hint="remove the key or give it a value")
    if not isinstance(table["computed"], bool):
        raise fail(f"expected true or false, found {table['computed']!r}", "computed", hint="computed = false")

    ident = table["id"]
    if not _ID.fullmatch(ident):
        bad = next((i for i, ch in enumerate(ident) if ch not in _ID_CHARS), None)
        raise fail(f"invalid id {ident!r}", "id", column=0 if bad is None else bad + 1,
                   hint="use dotted lowercase words of [a-z0-9_], e.g. kaplan2020.alpha_n")
    if table["conf"] not in CONF_LEVELS:
        raise fail(f"invalid conf {table['conf']!r}", "conf", hint="use one of high, med, low")
    arxiv = table.get("arxiv")
    if arxiv is not None and not _ARXIV.fullmatch(arxiv):
        raise fail(f"invalid arXiv id {arxiv!r}", "arxiv", hint="write the bare id, e.g. 2001.08361")

    numbers = {name: _parse_number(table[name], file=file, key=f"{key}.{name}") for name in _NUMBER_KEYS if name in table}
    if "value" in numbers and ("low" in numbers or "high" in numbers):
        raise fail("value given together with low/high", "value",
                   hint="use value for a single number, low and/or high for a range or bound")
    if "low" in numbers and "high" in numbers and numbers["low"] > numbers["high"]:
        raise fail(f"low {table['low']!r} is greater than high {table['high']!r}", "low", hint="swap them")
    if not any(name in table for name in _PAYLOAD_KEYS):
        raise fail("nothing to compare against", hint="give a value, low/high, formula or text")

    return Reference(
        id=ident,
        quantity=table["quantity"],
        source=table["source"],
        conf=table["conf"],
        computed=table["computed"],
        value=numbers.get("value"),
        low=numbers.get("low"),
        high=numbers.get("high"),
        unit=table.get("unit"),
        formula=table.get("formula"),
        text=table.get("text"),
        arxiv=arxiv,
        note=table.get("note"),
        value_printed=table.get("value"),
        low_printed=table.get("low"),
        high_printed=table.get("high"),
    )


def _parse_number(raw: str, *, file: str, key: str) -> Fraction:
    if _DECIMAL.fullmatch(raw) or _RATIO.fullmatch(raw):
        try:
            return Fraction(raw)
        except ZeroDivisionError:
            raise ClaimFileError(f"{raw!r} divides by zero", file=file, key=key,
                                 hint="use a non-zero denominator") from None
    prefix = (_RATIO_PREFIX if "/" in raw else _DECIMAL_PREFIX).match(raw)
    column = prefix.end() + 1 if prefix.end() < len(raw) else 0
    raise ClaimFileError(f"{raw!r} is not an exact decimal number", file=file, key=key, column=column,
                         hint='write a decimal string such as "0.076", "8.8e13" or "1/3"')


def search_references(query: str = "", references: Mapping[str, Reference] | None = None) -> list[Reference]:
    """References whose id, quantity, source, text, note or unit contain every word of ``query``
    (case-insensitive), sorted by id; all of them for an empty query."""
    refs = references if references is not None else _packaged()
    words = [w.casefold() for w in query.split()]
    out = []
    for ref in refs.values():
        hay = " ".join(str(x) for x in (ref.id, ref.quantity, ref.source, ref.text, ref.note, ref.unit, ref.arxiv)
                       if x).casefold()
        if all(w in hay for w in words):
            out.append(ref)
    return sorted(out, key=lambda r: r.id)


def reference_value_text(ref: Reference) -> str:
    """The value as printed (a number, a range ``[low, high]``, a formula or a text fact)."""
    if ref.value_printed is not None:
        return ref.value_printed
    if ref.low_printed is not None or ref.high_printed is not None:
        return f"[{ref.low_printed or '-inf'}, {ref.high_printed or 'inf'}]"
    if ref.formula:
        return f"formula: {ref.formula}"
    return f"text: {ref.text}" if ref.text else "-"

