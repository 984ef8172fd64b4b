"""The conventions file for vague notation (``theorems/conventions.toml``), loaded as data.

Each convention has an id, the notations it covers, its meaning, an optional
tolerance ``symbol`` with a ``default`` value (an expression in claim syntax,
read by the allow-list parser) and a justification. Readings cite conventions
by id; ``python -m formal_emergence.conventions`` prints docs/conventions.md.
"""

from __future__ import annotations

import difflib
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import ClaimFileError, ExpressionError
from .model.terms import Term
from .parse.expr import Scope, parse_expression

FILE_NAME = "conventions.toml"
_KEYS = {"id", "notation", "applies_to", "meaning", "symbol", "default", "tolerance_domain", "justification"}
#: Where a tolerance may lie: a positive number, a multiplicative factor, or a fraction of 1.
TOLERANCE_DOMAINS = ("positive", "factor", "fraction")


@dataclass(frozen=True, slots=True)
class Convention:
    id: str
    notation: tuple[str, ...]
    applies_to: str
    meaning: str
    symbol: str
    default_text: str
    default: Term | None
    justification: str
    tolerance_domain: str = "positive"

    def citation(self) -> str:
        """How a result cites the convention: ``approx (tol = 1/10)``."""
        return f"{self.id} ({self.symbol} = {self.default_text})" if self.default_text else self.id


def conventions_path() -> Path:
    from .parse.claimfile import bundled_theorems_dir
    return bundled_theorems_dir() / FILE_NAME


def load_conventions(path: str | Path | None = None) -> dict[str, Convention]:
    """The conventions by id, from ``path`` (the bundled file when None); located errors on mistakes."""
    p = Path(path) if path is not None else conventions_path()
    file = str(p)
    try:
        doc = tomllib.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ClaimFileError(f"cannot read the conventions file: {exc}", file=file) from None
    raw = doc.get("convention", [])
    if set(doc) - {"convention"} or not isinstance(raw, list) or not all(isinstance(x, dict) for x in raw):
        raise ClaimFileError("expected only [[convention]] tables", file=file, key="convention")
    out: dict[str, Convention] = {}
    for i, t in enumerate(raw):
        key = f"convention[{i}]"
        for k in t:
            if k not in _KEYS:
                raise ClaimFileError(f"unknown key {k!r}", file=file, key=f"{key}.{k}",
                                     hint="allowed: " + ", ".join(sorted(_KEYS)))
        texts = {}
        for k in ("id", "applies_to", "meaning", "symbol", "default", "tolerance_domain", "justification"):
            v = t.get(k, "")
            if not isinstance(v, str):
                raise ClaimFileError(f"expected a string, found {type(v).__name__}", file=file, key=f"{key}.{k}")
            texts[k] = v
        notation = t.get("notation", [])
        if not isinstance(notation, list) or not all(isinstance(n, str) for n in notation):
            raise ClaimFileError("expected a list of strings", file=file, key=f"{key}.notation")
        cid = texts["id"]
        if not cid or cid in out:
            raise ClaimFileError(f"missing or duplicate id {cid!r}", file=file, key=f"{key}.id")
        if not texts["justification"].strip():
            raise ClaimFileError("missing justification", file=file, key=f"convention.{cid}.justification",
                                 hint="every default is justified")
        default = None
        if texts["default"]:
            try:
                default = parse_expression(texts["default"], Scope(), expect_boolean=False)
            except ExpressionError as exc:
                raise exc.located(file=file, key=f"convention.{cid}.default") from None
        domain = texts["tolerance_domain"] or "positive"
        if domain not in TOLERANCE_DOMAINS:
            raise ClaimFileError(f"unknown tolerance_domain {domain!r}", file=file,
                                 key=f"convention.{cid}.tolerance_domain", hint="one of " + ", ".join(TOLERANCE_DOMAINS))
        if bool(texts["default"]) != bool(texts["symbol"]):
            raise ClaimFileError("symbol and default go together", file=file, key=f"convention.{cid}",
                                 hint="give both or neither")
        out[cid] = Convention(cid, tuple(notation), texts["applies_to"], texts["meaning"], texts["symbol"],
                              texts["default"], default, texts["justification"], domain)
    return out


def lookup(conventions: dict[str, Convention], cid: str, *, file: str, key: str) -> Convention:
    """The convention ``cid``, or a located error with the closest known id."""
    if cid in conventions:
        return conventions[cid]
    close = difflib.get_close_matches(cid, list(conventions), n=1)
    raise ClaimFileError(f"unknown convention {cid!r}", file=file, key=key,
                         hint=f"did you mean {close[0]!r}?" if close else "see theorems/conventions.toml")


def citation_problems(catalog, records: dict[str, dict], conventions: dict[str, Convention]) -> list[str]:
    """Every reading of ``catalog`` whose result (JSON ``records`` by id) fails to cite a convention it uses.

    A reading uses the conventions it lists and those its tolerances bind; each
    must appear in the record's ``conventions`` and in its reason (with the
    default), and each tolerance must have a flip point.
    """
    problems = []
    readings = [r for a in catalog.assertions for r in a.readings] + [x.reading for x in catalog.lemmas]
    for reading in readings:
        rec = records.get(reading.id)
        if rec is None:
            continue
        used = set(reading.conventions) | {c for _, c in reading.tolerances}
        if {c["id"] for c in rec.get("conventions", [])} != used:
            problems.append(f"{reading.id}: JSON conventions differ from {sorted(used)}")
        for cid in sorted(used):
            c = conventions[cid]
            named = f"{cid}:" in rec["reason"] or f"{cid} (default" in rec["reason"]
            if not named or (c.default_text and c.default_text not in rec["reason"]):
                problems.append(f"{reading.id}: reason does not cite {c.citation()}")
        for sym, cid in reading.tolerances:
            if not any(f["symbol"] == sym and f["convention"] == cid for f in rec.get("flip", [])):
                problems.append(f"{reading.id}: no flip point for {sym} ({cid})")
    return problems


def render_markdown(conventions: dict[str, Convention]) -> str:
    """docs/conventions.md: every convention with notation, meaning, default and justification."""
    lines = ["# Conventions for vague notation", "",
             "Generated from `theorems/conventions.toml` by `python -m formal_emergence.conventions > "
             "docs/conventions.md`; do not edit by hand.", "",
             "A reading lists the conventions it relies on (`conventions = [...]`) and may bind a symbol to a",
             "convention's tolerance (`tolerances = { tol = \"approx\" }`). The symbol then takes the default",
             "below for the verdict, the result cites the convention with its default, and the engine reports",
             "the flip point (the tolerance at which the verdict changes); a verdict whose default lies within",
             "10% of its flip point is labelled fragile.", "",
             "| id | notation | meaning | default |", "|---|---|---|---|"]
    for c in sorted(conventions.values(), key=lambda c: c.id):
        notation = ", ".join(f"“{n}”" for n in c.notation)
        default = f"`{c.symbol} = {c.default_text}`" if c.default_text else "(no tolerance)"
        lines.append(f"| `{c.id}` | {_cell(notation)} | {_cell(c.meaning)} | {default} |")
    lines.append("")
    for c in sorted(conventions.values(), key=lambda c: c.id):
        lines += [f"## `{c.id}`", "", f"- applies to: {c.applies_to}", f"- meaning: {c.meaning}",
                  f"- default: `{c.symbol} = {c.default_text}` (a {c.tolerance_domain} tolerance)" if c.default_text
                  else "- default: none",
                  "", " ".join(c.justification.split()), ""]
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


if __name__ == "__main__":
    sys.stdout.write(render_markdown(load_conventions()))
