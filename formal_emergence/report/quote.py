"""A document's quote as a reader should see it: LaTeX typeset, Markdown rendered, code kept as code.

A quote is one of three kinds (``quote_kind``):

- ``code``: a piece of a program (assignments, calls, comments after code): shown in ``<pre>``, line
  breaks kept;
- ``latex``: a formula written in LaTeX without ``$`` delimiters (``N > N_c \\Rightarrow ...``):
  typeset whole as MathML;
- ``mixed``: such a formula with Chinese words beside it (outside ``\\text``): the formula runs typeset,
  the words kept as text;
- ``markdown``: text, rendered by markdown-it-py (CommonMark, raw HTML disabled), with the ``$...$``,
  ``$$...$$``, ``\\(...\\)`` and ``\\[...\\]`` segments typeset as MathML.

LaTeX is converted by ``latex2mathml``; the result must be well-formed XML, and a formula it cannot
convert is shown as its source in ``<code>``. Every formula carries its LaTeX source in a ``title``
(shown on hover). Without markdown-it-py or latex2mathml the quote is shown as escaped text, as
before. Nothing here evaluates text.
"""

from __future__ import annotations

import re
from html import escape
from xml.dom import minidom

from .formula import _numeric_entities

_MATH = re.compile(r"\$\$(.+?)\$\$|\$(.+?)\$|\\\((.+?)\\\)|\\\[(.+?)\\\]", re.S)
_COMMAND = re.compile(r"\\[A-Za-z]+|[\^_]\{")
_TEXT_ARG = re.compile(r"\\(?:text|mathrm|operatorname|textbf|mbox)\{[^{}]*\}")
_UNSUPPORTED = re.compile(r"\\(arg|argmax|argmin)(?![A-Za-z])")  # operators latex2mathml does not know
_IDEOGRAPH = re.compile(r"[\u3400-\u9fff]")
_NOT_CODE = re.compile(r"\\[A-Za-z]{2,}|\*\*\S[^*]*\*\*|^\s*[-*|] ")
_CODE_LINE = re.compile(
    r"^\s*(?:def |return\b|import |from \S+ import|for .+:\s*$|if .+:\s*$|elif |else:|print\(|"
    r"[A-Za-z_][\w.]*(?:\[[^\]]*\])*\s*(?:[+\-*/]?=)(?!=)\s*\S|"
    r"['\"][^'\"]+['\"]\s*:\s*\S|[})\]]+,?\s*$)"
    r"|\bnp\.|\bplt\.|\bax\d?\.|\bmath\.")


def quote_kind(text: str) -> str:
    """``code``, ``latex`` or ``markdown`` (see the module docstring)."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    code_lines = [ln for ln in lines if _CODE_LINE.search(ln) and not _NOT_CODE.search(ln)]
    if code_lines and not _MATH.search(text) and (len(code_lines) * 2 >= len([ln for ln in lines
                                                                              if not ln.lstrip().startswith("#")])):
        return "code"
    if "$" not in text and _COMMAND.search(text) and "**" not in text:
        if not _IDEOGRAPH.search(_TEXT_ARG.sub("", text)):
            return "latex"
        if _mixed_runs(text) is not None:
            return "mixed"
    return "markdown"


_CJK_RUN = re.compile(r"([\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+)")


def _mixed_runs(text: str) -> list[tuple[str, bool]] | None:
    """LaTeX without ``$`` beside Chinese words (``N > N_c \\Rightarrow ...（规模临界点定理）``): the runs as
    (text, is_formula), or None when a formula run would cut a brace group."""
    runs = [(part, i % 2 == 0) for i, part in enumerate(_CJK_RUN.split(text)) if part]
    for part, formula in runs:
        if formula and part.count("{") != part.count("}"):
            return None
    return runs


def latex_mathml(source: str, display: bool = False) -> str | None:
    """``source`` (LaTeX) as a ``<math>`` element, or None when latex2mathml cannot convert it."""
    try:
        from latex2mathml.converter import convert
    except ImportError:
        return None
    source = _UNSUPPORTED.sub(lambda m: r"\operatorname{" + m.group(1) + "}", source.strip())
    if "&" in source and "\\begin" not in source:  # a row of a cases/align environment, quoted alone
        source = "\\begin{array}{ll}" + source.removesuffix("\\\\").rstrip() + "\\end{array}"
    try:
        out = convert(source, display="block" if display else "inline")
        minidom.parseString(out)
    except Exception:  # noqa: BLE001 - any failure means "show the source"
        return None
    return _numeric_entities(out)


def math_html(source: str, display: bool = False) -> str:
    """A typeset formula with its LaTeX source on hover (the source alone when it cannot be typeset)."""
    mml = latex_mathml(source, display)
    tag = "div" if display else "span"
    if mml is None:
        return f'<code class="tex-source" title="LaTeX source (not typeset)">{escape(source)}</code>'
    return f'<{tag} class="tex" title="{escape("LaTeX: " + source.strip(), quote=True)}">{mml}</{tag}>'


def _markdown(text: str) -> str | None:
    try:
        from markdown_it import MarkdownIt
    except ImportError:
        return None
    formulas: list[str] = []

    def hold(m: re.Match) -> str:
        display = m.group(1) is not None or m.group(4) is not None
        source = next(g for g in m.groups() if g is not None)
        formulas.append(math_html(source, display))
        return f"\ue000{len(formulas) - 1}\ue001"

    protected = _MATH.sub(hold, text)
    md = MarkdownIt("commonmark", {"html": False, "breaks": True}).enable("table")
    single = "\n" not in text.strip()
    out = md.renderInline(protected) if single else md.render(protected)
    return re.sub("\ue000(\\d+)\ue001", lambda m: formulas[int(m.group(1))], out)


def quote_html(text: str) -> str:
    """The quote rendered for an HTML page (block content for a ``<blockquote>``)."""
    kind = quote_kind(text)
    if kind == "code":
        return f'<pre class="quote-code">{escape(text)}</pre>'
    if kind == "latex":
        return math_html(text, display=True)
    if kind == "mixed":
        return "".join(math_html(part) if formula and part.strip() else escape(part)
                       for part, formula in _mixed_runs(text) or ())
    out = _markdown(text)
    return escape(text) if out is None else out


__all__ = ["quote_kind", "quote_html", "math_html", "latex_mathml"]
