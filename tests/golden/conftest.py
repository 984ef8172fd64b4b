import pytest

from formal_emergence.engine.check import CheckOptions
from formal_emergence.engine.run import check_all, records
from formal_emergence.parse.claimfile import load_catalog


@pytest.fixture(scope="session")
def catalog_records() -> dict:
    """The whole bundled catalog checked once per test session, as JSON records by id."""
    pairs = check_all(load_catalog(None).claims, CheckOptions())
    return {r["id"]: r for r in records(pairs)}
