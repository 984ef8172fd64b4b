"""``solve`` / crossing requests: where does ``f(x) = c``, proved, and how does the point move?

``solve_crossing`` asks SymPy for closed forms of ``f(x) = c`` in ``x``, and
proves each one by substitution: the bases of its real powers are first
proved positive (z3, through ``check_claim``), then SymPy shows ``f(x*) - c``
is exactly 0 given those facts. It can compare the solution with a formula a
document states (an identity proved the same way). With a parameter ``p`` it
derives ``d x*/dp`` and its sign: factors of constant sign are proved so with
z3; one factor ``h`` whose sign varies with one variable ``v`` is handled by
the root argument: ``h`` is strictly monotone in ``v`` (its derivative's sign
proved by z3) and ``h(v0) = 0`` exactly (SymPy), so the sign of ``d x*/dp`` is
known on each side of ``v0``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from ..errors import UnsupportedConstruct
from ..literature import get_reference
from ..model.claim import Claim, Source, SymbolDecl, domain_condition, is_integral
from ..model.definedness import obligations
from ..model.terms import Bool, Func, Implies, Not, Num, Pow, Rel, Term, conj, free_symbols, substitute, to_text, walk
from ..model.verdict import Verdict
from ..symbolic import solving as sym
from .check import CheckOptions, check_claim


@dataclass(frozen=True)
class SignPiece:
    condition: str
    sign: str          # "> 0" | "< 0" | "= 0"


@dataclass(frozen=True)
class Crossing:
    """The outcome: solutions, their proofs, and the sign analysis (texts in the claim syntax)."""

    equation: str
    variable: str
    solutions: tuple[str, ...]
    proved: tuple[bool, ...]
    proofs: tuple[str, ...]
    comparison: str = ""
    parameter: str = ""
    derivative: str = ""
    signs: tuple[SignPiece, ...] = ()
    sign_reason: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)
    #: Per solution, where it is defined when the assumptions do not imply it (``q > 0`` for ``log(q)``), else "".
    where: tuple[str, ...] = field(default_factory=tuple)


def _proves(show: Term, decls: Sequence[SymbolDecl], assume: Sequence[Term], options: CheckOptions) -> bool:
    claim = Claim(id="solve.step", title="solve step", kind="proof-step", source=Source("-", "-", "-"),
                  symbols=tuple(decls), uses=(), assume=tuple(assume), assume_text=tuple(to_text(a) for a in assume),
                  show=show, show_text=to_text(show))
    return check_claim(claim, options, references=get_reference).verdict is Verdict.HOLDS


def _definedness(terms: Sequence[Term], decls: Sequence[SymbolDecl], assume: Sequence[Term], options: CheckOptions
                 ) -> list[Term] | None:
    """The definedness conditions of ``terms`` (the solution, and the equation at it) the assumptions do not imply
    (adv8 F10: ``x = log(q)`` was reported without ``q > 0``; adv13 F10: ``exp(log(x)) == c`` gave ``x = c``
    without ``c > 0``, where the equation is undefined at its "solution"), or None when the assumptions imply that
    one of them fails (never defined)."""
    left = []
    for o in (o for t in terms for o in obligations(t)):
        need = o.condition if not o.guards else Implies(conj(list(o.guards)), o.condition)
        if need in left or _proves(need, decls, assume, options):
            continue
        if not o.guards and _proves(Not(o.condition), decls, assume, options):
            return None
        left.append(need)
    return left


def _in_declared_domain(s: Term, var: str, decls: Sequence[SymbolDecl], others: Sequence[SymbolDecl],
                        assume: Sequence[Term], options: CheckOptions) -> list[Term] | None:
    """The conditions under which the solution ``s`` lies in ``var``'s declared domain that the assumptions do not
    imply (adversarial review 14 F4: ``x + 1 == a`` with x positive gave ``x = -1 + a [proved]``, x = -1 at a = 0),
    or None when the assumptions imply it lies outside. An integral domain adds ``floor(s) == s``."""
    decl = next((d for d in decls if d.name == var), None)
    if decl is None:
        return []
    needs = []
    inside = substitute(domain_condition(decl), {var: s})
    if inside != Bool(True):
        needs.append(inside)
    if is_integral(decl) and not (isinstance(s, Num) and s.value.denominator == 1):
        needs.append(Rel("==", Func("floor", (s,)), s))
    left = []
    for need in needs:
        if _proves(need, others, assume, options):
            continue
        if _proves(Not(need), others, assume, options):
            return None
        left.append(need)
    return left


def _power_bases(t: Term) -> list[Term]:
    out = []
    for node in walk(t):
        if isinstance(node, Pow) and not (isinstance(node.exp, Num) and node.exp.value.denominator == 1):
            if node.base not in out and free_symbols(node.base):
                out.append(node.base)
    return out


def solve_crossing(lhs: Term, rhs: Term, var: str, decls: Sequence[SymbolDecl], *, assume: Sequence[Term] = (),
                   parameter: str = "", compare: Term | None = None,
                   options: CheckOptions = CheckOptions()) -> Crossing:
    """Solve ``lhs == rhs`` for ``var``; prove, compare and analyse as described in the module docstring."""
    others = tuple(d for d in decls if d.name != var)

    def positive_bases(*terms: Term, where: Sequence[Term] = ()) -> tuple[list[Term], bool, list[Term]]:
        """The bases proved positive, whether all were, and (where some are not) the rest proved nonnegative
        (where the solution is defined: ``c >= 0`` for ``c**(1/3)``)."""
        bases = [b for t in terms for b in _power_bases(t)]
        known = (*assume, *where)
        ok = [b for b in bases if _proves(Rel(">", b, Num(0)), others, known, options)]
        rest = [b for b in bases if b not in ok]
        nonnegative = [b for b in rest if where and _proves(Rel(">=", b, Num(0)), others, known, options)]
        return ok, len(ok) + len(nonnegative) == len(bases), nonnegative

    sols = []
    for s in sym.solve_real(lhs, rhs, var, decls):
        # Prefer a simpler written form, shown only once proved equal to SymPy's.
        best = s
        for alt in sym.alternative_forms(s, decls):
            pos, all_ok, _ = positive_bases(s, alt)
            if all_ok and len(to_text(alt)) < len(to_text(best)) and sym.equal_given_positive(alt, s, pos, decls):
                best = alt
        if compare is not None:
            pos, all_ok, _ = positive_bases(s, compare)
            if all_ok and sym.equal_given_positive(compare, s, pos, decls):
                best = compare
        sols.append(best)
    texts, proved, proofs, where, notes, kept = [], [], [], [], [], []
    for s in sols:
        at = Rel("==", substitute(lhs, {var: s}), substitute(rhs, {var: s}))  # SymPy's check is for complex values
        conditions = _definedness((s, at), others, assume, options)
        if conditions is None:  # undefined wherever the assumptions hold (log(q) with q negative): no solution
            notes.append(f"{var} = {to_text(s)} is left out: it or the equation at it is defined nowhere the "
                         "assumptions hold")
            continue
        in_domain = _in_declared_domain(s, var, decls, others, assume, options)
        if in_domain is None:
            notes.append(f"{var} = {to_text(s)} is left out: it lies outside {var}'s declared domain wherever the "
                         "assumptions hold")
            continue
        conditions = [*conditions, *in_domain]
        where.append(" and ".join(to_text(c) for c in conditions))
        kept.append(s)
        positive, all_ok, nonnegative = positive_bases(s, where=conditions)
        ok = all_ok and sym.equal_given_positive(substitute(lhs, {var: s}), rhs, positive, decls, nonnegative)
        texts.append(to_text(s))
        proved.append(ok)
        facts = "; ".join([f"{to_text(b)} > 0 (z3)" for b in positive] + [f"{to_text(b)} >= 0 (z3)" for b in nonnegative])
        proofs.append(("substitution simplifies to 0 (SymPy)" + (f" given {facts}" if facts else "")) if ok
                      else "not proved: " + ("a power base could not be proved positive" if not all_ok
                                             else "the substitution did not simplify to 0"))
    comparison = ""
    if compare is not None:
        if any(s == compare and p for s, p in zip(sols, proved)):
            comparison = f"the stated formula {to_text(compare)} is the solution (proved by substitution)"
        else:
            comparison = f"the stated formula {to_text(compare)} was not shown equal to any solution"
    sols = kept
    result = Crossing(to_text(Rel("==", lhs, rhs)), var, tuple(texts), tuple(proved), tuple(proofs), comparison,
                      notes=tuple(notes), where=tuple(where))
    if parameter and sols and proved[0] and not where[0]:
        result = _sign_analysis(result, sols[0], parameter, others, assume, options)
    return result


def _sign_analysis(result: Crossing, sol: Term, parameter: str, decls: Sequence[SymbolDecl], assume: Sequence[Term],
                   options: CheckOptions) -> Crossing:
    from dataclasses import replace
    d = sym.derivative(sol, parameter, decls)
    zero = Num(0)
    constant_sign, varying = [], []
    for f in sym.factors(d, decls):
        if isinstance(f, Num):
            constant_sign.append(1 if f.value > 0 else -1)
        elif _proves(Rel(">", f, zero), decls, assume, options):
            constant_sign.append(1)
        elif _proves(Rel("<", f, zero), decls, assume, options):
            constant_sign.append(-1)
        else:
            varying.append(f)
    base = replace(result, parameter=parameter, derivative=to_text(d))
    sign = 1
    for s in constant_sign:
        sign *= s
    if not varying:
        return replace(base, signs=(SignPiece("everywhere", "> 0" if sign > 0 else "< 0"),),
                       sign_reason="every factor has a sign proved by z3")
    if len(varying) > 1 or len(free_symbols(varying[0]) - {parameter}) != 1:
        return replace(base, sign_reason="the sign depends on several factors or variables: not analysed")
    h = varying[0]
    [v] = sorted(free_symbols(h) - {parameter})
    roots = sym.solve_real(h, zero, v, decls)
    if len(roots) != 1:
        return replace(base, sign_reason=f"the factor {to_text(h)} has {len(roots)} closed-form roots in {v}")
    root = roots[0]
    dh = sym.derivative(h, v, decls)
    if _proves(Rel(">", dh, zero), decls, assume, options):
        rising = True
    elif _proves(Rel("<", dh, zero), decls, assume, options):
        rising = False
    else:
        return replace(base, sign_reason=f"the factor {to_text(h)} could not be proved monotone in {v}")
    if not sym.equal_given_positive(substitute(h, {v: root}), zero, [], decls):
        return replace(base, sign_reason=f"h({v}0) = 0 was not shown exactly")
    below = sign * (-1 if rising else 1)
    r = to_text(root)
    pieces = (SignPiece(f"{v} < {r}", "> 0" if below > 0 else "< 0"), SignPiece(f"{v} = {r}", "= 0"),
              SignPiece(f"{v} > {r}", "< 0" if below > 0 else "> 0"))
    reason = (f"the factor {to_text(h)} is strictly {'increasing' if rising else 'decreasing'} in {v} "
              f"(d/d{v} = {to_text(dh)} has a sign proved by z3) and vanishes exactly at {v} = {r} (SymPy); "
              "every other factor has a sign proved by z3")
    return replace(base, signs=pieces, sign_reason=reason)


def run_solve(args, stdout) -> int:
    """Run ``formal-emergence solve``; user errors raise ``UserInputError`` located in argv."""
    from ..errors import ExpressionError, UserInputError
    from ..model.claim import DOMAINS
    from ..model.terms import Rel as Rel_
    from ..parse.expr import Scope, check_identifier, parse_expression
    from ..parse.latex import parse_latex
    decls = []
    for part in filter(None, (x.strip() for x in args.symbols.split(","))):
        name, _, domain = part.partition("=")
        name, domain = name.strip(), domain.strip() or "real"
        if not check_identifier(name) or domain not in DOMAINS or domain == "bool":
            raise UserInputError(f"symbol declaration {part!r}", file="<argv>", key="--symbols",
                                 hint="NAME=DOMAIN with DOMAIN one of " + ", ".join(d for d in DOMAINS if d != "bool"))
        decls.append(SymbolDecl(name, domain))
    scope = Scope(symbols=frozenset(d.name for d in decls))

    def parse(text: str, key: str, boolean: bool):
        try:
            if args.latex:
                return parse_latex(text, scope, expect_boolean=boolean)
            return parse_expression(text, scope, expect_boolean=boolean)
        except ExpressionError as exc:
            raise exc.located(file="<argv>", key=key) from None

    eq = parse(args.equation, "equation", True)
    if not (isinstance(eq, Rel_) and eq.op == "=="):
        raise UserInputError("the equation is not of the form lhs == rhs", file="<argv>", key="equation",
                             hint="write f(x) == c")
    if args.var not in scope.symbols:
        raise UserInputError(f"--for {args.var!r} is not a declared symbol", file="<argv>", key="--for",
                             hint="declare it in --symbols")
    if args.parameter and args.parameter not in scope.symbols:
        raise UserInputError(f"--parameter {args.parameter!r} is not a declared symbol", file="<argv>",
                             key="--parameter", hint="declare it in --symbols")
    assume = [parse(a, "--assume", True) for a in args.assume]
    compare = parse(args.compare, "--compare", False) if args.compare else None
    try:
        result = solve_crossing(eq.lhs, eq.rhs, args.var, tuple(decls), assume=assume, parameter=args.parameter,
                                compare=compare)
    except UnsupportedConstruct as exc:
        stdout.write(f"solve {to_text(eq)} for {args.var}: undecided: {exc}\n")
        return 0
    stdout.write(render_crossing(result))
    return 0


def render_crossing(c: Crossing) -> str:
    lines = [f"solve {c.equation} for {c.variable}:"]
    if not c.solutions:
        lines.append("  no closed-form solution found")
    for s, p, why, where in zip(c.solutions, c.proved, c.proofs, c.where or ("",) * len(c.solutions)):
        defined = f" where {where}" if where else ""
        lines.append(f"  {c.variable} = {s}{defined}   [{'proved' if p else 'NOT proved'}{defined}: {why}]")
    for note in c.notes:
        lines.append(f"  ({note})")
    if c.comparison:
        lines.append(f"  {c.comparison}")
    if c.parameter:
        lines.append(f"  d{c.variable}/d{c.parameter} = {c.derivative}")
        for piece in c.signs:
            lines.append(f"    {piece.sign} " + ("everywhere" if piece.condition == "everywhere" else
                                                    f"where {piece.condition}"))
        if c.sign_reason:
            lines.append(f"  ({c.sign_reason})")
    return "\n".join(lines) + "\n"


__all__ = ["Crossing", "SignPiece", "solve_crossing", "render_crossing", "add_solve_arguments", "run_solve"]
