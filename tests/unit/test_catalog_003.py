"""Document 003's article catalog (theorems/003/article.toml) applies the conventions file uniformly (the review found four "X+"
cells read three ways, and "约" read as "=" next to "约" read with a factor)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from formal_emergence.parse.claimfile import load_catalog

DOC = "003_db2851241a79104d.txt"
X_PLUS = re.compile(r"\|\s*\d+(?:\.\d+)?[MBT]\+\s*\|")
APPROX = re.compile(r"(约|~)\s*\d")


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def _assertions(catalog):
    found = [a for a in catalog.assertions if a.source.document == DOC and not a.legacy
             and Path(a.file).as_posix().endswith("theorems/003/article.toml")]
    assert found, "theorems/003/article.toml has no v2 assertions"
    return found


def test_every_x_plus_cell_is_read_as_a_lower_bound(catalog):
    cells = [a for a in _assertions(catalog) if X_PLUS.search(a.source.quote)]
    assert len(cells) == 2  # BIG-Bench 100B+, MMLU 50B+ (6.2) counted
    # GSM8K 100B+ and HumanEval 1B+ repeat 2.3's cells and are context lemmas (catalog review 9, F7)
    repeats = [x for x in catalog.lemmas if x.id in ("003.benchmarks.gsm8k-vs-wei", "003.benchmarks.humaneval-vs-doc000")]
    assert len(repeats) == 2
    for a in [*cells, *repeats]:
        # every reading that gives the cell a number reads 'X+' as at least X; a reading whose referent
        # is undefined (BIG-Bench is a suite of tasks with no single scale) carries no number to read
        readings = a.readings if hasattr(a, "readings") else [a.reading]
        numeric = [r for r in readings if not r.claim.undefined]
        assert numeric or a in repeats, a.id
        for r in numeric:
            assert "at-least" in r.conventions, r.id
            assert "==" not in r.claim.show_text, r.id


def test_every_reading_of_an_approximate_scale_carries_a_tolerance(catalog):
    approx = [a for a in _assertions(catalog) if APPROX.search(a.source.quote)]
    assert approx
    for a in approx:
        for r in a.readings:
            if r.claim.symbols and all(d.domain == "bool" for d in r.claim.symbols):
                continue  # observed yes/no outputs of the code (a /run reading): no quantity to widen
            bound = {conv for _, conv in r.tolerances}
            assert bound & {"approx", "approx-scale"}, r.id
            assert set(r.conventions) >= bound, r.id


def test_lemmas_bear_on_003_assertions_and_are_not_assertions(catalog):
    ids = {a.id for a in _assertions(catalog)}
    lemmas = [x for x in catalog.lemmas if Path(x.file).as_posix().endswith("theorems/003/article.toml")]
    assert lemmas
    for lemma in lemmas:
        assert lemma.bears_on in ids, lemma.id
        assert lemma.id not in ids


def test_each_finding_is_resolved_once_per_table(catalog):
    for a in _assertions(catalog):
        assert len(set(a.resolves)) == len(a.resolves), a.id
