"""The LaTeX report: one ``main.tex`` (article) for pdflatex.

Engine and packages: pdflatex with amsmath, amssymb, booktabs, longtable,
array, geometry, xcolor, graphicx and ``CJKutf8`` (Chinese quotes are set in
the ``gbsn`` Song font of the standard CJK bundle). On Debian/Ubuntu:
``apt-get install texlive-latex-base texlive-latex-recommended latex-cjk-chinese
latex-cjk-chinese-arphic-gbsn00lp`` (what ``.ci/run`` installs). Build with
``pdflatex -interaction=nonstopmode main.tex`` (twice for the table of contents).

Every piece of text goes through :func:`tex`: LaTeX special characters are
escaped, CJK characters are kept (the whole document is one ``CJK``
environment), common mathematical and Greek characters become math commands,
and any other character is printed as its code point ``[U+XXXX]`` so that a
missing glyph can never stop the build. Formulas are the LaTeX printed by SymPy
from the claim's terms, shrunk to the line width when too wide.
"""

from __future__ import annotations

import unicodedata
from typing import Any, Mapping, Sequence

from .context import ClaimView, Formula, VERDICT_LABELS, domain_meaning, related_units, role_label, unit_facts, verdict_order

_SPECIAL = {
    "\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "{": r"\{",
    "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "<": r"\textless{}", ">": r"\textgreater{}",
    "|": r"\textbar{}", "[": "{[}", "]": "{]}", "\t": " ", "\r": " ", "\n": " ",
}

_UNICODE = {
    "≤": r"$\leq$", "≥": r"$\geq$", "≠": r"$\neq$", "≈": r"$\approx$", "≡": r"$\equiv$", "→": r"$\to$",
    "←": r"$\leftarrow$", "⇒": r"$\Rightarrow$", "⇐": r"$\Leftarrow$", "⇔": r"$\Leftrightarrow$",
    "↔": r"$\leftrightarrow$", "∞": r"$\infty$", "×": r"$\times$", "·": r"$\cdot$", "∎": r"$\blacksquare$",
    "∑": r"$\sum$", "∏": r"$\prod$", "√": r"$\surd$", "∈": r"$\in$", "∉": r"$\notin$", "∀": r"$\forall$",
    "∃": r"$\exists$", "∧": r"$\land$", "∨": r"$\lor$", "¬": r"$\neg$", "±": r"$\pm$", "−": "-", "–": "--",
    "—": "---", "“": "``", "”": "''", "‘": "`", "’": "'", "…": r"\ldots{}", "°": r"$^\circ$", "µ": r"$\mu$",
    "∂": r"$\partial$", "∇": r"$\nabla$", "∫": r"$\int$", "⊂": r"$\subset$", "⊆": r"$\subseteq$", "∪": r"$\cup$",
    "∩": r"$\cap$", "∅": r"$\emptyset$", "≪": r"$\ll$", "≫": r"$\gg$", "∝": r"$\propto$", "∼": r"$\sim$",
    "²": r"$^2$", "³": r"$^3$", "¹": r"$^1$", "⁻": r"$^-$", "½": r"$\frac12$", "∘": r"$\circ$", "⊕": r"$\oplus$",
    "⊗": r"$\otimes$", "∥": r"$\parallel$", "⟨": r"$\langle$", "⟩": r"$\rangle$", "∣": r"$\mid$", "′": "'",
    "\u00a0": "~", "✓": r"$\checkmark$", "✗": "x", "★": r"$\star$", "•": r"$\bullet$", "é": r"\'e", "è": r"\`e",
    "ü": r"\"u", "ö": r"\"o", "ä": r"\"a", "É": r"\'E",
}
_GREEK_FIX = {"lamda": "lambda", "omicron": "o"}
_CJK_RANGES = ((0x3000, 0x32FF), (0x4E00, 0x9FFF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF))
#: Unicode blocks (high byte) for which the gbsn font of the CJK bundle has a subfont.
_GBSN_BLOCKS = frozenset([0x30, 0x31, 0x32, *range(0x4E, 0x9D), 0x9E, 0x9F, 0xFE, 0xFF])


def _greek(ch: str) -> str | None:
    name = unicodedata.name(ch, "")
    if not name.startswith("GREEK ") or " LETTER " not in name:
        return None
    small = "SMALL LETTER" in name
    word = name.rsplit(" ", 1)[-1].lower()
    word = _GREEK_FIX.get(word, word)
    if word == "o":
        return "o" if small else "O"
    if not small:
        if word in ("gamma", "delta", "theta", "lambda", "xi", "pi", "sigma", "upsilon", "phi", "psi", "omega"):
            return rf"$\{word.capitalize()}$"
        return word[0].upper() if word in ("alpha", "beta", "epsilon", "zeta", "eta", "iota", "kappa", "mu", "nu",
                                           "rho", "tau", "chi") else None
    if word in ("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda",
                "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega"):
        return rf"$\{word}$"
    return None


def tex(text: Any) -> str:
    """Escape ``text`` for LaTeX running text inside the document's CJK environment."""
    out = []
    for ch in str(text):
        if ch in _SPECIAL:
            out.append(_SPECIAL[ch])
        elif " " <= ch <= "~":
            out.append(ch)
        elif ch in _UNICODE:
            out.append(_UNICODE[ch])
        else:
            cp = ord(ch)
            if any(lo <= cp <= hi for lo, hi in _CJK_RANGES) and (cp >> 8) in _GBSN_BLOCKS:
                out.append(ch)
                continue
            g = _greek(ch)
            if g is not None:
                out.append(g)
            elif unicodedata.category(ch).startswith(("C", "M", "Z")):
                out.append(" " if unicodedata.category(ch) == "Zs" else "")
            else:
                out.append(rf"\texttt{{[U+{cp:04X}]}}")
    return "".join(out)


def ttex(text: Any) -> str:
    """Escaped text in typewriter type, breakable after spaces, commas and operators."""
    body = tex(text)
    for op in (",", "*", "+", "(", "="):
        body = body.replace(op, op + r"\allowbreak{}")
    return r"\texttt{" + body + "}"


def tid(claim_id: str) -> str:
    """A claim or reference id in typewriter type, breakable after dots and hyphens."""
    body = tex(claim_id)
    for op in (".", "-"):
        body = body.replace(op, op + r"\allowbreak{}")
    return r"\texttt{" + body + "}"


def math_block(latex: str | None) -> str:
    """A display formula from SymPy's LaTeX, scaled down to the line width when it is wider."""
    if not latex:
        return ""
    return ("\\begin{center}\\fitmath{\\displaystyle " + latex + "}\\end{center}")


def _formula(f: Formula) -> list[str]:
    out = []
    m = math_block(f.latex)
    if m:
        out.append(m)
    out.append(r"\noindent{\small text: " + ttex(f.text) + r"}\par")
    return out


PREAMBLE = r"""\documentclass[10pt,a4paper]{article}
% Built with pdflatex; Chinese text through CJKutf8 (gbsn font of the CJK bundle).
\usepackage{amsmath,amssymb}
\usepackage{booktabs,longtable,array}
\usepackage[margin=2cm]{geometry}
\usepackage[table]{xcolor}
\usepackage{graphicx}
\usepackage{CJKutf8}
\definecolor{vholds}{HTML}{1A7F37}
\definecolor{vholdsif}{HTML}{9A6700}
\definecolor{vfails}{HTML}{CF222E}
\definecolor{vundecided}{HTML}{57606A}
\definecolor{vinformal}{HTML}{8250DF}
\newcommand{\verdict}[2]{\textcolor{#1}{\textbf{\textsf{#2}}}}
\newsavebox{\fitbox}
\newcommand{\fitmath}[1]{\sbox{\fitbox}{$#1$}%
  \ifdim\wd\fitbox>\linewidth\resizebox{\linewidth}{!}{\usebox{\fitbox}}\else\usebox{\fitbox}\fi}
\setlength{\parindent}{0pt}
\setlength{\parskip}{0.4em}
\setcounter{tocdepth}{1}
\sloppy
"""

_VCOLOR = {"holds": "vholds", "holds-if": "vholdsif", "fails": "vfails", "undecided": "vundecided",
           "informal": "vinformal"}


def verdict_tex(v: str) -> str:
    return rf"\verdict{{{_VCOLOR.get(v, 'black')}}}{{{tex(v)}}}"


def _label(claim_id: str) -> str:
    return "claim:" + "".join(ch if ch.isalnum() or ch in ".-" else "-" for ch in claim_id)


def _value(v: Any) -> str:
    if isinstance(v, (dict, list, tuple)):
        import json
        text = json.dumps(v, ensure_ascii=False)
        if len(text) > 400:
            text = text[:397] + "..."
        return ttex(text)
    return ttex(v) if isinstance(v, (int, float)) else tex(v)


def render_claim(view: ClaimView) -> str:
    c, r = view.claim, view.result
    out = [rf"\subsection{{{tex(c.title)}}}\label{{{_label(c.id)}}}",
           rf"{verdict_tex(view.verdict)}\quad {tid(c.id)} \quad kind {tex(c.kind)}; section ``{tex(c.source.section)}''",
           "", r"\paragraph{Original text.}", r"\begin{quote}" + tex(c.source.quote) + r"\end{quote}",
           r"\paragraph{Formal statement.}", *_formula(view.statement)]
    if c.reading:
        out.append(rf"\textit{{Reading:}} {tex(c.reading)}\par")
    out += [rf"\paragraph{{Verdict: {verdict_tex(view.verdict)}.}} {tex(r.reason)}\par"]
    facts = [(label, text) for label, text in unit_facts(view)]
    facts += [(role, f"{uid}: {verdict}") for uid, role, verdict in related_units(view)]
    if facts:
        out += [r"\begin{itemize}", *[rf"\item \textit{{{tex(label)}:}} {tex(text)}" for label, text in facts],
                r"\end{itemize}"]
    if view.condition is not None:
        out += [r"\paragraph{Holds if.} The claim holds exactly under this condition, which the document does not state:",
                *_formula(view.condition)]
    if r.counterexample is not None:
        ce = r.counterexample
        out.append(r"\paragraph{Counterexample.}")
        if ce.values:
            out += [r"\begin{longtable}{@{}>{\raggedright\arraybackslash}p{0.25\linewidth}"
                    r">{\raggedright\arraybackslash}p{0.7\linewidth}@{}}", r"\toprule symbol & exact value\\ \midrule"]
            out += [rf"{ttex(k)} & {ttex(v)}\\" for k, v in ce.values]
            out.append(r"\bottomrule\end{longtable}")
        if ce.evaluations:
            out += [r"\begin{longtable}{@{}>{\raggedright\arraybackslash}p{0.45\linewidth}"
                    r">{\raggedright\arraybackslash}p{0.5\linewidth}@{}}",
                    rf"\toprule evaluated & value ({int(ce.dps)} digits)\\ \midrule"]
            out += [rf"{ttex(w)} & {ttex(v)}\\" for w, v in ce.evaluations]
            out.append(r"\bottomrule\end{longtable}")
        out.append(rf"Confirmed by {tex(ce.confirmed_by)} at {int(ce.dps)} significant digits on the claim as stated.\par")
    out.append(r"\paragraph{Assumptions.}")
    if view.assumptions:
        out.append(r"\begin{enumerate}")
        for a in view.assumptions:
            out += [r"\item", *_formula(a)]
        out.append(r"\end{enumerate}")
    else:
        out.append(r"None besides the symbol domains.\par")
    if c.symbols:
        out += [r"\paragraph{Symbols and domains.}",
                r"\begin{longtable}{@{}lll>{\raggedright\arraybackslash}p{0.35\linewidth}@{}}",
                r"\toprule symbol & domain & domain means & meaning\\ \midrule"]
        out += [rf"{ttex(s.name)} & {tex(s.domain)} & {tex(domain_meaning(s.domain))} & {tex(s.meaning)}\\"
                for s in c.symbols]
        out.append(r"\bottomrule\end{longtable}")
    if c.undefined:
        out += [r"\paragraph{Undefined terms.}",
                r"\begin{longtable}{@{}lll>{\raggedright\arraybackslash}p{0.5\linewidth}@{}}",
                r"\toprule term & kind & arity & what a definition would have to supply\\ \midrule"]
        out += [rf"{ttex(u.name)} & {tex(u.kind)} & {int(u.arity)} & {tex(u.missing)}\\" for u in c.undefined]
        out.append(r"\bottomrule\end{longtable}")
    if view.definitions:
        out.append(r"\paragraph{Definitions used.}")
        for d, f in view.definitions:
            out += [rf"{tid(d.id)}" + (f": {tex(d.title)}" if d.title else "") + r"\par", *_formula(f)]
    if r.steps:
        out += [r"\paragraph{Derivation steps.}", r"\begin{enumerate}"]
        for s in r.steps:
            out.append(rf"\item \textbf{{{tex(s.description)}}}: {ttex(s.before)} $\Rightarrow$ {ttex(s.after)} "
                       rf"{{\small (rule: {tex(s.rule)}; "
                       + (f"re-checked: {tex(s.checked)})}}" if s.checked else "not re-checked)}"))
        out.append(r"\end{enumerate}")
    if r.evidence:
        out += [r"\paragraph{Evidence.}", r"\begin{enumerate}"]
        for e in r.evidence:
            out.append(rf"\item \textbf{{{tex(e.engine)}}}: {tex(e.outcome)}")
            if e.details:
                out.append(r"\begin{itemize}\small")
                out += [rf"\item {tex(k)}: {_value(v)}" for k, v in e.details]
                out.append(r"\end{itemize}")
        out.append(r"\end{enumerate}")
    if r.losses:
        out += [r"\paragraph{Encoding losses.}", r"\begin{itemize}"]
        out += [rf"\item {tex(x)}" for x in r.losses]
        out.append(r"\end{itemize}")
    if view.citations:
        out += [r"\paragraph{Citations.}", r"\begin{itemize}"]
        for ct in view.citations:
            parts = [tid(ct.reference)]
            if ct.symbol:
                parts.append(f"({ttex(ct.symbol)} = {ttex(ct.value)})" if ct.value else f"({ttex(ct.symbol)})")
            elif ct.value:
                parts.append(f"(value {ttex(ct.value)})")
            if ct.quantity:
                parts.append(f"-- {tex(ct.quantity)}")
            parts.append(f"-- {tex(ct.citation)}")
            out.append(r"\item " + " ".join(parts))
        out.append(r"\end{itemize}")
    if c.notes:
        out += [r"\paragraph{Notes.}", tex(c.notes) + r"\par"]
    out.append("")
    return "\n".join(out)


def render_latex(views: Sequence[ClaimView], summary: Mapping[str, Any], tool: Mapping[str, Any],
                 options: Mapping[str, Any]) -> str:
    versions = ", ".join(f"{k} {v}" for k, v in tool.items() if k != "name")
    opts = ", ".join(f"{k} = {v}" for k, v in options.items())
    out = [PREAMBLE, r"\begin{document}", r"\begin{CJK}{UTF8}{gbsn}",
           r"\title{Mathematical claims on emergence: verdicts}",
           r"\author{" + tex(tool.get("name", "formal_emergence")) + "}", r"\date{}", r"\maketitle",
           r"\noindent Checked by " + tex(f"{tool.get('name', 'formal_emergence')} ({versions}); options: {opts}.")
           + r" Verdicts, reasons and evidence are computed, never written by hand.\par",
           r"\section*{Counts by verdict}",
           r"\begin{longtable}{@{}lrl@{}}", r"\toprule verdict & assertions & meaning\\ \midrule"]
    for v in verdict_order():
        out.append(rf"{verdict_tex(v)} & {int(summary['by_verdict'].get(v, 0))} & {tex(VERDICT_LABELS[v])}\\")
    if summary["by_verdict"].get("not_run"):
        out.append(rf"not run & {int(summary['by_verdict']['not_run'])} & "
                   + tex("code of a document, not run: pass --run-snippets (not a verdict)") + r"\\")
    out += [r"\midrule total & " + str(int(summary.get("total", len(views)))) + r" & \\", r"\bottomrule\end{longtable}",
            r"\noindent Only the documents' assertions are counted; alternative readings and the toolkit's own "
            r"lemmas are listed under their assertion.\par",
            r"\tableofcontents"]
    docs: dict[str, list[ClaimView]] = {}
    for v in views:
        docs.setdefault(v.claim.document, []).append(v)
    for doc in sorted(docs):
        counts = summary.get("by_document", {}).get(doc, {})
        out += [r"\clearpage", rf"\section{{{tex(doc)}}}",
                "; ".join(f"{verdict_tex(v)} {int(counts.get(v, 0))}" for v in verdict_order()) + r"\par",
                r"\begin{longtable}{@{}>{\raggedright\arraybackslash}p{0.42\linewidth}l"
                r">{\raggedright\arraybackslash}p{0.38\linewidth}@{}}",
                r"\toprule claim & verdict & title\\ \midrule \endhead"]
        for v in docs[doc]:
            role = role_label(v)
            title = f"{role}: {v.claim.title}" if role else v.claim.title
            out.append(rf"{tid(v.id)} (p.~\pageref{{{_label(v.id)}}}) & {verdict_tex(v.verdict)} & {tex(title)}\\")
        out.append(r"\bottomrule\end{longtable}")
        for v in docs[doc]:
            out.append(render_claim(v))
    out += [r"\end{CJK}", r"\end{document}", ""]
    return "\n".join(out)


__all__ = ["render_latex", "render_claim", "tex", "PREAMBLE"]
