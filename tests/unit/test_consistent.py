"""``formal-emergence consistent``: a model with a truth table, or a minimal conflicting subset."""

from __future__ import annotations

import io
from pathlib import Path

from formal_emergence.cli import run
from formal_emergence.engine.check import CheckOptions
from formal_emergence.engine.conflicts import check_consistency
from formal_emergence.parse.claimfile import load_catalog

DATA = Path(__file__).resolve().parent.parent / "data" / "consistent"


def _claims(text: str, tmp_path: Path, name: str = "c.toml"):
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    catalog = load_catalog([f])
    return [c for c in catalog.claims if c.file == str(f)]


def test_known_minimal_core_of_three_is_returned_exactly():
    catalog = load_catalog([DATA / "core3.toml"])
    claims = [c for c in catalog.claims if c.id.startswith("t.")]
    report = check_consistency(claims, CheckOptions())
    assert report.status == "inconsistent" and report.minimal
    assert [c.id for c in report.core] == ["t.a", "t.b", "t.c"]  # t.d is irrelevant, t.e redundant


def test_dropping_a_core_member_makes_the_rest_consistent():
    catalog = load_catalog([DATA / "core3.toml"])
    claims = [c for c in catalog.claims if c.id in ("t.a", "t.b", "t.d", "t.e")]
    report = check_consistency(claims, CheckOptions())
    assert report.status == "consistent"
    values = dict(report.model)
    from fractions import Fraction
    x, y = Fraction(values["x"]), Fraction(values["y"])
    assert x > 1 and y > x and x < 100


TOML = '''
[[claim]]
id = "u.{id}"
title = "t"
kind = "theorem"
source = {{ document = "d.md", section = "s", quote = "q" }}
symbols = {{ N = "real", N_c = "positive" }}
show = "{show}"

[claim.undefined]
Emerges = {{ kind = "predicate", arity = 1, missing = "m" }}
'''


def test_undefined_predicates_get_a_truth_table(tmp_path):
    text = TOML.format(id="a", show="implies(N > N_c, Emerges(N))") + TOML.format(id="b", show="N > N_c")
    report = check_consistency(_claims(text, tmp_path), CheckOptions())
    assert report.status == "consistent"
    assert dict(report.truth_table) == {"Emerges(N)": "true"}


def test_for_all_quantifies_inside_each_statement(tmp_path):
    text = (TOML.format(id="a", show="implies(N > N_c, Emerges(N))")
            + TOML.format(id="b", show="implies(N > 2*N_c, not Emerges(N))"))
    claims = _claims(text, tmp_path)
    assert check_consistency(claims, CheckOptions()).status == "consistent"          # at one shared N
    report = check_consistency(claims, CheckOptions(), for_all=["N"])               # for every N
    assert report.status == "inconsistent" and [c.id for c in report.core] == ["u.a", "u.b"]


def test_for_all_over_an_integer_symbol(tmp_path):
    """An integer symbol is encoded as ToReal(Int(n)); z3 quantifies the Int (adversarial review 12 F4: the
    reason was "z3 failed with Z3Exception: b'invalid argument'")."""
    one = TOML.replace('N = "real"', 'N = "integer"')
    text = one.format(id="a", show="N*N - N >= N_c - 1") + one.format(id="b", show="N*N + N >= N_c - 1")
    assert check_consistency(_claims(text, tmp_path), CheckOptions(), for_all=["N"]).status == "consistent"
    clash = one.format(id="a", show="N*N - N >= N_c") + one.format(id="b", show="N*N + N <= -N_c")
    report = check_consistency(_claims(clash, tmp_path), CheckOptions(), for_all=["N"])
    assert report.status == "inconsistent", report


def test_cli_prints_the_core_with_quotes_and_rejects_an_empty_selection():
    out, err = io.StringIO(), io.StringIO()
    assert run(["consistent", str(DATA / "core3.toml")], out, err) == 0
    text = out.getvalue()
    assert "cannot all hold together" in text and "minimal conflicting subset" in text
    assert "t.a: x > 1" in text and "t.d" not in text and "\u201cy < 1\u201d" in text
    err = io.StringIO()
    assert run(["consistent"], io.StringIO(), err) == 2 and err.getvalue().startswith("<argv>: --claims:")


def test_all_checks_of_a_request_share_one_rlimit_ledger():
    """The request runs in the z3 worker under one rlimit budget: every check (the first, core shrinking,
    minimality) is charged to it, and a budget too small for the first check gives unknown naming it."""
    from formal_emergence.solver import z3_backend as z3b
    claims = [c for c in load_catalog([DATA / "core3.toml"]).claims if c.id.startswith("t.")]
    with z3b.claim_budget(CheckOptions().rlimit) as ledger:  # the request shares an enclosing budget
        report = check_consistency(claims, CheckOptions())
    assert report.status == "inconsistent" and report.minimal
    checks = int(report.reason.split("(")[1].split()[0])
    assert checks > 1 and ledger.calls == checks and 0 < ledger.used < ledger.total
    starved = check_consistency(claims, CheckOptions(rlimit=1))
    assert starved.status == "unknown" and starved.reason.startswith("z3: rlimit 1 exhausted"), starved.reason


def _guarded(cid: str, show: str, assume: str = "", free: str = '"p"') -> str:
    """One claim over x, y, a, p (the guards tests below)."""
    head = f'[[claim]]\nid = "g.{cid}"\ntitle = "t"\nkind = "theorem"\nsource = {{ document = "d.md", section = "s", '
    return head + (f'quote = "q" }}\nsymbols = {{ x = "real", y = "real", a = "real", p = "real" }}\n'
                   f'assume = [{assume}]\nfree = [{free}]\nshow = "{show}"\n')


def test_a_limit_with_parameters_is_read_only_where_sympys_value_applies(tmp_path):
    """limit(x/(x + a), x, 0) is 0 for a != 0 and 1 at a = 0: read with the generic value 0 for every a, a = 0
    satisfying a*a <= 0 "could not hold" with it, although the engine proves the claim at a = 0 (adversarial
    review 13 F2, cs). The statement is read where a != 0; its model is not claimed for the statement as stated."""
    text = (_guarded("a", "limit(x/(x + a), x, 0) == 1", free='"a"')
            + _guarded("b", "a*a <= 0", free='"a"'))
    report = check_consistency(_claims(text, tmp_path), CheckOptions(), for_all=["x"])
    assert report.status == "unknown" and "g.a (only where" in report.reason, report
    # sl: 0 <= a <= 1 => limit + a > p holds exactly when p <= 0, and p >= -y*y exactly when p >= 0: consistent
    text = (_guarded("a", "limit(x/(x + a), x, 0) + a > p", '"0 <= a", "a <= 1"')
            + _guarded("b", "p >= -y*y"))
    assert check_consistency(_claims(text, tmp_path), CheckOptions(), for_all=["x", "y", "a"]).status == "unknown"
    # a conflict of the statements read under the guard is one of the claims: p >= 1/2 excludes every p <= 0
    clash = text.replace("p >= -y*y", "p >= 1/2 - y*y")
    report = check_consistency(_claims(clash, tmp_path), CheckOptions(), for_all=["x", "y", "a"])
    assert report.status == "inconsistent" and [c.id for c in report.core] == ["g.a", "g.b"], report


def test_a_derivative_is_read_only_off_its_kinks(tmp_path):
    """abs(diff(abs(x), x)) is 1 wherever the derivative exists; the branch value sign(0) = 0 at the kink made it
    conflict with p >= 1/2 (adversarial review 13 F2, sk). A guard the assumptions imply (x > 0) is not one."""
    text = (_guarded("a", "abs(diff(abs(x), x)) >= p")
            + _guarded("b", "p >= 1/2 - y*y"))
    report = check_consistency(_claims(text, tmp_path), CheckOptions(), for_all=["x", "y"])
    assert report.status == "unknown" and "g.a (only where" in report.reason, report
    clash = text.replace("p >= 1/2 - y*y", "p >= 2 - y*y")
    assert check_consistency(_claims(clash, tmp_path), CheckOptions(), for_all=["x", "y"]).status == "inconsistent"
    off_kink = _guarded("a", "abs(diff(abs(x), x)) >= p", '"x > 0"') + _guarded("b", "p >= 1/2 - y*y")
    report = check_consistency(_claims(off_kink, tmp_path), CheckOptions(), for_all=["x", "y"])
    assert report.status == "consistent", report
