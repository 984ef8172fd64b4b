"""Read a Markdown or LaTeX document the toolkit has never seen, and say what in it can be checked.

``scan_document`` extracts, each with its section heading, line and verbatim
quote:

- display formulas (``$$…$$``, ``\\[…\\]``, ``equation``/``align`` environments)
  and inline formulas (``$…$``, ``\\(…\\)``);
- theorem, definition, lemma and proof blocks, in Chinese or English;
- numeric tables (Markdown pipe tables with numbers);
- sentences that quote numbers ("about 20 tokens per parameter", "N > 100B").

Every formula goes through the allow-list LaTeX parser in its lenient mode
(``parse.latex``). A parsed formula without free symbols is decided at once by
the engine; a parsed formula with symbols becomes a claim stub in the claim
format (source, quote and formula filled in, symbols and domains guessed and
marked to be confirmed, no verdict); the rest is listed with the reason it was
not parsed. Fenced code blocks are counted and skipped: their text is never
parsed as math and never run.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .errors import ExpressionError, UserInputError
from .model.claim import Claim, Source
from .model.terms import Pred, UFun, free_symbols, is_boolean, to_text, walk
from .parse.expr import Scope, check_identifier
from .parse.latex import Guesses, parse_latex

#: Largest document read, in bytes; larger files are refused (a scan reads whole files).
MAX_DOCUMENT_BYTES = 4_000_000
SUFFIXES = (".md", ".markdown", ".tex", ".txt")

_HEADING_MD = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_HEADING_TEX = re.compile(r"\\(?:sub)*section\*?\{([^}]*)\}")
_FENCE = re.compile(r"^\s*(```|~~~)")
_BLOCK_WORDS = {
    "theorem": ("定理", "Theorem", "theorem", "Proposition", "命题", "推论", "Corollary"),
    "definition": ("定义", "Definition", "definition"),
    "lemma": ("引理", "Lemma", "lemma"),
    "proof": ("证明", "Proof", "proof"),
}
_BOLD_LABEL = re.compile(r"\*\*([^*]{1,40}?)\*\*\s*[:：]?")
_TEX_BLOCK = re.compile(r"\\begin\{(theorem|definition|lemma|proof|proposition|corollary)\}(.*?)\\end\{\1\}", re.S)
_DISPLAY = re.compile(r"\$\$(.+?)\$\$|\\\[(.+?)\\\]|\\begin\{(equation|align|gather)\*?\}(.+?)\\end\{\3\*?\}", re.S)
_INLINE = re.compile(r"(?<![$\\])\$(?!\$)([^$\n]+?)(?<!\\)\$(?!\$)|\\\((.+?)\\\)")
_NUMBER_STATEMENT = re.compile(
    r"[^。.!?！？;；\n]*?(?:\d+(?:\.\d+)?\s*(?:[KMBT]\b|%|亿|万|倍|tokens?|参数|parameters?)|[<>≈~]\s*\d)[^。.!?！？;；\n]*")
_WHEN = re.compile(r"^\\text\{\s*当\s*\}(.*?)\\text\{\s*时\s*\}\s*[：:]\s*(.*)$", re.S)


@dataclass(frozen=True)
class Formula:
    """A formula as the document writes it, where it stands, and what became of it."""

    display: bool
    section: str
    line: int
    latex: str
    status: str          # "decided" | "stubbed" | "expression" | "unparsed"
    reason: str = ""     # why not parsed, or what the stub needs confirmed
    statement: str = ""  # the parsed formula in the claim syntax
    verdict: str = ""    # for decided formulas
    stub: str = ""       # TOML text of the claim stub


@dataclass
class DocumentScan:
    path: str
    title: str
    formulas: list[Formula] = field(default_factory=list)
    blocks: list[tuple[str, str, int, str]] = field(default_factory=list)   # (kind, section, line, quote)
    tables: list[tuple[str, int, str]] = field(default_factory=list)        # (section, line, quote)
    numbers: list[tuple[str, int, str]] = field(default_factory=list)       # (section, line, quote)
    code_blocks: int = 0
    closed: list = field(default_factory=list)      # scan_closed.Item: table rows, stated ranges
    sections: list = field(default_factory=list)    # engine.sections.SectionCheck of the stubs of each section

    def counts(self) -> dict[str, int]:
        display = [f for f in self.formulas if f.display]
        return {
            "formulas": len(self.formulas),
            "display": len(display),
            "display_parsed": sum(1 for f in display if f.status != "unparsed"),
            "parsed": sum(1 for f in self.formulas if f.status != "unparsed"),
            "decided": sum(1 for f in self.formulas if f.status == "decided"),
            "stubbed": sum(1 for f in self.formulas if f.status == "stubbed"),
            "unparsed": sum(1 for f in self.formulas if f.status == "unparsed"),
            "blocks": len(self.blocks), "tables": len(self.tables), "numbers": len(self.numbers),
            "code_blocks": self.code_blocks,
            "table_rows_checked": sum(1 for i in self.closed if i.kind == "table-row" and i.decided),
            "table_rows_disagree": sum(1 for i in self.closed if i.kind == "table-row" and i.verdict == "fails"),
            "range_comparisons": sum(1 for i in self.closed if i.kind != "table-row" and i.decided),
            "range_conflicts": sum(1 for i in self.closed if i.kind != "table-row" and i.verdict == "fails"),
            "not_compared": sum(1 for i in self.closed if not i.decided),
            "section_checks": len(self.sections),
            "section_conflicts": sum(1 for c in self.sections if c.status == "inconsistent"),
        }


def document_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files and folders (recursively: .md, .markdown, .tex, .txt) into a sorted list."""
    out: list[Path] = []
    for p in paths:
        path = Path(p)
        try:
            if path.is_dir():
                out.extend(sorted(q for q in path.rglob("*") if q.suffix in SUFFIXES and q.is_file()))
            elif path.is_file():
                out.append(path)
            else:
                raise UserInputError(f"no such file or directory {str(p)!r}", file=str(p), hint="check the path")
        except OSError as exc:
            raise UserInputError(f"cannot read {str(p)!r}: {exc.strerror}", file=str(p)) from None
    return out


def read_document(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_DOCUMENT_BYTES:
            raise UserInputError(f"document of {path.stat().st_size} bytes", file=str(path),
                                 hint=f"at most {MAX_DOCUMENT_BYTES} bytes are scanned")
        data = path.read_bytes()
    except OSError as exc:
        raise UserInputError(f"cannot read the document: {exc.strerror}", file=str(path)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserInputError(f"not UTF-8 text (byte {exc.start})", file=str(path), hint="save it as UTF-8") from None


def scan_document(path: Path, *, decide: bool = True) -> DocumentScan:
    """Scan one document; ``decide`` runs the engine on closed formulas (False: parse only)."""
    text = read_document(path)
    lines = text.split("\n")
    scan = DocumentScan(str(path), _title(lines, path))
    sections = _sections(lines, path.suffix == ".tex")
    masked, scan.code_blocks = _mask_code(text)

    def where(offset: int) -> tuple[str, int]:
        line = masked.count("\n", 0, offset) + 1
        return sections[min(line, len(sections)) - 1], line

    used: list[tuple[int, int]] = []
    for m in _DISPLAY.finditer(masked):
        latex = next(g for g in (m.group(1), m.group(2), m.group(4)) if g is not None)
        section, line = where(m.start())
        used.append(m.span())
        for row in _rows(latex):
            scan.formulas.append(_formula(row, True, section, line, path, len(scan.formulas) + 1, decide))
    for m in _INLINE.finditer(masked):
        if any(a <= m.start() < b for a, b in used):
            continue
        latex = m.group(1) if m.group(1) is not None else m.group(2)
        if not latex.strip() or re.fullmatch(r"[\d.,\s]+", latex):
            continue
        section, line = where(m.start())
        scan.formulas.append(_formula(latex, False, section, line, path, len(scan.formulas) + 1, decide))
    for i, raw in enumerate(lines):
        if masked.split("\n")[i].strip() == "" and raw.strip():
            continue  # inside a code block
        section = sections[i]
        for label in _BOLD_LABEL.findall(raw):
            kind = _block_kind(label)
            if kind:
                scan.blocks.append((kind, section, i + 1, raw.strip()))
                break
        if raw.lstrip().startswith("|") and re.search(r"\d", raw) and not re.fullmatch(r"[\s|:-]+", raw):
            if not scan.tables or scan.tables[-1][1] != i:
                scan.tables.append((section, i + 1, raw.strip()))
            else:
                s, first, quote = scan.tables[-1]
                scan.tables[-1] = (s, first, quote + "\n" + raw.strip())
    for m in _TEX_BLOCK.finditer(masked):
        section, line = where(m.start())
        scan.blocks.append(("theorem" if m.group(1) in ("proposition", "corollary") else m.group(1), section, line,
                            m.group(0)[:400]))
    for i, raw in enumerate(masked.split("\n")):
        if raw.lstrip().startswith("|") or "$" in raw:
            continue
        for m in _NUMBER_STATEMENT.finditer(raw):
            quote = m.group().strip(" -*#>")
            if len(quote) >= 6:
                scan.numbers.append((sections[i], i + 1, quote))
    if decide:
        _decide_closed_content(scan, lines, sections, masked)
        scan.sections = _section_checks(scan, path)
    return scan


def _decide_closed_content(scan: DocumentScan, lines: list[str], sections: list[str], masked: str) -> None:
    """Table rows against their formulas and stated ranges against each other and the literature."""
    from .scan_closed import markdown_tables, range_items, stated_amounts, table_items
    skip = [m.strip() == "" and raw.strip() != "" for raw, m in zip(lines, masked.split("\n"))]
    tables = markdown_tables(lines, sections, skip)
    items = table_items(tables, scan.formulas) + range_items(stated_amounts(lines, sections, skip, tables))
    scan.closed = sorted(items, key=lambda i: (i.line, i.kind, i.quote))


def _section_checks(scan: DocumentScan, path: Path) -> list:
    """The per-section consistency check of the document's display-formula stubs (``engine.sections``), on their
    guessed readings, for sections with two or more of them."""
    import tempfile
    from .engine.check import CheckOptions
    from .engine.sections import check_section
    from .parse.claimfile import load_standalone_claims
    # Display formulas only: an inline formula in prose is as often a condition ("when $N < N_c$") as a statement.
    stubs = [f.stub for f in scan.formulas if f.stub and f.display]
    if len(stubs) < 2:
        return []
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "stubs.toml"
        target.write_text("\n".join(stubs), encoding="utf-8")
        try:
            claims = load_standalone_claims(target)
        except UserInputError:
            # the stubs are guesses, not the user's file: one that does not load is left out, never reported as
            # an error located in this temporary file (adv13 F7)
            claims = []
            for stub in stubs:
                target.write_text(stub, encoding="utf-8")
                try:
                    claims.extend(load_standalone_claims(target))
                except UserInputError:
                    continue
    by_section: dict[str, list] = {}
    for c in claims:
        by_section.setdefault(c.source.section, []).append(c)
    return [check_section(path.name, sec, members, CheckOptions())
            for sec, members in sorted(by_section.items()) if len(members) >= 2]


def _title(lines: list[str], path: Path) -> str:
    """The first heading near the top (Markdown ``#`` or LaTeX ``\\title``), else the first line of text."""
    for raw in lines[:10]:
        m = _HEADING_MD.match(raw)
        if m:
            return m.group(2).strip()
        t = re.search(r"\\title\{([^}]*)\}", raw)
        if t:
            return t.group(1).strip()
    first = next((raw.strip() for raw in lines if raw.strip()), "")
    return first[:80] or path.stem


def _sections(lines: list[str], tex: bool) -> list[str]:
    """The heading in force at each line (the heading's own text, verbatim)."""
    out, current = [], ""
    for raw in lines:
        m = _HEADING_MD.match(raw) if not tex else _HEADING_TEX.search(raw)
        if m:
            current = (m.group(2) if not tex else m.group(1)).strip()
        out.append(current)
    return out


def _mask_code(text: str) -> tuple[str, int]:
    """Blank out fenced code blocks (keeping line numbers) and count them."""
    out, inside, count = [], False, 0
    for raw in text.split("\n"):
        if _FENCE.match(raw):
            inside = not inside
            count += inside
            out.append("")
            continue
        out.append("" if inside else raw)
    return "\n".join(out), count


def _rows(latex: str) -> list[str]:
    """Rows of a display: ``align`` rows split at ``\\\\`` (outside ``cases``), ``&`` dropped."""
    if "\\begin{cases}" in latex:
        return [latex.strip()]
    rows = [r.replace("&", " ").strip() for r in re.split(r"\\\\", latex)]
    # "L(N) = ..., \quad P = ...": several formulas in one display.
    rows = [part.strip() for r in rows for part in re.split(r",?\s*\\q?quad\s*", r)]
    return [r for r in rows if r] or [latex.strip()]


def _block_kind(label: str) -> str:
    for kind, words in _BLOCK_WORDS.items():
        if any(label.strip().startswith(w) for w in words):
            return kind
    return ""


def _formula(latex: str, display: bool, section: str, line: int, path: Path, index: int, decide: bool) -> Formula:
    body = " ".join(latex.split())
    guesses = Guesses()
    try:
        term = _parse_document_formula(body, guesses)
    except ExpressionError as exc:
        return Formula(display, section, line, body, "unparsed", reason=f"column {exc.column}: {exc.found}"
                       + (f" ({exc.hint})" if exc.hint else ""))
    statement = to_text(term)
    clash = _role_clash(guesses, term)
    if clash:
        # a stub with one name in two roles cannot load (adv13 F7: the section check then ended the scan with exit
        # 2, located in a temporary stub file): no consistent reading, so the formula is listed as not parsed
        return Formula(display, section, line, body, "unparsed", reason=f"{clash} (no consistent reading to stub)",
                       statement=statement)
    closed = not free_symbols(term) and not any(isinstance(t, (Pred, UFun)) for t in walk(term))
    if closed and is_boolean(term):
        verdict, reason = _decide_closed(term, path, section, body) if decide else ("", "not decided (parse only)")
        return Formula(display, section, line, body, "decided", reason=reason, statement=statement, verdict=verdict)
    if not is_boolean(term):
        return Formula(display, section, line, body, "expression", statement=statement,
                       reason="an expression, not a statement: nothing to check on its own")
    stub = claim_stub(term, guesses, path, section, latex, index)
    return Formula(display, section, line, body, "stubbed", reason=_to_confirm(guesses), statement=statement, stub=stub)


def _role_clash(g: Guesses, term) -> str:
    """The first name the guesses give two roles (a symbol and a predicate, say) or a call two arities, described;
    "" when none."""
    arities: dict[str, set[int]] = {}
    for t in walk(term):
        if isinstance(t, (Pred, UFun)):
            arities.setdefault(t.name, set()).add(len(t.args))
    for name, counts in sorted(arities.items()):
        if len(counts) > 1:
            return f"the name {g.renamed.get(name, name)!r} is called with {' and '.join(map(str, sorted(counts)))} arguments"
    roles = (("a symbol", g.symbols), ("a predicate", g.predicates), ("a function", g.functions),
             ("an entity", g.entities))
    for i, (first, names) in enumerate(roles):
        for second, others in roles[i + 1:]:
            both = sorted(set(names) & set(others))
            if both:
                return f"the name {g.renamed.get(both[0], both[0])!r} is read both as {first} and as {second}"
    return ""


_UPDATE = re.compile(r"^(.*?)\\leftarrow(.*)$", re.S)


def _top_level_commas(body: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(body):
        if ch in "({[":
            depth += 1
        elif ch in ")}]":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(body[start:i])
            start = i + 1
    parts.append(body[start:])
    return [p.strip() for p in parts]


def _parse_document_formula(body: str, guesses: Guesses):
    parts = _top_level_commas(body)
    if len(parts) > 1 and all(re.search(r"=|<|>|\\(?:neq|le|ge|leq|geq)\b", p) for p in parts):
        # "\Delta S \neq 0, \Delta V \neq 0": several statements in one formula, all asserted.
        from .model.terms import And
        terms = [_parse_document_formula(p, guesses) for p in parts]
        if all(is_boolean(t) for t in terms):
            return And(tuple(terms))
    update = _UPDATE.match(body)
    if update:
        # "θ ← θ - α ∇L" is an update rule: the new value is an expression with no truth value of its own.
        parse_latex(update.group(1), Scope(), guesses=guesses)
        return parse_latex(update.group(2), Scope(), guesses=guesses)
    m = _WHEN.match(body)
    if m:
        # "\text{当 } X \text{ 时}：Y" reads "when X, Y": an implication.
        body = rf"{{{m.group(1).strip()}}} \Rightarrow {{{m.group(2).strip()}}}"
    return parse_latex(body, Scope(), guesses=guesses)


def _decide_closed(term, path: Path, section: str, quote: str) -> tuple[str, str]:
    from .engine.check import CheckOptions, check_claim

    claim = Claim(id="scan.closed", title="closed formula", kind="numeric",
                  source=Source(path.name, section, quote), symbols=(), uses=(), assume=(), assume_text=(),
                  show=term, show_text=to_text(term))
    result = check_claim(claim, CheckOptions())
    return result.verdict.value, result.reason


def _to_confirm(g: Guesses) -> str:
    parts = []
    if g.symbols:
        parts.append("symbols " + ", ".join(sorted(g.symbols)) + " (domains guessed as real)")
    if g.predicates:
        parts.append("predicates " + ", ".join(sorted(g.predicates)))
    if g.functions:
        parts.append("functions " + ", ".join(sorted(g.functions)))
    if g.conventions:
        parts.append("conventions " + ", ".join(sorted(g.conventions)))
    return "to confirm: " + "; ".join(parts) if parts else "to confirm: the reading"


def _toml_string(text: str) -> str:
    """A TOML basic string (JSON string escapes are valid TOML escapes; non-ASCII kept)."""
    return json.dumps(text, ensure_ascii=False)


_STUB_READING = ("generated by formal-emergence scan from the formula as written; the symbols, their domains and "
                 "this reading are guesses to be confirmed by the author")


def claim_stub(term, guesses: Guesses, path: Path, section: str, quote: str, index: int) -> str:
    """The claim-format TOML for a parsed formula: everything filled in but the verdict, guesses marked."""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", path.stem).strip("-") or "doc"
    claim_id = f"scan.{stem}.f{index:03d}"
    kind = "theorem" if "implies(" in to_text(term) else "equation"
    renamed = guesses.renamed
    symbols = ", ".join(
        f"{name} = {{ domain = \"real\", meaning = {_toml_string(_meaning(name, renamed))} }}"
        for name in sorted(guesses.symbols))
    lines = [
        "[[claim]]",
        f"id = {_toml_string(claim_id)}",
        f"title = {_toml_string('TO CONFIRM: ' + ' '.join(quote.split())[:80])}",
        f"kind = \"{kind}\"",
        f"source = {{ document = {_toml_string(path.name)}, section = {_toml_string(section)}, "
        f"quote = {_toml_string(quote.strip())} }}",
        f"reading = {_toml_string(_STUB_READING)}",
        f"symbols = {{ {symbols} }}",
        f"show = {_toml_string(to_text(term))}",
    ]
    if guesses.conventions:
        lines.append("notes = " + _toml_string("uses convention(s) " + ", ".join(sorted(guesses.conventions))
                                               + ": bind the tolerance symbol with tolerances = { tol = \"approx\" }"))
    undefined = []
    for name, arity in sorted(guesses.predicates.items()):
        undefined.append(f"{name} = {{ kind = \"predicate\", arity = {arity}, missing = "
                         f"{_toml_string(_missing(name, renamed))} }}")
    for name, arity in sorted(guesses.functions.items()):
        undefined.append(f"{name} = {{ kind = \"function\", arity = {arity}, missing = "
                         f"{_toml_string(_missing(name, renamed))} }}")
    for name in sorted(guesses.entities):
        undefined.append(f"{name} = {{ kind = \"entity\", arity = 0, missing = "
                         f"{_toml_string(_missing(name, renamed))} }}")
    if undefined:
        lines.append("")
        lines.append("[claim.undefined]")
        lines.extend(undefined)
    return "\n".join(lines) + "\n"


def _missing(name: str, renamed: dict[str, str]) -> str:
    if name in renamed:
        return f"to confirm: what 「{renamed[name]}」 means (as written in the document)"
    return f"to confirm: what {name} means"


def _meaning(name: str, renamed: dict[str, str]) -> str:
    if name in renamed:
        return f"「{renamed[name]}」 as written in the document"
    return "to be confirmed"


def scan_paths(paths: Iterable[str | Path], *, decide: bool = True) -> list[DocumentScan]:
    return [scan_document(p, decide=decide) for p in document_files(paths)]


def to_json(scans: list[DocumentScan]) -> dict:
    docs = []
    for s in scans:
        docs.append({
            "path": s.path, "title": s.title, "counts": s.counts(),
            "formulas": [{"display": f.display, "section": f.section, "line": f.line, "latex": f.latex,
                          "status": f.status, "statement": f.statement, "verdict": f.verdict, "reason": f.reason}
                         for f in s.formulas],
            "blocks": [{"kind": k, "section": sec, "line": ln, "quote": q} for k, sec, ln, q in s.blocks],
            "tables": [{"section": sec, "line": ln, "quote": q} for sec, ln, q in s.tables],
            "numbers": [{"section": sec, "line": ln, "quote": q} for sec, ln, q in s.numbers],
            "closed": [i.to_json() for i in s.closed],
            "section_checks": [c.to_json() for c in s.sections],
        })
    total = {k: sum(d["counts"][k] for d in docs) for k in (docs[0]["counts"] if docs else {})}
    return {"schema": "formal_emergence.scan/1", "documents": docs, "total": total}


def to_text_report(scans: list[DocumentScan], verbose: bool = False) -> str:
    out = []
    for s in scans:
        c = s.counts()
        share = f"{c['display_parsed']}/{c['display']}" if c["display"] else "0/0"
        out.append(f"{s.path}  ({s.title})")
        out.append(f"  formulas {c['formulas']} (display parsed {share}): decided {c['decided']}, stubbed "
                   f"{c['stubbed']}, not parsed {c['unparsed']}; theorem/definition blocks {c['blocks']}, "
                   f"tables {c['tables']}, number statements {c['numbers']}, code blocks skipped {c['code_blocks']}")
        for f in s.formulas:
            if f.status == "decided":
                out.append(f"    line {f.line}: {f.verdict}: {f.statement}")
            elif verbose or f.status == "unparsed" and f.display:
                out.append(f"    line {f.line}: {f.status}: {f.latex[:70]}  [{f.reason}]")
        if s.closed or s.sections:
            out.append(f"  closed content: table rows checked {c['table_rows_checked']} ({c['table_rows_disagree']} "
                       f"disagree), range comparisons {c['range_comparisons']} ({c['range_conflicts']} conflict), "
                       f"not compared {c['not_compared']}; section checks {c['section_checks']} "
                       f"({c['section_conflicts']} inconsistent)")
        for i in s.closed:
            if i.decided or i.verdict or verbose:
                out.append(f"    line {i.line}: {i.kind}: {i.verdict or 'not compared'}: {i.evidence or i.why}")
                if i.decided:
                    out.append(f"      because {i.why}; quote: {i.quote}")
        for sc in s.sections:
            if sc.status == "inconsistent" or verbose:
                out.append(f"    §{sc.section}: section check {sc.status}: {sc.reason}")
                out.extend(f"      {m.id}: {m.show_text}  \u201c{' '.join(m.source.quote.split())}\u201d" for m in sc.core)
    return "\n".join(out) + "\n"


def to_html_report(scans: list[DocumentScan]) -> str:
    import html
    e = html.escape
    parts = ["<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>scan</title>"
             "<style>body{font-family:sans-serif;max-width:70em;margin:auto}td,th{border:1px solid #ccc;"
             "padding:2px 6px;vertical-align:top}table{border-collapse:collapse}code{white-space:pre-wrap}</style>"
             "</head><body><h1>Scan</h1>"]
    for s in scans:
        c = s.counts()
        parts.append(f"<h2>{e(s.title)}</h2><p><code>{e(s.path)}</code>: formulas {c['formulas']}, "
                     f"display parsed {c['display_parsed']}/{c['display']}, decided {c['decided']}, stubbed "
                     f"{c['stubbed']}, not parsed {c['unparsed']}</p><table><tr><th>line</th><th>section</th>"
                     "<th>formula</th><th>status</th><th>statement / reason</th></tr>")
        for f in s.formulas:
            parts.append(f"<tr><td>{f.line}</td><td>{e(f.section)}</td><td><code>{e(f.latex)}</code></td>"
                         f"<td>{e(f.verdict or f.status)}</td><td><code>{e(f.statement)}</code><br>{e(f.reason)}</td></tr>")
        parts.append("</table>")
        if s.closed or s.sections:
            parts.append(f"<h3>Closed content</h3><p>table rows checked {c['table_rows_checked']} "
                         f"({c['table_rows_disagree']} disagree), range comparisons {c['range_comparisons']} "
                         f"({c['range_conflicts']} conflict), not compared {c['not_compared']}; section checks "
                         f"{c['section_checks']} ({c['section_conflicts']} inconsistent)</p><table><tr><th>line</th>"
                         "<th>kind</th><th>verdict</th><th>evidence</th><th>why</th><th>quote</th></tr>")
            rows = [(i.line, i.kind, i.verdict or "not compared", i.evidence, i.why, i.quote) for i in s.closed]
            rows += [(0, "section", sc.status, sc.reason, "§" + sc.section,
                      " | ".join(f"{m.id}: {' '.join(m.source.quote.split())}" for m in sc.core)) for sc in s.sections]
            parts.extend("<tr>" + "".join(f"<td>{e(str(x))}</td>" for x in row) + "</tr>" for row in rows)
            parts.append("</table>")
    parts.append("</body></html>")
    return "".join(parts)


def write_stubs(scans: list[DocumentScan], folder: Path) -> list[Path]:
    """Write one claim file of stubs per document into ``folder``; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for s in scans:
        stubs = [f.stub for f in s.formulas if f.stub]
        if not stubs:
            continue
        name = re.sub(r"[^A-Za-z0-9_-]+", "-", Path(s.path).stem).strip("-") or "doc"
        target = folder / f"{name}.stubs.toml"
        header = (f"# Claim stubs generated by `formal-emergence scan` from {Path(s.path).name}.\n"
                  "# Every symbol, domain and reading is a guess: confirm or fix each one before trusting a verdict.\n\n")
        target.write_text(header + "\n".join(stubs), encoding="utf-8")
        written.append(target)
    return written


def run_scan(args, stdout) -> int:
    """Run ``formal-emergence scan``; returns the exit code (0; user errors raise ``UserInputError``)."""
    scans = scan_paths(args.paths, decide=not args.no_decide)
    if args.format == "json":
        out = json.dumps(to_json(scans), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    elif args.format == "html":
        out = to_html_report(scans)
    else:
        out = to_text_report(scans, verbose=args.verbose)
    if args.stubs:
        try:
            written = write_stubs(scans, Path(args.stubs))
        except OSError as exc:
            raise UserInputError(f"cannot write the stubs: {exc.strerror}", file=args.stubs, key="--stubs") from None
        if args.format == "text":
            out += f"wrote {len(written)} stub file(s) to {args.stubs}\n"
    if args.output:
        try:
            Path(args.output).write_text(out, encoding="utf-8")
        except OSError as exc:
            raise UserInputError(f"cannot write the report: {exc.strerror}", file=args.output, key="--output") from None
    else:
        stdout.write(out)
    return 0


__all__ = ["run_scan", "Formula", "DocumentScan", "scan_document", "scan_paths", "document_files", "claim_stub", "to_json",
           "to_text_report", "to_html_report", "write_stubs", "check_identifier"]
