import pytest

from formal_emergence.engine.check import CheckOptions
from formal_emergence.engine.run import checked_records, json_document


@pytest.fixture(scope="session")
def catalog_records(catalog_checked) -> dict:
    """Every checked reading and lemma of the bundled catalog, as JSON records by id."""
    return {r["id"]: r for r in checked_records(catalog_checked)}


@pytest.fixture(scope="session")
def catalog_document(catalog_checked) -> dict:
    """The JSON document of the bundled catalog (what ``check --format json`` prints)."""
    return json_document(catalog_checked, CheckOptions())
