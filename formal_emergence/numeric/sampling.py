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
