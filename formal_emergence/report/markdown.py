"""The Markdown report: ``index.md`` (README-like) and ``claims/<id>.md``, written for GitHub.

Formulas use GitHub's math syntax: display math as ``$$ ... $$`` blocks and
inline math as ``$`...`$`` (which survives Markdown emphasis rules). Quotes
are shown as GitHub renders them: LaTeX as display math, Markdown as a block
quote, code fenced; counterexamples, symbols and citations are tables. Plots are
SVG files beside the claim pages (``claims/<id>.<kind>.svg``).
"""

from __future__ import annotations

import json
import re
from typing import Any, Mapping, Sequence

from .quote import quote_kind
from .context import (ClaimView, Formula, VERDICT_LABELS, domain_meaning, group_units, page_name, related_units,
                      role_label, unit_facts, verdict_order)

VERDICT_MARK = {"holds": "✅", "holds-if": "⚠️", "fails": "❌", "undecided": "❔", "informal": "📝"}
_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|$~<>])")


def md(text: Any) -> str:
    """Escape Markdown (and GitHub math) syntax in running text; newlines become spaces."""
    out = _MD_SPECIAL.sub(r"\\\1", str(text))
    return out.replace("\r", " ").replace("\n", " ")


def cell(text: Any) -> str:
    """Text for a table cell: escaped, pipes escaped, newlines as <br>."""
    return _MD_SPECIAL.sub(r"\\\1", str(text)).replace("\r", "").replace("\n", "<br>")


def code(text: Any, table: bool = False) -> str:
    """Inline code that may contain backticks; in a table cell pipes are escaped as GitHub requires."""
    t = str(text).replace("\n", " ")
    if table:
        t = t.replace("|", "\\|")
    run = max((len(m) for m in re.findall(r"`+", t)), default=0)
    fence = "`" * (run + 1)
    pad = " " if t.startswith("`") or t.endswith("`") else ""
    return f"{fence}{pad}{t}{pad}{fence}"


def tcode(text: Any) -> str:
    return code(text, table=True)


def fenced(text: str, lang: str = "text") -> str:
    run = max((len(m) for m in re.findall(r"`{3,}", text)), default=0)
    fence = "`" * max(3, run + 1)
    return f"{fence}{lang}\n{text}\n{fence}"


def verdict_md(v: str) -> str:
    return f"{VERDICT_MARK.get(v, '')} **{v}**"


def display_math(latex: str | None) -> str:
    if not latex or "$" in latex:
        return ""
    return f"$$\n{latex}\n$$"


def inline_math(latex: str | None) -> str:
    if not latex or "`" in latex or "$" in latex:
        return ""
    return f"$`{latex}`$"


def _formula(f: Formula) -> list[str]:
    out = []
    math = display_math(f.latex)
    if math:
        out += [math, ""]
    out.append(f"text: {code(f.text)}")
    return out


def render_index(views: Sequence[ClaimView], summary: Mapping[str, Any], tool: Mapping[str, Any],
                 options: Mapping[str, Any]) -> str:
    out = ["# Mathematical claims on emergence: verdicts", ""]
    versions = ", ".join(f"{k} {v}" for k, v in tool.items() if k != "name")
    opts = ", ".join(f"{k} = {v}" for k, v in options.items())
    out.append(f"Checked by {md(tool.get('name', 'formal_emergence'))} ({md(versions)}); options: {md(opts)}. "
               "Verdicts, reasons and evidence are computed, never written by hand.")
    out += ["", "## Counts by verdict", "", f"{int(summary.get('total', len(views)))} assertions of the documents "
            "(alternative readings and the toolkit's own lemmas are listed under their assertion and never counted).",
            "", "| verdict | assertions | meaning |", "|---|---:|---|"]
    for v in verdict_order():
        out.append(f"| {verdict_md(v)} | {int(summary['by_verdict'].get(v, 0))} | {cell(VERDICT_LABELS[v])} |")
    if summary["by_verdict"].get("not_run"):
        out.append(f"| not run | {int(summary['by_verdict']['not_run'])} | code of a document, not run: "
                   "pass --run-snippets to run it in the sandbox (not a verdict; listed as undecided) |")
    docs, orphans = group_units(views)
    if orphans:
        docs.setdefault("lemmas whose assertion is not in this report", []).extend((v, []) for v in orphans)
    out += ["", "## Documents", ""]
    for doc in sorted(docs):
        out.append(f"- [{md(doc)}](#{_anchor(doc)}) ({len(docs[doc])} assertions)")
    for doc in sorted(docs):
        counts = summary.get("by_document", {}).get(doc, {})
        out += ["", f"## {md(doc)}", "",
                " · ".join(f"{verdict_md(v)} {int(counts.get(v, 0))}" for v in verdict_order())
                + (f" · not run {int(counts['not_run'])} (needs --run-snippets)" if counts.get("not_run") else ""), "",
                "| assertion | title | kind | verdict | reason |", "|---|---|---|---|---|"]
        for v, children in docs[doc]:
            facts = unit_facts(v)
            flags = "".join(f" **{md(label)}**" for label, _ in facts if label in ("reading-sensitive", "fragile",
                                                                                    "vacuous"))
            flips = "".join(f"<br>flip point: {cell(text)}" for label, text in facts if label == "flip point")
            out.append(f"| [{tcode(v.id)}](claims/{page_name(v.id)}.md) | {cell(v.claim.title)} | {cell(v.claim.kind)} "
                       f"| {verdict_md(v.verdict)}{flags} | {cell(v.result.reason)}{flips} |")
            for c in children:
                out.append(f"| ↳ [{tcode(c.id)}](claims/{page_name(c.id)}.md) | {cell(role_label(c))} | "
                           f"{cell(c.claim.kind)} | {verdict_md(c.verdict)} | {cell(c.result.reason)} |")
    out.append("")
    return "\n".join(out)


def _anchor(heading: str) -> str:
    """GitHub's heading anchor: lowercase, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


def _value(value: Any) -> str:
    if isinstance(value, (dict, list, tuple)):
        text = json.dumps(value, ensure_ascii=False)
        return code(text if len(text) <= 200 else text[:197] + "...")
    return code(value) if isinstance(value, (int, float)) else cell(value)


def render_claim(view: ClaimView, tool: Mapping[str, Any], options: Mapping[str, Any]) -> str:
    c, r = view.claim, view.result
    out = [f"# {md(c.title)}", "",
           f"[all claims](../index.md) · {code(c.id)} · kind {md(c.kind)} · {md(c.document)} · "
           f"section {md(c.source.section)}", "",
           f"**Verdict:** {verdict_md(view.verdict)} ({md(VERDICT_LABELS.get(view.verdict, ''))})", ""]
    out += ["## Original text", "", f"{md(c.document)}, section “{md(c.source.section)}”:", "",
            quote_markdown(c.source.quote), ""]
    out += ["## Formal statement", "", *_formula(view.statement), ""]
    if c.reading:
        out += [f"**Reading:** {md(c.reading)}", ""]
    out += ["## Verdict", "", f"{verdict_md(view.verdict)}: {md(r.reason)}", ""]
    facts = [f"- **{md(label)}:** {md(text)}" for label, text in unit_facts(view)]
    facts += [f"- **{md(role)}:** [{tcode(uid)}]({page_name(uid)}.md): {verdict_md(verdict)}"
              for uid, role, verdict in related_units(view)]
    if facts:
        out += facts + [""]
    if view.condition is not None:
        out += ["## Holds if", "", "The claim holds exactly under this condition, which the document does not state:",
                "", *_formula(view.condition), ""]
    if r.counterexample is not None:
        ce = r.counterexample
        out += ["## Counterexample", ""]
        if ce.values:
            out += ["| symbol | exact value |", "|---|---|"]
            out += [f"| {tcode(k)} | {tcode(v)} |" for k, v in ce.values]
            out.append("")
        else:
            out += ["(closed statement: no symbols)", ""]
        if ce.evaluations:
            out += [f"| evaluated | value ({int(ce.dps)} digits) |", "|---|---|"]
            out += [f"| {tcode(w)} | {tcode(v)} |" for w, v in ce.evaluations]
            out.append("")
        out += [f"Confirmed by {md(ce.confirmed_by)} at {int(ce.dps)} significant digits on the claim as stated.", ""]
    out += ["## Assumptions", ""]
    if view.assumptions:
        for i, a in enumerate(view.assumptions, 1):
            m = inline_math(a.latex)
            out.append(f"{i}. {m + ' — ' if m else ''}{code(a.text)}")
    else:
        out.append("None besides the symbol domains.")
    out.append("")
    out += ["## Symbols and domains", ""]
    if c.symbols:
        out += ["| symbol | domain | domain means | meaning |", "|---|---|---|---|"]
        out += [f"| {tcode(s.name)} | {cell(s.domain)} | {cell(domain_meaning(s.domain))} | {cell(s.meaning)} |"
                for s in c.symbols]
    else:
        out.append("No symbols.")
    out.append("")
    if c.undefined:
        out += ["### Undefined terms", "", "| term | kind | arity | what a definition would have to supply |",
                "|---|---|---:|---|"]
        out += [f"| {tcode(u.name)} | {cell(u.kind)} | {int(u.arity)} | {cell(u.missing)} |" for u in c.undefined]
        out.append("")
    if view.definitions:
        out += ["## Definitions used", ""]
        for d, f in view.definitions:
            out += [f"### {code(d.id)}" + (f": {md(d.title)}" if d.title else ""), "", *_formula(f), ""]
    if r.steps:
        out += ["## Derivation steps", ""]
        for i, s in enumerate(r.steps, 1):
            out.append(f"{i}. **{md(s.description)}**: {code(s.before)} ⇒ {code(s.after)} "
                       f"(rule: {md(s.rule)}; " + (f"re-checked: {md(s.checked)})" if s.checked else "not re-checked)"))
        out.append("")
    out += ["## Evidence", ""]
    for i, e in enumerate(r.evidence, 1):
        out.append(f"{i}. **{md(e.engine)}**: {md(e.outcome)}")
        for k, v in e.details:
            out.append(f"   - {md(k)}: {_value(v)}")
    versions = ", ".join(f"{k} {v}" for k, v in tool.items() if k != "name")
    opts = ", ".join(f"{k} = {v}" for k, v in options.items())
    out += ["", f"Engines: {md(versions)}; options: {md(opts)}.", ""]
    if r.losses:
        out += ["## Encoding losses", ""] + [f"- {md(x)}" for x in r.losses] + [""]
    if view.citations:
        out += ["## Citations", "", "| reference | symbol | value | quantity | source |", "|---|---|---|---|---|"]
        for ct in view.citations:
            src = cell(ct.citation) + (f" [arXiv:{ct.arxiv}](https://arxiv.org/abs/{ct.arxiv})" if ct.arxiv else "")
            out.append(f"| {tcode(ct.reference)} | {tcode(ct.symbol) if ct.symbol else ''} | {tcode(ct.value) if ct.value else ''} "
                       f"| {cell(ct.quantity)} | {src} |")
        out.append("")
    if view.plots:
        out += ["## Plots", ""]
        for i, p in enumerate(view.plots):
            out += [f"![{md(p.title)}]({plot_file(view, i)})", "", f"*{md(p.caption)}*", ""]
    if c.notes:
        out += ["## Notes", "", md(c.notes), ""]
    return "\n".join(out)


def write_markdown(views: Sequence[ClaimView], summary: Mapping[str, Any], tool: Mapping[str, Any],
                   options: Mapping[str, Any], write) -> None:
    write("index.md", render_index(views, summary, tool, options))
    for v in views:
        write(f"claims/{page_name(v.id)}.md", render_claim(v, tool, options))
        for i, p in enumerate(v.plots):
            write(f"claims/{plot_file(v, i)}", p.svg)


def plot_file(view: ClaimView, i: int) -> str:
    """The SVG file of a claim's ``i``-th plot, beside its page: ``<id>.<kind>.svg``."""
    kind = view.plots[i].kind
    same = [p.kind for p in view.plots[:i]].count(kind)
    return f"{page_name(view.id)}.{kind}{'-' + str(same + 1) if same else ''}.svg"


def quote_markdown(text: str) -> str:
    """A document quote for GitHub: LaTeX as a display-math block, code fenced, Markdown as a block quote
    (GitHub renders its ``$...$`` math and emphasis)."""
    kind = quote_kind(text)
    if kind == "latex" and "$" not in text and "`" not in text:
        return f"$$\n{text.strip()}\n$$"
    if kind == "markdown":
        safe = text.strip().replace("&", "&amp;").replace("<", "&lt;")   # no raw HTML from a document
        return "\n".join(f"> {line}".rstrip() for line in safe.splitlines())
    return fenced(text)


__all__ = ["render_index", "render_claim", "write_markdown", "md", "cell", "code"]
