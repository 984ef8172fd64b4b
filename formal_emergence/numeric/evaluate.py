"""The mpmath layer: rigorous interval evaluation of terms at exact points.

Every evaluation runs in a private ``mpmath`` interval context at ``dps``
decimal digits (outward rounding), so a comparison answers ``True`` or
``False`` only when it is certain; ``None`` means the enclosure was too wide to
tell. Nothing here changes mpmath's global precision. The contexts are kept,
one per thread and digit count, and their precision is set again for each
evaluator (a context holds nothing else an answer depends on; creating one cost
about 0.6 ms, and a catalog run creates thousands of evaluators).

Only this package imports mpmath.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from fractions import Fraction
from typing import Callable, Mapping, Sequence

import mpmath
import mpmath.libmp as libmp
from mpmath.ctx_iv import MPIntervalContext

from ..model.exact import exact_value
from ..model.terms import (Add, And, Bool, Const, Diff, Func, Iff, Implies, Ite, Limit, Mul, Not, Num, Or, Pow,
                           Pred, Rel, Sym, Term, UFun, to_text)

DEFAULT_DPS = 30


class NotEvaluable(Exception):
    """The term cannot be evaluated at this point (outside its domain, undefined symbol, ...)."""


@dataclass(frozen=True)
class Confirmation:
    """The stated claim re-evaluated at a candidate counterexample.

    ``status``: ``"confirmed"`` (every hypothesis certainly true and the goal
    certainly false), ``"spurious"`` (a hypothesis certainly false or the goal
    certainly true) or ``"undetermined"``. ``evaluations`` are ``(what, value)``
    texts with ``dps`` significant digits.
    """

    status: str
    evaluations: tuple[tuple[str, str], ...]
    dps: int
    detail: str = ""
    #: True when every comparison was decided in exact rational arithmetic (no interval was needed).
    exact: bool = False


#: Largest argument of ``exp`` evaluated directly (about 0.02 s at 1e1000; exp(exp(exp(10))) needs 1e9566).
MAX_EXP_ARGUMENT = 10**100


_contexts = threading.local()


def _context(dps: int) -> MPIntervalContext:
    """This thread's interval context for ``dps`` digits, its precision set to exactly ``dps`` again."""
    kept = _contexts.__dict__.setdefault("by_dps", {})
    ctx = kept.get(dps)
    if ctx is None:
        ctx = kept[dps] = MPIntervalContext()
    ctx.dps = dps
    return ctx


class IntervalEvaluator:
    """Evaluate terms with interval arithmetic at ``dps`` digits in a private context."""

    def __init__(self, dps: int = DEFAULT_DPS, interpretation: Mapping[str, "Fraction | bool"] | None = None):
        if not 15 <= dps <= 10_000:
            raise ValueError(f"dps {dps} out of range 15..10000")
        self.dps = dps
        self.interpretation = dict(interpretation or {})
        self.ctx = _context(dps + 10)
        #: Set when a comparison needed an interval enclosure (it could not be decided exactly).
        self.used_intervals = False
        self._numbers: dict[Fraction, object] = {}
        self._slack = self._cap = None  # outward's widening and exp's magnitude budget, made once

    def number(self, v: Fraction):
        """The interval of ``v``: ``mpf(p) / mpf(q)``. When ``p`` and ``q`` are exact at the context's precision
        that is ``p/q`` rounded down and up, made directly (the same bits; the division's operands would be
        converted again for each use), and kept for this evaluator's later uses of ``v``."""
        out = self._numbers.get(v)
        if out is None:
            c, p, q = self.ctx, v.numerator, v.denominator
            if abs(p).bit_length() <= c.prec and q.bit_length() <= c.prec:
                out = c.make_mpf((libmp.from_rational(p, q, c.prec, libmp.round_floor),
                                  libmp.from_rational(p, q, c.prec, libmp.round_ceiling)))
            else:
                out = c.mpf(p) / c.mpf(q)
            self._numbers[v] = out
        return out

    def real(self, t: Term, values: Mapping[str, Fraction]):
        """Return an interval enclosing the value of ``t``; raise ``NotEvaluable`` if undefined."""
        c = self.ctx
        match t:
            case Num(v):
                return self.number(v)
            case Sym(name):
                if name not in values:
                    raise NotEvaluable(f"no value for {name}")
                return self.number(values[name])
            case Const("e"):
                return self.exp(c.mpf(1))
            case Const("pi"):
                return self.outward(c.pi)
            case Add(args):
                out = c.mpf(0)
                for a in args:
                    out = out + self.real(a, values)
                return out
            case Mul(args):
                out = c.mpf(1)
                for a in args:
                    out = out * self.real(a, values)
                return out
            case Pow(b, e):
                return self.power(b, e, values)
            case Func("exp", (u,)):
                return self.exp(self.real(u, values))
            case Func("log", (u,)):
                x = self.real(u, values)
                if not self.certain(x > 0):
                    raise NotEvaluable(f"log of {to_text(u)} which is not certainly positive")
                return self.log(x)
            case Func("sqrt", (u,)):
                return self.power(u, Num(Fraction(1, 2)), values)
            case Func("abs", (u,)):
                return abs(self.real(u, values))
            case Func("min" | "max" as fn, (a, b)):
                x, y = self.real(a, values), self.real(b, values)
                first = (x <= y) if fn == "min" else (x >= y)
                if first is None:
                    lo = min(x.a, y.a) if fn == "min" else max(x.a, y.a)
                    hi = min(x.b, y.b) if fn == "min" else max(x.b, y.b)
                    return c.mpf([lo, hi])
                return x if first else y
            case Func("heaviside", (u,)):
                pos = self.real(u, values) > 0
                if pos is None:
                    raise NotEvaluable(f"sign of {to_text(u)} undetermined")
                return c.mpf(1 if pos else 0)
            case Func("floor", (u,)):
                x = self.real(u, values)
                lo, hi = (libmp.mpf_floor(end) for end in x._mpi_)
                if lo != hi:
                    raise NotEvaluable(f"floor of {to_text(u)} undetermined")
                return c.mpf(libmp.to_int(lo))
            case Ite(cond, a, b):
                chosen = self.boolean(cond, values)
                if chosen is None:
                    raise NotEvaluable(f"condition {to_text(cond)} undetermined")
                return self.real(a if chosen else b, values)
            case UFun(name, _):
                value = self.interpretation.get(to_text(t))
                if isinstance(value, Fraction):
                    return self.number(value)
                raise NotEvaluable(f"{name} is an undefined function")
            case Diff() | Limit():
                raise NotEvaluable("derivatives and limits must be computed symbolically first")
        raise NotEvaluable(f"{to_text(t)} cannot be evaluated")

    def power(self, base: Term, exponent: Term, values: Mapping[str, Fraction]):
        c = self.ctx
        if isinstance(base, Const) and base.name == "e":
            return self.exp(self.real(exponent, values))
        b = self.real(base, values)
        whole = exponent.value if isinstance(exponent, Num) else exact_value(exponent, values)
        if whole is not None and whole.denominator == 1:  # an integer power, also (-1)**(10**6 + 1) or x**n at n = 3
            n = int(whole)
            # an interval's ``b != 0`` is ``not (b == 0)``, True for [-1, 1]: the reciprocal of an interval around 0
            # would be [-inf, +inf] and evaluation would go on (adversarial review 13 F4); only a sign decides
            if n < 0 and not (self.certain(b > 0) or self.certain(b < 0)):
                raise NotEvaluable(f"{to_text(base)} may be zero in a negative power")
            if abs(n) > 10_000:  # mpmath turns a huge power of a negative interval into a complex one
                return self.huge_integer_power(base, b, n)
            return b ** n
        if exponent == Num(Fraction(1, 2)) and self.certain(b >= 0):
            return c.sqrt(b)  # correctly rounded in each direction: no widening, and sqrt(4) is exactly 2
        if not self.certain(b > 0):
            if isinstance(exponent, Num):
                if exponent.value > 0 and self.certain(b >= 0):
                    return self.outward(b ** self.real(exponent, values)) if b.b > 0 else c.mpf(0)
                raise NotEvaluable(f"{to_text(base)} is not certainly positive under a real power")
            a = self.real(exponent, values)
            if b.a == b.b == 0 and (self.certain(a > 0) or a.a == a.b == 0):
                return c.mpf(0) if a.a > 0 else c.mpf(1)
            exact = exact_value(exponent, values)
            if self.certain(b < 0) and exact is not None and exact.denominator == 1 and abs(exact) <= 10_000:
                return b ** int(exact)  # a negative base is defined for an integer exponent only
            raise NotEvaluable(f"{to_text(base)}**{to_text(exponent)} is not certainly defined here")
        return self.exp(self.real(exponent, values) * self.log(b))

    def huge_integer_power(self, base: Term, b, n: int):
        """``b**n`` for ``|n| > 10_000`` as ``+-exp(n*log|b|)``, with the sign of a negative base's power."""
        c = self.ctx
        if b.a == b.b == 0 and n > 0:
            return c.mpf(0)
        for sign, magnitude in ((1, b), (-1, -b)):
            if self.certain(magnitude > 0):
                value = self.exp(c.mpf(n) * self.log(magnitude))
                return -value if sign < 0 and n % 2 else value
        raise NotEvaluable(f"the sign of {to_text(base)} is undetermined under the power {n}")

    def outward(self, r):
        """``r`` widened outward by 2**-(prec - 8) of each endpoint's magnitude.

        mpmath's interval ``exp``, ``log`` and real powers round an *approximate* value in the
        directed mode, so an endpoint is wrong when the true value lies within the approximation
        error of a representable number: at 50 digits ``iv.exp(2**-100)`` is the single point
        ``1 + 2**-100``, below the true value. Their error is under one unit in the last place
        (tests/unit/test_evaluate_rigour.py), so 256 units restore an enclosure. Exact results
        (``log(1) = 0``) stay exact."""
        c = self.ctx
        a, b = r.a, r.b
        slack = self._slack
        if slack is None:
            slack = self._slack = c.mpf(2) ** (8 - c.prec)
        low = a.a if c.isinf(a) else (a - abs(a) * slack).a
        high = b.b if c.isinf(b) else (b + abs(b) * slack).b
        return c.mpf([low, high])

    def log(self, x):
        """A rigorous enclosure of ``log`` over the positive interval ``x`` (``log(1)`` is exactly 0)."""
        if x.a == x.b == 1:
            return self.ctx.mpf(0)
        return self.outward(self.ctx.log(x))

    def exp(self, x):
        """An enclosure of ``exp`` over the interval ``x``, within a magnitude budget.

        Beyond ``|x| > MAX_EXP_ARGUMENT`` mpmath would need a precision that grows with ``x``
        (``exp(exp(exp(10)))`` never ends), so the enclosure is widened soundly instead:
        ``[exp(MAX), +inf]`` above and ``[0, exp(-MAX)]`` below (exp is increasing).
        """
        c, cap = self.ctx, self._cap
        if cap is None:
            cap = self._cap = c.mpf(MAX_EXP_ARGUMENT)
        lo, hi = c.mpf(x.a), c.mpf(x.b)
        if x.a == x.b == 0:
            return c.mpf(1)  # exp(0) = 1 exactly (exp of any other rational is irrational)
        if hi <= cap and lo >= -cap:
            return self.outward(c.exp(x))
        low = c.mpf(0) if lo < -cap else self.outward(c.exp(lo if lo <= cap else cap))
        high = self.outward(c.exp(-cap if hi < -cap else hi)) if hi <= cap else c.inf
        return c.mpf([low.a, high.b])

    @staticmethod
    def certain(answer) -> bool:
        return answer is True

    def boolean(self, t: Term, values: Mapping[str, Fraction]) -> bool | None:
        """Return True/False when certain, None when the enclosure cannot decide."""
        match t:
            case Bool(v):
                return v
            case Rel(op, a, b):
                ex, ey = exact_value(a, values, self.interpretation), exact_value(b, values, self.interpretation)
                if ex is not None and ey is not None:
                    return {"<": ex < ey, "<=": ex <= ey, ">": ex > ey, ">=": ex >= ey, "==": ex == ey,
                            "!=": ex != ey}[op]
                self.used_intervals = True
                x, y = self.real(a, values), self.real(b, values)
                if op == "==":
                    if x.a == x.b == y.a == y.b:
                        return True
                    return False if (x < y) is True or (x > y) is True else None
                if op == "!=":
                    inner = self.boolean(Rel("==", a, b), values)
                    return None if inner is None else not inner
                return {"<": x < y, "<=": x <= y, ">": x > y, ">=": x >= y}[op]
            case And(args) | Or(args):
                stop, pending = isinstance(t, Or), False  # short-circuit, left to right
                for a in args:
                    try:
                        r = self.boolean(a, values)
                    except NotEvaluable:
                        if pending:  # reached only if the undetermined operands take a certain value
                            return None
                        raise
                    if r is stop:
                        return stop
                    pending |= r is None
                return None if pending else not stop
            case Not(a):
                r = self.boolean(a, values)
                return None if r is None else not r
            case Implies(a, b):
                ra = self.boolean(a, values)
                if ra is False:
                    return True
                try:
                    rb = self.boolean(b, values)
                except NotEvaluable:
                    if ra is None:
                        return None
                    raise
                if rb is True:
                    return True
                return False if (ra is True and rb is False) else None
            case Iff(a, b):
                ra, rb = self.boolean(a, values), self.boolean(b, values)
                return None if ra is None or rb is None else ra == rb
            case Pred(name, _):
                value = self.interpretation.get(to_text(t))
                if isinstance(value, bool):
                    return value
                raise NotEvaluable(f"{name} is an undefined predicate")
        raise NotEvaluable(f"{to_text(t)} is not a statement")

    def show(self, interval) -> str:
        """The interval's midpoint with ``dps`` significant digits (its width is below that)."""
        mid = interval.mid
        with mpmath.workdps(self.dps + 10):
            return mpmath.nstr(mpmath.mpf(mid.a) if hasattr(mid, "a") else mid, self.dps)


#: An exact value whose numerator or denominator has more bits than this (about 300 digits) is shown rounded:
#: Python refuses to print integers above 4300 digits, and nobody reads such a number.
_SHOWN_BITS = 1000


def _fraction_text(v: Fraction) -> str:
    if max(v.numerator.bit_length(), v.denominator.bit_length()) > _SHOWN_BITS:
        with mpmath.workdps(20):
            approx = mpmath.mpf(v.numerator) / v.denominator
            return f"{mpmath.nstr(approx, 15)} (exact, rounded to 15 digits for display)"
    return str(v.numerator) if v.denominator == 1 else f"{v.numerator}/{v.denominator}"


def interval_to_fractions(interval) -> tuple[Fraction, Fraction]:
    """The interval's ends as fractions; ``NotEvaluable`` for an infinite or NaN end (``libmp.to_rational`` maps
    +inf to 0, which made 1/[-e, e] the "rigorous" enclosure [0, 0]: adversarial review 13 F4)."""
    lo, hi = interval._mpi_
    if any(end in (libmp.finf, libmp.fninf, libmp.fnan) for end in (lo, hi)):
        raise NotEvaluable("the enclosure is unbounded")
    return Fraction(*libmp.to_rational(lo)), Fraction(*libmp.to_rational(hi))


def rigorous_bounds(t: Term, dps: int = DEFAULT_DPS) -> tuple[Fraction, Fraction] | None:
    """Return exact rational bounds ``lo <= t <= hi`` for a closed term, or None if not evaluable."""
    ev = IntervalEvaluator(dps)
    try:
        return interval_to_fractions(ev.real(t, {}))
    except (NotEvaluable, ZeroDivisionError, libmp.ComplexResult, OverflowError):
        return None


class _BoxEvaluator(IntervalEvaluator):
    """Symbols of ``box`` range over closed intervals instead of taking one value."""

    def __init__(self, dps: int, box: Mapping[str, tuple[Fraction, Fraction]]):
        super().__init__(dps)
        self.box = dict(box)

    def real(self, t: Term, values: Mapping[str, Fraction]):
        if isinstance(t, Sym) and t.name in self.box:
            lo, hi = self.box[t.name]
            return self.ctx.mpf([self.number(lo).a, self.number(hi).b])
        return super().real(t, values)


def rigorous_bounds_over(t: Term, box: Mapping[str, tuple[Fraction, Fraction]],
                         dps: int = DEFAULT_DPS) -> tuple[Fraction, Fraction] | None:
    """Exact rational bounds on ``t`` valid at every point of ``box`` (symbol -> closed interval), by interval
    extension (sound, possibly wider than the true range), or None if not evaluable on the whole box."""
    ev = _BoxEvaluator(dps, box)
    try:
        return interval_to_fractions(ev.real(t, {}))
    except (NotEvaluable, ZeroDivisionError, libmp.ComplexResult, OverflowError):
        return None


def decide_closed(t: Term, dps: int = DEFAULT_DPS) -> bool | None:
    """Decide a closed statement by interval arithmetic (None when not certain)."""
    try:
        return IntervalEvaluator(dps).boolean(t, {})
    except (NotEvaluable, ZeroDivisionError, libmp.ComplexResult, OverflowError):
        return None


def relation_sides(t: Term) -> list[Rel]:
    """The relations inside ``t`` in order, to report both sides of each."""
    out: list[Rel] = []
    match t:
        case Rel():
            out.append(t)
        case And(args) | Or(args):
            for a in args:
                out.extend(relation_sides(a))
        case Not(a):
            out.extend(relation_sides(a))
        case Implies(a, b) | Iff(a, b):
            out.extend(relation_sides(a))
            out.extend(relation_sides(b))
    return out


class _TieEvaluator(IntervalEvaluator):
    """Interval arithmetic where a relation the enclosures cannot decide is settled by ``tie(lhs, rhs)``: True
    means ``lhs - rhs`` is exactly 0 (an exact identity of closed numbers, given by the caller), so ``==``, ``<=``
    and ``>=`` hold and ``!=``, ``<``, ``>`` do not. It is asked only after both sides have been evaluated, i.e.
    where both are defined; a tie inside a partial term (``sqrt(2 - 2**(1/2)*2**(1/2))``) stays undecided."""

    def __init__(self, dps: int, interpretation, tie: Callable[[Term, Term], bool]):
        super().__init__(dps, interpretation)
        self.tie = tie
        self._ties: dict[tuple[Term, Term], bool] = {}

    def boolean(self, t: Term, values: Mapping[str, Fraction]) -> bool | None:
        r = super().boolean(t, values)
        if r is None and isinstance(t, Rel):
            key = (t.lhs, t.rhs)
            if key not in self._ties:
                self._ties[key] = bool(self.tie(t.lhs, t.rhs))
            if self._ties[key]:
                return t.op in ("==", "<=", ">=")
        return r


def confirm_counterexample(hypotheses: Sequence[Term], goal: Term, values: Mapping[str, Fraction],
                           dps: int = DEFAULT_DPS,
                           interpretation: Mapping[str, "Fraction | bool"] | None = None,
                           tie: Callable[[Term, Term], bool] | None = None) -> Confirmation:
    """Re-check the claim as stated at ``values``: are all hypotheses true and the goal false?

    ``interpretation`` gives values to undefined predicate/function applications
    (by their text), for counterexamples to the validity of an inference. When the intervals are too wide at
    ``dps`` digits (and ``dps`` is below 120), it tries once more at ``4 * dps``, as closed statements do.
    ``tie`` settles the relations interval arithmetic cannot decide (``_TieEvaluator``), for a claim whose
    values are substituted as closed irrational terms (an algebraic witness).
    """
    conf = _confirm_at(hypotheses, goal, values, dps, interpretation, tie)
    if conf.status == "undetermined" and conf.detail.startswith("interval too wide") and dps < 4 * DEFAULT_DPS:
        return _confirm_at(hypotheses, goal, values, 4 * dps, interpretation, tie)  # as closed statements escalate
    return conf


def _confirm_at(hypotheses: Sequence[Term], goal: Term, values: Mapping[str, Fraction], dps: int,
                interpretation: Mapping[str, "Fraction | bool"] | None,
                tie: Callable[[Term, Term], bool] | None = None) -> Confirmation:
    ev = IntervalEvaluator(dps, interpretation) if tie is None else _TieEvaluator(dps, interpretation, tie)
    evaluations: list[tuple[str, str]] = []
    for rel in relation_sides(goal):
        for side in (rel.lhs, rel.rhs):
            if not isinstance(side, Num):
                exact = exact_value(side, values, ev.interpretation)
                try:
                    shown = _fraction_text(exact) if exact is not None else ev.show(ev.real(side, values))
                except (NotEvaluable, ZeroDivisionError, libmp.ComplexResult, OverflowError):
                    shown = "not evaluated (undefined or not reached here)"
                evaluations.append((to_text(side), shown))
    try:
        hyp_results = [ev.boolean(h, values) for h in hypotheses]
        goal_result = ev.boolean(goal, values)
    except (NotEvaluable, ZeroDivisionError, libmp.ComplexResult, OverflowError) as exc:
        return Confirmation("undetermined", tuple(evaluations), dps, f"not evaluable: {exc}")
    if any(r is False for r in hyp_results):
        return Confirmation("spurious", tuple(evaluations), dps, "a hypothesis is false at this point")
    if goal_result is True:
        return Confirmation("spurious", tuple(evaluations), dps, "the statement is true at this point")
    if all(r is True for r in hyp_results) and goal_result is False:
        return Confirmation("confirmed", tuple(evaluations), dps, exact=not ev.used_intervals)
    return Confirmation("undetermined", tuple(evaluations), dps, f"interval too wide at {dps} digits")


def evaluate_text(t: Term, values: Mapping[str, Fraction], dps: int = DEFAULT_DPS) -> str:
    """The value of ``t`` at ``values`` as text with ``dps`` digits ("undefined" when not evaluable)."""
    ev = IntervalEvaluator(dps)
    try:
        return ev.show(ev.real(t, values))
    except (NotEvaluable, ZeroDivisionError, libmp.ComplexResult, OverflowError):
        return "undefined"


def mpmath_version() -> str:
    return mpmath.__version__


def _sign_at(ev: "IntervalEvaluator", g: Term, var: str, v: Fraction) -> int | None:
    """The certain sign (-1, 0, 1) of ``g`` at ``var = v``, or None where it is undefined or not certain."""
    exact = exact_value(g, {var: v})
    if exact is not None:
        return (exact > 0) - (exact < 0)
    try:
        r = ev.real(g, {var: v})
    except (NotEvaluable, ZeroDivisionError, libmp.ComplexResult, OverflowError, ValueError):
        return None
    # compared as intervals: converting an end such as 2**(10**12) to a Fraction would not fit in memory
    return 1 if ev.certain(r > 0) else -1 if ev.certain(r < 0) else None


def root_candidates(g: Term, var: str, grid: Sequence[Fraction], dps: int = DEFAULT_DPS,
                    brackets: int = 4, steps: int = 80) -> list[Fraction]:
    """Candidate points near the zeros of ``g`` (a term in ``var`` alone): each pair of neighbouring ``grid``
    values where ``g`` certainly changes sign is bisected ``steps`` times (at most ``brackets`` pairs), and the
    values tried are the grid zero or the last midpoint, its integer neighbours and its best rational
    approximations with denominators up to 10**6. Candidates only, in a fixed order: a witness built from them is
    re-checked on the claim as stated. A discontinuous ``g`` may yield a jump instead of a zero: harmless."""
    ev = IntervalEvaluator(dps)
    points = sorted(set(grid))
    signs = [_sign_at(ev, g, var, v) for v in points]
    out: list[Fraction] = [v for v, s in zip(points, signs) if s == 0]
    found = 0
    for (a, sa), (b, sb) in zip(zip(points, signs), zip(points[1:], signs[1:])):
        if found >= brackets or sa is None or sb is None or sa * sb >= 0:
            continue
        found += 1
        mid = (a + b) / 2
        for _ in range(steps):
            mid = (a + b) / 2
            sm = _sign_at(ev, g, var, mid)
            if sm is None or sm == 0:
                break
            a, b = (mid, b) if sm == sa else (a, mid)
        whole = mid.numerator // mid.denominator
        out += [mid, Fraction(whole), Fraction(whole + 1)]
        out += [mid.limit_denominator(10 ** k) for k in range(1, 7)]
    seen: set[Fraction] = set()
    return [v for v in out if not (v in seen or seen.add(v))]
