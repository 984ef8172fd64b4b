"""An independent evaluator of claim trees, for the differential fuzzer.

It shares no code with ``formal_emergence`` (nothing here imports it): the fuzzer builds each
claim as a tree of plain tuples (``claimgen.py``), renders it as claim text for the engine, and
evaluates the same tree here, at chosen points.

Values are exact ``Fraction``s wherever the term is rational (and for exact roots, ``exp(0)``,
``log(1)``); otherwise mpmath numbers at ``DPS`` digits. Two results besides values:

- ``UNDEF``: the documented semantics make the term undefined here (``sqrt``/real powers of a
  negative base with a non-integer exponent, ``log`` of a non-positive number, division by 0,
  0 to a negative power). Partial terms are evaluated only where they are reached: under the
  taken branch of ``ite``, the consequent of ``implies``, the right side of ``and``/``or`` when the
  left side does not decide (left to right, short-circuit).
- ``DNE``: a derivative or limit that provably does not exist although the term is defined
  around the point (one-sided values or slopes that differ exactly: a jump, a removable point,
  a kink). A derivative or limit that needs the term where it is undefined (at the point, or on
  an approach side, as ``sqrt`` left of 0) is ``UNDEF``, like any partial term. A claim about such a value cannot
  hold there, and a ``fails`` witness there is accepted (the engine may call the statement false
  or undefined at that point).
- ``UNKNOWN``: the evaluator abstains: a tie between inexact numbers, a ``floor`` or
  ``heaviside`` of an inexact number next to its jump, an infinite limit, a limit or derivative
  this evaluator cannot settle. A claim is never judged on an ``UNKNOWN``.

``Evaluator(ties_equal=True)`` reads a tie between inexact numbers (closer than 10^-50,
relatively) as equality. It is used only to confirm a ``fails`` witness of a relation whose two
sides are equal transcendental numbers (``sqrt(pi**2) != abs(pi)``), which the engine proves
exactly; holds-claims are never refuted by a tie.

Derivatives and limits are computed pointwise with one-sided jets: ``_jet(t, s)`` is the pair
(lim t(p + s·h), lim t'(p + s·h)) as h -> 0+, built by the chain rule on each smooth piece and by
the sign of the argument's slope at a switch point (an ``ite`` guard, ``floor``, ``heaviside``,
``abs``, ``min``/``max``, a root at 0). ``diff(f, x)`` at p exists when f(p) is defined, both
one-sided value limits equal f(p) and both one-sided slope limits agree; by the mean value
theorem the derivative is then that slope. A limit from one side is the jet's value; a two-sided
limit needs both sides to agree.
"""

from __future__ import annotations

import math
from fractions import Fraction

import mpmath

DPS = 80
#: Relative gap under which two inexact numbers are a tie (the evaluator abstains).
TIE = mpmath.mpf(10) ** -50


class _Marker:
    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:
        return self.name


UNDEF = _Marker("UNDEF")
UNKNOWN = _Marker("UNKNOWN")
DNE = _Marker("DNE")


def _bad(v) -> bool:
    return v is UNDEF or v is UNKNOWN or v is DNE


def _worst(*vs):
    """UNDEF beats DNE beats UNKNOWN: an undefined part makes the whole term undefined."""
    for marker in (UNDEF, DNE):
        if any(v is marker for v in vs):
            return marker
    return UNKNOWN


def _mp(v):
    return mpmath.mpf(v.numerator) / v.denominator if isinstance(v, Fraction) else v


def sign(v):
    """-1, 0 or 1; UNKNOWN for an inexact number too close to 0 to tell."""
    if isinstance(v, Fraction):
        return (v > 0) - (v < 0)
    if abs(v) < TIE:
        return UNKNOWN
    return 1 if v > 0 else -1


def same(a, b) -> bool | object:
    """Whether two limits or slopes agree: identical numbers (the same formula on both sides) agree."""
    if not isinstance(a, Fraction) and not isinstance(b, Fraction) and a == b:
        return True
    c = compare(a, b)
    return c if c is UNKNOWN else c == 0


def compare(a, b, ties_equal: bool = False):
    """The sign of a - b, or UNKNOWN for an inexact near-tie (0 with ``ties_equal``)."""
    if isinstance(a, Fraction) and isinstance(b, Fraction):
        return (a > b) - (a < b)
    x, y = _mp(a), _mp(b)
    scale = max(mpmath.mpf(1), abs(x), abs(y))
    if abs(x - y) < TIE * scale:
        return 0 if ties_equal else UNKNOWN
    return 1 if x > y else -1


_REL = {"<": lambda c: c < 0, "<=": lambda c: c <= 0, ">": lambda c: c > 0, ">=": lambda c: c >= 0,
        "==": lambda c: c == 0, "!=": lambda c: c != 0}


def _exact_root(v: Fraction, n: int) -> Fraction | None:
    """The exact n-th root of v >= 0 when it is rational."""
    def iroot(k: int) -> int | None:
        r = round(k ** (1.0 / n)) if k < 2**1000 else None
        if r is None:
            return None
        for c in (r - 1, r, r + 1):
            if c >= 0 and c ** n == k:
                return c
        return None
    a, b = iroot(v.numerator), iroot(v.denominator)
    return Fraction(a, b) if a is not None and b is not None else None


def power(b, e):
    """b ** e with the real meaning: 0**0 = 1; 0 to a positive power is 0; a negative base only
    with an integer exponent; otherwise exp(e*log b) for b > 0."""
    if _bad(b) or _bad(e):
        return _worst(b, e)
    e_int = isinstance(e, Fraction) and e.denominator == 1
    sb = sign(b)
    if sb is UNKNOWN:
        return UNKNOWN
    if e_int:
        n = int(e)
        if sb == 0:
            return Fraction(1) if n == 0 else (Fraction(0) if n > 0 else UNDEF)
        if abs(n) > 64:
            return UNKNOWN
        if isinstance(b, Fraction):
            return b ** n
        return _mp(b) ** n
    se = sign(e)
    if sb < 0:
        return UNDEF
    if sb == 0:
        if se is UNKNOWN:
            return UNKNOWN
        return Fraction(0) if se > 0 else UNDEF
    if isinstance(b, Fraction) and isinstance(e, Fraction) and abs(e.numerator) <= 64 and e.denominator <= 64:
        root = _exact_root(b, e.denominator)
        if root is not None:
            return root ** e.numerator
    return mpmath.exp(_mp(e) * mpmath.log(_mp(b)))


def _exp(v):
    if isinstance(v, Fraction) and v == 0:
        return Fraction(1)
    if abs(_mp(v)) > 10**4:
        return UNKNOWN
    return mpmath.exp(_mp(v))


def _log(v):
    s = sign(v)
    if s is UNKNOWN:
        return UNKNOWN
    if s <= 0:
        return UNDEF
    if v == 1:
        return Fraction(0)
    return mpmath.log(_mp(v))


def _floor(v):
    if isinstance(v, Fraction):
        return Fraction(math.floor(v))
    f = mpmath.floor(v)
    if sign(v - f) is UNKNOWN or sign(v - f - 1) is UNKNOWN:
        return UNKNOWN
    return Fraction(int(f))


def _heaviside(v):
    s = sign(v)
    return UNKNOWN if s is UNKNOWN else Fraction(1 if s > 0 else 0)


def _abs(v):
    return abs(v)


def _apply(name: str, args: list):
    if any(_bad(a) for a in args):
        return _worst(*args)
    if name == "exp":
        return _exp(args[0])
    if name == "log":
        return _log(args[0])
    if name == "sqrt":
        return power(args[0], Fraction(1, 2))
    if name == "abs":
        return _abs(args[0])
    if name == "floor":
        return _floor(args[0])
    if name == "heaviside":
        return _heaviside(args[0])
    c = compare(args[0], args[1])
    if c is UNKNOWN:
        return UNKNOWN
    if name == "min":
        return args[0] if c <= 0 else args[1]
    if name == "max":
        return args[0] if c >= 0 else args[1]
    raise ValueError(name)


def _exact_zero(v) -> bool:
    return isinstance(v, Fraction) and v == 0


def _arith(op: str, a, b):
    if _bad(a) or _bad(b):
        return _worst(a, b)
    if op == "add":
        return a + b if type(a) is type(b) else _mp(a) + _mp(b)
    if op == "sub":
        return a - b if type(a) is type(b) else _mp(a) - _mp(b)
    if op == "mul":
        if _exact_zero(a) or _exact_zero(b):  # 0 * y is exactly 0, not an inexact 0.0 that sign() cannot tell
            return Fraction(0)
        return a * b if type(a) is type(b) else _mp(a) * _mp(b)
    if op == "div":
        s = sign(b)
        if s is UNKNOWN:
            return UNKNOWN
        if s == 0:
            return UNDEF
        if _exact_zero(a):
            return Fraction(0)
        return a / b if type(a) is type(b) else _mp(a) / _mp(b)
    raise ValueError(op)


class Evaluator:
    """Evaluate claim trees. ``defs`` maps a definition name to (params, body)."""

    def __init__(self, defs: dict[str, tuple[tuple[str, ...], tuple]] | None = None, *, ties_equal: bool = False):
        self.defs = defs or {}
        self.ties_equal = ties_equal

    # ------------------------------------------------------------ values at a point
    def value(self, t: tuple, env: dict):
        with mpmath.workdps(DPS):
            return self._v(t, env)

    def _v(self, t: tuple, env: dict):
        tag = t[0]
        if tag == "num":
            return t[1]
        if tag == "const":
            return mpmath.e if t[1] == "e" else mpmath.pi
        if tag == "sym":
            return env[t[1]]
        if tag == "neg":
            a = self._v(t[1], env)
            return a if _bad(a) else -a
        if tag in ("add", "sub", "mul", "div"):
            a = self._v(t[1], env)
            if a is UNDEF:
                return UNDEF
            return _arith(tag, a, self._v(t[2], env))
        if tag == "pow":
            b = self._v(t[1], env)
            if b is UNDEF:
                return UNDEF
            return power(b, self._v(t[2], env))
        if tag == "fn":
            args = []
            for a in t[2]:
                args.append(self._v(a, env))
                if args[-1] is UNDEF:
                    return UNDEF
            return _apply(t[1], args)
        if tag == "ite":
            c = self._b(t[1], env)
            if _bad(c):
                return c
            return self._v(t[2] if c else t[3], env)
        if tag == "call":
            params, body = self.defs[t[1]]
            args = [self._v(a, env) for a in t[2]]
            if any(_bad(a) for a in args):
                return _worst(*args)
            return self._v(body, {**env, **dict(zip(params, args))})
        if tag == "diff":
            return self._diff(t[1], t[2], env)
        if tag == "limit":
            return self._limit(t[1], t[2], t[3], t[4], env)
        raise ValueError(tag)

    def truth(self, t: tuple, env: dict):
        """True, False, UNDEF or UNKNOWN."""
        with mpmath.workdps(DPS):
            return self._b(t, env)

    def _b(self, t: tuple, env: dict):
        tag = t[0]
        if tag == "bool":
            return t[1]
        if tag == "bsym":
            return env[t[1]]
        if tag == "rel":
            a = self._v(t[2], env)
            if a is UNDEF:
                return UNDEF
            b = self._v(t[3], env)
            if _bad(a) or _bad(b):
                return _worst(a, b)
            c = compare(a, b, self.ties_equal)
            return UNKNOWN if c is UNKNOWN else _REL[t[1]](c)
        if tag == "not":
            a = self._b(t[1], env)
            return a if _bad(a) else not a
        if tag in ("and", "or", "implies"):
            a = self._b(t[1], env)
            if _bad(a):
                return a
            if tag == "and" and not a:
                return False
            if tag == "or" and a:
                return True
            if tag == "implies" and not a:
                return True
            return self._b(t[2], env)
        if tag == "iff":
            a, b = self._b(t[1], env), self._b(t[2], env)
            if _bad(a) or _bad(b):
                return _worst(a, b)
            return a == b
        raise ValueError(tag)

    # ------------------------------------------------------------ calculus
    def _diff(self, f: tuple, var: str, env: dict):
        v0 = self._v(f, env)
        if v0 is UNDEF:
            return UNDEF  # f itself is undefined here: so is its derivative
        if _bad(v0):
            return UNKNOWN
        jenv = {k: (v, Fraction(0)) for k, v in env.items() if not isinstance(v, bool)}
        jenv[var] = (env[var], Fraction(1))
        right, left = self._jet(f, jenv, 1), self._jet(f, jenv, -1)
        if right[0] is UNDEF or left[0] is UNDEF:
            return UNDEF  # f is undefined on one side: the derivative is outside its domain
        if any(_bad(x) for x in (*right, *left)):
            return UNKNOWN
        checks = [same(a, b) for a, b in ((right[0], v0), (left[0], v0), (right[1], left[1]))]
        if all(c is True for c in checks):
            return right[1]
        if UNKNOWN in checks or not _exact(right, left, v0):
            return UNKNOWN
        return DNE  # a jump, a removable point or a kink, by exact comparison

    def _limit(self, f: tuple, var: str, point: tuple, side: str, env: dict):
        p = self._v(point, env)
        if _bad(p):
            return UNKNOWN
        jenv = {k: (v, Fraction(0)) for k, v in env.items() if not isinstance(v, bool)}
        jenv[var] = (p, Fraction(1))
        sides = {"+": (1,), "-": (-1,), "": (1, -1)}[side]
        values = [self._jet(f, jenv, s)[0] for s in sides]
        if any(v is UNDEF for v in values):
            return UNDEF  # the term is undefined on an approach side
        if any(_bad(v) for v in values):
            return UNKNOWN
        if len(values) == 2:
            agree = same(values[0], values[1])
            if agree is not True:
                return DNE if agree is False and _exact(values) else UNKNOWN
        return values[0]

    def _jet(self, t: tuple, jenv: dict, s: int):
        """(value limit, slope limit) of t at p from side s; slope may be UNKNOWN alone."""
        tag = t[0]
        zero = Fraction(0)
        if tag == "num":
            return t[1], zero
        if tag == "const":
            return self._v(t, {}), zero
        if tag == "sym":
            return jenv[t[1]]
        if tag == "neg":
            v, d = self._jet(t[1], jenv, s)
            return (v if _bad(v) else -v), (d if _bad(d) else -d)
        if tag in ("add", "sub", "mul", "div"):
            (va, da), (vb, db) = self._jet(t[1], jenv, s), self._jet(t[2], jenv, s)
            if _bad(va) or _bad(vb):
                return _worst(va, vb), UNKNOWN
            if tag == "div":
                sb = sign(vb)
                if sb is UNKNOWN or sb == 0:
                    return UNKNOWN, UNKNOWN
            v = _arith(tag, va, vb)
            if _bad(da) or _bad(db):
                return v, UNKNOWN
            if tag in ("add", "sub"):
                return v, _arith(tag, da, db)
            if tag == "mul":
                return v, _arith("add", _arith("mul", da, vb), _arith("mul", va, db))
            return v, _arith("div", _arith("sub", _arith("mul", da, vb), _arith("mul", va, db)),
                             _arith("mul", vb, vb))
        if tag == "pow":
            return self._jet_pow(t, jenv, s)
        if tag == "fn":
            return self._jet_fn(t, jenv, s)
        if tag == "ite":
            c = self._side_truth(t[1], jenv, s)
            if _bad(c):
                return c, UNKNOWN
            return self._jet(t[2] if c else t[3], jenv, s)
        if tag == "call":
            params, body = self.defs[t[1]]
            if _mentions_calculus(body):
                return UNKNOWN, UNKNOWN
            args = [self._jet(a, jenv, s) for a in t[2]]
            if any(_bad(a[0]) for a in args):
                return _worst(*(a[0] for a in args)), UNKNOWN
            return self._jet(body, {**jenv, **dict(zip(params, args))}, s)
        return UNKNOWN, UNKNOWN  # nested diff/limit: not settled here

    def _approach_sign(self, v, d, s: int):
        """The sign of a term near p from side s, given its limit v and slope limit d."""
        sv = sign(v) if not _bad(v) else UNKNOWN
        if sv is UNKNOWN:
            return UNKNOWN
        if sv != 0:
            return sv
        if _bad(d):
            return UNKNOWN
        sd = sign(d)
        if sd is UNKNOWN or sd == 0:
            return UNKNOWN
        return sd * s

    def _jet_pow(self, t, jenv, s):
        (va, da) = self._jet(t[1], jenv, s)
        if _bad(va):
            return va, UNKNOWN
        e = t[2]
        exponent_const = e[0] == "num" or (not _depends(e, jenv, self.defs) and e[0] in ("sym", "neg", "num"))
        if exponent_const:
            ve = self._jet(e, jenv, s)[0]
            if _bad(ve):
                return ve, UNKNOWN
            if isinstance(ve, Fraction) and ve.denominator == 1:
                n = int(ve)
                v = power(va, ve)
                if _bad(v):
                    return (UNKNOWN if sign(va) == 0 else v), UNKNOWN
                if _bad(da):
                    return v, UNKNOWN
                if n == 0:
                    return v, Fraction(0)
                return v, _arith("mul", _arith("mul", Fraction(n), power(va, Fraction(n - 1))), da)
            direction = self._approach_sign(va, da, s)
            if direction is UNKNOWN:
                return UNKNOWN, UNKNOWN
            if direction < 0:
                return UNDEF, UNKNOWN
            if sign(va) == 0:
                se = sign(ve)
                if se is UNKNOWN or se <= 0:
                    return UNKNOWN, UNKNOWN
                slope = Fraction(0) if compare(ve, Fraction(1)) > 0 else UNKNOWN
                return Fraction(0), slope
            v = power(va, ve)
            if _bad(da):
                return v, UNKNOWN
            return v, _arith("mul", _arith("mul", ve, power(va, _arith("sub", ve, Fraction(1)))), da)
        (ve, de) = self._jet(e, jenv, s)
        if _bad(ve):
            return ve, UNKNOWN
        if sign(va) is UNKNOWN or sign(va) <= 0:
            return UNKNOWN, UNKNOWN
        v = power(va, ve)
        if _bad(da) or _bad(de) or _bad(v):
            return v, UNKNOWN
        slope = _arith("mul", v, _arith("add", _arith("mul", de, _log(va)), _arith("div", _arith("mul", ve, da), va)))
        return v, slope

    def _jet_fn(self, t, jenv, s):
        name = t[1]
        jets = [self._jet(a, jenv, s) for a in t[2]]
        if any(_bad(j[0]) for j in jets):
            return _worst(*(j[0] for j in jets)), UNKNOWN
        (va, da) = jets[0]
        if name == "exp":
            v = _exp(va)
            return v, (UNKNOWN if _bad(da) or _bad(v) else _arith("mul", v, da))
        if name == "log":
            sv = sign(va)
            if sv is UNKNOWN or sv <= 0:
                return UNKNOWN, UNKNOWN
            return _log(va), (UNKNOWN if _bad(da) else _arith("div", da, va))
        if name == "sqrt":
            return self._jet_pow(("pow", t[2][0], ("num", Fraction(1, 2))), jenv, s)
        if name in ("abs", "floor", "heaviside"):
            direction = self._approach_sign(va, da, s)
            if name == "abs":
                if direction is UNKNOWN:
                    return abs(va), UNKNOWN
                return abs(va), (UNKNOWN if _bad(da) else da * direction)
            if isinstance(va, Fraction) and (name == "heaviside" and va == 0 or
                                             name == "floor" and va.denominator == 1):
                direction = self._approach_sign(Fraction(0), da, s)  # the side of the jump at va
                if direction is UNKNOWN:
                    return UNKNOWN, UNKNOWN
                if name == "heaviside":
                    return Fraction(1 if direction > 0 else 0), Fraction(0)
                return (va if direction > 0 else va - 1), Fraction(0)
            v = _apply(name, [va])
            return v, (UNKNOWN if _bad(v) else Fraction(0))
        (vb, db) = jets[1]
        c = compare(va, vb)
        if c is UNKNOWN:
            return UNKNOWN, UNKNOWN
        if c == 0:
            if _bad(da) or _bad(db):
                return va, UNKNOWN
            cd = compare(da, db)
            if cd is UNKNOWN:
                return va, UNKNOWN
            if cd == 0:
                return va, da
            first_smaller = (cd * s) < 0
            pick_first = first_smaller if name == "min" else not first_smaller
            return va, (da if pick_first else db)
        pick_first = (c < 0) if name == "min" else (c > 0)
        return (va, da) if pick_first else (vb, db)

    def _side_truth(self, t, jenv, s):
        """The truth of a condition at p + s·h for small h > 0."""
        tag = t[0]
        if tag == "bool":
            return t[1]
        if tag == "rel":
            (va, da), (vb, db) = self._jet(t[2], jenv, s), self._jet(t[3], jenv, s)
            if _bad(va) or _bad(vb):
                return _worst(va, vb)
            diff = _arith("sub", va, vb)
            slope = UNKNOWN if _bad(da) or _bad(db) else _arith("sub", da, db)
            direction = self._approach_sign(diff, slope, s)
            if direction is UNKNOWN:
                return UNKNOWN
            return _REL[t[1]](direction)
        if tag == "not":
            a = self._side_truth(t[1], jenv, s)
            return a if _bad(a) else not a
        if tag in ("and", "or", "implies"):
            a = self._side_truth(t[1], jenv, s)
            if _bad(a):
                return a
            if (tag == "and" and not a) or (tag == "implies" and not a):
                return tag == "implies"
            if tag == "or" and a:
                return True
            return self._side_truth(t[2], jenv, s)
        return UNKNOWN


def _exact(*parts) -> bool:
    """Whether every number in (nested tuples of) parts is an exact Fraction."""
    for p in parts:
        if isinstance(p, (tuple, list)):
            if not _exact(*p):
                return False
        elif not isinstance(p, Fraction):
            return False
    return True


def _mentions_calculus(t) -> bool:
    if not isinstance(t, tuple):
        return False
    if t and t[0] in ("diff", "limit"):
        return True
    return any(_mentions_calculus(c) for c in t[1:] if isinstance(c, tuple))


def _depends(t, jenv, defs) -> bool:
    """Whether t may vary with the jet variable (conservative: any call counts)."""
    if not isinstance(t, tuple) or not t:
        return False
    if t[0] == "sym":
        d = jenv.get(t[1], (0, Fraction(0)))[1]
        return not (isinstance(d, Fraction) and d == 0)
    if t[0] == "call":
        return True
    return any(_depends(c, jenv, defs) for c in t[1:] if isinstance(c, tuple))


def parse_number(text: str) -> tuple | None:
    """The tree of a closed number written in the claim syntax (an engine's algebraic witness value such as
    ``-2**0.5`` or ``0.5 + -0.5 * 5**0.5``), for ``Evaluator.value``; None when ``text`` is not one. Python's
    precedence: ``**`` binds tighter than a unary minus on its left and is right-associative. A small
    recursive-descent reader of its own (nothing is evaluated as code)."""
    tokens, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
        elif text.startswith("**", i):
            tokens.append("**")
            i += 2
        elif ch in "+-*/(),":
            tokens.append(ch)
            i += 1
        elif ch.isdigit() or ch == ".":
            j = i
            while j < len(text) and (text[j].isdigit() or text[j] == "."):
                j += 1
            tokens.append(Fraction(text[i:j]))
            i = j
        elif ch.isalpha():
            j = i
            while j < len(text) and text[j].isalpha():
                j += 1
            tokens.append(text[i:j])
            i = j
        else:
            return None
    pos = [0]

    def peek():
        return tokens[pos[0]] if pos[0] < len(tokens) else None

    def take(want=None):
        tok = peek()
        if tok is None or (want is not None and tok != want):
            raise ValueError(text)
        pos[0] += 1
        return tok

    def chain(operand, ops: dict):  # left-associative binary operators of one precedence level
        out = operand()
        while peek() in ops:
            out = (ops[take()], out, operand())
        return out

    def expr():
        return chain(term, {"+": "add", "-": "sub"})

    def term():
        return chain(unary, {"*": "mul", "/": "div"})

    def unary():
        if peek() == "-":
            take()
            return ("neg", unary())
        return power()

    def power():
        base = atom()
        if peek() == "**":
            take()
            return ("pow", base, unary())
        return base

    def atom():
        tok = take()
        if isinstance(tok, Fraction):
            return ("num", tok)
        if tok == "(":
            out = expr()
            take(")")
            return out
        if tok in ("e", "pi"):
            return ("const", tok)
        if tok in ("exp", "log", "sqrt", "abs"):
            take("(")
            arg = expr()
            take(")")
            return ("fn", tok, (arg,))
        raise ValueError(text)

    try:
        tree = expr()
    except (ValueError, ZeroDivisionError):
        return None
    return tree if pos[0] == len(tokens) else None
