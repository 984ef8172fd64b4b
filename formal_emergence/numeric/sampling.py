"""Deterministic exact sample points in declared domains, for witness search.

Samples are exact fractions drawn with a seeded ``random.Random``; they are
evidence for a counterexample only after ``confirm_counterexample`` has
re-checked the claim at them.
"""

from __future__ import annotations

import itertools
import random
from fractions import Fraction
from typing import Iterator, Mapping, Sequence

from ..model.claim import SymbolDecl

_MAGNITUDES = [Fraction(1, 1000), Fraction(1, 100), Fraction(1, 10), Fraction(1, 2), Fraction(1), Fraction(3, 2),
               Fraction(2), Fraction(3), Fraction(10), Fraction(100), Fraction(1000)]


def _draw(rng: random.Random, domain: str) -> Fraction:
    match domain:
        case "integer":
            return Fraction(rng.choice([-3, -2, -1, 0, 1, 2, 3, 10, 100]))
        case "posint":
            return Fraction(rng.choice([1, 2, 3, 4, 10, 12, 96, 100, 1000]))
        case "natural":
            return Fraction(rng.choice([0, 1, 2, 3, 10, 100]))
        case "unit":
            return Fraction(rng.randint(1, 999), 1000)
        case "probability":
            return Fraction(rng.randint(0, 1000), 1000)
    magnitude = rng.choice(_MAGNITUDES) * Fraction(rng.randint(500, 1500), 1000)
    if domain == "negative" or (domain == "real" and rng.random() < 0.4):
        return -magnitude
    if domain in ("nonnegative",) and rng.random() < 0.1:
        return Fraction(0)
    return magnitude


_SIMPLE = {
    "positive": (1, 2, Fraction(1, 2), 3, 10), "real": (1, -1, 0, 2, Fraction(1, 2)),
    "nonnegative": (0, 1, 2, Fraction(1, 2)), "negative": (-1, -2, Fraction(-1, 2)),
    "integer": (0, 1, -1, 2), "posint": (1, 2, 3, 10), "natural": (0, 1, 2),
    "unit": (Fraction(1, 2), Fraction(9, 10), Fraction(1, 10)), "probability": (Fraction(1, 2), 0, 1, Fraction(9, 10)),
}


def simple_points(decls: Sequence[SymbolDecl], limit: int = 256) -> Iterator[dict[str, Fraction]]:
    """Yield up to ``limit`` points built from small round values (they read best as witnesses)."""
    names = [d for d in decls if d.domain != "bool"]
    choices = [tuple(Fraction(v) for v in _SIMPLE.get(d.domain, _SIMPLE["real"])) for d in names]
    for i, combo in enumerate(itertools.product(*choices)):
        if i >= limit:
            return
        yield {d.name: v for d, v in zip(names, combo)}


def sample_points(decls: Sequence[SymbolDecl], count: int, seed: int,
                  fixed: Mapping[str, Fraction] | None = None) -> Iterator[dict[str, Fraction]]:
    """Yield ``count`` points, each an exact value per non-bool symbol (``fixed`` ones kept)."""
    rng = random.Random(seed)
    fixed = dict(fixed or {})
    names = [d for d in decls if d.domain != "bool"]
    for _ in range(count):
        point = dict(fixed)
        for d in names:
            if d.name not in point:
                point[d.name] = _draw(rng, d.domain)
        yield point


def approach_points(decls: Sequence[SymbolDecl], var: str, anchor: Mapping[str, Fraction], boundary: Fraction,
                    side: int, steps: int = 12) -> Iterator[dict[str, Fraction]]:
    """Points with ``var`` approaching ``boundary`` from ``side`` (+1 above, -1 below) geometrically."""
    for k in range(1, steps + 1):
        h = Fraction(1, 10 ** k) * max(abs(boundary), Fraction(1))
        point = dict(anchor)
        point[var] = boundary + side * h
        yield point


#: Values tried on an unbounded side of a box, as offsets from its finite end (or from 0): round values up to 1e30.
_FAR = (Fraction(1, 2), Fraction(1), Fraction(2), Fraction(10), Fraction(10**3), Fraction(10**6), Fraction(10**12),
        Fraction(10**30))


def _edge_values(lo: Fraction | None, hi: Fraction | None) -> list[Fraction]:
    """Candidate values of one variable in ``[lo, hi]`` (None: unbounded), ends and their neighbourhoods first."""
    out: list[Fraction] = []
    if lo is not None and hi is not None:
        width = hi - lo
        out += [lo, hi]
        for k in (1, 2, 3):
            out += [lo + width / 10**k, hi - width / 10**k]
        out += [lo + width * j / 20 for j in range(1, 20)]
    elif lo is not None or hi is not None:
        end, side = (lo, 1) if lo is not None else (hi, -1)
        scale = max(abs(end), Fraction(1))
        out += [end, end + side * scale / 1000, end + side * _FAR[-1], end + side, end + Fraction(side, 2)]
        out += [end + side * scale / 10**k for k in (1, 2)] + [end + side * far for far in _FAR]
    else:
        out += [Fraction(0), _FAR[-1], -_FAR[-1]] + [s * far for far in _FAR for s in (1, -1)]
    seen: set[Fraction] = set()
    return [v for v in out if not (v in seen or seen.add(v))]


def box_points(box: Mapping[str, tuple[Fraction | None, Fraction | None]], limit: int = 200) -> Iterator[dict[str, Fraction]]:
    """Yield up to ``limit`` points of the closed box ``box`` (a bound None is an open end at infinity): its
    corners, points next to each end (1/10, 1/100 and 1/1000 of the width or of the end's size inside), a grid
    of twentieths of a bounded side, and round values up to 1e30 on an unbounded side (1e30, 1 and 1/2 first). Points are enumerated
    by the largest candidate index they use, so every variable's first candidates combine first."""
    names = sorted(box)
    choices = [_edge_values(*box[n]) for n in names]
    count = 0
    for depth in range(max((len(c) for c in choices), default=0)):
        for combo in itertools.product(*[range(min(depth + 1, len(c))) for c in choices]):
            if names and max(combo) != depth:
                continue
            yield {n: c[i] for n, c, i in zip(names, choices, combo)}
            count += 1
            if count >= limit:
                return
        if not names:
            return
