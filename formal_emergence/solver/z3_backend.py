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

A real power ``b**a`` with a symbolic exponent is ``exp(a * log(b))`` only
where ``b > 0`` follows from the hypotheses (``positive_bases``); elsewhere it
is encoded with its real meaning: ``0`` (``a > 0``) or ``1`` (``a = 0``) at
``b = 0``, and ``(-1)**a * exp(a*log(-b))`` at ``b < 0``. ``b**(p/q)`` with
a numeral exponent becomes an exact algebraic unknown with
``b >= 0 => y >= 0, y**q = b**p``. Lemmas about ``log(v)`` and root
definitions are guarded by their domain (``v > 0``, ``b >= 0``), so an atom is
unconstrained where its term is undefined. Every removed constant (``e``,
``pi``) is an atom with rational bounds. The side conditions that make the
stated terms well defined are the guarded obligations of
``model.definedness`` (an ``ite`` branch, the consequent of ``implies``, a
later operand of ``and``/``or`` carry their guards); they are returned so the
caller can show them.

Only this module imports z3. Each call builds its own ``z3.Context``; the
solver has a fixed seed and an ``rlimit`` budget.
"""

from __future__ import annotations

import contextlib
import contextvars
import math
import os
import signal
import threading
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Callable, Iterator, Mapping, Sequence

import z3

from ..errors import UnsupportedConstruct
from ..model.claim import SymbolDecl, domain_condition, is_integral
from ..model.definedness import obligations
from ..model.exact import exact_value
from ..model.terms import (Add, And, Bool, Const, Diff, Func, Iff, Implies, Ite, Limit, Mul, Not, Num, Or,
                           Pow, Pred, Rel, Sym, Term, UFun, children, conj, free_symbols, neg, num, to_text, walk)

#: Rational exponents p/q with q above this are abstracted like symbolic ones: the exact algebraic
#: encoding y**q = b**p makes polynomials of degree q that nlsat cannot handle in practice.
MAX_ROOT_DEGREE = 12

#: Integer powers ``b**n`` with ``n`` above this are not expanded into a polynomial of degree ``n`` (nlsat cannot
#: work with ``x**100000``): the power is an atom with its sign, its zeros and its size against ``|b| = 1``.
MAX_POLY_DEGREE = 64

#: A claim is *hard* for nlsat when its encoding has a monomial of at least this degree, or a nonlinear term in an
#: integer symbol: each rlimit unit then costs much more CPU (root isolation on high-degree polynomials, branching
#: on nonlinear integers), so each of its solver calls gets at most ``HARD_SHARE`` of the claim's z3 budget.
HARD_DEGREE = 7
HARD_SHARE = 8
#: A hard call first probes with nla's Groebner heuristic off, within 1/HARD_PROBE of the claim's budget
#: (``_implication``; 93,750 units of the default 6,000,000).
HARD_PROBE = 64

#: At most this many exp (or log) atoms get the cubic number of exp(a + b) / log(a*b) triple lemmas.
MAX_ALGEBRA_ATOMS = 6
#: At most this many rational constants of a claim get monotonicity lemmas against every exp and log atom.
MAX_CONSTANTS = 8

#: rlimit of each ``positive_bases`` proof (``b > 0`` from the domains and plain hypotheses). Its only bound: it had
#: a 2 s wall-clock limit too, whose outcome (under load) changed the encoding and so the verdict. The bundled
#: catalog's 166 such proofs use at most 8,741 units and 3 ms each.
POSITIVE_BASE_RLIMIT = 500_000

BoundFn = Callable[[Term], "tuple[Fraction, Fraction] | None"]

#: nlsat's levelwise projection (on by default in this z3) spends minutes between rlimit ticks on some
#: encodings with algebraic roots ``y**q = b**p`` (fuzz case c111: 20 s of CPU for 10,000 units), where the
#: classic projection answers in under a second; on others the classic one is the slow one (the catalog's
#: 000.emergence-point.method-1). So each call picks: classic exactly when its encoding defines roots or is
#: hard (``is_hard``: 6-budget/b09 took 10 s for 750,000 units with levelwise). z3 has this setting only
#: process-wide, so it is set under this lock, held for the whole solver call.
_NLSAT_LOCK = threading.Lock()
#: Held while z3's Python API runs without its argument checks (``_unchecked_api``).
_DEBUG_LOCK = threading.RLock()


def _new_lock_in_child() -> None:
    """A forked child (the z3 worker process) starts with the lock free: another thread of the parent may have
    held it at the fork, and that thread does not exist in the child (so with ``_DEBUG_LOCK``)."""
    global _NLSAT_LOCK, _DEBUG_LOCK
    _NLSAT_LOCK, _DEBUG_LOCK = threading.Lock(), threading.RLock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_new_lock_in_child)


@contextlib.contextmanager
def _projection(classic: bool, reorder: bool = True) -> Iterator[None]:
    """nlsat's process-wide settings for one solver call: the projection (``classic``) and its variable
    reordering (``reorder``, off for hard root encodings: see ``check_implication``)."""
    with _NLSAT_LOCK:
        z3.set_param("nlsat.lws", not classic)
        z3.set_param("nlsat.reorder", reorder)
        yield


class _Ledger:
    """The rlimit units left of a ``claim_budget`` (one claim's z3 work, all its solver calls together)."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.left = total
        self.calls = 0

    @property
    def used(self) -> int:
        return self.total - self.left


_ledger: contextvars.ContextVar[_Ledger | None] = contextvars.ContextVar("z3_claim_budget", default=None)


@contextlib.contextmanager
def claim_budget(total: int) -> Iterator[_Ledger | None]:
    """Bound the rlimit of every solver call inside the block by ``total`` units together (deterministic).

    Each call gets at most what is left; once it is spent a call answers ``unknown`` without solving.
    Inside an enclosing budget the enclosing ledger is used (nested claims share their caller's budget) and
    None is yielded; otherwise the new ledger, whose ``used`` and ``calls`` are the block's accounting.
    """
    if _ledger.get() is not None:
        yield None
        return
    ledger = _Ledger(total)
    token = _ledger.set(ledger)
    try:
        yield ledger
    finally:
        _ledger.reset(token)


def ledger_state() -> tuple[int, int, int] | None:
    """The enclosing ``claim_budget`` as data, ``(total, left, calls)``, to carry it into a worker process
    (``in_ledger``); None outside one."""
    ledger = _ledger.get()
    return None if ledger is None else (ledger.total, ledger.left, ledger.calls)


def set_ledger_state(state: tuple[int, int, int] | None) -> None:
    """Take over the accounting ``in_ledger`` returned (what the calls in the worker spent) in the enclosing
    ``claim_budget``."""
    ledger = _ledger.get()
    if ledger is not None and state is not None:
        ledger.left, ledger.calls = state[1], state[2]


def in_ledger(state: tuple[int, int, int] | None, fn: Callable, args: tuple, kwargs: dict) -> tuple:
    """Run ``fn(*args, **kwargs)`` (a function of this module) inside a ``claim_budget`` restored from ``state``
    (``ledger_state`` of the calling process); return ``(kind, value, state after)``: ``kind`` is ``"ok"`` with
    the result, ``"unsupported"`` with the message of the ``UnsupportedConstruct`` it raised, or ``"error"`` with
    the name and message of any other exception, so the caller charges what was spent in every case. Made to run
    in a worker process (``engine.budget.z3_call``)."""
    ledger = None
    if state is not None:
        ledger = _Ledger(state[0])
        ledger.left, ledger.calls = state[1], state[2]
    token = _ledger.set(ledger)
    try:
        try:
            with _unchecked_api():
                out: tuple = ("ok", fn(*args, **kwargs))
        except UnsupportedConstruct as exc:
            out = ("unsupported", str(exc))
        except Exception as exc:  # noqa: BLE001 - e.g. a Z3Exception: reported with the ledger, not without it
            out = ("error", f"{type(exc).__name__}: {str(exc)[:300]}")
    finally:
        _ledger.reset(token)
    return (*out, None if ledger is None else (ledger.total, ledger.left, ledger.calls))


@contextlib.contextmanager
def _unchecked_api() -> Iterator[None]:
    """z3's Python API without its own argument checks (``z3.z3.Z3_DEBUG``, on whenever Python runs without ``-O``)
    for the block, restored after it. Those checks (``_z3_assert``: sorts, contexts, argument kinds) run on every
    term the encoder builds, about a tenth of the z3 worker's CPU on the bundled catalog; they only turn a misuse of
    the API into a ``Z3Exception`` message earlier, while z3's C library still checks sorts and reports errors
    (``Z3Exception`` too). The terms built, the solver calls and their answers are the same (the catalog's 1,003 z3
    calls replayed both ways: benchmarks/runs.md, session 11). The setting is process-wide, like nlsat's, so the
    block holds ``_DEBUG_LOCK`` (reentrant) and other threads' blocks wait. Nothing here depends on time."""
    with _DEBUG_LOCK:
        before = z3.z3.Z3_DEBUG
        z3.z3.Z3_DEBUG = False
        try:
            yield
        finally:
            z3.z3.Z3_DEBUG = before


def stopped(rlimit: int, reason: str, seed: int = 0) -> Outcome:
    """The outcome of a call stopped from outside (``engine.budget.z3_call``: its CPU-time backstop): ``unknown``
    with ``reason``. What it spent is not known, so the enclosing ``claim_budget`` is charged all that is left of
    it (later calls of the claim are not run): the accounting does not depend on when the call was stopped."""
    ledger = _ledger.get()
    _charge(ledger.left if ledger is not None else 0)
    return Outcome("unknown", reason_unknown=reason, seed=seed, rlimit=rlimit, version=z3_version())


def _allowance(rlimit: int, hard: bool) -> tuple[int, str]:
    """The rlimit of one call asking for ``rlimit`` (and the budget that bounds it, for the reason)."""
    ledger = _ledger.get()
    total = ledger.total if ledger is not None else rlimit
    out, what = rlimit, f"the z3 budget of {rlimit} rlimit units of one call (--rlimit)"
    if ledger is not None and ledger.left <= out:
        out, what = ledger.left, f"the claim's z3 budget of {ledger.total} rlimit units (--rlimit)"
    if hard and total // HARD_SHARE < out:
        out, what = total // HARD_SHARE, (f"a hard call's share, 1/{HARD_SHARE}, of the claim's z3 budget of {total} "
                                          f"units; the encoding has degree >= {HARD_DEGREE} or nonlinear integer terms")
    return max(out, 0), what


def _charge(used: int) -> None:
    ledger = _ledger.get()
    if ledger is not None:
        ledger.left -= min(used, ledger.left)
        ledger.calls += 1


def degree(t: Term) -> int:
    """The polynomial degree of ``t`` with exp/log/root atoms counted as variables (saturates at 10**6)."""
    match t:
        case Num():
            return 0
        case Add(args):
            return max((degree(a) for a in args), default=0)
        case Mul(args):
            return min(sum(degree(a) for a in args), 10**6)
        case Pow(b, Num(v)):
            d = degree(b)
            if d == 0 or (v.denominator == 1 and abs(v) > MAX_POLY_DEGREE) or v.denominator > MAX_ROOT_DEGREE:
                return min(d, 1)  # a number, or an atom
            return max(v.denominator if v.denominator > 1 else 0, d * abs(v.numerator))
        case Rel() | And() | Or() | Not() | Implies() | Iff() | Ite():
            return max((degree(c) for c in children(t)), default=0)
        case Func("abs" | "min" | "max", args):
            return max(degree(a) for a in args)
    return 1


def is_hard(terms: Sequence[Term], decls: Sequence[SymbolDecl]) -> bool:
    """True when nlsat's work per rlimit unit is high: degree ``>= HARD_DEGREE`` or a nonlinear integer term."""
    integral = {d.name for d in decls if is_integral(d)}
    for t in terms:
        if degree(t) >= HARD_DEGREE:
            return True
        for node in walk(t):
            if isinstance(node, (Mul, Pow)) and degree(node) >= 2 and free_symbols(node) & integral:
                return True
    return False


@dataclass(frozen=True)
class SolverOptions:
    """Deterministic solver settings: the random seed and the resource budget."""

    seed: int = 0
    rlimit: int = 20_000_000
    refinement_rounds: int = 4
    #: Wall-clock backstop per solver call (ms): nlsat's root isolation can run long between
    #: rlimit ticks. Hitting it is reported as unknown, like an exhausted rlimit. It is set far
    #: above the time the rlimit takes even on a loaded machine, so that the deterministic rlimit
    #: always ends a call first (tests/robustness checks that no claim ever reaches it). The catalog's
    #: largest single call (000.steepness.quantile, about 7.5 s of CPU) reached a 60 s backstop at load 15.
    timeout_ms: int = 300_000


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


def new_solver(ctx: z3.Context, options: SolverOptions, rlimit: int, *, roots: bool, hard: bool) -> z3.Solver:
    """A solver with the deterministic settings every query of the engine uses: ``options.seed``, the given
    ``rlimit``, the wall-clock backstop ``options.timeout_ms`` (which no claim reaches) and Ctrl-C left to the CLI
    (``run_check``). No query has a shorter time limit: an outcome decided by the clock would change under load.

    ``roots``: the encoding defines algebraic roots ``y**q = b**p``; ``hard``: ``is_hard``. For a root encoding
    that is not hard, nla's LP bound optimization (``arith.nl.optimize_bounds``) is off: it tightens the bounds of the power monomial ``y**q`` by exact rational
    q-th roots of LP optima with long numerators and denominators, and that big-integer work counts no rlimit
    units (fuzz case c450, 6-budget/b15: 40 s of CPU in ``mpq root`` for 13,000 units; milliseconds without it).
    It stays on elsewhere: with it off everywhere, the catalog's 000.steepness.quantile reached the wall-clock
    backstop (269 s of CPU in one call), and with it off for the hard root encoding of fuzz case c216
    (``(x**x * 10**(1/3))**(2/3)``, x an integer) nlsat's resultants ran past 100 s where they take 5 s with it.
    z3 is sound either way (the setting only removes a propagation).
    """
    solver = z3.Solver(ctx=ctx)
    solver.set("random_seed", options.seed)
    solver.set("rlimit", rlimit)
    solver.set("timeout", options.timeout_ms)
    solver.set("ctrl_c", False)  # Ctrl-C stops the run (the CLI prints the results so far), not this query: run_check
    if roots and not hard:
        solver.set("arith.nl.optimize_bounds", False)
    return solver


def run_check(solver: z3.Solver) -> z3.CheckSatResult:
    """``solver.check()``, stopped by Ctrl-C without waiting for the rlimit.

    Every solver has ``ctrl_c`` off: z3's own handler would turn Ctrl-C into an ``unknown`` answer (a verdict
    the run would go on to report). And a Python ``KeyboardInterrupt`` is raised only between bytecodes, so
    on its own it would wait until z3 returns. So on the main thread the check runs in a helper thread
    (ctypes releases the GIL), the main thread waits, and on Ctrl-C it cancels the query through its context
    (``Z3_interrupt``), waits for z3 to stop, and re-raises ``KeyboardInterrupt``: the cancelled answer is never
    read. The helper thread blocks SIGINT so the signal reaches the waiting main thread. Nothing here depends on
    time; answers are the same as a plain ``check()``.

    Where Ctrl-C cannot raise ``KeyboardInterrupt`` (off the main thread, or with SIGINT ignored, as in the z3
    worker process, whose parent handles Ctrl-C by stopping it) the check runs directly: a helper thread per check
    cost the z3 worker about 5% of its CPU on the bundled catalog (thread start and join, about 1,100 checks).
    """
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        return solver.check()  # Python delivers signals to the main thread only, and none is delivered if ignored
    box: dict[str, object] = {}

    def run() -> None:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            box["answer"] = solver.check()
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread
            box["error"] = exc

    helper = threading.Thread(target=run, name="z3-check", daemon=True)
    helper.start()
    try:
        helper.join()
    except KeyboardInterrupt:
        solver.ctx.interrupt()
        helper.join()
        raise
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["answer"]  # type: ignore[return-value]


def z3_version() -> str:
    return z3.get_version_string()


def check_implication(hypotheses: Sequence[Term], goal: Term, decls: Sequence[SymbolDecl],
                      bound_of: BoundFn, options: SolverOptions = SolverOptions(),
                      extra_side_conditions: bool = True, refine: bool = True,
                      goal_side_conditions: bool = True) -> Outcome:
    """Search for a model of ``hypotheses and domains and side conditions and not goal``.

    ``decls`` gives each symbol's domain; ``bound_of`` returns rigorous rational
    bounds for a closed transcendental atom (or None). The side conditions are
    the guarded definedness obligations (``model.definedness``) of the
    hypotheses and, unless ``goal_side_conditions`` is False, of the goal.
    Raises ``UnsupportedConstruct`` for terms without a z3 translation (limits
    and derivatives must be lowered by the caller first).
    """
    positive = positive_bases(hypotheses, goal, decls, options)
    if is_hard([*hypotheses, goal], decls):
        probe = _implication(hypotheses, goal, decls, bound_of, options, positive, extra_side_conditions, refine,
                             goal_side_conditions, probe=True)
        if probe.status != "unknown":
            return probe
    return _implication(hypotheses, goal, decls, bound_of, options, positive, extra_side_conditions, refine,
                        goal_side_conditions)


def _implication(hypotheses: Sequence[Term], goal: Term, decls: Sequence[SymbolDecl], bound_of: BoundFn,
                 options: SolverOptions, positive: frozenset[Term], extra_side_conditions: bool, refine: bool,
                 goal_side_conditions: bool, probe: bool = False) -> Outcome:
    """One solver call of ``check_implication`` on a fresh encoding (its own context). ``probe``: the probe of a
    hard call, with nla's Groebner basis heuristic off (``arith.nl.grobner``) and at most ``1/HARD_PROBE`` of the
    claim's budget. On nonlinear integer terms that heuristic can spend minutes between rlimit ticks (fuzz case
    c1444, 6-budget/b20: ``x*x*x**(-1)`` with x an integer, 20 s of CPU without a unit; 3,034 units and milliseconds
    without it). When the probe does not decide, the call runs as always on a fresh encoding (what the probe did in
    its context would change the search) with what is left of its allowance; the probe's units are charged too.
    The setting only removes a heuristic, so answers stay sound; on the bundled catalog's 23 hard calls the probe
    decides 21 with the same answers and models as the full call, and the other 2 need the heuristic."""
    enc = _Encoder(decls, bound_of, positive=positive, split=_floor_split([*hypotheses, goal], decls))
    enc.constants = claim_constants([*hypotheses, goal])
    enc.square_roots = _has_square_roots([*hypotheses, goal])
    hyps = [enc.boolean(h) for h in hypotheses]
    for d in decls:
        hyps.append(enc.boolean(domain_condition(d)))
    negated_goal = z3.Not(enc.boolean(goal))
    hyps.extend(enc.split_bounds)
    side = enc.side_conditions(hypotheses)
    if goal_side_conditions:
        side += [s for s in enc.side_conditions([goal]) if s[0] not in {t for t, _ in side}]
    lemmas = enc.lemmas()
    hard = is_hard([*hypotheses, goal], decls)
    rlimit, bounded_by = _allowance(options.rlimit, hard)
    if probe and rlimit > 0:
        ledger = _ledger.get()
        rlimit = max(1, min(rlimit, (ledger.total if ledger is not None else options.rlimit) // HARD_PROBE))
    if rlimit <= 0:
        return Outcome("unknown", reason_unknown=f"not run: {bounded_by} is spent", seed=options.seed, rlimit=0,
                       side_conditions=tuple(t for t, _ in side), abstracted=tuple(sorted(enc.atom_texts)),
                       version=z3_version())
    solver = new_solver(enc.ctx, options, rlimit, roots=bool(enc.root_defs), hard=hard)
    if probe:
        solver.set("arith.nl.grobner", False)
    solver.add(*hyps)
    if extra_side_conditions:
        solver.add(*[c for _, c in side])
    solver.add(*[l for _, l in lemmas])
    solver.add(negated_goal)
    # nlsat reorders its variables by default; on a hard encoding with a root of an integer symbol (x an integer
    # in (x**(3/2))**x, fuzz case c3611, 6-budget/b19) the reordered search isolated roots of resultants with
    # growing coefficients for minutes without an rlimit tick. In creation order it reaches the rlimit in a
    # second. Not for every hard root encoding: fuzz case c806 (6-budget/b17, roots of a real y, x an integer
    # exponent) takes 22 s for its 750,000 units in creation order and 1 s reordered. Like the projection, the
    # setting only changes the search, never an answer's soundness.
    integer_root = hard and bool(enc.root_defs) and _has_integer_root([*hypotheses, goal], decls)
    with _projection(classic=hard or bool(enc.root_defs), reorder=not integer_root):
        answer = run_check(solver)
        # One model per answer, fetched where the code fetched it before (z3 converts it again on every call, and a
        # fetch before the rlimit count below counts a few units): the refinement round's, else one after the count.
        model = None
        refinements = 0
        for _ in range(options.refinement_rounds if refine else 0):
            if answer != z3.sat:
                break
            model = solver.model()
            extra = enc.refinement_lemmas(model)
            if not extra:
                break
            left = rlimit - _rlimit_count(solver)
            if left <= 0:
                answer = z3.unknown
                break
            refinements += len(extra)
            lemmas.extend(extra)
            solver.add(*[l for _, l in extra])
            # z3 counts a solver's rlimit per check (from the units used so far), so each refinement round
            # gets only what is left of the call's allowance: all its checks together stay within ``rlimit``.
            solver.set("rlimit", left)
            answer = run_check(solver)
            model = None
    used = _rlimit_count(solver)
    _charge(used)
    common = dict(lemmas=tuple(t for t, _ in lemmas), side_conditions=tuple(t for t, _ in side),
                  abstracted=tuple(sorted(enc.atom_texts)), rlimit_used=used, seed=options.seed,
                  rlimit=rlimit, version=z3_version())
    if answer == z3.unsat:
        return Outcome("unsat", **common)
    if answer == z3.sat:
        model = solver.model() if model is None else model
        values, approximated = enc.read_model(model)
        return Outcome("sat", model=values, approximated=approximated,
                       interpretation=enc.read_interpretation(model), **common)
    return Outcome("unknown", reason_unknown=_unknown_reason(solver, used, rlimit, bounded_by, options), **common)


def _floor_split(terms: Sequence[Term], decls: Sequence[SymbolDecl]) -> frozenset[str]:
    """The real symbols to encode as integer part plus fraction: those under a ``floor`` of a linear claim.

    With x = n + f (n an integer, 0 <= f < 1) z3 proves Hermite's floor(2x) == floor(x) + floor(x + 1/2) in
    about 2,000 rlimit units; with x a real under to_int it branches past 6,000,000 (adversarial review 9 F2).
    Every real has exactly one such split, so the encoding is equisatisfiable and a model gives x = n + f.
    Only for linear claims: integer parts inside nonlinear terms would take the call out of nlsat's reach.
    """
    integral = {d.name for d in decls if is_integral(d)}
    names = {n for t in terms for node in walk(t) if isinstance(node, Func) and node.name == "floor"
             for n in free_symbols(node)} - integral
    if not names or any(degree(t) > 1 for t in terms):
        return frozenset()
    if any((isinstance(node, Pow) and _rational(node) is None) or isinstance(node, (UFun, Diff, Limit))
           or (isinstance(node, Func) and node.name in ("exp", "log", "sqrt")) for t in terms for node in walk(t)):
        return frozenset()
    return frozenset(names)


def _rational(t: Term) -> Fraction | None:
    """The value of a number or an integer power of a nonzero number (``3**-1`` from ``x/3``); None otherwise."""
    match t:
        case Num(v):
            return v
        case Pow(Num(a), Num(n)) if n.denominator == 1 and (a or n >= 0) and abs(n) <= MAX_POLY_DEGREE:
            return a ** int(n)
    return None


def _affine(t: Term) -> tuple[Fraction, list[tuple[Term, Fraction]]] | None:
    """``t`` as ``c + sum(a_i * atom_i)`` with rational ``c``, ``a_i`` (atoms: symbols and ``floor`` terms, each once,
    in order of first appearance); None when ``t`` is not affine in such atoms."""
    const = Fraction(0)
    coeffs: dict[Term, Fraction] = {}

    def add(u: Term, k: Fraction) -> bool:
        nonlocal const
        match u:
            case Num(v):
                const += k * v
                return True
            case Sym() | Func("floor", _):
                coeffs[u] = coeffs.get(u, Fraction(0)) + k
                return True
            case Add(args):
                return all(add(a, k) for a in args)
            case Pow(Num(), Num()) if _rational(u) is not None:
                const += k * _rational(u)
                return True
            case Mul(args):
                numbers = [_rational(a) for a in args]
                rest = [a for a, v in zip(args, numbers) if v is None]
                if len(rest) > 1:
                    return False
                for v in numbers:
                    if v is not None:
                        k *= v
                return add(rest[0], k) if rest else add(Num(k), Fraction(1))
        return False

    if not add(t, Fraction(1)):
        return None
    return const, [(a, k) for a, k in coeffs.items() if k != 0]


def _unknown_reason(solver: z3.Solver, used: int, rlimit: int, bounded_by: str, options: SolverOptions) -> str:
    """Why a check answered unknown, naming the budget that ran out (docs/budgets.md)."""
    reason = solver.reason_unknown()
    if "max. resource limit" in reason or "resource" in reason or used >= rlimit:
        return f"rlimit {rlimit} exhausted: {bounded_by}"
    if "timeout" in reason or "canceled" in reason:
        return f"wall-clock backstop of {options.timeout_ms} ms reached"
    return reason


def _rlimit_count(solver: z3.Solver) -> int:
    stats = solver.statistics()
    return next((int(stats.get_key_value(k)) for k in stats.keys() if k == "rlimit count"), 0)


def claim_constants(terms: Sequence[Term]) -> tuple[Fraction, ...]:
    """The rational numbers of ``terms`` and their negatives (``|c| <= 60``, at most ``MAX_CONSTANTS`` of the
    simplest, sorted), the points where exp and log atoms get monotonicity lemmas."""
    found: set[Fraction] = set()
    for t in terms:
        for node in walk(t):
            if isinstance(node, Num) and node.value != 0 and abs(node.value) <= 60 and node.value.denominator < 10**6:
                found.update((node.value, -node.value))
    return tuple(sorted(sorted(found, key=lambda v: (v.denominator, abs(v), v))[:MAX_CONSTANTS]))


def _has_integer_root(terms: Sequence[Term], decls: Sequence[SymbolDecl]) -> bool:
    """True when a power with an exact root exponent ``p/q`` (``1 < q <= MAX_ROOT_DEGREE``) has an integer symbol
    in its base."""
    integral = {d.name for d in decls if is_integral(d)}
    return any(isinstance(n, Pow) and isinstance(n.exp, Num) and 1 < n.exp.value.denominator <= MAX_ROOT_DEGREE
               and free_symbols(n.base) & integral for t in terms for n in walk(t))


def _has_square_roots(terms: Sequence[Term]) -> bool:
    """True when the claim takes square roots: ``sqrt``, a power with exponent ``k/2``, or an equation with a square
    side (``y**2 == t``); only then do log atoms get the lemma through their square root."""
    for t in terms:
        for node in walk(t):
            if isinstance(node, Func) and node.name == "sqrt":
                return True
            if isinstance(node, Pow) and isinstance(node.exp, Num) and node.exp.value.denominator == 2:
                return True
            if isinstance(node, Rel) and node.op == "==" and any(
                    isinstance(side, Pow) and side.exp == Num(Fraction(2)) for side in (node.lhs, node.rhs)):
                return True
    return False


def _real_powers(t: Term) -> list[Term]:
    """Bases of the powers in ``t`` that are encoded through ``exp(a*log(b))`` (symbolic or high-root exponents)."""
    out = []
    for node in walk(t):
        if isinstance(node, Pow) and not (isinstance(node.base, Const) and node.base.name == "e"):
            e = node.exp
            if not isinstance(e, Num) or e.value.denominator > MAX_ROOT_DEGREE:
                if node.base not in out:
                    out.append(node.base)
    return out


def positive_bases(hypotheses: Sequence[Term], goal: Term, decls: Sequence[SymbolDecl],
                   options: SolverOptions = SolverOptions()) -> frozenset[Term]:
    """The bases of real powers in the claim that are positive wherever the hypotheses hold.

    Only those powers may be encoded as ``exp(a*log(b))`` alone; the others get
    their full real meaning (``0`` at a zero base, a sign at a negative base
    with an integer exponent). Proved by z3 from the domains and the
    hypotheses that contain no such power (so the proof is not circular).
    """
    bases: list[Term] = []
    for t in (*hypotheses, goal):
        bases.extend(b for b in _real_powers(t) if b not in bases)
    if not bases:
        return frozenset()
    plain = [h for h in hypotheses if not _real_powers(h)]
    out = set()
    for b in bases:
        if isinstance(b, Num):
            if b.value > 0:
                out.add(b)
            continue
        enc = _Encoder(decls, lambda t: None)
        try:
            hard = is_hard([*plain, b], decls)
            rlimit, _ = _allowance(min(options.rlimit, POSITIVE_BASE_RLIMIT), hard)
            if rlimit <= 0:
                break
            query = [*[enc.boolean(h) for h in plain], *[enc.boolean(domain_condition(d)) for d in decls],
                     *[c for _, c in enc.side_conditions(plain)], *[l for _, l in enc.lemmas()], z3.Not(enc.real(b) > 0)]
            solver = new_solver(enc.ctx, options, rlimit, roots=bool(enc.root_defs), hard=hard)
            solver.add(*query)
            with _projection(classic=bool(enc.root_defs)):
                answer = run_check(solver)
            _charge(_rlimit_count(solver))
            if answer == z3.unsat:
                out.add(b)
        except UnsupportedConstruct:
            continue
    return frozenset(out)


def eliminate_quantifiers(hypotheses: Sequence[Term], goal: Term, decls: Sequence[SymbolDecl], keep: Sequence[str],
                          options: SolverOptions = SolverOptions()) -> Term | None:
    """A quantifier-free term over ``keep`` equivalent to ``forall others: hyps and domains => goal``.

    Uses z3's ``qe`` then ``qe2`` tactics (with ``simplify``), which no rlimit bounds: run it under a CPU-time
    limit in a worker process (``engine.conditions``). Only for claims in
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
    if enc.atom_texts or enc.side_conditions([*hypotheses, goal]) or enc.functions or enc.bools:
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
            # No rlimit or time limit here: the tactics take no rlimit parameter, and a context's rlimit does not
            # stop qe2 (its nlsat projection computes resultants for minutes without an rlimit tick; the test
            # tests/unit/test_deterministic_budgets.py shows it). The caller bounds this function by CPU time instead, in the
            # worker process (engine/conditions.py). qe2 uses nlsat, whose projection is process-wide state: set
            # here as for a solver call, so the answer does not depend on what the process ran before.
            tactic = z3.Then(z3.Tactic(name, ctx=enc.ctx), z3.Tactic("simplify", ctx=enc.ctx), ctx=enc.ctx)
            with _projection(classic=is_hard([*hypotheses, goal], decls) or bool(enc.root_defs)):
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
    hard = is_hard([*hypotheses, goal], decls)
    rlimit, bounded_by = _allowance(options.rlimit, hard)
    side = outer.side_conditions([*hypotheses, goal])
    common = dict(seed=options.seed, rlimit=rlimit, version=z3_version(), side_conditions=tuple(t for t, _ in side))
    if rlimit <= 0:
        return Outcome("unknown", reason_unknown=f"not run: {bounded_by} is spent", **common)
    solver = new_solver(outer.ctx, options, rlimit, roots=bool(outer.root_defs or inner.root_defs), hard=hard)
    solver.add(*hyps, *[c for _, c in side], z3.ForAll(list(inner.bools.values()), body))
    with _projection(classic=bool(outer.root_defs or inner.root_defs)):
        answer = run_check(solver)
    used = _rlimit_count(solver)
    _charge(used)
    if answer == z3.sat:
        model = solver.model()
        values, approximated = outer.read_model(model)
        return Outcome("sat", model=values, approximated=approximated,
                       interpretation=outer.read_interpretation(model), **common)
    if answer == z3.unsat:
        return Outcome("unsat", **common)
    return Outcome("unknown", reason_unknown=_unknown_reason(solver, used, rlimit, bounded_by, options), **common)


class _Encoder:
    """Translate terms into one z3 context, collecting atoms and side conditions."""

    def __init__(self, decls: Sequence[SymbolDecl], bound_of: BoundFn, *, ctx: z3.Context | None = None,
                 bool_prefix: str | None = None, fresh_prefix: str = "", positive: frozenset[Term] = frozenset(),
                 split: frozenset[str] = frozenset()):
        self.ctx = ctx or z3.Context()
        #: Real symbols encoded as an integer part plus a fraction in [0, 1) (``_floor_split``), and those bounds.
        self.split = split
        self.split_bounds: list[z3.BoolRef] = []
        self.positive = positive
        self.bool_prefix = bool_prefix
        self.fresh_prefix = fresh_prefix
        self.bound_of = bound_of
        self.decls = {d.name: d for d in decls}
        self.symbols: dict[str, z3.ArithRef] = {}
        self.bools: dict[str, z3.BoolRef] = {}
        self.functions: dict[str, z3.FuncDeclRef] = {}
        self.exp_atoms: list[tuple[Term, z3.ArithRef, z3.ArithRef]] = []  # (arg term, arg z3, atom)
        self.log_atoms: list[tuple[Term, z3.ArithRef, z3.ArithRef]] = []
        self.root_atoms: list[tuple[str, z3.ArithRef, Fraction]] = []
        self.const_atoms: list[tuple[str, z3.ArithRef]] = []
        self.atom_texts: set[str] = set()
        self._cache: dict[Term, z3.ExprRef] = {}
        self.applications: dict[str, z3.ExprRef] = {}
        self.root_defs: list[tuple[str, z3.BoolRef]] = []
        self._taylor_added = False
        self._fresh = 0
        #: The rational constants of the claim (and their negatives) that exp and log atoms are compared against.
        self.constants: tuple[Fraction, ...] = ()
        #: Whether the claim takes square roots (log atoms then get ``log_root_lemmas``).
        self.square_roots = False
        #: ``val`` and ``text`` of this encoder so far: the lemma loops ask for the same numbers and texts over and
        #: over (z3 returns the same term for the same numeral, so a kept one is the term a new call would make).
        self._vals: dict[Fraction, z3.ArithRef] = {}
        self._texts: dict[Term, str] = {}

    def fresh(self, prefix: str) -> z3.ArithRef:
        self._fresh += 1
        return z3.Real(f"{self.fresh_prefix}{prefix}!{self._fresh}", self.ctx)

    def val(self, v: Fraction) -> z3.ArithRef:
        out = self._vals.get(v)
        if out is None:
            out = self._vals[v] = z3.RealVal(f"{v.numerator}/{v.denominator}", self.ctx)
        return out

    def text(self, t: Term) -> str:
        """``self.text(t)``, kept per encoder."""
        out = self._texts.get(t)
        if out is None:
            out = self._texts[t] = to_text(t)
        return out

    def symbol(self, name: str) -> z3.ArithRef:
        if name not in self.symbols:
            d = self.decls.get(name)
            if d is not None and is_integral(d):
                self.symbols[name] = z3.ToReal(z3.Int(name, self.ctx))  # type: ignore[assignment]
            elif name in self.split:
                part = z3.Real(f"{name}!frac", self.ctx)
                self.split_bounds.append(z3.And(part >= 0, part < 1))
                self.symbols[name] = z3.ToReal(z3.Int(f"{name}!int", self.ctx)) + part
            else:
                self.symbols[name] = z3.Real(name, self.ctx)
        return self.symbols[name]

    def side_conditions(self, terms: Sequence[Term]) -> list[tuple[str, z3.BoolRef]]:
        """The guarded definedness obligations of ``terms``, as (text, formula) pairs."""
        out: list[tuple[str, z3.BoolRef]] = []
        for t in terms:
            for o in obligations(t):
                text = o.text()
                if all(text != seen for seen, _ in out):
                    out.append((text, self.boolean(o.formula())))
        return out

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
            case Func("floor", (Ite(c, a, b),)):  # floor commutes with a choice: each branch gets its own route
                return z3.If(self.boolean(c), self.real(Func("floor", (a,))), self.real(Func("floor", (b,))))
            case Func("floor", (Func("min" | "max" as which, (a, b)),)):
                x, y = self.real(a), self.real(b)
                first = x <= y if which == "min" else x >= y
                return z3.If(first, self.real(Func("floor", (a,))), self.real(Func("floor", (b,))))
            case Func("floor", (u,)):
                scaled = self.integer_scaled(u)
                if scaled is not None:  # floor(E/q) of an integer E is E div q: integer arithmetic, no to_int
                    e, q = scaled
                    return z3.ToReal(e / q if q != 1 else e)
                whole = self.floor_of_split(u)
                if whole is not None:
                    return z3.ToReal(whole)
                return z3.ToReal(z3.ToInt(self.real(u)))
            case Ite(c, a, b):
                return z3.If(self.boolean(c), self.real(a), self.real(b))
            case UFun(name, args):
                return self.apply(name, args, z3.RealSort(self.ctx))  # type: ignore[return-value]
            case Diff() | Limit():
                raise UnsupportedConstruct(f"{type(t).__name__.lower()} must be computed symbolically first")
        raise UnsupportedConstruct(f"{self.text(t)} has no z3 translation")

    def apply(self, name: str, args: tuple[Term, ...], sort: z3.SortRef) -> z3.ExprRef:
        term = (Pred if sort == z3.BoolSort(self.ctx) else UFun)(name, args)
        out = self._apply(name, args, sort)
        self.applications[self.text(term)] = out
        return out

    def _apply(self, name: str, args: tuple[Term, ...], sort: z3.SortRef) -> z3.ExprRef:
        is_bool = sort == z3.BoolSort(self.ctx)
        if is_bool and self.bool_prefix is not None and all(isinstance(a, Sym) and a.name not in self.decls
                                                             for a in args):
            text = self.text(Pred(name, args))
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

    def integer_scaled(self, t: Term) -> tuple[z3.ArithRef, int] | None:
        """``(E, q)`` with ``t = E/q``, ``E`` an integer-sorted z3 term and ``q >= 1``, when ``t`` is a polynomial with
        rational coefficients in integer symbols (and floors of such); None otherwise. z3 decides these in integer
        arithmetic, where ``to_int`` of a rational combination sends its integer solver branching without end."""
        match t:
            case Num(v):
                return z3.IntVal(v.numerator, self.ctx), v.denominator
            case Pow(Num(a), Num(v)) if v.denominator == 1 and abs(v) <= MAX_POLY_DEGREE and (a or v >= 0):
                value = a ** int(v)
                return z3.IntVal(value.numerator, self.ctx), value.denominator
            case Sym(name) if name in self.decls and is_integral(self.decls[name]):
                self.symbol(name)
                return z3.Int(name, self.ctx), 1
            case Add(args) | Mul(args):
                parts = [self.integer_scaled(a) for a in args]
                if any(p is None for p in parts):
                    return None
                if isinstance(t, Mul):
                    e, q = parts[0]  # type: ignore[misc]
                    for e2, q2 in parts[1:]:  # type: ignore[misc]
                        e, q = e * e2, q * q2
                    return e, q
                q = math.lcm(*[q for _, q in parts])  # type: ignore[misc]
                return z3.Sum([e * (q // qi) if q != qi else e for e, qi in parts]), q  # type: ignore[misc]
            case Pow(b, Num(v)) if v.denominator == 1 and 0 <= v <= MAX_POLY_DEGREE:
                base = self.integer_scaled(b)
                if base is None:
                    return None
                n = int(v)
                return (base[0] ** n if n != 1 else base[0]) if n else z3.IntVal(1, self.ctx), base[1] ** n
            case Func("floor", (u,)):
                inner = self.integer_scaled(u)
                if inner is None:
                    whole = self.floor_of_split(u)
                    return None if whole is None else (whole, 1)
                return (inner[0] / inner[1] if inner[1] != 1 else inner[0]), 1
        return None

    def floor_of_split(self, u: Term) -> z3.ArithRef | None:
        """``floor(u)`` as an integer-sorted term when ``u`` is affine in split reals (``x = n + f``, ``_floor_split``),
        integer symbols and floors of such; None otherwise.

        Then ``q*u = E + g`` with ``q`` the common denominator of the integer parts' coefficients, ``E`` an integer and
        ``g = sum(q*a_i*f_i)`` over the split symbols' fractions. When every ``q*a_i >= 0`` and they sum to at most 1,
        ``0 <= g < 1``, so ``floor(u) = floor((E + g)/q) = E div q`` (write ``E = q*m + r`` with ``0 <= r < q``:
        ``r + g < q``). ``floor(x/3)`` and ``floor(floor(x)/3)`` both become ``n div 3``: z3 with ``to_int`` of
        ``(n + f)/3`` needed cuts it ran out of rlimit looking for."""
        parts = _affine(u)
        if parts is None:
            return None
        const, coeffs = parts
        ints: list[tuple[z3.ArithRef, Fraction]] = []
        weights: list[Fraction] = []
        for atom, a in coeffs:
            if isinstance(atom, Sym) and atom.name in self.split:
                self.symbol(atom.name)
                ints.append((z3.Int(f"{atom.name}!int", self.ctx), a))
                weights.append(a)
            elif isinstance(atom, Sym) and atom.name in self.decls and is_integral(self.decls[atom.name]):
                self.symbol(atom.name)
                ints.append((z3.Int(atom.name, self.ctx), a))
            elif isinstance(atom, Func) and atom.name == "floor":
                inner = self.integer_scaled(atom)
                if inner is None:
                    return None
                ints.append((inner[0], a))
            else:
                return None
        q = math.lcm(const.denominator, *(a.denominator for _, a in ints))
        if any(q * w < 0 for w in weights) or q * sum(weights, Fraction(0)) > 1:
            return None
        terms = [z3.IntVal(int(q * a), self.ctx) * z if q * a != 1 else z for z, a in ints]
        e = z3.Sum(terms + [z3.IntVal(int(q * const), self.ctx)]) if terms else z3.IntVal(int(q * const), self.ctx)
        return e / q if q != 1 else e

    def big_power(self, base: Term, b: z3.ArithRef, n: int) -> z3.ArithRef:
        """``b**n`` for ``n > MAX_POLY_DEGREE`` as an atom ``y``: for even ``n``, ``y >= 0``, ``y = 0`` exactly at
        ``b = 0``, ``y >= b**2`` where ``|b| >= 1`` and ``y <= b**2`` where ``|b| <= 1``; for odd ``n``, ``y`` has the sign
        of ``b`` and lies beyond ``b`` (from 0) where ``|b| >= 1`` and between 0 and ``b`` where ``|b| <= 1``."""
        y = self.fresh("pow")
        text = f"({self.text(base)})**{n}"
        self.atom_texts.add(text)
        zero, one = self.val(Fraction(0)), self.val(Fraction(1))
        if n % 2 == 0:
            sq = b * b
            fact = z3.And(y >= zero, (b == zero) == (y == zero), z3.Implies(sq >= one, y >= sq),
                          z3.Implies(sq <= one, y <= sq))
            what = f"{text} >= 0, = 0 only at {self.text(base)} = 0, >= (<=) {self.text(base)}**2 where |{self.text(base)}| >= (<=) 1"
        else:
            fact = z3.And((b > zero) == (y > zero), (b == zero) == (y == zero), z3.Implies(b >= one, y >= b),
                          z3.Implies(z3.And(b >= zero, b <= one), y <= b), z3.Implies(b <= -one, y <= b),
                          z3.Implies(z3.And(b <= zero, b >= -one), y >= b))
            what = (f"{text} has the sign of {self.text(base)} and lies beyond it where |{self.text(base)}| >= 1, "
                    "between 0 and it where |" + self.text(base) + "| <= 1")
        self.root_defs.append((what, fact))
        return y

    def entity(self, name: str) -> z3.ExprRef:
        sort = z3.DeclareSort("Entity", self.ctx)
        return z3.Const(name, sort)

    def power(self, base: Term, exponent: Term) -> z3.ArithRef:
        """The real power ``base**exponent`` (its definedness is an obligation; see ``model.definedness``)."""
        if isinstance(base, Const) and base.name == "e":
            return self.exp_atom(exponent)
        b = self.real(base)
        if not isinstance(exponent, Num) and not free_symbols(exponent):
            folded = exact_value(exponent)  # x**(10**6 + 1) is the odd power x**1000001, not exp(a*log(x))
            exponent = Num(folded) if folded is not None else exponent
        if isinstance(exponent, Num):
            q = exponent.value
            if q.denominator == 1:
                n = int(q)
                if abs(n) > MAX_POLY_DEGREE:
                    y = self.big_power(base, b, abs(n))
                    return y if n > 0 else 1 / y
                if n >= 0:
                    return b ** n if n > 1 else (b if n == 1 else self.val(Fraction(1)))
                return 1 / (b ** (-n) if n < -1 else b)
            if q.denominator <= MAX_ROOT_DEGREE:
                whole = q.numerator // q.denominator if q > 0 else 0
                if whole:  # b**(16/5) = b**3 * b**(1/5): a root of degree 5 in b, not 16
                    return b ** whole * self.root(base, b, q - whole) if whole > 1 else b * self.root(base, b, q - 1)
                return self.root(base, b, q)
        return self.real_power(base, exponent, b)

    def real_power(self, base: Term, exponent: Term, b: z3.ArithRef) -> z3.ArithRef:
        """``exp(a*log(b))`` where ``b > 0``; elsewhere the real meaning.

        At ``b = 0``: ``0`` for ``a > 0`` and ``1`` for ``a = 0``. At ``b < 0``
        (defined only for an integer ``a``): ``(-1)**a * exp(a*log(-b))``. The
        plain form is used alone when ``b > 0`` follows from the hypotheses.
        """
        magnitude = self.exp_atom(Mul((exponent, Func("log", (base,)))))
        if base in self.positive:
            return magnitude
        zero, one = self.val(Fraction(0)), self.val(Fraction(1))
        a = self.real(exponent)
        at_zero = z3.If(a > 0, zero, one)
        if isinstance(exponent, Num):
            return z3.If(b > 0, magnitude, at_zero)
        negative = self.exp_atom(Mul((exponent, Func("log", (neg(base),)))))
        even = z3.ToInt(a) % 2 == 0
        return z3.If(b > 0, magnitude, z3.If(b == 0, at_zero, z3.If(even, negative, -negative)))

    def root(self, base: Term, b: z3.ArithRef, q: Fraction) -> z3.ArithRef:
        """The principal real root ``b**(p/q)``, defined by ``y >= 0, y**q = b**p`` where ``b >= 0``."""
        p, r = q.numerator, q.denominator
        y = self.fresh("root")
        text = f"{self.text(base)}**({p}/{r})"
        self.atom_texts.add(text)
        if p > 0:
            self.root_atoms.append((text, y, q))
            self.root_defs.append((f"{self.text(base)} >= 0 => {text} >= 0 and {text}**{r} = {self.text(base)}**{p}",
                                    z3.Implies(b >= 0, z3.And(y >= 0, y ** r == b ** p))))
        else:
            self.root_defs.append((f"{self.text(base)} > 0 => {text} > 0 and {text}**{r} * {self.text(base)}**{-p} = 1",
                                    z3.Implies(b > 0, z3.And(y > 0, y ** r * b ** (-p) == 1))))
        return y

    def exp_atom(self, u: Term) -> z3.ArithRef:
        for arg, _, atom in self.exp_atoms:
            if arg == u:
                return atom
        x = self.real(u)
        atom = self.fresh("exp")
        self.exp_atoms.append((u, x, atom))
        self.atom_texts.add(f"exp({self.text(u)})")
        return atom

    def log_atom(self, v: Term) -> z3.ArithRef:
        for arg, _, atom in self.log_atoms:
            if arg == v:
                return atom
        x = self.real(v)
        atom = self.fresh("log")
        self.log_atoms.append((v, x, atom))
        self.atom_texts.add(f"log({self.text(v)})")
        return atom

    def const_atom(self, t: Term) -> z3.ArithRef:
        name = self.text(t)
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
        raise UnsupportedConstruct(f"{self.text(t)} is not a statement z3 can encode")

    def lemmas(self) -> list[tuple[str, z3.BoolRef]]:
        """The true facts about every atom introduced so far, as (text, formula) pairs."""
        out: list[tuple[str, z3.BoolRef]] = []
        one, zero = self.val(Fraction(1)), self.val(Fraction(0))
        out.extend(self.root_defs)
        for arg, x, e in self.exp_atoms:
            a = self.text(arg)
            out.append((f"exp({a}) > 0", e > 0))
            out.append((f"exp({a}) >= 1 + {a}", e >= 1 + x))
            out.append((f"{a} < 1 => exp({a})*(1 - {a}) <= 1", z3.Implies(x < 1, e * (1 - x) <= 1)))
            out.append((f"sign of {a} decides exp({a}) vs 1",
                        z3.And(z3.Implies(x > 0, e > 1), z3.Implies(x < 0, e < 1), z3.Implies(x == 0, e == 1))))
            for larg, lx, l in self.log_atoms:
                out.append((f"{self.text(larg)} > 0 => exp is increasing and exp(log({self.text(larg)})) = "
                            f"{self.text(larg)}: exp({a}) vs {self.text(larg)}",
                            z3.Implies(lx > 0, z3.And(z3.Implies(x < l, e < lx), z3.Implies(x > l, e > lx),
                                                      z3.Implies(x == l, e == lx)))))
            self.add_bounds(out, Func("exp", (arg,)), arg, e)
            for larg, lx, l in self.log_atoms:
                if isinstance(arg, Func) and arg.name == "log" and arg.args[0] == larg:
                    out.append((f"{self.text(larg)} > 0 => exp(log({self.text(larg)})) = {self.text(larg)}",
                                z3.Implies(lx > 0, e == lx)))
        # log(v) is unconstrained where v <= 0: every lemma about it is guarded by v > 0.
        for arg, x, l in self.log_atoms:
            a = self.text(arg)
            out.append((f"{a} > 0 => log({a}) < {a} - 1 unless {a} = 1",
                        z3.Implies(x > 0, z3.And(l <= x - 1, z3.Implies(x != 1, l < x - 1)))))
            out.append((f"{a}*log({a}) > {a} - 1 unless {a} = 1",
                        z3.Implies(x > 0, z3.And(x * l >= x - 1, z3.Implies(x != 1, x * l > x - 1)))))
            out.append((f"sign of log({a}) vs {a} = 1",
                        z3.And(z3.Implies(x > 1, l > 0), z3.Implies(z3.And(x < 1, x > 0), l < 0),
                               z3.Implies(x == 1, l == 0))))
            self.add_bounds(out, Func("log", (arg,)), arg, l)
            for earg, ex, e in self.exp_atoms:
                if arg == Func("exp", (earg,)):
                    out.append((f"log(exp({self.text(earg)})) = {self.text(earg)}", l == ex))
        for name, atom in self.const_atoms:
            self.add_bounds(out, Const(name), None, atom)
        out.extend(self.algebra_lemmas())
        out.extend(self.constant_lemmas())
        out.extend(self.amgm_lemmas())
        for atoms, what in ((self.exp_atoms, "exp"), (self.log_atoms, "log")):
            for i in range(len(atoms)):
                for j in range(i + 1, len(atoms)):
                    (ai, xi, ei), (aj, xj, ej) = atoms[i], atoms[j]
                    fact = z3.And(z3.Implies(xi < xj, ei < ej), z3.Implies(xj < xi, ej < ei),
                                  z3.Implies(xi == xj, ei == ej))
                    if what == "log":
                        fact = z3.Implies(z3.And(xi > 0, xj > 0), fact)
                    out.append((f"{what} is increasing: {what}({self.text(ai)}) vs {what}({self.text(aj)})", fact))
        return out

    def algebra_lemmas(self) -> list[tuple[str, z3.BoolRef]]:
        """exp/log algebra between atoms (each a textbook identity or inequality of the real functions).

        - ``exp(a) >= exp(b)*(1 + a - b)``: ``exp(a - b) >= 1 + (a - b)`` times ``exp(b) > 0``;
        - ``a = b + c => exp(a) = exp(b)*exp(c)`` (so also ``exp(b - c) = exp(b)/exp(c)``);
        - ``v > 0 => exp(a) vs 1/v as a vs -log(v)``: ``exp(-log(v)) = 1/v`` and exp is increasing;
        - ``v, w > 0 and u = v*w => log(u) = log(v) + log(w)``;
        - ``v >= 1 => log(v) >= (v - 1) - (v - 1)**2/2``: ``g(t) = log(1 + t) - t + t**2/2`` has
          ``g(0) = 0`` and ``g'(t) = t**2/(1 + t) >= 0`` for ``t >= 0``.
        The triple lemmas are added only while there are at most ``MAX_ALGEBRA_ATOMS`` atoms of a kind.
        """
        out: list[tuple[str, z3.BoolRef]] = []
        exps, logs = self.exp_atoms, self.log_atoms
        for ai, xi, ei in exps:
            for aj, xj, ej in exps:
                if ai is not aj:
                    out.append((f"exp({self.text(ai)}) >= exp({self.text(aj)})*(1 + {self.text(ai)} - {self.text(aj)})",
                                ei >= ej * (1 + xi - xj)))
            for larg, lx, l in logs:
                a, v = self.text(ai), self.text(larg)
                out.append((f"{v} > 0 => exp({a}) vs 1/{v} as {a} vs -log({v}) (exp(-log(v)) = 1/v)",
                            z3.Implies(lx > 0, z3.And(z3.Implies(xi > -l, ei * lx > 1), z3.Implies(xi < -l, ei * lx < 1),
                                                      z3.Implies(xi == -l, ei * lx == 1)))))
        if len(exps) <= MAX_ALGEBRA_ATOMS:
            for k, (ak, xk, ek) in enumerate(exps):
                for i, (ai, xi, ei) in enumerate(exps):
                    for j in range(i, len(exps)):
                        aj, xj, ej = exps[j]
                        if k not in (i, j):
                            out.append((f"{self.text(ak)} = {self.text(ai)} + {self.text(aj)} => exp({self.text(ak)}) = "
                                        f"exp({self.text(ai)})*exp({self.text(aj)})",
                                        z3.Implies(xk == xi + xj, ek == ei * ej)))
        if len(logs) <= MAX_ALGEBRA_ATOMS:
            for k, (ak, xk, lk) in enumerate(logs):
                for i, (ai, xi, li) in enumerate(logs):
                    for j in range(i, len(logs)):
                        aj, xj, lj = logs[j]
                        if k not in (i, j):
                            out.append((f"{self.text(ai)}, {self.text(aj)} > 0 and {self.text(ak)} = {self.text(ai)}*"
                                        f"{self.text(aj)} => log({self.text(ak)}) = log({self.text(ai)}) + log({self.text(aj)})",
                                        z3.Implies(z3.And(xi > 0, xj > 0, xk == xi * xj), lk == li + lj)))
        for arg, x, l in logs:
            a = self.text(arg)
            out.append((f"{a} >= 1 => log({a}) >= ({a} - 1) - ({a} - 1)**2/2",
                        z3.Implies(x >= 1, l >= (x - 1) - (x - 1) * (x - 1) / 2)))
        if len(logs) <= MAX_ALGEBRA_ATOMS:
            for ai, xi, li in logs:
                for aj, xj, lj in logs:
                    if ai is not aj:
                        a, b = self.text(ai), self.text(aj)
                        out.append((f"{a}, {b} > 0 => {b}*(log({a}) - log({b})) < {a} - {b} unless {a} = {b} "
                                    f"(log({a}/{b}) <= {a}/{b} - 1)",
                                    z3.Implies(z3.And(xi > 0, xj > 0), z3.And(
                                        xj * (li - lj) <= xi - xj, z3.Implies(xi != xj, xj * (li - lj) < xi - xj)))))
        out.extend(self.tangent_at_e_lemmas())
        out.extend(self.bernoulli_lemmas())
        if self.square_roots and len(logs) <= MAX_ALGEBRA_ATOMS:
            out.extend(self.log_root_lemmas())
        return out

    def log_root_lemmas(self) -> list[tuple[str, z3.BoolRef]]:
        """For each log atom ``log(v)`` and a fresh ``r = sqrt(v)`` (``v > 0 => r > 0, r**2 = v``):
        ``log(v) <= (v - 1)/r`` for ``v >= 1`` and ``>=`` for ``0 < v <= 1``, i.e. ``(v - 1)*((v - 1) - r*log(v)) >= 0``,
        strict unless ``v = 1``. With ``v = s**2`` this is ``2*log(s) <= s - 1/s`` for ``s >= 1`` (and ``>=`` for ``0 < s <= 1``):
        ``h(s) = s - 1/s - 2*log(s)`` has ``h(1) = 0`` and ``h'(s) = (1 - 1/s)**2 >= 0``."""
        out: list[tuple[str, z3.BoolRef]] = []
        for arg, x, l in self.log_atoms:
            a = self.text(arg)
            r = self.fresh("sqrt")
            gap = (x - 1) * ((x - 1) - r * l)
            out.append((f"{a} > 0 => with r = sqrt({a}): ({a} - 1)*(({a} - 1) - r*log({a})) > 0 unless {a} = 1 "
                        f"(2 log s <= s - 1/s for s >= 1)",
                        z3.Implies(x > 0, z3.And(r > 0, r * r == x, gap >= 0, z3.Implies(x != 1, gap > 0)))))
        return out

    def bernoulli_lemmas(self) -> list[tuple[str, z3.BoolRef]]:
        """Bernoulli's inequality for real exponents, for each power atom ``b**a = exp(a*log(b))``: for ``b > 0``,
        ``b**a >= 1 + a*(b - 1)`` when ``a >= 1`` or ``a <= 0`` and ``b**a <= 1 + a*(b - 1)`` when ``0 <= a <= 1``
        (``t -> t**a`` is convex resp. concave on ``t > 0`` with tangent ``1 + a*(t - 1)`` at ``t = 1``)."""
        out: list[tuple[str, z3.BoolRef]] = []
        for arg, _, e in self.exp_atoms:
            if not (isinstance(arg, Mul) and len(arg.args) == 2 and isinstance(arg.args[1], Func)
                    and arg.args[1].name == "log"):
                continue
            exponent, base = arg.args[0], arg.args[1].args[0]
            a, b = self.real(exponent), self.real(base)
            p, q = self.text(exponent), self.text(base)
            out.append((f"{q} > 0 => {q}**{p} >= 1 + {p}*({q} - 1) if {p} >= 1 or {p} <= 0, <= if 0 <= {p} <= 1 "
                        "(Bernoulli for real exponents)",
                        z3.Implies(b > 0, z3.And(z3.Implies(z3.Or(a >= 1, a <= 0), e >= 1 + a * (b - 1)),
                                                 z3.Implies(z3.And(a >= 0, a <= 1), e <= 1 + a * (b - 1))))))
        return out

    def tangent_at_e_lemmas(self) -> list[tuple[str, z3.BoolRef]]:
        """``v > 0 => log(v) <= v/e`` (the tangent of the concave log at ``e``, equality only at ``v = e``),
        stated with the claim's own ``exp(1)`` atom (``e*log(v) <= v``) or ``exp(-1)`` atom (``log(v) <= v*exp(-1)``),
        for every log atom; nothing when the claim has neither atom."""
        out: list[tuple[str, z3.BoolRef]] = []
        for earg, _, e in self.exp_atoms:
            if earg not in (Num(Fraction(1)), Num(Fraction(-1))):
                continue
            for larg, lx, l in self.log_atoms:
                v = self.text(larg)
                if earg == Num(Fraction(1)):
                    out.append((f"{v} > 0 => e*log({v}) <= {v} (tangent of log at e)", z3.Implies(lx > 0, e * l <= lx)))
                else:
                    out.append((f"{v} > 0 => log({v}) <= {v}*exp(-1) (tangent of log at e)",
                                z3.Implies(lx > 0, l <= lx * e)))
        return out

    def constant_lemmas(self) -> list[tuple[str, z3.BoolRef]]:
        """Strict monotonicity of exp and log against the claim's rational constants ``c`` (and ``-c``),
        with rigorous rational enclosures ``lo <= exp(c) <= hi`` and ``lo <= log(c) <= hi`` from ``bound_of``
        (rounded outward to multiples of 1e-9):
        ``a > c => exp(a) > lo``, ``a < c => exp(a) < hi``, ``a < lo(log d) => exp(a) < d`` (``d > 0``), and for
        ``log(v)``: ``v > hi(exp c) => log(v) > c``, ``0 < v < lo(exp c) => log(v) < c``, ``v > d => log(v) > lo``,
        ``0 < v < d => log(v) < hi``. Non-strict versions hold alike."""
        out: list[tuple[str, z3.BoolRef]] = []
        if not (self.exp_atoms or self.log_atoms):  # nothing to compare: skip the enclosures (each costs a context)
            return out
        for c in self.constants:
            ec = _outward(self.bound_of(Func("exp", (Num(c),))))
            lc = _outward(self.bound_of(Func("log", (Num(c),)))) if c > 0 else None
            C = self.val(c)
            for arg, x, e in self.exp_atoms if ec is not None else ():
                a = self.text(arg)
                lo, hi = self.val(ec[0]), self.val(ec[1])
                out.append((f"exp is increasing: {a} vs {c}, with {ec[0]} <= exp({c}) <= {ec[1]}",
                            z3.And(z3.Implies(x > C, e > lo), z3.Implies(x < C, e < hi),
                                   z3.Implies(x >= C, e >= lo), z3.Implies(x <= C, e <= hi))))
            for arg, x, e in self.exp_atoms if lc is not None else ():
                a = self.text(arg)
                lo, hi = self.val(lc[0]), self.val(lc[1])
                out.append((f"exp is increasing: exp({a}) vs {c}, with {lc[0]} <= log({c}) <= {lc[1]}",
                            z3.And(z3.Implies(x < lo, e < C), z3.Implies(x > hi, e > C),
                                   z3.Implies(x <= lo, e <= C), z3.Implies(x >= hi, e >= C))))
            for arg, x, l in self.log_atoms:
                a = self.text(arg)
                if ec is not None:
                    lo, hi = self.val(ec[0]), self.val(ec[1])
                    out.append((f"log is increasing: log({a}) vs {c}, with {ec[0]} <= exp({c}) <= {ec[1]}",
                                z3.And(z3.Implies(x > hi, l > C), z3.Implies(z3.And(x > 0, x < lo), l < C),
                                       z3.Implies(x >= hi, l >= C), z3.Implies(z3.And(x > 0, x <= lo), l <= C))))
                if lc is not None:
                    lo, hi = self.val(lc[0]), self.val(lc[1])
                    out.append((f"log is increasing: {a} vs {c}, with {lc[0]} <= log({c}) <= {lc[1]}",
                                z3.And(z3.Implies(x > C, l > lo), z3.Implies(z3.And(x > 0, x < C), l < hi),
                                       z3.Implies(x >= C, l >= lo), z3.Implies(z3.And(x > 0, x <= C), l <= hi))))
        return out

    def amgm_lemmas(self) -> list[tuple[str, z3.BoolRef]]:
        """The AM-GM inequality at every power ``(k*(t_1 + ... + t_n))**n`` of the claim (``n >= 2``, ``k > 0`` a
        number, default 1) whose ``n`` summands are each plainly nonnegative (``_plainly_nonnegative``):
        ``t_1, ..., t_n >= 0 => (k*(t_1 + ... + t_n))**n >= k**n * n**n * t_1*...*t_n``.

        AM-GM: for ``t_i >= 0``, ``(t_1 + ... + t_n)/n >= (t_1*...*t_n)**(1/n)`` (Cauchy, Cours d'analyse, 1821,
        Note II, theorem 17; Hardy, Littlewood and Polya, Inequalities, 2nd ed. 1952, section 2.5, theorem 9);
        both sides are nonnegative, so raising them to the ``n``-th power and multiplying by ``k**n > 0`` keeps the
        order. The summands are the claim's own (sums flattened), and the guard is part of the lemma, so each
        instance is true for every real value of its terms."""
        out: list[tuple[str, z3.BoolRef]] = []
        for node in list(self._cache):
            found = _amgm_pattern(node)
            if found is None:
                continue
            k, terms = found
            if not all(_plainly_nonnegative(t, self.decls) for t in terms):
                continue
            n = len(terms)
            ts = [self.real(t) for t in terms]
            texts = [self.text(t) for t in terms]
            factor = k ** n * n ** n
            scale = "" if factor == 1 else f"{factor}*"
            out.append((f"{', '.join(texts)} >= 0 => {self.text(node)} >= {scale}{'*'.join(texts)} "
                        f"(AM-GM for {n} terms: Cauchy 1821; Hardy-Littlewood-Polya, Inequalities, theorem 9)",
                        z3.Implies(z3.And(*[t >= 0 for t in ts]), self.real(node) >= self.val(factor) * z3.Product(ts))))
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
                out.extend(self.taylor_lemmas(self.text(arg), x, e))
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
                    out.append((f"log below its tangent at {u0}", z3.Implies(
                        x > 0, atom <= self.val(hi) + (x - self.val(u0)) / self.val(u0))))
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
        out.append((f"{lo} <= {self.text(atom_term)} <= {hi} (interval arithmetic)",
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


#: AM-GM lemmas are instantiated for powers of sums of at most this many terms.
MAX_AMGM_TERMS = 16


def _summands(t: Term) -> list[Term]:
    """The summands of ``t`` with nested sums flattened (``a + (b + c)`` gives ``a, b, c``)."""
    if isinstance(t, Add):
        return [s for a in t.args for s in _summands(a)]
    return [t]


def _number(t: Term) -> Fraction | None:
    """The exact value of a numeral, a numeral to an integer power, or a product of those; else None."""
    match t:
        case Num(v):
            return v
        case Pow(Num(b), Num(e)) if e.denominator == 1 and (b != 0 or e >= 0) and abs(e) <= MAX_POLY_DEGREE:
            return b ** int(e)
        case Mul(args):
            out = Fraction(1)
            for a in args:
                v = _number(a)
                if v is None:
                    return None
                out *= v
            return out
    return None


def _amgm_pattern(t: Term) -> tuple[Fraction, list[Term]] | None:
    """``(k, [t_1, ..., t_n])`` when ``t`` is ``(k*(t_1 + ... + t_n))**n`` with ``2 <= n <= MAX_AMGM_TERMS`` and a
    number ``k > 0`` (``k = 1`` for a bare sum; the factor may stand on either side, e.g. ``(a + b + c)/3``)."""
    if not (isinstance(t, Pow) and isinstance(t.exp, Num) and t.exp.value.denominator == 1):
        return None
    n = int(t.exp.value)
    if not 2 <= n <= MAX_AMGM_TERMS:
        return None
    base, k = t.base, Fraction(1)
    if isinstance(base, Mul):
        sums = [a for a in base.args if isinstance(a, Add)]
        if len(sums) != 1:
            return None
        k = _number(Mul(tuple(a for a in base.args if a is not sums[0])))
        if k is None or k <= 0:
            return None
        base = sums[0]
    terms = _summands(base)
    return (k, terms) if len(terms) == n else None


_NONNEGATIVE_DOMAINS = ("positive", "nonnegative", "natural", "posint", "unit", "probability")


def _plainly_nonnegative(t: Term, decls: Mapping[str, SymbolDecl]) -> bool:
    """True when ``t >= 0`` wherever it is defined, by its form alone: a number ``>= 0``, a symbol of a nonnegative
    domain, ``e``, ``pi``, an even integer power, ``exp``, ``abs``, ``sqrt``, or a sum, product or power of such
    terms. (A filter for where AM-GM is instantiated; each instance carries ``t >= 0`` as its own guard.)"""
    match t:
        case Num(v):
            return v >= 0
        case Sym(name):
            d = decls.get(name)
            return d is not None and d.domain in _NONNEGATIVE_DOMAINS
        case Const("e" | "pi"):
            return True
        case Pow(b, Num(e)) if e.denominator == 1 and e.numerator % 2 == 0:
            return True
        case Pow(b, _):
            return _plainly_nonnegative(b, decls)
        case Func("exp" | "abs" | "sqrt", _):
            return True
        case Add(args) | Mul(args):
            return all(_plainly_nonnegative(a, decls) for a in args)
    return False


def _outward(bounds: "tuple[Fraction, Fraction] | None", scale: int = 10**9) -> "tuple[Fraction, Fraction] | None":
    """``bounds`` widened outward to multiples of ``1/scale`` (short numbers keep z3's models readable)."""
    if bounds is None:
        return None
    lo, hi = bounds
    return Fraction(math.floor(lo * scale), scale), Fraction(math.ceil(hi * scale), scale)


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
