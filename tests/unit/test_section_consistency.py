"""Per-section consistency: an inconsistent section becomes a generated ``fails`` assertion with its core."""

from __future__ import annotations

from pathlib import Path

from formal_emergence.engine.check import CheckOptions
from formal_emergence.engine.sections import catalog_members, check_catalog_section, check_section, conflict_assertion
from formal_emergence.model.verdict import Verdict
from formal_emergence.parse.claimfile import load_catalog

DATA = Path(__file__).resolve().parent.parent / "data" / "consistent"

CLAIM = '''
[[claim]]
id = "{id}"
title = "t"
kind = "theorem"
source = {{ document = "d.md", section = "2.1 S", quote = "{show}" }}
symbols = {{ x = {{ domain = "{domain}", meaning = "{meaning}" }} }}
show = "{show}"
'''


def _claims(tmp_path, *specs):
    f = tmp_path / "c.toml"
    f.write_text("".join(CLAIM.format(id=i, show=s, domain=d, meaning=m) for i, s, d, m in specs), encoding="utf-8")
    return [c for c in load_catalog([f]).claims if c.file == str(f)]


def test_inconsistent_section_gives_a_fails_assertion_with_the_minimal_core():
    claims = [c for c in load_catalog([DATA / "core3.toml"]).claims if c.id.startswith("t.")]
    check = check_section("t.md", "3.2 S", claims, CheckOptions())
    assert check.status == "inconsistent" and check.minimal
    assert [c.id for c in check.core] == ["t.a", "t.b", "t.c"]
    result = conflict_assertion(check)
    assert result.id == "section-consistency.t.3-2" and result.verdict is Verdict.FAILS
    assert "t.a: x > 1" in result.primary.result.reason and "“y < 1”" in result.primary.result.reason
    assert check.to_json()["core"] == ["t.a", "t.b", "t.c"]


def test_a_statement_false_alone_is_dropped_not_reported_as_a_section_conflict(tmp_path):
    claims = _claims(tmp_path, ("a", "x > 1", "real", "m"), ("b", "x < 2", "real", "m"),
                     ("c", "x < x", "real", "m"))
    check = check_section("d.md", "2.1 S", claims, CheckOptions())
    assert check.status == "consistent" and check.members == ("a", "b")
    assert ("c", "cannot hold on its own (its own verdict says so)") in check.excluded


def test_two_readings_of_one_symbol_are_not_combined(tmp_path):
    claims = _claims(tmp_path, ("a", "x > 1", "real", "scale"), ("b", "x < 0", "real", "an exponent"))
    check = check_section("d.md", "2.1 S", claims, CheckOptions())
    assert check.status == "too few" and check.members == ("a",)
    assert check.excluded[0][0] == "b" and "another domain, meaning" in check.excluded[0][1]


def test_catalog_sections_are_recorded_and_members_follow_the_rules(catalog_checked):
    groups = catalog_members(catalog_checked.assertions)
    verdicts = {a.id: a.verdict for a in catalog_checked.assertions}
    for members, left_out in groups.values():
        assert all(verdicts[c.id] in (Verdict.HOLDS_IF, Verdict.UNDECIDED) for c in members)
        assert all(verdicts[i] in (Verdict.HOLDS, Verdict.FAILS, Verdict.INFORMAL) or why.startswith(("closed",
                   "backed")) for i, why in left_out)
    sections = catalog_checked.sections
    # none since catalog review 12, F2 (000 §5.3's prediction theorem is informal, leaving the verification table
    # alone; 001 §3.2's conclusion is a lemma since catalog review 10, F9, and its theorem informal since catalog
    # review 12, F3): every member rule is still checked above
    assert len(sections) == sum(1 for members, _ in groups.values() if len(members) >= 2)
    members_53, left_out_53 = groups[("000_4eca4fdb896d6b17.txt", "5.3 涌现点机制")]
    assert [c.id for c in members_53] == ["000.emergence-point.verification-supports-theorem"]
    assert ("000.emergence-point.prediction-theorem", "informal") in left_out_53
    members_32, left_out_32 = groups[("001_a65c2cb70b31d20c.txt", "3.2 规模临界点定理")]
    assert members_32 == []
    assert ("001.critical-point.sufficiency", "informal") in left_out_32
    assert {s.status for s in sections} <= {"consistent", "inconsistent", "undecided", "too few"}
    conflicts = [a for a in catalog_checked.assertions if a.id.startswith("section-consistency.")]
    assert len(conflicts) == sum(1 for s in sections if s.status == "inconsistent")
    assert all(a.verdict is Verdict.FAILS for a in conflicts)


SHARED_P = '''
[[claim]]
id = "{id}"
title = "t"
kind = "theorem"
source = {{ document = "d.md", section = "2.1 S", quote = "q" }}
symbols = {{ x = "real", p = "real" }}
assume = ["{assume}"]
show = "{show}"
free = ["p"]
'''


def test_catalog_sections_read_each_statement_for_every_value_of_its_variables(tmp_path):
    """x > 0 => x*exp(-x) < p holds exactly when p > 1/e, x < 0 => x**2 > p exactly when p <= 0: no p makes both
    hold, though one point (x = 0) satisfies both implications (adversarial review 10 F2: was "consistent")."""
    from formal_emergence.engine.assertions import check_catalog
    f = tmp_path / "c.toml"
    f.write_text(SHARED_P.format(id="s.a", assume="x > 0", show="x*exp(-x) < p")
                 + SHARED_P.format(id="s.b", assume="x < 0", show="x**2 > p"), encoding="utf-8")
    checked = check_catalog(load_catalog([f]), CheckOptions())
    assert {a.id: a.verdict for a in checked.assertions if a.id.startswith("s.")} == {
        "s.a": Verdict.HOLDS_IF, "s.b": Verdict.HOLDS_IF}
    members, _ = catalog_members(checked.assertions)[("d.md", "2.1 S")]
    assert all("weakest condition" in c.show_text for c in members)
    check = check_catalog_section("d.md", "2.1 S", members, CheckOptions())
    assert check.status == "inconsistent" and [c.id for c in check.core] == ["s.a", "s.b"]
    # the same two statements with every symbol at one value: x = 0 satisfies both implications
    assert check_section("d.md", "2.1 S", load_catalog([f]).claims, CheckOptions()).status == "consistent"


def test_no_counted_section_conflict_from_a_derivative_kink_or_a_generic_limit(tmp_path):
    """The section check reads each statement as the engine does: off derivative kinks (the branch value sign(0) = 0
    of diff(abs(x), x)) and where SymPy's value of a limit with parameters applies (0 for x/(x + a) at a != 0, 1 at
    a = 0). Both sections are consistent (p = 1/2; p = 0), and were counted ``fails`` (adversarial review 13 F2)."""
    from formal_emergence.engine.assertions import check_catalog
    f = tmp_path / "c.toml"
    text = (SHARED_P.format(id="k.a", assume="x == x", show="abs(diff(abs(x), x)) >= p")
            + SHARED_P.format(id="k.b", assume="x == x", show="p >= 1/2 - x*x")
            + SHARED_P.format(id="l.a", assume="0 <= y", show="limit(x/(x + y), x, 0) + y > p").replace(
                "2.1 S", "2.2 T").replace("p = \"real\" }", "p = \"real\", y = \"real\" }")
            + SHARED_P.format(id="l.b", assume="y <= 1", show="p >= -x*x").replace("2.1 S", "2.2 T").replace(
                "p = \"real\" }", "p = \"real\", y = \"real\" }"))
    f.write_text(text, encoding="utf-8")
    checked = check_catalog(load_catalog([f]), CheckOptions())
    verdicts = {a.id: a.verdict for a in checked.assertions}
    assert not any(i.startswith("section-consistency.") for i in verdicts), verdicts
    assert {s.section: s.status for s in checked.sections} == {"2.1 S": "undecided", "2.2 T": "undecided"}


def test_a_literature_range_end_the_data_may_mark_strict_is_not_relied_on(tmp_path):
    """hoffmann2022's Gopher multiple is "> 250x", stored as low = 250 with the strictness in a note: g > p for
    every such g and p >= 250 both hold at p = 250, but read with the end closed (g = 250) they "cannot all hold"
    (adversarial review 13 F8). Read off the end, a real conflict (p >= 260) is still found."""
    from formal_emergence.engine.assertions import check_catalog
    f = tmp_path / "c.toml"
    text = (SHARED_P.format(id="r.a", assume="g > 0", show="g > p").replace('x = "real"', 'g = "positive"')
            + 'references = { g = "hoffmann2022.s3_4.1t.gopher_multiple" }\n'
            + SHARED_P.format(id="r.b", assume="x == x", show="p >= 250 - x*x"))
    f.write_text(text, encoding="utf-8")
    checked = check_catalog(load_catalog([f]), CheckOptions())
    assert not any(a.id.startswith("section-consistency.") for a in checked.assertions)
    # its own witness g = 250 is on the end too: no refutation, and no "fails for every p >= 250" probed from it
    (own,) = [a.primary.result for a in checked.assertions if a.id == "r.a"]
    assert own.verdict is Verdict.UNDECIDED and "on an end of the literature range" in own.reason, own.reason
    assert "hence for every p >=" not in own.reason, own.reason
    (section,) = checked.sections
    assert section.status == "undecided" and "literature ranges" in section.reason, section
    f.write_text(text.replace("250 - x*x", "260 - x*x"), encoding="utf-8")
    (section,) = check_catalog(load_catalog([f]), CheckOptions()).sections
    assert section.status == "inconsistent", section
