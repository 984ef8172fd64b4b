"""The z3 layer: decide "hypotheses => goal" soundly over the reals.

``check_implication`` searches for a model of ``hypotheses and not goal``.
``unsat`` is a proof; ``sat`` yields a *candidate* counterexample that the
caller must re-check on the claim as stated (the encoding over-approximates
transcendental functions, so a model can be spurious); ``unknown`` means the
budget ran out or the fragment is out of reach.

Soundness of the encoding
-------------------------
Polynomial and rational arithmetic is translated exactly (numbers are exact
fractions). ``exp`` and ``log`` applications become fresh real unknowns
(*atoms*) constrained only by lemmas that are true of the real functions:

- ``exp(u) > 0``, ``exp(u) >= 1 + u``, ``u < 1 => exp(u) * (1 - u) <= 1``,
  the sign of ``u`` decides ``exp(u)`` against 1, and ``exp`` is strictly
  increasing (for every pair of atoms); ``exp(log(v)) = v``;
- ``log(v) <= v - 1`` (strict when ``v != 1``), ``v * log(v) >= v - 1``, the
  sign lemmas against 1, and strict monotonicity;
- atoms whose argument is a closed term get rigorous rational bounds from
  the caller (computed with interval arithmetic by the numeric layer).

A real power ``b**a`` with a symbolic exponent is rewritten as
``exp(a * log(b))`` with the side condition ``b > 0``; ``b**(p/q)`` with a
numeral exponent becomes an exact algebraic unknown ``y >= 0, y**q = b**p``.
Every removed constant (``e``, ``pi``) is an atom with rational bounds. The
side conditions that make the stated terms well defined (denominators non
zero, logarithm arguments positive, ...) are returned so the caller can show
them.

Only this module imports z3. Each call builds its own ``z3.Context``; the
solver has a fixed seed and an ``rlimit`` budget.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Callable, Mapping, Sequence

import z3

from ..errors import UnsupportedConstruct
from ..model.claim import SymbolDecl, domain_condition, is_integral
from ..model.terms import (Add, And, Bool, Const, Diff, Func, Iff, Implies, Ite, Limit, Mul, Not, Num, Or,
                           Pow, Pred, Rel, Sym, Term, UFun, conj, free_symbols, num, to_text)

#: Rational exponents p/q with q above this are abstracted like symbolic ones: the exact algebraic
#: encoding y**q = b**p makes polynomials of degree q that nlsat cannot handle in practice.
MAX_ROOT_DEGREE = 12

#: Wall-clock limit of the quantifier-elimination tactics, which take no rlimit (unchanged from
#: the former timeout_ms // 2; a known non-deterministic budget, used only to derive conditions).
QE_TIMEOUT_MS = 5_000

BoundFn = Callable[[Term], "tuple[Fraction, Fraction] | None"]


@dataclass(frozen=True)
class SolverOptions:
    """Deterministic solver settings: the random seed and the resource budget."""

    seed: int = 0
    rlimit: int = 20_000_000
    refinement_rounds: int = 4
    #: Wall-clock backstop per solver call (ms): nlsat's root isolation can run long between
    #: rlimit ticks. Hitting it is reported as unknown, like an exhausted rlimit. It is set far
    #: above the time the rlimit takes even on a loaded machine, so that the deterministic rlimit
    #: always ends a call first (tests/robustness checks that no claim ever reaches it).
    timeout_ms: int = 60_000


@dataclass(frozen=True)
class Outcome:
    """What z3 answered and on what encoding.

    ``status`` is ``"unsat"``, ``"sat"`` or ``"unknown"``; ``model`` maps symbol
    names to exact fractions (``approximated`` lists the ones rounded from an
    algebraic number); ``lemmas`` and ``side_conditions`` are texts;
    ``abstracted`` names the atoms that replaced transcendental terms.
    """

    status: str
    model: dict[str, Fraction] = field(default_factory=dict)
    interpretation: dict[str, "Fraction | bool"] = field(default_factory=dict)
    approximated: tuple[str, ...] = ()
    reason_unknown: str = ""
    lemmas: tuple[str, ...] = ()
    side_conditions: tuple[str, ...] = ()
    abstracted: tuple[str, ...] = ()
    rlimit_used: int = 0
    seed: int = 0
    rlimit: int = 0
    version: str = ""

    @property
    def exact(self) -> bool:
        """True when no transcendental term was abstracted (a model is then genuine)."""
        return not self.abstracted


def z3_version() -> str:
    return z3.get_version_string()


def check_implication(hypotheses: Sequence[Term], goal: Term, decls: Sequence[SymbolDecl],
                      bound_of: BoundFn, options: SolverOptions = SolverOptions(),
                      extra_side_conditions: bool = True, refine: bool = True) -> Outcome:
    """Search for a model of ``hypotheses and domains and side conditions and not goal``.

    ``decls`` gives each symbol's domain; ``bound_of`` returns rigorous rational
    bounds for a closed transcendental atom (or None). Raises
    ``UnsupportedConstruct`` for terms without a z3 translation (limits and
    derivatives must be lowered by the caller first).
    """
    enc = _Encoder(decls, bound_of)
    hyps = [enc.boolean(h) for h in hypotheses]
    for d in decls:
        hyps.append(enc.boolean(domain_condition(d)))
    negated_goal = z3.Not(enc.boolean(goal))
    side = list(enc.side)
    lemmas = enc.lemmas()
    solver = z3.Solver(ctx=enc.ctx)
    solver.set("random_seed", options.seed)
    solver.set("rlimit", options.rlimit)
    solver.set("timeout", options.timeout_ms)
    solver.set("ctrl_c", False)  # Ctrl-C stops the run (the CLI prints the results so far), not this query
    solver.add(*hyps)
    if extra_side_conditions:
        solver.add(*[c for _, c in side])
    solver.add(*[l for _, l in lemmas])
    solver.add(negated_goal)
    answer = solver.check()
    refinements = 0
    for _ in range(options.refinement_rounds if refine else 0):
        if answer != z3.sat:
            break
        extra = enc.refinement_lemmas(solver.model())
        if not extra:
            break
        refinements += len(extra)
        lemmas.extend(extra)
        solver.add(*[l for _, l in extra])
        answer = solver.check()
    stats = solver.statistics()
    used = 0
    for k in stats.keys():
        if k == "rlimit count":
            used = int(stats.get_key_value(k))
    common = dict(lemmas=tuple(t for t, _ in lemmas), side_conditions=tuple(t for t, _ in side),
                  abstracted=tuple(sorted(enc.atom_texts)), rlimit_used=used, seed=options.seed,
                  rlimit=options.rlimit, version=z3_version())
    if answer == z3.unsat:
        return Outcome("unsat", **common)
    if answer == z3.sat:
        model, approximated = enc.read_model(solver.model())
        return Outcome("sat", model=model, approximated=approximated,
                       interpretation=enc.read_interpretation(solver.model()), **common)
    reason = solver.reason_unknown()
    if "max. resource limit" in reason or "resource" in reason or used >= options.rlimit:
        reason = f"rlimit {options.rlimit} exhausted"
    elif "timeout" in reason or "canceled" in reason:
        reason = f"wall-clock backstop of {options.timeout_ms} ms reached"
    return Outcome("unknown", reason_unknown=reason, **common)


def eliminate_quantifiers(hypotheses: Sequence[Term], goal: Term, decls: Sequence[SymbolDecl], keep: Sequence[str],
                          options: SolverOptions = SolverOptions()) -> Term | None:
    """A quantifier-free term over ``keep`` equivalent to ``forall others: hyps and domains => goal``.

    Uses z3's ``qe`` then ``qe2`` tactics (with ``simplify``). Only for claims in
    polynomial arithmetic (no transcendental atoms, no undefined symbols, no
    side conditions); returns None when z3 leaves a quantifier or the result
    has no term translation. The equivalence is z3's; callers re-prove the
    claim under the result.
    """
    enc = _Encoder(decls, lambda t: None)
    body = z3.Implies(z3.And(*[enc.boolean(h) for h in hypotheses],
                             *[enc.boolean(domain_condition(d)) for d in decls if d.name not in keep],
                             z3.BoolVal(True, enc.ctx)),
                      enc.boolean(goal))
    if enc.atom_texts or enc.side or enc.functions or enc.bools:
        return None
    names = {str(v): n for n, v in enc.symbols.items()}
    bound = [z3.Real(n, enc.ctx) for n in sorted(enc.symbols) if n not in keep]
    if any(is_integral(d) for d in decls if d.name in enc.symbols):
        return None
    formula = z3.ForAll(bound, body) if bound else body
    domains = [enc.boolean(domain_condition(d)) for d in decls if d.name in keep]
    for name in ("qe", "qe2"):
        goal_obj = z3.Goal(ctx=enc.ctx)
        goal_obj.add(formula, *domains)
        try:
            # QE tactics take no rlimit parameter; the wall-clock backstop bounds them.
            tactic = z3.Then(z3.TryFor(z3.Tactic(name, ctx=enc.ctx), QE_TIMEOUT_MS),
                             z3.Tactic("simplify", ctx=enc.ctx), ctx=enc.ctx)
            result = tactic(goal_obj)
        except z3.Z3Exception:
            continue
        forms = [f for sub in result for f in sub]
        if len(result) != 1 or any(_has_quantifier(f) for f in forms):
            continue
        out = [_from_z3(f, names) for f in forms]
        if any(t is None for t in out):
            continue
        return conj(out)  # type: ignore[arg-type]
    return None


def _has_quantifier(e: z3.ExprRef) -> bool:
    if z3.is_quantifier(e):
        return True
    return any(_has_quantifier(c) for c in e.children())


def _from_z3(e: z3.ExprRef, names: dict[str, str]) -> Term | None:
    """Translate a quantifier-free polynomial z3 formula back to a term (None outside that fragment)."""
    kids = [_from_z3(c, names) for c in e.children()] if z3.is_app(e) else []
    if any(k is None for k in kids):
        return None
    if z3.is_true(e) or z3.is_false(e):
        return Bool(z3.is_true(e))
    if z3.is_rational_value(e) or z3.is_int_value(e):
        f = _to_fraction(e)
        return Num(f) if f is not None else None
    if z3.is_const(e) and str(e) in names:
        return Sym(names[str(e)])
    if z3.is_and(e):
        return And(tuple(kids))  # type: ignore[arg-type]
    if z3.is_or(e):
        return Or(tuple(kids))  # type: ignore[arg-type]
    if z3.is_not(e):
        return Not(kids[0])  # type: ignore[arg-type]
    if z3.is_implies(e):
        return Implies(kids[0], kids[1])  # type: ignore[arg-type]
    if z3.is_eq(e):
        a, b = kids
        return Iff(a, b) if z3.is_bool(e.children()[0]) else Rel("==", a, b)  # type: ignore[arg-type]
    for test, op in ((z3.is_le, "<="), (z3.is_lt, "<"), (z3.is_ge, ">="), (z3.is_gt, ">")):
        if test(e):
            return Rel(op, kids[0], kids[1])  # type: ignore[arg-type]
    if z3.is_add(e):
        return Add(tuple(kids))  # type: ignore[arg-type]
    if z3.is_mul(e):
        return Mul(tuple(kids))  # type: ignore[arg-type]
    if z3.is_sub(e):
        return Add((kids[0], Mul((Num(Fraction(-1)), kids[1]))))  # type: ignore[arg-type]
    if z3.is_app_of(e, z3.Z3_OP_UMINUS):
        return Mul((Num(Fraction(-1)), kids[0]))  # type: ignore[arg-type]
    if z3.is_app_of(e, z3.Z3_OP_POWER) and isinstance(kids[1], Num) and kids[1].value.denominator == 1 \
            and kids[1].value >= 0:
        return Pow(kids[0], kids[1])  # type: ignore[arg-type]
    if z3.is_div(e) and isinstance(kids[1], Num) and kids[1].value != 0:
        return Mul((kids[0], Num(1 / kids[1].value)))  # type: ignore[arg-type]
    return None


def robust_countermodel(hypotheses: Sequence[Term], goal: Term, decls: Sequence[SymbolDecl],
                        options: SolverOptions = SolverOptions()) -> Outcome | None:
    """Search for numeric values at which the goal fails for *every* meaning of the undefined predicates.

    Solves ``hyps(x, U) and forall U': hyps(x, U') => not goal(x, U')`` where
    ``U`` are the undefined predicate applications read as independent truth
    values (more meanings than uninterpreted functions allow, so a model is a
    sound witness). Returns None when the claim has undefined functions or
    transcendental terms (outside this check's reach).
    """
    outer = _Encoder(decls, lambda t: None, bool_prefix="", fresh_prefix="o")
    inner = _Encoder(decls, lambda t: None, ctx=outer.ctx, bool_prefix="'", fresh_prefix="i")
    hyps = [outer.boolean(h) for h in hypotheses] + [outer.boolean(domain_condition(d)) for d in decls]
    hyps_inner = [inner.boolean(h) for h in hypotheses]
    goal_inner = inner.boolean(goal)
    if outer.atom_texts or inner.atom_texts or outer.functions or inner.functions or not inner.bools:
        return None
    body = z3.Implies(z3.And(*hyps_inner, z3.BoolVal(True, outer.ctx)), z3.Not(goal_inner))
    solver = z3.Solver(ctx=outer.ctx)
    solver.set("random_seed", options.seed)
    solver.set("rlimit", options.rlimit)
    solver.set("timeout", options.timeout_ms)
    solver.set("ctrl_c", False)  # Ctrl-C stops the run (the CLI prints the results so far), not this query
    solver.add(*hyps, *[c for _, c in outer.side], z3.ForAll(list(inner.bools.values()), body))
    answer = solver.check()
    common = dict(seed=options.seed, rlimit=options.rlimit, version=z3_version(),
                  side_conditions=tuple(t for t, _ in outer.side))
    if answer == z3.sat:
        model, approximated = outer.read_model(solver.model())
        return Outcome("sat", model=model, approximated=approximated,
                       interpretation=outer.read_interpretation(solver.model()), **common)
    if answer == z3.unsat:
        return Outcome("unsat", **common)
    return Outcome("unknown", reason_unknown=solver.reason_unknown(), **common)


class _Encoder:
    """Translate terms into one z3 context, collecting atoms and side conditions."""

    def __init__(self, decls: Sequence[SymbolDecl], bound_of: BoundFn, *, ctx: z3.Context | None = None,
                 bool_prefix: str | None = None, fresh_prefix: str = ""):
        self.ctx = ctx or z3.Context()
        self.bool_prefix = bool_prefix
        self.fresh_prefix = fresh_prefix
        self.bound_of = bound_of
        self.decls = {d.name: d for d in decls}
        self.symbols: dict[str, z3.ArithRef] = {}
        self.bools: dict[str, z3.BoolRef] = {}
        self.functions: dict[str, z3.FuncDeclRef] = {}
        self.side: list[tuple[str, z3.BoolRef]] = []
        self._side_seen: set[str] = set()
        self._guards: list[tuple[str, z3.BoolRef]] = []
        self.exp_atoms: list[tuple[Term, z3.ArithRef, z3.ArithRef]] = []  # (arg term, arg z3, atom)
        self.log_atoms: list[tuple[Term, z3.ArithRef, z3.ArithRef]] = []
        self.root_atoms: list[tuple[str, z3.ArithRef, Fraction]] = []
        self.const_atoms: list[tuple[str, z3.ArithRef]] = []
        self.atom_texts: set[str] = set()
        self._cache: dict[Term, z3.ExprRef] = {}
        self.applications: dict[str, z3.ExprRef] = {}
        self._root_defs: list[z3.BoolRef] = []
        self._taylor_added = False
        self._fresh = 0

    def fresh(self, prefix: str) -> z3.ArithRef:
        self._fresh += 1
        return z3.Real(f"{self.fresh_prefix}{prefix}!{self._fresh}", self.ctx)

    def val(self, v: Fraction) -> z3.ArithRef:
        return z3.RealVal(f"{v.numerator}/{v.denominator}", self.ctx)

    def symbol(self, name: str) -> z3.ArithRef:
        if name not in self.symbols:
            d = self.decls.get(name)
            if d is not None and is_integral(d):
                self.symbols[name] = z3.ToReal(z3.Int(name, self.ctx))  # type: ignore[assignment]
            else:
                self.symbols[name] = z3.Real(name, self.ctx)
        return self.symbols[name]

    def add_side(self, text: str, cond: z3.BoolRef) -> None:
        """Record a well-definedness condition, guarded by the enclosing ``ite`` branch conditions."""
        if self._guards:
            text = f"{' and '.join(g for g, _ in self._guards)} => {text}"
            cond = z3.Implies(z3.And(*[g for _, g in self._guards]), cond)
        if text not in self._side_seen:
            self._side_seen.add(text)
            self.side.append((text, cond))

    def guarded(self, cond_text: str, cond: z3.BoolRef, t: Term) -> z3.ArithRef:
        self._guards.append((cond_text, cond))
        try:
            return self._real(t)
        finally:
            self._guards.pop()

    def real(self, t: Term) -> z3.ArithRef:
        cached = self._cache.get(t)
        if cached is not None:
            return cached  # type: ignore[return-value]
        out = self._real(t)
        self._cache[t] = out
        return out

    def _real(self, t: Term) -> z3.ArithRef:
        match t:
            case Num(v):
                return self.val(v)
            case Sym(name):
                return self.symbol(name)
            case Const("e"):
                return self.exp_atom(num(1))
            case Const(name) if name == "pi":
                return self.const_atom(t)
            case Const(name):
                raise UnsupportedConstruct(f"constant {name!r} as a number")
            case Add(args):
                return z3.Sum([self.real(a) for a in args])
            case Mul(args):
                return z3.Product([self.real(a) for a in args])
            case Pow(b, e):
                return self.power(b, e)
            case Func("exp", (u,)):
                return self.exp_atom(u)
            case Func("log", (u,)):
                return self.log_atom(u)
            case Func("sqrt", (u,)):
                return self.power(u, num(Fraction(1, 2)))
            case Func("abs", (u,)):
                x = self.real(u)
                return z3.If(x >= 0, x, -x)
            case Func("min", (a, b)):
                x, y = self.real(a), self.real(b)
                return z3.If(x <= y, x, y)
            case Func("max", (a, b)):
                x, y = self.real(a), self.real(b)
                return z3.If(x >= y, x, y)
            case Func("heaviside", (u,)):
                return z3.If(self.real(u) > 0, self.val(Fraction(1)), self.val(Fraction(0)))
            case Func("floor", (u,)):
                return z3.ToReal(z3.ToInt(self.real(u)))
            case Ite(c, a, b):
                cond = self.boolean(c)
                return z3.If(cond, self.guarded(to_text(c), cond, a),
                             self.guarded(f"not ({to_text(c)})", z3.Not(cond), b))
            case UFun(name, args):
                return self.apply(name, args, z3.RealSort(self.ctx))  # type: ignore[return-value]
            case Diff() | Limit():
                raise UnsupportedConstruct(f"{type(t).__name__.lower()} must be computed symbolically first")
        raise UnsupportedConstruct(f"{to_text(t)} has no z3 translation")

    def apply(self, name: str, args: tuple[Term, ...], sort: z3.SortRef) -> z3.ExprRef:
        term = (Pred if sort == z3.BoolSort(self.ctx) else UFun)(name, args)
        out = self._apply(name, args, sort)
        self.applications[to_text(term)] = out
        return out

    def _apply(self, name: str, args: tuple[Term, ...], sort: z3.SortRef) -> z3.ExprRef:
        is_bool = sort == z3.BoolSort(self.ctx)
        if is_bool and self.bool_prefix is not None and all(isinstance(a, Sym) and a.name not in self.decls
                                                             for a in args):
            text = to_text(Pred(name, args))
            return self.bools.setdefault(text, z3.Bool(self.bool_prefix + text, self.ctx))
        if not args:
            if sort == z3.BoolSort(self.ctx):
                return self.bools.setdefault(name, z3.Bool(name, self.ctx))
            return self.functions.setdefault(name, z3.Const(name, sort))  # type: ignore[return-value]
        key = f"{name}/{len(args)}"
        zargs = []
        for a in args:
            if isinstance(a, Sym) and a.name not in self.decls:
                zargs.append(self.entity(a.name))
            else:
                zargs.append(self.real(a))
        if key not in self.functions:
            self.functions[key] = z3.Function(name, *[x.sort() for x in zargs], sort)
        return self.functions[key](*zargs)

    def entity(self, name: str) -> z3.ExprRef:
        sort = z3.DeclareSort("Entity", self.ctx)
        return z3.Const(name, sort)

    def power(self, base: Term, exponent: Term) -> z3.ArithRef:
        if isinstance(base, Const) and base.name == "e":
            return self.exp_atom(exponent)
        b = self.real(base)
        if isinstance(exponent, Num):
            q = exponent.value
            if q.denominator > MAX_ROOT_DEGREE:
                self.add_side(f"{to_text(base)} > 0", b > 0)
                return self.exp_atom(Mul((exponent, Func("log", (base,)))))
            if q.denominator == 1:
                n = int(q)
                if n >= 0:
                    return b ** n if n > 1 else (b if n == 1 else self.val(Fraction(1)))
                if not (isinstance(base, Num) and base.value != 0):
                    self.add_side(f"{to_text(base)} != 0", b != 0)
                return 1 / (b ** (-n) if n < -1 else b)
            return self.root(base, b, q)
        self.add_side(f"{to_text(base)} > 0", b > 0)
        return self.exp_atom(Mul((exponent, Func("log", (base,)))))

    def root(self, base: Term, b: z3.ArithRef, q: Fraction) -> z3.ArithRef:
        p, r = q.numerator, q.denominator
        y = self.fresh("root")
        text = f"{to_text(base)}**({p}/{r})"
        self.atom_texts.add(text)
        if p > 0:
            self.add_side(f"{to_text(base)} >= 0", b >= 0)
            self.root_atoms.append((text, y, q))
            self._root_defs.append(z3.And(y >= 0, y ** r == b ** p))
        else:
            self.add_side(f"{to_text(base)} > 0", b > 0)
            self._root_defs.append(z3.And(y > 0, y ** r * b ** (-p) == 1))
        return y

    def exp_atom(self, u: Term) -> z3.ArithRef:
        for arg, _, atom in self.exp_atoms:
            if arg == u:
                return atom
        x = self.real(u)
        atom = self.fresh("exp")
        self.exp_atoms.append((u, x, atom))
        self.atom_texts.add(f"exp({to_text(u)})")
        return atom

    def log_atom(self, v: Term) -> z3.ArithRef:
        for arg, _, atom in self.log_atoms:
            if arg == v:
                return atom
        x = self.real(v)
        self.add_side(f"{to_text(v)} > 0", x > 0)
        atom = self.fresh("log")
        self.log_atoms.append((v, x, atom))
        self.atom_texts.add(f"log({to_text(v)})")
        return atom

    def const_atom(self, t: Term) -> z3.ArithRef:
        name = to_text(t)
        for n, atom in self.const_atoms:
            if n == name:
                return atom
        atom = self.fresh(name)
        self.const_atoms.append((name, atom))
        self.atom_texts.add(name)
        return atom

    def boolean(self, t: Term) -> z3.BoolRef:
        match t:
            case Bool(v):
                return z3.BoolVal(v, self.ctx)
            case Rel(op, a, b):
                x, y = self.real(a), self.real(b)
                return {"<": x < y, "<=": x <= y, ">": x > y, ">=": x >= y, "==": x == y, "!=": x != y}[op]
            case And(args):
                return z3.And(*[self.boolean(a) for a in args])
            case Or(args):
                return z3.Or(*[self.boolean(a) for a in args])
            case Not(a):
                return z3.Not(self.boolean(a))
            case Implies(a, b):
                return z3.Implies(self.boolean(a), self.boolean(b))
            case Iff(a, b):
                return self.boolean(a) == self.boolean(b)
            case Pred(name, args):
                return self.apply(name, args, z3.BoolSort(self.ctx))  # type: ignore[return-value]
        raise UnsupportedConstruct(f"{to_text(t)} is not a statement z3 can encode")

    def lemmas(self) -> list[tuple[str, z3.BoolRef]]:
        """The true facts about every atom introduced so far, as (text, formula) pairs."""
        out: list[tuple[str, z3.BoolRef]] = []
        one, zero = self.val(Fraction(1)), self.val(Fraction(0))
        for d in self._root_defs:
            out.append(("root definition y**q = b**p, y >= 0", d))
        for arg, x, e in self.exp_atoms:
            a = to_text(arg)
            out.append((f"exp({a}) > 0", e > 0))
            out.append((f"exp({a}) >= 1 + {a}", e >= 1 + x))
            out.append((f"{a} < 1 => exp({a})*(1 - {a}) <= 1", z3.Implies(x < 1, e * (1 - x) <= 1)))
            out.append((f"sign of {a} decides exp({a}) vs 1",
                        z3.And(z3.Implies(x > 0, e > 1), z3.Implies(x < 0, e < 1), z3.Implies(x == 0, e == 1))))
            for larg, lx, l in self.log_atoms:
                out.append((f"exp is increasing and exp(log({to_text(larg)})) = {to_text(larg)}: exp({a}) vs "
                            f"{to_text(larg)}", z3.And(z3.Implies(x < l, e < lx), z3.Implies(x > l, e > lx),
                                                       z3.Implies(x == l, e == lx))))
            self.add_bounds(out, Func("exp", (arg,)), arg, e)
            for larg, lx, l in self.log_atoms:
                if isinstance(arg, Func) and arg.name == "log" and arg.args[0] == larg:
                    out.append((f"exp(log({to_text(larg)})) = {to_text(larg)}", e == lx))
        for arg, x, l in self.log_atoms:
            a = to_text(arg)
            out.append((f"log({a}) < {a} - 1 unless {a} = 1", z3.And(l <= x - 1, z3.Implies(x != 1, l < x - 1))))
            out.append((f"{a}*log({a}) >= {a} - 1", z3.Implies(x > 0, x * l >= x - 1)))
            out.append((f"sign of log({a}) vs {a} = 1",
                        z3.And(z3.Implies(x > 1, l > 0), z3.Implies(z3.And(x < 1, x > 0), l < 0),
                               z3.Implies(x == 1, l == 0))))
            self.add_bounds(out, Func("log", (arg,)), arg, l)
            for earg, ex, e in self.exp_atoms:
                if arg == Func("exp", (earg,)):
                    out.append((f"log(exp({to_text(earg)})) = {to_text(earg)}", l == ex))
        for name, atom in self.const_atoms:
            self.add_bounds(out, Const(name), None, atom)
        for atoms, what in ((self.exp_atoms, "exp"), (self.log_atoms, "log")):
            for i in range(len(atoms)):
                for j in range(i + 1, len(atoms)):
                    (ai, xi, ei), (aj, xj, ej) = atoms[i], atoms[j]
                    out.append((f"{what} is increasing: {what}({to_text(ai)}) vs {what}({to_text(aj)})",
                                z3.And(z3.Implies(xi < xj, ei < ej), z3.Implies(xj < xi, ej < ei),
                                       z3.Implies(xi == xj, ei == ej))))
        return out

    def taylor_lemmas(self, a: str, x: z3.ArithRef, e: z3.ArithRef) -> list[tuple[str, z3.BoolRef]]:
        """Polynomial Taylor bounds on exp (Lagrange remainders), added lazily: they slow nlsat down."""
        third = Fraction(1, 6)
        return [
            (f"exp({a}) >= 1 + {a} + {a}^2/2 + {a}^3/6 (Taylor, remainder >= 0)",
             e >= 1 + x + x * x / 2 + self.val(third) * x * x * x),
            (f"{a} <= 0 => exp({a}) <= 1 + {a} + {a}^2/2", z3.Implies(x <= 0, e <= 1 + x + x * x / 2)),
            (f"0 <= {a} <= 1 => exp({a}) <= 1 + {a} + {a}^2/2 + {a}^3/2",
             z3.Implies(z3.And(x >= 0, x <= 1), e <= 1 + x + x * x / 2 + x * x * x / 2)),
        ]

    def refinement_lemmas(self, model: z3.ModelRef) -> list[tuple[str, z3.BoolRef]]:
        """Tangent and secant lemmas at the model's point for each atom whose model value is wrong.

        ``exp`` is convex: above its tangents, below its chords; ``log`` is
        concave: below its tangents, above its chords. Tangent and chord values
        use rigorous rational bounds, so every lemma is true of the real function.
        """
        out: list[tuple[str, z3.BoolRef]] = []
        if not self._taylor_added:
            self._taylor_added = True
            for arg, x, e in self.exp_atoms:
                out.extend(self.taylor_lemmas(to_text(arg), x, e))
            if out:
                return out
        for name, atoms in (("exp", self.exp_atoms), ("log", self.log_atoms)):
            for arg, x, atom in atoms:
                u0 = _model_fraction(model, x)
                a0 = _model_fraction(model, atom)
                if u0 is None or a0 is None or abs(u0) > 60 or (name == "log" and u0 <= 0):
                    continue
                u0 = u0.limit_denominator(10**6) if u0.denominator > 10**6 else u0
                if name == "log" and u0 <= 0:
                    continue
                true = self.bound_of(Func(name, (Num(u0),)))
                if true is None:
                    continue
                lo, hi = true
                tol = Fraction(1, 10**12) * max(Fraction(1), abs(hi))
                if lo - tol <= a0 <= hi + tol and _model_fraction(model, x) == u0:
                    continue
                h = max(Fraction(1, 8), abs(u0) / 4)
                a, b = (u0 - h, u0 + h) if name == "exp" else (max(u0 - h, u0 / 2), u0 + h)
                ends = [self.bound_of(Func(name, (Num(a),))), self.bound_of(Func(name, (Num(b),)))]
                if None in ends:
                    continue
                (alo, ahi), (blo, bhi) = ends  # type: ignore[misc]
                span = self.val(b - a)
                if name == "exp":
                    out.append((f"exp above its tangent at {u0}", atom >= self.val(lo) * (1 + x - self.val(u0))))
                    out.append((f"exp below its chord on [{a}, {b}]", z3.Implies(
                        z3.And(x >= self.val(a), x <= self.val(b)),
                        atom * span <= self.val(ahi) * (self.val(b) - x) + self.val(bhi) * (x - self.val(a)))))
                else:
                    out.append((f"log below its tangent at {u0}", atom <= self.val(hi) + (x - self.val(u0)) / self.val(u0)))
                    out.append((f"log above its chord on [{a}, {b}]", z3.Implies(
                        z3.And(x >= self.val(a), x <= self.val(b)),
                        atom * span >= self.val(alo) * (self.val(b) - x) + self.val(blo) * (x - self.val(a)))))
        return out

    def add_bounds(self, out: list, atom_term: Term, arg: Term | None, atom: z3.ArithRef) -> None:
        if arg is not None and free_symbols(arg):
            return
        bounds = self.bound_of(atom_term)
        if bounds is None:
            return
        lo, hi = bounds
        out.append((f"{lo} <= {to_text(atom_term)} <= {hi} (interval arithmetic)",
                    z3.And(self.val(lo) <= atom, atom <= self.val(hi))))

    def read_model(self, model: z3.ModelRef) -> tuple[dict[str, Fraction], tuple[str, ...]]:
        values: dict[str, Fraction] = {}
        approximated: list[str] = []
        for name in sorted(self.symbols):
            v = model.eval(self.symbols[name], model_completion=True)
            frac = _to_fraction(v)
            if frac is None:
                frac = _to_fraction(v.approx(40)) if hasattr(v, "approx") else None
                approximated.append(name)
            if frac is not None:
                values[name] = frac
        return values, tuple(approximated)


    def read_interpretation(self, model: z3.ModelRef) -> dict[str, "Fraction | bool"]:
        """The model's value of every undefined predicate/function application, by its text."""
        out: dict[str, Fraction | bool] = {}
        for text, app in sorted(self.applications.items()):
            v = model.eval(app, model_completion=True)
            if z3.is_true(v) or z3.is_false(v):
                out[text] = z3.is_true(v)
            else:
                frac = _to_fraction(v)
                if frac is None and hasattr(v, "approx"):
                    frac = _to_fraction(v.approx(40))
                if frac is not None:
                    out[text] = frac
        return out


def _model_fraction(model: z3.ModelRef, x: z3.ExprRef) -> Fraction | None:
    v = model.eval(x, model_completion=True)
    frac = _to_fraction(v)
    if frac is None and hasattr(v, "approx"):
        frac = _to_fraction(v.approx(20))
    return frac


def _to_fraction(v: z3.ExprRef) -> Fraction | None:
    if z3.is_rational_value(v):
        return Fraction(v.numerator_as_long(), v.denominator_as_long())
    if z3.is_int_value(v):
        return Fraction(v.as_long())
    return None
