"""The conventions file (theorems/conventions.toml) and its generated doc."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from formal_emergence.conventions import load_conventions, render_markdown
from formal_emergence.errors import UserInputError
from formal_emergence.model.exact import exact_value

REPO = Path(__file__).resolve().parent.parent.parent

#: The ids and defaults agreed in the team brief (the shared spec of the catalog rewrite), and bare-table-value
#: (no tolerance), added with catalog review 8 (F2, F13), and table-column-model (no tolerance), the lead's rule for
#: table cells after catalog review 9 (F9), and sentence-and-formula (no tolerance), the counting rule of catalog
#: review 11 (F1), and identification-threshold (no tolerance of its own), the reading of "能力概率>50%" after catalog
#: review 10 (F21).
SPEC = {"approx": "1/10", "approx-scale": "3/2", "at-least": None, "range": None, "approx-zero": "1/20",
        "approx-one": "19/20", "steep": "10", "significant": "1/10", "order-of-magnitude": "10**(1/2)",
        "small": "1/10", "bare-table-value": None, "table-column-model": None, "sentence-and-formula": None,
        "identification-threshold": None}


def test_every_convention_of_the_spec_with_its_default():
    conventions = load_conventions()
    assert set(conventions) == set(SPEC)
    for cid, default in SPEC.items():
        c = conventions[cid]
        assert c.notation and c.meaning and len(c.justification.split()) >= 15, cid
        if default is None:
            assert c.default is None and not c.symbol, cid
        else:
            assert c.default_text == default and c.symbol, cid


def test_defaults_are_exact_values():
    conventions = load_conventions()
    assert exact_value(conventions["approx"].default) == Fraction(1, 10)
    assert exact_value(conventions["approx-scale"].default) == Fraction(3, 2)


def test_docs_conventions_md_is_generated_from_the_file():
    doc = (REPO / "docs" / "conventions.md").read_text(encoding="utf-8")
    assert doc == render_markdown(load_conventions()), \
        "regenerate: python -m formal_emergence.conventions > docs/conventions.md"


def test_conventions_file_errors_are_located(tmp_path):
    bad = tmp_path / "conventions.toml"
    bad.write_text('[[convention]]\nid = "x"\nnotation = ["~"]\nmeaning = "m"\nsymbol = "t"\ndefault = "1/"\n'
                   'justification = "because"\n', encoding="utf-8")
    with pytest.raises(UserInputError) as info:
        load_conventions(bad)
    assert info.value.key == "convention.x.default"
