"""Fixtures for the report tests: catalogs checked once per session, reports generated once per format.

The bundled catalog is the root conftest's ``catalog_checked`` (one check per test session); the
engine's deterministic budgets keep it from stalling, which tests/golden/test_budgets_catalog.py checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from formal_emergence.engine.assertions import check_units
from formal_emergence.engine.check import CheckOptions
from formal_emergence.engine.run import checked_records, options_record, tool_versions
from formal_emergence.parse.claimfile import load_catalog

HERE = Path(__file__).resolve().parent
FIXTURE_CLAIMS = HERE / "fixtures" / "report_claims.toml"


@dataclass
class Checked:
    """A checked catalog: the outcome, its (claim, result) pairs and JSON records, tool versions and options."""

    checked: Any
    pairs: list
    records: list[dict[str, Any]]
    tool: dict[str, str]
    options: dict[str, Any]

    def ids(self) -> list[str]:
        return [c.id for c, _ in self.pairs]


@pytest.fixture(scope="session")
def bundled(catalog_checked) -> Checked:
    """The whole bundled catalog, checked once per session (the root conftest's ``catalog_checked``)."""
    return _checked(catalog_checked)


def _checked(checked) -> Checked:
    return Checked(checked, checked.pairs(), checked_records(checked), tool_versions(), options_record(CheckOptions()))


@pytest.fixture(scope="session")
def fixture_catalog() -> Checked:
    """The report fixture claims (every verdict, every plot kind), checked once per session."""
    catalog = load_catalog([FIXTURE_CLAIMS])
    return _checked(check_units(catalog.assertions, catalog.lemmas, CheckOptions()))


def _write(checked: Checked, fmt: str, out: Path, plots: dict | None = None) -> Path:
    """Write the ``fmt`` site of ``checked`` into ``out``. With ``plots`` (a dict kept across calls), each claim's
    plots are computed once by ``context.plots_for`` and reused by the next site of the same checked catalog."""
    from formal_emergence.report import context
    from formal_emergence.report.site import write_report
    with pytest.MonkeyPatch.context() as mp:
        if plots is not None:
            compute = context.plots_for

            def plots_for(claim, result, shared):
                key = (id(claim), id(result))
                if key not in plots:  # the pair is kept with its plots, so its ids stay unique
                    plots[key] = (claim, result, compute(claim, result, shared))
                return plots[key][2]

            mp.setattr(context, "plots_for", plots_for)
        write_report(checked.checked, checked.records, checked.tool, checked.options, fmt, out)
    return out


@pytest.fixture(scope="session")
def bundled_plots() -> dict:
    """The bundled catalog's plots, shared by its html and markdown sites (about 20 s of matplotlib each time): a
    plot depends only on the claim and its result (test_html.py::test_plots_are_deterministic renders afresh)."""
    return {}


@pytest.fixture(scope="session")
def bundled_markdown(bundled, bundled_plots, tmp_path_factory) -> Path:
    return _write(bundled, "markdown", tmp_path_factory.mktemp("md"), bundled_plots)


@pytest.fixture(scope="session")
def bundled_latex(bundled, tmp_path_factory) -> Path:
    return _write(bundled, "latex", tmp_path_factory.mktemp("tex"))


@pytest.fixture(scope="session")
def bundled_html(bundled, bundled_plots, tmp_path_factory) -> Path:
    return _write(bundled, "html", tmp_path_factory.mktemp("html"), bundled_plots)


@pytest.fixture(scope="session")
def fixture_html(fixture_catalog, tmp_path_factory) -> Path:
    return _write(fixture_catalog, "html", tmp_path_factory.mktemp("fixture-html"))


@pytest.fixture(scope="session")
def fixture_latex(fixture_catalog, tmp_path_factory) -> Path:
    return _write(fixture_catalog, "latex", tmp_path_factory.mktemp("fixture-tex"))


@pytest.fixture(scope="session")
def fixture_markdown(fixture_catalog, tmp_path_factory) -> Path:
    return _write(fixture_catalog, "markdown", tmp_path_factory.mktemp("fixture-md"))
