"""Float (numpy) evaluation of terms, for drawing pictures only.

Nothing here decides a verdict: verdicts rest on exact values and interval
arithmetic in the engine. This evaluator walks the term tree (no text is
parsed or executed) with numpy float64 arrays; undefined terms, derivatives and
limits are not evaluable and raise ``NotPlottable``.
"""

from __future__ import annotations

import math
from typing import Mapping

import numpy as np

from ..model.terms import (Add, And, Bool, Const, Func, Iff, Implies, Ite, Mul, Not, Num, Or, Pow, Rel, Sym,
                           Term, to_text)


class NotPlottable(Exception):
    """The term has no float evaluation (undefined term, derivative, limit, unknown symbol)."""


_RELOPS = {"<": np.less, "<=": np.less_equal, ">": np.greater, ">=": np.greater_equal,
           "==": np.equal, "!=": np.not_equal}


def evaluate(t: Term, env: Mapping[str, object]) -> np.ndarray:
    """Evaluate ``t`` with numpy at float64; ``env`` maps symbol names to floats or arrays."""
    with np.errstate(all="ignore"):
        return np.asarray(_ev(t, env))


def _ev(t: Term, env: Mapping[str, object]):
    match t:
        case Num(v):
            return float(v)
        case Const("e"):
            return math.e
        case Const("pi"):
            return math.pi
        case Sym(name):
            if name not in env:
                raise NotPlottable(f"no value for {name}")
            return np.asarray(env[name], dtype=float)
        case Add(args):
            out = 0.0
            for a in args:
                out = out + _ev(a, env)
            return out
        case Mul(args):
            out = 1.0
            for a in args:
                out = out * _ev(a, env)
            return out
        case Pow(b, e):
            return np.power(np.asarray(_ev(b, env), dtype=float), _ev(e, env))
        case Func(name, args):
            vals = [np.asarray(_ev(a, env), dtype=float) for a in args]
            if name == "exp":
                return np.exp(vals[0])
            if name == "log":
                return np.where(vals[0] > 0, np.log(np.where(vals[0] > 0, vals[0], 1.0)), np.nan)
            if name == "sqrt":
                return np.where(vals[0] >= 0, np.sqrt(np.abs(vals[0])), np.nan)
            if name == "abs":
                return np.abs(vals[0])
            if name == "min":
                return np.minimum(vals[0], vals[1])
            if name == "max":
                return np.maximum(vals[0], vals[1])
            if name == "heaviside":
                return np.heaviside(vals[0], 0.0)
            if name == "floor":
                return np.floor(vals[0])
            raise NotPlottable(f"function {name}")
        case Ite(c, a, b):
            return np.where(_ev(c, env), _ev(a, env), _ev(b, env))
        case Bool(v):
            return bool(v)
        case Rel(op, a, b):
            return _RELOPS[op](_ev(a, env), _ev(b, env))
        case And(args):
            out = True
            for a in args:
                out = np.logical_and(out, _ev(a, env))
            return out
        case Or(args):
            out = False
            for a in args:
                out = np.logical_or(out, _ev(a, env))
            return out
        case Not(a):
            return np.logical_not(_ev(a, env))
        case Implies(a, b):
            return np.logical_or(np.logical_not(_ev(a, env)), _ev(b, env))
        case Iff(a, b):
            return np.equal(_ev(a, env), _ev(b, env))
    raise NotPlottable(f"{to_text(t)} has no float evaluation")
