"""Conventions cited, flip points, plausible ranges and vacuity (engine.flip, engine.plausible, engine.vacuity)."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from formal_emergence.engine.assertions import check_catalog
from formal_emergence.engine.check import CheckOptions
from formal_emergence.engine.run import json_document
from formal_emergence.model.terms import Num, substitute
from formal_emergence.model.verdict import Verdict
from formal_emergence.numeric.evaluate import confirm_counterexample

HEAD = '''
[[assertion]]
id = "{id}"
title = "t"
kind = "{kind}"
source = {{ document = "doc.txt", section = "s", quote = "q" }}
'''

def _approx(show: str) -> tuple[str, str]:
    """A numeric claim whose tolerance ``tol`` takes the approx convention."""
    return "numeric", f'symbols = {{ tol = "positive" }}\ntolerances = {{ tol = "approx" }}\nshow = "{show}"'


CLAIMS = {
    "f.alpha": _approx("abs(0.08 - 0.076) <= tol * 0.076"),
    "f.e-far": _approx("abs(exp(1) - 2.5) <= tol * 2.5"),
    "f.e-fragile": _approx("abs(exp(1) - 2.47) <= tol * 2.47"),
    "f.window": _approx("abs(0.08 - 0.076) <= tol * 0.076 and abs(0.08 - 0.1) > tol * 0.1"),
    "f.window-e": _approx("abs(exp(1) - 2.5) <= tol * 2.5 and abs(exp(1) - 4) > tol * 4"),
    # The default 1/10 sits exactly on a flip point (adversarial review 10 F1).
    "f.on-flip": _approx("abs(0.3 - 1/3) < tol * (1/3)"),
    "f.window-open-at-default": _approx("abs(1.08 - 1) <= tol and abs(1.08 - 1.2) > tol * 1.2"),
    "f.two-sided-at-default": _approx("abs(0.3 - 1/3) <= tol / 3 or abs(0.3 - 1/3) >= 2 * tol"),
    "f.necessity": ('theorem', '''symbols = { N = "positive", N_c = "positive", eps = "unit" }
assume = ["N < N_c"]
show = "1 - exp(-N/N_c) <= eps"
free = ["eps"]
conventions = ["small"]
plausible = { eps = { range = "eps <= 1/10", why = "a small threshold" } }'''),
    "f.sufficiency": ('theorem', '''symbols = { N = "positive", N_c = "positive", eps = "unit" }
assume = ["N > N_c"]
show = "1 - exp(-N/N_c) > eps"
free = ["eps"]
conventions = ["small"]
plausible = { eps = { range = "eps <= 1/10", why = "a small threshold" } }'''),
    "f.vacuous-logic": ('theorem', '''symbols = { N = "positive" }
assume = ["Good(N)", "not Good(N)"]
show = "N > 5"
undefined = { Good = { kind = "predicate", arity = 1, missing = "no criterion" } }'''),
    "f.vacuous-numeric": ('theorem', '''symbols = { N = "positive" }
assume = ["N > 2", "N < 1"]
show = "N > 5"'''),
    "f.not-vacuous": ('theorem', '''symbols = { N = "positive" }
assume = ["N > 2"]
show = "N > 1"'''),
}


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    from formal_emergence.parse.claimfile import load_catalog
    text = "".join(HEAD.format(id=cid, kind=kind) + body + "\n" for cid, (kind, body) in CLAIMS.items())
    path = tmp_path_factory.mktemp("faithful") / "claims.toml"
    path.write_text(text, encoding="utf-8")
    catalog = load_catalog([path])
    result = check_catalog(catalog, CheckOptions())
    return catalog, result, json_document(result, CheckOptions())


def _reading(checked, cid):
    return {r.id: r for a in checked[1].assertions for r in a.readings}[cid]


def _record(checked, cid):
    return {r["id"]: r for r in checked[2]["claims"]}[cid]


def test_tolerance_takes_the_default_and_the_exact_flip_point_is_found(checked):
    rr = _reading(checked, "f.alpha")
    assert rr.verdict is Verdict.HOLDS  # |0.08 - 0.076| / 0.076 = 1/19 <= 1/10
    [flip] = rr.flips
    assert flip.exact and flip.value.replace(" ", "") == "1/19" and flip.numeric == pytest.approx(1 / 19)
    assert flip.below == "fails" and flip.above == "holds" and not flip.fragile
    rec = _record(checked, "f.alpha")
    assert rec["flip"][0]["value"] == flip.value and "at or above" in rec["flip"][0]["text"]
    assert "Flip point:" in rec["reason"]


def test_a_window_of_tolerances_has_both_exact_flip_points(checked):
    # 0.08 is within tol of 0.076 and not within tol of 0.1 exactly when 1/19 <= tol < 1/5
    rr = _reading(checked, "f.window")
    assert rr.result.verdict is Verdict.HOLDS
    lower, upper = rr.flips
    assert lower.exact and upper.exact
    assert (lower.value.replace(" ", ""), lower.below, lower.above) == ("1/19", "fails", "holds")
    assert (upper.value.replace(" ", ""), upper.below, upper.above) == ("1/5", "holds", "fails")
    assert "two flip points" in lower.text and "inside" in lower.text
    assert [f["value"].replace(" ", "") for f in _record(checked, "f.window")["flip"]] == ["1/19", "1/5"]


def test_a_window_of_tolerances_is_bracketed_on_both_sides(checked):
    # holds exactly for (e - 2.5)/2.5 <= tol < (4 - e)/4, i.e. 0.0873 .. 0.3204; the default 1/10 is inside
    rr = _reading(checked, "f.window-e")
    assert rr.result.verdict is Verdict.HOLDS
    brackets = [tuple(Fraction(x) for x in f.value.strip("[]").split(", ")) for f in rr.flips]
    assert len(brackets) == 2 and not any(f.exact for f in rr.flips)
    e = Fraction(2718281828459045, 10 ** 15)
    for (lo, hi), true_flip in zip(brackets, ((e - Fraction(5, 2)) / Fraction(5, 2), (4 - e) / 4)):
        assert lo - Fraction(1, 10 ** 8) < true_flip < hi + Fraction(1, 10 ** 8) and hi - lo < Fraction(1, 1000)
    assert [(f.below, f.above) for f in rr.flips] == [("fails", "holds"), ("holds", "fails")]


def test_bracketed_flip_and_fragile_label(checked):
    far = _reading(checked, "f.e-far")
    [flip] = far.flips
    lo, hi = (Fraction(x) for x in flip.value.strip("[]").split(", "))
    true_flip = Fraction(2718281828, 10 ** 9) / Fraction(5, 2) - 1  # (e - 2.5)/2.5 = 0.087313
    assert lo < true_flip + Fraction(1, 10 ** 8) and true_flip - Fraction(1, 10 ** 8) < hi and hi - lo < Fraction(1, 1000)
    assert far.verdict is Verdict.HOLDS and not far.fragile
    fragile = _reading(checked, "f.e-fragile")   # flip (e - 2.47)/2.47 = 0.10052, default 0.1 within 10%
    assert fragile.verdict is Verdict.FAILS and fragile.fragile
    rec = _record(checked, "f.e-fragile")
    assert rec["fragile"] is True and "Fragile" in rec["reason"]
    assert {a["id"]: a["fragile"] for a in checked[2]["assertions"]}["f.e-fragile"] is True
    on_a_flip = {"f.e-fragile", "f.on-flip", "f.window-open-at-default", "f.two-sided-at-default"}
    assert {a["id"] for a in checked[2]["assertions"] if a["fragile"]} == on_a_flip
    assert checked[2]["summary"]["fragile"] == len(on_a_flip)


def test_holds_if_outside_its_plausible_range_becomes_fails(checked):
    rr = _reading(checked, "f.necessity")
    assert rr.verdict is Verdict.FAILS
    assert "holds only if eps >= 1 - exp(-1), which is not a small threshold" in rr.result.reason
    assert rr.result.condition is not None and rr.result.condition.text == "eps >= 1 - exp(-1)"
    values = {k: Fraction(v) for k, v in rr.result.counterexample.values}
    assert values["eps"] <= Fraction(1, 10)  # the witness lies inside the plausible range
    claim = rr.reading.claim
    # re-check the witness on the claim as stated, independently of the engine's own confirmation
    conf = confirm_counterexample(claim.assume, claim.show, values, 30)
    assert conf.status == "confirmed"
    assert _record(checked, "f.necessity")["plausible_refutation"].startswith("holds only if")


def test_holds_if_inside_its_plausible_range_stays_holds_if(checked):
    rr = _reading(checked, "f.sufficiency")
    assert rr.verdict is Verdict.HOLDS_IF and rr.result.condition.text == "eps <= 1 - exp(-1)"
    assert rr.plausible_failed == ""


def test_vacuity_is_flagged_for_logical_and_numeric_clashes(checked):
    for cid in ("f.vacuous-logic", "f.vacuous-numeric"):
        rr = _reading(checked, cid)
        assert rr.verdict is Verdict.HOLDS and rr.vacuous, cid
        assert "can never hold together" in rr.result.reason, cid
        assert _record(checked, cid)["vacuous"] is True
    assert not _reading(checked, "f.not-vacuous").vacuous
    assert checked[2]["summary"]["vacuous"] == 2


def test_every_convention_in_use_is_cited(checked):
    from formal_emergence.conventions import citation_problems, load_conventions
    catalog, _, doc = checked
    records = {r["id"]: r for r in doc["claims"]}
    assert citation_problems(catalog, records, load_conventions()) == []
    # and the check can fail: a record that drops its citation is reported
    broken = dict(records)
    broken["f.alpha"] = {**records["f.alpha"], "reason": "no citation", "conventions": []}
    assert len(citation_problems(catalog, broken, load_conventions())) == 2


def test_text_output_shows_flip_points_and_flags(checked, tmp_path, cli_run):
    from formal_emergence.report.text import render_text
    text = render_text(checked[1], verbose=True)  # flip points and conventions are verbose details
    assert "flip point: holds for every tolerance tol at or above 1/19" in text
    assert "[fragile]" in text and "[vacuous]" in text
    assert "conventions: approx (tol = 1/10)" in text
    json.dumps(checked[2])  # the document is plain JSON


def test_html_report_shows_flip_points(checked, tmp_path):
    from formal_emergence.engine.run import checked_records, options_record, tool_versions
    from formal_emergence.report.site import write_report
    write_report(checked[1], checked_records(checked[1]), tool_versions(), options_record(CheckOptions()), "html",
                 tmp_path)
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "flip point: holds for every tolerance tol at or above 1/19" in index
    page = (tmp_path / "claims" / "f.e-fragile.html").read_text(encoding="utf-8")
    assert "flip point" in page and "fragile" in page


def test_a_default_exactly_on_a_flip_point_is_on_the_side_its_verdict_is(checked):
    """tol = 1/10 makes 1/30 < tol/3 an equality: the strict claim fails there, so the default is on the failing
    side; a window open at 1/10 does not contain it; and the verdict at exactly 10% is the default's (the flip
    scan used a binary neighbour of 1/10, at which these claims have the other verdict)."""
    on = _reading(checked, "f.on-flip")
    assert on.result.verdict is Verdict.FAILS
    [flip] = on.flips
    assert flip.exact and "the default 1/10 is on the failing side" in flip.text
    window = _reading(checked, "f.window-open-at-default")
    assert window.result.verdict is Verdict.FAILS
    assert "the default 1/10 is outside it" in window.flips[0].text
    two = _reading(checked, "f.two-sided-at-default")
    assert two.result.verdict is Verdict.HOLDS
    assert all("fails at 10%" not in f.text for f in two.flips) and any("holds for tol = 10%" in f.text
                                                                         for f in two.flips)
