"""Every convention that a bundled reading uses is cited, with its default, by the result that uses it."""

from formal_emergence.conventions import citation_problems, load_conventions
from formal_emergence.parse.claimfile import load_catalog


def test_every_convention_in_use_is_cited_in_the_bundled_catalog(catalog_records):
    assert citation_problems(load_catalog(None), catalog_records, load_conventions()) == []
