"""A seeded generator of random claims over the whole expression language, as trees and as text.

Each claim is built as a tree of plain tuples (the node kinds are listed in ``oracle.py``) and
rendered, fully parenthesised, in the claim syntax of docs/claim-format.md, so the engine reads
the text and the independent evaluator reads the tree. Nothing here imports ``formal_emergence``.

Coverage: numbers (integers, fractions, decimals), ``e``, ``pi``, ``+ - * /``, powers with integer,
rational and symbolic exponents, ``exp log sqrt abs floor heaviside min max``, ``ite``, comparisons,
``and or not implies iff``, ``diff`` (first order), ``limit``/``limit_right``/``limit_left`` at
rational points, definitions (with parameters, shared symbols, and ``diff``/``limit`` over a name
the caller also uses), and every symbol domain. A third of the statements come from templates
that are often true (identities, bounds, guarded partial terms), so both verdicts occur; the
others are random comparisons. The generator also returns the points the evaluator should try
first: the constants of the claim, their neighbours and the boundaries of the domains.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from fractions import Fraction

DOMAINS = ("real", "positive", "nonnegative", "negative", "integer", "posint", "natural", "unit",
           "probability", "bool")
CONTINUOUS = ("real", "positive", "nonnegative", "negative", "unit", "probability")
_NUMBERS = [Fraction(n) for n in (0, 1, -1, 2, -2, 3, 5, 10)] + [
    Fraction(1, 2), Fraction(-1, 2), Fraction(1, 3), Fraction(3, 2), Fraction(2, 3), Fraction(1, 10), Fraction(7, 4)]
_EXPONENTS = [Fraction(n) for n in (2, 3, -1, -2, 0, 1)] + [
    Fraction(1, 2), Fraction(1, 3), Fraction(3, 2), Fraction(16, 5), Fraction(-1, 2), Fraction(5, 2), Fraction(2, 3)]
_RELS = ("<", "<=", ">", ">=", "==", "!=")


@dataclass
class Definition:
    id: str
    name: str
    params: tuple[str, ...]
    body: tuple
    symbols: dict[str, str]


@dataclass
class GenClaim:
    id: str
    symbols: dict[str, str]
    assume: list[tuple]
    show: tuple
    definitions: list[Definition] = field(default_factory=list)
    features: frozenset[str] = frozenset()
    hints: dict[str, list[Fraction]] = field(default_factory=dict)

    def toml(self) -> str:
        """The claim (and its definitions) as a claim file."""
        out = []
        for d in self.definitions:
            out.append("[[definition]]")
            out.append(f'id = "{d.id}"')
            out.append(f'name = "{d.name}"')
            out.append("params = [" + ", ".join(f'"{p}"' for p in d.params) + "]")
            out.append(f'body = "{render(d.body)}"')
            out.append("symbols = { " + ", ".join(f'{k} = "{v}"' for k, v in sorted(d.symbols.items())) + " }")
        out.append("[[claim]]")
        out.append(f'id = "{self.id}"')
        out.append('title = "fuzz"')
        out.append('kind = "theorem"')
        out.append('source = { document = "fuzz.txt", section = "s", quote = "q" }')
        if self.definitions:
            out.append("uses = [" + ", ".join(f'"{d.id}"' for d in self.definitions) + "]")
        out.append("symbols = { " + ", ".join(f'{k} = "{v}"' for k, v in sorted(self.symbols.items())) + " }")
        if self.assume:
            out.append("assume = [" + ", ".join(f'"{render(a)}"' for a in self.assume) + "]")
        out.append(f'show = "{render(self.show)}"')
        return "\n".join(out) + "\n"


# ---------------------------------------------------------------- rendering

def _num_text(v: Fraction, style: int = 0) -> str:
    if v.denominator == 1:
        return f"({v.numerator})" if v < 0 else str(v.numerator)
    if style == 1 and 10**6 % v.denominator == 0:  # a decimal: read exactly by the engine
        digits = len(str(10**6 // v.denominator)) - 1
        text = f"{v.numerator * 10**6 // v.denominator / 10**6:.6f}".rstrip("0")
        if Fraction(text) == v:
            return f"({text})" if v < 0 else text
        del digits
    return f"({v.numerator}/{v.denominator})"


def render(t: tuple) -> str:
    tag = t[0]
    if tag == "num":
        return _num_text(t[1], t[2] if len(t) > 2 else 0)
    if tag in ("const", "sym", "bsym"):
        return t[1]
    if tag == "bool":
        return "true" if t[1] else "false"
    if tag == "neg":
        return f"(-{render(t[1])})"
    if tag in ("add", "sub", "mul", "div", "pow"):
        op = {"add": "+", "sub": "-", "mul": "*", "div": "/", "pow": "**"}[tag]
        return f"({render(t[1])} {op} {render(t[2])})"
    if tag == "fn":
        return f"{t[1]}({', '.join(render(a) for a in t[2])})"
    if tag == "ite":
        return f"ite({render(t[1])}, {render(t[2])}, {render(t[3])})"
    if tag == "call":
        return f"{t[1]}({', '.join(render(a) for a in t[2])})"
    if tag == "diff":
        return f"diff({render(t[1])}, {t[2]})"
    if tag == "limit":
        name = {"": "limit", "+": "limit_right", "-": "limit_left"}[t[4]]
        return f"{name}({render(t[1])}, {t[2]}, {render(t[3])})"
    if tag == "rel":
        return f"({render(t[2])} {t[1]} {render(t[3])})"
    if tag in ("and", "or"):
        return f"({render(t[1])} {tag} {render(t[2])})"
    if tag == "not":
        return f"(not {render(t[1])})"
    if tag in ("implies", "iff"):
        return f"{tag}({render(t[1])}, {render(t[2])})"
    raise ValueError(tag)


# ---------------------------------------------------------------- generation

def N(v) -> tuple:
    return ("num", Fraction(v))


class Generator:
    """``Generator(seed).claim(i)`` is a deterministic function of (seed, i)."""

    def __init__(self, seed: int):
        self.seed = seed

    def claim(self, i: int) -> GenClaim:
        rng = random.Random(f"{self.seed}:{i}")
        return _Builder(rng, f"fz.s{self.seed}.c{i}").build()


class _Builder:
    def __init__(self, rng: random.Random, cid: str):
        self.r, self.cid = rng, cid
        self.features: set[str] = set()
        self.defs: list[Definition] = []
        self.consts: set[Fraction] = set()
        self.in_def = False
        self.in_calc = False

    def domain(self, s: str) -> str:
        return self.symbols.get(s, "real")

    # -- terms
    def num(self) -> tuple:
        v = self.r.choice(_NUMBERS)
        self.consts.add(v)
        style = 1 if v.denominator in (2, 10) and self.r.random() < 0.3 else 0
        return ("num", v, style)

    def leaf(self) -> tuple:
        x = self.r.random()
        if x < 0.55 and self.reals:
            return ("sym", self.r.choice(self.reals))
        if x < 0.6:
            self.features.add("const")
            return ("const", self.r.choice(("e", "pi")))
        return self.num()

    def term(self, depth: int, smooth: bool = False) -> tuple:
        if depth <= 0 or self.r.random() < 0.3:
            return self.leaf()
        r = self.r.random()
        sub = lambda: self.term(depth - 1, smooth)  # noqa: E731
        if r < 0.30:
            return (self.r.choice(("add", "sub", "mul")), sub(), sub())
        if r < 0.36:
            self.features.add("div")
            d = sub()
            return ("div", sub(), d if d[:2] != ("num", Fraction(0)) else N(3))
        if r < 0.44:
            return ("neg", sub()) if self.r.random() < 0.3 else self.power(depth, smooth)
        if r < 0.56:
            names = ("exp", "log", "sqrt") if smooth else ("exp", "log", "sqrt", "abs", "floor", "heaviside")
            name = self.r.choice(names)
            self.features.add(name)
            arg = self.term(depth - 1, smooth) if name != "exp" else self.small(depth - 1, smooth)
            return ("fn", name, (arg,))
        if r < 0.64 and not smooth:
            name = self.r.choice(("min", "max"))
            self.features.add("minmax")
            return ("fn", name, (sub(), sub()))
        if r < 0.74 and not smooth:
            self.features.add("ite")
            return ("ite", self.cond(depth - 1), sub(), sub())
        if r < 0.80 and self.r.random() < 0.5 and not self.in_def and not self.in_calc:
            return self.call(depth)
        if r < 0.86 and depth >= 2 and not self.in_calc:
            return self.calculus(depth - 1)
        return self.power(depth, smooth)

    def small(self, depth: int, smooth: bool) -> tuple:
        """A term kept small (for exp and exponents): no nested exp or powers."""
        t = self.term(min(depth, 1), smooth)
        return t

    def power(self, depth: int, smooth: bool) -> tuple:
        base = self.term(depth - 1, smooth)
        x = self.r.random()
        if x < 0.7:
            e = self.r.choice(_EXPONENTS)
            self.features.add("pow-int" if e.denominator == 1 else "pow-rational")
            return ("pow", base, ("num", e))
        self.features.add("pow-symbolic")
        expo = ("sym", self.r.choice(self.reals)) if self.reals else self.num()
        if self.r.random() < 0.3:
            expo = ("add", expo, self.num())
        return ("pow", base, expo)

    def cond(self, depth: int) -> tuple:
        c = ("rel", self.r.choice(_RELS), self.term(depth), self.term(max(depth - 1, 0)))
        if self.bools and not self.in_def and self.r.random() < 0.15:
            c = (self.r.choice(("and", "or")), ("bsym", self.r.choice(self.bools)), c)
        return c

    def call(self, depth: int) -> tuple:
        """A call of a fresh definition D(t) whose body may share symbols or bind one with diff/limit."""
        self.features.add("definition")
        name = f"D{len(self.defs)}"
        param = "t"
        shared = [s for s in self.reals if self.domain(s) in CONTINUOUS]
        body_kind = self.r.random()
        saved = self.reals
        self.reals = [param] + ([shared[0]] if shared else [])
        self.in_def = True
        if body_kind < 0.3 and shared:
            self.features.add("capture")
            x = shared[0]
            inner = self.r.choice([("mul", ("sym", param), ("sym", x)),
                                   ("pow", ("add", ("sym", param), ("sym", x)), N(2)),
                                   ("add", ("mul", ("sym", param), ("pow", ("sym", x), N(2))), ("sym", x))])
            body = ("diff", inner, x) if self.r.random() < 0.5 else ("limit", inner, x, self.num(), "")
        else:
            body = self.term(max(depth - 1, 1))
        self.reals = saved
        self.in_def = False
        syms = {s: self.symbols[s] for s in shared[:1] if _mentions(body, s)}
        self.defs.append(Definition(f"{self.cid}.def{len(self.defs)}", name, (param,), body, syms))
        arg = self.term(depth - 1)
        return ("call", name, (arg,))

    def calculus(self, depth: int) -> tuple:
        vars_ = [s for s in self.reals if self.domain(s) in CONTINUOUS and s != "t"]
        if not vars_:
            return self.leaf()
        x = self.r.choice(vars_)
        smooth = self.r.random() < 0.5
        self.in_calc = True
        f = self.term(depth, smooth)
        self.in_calc = False
        if not _mentions(f, x):
            f = ("add", f, ("mul", self.num(), ("sym", x)))
        if self.r.random() < 0.55:
            self.features.add("diff" if smooth else "diff-piecewise")
            return ("diff", f, x)
        self.features.add("limit" if smooth else "limit-piecewise")
        point = self.num()
        side = self.r.choice(("", "+", "-"))
        return ("limit", f, x, point, side)

    # -- statements
    def statement(self) -> tuple:
        x = self.r.random()
        if x < 0.15:
            return self.kink()
        if x < 0.45:
            return self.template()
        s = ("rel", self.r.choice(_RELS), self.term(3), self.term(2))
        y = self.r.random()
        if y < 0.12:
            s = ("and", self.cond(1), s)
        elif y < 0.24:
            s = ("or", self.cond(1), s)
        elif y < 0.34:
            s = ("implies", self.cond(1), s)
        elif y < 0.38:
            s = ("not", s)
        elif y < 0.41:
            s = ("iff", self.cond(1), s)
        if y < 0.41:
            self.features.add("logic")
        return s

    def kink(self) -> tuple:
        """A derivative or a limit of a piecewise term at (or near) its switch point."""
        vars_ = [s for s in self.reals if self.domain(s) == "real"]
        if not vars_:
            return self.template()
        x = self.r.choice(vars_)
        X = ("sym", x)
        c = self.r.choice([Fraction(0), Fraction(1), Fraction(1, 2), Fraction(-1), Fraction(2)])
        self.consts.add(c)
        d = X if c == 0 else ("sub", X, N(c))
        self.in_calc = True
        f = self.r.choice([
            lambda: ("ite", ("rel", self.r.choice(_RELS), X, N(c)), self.term(1), self.term(1)),
            lambda: ("fn", "abs", (d,)),
            lambda: ("fn", "floor", (X,)),
            lambda: ("fn", "heaviside", (d,)),
            lambda: ("fn", self.r.choice(("min", "max")), (X, N(c))),
            lambda: ("ite", ("rel", "==", X, N(c)), N(self.r.choice((c, 5))), X),
            lambda: ("mul", d, ("fn", "abs", (d,))),
            lambda: ("pow", ("fn", "abs", (d,)), N(Fraction(3, 2))),
            lambda: ("fn", "sqrt", (("pow", d, N(2)),)),
            lambda: ("fn", "sqrt", (d,)),
            lambda: ("div", ("fn", "abs", (d,)), d),
        ])()
        if self.r.random() < 0.3:
            f = ("add", f, self.term(1, smooth=True))
        self.in_calc = False
        if self.r.random() < 0.5:
            calc: tuple = ("diff", f, x)
        else:
            calc = ("limit", f, x, N(c), self.r.choice(("", "+", "-")))
        from oracle import Evaluator  # the generator may know the answer: the test judges, not this
        value = Evaluator().value(calc, {s: Fraction(0) for s in self.reals} | {x: c})
        rhs = N(value) if isinstance(value, Fraction) and self.r.random() < 0.7 else self.num()
        self.pinned = (x, c) if calc[0] == "diff" and self.r.random() < 0.7 else None
        return ("rel", self.r.choice(("==", "==", "!=", "<", ">=")), calc, rhs)

    def template(self) -> tuple:
        t, u = self.term(2), self.term(1)
        r = self.r.choice
        self.features.add("template")
        choices = [
            ("rel", ">=", ("fn", "abs", (t,)), N(0)),
            ("rel", ">=", ("pow", t, N(2)), N(0)),
            ("rel", ">", ("fn", "exp", (u,)), N(0)),
            ("rel", ">=", ("fn", "sqrt", (t,)), N(0)),
            ("rel", "<=", ("fn", "min", (t, u)), ("fn", "max", (t, u))),
            ("rel", "<=", ("fn", "floor", (t,)), t),
            ("rel", "<", t, ("add", ("fn", "floor", (t,)), N(1))),
            ("rel", "<=", ("fn", "heaviside", (t,)), N(1)),
            ("rel", "==", ("ite", ("rel", ">=", t, u), t, u), ("fn", "max", (t, u))),
            ("rel", "==", ("fn", "abs", (t,)), ("ite", ("rel", ">=", t, N(0)), t, ("neg", t))),
            ("rel", "==", ("fn", "exp", (("fn", "log", (t,)),)), t),
            ("rel", "==", ("fn", "sqrt", (("pow", t, N(2)),)), ("fn", "abs", (t,))),
            ("rel", "==", ("fn", "log", (("fn", "exp", (u,)),)), u),
            ("rel", "==", ("pow", ("fn", "sqrt", (t,)), N(2)), t),
            ("rel", "==", ("div", t, t), N(1)),
            ("rel", "==", ("pow", ("pow", t, N(2)), N(Fraction(1, 2))), ("fn", "abs", (t,))),
            ("rel", ">=", ("ite", ("rel", ">", t, N(0)), ("fn", "sqrt", (t,)), N(0)), N(0)),
            ("implies", ("rel", ">=", t, N(0)), ("rel", ">=", ("fn", "sqrt", (t,)), N(0))),
            ("and", ("rel", ">=", ("ite", ("rel", ">=", t, N(0)), ("fn", "sqrt", (t,)), N(0)), N(0)),
             ("rel", ">=", t, N(0))),
            ("rel", ">", ("pow", t, N(r(_EXPONENTS))), N(0)),
            ("rel", ">=", ("pow", t, N(r(_EXPONENTS))), N(0)),
            ("rel", "==", ("add", ("fn", "heaviside", (t,)), ("fn", "heaviside", (("neg", t),))), N(1)),
            ("rel", "==", ("add", ("fn", "floor", (t,)), ("fn", "floor", (("neg", t),))), N(-1)),
            ("rel", ">=", ("fn", "exp", (u,)), ("add", N(1), u)),
            ("rel", "<=", ("fn", "log", (t,)), ("sub", t, N(1))),
            ("rel", ">=", ("fn", "max", (t, u)), t),
            ("rel", "==", ("fn", "exp", (("add", u, u),)), ("mul", ("fn", "exp", (u,)), ("fn", "exp", (u,)))),
            lambda: ("rel", r(_RELS), self.calculus(2), self.term(1)),
            lambda: ("rel", r(_RELS), self.call(2), self.term(1)),
        ]
        s = r(choices)
        if callable(s):
            s = s()
        if self.r.random() < 0.25:  # a mutation, so that a template is not always true
            s = _mutate(s, self.r)
        return s

    def assumption(self) -> tuple:
        if not self.reals:
            return self.cond(1)
        x = ("sym", self.r.choice(self.reals))
        return ("rel", self.r.choice(_RELS), x, self.r.choice([self.num(), self.leaf(), self.term(1)]))

    def build(self) -> GenClaim:
        r = self.r
        n = r.choice((0, 1, 1, 1, 2, 2, 2, 3))
        names = ["x", "y", "z"][:n]
        self.symbols = {}
        for s in names:
            d = r.choice(DOMAINS) if r.random() < 0.6 else "real"
            self.symbols[s] = d
        self.reals = [s for s in names if self.symbols[s] != "bool"]
        self.bools = [s for s in names if self.symbols[s] == "bool"]
        if self.bools:
            self.features.add("bool")
        self.pinned = None
        show = self.statement()
        if self.bools and r.random() < 0.6:
            show = (r.choice(("and", "or", "implies", "iff")), ("bsym", r.choice(self.bools)), show)
        assume = [self.assumption() for _ in range(r.choice((0, 0, 1, 1, 2)))] if self.symbols else []
        if self.pinned:
            assume = [("rel", "==", ("sym", self.pinned[0]), N(self.pinned[1]))] + assume[:1]
        used = set()
        for t in (show, *assume):
            used |= _symbols(t)
        for d in self.defs:
            used |= set(d.symbols)
        symbols = {k: v for k, v in self.symbols.items() if k in used}
        hints = {s: sorted(self.consts | {-c for c in self.consts}) for s in symbols}
        claim = GenClaim(self.cid, symbols, assume, show, self.defs, frozenset(), hints)
        claim.features = features_of(claim)
        return claim


_PIECEWISE = ("abs", "floor", "heaviside", "min", "max")


def _has_piecewise(t) -> bool:
    if not isinstance(t, tuple) or not t:
        return False
    if not isinstance(t[0], str):
        return any(_has_piecewise(c) for c in t)
    if t[0] == "ite" or (t[0] == "fn" and t[1] in _PIECEWISE):
        return True
    return any(_has_piecewise(c) for c in t[1:])


def features_of(claim: GenClaim) -> frozenset[str]:
    """The language features a claim actually uses (for grouping and for the coverage table)."""
    out: set[str] = set()
    bodies = {d.name: d for d in claim.definitions}

    def walk(t) -> None:
        if not isinstance(t, tuple) or not t:
            return
        if not isinstance(t[0], str):
            for c in t:
                walk(c)
            return
        tag = t[0]
        if tag == "fn":
            out.add("minmax" if t[1] in ("min", "max") else t[1])
        elif tag in ("ite", "div", "const", "bsym"):
            out.add({"bsym": "bool"}.get(tag, tag))
        elif tag in ("and", "or", "not", "implies", "iff"):
            out.add("logic")
        elif tag == "pow":
            e = t[2]
            out.add("pow-symbolic" if e[0] != "num" else "pow-int" if e[1].denominator == 1 else "pow-rational")
        elif tag in ("diff", "limit"):
            out.add(tag + ("-piecewise" if _has_piecewise(t[1]) else ""))
        elif tag == "call":
            out.add("definition")
            body = bodies[t[1]].body
            if body[0] in ("diff", "limit"):
                out.add("capture")
            walk(body)
        for c in t[1:]:
            walk(c)

    for t in (claim.show, *claim.assume):
        walk(t)
    return frozenset(out)


def _mutate(s: tuple, rng: random.Random) -> tuple:
    if s[0] == "rel":
        flip = {"<": ">=", "<=": ">", ">": "<=", ">=": "<", "==": "!=", "!=": "=="}
        if rng.random() < 0.5:
            return ("rel", flip[s[1]], s[2], s[3])
        return ("rel", s[1], s[2], ("add", s[3], N(rng.choice((1, -1, Fraction(1, 2))))))
    return ("not", s)


def _symbols(t) -> set[str]:
    """Every symbol name in a node (or a sequence of nodes), bound ones included."""
    if not isinstance(t, tuple) or not t:
        return set()
    if not isinstance(t[0], str):
        return set().union(*(_symbols(c) for c in t))
    if t[0] in ("sym", "bsym"):
        return {t[1]}
    out: set[str] = set()
    if t[0] in ("diff", "limit"):
        out.add(t[2])
    for c in t[1:]:
        out |= _symbols(c)
    return out


def _mentions(t, name: str) -> bool:
    return name in _symbols(t)
