"""The HTML report: a self-contained static site (index.html, claims/<id>.html, assets/report.css).

Works offline: no CDN, no external font or script; the only script is a small
inline verdict filter on the index. Formulas are presentation MathML printed by
SymPy (rendered natively by browsers), with the plain-text formula beside them;
plots are inline SVG. Every piece of text goes through ``html.escape``.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from .context import (ClaimView, Formula, VERDICT_LABELS, domain_meaning, group_units, has_cjk, page_name,
                      related_units, role_label, unit_facts, verdict_order)
from .quote import quote_html

CSS_NAME = "report.css"


def e(value: Any) -> str:
    return escape(str(value), quote=True)


def _head(title: str, css_href: str) -> str:
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"generator\" content=\"formal_emergence\">\n"
        f"<title>{e(title)}</title>\n"
        "<link rel=\"icon\" href=\"data:,\">\n"
        f"<link rel=\"stylesheet\" href=\"{e(css_href)}\">\n</head>\n"
    )


def badge(verdict: str, big: bool = False) -> str:
    cls = f"badge v-{verdict}" + (" big" if big else "")
    return f'<span class="{e(cls)}" title="{e(VERDICT_LABELS.get(verdict, ""))}">{e(verdict)}</span>'


def exact_title(f: Formula) -> str:
    """A ``title`` attribute giving the exact value of every number the formula shows as written."""
    if not f.exact:
        return ""
    return f' title="{e("exact values: " + "; ".join(f"{shown} = {value}" for shown, value in f.exact))}"'


def formula_block(f: Formula, inline: bool = False) -> str:
    """MathML with the plain-text formula beside it (or the text alone when MathML is unavailable)."""
    if inline:
        if f.mathml:
            inline_mathml = f.mathml.replace('display="block"', 'display="inline"', 1)
            return f'<span{exact_title(f)}>{inline_mathml}</span> <code class="plain">{e(f.text)}</code>'
        return f"<code>{e(f.text)}</code>"
    parts = [f'<div class="formula"{exact_title(f)}>']
    if f.mathml:
        parts.append(f.mathml)
        parts.append(f'<div class="plain small muted">text: <code>{e(f.text)}</code></div>')
    else:
        parts.append(f'<pre class="plain">{e(f.text)}</pre>')
        parts.append('<div class="small muted">(no MathML rendering: the formula could not be translated)</div>')
    parts.append("</div>")
    return "\n".join(parts)


# --------------------------------------------------------------------------- index

_FILTER_JS = """
(function () {
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[data-filter]'));
  function apply() {
    var on = {};
    boxes.forEach(function (b) { on[b.value] = b.checked; });
    Array.prototype.forEach.call(document.querySelectorAll('tr[data-verdict]'), function (r) {
      r.classList.toggle('hidden', !on[r.getAttribute('data-verdict')]);
    });
    Array.prototype.forEach.call(document.querySelectorAll('section.document'), function (s) {
      var n = s.querySelectorAll('tr[data-verdict]:not(.hidden)').length;
      var out = s.querySelector('.shown');
      if (out) { out.textContent = String(n); }
    });
    var total = document.querySelectorAll('tr[data-verdict]:not(.hidden)').length;
    var t = document.getElementById('shown-total');
    if (t) { t.textContent = String(total); }
  }
  var m = /verdict=([a-z,-]+)/.exec(window.location.hash || '');
  if (m) {
    var wanted = m[1].split(',');
    boxes.forEach(function (b) { b.checked = wanted.indexOf(b.value) >= 0; });
  }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  var all = document.getElementById('show-all');
  if (all) { all.addEventListener('click', function () { boxes.forEach(function (b) { b.checked = true; }); apply(); }); }
  apply();
  document.documentElement.setAttribute('data-filter-ready', 'yes');
})();
"""


def _run_info(tool: Mapping[str, Any], options: Mapping[str, Any]) -> str:
    versions = ", ".join(f"{k} {v}" for k, v in tool.items() if k != "name")
    opts = ", ".join(f"{k} = {v}" for k, v in options.items())
    return f"{e(tool.get('name', 'formal_emergence'))} ({e(versions)}); options: {e(opts)}"


def render_index(views: Sequence[ClaimView], summary: Mapping[str, Any], tool: Mapping[str, Any],
                 options: Mapping[str, Any]) -> str:
    out = [_head("formal_emergence report: verdicts", f"assets/{CSS_NAME}"), "<body>"]
    out.append("<header><h1>Mathematical claims on emergence: verdicts</h1>")
    out.append(f'<p class="muted small">Checked by {_run_info(tool, options)}. '
               'Machine-readable: <a href="report.json">report.json</a>.</p></header>')
    out.append("<main>")
    out.append(f"<h2>Counts by verdict</h2>\n<p>{int(summary.get('total', len(views)))} assertions of the "
               "documents (alternative readings and the toolkit's own lemmas are listed under their assertion "
               "and never counted).</p>")
    out.append('<ul class="counts">')
    for v in verdict_order():
        out.append(f'<li><span class="n">{int(summary["by_verdict"].get(v, 0))}</span>{badge(v)}'
                   f' <span class="small muted">{e(VERDICT_LABELS[v])}</span></li>')
    out.append("</ul>")
    out.append('<fieldset class="filter"><legend>Filter by verdict</legend>')
    for v in verdict_order():
        out.append(f'<label><input type="checkbox" data-filter="verdict" value="{e(v)}" checked> {badge(v)} '
                   f'({int(summary["by_verdict"].get(v, 0))})</label>')
    out.append('<button type="button" id="show-all">show all</button> '
               '<span class="small muted">showing <span id="shown-total">'
               f'{len(views)}</span> of {len(views)}</span></fieldset>')
    docs, orphans = group_units(views)
    if orphans:
        docs.setdefault("lemmas whose assertion is not in this report", []).extend((v, []) for v in orphans)
    for doc in sorted(docs):
        items = docs[doc]
        counts = summary.get("by_document", {}).get(doc, {})
        anchor = "doc-" + page_name(doc)
        out.append(f'<section class="document" id="{e(anchor)}">')
        out.append(f"<h2>{e(doc)}</h2>")
        out.append('<p class="small">' + " ".join(f"{badge(v)} {int(counts.get(v, 0))}" for v in verdict_order())
                   + f' &middot; <span class="muted">showing <span class="shown">{len(items)}</span> '
                     f"of {len(items)}</span></p>")
        out.append('<table class="verdicts"><thead><tr><th>assertion</th><th>title</th><th>kind</th><th>verdict</th>'
                   "<th>reason</th></tr></thead><tbody>")
        for v, children in items:
            href = f"claims/{page_name(v.id)}.html"
            flags = "".join(f' <span class="flag">{e(label)}</span>' for label, _ in unit_facts(v)
                            if label in ("reading-sensitive", "fragile", "vacuous"))
            flips = "".join(f'<br><span class="muted">flip point: {e(text)}</span>' for label, text in unit_facts(v)
                            if label == "flip point")
            out.append(f'<tr data-verdict="{e(v.verdict)}"><td><a href="{e(href)}"><code>{e(v.id)}</code></a></td>'
                       f"<td>{e(v.claim.title)}</td><td>{e(v.claim.kind)}</td><td>{badge(v.verdict)}{flags}</td>"
                       f'<td class="small">{e(v.result.reason)}{flips}</td></tr>')
            for c in children:
                chref = f"claims/{page_name(c.id)}.html"
                out.append(f'<tr class="sub" data-verdict="{e(v.verdict)}"><td>&#8627; <a href="{e(chref)}">'
                           f"<code>{e(c.id)}</code></a></td><td>{e(role_label(c))}</td><td>{e(c.claim.kind)}</td>"
                           f'<td>{badge(c.verdict)}</td><td class="small">{e(c.result.reason)}</td></tr>')
        out.append("</tbody></table></section>")
    out.append("</main>")
    out.append('<footer>Generated by formal_emergence. Formulas are MathML printed by SymPy; '
               "verdicts, reasons and evidence are computed, never written by hand.</footer>")
    out.append(f"<script>{_FILTER_JS}</script>\n</body>\n</html>\n")
    return "\n".join(out)


# --------------------------------------------------------------------------- claim page

def _value_html(value: Any, depth: int = 0) -> str:
    if isinstance(value, Mapping):
        if not value:
            return "<span class=\"muted\">(none)</span>"
        inner = "".join(f"<dt>{e(k)}</dt><dd>{_value_html(v, depth + 1)}</dd>" for k, v in value.items())
        block = f'<dl class="details">{inner}</dl>'
        if depth > 0 and len(value) > 6:
            return f"<details><summary>{len(value)} entries</summary>{block}</details>"
        return block
    if isinstance(value, (list, tuple)):
        if not value:
            return "<span class=\"muted\">(none)</span>"
        if all(not isinstance(x, (Mapping, list, tuple)) for x in value) and len(value) <= 12 \
                and sum(len(str(x)) for x in value) < 160:
            return "<code>" + e(", ".join(str(x) for x in value)) + "</code>"
        items = "".join(f"<li>{_value_html(x, depth + 1)}</li>" for x in value)
        return f"<details><summary>{len(value)} items</summary><ul>{items}</ul></details>"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"<code>{e(value)}</code>"
    text = str(value)
    if len(text) > 300:
        return f"<details><summary>{e(text[:120])}…</summary><p>{e(text)}</p></details>"
    return e(text)


def display_path(file: str) -> str:
    """A claim file's name with its parent folder (``000/phase_transition.toml``).

    Never absolute and independent of the working directory, so a report is the same bytes
    wherever it is generated and never shows an install path.
    """
    if not file:
        return ""
    return "/".join(Path(file).parts[-2:])


def _section(title: str, body: str, sid: str) -> str:
    return f'<section id="{e(sid)}">\n<h2>{e(title)}</h2>\n{body}\n</section>'


def _facts_html(view: ClaimView) -> str:
    """Role, flags, flip points, conventions, and the assertion's other readings and lemmas with verdicts."""
    rows = "".join(f"<tr><th>{e(label)}</th><td>{e(text)}</td></tr>" for label, text in unit_facts(view))
    rows += "".join(f'<tr><th>{e(role)}</th><td><a href="{e(page_name(uid))}.html"><code>{e(uid)}</code></a> '
                    f"{badge(verdict)}</td></tr>" for uid, role, verdict in related_units(view))
    return f'<table class="facts">{rows}</table>' if rows else ""


def render_claim_page(view: ClaimView, tool: Mapping[str, Any], options: Mapping[str, Any]) -> str:
    c, r = view.claim, view.result
    out = [_head(f"{c.id}: {c.title}", f"../assets/{CSS_NAME}"), f'<body class="verdict-{e(view.verdict)}">']
    out.append('<nav class="crumbs"><a href="../index.html">all claims</a> &rsaquo; '
               f'<a href="../index.html#doc-{e(page_name(c.document))}">{e(c.document)}</a> &rsaquo; '
               f"<code>{e(c.id)}</code></nav>")
    out.append(f"<header><h1>{e(c.title)}</h1>")
    out.append(f'<p>{badge(view.verdict, big=True)} <code class="claim-id">{e(c.id)}</code> '
               f'<span class="muted">&middot; kind {e(c.kind)} &middot; {e(c.document)} &middot; '
               f"section {e(c.source.section)}</span></p></header>\n<main>")

    # source beside statement
    out.append('<div class="two-col">')
    out.append(f'<div class="panel"><h2>Original text</h2><p class="small muted">{e(c.document)}, '
               f'section &ldquo;<span lang="{e(view.quote_lang)}">{e(c.source.section)}</span>&rdquo;</p>'
               f'<blockquote class="quote" lang="{e(view.quote_lang)}">{quote_html(c.source.quote)}</blockquote>'
               f'<details class="source-text"><summary class="small muted">as written in the document</summary>'
               f'<pre lang="{e(view.quote_lang)}">{e(c.source.quote)}</pre></details></div>')
    right = ['<div class="panel"><h2>Formal statement</h2>', formula_block(view.statement)]
    if c.reading:
        right.append(f'<p class="small"><strong>Reading:</strong> {e(c.reading)}</p>')
    right.append("</div>")
    out.append("\n".join(right))
    out.append("</div>")

    out.append(_section("Verdict", f'<p>{badge(view.verdict, big=True)} '
                                   f'<span class="muted">{e(VERDICT_LABELS.get(view.verdict, ""))}</span></p>'
                                   f'<p class="reason">{e(r.reason)}</p>' + _facts_html(view), "verdict"))

    if view.condition is not None:
        cond = r.condition
        body = [f"<p>The claim holds exactly under this condition, which the document does not state:</p>",
                formula_block(view.condition)]
        if cond is not None and cond.latex:
            body.append(f'<p class="small muted">LaTeX: <code>{e(cond.latex)}</code></p>')
        if cond is not None and cond.sympy:
            body.append(f'<details><summary>SymPy srepr</summary><pre>{e(cond.sympy)}</pre></details>')
        out.append(_section("Holds if", "\n".join(body), "condition"))

    if r.counterexample is not None:
        ce = r.counterexample
        rows = "".join(f'<tr><td><code>{e(k)}</code></td><td class="exact">{e(v)}</td></tr>' for k, v in ce.values)
        body = []
        if rows:
            body.append('<table class="witness"><thead><tr><th>symbol</th><th>exact value</th></tr></thead>'
                        f"<tbody>{rows}</tbody></table>")
        else:
            body.append("<p>(closed statement: no symbols)</p>")
        ev = "".join(f'<tr><td><code>{e(w)}</code></td><td class="num">{e(v)}</td></tr>' for w, v in ce.evaluations)
        if ev:
            body.append(f'<table class="evaluations"><thead><tr><th>evaluated</th><th>value ({int(ce.dps)} digits)'
                        f"</th></tr></thead><tbody>{ev}</tbody></table>")
        body.append(f"<p class=\"small\">Confirmed by {e(ce.confirmed_by)} at {int(ce.dps)} significant digits "
                    "on the claim as stated.</p>")
        out.append(_section("Counterexample", "\n".join(body), "counterexample"))

    if view.plots:
        figs = []
        for p in view.plots:
            figs.append(f'<figure class="plot" data-plot="{e(p.kind)}"><h3>{e(p.title)}</h3>\n{p.svg}'
                        f"<figcaption>{e(p.caption)}</figcaption></figure>")
        out.append(_section("Plots", "\n".join(figs), "plots"))

    if view.assumptions:
        items = "".join(f"<li>{formula_block(a)}</li>" for a in view.assumptions)
        out.append(_section("Assumptions", f"<ol class=\"assumptions\">{items}</ol>", "assumptions"))
    else:
        out.append(_section("Assumptions", "<p class=\"muted\">None besides the symbol domains.</p>", "assumptions"))

    if c.symbols:
        rows = "".join(f"<tr><td><code>{e(s.name)}</code></td><td>{e(s.domain)}</td>"
                       f"<td class=\"small\">{e(domain_meaning(s.domain))}</td><td>{e(s.meaning)}</td></tr>"
                       for s in c.symbols)
        body = ("<table class=\"symbols\"><thead><tr><th>symbol</th><th>domain</th><th>domain means</th>"
                f"<th>meaning</th></tr></thead><tbody>{rows}</tbody></table>")
    else:
        body = "<p class=\"muted\">No symbols.</p>"
    if c.undefined:
        rows = "".join(f"<tr><td><code>{e(u.name)}</code></td><td>{e(u.kind)}</td><td>{int(u.arity)}</td>"
                       f"<td>{e(u.missing)}</td></tr>" for u in c.undefined)
        body += ("<h3>Undefined terms</h3><table class=\"undefined\"><thead><tr><th>term</th><th>kind</th>"
                 f"<th>arity</th><th>what a definition would have to supply</th></tr></thead><tbody>{rows}</tbody>"
                 "</table>")
    out.append(_section("Symbols and domains", body, "symbols"))

    if view.definitions:
        parts = []
        for d, f in view.definitions:
            parts.append(f"<h3><code>{e(d.id)}</code>{(': ' + e(d.title)) if d.title else ''}</h3>{formula_block(f)}")
            if d.source is not None:
                parts.append(f'<p class="small muted">{e(d.source.document)}, section {e(d.source.section)}:</p>'
                             f'<blockquote class="quote small" lang="{"zh" if has_cjk(d.source.quote) else "en"}">'
                             f'{quote_html(d.source.quote)}</blockquote>')
        out.append(_section("Definitions used", "\n".join(parts), "definitions"))

    if r.steps:
        items = []
        for s in r.steps:
            items.append(f"<li><strong>{e(s.description)}</strong><br><code>{e(s.before)}</code> &rArr; "
                         f"<code>{e(s.after)}</code><br><span class=\"small muted\">rule: {e(s.rule)}"
                         + (f"; re-checked: {e(s.checked)}" if s.checked else "; not re-checked") + "</span></li>")
        out.append(_section("Derivation steps", f"<ol class=\"steps\">{''.join(items)}</ol>", "steps"))

    ev_parts = []
    for i, ev in enumerate(r.evidence, 1):
        details = {k: v for k, v in ev.details}
        ev_parts.append(f'<div class="evidence" data-engine="{e(ev.engine)}"><h3>{i}. {e(ev.engine)}: '
                        f"{e(ev.outcome)}</h3>{_value_html(details) if details else ''}</div>")
    ev_parts.append(f'<p class="small muted">Engines: {_run_info(tool, options)}.</p>')
    out.append(_section("Evidence", "\n".join(ev_parts), "evidence"))

    if r.losses:
        items = "".join(f"<li>{e(x)}</li>" for x in r.losses)
        out.append(_section("Encoding losses", f"<ul>{items}</ul>", "losses"))

    if view.citations:
        rows = []
        for ct in view.citations:
            arxiv = f'arXiv:<a href="https://arxiv.org/abs/{e(ct.arxiv)}">{e(ct.arxiv)}</a>' if ct.arxiv else ""
            rows.append(f"<tr><td><code>{e(ct.reference)}</code></td><td><code>{e(ct.symbol)}</code></td>"
                        f"<td class=\"exact\">{e(ct.value)}</td><td>{e(ct.quantity)}</td>"
                        f"<td>{e(ct.citation)} {arxiv}"
                        + (f"<br><span class=\"small muted\">{e(ct.formula)}</span>" if ct.formula else "")
                        + (f"<br><span class=\"small muted\">{e(ct.note)}</span>" if ct.note else "") + "</td></tr>")
        out.append(_section("Citations", "<table class=\"citations\"><thead><tr><th>reference</th><th>symbol</th>"
                                         "<th>value</th><th>quantity</th><th>source</th></tr></thead><tbody>"
                            + "".join(rows) + "</tbody></table>", "citations"))

    if c.notes:
        out.append(_section("Notes", f"<p>{e(c.notes)}</p>", "notes"))
    record = json.dumps(view.record, ensure_ascii=False, indent=2)
    out.append(_section("JSON record", f"<details><summary>the claim's record in report.json</summary>"
                                       f"<pre>{e(record)}</pre></details>", "json"))
    out.append(f"</main>\n<footer>Claim file: <code>{e(display_path(c.file))}</code>. Generated by formal_emergence."
               "</footer>")
    out.append("</body>\n</html>\n")
    return "\n".join(out)


def write_html(views: Sequence[ClaimView], summary: Mapping[str, Any], tool: Mapping[str, Any],
               options: Mapping[str, Any], write) -> None:
    """Write the site through ``write(relative_path, text)``."""
    from importlib.resources import files
    css = (files("formal_emergence.report") / "assets" / CSS_NAME).read_text(encoding="utf-8")
    write(f"assets/{CSS_NAME}", css)
    write("index.html", render_index(views, summary, tool, options))
    for v in views:
        write(f"claims/{page_name(v.id)}.html", render_claim_page(v, tool, options))


__all__ = ["render_index", "render_claim_page", "write_html", "formula_block", "badge"]
