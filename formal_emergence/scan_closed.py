"""Closed content of a scanned document, decided directly: table rows against their formulas, stated ranges.

Two kinds of check, each an ``Item`` that says whether it was decided and why:

- **table rows** (``table_items``): a Markdown table column whose value the
  document states as a function of other columns: a header that is a formula
  of other headers (``D/N``, ``6 N D``, "tokens per parameter" over the
  columns ``tokens`` and ``parameters``), or a header ``f(x)`` with a formula
  ``f(x) = …`` in the document whose other symbols the document gives as
  closed equalities (``$E = 1.69$``, each stated once). Each row is computed
  exactly (``Fraction`` for the decimals as written, interval arithmetic at
  30 digits for powers, ``exp`` and ``log``) and compared with the cell as
  written, within the document's rounding: half a unit of the last digit
  written (``2.57`` is ``[2.565, 2.575]``; ``1.4T`` is ``[1.35e12, 1.45e12]``);
  a cell written with ``≈`` is widened by the ``approx`` convention instead.
  A row disagrees (``fails``) only when the value stays outside for every
  argument value the argument cells' own rounding allows.
- **stated ranges** (``range_items``): amounts in table cells and prose
  ("50-70B", "100B+", "N_c ≈ 70-100B", "about 20 tokens per parameter") are
  read by an allow-list grammar (``parse_amount``; no eval) into closed ranges
  with units (K, M, B, T suffixes; tokens, parameters, FLOPs, tokens per
  parameter, %), following ``theorems/conventions.toml``: ``a-b`` is
  ``range``, ``a+`` ``at-least``, ``≈`` on a scale ``approx-scale``, ``≈`` on
  a plain number ``approx``. Ranges of the same quantity (the same row label
  and column header; a bold label and symbol in prose matched with a table row
  of the same section whose header contains that symbol) are compared
  pairwise: they must overlap. Each range with a unit and a named subject is
  compared with the literature value whose quantity matches it, only when
  exactly one reference value has that unit, a quantity about exactly the
  subject (the row label or bold label, every word of it, sizes included:
  "Gopher: parameters" is about "Gopher", not about "Gopher 7B" or "Go";
  ``_names_subject``) and names every word of the column header; otherwise it is
  listed "not compared" with the reason. Inequalities
  on a variable in prose ("N > 100B") are parsed and listed but never
  compared: in prose they state conditions, not values; so is an amount in
  prose with neither a symbol nor a label (its unit alone does not name a
  quantity, not even "tokens per parameter": "Chinchilla ... about 20 tokens
  per parameter" and "GPT-3 ... 1.7 tokens per parameter" are about two
  models, adv13 F7).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Iterable, Sequence

from .errors import ExpressionError
from .literature import Reference, search_references
from .model.terms import Num, Rel, Sym, UFun, free_symbols, is_boolean, substitute, to_text, walk
from .parse.expr import Scope
from .parse.latex import Guesses, parse_latex

_SUFFIX = {"K": 10**3, "k": 10**3, "M": 10**6, "B": 10**9, "T": 10**12}
_UNITS = (
    (r"tokens?\s*(?:per|/)\s*param(?:eter)?s?|tokens?/param", "tokens/parameter"),
    (r"tokens?", "tokens"),
    (r"param(?:eter)?s?|参数量?", "parameters"),
    (r"FLOPs?", "FLOPs"),
    (r"%", "percent"),
)
#: A decimal as documents write it; digit and exponent counts are capped so that no cell can ask for a huge number.
_NUM = r"\d{1,18}(?:,\d{3}){0,6}(?:\.\d{1,18})?(?:[eE][+-]?\d{1,2})?"
_UNIT_RE = "|".join(f"(?:{u})" for u, _ in _UNITS)
_AMOUNT = re.compile(
    rf"(?P<pre>≈|~|约|大约|about|around|roughly|approximately|>=|≥|>|<=|≤|<|超过|大于|小于)?\s*"
    rf"(?P<a>{_NUM})\s*(?P<asuf>[KMBTk](?![A-Za-z]))?"
    rf"(?:\s*(?:-|–|—|~|到|to)\s*(?P<b>{_NUM})\s*(?P<bsuf>[KMBTk](?![A-Za-z]))?)?"
    rf"(?P<post>\+|以上|左右)?\s*(?P<unit>{_UNIT_RE})?(?![A-Za-z0-9])")
_SYMBOL_BEFORE = re.compile(r"(?<![A-Za-z0-9_])(?P<sym>[A-Za-zα-ωΑ-Ω](?:_\{?[A-Za-z0-9]+\}?)?)\s*(?:=|:|：)?\s*$")
_BOLD_LABEL = re.compile(r"^\s*[-*]?\s*\*\*(?P<label>[^*]{1,40}?)\*\*\s*[:：]")
_STOP = {"the", "and", "per", "model", "models", "about", "tokens", "parameters", "parameter", "params", "flops"}


@dataclass(frozen=True)
class Amount:
    """A stated amount as a closed range (``None``: unbounded), with its unit and how it was read."""

    low: Fraction | None
    high: Fraction | None
    text: str
    unit: str = ""
    conventions: tuple[str, ...] = ()
    point: bool = False          # a single value (rounding applies), not a range or a bound
    approx: bool = False
    bound: str = ""              # "at-least" | "at-most" | "" (a bound from an inequality in prose)

    def shown(self) -> str:
        lo = "-inf" if self.low is None else _num(self.low)
        hi = "inf" if self.high is None else _num(self.high)
        return f"[{lo}, {hi}]"


@dataclass(frozen=True)
class Item:
    """One closed check: what, where, whether decided (verdict + evidence) or why not."""

    kind: str                    # "table-row" | "range-pair" | "range-literature"
    section: str
    line: int
    quote: str
    verdict: str = ""            # "holds" | "fails" | "undecided" | "" (not compared)
    evidence: str = ""
    why: str = ""

    @property
    def decided(self) -> bool:
        return self.verdict in ("holds", "fails")

    def to_json(self) -> dict:
        return {"kind": self.kind, "section": self.section, "line": self.line, "quote": self.quote,
                "verdict": self.verdict or "not compared", "evidence": self.evidence, "why": self.why}


def _num(v: Fraction) -> str:
    """An exact decimal when the value has one (up to 30 decimals), else ``p/q``."""
    if v.denominator == 1:
        return str(v.numerator)
    for k in range(1, 31):
        scaled = v * 10**k
        if scaled.denominator == 1:
            sign, digits = ("-" if scaled < 0 else ""), str(abs(scaled.numerator)).rjust(k + 1, "0")
            return f"{sign}{digits[:-k]}.{digits[-k:]}"
    return f"{v.numerator}/{v.denominator}"


def _decimal(text: str) -> tuple[Fraction, int]:
    """The exact value of a decimal as written, and its number of decimals (after the exponent)."""
    text = text.replace(",", "")
    mantissa, _, exp = text.lower().partition("e")
    decimals = len(mantissa.partition(".")[2]) - (int(exp) if exp else 0)
    return Fraction(text), decimals


def _unit(text: str | None) -> str:
    if not text:
        return ""
    for pattern, name in _UNITS:
        if re.fullmatch(pattern, text.strip(), re.I):
            return name
    return ""


def _convention_default(cid: str) -> Fraction:
    from .conventions import load_conventions
    return Fraction(load_conventions()[cid].default_text)


def _from_match(m: re.Match, unit_hint: str = "") -> Amount:
    a, a_dec = _decimal(m.group("a"))
    bsuf = m.group("bsuf") or ""
    asuf = m.group("asuf") or bsuf
    a *= _SUFFIX.get(asuf, 1)
    unit = _unit(m.group("unit")) or unit_hint
    scale = bool(asuf) or unit in ("tokens", "parameters", "FLOPs")
    pre, post = m.group("pre") or "", m.group("post") or ""
    approx = pre in ("≈", "~", "约", "大约", "about", "around", "roughly", "approximately") or post == "左右"
    text = m.group(0).strip()
    if m.group("b"):
        b = _decimal(m.group("b"))[0] * _SUFFIX.get(bsuf, 1)
        low, high, conv, point = min(a, b), max(a, b), ["range"], False
    elif post in ("+", "以上") or pre in (">=", "≥", ">", "超过", "大于"):
        if approx:  # "≈ 100B+": the bound itself is approximate, widened like any approximate end
            rule = "approx-scale" if scale else "approx"
            d = _convention_default(rule)
            return Amount(a / d if rule == "approx-scale" else a * (1 - d), None, text, unit, ("at-least", rule),
                          approx=True, bound="at-least")
        return Amount(a, None, text, unit, ("at-least",), bound="at-least")
    elif pre in ("<=", "≤", "<", "小于"):
        return Amount(None, a, text, unit, (), bound="at-most")
    else:
        half = Fraction(1, 2) * Fraction(10) ** (-a_dec) * _SUFFIX.get(asuf, 1)
        low, high, conv, point = (a, a, [], True) if approx else (a - half, a + half, [], True)
    if approx:
        rule = "approx-scale" if scale else "approx"
        d = _convention_default(rule)
        low, high = (low / d, high * d) if rule == "approx-scale" else (low * (1 - d), high * (1 + d))
        conv.append(rule)
    return Amount(low, high, text, unit, tuple(conv), point=point and not approx, approx=approx)


def parse_amount(text: str, unit_hint: str = "") -> Amount | None:
    """A whole cell or phrase read as an amount ("50-70B", "100B+", "1.4T tokens", "≈ 20"), else None."""
    cleaned = _clean(text)
    m = _AMOUNT.fullmatch(cleaned)
    return _from_match(m, unit_hint) if m else None


def _clean(text: str) -> str:
    return " ".join(text.replace("**", "").replace("$", "").replace("\\approx", "≈").replace("\\sim", "~")
                    .replace("\\geq", "≥").replace("\\ge", "≥").replace("\\leq", "≤").replace("\\le", "≤")
                    .split())


# ---------------------------------------------------------------------------------------------- tables

@dataclass(frozen=True)
class Table:
    section: str
    line: int                    # line of the header row
    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]   # (line, cells)


def markdown_tables(lines: Sequence[str], sections: Sequence[str], skip: Sequence[bool]) -> list[Table]:
    """Pipe tables with a header and a ``|---|`` rule; ``skip[i]`` marks lines inside code blocks."""
    out: list[Table] = []
    i = 0
    while i + 1 < len(lines):
        head, rule = lines[i].strip(), lines[i + 1].strip()
        if not skip[i] and head.startswith("|") and re.fullmatch(r"\|?(\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*\|?", rule):
            headers = _cells(head)
            rows = []
            j = i + 2
            while j < len(lines) and lines[j].strip().startswith("|") and not skip[j]:
                cells = _cells(lines[j].strip())
                if len(cells) == len(headers):
                    rows.append((j + 1, cells))
                j += 1
            out.append(Table(sections[i], i + 1, headers, tuple(rows)))
            i = j
            continue
        i += 1
    return out


def _cells(row: str) -> tuple[str, ...]:
    return tuple(c.strip() for c in row.strip().strip("|").split("|"))


_IDENT = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


def _column_symbols(headers: Sequence[str]) -> dict[str, int]:
    """Headers that name a column by an identifier (``N``, ``D``, ``tokens``), singular forms too."""
    out: dict[str, int] = {}
    for k, h in enumerate(headers):
        name = _clean(h)
        if _IDENT.fullmatch(name):
            out[name] = k
            if name.endswith("s") and len(name) > 3:
                out.setdefault(name[:-1], k)
    return out


def _per_to_ratio(header: str) -> str:
    """"tokens per parameter" -> "tokens / parameter" (the only prose relation read in a header)."""
    return re.sub(r"\s+per\s+", " / ", header)


def _stated_functions(formulas: Iterable) -> tuple[dict[str, tuple[tuple[str, ...], object, str]], dict[str, Fraction]]:
    """From the document's parsed formulas: ``f(x, …) = expr`` definitions and constants ``c = number``
    (each kept only when the document states it exactly once)."""
    defs: dict[str, list] = {}
    consts: dict[str, list] = {}
    for f in formulas:
        try:
            term = parse_latex(f.latex, Scope(), guesses=Guesses())
        except ExpressionError:
            continue
        if isinstance(term, Rel) and term.op == "==":
            lhs, rhs = term.lhs, term.rhs
            if isinstance(lhs, UFun) and all(isinstance(a, Sym) for a in lhs.args) and not is_boolean(rhs):
                defs.setdefault(lhs.name, []).append((tuple(a.name for a in lhs.args), rhs, f.latex))
            elif isinstance(lhs, Sym) and isinstance(rhs, Num):
                consts.setdefault(lhs.name, []).append(rhs.value)
    return ({k: v[0] for k, v in defs.items() if len(v) == 1},
            {k: v[0] for k, v in consts.items() if len(set(v)) == 1})


def _column_formula(header: str, columns: dict[str, int], defs, consts):
    """The formula a header states over other columns, with its description, or None."""
    text = _per_to_ratio(_clean(header))
    if _IDENT.fullmatch(text):
        return None
    # A column named by a word (``tokens``) is one name, not a product of letters as LaTeX would read it.
    for name in sorted((n for n in columns if len(n) > 1), key=len, reverse=True):
        text = re.sub(rf"(?<![A-Za-z\\{{]){re.escape(name)}(?![A-Za-z}}])", rf"\\text{{{name}}}", text)
    try:
        term = parse_latex(text, Scope(), guesses=Guesses())
    except ExpressionError:
        return None
    if is_boolean(term):
        return None
    if isinstance(term, UFun) and term.name in defs and all(isinstance(a, Sym) for a in term.args):
        params, body, source = defs[term.name]
        if len(params) != len(term.args):
            return None
        body = substitute(body, {p: a for p, a in zip(params, term.args)})
        how = f"the document's formula {source}"
    elif any(isinstance(n, UFun) for n in walk(term)):
        return None
    else:
        body, how = term, f"the header {header.strip()!r} as a formula of the other columns"
    used = sorted(k for k in free_symbols(body) if k in consts and k not in columns)
    body = substitute(body, {k: Num(consts[k]) for k in used})
    if free_symbols(body) - set(columns) or not free_symbols(body):
        return None
    if used:
        how += " with " + ", ".join(f"{k} = {_num(consts[k])}" for k in used) + " as the document states"
    return body, how


def _value_interval(term) -> tuple[Fraction, Fraction] | None:
    from .model.exact import exact_value
    from .numeric.evaluate import rigorous_bounds
    exact = exact_value(term)
    if exact is not None:
        return exact, exact
    return rigorous_bounds(term, 30)


def table_items(tables: Sequence[Table], formulas: Sequence) -> list[Item]:
    """Every row of every column the document states as a formula, checked (see the module docstring)."""
    defs, consts = _stated_functions(formulas)
    out: list[Item] = []
    for t in tables:
        columns = _column_symbols(t.headers)
        for k, header in enumerate(t.headers):
            found = _column_formula(header, columns, defs, consts)
            if found is None:
                continue
            body, how = found
            for line, cells in t.rows:
                out.append(_check_row(t, line, cells, k, body, how, columns))
    return out


def _check_row(t: Table, line: int, cells, k: int, body, how: str, columns: dict[str, int]) -> Item:
    """One row: ``holds`` when the formula at the argument cells as written lands inside the cell's rounding
    (a witness that the row agrees); ``fails`` when an interval enclosure over every argument value the cells'
    own rounding allows lies outside it (no reading of the row agrees); ``undecided`` otherwise."""
    from .numeric.evaluate import rigorous_bounds_over
    quote = "| " + " | ".join(cells) + " |"
    values: dict[str, Fraction] = {}
    box: dict[str, tuple[Fraction, Fraction]] = {}
    for name in sorted(free_symbols(body)):
        cell = cells[columns[name]]
        amount = parse_amount(cell)
        if amount is None or not amount.point:
            return Item("table-row", t.section, line, quote, "", why=f"cell {cell!r} of column {name} is not one "
                        "value (a range, a bound or text): the row is not checked")
        m = _AMOUNT.fullmatch(_clean(cell))
        values[name] = _decimal(m.group("a"))[0] * _SUFFIX.get(m.group("asuf") or "", 1)
        box[name] = (amount.low, amount.high)
    written = parse_amount(cells[k])
    if written is None or written.low is None or written.high is None or not (written.point or written.approx):
        return Item("table-row", t.section, line, quote, "", why=f"cell {cells[k]!r} is not one value: not checked")
    at = ", ".join(f"{n} = {_num(v)}" for n, v in sorted(values.items()))
    point = _value_interval(substitute(body, {n: Num(v) for n, v in values.items()}))
    over = rigorous_bounds_over(body, box, 30)
    why = f"column {t.headers[k]!r} is {how}"
    if point is None or over is None:
        return Item("table-row", t.section, line, quote, "undecided", f"{to_text(body)} at {at} could not be "
                    "evaluated", why)
    allowed = f"{written.shown()} ({'approx convention' if written.approx else 'rounding of the digits written'})"
    lo, hi = point
    value = _num(lo) if lo == hi else f"in [{float(lo):.12g}, {float(hi):.12g}]"
    evidence = f"{to_text(body)} at {at} is {value}; the cell {cells[k]!r} allows {allowed}"
    if written.low <= lo and hi <= written.high:
        return Item("table-row", t.section, line, quote, "holds", evidence + ": inside", why)
    cells_box = ", ".join(f"{n} in {Amount(a, b, n).shown()}" for n, (a, b) in box.items())
    spread = (f"; over the rounding of the argument cells ({cells_box}) the value stays in "
              f"[{float(over[0]):.12g}, {float(over[1]):.12g}]")
    if over[1] < written.low or over[0] > written.high:
        return Item("table-row", t.section, line, quote, "fails", evidence + spread + ": outside", why)
    return Item("table-row", t.section, line, quote, "undecided", evidence + spread + ": the argument cells' "
                "rounding reaches the allowed range", why)


# ---------------------------------------------------------------------------------------------- ranges

@dataclass(frozen=True)
class Stated:
    """An amount with the quantity it is about: ``key`` names it, ``words`` are its subject for ``refs``."""

    section: str
    line: int
    quote: str
    amount: Amount
    key: tuple[str, str]          # (subject, quantity): row label and header, or bold label and symbol
    words: tuple[str, ...]        # the subject (row label or bold label) for the literature search
    header_words: tuple[str, ...] = ()
    not_compared: str = ""        # why the amount is listed but compared with nothing


def stated_amounts(lines: Sequence[str], sections: Sequence[str], skip: Sequence[bool],
                   tables: Sequence[Table]) -> list[Stated]:
    """Amounts in table cells (keyed by row label and header) and in prose (see the module docstring)."""
    out: list[Stated] = []
    for t in tables:
        for line, cells in t.rows:
            label = _clean(cells[0])
            for k in range(1, len(cells)):
                header = _clean(t.headers[k])
                amount = parse_amount(cells[k], _unit(header))
                if amount is None or (amount.unit == "" and not amount.text[-1:].isalpha() and "-" not in amount.text
                                      and not amount.bound and not amount.approx and not _SCALE.search(amount.text)):
                    continue
                why = ("the row is labelled by a value, not by a name: two rows may be two runs of one quantity"
                       if parse_amount(cells[0], "") is not None else "")
                out.append(Stated(t.section, line, f"{label} | {header}: {cells[k]}", amount, (label, header),
                                  _words(label), tuple(w.lower() for w in re.findall(r"[A-Za-z]{3,}", header)),
                                  not_compared=why))
    table_lines = {line for t in tables for line, _ in t.rows} | {t.line for t in tables}
    for i, raw in enumerate(lines):
        if skip[i] or (i + 1) in table_lines or raw.lstrip().startswith("|") or "$" in raw:
            continue
        label_m = _BOLD_LABEL.match(raw)
        label = label_m.group("label").strip() if label_m else ""
        for m in _AMOUNT.finditer(raw):
            if not (m.group("asuf") or m.group("bsuf") or m.group("unit") or m.group("pre")):
                continue
            sym = _SYMBOL_BEFORE.search(raw[:m.start()])
            sym_name = sym.group("sym").replace("{", "").replace("}", "") if sym else ""
            amount = _from_match(m)
            if not sym_name and not amount.unit:
                continue
            why = ""
            if amount.bound and not label:
                why = "an inequality on a variable in prose states a condition, not a value"
            elif not sym_name and not label:  # the sentence's subject is not read: "20 tokens per parameter" of what?
                why = "no quantity named (no symbol, no label, a unit shared by many quantities)"
            key = (label, sym_name or amount.unit)
            out.append(Stated(sections[i], i + 1, raw.strip()[:200], amount, key, _words(label), not_compared=why))
    return out


_SCALE = re.compile(r"\d\s*[KMBT]\b")


#: A word of a model name: letters, digits, dots and hyphens ("GPT-3", "6.7B", "MT-NLG", "2").
_NAME_WORD = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?")


def _words(text: str) -> tuple[str, ...]:
    """The words of a subject (a row label or a bold label), sizes and short words included: "GPT-3 6.7B" is one
    of the GPT-3 models, not GPT-3 (adv13 F8: the size was dropped and the flagship's value compared)."""
    return tuple(w for w in _NAME_WORD.findall(text) if w.lower() not in _STOP)


def _names_subject(quantity: str, words: tuple[str, ...]) -> bool:
    """Whether a reference's ``quantity`` is about exactly the subject ``words``, compared word by word.

    "GPT-3: parameters" names the subject before its colon, which must be the same words ("GPT" and
    "GPT-3 6.7B" are not "GPT-3"). A quantity without a colon ("Chinchilla batch size at the end of training")
    must start with the words, and the word after them must not be a size ("MT-NLG 530B ..." is not about
    "MT-NLG" in general)."""
    want = [w.casefold() for w in words]
    head, colon, _ = quantity.partition(":")
    if colon:
        return [w.casefold() for w in _NAME_WORD.findall(head)] == want
    got = [w.casefold() for w in _NAME_WORD.findall(quantity)]
    return got[:len(want)] == want and not (len(got) > len(want) and got[len(want)][0].isdigit())


def range_items(stated: Sequence[Stated], references: dict | None = None) -> list[Item]:
    """Pairwise comparisons of ranges of one quantity, and comparisons with the literature (module docstring)."""
    out: list[Item] = []
    groups: dict[tuple[str, str], list[Stated]] = {}
    for s in stated:
        if s.not_compared:
            out.append(Item("range-pair", s.section, s.line, s.quote, "", why=s.not_compared))
            continue
        groups.setdefault(_group_key(s, stated), []).append(s)
    for key, members in sorted(groups.items()):
        if len(members) < 2:
            continue
        for a_i in range(len(members)):
            for b_i in range(a_i + 1, len(members)):
                a, b = members[a_i], members[b_i]
                if a.line == b.line:  # one sentence naming several values reports views; it asserts none of them
                    continue
                out.append(_pair(a, b))
    for s in stated:
        if not s.not_compared:
            out.append(_literature(s, references))
    return out


def _group_key(s: Stated, stated: Sequence[Stated]) -> tuple[str, str]:
    """A prose (label, symbol) joins a table (row label, header) of its section whose header holds the symbol."""
    label, quantity = s.key
    if s.quote.startswith(label + " | "):
        return s.key
    for t in stated:
        if t.section == s.section and t.key[0] == label and t.quote.startswith(label + " | ") and \
                re.search(rf"(?<![A-Za-z0-9_]){re.escape(quantity)}(?![A-Za-z0-9_])", t.key[1]):
            return t.key
    return s.key


def _pair(a: Stated, b: Stated) -> Item:
    lows = [x for x in (a.amount.low, b.amount.low) if x is not None]
    highs = [x for x in (a.amount.high, b.amount.high) if x is not None]
    quote = f"line {a.line}: {a.quote} / line {b.line}: {b.quote}"
    conv = sorted(set(a.amount.conventions) | set(b.amount.conventions))
    evidence = (f"{a.amount.text} -> {a.amount.shown()} and {b.amount.text} -> {b.amount.shown()}"
                + (f" (conventions {', '.join(conv)})" if conv else ""))
    why = f"the same quantity {a.key[0]!r} / {a.key[1]!r} stated twice in the document"
    if not lows or not highs or max(lows) <= min(highs):
        return Item("range-pair", a.section, a.line, quote, "holds", evidence + ": they overlap", why)
    return Item("range-pair", a.section, a.line, quote, "fails",
                evidence + f": disjoint ({_num(min(highs))} < {_num(max(lows))})", why)


def _literature(s: Stated, references) -> Item:
    if not s.amount.unit:
        return Item("range-literature", s.section, s.line, s.quote, "", why="no unit stated, so no unambiguous "
                    "reference")
    if not s.words:
        return Item("range-literature", s.section, s.line, s.quote, "", why="no unambiguous reference (no subject "
                    "named to look up)")
    if s.amount.unit == "percent":
        return Item("range-literature", s.section, s.line, s.quote, "", why="a percentage names no quantity on its "
                    "own: no unambiguous reference")
    candidates = [r for r in search_references("", references)
                  if _unit_matches(r, s.amount.unit) and (r.value is not None or r.low is not None
                                                          or r.high is not None)
                  and _names_subject(r.quantity, s.words)
                  and all(w.rstrip("s") in r.quantity.casefold() for w in s.header_words)]
    if len(candidates) != 1:
        found = ", ".join(r.id for r in candidates[:4]) + (" …" if len(candidates) > 4 else "")
        return Item("range-literature", s.section, s.line, s.quote, "",
                    why=f"no unambiguous reference ({len(candidates)} values in {s.amount.unit} whose quantity "
                        f"is about exactly {' '.join(s.words)!r}{' and names ' + ' '.join(s.header_words) if s.header_words else ''}"
                        f"{': ' + found if found else ''})")
    ref = candidates[0]
    lo, hi = (ref.value, ref.value) if ref.value is not None else (ref.low, ref.high)
    ours_lo, ours_hi = s.amount.low, s.amount.high
    overlap = (ours_hi is None or lo is None or lo <= ours_hi) and (ours_lo is None or hi is None or ours_lo <= hi)
    evidence = f"{s.amount.text} -> {s.amount.shown()}; {ref.id} = {_ref_text(ref)} ({ref.citation()})"
    return Item("range-literature", s.section, s.line, s.quote, "holds" if overlap else "fails",
                evidence + (": consistent" if overlap else ": outside the stated range"),
                f"the only reference value in {s.amount.unit} whose quantity is about exactly {' '.join(s.words)!r}"
                + (f" and names {' '.join(s.header_words)}" if s.header_words else ""))


def _ref_text(ref: Reference) -> str:
    from .literature import reference_value_text
    return reference_value_text(ref)


def _unit_matches(ref: Reference, unit: str) -> bool:
    return bool(ref.unit) and (ref.unit == unit or ref.unit.endswith(" " + unit))


__all__ = ["Amount", "Item", "Table", "Stated", "parse_amount", "markdown_tables", "table_items",
           "stated_amounts", "range_items"]
