"""Flip points: the tolerance at which a reading's verdict changes.

A reading binds a tolerance symbol to a convention (``tolerances = { tol =
"approx" }``); its verdict is computed with the convention's default. Here
the same claim is checked with the symbol left free:

1. *exact*: the weakest-condition machinery (``engine.conditions``, run by the
   one-claim engine on the open claim with the symbol as a free constant)
   proves a condition ``tol OP c``: the claim holds on one side of ``c`` (z3
   ``unsat`` under the condition) and fails just outside it (a confirmed
   counterexample). ``c`` is the flip point; a window ``lo OP tol OP hi`` gives
   two. If the open claim holds outright, the verdict does not depend on the tolerance.
2. *bracketed*: otherwise, for a statement that is closed once the tolerance is
   fixed, the verdict is recomputed at exact rational tolerances (a
   multiplicative scan from the default, below it and above it separately, then
   bisection of each change found); each flip point is bracketed between two
   tolerances whose verdicts (a proof and a confirmed counterexample) differ.

A verdict is *fragile* when the default lies within 10% (relative) of a flip point.
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from typing import Callable

from ..model.assertion import Reading
from ..model.claim import Claim, SymbolDecl, value_in_domain, with_values
from ..model.outcome import Flip
from ..model.terms import Num, Rel, Sym, Term, free_symbols, substitute, to_text
from ..model.verdict import Result, Verdict

FRAGILE_RELATIVE = Fraction(1, 10)
_SCAN_STEPS = 10       # multiplicative scan: default * 2**k and default / 2**k for k = 1..10
_BISECT_STEPS = 14
_PERCENT_CONVENTIONS = ("approx", "approx-zero", "approx-one", "significant", "small")
_WORDS = {">=": "at or above", ">": "above", "<=": "at or below", "<": "below"}
_NEGATED = {">=": "below", ">": "at or below", "<=": "above", "<": "at or above"}


def find_flips(reading: Reading, result: Result, conventions, check: Callable[[Claim], Result],
               bounds: Callable[[Term], tuple[Fraction, Fraction] | None]) -> tuple[Flip, ...]:
    """One ``Flip`` per tolerance of ``reading`` (whose verdict at the defaults is ``result``).

    ``check`` is the one-claim engine; ``bounds`` encloses a closed term in
    rational bounds (interval arithmetic).
    """
    if reading.open_claim is None:
        return ()
    out = []
    for sym, cid in reading.tolerances:
        others = {s: conventions[c].default for s, c in reading.tolerances if s != sym}
        open_claim = _with_free(_substituted(reading.open_claim, others), sym, conventions[cid].tolerance_domain)
        out.extend(_flip(open_claim, sym, conventions[cid], result, check, bounds))
    return tuple(out)


def _substituted(claim: Claim, values: dict[str, Term]) -> Claim:
    return with_values(claim, values)


_DOMAIN_TEXT = {"positive": "> 0", "factor": ">= 1", "fraction": "in (0, 1)"}


def _with_free(claim: Claim, sym: str, domain: str = "positive") -> Claim:
    """``claim`` with the tolerance ``sym`` a free constant of its convention's domain, first in ``free``.

    Inside the declared domain too: where that domain contains the convention's, the symbol is declared with the
    convention's domain; otherwise it keeps its declaration and the convention's domain is an assumption (a unit
    ``t`` with ``approx``: 0 < t < 1, not every t > 0)."""
    decl = "unit" if domain == "fraction" else "positive"
    declared = next((s.domain for s in claim.symbols if s.name == sym), "real")
    wider = ("real", "positive", "nonnegative") + (("unit", "probability") if domain == "fraction" else ())
    assume, assume_text = claim.assume, claim.assume_text
    if declared in wider:
        symbols = tuple(SymbolDecl(s.name, decl, s.meaning) if s.name == sym else s for s in claim.symbols)
    else:
        symbols = claim.symbols
        zero, one = Num(Fraction(0)), Num(Fraction(1))
        extra = [(Rel(">", Sym(sym), zero), f"{sym} > 0")] if domain != "factor" else []
        extra += [(Rel("<", Sym(sym), one), f"{sym} < 1")] if domain == "fraction" else []
        assume, assume_text = assume + tuple(t for t, _ in extra), assume_text + tuple(x for _, x in extra)
    if domain == "factor":
        assume, assume_text = assume + (Rel(">=", Sym(sym), Num(Fraction(1))),), assume_text + (f"{sym} >= 1",)
    return replace(claim, symbols=symbols, assume=assume, assume_text=assume_text,
                   free=(sym,) + tuple(f for f in claim.free if f != sym), reading="", id=f"{claim.id}#flip-{sym}")


def _declared_text(claim: Claim, sym: str, domain: str) -> str:
    """`` (sym declared <domain>)`` where ``_with_free`` kept a declared domain narrower than the convention's."""
    declared = next((s.domain for s in claim.symbols if s.name == sym), "real")
    return "" if declared == ("unit" if domain == "fraction" else "positive") else f" ({sym} declared {declared})"


def _declared(claim: Claim, sym: str) -> Callable[[Fraction], bool]:
    """Whether a tolerance value lies in ``sym``'s declared domain: a scan reports no verdict outside it."""
    decl = next((s for s in claim.symbols if s.name == sym), SymbolDecl(sym, "real"))
    return lambda t: value_in_domain(decl, Num(t)) is True


def _scan_points(d: Fraction, domain: str) -> list[tuple[Fraction, Fraction]]:
    """Pairs of tolerances ever farther from the default ``d`` on both sides, inside ``domain``."""
    out = []
    for k in range(1, _SCAN_STEPS + 1):
        if domain == "factor" and d > 1:
            out.append((1 + (d - 1) / 2 ** k, 1 + (d - 1) * 2 ** k))
        elif domain == "fraction" and 0 < d < 1:
            out.append((d / 2 ** k, 1 - (1 - d) / 2 ** k))
        else:
            out.append((d / 2 ** k, d * 2 ** k))
    return out


def _at(claim: Claim, sym: str, value: Fraction) -> Claim:
    return _substituted(replace(claim, free=tuple(f for f in claim.free if f != sym)), {sym: Num(value)})


def _decimal(x: Fraction, percent: bool, digits: int = 4) -> str:
    if percent:
        return f"{float(x) * 100:.{digits}g}%"
    return f"{float(x):.{digits}g}"


def _distinct(lo: Fraction, hi: Fraction, percent: bool) -> tuple[str, str]:
    """Decimal renderings of ``lo < hi`` with just enough digits to tell them apart."""
    for digits in range(4, 16):
        a, b = _decimal(lo, percent, digits), _decimal(hi, percent, digits)
        if a != b:
            return a, b
    return _fraction_text(lo), _fraction_text(hi)


def _flip(open_claim: Claim, sym: str, conv, result: Result, check, bounds) -> tuple[Flip, ...]:
    """The flip points of ``sym``: one, or two where the verdict holds in a window of tolerances."""
    percent = conv.id in _PERCENT_CONVENTIONS
    default = bounds(conv.default)
    # The default itself when it is a number: an enclosure's midpoint is a binary neighbour of 1/10, at which a
    # claim exactly on the flip point has the other verdict (adversarial review 10 F1).
    d = conv.default.value if isinstance(conv.default, Num) else (default[0] + default[1]) / 2 if default else None
    base = dict(symbol=sym, convention=conv.id, default=conv.default_text)
    opened = check(open_claim)
    if opened.verdict is Verdict.HOLDS:
        return (Flip(**base, value="", numeric=None, below="holds", above="holds", exact=True, fragile=False,
                     method="z3 proof with the tolerance free",
                     text=f"holds for every tolerance {sym} {_DOMAIN_TEXT[conv.tolerance_domain]}"
                          f"{_declared_text(open_claim, sym, conv.tolerance_domain)}: the verdict does not depend on it"),)
    if opened.verdict is Verdict.HOLDS_IF and opened.condition is not None:
        exact = _exact_flip(opened, open_claim, sym, conv, d, percent, bounds, base)
        if exact is not None:
            return exact
    if _other_variables(open_claim, sym):
        return (Flip(**base, value="", numeric=None, below="", above="", exact=False, fragile=False,
                     method="none", text=f"no flip point found: with {sym} free the engine gives "
                                         f"{opened.verdict.value} and no condition on {sym} alone"),)
    return _bracket(open_claim, sym, conv, result, d, percent, check, base)


def _other_variables(claim: Claim, sym: str) -> set[str]:
    """The variables other than ``sym`` left once definitions are expanded and literature values bound."""
    from ..errors import UnsupportedConstruct
    from ..literature import get_reference
    from .check import prepare
    try:
        prep = prepare(claim, get_reference)
    except UnsupportedConstruct:
        return {"(unsupported)"}
    return set().union(*(free_symbols(t) for t in (*prep.hypotheses, prep.goal))) - {sym}


def _bound_on(part: Term, sym: str) -> tuple[str, Term] | None:
    """``(op, c)`` when ``part`` says ``sym op c`` (``c`` closed), read through ``not`` and either side."""
    from ..model.terms import Not
    negate = {"<": ">=", ">": "<=", "<=": ">", ">=": "<"}
    if isinstance(part, Not) and isinstance(part.arg, Rel) and part.arg.op in negate:
        part = Rel(negate[part.arg.op], part.arg.lhs, part.arg.rhs)
    if not isinstance(part, Rel) or part.op not in _WORDS:
        return None
    op, value = part.op, part.rhs
    if part.rhs == Sym(sym):
        op, value = {"<": ">", ">": "<", "<=": ">=", ">=": "<="}[op], part.lhs
    elif part.lhs != Sym(sym):
        return None
    return (op, value) if not free_symbols(value) else None


def _exact_flip(opened: Result, open_claim: Claim, sym: str, conv, d, percent, bounds, base) -> tuple[Flip, ...] | None:
    """The flip points of a proved condition: one bound ``sym OP c``, or a window ``lo OP sym OP hi`` (two)."""
    from ..model.terms import And
    from ..parse.claimfile import _scope  # the claim's own names, read by the allow-list parser
    from ..parse.expr import parse_expression
    try:
        cond = parse_expression(opened.condition.text, _scope(open_claim.symbols, open_claim.undefined,
                                                                open_claim.definitions), expect_boolean=True)
    except Exception:  # noqa: BLE001 - a condition the claim syntax cannot express has no flip point here
        return None
    parts = [_bound_on(p, sym) for p in (cond.args if isinstance(cond, And) else (cond,))]
    if not parts or len(parts) > 2 or None in parts:
        return None
    ends = []
    for op, value in parts:
        enclosure = bounds(value)
        if enclosure is None:
            return None
        exact = (value.value, value.value) if isinstance(value, Num) else enclosure
        ends.append((op, value, (enclosure[0] + enclosure[1]) / 2, _side_of(op, d, exact)))
    method = "weakest condition with the tolerance free (z3 proof under it, confirmed counterexample outside it)"
    if len(ends) == 1:
        (op, value, f, at_d), = ends
        shown = to_text(value, exact=True)
        holds_above = op in (">", ">=")
        where = {True: "on the holding side", False: "on the failing side", None: "too close to it to tell"}[at_d]
        text = (f"holds for every tolerance {sym} {_WORDS[op]} {shown} (≈ {_decimal(f, percent)}) and fails for "
                f"every {sym} {_NEGATED[op]} it; the default {conv.default_text} is {where}")
        return (Flip(**base, value=shown, numeric=float(f), below="fails" if holds_above else "holds",
                     above="holds" if holds_above else "fails", exact=True, fragile=_fragile(d, f), method=method,
                     text=text),)
    lows = [e for e in ends if e[0] in (">", ">=")]
    highs = [e for e in ends if e[0] in ("<", "<=")]
    if len(lows) != 1 or len(highs) != 1 or lows[0][2] >= highs[0][2]:
        return None
    (lo_op, lo, f_lo, lo_at_d), (hi_op, hi, f_hi, hi_at_d) = lows[0], highs[0]
    lo_text, hi_text = to_text(lo, exact=True), to_text(hi, exact=True)
    inside = {True: "inside it", False: "outside it"}.get(lo_at_d and hi_at_d, "too close to an end to tell")
    window = (f"holds for every tolerance {sym} {_WORDS[lo_op]} {lo_text} (≈ {_decimal(f_lo, percent)}) and "
              f"{_WORDS[hi_op]} {hi_text} (≈ {_decimal(f_hi, percent)}), and fails outside that window: two flip "
              f"points; the default {conv.default_text} is {inside}")
    return (Flip(**base, value=lo_text, numeric=float(f_lo), below="fails", above="holds", exact=True,
                 fragile=_fragile(d, f_lo), method=method, text=window),
            Flip(**base, value=hi_text, numeric=float(f_hi), below="holds", above="fails", exact=True,
                 fragile=_fragile(d, f_hi), method=method,
                 text=f"the second flip point is {sym} = {hi_text} (≈ {_decimal(f_hi, percent)}), the window's upper end"))


def _side_of(op: str, d: Fraction | None, enclosure: tuple[Fraction, Fraction]) -> bool | None:
    """Whether ``d OP value`` holds, for ``value`` in the rational ``enclosure`` (exact when it is a point, the
    strictness of ``OP`` included); None when ``d`` is inside an enclosure of positive width, or absent."""
    low, high = enclosure
    if d is None or (low < high and low <= d <= high):
        return None
    # A point compares exactly; outside an interval, every value in it compares the same way.
    return {">=": d >= low, ">": d > low, "<=": d <= high, "<": d < high}[op]


def _fragile(d: Fraction | None, f: Fraction) -> bool:
    return d is not None and f != 0 and abs(d - f) <= FRAGILE_RELATIVE * abs(f)


def _verdict_at(open_claim: Claim, sym: str, t: Fraction, check) -> Verdict | None:
    v = check(_at(open_claim, sym, t)).verdict
    return v if v in (Verdict.HOLDS, Verdict.FAILS) else None


def _bracket(open_claim: Claim, sym: str, conv, result: Result, d, percent, check, base) -> tuple[Flip, ...]:
    """Scan and bisect exact tolerances for a change of a closed statement's verdict, below the default and above
    it: a verdict that holds only in a window of tolerances changes on both sides (two flip points)."""
    at_default = result.verdict if result.verdict in (Verdict.HOLDS, Verdict.FAILS) else None
    if d is None or d <= 0 or at_default is None:
        return (Flip(**base, value="", numeric=None, below="", above="", exact=False, fragile=False, method="none",
                     text=f"no flip point: the verdict at the default is {result.verdict.value}"),)
    inside = _declared(open_claim, sym)
    points = [tuple(t if inside(t) else None for t in pair) for pair in _scan_points(d, conv.tolerance_domain)]
    seen: dict[Fraction, Verdict | None] = {}

    def verdict_at(t: Fraction) -> Verdict | None:  # bisection ends on tolerances the scan or itself checked
        if t not in seen:
            seen[t] = _verdict_at(open_claim, sym, t, check) if inside(t) else None
        return seen[t]

    others = [t for t in (next((pair[side] for pair in points
                                if pair[side] is not None and verdict_at(pair[side]) not in (None, at_default)),
                               None) for side in (0, 1)) if t is not None]
    if not others:
        checked = [t for pair in points for t in pair if t is not None]
        if not checked:
            return (Flip(**base, value="", numeric=None, below="", above="", exact=False, fragile=False,
                         method="none", text=f"no flip point: no scanned tolerance {sym} lies in its declared "
                                             "domain"),)
        low, high = min(checked), max(checked)
        return (Flip(**base, value="", numeric=None, below=at_default.value, above=at_default.value, exact=False,
                     fragile=False, method="scan of exact tolerances",
                     text=f"{at_default.value} for every tolerance {sym} checked from {_decimal(low, percent)} to "
                          f"{_decimal(high, percent)}: no flip point in that range"),)
    return tuple(_bisected(sym, conv, d, at_default, other, percent, verdict_at, base) for other in others)


def _bisected(sym: str, conv, d, at_default: Verdict, other: Fraction, percent,
              verdict_at: Callable[[Fraction], Verdict | None], base) -> Flip:
    """The flip point between the default ``d`` and a tolerance ``other`` with another verdict, by bisection
    (``verdict_at(t)``: the verdict with the tolerance at ``t``, if holds or fails)."""
    same = d
    lo, hi = (same, other) if same < other else (other, same)
    v_lo = at_default if lo == same else verdict_at(lo)
    for _ in range(_BISECT_STEPS):
        mid = _round((lo + hi) / 2)
        if mid in (lo, hi):
            break
        v = verdict_at(mid)
        if v is None:
            break
        if v == v_lo:
            lo = mid
        else:
            hi = mid
    # Both ends are checked with the tolerance at them (the default too: the reading's verdict there may have come
    # another way); a bracket whose ends do not have two different verdicts, a proof and a confirmed
    # counterexample, straddles no change and is not a flip point (adv8 F8).
    v_lo, v_hi = verdict_at(lo), verdict_at(hi)
    if v_lo is None or v_hi is None or v_lo == v_hi or lo >= hi:
        shown = lambda v: v.value if v else "undecided"  # noqa: E731
        return Flip(**base, value="", numeric=None, below="", above="", exact=False, fragile=False, method="none",
                    text=f"no flip point found: the verdict was {at_default.value} at the default and "
                         f"{verdict_at(other).value if verdict_at(other) else 'undecided'} at {sym} = "
                         f"{_decimal(other, percent)}, but bisection found no two tolerances with different verdicts "
                         f"({shown(v_lo)} at {_decimal(lo, percent)}, {shown(v_hi)} at {_decimal(hi, percent)})")
    f = (lo + hi) / 2
    lo_text, hi_text = _distinct(lo, hi, percent)
    text = (f"{v_lo.value} for {sym} = {lo_text} and {v_hi.value} for "
            f"{sym} = {hi_text} (both checked): the verdict changes between them; the default "
            f"{conv.default_text} is {'within 10% of it (fragile)' if _fragile(d, lo) or _fragile(d, hi) else 'farther away'}")
    return Flip(**base, value=f"[{_fraction_text(lo)}, {_fraction_text(hi)}]", numeric=float(f), below=v_lo.value,
                above=v_hi.value, exact=False, fragile=_fragile(d, lo) or _fragile(d, hi),
                method="bisection on exact tolerances, each side checked by the engine", text=text)


def _round(x: Fraction) -> Fraction:
    """``x`` with a short denominator (a few significant digits), so witnesses read well."""
    return x.limit_denominator(10 ** 6) if x.denominator > 10 ** 6 else x


def _fraction_text(v: Fraction) -> str:
    return str(v.numerator) if v.denominator == 1 else f"{v.numerator}/{v.denominator}"


__all__ = ["find_flips", "FRAGILE_RELATIVE"]
