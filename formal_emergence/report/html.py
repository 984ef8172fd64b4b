"""The HTML report: a self-contained static site (index.html, claims/<id>.html, assets/report.css).

Works offline: no CDN, no external font or script; the only script is a small
inline verdict filter on the index. Formulas are presentation MathML printed by
SymPy (rendered natively by browsers), with the plain-text formula beside them;
plots are inline SVG. Every piece of text goes through ``html.escape``.
"""

from __future__ import annotations

import html
import json
import re
from html import escape
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from .context import (ClaimView, Formula, VERDICT_LABELS, document_titles, domain_meaning, group_units, has_cjk,
                      page_name, reading_order, related_units, role_label, unit_facts, verdict_order)
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


# --------------------------------------------------------------------------- the site's cross-references

class Site:
    """What pages share: document titles, the reading order (previous/next), the definitions and the
    pages every claim id and definition links to."""

    def __init__(self, views: Sequence[ClaimView]):
        self.views = list(views)
        self.titles = document_titles()
        self.order = reading_order(views)
        self.position = {v.id: i for i, v in enumerate(self.order)}
        self.ids = {v.id for v in views}
        self.definitions: dict[str, tuple[Any, Formula, list[ClaimView]]] = {}
        for v in views:
            for d, f in v.definitions:
                entry = self.definitions.setdefault(d.id, (d, f, []))
                entry[2].append(v)
        known = sorted(self.ids, key=len, reverse=True)
        self._id_re = re.compile(r"(?<![\w.-])(" + "|".join(re.escape(e(i)) for i in known) + r")(?![\w-])") \
            if known else None

    def document_label(self, doc: str) -> str:
        title = self.titles.get(doc)
        return f'<span lang="{"zh" if has_cjk(title) else "en"}">{e(title)}</span> <span class="muted small">' \
               f"({e(doc)})</span>" if title else e(doc)

    def linked(self, text: str, prefix: str) -> str:
        """``text`` escaped, with every claim id of this site in it linked to the claim's page."""
        out = e(text)
        if self._id_re is None:
            return out
        return self._id_re.sub(lambda m: f'<a class="claim-link" href="{prefix}claims/'
                                         f'{e(page_name(html.unescape(m.group(1))))}.html">{m.group(1)}</a>', out)

    def neighbours(self, view: ClaimView) -> tuple[ClaimView | None, ClaimView | None]:
        i = self.position.get(view.id)
        if i is None:
            return None, None
        return (self.order[i - 1] if i > 0 else None), (self.order[i + 1] if i + 1 < len(self.order) else None)


def _documents(views: Sequence[ClaimView]):
    """``group_units``'s documents, with lemmas checked without their assertion under a heading of their own."""
    docs, orphans = group_units(views)
    if orphans:
        docs.setdefault("lemmas whose assertion is not in this report", []).extend((v, []) for v in orphans)
    return docs


def doc_page(doc: str) -> str:
    return f"docs/{page_name(doc)}.html"


def definition_page(def_id: str) -> str:
    return f"definitions/{page_name(def_id)}.html"


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


_SEARCH_JS = """
(function () {
  var data = JSON.parse(document.getElementById('search-index').textContent);
  var box = document.getElementById('search'), out = document.getElementById('search-results');
  var count = document.getElementById('search-count');
  function run() {
    var words = box.value.toLowerCase().split(/\\s+/).filter(function (w) { return w.length > 0; });
    out.innerHTML = '';
    if (!words.length) { count.textContent = ''; return; }
    var hits = data.filter(function (d) {
      return words.every(function (w) { return d.text.indexOf(w) >= 0; });
    });
    count.textContent = hits.length + ' found';
    hits.slice(0, 50).forEach(function (d) {
      var li = document.createElement('li'), a = document.createElement('a');
      a.href = d.href; a.textContent = d.id; li.appendChild(a);
      var b = document.createElement('span'); b.className = 'badge v-' + d.verdict; b.textContent = d.verdict;
      li.appendChild(document.createTextNode(' ')); li.appendChild(b);
      li.appendChild(document.createTextNode(' ' + d.title));
      out.appendChild(li);
    });
  }
  box.addEventListener('input', run);
  var m = /[#&]q=([^&]*)/.exec(window.location.hash || '');
  if (m) { box.value = decodeURIComponent(m[1]); }
  run();
  document.documentElement.setAttribute('data-search-ready', 'yes');
})();
"""


def _search_index(views: Sequence[ClaimView], site: Site) -> str:
    """The inline JSON the search box reads: per page its id, title, verdict, link and lower-cased text."""
    rows = []
    for v in site.order:
        c = v.claim
        text = " ".join((c.id, c.title, c.document, site.titles.get(c.document, ""), c.source.section,
                         c.source.quote, c.reading, v.result.reason, v.verdict))
        rows.append({"id": c.id, "title": c.title, "verdict": v.verdict,
                     "href": f"claims/{page_name(c.id)}.html", "text": text.lower()})
    # No "<" at all inside the script element (a quote's "</script>" would end it): JSON's \u003c instead.
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def _assertion_table(items, prefix: str, site: Site) -> str:
    out = ['<table class="verdicts"><thead><tr><th>assertion</th><th>title</th><th>kind</th><th>verdict</th>'
           "<th>reason</th></tr></thead><tbody>"]
    for v, children in items:
        href = f"{prefix}claims/{page_name(v.id)}.html"
        flags = "".join(f' <span class="flag">{e(label)}</span>' for label, _ in unit_facts(v)
                        if label in ("reading-sensitive", "fragile", "vacuous"))
        flips = "".join(f'<br><span class="muted">flip point: {e(text)}</span>' for label, text in unit_facts(v)
                        if label == "flip point")
        out.append(f'<tr data-verdict="{e(v.verdict)}"><td><a href="{e(href)}"><code>{e(v.id)}</code></a></td>'
                   f"<td>{e(v.claim.title)}</td><td>{e(v.claim.kind)}</td><td>{badge(v.verdict)}{flags}</td>"
                   f'<td class="small">{site.linked(v.result.reason, prefix)}{flips}</td></tr>')
        for c in children:
            chref = f"{prefix}claims/{page_name(c.id)}.html"
            out.append(f'<tr class="sub" data-verdict="{e(v.verdict)}"><td>&#8627; <a href="{e(chref)}">'
                       f"<code>{e(c.id)}</code></a></td><td>{e(role_label(c))}</td><td>{e(c.claim.kind)}</td>"
                       f'<td>{badge(c.verdict)}</td><td class="small">{site.linked(c.result.reason, prefix)}</td></tr>')
    out.append("</tbody></table>")
    return "\n".join(out)


def _counts_line(counts: Mapping[str, Any]) -> str:
    line = " ".join(f"{badge(v)} {int(counts.get(v, 0))}" for v in verdict_order())
    if counts.get("not_run"):  # undecided only because --run-snippets was not given: not a verdict
        line += f' <span class="small muted">not run {int(counts["not_run"])} (needs --run-snippets)</span>'
    return line


def _run_info(tool: Mapping[str, Any], options: Mapping[str, Any]) -> str:
    versions = ", ".join(f"{k} {v}" for k, v in tool.items() if k != "name")
    opts = ", ".join(f"{k} = {v}" for k, v in options.items())
    return f"{e(tool.get('name', 'formal_emergence'))} ({e(versions)}); options: {e(opts)}"


def render_index(views: Sequence[ClaimView], summary: Mapping[str, Any], tool: Mapping[str, Any],
                 options: Mapping[str, Any], site: Site | None = None) -> str:
    site = site or Site(views)
    out = [_head("formal_emergence report: verdicts", f"assets/{CSS_NAME}"), "<body>"]
    out.append("<header><h1>Mathematical claims on emergence: verdicts</h1>")
    out.append(f'<p class="muted small">Checked by {_run_info(tool, options)}. '
               'Machine-readable: <a href="report.json">report.json</a>.</p></header>')
    out.append("<main>")
    out.append('<section id="search-box"><h2>Search</h2><p><input type="search" id="search" '
               'placeholder="words of an id, title, quote (中文), reading or reason" size="60" '
               'aria-label="search the claims"> <span id="search-count" class="small muted"></span></p>'
               '<ol id="search-results" class="search-results"></ol></section>')
    out.append(f"<h2>Counts by verdict</h2>\n<p>{int(summary.get('total', len(views)))} assertions of the "
               "documents (alternative readings and the toolkit's own lemmas are listed under their assertion "
               "and never counted).</p>")
    out.append('<ul class="counts">')
    for v in verdict_order():
        out.append(f'<li><span class="n">{int(summary["by_verdict"].get(v, 0))}</span>{badge(v)}'
                   f' <span class="small muted">{e(VERDICT_LABELS[v])}</span></li>')
    if summary["by_verdict"].get("not_run"):
        out.append(f'<li><span class="n">{int(summary["by_verdict"]["not_run"])}</span>not run'
                   ' <span class="small muted">code of a document, not run: pass --run-snippets to run it in the '
                   'sandbox (not a verdict; listed as undecided)</span></li>')
    out.append("</ul>")
    docs = _documents(views)
    out.append('<h2>Documents</h2><table class="documents"><thead><tr><th>document</th><th>assertions</th>'
               "<th>verdicts</th></tr></thead><tbody>")
    for doc in sorted(docs):
        counts = summary.get("by_document", {}).get(doc, {})
        out.append(f'<tr><td><a href="{e(doc_page(doc))}">{site.document_label(doc)}</a></td>'
                   f'<td class="num">{int(counts.get("total", len(docs[doc])))}</td>'
                   f"<td>{_counts_line(counts)}</td></tr>")
    out.append("</tbody></table>")
    out.append('<fieldset class="filter"><legend>Filter by verdict</legend>')
    for v in verdict_order():
        out.append(f'<label><input type="checkbox" data-filter="verdict" value="{e(v)}" checked> {badge(v)} '
                   f'({int(summary["by_verdict"].get(v, 0))})</label>')
    out.append('<button type="button" id="show-all">show all</button> '
               '<span class="small muted">showing <span id="shown-total">'
               f'{len(views)}</span> of {len(views)}</span></fieldset>')
    for doc in sorted(docs):
        items = docs[doc]
        counts = summary.get("by_document", {}).get(doc, {})
        out.append(f'<section class="document" id="{e("doc-" + page_name(doc))}">')
        out.append(f'<h2>{site.document_label(doc)}</h2>')
        out.append(f'<p class="small">{_counts_line(counts)} &middot; <a href="{e(doc_page(doc))}">document page</a>'
                   f' &middot; <span class="muted">showing <span class="shown">{len(items)}</span> '
                   f"of {len(items)}</span></p>")
        out.append(_assertion_table(items, "", site))
        out.append("</section>")
    out.append("</main>")
    out.append('<footer>Generated by formal_emergence. Formulas are MathML printed by SymPy; '
               "verdicts, reasons and evidence are computed, never written by hand.</footer>")
    out.append(f'<script type="application/json" id="search-index">{_search_index(views, site)}</script>')
    out.append(f"<script>{_FILTER_JS}</script>\n<script>{_SEARCH_JS}</script>\n</body>\n</html>\n")
    return "\n".join(out)


def render_document_page(doc: str, items, counts: Mapping[str, Any], site: Site) -> str:
    """One seed document: its title, verdict counts and the table of its assertions."""
    out = [_head(f"{site.titles.get(doc, doc)}: verdicts", f"../assets/{CSS_NAME}"), "<body>"]
    out.append(f'<nav class="crumbs"><a href="../index.html">all claims</a> &rsaquo; {e(doc)}</nav>')
    out.append(f"<header><h1>{site.document_label(doc)}</h1>")
    out.append(f'<p>{int(counts.get("total", len(items)))} assertions: {_counts_line(counts)}</p></header><main>')
    out.append(_assertion_table(items, "../", site))
    defs = sorted({d.id for v, children in items for x in (v, *children) for d, _ in x.definitions})
    if defs:
        out.append("<h2>Definitions used</h2><ul>" + "".join(
            f'<li><a href="../{e(definition_page(d))}"><code>{e(d)}</code></a></li>' for d in defs) + "</ul>")
    out.append("</main>\n<footer>Generated by formal_emergence.</footer>\n</body>\n</html>\n")
    return "\n".join(out)


def render_definition_page(def_id: str, site: Site) -> str:
    """One definition: its formula, source quote, and every claim of the site that uses it."""
    d, f, users = site.definitions[def_id]
    out = [_head(f"definition {def_id}", f"../assets/{CSS_NAME}"), "<body>"]
    out.append(f'<nav class="crumbs"><a href="../index.html">all claims</a> &rsaquo; definition '
               f"<code>{e(def_id)}</code></nav>")
    out.append(f"<header><h1>Definition <code>{e(def_id)}</code>{(': ' + e(d.title)) if d.title else ''}</h1>"
               "</header><main>")
    out.append(formula_block(f))
    if d.source is not None:
        out.append(f'<p class="small muted">{e(d.source.document)}, section {e(d.source.section)}:</p>'
                   f'<blockquote class="quote" lang="{"zh" if has_cjk(d.source.quote) else "en"}">'
                   f"{quote_html(d.source.quote)}</blockquote>")
    out.append(f"<h2>Used by {len(users)} claims</h2><ul>")
    for v in sorted(users, key=lambda v: v.id):
        out.append(f'<li><a href="../claims/{e(page_name(v.id))}.html"><code>{e(v.id)}</code></a> '
                   f"{badge(v.verdict)} {e(v.claim.title)}</li>")
    out.append("</ul></main>\n<footer>Generated by formal_emergence.</footer>\n</body>\n</html>\n")
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


def _pager(view: ClaimView, site: Site) -> str:
    prev, nxt = site.neighbours(view)
    parts = []
    if prev is not None:
        parts.append(f'<a rel="prev" href="{e(page_name(prev.id))}.html">&larr; previous: <code>{e(prev.id)}</code></a>')
    if nxt is not None:
        parts.append(f'<a rel="next" href="{e(page_name(nxt.id))}.html">next: <code>{e(nxt.id)}</code> &rarr;</a>')
    return f'<nav class="pager">{" ".join(parts)}</nav>' if parts else ""


def _uses_html(view: ClaimView) -> str:
    """Links to the definitions this reading uses and to its assertion's other readings and lemmas."""
    parts = [f'<a href="../{e(definition_page(d.id))}"><code>{e(d.id)}</code></a>' for d, _ in view.definitions]
    out = f'<p class="small"><strong>Uses definitions:</strong> {", ".join(parts)}</p>' if parts else ""
    lemmas = [(uid, role) for uid, role, _ in related_units(view) if role.startswith("lemma")]
    if lemmas:
        out += ('<p class="small"><strong>Lemmas:</strong> ' + ", ".join(
            f'<a href="{e(page_name(uid))}.html"><code>{e(uid)}</code></a>' for uid, _ in lemmas) + "</p>")
    return out


def render_claim_page(view: ClaimView, tool: Mapping[str, Any], options: Mapping[str, Any],
                      site: Site | None = None) -> str:
    site = site or Site([view])
    c, r = view.claim, view.result
    out = [_head(f"{c.id}: {c.title}", f"../assets/{CSS_NAME}"), f'<body class="verdict-{e(view.verdict)}">']
    out.append('<nav class="crumbs"><a href="../index.html">all claims</a> &rsaquo; '
               f'<a href="../{e(doc_page(c.document))}">{site.document_label(c.document)}</a> &rsaquo; '
               f"<code>{e(c.id)}</code></nav>")
    out.append(_pager(view, site))
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
        right.append(f'<p class="small"><strong>Reading:</strong> {site.linked(c.reading, "../")}</p>')
    right.append(_uses_html(view))
    right.append("</div>")
    out.append("\n".join(right))
    out.append("</div>")

    out.append(_section("Verdict", f'<p>{badge(view.verdict, big=True)} '
                                   f'<span class="muted">{e(VERDICT_LABELS.get(view.verdict, ""))}</span></p>'
                                   f'<p class="reason">{site.linked(r.reason, "../")}</p>' + _facts_html(view), "verdict"))

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
            parts.append(f'<h3 id="def-{e(page_name(d.id))}"><a href="../{e(definition_page(d.id))}"><code>{e(d.id)}</code>'
                         f"</a>{(': ' + e(d.title)) if d.title else ''}</h3>{formula_block(f)}")
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
    out.append(f"</main>\n{_pager(view, site)}\n<footer>Claim file: <code>{e(display_path(c.file))}</code>. "
               "Generated by formal_emergence.</footer>")
    out.append("</body>\n</html>\n")
    return "\n".join(out)


def write_html(views: Sequence[ClaimView], summary: Mapping[str, Any], tool: Mapping[str, Any],
               options: Mapping[str, Any], write) -> None:
    """Write the site through ``write(relative_path, text)``."""
    from importlib.resources import files
    css = (files("formal_emergence.report") / "assets" / CSS_NAME).read_text(encoding="utf-8")
    write(f"assets/{CSS_NAME}", css)
    site = Site(views)
    write("index.html", render_index(views, summary, tool, options, site))
    docs = _documents(views)
    for doc, items in docs.items():
        write(doc_page(doc), render_document_page(doc, items, summary.get("by_document", {}).get(doc, {}), site))
    for def_id in site.definitions:
        write(definition_page(def_id), render_definition_page(def_id, site))
    for v in views:
        write(f"claims/{page_name(v.id)}.html", render_claim_page(v, tool, options, site))


__all__ = ["Site", "render_document_page", "render_definition_page", "render_index", "render_claim_page", "write_html", "formula_block", "badge"]
