"""An interval branch-and-bound prover for "hypotheses => goal" on a box, with re-checkable certificates.

The box gives each variable a closed range ``[lo, hi]``; an end may be
infinite (``None``), which mpmath's interval arithmetic handles directly
(``exp`` of ``[1, +inf]`` is ``[e, +inf]``). ``prove_on_box`` splits the box
until every piece is decided:

- a piece where the goal is certainly true (every term defined on the whole
  piece; guards short-circuit as in the claim language) is a ``goal`` leaf;
- a piece where some hypothesis is certainly false is a ``hypothesis`` leaf;
- a piece where every hypothesis is certainly true and the goal certainly
  false holds a counterexample: its midpoint is re-checked exactly as a point;
- anything else is split in two along its widest variable (a finite range at
  its exact rational midpoint; a half-infinite range at a point moving
  outwards geometrically).

The work is bounded by a deterministic budget (``max_boxes``). A proof is a
``Certificate``: the tree of splits with a reason at each leaf.
``check_certificate`` re-checks it independently of the search: it rebuilds
every leaf box from the split points (so the leaves cover the box by
construction), checks each split point lies inside its range, and re-evaluates
each leaf's reason at its own precision. Nothing the certificate says about a
box is trusted.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Mapping, Sequence, Union

import mpmath.libmp as libmp

from ..model.terms import Ite, Num, Rel, Sym, Term, to_text
from .evaluate import DEFAULT_DPS, IntervalEvaluator, NotEvaluable, confirm_counterexample

#: A variable's range: exact ends, ``None`` for an infinite end.
Range = tuple[Fraction | None, Fraction | None]
Box = dict[str, Range]

_FAILURES = (NotEvaluable, ZeroDivisionError, libmp.ComplexResult, OverflowError, ValueError)


class BoxEvaluator(IntervalEvaluator):
    """Interval evaluation with each box variable standing for its whole range."""

    def __init__(self, box: Mapping[str, Range], dps: int = DEFAULT_DPS):
        super().__init__(dps)
        self.box = dict(box)

    def real(self, t: Term, values):
        if isinstance(t, Sym) and t.name in self.box:
            lo, hi = self.box[t.name]
            c = self.ctx
            a = self.number(lo).a if lo is not None else c.ninf
            b = self.number(hi).b if hi is not None else c.inf
            return c.mpf([a, b])
        if isinstance(t, Ite):
            parts = _guard_parts(t.cond, self.box)
            if parts is not None and self.boolean(t.cond, values) is None:
                # The guard splits one variable's range: each branch is evaluated only where it is taken,
                # and the value on the box is the hull of the two.
                then_box, else_box = parts
                x = BoxEvaluator(then_box, self.dps).real(t.then, values)
                y = BoxEvaluator(else_box, self.dps).real(t.other, values)
                return self.ctx.mpf([min(x.a, y.a), max(x.b, y.b)])
        return super().real(t, values)


def _guard_parts(cond: Term, box: Mapping[str, Range]) -> tuple[Box, Box] | None:
    """For a guard ``v op c`` (v a box variable, c a number), the closures of the parts of the box where it is
    true and where it is false; None for any other guard."""
    if not isinstance(cond, Rel) or cond.op not in ("<", "<=", ">", ">="):
        return None
    if isinstance(cond.lhs, Sym) and isinstance(cond.rhs, Num):
        var, c, op = cond.lhs.name, cond.rhs.value, cond.op
    elif isinstance(cond.rhs, Sym) and isinstance(cond.lhs, Num):
        var, c = cond.rhs.name, cond.lhs.value
        op = {"<": ">", "<=": ">=", ">": "<", ">=": "<="}[cond.op]
    else:
        return None
    if var not in box:
        return None
    lo, hi = box[var]
    if (lo is not None and c < lo) or (hi is not None and c > hi):
        return None
    upper, lower = dict(box), dict(box)
    upper[var], lower[var] = (c, hi), (lo, c)
    # Closures: the shared point c is evaluated in both branches, which only widens the hull (sound).
    return (upper, lower) if op in (">", ">=") else (lower, upper)


@dataclass(frozen=True)
class Leaf:
    """A decided piece: ``reason`` is ``"goal"`` or ``"hypothesis <i>"`` (0-based index)."""

    reason: str
    box: tuple[tuple[str, str, str], ...]   # (variable, lo, hi) as text, for display only


@dataclass(frozen=True)
class Split:
    var: str
    at: Fraction
    low: "Node"
    high: "Node"


Node = Union[Leaf, Split]


@dataclass(frozen=True)
class Certificate:
    """The proof tree, with what it proves: ``hypotheses => goal`` for every point of ``box``."""

    root: Node
    box: tuple[tuple[str, Range], ...]
    hypotheses: tuple[str, ...]
    goal: str
    dps: int

    def leaves(self) -> int:
        def count(n: Node) -> int:
            return 1 if isinstance(n, Leaf) else count(n.low) + count(n.high)
        return count(self.root)

    def to_json(self) -> dict:
        def node(n: Node) -> dict:
            if isinstance(n, Leaf):
                return {"leaf": n.reason, "box": {v: [lo, hi] for v, lo, hi in n.box}}
            return {"split": n.var, "at": _frac(n.at), "low": node(n.low), "high": node(n.high)}
        return {"box": {v: [_end(lo, "-oo"), _end(hi, "oo")] for v, (lo, hi) in self.box},
                "hypotheses": list(self.hypotheses), "goal": self.goal, "dps": self.dps,
                "leaves": self.leaves(), "tree": node(self.root)}


@dataclass(frozen=True)
class BoxOutcome:
    """``status``: ``"proved"`` (with a certificate), ``"refuted"`` (with an exact point) or ``"undecided"``."""

    status: str
    certificate: Certificate | None = None
    point: dict[str, Fraction] | None = None
    boxes: int = 0
    reason: str = ""


def _frac(v: Fraction) -> str:
    return str(v.numerator) if v.denominator == 1 else f"{v.numerator}/{v.denominator}"


def _end(v: Fraction | None, inf: str) -> str:
    return inf if v is None else _frac(v)


def _box_text(box: Box) -> tuple[tuple[str, str, str], ...]:
    return tuple((v, _end(lo, "-oo"), _end(hi, "oo")) for v, (lo, hi) in sorted(box.items()))


def _leaf_reason(box: Box, hyps: Sequence[Term], goal: Term, dps: int) -> str | None:
    """The reason this box is decided in favour of the claim, or None."""
    ev = BoxEvaluator(box, dps)
    for i, h in enumerate(hyps):
        try:
            if ev.boolean(h, {}) is False:
                return f"hypothesis {i}"
        except _FAILURES:
            continue
    try:
        if ev.boolean(goal, {}) is True:
            return "goal"
    except _FAILURES:
        return None
    return None


def _certainly_violated(box: Box, hyps: Sequence[Term], goal: Term, dps: int) -> bool:
    ev = BoxEvaluator(box, dps)
    try:
        return all(ev.boolean(h, {}) is True for h in hyps) and ev.boolean(goal, {}) is False
    except _FAILURES:
        return False


def _split_point(lo: Fraction | None, hi: Fraction | None) -> Fraction:
    if lo is not None and hi is not None:
        return (lo + hi) / 2
    if lo is None and hi is None:
        return Fraction(0)
    if hi is None:
        return max(2 * lo + 1, lo + 1) if lo >= 0 else Fraction(0) if lo < -1 else lo + 1
    return min(2 * hi - 1, hi - 1) if hi <= 0 else Fraction(0) if hi > 1 else hi - 1


def _width_key(r: Range) -> Fraction:
    lo, hi = r
    if lo is None or hi is None:
        return Fraction(10) ** 30
    return hi - lo


def _midpoint(box: Box) -> dict[str, Fraction]:
    return {v: _split_point(lo, hi) if lo is None or hi is None else (lo + hi) / 2 for v, (lo, hi) in box.items()}


def prove_on_box(hyps: Sequence[Term], goal: Term, box: Box, *, dps: int = DEFAULT_DPS,
                 max_boxes: int = 4000, min_width: Fraction = Fraction(1, 10 ** 12)) -> BoxOutcome:
    """Decide ``hypotheses => goal`` for every point of ``box`` (see the module docstring)."""
    count = 0
    exhausted = False

    def search(b: Box, depth: int) -> Node | dict | None:
        nonlocal count, exhausted
        count += 1
        if count > max_boxes or depth > 400:
            exhausted = True
            return None
        reason = _leaf_reason(b, hyps, goal, dps)
        if reason is not None:
            return Leaf(reason, _box_text(b))
        point = _midpoint(b)
        if _certainly_violated(b, hyps, goal, dps) or depth % 8 == 7:
            if confirm_counterexample(hyps, goal, point, dps).status == "confirmed":
                return {"point": point}
        var = max(sorted(b), key=lambda v: _width_key(b[v]))
        lo, hi = b[var]
        if lo is not None and hi is not None and hi - lo < min_width:
            exhausted = True
            return None
        at = _split_point(lo, hi)
        low_box, high_box = dict(b), dict(b)
        low_box[var], high_box[var] = (lo, at), (at, hi)
        low = search(low_box, depth + 1)
        if low is None or isinstance(low, dict):
            return low
        high = search(high_box, depth + 1)
        if high is None or isinstance(high, dict):
            return high
        return Split(var, at, low, high)

    root = search(dict(box), 0)
    if isinstance(root, dict):
        return BoxOutcome("refuted", point=root["point"], boxes=count)
    if root is None:
        why = f"box budget of {max_boxes} pieces exhausted" if count > max_boxes else \
            "a piece narrower than the minimum width stayed undecided (a boundary the intervals cannot separate)"
        return BoxOutcome("undecided", boxes=count, reason=why)
    cert = Certificate(root, tuple(sorted(box.items())), tuple(to_text(h) for h in hyps), to_text(goal), dps)
    return BoxOutcome("proved", certificate=cert, boxes=count)


def check_certificate(cert: Certificate, hyps: Sequence[Term], goal: Term) -> tuple[bool, str]:
    """Re-check ``cert`` against the claim ``hyps => goal`` on the certificate's box, independently of the search.

    Returns ``(True, "")`` or ``(False, why)``. The claim's texts must match the certificate's, every split point
    must lie strictly inside its range, each leaf's recorded box must equal the box rebuilt from the splits, and
    each leaf's reason must hold when re-evaluated at ``cert.dps`` digits.
    """
    if cert.goal != to_text(goal) or cert.hypotheses != tuple(to_text(h) for h in hyps):
        return False, "the certificate is for another claim"

    def visit(node: Node, box: Box) -> tuple[bool, str]:
        if isinstance(node, Leaf):
            if node.box != _box_text(box):
                return False, f"leaf box {node.box} differs from the box its splits define {_box_text(box)}"
            if node.reason == "goal":
                ok = _leaf_reason_exact(box, (), goal, cert.dps) == "goal"
            elif node.reason.startswith("hypothesis "):
                i = int(node.reason.split()[1])
                ok = 0 <= i < len(hyps) and _hyp_false(box, hyps[i], cert.dps)
            else:
                return False, f"unknown leaf reason {node.reason!r}"
            return (True, "") if ok else (False, f"leaf {node.box}: {node.reason} does not hold on it")
        if node.var not in box:
            return False, f"split on unknown variable {node.var!r}"
        lo, hi = box[node.var]
        if (lo is not None and not node.at > lo) or (hi is not None and not node.at < hi):
            return False, f"split point {node.at} of {node.var} outside ({lo}, {hi})"
        low_box, high_box = dict(box), dict(box)
        low_box[node.var], high_box[node.var] = (lo, node.at), (node.at, hi)
        ok, why = visit(node.low, low_box)
        return (ok, why) if not ok else visit(node.high, high_box)

    return visit(cert.root, dict(cert.box))


def _leaf_reason_exact(box: Box, hyps: Sequence[Term], goal: Term, dps: int) -> str | None:
    ev = BoxEvaluator(box, dps)
    try:
        return "goal" if ev.boolean(goal, {}) is True else None
    except _FAILURES:
        return None


def _hyp_false(box: Box, hyp: Term, dps: int) -> bool:
    ev = BoxEvaluator(box, dps)
    try:
        return ev.boolean(hyp, {}) is False
    except _FAILURES:
        return False


__all__ = ["Box", "BoxEvaluator", "BoxOutcome", "Certificate", "Leaf", "Split", "check_certificate", "prove_on_box"]
