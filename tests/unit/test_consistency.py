"""Cross-document consistency tables and the coverage listing."""

from __future__ import annotations

from pathlib import Path

import io

import pytest

from formal_emergence.cli import run
from formal_emergence.engine.check import check_claim
from formal_emergence.parse.claimfile import load_catalog


QUANTITIES = """
[[quantity]]
id = "demo.scale"
title = "A scale two documents state"
unit = "parameters"
[[quantity.statement]]
document = "a.txt"
section = "1"
quote = "between 50B and 70B"
low = "50e9"
high = "70e9"
[[quantity.statement]]
document = "b.txt"
section = "2"
quote = "{quote_b}"
low = "{low_b}"
high = "{high_b}"
"""


def _catalog(tmp_path, low_b, high_b):
    path = tmp_path / "q.toml"
    path.write_text(QUANTITIES.format(quote_b=f"{low_b} to {high_b}", low_b=low_b, high_b=high_b), encoding="utf-8")
    return load_catalog([path])


def test_disjoint_ranges_fail_and_cite_both_sources(tmp_path):
    catalog = _catalog(tmp_path, "100e9", "120e9")
    claim = catalog.claim("consistency.demo.scale")
    result = check_claim(claim)
    assert result.verdict.value == "fails"
    assert "a.txt" in claim.source.quote and "b.txt" in claim.source.quote
    assert any(v == "false" for _, v in result.counterexample.evaluations)


def test_overlapping_ranges_hold(tmp_path):
    catalog = _catalog(tmp_path, "60e9", "120e9")
    assert check_claim(catalog.claim("consistency.demo.scale")).verdict.value == "holds"


def test_low_above_high_is_a_located_user_error(tmp_path):
    with pytest.raises(Exception) as info:
        _catalog(tmp_path, "9e9", "1e9")
    assert "quantity.demo.scale.statement[1].low" in str(info.value)


def test_consistency_command_prints_every_bundled_quantity():
    out, err = io.StringIO(), io.StringIO()
    assert run(["consistency"], out, err) == 0
    catalog = load_catalog(None)
    text = out.getvalue()
    assert catalog.quantities
    for q in catalog.quantities:
        assert q.id in text
    assert "contradiction" in text



#: Byte-identical copies of ../shared/seeds kept in the repository (tests/data/seeds).
SEED_COPIES = Path(__file__).resolve().parents[1] / "data" / "seeds"

def test_list_coverage_reports_every_seed_document():
    from formal_emergence.coverage import find_documents

    seeds = find_documents(None) or SEED_COPIES  # the pinned copies when ../shared/seeds is not beside the checkout
    out, err = io.StringIO(), io.StringIO()
    assert run(["list", "--coverage", "--seeds", str(seeds)], out, err) == 0
    for name in ("000_", "001_", "002_", "003_", "004_"):
        assert name in out.getvalue()


def test_list_coverage_without_seeds_is_a_user_error(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    assert run(["list", "--coverage", "--seeds", str(tmp_path / "missing")], out, err) == 2
    assert err.getvalue().startswith("<argv>: --seeds:")


WIDENED = """
[[quantity]]
id = "demo.widened"
title = "A scale one document writes with ≈"
unit = "parameters"
[[quantity.statement]]
document = "a.txt"
section = "1"
quote = "N_c ≈ 100B+"
low = "100e9"
conventions = {convs}
[[quantity.statement]]
document = "b.txt"
section = "2"
quote = "70B"
low = "70e9"
high = "70e9"
"""


@pytest.mark.parametrize("convs, verdict", [('["at-least"]', "fails"), ('["at-least", "approx-scale"]', "holds")])
def test_statement_conventions_widen_the_stated_ends(tmp_path, convs, verdict):
    # "≈ 100B+" read with approx-scale (f = 3/2) starts at 100B/f = 66.7B, which admits 70B; without it, it does not
    path = tmp_path / "w.toml"
    path.write_text(WIDENED.format(convs=convs), encoding="utf-8")
    catalog = load_catalog([path])
    claim = catalog.claim("consistency.demo.widened")
    assert check_claim(claim).verdict.value == verdict
    (q,) = catalog.quantities
    assert q.statements[0].conventions == tuple(convs.strip("[]").replace('"', "").split(", "))
    if "approx-scale" in convs:
        assert q.statements[0].low * 3 == 200e9 and q.statements[0].low_text == "100e9/(3/2)"
        (a,) = [x for x in catalog.assertions if x.id == claim.id]
        assert "approx-scale" in a.primary.conventions   # the generated claim cites what it relied on


def _signed(v: str, w: str, conv: str) -> str:
    """A quantity stated "≈ v" (read by ``conv``) in one document and "= w" in another."""
    ends = [(v, f'conventions = ["{conv}"]'), (w, "")]
    return '[[quantity]]\nid = "demo.signed"\ntitle = "An exponent"\nunit = "1"\n' + "".join(
        f'[[quantity.statement]]\ndocument = "{i}.txt"\nsection = "1"\nquote = "{x}"\nlow = "{x}"\nhigh = "{x}"\n{c}\n'
        for i, (x, c) in enumerate(ends))


@pytest.mark.parametrize("v, w, ends, verdict", [
    ("-0.076", "-0.076", ("-0.0836", "-0.0684"), "holds"),   # adv8 F3: was the empty [-0.0684, -0.0836]
    ("-0.076", "-0.09", ("-0.0836", "-0.0684"), "fails"),
    ("0.076", "0.08", ("0.0684", "0.0836"), "holds"),
    ("0", "0", ("0", "0"), "holds"),
    ("0", "0.001", ("0", "0"), "fails"),
])
def test_approx_moves_each_end_outwards_by_tol_times_its_size(tmp_path, v, w, ends, verdict):
    from fractions import Fraction
    path = tmp_path / "s.toml"
    path.write_text(_signed(v, w, "approx"), encoding="utf-8")
    catalog = load_catalog([path])
    (q,) = catalog.quantities
    st = q.statements[0]
    assert (st.low, st.high) == tuple(Fraction(e) for e in ends) and st.low <= st.high
    assert check_claim(catalog.claim("consistency.demo.signed")).verdict.value == verdict


def test_approx_scale_on_a_non_positive_end_is_a_located_error(tmp_path):
    path = tmp_path / "s.toml"
    path.write_text(_signed("-3", "-3", "approx-scale"), encoding="utf-8")
    with pytest.raises(Exception) as info:
        load_catalog([path])
    assert "quantity.demo.signed.statement[0].low" in str(info.value) and "positive" in str(info.value)


def test_unknown_statement_convention_is_a_located_error(tmp_path):
    path = tmp_path / "w.toml"
    path.write_text(WIDENED.format(convs='["aprox-scale"]'), encoding="utf-8")
    with pytest.raises(Exception) as info:
        load_catalog([path])
    assert "quantity.demo.widened.statement[0].conventions[0]" in str(info.value)
    assert "approx-scale" in str(info.value)
