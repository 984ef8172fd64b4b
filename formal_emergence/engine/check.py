"""The verdict engine: run the layers on one claim and decide its verdict.

Pipeline: expand definitions -> bind literature values -> compute derivatives
and limits (SymPy) -> decide. Closed statements are decided by interval
arithmetic; identities by SymPy; implications by z3 on a sound encoding. A
z3 model becomes a ``fails`` verdict only after mpmath confirms it on the
stated claim; otherwise a seeded numeric search looks for a witness, and
failing that the verdict is ``undecided``. A failing claim with free constants
gets a weakest-condition derivation (``engine.conditions``).

The engine is the only module that talks to every layer; the layers never
import each other.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import itertools
import re
import sys
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Callable, Iterator, Sequence

from ..errors import UnsupportedConstruct, UserInputError
from ..model.claim import Claim, SymbolDecl, domain_condition, is_integral
from ..model.claim import claim_formula, with_values
from ..model.definedness import Obligation, drop_removable_ites, kinks, obligations
from ..model.exact import exact_truth, exact_value
from ..model.terms import And as And_
from ..model.terms import (Add, Bool, Diff, Implies, Ite, Limit, Mul, Not as Not_, Num, Pow, Pred, Rel, Sym as Sym_, Term,
                           UFun, free_symbols, is_boolean)
from ..model.terms import _fresh, children, conj, sub, substitute, to_text, transform, walk
from ..model.verdict import VACUOUS, Condition, Counterexample, Evidence, Result, Step, Verdict
from ..numeric import evaluate as numeric
from ..numeric.sampling import box_points, sample_points, simple_points
from ..solver import z3_backend as z3b
from ..symbolic import sympy_layer as symbolic
from .axioms import axiomatized, decide_with_axioms
from .budget import MAX_EXPANDED_NODES, expanded_size, z3_call, z3_claim_cpu
from .conditions import derive_condition, monotone_in, probe_free_constants, probe_points
from .identity import positive_base_identity
from .options import CheckOptions


#: How a counterexample decided without any interval enclosure is confirmed.
EXACT = "exact rational arithmetic"
#: How an algebraic witness is confirmed (``_algebraic_witness``).
ALGEBRAIC = "interval arithmetic, with ties settled by SymPy's exact arithmetic on algebraic numbers"

#: The memo of one ``reuse()`` block: z3 answers and prepared claims by their whole input.
_memo: contextvars.ContextVar[dict | None] = contextvars.ContextVar("engine_reuse", default=None)


@contextlib.contextmanager
def reuse() -> Iterator[None]:
    """Inside the block, a z3 query (``_run_z3``), a preparation (``prepare``) or a claim's simulation asked again
    with the same input returns the first answer instead of being computed again. Each is a pure function of its
    input (fixed seeds, rlimit and digits; a fresh z3 context per query), so this changes no output: it is for the
    re-checks of one reading (vacuity, plausible ranges, flip points), which ask the same questions again.
    A z3 query's input includes the claim's rlimit ledger (what is left of it bounds the call's allowance), and a
    remembered answer charges the ledger what the call spent, so a hit is the fresh call exactly, whichever claim
    of the reading asked first (``_run_z3``)."""
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def _remembered(key: tuple, compute: Callable[[], object]):
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


@dataclass(frozen=True)
class Prepared:
    """A claim after definition expansion, literature binding and symbolic lowering."""

    claim: Claim
    hypotheses: tuple[Term, ...]
    goal: Term
    decls: tuple[SymbolDecl, ...]
    steps: tuple[Step, ...]
    evidence: tuple[Evidence, ...]
    undefined_used: tuple[str, ...]
    #: (derivative text, equation): where a derivative computed branch by branch may not exist.
    kinks: tuple[tuple[str, Term], ...] = ()
    #: Where the expressions under ``diff`` are defined: a derivative exists only there, so a witness must
    #: satisfy these too (lowering replaces ``diff(log(y), y)`` by ``1/y``, which is defined at y = -1).
    diff_domains: tuple[Term, ...] = ()
    #: Where SymPy's generic value of each limit with parameters applies (``symbolic.limit_degeneracies``):
    #: a proof needs them wherever the assumptions hold, and a witness must satisfy them.
    limit_generic: tuple[Term, ...] = ()
    #: The hypotheses and goal before SymPy lowered them, when a limit in them has parameters: a witness is
    #: re-checked on these with the limits recomputed at its values (``_recheck_limits``).
    stated: tuple[Term, ...] = ()


# ---------------------------------------------------------------- preparation


def expand_definitions(t: Term, claim: Claim, points: dict[str, Term] | None = None) -> tuple[Term, list[Step]]:
    """Replace calls of the claim's definitions by their bodies, recording one step per definition.

    Expansion is capture-free (docs/claim-format.md): a parameter named like a shared symbol of a definition its
    body calls is renamed before that call is expanded (``Q(N_c) = Pc(2*N_c)`` with ``Pc``'s shared ``N_c``). A
    ``diff`` or ``limit`` variable named like a shared symbol of a definition called under it is refused
    (``_binder_clash_text``, ``UnsupportedConstruct``): ``limit(P(x)/x, x, oo)`` with ``P(y) = y + x`` is 1 if ``P``'s
    ``x`` is the outer one and 2 if the binder takes it, and both readings are what users write.

    A body whose ``diff`` is kept for after expansion (``_partial_operands``, kinks) has no form once its variable
    is replaced by a number or a compound argument (``L(2)`` with ``L(y) = diff(log(y), y)``). With ``points``
    given, such a call gets fresh parameter symbols instead, and ``points`` maps each fresh name to its argument:
    the caller computes the derivatives in the fresh symbols, with their obligations and kinks, and substitutes
    the arguments afterwards (``_at_points``). Without ``points`` such a call raises ``UnsupportedConstruct``."""
    defs = {d.name: d for d in claim.definitions}
    steps: list[Step] = []
    seen: set[str] = set()
    shared = _shared_closure(claim)
    taken = set(_claim_names(claim))
    params: dict[str, tuple[str, ...]] = {}

    def fresh(name: str) -> str:
        out = _fresh(name, frozenset(taken) | frozenset(points or ()))
        taken.add(out)
        return out

    def called_shared(term: Term) -> frozenset[str]:
        """The shared symbols of the definitions ``term`` calls, directly or through their bodies."""
        return frozenset().union(*(shared[n.name] for n in walk(term) if isinstance(n, (Pred, UFun))
                                   and n.name in defs))

    lowered: dict[str, Term] = {}

    def body_of(d) -> Term:
        """The body with nested definitions expanded and its own diff/limit computed before any argument is
        substituted, so the variables they bind can never capture an argument (``D(t) = diff(t**2, t)`` at 3).
        Its parameters are renamed first where a definition it calls shares a symbol of that name (``params``)."""
        if d.id not in lowered:
            clash = set(d.params) & called_shared(d.body)
            renamed = {p: fresh(p) for p in d.params if p in clash}
            params[d.id] = tuple(renamed.get(p, p) for p in d.params)
            body = substitute(d.body, {p: Sym_(q) for p, q in renamed.items()}) if renamed else d.body
            body = transform(body, visit)
            if any(isinstance(n, (Diff, Limit)) for n in walk(body)) and not _derivative_kinks([body]) \
                    and not _parametric_limits([body]) and not _partial_operands(body):
                # their generic conditions, and the definedness of a partial operand (diff(log(y), y) is 1/y
                # only where log(y) is defined), are derived after expansion
                decls = tuple(d.symbols) + tuple(SymbolDecl(p, "real") for p in params[d.id]
                                                 if all(s.name != p for s in d.symbols))
                try:
                    body, lowering = symbolic.lower(body, decls)
                    steps.extend(lowering)
                except UnsupportedConstruct:
                    pass  # computed after substitution instead (capture-free, see model.terms.substitute)
            lowered[d.id] = body
        return lowered[d.id]

    def visit(node: Term) -> Term | None:
        if isinstance(node, (Diff, Limit)) and node.var.name in called_shared(node.expr):
            raise UnsupportedConstruct(_binder_clash_text(node, defs, shared))
        if isinstance(node, (Pred, UFun)) and node.name in defs:
            d = defs[node.name]
            args = tuple(transform(a, visit) for a in node.args)
            if d.id not in seen:
                seen.add(d.id)
                head = f"{d.name}({', '.join(d.params)})" if d.params else d.name
                steps.append(Step(f"expand definition {d.id}", head, d.body_text, "definition",
                                  "by construction: parameters substituted"))
            body = body_of(d)
            try:
                return _by_value(substitute(body, dict(zip(params[d.id], args))), args)
            except ValueError as exc:
                if points is None or any(isinstance(n, (Diff, Limit)) for a in args for n in walk(a)):
                    raise UnsupportedConstruct(f"definition {d.name}: {exc}") from None
            names = frozenset(taken) | frozenset(points) | frozenset().union(*map(free_symbols, args))
            fresh_params: dict[str, Term] = {}
            for p, a in zip(params[d.id], args):
                name = _fresh(p, names | frozenset(x.name for x in fresh_params.values()))
                fresh_params[p] = Sym_(name)
                points[name] = a
            return _by_value(substitute(body, fresh_params), args)
        return None

    return transform(t, visit), steps


def _shared_closure(claim: Claim) -> dict[str, frozenset[str]]:
    """For each definition's name, the shared (non-parameter) symbols of its body and of the bodies of the
    definitions it calls, transitively: the names an expansion of a call brings in free."""
    defs = {d.name: d for d in claim.definitions}
    out: dict[str, frozenset[str]] = {}

    def of(name: str, active: frozenset[str]) -> frozenset[str]:
        if name not in out:
            d = defs[name]
            names = set(free_symbols(d.body)) - set(d.params)
            for n in walk(d.body):
                if isinstance(n, (Pred, UFun)) and n.name in defs and n.name not in active:
                    names |= of(n.name, active | {name})
            out[name] = frozenset(names)
        return out[name]

    for d in claim.definitions:
        of(d.name, frozenset({d.name}))
    return out


def _binder_clash_text(node: Diff | Limit, defs, shared: dict[str, frozenset[str]]) -> str:
    v = node.var.name
    users = sorted({defs[n.name].id for n in walk(node.expr) if isinstance(n, (Pred, UFun)) and n.name in defs
                    and v in shared[n.name]})
    what, rest = ("diff", "") if isinstance(node, Diff) else ("limit", ", ...")
    return (f"{v} is the variable of {what}({to_text(node.expr)}, {v}{rest}) and a shared symbol of definition "
            f"{', '.join(users)} called under it: whether the {what} binds that symbol is ambiguous (a parameterless "
            "definition reads as a name for its body, a parameter's function as lexically scoped; rename the "
            "variable or the symbol)")


def _claim_names(claim: Claim) -> frozenset[str]:
    """Every name the claim uses: its symbols, its definitions and their parameters, and the free symbols of its
    statement, assumptions and definition bodies (fresh names avoid all of them)."""
    names = {d.name for d in claim.symbols}
    for d in claim.definitions:
        names.update((d.name, *d.params, *(s.name for s in d.symbols)))
        names.update(free_symbols(d.body))
    for t in (*claim.assume, claim.show):
        names.update(free_symbols(t))
    return frozenset(names)


def _mentions(text: str, name: str) -> bool:
    return re.search(rf"(?<![\w.]){re.escape(name)}(?![\w.])", text) is not None


def _at_points(terms: tuple[Term, ...], points: dict[str, Term]) -> tuple[Term, ...]:
    """``terms`` with the fresh parameter symbols of ``expand_definitions`` replaced by their arguments, once the
    derivatives in them are computed; raises ``UnsupportedConstruct`` if one is left uncomputed."""
    try:
        return tuple(substitute(t, points) for t in terms)
    except ValueError as exc:
        raise UnsupportedConstruct(f"a definition's derivative at its argument: {exc}") from None


def _partial_operands(body: Term) -> bool:
    """Whether some ``diff``/``limit`` in ``body`` acts on a term with definedness obligations (log, sqrt, division,
    real powers): lowered early, its value (``1/y`` for ``diff(log(y), y)``) would lose them."""
    return any(isinstance(n, (Diff, Limit)) and obligations(n.expr) for n in walk(body))


def _by_value(expanded: Term, args: tuple[Term, ...]) -> Term:
    """Call by value: an application is defined only where its arguments are (docs/verdicts.md).

    Substitution alone would drop an argument the body ignores (``D0(t) = x`` at ``log(-1)``) or
    guards away. An argument whose definedness obligations do not all appear unguarded in the expansion
    is evaluated in an always-evaluated ``ite`` condition, ``ite(u == u, body, body)`` (for a predicate,
    the left side of ``u == u and body``): same value, and the argument's side conditions apply wherever
    the application is evaluated.
    """
    have = {(o.term, o.condition) for o in obligations(expanded) if not o.guards}
    for a in args:
        if any((o.term, o.condition) not in have for o in obligations(a)):
            evaluated = Rel("==", a, a)
            expanded = And_((evaluated, expanded)) if is_boolean(expanded) else Ite(evaluated, expanded, expanded)
    return expanded


def prepare(claim: Claim, references: Callable[[str], object] | None = None,
            fixed: dict[str, Fraction] | None = None) -> Prepared:
    """Expand, bind and lower ``claim``; raise ``UnsupportedConstruct`` if SymPy cannot lower it.

    ``fixed`` gives symbols numeric values, substituted (like literature values) after expansion and before
    SymPy computes derivatives and limits. Inside ``reuse()`` a claim prepared before is not prepared again. The
    key holds the definitions (a claim compares without them): a flip scan fixes a tolerance shared with a
    definition in the body only, so two scanned claims may differ in their definitions alone."""
    key = ("prepare", claim, claim.definitions, references, tuple(sorted((fixed or {}).items())))
    return _remembered(key, lambda: _prepare(claim, references, fixed))  # type: ignore[return-value]


def _prepare(claim: Claim, references: Callable[[str], object] | None,
             fixed: dict[str, Fraction] | None) -> Prepared:
    size = expanded_size((*claim.assume, claim.show), claim.definitions)
    if size > MAX_EXPANDED_NODES:
        raise UnsupportedConstruct(f"the statement expands to more than {MAX_EXPANDED_NODES} nodes once its "
                                   "definitions are substituted (the definition-expansion size budget)")
    steps: list[Step] = []
    hyps: list[Term] = []
    points: dict[str, Term] = {}
    for h in claim.assume:
        t, s = expand_definitions(h, claim, points)
        hyps.append(t)
        steps.extend(x for x in s if x not in steps)
    goal, s = expand_definitions(claim.show, claim, points)
    steps.extend(x for x in s if x not in steps)
    evidence: list[Evidence] = []
    bound: dict[str, Term] = {}
    for name, ref_id in claim.references:
        if references is None:
            raise UnsupportedConstruct("literature references are not available")
        try:
            ref = references(ref_id)
        except UserInputError as exc:
            raise exc.located(file=claim.file or None, key=f"claim.{claim.id}.references.{name}") from None
        value = getattr(ref, "value", None)
        if value is None:
            low, high = getattr(ref, "low", None), getattr(ref, "high", None)
            if low is None and high is None:  # a formula or text: cited only, the symbol stays universal
                evidence.append(Evidence("literature", "cited", (("reference", ref_id), ("symbol", name),
                                                                  ("value", "none"), ("citation", ref.citation()))))
                continue
            # A range or one-sided bound: the symbol stays free inside it (closed ends; see docs/claim-format.md).
            ends = [Rel("<=", Num(low), Sym_(name))] if low is not None else []
            ends += [Rel("<=", Sym_(name), Num(high))] if high is not None else []
            hyps = [*ends, *hyps]
            evidence.append(Evidence("literature", "cited", (("reference", ref_id), ("symbol", name), ("low", str(low)),
                                                              ("high", str(high)), ("citation", ref.citation()))))
            continue
        bound[name] = Num(value)
        evidence.append(Evidence("literature", "cited", (("reference", ref_id), ("symbol", name),
                                                          ("value", _fraction_text(value)),
                                                          ("citation", ref.citation()))))
    for name, value in (fixed or {}).items():
        bound.setdefault(name, Num(value))
    if bound:
        hyps = [substitute(h, bound) for h in hyps]
        goal = substitute(goal, bound)
        # and in the axioms of undefined functions, which z3 instantiates and a countermodel is checked against
        # (adversarial review 10 F11: a free L there let the countermodel choose L = 7/5 for L = 0.076)
        claim = replace(claim, undefined=with_values(claim, bound).undefined)
        steps.append(Step("bind literature values", ", ".join(bound), ", ".join(
            f"{k} = {to_text(v)}" for k, v in bound.items()), "literature.toml"))
    decls = tuple(d for d in claim.symbols if d.name not in bound)
    # fresh parameters of definitions applied at an argument are real variables until their derivatives are computed
    decls_at = decls + tuple(SymbolDecl(name, "real") for name in points)
    hyps, goal = _pinned_substituted(hyps, goal, decls, claim.free, steps)
    hyps, goal = [_removable_ites_under_diff(h) for h in hyps], _removable_ites_under_diff(goal)
    kinks, diff_domains = _derivative_conditions([*hyps, goal], decls_at)
    limit_generic = _limit_generic([*hyps, goal], decls_at)
    stated = (*hyps, goal) if _parametric_limits([*hyps, goal]) else ()
    lowered_hyps = []
    for h in hyps:
        t, s = symbolic.lower(h, decls_at)
        lowered_hyps.append(t)
        steps.extend(s)
    goal, s = symbolic.lower(goal, decls_at)
    steps.extend(s)
    if points:
        lowered_hyps, (goal,) = list(_at_points(tuple(lowered_hyps), points)), _at_points((goal,), points)
        kinks = [(f"{what} at {', '.join(f'{k} = {to_text(v)}' for k, v in points.items() if _mentions(what, k))}", eq)
                 for (what, _), eq in zip(kinks, _at_points(tuple(eq for _, eq in kinks), points))]
        diff_domains = _at_points(diff_domains, points)
        limit_generic = _at_points(limit_generic, points)
        stated = _at_points(stated, points)
        steps.append(Step("evaluate derivatives at the arguments", ", ".join(points), ", ".join(
            f"{k} = {to_text(v)}" for k, v in points.items()), "definitions applied at numbers or compound terms"))
    names = {d.name for d in claim.definitions}
    undefined = sorted({n.name for t in (*lowered_hyps, goal) for n in walk(t)
                        if isinstance(n, (Pred, UFun)) and n.name not in names
                        and not (isinstance(n, Pred) and not n.args and claim.symbol(n.name))})
    return Prepared(claim, tuple(lowered_hyps), goal, decls, tuple(steps), tuple(evidence), tuple(undefined),
                    tuple(kinks), diff_domains, limit_generic, stated)


def _pins(hyps: list[Term], decls, free: tuple[str, ...]) -> dict[str, Num]:
    """The symbols an assumption ``sym == number`` (or ``number == sym``) pins to an exact number, first pin
    first; free constants and booleans are never pinned."""
    names = {d.name for d in decls if d.domain != "bool"} - set(free)
    pins: dict[str, Num] = {}
    for h in hyps:
        if isinstance(h, Rel) and h.op == "==":
            for sym, value in ((h.lhs, h.rhs), (h.rhs, h.lhs)):
                if isinstance(sym, Sym_) and isinstance(value, Num) and sym.name in names:
                    pins.setdefault(sym.name, value)
    return pins


def _pinned_substituted(hyps: list[Term], goal: Term, decls, free: tuple[str, ...],
                        steps: list[Step]) -> tuple[list[Term], Term]:
    """``hyps`` and ``goal`` with each pinned symbol (``_pins``) replaced by its number everywhere but in the
    pinning assumptions themselves, which stay: the symbol stays declared, the verdict is about the same
    statement (a witness lists the pinned value, a pin outside the domain or a second pin makes the assumptions
    contradictory), and SymPy and z3 see the number. Definedness is decided on the substituted terms, so a
    pinned value that makes a term undefined leaves it undefined. A symbol that a ``diff`` takes its variable
    from is not pinned (a derivative at a number has no form in the term language before it is computed)."""
    pins = _pins(hyps, decls, free)
    diff_vars = {n.var.name for t in (*hyps, goal) for n in walk(t) if isinstance(n, Diff)}
    pins = {k: v for k, v in pins.items() if k not in diff_vars}
    if not pins:
        return hyps, goal
    pinning = {h for h in hyps if isinstance(h, Rel) and h.op == "==" and
               any(isinstance(x, Sym_) and x.name in pins for x in (h.lhs, h.rhs)) and
               any(isinstance(x, Num) for x in (h.lhs, h.rhs))}
    try:
        new_hyps = [h if h in pinning else substitute(h, pins) for h in hyps]
        new_goal = substitute(goal, pins)
    except ValueError:
        return hyps, goal
    steps.append(Step("substitute pinned values", ", ".join(pins), ", ".join(
        f"{k} = {to_text(v, exact=True)}" for k, v in pins.items()), "assumption sym == number (kept as an assumption)"))
    return new_hyps, new_goal


def _parametric_limits(terms: list[Term]) -> bool:
    """Whether a limit in ``terms`` has free symbols besides its variable (SymPy's value is then generic)."""
    return any(isinstance(n, Limit) and free_symbols(n) - {n.var.name} for t in terms for n in walk(t))


def _limit_generic(terms: list[Term], decls) -> tuple[Term, ...]:
    """The conditions on the parameters under which SymPy's value of each limit in ``terms`` applies
    (``symbolic.limit_degeneracies``)."""
    out: list[Term] = []
    # a limit compared with oo or -oo may have an infinite value: its generic conditions include the numerator's
    compared = {id(lim) for t in terms for n in walk(t) if (lim := symbolic.infinite_comparison(n)) is not None}

    def visit(t: Term, binders: dict[str, type]) -> None:
        if isinstance(t, Limit):
            bound = frozenset(binders) | {t.var.name}
            by_limit = frozenset(n for n, kind in binders.items() if kind is Limit and n != t.var.name)
            for cond in symbolic.limit_degeneracies(t, decls, id(t) in compared):
                if _excludes_a_point_of(cond, by_limit, bound):
                    continue
                if free_symbols(cond) & bound:
                    raise UnsupportedConstruct(f"where SymPy's value of {to_text(t)[:80]} applies depends on a "
                                               "variable bound by an enclosing limit or derivative")
                if cond not in out:
                    out.append(cond)
        if isinstance(t, (Limit, Diff)):
            binders = {**binders, t.var.name: type(t)}
        for k in children(t):
            visit(k, binders)

    for t in terms:
        visit(t, {})
    return tuple(out)


def _excludes_a_point_of(cond: Term, limit_vars: frozenset[str], bound: frozenset[str]) -> bool:
    """Whether ``cond`` is ``v != e`` with ``v`` the variable of an enclosing limit (its innermost binder) and
    ``e`` free of every bound variable: it excludes one value of ``v``, which the enclosing limit, taken over a
    punctured neighbourhood of its point, never depends on (lim_{x->0} lim_{y->0} x/(x+y) is 1, although the
    inner value 1 needs x != 0). Not for a ``diff`` variable: a derivative at a point uses the value there."""
    if not (isinstance(cond, Rel) and cond.op == "!="):
        return False
    if isinstance(cond.rhs, Num) and cond.rhs.value == 0:
        return any(_finitely_many_zeros(cond.lhs, v, bound) for v in limit_vars)
    return any(isinstance(var, Sym_) and var.name in limit_vars and not free_symbols(rest) & bound
               for var, rest in ((cond.lhs, cond.rhs), (cond.rhs, cond.lhs)))


def _finitely_many_zeros(t: Term, v: str, bound: frozenset[str]) -> bool:
    """Whether ``t`` is a product of powers of factors ``a*v + b`` (a a nonzero number, b free of bound
    variables) and nonzero numbers, with at least one factor: as a function of ``v`` it vanishes at finitely
    many points whatever the free parameters are."""
    def linear(f: Term) -> bool:
        if isinstance(f, Sym_):
            return f.name == v
        if isinstance(f, Mul):
            return len(f.args) == 2 and any(isinstance(a, Num) and a.value != 0 for a in f.args) \
                and any(isinstance(a, Sym_) and a.name == v for a in f.args)
        if isinstance(f, Add):
            with_v = [a for a in f.args if v in free_symbols(a)]
            return len(with_v) == 1 and linear(with_v[0]) and all(
                not free_symbols(a) & bound for a in f.args if a is not with_v[0])
        return False

    factors = t.args if isinstance(t, Mul) else (t,)
    seen = False
    for f in factors:
        if isinstance(f, Num):
            if f.value == 0:
                return False
            continue
        if isinstance(f, Pow) and isinstance(f.exp, Num) and f.exp.value.denominator == 1 and f.exp.value > 0:
            f = f.base
        if not linear(f):
            return False
        seen = True
    return seen


def _removable_ites_under_diff(t: Term) -> Term:
    """``t`` with each ``diff`` taken of its expression without removable ites (``model.definedness``)."""
    return transform(t, lambda n: Diff(drop_removable_ites(n.expr), n.var, n.order) if isinstance(n, Diff) else None)


def _derivative_conditions(terms: list[Term], decls) -> tuple[list[tuple[str, Term]], tuple[Term, ...]]:
    """The kinks (``_derivative_kinks``) and domains (where the expressions under ``diff`` are defined) of the
    derivatives in ``terms``, as conditions on the claim's symbols.

    A condition that mentions the variable of an enclosing limit is about that variable near the limit point, not
    about a symbol of the claim: the limit uses the derivative only on a punctured neighbourhood of its point (on
    the side it approaches from). It is dropped when it holds there (the kink ``floor(x) == x`` is avoided near
    x = 3/2, and from the left of 1; ``x > 0`` holds right of 1), else the claim is not prepared
    (``UnsupportedConstruct``): the derivative may not exist near the point, so neither the limit nor a witness
    value of its bound variable means anything."""
    kinks_out: list[tuple[str, Term]] = []
    domains: list[Term] = []

    def near(cond: Term, limits: dict[str, Limit], diff: Diff, what: str) -> bool:
        bound = sorted(free_symbols(cond) & set(limits))
        if not bound:
            return False
        limit = limits[bound[0]]
        try:
            if len(bound) == 1 and symbolic.holds_near(cond, limit, decls):
                return True
            detail = "fails there" if len(bound) == 1 else f"mentions the variables {', '.join(bound)} of two limits"
        except UnsupportedConstruct as exc:
            detail = f"is not decided there: {exc}"
        raise UnsupportedConstruct(f"{to_text(diff)[:80]} may not exist near the point of {to_text(limit)[:80]}, "
                                   f"where the limit uses it: {what} {detail}")

    def visit(t: Term, limits: dict[str, Limit]) -> None:
        if isinstance(t, Diff):
            for k in kinks(t.expr, t.var.name):
                if not near(Not_(k), limits, t, f"that there is no jump or kink ({to_text(k)}) near the point"):
                    if (to_text(t), k) not in kinks_out:
                        kinks_out.append((to_text(t), k))
            for o in obligations(t.expr):
                if not near(o.formula(), limits, t, f"{o.term_text()} needs {o.text()}, which"):
                    if o.formula() not in domains:
                        domains.append(o.formula())
        if isinstance(t, Limit):
            limits = {**limits, t.var.name: t}
        for k in children(t):
            visit(k, limits)

    for t in terms:
        visit(t, {})
    return kinks_out, tuple(domains)


def _derivative_kinks(terms: list[Term]) -> list[tuple[str, Term]]:
    """The points where a ``diff`` in ``terms`` may not exist (jumps and kinks of its expression)."""
    return [(to_text(n), k) for t in terms for n in walk(t) if isinstance(n, Diff) for k in kinks(n.expr, n.var.name)]


def _unproved_kinks(prep: Prepared, opts: CheckOptions) -> tuple[list[tuple[str, Term]], list[Evidence]]:
    """The kinks the assumptions do not rule out: there the derivative may not exist, so no verdict is sound."""
    open_, evidence = [], []
    for what, eq in prep.kinks:
        out, ev = _run_z3(prep.hypotheses, Not_(eq), prep.decls, opts, refine=False)
        if out is None or out.status != "unsat":
            open_.append((what, eq))
            evidence.extend(ev)
    return open_, evidence


def _fraction_text(v: Fraction) -> str:
    return str(v.numerator) if v.denominator == 1 else f"{v.numerator}/{v.denominator}"


# ---------------------------------------------------------------- deciding


def check_claim(claim: Claim, options: CheckOptions = CheckOptions(),
                references: Callable[[str], object] | None = None,
                simulate: Callable[[Claim], Evidence] | None = None) -> Result:
    """Compute the verdict, reason and evidence for ``claim``: its SymPy work under one CPU budget, its z3 work
    under one rlimit budget of ``options.rlimit`` units (the last evidence record gives the z3 accounting) and,
    as a backstop, one CPU-time budget (``budget.z3_call``)."""
    with contextlib.ExitStack() as stack:
        stack.enter_context(symbolic.claim_budget())
        ledger = stack.enter_context(z3b.claim_budget(options.rlimit))
        if ledger is not None:  # a claim checked on behalf of another shares its caller's z3 CPU too
            stack.enter_context(z3_claim_cpu())
        result = _check_claim(claim, options, references, simulate)
    if ledger is None:  # a claim checked on behalf of another: its z3 work is the caller's
        return result
    spent = Evidence("budget", "spent" if ledger.left <= 0 else "within", (
        ("z3_rlimit", ledger.total), ("z3_rlimit_used", ledger.used), ("z3_calls", ledger.calls)))
    return replace(result, evidence=result.evidence + (spent,))


def _check_claim(claim: Claim, options: CheckOptions, references: Callable[[str], object] | None,
                 simulate: Callable[[Claim], Evidence] | None) -> Result:
    if claim.snippet is not None:  # its symbols stand for what code does: only snippets.claims may bind them
        return Result(claim.id, Verdict.UNDECIDED, "Snippet not run: the claim is about what the document's code "
                      "does (see docs/snippets.md).", evidence=(Evidence("sandbox", "not run"),))
    if claim.function_property is not None:
        from .properties import check_property  # imported here: properties builds on this module's check_claim
        try:
            result = check_property(claim, lambda t: expand_definitions(t, claim),
                                    lambda c: check_claim(c, options, references))
        except UnsupportedConstruct as exc:
            result = Result(claim.id, Verdict.UNDECIDED, f"The symbolic layer could not prepare the claim: {exc}.",
                            evidence=(Evidence("sympy", "unsupported", (("detail", str(exc)),)),))
        return _with_reading(result, claim)
    extra: list[Evidence] = []
    if claim.simulate is not None and simulate is not None:
        # the re-checks of one reading (plausible ranges, flip points) run the same seeded experiment again
        extra.append(_remembered(("simulate", claim.simulate, simulate), lambda: simulate(claim)))
    try:
        prep = prepare(claim, references)
    except UnsupportedConstruct as exc:
        refuted = _refute_at_points(claim, options, references)
        if refuted is not None:
            refuted = replace(refuted, evidence=(Evidence("sympy", "unsupported", (("detail", str(exc)),)),
                                                 *refuted.evidence, *extra))
            return _with_reading(_free_probed(claim, _unvalued_references(claim, refuted, references), options,
                                              references, None), claim)
        return _with_reading(Result(claim.id, Verdict.UNDECIDED, f"The symbolic layer could not prepare the claim: {exc}.",
                                    evidence=(Evidence("sympy", "unsupported", (("detail", str(exc)),)), *extra)), claim)
    except RecursionError:  # a chain of hundreds of nested definitions: a deterministic nesting budget
        detail = f"the expanded statement is nested deeper than the engine's nesting budget ({sys.getrecursionlimit()} frames)"
        return _with_reading(Result(claim.id, Verdict.UNDECIDED, f"The claim could not be prepared: {detail}.",
                                    evidence=(Evidence("engine", "nesting budget", (("detail", detail),)), *extra)),
                             claim)
    try:
        result = _decide(prep, options)
    except UserInputError:
        raise
    except Exception as exc:  # an engine bug must not take the other claims down; it is reported, never a verdict
        result = Result(claim.id, Verdict.UNDECIDED, f"An engine stopped with {type(exc).__name__}: {str(exc)[:200]}.",
                        evidence=(Evidence("engine", "error", (("exception", type(exc).__name__),
                                                               ("detail", str(exc)[:500]))),))
    result = replace(result, steps=prep.steps + result.steps, evidence=prep.evidence + result.evidence + tuple(extra))
    # a witness on a literature range end, or of a reference with no number, is no refutation: before the free
    # constants are probed from it ("fails for p = 250, hence for every p >= 250" at g = 250; adversarial review 13 F8)
    return _with_reading(_free_probed(claim, _unvalued_references(claim, result, references), options, references,
                                      prep), claim)


def _unvalued_references(claim: Claim, result: Result, references: Callable[[str], object] | None) -> Result:
    """``result``, with a ``fails`` made ``undecided`` when a symbol the statement uses is bound to a reference
    with no number (a formula or a text), or when the witness puts a range-bound symbol on an end of its range.
    Such a symbol stays universally quantified (inside its range, ends included), so ``holds`` covers the value
    the document means, but a witness value of it need not be that value (an end may be strict: the data file
    says so only in a note)."""
    if result.verdict is not Verdict.FAILS or not claim.references or references is None:
        return result
    used: set[str] = set()
    for t in (*claim.assume, claim.show):
        used |= free_symbols(expand_definitions(t, claim, {})[0])  # {}: a definition's derivative at a number
    unvalued, at_end = [], []
    witness = dict(result.counterexample.values) if result.counterexample is not None else {}
    for name, ref_id in claim.references:
        ref = references(ref_id)
        ends = [getattr(ref, k, None) for k in ("low", "high")]
        if name in used and getattr(ref, "value", None) is None and ends == [None, None]:
            unvalued.append((name, ref_id))
        elif name in witness and any(e is not None and _fraction_text(e) == witness[name] for e in ends):
            at_end.append((name, ref_id))
    if at_end:  # the data file states whether a bound is strict only in a note
        names = ", ".join(f"{n} = {witness[n]}" for n, _ in at_end)
        return Result(claim.id, Verdict.UNDECIDED, f"The witness puts {names} on an end of the literature range "
                      f"({', '.join(r for _, r in at_end)}), which may be a strict bound: {result.reason}",
                      steps=result.steps, evidence=result.evidence + (Evidence("literature", "witness at an end", (
                          ("symbols", ", ".join(n for n, _ in at_end)),)),))
    if not unvalued:
        return result
    names = ", ".join(f"{n} (bound to {r})" for n, r in unvalued)
    return Result(claim.id, Verdict.UNDECIDED, f"Refuted with {names} left free, but that reference records no "
                  f"number, so the witness need not be the value the claim means: {result.reason}",
                  steps=result.steps, evidence=result.evidence + (Evidence("literature", "no value", (
                      ("symbols", ", ".join(n for n, _ in unvalued)),)),))


def _free_probed(claim: Claim, result: Result, options: CheckOptions, references, prep: Prepared | None) -> Result:
    """A ``fails`` of a claim with free constants and no derived condition, checked at other values of them
    (``conditions.probe_free_constants``): ``undecided`` unless every value checked is refuted too."""
    if not claim.free or result.verdict is not Verdict.FAILS or result.condition is not None:
        return result
    points = probe_points(claim.symbols, claim.free, result.counterexample)
    # the lowered goal has SymPy's generic value of each limit with parameters, which may hide how the claim
    # depends on p (limit(p*x/(p*x + 1), x, oo) is 1 only where p != 0; adversarial review 12 F5)
    shape = monotone_in(prep.goal, prep.hypotheses, claim.free) if prep is not None and not prep.limit_generic \
        else None

    def at(point: dict[str, Fraction]) -> Result | None:
        try:  # ``fixed`` binds them after expansion too: a definition's body may use them
            # ValueError: a free constant that a diff differentiates by has no value to fix (adv13 F9: exit 3)
            instance = with_values(replace(claim, free=()), {k: Num(v) for k, v in point.items()})
            return _decide(prepare(instance, references, fixed=point), options)
        except (UnsupportedConstruct, RecursionError, ValueError):
            return None

    return probe_free_constants(claim, result, points, at, shape)


#: How many round-value points a claim SymPy cannot lower symbolically is instantiated at, looking for a witness.
POINT_TRIES = 8


def _refute_at_points(claim: Claim, options: CheckOptions, references) -> Result | None:
    """``fails`` at a point of round values where SymPy can lower the instantiated claim and it is decided false.

    The claim is universal in its symbols (those a ``diff`` or ``limit`` binds stay symbolic), so one point
    where the assumptions and domains hold and the statement is false, decided on the instantiated claim,
    refutes it. None when no point of the first ``POINT_TRIES`` gives ``fails``."""
    bound_vars = {n.var.name for t in (*claim.assume, claim.show) for n in walk(t) if isinstance(n, (Diff, Limit))}
    decls = [d for d in claim.symbols if d.name not in bound_vars and d.domain != "bool"]
    if not decls or any(d.domain == "bool" for d in claim.symbols):
        return None
    for point in itertools.islice(simple_points(decls), POINT_TRIES):
        try:
            prep = prepare(claim, references, fixed=point)
            result = _decide(prep, options)
        except (UnsupportedConstruct, RecursionError, ValueError):  # ValueError: a diff variable was fixed
            continue
        if result.verdict is not Verdict.FAILS or result.condition is not None:
            continue
        shown = ", ".join(f"{k} = {_fraction_text(v)}" for k, v in sorted(point.items()))
        inner = result.counterexample
        values = tuple((k, _fraction_text(v)) for k, v in sorted(point.items())) + (inner.values if inner else ())
        ce = Counterexample(values, inner.evaluations if inner else (), inner.dps if inner else options.dps,
                            (inner.confirmed_by if inner else "") + "; the symbols fixed before SymPy lowered the claim")
        return replace(result, reason=f"At {shown} (fixed before SymPy computes the derivatives and limits, which it "
                       f"cannot do with these symbols left free): {result.reason}", counterexample=ce,
                       steps=prep.steps + result.steps, evidence=(Evidence("engine", "instantiated", (
                           ("point", {k: _fraction_text(v) for k, v in sorted(point.items())}),
                           ("detail", "the claim is universal in these symbols, so a refuted instance refutes it"))),
                           *prep.evidence, *result.evidence))
    return None


def _with_reading(result: Result, claim: Claim) -> Result:
    if not claim.reading:
        return result
    reason = result.reason.rstrip(".")
    return replace(result, reason=f"{reason} (reading: {claim.reading.rstrip('.')}).")


def _decide(prep: Prepared, opts: CheckOptions) -> Result:
    """The verdict; where a derivative may not exist at allowed points, only a witness away from them counts."""
    kinks_left, kink_evidence = _unproved_kinks(prep, opts) if prep.kinks else ([], [])
    if not kinks_left:
        return _decide_smooth(prep, opts)
    # Search for a counterexample away from the kinks, where the computed derivative is right.
    smooth = replace(prep, hypotheses=prep.hypotheses + tuple(Not_(eq) for _, eq in kinks_left), kinks=())
    result = _decide_smooth(smooth, opts)
    if result.verdict is Verdict.FAILS and result.counterexample is not None and result.counterexample.values:
        values = _rational_values(result.counterexample)
        off = values is not None and all(numeric.confirm_counterexample((), eq, values, opts.dps).status == "confirmed" for _, eq in kinks_left)
        if off:
            return result
    where = "; ".join(f"{what} where {to_text(eq)}" for what, eq in kinks_left)
    return Result(prep.claim.id, Verdict.UNDECIDED, "A derivative may not exist at points the assumptions allow "
                  f"({where}: a jump or kink of ite, abs, min, max, floor or heaviside, or an edge of the domain of a "
                  "root or power, where only a one-sided derivative can exist); it was computed branch by "
                  "branch, which is valid only away from those points, and no counterexample away from them was "
                  "found.", evidence=result.evidence + tuple(kink_evidence) + (Evidence("derivative", "kinks not excluded", (
                      ("points", [{"derivative": w, "where": to_text(e)} for w, e in kinks_left]),)),),
                  steps=result.steps)


def _rational_values(ce: Counterexample) -> dict[str, Fraction] | None:
    """The witness's values of the real symbols, or None when one is not rational (an algebraic witness)."""
    try:
        return {k: Fraction(v) for k, v in ce.values if v not in ("true", "false")}
    except (ValueError, ZeroDivisionError):
        return None


def _decide_smooth(prep: Prepared, opts: CheckOptions) -> Result:
    claim = prep.claim
    functions = axiomatized(claim.undefined, prep.undefined_used)
    if functions:  # even if the statement uses none of them: their axioms may have no model at all
        return decide_with_axioms(prep, opts, functions, _run_z3, _qualified_holds)
    if prep.undefined_used:
        return _decide_with_undefined(prep, opts)
    refuted = [c for c in prep.limit_generic if not free_symbols(c) and exact_truth(c) is not True]
    if refuted:  # e.g. false: the declared domains make the limit's expression undefined near its point
        return Result(claim.id, Verdict.UNDECIDED, "SymPy's value of a limit is computed for generic values of its "
                      "parameters, and the declared domains allow none of them "
                      f"({to_text(refuted[0])}): the limit may not exist, or have another value.",
                      evidence=(Evidence("sympy", "generic limit", (("condition", to_text(refuted[0])),)),))
    # a limit's SymPy value may hold only for generic parameters: then the statement is not closed
    variables = set().union(*[free_symbols(t) for t in (*prep.hypotheses, prep.goal, *prep.limit_generic)]) \
        | _bool_symbols(prep)
    if not variables:
        return _decide_closed(prep, opts)
    evidence: list[Evidence] = []
    if isinstance(prep.goal, Rel) and prep.goal.op in ("==", "!=") and not is_boolean(prep.goal.lhs):
        if symbolic.is_identity(prep.goal.lhs, prep.goal.rhs, prep.decls):
            return _by_identity(prep, opts)
        positive = positive_base_identity(prep, opts, _run_z3) if prep.goal.op == "==" else None
        if positive is not None:
            return _by_identity(prep, opts, *positive)
        evidence.append(Evidence("sympy", "no identity found", (("method", "simplify(lhs - rhs)"),)))
    outcome, z3_evidence = _run_z3(prep.hypotheses, prep.goal, prep.decls, opts, refine=False)
    evidence.extend(z3_evidence)
    if outcome is not None and outcome.status == "unsat":
        return _proved(prep, outcome, evidence, opts)
    witness, search_evidence = _find_witness(prep, outcome, opts)
    evidence.extend(search_evidence)
    if witness is None and outcome is not None and outcome.status == "sat" and outcome.abstracted:
        outcome, z3_evidence = _run_z3(prep.hypotheses, prep.goal, prep.decls, opts, refine=True)
        evidence.extend(z3_evidence)
        if outcome is not None and outcome.status == "unsat":
            return _proved(prep, outcome, evidence, opts)
        if outcome is not None and outcome.status == "sat":
            witness = _confirm(prep, dict(outcome.model), opts)
            if witness is not None:
                evidence.append(Evidence("mpmath", "confirmed", (("dps", opts.dps), ("source", "refined z3 model"))))
    losses = _losses(outcome)
    if witness is not None:
        if claim.free:
            derived = derive_condition(prep, witness, opts, _run_z3, _confirm)
            if derived is not None:
                return replace(derived, evidence=tuple(evidence) + derived.evidence, losses=losses + derived.losses)
            evidence.append(Evidence("conditions", "not derived",
                                     (("detail", "no weakest condition on the free constants could be proven"),)))
        values = ", ".join(f"{k} = {v}" for k, v in witness.values)
        how = "in exact rational arithmetic" if witness.confirmed_by == EXACT else \
            f"with interval arithmetic at {witness.dps} digits" + (
                ", an equality there by SymPy's exact arithmetic on algebraic numbers"
                if witness.confirmed_by == ALGEBRAIC else "")
        return Result(claim.id, Verdict.FAILS, f"Counterexample {values} satisfies the assumptions and violates the "
                      f"statement, confirmed {how}.", counterexample=witness, evidence=tuple(evidence), losses=losses)
    boxed = _prove_on_box(prep, opts)
    if boxed is not None:
        return replace(boxed, evidence=tuple(evidence) + boxed.evidence, losses=losses)
    if outcome is None:
        reason = "z3 cannot encode the claim and the numeric search found no counterexample"
    elif outcome.status == "unknown":
        reason = f"z3 returned unknown ({outcome.reason_unknown}) and the numeric search found no counterexample"
    elif outcome.abstracted:
        reason = ("z3's model of the over-approximated encoding is spurious on the stated claim and the numeric "
                  "search found no counterexample")
    else:
        reason = ("z3 found a model of the exact encoding, but its re-check on the stated claim was inconclusive, "
                  "and the numeric search found no counterexample")
    if prep.stated and prep.limit_generic:
        reason += (f"; SymPy's value of a limit with parameters applies only where "
                   f"{to_text(And_(prep.limit_generic)) if len(prep.limit_generic) > 1 else to_text(prep.limit_generic[0])}, so each candidate witness was re-checked "
                   "with the limits recomputed at its values")
    return Result(claim.id, Verdict.UNDECIDED, reason[0].upper() + reason[1:] + ".", evidence=tuple(evidence),
                  losses=losses + ("numeric search samples points; it is not a proof",))


#: Deterministic work budget of the interval branch-and-bound prover (pieces of the box examined), and of
#: one claim's pieces times its variables times its size in nodes (a piece costs about one interval
#: evaluation of every node, and more variables need more pieces for the same result).
BOX_PIECES = 1500
BOX_WORK = 30_000
_BOX_START = {"positive": (Fraction(0), None), "nonnegative": (Fraction(0), None), "natural": (Fraction(0), None),
              "negative": (None, Fraction(0)), "posint": (Fraction(1), None), "unit": (Fraction(0), Fraction(1)),
              "probability": (Fraction(0), Fraction(1)), "real": (None, None), "integer": (None, None)}


def _claim_box(prep: Prepared, variables: set[str]) -> dict | None:
    """A closed box containing every point the domains and the simple numeric bounds among the hypotheses allow
    (None when a variable is boolean). Integer variables range over the reals: a proof for every real point
    covers the integers too."""
    box = {}
    for v in sorted(variables):
        d = prep.claim.symbol(v)
        if d is None or d.domain not in _BOX_START:
            return None
        box[v] = _BOX_START[d.domain]
    for h in prep.hypotheses:
        if not isinstance(h, Rel) or h.op not in ("<", "<=", ">", ">="):
            continue
        if isinstance(h.lhs, Sym_) and isinstance(h.rhs, Num) and h.lhs.name in box:
            name, op, c = h.lhs.name, h.op, h.rhs.value
        elif isinstance(h.rhs, Sym_) and isinstance(h.lhs, Num) and h.rhs.name in box:
            name, op, c = h.rhs.name, {"<": ">", "<=": ">=", ">": "<", ">=": "<="}[h.op], h.lhs.value
        else:
            continue
        lo, hi = box[name]
        if op in (">", ">="):
            box[name] = (c if lo is None else max(lo, c), hi)
        else:
            box[name] = (lo, c if hi is None else min(hi, c))
        lo, hi = box[name]
        if lo is not None and hi is not None and lo > hi:
            return None  # no point at all: vacuity is z3's to report
    return box


def _prove_on_box(prep: Prepared, opts: CheckOptions) -> Result | None:
    """``holds`` by interval branch-and-bound when the hypotheses bound a box the prover covers, with its
    certificate re-checked independently; None otherwise. The hypotheses include the domains, so a piece of
    the box outside them is discharged, and a goal piece is one where the goal is defined and true throughout."""
    from ..numeric.boxprover import check_certificate, prove_on_box
    variables = set().union(*[free_symbols(t) for t in (*prep.hypotheses, prep.goal)])
    if not variables or _bool_symbols(prep):
        return None
    box = _claim_box(prep, variables)
    if box is None:
        return None
    hyps = tuple(prep.hypotheses) + tuple(domain_condition(d) for d in prep.decls if d.name in variables)
    exist = (*prep.diff_domains, *prep.limit_generic)  # derivatives exist there; limits have SymPy's value there
    goal = And_((*exist, prep.goal)) if exist else prep.goal
    pieces = _box_budget(prep, len(variables))
    found = prove_on_box(hyps, goal, box, dps=opts.dps, max_boxes=pieces)
    if found.status != "proved" or found.certificate is None:
        return None
    ok, why = check_certificate(found.certificate, hyps, goal)
    if not ok:  # the search and the re-check disagree: trust neither
        return None
    cert = found.certificate
    vacuous, vac_evidence = _run_z3(prep.hypotheses, Bool(False), prep.decls, opts, refine=False)
    ev = (Evidence("mpmath", "interval branch-and-bound certificate",
                   (("dps", cert.dps), ("pieces", cert.leaves()), ("examined", found.boxes),
                    ("budget", pieces), ("box", cert.to_json()["box"]),
                    ("recheck", "every leaf re-evaluated and the leaves rebuilt from the splits"))),)
    if vacuous is not None and vacuous.status == "unsat":
        return Result(prep.claim.id, Verdict.HOLDS, "The assumptions can never hold together, so the claim holds "
                      f"{VACUOUS}.", evidence=ev + tuple(vac_evidence))
    return Result(prep.claim.id, Verdict.HOLDS,
                  f"Interval arithmetic at {cert.dps} digits proves it on the box "
                  f"{_box_text(cert)}: {cert.leaves()} pieces, each with the statement defined and true on all of "
                  "it or an assumption false on all of it; the certificate was re-checked independently.",
                  evidence=ev)


def _size(prep: Prepared) -> int:
    """Nodes of the prepared claim (assumptions and statement): the unit of the numeric work budgets."""
    return sum(1 for t in (*prep.hypotheses, prep.goal) for _ in walk(t))


def _box_budget(prep: Prepared, variables: int) -> int:
    return max(1, min(BOX_PIECES, BOX_WORK // max(1, variables * _size(prep))))


def _box_text(cert) -> str:
    parts = []
    for v, (lo, hi) in cert.box:
        parts.append(f"{v} in [{'-oo' if lo is None else _fraction_text(lo)}, {'oo' if hi is None else _fraction_text(hi)}]")
    return ", ".join(parts)


def _bool_symbols(prep: Prepared) -> set[str]:
    """The declared ``bool`` symbols the claim mentions (they are variables, not undefined predicates)."""
    return {n.name for t in (*prep.hypotheses, prep.goal) for n in walk(t)
            if isinstance(n, Pred) and not n.args and (d := prep.claim.symbol(n.name)) is not None
            and d.domain == "bool"}


def _definedness_gaps(prep: Prepared, opts: CheckOptions) -> tuple[tuple[Obligation, ...], list[Evidence]]:
    """The goal's definedness obligations that the assumptions and domains do not imply (each proved by z3)."""
    gaps, evidence = [], []
    for o in obligations(prep.goal):
        out, ev = _run_z3(prep.hypotheses, o.formula(), prep.decls, opts, refine=False, goal_side=False)
        if out is None or out.status != "unsat":
            gaps.append(o)
            evidence.extend(ev)
    return tuple(gaps), evidence


def _where(gaps: tuple[Obligation, ...]) -> str:
    return "; ".join(o.words() for o in gaps)


def _defined_points(prep: Prepared, opts: CheckOptions) -> tuple["z3b.Outcome | None", list[Evidence]]:
    """z3's search for a point where the assumptions hold and every term of the statement is defined."""
    defined = tuple(o.formula() for o in obligations(prep.goal))
    return _run_z3(prep.hypotheses + defined, Bool(False), prep.decls, opts, refine=False)


def _qualified_holds(prep: Prepared, opts: CheckOptions, proof: str, evidence: list[Evidence],
                     losses: tuple[str, ...] = (), steps: tuple[Step, ...] = ()) -> Result:
    """``holds`` from ``proof``, unless vacuous; qualified by where the statement is defined when that is partial."""
    claim = prep.claim
    if prep.hypotheses or len({d.name for d in prep.decls}) < len(prep.decls):
        vacuous, vac_evidence = _run_z3(prep.hypotheses, Bool(False), prep.decls, opts, refine=False)
    else:  # no assumptions, and each symbol's domain alone is satisfiable: z3 could only answer sat
        vacuous, vac_evidence = None, []
    if vacuous is not None and vacuous.status == "unsat":
        axioms = sorted(axiomatized(claim.undefined, prep.undefined_used))
        what = (f"The assumptions and the instances of the axioms of {', '.join(axioms)}" if axioms else
                "The assumptions")
        return Result(claim.id, Verdict.HOLDS, f"{what} can never hold together, so the claim holds "
                      f"{VACUOUS}.", evidence=tuple(evidence + vac_evidence), losses=losses, steps=steps)
    for f in prep.diff_domains:  # a derivative exists only where its expression is defined
        out, ev = _run_z3(prep.hypotheses, f, prep.decls, opts, refine=False, goal_side=False)
        if out is None or out.status != "unsat":
            return Result(claim.id, Verdict.UNDECIDED, f"{proof} for the computed derivative, but the expression "
                          f"under diff may be undefined where the assumptions allow ({to_text(f)} is not proved), "
                          "and there no derivative exists.", evidence=tuple(evidence + ev), losses=losses,
                          steps=steps)
    for f in prep.limit_generic:  # SymPy's value of a limit with parameters holds only for generic parameters
        out, ev = _run_z3(prep.hypotheses, f, prep.decls, opts, refine=False, goal_side=False)
        if out is not None and out.status == "sat" and prep.stated:  # where f fails, the limits are recomputed
            ce = _confirm(prep, dict(out.model), opts, generic=False)
            if ce is not None:
                values = ", ".join(f"{k} = {v}" for k, v in ce.values)
                return Result(claim.id, Verdict.FAILS, f"{proof} for SymPy's value of a limit, which applies only "
                              f"where {to_text(f)}; at {values}, where it does not, the limits recomputed with these "
                              f"values make the statement false (confirmed "
                              f"{'in ' + EXACT if ce.confirmed_by == EXACT else 'with interval arithmetic'}).",
                              counterexample=ce, evidence=tuple(evidence + ev), losses=losses, steps=steps)
        if out is None or out.status != "unsat":
            return Result(claim.id, Verdict.UNDECIDED, f"{proof} for SymPy's value of a limit, which is computed for "
                          f"generic values of its parameters; it applies where {to_text(f)}, and that is not proved "
                          "wherever the assumptions hold (where it fails, the limit may have another value).",
                          evidence=tuple(evidence + ev), losses=losses, steps=steps)
    gaps, gap_evidence = _definedness_gaps(prep, opts)
    if not gaps:
        return Result(claim.id, Verdict.HOLDS, f"{proof}.", evidence=tuple(evidence), losses=losses, steps=steps)
    for o in gaps:  # z3 abstracts log(8) - 3*log(2) != 0 and finds it satisfiable: decide such a condition first
        closed, truth = _obligation_truth(prep, o, opts.dps)
        if truth is False or (closed and truth is not True):
            state = "false" if truth is False else "not decided"
            return Result(claim.id, Verdict.UNDECIDED, f"{proof}, but the statement is "
                          f"{'undefined' if truth is False else 'perhaps undefined'} wherever the assumptions hold "
                          f"({o.term_text()} needs {o.text()}, which is {state} there), so the proof "
                          f"{'would' if truth is False else 'may'} be vacuous.",
                          evidence=tuple(evidence + gap_evidence) + (Evidence("definedness", "undefined" if truth is
                                                                               False else "undetermined", (
                              ("term", o.term_text()), ("condition", o.text()))),), losses=losses, steps=steps)
    defined, def_evidence = _defined_points(prep, opts)
    if defined is None or defined.status != "sat":
        return Result(claim.id, Verdict.UNDECIDED, "z3 found no point where the assumptions hold and every "
                      f"stated term is defined, so the proof would be vacuous ({_where(gaps)}).",
                      evidence=tuple(evidence + gap_evidence + def_evidence), losses=losses, steps=steps)
    where = tuple((o.term_text(), o.text()) for o in gaps)
    return Result(claim.id, Verdict.HOLDS, f"{proof}, so the statement holds where {_where(gaps)}; elsewhere "
                  "it is undefined.", evidence=tuple(evidence + gap_evidence), losses=losses, steps=steps,
                  defined_where=where)


def _proved(prep: Prepared, outcome: "z3b.Outcome", evidence: list[Evidence], opts: CheckOptions) -> Result:
    """The result for an ``unsat`` answer, after checking that the proof is not vacuous."""
    how = "with transcendental terms bounded by true lemmas" if outcome.abstracted else "exactly"
    return _qualified_holds(prep, opts, f"z3 proves it {how}: assumptions and negated statement are "
                            "unsatisfiable", evidence, _losses(outcome))


def _by_identity(prep: Prepared, opts: CheckOptions, positive: tuple[Term, ...] = (),
                 positive_evidence: list[Evidence] | None = None, proofs: list | None = None) -> Result:
    """``lhs == rhs`` holds, and ``lhs != rhs`` fails, where SymPy reduces ``lhs - rhs`` to exactly 0.
    ``positive``: the power bases SymPy took as positive (``engine.identity``), each proved positive by z3 under
    the assumptions and domains (``positive_evidence``, and the z3 outcomes ``proofs``, whose encodings' losses
    the result states); only for ``==``."""
    goal = prep.goal
    method = "simplify(lhs - rhs) == 0"
    proof = "SymPy reduces the difference of the two sides to exactly 0"
    if positive:
        shown = ("the power base " if len(positive) == 1 else "the power bases ") + ", ".join(to_text(b) for b in positive)
        method = f"simplify(lhs - rhs) == 0 with {shown} replaced by positive symbols, then substituted back"
        proof += f" once {shown} {'is' if len(positive) == 1 else 'are'} taken as positive, and z3 proves " \
                 f"{'it' if len(positive) == 1 else 'each of them'} positive"
    ev = [Evidence("sympy", "identity", (("method", method), ("version", symbolic.sympy_version())))]
    steps = (Step("exact identity", to_text(goal.lhs), to_text(goal.rhs), "sympy.simplify", method),)
    if goal.op == "==":
        losses = tuple(dict.fromkeys(loss for o in proofs or () for loss in _losses(o)))
        return _qualified_holds(prep, opts, proof, ev + list(positive_evidence or ()), losses, steps=steps)
    defined, def_evidence = _defined_points(prep, opts)
    candidates = [dict(defined.model)] if defined is not None and defined.status == "sat" else []
    candidates += list(simple_points([d for d in prep.decls if d.domain != "bool"]))
    sides = (goal.lhs, goal.rhs)
    for values in candidates:
        hyps = tuple(prep.hypotheses) + tuple(domain_condition(d) for d in prep.decls)
        at = numeric.confirm_counterexample(hyps, Bool(False), values, opts.dps)
        if at.status != "confirmed" or any(numeric.evaluate_text(t, values, opts.dps) == "undefined" for t in sides):
            continue
        if numeric.confirm_counterexample(hyps, goal, values, opts.dps).status == "spurious":
            continue  # the sides differ there after all: SymPy's reduction is not trusted (fuzz c698)
        shown = tuple((k, _fraction_text(v)) for k, v in sorted(values.items()))
        evaluations = tuple((to_text(t), numeric.evaluate_text(t, values, opts.dps)) for t in sides)
        ce = Counterexample(shown, evaluations, opts.dps, "SymPy exact identity lhs - rhs = 0, with the assumptions "
                            f"and the definedness of both sides checked at the point ({at.dps} digits)")
        text = ", ".join(f"{k} = {v}" for k, v in shown)
        return Result(prep.claim.id, Verdict.FAILS, "SymPy reduces the difference of the two sides to exactly 0, so "
                      f"they are equal wherever they are defined; at {text} the assumptions hold and both sides are "
                      "defined, and the statement is false there.", counterexample=ce,
                      evidence=tuple(ev + def_evidence), steps=steps)
    return Result(prep.claim.id, Verdict.UNDECIDED, "SymPy reduces the difference of the two sides to exactly 0, "
                  "but no point was found where the assumptions hold and both sides are defined.",
                  evidence=tuple(ev + def_evidence), steps=steps)


def _losses(outcome: "z3b.Outcome | None") -> tuple[str, ...]:
    if outcome is None:
        return ()
    out = []
    if outcome.abstracted:
        out.append("transcendental terms replaced by atoms constrained by true lemmas and rigorous bounds: "
                   + ", ".join(outcome.abstracted))
    if outcome.approximated:
        out.append("algebraic model values rounded to rationals for: " + ", ".join(outcome.approximated))
    return tuple(out)


def _run_z3(hyps, goal, decls, opts: CheckOptions, refine: bool = True,
            goal_side: bool = True) -> tuple["z3b.Outcome | None", list[Evidence]]:
    """``_z3_query``, remembered inside ``reuse()``. The claim's ledger is part of the key: with less of it left
    the call gets a smaller allowance and can answer ``unknown`` where the first call did not (and a hit that did
    not charge the ledger would leave later calls more than a fresh run does). So a hit is exactly the call it
    replaces: asked at the same ledger state, it charges what the call spent."""
    before = z3b.ledger_state()
    key = ("z3", tuple(hyps), goal, tuple(decls), opts.seed, opts.rlimit, opts.dps, refine, goal_side,
           None if before is None else before[:2])
    memo = _memo.get()
    if memo is not None and key in memo:
        (outcome, evidence), spent = memo[key]
        if before is not None:
            z3b.set_ledger_state((before[0], before[1] - spent[0], before[2] + spent[1]))
    else:
        outcome, evidence = _z3_query(hyps, goal, decls, opts, refine, goal_side)
        after = z3b.ledger_state()
        if memo is not None:
            memo[key] = (outcome, evidence), ((0, 0) if before is None or after is None
                                              else (before[1] - after[1], after[2] - before[2]))
    return outcome, list(evidence)


def _z3_query(hyps, goal, decls, opts: CheckOptions, refine: bool,
              goal_side: bool) -> tuple["z3b.Outcome | None", tuple[Evidence, ...]]:
    big = next(filter(None, (symbolic.huge_power(t) for t in (*hyps, goal))), None)
    if big is not None:  # z3 would compute the power exactly, and its models could not even be printed
        return None, (Evidence("z3", "not attempted", (("detail", f"{big} has more than {symbolic.MAX_POWER_DIGITS} "
                                                                  "digits (the digit budget of exact arithmetic)"),)),)
    try:
        so = z3b.SolverOptions(seed=opts.seed, rlimit=opts.rlimit)
        outcome = z3_call(z3b.check_implication, hyps, goal, decls, functools.partial(numeric.rigorous_bounds,
                          dps=opts.dps), so, refine=refine, goal_side_conditions=goal_side,
                          on_stop=lambda why: z3b.stopped(so.rlimit, why, so.seed))
    except UnsupportedConstruct as exc:
        return None, (Evidence("z3", "unsupported", (("detail", str(exc)),)),)
    details = [("version", outcome.version), ("seed", outcome.seed), ("rlimit", outcome.rlimit),
               ("rlimit_used", outcome.rlimit_used), ("lemmas", list(outcome.lemmas)),
               ("side_conditions", list(outcome.side_conditions)), ("abstracted", list(outcome.abstracted))]
    if outcome.status == "sat":
        details.append(("model", {k: _fraction_text(v) for k, v in sorted(outcome.model.items())}))
    if outcome.reason_unknown:
        details.append(("reason_unknown", outcome.reason_unknown))
    return outcome, (Evidence("z3", outcome.status, tuple(details)),)


def _confirm(prep: Prepared, values: dict[str, "Fraction | bool"], opts: CheckOptions,
             hypotheses: tuple[Term, ...] | None = None, generic: bool = True) -> Counterexample | None:
    """Re-check the stated claim at ``values`` (``bool`` symbols take True/False); the confirmed counterexample or None.

    ``generic=False``: ``values`` need not be generic for the claim's limits, so the lowered claim (SymPy's
    generic limit values) is not used even as a first filter; only the recomputation at ``values`` decides."""
    decls = prep.decls
    truths = {k: v for k, v in values.items() if isinstance(v, bool)}
    reals = {k: v for k, v in values.items() if not isinstance(v, bool)}
    if any(is_integral(d) and reals.get(d.name, Fraction(0)).denominator != 1 for d in decls):
        return None
    hyps = tuple(hypotheses if hypotheses is not None else prep.hypotheses) + tuple(domain_condition(d) for d in decls)
    if generic or not prep.stated:
        conf = numeric.confirm_counterexample(hyps, prep.goal, reals, opts.dps, truths)
        if conf.status != "confirmed":
            return None
    exist = prep.diff_domains if prep.stated else (*prep.diff_domains, *prep.limit_generic)
    if exist and numeric.confirm_counterexample(exist, Bool(False), reals, opts.dps, truths).status != "confirmed":
        return None  # a differentiated expression is undefined here (no derivative), or a limit is not SymPy's
    if prep.stated:
        conf = _recheck_limits(prep, reals, truths, opts)
        if conf is None:
            return None
    stated = (*prep.claim.assume, prep.claim.show)
    bound_only = frozenset(n.var.name for t in stated for n in walk(t) if isinstance(n, Limit)) - frozenset().union(
        *(free_symbols(t) for t in (*stated, *prep.hypotheses, prep.goal)))
    # a symbol bound by a limit everywhere it occurs has no value at the witness: showing one would mislead (one
    # also free in a definition's body is free in the expanded claim and keeps its value: fuzz 20261210 c2598)
    shown = tuple((k, ("true" if v else "false") if isinstance(v, bool) else _fraction_text(v))
                  for k, v in sorted(values.items()) if k not in bound_only)
    how = EXACT if conf.exact else f"mpmath {numeric.mpmath_version()} interval arithmetic"
    return Counterexample(shown, conf.evaluations, conf.dps, how)


def _recheck_limits(prep: Prepared, reals: dict[str, Fraction], truths: dict[str, bool], opts: CheckOptions):
    """The confirmation of a witness on the claim as stated, each limit recomputed by SymPy with the witness's
    values substituted first (SymPy's value with free parameters is only generic: ``limit(a*x/(a*x + 1), x,
    oo)`` is 1, but 0 at a = 0). None when it is not confirmed or a limit cannot be recomputed there."""
    point = {k: Num(v) for k, v in reals.items()}
    try:
        closed = [substitute(t, point) for t in prep.stated]
        if _limit_generic(closed, prep.decls):
            return None  # a limit still has parameters (a symbol without a value): no recomputation
        lowered = [symbolic.lower(t, prep.decls)[0] for t in closed]
    except (UnsupportedConstruct, ValueError):
        return None
    hyps = tuple(lowered[:-1]) + tuple(domain_condition(d) for d in prep.decls)
    conf = numeric.confirm_counterexample(hyps, lowered[-1], reals, opts.dps, truths)
    return conf if conf.status == "confirmed" else None


#: Points of the assumptions' box (its corners, the neighbourhoods of its ends, round far values) generated, and at
#: most how many of those not certainly outside the assumptions (exactly) are re-checked as witnesses.
BOX_POINTS = 1000
BOX_WITNESSES = 32
#: Deterministic work budget of the whole witness search: at most ``max(WITNESS_MIN, WITNESS_WORK // size)``
#: re-checks of candidate points, for a claim of ``size`` nodes (each re-check evaluates every node).
WITNESS_WORK = 4_000
WITNESS_MIN = 40


def _solve_equations(prep: Prepared, point: dict[str, Fraction]) -> dict[str, Fraction]:
    """``point`` with each variable that an assumption ``v == t`` defines (``t`` free of ``v``) set to the exact
    value of ``t`` there, in the assumptions' order (a candidate only: ``_confirm`` re-checks every assumption)."""
    out = dict(point)
    for h in prep.hypotheses:
        if isinstance(h, Rel) and h.op == "==":
            for var, t in ((h.lhs, h.rhs), (h.rhs, h.lhs)):
                if isinstance(var, Sym_) and var.name in out and var.name not in free_symbols(t):
                    value = exact_value(t, out)
                    if value is not None:
                        out[var.name] = value
                        break
    return out


def _root_points(prep: Prepared, box: dict, opts: CheckOptions) -> Iterator[dict[str, Fraction]]:
    """Points of a one-variable claim near where a side of one of its relations meets the other (``2**n != 8192``
    is false at n = 13, which no round value or box point hits), bracketed on the box's points
    (``numeric.root_candidates``). Candidates only: each is re-checked on the claim as stated."""
    (var,) = box
    grid = [p[var] for p in box_points(box, BOX_POINTS)]
    seen: set[Fraction] = set()
    for rel in numeric.relation_sides(conj([*prep.hypotheses, prep.goal])):
        for v in numeric.root_candidates(sub(rel.lhs, rel.rhs), var, grid, opts.dps):
            if v not in seen:
                seen.add(v)
                yield {var: v}


def _find_witness(prep: Prepared, outcome, opts: CheckOptions) -> tuple[Counterexample | None, list[Evidence]]:
    evidence: list[Evidence] = []
    truth_names = sorted(_bool_symbols(prep))
    if outcome is not None and outcome.status == "sat":
        model: dict = dict(outcome.model)
        model.update({k: v for k, v in outcome.interpretation.items() if k in truth_names and isinstance(v, bool)})
        ce = _confirm(prep, model, opts)
        if ce is not None:
            evidence.append(Evidence("mpmath", "confirmed", (("dps", opts.dps), ("source", "z3 model"))))
            return ce, evidence
        evidence.append(Evidence("mpmath", "spurious", (("dps", opts.dps), ("source", "z3 model"),
                                                        ("detail", "the model does not certainly violate the stated "
                                                                   "claim (it satisfies it, or interval arithmetic "
                                                                   "cannot decide there)"))))
    names = [d for d in prep.decls if d.domain != "bool"]
    truth_values = [dict(zip(truth_names, combo)) for combo in
                    itertools.islice(itertools.product((False, True), repeat=len(truth_names)), 16)]
    assumptions = (*prep.hypotheses, *(domain_condition(d) for d in names))

    checks = max(WITNESS_MIN, WITNESS_WORK // max(1, _size(prep)))
    left = [checks]

    def recheck(point: dict) -> Counterexample | None:
        left[0] -= 1
        return _confirm(prep, point, opts)

    def outside(point: dict) -> bool:  # certainly outside the assumptions (exact): not worth an interval re-check
        reals = {k: v for k, v in point.items() if not isinstance(v, bool)}
        return any(exact_truth(h, reals) is False for h in assumptions)

    def first_witness(points, label: str, extra: tuple = ()) -> Counterexample | None:
        for i, point in points:
            if left[0] <= 0:
                return None
            if outside(point):
                continue
            ce = recheck(point)
            if ce is not None:
                evidence.append(Evidence("mpmath", "confirmed", (("dps", opts.dps), ("source", f"{label} #{i}"))
                                         + extra))
                return ce
        return None

    variables = set().union(*[free_symbols(t) for t in (*prep.hypotheses, prep.goal)])
    box = _claim_box(prep, variables) if variables and not truth_names else None
    # at most BOX_WITNESSES box points inside the assumptions are re-checked (numbered among all box points)
    box_candidates = ((i, q) for i, q in enumerate(_solve_equations(prep, p) for p in box_points(box, BOX_POINTS))
                      if not outside(q)) if box else ()
    searches = (
        (enumerate({**p, **tv} for p in simple_points(names) for tv in truth_values), "round-value point", ()),
        (itertools.islice(box_candidates, BOX_WITNESSES), "box point", ()),
        (enumerate(_root_points(prep, box, opts) if box and len(box) == 1 else ()), "root point", ()),
        (enumerate(sample_points(names, opts.samples, opts.seed)), "seeded sample", (("seed", opts.seed),)),
    )
    for points, label, extra in searches:
        ce = first_witness(points, label, extra)
        if ce is not None:
            return ce, evidence
    if outcome is not None and outcome.status == "sat" and outcome.approximated and not truth_names:
        ce = _algebraic_witness(prep, outcome, opts, left)
        if ce is not None:
            evidence.append(Evidence("mpmath", "confirmed", (("dps", opts.dps), ("source", "algebraic root"),
                                                             ("method", ce.confirmed_by))))
            return ce, evidence
    evidence.append(Evidence("search", "no witness", (("samples", opts.samples), ("seed", opts.seed),
                                                      ("dps", opts.dps), ("rechecks", checks - max(left[0], 0)),
                                                      ("recheck_budget", checks))))
    return None, evidence


#: Deterministic budget of the algebraic witness search: at most this many relations solved by SymPy, closed real
#: roots tried, and ties settled by SymPy identities (each call also within SymPy's optional CPU budget).
ALGEBRAIC_SOLVES = 4
ALGEBRAIC_ROOTS = 8
ALGEBRAIC_TIES = 16


def _algebraic_witness(prep: Prepared, outcome, opts: CheckOptions, left: list[int]) -> Counterexample | None:
    """A witness at an irrational algebraic point (issue 8: ``x**2 != 2`` is false at x = 2**(1/2), which no
    rational point hits). z3's model gives one variable an algebraic value it could only round; the other
    variables keep their (rational) model values, and the closed real roots SymPy finds for each relation of the
    claim in that variable (``symbolic.real_roots``, with the real odd roots of negative numbers) are candidates.
    Each is substituted as a closed term into the claim (hypotheses, domains, goal) and re-checked with interval
    arithmetic, where a relation the intervals cannot decide is settled only by an exact SymPy identity of its two
    closed, defined sides (``numeric.confirm_counterexample(tie=...)``). Not for claims whose witness must also
    be re-checked through limits, derivative domains or free constants (those re-checks take rational values)."""
    if (len(outcome.approximated) != 1 or prep.claim.free or prep.stated or prep.diff_domains or prep.limit_generic
            or prep.undefined_used):
        return None
    (var,) = outcome.approximated
    decl = next((d for d in prep.decls if d.name == var), None)
    used = set().union(*(free_symbols(t) for t in (*prep.hypotheses, prep.goal)))
    if decl is None or decl.domain == "bool" or is_integral(decl) or var not in used:
        return None
    fixed = {k: v for k, v in outcome.model.items() if k != var and k in used and isinstance(v, Fraction)}
    if any(is_integral(d) and fixed.get(d.name, Fraction(0)).denominator != 1 for d in prep.decls):
        return None
    at = {k: Num(v) for k, v in fixed.items()}
    domains = tuple(domain_condition(d) for d in prep.decls if d.name in used)
    hyps = tuple(substitute(t, at) for t in (*prep.hypotheses, *domains))
    goal = substitute(prep.goal, at)
    if any(free_symbols(t) - {var} for t in (*hyps, goal)):
        return None
    roots: list[Term] = []
    solvable = [rel for rel in numeric.relation_sides(conj([*hyps, goal])) if free_symbols(rel) == {var}]
    for rel in list(dict.fromkeys(solvable))[:ALGEBRAIC_SOLVES]:
        try:
            found = symbolic.real_roots(rel.lhs, rel.rhs, var, prep.decls)
        except UnsupportedConstruct:
            continue
        roots += [r for r in found if r not in roots]
    ties = [ALGEBRAIC_TIES]

    def tie(lhs: Term, rhs: Term) -> bool:
        ties[0] -= 1
        return ties[0] >= 0 and symbolic.closed_tie(lhs, rhs)

    for root in roots[:ALGEBRAIC_ROOTS]:
        if left[0] <= 0:
            return None
        left[0] -= 1
        if isinstance(root, Num):  # a rational root: the usual exact re-check
            ce = _confirm(prep, {**fixed, var: root.value}, opts)
        else:
            point = {var: root}
            conf = numeric.confirm_counterexample(tuple(substitute(h, point) for h in hyps), substitute(goal, point),
                                                  {}, opts.dps, tie=tie)
            shown = tuple(sorted([(k, _fraction_text(v)) for k, v in fixed.items()] + [(var, to_text(root))]))
            ce = Counterexample(shown, conf.evaluations, conf.dps, ALGEBRAIC) if conf.status == "confirmed" else None
        if ce is not None:
            return ce
    return None


def _decide_closed(prep: Prepared, opts: CheckOptions) -> Result:
    formula = _closed_formula(prep)
    for f in prep.diff_domains:  # closed too: a derivative exists only where its expression is defined
        if free_symbols(f):  # the computed derivative lost a symbol (diff(log(x), x) * 0): z3 proves it anyway
            out, _ = _run_z3(prep.hypotheses, f, prep.decls, opts, refine=False, goal_side=False)
            defined = True if out is not None and out.status == "unsat" else None
        else:
            defined = exact_truth(f)
            if defined is None:
                defined = numeric.decide_closed(f, opts.dps)
        if defined is not True:
            state = "false" if defined is False else "not decided"
            return Result(prep.claim.id, Verdict.UNDECIDED, "The closed statement has a derivative whose expression is "
                          f"undefined at its point ({to_text(f)} is {state}), and there no derivative exists.",
                          evidence=(Evidence("definedness", "derivative", (("condition", to_text(f)),
                                                                           ("value", state))),))
    for o in obligations(formula):
        defined = _closed_truth(o.formula(), opts.dps)
        if defined is False:
            return Result(prep.claim.id, Verdict.UNDECIDED, f"The closed statement is undefined: {o.term_text()} "
                          f"needs {to_text(o.condition)}, which is false.",
                          evidence=(Evidence("definedness", "undefined", (("term", o.term_text()),
                                                                          ("condition", o.text()))),))
        if defined is None:  # not merely "not refuted": a SymPy identity or an interval must not decide it then
            return Result(prep.claim.id, Verdict.UNDECIDED, f"Whether the closed statement is defined is not "
                          f"decided: {o.term_text()} needs {to_text(o.condition)}, which neither exact arithmetic, "
                          f"interval arithmetic at up to {4 * opts.dps} digits nor a SymPy identity decides.",
                          evidence=(Evidence("definedness", "undetermined", (("term", o.term_text()),
                                                                             ("condition", o.text()))),))
    exact = exact_truth(formula)
    if exact is None and isinstance(prep.goal, Rel) and prep.goal.op in ("==", "!=") and not prep.hypotheses:
        if symbolic.is_identity(prep.goal.lhs, prep.goal.rhs, ()):
            exact = prep.goal.op == "=="
    if exact is not None:
        method = "exact rational arithmetic" if exact_truth(formula) is not None else "SymPy exact identity"
        # a relation between a limit and oo was decided on the limit's value (symbolic.COMPARE_STEP)
        compared = [f"{st.before} becomes {st.after}" for st in prep.steps if st.description == symbolic.COMPARE_STEP]
        if compared:
            method = f"{method} on the limits SymPy computes ({'; '.join(_clip(c, 120) for c in compared[:3])})"
        ev = Evidence("exact", "decided", (("method", method),))
        if exact:
            return Result(prep.claim.id, Verdict.HOLDS, f"The closed statement is true by {method}.", evidence=(ev,))
        false_parts = tuple((to_text(r), "false") for r in numeric.relation_sides(prep.goal)
                            if exact_truth(r) is False)
        if compared and not false_parts:
            return Result(prep.claim.id, Verdict.FAILS, f"The closed statement is false by {method}.",
                          counterexample=Counterexample((), tuple((c, "false") for c in compared), opts.dps, method),
                          evidence=(ev,))
        shown = "; ".join(_clip(w) for w, _ in false_parts[:3]) or _clip(to_text(prep.goal))
        ce = Counterexample((), false_parts, opts.dps, method)
        return Result(prep.claim.id, Verdict.FAILS, f"The closed statement is false by {method} ({shown}).",
                      counterexample=ce, evidence=(ev,))
    for dps in (opts.dps, opts.dps * 4):
        answer = numeric.decide_closed(formula, dps)
        if answer is not None:
            break
    conf = numeric.confirm_counterexample((), prep.goal, {}, dps)
    ev = Evidence("mpmath", "decided" if answer is not None else "undetermined",
                  (("dps", dps), ("method", "interval arithmetic on the closed statement"),
                   ("evaluations", [{"what": w, "value": v} for w, v in conf.evaluations])))
    if answer is True:
        return Result(prep.claim.id, Verdict.HOLDS, f"The closed statement is true by interval arithmetic at {dps} "
                      "digits.", evidence=(ev,))
    if answer is False:
        false_parts = tuple((to_text(r), "false") for r in numeric.relation_sides(prep.goal)
                            if numeric.decide_closed(r, dps) is False)
        ce = Counterexample((), conf.evaluations + false_parts, dps,
                            f"mpmath {numeric.mpmath_version()} interval arithmetic")
        shown = "; ".join([f"{_clip(w)} = {v}" for w, v in conf.evaluations[:3]]
                          + [_clip(w) for w, _ in false_parts[:3]])
        return Result(prep.claim.id, Verdict.FAILS, f"The closed statement is false by interval arithmetic at {dps} "
                      f"digits ({shown}).", counterexample=ce, evidence=(ev,))
    return Result(prep.claim.id, Verdict.UNDECIDED, f"Interval arithmetic at up to {dps} digits cannot decide the "
                  "closed statement (it may be an exact boundary case).", evidence=(ev,))


def _closed_truth(t: Term, dps: int) -> bool | None:
    """The truth of a closed definedness condition: exact arithmetic, then interval arithmetic at ``dps`` and
    ``4 * dps`` digits, then, for a relation whose sides SymPy proves equal (``log(8) - 3*log(2) != 0``, an exact
    zero that no interval separates from 0: adversarial review 13 F4), the relation at equal sides. A guard
    ``g => c`` is decided the same way. None when nothing decides it."""
    if isinstance(t, Implies):
        guard = _closed_truth(t.lhs, dps)
        return True if guard is False else None if guard is None else _closed_truth(t.rhs, dps)
    truth = exact_truth(t)
    for digits in (dps, 4 * dps):
        if truth is None:
            truth = numeric.decide_closed(t, digits)
    if truth is None and isinstance(t, Rel) and not free_symbols(t) and symbolic.is_identity(t.lhs, t.rhs, ()):
        truth = t.op in ("==", "<=", ">=")
    return truth


def _obligation_truth(prep: Prepared, o: Obligation, dps: int) -> tuple[bool, bool | None]:
    """Whether ``o`` holds wherever the assumptions do, decided without z3 (which abstracts ``log(8) - 3*log(2)
    != 0`` and finds it satisfiable): each symbol an assumption ``sym == closed term`` pins is substituted, and a
    closed condition is decided by ``_closed_truth``; an unguarded strict relation or disequality whose sides
    SymPy proves equal (``x*log(8) - 3*x*log(2) != 0``) is false everywhere. Also whether the condition is closed
    (then None means undecided, not unknown to this test)."""
    pins = _closed_pins(prep.hypotheses)
    try:
        cond = substitute(o.formula(), pins) if pins else o.formula()
    except ValueError:
        return False, None
    if not free_symbols(cond):
        return True, _closed_truth(cond, dps)
    if isinstance(cond, Rel) and cond.op in ("!=", "<", ">") and symbolic.is_identity(cond.lhs, cond.rhs, prep.decls):
        return False, False
    return False, None


def _closed_pins(hypotheses: Sequence[Term]) -> dict[str, Term]:
    """The symbols the hypotheses pin to closed terms: ``sym == closed`` or ``closed <= sym <= closed`` with the same
    term on both sides, followed through chains (``x == log(8), y == x - 3*log(2)`` pins y too; adversarial review
    14 F3), until no hypothesis pins a new symbol."""
    pins: dict[str, Term] = {}
    while True:
        found: dict[str, Term] = {}
        lower: dict[str, Term] = {}
        upper: dict[str, Term] = {}
        for h in hypotheses:
            if not isinstance(h, Rel) or h.op not in ("==", "<=", ">="):
                continue
            try:
                lhs, rhs = (substitute(h.lhs, pins), substitute(h.rhs, pins)) if pins else (h.lhs, h.rhs)
            except ValueError:
                continue
            for sym, value, op in ((lhs, rhs, h.op), (rhs, lhs, {"<=": ">=", ">=": "<="}.get(h.op, h.op))):
                if not isinstance(sym, Sym_) or sym.name in pins or free_symbols(value):
                    continue
                if op == "==":
                    found.setdefault(sym.name, value)
                else:
                    (upper if op == "<=" else lower).setdefault(sym.name, value)
        for name, value in lower.items():
            if upper.get(name) == value:
                found.setdefault(name, value)
        if not found:
            return pins
        pins.update(found)


def _clip(text: str, width: int = 80) -> str:
    return text if len(text) <= width else text[:width - 3] + "..."


def _closed_formula(prep: Prepared) -> Term:
    return claim_formula(prep.hypotheses, prep.goal)


def _decide_with_undefined(prep: Prepared, opts: CheckOptions) -> Result:
    """Claims mentioning undefined predicates or functions.

    Proved for every meaning -> holds. A proof step (an inference) with a
    countermodel is invalid -> fails, the countermodel re-checked with its
    interpretation. Otherwise a numeric point at which the statement is false
    for every meaning consistent with the hypotheses -> fails; else informal.
    """
    claim = prep.claim
    missing = {u.name: u.missing for u in claim.undefined}
    named = "; ".join(f"{n}: {missing.get(n, 'never defined')}" for n in prep.undefined_used)
    outcome, evidence = _run_z3(prep.hypotheses, prep.goal, prep.decls, opts, refine=False)
    if outcome is not None and outcome.status == "unsat":
        # qualified like every other proof: the side conditions of partial terms are hypotheses of z3's query
        return _qualified_holds(prep, opts, "z3 proves it for every meaning of the undefined terms "
                                f"({', '.join(prep.undefined_used)}), so it holds as pure logic", evidence,
                                _losses(outcome))
    losses = ("undefined predicates and functions encoded as uninterpreted z3 symbols",)
    if outcome is not None and outcome.status == "sat":
        values = dict(outcome.model)
        if claim.kind == "proof-step":
            hyps = tuple(prep.hypotheses) + tuple(domain_condition(d) for d in prep.decls)
            conf = numeric.confirm_counterexample(hyps, prep.goal, values, opts.dps, outcome.interpretation)
            if conf.status == "confirmed":
                shown = tuple((k, _fraction_text(v)) for k, v in sorted(values.items())) + tuple(
                    (k, str(v) if isinstance(v, bool) else _fraction_text(v))
                    for k, v in sorted(outcome.interpretation.items()))
                ce = Counterexample(shown, conf.evaluations, conf.dps, "mpmath interval arithmetic with the "
                                    "countermodel's interpretation of the undefined terms")
                text = ", ".join(f"{k} = {v}" for k, v in shown)
                return Result(claim.id, Verdict.FAILS, f"The inference is invalid: the countermodel {text} makes "
                              "every step true and the conclusion false.", counterexample=ce,
                              evidence=tuple(evidence), losses=losses)
    so = z3b.SolverOptions(seed=opts.seed, rlimit=opts.rlimit)
    robust = z3_call(z3b.robust_countermodel, prep.hypotheses, prep.goal, prep.decls, so,
                     on_stop=lambda why: z3b.stopped(so.rlimit, why, so.seed))
    if robust is not None and robust.status == "sat":
        candidate, how = dict(robust.model), "robust countermodel"
    elif robust is None and outcome is not None and outcome.status == "sat":
        # undefined functions are outside the robust search: try the point of z3's countermodel itself
        candidate, how = dict(outcome.model), "countermodel point"
    else:
        candidate = None
    if candidate is not None:
        refuted = _false_for_every_meaning(prep, candidate, how, opts, evidence, losses)
        if refuted is not None:
            return refuted
    what = "has a countermodel" if outcome is not None and outcome.status == "sat" else "cannot be decided"
    return Result(claim.id, Verdict.INFORMAL, f"The statement {what} once its undefined terms are read as free "
                  f"unknowns, and the document never defines them ({named}).", evidence=tuple(evidence),
                  losses=losses)


def _false_for_every_meaning(prep: Prepared, values: dict[str, Fraction], how: str, opts: CheckOptions,
                             evidence: list[Evidence], losses: tuple[str, ...]) -> Result | None:
    """``fails`` when, with the symbols fixed at ``values``, some meaning of the undefined terms satisfies the
    assumptions and every meaning that satisfies them makes the statement false (both proved by z3); otherwise
    None. Assumptions are what the document asserts, so meanings that contradict them are not readings of it.

    The satisfiability query matters: a model value rounded from an algebraic number can make the
    assumptions false at the fixed point, and then the second query is unsat for no good reason; the same holds
    for a point where a partial term of the statement is undefined.
    """
    fixed = tuple(Rel("==", Sym_(k), Num(v)) for k, v in sorted(values.items()))
    # the statement's partial terms must be defined at the point too: their side conditions are hypotheses of
    # the second query, so a point outside them would make it unsat and fake a refutation
    defined = tuple(o.formula() for o in obligations(prep.goal))
    possible, possible_ev = _run_z3(prep.hypotheses + fixed + defined, Bool(False), prep.decls, opts, refine=False)
    if possible is None or possible.status != "sat":
        return None
    if _free_application(prep):
        return None
    recheck, recheck_ev = _run_z3(prep.hypotheses + fixed, Not_(prep.goal), prep.decls, opts)
    if recheck is None or recheck.status != "unsat":
        return None
    shown = tuple((k, _fraction_text(v)) for k, v in sorted(values.items()))
    evals = tuple((to_text(r), "true" if _holds(r, values, opts) else "false")
                  for r in numeric.relation_sides(prep.goal) if not (free_symbols(r) - set(values)))
    ce = Counterexample(shown, evals, opts.dps, "z3 re-check in exact rational arithmetic with the values "
                        "fixed: the statement is false for every meaning of the undefined terms")
    text = ", ".join(f"{k} = {v}" for k, v in shown)
    undefined = set(prep.undefined_used)
    constrained = any(isinstance(t, (Pred, UFun)) and t.name in undefined for h in prep.hypotheses for t in walk(h))
    if not text:      # a statement over undefined predicates and entities alone has no point to name
        said = ("Every meaning of the undefined terms that satisfies the assumptions makes the statement false, and "
                "some meaning satisfies them." if constrained else
                "The statement is false for every meaning of the undefined terms.")
    else:
        said = (f"At {text} every meaning of the undefined terms that satisfies the assumptions makes the statement "
                "false, and some meaning satisfies them." if constrained else
                f"At {text} the statement is false for every meaning of the undefined terms, and that point "
                "satisfies the assumptions.")
    return Result(prep.claim.id, Verdict.FAILS, said, counterexample=ce,
                  evidence=tuple(evidence + [Evidence("z3", how, (("values", dict(shown)),))] + possible_ev
                                 + recheck_ev),
                  losses=losses)


def _free_application(prep: Prepared) -> bool:
    """Is the statement a relation between one application of an undefined real function and a term without that
    function, the function occurring nowhere else (not in the assumptions)? Then at any point where the
    assumptions hold and the statement is defined (``_false_for_every_meaning``'s first query), the meaning that
    gives the application a suitable value (the term's value, or one above or below it) makes the statement
    true, so the re-check "false for every meaning" cannot be unsat and is not asked (z3 took seconds to answer
    sat)."""
    goal = prep.goal
    if not (isinstance(goal, Rel) and goal.op in ("==", "!=", "<", "<=", ">", ">=")):
        return False
    for app in (goal.lhs, goal.rhs):
        if isinstance(app, UFun) and sum(isinstance(t, (UFun, Pred)) and t.name == app.name
                                         for f in (*prep.hypotheses, goal) for t in walk(f)) == 1:
            return True
    return False


def _holds(rel: Term, values: dict[str, Fraction], opts: CheckOptions) -> bool:
    return numeric.confirm_counterexample((), rel, values, opts.dps).status != "confirmed"
