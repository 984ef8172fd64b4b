"""This engine next to cvc5 and z3 on the prover benchmark (benchmarks/problems.toml), in one run.

Run from the repository root (installed package or PYTHONPATH=.; z3-solver and, optionally, cvc5 installed):

    nice -n 5 python benchmarks/bench_provers.py                 # table per problem, then a summary per engine
    nice -n 5 python benchmarks/bench_provers.py --only mt.exp   # problems whose id contains the text

Every engine answers "holds", "fails" or "undecided" per problem. A correct answer is holds for a true problem
and fails for its false twin; undecided is not wrong; anything else is wrong. Limits (benchmarks/provers.md):

- this engine: ``CheckOptions(rlimit=R)`` (z3 resource limit R per query; its other budgets are its
  deterministic defaults);
- z3 alone: the same rlimit R on one query of the encoding below;
- cvc5: ``rlimit-per`` (deterministic) and ``tlimit-per`` (wall clock, a safety net: cvc5's resource units do
  not bound the time spent on its growing rationals).

The encoding given to cvc5 and z3 (the same for both, except exp): the query is assumptions, domains and the
negated statement. ``log(t)`` is a fresh L with t > 0 => exp(L) = t; ``b**(p/q)`` with q <= 4 a fresh r with
b > 0 => (r > 0 and r**q = b**p); other real powers exp(e*log(b)); abs/min/max as ite. cvc5 gets its own
transcendental ``exp``; z3 gets ``exp`` as an uninterpreted function with exp(t) > 0 at each occurrence. unsat
is "holds"; a model is "fails" only when the claim re-checks false at the model's values with intervals at 30
digits (the encoding over-approximates log and powers, as the engine's own z3 encoding does), else
"undecided" ("sat-unchecked" when the solver cannot give the model's values as numbers, counted undecided).

Each engine runs in its own worker process; a problem that outlasts ``--wall-limit`` seconds there is stopped
and counted undecided ("limit"). Times are the in-process wall time of the decide call inside the worker (each
worker warmed up once first, untimed).
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import sys
import time
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from problemset import Problem, load_problems  # noqa: E402

from formal_emergence.model.terms import (Add, And, Bool, Const, Func, Iff, Implies, Ite, Mul, Not, Num,  # noqa: E402
                                          Or, Pow, Rel, Sym, Term)
from formal_emergence.numeric.evaluate import confirm_counterexample  # noqa: E402

HOLDS, FAILS, UNDECIDED = "holds", "fails", "undecided"
#: A model whose values the solver cannot give as numbers (cvc5: a transcendental value): counted undecided.
UNCHECKED = "sat-unchecked"


class Unsupported(Exception):
    """A construct the solver encoding does not cover: the answer is undecided."""


# ---------------------------------------------------------------- solver back ends


class Z3Ops:
    name = "z3"

    def __init__(self, rlimit: int):
        import z3
        self.z3 = z3
        self.solver = z3.Solver()
        self.solver.set("rlimit", rlimit)
        self.exp_fn = z3.Function("exp", z3.RealSort(), z3.RealSort())
        self.side: list = []

    def var(self, name):
        return self.z3.Real(name)

    def num(self, v: Fraction):
        return self.z3.RealVal(f"{v.numerator}/{v.denominator}")

    def exp(self, a):
        out = self.exp_fn(a)
        self.side.append(out > 0)
        return out

    def ite(self, c, a, b):
        return self.z3.If(c, a, b)

    def conj(self, xs):
        return self.z3.And(*xs) if xs else self.z3.BoolVal(True)

    def disj(self, xs):
        return self.z3.Or(*xs) if xs else self.z3.BoolVal(False)

    def neg(self, a):
        return self.z3.Not(a)

    def implies(self, a, b):
        return self.z3.Implies(a, b)

    def boolean(self, v: bool):
        return self.z3.BoolVal(v)

    def check(self, formula) -> str:
        self.solver.add(formula, *self.side)
        r = self.solver.check()
        return "unsat" if r == self.z3.unsat else "sat" if r == self.z3.sat else "unknown"

    def value(self, v) -> Fraction | None:
        m = self.solver.model()
        x = m.eval(v, model_completion=True)
        if self.z3.is_rational_value(x):
            return Fraction(x.numerator_as_long(), x.denominator_as_long())
        if self.z3.is_algebraic_value(x):
            return Fraction(x.approx(40).as_decimal(40).rstrip("?"))
        return None


class Z3PowOps(Z3Ops):
    """z3 with its own real power: exp(t) = E**t for a constant E enclosing e, other real powers b**e native."""

    name = "z3-pow"

    def __init__(self, rlimit: int):
        super().__init__(rlimit)
        self.E = self.z3.Real("_e")
        self.side.extend([self.E > self.num(Fraction(2718281828, 10**9)), self.E < self.num(Fraction(2718281829, 10**9))])

    def exp(self, a):
        return self.E ** a

    def rpow(self, b, e):
        return b ** e


class _C:
    """A cvc5 term with Python's arithmetic and comparison operators (the base API has none)."""

    __slots__ = ("ops", "t")

    def __init__(self, ops: "Cvc5Ops", t):
        self.ops, self.t = ops, t

    def _lift(self, other):
        return other if isinstance(other, _C) else self.ops.num(Fraction(other))

    def _op(self, kind, other, swap=False):
        a, b = (self._lift(other), self) if swap else (self, self._lift(other))
        return _C(self.ops, self.ops.tm.mkTerm(kind, a.t, b.t))

    def __add__(self, o): return self._op(self.ops.K.ADD, o)
    def __radd__(self, o): return self._op(self.ops.K.ADD, o, True)
    def __sub__(self, o): return self._op(self.ops.K.SUB, o)
    def __rsub__(self, o): return self._op(self.ops.K.SUB, o, True)
    def __mul__(self, o): return self._op(self.ops.K.MULT, o)
    def __rmul__(self, o): return self._op(self.ops.K.MULT, o, True)
    def __truediv__(self, o): return self._op(self.ops.K.DIVISION, o)
    def __rtruediv__(self, o): return self._op(self.ops.K.DIVISION, o, True)
    def __neg__(self): return _C(self.ops, self.ops.tm.mkTerm(self.ops.K.NEG, self.t))
    def __lt__(self, o): return self._op(self.ops.K.LT, o)
    def __le__(self, o): return self._op(self.ops.K.LEQ, o)
    def __gt__(self, o): return self._op(self.ops.K.GT, o)
    def __ge__(self, o): return self._op(self.ops.K.GEQ, o)
    def __eq__(self, o): return self._op(self.ops.K.EQUAL, o)  # type: ignore[override]
    __hash__ = None  # type: ignore[assignment]


class Cvc5Ops:
    name = "cvc5"

    def __init__(self, rlimit: int, tlimit_ms: int):
        import cvc5
        from cvc5 import Kind
        self.K = Kind
        self.tm = cvc5.TermManager()
        self.solver = cvc5.Solver(self.tm)
        self.solver.setLogic("QF_NRAT")
        self.solver.setOption("produce-models", "true")
        self.solver.setOption("rlimit-per", str(rlimit))
        self.solver.setOption("tlimit-per", str(tlimit_ms))
        self.real = self.tm.getRealSort()
        self.vars: dict[str, object] = {}
        self.side: list = []

    def _t(self, kind, *args):
        return _C(self, self.tm.mkTerm(kind, *[a.t for a in args]))

    def var(self, name):
        if name not in self.vars:
            self.vars[name] = _C(self, self.tm.mkConst(self.real, name))
        return self.vars[name]

    def num(self, v: Fraction):
        return _C(self, self.tm.mkReal(v.numerator, v.denominator))

    def exp(self, a):
        return self._t(self.K.EXPONENTIAL, a)

    def ite(self, c, a, b):
        return self._t(self.K.ITE, c, a, b)

    def conj(self, xs):
        return self.boolean(True) if not xs else xs[0] if len(xs) == 1 else self._t(self.K.AND, *xs)

    def disj(self, xs):
        return self.boolean(False) if not xs else xs[0] if len(xs) == 1 else self._t(self.K.OR, *xs)

    def neg(self, a):
        return self._t(self.K.NOT, a)

    def implies(self, a, b):
        return self._t(self.K.IMPLIES, a, b)

    def boolean(self, v: bool):
        return _C(self, self.tm.mkBoolean(v))

    def check(self, formula) -> str:
        self.solver.assertFormula(formula.t)
        for s in self.side:
            self.solver.assertFormula(s.t)
        r = self.solver.checkSat()
        return "unsat" if r.isUnsat() else "sat" if r.isSat() else "unknown"

    def value(self, v) -> Fraction | None:
        try:
            x = self.solver.getValue(v.t).toPythonObj()
        except Exception:  # noqa: BLE001 - an algebraic or non-constant value: no point to re-check
            return None
        return x if isinstance(x, Fraction) else Fraction(x) if isinstance(x, int) else None


# ---------------------------------------------------------------- the shared encoding


class Encoder:
    """Translate project terms with the operations of one back end (arithmetic via Python operators)."""

    def __init__(self, ops):
        self.ops = ops
        self.memo: dict[Term, object] = {}
        self.fresh = 0

    def _new(self, what: str):
        self.fresh += 1
        return self.ops.var(f"_{what}{self.fresh}")

    def __call__(self, t: Term):
        if t not in self.memo:
            self.memo[t] = self._enc(t)
        return self.memo[t]

    def _log(self, a):
        L = self._new("log")
        self.ops.side.append(self.ops.implies(a > 0, self.ops.exp(L) == a))
        return L

    def _pow(self, b: Term, e: Term):
        B = self(b)
        if isinstance(e, Num) and e.value.denominator == 1:
            n = int(e.value)
            if abs(n) > 64:
                raise Unsupported("integer power above 64")
            out = self.ops.num(Fraction(1))
            for _ in range(abs(n)):
                out = out * B
            return out if n >= 0 else self.ops.num(Fraction(1)) / out
        if isinstance(e, Num) and e.value.denominator <= 4 and abs(e.value.numerator) <= 8:
            p, q = abs(e.value.numerator), e.value.denominator
            r = self._new("pow")
            rq, bp = r, B
            for _ in range(q - 1):
                rq = rq * r
            for _ in range(p - 1):
                bp = bp * B
            self.ops.side.append(self.ops.implies(B > 0, self.ops.conj([r > 0, rq == bp])))
            return r if e.value > 0 else self.ops.num(Fraction(1)) / r
        if hasattr(self.ops, "rpow"):
            return self.ops.rpow(B, self(e))
        return self.ops.exp(self(e) * self._log(B))

    def _enc(self, t: Term):
        ops = self.ops
        match t:
            case Num(v):
                return ops.num(v)
            case Const("e"):
                return ops.exp(ops.num(Fraction(1)))
            case Sym(name):
                return ops.var(name)
            case Add(args):
                out = self(args[0])
                for a in args[1:]:
                    out = out + self(a)
                return out
            case Mul(args):
                out = self(args[0])
                for a in args[1:]:
                    out = out * self(a)
                return out
            case Pow(b, e):
                return self._pow(b, e)
            case Func("exp", (a,)):
                return ops.exp(self(a))
            case Func("log", (a,)):
                return self._log(self(a))
            case Func("sqrt", (a,)):
                return self._pow(a, Num(Fraction(1, 2)))
            case Func("abs", (a,)):
                x = self(a)
                return ops.ite(x >= 0, x, -x)
            case Func("min", (a, b)):
                return ops.ite(self(a) <= self(b), self(a), self(b))
            case Func("max", (a, b)):
                return ops.ite(self(a) >= self(b), self(a), self(b))
            case Ite(c, a, b):
                return ops.ite(self(c), self(a), self(b))
            case Bool(v):
                return ops.boolean(v)
            case Rel(op, a, b):
                x, y = self(a), self(b)
                return {"<": lambda: x < y, "<=": lambda: x <= y, ">": lambda: x > y, ">=": lambda: x >= y,
                        "==": lambda: x == y, "!=": lambda: ops.neg(x == y)}[op]()
            case And(args):
                return ops.conj([self(a) for a in args])
            case Or(args):
                return ops.disj([self(a) for a in args])
            case Not(a):
                return ops.neg(self(a))
            case Implies(a, b):
                return ops.implies(self(a), self(b))
            case Iff(a, b):
                return self(a) == self(b)
        raise Unsupported(type(t).__name__)


def solve_with(p: Problem, ops) -> str:
    """One solver's answer on ``p``: unsat is holds; a model re-checked false on the claim is fails."""
    enc = Encoder(ops)
    try:
        query = ops.conj([enc(h) for h in p.hypotheses] + [ops.neg(enc(p.claim.show))])
    except Unsupported:
        return UNDECIDED
    r = ops.check(query)
    if r == "unsat":
        return HOLDS
    if r == "sat":
        values = {}
        for d in p.claim.symbols:
            v = ops.value(ops.var(d.name))
            if v is None:
                return UNCHECKED
            values[d.name] = v
        if confirm_counterexample(p.hypotheses, p.claim.show, values, 30).status == "confirmed":
            return FAILS
    return UNDECIDED


# ---------------------------------------------------------------- engines


def engine_runner(rlimit: int):
    from formal_emergence.engine.check import CheckOptions
    from formal_emergence.engine.run import check_one
    options = CheckOptions(rlimit=rlimit)

    def run(p: Problem) -> str:
        v = check_one(p.claim, options).verdict.value
        return v if v in (HOLDS, FAILS, UNDECIDED) else f"other:{v}"
    return run


def make_runner(name: str, args: argparse.Namespace):
    """The function that answers one problem for engine ``name``."""
    if name == "engine":
        return engine_runner(args.rlimit)
    if name == "z3":
        return lambda p: solve_with(p, Z3Ops(args.rlimit))
    if name == "z3-pow":
        return lambda p: solve_with(p, Z3PowOps(args.rlimit))
    return lambda p: solve_with(p, Cvc5Ops(args.cvc5_rlimit, args.cvc5_tlimit_ms))


def _worker(conn, name: str, args: argparse.Namespace) -> None:
    """Answer problem ids sent over ``conn`` with (answer, in-process seconds) until None arrives."""
    os.setsid()  # its own process group: stopping it also stops the engine's helper processes
    problems = {p.id: p for p in load_problems()}
    run = make_runner(name, args)
    run(problems[sorted(problems)[0]])  # warm-up, not timed
    conn.send("ready")
    while (pid := conn.recv()) is not None:
        t0 = time.perf_counter()
        answer = run(problems[pid])
        conn.send((answer, time.perf_counter() - t0))


class Guarded:
    """One engine in its own process, so that a problem that outlasts ``wall_limit`` seconds can be stopped
    (the answer is then undecided, marked "limit"); the process is restarted for the next problem."""

    def __init__(self, name: str, args: argparse.Namespace):
        self.name, self.args, self.proc = name, args, None

    def _start(self) -> None:
        import multiprocessing as mp
        ctx = mp.get_context("fork")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker, args=(child, self.name, self.args), daemon=True)
        self.proc.start()
        assert self.conn.recv() == "ready"

    def __call__(self, p: Problem) -> tuple[str, float]:
        if self.proc is None:
            self._start()
        self.conn.send(p.id)
        try:
            if self.conn.poll(self.args.wall_limit):
                return self.conn.recv()
        except EOFError:  # the worker died (an engine crash): undecided, and a fresh worker for the next one
            self.proc.join()
            self.proc = None
            return "crash", 0.0
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.join()
        self.proc = None
        return "limit", self.args.wall_limit

    def close(self) -> None:
        if self.proc is not None:
            self.conn.send(None)
            self.proc.join(5)


def engine_names(args: argparse.Namespace) -> list[str]:
    names = ["engine", "z3"] + (["z3-pow"] if args.z3_pow else [])
    try:
        import cvc5  # noqa: F401
        names.append("cvc5")
    except ImportError:
        print("cvc5 is not installed: skipped", file=sys.stderr)
    return names


def score(expected: str, answer: str) -> str:
    if answer in (UNDECIDED, UNCHECKED, "limit", "crash"):
        return "undecided"
    return "correct" if answer == expected else "wrong"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rlimit", type=int, default=5_000_000, help="z3 rlimit for this engine and for z3 alone")
    ap.add_argument("--cvc5-rlimit", type=int, default=20_000, help="cvc5 rlimit-per")
    ap.add_argument("--cvc5-tlimit-ms", type=int, default=500, help="cvc5 tlimit-per (wall-clock safety net)")
    ap.add_argument("--wall-limit", type=float, default=5.0,
                    help="seconds per problem and engine before the engine's process is stopped (answer: limit)")
    ap.add_argument("--z3-pow", action="store_true", help="also run z3 with its own real power for exp and powers")
    ap.add_argument("--engines", nargs="*", default=[], help="run only these engines (default: all)")
    ap.add_argument("--only", default="", help="run only problems whose id contains this text")
    args = ap.parse_args()
    problems = [p for p in load_problems() if args.only in p.id]
    runners = {name: Guarded(name, args) for name in engine_names(args) if not args.engines or name in args.engines}
    print(f"{len(problems)} problems; rlimit {args.rlimit} (engine, z3); cvc5 rlimit-per {args.cvc5_rlimit}, "
          f"tlimit-per {args.cvc5_tlimit_ms} ms; wall limit {args.wall_limit} s per problem and engine\n")
    rows = []
    for p in problems:
        row = {"id": p.id.removeprefix("bench."), "expected": p.expected}
        for name, run in runners.items():
            row[name] = run(p)
        rows.append(row)
        cells = "  ".join(f"{name} {row[name][0]:13} {1000 * row[name][1]:7.0f} ms" for name in runners)
        print(f"{row['id']:42} {p.expected:6}  {cells}", flush=True)
    print()
    summary = {}
    for name in runners:
        scores = [score(r["expected"], r[name][0]) for r in rows]
        times = [r[name][1] for r, s in zip(rows, scores) if s != "undecided"]
        med = statistics.median(times) * 1000 if times else float("nan")
        summary[name] = (scores.count("correct") + scores.count("wrong"), scores.count("wrong"),
                         scores.count("undecided"), med)
        d, w, u, m = summary[name]
        limits = sum(r[name][0] == "limit" for r in rows)
        print(f"{name:7} decided {d:3} / {len(rows)}  wrong {w:2}  undecided {u:3} (of which {limits} at the wall "
              f"limit)  median decide time {m:7.1f} ms")
        unchecked = [r for r in rows if r[name][0] == UNCHECKED]
        if unchecked:
            print(f"        {name}: a model without numeric values on {len(unchecked)} (counted undecided; "
                  f"{sum(r['expected'] == FAILS for r in unchecked)} of them false twins)")
        if any(r[name][0] == "crash" for r in rows):
            print(f"        {name} crashed on: " + ", ".join(r["id"] for r in rows if r[name][0] == "crash"))
    e = summary.get("engine")
    for name in runners:
        if e and name != "engine":
            d, _, _, m = summary[name]
            print(f"engine / {name}: decided {e[0] / d if d else float('inf'):.2f}x, median time {e[3] / m:.2f}x")
    for run in runners.values():
        run.close()
    missed = [r["id"] for r in rows if "engine" in r and score(r["expected"], r["engine"][0]) == "undecided"]
    print(f"\nengine undecided ({len(missed)}): " + ", ".join(missed))
    wrong = [r["id"] for r in rows for n in runners if score(r["expected"], r[n][0]) == "wrong"]
    if wrong:
        print("WRONG: " + ", ".join(sorted(set(wrong))))


if __name__ == "__main__":
    main()
