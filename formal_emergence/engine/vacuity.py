"""Vacuity: a ``holds`` whose assumptions can never hold together proves nothing about the document.

The check runs on the prepared claim (definitions expanded, literature bound,
calculus lowered), so it covers numeric clashes (``N > 1 and N < 0``) and
logical ones: undefined predicates are uninterpreted z3 symbols, so
``Good(N) and not Good(N)`` clashes for every meaning of ``Good``.
"""

from __future__ import annotations

from dataclasses import replace

from ..errors import UnsupportedConstruct
from ..model.claim import Claim
from ..model.terms import Bool
from ..model.verdict import Evidence, Result, Verdict

_MARK = "Vacuous:"


def assumptions_clash(claim: Claim, options) -> tuple[bool | None, tuple[Evidence, ...]]:
    """True when z3 proves the assumptions (with the symbols' domains) unsatisfiable; None when it cannot say."""
    from ..literature import get_reference
    from .check import _run_z3, prepare
    if not claim.assume:
        return False, ()
    try:
        prep = prepare(claim, get_reference)
    except UnsupportedConstruct:
        return None, ()
    outcome, evidence = _run_z3(prep.hypotheses, Bool(False), prep.decls, options, refine=False)
    if outcome is None or outcome.status == "unknown":
        return None, tuple(evidence)
    return outcome.status == "unsat", tuple(evidence)


def flag_vacuous(claim: Claim, result: Result, options) -> tuple[Result, bool]:
    """``result`` with the vacuity stated in its reason and evidence when a ``holds`` is vacuous."""
    if result.verdict is not Verdict.HOLDS:
        return result, False
    if "only vacuously" in result.reason:  # the engine found its hypotheses (axiom instances too) unsatisfiable
        return result, True
    clash, evidence = assumptions_clash(claim, options)
    if not clash:
        return result, False
    reason = result.reason.rstrip(".")
    if _MARK not in reason and "only vacuously" not in reason:
        reason += (f". {_MARK} the assumptions can never hold together (z3 finds them unsatisfiable, for every "
                   "meaning of any undefined term), so this proves nothing about the document.")
    ev = Evidence("vacuity", "assumptions unsatisfiable",
                  (("detail", "z3 unsat of the assumptions and domains alone"),))
    return replace(result, reason=reason, evidence=result.evidence + evidence + (ev,)), True


__all__ = ["assumptions_clash", "flag_vacuous"]
