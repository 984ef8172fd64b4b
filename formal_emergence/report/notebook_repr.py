"""Rich display of an explained claim in Jupyter.

``explain(claim_id)`` checks one claim and returns an ``Explained``: printing
it gives the plain-text explanation of ``formal-emergence explain``; as the
last expression of a notebook cell it renders as HTML (``_repr_html_``: the
formulas typeset as MathML, the document's quote as the HTML report shows it), and
``_repr_latex_`` gives the formal statement, the verdict and the condition in
LaTeX. ``Claim`` and ``Result`` themselves are left untouched: ``Explained``
wraps them.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Iterable

from ..model.claim import Claim
from ..model.verdict import Result, Verdict
from .explain import Block, Explanation, explain_claim, render_explanation

#: Colours of the verdict badge in HTML.
VERDICT_COLOURS = {
    Verdict.HOLDS: "#1a7f37",
    Verdict.HOLDS_IF: "#9a6700",
    Verdict.FAILS: "#cf222e",
    Verdict.UNDECIDED: "#57606a",
    Verdict.INFORMAL: "#8250df",
}


class Explained:
    """A claim, its computed result and their step-by-step explanation, displayable in Jupyter.

    Attributes: ``claim``, ``result``, ``explanation`` (an
    ``explain.Explanation``), ``verdict``, ``repair`` (the repaired claim and
    its re-checked result, or None) and ``text`` (the plain-text rendering).
    """

    def __init__(self, claim: Claim, result: Result | None = None, explanation: Explanation | None = None, *,
                 dps: int = 30, siblings: Iterable[Claim] = (), level: str = "expert"):
        if explanation is None:
            explanation = explain_claim(claim, result, dps=dps, siblings=siblings, level=level)
        self.explanation = explanation
        self.claim = explanation.claim
        self.result = explanation.result

    @property
    def verdict(self) -> Verdict:
        return self.result.verdict

    @property
    def repair(self):
        return self.explanation.repair

    @property
    def text(self) -> str:
        return render_explanation(self.explanation)

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        extra = f" when {self.result.condition.text}" if self.result.condition else ""
        return f"<Explained {self.claim.id}: {self.verdict.value}{extra}>"

    def _repr_pretty_(self, p, cycle) -> None:  # IPython's plain-text display: the short form
        p.text(repr(self))

    # ---- LaTeX

    def _repr_latex_(self) -> str:
        expl = self.explanation
        statement = expl.statement_latex or _latex_text(_statement_text(self.claim))
        parts = [rf"\text{{{_latex_escape(self.claim.id)}}}:\quad {statement}",
                 rf"\quad\longrightarrow\quad \textbf{{{self.verdict.value}}}"]
        if self.result.condition is not None:
            cond = self.result.condition.latex or _latex_text(self.result.condition.text)
            parts.append(rf"\ \text{{when}}\ {cond}")
        return "$" + "".join(parts) + "$"

    # ---- HTML

    def _repr_html_(self) -> str:
        expl, claim, result = self.explanation, self.claim, self.result
        colour = VERDICT_COLOURS.get(result.verdict, "#57606a")
        e = html.escape
        out = ['<div class="formal-emergence-explained" style="max-width: 60em">',
               f'<h3 style="margin-bottom: 0.2em"><code>{e(claim.id)}</code> '
               f'<span style="background: {colour}; color: white; border-radius: 0.3em; padding: 0 0.4em">'
               f'{e(result.verdict.value)}</span></h3>',
               f"<p>{e(expl.summary or result.reason)}</p>"]
        math = _Math(claim)
        for sec in expl.sections:
            out.append(f"<h4>({e(sec.key)}) {e(sec.title)}</h4>")
            out.extend(_html_blocks(sec.blocks, math))
        out.append("</div>")
        return "\n".join(out)


def _statement_text(claim: Claim) -> str:
    from .explain import formal_statement
    return formal_statement(claim)


def _latex_escape(text: str) -> str:
    out = []
    for ch in text:
        if ch in "_#%&$":
            out.append("\\" + ch)
        elif ch in "{}":
            out.append("\\" + ch)
        elif ch == "\\":
            out.append(r"\backslash ")
        else:
            out.append(ch)
    return "".join(out)


def _latex_text(text: str) -> str:
    return r"\text{" + _latex_escape(text) + "}"


class _Math:
    """Formulas of one claim's explanation as MathML, with the text on hover; the escaped text in ``<code>``
    when the allow-list parser cannot read it (a step's prose, a region) or it cannot be typeset."""

    #: Items and fields whose whole text is a formula in claim syntax.
    FORMULA_LABELS = frozenset({"assume", "show", "Condition"})

    def __init__(self, claim: Claim):
        self.claim = claim

    def __call__(self, text: str) -> str:
        from .formula import parse_claim_text, term_mathml
        arrow, body = ("⟹ ", text[4:]) if text.startswith("==> ") else ("", text)
        term = parse_claim_text(body, self.claim)
        mathml = term_mathml(term, self.claim.symbols, display=False) if term is not None else None
        if mathml is None:
            return f"<code>{html.escape(text)}</code>"
        titled = mathml.replace("<math", f'<math title="{html.escape(body)}"', 1)
        return html.escape(arrow) + titled

    def quote(self, text: str) -> str:
        """The document's quote as the report shows it: LaTeX typeset, Markdown rendered, code kept."""
        from .quote import quote_html
        return quote_html(text)


def _html_blocks(blocks: Iterable[Block], math: "_Math | None" = None) -> list[str]:
    """Blocks to HTML: items become nested lists, formulas join the open list item, fields a <dl>.

    With ``math`` (a ``_Math``), formulas, the ``assume``/``show`` items and the condition are typeset
    and the document's quote is rendered; without it everything is escaped text."""
    e = html.escape

    def formula(text: str) -> str:
        return math(text) if math is not None else f"<code>{e(text)}</code>"
    out: list[str] = []
    li_open: list[bool] = []  # one entry per open <ul>: whether its last <li> is still open
    in_dl = False

    def close_to(level: int) -> None:
        while len(li_open) > level:
            if li_open.pop():
                out.append("</li>")
            out.append("</ul>")

    def close_dl() -> None:
        nonlocal in_dl
        if in_dl:
            out.append("</dl>")
            in_dl = False

    for b in blocks:
        if b.kind == "item":
            close_dl()
            want = b.level + 1
            close_to(want)
            if len(li_open) == want and li_open[-1]:
                out.append("</li>")
                li_open[-1] = False
            while len(li_open) < want:
                if li_open and not li_open[-1]:
                    out.append('<li style="list-style: none">')
                    li_open[-1] = True
                out.append('<ul style="margin: 0.1em 0">')
                li_open.append(False)
            label = f"<b>{e(b.label)}</b> " if b.label and b.label != "-" else ""
            body = formula(b.text) if math is not None and b.label in _Math.FORMULA_LABELS else e(b.text)
            out.append(f"<li>{label}{body}")
            li_open[-1] = True
            continue
        if b.kind == "formula":
            if li_open and li_open[-1]:
                out.append(f"<br>{formula(b.text)}")
            else:
                close_dl()
                out.append(f'<div style="margin-left: 3em">{formula(b.text)}</div>')
            continue
        close_to(0)
        if b.kind == "field":
            if not in_dl:
                out.append('<dl style="margin: 0.2em 0">')
                in_dl = True
            body = formula(b.text) if math is not None and b.label in _Math.FORMULA_LABELS else e(b.text)
            out.append(f"<dt><b>{e(b.label)}</b></dt><dd>{body}</dd>")
            continue
        close_dl()
        if b.kind == "quote":
            shown = math.quote(b.text) if math is not None else e(b.text)
            out.append('<blockquote style="white-space: pre-wrap; border-left: 3px solid #ccc; padding-left: 0.6em">'
                       f"{shown}</blockquote>")
        else:
            out.append(f"<p>{e(b.text)}</p>")
    close_to(0)
    close_dl()
    return out


def explain(claim: str | Claim, paths: Iterable[str | Path] | None = None, *, dps: int = 30,
            result: Result | None = None, level: str = "expert") -> Explained:
    """Check one claim and explain it step by step.

    ``claim`` is a claim id (looked up in the catalog of ``paths``, the bundled
    claims when None) or a ``Claim`` (e.g. from ``load_catalog([my_file])``).
    The catalog's other claims are used to recognise a conclusion that is the
    converse of another claim. ``dps`` sets the digits of the mpmath checks;
    ``result`` skips the check when the claim was already checked. ``level="student"`` explains in plain
    words, as ``formal-emergence explain --level student`` (every technical term defined on first use).
    """
    from ..errors import UserInputError
    from ..parse.claimfile import load_catalog
    if not 30 <= dps <= 1000:
        raise UserInputError(f"dps {dps}", key="dps", hint="between 30 and 1000")
    if isinstance(claim, Claim):
        siblings: tuple[Claim, ...] = ()
        if paths is not None or claim.file:
            try:
                siblings = load_catalog(list(paths) if paths is not None else [claim.file]).claims
            except UserInputError:
                siblings = ()
        return Explained(claim, result, dps=dps, siblings=siblings, level=level)
    catalog = load_catalog(list(paths) if paths is not None else None)
    found = catalog.claim(claim)
    return Explained(found, result, dps=dps, siblings=catalog.claims, level=level)


__all__ = ["Explained", "explain", "VERDICT_COLOURS"]
