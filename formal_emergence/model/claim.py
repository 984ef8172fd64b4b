"""Claims and definitions as pure data.

A ``Claim`` is one checkable statement from a seed document: where it comes
from (``Source``), the symbols it talks about with their domains, the shared
definitions it uses, its assumptions and its statement. It never carries a
verdict: verdicts are computed by ``formal_emergence.engine``.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field, replace
from fractions import Fraction
from .snippet import SnippetUse
from .terms import (And, Bool, Diff, Implies, Num, Pow, Pred, Rel, Sym, Term, conj, is_boolean, substitute, to_text,
                    walk)

#: Domains a symbol may be declared with, and what each one means.
DOMAINS: dict[str, str] = {
    "real": "any real number",
    "positive": "a real number > 0",
    "nonnegative": "a real number >= 0",
    "negative": "a real number < 0",
    "integer": "an integer",
    "posint": "an integer >= 1",
    "natural": "an integer >= 0",
    "unit": "a real number in the open interval (0, 1)",
    "probability": "a real number in the closed interval [0, 1]",
    "bool": "a truth value",
}

KINDS = ("definition", "theorem", "proof-step", "equation", "numeric", "empirical")

#: Properties of a function of one variable that a claim may state instead of ``show`` (``Property``).
PROPERTIES: dict[str, str] = {
    "increasing": "strictly increasing: f(a) < f(b) for all a < b of the domain",
    "decreasing": "strictly decreasing: f(a) > f(b) for all a < b of the domain",
    "nondecreasing": "non-decreasing: f(a) <= f(b) for all a < b of the domain",
    "nonincreasing": "non-increasing: f(a) >= f(b) for all a < b of the domain",
    "continuous": "defined and continuous at every point of the domain",
    "smooth": "defined and infinitely differentiable at every point of the domain",
    "crossing": "reaches the level at the stated point, a point of the domain: f(solution) = level",
}


@dataclass(frozen=True, slots=True)
class Source:
    """Where a claim is stated: the seed file name, the heading as written, the verbatim quote."""

    document: str
    section: str
    quote: str


@dataclass(frozen=True, slots=True)
class SymbolDecl:
    name: str
    domain: str
    meaning: str = ""


@dataclass(frozen=True, slots=True)
class Axiom:
    """``forall variables: body``, a universally quantified statement about undefined functions.

    ``variables`` range over the reals; ``body`` may mention them, the claim's
    declared symbols and the undefined functions and predicates of its table.
    """

    variables: tuple[str, ...]
    body: Term
    text: str


@dataclass(frozen=True, slots=True)
class Undefined:
    """A predicate, function or entity the document uses but never defines.

    ``missing`` says what a definition would have to supply, e.g. "a threshold
    for 'significant'". Claims whose truth hinges on such a symbol are
    reported ``informal`` with this text in the reason.

    ``axioms`` (a tuple, possibly empty) makes a function *axiomatized*: the
    claim is then read for every function satisfying them (``engine.axioms``);
    None leaves it a plain undefined term.
    """

    name: str
    kind: str  # "predicate" | "function" | "entity"
    arity: int
    missing: str
    axioms: "tuple[Axiom, ...] | None" = None


@dataclass(frozen=True, slots=True)
class Definition:
    """A shared, named definition ``name(params) := body`` referenced by id."""

    id: str
    name: str
    params: tuple[str, ...]
    body: Term
    body_text: str
    symbols: tuple[SymbolDecl, ...]
    undefined: tuple[Undefined, ...] = ()
    uses: tuple[str, ...] = ()
    title: str = ""
    source: Source | None = None
    file: str = ""

    @property
    def is_boolean(self) -> bool:
        return is_boolean(self.body)


@dataclass(frozen=True, slots=True)
class Property:
    """A claim that ``of``, as a function of ``variable``, has property ``kind`` (a key of ``PROPERTIES``).

    The domain is the variable's declared domain cut down by the claim's assumptions that mention it; the
    other assumptions constrain the parameters, and the property must hold for every admissible value of them.
    """

    kind: str
    variable: str
    of: Term
    of_text: str
    #: For ``crossing``: the level ``c`` of ``f(x) = c`` and the stated solution (free of the variable).
    level: Term | None = None
    solution: Term | None = None

    def adjective(self) -> str:
        """``strictly increasing``, ``continuous``, ``smooth (infinitely differentiable)``."""
        return {"continuous": "continuous", "smooth": "smooth (infinitely differentiable)"}.get(
            self.kind, PROPERTIES[self.kind].split(":")[0])

    def words(self) -> str:
        """``P(N) is strictly increasing in N``; ``P(N) reaches q at N = ...``."""
        if self.kind == "crossing":
            return f"{self.of_text} reaches {to_text(self.level)} at {self.variable} = {to_text(self.solution)}"
        return f"{self.of_text} is {self.adjective()} in {self.variable}"

    def display(self) -> Term:
        """The statement as shown in reports: ``increasing(of, variable)``, ``crossing(of, variable, level, at)``."""
        if self.kind == "crossing":
            return Pred(self.kind, (self.of, Sym(self.variable), self.level, self.solution))
        return Pred(self.kind, (self.of, Sym(self.variable)))


@dataclass(frozen=True, slots=True)
class Simulation:
    """A request to run a named numpy experiment and attach its numbers as evidence."""

    experiment: str
    params: tuple[tuple[str, object], ...] = ()


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement to check. ``show`` is a Boolean term; ``assume`` its hypotheses.

    ``free`` names constants the document leaves free (a threshold, an
    exponent): when the statement fails, the engine derives the weakest
    condition on them under which it holds. ``references`` binds symbols to
    literature values by reference id; ``reading`` states which reading of the
    text the encoding formalizes. ``snippet`` (optional) binds symbols to what
    a code block of the document does when run (``model.snippet``).
    """

    id: str
    title: str
    kind: str
    source: Source
    symbols: tuple[SymbolDecl, ...]
    uses: tuple[str, ...]
    assume: tuple[Term, ...]
    assume_text: tuple[str, ...]
    show: Term
    show_text: str
    free: tuple[str, ...] = ()
    undefined: tuple[Undefined, ...] = ()
    references: tuple[tuple[str, str], ...] = ()
    reading: str = ""
    simulate: Simulation | None = None
    notes: str = ""
    file: str = ""
    definitions: tuple[Definition, ...] = field(default=(), compare=False)
    snippet: SnippetUse | None = None
    #: A property of a function stated instead of ``show`` (then ``show`` is ``property.display()``).
    function_property: Property | None = None

    def symbol(self, name: str) -> SymbolDecl | None:
        for s in self.symbols:
            if s.name == name:
                return s
        return None

    @property
    def document(self) -> str:
        return self.source.document

    def _repr_html_(self) -> str:
        """Rich display in Jupyter: the quote as written beside the formal statement."""
        e = html.escape
        assume = "".join(f"<li>assume <code>{e(a)}</code></li>" for a in self.assume_text)
        return (f"<div><b>{e(self.id)}</b>: {e(self.title)} <i>({e(self.kind)})</i>"
                f"<table><tr><th>{e(self.source.document)} §{e(self.source.section)}</th><th>formal</th></tr>"
                f"<tr><td>{e(self.source.quote)}</td><td><ul>{assume}<li>show <code>{e(self.show_text)}</code>"
                f"</li></ul></td></tr></table>"
                + (f"<p>reading: {e(self.reading)}</p>" if self.reading else "") + "</div>")


@dataclass(frozen=True, slots=True)
class QuantityStatement:
    """One document's value for a quantity: a closed range ``[low, high]`` (either end may be open).

    ``low`` and ``high`` are the ends as read, i.e. already widened by a tolerance convention in
    ``conventions`` (e.g. approx-scale for a scale written with "≈"); the texts are their exact expressions.
    """

    source: Source
    low: Fraction | None
    high: Fraction | None
    low_text: str = ""
    high_text: str = ""
    conventions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Quantity:
    """A quantity that several documents state, for the cross-document consistency table."""

    id: str
    title: str
    unit: str
    statements: tuple[QuantityStatement, ...]
    references: tuple[str, ...] = ()
    file: str = ""


def domain_condition(decl: SymbolDecl) -> Term:
    """Return the term stating that ``decl`` lies in its declared domain.

    Integrality is not expressed here (see ``is_integral``); ``bool`` and
    ``real`` give ``true``.
    """
    x = Sym(decl.name)
    zero, one = Num(Fraction(0)), Num(Fraction(1))
    match decl.domain:
        case "positive":
            return Rel(">", x, zero)
        case "nonnegative" | "natural":
            return Rel(">=", x, zero)
        case "negative":
            return Rel("<", x, zero)
        case "posint":
            return Rel(">=", x, one)
        case "unit":
            return And((Rel(">", x, zero), Rel("<", x, one)))
        case "probability":
            return And((Rel(">=", x, zero), Rel("<=", x, one)))
    return Bool(True)


def is_integral(decl: SymbolDecl) -> bool:
    return decl.domain in ("integer", "posint", "natural")


def value_in_domain(decl: SymbolDecl, value: Term) -> bool | None:
    """Whether the closed ``value`` lies in ``decl``'s declared domain, integrality included; None when that is not
    known exactly. Decided for rationals and for a positive rational's irrational power (``10**(1/2)``, a
    convention's default): its sign against 0 and 1 is known, and it is no integer."""
    from .exact import exact_truth, exact_value
    v = exact_value(value)
    if v is not None:
        if is_integral(decl) and v.denominator != 1:
            return False
        return exact_truth(domain_condition(decl), {decl.name: v})
    if not (isinstance(value, Pow) and isinstance(value.base, Num) and isinstance(value.exp, Num)
            and value.base.value > 0):
        return None
    if is_integral(decl):
        return False  # an integer power would have an exact (rational) value
    a, r = value.base.value, value.exp.value
    cond = domain_condition(decl)
    for rel in (cond.args if isinstance(cond, And) else (cond,)):
        if not isinstance(rel, Rel):
            continue  # true: no bound
        c = rel.rhs.value if isinstance(rel.rhs, Num) else None
        if c == 0:
            above = True
        elif c == 1:
            above = (r > 0) == (a > 1)  # a != 1, or the value would be rational
        else:
            return None
        if above != (rel.op in (">", ">=")):
            return False
    return True


def with_values(claim: Claim, values: dict[str, Term]) -> Claim:
    """``claim`` with the symbols in ``values`` replaced everywhere they occur and no longer declared.

    Everywhere: the assumptions, the statement, a stated property's function and the axioms of undefined
    functions (not under an axiom's own bound variables). Used to fix a tolerance at its default, at a scanned
    value, or a constant at a plausible value.
    """
    if not values:
        return claim
    assume = tuple(substitute(a, values) for a in claim.assume)
    prop = claim.function_property
    if prop is not None:
        of = substitute(prop.of, values)
        prop = Property(prop.kind, prop.variable, of, to_text(of),
                        *(None if t is None else substitute(t, values) for t in (prop.level, prop.solution)))
        show = prop.display()
    else:
        show = substitute(claim.show, values)
    undefined = tuple(
        u if not u.axioms else replace(u, axioms=tuple(
            Axiom(ax.variables, body, to_text(body)) for ax in u.axioms
            for body in [substitute(ax.body, {k: v for k, v in values.items() if k not in ax.variables})]))
        for u in claim.undefined)
    # A definition's non-parameter symbols are the claim's (shared by name): fixed in its body too, or the
    # expanded claim would bring the symbol back undeclared (adversarial review 10 F9: a wrong fails at t = 0).
    definitions = tuple(
        d if not shared else replace(d, body=body, body_text=to_text(body),
                                     symbols=tuple(s for s in d.symbols if s.name not in shared))
        for d in claim.definitions
        for shared in [{k: v for k, v in values.items() if k not in d.params}]
        for body in [substitute(d.body, shared) if shared else d.body])
    return replace(claim, assume=assume, assume_text=tuple(to_text(a) for a in assume), show=show,
                   show_text=to_text(show), symbols=tuple(s for s in claim.symbols if s.name not in values),
                   free=tuple(f for f in claim.free if f not in values), function_property=prop, undefined=undefined,
                   definitions=definitions)


def diff_variables(terms, definitions=()) -> set[str]:
    """The variables of the ``diff`` nodes in ``terms`` and, for names that are not its parameters, in the bodies
    of ``definitions``: a value fixed for such a name (a tolerance, a literature value) has no form there, since
    a derivative at a number is only known once computed."""
    out = {n.var.name for t in terms for n in walk(t) if isinstance(n, Diff)}
    for d in definitions:
        out |= {n.var.name for n in walk(d.body) if isinstance(n, Diff)} - set(d.params)
    return out


def claim_formula(assume: tuple[Term, ...], show: Term) -> Term:
    """The implication ``assume_1 and ... => show`` (just ``show`` with no assumptions)."""
    return Implies(conj(assume), show) if assume else show


__all__ = [
    "DOMAINS", "KINDS", "PROPERTIES", "Property", "Source", "SymbolDecl", "Axiom", "Undefined", "Definition",
    "Simulation", "Claim", "Quantity",
    "QuantityStatement",
    "domain_condition", "is_integral", "value_in_domain", "claim_formula", "diff_variables", "with_values",
]
