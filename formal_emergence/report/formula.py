"""Formulas for reports: claim terms as presentation MathML and LaTeX, through SymPy's printers.

Terms are translated by the symbolic layer's ``SympyTranslator`` (explicit
constructors, no text is ever parsed by SymPy); ``diff`` and ``limit`` are kept
unevaluated (``Derivative``/``Limit``) so that a page shows what the claim
states, not what the engine computed from it. Every function here returns
``None`` when the translation or the printer fails, and callers fall back to
the plain-text formula.

A condition derived by the engine is stored as text in claim syntax; it is read
back into a term with the project's allow-list parser
(``formal_emergence.parse.expr``), never with ``sympify``/``parse_expr``/``eval``.
"""

from __future__ import annotations

import re
from fractions import Fraction
from html.entities import html5
from typing import Mapping, Sequence
from xml.dom import minidom

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.printing.mathml import MathMLPresentationPrinter

from ..model.claim import Claim, SymbolDecl
from ..model.terms import Diff, Limit, Num, Term
from ..symbolic.sympy_layer import SympyTranslator

MATHML_NS = "http://www.w3.org/1998/Math/MathML"
_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]*);")
_KEEP_ENTITIES = {"lt", "gt", "amp", "quot", "apos"}
_STRAY_LT = re.compile(r"<(?![A-Za-z/!?])")
_STRAY_AMP = re.compile(r"&(?!#?[A-Za-z0-9]+;)")


_DECIMAL = re.compile(r"(?<![\w.])\d+\.\d+(?![\w.])")


def decimal_literals(*texts: str) -> dict[Fraction, str]:
    """The decimals (``0.076``) written in ``texts``, by exact value: what a formula shows for that value."""
    out: dict[Fraction, str] = {}
    for text in texts:
        for m in _DECIMAL.finditer(text or ""):
            out.setdefault(Fraction(m.group(0)), m.group(0))
    return out


class DecimalNumber(sp.Symbol):
    """A number as the claim writes it (``0.076``), for display only; ``exact`` is its value (``19/250``)."""

    exact: Fraction

    def __new__(cls, text: str, exact: Fraction):
        obj = super().__new__(cls, text, positive=exact > 0)
        obj.exact = exact
        return obj


class DisplayTranslator(SympyTranslator):
    """``SympyTranslator`` that keeps derivatives and limits unevaluated, and shows the numbers in
    ``decimals`` (exact value -> text) as written, for display only."""

    def __init__(self, decls: Sequence[SymbolDecl] = (), decimals: Mapping[Fraction, str] | None = None):
        super().__init__(decls)
        self.decimals = dict(decimals or {})

    def __call__(self, t: Term) -> sp.Basic:
        match t:
            case Num(v) if v in self.decimals:
                return DecimalNumber(self.decimals[v], v)
            case Diff(e, v, order):
                return sp.Derivative(self(e), (self(v), order))
            case Limit(e, v, p, side):
                return sp.Limit(self(e), self(v), self(p), dir=side or "+-")
        return super().__call__(t)


def to_sympy(t: Term, decls: Sequence[SymbolDecl] = (), decimals: Mapping[Fraction, str] | None = None
             ) -> sp.Basic | None:
    try:
        return DisplayTranslator(decls, decimals)(t)
    except Exception:  # noqa: BLE001 - any translation failure means "show the text instead"
        return None


class PresentationPrinter(MathMLPresentationPrinter):
    """SymPy's presentation MathML printer (what ``mathml(expr, printer="presentation")`` uses),
    except that undefined functions keep their name: SymPy prints ``P(N)`` as ``p(N)`` because it
    lower-cases class names. The name is printed like a symbol (``N_c`` gets its subscript)."""

    def _print_AppliedUndef(self, e: AppliedUndef):
        mrow = self.dom.createElement("mrow")
        mrow.appendChild(self._print(sp.Symbol(e.func.__name__)))
        mrow.appendChild(self._paren_comma_separated(*e.args))
        return mrow

    def _print_DecimalNumber(self, e: DecimalNumber):
        mn = self.dom.createElement("mn")
        mn.setAttribute("data-exact", str(e.exact))
        mn.appendChild(self.dom.createTextNode(e.name))
        return mn


def presentation_mathml(expr: sp.Basic) -> str:
    """Same as ``sympy.printing.mathml.mathml(expr, printer="presentation")``, with ``PresentationPrinter``."""
    return PresentationPrinter({}).doprint(expr)


def _numeric_entities(text: str) -> str:
    """Replace named entities (``&ExponentialE;``) by numeric ones, valid in any XML/HTML context."""
    def repl(m: re.Match) -> str:
        name = m.group(1)
        if name in _KEEP_ENTITIES:
            return m.group(0)
        chars = html5.get(name + ";")
        if chars is None:
            return m.group(0)
        return "".join(f"&#x{ord(c):X};" for c in chars)
    return _ENTITY.sub(repl, text)


def sympy_mathml(expr: sp.Basic, display: bool = True) -> str | None:
    """Presentation MathML for a SymPy expression, wrapped in a ``<math>`` element; None on failure."""
    try:
        inner = presentation_mathml(expr)
    except Exception:  # noqa: BLE001
        return None
    # SymPy's printer writes text nodes unescaped (so that its entities survive): escape stray '<' and '&'.
    inner = _STRAY_LT.sub("&lt;", _STRAY_AMP.sub("&amp;", inner))
    inner = _numeric_entities(inner)
    mode = "block" if display else "inline"
    out = f'<math xmlns="{MATHML_NS}" display="{mode}">{inner}</math>'
    try:  # must be well-formed XML: a printer bug must not break the page
        minidom.parseString(out)
    except Exception:  # noqa: BLE001
        return None
    return out


def term_mathml(t: Term | None, decls: Sequence[SymbolDecl] = (), display: bool = True,
                decimals: Mapping[Fraction, str] | None = None) -> str | None:
    """Presentation MathML for a claim term (None when it cannot be translated); the numbers in ``decimals``
    are shown as written, with the exact value in ``data-exact``."""
    if t is None:
        return None
    expr = to_sympy(t, decls, decimals)
    return None if expr is None else sympy_mathml(expr, display)


def term_latex(t: Term | None, decls: Sequence[SymbolDecl] = (),
               decimals: Mapping[Fraction, str] | None = None) -> str | None:
    """LaTeX for a claim term through ``sympy.latex`` (None when it cannot be translated)."""
    if t is None:
        return None
    expr = to_sympy(t, decls, decimals)
    if expr is None:
        return None
    try:
        return sp.latex(expr)
    except Exception:  # noqa: BLE001
        return None


def claim_scope(claim: Claim):
    """The allow-list parser scope of ``claim``: its symbols, definitions and undefined terms."""
    from ..parse.expr import Scope
    bools = frozenset(s.name for s in claim.symbols if s.domain == "bool")
    return Scope(
        symbols=frozenset(s.name for s in claim.symbols if s.domain != "bool"),
        bool_symbols=bools,
        definitions={d.name: (len(d.params), d.is_boolean) for d in claim.definitions},
        predicates={u.name: u.arity for u in claim.undefined if u.kind == "predicate"},
        functions={u.name: u.arity for u in claim.undefined if u.kind == "function"},
        entities=frozenset(u.name for u in claim.undefined if u.kind == "entity"),
    )


def parse_claim_text(text: str, claim: Claim) -> Term | None:
    """Read ``text`` (claim syntax, e.g. a derived condition) with the allow-list parser; None on error."""
    from ..parse.expr import parse_expression
    try:
        return parse_expression(text, claim_scope(claim))
    except Exception:  # noqa: BLE001
        return None


__all__ = ["DisplayTranslator", "DecimalNumber", "decimal_literals", "term_mathml", "term_latex", "sympy_mathml", "parse_claim_text", "claim_scope",
           "MATHML_NS"]
