"""SymPy steps for ``solve``: closed-form solutions, derivatives, factors, and substitution proofs.

Every function takes and returns terms; SymPy objects never leave this
module. Nothing here is a proof on its own: the engine proves the side facts
(positivity of power bases, signs of factors) with z3 and asks this module
only for exact algebra under those facts.
"""

from __future__ import annotations

from typing import Sequence

import sympy as sp

from ..errors import UnsupportedConstruct
from ..model.claim import SymbolDecl
from ..model.terms import Sym, Term
from .sympy_layer import SympyTranslator, from_sympy, real_solutions


def solve_real(lhs: Term, rhs: Term, var: str, decls: Sequence[SymbolDecl]) -> list[Term]:
    """Closed-form solutions of ``lhs == rhs`` for ``var`` that SymPy finds (each simplified); may be empty."""
    tr = SympyTranslator(decls)
    try:
        sols = sp.solve(sp.Eq(tr(lhs), tr(rhs)), tr(Sym(var)), dict=False)
    except (NotImplementedError, ValueError, TypeError) as exc:
        raise UnsupportedConstruct(f"SymPy cannot solve for {var}: {exc}") from None
    return real_solutions(sols)


def _below_one(tr: SympyTranslator, decls: Sequence[SymbolDecl]) -> tuple[dict, dict]:
    """Substitutions q -> 1 - u (u > 0) for symbols declared in (0, 1), and back: SymPy's assumptions cannot say
    q < 1, but after this change of variables 1 - q is a positive symbol, so log(1 - q) expands soundly."""
    forward, backward = {}, {}
    for d in decls:
        if d.domain in ("unit", "probability"):
            q = tr(Sym(d.name))
            u = sp.Symbol(f"_one_minus_{d.name}", positive=d.domain == "unit", nonnegative=True)
            forward[q] = 1 - u
            backward[u] = 1 - q
    return forward, backward


def alternative_forms(t: Term, decls: Sequence[SymbolDecl]) -> list[Term]:
    """Other ways to write ``t`` (logarithms expanded as if their arguments were positive, then simplified).

    These are candidates only: ``force=True`` assumes positivity, so the caller must prove each one equal to
    ``t`` (``equal_given_positive`` after proving the bases positive) before showing it.
    """
    tr = SympyTranslator(decls)
    forward, backward = _below_one(tr, decls)
    e = tr(t)
    shifted = e.subs(forward)
    out = []
    for cand in (sp.simplify(sp.expand_log(e, force=True)), sp.simplify(sp.powsimp(sp.expand_log(e, force=True))),
                 sp.simplify(sp.expand_log(shifted)).subs(backward)):
        try:
            term = from_sympy(cand)
        except UnsupportedConstruct:
            continue
        if term != t and term not in out:
            out.append(term)
    return out


def derivative(t: Term, var: str, decls: Sequence[SymbolDecl]) -> Term:
    """d t / d var, simplified."""
    tr = SympyTranslator(decls)
    return from_sympy(sp.simplify(sp.diff(tr(t), tr(Sym(var)))))


def factors(t: Term, decls: Sequence[SymbolDecl]) -> list[Term]:
    """The multiplicative factors of ``t`` (a product of them equals ``t`` exactly)."""
    tr = SympyTranslator(decls)
    return [from_sympy(f) for f in sp.Mul.make_args(sp.factor_terms(tr(t)))]


def equal_given_positive(lhs: Term, rhs: Term, positive: Sequence[Term], decls: Sequence[SymbolDecl],
                         nonnegative: Sequence[Term] = ()) -> bool:
    """True when ``lhs - rhs`` simplifies to 0 once each term of ``positive`` is known to be > 0 (and each of
    ``nonnegative`` >= 0).

    Each such term is replaced by a fresh positive (nonnegative) symbol, the difference
    simplified, the terms put back and simplified again. Sound only when the
    caller has proved every term of ``positive`` positive (of ``nonnegative`` nonnegative) under the claim's
    assumptions. False means "not shown", never "different".
    """
    tr = SympyTranslator(decls)
    forward, _ = _below_one(tr, decls)
    diff = tr(lhs) - tr(rhs)
    if forward:
        shifted = diff.subs(forward)
        try:
            if sp.simplify(sp.expand_log(shifted)) == 0:
                return True
        except (TypeError, ValueError, NotImplementedError, RecursionError):
            pass
    back = {}
    for i, p in enumerate((*positive, *nonnegative)):
        dummy = sp.Symbol(f"_pos{i}", positive=True) if i < len(positive) else sp.Symbol(f"_nonneg{i}", nonnegative=True)
        diff = diff.subs(tr(p), dummy)
        back[dummy] = tr(p)
    for step in (sp.simplify, lambda x: sp.simplify(sp.powdenest(sp.expand_log(x)))):
        try:
            diff = step(diff)
        except (TypeError, ValueError, NotImplementedError, RecursionError):
            return False
        if diff == 0:
            return True
        diff = step(diff.subs(back))
        if diff == 0:
            return True
    return False


__all__ = ["alternative_forms", "solve_real", "derivative", "factors", "equal_given_positive"]
