"""The Markdown report: one page per claim with its id, verdict and quote; GitHub-safe escaping."""

from __future__ import annotations

import re

from formal_emergence.report.context import page_name
from formal_emergence.report.markdown import cell, code, fenced, md


def test_every_reading_and_lemma_of_the_bundled_catalog_is_reported(bundled):
    """Nothing of the catalog is left out of the reports: every reading and every lemma has a (claim, result) pair."""
    from formal_emergence.parse.claimfile import load_catalog
    catalog = load_catalog(None)
    expected = {r.id for a in catalog.assertions for r in a.readings} | {x.id for x in catalog.lemmas}
    assert {c.id for c, _ in bundled.pairs} == expected


def test_every_claim_has_a_page_with_id_verdict_and_quote(bundled, bundled_markdown):
    index = (bundled_markdown / "index.md").read_text(encoding="utf-8")
    assert index.startswith("# ")
    for claim, result in bundled.pairs:
        page = bundled_markdown / "claims" / f"{page_name(claim.id)}.md"
        assert page.is_file(), claim.id
        text = page.read_text(encoding="utf-8")
        assert claim.id in text
        assert f"**{result.verdict.value}**" in text
        quoted = claim.source.quote.replace("&", "&amp;").replace("<", "&lt;")  # a Markdown quote: no raw HTML
        assert claim.source.quote.strip() in text or all(line in text for line in quoted.splitlines()), claim.id
        assert f"](claims/{page_name(claim.id)}.md)" in index


def test_index_counts_match_the_summary(bundled, bundled_markdown):
    index = (bundled_markdown / "index.md").read_text(encoding="utf-8")
    counts = {}
    for a in bundled.checked.assertions:  # the index counts assertions (primary readings), never lemmas
        if not a.not_run:  # those are counted in their own row (catalog review 8 F1)
            counts[a.verdict.value] = counts.get(a.verdict.value, 0) + 1
    for verdict, n in counts.items():
        assert re.search(rf"\*\*{re.escape(verdict)}\*\* \| {n} \|", index), verdict
    not_run = sum(1 for a in bundled.checked.assertions if a.not_run)
    assert not not_run or f"| not run | {not_run} |" in index


def test_counterexample_tables_and_math(fixture_catalog, fixture_markdown):
    page = (fixture_markdown / "claims" / "zz-report.integer.square-vs-power.md").read_text(encoding="utf-8")
    assert "| symbol | exact value |" in page
    assert re.search(r"\| `n` \| `[234]` \|", page)  # n**2 >= 2**n exactly for n = 2, 3, 4
    assert "$$\nn^{2} < 2^{n}\n$$" in page
    cond = (fixture_markdown / "claims" / "zz-report.phase.threshold.md").read_text(encoding="utf-8")
    assert "## Holds if" in cond and "$$\n\\epsilon" not in cond
    assert "eps <= 1 - exp(-1)" in cond


def test_hostile_text_is_escaped(fixture_markdown):
    page = (fixture_markdown / "claims" / "zz-report.informal.smart.md").read_text(encoding="utf-8")
    outside_fences = re.sub(r"```.*?```", "", page, flags=re.S)
    assert "<script>" not in outside_fences


def test_escaping_helpers():
    assert md("a_b*c|$x$<y>") == r"a\_b\*c\|\$x\$\<y\>"
    assert cell("a|b\nc") == r"a\|b<br>c"
    assert code("x`y") == "``x`y``"
    assert code("a|b", table=True) == r"`a\|b`"
    assert fenced("```\nx") == "````text\n```\nx\n````"


def test_quotes_as_github_renders_them():
    from formal_emergence.report.markdown import quote_markdown
    assert quote_markdown(r"N > N_c \Rightarrow P(\text{Emergence}) > \epsilon") == \
        "$$\nN > N_c \\Rightarrow P(\\text{Emergence}) > \\epsilon\n$$"
    assert quote_markdown("**α ≈ 0.076**：参数规模指数\n- <b>x</b>") == "> **α ≈ 0.076**：参数规模指数\n> - &lt;b>x&lt;/b>"
    assert quote_markdown("a = np.exp(x)\nb = 2") == "```text\na = np.exp(x)\nb = 2\n```"


def test_plots_are_svg_files_beside_the_page(fixture_catalog, fixture_markdown):
    from formal_emergence.report.context import build_views
    views = build_views(fixture_catalog.pairs, fixture_catalog.records, with_plots=True)
    with_plots = [v for v in views if v.plots]
    assert with_plots
    for v in with_plots:
        page = (fixture_markdown / "claims" / f"{page_name(v.id)}.md").read_text(encoding="utf-8")
        links = re.findall(r"!\[[^\]]*\]\(([^)]+\.svg)\)", page)
        assert len(links) == len(v.plots), v.id
        for link in links:
            svg = (fixture_markdown / "claims" / link).read_text(encoding="utf-8")
            assert "<svg " in svg[:400] and svg.rstrip().endswith("</svg>"), link
