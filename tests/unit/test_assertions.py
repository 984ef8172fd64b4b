"""Claim format v2: assertions with readings, lemmas, and what is counted (formal_emergence.engine.assertions)."""

from __future__ import annotations

import json

import pytest

from formal_emergence.engine.assertions import check_catalog
from formal_emergence.engine.check import CheckOptions
from formal_emergence.errors import ClaimFileError, UserInputError
from formal_emergence.model.verdict import Verdict

SRC = 'source = { document = "doc_a.txt", section = "S 1", quote = "x squared is at least one" }'

V2 = f"""
[[assertion]]
id = "a.square"
title = "x squared is at least one for x at least one"
kind = "theorem"
{SRC}
resolves = ["MISREAD:old.square"]
reading = "x >= 1, as stated"
symbols = {{ x = "real" }}
assume = ["x >= 1"]
show = "x**2 >= 1"

[[assertion.alternative]]
id = "all-x"
reading = "for every real x (the hypothesis dropped)"
symbols = {{ x = "real" }}
show = "x**2 >= 1"

[[assertion]]
id = "a.wrong"
title = "x squared exceeds x"
kind = "theorem"
source = {{ document = "doc_b.txt", section = "S 2", quote = "x^2 > x" }}
symbols = {{ x = "real" }}
show = "x**2 > x"

[[lemma]]
id = "a.square.lemma.false"
bears_on = "a.square"
effect = "refutes"
title = "a false lemma, to show lemmas never count"
symbols = {{ y = "real" }}
show = "y**2 > 1"

[[lemma]]
id = "a.square.lemma.true"
bears_on = "a.square"
effect = "supports"
symbols = {{ y = "real" }}
show = "y**2 + 1 > 0"
"""


@pytest.fixture()
def v2_catalog(load_claims):
    return load_claims(V2)


@pytest.fixture()
def v2_checked(v2_catalog):
    return check_catalog(v2_catalog, CheckOptions())


def test_assertions_readings_and_lemmas_load(v2_catalog):
    cat = v2_catalog
    assert [a.id for a in cat.assertions] == ["a.square", "a.wrong"]
    square = cat.assertion("a.square")
    assert [r.id for r in square.readings] == ["a.square", "a.square/all-x"]
    alt = square.readings[1]
    assert not alt.primary and alt.local_id == "all-x"
    assert alt.claim.title == square.title and alt.claim.source == square.source and alt.claim.kind == "theorem"
    assert square.resolves == ("MISREAD:old.square",)
    assert [x.id for x in cat.lemmas] == ["a.square.lemma.false", "a.square.lemma.true"]
    lemma = cat.lemmas[1]
    assert lemma.bears_on == "a.square" and lemma.effect == "supports"
    assert lemma.claim.source == square.source  # source defaults to the assertion's
    assert {c.id for c in cat.claims} == {"a.square", "a.square/all-x", "a.wrong", "a.square.lemma.false",
                                          "a.square.lemma.true"}


def test_legacy_claim_is_a_one_reading_assertion(load_claims, claim_toml):
    cat = load_claims(claim_toml("old.c", 'symbols = { x = "real" }\nshow = "x**2 >= 0"'))
    [a] = cat.assertions
    assert a.legacy and a.id == "old.c" and [r.id for r in a.readings] == ["old.c"] and a.readings[0].primary


def test_assertion_verdict_is_the_primary_readings(v2_checked):
    by_id = {a.id: a for a in v2_checked.assertions}
    square = by_id["a.square"]
    assert [r.verdict for r in square.readings] == [Verdict.HOLDS, Verdict.FAILS]
    assert square.verdict is Verdict.HOLDS and square.reading_sensitive
    assert not by_id["a.wrong"].reading_sensitive and by_id["a.wrong"].verdict is Verdict.FAILS
    assert [(x.id, x.lemma.effect) for x in square.lemmas] == [("a.square.lemma.false", "refutes"),
                                                               ("a.square.lemma.true", "supports")]


def test_no_lemma_is_counted_in_any_summary(v2_checked, tmp_path, write_claims, cli_run):
    from formal_emergence.engine.run import json_document
    from formal_emergence.report.text import render_summary
    doc = json_document(v2_checked, CheckOptions())
    assert doc["summary"]["total"] == 2
    assert doc["summary"]["by_verdict"] == {"holds": 1, "holds-if": 0, "fails": 1, "undecided": 0, "informal": 0,
                                          "not_run": 0}
    assert doc["summary"]["by_document"]["doc_a.txt"]["total"] == 1
    assert doc["summary"]["reading_sensitive"] == 1
    assert [x["id"] for x in doc["lemmas"]] == ["a.square.lemma.false", "a.square.lemma.true"]
    assert {r["id"]: r["role"] for r in doc["claims"]}["a.square.lemma.false"] == "lemma"
    text = render_summary(v2_checked)
    assert text.startswith("2 assertions: holds 1  holds-if 0  fails 1")
    assert "2 lemmas" in text and "1 alternative reading " in text
    # --fail-on looks at assertions only: the failing lemma and the failing alternative do not trip it
    path = write_claims(V2, "v2.toml")
    code, out, err = cli_run(["check", str(path), "--document", "doc_a", "--fail-on", "fails"])
    assert code == 0, err
    code, _, _ = cli_run(["check", str(path), "--fail-on", "fails"])
    assert code == 1
    for fmt, index in (("markdown", "index.md"), ("html", "index.html")):
        code, _, err = cli_run(["report", str(path), "--format", fmt, "-o", str(tmp_path / fmt)])
        assert code == 0, err
        page = (tmp_path / fmt / index).read_text(encoding="utf-8")
        assert "2 assertions of the documents" in page
        assert "a.square.lemma.false" in page and "a.square/all-x" in page


def test_check_accepts_assertion_reading_and_lemma_ids(write_claims, cli_run):
    path = write_claims(V2, "v2.toml")
    code, out, err = cli_run(["check", str(path), "--format", "json", "--claim", "a.square/all-x"])
    assert code == 0, err
    doc = json.loads(out)
    assert [c["id"] for c in doc["claims"]] == ["a.square", "a.square/all-x"]  # the primary carries the verdict
    code, out, err = cli_run(["check", str(path), "--format", "json", "--claim", "a.square.lemma.true"])
    doc = json.loads(out)
    assert code == 0 and doc["assertions"] == [] and [x["id"] for x in doc["lemmas"]] == ["a.square.lemma.true"]
    assert doc["summary"]["total"] == 0
    code, out, err = cli_run(["show", "a.square", str(path)])
    assert code == 0, err
    assert "reading-sensitive" in out and "alternative reading" in out and "lemma (refutes" in out
    code, out, err = cli_run(["show", "a.square.lemma.true", str(path)])
    assert code == 0 and "lemma (supports, bears on a.square; not counted)" in out
    code, out, err = cli_run(["explain", "a.square/all-x", str(path)])
    assert code == 0, err


@pytest.mark.parametrize("patch, key, found", [
    (('bears_on = "a.square"', 'bears_on = "a.sqaure"'), "lemma.a.square.lemma.false.bears_on", "unknown assertion"),
    (('effect = "refutes"', 'effect = "disproves"'), "lemma.a.square.lemma.false.effect", "unknown effect"),
    (('id = "all-x"', 'id = "all x"'), "assertion.a.square.alternative[0].id", "claim id"),
    (('reading = "x >= 1, as stated"', 'conventions = ["aprox"]'), "assertion.a.square.conventions[0]",
     "unknown convention"),
    (('reading = "x >= 1, as stated"', 'tolerances = { z = "approx" }'), "assertion.a.square.tolerances.z",
     "not a declared symbol"),
    (('reading = "x >= 1, as stated"', 'tolerances = { x = "at-least" }'), "assertion.a.square.tolerances.x",
     "no tolerance"),
    (('reading = "x >= 1, as stated"', 'free = ["x"]\nplausible = { x = { range = "y < 1" } }'),
     "assertion.a.square.plausible.x.range", "unknown name"),
    (('reading = "x >= 1, as stated"', 'plausible = { x = { range = "x < 1" } }'),
     "assertion.a.square.plausible.x", "not a free constant"),
    (('reading = "x >= 1, as stated"', 'colour = "red"'), "assertion[0].colour", "unknown key"),
    # adversarial review 12 F9: the default 3/2 lies outside the declared unit domain (t > 1 held there)
    (('reading = "x >= 1, as stated"\nsymbols = { x = "real" }',
      'symbols = { x = "unit" }\ntolerances = { x = "approx-scale" }'), "assertion.a.square.tolerances.x",
     "x is declared unit, but convention approx-scale's default is 3/2"),
    (('reading = "x >= 1, as stated"\nsymbols = { x = "real" }',
      'symbols = { x = "natural" }\ntolerances = { x = "order-of-magnitude" }'), "assertion.a.square.tolerances.x",
     "x is declared natural, but convention order-of-magnitude's default is 10**(1/2)"),
])
def test_located_errors(write_claims, patch, key, found):
    path = write_claims(V2.replace(*patch), "bad.toml")
    from formal_emergence.parse.claimfile import load_catalog
    with pytest.raises(UserInputError) as info:
        load_catalog([path])
    err = info.value
    assert err.file == str(path) and err.key == key and found in err.found, err.format()


def test_duplicate_ids_across_assertions_and_lemmas(load_claims):
    text = V2.replace('id = "a.square.lemma.true"', 'id = "a.wrong"')
    with pytest.raises(ClaimFileError, match="duplicate claim id 'a.wrong'"):
        load_claims(text)


@pytest.mark.parametrize("domain, default, inside", [
    ("unit", "3/2", False), ("unit", "1/10", True), ("negative", "1/10", False), ("natural", "10", True),
    ("natural", "1/10", False), ("unit", "10**(1/2)", False), ("positive", "10**(1/2)", True),
    ("probability", "(1/10)**(1/2)", True), ("posint", "10**(1/2)", False), ("real", "10**(1/2)", True),
])
def test_a_value_in_a_declared_domain(domain, default, inside):
    from formal_emergence.model.claim import SymbolDecl, value_in_domain
    from formal_emergence.parse.expr import Scope, parse_expression
    assert value_in_domain(SymbolDecl("t", domain), parse_expression(default, Scope(), expect_boolean=False)) is inside
