"""The HTML site: every claim page exists with its MathML statement, quote, verdict and plots; offline; escaped."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from xml.dom import minidom

import pytest

from formal_emergence.cli import run
from formal_emergence.model.claim import claim_formula
from formal_emergence.report.context import SCALING_PREFIXES, cited_ids, page_name, uses_definition
from formal_emergence.report.formula import term_mathml

FIXTURE_CLAIMS = Path(__file__).resolve().parent / "fixtures" / "report_claims.toml"


def _page(root, claim_id: str) -> str:
    return (root / "claims" / f"{page_name(claim_id)}.html").read_text(encoding="utf-8")


def test_every_claim_page(bundled, bundled_html):
    index = (bundled_html / "index.html").read_text(encoding="utf-8")
    assert (bundled_html / "assets" / "report.css").is_file()
    primaries = {a.id for a in bundled.checked.assertions}
    assert primaries & {c.id for c, _ in bundled.pairs}
    for claim, result in bundled.pairs:
        page = _page(bundled_html, claim.id)
        assert page.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
        assert '<meta charset="utf-8">' in page
        assert html.escape(claim.source.quote) in page, claim.id
        assert f'class="badge v-{result.verdict.value} big"' in page, claim.id
        assert f'<body class="verdict-{result.verdict.value}">' in page
        if term_mathml(claim_formula(claim.assume, claim.show), claim.symbols) is not None:
            statement = page.split("<h2>Formal statement</h2>", 1)[1].split("</div>", 1)[0]
            assert "<math " in statement, claim.id
        assert f'href="claims/{page_name(claim.id)}.html"' in index
        # each reading's row carries its assertion's verdict (the index filter is by assertion)
        row = re.search(rf'<tr (?:class="sub" )?data-verdict="([a-z-]+)"><td>(?:&#8627; )?<a href="claims/'
                        rf'{re.escape(page_name(claim.id))}\.html"', index)
        if claim.id in primaries:
            assert row and row.group(1) == result.verdict.value, claim.id


def test_plots_where_they_apply(bundled, bundled_html):
    """Phase curve for users of phase_transition_P, scaling laws for kaplan/hoffmann citations, simulations."""
    kinds_seen = set()
    for claim, result in bundled.pairs:
        page = _page(bundled_html, claim.id)
        expected = set()
        if uses_definition(claim, "phase_transition_P"):
            expected.add("phase-transition")
        if any(r.lower().startswith(SCALING_PREFIXES) for r in cited_ids(claim, result)):
            expected.add("scaling-laws")
        if any(e.engine == "simulation" for e in result.evidence):
            expected.add("simulation")
        found = set(re.findall(r'<figure class="plot" data-plot="([a-z-]+)">', page))
        assert expected <= found, (claim.id, expected, found)
        if found:
            assert "<svg " in page
        if "counterexample" in found:
            assert result.counterexample is not None
        kinds_seen |= found
    assert {"phase-transition", "counterexample"} <= kinds_seen


def test_fixture_claims_cover_every_verdict(fixture_catalog):
    """The fixture must keep one claim per verdict; if the engine learns to decide one, replace it."""
    from formal_emergence.model.verdict import Verdict
    got = {c.id: r.verdict.value for c, r in fixture_catalog.pairs}
    assert {v.value for v in Verdict} <= set(got.values()), got


def test_fixture_pages_have_every_plot_kind(fixture_html):
    expect = {
        "zz-report.phase.threshold": {"phase-transition", "counterexample"},
        "zz-report.kaplan.halving": {"scaling-laws", "counterexample"},
        "zz-report.sim.orthogonal": {"simulation"},
        "zz-report.integer.square-vs-power": {"counterexample"},
        "zz-report.informal.smart": set(),
        "zz-report.undecided.power-tower": set(),
    }
    for claim_id, kinds in expect.items():
        page = _page(fixture_html, claim_id)
        assert set(re.findall(r'data-plot="([a-z-]+)"', page)) == kinds, claim_id
        assert page.count("<svg ") == len(kinds)


def test_claim_page_sections(fixture_html):
    page = _page(fixture_html, "zz-report.phase.threshold")
    for section in ("Original text", "Formal statement", "Verdict", "Holds if", "Counterexample", "Assumptions",
                    "Symbols and domains", "Definitions used", "Derivation steps", "Evidence", "Encoding losses"):
        assert f"<h2>{section}</h2>" in page, section
    holds_if = page.split('<section id="condition">', 1)[1].split("</section>", 1)[0]
    assert "<math " in holds_if and "eps &lt;= 1 - exp(-1)" in holds_if
    assert "mpmath" in page and "rlimit" in page and "seed" in page
    kaplan = _page(fixture_html, "zz-report.kaplan.halving")
    cites = kaplan.split('<section id="citations">', 1)[1]
    assert "kaplan2020.alpha_n" in cites and "arXiv:" in cites and "19/250" in cites
    ce = kaplan.split('<section id="counterexample">', 1)[1].split("</section>", 1)[0]
    assert re.search(r">-?\d+(/\d+)?<", ce) and "(30 digits)" in ce


def test_mathml_is_well_formed(fixture_html):
    for page in (fixture_html / "claims").glob("*.html"):
        for m in re.findall(r"<math .*?</math>", page.read_text(encoding="utf-8"), flags=re.S):
            minidom.parseString(m)
            assert "<mfenced" not in m  # not supported by MathML Core browsers


def test_hostile_text_is_escaped_and_pages_are_offline(fixture_html):
    smart = _page(fixture_html, "zz-report.informal.smart")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in smart
    for page in [fixture_html / "index.html", *(fixture_html / "claims").glob("*.html")]:
        text = page.read_text(encoding="utf-8")
        # the index's inline scripts: the search data (JSON), the verdict filter and the search box
        assert text.count("<script") == (3 if page.name == "index.html" else 0)
        assert not re.search(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="(?:https?:)?//', text)
        assert "@import" not in text and "fonts.googleapis" not in text
    css = (fixture_html / "assets" / "report.css").read_text(encoding="utf-8")
    assert "url(" not in css and "@import" not in css


def test_plots_are_deterministic(fixture_catalog, fixture_html, tmp_path):
    """A second render of the fixture site has the same bytes as the session's first (``fixture_html``: rendered
    with fresh plots, no plot memo), page for page."""
    from formal_emergence.report.site import write_report
    a, b = fixture_html, tmp_path / "again"
    write_report(fixture_catalog.checked, fixture_catalog.records, fixture_catalog.tool, fixture_catalog.options,
                 "html", b)
    pages = sorted(page.name for page in (a / "claims").glob("*.html"))
    assert pages and pages == sorted(page.name for page in (b / "claims").glob("*.html"))
    for name in pages:
        assert (a / "claims" / name).read_bytes() == (b / "claims" / name).read_bytes(), name
    assert "<dc:date>" not in (a / "claims" / "zz-report.kaplan.halving.html").read_text(encoding="utf-8")


def _cli(argv):
    import io
    out, err = io.StringIO(), io.StringIO()
    code = run(argv, out, err)
    return code, out.getvalue(), err.getvalue()


def test_json_format_is_the_check_document(tmp_path):
    code, printed, _ = _cli(["check", str(FIXTURE_CLAIMS), "--format", "json", "--claim", "zz-report.informal.smart",
                             "--claim", "zz-report.integer.square-vs-power"])
    assert code == 0
    code, out, _ = _cli(["report", str(FIXTURE_CLAIMS), "--format", "json", "-o", str(tmp_path / "j"),
                         "--claim", "zz-report.informal.smart", "--claim", "zz-report.integer.square-vs-power",
                         "--progress", "never"])
    assert code == 0 and "report.json" in out
    assert (tmp_path / "j" / "report.json").read_text(encoding="utf-8") == printed


@pytest.mark.parametrize("fmt,entry", [("html", "index.html"), ("markdown", "index.md"), ("latex", "main.tex")])
def test_cli_report_formats_and_selection(tmp_path, fmt, entry):
    out = tmp_path / fmt
    code, printed, err = _cli(["report", str(FIXTURE_CLAIMS), "--format", fmt, "-o", str(out), "--document", "002",
                               "--claim", "zz-report.integer.square-vs-power", "--dps", "40", "--progress", "never"])
    assert code == 0, err
    assert (out / entry).is_file()
    text = (out / entry).read_text(encoding="utf-8")
    assert "zz-report.integer.square-vs-power" in text.replace("\\allowbreak{}", "")
    assert "zz-report.informal.smart" not in text
    if fmt == "html":
        data = json.loads((out / "report.json").read_text(encoding="utf-8"))
        assert data["options"]["dps"] == 40 and len(data["claims"]) == 1


def test_cli_report_errors(tmp_path):
    afile = tmp_path / "file.txt"
    afile.write_text("x", encoding="utf-8")
    code, _, err = _cli(["report", "-o", str(afile), "--claim", "001.critical-point.sufficiency"])
    assert code == 2 and "--output" in err
    code, _, err = _cli(["report", "--dps", "5", "-o", str(tmp_path / "x")])
    assert code == 2 and "--dps" in err
    code, _, err = _cli(["report", "--format", "pdf"])
    assert code == 2


def test_decimals_are_shown_as_written_with_the_exact_value():
    from formal_emergence.parse.expr import Scope, parse_expression
    from formal_emergence.report.formula import decimal_literals, term_latex
    text = "(N_c/N)**0.076 > 0.5*x"
    t = parse_expression(text, Scope(symbols=frozenset({"x", "N", "N_c"})))
    shown = term_mathml(t, decimals=decimal_literals(text))
    assert '<mn data-exact="19/250">0.076</mn>' in shown and '<mn data-exact="1/2">0.5</mn>' in shown
    assert "250" not in shown.replace('data-exact="19/250"', "")
    assert "0.076" in term_latex(t, decimals=decimal_literals(text))
    assert "250" in term_mathml(t)  # without the claim's literals the exact fraction is printed


def test_phase_plot_uses_the_counterexample_alpha(bundled, bundled_html):
    checked = 0
    for claim, result in bundled.pairs:
        ce = result.counterexample
        values = dict(ce.values) if ce else {}
        if not uses_definition(claim, "phase_transition_P") or "alpha" not in values or "N" not in values:
            continue
        page = _page(bundled_html, claim.id)
        from fractions import Fraction
        alpha = float(Fraction(values["alpha"]))
        assert f"with α = {alpha:g} (α of the counterexample)" in page, claim.id
        assert "The star marks the counterexample" in page, claim.id
        checked += 1
    assert checked >= 3


def test_quotes_are_typeset(bundled_html):
    from formal_emergence.report.quote import quote_html, quote_kind
    latex = r"L(N, D, C) = \left(\frac{N_c}{N}\right)^{\alpha_N} + \epsilon_{\text{noise}}"
    assert quote_kind(latex) == "latex" and "<math" in quote_html(latex) and 'title="LaTeX: ' in quote_html(latex)
    md = quote_html("**α ≈ 0.076**：参数规模指数 $N>N_c$ 时")
    assert "<strong>α ≈ 0.076</strong>" in md and "<math" in md and "**" not in md
    code = quote_html("a = np.exp(x)\nb = 2")
    assert code == '<pre class="quote-code">a = np.exp(x)\nb = 2</pre>'
    assert "<script>" not in quote_html("<script>alert(1)</script> **x**")
    page = _page(bundled_html, "000.scaling-core.multimodal-form")
    quote = page.split('<blockquote class="quote"', 1)[1].split("</blockquote>", 1)[0]
    assert "<math" in quote and "\\frac" not in re.sub(r'title="[^"]*"', "", quote)
