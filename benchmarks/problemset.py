"""The prover benchmark's problems: loading, the false twins' witnesses, and sampled truth checks.

``problems.toml`` is an ordinary claim file: each true problem ``bench.<name>`` has a false twin
``bench.<name>.false`` whose witness (a point satisfying the twin's assumptions and falsifying its
statement) is in ``witnesses.toml``. Both files are data: they are read with the project's claim
loader and ``tomllib``; nothing in them is executed.

Used by ``bench_provers.py`` and ``tests/unit/test_bench_problems.py``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Mapping

import numpy as np

from formal_emergence.model.claim import Claim, domain_condition
from formal_emergence.model.terms import And, Rel, Sym, Term, free_symbols, substitute
from formal_emergence.numeric.evaluate import Confirmation, IntervalEvaluator, confirm_counterexample
from formal_emergence.parse.claimfile import load_catalog
from formal_emergence.parse.expr import Scope, parse_expression
from formal_emergence.report.floateval import NotPlottable, evaluate

HERE = Path(__file__).resolve().parent
PROBLEMS = HERE / "problems.toml"
WITNESSES = HERE / "witnesses.toml"
TWIN_SUFFIX = ".false"


@dataclass(frozen=True)
class Problem:
    """One benchmark problem: a claim and whether it is true (``expected`` is ``holds`` or ``fails``)."""

    claim: Claim
    expected: str
    witness: Mapping[str, Fraction] | None = None
    #: Symbols that the assumptions' equations fix, in order, with the expression that gives each (for sampling).
    solve: tuple[tuple[str, Term], ...] = ()

    @property
    def id(self) -> str:
        return self.claim.id

    @property
    def hypotheses(self) -> tuple[Term, ...]:
        """The assumptions and the symbols' domain conditions."""
        return tuple(self.claim.assume) + tuple(domain_condition(d) for d in self.claim.symbols)


def load_problems(problems: Path = PROBLEMS, witnesses: Path = WITNESSES) -> list[Problem]:
    """Every problem, sorted by id; raises ``ValueError`` when a twin and its witness do not match up."""
    claims = [c for c in load_catalog([problems]).claims if c.id.startswith("bench.")]
    with open(witnesses, "rb") as fh:
        doc = tomllib.load(fh)
    raw, solve = doc.get("witness", {}), doc.get("solve", {})
    if set(solve) - {c.id for c in claims}:
        raise ValueError(f"solve tables for unknown problems: {sorted(set(solve) - {c.id for c in claims})}")
    ids = {c.id for c in claims}
    twins = {c.id for c in claims if c.id.endswith(TWIN_SUFFIX)}
    if set(raw) != twins:
        raise ValueError(f"witnesses without a twin: {sorted(set(raw) - twins)}; twins without a witness: "
                         f"{sorted(twins - set(raw))}")
    orphans = sorted(t for t in twins if t.removesuffix(TWIN_SUFFIX) not in ids)
    if orphans or len(twins) * 2 != len(ids):
        raise ValueError(f"every true problem needs exactly one false twin (orphans: {orphans})")
    out = []
    for c in claims:
        if c.id in twins:
            out.append(Problem(c, "fails", {k: Fraction(v) for k, v in raw[c.id].items()}))
        else:
            scope = Scope(symbols=frozenset(d.name for d in c.symbols))
            rules = tuple((v, parse_expression(text, scope, expect_boolean=False)) for v, text in solve.get(c.id, {}).items())
            out.append(Problem(c, "holds", solve=rules))
    return sorted(out, key=lambda p: p.id)


def check_witness(p: Problem, dps: int = 30) -> Confirmation:
    """Re-check a false twin's witness on the claim as stated (exactly, or with intervals at ``dps`` digits)."""
    assert p.witness is not None
    return confirm_counterexample(p.hypotheses, p.claim.show, p.witness, dps)


# ---------------------------------------------------------------- sampled truth


def _constant(t: Term) -> float | None:
    if free_symbols(t):
        return None
    try:
        return float(evaluate(t, {}))
    except NotPlottable:
        return None


def _conjuncts(terms) -> list[Term]:
    out = []
    for t in terms:
        out.extend(_conjuncts(t.args) if isinstance(t, And) else [t])
    return out


def _bounds(p: Problem) -> dict[str, tuple[float, float]]:
    """Per symbol, the box that the hypotheses ``symbol op constant`` allow (infinite when unbounded)."""
    box = {d.name: [-np.inf, np.inf] for d in p.claim.symbols}
    for h in _conjuncts(p.hypotheses):
        if not isinstance(h, Rel) or h.op not in ("<", "<=", ">", ">=", "=="):
            continue
        for var, const, op in ((h.lhs, h.rhs, h.op), (h.rhs, h.lhs, {"<": ">", "<=": ">=", ">": "<", ">=": "<=",
                                                                     "==": "=="}[h.op])):
            c = _constant(const)
            if isinstance(var, Sym) and var.name in box and c is not None:
                if op in (">", ">=", "=="):
                    box[var.name][0] = max(box[var.name][0], c)
                if op in ("<", "<=", "=="):
                    box[var.name][1] = min(box[var.name][1], c)
    for a, b in _orderings(p) * 2:  # a <= b: b is at least a's lower end, a at most b's upper end
        box[b][0], box[a][1] = max(box[b][0], box[a][0]), min(box[a][1], box[b][1])
    return {k: (lo, hi) for k, (lo, hi) in box.items()}


def _orderings(p: Problem) -> list[tuple[str, str]]:
    """The pairs (a, b) of symbols with a hypothesis a < b or a <= b (or b > a, b >= a)."""
    out = []
    for h in _conjuncts(p.hypotheses):
        if isinstance(h, Rel) and isinstance(h.lhs, Sym) and isinstance(h.rhs, Sym) and h.op in ("<", "<=", ">", ">="):
            out.append((h.lhs.name, h.rhs.name) if h.op in ("<", "<=") else (h.rhs.name, h.lhs.name))
    return out


def _draw(rng: np.random.Generator, lo: float, hi: float, n: int) -> np.ndarray:
    """Points in [lo, hi]: uniform on a bounded box, log-spread magnitudes towards an infinite end."""
    spread = 10.0 ** rng.uniform(-3, 3, n)
    if np.isfinite(lo) and np.isfinite(hi):
        return rng.uniform(lo, hi, n) if hi > lo else np.full(n, lo)
    if np.isfinite(lo):
        return lo + spread * max(1.0, abs(lo))
    if np.isfinite(hi):
        return hi - spread * max(1.0, abs(hi))
    return np.where(rng.random(n) < 0.5, rng.uniform(-3, 3, n), np.where(rng.random(n) < 0.5, -1.0, 1.0) * spread)


def _equations(p: Problem) -> list[Rel]:
    return [h for h in p.claim.assume if isinstance(h, Rel) and h.op == "=="]


def sample_truth(p: Problem, count: int = 300, seed: int = 0) -> tuple[int, list[dict[str, Fraction]]]:
    """Evaluate a problem at ``count`` seeded points; return how many satisfied the hypotheses, and the points
    where the statement is certainly false (float64 screening, re-checked with intervals at 30 digits).

    Symbols named in ``p.solve`` are computed from the drawn ones instead of drawn; the equations among the
    assumptions are then checked with a relative tolerance (the solved values are rounded).
    """
    rng = np.random.default_rng(seed)
    names = [d.name for d in p.claim.symbols]
    if not names:
        return 1, ([] if IntervalEvaluator(30).boolean(p.claim.show, {}) is not False else [{}])
    box = _bounds(p)
    env = {n: _draw(rng, *box[n], count) for n in names}
    for a, b in _orderings(p):  # draw ordered pairs in order
        env[a], env[b] = np.minimum(env[a], env[b]), np.maximum(env[a], env[b])
    for var, expr in p.solve:
        env[var] = evaluate(expr, env) * np.ones(count)
    equations = _equations(p)
    ok = np.all([np.isfinite(env[n]) for n in names], axis=0) & _finite(p.claim.show, env)
    for h in p.hypotheses:
        ok &= _float_truth(h, env) if h in equations else evaluate(h, env).astype(bool)
    bad = []
    for i in np.flatnonzero(ok & ~_float_truth(p.claim.show, env)):
        point = {n: Fraction(float(env[n][i])) for n in names}
        if _certainly_false(p, point):
            bad.append(point)
    return int(ok.sum()), bad


def _finite(t: Term, env: Mapping[str, np.ndarray]) -> np.ndarray:
    """Where every side of every comparison in ``t`` is finite at float64 (elsewhere nothing is screened)."""
    ok = np.ones(len(next(iter(env.values()))), dtype=bool)
    for rel in _conjuncts([t]):
        if isinstance(rel, Rel):
            for side in (rel.lhs, rel.rhs):
                ok &= np.isfinite(evaluate(side, env))
    return ok


_TOLERANCE = 1e-9


def _float_truth(t: Term, env: Mapping[str, np.ndarray]) -> np.ndarray:
    """``t`` at float64 with comparisons relaxed by a relative ``_TOLERANCE`` (screening only: a point found
    false here counts only after the interval re-check)."""
    match t:
        case And(args):
            return np.all([_float_truth(a, env) for a in args], axis=0)
        case Rel(op, lhs, rhs):
            a, b = evaluate(lhs, env), evaluate(rhs, env)
            slack = _TOLERANCE * (1 + np.abs(a) + np.abs(b))
            with np.errstate(all="ignore"):
                return {"<": a < b + slack, "<=": a <= b + slack, ">": a > b - slack, ">=": a >= b - slack,
                        "==": np.abs(a - b) <= slack, "!=": np.abs(a - b) > 0}[op]
    return evaluate(t, env).astype(bool)


def _certainly_false(p: Problem, point: dict[str, Fraction]) -> bool:
    """The statement is false at ``point`` by interval arithmetic at 30 digits, the solved symbols recomputed
    at 30 digits from the drawn ones (the equations that fix them are then not re-checked)."""
    ev = IntervalEvaluator(30)
    values = {k: v for k, v in point.items() if k not in dict(p.solve)}
    try:
        for var, expr in p.solve:
            values[var] = Fraction(str(ev.real(expr, values).mid))
        hyps = [h for h in p.hypotheses if h not in _equations(p)]
        return all(ev.boolean(h, values) is True for h in hyps) and ev.boolean(p.claim.show, values) is False
    except Exception:  # noqa: BLE001 - not evaluable at this point: not a counterexample
        return False
